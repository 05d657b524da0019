package org.newskg.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.newskg.nlp.NkgAnnotations;

/**
 * The words of an event that are not entities, as written: an item or topic as its head noun phrase (compounds,
 * adjectives and numbers, and for topics their of/on complements, as far as they run on unbroken), an item phrase
 * split over conjoined modifiers, the thing a quantity or sum counts ("millions of shells", "$500 million in aid"),
 * a troop count with its approximation, and an agreed action as a noun ("agreed to restore relations" gives
 * "restoration of relations").
 *
 * <pre>{@code
 * String item = phrases.phrase(graph, tokens, phrases.throughQuantity(graph, node), false);
 * }</pre>
 */
final class Phrases {
    static final Set<String> PHRASE_CHILDREN = Set.of("compound", "amod", "flat", "nummod");
    /** Joins the items of one mention until {@link EventMerger#distributed} makes one fact of each. */
    static final String ITEM_SEPARATOR = "\n";

    private final Cues cues;

    Phrases(Cues cues) {
        this.cues = cues;
    }

    /** "millions of artillery shells", "a batch of missiles", "$500 million in aid": the noun after the quantity word or sum. */
    IndexedWord throughQuantity(SemanticGraph graph, IndexedWord n) {
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
    TroopCount troops(SemanticGraph graph, IndexedWord n) {
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
    TroopCount count(SemanticGraph graph, IndexedWord num, IndexedWord n) {
        Set<String> mods = new HashSet<>();
        collectModifiers(graph, num, mods, 0);
        collectModifiers(graph, n, mods, 1);
        if (num.word().toLowerCase(Locale.ROOT).matches("dozens?|scores?|hundreds?|thousands?") && (mods.contains("several")
            || mods.contains("few") || mods.contains("many") || num.word().endsWith("s"))) {
            // "several dozen officers", "several thousand troops", "dozens of soldiers": vague, no count.
            return null;
        }
        String value = num.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
        if (value == null) {
            Number v = num.get(CoreAnnotations.NumericCompositeValueAnnotation.class);
            value = v == null ? null : v.toString();
        }
        return TroopCount.of(value, mods, cues.get("APPROXIMATE"));
    }

    static void collectModifiers(SemanticGraph graph, IndexedWord n, Set<String> out, int depth) {
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
    String phrase(SemanticGraph graph, List<CoreLabel> tokens, IndexedWord head, boolean topic) {
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
    static List<String> distributedPhrases(SemanticGraph graph, List<CoreLabel> tokens, IndexedWord head, String phrase) {
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
    static String text(List<CoreLabel> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int t = from; t < to; t++) {
            if (t > from && tokens.get(t).beginPosition() > tokens.get(t - 1).endPosition()) {
                sb.append(' ');
            }
            sb.append(tokens.get(t).originalText());
        }
        return sb.toString();
    }

    /** A token a phrase may run across: a conjunction, a hyphen or a named mention ("rockets and missiles", "ATACMS missiles"). */
    static boolean bridges(List<CoreLabel> tokens, int t) {
        if (t < 0 || t >= tokens.size()) {
            return false;
        }
        String w = tokens.get(t).word().toLowerCase(Locale.ROOT);
        return w.equals("and") || w.equals("or") || w.equals("-") || tokens.get(t).get(NkgAnnotations.MentionAnnotation.class) != null;
    }

    void collectPhrase(SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n, Set<Integer> in, boolean topic, int depth) {
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
    boolean notTransferred(SemanticGraph graph, IndexedWord n) {
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
    static boolean isTime(CoreLabel token) {
        String ner = token.ner();
        return "DATE".equals(ner) || "TIME".equals(ner) || "DURATION".equals(ner) || "SET".equals(ner);
    }

    /** "agreed to restore diplomatic relations": the agreed action as a noun with its object, "restoration of diplomatic relations". */
    String actionTopic(SemanticGraph graph, List<CoreLabel> tokens, IndexedWord action) {
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
    String agreedAction(SemanticGraph graph, List<CoreLabel> tokens, IndexedWord topic) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(topic)) {
            String rel = c.getRelation().toString();
            IndexedWord d = c.getDependent();
            if ((rel.equals("acl:to") || rel.equals("acl")) && Graphs.isVerbLike(d) && d.index() > topic.index()) {
                String a = actionTopic(graph, tokens, d);
                if (a != null) {
                    return a;
                }
            }
            if (rel.equals("nmod:on") && cues.has("AGREEMENT_NOUN", Graphs.lemmaOf(d)) && !cues.has("AGREEMENT_NOUN", Graphs.lemmaOf(topic))) {
                return phrase(graph, tokens, d, true);
            }
            boolean document = cues.has("AGREEMENT_DOCUMENT", Graphs.lemmaOf(topic));
            if (document && (rel.equals("acl:on") || rel.equals("acl:for") || rel.equals("nmod:on") || rel.equals("nmod:for"))
                && "VBG".equals(d.tag())) {
                String a = actionTopic(graph, tokens, d);
                if (a != null) {
                    return a;
                }
            }
            if (document && (rel.equals("nmod:for") || rel.equals("nmod:on")) && cues.has("ACTION_NOUN", Graphs.lemmaOf(d))) {
                return phrase(graph, tokens, d, true);
            }
        }
        return null;
    }

    /** "halt six weeks of fighting": a length of time with an of-complement stands for that complement. */
    static IndexedWord pastDuration(SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n) {
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
}
