package org.newskg.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
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
 * {@code /newskg/query}, the Graph Store Protocol read-only at {@code /newskg/get}, the analyst
 * pages at {@code /} (search), {@code /entity}, {@code /article} and {@code /query} with their
 * assets under {@code /ui/} ({@link UiServlet}) and their JSON under {@code /newskg/api/}
 * ({@link ApiServlet}), and {@code /$/ping}, {@code /$/server} and {@code /$/stats}. No update endpoint is
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

    private NewsServer(FusekiServer server, String host) {
        this.server = server;
        this.host = host;
    }

    /** Starts serving the store. */
    public static NewsServer start(NewsStore store, Options options, Ingester ingester) {
        boolean loopback = isLoopback(options.host());
        store.dataset().getContext().set(ARQ.queryTimeout, Long.toString(options.timeoutSeconds() * 1000L));
        EntityNames names = new EntityNames(store.dataset());
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
            .addServlet(DATASET + "/ingest", new IngestServlet(store, ingester, options.token(), names::invalidate))
            .addServlet(DATASET + "/api/*", new ApiServlet(store, names))
            .addServlet("", new UiServlet("index.html"))
            .addServlet("/entity", new UiServlet("entity.html"))
            .addServlet("/article", new UiServlet("article.html"))
            .addServlet("/query", new UiServlet("query.html"))
            .addServlet("/ui/*", new UiServlet(null))
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
            if (causedBy(e, java.net.BindException.class)) {
                throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port()
                    + ": the port is in use (another 'newskg serve'?); pick another with --port", e);
            }
            throw e;
        }
        return new NewsServer(server, loopback ? "127.0.0.1" : options.host());
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

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }
}
