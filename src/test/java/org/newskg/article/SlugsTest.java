/*
 * newskg - knowledge-graph builder for geopolitical news.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.newskg.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Slugs of names: lower-case ASCII, diacritics stripped, one hyphen per run of other characters. */
class SlugsTest {
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private static void assertSlug(String slug) {
        assertFalse(slug.isEmpty());
        assertTrue(SLUG.matcher(slug).matches(), () -> "not a slug: '" + slug + "'");
    }

    @Test
    void diacriticsAndApostrophes() {
        assertEquals("cote-d-ivoire", Slugs.slug("Côte d'Ivoire"));
        assertEquals("cote-d-ivoire", Slugs.slug("Côte d’Ivoire"));
    }

    @Test
    void hyphenAndSpaceSpellingsAgree() {
        assertEquals("kim-jong-un", Slugs.slug("Kim Jong-un"));
        assertEquals("kim-jong-un", Slugs.slug("Kim Jong Un"));
    }

    @Test
    void runsOfOtherCharactersAndEdgesCollapse() {
        assertEquals("sao-tome-principe", Slugs.slug("  São Tomé & Príncipe "));
        assertEquals("a-b", Slugs.slug("a\"<b>"));
        assertEquals("north-korea", Slugs.slug("--North   Korea!!"));
    }

    @Test
    void specialLatinLetters() {
        assertEquals("lodz", Slugs.slug("Łódź"));
        assertEquals("tromso", Slugs.slug("Tromsø"));
    }

    @Test
    void cjkNamesGiveDistinctValidSlugs() {
        String xi = Slugs.slug("习近平");
        String kim = Slugs.slug("金正恩");
        assertSlug(xi);
        assertSlug(kim);
        assertNotEquals(xi, kim);
        assertEquals(xi, Slugs.slug("习近平"), "stable");
        assertEquals(xi, Slugs.slug(" 习近平 "), "surrounding spaces do not matter");
    }

    @Test
    void emojiOnlyGivesAValidSlug() {
        String s = Slugs.slug("\uD83D\uDE00");
        assertSlug(s);
        assertNotEquals(s, Slugs.slug("\uD83D\uDE80"));
        assertSlug(Slugs.slug("\uD83C\uDDFA\uD83C\uDDE6"));
    }

    @Test
    void nothingUsableStillGivesAValidSlug() {
        assertSlug(Slugs.slug(""));
        assertSlug(Slugs.slug("   "));
        assertSlug(Slugs.slug("!!!"));
    }

    @Test
    void idsKeepNamesApartThatDifferOnlyOutsideTheLatinScript() {
        assertEquals("bogota-talks", Slugs.id("Bogotá talks"));
        assertEquals(Slugs.id("Bogota\u0301 talks"), Slugs.id("Bogot\u00e1 talks"), "NFD and NFC names agree");
        assertEquals(Slugs.slug("习近平"), Slugs.id("习近平"));
        String a = Slugs.id("习近平 visit");
        String b = Slugs.id("金正恩 visit");
        assertNotEquals(a, b);
        assertTrue(a.startsWith("visit-"), a);
        assertSlug(a);
        assertEquals(a, Slugs.id("习近平 visit"), "stable");
        assertNotEquals(Slugs.id("launch 🚀"), Slugs.id("launch"));
        assertEquals("say-no", Slugs.id("say \"no\""));
    }
}
