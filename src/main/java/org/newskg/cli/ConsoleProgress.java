package org.newskg.cli;

import java.io.PrintWriter;
import org.newskg.article.Printable;
import org.newskg.ingest.Progress;

/** Ingest progress on stderr: a bar with ETA on a terminal, one plain line per article otherwise. */
final class ConsoleProgress implements Progress {
    private final PrintWriter err;
    private final boolean terminal;
    private int total;
    private int done;
    private long startNanos;
    private boolean barShown;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
        this.terminal = System.console() != null && System.getenv("CI") == null;
    }

    void message(String m) {
        clearBar();
        err.println(m);
        err.flush();
    }

    @Override
    public void start(int total) {
        this.total = total;
        this.startNanos = System.nanoTime();
    }

    @Override
    public void article(String rawOrigin, String status, String rawDetail) {
        String origin = Printable.of(rawOrigin);
        String detail = Printable.of(rawDetail);
        if (status.equals("unchanged")) {
            if (!terminal) {
                err.println("unchanged " + origin);
            }
            return;
        }
        done++;
        if (terminal) {
            drawBar(origin);
        } else {
            err.println(status + " " + origin + (detail.isEmpty() ? "" : " (" + detail + ")"));
        }
        err.flush();
    }

    @Override
    public void failure(String line) {
        clearBar();
        err.println("error: " + line);
        err.flush();
    }

    private void drawBar(String origin) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        long eta = done == 0 ? 0 : Math.round(elapsed / done * (total - done));
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) width * done / total);
        String name = origin.length() > 40 ? "…" + origin.substring(origin.length() - 39) : origin;
        err.printf("\r[%s%s] %d/%d ETA %d:%02d %-40s", "#".repeat(filled), ".".repeat(width - filled), done, total,
            eta / 60, eta % 60, name);
        barShown = true;
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r" + " ".repeat(100) + "\r");
            barShown = false;
        }
    }

    void finish() {
        if (barShown) {
            err.println();
            barShown = false;
        }
        err.flush();
    }
}
