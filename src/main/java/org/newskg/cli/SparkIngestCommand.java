package org.newskg.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newskg.config.Settings;
import org.newskg.spark.SparkIngest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg spark-ingest --out DIR PATH...}: the ingest's extraction as a Spark job writing N-Quads shards. */
@Command(name = "spark-ingest", mixinStandardHelpOptions = true,
    description = {"Runs newskg's reader, CoreNLP pipeline, extraction and RDF mapping as an Apache Spark job and writes "
        + "gzip N-Quads shards, rejects.txt and manifest.json into DIR; 'newskg load DIR' then bulk-loads them.",
        "PATH may be a local path or a Hadoop file system URI (hdfs://, s3a://). Exit code 1 if any input was rejected; "
        + "the good ones are in the shards anyway."})
final class SparkIngestCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "article files, directories or .jsonl feeds (paths or URIs)")
    List<String> paths;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "new output directory (path or URI)")
    String out;

    @Option(names = "--master", paramLabel = "URL",
        description = "Spark master: local[N], spark://HOST:PORT, yarn, ... (default: as spark-submit set it, else local[*])")
    String master;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
        description = "number of shards (default: spark.partitions in the settings; 0 = four per core, at least one per 1,000 articles)")
    int partitions;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting, as in spark-submit (repeatable)")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--settings", paramLabel = "FILE", description = "settings file overriding the defaults")
    Path settingsFile;

    @Option(names = "--verbose", description = "Spark's log output, each task started, and stack traces on errors")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions needs a positive number (or 0 for automatic)");
        }
        Settings s = StoreOptions.load(settingsFile);
        SparkSupport.require(verbose);
        var err = spec.commandLine().getErr();
        SparkIngest.Result r = SparkIngest.run(new SparkIngest.Options(master, out, partitions, conf, verbose), s, paths,
            line -> {
                err.println(line);
                err.flush();
            });
        var o = spec.commandLine().getOut();
        o.printf("spark-ingest wrote %d article(s), %,d quads (%d facts) in %d shard(s) to %s in %.1f s; %d rejected%n",
            r.articles(), r.quads(), r.facts(), r.shards(), out, r.seconds(), r.rejects().size());
        r.loadSecondsByExecutor().forEach((e, sec) -> o.printf(
            "  executor %s: %d shard(s) on %d pipeline(s), models loaded in %.1f s, peak heap %,d MiB%n", e,
            r.shardsByExecutor().get(e), r.pipelinesByExecutor().get(e), sec, r.peakHeapMbByExecutor().getOrDefault(e, 0L)));
        if (!r.rejects().isEmpty()) {
            err.println("rejected (" + r.rejects().size() + ", also in " + out + "/rejects.txt):");
            r.rejects().forEach(f -> err.println("  " + f));
            return Main.FAILURE;
        }
        o.println("next: ./newskg load " + out + "   (bulk-loads the shards into the store)");
        return Main.OK;
    }
}
