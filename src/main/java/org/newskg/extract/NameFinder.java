package org.newskg.extract;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.newskg.article.Slugs;

/**
 * The names of a sentence that the gazetteer does not know: CoreNLP's named entities (a person or organisation name
 * winning over a place inside it, an organisation named after a state being that state's: "U.S. Africa Command"),
 * names in apposition to a title the NER left untagged ("Their minister for the Pacific, Zed Seselja,"), and places
 * built on known names ("the South China Sea", "Kursk region"); and the cleaned, usual form of a name.
 *
 * <pre>{@code
 * names.addNer(si, tokens, text, at, found);
 * }</pre>
 */
final class NameFinder {
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
    private static final Set<String> NER_TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION", "CITY",
        "STATE_OR_PROVINCE", "COUNTRY");
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "'s", "’s", "of", "and", "'", "’", ",", ".", "-");
    private static final Pattern HONORIFIC = Pattern.compile(
        "^(?:(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Adm|Sen|Rep|Sir|Dame|Prof|Prince|Princess|Sheikh|Shaikh|Mullah|Imam|Rev)\\.?\\s+)+");
    /** A middle initial ("Antony J. Blinken") or a generational suffix after a full name ("Carlito Galvez Jr.", "Lloyd Austin III"). */
    private static final Pattern INITIAL = Pattern.compile("(?<=\\S)\\s+[A-Z]\\.(?=\\s+\\S)");
    private static final Pattern SUFFIX = Pattern.compile("(?<=\\S\\s\\S{2,50}),?\\s+(?:Jr\\.?|Sr\\.?|II|III|IV)$");
    private static final Pattern POSSESSIVE = Pattern.compile("\\s*['’]s?$");

    private final Gazetteer gazetteer;

    NameFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Adds NER mentions the gazetteer did not cover; a person or organisation name wins over a place name inside it. */
    void addNer(int si, List<CoreLabel> tokens, String text, LinkWork[] at, List<LinkWork> found) {
        int i = 0;
        while (i < tokens.size()) {
            String ner = tokens.get(i).ner();
            if (ner == null || !NER_TYPES.contains(ner)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() && (sameClass(ner, tokens.get(j).ner())
                || (PLACE_NER.contains(ner) && MentionSyntax.word(tokens.get(j)).equals("of") && j + 1 < tokens.size()
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
                } else if (!FUNCTION_WORDS.contains(MentionSyntax.word(tokens.get(t)))) {
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
                        LinkWork gone = at[t];
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
            LinkWork w = switch (ner) {
                case "PERSON" -> {
                    LinkWork p = new LinkWork(si, start, j, "PERSON", null, "NER");
                    p.name = personName(name);
                    yield p;
                }
                case "ORGANIZATION" -> {
                    // "U.S. Africa Command", "Rwanda Defence Force": named like the usual name ("US", "UK", "UN"), and a
                    // state's own organisation when its name begins with or holds the state's name or demonym.
                    String usual = usualName(name);
                    yield new LinkWork(si, start, j, "ORG", new Entity(EntityLinker.ID + "org/" + Slugs.slug(usual), Kind.ORGANIZATION, usual, false,
                        ofState != null && ofState.kind() == Kind.STATE ? ofState.iri() : null, null), "NER");
                }
                default -> new LinkWork(si, start, j, "PLACE",
                    Entity.minted(EntityLinker.ID + "place/" + Slugs.slug(name), Kind.PLACE, name), "NER");
            };
            EntityLinker.mark(at, w);
            found.add(w);
        }
    }

    /**
     * "Their minister for the Pacific, Zed Seselja, flew ...": two to four capitalised words the NER left untagged, set
     * between commas right after a phrase with a post title, name a person.
     */
    static void addAppositiveNames(int si, List<CoreLabel> tokens, String text, LinkWork[] at, List<LinkWork> found) {
        for (int i = 1; i < tokens.size(); i++) {
            if (!MentionSyntax.word(tokens.get(i - 1)).equals(",")) {
                continue;
            }
            int j = i;
            while (j < tokens.size() && j - i < 4 && at[j] == null && "NNP".equals(tokens.get(j).tag())
                && Character.isUpperCase(tokens.get(j).originalText().codePointAt(0))) {
                j++;
            }
            boolean closed = j - i >= 2 && (j == tokens.size() || MentionSyntax.word(tokens.get(j)).equals(",") || MentionSyntax.word(tokens.get(j)).equals("."));
            boolean titled = false;
            for (int k = Math.max(0, i - 7); k < i - 1 && closed; k++) {
                titled |= at[k] != null && at[k].tag.equals("ROLE");
            }
            if (closed && titled) {
                LinkWork p = new LinkWork(si, i, j, "PERSON", null, "NER");
                p.name = personName(clean(text.substring(tokens.get(i).beginPosition(), tokens.get(j - 1).endPosition())));
                EntityLinker.mark(at, p);
                found.add(p);
                i = j;
            }
        }
    }

    /**
     * "Morgan Ortagus, State Department Spokesperson, briefed ...": a name the NER took for an organisation, set before a
     * comma and a post title (after at most the title's state or body), names a person: organisations hold no posts.
     */
    static void personsBeforeTitles(List<CoreLabel> tokens, String text, LinkWork[] at, List<LinkWork> found) {
        for (LinkWork w : found) {
            if (!w.tag.equals("ORG") || !"NER".equals(w.via) || w.end - w.start < 2 || w.end - w.start > 3 || w.end >= tokens.size()
                || !MentionSyntax.word(tokens.get(w.end)).equals(",")) {
                continue;
            }
            int k = w.end + 1;
            while (k < tokens.size() && at[k] != null && Set.of("BODY", "STATE", "DEMONYM", "METONYM").contains(at[k].tag)) {
                k++;
            }
            if (k < tokens.size() && at[k] != null && at[k].tag.equals("ROLE")) {
                w.tag = "PERSON";
                w.entity = null;
                w.name = personName(clean(text.substring(tokens.get(w.start).beginPosition(), tokens.get(w.end - 1).endPosition())));
            }
        }
    }

    /** "the Wagner mercenary group": the organisation noun a name modifies, at most one word after it, or null. */
    static String organisationHead(List<CoreLabel> tokens, int end) {
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
    static boolean isPrefixedName(List<CoreLabel> tokens, LinkWork[] at, int start, int end) {
        int first = start;
        while (first < end && at[first] == null) {
            first++;
        }
        if (first == start || first == end) {
            return false;
        }
        for (int t = first; t < end; t++) {
            if (at[t] == null && !FUNCTION_WORDS.contains(MentionSyntax.word(tokens.get(t)))) {
                return false;
            }
        }
        String before = MentionSyntax.word(tokens.get(first - 1));
        return before.equals("of") || before.equals("the");
    }

    static boolean sameClass(String a, String b) {
        return a.equals(b) || (PLACE_NER.contains(a) && PLACE_NER.contains(b));
    }

    /**
     * Geographic names built on a state or place name: "Taiwan Strait", "Korean Peninsula", "South China Sea" (a
     * capitalised geographic head after it, and a compass word before) and "Kursk region" (a lower-case region word after a place, or after a name the NER took for a person: "Cabo Delgado province").
     */
    List<LinkWork> extendPlaces(int si, List<CoreLabel> tokens, String text, List<LinkWork> found) {
        found.sort((x, y) -> Integer.compare(x.start, y.start));
        boolean[] covered = new boolean[tokens.size()];
        for (LinkWork w : found) {
            for (int t = w.start; t < w.end; t++) {
                covered[t] = true;
            }
        }
        List<LinkWork> extra = new ArrayList<>();
        for (int t = 1; t < tokens.size(); t++) {
            boolean region = EntityLinker.REGION_WORDS.contains(tokens.get(t).originalText());
            boolean head = GEO_HEADS.contains(tokens.get(t).originalText());
            if ((region || head) && !covered[t - 1] && isCapitalisedName(tokens, t - 1)) {
                int start = t - 1;
                LinkWork existing = null;
                for (LinkWork w : found) {
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
                extra.add(new LinkWork(si, start, end, "PLACE", Entity.minted(EntityLinker.ID + "place/" + Slugs.slug(name), Kind.PLACE, name), "NER"));
            }
        }
        found.addAll(extra);
        found.sort((x, y) -> Integer.compare(x.start, y.start));
        List<LinkWork> out = new ArrayList<>();
        for (int k = 0; k < found.size(); k++) {
            LinkWork w = found.get(k);
            int t = w.end;
            boolean geoHead = t < tokens.size() && GEO_HEADS.contains(tokens.get(t).originalText())
                && (EntityLinker.isStateTag(w.tag) || w.tag.equals("PLACE"));
            boolean region = t < tokens.size() && EntityLinker.REGION_WORDS.contains(tokens.get(t).originalText())
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
            out.add(new LinkWork(si, start, end, "PLACE", Entity.minted(EntityLinker.ID + "place/" + Slugs.slug(name), Kind.PLACE, name), "NER"));
        }
        return out;
    }

    /** A capitalised word that is not the first of the sentence, nor a function word. */
    static boolean isCapitalisedName(List<CoreLabel> tokens, int t) {
        CoreLabel token = tokens.get(t);
        String w = token.originalText();
        return t > 0 && !w.isEmpty() && Character.isUpperCase(w.codePointAt(0)) && !FUNCTION_WORDS.contains(MentionSyntax.word(token))
            && (!"O".equals(token.ner()) || "NNP".equals(token.tag()));
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
}
