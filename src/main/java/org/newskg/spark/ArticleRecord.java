package org.newskg.spark;

import java.io.Serializable;
import java.time.LocalDate;
import org.newskg.article.Article;

/**
 * An {@link Article} as Spark ships it between stages, with its place in the reading order
 * ({@code file}, then {@code seq} within a feed) so that duplicate ids resolve as in {@code newskg ingest}:
 * the first one read wins.
 */
record ArticleRecord(String id, LocalDate date, String source, String title, String url, String text, String origin,
                     String contentHash, long file, long seq) implements Serializable {
    static ArticleRecord of(Article a, long file, long seq) {
        return new ArticleRecord(a.id(), a.date(), a.source(), a.title(), a.url(), a.text(), a.origin(), a.contentHash(),
            file, seq);
    }

    Article article() {
        return new Article(id, date, source, title, url, text, origin, contentHash);
    }

    /** The size partitions are balanced by: the text's length. */
    long size() {
        return text.length();
    }

    /** Whether this one was read before the other. */
    boolean before(ArticleRecord o) {
        return file != o.file ? file < o.file : seq < o.seq;
    }
}
