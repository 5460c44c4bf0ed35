"""Fetching a bulletin page over HTTP, politely: a clear User-Agent, robots.txt honoured, at most one
request per second per host, timeouts, redirects followed (each hop checked against robots.txt), and a
conditional GET when the page was fetched before. Also bytes to text for a web page: the charset of the
HTTP header, else of the HTML meta tag, else detected (UTF-8, cp1250, ISO-8859-2)."""

from __future__ import annotations

import codecs
import logging
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from .. import __version__
from ..errors import SourceError
from .reading import decode

log = logging.getLogger(__name__)


def _project_url() -> str:
    """The Homepage of [project.urls] in pyproject.toml when there is one, else the dataset's base IRI."""
    try:
        from importlib.metadata import PackageNotFoundError, metadata

        for line in metadata("partnergraph").get_all("Project-URL") or []:
            label, _, url = line.partition(",")
            if label.strip().lower() in ("homepage", "home", "repository", "source") and url.strip():
                return url.strip()
    except (ImportError, PackageNotFoundError):
        pass
    return "https://w3id.org/partnergraph/"


PROJECT_URL = _project_url()
USER_AGENT = f"partnergraph/{__version__} (+{PROJECT_URL})"
ROBOTS_AGENT = "partnergraph"  # the token matched against robots.txt User-agent lines
DEFAULT_TIMEOUT = 30.0
MIN_INTERVAL = 1.0  # seconds between two requests to the same host
MAX_REDIRECTS = 5
MAX_BYTES = 10 * 1024 * 1024
REDIRECTS = {301, 302, 303, 307, 308}
PAGE_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class FetchError(SourceError):
    """A page could not be fetched: refused by robots.txt, an HTTP error, a timeout, not a web page."""


@dataclass
class Fetched:
    url: str  # as asked for
    final_url: str  # after redirects
    status: int  # 200 (or another 2xx), or 304 when the page did not change since the last fetch
    content: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    retrieved: str = ""  # ISO 8601, UTC
    redirects: list[str] = field(default_factory=list)  # the URLs redirected from, in order

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class Decoded:
    text: str
    encoding: str  # Python codec name: utf-8, cp1250, iso8859-2, ...
    found_in: str  # "bom", "header", "meta" or "detected"


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Fetcher:
    """An HTTP client for bulletin pages. Keeps robots.txt and the time of the last request per host, so
    use one Fetcher for a whole run."""

    def __init__(
        self,
        timeout: float = DEFAULT_TIMEOUT,
        min_interval: float = MIN_INTERVAL,
        user_agent: str = USER_AGENT,
    ):
        self.timeout = timeout
        self.min_interval = min_interval
        self.user_agent = user_agent
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,  # followed by hand, so that every hop is checked against robots.txt
            headers={"User-Agent": user_agent, "Accept": "text/html,application/xhtml+xml,text/plain"},
        )
        self._robots: dict[str, RobotFileParser] = {}
        self._robots_notes: dict[str, str] = {}  # origin -> why everything is disallowed, when it is
        self._last: dict[str, float] = {}  # host -> time.monotonic() of the last request
        self._delays: dict[str, float] = {}  # host -> Crawl-delay of its robots.txt

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET a page; raises FetchError for anything but a 2xx page or a 304 to a conditional GET."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        asked, redirects = url, []
        for _hop in range(MAX_REDIRECTS + 1):
            _check_scheme(url)
            if not self.allowed(url):
                note = self._robots_notes.get(_origin(url), "")
                raise FetchError(
                    f"{url}: robots.txt of {urlsplit(url).netloc} does not allow fetching it{note}"
                )
            with self._request(url, headers) as response:
                if response.status_code in REDIRECTS and response.headers.get("location"):
                    redirects.append(url)
                    url = urljoin(url, response.headers["location"])
                    continue
                retrieved = now_iso()
                common = dict(
                    url=asked,
                    final_url=url,
                    status=response.status_code,
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                    retrieved=retrieved,
                    redirects=redirects,
                )
                if response.status_code == 304 and headers:
                    return Fetched(**common)
                if not 200 <= response.status_code < 300:
                    reason = response.reason_phrase or ""
                    raise FetchError(f"{url}: HTTP {response.status_code} {reason}".rstrip())
                content_type = response.headers.get("content-type")
                media = (content_type or "").split(";")[0].strip().lower()
                if media and media not in PAGE_TYPES:
                    raise FetchError(f"{url}: not a web page (Content-Type: {content_type})")
                content = self._read_body(url, response)
                if not content.strip():
                    raise FetchError(f"{url}: the server sent an empty page")
                return Fetched(content=content, content_type=content_type, **common)
        raise FetchError(f"{asked}: more than {MAX_REDIRECTS} redirects")

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets partnergraph fetch it (read once per host)."""
        origin = _origin(url)
        robots = self._robots.get(origin)
        if robots is None:
            robots = self._robots[origin] = self._read_robots(origin)
        return robots.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, origin: str) -> RobotFileParser:
        """RFC 9309: a robots.txt that is missing (4xx) allows everything; one the server fails to give
        (5xx) forbids everything, as the crawler cannot know what the site wants. A host that does not
        answer at all raises FetchError (the page could not be fetched either)."""
        robots = RobotFileParser(origin + "/robots.txt")
        url = origin + "/robots.txt"
        for _hop in range(MAX_REDIRECTS + 1):
            with self._request(url, {}) as response:
                if response.status_code in REDIRECTS and response.headers.get("location"):
                    url = urljoin(url, response.headers["location"])
                    continue
                status = response.status_code
                body = self._read_body(url, response) if status == 200 else b""
                break
        else:
            status = 500
        if status == 200:
            robots.parse(body.decode("utf-8", errors="replace").splitlines())
        elif 400 <= status < 500:
            robots.parse([])  # allow all
        else:
            robots.parse(["User-agent: *", "Disallow: /"])
            self._robots_notes[origin] = f" (robots.txt answered HTTP {status}, which means 'disallow all')"
        delay = robots.crawl_delay(ROBOTS_AGENT)
        if delay:
            self._delays[urlsplit(origin).netloc] = float(delay)
        return robots

    def _request(self, url: str, headers: dict):
        """Send one GET (after waiting for the host's turn); the caller reads the streamed response."""
        self._wait_turn(urlsplit(url).netloc)
        try:
            request = self._client.build_request("GET", url, headers=headers)
            response = self._client.send(request, stream=True)
            # the interval counts from the answer too: a request slow to reach the server (a loaded
            # machine, a slow network) must not let the next one follow it closer than the interval
            self._last[urlsplit(url).netloc] = time.monotonic()
        except httpx.TimeoutException:
            raise FetchError(f"{url}: no answer within {self.timeout:g} s (try a longer --timeout)") from None
        except httpx.HTTPError as e:
            raise FetchError(f"{url}: {type(e).__name__}: {e or 'request failed'}") from None
        return _Closing(response)

    def _wait_turn(self, host: str) -> None:
        interval = max(self.min_interval, self._delays.get(host, 0.0))
        last = self._last.get(host)
        if last is not None:
            wait = last + interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)  # politeness towards the server, not a wait for a result
        self._last[host] = time.monotonic()

    def _read_body(self, url: str, response: httpx.Response) -> bytes:
        """The body, within the size limit and within the timeout as a whole (a server trickling bytes
        would pass every read timeout)."""
        chunks, size = [], 0
        deadline = time.monotonic() + self.timeout
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    limit = MAX_BYTES // 1024 // 1024
                    raise FetchError(f"{url}: larger than {limit} MB, not a bulletin page")
                if time.monotonic() > deadline:
                    raise FetchError(f"{url}: the page did not arrive within {self.timeout:g} s")
                chunks.append(chunk)
        except httpx.TimeoutException:
            raise FetchError(f"{url}: the page did not arrive within {self.timeout:g} s") from None
        except httpx.HTTPError as e:
            raise FetchError(f"{url}: {type(e).__name__}: {e}") from None
        return b"".join(chunks)


class _Closing:
    """A streamed response as a context manager that always closes it."""

    def __init__(self, response: httpx.Response):
        self.response = response

    def __enter__(self) -> httpx.Response:
        return self.response

    def __exit__(self, *exc) -> None:
        self.response.close()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(f"{url}: not an http(s) URL")


def codec_name(charset: str | None) -> str | None:
    """The Python codec of a charset label ('windows-1250' -> 'cp1250'), or None when unknown."""
    if not charset:
        return None
    try:
        return codecs.lookup(charset.strip().strip("\"'")).name
    except LookupError:
        return None


def charset_from_header(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([^\"';\s]+)", content_type, re.I)
    return match.group(1) if match else None


def charset_from_meta(data: bytes) -> str | None:
    """<meta charset=...> or <meta http-equiv="Content-Type" content="...; charset=...">, in the first
    4 KB as browsers look for it."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def decode_page(data: bytes, content_type: str | None = None, *, name: str = "page") -> Decoded:
    """Bytes of a web page to text: a byte-order mark, else the header's charset, else the meta tag's,
    else detection. A declared charset the bytes do not fit is passed over for the next clue."""
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[3:].decode("utf-8", errors="strict"), "utf-8", "bom")
    for found_in, label in (("header", charset_from_header(content_type)), ("meta", charset_from_meta(data))):
        codec = codec_name(label)
        if codec is None:
            if label:
                log.warning("%s: unknown charset %r in the %s", name, label, found_in)
            continue
        try:
            return Decoded(data.decode(codec), codec, found_in)
        except UnicodeDecodeError:
            log.warning("%s: the %s says %s but the bytes are not; next clue", name, found_in, label)
    text = decode(data, name=name)  # raises SourceError when no encoding fits
    for codec in ("utf-8", "cp1250", "iso8859-2"):
        try:
            if data.decode(codec) == text:
                return Decoded(text, codec, "detected")
        except UnicodeDecodeError:
            continue
    return Decoded(text, "unknown", "detected")
