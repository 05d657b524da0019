package org.newskg.it;

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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.cli.CliRun;
import org.newskg.config.Settings;
import org.newskg.extract.Extractor;
import org.newskg.ingest.Ingester;
import org.newskg.query.LibraryQuery;
import org.newskg.query.QueryRunner;
import org.newskg.rdf.ReferenceData;
import org.newskg.serve.NewsServer;
import org.newskg.store.NewsStore;

/**
 * The analyst pages as an analyst uses them, in headless Chromium (playwright-core) against
 * {@code newskg serve} on a store of the sample articles ingested with the real pipeline: type part
 * of a name, pick the completion, and the entity page shows exactly the rows of
 * {@code timeline.rq} for that entity (in the list and as points of the chart), the counterparts
 * of {@code network.rq}, the posts and articles of {@code entity.rq}; a click on an event (in the
 * list and on the chart) shows its evidence sentence verbatim, which the article view then marks in
 * the article's text. The pages make no request outside the server and log no error. Screenshots
 * are written to {@code target/ui/}. Completion also knows an entity that a live ingest adds while
 * the server runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalystPageIT {
    static final String TOKEN = "analyst-page-token";
    /** Held back from the first ingest and sent to the running server; the only article naming Shusha. */
    static final Path HELD_BACK = Path.of("data/2020-11-10-armenia-azerbaijan-ceasefire.txt");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    static NewsStore store;
    static NewsServer server;
    static QueryRunner runner;

    @BeforeAll
    static void serveTheSampleArticles() throws Exception {
        List<String> args = new ArrayList<>(List.of("ingest", "--store", dir.resolve("store").toString()));
        try (Stream<Path> s = Files.list(Path.of("data"))) {
            s.filter(p -> p.toString().endsWith(".txt") && !p.equals(HELD_BACK)).sorted().forEach(p -> args.add(p.toString()));
        }
        CliRun ingest = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, ingest.code(), ingest.err());
        ReferenceData ref = ReferenceData.load();
        store = NewsStore.open(dir.resolve("store"));
        store.ensureReference(ref);
        Ingester ingester = new Ingester(Settings.defaults(), ref, () -> new Extractor(Models.nlp(), Models.gazetteer()), false);
        server = NewsServer.start(store, new NewsServer.Options("127.0.0.1", 0, 30, TOKEN), ingester);
        runner = QueryRunner.local(store.dataset());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    static List<Map<String, String>> library(String query, String entity) {
        return runner.rows(LibraryQuery.library(query), entity == null ? Map.of() : Map.of("entity", List.of(entity)), null, null);
    }

    static List<String> strings(JsonValue array) {
        List<String> out = new ArrayList<>();
        array.getAsArray().forEach(v -> out.add(v.getAsString().value()));
        return out;
    }

    /** Runs the browser script for one entity and returns what it saw. */
    static JsonObject browse(String typed, String label, Path shots) throws Exception {
        InteropIT.require("chromium", Files.isExecutable(CHROMIUM));
        InteropIT.require("playwright-core (npm ci in src/test/ui)", Files.isDirectory(Path.of("src/test/ui/node_modules/playwright-core")));
        return JSON.parse(InteropIT.run(List.of("node", "src/test/ui/analyst-page.mjs", server.url(), typed, label,
            shots.toString(), CHROMIUM.toString())));
    }

    @Test
    @Order(1)
    void aPersonsTimelineNetworkPostsAndEvidence() throws Exception {
        checkEntityPage("putin", "Vladimir Putin", Path.of("target/ui/person"));
    }

    @Test
    @Order(2)
    void aStatesTimelineInEveryFactualityWithUndatedEvents() throws Exception {
        JsonObject seen = checkEntityPage("north ko", "North Korea", Path.of("target/ui/state"));
        Set<String> statuses = new HashSet<>();
        library("timeline.rq", "North Korea").forEach(r -> statuses.add(r.get("status")));
        assertEquals(Set.of("reported", "alleged", "possible", "negated"), statuses, "the sample articles give all four");
        JsonObject colours = seen.getObj("chartColours");
        Set<String> distinct = new HashSet<>();
        for (String s : statuses) {
            distinct.add(colours.getString(s));
        }
        assertEquals(4, distinct.size(), "one colour per factuality: " + colours);
    }

    JsonObject checkEntityPage(String typed, String label, Path shots) throws Exception {
        JsonObject seen = browse(typed, label, shots);
        assertEquals(List.of(), strings(seen.get("foreignRequests")), "the pages load nothing from elsewhere");
        assertEquals(List.of(), strings(seen.get("consoleErrors")));
        assertEquals(List.of(), strings(seen.get("failedRequests")));
        assertEquals(label, strings(seen.get("completions")).get(0), "the completion offers " + label + " first");
        assertEquals(label, seen.getString("heading"));
        assertTrue(seen.getString("entityUrl").endsWith("/entity?name=" + URLEncoder.encode(label, StandardCharsets.UTF_8)
            .replace("+", "%20")), seen.getString("entityUrl"));

        List<Map<String, String>> timeline = library("timeline.rq", label);
        assertTrue(timeline.size() >= 5, label + " has events in the sample articles: " + timeline.size());
        JsonArray items = seen.get("items").getAsArray();
        assertEquals(timeline.size(), items.size(), "one timeline item per row of timeline.rq");
        assertEquals(timeline.size(), seen.get("chartPoints").getAsNumber().value().intValue(), "one chart point per row");
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.get(i).getAsObject();
            assertEquals(i, item.get("index").getAsNumber().value().intValue());
            assertEquals(timeline.get(i).get("evidence"), item.getString("sentence"), "item " + i + " in timeline.rq's order");
            assertEquals(timeline.get(i).get("status"), item.getString("status"), "item " + i);
        }

        int clicked = seen.get("clicked").getAsNumber().value().intValue();
        assertEquals(timeline.get(clicked).get("evidence"), seen.getString("evidenceShown"), "the list item's evidence, verbatim");
        int onChart = seen.get("chartClicked").getAsNumber().value().intValue();
        Map<String, String> point = timeline.get(onChart);
        assertEquals(point.get("evidence"), seen.getString("chartEvidence"), "the chart point's evidence, verbatim");
        assertEquals(point.get("evidence"), seen.getString("articleHighlight"), "the article marks the sentence");
        assertTrue(seen.getString("articleUrl").contains(URLEncoder.encode(point.get("article"), StandardCharsets.UTF_8)),
            seen.getString("articleUrl"));

        Set<String> counterparts = new LinkedHashSet<>();
        library("network.rq", label).forEach(r -> counterparts.add(r.get("counterpart")));
        assertFalse(counterparts.isEmpty());
        assertEquals(counterparts.size(), seen.get("networkRows").getAsNumber().value().intValue());
        assertEquals(counterparts.size() + 1, seen.get("networkNodes").getAsNumber().value().intValue(), "the entity and its counterparts");
        List<Map<String, String>> about = library("entity.rq", label);
        assertEquals(about.stream().filter(r -> r.get("kind").equals("post")).count(), seen.get("posts").getAsNumber().value().longValue());
        assertEquals(about.stream().filter(r -> r.get("kind").equals("article")).count(), seen.get("articles").getAsNumber().value().longValue());

        assertEquals(library("posts.rq", null).size(), seen.get("queryRows").getAsNumber().value().intValue(), "the query page ran posts.rq");
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq")).sorted().toList();
        }
        assertEquals(files, strings(seen.get("libraryQueries")));
        for (String shot : List.of("home.png", "entity.png", "entity-full.png", "article.png", "query.png")) {
            Path png = shots.resolve(shot);
            assertTrue(Files.size(png) > 10_000, png + " is a real screenshot");
        }
        return seen;
    }

    @Test
    @Order(3)
    void completionKnowsAnEntityThatALiveIngestAdds() throws Exception {
        assertEquals(0, complete("shusha").size(), "not in the first ingest");
        HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + NewsServer.DATASET + "/ingest?name="
            + HELD_BACK.getFileName())).header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofFile(HELD_BACK)).timeout(Duration.ofMinutes(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sent.statusCode(), sent.body());
        JsonArray found = complete("shusha");
        assertEquals(1, found.size(), found.toString());
        assertEquals("Shusha", found.get(0).getAsObject().getString("label"));
    }

    static JsonArray complete(String q) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/newskg/api/complete?q="
            + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parse(r.body()).get("entities").getAsArray();
    }
}
