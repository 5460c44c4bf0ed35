"""The ontology layer: bilingual terms, schemes equal to the taxonomy, the generated PG namespace, SHACL
shapes that accept a correct graph and name what is wrong in a broken one, and offline HTML docs."""

from __future__ import annotations

import re
from pathlib import Path

import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from partnergraph import iris, ontology_tools
from partnergraph.errors import PartnergraphError
from partnergraph.namespace import PG
from partnergraph.ontology_tools import (
    generate_namespace_module,
    load_ontology_graph,
    load_shapes,
    ontology_terms,
    render_ontology_docs,
)

ROOT = Path(__file__).parents[1]
ONTOLOGY = ROOT / "ontology"
TAXONOMY = ROOT / ".." / "shared" / "spec" / "taxonomy.md"
SCHEMES = {
    "type": "event-types",
    "direction": "directions",
    "participants": "participant-kinds",
    "topics": "topics",
}


def _taxonomy() -> dict[str, dict[str, list[str]]]:
    """{field: {id: [cells]}} from the tables (and the one comma list) of the shared taxonomy."""
    sections: dict[str, list[str]] = {}
    heading = None
    for line in TAXONOMY.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line[3:].strip().lower()
            sections[heading] = []
        elif heading is not None and line.strip():
            sections[heading].append(line.strip())
    fields = {
        "event type": "type",
        "direction": "direction",
        "participant kind": "participants",
        "topics": "topics",
    }
    found: dict[str, dict[str, list[str]]] = {}
    for heading, lines in sections.items():
        field = next((f for prefix, f in fields.items() if heading.startswith(prefix)), None)
        if field is None:
            continue
        rows = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines if ln.startswith("|")]
        if rows:  # header, separator, then one row per id
            found[field] = {r[0]: r[1:] for r in rows[2:]}
        else:  # "students, academics, ..."
            found[field] = {i.strip(): [] for i in re.sub(r"\([^)]*\)", "", lines[0]).split(",")}
    return found


TAXONOMY_IDS = _taxonomy()


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology_graph(ONTOLOGY)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(ONTOLOGY)


def _languages(graph: Graph, node, prop) -> list[str]:
    return sorted(o.language for o in graph.objects(node, prop) if isinstance(o, Literal))


# --- terms --------------------------------------------------------------------------------------------


def test_taxonomy_is_parsed():
    assert set(TAXONOMY_IDS) == set(SCHEMES)
    assert len(TAXONOMY_IDS["topics"]) == 17
    assert len(TAXONOMY_IDS["participants"]) == 7


def test_every_pg_term_has_one_label_and_one_definition_in_polish_and_english(ontology):
    subjects = {s for s in ontology.subjects() if isinstance(s, URIRef) and s.startswith(str(iris.DEF))}
    subjects.discard(URIRef(str(iris.DEF)))  # the ontology itself: dcterms:title and description
    assert len(subjects) > 60
    for term in sorted(subjects):
        is_concept = (term, RDF.type, SKOS.Concept) in ontology or (
            term,
            RDF.type,
            SKOS.ConceptScheme,
        ) in ontology
        label = SKOS.prefLabel if is_concept else RDFS.label
        assert _languages(ontology, term, label) == ["en", "pl"], term
        assert _languages(ontology, term, SKOS.definition) == ["en", "pl"], term


def test_ontology_defines_the_terms_of_the_design():
    expected_classes = {
        "Event",
        "SourcePage",
        "City",
        "Country",
        "Project",
        "Programme",
        "PartnerOrganisation",
    }
    expected_properties = set(
        "eventType direction participantKind involvesCity involvesCountry involvesOrganisation "
        "involvesPerson partOfProject fundedByProgramme involvesUnit sectionText geonamesId isoCode "
        "basedIn organisationKind leadPartner partnerCity evidenceOf field curated confidence dateStated".split()
    )
    terms = ontology_terms(load_ontology_graph(ONTOLOGY))
    names = {kind: {str(t)[len(str(iris.DEF)) :] for t in found} for kind, found in terms.items()}
    assert names == {"classes": expected_classes, "properties": expected_properties}


def test_every_pg_term_reuses_a_standard_vocabulary_or_a_pg_term(ontology):
    for cls in ontology_terms(ontology)["classes"]:
        assert list(ontology.objects(cls, RDFS.subClassOf)), cls
    for prop in ontology_terms(ontology)["properties"]:
        domain_includes = URIRef("https://schema.org/domainIncludes")
        assert (prop, RDFS.domain, None) in ontology or (prop, domain_includes, None) in ontology, prop
        assert (prop, RDFS.range, None) in ontology, prop


def test_the_ontology_has_no_blank_nodes(ontology):
    """The build promises the same bytes from the same inputs; blank nodes get new ids on every parse."""
    assert not [t for t in ontology if any(isinstance(n, BNode) for n in t)]


def test_ontology_metadata(ontology):
    ont = URIRef(str(iris.DEF))
    assert (ont, RDF.type, OWL.Ontology) in ontology
    assert str(ontology.value(ont, URIRef("http://purl.org/dc/terms/license"))) == (
        "https://creativecommons.org/licenses/by/4.0/"
    )
    for prop in ("title", "description", "creator", "created"):
        assert ontology.value(ont, URIRef("http://purl.org/dc/terms/" + prop)) is not None, prop


# --- schemes ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("field", sorted(SCHEMES))
def test_scheme_holds_exactly_the_taxonomy_ids(ontology, field):
    scheme = iris.DEF[SCHEMES[field]]
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology
    assert _languages(ontology, scheme, SKOS.prefLabel) == ["en", "pl"]
    concepts = set(ontology.subjects(SKOS.inScheme, scheme))
    assert {str(ontology.value(c, SKOS.notation)) for c in concepts} == set(TAXONOMY_IDS[field])
    assert concepts == {iris.concept_iri(field, i) for i in TAXONOMY_IDS[field]}
    assert set(ontology.subjects(SKOS.topConceptOf, scheme)) == concepts
    assert set(ontology.objects(scheme, SKOS.hasTopConcept)) == concepts
    for concept in concepts:
        assert (concept, RDF.type, SKOS.Concept) in ontology


def test_topic_labels_are_the_pl_and_en_columns_of_the_taxonomy(ontology):
    for topic, (pl, en, _covers) in TAXONOMY_IDS["topics"].items():
        concept = iris.concept_iri("topics", topic)
        assert ontology.value(concept, SKOS.prefLabel) is not None
        assert Literal(pl, lang="pl") in set(ontology.objects(concept, SKOS.prefLabel)), topic
        assert Literal(en, lang="en") in set(ontology.objects(concept, SKOS.prefLabel)), topic


def test_shapes_allow_exactly_the_scheme_concepts(ontology, shapes):
    """The sh:in lists of the shapes are written out by hand: they must not drift from the schemes."""
    allowed = {}
    for prop_shape in shapes.subjects(SH["in"], None):
        path = shapes.value(prop_shape, SH.path)
        allowed[path] = set(shapes.items(shapes.value(prop_shape, SH["in"])))
    by_path = {
        PG.eventType: "type",
        PG.direction: "direction",
        PG.participantKind: "participants",
        URIRef("http://purl.org/dc/terms/subject"): "topics",
    }
    assert set(allowed) == set(by_path)
    for path, field in by_path.items():
        assert allowed[path] == set(ontology.subjects(SKOS.inScheme, iris.DEF[SCHEMES[field]])), path


# --- generated namespace ------------------------------------------------------------------------------


def test_regenerating_the_namespace_module_gives_no_diff():
    module = ROOT / "src" / "partnergraph" / "namespace.py"
    assert generate_namespace_module(ONTOLOGY) == module.read_text(encoding="utf-8"), (
        "src/partnergraph/namespace.py is stale: run `python -m partnergraph.ontology_tools`"
    )


def test_pg_namespace_rejects_a_misspelt_term():
    assert PG.Event == iris.DEF["Event"]
    with pytest.raises(AttributeError):
        PG.Evnt  # noqa: B018


def test_a_moved_base_moves_the_ontology_the_shapes_and_the_concepts(monkeypatch):
    moved = Namespace("http://example.org/pg/def/")
    monkeypatch.setattr(iris, "DEF", moved)
    graph = load_ontology_graph(ONTOLOGY)
    assert (moved["Event"], RDF.type, OWL.Class) in graph
    assert not any(str(s).startswith(ontology_tools.FILE_NAMESPACE) for s in graph.subjects())
    assert (iris.concept_iri("topics", "housing"), SKOS.inScheme, moved["topics"]) in graph
    assert str(iris.concept_iri("topics", "housing")).startswith(str(moved))
    assert (None, SH.targetClass, moved["Event"]) in load_shapes(ONTOLOGY)


def test_a_missing_ontology_file_is_a_partnergraph_error(tmp_path):
    with pytest.raises(PartnergraphError, match="not found"):
        load_ontology_graph(tmp_path)


# --- SHACL --------------------------------------------------------------------------------------------

PREFIXES = """
@prefix pg: <https://w3id.org/partnergraph/def/> .
@prefix et: <https://w3id.org/partnergraph/def/event-type/> .
@prefix dir: <https://w3id.org/partnergraph/def/direction/> .
@prefix part: <https://w3id.org/partnergraph/def/participants/> .
@prefix topic: <https://w3id.org/partnergraph/def/topic/> .
@prefix source: <https://w3id.org/partnergraph/id/source/> .
@prefix ev: <https://w3id.org/partnergraph/id/event/bip-83616/> .
@prefix evid: <https://w3id.org/partnergraph/id/evidence/bip-83616/> .
@prefix city: <https://w3id.org/partnergraph/id/city/> .
@prefix country: <https://w3id.org/partnergraph/id/country/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix geo: <http://www.opengis.net/ont/geosparql#> .
@prefix wgs: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
"""

VALID = """
source:bip-83616 a pg:SourcePage ; dcterms:title "Współpraca z zagranicą" .

country:de a pg:Country ; pg:isoCode "DE" ; rdfs:label "Germany"@en , "Niemcy"@pl .

city:berlin-de a pg:City ;
    rdfs:label "Berlin"@en , "Berlin"@pl ; skos:prefLabel "Berlin"@en ;
    schema:containedInPlace country:de ;
    wgs:lat "52.52437"^^xsd:decimal ; wgs:long "13.41053"^^xsd:decimal ; pg:geonamesId "2950159" ;
    geo:hasGeometry [ a geo:Geometry ; geo:asWKT "POINT(13.41053 52.52437)"^^geo:wktLiteral ] .

ev:wizyta-z-berlina a pg:Event ;
    schema:name "Wizyta z Berlina"@pl ;
    schema:startDate "2017-02-07"^^xsd:date ; schema:endDate "2017-02"^^xsd:gYearMonth ;
    pg:eventType et:StudyVisit ; pg:direction dir:incoming ; pg:participantKind part:students ;
    dcterms:subject topic:homelessness , topic:mental_health ;
    pg:involvesCity city:berlin-de ; pg:involvesCountry country:de ;
    pg:sectionText "Wizyta z Berlina ..."@pl ;
    prov:wasDerivedFrom source:bip-83616 .

ev:darowizna a pg:Event ;
    schema:name "Darowizna"@pl ; pg:dateStated false ;
    pg:eventType et:Donation ; pg:direction dir:incoming ;
    prov:wasDerivedFrom source:bip-83616 .

evid:darowizna-countries-0 a oa:Annotation ;
    pg:evidenceOf ev:darowizna ; pg:field pg:involvesCountry ; pg:curated true ;
    oa:hasTarget [ oa:hasSource source:bip-83616 ] .

evid:darowizna-type-0 a oa:Annotation ;
    pg:evidenceOf ev:darowizna ; pg:field pg:eventType ; pg:curated true .
"""

EVENT = "ev:wizyta-z-berlina"
CITY = "city:berlin-de"


def _validate(turtle: str, ontology: Graph, shapes: Graph) -> tuple[bool, list[str], Graph]:
    data = Graph().parse(data=PREFIXES + turtle, format="turtle")
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    messages = sorted(str(m) for m in report.objects(None, SH.resultMessage))
    return conforms, messages, report


def _without(turtle: str, subject: str, line_pattern: str) -> str:
    """The valid graph with one statement of `subject` removed (a regex on the statement's text)."""
    start = turtle.index(subject + " a ")
    end = turtle.index(" .\n", start) + 3
    block = re.sub(line_pattern, "", turtle[start:end], count=1)
    assert block != turtle[start:end], line_pattern
    return turtle[:start] + block + turtle[end:]


def test_a_correct_graph_conforms(ontology, shapes):
    conforms, messages, _ = _validate(VALID, ontology, shapes)
    assert conforms, messages


@pytest.mark.parametrize(
    ("subject", "remove", "message"),
    [
        (EVENT, r"pg:eventType et:StudyVisit ; ", "Event has no type (pg:eventType)"),
        (EVENT, r"pg:direction dir:incoming ; ", "Event has no direction (pg:direction)"),
        (EVENT, r"\s*prov:wasDerivedFrom source:bip-83616 (?=\.)", "Event has no source page"),
        (EVENT, r"schema:name \"Wizyta z Berlina\"@pl ;", "Event has no name (schema:name)"),
        (EVENT, r"schema:startDate \"2017-02-07\"\^\^xsd:date ; ", "Event has no start date"),
        (CITY, r"schema:containedInPlace country:de ;", "City has no country (schema:containedInPlace)"),
        (CITY, r"wgs:lat \"52.52437\"\^\^xsd:decimal ; ", "City has no latitude (wgs:lat)"),
        (CITY, r"\"Berlin\"@en , ", "City has no English label (rdfs:label @en)"),
        (CITY, r"geo:hasGeometry \[[^\]]*\]", "City has no geometry (geo:hasGeometry)"),
        ("country:de", r"pg:isoCode \"DE\" ; ", "Country has no ISO code (pg:isoCode)"),
    ],
)
def test_a_broken_graph_fails_with_a_readable_message(ontology, shapes, subject, remove, message):
    broken = _without(VALID, subject, remove)
    conforms, messages, _ = _validate(broken, ontology, shapes)
    assert not conforms
    assert any(m.startswith(message) for m in messages), messages


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("et:StudyVisit", "topic:housing"), "Event type is not a concept of the event-type scheme"),
        (
            ("topic:mental_health", "et:Meeting"),
            "Event topic (dcterms:subject) is not a concept of the topic",
        ),
        (
            ("pg:eventType et:StudyVisit ;", "pg:eventType et:StudyVisit , et:Meeting ;"),
            "Event has more than",
        ),
        (
            ("pg:dateStated false", "pg:dateStated false ; schema:startDate 2010"),
            "Event has a start date but",
        ),
        (
            ('schema:startDate "2017-02-07"^^xsd:date', 'schema:startDate "7 lutego"'),
            "Event start date is not",
        ),
        (
            ('rdfs:label "Germany"@en', 'rdfs:label "Germany"@en , "Deutschland"@en'),
            "Country has more than one",
        ),
        (('"POINT(13.41053 52.52437)"^^geo:wktLiteral', '"POINT(13 52)"'), "City geometry has no geo:asWKT"),
        (
            ("country:de ;\n    wgs:lat", "city:berlin-de ;\n    wgs:lat"),
            "City is contained in something",
        ),
        (("pg:eventType ; pg:curated true .", "pg:eventType ."), "Evidence annotation has no target"),
    ],
)
def test_a_wrong_value_fails_with_a_readable_message(ontology, shapes, change, message):
    old, new = change
    assert old in VALID
    conforms, messages, _ = _validate(VALID.replace(old, new, 1), ontology, shapes)
    assert not conforms
    assert any(m.startswith(message) for m in messages), messages


def test_the_report_names_the_broken_event(ontology, shapes):
    conforms, _, report = _validate(
        _without(VALID, EVENT, r"pg:eventType et:StudyVisit ; "), ontology, shapes
    )
    assert not conforms
    focus = {str(f) for f in report.objects(None, SH.focusNode)}
    assert focus == {"https://w3id.org/partnergraph/id/event/bip-83616/wizyta-z-berlina"}


# --- docs ---------------------------------------------------------------------------------------------

EXTERNAL_SCRIPT_OR_STYLE = re.compile(
    r"<script\b[^>]*\bsrc\s*=|<link\b[^>]*rel=\"?stylesheet[^>]*href=\"?https?:|<link\b[^>]*href=\"?https?:"
    r"[^>]*stylesheet|@import|url\(\s*['\"]?https?:",
    re.IGNORECASE,
)


def test_the_docs_render_offline_with_every_class_label(ontology, tmp_path):
    out = render_ontology_docs(ONTOLOGY, tmp_path / "docs" / "index.html")
    page = out.read_text(encoding="utf-8")
    assert "<title>partnergraph: an ontology of international cooperation</title>" in page
    for cls in ontology_terms(ontology)["classes"]:
        for label in ontology.objects(cls, RDFS.label):
            assert str(label) in page, label
    for field in SCHEMES:
        for topic in TAXONOMY_IDS[field]:
            assert f">{topic}</code>" in page, topic
    assert not EXTERNAL_SCRIPT_OR_STYLE.search(page)
    assert "<style>" in page  # pyLODE's stylesheet, inline


def test_the_docs_are_the_same_bytes_every_time(tmp_path):
    first = render_ontology_docs(ONTOLOGY, tmp_path / "a.html").read_bytes()
    assert render_ontology_docs(ONTOLOGY, tmp_path / "b.html").read_bytes() == first


def test_coordinates_built_from_python_floats_conform(ontology, shapes):
    """Regression: Literal(50.06, datatype=xsd:decimal) made in memory from a float failed sh:datatype."""
    data = Graph().parse(data=PREFIXES + VALID, format="turtle")
    city = URIRef("https://w3id.org/partnergraph/id/city/berlin-de")
    wgs = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
    for prop, value in ((wgs.lat, 52.52437), (wgs.long, 13.41053)):
        data.set((city, prop, Literal(value, datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))))
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    assert conforms, sorted(str(m) for m in report.objects(None, SH.resultMessage))


@pytest.mark.parametrize("latitude", ['"north"', "91.5", '"52.5"'])
def test_a_latitude_that_is_not_a_number_in_range_fails(ontology, shapes, latitude):
    broken = VALID.replace('"52.52437"^^xsd:decimal', latitude)
    conforms, messages, _ = _validate(broken, ontology, shapes)
    assert not conforms
    assert "City latitude (wgs:lat) is not a number between -90 and 90" in messages
