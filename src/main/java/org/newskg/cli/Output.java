package org.newskg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.io.output.WriterOutputStream;
import picocli.CommandLine.Model.CommandSpec;

/** Byte output over picocli's writer, so RDF and result writers print where the command line says. */
final class Output {
    private Output() {}

    /** A UTF-8 byte stream into the command's standard output writer. */
    static OutputStream stdout(CommandSpec spec) {
        try {
            return WriterOutputStream.builder().setWriter(spec.commandLine().getOut())
                .setCharset(StandardCharsets.UTF_8).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
