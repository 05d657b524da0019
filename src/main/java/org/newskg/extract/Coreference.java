package org.newskg.extract;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.newskg.nlp.NkgAnnotations;

/**
 * Coreference for role words: the entities a word of an event's argument names. Its own linked mention, else one in
 * its compound, flat, appositive or loosely attached words; a government or a delegation as its state; a title as the
 * one person the article gives that post, "the head of" an organisation as its one holder; "it", "its", "they" and
 * "their" as the subject they stand for, or the state or organisation that reports their clause; "the two countries"
 * and "the two leaders" as the last pair named or met; "the alliance" as the organisation named before; a delegation
 * "there" and "the region" as the last place named; and, in deployments and
 * transfers, a person or a state's own organisation as that state. The linker ({@link EntityLinker}) has already
 * resolved names, surnames and he/she.
 *
 * <pre>{@code
 * List<Entity> sides = coref.entities(doc, graph, tokens, word, false, used, posts, true, antecedents);
 * }</pre>
 */
final class Coreference {
    static final List<String> ENTITY_CHILDREN = List.of("appos", "flat", "compound", "dep");
    static final Set<String> OWNER_CHILDREN = Set.of("nmod:poss", "amod", "compound", "nmod:from");

    private final Cues cues;
    private final Gazetteer gazetteer;

    Coreference(Cues cues, Gazetteer gazetteer) {
        this.cues = cues;
        this.gazetteer = gazetteer;
    }

    /** "Iran admitted that it had supplied drones": the state or organisation whose clause the pronoun's clause completes. */
    static Entity reportingSubject(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord it) {
        for (SemanticGraphEdge s : graph.incomingEdgeIterable(it)) {
            if (!s.getRelation().toString().startsWith("nsubj")) {
                continue;
            }
            for (SemanticGraphEdge c : graph.incomingEdgeIterable(s.getGovernor())) {
                if (!c.getRelation().toString().equals("ccomp")) {
                    continue;
                }
                for (SemanticGraphEdge o : graph.outgoingEdgeIterable(c.getGovernor())) {
                    Mention m = o.getRelation().toString().equals("nsubj") ? Graphs.mention(doc, tokens, o.getDependent()) : null;
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
            IndexedWord s = level == 0 ? null : Graphs.subject(graph, n);
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

    /** "arrived at the launch site": a bare definite site noun after a preposition is the last place named after that preposition. */
    Entity definitePlace(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n, Antecedents antecedents) {
        if (!"NN".equals(n.tag()) || !cues.has("SITE_NOUN", n.lemma()) || Graphs.mention(doc, tokens, n) != null || !Graphs.hasChild(graph, n, "the")) {
            return null;
        }
        String preposition = null;
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            String rel = c.getRelation().toString();
            if (rel.equals("case")) {
                preposition = c.getDependent().word().toLowerCase(Locale.ROOT);
            } else if (!rel.equals("det") && !(rel.equals("compound") && Graphs.mention(doc, tokens, c.getDependent()) == null)) {
                return null;
            }
        }
        return preposition == null ? null : antecedents.places().get(preposition);
    }

    /** The last two entities of a kind a sentence conjoins ("India and China", "Indian and Chinese troops"), else the pair so far. */
    static List<Entity> conjoinedPair(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, List<Entity> pair, Kind kind) {
        List<Entity> found = pair;
        for (SemanticGraphEdge e : graph.edgeListSorted()) {
            if (e.getRelation().toString().startsWith("conj")) {
                Mention a = Graphs.mention(doc, tokens, e.getGovernor());
                Mention b = Graphs.mention(doc, tokens, e.getDependent());
                if (a != null && b != null && a.entity() != null && b.entity() != null && a.entity().kind() == kind
                    && b.entity().kind() == kind && !a.entity().equals(b.entity())) {
                    found = List.of(a.entity(), b.entity());
                }
            }
        }
        return found;
    }

    /**
     * The entities a node names: its own mention, else one in its compound, flat, appositive or loosely attached words,
     * else the state or organisation of a government (or, for sides of talks and deals, a delegation), else the holder of
     * a title or of "the head of" a state or organisation, else for "the two countries" the last two states conjoined, for
     * "the two leaders" the last two persons who met or were conjoined, for "their ministers" as sides the last two states,
     * else for "it" the state or organisation that reports the pronoun's clause; plus its conjuncts.
     */
    List<Entity> entities(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n,
                                  boolean owners, Set<Integer> used, List<PostFact> posts, boolean delegations, Antecedents antecedents) {
        return entities(doc, graph, tokens, n, owners, used, posts, delegations, antecedents, 0);
    }

    /** As above, {@code depth} words deep in the references a pronoun or a government noun follows (at most four). */
    List<Entity> entities(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n,
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
            Mention m = Graphs.mention(doc, tokens, w);
            Entity role = m != null && m.entity() != null && m.entity().kind() == Kind.ROLE ? m.entity() : null;
            if (m != null && (m.entity() == null || m.entity().kind() == Kind.ROLE)) {
                m = null;
            }
            if (m == null && role != null) {
                // "Republic of Korea Foreign Minister Park Jin", headed by the title: the person the title names, not
                // the state in it.
                for (SemanticGraphEdge c : graph.outgoingEdgeIterable(w)) {
                    String rel = c.getRelation().toString();
                    // ... also when the parser reads "Minister of National Defense Mariusz Blaszczak" as the minister "of" him.
                    Mention cm = ENTITY_CHILDREN.contains(rel) || rel.equals("nmod:of") ? Graphs.mention(doc, tokens, c.getDependent()) : null;
                    if (m == null && cm != null && cm.entity() != null && cm.entity().kind() == Kind.PERSON) {
                        m = cm;
                        used.add(c.getDependent().index() - 1);
                    }
                }
            }
            if (m == null) {
                for (String rel : ENTITY_CHILDREN) {
                    for (SemanticGraphEdge c : graph.outgoingEdgeIterable(w)) {
                        if (m == null && c.getRelation().toString().equals(rel)) {
                            Mention cm = Graphs.mention(doc, tokens, c.getDependent());
                            if ((cm == null || cm.entity() == null) && rel.equals("appos")) {
                                // "the special envoy, the Laotian diplomat X": the name under the appositive's own noun.
                                for (SemanticGraphEdge cc : graph.outgoingEdgeIterable(c.getDependent())) {
                                    Mention inner = ENTITY_CHILDREN.contains(cc.getRelation().toString()) ? Graphs.mention(doc, tokens, cc.getDependent()) : null;
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
                if (m.entity().kind() == Kind.STATE) {
                    // "with Republic of Korea (ROK) Foreign Minister Park Jin", parsed with the person loosely under the
                    // state: the person is the side.
                    for (SemanticGraphEdge c : graph.outgoingEdgeIterable(w)) {
                        Mention pm = c.getRelation().toString().equals("dep") ? Graphs.mention(doc, tokens, c.getDependent()) : null;
                        if (pm != null && pm.entity() != null && pm.entity().kind() == Kind.PERSON) {
                            m = pm;
                            used.add(c.getDependent().index() - 1);
                        }
                    }
                }
                for (SemanticGraphEdge c : graph.outgoingEdgeIterable(w)) {
                    Mention cm = c.getRelation().toString().equals("appos") ? Graphs.mention(doc, tokens, c.getDependent()) : null;
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
            List<Entity> two = m != null || !(Graphs.hasChild(graph, w, "two") || Graphs.hasChild(graph, w, "both")) ? List.of()
                : cues.has("PAIR_NOUN", word) ? antecedents.states()
                : cues.has("PAIR_PERSON_NOUN", word) ? (antecedents.people().isEmpty() ? antecedents.states() : antecedents.people()) : List.of();
            if (m == null && delegations && two.isEmpty() && "NNS".equals(w.tag()) && Graphs.hasChild(graph, w, "their")
                && (cues.has("PAIR_PERSON_NOUN", word) || cues.has("GOVERNMENT_NOUN", word) || cues.has("DELEGATION_NOUN", word))) {
                two = antecedents.states();
            }
            if (two.size() == 2) {
                two.stream().filter(e -> !out.contains(e)).forEach(out::add);
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
            if (m == null && role == null && holder == null && cues.has("TITLE_WORD", w.word().toLowerCase(Locale.ROOT))
                && Graphs.hasChild(graph, w, "the")) {
                holder = Titles.holder(w.word(), posts);
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
            } else if (m == null && Graphs.hasChild(graph, w, "the")) {
                Entity org = organisationAntecedent(doc, tokens, w);
                if (org != null && !out.contains(org)) {
                    out.add(org);
                    used.add(w.index() - 1);
                }
            }
        }
        return out;
    }

    /** "Russia and North Korea pledge", parsed as compounds of "pledge": the other children by {@code rel} conjoined with {@code child}. */
    static List<IndexedWord> conjoinedSiblings(SemanticGraph graph, IndexedWord parent, IndexedWord child, String rel) {
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

    static boolean isConj(SemanticGraph graph, IndexedWord gov, IndexedWord dep) {
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
    Entity holder(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord w, Entity role,
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
        return found != null || !owners.isEmpty() || role.label().contains(" ") ? found : Titles.holder(role.label(), posts);
    }


    /**
     * "A Russian-led military alliance", "the bloc": the last organisation named before the noun, else (a description
     * that the article names later) the first named after it.
     */
    Entity organisationAntecedent(LinkedDocument doc, List<CoreLabel> tokens, IndexedWord n) {
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
    static int mentionsBefore(LinkedDocument doc, List<CoreLabel> tokens, IndexedWord n) {
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
    Entity head(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord w, List<PostFact> posts) {
        List<Entity> orgs = new ArrayList<>(owners(doc, graph, tokens, w, new HashSet<>()));
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(w)) {
            Mention om = c.getRelation().toString().equals("nmod:of") ? Graphs.mention(doc, tokens, c.getDependent()) : null;
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
    List<Entity> owners(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n, Set<Integer> used) {
        List<Entity> out = new ArrayList<>();
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            if (OWNER_CHILDREN.contains(c.getRelation().toString())) {
                Mention m = Graphs.mention(doc, tokens, c.getDependent());
                // "a THAAD battery": a name the reference data does not know, compounded into a weapon, names the weapon.
                boolean product = m != null && m.entity() != null && m.entity().kind() == Kind.ORGANIZATION && !m.entity().reference()
                    && c.getRelation().toString().equals("compound") && cues.has("DEPLOYED_WEAPON", Graphs.lemmaOf(n));
                if (m != null && m.entity() != null && m.entity().kind() != Kind.ROLE && m.entity().kind() != Kind.PLACE && !product) {
                    out.add(m.entity());
                    used.add(c.getDependent().index() - 1);
                } else if (m == null && c.getDependent().word().toLowerCase(Locale.ROOT).matches("its|their")) {
                    List<Entity> reporter = reporterOf(doc, graph, tokens, n, used);
                    out.addAll(!reporter.isEmpty() ? reporter : MentionSyntax.subjectAbove(doc, graph, tokens, n));
                } else if (m == null && c.getRelation().toString().equals("compound")) {
                    // "Russian air force planes": the owner of the compound noun ("air force") owns the planes.
                    for (SemanticGraphEdge cc : graph.outgoingEdgeIterable(c.getDependent())) {
                        Mention inner = OWNER_CHILDREN.contains(cc.getRelation().toString()) ? Graphs.mention(doc, tokens, cc.getDependent()) : null;
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
    List<Entity> reporterOf(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n, Set<Integer> used) {
        for (SemanticGraphEdge s : graph.incomingEdgeIterable(n)) {
            for (SemanticGraphEdge c : s.getRelation().toString().startsWith("nsubj") ? graph.incomingEdgeIterable(s.getGovernor()) : List.<SemanticGraphEdge>of()) {
                IndexedWord reporter = c.getRelation().toString().equals("ccomp") ? Graphs.subject(graph, c.getGovernor()) : null;
                if (reporter != null && cues.has("REPORTING", c.getGovernor().lemma())) {
                    return entities(doc, graph, tokens, reporter, true, used, List.of(), false, Antecedents.NONE);
                }
            }
        }
        return List.of();
    }

    static Entity asPlace(Entity e) {
        return e.kind() == Kind.PLACE || e.kind() == Kind.STATE ? e : null;
    }

    /** An actor; a capital stands for its state ("deliver radars to Kyiv"); a person acts for their state in deployments and transfers. */
    Entity asActor(Entity e, boolean forState, List<PostFact> posts, LinkedDocument doc) {
        if (e.kind() == Kind.PLACE) {
            return gazetteer.stateWithCapital(e.iri());
        }
        if (e.kind() == Kind.ROLE) {
            return null;
        }
        if (e.kind() == Kind.ORGANIZATION && e.state() != null && cues.has("STATE_MISSION", Graphs.lastWord(e.label()))) {
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
        for (PostFact p : posts) {
            // "commander, U.S. Africa Command": a post in a state's own organisation is a post of that state.
            Entity st = p.person().iri().equals(e.iri()) && p.org() != null && p.org().state() != null ? gazetteer.state(p.org().state()) : null;
            if (st != null) {
                return st;
            }
        }
        return gazetteer.stateOf(e.iri(), doc.date());
    }
}
