package org.newskg.extract;

import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.newskg.nlp.NkgAnnotations;
import org.newskg.rdf.ReferenceData;

/**
 * A file of TokensRegex rules, one relation or event type per file. Each rule is one or more
 * {@code # e.g. SENTENCE} lines (sentences the rule must match, run by the tests), then the
 * pattern on the following non-comment lines, ending at a blank line. Other {@code #} lines are
 * comments. Patterns may use {@code [{nkg:KIND}]} to match linked mentions (PERSON, ROLE, STATE,
 * DEMONYM, METONYM, ORG, BODY, PLACE) and named groups such as {@code (?$person ...)}.
 *
 * <pre>{@code
 * RuleFile posts = RuleFile.load("posts.tokensregex");
 * for (RuleFile.Rule r : posts.rules()) { TokenSequenceMatcher m = r.pattern().getMatcher(tokens); }
 * }</pre>
 */
public final class RuleFile {
    /** Classpath folder of the rule files. */
    public static final String DIR = "/newskg/rules/";

    /** One rule: where it starts in the file, its example sentences and compiled pattern. */
    public record Rule(String file, int line, List<String> examples, String source, TokenSequencePattern pattern) {
        /** "posts.tokensregex:12", for messages. */
        public String where() {
            return file + ":" + line;
        }
    }

    private final String name;
    private final List<Rule> rules;

    private RuleFile(String name, List<Rule> rules) {
        this.name = name;
        this.rules = List.copyOf(rules);
    }

    /** The TokensRegex environment: {@code nkg} names the linked-mention kind of a token. */
    public static Env environment() {
        Env env = TokenSequencePattern.getNewEnv();
        env.bind("nkg", NkgAnnotations.KindAnnotation.class);
        return env;
    }

    /** Loads and compiles a rule file from the classpath rule folder. */
    public static RuleFile load(String name) {
        return parse(name, new String(ReferenceData.resource(DIR + name), StandardCharsets.UTF_8));
    }

    /** Parses and compiles rule text; a pattern that does not compile is reported with its line. */
    public static RuleFile parse(String name, String text) {
        Env env = environment();
        List<Rule> rules = new ArrayList<>();
        for (Block b : blocks(text)) {
            rules.add(compile(env, name, b.line(), b.examples(), b.source()));
        }
        return new RuleFile(name, rules);
    }

    /** One rule as written: its first pattern line, its example sentences and its pattern text. */
    record Block(int line, List<String> examples, String source) {}

    /**
     * Splits rule text into rules: {@code # e.g.} lines give examples, other {@code #} lines are
     * comments, and the pattern runs over the following lines up to a blank line. Shared by the
     * TokensRegex and Semgrex rule files.
     */
    static List<Block> blocks(String text) {
        List<Block> out = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        StringBuilder pattern = new StringBuilder();
        int start = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i].strip() : "";
            if (line.isEmpty()) {
                if (pattern.length() > 0) {
                    out.add(new Block(start, List.copyOf(examples), pattern.toString().strip()));
                    examples = new ArrayList<>();
                    pattern.setLength(0);
                }
                continue;
            }
            if (line.startsWith("#")) {
                String body = line.substring(1).strip();
                if (body.startsWith("e.g.")) {
                    examples.add(body.substring(4).strip());
                }
                continue;
            }
            if (pattern.length() == 0) {
                start = i + 1;
            }
            pattern.append(line).append(' ');
        }
        return out;
    }

    private static Rule compile(Env env, String file, int line, List<String> examples, String source) {
        try {
            return new Rule(file, line, List.copyOf(examples), source.strip(), TokenSequencePattern.compile(env, source));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ":" + line + ": rule does not compile: " + e.getMessage(), e);
        }
    }

    /** The file name. */
    public String name() {
        return name;
    }

    /** The rules in file order. */
    public List<Rule> rules() {
        return rules;
    }
}
