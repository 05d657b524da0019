package org.newskg.shards;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.jena.atlas.iterator.IteratorCloseable;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.AsyncParser;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.newskg.rdf.ReferenceData;
import org.newskg.store.ArticleQuads;
import org.newskg.store.NewsStore;

/**
 * Bulk-loads shards ({@link ShardFormat}) into a newskg store with Jena's TDB2 bulk loader, fed
 * straight from the files, so that the store ends up as {@code newskg ingest} of the same articles
 * leaves it: reference and ontology graphs, article graphs, meta records and the statistics graph.
 * A first pass parses every shard and finds its articles, so a broken shard is refused before
 * anything is written; the second feeds the bulk loader one article at a time (a shard holds each
 * article's quads together), so memory stays flat however large the shards. Articles already in the store are removed first (one transaction), so
 * loading a shard again replaces its articles' graphs. An article found in several of the shards
 * given is taken from the last of them.
 *
 * <pre>{@code
 * LoadReport r = ShardLoader.load(store, ReferenceData.load(), List.of(Path.of("shards")), "phased");
 * }</pre>
 */
public final class ShardLoader {
    private ShardLoader() {}

    /** The shard files a path stands for: itself, or the {@code *.nq.gz} (or {@code *.nq}) files in a directory, by name. */
    public static List<Path> shardFiles(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> found;
                try (Stream<Path> s = Files.list(p)) {
                    found = s.filter(f -> isShard(f) && Files.isRegularFile(f)).sorted().toList();
                } catch (IOException e) {
                    throw new IllegalArgumentException(p + ": cannot list the directory: " + e.getMessage());
                }
                if (found.isEmpty()) {
                    throw new IllegalArgumentException(p + ": no shards (*" + ShardFormat.SUFFIX + ") in this directory");
                }
                files.addAll(found);
            } else if (Files.isRegularFile(p) && isShard(p)) {
                files.add(p);
            } else {
                throw new IllegalArgumentException(p + ": " + (Files.exists(p) ? "not a shard directory or a *"
                    + ShardFormat.SUFFIX + " file" : "no such file or directory"));
            }
        }
        return files;
    }

    private static boolean isShard(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(ShardFormat.SUFFIX) || n.endsWith(".nq"));
    }

    /** Loads the shards under {@code paths} into the store with the given Jena loader plan. */
    public static LoadReport load(NewsStore store, ReferenceData ref, List<Path> paths, String plan) {
        long t0 = System.nanoTime();
        List<Path> files = shardFiles(paths);
        store.loader(plan);
        Map<Node, Integer> owner = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            int shard = i;
            Path file = files.get(i);
            Set<Node> seen = new HashSet<>();
            Node[] current = {null};
            parse(file, q -> {
                Node a = article(file, q);
                if (!a.equals(current[0])) {
                    if (!seen.add(a)) {
                        throw new IllegalArgumentException(file + ": not a newskg shard (the quads of " + a.getURI()
                            + " are not together)");
                    }
                    current[0] = a;
                    owner.put(a, shard);
                }
            });
        }
        store.ensureReference(ref);
        Map<Node, String> stored = store.fingerprints();
        List<String> replace = owner.keySet().stream().filter(stored::containsKey).map(Node::getURI).sorted().toList();
        if (!replace.isEmpty()) {
            store.remove(replace);
        }
        long quads = store.bulkLoad(new Articles(files, owner), plan);
        return new LoadReport(files.size(), owner.size(), replace.size(), quads, (System.nanoTime() - t0) / 1e9);
    }

    /** The articles of the shards, one at a time, each from the shard that owns it. */
    private static final class Articles implements Iterator<ArticleQuads> {
        private final List<Path> files;
        private final Map<Node, Integer> owner;
        private int shard = -1;
        private IteratorCloseable<Quad> quads;
        private InputStream in;
        private Quad pending;
        private ArticleQuads next;

        Articles(List<Path> files, Map<Node, Integer> owner) {
            this.files = files;
            this.owner = owner;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (pending == null && !advance()) {
                    return false;
                }
                Node a = ShardFormat.articleOf(pending);
                List<Quad> graph = new ArrayList<>();
                List<Quad> meta = new ArrayList<>();
                while (pending != null && a.equals(ShardFormat.articleOf(pending))) {
                    (pending.getGraph().equals(a) ? graph : meta).add(pending);
                    pending = quads.hasNext() ? quads.next() : null;
                }
                if (owner.get(a) == shard) {
                    next = new ArticleQuads(a, graph, meta);
                }
            }
            return true;
        }

        @Override
        public ArticleQuads next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ArticleQuads a = next;
            next = null;
            return a;
        }

        /** Moves to the first quad of the next shard that has one; false after the last shard. */
        private boolean advance() {
            while (pending == null) {
                close();
                if (++shard >= files.size()) {
                    return false;
                }
                Path file = files.get(shard);
                try {
                    in = open(file);
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
                }
                quads = AsyncParser.of(in, Lang.NQUADS, null).asyncParseQuads();
                pending = quads.hasNext() ? quads.next() : null;
            }
            return true;
        }

        private void close() {
            if (quads != null) {
                quads.close();
                quads = null;
            }
            if (in != null) {
                try {
                    in.close();
                } catch (IOException e) {
                    // read to its end already; nothing is lost
                }
                in = null;
            }
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return file.toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    private static Node article(Path file, Quad q) {
        Node a = ShardFormat.articleOf(q);
        if (a == null) {
            throw new IllegalArgumentException(file + ": not a newskg shard (a quad in graph " + q.getGraph()
                + " belongs to no article)");
        }
        return a;
    }

    /** Parses one shard, sending its quads on; a parse error names the file and the line. */
    private static void parse(Path file, Consumer<Quad> quads) {
        StreamRDF sink = new StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                quads.accept(q);
            }

            @Override
            public void triple(org.apache.jena.graph.Triple t) {
                throw new IllegalArgumentException(file + ": not a newskg shard (a triple outside any named graph)");
            }
        };
        try (InputStream in = open(file)) {
            RDFParser.source(in).lang(Lang.NQUADS).errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging).parse(sink);
        } catch (RiotException e) {
            throw new IllegalArgumentException(file + ": not valid N-Quads: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
    }
}
