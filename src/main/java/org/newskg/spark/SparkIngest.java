package org.newskg.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.newskg.config.Settings;
import org.newskg.ingest.Ingester;
import org.newskg.rdf.ReferenceData;
import scala.Tuple2;

/**
 * {@code newskg spark-ingest} as a Spark application: the reader, CoreNLP pipeline, extraction
 * and RDF mapping of {@code newskg ingest}, run on a Spark cluster (or {@code local[N]}), writing
 * gzip N-Quads shards, a rejects file and a manifest ({@link ShardOutput}) instead of a store.
 * The driver lists the inputs; executors read them; duplicate ids resolve as in {@code ingest};
 * articles are dealt to partitions by size ({@link ShardTask#snake}); each executor loads one
 * pipeline ({@link ExecutorModels}); each partition becomes one sorted shard, committed by
 * Hadoop's output committer, so a retried task or a second run gives the same bytes.
 *
 * <pre>{@code
 * SparkIngest.Result r = SparkIngest.run(new SparkIngest.Options("local[2]", "shards", 0, Map.of(), false),
 *     settings, List.of("data/"), System.err::println);
 * }</pre>
 */
public final class SparkIngest {
    private SparkIngest() {}

    /**
     * How to run: the Spark master (null: as spark-submit set it, else {@code local[*]}), the output
     * directory (a path or Hadoop URI), the number of partitions (0: {@code spark.partitions} in the
     * settings, whose 0 means automatic), extra Spark settings, and whether to report each task.
     */
    public record Options(String master, String out, int partitions, Map<String, String> conf, boolean verbose) {}

    /**
     * What a run did, from the driver's side: articles, quads and facts written, the reject lines,
     * shards and partitions, each executor's model-load time, peak heap, pipelines built and shards
     * written, the seconds all shard
     * tasks spent extracting (added up), and the seconds of the whole run.
     */
    public record Result(int articles, long quads, long facts, List<String> rejects, int shards, int partitions,
                         Map<String, Double> loadSecondsByExecutor, Map<String, Long> peakHeapMbByExecutor,
                         Map<String, Integer> pipelinesByExecutor, Map<String, Integer> shardsByExecutor,
                         double taskSeconds, double seconds, String out) {}

    /** Settings rebuilt on an executor from the driver's. */
    static Settings settings(Map<String, String> values) {
        Settings s = Settings.defaults();
        for (Map.Entry<String, String> e : values.entrySet()) {
            s = s.with(e.getKey(), e.getValue());
        }
        return s;
    }

    /** Runs the job to its end and stops Spark. */
    public static Result run(Options o, Settings settings, List<String> inputs, Consumer<String> log) {
        long t0 = System.nanoTime();
        SparkConf conf = new SparkConf().setAppName("newskg spark-ingest");
        conf.setIfMissing("spark.ui.enabled", "false");
        o.conf().forEach(conf::set);
        if (o.master() != null) {
            conf.setMaster(o.master());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            // one JVM: nothing needs to be reachable from other hosts
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else if (!conf.contains("spark.jars")) {
            conf.set("spark.jars", String.join(",", applicationJars()));
        }
        ReferenceData ref = ReferenceData.load();
        String version = Ingester.extractorVersion(ref, settings);
        Map<String, String> values = settings.asMap();
        long maxBytes = settings.getInt("ingest.maxArticleBytes") > 0 ? settings.getInt("ingest.maxArticleBytes") : Long.MAX_VALUE;
        long timeout = Math.max(0, settings.getInt("ingest.articleTimeout"));
        Map<String, String> hadoopValues = new TreeMap<>();
        for (Tuple2<String, String> kv : conf.getAllWithPrefix("spark.hadoop.")) {
            hadoopValues.put(kv._1(), kv._2());
        }
        Configuration before = new Configuration();
        hadoopValues.forEach(before::set);
        ShardOutput.prepare(o.out(), ShardOutput.hadoopConf(before));
        try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
            Configuration hadoop = ShardOutput.hadoopConf(jsc.hadoopConfiguration());
            ShardOutput out = ShardOutput.prepare(o.out(), hadoop);

            List<Reject> rejects = new ArrayList<>();
            List<InputFile> files = InputListing.list(inputs, hadoop, rejects::add);
            int slices = Math.max(1, Math.min(files.size(), jsc.defaultParallelism() * 4));
            JavaRDD<ReadItem> read = jsc.parallelize(files, slices)
                .flatMap(f -> InputListing.read(f, maxBytes, hadoopValues).iterator())
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
            read.filter(i -> !i.isArticle()).map(ReadItem::reject).collect().forEach(rejects::add);
            JavaRDD<ReadItem> resolved = read.filter(ReadItem::isArticle)
                .mapToPair(i -> new Tuple2<>(i.article().id(), i.article()))
                .groupByKey()
                .flatMap(g -> firstRead(g._2()).iterator())
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
            resolved.filter(i -> !i.isArticle()).map(ReadItem::reject).collect().forEach(rejects::add);
            read.unpersist(false);
            JavaRDD<ArticleRecord> articles = resolved.filter(ReadItem::isArticle).map(ReadItem::article);
            long count = articles.count();

            int n = partitions(o.partitions() > 0 ? o.partitions() : settings.getInt("spark.partitions"), count,
                jsc.defaultParallelism());
            CollectionAccumulator<ShardStats> stats = jsc.sc().collectionAccumulator("newskg shards");
            CollectionAccumulator<Reject> failed = jsc.sc().collectionAccumulator("newskg rejects");
            if (count > 0) {
                jsc.sc().addSparkListener(new SparkProgress(n, o.verbose(), log));
                JavaPairRDD<Integer, ArticleRecord> dealt = articles
                    .mapToPair(a -> new Tuple2<>(ShardTask.sizeKey(a), a))
                    .sortByKey(true, n)
                    .zipWithIndex()
                    .mapToPair(t -> new Tuple2<>(ShardTask.snake(t._2(), n), t._1()._2()))
                    .partitionBy(new ShardTask.Exact(n));
                ShardTask task = new ShardTask(values, version, timeout, stats, failed);
                jsc.setJobGroup(SparkProgress.GROUP, "newskg: extract and write " + n + " shards", false);
                dealt.mapPartitionsWithIndex(task::run, true)
                    .mapToPair(line -> new Tuple2<>(NullWritable.get(), new Text(line)))
                    .saveAsNewAPIHadoopFile(out.uri(), NullWritable.class, Text.class, ShardOutputFormat.class,
                        out.jobConf());
                jsc.clearJobGroup();
            }
            rejects.addAll(failed.value());
            rejects.sort(Reject.ORDER);
            List<String> lines = rejects.stream().map(Reject::line).toList();
            Map<Integer, ShardStats> byShard = new TreeMap<>();
            stats.value().forEach(s -> byShard.put(s.partition(), s));
            out.finish(lines, new ArrayList<>(byShard.values()), version, rulesDigest(), n, count > 0);

            Map<String, Double> load = new TreeMap<>();
            Map<String, Long> heap = new TreeMap<>();
            Map<String, Integer> pipelines = new TreeMap<>();
            Map<String, Integer> shardsOn = new TreeMap<>();
            long quads = 0;
            long facts = 0;
            int written = 0;
            double taskSeconds = 0;
            for (ShardStats s : byShard.values()) {
                taskSeconds += s.seconds();
                load.merge(s.executor(), s.loadSeconds(), Math::max);
                heap.merge(s.executor(), s.peakHeapMb(), Math::max);
                pipelines.merge(s.executor(), s.pipelines(), Math::max);
                shardsOn.merge(s.executor(), 1, Integer::sum);
                quads += s.quads();
                facts += s.facts();
                written += s.articles();
            }
            return new Result(written, quads, facts, lines, count > 0 ? byShard.size() : 0, n, load, heap, pipelines, shardsOn,
                taskSeconds, (System.nanoTime() - t0) / 1e9, out.uri());
        }
    }

    /** The winner among articles read with one id (the first read) and rejects for different ones. */
    static List<ReadItem> firstRead(Iterable<ArticleRecord> sameId) {
        List<ArticleRecord> all = new ArrayList<>();
        sameId.forEach(all::add);
        all.sort((a, b) -> a.before(b) ? -1 : b.before(a) ? 1 : 0);
        ArticleRecord first = all.get(0);
        List<ReadItem> out = new ArrayList<>();
        out.add(ReadItem.of(first));
        for (ArticleRecord r : all.subList(1, all.size())) {
            if (!r.contentHash().equals(first.contentHash())) {
                out.add(ReadItem.of(new Reject(Reject.READ, r.file(), r.seq(),
                    Ingester.duplicateId(r.article(), first.article()))));
            }
        }
        return out;
    }

    /**
     * The number of partitions (shards): as asked, or automatically four per core of the
     * application and at least one per 1,000 articles; never more than the articles.
     */
    static int partitions(int asked, long articles, int cores) {
        long n = asked > 0 ? asked : Math.max(4L * Math.max(1, cores), (articles + 999) / 1000);
        return (int) Math.max(1, Math.min(n, Math.max(1, articles)));
    }

    /** A digest of the rule, cue and frame files extraction reads. */
    static String rulesDigest() {
        StringBuilder d = new StringBuilder();
        for (String rules : org.newskg.extract.Extractor.RULE_FILES) {
            d.append(org.newskg.article.Hashes.sha256(ReferenceData.resource("/newskg/rules/" + rules)));
        }
        for (String frames : org.newskg.extract.Extractor.FRAME_FILES) {
            d.append(org.newskg.article.Hashes.sha256(ReferenceData.resource(org.newskg.extract.frame.Frames.DIR + frames)));
        }
        return org.newskg.article.Hashes.shortHash(d.toString(), 12);
    }

    /**
     * The jars executors need when the driver is started by {@code newskg spark-ingest} rather than
     * spark-submit: newskg's jar and the libraries its manifest lists (all but Spark).
     */
    static List<String> applicationJars() {
        try {
            Path jar = Path.of(SparkIngest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("a cluster run needs the packaged jar (mvn package, then target/newskg.jar), not "
                    + jar);
            }
            List<String> jars = new ArrayList<>(List.of(jar.toUri().toString()));
            try (JarFile j = new JarFile(jar.toFile())) {
                String cp = j.getManifest() == null ? null : j.getManifest().getMainAttributes().getValue("Class-Path");
                if (cp != null) {
                    for (String entry : cp.trim().split("\\s+")) {
                        jars.add(jar.getParent().resolve(entry).toUri().toString());
                    }
                }
            }
            return jars;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot find newskg's jar: " + e.getMessage(), e);
        }
    }
}
