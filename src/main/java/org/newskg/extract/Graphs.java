package org.newskg.extract;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.newskg.nlp.NkgAnnotations;

/**
 * Small questions about a word in a sentence's dependency graph that every extraction stage asks: its lower-case
 * lemma, its subject, whether it is a verb, whether it has a given child, and which linked mention it belongs to.
 *
 * <pre>{@code
 * IndexedWord s = Graphs.subject(graph, verb);
 * }</pre>
 */
final class Graphs {
    private Graphs() {}

    static IndexedWord first(Set<IndexedWord> nodes) {
        return nodes == null || nodes.isEmpty() ? null : nodes.iterator().next();
    }

    static Mention mention(LinkedDocument doc, List<CoreLabel> tokens, IndexedWord w) {
        int t = w.index() - 1;
        if (t < 0 || t >= tokens.size()) {
            return null;
        }
        Integer i = tokens.get(t).get(NkgAnnotations.MentionAnnotation.class);
        return i == null ? null : doc.mentions().get(i);
    }

    static boolean hasChild(SemanticGraph graph, IndexedWord n, String... words) {
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

    static String lastWord(String label) {
        String[] ws = label.toLowerCase(Locale.ROOT).split("\\s+");
        return ws[ws.length - 1];
    }

    static String lemmaOf(IndexedWord n) {
        return n.lemma() == null ? "" : n.lemma().toLowerCase(Locale.ROOT);
    }

    static IndexedWord subject(SemanticGraph graph, IndexedWord n) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            if (c.getRelation().toString().startsWith("nsubj")) {
                return c.getDependent();
            }
        }
        return null;
    }

    static boolean isVerbLike(IndexedWord n) {
        return n.tag() != null && n.tag().startsWith("VB");
    }

    static String lemmaWithParticle(SemanticGraph graph, IndexedWord n) {
        String l = n.lemma() == null ? n.word() : n.lemma();
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            if (c.getRelation().toString().equals("compound:prt")) {
                return (l + "_" + c.getDependent().word()).toLowerCase(Locale.ROOT);
            }
        }
        return l.toLowerCase(Locale.ROOT);
    }
}
