package org.newskg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.cli.CliRun;
import org.newskg.config.Settings;
import org.newskg.extract.Extractor;
import org.newskg.ingest.Ingester;
import org.newskg.rdf.ReferenceData;
import org.newskg.serve.NewsServer;
import org.newskg.store.NewsStore;
import org.newskg.store.StoreFixture;

/**
 * Live ingest through a running server with the real pipeline: {@code newskg ingest --server}
 * with the token makes the new facts visible to the next query, a second send changes nothing, a
 * wrong token is refused, and the store ends up with exactly the quads a local ingest gives.
 */
class LiveIngestIT {
    static final String TOKEN = "live-ingest-token";
    static final List<String> FILES = List.of("data/2024-11-05-choe-son-hui-moscow.txt", "data/2023-04-05-finland-joins-nato.txt");

    @TempDir
    Path dir;

    static CliRun cli(String... args) {
        return CliRun.of(args);
    }


    @Test
    void articlesSentToTheServerAreQueryableAtOnce() throws Exception {
        Set<Quad> served;
        ReferenceData ref = ReferenceData.load();
        try (NewsStore store = NewsStore.open(dir.resolve("served"))) {
            store.ensureReference(ref);
            Ingester ingester = new Ingester(Settings.defaults(), ref,
                () -> new Extractor(Models.nlp(), Models.gazetteer()), false);
            try (NewsServer server = NewsServer.start(store, new NewsServer.Options("127.0.0.1", 0, 30, TOKEN), ingester)) {
                String before = count(server);
                CliRun wrong = cli("ingest", "--server", server.url(), "--token", "not-it", FILES.get(0));
                assertEquals(2, wrong.code(), wrong.out() + wrong.err());
                assertTrue(wrong.err().contains("the server refused the write"), wrong.err());
                assertEquals(before, count(server));

                CliRun sent = cli(concat("ingest", "--server", server.url(), "--token", TOKEN));
                assertEquals(0, sent.code(), sent.out() + sent.err());
                assertTrue(sent.out().contains("2 written"), sent.out());
                String lavrov = "PREFIX nkg: <https://w3id.org/newskg/ont#> PREFIX org: <http://www.w3.org/ns/org#> "
                    + "ASK { ?f a nkg:PostHolding ; org:member <https://w3id.org/newskg/id/person/sergei-lavrov> ; "
                    + "org:organization <https://w3id.org/newskg/id/state/RUS> }";
                assertTrue(ask(server, lavrov), "the new post is visible to the next query");

                CliRun again = cli(concat("ingest", "--server", server.url(), "--token", TOKEN));
                assertEquals(0, again.code(), again.err());
                assertTrue(again.out().contains("0 written, 2 unchanged"), again.out());
            }
            served = StoreFixture.quads(store);
        }
        Path local = dir.resolve("local");
        CliRun localRun = cli(concat("ingest", "--store", local.toString()));
        assertEquals(0, localRun.code(), localRun.err());
        try (NewsStore store = NewsStore.open(local)) {
            assertEquals(StoreFixture.quads(store), served, "live ingest stores exactly what a local ingest stores");
        }
    }

    static String[] concat(String... head) {
        List<String> all = new java.util.ArrayList<>(List.of(head));
        all.addAll(FILES);
        return all.toArray(new String[0]);
    }

    static HttpResponse<String> query(NewsServer server, String q) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
            + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Accept", "text/csv").build(),
            HttpResponse.BodyHandlers.ofString());
    }

    static String count(NewsServer server) throws Exception {
        return query(server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").body();
    }

    static boolean ask(NewsServer server, String q) throws Exception {
        return query(server, q).body().contains("true");
    }
}
