package org.newskg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Stages after the frames, on facts built by hand: merging of agreements, bare titles, forces without an owner. */
class SidesAndMergingTest {
    private static final Entity US = Entity.known("urn:s:usa", Kind.STATE, "United States");
    private static final Entity PNG = Entity.known("urn:s:png", Kind.STATE, "Papua New Guinea");
    private static final Entity KENYA = Entity.known("urn:s:ken", Kind.STATE, "Kenya");
    private static final Entity BLINKEN = Entity.known("urn:p:blinken", Kind.PERSON, "Antony Blinken");
    private static final Entity PRICE = Entity.known("urn:p:price", Kind.PERSON, "Ned Price");
    private static final Entity DEPUTY = Entity.known("urn:p:deputy", Kind.PERSON, "Wendy Sherman");
    private static final Entity HAITI = Entity.known("urn:pl:pap", Kind.PLACE, "Port-au-Prince");

    private static PostFact post(Entity person, String role) {
        return new PostFact(person, Entity.known("urn:r:" + role, Kind.ROLE, role), US, role, Factuality.REPORTED, List.of());
    }

    private static EventFact agreement(String topic) {
        return new EventFact(EventType.AGREEMENT, List.of(PNG), List.of(US), List.of(), List.of(), List.of(), List.of(), null, topic,
            null, null, null, Factuality.REPORTED, List.of(new Span(1, 0, 1, "x")));
    }

    private static EventFact deployment(List<Entity> agents) {
        return new EventFact(EventType.DEPLOYMENT, agents, List.of(), List.of(), List.of(), List.of(), List.of(HAITI), null, null,
            null, null, null, Factuality.REPORTED, List.of(new Span(1, 0, 1, "x")));
    }

    @Test
    void twoDifferentlyNamedAgreementsStayTwo() {
        assertEquals(2, EventMerger.merge(List.of(agreement("shiprider agreement"), agreement("Defense Cooperation Agreement"))).size());
        assertEquals(1, EventMerger.merge(List.of(agreement("agreement"), agreement("Defense Cooperation Agreement"))).size());
        assertEquals(1, EventMerger.merge(List.of(agreement("new defense cooperation agreement"), agreement("Defense Cooperation Agreement"))).size());
        assertTrue(EventMerger.sameTopic("mutual defence treaty", "treaty"));
        assertFalse(EventMerger.sameTopic("shiprider agreement", "security agreement"));
    }

    @Test
    void aBareTitleIsItsOneHolder() {
        List<PostFact> posts = List.of(post(BLINKEN, "Secretary of State"), post(PRICE, "Spokesperson"), post(DEPUTY, "Deputy Secretary of State"));
        assertEquals(BLINKEN, Titles.holder("Secretary", posts), "never the deputy");
        assertEquals(PRICE, Titles.holder("spokesperson", posts));
        assertNull(Titles.holder("minister", posts));
        assertNull(Titles.holder("Secretary", List.of(post(BLINKEN, "Secretary of State"), post(PRICE, "Secretary of Defense"))),
            "two holders: none");
    }

    @Test
    void forcesWithoutAnOwnerAreTheArticlesOneSide() {
        List<EventFact> one = ImplicitArguments.agentless(List.of(deployment(List.of(KENYA)), deployment(List.of())));
        assertEquals(2, one.size());
        assertEquals(List.of(KENYA), one.get(1).agents());
        List<EventFact> two = ImplicitArguments.agentless(List.of(deployment(List.of(KENYA)), deployment(List.of(US)), deployment(List.of())));
        assertEquals(2, two.size(), "with two sides in the article the unowned forces are dropped");
    }
}
