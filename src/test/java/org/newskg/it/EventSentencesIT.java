package org.newskg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.cli.CliRun;
import org.newskg.eval.Evaluator;
import org.newskg.eval.Score;
import org.newskg.store.NewsStore;

/**
 * Short articles written for this test, one behaviour each and none taken from {@code data/}, must
 * give exactly the event rows of their gold ({@code src/test/resources/events/gold}): an accusation
 * gives an alleged transfer and the accusation, "would not send" a negated transfer, "plans to" and
 * "is expected to" possible events, a count and a month, weekdays and "the following day" resolved
 * against the publication date, "in the coming days" no date, the Kremlin and Pyongyang as their states.
 */
class EventSentencesIT {
    static final Path ARTICLES = Path.of("src/test/resources/events");

    @TempDir
    Path dir;

    @Test
    void everyEventOfTheShortArticlesAndNothingElse() throws Exception {
        Path store = dir.resolve("store");
        CliRun ingest = CliRun.of("ingest", "--store", store.toString(), ARTICLES.toString());
        assertEquals(0, ingest.code(), ingest.err());
        List<Score> scores;
        try (NewsStore s = NewsStore.open(store)) {
            scores = Evaluator.evaluate(s.dataset(), ARTICLES.resolve("gold"), Path.of("queries"));
        }
        String report = Evaluator.report(scores, true);
        assertEquals(6, scores.size(), report);
        for (Score s : scores) {
            assertTrue(s.truePositives() > 0 && s.falsePositives().isEmpty() && s.misses().isEmpty(), s.query() + "\n" + report);
        }
    }
}
