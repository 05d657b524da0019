package org.newskg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The outcome of running the newskg command line in-process: exit code, standard output and error. */
public record CliRun(int code, String out, String err) {
    /** Runs {@code newskg ARGS...} through {@link Main#execute} and captures what it prints. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
