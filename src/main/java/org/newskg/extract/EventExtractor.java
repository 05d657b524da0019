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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    public EventExtractor(Cues cues, Gazetteer gazetteer) {
        this.cues = cues;
        this.gazetteer = gazetteer;
        this.factuality = new FactualityRules(cues);
        for (EventType t : EventType.values()) {
            rules.put(t, SemgrexRuleFile.load(t.ruleFile(), cues));
        }
    }

    /** The rule file of an event type. */
    public SemgrexRuleFile rules(EventType type) {
        return rules.get(type);
    }

    /** A rule match before resolution: the trigger and the nodes of each named role. */
    private record Hit(EventType type, int sentence, IndexedWord trigger, Map<String, Set<IndexedWord>> nodes) {}

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
        List<Entity> pair = List.of();
        for (int si = 0; si < sentences.size(); si++) {
            CoreMap sentence = sentences.get(si);
            SemanticGraph graph = sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
            if (graph == null || graph.isEmpty()) {
                continue;
            }
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            dates.addSentence(si, graph, tokens);
            pair = statePair(doc, graph, tokens, pair);
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
                            k -> new Hit(type, index, t, new LinkedHashMap<>()));
                        for (String name : m.getNodeNames()) {
                            if (!name.equals("trigger") && m.getNode(name) != null) {
                                h.nodes().computeIfAbsent(name, k -> new LinkedHashSet<>()).add(m.getNode(name));
                            }
                        }
                    }
                }
            }
            List<EventFact> here = new ArrayList<>();
            for (Hit h : hits.values()) {
                EventFact f = resolve(doc, graph, tokens, sentence, h, posts, offsets, text, dates, pair);
                if (f != null) {
                    here.addAll(distributed(f));
                } else if (h.type() == EventType.AGREEMENT && !h.nodes().containsKey("agent") && h.nodes().containsKey("topic")) {
                    datePrevious(found, dates.date(h.sentence(), graph, tokens, h.trigger()));
                }
            }
            if (!OccasionDates.namesTime(tokens)) {
                List<EventFact> before = previous;
                here.replaceAll(f -> continuing(f, before));
            }
            found.addAll(here);
            previous = here;
        }
        return merge(cityOverState(placeless(oneSided(found, partners(found, posts, doc)))));
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

    /** A visit to a state by someone the article also takes to that state's capital is the visit to the capital. */
    private List<EventFact> cityOverState(List<EventFact> facts) {
        List<EventFact> out = new ArrayList<>();
        for (EventFact f : facts) {
            Entity capital = f.type() == EventType.VISIT && f.destinations().size() == 1 && f.destinations().get(0).kind() == Kind.STATE
                ? gazetteer.capital(f.destinations().get(0).iri()) : null;
            boolean there = capital != null && facts.stream().anyMatch(o -> o.type() == EventType.VISIT
                && o.agents().equals(f.agents()) && o.destinations().contains(capital));
            out.add(!there ? f : f.withDestinations(List.of(capital)));
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

    /** The last two states a sentence conjoins ("India and China", "Indian and Chinese troops"), else the pair so far. */
    private static List<Entity> statePair(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, List<Entity> pair) {
        List<Entity> found = pair;
        for (SemanticGraphEdge e : graph.edgeListSorted()) {
            if (e.getRelation().toString().startsWith("conj")) {
                Mention a = mention(doc, tokens, e.getGovernor());
                Mention b = mention(doc, tokens, e.getDependent());
                if (a != null && b != null && a.entity() != null && b.entity() != null && a.entity().kind() == Kind.STATE
                    && b.entity().kind() == Kind.STATE && !a.entity().equals(b.entity())) {
                    found = List.of(a.entity(), b.entity());
                }
            }
        }
        return found;
    }

    /** "The pact was signed on Wednesday": a partyless mention of an agreement dates the last undated agreement before it. */
    private static void datePrevious(List<EventFact> found, EventDate date) {
        for (int i = found.size() - 1; i >= 0 && date != null; i--) {
            EventFact f = found.get(i);
            if (f.type() == EventType.AGREEMENT) {
                if (f.date() == null) {
                    found.set(i, f.withDate(date));
                }
                return;
            }
        }
    }

    /**
     * An undated statement or visit in a sentence that names no time, by a speaker or visitor who took
     * part in a dated event of the sentence before, continues that occasion ("X met Y on Monday. Y told him ...").
     */
    private static EventFact continuing(EventFact f, List<EventFact> previous) {
        if (f.type() != EventType.STATEMENT && f.type() != EventType.VISIT || f.date() != null) {
            return f;
        }
        for (EventFact p : previous) {
            if (p.date() != null && p.type() != EventType.STATEMENT && p.type() != f.type()
                && (p.agents().containsAll(f.agents()) || p.participants().containsAll(f.agents()))) {
                return f.withDate(p.date());
            }
        }
        return f;
    }

    private EventFact resolve(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, CoreMap sentence,
                              Hit h, List<PostFact> posts, Offsets offsets, String text, OccasionDates dates, List<Entity> pair) {
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
                for (Entity e : !named.isEmpty() ? named : entities(doc, graph, tokens, n, place ? false : forState, used, posts, sides, pair)) {
                    Entity r = place ? asPlace(e) : asActor(e, forState, posts, doc);
                    if (r != null && !es.contains(r)) {
                        es.add(r);
                    }
                }
            }
            roles.put(role, es);
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
                return null;
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
        String topic = topicNode == null ? null : phrase(graph, tokens, topicNode, true);
        IndexedWord action = first(h.nodes().get("action"));
        if (topic == null && action != null) {
            topic = actionTopic(graph, tokens, action);
        }
        if (topicNode != null) {
            used.add(topicNode.index() - 1);
        }
        String kind = h.type() == EventType.STATEMENT ? statementKind(graph, h.trigger()) : null;
        boolean unresolvedSide = h.type() == EventType.TRANSFER && (h.nodes().containsKey("agent") && roles.get("agent").isEmpty()
            || h.nodes().containsKey("recipient") && roles.get("recipient").isEmpty());
        if (unresolvedSide || !complete(h.type(), roles, item, kind, troops)) {
            return null;
        }
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
        Factuality fact = factuality.decide(cuesAround(graph, h.trigger()));
        EventDate date = dates.date(h.sentence(), graph, tokens, h.trigger());
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
     * a title or of "the head of" a state or organisation, else for "the two countries" the last two states conjoined, else for "it" the state or organisation that
     * reports the pronoun's clause; plus its conjuncts.
     */
    private List<Entity> entities(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n,
                                  boolean owners, Set<Integer> used, List<PostFact> posts, boolean delegations, List<Entity> pair) {
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
                            if (cm != null && cm.entity() != null && cm.entity().kind() != Kind.ROLE) {
                                m = cm;
                                used.add(c.getDependent().index() - 1);
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
            if (m == null && pair.size() == 2 && cues.has("PAIR_NOUN", word) && (hasChild(graph, w, "two") || hasChild(graph, w, "both"))) {
                pair.stream().filter(e -> !out.contains(e)).forEach(out::add);
                used.add(w.index() - 1);
                continue;
            }
            if (m == null && (cues.has("GOVERNMENT_NOUN", word) || delegations && cues.has("DELEGATION_NOUN", word))) {
                for (SemanticGraphEdge c : graph.outgoingEdgeIterable(w)) {
                    String rel = c.getRelation().toString();
                    if (rel.equals("nmod:of") || rel.equals("amod") || rel.equals("nmod:poss")) {
                        for (Entity e : entities(doc, graph, tokens, c.getDependent(), false, used, posts, false, List.of())) {
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
            }
        }
        return out;
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
        if (m == null && cues.has("PLACE_ANAPHOR", n.lemma()) && hasChild(graph, n, "the")) {
            Entity last = null;
            int before = mentionsBefore(doc, tokens, n);
            for (int i = 0; i < before; i++) {
                Entity e = doc.mentions().get(i).entity();
                last = e != null && e.kind() == Kind.PLACE ? e : last;
            }
            return last == null ? List.of() : List.of(last);
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
                    return entities(doc, graph, tokens, reporter, true, used, List.of(), false, List.of());
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
            if (c.getRelation().toString().equals(money ? "nmod:in" : "nmod:of")) {
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
                    && !isTime(tokens.get(d.index() - 1))
                || rel.equals("case") && depth > 0
                || rel.equals("hyphen") || rel.equals("punct") && d.word().equals("-");
            if (take && tokens.get(d.index() - 1).get(NkgAnnotations.MentionAnnotation.class) == null) {
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
                return noun + " of " + phrase(graph, tokens, c.getDependent(), false);
            }
        }
        return noun;
    }

    /** The statement kind from the trigger's lemma ("call on/for" is called-for). */
    private String statementKind(SemanticGraph graph, IndexedWord trigger) {
        String lemma = trigger.lemma() == null ? "" : trigger.lemma().toLowerCase(Locale.ROOT);
        for (String kind : List.of("ACCUSED", "DENIED", "CALLED_FOR", "ANNOUNCED", "CONDEMNED", "THREATENED", "WARNED", "SAID")) {
            if (cues.has("KIND_" + kind, lemma)) {
                if (kind.equals("CALLED_FOR") && lemma.equals("call") && !hasChild(graph, trigger, "for", "on")) {
                    return describes(graph, trigger) ? "said" : null;
                }
                return kind.toLowerCase(Locale.ROOT).replace('_', '-');
            }
        }
        return null;
    }

    /** "called the proposal a positive one": a nominal or adjectival complement describing the object. */
    private static boolean describes(SemanticGraph graph, IndexedWord n) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            String tag = c.getDependent().tag();
            if (c.getRelation().toString().equals("xcomp") && tag != null && (tag.startsWith("NN") || tag.startsWith("JJ"))) {
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
     * Cue words around a trigger, nearest first: its negation, adverbs and auxiliaries, then each
     * governor (through xcomp, ccomp, adverbial and of-clauses, clausal modifiers, objects of light
     * verbs and conjunctions) with its own such words, up to a clause that a neutral verb reports. A relative clause
     * states its own fact ("the deal they had reached"), so the search does not leave it.
     */
    List<String> cuesAround(SemanticGraph graph, IndexedWord trigger) {
        List<String> out = new ArrayList<>();
        IndexedWord n = trigger;
        Set<IndexedWord> seen = new HashSet<>();
        boolean sibling = false;
        for (int level = 0; level < 5 && n != null && seen.add(n); level++) {
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
                boolean relative = rel.equals("acl:relcl");
                if (next == null && !relative && (rel.equals("xcomp") || rel.equals("ccomp") || rel.startsWith("advcl") || rel.equals("amod")
                    || rel.startsWith("acl") || rel.equals("obl:of") || rel.equals("nmod:of") || rel.equals("nmod:for") || rel.equals("nmod:including") || rel.equals("obj") || rel.equals("dep") && isVerbLike(n)
                    || rel.equals("nsubj:pass") || rel.startsWith("conj") || rel.equals("obl:to") && isVerbLike(n))) {
                    next = in.getGovernor();
                }
            }
            n = next;
        }
        return out;
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

    private static String roleKey(EventFact f) {
        return f.type() + "|" + iris(f.agents()) + "|" + iris(f.participants()) + "|" + iris(f.recipients()) + "|"
            + iris(f.destinations()) + "|" + iris(f.locations()) + "|" + normal(f.item()) + "|" + f.kind();
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
            a.locations(), a.item(), topic, a.kind(), troops, date, a.factuality(), List.copyOf(ev));
    }

    private static String iris(List<Entity> es) {
        return String.join(",", es.stream().map(Entity::iri).sorted().toList());
    }

    private static String normal(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
