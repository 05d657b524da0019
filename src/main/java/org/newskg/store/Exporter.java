package org.newskg.store;

import java.io.OutputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.newskg.rdf.NKG;

/**
 * Writes the store, or one graph of it, as Turtle (the union of all graphs, as queries see it),
 * TriG or N-Quads (every named graph kept apart) or JSON-LD. Turtle, TriG and N-Quads are
 * streamed, so memory stays flat however large the store.
 *
 * <pre>{@code
 * Exporter.export(store.dataset(), "trig", null, out);
 * }</pre>
 */
public final class Exporter {
    /** Prefixes written at the top of Turtle and TriG output. */
    public static final Map<String, String> PREFIXES = Map.ofEntries(
        Map.entry("nkg", NKG.NS), Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        Map.entry("rdfs", "http://www.w3.org/2000/01/rdf-schema#"), Map.entry("xsd", "http://www.w3.org/2001/XMLSchema#"),
        Map.entry("owl", "http://www.w3.org/2002/07/owl#"), Map.entry("skos", "http://www.w3.org/2004/02/skos/core#"),
        Map.entry("org", NKG.ORG_NS), Map.entry("sem", NKG.SEM_NS), Map.entry("prov", NKG.PROV_NS),
        Map.entry("time", NKG.TIME_NS), Map.entry("dct", NKG.DCT_NS), Map.entry("wd", NKG.WD_NS),
        Map.entry("state", NKG.ID + "state/"), Map.entry("place", NKG.ID + "place/"),
        Map.entry("person", NKG.ID + "person/"), Map.entry("role", NKG.ID + "role/"),
        Map.entry("article", NKG.ARTICLE));

    private Exporter() {}

    /** Writes the store (or the graph named {@code graph}, if not null) in a format. */
    public static void export(DatasetGraph dsg, String format, String graph, OutputStream out) {
        String f = format.toLowerCase(Locale.ROOT);
        Txn.executeRead(dsg, () -> {
            Node g = graph == null ? null : NKG.iri(graph);
            if (g != null && !dsg.containsGraph(g)) {
                throw new IllegalArgumentException("no graph <" + graph + "> in the store");
            }
            switch (f) {
                case "turtle", "ttl" -> {
                    Graph source = g == null ? dsg.getUnionGraph() : dsg.getGraph(g);
                    StreamRDF w = start(out, RDFFormat.TURTLE_BLOCKS);
                    source.find().forEachRemaining(w::triple);
                    w.finish();
                }
                case "trig" -> streamQuads(dsg, g, start(out, RDFFormat.TRIG_BLOCKS));
                case "nquads", "nq" -> streamQuads(dsg, g, start(out, RDFFormat.NQUADS));
                case "jsonld", "json-ld" -> {
                    DatasetGraph d = g == null ? dsg : DatasetGraphFactory.wrap(dsg.getGraph(g));
                    RDFDataMgr.write(out, d, Lang.JSONLD);
                }
                default -> throw new IllegalArgumentException("unknown export format '" + format
                    + "' (use turtle, trig, nquads or jsonld)");
            }
        });
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
