package org.newskg.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newskg.article.Slugs;

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

    /** A known office holder's tenure: person and role IRIs, the state or organisation, the period (end null if running). */
    public record Tenure(String person, String role, Entity org, LocalDate start, LocalDate end) {
        boolean covers(LocalDate day) {
            return !day.isBefore(start) && (end == null || !day.isAfter(end));
        }
    }

    private final Map<String, List<GazetteerEntry>> byFirstWord = new HashMap<>();
    private final Map<String, Entity> bodies;
    private final Map<String, String> adjectives;
    private final Map<String, Entity> personsBySlug = new HashMap<>();
    private final Map<String, List<Entity>> personsBySurname = new HashMap<>();
    private final Map<String, List<Tenure>> tenures = new HashMap<>();
    private final Map<String, String> broaderRole;
    private final Map<String, Entity> capitals;
    private final Map<String, Entity> states = new HashMap<>();
    private final Map<String, Entity> stateByCapital = new HashMap<>();
    private final int size;

    /**
     * @param entries every surface form
     * @param bodies government bodies of the reference data by IRI
     * @param adjectives state IRI to its demonym adjective, for naming minted bodies
     */
    public Gazetteer(Collection<GazetteerEntry> entries, Map<String, Entity> bodies, Map<String, String> adjectives) {
        this(entries, bodies, adjectives, List.of(), Map.of(), Map.of());
    }

    /**
     * @param tenures known office holders' tenures
     * @param broaderRole role IRI to its broader role IRI ("Secretary of State" to "Foreign Minister")
     * @param capitals state IRI to its capital, for "the Japanese capital"
     */
    public Gazetteer(Collection<GazetteerEntry> entries, Map<String, Entity> bodies, Map<String, String> adjectives,
                     Collection<Tenure> tenures, Map<String, String> broaderRole, Map<String, Entity> capitals) {
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
        this.broaderRole = Map.copyOf(broaderRole);
        this.capitals = Map.copyOf(capitals);
        Map<String, Entity> byIri = new HashMap<>();
        for (GazetteerEntry e : entries) {
            byIri.putIfAbsent(e.entity().iri(), e.entity());
            if (e.entity().kind() == Kind.STATE) {
                states.putIfAbsent(e.entity().iri(), e.entity());
            }
        }
        capitals.forEach((state, capital) -> {
            if (byIri.containsKey(state)) {
                stateByCapital.putIfAbsent(capital.iri(), byIri.get(state));
            }
        });
        for (GazetteerEntry e : entries) {
            if (e.entity().kind() == Kind.PERSON && e.via().equals("NAME")) {
                personsBySlug.putIfAbsent(Slugs.slug(e.surface()), e.entity());
                String[] words = e.surface().split("[\\s\\-]+");
                List<Entity> same = personsBySurname.computeIfAbsent(words[words.length - 1], k -> new ArrayList<>());
                if (!same.contains(e.entity())) {
                    same.add(e.entity());
                }
            }
        }
        for (Tenure t : tenures) {
            this.tenures.computeIfAbsent(t.person(), k -> new ArrayList<>()).add(t);
        }
        this.size = n;
    }

    /** The known person a full name (any spelling the reference data lists) stands for, or null. */
    public Entity person(String fullName) {
        return personsBySlug.get(Slugs.slug(fullName));
    }

    /** The one known person with this surname who held an office on that day, or null if none or several. */
    public Entity personBySurname(String surname, LocalDate day) {
        Entity found = null;
        for (Entity p : personsBySurname.getOrDefault(surname, List.of())) {
            if (tenures.getOrDefault(p.iri(), List.of()).stream().anyMatch(t -> t.covers(day))) {
                if (found != null) {
                    return null;
                }
                found = p;
            }
        }
        return found;
    }

    /**
     * The state or organisation in which a known person held this role (or a narrower one) on that
     * day; failing that, in which they last held it before that day ("ousted President X"); or null.
     */
    public Entity tenureOrganisation(String personIri, String roleIri, LocalDate day) {
        Entity current = null;
        Tenure latestPast = null;
        for (Tenure t : tenures.getOrDefault(personIri, List.of())) {
            if (!(t.role().equals(roleIri) || roleIri.equals(broaderRole.get(t.role())))) {
                continue;
            }
            if (t.covers(day)) {
                if (current != null && !current.iri().equals(t.org().iri())) {
                    return null;
                }
                current = t.org();
            } else if (t.end() != null && t.end().isBefore(day) && (latestPast == null || t.end().isAfter(latestPast.end()))) {
                latestPast = t;
            }
        }
        return current != null ? current : latestPast == null ? null : latestPast.org();
    }

    /** The one state a known person held any office of on that day, or null if none or several. */
    public Entity stateOf(String personIri, LocalDate day) {
        Entity found = null;
        for (Tenure t : tenures.getOrDefault(personIri, List.of())) {
            if (t.covers(day) && t.org().kind() == Kind.STATE) {
                if (found != null && !found.iri().equals(t.org().iri())) {
                    return null;
                }
                found = t.org();
            }
        }
        return found;
    }

    /** Number of surface forms known. */
    public int size() {
        return size;
    }

    /** The reference state with this IRI, or null. */
    public Entity state(String iri) {
        return states.get(iri);
    }

    /** The reference government body with this IRI, or null. */
    public Entity body(String iri) {
        return bodies.get(iri);
    }

    /** The state whose capital a place is, or null. */
    public Entity stateWithCapital(String placeIri) {
        return stateByCapital.get(placeIri);
    }

    /** The capital of a state (the first the reference data names), or null. */
    public Entity capital(String stateIri) {
        return capitals.get(stateIri);
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
