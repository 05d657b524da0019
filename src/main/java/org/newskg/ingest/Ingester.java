package org.newskg.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.newskg.article.Article;
import org.newskg.article.ArticleReader;
import org.newskg.article.Printable;
import org.newskg.article.Hashes;
import org.newskg.config.Settings;
import org.newskg.extract.ArticleExtraction;
import org.newskg.extract.Extractor;
import org.newskg.nlp.Cancellation;
import org.newskg.rdf.RdfMapper;
import org.newskg.rdf.ReferenceData;
import org.newskg.store.ArticleQuads;
import org.newskg.store.NewsStore;

/**
 * Runs an ingest: reads the inputs, skips articles already stored with the same content and
 * extractor version, annotates the rest on all cores, and writes them in batches through one
 * writer so each batch is one transaction. Bad files are reported and skipped; the good ones all
 * go in. Articles over {@code ingest.maxArticleBytes} are refused unread, and an article whose
 * extraction takes longer than {@code ingest.articleTimeout} seconds is cancelled (it stops within
 * one run of sentences, see {@link org.newskg.nlp.NlpPipeline}), reported as failed, and the ingest
 * moves on. A large ingest ends with a compaction of the
 * database. A crash loses at most the batch being written: each batch commits whole or not at all.
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
        for (String frames : org.newskg.extract.Extractor.FRAME_FILES) {
            d.append(Hashes.sha256(ReferenceData.resource(org.newskg.extract.frame.Frames.DIR + frames)));
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

    /** Ingests the articles under the given paths into the store. */
    public IngestReport run(NewsStore store, List<Path> paths, Progress progress) {
        long t0 = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<Article> articles = new ArrayList<>();
        int[] unreadable = {0};
        Map<String, Article> byId = new HashMap<>();
        long maxBytes = settings.getInt("ingest.maxArticleBytes") > 0 ? settings.getInt("ingest.maxArticleBytes") : Long.MAX_VALUE;
        ArticleReader.read(paths, maxBytes, a -> {
            Article other = byId.putIfAbsent(a.id(), a);
            if (other == null) {
                articles.add(a);
            } else if (!other.contentHash().equals(a.contentHash())) {
                unreadable[0]++;
                fail(failures, progress, duplicateId(a, other));
            }
        }, e -> {
            unreadable[0]++;
            fail(failures, progress, e.describe());
        });

        return ingest(store, articles, failures, unreadable[0], progress, t0);
    }

    /** Ingests articles already read (e.g. sent to the server); {@code failures} already holds the read failures. */
    public IngestReport ingest(NewsStore store, List<Article> articles, List<String> failures, int unreadable,
                               Progress progress, long t0) {
        String version = extractorVersion(reference, settings);
        Map<Node, String> stored = force ? Map.of() : store.fingerprints();
        List<Article> todo = new ArrayList<>();
        int unchanged = 0;
        for (Article a : articles) {
            if ((a.contentHash() + " " + version).equals(stored.get(RdfMapper.articleNode(a.id())))) {
                unchanged++;
                progress.article(a.origin(), "unchanged", "");
            } else {
                todo.add(a);
            }
        }
        progress.start(todo.size());
        int written = 0;
        long facts = 0;
        if (!todo.isEmpty()) {
            store.ensureReference(reference);
            Extractor x = extractor.get();
            int threads = settings.getInt("ingest.threads");
            threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
            int batchSize = Math.max(1, settings.getInt("ingest.batch"));
            long timeoutNanos = Math.max(0, settings.getInt("ingest.articleTimeout")) * 1_000_000_000L;
            ExecutorService pool = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "newskg-annotate");
                t.setDaemon(true);
                return t;
            });
            try {
                BlockingQueue<Result> done = new LinkedBlockingQueue<>();
                Set<Job> running = new LinkedHashSet<>();
                int next = 0;
                List<ArticleQuads> batch = new ArrayList<>();
                while (next < todo.size() || !running.isEmpty()) {
                    while (next < todo.size() && running.size() < threads) {
                        Job job = new Job(todo.get(next++));
                        job.future = pool.submit(() -> {
                            job.started = System.nanoTime();
                            done.add(extract(x, job, version));
                        });
                        running.add(job);
                    }
                    Result r = poll(done);
                    if (r == null || !running.remove(r.job)) {
                        timeOut(running, timeoutNanos, failures, progress);
                        continue;
                    }
                    Article a = r.job.article;
                    if (r.error != null) {
                        fail(failures, progress, extractionFailed(a, r.error));
                        progress.article(a.origin(), "failed", r.error);
                        continue;
                    }
                    batch.add(r.quads);
                    facts += r.facts;
                    progress.article(a.origin(), "ok", r.facts + " facts");
                    if (batch.size() >= batchSize) {
                        store.write(batch);
                        written += batch.size();
                        batch = new ArrayList<>();
                    }
                    timeOut(running, timeoutNanos, failures, progress);
                }
                store.write(batch);
                written += batch.size();
            } finally {
                pool.shutdownNow();
            }
        }
        int compactAfter = settings.getInt("ingest.compactAfter");
        boolean compacted = compactAfter > 0 && written >= compactAfter;
        if (compacted) {
            store.compact();
        }
        return new IngestReport(articles.size() + unreadable, written, unchanged, facts,
            List.copyOf(failures), compacted, (System.nanoTime() - t0) / 1e9);
    }

    private static void fail(List<String> failures, Progress progress, String report) {
        String line = Printable.of(report);
        failures.add(line);
        progress.failure(line);
    }

    /** The next finished extraction, or null after a short wait so that time-outs get checked. */
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
                job.cancel.cancel();
                job.future.cancel(true);
                String why = timedOut(limitNanos / 1_000_000_000L);
                fail(failures, progress, job.article.origin() + ": " + why);
                progress.article(job.article.origin(), "failed", why);
            }
        }
    }

    /** One article's extraction in flight. */
    private static final class Job {
        final Article article;
        final Cancellation cancel = new Cancellation();
        volatile long started;
        Future<?> future;

        Job(Article article) {
            this.article = article;
        }
    }

    private record Result(Job job, ArticleQuads quads, long facts, String error) {}

    private static Result extract(Extractor x, Job job, String version) {
        try {
            Extracted e = extract(x, job.article, version, job.cancel);
            return new Result(job, e.quads(), e.facts(), null);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return new Result(job, null, 0, reason(e));
        }
    }

    /** One article's quads (its graph and its meta record) and its number of facts. */
    public record Extracted(ArticleQuads quads, long facts) {}

    /**
     * Extracts one article and maps it to the quads an ingest stores: the one code path from an
     * article to its quads, shared by every ingest (local, served, Spark).
     */
    public static Extracted extract(Extractor x, Article a, String version, Cancellation cancel) {
        ArticleExtraction ex = x.extract(a, cancel);
        List<Quad> quads = new ArrayList<>();
        RdfMapper.emit(ex, collector(quads));
        List<Quad> meta = new ArrayList<>();
        RdfMapper.emitMeta(a, version, collector(meta));
        return new Extracted(new ArticleQuads(RdfMapper.articleNode(a.id()), quads, meta), ex.posts().size() + ex.events().size());
    }

    /** The reason an extraction failed, for its report line. */
    public static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The report line of an article whose extraction failed. */
    public static String extractionFailed(Article a, String reason) {
        return a.origin() + ": extraction failed: " + reason;
    }

    /** Why an article that ran past {@code ingest.articleTimeout} was skipped. */
    public static String timedOut(long seconds) {
        return "timed out after " + seconds + " s (ingest.articleTimeout), skipped";
    }

    /** The report line of an article whose id an earlier, different article already has. */
    public static String duplicateId(Article a, Article first) {
        return a.origin() + ": article id '" + a.id() + "' is also used by " + first.origin() + ", skipped";
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
