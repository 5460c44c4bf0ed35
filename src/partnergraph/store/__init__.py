"""One interface over the embedded store and any remote SPARQL 1.1 endpoint."""

from .base import Rows, Store
from .embedded import EmbeddedStore
from .remote import RemoteStore

__all__ = ["Rows", "Store", "EmbeddedStore", "RemoteStore"]
