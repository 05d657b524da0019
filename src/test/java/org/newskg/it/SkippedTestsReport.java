package org.newskg.it;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says at the end of a test run which tests did not run and why, so that a missing
 * interoperability client (rdflib, Oxigraph, Chromium, ...) is never skipped quietly. Registered
 * for every test run through {@code META-INF/services}; prints nothing when every test ran. Under
 * CI the interoperability tests fail instead of skipping ({@code InteropIT.require}).
 *
 * <pre>{@code
 * newskg: 2 tests did not run:
 *   InteropIT.rdflibLoadsTheExportAndAnswersTheLibraryLikeNewskg(): python3-rdflib is not installed
 * }</pre>
 */
public final class SkippedTestsReport implements TestExecutionListener {
    private final List<String> skipped = new ArrayList<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        skipped.add(name(test) + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            String why = result.getThrowable().map(Throwable::getMessage).orElse("aborted");
            skipped.add(name(test) + ": " + why.replaceFirst("^Assumption failed: ", ""));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (skipped.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("\nnewskg: " + skipped.size() + " test(s) did not run:\n");
        skipped.forEach(s -> sb.append("  ").append(s).append('\n'));
        sb.append("Install what they need as .ci/run does (apt-get install raptor2-utils python3-sparqlwrapper "
            + "python3-rdflib chromium; npm ci in src/test/ui and src/test/interop).\n");
        System.out.print(sb);
        System.out.flush();
    }

    private static String name(TestIdentifier test) {
        String id = test.getUniqueId();
        int cls = id.indexOf("[class:");
        String className = cls < 0 ? "" : id.substring(cls + 7, id.indexOf(']', cls));
        return className.substring(className.lastIndexOf('.') + 1) + "." + test.getDisplayName();
    }
}
