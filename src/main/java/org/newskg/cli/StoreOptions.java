package org.newskg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.newskg.config.Settings;
import org.newskg.store.NewsStore;
import picocli.CommandLine.Option;

/** Options every store command shares: the store, the settings file and verbosity. */
final class StoreOptions {
    @Option(names = "--store", paramLabel = "DIR", description = "TDB2 store directory (default: store.location in the settings, newskg-store)")
    Path store;

    @Option(names = "--settings", paramLabel = "FILE", description = "settings file overriding the defaults")
    Path settingsFile;

    @Option(names = "--verbose", description = "more log output and stack traces on errors")
    boolean verbose;

    /** The effective settings: defaults, then the file, then options. */
    Settings settings() {
        return load(settingsFile).with("store.location", store);
    }

    /** The defaults overridden by a settings file (null: none), refusing a file that is missing or unreadable. */
    static Settings load(Path settingsFile) {
        if (settingsFile != null && !Files.isRegularFile(settingsFile)) {
            throw new IllegalArgumentException("no such settings file: " + settingsFile);
        }
        try {
            return Settings.load(settingsFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read settings " + settingsFile + ": " + e.getMessage());
        }
    }

    /** Opens the store the settings name. */
    NewsStore open(Settings s) {
        return NewsStore.open(Path.of(s.get("store.location")));
    }

    /** Opens an existing store, refusing (and never creating) anything else where a read command expects data. */
    NewsStore openExisting(Settings s) {
        return NewsStore.openExisting(existingStoreDir(s));
    }

    /** Refuses an explicit {@code --store} next to an option that replaces it (such as {@code --server}). */
    void refuseStoreWith(String option) {
        if (store != null) {
            throw new IllegalArgumentException("give --store or " + option + ", not both");
        }
    }

    /** The directory of an existing store, refusing a missing one or one that holds no store. */
    Path existingStoreDir(Settings s) {
        Path p = Path.of(s.get("store.location"));
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("no store at " + p + " (run 'newskg ingest' first or pass --store)");
        }
        if (!NewsStore.isStore(p)) {
            throw new IllegalArgumentException(p + " is not a newskg store (no TDB2 database in it); "
                + "pass --store with the directory 'newskg ingest' wrote");
        }
        return p;
    }
}
