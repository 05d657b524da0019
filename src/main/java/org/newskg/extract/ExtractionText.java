package org.newskg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An extraction as plain text, one line per fact, for people checking what newskg reads in an article before storing
 * it: posts, then events by sentence, each with its type, roles, item, topic or kind, count, date and status.
 *
 * <pre>{@code
 * for (String line : ExtractionText.lines(extraction)) { System.out.println(line); }
 * }</pre>
 */
public final class ExtractionText {
    private ExtractionText() {}

    /** The facts of an extraction, one line each. */
    public static List<String> lines(ArticleExtraction x) {
        List<String> out = new ArrayList<>();
        for (PostFact p : x.posts()) {
            out.add("post       " + p.person().label() + " | " + (p.role() == null ? "" : p.role().label()) + " | "
                + (p.org() == null ? "" : p.org().label()) + "   [s" + p.evidence().get(0).sentence() + "]");
        }
        for (EventFact e : x.events()) {
            StringBuilder sb = new StringBuilder(String.format("%-10s ", e.type().id()));
            role(sb, "agent", e.agents());
            role(sb, "participant", e.participants());
            role(sb, "target", e.targets());
            role(sb, "recipient", e.recipients());
            role(sb, "destination", e.destinations());
            role(sb, "location", e.locations());
            value(sb, "item", e.item());
            value(sb, "topic", e.topic());
            value(sb, "kind", e.kind());
            value(sb, "troops", e.troops() == null ? null : (e.troops().approximate() ? "~" : "") + e.troops().count());
            value(sb, "date", e.date() == null ? null : e.date().value());
            sb.append(e.factuality().id()).append("   [")
                .append(e.evidence().stream().map(s -> "s" + s.sentence()).distinct().collect(Collectors.joining(","))).append(']');
            out.add(sb.toString());
        }
        return out;
    }

    private static void role(StringBuilder sb, String name, List<Entity> es) {
        if (!es.isEmpty()) {
            sb.append(name).append('=').append(es.stream().map(Entity::label).collect(Collectors.joining(" + "))).append("  ");
        }
    }

    private static void value(StringBuilder sb, String name, String v) {
        if (v != null) {
            sb.append(name).append("='").append(v).append("'  ");
        }
    }
}
