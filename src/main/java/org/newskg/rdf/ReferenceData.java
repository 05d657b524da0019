package org.newskg.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.newskg.article.Hashes;
import org.newskg.article.Slugs;
import org.newskg.extract.Entity;
import org.newskg.extract.Gazetteer;
import org.newskg.extract.GazetteerEntry;
import org.newskg.extract.Kind;

/**
 * The reference data shipped in the jar ({@code newskg/reference/*.ttl}: states with their names,
 * demonyms, capitals and seats of power; international organisations and government bodies; post
 * titles and body kinds) and the ontology. It is loaded into its own graphs in the store, and
 * turned into the {@link Gazetteer} the extractor links names with.
 *
 * <pre>{@code
 * ReferenceData ref = ReferenceData.load();
 * Gazetteer gazetteer = ref.gazetteer();
 * }</pre>
 */
public final class ReferenceData {
    /** Reference files, in load order. */
    public static final List<String> FILES = List.of("states.ttl", "organizations.ttl", "roles.ttl", "officials.ttl");
    private static final String REFERENCE_DIR = "/newskg/reference/";
    private static final String ONTOLOGY = "/newskg/ontology/newskg.ttl";
    private static final String SHAPES = "/newskg/ontology/shapes.ttl";

    private final Graph reference;
    private final Graph ontology;
    private final String hash;

    private ReferenceData(Graph reference, Graph ontology, String hash) {
        this.reference = reference;
        this.ontology = ontology;
        this.hash = hash;
    }

    /** Loads the reference data and ontology from the classpath. */
    public static ReferenceData load() {
        Graph ref = GraphFactory.createDefaultGraph();
        StringBuilder digest = new StringBuilder();
        for (String f : FILES) {
            byte[] bytes = resource(REFERENCE_DIR + f);
            digest.append(Hashes.sha256(bytes));
            parseSkolemized(bytes, f, ref);
        }
        byte[] ont = resource(ONTOLOGY);
        digest.append(Hashes.sha256(ont));
        Graph ontology = GraphFactory.createDefaultGraph();
        parseSkolemized(ont, "ontology", ontology);
        return new ReferenceData(ref, ontology, Hashes.sha256(digest.toString()));
    }

    /**
     * Parses Turtle replacing blank nodes (OWL lists, say) by skolem IRIs numbered in parse order,
     * so the store holds no blank nodes and loading the same file always gives the same quads.
     */
    private static void parseSkolemized(byte[] turtle, String tag, Graph into) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new java.io.ByteArrayInputStream(turtle)).lang(Lang.TURTLE)
            .labelToNode(LabelToNode.createIncremental()).parse(g);
        String base = NKG.BASE + ".well-known/genid/" + tag.replace(".ttl", "") + "-";
        g.find().forEachRemaining(t -> into.add(Triple.create(skolem(t.getSubject(), base), t.getPredicate(),
            skolem(t.getObject(), base))));
    }

    private static Node skolem(Node n, String base) {
        return n.isBlank() ? NKG.iri(base + Slugs.slug(n.getBlankNodeLabel())) : n;
    }

    /** The SHACL shapes shipped with newskg. */
    public static Graph shapes() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(new java.io.ByteArrayInputStream(resource(SHAPES))).lang(Lang.TURTLE).parse(g);
        return g;
    }

    /** A classpath resource's bytes. */
    public static byte[] resource(String path) {
        try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path + " (is the jar complete?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference graph. */
    public Graph graph() {
        return reference;
    }

    /** The ontology graph. */
    public Graph ontology() {
        return ontology;
    }

    /** A digest of the reference files and ontology: changes whenever they do. */
    public String hash() {
        return hash;
    }

    /** The gazetteer built from the reference graph. */
    public Gazetteer gazetteer() {
        List<GazetteerEntry> entries = new ArrayList<>();
        Map<String, Entity> bodies = new HashMap<>();
        Map<String, String> adjectives = new HashMap<>();
        for (Node s : subjects(NKG.State)) {
            Entity state = Entity.known(s.getURI(), Kind.STATE, label(s));
            names(s, state, entries);
            List<String> demonyms = strings(s, NKG.demonym);
            for (String d : demonyms) {
                entries.add(new GazetteerEntry(d, "DEMONYM", state, null));
            }
            if (!demonyms.isEmpty()) {
                adjectives.put(s.getURI(), demonyms.get(0));
            }
        }
        Map<String, Entity> actors = new HashMap<>();
        for (Node s : subjects(NKG.State)) {
            actors.put(s.getURI(), Entity.known(s.getURI(), Kind.STATE, label(s)));
        }
        for (Node s : subjects(NKG.InternationalOrganization)) {
            Entity org = Entity.known(s.getURI(), Kind.ORGANIZATION, label(s));
            actors.put(s.getURI(), org);
            names(s, org, entries);
            for (String d : strings(s, NKG.demonym)) {
                // "Allied soldiers" in NATO's name.
                entries.add(new GazetteerEntry(d, "DEMONYM", org, null));
            }
        }
        for (Node s : subjects(NKG.Organization)) {
            names(s, Entity.known(s.getURI(), Kind.ORGANIZATION, label(s)), entries);
        }
        for (Node p : subjects(NKG.Place)) {
            Node stands = first(p, NKG.metonymFor);
            Entity actor = stands == null ? null : actors.get(stands.getURI());
            Entity place = Entity.known(p.getURI(), Kind.PLACE, label(p));
            if (actor == null) {
                names(p, place, entries);
            } else {
                metonym(p, actor, entries);
            }
        }
        for (Node s : subjects(NKG.GovernmentBody)) {
            Node state = first(s, NKG.ofState);
            Node kind = first(s, NKG.bodyKind);
            Entity body = new Entity(s.getURI(), Kind.GOVERNMENT_BODY, label(s), true,
                state == null ? null : state.getURI(), kind == null ? null : kind.getURI());
            bodies.put(s.getURI(), body);
            names(s, body, entries);
        }
        Map<String, Entity> everyActor = new HashMap<>(actors);
        bodies.forEach(everyActor::put);
        for (Node s : subjects(NKG.Organization)) {
            everyActor.putIfAbsent(s.getURI(), Entity.known(s.getURI(), Kind.ORGANIZATION, label(s)));
        }
        for (Node s : subjects(NKG.Person)) {
            names(s, Entity.known(s.getURI(), Kind.PERSON, label(s)), entries);
        }
        List<Gazetteer.Tenure> tenures = new ArrayList<>();
        for (Node t : subjects(NKG.Tenure)) {
            Node person = first(t, NKG.member);
            Node role = first(t, NKG.role);
            Node org = first(t, NKG.organization);
            Node start = first(t, NKG.startDate);
            Node end = first(t, NKG.endDate);
            Entity orgEntity = org == null ? null : everyActor.get(org.getURI());
            if (person != null && role != null && orgEntity != null && start != null) {
                tenures.add(new Gazetteer.Tenure(person.getURI(), role.getURI(), orgEntity,
                    LocalDate.parse(start.getLiteralLexicalForm()),
                    end == null ? null : LocalDate.parse(end.getLiteralLexicalForm())));
            }
        }
        Map<String, String> broader = new HashMap<>();
        for (Node s : subjects(NKG.Role)) {
            Node b = first(s, NKG.broader);
            if (b != null) {
                broader.put(s.getURI(), b.getURI());
            }
        }
        for (Node s : subjects(NKG.Role)) {
            Entity role = Entity.known(s.getURI(), Kind.ROLE, label(s));
            entries.add(new GazetteerEntry(role.label(), "ROLE", role, null));
            strings(s, NKG.altLabel).forEach(a -> entries.add(new GazetteerEntry(a, "ROLE", role, null)));
        }
        for (Node s : subjects(NKG.BodyKind)) {
            Entity kind = Entity.known(s.getURI(), Kind.GOVERNMENT_BODY, label(s));
            entries.add(new GazetteerEntry(kind.label(), "BODYKIND", kind, null));
            strings(s, NKG.altLabel).forEach(a -> entries.add(new GazetteerEntry(a, "BODYKIND", kind, null)));
        }
        Map<String, Entity> capitals = new HashMap<>();
        for (Node s : subjects(NKG.State)) {
            Node c = first(s, NKG.capital);
            if (c != null) {
                capitals.put(s.getURI(), Entity.known(c.getURI(), Kind.PLACE, label(c)));
            }
        }
        return new Gazetteer(entries, bodies, adjectives, tenures, broader, capitals);
    }

    private void names(Node s, Entity e, List<GazetteerEntry> entries) {
        entries.add(new GazetteerEntry(e.label(), "NAME", e, null));
        strings(s, NKG.altLabel).forEach(a -> entries.add(new GazetteerEntry(a, "NAME", e, null)));
        strings(s, NKG.acronym).forEach(a -> entries.add(new GazetteerEntry(a, "NAME", e, null)));
    }

    private void metonym(Node p, Entity actor, List<GazetteerEntry> entries) {
        Entity place = Entity.known(p.getURI(), Kind.PLACE, label(p));
        entries.add(new GazetteerEntry(place.label(), "METONYM", actor, place));
        strings(p, NKG.altLabel).forEach(a -> entries.add(new GazetteerEntry(a, "METONYM", actor, place)));
    }

    private List<Node> subjects(Node type) {
        List<Node> out = new ArrayList<>();
        reference.find(Node.ANY, NKG.type, type).forEachRemaining(t -> out.add(t.getSubject()));
        out.sort((a, b) -> a.getURI().compareTo(b.getURI()));
        return out;
    }

    private List<Node> objects(Node s, Node p) {
        List<Node> out = new ArrayList<>();
        reference.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
        out.sort((a, b) -> a.toString().compareTo(b.toString()));
        return out;
    }

    private Node first(Node s, Node p) {
        List<Node> o = objects(s, p);
        return o.isEmpty() ? null : o.get(0);
    }

    private List<String> strings(Node s, Node p) {
        List<String> out = new ArrayList<>();
        ExtendedIterator<Triple> it = reference.find(s, p, Node.ANY);
        it.forEachRemaining(t -> {
            if (t.getObject().isLiteral()) {
                out.add(t.getObject().getLiteralLexicalForm());
            }
        });
        out.sort(null);
        return out;
    }

    private String label(Node s) {
        List<String> l = strings(s, NKG.label);
        return l.isEmpty() ? s.getURI().substring(s.getURI().lastIndexOf('/') + 1) : l.get(0);
    }
}
