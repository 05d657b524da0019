package org.newskg.cli;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.newskg.query.LibraryQuery;
import org.newskg.query.QueryParameters;
import org.newskg.query.QueryRunner;
import org.newskg.store.NewsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg query FILE.rq|SPARQL}: runs a query over the union of all graphs, locally or through a server. */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = {"Runs a SPARQL query (a .rq file, a library query's name, or query text) on the store and prints "
        + "the results.", "Library queries take the parameters their header declares (--param entity=NAME); "
        + "--limit and --offset page the results; --server URL queries a running 'newskg serve'."})
final class QueryCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
        description = "table, csv, tsv or json (standard SPARQL results formats); default ${DEFAULT-VALUE}")
    String format;

    @Parameters(index = "0", paramLabel = "QUERY", description = "a .rq file, a library query's name (timeline.rq), or SPARQL text")
    String query;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
        description = "bind parameter NAME to VALUE (a label, an id, or <IRI>) as a value, never pasted into the query text")
    List<String> params = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "at most N rows")
    Long limit;

    @Option(names = "--offset", paramLabel = "M", description = "skip the first M rows (with --limit: page M/N+1)")
    Long offset;

    @Option(names = "--server", paramLabel = "URL",
        description = "query a running 'newskg serve' (e.g. http://127.0.0.1:3030) instead of opening the store")
    String server;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        if (!format.matches("(?i)table|csv|tsv|json")) {
            throw new IllegalArgumentException("unknown format '" + format + "' (use table, csv, tsv or json)");
        }
        LibraryQuery lq = LibraryQuery.parse(query);
        Map<String, List<String>> values = QueryParameters.parse(params);
        if (server != null) {
            options.refuseStoreWith("--server");
            run(QueryRunner.remote(ServerOption.sparql(server)), lq, values);
            return Main.OK;
        }
        try (NewsStore store = options.openExisting(options.settings())) {
            run(QueryRunner.local(store.dataset()), lq, values);
        }
        return Main.OK;
    }

    private void run(QueryRunner runner, LibraryQuery lq, Map<String, List<String>> values) throws java.io.IOException {
        Query q = runner.prepare(lq, values, limit, offset);
        noteUnknownLabels(runner, lq, values);
        OutputStream out = Output.stdout(spec);
        runner.print(q, format, out);
        out.flush();
    }

    /** One line on standard error for each entity label that names nothing, so a typo is not mistaken for "no rows". */
    private void noteUnknownLabels(QueryRunner runner, LibraryQuery lq, Map<String, List<String>> values) {
        values.forEach((name, given) -> lq.param(name).filter(p -> p.kind() == LibraryQuery.Kind.ENTITY).ifPresent(p -> {
            for (String v : given) {
                if (!v.strip().startsWith("<") && runner.entitiesLabelled(v.strip()).isEmpty()) {
                    spec.commandLine().getErr().println("newskg: note: no entity is labelled '" + v.strip()
                        + "' (labels are matched exactly, case included)");
                }
            }
        }));
    }
}
