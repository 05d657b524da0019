package org.newskg.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides how an article presents an event from the cue words around its trigger, nearest first:
 * the trigger's own negation, allegation adverbs and modals, then each governing word up the parse
 * ("accused X of sending", "plans to deploy", "refused to supply"). The first cue decides;
 * a neutral reporting verb ("said") ends the search with {@link Factuality#REPORTED}.
 *
 * <pre>{@code
 * Factuality f = new FactualityRules(cues).decide(List.of("would", "say")); // POSSIBLE
 * }</pre>
 */
public final class FactualityRules {
    private final Cues cues;

    public FactualityRules(Cues cues) {
        this.cues = cues;
    }

    /** The factuality given cue words (lemmas, lower case) ordered from the trigger outwards. */
    public Factuality decide(List<String> around) {
        for (String w : around) {
            if (cues.has("NEGATION", w)) {
                return Factuality.NEGATED;
            }
            if (cues.has("ALLEGATION", w)) {
                return Factuality.ALLEGED;
            }
            if (cues.has("HEDGE", w) || cues.has("PROMISE", w)) {
                return Factuality.POSSIBLE;
            }
            if (cues.has("REPORTING", w)) {
                return Factuality.REPORTED;
            }
        }
        return Factuality.REPORTED;
    }

    /**
     * Cue words around a trigger, nearest first (a negation before the modal beside it: "would not send"): its negation,
     * adverbs and auxiliaries, then each
     * governor (through xcomp, ccomp, adverbial and of-clauses, clausal modifiers, objects of light
     * verbs and conjunctions) with its own such words, up to a clause that a neutral verb reports. A relative clause
     * states its own fact ("the deal they had reached"), and so does a clause of time, contrast or cause ("..., while
     * Peskov accused ..."), so the search does not leave them; nor does a speech verb the parser hangs loosely on what it
     * reports ("Hungary will not send troops, the minister said"). {@code levels} bounds how many words up it looks (1: the trigger's own).
     */
    List<String> cuesAround(SemanticGraph graph, IndexedWord trigger, int levels) {
        List<String> out = new ArrayList<>();
        IndexedWord n = trigger;
        Set<IndexedWord> seen = new HashSet<>();
        boolean sibling = false;
        IndexedWord subject = Graphs.subject(graph, trigger);
        if (subject != null) {
            for (SemanticGraphEdge c : graph.outgoingEdgeIterable(subject)) {
                String rel = c.getRelation().toString();
                String l = Graphs.lemmaOf(c.getDependent());
                if ((rel.equals("det") || rel.equals("cc:preconj")) && cues.has("NEGATION", l)) {
                    out.add(l);
                }
            }
        }
        for (int level = 0; level < levels && n != null && seen.add(n); level++) {
            boolean reportNoun = level > 0 && !Graphs.isVerbLike(n) && cues.has("REPORTING", n.lemma() == null ? "" : n.lemma().toLowerCase(Locale.ROOT));
            if (level > 0 && !sibling && !reportNoun) {
                out.add(Graphs.lemmaWithParticle(graph, n));
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
                    IndexedWord mine = Graphs.subject(graph, n);
                    IndexedWord theirs = Graphs.subject(graph, in.getGovernor());
                    if (mine != null && theirs != null && !mine.equals(theirs)) {
                        break;
                    }
                    sibling = true;
                }
                boolean relative = rel.equals("acl:relcl") || rel.equals("ccomp") && cues.has("AGREEMENT_NOUN", Graphs.lemmaOf(in.getGovernor()));
                boolean asserted = rel.startsWith("advcl:") && cues.has("ASSERTED_CLAUSE", rel.substring("advcl:".length()))
                    || level == 0 && (rel.equals("dep") || rel.equals("parataxis")) && cues.has("SPEECH", Graphs.lemmaOf(n));
                if (next == null && !relative && !asserted && (rel.equals("xcomp") || rel.equals("ccomp") || rel.startsWith("advcl") || rel.equals("amod")
                    || rel.startsWith("acl") || rel.equals("obl:of") || rel.equals("nmod:of") || rel.equals("nmod:for") || rel.equals("obl:for") || rel.equals("nmod:including") || rel.equals("obj") || rel.equals("dep") && Graphs.isVerbLike(n)
                    || rel.equals("nsubj:pass") || rel.startsWith("conj") || rel.equals("obl:to") && Graphs.isVerbLike(n))) {
                    next = in.getGovernor();
                }
            }
            n = next;
        }
        return out;
    }
}
