"""Events to RDF: IRIs, dates at their precision, places, evidence, curation marks, and determinism."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, XSD

from partnergraph import iris
from partnergraph.errors import ValidationError
from partnergraph.model import Event, Evidence, Place
from partnergraph.namespace import PG
from partnergraph.ontology_tools import load_ontology_graph, load_shapes
from partnergraph.rdf import (
    assemble_dataset,
    describe_entities,
    registries_to_graph,
    source_to_graph,
    validate_dataset,
)
from partnergraph.rdf.terms import date_literal
from partnergraph.rdf.vocab import OA, SCHEMA, WGS
from partnergraph.reference import load_registries
from partnergraph.sources import ManifestEntry

ROOT = Path(__file__).resolve().parents[1]
ENTRY = ManifestEntry("bip-1.txt", "https://bip.example/1", 2017, "MOPS")


@pytest.fixture(scope="module")
def registries():
    return load_registries(ROOT / "data" / "reference")


def berlin_conference(registries) -> Event:
    berlin = registries.place("Berlin", "DE")
    landshut = Place("Landshut", "DE", "Landshut", 2881485, None, 48.52961, 12.16179)
    return Event(
        id="bip-1/konferencja-w-berlinie",
        source_id="bip-1",
        title="Konferencja w Berlinie",
        start="2017-11-16",
        end="2017-11-17",
        type="Conference",
        direction="outgoing",
        location=berlin,
        cities=[berlin, landshut],
        countries=["DE"],
        organisations=["Bundesarbeitsgemeinschaft Wohnungslosenhilfe e. V.", "Verein Neu"],
        topics=["homelessness"],
        text="Konferencja w Berlinie. W dniach 16-17 listopada ...",
        evidence={"cities": [Evidence("w Berlinie", 11, 21)], "start": [Evidence("16-17 listopada", 35, 50)]},
    )


def test_dates_keep_the_precision_the_page_gives():
    assert date_literal("2017-05-03").datatype == XSD.date
    assert date_literal("2017-05").datatype == XSD.gYearMonth
    assert date_literal("2017").datatype == XSD.gYear
    assert date_literal("--05-12").datatype == XSD.gMonthDay
    with pytest.raises(ValueError):
        date_literal("May 2017")


def test_event_triples(registries):
    graph = source_to_graph(ENTRY, [berlin_conference(registries)], registries)
    event = iris.entity_iri("event", "bip-1/konferencja-w-berlinie")
    assert (event, RDF.type, PG.Event) in graph
    assert (event, PG.eventType, iris.concept_iri("type", "Conference")) in graph
    assert (event, PG.direction, iris.concept_iri("direction", "outgoing")) in graph
    assert (event, DCTERMS.subject, iris.concept_iri("topics", "homelessness")) in graph
    assert (event, SCHEMA.startDate, Literal("2017-11-16", datatype=XSD.date)) in graph
    assert (event, PROV.wasDerivedFrom, iris.entity_iri("source", "bip-1")) in graph
    assert (event, PG.involvesCity, iris.city_iri("Berlin", "DE")) in graph
    assert (event, PG.involvesCountry, iris.country_iri("DE")) in graph
    # the page graph describes no city or organisation: the registry and the entities graph do
    assert (iris.city_iri("Landshut", "DE"), None, None) not in graph
    assert (iris.named_iri("organisation", "Verein Neu"), None, None) not in graph


def test_entities_beyond_the_registries_are_described_once(registries):
    event = berlin_conference(registries)
    entities = describe_entities([event], registries)
    # Berlin is described by the registry graph; Landshut, found by the gazetteer, here
    assert (iris.city_iri("Berlin", "DE"), None, None) not in entities
    landshut = iris.city_iri("Landshut", "DE")
    assert (landshut, WGS.lat, Literal("48.52961", datatype=XSD.decimal)) in entities
    assert (landshut, OWL.sameAs, URIRef("https://sws.geonames.org/2881485/")) in entities
    # an organisation the registry does not know is kept by name; one it knows is not described again
    assert (iris.named_iri("organisation", "Verein Neu"), RDF.type, PG.PartnerOrganisation) in entities
    known = iris.named_iri("organisation", "Bundesarbeitsgemeinschaft Wohnungslosenhilfe e. V.")
    assert (known, None, None) not in entities

    # two pages naming Landshut: in the dataset each of its triples is in one graph only
    other = ManifestEntry("bip-2.txt", "https://bip.example/2", 2018, "MOPS")
    again = Event(id="bip-2/wizyta", source_id="bip-2", title="Wizyta", cities=[event.cities[1]])
    dataset = assemble_dataset(
        load_ontology_graph(ROOT / "ontology"),
        registries_to_graph(registries),
        {
            "bip-1": source_to_graph(ENTRY, [event], registries),
            "bip-2": source_to_graph(other, [again], registries),
        },
        describe_entities([event, again], registries),
    )
    graphs = {g for _s, _p, _o, g in dataset.quads((landshut, None, None, None))}
    assert graphs == {iris.ENTITIES_GRAPH}
    assert len(list(dataset.quads((landshut, WGS.lat, None, None)))) == 1


def test_a_programme_named_by_a_registered_wording_is_the_registrys_programme(registries):
    """Extraction writes a programme as the page does ('Fundusze EOG', 'EEA Grants'); the graph links the one
    registered programme (its owner, its projects), not a new nameless-owner node per wording."""
    registered = iris.named_iri("programme", "Fundusze Europejskiego Obszaru Gospodarczego")
    for wording in ("Fundusze EOG", "EEA Grants", "Fundusze Europejskiego Obszaru Gospodarczego"):
        event = Event(id="bip-1/wizyta", source_id="bip-1", title="Wizyta", programmes=[wording])
        graph = source_to_graph(ENTRY, [event], registries)
        assert list(graph.objects(iris.entity_iri("event", "bip-1/wizyta"), PG.fundedByProgramme)) == [
            registered
        ]
        assert not describe_entities([event], registries)
    unknown = Event(id="bip-1/wizyta", source_id="bip-1", title="Wizyta", programmes=["Program Nowy"])
    assert (iris.named_iri("programme", "Program Nowy"), RDF.type, PG.Programme) in describe_entities(
        [unknown], registries
    )


def test_every_evidence_points_at_its_quote(registries):
    graph = source_to_graph(ENTRY, [berlin_conference(registries)], registries)
    annotation = iris.entity_iri("evidence", "bip-1/konferencja-w-berlinie/cities/0")
    assert (annotation, RDF.type, OA.Annotation) in graph
    assert (annotation, OA.hasBody, iris.city_iri("Berlin", "DE")) in graph
    target = graph.value(annotation, OA.hasTarget)
    assert graph.value(target, OA.hasSource) == iris.entity_iri("source", "bip-1")
    selectors = set(graph.objects(target, OA.hasSelector))
    quotes = {graph.value(s, OA.exact) for s in selectors} - {None}
    starts = {graph.value(s, OA.start) for s in selectors} - {None}
    assert quotes == {Literal("w Berlinie")}
    assert starts == {Literal(11, datatype=XSD.nonNegativeInteger)}


def test_curated_values_are_marked(registries):
    event = berlin_conference(registries)
    event.participants = "professionals"
    event.curated = {"participants"}
    graph = source_to_graph(ENTRY, [event], registries)
    annotation = iris.entity_iri("evidence", "bip-1/konferencja-w-berlinie/participants/0")
    assert (annotation, PG.curated, Literal(True)) in graph
    assert (annotation, OA.hasBody, iris.concept_iri("participants", "professionals")) in graph


def test_same_events_give_the_same_graph_in_any_order(registries):
    one = berlin_conference(registries)
    two = Event(id="bip-1/wizyta", source_id="bip-1", title="Wizyta", type="StudyVisit", direction="incoming")
    first = source_to_graph(ENTRY, [one, two], registries)
    second = source_to_graph(ENTRY, [two, one], registries)
    assert set(first) == set(second)  # no blank nodes: equal as sets, not only isomorphic
    assert isomorphic(first, second)


def test_shapes_accept_a_correct_graph_and_name_what_breaks(registries):
    ontology, shapes = load_ontology_graph(ROOT / "ontology"), load_shapes(ROOT / "ontology")
    good = source_to_graph(ENTRY, [berlin_conference(registries)], registries)
    validate_dataset(
        assemble_dataset(ontology, registries_to_graph(registries), {"bip-1": good}), shapes, ontology
    )

    broken = Event(
        id="bip-1/bez-typu",
        source_id="bip-1",
        title="Bez typu",
        direction="incoming",
        start="2017",
        cities=[Place("Atlantis", "XX")],
    )
    bad = source_to_graph(ENTRY, [broken], registries)
    entities = describe_entities([broken], registries)
    with pytest.raises(ValidationError) as info:
        validate_dataset(
            assemble_dataset(ontology, registries_to_graph(registries), {"bip-1": bad}, entities),
            shapes,
            ontology,
        )
    message = str(info.value)
    assert "event/bip-1/bez-typu (Bez typu): Event has no type" in message
    assert "city/atlantis-xx (Atlantis): City has no latitude" in message
    assert "[page bip-1]" in message


def test_every_evidence_annotation_carries_one_confidence(seed_settings):
    from rdflib import Dataset

    ds = Dataset(default_union=True)
    ds.parse(seed_settings.dumps_dir / "partnergraph.nq", format="nquads")
    annotations = set(ds.subjects(PG.evidenceOf, None))
    assert annotations
    for node in annotations:
        (value,) = list(ds.objects(node, PG.confidence))
        assert 0 <= value.toPython() <= 1
