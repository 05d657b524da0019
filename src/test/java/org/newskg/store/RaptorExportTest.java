package org.newskg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Turtle, TriG and N-Quads exports parse in an independent parser, Raptor's {@code rapper}
 * (Debian's raptor2-utils, installed by .ci/run), with the triple or quad counts the store holds.
 */
class RaptorExportTest {
    static final Path RAPPER = Path.of("/usr/bin/rapper");
    static final Map<String, String> RAPTOR_SYNTAX = Map.of("turtle", "turtle", "trig", "trig", "nquads", "nquads");

    @TempDir
    static Path dir;
    static NewsStore store;

    @BeforeAll
    static void open() throws Exception {
        store = StoreFixture.open(dir.resolve("db"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"turtle", "trig", "nquads"})
    void exportParsesInRaptorWithTheSameCount(String format) throws Exception {
        if (System.getenv("CI") != null) {
            assertTrue(Files.isExecutable(RAPPER), "CI must have rapper (raptor2-utils) installed by .ci/run");
        }
        Assumptions.assumeTrue(Files.isExecutable(RAPPER), "rapper is not installed");
        Path file = dir.resolve("export." + format);
        try (OutputStream out = Files.newOutputStream(file)) {
            Exporter.export(store.dataset(), format, null, out);
        }
        long expected = Txn.calculateRead(store.dataset(), () -> format.equals("turtle")
            ? (long) store.dataset().getUnionGraph().size()
            : org.apache.jena.atlas.iterator.Iter.count(store.dataset().find()));
        Process p = new ProcessBuilder(RAPPER.toString(), "-i", RAPTOR_SYNTAX.get(format), "-c", file.toString())
            .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("returned " + expected + " triples"), format + ": expected " + expected + "\n" + output);
    }
}
