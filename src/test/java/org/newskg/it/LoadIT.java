package org.newskg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.article.Article;
import org.newskg.article.ArticleReader;
import org.newskg.config.Settings;
import org.newskg.extract.Extractor;
import org.newskg.ingest.Ingester;
import org.newskg.rdf.ReferenceData;
import org.newskg.serve.IngestClient;
import org.newskg.serve.NewsServer;
import org.newskg.store.NewsStore;

/**
 * Sustained concurrent query load on {@code newskg serve} over loopback while articles are being
 * ingested through it: several clients run thousands of queries from the library plus a snapshot
 * check, with zero errors; every query sees whole articles only (as many article graphs as meta
 * records) and no client ever sees the article count go down. Bounded in count and time.
 */
class LoadIT {
    static final int CLIENTS = 4;
    static final int QUERIES_PER_CLIENT = 600;
    static final String TOKEN = "load-test-token";
    static final String SNAPSHOT = "PREFIX nkg: <https://w3id.org/newskg/ont#> "
        + "SELECT (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(DISTINCT ?m) AS ?metas) WHERE { "
        + "{ GRAPH ?g { ?g a nkg:Article } } UNION { GRAPH <https://w3id.org/newskg/graph/meta> { ?m nkg:contentHash ?h } } }";

    @TempDir
    Path dir;

    @Test
    void queriesStayCorrectWhileArticlesStreamIn() throws Exception {
        List<String> queries = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            for (Path q : s.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                queries.add(Files.readString(q, StandardCharsets.UTF_8));
            }
        }
        List<Article> articles = new ArrayList<>();
        ArticleReader.read(List.of(Path.of("data")), articles::add, e -> {
            throw new AssertionError(e.describe());
        });
        ReferenceData ref = ReferenceData.load();
        try (NewsStore store = NewsStore.open(dir.resolve("db"))) {
            store.ensureReference(ref);
            Ingester ingester = new Ingester(Settings.defaults(), ref, () -> new Extractor(Models.nlp(), Models.gazetteer()), false);
            try (NewsServer server = NewsServer.start(store, new NewsServer.Options("127.0.0.1", 0, 30, TOKEN), ingester)) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
                ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
                AtomicInteger done = new AtomicInteger();
                AtomicBoolean ingesting = new AtomicBoolean(true);
                ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
                Future<?> writer = pool.submit(() -> {
                    try {
                        for (Article a : articles) {
                            IngestClient.Reply r = IngestClient.send(server.url(), TOKEN, List.of(a));
                            if (r.status() != 200) {
                                errors.add("ingest " + a.id() + ": " + r.status() + " " + r.body());
                            }
                        }
                    } catch (Exception e) {
                        errors.add("ingest: " + e);
                    } finally {
                        ingesting.set(false);
                    }
                    return null;
                });
                List<Future<?>> clients = new ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    clients.add(pool.submit(() -> {
                        long lastCount = 0;
                        for (int i = 0; (i < QUERIES_PER_CLIENT || ingesting.get()) && System.nanoTime() < deadline; i++) {
                            boolean snapshot = i % 3 == 0;
                            String q = snapshot ? SNAPSHOT : queries.get((i + client) % queries.size());
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()
                                + "?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Accept", "text/csv")
                                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                            done.incrementAndGet();
                            if (r.statusCode() != 200) {
                                errors.add("client " + client + " query " + i + ": HTTP " + r.statusCode());
                                continue;
                            }
                            if (snapshot) {
                                String[] counts = r.body().split("\r\n")[1].split(",");
                                long graphs = Long.parseLong(counts[0]);
                                if (graphs != Long.parseLong(counts[1])) {
                                    errors.add("torn snapshot: " + r.body());
                                }
                                if (graphs < lastCount) {
                                    errors.add("article count went down from " + lastCount + " to " + graphs);
                                }
                                lastCount = graphs;
                            }
                        }
                        return null;
                    }));
                }
                writer.get(10, TimeUnit.MINUTES);
                for (Future<?> f : clients) {
                    f.get(10, TimeUnit.MINUTES);
                }
                pool.shutdown();
                System.out.printf("load: %d queries from %d clients while %d articles were ingested; %d errors%n",
                    done.get(), CLIENTS, articles.size(), errors.size());
                assertTrue(errors.isEmpty(), errors.size() + " errors, first: " + errors.peek());
                assertTrue(done.get() >= CLIENTS * QUERIES_PER_CLIENT, "ran " + done.get() + " queries");
                HttpResponse<String> last = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                    + URLEncoder.encode(SNAPSHOT, StandardCharsets.UTF_8))).header("Accept", "text/csv").build(),
                    HttpResponse.BodyHandlers.ofString());
                assertEquals(articles.size() + "," + articles.size(), last.body().split("\r\n")[1]);
            }
        }
    }
}
