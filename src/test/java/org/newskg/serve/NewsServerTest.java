package org.newskg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.config.Settings;
import org.newskg.ingest.Ingester;
import org.newskg.rdf.ReferenceData;
import org.newskg.store.NewsStore;
import org.newskg.store.StoreFixture;

/**
 * A real embedded Fuseki on port 0 over the fixture store, spoken to over HTTP: the endpoints
 * answer, writes of every kind are refused with a 4xx and change nothing, the admin endpoints are
 * absent, live ingest needs the token, and a runaway query is stopped by the timeout.
 */
class NewsServerTest {
    static final String TOKEN = "test-token-123";
    @TempDir
    static Path dir;
    static NewsStore store;
    static NewsServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        store = StoreFixture.open(dir.resolve("db"));
        Ingester ingester = new Ingester(Settings.defaults(), ReferenceData.load(), () -> {
            throw new IllegalStateException("no models in unit tests");
        }, false);
        server = NewsServer.start(store, new NewsServer.Options("127.0.0.1", 0, 2, TOKEN), ingester);
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One request on a fresh connection: a server may close a connection after refusing a request. */
    static HttpResponse<String> send(String method, String path, String contentType, String body, String token)
        throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        return fresh.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static long quadCount() {
        DatasetGraph d = store.dataset();
        return Txn.calculateRead(d, () -> {
            long n = 0;
            var it = d.find();
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return n;
        });
    }

    @Test
    void bindsToLoopbackAndServesPingStatusAndUi() throws Exception {
        assertTrue(server.url().startsWith("http://127.0.0.1:"));
        assertEquals(200, get("/$/ping", null).statusCode());
        HttpResponse<String> status = get("/$/server", "application/json");
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("\"/newskg\""), status.body());
        HttpResponse<String> ui = get("/", null);
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().contains("<script src=\"/ui/app.js\""), ui.body());
        assertEquals(200, get("/$/stats/newskg", "application/json").statusCode());
    }

    @Test
    void sparqlAnswersOnBothQueryEndpoints() throws Exception {
        String q = enc("PREFIX nkg: <https://w3id.org/newskg/ont#> SELECT (COUNT(*) AS ?n) WHERE { ?f a nkg:PostHolding }");
        for (String ep : List.of("/newskg/sparql", "/newskg/query")) {
            HttpResponse<String> r = get(ep + "?query=" + q, "text/csv");
            assertEquals(200, r.statusCode(), ep);
            assertEquals("n\r\n3\r\n", r.body(), ep);
        }
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
            .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
            .POST(HttpRequest.BodyPublishers.ofString(
                "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a <https://w3id.org/newskg/ont#Article> } }"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, post.statusCode());
        var json = org.apache.jena.atlas.json.JSON.parse(post.body());
        assertEquals("2", json.getObj("results").get("bindings").getAsArray().get(0).getAsObject()
            .getObj("n").getString("value"), post.body());
    }

    @Test
    void graphStoreProtocolReadsOneGraph() throws Exception {
        HttpResponse<String> r = get("/newskg/get?graph=" + enc("https://w3id.org/newskg/article/one"), "text/turtle");
        assertEquals(200, r.statusCode());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(m);
        long expected = Txn.calculateRead(store.dataset(), () -> (long) store.dataset()
            .getGraph(org.newskg.rdf.NKG.iri("https://w3id.org/newskg/article/one")).size());
        assertEquals(expected, m.size());
    }

    @Test
    void everyKindOfWriteIsRefusedAndChangesNothing() throws Exception {
        long before = quadCount();
        String update = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> <urn:x:o> } }";
        List<HttpResponse<String>> attempts = List.of(
            send("POST", "/newskg/sparql", "application/sparql-update", update, null),
            send("POST", "/newskg/sparql", "application/x-www-form-urlencoded", "update=" + enc(update), null),
            send("POST", "/newskg/update", "application/sparql-update", update, null),
            send("POST", "/newskg", "application/sparql-update", update, null),
            send("PUT", "/newskg/get?default", "text/turtle", "<urn:x:s> <urn:x:p> <urn:x:o> .", null),
            send("POST", "/newskg/get?graph=urn:x:g", "text/turtle", "<urn:x:s> <urn:x:p> <urn:x:o> .", null),
            send("DELETE", "/newskg/get?graph=" + enc("https://w3id.org/newskg/article/one"), "text/plain", "", null),
            send("POST", "/newskg/data", "text/turtle", "<urn:x:s> <urn:x:p> <urn:x:o> .", null),
            send("POST", "/newskg/upload", "text/turtle", "<urn:x:s> <urn:x:p> <urn:x:o> .", null),
            send("POST", "/newskg/api/complete", "application/x-www-form-urlencoded", "q=x", null),
            send("PUT", "/newskg/api/article", "text/plain", "x", null),
            send("DELETE", "/newskg/api/queries", "text/plain", "", null),
            send("POST", "/ui/app.js", "text/plain", "x", null),
            send("PUT", "/query", "text/plain", "x", null),
            send("POST", "/", "application/sparql-update", update, null));
        for (HttpResponse<String> r : attempts) {
            int code = r.statusCode();
            assertTrue(code >= 400 && code < 500, r.request().method() + " " + r.uri() + " gave " + code);
        }
        assertEquals(before, quadCount());
    }

    @Test
    void adminEndpointsAreAbsent() throws Exception {
        for (String p : List.of("/$/datasets", "/$/backup/newskg", "/$/compact/newskg", "/$/tasks", "/$/metrics")) {
            assertEquals(404, get(p, null).statusCode(), p);
            assertTrue(send("POST", p, "application/x-www-form-urlencoded", "dbName=x&dbType=mem", null).statusCode() >= 400, p);
        }
    }

    @Test
    void liveIngestNeedsTheToken() throws Exception {
        String article = " date 2024-10-31 -- Someone said something.";
        HttpResponse<String> none = send("POST", "/newskg/ingest?name=a.txt", "text/plain", article, null);
        assertEquals(401, none.statusCode());
        HttpResponse<String> wrong = send("POST", "/newskg/ingest?name=a.txt", "text/plain", article, "guess");
        assertEquals(401, wrong.statusCode());
        assertEquals(405, get("/newskg/ingest", null).statusCode());
    }

    @Test
    void liveIngestReportsBadInputWithTheToken() throws Exception {
        long before = quadCount();
        HttpResponse<String> bad = send("POST", "/newskg/ingest?name=bad.txt", "text/plain", "no date line here", TOKEN);
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("bad.txt: first line does not start with ' date YYYY-MM-DD'"), bad.body());
        assertEquals(before, quadCount());
    }

    @Test
    void serverWithoutTokenRefusesAllWrites() throws Exception {
        try (NewsServer readOnly = NewsServer.start(store, new NewsServer.Options("localhost", 0, 5, null),
            new Ingester(Settings.defaults(), ReferenceData.load(), () -> null, false))) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(readOnly.url() + "/newskg/ingest?name=a.txt"))
                .header("Authorization", "Bearer anything").POST(HttpRequest.BodyPublishers.ofString(" date 2024-01-01 -- x."))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode());
            assertTrue(r.body().contains("writes are disabled"), r.body());
        }
    }

    @Test
    void aBusyPortIsOneClearMessageAndTheUnpackedUiIsDeleted() throws Exception {
        java.util.function.Supplier<Long> uiDirs = () -> {
            try (var s = java.nio.file.Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                return s.filter(p -> p.getFileName().toString().startsWith("newskg-ui-")).count();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        long before = uiDirs.get();
        Ingester none = new Ingester(Settings.defaults(), ReferenceData.load(), () -> null, false);
        IllegalStateException busy = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
            () -> NewsServer.start(store, new NewsServer.Options("127.0.0.1", server.port(), 5, null), none));
        assertTrue(busy.getMessage().contains("127.0.0.1:" + server.port() + ": the port is in use"), busy.getMessage());
        assertEquals(before, uiDirs.get(), "a server that could not start leaves no files");
        NewsServer other = NewsServer.start(store, new NewsServer.Options("127.0.0.1", 0, 5, null), none);
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(other.url() + "/")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode());
        other.close();
        assertEquals(before, uiDirs.get(), "a stopped server leaves no directory in " + System.getProperty("java.io.tmpdir"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new NewsServer.Options("127.0.0.1", 65536, 5, null));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new NewsServer.Options("127.0.0.1", -1, 5, null));
    }

    @Test
    void runawayQueryIsStoppedAndTheServerStaysHealthy() throws Exception {
        String runaway = enc("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?p ?q ?r }");
        long t0 = System.nanoTime();
        HttpResponse<String> r = get("/newskg/sparql?query=" + runaway, "application/sparql-results+json");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertFalse(r.statusCode() == 200 && r.body().contains("\"n\""), "the runaway query must not complete: " + r.body());
        assertTrue(seconds < 25, "stopped by the 2 s timeout, took " + seconds + " s");
        long t1 = System.nanoTime();
        HttpResponse<String> api = get("/newskg/api/run?query=" + runaway, "application/sparql-results+json");
        double apiSeconds = (System.nanoTime() - t1) / 1e9;
        assertEquals(503, api.statusCode(), "the query page's API is stopped too: " + api.body());
        assertTrue(apiSeconds < 25, "stopped by the 2 s timeout, took " + apiSeconds + " s");
        assertEquals(200, get("/$/ping", null).statusCode());
        assertEquals(200, get("/newskg/sparql?query=" + enc("ASK { ?s ?p ?o }"), "application/sparql-results+json").statusCode());
    }
}
