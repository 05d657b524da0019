package org.newskg.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.core.DatasetGraph;
import org.newskg.query.QueryRunner;

/**
 * A summary of a store: how many articles, entities by kind and facts by type, read with the
 * queries in {@code newskg/sparql/info-*.rq}.
 *
 * <pre>{@code
 * StoreInfo info = StoreInfo.of(store.dataset());   // or StoreInfo.of(QueryRunner.remote(url))
 * }</pre>
 */
public record StoreInfo(long articles, Map<String, Long> entities, Map<String, Long> facts) {
    /** Reads the summary of a store in this process. */
    public static StoreInfo of(DatasetGraph dsg) {
        return of(QueryRunner.local(dsg));
    }

    /** Reads the summary through a query runner (a store in this process or a running server). */
    public static StoreInfo of(QueryRunner runner) {
        List<Map<String, String>> a = runner.rows(Sparql.resource("info-articles.rq"));
        long articles = a.isEmpty() ? 0 : Long.parseLong(a.get(0).get("n"));
        return new StoreInfo(articles, counts(runner, "info-entities.rq"), counts(runner, "info-facts.rq"));
    }

    private static Map<String, Long> counts(QueryRunner runner, String query) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map<String, String> row : runner.rows(Sparql.resource(query))) {
            String type = row.get("type");
            out.put(type.substring(type.lastIndexOf('#') + 1), Long.parseLong(row.get("n")));
        }
        return out;
    }

    /** A few lines for people. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("articles: ").append(articles).append('\n');
        sb.append("entities:");
        entities.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        sb.append('\n').append("facts:");
        if (facts.isEmpty()) {
            sb.append(" none");
        }
        facts.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.append('\n').toString();
    }
}
