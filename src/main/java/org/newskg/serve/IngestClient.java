package org.newskg.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.newskg.article.Article;
import org.newskg.article.ArticleReader;

/**
 * Sends articles to a running {@code newskg serve} for live ingest: they are read and checked
 * locally, then posted as one JSON Lines feed with the server's write token.
 *
 * <pre>{@code
 * IngestClient.Reply r = IngestClient.send("http://127.0.0.1:3030", token, articles);
 * }</pre>
 */
public final class IngestClient {
    /** The server's answer: HTTP status and its JSON summary. */
    public record Reply(int status, JsonObject body) {}

    private IngestClient() {}

    /** Posts the articles in one request and returns the server's summary. */
    public static Reply send(String server, String token, List<Article> articles) throws IOException {
        StringBuilder feed = new StringBuilder();
        for (Article a : articles) {
            feed.append(ArticleReader.toFeedLine(a)).append('\n');
        }
        String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + NewsServer.DATASET + "/ingest"))
            .timeout(Duration.ofHours(2))
            .header("Content-Type", "application/x-ndjson; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(feed.toString(), StandardCharsets.UTF_8));
        if (token != null && !token.isEmpty()) {
            req.header("Authorization", "Bearer " + token);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> resp = client.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonObject body;
            try {
                body = JSON.parse(resp.body());
            } catch (RuntimeException e) {
                body = new JsonObject();
                body.put("error", "unexpected reply: " + resp.body().lines().findFirst().orElse(""));
            }
            return new Reply(resp.statusCode(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending to " + server, e);
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot reach " + server + " (is 'newskg serve' running there?)", e);
        }
    }
}
