package org.newskg.cli;

import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.newskg.config.Settings;
import org.newskg.extract.Extractor;
import org.newskg.ingest.Ingester;
import org.newskg.nlp.NlpPipeline;
import org.newskg.rdf.ReferenceData;
import org.newskg.serve.NewsServer;
import org.newskg.store.NewsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg serve}: the store over HTTP with embedded Fuseki, read-only, with optional token-protected live ingest. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves the store with embedded Fuseki: SPARQL at /newskg/sparql (and /newskg/query), "
        + "read-only Graph Store Protocol at /newskg/get, the analyst pages at / (search, entity timeline and network, query editor). Read-only; live ingest "
        + "(POST /newskg/ingest, or 'newskg ingest --server URL') only with the token given at start.",
        "Stops cleanly on Ctrl-C or SIGTERM."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Option(names = "--host", paramLabel = "HOST", description = "interface to bind (default serve.host: 127.0.0.1)")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "port (default serve.port: 3030; 0 picks a free one)")
    Integer port;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "query timeout (default serve.timeout: 30)")
    Integer timeout;

    @Option(names = "--token", paramLabel = "TOKEN",
        description = "write token that live ingest must present (default: serve.token or $NEWSKG_TOKEN; none: read-only)")
    String token;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings s = options.settings().with("serve.host", host).with("serve.port", port).with("serve.timeout", timeout);
        String writeToken = token != null ? token : s.get("serve.token", System.getenv("NEWSKG_TOKEN"));
        NewsServer.Options serveOptions = new NewsServer.Options(s.get("serve.host"), s.getInt("serve.port"),
            s.getInt("serve.timeout"), writeToken);
        ReferenceData ref = ReferenceData.load();
        NewsStore store = options.open(s);
        NewsServer server;
        try {
            store.ensureReference(ref);
            Ingester ingester = new Ingester(s, ref, memoize(() -> new Extractor(new NlpPipeline(s), ref.gazetteer())), false);
            server = NewsServer.start(store, serveOptions, ingester);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
        }, "newskg-shutdown"));
        var out = spec.commandLine().getOut();
        out.println("newskg serving " + store.location() + " at " + server.url() + "/");
        out.println("  SPARQL: " + server.sparqlUrl() + "   analyst pages: " + server.url() + "/");
        out.println("  " + (writeToken == null || writeToken.isEmpty() ? "read-only (no token: live ingest disabled)"
            : "live ingest: POST " + server.url() + NewsServer.DATASET + "/ingest with the token"));
        out.flush();
        server.join();
        return Main.OK;
    }

    /** A supplier that computes once, on first use, and is safe to call from several threads. */
    static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }
}
