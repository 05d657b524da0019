package org.newskg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newskg.config.Settings;
import org.newskg.rdf.ReferenceData;
import org.newskg.shards.LoadReport;
import org.newskg.shards.ShardLoader;
import org.newskg.store.NewsStore;
import org.newskg.store.StoreInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg load SHARDS_DIR...}: bulk-loads spark-ingest shards into the store. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {"Bulk-loads the N-Quads shards of 'newskg spark-ingest' into the store with Jena's TDB2 bulk loader, "
        + "with the reference, statistics and meta graphs, so the store is the one 'newskg ingest' builds from the same "
        + "articles. Articles already in the store are replaced."})
final class LoadCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Parameters(arity = "1..*", paramLabel = "SHARDS", description = "shard directories or *.nq.gz files")
    List<Path> shards;

    @Option(names = "--loader", paramLabel = "PLAN", defaultValue = "phased",
        description = "Jena's TDB2 loader: basic, sequential, phased or parallel (default ${DEFAULT-VALUE})")
    String loader;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings s = options.settings();
        List<Path> files = ShardLoader.shardFiles(shards);
        ReferenceData ref = ReferenceData.load();
        try (NewsStore store = options.open(s)) {
            LoadReport r = ShardLoader.load(store, ref, files, loader);
            var out = spec.commandLine().getOut();
            out.printf("loaded %d article(s), %,d quads from %d shard(s) into %s in %.1f s (%d replaced)%n", r.articles(),
                r.quads(), r.shards(), store.location(), r.seconds(), r.replaced());
            out.print(StoreInfo.of(store.dataset()).describe());
            return Main.OK;
        }
    }
}
