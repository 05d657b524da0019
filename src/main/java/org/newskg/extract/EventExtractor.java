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
import org.newskg.extract.frame.FrameHit;
import org.newskg.extract.frame.FrameMatcher;
import org.newskg.extract.frame.Frames;

/**
 * Event extraction, as stages over each sentence of a linked article: triggers and their argument words from the
 * frames ({@link FrameMatcher}, {@code newskg/frames/*.yml}) and the Semgrex rules kept for what a frame cannot say
 * ({@code rules/*.semgrex}), after the parse repairs ({@link ParseRepair}); argument words resolved to entities
 * ({@link Coreference}); items, topics and counts as written ({@link Phrases}); statement kinds and speakers
 * ({@link SpeechActs}); the date ({@link OccasionDates}) and the factuality ({@link FactualityRules}) of each event;
 * then, over the article, the arguments an event takes from its context ({@link ImplicitArguments}) and one fact per
 * event ({@link EventMerger}). In deployments and transfers a person acts for their state; elsewhere a person stays
 * the person.
 *
 * <pre>{@code
 * List<EventFact> events = new EventExtractor(cues, gazetteer).extract(linked, posts);
 * }</pre>
 */
public final class EventExtractor {
    /** Roles a rule may name, besides {@code trigger}, {@code item} and {@code topic}. */
    private static final List<String> ROLES = List.of("agent", "participant", "target", "recipient", "destination", "location");

    private final Cues cues;
    private final Gazetteer gazetteer;
    private final FactualityRules factuality;
    private final Map<EventType, SemgrexRuleFile> rules = new EnumMap<>(EventType.class);
    private final FrameMatcher frameMatcher;
    /** Each event type's trigger lemmas, which do not hedge an event of that type ("discussed it when they met"). */
    private final Map<EventType, Set<String>> ownLemmas = new EnumMap<>(EventType.class);
    private final Coreference coref;
    private final EventSides eventSides;
    private final Phrases phrases;
    private final SpeechActs speech;
    private final ImplicitArguments implicit;

    public EventExtractor(Cues cues, Gazetteer gazetteer) {
        this.cues = cues;
        this.gazetteer = gazetteer;
        this.factuality = new FactualityRules(cues);
        for (String file : Extractor.SEMGREX_FILES) {
            rules.put(EventType.ofFile(file), SemgrexRuleFile.load(file, cues));
        }
        Frames frames = Frames.load(cues);
        this.frameMatcher = new FrameMatcher(frames);
        for (EventType t : EventType.values()) {
            ownLemmas.put(t, frames.lemmas(t));
        }
        this.coref = new Coreference(cues, gazetteer);
        this.phrases = new Phrases(cues);
        this.speech = new SpeechActs(cues, coref);
        this.implicit = new ImplicitArguments(cues, gazetteer, coref);
        this.eventSides = new EventSides(coref);
    }

    /** The rule file of an event type. */
    public SemgrexRuleFile rules(EventType type) {
        return rules.get(type);
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
        Entity voice = null;
        for (int si = 0; si < sentences.size(); si++) {
            CoreMap sentence = sentences.get(si);
            SemanticGraph graph = sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
            if (graph == null || graph.isEmpty()) {
                continue;
            }
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            ParseRepair.repair(graph);
            dates.addSentence(si, graph, tokens);
            EventFact turn = SpeechActs.transcriptTurn(doc, tokens, si, offsets);
            voice = turn != null ? turn.agents().get(0) : SpeechActs.turnLabel(tokens) ? null : voice;
            antecedents = new Antecedents(Coreference.conjoinedPair(doc, graph, tokens, antecedents.states(), Kind.STATE),
                Coreference.conjoinedPair(doc, graph, tokens, antecedents.people(), Kind.PERSON), antecedents.deal(), antecedents.places());
            Map<String, Hit> hits = new LinkedHashMap<>();
            for (EventType type : rules.keySet()) {
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
                resolve(doc, graph, tokens, sentence, h, posts, offsets, text, dates, antecedents, voice).forEach(f -> fs.addAll(EventMerger.distributed(f)));
                if (!fs.isEmpty()) {
                    here.addAll(fs);
                    if ("VBD".equals(h.trigger().tag())) {
                        narrated.addAll(fs);
                    }
                } else if (h.type() == EventType.AGREEMENT && !h.nodes().containsKey("agent") && h.nodes().containsKey("topic")) {
                    ImplicitArguments.datePrevious(found, dates.date(h.sentence(), graph, tokens, h.trigger()));
                }
            }
            if (turn != null) {
                here.add(turn);
            }
            here = ImplicitArguments.boundOverSigners(here);
            if (!OccasionDates.namesTime(tokens)) {
                List<EventFact> before = previous;
                List<EventFact> earlier = found;
                here.replaceAll(f -> ImplicitArguments.continuing(f, before));
                here.replaceAll(f -> narrated.contains(f) ? ImplicitArguments.duringMeeting(f, earlier) : f);
            }
            found.addAll(here);
            previous = here;
            antecedents = ImplicitArguments.placesAfter(doc, graph, tokens, ImplicitArguments.sidesAfter(here, antecedents));
        }
        Map<Entity, Set<Entity>> partners = implicit.partners(found, posts, doc);
        found = implicit.partyless(ImplicitArguments.agentless(ImplicitArguments.oneSided(found, partners)), partners, posts, doc);
        return EventMerger.merge(implicit.tripDates(implicit.cityOverState(implicit.tripPlaces(ImplicitArguments.placeless(found)))));
    }

    private List<EventFact> resolve(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, CoreMap sentence,
                              Hit h, List<PostFact> posts, Offsets offsets, String text, OccasionDates dates, Antecedents antecedents,
                              Entity voice) {
        Map<String, List<Entity>> roles = new LinkedHashMap<>();
        Set<Integer> used = new TreeSet<>();
        used.add(h.trigger().index() - 1);
        boolean forState = h.type() == EventType.DEPLOYMENT || h.type() == EventType.TRANSFER;
        boolean sides = h.type() == EventType.CONTACT || h.type() == EventType.AGREEMENT;
        for (String role : ROLES) {
            List<Entity> es = new ArrayList<>();
            for (IndexedWord n : h.nodes().getOrDefault(role, Set.of())) {
                boolean place = role.equals("destination") || role.equals("location");
                List<Entity> named = place ? PlaceReferences.placeEntities(cues, doc, graph, tokens, n) : List.of();
                for (Entity e : !named.isEmpty() ? named : coref.entities(doc, graph, tokens, n, place ? false : forState, used, posts, sides, antecedents)) {
                    // A named force or agency that gives or gets a transfer is itself the side ("delivered to the Philippine
                    // Marine Corps"), as a named armed force is an organisation; a deployment's forces are their state's.
                    boolean namedSide = h.type() == EventType.TRANSFER && e.kind() == Kind.ORGANIZATION
                        && !cues.has("STATE_MISSION", Graphs.lastWord(e.label()));
                    Entity r = place ? Coreference.asPlace(e) : namedSide ? e : coref.asActor(e, forState, posts, doc);
                    if (r != null && !es.contains(r)) {
                        es.add(r);
                    }
                }
            }
            for (IndexedWord n : role.equals("destination") && es.isEmpty() ? h.nodes().getOrDefault(role, Set.of()) : Set.<IndexedWord>of()) {
                Entity back = coref.definitePlace(doc, graph, tokens, n, antecedents);
                if (back != null && !es.contains(back)) {
                    es.add(back);
                }
            }
            roles.put(role, es);
        }
        if (h.type() == EventType.STATEMENT && voice != null && roles.get("agent").isEmpty()
            && h.nodes().getOrDefault("agent", Set.of()).stream().anyMatch(n -> n.word().matches("I|[Ww]e"))) {
            // In a briefing turn, "we condemn", "I want to begin with" are the speaker's.
            roles.put("agent", new ArrayList<>(List.of(voice)));
        }
        if (h.type() == EventType.CONTACT && h.nodes().containsKey("deal") && roles.get("agent").isEmpty()
            && roles.get("participant").isEmpty()) {
            roles.get("agent").addAll(antecedents.deal());
        }
        IndexedWord itemNode = Graphs.first(h.nodes().get("item"));
        if (h.type() == EventType.TRANSFER && h.nodes().containsKey("item")) {
            for (IndexedWord n : h.nodes().get("item")) {
                if (!forces(graph, n) && Graphs.mention(doc, tokens, n) == null) {
                    itemNode = n;
                    break;
                }
            }
        }
        IndexedWord topicNode = Graphs.first(h.nodes().get("topic"));
        String item = null;
        TroopCount troops = null;
        if (itemNode != null) {
            itemNode = phrases.throughQuantity(graph, itemNode);
            if (h.type() == EventType.TRANSFER && (forces(graph, itemNode) || Graphs.mention(doc, tokens, itemNode) != null)) {
                return List.of();
            }
            if (h.type() == EventType.DEPLOYMENT) {
                IndexedWord count = Graphs.first(h.nodes().get("count"));
                troops = count != null ? phrases.count(graph, count, itemNode) : phrases.troops(graph, itemNode);
                if (roles.get("agent").isEmpty()) {
                    for (Entity e : coref.owners(doc, graph, tokens, itemNode, used)) {
                        Entity r = coref.asActor(e, true, posts, doc);
                        if (r != null && !roles.get("agent").contains(r)) {
                            roles.get("agent").add(r);
                        }
                    }
                }
            } else {
                item = String.join(Phrases.ITEM_SEPARATOR, Phrases.distributedPhrases(graph, tokens, itemNode, phrases.phrase(graph, tokens, itemNode, false)));
            }
            used.add(itemNode.index() - 1);
        }
        String topic = topicNode == null ? null : phrases.agreedAction(graph, tokens, topicNode);
        topic = topic != null || topicNode == null ? topic : phrases.phrase(graph, tokens, topicNode, true);
        IndexedWord action = Graphs.first(h.nodes().get("action"));
        if (topic == null && action != null) {
            topic = phrases.actionTopic(graph, tokens, action);
        }
        if (topicNode != null) {
            used.add(topicNode.index() - 1);
        }
        String kind = h.type() != EventType.STATEMENT ? null : h.kind() != null ? h.kind() : speech.statementKind(graph, h.trigger());
        if ("said".equals(kind) && speech.elaborates(graph, h.trigger())) {
            return List.of();
        }
        IndexedWord host = h.type() == EventType.STATEMENT ? speech.host(graph, tokens, h.trigger()) : null;
        if (host != null) {
            roles.put("agent", speech.mainSpeaker(doc, graph, tokens, host, posts, antecedents));
        } else if (h.type() == EventType.STATEMENT && roles.get("agent").isEmpty() && Graphs.subject(graph, h.trigger()) == null) {
            roles.put("agent", speech.speakerBefore(doc, graph, tokens, h.trigger(), posts));
        }
        if (h.type() == EventType.VISIT) {
            // Nobody visits their own state: "X and Y agreed in Tokyo ..., during the first trip to Japan by ..." gives no
            // visit to Japan by Japan's prime minister.
            Set<Entity> own = new HashSet<>();
            for (Entity a : roles.get("agent")) {
                Entity st = coref.asActor(a, true, posts, doc);
                if (st != null && st.kind() == Kind.STATE) {
                    own.add(st);
                }
            }
            roles.get("destination").removeIf(own::contains);
        }
        if ("said".equals(kind) && (!cues.has("KIND_SAID", Graphs.lemmaOf(h.trigger())) && speech.reportedSpeech(graph, h.trigger())
            || speech.answeredBy(graph, h.trigger()))) {
            return List.of();
        }
        if (h.type() == EventType.AGREEMENT && roles.get("agent").size() + roles.get("participant").size() < 2
            && !EventSides.madeHere(graph, topicNode)) {
            // A party-less agreement is only one the text makes ("the newly signed X", "completed an X agreement"); a
            // reference ("urged Putin to revive the grain deal") names parties the article need not give.
            return List.of();
        }
        if (h.type() == EventType.AGREEMENT && EventSides.signing(h.trigger(), h.governor())) {
            eventSides.signersAsStates(roles, posts, doc);
        }
        boolean unresolvedSide = h.type() == EventType.TRANSFER && (h.nodes().containsKey("agent") && roles.get("agent").isEmpty()
            || h.nodes().containsKey("recipient") && roles.get("recipient").isEmpty());
        if (unresolvedSide || !complete(h.type(), roles, item, topic, kind, troops)) {
            return List.of();
        }
        // Agreements (plural) are one per subject with all the others ("X and Y signed separate agreements with Z and W"),
        // or for a single subject one with each other party ("X signed agreements with Y and Z").
        List<List<Entity>> groups = List.of(roles.get("agent"));
        List<Entity> with = roles.get("participant");
        if (h.type() == EventType.CONTACT) {
            // "X met Y and Z" is a meeting of X with each; "X and Y met" (or "X, Y and Z met") one of them all. Nobody
            // meets their own state or its bodies ("Langley met ... U.S. State Department officials").
            List<Entity> agents = roles.get("agent");
            Set<Entity> home = new HashSet<>();
            for (Entity a : agents) {
                Entity st = a.kind() == Kind.PERSON ? coref.asActor(a, true, posts, doc) : null;
                if (st != null) {
                    home.add(st);
                }
            }
            with = with.stream().filter(e -> !agents.contains(e) && !(e.kind() != Kind.PERSON && home.contains(coref.asActor(e, true, posts, doc))))
                .toList();
            if (agents.size() == 1 && with.size() > 1 && !EventSides.manySided(graph, h.trigger())) {
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
            EventFact f = complete(h.type(), roles, item, topic, kind, troops) ? fact(h, roles, item, topic, kind, troops, graph, tokens, used, offsets, dates) : null;
            if (f != null) {
                out.add(f);
            }
        }
        return out;
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
                    for (Entity e : coref.entities(doc, graph, tokens, c.getDependent(), false, new TreeSet<>(), posts, true, antecedents)) {
                        Entity r = coref.asActor(e, false, posts, doc);
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
        if (h.type() == EventType.CONTACT || h.type() == EventType.AGREEMENT && roles.get("agent").size() + roles.get("participant").size() > 1) {
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
        IndexedWord host = h.type() == EventType.STATEMENT ? speech.host(graph, tokens, h.trigger()) : null;
        if (host == null && h.type() == EventType.STATEMENT && !h.trigger().equals(root) && SpeechActs.afterAnd(graph, tokens, h.trigger())
            && cues.has("SPEECH", Graphs.lemmaOf(root))) {
            host = root;
        }
        // A speech act named by a noun is not undone by what others do with it ("Seoul's accusation was rejected").
        boolean spokenNoun = h.type() == EventType.STATEMENT && h.trigger().tag() != null && h.trigger().tag().startsWith("NN");
        Factuality fact = factuality.decide(notOwn(h.type(), factuality.cuesAround(graph, h.trigger(), spokenNoun ? 1 : 5)));
        if (host != null && fact != Factuality.NEGATED) {
            // A verb with its own subject ("..., and Seoul said") keeps its own cues; one without takes its host's.
            fact = factuality.decide(notOwn(h.type(), Graphs.subject(graph, h.trigger()) != null ? factuality.cuesAround(graph, h.trigger(), 1)
                : factuality.cuesAround(graph, host, 5)));
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
     * Whether a noun names forces rather than a thing that passes: "fighters" with a model or generation ("F-35A
     * fighters", "fifth-generation fighters") are aircraft.
     */
    private boolean forces(SemanticGraph graph, IndexedWord n) {
        if (!cues.has("FORCES", n.lemma())) {
            return false;
        }
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            String rel = c.getRelation().toString();
            String w = c.getDependent().word().toLowerCase(Locale.ROOT);
            if ((rel.equals("compound") || rel.equals("amod")) && (w.matches(".*\\d.*") || w.contains("generation") || w.equals("jet"))) {
                return false;
            }
        }
        return true;
    }

    /** Cue words without the event type's own triggers: "discussed the case when they met" reports the meeting. */
    private List<String> notOwn(EventType type, List<String> around) {
        return around.stream().filter(w -> !ownLemmas.get(type).contains(w)).toList();
    }

    /**
     * Whether a mention names enough; a deployment without a named place still counts when it gives a troop count (see
     * {@link ImplicitArguments#placeless}), one without a side when it names a place (see {@link ImplicitArguments#agentless}), a transfer with one side only when the sentence gives no other (see {@link ImplicitArguments#oneSided}), an agreement
     * with fewer than two parties when it has a topic (see {@link ImplicitArguments#partyless}).
     */
    private static boolean complete(EventType type, Map<String, List<Entity>> roles, String item, String topic, String kind, TroopCount troops) {
        Set<Entity> sides = new HashSet<>(roles.get("agent"));
        sides.addAll(roles.get("participant"));
        int parties = sides.size();
        return switch (type) {
            case VISIT -> !roles.get("agent").isEmpty() && !roles.get("destination").isEmpty();
            case CONTACT -> parties >= 2;
            case AGREEMENT -> parties >= 2 || topic != null;
            case DEPLOYMENT -> !roles.get("location").isEmpty() || !roles.get("agent").isEmpty() && troops != null;
            case TRANSFER -> item != null && (!roles.get("agent").isEmpty() || !roles.get("recipient").isEmpty());
            case STATEMENT -> !roles.get("agent").isEmpty() && kind != null;
        };
    }
}
