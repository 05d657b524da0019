package org.newskg.extract;

/**
 * A place in the text that names an entity. {@code via} says how it was recognised: NAME, DEMONYM,
 * METONYM (a capital or seat of power standing for its state), ROLE, NER, SURNAME, PRONOUN,
 * COREF (an anaphor CoreNLP's coreference ties to a linked name).
 */
public record Mention(Entity entity, Span span, String via) {}
