package org.newskg.it;

import org.newskg.config.Settings;
import org.newskg.extract.Gazetteer;
import org.newskg.nlp.NlpPipeline;
import org.newskg.rdf.ReferenceData;

/** The CoreNLP pipeline and gazetteer, loaded once per test JVM and shared by the integration tests. */
final class Models {
    private static NlpPipeline nlp;
    private static Gazetteer gazetteer;

    private Models() {}

    static synchronized NlpPipeline nlp() {
        if (nlp == null) {
            nlp = new NlpPipeline(Settings.defaults());
        }
        return nlp;
    }

    static synchronized Gazetteer gazetteer() {
        if (gazetteer == null) {
            gazetteer = ReferenceData.load().gazetteer();
        }
        return gazetteer;
    }
}
