package org.newskg.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.newskg.rdf.NKG;
import org.newskg.rdf.RdfMapper;
import org.newskg.rdf.ReferenceData;

/**
 * The newskg database: a standard Apache Jena TDB2 directory holding one named graph per article,
 * the reference graph, the ontology graph and the meta graph, with the union of all graphs as the
 * default graph that queries see. Writing an article replaces its graph, so the same input gives
 * the same quads however often it is ingested. Only one process may open a directory at a time.
 *
 * <pre>{@code
 * try (NewsStore store = NewsStore.open(Path.of("newskg-store"))) {
 *     store.ensureReference(ReferenceData.load());
 *     store.write(List.of(articleQuads));
 * }
 * }</pre>
 */
public final class NewsStore implements AutoCloseable {
    private static final Node REFERENCE_VERSION = NKG.nkg("referenceVersion");
    private final Path location;
    private final DatasetGraph dsg;

    private NewsStore(Path location, DatasetGraph dsg) {
        this.location = location;
        this.dsg = dsg;
    }

    /** Opens (creating if needed) the database in a directory. */
    public static NewsStore open(Path location) {
        try {
            Files.createDirectories(location);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create store directory " + location + ": " + e.getMessage(), e);
        }
        if (!Files.isDirectory(location)) {
            throw new StoreException(location + " is not a directory");
        }
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(location.toString());
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        return new NewsStore(location, dsg);
    }

    /** The TDB2 dataset (union default graph on). */
    public DatasetGraph dataset() {
        return dsg;
    }

    /** The database directory. */
    public Path location() {
        return location;
    }

    /** Loads or refreshes the reference and ontology graphs when the shipped data changed. */
    public boolean ensureReference(ReferenceData ref) {
        Node version = RdfMapper.string(ref.hash());
        boolean current = Txn.calculateRead(dsg,
            () -> dsg.contains(NKG.metaGraph, NKG.referenceGraph, REFERENCE_VERSION, version));
        if (current) {
            return false;
        }
        Txn.executeWrite(dsg, () -> {
            replaceGraph(NKG.referenceGraph, ref.graph());
            replaceGraph(NKG.ontologyGraph, ref.ontology());
            dsg.deleteAny(NKG.metaGraph, NKG.referenceGraph, REFERENCE_VERSION, Node.ANY);
            dsg.add(NKG.metaGraph, NKG.referenceGraph, REFERENCE_VERSION, version);
        });
        return true;
    }

    private void replaceGraph(Node name, Graph content) {
        dsg.removeGraph(name);
        content.find().forEachRemaining((Triple t) -> dsg.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    /** For every stored article graph, its content hash and extractor version ("hash version"). */
    public Map<Node, String> fingerprints() {
        return Txn.calculateRead(dsg, () -> {
            Map<Node, String> hashes = new HashMap<>();
            Map<Node, String> versions = new HashMap<>();
            dsg.find(NKG.metaGraph, Node.ANY, NKG.contentHash, Node.ANY)
                .forEachRemaining(q -> hashes.put(q.getSubject(), q.getObject().getLiteralLexicalForm()));
            dsg.find(NKG.metaGraph, Node.ANY, NKG.extractorVersion, Node.ANY)
                .forEachRemaining(q -> versions.put(q.getSubject(), q.getObject().getLiteralLexicalForm()));
            Map<Node, String> out = new HashMap<>();
            hashes.forEach((g, h) -> out.put(g, h + " " + versions.get(g)));
            return out;
        });
    }

    /** Writes a batch of articles in one transaction, each replacing its previous graph. */
    public void write(List<ArticleQuads> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Txn.executeWrite(dsg, () -> {
            for (ArticleQuads a : batch) {
                dsg.removeGraph(a.graph());
                dsg.deleteAny(NKG.metaGraph, a.graph(), Node.ANY, Node.ANY);
                for (Quad q : a.quads()) {
                    dsg.add(q);
                }
                for (Quad q : a.meta()) {
                    dsg.add(q);
                }
            }
        });
    }

    /** Removes articles by id or IRI; returns the ones that were not in the store. */
    public List<String> remove(List<String> articles) {
        List<String> missing = new ArrayList<>();
        Txn.executeWrite(dsg, () -> {
            for (String a : articles) {
                Node g = a.contains(":") ? NKG.iri(a) : RdfMapper.articleNode(a);
                boolean present = dsg.containsGraph(g) || dsg.contains(NKG.metaGraph, g, Node.ANY, Node.ANY);
                if (!present) {
                    missing.add(a);
                    continue;
                }
                dsg.removeGraph(g);
                dsg.deleteAny(NKG.metaGraph, g, Node.ANY, Node.ANY);
            }
        });
        return missing;
    }

    /** Compacts the database, deleting the old generation: after large ingests TDB2 shrinks many-fold. */
    public void compact() {
        DatabaseMgr.compact(dsg, true);
    }

    @Override
    public void close() {
        dsg.close();
        org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
    }
}
