package org.newskg.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;

/**
 * Every IRI newskg mints or reads: the ontology terms ({@code nkg:}), the entity, article and graph
 * namespaces, and the external vocabularies it aligns with (W3C ORG, SEM, PROV-O, OWL-Time, SKOS).
 *
 * <p>Terms are Jena {@link Node}s so that mapping code can emit triples straight into a
 * {@code StreamRDF}: {@code sink.triple(Triple.create(person, NKG.type, NKG.Person))}.
 */
public final class NKG {
    private NKG() {}

    /** Root of every IRI newskg mints. */
    public static final String BASE = "https://w3id.org/newskg/";
    /** Ontology namespace. */
    public static final String NS = BASE + "ont#";
    /** Namespace of entity IRIs (states, organisations, persons, places, roles). */
    public static final String ID = BASE + "id/";
    /** Namespace of article IRIs; an article's IRI also names its graph. */
    public static final String ARTICLE = BASE + "article/";
    /** Namespace of event IRIs: one canonical IRI per event, shared by every article that reports it. */
    public static final String EVENT = BASE + "event/";
    /** Namespace of the store's fixed graphs. */
    public static final String GRAPH = BASE + "graph/";
    /** Namespace of the entity index's entries (one per entity, event and role). */
    public static final String INDEX = BASE + "index/";

    public static final String ORG_NS = "http://www.w3.org/ns/org#";
    public static final String SEM_NS = "http://semanticweb.cs.vu.nl/2009/11/sem/";
    public static final String PROV_NS = "http://www.w3.org/ns/prov#";
    public static final String TIME_NS = "http://www.w3.org/2006/time#";
    public static final String DCT_NS = "http://purl.org/dc/terms/";
    public static final String WD_NS = "http://www.wikidata.org/entity/";

    // Graphs
    /** Reference data: states, organisations, roles, their names and metonyms. */
    public static final Node referenceGraph = iri(GRAPH + "reference");
    /** The ontology itself, so queries can read class labels. */
    public static final Node ontologyGraph = iri(GRAPH + "ontology");
    /** Per-article bookkeeping: source file, content hash, extractor version. */
    public static final Node metaGraph = iri(GRAPH + "meta");
    /** Statistics kept up to date by every write: per-entity article counts. */
    public static final Node statsGraph = iri(GRAPH + "stats");
    /** The entity index kept up to date by every write: each entity's events, their first report and counterparts. */
    public static final Node indexGraph = iri(GRAPH + "index");

    // Classes
    public static final Node Actor = nkg("Actor");
    public static final Node State = nkg("State");
    public static final Node Organization = nkg("Organization");
    public static final Node InternationalOrganization = nkg("InternationalOrganization");
    public static final Node GovernmentBody = nkg("GovernmentBody");
    public static final Node Person = nkg("Person");
    public static final Node Place = nkg("Place");
    public static final Node Role = nkg("Role");
    public static final Node BodyKind = nkg("BodyKind");
    public static final Node Fact = nkg("Fact");
    public static final Node PostHolding = nkg("PostHolding");
    public static final Node Tenure = nkg("Tenure");
    public static final Node Event = nkg("Event");
    public static final Node Visit = nkg("Visit");
    public static final Node Contact = nkg("Contact");
    public static final Node Deployment = nkg("Deployment");
    public static final Node Transfer = nkg("Transfer");
    public static final Node Agreement = nkg("Agreement");
    public static final Node Statement = nkg("Statement");
    public static final Node Article = nkg("Article");
    public static final Node Sentence = nkg("Sentence");
    public static final Node Evidence = nkg("Evidence");

    // Factuality (SKOS concepts in nkg:FactualityScheme)
    public static final Node FactualityScheme = nkg("FactualityScheme");
    public static final Node reported = nkg("reported");
    public static final Node alleged = nkg("alleged");
    public static final Node possible = nkg("possible");
    public static final Node negated = nkg("negated");

    // Article and evidence properties
    public static final Node publicationDate = nkg("publicationDate");
    public static final Node source = nkg("source");
    public static final Node url = nkg("url");
    public static final Node text = nkg("text");
    public static final Node mentions = nkg("mentions");
    public static final Node article = nkg("article");
    public static final Node index = nkg("index");
    public static final Node begin = nkg("begin");
    public static final Node end = nkg("end");
    public static final Node sentence = nkg("sentence");
    public static final Node quote = nkg("quote");
    public static final Node evidence = nkg("evidence");
    public static final Node factuality = nkg("factuality");
    public static final Node sourceFile = nkg("sourceFile");
    public static final Node contentHash = nkg("contentHash");
    public static final Node extractorVersion = nkg("extractorVersion");
    public static final Node articleCount = nkg("articleCount");
    public static final Node latestArticle = nkg("latestArticle");

    // Entity index (derived, in the index graph)
    public static final Node indexEntity = nkg("indexEntity");
    public static final Node indexEvent = nkg("indexEvent");
    public static final Node indexRole = nkg("indexRole");
    public static final Node counterparts = nkg("counterparts");
    public static final Node firstEvidence = nkg("firstEvidence");
    public static final Node firstArticle = nkg("firstArticle");
    public static final Node reportCount = nkg("reportCount");

    // Post holdings (aligned with W3C ORG membership) and roles
    public static final Node postTitle = nkg("postTitle");
    public static final Node member = iri(ORG_NS + "member");
    public static final Node organization = iri(ORG_NS + "organization");
    public static final Node role = iri(ORG_NS + "role");
    public static final Node subOrganizationOf = iri(ORG_NS + "subOrganizationOf");

    // Event roles and attributes (SEM-aligned)
    public static final Node eventType = nkg("eventType");
    public static final Node agent = nkg("agent");
    public static final Node participant = nkg("participant");
    public static final Node target = nkg("target");
    public static final Node recipient = nkg("recipient");
    public static final Node destination = nkg("destination");
    public static final Node location = nkg("location");
    public static final Node item = nkg("item");
    public static final Node topic = nkg("topic");
    public static final Node statementKind = nkg("statementKind");
    public static final Node troopCount = nkg("troopCount");
    public static final Node countApproximate = nkg("countApproximate");
    public static final Node date = nkg("date");
    public static final Node dateGranularity = nkg("dateGranularity");
    public static final Node sameEventAs = nkg("sameEventAs");
    public static final Node cameoCode = nkg("cameoCode");
    public static final Node ploverType = nkg("ploverType");
    /** The properties that link an event to the entities taking part in it, in a fixed order. */
    public static final java.util.List<Node> EVENT_ROLES = java.util.List.of(agent, participant, target, recipient,
        destination, location);

    // Entity reference properties
    public static final Node demonym = nkg("demonym");
    public static final Node iso3166Alpha2 = nkg("iso3166Alpha2");
    public static final Node iso3166Alpha3 = nkg("iso3166Alpha3");
    public static final Node capital = nkg("capital");
    public static final Node seatOfPower = nkg("seatOfPower");
    public static final Node metonymFor = nkg("metonymFor");
    public static final Node startDate = nkg("startDate");
    public static final Node endDate = nkg("endDate");
    public static final Node ofState = nkg("ofState");
    public static final Node bodyKind = nkg("bodyKind");
    public static final Node acronym = nkg("acronym");

    // External terms used directly
    public static final Node type = RDF.type.asNode();
    public static final Node label = RDFS.label.asNode();
    public static final Node comment = RDFS.comment.asNode();
    public static final Node altLabel = SKOS.altLabel.asNode();
    public static final Node exactMatch = SKOS.exactMatch.asNode();
    public static final Node notation = SKOS.notation.asNode();
    public static final Node broader = SKOS.broader.asNode();
    public static final Node foafPerson = FOAF.Person.asNode();
    public static final Node dctTitle = iri(DCT_NS + "title");
    public static final Node dctIdentifier = iri(DCT_NS + "identifier");
    public static final Node xsdDate = iri(XSD.date.getURI());
    public static final Node unitDay = iri(TIME_NS + "unitDay");
    public static final Node unitMonth = iri(TIME_NS + "unitMonth");
    public static final Node unitYear = iri(TIME_NS + "unitYear");

    /** An ontology term by local name. */
    public static Node nkg(String local) {
        return iri(NS + local);
    }

    /** An IRI node. */
    public static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
