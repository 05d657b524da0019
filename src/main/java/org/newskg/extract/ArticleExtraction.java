package org.newskg.extract;

import java.util.List;
import org.newskg.article.Article;

/**
 * Everything newskg extracted from one article, as plain records: the sentences, the entity
 * mentions and the facts. The RDF mapping turns this into the article's named graph.
 */
public record ArticleExtraction(Article article, List<SentenceInfo> sentences, List<Mention> mentions,
                                List<PostFact> posts) {}
