/*
 * newskg - knowledge-graph builder for geopolitical news.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.newskg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newskg.rdf.ReferenceData;

/** Gazetteer matching over the shipped reference data, with a small regex tokenizer instead of CoreNLP. */
class GazetteerTest {
    private static final String ID = "https://w3id.org/newskg/id/";
    /** Abbreviations like "U.S.", then "'s", then words (hyphens inside), then any other single character. */
    private static final Pattern TOKEN =
        Pattern.compile("(?:\\p{L}\\.){2,}|['’]s\\b|[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*|\\S");

    private static Gazetteer gazetteer;

    @BeforeAll
    static void load() {
        gazetteer = ReferenceData.load().gazetteer();
    }

    /** Token offsets of a sentence. */
    private record Tokens(String text, int[] begins, int[] ends) {
        static Tokens of(String text) {
            List<int[]> spans = new ArrayList<>();
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end()});
            }
            return new Tokens(text, spans.stream().mapToInt(s -> s[0]).toArray(),
                spans.stream().mapToInt(s -> s[1]).toArray());
        }

        String token(int i) {
            return text.substring(begins[i], ends[i]);
        }
    }

    private static List<Gazetteer.Match> find(String text) {
        Tokens t = Tokens.of(text);
        return gazetteer.find(t.text(), t.begins(), t.ends());
    }

    private static Gazetteer.Match only(String text) {
        List<Gazetteer.Match> m = find(text);
        assertEquals(1, m.size(), () -> "matches in '" + text + "': " + m);
        return m.get(0);
    }

    private static void assertMatch(Gazetteer.Match m, int start, int end, String via, String entityIri) {
        assertEquals(start, m.start(), "start of " + m);
        assertEquals(end, m.end(), "end of " + m);
        assertEquals(via, m.entry().via(), "via of " + m);
        assertEquals(entityIri, m.entry().entity().iri(), "entity of " + m);
    }

    @Test
    void tokenizerSplitsAsIntended() {
        Tokens t = Tokens.of("the U.S. said, North Korea's troops-in-place left.");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < t.begins().length; i++) {
            tokens.add(t.token(i));
        }
        assertEquals(List.of("the", "U.S.", "said", ",", "North", "Korea", "'s", "troops-in-place", "left", "."), tokens);
    }

    @Test
    void hasManySurfaceForms() {
        assertTrue(gazetteer.size() > 1000, "size " + gazetteer.size());
    }

    @Test
    void stateByName() {
        Gazetteer.Match m = only("North Korea sent troops");
        assertMatch(m, 0, 2, "NAME", ID + "state/PRK");
        assertEquals(Kind.STATE, m.entry().entity().kind());
        assertEquals("North Korea", m.entry().entity().label());
        assertNull(m.entry().place());
    }

    @Test
    void possessiveDoesNotHideTheName() {
        assertMatch(only("North Korea's troops."), 0, 2, "NAME", ID + "state/PRK");
    }

    @Test
    void seatOfPowerIsAMetonym() {
        Gazetteer.Match m = only("The Kremlin said");
        assertMatch(m, 1, 2, "METONYM", ID + "state/RUS");
        assertEquals(ID + "place/kremlin", m.entry().place().iri());
        assertEquals(Kind.PLACE, m.entry().place().kind());
    }

    @Test
    void longerMetonymWins() {
        Gazetteer.Match m = only("The Moscow Kremlin said");
        assertMatch(m, 1, 3, "METONYM", ID + "state/RUS");
        assertEquals(ID + "place/kremlin", m.entry().place().iri());
    }

    @Test
    void demonym() {
        Gazetteer.Match m = only("Russian troops");
        assertMatch(m, 0, 1, "DEMONYM", ID + "state/RUS");
        assertEquals("Russia", m.entry().entity().label());
        assertMatch(only("Dozens of Russians"), 2, 3, "DEMONYM", ID + "state/RUS");
        assertEquals("Russian", gazetteer.adjective(ID + "state/RUS"));
    }

    @Test
    void usStateDepartmentIsOneBodyMatch() {
        // The reference data lists "U.S. State Department" as an alias of the body, so the longest
        // match covers all three tokens instead of "U.S." followed by "State Department".
        Gazetteer.Match m = only("the U.S. State Department");
        assertMatch(m, 1, 4, "NAME", ID + "org/USA/foreign-ministry");
        Entity body = m.entry().entity();
        assertEquals(Kind.GOVERNMENT_BODY, body.kind());
        assertEquals(ID + "state/USA", body.state());
        assertEquals(ID + "bodykind/foreign-ministry", body.bodyKind());
        assertEquals(body, gazetteer.body(ID + "org/USA/foreign-ministry"));
    }

    @Test
    void stateDepartmentAloneAndUsAlone() {
        assertMatch(only("the State Department said"), 1, 3, "NAME", ID + "org/USA/foreign-ministry");
        assertMatch(only("the U.S. said"), 1, 2, "NAME", ID + "state/USA");
        assertMatch(only("US officials"), 0, 1, "NAME", ID + "state/USA");
    }

    @Test
    void namedBodyBeatsDemonymPlusBodyKind() {
        // "Russian Foreign Ministry" is an alias of Russia's reference body, so it wins over
        // the demonym "Russian" followed by the body kind "Foreign Ministry".
        Gazetteer.Match m = only("the Russian Foreign Ministry said");
        assertMatch(m, 1, 4, "NAME", ID + "org/RUS/foreign-ministry");
        assertEquals(ID + "state/RUS", m.entry().entity().state());
    }

    @Test
    void bodyKindAloneIgnoringCase() {
        assertMatch(only("the Foreign Ministry said"), 1, 3, "BODYKIND", ID + "bodykind/foreign-ministry");
        assertMatch(only("the defence ministry said"), 1, 3, "BODYKIND", ID + "bodykind/defence-ministry");
    }

    @Test
    void roleMatchesIgnoringCase() {
        assertMatch(only("Foreign Minister"), 0, 2, "ROLE", ID + "role/foreign-minister");
        assertMatch(only("the foreign minister said"), 1, 3, "ROLE", ID + "role/foreign-minister");
        List<Gazetteer.Match> m = find("China's top diplomat");
        assertEquals(2, m.size(), m.toString());
        assertMatch(m.get(0), 0, 1, "NAME", ID + "state/CHN");
        assertMatch(m.get(1), 2, 4, "ROLE", ID + "role/foreign-minister");
    }

    @Test
    void namesMatchOnlyWithTheirCase() {
        assertEquals(List.of(), find("us"));
        assertEquals(List.of(), find("he told us so"));
        assertEquals(List.of(), find("north korea"));
    }

    @Test
    void longestRoleWins() {
        assertMatch(only("Secretary General"), 0, 2, "ROLE", ID + "role/secretary-general");
        assertMatch(only("the Secretary-General said"), 1, 2, "ROLE", ID + "role/secretary-general");
        assertMatch(only("Deputy Secretary General"), 0, 3, "ROLE", ID + "role/deputy-secretary-general");
    }

    @Test
    void longestNameWins() {
        assertMatch(only("United States of America"), 0, 4, "NAME", ID + "state/USA");
    }

    @Test
    void hyphenatedNameIsNotItsPrefix() {
        assertMatch(only("Guinea-Bissau said"), 0, 1, "NAME", ID + "state/GNB");
        assertMatch(only("Guinea said"), 0, 1, "NAME", ID + "state/GIN");
    }

    @Test
    void hyphenatedNameAcrossSplitTokens() {
        String text = "Guinea-Bissau said";
        List<Gazetteer.Match> m = gazetteer.find(text, new int[] {0, 6, 7, 14}, new int[] {6, 7, 13, 18});
        assertEquals(1, m.size(), m.toString());
        assertMatch(m.get(0), 0, 3, "NAME", ID + "state/GNB");
    }

    @Test
    void noMatchInsideALongerToken() {
        // "Guinea" must not match the start of a token that goes on.
        String text = "Guineaxyz said";
        assertEquals(List.of(), gazetteer.find(text, new int[] {0, 10}, new int[] {9, 14}));
    }

    @Test
    void curlyAndStraightApostrophes() {
        assertMatch(only("Côte d'Ivoire voted"), 0, 4, "NAME", ID + "state/CIV");
        assertMatch(only("Côte d’Ivoire voted"), 0, 4, "NAME", ID + "state/CIV");
    }

    @Test
    void aCapitalLeadsBackToItsState() {
        Entity ukraine = only("Ukraine").entry().entity();
        Entity kyiv = gazetteer.capital(ukraine.iri());
        assertEquals(ukraine, gazetteer.stateWithCapital(kyiv.iri()));
        assertNull(gazetteer.stateWithCapital(ukraine.iri()));
    }
}
