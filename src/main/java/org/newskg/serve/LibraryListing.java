package org.newskg.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.newskg.query.LibraryQuery;
import org.newskg.rdf.ReferenceData;

/**
 * The query library as shipped in the jar ({@code newskg/queries/*.rq}, copied from {@code queries/}
 * by the build), for the analyst page's query editor, each as a {@link LibraryQuery} (name,
 * question, text, declared parameters). Also the prefixes predeclared for inline queries.
 *
 * <pre>{@code
 * for (LibraryQuery q : LibraryListing.queries()) System.out.println(q.name() + ": " + q.question());
 * }</pre>
 */
final class LibraryListing {
    private static final String DIR = "newskg/queries/";

    private LibraryListing() {}

    /** Every library query, by file name. */
    static List<LibraryQuery> queries() {
        List<LibraryQuery> out = new ArrayList<>();
        for (String name : names()) {
            out.add(LibraryQuery.library(name));
        }
        return out;
    }

    /** The {@code PREFIX} lines predeclared for inline queries ({@code newskg/sparql/prefixes.rq}). */
    static String prefixes() {
        String all = new String(ReferenceData.resource("/newskg/sparql/prefixes.rq"), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        all.lines().filter(l -> l.startsWith("PREFIX")).forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    private static List<String> names() {
        URL dir = LibraryListing.class.getClassLoader().getResource(DIR);
        if (dir == null) {
            throw new IllegalStateException("missing resource " + DIR + " (is the jar complete?)");
        }
        List<String> names = new ArrayList<>();
        try {
            if (dir.getProtocol().equals("jar")) {
                JarURLConnection c = (JarURLConnection) dir.openConnection();
                c.setUseCaches(false);
                try (JarFile jar = c.getJarFile()) {
                    Collections.list(jar.entries()).stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(DIR) && n.endsWith(".rq") && n.indexOf('/', DIR.length()) < 0)
                        .forEach(n -> names.add(n.substring(DIR.length())));
                }
            } else {
                try (Stream<Path> s = Files.list(Path.of(dir.toURI()))) {
                    s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq")).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + DIR, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
        Collections.sort(names);
        return names;
    }
}
