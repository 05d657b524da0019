package org.newskg.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the reference data's names, demonyms, metonyms, post titles and body kinds in a sentence,
 * longest match first, at token boundaries. Matching works on characters rather than tokens, so
 * it does not depend on how the tokenizer splits "U.S." or "Côte d'Ivoire".
 *
 * <pre>{@code
 * List<Gazetteer.Match> m = gazetteer.find(text, tokenBegins, tokenEnds);
 * }</pre>
 */
public final class Gazetteer {
    /** A match: tokens {@code [start, end)} of the sentence carry {@code entry}. */
    public record Match(int start, int end, GazetteerEntry entry) {}

    private final Map<String, List<GazetteerEntry>> byFirstWord = new HashMap<>();
    private final Map<String, Entity> bodies;
    private final Map<String, String> adjectives;
    private final int size;

    /**
     * @param entries every surface form
     * @param bodies government bodies of the reference data by IRI
     * @param adjectives state IRI to its demonym adjective, for naming minted bodies
     */
    public Gazetteer(Collection<GazetteerEntry> entries, Map<String, Entity> bodies, Map<String, String> adjectives) {
        Set<String> seen = new HashSet<>();
        int n = 0;
        for (GazetteerEntry e : entries) {
            for (String form : variants(e.surface())) {
                GazetteerEntry v = new GazetteerEntry(form, e.via(), e.entity(), e.place());
                if (seen.add(form + "\u0000" + e.via() + "\u0000" + e.entity().iri())) {
                    byFirstWord.computeIfAbsent(key(form), k -> new ArrayList<>()).add(v);
                    n++;
                }
            }
        }
        Comparator<GazetteerEntry> longestFirst = Comparator.comparingInt((GazetteerEntry e) -> -e.surface().length())
            .thenComparing(e -> e.ignoreCase() ? 1 : 0);
        byFirstWord.values().forEach(l -> l.sort(longestFirst));
        this.bodies = Map.copyOf(bodies);
        this.adjectives = Map.copyOf(adjectives);
        this.size = n;
    }

    /** Number of surface forms known. */
    public int size() {
        return size;
    }

    /** The reference government body with this IRI, or null. */
    public Entity body(String iri) {
        return bodies.get(iri);
    }

    /** The demonym adjective of a state ("Russian" for Russia), or null. */
    public String adjective(String stateIri) {
        return adjectives.get(stateIri);
    }

    /**
     * Matches in one sentence, left to right, each the longest form starting at its token.
     *
     * @param text the text the offsets refer to
     * @param begins each token's begin offset in {@code text}
     * @param ends each token's end offset in {@code text}
     */
    public List<Match> find(String text, int[] begins, int[] ends) {
        Map<Integer, Integer> tokenEndingAt = new HashMap<>();
        for (int i = 0; i < ends.length; i++) {
            tokenEndingAt.put(ends[i], i);
        }
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i < begins.length) {
            Match best = null;
            List<GazetteerEntry> candidates = byFirstWord.get(key(text.substring(begins[i], Math.min(text.length(), ends[i]))));
            if (candidates != null) {
                for (GazetteerEntry e : candidates) {
                    int len = e.surface().length();
                    if (begins[i] + len > text.length()
                        || !text.regionMatches(e.ignoreCase(), begins[i], e.surface(), 0, len)) {
                        continue;
                    }
                    Integer last = tokenEndingAt.get(begins[i] + len);
                    if (last != null && last >= i) {
                        best = new Match(i, last + 1, e);
                        break;
                    }
                }
            }
            if (best != null) {
                out.add(best);
                i = best.end();
            } else {
                i++;
            }
        }
        return out;
    }

    /** The lookup key of a form: its first word, lower-cased, with apostrophes unified. */
    static String key(String form) {
        String f = form.replace('’', '\'');
        int end = 0;
        while (end < f.length() && (Character.isLetterOrDigit(f.charAt(end)) || f.charAt(end) == '.')) {
            end++;
        }
        return (end == 0 ? f.substring(0, Math.min(1, f.length())) : f.substring(0, end)).toLowerCase(Locale.ROOT);
    }

    /** A form and its typographic twins (curly apostrophes, non-breaking hyphens). */
    private static Set<String> variants(String form) {
        Set<String> v = new HashSet<>();
        v.add(form);
        if (form.indexOf('\'') >= 0) {
            v.add(form.replace('\'', '’'));
        }
        if (form.indexOf('’') >= 0) {
            v.add(form.replace('’', '\''));
        }
        return v;
    }
}
