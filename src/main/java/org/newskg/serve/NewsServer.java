package org.newskg.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.newskg.ingest.Ingester;
import org.newskg.store.NewsStore;

/**
 * The store served by embedded Fuseki, read-only: SPARQL query at {@code /newskg/sparql} and
 * {@code /newskg/query}, the Graph Store Protocol read-only at {@code /newskg/get}, the Fuseki web
 * UI at {@code /}, {@code /$/ping}, {@code /$/server} and {@code /$/stats}. No update endpoint is
 * registered and the Fuseki admin module is off, so neither SPARQL Update nor GSP writes nor
 * dataset management are possible. The only write is live ingest at {@code /newskg/ingest}, which
 * needs the token the server was started with. Queries are cut off after a timeout. Binds to
 * 127.0.0.1 unless told otherwise.
 *
 * <pre>{@code
 * try (NewsServer s = NewsServer.start(store, new NewsServer.Options("127.0.0.1", 0, 30, token), ingester)) {
 *     System.out.println(s.url());
 * }
 * }</pre>
 */
public final class NewsServer implements AutoCloseable {
    /** The dataset's path on the server. */
    public static final String DATASET = "/newskg";

    /** Where and how to serve: host, port (0 picks a free one), query timeout in seconds, write token (null: no writes). */
    public record Options(String host, int port, int timeoutSeconds, String token) {
        /** Refuses a port outside 0-65535 and a timeout under one second, as bad usage. */
        public Options {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port takes 0 to 65535 (0 picks a free port), not " + port);
            }
            if (timeoutSeconds < 1) {
                throw new IllegalArgumentException("--timeout takes a number of seconds, 1 or more, not " + timeoutSeconds);
            }
        }
    }

    private final FusekiServer server;
    private final String host;
    private final Path unpackedUi;

    private NewsServer(FusekiServer server, String host, Path unpackedUi) {
        this.server = server;
        this.host = host;
        this.unpackedUi = unpackedUi;
    }

    /** Starts serving the store. */
    public static NewsServer start(NewsStore store, Options options, Ingester ingester) {
        boolean loopback = isLoopback(options.host());
        store.dataset().getContext().set(ARQ.queryTimeout, Long.toString(options.timeoutSeconds() * 1000L));
        Path ui = uiDirectory();
        Path unpacked = ui.getFileName().toString().startsWith(UI_TEMP_PREFIX) ? ui : null;
        DataService.Builder service = DataService.newBuilder(store.dataset())
            .addEndpoint(Operation.Query, "sparql")
            .addEndpoint(Operation.Query, "query")
            .addEndpoint(Operation.GSP_R, "get")
            .addEndpoint(Operation.Query, "");
        FusekiServer server = FusekiServer.create()
            .port(options.port())
            .loopback(loopback)
            .fusekiModules(FusekiModules.empty())
            .add(DATASET, service)
            .enablePing(true)
            .enableStats(true)
            .addServlet("/$/server", new ActionServerStatus())
            .addServlet(DATASET + "/ingest", new IngestServlet(store, ingester, options.token()))
            .staticFileBase(ui.toString())
            .build();
        if (!loopback) {
            for (Connector c : server.getJettyServer().getConnectors()) {
                if (c instanceof ServerConnector sc) {
                    sc.setHost(options.host());
                }
            }
        }
        try {
            server.start();
        } catch (RuntimeException e) {
            deleteTree(unpacked);
            if (causedBy(e, java.net.BindException.class)) {
                throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port()
                    + ": the port is in use (another 'newskg serve'?); pick another with --port", e);
            }
            throw e;
        }
        return new NewsServer(server, loopback ? "127.0.0.1" : options.host(), unpacked);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a host name means this machine's loopback interface. */
    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "'");
        }
    }

    private static final String UI_TEMP_PREFIX = "newskg-ui-";

    /** The Fuseki UI's files, unpacked from the jena-fuseki-ui jar into a temporary directory that {@link #close} deletes. */
    private static Path uiDirectory() {
        URL webapp = NewsServer.class.getClassLoader().getResource("webapp/index.html");
        if (webapp == null) {
            throw new IllegalStateException("the Fuseki UI (jena-fuseki-ui) is missing from the class path");
        }
        try {
            if (webapp.getProtocol().equals("file")) {
                return Path.of(webapp.toURI()).getParent();
            }
            String spec = webapp.getPath();
            Path jar = Path.of(new URL(spec.substring(0, spec.indexOf("!/"))).toURI());
            Path dir = Files.createTempDirectory(UI_TEMP_PREFIX);
            try (JarFile jf = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> entries = jf.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (!e.getName().startsWith("webapp/") || e.isDirectory()) {
                        continue;
                    }
                    Path target = dir.resolve(e.getName().substring("webapp/".length())).normalize();
                    if (!target.startsWith(dir)) {
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = jf.getInputStream(e)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the Fuseki UI", e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the Fuseki UI: " + webapp, e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return server.getHttpPort();
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:3030}. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port();
    }

    /** The SPARQL query endpoint. */
    public String sparqlUrl() {
        return url() + DATASET + "/sparql";
    }

    /** Blocks until the server stops. */
    public void join() {
        server.join();
    }

    /** Stops the server and deletes the UI files it unpacked. */
    @Override
    public void close() {
        server.stop();
        deleteTree(unpackedUi);
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
