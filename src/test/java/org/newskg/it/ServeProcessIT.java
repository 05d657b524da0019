package org.newskg.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.store.NewsStore;
import org.newskg.store.StoreFixture;

/**
 * {@code newskg serve} as a real process: it binds to 127.0.0.1 by default, answers, and on SIGTERM
 * shuts down cleanly (exit without errors, store released and intact for the next process).
 */
class ServeProcessIT {
    @TempDir
    Path dir;

    @Test
    void servesThenStopsCleanlyOnSigterm() throws Exception {
        Path store = dir.resolve("db");
        Set<Quad> before;
        try (NewsStore s = StoreFixture.open(store)) {
            before = StoreFixture.quads(s);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dir.resolve("serve.log");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
            "-cp", System.getProperty("java.class.path"), "org.newskg.cli.Main", "serve", "--store", store.toString(),
            "--port", Integer.toString(port))
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean up = false;
        while (!up && System.nanoTime() < deadline && serve.isAlive()) {
            try {
                up = http.send(HttpRequest.newBuilder(URI.create(base + "/$/ping")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        assertTrue(up, "serve came up: " + Files.readString(log));
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(out.contains("at http://127.0.0.1:" + port + "/"), out);
        assertTrue(out.contains("read-only"), out);

        serve.destroy();
        assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve stops on SIGTERM");
        String all = Files.readString(log, StandardCharsets.UTF_8);
        assertFalse(all.contains("Exception"), all);
        try (NewsStore s = NewsStore.open(store)) {
            Set<Quad> after = StoreFixture.quads(s);
            assertTrue(after.containsAll(before), "the store is intact after the shutdown");
            assertTrue(after.size() > before.size(), "serve loaded the reference data into its own graphs");
        }
    }

}
