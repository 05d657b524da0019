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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newskg.extract.coref.CorenlpCoref;
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
 * article, and he/she/his/her join the nearest fitting person (domain coreference, no coref model). With
 * {@code extract.coref} set to one of CoreNLP's coreference systems, anaphors its chains tie to a linked name
 * ({@link CorenlpCoref}) take that name's entity first, and the rules above resolve the pronouns they leave. The
 * stages are classes of their own: {@link NameFinder} (names the gazetteer does not know), {@link PersonResolver}
 * (persons and he/she) and {@link MentionSyntax} (what the parse says about a mention).
 *
 * <pre>{@code
 * LinkedDocument linked = new EntityLinker(gazetteer).link(annotation, article.text());
 * }</pre>
 */
public final class EntityLinker {
    static final Set<String> REGION_WORDS = Set.of("region", "province", "oblast", "governorate", "district");
    static final String ID = "https://w3id.org/newskg/id/";

    private final Gazetteer gazetteer;
    private final NameFinder names;
    private final PersonResolver persons;

    public EntityLinker(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.names = new NameFinder(gazetteer);
        this.persons = new PersonResolver(gazetteer);
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
        List<LinkWork> all = new ArrayList<>();
        for (int si = 0; si < sentences.size(); si++) {
            cancel.check();
            CoreMap sentence = sentences.get(si);
            int b = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int e = sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            infos.add(new SentenceInfo(si + 1, offsets.cp(b), offsets.cp(e), text.substring(b, e)));
            all.addAll(linkSentence(si, sentence, text));
        }
        resolveAcronyms(all, sentences);
        PersonResolver.addLoneNames(all, sentences);
        resolveRegionNames(all);
        persons.resolvePersons(all, sentences, date);
        PersonResolver.addChainLinks(all, doc);
        persons.addPronouns(all, sentences);
        List<Mention> mentions = new ArrayList<>();
        for (LinkWork w : all) {
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

    private List<LinkWork> linkSentence(int si, CoreMap sentence, String text) {
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        int n = tokens.size();
        int[] begins = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            begins[i] = tokens.get(i).beginPosition();
            ends[i] = tokens.get(i).endPosition();
        }
        SemanticGraph graph = sentence.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
        LinkWork[] at = new LinkWork[n];
        List<LinkWork> found = new ArrayList<>();
        for (Gazetteer.Match m : gazetteer.find(text, begins, ends)) {
            GazetteerEntry g = m.entry();
            LinkWork w = switch (g.via()) {
                case "DEMONYM" -> new LinkWork(si, m.start(), m.end(), "DEMONYM", g.entity(), "DEMONYM");
                case "METONYM" -> MentionSyntax.actsAsState(graph, tokens, m.start(), m.end())
                    ? new LinkWork(si, m.start(), m.end(), "METONYM", g.entity(), "METONYM")
                    : new LinkWork(si, m.start(), m.end(), "PLACE", g.place(), "NAME");
                case "ROLE" -> new LinkWork(si, m.start(), m.end(), "ROLE", g.entity(), "ROLE");
                case "BODYKIND" -> new LinkWork(si, m.start(), m.end(), "BODYKIND", g.entity(), "NAME");
                default -> new LinkWork(si, m.start(), m.end(), tagOf(g.entity()), g.entity(), "NAME");
            };
            if (w.tag.equals("PERSON")) {
                w.name = g.entity().label();
            }
            found.add(w);
        }
        found = combineBodies(found, tokens);
        found = capitalsByDescription(found, tokens);
        for (LinkWork w : found) {
            mark(at, w);
        }
        names.addNer(si, tokens, text, at, found);
        NameFinder.addAppositiveNames(si, tokens, text, at, found);
        NameFinder.personsBeforeTitles(tokens, text, at, found);
        found.removeIf(w -> w.tag.equals("BODYKIND"));
        found = names.extendPlaces(si, tokens, text, found);
        for (LinkWork w : found) {
            w.subject = graph != null && MentionSyntax.isSubject(graph, w.start, w.end);
        }
        return found;
    }

    static String tagOf(Entity e) {
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
    private List<LinkWork> combineBodies(List<LinkWork> found, List<CoreLabel> tokens) {
        List<LinkWork> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            LinkWork w = found.get(i);
            if (!w.tag.equals("BODYKIND")) {
                out.add(w);
                continue;
            }
            LinkWork state = null;
            int start = w.start;
            int end = w.end;
            if (!out.isEmpty()) {
                LinkWork prev = out.get(out.size() - 1);
                int gap = w.start - prev.end;
                boolean possessive = gap == 1 && MentionSyntax.isPossessive(tokens.get(prev.end));
                if (isStateTag(prev.tag) && (gap == 0 || possessive)) {
                    state = prev;
                    start = prev.start;
                    out.remove(out.size() - 1);
                }
            }
            if (state == null && i + 1 < found.size()) {
                LinkWork next = found.get(i + 1);
                int t = w.end;
                if (t < tokens.size() && MentionSyntax.word(tokens.get(t)).equals("of")) {
                    t++;
                    if (t < tokens.size() && MentionSyntax.word(tokens.get(t)).equals("the")) {
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
            LinkWork body = new LinkWork(w.sentence, start, end, "BODY", body(state.entity, w.entity), "NAME");
            out.add(body);
        }
        return out;
    }

    /** "the Japanese capital", "Russia's capital": the state's capital as a place. */
    private List<LinkWork> capitalsByDescription(List<LinkWork> found, List<CoreLabel> tokens) {
        List<LinkWork> out = new ArrayList<>();
        for (LinkWork w : found) {
            int t = w.end;
            if (t < tokens.size() && MentionSyntax.isPossessive(tokens.get(t))) {
                t++;
            }
            Entity capital = (w.tag.equals("DEMONYM") || w.tag.equals("STATE")) && t < tokens.size()
                && tokens.get(t).word().equals("capital") ? gazetteer.capital(w.entity.iri()) : null;
            out.add(capital == null ? w : new LinkWork(w.sentence, w.start, t + 1, "PLACE", capital, "NAME"));
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

    static boolean isStateTag(String tag) {
        return tag.equals("STATE") || tag.equals("DEMONYM") || tag.equals("METONYM");
    }

    static void mark(LinkWork[] at, LinkWork w) {
        for (int t = w.start; t < w.end; t++) {
            at[t] = w;
        }
    }

    /**
     * "the Tigray People's Liberation Front (TPLF)" defines TPLF for the article: later organisation
     * mentions that are just the acronym are the same entity.
     */
    private static void resolveAcronyms(List<LinkWork> all, List<CoreMap> sentences) {
        Map<String, Entity> acronyms = new HashMap<>();
        for (LinkWork w : all) {
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
        for (LinkWork w : all) {
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
    private static void resolveRegionNames(List<LinkWork> all) {
        Map<String, Entity> plain = new HashMap<>();
        for (LinkWork w : all) {
            if (w.tag.equals("PLACE") && w.entity != null) {
                plain.putIfAbsent(w.entity.label(), w.entity);
            }
        }
        for (LinkWork w : all) {
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
}
