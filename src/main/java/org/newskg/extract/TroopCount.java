package org.newskg.extract;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * How many troops: a count and whether the text gives it as approximate ("around 10,000",
 * "some 1,500", "up to 4,000").
 *
 * <pre>{@code
 * TroopCount c = TroopCount.of("10000.0", Set.of("around")); // 10000, approximate
 * }</pre>
 */
public record TroopCount(long count, boolean approximate) {
    /**
     * A count from a number's normalised value (CoreNLP's "10000.0" or "~1500") and the lower-case
     * words that modify it, of which {@code approximators} mark an approximation; null if no
     * positive whole number.
     */
    public static TroopCount of(String normalized, Set<String> modifiers, Set<String> approximators) {
        if (normalized == null) {
            return null;
        }
        String v = normalized.strip();
        boolean approx = false;
        if (v.startsWith("~") || v.startsWith(">") || v.startsWith("<")) {
            approx = true;
            v = v.substring(1).replace("=", "");
        }
        try {
            BigDecimal n = new BigDecimal(v.replace(",", ""));
            if (n.signum() <= 0 || n.stripTrailingZeros().scale() > 0) {
                return null;
            }
            for (String m : modifiers) {
                approx |= approximators.contains(m.toLowerCase(Locale.ROOT));
            }
            return new TroopCount(n.longValueExact(), approx);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
