package org.newskg.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.newskg.eval.Evaluator;
import org.newskg.eval.Score;
import org.newskg.store.NewsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg eval GOLD_DIR}: precision, recall and F1 of the query library against gold rows. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Scores the store against gold annotations: for each NAME.tsv in GOLD_DIR, the query NAME.rq "
        + "is run and its rows compared (precision, recall, F1), with false positives and misses listed."})
final class EvalCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Parameters(index = "0", paramLabel = "GOLD_DIR", description = "directory of gold .tsv files (e.g. data/gold)")
    Path gold;

    @Option(names = "--queries", paramLabel = "DIR", defaultValue = "queries", description = "query library (default ${DEFAULT-VALUE})")
    Path queries;

    @Option(names = "--summary", description = "only the score table, without the differing rows")
    boolean summary;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (NewsStore store = options.openExisting(options.settings())) {
            List<Score> scores = Evaluator.evaluate(store.dataset(), gold, queries);
            if (scores.isEmpty()) {
                throw new IllegalArgumentException("no gold file in " + gold + " matches a query in " + queries);
            }
            spec.commandLine().getOut().print(Evaluator.report(scores, !summary));
        }
        return Main.OK;
    }
}
