"""`/browse` and its lists: events and the things events link to (countries, cities, organisations,
MOPS units, persons, projects, programmes, topics), each sortable by its columns, filterable, paged, and
downloadable as CSV (with BOM) or JSON (`?format=csv|json`: the whole filtered list).

The lists are the build's aggregates (build/aggregates.json). Each list is sorted once per build and
column (kept by the server); a request filters the sorted list and turns only its page into rows, so a
page of 10^5 events costs little more than a page of 100."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request

from .._http import text_response
from ..collate import text_key
from ..templating import gettext
from ._common import N_, aggregates_of, derived_of, page_response, page_setup
from .figures import KINDS, concept_labels, count_figures, label
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
EVENT_FILTERS = ("year", "type", "direction", "country", "topic")
ENTITY_FILTERS = ("q", "country")


class Names:
    """The labels a list shows, in one language: concepts by notation, countries by ISO code, cities."""

    def __init__(self, agg: dict, lang: str):
        self.lang = lang
        self.concepts = concept_labels(agg, lang)
        self.countries = agg["countries_by_iso"]
        self.cities = {c["iri"]: label(c, lang) for c in agg["cities"]}

    def country(self, iso: str) -> tuple[str, str]:
        """(label, IRI) of a country by its ISO code."""
        found = self.countries.get(iso)
        return (found["label"][self.lang], found["iri"]) if found else (iso, iso)

    def event_cells(self, event: dict) -> dict:
        """An event's texts: type, direction, and its countries and cities as sorted (label, IRI) pairs."""
        return {
            "type": self.concepts["types"].get(event["type"], event["type"] or ""),
            "direction": self.concepts["directions"].get(event["direction"], event["direction"] or ""),
            "countries": sorted(self.country(iso) for iso in event["countries"]),
            "cities": sorted((self.cities.get(c, c.rsplit("/", 1)[-1]), c) for c in event["cities"]),
        }


def columns_of(kind: str) -> list[tuple[str, str, bool]]:
    if kind == "events":
        return EVENT_COLUMNS
    return [c for c in ENTITY_COLUMNS if c[0] != "country" or kind in WITH_COUNTRY]


def sort_value(names: Names, kind: str, item: dict, key: str):
    """What an item is sorted by in column `key`: (0, value) or (1, "") when it has none (last)."""
    if kind == "events":
        if key == "date":  # the aggregates' order: dated events by date, then those without a year
            return (0 if item["year"] else 1, item["start"] or "")
        if key == "name":
            value = item["title"] or item["iri"]
        else:
            cell = names.event_cells(item)[key]
            value = (cell[0][0] if cell else None) if isinstance(cell, list) else cell
    elif key == "name":
        value = label(item, names.lang)
    elif key == "country":
        value = names.country(item["country"])[0] if item.get("country") else None
    else:
        value = {"events": "events", "first": "first_year", "last": "last_year"}[key]
        value = item[value]
    if value is None or value == "":
        return (1, "")
    return (0, text_key(value, names.lang) if isinstance(value, str) else value)


def sorted_items(agg: dict, kind: str, key: str, lang: str) -> list[dict]:
    """The items of a list in ascending order of column `key` (ties in the aggregates' order)."""
    names = Names(agg, lang)
    return sorted(agg[kind], key=lambda item: sort_value(names, kind, item, key))


def matches(kind: str, item: dict, filters: dict, lang: str) -> bool:
    """Whether an item passes the list's filters (values as the filter form sends them)."""
    if kind == "events":
        return (
            (not filters.get("year") or str(item["year"]) == filters["year"])
            and (not filters.get("type") or item["type"] == filters["type"])
            and (not filters.get("direction") or item["direction"] == filters["direction"])
            and (not filters.get("country") or filters["country"].upper() in item["countries"])
            and (not filters.get("topic") or filters["topic"] in item["topics"])
        )
    text = (filters.get("q") or "").lower()
    if text and text not in label(item, lang).lower():
        return False
    country = filters.get("country")
    return not country or (item.get("country") or "").lower() == country.lower()


def to_row(names: Names, kind: str, item: dict, linker) -> dict:
    """One row of the table: texts, numbers, and cells of (text, href) links."""
    if kind == "events":
        cells = names.event_cells(item)
        return {
            "iri": item["iri"],
            "date": item["start"] or "",
            "name": [(item["title"] or item["iri"], linker.iri(item["iri"]))],
            "type": cells["type"],
            "direction": cells["direction"],
            "countries": [(text, linker.iri(iri)) for text, iri in cells["countries"]],
            "cities": [(text, linker.iri(iri)) for text, iri in cells["cities"]],
        }
    country = item.get("country") if kind in WITH_COUNTRY else None
    text, iri = names.country(country) if country else (None, None)
    return {
        "iri": item["iri"],
        "name": [(label(item, names.lang), linker.iri(item["iri"]))],
        "country": [(text, linker.iri(iri))] if country else [],
        "events": item["events"],
        "first": item.get("first_year"),
        "last": item.get("last_year"),
    }


def choices_of(agg: dict, kind: str, lang: str) -> dict[str, list[tuple[str, str]]]:
    """The values each filter offers: (value, text), by text."""
    facets = agg["facets"]
    by_text = lambda pairs: sorted(pairs, key=lambda o: text_key(o[1], lang))  # noqa: E731
    if kind == "events":
        return {
            "year": [(str(row["value"]), str(row["value"])) for row in facets["years"]],
            "type": by_text((r["value"], r["label"][lang]) for r in facets["types"]),
            "direction": by_text((r["value"], r["label"][lang]) for r in facets["directions"]),
            "country": by_text((r["value"].lower(), r["label"][lang]) for r in facets["countries"]),
            "topic": by_text((r["value"], r["label"][lang]) for r in facets["topics"]),
        }
    if kind not in WITH_COUNTRY:
        return {}
    names = Names(agg, lang)
    codes = {item["country"] for item in agg[kind] if item.get("country")}
    return {"country": by_text((code.lower(), names.country(code)[0]) for code in codes)}


def read_params(kind: str, params: dict) -> tuple[str, str, dict]:
    """(sort column, order, filters) asked for by a browse page's query parameters."""
    filter_names = EVENT_FILTERS if kind == "events" else ENTITY_FILTERS
    filters = {k: params[k] for k in filter_names if params.get(k)}
    default_sort = "date" if kind == "events" else "events"
    sort = params.get("sort") if params.get("sort") in [c[0] for c in columns_of(kind)] else default_sort
    order = params.get("order")
    if order not in ("asc", "desc"):
        order = "desc" if sort == "events" else "asc"
    return sort, order, filters


def list_context(agg: dict, kind: str, lang: str, params: dict, ordered: list[dict] | None = None) -> dict:
    """Everything a browse page (or its download) shows for these query parameters; `ordered` is the
    list sorted by the chosen column when already made (sorted_items)."""
    sort, order, filters = read_params(kind, params)
    items = ordered if ordered is not None else sorted_items(agg, kind, sort, lang)
    if order == "desc":
        items = items[::-1]
    if filters:
        items = [item for item in items if matches(kind, item, filters, lang)]
    return {
        "kind": kind,
        "columns": columns_of(kind),
        "items": items,
        "filters": filters,
        "sort": sort,
        "order": order,
        "choices": choices_of(agg, kind, lang),
        "names": Names(agg, lang),
    }


def rows_of(context: dict, linker, items: list[dict] | None = None) -> list[dict]:
    """The table rows of `items` (default: all the list's items)."""
    items = context["items"] if items is None else items
    return [to_row(context["names"], context["kind"], item, linker) for item in items]


def plain(rows: list[dict]) -> list[dict]:
    """The rows without links, for the downloads: a cell of links becomes its texts."""
    return [{k: [t for t, _h in v] if isinstance(v, list) else v for k, v in row.items()} for row in rows]


@router.api_route("/browse", methods=["GET", "HEAD"])
async def browse_index(request: Request):
    lang, linker = page_setup(request)
    figures = count_figures(await aggregates_of(request))
    lists = [(kind, TITLES[kind], figures.get(kind, 0)) for kind in TITLES]
    return page_response(request, "browse_index.html", lang, linker, N_("Browse"), nav="browse", lists=lists)


@router.api_route("/browse/{kind}", methods=["GET", "HEAD"])
async def browse(request: Request, kind: str):
    lang, linker = page_setup(request)
    if kind != "events" and kind not in KINDS:
        return text_response(f"no list {kind!r}", 404)
    params = dict(request.query_params)
    agg = await aggregates_of(request)
    sort, _order, _filters = read_params(kind, params)
    ordered = await derived_of(
        request, ("sorted", kind, sort, lang), lambda: sorted_items(agg, kind, sort, lang)
    )
    context = list_context(agg, kind, lang, params, ordered)
    columns = context["columns"]
    fmt = params.get("format")
    if fmt in ("csv", "json"):
        download_columns = [("iri", "IRI")] + [(k, gettext(lang, t)) for k, t, _n in columns]
        return table_download(download_columns, plain(rows_of(context, linker)), fmt, kind)
    total = len(context["items"])
    pages = max(1, -(-total // PAGE_SIZE))
    page = int(params["page"]) if params.get("page", "").isdecimal() else 1  # "²" is a digit, not a number
    page = min(max(page, 1), pages)
    kept = (*(EVENT_FILTERS if kind == "events" else ENTITY_FILTERS), "sort", "order", "lang")
    base = {k: v for k, v in params.items() if k in kept}

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
        rows=rows_of(context, linker, context["items"][(page - 1) * PAGE_SIZE : page * PAGE_SIZE]),
        total=total,
        page=page,
        pages=pages,
        sort=context["sort"],
        order=context["order"],
        filters=context["filters"],
        choices=context["choices"],
        href=href,
        csv_href=href(format="csv"),
        json_href=href(format="json"),
        action=request.url.path,
    )
