package org.newskg.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.newskg.store.NewsStore;
import org.newskg.store.Sparql;

/**
 * {@code GET /newskg/api/...}: the JSON the analyst pages read, all of it read-only.
 * <ul>
 * <li>{@code complete?q=TEXT[&limit=N]}, {@code lookup?name=LABEL} and {@code top[?limit=N]}: entities
 *     whose names match, whose label is exactly LABEL, or the most mentioned ({@link EntityNames}), as
 *     {@code {"entities": [{iri, label, type, articles, matched}]}};</li>
 * <li>{@code entity}, {@code timeline} and {@code network} {@code ?name=LABEL}: the library queries
 *     {@code entity.rq}, {@code timeline.rq} and {@code network.rq} with {@code ?entity} bound to the
 *     label as a value, as SPARQL JSON results;</li>
 * <li>{@code article?iri=IRI}: one article's title, date, source, URL and text ({@code ui-article.rq});</li>
 * <li>{@code queries}: the query library and the predeclared prefixes, for the query editor.</li>
 * </ul>
 *
 * <pre>{@code
 * curl 'http://127.0.0.1:3030/newskg/api/timeline?name=Sergei%20Lavrov'
 * }</pre>
 */
final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_LIMIT = 100;
    private static final String ARTICLE_NS = "https://w3id.org/newskg/article/";

    private final transient NewsStore store;
    private final transient EntityNames names;

    ApiServlet(NewsStore store, EntityNames names) {
        this.store = store;
        this.names = names;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        try {
            switch (path) {
                case "/complete" -> json(resp, 200, matches(names.search(required(req, "q"), limit(req, 10))));
                case "/lookup" -> json(resp, 200, matches(names.lookup(required(req, "name"))));
                case "/top" -> json(resp, 200, matches(names.top(limit(req, 20))));
                case "/entity" -> library(resp, "entity.rq", req);
                case "/timeline" -> library(resp, "timeline.rq", req);
                case "/network" -> library(resp, "network.rq", req);
                case "/article" -> article(resp, required(req, "iri"));
                case "/queries" -> json(resp, 200, queries());
                default -> json(resp, 404, error("no such API: " + path + " (complete, lookup, top, entity, timeline, network, article, queries)"));
            }
        } catch (IllegalArgumentException e) {
            json(resp, 400, error(e.getMessage()));
        } catch (QueryCancelledException e) {
            json(resp, 503, error("query timed out"));
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Allow", "GET, HEAD");
        json(resp, 405, error("the API is read-only: use GET"));
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doPost(req, resp);
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        doPost(req, resp);
    }

    private void library(HttpServletResponse resp, String query, HttpServletRequest req) throws IOException {
        String name = required(req, "name");
        results(resp, Sparql.library(query), Map.of("entity", ResourceFactory.createStringLiteral(name)));
    }

    private void article(HttpServletResponse resp, String iri) throws IOException {
        if (!iri.startsWith(ARTICLE_NS) || !org.apache.jena.irix.IRIs.check(iri)) {
            throw new IllegalArgumentException("not an article IRI: " + iri);
        }
        results(resp, Sparql.resource("ui-article.rq"), Map.of("article", ResourceFactory.createResource(iri)));
    }

    private void results(HttpServletResponse resp, Query query, Map<String, RDFNode> params) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sparql.print(store.dataset(), query, params, "json", out);
        resp.setStatus(200);
        resp.setContentType("application/sparql-results+json");
        resp.setCharacterEncoding("UTF-8");
        resp.getOutputStream().write(out.toByteArray());
    }

    private static JsonObject matches(List<EntityNames.Match> found) {
        JsonArray list = new JsonArray();
        for (EntityNames.Match m : found) {
            JsonObject o = new JsonObject();
            o.put("iri", m.iri());
            o.put("label", m.label());
            o.put("type", m.type());
            o.put("articles", m.articles());
            o.put("matched", m.matched());
            list.add(o);
        }
        JsonObject out = new JsonObject();
        out.put("entities", list);
        return out;
    }

    private static JsonObject queries() {
        JsonArray list = new JsonArray();
        for (LibraryListing.Entry q : LibraryListing.queries()) {
            JsonObject o = new JsonObject();
            o.put("name", q.name());
            o.put("question", q.question());
            o.put("text", q.text());
            list.add(o);
        }
        JsonObject out = new JsonObject();
        out.put("prefixes", LibraryListing.prefixes());
        out.put("queries", list);
        return out;
    }

    private static String required(HttpServletRequest req, String param) {
        String v = req.getParameter(param);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing parameter '" + param + "'");
        }
        return v;
    }

    private static int limit(HttpServletRequest req, int dflt) {
        String v = req.getParameter("limit");
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a number: " + v);
        }
    }

    private static JsonObject error(String message) {
        JsonObject o = new JsonObject();
        o.put("error", message);
        return o;
    }

    private static void json(HttpServletResponse resp, int status, JsonObject body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getOutputStream().write((body.toString() + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
