package org.newskg.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.newskg.article.Article;
import org.newskg.extract.EntityLinker;
import org.newskg.extract.LinkedDocument;
import org.newskg.extract.PostExtractor;
import org.newskg.extract.RuleFile;

/**
 * Every rule's example sentences ({@code # e.g.} lines in the rule files) must be matched by that
 * very rule after real CoreNLP annotation and linking, and must yield a fact.
 */
class RuleExamplesIT {
    static final List<String> RULE_FILES = List.of("posts.tokensregex");

    @TestFactory
    Stream<DynamicTest> everyExampleIsMatchedByItsRule() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : RULE_FILES) {
            RuleFile rules = RuleFile.load(file);
            assertFalse(rules.rules().isEmpty(), file);
            for (RuleFile.Rule rule : rules.rules()) {
                assertFalse(rule.examples().isEmpty(), rule.where() + " has an example sentence");
                for (String example : rule.examples()) {
                    tests.add(DynamicTest.dynamicTest(rule.where() + ": " + example, () -> check(rules, rule, example)));
                }
            }
        }
        return tests.stream();
    }

    private static void check(RuleFile rules, RuleFile.Rule rule, String example) {
        Article a = new Article("example", LocalDate.of(2024, 11, 1), null, null, null, example, "example", "h");
        Annotation doc = Models.nlp().annotate(a);
        LinkedDocument linked = new EntityLinker(Models.gazetteer()).link(doc, example, a.date());
        boolean matched = false;
        for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            matched |= rule.pattern().getMatcher(tokens).find();
        }
        assertTrue(matched, rule.where() + " matches: " + example + "\nmentions: " + linked.mentions());
        if (rules.name().equals("posts.tokensregex")) {
            assertFalse(new PostExtractor(rules, Models.gazetteer()).extract(linked).isEmpty(), "a post is extracted from: " + example);
        }
    }
}
