package org.newskg.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.webjars.WebJarVersionLocator;

/**
 * The analyst pages and their assets, read from the class path: the pages themselves from
 * {@code newskg/ui/}, and the charting and editor libraries from their WebJars (ECharts,
 * CodeMirror), so that the pages need no network. {@code /ui/lib/NAME/PATH} is {@code PATH} inside
 * WebJar {@code NAME}, whatever its version. Only GET and HEAD are served; every answer carries a
 * Content-Security-Policy that lets the pages load and fetch from this server alone.
 *
 * <pre>{@code
 * builder.addServlet("", new UiServlet("index.html")).addServlet("/ui/*", new UiServlet(null));
 * }</pre>
 */
final class UiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String BASE = "newskg/ui/";
    private static final Set<String> WEBJARS = Set.of("echarts", "codemirror");
    private static final Map<String, String> TYPES = Map.of(
        "html", "text/html; charset=utf-8",
        "js", "text/javascript; charset=utf-8",
        "css", "text/css; charset=utf-8",
        "svg", "image/svg+xml",
        "png", "image/png",
        "json", "application/json");
    /** The pages' scripts and styles come from this server; ECharts and CodeMirror set inline styles. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        + "frame-ancestors 'none'";

    private final String page;
    private final transient WebJarVersionLocator webjars = new WebJarVersionLocator();

    /** Serves one page ({@code page} under {@code newskg/ui/}), or with null the assets below {@code /ui/}. */
    UiServlet(String page) {
        this.page = page;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String resource = page != null ? BASE + page : resource(req.getPathInfo());
        byte[] body = resource == null ? null : read(resource);
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        if (body == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String ext = resource.substring(resource.lastIndexOf('.') + 1);
        resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        resp.setHeader("Cache-Control", resource.startsWith(BASE) ? "no-cache" : "public, max-age=86400");
        resp.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(body);
        }
    }

    /** The class-path resource for a path below {@code /ui/}, or null if there is none to serve. */
    String resource(String path) {
        if (path == null || path.contains("..") || path.contains("//") || !path.matches("/[A-Za-z0-9._/-]+")
            || !TYPES.containsKey(path.substring(path.lastIndexOf('.') + 1))) {
            return null;
        }
        if (path.startsWith("/lib/")) {
            String rest = path.substring("/lib/".length());
            int slash = rest.indexOf('/');
            if (slash <= 0 || !WEBJARS.contains(rest.substring(0, slash))) {
                return null;
            }
            return webjars.fullPath(rest.substring(0, slash), rest.substring(slash + 1));
        }
        return BASE + path.substring(1);
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = UiServlet.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
