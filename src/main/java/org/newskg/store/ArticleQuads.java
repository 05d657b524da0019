package org.newskg.store;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/** What one article puts in the store: its graph's quads and its bookkeeping quads in the meta graph. */
public record ArticleQuads(Node graph, List<Quad> quads, List<Quad> meta) {}
