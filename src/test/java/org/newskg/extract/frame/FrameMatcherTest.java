package org.newskg.extract.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.newskg.extract.Cues;
import org.newskg.extract.EventType;
import org.newskg.nlp.NkgAnnotations;

/**
 * The argument finder on hand-built dependency graphs (no models): paths and node tests, the arguments an event noun
 * takes from its host verb, a subjectless verb climbing to its controller, the non-actor repair, {@code require}, and
 * errors in frame files naming the file and entry.
 */
class FrameMatcherTest {
    private static final Cues CUES = Cues.parse("""
        LIGHT_VERB = hold have pay
        VISIT_VERB = travel fly
        NON_ACTOR = plan offer
        PERSONS = minister
        """);

    private static final String VARS = """
        vars:
          agent: [">nsubj", ">nsubj:xsubj", ">obl:agent"]
          noun_agent: [">nmod:poss"]
          with: [">obl:with"]
        light_hosts: ["<obj[lemma=$LIGHT_VERB]"]
        occasion_hosts: ["</obl:(on|during)/[tag=/VB.*/]"]
        controllers: ["</xcomp|advcl(:.*)?|acl(:.*)?|dep/", "</obj|nsubj:pass/[tag=/VB.*/]"]
        non_actors: ["[lemma=$NON_ACTOR]"]
        """;

    private static final String CONTACTS = """
        event: contact
        hosted:
          agent: [$agent]
          participant: [$with]
        climb:
          agent: [$agent, $noun_agent]
        triggers:
          - verbs: [meet]
            args:
              agent: [$agent]
              participant: [">obj[kind=PERSON]", $with]
          - nouns: [talk]
            args:
              agent: [$noun_agent]
              participant: [">nmod:with"]
        """;

    private static final String VISITS = """
        event: visit
        require: [destination]
        triggers:
          - verbs: [$VISIT_VERB]
            args:
              agent: [$agent]
              destination: [">obl:to"]
        """;

    private static Frames frames() {
        return Frames.parse(Map.of(Frames.VARS, VARS, "contacts.yml", CONTACTS, "visits.yml", VISITS), CUES);
    }

    /** A graph from CoreNLP's bracket notation, with tag, lemma and linked kind set from word/TAG/lemma/KIND tokens. */
    private static SemanticGraph graph(String spec) {
        SemanticGraph g = SemanticGraph.valueOf(spec.replaceAll("(\\w+)/[A-Z$]+/\\w+(/[A-Z]+)?", "$1"));
        for (String token : spec.split("[\\s\\[\\]>]+")) {
            String[] parts = token.split("/");
            if (parts.length < 3) {
                continue;
            }
            for (IndexedWord w : g.vertexSet()) {
                if (w.word().equals(parts[0].replaceFirst("^[a-z:]+>", ""))) {
                    w.setTag(parts[1]);
                    w.setLemma(parts[2]);
                    if (parts.length > 3) {
                        w.backingLabel().set(NkgAnnotations.KindAnnotation.class, parts[3]);
                    }
                }
            }
        }
        return g;
    }

    private static Set<String> words(FrameHit h, String role) {
        return h.nodes().getOrDefault(role, Set.of()).stream().map(IndexedWord::word).collect(Collectors.toSet());
    }

    @Test
    void aVerbFindsItsArgumentsByTheSharedPaths() {
        SemanticGraph g = graph("[met/VBD/meet nsubj>Blinken/NNP/Blinken/PERSON obj>Wang/NNP/Wang/PERSON]");
        List<FrameHit> hits = new FrameMatcher(frames()).match(g);
        assertEquals(1, hits.size());
        assertEquals(EventType.CONTACT, hits.get(0).frame().type());
        assertEquals(Set.of("Blinken"), words(hits.get(0), "agent"));
        assertEquals(Set.of("Wang"), words(hits.get(0), "participant"));
    }

    @Test
    void aNodeTestKeepsAnObjectThatIsNoPersonOut() {
        SemanticGraph g = graph("[met/VBD/meet nsubj>Blinken/NNP/Blinken/PERSON obj>deadline/NN/deadline]");
        FrameHit h = new FrameMatcher(frames()).match(g).get(0);
        assertEquals(Set.of(), words(h, "participant"));
    }

    @Test
    void anEventNounTakesItsDoerAndPartnerFromTheLightVerbThatHoldsIt() {
        SemanticGraph g = graph("[held/VBD/hold nsubj>Modi/NNP/Modi/PERSON obj>talks/NNS/talk obl:with>Putin/NNP/Putin/PERSON]");
        List<FrameHit> hits = new FrameMatcher(frames()).match(g);
        FrameHit h = hits.stream().filter(x -> x.word().word().equals("talks")).findFirst().orElseThrow();
        assertEquals(Set.of("Modi"), words(h, "agent"));
        assertEquals(Set.of("Putin"), words(h, "participant"));
        assertEquals("held", h.host().word());
        assertTrue(h.timed(), "a light verb lends its time");
    }

    @Test
    void aSubjectlessVerbClimbsToItsControllerPassingOverAPlan() {
        // "X rejected a plan to meet Y", parsed with the plan as the one who meets.
        SemanticGraph g = graph("[rejected/VBD/reject nsubj>Seoul/NNP/Seoul/STATE obj>[plan/NN/plan acl:to>[meet/VB/meet nsubj>plan2/NN/plan obj>Kim/NNP/Kim/PERSON]]]");
        FrameHit h = new FrameMatcher(frames()).match(g).stream().filter(x -> x.word().word().equals("meet")).findFirst().orElseThrow();
        assertEquals(Set.of("Seoul"), words(h, "agent"));
    }

    @Test
    void aFrameDropsMatchesWithoutTheRolesItRequires() {
        SemanticGraph g = graph("[flew/VBD/fly nsubj>Lavrov/NNP/Lavrov/PERSON]");
        assertTrue(new FrameMatcher(frames()).match(g).isEmpty());
        SemanticGraph to = graph("[flew/VBD/fly nsubj>Lavrov/NNP/Lavrov/PERSON obl:to>Pyongyang/NNP/Pyongyang/PLACE]");
        assertEquals(Set.of("Pyongyang"), words(new FrameMatcher(frames()).match(to).get(0), "destination"));
    }

    @Test
    void pathsGoUpAndDownWithRegularExpressionsAndTests() {
        SemanticGraph g = graph("[held/VBD/hold nsubj>Modi/NNP/Modi/PERSON obj>talks/NNS/talk]");
        IndexedWord talks = g.vertexSet().stream().filter(w -> w.word().equals("talks")).findFirst().orElseThrow();
        Set<IndexedWord> up = DepPath.parse("<obj[lemma=$LIGHT_VERB] >/nsubj(:xsubj)?/", CUES).follow(g, talks);
        assertEquals(Set.of("Modi"), up.stream().map(IndexedWord::word).collect(Collectors.toSet()));
        assertTrue(DepPath.parse("<obj[lemma=pay]", CUES).follow(g, talks).isEmpty());
        assertEquals(1, DepPath.parse("[tag=/NN.*/]", CUES).follow(g, talks).size());
        assertTrue(NodeTest.parse("word!=talks", CUES).test(g.getFirstRoot()));
    }

    @Test
    void mistakesInFrameFilesNameTheFileAndEntry() {
        IllegalArgumentException unknownVar = assertThrows(IllegalArgumentException.class, () -> Frames.parse(
            Map.of(Frames.VARS, VARS, "visits.yml", VISITS.replace("$agent", "$doer")), CUES));
        assertTrue(unknownVar.getMessage().startsWith("visits.yml#1 args.agent: unknown variable $doer"), unknownVar.getMessage());
        IllegalArgumentException badPath = assertThrows(IllegalArgumentException.class, () -> Frames.parse(
            Map.of(Frames.VARS, VARS, "visits.yml", VISITS.replace("\">obl:to\"", "\"obl:to\"")), CUES));
        assertTrue(badPath.getMessage().contains("visits.yml#1 args.destination"), badPath.getMessage());
        IllegalArgumentException badKey = assertThrows(IllegalArgumentException.class, () -> NodeTest.parse("colour=red", CUES));
        assertTrue(badKey.getMessage().contains("unknown key colour"), badKey.getMessage());
        IllegalArgumentException badEvent = assertThrows(IllegalArgumentException.class, () -> Frames.parse(
            Map.of(Frames.VARS, VARS, "visits.yml", VISITS.replace("event: visit", "event: journey")), CUES));
        assertTrue(badEvent.getMessage().contains("unknown event 'journey'"), badEvent.getMessage());
    }

    @Test
    void theShippedFramesLoad() {
        Frames shipped = Frames.load(Cues.load(org.newskg.extract.Extractor.CUES));
        assertEquals(EventType.values().length, shipped.frames().size());
        for (Frame f : shipped.frames()) {
            assertTrue(!f.triggers().isEmpty(), f.file());
        }
        assertNull(shipped.frames().stream().filter(f -> f.triggers().stream().anyMatch(t -> t.examples().isEmpty())).findFirst().orElse(null),
            "every trigger has examples");
    }
}
