"""Conditional GET for every answer the app makes in memory (pages, descriptions, VoID, the service
description, query answers): an `ETag` (a hash of the body, so each representation of a resource has
its own) and a `Last-Modified` (when the build being served finished), and 304 Not Modified when
`If-None-Match` or `If-Modified-Since` says the client has it (RFC 9110 §13). Answers that already carry
an ETag (the dump files) and answers to other methods than GET and HEAD pass through untouched."""

from __future__ import annotations

import hashlib
from email.utils import formatdate, parsedate_to_datetime


def _matches(if_none_match: str, etag: str) -> bool:
    """Whether If-None-Match names `etag` (weak comparison) or is `*`."""
    tags = [t.strip() for t in if_none_match.split(",")]
    bare = etag.removeprefix("W/")
    return "*" in tags or any(t.removeprefix("W/") == bare for t in tags)


def _not_modified_since(if_modified_since: str, modified: float) -> bool:
    try:
        since = parsedate_to_datetime(if_modified_since).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return False
    return int(modified) <= since


class ConditionalGet:
    """ASGI middleware; `modified()` gives the time (POSIX seconds) of the build served, or None."""

    def __init__(self, app, modified):
        self.app, self.modified = app, modified

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return await self.app(scope, receive, send)
        request_headers = dict(scope.get("headers") or [])
        request_headers[b":method"] = scope["method"].encode()
        start, chunks = None, []

        async def buffered_send(message):
            nonlocal start
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                if message["status"] != 200 or b"etag" in names:
                    start = False  # pass this answer through as it is
                    return await send(message)
                start = message
                return None
            if start is False or message["type"] != "http.response.body":
                return await send(message)
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return None
            return await self._finish(start, b"".join(chunks), request_headers, send)

        return await self.app(scope, receive, buffered_send)

    async def _finish(self, start, body: bytes, request_headers, send):
        headers = list(start.get("headers", []))
        etag = None
        if request_headers[b":method"] == b"GET":  # a HEAD answer has no body to tag
            etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
            headers.append((b"etag", etag.encode()))
        modified = self.modified()
        if modified is not None:
            headers.append((b"last-modified", formatdate(modified, usegmt=True).encode()))
        if_none_match = request_headers.get(b"if-none-match")
        if_modified_since = request_headers.get(b"if-modified-since")
        if if_none_match is not None and etag is not None:
            fresh = _matches(if_none_match.decode("latin-1"), etag)
        else:
            fresh = (
                if_modified_since is not None
                and modified is not None
                and _not_modified_since(if_modified_since.decode("latin-1"), modified)
            )
        if fresh:
            kept = [(k, v) for k, v in headers if k.lower() not in (b"content-length", b"content-type")]
            await send({"type": "http.response.start", "status": 304, "headers": kept})
            return await send({"type": "http.response.body", "body": b""})
        await send({**start, "headers": headers})
        return await send({"type": "http.response.body", "body": body})
