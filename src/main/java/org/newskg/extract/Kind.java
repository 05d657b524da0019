package org.newskg.extract;

/** What an entity is; each maps to one ontology class. */
public enum Kind {
    STATE, ORGANIZATION, GOVERNMENT_BODY, PERSON, PLACE, ROLE
}
