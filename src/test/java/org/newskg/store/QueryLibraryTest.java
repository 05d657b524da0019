package org.newskg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.newskg.query.LibraryQuery;
import org.newskg.query.QueryParameters;
import org.newskg.query.QueryRunner;

/**
 * Every query in {@code queries/} runs on the fixture store and must give exactly the rows in
 * {@code src/test/resources/queries/NAME.tsv} (and in each {@code NAME.CASE.tsv}), worked out by
 * hand from the fixture; a file's leading {@code # param NAME=VALUE} lines give the parameters.
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
        Path expectedDir = Path.of("src/test/resources/queries");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path q : queries) {
            String name = q.getFileName().toString().replace(".rq", "");
            List<Path> cases;
            try (Stream<Path> s = Files.list(expectedDir)) {
                cases = s.filter(p -> p.getFileName().toString().equals(name + ".tsv")
                    || p.getFileName().toString().startsWith(name + ".") && p.toString().endsWith(".tsv")).sorted().toList();
            }
            assertFalse(cases.isEmpty(), "expected rows for " + q + " in " + expectedDir + "/" + name + ".tsv");
            for (Path expectedFile : cases) {
                tests.add(DynamicTest.dynamicTest(expectedFile.getFileName().toString(), () -> {
                    List<String> params = new ArrayList<>();
                    List<Map<String, String>> expected = readTsv(expectedFile, params);
                    LibraryQuery lq = LibraryQuery.parse(q.toString());
                    List<Map<String, String>> actual = QueryRunner.local(store.dataset())
                        .rows(lq, QueryParameters.parse(params), null, null);
                    assertEquals(expected, actual, q + " rows with " + params);
                }));
            }
        }
        return tests.stream();
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
        return readTsv(file, new ArrayList<>());
    }

    /** Reads expected rows; leading lines {@code # param NAME=VALUE} are the query's parameters. */
    static List<Map<String, String>> readTsv(Path file, List<String> params) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        while (!lines.isEmpty() && lines.get(0).startsWith("# param ")) {
            params.add(lines.remove(0).substring("# param ".length()));
        }
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
