package org.newskg.extract;

/**
 * Converts CoreNLP's UTF-16 offsets into the code-point offsets newskg publishes (SPARQL's
 * SUBSTR counts code points), cheaply when the text has no characters outside the BMP.
 */
final class Offsets {
    private final String text;
    private final int[] codePointAt;

    Offsets(String text) {
        this.text = text;
        boolean surrogates = false;
        for (int i = 0; i < text.length() && !surrogates; i++) {
            surrogates = Character.isSurrogate(text.charAt(i));
        }
        if (surrogates) {
            codePointAt = new int[text.length() + 1];
            int cp = 0;
            for (int i = 0; i < text.length(); i++) {
                codePointAt[i] = cp;
                if (!Character.isLowSurrogate(text.charAt(i))) {
                    cp++;
                } else {
                    codePointAt[i] = cp - 1;
                }
            }
            codePointAt[text.length()] = cp;
        } else {
            codePointAt = null;
        }
    }

    /** The code-point offset of a UTF-16 offset. */
    int cp(int utf16) {
        return codePointAt == null ? utf16 : codePointAt[utf16];
    }

    /** A span of the text between UTF-16 offsets, reported in code points. */
    Span span(int sentence, int begin, int end) {
        return new Span(sentence, cp(begin), cp(end), text.substring(begin, end));
    }
}
