"""`/charts` (every chart with its data) and `/map` (partner cities on the world map, with filters for
year, type and direction that change the map and the chart below it). `/charts/<id>.csv|.json` download
a chart's data. All from the build's aggregates."""

from __future__ import annotations

from collections import defaultdict
from html import escape

from fastapi import APIRouter, Request

from .._http import text_response
from ..collate import text_key
from ._common import aggregates_of, derived_of, page_response, page_setup
from .charts import all_charts, map_spec, per_year_chart
from .figures import label, map_data, years
from .tables import table_download

router = APIRouter()


def map_context(agg: dict, lang: str, linker, data: tuple[list, list] | None = None) -> dict:
    """The map page's context; `data` is map_data(agg, lang) when already made."""
    groups, places = data or map_data(agg, lang)
    places = [{**place, "href": linker.iri(place["iri"])} for place in places]
    events: dict[int, int] = defaultdict(int)
    for group in groups:
        for place, n in group["cities"]:
            events[place] += n
    cities = [{**places[place], "events": n} for place, n in events.items()]
    return {
        "map": {"id": "map", "spec": map_spec(linker, lang)},
        "cities": sorted(cities, key=lambda c: (-c["events"], text_key(c["name"], lang))),
        "events": groups,
        "places": places,
        "years": years(agg),
        "types": sorted({g["type"] for g in groups if g["type"]}),
        "directions": sorted({g["direction"] for g in groups if g["direction"]}),
        "charts": [per_year_chart(agg, lang, "direction", derive=True)],
    }


def places_by_area(agg: dict) -> dict[str, list[dict]]:
    """The partner cities with coordinates and events that a city's page (the city) and a country's page
    (its cities) put on their small map, by the page's IRI."""
    country_of = {c["iso"]: c["iri"] for c in agg["countries"]}
    areas: dict[str, list[dict]] = defaultdict(list)
    for city in agg["cities"]:
        if city["lat"] is None or city["lon"] is None or not city["events"]:
            continue
        areas[city["iri"]].append(city)
        if city["country"] in country_of:
            areas[country_of[city["country"]]].append(city)
    return dict(areas)


def place_map(cities: list[dict], lang: str, linker) -> str:
    """The small map of a city's or a country's page (templates/_map.html): `cities` (places_by_area)
    as circles sized by their events; "" when there is none."""
    from ..templating import gettext, markup, render

    if not cities:
        return ""
    places = [
        {
            "iri": c["iri"],
            "name": label(c, lang),
            "lat": c["lat"],
            "lon": c["lon"],
            "href": linker.iri(c["iri"]),
        }
        for c in cities
    ]
    counted = {"year": None, "type": "", "direction": "", "events": sum(c["events"] for c in cities)}
    counted["cities"] = [[number, c["events"]] for number, c in enumerate(cities)]
    html = render(
        "_map.html",
        lang,
        caption=gettext(lang, "On the map"),
        map={"id": "map", "spec": map_spec(linker, lang)},
        events=[counted],
        places=places,
    )
    script = f'<script src="{escape(linker.file("static/dist/portal.js"))}" defer></script>'
    return markup(html + script)


@router.api_route("/charts", methods=["GET", "HEAD"])
async def charts(request: Request):
    lang, linker = page_setup(request)
    agg = await aggregates_of(request)
    return page_response(
        request, "charts.html", lang, linker, "Charts", nav="charts", charts=all_charts(agg, lang)
    )


@router.api_route("/charts/{name}", methods=["GET", "HEAD"])
async def chart_data(request: Request, name: str):
    lang, _linker = page_setup(request)
    ident, _, fmt = name.rpartition(".")
    agg = await aggregates_of(request)
    found = next((c for c in all_charts(agg, lang) if c["id"] == ident), None)
    if found is None or fmt not in ("csv", "json"):
        return text_response(f"no chart data {name!r}", 404)
    return table_download(found["columns"], found["rows"], fmt, ident)


@router.api_route("/map", methods=["GET", "HEAD"])
async def world_map(request: Request):
    lang, linker = page_setup(request)
    agg = await aggregates_of(request)
    data = await derived_of(request, ("map", lang), lambda: map_data(agg, lang))
    return page_response(
        request, "map.html", lang, linker, "Map", nav="map", **map_context(agg, lang, linker, data)
    )
