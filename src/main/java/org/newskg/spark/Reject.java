package org.newskg.spark;

import java.io.Serializable;
import java.util.Comparator;

/**
 * One bad input, with the report line {@code newskg ingest} gives it. Reading failures come first,
 * in reading order ({@code file}, {@code seq}), then extraction failures in the same order.
 */
record Reject(int phase, long file, long seq, String line) implements Serializable {
    /** Phase of a failure found while listing or reading the inputs. */
    static final int READ = 0;
    /** Phase of a failure during extraction. */
    static final int EXTRACT = 1;

    static final Comparator<Reject> ORDER = Comparator.comparingInt(Reject::phase).thenComparingLong(Reject::file)
        .thenComparingLong(Reject::seq).thenComparing(Reject::line);
}
