package org.newskg.extract.coref;

import edu.stanford.nlp.coref.CorefCoreAnnotations;
import edu.stanford.nlp.coref.data.CorefChain;
import edu.stanford.nlp.coref.data.Dictionaries;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newskg.extract.Entity;
import org.newskg.extract.Kind;

/**
 * Reads CoreNLP's coreference chains (left on an article by {@code org.newskg.nlp.CorefStage} when
 * {@code extract.coref} is {@code statistical} or {@code fastneural}) as links from anaphors to the
 * entities the linker found: a pronoun or definite description in a chain whose other mentions
 * include a linked name takes that name's entity.
 *
 * <ul>
 *   <li>Anaphors are third-person pronouns ("he", "her", "its", "their") and definite descriptions
 *   ("the country", "the bloc") whose head word no linked mention covers; a description whose head is
 *   a title ("the German chancellor") is left to the linker's post holders.</li>
 *   <li>Antecedents are the chain's names and descriptions whose head word is linked to an entity
 *   (not a bare title); a coordination ("Putin and Kim") is never one, so "the two leaders" and "they"
 *   for two sides are left to newskg's own rules.</li>
 *   <li>The antecedent is the nearest such mention before the anaphor, else the nearest after it
 *   ("Before his talks, Biden said"). Its entity must fit the anaphor: he, she, him, his, her a
 *   person; it, its, they, them, their a state, organisation or government body; and both must agree in
 *   number where CoreNLP knows it ("they" is not "Iran"). A chain with both "he" and "she" in it has
 *   merged two persons, and gives no personal pronoun.</li>
 * </ul>
 *
 * <p>Only words already linked to an entity are followed, so coreference never adds an entity to an
 * article; it decides which entity an anaphor stands for.
 *
 * <pre>{@code
 * List<CorenlpCoref.Link> links = CorenlpCoref.links(doc, linkedMentions);
 * }</pre>
 */
public final class CorenlpCoref {
    private static final Set<String> PERSONAL = Set.of("he", "him", "his", "himself", "she", "her", "hers", "herself");
    private static final Set<String> NON_PERSONAL = Set.of("it", "its", "itself", "they", "them", "their", "theirs",
        "themselves");

    private CorenlpCoref() {}

    /** A mention the linker found: tokens {@code [start, end)} of sentence {@code sentence} (0-based); a null entity is unlinked. */
    public record Linked(int sentence, int start, int end, Entity entity) {}

    /** An anaphor's head token ({@code sentence} and {@code token} 0-based) and the entity it stands for. */
    public record Link(int sentence, int token, Entity entity) {}

    /** Whether an annotated article carries CoreNLP's coreference chains. */
    public static boolean hasChains(Annotation doc) {
        return doc.containsKey(CorefCoreAnnotations.CorefChainAnnotation.class);
    }

    /** The links from the anaphors in an article's chains to linked entities, in chain order; none without chains. */
    public static List<Link> links(Annotation doc, List<Linked> linked) {
        Map<Integer, CorefChain> chains = doc.get(CorefCoreAnnotations.CorefChainAnnotation.class);
        if (chains == null) {
            return List.of();
        }
        List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
        Map<Long, Linked> at = new HashMap<>();
        for (Linked l : linked) {
            for (int t = l.start(); t < l.end(); t++) {
                at.put(key(l.sentence(), t), l);
            }
        }
        List<Link> out = new ArrayList<>();
        for (CorefChain chain : chains.values()) {
            List<CorefChain.CorefMention> ms = chain.getMentionsInTextualOrder();
            boolean bothGenders = bothGenders(ms);
            for (int i = 0; i < ms.size(); i++) {
                CorefChain.CorefMention m = ms.get(i);
                int s = m.sentNum - 1;
                int head = m.headIndex - 1;
                if (s < 0 || s >= sentences.size() || at.containsKey(key(s, head))) {
                    continue;
                }
                List<CoreLabel> tokens = sentences.get(s).get(CoreAnnotations.TokensAnnotation.class);
                Fit fit = anaphor(m, tokens);
                fit = fit == Fit.PERSON && bothGenders ? null : fit;
                Entity e = fit == null ? null : antecedent(ms, i, fit, at, m.number);
                if (e != null) {
                    out.add(new Link(s, head, e));
                }
            }
        }
        return out;
    }

    /** Whether a chain holds both "he" and "she" (two persons merged: "Choe ... She thanked him"). */
    private static boolean bothGenders(List<CorefChain.CorefMention> ms) {
        boolean male = false;
        boolean female = false;
        for (CorefChain.CorefMention m : ms) {
            if (m.mentionType == Dictionaries.MentionType.PRONOMINAL) {
                male |= m.gender == Dictionaries.Gender.MALE;
                female |= m.gender == Dictionaries.Gender.FEMALE;
            }
        }
        return male && female;
    }

    /** What an anaphor may stand for. */
    private enum Fit { PERSON, ORGANISATIONAL, ANY }

    /** What a chain mention may stand for if it is an anaphor (a third-person pronoun or a definite description), else null. */
    private static Fit anaphor(CorefChain.CorefMention m, List<CoreLabel> tokens) {
        if (m.headIndex < 1 || m.headIndex > tokens.size() || m.startIndex < 1 || m.startIndex > tokens.size()) {
            return null;
        }
        String head = tokens.get(m.headIndex - 1).word().toLowerCase(Locale.ROOT);
        if (m.mentionType == Dictionaries.MentionType.PRONOMINAL) {
            return PERSONAL.contains(head) ? Fit.PERSON : NON_PERSONAL.contains(head) ? Fit.ORGANISATIONAL : null;
        }
        String first = tokens.get(m.startIndex - 1).word().toLowerCase(Locale.ROOT);
        String tag = tokens.get(m.headIndex - 1).tag();
        return m.mentionType == Dictionaries.MentionType.NOMINAL && first.equals("the") && tag != null && tag.startsWith("NN")
            ? Fit.ANY : null;
    }

    /** The entity of the nearest fitting antecedent before mention {@code i} of a chain, else after it, or null. */
    private static Entity antecedent(List<CorefChain.CorefMention> ms, int i, Fit fit, Map<Long, Linked> at,
                                     Dictionaries.Number number) {
        for (int j = i - 1; j >= 0; j--) {
            Entity e = entity(ms.get(j), fit, at, number);
            if (e != null) {
                return e;
            }
        }
        for (int j = i + 1; j < ms.size(); j++) {
            Entity e = entity(ms.get(j), fit, at, number);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /**
     * The entity linked at a name or description's head word, if it fits and agrees in number with the anaphor; null for
     * pronouns, coordinations and titles.
     */
    private static Entity entity(CorefChain.CorefMention m, Fit fit, Map<Long, Linked> at, Dictionaries.Number number) {
        if (m.mentionType != Dictionaries.MentionType.PROPER && m.mentionType != Dictionaries.MentionType.NOMINAL
            || known(number) && known(m.number) && number != m.number) {
            return null;
        }
        Linked l = at.get(key(m.sentNum - 1, m.headIndex - 1));
        Entity e = l == null ? null : l.entity();
        if (e == null || e.kind() == Kind.ROLE) {
            return null;
        }
        return switch (fit) {
            case PERSON -> e.kind() == Kind.PERSON ? e : null;
            case ORGANISATIONAL -> e.isOrganisational() ? e : null;
            case ANY -> e;
        };
    }

    private static boolean known(Dictionaries.Number n) {
        return n == Dictionaries.Number.SINGULAR || n == Dictionaries.Number.PLURAL;
    }

    private static long key(int sentence, int token) {
        return ((long) sentence << 32) | (token & 0xffffffffL);
    }
}
