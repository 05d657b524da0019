package org.newskg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.cli.Main;

/**
 * {@code newskg bench --json} with the real default CoreNLP pipeline and newskg's real ingest on
 * one sample article with the gold files: the figures are there and F1 is a score, whatever the
 * speed (no timed assertions).
 */
class BenchIT {
    @TempDir
    Path dir;

    @Test
    void benchJsonHasTheFigures() throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in.resolve("gold"));
        Path article;
        try (var s = Files.list(Path.of("data"))) {
            article = s.filter(p -> p.toString().endsWith(".txt")).min((a, b) -> Long.compare(a.toFile().length(),
                b.toFile().length())).orElseThrow();
        }
        Files.copy(article, in.resolve(article.getFileName()));
        try (var s = Files.list(Path.of("data/gold"))) {
            for (Path g : s.filter(p -> p.toString().endsWith(".tsv")).toList()) {
                Files.copy(g, in.resolve("gold").resolve(g.getFileName()));
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"bench", in.toString(), "--rounds", "1", "--threads", "2", "--json"},
            new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        JsonObject o = JSON.parse(out.toString());
        for (String key : List.of("ratio_vs_default", "thread_speedup", "f1", "load_s", "peak_heap_mb", "f1_per_query",
            "default", "newskg", "newskg_threads")) {
            assertTrue(o.hasKey(key), key + " in " + o);
        }
        double f1 = o.get("f1").getAsNumber().value().doubleValue();
        assertTrue(f1 >= 0 && f1 <= 1, "f1 " + f1);
        assertTrue(o.get("f1_per_query").getAsObject().hasKey("posts"), o.toString());
        assertTrue(o.get("load_s").getAsNumber().value().doubleValue() > 0);
        assertTrue(o.get("default").getAsObject().get("sentences_per_s").getAsNumber().value().doubleValue() > 0);
    }
}
