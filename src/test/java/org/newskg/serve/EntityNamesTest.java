package org.newskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.store.NewsStore;
import org.newskg.store.StoreFixture;

/** Completion over entity names on the fixture store (a real TDB2 directory), with one other name added to the reference graph. */
class EntityNamesTest {
    @TempDir
    static Path dir;
    static NewsStore store;
    static EntityNames names;

    @BeforeAll
    static void open() throws Exception {
        store = StoreFixture.open(dir.resolve("db"));
        addOtherName("https://w3id.org/newskg/id/state/PRK", "DPRK");
        names = new EntityNames(store.dataset());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static void addOtherName(String entity, String name) {
        Txn.executeWrite(store.dataset(), () -> store.dataset().add(new Quad(
            NodeFactory.createURI("https://w3id.org/newskg/graph/reference"), NodeFactory.createURI(entity),
            NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#altLabel"), NodeFactory.createLiteralString(name))));
    }

    static List<String> labels(List<EntityNames.Match> ms) {
        return ms.stream().map(EntityNames.Match::label).toList();
    }

    @Test
    void aWordStartFindsTheEntityWhateverTheCase() {
        assertEquals(List.of("Sergei Lavrov"), labels(names.search("lav", 10)));
        assertEquals(List.of("Sergei Lavrov"), labels(names.search("SERGEI l", 10)));
        assertEquals(List.of("Choe Son Hui"), labels(names.search("hui", 10)));
        assertEquals(List.of(), labels(names.search("avrov", 10)), "a match begins a word");
        assertEquals(List.of(), labels(names.search("  ", 10)));
    }

    @Test
    void labelStartsComeFirstThenMoreArticles() {
        // "r" begins Russia (2 articles) and Rutte, of Mark Rutte (1 article): Russia's label starts with it.
        List<EntityNames.Match> r = names.search("r", 10);
        assertEquals(List.of("Russia", "Mark Rutte"), labels(r));
        assertEquals(2, r.get(0).articles());
        assertEquals("State", r.get(0).type());
        assertEquals("https://w3id.org/newskg/id/state/RUS", r.get(0).iri());
        assertEquals(List.of("Russia"), labels(names.search("r", 1)));
    }

    @Test
    void otherNamesMatchAndSayWhichNameMatched() {
        List<EntityNames.Match> m = names.search("dprk", 10);
        assertEquals(List.of("North Korea"), labels(m));
        assertEquals("DPRK", m.get(0).matched());
        assertEquals("Organization", names.lookup("NATO").get(0).type());
    }

    @Test
    void diacriticsAndPunctuationAreIgnored() {
        assertEquals(List.of("a", "b2", "erdogan"), EntityNames.words("A-b2 Erdoğan"));
        assertEquals(List.of("Sergei Lavrov"), labels(names.search("Sérgei", 10)));
    }

    @Test
    void theMostMentionedComeFirstAndInvalidateReadsTheNamesAgain() {
        assertEquals("Russia", names.top(1).get(0).label());
        assertTrue(names.search("kyiv", 5).isEmpty());
        addOtherName("https://w3id.org/newskg/id/place/kursk", "Kyiv Oblast");
        assertTrue(names.search("kyiv", 5).isEmpty(), "read once");
        names.invalidate();
        assertEquals(List.of("Kursk"), labels(names.search("kyiv", 5)));
    }
}
