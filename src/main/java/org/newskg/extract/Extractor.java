package org.newskg.extract;

import edu.stanford.nlp.pipeline.Annotation;
import java.util.List;
import org.newskg.article.Article;
import org.newskg.nlp.NlpPipeline;

/**
 * The extraction stage: annotate an article with CoreNLP, link its entities, apply the fact rules,
 * and hand back plain records. Thread-safe: one instance serves all annotation threads.
 *
 * <pre>{@code
 * Extractor x = new Extractor(nlp, reference.gazetteer());
 * ArticleExtraction result = x.extract(article);
 * }</pre>
 */
public final class Extractor {
    private final NlpPipeline nlp;
    private final EntityLinker linker;
    private final PostExtractor posts;

    public Extractor(NlpPipeline nlp, Gazetteer gazetteer) {
        this.nlp = nlp;
        this.linker = new EntityLinker(gazetteer);
        this.posts = new PostExtractor(RuleFile.load("posts.tokensregex"), gazetteer);
    }

    /** Extracts one article. */
    public ArticleExtraction extract(Article article) {
        Annotation doc = nlp.annotate(article);
        LinkedDocument linked = linker.link(doc, article.text(), article.date());
        List<PostFact> facts = posts.extract(linked);
        return new ArticleExtraction(article, linked.sentences(), linked.mentions(), facts);
    }
}
