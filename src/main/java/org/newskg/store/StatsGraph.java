package org.newskg.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.newskg.rdf.NKG;
import org.newskg.rdf.RdfMapper;

/**
 * The statistics graph: for every entity the articles mention, the number of articles that mention
 * it ({@code nkg:articleCount}), its types and labels, and the latest article that mentions it
 * ({@code nkg:latestArticle}: the greatest publication date, then the greatest IRI). {@link NewsStore}
 * calls it inside its write transactions with what a batch changed, so the graph always equals what
 * a count over all article graphs would give; {@link #rebuild} computes it from scratch.
 *
 * <pre>{@code
 * StatsGraph stats = new StatsGraph(dsg);
 * stats.apply(change);   // inside the write transaction that wrote the change's articles
 * }</pre>
 */
final class StatsGraph {
    private final DatasetGraph dsg;

    StatsGraph(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    /**
     * What one write changed: per-entity changes of the article count, the entities whose latest
     * article may have changed, the batch's articles with the publication date they have now (null
     * for a removed one), and each batch article's entities as they are now.
     */
    static final class Change {
        final Map<Node, Integer> delta = new HashMap<>();
        final Map<Node, String> articleDates = new HashMap<>();
        final Map<Node, Set<Node>> mentions = new HashMap<>();

        /** Records that an article went from mentioning {@code before} to mentioning {@code after}, now dated {@code date}. */
        void article(Node article, Set<Node> before, Set<Node> after, String date) {
            for (Node e : before) {
                if (!after.contains(e)) {
                    delta.merge(e, -1, Integer::sum);
                }
                delta.putIfAbsent(e, 0);
            }
            for (Node e : after) {
                if (!before.contains(e)) {
                    delta.merge(e, 1, Integer::sum);
                }
                delta.putIfAbsent(e, 0);
            }
            articleDates.put(article, date);
            mentions.put(article, after);
        }
    }

    /** Applies a change: counts, descriptions of newly counted entities, latest articles; inside a write transaction. */
    void apply(Change change) {
        change.delta.forEach(this::count);
        Map<Node, Node> best = new HashMap<>();
        change.mentions.forEach((article, entities) -> {
            for (Node e : entities) {
                best.merge(e, article, (a, b) -> later(a, change.articleDates.get(a), b, change.articleDates.get(b)) ? a : b);
            }
        });
        for (Node e : change.delta.keySet()) {
            if (!dsg.contains(NKG.statsGraph, e, NKG.articleCount, Node.ANY)) {
                continue;
            }
            Node stored = latestOf(e);
            Node latest;
            if (stored != null && change.articleDates.containsKey(stored)) {
                latest = scanLatest(e);
            } else {
                Node candidate = best.get(e);
                latest = stored == null ? candidate
                    : candidate == null ? stored
                    : later(candidate, change.articleDates.get(candidate), stored, dateOf(stored)) ? candidate : stored;
            }
            if (latest != null && !latest.equals(stored)) {
                dsg.deleteAny(NKG.statsGraph, e, NKG.latestArticle, Node.ANY);
                dsg.add(NKG.statsGraph, e, NKG.latestArticle, latest);
            }
        }
    }

    /** Recomputes the whole graph from the article graphs; inside a write transaction. */
    void rebuild() {
        Map<Node, Integer> counts = new HashMap<>();
        Map<Node, String> dates = new HashMap<>();
        Map<Node, Node> latest = new HashMap<>();
        dsg.find(Node.ANY, Node.ANY, NKG.mentions, Node.ANY).forEachRemaining(q -> {
            if (isMention(q)) {
                Node e = q.getObject();
                Node a = q.getGraph();
                counts.merge(e, 1, Integer::sum);
                dates.computeIfAbsent(a, this::dateOf);
                latest.merge(e, a, (x, y) -> later(x, dates.get(x), y, dates.get(y)) ? x : y);
            }
        });
        dsg.removeGraph(NKG.statsGraph);
        counts.forEach(this::count);
        latest.forEach((e, a) -> dsg.add(NKG.statsGraph, e, NKG.latestArticle, a));
    }

    /** An article's own mention triple: {@code GRAPH ?a { ?a nkg:mentions ?entity }}. */
    static boolean isMention(Quad q) {
        return q.getPredicate().equals(NKG.mentions) && q.getGraph().equals(q.getSubject());
    }

    /** The entities an article graph mentions. */
    Set<Node> mentionsOf(Node article) {
        Set<Node> out = new java.util.HashSet<>();
        dsg.find(article, article, NKG.mentions, Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
        return out;
    }

    /** An article's publication date (lexical form), or null when the store has no such article. */
    String dateOf(Node article) {
        var it = dsg.find(article, article, NKG.publicationDate, Node.ANY);
        return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
    }

    /** Whether article {@code a} (dated {@code da}) is later than {@code b} (dated {@code db}): date first, then IRI. */
    static boolean later(Node a, String da, Node b, String db) {
        int c = String.valueOf(da).compareTo(String.valueOf(db));
        return c != 0 ? c > 0 : a.getURI().compareTo(b.getURI()) > 0;
    }

    private Node latestOf(Node entity) {
        var it = dsg.find(NKG.statsGraph, entity, NKG.latestArticle, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    /** The latest article mentioning an entity, looked up over all article graphs. */
    private Node scanLatest(Node entity) {
        Node best = null;
        String bestDate = null;
        var it = dsg.find(Node.ANY, Node.ANY, NKG.mentions, entity);
        while (it.hasNext()) {
            Quad q = it.next();
            if (!isMention(q)) {
                continue;
            }
            String d = dateOf(q.getGraph());
            if (best == null || later(q.getGraph(), d, best, bestDate)) {
                best = q.getGraph();
                bestDate = d;
            }
        }
        return best;
    }

    /** Adds a delta to an entity's article count, dropping the entity at zero and describing it when it appears. */
    private void count(Node entity, int d) {
        if (d == 0) {
            return;
        }
        long current = 0;
        var it = dsg.find(NKG.statsGraph, entity, NKG.articleCount, Node.ANY);
        if (it.hasNext()) {
            current = ((Number) it.next().getObject().getLiteralValue()).longValue();
        }
        long n = current + d;
        if (n <= 0) {
            dsg.deleteAny(NKG.statsGraph, entity, Node.ANY, Node.ANY);
            return;
        }
        dsg.deleteAny(NKG.statsGraph, entity, NKG.articleCount, Node.ANY);
        dsg.add(NKG.statsGraph, entity, NKG.articleCount, RdfMapper.integer(n));
        if (current == 0) {
            copyDescription(entity);
        }
    }

    /** Copies an entity's types and labels, from every graph that states them, into the statistics graph. */
    private void copyDescription(Node entity) {
        List<Quad> found = new ArrayList<>();
        for (Node p : List.of(NKG.type, NKG.label)) {
            dsg.find(Node.ANY, entity, p, Node.ANY).forEachRemaining(q -> {
                Node g = q.getGraph();
                if (!g.equals(NKG.statsGraph) && !g.equals(NKG.ontologyGraph) && !g.equals(NKG.indexGraph)) {
                    found.add(q);
                }
            });
        }
        found.forEach(q -> dsg.add(NKG.statsGraph, entity, q.getPredicate(), q.getObject()));
    }
}
