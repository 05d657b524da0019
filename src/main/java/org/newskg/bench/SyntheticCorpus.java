package org.newskg.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Random;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.newskg.article.Article;
import org.newskg.article.Hashes;
import org.newskg.article.Slugs;
import org.newskg.extract.ArticleExtraction;
import org.newskg.extract.Entity;
import org.newskg.extract.EventDate;
import org.newskg.extract.EventFact;
import org.newskg.extract.EventType;
import org.newskg.extract.Factuality;
import org.newskg.extract.Kind;
import org.newskg.extract.Mention;
import org.newskg.extract.PostFact;
import org.newskg.extract.SentenceInfo;
import org.newskg.extract.Span;
import org.newskg.extract.TroopCount;
import org.newskg.ingest.Ingester;
import org.newskg.rdf.NKG;
import org.newskg.rdf.RdfMapper;
import org.newskg.rdf.ReferenceData;
import org.newskg.store.ArticleQuads;

/**
 * Plausible article extractions made with a seeded random generator, for scale benchmarks: each
 * article mentions states, organisations, persons and places drawn from Zipf-like popularity
 * distributions (a few actors in most news, a long tail), with posts, statements, contacts, visits,
 * agreements, deployments and transfers backed by evidence sentences. Articles are mapped by
 * {@link RdfMapper}, so the quads have exactly the shape of newskg's output. Article {@code i} depends
 * only on the seed and {@code i}.
 *
 * <pre>{@code
 * SyntheticCorpus c = new SyntheticCorpus(ReferenceData.load(), 42);
 * Iterator<ArticleQuads> it = c.quads(100_000);
 * }</pre>
 */
public final class SyntheticCorpus {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "ne", "to", "su", "vi", "de", "an", "or", "el",
        "sha", "ko", "ba", "ri", "ya", "zu", "pe", "ga", "hu", "li", "mo", "na"};
    private static final String[] KINDS = {"said", "warned", "accused", "denied", "called-for", "announced", "condemned",
        "threatened"};
    private static final String[] ITEMS = {"artillery shells", "missiles", "drones", "air defence systems", "aid",
        "ammunition", "tanks", "fuel"};
    private static final String[] TOPICS = {"ceasefire", "trade", "security", "nuclear programme", "border", "energy"};
    private static final String VERSION = "newskg-synthetic";

    private final List<Entity> states = new ArrayList<>();
    private final List<Entity> orgs = new ArrayList<>();
    private final List<Entity> roles = new ArrayList<>();
    private final List<Entity> persons = new ArrayList<>();
    private final List<Entity> places = new ArrayList<>();
    private final long seed;

    /** A corpus over the reference states, organisations and roles, with minted persons and places. */
    public SyntheticCorpus(ReferenceData reference, long seed) {
        this.seed = seed;
        Graph g = reference.graph();
        collect(g, NKG.State, Kind.STATE, states);
        collect(g, NKG.InternationalOrganization, Kind.ORGANIZATION, orgs);
        collect(g, NKG.Role, Kind.ROLE, roles);
        Random r = new Random(seed);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        while (names.size() < 20_000) {
            names.add(word(r, 2) + " " + word(r, 2 + r.nextInt(2)));
        }
        for (String n : names) {
            persons.add(Entity.minted(NKG.ID + "person/" + Slugs.slug(n), Kind.PERSON, n));
        }
        LinkedHashSet<String> towns = new LinkedHashSet<>();
        while (towns.size() < 3_000) {
            towns.add(word(r, 3));
        }
        for (String t : towns) {
            places.add(Entity.minted(NKG.ID + "place/" + Slugs.slug(t), Kind.PLACE, t));
        }
    }

    private static void collect(Graph g, Node cls, Kind kind, List<Entity> out) {
        g.find(Node.ANY, NKG.type, cls).forEachRemaining(t -> {
            var labels = g.find(t.getSubject(), NKG.label, Node.ANY);
            String label = labels.hasNext() ? labels.next().getObject().getLiteralLexicalForm() : t.getSubject().getURI();
            out.add(Entity.known(t.getSubject().getURI(), kind, label));
        });
        out.sort((a, b) -> a.iri().compareTo(b.iri()));
    }

    private static String word(Random r, int syllables) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            sb.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
    }

    /** A Zipf-like draw of an index below n: small indices are much more likely. */
    private static int zipf(Random r, int n) {
        double u = r.nextDouble();
        return Math.min(n - 1, (int) Math.floor(Math.pow(n + 1.0, u) - 1));
    }

    private static <T> T pick(Random r, List<T> from) {
        return from.get(zipf(r, from.size()));
    }

    /** The extraction of article number {@code i}. */
    public ArticleExtraction article(int i) {
        Random r = new Random(seed * 1_000_003L + i);
        LocalDate date = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(3650));
        String id = String.format(Locale.ROOT, "synthetic-%07d", i);
        Entity s1 = pick(r, states);
        Entity s2 = pick(r, states);
        Entity p1 = pick(r, persons);
        Entity p2 = pick(r, persons);
        Entity place = pick(r, places);
        Entity org = pick(r, orgs);
        Entity role = pick(r, roles);
        StringBuilder text = new StringBuilder();
        List<SentenceInfo> sentences = new ArrayList<>();
        List<Mention> mentions = new ArrayList<>();
        List<PostFact> posts = new ArrayList<>();
        List<EventFact> events = new ArrayList<>();
        Span post = sentence(text, sentences, p1.label() + ", the " + role.label() + " of " + s1.label()
            + ", arrived in " + place.label() + " on Monday.");
        posts.add(new PostFact(p1, role, s1, role.label(), Factuality.REPORTED, List.of(post)));
        mention(mentions, post, p1, s1, role, place);
        Span talks = sentence(text, sentences, p1.label() + " held talks with " + p2.label() + " of " + s2.label()
            + " about " + TOPICS[r.nextInt(TOPICS.length)] + ".");
        mention(mentions, talks, p2, s2);
        EventDate day = new EventDate(date.minusDays(r.nextInt(7)).toString(), EventDate.Granularity.DAY);
        events.add(event(EventType.CONTACT, List.of(p1), List.of(p2), List.of(), List.of(), null, null, null, null,
            day, factuality(r), talks));
        if (r.nextInt(3) == 0) {
            events.add(event(EventType.VISIT, List.of(p1), List.of(), List.of(place), List.of(), null, null, null, null,
                day, Factuality.REPORTED, post));
        }
        int statements = 1 + r.nextInt(3);
        for (int k = 0; k < statements; k++) {
            Entity speaker = r.nextBoolean() ? pick(r, persons) : pick(r, states);
            String kind = KINDS[zipf(r, KINDS.length)];
            Span s = sentence(text, sentences, speaker.label() + " " + kind.replace("-", " ") + " that "
                + org.label() + " would meet again.");
            mention(mentions, s, speaker, org);
            events.add(event(EventType.STATEMENT, List.of(speaker), List.of(), List.of(), List.of(), null, null, kind,
                null, r.nextBoolean() ? day : null, Factuality.REPORTED, s));
        }
        if (r.nextInt(4) == 0) {
            Span s = sentence(text, sentences, s1.label() + " and " + s2.label() + " signed an agreement in "
                + date.getYear() + ".");
            events.add(event(EventType.AGREEMENT, List.of(s1), List.of(s2), List.of(), List.of(), null,
                TOPICS[r.nextInt(TOPICS.length)], null, null,
                new EventDate(Integer.toString(date.getYear()), EventDate.Granularity.YEAR), factuality(r), s));
        }
        if (r.nextInt(5) == 0) {
            long troops = 100L * (1 + r.nextInt(200));
            Span s = sentence(text, sentences, s2.label() + " sent about " + troops + " troops to " + place.label() + ".");
            events.add(event(EventType.DEPLOYMENT, List.of(s2), List.of(), List.of(), List.of(place), null, null, null,
                new TroopCount(troops, true), null, factuality(r), s));
        }
        if (r.nextInt(6) == 0) {
            String item = ITEMS[r.nextInt(ITEMS.length)];
            Span s = sentence(text, sentences, s1.label() + " supplied " + item + " to " + s2.label() + ".");
            events.add(new EventFact(EventType.TRANSFER, List.of(s1), List.of(), List.of(), List.of(s2), List.of(),
                List.of(), item, null, null, null, null, factuality(r), List.of(s)));
        }
        sentence(text, sentences, "Officials in " + s2.label() + " did not comment.");
        Article a = new Article(id, date, "Synthetic Wire", null, null, text.toString(), "synthetic:" + i,
            Hashes.sha256(text.toString()));
        return new ArticleExtraction(a, sentences, mentions, posts, events);
    }

    private static Factuality factuality(Random r) {
        int x = r.nextInt(20);
        return x < 16 ? Factuality.REPORTED : x < 18 ? Factuality.POSSIBLE : x < 19 ? Factuality.ALLEGED : Factuality.NEGATED;
    }

    private static EventFact event(EventType type, List<Entity> agents, List<Entity> participants,
                                   List<Entity> destinations, List<Entity> locations, String item, String topic,
                                   String kind, TroopCount troops, EventDate date, Factuality f, Span evidence) {
        return new EventFact(type, agents, participants, List.of(), List.of(), destinations, locations, item, topic, kind,
            troops, date, f, List.of(evidence));
    }

    private static Span sentence(StringBuilder text, List<SentenceInfo> sentences, String s) {
        if (text.length() > 0) {
            text.append(' ');
        }
        int begin = text.length();
        text.append(s);
        int index = sentences.size() + 1;
        sentences.add(new SentenceInfo(index, begin, text.length(), s));
        return new Span(index, begin, text.length(), s);
    }

    private static void mention(List<Mention> mentions, Span span, Entity... entities) {
        for (Entity e : entities) {
            if (e.kind() != Kind.ROLE) {
                mentions.add(new Mention(e, span, "synthetic"));
            }
        }
    }

    /** The article graph and meta quads of article {@code i}, as an ingest would write them. */
    public ArticleQuads quads(int i) {
        ArticleExtraction x = article(i);
        List<Quad> quads = new ArrayList<>();
        RdfMapper.emit(x, Ingester.collector(quads));
        List<Quad> meta = new ArrayList<>();
        RdfMapper.emitMeta(x.article(), VERSION, Ingester.collector(meta));
        return new ArticleQuads(RdfMapper.articleNode(x.article().id()), quads, meta);
    }

    /** Articles {@code from} (inclusive) to {@code to} (exclusive), generated one at a time. */
    public Iterator<ArticleQuads> quads(int from, int to) {
        return new Iterator<>() {
            private int next = from;

            @Override
            public boolean hasNext() {
                return next < to;
            }

            @Override
            public ArticleQuads next() {
                if (next >= to) {
                    throw new NoSuchElementException();
                }
                return quads(next++);
            }
        };
    }
}
