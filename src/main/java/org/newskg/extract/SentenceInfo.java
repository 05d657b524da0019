package org.newskg.extract;

/** One sentence of an article: 1-based index, code-point offsets into the body, verbatim text. */
public record SentenceInfo(int index, int begin, int end, String text) {}
