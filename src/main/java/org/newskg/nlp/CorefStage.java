package org.newskg.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.CorefAnnotator;
import edu.stanford.nlp.pipeline.EntityMentionsAnnotator;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.newskg.config.Settings;

/**
 * CoreNLP's coreference as a stage of its own, run on a whole article after tagging, NER and
 * parsing, when the setting {@code extract.coref} asks for it: {@code statistical} or
 * {@code fastneural} (CoreNLP's two coreference systems that work on the dependency parse, with
 * dependency-based mention detection, {@code coref.md.type=dep}, so no constituency parser is
 * loaded). The default, {@code own}, runs no stage: newskg's linker and event rules resolve
 * pronouns themselves.
 *
 * <p>CoreNLP's coref annotator needs tokens, sentences, POS, lemmas, NER tags and the basic and
 * enhanced dependencies, which newskg's pipeline gives; after clustering it maps its mentions to
 * the NER entity mentions, which newskg's pipeline does not build ({@code ner.buildEntityMentions}
 * is off), so the stage adds them first with CoreNLP's {@code entitymentions} annotator. Any
 * {@code nlp.coref.*} setting is passed to the coref annotator. The chains it leaves in
 * {@link edu.stanford.nlp.coref.CorefCoreAnnotations.CorefChainAnnotation} are read by the linker
 * ({@code org.newskg.extract.coref.CorenlpCoref}). The annotator works on the whole document, so
 * it cannot be cancelled halfway: cancellation is checked before and after it.
 *
 * <pre>{@code
 * Optional<CorefStage> coref = CorefStage.fromSettings(settings.with("extract.coref", "fastneural"));
 * coref.ifPresent(c -> c.annotate(doc));
 * }</pre>
 */
public final class CorefStage {
    /** The setting that chooses the coreference resolver. */
    public static final String SETTING = "extract.coref";
    private final EntityMentionsAnnotator entityMentions = new EntityMentionsAnnotator();
    private final CorefAnnotator coref;

    private CorefStage(Properties props) {
        this.coref = new CorefAnnotator(props);
    }

    /**
     * The stage {@code extract.coref} asks for: none for {@code own} (or an empty setting), CoreNLP's coref with
     * that algorithm for {@code statistical} or {@code fastneural} (loads its models, seconds to tens of seconds).
     */
    public static Optional<CorefStage> fromSettings(Settings settings) {
        String mode = settings.get(SETTING, "own").toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "own" -> Optional.empty();
            case "statistical", "fastneural" -> Optional.of(new CorefStage(properties(settings, mode)));
            default -> throw new IllegalArgumentException(
                "setting " + SETTING + " must be own, statistical or fastneural, not '" + settings.get(SETTING) + "'");
        };
    }

    /** The coref annotator's properties: every {@code nlp.coref.*} setting, the algorithm, and dependency mention detection. */
    static Properties properties(Settings settings, String algorithm) {
        Properties props = new Properties();
        settings.withPrefix("nlp.").forEach((k, v) -> {
            if (k.toString().startsWith("coref.")) {
                props.setProperty(k.toString(), v.toString());
            }
        });
        props.setProperty("coref.algorithm", algorithm);
        props.putIfAbsent("coref.md.type", "dep");
        return props;
    }

    /** Adds CoreNLP's coreference chains to an annotated article. */
    public void annotate(Annotation doc) {
        if (!doc.containsKey(CoreAnnotations.MentionsAnnotation.class)) {
            entityMentions.annotate(doc);
        }
        coref.annotate(doc);
    }
}
