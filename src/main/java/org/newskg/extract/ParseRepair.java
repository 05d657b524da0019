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
 *   and Y conjoined to Benghazi, leaving the verb without a subject, gets X and Y as the verb's subjects.</li>
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
