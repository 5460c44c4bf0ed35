"""What the portal's pages list, count and draw, read from the store once per build: every event with its
date, type, direction and links, the labels of everything they link to, and the places' coordinates.

The graph of one public body is small (hundreds of events), so the lists are sorted, filtered and paged
in Python; `read_catalog` runs four bounded queries and one label lookup."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef

from ... import iris

PG = str(iris.DEF)
SCHEMA = "https://schema.org/"
WGS = "http://www.w3.org/2003/01/geo/wgs84_pos#"
DCT = "http://purl.org/dc/terms/"

# what a browse list is made of: the link from an event to the listed things
KINDS = {
    "countries": PG + "involvesCountry",
    "cities": PG + "involvesCity",
    "organisations": PG + "involvesOrganisation",
    "units": PG + "involvesUnit",
    "persons": PG + "involvesPerson",
    "projects": PG + "partOfProject",
    "programmes": PG + "fundedByProgramme",
    "topics": DCT + "subject",
}
BY_PROPERTY = {prop: kind for kind, prop in KINDS.items()}


@dataclass
class Event:
    iri: str
    name: str = ""
    start: str = ""  # ISO date as written ('2017-02-07', or '--05-12' without a year)
    end: str = ""
    type: str = ""  # concept IRIs
    direction: str = ""
    links: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # kind -> IRIs

    @property
    def year(self) -> int | None:
        head = self.start[:4]
        return int(head) if head.isdigit() else None


@dataclass
class Catalog:
    events: list[Event]
    labels: dict[str, dict[str, str]]  # IRI -> language ('' for none) -> label
    coordinates: dict[str, tuple[float, float]]  # city IRI -> (lat, long)
    country_of: dict[str, str]  # city or organisation IRI -> country IRI
    iso: dict[str, str]  # country IRI -> ISO 3166-1 alpha-2

    def label(self, iri: str, lang: str) -> str:
        labels = self.labels.get(iri) or {}
        for key in (lang, "en" if lang == "pl" else "pl", ""):
            if labels.get(key):
                return labels[key]
        return iri.rstrip("/").rsplit("/", 1)[-1]

    def years(self) -> list[int]:
        return sorted({e.year for e in self.events if e.year})


def _one(rows, key):
    return str(rows[key]) if rows.get(key) is not None else ""


def read_catalog(store) -> Catalog:
    from ..describe import fetch_labels

    events: dict[str, Event] = {}
    rows = store.select(
        f"PREFIX pg: <{PG}> PREFIX schema: <{SCHEMA}> "
        "SELECT ?e (MIN(?n) AS ?name) (MIN(?s) AS ?start) (MAX(?f) AS ?end) (MIN(?t) AS ?type) "
        "(MIN(?d) AS ?direction) WHERE { ?e a pg:Event . OPTIONAL { ?e schema:name ?n } "
        "OPTIONAL { ?e schema:startDate ?s } OPTIONAL { ?e schema:endDate ?f } OPTIONAL { ?e pg:eventType ?t } "
        "OPTIONAL { ?e pg:direction ?d } } GROUP BY ?e"
    ).rows
    for row in rows:
        iri = str(row["e"])
        events[iri] = Event(
            iri,
            _one(row, "name"),
            _one(row, "start"),
            _one(row, "end"),
            _one(row, "type"),
            _one(row, "direction"),
        )
    props = " ".join(f"<{p}>" for p in KINDS.values())
    links = store.select(
        f"SELECT ?e ?p ?o WHERE {{ VALUES ?p {{ {props} }} ?e a <{PG}Event> ; ?p ?o }} ORDER BY ?e ?p ?o"
    ).rows
    nodes = {URIRef(e.type) for e in events.values() if e.type} | {
        URIRef(e.direction) for e in events.values() if e.direction
    }
    for row in links:
        event = events.get(str(row["e"]))
        if event is not None:
            event.links[BY_PROPERTY[str(row["p"])]].append(str(row["o"]))
            nodes.add(row["o"])
    coordinates, country_of, iso = {}, {}, {}
    for row in store.select(
        f"SELECT ?c (MIN(?a) AS ?lat) (MIN(?o) AS ?long) WHERE {{ ?c <{WGS}lat> ?a ; <{WGS}long> ?o }} GROUP BY ?c"
    ).rows:
        try:
            coordinates[str(row["c"])] = (float(row["lat"]), float(row["long"]))
        except (TypeError, ValueError):
            continue
    for row in store.select(
        f"SELECT ?x ?c WHERE {{ ?x <{SCHEMA}containedInPlace>|<{PG}basedIn> ?c . ?c <{PG}isoCode> ?i }}"
    ).rows:
        country_of.setdefault(str(row["x"]), str(row["c"]))
        nodes.add(row["c"])
    for row in store.select(f"SELECT ?c ?i WHERE {{ ?c a <{PG}Country> ; <{PG}isoCode> ?i }}").rows:
        iso[str(row["c"])] = str(row["i"])
    labels = {str(k): v for k, v in fetch_labels(store, nodes).items()}
    ordered = sorted(events.values(), key=lambda e: (e.start or "9999", e.iri))
    return Catalog(ordered, labels, coordinates, country_of, iso)
