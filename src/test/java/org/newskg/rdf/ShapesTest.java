/*
 * newskg - knowledge-graph builder for geopolitical news.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package org.newskg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.parser.PropertyShape;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the ontology and the SHACL shapes against each other and against hand-written fixtures.
 *
 * <p>Every named {@code sh:NodeShape} in {@code ontology/shapes.ttl} has a pair of fixtures in
 * {@code ontology/fixtures/}: {@code {Shape}-valid.ttl} must conform and give the shape at least
 * one focus node, and {@code {Shape}-invalid.ttl} must fail, with every result coming from that
 * shape or one of its property shapes. Fixtures are validated merged with the ontology, as the
 * store validates the union of its graphs, so {@code sh:class} and {@code sh:targetClass} see
 * the ontology's {@code rdfs:subClassOf} triples. A further test makes sure that every
 * {@code nkg:} term in {@link NKG} is declared in the ontology with a label and a comment.
 */
class ShapesTest {

    /** The ontology file, relative to the project base directory. */
    private static final Path ONTOLOGY = Path.of("ontology", "newskg.ttl");
    /** The shapes file. */
    private static final Path SHAPES = Path.of("ontology", "shapes.ttl");
    /** Folder of the per-shape fixtures. */
    private static final Path FIXTURES = Path.of("ontology", "fixtures");
    /** The SHACL vocabulary namespace. */
    private static final String SH = "http://www.w3.org/ns/shacl#";

    /** Parsed ontology graph. */
    private static Graph ontology;
    /** Parsed shapes graph. */
    private static Graph shapesGraph;
    /** Compiled shapes. */
    private static Shapes shapes;

    /** Loads the ontology and the shapes once for all tests. */
    @BeforeAll
    static void load() throws IOException {
        ontology = GraphFactory.createDefaultGraph();
        readTurtle(ontology, ONTOLOGY);
        shapesGraph = GraphFactory.createDefaultGraph();
        readTurtle(shapesGraph, SHAPES);
        shapes = Shapes.parse(shapesGraph);
    }

    /** Parses a Turtle file from a stream (no file-name based language guessing), with the file's IRI as base. */
    private static void readTurtle(Graph graph, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            RDFDataMgr.read(graph, in, file.toAbsolutePath().toUri().toString(), Lang.TURTLE);
        }
    }

    /** Every node explicitly typed sh:NodeShape with an IRI, sorted by IRI. */
    private static List<Node> nodeShapes() {
        Node nodeShape = NodeFactory.createURI(SH + "NodeShape");
        return shapesGraph.find(Node.ANY, RDF.type.asNode(), nodeShape)
                .mapWith(t -> t.getSubject())
                .filterKeep(Node::isURI)
                .toList().stream()
                .sorted((a, b) -> a.getURI().compareTo(b.getURI()))
                .collect(Collectors.toList());
    }

    /** Local name of a shape IRI, the part after '#' or the last '/'. */
    private static String localName(Node shape) {
        String iri = shape.getURI();
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(cut + 1);
    }

    /** Path of a shape's fixture of the given kind ("valid" or "invalid"). */
    private static Path fixture(Node shape, String kind) {
        return FIXTURES.resolve(localName(shape) + "-" + kind + ".ttl");
    }

    /** The fixture merged with the ontology, as the store's union graph would hold it. */
    private static Graph dataGraph(Path fixture) throws IOException {
        Graph data = GraphFactory.createDefaultGraph();
        ontology.find().forEachRemaining(data::add);
        readTurtle(data, fixture);
        return data;
    }

    /** The node shape's own node plus the nodes of its property shapes. */
    private static Set<Node> shapeAndParts(Shape shape) {
        Set<Node> nodes = new HashSet<>();
        nodes.add(shape.getShapeNode());
        for (PropertyShape ps : shape.getPropertyShapes()) {
            nodes.add(ps.getShapeNode());
        }
        return nodes;
    }

    /** Readable report text for assertion messages. */
    private static String describe(ValidationReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ShLib.printReport(out, report);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The shapes file has named node shapes, each compiled by Jena and each with a target. */
    @Test
    void shapesFileDeclaresNodeShapes() {
        assertFalse(nodeShapes().isEmpty(), "no sh:NodeShape found in " + SHAPES);
        for (Node node : nodeShapes()) {
            Shape shape = shapes.getShape(node);
            assertTrue(shape != null && shape.isNodeShape(), node + " did not compile as a node shape");
            assertTrue(shape.hasTarget(), node + " has no target");
        }
    }

    /** Each named node shape has a valid and an invalid fixture file. */
    @Test
    void everyNodeShapeHasBothFixtures() {
        List<String> missing = new ArrayList<>();
        for (Node shape : nodeShapes()) {
            for (String kind : List.of("valid", "invalid")) {
                Path p = fixture(shape, kind);
                if (!Files.isRegularFile(p)) {
                    missing.add(p.toString());
                }
            }
        }
        assertTrue(missing.isEmpty(), "missing fixtures: " + missing);
    }

    /** Each valid fixture selects at least one focus node of its shape and conforms to all shapes. */
    @TestFactory
    Stream<DynamicTest> validFixturesConform() {
        return nodeShapes().stream().map(node -> DynamicTest.dynamicTest(localName(node) + " valid", () -> {
            Graph data = dataGraph(fixture(node, "valid"));
            Shape shape = shapes.getShape(node);
            assertFalse(VLib.focusNodes(data, shape).isEmpty(),
                    "valid fixture gives " + localName(node) + " no focus node");
            ValidationReport report = ShaclValidator.get().validate(shapes, data);
            assertTrue(report.conforms(), "valid fixture does not conform:\n" + describe(report));
        }));
    }

    /** Each invalid fixture fails, and only through its own shape or that shape's property shapes. */
    @TestFactory
    Stream<DynamicTest> invalidFixturesFailOnTheirShape() {
        return nodeShapes().stream().map(node -> DynamicTest.dynamicTest(localName(node) + " invalid", () -> {
            Graph data = dataGraph(fixture(node, "invalid"));
            Set<Node> own = shapeAndParts(shapes.getShape(node));
            ValidationReport report = ShaclValidator.get().validate(shapes, data);
            assertFalse(report.conforms(), "invalid fixture unexpectedly conforms");
            boolean hit = report.getEntries().stream().map(ReportEntry::source).anyMatch(own::contains);
            assertTrue(hit, "no result comes from " + localName(node) + ":\n" + describe(report));
            List<ReportEntry> foreign = report.getEntries().stream()
                    .filter(e -> !own.contains(e.source()))
                    .collect(Collectors.toList());
            assertTrue(foreign.isEmpty(),
                    "invalid fixture also breaks other shapes:\n" + describe(report));
        }));
    }

    /** Every nkg: Node constant of NKG is declared in the ontology with a type, label and comment. */
    @Test
    void ontologyDeclaresEveryNkgTerm() throws IllegalAccessException {
        assertTrue(ontology.contains(NodeFactory.createURI("https://w3id.org/newskg/ont"), RDF.type.asNode(),
                OWL.Ontology.asNode()), "no owl:Ontology header");
        Set<Node> declarationTypes = Set.of(OWL.Class.asNode(), OWL.ObjectProperty.asNode(),
                OWL.DatatypeProperty.asNode(), OWL.AnnotationProperty.asNode(), OWL.NamedIndividual.asNode(),
                SKOS.Concept.asNode(), SKOS.ConceptScheme.asNode());
        Set<String> problems = new TreeSet<>();
        int checked = 0;
        for (Field field : NKG.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != Node.class) {
                continue;
            }
            Node term = (Node) field.get(null);
            if (!term.isURI() || !term.getURI().startsWith(NKG.NS)) {
                continue;
            }
            checked++;
            String name = "nkg:" + term.getLocalName();
            boolean declared = ontology.find(term, RDF.type.asNode(), Node.ANY)
                    .filterKeep(t -> declarationTypes.contains(t.getObject())).hasNext();
            if (!declared) {
                problems.add(name + " is not declared with an OWL or SKOS type");
            }
            if (!ontology.find(term, RDFS.label.asNode(), Node.ANY).hasNext()) {
                problems.add(name + " has no rdfs:label");
            }
            if (!ontology.find(term, RDFS.comment.asNode(), Node.ANY).hasNext()) {
                problems.add(name + " has no rdfs:comment");
            }
        }
        assertTrue(checked > 0, "no nkg: terms found in NKG");
        assertEquals(Set.of(), problems, "ontology gaps");
    }
}
