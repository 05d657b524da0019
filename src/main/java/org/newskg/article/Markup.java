package org.newskg.article;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.lang3.StringEscapeUtils;

/**
 * Turns article text that carries HTML markup into plain text before anything else sees it, so the
 * stored {@code nkg:text} and every offset into it refer to the same clean text. Tags, comments,
 * scripts and styles are dropped and character references decoded. When block elements
 * ({@code p}, {@code div}, {@code br}, headings, list items, ...) are present the text is treated as
 * HTML: source whitespace collapses and blocks become paragraphs. Otherwise (only inline tags such
 * as {@code <b>}) the text's own line structure is kept. Text without markup comes back unchanged.
 *
 * <pre>{@code
 * Markup.clean("<p>Kim &amp; Putin met.</p><p>They signed.</p>")  // "Kim & Putin met.\n\nThey signed."
 * }</pre>
 */
final class Markup {
    private static final Pattern TAG = Pattern.compile("<(?:/?([A-Za-z][A-Za-z0-9]*)(?:\\s[^<>]{0,2000})?/?>|!--)");
    private static final Pattern REFERENCE = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
    private static final Pattern BLOCK_TAG = Pattern.compile(
        "(?i)<(?:p|div|br|h[1-6]|li|ul|ol|table|tr|blockquote|section|article|body|html)(?:[\\s/>])");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "dl", "dt", "dd", "table", "tr", "blockquote", "section", "article", "header", "footer", "aside", "nav",
        "main", "figure", "figcaption", "pre", "hr", "title", "body", "html", "head", "address", "caption");
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "head");
    private static final Set<String> INLINE = Set.of("a", "b", "i", "u", "s", "em", "strong", "span", "small", "big",
        "sub", "sup", "img", "font", "abbr", "cite", "q", "time", "mark", "code", "wbr", "meta", "link", "tbody",
        "thead", "tfoot", "ins", "del", "label", "center", "nobr", "picture", "source", "bdi", "bdo", "var", "dfn");
    private static final int MAX_TAG = 10_000;

    private Markup() {}

    /** The plain text of a text that may hold HTML markup (LF line ends expected). */
    static String clean(String text) {
        if (!hasTag(text)) {
            return REFERENCE.matcher(text).find() ? unescape(text) : text;
        }
        boolean html = BLOCK_TAG.matcher(text).find();
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c != '<') {
                out.append(html && Character.isWhitespace(c) ? ' ' : c);
                i++;
                continue;
            }
            if (text.startsWith("<!--", i)) {
                int close = text.indexOf("-->", i + 4);
                i = close < 0 ? n : close + 3;
                continue;
            }
            int end = tagEnd(text, i);
            boolean closing = end > 0 && text.charAt(i + 1) == '/';
            String name = end < 0 ? "" : tagName(text, closing ? i + 2 : i + 1);
            if (end < 0 || !(known(name) || text.charAt(i + 1) == '!' || text.charAt(i + 1) == '?')) {
                out.append(c);
                i++;
                continue;
            }
            i = end;
            if (!closing && SKIPPED.contains(name)) {
                i = skipElement(text, i, name);
            }
            if (name.equals("br")) {
                out.append('\n');
            } else if (BLOCKS.contains(name) || SKIPPED.contains(name)) {
                out.append("\n\n");
            } else if (CELLS.contains(name)) {
                out.append(' ');
            }
        }
        return tidy(unescape(out.toString()));
    }

    /** Whether the text holds a comment or a tag of a known HTML element. */
    private static boolean hasTag(String text) {
        Matcher m = TAG.matcher(text);
        while (m.find()) {
            if (m.group(1) == null || known(m.group(1).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean known(String name) {
        return name.equals("br") || BLOCKS.contains(name) || CELLS.contains(name) || SKIPPED.contains(name)
            || INLINE.contains(name);
    }

    /** The index just past the '>' closing the tag that starts at {@code start}, or -1 if it is no tag. */
    private static int tagEnd(String text, int start) {
        int n = Math.min(text.length(), start + MAX_TAG);
        int j = start + 1;
        if (j >= n) {
            return -1;
        }
        char first = text.charAt(j);
        if (first == '/') {
            j++;
        } else if (first == '!' || first == '?') {
            int close = text.indexOf('>', j);
            return close < 0 || close >= n ? -1 : close + 1;
        }
        if (j >= n || !isAsciiLetter(text.charAt(j))) {
            return -1;
        }
        char quote = 0;
        for (; j < n; j++) {
            char c = text.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return j + 1;
            } else if (c == '<') {
                return -1;
            }
        }
        return -1;
    }

    private static String tagName(String text, int from) {
        int j = from;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == ':' || text.charAt(j) == '-')) {
            j++;
        }
        return text.substring(from, j).toLowerCase(Locale.ROOT);
    }

    /** The index past the end tag of an element whose content is not text (script, style, ...). */
    private static int skipElement(String text, int from, String name) {
        String lower = text.toLowerCase(Locale.ROOT);
        int close = lower.indexOf("</" + name, from);
        if (close < 0) {
            return text.length();
        }
        int end = text.indexOf('>', close);
        return end < 0 ? text.length() : end + 1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Decodes HTML 4 character references (named, decimal and hexadecimal). */
    @SuppressWarnings("deprecation")
    private static String unescape(String text) {
        return StringEscapeUtils.unescapeHtml4(text);
    }

    /** Collapses spaces within lines, trims lines, and keeps at most one blank line between paragraphs. */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int newlines = 0;
        for (String line : text.split("\n", -1)) {
            String l = line.replace('\u00A0', ' ').replaceAll("[ \\t\\f\\r]+", " ").strip();
            if (l.isEmpty()) {
                newlines++;
                continue;
            }
            if (out.length() > 0) {
                out.append(newlines >= 1 ? "\n\n" : "\n");
            }
            out.append(l);
            newlines = 0;
        }
        return out.toString();
    }
}
