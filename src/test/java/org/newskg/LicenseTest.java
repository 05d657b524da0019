package org.newskg;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The project ships the text of its licence, GPL-3.0-or-later, at the top of the tree and inside the jar. */
class LicenseTest {
    @Test
    void theGplTextIsShippedAndMatchesThePom() throws Exception {
        String text = Files.readString(Path.of("LICENSE"), StandardCharsets.UTF_8);
        assertTrue(text.strip().startsWith("GNU GENERAL PUBLIC LICENSE"), "LICENSE holds the GPL");
        assertTrue(text.contains("Version 3, 29 June 2007"), "version 3");
        assertTrue(text.contains("either version 3 of the License, or\n    (at your option) any later version"), "or later");
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<name>GPL-3.0-or-later</name>"));
        assertNotNull(LicenseTest.class.getResource("/META-INF/LICENSE"), "the jar carries the licence text");
    }
}
