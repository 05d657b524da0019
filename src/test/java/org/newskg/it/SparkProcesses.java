package org.newskg.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.newskg.shards.ShardFormat;

/**
 * Child JVMs for the Spark tests, started as the launcher starts {@code newskg spark-ingest}:
 * Spark from {@code target/spark-lib} first, then the packaged {@code target/newskg.jar} (whose
 * manifest brings {@code target/lib}), with the module openings Spark needs on Java 17 (taken
 * from this JVM's own arguments, which the pom sets); and {@code newskg ingest} as the launcher
 * starts it ({@code java -jar target/newskg.jar}), so both stamp the same extractor version (a
 * digest of the jar). Output lines are collected as they come.
 */
final class SparkProcesses {
    private SparkProcesses() {}

    /** A child process and the lines it printed (standard output and error together). */
    static final class Child {
        final Process process;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final Thread reader;

        Child(Process process, Path log) {
            this.process = process;
            reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                     var w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                        w.write(line);
                        w.newLine();
                        w.flush();
                    }
                } catch (IOException e) {
                    lines.add("(output lost: " + e + ")");
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The Java 17 options Spark needs, as this JVM got them. */
    static List<String> opens() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("--add-opens") || a.equals("-XX:+IgnoreUnrecognizedVMOptions")
                || a.startsWith("-Djdk.reflect.useDirectMethodHandle") || a.startsWith("-Dio.netty.tryReflectionSetAccessible"))
            .toList();
    }

    /** The launcher's class path for Spark commands. */
    static String launcherClassPath() {
        return Path.of("target/spark-lib").toAbsolutePath() + "/*" + java.io.File.pathSeparator
            + Path.of("target/newskg.jar").toAbsolutePath();
    }

    /** Starts {@code newskg spark-ingest ARGS} in a child JVM with the given heap. */
    static Child sparkIngest(String heap, List<String> args, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx" + heap));
        cmd.addAll(opens());
        cmd.addAll(List.of("-cp", launcherClassPath(), "org.newskg.cli.Main", "spark-ingest"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return new Child(pb.start(), log);
    }

    /** Starts {@code newskg ARGS} in a child JVM exactly as the launcher does for commands other than Spark's. */
    static Child newskg(String heap, List<String> args, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx" + heap, "-jar", Path.of("target/newskg.jar").toAbsolutePath().toString()));
        cmd.addAll(args);
        return new Child(new ProcessBuilder(cmd).redirectErrorStream(true).start(), log);
    }

    /** Runs {@code newskg ARGS} to its end (at most ten minutes) and returns it. */
    static Child finished(Child c) throws InterruptedException {
        if (!c.process.waitFor(600, java.util.concurrent.TimeUnit.SECONDS)) {
            c.process.destroyForcibly();
            throw new AssertionError("did not finish in ten minutes:\n" + c.output());
        }
        c.reader.join(30_000);
        return c;
    }

    /** The shard files of an output directory, by name. */
    static List<Path> shards(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().endsWith(ShardFormat.SUFFIX)).sorted().toList();
        }
    }

    /** The articles (graph IRIs) one shard holds. */
    static Set<String> articlesIn(Path shard) throws IOException {
        Set<String> out = new HashSet<>();
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(shard))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(new StreamRDFBase() {
                @Override
                public void quad(Quad q) {
                    out.add(ShardFormat.articleOf(q).getURI());
                }
            });
        }
        return out;
    }
}
