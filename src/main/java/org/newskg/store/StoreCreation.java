package org.newskg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Creates a new TDB2 database so that a crash never leaves half of one: the database is made in a hidden sibling
 * directory, committed once, released, and its {@code Data-NNNN} generation then moved into place with one atomic
 * rename. A process killed while creating leaves either no database (the next run starts again, removing what the
 * killed one left) or a whole one; never files that TDB2 cannot open ("No known block type").
 *
 * <pre>{@code
 * StoreCreation.create(Path.of("newskg-store"));   // the directory is missing or empty
 * }</pre>
 */
final class StoreCreation {
    private StoreCreation() {}

    /** Creates a database in {@code location}, which must be missing or empty. */
    static void create(Path location) throws IOException {
        Path parent = location.toAbsolutePath().getParent();
        String prefix = "." + location.getFileName() + ".creating-";
        try (Stream<Path> s = Files.list(parent)) {
            for (Path stale : s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                deleteTree(stale);
            }
        }
        Path tmp = parent.resolve(prefix + ProcessHandle.current().pid());
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(tmp.toString());
        Txn.executeWrite(dsg, () -> { });
        TDBInternal.expel(dsg);
        Files.createDirectories(location);
        List<Path> parts;
        try (Stream<Path> s = Files.list(tmp)) {
            // The generation directory first: once it is in place the store is whole; the rest TDB2 remakes.
            parts = s.sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().startsWith("Data-"))).toList();
        }
        for (Path p : parts) {
            Files.move(p, location.resolve(p.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
        deleteTree(tmp);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
