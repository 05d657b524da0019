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
import org.newskg.store.NewsStore;
import org.newskg.store.Sparql;
import org.newskg.store.StoreFixture;

/**
 * Interoperability with the tools analysts use, each run for real on the fixture store: stock
 * Fuseki ({@code jena-fuseki-server} from Maven Central) opening newskg's TDB2 directory, a Python
 * client (SPARQLWrapper) against {@code newskg serve}, and the Fuseki web UI in headless Chromium.
 * Each must give the same rows as {@code newskg query} for the {@code queries/} library.
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
        Map<Path, String> expected = new LinkedHashMap<>();
        for (Path q : library()) {
            CliRun r = CliRun.of("query", "--store", store.toString(), "--format", "csv", q.toString());
            assertEquals(0, r.code(), r.err());
            expected.put(q, r.out());
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // stock Fuseki writes its run/ directory (config, shiro.ini, templates) into its working directory
        Path work = Files.createDirectories(dir.resolve("fuseki-work"));
        Process fuseki = new ProcessBuilder(java.toString(), "-Xmx1g", "-jar", jar.toAbsolutePath().toString(), "--localhost",
            "--port", Integer.toString(port), "--tdb2", "--loc", store.toAbsolutePath().toString(),
            "--set", "tdb:unionDefaultGraph=true", "/ds")
            .directory(work.toFile())
            .redirectErrorStream(true).redirectOutput(dir.resolve("fuseki.log").toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            waitForPing(base, fuseki);
            for (Map.Entry<Path, String> e : expected.entrySet()) {
                String query = Files.readString(e.getKey(), StandardCharsets.UTF_8);
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/ds/sparql?query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "text/csv").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(e.getValue(), r.body(), e.getKey() + " in stock Fuseki");
                assertTrue(e.getValue().lines().count() > 1, e.getKey() + " has rows");
            }
        } finally {
            fuseki.destroy();
            fuseki.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(Files.isDirectory(work.resolve("run")), "stock Fuseki's run/ went to its temporary working directory");
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
            List<String> cmd = new ArrayList<>(List.of(python.toString(), "src/test/python/run_queries.py", server.sparqlUrl()));
            library().forEach(q -> cmd.add(q.toString()));
            JsonObject result = JSON.parse(run(cmd));
            for (Path q : library()) {
                List<Map<String, String>> expected = Sparql.select(store.dataset(), Sparql.parse(q.toString()));
                JsonArray got = result.get(q.toString()).getAsArray();
                assertEquals(expected.size(), got.size(), q.toString());
                for (int i = 0; i < got.size(); i++) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (Map.Entry<String, JsonValue> cell : got.get(i).getAsObject().entrySet()) {
                        row.put(cell.getKey(), cell.getValue().getAsString().value());
                    }
                    assertEquals(expected.get(i), row, q + " row " + i);
                }
                assertFalse(expected.isEmpty(), q + " has rows");
            }
        });
    }

    @Test
    void fusekiUiRunsALibraryQueryInHeadlessChromium() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Path playwright = Path.of("src/test/ui/node_modules/playwright-core");
        require("chromium", Files.isExecutable(chromium));
        require("playwright-core (npm ci in src/test/ui)", Files.isDirectory(playwright));
        withServer((server, store) -> {
            Path query = Path.of("queries/posts.rq");
            JsonObject table = JSON.parse(run(List.of("node", "src/test/ui/ui-query.mjs", server.url(), query.toString(),
                chromium.toString())));
            List<String> headers = new ArrayList<>();
            table.get("headers").getAsArray().forEach(h -> headers.add(h.getAsString().value()));
            List<Map<String, String>> expected = Sparql.select(store.dataset(), Sparql.parse(query.toString()));
            assertEquals(List.of("", "person", "post", "org", "evidence"), headers);
            JsonArray rows = table.get("rows").getAsArray();
            assertEquals(expected.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                JsonArray cells = rows.get(i).getAsArray();
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 1; c < headers.size(); c++) {
                    row.put(headers.get(c), cells.get(c).getAsString().value());
                }
                assertEquals(expected.get(i), row, "UI row " + i);
            }
        });
    }
}
