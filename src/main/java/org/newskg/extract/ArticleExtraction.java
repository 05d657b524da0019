package org.newskg.extract;

import java.util.List;
import org.newskg.article.Article;

/**
 * Everything newskg extracted from one article, as plain records: the sentences, the entity
 * mentions and the facts (posts and events). The RDF mapping turns this into the article's named graph.
 */
public record ArticleExtraction(Article article, List<SentenceInfo> sentences, List<Mention> mentions,
                                List<PostFact> posts, List<EventFact> events) {
    /** An extraction without events. */
    public ArticleExtraction(Article article, List<SentenceInfo> sentences, List<Mention> mentions, List<PostFact> posts) {
        this(article, sentences, mentions, posts, List.of());
    }
}
