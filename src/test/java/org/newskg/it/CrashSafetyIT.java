package org.newskg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.rdf.NKG;
import org.newskg.store.NewsStore;
import org.newskg.store.Sparql;

/**
 * Crash safety, for real: the {@code newskg ingest} command runs in a child JVM on many small
 * articles with two-article write batches, and is killed with SIGKILL while it starts up, while it
 * loads the models, and twice while it annotates and writes. After every kill the store must open,
 * answer a query and hold only whole articles, each exactly as a clean run stores it, with its
 * meta record. Re-running the ingest to completion must then give exactly the clean run's quads.
 */
class CrashSafetyIT {
    private static final int ARTICLES = 40;
    private static final String[] PEOPLE = {"Russian Foreign Minister Sergei Lavrov", "North Korean leader Kim Jong Un",
        "NATO Secretary General Mark Rutte", "Chinese President Xi Jinping", "US Secretary of State Antony Blinken"};
    private static final String[] PLACES = {"Moscow", "Pyongyang", "Brussels", "Beijing", "Seoul", "Vladivostok"};

    @TempDir
    Path dir;

    /** A child ingest and the progress lines it printed. */
    private static final class Child {
        final Process process;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger done = new AtomicInteger();

        Child(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                        if (line.startsWith("ok ")) {
                            done.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    lines.add("(output lost: " + e + ")");
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        void killWhen(int articlesDone, long maxMillis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + maxMillis;
            while (done.get() < articlesDone && process.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(process.isAlive(), () -> "the ingest ended before it could be killed:\n" + String.join("\n", lines));
            assertTrue(done.get() >= articlesDone, () -> "no progress in time:\n" + String.join("\n", lines));
            process.destroyForcibly();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        }

        int finish() throws InterruptedException {
            assertTrue(process.waitFor(600, TimeUnit.SECONDS), "ingest finished");
            return process.exitValue();
        }
    }

    private Child ingest(Path store, Path settings, Path articles) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
            "org.newskg.cli.Main", "ingest", "--store", store.toString(), "--settings", settings.toString(),
            articles.toString()).redirectErrorStream(true);
        pb.environment().put("CI", "1");
        return new Child(pb.start());
    }

    @Test
    void killedIngestsLeaveWholeArticlesAndAReRunEqualsACleanRun() throws Exception {
        Path articles = dir.resolve("articles");
        Files.createDirectories(articles);
        for (int i = 0; i < ARTICLES; i++) {
            String who = PEOPLE[i % PEOPLE.length];
            String other = PEOPLE[(i + 2) % PEOPLE.length];
            String where = PLACES[i % PLACES.length];
            Files.writeString(articles.resolve(String.format("a-%03d.txt", i)), String.format(
                " date 2024-10-%02d (NKG Wire) -- %s met %s in %s on Monday.%n%nThe talks, the %d%s this year, lasted %d hours.%n",
                1 + i % 28, who, other, where, i + 1, i == 0 ? "st" : "th", 1 + i % 5));
        }
        Path settings = dir.resolve("crash.properties");
        Files.writeString(settings, "ingest.batch = 2\ningest.threads = 2\ningest.compactAfter = 0\n");

        Path clean = dir.resolve("clean");
        Child c = ingest(clean, settings, articles);
        assertEquals(0, c.finish(), () -> String.join("\n", c.lines));
        Set<Quad> expected = quads(clean);
        Map<Node, Set<Quad>> expectedByGraph = byArticle(expected);
        assertEquals(ARTICLES, expectedByGraph.size());

        Path store = dir.resolve("crashed");
        Child startup = ingest(store, settings, articles);
        Thread.sleep(1_500);
        startup.killWhen(0, 0);
        check(store, expectedByGraph, "kill during start-up");

        Child loading = ingest(store, settings, articles);
        Thread.sleep(6_000);
        loading.killWhen(0, 0);
        check(store, expectedByGraph, "kill during model loading");

        Child early = ingest(store, settings, articles);
        early.killWhen(5, 300_000);
        int first = check(store, expectedByGraph, "kill after 5 articles annotated");

        Child late = ingest(store, settings, articles);
        late.killWhen(13, 300_000);
        int second = check(store, expectedByGraph, "kill after 13 more articles annotated");
        assertTrue(second > first && second < ARTICLES, "kills came mid-ingest: " + first + ", then " + second + " articles stored");

        Child rest = ingest(store, settings, articles);
        assertEquals(0, rest.finish(), () -> String.join("\n", rest.lines));
        assertTrue(rest.lines.stream().filter(l -> l.startsWith("unchanged ")).count() >= second,
            "articles stored before the kill are not extracted again");
        Set<Quad> after = quads(store);
        Set<Quad> missing = new HashSet<>(expected);
        missing.removeAll(after);
        Set<Quad> extra = new HashSet<>(after);
        extra.removeAll(expected);
        assertEquals(Set.of(), extra, "quads a clean run does not have");
        assertEquals(Set.of(), missing, "quads of a clean run that are missing");
    }

    /** Opens a killed store, checks it answers queries and holds only whole articles; returns how many. */
    private static int check(Path store, Map<Node, Set<Quad>> expected, String when) {
        try (NewsStore s = NewsStore.open(store)) {
            List<Map<String, String>> rows = Sparql.select(s.dataset(), Sparql.parse(
                "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a nkg:Article }"));
            int counted = Integer.parseInt(rows.get(0).get("n"));
            Map<Node, Set<Quad>> present = byArticle(Txn.calculateRead(s.dataset(), () -> {
                Set<Quad> all = new HashSet<>();
                s.dataset().find().forEachRemaining(all::add);
                return all;
            }));
            for (Map.Entry<Node, Set<Quad>> e : present.entrySet()) {
                assertEquals(expected.get(e.getKey()), e.getValue(), when + ": article graph and meta record of " + e.getKey()
                    + " are whole, exactly as a clean run stores them");
            }
            assertEquals(present.size(), counted, when + ": the query sees every stored article");
            return present.size();
        }
    }

    /** Every article's quads: its graph and its records in the meta graph. */
    private static Map<Node, Set<Quad>> byArticle(Set<Quad> quads) {
        Map<Node, Set<Quad>> out = new HashMap<>();
        for (Quad q : quads) {
            Node g = q.getGraph();
            if (g.isURI() && g.getURI().startsWith(NKG.ARTICLE)) {
                out.computeIfAbsent(g, k -> new HashSet<>()).add(q);
            } else if (g.equals(NKG.metaGraph) && q.getSubject().isURI() && q.getSubject().getURI().startsWith(NKG.ARTICLE)) {
                out.computeIfAbsent(q.getSubject(), k -> new HashSet<>()).add(q);
            }
        }
        return out;
    }

    private static Set<Quad> quads(Path store) {
        try (NewsStore s = NewsStore.open(store)) {
            return Txn.calculateRead(s.dataset(), () -> {
                Set<Quad> all = new HashSet<>();
                s.dataset().find().forEachRemaining(all::add);
                assertFalse(all.isEmpty());
                return all;
            });
        }
    }
}
