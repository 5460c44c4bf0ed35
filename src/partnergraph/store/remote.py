"""Any SPARQL 1.1 server: queries and updates through SPARQLWrapper, graph loads through the SPARQL 1.1
Graph Store Protocol (httpx). Queries are sent as they are: saved queries are written against the union
of the named graphs, which Virtuoso gives by default and Oxigraph with `--union-default-graph`.

Failures become one-line StoreErrors that name the endpoint (never the credentials) and say what to do:
the endpoint cannot be reached, timed out, answered with a server error (5xx), refused the credentials,
or answered with something that is not SPARQL results. Reads (SELECT, ASK, CONSTRUCT, GET of a graph)
and writes the caller marks idempotent are retried with exponential backoff on the transient failures
(unreachable, timeout, 5xx); other writes are sent once.

Bounds: a connection must be open within `connect_timeout` seconds (when given), an answer must arrive
whole within `timeout` seconds (a watchdog closes the connection of a
server that drips its answer or never ends it) and is read up to `max_bytes` bytes (a larger one is
refused, not held). An error answer's body is never repeated in a message: a server's stack trace or
error page is its own business (the first line of a plain-text 400, which says what is wrong with the
query, is kept).

Credentials: HTTP basic or digest. With `auth=None` the first request to a URL goes without them; if
the server answers 401, the scheme its `WWW-Authenticate` challenge names is used from then on, so the
password is never sent to an endpoint that does not ask, nor in clear to one that wants digest. Credentials in the URL (`http://user:pass@host/sparql`) are taken
out of it and used the same way.
"""

from __future__ import annotations

import base64
import http.client
import json
import logging
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from rdflib import BNode, Graph, Literal, URIRef

from ..errors import QueryError, StoreError, StoreTimeoutError
from .base import Rows, Store

log = logging.getLogger(__name__)

TRANSIENT_STATUS = {500, 502, 503, 504}
MAX_BYTES = 1024 * 2**20  # the largest answer read: a whole graph's CONSTRUCT, not a flood
ERROR_BODY = 4096  # bytes of an error answer read, for the reason of a 400
GET_LIMIT = 1800  # longer queries go by POST (URLs over ~2 KB are refused by some servers and proxies)
RESULTS_JSON = ("application/sparql-results+json", "application/json")
RDF_PARSERS = {  # CONSTRUCT answers we can read: media type -> rdflib parser
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "application/n-quads": "nquads",
    "application/trig": "trig",
}


class _Transient(Exception):
    """A failure worth retrying; carries the message to raise when the retries are spent."""

    def __init__(self, message: str, timeout: bool = False):
        super().__init__(message)
        self.timeout = timeout


class _Deadline:
    """Shuts the sockets of one request down when its time is up. A socket timeout bounds each read,
    not the whole answer: a server sending a byte a second would hold the caller for ever."""

    def __init__(self, seconds: float):
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def attach(self, sock) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def cancel(self) -> None:
        self._timer.cancel()


class _ConnectTimeout(OSError):
    """No connection within the connect timeout (the host drops or queues the connection)."""


def _deadline_handlers(deadline: _Deadline, connect_timeout: float | None = None) -> list:
    """urllib handlers whose connections hand their socket to `deadline` once connected, and take at
    most `connect_timeout` seconds to connect."""

    def watched(connection_class):
        class Watched(connection_class):
            def connect(self):
                reading = self.timeout
                if connect_timeout is not None:
                    self.timeout = min(connect_timeout, reading)
                try:
                    super().connect()
                except TimeoutError:
                    raise _ConnectTimeout() from None
                self.timeout = reading
                self.sock.settimeout(reading)
                deadline.attach(self.sock)

        return Watched

    class HTTP(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(watched(http.client.HTTPConnection), req)

    class HTTPS(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(watched(http.client.HTTPSConnection), req, context=self._context)

    return [HTTP(), HTTPS(), _NoRedirect()]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an error, not followed: the store's answer must not send this process to another
    address (a store behind a public server would make it request any host and port it names)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]*")
LANGUAGE = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
BLANK = re.compile(r"[A-Za-z0-9_\-.]+")


def json_term(binding: dict):
    """A term of the SPARQL 1.1 JSON results format as an rdflib term ('typed-literal' is Virtuoso's
    older spelling of a literal with a datatype). ValueError for anything else: a term that is not
    one would break the pages and formats it is written into."""
    kind, value = binding["type"], binding["value"]
    lang, datatype = binding.get("xml:lang"), binding.get("datatype")
    if not isinstance(value, str):
        raise ValueError("a term's value is not a string")
    if kind == "uri" and IRI.fullmatch(value):
        return URIRef(value)
    if kind == "bnode" and BLANK.fullmatch(value):
        return BNode(value)
    if kind not in ("literal", "typed-literal"):
        raise ValueError(f"not a term of type {kind!r}")
    if lang is not None:
        if not isinstance(lang, str) or not LANGUAGE.fullmatch(lang):
            raise ValueError("a literal's language tag is malformed")
        return Literal(value, lang=lang)
    if datatype is not None and not (isinstance(datatype, str) and IRI.fullmatch(datatype)):
        raise ValueError("a literal's datatype is not an IRI")
    if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
        return Literal(value, datatype=URIRef(datatype))
    return Literal(value)


def split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """(url without user info, user, password) for 'http://user:pass@host/path'."""
    parts = urllib.parse.urlsplit(url)
    if not parts.username and not parts.password:
        return url, None, None
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    clean = urllib.parse.urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    user = urllib.parse.unquote(parts.username) if parts.username else None
    password = urllib.parse.unquote(parts.password) if parts.password else None
    return clean, user, password


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


class RemoteStore(Store):
    """A SPARQL 1.1 endpoint. `update_endpoint` (default: the query endpoint, or .../update beside an
    endpoint ending in /query) takes SPARQL Update; `graph_store` is a Graph Store Protocol endpoint
    (optional). `auth` is 'basic', 'digest' or None (ask the server). `retries` extra attempts are made
    for reads, waiting `backoff`, 2*`backoff`, 4*`backoff`... seconds between them; a timeout is one of
    them only with `retry_timeouts` (a command line waits `timeout` once, not four times). A connection
    must be open within `connect_timeout` seconds (default: `timeout`); an answer must come whole within
    `timeout` seconds and be at most `max_bytes` long."""

    def __init__(
        self,
        endpoint: str,
        user: str | None = None,
        password: str | None = None,
        timeout: float = 60,
        *,
        update_endpoint: str | None = None,
        graph_store: str | None = None,
        auth: str | None = None,
        retries: int = 3,
        backoff: float = 0.5,
        max_bytes: int = MAX_BYTES,
        retry_timeouts: bool = True,
        connect_timeout: float | None = None,
    ):
        self.endpoint, url_user, url_password = split_credentials(endpoint)
        self.user = user or url_user
        self.password = password if password is not None else url_password
        if auth not in (None, "basic", "digest"):
            raise StoreError(f"unknown authentication scheme {auth!r}; use basic or digest")
        self.auth = auth
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self.retry_timeouts = retry_timeouts
        self.connect_timeout = connect_timeout
        self.max_bytes = max_bytes
        if update_endpoint:
            self.update_endpoint = split_credentials(update_endpoint)[0]
        elif self.endpoint.rstrip("/").endswith("/query"):
            self.update_endpoint = self.endpoint.rstrip("/")[: -len("query")] + "update"
        else:
            self.update_endpoint = self.endpoint
        self.graph_store = split_credentials(graph_store)[0] if graph_store else None
        self.description = f"SPARQL endpoint {self.endpoint}"
        self._schemes: dict[str, str | None] = {}
        self._client = None

    # ---- errors, retries, credentials -------------------------------------------------------------

    def _redact(self, text: str) -> str:
        """`text` with the password and user info taken out (server messages may echo a request)."""
        for secret in (self.password, urllib.parse.quote(self.password or "", safe="")):
            if secret and len(secret) >= 1:
                text = text.replace(secret, "***")
        return text

    def _retrying(self, attempt, what: str, url: str, retry: bool):
        """Run `attempt()`; on a transient failure wait and try again (when `retry`), then raise."""
        tries = 1 + (self.retries if retry else 0)
        for number in range(tries):
            try:
                return attempt()
            except _Transient as e:
                failure = e
                if failure.timeout and not self.retry_timeouts:
                    tries = number + 1
                    break
                if number + 1 < tries:
                    delay = self.backoff * 2**number
                    log.info("%s: %s; retrying in %.1f s", url, failure, delay)
                    time.sleep(delay)
        tried = f" (tried {tries} times)" if tries > 1 else ""
        error = StoreTimeoutError if failure.timeout else StoreError
        raise error(self._redact(f"{what} on {url} failed{tried}: {failure}")) from None

    def _network_failure(self, error: BaseException, url: str) -> _Transient:
        """Connection refused/reset, DNS failure, timeout or a cut answer, in words."""
        reason = getattr(error, "reason", error)
        if isinstance(reason, _ConnectTimeout):
            return _Transient(
                f"no connection within {self.connect_timeout:g} s (the host does not take it: is the "
                "address right, is the server up, is a firewall in the way?)",
                timeout=True,
            )
        if isinstance(reason, socket.timeout | TimeoutError) or "timed out" in str(reason):
            return _Transient(
                f"no answer within {self.timeout:g} s (timeout); the server is busy or the query is "
                "too heavy for it",
                timeout=True,
            )
        if isinstance(reason, ConnectionRefusedError):
            return _Transient("cannot reach the endpoint (connection refused: is the server running?)")
        if isinstance(error, http.client.HTTPException | ConnectionError):
            return _Transient(f"the connection broke off ({type(error).__name__})")
        return _Transient(f"cannot reach the endpoint ({reason})")

    def _status_failure(self, status: int, body: bytes, url: str, media: str = "text/plain") -> Exception:
        """An HTTP error status as a transient failure (5xx) or a final StoreError/QueryError. Of the
        body, only the first line of a plain-text 400 is told (what the server finds wrong with the
        query)."""
        if status in TRANSIENT_STATUS or status >= 500:
            return _Transient(f"server error (HTTP {status})")
        if status in (401, 403):
            who = "the credentials were refused" if self.user else "it needs credentials"
            return StoreError(
                f"{url}: HTTP {status}, {who}; give --user and --password "
                "(or $PARTNERGRAPH_USER and $PARTNERGRAPH_PASSWORD)"
            )
        if status == 400:
            lines = body.decode("utf-8", "replace").strip().splitlines() if media == "text/plain" else []
            reason = f": {lines[0][:300]}" if lines else ""
            return QueryError(self._redact(f"the endpoint {url} rejected the request (HTTP 400){reason}"))
        if 300 <= status < 400:
            return StoreError(
                f"{url}: HTTP {status}, the endpoint sends elsewhere (redirects are not followed); "
                "give the address it names"
            )
        if status == 404:
            return StoreError(f"{url}: HTTP 404, no SPARQL service at this address; check the URL")
        return StoreError(f"{url}: HTTP {status}")

    def _scheme(self, url: str) -> str | None:
        """The authentication scheme for `url`: the given one, else the one its server asked for."""
        if not self.user:
            return None
        return self.auth or self._schemes.get(url)

    def _learn_scheme(self, url: str, status: int, challenge: str | None) -> bool:
        """After a 401 to a request sent without credentials: note the scheme the server asks for
        (WWW-Authenticate) and say whether to send the request again, with credentials."""
        if status != 401 or not self.user or self._scheme(url):
            return False
        self._schemes[url] = "digest" if (challenge or "").lower().startswith("digest") else "basic"
        return True

    @property
    def client(self):
        """An httpx client for the Graph Store Protocol and probes (connections are reused)."""
        if self._client is None:
            import httpx

            timeout = httpx.Timeout(self.timeout, connect=self.connect_timeout or self.timeout)
            self._client = httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False)
        return self._client

    def _httpx_auth(self, url: str):
        import httpx

        scheme = self._scheme(url)
        if scheme == "digest":
            return httpx.DigestAuth(self.user, self.password or "")
        if scheme == "basic":
            return httpx.BasicAuth(self.user, self.password or "")
        return None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def check_answers(self, seconds: float) -> None:
        """Ask the query endpoint a trivial question once, waiting `seconds` at most: a server that
        takes connections and never answers is found now, not after every request's `timeout`."""
        kept = self.timeout, self.retries
        self.timeout, self.retries = min(seconds, self.timeout), 0
        try:
            self.ask("ASK {}")
        except StoreTimeoutError as e:
            if "no connection" in str(e):
                raise
            raise StoreTimeoutError(
                f"{self.endpoint} gave no answer within {seconds:g} s to a trivial query (ASK {{}}); is it "
                "a SPARQL server, and is it up?"
            ) from None
        finally:
            self.timeout, self.retries = kept

    # ---- SPARQL protocol through SPARQLWrapper ------------------------------------------------------

    def _send(
        self, url: str, text: str, return_format: str | None, update: bool, dataset: tuple | None = None
    ) -> tuple[bytes, str]:
        """One request: (body, media type); raises _Transient, StoreError or QueryError. `dataset`:
        (default graph IRIs, named graph IRIs), sent as the protocol's default-graph-uri and
        named-graph-uri."""
        if update:
            # an update is form-encoded by hand: SPARQLWrapper's query-type regex takes seconds on the
            # megabytes of an INSERT DATA
            request = urllib.request.Request(
                url,
                data=urllib.parse.urlencode({"update": text}).encode("ascii"),
                headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "*/*"},
            )
        else:
            from SPARQLWrapper import GET, POST, SPARQLWrapper

            sparql = SPARQLWrapper(url)
            sparql.setOnlyConneg(True)
            sparql.setQuery(text)
            sparql.setMethod(POST if len(text) > GET_LIMIT else GET)
            sparql.setReturnFormat(return_format)
            for graph in dataset[0] if dataset else ():
                sparql.addDefaultGraph(graph)
            for graph in dataset[1] if dataset else ():
                sparql.addNamedGraph(graph)
            request = sparql._createRequest()  # SPARQLWrapper builds the request; we read the answer
        deadline = _Deadline(self.timeout)
        handlers = _deadline_handlers(deadline, self.connect_timeout)
        scheme = self._scheme(url)
        if scheme == "basic":
            token = base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        elif scheme == "digest":
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, url, self.user, self.password or "")
            handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
        try:
            with urllib.request.build_opener(*handlers).open(request, timeout=self.timeout) as response:
                body = self._read_body(response, self.max_bytes)
                return body, _media_type(response.headers.get("Content-Type"))
        except urllib.error.HTTPError as e:
            if self._learn_scheme(url, e.code, e.headers.get("WWW-Authenticate")):
                return self._send(url, text, return_format, update, dataset)
            media = _media_type(e.headers.get("Content-Type"))
            body = e.read(ERROR_BODY) if e.fp and e.code == 400 and media == "text/plain" else b""
            raise self._status_failure(e.code, body, url, media) from None
        except (OSError, http.client.HTTPException) as e:
            if deadline.expired and not isinstance(getattr(e, "reason", None), _ConnectTimeout):
                raise self._network_failure(TimeoutError("timed out"), url) from None
            raise self._network_failure(e, url) from None
        finally:
            deadline.cancel()

    def _read_body(self, response, limit: int) -> bytes:
        """The whole body, a chunk at a time; StoreError past `limit` bytes, IncompleteRead when
        the connection ends before the declared length (or is shut by the deadline)."""
        chunks, size = [], 0
        while chunk := response.read1(65536):
            size += len(chunk)
            if size > limit:
                raise StoreError(
                    f"{self.endpoint}: the answer is larger than {limit // 2**20} MB; "
                    "ask for less (add a LIMIT)"
                )
            chunks.append(chunk)
        if response.length:  # what the server declared and did not send
            raise http.client.IncompleteRead(b"", response.length)
        return b"".join(chunks)

    def _read(self, query: str, return_format: str, media_types, dataset=None) -> tuple[bytes, str]:
        def attempt():
            body, media = self._send(self.endpoint, query, return_format, False, dataset)
            if media not in media_types:
                shown = media or "no content type"
                raise StoreError(
                    f"{self.endpoint}: the answer is not SPARQL results (got {shown}); is this the "
                    "query endpoint of a SPARQL server?"
                )
            return body, media

        return self._retrying(attempt, "the query", self.endpoint, retry=True)

    def _json(self, query: str, key: str, dataset=None) -> dict:
        body, _ = self._read(query, "json", RESULTS_JSON, dataset)
        try:
            data = json.loads(body)
        except ValueError:
            data = None
        if not isinstance(data, dict) or key not in data:
            form = "SELECT" if key == "results" else "ASK"
            raise StoreError(f"{self.endpoint}: the answer is not a SPARQL {form} result")
        return data

    def select(self, query: str, dataset: tuple | None = None) -> Rows:
        data = self._json(query, "results", dataset)
        try:
            names = data["head"].get("vars", [])
            rows = [{k: json_term(v) for k, v in b.items()} for b in data["results"]["bindings"]]
        except (KeyError, TypeError, AttributeError, ValueError):
            raise StoreError(f"{self.endpoint}: malformed SPARQL JSON results") from None
        return Rows(names, rows)

    def ask(self, query: str, dataset: tuple | None = None) -> bool:
        answer = self._json(query, "boolean", dataset)["boolean"]
        if not isinstance(answer, bool):
            raise StoreError(f"{self.endpoint}: the answer is not a SPARQL ASK result")
        return answer

    def construct(self, query: str, dataset: tuple | None = None) -> Graph:
        body, media = self._read(query, "turtle", RDF_PARSERS, dataset)
        graph = Graph()
        try:
            graph.parse(data=body, format=RDF_PARSERS[media])
        except Exception as e:  # noqa: BLE001 - any parser failure means a bad answer
            raise StoreError(f"{self.endpoint}: the {media} answer does not parse ({e})") from None
        return graph

    def update(self, request: str, idempotent: bool = False) -> None:
        """Run a SPARQL Update request on the update endpoint. Only an `idempotent` one is retried."""

        def attempt():
            self._send(self.update_endpoint, request, None, update=True)

        self._retrying(attempt, "the update", self.update_endpoint, retry=idempotent)

    # ---- Graph Store Protocol ------------------------------------------------------------------------

    def _graph_store_request(self, method: str, graph: str, retry: bool, **kwargs):
        if not self.graph_store:
            raise StoreError("no Graph Store Protocol endpoint configured (--graph-store URL)")
        url = self.graph_store

        def attempt():
            import httpx

            try:
                response = self.client.request(
                    method, url, params={"graph": graph}, auth=self._httpx_auth(url), **kwargs
                )
            except httpx.ConnectTimeout:
                raise self._network_failure(_ConnectTimeout(), url) from None
            except httpx.TimeoutException:
                raise self._network_failure(TimeoutError("timed out"), url) from None
            except httpx.ConnectError as e:
                cause = e.__cause__ or e.__context__
                if isinstance(cause, ConnectionRefusedError) or "refused" in str(e).lower():
                    cause = ConnectionRefusedError()
                raise self._network_failure(URLErrorLike(cause or e), url) from None
            except (httpx.TransportError, httpx.DecodingError) as e:
                raise _Transient(f"the connection broke off ({type(e).__name__})") from None
            if self._learn_scheme(url, response.status_code, response.headers.get("www-authenticate")):
                return attempt()
            if response.status_code >= 300:
                media = _media_type(response.headers.get("content-type"))
                raise self._status_failure(response.status_code, response.content, url, media)
            return response

        return self._retrying(attempt, f"{method} of graph <{graph}>", url, retry=retry)

    def put_graph(self, graph: str, ntriples: bytes) -> None:
        """Replace graph `graph` by the N-Triples `ntriples` (HTTP PUT; idempotent, so retried)."""
        self._graph_store_request(
            "PUT", graph, retry=True, content=ntriples, headers={"Content-Type": "application/n-triples"}
        )

    def delete_graph(self, graph: str) -> None:
        """Remove graph `graph` (HTTP DELETE; idempotent, so retried)."""
        self._graph_store_request("DELETE", graph, retry=True)

    def get_graph(self, graph: str) -> Graph:
        response = self._graph_store_request(
            "GET", graph, retry=True, headers={"Accept": "application/n-triples, text/turtle;q=0.9"}
        )
        media = _media_type(response.headers.get("content-type"))
        if media not in RDF_PARSERS:
            raise StoreError(f"{self.graph_store}: the answer is not RDF (got {media or 'no content type'})")
        result = Graph()
        result.parse(data=response.content, format=RDF_PARSERS[media])
        return result


class URLErrorLike(Exception):
    """Wraps a socket-level cause so that _network_failure reads `.reason` as for urllib errors."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason
