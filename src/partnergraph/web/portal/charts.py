"""The charts: Vega-Lite specifications (compiled to Vega at install time, web/vega.py; drawn in the browser
by vega-embed, static/dist/portal.js) with their data as a table beside each, titles and axis names in the
reader's language. A chart's data is a named dataset, so that its shape compiles once for every page.

A chart whose data the map page's filters change names its data `derived` and says how to derive it
from the filtered events (`derive`); the browser computes it (frontend/src/viz.js)."""

from __future__ import annotations

import functools
import json

from .._html import Linker
from ..templating import LANGS, STATIC, gettext
from ..vega import shape_key, shape_of
from ._common import N_
from .figures import per_year, ranked, topics_per_year

WIDTH = "container"
LEGEND_ROW = 15  # px, a row of a legend (measured in Chromium)
PALETTE = ["#17324d", "#e07b39", "#3a8d5c", "#9c4f96", "#c9a227", "#5b8fd1", "#a33b3b", "#6b6b6b"]


def _config() -> dict:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": WIDTH,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "config": {"range": {"category": PALETTE}, "axis": {"labelFontSize": 12, "titleFontSize": 12}},
    }


def stacked_per_year(rows: list[dict], lang: str, group_title: str, derive: str | None = None) -> dict:
    t = lambda m: gettext(lang, m)  # noqa: E731
    spec = {
        **_config(),
        "height": 220,
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": t("Year")},
            "y": {
                "field": "events",
                "type": "quantitative",
                "title": t("Events"),
                "axis": {"tickMinStep": 1},
            },
            # above the bars: beside them it took a third of a phone's width
            "color": {
                "field": "group",
                "type": "nominal",
                "title": t(group_title),
                "legend": {"orient": "top", "direction": "horizontal", "columns": 2},
            },
        },
    }
    return with_data(spec, rows, "derived" if derive else "table")


def with_data(spec: dict, rows: list[dict], name: str = "table") -> dict:
    """`spec` drawing `rows`, as the dataset `name` (what the map page's filters replace is `derived`)."""
    return {**spec, "data": {"name": name}, "datasets": {name: rows}}


def bars(rows: list[dict], lang: str, label_title: str) -> dict:
    t = lambda m: gettext(lang, m)  # noqa: E731
    spec = {
        **_config(),
        "height": {"step": 22},
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "sort": "-x", "title": t(label_title)},
            "x": {
                "field": "events",
                "type": "quantitative",
                "title": t("Events"),
                "axis": {"tickMinStep": 1},
            },
        },
    }
    return with_data(spec, [{"label": r["label"], "events": r["events"]} for r in rows])


def topics_over_time(agg: dict, lang: str) -> tuple[dict, list[dict]]:
    t = lambda m: gettext(lang, m)  # noqa: E731
    rows = topics_per_year(agg, lang)
    spec = {
        **_config(),
        "mark": {"type": "rect", "tooltip": True},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": t("Year")},
            "y": {"field": "topic", "type": "nominal", "title": t("Topic")},
            "color": {
                "field": "events",
                "type": "quantitative",
                "title": t("Events"),
                "scale": {"scheme": "blues"},
            },
        },
    }
    return with_data(spec, rows), rows


def chart(
    ident: str, title: str, spec: dict, columns: list[tuple[str, str]], rows: list[dict], lang: str
) -> dict:
    """What templates/_chart.html shows: the spec, and the same data as a table (columns: key, title)."""
    spec["description"] = gettext(lang, title)  # Vega gives it to the drawing as its accessible name
    return {
        "id": ident,
        "title": gettext(lang, title),
        "spec": spec,
        "reserve": reserved_height(spec, rows),
        "columns": [(key, gettext(lang, name)) for key, name in columns],
        "rows": rows,
    }


def reserved_height(spec: dict, rows: list[dict]) -> int:
    """The drawing's height in pixels (plot, axes, legend), kept free before it is drawn so that nothing
    below it moves (measured in Chromium)."""
    height = spec.get("height")
    if isinstance(height, int):
        if not spec["encoding"].get("color", {}).get("legend"):
            return height + 70
        groups = len({row["group"] for row in rows})
        return height + 100 + LEGEND_ROW * -(-groups // 2)  # a legend of two columns above the bars
    y = spec["encoding"]["y"]["field"]
    step = height["step"] if isinstance(height, dict) else 20  # Vega-Lite's step for a discrete y
    return step * len({row[y] for row in rows}) + (50 if isinstance(height, dict) else 70)


def per_year_chart(agg: dict, lang: str, by: str, derive: bool = False) -> dict:
    group = N_("Direction") if by == "direction" else N_("Type")
    rows = per_year(agg, lang, by)
    title = N_("Events per year by direction") if by == "direction" else N_("Events per year by type")
    spec = stacked_per_year(rows, lang, group, derive=f"per-year-{by}" if derive else None)
    if derive:
        spec["usermeta"] = {"derive": f"per-year-{by}"}
    return chart(
        f"per-year-{by}",
        title,
        spec,
        [("year", N_("Year")), ("group", group), ("events", N_("Events"))],
        rows,
        lang,
    )


def countries_chart(agg: dict, lang: str, limit: int = 15) -> dict:
    rows = ranked(agg, "countries", lang, limit)
    spec = bars(rows, lang, N_("Country"))
    return chart(
        "countries",
        N_("Partner countries by events"),
        spec,
        [("label", N_("Country")), ("events", N_("Events"))],
        rows,
        lang,
    )


def home_charts(agg: dict, lang: str) -> list[dict]:
    return [per_year_chart(agg, lang, "direction"), countries_chart(agg, lang, 10)]


def all_charts(agg: dict, lang: str) -> list[dict]:
    spec, rows = topics_over_time(agg, lang)
    return [
        per_year_chart(agg, lang, "direction"),
        per_year_chart(agg, lang, "type"),
        countries_chart(agg, lang),
        chart(
            "topics",
            N_("Topics over time"),
            spec,
            [("year", N_("Year")), ("topic", N_("Topic")), ("events", N_("Events"))],
            rows,
            lang,
        ),
    ]


@functools.cache
def basemap() -> dict:
    """The map's projection and its countries projected at install time (static/dist/basemap.json,
    written by frontend/build.mjs): {type, center, scale, width, height, shapes}."""
    return json.loads((STATIC / "dist" / "basemap.json").read_text(encoding="utf-8"))


def map_spec(linker: Linker, lang: str) -> dict:
    """The world (Natural Earth 1:110m from the world-atlas package, projected once at install time) with
    a circle per city sized by its events, in the same projection; the cities come from the filtered
    events (`derived`)."""
    t = lambda m: gettext(lang, m)  # noqa: E731
    base = basemap()
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": WIDTH,
        "height": base["height"],
        "autosize": {"type": "fit-x", "contains": "padding"},
        # the countries: drawn under the circles by frontend/src/vega.js
        "usermeta": {"derive": "cities", "basemap": linker.file("static/dist/" + base["shapes"])},
        "description": t("Map of partner cities"),
        "config": {"aria": False},  # the country shapes are decoration; the cities are listed beside the map
        "projection": {"type": base["type"], "center": base["center"], "scale": base["scale"]},
        "datasets": {"derived": []},
        "layer": [
            {
                "data": {"name": "derived"},
                "mark": {
                    "type": "circle",
                    "opacity": 0.75,
                    "color": "#e07b39",
                    "stroke": "#17324d",
                    "tooltip": True,
                },
                "encoding": {
                    "longitude": {"field": "lon", "type": "quantitative"},
                    "latitude": {"field": "lat", "type": "quantitative"},
                    "size": {
                        "field": "events",
                        "type": "quantitative",
                        "title": t("Events"),
                        # from one event: a zero-based scale put "0" in the legend, a class no city is in
                        "scale": {"range": [40, 900], "domainMin": 1},
                        # over the Atlantic rather than beside the map (a third of a phone's width)
                        "legend": {
                            "orient": "top-left",
                            "tickMinStep": 1,
                            "format": "d",
                            "fillColor": "rgba(255,255,255,0.85)",
                            "padding": 6,
                        },
                    },
                    "tooltip": [
                        {"field": "name", "type": "nominal", "title": t("City")},
                        {"field": "events", "type": "quantitative", "title": t("Events")},
                    ],
                    "href": {"field": "href", "type": "nominal"},
                    "description": {"field": "name", "type": "nominal"},
                },
            },
        ],
    }


NO_DATA = {  # aggregates of an empty build: every chart's shape, without rows
    "facets": {facet: [] for facet in ("types", "directions", "topics", "years")},
    **{key: [] for key in ("per_year_direction", "per_year_type", "countries", "topics_over_time")},
}


def chart_shapes() -> dict[str, dict]:
    """Every Vega-Lite spec the portal draws, in each language and without its data, by its shape's key
    (web/vega.py): what frontend/build.mjs compiles to Vega at install time."""
    specs = []
    for lang in LANGS:
        charts = [*all_charts(NO_DATA, lang), per_year_chart(NO_DATA, lang, "direction", derive=True)]
        specs += [c["spec"] for c in charts] + [map_spec(Linker(), lang)]
    return {shape_key(spec): shape_of(spec) for spec in specs}
