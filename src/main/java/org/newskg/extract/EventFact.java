package org.newskg.extract;

import java.util.List;

/**
 * An event as a fact: its type, the entities in each role, the item or topic as written (head noun
 * phrase), the statement kind, a troop count, a date, how the article presents it, and every span
 * that states it. Empty lists and nulls mean the text does not give the value.
 */
public record EventFact(EventType type, List<Entity> agents, List<Entity> participants, List<Entity> targets,
                        List<Entity> recipients, List<Entity> destinations, List<Entity> locations,
                        String item, String topic, String kind, TroopCount troops, EventDate date,
                        Factuality factuality, List<Span> evidence) {

    /** The same event with another date. */
    public EventFact withDate(EventDate when) {
        return new EventFact(type, agents, participants, targets, recipients, destinations, locations, item, topic, kind,
            troops, when, factuality, evidence);
    }

    /** The same event with other sides (agents and participants). */
    public EventFact withSides(List<Entity> doers, List<Entity> others) {
        return new EventFact(type, doers, others, targets, recipients, destinations, locations, item, topic, kind,
            troops, date, factuality, evidence);
    }

    /** The same event with other destinations. */
    public EventFact withDestinations(List<Entity> places) {
        return new EventFact(type, agents, participants, targets, recipients, places, locations, item, topic, kind,
            troops, date, factuality, evidence);
    }
}
