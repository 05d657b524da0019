package org.newskg.extract;

/**
 * A real-world entity a mention resolves to: its IRI (the same in every article), kind and proper
 * name. {@code reference} is true for entities described in the reference graph, whose type and
 * label the article graph need not repeat; for a government body newskg minted itself,
 * {@code state} and {@code bodyKind} give its state and kind IRIs.
 */
public record Entity(String iri, Kind kind, String label, boolean reference, String state, String bodyKind) {
    /** A reference entity. */
    public static Entity known(String iri, Kind kind, String label) {
        return new Entity(iri, kind, label, true, null, null);
    }

    /** An entity minted from text. */
    public static Entity minted(String iri, Kind kind, String label) {
        return new Entity(iri, kind, label, false, null, null);
    }

    /** Whether the entity can hold or be the organisation of a post (a state or an organisation). */
    public boolean isOrganisational() {
        return kind == Kind.STATE || kind == Kind.ORGANIZATION || kind == Kind.GOVERNMENT_BODY;
    }
}
