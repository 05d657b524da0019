package org.newskg.extract;

import edu.stanford.nlp.pipeline.Annotation;
import java.time.LocalDate;
import java.util.List;

/**
 * An annotated article after entity linking: its sentences, every mention in text order, and the
 * CoreNLP annotation whose tokens now carry {@code nkg} kinds and mention indexes for the rules.
 */
public record LinkedDocument(Annotation annotation, LocalDate date, List<SentenceInfo> sentences, List<Mention> mentions) {}
