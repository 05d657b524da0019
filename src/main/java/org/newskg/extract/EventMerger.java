package org.newskg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The last stage of event extraction: one fact per event. Mentions with the same type, roles, item, kind and status
 * merge when their dates and counts agree, keeping the most specific date, count and topic and every evidence span; a
 * denial merges into the same event stated elsewhere, and an alleged event into the same event reported. An item
 * phrase distributed over conjoined modifiers becomes one fact per item first.
 *
 * <pre>{@code
 * List<EventFact> events = EventMerger.merge(found);
 * }</pre>
 */
final class EventMerger {
    private EventMerger() {}

    /** One fact per item when the item phrase was distributed over conjoined modifiers. */
    static List<EventFact> distributed(EventFact f) {
        if (f.item() == null || !f.item().contains(Phrases.ITEM_SEPARATOR)) {
            return List.of(f);
        }
        List<EventFact> out = new ArrayList<>();
        for (String item : f.item().split(Phrases.ITEM_SEPARATOR)) {
            out.add(new EventFact(f.type(), f.agents(), f.participants(), f.targets(), f.recipients(), f.destinations(), f.locations(),
                item, f.topic(), f.kind(), f.troops(), f.date(), f.factuality(), f.evidence()));
        }
        return out;
    }

    /**
     * One fact per event: mentions with the same type, roles, item, kind and status merge when their
     * dates and counts agree, keeping the most specific; a denial merges into the same event stated
     * elsewhere, and an alleged event into the same event reported.
     */
    static List<EventFact> merge(List<EventFact> facts) {
        List<EventFact> out = new ArrayList<>();
        for (EventFact f : facts) {
            boolean merged = false;
            for (int i = 0; i < out.size() && !merged; i++) {
                EventFact o = out.get(i);
                if (sameCore(o, f) && compatible(o, f)) {
                    out.set(i, combine(o, f));
                    merged = true;
                }
            }
            if (!merged) {
                out.add(f);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < out.size() && !changed; i++) {
                for (int j = 0; j < out.size() && !changed; j++) {
                    EventFact weak = out.get(i);
                    EventFact strong = out.get(j);
                    if (i != j && absorbs(strong.factuality(), weak.factuality()) && roleKey(strong).equals(roleKey(weak))
                        && compatible(strong, weak)) {
                        out.set(j, combine(strong, weak));
                        out.remove(i);
                        changed = true;
                    }
                }
            }
        }
        return out;
    }

    static boolean absorbs(Factuality stronger, Factuality weaker) {
        return weaker == Factuality.NEGATED && stronger != Factuality.NEGATED
            || weaker == Factuality.ALLEGED && stronger == Factuality.REPORTED;
    }

    /** What makes two mentions one event: type, roles, item and kind; where talks were held does not tell two apart. */
    static String roleKey(EventFact f) {
        String where = f.type() == EventType.CONTACT ? "" : iris(f.locations());
        return f.type() + "|" + iris(f.agents()) + "|" + iris(f.participants()) + "|" + iris(f.recipients()) + "|"
            + iris(f.destinations()) + "|" + where + "|" + normal(f.item()) + "|" + f.kind();
    }

    static boolean sameCore(EventFact a, EventFact b) {
        return roleKey(a).equals(roleKey(b)) && a.factuality() == b.factuality();
    }

    static boolean compatible(EventFact a, EventFact b) {
        boolean dates = a.date() == null || b.date() == null || a.date().contains(b.date()) || b.date().contains(a.date());
        boolean counts = a.troops() == null || b.troops() == null || a.troops().count() == b.troops().count();
        return dates && counts && sameTopic(a.topic(), b.topic());
    }

    private static final Set<String> PLAIN = Set.of("the", "a", "an", "new", "newly", "important", "this", "that",
        "its", "their", "signed", "landmark", "historic");

    /**
     * Whether two topics may name one agreement: unless each has words of its own beyond the head noun and they share
     * none of them ("shiprider agreement" and "Defense Cooperation Agreement" are two).
     */
    static boolean sameTopic(String a, String b) {
        if (a == null || b == null) {
            return true;
        }
        List<String> x = words(a);
        List<String> y = words(b);
        if (x.size() < 2 || y.size() < 2) {
            return true;
        }
        return x.subList(0, x.size() - 1).stream().anyMatch(y::contains) || y.subList(0, y.size() - 1).stream().anyMatch(x::contains);
    }

    private static List<String> words(String topic) {
        List<String> out = new ArrayList<>();
        for (String w : topic.toLowerCase(Locale.ROOT).split("[\\s-]+")) {
            if (!w.isEmpty() && !PLAIN.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    static EventFact combine(EventFact a, EventFact b) {
        EventDate date = b.date() != null && b.date().finerThan(a.date()) ? b.date() : a.date();
        TroopCount troops = a.troops() != null ? a.troops() : b.troops();
        String topic = a.topic() == null || b.topic() != null && b.topic().length() > a.topic().length() ? b.topic() : a.topic();
        List<Span> ev = new ArrayList<>(a.evidence());
        for (Span s : b.evidence()) {
            if (!ev.contains(s)) {
                ev.add(s);
            }
        }
        List<Entity> targets = new ArrayList<>(a.targets());
        b.targets().stream().filter(t -> !targets.contains(t)).forEach(targets::add);
        return new EventFact(a.type(), a.agents(), a.participants(), List.copyOf(targets), a.recipients(), a.destinations(),
            a.locations().isEmpty() ? b.locations() : a.locations(), a.item(), topic, a.kind(), troops, date, a.factuality(), List.copyOf(ev));
    }

    static String iris(List<Entity> es) {
        return String.join(",", es.stream().map(Entity::iri).sorted().toList());
    }

    static String normal(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
