package org.newskg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.article.Article;
import org.newskg.cli.Main;
import org.newskg.config.Settings;
import org.newskg.extract.Extractor;
import org.newskg.ingest.IngestReport;
import org.newskg.ingest.Ingester;
import org.newskg.ingest.Progress;
import org.newskg.rdf.ReferenceData;
import org.newskg.store.NewsStore;
import org.newskg.store.Sparql;

/**
 * Bad input end to end with the real CoreNLP pipeline: one ingest of a tree holding every kind of
 * bad file next to good ones (CRLF, BOM, UTF-16, HTML, odd names and text, a directory named like a
 * file, a long line without punctuation) must report each bad file on one line, store every good
 * one, mint only valid IRIs and export RDF that parses back. Over-long sentences are cut before
 * parsing, and an article that takes too long is interrupted and skipped.
 */
class BadInputIT {
    private static final String ARTICLE = " date 2024-10-31 (NKG Wire) -- Russian Foreign Minister Sergei Lavrov met "
        + "Choe Son Hui, the foreign minister of North Korea, in Moscow on Friday.\n\nThe talks lasted two hours.\n";
    private static final List<String> WORDS = List.of("troops", "moved", "north", "Kim", "Putin", "Moscow", "border",
        "said", "officials", "near", "the", "Seoul", "talks", "missiles", "Lavrov", "and");

    @TempDir
    static Path dir;
    static Path input;
    static Path store;
    static Run ingest;
    static List<Path> bad = new ArrayList<>();
    static Set<String> goodIds = new TreeSet<>();

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static Path write(String name, byte[] content) throws IOException {
        Path file = input.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    static Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Words without any punctuation, as from a scrape that lost it. */
    static String noPunctuation(int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(WORDS.get((i * 7 + i / 16) % WORDS.size())).append(' ');
        }
        return sb.toString().strip();
    }

    @BeforeAll
    static void ingestTheTree() throws Exception {
        input = dir.resolve("in");
        store = dir.resolve("store");
        write("good.txt", ARTICLE);
        write("crlf.txt", ARTICLE.replace("\n", "\r\n"));
        write("bom.txt", ("\uFEFF" + ARTICLE).getBytes(StandardCharsets.UTF_8));
        write("utf16.txt", ("\uFEFF" + ARTICLE).getBytes(StandardCharsets.UTF_16LE));
        write("html.txt", " date 2024-10-31 (NKG Wire) -- <html><body><h1>Lavrov &amp; Choe</h1>\n<p>Russian Foreign "
            + "Minister <b>Sergei Lavrov</b> met Choe Son Hui, the foreign&nbsp;minister of North Korea, in Moscow.</p>"
            + "<script>document.write('<p>no</p>')</script><p>The talks &lt;lasted&gt; two hours.</p></body></html>");
        write("say \"no\" <now> 🚀 北京 Bogotá.txt", " date 2024-10-31 (NKG Wire) -- Russian Foreign Minister Sergei Lavrov "
            + "said \"no\" <now> 🚀 to the plan in Beijing (北京) and met officials from Bogotá and Łódź on Friday.\n");
        write("x.txt/inner.txt", ARTICLE);
        write("long-line.txt", " date 2024-10-31 " + noPunctuation(3_000));
        write("feed.jsonl", "{\"id\":\"feed 金 one\",\"date\":\"2024-10-31\",\"title\":\"A &amp; B\",\"text\":\"Kim Jong Un met "
            + "Vladimir Putin in Vostochny.\"}\n{\"id\":\"feed-bad\",\"date\":\"2024-02-30\",\"text\":\"x\"}\n");
        goodIds.addAll(List.of("good", "crlf", "bom", "utf16", "html", "inner", "long-line"));

        bad.add(write("empty.txt", ""));
        bad.add(write("blank.txt", " \n\t\r\n"));
        bad.add(write("nodate.txt", "MOSCOW -- no date line.\n"));
        bad.add(write("feb30.txt", " date 2023-02-30 Text.\n"));
        bad.add(write("header-only.txt", " date 2024-10-31 (NKG Wire) --\n"));
        bad.add(write("binary.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D}));
        bad.add(write("nul.txt", " date 2024-10-31 Text with a \u0000 NUL.\n"));
        bad.add(write("latin1.txt", " date 2024-10-31 Leaders met in Bogot\u00e1.\n".getBytes(StandardCharsets.ISO_8859_1)));
        bad.add(write("control.txt", " date 2024-10-31 Text with a \u001b escape.\n"));
        bad.add(write("huge.txt", " date 2024-10-31 " + noPunctuation(60_000)));
        Path loop = input.resolve("loop");
        Files.createSymbolicLink(loop, input);
        bad.add(loop);
        bad.add(input.resolve("feed.jsonl:2"));

        Path settings = dir.resolve("test.properties");
        Files.writeString(settings, "ingest.maxArticleBytes = 200000\n");
        ingest = run("ingest", "--store", store.toString(), "--settings", settings.toString(), input.toString());
    }

    @Test
    void eachBadFileIsOneLineAndTheGoodOnesAllGoIn() throws Exception {
        assertEquals(1, ingest.code(), ingest.out() + ingest.err());
        String err = ingest.err();
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack traces without --verbose:\n" + err);
        String summary = err.substring(err.indexOf("failed (" + bad.size() + "):"));
        for (Path b : bad) {
            long lines = summary.lines().filter(l -> l.startsWith("  " + b + ": ")).count();
            assertEquals(1, lines, () -> "one summary line for " + b + " in\n" + summary);
        }
        assertEquals(bad.size() + 1, summary.lines().count(), summary);
        Set<String> ids = new TreeSet<>();
        try (NewsStore s = NewsStore.open(store)) {
            for (Map<String, String> row : Sparql.select(s.dataset(), Sparql.parse(
                "SELECT ?id WHERE { GRAPH ?g { ?g a nkg:Article ; dct:identifier ?id } }"))) {
                ids.add(row.get("id"));
            }
        }
        assertEquals(goodIds.size() + 2, ids.size(), ids.toString());
        assertTrue(ids.containsAll(goodIds), ids.toString());
        assertTrue(ids.stream().anyMatch(i -> i.startsWith("say-no-now-bogota-")), ids.toString());
        assertTrue(ids.stream().anyMatch(i -> i.startsWith("feed-one-")), ids.toString());
        assertTrue(ingest.out().contains((goodIds.size() + 2) + " written"), ingest.out());
    }

    @Test
    void variantsOfTheSameArticleGiveTheSameText() throws Exception {
        try (NewsStore s = NewsStore.open(store)) {
            var rows = Sparql.select(s.dataset(), Sparql.parse(
                "SELECT ?id ?text WHERE { GRAPH ?g { ?g dct:identifier ?id ; nkg:text ?text } }"));
            Map<String, String> text = new java.util.HashMap<>();
            rows.forEach(r -> text.put(r.get("id"), r.get("text")));
            String plain = text.get("good");
            for (String variant : List.of("crlf", "bom", "utf16", "inner")) {
                assertEquals(plain, text.get(variant), variant);
            }
            assertEquals("Lavrov & Choe\n\nRussian Foreign Minister Sergei Lavrov met Choe Son Hui, the foreign minister of "
                + "North Korea, in Moscow.\n\nThe talks <lasted> two hours.", text.get("html"));
        }
    }

    @Test
    void everyIriIsValidNoLiteralIsMojibakeAndEvidenceMatchesTheCleanText() throws Exception {
        List<String> problems = new ArrayList<>();
        try (NewsStore s = NewsStore.open(store)) {
            Txn.executeRead(s.dataset(), () -> s.dataset().find().forEachRemaining(q -> {
                for (Node n : List.of(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject())) {
                    if (n.isURI() && IRIx.create(n.getURI()).hasViolations()) {
                        problems.add("bad IRI " + n.getURI());
                    }
                    if (n.isLiteral() && (n.getLiteralLexicalForm().contains("\uFFFD") || n.getLiteralLexicalForm().contains("Ã"))) {
                        problems.add("mojibake " + n.getLiteralLexicalForm());
                    }
                }
            }));
            assertEquals(List.of(), problems);
            var rows = Sparql.select(s.dataset(), Sparql.parse(
                "SELECT ?quote ?b ?e ?text WHERE { GRAPH ?g { ?ev nkg:quote ?quote ; nkg:begin ?b ; nkg:end ?e . "
                    + "?g nkg:text ?text } }"));
            assertFalse(rows.isEmpty());
            for (Map<String, String> r : rows) {
                String t = r.get("text");
                int b = t.offsetByCodePoints(0, Integer.parseInt(r.get("b")));
                int e = t.offsetByCodePoints(0, Integer.parseInt(r.get("e")));
                assertEquals(r.get("quote"), t.substring(b, e));
            }
        }
    }

    @Test
    void exportsInEveryStreamedFormatParseBack() throws Exception {
        long quads;
        try (NewsStore s = NewsStore.open(store)) {
            quads = Txn.calculateRead(s.dataset(), () -> org.apache.jena.atlas.iterator.Iter.count(s.dataset().find()));
        }
        for (String format : List.of("trig", "nquads")) {
            Path out = dir.resolve("export." + format);
            Run r = run("export", "--store", store.toString(), "--format", format, "-o", out.toString());
            assertEquals(0, r.code(), r.err());
            Dataset d = DatasetFactory.create();
            RDFParser.source(out).lang(format.equals("trig") ? Lang.TRIG : Lang.NQUADS).strict(true).parse(d);
            long n = d.asDatasetGraph().stream().count();
            assertEquals(quads, n, format);
        }
        Path ttl = dir.resolve("export.ttl");
        assertEquals(0, run("export", "--store", store.toString(), "--format", "turtle", "-o", ttl.toString()).code());
        Model m = ModelFactory.createDefaultModel();
        RDFParser.source(ttl).lang(Lang.TURTLE).strict(true).parse(m);
        assertTrue(m.size() > 100);
    }

    @Test
    void aLongLineWithoutPunctuationIsCutIntoBoundedSentences() {
        String text = noPunctuation(6_000);
        Article a = new Article("long", LocalDate.of(2024, 10, 31), null, null, null, text, "long", "h");
        long t0 = System.nanoTime();
        Annotation doc = Models.nlp().annotate(a);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int max = Settings.defaults().getInt("extract.maxSentenceTokens");
        List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
        assertTrue(sentences.size() >= 6_000 / max, "sentences: " + sentences.size());
        int tokenIndex = 0;
        for (int i = 0; i < sentences.size(); i++) {
            CoreMap s = sentences.get(i);
            List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
            assertTrue(tokens.size() <= max, "sentence " + i + " has " + tokens.size() + " tokens");
            assertEquals(i, s.get(CoreAnnotations.SentenceIndexAnnotation.class));
            assertEquals(tokenIndex, s.get(CoreAnnotations.TokenBeginAnnotation.class));
            tokenIndex += tokens.size();
            assertEquals(text.substring(s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class)), s.get(CoreAnnotations.TextAnnotation.class));
            assertEquals(1, tokens.get(0).index());
            assertEquals(i, tokens.get(tokens.size() - 1).sentIndex());
            assertTrue(tokens.get(0).tag() != null && tokens.get(0).ner() != null, "tagged");
            assertTrue(s.get(edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class) != null, "parsed");
        }
        assertEquals(6_000, tokenIndex);
        assertTrue(seconds < 120, "annotation took " + seconds + " s");
    }

    @Test
    void anArticleOverTheTimeLimitIsInterruptedAndTheOthersGoIn() throws Exception {
        Path in = dir.resolve("timeout");
        Files.createDirectories(in);
        Files.writeString(in.resolve("a-good.txt"), ARTICLE);
        Files.writeString(in.resolve("b-slow.txt"), " date 2024-10-31 " + noPunctuation(150_000));
        Files.writeString(in.resolve("c-good.txt"), ARTICLE);
        Settings s = Settings.defaults().with("ingest.articleTimeout", 3).with("ingest.threads", 2)
            .with("ingest.maxArticleBytes", 0);
        ReferenceData ref = ReferenceData.load();
        long t0 = System.nanoTime();
        IngestReport r;
        try (NewsStore st = NewsStore.open(dir.resolve("timeout-store"))) {
            r = new Ingester(s, ref, () -> new Extractor(Models.nlp(), Models.gazetteer()), false)
                .run(st, List.of(in), Progress.NONE);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(2, r.written(), r.toString());
        assertEquals(1, r.failures().size(), r.failures().toString());
        assertTrue(r.failures().get(0).startsWith(in.resolve("b-slow.txt") + ": timed out after 3 s"), r.failures().get(0));
        assertTrue(seconds < 60, "ingest took " + seconds + " s");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (annotating() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertFalse(annotating(), () -> "the interrupted extraction still runs in the background:\n" + annotatingStack());
    }

    private static String annotatingStack() {
        StringBuilder sb = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().equals("newskg-annotate")) {
                for (StackTraceElement e : stack) {
                    sb.append("  at ").append(e).append('\n');
                }
            }
        });
        return sb.toString();
    }

    private static boolean annotating() {
        return Thread.getAllStackTraces().keySet().stream()
            .anyMatch(t -> t.getName().equals("newskg-annotate") && t.isAlive());
    }
}
