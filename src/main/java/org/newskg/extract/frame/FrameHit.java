package org.newskg.extract.frame;

import edu.stanford.nlp.ling.IndexedWord;
import java.util.Map;
import java.util.Set;

/**
 * A frame trigger matched in one sentence, before its role words are resolved to entities.
 *
 * @param frame   the frame
 * @param trigger the trigger entry
 * @param word    the trigger word
 * @param nodes   role name to the words found for it
 * @param host    the verb an event noun shares its arguments with, or null
 * @param timed   whether the host's date is the event's when the noun has none of its own
 */
public record FrameHit(Frame frame, FrameTrigger trigger, IndexedWord word, Map<String, Set<IndexedWord>> nodes, IndexedWord host,
                       boolean timed) {}
