package org.newskg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.article.Article;
import org.newskg.extract.ArticleExtraction;
import org.newskg.extract.Entity;
import org.newskg.extract.Factuality;
import org.newskg.extract.Kind;
import org.newskg.extract.Mention;
import org.newskg.extract.PostFact;
import org.newskg.extract.SentenceInfo;
import org.newskg.extract.Span;
import org.newskg.ingest.Ingester;
import org.newskg.rdf.NKG;
import org.newskg.rdf.RdfMapper;
import org.newskg.rdf.ReferenceData;

/**
 * The TDB2 store on a real database in a temporary directory: articles replace their own graph,
 * re-writing gives the same quads, removal drops graph and bookkeeping, reference data loads once.
 */
class NewsStoreTest {
    static ReferenceData ref;

    @TempDir
    Path dir;

    @BeforeAll
    static void reference() {
        ref = ReferenceData.load();
    }

    static ArticleExtraction extraction(String id, String role) {
        String text = "Russian Foreign Minister Sergei Lavrov arrived in Pyongyang.";
        Article a = new Article(id, LocalDate.of(2024, 11, 29), "NKG Wire", null, null, text, id + ".txt", "h-" + id);
        Entity russia = Entity.known("https://w3id.org/newskg/id/state/RUS", Kind.STATE, "Russia");
        Entity lavrov = Entity.minted("https://w3id.org/newskg/id/person/sergei-lavrov", Kind.PERSON, "Sergei Lavrov");
        Entity fm = Entity.known("https://w3id.org/newskg/id/role/" + role, Kind.ROLE, "Foreign Minister");
        Span whole = new Span(1, 0, 38, text.substring(0, 38));
        List<Mention> mentions = List.of(new Mention(russia, new Span(1, 0, 7, "Russian"), "DEMONYM"),
            new Mention(lavrov, new Span(1, 25, 38, "Sergei Lavrov"), "NER"));
        PostFact post = new PostFact(lavrov, fm, russia, "Foreign Minister", Factuality.REPORTED, List.of(whole));
        return new ArticleExtraction(a, List.of(new SentenceInfo(1, 0, text.length(), text)), mentions, List.of(post));
    }

    static ArticleQuads quads(ArticleExtraction x) {
        List<Quad> q = new ArrayList<>();
        RdfMapper.emit(x, Ingester.collector(q));
        List<Quad> m = new ArrayList<>();
        RdfMapper.emitMeta(x.article(), "test-version", Ingester.collector(m));
        return new ArticleQuads(RdfMapper.articleNode(x.article().id()), q, m);
    }


    @Test
    void writingTheSameArticleTwiceGivesTheSameQuads() {
        try (NewsStore store = NewsStore.open(dir)) {
            store.write(List.of(quads(extraction("a1", "foreign-minister"))));
            Set<Quad> first = StoreFixture.quads(store);
            store.write(List.of(quads(extraction("a1", "foreign-minister"))));
            assertEquals(first, StoreFixture.quads(store));
            assertTrue(first.size() > 20);
        }
    }

    @Test
    void reingestReplacesTheArticleGraph() {
        try (NewsStore store = NewsStore.open(dir)) {
            store.write(List.of(quads(extraction("a1", "foreign-minister"))));
            store.write(List.of(quads(extraction("a1", "defence-minister"))));
            Node g = RdfMapper.articleNode("a1");
            Txn.executeRead(store.dataset(), () -> {
                assertFalse(store.dataset().contains(g, Node.ANY, NKG.role,
                    NKG.iri("https://w3id.org/newskg/id/role/foreign-minister")));
                assertTrue(store.dataset().contains(g, Node.ANY, NKG.role,
                    NKG.iri("https://w3id.org/newskg/id/role/defence-minister")));
            });
        }
    }

    @Test
    void articlesLiveInTheirOwnGraphsAndTheUnionSeesAll() {
        try (NewsStore store = NewsStore.open(dir)) {
            store.write(List.of(quads(extraction("a1", "foreign-minister")), quads(extraction("a2", "foreign-minister"))));
            Txn.executeRead(store.dataset(), () -> {
                assertTrue(store.dataset().containsGraph(RdfMapper.articleNode("a1")));
                assertTrue(store.dataset().containsGraph(RdfMapper.articleNode("a2")));
                long inUnion = store.dataset().getUnionGraph()
                    .find(Node.ANY, NKG.type, NKG.Article).toList().size();
                assertEquals(2, inUnion);
            });
            var rows = Sparql.select(store.dataset(), Sparql.parse("SELECT (COUNT(*) AS ?n) WHERE { ?a a nkg:Article }"));
            assertEquals("2", rows.get(0).get("n"), "queries see the union of all graphs");
        }
    }

    @Test
    void removeDropsGraphAndBookkeeping() {
        try (NewsStore store = NewsStore.open(dir)) {
            store.write(List.of(quads(extraction("a1", "foreign-minister")), quads(extraction("a2", "foreign-minister"))));
            assertEquals(List.of("nope"), store.remove(List.of("a1", "nope")));
            Node g = RdfMapper.articleNode("a1");
            Txn.executeRead(store.dataset(), () -> {
                assertFalse(store.dataset().containsGraph(g));
                assertFalse(store.dataset().contains(NKG.metaGraph, g, Node.ANY, Node.ANY));
                assertTrue(store.dataset().containsGraph(RdfMapper.articleNode("a2")));
            });
            assertFalse(store.fingerprints().containsKey(g));
        }
    }

    @Test
    void fingerprintsRecordContentHashAndVersion() {
        try (NewsStore store = NewsStore.open(dir)) {
            store.write(List.of(quads(extraction("a1", "foreign-minister"))));
            assertEquals("h-a1 test-version", store.fingerprints().get(RdfMapper.articleNode("a1")));
        }
    }

    @Test
    void referenceDataLoadsOnceIntoItsOwnGraphs() {
        try (NewsStore store = NewsStore.open(dir)) {
            assertTrue(store.ensureReference(ref));
            assertFalse(store.ensureReference(ref), "unchanged reference data is not reloaded");
            Txn.executeRead(store.dataset(), () -> {
                assertTrue(store.dataset().contains(NKG.referenceGraph,
                    NKG.iri("https://w3id.org/newskg/id/state/PRK"), NKG.type, NKG.State));
                assertTrue(store.dataset().contains(NKG.ontologyGraph, NKG.State, Node.ANY, Node.ANY));
            });
        }
    }

    @Test
    void storeSurvivesReopenAndCompaction() {
        Set<Quad> before;
        try (NewsStore store = NewsStore.open(dir)) {
            store.write(List.of(quads(extraction("a1", "foreign-minister"))));
            before = StoreFixture.quads(store);
            store.compact();
            assertEquals(before, StoreFixture.quads(store));
        }
        try (NewsStore store = NewsStore.open(dir)) {
            assertEquals(before, StoreFixture.quads(store));
        }
    }
}
