package org.newskg.extract.frame;

import edu.stanford.nlp.ling.IndexedWord;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newskg.extract.EventType;

/**
 * One trigger entry of a frame: the lemmas that evoke the event as a verb or as a noun, the argument paths of each role
 * (alternatives, shared variables already expanded), the paths of which one must lead somewhere ({@code when}) or none
 * may ({@code unless}), an optional statement kind, and the example sentences the tests run.
 *
 * @param type     the event type of its frame
 * @param where    "contacts.yml#3", for messages and tests
 * @param lemmas   lower-case lemmas
 * @param noun     true for event nouns (tags NN*), false for verbs (VB*)
 * @param args     role name to its argument paths, in order of preference
 * @param when     context that must be present (empty: none needed)
 * @param unless   context that must be absent
 * @param kind     the statement kind this trigger gives, or null
 * @param examples sentences this trigger must match
 */
public record FrameTrigger(EventType type, String where, Set<String> lemmas, boolean noun, Map<String, List<DepPath>> args,
                           List<DepPath> when, List<DepPath> unless, String kind, List<String> examples) {

    /** Whether a word is this trigger: its lemma is listed and its part of speech fits. */
    public boolean evokedBy(IndexedWord w) {
        String tag = w.tag();
        String lemma = w.lemma();
        if (tag == null || lemma == null) {
            return false;
        }
        boolean pos = noun ? tag.startsWith("NN") : tag.startsWith("VB");
        return pos && lemmas.contains(lemma.toLowerCase(Locale.ROOT));
    }
}
