"""A least-recently-used cache bounded by entries and by bytes, thread-safe.

The web process keeps query answers and rendered pages between builds; a count alone does not bound
memory (one answer can be 30 MB), so every value is put with its size and the oldest go first once
the total is over `max_bytes`. A value larger than a quarter of the budget is not kept at all.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

_MISSING = object()


class BoundedCache:
    def __init__(self, max_entries: int, max_bytes: int):
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self._items: OrderedDict = OrderedDict()  # key -> (value, size)
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key, default=None):
        with self._lock:
            item = self._items.get(key, _MISSING)
            if item is _MISSING:
                return default
            self._items.move_to_end(key)
            return item[0]

    def put(self, key, value, size: int) -> None:
        if not self.max_entries or size > self.max_bytes // 4:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._items[key] = (value, size)
            self._bytes += size
            while len(self._items) > self.max_entries or self._bytes > self.max_bytes:
                _key, (_value, gone) = self._items.popitem(last=False)
                self._bytes -= gone

    @property
    def bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._items)


def size_of(value) -> int:
    """Bytes a page or a serialised answer takes, roughly (str and bytes; else a small constant)."""
    if isinstance(value, str | bytes):
        return len(value) + 64
    if isinstance(value, tuple | list):
        return sum(size_of(v) for v in value) + 64
    return 256
