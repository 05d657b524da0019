package org.newskg.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionDatasetBuilder;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.newskg.rdf.ReferenceData;

/**
 * Runs SPARQL against a store and prints the results in the standard SPARQL result formats
 * (CSV, TSV, JSON) or as a text table. Queries come from {@code .rq} files, from newskg's own
 * query resources, or from the command line, where the common prefixes are predeclared.
 *
 * <pre>{@code
 * Query q = Sparql.parse("queries/posts.rq");
 * Sparql.print(store.dataset(), q, "csv", System.out);
 * }</pre>
 */
public final class Sparql {
    private Sparql() {}

    /** Parses a query given as a file path or as SPARQL text. */
    public static Query parse(String fileOrText) {
        String text;
        Path p = Path.of(fileOrText.length() < 1000 && !fileOrText.contains("\n") ? fileOrText : ".");
        boolean looksLikeFile = fileOrText.endsWith(".rq") || fileOrText.endsWith(".sparql");
        if (looksLikeFile) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("no such query file: " + fileOrText);
            }
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + fileOrText + ": " + e.getMessage());
            }
            return parseText(fileOrText, text);
        }
        return parseText("query", prefixes() + fileOrText);
    }

    /** Parses one of newskg's own query resources ({@code newskg/sparql/NAME}). */
    public static Query resource(String name) {
        return parseText(name, new String(ReferenceData.resource("/newskg/sparql/" + name), StandardCharsets.UTF_8));
    }

    /** Parses a query of the query library as shipped in the jar ({@code newskg/queries/NAME}). */
    public static Query library(String name) {
        return parseText(name, new String(ReferenceData.resource("/newskg/queries/" + name), StandardCharsets.UTF_8));
    }

    private static String prefixes() {
        return new String(ReferenceData.resource("/newskg/sparql/prefixes.rq"), StandardCharsets.UTF_8);
    }

    private static Query parseText(String origin, String text) {
        try {
            return QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new IllegalArgumentException(origin + ": SPARQL syntax error: " + e.getMessage());
        }
    }

    /** Runs a query and prints its results; format is table, csv, tsv or json (CONSTRUCT/DESCRIBE give Turtle). */
    public static void print(DatasetGraph dsg, Query query, String format, OutputStream out) {
        print(dsg, query, Map.of(), format, out);
    }

    /**
     * Parses {@code NAME=VALUE} query parameters: {@code <IRI>} is an IRI, anything else a plain
     * string literal. They are bound into the query as values, never pasted into its text.
     */
    public static Map<String, RDFNode> parameters(List<String> specs) {
        Map<String, RDFNode> out = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("parameter '" + spec + "' is not NAME=VALUE");
            }
            String name = spec.substring(0, eq).replaceFirst("^[?$]", "");
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("parameter name '" + name + "' is not a SPARQL variable name");
            }
            String value = spec.substring(eq + 1);
            RDFNode node;
            if (value.startsWith("<") && value.endsWith(">")) {
                String iri = value.substring(1, value.length() - 1);
                if (org.apache.jena.irix.IRIs.check(iri) == false) {
                    throw new IllegalArgumentException("parameter " + name + ": not a valid IRI: " + iri);
                }
                node = ResourceFactory.createResource(iri);
            } else {
                node = ResourceFactory.createStringLiteral(value);
            }
            out.put(name, node);
        }
        return out;
    }

    /** Runs a query with variables bound to parameter values and prints its results. */
    public static void print(DatasetGraph dsg, Query query, Map<String, RDFNode> params, String format, OutputStream out) {
        Txn.executeRead(dsg, () -> {
            QueryExecutionDatasetBuilder builder = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(query);
            params.forEach(builder::substitution);
            try (QueryExecution exec = builder.build()) {
                if (query.isSelectType()) {
                    ResultSet rs = exec.execSelect();
                    switch (format.toLowerCase(Locale.ROOT)) {
                        case "csv" -> ResultSetFormatter.outputAsCSV(out, rs);
                        case "tsv" -> ResultSetFormatter.outputAsTSV(out, rs);
                        case "json" -> ResultSetFormatter.outputAsJSON(out, rs);
                        default -> ResultSetFormatter.out(out, rs, query.getPrologue());
                    }
                } else if (query.isAskType()) {
                    boolean b = exec.execAsk();
                    switch (format.toLowerCase(Locale.ROOT)) {
                        case "csv" -> ResultSetFormatter.outputAsCSV(out, b);
                        case "tsv" -> ResultSetFormatter.outputAsTSV(out, b);
                        case "json" -> ResultSetFormatter.outputAsJSON(out, b);
                        default -> new PrintStream(out, true, StandardCharsets.UTF_8).println(b);
                    }
                } else {
                    RDFDataMgr.write(out, query.isConstructType() ? exec.execConstruct() : exec.execDescribe(), Lang.TURTLE);
                }
            }
        });
    }

    /** Runs a SELECT query and returns its rows as maps from variable to lexical form or IRI. */
    public static List<Map<String, String>> select(DatasetGraph dsg, Query query) {
        return Txn.calculateRead(dsg, () -> {
            List<Map<String, String>> rows = new ArrayList<>();
            try (QueryExecution exec = QueryExecutionFactory.create(query, DatasetFactory.wrap(dsg))) {
                ResultSet rs = exec.execSelect();
                List<String> vars = rs.getResultVars();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    Map<String, String> row = new LinkedHashMap<>();
                    for (String v : vars) {
                        RDFNode n = s.get(v);
                        row.put(v, n == null ? "" : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
                    }
                    rows.add(row);
                }
            }
            return rows;
        });
    }
}
