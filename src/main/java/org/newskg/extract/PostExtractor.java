package org.newskg.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newskg.nlp.NkgAnnotations;

/**
 * Finds posts ("Foreign Minister X", "X, the foreign minister of Y", "Y's top diplomat X") with the
 * rules of {@code posts.tokensregex} over linked mentions. The same person, role and organisation
 * stated several times is one fact with every span as evidence; a post stated without its
 * organisation takes the organisation the article gives that person's same post elsewhere, or the
 * one of the person's known tenure (reference data) on the article's date; "his Turkish counterpart X" gives X a
 * post too (see {@link Counterparts}).
 *
 * <pre>{@code
 * List<PostFact> posts = new PostExtractor(RuleFile.load("posts.tokensregex"), gazetteer).extract(linked);
 * }</pre>
 */
public final class PostExtractor {
    private static final Set<String> NOT_THE_POST = Set.of("former", "ex", "ex-", "deputy", "vice", "late",
        "assistant", "under", "acting", "incoming", "outgoing", "designate", "elect", "first");

    private final RuleFile rules;
    private final Gazetteer gazetteer;

    public PostExtractor(RuleFile rules, Gazetteer gazetteer) {
        this.rules = rules;
        this.gazetteer = gazetteer;
    }

    /** The posts stated in a linked article. */
    public List<PostFact> extract(LinkedDocument doc) {
        Map<String, PostFact> facts = new LinkedHashMap<>();
        Map<String, String> bosses = new LinkedHashMap<>();
        List<CoreMap> sentences = doc.annotation().get(CoreAnnotations.SentencesAnnotation.class);
        for (CoreMap sentence : sentences) {
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            for (RuleFile.Rule rule : rules.rules()) {
                TokenSequenceMatcher m = rule.pattern().getMatcher(tokens);
                while (m.find()) {
                    PostFact f = fact(doc, tokens, m);
                    if (f != null) {
                        facts.merge(key(f), f, PostExtractor::mergeEvidence);
                        Mention boss = m.start("$boss") >= 0 ? mentionAt(doc, tokens, m.start("$boss")) : null;
                        if (boss != null && boss.entity() != null) {
                            bosses.put(key(f), boss.entity().iri());
                        }
                    }
                }
            }
        }
        List<PostFact> found = fillOrganisations(new ArrayList<>(facts.values()), bosses, doc);
        found.addAll(Counterparts.find(doc, found));
        return found;
    }

    private PostFact fact(LinkedDocument doc, List<CoreLabel> tokens, TokenSequenceMatcher m) {
        Mention person = mentionAt(doc, tokens, m.end("$person") - 1);
        Mention role = mentionAt(doc, tokens, m.start("$role"));
        if (person == null || role == null || person.entity() == null
            || person.entity().kind() != Kind.PERSON || role.entity().kind() != Kind.ROLE) {
            return null;
        }
        int roleStart = m.start("$role");
        if (m.start("$person") < roleStart && m.end() < tokens.size()
            && "PERSON".equals(tokens.get(m.end()).get(NkgAnnotations.KindAnnotation.class))) {
            return null;
        }
        if (roleStart > 0 && NOT_THE_POST.contains(tokens.get(roleStart - 1).word().toLowerCase(Locale.ROOT))) {
            return null;
        }
        if (m.end("$role") < tokens.size() && tokens.get(m.end("$role")).word().matches("(?i)-?elect|-?designate")) {
            return null;
        }
        Mention org = null;
        for (String g : new String[] {"$org2", "$org"}) {
            if (org == null && m.start(g) >= 0) {
                int last = m.end(g) - 1;
                while (last >= m.start(g) && tokens.get(last).get(NkgAnnotations.MentionAnnotation.class) == null) {
                    last--;
                }
                org = last >= m.start(g) ? mentionAt(doc, tokens, last) : null;
            }
        }
        Entity orgEntity = org == null || !org.entity().isOrganisational() ? null : org.entity();
        Mention first = mentionAt(doc, tokens, m.start());
        int sentence = role.span().sentence();
        int begin = Math.min(role.span().begin(), Math.min(person.span().begin(),
            first != null ? first.span().begin() : Integer.MAX_VALUE));
        int end = Math.max(role.span().end(), person.span().end());
        if (org != null) {
            begin = Math.min(begin, org.span().begin());
            end = Math.max(end, org.span().end());
        }
        SentenceInfo s = doc.sentences().get(sentence - 1);
        Span evidence = new Span(sentence, begin, end, s.quote(begin, end));
        return new PostFact(person.entity(), role.entity(), orgEntity, role.span().text(),
            Factuality.REPORTED, List.of(evidence));
    }

    static Mention mentionAt(LinkedDocument doc, List<CoreLabel> tokens, int t) {
        if (t < 0 || t >= tokens.size()) {
            return null;
        }
        Integer i = tokens.get(t).get(NkgAnnotations.MentionAnnotation.class);
        return i == null ? null : doc.mentions().get(i);
    }

    private static String key(PostFact f) {
        return f.person().iri() + " " + f.role().iri() + " " + (f.org() == null ? "" : f.org().iri());
    }

    private static PostFact mergeEvidence(PostFact a, PostFact b) {
        List<Span> ev = new ArrayList<>(a.evidence());
        for (Span s : b.evidence()) {
            if (!ev.contains(s)) {
                ev.add(s);
            }
        }
        return new PostFact(a.person(), a.role(), a.org(), a.title(), a.factuality(), List.copyOf(ev));
    }

    /**
     * A post stated without its organisation takes the one the article gives the same person's same
     * post elsewhere, else the one of the person's known tenure in that role on the article's date,
     * else (for "adviser to President Y") the organisation of Y's post.
     */
    private List<PostFact> fillOrganisations(List<PostFact> facts, Map<String, String> bosses, LinkedDocument doc) {
        Map<String, PostFact> withOrg = new LinkedHashMap<>();
        for (PostFact f : facts) {
            if (f.org() != null) {
                withOrg.putIfAbsent(f.person().iri() + " " + f.role().iri(), f);
            }
        }
        Map<String, PostFact> out = new LinkedHashMap<>();
        for (PostFact f : facts) {
            PostFact target = f;
            if (f.org() == null) {
                PostFact known = withOrg.get(f.person().iri() + " " + f.role().iri());
                Entity org = known != null ? known.org()
                    : gazetteer.tenureOrganisation(f.person().iri(), f.role().iri(), doc.date());
                String boss = bosses.get(key(f));
                for (PostFact b : facts) {
                    if (org == null && boss != null && b.person().iri().equals(boss)) {
                        org = b.org() != null ? b.org() : gazetteer.tenureOrganisation(boss, b.role().iri(), doc.date());
                    }
                }
                if (org != null) {
                    target = new PostFact(f.person(), f.role(), org, f.title(), f.factuality(), f.evidence());
                }
            }
            out.merge(key(target), target, PostExtractor::mergeEvidence);
        }
        return new ArrayList<>(out.values());
    }
}
