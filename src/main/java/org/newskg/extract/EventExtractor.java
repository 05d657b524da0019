package org.newskg.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.semgraph.semgrex.SemgrexMatcher;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.newskg.extract.frame.FrameHit;
import org.newskg.extract.frame.FrameMatcher;
import org.newskg.extract.frame.Frames;
import org.newskg.nlp.NkgAnnotations;

/**
 * Finds events with the Semgrex rules of each event type ({@code visits.semgrex}, ...) over the
 * enhanced++ dependency graph of every sentence, after entity linking. A rule names the trigger
 * and role nodes; this class resolves role nodes to linked entities (through compound, flat,
 * appositive and conjoined words), takes items and topics as head noun phrases, the date from the
 * DATE expression attached to the trigger, the troop count from the number on the forces noun, and
 * the factuality from cue words around the trigger ({@link FactualityRules}). In deployments and
 * transfers a person acts for their state; elsewhere a person stays the person. Mentions of the
 * same event in one article merge into one fact with every span as evidence.
 *
 * <pre>{@code
 * List<EventFact> events = new EventExtractor(cues, gazetteer).extract(linked, posts);
 * }</pre>
 */
public final class EventExtractor {
    /** Roles a rule may name, besides {@code trigger}, {@code item} and {@code topic}. */
    private static final List<String> ROLES = List.of("agent", "participant", "target", "recipient", "destination", "location");
    private static final List<String> ENTITY_CHILDREN = List.of("appos", "flat", "compound", "dep");
    private static final Set<String> OWNER_CHILDREN = Set.of("nmod:poss", "amod", "compound", "nmod:from");
    private static final Set<String> PHRASE_CHILDREN = Set.of("compound", "amod", "flat", "nummod");
    /** Joins the items of one mention until {@link #distributed} makes one fact of each. */
    private static final String ITEM_SEPARATOR = "\n";

    private final Cues cues;
    private final Gazetteer gazetteer;
    private final FactualityRules factuality;
    private final Map<EventType, SemgrexRuleFile> rules = new EnumMap<>(EventType.class);
    private final FrameMatcher frameMatcher;

    public EventExtractor(Cues cues, Gazetteer gazetteer) {
        this.cues = cues;
        this.gazetteer = gazetteer;
        this.factuality = new FactualityRules(cues);
        for (EventType t : EventType.values()) {
            rules.put(t, SemgrexRuleFile.load(t.ruleFile(), cues));
        }
        this.frameMatcher = new FrameMatcher(Frames.load(cues));
    }

    /** The rule file of an event type. */
    public SemgrexRuleFile rules(EventType type) {
        return rules.get(type);
    }

    /**
     * What a phrase may point back to: the last two states conjoined ("the two countries"), the last two persons
     * conjoined or met ("the two leaders"), the sides of the last agreement ("talks before the deal"), and the last
     * place named after each preposition ("at the site" points back to the last place named after "at").
     */
    private record Antecedents(List<Entity> states, List<Entity> people, List<Entity> deal, Map<String, Entity> places) {
        static final Antecedents NONE = new Antecedents(List.of(), List.of(), List.of(), Map.of());
    }

    /**
     * A rule or frame match before resolution: the trigger, the nodes of each named role, the verb whose date an event
     * noun shares ({@code governor}, or null) and the statement kind its frame gives (or null).
     */
    private record Hit(EventType type, int sentence, IndexedWord trigger, Map<String, Set<IndexedWord>> nodes, IndexedWord governor,
                       String kind) {}

    /** The events stated in a linked article; {@code posts} lets a person act for their state. */
    public List<EventFact> extract(LinkedDocument doc, List<PostFact> posts) {
        return extract(doc, posts, null);
    }

    /** As {@link #extract(LinkedDocument, List)}, with only one rule of one file when {@code only} is given (for tests). */
    public List<EventFact> extract(LinkedDocument doc, List<PostFact> posts, SemgrexRuleFile.Rule only) {
        List<CoreMap> sentences = doc.annotation().get(CoreAnnotations.SentencesAnnotation.class);
        String text = doc.annotation().get(CoreAnnotations.TextAnnotation.class);
        Offsets offsets = new Offsets(text);
        List<EventFact> found = new ArrayList<>();
        OccasionDates dates = new OccasionDates(cues, doc.date());
        List<EventFact> previous = List.of();
        Antecedents antecedents = Antecedents.NONE;
        for (int si = 0; si < sentences.size(); si++) {
            CoreMap sentence = sentences.get(si);
            SemanticGraph graph = sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
            if (graph == null || graph.isEmpty()) {
                continue;
            }
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            ParseRepair.repair(graph);
            dates.addSentence(si, graph, tokens);
            antecedents = new Antecedents(conjoinedPair(doc, graph, tokens, antecedents.states(), Kind.STATE),
                conjoinedPair(doc, graph, tokens, antecedents.people(), Kind.PERSON), antecedents.deal(), antecedents.places());
            Map<String, Hit> hits = new LinkedHashMap<>();
            for (EventType type : EventType.values()) {
                for (SemgrexRuleFile.Rule rule : rules.get(type).rules()) {
                    if (only != null && only != rule) {
                        continue;
                    }
                    SemgrexMatcher m = rule.pattern().matcher(graph);
                    while (m.find()) {
                        IndexedWord trigger = m.getNode("trigger");
                        for (String alt : List.of("count", "topic", "item", "location")) {
                            trigger = trigger != null ? trigger : m.getNode(alt);
                        }
                        if (trigger == null) {
                            continue;
                        }
                        IndexedWord t = trigger;
                        int index = si;
                        Hit h = hits.computeIfAbsent(type + " " + t.index(),
                            k -> new Hit(type, index, t, new LinkedHashMap<>(), null, null));
                        for (String name : m.getNodeNames()) {
                            if (!name.equals("trigger") && m.getNode(name) != null) {
                                h.nodes().computeIfAbsent(name, k -> new LinkedHashSet<>()).add(m.getNode(name));
                            }
                        }
                    }
                }
            }
            for (FrameHit fh : only == null ? frameMatcher.match(graph) : List.<FrameHit>of()) {
                String key = fh.frame().type() + " " + fh.word().index();
                Hit before = hits.get(key);
                Hit h = new Hit(fh.frame().type(), si, fh.word(), before == null ? new LinkedHashMap<>() : before.nodes(),
                    fh.timed() ? fh.host() : null, fh.trigger().kind());
                fh.nodes().forEach((role, ns) -> h.nodes().computeIfAbsent(role, k -> new LinkedHashSet<>()).addAll(ns));
                hits.put(key, h);
            }
            List<EventFact> here = new ArrayList<>();
            Set<EventFact> narrated = new HashSet<>();
            for (Hit h : hits.values()) {
                List<EventFact> fs = new ArrayList<>();
                resolve(doc, graph, tokens, sentence, h, posts, offsets, text, dates, antecedents).forEach(f -> fs.addAll(distributed(f)));
                if (!fs.isEmpty()) {
                    here.addAll(fs);
                    if ("VBD".equals(h.trigger().tag())) {
                        narrated.addAll(fs);
                    }
                } else if (h.type() == EventType.AGREEMENT && !h.nodes().containsKey("agent") && h.nodes().containsKey("topic")) {
                    datePrevious(found, dates.date(h.sentence(), graph, tokens, h.trigger()));
                }
            }
            EventFact turn = transcriptTurn(doc, tokens, si, offsets);
            if (turn != null) {
                here.add(turn);
            }
            here = boundOverSigners(here);
            if (!OccasionDates.namesTime(tokens)) {
                List<EventFact> before = previous;
                List<EventFact> earlier = found;
                here.replaceAll(f -> continuing(f, before));
                here.replaceAll(f -> narrated.contains(f) ? duringMeeting(f, earlier) : f);
            }
            found.addAll(here);
            previous = here;
            antecedents = placesAfter(doc, graph, tokens, sidesAfter(here, antecedents));
        }
        return merge(tripDates(cityOverState(tripPlaces(placeless(oneSided(found, partners(found, posts, doc)))))));
    }

    /**
     * "X traveled to Libya ... While in Tripoli, X met Y": a visitor to a state who is placed by another event of the
     * article in that state's capital, or in a place the reference data does not put elsewhere, visited that place too,
     * with the date and status of the visit to the state.
     */
    private List<EventFact> tripPlaces(List<EventFact> facts) {
        List<EventFact> out = new ArrayList<>(facts);
        for (EventFact v : facts) {
            if (v.type() != EventType.VISIT || v.destinations().size() != 1 || v.destinations().get(0).kind() != Kind.STATE) {
                continue;
            }
            Entity capital = gazetteer.capital(v.destinations().get(0).iri());
            for (EventFact o : facts) {
                boolean mine = o != v && o.type() != EventType.VISIT && o.factuality() == Factuality.REPORTED
                    && (o.agents().containsAll(v.agents()) || o.participants().containsAll(v.agents()));
                for (Entity p : mine ? o.locations() : List.<Entity>of()) {
                    boolean inside = p.kind() == Kind.PLACE && (p.equals(capital) || !p.reference());
                    if (inside) {
                        out.add(new EventFact(EventType.VISIT, v.agents(), List.of(), List.of(), List.of(), List.of(p), List.of(), null, null,
                            null, null, v.date(), v.factuality(), o.evidence()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The date of a visitor's one dated visit in the article is the date of their undated visits and contacts that
     * place them nowhere else ("X traveled to Libya, September 20-21 ... X met Y"): what happens on a trip happens
     * within it.
     */
    private List<EventFact> tripDates(List<EventFact> facts) {
        List<EventFact> out = new ArrayList<>();
        for (EventFact f : facts) {
            boolean dateable = (f.type() == EventType.VISIT || f.type() == EventType.CONTACT) && f.date() == null
                && f.factuality() == Factuality.REPORTED;
            EventDate trip = null;
            int trips = 0;
            for (EventFact v : dateable ? facts : List.<EventFact>of()) {
                List<Entity> places = f.type() == EventType.VISIT ? f.destinations() : f.locations();
                boolean same = v.type() == EventType.VISIT && v.date() != null && v.factuality() == Factuality.REPORTED
                    && (f.agents().containsAll(v.agents()) || f.participants().containsAll(v.agents()))
                    && places.stream().allMatch(p -> within(p, v));
                if (same && (trip == null || !trip.equals(v.date()))) {
                    trip = v.date();
                    trips++;
                }
            }
            out.add(trips == 1 ? f.withDate(trip) : f);
        }
        return out;
    }

    /**
     * A transfer that names one side only takes the other from the article: the one recipient of the supplier's other
     * transfers ("announced $1.85 billion in military aid"), the one supplier of the recipient's, else, for a recipient,
     * the other side of a transfer it makes in the same sentence ("X may supply Y with shells, and X could seek
     * technology in return"), else the one state the article has it meet or agree with ({@code partners}); a transfer
     * left one-sided is dropped.
     */
    /** Each state's partners in the article's contacts and agreements, a person counting as their state. */
    private Map<Entity, Set<Entity>> partners(List<EventFact> facts, List<PostFact> posts, LinkedDocument doc) {
        Map<Entity, Set<Entity>> out = new LinkedHashMap<>();
        for (EventFact f : facts) {
            if (f.type() != EventType.CONTACT && f.type() != EventType.AGREEMENT) {
                continue;
            }
            List<Entity> sides = new ArrayList<>();
            List<Entity> parties = new ArrayList<>(f.agents());
            parties.addAll(f.participants());
            for (Entity e : parties) {
                Entity state = asActor(e, true, posts, doc);
                if (state != null && state.kind() == Kind.STATE && !sides.contains(state)) {
                    sides.add(state);
                }
            }
            for (Entity a : sides) {
                sides.stream().filter(b -> !b.equals(a)).forEach(b -> out.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b));
            }
        }
        return out;
    }

    static List<EventFact> oneSided(List<EventFact> facts, Map<Entity, Set<Entity>> partners) {
        List<EventFact> out = new ArrayList<>();
        for (EventFact f : facts) {
            boolean noRecipient = f.recipients().isEmpty();
            if (f.type() != EventType.TRANSFER || !noRecipient && !f.agents().isEmpty()) {
                out.add(f);
                continue;
            }
            Set<List<Entity>> others = new LinkedHashSet<>();
            Set<List<Entity>> reciprocal = new LinkedHashSet<>();
            for (EventFact o : facts) {
                if (o.type() != EventType.TRANSFER || o.agents().isEmpty() || o.recipients().isEmpty()) {
                    continue;
                }
                if (noRecipient ? o.agents().equals(f.agents()) : o.recipients().equals(f.recipients())) {
                    others.add(noRecipient ? o.recipients() : o.agents());
                }
                if (!noRecipient && o.agents().equals(f.recipients()) && o.evidence().get(0).sentence() == f.evidence().get(0).sentence()) {
                    reciprocal.add(o.recipients());
                }
            }
            List<Entity> known = noRecipient ? f.agents() : f.recipients();
            Set<Entity> partner = known.size() == 1 ? partners.getOrDefault(known.get(0), Set.of()) : Set.of();
            List<Entity> side = others.size() == 1 ? others.iterator().next()
                : others.isEmpty() && reciprocal.size() == 1 ? reciprocal.iterator().next()
                : others.isEmpty() && reciprocal.isEmpty() && partner.size() == 1 ? List.copyOf(partner) : null;
            if (side != null) {
                out.add(new EventFact(f.type(), noRecipient ? f.agents() : side, f.participants(), f.targets(), noRecipient ? side : f.recipients(),
                    f.destinations(), f.locations(), f.item(), f.topic(), f.kind(), f.troops(), f.date(), f.factuality(), f.evidence()));
            }
        }
        return out;
    }

    /**
     * "Russia will deploy 1,960 soldiers along the front line": a deployment that names no place is at the one place the
     * article gives the same side's other deployments, its count going to that deployment when the status is the same
     * and it has none; when the side has no one place it is dropped.
     */
    static List<EventFact> placeless(List<EventFact> facts) {
        List<EventFact> out = new ArrayList<>(facts);
        for (EventFact f : facts) {
            if (f.type() != EventType.DEPLOYMENT || !f.locations().isEmpty()) {
                continue;
            }
            out.remove(f);
            Set<List<Entity>> places = new LinkedHashSet<>();
            for (EventFact o : out) {
                if (o.type() == EventType.DEPLOYMENT && o.agents().equals(f.agents()) && !o.locations().isEmpty()) {
                    places.add(o.locations());
                }
            }
            if (places.size() != 1) {
                continue;
            }
            boolean merged = false;
            for (int i = 0; i < out.size(); i++) {
                EventFact o = out.get(i);
                if (o.type() == EventType.DEPLOYMENT && o.agents().equals(f.agents()) && o.factuality() == f.factuality() && o.troops() == null) {
                    out.set(i, new EventFact(o.type(), o.agents(), o.participants(), o.targets(), o.recipients(), o.destinations(),
                        o.locations(), o.item(), o.topic(), o.kind(), f.troops(), o.date(), o.factuality(), o.evidence()));
                    merged = true;
                }
            }
            if (!merged) {
                out.add(new EventFact(f.type(), f.agents(), f.participants(), f.targets(), f.recipients(), f.destinations(),
                    places.iterator().next(), f.item(), f.topic(), f.kind(), f.troops(), f.date(), f.factuality(), f.evidence()));
            }
        }
        return out;
    }

    /** Whether a place lies within a visit's destination: it is the destination, or in a state visited its capital or a place the reference data does not put elsewhere. */
    private boolean within(Entity p, EventFact visit) {
        for (Entity d : visit.destinations()) {
            boolean inside = p.equals(d) || d.kind() == Kind.STATE && p.kind() == Kind.PLACE
                && (p.equals(gazetteer.capital(d.iri())) || !p.reference());
            if (inside) {
                return true;
            }
        }
        return false;
    }

    /**
     * A briefing transcript's turn, "MR PRICE: ..." or "RYDER: ...": the person of the article whose surname the speaker
     * label gives says what follows (undated: a turn is no dated occasion). "QUESTION:" and unknown labels give nothing.
     */
    private static EventFact transcriptTurn(LinkedDocument doc, List<CoreLabel> tokens, int si, Offsets offsets) {
        int colon = -1;
        for (int t = 0; t < Math.min(tokens.size(), 5); t++) {
            if (tokens.get(t).word().equals(":")) {
                colon = t;
                break;
            }
        }
        if (colon < 1) {
            return null;
        }
        String surname = tokens.get(colon - 1).word();
        for (int t = 0; t < colon; t++) {
            String w = tokens.get(t).word();
            if (!w.equals(w.toUpperCase(Locale.ROOT)) || !w.matches("[A-Z][A-Z.'-]*")) {
                return null;
            }
        }
        Entity speaker = null;
        for (Mention m : doc.mentions()) {
            Entity e = m.entity();
            if (e != null && e.kind() == Kind.PERSON && lastWord(e.label()).equalsIgnoreCase(surname)) {
                if (speaker != null && !speaker.equals(e)) {
                    return null;
                }
                speaker = e;
            }
        }
        if (speaker == null) {
            return null;
        }
        Span span = offsets.span(si + 1, tokens.get(0).beginPosition(), tokens.get(colon - 1).endPosition());
        return new EventFact(EventType.STATEMENT, List.of(speaker), List.of(), List.of(), List.of(), List.of(), List.of(), null, null,
            "said", null, null, Factuality.REPORTED, List.of(span));
    }

    /**
     * A visit to a state by someone the article also takes to places in it (its capital, or places the reference data
     * does not put elsewhere) is the visit to those places.
     */
    private List<EventFact> cityOverState(List<EventFact> facts) {
        List<EventFact> out = new ArrayList<>();
        for (EventFact f : facts) {
            Entity state = f.type() == EventType.VISIT && f.destinations().size() == 1 && f.destinations().get(0).kind() == Kind.STATE
                ? f.destinations().get(0) : null;
            Entity capital = state == null ? null : gazetteer.capital(state.iri());
            List<Entity> inside = new ArrayList<>();
            for (EventFact o : state == null ? List.<EventFact>of() : facts) {
                if (o.type() == EventType.VISIT && o.agents().equals(f.agents()) && o.factuality() == f.factuality()) {
                    o.destinations().stream().filter(p -> p.kind() == Kind.PLACE && (p.equals(capital) || !p.reference()))
                        .filter(p -> !inside.contains(p)).forEach(inside::add);
                }
            }
            if (inside.isEmpty()) {
                out.add(f);
            } else if (inside.contains(capital)) {
                out.add(f.withDestinations(List.of(capital)));
            }
        }
        return out;
    }

    /** "Iran admitted that it had supplied drones": the state or organisation whose clause the pronoun's clause completes. */
    private static Entity reportingSubject(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord it) {
        for (SemanticGraphEdge s : graph.incomingEdgeIterable(it)) {
            if (!s.getRelation().toString().startsWith("nsubj")) {
                continue;
            }
            for (SemanticGraphEdge c : graph.incomingEdgeIterable(s.getGovernor())) {
                if (!c.getRelation().toString().equals("ccomp")) {
                    continue;
                }
                for (SemanticGraphEdge o : graph.outgoingEdgeIterable(c.getGovernor())) {
                    Mention m = o.getRelation().toString().equals("nsubj") ? mention(doc, tokens, o.getDependent()) : null;
                    if (m != null && m.entity() != null && (m.entity().kind() == Kind.STATE || m.entity().kind() == Kind.ORGANIZATION)) {
                        return m.entity();
                    }
                }
            }
        }
        return null;
    }

    /**
     * The nearest subject of a clause enclosing a pronoun, other than the pronoun and other pronouns: "Canberra is
     * scrapping its deal" (its is Canberra), "the two countries will revive a pact they signed" (they are the countries).
     */
    static IndexedWord antecedent(SemanticGraph graph, IndexedWord pronoun) {
        IndexedWord n = pronoun;
        Set<IndexedWord> seen = new HashSet<>();
        for (int level = 0; level < 4 && n != null && seen.add(n); level++) {
            IndexedWord s = level == 0 ? null : subject(graph, n);
            if (s != null && !s.equals(pronoun) && !"PRP".equals(s.tag()) && !"PRP$".equals(s.tag())) {
                return s;
            }
            IndexedWord up = null;
            for (SemanticGraphEdge in : graph.incomingEdgeIterable(n)) {
                String rel = in.getRelation().toString();
                if (up == null && !rel.startsWith("conj") && !rel.equals("ref")) {
                    up = in.getGovernor();
                }
            }
            n = up;
        }
        return null;
    }

    /** The persons who met and the sides of the agreement last found in a sentence, else those so far. */
    private static Antecedents sidesAfter(List<EventFact> here, Antecedents antecedents) {
        List<Entity> people = antecedents.people();
        List<Entity> deal = antecedents.deal();
        for (EventFact f : here) {
            List<Entity> sides = new ArrayList<>(f.agents());
            sides.addAll(f.participants());
            if (f.type() == EventType.CONTACT && sides.size() == 2 && sides.stream().allMatch(e -> e.kind() == Kind.PERSON)) {
                people = sides;
            }
            if (f.type() == EventType.AGREEMENT && sides.size() >= 2) {
                deal = sides;
            }
        }
        return new Antecedents(antecedents.states(), people, deal, antecedents.places());
    }

    /** The places a sentence names after a preposition ("at the Vostochny Cosmodrome"), each the last for its preposition. */
    private static Antecedents placesAfter(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, Antecedents antecedents) {
        Map<String, Entity> places = new HashMap<>(antecedents.places());
        for (SemanticGraphEdge e : graph.edgeListSorted()) {
            Mention m = e.getRelation().toString().equals("case") ? mention(doc, tokens, e.getGovernor()) : null;
            if (m != null && m.entity() != null && m.entity().kind() == Kind.PLACE) {
                places.put(e.getDependent().word().toLowerCase(Locale.ROOT), m.entity());
            }
        }
        return new Antecedents(antecedents.states(), antecedents.people(), antecedents.deal(), places);
    }

    /** "arrived at the launch site": a bare definite site noun after a preposition is the last place named after that preposition. */
    private Entity definitePlace(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n, Antecedents antecedents) {
        if (!"NN".equals(n.tag()) || !cues.has("SITE_NOUN", n.lemma()) || mention(doc, tokens, n) != null || !hasChild(graph, n, "the")) {
            return null;
        }
        String preposition = null;
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            String rel = c.getRelation().toString();
            if (rel.equals("case")) {
                preposition = c.getDependent().word().toLowerCase(Locale.ROOT);
            } else if (!rel.equals("det") && !(rel.equals("compound") && mention(doc, tokens, c.getDependent()) == null)) {
                return null;
            }
        }
        return preposition == null ? null : antecedents.places().get(preposition);
    }

    /** The last two entities of a kind a sentence conjoins ("India and China", "Indian and Chinese troops"), else the pair so far. */
    private static List<Entity> conjoinedPair(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, List<Entity> pair, Kind kind) {
        List<Entity> found = pair;
        for (SemanticGraphEdge e : graph.edgeListSorted()) {
            if (e.getRelation().toString().startsWith("conj")) {
                Mention a = mention(doc, tokens, e.getGovernor());
                Mention b = mention(doc, tokens, e.getDependent());
                if (a != null && b != null && a.entity() != null && b.entity() != null && a.entity().kind() == kind
                    && b.entity().kind() == kind && !a.entity().equals(b.entity())) {
                    found = List.of(a.entity(), b.entity());
                }
            }
        }
        return found;
    }

    /** "The pact was signed on Wednesday": a partyless mention of an agreement dates the undated agreements of the last sentence that had any. */
    private static void datePrevious(List<EventFact> found, EventDate date) {
        int sentence = -1;
        for (int i = found.size() - 1; i >= 0 && date != null; i--) {
            EventFact f = found.get(i);
            if (f.type() == EventType.AGREEMENT && (sentence < 0 || f.evidence().get(0).sentence() == sentence)) {
                sentence = f.evidence().get(0).sentence();
                if (f.date() == null) {
                    found.set(i, f.withDate(date));
                }
            }
        }
    }

    /**
     * "Putin and Kim signed a treaty under which Russia and North Korea pledge ...": when one sentence gives an
     * agreement both between persons and between states or organisations, the latter are its parties.
     */
    private static List<EventFact> boundOverSigners(List<EventFact> here) {
        List<EventFact> out = new ArrayList<>();
        for (EventFact f : here) {
            boolean signers = f.type() == EventType.AGREEMENT && parties(f).stream().allMatch(e -> e.kind() == Kind.PERSON);
            boolean bound = signers && here.stream().anyMatch(o -> o.type() == EventType.AGREEMENT && o != f
                && Objects.equals(o.topic(), f.topic()) && parties(o).stream().allMatch(Entity::isOrganisational));
            if (!bound) {
                out.add(f);
            }
        }
        return out;
    }

    private static List<Entity> parties(EventFact f) {
        List<Entity> out = new ArrayList<>(f.agents());
        out.addAll(f.participants());
        return out;
    }

    /**
     * An undated statement or visit in a sentence that names no time, by a speaker or visitor who took
     * part in a dated event of the sentence before, continues that occasion ("X met Y on Monday. Y told him ...");
     * so does an undated contact with a visitor of the sentence before ("X arrived in Kyiv on Monday. He met Y ...").
     */
    private static EventFact continuing(EventFact f, List<EventFact> previous) {
        boolean contact = f.type() == EventType.CONTACT;
        if (f.type() != EventType.STATEMENT && f.type() != EventType.VISIT && !contact || f.date() != null) {
            return f;
        }
        List<Entity> sides = new ArrayList<>(f.agents());
        sides.addAll(f.participants());
        for (EventFact p : previous) {
            boolean sameSpeaker = f.type() == EventType.STATEMENT && p.type() == EventType.STATEMENT && p.agents().equals(f.agents());
            boolean took = contact ? p.type() == EventType.VISIT && sides.containsAll(p.agents())
                : p.agents().containsAll(f.agents()) || p.participants().containsAll(f.agents());
            if (p.date() != null && (sameSpeaker || p.type() != EventType.STATEMENT && p.type() != f.type()) && took) {
                return f.withDate(p.date());
            }
        }
        return f;
    }

    /** An undated statement told in the simple past by a side of the last dated talks it could belong to ("Kim told his host ..."). */
    private static EventFact duringMeeting(EventFact f, List<EventFact> earlier) {
        if (f.type() != EventType.STATEMENT || f.date() != null) {
            return f;
        }
        for (int i = earlier.size() - 1; i >= 0; i--) {
            EventFact p = earlier.get(i);
            if (p.type() == EventType.CONTACT && p.date() != null && p.factuality() == Factuality.REPORTED
                && (p.agents().containsAll(f.agents()) || p.participants().containsAll(f.agents()))) {
                return f.withDate(p.date());
            }
        }
        return f;
    }

    private List<EventFact> resolve(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, CoreMap sentence,
                              Hit h, List<PostFact> posts, Offsets offsets, String text, OccasionDates dates, Antecedents antecedents) {
        Map<String, List<Entity>> roles = new LinkedHashMap<>();
        Set<Integer> used = new TreeSet<>();
        used.add(h.trigger().index() - 1);
        boolean forState = h.type() == EventType.DEPLOYMENT || h.type() == EventType.TRANSFER;
        boolean sides = h.type() == EventType.CONTACT || h.type() == EventType.AGREEMENT;
        for (String role : ROLES) {
            List<Entity> es = new ArrayList<>();
            for (IndexedWord n : h.nodes().getOrDefault(role, Set.of())) {
                boolean place = role.equals("destination") || role.equals("location");
                List<Entity> named = place ? placeEntities(doc, graph, tokens, n) : List.of();
                for (Entity e : !named.isEmpty() ? named : entities(doc, graph, tokens, n, place ? false : forState, used, posts, sides, antecedents)) {
                    Entity r = place ? asPlace(e) : asActor(e, forState, posts, doc);
                    if (r != null && !es.contains(r)) {
                        es.add(r);
                    }
                }
            }
            for (IndexedWord n : role.equals("destination") && es.isEmpty() ? h.nodes().getOrDefault(role, Set.of()) : Set.<IndexedWord>of()) {
                Entity back = definitePlace(doc, graph, tokens, n, antecedents);
                if (back != null && !es.contains(back)) {
                    es.add(back);
                }
            }
            roles.put(role, es);
        }
        if (h.type() == EventType.CONTACT && h.nodes().containsKey("deal") && roles.get("agent").isEmpty()
            && roles.get("participant").isEmpty()) {
            roles.get("agent").addAll(antecedents.deal());
        }
        IndexedWord itemNode = first(h.nodes().get("item"));
        if (h.type() == EventType.TRANSFER && h.nodes().containsKey("item")) {
            for (IndexedWord n : h.nodes().get("item")) {
                if (!cues.has("FORCES", n.lemma()) && mention(doc, tokens, n) == null) {
                    itemNode = n;
                    break;
                }
            }
        }
        IndexedWord topicNode = first(h.nodes().get("topic"));
        String item = null;
        TroopCount troops = null;
        if (itemNode != null) {
            itemNode = throughQuantity(graph, itemNode);
            if (h.type() == EventType.TRANSFER && (cues.has("FORCES", itemNode.lemma()) || mention(doc, tokens, itemNode) != null)) {
                return List.of();
            }
            if (h.type() == EventType.DEPLOYMENT) {
                IndexedWord count = first(h.nodes().get("count"));
                troops = count != null ? count(graph, count, itemNode) : troops(graph, itemNode);
                if (roles.get("agent").isEmpty()) {
                    for (Entity e : owners(doc, graph, tokens, itemNode, used)) {
                        Entity r = asActor(e, true, posts, doc);
                        if (r != null && !roles.get("agent").contains(r)) {
                            roles.get("agent").add(r);
                        }
                    }
                }
            } else {
                item = String.join(ITEM_SEPARATOR, distributedPhrases(graph, tokens, itemNode, phrase(graph, tokens, itemNode, false)));
            }
            used.add(itemNode.index() - 1);
        }
        String topic = topicNode == null ? null : agreedAction(graph, tokens, topicNode);
        topic = topic != null || topicNode == null ? topic : phrase(graph, tokens, topicNode, true);
        IndexedWord action = first(h.nodes().get("action"));
        if (topic == null && action != null) {
            topic = actionTopic(graph, tokens, action);
        }
        if (topicNode != null) {
            used.add(topicNode.index() - 1);
        }
        String kind = h.type() != EventType.STATEMENT ? null : h.kind() != null ? h.kind() : statementKind(graph, h.trigger());
        if ("said".equals(kind) && elaborates(graph, h.trigger())) {
            return List.of();
        }
        IndexedWord host = h.type() == EventType.STATEMENT ? host(graph, tokens, h.trigger()) : null;
        if (host != null) {
            roles.put("agent", mainSpeaker(doc, graph, tokens, host, posts, antecedents));
        } else if (h.type() == EventType.STATEMENT && roles.get("agent").isEmpty() && subject(graph, h.trigger()) == null) {
            roles.put("agent", speakerBefore(doc, graph, tokens, h.trigger(), posts));
        }
        if (h.type() == EventType.VISIT) {
            // Nobody visits their own state: "X and Y agreed in Tokyo ..., during the first trip to Japan by ..." gives no
            // visit to Japan by Japan's prime minister.
            Set<Entity> own = new HashSet<>();
            for (Entity a : roles.get("agent")) {
                Entity st = asActor(a, true, posts, doc);
                if (st != null && st.kind() == Kind.STATE) {
                    own.add(st);
                }
            }
            roles.get("destination").removeIf(own::contains);
        }
        if ("said".equals(kind) && (!cues.has("KIND_SAID", lemmaOf(h.trigger())) && reportedSpeech(graph, h.trigger())
            || answeredBy(graph, h.trigger()))) {
            return List.of();
        }
        boolean unresolvedSide = h.type() == EventType.TRANSFER && (h.nodes().containsKey("agent") && roles.get("agent").isEmpty()
            || h.nodes().containsKey("recipient") && roles.get("recipient").isEmpty());
        if (unresolvedSide || !complete(h.type(), roles, item, kind, troops)) {
            return List.of();
        }
        // Agreements (plural) are one per subject with all the others ("X and Y signed separate agreements with Z and W"),
        // or for a single subject one with each other party ("X signed agreements with Y and Z").
        List<List<Entity>> groups = List.of(roles.get("agent"));
        List<Entity> with = roles.get("participant");
        if (h.type() == EventType.CONTACT) {
            // "X met Y and Z" is a meeting of X with each; "X and Y met" (or "X, Y and Z met") one of them all.
            List<Entity> agents = roles.get("agent");
            with = with.stream().filter(e -> !agents.contains(e)).toList();
            if (agents.size() == 1 && with.size() > 1) {
                groups = with.stream().map(List::of).toList();
                with = agents;
            }
        }
        if (h.type() == EventType.AGREEMENT && topicNode != null && "NNS".equals(topicNode.tag())) {
            List<Entity> others = withParties(doc, graph, tokens, h, topicNode, posts, antecedents);
            List<Entity> subjects = new ArrayList<>(roles.get("agent"));
            with.stream().filter(e -> !others.contains(e) && !subjects.contains(e)).forEach(subjects::add);
            if (!others.isEmpty() && subjects.size() > 1) {
                groups = subjects.stream().map(List::of).toList();
                with = others;
            } else if (subjects.size() == 1 && others.size() > 1) {
                groups = others.stream().map(List::of).toList();
                with = subjects;
            }
        }
        List<EventFact> out = new ArrayList<>();
        for (List<Entity> group : groups) {
            roles.put("agent", group);
            roles.put("participant", with);
            EventFact f = complete(h.type(), roles, item, kind, troops) ? fact(h, roles, item, topic, kind, troops, graph, tokens, used, offsets, dates) : null;
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** "..., South Korea's spy agency said on Friday", parsed without a subject: the entity named just before the verb (or before its comma: "..., the minister, X, said"). */
    private List<Entity> speakerBefore(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord trigger,
                                       List<PostFact> posts) {
        IndexedWord before = graph.getNodeByIndexSafe(trigger.index() - 1);
        if (before != null && before.word().equals(",")) {
            before = graph.getNodeByIndexSafe(trigger.index() - 2);
        }
        Mention m = before == null ? null : mention(doc, tokens, before);
        Entity e = m != null && m.entity() != null && m.entity().kind() != Kind.ROLE ? asActor(m.entity(), false, posts, doc) : null;
        return e == null ? List.of() : List.of(e);
    }

    /**
     * A speech verb that belongs to the main clause however the parser hung it: a subjectless participle after a comma or
     * "by" ("..., calling the remarks offensive", "responded by accusing ..."), or a verb after ", and" or a subjectless one
     * after "and" when the main verb is a speech verb ("said ... that X needed help, and warned that ...").
     */
    private IndexedWord host(SemanticGraph graph, List<CoreLabel> tokens, IndexedWord trigger) {
        if (trigger.index() < 3) {
            return null;
        }
        String prev = tokens.get(trigger.index() - 2).word().toLowerCase(Locale.ROOT);
        String prev2 = tokens.get(trigger.index() - 3).word();
        boolean own = subject(graph, trigger) != null;
        if ("VBG".equals(trigger.tag()) && !own && (prev.equals(",") || prev.equals("by"))) {
            return clauseAbove(graph, trigger);
        }
        IndexedWord root = graph.getFirstRoot();
        boolean coordinated = root != null && !root.equals(trigger) && subject(graph, root) != null && cues.has("SPEECH", lemmaOf(root))
            && (prev.equals("and") || prev.equals("but")) && (!own || prev2.equals(","));
        return coordinated ? root : null;
    }

    /**
     * The nearest verb above a participle; a clause the participle only marks ("saying the government
     * would review", parsed with "saying" as its marker) is passed over.
     */
    private static IndexedWord clauseAbove(SemanticGraph graph, IndexedWord participle) {
        IndexedWord n = participle;
        Set<IndexedWord> seen = new HashSet<>();
        for (int level = 0; level < 4 && n != null && seen.add(n); level++) {
            IndexedWord up = null;
            boolean marks = false;
            for (SemanticGraphEdge in : graph.incomingEdgeIterable(n)) {
                if (up == null) {
                    up = in.getGovernor();
                    marks = in.getRelation().toString().equals("mark");
                }
            }
            if (up != null && !marks && isVerbLike(up)) {
                return up;
            }
            n = up;
        }
        return null;
    }

    /** "denied the reports, calling them fake": a speaking participle under a speech verb, part of that speech act. */
    private boolean elaborates(SemanticGraph graph, IndexedWord trigger) {
        IndexedWord above = "VBG".equals(trigger.tag()) ? clauseAbove(graph, trigger) : null;
        return above != null && cues.has("SPEECH", lemmaOf(above));
    }

    /**
     * "Kirby said Washington welcomed the effort": a weaker speech verb (welcome, praise, stress, ...) inside what another
     * speech verb reports is part of that report, not a statement of its own.
     */
    private boolean reportedSpeech(SemanticGraph graph, IndexedWord trigger) {
        for (SemanticGraphEdge in : graph.incomingEdgeIterable(trigger)) {
            if (in.getRelation().toString().equals("ccomp") && cues.has("SPEECH", lemmaOf(in.getGovernor()))) {
                return true;
            }
        }
        return false;
    }

    /** "responded to the report by accusing X": a neutral speech verb whose act another speech verb names is that act alone. */
    private boolean answeredBy(SemanticGraph graph, IndexedWord trigger) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(trigger)) {
            String rel = c.getRelation().toString();
            String l = lemmaOf(c.getDependent());
            if ((rel.equals("advcl:by") || rel.equals("obl:by")) && cues.has("SPEECH", l) && !cues.has("KIND_SAID", l)) {
                return true;
            }
        }
        return false;
    }

    /** The entities of the host clause's subject, as speakers; for a subjectless speech verb, the entity named before it. */
    private List<Entity> mainSpeaker(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord host, List<PostFact> posts,
                                     Antecedents antecedents) {
        IndexedWord subject = subject(graph, host);
        if (subject == null) {
            return cues.has("SPEECH", lemmaOf(host)) ? speakerBefore(doc, graph, tokens, host, posts) : List.of();
        }
        List<Entity> out = new ArrayList<>();
        for (Entity e : entities(doc, graph, tokens, subject, false, new TreeSet<>(), posts, false, antecedents)) {
            Entity r = asActor(e, false, posts, doc);
            if (r != null && !out.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** A verb coordinated on the surface ("..., and Seoul said", "... and urged"): "and" before it or before its subject. */
    private static boolean afterAnd(SemanticGraph graph, List<CoreLabel> tokens, IndexedWord verb) {
        int first = verb.index() - 1;
        IndexedWord s = subject(graph, verb);
        if (s != null && s.index() < verb.index()) {
            for (IndexedWord d : graph.descendants(s)) {
                first = Math.min(first, d.index() - 1);
            }
        }
        int k = first - 1;
        while (k >= 0 && tokens.get(k).tag() != null && tokens.get(k).tag().startsWith("RB")) {
            k--;
        }
        return k >= 0 && (tokens.get(k).word().equalsIgnoreCase("and") || tokens.get(k).word().equalsIgnoreCase("but"));
    }

    /** The parties named after "with" on an agreement noun, its verb or its participle clause ("signed agreements with Turkey and the UN"). */
    private List<Entity> withParties(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, Hit h, IndexedWord topic,
                                     List<PostFact> posts, Antecedents antecedents) {
        List<Entity> out = new ArrayList<>();
        List<IndexedWord> holders = new ArrayList<>(List.of(topic, h.trigger()));
        for (SemanticGraphEdge acl : graph.outgoingEdgeIterable(topic)) {
            if (acl.getRelation().toString().equals("acl")) {
                holders.add(acl.getDependent());
                graph.outgoingEdgeIterable(acl.getDependent()).forEach(o -> {
                    if (o.getRelation().toString().equals("obj")) {
                        holders.add(o.getDependent());
                    }
                });
            }
        }
        for (IndexedWord n : holders) {
            for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
                String rel = c.getRelation().toString();
                if (rel.equals("nmod:with") || rel.equals("obl:with")) {
                    for (Entity e : entities(doc, graph, tokens, c.getDependent(), false, new TreeSet<>(), posts, true, antecedents)) {
                        Entity r = asActor(e, false, posts, doc);
                        if (r != null && !out.contains(r)) {
                            out.add(r);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** One event from resolved roles: the sides of talks and deals in IRI order, with factuality, date and evidence span; null for a speech act the text negates. */
    private EventFact fact(Hit h, Map<String, List<Entity>> given, String item, String topic, String kind, TroopCount troops,
                           SemanticGraph graph, List<CoreLabel> tokens, Set<Integer> used, Offsets offsets, OccasionDates dates) {
        Map<String, List<Entity>> roles = new LinkedHashMap<>(given);
        if (h.type() == EventType.CONTACT || h.type() == EventType.AGREEMENT) {
            List<Entity> parties = new ArrayList<>(roles.get("agent"));
            for (Entity e : roles.get("participant")) {
                if (!parties.contains(e)) {
                    parties.add(e);
                }
            }
            parties.sort(Comparator.comparing(Entity::iri));
            roles.put("agent", List.of(parties.get(0)));
            roles.put("participant", List.copyOf(parties.subList(1, parties.size())));
        }
        IndexedWord root = graph.getFirstRoot();
        IndexedWord host = h.type() == EventType.STATEMENT ? host(graph, tokens, h.trigger()) : null;
        if (host == null && h.type() == EventType.STATEMENT && !h.trigger().equals(root) && afterAnd(graph, tokens, h.trigger())
            && cues.has("SPEECH", lemmaOf(root))) {
            host = root;
        }
        // A speech act named by a noun is not undone by what others do with it ("Seoul's accusation was rejected").
        boolean spokenNoun = h.type() == EventType.STATEMENT && h.trigger().tag() != null && h.trigger().tag().startsWith("NN");
        Factuality fact = factuality.decide(cuesAround(graph, h.trigger(), spokenNoun ? 1 : 5));
        if (host != null && fact != Factuality.NEGATED) {
            // A verb with its own subject ("..., and Seoul said") keeps its own cues; one without takes its host's.
            fact = factuality.decide(subject(graph, h.trigger()) != null ? cuesAround(graph, h.trigger(), 1) : cuesAround(graph, host, 5));
        }
        if (h.type() == EventType.STATEMENT && fact == Factuality.NEGATED) {
            return null;
        }
        EventDate date = dates.date(h.sentence(), graph, tokens, h.trigger());
        if (date == null && h.governor() != null) {
            date = dates.date(h.sentence(), graph, tokens, h.governor());
        }
        if (date == null && host != null) {
            date = dates.date(h.sentence(), graph, tokens, host);
        }
        int first = used.stream().min(Integer::compare).orElseThrow();
        int last = used.stream().max(Integer::compare).orElseThrow();
        int b = tokens.get(first).beginPosition();
        int e = tokens.get(last).endPosition();
        Span span = offsets.span(h.sentence() + 1, b, e);
        return new EventFact(h.type(), List.copyOf(roles.get("agent")), List.copyOf(roles.get("participant")),
            List.copyOf(roles.get("target")), List.copyOf(roles.get("recipient")), List.copyOf(roles.get("destination")),
            List.copyOf(roles.get("location")), item, topic, kind, troops, date, fact, List.of(span));
    }

    /**
     * Whether a mention names enough; a deployment without a named place still counts when it gives a troop count (see
     * {@link #placeless}), a transfer with one side only when the sentence gives no other (see {@link #oneSided}).
     */
    private static boolean complete(EventType type, Map<String, List<Entity>> roles, String item, String kind, TroopCount troops) {
        Set<Entity> sides = new HashSet<>(roles.get("agent"));
        sides.addAll(roles.get("participant"));
        int parties = sides.size();
        return switch (type) {
            case VISIT -> !roles.get("agent").isEmpty() && !roles.get("destination").isEmpty();
            case CONTACT, AGREEMENT -> parties >= 2;
            case DEPLOYMENT -> !roles.get("agent").isEmpty() && (!roles.get("location").isEmpty() || troops != null);
            case TRANSFER -> item != null && (!roles.get("agent").isEmpty() || !roles.get("recipient").isEmpty());
            case STATEMENT -> !roles.get("agent").isEmpty() && kind != null;
        };
    }

    private static IndexedWord first(Set<IndexedWord> nodes) {
        return nodes == null || nodes.isEmpty() ? null : nodes.iterator().next();
    }

    /**
     * The entities a node names: its own mention, else one in its compound, flat, appositive or loosely attached words,
     * else the state or organisation of a government (or, for sides of talks and deals, a delegation), else the holder of
     * a title or of "the head of" a state or organisation, else for "the two countries" the last two states conjoined, for
     * "the two leaders" the last two persons who met or were conjoined, for "their ministers" as sides the last two states,
     * else for "it" the state or organisation that reports the pronoun's clause; plus its conjuncts.
     */
    private List<Entity> entities(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n,
                                  boolean owners, Set<Integer> used, List<PostFact> posts, boolean delegations, Antecedents antecedents) {
        return entities(doc, graph, tokens, n, owners, used, posts, delegations, antecedents, 0);
    }

    /** As above, {@code depth} words deep in the references a pronoun or a government noun follows (at most four). */
    private List<Entity> entities(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n,
                                  boolean owners, Set<Integer> used, List<PostFact> posts, boolean delegations, Antecedents antecedents,
                                  int depth) {
        if (depth > 4) {
            return List.of();
        }
        List<Entity> out = new ArrayList<>();
        List<IndexedWord> heads = new ArrayList<>();
        heads.add(n);
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            if (c.getRelation().toString().startsWith("conj")) {
                heads.add(c.getDependent());
            }
        }
        for (int i = 0; i < heads.size(); i++) {
            IndexedWord w = heads.get(i);
            Mention m = mention(doc, tokens, w);
            Entity role = m != null && m.entity() != null && m.entity().kind() == Kind.ROLE ? m.entity() : null;
            if (m != null && (m.entity() == null || m.entity().kind() == Kind.ROLE)) {
                m = null;
            }
            if (m == null) {
                for (String rel : ENTITY_CHILDREN) {
                    for (SemanticGraphEdge c : graph.outgoingEdgeIterable(w)) {
                        if (m == null && c.getRelation().toString().equals(rel)) {
                            Mention cm = mention(doc, tokens, c.getDependent());
                            if ((cm == null || cm.entity() == null) && rel.equals("appos")) {
                                // "the special envoy, the Laotian diplomat X": the name under the appositive's own noun.
                                for (SemanticGraphEdge cc : graph.outgoingEdgeIterable(c.getDependent())) {
                                    Mention inner = ENTITY_CHILDREN.contains(cc.getRelation().toString()) ? mention(doc, tokens, cc.getDependent()) : null;
                                    cm = cm == null || cm.entity() == null ? inner : cm;
                                }
                            }
                            if (cm != null && cm.entity() != null && cm.entity().kind() != Kind.ROLE) {
                                m = cm;
                                used.add(c.getDependent().index() - 1);
                                conjoinedSiblings(graph, w, c.getDependent(), rel).stream().filter(x -> !heads.contains(x)).forEach(heads::add);
                            }
                        }
                    }
                }
            } else {
                for (SemanticGraphEdge c : graph.outgoingEdgeIterable(w)) {
                    Mention cm = c.getRelation().toString().equals("appos") ? mention(doc, tokens, c.getDependent()) : null;
                    if (cm != null && cm.entity() != null && cm.entity().kind() == m.entity().kind() && !cm.entity().equals(m.entity())
                        && !heads.contains(c.getDependent())) {
                        heads.add(c.getDependent());
                    }
                }
            }
            String word = w.word().toLowerCase(Locale.ROOT);
            if (m == null && word.equals("it")) {
                Entity speaker = reportingSubject(doc, graph, tokens, w);
                if (speaker != null && !out.contains(speaker)) {
                    out.add(speaker);
                    used.add(w.index() - 1);
                }
                continue;
            }
            if (m == null && (word.equals("it") || word.equals("its") || word.equals("they") || word.equals("their"))) {
                IndexedWord ante = antecedent(graph, w);
                if (ante != null) {
                    boolean singular = word.startsWith("it");
                    for (Entity e : entities(doc, graph, tokens, ante, false, new TreeSet<>(), posts, delegations, antecedents, depth + 1)) {
                        if ((!singular || e.isOrganisational()) && !out.contains(e)) {
                            out.add(e);
                            used.add(w.index() - 1);
                        }
                    }
                }
                continue;
            }
            List<Entity> two = m != null || !(hasChild(graph, w, "two") || hasChild(graph, w, "both")) ? List.of()
                : cues.has("PAIR_NOUN", word) ? antecedents.states()
                : cues.has("PAIR_PERSON_NOUN", word) ? (antecedents.people().isEmpty() ? antecedents.states() : antecedents.people()) : List.of();
            if (m == null && delegations && two.isEmpty() && "NNS".equals(w.tag()) && hasChild(graph, w, "their")
                && (cues.has("PAIR_PERSON_NOUN", word) || cues.has("GOVERNMENT_NOUN", word) || cues.has("DELEGATION_NOUN", word))) {
                two = antecedents.states();
            }
            if (two.size() == 2) {
                two.stream().filter(e -> !out.contains(e)).forEach(out::add);
                used.add(w.index() - 1);
                continue;
            }
            List<Entity> leaders = m == null && cues.has("DELEGATION_NOUN", word) ? leadersOf(doc, graph, tokens, w, posts, depth) : List.of();
            if (!leaders.isEmpty()) {
                leaders.stream().filter(e -> !out.contains(e)).forEach(out::add);
                used.add(w.index() - 1);
                continue;
            }
            if (m == null && (cues.has("GOVERNMENT_NOUN", word) || delegations && cues.has("DELEGATION_NOUN", word))) {
                for (SemanticGraphEdge c : graph.outgoingEdgeIterable(w)) {
                    String rel = c.getRelation().toString();
                    if (rel.equals("nmod:of") || rel.equals("amod") || rel.equals("nmod:poss")) {
                        for (Entity e : entities(doc, graph, tokens, c.getDependent(), false, used, posts, false, Antecedents.NONE, depth + 1)) {
                            if (e.isOrganisational() && !out.contains(e)) {
                                out.add(e);
                            }
                        }
                    }
                }
                continue;
            }
            Entity holder = m == null && role != null ? holder(doc, graph, tokens, w, role, posts) : null;
            if (m == null && role == null && cues.has("HEAD_NOUN", w.lemma() == null ? "" : w.lemma().toLowerCase(Locale.ROOT))) {
                holder = head(doc, graph, tokens, w, posts);
            }
            if (m != null && m.entity() != null && m.entity().kind() != Kind.ROLE) {
                out.add(m.entity());
                used.add(w.index() - 1);
            } else if (holder != null) {
                out.add(holder);
                used.add(w.index() - 1);
            } else if (owners) {
                List<Entity> own = owners(doc, graph, tokens, w, used);
                Entity org = own.isEmpty() && m == null ? organisationAntecedent(doc, tokens, w) : null;
                out.addAll(org == null ? own : List.of(org));
            } else if (m == null && hasChild(graph, w, "the")) {
                Entity org = organisationAntecedent(doc, tokens, w);
                if (org != null && !out.contains(org)) {
                    out.add(org);
                    used.add(w.index() - 1);
                }
            }
        }
        return out;
    }

    /** "a US delegation led by X and Y": the persons who lead a delegation stand for it. */
    private List<Entity> leadersOf(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord delegation,
                                   List<PostFact> posts, int depth) {
        List<Entity> out = new ArrayList<>();
        for (SemanticGraphEdge acl : graph.outgoingEdgeIterable(delegation)) {
            if (!acl.getRelation().toString().startsWith("acl") || !"lead".equals(lemmaOf(acl.getDependent()))) {
                continue;
            }
            for (SemanticGraphEdge by : graph.outgoingEdgeIterable(acl.getDependent())) {
                String rel = by.getRelation().toString();
                if (rel.equals("obl:agent") || rel.equals("obl:by")) {
                    entities(doc, graph, tokens, by.getDependent(), false, new TreeSet<>(), posts, false, Antecedents.NONE, depth + 1)
                        .stream().filter(e -> e.kind() == Kind.PERSON && !out.contains(e)).forEach(out::add);
                }
            }
        }
        return out;
    }

    /** "Russia and North Korea pledge", parsed as compounds of "pledge": the other children by {@code rel} conjoined with {@code child}. */
    private static List<IndexedWord> conjoinedSiblings(SemanticGraph graph, IndexedWord parent, IndexedWord child, String rel) {
        List<IndexedWord> out = new ArrayList<>();
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(parent)) {
            IndexedWord d = c.getDependent();
            if (!d.equals(child) && c.getRelation().toString().equals(rel)
                && (graph.containsEdge(child, d) || graph.containsEdge(d, child))
                && (isConj(graph, child, d) || isConj(graph, d, child))) {
                out.add(d);
            }
        }
        return out;
    }

    private static boolean isConj(SemanticGraph graph, IndexedWord gov, IndexedWord dep) {
        for (SemanticGraphEdge e : graph.getAllEdges(gov, dep)) {
            if (e.getRelation().toString().startsWith("conj")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one person the article gives this post ("received North Korea's foreign minister", "told the Russian
     * president"): a title naming its state or organisation must name the post's; a bare title must fit one holder.
     */
    private Entity holder(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord w, Entity role,
                          List<PostFact> posts) {
        List<Entity> owners = owners(doc, graph, tokens, w, new HashSet<>());
        Entity found = null;
        for (PostFact p : posts) {
            boolean fits = p.role() != null && p.role().iri().equals(role.iri())
                && (owners.isEmpty() || p.org() != null && owners.contains(p.org()));
            if (fits && found != null && !found.equals(p.person())) {
                return null;
            }
            found = fits ? p.person() : found;
        }
        return found;
    }

    /**
     * A place that {@link #entities} would miss: "into the region" is the last place named before it, and a state with a
     * place parsed as its of-complement ("in the Republic of the Congo's North Kivu province") is that place.
     */
    private List<Entity> placeEntities(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n) {
        Mention m = mention(doc, tokens, n);
        boolean there = m == null && n.word().equalsIgnoreCase("there");
        if (m == null && (there || cues.has("PLACE_ANAPHOR", n.lemma()) && hasChild(graph, n, "the"))) {
            Entity last = null;
            int before = mentionsBefore(doc, tokens, n);
            for (int i = 0; i < before; i++) {
                Entity e = doc.mentions().get(i).entity();
                last = e != null && e.kind() == Kind.PLACE ? e : last;
            }
            return last == null ? List.of() : List.of(last);
        }
        if (m == null) {
            // "several villages in the Batken region", "the port city of Hodeidah": the place a place noun is in or of.
            for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
                String rel = c.getRelation().toString();
                Mention pm = rel.equals("nmod:in") || rel.equals("nmod:of") || rel.equals("appos") ? mention(doc, tokens, c.getDependent()) : null;
                if (pm != null && pm.entity() != null && (pm.entity().kind() == Kind.PLACE || pm.entity().kind() == Kind.STATE)
                    && cues.has("PLACE_NOUN", lemmaOf(n))) {
                    return List.of(pm.entity());
                }
            }
        }
        if (m != null && m.entity() != null && m.entity().kind() == Kind.STATE) {
            for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
                Mention pm = c.getRelation().toString().equals("nmod:of") ? mention(doc, tokens, c.getDependent()) : null;
                if (pm != null && pm.entity() != null && pm.entity().kind() == Kind.PLACE) {
                    return List.of(pm.entity());
                }
            }
        }
        return List.of();
    }

    /**
     * "A Russian-led military alliance", "the bloc": the last organisation named before the noun, else (a description
     * that the article names later) the first named after it.
     */
    private Entity organisationAntecedent(LinkedDocument doc, List<CoreLabel> tokens, IndexedWord n) {
        if (!cues.has("ORGANISATION_ANAPHOR", n.lemma())) {
            return null;
        }
        int before = mentionsBefore(doc, tokens, n);
        Entity found = null;
        for (int i = 0; i < doc.mentions().size(); i++) {
            Entity e = doc.mentions().get(i).entity();
            if (e != null && e.kind() == Kind.ORGANIZATION && (i < before || found == null)) {
                found = e;
            }
        }
        return found;
    }

    /** How many of the article's mentions begin before a word (mentions are in text order and tokens carry their index). */
    private static int mentionsBefore(LinkedDocument doc, List<CoreLabel> tokens, IndexedWord n) {
        for (int t = n.index() - 2; t >= 0; t--) {
            Integer i = tokens.get(t).get(NkgAnnotations.MentionAnnotation.class);
            if (i != null) {
                return i + 1;
            }
        }
        for (int t = n.index() - 1; t < tokens.size(); t++) {
            Integer i = tokens.get(t).get(NkgAnnotations.MentionAnnotation.class);
            if (i != null) {
                return i;
            }
        }
        return 0;
    }

    /** "The head of NATO", "Myanmar's military chief": the one person the article gives a post in that state or organisation. */
    private Entity head(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord w, List<PostFact> posts) {
        List<Entity> orgs = new ArrayList<>(owners(doc, graph, tokens, w, new HashSet<>()));
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(w)) {
            Mention om = c.getRelation().toString().equals("nmod:of") ? mention(doc, tokens, c.getDependent()) : null;
            if (om != null && om.entity() != null && om.entity().isOrganisational()) {
                orgs.add(om.entity());
            }
        }
        Entity found = null;
        for (PostFact p : posts) {
            if (p.org() != null && orgs.contains(p.org())) {
                if (found != null && !found.equals(p.person())) {
                    return null;
                }
                found = p.person();
            }
        }
        return found;
    }

    /** "North Korean troops", "Pyongyang's soldiers", "troops from Chad": the actors a noun's possessor, adjective or from-phrase names. */
    private List<Entity> owners(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n, Set<Integer> used) {
        List<Entity> out = new ArrayList<>();
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            if (OWNER_CHILDREN.contains(c.getRelation().toString())) {
                Mention m = mention(doc, tokens, c.getDependent());
                if (m != null && m.entity() != null && m.entity().kind() != Kind.ROLE && m.entity().kind() != Kind.PLACE) {
                    out.add(m.entity());
                    used.add(c.getDependent().index() - 1);
                } else if (m == null && c.getDependent().word().toLowerCase(Locale.ROOT).matches("its|their")) {
                    out.addAll(reporterOf(doc, graph, tokens, n, used));
                } else if (m == null && c.getRelation().toString().equals("compound")) {
                    // "Russian air force planes": the owner of the compound noun ("air force") owns the planes.
                    for (SemanticGraphEdge cc : graph.outgoingEdgeIterable(c.getDependent())) {
                        Mention inner = OWNER_CHILDREN.contains(cc.getRelation().toString()) ? mention(doc, tokens, cc.getDependent()) : null;
                        if (inner != null && inner.entity() != null && inner.entity().kind() != Kind.ROLE && inner.entity().kind() != Kind.PLACE
                            && !out.contains(inner.entity())) {
                            out.add(inner.entity());
                            used.add(cc.getDependent().index() - 1);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** "The alliance said that its force numbered ...": the subject of the verb reporting the clause the noun is subject of. */
    private List<Entity> reporterOf(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n, Set<Integer> used) {
        for (SemanticGraphEdge s : graph.incomingEdgeIterable(n)) {
            for (SemanticGraphEdge c : s.getRelation().toString().startsWith("nsubj") ? graph.incomingEdgeIterable(s.getGovernor()) : List.<SemanticGraphEdge>of()) {
                IndexedWord reporter = c.getRelation().toString().equals("ccomp") ? subject(graph, c.getGovernor()) : null;
                if (reporter != null && cues.has("REPORTING", c.getGovernor().lemma())) {
                    return entities(doc, graph, tokens, reporter, true, used, List.of(), false, Antecedents.NONE);
                }
            }
        }
        return List.of();
    }

    private static Mention mention(LinkedDocument doc, List<CoreLabel> tokens, IndexedWord w) {
        int t = w.index() - 1;
        if (t < 0 || t >= tokens.size()) {
            return null;
        }
        Integer i = tokens.get(t).get(NkgAnnotations.MentionAnnotation.class);
        return i == null ? null : doc.mentions().get(i);
    }

    private static Entity asPlace(Entity e) {
        return e.kind() == Kind.PLACE || e.kind() == Kind.STATE ? e : null;
    }

    /** An actor; a capital stands for its state ("deliver radars to Kyiv"); a person acts for their state in deployments and transfers. */
    private Entity asActor(Entity e, boolean forState, List<PostFact> posts, LinkedDocument doc) {
        if (e.kind() == Kind.PLACE) {
            return gazetteer.stateWithCapital(e.iri());
        }
        if (e.kind() == Kind.ROLE) {
            return null;
        }
        if (e.kind() == Kind.ORGANIZATION && e.state() != null && cues.has("STATE_MISSION", lastWord(e.label()))) {
            // "the Russian embassy in Oslo said": an embassy or a government speaks for its state.
            Entity st = gazetteer.state(e.state());
            return st != null ? st : e;
        }
        if (forState && e.kind() == Kind.ORGANIZATION && e.state() != null) {
            Entity st = gazetteer.state(e.state());
            return st != null ? st : e;
        }
        if (!forState || e.kind() != Kind.PERSON) {
            return e;
        }
        for (PostFact p : posts) {
            if (p.person().iri().equals(e.iri()) && p.org() != null && p.org().kind() == Kind.STATE) {
                return p.org();
            }
        }
        return gazetteer.stateOf(e.iri(), doc.date());
    }

    /** "millions of artillery shells", "a batch of missiles", "$500 million in aid": the noun after the quantity word or sum. */
    private IndexedWord throughQuantity(SemanticGraph graph, IndexedWord n) {
        boolean money = "$".equals(n.tag()) || "MONEY".equals(n.ner());
        if (!cues.has("QUANTITY_NOUN", n.lemma()) && !money) {
            return n;
        }
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            String rel = c.getRelation().toString();
            if (rel.equals(money ? "nmod:in" : "nmod:of")) {
                return c.getDependent();
            }
        }
        return n;
    }

    /**
     * The troop count on a forces noun: its number, approximate when modified by "around", "some", "up to" and the like; a
     * formation's number ("four brigades") is no count, but a forces noun set beside it or after of may give one.
     */
    private TroopCount troops(SemanticGraph graph, IndexedWord n) {
        boolean unit = cues.has("FORCE_UNIT", n.lemma());
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            String rel = c.getRelation().toString();
            IndexedWord d = c.getDependent();
            TroopCount tc = rel.equals("nummod") && !unit ? count(graph, d, n)
                : unit && (rel.equals("appos") || rel.startsWith("conj") || rel.equals("nmod:of")) && cues.has("FORCES", d.lemma()) && !cues.has("FORCE_UNIT", d.lemma()) ? troops(graph, d) : null;
            if (tc != null) {
                return tc;
            }
        }
        return null;
    }

    /** The troop count a number gives, with the modifiers of the number and of the noun {@code n} it counts. */
    private TroopCount count(SemanticGraph graph, IndexedWord num, IndexedWord n) {
        Set<String> mods = new HashSet<>();
        collectModifiers(graph, num, mods, 0);
        collectModifiers(graph, n, mods, 1);
        String value = num.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
        if (value == null) {
            Number v = num.get(CoreAnnotations.NumericCompositeValueAnnotation.class);
            value = v == null ? null : v.toString();
        }
        return TroopCount.of(value, mods, cues.get("APPROXIMATE"));
    }

    private static void collectModifiers(SemanticGraph graph, IndexedWord n, Set<String> out, int depth) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            String rel = c.getRelation().toString();
            if (rel.equals("advmod") || rel.equals("amod") || rel.equals("det") || rel.equals("fixed") || rel.equals("case")
                || rel.startsWith("obl") || rel.equals("nmod:npmod")) {
                out.add(c.getDependent().word().toLowerCase(Locale.ROOT));
                if (depth == 0) {
                    collectModifiers(graph, c.getDependent(), out, 1);
                }
            }
        }
    }

    /**
     * A head noun phrase as written: the noun with its compound, adjective and number words, and for topics its of/on
     * complements, as far as they run on from the head unbroken; a hyphenated modifier the parser split ("longer-range")
     * is left out whole.
     */
    private String phrase(SemanticGraph graph, List<CoreLabel> tokens, IndexedWord head, boolean topic) {
        Set<Integer> in = new TreeSet<>();
        collectPhrase(graph, tokens, head, in, topic, 0);
        int first = head.index() - 1;
        int last = head.index() - 1;
        while (in.contains(first - 1) || bridges(tokens, first - 1) && in.contains(first - 2)) {
            first -= in.contains(first - 1) ? 1 : 2;
        }
        while (in.contains(last + 1) || bridges(tokens, last + 1) && in.contains(last + 2)) {
            last += in.contains(last + 1) ? 1 : 2;
        }
        while (first < last && tokens.get(first).get(NkgAnnotations.MentionAnnotation.class) != null) {
            first++;
        }
        while (first + 2 <= last && tokens.get(first).word().equals("-")) {
            first += 2;
        }
        StringBuilder sb = new StringBuilder();
        for (int t = first; t <= last; t++) {
            if (t > first && tokens.get(t).beginPosition() > tokens.get(t - 1).endPosition()) {
                sb.append(' ');
            }
            sb.append(tokens.get(t).originalText());
        }
        return sb.toString().strip();
    }

    /**
     * "satellite and nuclear submarine technology": modifiers conjoined before one head name one item each ("satellite
     * technology", "nuclear submarine technology"); otherwise the phrase itself.
     */
    private static List<String> distributedPhrases(SemanticGraph graph, List<CoreLabel> tokens, IndexedWord head, String phrase) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(head)) {
            IndexedWord first = c.getDependent();
            boolean modifier = c.getRelation().toString().equals("compound") || c.getRelation().toString().equals("amod");
            if (!modifier || first.index() >= head.index() || first.index() >= tokens.size()) {
                continue;
            }
            String cc = tokens.get(first.index()).word().toLowerCase(Locale.ROOT);
            for (SemanticGraphEdge d : graph.outgoingEdgeIterable(first)) {
                int second = d.getDependent().index();
                if (d.getRelation().toString().startsWith("conj") && second < head.index() && (cc.equals("and") || cc.equals("or"))) {
                    String left = text(tokens, first.index() - 1, first.index());
                    String right = text(tokens, first.index() + 1, second);
                    String tail = text(tokens, head.index() - 1, head.index());
                    int at = phrase.indexOf(left + " " + cc + " " + right);
                    if (at >= 0) {
                        String before = phrase.substring(0, at);
                        String after = phrase.substring(at + (left + " " + cc + " " + right).length());
                        return after.endsWith(tail) ? List.of(before + left + after, before + right + after) : List.of(phrase);
                    }
                }
            }
        }
        return List.of(phrase);
    }

    /** Tokens {@code [from, to)} as written. */
    private static String text(List<CoreLabel> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int t = from; t < to; t++) {
            if (t > from && tokens.get(t).beginPosition() > tokens.get(t - 1).endPosition()) {
                sb.append(' ');
            }
            sb.append(tokens.get(t).originalText());
        }
        return sb.toString();
    }

    /** One fact per item when the item phrase was distributed over conjoined modifiers. */
    private static List<EventFact> distributed(EventFact f) {
        if (f.item() == null || !f.item().contains(ITEM_SEPARATOR)) {
            return List.of(f);
        }
        List<EventFact> out = new ArrayList<>();
        for (String item : f.item().split(ITEM_SEPARATOR)) {
            out.add(new EventFact(f.type(), f.agents(), f.participants(), f.targets(), f.recipients(), f.destinations(), f.locations(),
                item, f.topic(), f.kind(), f.troops(), f.date(), f.factuality(), f.evidence()));
        }
        return out;
    }

    /** A token a phrase may run across: a conjunction, a hyphen or a named mention ("rockets and missiles", "ATACMS missiles"). */
    private static boolean bridges(List<CoreLabel> tokens, int t) {
        if (t < 0 || t >= tokens.size()) {
            return false;
        }
        String w = tokens.get(t).word().toLowerCase(Locale.ROOT);
        return w.equals("and") || w.equals("or") || w.equals("-") || tokens.get(t).get(NkgAnnotations.MentionAnnotation.class) != null;
    }

    private void collectPhrase(SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n, Set<Integer> in, boolean topic, int depth) {
        in.add(n.index() - 1);
        if (depth > 3) {
            return;
        }
        boolean dropConjunct = false;
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            dropConjunct |= !topic && depth == 0 && c.getRelation().toString().startsWith("conj") && notTransferred(graph, c.getDependent());
        }
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            String rel = c.getRelation().toString();
            IndexedWord d = c.getDependent();
            if (dropConjunct && (rel.equals("cc") || rel.startsWith("conj") && notTransferred(graph, d))) {
                continue;
            }
            boolean supplyGerund = "VBG".equals(d.tag()) && cues.has("TRANSFER_VERB", d.lemma());
            if (cues.has("PHRASE_SKIP", d.lemma()) || supplyGerund || d.index() < n.index() - 6 || d.index() > n.index() + 8) {
                continue;
            }
            boolean hyphenated = d.index() == n.index() + 2 && tokens.get(n.index()).word().equals("-");
            boolean take = PHRASE_CHILDREN.contains(rel) && (d.index() < n.index() || hyphenated)
                || rel.startsWith("conj") && d.index() > n.index() && depth == 0
                || rel.equals("cc") && d.index() > n.index() && depth == 0
                || topic && (rel.equals("nmod:of") || rel.equals("nmod:on") || rel.equals("acl:on")) && d.index() > n.index()
                || rel.equals("case") && depth > 0
                || rel.equals("hyphen") || rel.equals("punct") && d.word().equals("-");
            if (take && tokens.get(d.index() - 1).get(NkgAnnotations.MentionAnnotation.class) == null && !isTime(tokens.get(d.index() - 1))) {
                collectPhrase(graph, tokens, d, in, topic, depth + 1);
            }
        }
    }

    /** "military aid and intelligence sharing": a conjunct that is no transfer, left out of an item. */
    private boolean notTransferred(SemanticGraph graph, IndexedWord n) {
        if (cues.has("NOT_TRANSFERRED", n.lemma())) {
            return true;
        }
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            if (c.getRelation().toString().equals("compound") && cues.has("NOT_TRANSFERRED", c.getDependent().lemma())) {
                return true;
            }
        }
        return false;
    }

    /** A date or time word, which belongs to the event's date, never to its topic ("a pact on Wednesday"). */
    private static boolean isTime(CoreLabel token) {
        String ner = token.ner();
        return "DATE".equals(ner) || "TIME".equals(ner) || "DURATION".equals(ner) || "SET".equals(ner);
    }

    /** "agreed to restore diplomatic relations": the agreed action as a noun with its object, "restoration of diplomatic relations". */
    private String actionTopic(SemanticGraph graph, List<CoreLabel> tokens, IndexedWord action) {
        String lemma = action.lemma() == null ? "" : action.lemma().toLowerCase(Locale.ROOT);
        String noun = null;
        for (String pair : cues.get("NOMINALISATION")) {
            if (pair.startsWith(lemma + ":")) {
                noun = pair.substring(lemma.length() + 1);
            }
        }
        if (noun == null) {
            return null;
        }
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(action)) {
            if (c.getRelation().toString().equals("obj")) {
                return noun + " of " + phrase(graph, tokens, pastDuration(graph, tokens, c.getDependent()), false);
            }
        }
        return noun;
    }

    /**
     * What an agreement noun says was agreed, when it says so: the action of its to-clause ("an agreement to end their
     * dispute" gives "end of their dispute"), the agreement it is on ("reached agreement on a ceasefire" gives
     * "ceasefire"), or for a document noun what it is for or on ("a contract for the construction of a plant", "a joint
     * statement on further deepening the partnership"); else null, and the noun phrase itself is the topic.
     */
    private String agreedAction(SemanticGraph graph, List<CoreLabel> tokens, IndexedWord topic) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(topic)) {
            String rel = c.getRelation().toString();
            IndexedWord d = c.getDependent();
            if ((rel.equals("acl:to") || rel.equals("acl")) && isVerbLike(d) && d.index() > topic.index()) {
                String a = actionTopic(graph, tokens, d);
                if (a != null) {
                    return a;
                }
            }
            if (rel.equals("nmod:on") && cues.has("AGREEMENT_NOUN", lemmaOf(d)) && !cues.has("AGREEMENT_NOUN", lemmaOf(topic))) {
                return phrase(graph, tokens, d, true);
            }
            boolean document = cues.has("AGREEMENT_DOCUMENT", lemmaOf(topic));
            if (document && (rel.equals("acl:on") || rel.equals("acl:for") || rel.equals("nmod:on") || rel.equals("nmod:for"))
                && "VBG".equals(d.tag())) {
                String a = actionTopic(graph, tokens, d);
                if (a != null) {
                    return a;
                }
            }
            if (document && (rel.equals("nmod:for") || rel.equals("nmod:on")) && cues.has("ACTION_NOUN", lemmaOf(d))) {
                return phrase(graph, tokens, d, true);
            }
        }
        return null;
    }

    /** "halt six weeks of fighting": a length of time with an of-complement stands for that complement. */
    private static IndexedWord pastDuration(SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n) {
        if (!isTime(tokens.get(n.index() - 1))) {
            return n;
        }
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            if (c.getRelation().toString().equals("nmod:of") || c.getRelation().toString().equals("acl:of")) {
                return c.getDependent();
            }
        }
        return n;
    }

    /** The statement kind from the trigger's lemma ("call on/for" is called-for). */
    private String statementKind(SemanticGraph graph, IndexedWord trigger) {
        String lemma = trigger.lemma() == null ? "" : trigger.lemma().toLowerCase(Locale.ROOT);
        for (String kind : List.of("ACCUSED", "DENIED", "CALLED_FOR", "ANNOUNCED", "CONDEMNED", "THREATENED", "WARNED", "SAID")) {
            if (cues.has("KIND_" + kind, lemma)) {
                IndexedWord next = graph.getNodeByIndexSafe(trigger.index() + 1);
                boolean particle = next != null && (next.word().equalsIgnoreCase("on") || next.word().equalsIgnoreCase("for"));
                if (kind.equals("CALLED_FOR") && lemma.equals("call") && !particle && !hasChild(graph, trigger, "for", "on")) {
                    return describes(graph, trigger) ? "said" : null;
                }
                return kind.toLowerCase(Locale.ROOT).replace('_', '-');
            }
        }
        return null;
    }

    /** "called the proposal a positive one": a nominal or adjectival complement describing the object (or the adjective parsed as object). */
    private static boolean describes(SemanticGraph graph, IndexedWord n) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            String tag = c.getDependent().tag();
            String rel = c.getRelation().toString();
            if ((rel.equals("xcomp") && tag != null && (tag.startsWith("NN") || tag.startsWith("JJ")) || rel.equals("obj") && "JJ".equals(tag))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasChild(SemanticGraph graph, IndexedWord n, String... words) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            for (String w : words) {
                String rel = c.getRelation().toString();
                if (rel.endsWith(":" + w) || c.getDependent().word().equalsIgnoreCase(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Cue words around a trigger, nearest first (a negation before the modal beside it: "would not send"): its negation,
     * adverbs and auxiliaries, then each
     * governor (through xcomp, ccomp, adverbial and of-clauses, clausal modifiers, objects of light
     * verbs and conjunctions) with its own such words, up to a clause that a neutral verb reports. A relative clause
     * states its own fact ("the deal they had reached"), and so does a clause of time, contrast or cause ("..., while
     * Peskov accused ..."), so the search does not leave them; nor does a speech verb the parser hangs loosely on what it
     * reports ("Hungary will not send troops, the minister said"). {@code levels} bounds how many words up it looks (1: the trigger's own).
     */
    List<String> cuesAround(SemanticGraph graph, IndexedWord trigger, int levels) {
        List<String> out = new ArrayList<>();
        IndexedWord n = trigger;
        Set<IndexedWord> seen = new HashSet<>();
        boolean sibling = false;
        IndexedWord subject = subject(graph, trigger);
        if (subject != null) {
            for (SemanticGraphEdge c : graph.outgoingEdgeIterable(subject)) {
                String rel = c.getRelation().toString();
                String l = lemmaOf(c.getDependent());
                if ((rel.equals("det") || rel.equals("cc:preconj")) && cues.has("NEGATION", l)) {
                    out.add(l);
                }
            }
        }
        for (int level = 0; level < levels && n != null && seen.add(n); level++) {
            boolean reportNoun = level > 0 && !isVerbLike(n) && cues.has("REPORTING", n.lemma() == null ? "" : n.lemma().toLowerCase(Locale.ROOT));
            if (level > 0 && !sibling && !reportNoun) {
                out.add(lemmaWithParticle(graph, n));
            }
            List<String> own = new ArrayList<>();
            for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
                String rel = c.getRelation().toString();
                if (rel.equals("advmod") || rel.equals("aux") || rel.equals("det") || rel.equals("cc:preconj")
                    || rel.equals("aux:pass") || rel.equals("amod") && level == 0) {
                    String l = c.getDependent().lemma();
                    if (l != null && !cues.has("REPORTING", l)) {
                        own.add(l.toLowerCase(Locale.ROOT));
                    }
                }
            }
            own.sort(Comparator.comparing(l -> !cues.has("NEGATION", l)));
            out.addAll(own);
            if (level == 0 && cues.has("PROMISE", n.lemma() == null ? "" : n.lemma().toLowerCase(Locale.ROOT))) {
                out.add(n.lemma().toLowerCase(Locale.ROOT));
            }
            if (level > 0 && !sibling && !reportNoun && cues.has("REPORTING", out.get(out.size() - 1))) {
                break;
            }
            IndexedWord next = null;
            sibling = false;
            for (SemanticGraphEdge in : graph.incomingEdgeIterable(n)) {
                String rel = in.getRelation().toString();
                if (next == null && rel.startsWith("conj")) {
                    IndexedWord mine = subject(graph, n);
                    IndexedWord theirs = subject(graph, in.getGovernor());
                    if (mine != null && theirs != null && !mine.equals(theirs)) {
                        break;
                    }
                    sibling = true;
                }
                boolean relative = rel.equals("acl:relcl") || rel.equals("ccomp") && cues.has("AGREEMENT_NOUN", lemmaOf(in.getGovernor()));
                boolean asserted = rel.startsWith("advcl:") && cues.has("ASSERTED_CLAUSE", rel.substring("advcl:".length()))
                    || level == 0 && (rel.equals("dep") || rel.equals("parataxis")) && cues.has("SPEECH", lemmaOf(n));
                if (next == null && !relative && !asserted && (rel.equals("xcomp") || rel.equals("ccomp") || rel.startsWith("advcl") || rel.equals("amod")
                    || rel.startsWith("acl") || rel.equals("obl:of") || rel.equals("nmod:of") || rel.equals("nmod:for") || rel.equals("obl:for") || rel.equals("nmod:including") || rel.equals("obj") || rel.equals("dep") && isVerbLike(n)
                    || rel.equals("nsubj:pass") || rel.startsWith("conj") || rel.equals("obl:to") && isVerbLike(n))) {
                    next = in.getGovernor();
                }
            }
            n = next;
        }
        return out;
    }

    private static String lastWord(String label) {
        String[] ws = label.toLowerCase(Locale.ROOT).split("\\s+");
        return ws[ws.length - 1];
    }

    private static String lemmaOf(IndexedWord n) {
        return n.lemma() == null ? "" : n.lemma().toLowerCase(Locale.ROOT);
    }

    private static IndexedWord subject(SemanticGraph graph, IndexedWord n) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            if (c.getRelation().toString().startsWith("nsubj")) {
                return c.getDependent();
            }
        }
        return null;
    }

    private static boolean isVerbLike(IndexedWord n) {
        return n.tag() != null && n.tag().startsWith("VB");
    }

    private static String lemmaWithParticle(SemanticGraph graph, IndexedWord n) {
        String l = n.lemma() == null ? n.word() : n.lemma();
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            if (c.getRelation().toString().equals("compound:prt")) {
                return (l + "_" + c.getDependent().word()).toLowerCase(Locale.ROOT);
            }
        }
        return l.toLowerCase(Locale.ROOT);
    }

    /**
     * One fact per event: mentions with the same type, roles, item, kind and status merge when their
     * dates and counts agree, keeping the most specific; a denial merges into the same event stated
     * elsewhere, and an alleged event into the same event reported.
     */
    static List<EventFact> merge(List<EventFact> facts) {
        List<EventFact> out = new ArrayList<>();
        for (EventFact f : facts) {
            boolean merged = false;
            for (int i = 0; i < out.size() && !merged; i++) {
                EventFact o = out.get(i);
                if (sameCore(o, f) && compatible(o, f)) {
                    out.set(i, combine(o, f));
                    merged = true;
                }
            }
            if (!merged) {
                out.add(f);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < out.size() && !changed; i++) {
                for (int j = 0; j < out.size() && !changed; j++) {
                    EventFact weak = out.get(i);
                    EventFact strong = out.get(j);
                    if (i != j && absorbs(strong.factuality(), weak.factuality()) && roleKey(strong).equals(roleKey(weak))
                        && compatible(strong, weak)) {
                        out.set(j, combine(strong, weak));
                        out.remove(i);
                        changed = true;
                    }
                }
            }
        }
        return out;
    }

    private static boolean absorbs(Factuality stronger, Factuality weaker) {
        return weaker == Factuality.NEGATED && stronger != Factuality.NEGATED
            || weaker == Factuality.ALLEGED && stronger == Factuality.REPORTED;
    }

    /** What makes two mentions one event: type, roles, item and kind; where talks were held does not tell two apart. */
    private static String roleKey(EventFact f) {
        String where = f.type() == EventType.CONTACT ? "" : iris(f.locations());
        return f.type() + "|" + iris(f.agents()) + "|" + iris(f.participants()) + "|" + iris(f.recipients()) + "|"
            + iris(f.destinations()) + "|" + where + "|" + normal(f.item()) + "|" + f.kind();
    }

    private static boolean sameCore(EventFact a, EventFact b) {
        return roleKey(a).equals(roleKey(b)) && a.factuality() == b.factuality();
    }

    private static boolean compatible(EventFact a, EventFact b) {
        boolean dates = a.date() == null || b.date() == null || a.date().contains(b.date()) || b.date().contains(a.date());
        boolean counts = a.troops() == null || b.troops() == null || a.troops().count() == b.troops().count();
        return dates && counts;
    }

    private static EventFact combine(EventFact a, EventFact b) {
        EventDate date = b.date() != null && b.date().finerThan(a.date()) ? b.date() : a.date();
        TroopCount troops = a.troops() != null ? a.troops() : b.troops();
        String topic = a.topic() == null || b.topic() != null && b.topic().length() > a.topic().length() ? b.topic() : a.topic();
        List<Span> ev = new ArrayList<>(a.evidence());
        for (Span s : b.evidence()) {
            if (!ev.contains(s)) {
                ev.add(s);
            }
        }
        List<Entity> targets = new ArrayList<>(a.targets());
        b.targets().stream().filter(t -> !targets.contains(t)).forEach(targets::add);
        return new EventFact(a.type(), a.agents(), a.participants(), List.copyOf(targets), a.recipients(), a.destinations(),
            a.locations().isEmpty() ? b.locations() : a.locations(), a.item(), topic, a.kind(), troops, date, a.factuality(), List.copyOf(ev));
    }

    private static String iris(List<Entity> es) {
        return String.join(",", es.stream().map(Entity::iri).sorted().toList());
    }

    private static String normal(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
