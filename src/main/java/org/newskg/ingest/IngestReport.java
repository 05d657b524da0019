package org.newskg.ingest;

import java.util.List;

/**
 * The outcome of one ingest: articles read, written, left alone because unchanged, and every
 * failure as one line naming the file and the reason.
 */
public record IngestReport(int read, int written, int unchanged, long facts, List<String> failures,
                           boolean compacted, double seconds) {
    /** Whether anything failed. */
    public boolean failed() {
        return !failures.isEmpty();
    }
}
