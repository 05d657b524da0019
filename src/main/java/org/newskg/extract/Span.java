package org.newskg.extract;

/**
 * A stretch of an article's body text: the 1-based sentence it lies in and code-point offsets
 * into the body ({@code end} exclusive), with the text itself.
 */
public record Span(int sentence, int begin, int end, String text) {}
