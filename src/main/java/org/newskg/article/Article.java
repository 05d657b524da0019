package org.newskg.article;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One news article as newskg reads it: a stable id, the publication date, the body text whose
 * offsets all evidence refers to, and optional agency, title and URL.
 *
 * @param id stable article id (a slug); the same article always gets the same id
 * @param date publication date, the anchor for relative dates in the text
 * @param source news agency or outlet, or null
 * @param title headline, or null
 * @param url canonical URL, or null
 * @param text body text (paragraphs separated by blank lines, LF line ends)
 * @param origin where it was read from, for messages (file, or file:line for feeds)
 * @param contentHash SHA-256 hex of the article's source bytes or feed line
 */
public record Article(String id, LocalDate date, String source, String title, String url,
                      String text, String origin, String contentHash) {
    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
    }
}
