"""`/charts` (every chart with its data) and `/map` (partner cities on the world map, with filters for
year, type and direction that change the map and the chart below it). `/charts/<id>.csv|.json` download
a chart's data. All from the build's aggregates."""

from __future__ import annotations

import math
from collections import defaultdict

from fastapi import APIRouter, Request

from .._http import text_response
from ..collate import text_key
from ._common import N_, aggregates_of, derived_of, page_response, page_setup
from .charts import all_charts, basemap, map_spec, per_year_chart
from .figures import label, map_data, year_range
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
        "years": year_range(agg),  # every year between, as the reader expects of a range
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


def project(lon: float, lat: float, base: dict) -> tuple[float, float]:
    """A place on the world map's countries (basemap.json: d3's Mercator, centred and scaled as
    frontend/build.mjs projected them), in its pixels."""
    (lon0, lat0), k = base["center"], base["scale"]
    y = lambda phi: math.log(math.tan(math.pi / 4 + math.radians(phi) / 2))  # noqa: E731
    return base["width"] / 2 + k * math.radians(lon - lon0), base["height"] / 2 - k * (y(lat) - y(lat0))


def place_map(cities: list[dict], lang: str, linker) -> str:
    """The small map of a city's or a country's page (templates/_place_map.html): `cities` (places_by_area)
    as circles sized by their events, on the part of the world map around them; "" when none is on it."""
    from ..templating import gettext, markup, render

    base = basemap()
    width, height = base["width"], base["height"]
    placed = [(project(c["lon"], c["lat"], base), c) for c in cities]
    placed = [((x, y), c) for (x, y), c in placed if 0 <= x <= width and 0 <= y <= height]
    if not placed:
        return ""
    xs, ys = [x for (x, _), _c in placed], [y for (_, y), _c in placed]
    span = max(max(xs) - min(xs), 2 * (max(ys) - min(ys)), 160) + 120  # at least a region around a city
    box_w, box_h = min(span, width), min(span / 2, height)
    left = min(max((max(xs) + min(xs)) / 2 - box_w / 2, 0), width - box_w)
    top = min(max((max(ys) + min(ys)) / 2 - box_h / 2, 0), height - box_h)
    most = max(c["events"] for _p, c in placed)
    unit = box_w / 110  # the smallest circle's radius, a fixed part of the map's width
    circles = [
        {
            "x": round(x, 1),
            "y": round(y, 1),
            "r": round(unit * (1 + 1.2 * math.sqrt(c["events"] / most)), 1),
            "name": label(c, lang),
            "events": c["events"],
            "href": linker.iri(c["iri"]),
        }
        for (x, y), c in sorted(placed, key=lambda pc: -pc[1]["events"])  # small ones drawn over big ones
    ]
    html = render(
        "_place_map.html",
        lang,
        caption=gettext(lang, "On the map"),
        box=[round(v, 1) for v in (left, top, box_w, box_h)],
        width=width,
        height=height,
        basemap=linker.file("static/dist/basemap.svg"),
        circles=circles,
        labelled=len(circles) <= 12,
        font=round(box_w / 30, 1),
    )
    return markup(html)


@router.api_route("/charts", methods=["GET", "HEAD"])
async def charts(request: Request):
    lang, linker = page_setup(request)
    agg = await aggregates_of(request)
    return page_response(
        request, "charts.html", lang, linker, N_("Charts"), nav="charts", charts=all_charts(agg, lang)
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
        request, "map.html", lang, linker, N_("Map"), nav="map", **map_context(agg, lang, linker, data)
    )
