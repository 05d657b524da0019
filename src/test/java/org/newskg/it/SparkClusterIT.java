package org.newskg.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.cli.CliRun;
import org.newskg.shards.ShardFormat;

/**
 * A real Spark standalone cluster on loopback: Spark's own Master and two Workers (one core each)
 * as separate JVMs, with a {@code SPARK_HOME} whose {@code jars/} links Spark and the libraries
 * it shares with newskg (not CoreNLP, which the application ships with its jars, as
 * {@code spark-submit --jars} would). {@code newskg spark-ingest --master spark://...} runs on
 * five articles of {@code data/} and one bad file; one executor JVM is killed with SIGKILL while
 * its task runs. The job survives: the bad file is in the rejects with the line
 * {@code newskg ingest} gives it, {@code newskg load} of the shards gives exactly the quads of
 * {@code newskg ingest}, and the shards are byte for byte those of a {@code local[2]} run.
 */
class SparkClusterIT {
    private static final Pattern STARTED = Pattern.compile("^shard (\\d+) started on executor (\\S+) .*");

    @TempDir
    Path dir;

    private final List<Process> daemons = new ArrayList<>();

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A SPARK_HOME whose jars/ links what a Spark installation with newskg's shared libraries holds. */
    Path sparkHome() throws IOException {
        Path home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String from : List.of("target/spark-lib", "target/lib")) {
            try (Stream<Path> s = Files.list(Path.of(from))) {
                for (Path jar : s.sorted().toList()) {
                    String n = jar.getFileName().toString();
                    // CoreNLP loads newskg's sentence cap by reflection, so it must come with the application's jars;
                    // Fuseki's Servlet 6.1 API would shadow the Servlet 5 API Spark's Jetty needs
                    if (n.startsWith("stanford-corenlp") || (from.endsWith("/lib") && n.startsWith("jakarta.servlet-api"))) {
                        continue;
                    }
                    if (!Files.exists(jars.resolve(n))) {
                        Files.createSymbolicLink(jars.resolve(n), jar.toAbsolutePath());
                    }
                }
            }
        }
        return home;
    }

    Process daemon(Path home, String name, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(SparkProcesses.java(), "-Xmx512m"));
        cmd.addAll(SparkProcesses.opens());
        cmd.addAll(List.of("-cp", home.resolve("jars") + "/*"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        daemons.add(p);
        return p;
    }

    void waitForLog(String name, String text, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Path log = dir.resolve(name + ".log");
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), name + " exited early:\n" + Files.readString(log));
            if (Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(name + " did not log '" + text + "':\n" + Files.readString(log));
    }

    void stopDaemons() throws InterruptedException {
        List<ProcessHandle> children = new ArrayList<>();
        for (Process p : daemons) {
            p.descendants().forEach(children::add);
            p.destroy();
        }
        for (Process p : daemons) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void aStandaloneClusterSurvivesAKilledExecutorWithTheSameQuads() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        try (Stream<Path> s = Files.list(Path.of("data"))) {
            for (Path a : s.filter(p -> p.toString().endsWith(".txt")).sorted(Comparator.comparing(Path::toString)).limit(5).toList()) {
                Files.copy(a, in.resolve(a.getFileName()));
            }
        }
        Files.writeString(in.resolve("zz-no-date.txt"), "Russian Foreign Minister Sergei Lavrov met Choe Son Hui on Friday.\n");

        Path ingested = dir.resolve("ingested");
        SparkProcesses.Child ingest = SparkProcesses.finished(SparkProcesses.newskg("3g",
            List.of("ingest", "--store", ingested.toString(), in.toString()), dir.resolve("ingest.log")));
        assertEquals(1, ingest.process.exitValue(), "ingest reports the bad file: " + ingest.output());

        Path home = sparkHome();
        int port = freePort();
        String master = "spark://127.0.0.1:" + port;
        try {
            Process m = daemon(home, "master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--webui-port", "0"));
            waitForLog("master", "I have been elected leader", m);
            for (int w = 1; w <= 2; w++) {
                Process worker = daemon(home, "worker" + w, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "2560m",
                    "--work-dir", dir.resolve("work" + w).toString(), master));
                waitForLog("worker" + w, "Successfully registered with master", worker);
            }

            Path shards = dir.resolve("cluster-shards");
            SparkProcesses.Child driver = SparkProcesses.sparkIngest("1g", List.of("--master", master, "--out", shards.toString(),
                "--partitions", "5", "--verbose", "--conf", "spark.executor.memory=2g", "--conf", "spark.executor.cores=1",
                "--conf", "spark.cores.max=2", "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                in.toString()), dir.resolve("driver.log"));
            String[] victim = killAnExecutorMidTask(driver);
            SparkProcesses.finished(driver);
            assertEquals(1, driver.process.exitValue(), "exit code 1: one input was rejected\n" + driver.output());
            String out = driver.output();
            assertTrue(out.contains("executor " + victim[1] + " lost"), "the driver saw the executor go:\n" + out);
            List<String> perExecutor = driver.lines.stream().filter(l -> l.startsWith("  executor ")).toList();
            assertTrue(!perExecutor.isEmpty() && perExecutor.stream().allMatch(l -> l.contains(" on 1 pipeline(s),")),
                "each executor JVM built one pipeline for all its shards: " + perExecutor);
            long attempts = driver.lines.stream().filter(l -> l.startsWith("shard " + victim[0] + " started on ")).count();
            assertTrue(attempts >= 2, "shard " + victim[0] + " ran again after the kill:\n" + out);

            List<String> rejects = Files.readAllLines(shards.resolve(ShardFormat.REJECTS), StandardCharsets.UTF_8);
            assertEquals(1, rejects.size(), rejects.toString());
            assertTrue(rejects.get(0).startsWith(in.resolve("zz-no-date.txt") + ": "), rejects.get(0));
            assertTrue(ingest.lines.contains("  " + rejects.get(0)), "the reject line is ingest's: " + ingest.output());

            Path loaded = dir.resolve("loaded");
            CliRun load = CliRun.of("load", "--store", loaded.toString(), shards.toString());
            assertEquals(0, load.code(), load.err());
            SparkIngestIT.assertSameLines(SparkIngestIT.sortedExport(ingested), SparkIngestIT.sortedExport(loaded),
                "the cluster's shards load into exactly the quads of newskg ingest");

            stopDaemons();
            Path local = dir.resolve("local-shards");
            SparkProcesses.Child again = SparkProcesses.finished(SparkProcesses.sparkIngest("3g", List.of("--master", "local[2]",
                "--out", local.toString(), "--partitions", "5", in.toString()), dir.resolve("local.log")));
            assertEquals(1, again.process.exitValue(), again.output());
            List<Path> files = SparkProcesses.shards(shards);
            assertEquals(5, files.size());
            for (Path f : files) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(local.resolve(f.getFileName())),
                    f.getFileName() + " is byte for byte the same from the cluster (with a retried task) and from local[2]");
            }
            assertArrayEquals(Files.readAllBytes(shards.resolve(ShardFormat.MANIFEST)),
                Files.readAllBytes(local.resolve(ShardFormat.MANIFEST)));
        } finally {
            stopDaemons();
        }
    }

    /**
     * Waits for the first shard task to start, gives its executor two seconds to be in the middle
     * of it (loading the models, annotating), and kills that executor's JVM with SIGKILL.
     * Returns the shard and the executor id.
     */
    private String[] killAnExecutorMidTask(SparkProcesses.Child driver) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        String[] victim = null;
        while (victim == null && System.nanoTime() < deadline) {
            assertTrue(driver.process.isAlive(), "the driver ended before any task started:\n" + driver.output());
            synchronized (driver.lines) {
                for (String l : driver.lines) {
                    Matcher m = STARTED.matcher(l);
                    if (m.matches()) {
                        victim = new String[] {m.group(1), m.group(2)};
                        break;
                    }
                }
            }
            Thread.sleep(100);
        }
        assertTrue(victim != null, "no shard task started:\n" + driver.output());
        Thread.sleep(2_000);
        String id = victim[1];
        List<ProcessHandle> executors = daemons.stream().flatMap(Process::descendants)
            .filter(h -> h.info().commandLine().map(c -> c.contains("CoarseGrainedExecutorBackend")
                && c.contains("--executor-id " + id + " ")).orElse(false))
            .toList();
        assertEquals(1, executors.size(), "executor " + id + "'s JVM");
        assertTrue(driver.process.isAlive(), "the job is still running when the executor is killed");
        String shard = victim[0];
        assertTrue(driver.lines.stream().noneMatch(l -> l.startsWith("shard " + shard + " done")),
            "its task is still running");
        executors.get(0).destroyForcibly();
        executors.get(0).onExit().get(30, TimeUnit.SECONDS);
        return victim;
    }
}
