package org.newskg.eval;

import java.util.List;

/** Precision, recall and F1 of one query against its gold file, with the rows that differ. */
public record Score(String query, boolean perArticle, int truePositives, List<String> falsePositives,
                    List<String> misses) {
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
