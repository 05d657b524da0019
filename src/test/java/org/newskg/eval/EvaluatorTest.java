package org.newskg.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.store.NewsStore;
import org.newskg.store.StoreFixture;

class EvaluatorTest {
    @TempDir
    Path tmp;

    @Test
    void descriptionsAgreeOnTheirHeadNoun() {
        assertTrue(Evaluator.headsAgree("treaty", "mutual defence treaty"));
        assertTrue(Evaluator.headsAgree("five-point consensus on ending violence", "consensus"));
        assertTrue(Evaluator.headsAgree("Shahed drones", "drone"));
        assertFalse(Evaluator.headsAgree("military aid", "military assistance"));
        assertFalse(Evaluator.headsAgree("ceasefire", "halt of fighting"));
        assertFalse(Evaluator.headsAgree("", "treaty"));
    }

    @Test
    void freeTextCellsMatchByHeadWhileNamesDatesAndStatusMatchExactly() throws Exception {
        Path gold = Files.createDirectories(tmp.resolve("gold"));
        Files.writeString(gold.resolve("agreements.tsv"), """
            a\tb\tdate\ttopic\tstatus
            North Korea\tRussia\t2024-06\tmutual defence treaty\treported
            North Korea\tRussia\t2024-06\tceasefire\treported
            """, StandardCharsets.UTF_8);
        Files.writeString(gold.resolve("transfers.tsv"), """
            supplier\trecipient\titem\tstatus
            North Korea\tRussia\tartillery shells\treported
            """, StandardCharsets.UTF_8);
        try (NewsStore store = StoreFixture.open(tmp.resolve("store"))) {
            List<Score> scores = Evaluator.evaluate(store.dataset(), gold, Path.of("queries"));
            Score agreements = scores.get(0);
            assertEquals("agreements", agreements.query());
            assertEquals(1, agreements.truePositives());
            assertEquals(List.of("north korea | russia | 2024-06 | ceasefire | reported"), agreements.misses());
            assertEquals(List.of(), agreements.falsePositives());
            Score transfers = scores.get(1);
            assertEquals(0, transfers.truePositives());
            assertEquals(List.of("north korea | russia | shells | alleged"), transfers.falsePositives());
            assertEquals(List.of("north korea | russia | artillery shells | reported"), transfers.misses());
        }
    }

    @Test
    void aFactFoundWithoutItsDateCountsAsFoundAndMissesOnlyTheDateWhileAWrongDateIsAWrongFact() {
        List<String> keys = List.of("visitor", "destination", "date", "status");
        java.util.Set<String> gold = new java.util.LinkedHashSet<>(List.of(
            "a1 | lavrov | pyongyang | 2024-10-31 | reported",
            "a1 | kim | moscow | 2024-11-01 | reported",
            "a1 | choe | moscow | 2024-11-01 | reported",
            "a1 | putin | hanoi |  | reported"));
        java.util.Set<String> found = new java.util.LinkedHashSet<>(List.of(
            "a1 | lavrov | pyongyang |  | reported",
            "a1 | kim | moscow | 2024-10-01 | reported",
            "a1 | choe | moscow | 2024-11-01 | possible",
            "a1 | putin | hanoi |  | reported"));
        Score s = Evaluator.score("visits", true, keys, gold, found);
        assertEquals(2, s.truePositives(), "the exact row and the undated one");
        assertEquals(1, s.datedFound(), "of the facts found, one has a gold date");
        assertEquals(0, s.datedRight(), "and it was found without it");
        assertEquals(List.of("a1 | choe | moscow | 2024-11-01 | possible", "a1 | kim | moscow | 2024-10-01 | reported"), s.falsePositives());
        assertEquals(java.util.Map.of("wrong-date", 1, "wrong-status", 1), s.causes());
        String report = Evaluator.report(List.of(s), false);
        assertTrue(report.contains("0/1") && report.contains("wrong-date 1, wrong-status 1"), report);
        assertTrue(report.contains("dates complete for 0 of 1"), report);
    }

    @Test
    void aMissWithNothingNearIsAbsent() {
        Score s = Evaluator.score("visits", true, List.of("visitor", "destination", "date", "status"),
            java.util.Set.of("a1 | lavrov | pyongyang | 2024-10-31 | reported"), java.util.Set.of("a2 | kim | moscow |  | reported"));
        assertEquals(java.util.Map.of("absent", 1), s.causes());
    }
}
