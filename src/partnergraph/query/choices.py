"""Parameter values that must name something in the graph: a taxonomy id (topic, event type,
direction, participants) is checked against the concepts the graph holds, a country code against the
countries of the registry (data/reference/countries.csv), so that a mistyped value is refused instead of
answered with no rows."""

from __future__ import annotations

from pathlib import Path

from ..errors import QueryError
from ..prefixes import NAMESPACES

# parameter type -> its SKOS concept scheme, under the ontology's namespace
TAXONOMY_SCHEMES = {
    "topic": "topics",
    "event_type": "event-types",
    "direction": "directions",
    "participants": "participant-kinds",
}


def taxonomy_ids(store, param_type: str) -> list[str]:
    """The ids of the concepts of one taxonomy, as the graph holds them."""
    rows = store.select(
        "SELECT ?c WHERE { ?c <http://www.w3.org/2004/02/skos/core#inScheme> "
        f"<{NAMESPACES['pg']}{TAXONOMY_SCHEMES[param_type]}> }}"
    )
    return sorted(str(r["c"]).rsplit("/", 1)[-1] for r in rows.rows)


def check_taxonomy_values(store, saved, values: dict[str, str]) -> None:
    """Raise QueryError naming the known ids when a taxonomy parameter's value is not one of them."""
    for name, value in values.items():
        param = saved.parameters.get(name)
        if param is None or param.type not in TAXONOMY_SCHEMES:
            continue
        known = taxonomy_ids(store, param.type)
        if known and value not in known:
            kind = param.type.replace("_", " ")
            raise QueryError(f"{name}={value!r}: no such {kind} id; known: {', '.join(known)}")


def country_codes(reference_dir: Path) -> set[str]:
    """The ISO 3166-1 alpha-2 codes of the registry's countries (none when it has no countries.csv)."""
    import csv  # here: `partnergraph query` without a country starts without it (tests/test_startup.py)

    path = Path(reference_dir) / "countries.csv"
    if not path.is_file():
        return set()
    with path.open(encoding="utf-8", newline="") as f:
        return {row["iso2"] for row in csv.DictReader(f) if row.get("iso2")}


def check_country_values(reference_dir: Path, saved, values: dict[str, str]) -> None:
    """Raise QueryError when a country parameter's value is no country code of the registry ('XX' was
    answered with no rows, as if no event were with that country)."""
    for name, value in values.items():
        param = saved.parameters.get(name)
        if param is None or param.type != "country":
            continue
        known = country_codes(reference_dir)
        if known and value.upper() not in known:
            raise QueryError(
                f"{name}={value!r}: no such country code (ISO 3166-1 alpha-2 as in "
                f"{Path(reference_dir) / 'countries.csv'}, such as DE or NL)"
            )


def check_values(store, reference_dir: Path, saved, values: dict[str, str]) -> None:
    """Raise QueryError when a country or taxonomy parameter's value names nothing (the CLI and the
    portal's saved-query pages refuse the same values)."""
    check_country_values(reference_dir, saved, values)
    check_taxonomy_values(store, saved, values)
