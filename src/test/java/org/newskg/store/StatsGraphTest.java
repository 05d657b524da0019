package org.newskg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.bench.SyntheticCorpus;
import org.newskg.rdf.NKG;
import org.newskg.rdf.ReferenceData;

/**
 * The statistics graph (articles per entity, with each entity's types and labels) kept by {@link NewsStore#write}, {@link NewsStore#remove}
 * and {@link NewsStore#bulkLoad} always equals the live count over the article graphs, on a real
 * TDB2 store of synthetic articles.
 */
class StatsGraphTest {
    private static final String LIVE = "PREFIX nkg: <https://w3id.org/newskg/ont#> "
        + "SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a nkg:mentions ?e } GROUP BY ?e";
    private static final String STORED = "PREFIX nkg: <https://w3id.org/newskg/ont#> "
        + "SELECT ?e ?n WHERE { GRAPH <https://w3id.org/newskg/graph/stats> { ?e nkg:articleCount ?n } }";

    private static final String LIVE_DESCRIPTIONS = "PREFIX nkg: <https://w3id.org/newskg/ont#> "
        + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
        + "SELECT DISTINCT ?e ?p ?o WHERE { GRAPH ?a { ?a nkg:mentions ?e } GRAPH ?g { ?e ?p ?o } "
        + "FILTER (?p IN (rdfs:label, rdf:type)) FILTER (?g NOT IN (<https://w3id.org/newskg/graph/stats>)) }";
    private static final String STORED_DESCRIPTIONS = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
        + "SELECT ?e ?p ?o WHERE { GRAPH <https://w3id.org/newskg/graph/stats> { ?e ?p ?o FILTER (?p IN (rdfs:label, rdf:type)) } }";

    private static final String LIVE_LATEST = "PREFIX nkg: <https://w3id.org/newskg/ont#> "
        + "SELECT ?e (MAX(CONCAT(STR(?d), ' ', STR(?a))) AS ?n) WHERE { GRAPH ?a { ?a nkg:mentions ?e ; nkg:publicationDate ?d } } GROUP BY ?e";
    private static final String STORED_LATEST = "PREFIX nkg: <https://w3id.org/newskg/ont#> "
        + "SELECT ?e (CONCAT(STR(?d), ' ', STR(?a)) AS ?n) WHERE { GRAPH <https://w3id.org/newskg/graph/stats> { ?e nkg:latestArticle ?a } "
        + "GRAPH ?a { ?a nkg:publicationDate ?d } }";
    /** Every entity, event and role of the article graphs, with the number of articles giving it and its first report. */
    private static final String LIVE_ROLES = "PREFIX nkg: <https://w3id.org/newskg/ont#> "
        + "SELECT ?e ?event ?role (COUNT(DISTINCT ?g) AS ?reports) (MIN(CONCAT(STR(?d), ' ', STR(?g))) AS ?first) WHERE { "
        + "VALUES ?role { nkg:agent nkg:participant nkg:target nkg:recipient nkg:destination nkg:location } "
        + "GRAPH ?g { ?event ?role ?e ; nkg:evidence ?span . ?g nkg:publicationDate ?d } } GROUP BY ?e ?event ?role";
    private static final String STORED_ROLES = "PREFIX nkg: <https://w3id.org/newskg/ont#> "
        + "SELECT ?e ?event ?role ?reports (CONCAT(STR(?d), ' ', STR(?g)) AS ?first) ?counterparts WHERE { "
        + "GRAPH <https://w3id.org/newskg/graph/index> { ?x nkg:indexEntity ?e ; nkg:indexEvent ?event ; nkg:indexRole ?role ; "
        + "nkg:counterparts ?counterparts . ?event nkg:reportCount ?reports ; nkg:firstArticle ?g ; nkg:firstEvidence ?span } "
        + "GRAPH ?g { ?span nkg:sentence ?s . ?g nkg:publicationDate ?d } }";
    private static final String LIVE_OTHERS = "PREFIX nkg: <https://w3id.org/newskg/ont#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        + "SELECT DISTINCT ?event ?e ?label WHERE { VALUES ?role { nkg:agent nkg:participant nkg:target nkg:recipient nkg:destination nkg:location } "
        + "GRAPH <https://w3id.org/newskg/graph/index> { ?event nkg:firstArticle ?g } GRAPH ?g { ?event ?role ?e . ?e rdfs:label ?label } }";

    @TempDir
    Path dir;

    private static final SyntheticCorpus CORPUS = new SyntheticCorpus(ReferenceData.load(), 7);

    static Map<String, String> counts(NewsStore store, String query) {
        Map<String, String> out = new TreeMap<>();
        for (Map<String, String> row : Sparql.select(store.dataset(), Sparql.parse(query))) {
            out.put(row.get("e"), row.get("n"));
        }
        return out;
    }

    static Set<String> rows(NewsStore store, String query) {
        Set<String> out = new HashSet<>();
        for (Map<String, String> row : Sparql.select(store.dataset(), Sparql.parse(query))) {
            out.add(row.get("e") + " " + row.get("p") + " " + row.get("o"));
        }
        return out;
    }

    /** The stored counts, types and labels equal the ones computed over the article graphs now. */
    static void assertLive(NewsStore store, String message) {
        assertEquals(counts(store, LIVE), counts(store, STORED), message);
        Set<String> described = rows(store, LIVE_DESCRIPTIONS);
        assertTrue(described.size() > counts(store, LIVE).size(), "every counted entity has a type and a label");
        assertEquals(described, rows(store, STORED_DESCRIPTIONS), message + ": types and labels");
        assertEquals(counts(store, LIVE_LATEST), counts(store, STORED_LATEST), message + ": latest articles");
        assertIndexLive(store, message);
    }

    /**
     * The entity index has exactly one entry per entity, event and role of the article graphs, with
     * the number of articles reporting the event, its first report (earliest date, then smallest
     * IRI) and the labels of the event's other participants in that report.
     */
    static void assertIndexLive(NewsStore store, String message) {
        Map<String, String> live = new TreeMap<>();
        for (Map<String, String> r : Sparql.select(store.dataset(), Sparql.parse(LIVE_ROLES))) {
            live.put(r.get("e") + " " + r.get("event") + " " + r.get("role"), r.get("reports") + " " + r.get("first"));
        }
        Map<String, String> stored = new TreeMap<>();
        Map<String, String> counterparts = new TreeMap<>();
        for (Map<String, String> r : Sparql.select(store.dataset(), Sparql.parse(STORED_ROLES))) {
            String key = r.get("e") + " " + r.get("event") + " " + r.get("role");
            stored.put(key, r.get("reports") + " " + r.get("first"));
            counterparts.put(r.get("e") + " " + r.get("event"), r.get("counterparts"));
        }
        assertTrue(live.size() > 10, "the articles have events");
        assertEquals(live, stored, message + ": index entries, report counts and first reports");
        Map<String, Map<String, String>> others = new TreeMap<>();
        for (Map<String, String> r : Sparql.select(store.dataset(), Sparql.parse(LIVE_OTHERS))) {
            others.computeIfAbsent(r.get("event"), k -> new TreeMap<>()).put(r.get("e"), r.get("label"));
        }
        counterparts.forEach((key, value) -> {
            String[] parts = key.split(" ");
            Set<String> expected = new java.util.TreeSet<>();
            others.get(parts[1]).forEach((e, label) -> {
                if (!e.equals(parts[0])) {
                    expected.add(label);
                }
            });
            assertEquals(String.join("; ", expected), value, message + ": counterparts of " + key);
        });
    }

    private static List<ArticleQuads> articles(int from, int to) {
        List<ArticleQuads> out = new ArrayList<>();
        CORPUS.quads(from, to).forEachRemaining(out::add);
        return out;
    }

    @Test
    void writesAndRemovalsKeepCountsEqualToLiveCount() {
        try (NewsStore store = NewsStore.open(dir.resolve("db"))) {
            store.write(articles(0, 40));
            Map<String, String> live = counts(store, LIVE);
            assertTrue(live.size() > 20, "the articles mention many entities");
            assertTrue(live.values().stream().anyMatch(n -> Integer.parseInt(n) > 1), "some entities in several articles");
            assertLive(store, "written");

            store.write(articles(20, 60));
            assertLive(store, "rewriting articles does not count them twice");

            List<String> gone = new ArrayList<>();
            for (int i = 0; i < 60; i += 3) {
                gone.add(String.format("synthetic-%07d", i));
            }
            store.remove(gone);
            assertLive(store, "removal subtracts");
        }
    }

    @Test
    void replacingAnArticleMovesItsCounts() {
        try (NewsStore store = NewsStore.open(dir.resolve("db"))) {
            store.write(articles(0, 5));
            ArticleQuads a = articles(0, 1).get(0);
            ArticleQuads b = articles(1, 2).get(0);
            List<Quad> swapped = new ArrayList<>();
            for (Quad q : b.quads()) {
                swapped.add(Quad.create(a.graph(), q.getSubject().equals(b.graph()) ? a.graph() : q.getSubject(),
                    q.getPredicate(), q.getObject()));
            }
            store.write(List.of(new ArticleQuads(a.graph(), swapped, a.meta())));
            assertLive(store, "counts");
        }
    }

    @Test
    void bulkLoadGivesTheSameStoreAsTransactionalWrites() {
        ReferenceData ref = ReferenceData.load();
        try (NewsStore bulk = NewsStore.open(dir.resolve("bulk")); NewsStore txn = NewsStore.open(dir.resolve("txn"))) {
            bulk.ensureReference(ref);
            txn.ensureReference(ref);
            long loaded = bulk.bulkLoad(CORPUS.quads(0, 50), "phased");
            txn.write(articles(0, 50));
            Set<Quad> a = all(bulk);
            assertEquals(a, all(txn));
            assertTrue(loaded > 50 * 20, "loaded " + loaded + " quads");
            assertLive(bulk, "counts");
        }
    }

    @Test
    void statsOfAStoreWrittenWithoutThemAreBuiltOnce() {
        try (NewsStore store = NewsStore.open(dir.resolve("db"))) {
            store.write(articles(0, 10));
            Txn.executeWrite(store.dataset(), () -> store.dataset().removeGraph(NKG.statsGraph));
            assertFalse(counts(store, LIVE).equals(counts(store, STORED)));
            store.ensureReference(ReferenceData.load());
            assertLive(store, "ensureReference builds missing statistics");
            store.rebuildStats();
            assertLive(store, "counts");
        }
    }

    static Set<Quad> all(NewsStore store) {
        return Txn.calculateRead(store.dataset(), () -> {
            Set<Quad> out = new HashSet<>();
            store.dataset().find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(out::add);
            return out;
        });
    }
}
