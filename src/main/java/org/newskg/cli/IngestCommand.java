package org.newskg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.json.JsonObject;
import org.newskg.article.Article;
import org.newskg.article.ArticleReader;
import org.newskg.serve.IngestClient;
import java.util.concurrent.Callable;
import org.newskg.config.Settings;
import org.newskg.extract.Extractor;
import org.newskg.ingest.IngestReport;
import org.newskg.ingest.Ingester;
import org.newskg.nlp.NlpPipeline;
import org.newskg.rdf.ReferenceData;
import org.newskg.store.NewsStore;
import org.newskg.store.Sparql;
import org.newskg.store.StoreInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg ingest PATH...}: extracts articles into the store and prints what it found. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Reads articles (text files, directories, JSON Lines feeds), extracts entities and facts, "
        + "and stores each article as its own named graph (re-ingesting replaces it).",
        "Exit code 1 if any input failed; the good ones are stored anyway."})
final class IngestCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "article files, directories or .jsonl feeds")
    List<Path> paths;

    @Option(names = "--threads", paramLabel = "N", description = "annotation threads (default: one per core)")
    Integer threads;

    @Option(names = "--force", description = "re-extract articles even if unchanged since the last ingest")
    boolean force;

    @Option(names = "--server", paramLabel = "URL",
        description = "send the articles to a running 'newskg serve' (e.g. http://127.0.0.1:3030) instead of opening the store")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", description = "the server's write token (default: $NEWSKG_TOKEN)")
    String token;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        if (server != null) {
            return sendToServer();
        }
        Settings s = options.settings().with("ingest.threads", threads);
        ReferenceData ref = ReferenceData.load();
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        try (NewsStore store = options.open(s)) {
            IngestReport r = new Ingester(s, ref, () -> {
                progress.message("loading CoreNLP models ...");
                return new Extractor(new NlpPipeline(s), ref.gazetteer());
            }, force).run(store, paths, progress);
            progress.finish();
            var out = spec.commandLine().getOut();
            out.printf("ingested %d article(s) into %s in %.1f s: %d written, %d unchanged, %d failed%s%n",
                r.read(), store.location(), r.seconds(), r.written(), r.unchanged(), r.failures().size(),
                r.compacted() ? " (database compacted)" : "");
            out.print(StoreInfo.of(store.dataset()).describe());
            showOfficials(store, out);
            if (r.failed()) {
                var err = spec.commandLine().getErr();
                err.println("failed (" + r.failures().size() + "):");
                r.failures().forEach(f -> err.println("  " + f));
                return Main.FAILURE;
            }
            out.println("next: ./newskg query queries/posts.rq   (all of them, with evidence)");
            return Main.OK;
        }
    }

    /** Reads and checks the articles here, then has the server ingest them. */
    private int sendToServer() throws java.io.IOException {
        var err = spec.commandLine().getErr();
        List<Article> articles = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        ArticleReader.read(paths, articles::add, e -> failures.add(e.describe()));
        failures.forEach(f -> err.println("error: " + f));
        IngestClient.Reply reply = IngestClient.send(server, token != null ? token : System.getenv("NEWSKG_TOKEN"), articles);
        JsonObject body = reply.body();
        if (reply.status() == 401 || reply.status() == 403) {
            throw new IllegalArgumentException("the server refused the write: " + body.getString("error"));
        }
        if (body.hasKey("failed")) {
            body.get("failed").getAsArray().forEach(f -> failures.add(f.getAsString().value()));
        }
        var out = spec.commandLine().getOut();
        if (body.hasKey("error")) {
            err.println("newskg: server: " + body.getString("error"));
            return Main.FAILURE;
        }
        out.printf("sent %d article(s) to %s: %s written, %s unchanged, %d failed%n", articles.size(), server,
            body.get("written"), body.get("unchanged"), failures.size());
        if (!failures.isEmpty()) {
            err.println("failed (" + failures.size() + "):");
            failures.forEach(f -> err.println("  " + f));
            return Main.FAILURE;
        }
        return Main.OK;
    }

    /** A first look at the graph: some officials and their posts, from the query library's posts.rq. */
    private static void showOfficials(NewsStore store, java.io.PrintWriter out) {
        java.util.Set<String> lines = new java.util.LinkedHashSet<>();
        for (var row : Sparql.select(store.dataset(), Sparql.library("posts.rq"))) {
            lines.add("  " + row.get("person") + " - " + row.get("post") + (row.get("org").isEmpty() ? "" : ", " + row.get("org")));
        }
        if (!lines.isEmpty()) {
            out.println("officials and posts (" + lines.size() + "), for example:");
            lines.stream().limit(12).forEach(out::println);
        }
    }
}
