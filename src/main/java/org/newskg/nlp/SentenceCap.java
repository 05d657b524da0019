package org.newskg.nlp;

import edu.stanford.nlp.ling.CoreAnnotation;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.Annotator;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * A CoreNLP annotator, run right after {@code ssplit}, that cuts every sentence longer than
 * {@code NAME.maxTokens} tokens into consecutive pieces of at most that length. Tagging, NER and
 * parsing then never see an over-long "sentence" (a page without punctuation, a table flattened
 * into one line), so their time and memory per sentence stay bounded. Offsets are untouched:
 * pieces are spans of the same text.
 *
 * <pre>{@code
 * props.setProperty("customAnnotatorClass.newskgcap", SentenceCap.class.getName());
 * props.setProperty("newskgcap.maxTokens", "120");
 * props.setProperty("annotators", "tokenize,ssplit,newskgcap,pos,lemma,ner,depparse");
 * }</pre>
 */
public final class SentenceCap implements Annotator {
    /** The annotator name newskg registers this class under. */
    public static final String NAME = "newskgcap";
    private final int maxTokens;

    /** The constructor CoreNLP calls for {@code customAnnotatorClass.NAME}. */
    public SentenceCap(String name, Properties props) {
        this.maxTokens = Integer.parseInt(props.getProperty(name + ".maxTokens", "120").strip());
        if (maxTokens < 1) {
            throw new IllegalArgumentException(name + ".maxTokens must be at least 1");
        }
    }

    @Override
    public void annotate(Annotation doc) {
        List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
        if (sentences == null || sentences.stream().allMatch(s -> s.get(CoreAnnotations.TokensAnnotation.class).size() <= maxTokens)) {
            return;
        }
        String text = doc.get(CoreAnnotations.TextAnnotation.class);
        List<CoreMap> out = new ArrayList<>();
        for (CoreMap s : sentences) {
            List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
            if (tokens.size() <= maxTokens) {
                out.add(s);
                continue;
            }
            int firstToken = s.get(CoreAnnotations.TokenBeginAnnotation.class);
            for (int from = 0; from < tokens.size(); from += maxTokens) {
                List<CoreLabel> piece = new ArrayList<>(tokens.subList(from, Math.min(tokens.size(), from + maxTokens)));
                int begin = piece.get(0).beginPosition();
                int end = piece.get(piece.size() - 1).endPosition();
                Annotation p = new Annotation(text.substring(begin, end));
                copy(s, p);
                p.set(CoreAnnotations.TextAnnotation.class, text.substring(begin, end));
                p.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, begin);
                p.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, end);
                p.set(CoreAnnotations.TokensAnnotation.class, piece);
                p.set(CoreAnnotations.TokenBeginAnnotation.class, firstToken + from);
                p.set(CoreAnnotations.TokenEndAnnotation.class, firstToken + from + piece.size());
                out.add(p);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            CoreMap s = out.get(i);
            s.set(CoreAnnotations.SentenceIndexAnnotation.class, i);
            List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
            for (int j = 0; j < tokens.size(); j++) {
                tokens.get(j).setSentIndex(i);
                tokens.get(j).setIndex(j + 1);
            }
        }
        doc.set(CoreAnnotations.SentencesAnnotation.class, out);
    }

    /** Copies every annotation of a sentence onto one of its pieces. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void copy(CoreMap from, CoreMap to) {
        for (Class key : from.keySet()) {
            to.set(key, from.get(key));
        }
    }

    @Override
    public Set<Class<? extends CoreAnnotation>> requires() {
        return Set.of(CoreAnnotations.TokensAnnotation.class, CoreAnnotations.SentencesAnnotation.class);
    }

    @Override
    public Set<Class<? extends CoreAnnotation>> requirementsSatisfied() {
        return Set.of();
    }
}
