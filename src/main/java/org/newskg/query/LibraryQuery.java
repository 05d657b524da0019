package org.newskg.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.newskg.rdf.ReferenceData;

/**
 * A SPARQL query with the parameters it declares: a file of the query library ({@code queries/}),
 * one of newskg's own query resources, or query text from the command line. A query declares each
 * parameter on a header comment line,
 *
 * <pre>
 * # @param visitor ?v entity: the visitor, by label or &lt;IRI&gt;
 * # @param status ?f status: reported, alleged, possible or negated
 * # @param entity ?e entity required: the entity, by label or &lt;IRI&gt;
 * </pre>
 *
 * naming the parameter, the query variable whose values it restricts, its kind ({@link Kind}) and
 * whether it is required. {@link QueryParameters} turns given values into bound values of that
 * variable; a query without declarations (inline SPARQL, a user's own file) takes any variable its
 * pattern uses by plain substitution instead.
 *
 * <pre>{@code
 * LibraryQuery q = LibraryQuery.library("timeline.rq");   // as shipped in the jar
 * LibraryQuery f = LibraryQuery.parse("queries/visits.rq"); // a file, or SPARQL text
 * q.params();                                             // [entity ?e entity required]
 * }</pre>
 */
public final class LibraryQuery {
    /** How a parameter's value becomes a value of its variable. */
    public enum Kind {
        /** An entity, named by its label (every entity with that label) or by {@code <IRI>}. */
        ENTITY,
        /** A factuality value: reported, alleged, possible or negated. */
        STATUS,
        /** An article, by id or by {@code <IRI>}. */
        ARTICLE,
        /** A plain string literal. */
        TEXT
    }

    /** A declared parameter: its name, the variable it binds, its kind, and whether it must be given. */
    public record Param(String name, String variable, Kind kind, boolean required, String description) {
        @Override
        public String toString() {
            return name + " (" + kind.name().toLowerCase(Locale.ROOT) + (required ? ", required" : "") + ")";
        }
    }

    private static final Pattern PARAM = Pattern.compile(
        "^#\\s*@param\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+\\?([A-Za-z_][A-Za-z0-9_]*)\\s+(entity|status|article|text)"
            + "(\\s+required)?\\s*:?\\s*(.*)$");

    private final String name;
    private final String text;
    private final List<Param> params;

    private LibraryQuery(String name, String text, List<Param> params) {
        this.name = name;
        this.text = text;
        this.params = params;
    }

    /** A query of the library as shipped in the jar ({@code newskg/queries/NAME}, e.g. {@code timeline.rq}). */
    public static LibraryQuery library(String name) {
        String file = name.endsWith(".rq") ? name : name + ".rq";
        if (!file.matches("[A-Za-z0-9_-]+\\.rq") || LibraryQuery.class.getResource("/newskg/queries/" + file) == null) {
            throw new IllegalArgumentException("no query '" + name + "' in the query library");
        }
        return of(file, new String(ReferenceData.resource("/newskg/queries/" + file), StandardCharsets.UTF_8));
    }

    /** One of newskg's own query resources ({@code newskg/sparql/NAME}). */
    public static LibraryQuery internal(String name) {
        return of(name, new String(ReferenceData.resource("/newskg/sparql/" + name), StandardCharsets.UTF_8));
    }

    /**
     * A query given on the command line: a {@code .rq} (or {@code .sparql}) file, a bare name of a
     * library query when no such file exists here ({@code timeline.rq}), or SPARQL text, in which
     * the usual prefixes ({@code nkg:}, {@code rdfs:}, ...) are predeclared.
     */
    public static LibraryQuery parse(String fileOrText) {
        boolean looksLikeFile = !fileOrText.contains("\n") && fileOrText.length() < 1000
            && (fileOrText.endsWith(".rq") || fileOrText.endsWith(".sparql"));
        if (!looksLikeFile) {
            return of("query", prefixes() + fileOrText);
        }
        Path p = Path.of(fileOrText);
        if (!Files.isRegularFile(p)) {
            if (p.getParent() == null && LibraryQuery.class.getResource("/newskg/queries/" + fileOrText) != null) {
                return library(fileOrText);
            }
            throw new IllegalArgumentException("no such query file: " + fileOrText);
        }
        try {
            return of(fileOrText, Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + fileOrText + ": " + e.getMessage());
        }
    }

    /** A query from its text; {@code name} is used in messages. */
    public static LibraryQuery of(String name, String text) {
        try {
            QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new IllegalArgumentException(name + ": SPARQL syntax error: " + oneLine(e.getMessage()));
        }
        List<Param> params = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = PARAM.matcher(line.strip());
            if (m.matches()) {
                params.add(new Param(m.group(1), m.group(2), Kind.valueOf(m.group(3).toUpperCase(Locale.ROOT)),
                    m.group(4) != null, m.group(5).strip()));
            }
        }
        return new LibraryQuery(name, text, List.copyOf(params));
    }

    private static String prefixes() {
        return new String(ReferenceData.resource("/newskg/sparql/prefixes.rq"), StandardCharsets.UTF_8);
    }

    /** A parser message on one line. */
    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** The file or resource name (or "query" for inline text). */
    public String name() {
        return name;
    }

    /** The query text as written. */
    public String text() {
        return text;
    }

    /** The parsed query, parsed afresh on every call, so that binding one copy never changes another. */
    public Query query() {
        return QueryFactory.create(text);
    }

    /** The declared parameters, in the order of the header; empty when the query declares none. */
    public List<Param> params() {
        return params;
    }

    /** The declared parameter of that name. */
    public Optional<Param> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    /** Whether the query declares its parameters (library queries do). */
    public boolean declaresParams() {
        return !params.isEmpty();
    }

    /** The question the query answers: the text after {@code # Question:} on its first line, or empty. */
    public String question() {
        String first = text.lines().findFirst().orElse("");
        return first.startsWith("# Question:") ? first.substring("# Question:".length()).strip() : "";
    }
}
