package org.newskg.cli;

import java.io.OutputStream;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.newskg.config.Settings;
import org.newskg.store.NewsStore;
import org.newskg.store.Sparql;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg query FILE.rq|SPARQL}: runs a query over the union of all graphs. */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = "Runs a SPARQL query (a .rq file or query text) on the store and prints the results.")
final class QueryCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table",
        description = "table, csv, tsv or json (standard SPARQL results formats); default ${DEFAULT-VALUE}")
    String format;

    @Parameters(index = "0", paramLabel = "QUERY", description = "a .rq file or SPARQL text")
    String query;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
        description = "bind ?NAME to VALUE (a string, or <IRI>) as a value, never pasted into the query text")
    java.util.List<String> params = new java.util.ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        if (!format.matches("(?i)table|csv|tsv|json")) {
            throw new IllegalArgumentException("unknown format '" + format + "' (use table, csv, tsv or json)");
        }
        Query q = Sparql.parse(query);
        var bindings = Sparql.parameters(params);
        Settings s = options.settings();
        try (NewsStore store = options.openExisting(s)) {
            OutputStream out = Output.stdout(spec);
            Sparql.print(store.dataset(), q, bindings, format, out);
            out.flush();
        }
        return Main.OK;
    }
}
