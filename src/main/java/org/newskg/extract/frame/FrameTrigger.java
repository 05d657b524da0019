package org.newskg.extract.frame;

import edu.stanford.nlp.ling.IndexedWord;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newskg.extract.EventType;

/**
 * One trigger entry of a frame: the lemmas that evoke the event as a verb, a noun or a predicative adjective, the argument paths of each role
 * (alternatives, shared variables already expanded), the paths of which one must lead somewhere ({@code when}) or none
 * may ({@code unless}), an optional statement kind, and the example sentences the tests run.
 *
 * @param type     the event type of its frame
 * @param where    "contacts.yml#3", for messages and tests
 * @param lemmas   lower-case lemmas
 * @param pos      the tag prefix of its words: NN for event nouns, VB for verbs, JJ for predicative adjectives
 *                 ("is attributable to X"), which take their arguments as verbs do
 * @param args     role name to its argument paths, in order of preference
 * @param when     context that must be present (empty: none needed)
 * @param unless   context that must be absent
 * @param kind     the statement kind this trigger gives, or null
 * @param examples sentences this trigger must match
 */
public record FrameTrigger(EventType type, String where, Set<String> lemmas, String pos, Map<String, List<DepPath>> args,
                           List<DepPath> when, List<DepPath> unless, String kind, List<String> examples) {

    /** Whether a word is this trigger: its lemma is listed and its part of speech fits. */
    public boolean evokedBy(IndexedWord w) {
        String tag = w.tag();
        String lemma = w.lemma();
        if (tag == null || lemma == null) {
            return false;
        }
        return tag.startsWith(pos) && lemmas.contains(lemma.toLowerCase(Locale.ROOT));
    }

    /** Whether this trigger is an event noun, which takes roles from the verb that governs it. */
    public boolean noun() {
        return "NN".equals(pos);
    }
}
