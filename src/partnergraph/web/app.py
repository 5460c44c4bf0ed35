"""`create_app(settings)`: the web app of `partnergraph serve` (see docs/web.md for every route).

Dereferencing: an IRI `{BASE}X` is answered at `/partnergraph/X` on this host with 200 and the
representation the client's Accept header prefers (HTML, Turtle, JSON-LD, N-Triples, RDF/XML), with
`Vary: Accept, Accept-Language` and a `Content-Location` naming that format's own URL
(`/partnergraph/X.ttl`, `.jsonld`, `.nt`, `.rdf`, `.html`), which always answers in its format. This
is the Content-Location option of the W3C's httpRange-14 resolution: one round trip, no 303.

Safety: nothing here writes to the store (updates get 403); request bodies are read up to
`max_body` bytes (413 beyond); untrusted queries run in worker processes with a hard time limit and a
result cap (503 with a message); files are served only from a fixed list (no path from the request
reaches the file system); CORS allows any origin for reads, never with credentials; every page is
HTML-escaped and sent with a Content-Security-Policy.

The graph does not change while the server runs, so recent answers and pages are kept in memory
(`WebConfig.cache`; 0 turns it off). Restart the server after a rebuild.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from ..settings import Settings

log = logging.getLogger(__name__)

MAX_BODY = 64 * 1024  # bytes; a SPARQL query, not a data upload
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)


@dataclass
class WebConfig:
    endpoint: str | None = None
    user: str | None = None
    password: str | None = None
    timeout: float = 10.0  # seconds per untrusted query
    cap: int = 10000  # rows or triples per answer
    workers: int = 2  # query worker processes
    cache: int = 256  # answers kept for repeated queries (0: none)
    max_body: int = MAX_BODY


@dataclass
class WebState:
    settings: Settings
    config: WebConfig
    store: object = None
    pool: object = None
    _cache: dict = field(default_factory=dict)
    _recent: OrderedDict = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def saved_queries(self):
        from ..query import load_saved_queries

        return load_saved_queries(self.settings.queries_dir)

    def remember(self, key, make):
        """`make()`, kept for the 512 most recently used keys: pages and answers, which stay valid
        because the graph being served does not change while the server runs. Off when cache is 0."""
        if not self.config.cache:
            return make()
        with self._lock:
            if key in self._recent:
                self._recent.move_to_end(key)
                return self._recent[key]
        value = make()
        with self._lock:
            self._recent[key] = value
            while len(self._recent) > 512:
                self._recent.popitem(last=False)
        return value

    def cached(self, key: str, make):
        """A value computed once (the ontology docs, the form choices, the dataset statistics)."""
        with self._lock:
            if key not in self._cache:
                self._cache[key] = make()
            return self._cache[key]


def _open_store(settings: Settings, config: WebConfig):
    if config.endpoint:
        from ..store import RemoteStore

        return RemoteStore(config.endpoint, user=config.user, password=config.password)
    from ..store import EmbeddedStore

    return EmbeddedStore(settings.store_dir, read_only=True)


def create_app(settings: Settings | None = None, config: WebConfig | None = None):
    """The FastAPI app. The graph must be built (see partnergraph.build.ensure_built) unless
    `config.endpoint` names a remote SPARQL endpoint."""
    from fastapi import FastAPI, Request
    from fastapi.responses import PlainTextResponse
    from starlette.middleware.cors import CORSMiddleware

    from ..errors import PartnergraphError, QueryError, StoreError
    from . import analyst, dataset, resources, sparql
    from ._pool import BusyError, QueryPool, QueryTimeoutError, ResultCapError, StoreSource

    settings = settings or Settings.default()
    config = config or WebConfig()
    state = WebState(settings, config)

    @asynccontextmanager
    async def lifespan(app):
        state.store = _open_store(settings, config)
        source = StoreSource(
            store_dir=None if config.endpoint else str(settings.store_dir),
            endpoint=config.endpoint,
            user=config.user,
            password=config.password,
        )
        state.pool = QueryPool(
            source, workers=config.workers, timeout=config.timeout, cap=config.cap, cache=config.cache
        )
        state.pool.start()
        try:
            yield
        finally:
            state.pool.close()
            state.store.close()

    app = FastAPI(title="partnergraph", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.web = state

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError):
        return PlainTextResponse(f"query error: {exc}\n", status_code=400)

    @app.exception_handler(QueryTimeoutError)
    @app.exception_handler(ResultCapError)
    @app.exception_handler(BusyError)
    async def refused(request: Request, exc: PartnergraphError):
        return PlainTextResponse(f"query refused: {exc}\n", status_code=503)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return PlainTextResponse(f"store error: {exc}\n", status_code=502)

    for module in (sparql, dataset, resources, analyst):
        app.include_router(module.router)

    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
        allow_headers=["Accept", "Accept-Language", "Content-Type"],
        expose_headers=["Content-Location", "Link", "Vary"],
        allow_credentials=False,
        max_age=3600,
    )
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, limit=config.max_body)
    return app


class SecurityHeaders:
    """nosniff on every answer."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                message = {**message, "headers": headers}
            await send(message)

        return await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Reads a request body up to `limit` bytes before the app sees it; 413 beyond."""

    def __init__(self, app, limit: int = MAX_BODY):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return await self._too_large(send)
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                return await self._too_large(send)
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    async def _too_large(self, send):
        text = f"request body too large: at most {self.limit} bytes\n".encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(text)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": text})
