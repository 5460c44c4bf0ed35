"""The numbers and chart data of the home page and the charts page, from the catalog of the build.

`scale`'s precomputed aggregates (build/aggregates.json) can replace `count_figures` here once they
exist; the pages only see the dictionaries returned."""

from __future__ import annotations

from collections import Counter, defaultdict

from .catalog import KINDS, Catalog


def count_figures(catalog: Catalog) -> dict:
    """Headline figures: events, and the distinct things events link to, per kind; the years covered."""
    figures = {"events": len(catalog.events)}
    for kind in KINDS:
        figures[kind] = len({iri for e in catalog.events for iri in e.links.get(kind, ())})
    years = catalog.years()
    figures["first_year"], figures["last_year"] = (years[0], years[-1]) if years else (None, None)
    figures["sources"] = len({e.iri.split("/event/", 1)[-1].split("/", 1)[0] for e in catalog.events})
    return figures


def ranked(catalog: Catalog, kind: str, lang: str, limit: int | None = None) -> list[dict]:
    """The things of `kind` by the number of events linking to them: iri, label, events."""
    counts = Counter(iri for e in catalog.events for iri in set(e.links.get(kind, ())))
    rows = [{"iri": iri, "label": catalog.label(iri, lang), "events": n} for iri, n in counts.items()]
    rows.sort(key=lambda r: (-r["events"], r["label"]))
    return rows[:limit] if limit else rows


def event_rows(catalog: Catalog, lang: str) -> list[dict]:
    """One row per event with what the charts and the map filter and count by (labels in `lang`)."""
    rows = []
    for e in catalog.events:
        rows.append(
            {
                "event": e.iri,
                "name": e.name,
                "date": e.start,
                "year": e.year,
                "type": catalog.label(e.type, lang) if e.type else "",
                "direction": catalog.label(e.direction, lang) if e.direction else "",
                "countries": [catalog.label(c, lang) for c in e.links.get("countries", ())],
                "topics": [catalog.label(t, lang) for t in e.links.get("topics", ())],
                "cities": [
                    {
                        "iri": c,
                        "name": catalog.label(c, lang),
                        "lat": catalog.coordinates[c][0],
                        "lon": catalog.coordinates[c][1],
                    }
                    for c in e.links.get("cities", ())
                    if c in catalog.coordinates
                ],
            }
        )
    return rows


def per_year(catalog: Catalog, lang: str, by: str = "direction") -> list[dict]:
    """Events per year and `by` (direction or type): year, by, events."""
    counts: dict[tuple, int] = defaultdict(int)
    for e in catalog.events:
        if e.year:
            value = getattr(e, by)
            counts[(e.year, catalog.label(value, lang) if value else "?")] += 1
    return [{"year": y, "group": g, "events": n} for (y, g), n in sorted(counts.items())]
