package org.newskg.extract;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.List;

/**
 * The places a location word stands for when it names none itself: "there" and "the region" the last place named, a
 * place noun the place it is in or of ("several villages in the Batken region"), a state with a place as its
 * of-complement that place.
 *
 * <pre>{@code
 * List<Entity> where = PlaceReferences.placeEntities(cues, doc, graph, tokens, word);
 * }</pre>
 */
final class PlaceReferences {
    private PlaceReferences() {}

    /**
     * A place that {@link Coreference#entities} would miss: "into the region" is the last place named before it, and a state with a
     * place parsed as its of-complement ("in the Republic of the Congo's North Kivu province") is that place.
     */
    static List<Entity> placeEntities(Cues cues, LinkedDocument doc, SemanticGraph graph, List<CoreLabel> tokens, IndexedWord n) {
        Mention m = Graphs.mention(doc, tokens, n);
        boolean there = m == null && n.word().equalsIgnoreCase("there");
        if (m == null && (there || cues.has("PLACE_ANAPHOR", n.lemma()) && Graphs.hasChild(graph, n, "the"))) {
            Entity last = null;
            int before = Coreference.mentionsBefore(doc, tokens, n);
            for (int i = 0; i < before; i++) {
                Entity e = doc.mentions().get(i).entity();
                last = e != null && e.kind() == Kind.PLACE ? e : last;
            }
            return last == null ? List.of() : List.of(last);
        }
        if (m == null) {
            // "several villages in the Batken region", "the port city of Hodeidah": the place a place noun is in or of.
            for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
                String rel = c.getRelation().toString();
                Mention pm = rel.equals("nmod:in") || rel.equals("nmod:of") || rel.equals("appos") ? Graphs.mention(doc, tokens, c.getDependent()) : null;
                if (pm != null && pm.entity() != null && (pm.entity().kind() == Kind.PLACE || pm.entity().kind() == Kind.STATE)
                    && cues.has("PLACE_NOUN", Graphs.lemmaOf(n))) {
                    return List.of(pm.entity());
                }
            }
        }
        if (m != null && m.entity() != null && m.entity().kind() == Kind.STATE) {
            for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
                Mention pm = c.getRelation().toString().equals("nmod:of") ? Graphs.mention(doc, tokens, c.getDependent()) : null;
                if (pm != null && pm.entity() != null && pm.entity().kind() == Kind.PLACE) {
                    return List.of(pm.entity());
                }
            }
        }
        return List.of();
    }
}
