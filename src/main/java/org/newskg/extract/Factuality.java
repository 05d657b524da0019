package org.newskg.extract;

import java.util.Locale;

/** How the article presents a fact: asserted, alleged, possible or negated. */
public enum Factuality {
    REPORTED, ALLEGED, POSSIBLE, NEGATED;

    /** The lower-case name used in IRIs and query results. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
