package org.newskg.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.newskg.rdf.ReferenceData;
import org.newskg.store.ArticleQuads;
import org.newskg.store.NewsStore;
import org.newskg.store.Sparql;
import org.newskg.query.LibraryQuery;
import org.newskg.query.QueryRunner;

/**
 * The scale benchmark: builds a store of N synthetic articles shaped like newskg's output
 * ({@link SyntheticCorpus}), compares newskg's bulk path with Jena's own TDB2 loader on the same
 * quads written as N-Quads, times newskg's transactional write path on a sample, and measures cold
 * (first run after opening the store) and warm latencies of every query in the query library.
 *
 * <pre>{@code
 * StoreBench.Result r = StoreBench.run(100_000, null, Path.of("queries"), 42, 10, System.err::println);
 * System.out.print(r.describe());
 * }</pre>
 */
public final class StoreBench {
    private StoreBench() {}

    /** The goal for an entity query and for a page of a listing, warm p50 in milliseconds. */
    public static final double PAGE_GOAL_MS = 100;
    /** The page size the benchmark times for every listing query. */
    public static final long PAGE = 100;

    /**
     * Latencies of one query run, in milliseconds: {@code query} names the file and how it ran
     * ("visits.rq", "visits.rq limit 100", "timeline.rq" with the benchmark's entity); {@code goal}
     * is the warm p50 it should stay under, or NaN for full listings, which have none.
     */
    public record Latency(String query, long rows, double coldP50, double coldP95, double warmP50, double warmP95,
                          double goal) {}

    /** The entity the entity queries are timed with: the 99th percentile of articles per entity taking part in events. */
    public record Probe(String iri, String label, long articles, int percentile) {}

    /** What {@code --latency} measured: the probe entity and every query's latencies. */
    public record Latencies(Probe probe, List<Latency> queries) {
        /** As JSON: {@code {"entity": {...}, "queries": {"NAME": {...}}}}. */
        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            if (probe != null) {
                JsonObject e = new JsonObject();
                e.put("iri", probe.iri());
                e.put("label", probe.label());
                e.put("articles", probe.articles());
                e.put("percentile", probe.percentile());
                o.put("entity", e);
            }
            o.put("queries", latenciesJson(queries));
            return o;
        }

        /** As text. */
        public String describe() {
            String head = probe == null ? "" : String.format(Locale.ROOT,
                "entity queries timed with %s (%s), named in %,d articles: the %dth percentile of articles per entity in events%n",
                probe.label(), probe.iri(), probe.articles(), probe.percentile());
            return head + describeLatencies(queries);
        }
    }

    /** Everything the scale benchmark measured. */
    public record Result(int articles, long quads, String loader, double jenaSeconds, double newskgSeconds,
                         int txnArticles, long txnQuads, double txnSeconds, Latencies latencies) {
        /** Quads per second of Jena's loader reading the N-Quads file. */
        public double jenaQuadsPerSecond() {
            return quads / jenaSeconds;
        }

        /** Quads per second of newskg's bulk path (generation and mapping included). */
        public double newskgQuadsPerSecond() {
            return quads / newskgSeconds;
        }

        /** As JSON. */
        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.put("articles", articles);
            o.put("quads", quads);
            o.put("loader", loader);
            o.put("jena_load_s", Measure.num(jenaSeconds));
            o.put("jena_quads_per_s", Measure.num(jenaQuadsPerSecond()));
            o.put("newskg_bulk_s", Measure.num(newskgSeconds));
            o.put("newskg_bulk_quads_per_s", Measure.num(newskgQuadsPerSecond()));
            o.put("bulk_vs_jena", Measure.num(newskgQuadsPerSecond() / jenaQuadsPerSecond()));
            o.put("txn_articles", txnArticles);
            o.put("txn_quads_per_s", Measure.num(txnQuads / txnSeconds));
            JsonObject l = latencies.toJson();
            l.keys().forEach(k -> o.put(k, l.get(k)));
            return o;
        }

        /** As a text report. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "synthetic store: %,d articles, %,d quads%n", articles, quads));
            sb.append(String.format(Locale.ROOT, "bulk load   Jena %s loader (N-Quads file): %.1f s, %,.0f quads/s%n",
                loader, jenaSeconds, jenaQuadsPerSecond()));
            sb.append(String.format(Locale.ROOT, "bulk load   newskg bulk path:  %.1f s, %,.0f quads/s (%.2fx Jena)%n",
                newskgSeconds, newskgQuadsPerSecond(), newskgQuadsPerSecond() / jenaQuadsPerSecond()));
            sb.append(String.format(Locale.ROOT, "transactional writes (%,d articles, batches of 100): %,.0f quads/s%n",
                txnArticles, txnQuads / txnSeconds));
            return sb.append(latencies.describe()).toString();
        }
    }

    /** Query latencies as a text table. */
    public static String describeLatencies(List<Latency> latencies) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-24s %9s %10s %10s %10s %10s  %s%n", "query (ms)", "rows", "cold p50",
            "cold p95", "warm p50", "warm p95", "goal"));
        for (Latency l : latencies) {
            String goal = Double.isNaN(l.goal()) ? "" : String.format(Locale.ROOT, "%s %.0f ms",
                l.warmP50() <= l.goal() ? "within" : "over", l.goal());
            sb.append(String.format(Locale.ROOT, "%-24s %9d %10.1f %10.1f %10.1f %10.1f  %s%n", l.query(), l.rows(),
                l.coldP50(), l.coldP95(), l.warmP50(), l.warmP95(), goal));
        }
        return sb.toString();
    }

    /** Query latencies as JSON, one object per query file. */
    public static JsonObject latenciesJson(List<Latency> latencies) {
        JsonObject qs = new JsonObject();
        for (Latency l : latencies) {
            JsonObject q = new JsonObject();
            q.put("rows", l.rows());
            q.put("cold_p50_ms", Measure.num(l.coldP50()));
            q.put("cold_p95_ms", Measure.num(l.coldP95()));
            q.put("warm_p50_ms", Measure.num(l.warmP50()));
            q.put("warm_p95_ms", Measure.num(l.warmP95()));
            if (!Double.isNaN(l.goal())) {
                q.put("goal_warm_p50_ms", Measure.num(l.goal()));
                q.put("within_goal", l.warmP50() <= l.goal());
            }
            qs.put(l.query(), q);
        }
        return qs;
    }

    /**
     * Runs the scale benchmark.
     *
     * @param storeDir where to keep newskg's store (empty or absent), or null for a temporary one
     * @param queries the query library to time, or null to measure loading only
     * @param rounds warm runs per query (cold runs: a third of that, at least 3)
     * @param log receives a line as each step ends
     */
    public static Result run(int articles, Path storeDir, Path queries, long seed, int rounds,
                             Consumer<String> log) throws IOException {
        ReferenceData ref = ReferenceData.load();
        SyntheticCorpus corpus = new SyntheticCorpus(ref, seed);
        Path work = Files.createTempDirectory("newskg-bench");
        try {
            String plan = "phased";
            int warm = Math.max(1, Math.min(articles / 10, 2_000));
            Path warmNq = writeNQuads(corpus, warm, work.resolve("warm.nq"));
            jenaLoad(warmNq, work.resolve("warm-jena"));
            try (NewsStore store = NewsStore.open(work.resolve("warm-newskg"))) {
                store.bulkLoad(corpus.quads(0, warm), plan);
            }
            deleteTree(work.resolve("warm-jena"));
            deleteTree(work.resolve("warm-newskg"));
            Path nq = writeNQuads(corpus, articles, work.resolve("synthetic.nq"));
            long t0j = System.nanoTime();
            long quads = jenaLoad(nq, work.resolve("jena"));
            double jenaSeconds = (System.nanoTime() - t0j) / 1e9;
            log.accept(String.format(Locale.ROOT, "Jena %s loader: %,d quads in %.1f s", plan, quads, jenaSeconds));
            deleteTree(work.resolve("jena"));
            Files.delete(nq);
            Path dir = storeDir != null ? storeDir : work.resolve("newskg");
            double newskgSeconds;
            try (NewsStore store = NewsStore.open(dir)) {
                store.ensureReference(ref);
                long t0 = System.nanoTime();
                store.bulkLoad(corpus.quads(0, articles), plan);
                newskgSeconds = (System.nanoTime() - t0) / 1e9;
            }
            log.accept(String.format(Locale.ROOT, "newskg bulk path: %.1f s", newskgSeconds));
            int sample = Math.min(articles, 10_000);
            double txnSeconds;
            long txnQuads = 0;
            try (NewsStore txn = NewsStore.open(work.resolve("txn"))) {
                long t0 = System.nanoTime();
                List<ArticleQuads> batch = new ArrayList<>();
                for (int i = 0; i < sample; i++) {
                    ArticleQuads a = corpus.quads(i);
                    txnQuads += a.quads().size() + a.meta().size();
                    batch.add(a);
                    if (batch.size() == 100) {
                        txn.write(batch);
                        batch = new ArrayList<>();
                    }
                }
                txn.write(batch);
                txnSeconds = (System.nanoTime() - t0) / 1e9;
            }
            log.accept(String.format(Locale.ROOT, "transactional writes: %,d quads in %.1f s", txnQuads, txnSeconds));
            Latencies latencies = queries == null ? new Latencies(null, List.of()) : latencies(dir, queries, rounds, log);
            return new Result(articles, quads, plan, jenaSeconds, newskgSeconds, sample, txnQuads, txnSeconds, latencies);
        } finally {
            deleteTree(work);
        }
    }

    private static Path writeNQuads(SyntheticCorpus corpus, int articles, Path nq) throws IOException {
        try (OutputStream out = Files.newOutputStream(nq)) {
            StreamRDF w = StreamRDFWriter.getWriterStream(out, Lang.NQUADS);
            w.start();
            corpus.quads(0, articles).forEachRemaining(a -> {
                a.quads().forEach(w::quad);
                a.meta().forEach(w::quad);
            });
            w.finish();
        }
        return nq;
    }

    /** Jena's phased TDB2 loader on an N-Quads file into a new database; returns the quads loaded. */
    private static long jenaLoad(Path nq, Path dir) {
        DatasetGraph jena = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            DataLoader loader = LoaderFactory.phasedLoader(jena, (fmt, args) -> { });
            loader.startBulk();
            loader.load(nq.toString());
            loader.finishBulk();
            return loader.countQuads();
        } finally {
            jena.close();
            TDBInternal.expel(jena);
        }
    }

    /**
     * Cold and warm latencies of every query in a directory against the store in {@code dir}: each
     * listing in full and as its first page of {@value #PAGE} rows, each query that needs an entity
     * with the entity at the 99th percentile of articles per entity ({@link #probe}). A run
     * includes binding the parameters (the entity's label is looked up like a user's).
     */
    public static Latencies latencies(Path dir, Path queries, int rounds, Consumer<String> log) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(queries)) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        Probe probe;
        try (NewsStore store = NewsStore.open(dir)) {
            probe = probe(store.dataset(), 99);
        }
        List<Latency> out = new ArrayList<>();
        for (Path f : files) {
            LibraryQuery lq = LibraryQuery.parse(f.toString());
            String name = f.getFileName().toString();
            boolean needsEntity = lq.params().stream().anyMatch(LibraryQuery.Param::required);
            if (needsEntity) {
                if (probe != null) {
                    out.add(time(dir, name, lq, Map.of("entity", List.of(probe.label())), null, PAGE_GOAL_MS, rounds, log));
                }
            } else {
                out.add(time(dir, name, lq, Map.of(), null, Double.NaN, rounds, log));
                out.add(time(dir, name + " limit " + PAGE, lq, Map.of(), PAGE, PAGE_GOAL_MS, rounds, log));
            }
        }
        return new Latencies(probe, out);
    }

    private static Latency time(Path dir, String name, LibraryQuery lq, Map<String, List<String>> params, Long limit,
                                double goal, int rounds, Consumer<String> log) {
        int coldRounds = Math.max(3, rounds / 3);
        double[] cold = new double[coldRounds];
        long rows = 0;
        for (int i = 0; i < coldRounds; i++) {
            try (NewsStore store = NewsStore.open(dir)) {
                long t0 = System.nanoTime();
                rows = run(store.dataset(), lq, params, limit);
                cold[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        double[] warm = new double[rounds];
        try (NewsStore store = NewsStore.open(dir)) {
            run(store.dataset(), lq, params, limit);
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                run(store.dataset(), lq, params, limit);
                warm[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Latency l = new Latency(name, rows, Measure.percentile(cold, 50), Measure.percentile(cold, 95),
            Measure.percentile(warm, 50), Measure.percentile(warm, 95), goal);
        log.accept(String.format(Locale.ROOT, "%s: %d rows, cold p50 %.1f ms, warm p50 %.1f ms", l.query(), rows,
            l.coldP50(), l.warmP50()));
        return l;
    }

    /** Runs a SELECT query to the end and returns its row count. */
    static long consume(DatasetGraph dsg, Query q) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution exec = QueryExecutionFactory.create(q, DatasetFactory.wrap(dsg))) {
                ResultSet rs = exec.execSelect();
                long n = 0;
                while (rs.hasNext()) {
                    rs.next();
                    n++;
                }
                return n;
            }
        });
    }

    /** Binds and runs a query to the end; its row count. */
    private static long run(DatasetGraph dsg, LibraryQuery lq, Map<String, List<String>> params, Long limit) {
        return Txn.calculateRead(dsg, () -> consume(dsg, QueryRunner.local(dsg).prepare(lq, params, limit, null)));
    }

    /**
     * The entity at the given percentile of articles per entity (nearest rank, among the entities that
     * take part in an event, ties broken by IRI), or null for a store without events.
     */
    public static Probe probe(DatasetGraph dsg, int percentile) {
        List<Map<String, String>> rows = Sparql.select(dsg, Sparql.resource("entity-counts.rq"));
        if (rows.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * rows.size());
        Map<String, String> r = rows.get(Math.max(0, Math.min(rows.size() - 1, rank - 1)));
        return new Probe(r.get("entity"), r.get("label"), Long.parseLong(r.get("articles")), percentile);
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
