package org.newskg.serve;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.sparql.core.DatasetGraph;
import org.newskg.store.Sparql;

/**
 * Completion over entity names for the analyst page's search box. The names are read once from
 * the statistics graph (label, kind, article count) and the reference graph (other names) with
 * {@code newskg/sparql/ui-names.rq}, and read again on the first search after {@link #invalidate()}
 * (a live ingest calls it). A query matches a name when each of its words begins a word of the
 * name, ignoring case and diacritics ("lav" and "sergei l" find Sergei Lavrov, "dprk" finds North
 * Korea through its other name). Matches of the label's start come first, then other label
 * matches, then other names; within each, entities named in more articles come first.
 *
 * <pre>{@code
 * EntityNames names = new EntityNames(store.dataset());
 * List<EntityNames.Match> top = names.search("lav", 10);
 * }</pre>
 */
final class EntityNames {
    /** An entity found by a search: its IRI, label, kind, article count and the name that matched. */
    record Match(String iri, String label, String type, long articles, String matched) {}

    private record Entry(String iri, String label, String type, long articles, List<String> names, List<List<String>> words) {}

    private final DatasetGraph dsg;
    private List<Entry> entries;

    EntityNames(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    /** Forgets the names read so far: the next search reads them again. */
    synchronized void invalidate() {
        entries = null;
    }

    private synchronized List<Entry> entries() {
        if (entries == null) {
            Map<String, Entry> byIri = new LinkedHashMap<>();
            for (Map<String, String> row : Sparql.select(dsg, Sparql.resource("ui-names.rq"))) {
                Entry e = byIri.computeIfAbsent(row.get("entity"), iri -> new Entry(iri, row.get("label"), row.get("type"),
                    Long.parseLong(row.get("articles")), new ArrayList<>(), new ArrayList<>()));
                add(e, row.get("label"));
                add(e, row.get("alias"));
            }
            entries = List.copyOf(byIri.values());
        }
        return entries;
    }

    private static void add(Entry e, String name) {
        if (!name.isEmpty() && !e.names().contains(name)) {
            e.names().add(name);
            e.words().add(words(name));
        }
    }

    /** Up to {@code limit} entities whose names match {@code query}, best first; none for a blank query. */
    List<Match> search(String query, int limit) {
        List<String> terms = words(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        String whole = fold(query).strip();
        record Scored(Match match, int rank) {}
        List<Scored> found = new ArrayList<>();
        for (Entry e : entries()) {
            for (int i = 0; i < e.names().size(); i++) {
                if (matches(e.words().get(i), terms)) {
                    int rank = i > 0 ? 2 : fold(e.label()).startsWith(whole) ? 0 : 1;
                    found.add(new Scored(new Match(e.iri(), e.label(), e.type(), e.articles(), e.names().get(i)), rank));
                    break;
                }
            }
        }
        return found.stream()
            .sorted(Comparator.comparingInt(Scored::rank)
                .thenComparing(s -> -s.match().articles())
                .thenComparing(s -> s.match().label()))
            .limit(limit).map(Scored::match).toList();
    }

    /** The entities whose label is exactly {@code label} (usually one). */
    List<Match> lookup(String label) {
        return entries().stream().filter(e -> e.label().equals(label))
            .map(e -> new Match(e.iri(), e.label(), e.type(), e.articles(), e.label())).toList();
    }

    /** The most mentioned entities, most articles first. */
    List<Match> top(int limit) {
        return entries().stream()
            .sorted(Comparator.comparingLong(Entry::articles).reversed().thenComparing(Entry::label))
            .limit(limit).map(e -> new Match(e.iri(), e.label(), e.type(), e.articles(), e.label())).toList();
    }

    private static boolean matches(List<String> nameWords, List<String> terms) {
        for (String t : terms) {
            if (nameWords.stream().noneMatch(w -> w.startsWith(t))) {
                return false;
            }
        }
        return true;
    }

    /** Lower case without diacritics: "Erdoğan" becomes "erdogan". */
    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    /** The words of a name, folded: letters and digits, split at everything else. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : fold(s).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
