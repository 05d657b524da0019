package org.newskg.article;

/** An input that is not a readable article; the message names the reason, {@link #origin()} the file. */
public class ArticleException extends Exception {
    private final String origin;

    public ArticleException(String origin, String reason) {
        super(reason);
        this.origin = origin;
    }

    /** The file (or file:line) the problem is in. */
    public String origin() {
        return origin;
    }

    /** One line for users: {@code origin: reason}, control characters in either shown as escapes. */
    public String describe() {
        return Printable.of(origin) + ": " + Printable.of(getMessage());
    }
}
