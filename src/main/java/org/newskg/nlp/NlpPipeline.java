package org.newskg.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.newskg.article.Article;
import org.newskg.config.Settings;

/**
 * The CoreNLP pipeline newskg runs: the annotators and options under {@code nlp.*} in the
 * settings, with each article's publication date as its document date so that SUTime resolves
 * "on Monday" against the day the article appeared. One instance is shared by all annotation
 * threads ({@link StanfordCoreNLP#annotate(Annotation)} is thread-safe). Right after {@code ssplit}
 * the {@link SentenceCap} annotator cuts sentences longer than {@code extract.maxSentenceTokens}
 * tokens into pieces, so no input makes tagging or parsing run away.
 *
 * <pre>{@code
 * NlpPipeline nlp = new NlpPipeline(Settings.defaults());
 * Annotation doc = nlp.annotate(article);
 * }</pre>
 */
public final class NlpPipeline {
    private final StanfordCoreNLP pipeline;
    private final double loadSeconds;

    /** Loads the models named by the settings (tens of seconds). */
    public NlpPipeline(Settings settings) {
        Properties props = withSentenceCap(settings.withPrefix("nlp."), settings.getInt("extract.maxSentenceTokens"));
        long t0 = System.nanoTime();
        pipeline = new StanfordCoreNLP(props);
        loadSeconds = (System.nanoTime() - t0) / 1e9;
    }

    /** CoreNLP properties with {@link SentenceCap} inserted after {@code ssplit} (a cap of 0 or less: none). */
    static Properties withSentenceCap(Properties props, int maxTokens) {
        List<String> annotators = new ArrayList<>(List.of(props.getProperty("annotators", "").split("\\s*,\\s*")));
        int ssplit = annotators.indexOf("ssplit");
        if (maxTokens > 0 && ssplit >= 0 && !annotators.contains(SentenceCap.NAME)) {
            annotators.add(ssplit + 1, SentenceCap.NAME);
            props.setProperty("annotators", String.join(",", annotators));
            props.setProperty("customAnnotatorClass." + SentenceCap.NAME, SentenceCap.class.getName());
            props.setProperty(SentenceCap.NAME + ".maxTokens", Integer.toString(maxTokens));
        }
        return props;
    }

    /** Annotates an article's body with its publication date as the document date. */
    public Annotation annotate(Article article) {
        Annotation doc = new Annotation(article.text());
        doc.set(CoreAnnotations.DocDateAnnotation.class, article.date().toString());
        pipeline.annotate(doc);
        return doc;
    }

    /** Seconds it took to load the models. */
    public double loadSeconds() {
        return loadSeconds;
    }
}
