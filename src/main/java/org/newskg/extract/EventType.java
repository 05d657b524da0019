package org.newskg.extract;

import java.util.Locale;

/** The kinds of event newskg extracts, each with its rule file. */
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

    /** The Semgrex rule file of this type: "visits.semgrex". */
    public String ruleFile() {
        return plural + ".semgrex";
    }
}
