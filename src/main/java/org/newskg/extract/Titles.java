package org.newskg.extract;

import java.util.List;
import java.util.Locale;

/**
 * A bare title as the person who holds it: "the Secretary" or "the minister" is the one person the article gives a post
 * whose title has that word.
 *
 * <pre>{@code
 * Entity who = Titles.holder("Secretary", posts);   // the article's Secretary of State, if it has one
 * }</pre>
 */
final class Titles {
    private Titles() {}

    /**
     * "The Secretary said", "the minister added": a bare one-word title is the one person the article gives a post whose
     * title has that word ("Secretary of State", "Foreign Minister"), never a deputy's; none when two persons fit.
     */
    static Entity holder(String word, List<PostFact> posts) {
        Entity found = null;
        for (PostFact p : posts) {
            String title = p.role() == null ? "" : p.role().label().toLowerCase(Locale.ROOT);
            boolean fits = List.of(title.split(" ")).contains(word.toLowerCase(Locale.ROOT))
                && !title.startsWith("vice ") && !title.startsWith("deputy ");
            if (fits && found != null && !found.equals(p.person())) {
                return null;
            }
            found = fits ? p.person() : found;
        }
        return found;
    }
}
