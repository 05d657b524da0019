package org.newskg.cli;

import java.util.concurrent.Callable;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.newskg.store.NewsStore;
import org.newskg.store.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg validate}: checks the store against newskg's SHACL shapes. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Validates the store against the SHACL shapes in ontology/shapes.ttl; exit 1 on violations.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Option(names = "--max", paramLabel = "N", defaultValue = "50", description = "violations to list (default ${DEFAULT-VALUE})")
    int max;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (NewsStore store = options.openExisting(options.settings())) {
            ValidationReport r = Validation.validate(store.dataset());
            var out = spec.commandLine().getOut();
            if (r.conforms()) {
                out.println("conforms: the store satisfies every shape");
                return Main.OK;
            }
            out.println("does not conform: " + r.getEntries().size() + " violation(s)");
            r.getEntries().stream().limit(max).forEach((ReportEntry e) -> out.println("  " + e.focusNode()
                + (e.resultPath() == null ? "" : " " + e.resultPath()) + ": " + e.message()));
            return Main.FAILURE;
        }
    }
}
