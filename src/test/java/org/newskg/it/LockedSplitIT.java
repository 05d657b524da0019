package org.newskg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.cli.CliRun;
import org.newskg.eval.Evaluator;
import org.newskg.eval.Score;
import org.newskg.store.NewsStore;

/**
 * The locked test split ({@code src/test/resources/locked}, written blind to the rules): ingested as a user would, and
 * scored. Only the score table is printed, never a row: the split measures how extraction generalises, and nobody
 * working on extraction reads its texts or gold. The floors sit a little under the last measured F1, so that a change
 * that loses ground on unseen text fails here.
 */
class LockedSplitIT {
    private static final Path SPLIT = Path.of("src/test/resources/locked");

    @TempDir
    Path dir;

    @Test
    void theLockedSplitScoresAtLeastItsFloors() throws Exception {
        CliRun ingest = CliRun.of("ingest", "--store", dir.resolve("store").toString(), SPLIT.toString());
        assertEquals(0, ingest.code(), "the locked split ingests without a failure");
        List<Score> scores;
        try (NewsStore s = NewsStore.open(dir.resolve("store"))) {
            scores = Evaluator.evaluate(s.dataset(), SPLIT.resolve("gold"), Path.of("queries"));
        }
        String table = Evaluator.report(scores, false);
        System.out.println("locked split:\n" + table);
        Map<String, Double> floors = Map.of("visits", 0.40, "contacts", 0.38, "deployments", 0.24, "transfers", 0.27,
            "agreements", 0.25, "statements", 0.67, "posts", 0.62, "entities", 0.83);
        for (Map.Entry<String, Double> f : floors.entrySet()) {
            Score s = scores.stream().filter(x -> x.query().equals(f.getKey())).findFirst().orElseThrow();
            assertTrue(s.f1() >= f.getValue(), f.getKey() + " F1 " + s.f1() + " under its floor " + f.getValue() + "\n" + table);
        }
    }
}
