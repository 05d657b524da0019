package org.newskg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.cli.CliRun;
import org.newskg.config.Settings;
import org.newskg.ingest.Ingester;
import org.newskg.rdf.ReferenceData;
import org.newskg.serve.NewsServer;
import org.newskg.query.LibraryQuery;
import org.newskg.query.QueryParameters;
import org.newskg.query.QueryRunner;
import org.newskg.store.NewsStore;
import org.newskg.store.Sparql;
import org.newskg.store.StoreFixture;

/**
 * Interoperability with the tools analysts use, each run for real on the fixture store: stock
 * Fuseki ({@code jena-fuseki-server} from Maven Central) opening newskg's TDB2 directory, a Python
 * client (SPARQLWrapper) against {@code newskg serve}, the TriG export loaded into Python's rdflib
 * and into Oxigraph (npm), and newskg's query page in headless Chromium. Each must give the same
 * rows as {@code newskg query} for every query of the {@code queries/} library, with the
 * parameters of each of its fixture cases bound as newskg binds them (the query text sent is the
 * bound query newskg would run). A client that is not installed skips its test, and
 * {@link SkippedTestsReport} lists it at the end of the run (under CI it fails instead).
 */
class InteropIT {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    static List<Path> library() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            return s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
    }

    /** A library query run with the parameters of one of its fixture cases ({@code src/test/resources/queries/}). */
    record Case(String name, Path file, List<String> params) {
        /** The query text with its parameters bound, as newskg sends it to a server. */
        String text(NewsStore store) {
            return prepared(store).serialize();
        }

        org.apache.jena.query.Query prepared(NewsStore store) {
            return QueryRunner.local(store.dataset()).prepare(LibraryQuery.parse(file.toString()),
                QueryParameters.parse(params), null, null);
        }

        List<String> cli() {
            List<String> out = new ArrayList<>();
            params.forEach(p -> {
                out.add("--param");
                out.add(p);
            });
            out.add(file.toString());
            return out;
        }
    }

    /** Every library query with the parameters of each of its fixture cases. */
    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (Path q : library()) {
            String name = q.getFileName().toString().replace(".rq", "");
            List<Path> files;
            try (Stream<Path> s = Files.list(Path.of("src/test/resources/queries"))) {
                files = s.filter(p -> p.getFileName().toString().equals(name + ".tsv")
                    || p.getFileName().toString().startsWith(name + ".") && p.toString().endsWith(".tsv")).sorted().toList();
            }
            for (Path f : files) {
                List<String> params = new ArrayList<>();
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.startsWith("# param ")) {
                        params.add(line.substring("# param ".length()));
                    }
                }
                out.add(new Case(f.getFileName().toString().replace(".tsv", ""), q, params));
            }
        }
        return out;
    }

    static void require(String what, boolean present) {
        if (System.getenv("CI") != null) {
            assertTrue(present, what + " must be installed by .ci/run");
        }
        Assumptions.assumeTrue(present, what + " is not installed");
    }

    @Test
    void stockFusekiAnswersTheLibraryLikeNewskg() throws Exception {
        Path jar = Path.of("target/it-tools/jena-fuseki-server.jar");
        assertTrue(Files.isRegularFile(jar), "the build copies stock Fuseki to " + jar);
        Path store = dir.resolve("db");
        StoreFixture.open(store).close();
        Map<Case, String> expected = new LinkedHashMap<>();
        Map<Case, String> texts = new LinkedHashMap<>();
        try (NewsStore s = NewsStore.open(store)) {
            for (Case c : cases()) {
                texts.put(c, c.text(s));
            }
        }
        for (Case c : cases()) {
            List<String> args = new ArrayList<>(List.of("query", "--store", store.toString(), "--format", "csv"));
            args.addAll(c.cli());
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            expected.put(c, r.out());
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path base = Files.createDirectories(dir.resolve("fuseki-base"));
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx1g", "-jar", jar.toAbsolutePath().toString(), "--localhost",
            "--port", Integer.toString(port), "--tdb2", "--loc", store.toAbsolutePath().toString(),
            "--set", "tdb:unionDefaultGraph=true", "/ds")
            .directory(base.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("fuseki.log").toFile());
        pb.environment().put("FUSEKI_BASE", base.toString());
        Process fuseki = pb.start();
        try {
            String url = "http://127.0.0.1:" + port;
            waitForPing(url, fuseki);
            for (Map.Entry<Case, String> e : expected.entrySet()) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/ds/sparql?query="
                    + URLEncoder.encode(texts.get(e.getKey()), StandardCharsets.UTF_8))).header("Accept", "text/csv").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(e.getValue(), r.body(), e.getKey().name() + " in stock Fuseki");
                assertTrue(e.getValue().lines().count() > 1, e.getKey().name() + " has rows");
            }
        } finally {
            fuseki.destroy();
            fuseki.waitFor(30, TimeUnit.SECONDS);
        }
        assertFalse(Files.exists(Path.of("run")), "stock Fuseki keeps its files in its own base directory");
    }

    static void waitForPing(String base, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), "stock Fuseki exited early");
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/$/ping")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(300);
            }
        }
        throw new AssertionError("stock Fuseki did not start");
    }

    /** Serves the fixture store and runs {@code body} against the server. */
    interface ServerTest {
        void run(NewsServer server, NewsStore store) throws Exception;
    }

    void withServer(ServerTest body) throws Exception {
        try (NewsStore store = StoreFixture.open(dir.resolve("served"))) {
            Ingester ingester = new Ingester(Settings.defaults(), ReferenceData.load(), () -> null, false);
            try (NewsServer server = NewsServer.start(store, new NewsServer.Options("127.0.0.1", 0, 30, null), ingester)) {
                body.run(server, store);
            }
        }
    }

    static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), command + "\n" + out + err);
        return out;
    }

    @Test
    void pythonSparqlWrapperGetsTheSameRows() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        boolean present = Files.isExecutable(python) && new ProcessBuilder(python.toString(), "-c", "import SPARQLWrapper")
            .start().waitFor() == 0;
        require("python3-sparqlwrapper", present);
        withServer((server, store) -> {
            Path dirOfQueries = Files.createDirectories(dir.resolve("bound"));
            List<String> cmd = new ArrayList<>(List.of(python.toString(), "src/test/python/run_queries.py", server.sparqlUrl()));
            Map<String, Case> byFile = new LinkedHashMap<>();
            for (Case c : cases()) {
                Path f = dirOfQueries.resolve(c.name() + ".rq");
                Files.writeString(f, c.text(store), StandardCharsets.UTF_8);
                cmd.add(f.toString());
                byFile.put(f.toString(), c);
            }
            JsonObject result = JSON.parse(run(cmd));
            for (Map.Entry<String, Case> e : byFile.entrySet()) {
                assertSameRows(store, e.getValue(), result.get(e.getKey()).getAsArray(), "SPARQLWrapper");
            }
        });
    }

    /** The rows a client got for a case are exactly newskg's, in newskg's order. */
    static void assertSameRows(NewsStore store, Case c, JsonArray got, String client) {
        List<Map<String, String>> expected = QueryRunner.local(store.dataset()).rows(c.prepared(store));
        assertFalse(expected.isEmpty(), c.name() + " has rows");
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < got.size(); i++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> cell : got.get(i).getAsObject().entrySet()) {
                row.put(cell.getKey(), cell.getValue().getAsString().value());
            }
            rows.add(row);
        }
        assertEquals(expected, rows, c.name() + " in " + client);
    }

    /** The cases' bound queries in a JSON file ({@code {"name": "query text"}}), for the Python and Node clients. */
    Path casesFile(NewsStore store) throws IOException {
        JsonObject o = new JsonObject();
        for (Case c : cases()) {
            o.put(c.name(), c.text(store));
        }
        return Files.writeString(dir.resolve("cases.json"), JSON.toString(o), StandardCharsets.UTF_8);
    }

    /** The fixture store exported as TriG through the command line: every named graph, for clients that load a file. */
    Path trigExport(Path store) throws IOException {
        Path trig = dir.resolve("export.trig");
        CliRun r = CliRun.of("export", "--store", store.toString(), "--format", "trig", "-o", trig.toString());
        assertEquals(0, r.code(), r.err());
        return trig;
    }

    @Test
    void rdflibLoadsTheExportAndAnswersTheLibraryLikeNewskg() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        boolean present = Files.isExecutable(python) && new ProcessBuilder(python.toString(), "-c", "import rdflib")
            .start().waitFor() == 0;
        require("python3-rdflib", present);
        Path store = dir.resolve("db");
        StoreFixture.open(store).close();
        Path trig = trigExport(store);
        try (NewsStore s = NewsStore.open(store)) {
            JsonObject result = JSON.parse(run(List.of(python.toString(), "src/test/python/rdflib_queries.py", trig.toString(),
                casesFile(s).toString())));
            for (Case c : cases()) {
                assertSameRows(s, c, result.get(c.name()).getAsArray(), "rdflib");
            }
        }
    }

    @Test
    void oxigraphLoadsTheExportAndAnswersTheLibraryLikeNewskg() throws Exception {
        require("oxigraph (npm ci in src/test/interop)", Files.isDirectory(Path.of("src/test/interop/node_modules/oxigraph")));
        Path store = dir.resolve("db");
        StoreFixture.open(store).close();
        Path trig = trigExport(store);
        try (NewsStore s = NewsStore.open(store)) {
            JsonObject result = JSON.parse(run(List.of("node", "src/test/interop/oxigraph-queries.mjs", trig.toString(),
                casesFile(s).toString())));
            for (Case c : cases()) {
                assertSameRows(s, c, result.get(c.name()).getAsArray(), "Oxigraph");
            }
        }
    }

    @Test
    void queryPageRunsALibraryQueryInHeadlessChromium() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Path playwright = Path.of("src/test/ui/node_modules/playwright-core");
        require("chromium", Files.isExecutable(chromium));
        require("playwright-core (npm ci in src/test/ui)", Files.isDirectory(playwright));
        withServer((server, store) -> {
            Path query = Path.of("queries/posts.rq");
            JsonObject table = JSON.parse(run(List.of("node", "src/test/ui/ui-query.mjs", server.url(),
                query.getFileName().toString(), chromium.toString())));
            List<String> headers = new ArrayList<>();
            table.get("headers").getAsArray().forEach(h -> headers.add(h.getAsString().value()));
            List<Map<String, String>> expected = Sparql.select(store.dataset(), Sparql.parse(query.toString()));
            List<String> columns = new ArrayList<>(List.of("#"));
            columns.addAll(Sparql.parse(query.toString()).getResultVars());
            assertEquals(columns, headers, "a row number, then the query's columns");
            assertTrue(headers.containsAll(List.of("person", "post", "org", "evidence")), headers.toString());
            JsonArray rows = table.get("rows").getAsArray();
            assertEquals(expected.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                JsonArray cells = rows.get(i).getAsArray();
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 1; c < headers.size(); c++) {
                    String cell = cells.get(c).getAsString().value();
                    row.put(headers.get(c), cell.startsWith("<") && cell.endsWith(">") ? cell.substring(1, cell.length() - 1) : cell);
                }
                assertEquals(expected.get(i), row, "query page row " + i);
            }
        });
    }
}
