"""The review's one error: a message key (translated by messages.py), its parameters and an HTTP status."""

from __future__ import annotations

from ..errors import PartnergraphError


class ReviewError(PartnergraphError):
    def __init__(self, key: str, status: int = 400, **params):
        self.key, self.status, self.params = key, status, params
        super().__init__(f"{key}: {params}" if params else key)
