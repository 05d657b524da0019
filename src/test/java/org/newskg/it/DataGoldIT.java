package org.newskg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.cli.CliRun;
import org.newskg.eval.Evaluator;
import org.newskg.eval.Score;
import org.newskg.store.NewsStore;
import org.newskg.store.Sparql;

/**
 * The whole path on the sample articles, as a user runs it: {@code newskg ingest data/} into a
 * fresh TDB2 store with the real CoreNLP pipeline, then the query library, the gold scores,
 * verbatim evidence with exact offsets, SHACL validation, exports that an independent parser
 * (Raptor) reads, and idempotent re-ingest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataGoldIT {
    @TempDir
    static Path dir;
    static Path store;
    static CliRun ingest;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeAll
    static void ingestData() {
        store = dir.resolve("store");
        ingest = run("ingest", "--store", store.toString(), "data");
    }

    @Test
    @Order(1)
    void ingestStoresEverySampleArticle() throws Exception {
        assertEquals(0, ingest.code(), ingest.err());
        long articles;
        try (var s = Files.list(Path.of("data"))) {
            articles = s.filter(p -> p.toString().endsWith(".txt")).count();
        }
        assertTrue(articles >= 12);
        assertTrue(ingest.out().contains(articles + " written"), ingest.out());
        assertTrue(ingest.out().contains("articles: " + articles), ingest.out());
    }

    @Test
    @Order(2)
    void postsEntitiesAndEventsMatchTheGold() throws Exception {
        List<Score> scores;
        try (NewsStore s = NewsStore.open(store)) {
            scores = Evaluator.evaluate(s.dataset(), Path.of("data/gold"), Path.of("queries"));
        }
        String report = Evaluator.report(scores, true);
        System.out.println(report);
        Score posts = scores.stream().filter(x -> x.query().equals("posts")).findFirst().orElseThrow();
        Score entities = scores.stream().filter(x -> x.query().equals("entities")).findFirst().orElseThrow();
        // Floors a little under what data/ gives (87 articles; the 62 added after the first 25 had their gold written
        // before any extraction, the last 26 by writers who never saw the rules, so these are far below the F1 of the
        // first 25, which the rules were written on).
        assertTrue(posts.f1() >= 0.69, "posts F1 " + posts.f1() + "\n" + report);
        assertTrue(entities.f1() >= 0.83, "entities F1 " + entities.f1() + "\n" + report);
        Map<String, Double> events = Map.of("visits", 0.70, "contacts", 0.58, "deployments", 0.44, "transfers", 0.39,
            "agreements", 0.41, "statements", 0.77);
        for (Map.Entry<String, Double> e : events.entrySet()) {
            Score s = scores.stream().filter(x -> x.query().equals(e.getKey())).findFirst().orElseThrow();
            assertTrue(s.f1() >= e.getValue(), e.getKey() + " F1 " + s.f1() + "\n" + report);
        }
    }

    @Test
    @Order(3)
    void postsQueryListsTheOfficialsWithTheirPosts() {
        CliRun r = run("query", "--store", store.toString(), "--format", "tsv", "queries/posts.rq");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"Sergei Lavrov\"\t\"Foreign Minister\"\t\"Russia\""), r.out());
        assertTrue(r.out().contains("\"Mark Rutte\"\t\"Secretary General\"\t\"NATO\""), r.out());
    }

    @Test
    @Order(4)
    void everyEvidenceIsAVerbatimSpanOfItsArticle() throws Exception {
        List<Map<String, String>> rows;
        try (NewsStore s = NewsStore.open(store)) {
            rows = Sparql.select(s.dataset(), Sparql.parse(
                "SELECT ?quote ?b ?e ?stext ?sb ?se ?text WHERE { ?f nkg:evidence ?ev . ?ev nkg:quote ?quote ; "
                    + "nkg:begin ?b ; nkg:end ?e ; nkg:sentence ?s . ?s nkg:text ?stext ; nkg:begin ?sb ; nkg:end ?se ; "
                    + "nkg:article ?a . ?a nkg:text ?text }"));
        }
        assertFalse(rows.isEmpty());
        for (Map<String, String> r : rows) {
            String text = r.get("text");
            assertEquals(r.get("quote"), codePoints(text, r.get("b"), r.get("e")), "evidence offsets");
            assertEquals(r.get("stext"), codePoints(text, r.get("sb"), r.get("se")), "sentence offsets");
            assertTrue(r.get("stext").contains(r.get("quote")), "evidence lies in its sentence");
        }
    }

    static String codePoints(String text, String begin, String end) {
        int b = text.offsetByCodePoints(0, Integer.parseInt(begin));
        int e = text.offsetByCodePoints(0, Integer.parseInt(end));
        return text.substring(b, e);
    }

    @Test
    @Order(5)
    void storeConformsToTheShapes() {
        CliRun r = run("validate", "--store", store.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("conforms"));
    }

    @Test
    @Order(6)
    void turtleExportParsesInRaptorWithTheSameTripleCount() throws Exception {
        Path ttl = dir.resolve("export.ttl");
        assertEquals(0, run("export", "--store", store.toString(), "--format", "turtle", "-o", ttl.toString()).code());
        Model jena = ModelFactory.createDefaultModel();
        RDFParser.source(ttl).lang(Lang.TURTLE).parse(jena);
        assertTrue(jena.size() > 1000);
        Path rapper = Path.of("/usr/bin/rapper");
        if (!Files.isExecutable(rapper)) {
            assertTrue(System.getenv("CI") == null, "CI must have Raptor (raptor2-utils) installed by .ci/run");
            return;
        }
        Process p = new ProcessBuilder(rapper.toString(), "-i", "turtle", "-c", ttl.toString())
            .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("returned " + jena.size() + " triples"), output);
    }

    @Test
    @Order(7)
    void ingestingAgainChangesNothingAndLoadsNoModels() throws Exception {
        Set<String> before = quads();
        CliRun again = run("ingest", "--store", store.toString(), "data");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("0 written"), again.out());
        assertFalse(again.err().contains("loading CoreNLP"), again.err());
        assertEquals(before, quads());
        CliRun forced = run("ingest", "--store", store.toString(), "--force", "data");
        assertEquals(0, forced.code(), forced.err());
        assertEquals(before, quads(), "re-extracting every article gives exactly the same quads");
    }

    static Set<String> quads() throws Exception {
        CliRun nq = run("export", "--store", store.toString(), "--format", "nquads");
        assertEquals(0, nq.code(), nq.err());
        Dataset d = DatasetFactory.create();
        RDFParser.fromString(nq.out(), Lang.NQUADS).parse(d);
        return new HashSet<>(List.of(nq.out().split("\n")));
    }
}
