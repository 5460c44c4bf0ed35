"""The numbers and chart data of the home page, the charts page and the map, read from the build's
aggregates (build/aggregates.json, partnergraph.aggregates: counted once per build and `add`), so that a
page costs the same at 10^5 events as at 100. Labels come in the reader's language."""

from __future__ import annotations

from collections import defaultdict

from ..collate import text_key

KINDS = ("countries", "cities", "organisations", "units", "persons", "projects", "programmes", "topics")


def label(item: dict, lang: str) -> str:
    """An aggregate item's name in `lang` (the aggregates give every name in both languages)."""
    return item["label"][lang]


def concept_labels(agg: dict, lang: str) -> dict[str, dict[str, str]]:
    """facet name (types, directions, topics) -> notation -> label in `lang`."""
    return {
        facet: {row["value"]: row["label"][lang] for row in agg["facets"][facet]}
        for facet in ("types", "directions", "topics")
    }


def count_figures(agg: dict) -> dict:
    """Headline figures: events, and the distinct things events link to, per kind; the years covered;
    the source pages that gave events."""
    totals = agg["totals"]
    figures = {"events": totals["events"], **{kind: totals[kind] for kind in KINDS}}
    years = [row["value"] for row in agg["facets"]["years"]]
    figures["first_year"], figures["last_year"] = (years[0], years[-1]) if years else (None, None)
    figures["sources"] = sum(1 for page in agg["pages"] if page["events"])
    return figures


def years(agg: dict) -> list[int]:
    """The years with events."""
    return [row["value"] for row in agg["facets"]["years"]]


def year_range(agg: dict) -> list[int]:
    """Every year from the first with events to the last: a filter or an axis without gaps."""
    found = years(agg)
    return list(range(min(found), max(found) + 1)) if found else []


def ranked(agg: dict, kind: str, lang: str, limit: int | None = None) -> list[dict]:
    """The things of `kind` by the number of events linking to them: iri, label, events."""
    rows = [{"iri": x["iri"], "label": label(x, lang), "events": x["events"]} for x in agg[kind]]
    rows.sort(key=lambda r: (-r["events"], text_key(r["label"], lang)))
    return rows[:limit] if limit else rows


def per_year(agg: dict, lang: str, by: str = "direction") -> list[dict]:
    """Events per year and `by` (direction or type): year, group, events."""
    names = concept_labels(agg, lang)[f"{by}s"]
    rows = [
        {"year": r["year"], "group": names.get(r[by], r[by]), "events": r["events"]}
        for r in agg[f"per_year_{by}"]
    ]
    return sorted(with_every_year(rows, "group"), key=lambda r: (r["year"], r["group"]))


def with_every_year(rows: list[dict], group: str) -> list[dict]:
    """`rows` and a row of 0 events for each year between the first and the last that has none, so that a
    chart's axis runs without gaps (2010, 2011, ... not 2010 then 2017); in the first group, no new one."""
    if not rows:
        return rows
    first, had = min(r[group] for r in rows), {r["year"] for r in rows}
    span = range(min(had), max(had) + 1)
    return rows + [{"year": y, group: first, "events": 0} for y in span if y not in had]


def topics_per_year(agg: dict, lang: str) -> list[dict]:
    """Events per year and topic: year, topic (its label), events; every topic in every year from the
    first to the last, 0 where it had none, so that the heat map's empty years and cells read as 0 rather
    than being left out (2010 then 2017)."""
    names = concept_labels(agg, lang)["topics"]
    counts = {(r["year"], names.get(r["topic"], r["topic"])): r["events"] for r in agg["topics_over_time"]}
    if not counts:
        return []
    years = [year for year, _topic in counts]
    topics = sorted({topic for _year, topic in counts}, key=lambda topic: text_key(topic, lang))
    return [
        {"year": year, "topic": topic, "events": counts.get((year, topic), 0)}
        for year in range(min(years), max(years) + 1)
        for topic in topics
    ]


def map_data(agg: dict, lang: str) -> tuple[list[dict], list[dict]]:
    """What the map page's filters work on, counted: (groups, places). A group is the events of one
    year, type and direction: {year, type, direction, events, cities: [[place number, events], ...]};
    a place is a partner city with coordinates: {iri, name, lat, lon}. The browser adds up the groups
    the filters keep (frontend/src/portal.js), so the page does not carry every event."""
    names = concept_labels(agg, lang)
    places, number = [], {}
    for city in agg["cities"]:
        if city["lat"] is not None and city["lon"] is not None:
            number[city["iri"]] = len(places)
            places.append(
                {"iri": city["iri"], "name": label(city, lang), "lat": city["lat"], "lon": city["lon"]}
            )
    counts: dict[tuple, int] = defaultdict(int)
    cities: dict[tuple, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for event in agg["events"]:
        key = (
            event["year"],
            names["types"].get(event["type"], event["type"] or ""),
            names["directions"].get(event["direction"], event["direction"] or ""),
        )
        counts[key] += 1
        for city in event["cities"]:
            if city in number:
                cities[key][number[city]] += 1
    groups = [
        {
            "year": year,
            "type": type_,
            "direction": direction,
            "events": n,
            "cities": sorted([place, k] for place, k in cities[(year, type_, direction)].items()),
        }
        for (year, type_, direction), n in sorted(counts.items(), key=lambda kv: (kv[0][0] or 0, kv[0][1:]))
    ]
    return groups, places
