package org.newskg.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
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
    public static final List<String> RULE_FILES = List.of("posts.tokensregex", CUES, "contacts.semgrex");
    /** The Semgrex event rules kept for what a frame cannot say, each file named for its event type. */
    public static final List<String> SEMGREX_FILES = List.of("contacts.semgrex");
    /** Every frame file extraction reads (under {@code newskg/frames/}), for the extractor version. */
    public static final List<String> FRAME_FILES = org.newskg.extract.frame.Frames.files();

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
        return extract(article, cancel, null);
    }

    /**
     * Extracts one article and also describes each sentence as the rules see it: its tokens with their tags, lemmas and
     * linked kinds, and its enhanced++ dependencies, one per line (for {@code newskg extract --graphs}).
     */
    public ArticleExtraction explain(Article article, List<String> sentences) {
        return extract(article, new Cancellation(), sentences);
    }

    private ArticleExtraction extract(Article article, Cancellation cancel, List<String> explained) {
        Annotation doc = nlp.annotate(article, cancel);
        LinkedDocument linked = linker.link(doc, article.text(), article.date(), cancel);
        cancel.check();
        List<PostFact> facts = posts.extract(linked);
        cancel.check();
        List<EventFact> found = events.extract(linked, facts);
        if (explained != null) {
            for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
                explained.add(describe(s));
            }
        }
        return new ArticleExtraction(article, linked.sentences(), linked.mentions(), facts, found);
    }

    private static String describe(CoreMap sentence) {
        StringBuilder sb = new StringBuilder();
        for (CoreLabel t : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
            String kind = t.get(org.newskg.nlp.NkgAnnotations.KindAnnotation.class);
            sb.append(t.word()).append('/').append(t.tag()).append('/').append(t.lemma())
                .append(kind == null ? "" : "/" + kind).append(' ');
        }
        sb.append('\n');
        SemanticGraph g = sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
        if (g != null) {
            for (SemanticGraphEdge e : g.edgeListSorted()) {
                sb.append("  ").append(e.getRelation()).append('(').append(e.getGovernor().word()).append('-')
                    .append(e.getGovernor().index()).append(", ").append(e.getDependent().word()).append('-')
                    .append(e.getDependent().index()).append(")\n");
            }
        }
        return sb.toString();
    }
}
