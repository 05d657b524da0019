package org.newskg.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Event dates within one article, read sentence by sentence in text order. An event's date is the
 * DATE expression attached to its trigger, directly or through the occasion it names ("said in a
 * statement on Tuesday", "said after Saturday's meeting", "later on Tuesday"). Expressions that point
 * back ("the same day", "that evening", "the following day", "at the same event") resolve against
 * the last day named earlier in the sentence, else in the previous sentence, else the article's
 * first; a definite occasion ("after the talks", "at the meeting") takes the date of the last dated
 * occasion of the same word, else of its class (cue lists {@code OCCASION_*}), else the day named before.
 * A participle ("saying", "speaking after the talks") shares the time of the clause it modifies, an occasion
 * noun as subject the time of its verb ("talks between X and Y began on Monday"), and
 * a relative clause on a date ("in June, when Putin visited") takes that date. A month told in the past tense that SUTime
 * placed after publication moves back a year.
 *
 * <pre>{@code
 * OccasionDates dates = new OccasionDates(cues, published);
 * dates.addSentence(0, graph, tokens);
 * EventDate d = dates.date(0, graph, tokens, trigger);
 * }</pre>
 */
final class OccasionDates {
    private static final List<String> CLASSES = List.of("OCCASION_MEETING", "OCCASION_VISIT", "OCCASION_CEREMONY");
    private static final Set<String> DEFINITE = Set.of("the", "this", "that");

    /** A day named in the text, or a dated occasion: its sentence, token index (0-based), class and date. */
    private record Anchor(int sentence, int token, String kind, String lemma, EventDate date) {}

    private final Cues cues;
    private final LocalDate published;
    private final List<Anchor> days = new ArrayList<>();
    private final List<Anchor> occasions = new ArrayList<>();

    OccasionDates(Cues cues, LocalDate published) {
        this.cues = cues;
        this.published = published;
    }

    /**
     * Registers the days a sentence names and its dated occasions (an undated occasion takes the date of what happened
     * at it: "reached a deal on Saturday at a summit"); call for every sentence in order.
     */
    void addSentence(int si, SemanticGraph graph, List<CoreLabel> tokens) {
        for (int t = 0; t < tokens.size(); t++) {
            if (isTemporal(tokens.get(t)) && (t == 0 || !isTemporal(tokens.get(t - 1)))) {
                List<Integer> group = group(tokens, t);
                if (anaphor(tokens, group) == null) {
                    EventDate d = explicit(tokens, group);
                    if (d != null && d.granularity() == EventDate.Granularity.DAY) {
                        days.add(new Anchor(si, t, null, null, d));
                    }
                }
            }
        }
        for (IndexedWord w : graph.vertexListSorted()) {
            String kind = occasionClass(w.lemma());
            if (kind != null) {
                EventDate d = date(si, graph, tokens, w);
                for (SemanticGraphEdge in : graph.incomingEdgeIterable(w)) {
                    boolean host = in.getRelation().toString().matches("obl:(at|during|in)") && in.getGovernor().tag() != null
                        && in.getGovernor().tag().startsWith("VB");
                    d = d == null && host ? date(si, graph, tokens, in.getGovernor()) : d;
                }
                if (d != null) {
                    occasions.add(new Anchor(si, w.index() - 1, kind, w.lemma().toLowerCase(Locale.ROOT), d));
                }
            }
        }
    }

    /** The date of the event a trigger word names, or null when the text gives none; a report of the event ("the deployment ... was announced on Friday") does not date it. */
    EventDate date(int si, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord trigger) {
        IndexedWord n = trigger;
        for (int level = 0; level < 2 && n != null; level++) {
            EventDate d = own(si, graph, tokens, n, 0, true);
            if (d != null) {
                boolean past = trigger.tag() != null && (trigger.tag().equals("VBD") || trigger.tag().equals("VBN"));
                return past && d.granularity() == EventDate.Granularity.MONTH && d.after(published) ? d.yearEarlier() : d;
            }
            IndexedWord next = null;
            for (SemanticGraphEdge in : graph.incomingEdgeIterable(n)) {
                String rel = in.getRelation().toString();
                int g = in.getGovernor().index() - 1;
                if (rel.equals("acl:relcl") && g >= 0 && g < tokens.size() && isTemporal(tokens.get(g))) {
                    EventDate when = resolve(si, tokens, group(tokens, g));
                    if (when != null) {
                        return when;
                    }
                }
                if (next == null && rel.equals("acl:relcl") && hasChild(graph, n, "advmod", "where")) {
                    for (SemanticGraphEdge up : graph.incomingEdgeIterable(in.getGovernor())) {
                        next = next == null && up.getRelation().toString().startsWith("obl") ? up.getGovernor() : next;
                    }
                }
                boolean occasionSubject = rel.equals("nsubj") && occasionClass(n.lemma()) != null;
                boolean reported = (rel.equals("obj") || rel.equals("nsubj:pass")) && cues.has("SPEECH", lower(in.getGovernor().lemma()));
                if (next == null && !reported && (rel.equals("obj") || rel.equals("nsubj:pass") || rel.equals("xcomp") || rel.startsWith("conj")
                    || occasionSubject || (rel.startsWith("advcl") && !accusedOf(rel) || rel.equals("dep")) && "VBG".equals(n.tag()))) {
                    next = in.getGovernor();
                }
            }
            n = next;
        }
        return null;
    }

    /**
     * A date among a word's temporal and prepositional modifiers, looking into the occasions they name. An occasion
     * a statement was made before ("said before the trip") or that it judges ("condemned the trip") does not date it. Along {@code nounChain} (the trigger noun
     * and its compounds) number and adjective modifiers date it too ("the 2016 submarine deal").
     */
    private EventDate own(int si, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n, int depth, boolean nounChain) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            String rel = c.getRelation().toString();
            IndexedWord d = c.getDependent();
            // "stationed in Chad until late last year": an end, not the event's time.
            boolean prep = (rel.startsWith("obl") || rel.startsWith("nmod") && !rel.equals("nmod:poss"))
                && !rel.matches(".*:(until|till|through|to)");
            boolean occasion = occasionClass(d.lemma()) != null || hasChild(graph, d, "amod", "same");
            boolean participle = d.tag() != null && d.tag().equals("VBG");
            boolean spoken = depth == 0 && cues.has("SPEECH", lower(n.lemma()));
            boolean judged = spoken && !cues.has("KIND_SAID", lower(n.lemma()));
            if (depth == 0 && rel.startsWith("advcl") && participle && !(spoken && rel.equals("advcl:of"))) {
                EventDate inner = own(si, graph, tokens, d, 1, false);
                if (inner != null) {
                    return inner;
                }
                continue;
            }
            if (depth > 0 && rel.equals("acl") && isNoun(n)) {
                EventDate onClause = onParticiple(si, graph, tokens, d);
                if (onClause != null) {
                    return onClause;
                }
                continue;
            }
            if (depth == 0 && rel.equals("obj") && !occasion) {
                EventDate onObject = onObject(si, graph, tokens, d);
                if (onObject != null) {
                    return onObject;
                }
                continue;
            }
            boolean before = spoken && rel.endsWith(":before");
            if (depth == 0 && rel.equals("obl:tmod") && presentPerfect(graph, n)) {
                continue;
            }
            boolean modifier = nounChain && isNoun(n) && (rel.equals("compound") || rel.equals("nummod") || rel.equals("amod"));
            boolean ok = prep && !(before && occasion) || rel.equals("advmod") || rel.equals("nmod:poss")
                || depth > 0 && rel.equals("compound") || depth == 0 && rel.equals("obj") && occasion && !judged || modifier;
            if (!ok || d.tag() != null && d.tag().startsWith("VB") || d.index() < 1 || d.index() > tokens.size()) {
                continue;
            }
            int t = d.index() - 1;
            if (isTemporal(tokens.get(t))) {
                EventDate date = resolve(si, tokens, group(tokens, t));
                if (date != null) {
                    return date;
                }
                continue;
            }
            if (depth < 2 && (prep || rel.equals("advmod") || occasion || modifier && rel.equals("compound"))) {
                EventDate inner = own(si, graph, tokens, d, depth + 1, modifier && rel.equals("compound"));
                if (inner != null) {
                    return inner;
                }
            }
            if (occasion) {
                EventDate back = definiteOccasion(si, graph, d);
                if (back != null) {
                    return back;
                }
            }
        }
        return null;
    }

    /**
     * "accused X on Friday of sending shells", "blamed Y for supplying drones": what someone is accused or blamed of is
     * not dated by the accusation.
     */
    private static boolean accusedOf(String rel) {
        return rel.equals("advcl:of") || rel.equals("advcl:for");
    }

    /** "has accused X of supplying rockets last year": a present perfect takes no bare past time, which belongs to a clause below. */
    private static boolean presentPerfect(SemanticGraph graph, IndexedWord n) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            String tag = c.getDependent().tag();
            if (c.getRelation().toString().equals("aux") && "have".equalsIgnoreCase(c.getDependent().lemma())
                && ("VBZ".equals(tag) || "VBP".equals(tag))) {
                return true;
            }
        }
        return false;
    }

    /** A noun, whose compound and number modifiers may date it ("the 2016 submarine deal"). */
    private static boolean isNoun(IndexedWord n) {
        return n.tag() != null && n.tag().startsWith("NN");
    }

    /** "condemned the pact on Thursday", "unveiled the pact that evening", with the date parsed onto the object: a temporal modifier of the object. */
    private EventDate onObject(int si, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord object) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(object)) {
            String rel = c.getRelation().toString();
            int t = c.getDependent().index() - 1;
            if ((rel.equals("nmod:on") || rel.equals("nmod:tmod") || rel.equals("obl:tmod")) && t >= 0 && t < tokens.size() && isTemporal(tokens.get(t))) {
                return resolve(si, tokens, group(tokens, t));
            }
            if (rel.equals("acl") && "VBG".equals(c.getDependent().tag())) {
                EventDate inner = onParticiple(si, graph, tokens, c.getDependent());
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** "signed agreements establishing ties ... on Tuesday", "agreed to a ceasefire brokered by X on Tuesday": a date the parser hangs on a participle modifying the object. */
    private EventDate onParticiple(int si, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord participle) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(participle)) {
            String rel = c.getRelation().toString();
            int t = c.getDependent().index() - 1;
            if ((rel.equals("obl:on") || rel.equals("obl:tmod") || rel.equals("obl:in")) && t >= 0 && t < tokens.size() && isTemporal(tokens.get(t))) {
                return resolve(si, tokens, group(tokens, t));
            }
        }
        return null;
    }

    /** "the same event", "the talks", "that meeting": the occasion named before. */
    private EventDate definiteOccasion(int si, SemanticGraph graph, IndexedWord d) {
        if (hasChild(graph, d, "amod", "same")) {
            return reference(si, d.index() - 1);
        }
        boolean definite = false;
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(d)) {
            definite |= c.getRelation().toString().equals("det") && DEFINITE.contains(c.getDependent().word().toLowerCase(Locale.ROOT));
        }
        String kind = occasionClass(d.lemma());
        if (!definite || kind == null) {
            return null;
        }
        Anchor sameWord = null;
        Anchor sameKind = null;
        for (Anchor a : occasions) {
            if (a.kind().equals(kind) && (a.sentence() < si || a.sentence() == si && a.token() < d.index() - 1)) {
                sameKind = a;
                sameWord = a.lemma().equals(d.lemma().toLowerCase(Locale.ROOT)) ? a : sameWord;
            }
        }
        Anchor best = sameWord != null ? sameWord : sameKind;
        return best == null ? reference(si, d.index() - 1) : best.date();
    }

    /** The date of a temporal expression, resolving "the same day", "that evening", "the following day". */
    private EventDate resolve(int si, List<CoreLabel> tokens, List<Integer> group) {
        Integer shift = anaphor(tokens, group);
        if (shift == null) {
            return explicit(tokens, group);
        }
        EventDate ref = reference(si, group.get(0));
        return ref == null ? null : ref.plusDays(shift);
    }

    /** The last day named before a token: earlier in its sentence, else in the previous one, else the article's first. */
    private EventDate reference(int si, int token) {
        Anchor best = null;
        for (Anchor a : days) {
            if (a.sentence() == si && a.token() < token) {
                best = a;
            }
        }
        if (best == null) {
            for (Anchor a : days) {
                if (a.sentence() == si - 1) {
                    best = a;
                }
            }
        }
        if (best == null && !days.isEmpty() && days.get(0).sentence() <= si) {
            best = days.get(0);
        }
        return best == null ? null : best.date();
    }

    /** The day offset of an expression that points back (0 same day, 1 following, -1 previous), or null. */
    private Integer anaphor(List<CoreLabel> tokens, List<Integer> group) {
        Set<String> words = new TreeSet<>();
        for (int t : group) {
            words.add(tokens.get(t).word().toLowerCase(Locale.ROOT));
        }
        if (group.get(0) > 0) {
            words.add(tokens.get(group.get(0) - 1).word().toLowerCase(Locale.ROOT));
        }
        boolean part = words.stream().anyMatch(w -> cues.has("DAY_PART", w));
        if (!part) {
            return null;
        }
        if (words.stream().anyMatch(w -> cues.has("DAY_ANAPHOR_NEXT", w))) {
            return 1;
        }
        if (words.stream().anyMatch(w -> cues.has("DAY_ANAPHOR_PREVIOUS", w))) {
            return -1;
        }
        if (words.stream().anyMatch(w -> cues.has("DAY_ANAPHOR_SAME", w))
            || words.stream().allMatch(w -> w.equals("day") || cues.has("DAY_FILLER", w))) {
            return 0;
        }
        return null;
    }

    /** The date a temporal expression names, or null; a plural period without a number ("in the coming days") names none. */
    private EventDate explicit(List<CoreLabel> tokens, List<Integer> group) {
        boolean weekday = false;
        boolean periods = false;
        boolean number = false;
        String value = null;
        for (int t : group) {
            periods |= cues.has("VAGUE_PERIOD", tokens.get(t).word().toLowerCase(Locale.ROOT));
            number |= "CD".equals(tokens.get(t).tag());
            weekday |= EventDate.isWeekday(tokens.get(t).word());
            String v = tokens.get(t).get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
            if (value == null && v != null && "DATE".equals(tokens.get(t).ner())) {
                value = v;
            }
        }
        return periods && !number ? null : EventDate.fromTimex(value, weekday, published);
    }

    /** Whether any token of a sentence is part of a date expression; a time of day alone ("overnight", "at noon") names no day. */
    static boolean namesTime(List<CoreLabel> tokens) {
        return tokens.stream().anyMatch(t -> "DATE".equals(t.ner()));
    }

    private static boolean isTemporal(CoreLabel t) {
        return "DATE".equals(t.ner()) || "TIME".equals(t.ner());
    }

    private static List<Integer> group(List<CoreLabel> tokens, int t) {
        int b = t;
        while (b > 0 && isTemporal(tokens.get(b - 1))) {
            b--;
        }
        List<Integer> out = new ArrayList<>();
        for (int u = b; u < tokens.size() && isTemporal(tokens.get(u)); u++) {
            out.add(u);
        }
        return out;
    }

    private String occasionClass(String lemma) {
        if (lemma == null) {
            return null;
        }
        String l = lemma.toLowerCase(Locale.ROOT);
        for (String c : CLASSES) {
            if (cues.has(c, l)) {
                return c;
            }
        }
        return null;
    }

    private static boolean hasChild(SemanticGraph graph, IndexedWord n, String rel, String word) {
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
            if (c.getRelation().toString().equals(rel) && c.getDependent().word().equalsIgnoreCase(word)) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
