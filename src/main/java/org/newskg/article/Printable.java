package org.newskg.article;

/**
 * Text for a one-line report: control characters (a newline or tab in a file name, say) and line
 * separators become visible escapes ({@code \n}, {@code \t}, {@code \u001B}), so a name can never
 * break a report into several lines or move the terminal's cursor.
 *
 * <pre>{@code
 * Printable.of("bad\nname.txt")   // "bad\\nname.txt"
 * }</pre>
 */
public final class Printable {
    private Printable() {}

    /** The text with every control character and line separator escaped. */
    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String esc = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085'
                    ? String.format("\\u%04X", (int) c) : null;
            };
            if (esc != null && sb == null) {
                sb = new StringBuilder(text.substring(0, i));
            }
            if (sb != null) {
                sb.append(esc != null ? esc : String.valueOf(c));
            }
        }
        return sb == null ? text : sb.toString();
    }
}
