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

Keys (VERSION 1). `label` is always {"pl": text, "en": text} (a name without language in both);
`events` is the number of distinct events; a year is an integer (events whose page gives no year,
"--MM-DD", count in totals and lists but in no year); lists are ranked by events, then by name.

    version            1
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
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

from ._atomic import write_atomic
from .errors import StoreError
from .state import AGGREGATES_FILE as FILE_NAME
from .store import Store

VERSION = 1
TOP = 10
LANGS = ("pl", "en")

PREFIXES = """\
PREFIX pg: <https://w3id.org/partnergraph/def/>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX wgs: <http://www.w3.org/2003/01/geo/wgs84_pos#>
"""
YEAR = 'FILTER(!STRSTARTS(STR(?start), "--")) BIND(xsd:integer(SUBSTR(STR(?start), 1, 4)) AS ?year)'
DIRECTION = "https://w3id.org/partnergraph/def/direction/"

# list name -> the path from an event to the items it counts
LINKS = {
    "organisations": "pg:involvesOrganisation",
    "countries": "pg:involvesCountry",
    "cities": "pg:involvesCity|schema:location",
    "persons": "pg:involvesPerson",
    "projects": "pg:partOfProject",
    "programmes": "pg:fundedByProgramme|pg:partOfProject/pg:fundedByProgramme",
    "topics": "dcterms:subject",
    "units": "pg:involvesUnit",
    "types": "pg:eventType",
    "directions": "pg:direction",
    "pages": "prov:wasDerivedFrom",
}
# what an item must be where a path also leads elsewhere (an event's location may be a country)
CLASSES = {LINKS["cities"]: "?item a pg:City"}
# attribute -> path from an item to its value (one value each: the least)
ATTRIBUTES = {
    "iso": "pg:isoCode",
    "city_iso": "schema:containedInPlace/pg:isoCode",
    "organisation_iso": "pg:basedIn/pg:isoCode",
    "kind": "pg:organisationKind",
    "lat": "wgs:lat",
    "lon": "wgs:long",
    "programme": "pg:fundedByProgramme",
    "notation": "skos:notation",
}


# ---- queries -------------------------------------------------------------------------------------------


def _select(store: Store, body: str) -> list[dict[str, str]]:
    """The rows of a query as plain strings (unbound variables absent)."""
    return [{k: str(v) for k, v in row.items()} for row in store.select(PREFIXES + body).rows]


def count_events(store: Store, path: str) -> dict[str, int]:
    """item IRI -> number of distinct events linked to it by `path`."""
    rows = _select(
        store,
        f"SELECT ?item (COUNT(DISTINCT ?event) AS ?events) "
        f"WHERE {{ ?event a pg:Event ; {path} ?item . {CLASSES.get(path, '')} }} GROUP BY ?item",
    )
    return {row["item"]: int(row["events"]) for row in rows if "item" in row}


def count_by_year(store: Store, path: str | None = None) -> dict[tuple, int]:
    """(year, item IRI) -> events, or (year,) -> events without a `path`."""
    item = f"; {path} ?item " if path else ""
    group = "?year ?item" if path else "?year"
    rows = _select(
        store,
        f"SELECT {group} (COUNT(DISTINCT ?event) AS ?events) "
        f"WHERE {{ ?event a pg:Event ; schema:startDate ?start {item}. {YEAR} }} GROUP BY {group}",
    )
    keys = ("year", "item") if path else ("year",)
    return {
        (int(row["year"]), *(row[k] for k in keys[1:])): int(row["events"])
        for row in rows
        if all(k in row for k in keys)
    }


def read_attribute(store: Store, path: str) -> dict[str, str]:
    """item IRI -> the least value at the end of `path` (one each, even where there are several)."""
    rows = _select(store, f"SELECT ?item (MIN(?v) AS ?value) WHERE {{ ?item {path} ?v }} GROUP BY ?item")
    return {row["item"]: row["value"] for row in rows if "value" in row}


def read_labels(store: Store) -> dict[str, dict[str, str]]:
    """item IRI -> {"pl": name, "en": name}: skos:prefLabel (foaf:name for persons), the least per
    language; a name without language serves both, and a missing language takes the other's."""
    rows = _select(
        store,
        "SELECT ?item ?lang (MIN(STR(?v)) AS ?label) "
        "WHERE { ?item skos:prefLabel|foaf:name ?v BIND(LANG(?v) AS ?lang) } GROUP BY ?item ?lang",
    )
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        if "label" in row:
            found[row["item"]][row.get("lang", "")] = row["label"]
    labels = {}
    for item, names in found.items():
        plain = names.get("") or min(names.values())
        pl, en = names.get("pl"), names.get("en")
        labels[item] = {"pl": pl or en or plain, "en": en or pl or plain}
    return labels


def read_event_links(store: Store, path: str) -> dict[str, list[str]]:
    """event IRI -> the sorted distinct IRIs `path` leads to."""
    rows = _select(store, f"SELECT DISTINCT ?event ?item WHERE {{ ?event a pg:Event ; {path} ?item }}")
    links: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        links[row["event"]].add(row["item"])
    return {event: sorted(items) for event, items in links.items()}


def read_events(store: Store, notations: dict[str, str], iso: dict[str, str]) -> list[dict]:
    """The browse list of events (see the module doc), in date order."""
    rows = _select(
        store,
        "SELECT ?event ?title ?start ?end ?type ?direction ?location ?page WHERE { "
        "?event a pg:Event ; schema:name ?title ; pg:eventType ?type ; pg:direction ?direction . "
        "OPTIONAL { ?event schema:startDate ?start } OPTIONAL { ?event schema:endDate ?end } "
        "OPTIONAL { ?event schema:location ?location } OPTIONAL { ?event prov:wasDerivedFrom ?page } }",
    )
    fields = ("title", "start", "end", "type", "direction", "location", "page")
    events: dict[str, dict] = {}
    for row in rows:  # a value the graph gives twice: the least, whatever order the store answers in
        record = events.setdefault(row["event"], dict.fromkeys(fields))
        for name in fields:
            if name in row and (record[name] is None or row[name] < record[name]):
                record[name] = row[name]
    paths = {"countries": LINKS["countries"], "cities": "pg:involvesCity", "topics": LINKS["topics"]}
    links = {
        name: read_event_links(store, path) for name, path in (paths | {"units": LINKS["units"]}).items()
    }
    out = []
    for iri, record in events.items():
        start = record["start"]
        out.append(
            {
                "iri": iri,
                **record,
                "year": int(start[:4]) if start and not start.startswith("--") else None,
                "type": notations.get(record["type"], record["type"]),
                "direction": notations.get(record["direction"], record["direction"]),
                "countries": sorted(iso.get(c, c) for c in links["countries"].get(iri, [])),
                "cities": links["cities"].get(iri, []),
                "topics": sorted(notations.get(t, t) for t in links["topics"].get(iri, [])),
                "units": links["units"].get(iri, []),
            }
        )
    out.sort(key=lambda e: (e["year"] is None, e["start"] or "", e["title"] or "", e["iri"]))
    return out


# ---- putting them together --------------------------------------------------------------------------


def compute_aggregates(store: Store) -> dict:
    """Every aggregate of the module doc, from the graph in `store`."""
    labels = read_labels(store)
    attr = {name: read_attribute(store, path) for name, path in ATTRIBUTES.items()}
    notations = attr["notation"]
    counts = {name: count_events(store, path) for name, path in LINKS.items()}

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
    for (country, direction), n in _count_pairs(store, LINKS["countries"], LINKS["directions"]).items():
        by_direction[country][direction] = n
    countries = ranked("countries", iso=attr["iso"])
    for country in countries:
        directions = by_direction.get(country["iri"], {})
        country["incoming"] = directions.get(DIRECTION + "incoming", 0)
        country["outgoing"] = directions.get(DIRECTION + "outgoing", 0)

    topic_years = count_by_year(store, LINKS["topics"])
    topics = ranked("topics", notation=notations)
    for topic in topics:
        years = [year for year, iri in topic_years if iri == topic["iri"]]
        topic["first_year"], topic["last_year"] = (min(years), max(years)) if years else (None, None)

    page_ids, titles, urls = _page_attributes(store)
    pages = [
        {"iri": iri, "id": page_ids[iri], "title": titles.get(iri), "url": urls.get(iri), "events": n}
        for iri, n in sorted((iri, counts["pages"].get(iri, 0)) for iri in page_ids)
    ]
    lists = {
        "events": read_events(store, notations, attr["iso"]),
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

    years = count_by_year(store)
    return {
        "version": VERSION,
        "totals": {name: len(items) for name, items in lists.items()},
        "per_year_type": series(count_by_year(store, LINKS["types"]), "type"),
        "per_year_direction": series(count_by_year(store, LINKS["directions"]), "direction"),
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
    }


def _count_pairs(store: Store, first: str, second: str) -> dict[tuple[str, str], int]:
    """(item reached by `first`, item reached by `second`) -> events linked to both."""
    rows = _select(
        store,
        f"SELECT ?a ?b (COUNT(DISTINCT ?event) AS ?events) "
        f"WHERE {{ ?event a pg:Event ; {first} ?a ; {second} ?b }} GROUP BY ?a ?b",
    )
    return {(row["a"], row["b"]): int(row["events"]) for row in rows if "a" in row and "b" in row}


def _page_attributes(store: Store) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Source pages: IRI -> id, IRI -> title, IRI -> URL."""
    rows = _select(
        store,
        "SELECT ?page (MIN(?i) AS ?id) (MIN(STR(?t)) AS ?title) (MIN(STR(?u)) AS ?url) WHERE { "
        "?page a pg:SourcePage ; dcterms:identifier ?i . OPTIONAL { ?page rdfs:label ?t } "
        "OPTIONAL { ?page schema:url ?u } } GROUP BY ?page",
    )
    return (
        {r["page"]: r["id"] for r in rows},
        {r["page"]: r["title"] for r in rows if "title" in r},
        {r["page"]: r["url"] for r in rows if "url" in r},
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
