package org.newskg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.cli.CliRun;
import org.newskg.shards.ShardFormat;

/**
 * {@code newskg spark-ingest --master local[2]} on all of {@code data/}, in a child JVM started as
 * the launcher starts it, then {@code newskg load}: the store holds exactly the quads of
 * {@code newskg ingest data/} run as the launcher runs it (sorted N-Quads exports compared), every article is whole in one
 * shard, and loading the shards again replaces their articles and changes nothing.
 */
class SparkIngestIT {
    @TempDir
    Path dir;

    static List<String> sortedExport(Path store) {
        CliRun r = CliRun.of("export", "--store", store.toString(), "--format", "nquads");
        assertEquals(0, r.code(), r.err());
        return r.out().lines().sorted().toList();
    }

    /** Fails with the lines only one side has (a few of them) unless both lists are equal. */
    static void assertSameLines(List<String> expected, List<String> actual, String what) {
        if (expected.equals(actual)) {
            return;
        }
        Set<String> missing = new java.util.TreeSet<>(expected);
        actual.forEach(missing::remove);
        Set<String> extra = new java.util.TreeSet<>(actual);
        expected.forEach(extra::remove);
        throw new AssertionError(what + ": " + expected.size() + " lines expected, " + actual.size() + " found; missing "
            + missing.stream().limit(8).toList() + "; extra " + extra.stream().limit(8).toList());
    }

    @Test
    void localTwoOnDataGivesTheQuadsOfIngest() throws Exception {
        Path ingested = dir.resolve("ingested");
        SparkProcesses.Child ingest = SparkProcesses.finished(SparkProcesses.newskg("3g",
            List.of("ingest", "--store", ingested.toString(), "data/"), dir.resolve("ingest.log")));
        assertEquals(0, ingest.process.exitValue(), ingest.output());

        Path shards = dir.resolve("shards");
        SparkProcesses.Child spark = SparkProcesses.finished(SparkProcesses.sparkIngest("3g",
            List.of("--master", "local[2]", "--out", shards.toString(), "data/"), dir.resolve("spark.log")));
        assertEquals(0, spark.process.exitValue(), spark.output());
        int shardCount = SparkProcesses.shards(shards).size();
        assertTrue(spark.lines.stream().anyMatch(l -> l.startsWith("  executor driver: " + shardCount + " shard(s) on 1 pipeline(s),")),
            "every shard task of the one executor shared its one pipeline:\n" + spark.output());

        JsonObject manifest = JSON.parse(Files.readString(shards.resolve(ShardFormat.MANIFEST), StandardCharsets.UTF_8));
        List<Path> files = SparkProcesses.shards(shards);
        int articles = Integer.parseInt(ingest.lines.stream().filter(l -> l.startsWith("articles: ")).findFirst()
            .orElseThrow().substring("articles: ".length()).trim());
        assertEquals(articles, manifest.get("articles").getAsNumber().value().intValue());
        assertEquals(0, manifest.get("rejects").getAsNumber().value().intValue());
        assertEquals(files.size(), manifest.get("shards").getAsArray().size());
        assertTrue(files.size() > 1, "several shards");
        assertEquals("", Files.readString(shards.resolve(ShardFormat.REJECTS)));
        Set<String> seen = new HashSet<>();
        for (Path f : files) {
            for (String a : SparkProcesses.articlesIn(f)) {
                assertTrue(seen.add(a), a + " is whole in one shard, not also in " + f);
            }
        }
        assertEquals(articles, seen.size());

        Path loaded = dir.resolve("loaded");
        CliRun load = CliRun.of("load", "--store", loaded.toString(), shards.toString());
        assertEquals(0, load.code(), load.err());
        List<String> expected = sortedExport(ingested);
        assertFalse(expected.isEmpty());
        assertSameLines(expected, sortedExport(loaded), "the loaded store has exactly the quads of newskg ingest");

        CliRun again = CliRun.of("load", "--store", loaded.toString(), shards.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("(" + articles + " replaced)"), again.out());
        assertSameLines(expected, sortedExport(loaded), "loading the shards again changes nothing");
    }

    @Test
    void benchSparkReportsItsFigures() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("data/2019-01-24-venezuela-guaido-recognition.txt"), in.resolve("a.txt"));
        List<String> cmd = new java.util.ArrayList<>(List.of(SparkProcesses.java(), "-Xmx3g"));
        cmd.addAll(SparkProcesses.opens());
        cmd.addAll(List.of("-cp", SparkProcesses.launcherClassPath(), "org.newskg.cli.Main", "bench", "--spark", in.toString(),
            "--rounds", "1", "--json"));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("bench.err").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out + Files.readString(dir.resolve("bench.err")));
        JsonObject o = JSON.parse(out);
        for (String key : List.of("ingest", "spark_local1", "spark_local2", "model_load_s_per_executor", "pipeline_heap_mb",
            "spark_scaling", "spark_vs_ingest", "per_core_articles_per_s", "cores_for_10m_per_day")) {
            assertTrue(o.hasKey(key), key + " in " + o);
        }
        assertEquals(1, o.get("articles").getAsNumber().value().intValue());
        assertTrue(o.get("model_load_s_per_executor").getAsNumber().value().doubleValue() > 0, o.toString());
        assertTrue(o.get("spark_local2").getAsObject().get("articles_per_s").getAsNumber().value().doubleValue() > 0, o.toString());
        assertTrue(o.get("cores_for_10m_per_day").getAsNumber().value().longValue() >= 1, o.toString());
    }
}
