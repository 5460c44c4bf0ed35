"""Saved queries: metadata, parameters, running them on a store, result formats."""

from ..store import Rows, Store
from .formats import FORMATS, format_rows
from .guard import check_query
from .saved import Parameter, SavedQuery, load_saved_queries, parse_saved_query, resolve_query


def run_query(
    store: Store, query: SavedQuery, params: dict[str, str] | None = None, plain: bool = False
) -> Rows:
    """Run a saved (or ad-hoc) SELECT query on any store and return its rows; with `plain`, the
    embedded store gives pyoxigraph's terms (EmbeddedStore.select_plain: enough to print them with
    format_rows, and no rdflib to import)."""
    text = query.render(params)
    check_query(text)
    select = getattr(store, "select_plain", None) if plain else None
    return (select or store.select)(text)


__all__ = [
    "FORMATS",
    "Parameter",
    "SavedQuery",
    "check_query",
    "format_rows",
    "load_saved_queries",
    "parse_saved_query",
    "resolve_query",
    "run_query",
]
