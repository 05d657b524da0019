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
}
