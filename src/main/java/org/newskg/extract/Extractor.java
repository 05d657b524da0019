package org.newskg.extract;

import edu.stanford.nlp.pipeline.Annotation;
import java.util.List;
import org.newskg.article.Article;
import org.newskg.nlp.Cancellation;
import org.newskg.nlp.NlpPipeline;

/**
 * The extraction stage: annotate an article with CoreNLP, link its entities, apply the post and event rules,
 * and hand back plain records. Thread-safe: one instance serves all annotation threads. A
 * {@link Cancellation} stops an extraction between runs of sentences and between stages.
 *
 * <pre>{@code
 * Extractor x = new Extractor(nlp, reference.gazetteer());
 * ArticleExtraction result = x.extract(article);
 * }</pre>
 */
public final class Extractor {
    /** The cue-word lists of the event rules. */
    public static final String CUES = "cues.txt";

    /** Every rule and cue file extraction reads, for the extractor version. */
    public static final List<String> RULE_FILES = List.of("posts.tokensregex", CUES, "visits.semgrex", "contacts.semgrex",
        "deployments.semgrex", "transfers.semgrex", "agreements.semgrex", "statements.semgrex");

    private final NlpPipeline nlp;
    private final EntityLinker linker;
    private final PostExtractor posts;
    private final EventExtractor events;

    public Extractor(NlpPipeline nlp, Gazetteer gazetteer) {
        this.nlp = nlp;
        this.linker = new EntityLinker(gazetteer);
        this.posts = new PostExtractor(RuleFile.load("posts.tokensregex"), gazetteer);
        this.events = new EventExtractor(Cues.load(CUES), gazetteer);
    }

    /** Extracts one article. */
    public ArticleExtraction extract(Article article) {
        return extract(article, new Cancellation());
    }

    /** Extracts one article, throwing {@link java.util.concurrent.CancellationException} once cancelled. */
    public ArticleExtraction extract(Article article, Cancellation cancel) {
        Annotation doc = nlp.annotate(article, cancel);
        LinkedDocument linked = linker.link(doc, article.text(), article.date(), cancel);
        cancel.check();
        List<PostFact> facts = posts.extract(linked);
        cancel.check();
        List<EventFact> found = events.extract(linked, facts);
        return new ArticleExtraction(article, linked.sentences(), linked.mentions(), facts, found);
    }
}
