package org.newskg.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Posts stated as a counterpart: "Lavrov met his Turkish counterpart, Hakan Fidan" gives Fidan the post of the person
 * he is the counterpart of (the last person before him in the sentence with a post in the article), in the state the
 * demonym or name before "counterpart" gives. Without that state, or without a person with a post before, nothing.
 *
 * <pre>{@code
 * List<PostFact> more = Counterparts.find(linked, posts);
 * }</pre>
 */
final class Counterparts {
    private Counterparts() {}

    /** The posts "counterpart" gives in the article, beyond {@code posts}. */
    static List<PostFact> find(LinkedDocument doc, List<PostFact> posts) {
        List<PostFact> out = new ArrayList<>();
        List<CoreMap> sentences = doc.annotation().get(CoreAnnotations.SentencesAnnotation.class);
        for (CoreMap sentence : sentences) {
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            for (int i = 1; i < tokens.size(); i++) {
                if (!tokens.get(i).word().toLowerCase(Locale.ROOT).matches("counterparts?")) {
                    continue;
                }
                Mention state = PostExtractor.mentionAt(doc, tokens, i - 1);
                int p = i + 1;
                while (p < tokens.size() && tokens.get(p).word().equals(",")) {
                    p++;
                }
                Mention person = PostExtractor.mentionAt(doc, tokens, p);
                if (state == null || state.entity() == null || state.entity().kind() != Kind.STATE || person == null
                    || person.entity() == null || person.entity().kind() != Kind.PERSON) {
                    continue;
                }
                PostFact model = null;
                for (int t = 0; t < i - 1; t++) {
                    Mention m = PostExtractor.mentionAt(doc, tokens, t);
                    for (PostFact f : m == null || m.entity() == null ? List.<PostFact>of() : posts) {
                        if (f.person().equals(m.entity()) && f.role() != null && !f.person().equals(person.entity())) {
                            model = f;
                        }
                    }
                }
                boolean known = posts.stream().anyMatch(f -> f.person().equals(person.entity()));
                if (model == null || known || state.entity().equals(model.org())) {
                    continue;
                }
                int begin = state.span().begin();
                int end = person.span().end();
                String quote = doc.sentences().get(person.span().sentence() - 1).quote(begin, end);
                out.add(new PostFact(person.entity(), model.role(), state.entity(), "counterpart", Factuality.REPORTED,
                    List.of(new Span(person.span().sentence(), begin, end, quote))));
            }
        }
        return out;
    }
}
