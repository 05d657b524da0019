package org.newskg.extract.frame;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.newskg.extract.Cues;
import org.newskg.nlp.NkgAnnotations;

/**
 * A condition on one word of a dependency graph, written in brackets after a path hop:
 * {@code [tag=/VB.+/]}, {@code [lemma=$FORCES]} (a cue list), {@code [kind=PERSON]} (the kind of the linked mention
 * the word belongs to), {@code [word!=on]}, {@code [has=cop]} (the word has a dependent by that relation). Several conditions are separated by commas and must all hold. Values compare
 * case-insensitively; {@code /.../} is a regular expression over the whole value; {@code $NAME} is a cue list.
 *
 * <pre>{@code
 * NodeTest t = NodeTest.parse("tag=/NN.+/,lemma=$FORCES", cues);
 * boolean forces = t.test(word);
 * }</pre>
 */
public final class NodeTest {
    private record Condition(String key, boolean negated, Pattern regex, Set<String> list, String literal) {}

    /** The test that every word passes. */
    public static final NodeTest ANY = new NodeTest(List.of());

    private final List<Condition> conditions;

    private NodeTest(List<Condition> conditions) {
        this.conditions = List.copyOf(conditions);
    }

    /** Parses {@code key=value,key!=value}; keys are tag, lemma, word, ner and kind. */
    public static NodeTest parse(String text, Cues cues) {
        List<Condition> out = new ArrayList<>();
        for (String part : splitTop(text)) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("node test '" + p + "': expected key=value");
            }
            boolean negated = p.charAt(eq - 1) == '!';
            String key = p.substring(0, negated ? eq - 1 : eq).strip().toLowerCase(Locale.ROOT);
            if (!Set.of("tag", "lemma", "word", "ner", "kind", "has").contains(key)) {
                throw new IllegalArgumentException("node test '" + p + "': unknown key " + key);
            }
            String value = p.substring(eq + 1).strip();
            if (value.length() > 1 && value.startsWith("/") && value.endsWith("/")) {
                out.add(new Condition(key, negated, Pattern.compile(value.substring(1, value.length() - 1), Pattern.CASE_INSENSITIVE), null, null));
            } else if (value.startsWith("$")) {
                out.add(new Condition(key, negated, null, cues.get(value.substring(1)), null));
            } else {
                out.add(new Condition(key, negated, null, null, value.toLowerCase(Locale.ROOT)));
            }
        }
        return new NodeTest(out);
    }

    /** Whether the word passes every condition. */
    public boolean test(IndexedWord w) {
        return test(w, null);
    }

    /** Whether the word passes every condition; {@code has} conditions need the graph (without one they fail). */
    public boolean test(IndexedWord w, SemanticGraph graph) {
        for (Condition c : conditions) {
            if (c.key().equals("has")) {
                boolean has = false;
                for (SemanticGraphEdge e : graph == null ? List.<SemanticGraphEdge>of() : graph.outgoingEdgeList(w)) {
                    String rel = e.getRelation().toString();
                    has |= c.regex() != null ? c.regex().matcher(rel).matches() : c.list() != null ? c.list().contains(rel) : c.literal().equals(rel);
                }
                if (has == c.negated()) {
                    return false;
                }
                continue;
            }
            String v = value(c.key(), w);
            boolean ok = v != null && (c.regex() != null ? c.regex().matcher(v).matches()
                : c.list() != null ? c.list().contains(v.toLowerCase(Locale.ROOT)) : c.literal().equals(v.toLowerCase(Locale.ROOT)));
            if (ok == c.negated()) {
                return false;
            }
        }
        return true;
    }

    private static String value(String key, IndexedWord w) {
        Function<CoreLabel, String> f = switch (key) {
            case "tag" -> CoreLabel::tag;
            case "lemma" -> CoreLabel::lemma;
            case "word" -> CoreLabel::word;
            case "ner" -> CoreLabel::ner;
            default -> l -> l.get(NkgAnnotations.KindAnnotation.class);
        };
        return f.apply(w.backingLabel());
    }

    /** Splits on commas outside {@code /.../}. */
    private static List<String> splitTop(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inRegex = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '/' && (i == 0 || text.charAt(i - 1) != '\\')) {
                inRegex = !inRegex;
            }
            if (ch == ',' && !inRegex) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
