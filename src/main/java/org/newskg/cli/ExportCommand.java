package org.newskg.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newskg.store.Exporter;
import org.newskg.store.NewsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg export --format F}: writes the store as Turtle, TriG, N-Quads or JSON-LD. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Exports the store (or one graph) as turtle (union of all graphs), trig, nquads or jsonld.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Option(names = "--format", required = true, paramLabel = "FMT", description = "turtle, trig, nquads or jsonld")
    String format;

    @Option(names = "--graph", paramLabel = "IRI", description = "export only this named graph (e.g. an article IRI)")
    String graph;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "output file (default: standard output)")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!format.matches("(?i)turtle|ttl|trig|nquads|nq|jsonld|json-ld")) {
            throw new IllegalArgumentException("unknown export format '" + format + "' (use turtle, trig, nquads or jsonld)");
        }
        try (NewsStore store = options.openExisting(options.settings())) {
            if (output == null) {
                OutputStream out = Output.stdout(spec);
                Exporter.export(store.dataset(), format, graph, out);
                out.flush();
            } else {
                Path tmp = output.resolveSibling(output.getFileName() + ".part");
                try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    Exporter.export(store.dataset(), format, graph, o);
                }
                Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return Main.OK;
    }
}
