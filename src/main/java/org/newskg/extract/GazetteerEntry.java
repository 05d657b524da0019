package org.newskg.extract;

/**
 * One surface form the gazetteer knows. {@code via} is NAME (a name or alias), DEMONYM ("Russian"),
 * METONYM (a capital or seat of power: {@code entity} is the state it stands for, {@code place}
 * the place itself), ROLE (a post title) or BODYKIND ("Foreign Ministry": {@code entity} is the kind).
 * ROLE and BODYKIND forms match case-insensitively, the others exactly.
 */
public record GazetteerEntry(String surface, String via, Entity entity, Entity place) {
    /** Whether the form matches regardless of case. */
    public boolean ignoreCase() {
        return via.equals("ROLE") || via.equals("BODYKIND");
    }
}
