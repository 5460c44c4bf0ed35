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

A new build is served without a restart: at most once a second a request looks at build/state.json
and the store folder (two `stat` calls, `_pool.build_stamp`); when a build has finished since the store
was opened, the store is opened again, the cached pages and answers are dropped and the query workers
replaced. Should the build change while the new store is being opened, the old one stays and a later
request tries again. Between builds, recent answers and pages are kept in memory (`WebConfig.cache`;
0 turns it off).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace

from ..errors import StoreError
from ..settings import Settings
from ._cache import BoundedCache, size_of
from ._conditional import ConditionalGet

log = logging.getLogger(__name__)

MAX_BODY = 64 * 1024  # bytes; a SPARQL query, not a data upload
BUILD_CHECK_INTERVAL = 1.0  # seconds between two looks for a new build
# scripts only from the site itself (the bundles in web/static/dist); no eval: Vega runs with its
# expression interpreter
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
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
    in_memory: bool = False  # every process copies the embedded store into memory
    memory: int = 512  # MB a query worker may grow by beyond the open store (0: no limit)
    max_body: int = MAX_BODY


@dataclass
class WebState:
    settings: Settings
    config: WebConfig
    store: object = None
    pool: object = None
    source: object = None  # the _pool.StoreSource the store and the workers were opened from
    _cache: dict = field(default_factory=dict)
    _recent: BoundedCache = field(default_factory=lambda: BoundedCache(512, 32 * 2**20))
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _reload_lock: threading.Lock = field(default_factory=threading.Lock)
    _checked: float = 0.0

    def saved_queries(self):
        from ..query import load_saved_queries

        return load_saved_queries(self.settings.queries_dir)

    def remember(self, key, make):
        """`make()`, kept for the 512 most recently used keys (32 MB at most) until the next build: pages and answers.
        Off when cache is 0."""
        if not self.config.cache:
            return make()
        recent = self._recent  # what is made from the store before a reload goes to the dropped cache
        value = recent.get(key)
        if value is None:
            value = make()
            recent.put(key, value, size_of(value))
        return value

    def cached(self, key: str, make):
        """A value computed once a build (the ontology docs, the form choices, the dataset statistics)."""
        with self._lock:
            values = self._cache
            if key in values:
                return values[key]
        value = make()
        with self._lock:
            return values.setdefault(key, value)

    def open(self) -> None:
        """Open the store and start the query workers (when the server starts)."""
        from ._pool import QueryPool, StoreSource

        settings, config = self.settings, self.config
        if config.endpoint:
            source = StoreSource(
                endpoint=config.endpoint, user=config.user, password=config.password, timeout=config.timeout
            )
        else:
            source = StoreSource(
                store_dir=str(settings.store_dir),
                state_file=str(settings.build_dir / "state.json"),
                in_memory=config.in_memory,
            )
        for attempt in range(3):  # a build that ends while the server starts: open the new one
            if not config.endpoint:
                source = replace(source, stamp=source.current_stamp())
            try:
                self.source, self.store = source, source.open()
                break
            except StoreError:
                if attempt == 2 or source.stamp is None:
                    raise
        self.pool = QueryPool(
            source,
            workers=config.workers,
            timeout=config.timeout,
            cap=config.cap,
            cache=config.cache,
            memory=config.memory * 2**20 or None,
        )
        self.pool.start()

    def close(self) -> None:
        self.pool.close()
        self.store.close()

    def build_time(self) -> float | None:
        """When the build being served finished (its state.json was written); None for a remote store."""
        try:
            return os.stat(self.source.state_file).st_mtime if self.source.state_file else None
        except OSError:
            return None

    def build_changed(self) -> bool:
        """Whether a build has finished since the store was opened; looks at most once a second."""
        now = time.monotonic()
        if self.source.state_file is None or now - self._checked < BUILD_CHECK_INTERVAL:
            return False
        self._checked = now
        stamp = self.source.current_stamp()
        return stamp is not None and stamp != self.source.stamp

    def reload(self) -> bool:
        """Serve the build now on disk: open its store (the old one stays when that fails), drop the
        cached pages and answers, replace the query workers. True when it did."""
        with self._reload_lock:
            stamp = self.source.current_stamp()
            if stamp is None or stamp == self.source.stamp:
                return False
            source = replace(self.source, stamp=stamp)
            try:
                store = source.open()
            except StoreError as e:  # looked at again a second later
                log.warning("still serving the previous build: %s", e)
                return False
            # the old store is not closed: requests still running use it, and it goes with them
            with self._lock:
                self.store, self.source = store, source
                self._cache, self._recent = {}, BoundedCache(512, 32 * 2**20)
            self.pool.reload(source)
            log.info("serving the new build in %s", self.settings.build_dir)
            return True


def create_app(settings: Settings | None = None, config: WebConfig | None = None):
    """The FastAPI app. The graph must be built (see partnergraph.build.ensure_built) unless
    `config.endpoint` names a remote SPARQL endpoint."""
    from fastapi import FastAPI, Request
    from fastapi.responses import PlainTextResponse
    from starlette.middleware.cors import CORSMiddleware

    from ..errors import PartnergraphError, QueryError, StoreError
    from . import analyst, dataset, portal, resources, sparql
    from ._fair import ClientShareError
    from ._pool import BusyError, MemoryLimitError, QueryTimeoutError, ResultCapError

    settings = settings or Settings.default()
    config = config or WebConfig()
    state = WebState(settings, config)
    from .templating import use_home

    use_home(settings.reference_dir)  # the pages name the home organisation of this data

    @asynccontextmanager
    async def lifespan(app):
        state.open()
        try:
            yield
        finally:
            state.close()

    class App(FastAPI):
        def build_middleware_stack(self):
            # outermost: Starlette's own 500 answer comes from the layer every add_middleware sits inside
            return SecurityHeaders(super().build_middleware_stack())

    app = App(title="partnergraph", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.web = state

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError):
        from ._upstream import public_message

        return PlainTextResponse(f"query error: {public_message(exc, config.endpoint)}\n", status_code=400)

    @app.exception_handler(QueryTimeoutError)
    @app.exception_handler(ResultCapError)
    @app.exception_handler(MemoryLimitError)
    @app.exception_handler(BusyError)
    async def refused(request: Request, exc: PartnergraphError):
        retry = {"Retry-After": str(exc.retry_after)} if isinstance(exc, BusyError) else None
        return PlainTextResponse(f"query refused: {exc}\n", status_code=503, headers=retry)

    @app.exception_handler(ClientShareError)
    async def too_many(request: Request, exc: ClientShareError):
        retry = {"Retry-After": str(exc.retry_after)}
        return PlainTextResponse(f"query refused: {exc}\n", status_code=429, headers=retry)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        from ._upstream import store_failure

        status, message = store_failure(exc, config.endpoint)
        return PlainTextResponse(f"store error: {message}\n", status_code=status)

    for module in (portal, sparql, dataset, resources, analyst):  # the portal's /dumps/ before /dumps/{name}
        app.include_router(module.router)

    from starlette.exceptions import HTTPException

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        from .portal.errors import error_response

        return error_response(request, exc.status_code, str(exc.detail))

    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
        allow_headers=["Accept", "Accept-Language", "Content-Type"],
        expose_headers=["Content-Location", "Link", "Vary"],
        allow_credentials=False,
        max_age=3600,
    )
    app.add_middleware(ConditionalGet, modified=state.build_time)
    app.add_middleware(BodyLimit, limit=config.max_body)
    app.add_middleware(BuildWatch, state=state)
    return app


class BuildWatch:
    """Before a request: serve a build that has finished since the store was opened (WebState.reload,
    in a thread: opening a store and starting workers block)."""

    def __init__(self, app, state: WebState):
        self.app, self.state = app, state

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and self.state.source is not None and self.state.build_changed():
            from anyio import to_thread

            await to_thread.run_sync(self.state.reload)
        return await self.app(scope, receive, send)


ERROR_CSP = b"default-src 'none'; frame-ancestors 'none'"  # an error message runs nothing, sits in no frame


def with_security_headers(headers, status: int) -> list[tuple[bytes, bytes]]:
    """`headers` (lower-case byte pairs) plus nosniff, and for an error that is not a page a CSP that
    allows nothing; headers already there are kept."""
    headers = list(headers)
    names = {name.lower() for name, _value in headers}
    if b"x-content-type-options" not in names:
        headers.append((b"x-content-type-options", b"nosniff"))
    is_page = any(n.lower() == b"content-type" and v.startswith(b"text/html") for n, v in headers)
    if status >= 400 and not is_page and b"content-security-policy" not in names:
        headers.append((b"content-security-policy", ERROR_CSP))
    return headers


class SecurityHeaders:
    """The security headers on every answer the app gives, its 500s included (it wraps Starlette's
    ServerErrorMiddleware: see create_app)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = with_security_headers(message.get("headers", []), message["status"])
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
