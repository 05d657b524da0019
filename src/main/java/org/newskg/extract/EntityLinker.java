package org.newskg.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.newskg.article.Slugs;
import org.newskg.nlp.Cancellation;
import org.newskg.nlp.NkgAnnotations;

/**
 * Resolves every name in an annotated article to one entity node, the same across articles.
 *
 * <p>States, organisations, government bodies and post titles come from the {@link Gazetteer}
 * (reference data); a capital or seat of power stands for its state when it acts ("Pyongyang
 * said", "the Kremlin's view", "Moscow and Beijing agreed") and is a place when it is where
 * something happens ("arrived in Pyongyang"), decided on the dependency parse. "Russian Defence
 * Ministry" or "the foreign ministry of Iran" become that state's body, "the Japanese capital" that
 * state's capital. CoreNLP's NER adds persons,
 * other organisations and places. Persons get an IRI from their normalised full name; a surname
 * alone ("Lavrov", "Kim" for a family-name-first name, "Lula" inside a longer name) joins the full name mentioned in the
 * article, and he/she/his/her join the nearest fitting person (domain coreference, no coref model).
 *
 * <pre>{@code
 * LinkedDocument linked = new EntityLinker(gazetteer).link(annotation, article.text());
 * }</pre>
 */
public final class EntityLinker {
    private static final Set<String> LOCATIVE = Set.of("in", "to", "at", "from", "near", "into", "toward",
        "towards", "outside", "inside", "across", "around", "via", "through", "within", "on", "of",
        "over", "off", "past", "beyond", "throughout", "onto", "between");
    private static final Set<String> ACTOR_CASES = Set.of("by", "with", "against", "for", "on behalf of");
    private static final Set<String> PHYSICAL_VERBS = Set.of("visit", "reach", "enter", "leave", "attack", "strike",
        "bomb", "shell", "hit", "capture", "seize", "surround", "tour", "approach", "evacuate", "defend", "liberate",
        "fortify", "occupy", "encircle", "target", "raid", "storm", "besiege", "flee", "return");
    /** Verbs after which "for" names a destination ("left for Vienna", "headed for the capital"), not an actor. */
    private static final Set<String> DEPARTURE_VERBS = Set.of("leave", "depart", "head", "set", "sail", "fly", "bind");
    /** Nouns that make a name tagged as a person before them an organisation's ("the Wagner mercenary group"). */
    private static final Set<String> ORGANISATION_HEADS = Set.of("group", "company", "militia", "movement", "network",
        "organisation", "organization");
    private static final Set<String> PLACE_NER = Set.of("LOCATION", "CITY", "STATE_OR_PROVINCE", "COUNTRY");
    private static final Set<String> GEO_HEADS = Set.of("Strait", "Peninsula", "Sea", "Gulf", "Valley", "Region",
        "Oblast", "Province", "Border", "Coast", "Bay", "River", "Mountains", "Islands", "Island", "Desert", "Basin",
        "Corridor", "Square", "Cosmodrome", "Airport", "Airbase", "Base", "Port", "Bridge", "Dam", "Plateau", "Heights",
        "Strip", "Canal", "Lake", "Ocean", "Straits", "Archipelago", "Delta", "Shoal", "Reef", "Atoll", "Channel");
    /** Capitalised compass words that begin a geographic name built on a state's ("South China Sea"). */
    private static final Set<String> COMPASS = Set.of("North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western");
    private static final Set<String> REGION_WORDS = Set.of("region", "province", "oblast", "governorate", "district");
    private static final Set<String> NER_TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION", "CITY",
        "STATE_OR_PROVINCE", "COUNTRY");
    private static final Set<String> PRONOUNS = Set.of("he", "she", "him", "his", "her", "hers");
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "'s", "’s", "of", "and", "'", "’", ",", ".", "-");
    private static final Pattern HONORIFIC = Pattern.compile(
        "^(?:(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Adm|Sen|Rep|Sir|Dame|Prof|Prince|Princess|Sheikh|Shaikh|Mullah|Imam|Rev)\\.?\\s+)+");
    /** A middle initial ("Antony J. Blinken") or a generational suffix after a full name ("Carlito Galvez Jr.", "Lloyd Austin III"). */
    private static final Pattern INITIAL = Pattern.compile("(?<=\\S)\\s+[A-Z]\\.(?=\\s+\\S)");
    private static final Pattern SUFFIX = Pattern.compile("(?<=\\S\\s\\S{2,50}),?\\s+(?:Jr\\.?|Sr\\.?|II|III|IV)$");
    private static final Pattern POSSESSIVE = Pattern.compile("\\s*['’]s?$");
    private static final String ID = "https://w3id.org/newskg/id/";

    private final Gazetteer gazetteer;

    public EntityLinker(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** A mention while linking: tokens {@code [start, end)} of sentence {@code sentence} (0-based). */
    private static final class Work {
        final int sentence;
        int start;
        int end;
        String tag;
        Entity entity;
        String via;
        String name;
        boolean subject;

        Work(int sentence, int start, int end, String tag, Entity entity, String via) {
            this.sentence = sentence;
            this.start = start;
            this.end = end;
            this.tag = tag;
            this.entity = entity;
            this.via = via;
        }
    }

    /** Links the mentions of an annotated text published on {@code date} and tags its tokens for the rules. */
    public LinkedDocument link(Annotation doc, String text, LocalDate date) {
        return link(doc, text, date, new Cancellation());
    }

    /** As {@link #link(Annotation, String, LocalDate)}, checking for cancellation before each sentence. */
    public LinkedDocument link(Annotation doc, String text, LocalDate date, Cancellation cancel) {
        Offsets offsets = new Offsets(text);
        List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
        List<SentenceInfo> infos = new ArrayList<>();
        List<Work> all = new ArrayList<>();
        for (int si = 0; si < sentences.size(); si++) {
            cancel.check();
            CoreMap sentence = sentences.get(si);
            int b = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int e = sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            infos.add(new SentenceInfo(si + 1, offsets.cp(b), offsets.cp(e), text.substring(b, e)));
            all.addAll(linkSentence(si, sentence, text));
        }
        resolveAcronyms(all, sentences);
        addLoneNames(all, sentences);
        resolveRegionNames(all);
        resolvePersons(all, sentences, date);
        List<Mention> mentions = new ArrayList<>();
        for (Work w : all) {
            List<CoreLabel> tokens = sentences.get(w.sentence).get(CoreAnnotations.TokensAnnotation.class);
            int b = tokens.get(w.start).beginPosition();
            int e = tokens.get(w.end - 1).endPosition();
            for (int t = w.start; t < w.end; t++) {
                tokens.get(t).set(NkgAnnotations.KindAnnotation.class, w.tag);
                tokens.get(t).set(NkgAnnotations.MentionAnnotation.class, mentions.size());
            }
            mentions.add(new Mention(w.entity, offsets.span(w.sentence + 1, b, e), w.via));
        }
        return new LinkedDocument(doc, date, infos, mentions);
    }

    private List<Work> linkSentence(int si, CoreMap sentence, String text) {
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        int n = tokens.size();
        int[] begins = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            begins[i] = tokens.get(i).beginPosition();
            ends[i] = tokens.get(i).endPosition();
        }
        SemanticGraph graph = sentence.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
        Work[] at = new Work[n];
        List<Work> found = new ArrayList<>();
        for (Gazetteer.Match m : gazetteer.find(text, begins, ends)) {
            GazetteerEntry g = m.entry();
            Work w = switch (g.via()) {
                case "DEMONYM" -> new Work(si, m.start(), m.end(), "DEMONYM", g.entity(), "DEMONYM");
                case "METONYM" -> actsAsState(graph, tokens, m.start(), m.end())
                    ? new Work(si, m.start(), m.end(), "METONYM", g.entity(), "METONYM")
                    : new Work(si, m.start(), m.end(), "PLACE", g.place(), "NAME");
                case "ROLE" -> new Work(si, m.start(), m.end(), "ROLE", g.entity(), "ROLE");
                case "BODYKIND" -> new Work(si, m.start(), m.end(), "BODYKIND", g.entity(), "NAME");
                default -> new Work(si, m.start(), m.end(), tagOf(g.entity()), g.entity(), "NAME");
            };
            if (w.tag.equals("PERSON")) {
                w.name = g.entity().label();
            }
            found.add(w);
        }
        found = combineBodies(found, tokens);
        found = capitalsByDescription(found, tokens);
        for (Work w : found) {
            mark(at, w);
        }
        addNer(si, tokens, text, at, found);
        addAppositiveNames(si, tokens, text, at, found);
        found.removeIf(w -> w.tag.equals("BODYKIND"));
        found = extendPlaces(si, tokens, text, found);
        for (Work w : found) {
            w.subject = graph != null && isSubject(graph, w.start, w.end);
        }
        return found;
    }

    private static String tagOf(Entity e) {
        return switch (e.kind()) {
            case STATE -> "STATE";
            case GOVERNMENT_BODY -> "BODY";
            case PERSON -> "PERSON";
            case PLACE -> "PLACE";
            case ROLE -> "ROLE";
            default -> "ORG";
        };
    }

    /** "Russian Defence Ministry", "Iran's foreign ministry", "the foreign ministry of Iran": that state's body. */
    private List<Work> combineBodies(List<Work> found, List<CoreLabel> tokens) {
        List<Work> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Work w = found.get(i);
            if (!w.tag.equals("BODYKIND")) {
                out.add(w);
                continue;
            }
            Work state = null;
            int start = w.start;
            int end = w.end;
            if (!out.isEmpty()) {
                Work prev = out.get(out.size() - 1);
                int gap = w.start - prev.end;
                boolean possessive = gap == 1 && isPossessive(tokens.get(prev.end));
                if (isStateTag(prev.tag) && (gap == 0 || possessive)) {
                    state = prev;
                    start = prev.start;
                    out.remove(out.size() - 1);
                }
            }
            if (state == null && i + 1 < found.size()) {
                Work next = found.get(i + 1);
                int t = w.end;
                if (t < tokens.size() && word(tokens.get(t)).equals("of")) {
                    t++;
                    if (t < tokens.size() && word(tokens.get(t)).equals("the")) {
                        t++;
                    }
                    if (next.start == t && isStateTag(next.tag)) {
                        state = next;
                        end = next.end;
                        i++;
                    }
                }
            }
            if (state == null) {
                out.add(w);
                continue;
            }
            Work body = new Work(w.sentence, start, end, "BODY", body(state.entity, w.entity), "NAME");
            out.add(body);
        }
        return out;
    }

    /** "the Japanese capital", "Russia's capital": the state's capital as a place. */
    private List<Work> capitalsByDescription(List<Work> found, List<CoreLabel> tokens) {
        List<Work> out = new ArrayList<>();
        for (Work w : found) {
            int t = w.end;
            if (t < tokens.size() && isPossessive(tokens.get(t))) {
                t++;
            }
            Entity capital = (w.tag.equals("DEMONYM") || w.tag.equals("STATE")) && t < tokens.size()
                && tokens.get(t).word().equals("capital") ? gazetteer.capital(w.entity.iri()) : null;
            out.add(capital == null ? w : new Work(w.sentence, w.start, t + 1, "PLACE", capital, "NAME"));
        }
        return out;
    }

    private Entity body(Entity state, Entity kind) {
        String iso = state.iri().substring(state.iri().lastIndexOf('/') + 1);
        String kindSlug = kind.iri().substring(kind.iri().lastIndexOf('/') + 1);
        String iri = ID + "org/" + iso + "/" + kindSlug;
        Entity known = gazetteer.body(iri);
        if (known != null) {
            return known;
        }
        String adjective = gazetteer.adjective(state.iri());
        String label = (adjective != null ? adjective : state.label()) + " " + kind.label();
        return new Entity(iri, Kind.GOVERNMENT_BODY, label, false, state.iri(), kind.iri());
    }

    private static boolean isStateTag(String tag) {
        return tag.equals("STATE") || tag.equals("DEMONYM") || tag.equals("METONYM");
    }

    /** Adds NER mentions the gazetteer did not cover; a person or organisation name wins over a place name inside it. */
    private void addNer(int si, List<CoreLabel> tokens, String text, Work[] at, List<Work> found) {
        int i = 0;
        while (i < tokens.size()) {
            String ner = tokens.get(i).ner();
            if (ner == null || !NER_TYPES.contains(ner)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() && (sameClass(ner, tokens.get(j).ner())
                || (PLACE_NER.contains(ner) && word(tokens.get(j)).equals("of") && j + 1 < tokens.size()
                    && PLACE_NER.contains(tokens.get(j + 1).ner())))) {
                j++;
            }
            if (PLACE_NER.contains(ner)) {
                ner = "LOCATION";
            }
            int start = i;
            while (start < j && ((at[start] != null && at[start].tag.equals("ROLE"))
                || !Character.isUpperCase(tokens.get(start).originalText().codePointAt(0)))) {
                start++;
            }
            i = j;
            if (start >= j) {
                continue;
            }
            boolean overlaps = false;
            boolean uncoveredContent = false;
            Entity ofState = null;
            for (int t = start; t < j; t++) {
                if (at[t] != null && ofState == null && (at[t].tag.equals("STATE") || at[t].tag.equals("DEMONYM")) && at[t].entity != null) {
                    ofState = at[t].entity;
                }
                if (at[t] != null) {
                    overlaps = true;
                } else if (!FUNCTION_WORDS.contains(word(tokens.get(t)))) {
                    uncoveredContent = true;
                }
            }
            if (overlaps && (!uncoveredContent || !(ner.equals("PERSON") || ner.equals("ORGANIZATION"))
                || isPrefixedName(tokens, at, start, j))) {
                continue;
            }
            if (overlaps) {
                for (int t = start; t < j; t++) {
                    if (at[t] != null) {
                        if (at[t].tag.equals("ROLE")) {
                            overlaps = false;
                            break;
                        }
                    }
                }
                if (!overlaps) {
                    continue;
                }
                for (int t = start; t < j; t++) {
                    if (at[t] != null) {
                        found.remove(at[t]);
                        Work gone = at[t];
                        for (int u = gone.start; u < gone.end; u++) {
                            at[u] = null;
                        }
                    }
                }
            }
            String name = clean(text.substring(tokens.get(start).beginPosition(), tokens.get(j - 1).endPosition()));
            if (name.isEmpty()) {
                continue;
            }
            if (ner.equals("ORGANIZATION") && GEO_HEADS.contains(tokens.get(j - 1).originalText())) {
                ner = "LOCATION";
            }
            String head = organisationHead(tokens, j);
            if (head != null && ner.equals("PERSON")) {
                ner = "ORGANIZATION";
                name = name + " " + Character.toUpperCase(head.charAt(0)) + head.substring(1);
            }
            Work w = switch (ner) {
                case "PERSON" -> {
                    Work p = new Work(si, start, j, "PERSON", null, "NER");
                    p.name = personName(name);
                    yield p;
                }
                case "ORGANIZATION" -> {
                    // "U.S. Africa Command", "Rwanda Defence Force": named like the usual name ("US", "UK", "UN"), and a
                    // state's own organisation when its name begins with or holds the state's name or demonym.
                    String usual = usualName(name);
                    yield new Work(si, start, j, "ORG", new Entity(ID + "org/" + Slugs.slug(usual), Kind.ORGANIZATION, usual, false,
                        ofState != null && ofState.kind() == Kind.STATE ? ofState.iri() : null, null), "NER");
                }
                default -> new Work(si, start, j, "PLACE",
                    Entity.minted(ID + "place/" + Slugs.slug(name), Kind.PLACE, name), "NER");
            };
            mark(at, w);
            found.add(w);
        }
    }

    /**
     * "Their minister for the Pacific, Zed Seselja, flew ...": two to four capitalised words the NER left untagged, set
     * between commas right after a phrase with a post title, name a person.
     */
    private static void addAppositiveNames(int si, List<CoreLabel> tokens, String text, Work[] at, List<Work> found) {
        for (int i = 1; i < tokens.size(); i++) {
            if (!word(tokens.get(i - 1)).equals(",")) {
                continue;
            }
            int j = i;
            while (j < tokens.size() && j - i < 4 && at[j] == null && "NNP".equals(tokens.get(j).tag())
                && Character.isUpperCase(tokens.get(j).originalText().codePointAt(0))) {
                j++;
            }
            boolean closed = j - i >= 2 && (j == tokens.size() || word(tokens.get(j)).equals(",") || word(tokens.get(j)).equals("."));
            boolean titled = false;
            for (int k = Math.max(0, i - 7); k < i - 1 && closed; k++) {
                titled |= at[k] != null && at[k].tag.equals("ROLE");
            }
            if (closed && titled) {
                Work p = new Work(si, i, j, "PERSON", null, "NER");
                p.name = personName(clean(text.substring(tokens.get(i).beginPosition(), tokens.get(j - 1).endPosition())));
                mark(at, p);
                found.add(p);
                i = j;
            }
        }
    }

    /** "the Wagner mercenary group": the organisation noun a name modifies, at most one word after it, or null. */
    private static String organisationHead(List<CoreLabel> tokens, int end) {
        for (int k = end; k < Math.min(tokens.size(), end + 2); k++) {
            CoreLabel t = tokens.get(k);
            String lemma = t.lemma() == null ? "" : t.lemma().toLowerCase(Locale.ROOT);
            if ("NN".equals(t.tag()) && ORGANISATION_HEADS.contains(lemma)) {
                return lemma;
            }
            if (!"NN".equals(t.tag()) && !"JJ".equals(t.tag()) || !"O".equals(t.ner())) {
                return null;
            }
        }
        return null;
    }

    /** "Leaders of the Association of Southeast Asian Nations": the known name is the entity, the words before it are not. */
    private static boolean isPrefixedName(List<CoreLabel> tokens, Work[] at, int start, int end) {
        int first = start;
        while (first < end && at[first] == null) {
            first++;
        }
        if (first == start || first == end) {
            return false;
        }
        for (int t = first; t < end; t++) {
            if (at[t] == null && !FUNCTION_WORDS.contains(word(tokens.get(t)))) {
                return false;
            }
        }
        String before = word(tokens.get(first - 1));
        return before.equals("of") || before.equals("the");
    }

    private static boolean sameClass(String a, String b) {
        return a.equals(b) || (PLACE_NER.contains(a) && PLACE_NER.contains(b));
    }

    /**
     * Geographic names built on a state or place name: "Taiwan Strait", "Korean Peninsula", "South China Sea" (a
     * capitalised geographic head after it, and a compass word before) and "Kursk region" (a lower-case region word after a place, or after a name the NER took for a person: "Cabo Delgado province").
     */
    private List<Work> extendPlaces(int si, List<CoreLabel> tokens, String text, List<Work> found) {
        found.sort((x, y) -> Integer.compare(x.start, y.start));
        boolean[] covered = new boolean[tokens.size()];
        for (Work w : found) {
            for (int t = w.start; t < w.end; t++) {
                covered[t] = true;
            }
        }
        List<Work> extra = new ArrayList<>();
        for (int t = 1; t < tokens.size(); t++) {
            boolean region = REGION_WORDS.contains(tokens.get(t).originalText());
            boolean head = GEO_HEADS.contains(tokens.get(t).originalText());
            if ((region || head) && !covered[t - 1] && isCapitalisedName(tokens, t - 1)) {
                int start = t - 1;
                Work existing = null;
                for (Work w : found) {
                    if (w.start == t && w.tag.equals("PLACE")) {
                        existing = w;
                    }
                }
                int end = existing != null ? existing.end : t + 1;
                if (existing != null) {
                    found.remove(existing);
                } else if (head && t + 1 < tokens.size() && covered[t]) {
                    continue;
                }
                String name = clean(text.substring(tokens.get(start).beginPosition(), tokens.get(end - 1).endPosition()));
                extra.add(new Work(si, start, end, "PLACE", Entity.minted(ID + "place/" + Slugs.slug(name), Kind.PLACE, name), "NER"));
            }
        }
        found.addAll(extra);
        found.sort((x, y) -> Integer.compare(x.start, y.start));
        List<Work> out = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            Work w = found.get(k);
            int t = w.end;
            boolean geoHead = t < tokens.size() && GEO_HEADS.contains(tokens.get(t).originalText())
                && (isStateTag(w.tag) || w.tag.equals("PLACE"));
            boolean region = t < tokens.size() && REGION_WORDS.contains(tokens.get(t).originalText())
                && (w.tag.equals("PLACE") || w.tag.equals("PERSON") && (w.entity == null || !w.entity.reference()));
            if (!geoHead && !region) {
                out.add(w);
                continue;
            }
            int end = t + 1;
            if (k + 1 < found.size() && found.get(k + 1).start == t) {
                end = Math.max(end, found.get(k + 1).end);
                k++;
            }
            boolean free = out.isEmpty() || out.get(out.size() - 1).end < w.start;
            int start = free && w.start > 0 && COMPASS.contains(tokens.get(w.start - 1).originalText()) ? w.start - 1 : w.start;
            String name = clean(text.substring(tokens.get(start).beginPosition(), tokens.get(end - 1).endPosition()));
            out.add(new Work(si, start, end, "PLACE", Entity.minted(ID + "place/" + Slugs.slug(name), Kind.PLACE, name), "NER"));
        }
        return out;
    }

    /** A capitalised word that is not the first of the sentence, nor a function word. */
    private static boolean isCapitalisedName(List<CoreLabel> tokens, int t) {
        CoreLabel token = tokens.get(t);
        String w = token.originalText();
        return t > 0 && !w.isEmpty() && Character.isUpperCase(w.codePointAt(0)) && !FUNCTION_WORDS.contains(word(token))
            && (!"O".equals(token.ner()) || "NNP".equals(token.tag()));
    }

    private static void mark(Work[] at, Work w) {
        for (int t = w.start; t < w.end; t++) {
            at[t] = w;
        }
    }

    /**
     * "the Tigray People's Liberation Front (TPLF)" defines TPLF for the article: later organisation
     * mentions that are just the acronym are the same entity.
     */
    private static void resolveAcronyms(List<Work> all, List<CoreMap> sentences) {
        Map<String, Entity> acronyms = new HashMap<>();
        for (Work w : all) {
            if (!(w.tag.equals("ORG") || w.tag.equals("BODY"))) {
                continue;
            }
            List<CoreLabel> tokens = sentences.get(w.sentence).get(CoreAnnotations.TokensAnnotation.class);
            if (w.end + 2 < tokens.size() && isOpenBracket(tokens.get(w.end)) && isCloseBracket(tokens.get(w.end + 2))) {
                String acronym = tokens.get(w.end + 1).originalText();
                if (acronym.matches("[A-Z][A-Z0-9&.-]{1,9}")) {
                    acronyms.putIfAbsent(acronym, w.entity);
                }
            }
        }
        for (Work w : all) {
            if (w.tag.equals("ORG") && w.entity != null && !w.entity.reference()) {
                Entity e = acronyms.get(w.entity.label());
                if (e != null) {
                    w.entity = e;
                    w.tag = tagOf(e);
                }
            }
        }
    }

    /** "North Kivu province" in an article that also names plain "North Kivu" is that place. */
    private static void resolveRegionNames(List<Work> all) {
        Map<String, Entity> plain = new HashMap<>();
        for (Work w : all) {
            if (w.tag.equals("PLACE") && w.entity != null) {
                plain.putIfAbsent(w.entity.label(), w.entity);
            }
        }
        for (Work w : all) {
            if (!w.tag.equals("PLACE") || w.entity == null || w.entity.reference()) {
                continue;
            }
            String label = w.entity.label();
            int space = label.lastIndexOf(' ');
            Entity shorter = space > 0 && REGION_WORDS.contains(label.substring(space + 1)) ? plain.get(label.substring(0, space)) : null;
            if (shorter != null) {
                w.entity = shorter;
            }
        }
    }

    private static boolean isOpenBracket(CoreLabel t) {
        return t.word().equals("(") || t.word().equals("-LRB-");
    }

    private static boolean isCloseBracket(CoreLabel t) {
        return t.word().equals(")") || t.word().equals("-RRB-");
    }

    /** A name with honorifics, a possessive ending and a leading article removed. */
    /** An organisation's name with the dotted acronyms written as its usual name gives them ("U.S. Agency" is "US Agency"). */
    static String usualName(String name) {
        return name.replaceAll("\\bU\\.S\\.(?=\\s|$)", "US").replaceAll("\\bU\\.K\\.(?=\\s|$)", "UK")
            .replaceAll("\\bU\\.N\\.(?=\\s|$)", "UN").replaceAll("\\bE\\.U\\.(?=\\s|$)", "EU");
    }

    /** A person's name as newskg labels it: without middle initials or a generational suffix ("Lloyd J. Austin III" is "Lloyd Austin"). */
    static String personName(String name) {
        return SUFFIX.matcher(INITIAL.matcher(name).replaceAll("")).replaceFirst("").strip();
    }

    static String clean(String name) {
        String s = name.replaceAll("\\s+", " ").strip();
        if (s.startsWith("the ") || s.startsWith("The ")) {
            s = s.substring(4);
        }
        s = HONORIFIC.matcher(s).replaceFirst("");
        s = POSSESSIVE.matcher(s).replaceFirst("");
        return s.strip();
    }

    /**
     * Gives every person mention its entity: a known office holder by any spelling of the full name,
     * a surname by the article's full name it belongs to (else by the one office holder of that
     * name in office on the article's date), anyone else by the slug of the full name.
     */
    private void resolvePersons(List<Work> all, List<CoreMap> sentences, LocalDate date) {
        List<Work> persons = new ArrayList<>();
        for (Work w : all) {
            if (w.tag.equals("PERSON")) {
                persons.add(w);
            }
        }
        Map<String, Work> full = new LinkedHashMap<>();
        for (Work w : persons) {
            if (words(w.name).length >= 2) {
                full.putIfAbsent(Slugs.slug(w.name), w);
            }
        }
        Map<String, Entity> minted = new HashMap<>();
        for (Work w : persons) {
            String[] ws = words(w.name);
            Work target = ws.length == 1 ? antecedent(w, ws[0], persons, full) : w;
            Entity e = target.entity != null ? target.entity : gazetteer.person(target.name);
            if (e == null && target == w && ws.length == 1) {
                e = gazetteer.personBySurname(ws[0], date);
            }
            if (e == null) {
                String slug = Slugs.slug(target.name);
                e = minted.computeIfAbsent(slug,
                    k -> Entity.minted(ID + "person/" + k, Kind.PERSON, full.containsKey(k) ? full.get(k).name : target.name));
            }
            w.entity = e;
            if (target != w || ws.length == 1 && e.reference()) {
                w.via = "SURNAME";
            }
        }
        addPronouns(all, sentences);
    }

    /**
     * A lone proper noun the NER did not tag as a person ("Scholz and Xi held talks") is one, and is tagged so, when it
     * is the first or last word of a person's full name mentioned before it.
     */
    private static void addLoneNames(List<Work> all, List<CoreMap> sentences) {
        List<Work> persons = all.stream().filter(w -> w.tag.equals("PERSON") && w.name != null && words(w.name).length >= 2).toList();
        List<Work> added = new ArrayList<>();
        for (int si = 0; si < sentences.size(); si++) {
            List<CoreLabel> tokens = sentences.get(si).get(CoreAnnotations.TokensAnnotation.class);
            for (int t = 0; t < tokens.size(); t++) {
                if (!"NNP".equals(tokens.get(t).tag()) || t > 0 && tokens.get(t - 1).tag().startsWith("NNP")
                    || t + 1 < tokens.size() && tokens.get(t + 1).tag().startsWith("NNP") || covered(all, si, t)) {
                    continue;
                }
                Work lone = new Work(si, t, t + 1, "PERSON", null, "NER");
                String word = tokens.get(t).word();
                boolean named = persons.stream().anyMatch(p -> isBefore(p, lone)
                    && (words(p.name)[0].equals(word) || words(p.name)[words(p.name).length - 1].equals(word)));
                if (named) {
                    SemanticGraph graph = sentences.get(si).get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
                    lone.name = word;
                    lone.subject = graph != null && isSubject(graph, t, t + 1);
                    tokens.get(t).setNER("PERSON");
                    added.add(lone);
                }
            }
        }
        all.addAll(added);
        all.sort((a, b) -> a.sentence != b.sentence ? Integer.compare(a.sentence, b.sentence) : Integer.compare(a.start, b.start));
    }

    private static boolean covered(List<Work> all, int si, int t) {
        return all.stream().anyMatch(w -> w.sentence == si && w.start <= t && t < w.end);
    }

    /** The full-name mention a lone surname, family name or inner name refers to: the latest before it, else the first after. */
    private static Work antecedent(Work w, String word, List<Work> persons, Map<String, Work> full) {
        Work before = null;
        Work after = null;
        for (Work p : persons) {
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
        Work t = before != null ? before : after;
        return t == null ? w : full.getOrDefault(Slugs.slug(t.name), t);
    }

    /** Whether a capitalised inner word of a name of three words or more is this word ("Lula" in "Luiz Inacio Lula da Silva"). */
    private static boolean middle(String[] ws, String word) {
        for (int i = 1; i < ws.length - 1; i++) {
            if (ws[i].equals(word) && Character.isUpperCase(word.charAt(0))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBefore(Work a, Work b) {
        return a.sentence < b.sentence || (a.sentence == b.sentence && a.start < b.start);
    }

    /** Resolves he/she/his/her to the nearest person: a subject before it in the sentence, else the latest subject person of the last three sentences, else the latest person. */
    private void addPronouns(List<Work> all, List<CoreMap> sentences) {
        List<Work> persons = new ArrayList<>();
        for (Work w : all) {
            if (w.tag.equals("PERSON")) {
                persons.add(w);
            }
        }
        if (persons.isEmpty()) {
            return;
        }
        List<Work> added = new ArrayList<>();
        for (int si = 0; si < sentences.size(); si++) {
            List<CoreLabel> tokens = sentences.get(si).get(CoreAnnotations.TokensAnnotation.class);
            for (int t = 0; t < tokens.size(); t++) {
                if (!PRONOUNS.contains(word(tokens.get(t)))) {
                    continue;
                }
                Work pronoun = new Work(si, t, t + 1, "PERSON", null, "PRONOUN");
                Work chosen = fronted(tokens, t, persons, si);
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
    private static Work fronted(List<CoreLabel> tokens, int t, List<Work> persons, int si) {
        if (!"IN".equals(tokens.get(0).tag())) {
            return null;
        }
        int comma = 0;
        while (comma < tokens.size() && !tokens.get(comma).word().equals(",")) {
            comma++;
        }
        for (Work p : persons) {
            if (comma > t && comma < tokens.size() && p.sentence == si && p.subject && p.start > comma && p.entity != null) {
                return p;
            }
        }
        return null;
    }

    /** A subject person earlier in the sentence, else the first subject person of the nearest of the three sentences before, else the latest person. */
    private static Work antecedent(Work pronoun, List<Work> persons) {
        Work sameSentenceSubject = null;
        Work earlierSubject = null;
        Work latest = null;
        for (Work p : persons) {
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

    private static String[] words(String name) {
        return name.split("[\\s\\-]+");
    }

    /**
     * Whether a capital or seat of power acts as its state here rather than being a location; a later conjunct without
     * its own preposition is read as the first ("flew to Beijing, Washington and Tokyo").
     */
    private static boolean actsAsState(SemanticGraph graph, List<CoreLabel> tokens, int start, int end) {
        if (end < tokens.size() && isPossessive(tokens.get(end))) {
            return true;
        }
        if (graph == null) {
            return start == 0 || !LOCATIVE.contains(word(tokens.get(start - 1)))
                && !(start >= 2 && word(tokens.get(start - 1)).equals("the") && LOCATIVE.contains(word(tokens.get(start - 2))));
        }
        IndexedWord head = head(graph, start, end);
        if (head == null) {
            return false;
        }
        if (!hasCase(graph, head) && !graph.incomingEdgeList(head).isEmpty()
            && graph.incomingEdgeList(head).get(0).getRelation().toString().equals("conj")) {
            head = graph.incomingEdgeList(head).get(0).getGovernor();
        }
        for (SemanticGraphEdge e : graph.outgoingEdgeIterable(head)) {
            if (e.getRelation().toString().equals("case")) {
                String c = e.getDependent().word().toLowerCase(Locale.ROOT);
                return ACTOR_CASES.contains(c) && !(c.equals("for") && departure(graph, head));
            }
        }
        List<SemanticGraphEdge> in = graph.incomingEdgeList(head);
        if (in.isEmpty()) {
            return true;
        }
        String rel = in.get(0).getRelation().toString();
        String governor = in.get(0).getGovernor().lemma();
        return !((rel.equals("obj") || rel.equals("iobj") || rel.startsWith("obl"))
            && governor != null && PHYSICAL_VERBS.contains(governor.toLowerCase(Locale.ROOT)));
    }

    /** Whether a word has a preposition of its own. */
    private static boolean hasCase(SemanticGraph graph, IndexedWord w) {
        for (SemanticGraphEdge e : graph.outgoingEdgeIterable(w)) {
            if (e.getRelation().toString().equals("case")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word (with "for") is the oblique of a departure verb. */
    private static boolean departure(SemanticGraph graph, IndexedWord w) {
        for (SemanticGraphEdge in : graph.incomingEdgeIterable(w)) {
            String governor = in.getGovernor().lemma();
            if (in.getRelation().toString().startsWith("obl") && governor != null
                && DEPARTURE_VERBS.contains(governor.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSubject(SemanticGraph graph, int start, int end) {
        IndexedWord head = head(graph, start, end);
        String rel = head == null ? null : relation(graph, head);
        return rel != null && rel.startsWith("nsubj");
    }

    /** The relation of a word to its governor, looking through conjunctions to the first conjunct's. */
    private static String relation(SemanticGraph graph, IndexedWord w) {
        IndexedWord node = w;
        for (int hops = 0; hops < 5; hops++) {
            List<SemanticGraphEdge> in = graph.incomingEdgeList(node);
            if (in.isEmpty()) {
                return "root";
            }
            String rel = in.get(0).getRelation().toString();
            if (!rel.equals("conj") && !rel.equals("appos")) {
                return rel;
            }
            node = in.get(0).getGovernor();
        }
        return null;
    }

    /** The token of {@code [start, end)} whose governor lies outside it. */
    private static IndexedWord head(SemanticGraph graph, int start, int end) {
        for (int t = start; t < end; t++) {
            IndexedWord w = graph.getNodeByIndexSafe(t + 1);
            if (w == null) {
                continue;
            }
            List<SemanticGraphEdge> in = graph.incomingEdgeList(w);
            if (in.isEmpty()) {
                return w;
            }
            int gov = in.get(0).getGovernor().index() - 1;
            if (gov < start || gov >= end) {
                return w;
            }
        }
        return null;
    }

    private static boolean isPossessive(CoreLabel t) {
        String w = t.word();
        return w.equals("'s") || w.equals("’s") || w.equals("'");
    }

    private static String word(CoreLabel t) {
        return t.word().toLowerCase(Locale.ROOT);
    }
}
