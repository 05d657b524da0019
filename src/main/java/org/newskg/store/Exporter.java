package org.newskg.store;

import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.atlas.web.TypedInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.http.HttpOp;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.newskg.query.QueryRunner;
import org.newskg.query.RemoteErrors;
import org.newskg.rdf.NKG;
import org.newskg.rdf.RdfMapper;

/**
 * Writes the store, or one graph of it, as Turtle (the union of all graphs, as queries see it),
 * TriG or N-Quads (every named graph kept apart), JSON-LD (a compact {@code @context} of newskg's
 * prefixes and one object per named graph, {@link JsonLdWriter}), or the network of actors and
 * their events as GraphML or an edge-list CSV ({@link NetworkExport}). Every format is streamed, so
 * memory stays flat however large the store. The same exports come from a running
 * {@code newskg serve} ({@link #exportRemote}): the quads are read from its read-only Graph Store
 * Protocol endpoint as N-Quads (N-Triples for the union) and rewritten here.
 *
 * <pre>{@code
 * Exporter.export(store.dataset(), "trig", null, out);
 * Exporter.exportRemote(base + "/newskg/sparql", base + "/newskg/get", "jsonld", "2024-10-31-north-korea-troops", out);
 * }</pre>
 */
public final class Exporter {
    /** Prefixes written at the top of Turtle and TriG output and in the JSON-LD {@code @context}. */
    public static final Map<String, String> PREFIXES = Map.ofEntries(
        Map.entry("nkg", NKG.NS), Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        Map.entry("rdfs", "http://www.w3.org/2000/01/rdf-schema#"), Map.entry("xsd", "http://www.w3.org/2001/XMLSchema#"),
        Map.entry("owl", "http://www.w3.org/2002/07/owl#"), Map.entry("skos", "http://www.w3.org/2004/02/skos/core#"),
        Map.entry("org", NKG.ORG_NS), Map.entry("sem", NKG.SEM_NS), Map.entry("prov", NKG.PROV_NS),
        Map.entry("time", NKG.TIME_NS), Map.entry("dct", NKG.DCT_NS), Map.entry("wd", NKG.WD_NS),
        Map.entry("state", NKG.ID + "state/"), Map.entry("place", NKG.ID + "place/"),
        Map.entry("person", NKG.ID + "person/"), Map.entry("role", NKG.ID + "role/"),
        Map.entry("organization", NKG.ID + "org/"), Map.entry("tenure", NKG.ID + "tenure/"),
        Map.entry("article", NKG.ARTICLE), Map.entry("event", NKG.EVENT), Map.entry("graph", NKG.GRAPH),
        Map.entry("index", NKG.INDEX));

    /** The formats {@code newskg export} writes. */
    public static final List<String> FORMATS = List.of("turtle", "trig", "nquads", "jsonld", "graphml", "csv");

    private Exporter() {}

    /** The format's canonical name, or an {@link IllegalArgumentException} naming the formats there are. */
    public static String format(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        String canonical = switch (f) {
            case "ttl" -> "turtle";
            case "nq" -> "nquads";
            case "json-ld" -> "jsonld";
            default -> f;
        };
        if (!FORMATS.contains(canonical)) {
            throw new IllegalArgumentException("unknown export format '" + format + "' (use " + String.join(", ", FORMATS) + ")");
        }
        return canonical;
    }

    /** A graph named on the command line: an article id ({@code 2024-10-31-x}) or a full IRI. */
    public static Node graphNode(String graph) {
        if (graph.contains(":")) {
            if (!org.apache.jena.irix.IRIs.check(graph)) {
                throw new IllegalArgumentException("--graph: not a valid IRI: " + graph);
            }
            return NKG.iri(graph);
        }
        if (!graph.matches("[\\p{L}\\p{N}._~-]+")) {
            throw new IllegalArgumentException("--graph takes an article id or a graph IRI, not '" + graph + "'");
        }
        return RdfMapper.articleNode(graph);
    }

    /** Writes the store (or the graph {@code graph} names, if not null: an article id or an IRI) in a format. */
    public static void export(DatasetGraph dsg, String format, String graph, OutputStream out) {
        String f = format(format);
        if (f.equals("graphml") || f.equals("csv")) {
            refuseGraph(graph, f);
            NetworkExport.write(QueryRunner.local(dsg), f, out);
            return;
        }
        Txn.executeRead(dsg, () -> {
            Node g = graph == null ? null : graphNode(graph);
            if (g != null && !dsg.containsGraph(g)) {
                throw new IllegalArgumentException("no graph <" + g.getURI() + "> in the store");
            }
            switch (f) {
                case "turtle" -> {
                    Graph source = g == null ? dsg.getUnionGraph() : dsg.getGraph(g);
                    StreamRDF w = start(out, RDFFormat.TURTLE_BLOCKS);
                    source.find().forEachRemaining(w::triple);
                    w.finish();
                }
                case "trig" -> streamQuads(dsg, g, start(out, RDFFormat.TRIG_BLOCKS));
                case "nquads" -> streamQuads(dsg, g, start(out, RDFFormat.NQUADS));
                default -> {
                    JsonLdWriter w = new JsonLdWriter(out, PREFIXES);
                    w.start();
                    for (Node name : g == null ? graphNames(dsg) : List.of(g)) {
                        dsg.find(name, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(w::quad);
                    }
                    w.finish();
                }
            }
        });
    }

    /**
     * Writes what a running {@code newskg serve} holds, as {@link #export} would write the same
     * store: {@code sparql} is its SPARQL query endpoint, {@code gsp} its read-only Graph Store
     * Protocol endpoint.
     */
    public static void exportRemote(String sparql, String gsp, String format, String graph, OutputStream out) {
        String f = format(format);
        if (f.equals("graphml") || f.equals("csv")) {
            refuseGraph(graph, f);
            NetworkExport.write(QueryRunner.remote(sparql), f, out);
            return;
        }
        Node g = graph == null ? null : graphNode(graph);
        StreamRDF sink = switch (f) {
            case "turtle" -> start(out, RDFFormat.TURTLE_BLOCKS);
            case "trig" -> start(out, RDFFormat.TRIG_BLOCKS);
            case "nquads" -> start(out, RDFFormat.NQUADS);
            default -> {
                JsonLdWriter w = new JsonLdWriter(out, PREFIXES);
                w.start();
                yield w;
            }
        };
        boolean quads = g == null && !f.equals("turtle");
        Node single = f.equals("turtle") ? null : g;
        String url = quads ? gsp : gsp + "?graph=" + URLEncoder.encode(g == null ? Quad.unionGraph.getURI() : g.getURI(),
            StandardCharsets.UTF_8);
        StreamRDF target = new StreamRDFBase() {
            @Override
            public void triple(Triple t) {
                if (single == null) {
                    sink.triple(t);
                } else {
                    sink.quad(Quad.create(single, t));
                }
            }

            @Override
            public void quad(Quad q) {
                sink.quad(q);
            }
        };
        try (TypedInputStream in = HttpOp.httpGet(url, quads ? "application/n-quads" : "application/n-triples")) {
            RDFParser.source(in).lang(quads ? Lang.NQUADS : Lang.NTRIPLES).parse(target);
        } catch (HttpException e) {
            if (e.getStatusCode() == 404 && g != null) {
                throw new IllegalArgumentException("no graph <" + g.getURI() + "> in the store served at " + gsp, e);
            }
            if (e.getStatusCode() > 0) {
                throw new RemoteErrors.RemoteStoreException(gsp + " answered HTTP " + e.getStatusCode(), e);
            }
            throw RemoteErrors.unreachable(gsp, e);
        }
        sink.finish();
    }

    private static void refuseGraph(String graph, String format) {
        if (graph != null) {
            throw new IllegalArgumentException("--graph does not apply to the " + format + " network export");
        }
    }

    /** The named graphs, in IRI order. */
    private static List<Node> graphNames(DatasetGraph dsg) {
        List<Node> names = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(names::add);
        names.sort((a, b) -> a.toString().compareTo(b.toString()));
        return names;
    }

    private static StreamRDF start(OutputStream out, RDFFormat format) {
        StreamRDF w = StreamRDFWriter.getWriterStream(out, format);
        w.start();
        if (format != RDFFormat.NQUADS) {
            PREFIXES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> w.prefix(e.getKey(), e.getValue()));
        }
        return w;
    }

    private static void streamQuads(DatasetGraph dsg, Node g, StreamRDF w) {
        Iterator<Quad> it = g == null ? dsg.find() : dsg.find(g, Node.ANY, Node.ANY, Node.ANY);
        while (it.hasNext()) {
            w.quad(it.next());
        }
        w.finish();
    }
}
