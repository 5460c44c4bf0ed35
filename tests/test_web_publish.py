"""`partnergraph publish DIR` (the static site) and `partnergraph serve` from a fresh project."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, RDF, VOID
from test_web import Served, open_page
from test_web_standards import DCAT_AP_SHAPES, dcat_ap_report

from partnergraph import iris
from partnergraph.errors import PartnergraphError
from partnergraph.publish.site import publish_site, published_iris

PARSERS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdf": "xml"}
SITE_URL = "https://example.org/pg/"
LINK = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']*)["']""")  # a link in a page's HTML


@pytest.fixture(scope="module")
def site(seed_store, tmp_path_factory):
    settings, store = seed_store
    folder = tmp_path_factory.mktemp("site") / "public"
    report = publish_site(folder, settings, store=store, site_url=SITE_URL)
    assert report.resources > 100 and report.skipped == []
    return folder


def test_publish_replaces_the_folder_it_wrote(seed_settings, tmp_path):
    """A second publish replaces the whole folder: nothing of the first stays (here on a one-IRI store,
    which is quick)."""
    from partnergraph.store import EmbeddedStore

    tiny = EmbeddedStore()
    tiny.load_nquads(
        f'<{iris.BASE}id/city/x-xx> <http://www.w3.org/2000/01/rdf-schema#label> "X"@en '
        f"<{iris.BASE}graph/registry> .\n".encode()
    )
    folder = tmp_path / "public"
    first = publish_site(folder, seed_settings, store=tiny, site_url=SITE_URL)
    assert first.resources == 1 and (folder / "partnergraph" / "id" / "city" / "x-xx.pl.html").is_file()
    (folder / "partnergraph" / "left-over.html").write_text("from before")
    again = publish_site(folder, seed_settings, store=tiny, site_url=SITE_URL)
    assert again.files == first.files and not (folder / "partnergraph" / "left-over.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]  # no staging folder left behind


def test_publish_command(tmp_path, seed_store):
    settings, _store = seed_store
    command = [sys.executable, "-m", "partnergraph.cli", "publish"]
    assert subprocess.run([*command, "--help"], capture_output=True, timeout=60).returncode == 0
    (tmp_path / "notes.txt").write_text("mine")
    result = subprocess.run(
        [*command, str(tmp_path), "--root", str(settings.root)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "not empty" in result.stderr and "Traceback" not in result.stderr


def test_every_described_iri_has_its_pages_and_rdf(site, seed_store):
    _settings, store = seed_store
    published = published_iris(store)
    assert len(published) > 100
    for n, iri in enumerate(published):
        rest = iri[len(iris.BASE) :]
        stem = site / "partnergraph" / (rest + "index" if rest.endswith("/") else rest)
        for suffix in ("html", "pl.html", *PARSERS):
            assert Path(f"{stem}.{suffix}").is_file(), (iri, suffix)
        for suffix, fmt in PARSERS.items():
            if suffix != "ttl" and n % 25:
                continue  # every Turtle file, and all four formats of every 25th IRI
            graph = Graph().parse(f"{stem}.{suffix}", format=fmt)
            assert (URIRef(iri), None, None) in graph, (iri, suffix)


def test_every_relative_link_in_the_static_site_is_a_file(site):
    """What a plain static host (or the folder itself) needs: every href and src of every page, the
    network and the ontology pages included, names a file of the site."""
    pages = list(site.rglob("*.html"))
    assert len(pages) > 200 and site / "network.pl.html" in pages and site / "ontology.html" in pages
    checked = 0
    for page in pages:
        for link in LINK.findall(page.read_text(encoding="utf-8")):
            if re.match(r"(https?:|mailto:|data:|#)", link):
                continue
            target = (page.parent / link.split("#", 1)[0]).resolve()
            assert target.is_file(), (page.relative_to(site), link)
            assert site.resolve() in target.parents  # never outside the site
            checked += 1
    assert checked > 1000


def test_dumps_void_network_and_ontology(site, seed_store):
    settings, store = seed_store
    for dump in settings.dumps_dir.iterdir():
        assert (site / "partnergraph" / "dumps" / dump.name).read_bytes() == dump.read_bytes()
    void = Graph().parse(site / "void.ttl", format="turtle")
    assert (site / ".well-known" / "void").read_bytes() == (site / "void.ttl").read_bytes()
    for shapes_file in DCAT_AP_SHAPES:  # the served description's checks hold for the site's too
        conforms, text = dcat_ap_report(void, shapes_file)
        assert conforms, (shapes_file, text)
    dataset = URIRef(iris.BASE + "dataset")
    assert (dataset, RDF.type, VOID.Dataset) in void
    dumps = sorted(str(d) for d in void.objects(dataset, VOID.dataDump))
    assert dumps == sorted(f"{SITE_URL}partnergraph/dumps/{d.name}" for d in settings.dumps_dir.iterdir())
    for name in ("index.html", "index.pl.html", "dataset.html", "network.html", "network.pl.html"):
        assert "<html" in (site / name).read_text(encoding="utf-8")
    docs = (site / "ontology.html").read_text(encoding="utf-8")
    assert "Concept schemes" in docs and "involvesCity" in docs


def test_static_void_names_only_addresses_in_the_namespace_that_resolve(seed_settings, tmp_path):
    """Issue 12 item 19: with the default address the site's VoID gave its dumps and landing page as
    https://w3id.org/dumps/... and https://w3id.org/dataset, outside the namespace a w3id redirect covers.
    Every address of the site's own that the description names is under the base and is a file of the
    site (the site's folder is served as the host's root, `{BASE}X` at `partnergraph/X`)."""
    from partnergraph.store import EmbeddedStore

    tiny = EmbeddedStore()
    tiny.load_nquads(
        f'<{iris.BASE}id/city/x-xx> <http://www.w3.org/2000/01/rdf-schema#label> "X"@en '
        f"<{iris.BASE}graph/registry> .\n".encode()
    )
    folder = tmp_path / "public"
    publish_site(folder, seed_settings, store=tiny)
    void = Graph().parse(folder / "void.ttl", format="turtle")
    host = iris.BASE.split("/")[2]
    named = {str(t) for triple in void for t in triple if isinstance(t, URIRef)}
    own = sorted(t.split("#", 1)[0] for t in named if t.split("/")[2] == host)
    assert own and all(t.startswith(iris.BASE) for t in own), [t for t in own if not t.startswith(iris.BASE)]
    dataset = URIRef(iris.BASE + "dataset")
    pages = list(void.objects(dataset, DCAT.landingPage)) + list(void.objects(dataset, VOID.dataDump))
    assert len(pages) == 1 + len(list(seed_settings.dumps_dir.iterdir()))
    for address in pages:
        assert (folder / "partnergraph" / str(address)[len(iris.BASE) :]).is_file(), address
    for suffix, fmt in PARSERS.items():  # the dataset IRI dereferences in the site like every other
        assert (dataset, RDF.type, VOID.Dataset) in Graph().parse(
            folder / f"partnergraph/dataset.{suffix}", format=fmt
        )


def test_publish_refuses_a_folder_it_did_not_write(tmp_path, seed_store):
    settings, store = seed_store
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(PartnergraphError, match="not empty"):
        publish_site(tmp_path, settings, store=store)
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_serve_builds_a_fresh_project_and_answers(project):
    """The README's first command on a fresh clone: build, then serve."""
    served = Served(project, build=True, timeout=240)
    try:
        assert any(line.startswith("built ") for line in served.output)
        response = httpx.get(
            served.url + "sparql",
            params={
                "query": f"SELECT (COUNT(?e) AS ?n) WHERE {{ ?e a <{iris.DEF}Event> }}",
                "format": "json",
            },
            timeout=30,
        )
        assert int(response.json()["results"]["bindings"][0]["n"]["value"]) > 5
    finally:
        served.stop()


def test_serve_says_when_the_port_is_taken(seed_store):
    settings, _store = seed_store
    first = Served(settings.root)
    try:
        port = first.url.rsplit(":", 1)[1].strip("/")
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "partnergraph.cli",
                "serve",
                "--root",
                str(settings.root),
                "--no-build",
                "--port",
                port,
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 2
        assert "choose another --port" in result.stderr
    finally:
        first.stop()


@pytest.mark.parametrize("name, lang", [("network.html", "en"), ("network.pl.html", "pl")])
def test_static_network_links_nodes_to_their_page_files(site, browser, name, lang):  # noqa: F811
    """The network page made by JavaScript links each node to its page: a file of the site, in the
    page's language, that opens from the folder."""
    page, problems = open_page(browser, (site / name).as_uri())
    page.fill("#pg-search", "Berlin")
    page.click("#pg-results button >> nth=0")
    page.wait_for_selector("#pg-panel:not([hidden]) #pg-resource-link")
    href = page.get_attribute("#pg-resource-link", "href")
    assert href.startswith("partnergraph/id/") and href.endswith(".html" if lang == "en" else ".pl.html")
    assert (site / href).is_file(), href
    page.click("#pg-resource-link")
    page.wait_for_load_state()
    assert page.url == (site / href).as_uri()
    assert page.locator("html").get_attribute("lang") == lang and page.locator("h1").count() == 1
    assert problems == []
    page.close()


def test_static_pages_render_in_chromium_from_files(site, browser):  # noqa: F811
    """The published pages work from the folder itself: no console errors, no request leaves it."""
    city = next((site / "partnergraph" / "id" / "city").glob("*.pl.html"))
    for page_path in (site / "index.html", site / "dataset.pl.html", city):
        page, problems = open_page(browser, page_path.as_uri())
        assert page.locator("h1").count() == 1
        assert problems == []
        page.close()
    page, problems = open_page(browser, city.as_uri())
    page.click("a.lang")  # the English page beside it
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert problems == []
    page.close()
