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
 * The statistics graph (articles per entity) kept by {@link NewsStore#write}, {@link NewsStore#remove}
 * and {@link NewsStore#bulkLoad} always equals the live count over the article graphs, on a real
 * TDB2 store of synthetic articles.
 */
class StatsGraphTest {
    private static final String LIVE = "PREFIX nkg: <https://w3id.org/newskg/ont#> "
        + "SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a nkg:mentions ?e } GROUP BY ?e";
    private static final String STORED = "PREFIX nkg: <https://w3id.org/newskg/ont#> "
        + "SELECT ?e ?n WHERE { GRAPH <https://w3id.org/newskg/graph/stats> { ?e nkg:articleCount ?n } }";

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
            assertEquals(live, counts(store, STORED));

            store.write(articles(20, 60));
            assertEquals(counts(store, LIVE), counts(store, STORED), "rewriting articles does not count them twice");

            List<String> gone = new ArrayList<>();
            for (int i = 0; i < 60; i += 3) {
                gone.add(String.format("synthetic-%07d", i));
            }
            store.remove(gone);
            assertEquals(counts(store, LIVE), counts(store, STORED), "removal subtracts");
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
            assertEquals(counts(store, LIVE), counts(store, STORED));
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
            assertEquals(counts(bulk, LIVE), counts(bulk, STORED));
        }
    }

    @Test
    void statsOfAStoreWrittenWithoutThemAreBuiltOnce() {
        try (NewsStore store = NewsStore.open(dir.resolve("db"))) {
            store.write(articles(0, 10));
            Txn.executeWrite(store.dataset(), () -> store.dataset().removeGraph(NKG.statsGraph));
            assertFalse(counts(store, LIVE).equals(counts(store, STORED)));
            store.ensureReference(ReferenceData.load());
            assertEquals(counts(store, LIVE), counts(store, STORED), "ensureReference builds missing statistics");
            store.rebuildStats();
            assertEquals(counts(store, LIVE), counts(store, STORED));
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
