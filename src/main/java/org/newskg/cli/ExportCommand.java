package org.newskg.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.newskg.serve.NewsServer;
import org.newskg.store.Exporter;
import org.newskg.store.NewsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg export --format F}: writes the store as Turtle, TriG, N-Quads, JSON-LD, or its actor network. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Exports the store (or one graph) as turtle (union of all graphs), trig, nquads or jsonld (a compact "
        + "@context, one object per graph), or the network of actors and their events as graphml or csv (an edge list).",
        "--server URL exports what a running 'newskg serve' holds."})
final class ExportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Option(names = "--format", required = true, paramLabel = "FMT", description = "turtle, trig, nquads, jsonld, graphml or csv")
    String format;

    @Option(names = "--graph", paramLabel = "ID|IRI", description = "export only this graph: an article id (as 'remove' takes) or a graph IRI")
    String graph;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "output file (default: standard output)")
    Path output;

    @Option(names = "--server", paramLabel = "URL",
        description = "export from a running 'newskg serve' (e.g. http://127.0.0.1:3030) instead of opening the store")
    String server;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Exporter.format(format);
        if (graph != null) {
            Exporter.graphNode(graph);
        }
        if (server != null) {
            options.refuseStoreWith("--server");
            String base = ServerOption.base(server);
            write(out -> Exporter.exportRemote(base + NewsServer.DATASET + "/sparql", base + NewsServer.DATASET + "/get",
                format, graph, out));
            return Main.OK;
        }
        try (NewsStore store = options.openExisting(options.settings())) {
            write(out -> Exporter.export(store.dataset(), format, graph, out));
        }
        return Main.OK;
    }

    /** Writes to standard output, or to {@code -o FILE} through a {@code .part} file renamed when complete. */
    private void write(java.util.function.Consumer<OutputStream> export) throws IOException {
        if (output == null) {
            OutputStream out = Output.stdout(spec);
            export.accept(out);
            out.flush();
            return;
        }
        Path tmp = output.resolveSibling(output.getFileName() + ".part");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            export.accept(o);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
