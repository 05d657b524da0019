/*
 * newskg - knowledge-graph builder for geopolitical news.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.newskg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shipped defaults, user-file and option overrides, prefixes and typed getters of {@link Settings}. */
class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsHaveStoreAndNlpKeys() {
        Settings s = Settings.defaults();
        assertNotNull(s.get("store.location"));
        assertFalse(s.get("store.location").isEmpty());
        String annotators = s.get("nlp.annotators");
        assertNotNull(annotators);
        assertTrue(annotators.contains("tokenize"), annotators);
        assertTrue(s.asMap().containsKey("store.location"));
    }

    @Test
    void loadWithoutFileIsTheDefaults() throws IOException {
        assertEquals(Settings.defaults().asMap(), Settings.load(null).asMap());
    }

    @Test
    void withPrefixStripsThePrefix() {
        Settings s = Settings.defaults().with("nlp.ner.extra", " yes ");
        Properties nlp = s.withPrefix("nlp.");
        assertEquals(s.get("nlp.annotators"), nlp.getProperty("annotators"));
        assertEquals("yes", nlp.getProperty("ner.extra"));
        assertNull(nlp.getProperty("store.location"));
        assertNull(nlp.getProperty("nlp.annotators"));
        for (String k : nlp.stringPropertyNames()) {
            assertFalse(k.startsWith("nlp."), k);
            assertNotNull(s.get("nlp." + k), k);
        }
    }

    @Test
    void userFileOverridesDefaults() throws IOException {
        Path file = dir.resolve("my.properties");
        Files.writeString(file, "store.location = /tmp/elsewhere\ningest.threads=3\nmy.own=Bogotá\n",
            StandardCharsets.UTF_8);
        Settings s = Settings.load(file);
        assertEquals("/tmp/elsewhere", s.get("store.location"));
        assertEquals(3, s.getInt("ingest.threads"));
        assertEquals("Bogotá", s.get("my.own"), "user files are read as UTF-8");
        assertEquals(Settings.defaults().get("nlp.annotators"), s.get("nlp.annotators"), "untouched keys keep defaults");
    }

    @Test
    void missingUserFileIsAnError() {
        assertThrows(IOException.class, () -> Settings.load(dir.resolve("absent.properties")));
    }

    @Test
    void withSetsAValueOnACopy() {
        Settings base = Settings.defaults();
        String before = base.get("store.location");
        Settings changed = base.with("store.location", "other").with("ingest.threads", 2);
        assertEquals("other", changed.get("store.location"));
        assertEquals(2, changed.getInt("ingest.threads"));
        assertEquals(before, base.get("store.location"), "the original is unchanged");
    }

    @Test
    void withNullLeavesTheSetting() {
        Settings base = Settings.defaults();
        Settings same = base.with("store.location", null);
        assertEquals(base.get("store.location"), same.get("store.location"));
        assertNull(base.with("no.such.key", null).get("no.such.key"));
    }

    @Test
    void getWithFallback() {
        Settings s = Settings.defaults().with("blank.key", "  ");
        assertEquals("fb", s.get("blank.key", "fb"));
        assertEquals("fb", s.get("no.such.key", "fb"));
        assertEquals(s.get("store.location"), s.get("store.location", "fb"));
    }

    @Test
    void getIntOnNonIntegerNamesTheKey() {
        Settings s = Settings.defaults().with("ingest.threads", "many");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.getInt("ingest.threads"));
        assertTrue(e.getMessage().contains("ingest.threads"), e.getMessage());
        assertTrue(e.getMessage().contains("many"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> s.getInt("no.such.key"));
        assertTrue(missing.getMessage().contains("no.such.key"), missing.getMessage());
    }

    @Test
    void getIntToleratesSurroundingSpace() {
        assertEquals(7, Settings.defaults().with("ingest.batch", " 7 ").getInt("ingest.batch"));
    }

    @Test
    void getBoolean() {
        Settings s = Settings.defaults().with("a", "true").with("b", "no");
        assertTrue(s.getBoolean("a"));
        assertFalse(s.getBoolean("b"));
        assertFalse(s.getBoolean("no.such.key"));
    }
}
