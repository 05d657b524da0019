package org.newskg.shards;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Quad;
import org.newskg.rdf.NKG;
import org.newskg.store.ArticleQuads;

/**
 * The shard format that {@code newskg spark-ingest} writes and {@code newskg load} reads: gzip
 * N-Quads files named {@code *.nq.gz}, each holding whole articles (an article's graph and its
 * records in the meta graph), one article after the other in id order, each article's lines
 * sorted, so that the same articles always give the same bytes and a loader can take one article
 * at a time. Next to the shards, {@value #REJECTS} lists the bad inputs and {@value #MANIFEST} the
 * counts and versions. Standard N-Quads: any RDF store or Jena's own loaders read the shards too.
 *
 * <pre>{@code
 * List<String> lines = ShardFormat.sorted(ShardFormat.lines(articleQuads));   // one N-Quads line per quad
 * }</pre>
 */
public final class ShardFormat {
    /** The file name ending of a shard. */
    public static final String SUFFIX = ".nq.gz";
    /** The rejects file: one line per bad input, as {@code newskg ingest} reports it. */
    public static final String REJECTS = "rejects.txt";
    /** The manifest: articles, quads, rejects, shards, code and rules versions (JSON). */
    public static final String MANIFEST = "manifest.json";

    private ShardFormat() {}

    /** The N-Quads lines (without line ends) of one article: its graph's quads, then its meta records. */
    public static List<String> lines(ArticleQuads a) {
        List<Quad> all = new ArrayList<>(a.quads().size() + a.meta().size());
        all.addAll(a.quads());
        all.addAll(a.meta());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.writeQuads(out, all.iterator());
        String text = out.toString(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(all.size());
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The lines in the one order shards use (by UTF-16 code unit, as {@link String#compareTo}). */
    public static List<String> sorted(List<String> lines) {
        List<String> s = new ArrayList<>(lines);
        Collections.sort(s);
        return s;
    }

    /**
     * The article a shard quad belongs to: its graph, or for a record in the meta graph its
     * subject; null for a quad that belongs to no article (not newskg output).
     */
    public static Node articleOf(Quad q) {
        Node g = q.getGraph();
        Node a = g.equals(NKG.metaGraph) ? q.getSubject() : g;
        return a.isURI() && a.getURI().startsWith(NKG.ARTICLE) ? a : null;
    }
}
