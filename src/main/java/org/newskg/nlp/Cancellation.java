package org.newskg.nlp;

import java.util.concurrent.CancellationException;

/**
 * A flag that an extraction checks between pieces of work, set by whoever gives up on it (an
 * ingest whose time limit ran out). Unlike a thread's interrupt status, which CoreNLP clears when
 * it catches an interrupt inside an annotator, the flag stays set, so the work really stops at the
 * next check. An interrupted thread counts as cancelled too.
 *
 * <pre>{@code
 * Cancellation c = new Cancellation();
 * executor.submit(() -> extractor.extract(article, c));
 * c.cancel();   // the extraction throws CancellationException at its next check
 * }</pre>
 */
public final class Cancellation {
    private volatile boolean requested;

    /** Asks the work to stop at its next check. */
    public void cancel() {
        requested = true;
    }

    /** True once cancelled or once the current thread is interrupted. */
    public boolean requested() {
        return requested || Thread.currentThread().isInterrupted();
    }

    /** Throws {@link CancellationException} if the work should stop. */
    public void check() {
        if (requested()) {
            throw new CancellationException("extraction cancelled");
        }
    }
}
