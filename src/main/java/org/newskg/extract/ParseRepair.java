package org.newskg.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.international.Language;
import edu.stanford.nlp.trees.GrammaticalRelation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newskg.nlp.NkgAnnotations;

/**
 * Mends dependency parses the parser gets wrong in the same way again and again on news text, before any frame or rule
 * reads the graph, so that every event type gains from one fix. Each repair adds the edges the right parse has (and drops
 * the wrong ones only where they would mislead):
 * <ul>
 *   <li>a partner made the subject of a purpose clause: "spoke with X to discuss Y" parsed as "with [X to discuss Y]"
 *   gets {@code obl:with} from the verb to X;</li>
 *   <li>the subject swallowed by a fronted phrase: "During a visit to Benghazi, X and Y acknowledged ..." parsed with X
 *   and Y conjoined to Benghazi, or "On Friday Secretary X spoke ..." parsed with the weekday compounded into the name,
 *   leaving the verb without a subject, gets X and Y as the verb's subjects;</li>
 *   <li>a gerund taken for an adjective: "after meeting Prime Minister X in Y" parsed as a minister who is "meeting" gets
 *   the gerund back as the clause ("after" on it, X its object, the rest its modifiers), and so does "could consider
 *   supplying weapons to Ukraine" (the gerund the verb's complement, the weapons and Ukraine its own);</li>
 *   <li>a relative clause hung loosely on its noun ("troops, who have served in Somalia, ..."): the noun is its subject;</li>
 *   <li>a state before a person's title taken for the partner: "spoke with Democratic Republic of the Congo (DRC)
 *   President X" parsed with X as the verb's object gets X as the partner, the state as X's modifier.</li>
 * </ul>
 *
 * <pre>{@code
 * ParseRepair.repair(graph);   // before matching frames on the sentence
 * }</pre>
 */
final class ParseRepair {
    private static final Set<String> ACTOR_KINDS = Set.of("PERSON", "STATE", "ORG", "BODY", "DEMONYM", "METONYM");

    private ParseRepair() {}

    /** Applies every repair to a sentence's enhanced++ graph, in place. */
    static void repair(SemanticGraph graph) {
        partnerInPurposeClause(graph);
        subjectInFrontedPhrase(graph);
        gerundTakenForAdjective(graph);
        relativeSubject(graph);
        stateBeforePerson(graph);
    }

    /**
     * "spoke with Democratic Republic of the Congo (DRC) President X", parsed as speaking "with" the state and X the
     * verb's object: the person right after the state is the one spoken with, and the state modifies the person.
     */
    private static void stateBeforePerson(SemanticGraph graph) {
        for (SemanticGraphEdge e : List.copyOf(graph.edgeListSorted())) {
            IndexedWord state = e.getDependent();
            String rel = e.getRelation().toString();
            if (!rel.startsWith("obl:") || !"STATE".equals(kind(state))) {
                continue;
            }
            for (SemanticGraphEdge o : List.copyOf(graph.outgoingEdgeList(e.getGovernor()))) {
                IndexedWord person = o.getDependent();
                if (o.getRelation().toString().equals("obj") && "PERSON".equals(kind(person)) && person.index() > state.index()
                    && last(graph, state) + 1 == first(graph, person)) {
                    graph.removeEdge(e);
                    graph.removeEdge(o);
                    add(graph, e.getGovernor(), person, rel);
                    add(graph, person, state, "compound");
                    break;
                }
            }
        }
    }

    private static int last(SemanticGraph graph, IndexedWord w) {
        return graph.descendants(w).stream().mapToInt(IndexedWord::index).max().orElse(w.index());
    }

    private static int first(SemanticGraph graph, IndexedWord w) {
        return graph.descendants(w).stream().mapToInt(IndexedWord::index).min().orElse(w.index());
    }

    private static String kind(IndexedWord w) {
        return w.backingLabel().get(NkgAnnotations.KindAnnotation.class);
    }

    /** "Burundian troops, who have served in Somalia, ...", with the relative clause hung loosely on the noun: the noun is its subject. */
    private static void relativeSubject(SemanticGraph graph) {
        for (SemanticGraphEdge e : List.copyOf(graph.edgeListSorted())) {
            IndexedWord clause = e.getDependent();
            String rel = e.getRelation().toString();
            if (!(rel.equals("dep") || rel.equals("acl")) || clause.tag() == null || !clause.tag().startsWith("VB")
                || e.getGovernor().tag() == null || !e.getGovernor().tag().startsWith("NN")) {
                continue;
            }
            for (SemanticGraphEdge s : List.copyOf(graph.outgoingEdgeList(clause))) {
                String w = s.getDependent().word().toLowerCase(Locale.ROOT);
                if (s.getRelation().toString().startsWith("nsubj") && (w.equals("who") || w.equals("which") || w.equals("that"))) {
                    add(graph, clause, e.getGovernor(), s.getRelation().toString());
                }
            }
        }
    }

    private static void gerundTakenForAdjective(SemanticGraph graph) {
        for (SemanticGraphEdge e : List.copyOf(graph.edgeListSorted())) {
            IndexedWord gerund = e.getDependent();
            if (!e.getRelation().toString().equals("amod") || !"VBG".equals(gerund.tag()) || gerund.index() >= e.getGovernor().index()) {
                continue;
            }
            IndexedWord before = graph.getNodeByIndexSafe(gerund.index() - 1);
            String prep = before == null ? "" : before.word().toLowerCase(Locale.ROOT);
            if (before != null && before.tag() != null && before.tag().startsWith("VB") && e.getGovernor().index() == gerund.index() + 1
                && graph.getEdge(before, e.getGovernor()) != null && graph.getEdge(before, e.getGovernor()).getRelation().toString().equals("obj")) {
                // "could consider supplying weapons to Ukraine", parsed as weapons that are "supplying".
                IndexedWord verb = before;
                IndexedWord object = e.getGovernor();
                graph.removeEdge(e);
                graph.removeEdge(graph.getEdge(verb, object));
                add(graph, verb, gerund, "xcomp");
                add(graph, gerund, object, "obj");
                for (SemanticGraphEdge c : List.copyOf(graph.outgoingEdgeList(verb))) {
                    if (c.getRelation().toString().startsWith("obl") && c.getDependent().index() > object.index()) {
                        graph.removeEdge(c);
                        add(graph, gerund, c.getDependent(), c.getRelation().toString());
                    }
                }
                continue;
            }
            if (!Set.of("after", "before", "while", "since", "by", "without", "when", "of", "for", "on", "about").contains(prep)) {
                continue;
            }
            // The phrase head: the word the gerund's noun belongs to, attached to the clause by that preposition.
            IndexedWord head = e.getGovernor();
            for (int level = 0; level < 3; level++) {
                IndexedWord up = null;
                for (SemanticGraphEdge in : graph.incomingEdgeIterable(head)) {
                    up = in.getRelation().toString().equals("compound") ? in.getGovernor() : up;
                }
                if (up == null) {
                    break;
                }
                head = up;
            }
            SemanticGraphEdge attach = null;
            for (SemanticGraphEdge in : graph.incomingEdgeIterable(head)) {
                attach = in.getRelation().toString().equals("obl:" + prep) || in.getRelation().toString().equals("nmod:" + prep) ? in : attach;
            }
            if (attach == null) {
                continue;
            }
            IndexedWord clause = attach.getGovernor();
            graph.removeEdge(e);
            graph.removeEdge(attach);
            add(graph, clause, gerund, "advcl:" + prep);
            add(graph, gerund, head, "obj");
            for (SemanticGraphEdge c : List.copyOf(graph.outgoingEdgeList(head))) {
                String rel = c.getRelation().toString();
                if (rel.startsWith("nmod:") && !rel.equals("nmod:poss") && c.getDependent().index() > head.index()) {
                    graph.removeEdge(c);
                    add(graph, gerund, c.getDependent(), "obl:" + rel.substring("nmod:".length()));
                }
            }
            // What the clause took after the phrase belongs to the gerund ("accused Kim of sending shells to Putin").
            for (SemanticGraphEdge c : List.copyOf(graph.outgoingEdgeList(clause))) {
                if (c.getRelation().toString().startsWith("obl") && c.getDependent().index() > head.index()) {
                    graph.removeEdge(c);
                    add(graph, gerund, c.getDependent(), c.getRelation().toString());
                }
            }
        }
    }

    private static void partnerInPurposeClause(SemanticGraph graph) {
        for (SemanticGraphEdge e : List.copyOf(graph.edgeListSorted())) {
            IndexedWord clause = e.getDependent();
            if (!e.getRelation().toString().startsWith("advcl") || !hasMark(graph, clause, "with")) {
                continue;
            }
            for (SemanticGraphEdge s : List.copyOf(graph.outgoingEdgeList(clause))) {
                if (s.getRelation().toString().equals("nsubj") && isActor(s.getDependent())) {
                    add(graph, e.getGovernor(), s.getDependent(), "obl:with");
                }
            }
        }
    }

    private static void subjectInFrontedPhrase(SemanticGraph graph) {
        for (IndexedWord verb : graph.vertexListSorted()) {
            if (verb.tag() == null || !verb.tag().startsWith("VB") || hasSubject(graph, verb)) {
                continue;
            }
            List<IndexedWord> subjects = new ArrayList<>();
            for (SemanticGraphEdge c : graph.outgoingEdgeList(verb)) {
                // "on Friday Secretary X spoke": the actor heading a fronted time phrase, with the day as its compound.
                IndexedWord actor = c.getDependent();
                boolean dated = false;
                for (IndexedWord d : graph.descendants(actor)) {
                    dated |= temporal(d) && d.index() < actor.index() && !d.equals(actor);
                }
                if (c.getRelation().toString().startsWith("obl") && dated && isActor(actor) && actor.index() < verb.index()
                    && !subjects.contains(actor)) {
                    subjects.add(actor);
                }
            }
            for (SemanticGraphEdge c : graph.edgeListSorted()) {
                IndexedWord first = c.getGovernor();
                IndexedWord actor = c.getDependent();
                boolean swallowed = c.getRelation().toString().startsWith("conj") && !isActor(first) && isActor(actor)
                    && first.index() < actor.index() && actor.index() < verb.index() && commaBetween(graph, first, actor)
                    && fronted(graph, verb, first);
                if (swallowed && !subjects.contains(actor)) {
                    subjects.add(actor);
                }
            }
            for (IndexedWord actor : subjects) {
                for (SemanticGraphEdge in : List.copyOf(graph.incomingEdgeList(actor))) {
                    graph.removeEdge(in);
                }
                add(graph, verb, actor, "nsubj");
                for (IndexedWord d : List.copyOf(graph.descendants(actor))) {
                    for (SemanticGraphEdge in : temporal(d) ? List.copyOf(graph.incomingEdgeList(d)) : List.<SemanticGraphEdge>of()) {
                        if (in.getRelation().toString().equals("compound")) {
                            graph.removeEdge(in);
                            add(graph, verb, d, "obl:tmod");
                        }
                    }
                }
            }
        }
    }

    /** Whether {@code w} lies in a phrase attached to {@code verb} before it ("During a visit to X, ..."). */
    private static boolean fronted(SemanticGraph graph, IndexedWord verb, IndexedWord w) {
        IndexedWord n = w;
        for (int level = 0; level < 4 && n != null; level++) {
            IndexedWord up = null;
            for (SemanticGraphEdge in : graph.incomingEdgeIterable(n)) {
                String rel = in.getRelation().toString();
                if (in.getGovernor().equals(verb)) {
                    return rel.startsWith("obl") && n.index() < verb.index();
                }
                up = up == null && (rel.startsWith("nmod") || rel.startsWith("obl")) ? in.getGovernor() : up;
            }
            n = up;
        }
        return false;
    }

    /** A date word: tagged DATE by the NER, or a month or weekday name ("mid-March" included). */
    private static boolean temporal(IndexedWord w) {
        String word = w.word().toLowerCase(Locale.ROOT).replaceFirst("^(mid|early|late)-", "");
        return "DATE".equals(w.ner()) || word.matches("(january|february|march|april|may|june|july|august|september|october|november"
            + "|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)");
    }

    private static boolean commaBetween(SemanticGraph graph, IndexedWord a, IndexedWord b) {
        for (int i = a.index() + 1; i < b.index(); i++) {
            IndexedWord w = graph.getNodeByIndexSafe(i);
            if (w != null && w.word().equals(",")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSubject(SemanticGraph graph, IndexedWord verb) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(verb)) {
            if (c.getRelation().toString().startsWith("nsubj") || c.getRelation().toString().startsWith("csubj")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMark(SemanticGraph graph, IndexedWord n, String word) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            if (c.getRelation().toString().equals("mark") && c.getDependent().word().toLowerCase(Locale.ROOT).equals(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isActor(IndexedWord w) {
        String kind = w.backingLabel().get(NkgAnnotations.KindAnnotation.class);
        return kind != null && ACTOR_KINDS.contains(kind);
    }

    private static void add(SemanticGraph graph, IndexedWord gov, IndexedWord dep, String relation) {
        if (graph.getEdge(gov, dep) == null) {
            graph.addEdge(gov, dep, GrammaticalRelation.valueOf(Language.UniversalEnglish, relation), 1.0, false);
        }
    }
}
