package org.newskg.article;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.io.FilenameUtils;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonException;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/**
 * Reads articles from files, directory trees and JSON Lines feeds, reporting each bad input as an
 * {@link ArticleException} that names the file and the reason while the rest still get read.
 *
 * <p>A text article's first line is {@code " date YYYY-MM-DD"}, optionally {@code "(Agency) --"},
 * then the first paragraph; further paragraphs follow after blank lines. A {@code .jsonl} file
 * holds one article per line as an object with {@code id, date, source, url, title, text} (and
 * optionally {@code origin} and {@code contentHash}, as {@code newskg ingest --server} sends them).
 * Directories are walked recursively in name order, whatever their names; inside them only
 * {@code .txt} and {@code .jsonl} files are read. Symbolic links are followed only while they stay
 * inside the directory given; loops and links leading out of it are reported, not followed, so no
 * file outside the given paths is read. The article id is the slug of the file name (or of the feed's {@code id}, see
 * {@link Slugs#id}), so re-reading the same article gives the same id.
 *
 * <p>A publication date must lie between {@link #EARLIEST_DATE} and a year from today. A dangling
 * symbolic link is reported. Text must be UTF-8 (a BOM is dropped; UTF-16 with a BOM is decoded too); other encodings,
 * binary data and control characters are refused, never guessed at. CRLF and CR line ends become
 * LF. HTML markup in the text is removed and character references decoded ({@link Markup}), so
 * that the article text, and every offset into it, is plain text.
 *
 * <pre>{@code
 * ArticleReader.read(List.of(Path.of("data")), 2_000_000, article -> ..., error -> ...);
 * }</pre>
 */
public final class ArticleReader {
    private static final Pattern HEADER = Pattern.compile(
        "^[ \\t]*date[ \\t]+(\\S+)[ \\t]*(?:\\(([^)\\n]{1,200})\\)[ \\t]*)?(?:--+)?[ \\t]*(.*)$");
    /** The earliest publication date taken as real; earlier ones (the year 0000, say) are typing slips. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1800, 1, 1);
    private static final DateTimeFormatter ISO_DATE =
        DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private ArticleReader() {}

    /** Reads every article under the given paths, passing each good one and each failure on. */
    public static void read(List<Path> paths, Consumer<Article> articles, Consumer<ArticleException> failures) {
        read(paths, Long.MAX_VALUE, articles, failures);
    }

    /** Reads every article under the given paths, refusing text files and feed lines over {@code maxBytes}. */
    public static void read(List<Path> paths, long maxBytes, Consumer<Article> articles, Consumer<ArticleException> failures) {
        for (Path path : paths) {
            for (Path file : expand(path, failures)) {
                readFile(file, maxBytes, articles, failures);
            }
        }
    }

    /**
     * The files a path stands for: itself, or the article files below a directory, in name order
     * (what {@link #read} reads, so that other readers of the same inputs see the same files).
     */
    public static List<Path> expand(Path path, Consumer<ArticleException> failures) {
        List<Path> files = new ArrayList<>();
        if (!Files.exists(path)) {
            failures.accept(new ArticleException(path.toString(), Files.isSymbolicLink(path)
                ? "symbolic link to a missing file (" + linkTarget(path) + "), skipped" : "no such file or directory"));
            return files;
        }
        if (!Files.isDirectory(path)) {
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                failures.accept(new ArticleException(path.toString(), "not a regular file or directory, skipped"));
            }
            return files;
        }
        try {
            Path root = path.toRealPath();
            Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        if (!inside(root, dir, failures)) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        if (attrs.isSymbolicLink()) {
                            failures.accept(new ArticleException(file.toString(),
                                "symbolic link to a missing file (" + linkTarget(file) + "), skipped"));
                            return FileVisitResult.CONTINUE;
                        }
                        String ext = FilenameUtils.getExtension(file.getFileName().toString()).toLowerCase(Locale.ROOT);
                        if (attrs.isRegularFile() && (ext.equals("txt") || ext.equals("jsonl")) && inside(root, file, failures)) {
                            files.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        String reason = e instanceof java.nio.file.FileSystemLoopException
                            ? "symbolic link loop, skipped" : "cannot read: " + e.getMessage();
                        failures.accept(new ArticleException(file.toString(), reason));
                        return FileVisitResult.CONTINUE;
                    }
                });
        } catch (IOException e) {
            failures.accept(new ArticleException(path.toString(), "cannot walk directory: " + e.getMessage()));
        }
        files.sort(null);
        return files;
    }

    /** Where a symbolic link points, for messages. */
    private static String linkTarget(Path link) {
        try {
            return "to " + Files.readSymbolicLink(link);
        } catch (IOException | UnsupportedOperationException e) {
            return "target unreadable";
        }
    }

    /** Whether a file met while walking a directory really lies inside it; a symbolic link out of it is reported and skipped. */
    private static boolean inside(Path root, Path p, Consumer<ArticleException> failures) throws IOException {
        if (p.toRealPath().startsWith(root)) {
            return true;
        }
        failures.accept(new ArticleException(p.toString(), "symbolic link leads outside " + root.getFileName() + ", skipped"));
        return false;
    }

    /** Reads one file: a JSON Lines feed or a single text article. */
    public static void readFile(Path file, Consumer<Article> articles, Consumer<ArticleException> failures) {
        readFile(file, Long.MAX_VALUE, articles, failures);
    }

    /** Reads one file, refusing a text article (or a feed line) of more than {@code maxBytes}. */
    public static void readFile(Path file, long maxBytes, Consumer<Article> articles, Consumer<ArticleException> failures) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (refusedBySize(name, Files.size(file), maxBytes, failures)) {
                return;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            failures.accept(new ArticleException(name, "cannot read: " + e.getMessage()));
            return;
        }
        readContent(name, file.getFileName().toString(), bytes, maxBytes, articles, failures);
    }

    /**
     * Whether a file of {@code size} bytes is refused unread: a text article over {@code maxBytes}
     * (a feed is checked line by line instead). The refusal is reported to {@code failures}.
     */
    public static boolean refusedBySize(String name, long size, long maxBytes, Consumer<ArticleException> failures) {
        if (!isFeed(name) && size > maxBytes) {
            failures.accept(new ArticleException(name, tooLarge(size, maxBytes)));
            return true;
        }
        return false;
    }

    /**
     * Reads the bytes of one file already fetched (from a local disk or any other file system):
     * a JSON Lines feed or a single text article. {@code name} names the file in messages and as
     * the articles' origin; {@code fileName} (its last path segment) gives a text article's id.
     */
    public static void readContent(String name, String fileName, byte[] bytes, long maxBytes, Consumer<Article> articles,
                                   Consumer<ArticleException> failures) {
        boolean feed = isFeed(name);
        String text;
        try {
            text = decode(name, bytes);
        } catch (ArticleException e) {
            failures.accept(e);
            return;
        }
        if (feed) {
            readFeed(name, text, maxBytes, articles, failures);
            return;
        }
        String id = idOf(fileName);
        try {
            articles.accept(parseText(id, name, text, Hashes.sha256(bytes)));
        } catch (ArticleException e) {
            failures.accept(e);
        }
    }

    private static boolean isFeed(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".jsonl");
    }

    /** The article id a file name gives: the slug of the name without its extension. */
    public static String idOf(String fileName) {
        return Slugs.id(FilenameUtils.getBaseName(fileName));
    }

    /** Decodes bytes as UTF-8 text, refusing binary data and other encodings, dropping a BOM. */
    public static String decodeText(String origin, byte[] bytes) throws ArticleException {
        return decode(origin, bytes);
    }

    /** Parses the text format; {@code origin} is used in messages only. */
    public static Article parseText(String id, String origin, String text, String hash) throws ArticleException {
        if (text.isBlank()) {
            throw new ArticleException(origin, text.isEmpty() ? "empty file" : "only whitespace, no article");
        }
        String normal = text.replace("\r\n", "\n").replace('\r', '\n');
        int nl = normal.indexOf('\n');
        String first = nl < 0 ? normal : normal.substring(0, nl);
        Matcher m = HEADER.matcher(first);
        if (!m.matches()) {
            throw new ArticleException(origin, "first line does not start with ' date YYYY-MM-DD'");
        }
        LocalDate date = parseDate(origin, m.group(1));
        String agency = m.group(2) == null ? null : m.group(2).strip();
        String body = Markup.clean((m.group(3) + (nl < 0 ? "" : "\n" + normal.substring(nl + 1))).strip()).strip();
        if (body.isEmpty()) {
            throw new ArticleException(origin, "no text after the date line");
        }
        checkCharacters(origin, body);
        return new Article(id, date, agency == null || agency.isEmpty() ? null : agency, null, null, body, origin, hash);
    }

    /** Reads a JSON Lines feed's text, one article per line; failures are named {@code name:LINE}. */
    public static void readFeed(String name, String text, long maxBytes, Consumer<Article> articles,
                                Consumer<ArticleException> failures) {
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String origin = name + ":" + (i + 1);
            long size = line.length() * 3L > maxBytes ? line.getBytes(StandardCharsets.UTF_8).length : line.length();
            if (size > maxBytes) {
                failures.accept(new ArticleException(origin, tooLarge(size, maxBytes)));
                continue;
            }
            try {
                articles.accept(parseFeedLine(origin, line));
            } catch (ArticleException e) {
                failures.accept(e);
            }
        }
    }

    /** Parses one JSON Lines record. */
    static Article parseFeedLine(String origin, String line) throws ArticleException {
        JsonObject obj;
        try {
            JsonValue v = JSON.parseAny(line);
            if (!v.isObject()) {
                throw new ArticleException(origin, "not a JSON object");
            }
            obj = v.getAsObject();
        } catch (JsonException e) {
            throw new ArticleException(origin, "not valid JSON: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw new ArticleException(origin, "not valid JSON (truncated record?)");
        }
        String id = field(obj, "id");
        if (id == null || id.isBlank()) {
            throw new ArticleException(origin, "missing \"id\"");
        }
        String date = field(obj, "date");
        if (date == null) {
            throw new ArticleException(origin, "missing \"date\"");
        }
        String body = field(obj, "text");
        if (body == null || body.isBlank()) {
            throw new ArticleException(origin, "missing or empty \"text\"");
        }
        String day = date.length() > 10 && date.charAt(10) == 'T' ? date.substring(0, 10) : date;
        String text = Markup.clean(body.replace("\r\n", "\n").replace('\r', '\n').strip()).strip();
        if (text.isEmpty()) {
            throw new ArticleException(origin, "missing or empty \"text\"");
        }
        String source = blankToNull(field(obj, "source"));
        String title = blankToNull(field(obj, "title"));
        title = title == null ? null : blankToNull(Markup.clean(title).replace('\n', ' '));
        String url = blankToNull(field(obj, "url"));
        for (String s : new String[] {text, source, title, url, id}) {
            if (s != null) {
                checkCharacters(origin, s);
            }
        }
        String hash = field(obj, "contentHash");
        String from = field(obj, "origin");
        return new Article(Slugs.id(id), parseDate(origin, day), source, title, url, text,
            from == null || from.isBlank() ? origin : from,
            hash != null && hash.matches("[0-9a-f]{64}") ? hash : Hashes.sha256(line.getBytes(StandardCharsets.UTF_8)));
    }

    /** Refuses control characters (binary data, or text mis-decoded somewhere upstream) and broken surrogates. */
    static void checkCharacters(String origin, String text) throws ArticleException {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if ((c < 0x20 && c != '\t' && c != '\r' && c != '\f') || (c >= 0x7F && c <= 0x9F)) {
                throw new ArticleException(origin, String.format(Locale.ROOT,
                    "binary data or control character U+%04X on line %d, not a text article", (int) c, line));
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ArticleException(origin, String.format(Locale.ROOT, "unpaired surrogate U+%04X on line %d", (int) c, line));
            }
        }
    }

    /**
     * An article as one JSON Lines record, with its origin and content hash, so that a server
     * ingesting it stores exactly what a local ingest of the same file would.
     */
    public static String toFeedLine(Article a) {
        JsonObject o = new JsonObject();
        o.put("id", a.id());
        o.put("date", a.date().toString());
        if (a.source() != null) {
            o.put("source", a.source());
        }
        if (a.title() != null) {
            o.put("title", a.title());
        }
        if (a.url() != null) {
            o.put("url", a.url());
        }
        o.put("text", a.text());
        o.put("origin", a.origin());
        if (a.contentHash() != null) {
            o.put("contentHash", a.contentHash());
        }
        return JSON.toStringFlat(o);
    }

    private static String tooLarge(long size, long maxBytes) {
        return String.format(Locale.ROOT, "too large (%,d bytes; the limit is ingest.maxArticleBytes = %,d)", size, maxBytes);
    }

    private static String field(JsonObject obj, String key) throws ArticleException {
        JsonValue v = obj.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            return v.isNumber() ? v.getAsNumber().value().toString() : null;
        }
        return v.getAsString().value();
    }

    private static LocalDate parseDate(String origin, String value) throws ArticleException {
        LocalDate date;
        try {
            date = LocalDate.parse(value, ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new ArticleException(origin, "impossible or malformed date '" + abbreviate(value) + "' (expected YYYY-MM-DD)");
        }
        LocalDate latest = LocalDate.now(java.time.ZoneOffset.UTC).plusYears(1);
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(latest)) {
            throw new ArticleException(origin, "implausible publication date " + value + " (newskg takes dates from "
                + EARLIEST_DATE + " to a year from today, " + latest + ")");
        }
        return date;
    }

    /**
     * Strict decoding: UTF-8 (a BOM is dropped), or UTF-16 when a UTF-16 BOM says so; binary data and
     * other encodings are refused with the place of the first bad byte, never guessed at.
     */
    static String decode(String origin, byte[] bytes) throws ArticleException {
        boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
        if (utf16) {
            try {
                return strict(StandardCharsets.UTF_16, ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new ArticleException(origin, "broken UTF-16 text (it starts with a UTF-16 byte-order mark)");
            }
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new ArticleException(origin, "binary data (NUL bytes), not a text article");
            }
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new ArticleException(origin, String.format(Locale.ROOT,
                "not UTF-8 text (byte 0x%02X on line %d); convert it to UTF-8 first, e.g. iconv -f LATIN1 -t UTF-8",
                bytes[at] & 0xFF, line));
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static CharBuffer strict(java.nio.charset.Charset cs, ByteBuffer bytes) throws CharacterCodingException {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "parse error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
