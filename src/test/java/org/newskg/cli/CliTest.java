package org.newskg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.store.NewsStore;
import org.newskg.store.StoreFixture;

/**
 * The command line on a real fixture store, without CoreNLP: exit codes (0 ok, 1 failure, 2 bad
 * usage or input), standard SPARQL result formats, exports that parse back, one-line errors.
 */
class CliTest {
    @TempDir
    Path dir;
    Path store;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeEach
    void fixture() throws Exception {
        store = dir.resolve("db");
        StoreFixture.open(store).close();
    }

    @Test
    void queryPrintsStandardCsv() {
        CliRun r = run("query", "--store", store.toString(), "--format", "csv", "queries/posts.rq");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\r\n");
        assertEquals("person,post,org,evidence,article,published,source,url", lines[0]);
        assertEquals("Sergei Lavrov,Foreign Minister,Russia,Russian Foreign Minister Sergei Lavrov arrived.,"
            + "https://w3id.org/newskg/article/one,2024-10-31,NKG Wire,https://news.example.org/2024/10/31/choe-moscow", lines[4]);
    }

    @Test
    void queryJsonAndTsvAndInlineSparql() {
        CliRun json = run("query", "--store", store.toString(), "--format", "json",
            "SELECT ?s WHERE { ?s a nkg:State } ORDER BY ?s");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().contains("\"vars\": [ \"s\" ]"), json.out());
        assertTrue(json.out().contains("https://w3id.org/newskg/id/state/PRK"));
        CliRun tsv = run("query", "--store", store.toString(), "--format", "tsv", "queries/entities.rq");
        assertEquals(0, tsv.code());
        assertTrue(tsv.out().startsWith("?entity\t?label\t?type\t?articles"), tsv.out());
    }

    @Test
    void badUsageExitsTwoWithOneLine() {
        for (String[] args : new String[][] {{"frobnicate"}, {"ingest"}, {"query", "--frob", "x"}, {"export"},
            {"query", "--limit", "many", "queries/posts.rq"}, {}}) {
            CliRun r = run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals(1, r.err().lines().count(), String.join(" ", args) + " gives one line: " + r.err());
            assertTrue(r.err().startsWith("newskg: ") && r.err().contains("--help"), r.err());
        }
        assertEquals(2, run("ingest").code(), "ingest needs a path");
        CliRun fmt = run("query", "--store", store.toString(), "--format", "xml", "queries/posts.rq");
        assertEquals(2, fmt.code());
        assertTrue(fmt.err().contains("unknown format 'xml'"), fmt.err());
        CliRun syntax = run("query", "--store", store.toString(), "SELECT WHERE {");
        assertEquals(2, syntax.code());
        assertTrue(syntax.err().contains("SPARQL syntax error"), syntax.err());
        assertFalse(syntax.err().contains("\tat "), "no stack trace without --verbose");
        CliRun missing = run("query", "--store", dir.resolve("nowhere").toString(), "queries/posts.rq");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no store at"), missing.err());
        assertEquals(2, run("query", "--store", store.toString(), "queries/missing.rq").code());
    }

    @Test
    void exportsParseBackWithTheSameContent() throws Exception {
        CliRun trig = run("export", "--store", store.toString(), "--format", "trig");
        assertEquals(0, trig.code(), trig.err());
        Dataset fromTrig = DatasetFactory.create();
        RDFParser.fromString(trig.out(), Lang.TRIG).parse(fromTrig);
        Dataset fixture = stored();
        assertEquals(count(fixture), count(fromTrig));

        Path nq = dir.resolve("out.nq");
        assertEquals(0, run("export", "--store", store.toString(), "--format", "nquads", "-o", nq.toString()).code());
        Dataset fromNq = DatasetFactory.create();
        RDFParser.source(nq).lang(Lang.NQUADS).parse(fromNq);
        assertEquals(count(fixture), count(fromNq));

        CliRun ttl = run("export", "--store", store.toString(), "--format", "turtle");
        Model union = ModelFactory.createDefaultModel();
        RDFParser.fromString(ttl.out(), Lang.TURTLE).parse(union);
        assertEquals(fixture.getUnionModel().size(), union.size());

        CliRun one = run("export", "--store", store.toString(), "--format", "turtle",
            "--graph", "https://w3id.org/newskg/article/one");
        Model article = ModelFactory.createDefaultModel();
        RDFParser.fromString(one.out(), Lang.TURTLE).parse(article);
        assertEquals(fixture.getNamedModel("https://w3id.org/newskg/article/one").size(), article.size());

        CliRun byId = run("export", "--store", store.toString(), "--format", "turtle", "--graph", "one");
        assertEquals(0, byId.code(), byId.err());
        assertEquals(one.out(), byId.out(), "--graph takes an article id as 'remove' does");
    }

    @Test
    void jsonLdHasACompactContextAndOneObjectPerGraph() throws Exception {
        Dataset fixture = stored();
        CliRun jsonld = run("export", "--store", store.toString(), "--format", "jsonld");
        assertEquals(0, jsonld.code(), jsonld.err());
        JsonObject doc = JSON.parse(jsonld.out());
        JsonObject context = doc.get("@context").getAsObject();
        assertEquals("https://w3id.org/newskg/ont#", context.getString("nkg"));
        assertEquals("https://w3id.org/newskg/article/", context.getString("article"));
        JsonArray graphs = doc.get("@graph").getAsArray();
        List<String> ids = new ArrayList<>();
        graphs.forEach(g -> ids.add(g.getAsObject().getString("@id")));
        List<String> names = new ArrayList<>();
        fixture.listNames().forEachRemaining(names::add);
        assertEquals(names.size(), ids.size(), "one object per named graph: " + ids);
        assertEquals(new java.util.TreeSet<>(ids).size(), ids.size(), "no graph split in two: " + ids);
        assertTrue(ids.contains("article:one") && ids.contains("article:two"), ids.toString());
        JsonObject one = graphs.get(ids.indexOf("article:one")).getAsObject();
        JsonObject article = null;
        for (var node : one.get("@graph").getAsArray()) {
            if (node.getAsObject().getString("@id").equals("article:one")) {
                article = node.getAsObject();
            }
        }
        assertTrue(article != null && article.get("@type").getAsArray().get(0).getAsString().value().equals("nkg:Article"),
            "the article node is compact: " + article);
        assertEquals("NKG Wire", article.get("nkg:source").getAsArray().get(0).getAsString().value());
        String body = jsonld.out().substring(jsonld.out().indexOf("\"@graph\""));
        assertFalse(body.contains("\"https://w3id.org/newskg/"), "no IRI under a declared namespace is written in full");
        Dataset back = DatasetFactory.create();
        RDFParser.source(new ByteArrayInputStream(jsonld.out().getBytes(StandardCharsets.UTF_8))).lang(Lang.JSONLD).parse(back);
        assertTrue(org.apache.jena.sparql.util.IsoMatcher.isomorphic(fixture.asDatasetGraph(), back.asDatasetGraph()),
            "the JSON-LD reads back to exactly the store's quads");
        CliRun single = run("export", "--store", store.toString(), "--format", "jsonld", "--graph", "two");
        Dataset two = DatasetFactory.create();
        RDFParser.fromString(single.out(), Lang.JSONLD).parse(two);
        assertTrue(fixture.getNamedModel("https://w3id.org/newskg/article/two")
            .isIsomorphicWith(two.getNamedModel("https://w3id.org/newskg/article/two")));
    }

    @Test
    void networkExportsGraphMlAndAnEdgeList() throws Exception {
        CliRun graphml = run("export", "--store", store.toString(), "--format", "graphml");
        assertEquals(0, graphml.code(), graphml.err());
        var doc = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(graphml.out().getBytes(StandardCharsets.UTF_8)));
        String ns = "http://graphml.graphdrawing.org/xmlns";
        assertEquals("undirected", ((org.w3c.dom.Element) doc.getElementsByTagNameNS(ns, "graph").item(0)).getAttribute("edgedefault"));
        // the fixture's events: a visit (Choe, Moscow), two contacts (Choe, Lavrov), an agreement and a transfer
        // (North Korea, Russia), a deployment (North Korea, Kursk), and statements by NATO, Rutte and Russia alone
        assertEquals(8, doc.getElementsByTagNameNS(ns, "node").getLength(), "every entity taking part in an event");
        assertEquals(6, doc.getElementsByTagNameNS(ns, "edge").getLength(), "one edge per pair, event type and status");
        CliRun csv = run("export", "--store", store.toString(), "--format", "csv");
        assertEquals(0, csv.code(), csv.err());
        List<String> lines = csv.out().lines().toList();
        assertEquals("source,target,source_label,target_label,event_type,status,weight,first_date,last_date", lines.get(0));
        String id = "https://w3id.org/newskg/id/";
        assertEquals(List.of(
            id + "person/choe-son-hui," + id + "person/sergei-lavrov,Choe Son Hui,Sergei Lavrov,Contact,possible,1,,",
            id + "person/choe-son-hui," + id + "person/sergei-lavrov,Choe Son Hui,Sergei Lavrov,Contact,reported,1,,",
            id + "person/choe-son-hui," + id + "place/moscow,Choe Son Hui,Moscow,Visit,reported,1,2024-10-30,2024-10-30",
            id + "place/kursk," + id + "state/PRK,Kursk,North Korea,Deployment,reported,1,,",
            id + "state/PRK," + id + "state/RUS,North Korea,Russia,Agreement,reported,1,2024-06,2024-06",
            id + "state/PRK," + id + "state/RUS,North Korea,Russia,Transfer,alleged,1,,"), lines.subList(1, lines.size()));
        assertEquals(2, run("export", "--store", store.toString(), "--format", "csv", "--graph", "one").code());
    }

    @Test
    void exportErrors() {
        assertEquals(2, run("export", "--store", store.toString(), "--format", "rdfxml").code());
        assertEquals(2, run("export", "--store", store.toString(), "--format", "turtle", "--graph", "urn:x:none").code(),
            "asking for a graph the store lacks is bad input");
    }

    /** What the store holds (the fixture graphs and the index derived from them), in memory. */
    Dataset stored() {
        Dataset d = DatasetFactory.create();
        try (NewsStore s = NewsStore.open(store)) {
            StoreFixture.quads(s).forEach(d.asDatasetGraph()::add);
        }
        return d;
    }

    static long count(Dataset d) {
        long n = d.getDefaultModel().size();
        var it = d.listNames();
        while (it.hasNext()) {
            n += d.getNamedModel(it.next()).size();
        }
        return n;
    }

    @Test
    void infoAndRemove() {
        CliRun info = run("info", "--store", store.toString());
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("articles: 2"), info.out());
        assertTrue(info.out().contains("PostHolding=3"), info.out());
        assertEquals(0, run("remove", "--store", store.toString(), "one").code());
        CliRun again = run("remove", "--store", store.toString(), "one");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("not in the store: one"));
        assertTrue(run("info", "--store", store.toString()).out().contains("articles: 1"));
    }

    @Test
    void ingestOfOnlyBadFilesFailsWithOneLineEachAndLoadsNoModels() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path nodate = Files.writeString(dir.resolve("nodate.txt"), "Just text.\n");
        Path odd = Files.writeString(dir.resolve("two\nlines.txt"), "");
        CliRun r = run("ingest", "--store", store.toString(), empty.toString(), nodate.toString(), odd.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(dir.resolve("two") + "\\nlines.txt: empty file"), "a newline in a name is escaped: " + r.err());
        assertFalse(r.err().lines().anyMatch(l -> l.startsWith("lines.txt")), r.err());
        assertTrue(r.err().contains(empty + ": empty file"), r.err());
        assertTrue(r.err().contains(nodate + ": first line does not start with ' date YYYY-MM-DD'"), r.err());
        assertFalse(r.err().contains("loading CoreNLP"), "nothing to extract, so no models are loaded");
        assertTrue(r.out().contains("articles: 2"), "what was stored before is still there: " + r.out());
    }

    @Test
    void parametersAreBoundAsValuesNotPastedIntoTheQuery() {
        String q = "SELECT ?p WHERE { ?p a nkg:Person ; rdfs:label ?name } ORDER BY ?p";
        CliRun lavrov = run("query", "--store", store.toString(), "--format", "csv", "--param", "name=Sergei Lavrov", q);
        assertEquals(0, lavrov.code(), lavrov.err());
        assertEquals("p\r\nhttps://w3id.org/newskg/id/person/sergei-lavrov\r\n", lavrov.out());
        CliRun injection = run("query", "--store", store.toString(), "--format", "csv",
            "--param", "name=x\" } UNION { ?p ?q ?r } #", q);
        assertEquals(0, injection.code(), injection.err());
        assertEquals("p\r\n", injection.out(), "the hostile value is one string that matches nothing");
        CliRun iri = run("query", "--store", store.toString(), "--format", "csv",
            "--param", "p=<https://w3id.org/newskg/id/person/mark-rutte>", "SELECT ?name WHERE { ?p rdfs:label ?name }");
        assertEquals("name\r\nMark Rutte\r\n", iri.out());
        assertEquals(2, run("query", "--store", store.toString(), "--param", "novalue", q).code());
        assertEquals(2, run("query", "--store", store.toString(), "--param", "bad name=x", q).code());
    }

    @Test
    void readCommandsRefuseADirectoryThatIsNotAStoreAndCreateNothing() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "not a store");
        Path missing = dir.resolve("missing");
        for (Path p : new Path[] {empty, other, missing}) {
            for (String[] cmd : new String[][] {{"query", "queries/posts.rq"}, {"info"}, {"export", "--format", "nquads"},
                {"validate"}, {"remove", "one"}}) {
                String[] args = new String[cmd.length + 2];
                System.arraycopy(cmd, 0, args, 0, cmd.length);
                args[cmd.length] = "--store";
                args[cmd.length + 1] = p.toString();
                CliRun r = run(args);
                assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
                assertEquals(1, r.err().lines().count(), "one line: " + r.err());
                assertTrue(r.err().contains(p.toString()), r.err());
            }
        }
        try (var s = Files.list(empty)) {
            assertEquals(0, s.count(), "nothing created in the empty directory");
        }
        try (var s = Files.list(other)) {
            assertEquals(1, s.count(), "nothing created next to notes.txt");
        }
        assertFalse(Files.exists(missing), "no directory created");
        CliRun ingest = run("ingest", "--store", other.toString(), "data/2018-05-09-us-withdraws-iran-nuclear-deal.txt");
        assertEquals(2, ingest.code(), ingest.err());
        assertTrue(ingest.err().contains("is not a newskg store"), ingest.err());
        try (var s = Files.list(other)) {
            assertEquals(1, s.count(), "ingest does not write a store into a directory holding other files");
        }
    }

    @Test
    void libraryQueriesTakeTheirDeclaredParametersAndPage() {
        CliRun lavrov = run("query", "--store", store.toString(), "--format", "csv", "--param", "person=Sergei Lavrov",
            "queries/posts.rq");
        assertEquals(0, lavrov.code(), lavrov.err());
        assertEquals(2, lavrov.out().split("\r\n").length, "a header and Lavrov's one post: " + lavrov.out());
        assertTrue(lavrov.out().contains("Sergei Lavrov,Foreign Minister,Russia"), lavrov.out());
        CliRun unknown = run("query", "--store", store.toString(), "--param", "visitor=Joe Biden", "queries/posts.rq");
        assertEquals(2, unknown.code());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertTrue(unknown.err().contains("has no parameter 'visitor'; it takes person (entity), post (entity)"), unknown.err());
        CliRun typo = run("query", "--store", store.toString(), "--format", "csv", "--param", "person=sergei lavrov",
            "queries/posts.rq");
        assertEquals(0, typo.code(), typo.err());
        assertTrue(typo.err().contains("no entity is labelled 'sergei lavrov'"), typo.err());
        CliRun page = run("query", "--store", store.toString(), "--format", "csv", "--limit", "1", "--offset", "1",
            "queries/posts.rq");
        assertEquals(0, page.code(), page.err());
        assertTrue(page.out().startsWith("person,post,org,evidence,article,published,source,url"), page.out());
        assertEquals(2, page.out().split("\r\n").length, page.out());
        assertTrue(page.out().contains("Mark Rutte,Secretary General,NATO,NATO Secretary General"), page.out());
        CliRun inline = run("query", "--store", store.toString(), "--param", "nothere=x", "SELECT ?p WHERE { ?p a nkg:Person }");
        assertEquals(2, inline.code());
        assertTrue(inline.err().contains("cannot use parameter 'nothere'; it can take p"), inline.err());
        assertEquals(2, run("query", "--store", store.toString(), "--limit", "-1", "queries/posts.rq").code());
    }

    @Test
    void serveRefusesAPortOutOfRangeBeforeTouchingTheStore() {
        Path fresh = dir.resolve("fresh");
        for (String port : new String[] {"70000", "-1"}) {
            CliRun r = run("serve", "--store", fresh.toString(), "--port", port);
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("--port takes 0 to 65535"), r.err());
        }
        assertFalse(Files.exists(fresh), "no store created for a command that could not run");
    }

    @Test
    void helpForEveryCommand() {
        for (String c : new String[] {"ingest", "query", "export", "validate", "info", "remove", "eval", "serve"}) {
            CliRun r = run(c, "--help");
            assertEquals(0, r.code(), c);
            assertTrue(r.out().contains("Usage: newskg " + c), r.out());
        }
    }
}
