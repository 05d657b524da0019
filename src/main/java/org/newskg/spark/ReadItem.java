package org.newskg.spark;

import java.io.Serializable;

/** What reading gives for one input: an article, or a reject; exactly one of the two is set. */
record ReadItem(ArticleRecord article, Reject reject) implements Serializable {
    static ReadItem of(ArticleRecord a) {
        return new ReadItem(a, null);
    }

    static ReadItem of(Reject r) {
        return new ReadItem(null, r);
    }

    boolean isArticle() {
        return article != null;
    }
}
