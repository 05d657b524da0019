package org.newskg.article;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns names into the lower-case ASCII slugs used in newskg IRIs: diacritics are stripped and
 * every run of other characters becomes one hyphen, so "Côte d'Ivoire" gives {@code cote-d-ivoire}.
 * Names with no ASCII letters or digits at all (e.g. CJK) fall back to a hex code-point form so
 * that the slug is never empty and always a valid IRI segment.
 */
public final class Slugs {
    private Slugs() {}

    /**
     * The id for a file or feed name: its slug, followed by a short hash of the name when the slug
     * dropped letters, digits or symbols outside the Latin script (CJK next to Latin words, emoji),
     * so that names differing only there keep distinct ids.
     */
    public static String id(String name) {
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        String slug = slug(nfc);
        String latin = latin(nfc);
        boolean hasAscii = latin.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
        boolean dropped = latin.codePoints().anyMatch(cp -> cp > 0x7F
            && (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.OTHER_SYMBOL));
        return hasAscii && dropped ? slug + "-" + Hashes.shortHash(nfc, 8) : slug;
    }

    /** The name decomposed, with special Latin letters mapped to ASCII (marks are still present). */
    private static String latin(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replace('ß', 's').replace('ø', 'o').replace('Ø', 'o').replace('ł', 'l').replace('Ł', 'l')
            .replace('đ', 'd').replace('Đ', 'd').replace('ı', 'i');
    }

    /** The slug of a name. */
    public static String slug(String name) {
        String decomposed = latin(name);
        StringBuilder out = new StringBuilder();
        boolean hyphen = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
                hyphen = false;
            } else if (c >= 'A' && c <= 'Z') {
                out.append(Character.toLowerCase(c));
                hyphen = false;
            } else if (!hyphen && out.length() > 0) {
                out.append('-');
                hyphen = true;
            }
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == '-') {
            out.setLength(len - 1);
        }
        if (out.length() == 0) {
            StringBuilder hex = new StringBuilder("u");
            name.codePoints().filter(cp -> !Character.isWhitespace(cp))
                .forEach(cp -> hex.append(Integer.toHexString(cp).toLowerCase(Locale.ROOT)).append('-'));
            if (hex.length() > 1) {
                hex.setLength(hex.length() - 1);
            }
            return hex.length() > 1 ? hex.toString() : "unnamed";
        }
        return out.toString();
    }
}
