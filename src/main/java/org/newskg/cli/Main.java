package org.newskg.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newskg} command line: one picocli subcommand per task, each a thin shell over
 * library code. Only this class calls {@link System#exit}. Exit codes: 0 ok, 1 failure, 2 bad
 * usage or input. Errors are one line (bad usage points to the command's {@code --help});
 * {@code --verbose} adds the stack trace.
 *
 * <pre>{@code
 * newskg ingest data/
 * newskg query --format csv queries/posts.rq
 * }</pre>
 */
@Command(name = "newskg", mixinStandardHelpOptions = true, version = "newskg 0.1.0",
    description = "Builds a knowledge graph of geopolitical news: articles -> CoreNLP -> RDF in Apache Jena TDB2.",
    subcommands = {IngestCommand.class, QueryCommand.class, ExportCommand.class, ValidateCommand.class,
        InfoCommand.class, RemoveCommand.class, EvalCommand.class, ExtractCommand.class, ServeCommand.class, BenchCommand.class,
        SparkIngestCommand.class, LoadCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: the command failed (partly or wholly). */
    public static final int FAILURE = 1;
    /** Exit code: bad usage or bad input. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true);
        int code = execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line and returns the exit code (for tests and for {@link #main}). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> e instanceof IllegalArgumentException ? USAGE : FAILURE);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("newskg: " + message(e));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return e instanceof IllegalArgumentException ? USAGE : FAILURE;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            err.println("newskg: " + oneLine(e.getMessage()) + " (see '" + command + " --help')");
            err.flush();
            return USAGE;
        });
        return cl.execute(args);
    }

    /** A message on one line: line breaks and the indentation after them become single spaces. */
    static String oneLine(String m) {
        return m == null ? "" : m.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : oneLine(t.getMessage());
        if (m.contains("tdb.lock") || m.contains("Lock already held") || m.contains("already locked")) {
            return "the store is in use by another process (TDB2 allows one process per store): " + m;
        }
        return m;
    }
}
