package org.newskg.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.newskg.article.Article;
import org.newskg.article.ArticleReader;
import org.newskg.article.Hashes;
import org.newskg.config.Settings;
import org.newskg.extract.ArticleExtraction;
import org.newskg.extract.Extractor;
import org.newskg.rdf.RdfMapper;
import org.newskg.rdf.ReferenceData;
import org.newskg.store.ArticleQuads;
import org.newskg.store.NewsStore;

/**
 * Runs an ingest: reads the inputs, skips articles already stored with the same content and
 * extractor version, annotates the rest on all cores, and writes them in batches through one
 * writer so each batch is one transaction. Articles are streamed: only one per thread is in
 * flight, so memory stays flat however large the ingest. Bad files are reported and skipped; the
 * good ones all go in. Articles over {@code ingest.maxArticleBytes} are refused unread, and an
 * article whose extraction takes longer than {@code ingest.articleTimeout} seconds is interrupted,
 * reported as failed and left behind while the ingest moves on. A large ingest ends with a
 * compaction of the database. A crash loses at most the batch being written: each batch commits
 * whole or not at all.
 *
 * <pre>{@code
 * IngestReport r = new Ingester(settings, ref, () -> extractor).run(store, List.of(Path.of("data")), progress);
 * }</pre>
 */
public final class Ingester {
    private final Settings settings;
    private final ReferenceData reference;
    private final Supplier<Extractor> extractor;
    private final boolean force;

    /**
     * @param extractor supplies the extractor on first need, so an ingest with nothing new loads no models
     * @param force re-extract articles even when unchanged
     */
    public Ingester(Settings settings, ReferenceData reference, Supplier<Extractor> extractor, boolean force) {
        this.settings = settings;
        this.reference = reference;
        this.extractor = extractor;
        this.force = force;
    }

    /**
     * The version stamp of extraction: a digest of the code, rules, settings and reference data, so
     * that any change to how articles are extracted re-extracts them on the next ingest.
     */
    public static String extractorVersion(ReferenceData ref, Settings settings) {
        StringBuilder d = new StringBuilder(ref.hash());
        for (String rules : org.newskg.extract.Extractor.RULE_FILES) {
            d.append(Hashes.sha256(ReferenceData.resource("/newskg/rules/" + rules)));
        }
        d.append(settings.withPrefix("nlp.")).append(settings.withPrefix("extract."));
        d.append(codeDigest());
        return "newskg-0.1.0+" + Hashes.shortHash(d.toString(), 12);
    }

    /** A digest of newskg's own code: the jar, or the class files when run from a build directory. */
    private static String codeDigest() {
        try {
            Path where = Path.of(Ingester.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (java.nio.file.Files.isRegularFile(where)) {
                return Hashes.sha256(java.nio.file.Files.readAllBytes(where));
            }
            StringBuilder sb = new StringBuilder();
            try (var files = java.nio.file.Files.walk(where.resolve("org/newskg"))) {
                for (Path f : files.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
                    sb.append(Hashes.sha256(java.nio.file.Files.readAllBytes(f)));
                }
            }
            return Hashes.sha256(sb.toString());
        } catch (java.io.IOException | java.net.URISyntaxException | RuntimeException e) {
            return "unknown-" + System.nanoTime();
        }
    }

    /**
     * Ingests the articles under the given paths into the store. The inputs are read twice: once to
     * check them and find duplicate ids (keeping only ids and hashes), then again while extracting,
     * so only the articles in flight are held in memory, however many there are.
     */
    public IngestReport run(NewsStore store, List<Path> paths, Progress progress) {
        long t0 = System.nanoTime();
        List<String> failures = new ArrayList<>();
        int[] unreadable = {0};
        Map<String, Seen> seen = new LinkedHashMap<>();
        long maxBytes = settings.getInt("ingest.maxArticleBytes") > 0 ? settings.getInt("ingest.maxArticleBytes") : Long.MAX_VALUE;
        ArticleReader.read(paths, maxBytes, a -> {
            Seen other = seen.putIfAbsent(a.id(), new Seen(a.contentHash(), a.origin()));
            if (other != null && !other.hash().equals(a.contentHash())) {
                unreadable[0]++;
                fail(failures, progress, a.origin() + ": article id '" + a.id() + "' is also used by " + other.origin() + ", skipped");
            }
        }, e -> {
            unreadable[0]++;
            fail(failures, progress, e.describe());
        });
        Map<String, String> hashes = new HashMap<>();
        seen.forEach((id, s) -> hashes.put(id, s.hash()));
        Consumer<Consumer<Article>> source = sink -> {
            Set<String> done = new HashSet<>();
            ArticleReader.read(paths, maxBytes, a -> {
                Seen first = seen.get(a.id());
                if (first != null && first.origin().equals(a.origin()) && first.hash().equals(a.contentHash())
                    && done.add(a.id())) {
                    sink.accept(a);
                }
            }, e -> { });
        };
        return ingest(store, source, hashes, failures, unreadable[0], progress, t0);
    }

    private record Seen(String hash, String origin) {}

    /** Ingests articles already read (e.g. sent to the server); {@code failures} already holds the read failures. */
    public IngestReport ingest(NewsStore store, List<Article> articles, List<String> failures, int unreadable,
                               Progress progress, long t0) {
        Map<String, String> hashes = new HashMap<>();
        articles.forEach(a -> hashes.put(a.id(), a.contentHash()));
        return ingest(store, articles::forEach, hashes, failures, unreadable, progress, t0);
    }

    /** Extracts the articles the source pushes (those in {@code hashes}, id to content hash), a bounded window at a time. */
    private IngestReport ingest(NewsStore store, Consumer<Consumer<Article>> source, Map<String, String> hashes,
                                List<String> failures, int unreadable, Progress progress, long t0) {
        String version = extractorVersion(reference, settings);
        Map<Node, String> stored = force ? Map.of() : store.fingerprints();
        Predicate<Article> unchanged = a -> (a.contentHash() + " " + version).equals(stored.get(RdfMapper.articleNode(a.id())));
        int todo = 0;
        for (Map.Entry<String, String> e : hashes.entrySet()) {
            if (!(e.getValue() + " " + version).equals(stored.get(RdfMapper.articleNode(e.getKey())))) {
                todo++;
            }
        }
        progress.start(todo);
        Writer w = new Writer(store, failures, progress);
        if (todo > 0) {
            store.ensureReference(reference);
        }
        int threads = settings.getInt("ingest.threads");
        int parallel = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        long timeoutNanos = Math.max(0, settings.getInt("ingest.articleTimeout")) * 1_000_000_000L;
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "newskg-annotate");
            t.setDaemon(true);
            return t;
        });
        try {
            BlockingQueue<Result> done = new LinkedBlockingQueue<>();
            Set<Job> running = new LinkedHashSet<>();
            Extractor[] x = {null};
            source.accept(a -> {
                w.read++;
                if (unchanged.test(a)) {
                    w.unchanged++;
                    progress.article(a.origin(), "unchanged", "");
                    return;
                }
                if (x[0] == null) {
                    x[0] = extractor.get();
                }
                while (running.size() >= parallel) {
                    collect(done, running, w, timeoutNanos, failures, progress);
                }
                Extractor ex = x[0];
                Job job = new Job(a);
                job.future = pool.submit(() -> {
                    job.started = System.nanoTime();
                    done.add(extract(ex, job, version));
                });
                running.add(job);
            });
            while (!running.isEmpty()) {
                collect(done, running, w, timeoutNanos, failures, progress);
            }
            w.flush();
        } finally {
            pool.shutdownNow();
        }
        int compactAfter = settings.getInt("ingest.compactAfter");
        boolean compacted = compactAfter > 0 && w.written >= compactAfter;
        if (compacted) {
            store.compact();
        }
        return new IngestReport(w.read + unreadable, w.written, w.unchanged, w.facts,
            List.copyOf(failures), compacted, (System.nanoTime() - t0) / 1e9);
    }

    /** Collects extraction results into batches, each written in one transaction. */
    private final class Writer {
        private final NewsStore store;
        private final List<String> failures;
        private final Progress progress;
        private final int batchSize = Math.max(1, settings.getInt("ingest.batch"));
        private List<ArticleQuads> batch = new ArrayList<>();
        int read;
        int unchanged;
        int written;
        long facts;

        Writer(NewsStore store, List<String> failures, Progress progress) {
            this.store = store;
            this.failures = failures;
            this.progress = progress;
        }

        void accept(Result r) {
            Article a = r.job.article;
            if (r.error != null) {
                fail(failures, progress, a.origin() + ": extraction failed: " + r.error);
                progress.article(a.origin(), "failed", r.error);
                return;
            }
            batch.add(r.quads);
            facts += r.facts;
            progress.article(a.origin(), "ok", r.facts + " facts");
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        void flush() {
            store.write(batch);
            written += batch.size();
            batch = new ArrayList<>();
        }
    }

    private static void fail(List<String> failures, Progress progress, String line) {
        failures.add(line);
        progress.failure(line);
    }

    /** Takes the next finished extraction into the batch, and gives up on those over the time limit. */
    private static void collect(BlockingQueue<Result> done, Set<Job> running, Writer w, long timeoutNanos,
                                List<String> failures, Progress progress) {
        Result r = poll(done);
        if (r != null && running.remove(r.job)) {
            w.accept(r);
        }
        timeOut(running, timeoutNanos, failures, progress);
    }

    private static Result poll(BlockingQueue<Result> done) {
        try {
            return done.poll(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ingest interrupted", e);
        }
    }

    /** Interrupts and gives up on extractions running longer than the limit (0: no limit). */
    private static void timeOut(Set<Job> running, long limitNanos, List<String> failures, Progress progress) {
        if (limitNanos <= 0) {
            return;
        }
        long now = System.nanoTime();
        for (var it = running.iterator(); it.hasNext(); ) {
            Job job = it.next();
            long started = job.started;
            if (started != 0 && now - started > limitNanos) {
                it.remove();
                job.future.cancel(true);
                String why = "timed out after " + limitNanos / 1_000_000_000L + " s (ingest.articleTimeout), skipped";
                fail(failures, progress, job.article.origin() + ": " + why);
                progress.article(job.article.origin(), "failed", why);
            }
        }
    }

    /** One article's extraction in flight. */
    private static final class Job {
        final Article article;
        volatile long started;
        Future<?> future;

        Job(Article article) {
            this.article = article;
        }
    }

    private record Result(Job job, ArticleQuads quads, long facts, String error) {}

    private static Result extract(Extractor x, Job job, String version) {
        Article a = job.article;
        try {
            ArticleExtraction ex = x.extract(a);
            List<Quad> quads = new ArrayList<>();
            RdfMapper.emit(ex, collector(quads));
            List<Quad> meta = new ArrayList<>();
            RdfMapper.emitMeta(a, version, collector(meta));
            return new Result(job, new ArticleQuads(RdfMapper.articleNode(a.id()), quads, meta),
                ex.posts().size() + ex.events().size(), null);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Result(job, null, 0, msg);
        }
    }

    /** A sink that appends quads to a list. */
    public static StreamRDF collector(List<Quad> out) {
        return new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                out.add(quad);
            }
        };
    }
}
