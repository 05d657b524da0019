package org.newskg.extract;

import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who the sides of a meeting or an agreement are, once their mentions are resolved: officials who sign a document
 * bind their states, and a three-way or trilateral meeting is one of all its sides together.
 *
 * <pre>{@code
 * if (EventSides.signing(trigger, host)) sides.signersAsStates(roles, posts, doc);
 * }</pre>
 */
final class EventSides {
    private final Coreference coref;

    EventSides(Coreference coref) {
        this.coref = coref;
    }

    private static final Set<String> SIGN_LEMMAS = Set.of("sign", "ink", "initial", "countersign", "signing");

    private static final Set<String> MAKING = Set.of("sign", "ink", "initial", "countersign", "conclude", "complete", "finalise",
        "finalize", "reach", "seal", "strike", "clinch", "adopt", "ratify");

    /**
     * Whether the text makes an agreement rather than refers to one: its noun is signed, concluded or reached, or called
     * newly signed or new ("the newly signed Defense Cooperation Agreement", "we've completed a shiprider agreement").
     */
    static boolean madeHere(SemanticGraph graph, IndexedWord noun) {
        if (noun == null) {
            return false;
        }
        for (SemanticGraphEdge in : graph.incomingEdgeIterable(noun)) {
            if (MAKING.contains(Graphs.lemmaOf(in.getGovernor()))) {
                return true;
            }
        }
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(noun)) {
            String w = c.getDependent().word().toLowerCase(Locale.ROOT);
            if (c.getRelation().toString().matches("amod|acl") && (w.equals("new") || MAKING.contains(Graphs.lemmaOf(c.getDependent())))) {
                return true;
            }
        }
        return false;
    }

    /** Whether an agreement is a document signed ("signed a treaty", "the signing of the accord"), not an accord reached. */
    static boolean signing(IndexedWord trigger, IndexedWord governor) {
        return SIGN_LEMMAS.contains(Graphs.lemmaOf(trigger)) || governor != null && SIGN_LEMMAS.contains(Graphs.lemmaOf(governor));
    }

    /**
     * "Albanese and Marape signed the security agreement": officials who sign a document bind their states, so when every
     * party is a person holding a post of a state, and they hold posts of different states, the states are the parties.
     * Persons who only agree together ("the two ministers agreed to ...") stay the parties.
     */
    void signersAsStates(Map<String, List<Entity>> roles, List<PostFact> posts, LinkedDocument doc) {
        Map<String, List<Entity>> states = new LinkedHashMap<>();
        Set<Entity> all = new LinkedHashSet<>();
        for (String role : List.of("agent", "participant")) {
            List<Entity> mapped = new ArrayList<>();
            for (Entity e : roles.get(role)) {
                Entity st = e.kind() == Kind.PERSON ? coref.asActor(e, true, posts, doc) : null;
                if (st == null || st.kind() != Kind.STATE) {
                    return;
                }
                if (!mapped.contains(st)) {
                    mapped.add(st);
                }
                all.add(st);
            }
            states.put(role, mapped);
        }
        int persons = roles.get("agent").size() + roles.get("participant").size();
        if (all.size() == persons && persons > 1) {
            roles.putAll(states);
        }
    }

    /**
     * Whether a meeting is of all its sides together: "a three-way meeting with X and Y", "met Y for a trilateral
     * meeting" (so each pair of them met, not only the subject with each).
     */
    static boolean manySided(SemanticGraph graph, IndexedWord trigger) {
        List<IndexedWord> nouns = new ArrayList<>(List.of(trigger));
        for (SemanticGraphEdge c : graph.outgoingEdgeIterable(trigger)) {
            if (c.getRelation().toString().startsWith("obl:")) {
                nouns.add(c.getDependent());
            }
        }
        for (IndexedWord n : nouns) {
            for (SemanticGraphEdge c : graph.outgoingEdgeIterable(n)) {
                String rel = c.getRelation().toString();
                if ((rel.equals("amod") || rel.equals("compound")) && c.getDependent().word().toLowerCase(Locale.ROOT)
                    .matches("three-way|four-way|way|trilateral|quadrilateral|tripartite|multilateral|joint")) {
                    return true;
                }
            }
        }
        return false;
    }
}
