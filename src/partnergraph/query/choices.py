"""Parameter values that must name something in the graph: a taxonomy id (topic, event type,
direction, participants) is checked against the concepts the graph holds, so that a mistyped id is
refused with the ids there are instead of answered with no rows."""

from __future__ import annotations

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
