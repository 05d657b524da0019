package org.newskg.extract;

import java.util.List;

/**
 * Decides how an article presents an event from the cue words around its trigger, nearest first:
 * the trigger's own negation, allegation adverbs and modals, then each governing word up the parse
 * ("accused X of sending", "plans to deploy", "refused to supply"). The first cue decides;
 * a neutral reporting verb ("said") ends the search with {@link Factuality#REPORTED}.
 *
 * <pre>{@code
 * Factuality f = new FactualityRules(cues).decide(List.of("would", "say")); // POSSIBLE
 * }</pre>
 */
public final class FactualityRules {
    private final Cues cues;

    public FactualityRules(Cues cues) {
        this.cues = cues;
    }

    /** The factuality given cue words (lemmas, lower case) ordered from the trigger outwards. */
    public Factuality decide(List<String> around) {
        for (String w : around) {
            if (cues.has("NEGATION", w)) {
                return Factuality.NEGATED;
            }
            if (cues.has("ALLEGATION", w)) {
                return Factuality.ALLEGED;
            }
            if (cues.has("HEDGE", w) || cues.has("PROMISE", w)) {
                return Factuality.POSSIBLE;
            }
            if (cues.has("REPORTING", w)) {
                return Factuality.REPORTED;
            }
        }
        return Factuality.REPORTED;
    }
}
