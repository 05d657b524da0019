package org.newskg.extract.coref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.coref.CorefCoreAnnotations;
import edu.stanford.nlp.coref.data.CorefChain;
import edu.stanford.nlp.coref.data.Dictionaries.Animacy;
import edu.stanford.nlp.coref.data.Dictionaries.Gender;
import edu.stanford.nlp.coref.data.Dictionaries.MentionType;
import edu.stanford.nlp.coref.data.Dictionaries.Number;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.IntPair;
import edu.stanford.nlp.util.IntTuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newskg.extract.Entity;
import org.newskg.extract.Kind;

/**
 * How {@link CorenlpCoref} reads coreference chains: which chain mentions are anaphors, which are antecedents, and
 * which entity an anaphor takes. The chains are written by hand here, as CoreNLP would give them for the sentences,
 * so that each rule is tried on the case it is for; {@code CorenlpCorefIT} runs CoreNLP's own coreference.
 */
class CorenlpCorefTest {
    static final Entity NORWAY = Entity.known("https://w3id.org/newskg/id/state/NOR", Kind.STATE, "Norway");
    static final Entity GHANA = Entity.known("https://w3id.org/newskg/id/state/GHA", Kind.STATE, "Ghana");
    static final Entity RUTO = Entity.minted("https://w3id.org/newskg/id/person/william-ruto", Kind.PERSON, "William Ruto");
    static final Entity ABIY = Entity.minted("https://w3id.org/newskg/id/person/abiy-ahmed", Kind.PERSON, "Abiy Ahmed");
    static final Entity MINISTER = Entity.known("https://w3id.org/newskg/id/role/foreign-minister", Kind.ROLE, "Foreign Minister");

    /** Sentences as "word/TAG" tokens, a chain's mentions, and what the linker found. */
    private final List<List<CoreLabel>> sentences = new ArrayList<>();
    private final List<List<CorefChain.CorefMention>> chains = new ArrayList<>();
    private final List<CorenlpCoref.Linked> linked = new ArrayList<>();

    private void sentence(String tagged) {
        List<CoreLabel> tokens = new ArrayList<>();
        for (String wt : tagged.split(" ")) {
            CoreLabel t = new CoreLabel();
            int slash = wt.lastIndexOf('/');
            t.setWord(wt.substring(0, slash));
            t.setTag(wt.substring(slash + 1));
            t.setIndex(tokens.size() + 1);
            tokens.add(t);
        }
        sentences.add(tokens);
    }

    /** A mention of sentence {@code s} (1-based), tokens {@code [start, end)} (1-based), with its head. */
    private static CorefChain.CorefMention m(MentionType type, Number number, Gender gender, int s, int start, int end, int head) {
        return new CorefChain.CorefMention(type, number, gender, Animacy.UNKNOWN, start, end, head, 1, start * 100 + s, s,
            new IntTuple(new int[] {s, head}), "");
    }

    private void chain(CorefChain.CorefMention... mentions) {
        chains.add(List.of(mentions));
    }

    private List<CorenlpCoref.Link> links() {
        Annotation doc = new Annotation("");
        List<CoreMap> ss = new ArrayList<>();
        for (List<CoreLabel> tokens : sentences) {
            CoreMap s = new ArrayCoreMap();
            s.set(CoreAnnotations.TokensAnnotation.class, tokens);
            ss.add(s);
        }
        doc.set(CoreAnnotations.SentencesAnnotation.class, ss);
        Map<Integer, CorefChain> map = new HashMap<>();
        for (List<CorefChain.CorefMention> c : chains) {
            Map<IntPair, Set<CorefChain.CorefMention>> byHead = new HashMap<>();
            for (CorefChain.CorefMention m : c) {
                byHead.computeIfAbsent(new IntPair(m.sentNum, m.headIndex), k -> new HashSet<>()).add(m);
            }
            map.put(map.size() + 1, new CorefChain(map.size() + 1, byHead, c.get(0)));
        }
        doc.set(CorefCoreAnnotations.CorefChainAnnotation.class, map);
        return CorenlpCoref.links(doc, linked);
    }

    @Test
    void withoutChainsThereAreNoLinks() {
        Annotation doc = new Annotation("He left.");
        assertEquals(List.of(), CorenlpCoref.links(doc, linked));
    }

    @Test
    void pronounsTakeTheNearestFittingNameBeforeThem() {
        sentence("Norway/NNP said/VBD it/PRP would/MD send/VB boats/NNS to/TO Ghana/NNP ./.");
        sentence("Its/PRP$ navy/NN will/MD train/VB Ghana/NNP 's/POS crews/NNS ./.");
        linked.add(new CorenlpCoref.Linked(0, 0, 1, NORWAY));
        linked.add(new CorenlpCoref.Linked(0, 7, 8, GHANA));
        linked.add(new CorenlpCoref.Linked(1, 4, 5, GHANA));
        chain(m(MentionType.PROPER, Number.SINGULAR, Gender.NEUTRAL, 1, 1, 2, 1),
            m(MentionType.PRONOMINAL, Number.SINGULAR, Gender.NEUTRAL, 1, 3, 4, 3),
            m(MentionType.PRONOMINAL, Number.SINGULAR, Gender.NEUTRAL, 2, 1, 2, 1));
        assertEquals(List.of(new CorenlpCoref.Link(0, 2, NORWAY), new CorenlpCoref.Link(1, 0, NORWAY)), links());
    }

    @Test
    void aPronounBeforeItsNameTakesTheNameAfterIt() {
        sentence("Before/IN his/PRP$ talks/NNS ,/, Ruto/NNP said/VBD nothing/NN ./.");
        linked.add(new CorenlpCoref.Linked(0, 4, 5, RUTO));
        chain(m(MentionType.PRONOMINAL, Number.SINGULAR, Gender.MALE, 1, 2, 3, 2),
            m(MentionType.PROPER, Number.SINGULAR, Gender.MALE, 1, 5, 6, 5));
        assertEquals(List.of(new CorenlpCoref.Link(0, 1, RUTO)), links());
    }

    @Test
    void aPersonalPronounTakesOnlyAPersonAndItOnlyAStateOrOrganisation() {
        sentence("Norway/NNP said/VBD he/PRP would/MD go/VB ./.");
        sentence("Ruto/NNP said/VBD it/PRP was/VBD over/RB ./.");
        linked.add(new CorenlpCoref.Linked(0, 0, 1, NORWAY));
        linked.add(new CorenlpCoref.Linked(1, 0, 1, RUTO));
        chain(m(MentionType.PROPER, Number.SINGULAR, Gender.NEUTRAL, 1, 1, 2, 1),
            m(MentionType.PRONOMINAL, Number.SINGULAR, Gender.MALE, 1, 3, 4, 3));
        chain(m(MentionType.PROPER, Number.SINGULAR, Gender.MALE, 2, 1, 2, 1),
            m(MentionType.PRONOMINAL, Number.SINGULAR, Gender.NEUTRAL, 2, 3, 4, 3));
        assertEquals(List.of(), links());
    }

    @Test
    void aChainWithHeAndSheGivesNoPersonalPronoun() {
        sentence("Ruto/NNP met/VBD Abiy/NNP ./.");
        sentence("She/PRP thanked/VBD him/PRP ./.");
        linked.add(new CorenlpCoref.Linked(0, 0, 1, RUTO));
        linked.add(new CorenlpCoref.Linked(0, 2, 3, ABIY));
        chain(m(MentionType.PROPER, Number.SINGULAR, Gender.UNKNOWN, 1, 1, 2, 1),
            m(MentionType.PRONOMINAL, Number.SINGULAR, Gender.FEMALE, 2, 1, 2, 1),
            m(MentionType.PRONOMINAL, Number.SINGULAR, Gender.MALE, 2, 3, 4, 3));
        assertEquals(List.of(), links());
    }

    @Test
    void aCoordinationIsNoAntecedentAndTheyMustBePlural() {
        sentence("Ruto/NNP and/CC Abiy/NNP met/VBD ;/: they/PRP agreed/VBD ./.");
        sentence("Norway/NNP said/VBD they/PRP would/MD help/VB ./.");
        linked.add(new CorenlpCoref.Linked(0, 0, 1, RUTO));
        linked.add(new CorenlpCoref.Linked(0, 2, 3, ABIY));
        linked.add(new CorenlpCoref.Linked(1, 0, 1, NORWAY));
        chain(m(MentionType.LIST, Number.PLURAL, Gender.UNKNOWN, 1, 1, 4, 1),
            m(MentionType.PRONOMINAL, Number.PLURAL, Gender.UNKNOWN, 1, 6, 7, 6));
        chain(m(MentionType.PROPER, Number.SINGULAR, Gender.NEUTRAL, 2, 1, 2, 1),
            m(MentionType.PRONOMINAL, Number.PLURAL, Gender.UNKNOWN, 2, 3, 4, 3));
        assertEquals(List.of(), links());
    }

    @Test
    void aDefiniteDescriptionTakesTheNameButATitleIsLeftToThePostHolders() {
        sentence("Ghana/NNP bought/VBD boats/NNS ./.");
        sentence("The/DT country/NN thanked/VBD the/DT foreign/JJ minister/NN ./.");
        sentence("A/DT country/NN ,/, Ghana/NNP ,/, paid/VBD ./.");
        linked.add(new CorenlpCoref.Linked(0, 0, 1, GHANA));
        linked.add(new CorenlpCoref.Linked(1, 4, 6, MINISTER));
        linked.add(new CorenlpCoref.Linked(2, 3, 4, GHANA));
        chain(m(MentionType.PROPER, Number.SINGULAR, Gender.NEUTRAL, 1, 1, 2, 1),
            m(MentionType.NOMINAL, Number.SINGULAR, Gender.NEUTRAL, 2, 1, 3, 2),
            m(MentionType.NOMINAL, Number.SINGULAR, Gender.NEUTRAL, 3, 1, 3, 2));
        chain(m(MentionType.PROPER, Number.SINGULAR, Gender.MALE, 1, 1, 2, 1),
            m(MentionType.NOMINAL, Number.SINGULAR, Gender.MALE, 2, 4, 7, 6));
        List<CorenlpCoref.Link> links = links();
        assertEquals(List.of(new CorenlpCoref.Link(1, 1, GHANA)), links);
        assertTrue(links.stream().noneMatch(l -> l.sentence() == 2), "an indefinite description is no anaphor");
    }
}
