package org.newskg.spark;

import java.util.Map;
import org.newskg.bench.Measure;
import org.newskg.config.Settings;
import org.newskg.extract.Extractor;
import org.newskg.nlp.NlpPipeline;
import org.newskg.rdf.ReferenceData;

/**
 * The one CoreNLP pipeline (and gazetteer) of an executor JVM: built lazily by the first task
 * that needs it and then shared by every task on that executor, whatever its number of cores
 * ({@link Extractor} is thread-safe), so each executor pays the model load once.
 *
 * <pre>{@code
 * Extractor x = ExecutorModels.extractor(settings);   // loads on first use in this JVM
 * double s = ExecutorModels.loadSeconds();
 * }</pre>
 */
final class ExecutorModels {
    private static Extractor extractor;
    private static Map<String, String> builtFor;
    private static double loadSeconds;
    private static int built;

    private ExecutorModels() {}

    /** The executor's extractor for these settings, loading the models on first use. */
    static synchronized Extractor extractor(Map<String, String> settings) {
        if (extractor == null || !settings.equals(builtFor)) {
            Measure.peakHeapMb();
            long t0 = System.nanoTime();
            Settings s = SparkIngest.settings(settings);
            extractor = new Extractor(new NlpPipeline(s), ReferenceData.load().gazetteer());
            loadSeconds = (System.nanoTime() - t0) / 1e9;
            builtFor = Map.copyOf(settings);
            built++;
        }
        return extractor;
    }

    /** How many pipelines this JVM has built (one, unless the settings changed between jobs). */
    static synchronized int built() {
        return built;
    }

    /** Seconds the models took to load in this JVM (0 before they are loaded). */
    static synchronized double loadSeconds() {
        return loadSeconds;
    }
}
