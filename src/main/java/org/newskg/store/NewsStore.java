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
import org.apache.jena.riot.system.StreamRDF;
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
    /** Version of the derived graphs' layout: a store with another version gets them rebuilt on its next ingest. */
    private static final Node STATS_CURRENT = RdfMapper.string("3");
    private final Path location;
    private final DatasetGraph dsg;
    private final StatsGraph stats;
    private final EntityIndex index;

    private NewsStore(Path location, DatasetGraph dsg) {
        this.location = location;
        this.dsg = dsg;
        this.stats = new StatsGraph(dsg);
        this.index = new EntityIndex(dsg);
    }

    /**
     * Opens the database in a directory, creating it when the directory is missing or empty (whole or
     * not at all, see {@link StoreCreation}). A directory that holds other files and no database is
     * refused ({@link IllegalArgumentException}), so a mistyped path never litters a directory with
     * database files.
     */
    public static NewsStore open(Path location) {
        if (Files.exists(location) && !Files.isDirectory(location)) {
            throw new IllegalArgumentException(location + " is not a directory, so it cannot hold a store");
        }
        if (Files.isDirectory(location) && !isEmpty(location) && !isStore(location)) {
            throw new IllegalArgumentException(location + " is not a newskg store (it holds other files and no TDB2 "
                + "database); give an empty or new directory");
        }
        try {
            if (!isStore(location)) {
                StoreCreation.create(location);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create store directory " + location + ": " + e.getMessage(), e);
        }
        return connect(location);
    }

    /**
     * Opens an existing database, creating nothing: a missing directory, an empty one, or one without
     * a TDB2 database is refused ({@link IllegalArgumentException}, one line naming the path).
     */
    public static NewsStore openExisting(Path location) {
        if (!Files.isDirectory(location)) {
            throw new IllegalArgumentException("no store at " + location + " (run 'newskg ingest' first or pass --store)");
        }
        if (!isStore(location)) {
            throw new IllegalArgumentException(location + " is not a newskg store (no TDB2 database in it); "
                + "pass --store with the directory 'newskg ingest' wrote");
        }
        return connect(location);
    }

    /** Whether a directory holds a TDB2 database: a {@code Data-NNNN} generation with its quad index. */
    public static boolean isStore(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.anyMatch(p -> p.getFileName().toString().matches("Data-\\d+")
                && Files.isRegularFile(p.resolve("GSPO.bpt")));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean isEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static NewsStore connect(Path location) {
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
            StatsGraph.Change change = new StatsGraph.Change();
            Set<Node> events = new HashSet<>();
            for (ArticleQuads a : batch) {
                Set<Node> before = stats.mentionsOf(a.graph());
                events.addAll(index.eventsIn(a.graph()));
                dsg.removeGraph(a.graph());
                dsg.deleteAny(NKG.metaGraph, a.graph(), Node.ANY, Node.ANY);
                Set<Node> after = new HashSet<>();
                String date = null;
                for (Quad q : a.quads()) {
                    dsg.add(q);
                    if (StatsGraph.isMention(q)) {
                        after.add(q.getObject());
                    } else if (q.getPredicate().equals(NKG.publicationDate) && q.getSubject().equals(a.graph())) {
                        date = q.getObject().getLiteralLexicalForm();
                    }
                }
                for (Quad q : a.meta()) {
                    dsg.add(q);
                }
                events.addAll(EntityIndex.eventsIn(a.quads()));
                change.article(a.graph(), before, after, date);
            }
            stats.apply(change);
            index.refresh(events);
        });
    }

    /** Removes articles by id or IRI; returns the ones that were not in the store. */
    public List<String> remove(List<String> articles) {
        List<String> missing = new ArrayList<>();
        Txn.executeWrite(dsg, () -> {
            StatsGraph.Change change = new StatsGraph.Change();
            Set<Node> events = new HashSet<>();
            for (String a : articles) {
                Node g = a.contains(":") ? NKG.iri(a) : RdfMapper.articleNode(a);
                boolean present = dsg.containsGraph(g) || dsg.contains(NKG.metaGraph, g, Node.ANY, Node.ANY);
                if (!present) {
                    missing.add(a);
                    continue;
                }
                Set<Node> before = stats.mentionsOf(g);
                events.addAll(index.eventsIn(g));
                dsg.removeGraph(g);
                dsg.deleteAny(NKG.metaGraph, g, Node.ANY, Node.ANY);
                change.article(g, before, Set.of(), null);
            }
            stats.apply(change);
            index.refresh(events);
        });
        return missing;
    }

    /**
     * Loads articles that are not in the store yet with Jena's TDB2 bulk loader (phased, or the
     * plan {@code loader} names: basic, sequential, phased, parallel), in one go, with their entity
     * index entries computed on the way, then adds their mentions to the statistics. Returns the
     * number of quads loaded. Much faster than {@link #write} for large ingests, but it does not
     * replace existing graphs. Events that articles already in the store also report get their
     * index entries recomputed from the store afterwards.
     */
    public long bulkLoad(Iterator<ArticleQuads> articles, String loader) {
        boolean hadArticles = Txn.calculateRead(dsg, () -> dsg.find(NKG.metaGraph, Node.ANY, NKG.extractorVersion, Node.ANY).hasNext());
        StatsGraph.Change change = new StatsGraph.Change();
        EntityIndex.Collector collected = new EntityIndex.Collector();
        Set<Node> loaded = new HashSet<>();
        DataLoader l = loader(loader);
        l.startBulk();
        try {
            StreamRDF out = l.stream();
            while (articles.hasNext()) {
                ArticleQuads a = articles.next();
                Set<Node> after = new HashSet<>();
                String date = null;
                for (Quad q : a.quads()) {
                    out.quad(q);
                    if (StatsGraph.isMention(q)) {
                        after.add(q.getObject());
                    } else if (q.getPredicate().equals(NKG.publicationDate) && q.getSubject().equals(a.graph())) {
                        date = q.getObject().getLiteralLexicalForm();
                    }
                }
                a.meta().forEach(out::quad);
                collected.article(a.graph(), a.quads());
                change.article(a.graph(), Set.of(), after, date);
                loaded.add(a.graph());
            }
            collected.emit(out);
            l.finishBulk();
        } catch (RuntimeException e) {
            l.finishException(e);
            throw e;
        }
        Txn.executeWrite(dsg, () -> {
            stats.apply(change);
            if (hadArticles) {
                index.refresh(collected.events().stream().filter(ev -> reportedOutside(ev, loaded)).toList());
            }
        });
        return l.countQuads();
    }

    /** Whether an article graph outside {@code graphs} gives evidence for the event. */
    private boolean reportedOutside(Node event, Set<Node> graphs) {
        var it = dsg.find(Node.ANY, event, NKG.evidence, Node.ANY);
        while (it.hasNext()) {
            Node g = it.next().getGraph();
            if (!graphs.contains(g) && !g.equals(NKG.indexGraph)) {
                return true;
            }
        }
        return false;
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

    /** Recomputes the statistics and entity index graphs from the article graphs (for stores written before they existed). */
    public void rebuildStats() {
        Txn.executeWrite(dsg, () -> {
            dsg.deleteAny(NKG.metaGraph, NKG.statsGraph, STATS_VERSION, Node.ANY);
            ensureStats();
        });
    }

    /** Builds the statistics and the index once for a store that predates them; call inside a write transaction. */
    private void ensureStats() {
        if (!dsg.contains(NKG.metaGraph, NKG.statsGraph, STATS_VERSION, STATS_CURRENT)) {
            stats.rebuild();
            index.rebuild();
            dsg.deleteAny(NKG.metaGraph, NKG.statsGraph, STATS_VERSION, Node.ANY);
            dsg.add(NKG.metaGraph, NKG.statsGraph, STATS_VERSION, STATS_CURRENT);
        }
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
