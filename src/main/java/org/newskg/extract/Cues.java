package org.newskg.extract;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newskg.rdf.ReferenceData;

/**
 * Named lists of cue words (lemmas, lower case) that the event rules and the factuality and date
 * logic share: trigger lemmas per event type, hedges, allegation and negation cues, statement kinds.
 * The file has one list per line, {@code NAME = word word ...}; {@code @OTHER} includes another
 * list, and {@code #} starts a comment. Semgrex rules use a list as {@code ${NAME}}, which becomes
 * the regular expression {@code /word|word|.../}.
 *
 * <pre>{@code
 * Cues cues = Cues.load("cues.txt");
 * boolean hedge = cues.has("HEDGE_VERB", "plan");
 * }</pre>
 */
public final class Cues {
    private static final Pattern MACRO = Pattern.compile("\\$\\{([A-Z0-9_]+)\\}");

    private final Map<String, Set<String>> lists;

    private Cues(Map<String, Set<String>> lists) {
        this.lists = lists;
    }

    /** Loads a cue file from the classpath rule folder. */
    public static Cues load(String name) {
        return parse(new String(ReferenceData.resource(RuleFile.DIR + name), StandardCharsets.UTF_8));
    }

    /** Parses cue text; a reference to an undefined list is an error. */
    public static Cues parse(String text) {
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        int n = 0;
        for (String raw : text.split("\n", -1)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("cues line " + n + ": expected NAME = words");
            }
            Set<String> words = new LinkedHashSet<>();
            for (String w : line.substring(eq + 1).strip().split("\\s+")) {
                if (w.startsWith("@")) {
                    Set<String> other = lists.get(w.substring(1));
                    if (other == null) {
                        throw new IllegalArgumentException("cues line " + n + ": unknown list " + w);
                    }
                    words.addAll(other);
                } else if (!w.isEmpty()) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
            lists.put(line.substring(0, eq).strip(), Set.copyOf(words));
        }
        return new Cues(lists);
    }

    /** The words of a list; an unknown name is an error. */
    public Set<String> get(String name) {
        Set<String> s = lists.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no cue list " + name);
        }
        return s;
    }

    /** Whether a word (any case) is in a list. */
    public boolean has(String name, String word) {
        return word != null && get(name).contains(word.toLowerCase(Locale.ROOT));
    }

    /** Replaces every {@code ${NAME}} in a pattern by the list as a regular expression. */
    public String expand(String pattern) {
        Matcher m = MACRO.matcher(pattern);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String alternatives = String.join("|", new java.util.TreeSet<>(get(m.group(1))));
            m.appendReplacement(sb, Matcher.quoteReplacement("/" + alternatives + "/"));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
