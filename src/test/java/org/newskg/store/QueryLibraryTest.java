package org.newskg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query in {@code queries/} runs on the fixture store and must give exactly the rows in
 * {@code src/test/resources/queries/NAME.tsv}, worked out by hand from the fixture.
 */
class QueryLibraryTest {
    @TempDir
    static Path dir;
    static NewsStore store;

    @BeforeAll
    static void load() throws Exception {
        store = StoreFixture.open(dir.resolve("db"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @TestFactory
    Stream<DynamicTest> everyQueryHasExpectedRows() throws IOException {
        List<Path> queries;
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            queries = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        assertTrue(queries.size() >= 2, "queries/ holds the query library");
        return queries.stream().map(q -> DynamicTest.dynamicTest(q.getFileName().toString(), () -> {
            String name = q.getFileName().toString().replace(".rq", ".tsv");
            var expectedFile = QueryLibraryTest.class.getResource("/queries/" + name);
            assertNotNull(expectedFile, "expected rows for " + q + " in src/test/resources/queries/" + name);
            List<Map<String, String>> expected = readTsv(Path.of(expectedFile.toURI()));
            List<Map<String, String>> actual = Sparql.select(store.dataset(), Sparql.parse(q.toString()));
            assertEquals(expected, actual, q + " rows");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyQueryStatesItsQuestion() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            return s.filter(p -> p.toString().endsWith(".rq")).sorted().toList().stream()
                .map(q -> DynamicTest.dynamicTest(q.getFileName().toString(), () -> {
                    String first = Files.readAllLines(q, StandardCharsets.UTF_8).get(0);
                    assertTrue(first.startsWith("# Question:"), q + " opens with '# Question: ...'");
                }));
        }
    }

    static List<Map<String, String>> readTsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = Arrays.copyOf(line.split("\t", -1), header.length);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i] == null ? "" : cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }
}
