package org.newskg.shards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.bench.SyntheticCorpus;
import org.newskg.rdf.ReferenceData;
import org.newskg.store.ArticleQuads;
import org.newskg.store.NewsStore;
import org.newskg.store.StoreFixture;

/**
 * Shards written in {@link ShardFormat} and loaded by {@link ShardLoader} into a real TDB2 store
 * give exactly the store that {@link NewsStore#write} of the same articles gives (article graphs,
 * meta records, statistics, entity index, reference); loading again replaces; a broken shard, or one
 * whose articles are mixed, is refused whole.
 */
class ShardLoaderTest {
    private static final ReferenceData REF = ReferenceData.load();
    private static final SyntheticCorpus CORPUS = new SyntheticCorpus(REF, 11);

    @TempDir
    Path dir;

    /** Writes articles [from, to) as one shard the way a Spark task does: article after article, each sorted, gzip. */
    static Path shard(Path file, int from, int to) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = from; i < to; i++) {
            lines.addAll(ShardFormat.sorted(ShardFormat.lines(CORPUS.quads(i))));
        }
        return write(file, lines);
    }

    static Path write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (String l : lines) {
                out.write((l + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    @Test
    void linesParseBackToTheArticlesQuads() {
        ArticleQuads a = CORPUS.quads(3);
        Set<Quad> expected = new HashSet<>(a.quads());
        expected.addAll(a.meta());
        Set<Quad> parsed = new HashSet<>();
        String text = String.join("\n", ShardFormat.lines(a)) + "\n";
        RDFParser.fromString(text, Lang.NQUADS).parse(new org.apache.jena.riot.system.StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                parsed.add(q);
            }
        });
        assertEquals(expected, parsed);
        assertEquals(expected.size(), ShardFormat.lines(a).size(), "one line per quad");
        for (Quad q : parsed) {
            assertEquals(a.graph(), ShardFormat.articleOf(q), "every quad belongs to its article: " + q);
        }
    }

    @Test
    void loadGivesTheStoreThatWritesGive() throws Exception {
        Path shards = dir.resolve("shards");
        shard(shards.resolve("part-r-00000.nq.gz"), 0, 20);
        shard(shards.resolve("part-r-00001.nq.gz"), 20, 45);
        Files.writeString(shards.resolve("rejects.txt"), "");

        Set<Quad> written;
        try (NewsStore s = NewsStore.open(dir.resolve("written"))) {
            s.ensureReference(REF);
            List<ArticleQuads> batch = new ArrayList<>();
            CORPUS.quads(0, 45).forEachRemaining(batch::add);
            s.write(batch);
            written = StoreFixture.quads(s);
        }
        try (NewsStore s = NewsStore.open(dir.resolve("loaded"))) {
            LoadReport r = ShardLoader.load(s, REF, List.of(shards), "phased");
            assertEquals(2, r.shards());
            assertEquals(45, r.articles());
            assertEquals(0, r.replaced());
            assertEquals(written, StoreFixture.quads(s), "load gives the quads of transactional writes, statistics included");

            LoadReport again = ShardLoader.load(s, REF, List.of(shards.resolve("part-r-00001.nq.gz")), "phased");
            assertEquals(25, again.replaced(), "re-loading a shard replaces its articles");
            assertEquals(written, StoreFixture.quads(s), "and leaves the same store");
        }
    }

    @Test
    void anArticleInTwoShardsIsTakenOnceFromTheLast() throws Exception {
        Path a = shard(dir.resolve("a/part-r-00000.nq.gz"), 0, 10);
        Path b = shard(dir.resolve("b/part-r-00000.nq.gz"), 5, 15);
        Set<Quad> written;
        try (NewsStore s = NewsStore.open(dir.resolve("written"))) {
            s.ensureReference(REF);
            List<ArticleQuads> batch = new ArrayList<>();
            CORPUS.quads(0, 15).forEachRemaining(batch::add);
            s.write(batch);
            written = StoreFixture.quads(s);
        }
        try (NewsStore s = NewsStore.open(dir.resolve("loaded"))) {
            LoadReport r = ShardLoader.load(s, REF, List.of(a.getParent(), b.getParent()), "phased");
            assertEquals(15, r.articles());
            assertEquals(written, StoreFixture.quads(s));
        }
    }

    @Test
    void aBrokenShardIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path shards = dir.resolve("shards");
        shard(shards.resolve("part-r-00000.nq.gz"), 0, 5);
        Path bad = shards.resolve("part-r-00001.nq.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bad))) {
            out.write("<https://w3id.org/newskg/article/x> <p> \"unterminated .\n".getBytes(StandardCharsets.UTF_8));
        }
        try (NewsStore s = NewsStore.open(dir.resolve("db"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShardLoader.load(s, REF, List.of(shards), "phased"));
            assertTrue(e.getMessage().startsWith(bad + ": not valid N-Quads"), e.getMessage());
            assertEquals(Set.of(), StoreFixture.quads(s), "nothing was written");
        }
    }

    @Test
    void aShardWhoseArticlesAreMixedIsRefused() throws Exception {
        List<String> mixed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mixed.addAll(ShardFormat.lines(CORPUS.quads(i)));
        }
        Path file = write(dir.resolve("mixed/part-r-00000.nq.gz"), ShardFormat.sorted(mixed));
        try (NewsStore s = NewsStore.open(dir.resolve("db"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShardLoader.load(s, REF, List.of(file), "phased"));
            assertTrue(e.getMessage().startsWith(file + ": not a newskg shard (the quads of "), e.getMessage());
        }
    }

    @Test
    void foreignQuadsAndEmptyDirectoriesAreRefused() throws Exception {
        Path foreign = dir.resolve("foreign/x.nq");
        Files.createDirectories(foreign.getParent());
        Files.writeString(foreign, "<http://example.org/s> <http://example.org/p> <http://example.org/o> <http://example.org/g> .\n");
        try (NewsStore s = NewsStore.open(dir.resolve("db"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShardLoader.load(s, REF, List.of(foreign), "phased"));
            assertTrue(e.getMessage().contains("not a newskg shard"), e.getMessage());
        }
        Path empty = Files.createDirectories(dir.resolve("empty"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShardLoader.shardFiles(List.of(empty)));
        assertTrue(e.getMessage().startsWith(empty + ": no shards"), e.getMessage());
    }
}
