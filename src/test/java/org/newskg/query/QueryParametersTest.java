package org.newskg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.store.NewsStore;
import org.newskg.store.StoreFixture;

/**
 * Parameters of the library queries on the fixture store: each restricts its column to the entity
 * it names (by label or IRI), optional sides included, values are bound and never pasted, unknown
 * parameters are refused with the list of those the query takes, and pages are slices of the
 * full, ordered result.
 */
class QueryParametersTest {
    @TempDir
    static Path dir;
    static NewsStore store;
    static QueryRunner runner;

    @BeforeAll
    static void load() throws Exception {
        store = StoreFixture.open(dir.resolve("db"));
        runner = QueryRunner.local(store.dataset());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static List<Map<String, String>> rows(String query, String... specs) {
        return runner.rows(LibraryQuery.parse("queries/" + query), QueryParameters.parse(List.of(specs)), null, null);
    }

    static List<String> column(List<Map<String, String>> rows, String column) {
        return rows.stream().map(r -> r.get(column)).toList();
    }

    @Test
    void anEntityColumnIsFilteredByLabelOrIri() {
        assertEquals(List.of("Sergei Lavrov"), column(rows("posts.rq", "person=Sergei Lavrov"), "person"));
        assertEquals(List.of("Mark Rutte", "Mark Rutte"),
            column(rows("posts.rq", "person=<https://w3id.org/newskg/id/person/mark-rutte>"), "person"));
        assertEquals(List.of("Choe Son Hui"), column(rows("visits.rq", "visitor=Choe Son Hui"), "visitor"));
        assertEquals(List.of(), rows("visits.rq", "visitor=Mark Rutte"));
        assertEquals(List.of("Moscow"), column(rows("visits.rq", "destination=Moscow"), "destination"));
    }

    @Test
    void anOptionalSideIsFilteredNotBlanked() {
        assertEquals(List.of("Mark Rutte", "Mark Rutte"), column(rows("posts.rq", "org=NATO"), "person"));
        assertEquals(List.of("Sergei Lavrov"), column(rows("posts.rq", "org=Russia"), "person"));
        assertEquals(List.of("North Korea"), column(rows("transfers.rq", "supplier=North Korea"), "supplier"));
        assertEquals(List.of(), rows("transfers.rq", "supplier=Russia"));
        assertEquals(List.of("Russia"), column(rows("transfers.rq", "recipient=Russia"), "recipient"));
    }

    @Test
    void pairColumnsStatusKindAndArticle() {
        assertEquals(2, rows("contacts.rq", "a=Choe Son Hui").size());
        assertEquals(List.of(), rows("contacts.rq", "b=Choe Son Hui"), "Choe Son Hui sorts first, so is never ?b");
        assertEquals(List.of("possible"), column(rows("contacts.rq", "status=possible"), "status"));
        assertEquals(List.of("reported"), column(rows("contacts.rq", "a=Choe Son Hui", "status=Reported"), "status"));
        assertEquals(List.of("warned"), column(rows("statements.rq", "kind=warned"), "kind"));
        assertEquals(List.of("Choe Son Hui", "Sergei Lavrov"), column(rows("posts.rq", "article=one"), "person"));
        assertEquals(2, rows("agreements.rq", "a=North Korea", "b=Russia").size());
        assertEquals(List.of(), rows("agreements.rq", "article=none"));
    }

    @Test
    void aParameterGivenTwiceMatchesEither() {
        assertEquals(List.of("Mark Rutte", "Mark Rutte", "Sergei Lavrov"),
            column(rows("posts.rq", "person=Sergei Lavrov", "person=Mark Rutte"), "person"));
    }

    @Test
    void hostileValuesAreOneValueThatMatchesNothing() {
        assertEquals(List.of(), rows("posts.rq", "person=x\" } UNION { ?s ?p ?o } #"));
        assertThrows(IllegalArgumentException.class,
            () -> rows("posts.rq", "article=<https://w3id.org/newskg/article/one> } UNION { ?s ?p ?o }"));
        assertThrows(IllegalArgumentException.class,
            () -> rows("posts.rq", "person=<https://x> } UNION { ?s ?p ?o } <urn:x>"), "not an IRI: refused");
    }

    @Test
    void unknownOrUnusableParametersListThoseTheQueryTakes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rows("posts.rq", "visitor=X"));
        assertTrue(e.getMessage().contains("posts.rq has no parameter 'visitor'"), e.getMessage());
        assertTrue(e.getMessage().contains("person (entity), post (entity), org (entity), article (article)"), e.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class, () -> rows("visits.rq", "status=maybe"));
        assertTrue(s.getMessage().contains("reported, alleged, possible or negated"), s.getMessage());
        LibraryQuery inline = LibraryQuery.parse("SELECT ?p (STR(?p) AS ?s) WHERE { ?p a nkg:Person }");
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class,
            () -> runner.rows(inline, QueryParameters.parse(List.of("s=x")), null, null));
        assertTrue(u.getMessage().contains("cannot use parameter 's'; it can take p"), u.getMessage());
    }

    @Test
    void pagesAreSlicesOfTheOrderedResult() {
        LibraryQuery posts = LibraryQuery.parse("queries/posts.rq");
        List<Map<String, String>> all = runner.rows(posts, Map.of(), null, null);
        assertEquals(4, all.size());
        assertEquals(all.subList(1, 3), runner.rows(posts, Map.of(), 2L, 1L));
        assertEquals(all.subList(3, 4), runner.rows(posts, Map.of(), 10L, 3L));
        assertEquals(List.of(), runner.rows(posts, Map.of(), 0L, null));
        LibraryQuery limited = LibraryQuery.parse("SELECT ?s WHERE { ?s a nkg:Person } ORDER BY ?s LIMIT 2");
        List<Map<String, String>> two = runner.rows(limited, Map.of(), null, null);
        assertEquals(two.subList(1, 2), runner.rows(limited, Map.of(), 5L, 1L), "a page stays inside the query's own LIMIT");
        assertThrows(IllegalArgumentException.class, () -> runner.rows(posts, Map.of(), -1L, null));
    }

    @Test
    void everyDeclaredParameterOfTheLibraryRestrictsAPattern() throws Exception {
        try (var files = java.nio.file.Files.list(Path.of("queries"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                LibraryQuery q = LibraryQuery.parse(f.toString());
                assertTrue(q.declaresParams(), f + " declares its parameters");
                List<String> required = q.params().stream().filter(LibraryQuery.Param::required)
                    .map(p -> p.name() + "=<https://w3id.org/newskg/id/x>").toList();
                for (LibraryQuery.Param p : q.params()) {
                    String value = switch (p.kind()) {
                        case ENTITY, ARTICLE -> "<https://w3id.org/newskg/id/x>";
                        case STATUS -> "reported";
                        case TEXT -> "x";
                    };
                    List<String> specs = new java.util.ArrayList<>(required);
                    if (!p.required()) {
                        specs.add(p.name() + "=" + value);
                    }
                    runner.rows(q, QueryParameters.parse(specs), 1L, null);
                }
                if (!required.isEmpty()) {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> runner.rows(q, Map.of(), null, null), f + " without its required parameter");
                    assertTrue(e.getMessage().contains("needs --param"), e.getMessage());
                }
            }
        }
    }
}
