package org.newskg.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.Partitioner;
import org.apache.spark.SparkEnv;
import org.apache.spark.util.CollectionAccumulator;
import org.newskg.article.Article;
import org.newskg.bench.Measure;
import org.newskg.extract.Extractor;
import org.newskg.ingest.Ingester;
import org.newskg.nlp.Cancellation;
import org.newskg.shards.ShardFormat;
import scala.Tuple2;

/**
 * The work of one shard on an executor: every article of the partition goes through
 * {@link Ingester#extract} (the code path of {@code newskg ingest}) with the executor's one
 * pipeline ({@link ExecutorModels}), under {@code ingest.articleTimeout}; the partition's articles
 * come out in id order, each as its sorted N-Quads lines, so a retried task writes the same bytes. Failures
 * become rejects with {@code ingest}'s report line. Also the size balancing: articles sorted by
 * size, largest first, are dealt to partitions in snake order (0, 1, ..., n-1, n-1, ..., 0).
 *
 * <pre>{@code
 * rdd.mapPartitionsWithIndex((p, it) -> new ShardTask(settings, version, timeout, stats, rejects).run(p, it), true);
 * }</pre>
 */
final class ShardTask implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, String> settings;
    private final String version;
    private final long timeoutSeconds;
    private final CollectionAccumulator<ShardStats> stats;
    private final CollectionAccumulator<Reject> rejects;

    ShardTask(Map<String, String> settings, String version, long timeoutSeconds, CollectionAccumulator<ShardStats> stats,
              CollectionAccumulator<Reject> rejects) {
        this.settings = settings;
        this.version = version;
        this.timeoutSeconds = timeoutSeconds;
        this.stats = stats;
        this.rejects = rejects;
    }

    /** The partition of the article at {@code index} in size order: snake order over {@code n} partitions. */
    static int snake(long index, int n) {
        long round = index / n;
        int pos = (int) (index % n);
        return round % 2 == 0 ? pos : n - 1 - pos;
    }

    /** The sort key that puts larger articles first, ties by id. */
    static String sizeKey(ArticleRecord a) {
        return String.format(java.util.Locale.ROOT, "%019d %s", Long.MAX_VALUE - a.size(), a.id());
    }

    /** Sends each record to the partition its key names. */
    static final class Exact extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int n;

        Exact(int n) {
            this.n = n;
        }

        @Override
        public int numPartitions() {
            return n;
        }

        @Override
        public int getPartition(Object key) {
            return (Integer) key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Exact e && e.n == n;
        }

        @Override
        public int hashCode() {
            return n;
        }
    }

    /** Extracts the articles of one partition and returns the shard's lines: by article id, each article's sorted. */
    Iterator<String> run(int partition, Iterator<Tuple2<Integer, ArticleRecord>> records) {
        long t0 = System.nanoTime();
        List<ArticleRecord> todo = new ArrayList<>();
        records.forEachRemaining(t -> todo.add(t._2()));
        todo.sort(Comparator.comparing(ArticleRecord::id));
        List<String> lines = new ArrayList<>();
        int articles = 0;
        long facts = 0;
        if (!todo.isEmpty()) {
            Extractor x = ExecutorModels.extractor(settings);
            ExecutorService pool = newPool();
            try {
                for (ArticleRecord r : todo) {
                    Article a = r.article();
                    Cancellation cancel = new Cancellation();
                    Future<Ingester.Extracted> f = pool.submit(() -> Ingester.extract(x, a, version, cancel));
                    try {
                        Ingester.Extracted e = timeoutSeconds > 0 ? f.get(timeoutSeconds, TimeUnit.SECONDS) : f.get();
                        lines.addAll(ShardFormat.sorted(ShardFormat.lines(e.quads())));
                        facts += e.facts();
                        articles++;
                    } catch (TimeoutException e) {
                        cancel.cancel();
                        f.cancel(true);
                        pool.shutdownNow();
                        pool = newPool();
                        reject(r, a.origin() + ": " + Ingester.timedOut(timeoutSeconds));
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof Error err && !(cause instanceof StackOverflowError) && !(cause instanceof OutOfMemoryError)) {
                            throw err;
                        }
                        reject(r, Ingester.extractionFailed(a, Ingester.reason(cause)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("shard task interrupted", e);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        String executor = SparkEnv.get() == null ? "?" : SparkEnv.get().executorId();
        stats.add(new ShardStats(partition, articles, lines.size(), facts, executor, ExecutorModels.built(),
            ExecutorModels.loadSeconds(), Measure.peakHeapMb(), (System.nanoTime() - t0) / 1e9));
        return lines.iterator();
    }

    private void reject(ArticleRecord r, String line) {
        rejects.add(new Reject(Reject.EXTRACT, r.file(), r.seq(), line));
    }

    private static ExecutorService newPool() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "newskg-extract");
            t.setDaemon(true);
            return t;
        });
    }
}
