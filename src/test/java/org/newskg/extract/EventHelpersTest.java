package org.newskg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure parts of event extraction: dates, troop counts, cue lists and factuality decisions. */
class EventHelpersTest {
    static final LocalDate PUBLISHED = LocalDate.of(2024, 10, 29);
    static final Cues CUES = Cues.load(Extractor.CUES);

    @Test
    void datesKeepThePrecisionTheTextGives() {
        assertEquals(new EventDate("2024-10-28", EventDate.Granularity.DAY), EventDate.fromTimex("2024-10-28", true, PUBLISHED));
        assertEquals(new EventDate("2024-01", EventDate.Granularity.MONTH), EventDate.fromTimex("2024-01", false, PUBLISHED));
        assertEquals(new EventDate("2001", EventDate.Granularity.YEAR), EventDate.fromTimex("2001", false, PUBLISHED));
        assertEquals(new EventDate("2024-11-04", EventDate.Granularity.DAY), EventDate.fromTimex("2024-11-04TEV", false, PUBLISHED));
    }

    @Test
    void weeksSeasonsAndVagueValuesGiveNoDate() {
        assertNull(EventDate.fromTimex("2024-W43", false, PUBLISHED));
        assertNull(EventDate.fromTimex("PAST_REF", false, PUBLISHED));
        assertNull(EventDate.fromTimex("2024-SU", false, PUBLISHED));
        assertNull(EventDate.fromTimex("XXXX-10-28", false, PUBLISHED));
        assertNull(EventDate.fromTimex("2024-13", false, PUBLISHED));
        assertNull(EventDate.fromTimex(null, false, PUBLISHED));
    }

    @Test
    void aWeekdayAfterPublicationIsThePastOne() {
        assertEquals("2024-10-28", EventDate.fromTimex("2024-11-04", true, PUBLISHED).value());
        assertEquals("2024-11-04", EventDate.fromTimex("2024-11-04", false, PUBLISHED).value(), "a written date stays");
        assertEquals("2024-10-29", EventDate.fromTimex("2024-10-29", true, PUBLISHED).value(), "the same day stays");
        assertTrue(EventDate.isWeekday("Monday"));
        assertTrue(EventDate.isWeekday("Wed."));
        assertFalse(EventDate.isWeekday("June"));
    }

    @Test
    void datesShiftByDaysAndYears() {
        EventDate day = EventDate.fromTimex("2024-02-28", false, PUBLISHED);
        assertEquals("2024-02-29", day.plusDays(1).value());
        assertEquals("2024-03-01", day.plusDays(2).value());
        assertEquals("2024-02-27", day.plusDays(-1).value());
        EventDate month = EventDate.fromTimex("2025-01", false, PUBLISHED);
        assertEquals(month, month.plusDays(1), "a month has no following day");
        assertTrue(month.after(PUBLISHED));
        assertEquals(new EventDate("2024-01", EventDate.Granularity.MONTH), month.yearEarlier());
        assertFalse(month.yearEarlier().after(PUBLISHED));
    }

    @Test
    void datesCompareByPrecision() {
        EventDate month = EventDate.fromTimex("2024-10", false, PUBLISHED);
        EventDate day = EventDate.fromTimex("2024-10-23", false, PUBLISHED);
        assertTrue(day.finerThan(month));
        assertTrue(month.contains(day));
        assertFalse(day.contains(month));
        assertTrue(month.finerThan(null));
    }

    @Test
    void troopCountsAreWholeNumbersWithTheirApproximation() {
        Set<String> approx = CUES.get("APPROXIMATE");
        assertEquals(new TroopCount(10000, true), TroopCount.of("10000.0", Set.of("around"), approx));
        assertEquals(new TroopCount(1500, true), TroopCount.of("1500.0", Set.of("Some"), approx));
        assertEquals(new TroopCount(1960, false), TroopCount.of("1960.0", Set.of(), approx));
        assertEquals(new TroopCount(2, false), TroopCount.of("2.0", Set.of("the"), approx));
        assertEquals(new TroopCount(4000, true), TroopCount.of("4000", Set.of("as", "many"), approx));
        assertEquals(new TroopCount(12000, true), TroopCount.of("~12000.0", Set.of(), approx));
        assertNull(TroopCount.of("0.5", Set.of(), approx));
        assertNull(TroopCount.of("thousands", Set.of(), approx));
        assertNull(TroopCount.of(null, Set.of(), approx));
    }

    @Test
    void factualityIsDecidedByTheNearestCue() {
        FactualityRules f = new FactualityRules(CUES);
        assertEquals(Factuality.REPORTED, f.decide(List.of()));
        assertEquals(Factuality.POSSIBLE, f.decide(List.of("could", "say")));
        assertEquals(Factuality.ALLEGED, f.decide(List.of("accuse")));
        assertEquals(Factuality.ALLEGED, f.decide(List.of("reportedly", "also")));
        assertEquals(Factuality.NEGATED, f.decide(List.of("not", "will")));
        assertEquals(Factuality.NEGATED, f.decide(List.of("refuse")));
        assertEquals(Factuality.NEGATED, f.decide(List.of("rule_out")));
        assertEquals(Factuality.REPORTED, f.decide(List.of("say", "plan")), "a reporting verb ends the search");
        assertEquals(Factuality.POSSIBLE, f.decide(List.of("plan", "accuse")));
        assertEquals(Factuality.POSSIBLE, f.decide(List.of("pledge")), "a promise as trigger");
    }

    private static Entity state(String code) {
        return new Entity("https://w3id.org/newskg/id/state/" + code, Kind.STATE, code, true, null, null);
    }

    private static EventFact fact(EventType type, List<Entity> agents, List<Entity> recipients, List<Entity> places, String item,
                                  TroopCount troops, Factuality status, int sentence) {
        return new EventFact(type, agents, List.of(), List.of(), recipients, List.of(), places, item, null, null, troops, null, status,
            List.of(new Span(sentence, 0, 1, "x")));
    }

    @Test
    void aPlacelessDeploymentIsAtTheSidesOnePlace() {
        Entity rus = state("RUS");
        Entity place = new Entity("https://w3id.org/newskg/id/place/karabakh", Kind.PLACE, "Karabakh", false, null, null);
        EventFact placed = fact(EventType.DEPLOYMENT, List.of(rus), List.of(), List.of(place), null, null, Factuality.POSSIBLE, 1);
        EventFact counted = fact(EventType.DEPLOYMENT, List.of(rus), List.of(), List.of(), null, new TroopCount(1960, false),
            Factuality.POSSIBLE, 2);
        List<EventFact> out = ImplicitArguments.placeless(List.of(placed, counted));
        assertEquals(1, out.size());
        assertEquals(1960, out.get(0).troops().count());
        assertEquals(List.of(place), out.get(0).locations());
        EventFact other = fact(EventType.DEPLOYMENT, List.of(rus), List.of(), List.of(state("SYR")), null, null, Factuality.REPORTED, 3);
        assertEquals(2, ImplicitArguments.placeless(List.of(placed, other, counted)).size(), "two places: the count is dropped");
    }

    @Test
    void aOneSidedTransferTakesItsOtherSideFromTheArticle() {
        Entity usa = state("USA");
        Entity ukr = state("UKR");
        Entity prk = state("PRK");
        Entity rus = state("RUS");
        EventFact aid = fact(EventType.TRANSFER, List.of(usa), List.of(), List.of(), "military aid", null, Factuality.REPORTED, 1);
        EventFact jets = fact(EventType.TRANSFER, List.of(usa), List.of(ukr), List.of(), "jets", null, Factuality.NEGATED, 3);
        assertEquals(List.of(ukr), ImplicitArguments.oneSided(List.of(aid, jets), Map.of()).get(0).recipients());
        assertTrue(ImplicitArguments.oneSided(List.of(aid), Map.of()).isEmpty(), "no other side: dropped");
        assertEquals(List.of(ukr), ImplicitArguments.oneSided(List.of(aid), Map.of(usa, Set.of(ukr))).get(0).recipients(), "the partner in talks");
        EventFact shells = fact(EventType.TRANSFER, List.of(prk), List.of(rus), List.of(), "shells", null, Factuality.POSSIBLE, 2);
        EventFact sought = fact(EventType.TRANSFER, List.of(), List.of(prk), List.of(), "technology", null, Factuality.POSSIBLE, 2);
        assertEquals(List.of(rus), ImplicitArguments.oneSided(List.of(shells, sought), Map.of()).get(1).agents(), "in return");
    }

    @Test
    void cueListsIncludeOthersAndExpandIntoSemgrex() {
        Cues c = Cues.parse("# comment\nA = go come\nB = stay @A\n");
        assertEquals(Set.of("go", "come", "stay"), c.get("B"));
        assertTrue(c.has("A", "Go"));
        assertEquals("{lemma:/come|go/}=trigger", c.expand("{lemma:${A}}=trigger"));
        assertThrows(IllegalArgumentException.class, () -> Cues.parse("B = @NOPE"));
        assertThrows(IllegalArgumentException.class, () -> c.get("C"));
        assertTrue(CUES.get("SPEECH").containsAll(CUES.get("KIND_WARNED")));
    }

    @Test
    void everySemgrexRuleCompilesAndHasAnExample() {
        for (String file : Extractor.SEMGREX_FILES) {
            SemgrexRuleFile f = SemgrexRuleFile.load(file, CUES);
            assertFalse(f.rules().isEmpty(), file);
            for (SemgrexRuleFile.Rule r : f.rules()) {
                assertFalse(r.examples().isEmpty(), r.where() + " has an example sentence");
                assertTrue(r.source().contains("=trigger") || r.source().contains("=topic") || r.source().contains("=item")
                    || r.source().contains("=location"), r.where() + " names its trigger");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> SemgrexRuleFile.parse("bad.semgrex", "# e.g. x\n{lemma:/a/ >>\n", CUES));
    }
}
