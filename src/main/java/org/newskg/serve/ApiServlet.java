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
import org.newskg.query.LibraryQuery;
import org.newskg.query.QueryParameters;
import org.newskg.query.QueryRunner;
import org.newskg.store.NewsStore;

/**
 * {@code GET /newskg/api/...}: the JSON the analyst pages read, all of it read-only.
 * <ul>
 * <li>{@code complete?q=TEXT[&limit=N]}, {@code lookup?name=LABEL} and {@code top[?limit=N]}: entities
 *     whose names match, whose label is exactly LABEL, or the most mentioned ({@link EntityNames}), as
 *     {@code {"entities": [{iri, label, type, articles, matched}]}};</li>
 * <li>{@code entity}, {@code timeline} and {@code network} {@code ?name=LABEL}: the library queries
 *     {@code entity.rq}, {@code timeline.rq} and {@code network.rq} with their {@code entity}
 *     parameter bound to the entities of that label ({@link QueryRunner}), as SPARQL JSON results;</li>
 * <li>{@code article?iri=IRI}: one article's title, date, source, URL and text ({@code ui-article.rq});</li>
 * <li>{@code queries}: the query library (name, question, text, declared parameters) and the
 *     predeclared prefixes, for the query editor;</li>
 * <li>{@code run?query=SPARQL[&param=NAME=VALUE]...[&limit=N][&offset=M]} (GET, or POST as a form):
 *     the editor's SELECT or ASK query with the parameters its header declares bound as values
 *     ({@link QueryParameters}), paged.</li>
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

    private final transient QueryRunner runner;
    private final transient EntityNames names;

    ApiServlet(NewsStore store, EntityNames names) {
        this.runner = QueryRunner.local(store.dataset());
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
                case "/run" -> run(resp, req);
                default -> json(resp, 404, error("no such API: " + path + " (complete, lookup, top, entity, timeline, network, article, queries)"));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            json(resp, 400, error(e.getMessage()));
        } catch (QueryCancelledException e) {
            json(resp, 503, error("query timed out"));
        }
    }

    /** Only {@code run} takes POST (an HTML form's encoding), for queries too long for a URL; it still only reads. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if ("/run".equals(req.getPathInfo()) && req.getContentType() != null
            && req.getContentType().startsWith("application/x-www-form-urlencoded")) {
            doGet(req, resp);
            return;
        }
        refuse(resp);
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        refuse(resp);
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        refuse(resp);
    }

    private static void refuse(HttpServletResponse resp) throws IOException {
        resp.setHeader("Allow", "GET, HEAD");
        json(resp, 405, error("the API only reads: use GET (or a form POST to run)"));
    }

    private void library(HttpServletResponse resp, String query, HttpServletRequest req) throws IOException {
        String name = required(req, "name");
        results(resp, runner.prepare(LibraryQuery.library(query), Map.of("entity", List.of(name)), null, null));
    }

    private void article(HttpServletResponse resp, String iri) throws IOException {
        if (!iri.startsWith(ARTICLE_NS)) {
            throw new IllegalArgumentException("not an article IRI: " + iri);
        }
        results(resp, runner.prepare(LibraryQuery.internal("ui-article.rq"), Map.of("article", List.of("<" + iri + ">")), null, null));
    }

    /**
     * {@code run?query=SPARQL[&param=NAME=VALUE]...[&limit=N][&offset=M]}: a query from the editor,
     * with the parameters its header declares bound as values, and paged, as SPARQL JSON results.
     */
    private void run(HttpServletResponse resp, HttpServletRequest req) throws IOException {
        LibraryQuery q = LibraryQuery.of("query", required(req, "query"));
        String[] specs = req.getParameterValues("param");
        Map<String, List<String>> params = QueryParameters.parse(specs == null ? List.of()
            : List.of(specs).stream().filter(p -> !p.endsWith("=")).toList());
        Query prepared = runner.prepare(q, params, number(req, "limit"), number(req, "offset"));
        if (!prepared.isSelectType() && !prepared.isAskType()) {
            throw new IllegalArgumentException("the query page runs SELECT and ASK queries here; send others to /newskg/sparql");
        }
        results(resp, prepared);
    }

    private void results(HttpServletResponse resp, Query query) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runner.print(query, "json", out);
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
        for (LibraryQuery q : LibraryListing.queries()) {
            JsonObject o = new JsonObject();
            o.put("name", q.name());
            o.put("question", q.question());
            o.put("text", q.text());
            JsonArray params = new JsonArray();
            for (LibraryQuery.Param p : q.params()) {
                JsonObject po = new JsonObject();
                po.put("name", p.name());
                po.put("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT));
                po.put("required", p.required());
                po.put("description", p.description());
                params.add(po);
            }
            o.put("params", params);
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

    private static Long number(HttpServletRequest req, String param) {
        String v = req.getParameter(param);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0) {
                throw new IllegalArgumentException(param + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(param + " must be a number: " + v);
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
