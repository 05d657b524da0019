package org.newskg.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import java.util.function.Consumer;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.newskg.rdf.NKG;
import org.newskg.rdf.RdfMapper;
import org.newskg.rdf.ReferenceData;

/**
 * The newskg database: a standard Apache Jena TDB2 directory holding one named graph per article,
 * the reference graph, the ontology graph and the meta graph, with the union of all graphs as the
 * default graph that queries see. Writing an article replaces its graph, so the same input gives
 * the same quads however often it is ingested. Only one process may open a directory at a time.
 * Every write and removal also updates, in the same transaction, the statistics graph (articles per
 * entity), so listings by mention count read one triple per entity instead of aggregating all
 * articles. Large loads of new articles go through Jena's TDB2 bulk loader ({@link #bulkLoad}).
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
    private static final Node STATS_VERSION = NKG.nkg("statsVersion");
    private static final Node STATS_CURRENT = RdfMapper.string("2");
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

    /** Loads or refreshes the reference and ontology graphs when the shipped data changed, then the statistics from them. */
    public boolean ensureReference(ReferenceData ref) {
        Node version = RdfMapper.string(ref.hash());
        boolean current = Txn.calculateRead(dsg,
            () -> dsg.contains(NKG.metaGraph, NKG.referenceGraph, REFERENCE_VERSION, version));
        if (current) {
            if (!Txn.calculateRead(dsg, () -> dsg.contains(NKG.metaGraph, NKG.statsGraph, STATS_VERSION, STATS_CURRENT))) {
                Txn.executeWrite(dsg, this::ensureStats);
            }
            return false;
        }
        Txn.executeWrite(dsg, () -> {
            replaceGraph(NKG.referenceGraph, ref.graph());
            replaceGraph(NKG.ontologyGraph, ref.ontology());
            dsg.deleteAny(NKG.metaGraph, NKG.referenceGraph, REFERENCE_VERSION, Node.ANY);
            dsg.add(NKG.metaGraph, NKG.referenceGraph, REFERENCE_VERSION, version);
            dsg.deleteAny(NKG.metaGraph, NKG.statsGraph, STATS_VERSION, Node.ANY);
            ensureStats();
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
            Map<Node, Integer> delta = new HashMap<>();
            for (ArticleQuads a : batch) {
                Set<Node> before = mentionsOf(a.graph());
                dsg.removeGraph(a.graph());
                dsg.deleteAny(NKG.metaGraph, a.graph(), Node.ANY, Node.ANY);
                Set<Node> after = new HashSet<>();
                for (Quad q : a.quads()) {
                    dsg.add(q);
                    if (isMention(q)) {
                        after.add(q.getObject());
                    }
                }
                for (Quad q : a.meta()) {
                    dsg.add(q);
                }
                count(delta, before, after);
            }
            applyCounts(delta);
        });
    }

    /** Removes articles by id or IRI; returns the ones that were not in the store. */
    public List<String> remove(List<String> articles) {
        List<String> missing = new ArrayList<>();
        Txn.executeWrite(dsg, () -> {
            Map<Node, Integer> delta = new HashMap<>();
            for (String a : articles) {
                Node g = a.contains(":") ? NKG.iri(a) : RdfMapper.articleNode(a);
                boolean present = dsg.containsGraph(g) || dsg.contains(NKG.metaGraph, g, Node.ANY, Node.ANY);
                if (!present) {
                    missing.add(a);
                    continue;
                }
                Set<Node> before = mentionsOf(g);
                dsg.removeGraph(g);
                dsg.deleteAny(NKG.metaGraph, g, Node.ANY, Node.ANY);
                count(delta, before, Set.of());
            }
            applyCounts(delta);
        });
        return missing;
    }

    /**
     * Loads articles that are not in the store yet with Jena's TDB2 bulk loader (phased, or the
     * plan {@code loader} names: basic, sequential, phased, parallel), in one go, then adds their
     * mentions to the statistics. Returns the number of quads loaded. Much faster than
     * {@link #write} for large ingests, but it does not replace existing graphs.
     */
    public long bulkLoad(Iterator<ArticleQuads> articles, String loader) {
        return bulkLoad(out -> {
            while (articles.hasNext()) {
                ArticleQuads a = articles.next();
                a.quads().forEach(out::quad);
                a.meta().forEach(out::quad);
            }
        }, loader);
    }

    /**
     * Bulk-loads the quads {@code source} sends to the stream it is given (e.g. straight from
     * N-Quads files) as {@link #bulkLoad(Iterator, String)} does: the articles must not be in the
     * store yet, and each article graph's quads must be distinct, as {@link RdfMapper} emits them.
     */
    public long bulkLoad(Consumer<StreamRDF> source, String loader) {
        Map<Node, Integer> delta = new HashMap<>();
        DataLoader l = loader(loader);
        l.startBulk();
        try {
            StreamRDF into = l.stream();
            source.accept(new StreamRDFWrapper(into) {
                @Override
                public void quad(Quad q) {
                    into.quad(q);
                    if (isMention(q)) {
                        delta.merge(q.getObject(), 1, Integer::sum);
                    }
                }
            });
            l.finishBulk();
        } catch (RuntimeException e) {
            l.finishException(e);
            throw e;
        }
        Txn.executeWrite(dsg, () -> applyCounts(delta));
        return l.countQuads();
    }

    /** Jena's TDB2 loader of the given plan for this store. */
    public DataLoader loader(String plan) {
        org.apache.jena.system.progress.MonitorOutput quiet = (fmt, args) -> { };
        return switch (plan) {
            case "basic" -> LoaderFactory.basicLoader(dsg, quiet);
            case "sequential" -> LoaderFactory.sequentialLoader(dsg, quiet);
            case "parallel" -> LoaderFactory.parallelLoader(dsg, quiet);
            case "phased" -> LoaderFactory.phasedLoader(dsg, quiet);
            default -> throw new IllegalArgumentException("unknown loader '" + plan + "' (basic, sequential, phased, parallel)");
        };
    }

    /** Recomputes the statistics graph from the article graphs (for stores written before it existed). */
    public void rebuildStats() {
        Txn.executeWrite(dsg, () -> {
            dsg.deleteAny(NKG.metaGraph, NKG.statsGraph, STATS_VERSION, Node.ANY);
            ensureStats();
        });
    }

    /** Builds the statistics once for a store that predates them; call inside a write transaction. */
    private void ensureStats() {
        if (!dsg.contains(NKG.metaGraph, NKG.statsGraph, STATS_VERSION, STATS_CURRENT)) {
            Map<Node, Integer> counts = new HashMap<>();
            dsg.find(Node.ANY, Node.ANY, NKG.mentions, Node.ANY).forEachRemaining(q -> {
                if (isMention(q)) {
                    counts.merge(q.getObject(), 1, Integer::sum);
                }
            });
            dsg.removeGraph(NKG.statsGraph);
            applyCounts(counts);
            dsg.deleteAny(NKG.metaGraph, NKG.statsGraph, STATS_VERSION, Node.ANY);
            dsg.add(NKG.metaGraph, NKG.statsGraph, STATS_VERSION, STATS_CURRENT);
        }
    }

    /** An article's own mention triple: {@code GRAPH ?a { ?a nkg:mentions ?entity }}. */
    private static boolean isMention(Quad q) {
        return q.getPredicate().equals(NKG.mentions) && q.getGraph().equals(q.getSubject());
    }

    private Set<Node> mentionsOf(Node article) {
        Set<Node> out = new HashSet<>();
        dsg.find(article, article, NKG.mentions, Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
        return out;
    }

    private static void count(Map<Node, Integer> delta, Set<Node> before, Set<Node> after) {
        for (Node e : before) {
            if (!after.contains(e)) {
                delta.merge(e, -1, Integer::sum);
            }
        }
        for (Node e : after) {
            if (!before.contains(e)) {
                delta.merge(e, 1, Integer::sum);
            }
        }
    }

    /** Adds per-entity deltas to the article counts; inside a write transaction. */
    private void applyCounts(Map<Node, Integer> delta) {
        delta.forEach((entity, d) -> {
            if (d == 0) {
                return;
            }
            long current = 0;
            var it = dsg.find(NKG.statsGraph, entity, NKG.articleCount, Node.ANY);
            if (it.hasNext()) {
                current = ((Number) it.next().getObject().getLiteralValue()).longValue();
            }
            long n = current + d;
            if (n <= 0) {
                dsg.deleteAny(NKG.statsGraph, entity, Node.ANY, Node.ANY);
                return;
            }
            dsg.deleteAny(NKG.statsGraph, entity, NKG.articleCount, Node.ANY);
            dsg.add(NKG.statsGraph, entity, NKG.articleCount, RdfMapper.integer(n));
            if (current == 0) {
                copyDescription(entity);
            }
        });
    }

    /** Copies an entity's types and labels, from every graph that states them, into the statistics graph. */
    private void copyDescription(Node entity) {
        List<Quad> found = new ArrayList<>();
        for (Node p : List.of(NKG.type, NKG.label)) {
            dsg.find(Node.ANY, entity, p, Node.ANY).forEachRemaining(q -> {
                if (!q.getGraph().equals(NKG.statsGraph) && !q.getGraph().equals(NKG.ontologyGraph)) {
                    found.add(q);
                }
            });
        }
        found.forEach(q -> dsg.add(NKG.statsGraph, entity, q.getPredicate(), q.getObject()));
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
