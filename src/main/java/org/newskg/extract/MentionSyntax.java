package org.newskg.extract;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the basic dependency parse says about a mention: whether a capital stands for its state ("Moscow said") or is a
 * place ("arrived in Moscow"), whether the mention is a subject, and its head word.
 *
 * <pre>{@code
 * boolean state = MentionSyntax.actsAsState(graph, tokens, start, end);
 * }</pre>
 */
final class MentionSyntax {
    private static final Set<String> LOCATIVE = Set.of("in", "to", "at", "from", "near", "into", "toward",
        "towards", "outside", "inside", "across", "around", "via", "through", "within", "on", "of",
        "over", "off", "past", "beyond", "throughout", "onto", "between");
    private static final Set<String> ACTOR_CASES = Set.of("by", "with", "against", "for", "on behalf of");
    private static final Set<String> PHYSICAL_VERBS = Set.of("visit", "reach", "enter", "leave", "attack", "strike",
        "bomb", "shell", "hit", "capture", "seize", "surround", "tour", "approach", "evacuate", "defend", "liberate",
        "fortify", "occupy", "encircle", "target", "raid", "storm", "besiege", "flee", "return");
    /** Verbs after which "for" names a destination ("left for Vienna", "headed for the capital"), not an actor. */
    private static final Set<String> DEPARTURE_VERBS = Set.of("leave", "depart", "head", "set", "sail", "fly", "bind");
    private MentionSyntax() {}

    /**
     * Whether a capital or seat of power acts as its state here rather than being a location; a later conjunct without
     * its own preposition is read as the first ("flew to Beijing, Washington and Tokyo").
     */
    static boolean actsAsState(SemanticGraph graph, List<CoreLabel> tokens, int start, int end) {
        if (end < tokens.size() && isPossessive(tokens.get(end))) {
            return true;
        }
        if (graph == null) {
            return start == 0 || !LOCATIVE.contains(word(tokens.get(start - 1)))
                && !(start >= 2 && word(tokens.get(start - 1)).equals("the") && LOCATIVE.contains(word(tokens.get(start - 2))));
        }
        IndexedWord head = head(graph, start, end);
        if (head == null) {
            return false;
        }
        if (!hasCase(graph, head) && !graph.incomingEdgeList(head).isEmpty()
            && graph.incomingEdgeList(head).get(0).getRelation().toString().equals("conj")) {
            head = graph.incomingEdgeList(head).get(0).getGovernor();
        }
        for (SemanticGraphEdge e : graph.outgoingEdgeIterable(head)) {
            if (e.getRelation().toString().equals("case")) {
                String c = e.getDependent().word().toLowerCase(Locale.ROOT);
                return ACTOR_CASES.contains(c) && !(c.equals("for") && departure(graph, head));
            }
        }
        List<SemanticGraphEdge> in = graph.incomingEdgeList(head);
        if (in.isEmpty()) {
            return true;
        }
        String rel = in.get(0).getRelation().toString();
        String governor = in.get(0).getGovernor().lemma();
        return !((rel.equals("obj") || rel.equals("iobj") || rel.startsWith("obl"))
            && governor != null && PHYSICAL_VERBS.contains(governor.toLowerCase(Locale.ROOT)));
    }

    /** Whether a word has a preposition of its own. */
    static boolean hasCase(SemanticGraph graph, IndexedWord w) {
        for (SemanticGraphEdge e : graph.outgoingEdgeIterable(w)) {
            if (e.getRelation().toString().equals("case")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word (with "for") is the oblique of a departure verb. */
    static boolean departure(SemanticGraph graph, IndexedWord w) {
        for (SemanticGraphEdge in : graph.incomingEdgeIterable(w)) {
            String governor = in.getGovernor().lemma();
            if (in.getRelation().toString().startsWith("obl") && governor != null
                && DEPARTURE_VERBS.contains(governor.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    static boolean isSubject(SemanticGraph graph, int start, int end) {
        IndexedWord head = head(graph, start, end);
        String rel = head == null ? null : relation(graph, head);
        return rel != null && rel.startsWith("nsubj");
    }

    /** The relation of a word to its governor, looking through conjunctions to the first conjunct's. */
    static String relation(SemanticGraph graph, IndexedWord w) {
        IndexedWord node = w;
        for (int hops = 0; hops < 5; hops++) {
            List<SemanticGraphEdge> in = graph.incomingEdgeList(node);
            if (in.isEmpty()) {
                return "root";
            }
            String rel = in.get(0).getRelation().toString();
            if (!rel.equals("conj") && !rel.equals("appos")) {
                return rel;
            }
            node = in.get(0).getGovernor();
        }
        return null;
    }

    /** The token of {@code [start, end)} whose governor lies outside it. */
    static IndexedWord head(SemanticGraph graph, int start, int end) {
        for (int t = start; t < end; t++) {
            IndexedWord w = graph.getNodeByIndexSafe(t + 1);
            if (w == null) {
                continue;
            }
            List<SemanticGraphEdge> in = graph.incomingEdgeList(w);
            if (in.isEmpty()) {
                return w;
            }
            int gov = in.get(0).getGovernor().index() - 1;
            if (gov < start || gov >= end) {
                return w;
            }
        }
        return null;
    }

    static boolean isPossessive(CoreLabel t) {
        String w = t.word();
        return w.equals("'s") || w.equals("’s") || w.equals("'");
    }

    static String word(CoreLabel t) {
        return t.word().toLowerCase(Locale.ROOT);
    }

    /**
     * "France keeps a base in Djibouti, where about 1,500 of its troops are stationed": the nearest state or organisation
     * that is the subject of a clause above the noun.
     */
    static List<Entity> subjectAbove(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n) {
        IndexedWord w = n;
        for (int level = 0; level < 8 && w != null; level++) {
            IndexedWord subject = Graphs.subject(graph, w);
            Mention m = subject == null || subject.equals(n) ? null : Graphs.mention(doc, tokens, subject);
            if (m != null && m.entity() != null && m.entity().isOrganisational()) {
                return List.of(m.entity());
            }
            IndexedWord up = null;
            for (SemanticGraphEdge in : graph.incomingEdgeIterable(w)) {
                up = up == null ? in.getGovernor() : up;
            }
            w = up;
        }
        return List.of();
    }
}
