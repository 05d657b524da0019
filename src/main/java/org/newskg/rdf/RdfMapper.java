package org.newskg.rdf;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.newskg.article.Article;
import org.newskg.article.Hashes;
import org.newskg.extract.ArticleExtraction;
import org.newskg.extract.Entity;
import org.newskg.extract.EventDate;
import org.newskg.extract.EventFact;
import org.newskg.extract.EventType;
import org.newskg.extract.Mention;
import org.newskg.extract.PostFact;
import org.newskg.extract.SentenceInfo;
import org.newskg.extract.Span;

/**
 * Maps one article's extraction to RDF quads in the article's own named graph, sent to a
 * {@link StreamRDF} so that the same producer feeds the store, a file writer or a counter. Every IRI
 * is derived from the article id and the facts' content, never from a counter or a blank node, so
 * mapping the same extraction twice gives the same quads. An article graph is self-contained: it
 * gives the type and label of every entity its facts name, reference entities included, so queries
 * can read each article graph on its own ({@code GRAPH ?article}) instead of the slow union.
 *
 * <pre>{@code
 * RdfMapper.emit(extraction, sink);          // article graph
 * RdfMapper.emitMeta(article, version, sink); // bookkeeping in the meta graph
 * }</pre>
 */
public final class RdfMapper {
    private RdfMapper() {}

    /** The IRI of an article, which also names its graph. */
    public static Node articleNode(String articleId) {
        return NKG.iri(NKG.ARTICLE + articleId);
    }

    /** Emits the article graph. */
    public static void emit(ArticleExtraction x, StreamRDF out) {
        Article a = x.article();
        Node g = articleNode(a.id());
        Emitter e = new Emitter(g, out);
        e.add(g, NKG.type, NKG.Article);
        e.add(g, NKG.dctIdentifier, string(a.id()));
        e.add(g, NKG.publicationDate, NodeFactory.createLiteralDT(a.date().toString(), XSDDatatype.XSDdate));
        e.add(g, NKG.text, string(a.text()));
        if (a.source() != null) {
            e.add(g, NKG.source, string(a.source()));
        }
        if (a.title() != null) {
            e.add(g, NKG.dctTitle, string(a.title()));
        }
        if (a.url() != null) {
            e.add(g, NKG.url, NodeFactory.createLiteralDT(a.url(), XSDDatatype.XSDanyURI));
        }
        Map<String, Entity> entities = new LinkedHashMap<>();
        for (Mention m : x.mentions()) {
            if (m.entity() != null) {
                entities.putIfAbsent(m.entity().iri(), m.entity());
            }
        }
        for (Entity en : entities.values()) {
            Node n = NKG.iri(en.iri());
            e.add(g, NKG.mentions, n);
            describe(e, n, en);
        }
        Set<Span> evidence = new LinkedHashSet<>();
        for (PostFact p : x.posts()) {
            Node f = NKG.iri(g.getURI() + "#post-" + Hashes.shortHash(
                p.person().iri() + " " + p.role().iri() + " " + (p.org() == null ? "" : p.org().iri()), 12));
            e.add(f, NKG.type, NKG.PostHolding);
            e.add(f, NKG.member, NKG.iri(p.person().iri()));
            describe(e, NKG.iri(p.person().iri()), p.person());
            e.add(f, NKG.role, NKG.iri(p.role().iri()));
            describe(e, NKG.iri(p.role().iri()), p.role());
            if (p.org() != null) {
                e.add(f, NKG.organization, NKG.iri(p.org().iri()));
                describe(e, NKG.iri(p.org().iri()), p.org());
            }
            e.add(f, NKG.postTitle, string(p.title()));
            e.add(f, NKG.factuality, NKG.nkg(p.factuality().id()));
            for (Span s : p.evidence()) {
                e.add(f, NKG.evidence, evidenceNode(g, s));
                evidence.add(s);
            }
        }
        for (EventFact ev : x.events()) {
            Node f = eventNode(ev);
            e.add(f, NKG.type, eventClass(ev.type()));
            roles(e, f, NKG.agent, ev.agents());
            roles(e, f, NKG.participant, ev.participants());
            roles(e, f, NKG.target, ev.targets());
            roles(e, f, NKG.recipient, ev.recipients());
            roles(e, f, NKG.destination, ev.destinations());
            roles(e, f, NKG.location, ev.locations());
            if (ev.item() != null) {
                e.add(f, NKG.item, string(ev.item()));
            }
            if (ev.topic() != null) {
                e.add(f, NKG.topic, string(ev.topic()));
            }
            if (ev.kind() != null) {
                e.add(f, NKG.statementKind, string(ev.kind()));
            }
            if (ev.troops() != null) {
                e.add(f, NKG.troopCount, integer(ev.troops().count()));
                e.add(f, NKG.countApproximate, NodeFactory.createLiteralDT(Boolean.toString(ev.troops().approximate()),
                    XSDDatatype.XSDboolean));
            }
            if (ev.date() != null) {
                e.add(f, NKG.date, dateLiteral(ev.date()));
                e.add(f, NKG.dateGranularity, switch (ev.date().granularity()) {
                    case DAY -> NKG.unitDay;
                    case MONTH -> NKG.unitMonth;
                    case YEAR -> NKG.unitYear;
                });
            }
            e.add(f, NKG.factuality, NKG.nkg(ev.factuality().id()));
            for (Span s : ev.evidence()) {
                e.add(f, NKG.evidence, evidenceNode(g, s));
                evidence.add(s);
            }
        }
        Set<Integer> sentences = new LinkedHashSet<>();
        for (Span s : evidence) {
            Node ev = evidenceNode(g, s);
            e.add(ev, NKG.type, NKG.Evidence);
            e.add(ev, NKG.sentence, sentenceNode(g, s.sentence()));
            e.add(ev, NKG.begin, integer(s.begin()));
            e.add(ev, NKG.end, integer(s.end()));
            e.add(ev, NKG.quote, string(s.text()));
            sentences.add(s.sentence());
        }
        for (int i : sentences) {
            SentenceInfo s = x.sentences().get(i - 1);
            Node sn = sentenceNode(g, i);
            e.add(sn, NKG.type, NKG.Sentence);
            e.add(sn, NKG.article, g);
            e.add(sn, NKG.index, integer(i));
            e.add(sn, NKG.text, string(s.text()));
            e.add(sn, NKG.begin, integer(s.begin()));
            e.add(sn, NKG.end, integer(s.end()));
        }
    }

    /** Emits the article's bookkeeping triples into the meta graph. */
    public static void emitMeta(Article a, String extractorVersion, StreamRDF out) {
        Node g = articleNode(a.id());
        Emitter e = new Emitter(NKG.metaGraph, out);
        e.add(g, NKG.sourceFile, string(a.origin()));
        if (a.contentHash() != null) {
            e.add(g, NKG.contentHash, string(a.contentHash()));
        }
        e.add(g, NKG.extractorVersion, string(extractorVersion));
    }

    private static void describe(Emitter e, Node n, Entity en) {
        Node cls = switch (en.kind()) {
            case STATE -> NKG.State;
            case PERSON -> NKG.Person;
            case PLACE -> NKG.Place;
            case GOVERNMENT_BODY -> NKG.GovernmentBody;
            case ROLE -> NKG.Role;
            default -> NKG.Organization;
        };
        e.add(n, NKG.type, cls);
        e.add(n, NKG.label, string(en.label()));
        if (en.state() != null) {
            e.add(n, NKG.ofState, NKG.iri(en.state()));
        }
        if (en.bodyKind() != null) {
            e.add(n, NKG.bodyKind, NKG.iri(en.bodyKind()));
        }
    }

    /**
     * The canonical IRI of an event, the same in every article that reports it: a digest of its
     * type, roles, item, topic, kind, troop count, date and factuality.
     */
    public static Node eventNode(EventFact ev) {
        StringBuilder key = new StringBuilder(ev.type().id());
        for (List<Entity> role : List.of(ev.agents(), ev.participants(), ev.targets(), ev.recipients(),
            ev.destinations(), ev.locations())) {
            key.append('|').append(String.join(",", role.stream().map(Entity::iri).sorted().toList()));
        }
        key.append('|').append(lower(ev.item())).append('|').append(lower(ev.topic())).append('|').append(lower(ev.kind()))
            .append('|').append(ev.troops() == null ? "" : ev.troops().count() + (ev.troops().approximate() ? "~" : ""))
            .append('|').append(ev.date() == null ? "" : ev.date().value()).append('|').append(ev.factuality().id());
        return NKG.iri(NKG.EVENT + ev.type().id() + "-" + Hashes.shortHash(key.toString(), 16));
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static Node eventClass(EventType t) {
        return switch (t) {
            case VISIT -> NKG.Visit;
            case CONTACT -> NKG.Contact;
            case DEPLOYMENT -> NKG.Deployment;
            case TRANSFER -> NKG.Transfer;
            case AGREEMENT -> NKG.Agreement;
            case STATEMENT -> NKG.Statement;
        };
    }

    private static void roles(Emitter e, Node event, Node role, List<Entity> entities) {
        for (Entity en : entities) {
            Node n = NKG.iri(en.iri());
            e.add(event, role, n);
            describe(e, n, en);
        }
    }

    /** A date literal typed by its precision: xsd:date, xsd:gYearMonth or xsd:gYear. */
    public static Node dateLiteral(EventDate d) {
        return NodeFactory.createLiteralDT(d.value(), switch (d.granularity()) {
            case DAY -> XSDDatatype.XSDdate;
            case MONTH -> XSDDatatype.XSDgYearMonth;
            case YEAR -> XSDDatatype.XSDgYear;
        });
    }

    private static Node evidenceNode(Node g, Span s) {
        return NKG.iri(g.getURI() + "#ev-" + s.begin() + "-" + s.end());
    }

    private static Node sentenceNode(Node g, int index) {
        return NKG.iri(g.getURI() + "#s" + index);
    }

    /** A plain string literal. */
    public static Node string(String s) {
        return NodeFactory.createLiteralString(s);
    }

    /** A canonical xsd:integer literal. */
    public static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    /** Sends each quad of one graph to the sink once, however often the mapping states it. */
    private static final class Emitter {
        private final Node graph;
        private final StreamRDF out;
        private final Set<Triple> seen = new HashSet<>();

        Emitter(Node graph, StreamRDF out) {
            this.graph = graph;
            this.out = out;
        }

        void add(Node s, Node p, Node o) {
            if (seen.add(Triple.create(s, p, o))) {
                out.quad(Quad.create(graph, s, p, o));
            }
        }
    }
}
