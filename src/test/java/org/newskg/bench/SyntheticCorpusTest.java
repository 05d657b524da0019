package org.newskg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.rdf.ReferenceData;
import org.newskg.store.ArticleQuads;
import org.newskg.store.NewsStore;
import org.newskg.store.Sparql;
import org.newskg.store.Validation;

/** Synthetic articles are deterministic, have newskg's shape (SHACL accepts them) and answer the query library. */
class SyntheticCorpusTest {
    @TempDir
    Path dir;

    private static final ReferenceData REF = ReferenceData.load();

    @Test
    void sameSeedSameQuadsOtherSeedOtherQuads() {
        SyntheticCorpus a = new SyntheticCorpus(REF, 1);
        SyntheticCorpus b = new SyntheticCorpus(REF, 1);
        SyntheticCorpus c = new SyntheticCorpus(REF, 2);
        for (int i = 0; i < 20; i++) {
            assertEquals(a.quads(i).quads(), b.quads(i).quads());
        }
        assertNotEquals(a.quads(3).quads(), c.quads(3).quads());
    }

    @Test
    void storeOfSyntheticArticlesConformsToTheShapes() {
        try (NewsStore store = NewsStore.open(dir.resolve("db"))) {
            store.ensureReference(REF);
            List<ArticleQuads> batch = new ArrayList<>();
            new SyntheticCorpus(REF, 3).quads(0, 60).forEachRemaining(batch::add);
            store.write(batch);
            ValidationReport report = Validation.validate(store.dataset());
            if (!report.conforms()) {
                ShLib.printReport(report);
            }
            assertTrue(report.conforms(), "synthetic articles conform to ontology/shapes.ttl");
        }
    }

    @Test
    void everyListingQueryFindsRows() throws Exception {
        try (NewsStore store = NewsStore.open(dir.resolve("db"))) {
            store.ensureReference(REF);
            store.bulkLoad(new SyntheticCorpus(REF, 4).quads(0, 200), "phased");
            for (String q : List.of("posts", "entities", "visits", "contacts", "deployments", "transfers", "agreements",
                "statements")) {
                List<Map<String, String>> rows = Sparql.select(store.dataset(), Sparql.parse("queries/" + q + ".rq"));
                assertTrue(rows.size() > 5, q + ".rq gives rows on synthetic articles: " + rows.size());
            }
        }
    }
}
