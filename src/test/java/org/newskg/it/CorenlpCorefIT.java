package org.newskg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newskg.article.Article;
import org.newskg.article.ArticleReader;
import org.newskg.config.Settings;
import org.newskg.extract.ArticleExtraction;
import org.newskg.extract.Entity;
import org.newskg.extract.EventFact;
import org.newskg.extract.EventType;
import org.newskg.extract.Extractor;
import org.newskg.extract.Mention;
import org.newskg.nlp.NlpPipeline;

/**
 * CoreNLP's coreference ({@code extract.coref = fastneural}) through newskg's real pipeline and linker, on sentences
 * written for this test: pronouns and a definite description in CoreNLP's chains take the entity of the name they
 * refer to, a pronoun whose chain holds no linked name takes none, the events come out with their actors, and with
 * the default ({@code own}) no chain is used at all.
 */
class CorenlpCorefIT {
    static final String TEXT = " date 2025-03-04 (NKG Wire) -- Norway said on Monday that it would donate two coastal"
        + " patrol boats to Ghana. Norway has trained Ghanaian sailors since 2019, and it will now also train their"
        + " officers.\n\n"
        + "Finnish Foreign Minister Elina Valtonen arrived in Accra on Tuesday. She met President John Mahama and said"
        + " her government would train Ghanaian crews.\n\n"
        + "Ghana has four such boats. The country plans to buy two more next year.\n";

    static Extractor fastneural;
    static Extractor own;

    @BeforeAll
    static void load() {
        fastneural = new Extractor(new NlpPipeline(Settings.defaults().with("extract.coref", "fastneural")), Models.gazetteer());
        own = new Extractor(Models.nlp(), Models.gazetteer());
    }

    static Article article() throws Exception {
        return ArticleReader.parseText("coref-it", "coref-it.txt", TEXT, "h");
    }

    /** The entity label of the mention of {@code word} in 1-based sentence {@code sentence}, with how it was found. */
    static String at(ArticleExtraction x, int sentence, String word) {
        return x.mentions().stream().filter(m -> m.span().sentence() == sentence && m.span().text().equals(word))
            .map(m -> (m.entity() == null ? "-" : m.entity().label()) + " via " + m.via()).findFirst().orElse("none");
    }

    @Test
    void anaphorsInChainsTakeTheNamesEntity() throws Exception {
        ArticleExtraction x = fastneural.extract(article());
        assertEquals("Norway via COREF", at(x, 2, "it"));
        assertEquals("Elina Valtonen via COREF", at(x, 4, "She"));
        assertEquals("Elina Valtonen via COREF", at(x, 4, "her"));
        assertEquals("Ghana via COREF", at(x, 6, "country"));
        assertEquals("none", at(x, 2, "their"), "'their' is the sailors, whom no name in the article links");
    }

    @Test
    void theDefaultUsesNoChains() throws Exception {
        ArticleExtraction x = own.extract(article());
        assertTrue(x.mentions().stream().noneMatch(m -> m.via().equals("COREF")),
            x.mentions().stream().map(Mention::toString).collect(Collectors.joining("\n")));
        assertEquals("Elina Valtonen via PRONOUN", at(x, 4, "She"));
        assertEquals("none", at(x, 2, "it"));
    }

    /** "it" in the first sentence stands for Norway whether or not a chain holds it: newskg's own rules resolve what chains leave. */
    @Test
    void resolvedPronounsActInTheEvents() throws Exception {
        ArticleExtraction x = fastneural.extract(article());
        List<String> transfers = x.events().stream().filter(e -> e.type() == EventType.TRANSFER)
            .map(e -> labels(e.agents()) + " -> " + labels(e.recipients())).toList();
        assertEquals(List.of("Norway -> Ghana"), transfers);
        Optional<EventFact> meeting = x.events().stream().filter(e -> e.type() == EventType.CONTACT).findFirst();
        assertTrue(meeting.isPresent(), "the meeting: " + x.events());
        assertTrue(labels(meeting.get().agents()).contains("Elina Valtonen")
            || labels(meeting.get().participants()).contains("Elina Valtonen"), meeting.get().toString());
    }

    static String labels(List<Entity> es) {
        return es.stream().map(Entity::label).collect(Collectors.joining(","));
    }
}
