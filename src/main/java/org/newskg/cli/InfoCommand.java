package org.newskg.cli;

import java.util.concurrent.Callable;
import org.newskg.store.NewsStore;
import org.newskg.store.StoreInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg info}: articles, entities and facts by type. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Summarises the store: articles, entities and facts by type.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (NewsStore store = options.openExisting(options.settings())) {
            spec.commandLine().getOut().print("store: " + store.location() + "\n" + StoreInfo.of(store.dataset()).describe());
        }
        return Main.OK;
    }
}
