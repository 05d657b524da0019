package org.newskg.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.newskg.store.NewsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg remove ARTICLE...}: drops articles' graphs. */
@Command(name = "remove", mixinStandardHelpOptions = true,
    description = "Removes articles (by id, e.g. 2024-10-31-north-korea-troops, or by IRI) and their facts.")
final class RemoveCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Parameters(arity = "1..*", paramLabel = "ARTICLE", description = "article ids or IRIs")
    List<String> articles;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (NewsStore store = options.openExisting(options.settings())) {
            List<String> missing = store.remove(articles);
            spec.commandLine().getOut().println("removed " + (articles.size() - missing.size()) + " article(s)");
            missing.forEach(m -> spec.commandLine().getErr().println("not in the store: " + m));
            return missing.isEmpty() ? Main.OK : Main.FAILURE;
        }
    }
}
