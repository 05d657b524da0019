package org.newskg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad usage and bad input of {@code spark-ingest} and {@code load}: one-line messages naming the
 * path, exit code 2, and nothing written (no Spark job is started for a refused output directory).
 */
class ShardCommandsTest {
    @TempDir
    Path dir;

    @Test
    void sparkIngestRefusesAnOutputDirectoryThatHoldsSomething() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        CliRun r = CliRun.of("spark-ingest", "--master", "local[1]", "--out", out.toString(), "data/");
        assertEquals(2, r.code(), r.err());
        assertEquals("newskg: " + out + " already exists and is not an empty directory "
            + "(spark-ingest writes its shards into a new directory)", r.err().strip());
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    }

    @Test
    void sparkIngestNeedsAnOutputDirectory() {
        CliRun r = CliRun.of("spark-ingest", "data/");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--out"), r.err());
    }

    @Test
    void loadRefusesWhatIsNoShardWithoutCreatingAStore() throws Exception {
        Path store = dir.resolve("store");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun r = CliRun.of("load", "--store", store.toString(), empty.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("newskg: " + empty + ": no shards (*.nq.gz) in this directory", r.err().strip());
        CliRun missing = CliRun.of("load", "--store", store.toString(), dir.resolve("nope").toString());
        assertEquals(2, missing.code());
        assertEquals("newskg: " + dir.resolve("nope") + ": no such file or directory", missing.err().strip());
        assertFalse(Files.exists(store), "no store is created for bad input");
    }
}
