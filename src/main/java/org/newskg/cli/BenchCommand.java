package org.newskg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.jena.atlas.json.JsonObject;
import org.newskg.bench.ExtractionBench;
import org.newskg.bench.MemoryBench;
import org.newskg.bench.SparkBench;
import org.newskg.bench.StoreBench;
import org.newskg.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg bench}: extraction speed against plain CoreNLP, store scale, or memory flatness. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmarks newskg. Without options: the default CoreNLP pipeline and newskg's ingest on the "
        + "articles in PATH, side by side, with newskg's F1 on PATH/gold. --synthetic N: a store of N synthetic "
        + "articles, bulk load against Jena's loader, and query latencies. --memory N: heap while ingesting N "
        + "articles recombined from PATH. --spark: spark-ingest with local[1] and local[2] against newskg ingest on PATH."})
final class BenchCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", defaultValue = "data",
        description = "articles, with gold in PATH/gold (default ${DEFAULT-VALUE})")
    Path input;

    @Option(names = "--rounds", paramLabel = "N", description = "rounds, median reported (default 3; with --synthetic, warm runs per query, default 10)")
    Integer rounds;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "newskg threads to compare with one (0 = one per core)")
    int threads;

    @Option(names = "--synthetic", paramLabel = "N", description = "scale benchmark on N synthetic articles")
    Integer synthetic;

    @Option(names = "--memory", paramLabel = "N", description = "memory benchmark: ingest N recombined articles")
    Integer memory;

    @Option(names = "--spark", description = "spark-ingest local[1] and local[2] against newskg ingest, with the model load per executor")
    boolean spark;

    @Option(names = "--latency", description = "only the cold and warm latency of every query, on the existing --store")
    boolean latency;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "random seed for generated articles")
    long seed;

    @Option(names = "--queries", paramLabel = "DIR", defaultValue = "queries", description = "query library (default ${DEFAULT-VALUE})")
    Path queries;

    @Option(names = "--json", description = "print the figures as one JSON object")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int n = rounds != null ? rounds : synthetic != null ? 10 : 3;
        if (n < 1 || (synthetic != null && synthetic < 1) || (memory != null && memory < 1)) {
            throw new IllegalArgumentException("--rounds, --synthetic and --memory need a positive number");
        }
        if (!Files.isDirectory(queries)) {
            throw new IllegalArgumentException("no query directory " + queries + " (pass --queries DIR)");
        }
        var out = spec.commandLine().getOut();
        Consumer<String> log = line -> spec.commandLine().getErr().println(line);
        Settings s = options.settings();
        JsonObject result;
        String text;
        if (latency) {
            StoreBench.Latencies l = StoreBench.latencies(options.existingStoreDir(s), queries, n, log);
            result = l.toJson();
            text = l.describe();
        } else if (synthetic != null) {
            StoreBench.Result r = StoreBench.run(synthetic, options.store, queries, seed, n, log);
            result = r.toJson();
            text = r.describe();
        } else {
            if (!Files.isDirectory(input)) {
                throw new IllegalArgumentException("no article directory " + input);
            }
            if (spark) {
                SparkSupport.require(options.verbose);
                SparkBench.Result r = SparkBench.run(input, s, n, log);
                result = r.toJson();
                text = r.describe();
            } else if (memory != null) {
                MemoryBench.Result r = MemoryBench.run(input, memory, s, seed);
                result = r.toJson();
                text = r.describe();
            } else {
                int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
                ExtractionBench.Result r = ExtractionBench.run(input, queries, s, n, t);
                result = r.toJson();
                text = r.describe();
            }
        }
        out.print(json ? result + "\n" : text);
        return Main.OK;
    }
}
