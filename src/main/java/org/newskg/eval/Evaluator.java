package org.newskg.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.newskg.article.Slugs;
import org.newskg.rdf.NKG;
import org.newskg.store.Sparql;

/**
 * Scores a store against gold annotations: for every {@code NAME.tsv} in the gold directory with a
 * {@code NAME.rq} in the query library, the query's rows are compared with the gold rows on the
 * columns both share (case and spacing ignored); the provenance columns ({@code ?article},
 * {@code ?published}, {@code ?source}, {@code ?url}) are never compared. When the query returns
 * {@code ?evidence} and the gold file has an {@code article} column, rows are matched per article
 * (the row's {@code ?article}, or for a query without one the article of its evidence sentence);
 * otherwise over the whole store. Gold files are tab-separated with a header line;
 * a gold cell may use any alternative name the store knows for an entity, and accents are ignored.
 * Free-text columns ({@code item}, {@code topic}) are descriptions, not names: two of them agree
 * when the head noun of one occurs among the words of the other ("treaty" and "mutual defence
 * treaty", "shells" and "artillery shells"), and each row matches at most one row of the other side.
 *
 * <pre>{@code
 * List<Score> scores = Evaluator.evaluate(store.dataset(), Path.of("data/gold"), Path.of("queries"));
 * }</pre>
 */
public final class Evaluator {
    /** Columns that describe rather than name, compared by head noun. */
    private static final Set<String> FREE_TEXT = Set.of("item", "topic");
    /** Columns that cite where a row comes from rather than state the fact: never compared. */
    private static final Set<String> PROVENANCE = Set.of("article", "published", "source", "url");
    private static final Set<String> PREPOSITIONS = Set.of("of", "on", "for", "to", "with", "in", "between", "among", "about", "from");

    private Evaluator() {}

    /** Scores every query that has a gold file, in name order. */
    public static List<Score> evaluate(DatasetGraph dsg, Path goldDir, Path queriesDir) throws IOException {
        if (!Files.isDirectory(goldDir)) {
            throw new IllegalArgumentException("no gold directory: " + goldDir);
        }
        List<Path> golds;
        try (Stream<Path> s = Files.list(goldDir)) {
            golds = s.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
        Map<String, Set<String>> articlesOf = null;
        Map<String, String> aliases = aliases(dsg);
        List<Score> scores = new ArrayList<>();
        for (Path gold : golds) {
            String name = gold.getFileName().toString().replaceFirst("\\.tsv$", "");
            Path rq = queriesDir.resolve(name + ".rq");
            if (!Files.isRegularFile(rq)) {
                continue;
            }
            Query q = Sparql.parse(rq.toString());
            List<String> header = List.of(readLines(gold).get(0).split("\t", -1));
            boolean perArticle = q.getResultVars().contains("evidence") && header.contains("article");
            boolean rowArticle = q.getResultVars().contains("article");
            if (perArticle && !rowArticle && articlesOf == null) {
                articlesOf = sentenceArticles(dsg);
            }
            List<String> keys = new ArrayList<>();
            for (String h : header) {
                if (q.getResultVars().contains(h) && !h.equals("evidence") && !PROVENANCE.contains(h)) {
                    keys.add(h);
                }
            }
            Set<String> expected = goldRows(gold, header, keys, perArticle, aliases);
            Set<String> actual = new LinkedHashSet<>();
            Map<String, String> evidence = new HashMap<>();
            for (Map<String, String> row : Sparql.select(dsg, q)) {
                String tuple = tuple(keys, row);
                Set<String> places = !perArticle ? Set.of("")
                    : rowArticle ? Set.of(articleId(row.get("article")))
                    : articlesOf.getOrDefault(row.get("evidence"), Set.of());
                for (String a : places) {
                    String r = perArticle ? a + " | " + tuple : tuple;
                    actual.add(r);
                    if (row.get("evidence") != null) {
                        evidence.putIfAbsent(r, row.get("evidence"));
                    }
                }
            }
            Score sc = score(name, perArticle, keys, expected, actual);
            Map<String, String> shown = new java.util.TreeMap<>();
            sc.falsePositives().forEach(r -> shown.put(r, evidence.getOrDefault(r, "")));
            scores.add(sc.withEvidence(shown));
        }
        return scores;
    }

    /** The article id of an article IRI (the id names the article's graph). */
    private static String articleId(String iri) {
        return iri.startsWith(NKG.ARTICLE) ? iri.substring(NKG.ARTICLE.length()) : iri;
    }

    /**
     * Matches predicted rows to gold rows one to one: exactly, then with agreeing free-text cells, then (for queries with
     * a date) a predicted row with no date to a gold row that has one, which finds the fact but misses its date. A
     * wrong date is a wrong fact. Each miss left is put down to the one cell in which some unmatched prediction differs
     * from it (date, status, an actor or place, a value), else to nothing predicted ("absent").
     */
    static Score score(String name, boolean perArticle, List<String> keys, Set<String> expected, Set<String> actual) {
        Set<String> fp = new TreeSet<>(actual);
        fp.removeAll(expected);
        Set<String> fn = new TreeSet<>(expected);
        fn.removeAll(actual);
        List<Integer> free = freeColumns(keys, perArticle);
        int dateCol = keys.indexOf("date") < 0 ? -1 : keys.indexOf("date") + (perArticle ? 1 : 0);
        int datedGold = 0;
        int datedRight = 0;
        for (String row : actual) {
            if (expected.contains(row) && dateCol >= 0 && !cells(row)[dateCol].isEmpty()) {
                datedGold++;
                datedRight++;
            }
        }
        for (String[] pair : pairs(fp, fn, free, -1)) {
            if (dateCol >= 0 && !cells(pair[1])[dateCol].isEmpty()) {
                datedGold++;
                datedRight++;
            }
        }
        int undated = dateCol < 0 ? 0 : pairs(fp, fn, free, dateCol).size();
        datedGold += undated;
        int tp = actual.size() - fp.size();
        Map<String, Integer> causes = new java.util.TreeMap<>();
        for (String missed : fn) {
            causes.merge(cause(missed, fp, keys, perArticle, free), 1, Integer::sum);
        }
        return new Score(name, perArticle, tp, List.copyOf(fp), List.copyOf(fn), datedGold, datedRight, causes, Map.of());
    }

    /** The column kind in which the nearest unmatched prediction differs from a missed gold row. */
    private static String cause(String missed, Set<String> fp, List<String> keys, boolean perArticle, List<Integer> free) {
        String[] m = cells(missed);
        String best = "absent";
        for (String predicted : fp) {
            String[] p = cells(predicted);
            if (p.length != m.length || perArticle && !p[0].equals(m[0])) {
                continue;
            }
            int differs = -1;
            int count = 0;
            for (int i = 0; i < p.length; i++) {
                boolean same = free.contains(i) ? headsAgree(p[i], m[i]) : p[i].equals(m[i]);
                if (!same) {
                    differs = i;
                    count++;
                }
            }
            if (count == 1) {
                String col = keys.get(differs - (perArticle ? 1 : 0));
                return switch (col) {
                    case "date" -> "wrong-date";
                    case "status" -> "wrong-status";
                    case "item", "topic", "kind", "troops" -> "wrong-" + col;
                    default -> "wrong-role";
                };
            }
        }
        return best;
    }

    private static String[] cells(String row) {
        return row.split(" \\| ", -1);
    }

    /** Positions (in a row's " | "-separated cells) of the free-text columns, counting the article cell. */
    private static List<Integer> freeColumns(List<String> keys, boolean perArticle) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (FREE_TEXT.contains(keys.get(i))) {
                out.add(i + (perArticle ? 1 : 0));
            }
        }
        return out;
    }

    /**
     * Removes from both sides each false positive and miss that agree (free-text cells by head noun), one to one, and
     * returns the pairs (prediction, gold). With {@code undatedAt} set, a prediction must have an empty cell there where
     * the gold row has a date, and that cell is not compared.
     */
    private static List<String[]> pairs(Set<String> fp, Set<String> fn, List<Integer> free, int undatedAt) {
        List<String[]> out = new ArrayList<>();
        if (free.isEmpty() && undatedAt < 0) {
            return out;
        }
        for (String predicted : List.copyOf(fp)) {
            String[] p = cells(predicted);
            for (String missed : fn) {
                String[] m = cells(missed);
                boolean undated = undatedAt < 0 || p.length == m.length && p[undatedAt].isEmpty() && !m[undatedAt].isEmpty();
                if (undated && agrees(p, m, free, undatedAt)) {
                    fp.remove(predicted);
                    fn.remove(missed);
                    out.add(new String[] {predicted, missed});
                    break;
                }
            }
        }
        return out;
    }

    private static boolean agrees(String[] a, String[] b, List<Integer> free, int skip) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            boolean same = i == skip || (free.contains(i) ? headsAgree(a[i], b[i]) : a[i].equals(b[i]));
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** Two descriptions agree when the head noun of either is one of the other's words (plurals folded). */
    static boolean headsAgree(String a, String b) {
        List<String> wa = words(a);
        List<String> wb = words(b);
        if (wa.isEmpty() || wb.isEmpty()) {
            return wa.isEmpty() && wb.isEmpty();
        }
        return wb.contains(head(a)) || wa.contains(head(b));
    }

    /** The last word before the first preposition: "consensus on ending violence" has head "consensus". */
    private static String head(String phrase) {
        List<String> ws = words(phrase);
        int end = ws.size();
        for (int i = 1; i < ws.size(); i++) {
            if (PREPOSITIONS.contains(ws.get(i))) {
                end = i;
                break;
            }
        }
        return ws.get(end - 1);
    }

    private static List<String> words(String phrase) {
        List<String> out = new ArrayList<>();
        for (String w : normal(phrase).split("[\\s/]+")) {
            if (!w.isEmpty()) {
                out.add(w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w);
            }
        }
        return out;
    }

    private static Set<String> goldRows(Path gold, List<String> header, List<String> keys, boolean perArticle,
                                        Map<String, String> aliases) throws IOException {
        Set<String> rows = new LinkedHashSet<>();
        List<String> lines = readLines(gold);
        int articleCol = header.indexOf("article");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String cell = i < cells.length ? cells[i] : "";
                row.put(header.get(i), aliases.getOrDefault(normal(cell), cell));
            }
            String tuple = tuple(keys, row);
            rows.add(perArticle ? Slugs.slug(cells[articleCol]) + " | " + tuple : tuple);
        }
        return rows;
    }

    private static String tuple(List<String> keys, Map<String, String> row) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            sb.append(normal(row.getOrDefault(k, "")));
        }
        return sb.toString();
    }

    /** A cell as compared: accents dropped, lower case, single spaces, straight apostrophes. */
    static String normal(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").strip()
            .toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ");
    }

    /** Every alternative name of a labelled entity mapped to its label, so gold may use any known name. */
    private static Map<String, String> aliases(DatasetGraph dsg) {
        Map<String, String> out = new HashMap<>();
        Set<String> labels = new java.util.HashSet<>();
        List<Map<String, String>> rows = Sparql.select(dsg, Sparql.resource("aliases.rq"));
        rows.forEach(r -> labels.add(normal(r.get("label"))));
        for (Map<String, String> r : rows) {
            String alias = normal(r.get("alias"));
            if (!labels.contains(alias)) {
                out.putIfAbsent(alias, r.get("label"));
            }
        }
        return out;
    }

    private static Map<String, Set<String>> sentenceArticles(DatasetGraph dsg) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Map<String, String> row : Sparql.select(dsg, Sparql.resource("sentence-articles.rq"))) {
            out.computeIfAbsent(row.get("text"), k -> new TreeSet<>()).add(row.get("article"));
        }
        return out;
    }

    private static List<String> readLines(Path p) throws IOException {
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(p + ": empty gold file (it needs a header line)");
        }
        return lines;
    }

    private static String causes(Map<String, Integer> causes) {
        StringBuilder sb = new StringBuilder();
        causes.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }

    /** A report for people: one line per query (with date completeness and misses by cause), then the differences. */
    public static String report(List<Score> scores, boolean details) {
        StringBuilder sb = new StringBuilder(String.format("%-14s %6s %6s %6s %5s %5s %5s %7s  %s%n", "query", "P", "R", "F1", "TP", "FP",
            "FN", "dates", "misses by cause"));
        int dated = 0;
        int right = 0;
        for (Score s : scores) {
            String dates = s.datedFound() == 0 ? "" : String.format(Locale.ROOT, "%d/%d", s.datedRight(), s.datedFound());
            sb.append(String.format(Locale.ROOT, "%-14s %6.3f %6.3f %6.3f %5d %5d %5d %7s  %s%n", s.query(), s.precision(),
                s.recall(), s.f1(), s.truePositives(), s.falsePositives().size(), s.misses().size(), dates, causes(s.causes())));
            dated += s.datedFound();
            right += s.datedRight();
        }
        if (dated > 0) {
            sb.append(String.format(Locale.ROOT, "dates complete for %d of %d facts found whose gold has a date (%.3f)%n", right, dated,
                (double) right / dated));
        }
        if (details) {
            for (Score s : scores) {
                s.falsePositives().forEach(r -> {
                    sb.append(s.query()).append(" false positive: ").append(r).append('\n');
                    String ev = s.evidence().getOrDefault(r, "");
                    if (!ev.isEmpty()) {
                        sb.append("    evidence: ").append(ev.replace('\n', ' ')).append('\n');
                    }
                });
                s.misses().forEach(r -> sb.append(s.query()).append(" missed: ").append(r).append('\n'));
            }
        }
        return sb.toString();
    }
}
