package org.newskg.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.newskg.article.Hashes;
import org.newskg.rdf.NKG;
import org.newskg.rdf.RdfMapper;

/**
 * The entity index graph: for every entity that takes part in an event, one entry per event and
 * role, so that an entity's timeline and network are read from one graph instead of from every
 * article that names it. An entry {@code nkg:indexEntity} the entity, {@code nkg:indexEvent} the
 * event, {@code nkg:indexRole} the role property and {@code nkg:counterparts} the labels of the
 * event's other participants ("A; B", code-point order). Each indexed event has its
 * {@code nkg:firstArticle} (its first report: the earliest published article reporting it, the
 * smaller IRI on the same day), {@code nkg:firstEvidence} (that report's first span) and
 * {@code nkg:reportCount} (the articles reporting it). Labels come from the first report's graph. Entries are derived from the article
 * graphs: {@link #refresh} recomputes the events a write touched, inside its transaction, and
 * {@link Collector} computes them from articles streamed to the bulk loader.
 *
 * <pre>{@code
 * EntityIndex index = new EntityIndex(dsg);
 * index.refresh(index.eventsIn(article));   // inside a write transaction
 * }</pre>
 */
final class EntityIndex {
    private final DatasetGraph dsg;

    EntityIndex(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    /** One article's report of an event: enough to choose the first report and to write the entries. */
    record Report(Node article, String date, Node evidence, long begin, Map<Node, List<Node>> roles, Map<Node, String> labels) {
        /** Whether this report comes before {@code other}: earlier publication, then smaller article IRI. */
        boolean before(Report other) {
            int c = String.valueOf(date).compareTo(String.valueOf(other.date));
            return c != 0 ? c < 0 : article.getURI().compareTo(other.article.getURI()) < 0;
        }
    }

    /** The events an article graph in the store gives roles to. */
    Set<Node> eventsIn(Node article) {
        Set<Node> out = new HashSet<>();
        for (Node role : NKG.EVENT_ROLES) {
            dsg.find(article, Node.ANY, role, Node.ANY).forEachRemaining(q -> out.add(q.getSubject()));
        }
        return out;
    }

    /** The events an article's quads give roles to. */
    static Set<Node> eventsIn(Collection<Quad> quads) {
        Set<Node> out = new HashSet<>();
        for (Quad q : quads) {
            if (NKG.EVENT_ROLES.contains(q.getPredicate())) {
                out.add(q.getSubject());
            }
        }
        return out;
    }

    /** Recomputes the entries of these events from the article graphs now in the store; inside a write transaction. */
    void refresh(Collection<Node> events) {
        for (Node ev : events) {
            clear(ev);
            Map<Node, List<Node>> evidence = new HashMap<>();
            dsg.find(Node.ANY, ev, NKG.evidence, Node.ANY).forEachRemaining(q -> {
                if (!derived(q.getGraph())) {
                    evidence.computeIfAbsent(q.getGraph(), g -> new ArrayList<>()).add(q.getObject());
                }
            });
            Report first = null;
            int reports = 0;
            for (Map.Entry<Node, List<Node>> e : evidence.entrySet()) {
                Report r = storedReport(ev, e.getKey(), e.getValue());
                if (r == null) {
                    continue;
                }
                reports++;
                if (first == null || r.before(first)) {
                    first = r;
                }
            }
            if (first != null) {
                entries(ev, first, reports).forEach(dsg::add);
            }
        }
    }

    /** Rebuilds the whole index from the article graphs; inside a write transaction. */
    void rebuild() {
        Set<Node> events = new HashSet<>();
        for (Node role : NKG.EVENT_ROLES) {
            dsg.find(Node.ANY, Node.ANY, role, Node.ANY).forEachRemaining(q -> {
                if (!derived(q.getGraph())) {
                    events.add(q.getSubject());
                }
            });
        }
        dsg.removeGraph(NKG.indexGraph);
        refresh(events);
    }

    private void clear(Node ev) {
        List<Node> entries = new ArrayList<>();
        dsg.find(NKG.indexGraph, Node.ANY, NKG.indexEvent, ev).forEachRemaining(q -> entries.add(q.getSubject()));
        for (Node entry : entries) {
            dsg.deleteAny(NKG.indexGraph, entry, Node.ANY, Node.ANY);
        }
        dsg.deleteAny(NKG.indexGraph, ev, Node.ANY, Node.ANY);
    }

    private static boolean derived(Node graph) {
        return graph.equals(NKG.indexGraph) || graph.equals(NKG.statsGraph);
    }

    /** The report of {@code ev} in one stored article graph, or null when the article gives it no role. */
    private Report storedReport(Node ev, Node article, List<Node> evidence) {
        Map<Node, List<Node>> roles = new LinkedHashMap<>();
        Map<Node, String> labels = new HashMap<>();
        for (Node role : NKG.EVENT_ROLES) {
            dsg.find(article, ev, role, Node.ANY).forEachRemaining(q -> {
                roles.computeIfAbsent(role, r -> new ArrayList<>()).add(q.getObject());
                labels.computeIfAbsent(q.getObject(), h -> minLabel(article, h));
            });
        }
        if (roles.isEmpty()) {
            return null;
        }
        Node firstSpan = null;
        long firstBegin = Long.MAX_VALUE;
        for (Node span : evidence) {
            var it = dsg.find(article, span, NKG.begin, Node.ANY);
            long begin = it.hasNext() ? ((Number) it.next().getObject().getLiteralValue()).longValue() : Long.MAX_VALUE;
            if (firstSpan == null || begin < firstBegin || begin == firstBegin && span.getURI().compareTo(firstSpan.getURI()) < 0) {
                firstSpan = span;
                firstBegin = begin;
            }
        }
        var d = dsg.find(article, article, NKG.publicationDate, Node.ANY);
        String date = d.hasNext() ? d.next().getObject().getLiteralLexicalForm() : null;
        return new Report(article, date, firstSpan, firstBegin, roles, labels);
    }

    private String minLabel(Node graph, Node entity) {
        String min = null;
        var it = dsg.find(graph, entity, NKG.label, Node.ANY);
        while (it.hasNext()) {
            String l = it.next().getObject().getLiteralLexicalForm();
            if (min == null || l.compareTo(min) < 0) {
                min = l;
            }
        }
        return min;
    }

    /** The index quads of one event, given its first report and the number of articles reporting it. */
    static List<Quad> entries(Node ev, Report first, int reports) {
        List<Quad> out = new ArrayList<>();
        Set<Node> holders = new HashSet<>();
        first.roles().values().forEach(holders::addAll);
        String local = ev.getURI().substring(ev.getURI().lastIndexOf('/') + 1);
        for (Map.Entry<Node, List<Node>> role : first.roles().entrySet()) {
            String roleName = role.getKey().getURI().substring(NKG.NS.length());
            for (Node holder : role.getValue()) {
                Node entry = NKG.iri(NKG.INDEX + local + "-" + roleName + "-" + Hashes.shortHash(holder.getURI(), 12));
                TreeSet<String> others = new TreeSet<>();
                for (Node h : holders) {
                    String label = first.labels().get(h);
                    if (!h.equals(holder)) {
                        others.add(label != null ? label : h.getURI());
                    }
                }
                out.add(Quad.create(NKG.indexGraph, entry, NKG.indexEntity, holder));
                out.add(Quad.create(NKG.indexGraph, entry, NKG.indexEvent, ev));
                out.add(Quad.create(NKG.indexGraph, entry, NKG.indexRole, role.getKey()));
                out.add(Quad.create(NKG.indexGraph, entry, NKG.counterparts, RdfMapper.string(String.join("; ", others))));
            }
        }
        out.add(Quad.create(NKG.indexGraph, ev, NKG.firstArticle, first.article()));
        if (first.evidence() != null) {
            out.add(Quad.create(NKG.indexGraph, ev, NKG.firstEvidence, first.evidence()));
        }
        out.add(Quad.create(NKG.indexGraph, ev, NKG.reportCount, RdfMapper.integer(reports)));
        return out;
    }

    /**
     * Computes the index of articles streamed to the bulk loader, in memory: each event's first
     * report so far and its number of reports; {@link #emit} then writes the entries. Correct for
     * events no article already in the store reports (see {@link NewsStore#bulkLoad}).
     */
    static final class Collector {
        private final Map<Node, Report> first = new HashMap<>();
        private final Map<Node, Integer> reports = new HashMap<>();

        /** Takes in one article graph's quads. */
        void article(Node article, List<Quad> quads) {
            String date = null;
            Map<Node, Map<Node, List<Node>>> roles = new HashMap<>();
            Map<Node, List<Node>> evidence = new HashMap<>();
            Map<Node, Long> begins = new HashMap<>();
            Map<Node, String> labels = new HashMap<>();
            for (Quad q : quads) {
                Node p = q.getPredicate();
                if (p.equals(NKG.publicationDate) && q.getSubject().equals(article)) {
                    date = q.getObject().getLiteralLexicalForm();
                } else if (NKG.EVENT_ROLES.contains(p)) {
                    roles.computeIfAbsent(q.getSubject(), e -> new TreeMap<>((a, b) ->
                        Integer.compare(NKG.EVENT_ROLES.indexOf(a), NKG.EVENT_ROLES.indexOf(b))))
                        .computeIfAbsent(p, r -> new ArrayList<>()).add(q.getObject());
                } else if (p.equals(NKG.evidence)) {
                    evidence.computeIfAbsent(q.getSubject(), e -> new ArrayList<>()).add(q.getObject());
                } else if (p.equals(NKG.begin)) {
                    begins.put(q.getSubject(), ((Number) q.getObject().getLiteralValue()).longValue());
                } else if (p.equals(NKG.label)) {
                    labels.merge(q.getSubject(), q.getObject().getLiteralLexicalForm(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
            }
            for (Map.Entry<Node, Map<Node, List<Node>>> e : roles.entrySet()) {
                Node ev = e.getKey();
                Node span = null;
                long begin = Long.MAX_VALUE;
                for (Node s : evidence.getOrDefault(ev, List.of())) {
                    long b = begins.getOrDefault(s, Long.MAX_VALUE);
                    if (span == null || b < begin || b == begin && s.getURI().compareTo(span.getURI()) < 0) {
                        span = s;
                        begin = b;
                    }
                }
                if (span == null) {
                    continue;
                }
                Map<Node, String> used = new HashMap<>();
                e.getValue().values().forEach(hs -> hs.forEach(h -> used.put(h, labels.get(h))));
                Report r = new Report(article, date, span, begin, new LinkedHashMap<>(e.getValue()), used);
                reports.merge(ev, 1, Integer::sum);
                first.merge(ev, r, (a, b) -> b.before(a) ? b : a);
            }
        }

        /** The events collected. */
        Set<Node> events() {
            return first.keySet();
        }

        /** Sends every collected event's entries to the loader. */
        void emit(StreamRDF out) {
            first.forEach((ev, r) -> entries(ev, r, reports.get(ev)).forEach(out::quad));
        }
    }
}
