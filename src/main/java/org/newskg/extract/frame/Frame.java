package org.newskg.extract.frame;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newskg.extract.EventType;

/**
 * An event frame as its file states it: the event type, the triggers that evoke it, what an event noun takes from the
 * verb that governs it ({@code hosted}: "X held talks with Y" gives the talks X as agent and Y as participant), and the
 * roles a verb without its own subject takes from the clause it depends on ({@code climb}: "after meeting Y, X said"),
 * and the roles without which a match is no event ({@code require}: a deployment needs its forces).
 *
 * @param type         the event type
 * @param file         the frame file name
 * @param triggers     trigger entries in file order
 * @param require      roles every match must have found words for; "a|b" is either
 * @param hosted       role name to the paths from the host verb
 * @param climb        role name to the paths a verb lacking that role follows from its controller
 * @param occasionTime whether a noun takes its time from a verb it is only the occasion of (not for visits, dated by
 *                     their start: "on his trip to X, Y said on Tuesday")
 */
public record Frame(EventType type, String file, List<FrameTrigger> triggers, List<String> require,
                    Map<String, List<DepPath>> hosted, Map<String, List<DepPath>> climb, boolean occasionTime) {
    /** Whether a match's roles meet {@link #require}. */
    public boolean satisfied(Set<String> found) {
        for (String r : require) {
            boolean any = false;
            for (String alt : r.split("\\|")) {
                any |= found.contains(alt.strip());
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }
}
