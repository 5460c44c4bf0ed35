"""`partnergraph add` and `partnergraph sources` against a real HTTP server on 127.0.0.1 (the standard
library's, in a thread) serving bulletin-shaped pages: charsets, redirects, errors, robots.txt, a slow
answer, conditional GET; and the incremental build, checked against a full rebuild byte for byte."""

from __future__ import annotations

import hashlib
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from partnergraph import build as build_module
from partnergraph import iris
from partnergraph import state as state_module
from partnergraph.build import build, ensure_built, is_current
from partnergraph.cli import main
from partnergraph.corpus import add_pages, remove_pages
from partnergraph.errors import StoreError
from partnergraph.incremental import update_pages
from partnergraph.settings import Settings
from partnergraph.sources import read_manifest
from partnergraph.sources.bulletin import read_bulletin
from partnergraph.sources.fetch import USER_AGENT, Fetcher, FetchError, decode_page
from partnergraph.sources.listing import list_sources

DATA = Path(__file__).parent / "data" / "bulletin"
PAGE = (DATA / "wspolpraca-2019.html").read_text(encoding="utf-8")
META_UTF8 = '<meta charset="utf-8">'
META_CP1250 = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">'
CP1250 = "text/html; charset=windows-1250"
LAST_MODIFIED = "Thu, 12 Dec 2019 13:05:00 GMT"
NEW_GRAPH = str(iris.source_graph("bip-90417"))
ENTITIES = str(iris.ENTITIES_GRAPH)
NEW_TITLES = [
    "Wizyta delegacji ze Lwowa w Miejskim Ośrodku Pomocy Społecznej",
    "Udział przedstawicielki MOPS w konferencji w Wiedniu",
    "Wizyta studyjna pracowników socjalnych z Bratysławy",
]
FURNITURE = [
    "drukuj",
    "pobierz",
    "Strona główna",
    "Jesteś tutaj",
    "Deklaracja dostępności",
    "ga.src",
    "Data publikacji",
    "Anna Kowalczyk",
    "Liczba odwiedzin",
    "Szukaj w BIP",
    "Współpraca zagraniczna w 2019",
]


def page_bytes(encoding: str, meta: str | None) -> bytes:
    """The third page in an encoding, with the given meta tag instead of the UTF-8 one (None: none)."""
    html = PAGE.replace(META_UTF8, meta or "")
    return html.encode(encoding, errors="xmlcharrefreplace")  # ISO-8859-2 has no „ ”: as &#8222;


# ---------------------------------------------------------------------------------------------- server


@dataclass
class Route:
    body: bytes = b""
    content_type: str | None = "text/html"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None
    slow: bool = False  # answer only once the test releases it (past any client timeout)
    trickle: bool = False  # send the body in 20 pieces, 0.1 s apart


@dataclass
class Seen:
    at: float  # time.monotonic() when the request arrived
    path: str
    headers: dict


@dataclass
class BulletinServer:
    base: str
    routes: dict[str, Route]
    requests: list[Seen] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path

    def seen(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.path == path]


def make_handler(server: BulletinServer):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            server.requests.append(Seen(time.monotonic(), self.path, dict(self.headers)))
            route = server.routes.get(self.path)
            if route is None:
                route = Route(b"<html><body><p>Nie znaleziono strony</p></body></html>", status=404)
            if route.slow:
                server.release.wait(60)
            if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified
            ):
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(route.status)
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            if route.etag:
                self.send_header("ETag", route.etag)
            if route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            if route.location:
                self.send_header("Location", route.location)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            pieces = [route.body]
            step = len(route.body) // 20 + 1
            if route.trickle:
                pieces = [route.body[i : i + step] for i in range(0, len(route.body), step)]
            try:
                for piece in pieces:
                    self.wfile.write(piece)
                    self.wfile.flush()
                    if route.trickle:
                        server.release.wait(0.1)
            except OSError:  # the client gave up (timeout tests)
                pass

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def server():
    routes = {
        "/robots.txt": Route(b"User-agent: *\nDisallow: /prywatne/\n", "text/plain"),
        "/?dok_id=90417": Route(page_bytes("cp1250", None), CP1250, etag='"v1"'),
        "/utf8-naglowek/?dok_id=90417": Route(page_bytes("utf-8", None), "text/html; charset=utf-8"),
        "/cp1250-naglowek/?dok_id=90417": Route(
            page_bytes("cp1250", None), "text/html; charset=Windows-1250"
        ),
        "/iso-naglowek/?dok_id=90417": Route(page_bytes("iso-8859-2", None), "text/html; charset=ISO-8859-2"),
        "/cp1250-meta/?dok_id=90417": Route(
            page_bytes(
                "cp1250", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">'
            ),
            "text/html",
        ),
        "/utf8-meta/?dok_id=90417": Route(page_bytes("utf-8", META_UTF8), "text/html"),
        "/cp1250-bez/?dok_id=90417": Route(page_bytes("cp1250", None), "text/html"),
        "/utf8-bez/?dok_id=90417": Route(page_bytes("utf-8", None), None),
        "/z-data/?dok_id=90417": Route(page_bytes("utf-8", META_UTF8), last_modified=LAST_MODIFIED),
        "/stary-adres": Route(status=301, location="/utf8-naglowek/?dok_id=90417"),
        "/do-prywatnej": Route(status=302, location="/prywatne/strona"),
        "/prywatne/strona": Route(page_bytes("utf-8", META_UTF8)),
        "/blad": Route(b"<html><body>Internal Server Error</body></html>", status=500),
        "/wolno": Route(page_bytes("utf-8", META_UTF8), slow=True),
        "/kroplami": Route(page_bytes("utf-8", META_UTF8), trickle=True),
        "/obrazek.png": Route(b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    state = BulletinServer(f"http://127.0.0.1:{httpd.server_address[1]}", routes)
    httpd.RequestHandlerClass = make_handler(state)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield state
    state.release.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(10)


# --------------------------------------------------------------------------------------------- project


@pytest.fixture
def built(seed_settings, tmp_path, monkeypatch) -> Settings:
    """A copy of the project with the session's seed build."""
    monkeypatch.delenv("PARTNERGRAPH_BUILD", raising=False)
    monkeypatch.delenv("PARTNERGRAPH_ROOT", raising=False)
    root = tmp_path / "project"
    for name in ("data", "ontology", "queries"):
        shutil.copytree(seed_settings.root / name, root / name)
    shutil.copytree(seed_settings.build_dir, root / "build", ignore=shutil.ignore_patterns(".*"))
    return Settings(root)


@pytest.fixture
def current(built, tmp_path, monkeypatch) -> Settings:
    """The copy with a build that is current (an incremental update needs one). The code's part of the
    input hash is taken from a copy of the package made now, so that a developer saving a file in the
    shared checkout during the test does not make the build look out of date; in CI this changes
    nothing (same files, same hash)."""
    frozen = tmp_path / "package"
    shutil.copytree(build_module.PACKAGE_DIR, frozen, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(state_module, "PACKAGE_DIR", frozen)
    if not is_current(built):  # the code changed since the session's seed build
        build(built)
    return built


def snapshot(settings: Settings) -> dict[str, bytes]:
    """Every byte of the corpus and the build's outputs, and the store's quads."""
    files = {}
    for folder in (settings.data_dir, settings.dumps_dir):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                files[str(path.relative_to(settings.root))] = path.read_bytes()
    for name in ("state.json", "report.json", "entities.json"):
        files[name] = (settings.build_dir / name).read_bytes()
    files["store"] = store_nquads(settings)
    return files


def store_nquads(settings: Settings) -> bytes:
    store = ox.Store.read_only(str(settings.store_dir))
    data = store.dump(format=ox.RdfFormat.N_QUADS)
    del store
    return b"\n".join(sorted(line for line in data.splitlines() if line.strip()))


def store_quads(settings: Settings) -> set:
    store = ox.Store.read_only(str(settings.store_dir))
    quads = set(store)
    del store
    return quads


def without_graph(nquads: bytes, *graphs: str) -> list[bytes]:
    ends = tuple(f" <{graph}> .".encode() for graph in graphs)
    return [line for line in nquads.splitlines() if not line.endswith(ends)]


def graph_lines(nquads: bytes, graph: str) -> set[bytes]:
    return set(nquads.splitlines()) - set(without_graph(nquads, graph))


def fetch_from_server(settings: Settings, path: str) -> str:
    """Start `partnergraph serve` on a free loopback port, GET one HTML page from it, stop it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "partnergraph.cli", "serve", "--root", str(settings.root), "--no-build"]
    process = subprocess.Popen(
        [*command, "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 60
        with httpx.Client(timeout=10) as client:
            while True:
                assert process.poll() is None, process.stdout.read()
                try:
                    response = client.get(f"http://127.0.0.1:{port}{path}", headers={"Accept": "text/html"})
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline, "the server did not answer within 60 s"
                    time.sleep(0.1)  # polling a starting server, as tests/servers.py does
        assert response.status_code == 200, response.text[:500]
        return response.text
    finally:
        process.terminate()
        process.wait(10)


def run_cli(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------------------------ the bulletin page


def test_bulletin_page_content_is_cut_out_of_the_layout():
    page = read_bulletin(PAGE)
    assert page.title == "Współpraca zagraniczna w 2019 roku"
    assert page.published == "2019-12-12" and page.year == 2019
    assert page.author == "Anna Kowalczyk"
    assert page.publisher == "Miejski Ośrodek Pomocy Społecznej w Krakowie"
    assert page.canonical_url == "https://www.bip.krakow.pl/?dok_id=90417"
    for title in NEW_TITLES:
        assert f"\n{title}\n" in f"\n{page.text}"
    assert "W dniu 14 marca br. Miejski Ośrodek Pomocy Społecznej w Krakowie gościł" in page.text
    for junk in FURNITURE:
        assert junk not in page.text, junk
    assert page.text.startswith(NEW_TITLES[0])


def test_older_table_layout_in_iso_8859_2():
    """An archive page: a table layout, metadata in a dl list and meta tags, ISO-8859-2 by its meta tag."""
    data = (DATA / "archiwum-2011-iso-8859-2.html").read_bytes()
    decoded = decode_page(data, "text/html")
    assert (decoded.encoding, decoded.found_in) == ("iso8859-2", "meta")
    page = read_bulletin(decoded.text)
    assert (page.title, page.published, page.author) == (
        "Współpraca zagraniczna",
        "2011-01-20",
        "Jan Kowalski",
    )
    assert page.text.splitlines()[0] == "Wizyta studentów z Niemiec"
    assert "Konferencja w Pradze" in page.text and "W dniach 20-21 października br." in page.text
    for junk in ("Strona główna", "Przetargi", "Drukuj", "Pobierz", "Urząd Miasta", "Data publikacji"):
        assert junk not in page.text, junk


def test_saved_text_with_unmarked_metadata_lines():
    """A page saved as text keeps its metadata lines; they are read and dropped from the content."""
    text = (
        "Współpraca zagraniczna\n\ndrukuj | pobierz (PDF, 120 KB)\n\n"
        "Wizyta gości z Pragi\n\nW dniu 3 kwietnia br. MOPS gościł pracowników socjalnych z Pragi.\n\n"
        "Metryka\nWytworzył: Jan Nowak\nData publikacji: 5 czerwca 2021\nLiczba odwiedzin: 12\n"
    )
    page = read_bulletin(text)
    assert page.published == "2021-06-05" and page.author == "Jan Nowak"
    assert page.text == (
        "Współpraca zagraniczna\n\nWizyta gości z Pragi\n\n"
        "W dniu 3 kwietnia br. MOPS gościł pracowników socjalnych z Pragi.\n"
    )


def test_metadata_block_above_the_content_does_not_swallow_it():
    page = read_bulletin(
        "Metryka\nData publikacji: 01.02.2020\n\nWizyta z Pragi\n\nW dniu 3 maja br. goście.\n"
    )
    assert page.published == "2020-02-01"
    assert page.text == "Wizyta z Pragi\n\nW dniu 3 maja br. goście.\n"


# ------------------------------------------------------------------------------------------------ fetch

CHARSETS = [
    ("/utf8-naglowek/?dok_id=90417", "utf-8", "header"),
    ("/cp1250-naglowek/?dok_id=90417", "cp1250", "header"),
    ("/iso-naglowek/?dok_id=90417", "iso8859-2", "header"),
    ("/cp1250-meta/?dok_id=90417", "cp1250", "meta"),
    ("/utf8-meta/?dok_id=90417", "utf-8", "meta"),
    ("/cp1250-bez/?dok_id=90417", "cp1250", "detected"),
    ("/utf8-bez/?dok_id=90417", "utf-8", "detected"),
]


@pytest.mark.parametrize(("path", "encoding", "found_in"), CHARSETS)
def test_charset_from_header_meta_or_detection(server, path, encoding, found_in):
    with Fetcher(timeout=10) as fetcher:
        fetched = fetcher.get(server.url(path))
    decoded = decode_page(fetched.content, fetched.content_type)
    assert (decoded.encoding, decoded.found_in) == (encoding, found_in)
    assert read_bulletin(decoded.text).text == read_bulletin(PAGE).text
    assert fetched.content == server.routes[path].body


def test_redirect_is_followed_and_every_request_is_polite(server):
    with Fetcher(timeout=10) as fetcher:
        fetched = fetcher.get(server.url("/stary-adres"))
        again = fetcher.get(server.url("/cp1250-meta/?dok_id=90417"))
    assert fetched.status == 200 and again.status == 200
    assert fetched.final_url == server.url("/utf8-naglowek/?dok_id=90417")
    assert fetched.redirects == [server.url("/stary-adres")]
    paths = [r.path for r in server.requests]
    assert paths == [
        "/robots.txt",
        "/stary-adres",
        "/utf8-naglowek/?dok_id=90417",
        "/cp1250-meta/?dok_id=90417",
    ]
    assert {r.headers["User-Agent"] for r in server.requests} == {USER_AGENT}
    assert USER_AGENT.startswith("partnergraph/") and "(+http" in USER_AGENT
    gaps = [b.at - a.at for a, b in zip(server.requests, server.requests[1:], strict=False)]
    assert min(gaps) > 0.95, gaps  # at most one request per second to the host


def test_conditional_get_with_last_modified(server):
    url = server.url("/z-data/?dok_id=90417")
    with Fetcher(timeout=10) as fetcher:
        first = fetcher.get(url)
        again = fetcher.get(url, last_modified=first.last_modified)
    assert first.status == 200 and first.last_modified == LAST_MODIFIED
    assert again.not_modified and again.content == b""
    assert server.seen("/z-data/?dok_id=90417")[-1].headers["If-Modified-Since"] == LAST_MODIFIED


def test_redirect_into_a_path_robots_txt_forbids_is_not_followed(server):
    with Fetcher(timeout=10) as fetcher, pytest.raises(FetchError, match="robots.txt"):
        fetcher.get(server.url("/do-prywatnej"))
    assert not server.seen("/prywatne/strona")


def test_robots_txt_that_fails_with_5xx_forbids_everything(server):
    server.routes["/robots.txt"] = Route(b"busy", "text/plain", status=503)
    with (
        Fetcher(timeout=10) as fetcher,
        pytest.raises(FetchError, match="HTTP 503, which means 'disallow all'"),
    ):
        fetcher.get(server.url("/utf8-naglowek/?dok_id=90417"))
    assert [r.path for r in server.requests] == ["/robots.txt"]


def test_missing_robots_txt_allows_everything(server):
    del server.routes["/robots.txt"]  # 404
    with Fetcher(timeout=10) as fetcher:
        assert fetcher.get(server.url("/utf8-naglowek/?dok_id=90417")).status == 200


def test_a_host_that_does_not_answer_is_reported_as_such():
    with socket.socket() as sock:  # a loopback port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with Fetcher(timeout=5) as fetcher, pytest.raises(FetchError, match="ConnectError"):
        fetcher.get(f"http://127.0.0.1:{port}/?dok_id=1")


# ---------------------------------------------------------------------------------- failures: no change

FAILURES = [
    ("/brak-strony", "HTTP 404"),
    ("/blad", "HTTP 500"),
    ("/prywatne/strona", "robots.txt of 127.0.0.1"),
    ("/wolno", "no answer within 0.5 s"),
    ("/kroplami", "did not arrive within 0.5 s"),
    ("/obrazek.png", "not a web page"),
]


@pytest.mark.parametrize(("path", "message"), FAILURES)
def test_a_failed_fetch_leaves_corpus_and_graph_as_they_were(server, built, path, message):
    before = snapshot(built)
    report = add_pages(built, [server.url(path)], timeout=0.5)
    assert [r.status for r in report.results] == ["failed"]
    assert message in report.results[0].message
    assert report.graph == "unchanged"
    assert snapshot(built) == before
    if path == "/prywatne/strona":
        assert not server.seen(path)  # refused before asking


def test_cli_reports_a_failed_fetch_with_exit_code_2(server, built, capsys):
    before = snapshot(built)
    code, out, _err = run_cli(capsys, "add", server.url("/blad"), "--root", str(built.root), "--timeout", "5")
    assert code == 2
    assert "failed" in out and "HTTP 500" in out and "graph: unchanged" in out
    assert snapshot(built) == before


def test_cli_rejects_a_bad_year(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["add", "x.html", "--year", "19"])
    assert exc.value.code == 2
    assert "expected a year" in capsys.readouterr().err


# ------------------------------------------------------------------------------- adding a third page


def test_third_page_is_added_incrementally_and_keeps_every_existing_triple(
    server, current, capsys, monkeypatch
):
    built = current
    url = server.url("/?dok_id=90417")
    nq = built.dumps_dir / "partnergraph.nq"
    before = nq.read_bytes()
    store_before = store_nquads(built)

    code, out, _ = run_cli(capsys, "add", url, "--root", str(built.root))
    assert code == 0, out
    assert "added     bip-90417" in out
    assert "cp1250, from the header" in out and "year 2019 from the publication date" in out
    assert "3 events" in out and "incrementally" in out

    # the raw page as fetched, next to the text used for extraction, and the manifest entry
    sources = built.sources_dir
    assert (sources / "bip-90417.html").read_bytes() == server.routes["/?dok_id=90417"].body
    text = (sources / "bip-90417.txt").read_text(encoding="utf-8")
    assert text == read_bulletin(PAGE).text
    entry = {e.source_id: e for e in read_manifest(sources)}["bip-90417"]
    assert (entry.file, entry.url, entry.year, entry.title) == (
        "bip-90417.txt", url, 2019, "Współpraca zagraniczna w 2019 roku"
    )  # fmt: skip
    assert entry.publisher == "Miejski Ośrodek Pomocy Społecznej w Krakowie"
    assert entry.extra["sha256"] == hashlib.sha256(server.routes["/?dok_id=90417"].body).hexdigest()
    assert entry.extra["published"] == "2019-12-12" and entry.extra["author"] == "Anna Kowalczyk"
    assert entry.extra["etag"] == '"v1"' and entry.extra["charset"] == "cp1250"
    assert entry.extra["canonical_url"] == "https://www.bip.krakow.pl/?dok_id=90417"
    assert entry.extra["retrieved"].endswith("Z") and entry.extra["added"] == entry.extra["retrieved"]

    # every existing IRI and triple is kept, byte for byte; only the new graph is new, and the entities
    # graph gains what the new page names beyond the registries
    after = nq.read_bytes()
    assert without_graph(after, NEW_GRAPH, ENTITIES) == without_graph(before, ENTITIES)
    assert graph_lines(before, ENTITIES) < graph_lines(after, ENTITIES)
    assert len(after.splitlines()) > len(before.splitlines()) + 100
    in_store = store_nquads(built)
    assert without_graph(in_store, NEW_GRAPH, ENTITIES) == without_graph(store_before, NEW_GRAPH, ENTITIES)
    fresh = ox.Store()  # what loading the whole new dump gives (the store normalises some literals)
    fresh.bulk_load(after, ox.RdfFormat.N_QUADS)
    assert store_quads(built) == set(fresh)

    # the build is current: nothing is rebuilt, and the query sees the new events
    assert is_current(built) and ensure_built(built) is None
    code, out, _ = run_cli(capsys, "query", "event_timeline", "--root", str(built.root), "--format", "csv")
    assert code == 0
    rows = [line for line in out.splitlines() if line.endswith(",bip-90417")]
    assert [r for t in NEW_TITLES for r in rows if f",{t}," in r] and len(rows) == 3
    assert any(",2019-03-14,2019-03-14," in r for r in rows)  # "14 marca br." in the page's year

    # ... and the network page and the web server's resource pages show them
    code, out, _ = run_cli(capsys, "view", "--root", str(built.root), "--out", str(built.root / "net.html"))
    assert code == 0
    network = (built.root / "net.html").read_text(encoding="utf-8")
    assert all(title in network for title in NEW_TITLES)
    event = next(r.split(",")[0] for r in rows if NEW_TITLES[0] in r)
    page = fetch_from_server(built, event.removeprefix("https://w3id.org"))
    assert NEW_TITLES[0] in page and "bip-90417" in page

    code, out, _ = run_cli(capsys, "sources", "--root", str(built.root))
    line = next(line for line in out.splitlines() if line.startswith("bip-90417"))
    assert line.split()[1:4] == ["2019", "3", entry.extra["added"]] and url in line
    assert line.split()[4] >= entry.extra["added"]  # when its graph was made
    seed = next(line for line in out.splitlines() if line.startswith("bip-83616"))
    assert seed.split()[3] == "-" and seed.split()[4] <= line.split()[4]  # made by the earlier full build
    assert "current" in out.splitlines()[-1] and "out of date" not in out

    # the same page again: a conditional GET, a 304, nothing changes
    snap = snapshot(built)
    report = add_pages(built, [url])
    assert [r.status for r in report.results] == ["unchanged"] and report.graph == "unchanged"
    assert server.seen("/?dok_id=90417")[-1].headers.get("If-None-Match") == '"v1"'
    assert snapshot(built) == snap

    # the page changes on the server: its entry and graph are replaced, and the report says so
    changed = PAGE.replace(
        "<h3>Wizyta studyjna pracowników socjalnych z Bratysławy</h3>",
        "<h3>Udział dyrektora MOPS w seminarium w Pradze</h3>\n<p>W dniu 21 listopada br. dyrektor "
        "Miejskiego Ośrodka Pomocy Społecznej uczestniczył w seminarium poświęconym pracy socjalnej, "
        "które odbyło się w Pradze w Czechach.</p>\n"
        "<h3>Wizyta studyjna pracowników socjalnych z Bratysławy</h3>",
    ).replace(META_UTF8, "")
    server.routes["/?dok_id=90417"] = Route(changed.encode("utf-8"), "text/html; charset=utf-8", etag='"v2"')
    report = add_pages(built, [url])
    assert [r.status for r in report.results] == ["replaced"] and report.graph == "incremental"
    assert "content changed" in report.results[0].message and report.results[0].events == 4
    entry2 = {e.source_id: e for e in read_manifest(sources)}["bip-90417"]
    assert entry2.extra["added"] == entry.extra["added"] and entry2.extra["etag"] == '"v2"'
    final = nq.read_bytes()
    assert without_graph(final, NEW_GRAPH, ENTITIES) == without_graph(before, ENTITIES)
    assert b"seminarium-w-pradze" in final

    # what the incremental updates left is exactly what a full build writes from the same corpus
    monkeypatch.setenv("PARTNERGRAPH_BUILD", str(built.root / "full-build"))
    build(built)
    assert (built.root / "full-build" / "dumps" / "partnergraph.nq").read_bytes() == final
    for dump in sorted(built.dumps_dir.iterdir()):  # TriG, Turtle, N-Triples, JSON-LD as well
        assert (built.root / "full-build" / "dumps" / dump.name).read_bytes() == dump.read_bytes(), dump.name
    full_report = json.loads((built.root / "full-build" / "report.json").read_text())
    incremental_report = json.loads((built.root / "build" / "report.json").read_text())
    for key in ("pages", "triples", "unknown_organisations", "unlinked", "stale_curations"):
        assert incremental_report[key] == full_report[key], key


def test_saved_file_in_cp1250_is_imported_once(current, tmp_path, server):
    built = current
    saved = tmp_path / "strona.html"
    saved.write_bytes(page_bytes("cp1250", META_CP1250))
    missing = server.url("/brak-strony")
    report = add_pages(built, [missing, str(saved)], year=2018, title="Współpraca zagraniczna (2018)")
    assert [r.status for r in report.results] == ["failed", "added"] and report.graph == "incremental"
    assert "HTTP 404" in report.results[0].message  # the page that failed is left out, the other added
    report.results = report.results[1:]
    assert "cp1250, from the meta" in report.results[0].message and "year 2018 from the --year" in (
        report.results[0].message
    )  # fmt: skip
    entry = {e.source_id: e for e in read_manifest(built.sources_dir)}["bip-90417"]
    assert (entry.year, entry.title, entry.url) == (
        2018, "Współpraca zagraniczna (2018)", "https://www.bip.krakow.pl/?dok_id=90417"
    )  # fmt: skip
    assert entry.extra["imported_from"] == "strona.html" and "etag" not in entry.extra
    assert (built.sources_dir / "bip-90417.html").read_bytes() == saved.read_bytes()
    build_report = json.loads((built.build_dir / "report.json").read_text(encoding="utf-8"))
    expected = [f"not in the registry: {x}" for x in build_report["unknown_organisations"]]
    expected += [f"unlinked: {x}" for x in build_report["unlinked"]]
    assert report.results[0].findings == [x for x in expected if "(bip-90417/" in x]
    listing = {r.source_id: r for r in list_sources(built).rows}
    assert (
        listing["bip-90417"].events == 3 and listing["bip-27120"].events > 0 and list_sources(built).current
    )

    snap = snapshot(built)
    again = add_pages(built, [str(saved)], year=2018, title="Współpraca zagraniczna (2018)")
    assert [r.status for r in again.results] == ["unchanged"] and again.graph == "unchanged"
    again = add_pages(built, [str(saved)])  # what was given by hand is kept
    assert [r.status for r in again.results] == ["unchanged"] and again.graph == "unchanged"
    assert snapshot(built) == snap

    fixed = add_pages(built, [str(saved)], year=2019)
    assert [r.status for r in fixed.results] == ["replaced"] and fixed.graph == "incremental"
    assert "same content, new year 2018 -> 2019" in fixed.results[0].message
    assert (
        b'"2019"^^<http://www.w3.org/2001/XMLSchema#gYear> <' + NEW_GRAPH.encode()
        in (built.dumps_dir / "partnergraph.nq").read_bytes()
    )


def test_a_store_in_use_fails_the_add_and_puts_the_corpus_back(current, tmp_path):
    saved = tmp_path / "strona.html"
    saved.write_text(PAGE, encoding="utf-8")
    before = snapshot(current)
    holder = ox.Store(str(current.store_dir))  # as another process writing to the store would
    try:
        with pytest.raises(StoreError):
            add_pages(current, [str(saved)])
    finally:
        del holder
    assert snapshot(current) == before
    assert is_current(current)


def test_a_correction_the_new_page_refuses_is_left_out_and_reported(current, tmp_path):
    """SHACL runs on the new page's graph before anything is written: here a correction waiting in
    data/curation.yaml takes the type off one of its events. The page goes in with that event as extracted,
    and the add reports the refused correction (before: the whole page was refused)."""
    event = "bip-90417/wizyta-delegacji-ze-lwowa-w-miejskim-osrodku-pomocy"
    current.curation_file.write_text(f"{event}:\n  set: {{type: null}}\n", encoding="utf-8")
    build(current)  # the correction matches nothing yet: a stale one, and the build is current
    saved = tmp_path / "strona.html"
    saved.write_text(PAGE, encoding="utf-8")
    report = add_pages(current, [str(saved)])
    assert report.graph == "incremental" and [r.status for r in report.results] == ["added"]
    [finding] = [f for f in report.results[0].findings if "refused" in f]
    assert "Event has no type" in finding and f"({event})" in finding, finding
    assert is_current(current)


def test_a_changed_page_takes_away_the_entities_only_it_named(current, tmp_path, monkeypatch):
    """Horst Heck, whom no registry knows, is named on one seed page only: once that page no longer
    names him, the incremental update drops him from the entities graph, as a full build would."""
    heck = f"<{iris.entity_iri('person', 'horst-heck')}>".encode()
    dump = current.dumps_dir / "partnergraph.nq"
    assert heck in dump.read_bytes()
    page = current.sources_dir / "bip-27120.txt"
    text = page.read_text(encoding="utf-8")
    assert text.count("Horst Heck") == 1
    page.write_text(text.replace("z p. Horst Heck z Bensheim", "z gościem z Bensheim"), encoding="utf-8")

    report = update_pages(current, ["bip-27120"])
    assert report.pages == {"bip-27120": len(report_events(current, "bip-27120"))}
    updated = dump.read_bytes()
    assert heck not in updated
    assert f"<{iris.entity_iri('person', 'jan-stapelmann')}>".encode() in updated  # the other page's
    assert is_current(current)

    monkeypatch.setenv("PARTNERGRAPH_BUILD", str(tmp_path / "full-build"))
    build(current)
    assert (tmp_path / "full-build" / "dumps" / "partnergraph.nq").read_bytes() == updated
    full = json.loads((tmp_path / "full-build" / "entities.json").read_text(encoding="utf-8"))
    assert json.loads((current.build_dir / "entities.json").read_text(encoding="utf-8")) == full


def report_events(settings: Settings, source_id: str) -> list:
    return [1] * json.loads((settings.build_dir / "report.json").read_text())["pages"][source_id]


def test_a_page_of_another_body_keeps_its_home_in_the_manifest(current, tmp_path):
    saved = tmp_path / "mopr-lublin.txt"
    saved.write_text(
        "Goście z Ostrawy w MOPR\n\nW dniu 12 maja 2016 r. Miejski Ośrodek Pomocy Rodzinie w Lublinie gościł "
        "pracowników socjalnych z Ostrawy.\n",
        encoding="utf-8",
    )
    report = add_pages(current, [str(saved)], home=("Miejski Ośrodek Pomocy Rodzinie w Lublinie", "Lublin"))
    assert [r.status for r in report.results] == ["added"], report.results[0].message
    entry = {e.source_id: e for e in read_manifest(current.sources_dir)}[report.results[0].source_id]
    assert (entry.home, entry.home_city) == ("Miejski Ośrodek Pomocy Rodzinie w Lublinie", "Lublin")
    again = add_pages(current, [str(saved)])  # given once, kept
    assert [r.status for r in again.results] == ["unchanged"]
    nq = (current.dumps_dir / "partnergraph.nq").read_text(encoding="utf-8")
    assert '"Lublin"' in nq  # the incoming visit's place
    assert '"Miejski Ośrodek Pomocy Rodzinie w Lublinie"' not in nq  # the home is no organisation


# ------------------------------------------------------------------- one organisation, many names, by `add`

OWN_NAME = "Evangelische Gesellschaft Stuttgart e.V."
RENDERING = "Towarzystwo Ewangelickie"
WITH_OWN_NAME = (
    "Wizyta w Stuttgarcie\n\nW dniach 28-30 marca 2019 r. pracownicy MOPS rozmawiali w Stuttgarcie z Towarzystwem "
    f"Ewangelickim ({OWN_NAME}) o pieczy zastępczej.\n"
)
RENDERING_ONLY = (
    "Goście ze Stuttgartu\n\nW dniu 4 maja 2020 r. MOPS gościł przedstawicieli Towarzystwa Ewangelickiego ze "
    "Stuttgartu, którzy poznali krakowski system pieczy zastępczej.\n"
)


def full_build_dump(settings: Settings, folder: Path, monkeypatch) -> bytes:
    monkeypatch.setenv("PARTNERGRAPH_BUILD", str(folder))
    build(settings)
    monkeypatch.delenv("PARTNERGRAPH_BUILD")
    return (folder / "dumps" / "partnergraph.nq").read_bytes()


def test_add_unifies_an_organisations_names_across_pages_as_a_full_build_does(current, tmp_path, monkeypatch):
    """The page naming a body only by its Polish rendering comes first, the page giving its own name later:
    the first page's graph is remade with the own name, and taking the second page out remakes it again;
    every step's dump is the one a full build writes from the same corpus."""
    own = f"<{iris.named_iri('organisation', OWN_NAME)}>".encode()
    rendering = f"<{iris.named_iri('organisation', RENDERING)}>".encode()
    dump = current.dumps_dir / "partnergraph.nq"
    second, first = tmp_path / "goscie-ze-stuttgartu.txt", tmp_path / "wizyta-w-stuttgarcie.txt"
    second.write_text(RENDERING_ONLY, encoding="utf-8")
    first.write_text(WITH_OWN_NAME, encoding="utf-8")

    assert add_pages(current, [str(second)], year=2020).graph == "incremental"
    assert rendering in dump.read_bytes() and own not in dump.read_bytes()

    report = add_pages(current, [str(first)], year=2019)
    assert report.graph == "incremental" and report.caught_up == []
    both = dump.read_bytes()
    assert own in both and rendering not in both  # the first page's organisation renamed
    assert both == full_build_dump(current, tmp_path / "full-1", monkeypatch)

    first_id = next(r.source_id for r in report.results)
    assert remove_pages(current, [first_id]).graph == "incremental"
    alone = dump.read_bytes()
    assert rendering in alone and own not in alone
    assert alone == full_build_dump(current, tmp_path / "full-2", monkeypatch)


def test_pages_naming_a_city_in_different_forms_give_it_one_polish_label(current, tmp_path, monkeypatch):
    """A city the gazetteer has no Polish name for takes its labels from the gazetteer alone, not from each
    page's wording: two pages writing Frankfurt (Oder) differently gave it two Polish labels, which `add`
    accepted page by page and the next full build refused (one label per language)."""
    pages = {
        "wyjazd-do-frankfurtu.txt": "Wyjazd do Frankfurtu\n\nW dniach 3-4 czerwca 2019 r. pracownicy MOPS "
        "przebywali we Frankfurcie nad Odrą w Niemczech na seminarium o pomocy osobom bezdomnym.\n",
        "goscie-z-frankfurtu.txt": "Goście z Niemiec\n\nW dniu 10 maja 2018 r. MOPS gościł pracowników "
        "socjalnych z Frankfurtu (Oder) w Niemczech, którzy poznali krakowski system pomocy.\n",
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        report = add_pages(current, [str(tmp_path / name)])
        assert [r.status for r in report.results] == ["added"], report.results[0].message
    dump = (current.dumps_dir / "partnergraph.nq").read_text(encoding="utf-8")
    city = f"<{iris.entity_iri('city', 'frankfurt-oder-de')}>"
    labels = [line for line in dump.splitlines() if line.startswith(f"{city} <{RDFS_LABEL}>")]
    languages = [line.rsplit('"', 1)[1].split()[0] for line in labels]  # '@en', '@pl'
    assert "@en" in languages and len(languages) == len(set(languages)), labels
    assert full_build_dump(current, tmp_path / "full-build", monkeypatch) == dump.encode("utf-8")


RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
