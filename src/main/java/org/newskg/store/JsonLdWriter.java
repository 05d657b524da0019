package org.newskg.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonString;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.newskg.rdf.NKG;

/**
 * Writes quads as one JSON-LD 1.1 document as they arrive, without holding the dataset in memory
 * (Jena's own JSON-LD writer builds the whole document first). The document has a compact
 * {@code @context} of the given prefixes, and a top-level {@code @graph} with one object per named
 * graph ({@code {"@id": "article:...", "@graph": [nodes]}}), each node one object with compact IRIs
 * as keys. Quads should come grouped by graph and then by subject, as a store's graph-by-graph
 * iteration gives them; a graph or subject met again later starts another object with the same
 * {@code @id}, which JSON-LD readers merge, so the document always means the quads it was given.
 *
 * <pre>{@code
 * JsonLdWriter w = new JsonLdWriter(out, Exporter.PREFIXES);
 * w.start();
 * dsg.find().forEachRemaining(w::quad);
 * w.finish();
 * }</pre>
 */
public final class JsonLdWriter extends StreamRDFBase {
    private final Writer out;
    private final List<Map.Entry<String, String>> prefixes;
    private Node graph;
    private Node subject;
    private final Map<Node, List<Node>> properties = new LinkedHashMap<>();
    private boolean firstGraph = true;
    private boolean firstNode = true;
    private boolean graphOpen;

    /** A writer to {@code out} (UTF-8) compacting IRIs with {@code prefixes} (prefix to namespace). */
    public JsonLdWriter(OutputStream out, Map<String, String> prefixes) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.prefixes = new ArrayList<>(prefixes.entrySet());
        this.prefixes.sort(Comparator.comparing((Map.Entry<String, String> e) -> -e.getValue().length())
            .thenComparing(Map.Entry::getKey));
    }

    @Override
    public void start() {
        write("{\n  \"@context\": {");
        List<Map.Entry<String, String>> sorted = new ArrayList<>(prefixes);
        sorted.sort(Map.Entry.comparingByKey());
        for (int i = 0; i < sorted.size(); i++) {
            write((i == 0 ? "\n" : ",\n") + "    " + str(sorted.get(i).getKey()) + ": " + str(sorted.get(i).getValue()));
        }
        write("\n  },\n  \"@graph\": [");
    }

    @Override
    public void triple(Triple t) {
        quad(Quad.create(Quad.defaultGraphNodeGenerated, t));
    }

    @Override
    public void quad(Quad q) {
        Node g = q.isDefaultGraph() ? null : q.getGraph();
        if (!graphOpen || !same(g, graph)) {
            flushNode();
            openGraph(g);
        } else if (subject != null && !q.getSubject().equals(subject)) {
            flushNode();
        }
        subject = q.getSubject();
        properties.computeIfAbsent(q.getPredicate(), p -> new ArrayList<>()).add(q.getObject());
    }

    private void openGraph(Node g) {
        closeGraph();
        write(firstGraph ? "\n" : ",\n");
        firstGraph = false;
        if (g != null) {
            write("    {\"@id\": " + str(compact(g)) + ", \"@graph\": [");
        } else {
            write("    {\"@graph\": [");
        }
        graph = g;
        graphOpen = true;
        firstNode = true;
    }

    private void closeGraph() {
        if (graphOpen) {
            write("\n    ]}");
            graphOpen = false;
        }
    }

    /** Writes the pending node object; the next quad of another graph opens that graph's object. */
    private void flushNode() {
        if (subject == null) {
            return;
        }
        StringBuilder sb = new StringBuilder(firstNode ? "\n      {" : ",\n      {");
        firstNode = false;
        sb.append("\"@id\": ").append(str(id(subject)));
        List<Node> types = properties.remove(NKG.type);
        if (types != null) {
            List<String> iris = new ArrayList<>();
            List<Node> others = new ArrayList<>();
            for (Node t : types) {
                if (t.isURI()) {
                    iris.add(str(compact(t)));
                } else {
                    others.add(t);
                }
            }
            if (!iris.isEmpty()) {
                sb.append(", \"@type\": [").append(String.join(", ", iris)).append(']');
            }
            if (!others.isEmpty()) {
                properties.put(NKG.type, others);
            }
        }
        properties.forEach((p, values) -> {
            sb.append(", ").append(str(compact(p))).append(": [");
            for (int i = 0; i < values.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(value(values.get(i)));
            }
            sb.append(']');
        });
        sb.append('}');
        write(sb.toString());
        properties.clear();
        subject = null;
    }

    @Override
    public void finish() {
        flushNode();
        closeGraph();
        write("\n  ]\n}\n");
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String value(Node o) {
        if (o.isURI() || o.isBlank()) {
            return "{\"@id\": " + str(id(o)) + "}";
        }
        String lex = o.getLiteralLexicalForm();
        String lang = o.getLiteralLanguage();
        if (lang != null && !lang.isEmpty()) {
            return "{\"@value\": " + str(lex) + ", \"@language\": " + str(lang) + "}";
        }
        String dt = o.getLiteralDatatypeURI();
        if (dt == null || dt.equals(XSDDatatype.XSDstring.getURI())) {
            return str(lex);
        }
        return "{\"@value\": " + str(lex) + ", \"@type\": " + str(compact(NKG.iri(dt))) + "}";
    }

    private String id(Node n) {
        return n.isBlank() ? "_:" + n.getBlankNodeLabel() : compact(n);
    }

    /** The IRI as a compact IRI when a prefix's namespace starts it (the longest namespace wins). */
    String compact(Node iri) {
        String u = iri.getURI();
        for (Map.Entry<String, String> p : prefixes) {
            String ns = p.getValue();
            if (u.startsWith(ns) && u.length() > ns.length() && !u.substring(ns.length()).startsWith("//")) {
                return p.getKey() + ":" + u.substring(ns.length());
            }
        }
        return u;
    }

    private static boolean same(Node a, Node b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String str(String s) {
        return JSON.toStringFlat(new JsonString(s));
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
