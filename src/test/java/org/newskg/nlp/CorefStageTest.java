package org.newskg.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.newskg.config.Settings;

/** Which coreference stage the setting {@code extract.coref} chooses, and what CoreNLP's coref annotator is given. */
class CorefStageTest {
    @Test
    void ownIsTheDefaultAndRunsNoStage() {
        assertEquals("own", Settings.defaults().get(CorefStage.SETTING));
        assertTrue(CorefStage.fromSettings(Settings.defaults()).isEmpty());
        assertTrue(CorefStage.fromSettings(Settings.defaults().with(CorefStage.SETTING, "OWN")).isEmpty());
        assertTrue(CorefStage.fromSettings(Settings.defaults().with(CorefStage.SETTING, "")).isEmpty());
    }

    @Test
    void anUnknownResolverIsRefusedWithTheSettingNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> CorefStage.fromSettings(Settings.defaults().with(CorefStage.SETTING, "neural")));
        assertEquals("setting extract.coref must be own, statistical or fastneural, not 'neural'", e.getMessage());
    }

    @Test
    void theAnnotatorGetsTheAlgorithmDependencyMentionsAndTheUsersCorefKeys() {
        Settings s = Settings.defaults().with("nlp.coref.maxMentionDistance", "30").with("nlp.ner.maxlen", "100");
        Properties p = CorefStage.properties(s, "fastneural");
        assertEquals("fastneural", p.getProperty("coref.algorithm"));
        assertEquals("dep", p.getProperty("coref.md.type"));
        assertEquals("30", p.getProperty("coref.maxMentionDistance"));
        assertEquals(3, p.size(), "only coref keys: " + p);
        assertEquals("rule", CorefStage.properties(s.with("nlp.coref.md.type", "rule"), "statistical").getProperty("coref.md.type"));
    }
}
