package org.newskg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.newskg.article.Article;
import org.newskg.article.ArticleReader;
import org.newskg.config.Settings;
import org.newskg.extract.EventDate;
import org.newskg.nlp.Cancellation;
import org.newskg.nlp.NlpPipeline;

/**
 * The pipeline's runs of sentences with the real models: annotating in short runs gives exactly
 * what one run over the whole article gives, and a cancelled annotation stops soon by its flag
 * alone, as it must when CoreNLP swallows the thread's interrupt.
 */
class NlpPipelineIT {

    @Test
    void shortRunsAnnotateExactlyLikeOneRun() {
        NlpPipeline whole = new NlpPipeline(Settings.defaults().with("extract.chunkTokens", Integer.MAX_VALUE));
        NlpPipeline runs = new NlpPipeline(Settings.defaults().with("extract.chunkTokens", 30));
        List<Article> articles = new ArrayList<>();
        ArticleReader.read(List.of(Path.of("data")), articles::add, e -> { throw new AssertionError(e.describe()); });
        assertTrue(articles.size() >= 20, "articles: " + articles.size());
        int tokens = 0;
        for (Article a : articles) {
            List<String> expected = describe(whole.annotate(a), a.date());
            List<String> actual = describe(runs.annotate(a), a.date());
            assertEquals(expected, actual, a.origin());
            tokens += expected.size();
        }
        assertTrue(tokens > 2_000, "tokens compared: " + tokens);
    }

    @Test
    void aCancelledAnnotationStopsWithinOneRunWithoutAnInterrupt() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 600_000; i++) {
            text.append(i % 9 == 0 ? "Troops moved near Seoul on Monday. " : "Kim met Putin in Moscow ");
        }
        Article a = new Article("long", java.time.LocalDate.of(2024, 10, 31), null, null, null, text.toString(), "long.txt", "x");
        Cancellation cancel = new Cancellation();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                Models.nlp().annotate(a, cancel);
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "nlp-cancel-test");
        t.start();
        Thread.sleep(4_000);
        assertTrue(t.isAlive(), "the article takes longer than 4 s to annotate");
        cancel.cancel();
        t.join(60_000);
        assertFalse(t.isAlive(), "the cancelled annotation still runs");
        assertInstanceOf(CancellationException.class, outcome.get());
    }

    /**
     * One line per token: its text, offsets, tag, lemma, entity tags, and its sentence's dependencies. A weekday's value is
     * the date newskg takes from it ({@link EventDate#fromTimex}): SUTime keeps whether it resolved the last weekday to the
     * past or the future from one document to the next (CoreNLP issue 1061), so its raw value depends on what the pipeline
     * read before, which newskg corrects by moving a weekday after publication back a week.
     */
    private static List<String> describe(Annotation doc, java.time.LocalDate published) {
        List<String> out = new ArrayList<>();
        for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            SemanticGraph deps = s.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
            out.add("sentence " + s.get(CoreAnnotations.SentenceIndexAnnotation.class) + " " + deps.toList());
            for (CoreLabel t : s.get(CoreAnnotations.TokensAnnotation.class)) {
                String value = t.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
                if (EventDate.isWeekday(t.word()) && value != null) {
                    EventDate d = EventDate.fromTimex(value, true, published);
                    value = d == null ? value : d.value();
                }
                out.add(t.word() + " " + t.beginPosition() + " " + t.tag() + " " + t.lemma() + " " + t.ner() + " "
                    + t.get(CoreAnnotations.FineGrainedNamedEntityTagAnnotation.class) + " " + value);
            }
        }
        return out;
    }
}
