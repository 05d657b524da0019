package org.newskg.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.newskg.shards.ShardFormat;

/**
 * The output directory of a Spark ingest: refused if it already holds anything (the shards of
 * one run are never mixed with another's), the Hadoop settings that write the shards gzip
 * compressed (on a local disk without Hadoop's {@code .crc} side files), and at the end the
 * rejects file and the manifest. The manifest holds no times or host names, so two runs on the
 * same inputs write the same manifest too.
 *
 * <pre>{@code
 * ShardOutput out = ShardOutput.prepare("shards", conf);
 * rdd.saveAsNewAPIHadoopFile(out.uri(), ..., out.jobConf());
 * out.finish(rejects, stats, version, rules, partitions, true);
 * }</pre>
 */
final class ShardOutput {
    private final String uri;
    private final Configuration conf;

    private ShardOutput(String uri, Configuration conf) {
        this.uri = uri;
        this.conf = conf;
    }

    /** A copy of Spark's Hadoop settings in which local files are written without checksum side files. */
    static Configuration hadoopConf(Configuration base) {
        Configuration c = new Configuration(base);
        c.set("fs.file.impl", RawLocalFileSystem.class.getName());
        c.setBoolean("fs.file.impl.disable.cache", true);
        return c;
    }

    /** Checks the output directory (a local path or a Hadoop URI) is new or empty. */
    static ShardOutput prepare(String out, Configuration conf) {
        String uri = InputListing.isUri(out) ? out : Path.of(out).toAbsolutePath().normalize().toUri().toString();
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(URI.create(uri));
            FileSystem fs = p.getFileSystem(conf);
            if (fs.exists(p)) {
                FileStatus st = fs.getFileStatus(p);
                if (!st.isDirectory() || fs.listStatus(p).length > 0) {
                    throw new IllegalArgumentException(out + " already exists and is not an empty directory "
                        + "(spark-ingest writes its shards into a new directory)");
                }
                fs.delete(p, false);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot use " + out + " as output directory: " + e.getMessage());
        }
        return new ShardOutput(uri, conf);
    }

    /** Where the shards go. */
    String uri() {
        return uri;
    }

    /** The job settings that make Hadoop's text output gzip-compressed. */
    Configuration jobConf() {
        Configuration c = new Configuration(conf);
        c.setBoolean("mapreduce.output.fileoutputformat.compress", true);
        c.set("mapreduce.output.fileoutputformat.compress.codec", GzipCodec.class.getName());
        c.set("mapreduce.output.fileoutputformat.compress.type", "BLOCK");
        return c;
    }

    /** Writes the rejects file and the manifest (and creates the directory if no shard was written). */
    void finish(List<String> rejects, List<ShardStats> shards, String version, String rules, int partitions,
                boolean wroteShards) {
        try {
            org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(URI.create(uri));
            FileSystem fs = dir.getFileSystem(conf);
            if (!wroteShards) {
                fs.mkdirs(dir);
            }
            StringBuilder sb = new StringBuilder();
            rejects.forEach(r -> sb.append(r).append('\n'));
            write(fs, new org.apache.hadoop.fs.Path(dir, ShardFormat.REJECTS), sb.toString());
            write(fs, new org.apache.hadoop.fs.Path(dir, ShardFormat.MANIFEST), manifest(rejects.size(), shards, version,
                rules, partitions).toString() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + uri + ": " + e.getMessage(), e);
        }
    }

    static JsonObject manifest(int rejects, List<ShardStats> shards, String version, String rules, int partitions) {
        JsonObject m = new JsonObject();
        m.put("format", "newskg-shards/1");
        m.put("newskg", "0.1.0");
        m.put("extractor_version", version);
        m.put("rules_digest", rules);
        long articles = 0;
        long quads = 0;
        long facts = 0;
        JsonArray list = new JsonArray();
        for (ShardStats s : shards) {
            JsonObject o = new JsonObject();
            o.put("file", String.format(java.util.Locale.ROOT, "part-r-%05d%s", s.partition(), ShardFormat.SUFFIX));
            o.put("articles", s.articles());
            o.put("quads", s.quads());
            list.add(o);
            articles += s.articles();
            quads += s.quads();
            facts += s.facts();
        }
        m.put("articles", articles);
        m.put("quads", quads);
        m.put("facts", facts);
        m.put("rejects", rejects);
        m.put("partitions", partitions);
        m.put("shards", list);
        return m;
    }

    private static void write(FileSystem fs, org.apache.hadoop.fs.Path p, String text) throws IOException {
        try (OutputStream o = fs.create(p, true)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
