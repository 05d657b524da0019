package org.newskg.extract;

/** One sentence of an article: 1-based index, code-point offsets into the body, verbatim text. */
public record SentenceInfo(int index, int begin, int end, String text) {

    /** The verbatim text between two code-point offsets of the body that lie in this sentence. */
    public String quote(int from, int to) {
        return text.codePoints().skip(from - begin).limit(to - from)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
