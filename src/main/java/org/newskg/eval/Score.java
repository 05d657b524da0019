package org.newskg.eval;

import java.util.List;
import java.util.Map;

/**
 * Precision, recall and F1 of one query against its gold file, with the rows that differ; for queries with a date, how
 * many facts found have a dated gold row ({@code datedFound}) and how many of those carry that date ({@code datedRight}); and
 * the misses counted by cause ("absent", "wrong-date", "wrong-role", ...); and the evidence sentence of each false positive.
 */
public record Score(String query, boolean perArticle, int truePositives, List<String> falsePositives,
                    List<String> misses, int datedFound, int datedRight, Map<String, Integer> causes,
                    Map<String, String> evidence) {
    /** The same score with the evidence of its false positives. */
    public Score withEvidence(Map<String, String> ev) {
        return new Score(query, perArticle, truePositives, falsePositives, misses, datedFound, datedRight, causes, Map.copyOf(ev));
    }

    public double precision() {
        int predicted = truePositives + falsePositives.size();
        return predicted == 0 ? (misses.isEmpty() ? 1 : 0) : (double) truePositives / predicted;
    }

    public double recall() {
        int gold = truePositives + misses.size();
        return gold == 0 ? (falsePositives.isEmpty() ? 1 : 0) : (double) truePositives / gold;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
