package org.newskg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.config.Settings;
import org.newskg.ingest.Ingester;
import org.newskg.rdf.ReferenceData;
import org.newskg.serve.NewsServer;
import org.newskg.store.NewsStore;
import org.newskg.store.StoreFixture;

/**
 * {@code query}, {@code info} and {@code export} with {@code --server URL} while a real server
 * holds the store (so the store itself cannot be opened): the same output as the same command on
 * the store, parameters and pages included; an unreachable server is one line and exit 1.
 */
class RemoteCommandsTest {
    @TempDir
    static Path dir;
    static Path local;
    static NewsStore served;
    static NewsServer server;

    @BeforeAll
    static void start() throws Exception {
        local = dir.resolve("local");
        StoreFixture.open(local).close();
        served = StoreFixture.open(dir.resolve("served"));
        server = NewsServer.start(served, new NewsServer.Options("127.0.0.1", 0, 30, null),
            new Ingester(Settings.defaults(), ReferenceData.load(), () -> null, false));
    }

    @AfterAll
    static void stop() {
        server.close();
        served.close();
    }

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void queryThroughTheServerGivesTheRowsOfTheStore() {
        for (String[] q : List.of(new String[] {"queries/posts.rq"}, new String[] {"--param", "entity=Russia", "queries/timeline.rq"},
            new String[] {"--param", "a=Choe Son Hui", "--param", "status=possible", "queries/contacts.rq"},
            new String[] {"--limit", "2", "--offset", "1", "queries/entities.rq"},
            new String[] {"--param", "entity=Sergei Lavrov", "queries/entity.rq"},
            new String[] {"SELECT (COUNT(*) AS ?n) WHERE { ?s a nkg:Person }"})) {
            for (String format : List.of("csv", "json", "table")) {
                String[] remote = concat(new String[] {"query", "--server", server.url(), "--format", format}, q);
                String[] here = concat(new String[] {"query", "--store", local.toString(), "--format", format}, q);
                CliRun r = run(remote);
                CliRun l = run(here);
                assertEquals(0, r.code(), String.join(" ", remote) + ": " + r.err());
                assertEquals(l.out(), r.out(), String.join(" ", remote));
            }
        }
        CliRun bad = run("query", "--server", server.url(), "--param", "visitor=x", "queries/posts.rq");
        assertEquals(2, bad.code(), "the same parameter check through a server");
        CliRun syntax = run("query", "--server", server.url(), "SELECT ?x WHERE { ?x }");
        assertEquals(2, syntax.code(), syntax.err());
    }

    @Test
    void infoThroughTheServer() {
        CliRun r = run("info", "--server", server.url());
        assertEquals(0, r.code(), r.err());
        CliRun l = run("info", "--store", local.toString());
        assertEquals(l.out().substring(l.out().indexOf('\n')), r.out().substring(r.out().indexOf('\n')));
        assertTrue(r.out().startsWith("server: " + server.url()), r.out());
    }

    @Test
    void exportThroughTheServerGivesTheStoresContent() {
        for (String format : List.of("nquads", "trig", "turtle", "jsonld")) {
            for (String graph : new String[] {null, "one"}) {
                String[] g = graph == null ? new String[0] : new String[] {"--graph", graph};
                CliRun r = run(concat(new String[] {"export", "--server", server.url(), "--format", format}, g));
                CliRun l = run(concat(new String[] {"export", "--store", local.toString(), "--format", format}, g));
                assertEquals(0, r.code(), format + " " + graph + ": " + r.err());
                Lang lang = switch (format) {
                    case "nquads" -> Lang.NQUADS;
                    case "trig" -> Lang.TRIG;
                    case "turtle" -> Lang.TURTLE;
                    default -> Lang.JSONLD;
                };
                Dataset a = DatasetFactory.create();
                RDFParser.fromString(r.out(), lang).parse(a);
                Dataset b = DatasetFactory.create();
                RDFParser.fromString(l.out(), lang).parse(b);
                assertTrue(a.asDatasetGraph().stream().findAny().isPresent(), format + " has content");
                assertTrue(IsoMatcher.isomorphic(a.asDatasetGraph(), b.asDatasetGraph()), format + " " + graph + " as exported locally");
            }
        }
        for (String format : List.of("graphml", "csv")) {
            CliRun r = run("export", "--server", server.url(), "--format", format);
            assertEquals(0, r.code(), r.err());
            assertEquals(run("export", "--store", local.toString(), "--format", format).out(), r.out(), format);
        }
        CliRun missing = run("export", "--server", server.url(), "--format", "trig", "--graph", "nothere");
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("no graph"), missing.err());
    }

    @Test
    void anUnreachableServerIsOneLineAndExitOne() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        for (String[] args : List.of(new String[] {"query", "--server", url, "queries/posts.rq"}, new String[] {"info", "--server", url},
            new String[] {"export", "--server", url, "--format", "nquads"})) {
            CliRun r = run(args);
            assertEquals(1, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("cannot reach"), r.err());
        }
        assertEquals(2, run("query", "--server", "ftp://x", "queries/posts.rq").code());
        assertEquals(2, run("query", "--server", server.url(), "--store", local.toString(), "queries/posts.rq").code());
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
