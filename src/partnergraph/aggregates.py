"""The portal's aggregates: headline figures, chart series, facets and browse lists, computed from the
graph once per `build` and per `add` (the data changes only then) and saved as build/aggregates.json,
so that a page reads them instead of asking the store for 10^5 events' worth of counts.

Every number is the answer of a SPARQL query on the store (any `Store`, embedded or remote), written
aggregate-first: events are counted per IRI, and names, codes and coordinates are read afterwards in
small grouped queries and joined here. tests/test_aggregates.py checks the result against the saved
queries run live (partner_countries, places_map, organisations_by_country, topics_ranked, ...).

    compute_aggregates(store) -> dict              # from any store
    write_aggregates(store, build_dir) -> dict     # computed and written atomically
    load_aggregates(build_dir) -> dict             # read (and kept while the file stays the same)

Keys (VERSION 2). `label` is always {"pl": text, "en": text} (a name without language in both);
`events` is the number of distinct events; a year is an integer (events whose page gives no year,
"--MM-DD", count in totals and lists but in no year); lists are ranked by events, then by name.

    version            2
    totals             {events, organisations, countries, cities, persons, projects, programmes,
                        topics, units, pages}: events and pages all; the others those with an event
    per_year_type      [{year, type, events}]          type: notation (StudyVisit, Meeting, ...)
    per_year_direction [{year, direction, events}]     direction: incoming, outgoing, ...
    topics_over_time   [{year, topic, events}]         topic: notation (homelessness, ...)
    top_countries      the first TOP entries of `countries`
    events             [{iri, title, start, end, year, type, direction, location, page,
                         countries [iso], cities [iri], topics [notation], units [iri]}]
                       in date order (no year last), then by title; start/end as in the graph;
                       location: the IRI of the city (or country) where it took place;
                       cities: the cities it involves (pg:involvesCity)
    organisations      [{iri, label, country (iso or null), kind (or null), events}]
    countries          [{iri, iso, label, events, incoming, outgoing}]
    cities             [{iri, label, country (iso), lat, lon, events}]  events: involved or location
    persons            [{iri, label, events}]
    projects           [{iri, label, programme (iri or null), events}]
    programmes         [{iri, label, events}]     events: funded directly or through their project
    topics             [{iri, notation, label, events, first_year, last_year}]
    units              [{iri, label, events}]     MOPS units
    pages              [{iri, id, title, url, events}]
    facets             {years: [{value, events}], types, directions, topics: [{value, label, events}]
                        (value = notation), countries: [{value (iso), label, events}],
                        units: [{value (iri), label, events}]}
    countries_by_iso   {iso: {iri, label}} for every country in the graph (a city's or an organisation's
                       country may be no partner country)

The lists of things (organisations ... units) also give each item's first_year and last_year: the years
of its first and last events (null without a dated event). Added for the portal's browse lists.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from functools import cached_property
from pathlib import Path

from ._atomic import write_atomic
from .errors import StoreError
from .state import AGGREGATES_FILE as FILE_NAME
from .store import Store

VERSION = 2
TOP = 10
LANGS = ("pl", "en")

PG = "https://w3id.org/partnergraph/def/"
SCHEMA = "https://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
FOAF_NAME = "http://xmlns.com/foaf/0.1/name"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
DCTERMS = "http://purl.org/dc/terms/"
WGS = "http://www.w3.org/2003/01/geo/wgs84_pos#"
DIRECTION = PG + "direction/"

FUNDED = PG + "fundedByProgramme"
PROJECT = PG + "partOfProject"
# list name -> the predicates that lead from an event to the items it counts (any of them)
LINKS = {
    "organisations": (PG + "involvesOrganisation",),
    "countries": (PG + "involvesCountry",),
    "cities": (PG + "involvesCity", SCHEMA + "location"),
    "persons": (PG + "involvesPerson",),
    "projects": (PROJECT,),
    "programmes": (FUNDED,),  # and through the event's project: see Facts.linked
    "topics": (DCTERMS + "subject",),
    "units": (PG + "involvesUnit",),
    "types": (PG + "eventType",),
    "directions": (PG + "direction",),
    "pages": (PROV_DERIVED,),
}
# what an item must be where a link also leads elsewhere (an event's location may be a country)
CLASSES = {"cities": PG + "City"}
# attribute -> the predicates from an item to its value (one value each: the least)
ATTRIBUTES = {
    "iso": (PG + "isoCode",),
    "city_iso": (SCHEMA + "containedInPlace", PG + "isoCode"),
    "organisation_iso": (PG + "basedIn", PG + "isoCode"),
    "kind": (PG + "organisationKind",),
    "lat": (WGS + "lat",),
    "lon": (WGS + "long",),
    "programme": (FUNDED,),
    "notation": (SKOS + "notation",),
}
NUMBERS = {"lat", "lon"}  # compared as numbers, as SPARQL's MIN compares decimals


# ---- what they are computed from ---------------------------------------------------------------------


class Facts:
    """The statements the aggregates are made of, each predicate's read from the store once
    (`Store.statements`: one index scan on the embedded store) and counted here. One SPARQL GROUP BY per
    list read the same statements again for every list: at 10^5 events that took minutes.

    Statements are taken from every graph, as the saved queries see the union of the graphs; a value
    given twice counts once."""

    def __init__(self, store: Store):
        self.store = store
        self._objects: dict[str, dict[str, set[str]]] = {}
        self._linked: dict[str, dict[str, set[str]]] = {}

    def objects(self, predicate: str) -> dict[str, set[str]]:
        """subject -> the objects of its `predicate` statements (IRIs, literals' lexical forms)."""
        if predicate not in self._objects:
            found: dict[str, set[str]] = defaultdict(set)
            for subject, value, _lang in self.store.statements(predicate):
                found[subject].add(value)
            self._objects[predicate] = dict(found)
        return self._objects[predicate]

    def instances(self, cls: str) -> set[str]:
        return {subject for subject, _, _ in self.store.statements(RDF_TYPE, cls)}

    def follow(self, path: tuple[str, ...]) -> dict[str, set[str]]:
        """subject -> what the chain of predicates `path` leads to."""
        reached = self.objects(path[0])
        for predicate in path[1:]:
            step = self.objects(predicate)
            reached = {s: {o for v in values for o in step.get(v, ())} for s, values in reached.items()}
        return {s: values for s, values in reached.items() if values}

    def linked(self, name: str) -> dict[str, set[str]]:
        """event -> the items of list `name` it is linked to (events of class pg:Event only)."""
        if name not in self._linked:
            found: dict[str, set[str]] = defaultdict(set)
            for predicate in LINKS[name]:
                for event, items in self.objects(predicate).items():
                    if event in self.events:
                        found[event] |= items
            if name == "programmes":
                funded = self.objects(FUNDED)
                for event, projects in self.objects(PROJECT).items():
                    if event in self.events:
                        found[event].update(p for project in projects for p in funded.get(project, ()))
            if name in CLASSES:
                members = self.instances(CLASSES[name])
                found = {event: items & members for event, items in found.items()}
            self._linked[name] = {event: items for event, items in found.items() if items}
        return self._linked[name]

    @cached_property
    def events(self) -> set[str]:
        """The IRIs of the events (of class pg:Event)."""
        return self.instances(PG + "Event")

    @cached_property
    def years(self) -> dict[str, set[int]]:
        """event -> the years of its start dates (events without a dated start left out); read once
        for every list that counts by year."""
        found = {}
        for event, starts in self.objects(SCHEMA + "startDate").items():
            if event in self.events:
                years = {year_of(start) for start in starts} - {None}
                if years:
                    found[event] = years
        return found


def year_of(start: str | None) -> int | None:
    """The year of a start date as the saved queries read it (its first four characters), None for a
    date without a year ("--MM-DD") or none."""
    if not start or start.startswith("--"):
        return None
    head = start[:4]
    return int(head) if head.isascii() and head.isdigit() else None


def count_events(facts: Facts, name: str) -> dict[str, int]:
    """item IRI -> number of distinct events linked to it in list `name`."""
    counts: dict[str, int] = defaultdict(int)
    for items in facts.linked(name).values():
        for item in items:
            counts[item] += 1
    return dict(counts)


def count_by_year(facts: Facts, name: str | None = None) -> dict[tuple, int]:
    """(year, item IRI) -> events, or (year,) -> events without a list `name`."""
    links = facts.linked(name) if name else None
    counts: dict[tuple, int] = defaultdict(int)
    for event, years in facts.years.items():
        for year in years:
            if links is None:
                counts[(year,)] += 1
            else:
                for item in links.get(event, ()):
                    counts[(year, item)] += 1
    return dict(counts)


def read_attribute(facts: Facts, name: str) -> dict[str, str]:
    """item IRI -> the least value of attribute `name` (one each, even where there are several)."""
    key = float if name in NUMBERS else None
    return {item: min(values, key=key) for item, values in facts.follow(ATTRIBUTES[name]).items()}


def read_labels(facts: Facts) -> dict[str, dict[str, str]]:
    """item IRI -> {"pl": name, "en": name}: skos:prefLabel (foaf:name for persons), the least per
    language; a name without language serves both, and a missing language takes the other's."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for predicate in (SKOS + "prefLabel", FOAF_NAME):
        for item, value, lang in facts.store.statements(predicate):
            names = found[item]
            if lang not in names or value < names[lang]:
                names[lang] = value
    labels = {}
    for item, names in found.items():
        plain = names.get("") or min(names.values())
        pl, en = names.get("pl"), names.get("en")
        labels[item] = {"pl": pl or en or plain, "en": en or pl or plain}
    return labels


def read_events(facts: Facts, notations: dict[str, str], iso: dict[str, str]) -> list[dict]:
    """The browse list of events (see the module doc), in date order: the events that have a title, a
    type and a direction; a value the graph gives twice: the least."""
    fields = {
        "title": SCHEMA + "name",
        "start": SCHEMA + "startDate",
        "end": SCHEMA + "endDate",
        "type": PG + "eventType",
        "direction": PG + "direction",
        "location": SCHEMA + "location",
        "page": PROV_DERIVED,
    }
    values = {name: facts.objects(predicate) for name, predicate in fields.items()}
    required = ("title", "type", "direction")
    events = set(facts.events).intersection(*(values[name] for name in required))
    links = {name: facts.linked(name) for name in ("countries", "topics", "units")}
    involved = facts.objects(PG + "involvesCity")
    out = []
    for iri in events:
        record = {name: min(values[name][iri]) if iri in values[name] else None for name in fields}
        out.append(
            {
                "iri": iri,
                **record,
                "year": year_of(record["start"]),
                "type": notations.get(record["type"], record["type"]),
                "direction": notations.get(record["direction"], record["direction"]),
                "countries": sorted(iso.get(c, c) for c in links["countries"].get(iri, ())),
                "cities": sorted(involved.get(iri, ())),
                "topics": sorted(notations.get(t, t) for t in links["topics"].get(iri, ())),
                "units": sorted(links["units"].get(iri, ())),
            }
        )
    out.sort(key=lambda e: (e["year"] is None, e["start"] or "", e["title"] or "", e["iri"]))
    return out


# ---- putting them together --------------------------------------------------------------------------


def compute_aggregates(store: Store) -> dict:
    """Every aggregate of the module doc, from the graph in `store`."""
    facts = Facts(store)
    labels = read_labels(facts)
    attr = {name: read_attribute(facts, name) for name in ATTRIBUTES}
    notations = attr["notation"]
    counts = {name: count_events(facts, name) for name in LINKS}

    def label(iri: str) -> dict[str, str]:
        return labels.get(iri) or {"pl": iri, "en": iri}

    def ranked(name: str, **extra) -> list[dict]:
        """The items of one list with their counts and `extra` attributes (name -> {iri: value})."""
        items = [
            {"iri": iri, "label": label(iri), **{k: v.get(iri) for k, v in extra.items()}, "events": n}
            for iri, n in counts[name].items()
        ]
        items.sort(key=lambda x: (-x["events"], x["label"]["en"], x["iri"]))
        return items

    by_direction = defaultdict(dict)
    for (country, direction), n in _count_pairs(facts, "countries", "directions").items():
        by_direction[country][direction] = n
    countries = ranked("countries", iso=attr["iso"])
    for country in countries:
        directions = by_direction.get(country["iri"], {})
        country["incoming"] = directions.get(DIRECTION + "incoming", 0)
        country["outgoing"] = directions.get(DIRECTION + "outgoing", 0)

    topic_years = count_by_year(facts, "topics")
    topics = ranked("topics", notation=notations)
    for topic in topics:
        years = [year for year, iri in topic_years if iri == topic["iri"]]
        topic["first_year"], topic["last_year"] = (min(years), max(years)) if years else (None, None)

    page_ids, titles, urls = _page_attributes(facts)
    pages = [
        {"iri": iri, "id": page_ids[iri], "title": titles.get(iri), "url": urls.get(iri), "events": n}
        for iri, n in sorted((iri, counts["pages"].get(iri, 0)) for iri in page_ids)
    ]
    lists = {
        "events": read_events(facts, notations, attr["iso"]),
        "organisations": ranked("organisations", country=attr["organisation_iso"], kind=attr["kind"]),
        "countries": countries,
        "cities": ranked(
            "cities", country=attr["city_iso"], lat=_numbers(attr["lat"]), lon=_numbers(attr["lon"])
        ),
        "persons": ranked("persons"),
        "projects": ranked("projects", programme=attr["programme"]),
        "programmes": ranked("programmes"),
        "topics": topics,
        "units": ranked("units"),
        "pages": pages,
    }

    def series(pairs: dict[tuple, int], key: str) -> list[dict]:
        rows = [{"year": year, key: notations.get(iri, iri), "events": n} for (year, iri), n in pairs.items()]
        return sorted(rows, key=lambda r: (r["year"], r[key]))

    def facet(name: str, value) -> list[dict]:
        return [
            {"value": value(item), "label": item["label"], "events": item["events"]} for item in ranked(name)
        ]

    years = count_by_year(facts)
    add_year_spans(facts, lists)
    return {
        "version": VERSION,
        "totals": {name: len(items) for name, items in lists.items()},
        "per_year_type": series(count_by_year(facts, "types"), "type"),
        "per_year_direction": series(count_by_year(facts, "directions"), "direction"),
        "topics_over_time": series(topic_years, "topic"),
        "top_countries": countries[:TOP],
        **lists,
        "facets": {
            "years": [{"value": year, "events": n} for (year,), n in sorted(years.items())],
            "types": facet("types", lambda x: notations.get(x["iri"], x["iri"])),
            "directions": facet("directions", lambda x: notations.get(x["iri"], x["iri"])),
            "topics": facet("topics", lambda x: notations.get(x["iri"], x["iri"])),
            "countries": facet("countries", lambda x: attr["iso"].get(x["iri"], x["iri"])),
            "units": facet("units", lambda x: x["iri"]),
        },
        "countries_by_iso": {
            code: {"iri": iri, "label": label(iri)} for iri, code in sorted(attr["iso"].items())
        },
    }


def add_year_spans(facts: Facts, lists: dict[str, list[dict]]) -> None:
    """Give each item of the lists of things its first_year and last_year."""
    for name, items in lists.items():
        if name in ("events", "pages"):
            continue
        years: dict[str, list[int]] = defaultdict(list)
        for year, item in count_by_year(facts, name):
            years[item].append(year)
        for item in items:
            found = years.get(item["iri"])
            item["first_year"], item["last_year"] = (min(found), max(found)) if found else (None, None)


def _count_pairs(facts: Facts, first: str, second: str) -> dict[tuple[str, str], int]:
    """(item of list `first`, item of list `second`) -> events linked to both."""
    seconds = facts.linked(second)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for event, items in facts.linked(first).items():
        for a in items:
            for b in seconds.get(event, ()):
                counts[(a, b)] += 1
    return dict(counts)


def _page_attributes(facts: Facts) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Source pages (of class pg:SourcePage, with an identifier): IRI -> id, IRI -> title, IRI -> URL."""
    pages = facts.instances(PG + "SourcePage")
    least = {
        name: {s: min(v) for s, v in facts.objects(predicate).items() if s in pages}
        for name, predicate in (
            ("id", DCTERMS + "identifier"),
            ("title", RDFS_LABEL),
            ("url", SCHEMA + "url"),
        )
    }
    ids = least["id"]
    return (
        ids,
        {p: t for p, t in least["title"].items() if p in ids},
        {p: u for p, u in least["url"].items() if p in ids},
    )


def _numbers(values: dict[str, str]) -> dict[str, float]:
    return {k: float(v) for k, v in values.items()}


# ---- the file -------------------------------------------------------------------------------------------


def write_aggregates(store: Store, build_dir: str | Path) -> dict:
    """Compute the aggregates from `store` and write them to build_dir/aggregates.json (atomically:
    a reader sees the old file or the new one)."""
    aggregates = compute_aggregates(store)
    data = json.dumps(aggregates, ensure_ascii=False, separators=(",", ":"))
    write_atomic(Path(build_dir) / FILE_NAME, data)
    return aggregates


_cache: dict[Path, tuple[tuple, dict]] = {}


def load_aggregates(build_dir: str | Path) -> dict:
    """The aggregates of the last build or add (build_dir/aggregates.json). The parsed file is kept
    while the file stays the same, so callers share one dict: read it, do not change it."""
    path = Path(build_dir) / FILE_NAME
    try:
        stat = os.stat(path)
        identity = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        cached = _cache.get(path)
        if cached and cached[0] == identity:
            return cached[1]
        aggregates = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise StoreError(
            f"{path}: cannot read the aggregates ({e.strerror}); run `partnergraph build`"
        ) from None
    except ValueError as e:
        raise StoreError(f"{path}: not valid JSON ({e}); run `partnergraph build`") from None
    if aggregates.get("version") != VERSION:
        raise StoreError(f"{path}: written by another version; run `partnergraph build`")
    _cache[path] = (identity, aggregates)
    return aggregates
