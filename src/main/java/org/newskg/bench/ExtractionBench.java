package org.newskg.bench;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.jena.atlas.json.JsonObject;
import org.newskg.article.Article;
import org.newskg.article.ArticleReader;
import org.newskg.config.Settings;
import org.newskg.eval.Evaluator;
import org.newskg.eval.Score;
import org.newskg.extract.Extractor;
import org.newskg.ingest.IngestReport;
import org.newskg.ingest.Ingester;
import org.newskg.ingest.Progress;
import org.newskg.nlp.NlpPipeline;
import org.newskg.rdf.ReferenceData;
import org.newskg.store.NewsStore;

/**
 * The extraction benchmark: in one process and on the same articles, (a) the default CoreNLP
 * pipeline ({@value #DEFAULT_ANNOTATORS}) with the document date set, and (b) newskg's full ingest
 * (annotation with its own settings, extraction, RDF, a fresh TDB2 store per round), both on one
 * thread, then newskg on N threads. Each phase reports model load time, sentences/s, articles/s and
 * peak heap; rounds are repeated and medians reported. CoreNLP's pool of loaded annotators is
 * emptied between the two, so newskg's model load is timed from scratch, not from the default's
 * cache. newskg's F1 against the gold of the input directory is computed on its store with
 * {@link Evaluator}, so speed is never bought with quality.
 *
 * <pre>{@code
 * ExtractionBench.Result r = ExtractionBench.run(Path.of("data"), Path.of("queries"), settings, 3, 2);
 * System.out.println(r.ratioVsDefault());
 * }</pre>
 */
public final class ExtractionBench {
    /** The annotators of the plain CoreNLP pipeline newskg is compared with. */
    public static final String DEFAULT_ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,depparse,coref";

    private ExtractionBench() {}

    /** One side of the comparison: load time, median seconds per round over all articles, peak heap. */
    public record Phase(String name, int threads, double loadSeconds, double seconds, int sentences, int articles,
                        long peakHeapMb) {
        /** Sentences per second. */
        public double sentencesPerSecond() {
            return sentences / seconds;
        }

        /** Articles per second. */
        public double articlesPerSecond() {
            return articles / seconds;
        }

        JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.put("threads", threads);
            o.put("load_s", Measure.num(loadSeconds));
            o.put("seconds", Measure.num(seconds));
            o.put("sentences_per_s", Measure.num(sentencesPerSecond()));
            o.put("articles_per_s", Measure.num(articlesPerSecond()));
            o.put("peak_heap_mb", peakHeapMb);
            return o;
        }
    }

    /** Everything the benchmark measured. */
    public record Result(Phase plain, Phase newskg, Phase newskgThreads, int rounds, double f1,
                         Map<String, Double> f1PerQuery) {
        /** How many times faster newskg (one thread) is than the default pipeline (one thread). */
        public double ratioVsDefault() {
            return plain.seconds() / newskg.seconds();
        }

        /** The default pipeline on one thread against newskg on N threads. */
        public double ratioVsDefaultThreads() {
            return plain.seconds() / newskgThreads.seconds();
        }

        /** newskg with N threads against one. */
        public double threadSpeedup() {
            return newskg.seconds() / newskgThreads.seconds();
        }

        /** As one JSON object. */
        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.put("ratio_vs_default", Measure.num(ratioVsDefault()));
            o.put("ratio_vs_default_threads", Measure.num(ratioVsDefaultThreads()));
            o.put("thread_speedup", Measure.num(threadSpeedup()));
            o.put("threads", newskgThreads.threads());
            o.put("f1", Measure.num(f1));
            JsonObject per = new JsonObject();
            f1PerQuery.forEach((q, f) -> per.put(q, Measure.num(f)));
            o.put("f1_per_query", per);
            o.put("load_s", Measure.num(newskg.loadSeconds()));
            o.put("peak_heap_mb", newskg.peakHeapMb());
            o.put("rounds", rounds);
            o.put("default", plain.toJson());
            o.put("newskg", newskg.toJson());
            o.put("newskg_threads", newskgThreads.toJson());
            return o;
        }

        /** As a text report. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%-26s %7s %7s %8s %8s %10s %9s %8s%n", "pipeline (median of " + rounds + ")",
                "threads", "load s", "run s", "sent/s", "articles/s", "heap MiB", "speed"));
            for (Phase p : List.of(plain, newskg, newskgThreads)) {
                sb.append(String.format(Locale.ROOT, "%-26s %7d %7.1f %8.1f %8.1f %10.2f %9d %7.2fx%n", p.name(),
                    p.threads(), p.loadSeconds(), p.seconds(), p.sentencesPerSecond(), p.articlesPerSecond(),
                    p.peakHeapMb(), plain.seconds() / p.seconds()));
            }
            sb.append(String.format(Locale.ROOT, "ratio_vs_default %.2f (1 thread each), %.2f (newskg on %d threads); "
                + "thread_speedup %.2f%n", ratioVsDefault(), ratioVsDefaultThreads(), newskgThreads.threads(), threadSpeedup()));
            sb.append(String.format(Locale.ROOT, "newskg F1 (macro over %d queries with gold): %.3f%n", f1PerQuery.size(), f1));
            f1PerQuery.forEach((q, f) -> sb.append(String.format(Locale.ROOT, "  %-14s %.3f%n", q, f)));
            return sb.toString();
        }
    }

    /**
     * Runs the benchmark on the articles under {@code input}; gold is read from {@code input/gold}
     * when present.
     */
    public static Result run(Path input, Path queries, Settings settings, int rounds, int threads) throws IOException {
        List<Article> articles = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        ArticleReader.read(List.of(input), articles::add, e -> failures.add(e.describe()));
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("no readable article under " + input);
        }
        Phase plain = plain(articles, rounds);
        StanfordCoreNLP.clearAnnotatorPool();
        System.gc();
        ReferenceData ref = ReferenceData.load();
        Measure.resetPeakHeap();
        long t0 = System.nanoTime();
        Extractor x = new Extractor(new NlpPipeline(settings), ref.gazetteer());
        double load = (System.nanoTime() - t0) / 1e9;
        double[] one = new double[rounds];
        double[] many = new double[rounds];
        Map<String, Double> perQuery = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            one[r] = ingest(articles, settings.with("ingest.threads", 1), ref, x, null, null, null);
            many[r] = ingest(articles, settings.with("ingest.threads", threads), ref, x,
                r == rounds - 1 ? input.resolve("gold") : null, perQuery, queries);
        }
        long heap = Measure.peakHeapMb();
        int sentences = plain.sentences();
        Phase nk = new Phase("newskg ingest", 1, load, Measure.median(one), sentences, articles.size(), heap);
        Phase nkN = new Phase("newskg ingest", threads, load, Measure.median(many), sentences, articles.size(), heap);
        double f1 = perQuery.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new Result(plain, nk, nkN, rounds, f1, perQuery);
    }

    /** The default CoreNLP pipeline on one thread: load, then every article per round. */
    private static Phase plain(List<Article> articles, int rounds) {
        Measure.resetPeakHeap();
        Properties props = new Properties();
        props.setProperty("annotators", DEFAULT_ANNOTATORS);
        long t0 = System.nanoTime();
        StanfordCoreNLP pipeline = new StanfordCoreNLP(props);
        double load = (System.nanoTime() - t0) / 1e9;
        double[] times = new double[rounds];
        int sentences = 0;
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            int n = 0;
            for (Article a : articles) {
                Annotation doc = new Annotation(a.text());
                doc.set(CoreAnnotations.DocDateAnnotation.class, a.date().toString());
                pipeline.annotate(doc);
                n += doc.get(CoreAnnotations.SentencesAnnotation.class).size();
            }
            times[r] = (System.nanoTime() - t) / 1e9;
            sentences = n;
        }
        long heap = Measure.peakHeapMb();
        return new Phase("CoreNLP default", 1, load, Measure.median(times), sentences, articles.size(), heap);
    }

    /** One round of newskg's ingest into a fresh temporary store; scores it when gold is given. */
    private static double ingest(List<Article> articles, Settings s, ReferenceData ref, Extractor x, Path gold,
                                 Map<String, Double> perQuery, Path queries) throws IOException {
        Path dir = Files.createTempDirectory("newskg-bench-store");
        try (NewsStore store = NewsStore.open(dir)) {
            store.ensureReference(ref);
            Settings settings = s.with("ingest.compactAfter", 0);
            long t0 = System.nanoTime();
            IngestReport report = new Ingester(settings, ref, () -> x, true)
                .ingest(store, articles, new ArrayList<>(), 0, Progress.NONE, t0);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!report.failures().isEmpty()) {
                throw new IllegalStateException("benchmark ingest failed: " + report.failures().get(0));
            }
            if (gold != null && perQuery != null && Files.isDirectory(gold)) {
                for (Score sc : Evaluator.evaluate(store.dataset(), gold, queries)) {
                    perQuery.put(sc.query(), sc.f1());
                }
            }
            return seconds;
        } finally {
            StoreBench.deleteTree(dir);
        }
    }
}
