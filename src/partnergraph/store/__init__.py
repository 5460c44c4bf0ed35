"""One interface over the embedded store and any remote SPARQL 1.1 endpoint."""

from .._lazy import imported_on_first_use
from .base import Rows, Store
from .embedded import EmbeddedStore

__all__ = ["Rows", "Store", "EmbeddedStore", "RemoteStore"]
# RemoteStore is imported when first asked for: it brings rdflib and an HTTP client, which commands on the
# embedded store need not load
__getattr__ = imported_on_first_use(__spec__, {".remote": ("RemoteStore",)})
