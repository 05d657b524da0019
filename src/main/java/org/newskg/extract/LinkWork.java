package org.newskg.extract;

/**
 * A mention while it is being linked: tokens {@code [start, end)} of sentence {@code sentence} (0-based), its tag
 * (STATE, DEMONYM, METONYM, ORG, BODY, PERSON, ROLE, PLACE), its entity, how it was found, a person's name as written,
 * and whether it is a subject. The linking stages ({@link EntityLinker}, {@link NameFinder}, {@link PersonResolver})
 * fill it in; it becomes a {@link Mention} at the end.
 */
final class LinkWork {
    final int sentence;
    int start;
    int end;
    String tag;
    Entity entity;
    String via;
    String name;
    boolean subject;

    LinkWork(int sentence, int start, int end, String tag, Entity entity, String via) {
        this.sentence = sentence;
        this.start = start;
        this.end = end;
        this.tag = tag;
        this.entity = entity;
        this.via = via;
    }
}
