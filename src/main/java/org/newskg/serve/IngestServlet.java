package org.newskg.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.newskg.article.Article;
import org.newskg.article.ArticleException;
import org.newskg.article.ArticleReader;
import org.newskg.ingest.IngestReport;
import org.newskg.ingest.Ingester;
import org.newskg.ingest.Progress;
import org.newskg.store.NewsStore;

/**
 * {@code POST /newskg/ingest}: live ingest through a running server, since TDB2 allows one process
 * per store. The body is a JSON Lines feed (one article per line, as {@code newskg ingest --server}
 * sends it), or with {@code ?name=FILE.txt} one article in the text format. Requests must carry
 * {@code Authorization: Bearer TOKEN} with the token the server was started with; a server
 * started without a token refuses every write. The reply is a JSON summary; new facts are visible
 * to the next query.
 *
 * <pre>{@code
 * curl -H 'Authorization: Bearer s3cret' --data-binary @article.txt 'http://127.0.0.1:3030/newskg/ingest?name=article.txt'
 * }</pre>
 */
final class IngestServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final transient NewsStore store;
    private final transient Ingester ingester;
    private final byte[] token;
    private final transient Runnable afterWrite;

    /** {@code afterWrite} runs after each request that wrote articles. */
    IngestServlet(NewsStore store, Ingester ingester, String token, Runnable afterWrite) {
        this.store = store;
        this.ingester = ingester;
        this.afterWrite = afterWrite;
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Allow", "POST");
        reply(resp, 405, error("use POST to send articles"));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (token == null) {
            reply(resp, 403, error("writes are disabled: start 'newskg serve' with --token (or serve.token) to allow live ingest"));
            return;
        }
        String auth = req.getHeader("Authorization");
        byte[] given = auth != null && auth.startsWith("Bearer ")
            ? auth.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(token, given)) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"newskg\"");
            reply(resp, 401, error("missing or wrong token"));
            return;
        }
        if (req.getContentLengthLong() > MAX_BODY) {
            reply(resp, 413, error("request body over " + MAX_BODY + " bytes"));
            return;
        }
        byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            reply(resp, 413, error("request body over " + MAX_BODY + " bytes"));
            return;
        }
        List<Article> articles = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int[] bad = {0};
        String name = req.getParameter("name");
        String origin = name == null ? "request" : name;
        try {
            String text = ArticleReader.decodeText(origin, body);
            if (name != null && !name.endsWith(".jsonl")) {
                articles.add(ArticleReader.parseText(ArticleReader.idOf(name), origin, text,
                    org.newskg.article.Hashes.sha256(body)));
            } else {
                ArticleReader.readFeed(origin, text, MAX_BODY, articles::add, e -> {
                    bad[0]++;
                    failures.add(e.describe());
                });
            }
        } catch (ArticleException e) {
            bad[0]++;
            failures.add(e.describe());
        }
        IngestReport r = ingester.ingest(store, articles, failures, bad[0], Progress.NONE, System.nanoTime());
        if (r.written() > 0) {
            afterWrite.run();
        }
        JsonObject out = new JsonObject();
        out.put("read", r.read());
        out.put("written", r.written());
        out.put("unchanged", r.unchanged());
        out.put("facts", r.facts());
        JsonArray failed = new JsonArray();
        r.failures().forEach(failed::add);
        out.put("failed", failed);
        reply(resp, r.failed() ? (r.written() + r.unchanged() > 0 ? 207 : 422) : 200, out);
    }

    private static JsonObject error(String message) {
        JsonObject o = new JsonObject();
        o.put("error", message);
        return o;
    }

    private static void reply(HttpServletResponse resp, int status, JsonObject body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getOutputStream().write((body.toString() + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
