"""Saved queries: metadata, parameters, running them on a store, result formats."""

from ..store import Rows, Store
from .formats import FORMATS, format_rows
from .saved import Parameter, SavedQuery, load_saved_queries, parse_saved_query, resolve_query


def run_query(store: Store, query: SavedQuery, params: dict[str, str] | None = None) -> Rows:
    """Run a saved (or ad-hoc) SELECT query on any store and return its rows."""
    return store.select(query.render(params))


__all__ = [
    "FORMATS",
    "Parameter",
    "SavedQuery",
    "format_rows",
    "load_saved_queries",
    "parse_saved_query",
    "resolve_query",
    "run_query",
]
