package org.newskg.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * A summary of a store: how many articles, entities by kind and facts by type, read with the
 * queries in {@code newskg/sparql/info-*.rq}.
 *
 * <pre>{@code
 * StoreInfo info = StoreInfo.of(store.dataset());
 * }</pre>
 */
public record StoreInfo(long articles, Map<String, Long> entities, Map<String, Long> facts) {
    /** Reads the summary. */
    public static StoreInfo of(DatasetGraph dsg) {
        List<Map<String, String>> a = Sparql.select(dsg, Sparql.resource("info-articles.rq"));
        long articles = a.isEmpty() ? 0 : Long.parseLong(a.get(0).get("n"));
        return new StoreInfo(articles, counts(dsg, "info-entities.rq"), counts(dsg, "info-facts.rq"));
    }

    private static Map<String, Long> counts(DatasetGraph dsg, String query) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map<String, String> row : Sparql.select(dsg, Sparql.resource(query))) {
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
