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
 * organisation takes the organisation the article gives that person's same post elsewhere.
 *
 * <pre>{@code
 * List<PostFact> posts = new PostExtractor(RuleFile.load("posts.tokensregex")).extract(linked);
 * }</pre>
 */
public final class PostExtractor {
    private static final Set<String> NOT_THE_POST = Set.of("former", "ex", "ex-", "deputy", "vice", "late",
        "assistant", "under", "acting", "incoming", "outgoing", "designate", "elect", "first");

    private final RuleFile rules;

    public PostExtractor(RuleFile rules) {
        this.rules = rules;
    }

    /** The posts stated in a linked article. */
    public List<PostFact> extract(LinkedDocument doc) {
        Map<String, PostFact> facts = new LinkedHashMap<>();
        List<CoreMap> sentences = doc.annotation().get(CoreAnnotations.SentencesAnnotation.class);
        for (CoreMap sentence : sentences) {
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            for (RuleFile.Rule rule : rules.rules()) {
                TokenSequenceMatcher m = rule.pattern().getMatcher(tokens);
                while (m.find()) {
                    PostFact f = fact(doc, tokens, m);
                    if (f != null) {
                        facts.merge(key(f), f, PostExtractor::mergeEvidence);
                    }
                }
            }
        }
        return fillOrganisations(new ArrayList<>(facts.values()));
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
        String quote = s.text().codePoints().skip(begin - s.begin()).limit(end - begin)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        Span evidence = new Span(sentence, begin, end, quote);
        return new PostFact(person.entity(), role.entity(), orgEntity, role.span().text(),
            Factuality.REPORTED, List.of(evidence));
    }

    private static Mention mentionAt(LinkedDocument doc, List<CoreLabel> tokens, int t) {
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

    /** A post without organisation joins the same person's same post with one, if the article has it. */
    private static List<PostFact> fillOrganisations(List<PostFact> facts) {
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
                if (known != null) {
                    target = new PostFact(f.person(), f.role(), known.org(), f.title(), f.factuality(), f.evidence());
                }
            }
            out.merge(key(target), target, PostExtractor::mergeEvidence);
        }
        return new ArrayList<>(out.values());
    }
}
