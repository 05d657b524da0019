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
                        Factuality factuality, List<Span> evidence) {}
