package org.newskg.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.newskg.query.LibraryQuery;
import org.newskg.query.QueryRunner;

/**
 * The network of actors and their events, for graph tools (Gephi, NetworkX, Neo4j): a node for
 * every entity that takes part in an event (label, type, articles naming it, events it takes part
 * in), an undirected edge for every pair of entities that take part in the same events, one per
 * event type and status, weighted by the number of such events, with the first and last event
 * date. Written as GraphML ({@code graphml}) or as an edge list in CSV ({@code csv}, RFC 4180,
 * with both ends' labels). Read from the entity index with {@code newskg/sparql/network-*.rq}, so
 * a store in this process and a running server give the same network.
 *
 * <pre>{@code
 * NetworkExport.write(QueryRunner.local(store.dataset()), "graphml", out);
 * }</pre>
 */
public final class NetworkExport {
    private static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";

    private NetworkExport() {}

    /** Writes the network in {@code format} ("graphml" or "csv"). */
    public static void write(QueryRunner runner, String format, OutputStream out) {
        List<Map<String, String>> nodes = runner.rows(LibraryQuery.internal("network-nodes.rq").query());
        Map<String, String> labels = new HashMap<>();
        nodes.forEach(n -> labels.put(n.get("entity"), n.get("label").isEmpty() ? n.get("entity") : n.get("label")));
        List<Map<String, String>> edges = runner.rows(LibraryQuery.internal("network-edges.rq").query());
        try {
            if (format.equals("csv")) {
                csv(edges, labels, out);
            } else {
                graphml(nodes, labels, edges, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write GraphML: " + e.getMessage(), e);
        }
    }

    private static void csv(List<Map<String, String>> edges, Map<String, String> labels, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("source,target,source_label,target_label,event_type,status,weight,first_date,last_date\r\n");
        for (Map<String, String> e : edges) {
            String[] cells = {e.get("source"), e.get("target"), labels.getOrDefault(e.get("source"), e.get("source")),
                labels.getOrDefault(e.get("target"), e.get("target")), e.get("eventType"), e.get("status"),
                e.get("events"), e.get("first"), e.get("last")};
            for (int i = 0; i < cells.length; i++) {
                w.write((i == 0 ? "" : ",") + quote(cells[i]));
            }
            w.write("\r\n");
        }
        w.flush();
    }

    /** A CSV cell, quoted when it holds a comma, a quote or a line break. */
    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private static void graphml(List<Map<String, String>> nodes, Map<String, String> labels, List<Map<String, String>> edges,
                                OutputStream out) throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        x.writeStartElement("graphml");
        x.writeDefaultNamespace(GRAPHML_NS);
        key(x, "label", "node", "label", "string");
        key(x, "type", "node", "type", "string");
        key(x, "articles", "node", "articles", "int");
        key(x, "events", "node", "events", "int");
        key(x, "eventType", "edge", "eventType", "string");
        key(x, "status", "edge", "status", "string");
        key(x, "weight", "edge", "weight", "int");
        key(x, "firstDate", "edge", "firstDate", "string");
        key(x, "lastDate", "edge", "lastDate", "string");
        x.writeCharacters("\n  ");
        x.writeStartElement("graph");
        x.writeAttribute("id", "newskg");
        x.writeAttribute("edgedefault", "undirected");
        for (Map<String, String> n : nodes) {
            x.writeCharacters("\n    ");
            x.writeStartElement("node");
            x.writeAttribute("id", n.get("entity"));
            data(x, "label", labels.get(n.get("entity")));
            data(x, "type", n.get("type"));
            data(x, "articles", n.get("articles"));
            data(x, "events", n.get("events"));
            x.writeEndElement();
        }
        int i = 0;
        for (Map<String, String> e : edges) {
            x.writeCharacters("\n    ");
            x.writeStartElement("edge");
            x.writeAttribute("id", "e" + i++);
            x.writeAttribute("source", e.get("source"));
            x.writeAttribute("target", e.get("target"));
            data(x, "eventType", e.get("eventType"));
            data(x, "status", e.get("status"));
            data(x, "weight", e.get("events"));
            data(x, "firstDate", e.get("first"));
            data(x, "lastDate", e.get("last"));
            x.writeEndElement();
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndDocument();
        x.flush();
    }

    private static void key(XMLStreamWriter x, String id, String domain, String name, String type) throws XMLStreamException {
        x.writeCharacters("\n  ");
        x.writeEmptyElement("key");
        x.writeAttribute("id", id);
        x.writeAttribute("for", domain);
        x.writeAttribute("attr.name", name);
        x.writeAttribute("attr.type", type);
    }

    private static void data(XMLStreamWriter x, String key, String value) throws XMLStreamException {
        if (value == null || value.isEmpty()) {
            return;
        }
        x.writeStartElement("data");
        x.writeAttribute("key", key);
        x.writeCharacters(value);
        x.writeEndElement();
    }
}
