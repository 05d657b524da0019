package org.newskg.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.expr.E_OneOf;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementMinus;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.sparql.syntax.ElementUnion;
import org.apache.jena.sparql.syntax.PatternVars;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.newskg.query.LibraryQuery.Kind;
import org.newskg.query.LibraryQuery.Param;
import org.newskg.rdf.NKG;
import org.newskg.rdf.RdfMapper;

/**
 * Binds parameter values into a parsed query as values, never by pasting text into it, so no value
 * can change what a query does. For a query that declares its parameters ({@link LibraryQuery}),
 * each value is turned into RDF terms by the parameter's kind (an entity label becomes every
 * entity with that label, through the {@link EntityResolver}) and restricts the declared variable:
 * a {@code VALUES} block at the start of the innermost group that always binds the variable (or
 * that holds a {@code UNION} every branch of which binds it), so the restriction is applied where
 * the variable is first matched, or, for a variable only an {@code OPTIONAL} binds, a
 * {@code FILTER(?v IN (...))} on the group around it. A parameter given
 * several times matches any of its values. A query without declarations takes any variable of its
 * pattern, substituted by Jena ({@code <IRI>} gives an IRI, anything else a string). An unknown,
 * unusable or missing required parameter is an {@link IllegalArgumentException} that lists the
 * parameters the query takes.
 *
 * <pre>{@code
 * Map<String, List<String>> values = QueryParameters.parse(List.of("visitor=Joe Biden"));
 * Query q = QueryParameters.bind(LibraryQuery.parse("queries/visits.rq"), values, resolver);
 * Query page = QueryParameters.page(q, 100L, 200L);
 * }</pre>
 */
public final class QueryParameters {
    /** Finds the entities a label names. */
    @FunctionalInterface
    public interface EntityResolver {
        /** Every entity whose label is exactly {@code label}, in IRI order (empty when none). */
        List<Node> entitiesLabelled(String label);
    }

    private QueryParameters() {}

    /** Parses {@code NAME=VALUE} specs; a name given more than once collects all its values. */
    public static Map<String, List<String>> parse(List<String> specs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("parameter '" + spec + "' is not NAME=VALUE");
            }
            String name = spec.substring(0, eq).replaceFirst("^[?$]", "");
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("parameter name '" + name + "' is not a SPARQL variable name");
            }
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(spec.substring(eq + 1));
        }
        return out;
    }

    /** The query with the values bound; {@code resolver} may be null when no entity parameter is given. */
    public static Query bind(LibraryQuery lq, Map<String, List<String>> values, EntityResolver resolver) {
        Query q = lq.query();
        if (!lq.declaresParams()) {
            return values.isEmpty() ? q : substitute(lq, q, values);
        }
        for (String name : values.keySet()) {
            if (lq.param(name).isEmpty()) {
                throw new IllegalArgumentException(lq.name() + " has no parameter '" + name + "'; it takes "
                    + describe(lq.params()));
            }
        }
        for (Param p : lq.params()) {
            List<String> given = values.get(p.name());
            if (given == null) {
                if (p.required()) {
                    throw new IllegalArgumentException(lq.name() + " needs --param " + p.name() + "=VALUE ("
                        + p.description() + "); it takes " + describe(lq.params()));
                }
                continue;
            }
            Set<Node> nodes = new LinkedHashSet<>();
            for (String v : given) {
                nodes.addAll(nodes(lq, p, v, resolver));
            }
            restrict(lq, q, Var.alloc(p.variable()), List.copyOf(nodes));
        }
        return q;
    }

    /**
     * Pages a SELECT query: at most {@code limit} rows (null: all) after skipping {@code offset} rows
     * (null: none), in the query's own order. A query with a LIMIT or OFFSET of its own is paged
     * within that slice.
     */
    public static Query page(Query q, Long limit, Long offset) {
        if (limit == null && offset == null) {
            return q;
        }
        if (limit != null && limit < 0 || offset != null && offset < 0) {
            throw new IllegalArgumentException("--limit and --offset take a number of rows, 0 or more");
        }
        if (!q.isSelectType()) {
            throw new IllegalArgumentException("--limit and --offset page SELECT queries only");
        }
        Query paged = q;
        if (q.hasLimit() || q.hasOffset()) {
            paged = new Query();
            paged.setQuerySelectType();
            paged.setPrefixMapping(q.getPrefixMapping());
            q.getProjectVars().forEach(paged::addResultVar);
            ElementGroup g = new ElementGroup();
            g.addElement(new ElementSubQuery(q));
            paged.setQueryPattern(g);
        }
        if (limit != null) {
            paged.setLimit(limit);
        }
        if (offset != null && offset > 0) {
            paged.setOffset(offset);
        }
        return paged;
    }

    /** "visitor (entity), destination (entity), status (status)". */
    static String describe(List<Param> params) {
        return params.stream().map(Param::toString).collect(Collectors.joining(", "));
    }

    private static List<Node> nodes(LibraryQuery lq, Param p, String value, EntityResolver resolver) {
        String v = value.strip();
        boolean iri = v.startsWith("<") && v.endsWith(">");
        switch (p.kind()) {
            case ENTITY -> {
                if (iri) {
                    return List.of(checkedIri(p, v));
                }
                if (resolver == null) {
                    throw new IllegalStateException("no entity resolver to look up '" + v + "'");
                }
                return resolver.entitiesLabelled(v);
            }
            case ARTICLE -> {
                if (iri) {
                    return List.of(checkedIri(p, v));
                }
                if (!v.matches("[\\p{L}\\p{N}._~-]+")) {
                    throw new IllegalArgumentException("parameter " + p.name() + ": '" + v + "' is not an article id");
                }
                return List.of(RdfMapper.articleNode(v));
            }
            case STATUS -> {
                String s = v.toLowerCase(Locale.ROOT);
                if (!List.of("reported", "alleged", "possible", "negated").contains(s)) {
                    throw new IllegalArgumentException("parameter " + p.name() + " of " + lq.name()
                        + " is reported, alleged, possible or negated, not '" + v + "'");
                }
                return List.of(NKG.nkg(s));
            }
            default -> {
                return List.of(NodeFactory.createLiteralString(value));
            }
        }
    }

    private static Node checkedIri(Param p, String v) {
        String iri = v.substring(1, v.length() - 1);
        if (!org.apache.jena.irix.IRIs.check(iri)) {
            throw new IllegalArgumentException("parameter " + p.name() + ": not a valid IRI: " + iri);
        }
        return NodeFactory.createURI(iri);
    }

    /** Restricts {@code v} to {@code nodes} where the query first matches it. */
    private static void restrict(LibraryQuery lq, Query q, Var v, List<Node> nodes) {
        if (!(q.getQueryPattern() instanceof ElementGroup top) || !restrictIn(top, v, nodes)) {
            throw new IllegalStateException(lq.name() + ": declared parameter variable ?" + v.getVarName()
                + " is not matched by any pattern of the query");
        }
    }

    /**
     * Restricts {@code v} in a group: with a VALUES block where a pattern of the group always binds
     * it (in each branch, for a UNION all of whose branches do), else with a FILTER when only an
     * OPTIONAL or UNION binds it. False, changing nothing, when nothing in the group binds it.
     */
    private static boolean restrictIn(ElementGroup group, Var v, List<Node> nodes) {
        for (Element e : group.getElements()) {
            if (bindsHere(e, v)) {
                group.getElements().add(0, values(v, nodes));
                return true;
            }
            if (e instanceof ElementNamedGraph ng && ng.getElement() instanceof ElementGroup inner && restrictIn(inner, v, nodes)) {
                return true;
            }
            if (e instanceof ElementGroup inner && restrictIn(inner, v, nodes)) {
                return true;
            }
            if (e instanceof ElementSubQuery sub && scopeOf(sub, v) != null && restrictIn(scopeOf(sub, v), v, nodes)) {
                return true;
            }
            if (e instanceof ElementUnion union && union.getElements().stream().allMatch(b -> restrictable(b, v))) {
                union.getElements().forEach(b -> restrictIn((ElementGroup) b, v, nodes));
                return true;
            }
        }
        boolean optional = group.getElements().stream()
            .anyMatch(e -> (e instanceof ElementOptional || e instanceof ElementUnion) && PatternVars.vars(e).contains(v));
        if (optional) {
            ExprList list = new ExprList();
            nodes.forEach(n -> list.add(NodeValue.makeNode(n)));
            group.addElementFilter(new ElementFilter(new E_OneOf(new ExprVar(v), list)));
            return true;
        }
        return false;
    }

    /** Whether some pattern of {@code e} always binds {@code v} (so a VALUES block there restricts every solution). */
    private static boolean restrictable(Element e, Var v) {
        if (!(e instanceof ElementGroup group)) {
            return false;
        }
        for (Element c : group.getElements()) {
            boolean inside = bindsHere(c, v)
                || c instanceof ElementNamedGraph ng && restrictable(ng.getElement(), v)
                || c instanceof ElementGroup && restrictable(c, v)
                || c instanceof ElementSubQuery sub && scopeOf(sub, v) != null && restrictable(scopeOf(sub, v), v)
                || c instanceof ElementUnion u && u.getElements().stream().allMatch(b -> restrictable(b, v));
            if (inside) {
                return true;
            }
        }
        return false;
    }

    /** A triple pattern, VALUES block or GRAPH name of this element itself binds {@code v}. */
    private static boolean bindsHere(Element e, Var v) {
        return (e instanceof ElementPathBlock || e instanceof ElementTriplesBlock) && PatternVars.vars(e).contains(v)
            || e instanceof ElementData data && data.getVars().contains(v)
            || e instanceof ElementNamedGraph ng && v.equals(ng.getGraphNameNode());
    }

    /** The pattern of a subquery in which {@code v} may be restricted: it projects v as is, or keeps it inside; else null. */
    private static ElementGroup scopeOf(ElementSubQuery sub, Var v) {
        Query sq = sub.getQuery();
        boolean computed = sq.getProjectVars().contains(v) && sq.getProject().hasExpr(v);
        return !computed && sq.getQueryPattern() instanceof ElementGroup inner ? inner : null;
    }

    private static ElementData values(Var v, List<Node> nodes) {
        ElementData data = new ElementData();
        data.add(v);
        nodes.forEach(n -> data.add(BindingFactory.binding(v, n)));
        return data;
    }

    /** Plain substitution for a query that declares no parameters. */
    private static Query substitute(LibraryQuery lq, Query q, Map<String, List<String>> values) {
        Set<String> usable = usableVariables(q);
        Map<Var, Node> map = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            String name = e.getKey();
            if (!usable.contains(name)) {
                throw new IllegalArgumentException(lq.name() + " cannot use parameter '" + name + "'; it can take "
                    + (usable.isEmpty() ? "none" : String.join(", ", usable)));
            }
            if (e.getValue().size() > 1) {
                throw new IllegalArgumentException("parameter " + name + " is given " + e.getValue().size()
                    + " times; a query without declared parameters takes one value each");
            }
            String v = e.getValue().get(0);
            if (v.startsWith("<") && v.endsWith(">")) {
                map.put(Var.alloc(name), checkedIri(new Param(name, name, Kind.ENTITY, false, ""), v));
            } else {
                map.put(Var.alloc(name), NodeFactory.createLiteralString(v));
            }
        }
        try {
            return QueryTransformOps.transform(q, map);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException(lq.name() + " cannot use " + map.keySet() + ": "
                + LibraryQuery.oneLine(ex.getMessage()) + "; it can take " + String.join(", ", usable));
        }
    }

    /** The variables a query without declarations can take: those its patterns match, not those it computes. */
    static Set<String> usableVariables(Query q) {
        Set<String> out = new TreeSet<>();
        Collection<Var> vars = PatternVars.vars(q.getQueryPattern());
        Set<Var> computed = new LinkedHashSet<>(q.getProject().getExprs().keySet());
        collectBinds(q.getQueryPattern(), computed);
        for (Var v : vars) {
            if (!computed.contains(v) && !v.getVarName().startsWith(".")) {
                out.add(v.getVarName());
            }
        }
        return out;
    }

    private static void collectBinds(Element e, Set<Var> out) {
        org.apache.jena.sparql.syntax.ElementWalker.walk(e, new org.apache.jena.sparql.syntax.ElementVisitorBase() {
            @Override
            public void visit(ElementBind el) {
                out.add(el.getVar());
            }
        });
    }
}
