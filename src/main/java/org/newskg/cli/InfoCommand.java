package org.newskg.cli;

import java.util.concurrent.Callable;
import org.newskg.store.NewsStore;
import org.newskg.store.StoreInfo;
import picocli.CommandLine.Command;
import org.newskg.query.QueryRunner;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg info}: articles, entities and facts by type. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Summarises the store (or, with --server URL, a running 'newskg serve'): articles, entities and facts by type.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Option(names = "--server", paramLabel = "URL",
        description = "summarise what a running 'newskg serve' holds (e.g. http://127.0.0.1:3030) instead of opening the store")
    String server;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (server != null) {
            options.refuseStoreWith("--server");
            spec.commandLine().getOut().print("server: " + ServerOption.base(server) + "\n"
                + StoreInfo.of(QueryRunner.remote(ServerOption.sparql(server))).describe());
            return Main.OK;
        }
        try (NewsStore store = options.openExisting(options.settings())) {
            spec.commandLine().getOut().print("store: " + store.location() + "\n" + StoreInfo.of(store.dataset()).describe());
        }
        return Main.OK;
    }
}
