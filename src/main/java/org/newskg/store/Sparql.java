package org.newskg.store;

import java.util.List;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.newskg.query.LibraryQuery;
import org.newskg.query.QueryRunner;

/**
 * Short forms for running a query on a store in this process: parse a query file, SPARQL text or
 * one of newskg's own query resources, and collect a SELECT query's rows. Parameters, paging and
 * queries through a server are in {@link org.newskg.query.QueryRunner}.
 *
 * <pre>{@code
 * List<Map<String, String>> rows = Sparql.select(store.dataset(), Sparql.parse("queries/posts.rq"));
 * }</pre>
 */
public final class Sparql {
    private Sparql() {}

    /** Parses a query given as a file path or as SPARQL text (with the usual prefixes predeclared). */
    public static Query parse(String fileOrText) {
        return LibraryQuery.parse(fileOrText).query();
    }

    /** Parses one of newskg's own query resources ({@code newskg/sparql/NAME}). */
    public static Query resource(String name) {
        return LibraryQuery.internal(name).query();
    }

    /** Parses a query of the query library as shipped in the jar ({@code newskg/queries/NAME}). */
    public static Query library(String name) {
        return LibraryQuery.library(name).query();
    }

    /** Runs a SELECT query and returns its rows as maps from variable to lexical form or IRI ("" when unbound). */
    public static List<Map<String, String>> select(DatasetGraph dsg, Query query) {
        return QueryRunner.local(dsg).rows(query);
    }
}
