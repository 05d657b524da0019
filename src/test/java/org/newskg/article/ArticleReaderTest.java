/*
 * newskg - knowledge-graph builder for geopolitical news.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.newskg.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading text articles, directory trees and JSON Lines feeds from real files, good and bad. */
class ArticleReaderTest {
    private static final String GOOD =
        " date 2024-10-31 (NKG Wire) -- First paragraph.\n\nSecond paragraph.\n";

    @TempDir
    Path dir;

    /** What one read produced. */
    private record Result(List<Article> articles, List<ArticleException> failures) {
        Article only() {
            assertEquals(List.of(), failures.stream().map(ArticleException::describe).toList(), "failures");
            assertEquals(1, articles.size(), "articles");
            return articles.get(0);
        }

        ArticleException onlyFailure() {
            assertEquals(0, articles.size(), "no article expected");
            assertEquals(1, failures.size(), "exactly one failure expected");
            return failures.get(0);
        }

        List<String> ids() {
            return articles.stream().map(Article::id).toList();
        }
    }

    private static Result read(Path... paths) {
        List<Article> articles = new ArrayList<>();
        List<ArticleException> failures = new ArrayList<>();
        ArticleReader.read(List.of(paths), articles::add, failures::add);
        return new Result(articles, failures);
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    private static void assertFailure(Result r, Path file, String reasonPart) {
        ArticleException e = r.onlyFailure();
        assertEquals(file.toString(), e.origin(), "origin names the file");
        assertTrue(e.getMessage().contains(reasonPart),
            () -> "message '" + e.getMessage() + "' should contain '" + reasonPart + "'");
        assertTrue(e.describe().startsWith(file.toString() + ": "), e.describe());
    }

    // ---- good text articles -------------------------------------------------------------

    @Test
    void goodArticleWithAgency() throws IOException {
        Path file = write("2024-10-31 North Korea Troops.txt", GOOD);
        Article a = read(file).only();
        assertEquals(LocalDate.of(2024, 10, 31), a.date());
        assertEquals("NKG Wire", a.source());
        assertTrue(a.text().startsWith("First paragraph."), a.text());
        assertEquals("First paragraph.\n\nSecond paragraph.", a.text());
        assertEquals("2024-10-31-north-korea-troops", a.id());
        assertEquals(file.toString(), a.origin());
        assertNull(a.title());
        assertNull(a.url());
        assertEquals(64, a.contentHash().length());
        assertTrue(a.contentHash().matches("[0-9a-f]{64}"));
    }

    @Test
    void goodArticleWithoutAgency() throws IOException {
        Path file = write("plain.txt", " date 2024-01-05 Talks resumed in Geneva.\n\nThey ended late.");
        Article a = read(file).only();
        assertEquals(LocalDate.of(2024, 1, 5), a.date());
        assertNull(a.source());
        assertEquals("Talks resumed in Geneva.\n\nThey ended late.", a.text());
        assertEquals("plain", a.id());
    }

    @Test
    void bodyMayStartOnTheLineAfterTheDate() throws IOException {
        Path file = write("next-line.txt", " date 2024-01-05 (AP) --\nTalks resumed.\n");
        Article a = read(file).only();
        assertEquals("AP", a.source());
        assertEquals("Talks resumed.", a.text());
    }

    @Test
    void crlfLineEndsAreNormalised() throws IOException {
        Path file = write("crlf.txt", GOOD.replace("\n", "\r\n"));
        Article a = read(file).only();
        assertFalse(a.text().contains("\r"), a.text());
        assertEquals("First paragraph.\n\nSecond paragraph.", a.text());
        assertEquals("NKG Wire", a.source());
    }

    @Test
    void byteOrderMarkIsDropped() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = GOOD.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Article a = read(write("bom.txt", all)).only();
        assertEquals(LocalDate.of(2024, 10, 31), a.date());
        assertEquals("NKG Wire", a.source());
        assertFalse(a.text().contains("\uFEFF"));
        assertTrue(a.text().startsWith("First paragraph."));
    }

    @Test
    void nonAsciiTextIsKept() throws IOException {
        Article a = read(write("bogota.txt", " date 2024-03-01 Leaders met in Bogotá.")).only();
        assertEquals("Leaders met in Bogotá.", a.text());
    }

    // ---- bad text articles --------------------------------------------------------------

    @Test
    void emptyFile() throws IOException {
        Path file = write("empty.txt", "");
        assertFailure(read(file), file, "empty");
    }

    @Test
    void onlyWhitespace() throws IOException {
        Path file = write("blank.txt", "  \n\t\r\n   \n");
        assertFailure(read(file), file, "whitespace");
    }

    @Test
    void noDateLine() throws IOException {
        Path file = write("nodate.txt", "MOSCOW (NKG Wire) -- No date line here.\n");
        assertFailure(read(file), file, "date YYYY-MM-DD");
    }

    @Test
    void implausibleDatesAreRefused() throws IOException {
        for (String date : new String[] {"0000-01-01", "1799-12-31", java.time.LocalDate.now().plusYears(2).toString()}) {
            Path file = write("d-" + date + ".txt", " date " + date + " (NKG Wire) -- Text.\n");
            assertFailure(read(file), file, "implausible publication date " + date);
        }
        Path old = write("old.txt", " date 1800-01-01 -- The first day newskg takes.\n");
        assertEquals(java.time.LocalDate.of(1800, 1, 1), read(old).only().date());
        Path feed = write("far.jsonl", "{\"id\":\"x\",\"date\":\"2999-01-01\",\"text\":\"Too far ahead.\"}\n");
        assertTrue(read(feed).onlyFailure().getMessage().contains("implausible publication date 2999-01-01"));
    }

    @Test
    void danglingSymbolicLinksAreReported() throws IOException {
        write("a.txt", GOOD);
        Path inside = dir.resolve("gone.txt");
        Path named = dir.resolve("sub").resolve("named.txt");
        Files.createDirectories(named.getParent());
        try {
            Files.createSymbolicLink(inside, dir.resolve("nowhere.txt"));
            Files.createSymbolicLink(named, dir.resolve("missing.txt"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links not supported here: " + e);
        }
        Result r = read(dir);
        assertEquals(List.of("a"), r.ids());
        assertEquals(List.of(inside + ": symbolic link to a missing file (to " + dir.resolve("nowhere.txt") + "), skipped",
            named + ": symbolic link to a missing file (to " + dir.resolve("missing.txt") + "), skipped"),
            r.failures().stream().map(ArticleException::describe).sorted().toList());
        assertTrue(read(named).onlyFailure().getMessage().startsWith("symbolic link to a missing file"));
    }

    @Test
    void controlCharactersInNamesAreEscapedInReports() throws IOException {
        Path file = write("bad\nna\tme\u001b[2J.txt", "");
        ArticleException e = read(file).onlyFailure();
        assertEquals(file.toString(), e.origin(), "the origin itself is the real name");
        assertEquals(1, e.describe().lines().count(), e.describe());
        assertTrue(e.describe().contains("bad\\nna\\tme\\u001B[2J.txt: empty file"), e.describe());
    }

    @Test
    void impossibleDate() throws IOException {
        Path file = write("feb30.txt", " date 2023-02-30 (NKG Wire) -- Text.\n");
        assertFailure(read(file), file, "2023-02-30");
        assertTrue(read(file).failures().get(0).getMessage().contains("date"));
    }

    @Test
    void malformedDate() throws IOException {
        Path file = write("slashes.txt", " date 31/10/2024 Text.\n");
        assertFailure(read(file), file, "malformed date");
        Path month = write("month13.txt", " date 2024-13-01 Text.\n");
        assertFailure(read(month), month, "date '2024-13-01'");
    }

    @Test
    void dateLineAndNothingElse() throws IOException {
        Path file = write("header-only.txt", " date 2024-10-31 (NKG Wire) --\n\n  \n");
        assertFailure(read(file), file, "no text");
        Path bare = write("bare.txt", " date 2024-10-31");
        assertFailure(read(bare), bare, "no text");
    }

    @Test
    void binaryDataWithNulBytes() throws IOException {
        Path file = write("binary.txt", new byte[] {' ', 'd', 'a', 't', 'e', 0, 1, 2, (byte) 0xFF, 0});
        assertFailure(read(file), file, "binary");
    }

    @Test
    void latin1IsNotUtf8() throws IOException {
        byte[] latin1 = " date 2024-03-01 Leaders met in Bogot\u00e1.\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = write("latin1.txt", latin1);
        assertFailure(read(file), file, "not UTF-8");
    }

    @Test
    void missingPath() {
        Path missing = dir.resolve("no-such-article.txt");
        assertFailure(read(missing), missing, "no such file");
    }

    @Test
    void missingFileReadDirectly() {
        Path missing = dir.resolve("gone.txt");
        List<Article> articles = new ArrayList<>();
        List<ArticleException> failures = new ArrayList<>();
        ArticleReader.readFile(missing, articles::add, failures::add);
        assertTrue(articles.isEmpty());
        assertEquals(1, failures.size());
        assertEquals(missing.toString(), failures.get(0).origin());
        assertTrue(failures.get(0).getMessage().contains("cannot read"), failures.get(0).getMessage());
    }

    // ---- directories ---------------------------------------------------------------------

    @Test
    void directoryIsReadRecursivelyInNameOrderSkippingOtherFiles() throws IOException {
        write("b-second.txt", GOOD);
        write("a-first.txt", GOOD);
        write("sub/c-third.txt", GOOD);
        write("sub/deeper/d-fourth.txt", GOOD);
        write("notes.md", GOOD);
        write("README", GOOD);
        write("sub/image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        write("sub/data.json", "{\"id\":\"x\",\"date\":\"2024-10-31\",\"text\":\"t\"}");
        Result r = read(dir);
        assertEquals(List.of(), r.failures().stream().map(ArticleException::describe).toList());
        assertEquals(List.of("a-first", "b-second", "c-third", "d-fourth"), r.ids());
    }

    @Test
    void goodFileIsStillReadWhenASiblingIsBad() throws IOException {
        write("a-good.txt", GOOD);
        Path bad = write("b-bad.txt", " date 2023-02-30 Text.");
        write("c-good.txt", GOOD);
        Result r = read(dir);
        assertEquals(List.of("a-good", "c-good"), r.ids());
        assertEquals(1, r.failures().size());
        assertEquals(bad.toString(), r.failures().get(0).origin());
    }

    @Test
    void symlinkLoopIsReportedWithoutHanging() throws IOException {
        write("a.txt", GOOD);
        Path loop = dir.resolve("loop");
        try {
            Files.createSymbolicLink(loop, dir);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links not supported here: " + e);
        }
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> read(dir));
        assertEquals(List.of("a"), r.ids());
        assertEquals(1, r.failures().size(), () -> r.failures().stream().map(ArticleException::describe).toList().toString());
        assertEquals(loop.toString(), r.failures().get(0).origin());
        assertTrue(r.failures().get(0).getMessage().contains("loop"), r.failures().get(0).getMessage());
    }

    @Test
    void symlinkOutOfTheDirectoryIsNotFollowed(@TempDir Path outside) throws IOException {
        write("a.txt", GOOD);
        Path secret = Files.writeString(outside.resolve("secret.txt"), GOOD);
        Path secretDir = Files.createDirectories(outside.resolve("more"));
        Files.writeString(secretDir.resolve("b.txt"), GOOD);
        Path fileLink = dir.resolve("link.txt");
        Path dirLink = dir.resolve("linked-dir");
        try {
            Files.createSymbolicLink(fileLink, secret);
            Files.createSymbolicLink(dirLink, secretDir);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links not supported here: " + e);
        }
        Result r = read(dir);
        assertEquals(List.of("a"), r.ids(), "nothing outside the given directory is read");
        assertEquals(2, r.failures().size(), () -> r.failures().stream().map(ArticleException::describe).toList().toString());
        for (ArticleException e : r.failures()) {
            assertTrue(e.getMessage().contains("leads outside"), e.getMessage());
        }
    }

    // ---- robustness: encodings, control characters, markup, sizes, odd names ---------------

    @Test
    void latin1FailureSaysWhereAndHowToConvert() throws IOException {
        byte[] latin1 = " date 2024-03-01 First line.\nLeaders met in Bogot\u00e1.\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = write("latin1.txt", latin1);
        ArticleException e = read(file).onlyFailure();
        assertTrue(e.getMessage().contains("byte 0xE1 on line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("convert it to UTF-8"), e.getMessage());
    }

    @Test
    void utf16WithByteOrderMarkIsDecoded() throws IOException {
        Path le = write("utf16le.txt", ("\uFEFF" + GOOD).getBytes(StandardCharsets.UTF_16LE));
        Path be = write("utf16be.txt", ("\uFEFF" + GOOD.replace("First", "Erste Bogotá")).getBytes(StandardCharsets.UTF_16BE));
        Result r = read(le, be);
        assertEquals(List.of(), r.failures().stream().map(ArticleException::describe).toList());
        assertEquals("First paragraph.\n\nSecond paragraph.", r.articles().get(0).text());
        assertEquals("Erste Bogotá paragraph.\n\nSecond paragraph.", r.articles().get(1).text());
    }

    @Test
    void controlCharactersAreBinaryNotText() throws IOException {
        Path file = write("bell.txt", " date 2024-03-01 Leaders\nmet \u0007 today.\n");
        assertFailure(read(file), file, "control character U+0007 on line 2");
        Path c1 = write("c1.txt", " date 2024-03-01 Leaders met \u0093today\u0094.\n");
        assertFailure(read(c1), c1, "U+0093");
        Path feed = write("nul.jsonl", "{\"id\":\"n\",\"date\":\"2024-03-01\",\"text\":\"a\\u0000b\"}\n");
        ArticleException e = read(feed).onlyFailure();
        assertEquals(feed + ":1", e.origin());
        assertTrue(e.getMessage().contains("U+0000"), e.getMessage());
        Path surrogate = write("half.jsonl", "{\"id\":\"h\",\"date\":\"2024-03-01\",\"text\":\"a\\ud800b\"}\n");
        assertTrue(read(surrogate).onlyFailure().getMessage().contains("surrogate"));
    }

    @Test
    void tabsAndFormFeedsAreText() throws IOException {
        Article a = read(write("tabs.txt", " date 2024-03-01 Leaders\tmet.\f\n\nThen left.")).only();
        assertTrue(a.text().startsWith("Leaders\tmet."), a.text());
    }

    @Test
    void htmlParagraphsBecomePlainText() throws IOException {
        Path file = write("page.txt", " date 2024-03-01 (AP) -- <html><head><title>T</title>"
            + "<style>p { color: red }</style></head><body>\n<!-- teaser -->\n<h1>Kim &amp; Putin\n  meet</h1>"
            + "<p class=\"lead\" data-x='a>b'>North Korea&#8217;s leader <b>arrived</b>&nbsp;in Vladivostok.</p>\n"
            + "<script>var x = \"<p>not text</p>\";</script><p>He met <a href=\"/putin?a=1&amp;b=2\">Putin</a>"
            + " on&#x20;Wednesday.<br>Talks &lt;b&gt;followed&lt;/b&gt;.</p><ul><li>one</li><li>two</li></ul></body></html>");
        Article a = read(file).only();
        assertEquals("AP", a.source());
        assertEquals("Kim & Putin meet\n\nNorth Korea\u2019s leader arrived in Vladivostok.\n\n"
            + "He met Putin on Wednesday.\nTalks <b>followed</b>.\n\none\n\ntwo", a.text());
    }

    @Test
    void inlineTagsAndEntitiesKeepTheTextsOwnParagraphs() throws IOException {
        Article a = read(write("inline.txt",
            " date 2024-03-01 Kim <em>arrived</em> in  Moscow.\nHe met AT&amp;T staff.\n\nThen he <i>left</i>.")).only();
        assertEquals("Kim arrived in Moscow.\nHe met AT&T staff.\n\nThen he left.", a.text());
        Article plain = read(write("entities.txt", " date 2024-03-01 Profits &gt; 5% at AT&amp;T.\n\nSecond.")).only();
        assertEquals("Profits > 5% at AT&T.\n\nSecond.", plain.text());
    }

    @Test
    void textThatOnlyLooksLikeMarkupIsLeftAlone() throws IOException {
        String body = "Prices rose <5% while <unknown> tags & semicolons; stayed, and x <y.";
        Article a = read(write("lt.txt", " date 2024-03-01 " + body)).only();
        assertEquals(body, a.text());
    }

    @Test
    void markupWithNoTextIsNoArticle() throws IOException {
        Path file = write("tags-only.txt", " date 2024-03-01 <p> </p><div><!-- nothing --></div>");
        assertFailure(read(file), file, "no text");
    }

    @Test
    void feedTextAndTitleLoseTheirMarkup() throws IOException {
        Path feed = write("html.jsonl", "{\"id\":\"h\",\"date\":\"2024-03-01\",\"title\":\"Kim &amp; Putin\","
            + "\"text\":\"<p>One.</p><p>Two &amp; three.</p>\"}\n");
        Article a = read(feed).only();
        assertEquals("One.\n\nTwo & three.", a.text());
        assertEquals("Kim & Putin", a.title());
    }

    @Test
    void oversizedArticleIsRefusedBeforeItIsRead() throws IOException {
        Path big = write("huge.txt", " date 2024-03-01 " + "word ".repeat(400_000));
        Path small = write("small.txt", GOOD);
        List<Article> articles = new ArrayList<>();
        List<ArticleException> failures = new ArrayList<>();
        ArticleReader.read(List.of(big, small), 1_000_000, articles::add, failures::add);
        assertEquals(List.of("small"), articles.stream().map(Article::id).toList());
        assertEquals(1, failures.size());
        assertEquals(big.toString(), failures.get(0).origin());
        assertTrue(failures.get(0).getMessage().contains("ingest.maxArticleBytes"), failures.get(0).getMessage());
        Path feed = write("big.jsonl", "{\"id\":\"b\",\"date\":\"2024-03-01\",\"text\":\"" + "w ".repeat(600_000) + "\"}\n"
            + "{\"id\":\"s\",\"date\":\"2024-03-01\",\"text\":\"short\"}\n");
        articles.clear();
        failures.clear();
        ArticleReader.read(List.of(feed), 1_000_000, articles::add, failures::add);
        assertEquals(List.of("s"), articles.stream().map(Article::id).toList());
        assertEquals(List.of(feed + ":1"), failures.stream().map(ArticleException::origin).toList());
    }

    @Test
    void megabyteLineWithoutPunctuationIsReadQuickly() throws IOException {
        Path file = write("one-line.txt", " date 2024-03-01 " + "troops moved north ".repeat(200_000));
        Article a = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> read(file).only());
        assertEquals(3_800_000 - 1, a.text().length());
    }

    @Test
    void directoryNamedLikeAFileIsWalked() throws IOException {
        write("x.txt/inner.txt", GOOD);
        write("x.txt/feed.jsonl/deep.txt", GOOD);
        Result direct = read(dir.resolve("x.txt"));
        assertEquals(List.of("deep", "inner"), direct.ids());
        assertEquals(List.of(), direct.failures());
        assertEquals(List.of("deep", "inner"), read(dir).ids());
    }

    @Test
    void specialFileIsReportedNotRead() throws Exception {
        Path fifo = dir.resolve("pipe.txt");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            return;
        }
        assumeTrue(p.waitFor() == 0, "mkfifo failed");
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> read(fifo));
        assertFailure(r, fifo, "not a regular file");
        Result walked = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> read(dir));
        assertEquals(List.of(), walked.ids());
        assertEquals(List.of(), walked.failures(), "a FIFO inside a tree is not an article file");
    }

    @Test
    void oddFileNamesGiveDistinctValidIds() throws IOException {
        String[] names = {"say \"no\" <now>.txt", "it's <b>bold</b>.txt", "Kim 🚀 launch.txt", "Kim 🛰 launch.txt",
            "北京 talks.txt", "上海 talks.txt", "北京.txt", "Bogotá accord.txt", "Łódź & Kraków.txt", "🚀.txt"};
        List<Path> files = new ArrayList<>();
        for (String n : names) {
            files.add(write(n, GOOD));
        }
        Result r = read(files.toArray(new Path[0]));
        assertEquals(List.of(), r.failures().stream().map(ArticleException::describe).toList());
        List<String> ids = r.ids();
        assertEquals(names.length, new java.util.HashSet<>(ids).size(), ids.toString());
        for (String id : ids) {
            assertTrue(id.matches("[a-z0-9]+(-[a-z0-9]+)*"), id);
            String iri = "https://w3id.org/newskg/article/" + id;
            assertTrue(org.apache.jena.irix.IRIs.check(iri), iri);
            assertFalse(org.apache.jena.irix.IRIx.create(iri).hasViolations(), iri);
        }
        assertEquals("bogota-accord", ids.get(7));
        assertEquals("lodz-krakow", ids.get(8));
        assertEquals(Slugs.slug("北京"), ids.get(6));
        assertTrue(ids.get(4).startsWith("talks-"), ids.get(4));
    }

    // ---- JSON Lines feeds ----------------------------------------------------------------

    @Test
    void feedWithGoodAndBadLines() throws IOException {
        Path feed = write("feed.jsonl", String.join("\n",
            "{\"id\":\"Kim Visit 1\",\"date\":\"2024-10-31\",\"source\":\"NKG Wire\","
                + "\"title\":\"Kim visits\",\"url\":\"https://example.org/1\",\"text\":\"Kim arrived.\\n\\nHe left.\"}",
            "{\"id\":\"no-date\",\"text\":\"Some text.\"}",
            "",
            "{\"id\":\"two\",\"date\":\"2024-10-31T08:00:00Z\",\"text\":\"Second story.\"}",
            "{\"id\":\"broken\" \"date\"}",
            "{\"id\":\"no-text\",\"date\":\"2024-10-31\"}",
            ""));
        Result r = read(feed);
        assertEquals(2, r.articles().size(), r.ids().toString());

        Article first = r.articles().get(0);
        assertEquals("kim-visit-1", first.id());
        assertEquals(LocalDate.of(2024, 10, 31), first.date());
        assertEquals("NKG Wire", first.source());
        assertEquals("Kim visits", first.title());
        assertEquals("https://example.org/1", first.url());
        assertEquals("Kim arrived.\n\nHe left.", first.text());
        assertEquals(feed + ":1", first.origin());

        Article second = r.articles().get(1);
        assertEquals("two", second.id());
        assertEquals(LocalDate.of(2024, 10, 31), second.date());
        assertNull(second.source());
        assertEquals(feed + ":4", second.origin());
        assertNotEquals(first.contentHash(), second.contentHash());

        List<String> origins = r.failures().stream().map(ArticleException::origin).toList();
        assertEquals(List.of(feed + ":2", feed + ":5", feed + ":6"), origins);
        assertTrue(r.failures().get(0).getMessage().contains("date"), r.failures().get(0).getMessage());
        assertTrue(r.failures().get(1).getMessage().contains("JSON"), r.failures().get(1).getMessage());
        assertTrue(r.failures().get(2).getMessage().contains("text"), r.failures().get(2).getMessage());
    }

    @Test
    void truncatedFeedLineIsAFailureNotACrash() throws IOException {
        // A line cut off after a colon: the JSON parser must not abort the whole read.
        Path feed = write("cut.jsonl", String.join("\n",
            "{\"id\":\"cut\", \"date\": ",
            "{\"id\":\"after\",\"date\":\"2024-10-31\",\"text\":\"Still read.\"}"));
        Path later = write("later.txt", GOOD);
        Result r = read(feed, later);
        assertEquals(List.of("after", "later"), r.ids());
        assertEquals(List.of(feed + ":1"), r.failures().stream().map(ArticleException::origin).toList());
        assertTrue(r.failures().get(0).getMessage().contains("JSON"), r.failures().get(0).getMessage());
    }

    @Test
    void feedLineWithImpossibleDateOrNonObject() throws IOException {
        Path feed = write("odd.jsonl",
            "{\"id\":\"a\",\"date\":\"2023-02-30\",\"text\":\"x\"}\n[1,2]\r\n{\"date\":\"2024-01-01\",\"text\":\"x\"}\n");
        Result r = read(feed);
        assertEquals(List.of(), r.ids());
        assertEquals(List.of(feed + ":1", feed + ":2", feed + ":3"),
            r.failures().stream().map(ArticleException::origin).toList());
        assertTrue(r.failures().get(0).getMessage().contains("2023-02-30"));
        assertTrue(r.failures().get(1).getMessage().contains("object"));
        assertTrue(r.failures().get(2).getMessage().contains("id"));
    }

    @Test
    void feedsInsideDirectoriesAreRead() throws IOException {
        write("feeds/x.jsonl", "{\"id\":\"from-feed\",\"date\":\"2024-10-31\",\"text\":\"x\"}\n");
        write("y.txt", GOOD);
        Result r = read(dir);
        assertEquals(List.of("from-feed", "y"), r.ids());
    }

    // ---- hashes and ids ------------------------------------------------------------------

    @Test
    void sameFileReadTwiceGivesSameIdAndHash() throws IOException {
        Path file = write("stable.txt", GOOD);
        Article a = read(file).only();
        Article b = read(file).only();
        assertEquals(a.id(), b.id());
        assertEquals(a.contentHash(), b.contentHash());
        assertEquals(a, b);
    }

    @Test
    void changingOneByteChangesTheHash() throws IOException {
        Path file = write("stable.txt", GOOD);
        Article a = read(file).only();
        byte[] bytes = Files.readAllBytes(file);
        int i = GOOD.indexOf("Second");
        bytes[i] = 's';
        Files.write(file, bytes);
        Article b = read(file).only();
        assertEquals(a.id(), b.id());
        assertNotEquals(a.contentHash(), b.contentHash());
        assertEquals(Hashes.sha256(bytes), b.contentHash());
    }
}
