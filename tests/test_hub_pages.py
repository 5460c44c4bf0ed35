"""The hubs' resource pages (countries and topics) described once per build (web/hubs.py,
build/hubs.pickle): the kept description gives the page the live one gives, in both languages; `add`
remakes them; `serve --cache 0` renders a hub's page from the kept description."""

from __future__ import annotations

import pickle
from pathlib import Path

import httpx
from conftest import copy_built
from test_web import Served

from partnergraph import iris
from partnergraph.aggregates import load_aggregates
from partnergraph.corpus import add_pages
from partnergraph.store import EmbeddedStore
from partnergraph.web._html import Linker
from partnergraph.web.describe import describe
from partnergraph.web.hubs import FILE_NAME, KINDS, hub_iris, load_hubs
from partnergraph.web.pages import render_resource
from partnergraph.web.resources import PAGE_INVERSE_LIMIT

PAGE = Path(__file__).parent / "data" / "bulletin" / "wspolpraca-2019.html"


def assert_kept_pages_are_live_pages(store, build_dir: Path) -> int:
    kept = load_hubs(build_dir)
    assert set(kept) == set(hub_iris(load_aggregates(build_dir)))
    for iri, desc in kept.items():
        live = describe(store, iri, str(iris.DEF), PAGE_INVERSE_LIMIT)
        for lang in ("pl", "en"):
            linker = Linker(lang=lang)
            assert render_resource(desc, lang, linker) == render_resource(live, lang, linker), (iri, lang)
    return len(kept)


def test_build_keeps_every_countrys_and_topics_page(seed_store):
    settings, store = seed_store
    aggregates = load_aggregates(settings.build_dir)
    assert all(aggregates[kind] for kind in KINDS)
    assert assert_kept_pages_are_live_pages(store, settings.build_dir) == len(hub_iris(aggregates))
    assert iris.BASE + "id/country/de" in load_hubs(settings.build_dir)


def test_a_missing_or_foreign_file_keeps_nothing(tmp_path):
    assert load_hubs(tmp_path) == {}
    (tmp_path / FILE_NAME).write_bytes(b"not a pickle")
    assert load_hubs(tmp_path) == {}
    (tmp_path / FILE_NAME).write_bytes(pickle.dumps((0, {"x": 1})))
    assert load_hubs(tmp_path) == {}


def test_add_remakes_the_hub_pages(seed_settings, tmp_path, monkeypatch):
    monkeypatch.delenv("PARTNERGRAPH_BUILD", raising=False)
    settings = copy_built(seed_settings, tmp_path / "project")
    before = load_hubs(settings.build_dir)
    assert add_pages(settings, [str(PAGE)], year=2019).graph == "incremental"
    after = load_hubs(settings.build_dir)
    assert any(before.get(iri) != desc for iri, desc in after.items())
    with EmbeddedStore(settings.store_dir, read_only=True) as store:
        assert_kept_pages_are_live_pages(store, settings.build_dir)


def test_a_hubs_page_is_rendered_from_its_kept_description(seed_settings, tmp_path):
    """The kept description of Germany is changed (a name the graph does not have), so only the kept file
    can show it; another page is described live."""
    settings = copy_built(seed_settings, tmp_path / "project")
    path = settings.build_dir / FILE_NAME
    version, kept = pickle.loads(path.read_bytes())
    germany = kept[iris.BASE + "id/country/de"]
    germany.labels[germany.iri] = {"en": "Kept Germany", "pl": "Zachowane Niemcy"}
    path.write_bytes(pickle.dumps((version, kept)))
    served = Served(settings.root, "--cache", "0")
    try:
        page = httpx.get(served.url + "partnergraph/id/country/de?lang=en", headers={"Accept": "text/html"})
        assert page.status_code == 200 and "Kept Germany" in page.text
        turtle = httpx.get(served.url + "partnergraph/id/country/de", headers={"Accept": "text/turtle"})
        assert turtle.status_code == 200 and "Kept Germany" not in turtle.text  # RDF: described live
    finally:
        served.stop()
