package org.newskg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newskg.article.Article;
import org.newskg.article.ArticleException;
import org.newskg.article.ArticleReader;
import org.newskg.config.Settings;
import org.newskg.extract.ArticleExtraction;
import org.newskg.extract.ExtractionText;
import org.newskg.extract.Extractor;
import org.newskg.extract.SentenceInfo;
import org.newskg.nlp.NlpPipeline;
import org.newskg.rdf.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newskg extract FILE... | --text TEXT}: shows what extraction reads in articles, without touching any store. */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = {"Shows the facts newskg extracts from articles (files, directories or --text), one line per fact, "
        + "with each sentence, without writing any store. --graphs adds the tokens and dependencies the rules see."})
final class ExtractCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "article files or directories")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--text", paramLabel = "TEXT", description = "extract from this text instead of files")
    String text;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "publication date for --text (default today)")
    String date;

    @Option(names = "--graphs", description = "also print each sentence's tokens (word/tag/lemma/kind) and enhanced++ dependencies")
    boolean graphs;

    @Option(names = "--settings", paramLabel = "FILE", description = "settings file overriding the defaults")
    Path settingsFile;

    @Option(names = "--verbose", description = "more log output and stack traces on errors")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Article> articles = new ArrayList<>();
        List<ArticleException> failures = new ArrayList<>();
        if (text != null) {
            LocalDate d;
            try {
                d = date == null ? LocalDate.now() : LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--date: not a date: " + date);
            }
            articles.add(new Article("text", d, null, null, null, text, "--text", ""));
        } else if (paths.isEmpty()) {
            throw new IllegalArgumentException("give article files or --text");
        } else {
            ArticleReader.read(paths, articles::add, failures::add);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        failures.forEach(f -> err.println("newskg: " + f.origin() + ": " + f.getMessage()));
        Settings s = StoreOptions.load(settingsFile);
        Extractor x = new Extractor(new NlpPipeline(s), ReferenceData.load().gazetteer());
        for (Article a : articles) {
            List<String> described = new ArrayList<>();
            ArticleExtraction r = x.explain(a, described);
            out.println("== " + a.id() + " (" + a.date() + ")");
            for (SentenceInfo si : r.sentences()) {
                out.println("[s" + si.index() + "] " + si.text().replace('\n', ' '));
                if (graphs && si.index() - 1 < described.size()) {
                    out.print(described.get(si.index() - 1));
                }
            }
            ExtractionText.lines(r).forEach(out::println);
            out.flush();
        }
        return failures.isEmpty() ? Main.OK : Main.FAILURE;
    }
}
