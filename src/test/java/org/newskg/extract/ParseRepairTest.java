package org.newskg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newskg.nlp.NkgAnnotations;

/** The parse repairs on the wrong parses CoreNLP gives (written out by hand), without models. */
class ParseRepairTest {
    private static SemanticGraph graph(String spec, Map<String, String> kinds, Map<String, String> tags) {
        SemanticGraph g = SemanticGraph.valueOf(spec);
        for (IndexedWord w : g.vertexSet()) {
            w.setTag(tags.getOrDefault(w.word(), "NNP"));
            w.setLemma(w.word().toLowerCase());
            if (kinds.containsKey(w.word())) {
                w.backingLabel().set(NkgAnnotations.KindAnnotation.class, kinds.get(w.word()));
            }
        }
        return g;
    }

    private static String relation(SemanticGraph g, String gov, String dep) {
        IndexedWord a = g.vertexSet().stream().filter(w -> w.word().equals(gov)).findFirst().orElseThrow();
        IndexedWord b = g.vertexSet().stream().filter(w -> w.word().equals(dep)).findFirst().orElseThrow();
        SemanticGraphEdge e = g.getEdge(a, b);
        return e == null ? null : e.getRelation().toString();
    }

    @Test
    void aPartnerParsedAsTheSubjectOfAPurposeClauseIsThePartner() {
        // "Blinken spoke with Kagame to discuss peace", parsed as "with [Kagame to discuss peace]".
        SemanticGraph g = graph("[spoke nsubj>Blinken advcl:to>[discuss mark>with nsubj>Kagame obj>peace]]",
            Map.of("Blinken", "PERSON", "Kagame", "PERSON"), Map.of("spoke", "VBD", "discuss", "VB", "with", "IN", "peace", "NN"));
        ParseRepair.repair(g);
        assertEquals("obl:with", relation(g, "spoke", "Kagame"));
    }

    @Test
    void aGerundTakenForAnAdjectiveIsTheClauseAgain() {
        // "visited the crossing after meeting Pashinyan in Yerevan", parsed as a Pashinyan who is "meeting".
        SemanticGraph g = graph("[visited-2 nsubj>Power-1 obj>crossing-4 obl:after>[Pashinyan-7 case>after-5 amod>meeting-6 nmod:in>[Yerevan-9 case>in-8]]]",
            Map.of("Power", "PERSON", "Pashinyan", "PERSON", "Yerevan", "PLACE"),
            Map.of("visited", "VBD", "meeting", "VBG", "crossing", "NN", "after", "IN", "in", "IN"));
        ParseRepair.repair(g);
        assertEquals("advcl:after", relation(g, "visited", "meeting"));
        assertEquals("obj", relation(g, "meeting", "Pashinyan"));
        assertEquals("obl:in", relation(g, "meeting", "Yerevan"));
        assertNull(relation(g, "Pashinyan", "meeting"));
    }

    @Test
    void aStateBeforeAPersonsTitleIsNoPartner() {
        // "Blinken spoke with Congo President Tshisekedi today", parsed as speaking "with" Congo and Tshisekedi the object.
        SemanticGraph g = graph("[spoke-2 nsubj>Blinken-1 obl:with>[Congo-4 case>with-3] obj>[Tshisekedi-6 compound>President-5] obl:tmod>today-7]",
            Map.of("Blinken", "PERSON", "Congo", "STATE", "Tshisekedi", "PERSON"),
            Map.of("spoke", "VBD", "with", "IN", "today", "NN"));
        ParseRepair.repair(g);
        assertEquals("obl:with", relation(g, "spoke", "Tshisekedi"));
        assertEquals("compound", relation(g, "Tshisekedi", "Congo"));
        assertNull(relation(g, "spoke", "Congo"));
    }

    @Test
    void aStateAwayFromThePersonStaysThePartner() {
        // "Blinken phoned with Congo on Monday Tshisekedi" keeps Congo: words stand between the state and the object.
        SemanticGraph g = graph("[spoke-2 nsubj>Blinken-1 obl:with>[Congo-4 case>with-3] obl:on>[Monday-6 case>on-5] obj>Tshisekedi-7]",
            Map.of("Blinken", "PERSON", "Congo", "STATE", "Tshisekedi", "PERSON"),
            Map.of("spoke", "VBD", "with", "IN", "on", "IN"));
        ParseRepair.repair(g);
        assertEquals("obl:with", relation(g, "spoke", "Congo"));
    }
}
