"""Events and registries to RDF. Every resource gets an IRI from partnergraph.iris, and no blank nodes
are made, so the same input always gives the same triples."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from .. import iris
from ..model import Event, Place
from ..namespace import PG
from ..reference import Registries
from ..sources import ManifestEntry
from .terms import date_literal, place_iri
from .vocab import GEO, GEONAMES, OA, SCHEMA, WGS, WIKIDATA, bind_prefixes

MOPS = "Miejski Ośrodek Pomocy Społecznej w Krakowie"
GMINA = "Gmina Miejska Kraków"

# record field -> (property, IRI maker)
ENTITY_FIELDS = {
    "organisations": (PG.involvesOrganisation, lambda v: iris.named_iri("organisation", v)),
    "persons": (PG.involvesPerson, lambda v: iris.named_iri("person", v)),
    "projects": (PG.partOfProject, lambda v: iris.named_iri("project", v)),
    "programmes": (PG.fundedByProgramme, lambda v: iris.named_iri("programme", v)),
    "units": (PG.involvesUnit, lambda v: iris.named_iri("unit", v)),
    "countries": (PG.involvesCountry, iris.country_iri),
    "topics": (DCTERMS.subject, lambda v: iris.concept_iri("topics", v)),
}
CONCEPT_FIELDS = {"type": PG.eventType, "direction": PG.direction, "participants": PG.participantKind}
FIELD_PROPERTY = {
    **{f: p for f, (p, _) in ENTITY_FIELDS.items()},
    **CONCEPT_FIELDS,
    "cities": PG.involvesCity,
    "location": SCHEMA.location,
    "start": SCHEMA.startDate,
    "end": SCHEMA.endDate,
    "title": SCHEMA.name,
}


def new_graph() -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    return graph


def event_iri(event: Event) -> URIRef:
    return iris.entity_iri("event", event.id)


def source_iri(source_id: str) -> URIRef:
    return iris.entity_iri("source", source_id)


def add_place(graph: Graph, place: Place) -> URIRef:
    """Describe a city (labels, country, coordinates, links out); returns its IRI."""
    node = place_iri(place)
    if not place.name:
        return node
    graph.add((node, RDF.type, PG.City))
    graph.add((node, RDFS.label, Literal(place.name, lang="en")))
    graph.add((node, SKOS.prefLabel, Literal(place.name, lang="en")))
    if place.name_pl:
        graph.add((node, RDFS.label, Literal(place.name_pl, lang="pl")))
        graph.add((node, SKOS.prefLabel, Literal(place.name_pl, lang="pl")))
    if place.country:
        graph.add((node, SCHEMA.containedInPlace, iris.country_iri(place.country)))
    if place.lat is not None and place.lon is not None:
        geometry = URIRef(f"{node}#geometry")
        lat, lon = f"{place.lat:.5f}", f"{place.lon:.5f}"  # text, so the literal is exactly this decimal
        graph.add((node, WGS.lat, Literal(lat, datatype=XSD.decimal)))
        graph.add((node, WGS.long, Literal(lon, datatype=XSD.decimal)))
        graph.add((node, GEO.hasGeometry, geometry))
        graph.add((geometry, RDF.type, GEO.Geometry))
        wkt = f"POINT({lon} {lat})"
        graph.add((geometry, GEO.asWKT, Literal(wkt, datatype=GEO.wktLiteral)))
    if place.geonames_id:
        graph.add((node, PG.geonamesId, Literal(str(place.geonames_id))))
        graph.add((node, OWL.sameAs, GEONAMES[f"{place.geonames_id}/"]))
    if place.wikidata_id:
        graph.add((node, OWL.sameAs, WIKIDATA[place.wikidata_id]))
    return node


def add_named(graph: Graph, kind: str, name: str, lang: str | None = None) -> URIRef:
    """Minimal description of an entity known only by name (not in a registry)."""
    node = iris.named_iri(kind, name)
    rdf_class = {
        "organisation": ORG.Organization,
        "person": FOAF.Person,
        "project": PG.Project,
        "programme": PG.Programme,
        "unit": ORG.OrganizationalUnit,
    }[kind]
    graph.add((node, RDF.type, rdf_class))
    label = Literal(name, lang=lang)
    graph.add((node, RDFS.label, label))
    graph.add((node, FOAF.name if kind == "person" else SKOS.prefLabel, label))
    if kind == "unit":
        graph.add((node, ORG.unitOf, iris.named_iri("organisation", MOPS)))
    if kind == "organisation":
        graph.add((node, RDF.type, PG.PartnerOrganisation))
    return node


def source_to_graph(
    entry: ManifestEntry, events: Iterable[Event], registries: Registries, text: str | None = None
) -> Graph:
    """The named graph of one source page: the page (with `text`, the page's text as extracted, which the
    evidence offsets point into), its events and the evidence of every value. What the events name but
    the registries do not describe goes into the entities graph (`describe_entities`), once for all
    pages: described in every page graph, it would be repeated in a store's union default graph."""
    graph = new_graph()
    page = source_iri(entry.source_id)
    graph.add((page, RDF.type, PG.SourcePage))
    graph.add((page, RDFS.label, Literal(entry.title or entry.file)))
    if entry.title:
        graph.add((page, DCTERMS.title, Literal(entry.title, lang="pl")))
    if entry.url:
        graph.add((page, SCHEMA.url, URIRef(entry.url)))
        graph.add((page, FOAF.page, URIRef(entry.url)))
    if entry.year:
        graph.add((page, DCTERMS.date, Literal(str(entry.year), datatype=XSD.gYear)))
    graph.add((page, DCTERMS.publisher, iris.named_iri("organisation", MOPS)))
    graph.add((page, DCTERMS.identifier, Literal(entry.source_id)))
    if text is not None:
        graph.add((page, SCHEMA.text, Literal(text, lang="pl")))
    for event in events:
        add_event(graph, event, page, registries)
    return graph


def describe_entities(events: Iterable[Event], registries: Registries, graph: Graph | None = None) -> Graph:
    """The cities, organisations, persons, projects, programmes and units that the events name and the
    registries do not describe (the registry graph does), each described once."""
    graph = new_graph() if graph is None else graph
    for event in events:
        places = [event.location] if event.location else []
        for place in [*places, *event.cities]:
            if place.name and registries.place(place.name, place.country, place.geonames_id) is None:
                add_place(graph, place)
        for field in ("organisations", "persons", "projects", "programmes", "units"):
            kind = field[:-1]
            for name in getattr(event, field):
                if not _in_registry(registries, kind, name):
                    add_named(graph, kind, name)
        for name, aliases in event.aliases.items():  # one organisation, many names
            node = iris.named_iri("organisation", name)
            for alias in aliases:
                graph.add((node, SKOS.altLabel, Literal(alias)))
    return graph


def add_event(graph: Graph, event: Event, page: URIRef, registries: Registries | None = None) -> URIRef:
    node = event_iri(event)
    graph.add((node, RDF.type, PG.Event))
    graph.add((node, SCHEMA.name, Literal(event.title, lang="pl")))
    graph.add((node, RDFS.label, Literal(event.title, lang="pl")))
    graph.add((node, DCTERMS.identifier, Literal(event.id)))
    graph.add((node, PROV.wasDerivedFrom, page))
    if event.text:
        graph.add((node, PG.sectionText, Literal(event.text, lang="pl")))
    values: dict[str, list] = {}  # field -> the RDF values, parallel to the record's values
    if event.start:
        values["start"] = [date_literal(event.start)]
        values["end"] = [date_literal(event.end or event.start)]
    else:
        graph.add((node, PG.dateStated, Literal(False)))
    for field in CONCEPT_FIELDS:
        value = getattr(event, field)
        if value:
            values[field] = [iris.concept_iri(field, value)]
    if event.location:
        values["location"] = [place_iri(event.location)]
    values["cities"] = [place_iri(city) for city in event.cities]
    for field, (_prop, make_iri) in ENTITY_FIELDS.items():
        values[field] = [make_iri(registered_name(registries, field, v)) for v in getattr(event, field)]
    values["title"] = [Literal(event.title, lang="pl")]
    for field, nodes in values.items():
        prop = FIELD_PROPERTY[field]
        for n, value in enumerate(nodes):
            if field != "title":
                graph.add((node, prop, value))
            evidence = event.evidence.get(field) or []
            if n < len(evidence) or field in event.curated:
                add_evidence(graph, event, field, n, value, evidence[n] if n < len(evidence) else None, page)
    return node


def registered_name(registries: Registries | None, field: str, name: str) -> str:
    """The registry's name of a programme the page names by an alias or another wording ('Funduszy EOG' ->
    'Fundusze Europejskiego Obszaru Gospodarczego'): extraction keeps the page's wording (the gold's
    convention), the graph links the one registered programme, which has its owner and projects."""
    if field == "programmes" and registries is not None and (found := registries.find_programme(name)):
        return found.name
    return name


def _in_registry(registries: Registries, kind: str, name: str) -> bool:
    if kind == "programme":  # any registered wording stands for the registry's entry (see registered_name)
        return registries.find_programme(name) is not None
    finder = {
        "organisation": registries.find_organisation,
        "unit": registries.find_unit,
        "project": registries.find_project,
        "programme": registries.find_programme,
    }.get(kind)
    return bool(finder and (found := finder(name)) and found.name == name)


def add_evidence(graph: Graph, event: Event, field: str, n: int, value, evidence, page: URIRef) -> None:
    """A Web Annotation: this value of this event's field comes from these characters of the page."""
    node = iris.entity_iri("evidence", f"{event.id}/{field}/{n}")
    target, quote, position = (URIRef(f"{node}#{part}") for part in ("target", "quote", "position"))
    graph.add((node, RDF.type, OA.Annotation))
    graph.add((node, OA.motivatedBy, OA.identifying))
    graph.add((node, PG.evidenceOf, event_iri(event)))
    graph.add((node, PG.field, FIELD_PROPERTY[field]))
    if isinstance(value, Literal):
        graph.add((node, OA.bodyValue, Literal(str(value))))
    else:
        graph.add((node, OA.hasBody, value))
    confidence = Decimal(str(event.confidence(field, evidence)))
    graph.add((node, PG.confidence, Literal(confidence, datatype=XSD.decimal)))
    if field in event.curated:
        graph.add((node, PG.curated, Literal(True)))
        graph.add((node, PROV.wasAttributedTo, iris.entity_iri("agent", "curation")))
    if evidence is None:  # a value added by curation has no text to point at
        return
    graph.add((node, OA.hasTarget, target))
    graph.add((target, RDF.type, OA.SpecificResource))
    graph.add((target, OA.hasSource, page))
    graph.add((target, OA.hasSelector, quote))
    graph.add((target, OA.hasSelector, position))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(evidence.quote)))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(evidence.start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(evidence.end, datatype=XSD.nonNegativeInteger)))
