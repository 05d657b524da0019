package org.newskg.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.newskg.article.Article;
import org.newskg.extract.ArticleExtraction;
import org.newskg.extract.Cues;
import org.newskg.extract.EntityLinker;
import org.newskg.extract.ExtractionText;
import org.newskg.extract.Extractor;
import org.newskg.extract.LinkedDocument;
import org.newskg.extract.PostExtractor;
import org.newskg.extract.RuleFile;
import org.newskg.extract.SemgrexRuleFile;
import org.newskg.extract.frame.Frame;
import org.newskg.extract.frame.FrameTrigger;
import org.newskg.extract.frame.Frames;

/**
 * Every rule's example sentences ({@code # e.g.} lines in the rule files, {@code examples} of each frame trigger) must be
 * matched after real CoreNLP annotation and linking: TokensRegex post rules must yield a post, Semgrex event rules must
 * match the sentence's enhanced++ dependency graph, and a frame trigger's examples must give an event of its frame's type.
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
        Cues cues = Cues.load(Extractor.CUES);
        for (String file : Extractor.SEMGREX_FILES) {
            SemgrexRuleFile rules = SemgrexRuleFile.load(file, cues);
            assertFalse(rules.rules().isEmpty(), file);
            for (SemgrexRuleFile.Rule rule : rules.rules()) {
                assertFalse(rule.examples().isEmpty(), rule.where() + " has an example sentence");
                for (String example : rule.examples()) {
                    tests.add(DynamicTest.dynamicTest(rule.where() + ": " + example, () -> checkSemgrex(rule, example)));
                }
            }
        }
        Frames frames = Frames.load(cues);
        for (Frame frame : frames.frames()) {
            for (FrameTrigger t : frame.triggers()) {
                assertFalse(t.examples().isEmpty(), t.where() + " has an example sentence");
                for (String example : t.examples()) {
                    tests.add(DynamicTest.dynamicTest(t.where() + ": " + example, () -> checkFrame(frame, t, example)));
                }
            }
        }
        return tests.stream();
    }

    private static Extractor extractor;

    private static synchronized Extractor extractor() {
        if (extractor == null) {
            extractor = new Extractor(Models.nlp(), Models.gazetteer());
        }
        return extractor;
    }

    private static void checkFrame(Frame frame, FrameTrigger trigger, String example) {
        Article a = new Article("example", LocalDate.of(2024, 11, 1), null, null, null, example, "example", "h");
        List<String> graphs = new ArrayList<>();
        ArticleExtraction x = extractor().explain(a, graphs);
        boolean found = x.events().stream().anyMatch(e -> e.type() == frame.type());
        assertTrue(found, trigger.where() + " gives a " + frame.type().id() + ": " + example + "\n" + ExtractionText.lines(x)
            + "\n" + String.join("\n", graphs));
    }

    private static void checkSemgrex(SemgrexRuleFile.Rule rule, String example) {
        Article a = new Article("example", LocalDate.of(2024, 11, 1), null, null, null, example, "example", "h");
        Annotation doc = Models.nlp().annotate(a);
        new EntityLinker(Models.gazetteer()).link(doc, example, a.date());
        boolean matched = false;
        StringBuilder graphs = new StringBuilder();
        for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            SemanticGraph g = sentence.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
            matched |= rule.pattern().matcher(g).find();
            graphs.append(g.toString(SemanticGraph.OutputFormat.LIST));
        }
        assertTrue(matched, rule.where() + " matches: " + example + "\n" + graphs);
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
