package org.newskg.extract.frame;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.newskg.extract.Cues;

/**
 * A path through an enhanced++ dependency graph from one word to others, as frames write argument paths: hops separated
 * by spaces, each {@code >rel} (down to a dependent) or {@code <rel} (up to a governor), where {@code rel} is a relation
 * name ({@code obl:with}) or a regular expression over the whole name ({@code /obl:(to|into)/}), optionally followed by a
 * {@link NodeTest} in brackets on the word reached. A lone node test ({@code [tag=/NN.+/]}) tests the start word.
 *
 * <pre>{@code
 * DepPath p = DepPath.parse(">obl:with", cues);           // "met with X" -> X
 * DepPath q = DepPath.parse("<obj[lemma=$LIGHT_VERB] >/nsubj(:xsubj)?/", cues); // "X held talks" -> X
 * Set<IndexedWord> ends = p.follow(graph, trigger);
 * }</pre>
 */
public final class DepPath {
    private record Hop(boolean down, Pattern relation, NodeTest test) {}

    private final String source;
    private final List<Hop> hops;

    private DepPath(String source, List<Hop> hops) {
        this.source = source;
        this.hops = List.copyOf(hops);
    }

    /** Parses a path; an unbalanced bracket or an unknown key is an error naming the path. */
    public static DepPath parse(String text, Cues cues) {
        List<Hop> hops = new ArrayList<>();
        String s = text.strip();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean down;
            Pattern rel;
            if (c == '[') {
                down = true;
                rel = null;
            } else if (c == '>' || c == '<') {
                down = c == '>';
                i++;
                int end = i;
                if (end < s.length() && s.charAt(end) == '/') {
                    end = s.indexOf('/', end + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("path '" + text + "': unclosed /regex/");
                    }
                    rel = Pattern.compile(s.substring(i + 1, end));
                    end++;
                } else {
                    while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '[') {
                        end++;
                    }
                    rel = Pattern.compile(Pattern.quote(s.substring(i, end)));
                }
                i = end;
            } else {
                throw new IllegalArgumentException("path '" + text + "': expected > or < at " + s.substring(i));
            }
            NodeTest test = NodeTest.ANY;
            if (i < s.length() && s.charAt(i) == '[') {
                int close = s.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("path '" + text + "': unclosed [");
                }
                try {
                    test = NodeTest.parse(s.substring(i + 1, close), cues);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("path '" + text + "': " + e.getMessage(), e);
                }
                i = close + 1;
            }
            hops.add(new Hop(down, rel, test));
        }
        if (hops.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        return new DepPath(s, hops);
    }

    /** The words the path reaches from {@code start}, in graph order of discovery. */
    public Set<IndexedWord> follow(SemanticGraph graph, IndexedWord start) {
        Set<IndexedWord> at = new LinkedHashSet<>();
        at.add(start);
        for (Hop h : hops) {
            Set<IndexedWord> next = new LinkedHashSet<>();
            for (IndexedWord n : at) {
                if (h.relation() == null) {
                    if (h.test().test(n, graph)) {
                        next.add(n);
                    }
                    continue;
                }
                Iterable<SemanticGraphEdge> edges = h.down() ? graph.outgoingEdgeIterable(n) : graph.incomingEdgeIterable(n);
                for (SemanticGraphEdge e : edges) {
                    IndexedWord other = h.down() ? e.getDependent() : e.getGovernor();
                    if (h.relation().matcher(e.getRelation().toString()).matches() && h.test().test(other, graph)) {
                        next.add(other);
                    }
                }
            }
            at = next;
            if (at.isEmpty()) {
                break;
            }
        }
        return at;
    }

    @Override
    public String toString() {
        return source;
    }
}
