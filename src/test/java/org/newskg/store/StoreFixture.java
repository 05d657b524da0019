package org.newskg.store;

import java.io.InputStream;
import java.nio.file.Path;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;

/**
 * Loads the hand-written fixture store ({@code fixtures/store.trig}) into a real TDB2 directory and
 * derives its entity index graph from the article graphs, as every write does.
 */
public final class StoreFixture {
    private StoreFixture() {}

    /** Every quad in a store, for comparing whole stores. */
    public static java.util.Set<org.apache.jena.sparql.core.Quad> quads(NewsStore store) {
        return Txn.calculateRead(store.dataset(), () -> {
            java.util.Set<org.apache.jena.sparql.core.Quad> all = new java.util.HashSet<>();
            store.dataset().find().forEachRemaining(all::add);
            return all;
        });
    }

    /** A TDB2 store in {@code dir} holding the fixture graphs; the caller closes it. */
    public static NewsStore open(Path dir) throws Exception {
        NewsStore store = NewsStore.open(dir);
        try (InputStream in = StoreFixture.class.getResourceAsStream("/fixtures/store.trig")) {
            Txn.executeWrite(store.dataset(), () -> {
                RDFParser.source(in).lang(Lang.TRIG).parse(store.dataset());
                new EntityIndex(store.dataset()).rebuild();
            });
        }
        return store;
    }
}
