"""`/browse` and its lists: events and the things events link to (countries, cities, organisations,
MOPS units, persons, projects, programmes, topics), each sortable by its columns, filterable, paged, and
downloadable as CSV (with BOM) or JSON (`?format=csv|json`: the whole filtered list)."""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlencode

from fastapi import APIRouter, Request

from .._http import text_response
from ..templating import gettext
from ._common import N_, catalog_of, page_response, page_setup
from .catalog import KINDS, Catalog
from .tables import table_download

router = APIRouter()
PAGE_SIZE = 50
TITLES = {
    "events": N_("Events"),
    "countries": N_("Countries"),
    "cities": N_("Cities"),
    "organisations": N_("Organisations"),
    "units": N_("MOPS units"),
    "persons": N_("Persons"),
    "projects": N_("Projects"),
    "programmes": N_("Programmes"),
    "topics": N_("Topics"),
}
EVENT_COLUMNS = [
    ("date", N_("Date"), False),
    ("name", N_("Event"), False),
    ("type", N_("Type"), False),
    ("direction", N_("Direction"), False),
    ("countries", N_("Countries"), False),
    ("cities", N_("Cities"), False),
]
ENTITY_COLUMNS = [
    ("name", N_("Name"), False),
    ("country", N_("Country"), False),
    ("events", N_("Events"), True),
    ("first", N_("First year"), True),
    ("last", N_("Last year"), True),
]
WITH_COUNTRY = {"cities", "organisations"}


def _cell(catalog: Catalog, iris_: list[str], lang: str, linker) -> list[tuple[str, str | None]]:
    return [(catalog.label(i, lang), linker.iri(i)) for i in iris_]


def event_table(catalog: Catalog, lang: str, linker, filters: dict) -> tuple[list, list[dict], dict]:
    """(columns, rows, filter choices) of the events list."""
    chosen = []
    for e in catalog.events:
        if filters.get("year") and str(e.year) != filters["year"]:
            continue
        if filters.get("type") and e.type.rsplit("/", 1)[-1] != filters["type"]:
            continue
        if filters.get("direction") and e.direction.rsplit("/", 1)[-1] != filters["direction"]:
            continue
        if filters.get("country") and not any(
            catalog.iso.get(c, "").lower() == filters["country"].lower() for c in e.links.get("countries", ())
        ):
            continue
        if filters.get("topic") and not any(
            t.rsplit("/", 1)[-1] == filters["topic"] for t in e.links.get("topics", ())
        ):
            continue
        chosen.append(e)
    rows = [
        {
            "iri": e.iri,
            "date": e.start,
            "name": [(e.name or catalog.label(e.iri, lang), linker.iri(e.iri))],
            "type": catalog.label(e.type, lang) if e.type else "",
            "direction": catalog.label(e.direction, lang) if e.direction else "",
            "countries": _cell(catalog, e.links.get("countries", []), lang, linker),
            "cities": _cell(catalog, e.links.get("cities", []), lang, linker),
        }
        for e in chosen
    ]
    choices = {
        "year": [(str(y), str(y)) for y in catalog.years()],
        "type": _concepts(catalog, [e.type for e in catalog.events], lang),
        "direction": _concepts(catalog, [e.direction for e in catalog.events], lang),
        "country": sorted(
            {
                (catalog.iso[c].lower(), catalog.label(c, lang))
                for e in catalog.events
                for c in e.links.get("countries", ())
                if c in catalog.iso
            },
            key=lambda o: o[1],
        ),
        "topic": _concepts(catalog, [t for e in catalog.events for t in e.links.get("topics", ())], lang),
    }
    return EVENT_COLUMNS, rows, choices


def _concepts(catalog: Catalog, values: list[str], lang: str) -> list[tuple[str, str]]:
    return sorted({(v.rsplit("/", 1)[-1], catalog.label(v, lang)) for v in values if v}, key=lambda o: o[1])


def entity_table(
    catalog: Catalog, kind: str, lang: str, linker, filters: dict
) -> tuple[list, list[dict], dict]:
    years: dict[str, list[int]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    for e in catalog.events:
        for iri in set(e.links.get(kind, ())):
            counts[iri] += 1
            if e.year:
                years[iri].append(e.year)
    rows = []
    text = (filters.get("q") or "").lower()
    for iri, n in counts.items():
        name = catalog.label(iri, lang)
        country = catalog.country_of.get(iri)
        if text and text not in name.lower():
            continue
        if filters.get("country") and (
            country is None or catalog.iso.get(country, "").lower() != filters["country"].lower()
        ):
            continue
        rows.append(
            {
                "iri": iri,
                "name": [(name, linker.iri(iri))],
                "country": _cell(catalog, [country], lang, linker) if country else [],
                "events": n,
                "first": min(years[iri]) if years[iri] else None,
                "last": max(years[iri]) if years[iri] else None,
            }
        )
    columns = [c for c in ENTITY_COLUMNS if c[0] != "country" or kind in WITH_COUNTRY]
    choices = {}
    if kind in WITH_COUNTRY:
        countries = {catalog.country_of.get(i) for i in counts} - {None}
        choices["country"] = sorted(
            ((catalog.iso.get(c, "").lower(), catalog.label(c, lang)) for c in countries), key=lambda o: o[1]
        )
    return columns, rows, choices


def _sort_key(value):
    if isinstance(value, list):
        value = value[0][0] if value else ""
    if value is None:
        return (1, "")
    return (0, value.casefold() if isinstance(value, str) else value)


def plain(rows: list[dict]) -> list[dict]:
    """The rows without links, for the downloads: a cell of links becomes its texts."""
    return [{k: [t for t, _h in v] if isinstance(v, list) else v for k, v in row.items()} for row in rows]


@router.api_route("/browse", methods=["GET", "HEAD"])
async def browse_index(request: Request):
    lang, linker = page_setup(request)
    catalog = await catalog_of(request)
    from .figures import count_figures

    figures = count_figures(catalog)
    lists = [(kind, TITLES[kind], figures.get(kind, 0)) for kind in TITLES]
    return page_response(request, "browse_index.html", lang, linker, "Browse", nav="browse", lists=lists)


@router.api_route("/browse/{kind}", methods=["GET", "HEAD"])
async def browse(request: Request, kind: str):
    lang, linker = page_setup(request)
    if kind != "events" and kind not in KINDS:
        return text_response(f"no list {kind!r}", 404)
    params = dict(request.query_params)
    catalog = await catalog_of(request)
    filter_names = ("year", "type", "direction", "country", "topic") if kind == "events" else ("q", "country")
    filters = {k: params[k] for k in filter_names if params.get(k)}
    if kind == "events":
        columns, rows, choices = event_table(catalog, lang, linker, filters)
        default_sort = "date"
    else:
        columns, rows, choices = entity_table(catalog, kind, lang, linker, filters)
        default_sort = "events"
    keys = [c[0] for c in columns]
    sort = params.get("sort") if params.get("sort") in keys else default_sort
    order = (
        params.get("order")
        if params.get("order") in ("asc", "desc")
        else ("desc" if sort == "events" else "asc")
    )
    rows.sort(key=lambda r: _sort_key(r.get(sort)), reverse=order == "desc")
    fmt = params.get("format")
    if fmt in ("csv", "json"):
        download_columns = [("iri", "IRI")] + [(k, gettext(lang, t)) for k, t, _n in columns]
        return table_download(download_columns, plain(rows), fmt, kind)
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    page = int(params["page"]) if params.get("page", "").isdigit() else 1
    page = min(max(page, 1), pages)
    base = {k: v for k, v in params.items() if k in (*filter_names, "sort", "order", "lang")}

    def href(**changes) -> str:
        query = {**base, **changes}
        return request.url.path + "?" + urlencode({k: v for k, v in query.items() if v not in (None, "")})

    return page_response(
        request,
        "browse.html",
        lang,
        linker,
        TITLES[kind],
        nav="browse",
        kind=kind,
        columns=[(k, gettext(lang, t), numeric) for k, t, numeric in columns],
        rows=rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE],
        total=len(rows),
        page=page,
        pages=pages,
        sort=sort,
        order=order,
        filters=filters,
        choices=choices,
        href=href,
        csv_href=href(format="csv"),
        json_href=href(format="json"),
        action=request.url.path,
    )
