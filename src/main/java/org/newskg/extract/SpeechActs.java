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

/**
 * What a statement trigger is: its kind from the verb ("urged" and "called on" are called-for), the speaker of a
 * verb the parser hangs on the wrong clause ("..., calling the remarks offensive", "responded by accusing", "..., X
 * said"), a participle that only goes on with a speech act, speech verbs inside what another reports, and the turns
 * of a briefing transcript ("MR PRICE: ...").
 *
 * <pre>{@code
 * String kind = speech.statementKind(graph, trigger);
 * }</pre>
 */
final class SpeechActs {
    private final Cues cues;
    private final Coreference coref;

    SpeechActs(Cues cues, Coreference coref) {
        this.cues = cues;
        this.coref = coref;
    }

    /**
     * Where the colon of a speaker label in capitals ends it ("QUESTION:", "MR PRICE:", within the first five tokens),
     * or -1 when the sentence opens with none.
     */
    private static int labelColon(List<CoreLabel> tokens) {
        for (int t = 0; t < Math.min(tokens.size(), 5); t++) {
            String w = tokens.get(t).word();
            if (w.equals(":")) {
                return t > 0 ? t : -1;
            }
            if (!w.equals(w.toUpperCase(Locale.ROOT)) || !w.matches("[A-Z][A-Z.'-]*")) {
                return -1;
            }
        }
        return -1;
    }

    /** Whether a sentence opens with a speaker label, which ends the turn before it. */
    static boolean turnLabel(List<CoreLabel> tokens) {
        return labelColon(tokens) > 0;
    }

    /**
     * A briefing transcript's turn, "MR PRICE: ..." or "RYDER: ...": the person of the article whose surname the speaker
     * label gives says what follows, on the day the transcript is published. "QUESTION:" and unknown labels give nothing.
     */
    static EventFact transcriptTurn(LinkedDocument doc, List<CoreLabel> tokens, int si, Offsets offsets) {
        int colon = labelColon(tokens);
        if (colon < 1) {
            return null;
        }
        String surname = tokens.get(colon - 1).word();
        Entity speaker = null;
        int labelEnd = tokens.get(colon).beginPosition();
        for (Mention m : doc.mentions()) {
            Entity e = m.entity();
            // Speaker labels ("MR MILLER") are no other person.
            boolean label = m.span().sentence() == si + 1 && m.span().begin() < labelEnd
                || m.span().text().equals(m.span().text().toUpperCase(Locale.ROOT));
            if (!label && e != null && e.kind() == Kind.PERSON && Graphs.lastWord(e.label()).equalsIgnoreCase(surname)) {
                if (speaker != null && !speaker.equals(e)) {
                    return null;
                }
                speaker = e;
            }
        }
        if (speaker == null) {
            return null;
        }
        Span span = offsets.span(si + 1, tokens.get(0).beginPosition(), tokens.get(colon - 1).endPosition());
        // A briefing is held on the day its transcript is published.
        EventDate day = new EventDate(doc.date().toString(), EventDate.Granularity.DAY);
        return new EventFact(EventType.STATEMENT, List.of(speaker), List.of(), List.of(), List.of(), List.of(), List.of(), null, null,
            "said", null, day, Factuality.REPORTED, List.of(span));
    }

    /** "..., South Korea's spy agency said on Friday", parsed without a subject: the entity named just before the verb (or before its comma: "..., the minister, X, said"). */
    List<Entity> speakerBefore(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord trigger,
                                       List<PostFact> posts) {
        IndexedWord before = graph.getNodeByIndexSafe(trigger.index() - 1);
        if (before != null && before.word().equals(",")) {
            before = graph.getNodeByIndexSafe(trigger.index() - 2);
        }
        Mention m = before == null ? null : Graphs.mention(doc, tokens, before);
        Entity e = m != null && m.entity() != null && m.entity().kind() != Kind.ROLE ? coref.asActor(m.entity(), false, posts, doc) : null;
        return e == null ? List.of() : List.of(e);
    }

    /**
     * A speech verb that belongs to the main clause however the parser hung it: a subjectless participle after a comma or
     * "by" ("..., calling the remarks offensive", "responded by accusing ..."), or a verb after ", and" or a subjectless one
     * after "and" when the main verb is a speech verb ("said ... that X needed help, and warned that ...").
     */
    IndexedWord host(SemanticGraph graph, List<CoreLabel> tokens, IndexedWord trigger) {
        if (trigger.index() < 3) {
            return null;
        }
        String prev = tokens.get(trigger.index() - 2).word().toLowerCase(Locale.ROOT);
        String prev2 = tokens.get(trigger.index() - 3).word();
        boolean own = Graphs.subject(graph, trigger) != null;
        if ("VBG".equals(trigger.tag()) && !own && (prev.equals(",") || prev.equals("by"))) {
            return clauseAbove(graph, trigger);
        }
        IndexedWord root = graph.getFirstRoot();
        boolean coordinated = root != null && !root.equals(trigger) && Graphs.subject(graph, root) != null && cues.has("SPEECH", Graphs.lemmaOf(root))
            && (prev.equals("and") || prev.equals("but")) && (!own || prev2.equals(","));
        return coordinated ? root : null;
    }

    /**
     * The nearest verb above a participle; a clause the participle only marks ("saying the government
     * would review", parsed with "saying" as its marker) is passed over.
     */
    static IndexedWord clauseAbove(SemanticGraph graph, IndexedWord participle) {
        IndexedWord n = participle;
        Set<IndexedWord> seen = new HashSet<>();
        for (int level = 0; level < 4 && n != null && seen.add(n); level++) {
            IndexedWord up = null;
            boolean marks = false;
            for (SemanticGraphEdge in : graph.incomingEdgeIterable(n)) {
                if (up == null) {
                    up = in.getGovernor();
                    marks = in.getRelation().toString().equals("mark");
                }
            }
            if (up != null && !marks && Graphs.isVerbLike(up)) {
                return up;
            }
            n = up;
        }
        return null;
    }

    /** "denied the reports, calling them fake": a speaking participle under a speech verb, part of that speech act. */
    boolean elaborates(SemanticGraph graph, IndexedWord trigger) {
        IndexedWord above = "VBG".equals(trigger.tag()) ? clauseAbove(graph, trigger) : null;
        return above != null && cues.has("SPEECH", Graphs.lemmaOf(above));
    }

    /**
     * "Kirby said Washington welcomed the effort": a weaker speech verb (welcome, praise, stress, ...) inside what another
     * speech verb reports is part of that report, not a statement of its own.
     */
    boolean reportedSpeech(SemanticGraph graph, IndexedWord trigger) {
        for (SemanticGraphEdge in : graph.incomingEdgeIterable(trigger)) {
            if (in.getRelation().toString().equals("ccomp") && cues.has("SPEECH", Graphs.lemmaOf(in.getGovernor()))) {
                return true;
            }
        }
        return false;
    }

    /** "responded to the report by accusing X": a neutral speech verb whose act another speech verb names is that act alone. */
    boolean answeredBy(SemanticGraph graph, IndexedWord trigger) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(trigger)) {
            String rel = c.getRelation().toString();
            String l = Graphs.lemmaOf(c.getDependent());
            if ((rel.equals("advcl:by") || rel.equals("obl:by")) && cues.has("SPEECH", l) && !cues.has("KIND_SAID", l)) {
                return true;
            }
        }
        return false;
    }

    /** The entities of the host clause's subject, as speakers; for a subjectless speech verb, the entity named before it. */
    List<Entity> mainSpeaker(LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord host, List<PostFact> posts,
                                     Antecedents antecedents) {
        IndexedWord subject = Graphs.subject(graph, host);
        if (subject == null) {
            return cues.has("SPEECH", Graphs.lemmaOf(host)) ? speakerBefore(doc, graph, tokens, host, posts) : List.of();
        }
        List<Entity> out = new ArrayList<>();
        for (Entity e : coref.entities(doc, graph, tokens, subject, false, new TreeSet<>(), posts, false, antecedents)) {
            Entity r = coref.asActor(e, false, posts, doc);
            if (r != null && !out.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** A verb coordinated on the surface ("..., and Seoul said", "... and urged"): "and" before it or before its subject. */
    static boolean afterAnd(SemanticGraph graph, List<CoreLabel> tokens, IndexedWord verb) {
        int first = verb.index() - 1;
        IndexedWord s = Graphs.subject(graph, verb);
        if (s != null && s.index() < verb.index()) {
            for (IndexedWord d : graph.descendants(s)) {
                first = Math.min(first, d.index() - 1);
            }
        }
        int k = first - 1;
        while (k >= 0 && tokens.get(k).tag() != null && tokens.get(k).tag().startsWith("RB")) {
            k--;
        }
        return k >= 0 && (tokens.get(k).word().equalsIgnoreCase("and") || tokens.get(k).word().equalsIgnoreCase("but"));
    }

    /** The statement kind from the trigger's lemma ("call on/for" is called-for). */
    String statementKind(SemanticGraph graph, IndexedWord trigger) {
        String lemma = trigger.lemma() == null ? "" : trigger.lemma().toLowerCase(Locale.ROOT);
        for (String kind : List.of("ACCUSED", "DENIED", "CALLED_FOR", "ANNOUNCED", "CONDEMNED", "THREATENED", "WARNED", "SAID")) {
            if (cues.has("KIND_" + kind, lemma)) {
                IndexedWord next = graph.getNodeByIndexSafe(trigger.index() + 1);
                boolean particle = next != null && (next.word().equalsIgnoreCase("on") || next.word().equalsIgnoreCase("for"));
                if (kind.equals("CALLED_FOR") && lemma.equals("call") && !particle && !Graphs.hasChild(graph, trigger, "for", "on")) {
                    return describes(graph, trigger) ? "said" : null;
                }
                return kind.toLowerCase(Locale.ROOT).replace('_', '-');
            }
        }
        return null;
    }

    /** "called the proposal a positive one": a nominal or adjectival complement describing the object (or the adjective parsed as object). */
    static boolean describes(SemanticGraph graph, IndexedWord n) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            String tag = c.getDependent().tag();
            String rel = c.getRelation().toString();
            if ((rel.equals("xcomp") && tag != null && (tag.startsWith("NN") || tag.startsWith("JJ")) || rel.equals("obj") && "JJ".equals(tag))) {
                return true;
            }
        }
        return false;
    }
}
