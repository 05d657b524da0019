package org.newskg.ingest;

/** Receives ingest progress; the CLI draws a bar on a terminal and plain lines otherwise. */
public interface Progress {
    /** Extraction is about to start on {@code total} articles. */
    void start(int total);

    /** One article is done: {@code status} is "ok", "unchanged" or "failed". */
    void article(String origin, String status, String detail);

    /** A failure to report once, in full. */
    void failure(String line);

    /** Progress that shows nothing. */
    Progress NONE = new Progress() {
        @Override
        public void start(int total) {}

        @Override
        public void article(String origin, String status, String detail) {}

        @Override
        public void failure(String line) {}
    };
}
