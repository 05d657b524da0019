package org.newskg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.jena.atlas.json.JsonObject;
import org.newskg.article.Article;
import org.newskg.article.ArticleReader;
import org.newskg.config.Settings;
import org.newskg.extract.Extractor;
import org.newskg.ingest.IngestReport;
import org.newskg.ingest.Ingester;
import org.newskg.ingest.Progress;
import org.newskg.nlp.NlpPipeline;
import org.newskg.rdf.ReferenceData;
import org.newskg.spark.SparkIngest;
import org.newskg.store.NewsStore;

/**
 * {@code newskg bench --spark}: on the same articles and in one process, side by side and round
 * after round, {@code newskg ingest} (all cores, a fresh TDB2 store with the reference data
 * already loaded) and {@code spark-ingest}
 * with {@code local[1]} and {@code local[2]} (shards in a temporary directory). A first,
 * untimed {@code local[1]} run loads the executor's one pipeline and gives its model-load time
 * and the heap it holds (live heap after a full GC, before and after). Each run reports its wall
 * time (Spark's start included) and, for Spark, the seconds its tasks spent extracting, which
 * give the per-core rate a long job converges to; from it, the cores that 10 million articles a
 * day need.
 *
 * <pre>{@code
 * SparkBench.Result r = SparkBench.run(Path.of("data"), settings, 3, System.err::println);
 * System.out.println(r.describe());
 * }</pre>
 */
public final class SparkBench {
    /** Articles a day the cluster estimate is for. */
    public static final double TARGET_PER_DAY = 10_000_000;

    private SparkBench() {}

    /** One configuration: median wall seconds and task seconds (Spark) over the rounds, peak heap. */
    public record Run(String name, int cores, double seconds, double taskSeconds, int articles, long peakHeapMb) {
        /** Articles per second of wall time. */
        public double articlesPerSecond() {
            return articles / seconds;
        }

        JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.put("cores", cores);
            o.put("seconds", Measure.num(seconds));
            o.put("articles_per_s", Measure.num(articlesPerSecond()));
            if (taskSeconds > 0) {
                o.put("task_seconds", Measure.num(taskSeconds));
            }
            o.put("peak_heap_mb", peakHeapMb);
            return o;
        }
    }

    /** Everything measured, and what follows from it. */
    public record Result(int articles, int rounds, double modelLoadSeconds, long pipelineHeapMb, Run ingest, Run local1,
                         Run local2) {
        /** Articles per second per core while extracting: local[1]'s articles over its task seconds. */
        public double perCoreRate() {
            return articles / local1.taskSeconds();
        }

        /** local[2] over local[1], wall time. */
        public double sparkScaling() {
            return local2.articlesPerSecond() / local1.articlesPerSecond();
        }

        /** spark-ingest local[2] over newskg ingest on the same cores, wall time. */
        public double sparkVsIngest() {
            return local2.articlesPerSecond() / ingest.articlesPerSecond();
        }

        /** Cores for {@link #TARGET_PER_DAY} at the per-core rate. */
        public long coresFor10MillionADay() {
            return (long) Math.ceil(TARGET_PER_DAY / 86_400 / perCoreRate());
        }

        /** As one JSON object. */
        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.put("articles", articles);
            o.put("rounds", rounds);
            o.put("model_load_s_per_executor", Measure.num(modelLoadSeconds));
            o.put("pipeline_heap_mb", pipelineHeapMb);
            o.put("ingest", ingest.toJson());
            o.put("spark_local1", local1.toJson());
            o.put("spark_local2", local2.toJson());
            o.put("spark_scaling", Measure.num(sparkScaling()));
            o.put("spark_vs_ingest", Measure.num(sparkVsIngest()));
            o.put("per_core_articles_per_s", Measure.num(perCoreRate()));
            o.put("cores_for_10m_per_day", coresFor10MillionADay());
            return o;
        }

        /** As a text report. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%-28s %5s %8s %8s %11s %9s%n", "run (median of " + rounds + ", "
                + articles + " articles)", "cores", "wall s", "task s", "articles/s", "heap MiB"));
            for (Run r : List.of(ingest, local1, local2)) {
                sb.append(String.format(Locale.ROOT, "%-28s %5d %8.1f %8s %11.2f %9d%n", r.name(), r.cores(), r.seconds(),
                    r.taskSeconds() > 0 ? String.format(Locale.ROOT, "%.1f", r.taskSeconds()) : "-", r.articlesPerSecond(),
                    r.peakHeapMb()));
            }
            sb.append(String.format(Locale.ROOT, "model load per executor %.1f s; one pipeline holds %d MiB of live heap%n",
                modelLoadSeconds, pipelineHeapMb));
            sb.append(String.format(Locale.ROOT, "spark local[2] / local[1] %.2f; spark local[2] / ingest %.2f%n",
                sparkScaling(), sparkVsIngest()));
            sb.append(String.format(Locale.ROOT, "per core while extracting %.2f articles/s: %,d cores for 10 million articles a day%n",
                perCoreRate(), coresFor10MillionADay()));
            return sb.toString();
        }
    }

    /** Runs the benchmark on the articles under {@code input}. */
    public static Result run(Path input, Settings settings, int rounds, Consumer<String> log) throws IOException {
        List<Article> articles = new ArrayList<>();
        ArticleReader.read(List.of(input), articles::add, e -> { });
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("no readable article under " + input);
        }
        int n = articles.size();
        String path = input.toString();
        long before = Measure.liveHeapMb();
        log.accept("spark local[1], untimed: loads the executor's pipeline");
        SparkIngest.Result warm = spark("local[1]", settings, path);
        double load = warm.loadSecondsByExecutor().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        long pipelineHeap = Math.max(0, Measure.liveHeapMb() - before);

        ReferenceData ref = ReferenceData.load();
        Extractor x = new Extractor(new NlpPipeline(settings), ref.gazetteer());
        int cores = Runtime.getRuntime().availableProcessors();
        double[] ingest = new double[rounds];
        double[][] spark = new double[2][rounds];
        double[][] tasks = new double[2][rounds];
        long[] heap = new long[3];
        for (int r = 0; r < rounds; r++) {
            log.accept("round " + (r + 1) + " of " + rounds + ": ingest, spark local[1], spark local[2]");
            Measure.resetPeakHeap();
            ingest[r] = ingest(input, settings.with("ingest.threads", cores), ref, x);
            heap[0] = Math.max(heap[0], Measure.peakHeapMb());
            for (int c = 1; c <= 2; c++) {
                Measure.resetPeakHeap();
                SparkIngest.Result s = spark("local[" + c + "]", settings, path);
                spark[c - 1][r] = s.seconds();
                tasks[c - 1][r] = s.taskSeconds();
                heap[c] = Math.max(heap[c], Measure.peakHeapMb());
            }
        }
        return new Result(n, rounds, load, pipelineHeap,
            new Run("newskg ingest", cores, Measure.median(ingest), 0, n, heap[0]),
            new Run("spark-ingest local[1]", 1, Measure.median(spark[0]), Measure.median(tasks[0]), n, heap[1]),
            new Run("spark-ingest local[2]", 2, Measure.median(spark[1]), Measure.median(tasks[1]), n, heap[2]));
    }

    private static SparkIngest.Result spark(String master, Settings settings, String input) throws IOException {
        Path out = Files.createTempDirectory("newskg-bench-shards");
        try {
            SparkIngest.Result r = SparkIngest.run(new SparkIngest.Options(master, out.resolve("shards").toString(), 0, Map.of(),
                false), settings, List.of(input), line -> { });
            if (!r.rejects().isEmpty()) {
                throw new IllegalStateException("benchmark spark-ingest rejected " + r.rejects().get(0));
            }
            return r;
        } finally {
            StoreBench.deleteTree(out);
        }
    }

    private static double ingest(Path input, Settings s, ReferenceData ref, Extractor x) throws IOException {
        Path dir = Files.createTempDirectory("newskg-bench-store");
        try (NewsStore store = NewsStore.open(dir)) {
            store.ensureReference(ref);
            long t0 = System.nanoTime();
            IngestReport report = new Ingester(s.with("ingest.compactAfter", 0), ref, () -> x, true)
                .run(store, List.of(input), Progress.NONE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (report.failed()) {
                throw new IllegalStateException("benchmark ingest failed: " + report.failures().get(0));
            }
            return seconds;
        } finally {
            StoreBench.deleteTree(dir);
        }
    }
}
