package org.newskg.extract;

import java.util.List;
import java.util.Map;

/**
 * What a phrase may point back to: the last two states conjoined ("the two countries"), the last two persons
 * conjoined or met ("the two leaders"), the sides of the last agreement ("talks before the deal"), and the last
 * place named after each preposition ("at the site" points back to the last place named after "at"). The extractor
 * carries one from sentence to sentence ({@link ImplicitArguments#sidesAfter}, {@link ImplicitArguments#placesAfter}).
 */
record Antecedents(List<Entity> states, List<Entity> people, List<Entity> deal, Map<String, Entity> places) {
    static final Antecedents NONE = new Antecedents(List.of(), List.of(), List.of(), Map.of());

}
