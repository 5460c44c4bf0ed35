"""Saved queries: metadata, parameters, running them on a store, result formats."""

from ..store import Rows, Store
from .formats import FORMATS, format_rows
from .guard import check_query
from .saved import Parameter, SavedQuery, load_saved_queries, parse_saved_query, resolve_query


def run_query(store: Store, query: SavedQuery, params: dict[str, str] | None = None) -> Rows:
    """Run a saved (or ad-hoc) SELECT query on any store and return its rows."""
    text = query.render(params)
    check_query(text)
    return store.select(text)


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
