package org.newskg.extract;

import edu.stanford.nlp.semgraph.semgrex.SemgrexPattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.newskg.rdf.ReferenceData;

/**
 * A file of Semgrex rules over the enhanced++ dependency graph, one event type per file, written
 * like the TokensRegex files: {@code # e.g. SENTENCE} lines, then the pattern up to a blank line.
 * Patterns name their nodes ({@code =trigger}, {@code =agent}, {@code =destination}, ...) and may
 * use cue lists as {@code ${NAME}} (see {@link Cues}).
 *
 * <pre>{@code
 * SemgrexRuleFile visits = SemgrexRuleFile.load("visits.semgrex", cues);
 * for (SemgrexRuleFile.Rule r : visits.rules()) { SemgrexMatcher m = r.pattern().matcher(graph); }
 * }</pre>
 */
public final class SemgrexRuleFile {
    /** One rule: where it starts, its example sentences, its source and compiled pattern. */
    public record Rule(String file, int line, List<String> examples, String source, SemgrexPattern pattern) {
        /** "visits.semgrex:12", for messages. */
        public String where() {
            return file + ":" + line;
        }
    }

    private final String name;
    private final List<Rule> rules;

    private SemgrexRuleFile(String name, List<Rule> rules) {
        this.name = name;
        this.rules = List.copyOf(rules);
    }

    /** Loads and compiles a rule file from the classpath rule folder. */
    public static SemgrexRuleFile load(String name, Cues cues) {
        return parse(name, new String(ReferenceData.resource(RuleFile.DIR + name), StandardCharsets.UTF_8), cues);
    }

    /** Parses and compiles rule text; a pattern that does not compile is reported with its line. */
    public static SemgrexRuleFile parse(String name, String text, Cues cues) {
        List<Rule> rules = new ArrayList<>();
        for (RuleFile.Block b : RuleFile.blocks(text)) {
            try {
                rules.add(new Rule(name, b.line(), b.examples(), b.source(), SemgrexPattern.compile(cues.expand(b.source()))));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + ":" + b.line() + ": rule does not compile: " + e.getMessage(), e);
            }
        }
        return new SemgrexRuleFile(name, rules);
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
