package org.newskg.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newskg.article.Slugs;
import org.newskg.extract.coref.CorenlpCoref;

/**
 * Gives the persons of an article their entities: a known office holder by any spelling, a surname or lone name by
 * the article's full name it belongs to (else by the one office holder of that name in office that day), and he/she
 * (also CoreNLP's coreference chains, when {@code extract.coref} asks for them) by the nearest fitting person.
 *
 * <pre>{@code
 * persons.resolvePersons(all, sentences, date);
 * }</pre>
 */
final class PersonResolver {
    private static final Set<String> PRONOUNS = Set.of("he", "she", "him", "his", "her", "hers");

    private final Gazetteer gazetteer;

    PersonResolver(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /**
     * Gives every person mention its entity: a known office holder by any spelling of the full name,
     * a surname by the article's full name it belongs to (else by the one office holder of that
     * name in office on the article's date), anyone else by the slug of the full name.
     */
    void resolvePersons(List<LinkWork> all, List<CoreMap> sentences, LocalDate date) {
        List<LinkWork> persons = new ArrayList<>();
        for (LinkWork w : all) {
            if (w.tag.equals("PERSON")) {
                w.name = w.name == null ? null : fromCapitals(w.name);
                persons.add(w);
            }
        }
        Map<String, LinkWork> full = new LinkedHashMap<>();
        for (LinkWork w : persons) {
            if (words(w.name).length >= 2) {
                full.putIfAbsent(Slugs.slug(w.name), w);
            }
        }
        Map<String, Entity> minted = new HashMap<>();
        for (LinkWork w : persons) {
            String[] ws = words(w.name);
            LinkWork target = ws.length == 1 ? antecedent(w, ws[0], persons, full) : w;
            Entity e = target.entity != null ? target.entity : gazetteer.person(target.name);
            if (e == null && target == w && ws.length == 1) {
                e = gazetteer.personBySurname(ws[0], date);
            }
            if (e == null) {
                String slug = Slugs.slug(target.name);
                e = minted.computeIfAbsent(slug,
                    k -> Entity.minted(EntityLinker.ID + "person/" + k, Kind.PERSON, full.containsKey(k) ? full.get(k).name : target.name));
            }
            w.entity = e;
            if (target != w || ws.length == 1 && e.reference()) {
                w.via = "SURNAME";
            }
        }
    }

    /** With CoreNLP's coreference ({@code extract.coref}): an anaphor in a chain with a linked name is that name's entity. */
    static void addChainLinks(List<LinkWork> all, Annotation doc) {
        if (!CorenlpCoref.hasChains(doc)) {
            return;
        }
        List<CorenlpCoref.Linked> linked = all.stream().map(w -> new CorenlpCoref.Linked(w.sentence, w.start, w.end, w.entity)).toList();
        for (CorenlpCoref.Link l : CorenlpCoref.links(doc, linked)) {
            LinkWork w = new LinkWork(l.sentence(), l.token(), l.token() + 1, EntityLinker.tagOf(l.entity()), l.entity(), "COREF");
            w.name = l.entity().label();
            all.add(w);
        }
        all.sort((a, b) -> a.sentence != b.sentence ? Integer.compare(a.sentence, b.sentence) : Integer.compare(a.start, b.start));
    }

    /**
     * A lone proper noun the NER did not tag as a person ("Scholz and Xi held talks") is one, and is tagged so, when it
     * is the first or last word of a person's full name mentioned before it.
     */
    static void addLoneNames(List<LinkWork> all, List<CoreMap> sentences) {
        List<LinkWork> persons = all.stream().filter(w -> w.tag.equals("PERSON") && w.name != null && words(w.name).length >= 2).toList();
        List<LinkWork> added = new ArrayList<>();
        for (int si = 0; si < sentences.size(); si++) {
            List<CoreLabel> tokens = sentences.get(si).get(CoreAnnotations.TokensAnnotation.class);
            for (int t = 0; t < tokens.size(); t++) {
                if (!"NNP".equals(tokens.get(t).tag()) || t > 0 && tokens.get(t - 1).tag().startsWith("NNP")
                    || t + 1 < tokens.size() && tokens.get(t + 1).tag().startsWith("NNP") || covered(all, si, t)) {
                    continue;
                }
                LinkWork lone = new LinkWork(si, t, t + 1, "PERSON", null, "NER");
                String word = tokens.get(t).word();
                boolean named = persons.stream().anyMatch(p -> isBefore(p, lone)
                    && (words(p.name)[0].equals(word) || words(p.name)[words(p.name).length - 1].equals(word)));
                if (named) {
                    SemanticGraph graph = sentences.get(si).get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
                    lone.name = word;
                    lone.subject = graph != null && MentionSyntax.isSubject(graph, t, t + 1);
                    tokens.get(t).setNER("PERSON");
                    added.add(lone);
                }
            }
        }
        all.addAll(added);
        all.sort((a, b) -> a.sentence != b.sentence ? Integer.compare(a.sentence, b.sentence) : Integer.compare(a.start, b.start));
    }

    static boolean covered(List<LinkWork> all, int si, int t) {
        return all.stream().anyMatch(w -> w.sentence == si && w.start <= t && t < w.end);
    }

    /** A name written in capitals, as a transcript's speaker label ("MR MILLER"), as the name it is ("Miller"). */
    static String fromCapitals(String name) {
        if (!name.equals(name.toUpperCase(Locale.ROOT)) || !name.matches(".*[A-Z].*")) {
            return name;
        }
        List<String> out = new ArrayList<>();
        for (String w : name.split("\\s+")) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (out.isEmpty() && lower.matches("mr\\.?|ms\\.?|mrs\\.?|dr\\.?")) {
                continue;
            }
            out.add(lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        return out.isEmpty() ? name : String.join(" ", out);
    }

    /** The full-name mention a lone surname, family name or inner name refers to: the latest before it, else the first after. */
    static LinkWork antecedent(LinkWork w, String word, List<LinkWork> persons, Map<String, LinkWork> full) {
        LinkWork before = null;
        LinkWork after = null;
        for (LinkWork p : persons) {
            String[] ws = words(p.name);
            if (ws.length < 2 || !(ws[0].equals(word) || ws[ws.length - 1].equals(word) || middle(ws, word))) {
                continue;
            }
            if (isBefore(p, w)) {
                before = p;
            } else if (after == null) {
                after = p;
            }
        }
        LinkWork t = before != null ? before : after;
        return t == null ? w : full.getOrDefault(Slugs.slug(t.name), t);
    }

    /** Whether a capitalised inner word of a name of three words or more is this word ("Lula" in "Luiz Inacio Lula da Silva"). */
    static boolean middle(String[] ws, String word) {
        for (int i = 1; i < ws.length - 1; i++) {
            if (ws[i].equals(word) && Character.isUpperCase(word.charAt(0))) {
                return true;
            }
        }
        return false;
    }

    static boolean isBefore(LinkWork a, LinkWork b) {
        return a.sentence < b.sentence || (a.sentence == b.sentence && a.start < b.start);
    }

    /**
     * Resolves he/she/his/her to the nearest person: a subject before it in the sentence, else the latest subject person of the
     * last three sentences, else the latest person. Pronouns CoreNLP's coreference already linked are left as they are.
     */
    void addPronouns(List<LinkWork> all, List<CoreMap> sentences) {
        List<LinkWork> persons = new ArrayList<>();
        Set<String> chained = new HashSet<>();
        for (LinkWork w : all) {
            if (w.via.equals("COREF")) {
                chained.add(w.sentence + ":" + w.start);
            } else if (w.tag.equals("PERSON")) {
                persons.add(w);
            }
        }
        if (persons.isEmpty()) {
            return;
        }
        List<LinkWork> added = new ArrayList<>();
        for (int si = 0; si < sentences.size(); si++) {
            List<CoreLabel> tokens = sentences.get(si).get(CoreAnnotations.TokensAnnotation.class);
            for (int t = 0; t < tokens.size(); t++) {
                if (!PRONOUNS.contains(MentionSyntax.word(tokens.get(t))) || chained.contains(si + ":" + t)) {
                    continue;
                }
                LinkWork pronoun = new LinkWork(si, t, t + 1, "PERSON", null, "PRONOUN");
                LinkWork chosen = fronted(tokens, t, persons, si);
                chosen = chosen != null ? chosen : antecedent(pronoun, persons);
                if (chosen != null && chosen.entity != null) {
                    pronoun.entity = chosen.entity;
                    pronoun.name = chosen.name;
                    added.add(pronoun);
                }
            }
        }
        all.addAll(added);
        all.sort((a, b) -> a.sentence != b.sentence ? Integer.compare(a.sentence, b.sentence) : Integer.compare(a.start, b.start));
    }

    /** "During his visit, Biden said": a pronoun in an opening prepositional phrase refers ahead to the subject person after its comma. */
    static LinkWork fronted(List<CoreLabel> tokens, int t, List<LinkWork> persons, int si) {
        if (!"IN".equals(tokens.get(0).tag())) {
            return null;
        }
        int comma = 0;
        while (comma < tokens.size() && !tokens.get(comma).word().equals(",")) {
            comma++;
        }
        for (LinkWork p : persons) {
            if (comma > t && comma < tokens.size() && p.sentence == si && p.subject && p.start > comma && p.entity != null) {
                return p;
            }
        }
        return null;
    }

    /** A subject person earlier in the sentence, else the first subject person of the nearest of the three sentences before, else the latest person. */
    static LinkWork antecedent(LinkWork pronoun, List<LinkWork> persons) {
        LinkWork sameSentenceSubject = null;
        LinkWork earlierSubject = null;
        LinkWork latest = null;
        for (LinkWork p : persons) {
            if (!isBefore(p, pronoun) || p.sentence < pronoun.sentence - 3 || p.entity == null) {
                continue;
            }
            latest = p;
            if (p.subject && p.sentence == pronoun.sentence) {
                sameSentenceSubject = p;
            } else if (p.subject && (earlierSubject == null || p.sentence > earlierSubject.sentence)) {
                earlierSubject = p;
            }
        }
        return sameSentenceSubject != null ? sameSentenceSubject : earlierSubject != null ? earlierSubject : latest;
    }

    static String[] words(String name) {
        return name.split("[\\s\\-]+");
    }
}
