package org.newskg.nlp;

import edu.stanford.nlp.ling.CoreAnnotation;

/**
 * Token annotations newskg adds after linking, so TokensRegex rules can match on linked entities:
 * {@code [{nkg:PERSON}]} matches a token inside a person mention, {@code [{nkg:ROLE}]} a token of
 * a post title. The rule environment binds the name {@code nkg} to {@link KindAnnotation}.
 */
public final class NkgAnnotations {
    private NkgAnnotations() {}

    /** The kind of linked mention a token belongs to: STATE, DEMONYM, METONYM, ORG, BODY, PERSON, ROLE, PLACE. */
    public static final class KindAnnotation implements CoreAnnotation<String> {
        @Override
        public Class<String> getType() {
            return String.class;
        }
    }

    /** The position of the mention a token belongs to in the article's mention list. */
    public static final class MentionAnnotation implements CoreAnnotation<Integer> {
        @Override
        public Class<Integer> getType() {
            return Integer.class;
        }
    }
}
