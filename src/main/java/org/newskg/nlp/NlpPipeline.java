package org.newskg.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.RuntimeInterruptedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CancellationException;
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
 * <p>Tokenising and sentence splitting run on the whole text; the sentence-level annotators after
 * them (tagging, NER, parsing) run on runs of consecutive sentences of at most
 * {@code extract.chunkTokens} tokens, with a {@link Cancellation} check before each run. A
 * cancelled annotation therefore stops within one run, even though CoreNLP swallows interrupts.
 * The result is the same as one pass: those annotators look at one sentence at a time. A pipeline
 * with a document-level annotator (e.g. coref) runs in one pass. CoreNLP's coreference, when
 * {@code extract.coref} asks for it, runs after them on the whole article as a {@link CorefStage}.
 *
 * <pre>{@code
 * NlpPipeline nlp = new NlpPipeline(Settings.defaults());
 * Annotation doc = nlp.annotate(article, new Cancellation());
 * }</pre>
 */
public final class NlpPipeline {
    /** Annotators that work one sentence at a time, so they may run on a run of sentences. */
    private static final Set<String> SENTENCE_LEVEL = Set.of("pos", "lemma", "ner", "regexner", "depparse", "parse");
    private final StanfordCoreNLP split;
    private final StanfordCoreNLP rest;
    private final int chunkTokens;
    private final Optional<CorefStage> coref;
    private final double loadSeconds;

    /** Loads the models named by the settings (tens of seconds). */
    public NlpPipeline(Settings settings) {
        Properties props = withSentenceCap(settings.withPrefix("nlp."), settings.getInt("extract.maxSentenceTokens"));
        List<String> annotators = annotators(props);
        int cut = Math.max(annotators.indexOf("ssplit"), annotators.indexOf(SentenceCap.NAME)) + 1;
        long t0 = System.nanoTime();
        coref = CorefStage.fromSettings(settings);
        if (cut > 0 && cut < annotators.size() && SENTENCE_LEVEL.containsAll(annotators.subList(cut, annotators.size()))) {
            split = new StanfordCoreNLP(withAnnotators(props, annotators.subList(0, cut)));
            rest = new StanfordCoreNLP(withAnnotators(props, annotators.subList(cut, annotators.size())), false);
            chunkTokens = Math.max(1, settings.getInt("extract.chunkTokens"));
        } else {
            split = new StanfordCoreNLP(props);
            rest = null;
            chunkTokens = 0;
        }
        loadSeconds = (System.nanoTime() - t0) / 1e9;
    }

    /** The annotator names a CoreNLP configuration lists, in order. */
    private static List<String> annotators(Properties props) {
        return List.of(props.getProperty("annotators", "").split("\\s*,\\s*"));
    }

    private static Properties withAnnotators(Properties props, List<String> annotators) {
        Properties p = new Properties();
        p.putAll(props);
        p.setProperty("annotators", String.join(",", annotators));
        return p;
    }

    /** CoreNLP properties with {@link SentenceCap} inserted after {@code ssplit} (a cap of 0 or less: none). */
    static Properties withSentenceCap(Properties props, int maxTokens) {
        List<String> annotators = new ArrayList<>(annotators(props));
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
        return annotate(article, new Cancellation());
    }

    /** Annotates an article, stopping with {@link java.util.concurrent.CancellationException} once cancelled. */
    public Annotation annotate(Article article, Cancellation cancel) {
        String date = article.date().toString();
        Annotation doc = new Annotation(article.text());
        doc.set(CoreAnnotations.DocDateAnnotation.class, date);
        cancel.check();
        annotate(split, doc);
        List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
        int from = 0;
        while (rest != null && from < sentences.size()) {
            int to = from;
            List<CoreLabel> tokens = new ArrayList<>();
            do {
                tokens.addAll(sentences.get(to++).get(CoreAnnotations.TokensAnnotation.class));
            } while (to < sentences.size()
                && tokens.size() + sentences.get(to).get(CoreAnnotations.TokensAnnotation.class).size() <= chunkTokens);
            cancel.check();
            Annotation run = new Annotation(article.text());
            run.set(CoreAnnotations.DocDateAnnotation.class, date);
            run.set(CoreAnnotations.SentencesAnnotation.class, sentences.subList(from, to));
            run.set(CoreAnnotations.TokensAnnotation.class, tokens);
            annotate(rest, run);
            from = to;
        }
        cancel.check();
        if (coref.isPresent()) {
            coref.get().annotate(doc);
            cancel.check();
        }
        return doc;
    }

    /** Runs a CoreNLP pipeline, turning its interrupt exception into {@link CancellationException}. */
    private static void annotate(StanfordCoreNLP pipeline, Annotation a) {
        try {
            pipeline.annotate(a);
        } catch (RuntimeInterruptedException e) {
            throw new CancellationException("annotation interrupted");
        }
    }

    /** Seconds it took to load the models. */
    public double loadSeconds() {
        return loadSeconds;
    }
}
