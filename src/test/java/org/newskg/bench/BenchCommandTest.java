package org.newskg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.article.Article;
import org.newskg.article.ArticleReader;
import org.newskg.cli.Main;
import org.newskg.store.NewsStore;
import org.newskg.store.Sparql;

/** {@code newskg bench --synthetic} and {@code --latency} through the command line, and the recombined articles of the memory benchmark. */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void syntheticBenchReportsLoadAndEveryQuery() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path store = dir.resolve("db");
        int code = Main.execute(new String[] {"bench", "--synthetic", "300", "--rounds", "3", "--store", store.toString(),
            "--json"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        JsonObject o = JSON.parse(out.toString());
        for (String key : List.of("articles", "quads", "jena_quads_per_s", "newskg_bulk_quads_per_s", "bulk_vs_jena",
            "txn_quads_per_s", "queries")) {
            assertTrue(o.hasKey(key), key + " in " + o);
        }
        assertEquals(300, o.get("articles").getAsNumber().value().intValue());
        JsonObject queries = o.get("queries").getAsObject();
        JsonObject entity = o.get("entity").getAsObject();
        assertEquals(99, entity.get("percentile").getAsNumber().value().intValue());
        assertTrue(entity.get("articles").getAsNumber().value().intValue() > 1, "a frequent entity: " + entity);
        try (var s = Files.list(Path.of("queries"))) {
            for (Path q : s.filter(p -> p.toString().endsWith(".rq")).toList()) {
                String name = q.getFileName().toString();
                JsonObject l = queries.get(name).getAsObject();
                assertTrue(l.hasKey("cold_p50_ms") && l.hasKey("warm_p95_ms"), q + ": " + l);
                assertTrue(l.get("rows").getAsNumber().value().intValue() > 0, q + " finds rows");
                if (queries.hasKey(name + " limit 100")) {
                    JsonObject page = queries.get(name + " limit 100").getAsObject();
                    int rows = page.get("rows").getAsNumber().value().intValue();
                    assertEquals(Math.min(100, l.get("rows").getAsNumber().value().intValue()), rows, name + " first page");
                    assertTrue(page.hasKey("within_goal"), page.toString());
                } else {
                    assertTrue(l.hasKey("within_goal"), name + " is an entity query with a goal: " + l);
                }
            }
        }
        assertTrue(queries.hasKey("timeline.rq") && queries.hasKey("visits.rq limit 100"), queries.toString());
        try (NewsStore kept = NewsStore.open(store)) {
            var rows = Sparql.select(kept.dataset(), Sparql.parse("SELECT (COUNT(*) AS ?n) WHERE { ?a a nkg:Article }"));
            assertEquals("300", rows.get(0).get("n"), "--store keeps the synthetic store");
        }

        StringWriter again = new StringWriter();
        code = Main.execute(new String[] {"bench", "--latency", "--store", store.toString(), "--rounds", "1", "--json"},
            new PrintWriter(again, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        JsonObject latency = JSON.parse(again.toString()).get("queries").getAsObject();
        assertEquals(queries.keys(), latency.keys());
        for (String q : queries.keys()) {
            assertEquals(queries.get(q).getAsObject().get("rows"), latency.get(q).getAsObject().get("rows"),
                q + ": --latency on the kept store finds the rows the synthetic run found");
        }
        code = Main.execute(new String[] {"bench", "--latency", "--store", dir.resolve("none").toString()},
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(2, code, "a missing store is bad input");
        assertTrue(err.toString().contains("no store at"), err.toString());
    }

    @Test
    void recombinedArticlesAreReadableAndDeterministic() throws Exception {
        MemoryBench.writeArticles(Path.of("data"), dir.resolve("a"), 25, 9);
        MemoryBench.writeArticles(Path.of("data"), dir.resolve("b"), 25, 9);
        List<Article> a = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        ArticleReader.read(List.of(dir.resolve("a")), a::add, e -> failures.add(e.describe()));
        assertEquals(List.of(), failures);
        assertEquals(25, a.size());
        for (Article x : a) {
            String name = Path.of(x.origin()).getFileName().toString();
            assertEquals(Files.readString(dir.resolve("a").resolve(name)), Files.readString(dir.resolve("b").resolve(name)));
            assertTrue(x.text().length() > 100, "two or three real paragraphs");
        }
    }
}
