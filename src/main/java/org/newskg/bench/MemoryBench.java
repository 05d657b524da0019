package org.newskg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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
import org.newskg.store.NewsStore;

/**
 * The memory benchmark: writes N article files made by recombining the paragraphs of real articles
 * (seeded, so every run writes the same files), ingests them with newskg's ordinary ingest from the
 * directory, and records the peak and the live heap after a tenth of the articles and at the end. A
 * flat heap means nothing accumulates per article.
 *
 * <pre>{@code
 * MemoryBench.Result r = MemoryBench.run(Path.of("data"), 10_000, settings, 42);
 * }</pre>
 */
public final class MemoryBench {
    private MemoryBench() {}

    /** Peak and live heap (MiB) after {@code early} articles and after all {@code articles}. */
    public record Result(int early, long earlyPeakMb, long earlyLiveMb, int articles, long peakMb, long liveMb,
                         double seconds) {
        /** As JSON. */
        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.put("articles", articles);
            o.put("seconds", Measure.num(seconds));
            o.put("early_articles", early);
            o.put("early_peak_heap_mb", earlyPeakMb);
            o.put("early_live_heap_mb", earlyLiveMb);
            o.put("peak_heap_mb", peakMb);
            o.put("live_heap_mb", liveMb);
            return o;
        }

        /** As a text report. */
        public String describe() {
            return String.format(Locale.ROOT, "memory: ingest of %,d recombined articles in %.0f s%n"
                + "  after %,d articles: peak heap %d MiB, live heap %d MiB%n"
                + "  after %,d articles: peak heap %d MiB, live heap %d MiB%n",
                articles, seconds, early, earlyPeakMb, earlyLiveMb, articles, peakMb, liveMb);
        }
    }

    /** Writes {@code n} recombined articles from the paragraphs under {@code input} into {@code dir}. */
    public static void writeArticles(Path input, Path dir, int n, long seed) throws IOException {
        List<Article> sources = new ArrayList<>();
        ArticleReader.read(List.of(input), sources::add, e -> { });
        List<String> paragraphs = new ArrayList<>();
        for (Article a : sources) {
            for (String p : a.text().split("\\n\\s*\\n")) {
                if (!p.isBlank()) {
                    paragraphs.add(p.strip().replaceAll("\\s*\\n\\s*", " "));
                }
            }
        }
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("no article paragraphs under " + input);
        }
        Files.createDirectories(dir);
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            LocalDate date = sources.get(r.nextInt(sources.size())).date();
            StringBuilder sb = new StringBuilder(" date ").append(date).append(" (Bench Wire) -- ");
            int k = 2 + r.nextInt(2);
            for (int j = 0; j < k; j++) {
                sb.append(j == 0 ? "" : "\n\n").append(paragraphs.get(r.nextInt(paragraphs.size())));
            }
            sb.append('\n');
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "bench-%06d.txt", i)), sb, StandardCharsets.UTF_8);
        }
    }

    /** Runs the memory benchmark: {@code n} articles into a temporary store. */
    public static Result run(Path input, int n, Settings settings, long seed) throws IOException {
        Path work = Files.createTempDirectory("newskg-bench-memory");
        try {
            Path articles = work.resolve("articles");
            writeArticles(input, articles, n, seed);
            ReferenceData ref = ReferenceData.load();
            Extractor x = new Extractor(new NlpPipeline(settings), ref.gazetteer());
            int early = Math.max(1, n / 10);
            long[] at = new long[2];
            Progress p = new Progress() {
                private int done;

                @Override
                public void start(int total) {
                    Measure.resetPeakHeap();
                }

                @Override
                public void article(String origin, String status, String detail) {
                    if (++done == early) {
                        at[0] = Measure.peakHeapMb();
                        at[1] = Measure.liveHeapMb();
                    }
                }

                @Override
                public void failure(String line) {}
            };
            try (NewsStore store = NewsStore.open(work.resolve("store"))) {
                IngestReport report = new Ingester(settings.with("ingest.compactAfter", 0), ref, () -> x, true)
                    .run(store, List.of(articles), p);
                long peak = Measure.peakHeapMb();
                long live = Measure.liveHeapMb();
                return new Result(early, at[0], at[1], report.written(), peak, live, report.seconds());
            }
        } finally {
            StoreBench.deleteTree(work);
        }
    }
}
