package org.newskg.query;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.system.Txn;

/**
 * Runs queries, with bound parameters and paging, against a store opened in this process or
 * through a running {@code newskg serve} (its SPARQL endpoint), with the same results either way.
 * This is the one entry point for command-line code and servlets alike:
 * {@link #prepare prepare} binds the parameters ({@link QueryParameters}: entity labels are looked
 * up in the same store) and applies {@code limit} and {@code offset}; {@link #select select} hands
 * the result set to a reader inside a read transaction; {@link #rows rows} collects plain rows;
 * {@link #print print} writes the standard SPARQL result formats.
 *
 * <pre>{@code
 * QueryRunner runner = QueryRunner.local(store.dataset());   // or QueryRunner.remote("http://127.0.0.1:3030/newskg/sparql")
 * Query q = runner.prepare(LibraryQuery.library("timeline.rq"), Map.of("entity", List.of("Kim Jong Un")), 100L, 0L);
 * runner.select(q, rs -> { ResultSetFormatter.outputAsJSON(out, rs); return null; });
 * List<Map<String, String>> rows = runner.rows(q);
 * }</pre>
 */
public final class QueryRunner implements QueryParameters.EntityResolver {
    private final DatasetGraph dsg;
    private final String endpoint;

    private QueryRunner(DatasetGraph dsg, String endpoint) {
        this.dsg = dsg;
        this.endpoint = endpoint;
    }

    /** Runs queries on a dataset in this process (for newskg's store: the union default graph is on). */
    public static QueryRunner local(DatasetGraph dsg) {
        return new QueryRunner(dsg, null);
    }

    /** Runs queries on a SPARQL endpoint, e.g. {@code http://127.0.0.1:3030/newskg/sparql}. */
    public static QueryRunner remote(String sparqlEndpoint) {
        return new QueryRunner(null, sparqlEndpoint);
    }

    /** The query with the parameters bound (entity labels resolved in this runner's store) and paged. */
    public Query prepare(LibraryQuery q, Map<String, List<String>> params, Long limit, Long offset) {
        return QueryParameters.page(QueryParameters.bind(q, params, this), limit, offset);
    }

    /** Runs a SELECT query and hands its results to {@code reader}, inside a read transaction for a local store. */
    public <T> T select(Query q, Function<ResultSet, T> reader) {
        if (!q.isSelectType()) {
            throw new IllegalArgumentException("not a SELECT query");
        }
        return within(() -> {
            try (QueryExecution exec = execution(q)) {
                return reader.apply(exec.execSelect());
            }
        });
    }

    /** Runs a SELECT query and returns its rows: each variable's lexical form or IRI, "" when unbound. */
    public List<Map<String, String>> rows(Query q) {
        return select(q, rs -> {
            List<Map<String, String>> rows = new ArrayList<>();
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
            return rows;
        });
    }

    /** Binds, pages and runs a library query; its rows. */
    public List<Map<String, String>> rows(LibraryQuery q, Map<String, List<String>> params, Long limit, Long offset) {
        return rows(prepare(q, params, limit, offset));
    }

    /**
     * Runs a query and prints its results: SELECT and ASK as table, csv, tsv or json (the standard
     * SPARQL result formats), CONSTRUCT and DESCRIBE as Turtle.
     */
    public void print(Query q, String format, OutputStream out) {
        String f = format.toLowerCase(Locale.ROOT);
        within(() -> {
            try (QueryExecution exec = execution(q)) {
                if (q.isSelectType()) {
                    ResultSet rs = exec.execSelect();
                    switch (f) {
                        case "csv" -> ResultSetFormatter.outputAsCSV(out, rs);
                        case "tsv" -> ResultSetFormatter.outputAsTSV(out, rs);
                        case "json" -> ResultSetFormatter.outputAsJSON(out, rs);
                        default -> ResultSetFormatter.out(out, rs, q.getPrologue());
                    }
                } else if (q.isAskType()) {
                    boolean b = exec.execAsk();
                    switch (f) {
                        case "csv" -> ResultSetFormatter.outputAsCSV(out, b);
                        case "tsv" -> ResultSetFormatter.outputAsTSV(out, b);
                        case "json" -> ResultSetFormatter.outputAsJSON(out, b);
                        default -> new PrintStream(out, true, StandardCharsets.UTF_8).println(b);
                    }
                } else {
                    Model m = q.isConstructType() ? exec.execConstruct() : exec.execDescribe();
                    RDFDataMgr.write(out, m, Lang.TURTLE);
                }
            }
            return null;
        });
    }

    /** Every entity labelled exactly {@code label} in the store (statistics and reference graphs), in IRI order. */
    @Override
    public List<Node> entitiesLabelled(String label) {
        Query q = QueryParameters.bind(LibraryQuery.internal("entity-by-label.rq"), Map.of("label", List.of(label)), null);
        return select(q, rs -> {
            List<Node> out = new ArrayList<>();
            rs.forEachRemaining(s -> out.add(s.get("entity").asNode()));
            return out;
        });
    }

    /** Whether this runner talks to a server. */
    public boolean isRemote() {
        return endpoint != null;
    }

    private QueryExecution execution(Query q) {
        if (endpoint != null) {
            return QueryExecutionHTTP.service(endpoint).query(q).build();
        }
        return QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(q).build();
    }

    private <T> T within(Supplier<T> work) {
        if (endpoint != null) {
            return RemoteErrors.translate(endpoint, work);
        }
        if (dsg.isInTransaction()) {
            return work.get();
        }
        return Txn.calculateRead(dsg, work);
    }
}
