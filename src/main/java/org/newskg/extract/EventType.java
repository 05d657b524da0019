package org.newskg.extract;

import java.util.Locale;

/** The kinds of event newskg extracts, each with its frame file. */
public enum EventType {
    VISIT("visits"), CONTACT("contacts"), DEPLOYMENT("deployments"), TRANSFER("transfers"),
    AGREEMENT("agreements"), STATEMENT("statements");

    private final String plural;

    EventType(String plural) {
        this.plural = plural;
    }

    /** The lower-case name used in IRIs: "visit". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The plural used in file and query names: "visits". */
    public String plural() {
        return plural;
    }

    /** The type whose plural a file name starts with ("contacts.semgrex" is CONTACT), or null. */
    public static EventType ofFile(String file) {
        for (EventType t : values()) {
            if (file.startsWith(t.plural + ".")) {
                return t;
            }
        }
        return null;
    }
}
