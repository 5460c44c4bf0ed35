"""How a failure of the store behind the server reaches a visitor: 504 when a remote endpoint gave no
answer in time, else 502, with a one-line reason in which the endpoint's address is replaced by
"the SPARQL endpoint" (the address of a store behind the server is not the public's business; the
log keeps the whole message)."""

from __future__ import annotations

import logging

from ..errors import StoreError, StoreTimeoutError
from ..store.remote import split_credentials

log = logging.getLogger(__name__)


def public_message(error: Exception, endpoint: str | None) -> str:
    """The message of `error` with the address of the remote endpoint (if any) replaced."""
    message = str(error)
    if not endpoint:
        return message
    return message.replace(split_credentials(endpoint)[0], "the SPARQL endpoint")


def store_failure(error: StoreError, endpoint: str | None) -> tuple[int, str]:
    """(HTTP status, message) for `error` on a server whose remote endpoint is `endpoint` (or None)."""
    if endpoint:
        log.warning("%s", error)
    return (504 if isinstance(error, StoreTimeoutError) else 502), public_message(error, endpoint)
