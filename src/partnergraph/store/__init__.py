"""One interface over the embedded store and any remote SPARQL 1.1 endpoint."""

from .base import Rows, Store
from .embedded import EmbeddedStore

__all__ = ["Rows", "Store", "EmbeddedStore", "RemoteStore"]


def __getattr__(name: str):
    """RemoteStore is imported when first asked for: it brings rdflib and an HTTP client, which
    commands on the embedded store need not load."""
    if name == "RemoteStore":
        from .remote import RemoteStore

        return RemoteStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
