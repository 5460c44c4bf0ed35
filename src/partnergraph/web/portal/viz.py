"""`/charts` (every chart with its data) and `/map` (partner cities on the world map, with filters for
year, type and direction that change the map and the chart below it). `/charts/<id>.csv|.json` download
a chart's data."""

from __future__ import annotations

from fastapi import APIRouter, Request

from .._http import text_response
from ._common import catalog_of, page_response, page_setup
from .charts import all_charts, map_spec, per_year_chart
from .figures import event_rows
from .tables import table_download

router = APIRouter()


def map_context(catalog, lang: str, linker) -> dict:
    rows = event_rows(catalog, lang)
    for row in rows:
        for city in row["cities"]:
            city["href"] = linker.iri(city["iri"])
    cities: dict[str, dict] = {}
    for row in rows:
        for city in row["cities"]:
            cities.setdefault(city["iri"], {**city, "events": 0})["events"] += 1
    return {
        "map": {"id": "map", "spec": map_spec(linker, lang)},
        "cities": sorted(cities.values(), key=lambda c: (-c["events"], c["name"])),
        "events": rows,
        "years": catalog.years(),
        "types": sorted({r["type"] for r in rows if r["type"]}),
        "directions": sorted({r["direction"] for r in rows if r["direction"]}),
        "charts": [per_year_chart(catalog, lang, "direction", derive=True)],
    }


@router.api_route("/charts", methods=["GET", "HEAD"])
async def charts(request: Request):
    lang, linker = page_setup(request)
    catalog = await catalog_of(request)
    return page_response(
        request, "charts.html", lang, linker, "Charts", nav="charts", charts=all_charts(catalog, lang)
    )


@router.api_route("/charts/{name}", methods=["GET", "HEAD"])
async def chart_data(request: Request, name: str):
    lang, _linker = page_setup(request)
    ident, _, fmt = name.rpartition(".")
    catalog = await catalog_of(request)
    found = next((c for c in all_charts(catalog, lang) if c["id"] == ident), None)
    if found is None or fmt not in ("csv", "json"):
        return text_response(f"no chart data {name!r}", 404)
    return table_download(found["columns"], found["rows"], fmt, ident)


@router.api_route("/map", methods=["GET", "HEAD"])
async def world_map(request: Request):
    lang, linker = page_setup(request)
    catalog = await catalog_of(request)
    return page_response(
        request, "map.html", lang, linker, "Map", nav="map", **map_context(catalog, lang, linker)
    )
