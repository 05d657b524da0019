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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.config.Settings;
import org.newskg.ingest.Ingester;
import org.newskg.query.LibraryQuery;
import org.newskg.query.QueryRunner;
import org.newskg.rdf.ReferenceData;
import org.newskg.store.NewsStore;
import org.newskg.store.StoreFixture;

/**
 * The analyst pages over a real embedded Fuseki on port 0 and the fixture store: the pages and
 * the charting and editor libraries come from the jar with a same-origin Content-Security-Policy,
 * nothing outside them is served, the stock Fuseki UI (with its manage and upload pages) is gone,
 * and the JSON API answers completion, article and library requests.
 */
class AnalystPagesTest {
    @TempDir
    static Path dir;
    static NewsStore store;
    static NewsServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        store = StoreFixture.open(dir.resolve("db"));
        server = NewsServer.start(store, new NewsServer.Options("127.0.0.1", 0, 5, null),
            new Ingester(Settings.defaults(), ReferenceData.load(), () -> null, false));
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonObject json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.parse(r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void thePagesAreServedWithASameOriginPolicy() throws Exception {
        for (String page : List.of("/", "/entity?name=Russia", "/article", "/query")) {
            HttpResponse<String> r = get(page);
            assertEquals(200, r.statusCode(), page);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src 'self'")
                && csp.contains("connect-src 'self'") && csp.contains("frame-ancestors 'none'"), page + ": " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), page);
            assertFalse(r.body().contains("http://") || r.body().contains("https://"), page + " loads nothing from elsewhere");
        }
    }

    @Test
    void everyAssetAPageNamesIsServedFromTheJar() throws Exception {
        List<String> assets = new ArrayList<>();
        for (String page : List.of("/", "/entity", "/article", "/query")) {
            var m = java.util.regex.Pattern.compile("(?:src|href)=\"(/ui/[^\"]+)\"").matcher(get(page).body());
            while (m.find()) {
                assets.add(m.group(1));
            }
        }
        assertTrue(assets.contains("/ui/lib/echarts/dist/echarts.min.js"), assets.toString());
        assertTrue(assets.contains("/ui/lib/codemirror/lib/codemirror.js"), assets.toString());
        for (String a : assets) {
            HttpResponse<String> r = get(a);
            assertEquals(200, r.statusCode(), a);
            assertFalse(r.body().isEmpty(), a);
        }
        assertTrue(get("/ui/lib/echarts/dist/echarts.min.js").body().length() > 500_000, "the whole ECharts bundle");
        assertEquals("text/javascript; charset=utf-8", get("/ui/app.js").headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void nothingOutsideThePagesAndLibrariesIsServed() throws Exception {
        for (String p : List.of("/ui/", "/ui/..%2F..%2Fnewskg.properties", "/ui/%2e%2e/newskg/newskg.properties",
            "/ui/lib/echarts/../../../newskg/newskg.properties", "/ui/lib/jquery/jquery.js", "/ui/lib/echarts/",
            "/ui/lib/webjars-locator-lite/x.js", "/ui/app.rq", "/ui/nope.js", "/newskg/newskg.properties",
            "/ui/META-INF/MANIFEST.MF", "/static/index-B4LhgED8.js", "/index.html", "/manage", "/upload")) {
            int code = get(p).statusCode();
            assertTrue(code == 404 || code == 400, p + " gave " + code);
        }
    }

    @Test
    void theStockFusekiUiAndItsManageAndUploadPagesAreGone() throws Exception {
        String home = get("/").body();
        for (String dead : List.of("manage", "upload", "#/dataset", "id=\"app\"")) {
            assertFalse(home.contains(dead), dead);
        }
        assertEquals(404, get("/$/datasets").statusCode());
    }

    @Test
    void completionFindsEntitiesByTheStartOfAWord() throws Exception {
        JsonArray found = json("/newskg/api/complete?q=lav").get("entities").getAsArray();
        assertEquals(1, found.size(), found.toString());
        JsonObject lavrov = found.get(0).getAsObject();
        assertEquals("Sergei Lavrov", lavrov.getString("label"));
        assertEquals("Person", lavrov.getString("type"));
        assertEquals("https://w3id.org/newskg/id/person/sergei-lavrov", lavrov.getString("iri"));
        assertEquals(1, lavrov.get("articles").getAsNumber().value().intValue());
        assertEquals("Russia", json("/newskg/api/top?limit=1").get("entities").getAsArray().get(0).getAsObject().getString("label"));
        assertEquals("Kursk", json("/newskg/api/lookup?name=Kursk").get("entities").getAsArray().get(0).getAsObject().getString("label"));
        assertEquals(0, json("/newskg/api/lookup?name=Kurs").get("entities").getAsArray().size());
        assertEquals(400, get("/newskg/api/complete").statusCode());
        assertEquals(400, get("/newskg/api/complete?q=x&limit=100000").statusCode());
        assertEquals(404, get("/newskg/api/nope").statusCode());
    }

    @Test
    void anArticleIsReadByItsIriAndNothingElse() throws Exception {
        JsonObject r = json("/newskg/api/article?iri=" + enc("https://w3id.org/newskg/article/two"));
        JsonArray rows = r.getObj("results").get("bindings").getAsArray();
        assertEquals(1, rows.size());
        assertEquals("2024-11-02", rows.get(0).getAsObject().getObj("published").getString("value"));
        assertEquals(0, json("/newskg/api/article?iri=" + enc("https://w3id.org/newskg/article/three"))
            .getObj("results").get("bindings").getAsArray().size());
        for (String bad : List.of("https://w3id.org/newskg/id/state/RUS", "https://w3id.org/newskg/article/x> } ?s ?p ?o {", "urn:x")) {
            assertEquals(400, get("/newskg/api/article?iri=" + enc(bad)).statusCode(), bad);
        }
    }

    @Test
    void theQueryEditorGetsTheWholeLibraryAndThePrefixes() throws Exception {
        JsonObject lib = json("/newskg/api/queries");
        assertTrue(lib.getString("prefixes").contains("PREFIX nkg: <https://w3id.org/newskg/ont#>"));
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        JsonArray queries = lib.get("queries").getAsArray();
        assertEquals(files.size(), queries.size());
        for (int i = 0; i < files.size(); i++) {
            JsonObject q = queries.get(i).getAsObject();
            assertEquals(files.get(i).getFileName().toString(), q.getString("name"));
            assertEquals(Files.readString(files.get(i), StandardCharsets.UTF_8), q.getString("text"));
            assertFalse(q.getString("question").isBlank(), q.getString("name"));
            assertFalse(q.getString("question").startsWith("Question:"), q.getString("name"));
        }
    }

    static List<String> column(JsonObject results, String var) {
        List<String> out = new ArrayList<>();
        for (var b : results.getObj("results").get("bindings").getAsArray()) {
            JsonObject row = b.getAsObject();
            out.add(row.hasKey(var) ? row.getObj(var).getString("value") : "");
        }
        return out;
    }

    @Test
    void theEditorsQueryRunsWithItsDeclaredParametersBoundAndPaged() throws Exception {
        String statements = Files.readString(Path.of("queries/statements.rq"), StandardCharsets.UTF_8);
        QueryRunner runner = QueryRunner.local(store.dataset());
        List<Map<String, String>> all = runner.rows(LibraryQuery.library("statements.rq"), Map.of(), null, null);
        List<Map<String, String>> rutte = runner.rows(LibraryQuery.library("statements.rq"),
            Map.of("speaker", List.of("Mark Rutte")), null, null);
        assertTrue(!rutte.isEmpty() && rutte.size() < all.size(), all + " " + rutte);
        JsonObject r = json("/newskg/api/run?query=" + enc(statements) + "&param=" + enc("speaker=Mark Rutte"));
        assertEquals(rutte.stream().map(m -> m.get("evidence")).toList(), column(r, "evidence"));
        JsonObject page = json("/newskg/api/run?query=" + enc(statements) + "&limit=1&offset=1");
        assertEquals(List.of(all.get(1).get("evidence")), column(page, "evidence"));
        assertEquals(all.size(), column(json("/newskg/api/run?query=" + enc(statements) + "&param=speaker%3D"), "evidence").size(),
            "an empty parameter field is no parameter");
        HttpResponse<String> unknown = get("/newskg/api/run?query=" + enc(statements) + "&param=" + enc("visitor=Mark Rutte"));
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("has no parameter 'visitor'"), unknown.body());
        for (String bad : List.of("INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }", "CONSTRUCT WHERE { ?s ?p ?o }", "SELEC nothing")) {
            assertEquals(400, get("/newskg/api/run?query=" + enc(bad)).statusCode(), bad);
        }
        assertEquals(400, get("/newskg/api/run?query=" + enc(statements) + "&limit=-1").statusCode());
        String longQuery = "# " + "padding ".repeat(3000) + "\n" + statements;
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/newskg/api/run"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(longQuery) + "&param=" + enc("speaker=Mark Rutte")))
            .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, posted.statusCode(), "a query too long for a URL is posted as a form");
        assertEquals(column(r, "evidence"), column(JSON.parse(posted.body()), "evidence"));
    }

    @Test
    void theQueryListingCarriesEachQuerysParameters() throws Exception {
        for (var q : json("/newskg/api/queries").get("queries").getAsArray()) {
            JsonObject o = q.getAsObject();
            LibraryQuery lq = LibraryQuery.library(o.getString("name"));
            List<String> names = new ArrayList<>();
            o.get("params").getAsArray().forEach(p -> names.add(p.getAsObject().getString("name")));
            assertEquals(lq.params().stream().map(LibraryQuery.Param::name).toList(), names, o.getString("name"));
        }
    }
}
