"""The network page in real headless Chromium (Debian's /usr/bin/chromium driven by Playwright): it loads
with no console error and no request outside the file, draws as many nodes as the graph has, each filter
shows what SPARQL says it should, the legend is there, and text from the pages stays text."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from partnergraph import iris
from partnergraph.cli import main
from partnergraph.namespace import PG
from partnergraph.network import build_network
from partnergraph.store import EmbeddedStore
from partnergraph.views import render_network, render_network_page

LINKS = " ".join(
    f"<{p}>"
    for p in (
        PG.involvesCity,
        PG.involvesCountry,
        PG.involvesOrganisation,
        PG.involvesPerson,
        PG.involvesUnit,
        PG.partOfProject,
        PG.fundedByProgramme,
        DCTERMS.subject,
    )
)
BERLIN_EVENT = "w konferencji w Berlinie"


class Opened:
    """A page opened from a file with every request routed: only the file itself is let through."""

    def __init__(self, browser, path):
        self.url = path.as_uri()
        self.requests: list[str] = []
        self.problems: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.page.route("**/*", self._route)
        self.page.on(
            "console",
            lambda m: self.problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None,
        )
        self.page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        self.page.goto(self.url)
        self.page.wait_for_function("() => document.documentElement.dataset.ready === '1'", timeout=30_000)

    def _route(self, route):
        self.requests.append(route.request.url)
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()

    def drawn(self) -> int:
        return self.page.evaluate("pgNetwork.body.nodeIndices.length")

    def settle(self, expected: int) -> tuple[int, int]:
        """Poll until vis-network draws `expected` nodes (or 5 s pass); return (drawn, counter)."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:
            self.page.wait_for_function(
                "n => pgNetwork.body.nodeIndices.length === n && window.pgVisible === n",
                arg=expected,
                timeout=5000,
            )
        except PlaywrightTimeout:  # the assertion after it reports the values
            pass
        return self.drawn(), int(self.page.get_attribute("#pg-count", "data-visible"))

    def node_index(self, iri: str) -> int:
        script = "iri => JSON.parse(document.getElementById('pg-data').textContent)"
        return self.page.evaluate(script + ".nodes.findIndex(n => n.i === iri)", iri)

    def point_at(self, index: int) -> tuple[float, float]:
        """Centre the node, zoomed in, and return its position on the screen."""
        return tuple(
            self.page.evaluate(
                """i => { pgNetwork.focus(i, {scale: 2.5, animation: false});
                          const p = pgNetwork.canvasToDOM(pgNetwork.getPosition(i));
                          const r = document.getElementById('pg-graph').getBoundingClientRect();
                          return [r.left + p.x, r.top + p.y]; }""",
                index,
            )
        )

    def close(self):
        self.context.close()


def count(store, condition: str) -> int:
    """Nodes the page should show when only the events matching `condition` (on ?e) pass: those events
    and everything they involve."""
    event = f"?e a <{PG.Event}> . {condition}"
    rows = store.select(
        f"""SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE {{
          {{ {event} BIND(?e AS ?n) }} UNION {{ {event} VALUES ?p {{ {LINKS} }} ?e ?p ?n }} }}"""
    ).rows
    return int(rows[0]["c"])


@pytest.fixture(scope="module")
def seed_page(seed_store, browser, tmp_path_factory):
    settings, store = seed_store
    path = tmp_path_factory.mktemp("view") / "network.html"
    assert main(["view", "--out", str(path), "--root", str(settings.root)]) == 0
    opened = Opened(browser, path)
    yield store, opened
    opened.close()


def test_page_loads_offline_with_no_errors_and_draws_every_node(seed_page):
    store, opened = seed_page
    assert opened.problems == []
    assert opened.requests == [opened.url]
    total = count(store, "")
    assert total == len(build_network(store)) > 50
    assert opened.drawn() == total
    assert opened.page.get_attribute("#pg-count", "data-visible") == str(total)
    assert opened.page.evaluate("pgNetwork.body.edgeIndices.length") == build_network(store).number_of_edges()
    assert opened.page.evaluate("pgNetwork.physics.options.enabled") is False


def test_legend_names_every_class_with_its_count(seed_page):
    store, opened = seed_page
    items = opened.page.eval_on_selector_all(
        "#pg-legend-items li",
        "lis => lis.map(li => [li.dataset.kind, li.textContent, !!li.querySelector('svg path')])",
    )
    expected = {"event": count(store, "") - count(store, "FILTER(false)")}
    expected["event"] = int(
        store.select(f"SELECT (COUNT(?e) AS ?c) WHERE {{ ?e a <{PG.Event}> }}").rows[0]["c"]
    )
    for prop, kind in (
        (PG.involvesCountry, "country"),
        (PG.involvesCity, "city"),
        (PG.involvesOrganisation, "organisation"),
        (PG.involvesUnit, "unit"),
        (DCTERMS.subject, "topic"),
    ):
        rows = store.select(f"SELECT (COUNT(DISTINCT ?o) AS ?c) WHERE {{ ?e <{prop}> ?o }}").rows
        expected[kind] = int(rows[0]["c"])
    shown = {kind: text for kind, text, _ in items}
    assert all(has_swatch for _, _, has_swatch in items)
    assert opened.page.is_visible("#pg-legend")
    for kind, n in expected.items():
        assert re.fullmatch(rf"{kind.replace('unit', 'MOPS unit')}{n}", shown[kind]), (kind, shown[kind], n)


FILTERS = [
    # (what is set, the SPARQL condition the visible events must meet)
    ({"#pg-type": "study visit"}, f"?e <{PG.eventType}> <{iris.concept_iri('type', 'StudyVisit')}>"),
    ({"#pg-direction": "outgoing"}, f"?e <{PG.direction}> <{iris.concept_iri('direction', 'outgoing')}>"),
    ({"#pg-topic": "homelessness"}, f"?e <{DCTERMS.subject}> <{iris.concept_iri('topics', 'homelessness')}>"),
    ({"#pg-country": "Germany"}, f"?e <{PG.involvesCountry}> <{iris.country_iri('de')}>"),
    ({"#pg-year-from": "2011"}, '?e <https://schema.org/startDate> ?s FILTER(STRSTARTS(STR(?s), "2017"))'),
    ({"#pg-year-to": "2016"}, '?e <https://schema.org/startDate> ?s FILTER(STRSTARTS(STR(?s), "2010"))'),
    (
        {"#pg-type": "study visit", "#pg-direction": "incoming", "#pg-year-to": "2010"},
        f"""?e <{PG.eventType}> <{iris.concept_iri("type", "StudyVisit")}> ;
              <{PG.direction}> <{iris.concept_iri("direction", "incoming")}> ;
              <https://schema.org/startDate> ?s FILTER(STRSTARTS(STR(?s), "2010"))""",
    ),
]


@pytest.mark.parametrize(("settings", "condition"), FILTERS, ids=lambda v: str(v)[:40])
def test_each_filter_shows_what_the_data_says(seed_page, settings, condition):
    store, opened = seed_page
    total, expected = count(store, ""), count(store, condition)
    assert 0 < expected < total  # the filter must change the picture, or this test proves nothing
    page = opened.page
    for selector, value in settings.items():
        if selector.startswith("#pg-year"):
            page.fill(selector, value)
        else:
            page.select_option(selector, label=value)
    assert opened.settle(expected) == (expected, expected)
    page.click("#pg-reset")
    assert opened.settle(total) == (total, total)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower().replace("ł", "l"))
    return "".join(c for c in text if not unicodedata.combining(c))


def test_search_shows_the_matches_and_their_neighbours(seed_page):
    store, opened = seed_page
    graph = build_network(store)
    matches = {n for n, d in graph.nodes(data=True) if "berlin" in fold(d["label_pl"] + "\0" + d["label_en"])}
    expected = len(matches | {m for n in matches for m in graph[n]})
    assert len(matches) == 2 and expected < len(graph)  # the city and the conference there
    opened.page.fill("#pg-search", "BERLIN")
    assert opened.settle(expected) == (expected, expected)
    buttons = opened.page.eval_on_selector_all("#pg-results button", "bs => bs.map(b => b.textContent)")
    assert "Berlin" in buttons and any(BERLIN_EVENT in b for b in buttons)
    opened.page.click('#pg-results button >> text="Berlin"')
    assert opened.page.text_content("#pg-panel-body h2") == "Berlin"
    opened.page.fill("#pg-search", "")
    assert opened.settle(len(graph)) == (len(graph), len(graph))


def test_tooltip_quotes_the_source_and_a_click_opens_the_panel(seed_page):
    store, opened = seed_page
    graph = build_network(store)
    event = next(n for n, d in graph.nodes(data=True) if BERLIN_EVENT in d["label_pl"])
    page = opened.page
    x, y = opened.point_at(opened.node_index(event))
    page.mouse.move(x, y)
    page.wait_for_selector("#pg-tooltip:not([hidden])", timeout=5000)
    tip = page.text_content("#pg-tooltip")
    assert graph.nodes[event]["label_pl"] in tip and "Nov 16, 2017" in tip  # as the portal's pages write it
    assert "Bundesarbeitsgemeinschaft Wohnungslosenhilfe" in tip  # from the page's text
    page.mouse.click(x, y)
    page.wait_for_selector("#pg-panel:not([hidden])", timeout=5000)
    assert page.text_content("#pg-panel-body h2") == graph.nodes[event]["label_pl"]
    panel = page.text_content("#pg-panel-body")
    assert "conference" in panel and "outgoing" in panel and event in panel
    # the static file has no server: the link is the IRI itself
    assert page.get_attribute("#pg-resource-link", "href") == event
    linked = page.eval_on_selector_all(".pg-linked button", "bs => bs.map(b => b.textContent)")
    assert sorted(linked) == sorted(graph.nodes[n]["label_en"] for n in graph[event])
    page.click('.pg-linked button >> text="Germany"')  # follow a link without SPARQL
    assert page.text_content("#pg-panel-body h2") == "Germany"
    assert len(page.query_selector_all(".pg-linked button")) == len(graph[str(iris.country_iri("de"))])
    page.click("#pg-panel-close")
    assert page.is_hidden("#pg-panel")


def test_server_page_links_nodes_to_resource_pages_and_speaks_polish(seed_store, browser, tmp_path):
    _, store = seed_store
    path = tmp_path / "network.html"
    path.write_text(render_network_page(store, lang="pl"), encoding="utf-8")
    opened = Opened(browser, path)
    try:
        assert opened.problems == [] and opened.requests == [opened.url]
        page = opened.page
        assert page.get_attribute("html", "lang") == "pl"
        assert "państwo" in page.text_content("#pg-legend")
        page.select_option("#pg-country", label="Niemcy")
        condition = f"?e <{PG.involvesCountry}> <{iris.country_iri('de')}>"
        expected = count(store, condition)
        assert opened.settle(expected) == (expected, expected)
        germany = str(iris.country_iri("de"))
        x, y = opened.point_at(opened.node_index(germany))
        page.mouse.click(x, y)
        page.wait_for_selector("#pg-panel:not([hidden])", timeout=5000)
        assert page.text_content("#pg-panel-body h2") == "Niemcy"
        assert page.get_attribute("#pg-resource-link", "href") == "/partnergraph/id/country/de"
    finally:
        opened.close()


def test_focus_page_holds_only_the_neighbourhood(seed_store, browser, tmp_path):
    settings, store = seed_store
    path = tmp_path / "de.html"
    code = main(
        ["view", "--focus", "id/country/de", "--depth", "1", "--out", str(path), "--root", str(settings.root)]
    )
    assert code == 0
    opened = Opened(browser, path)
    try:
        graph = build_network(store)
        germany = str(iris.country_iri("de"))
        assert opened.problems == []
        assert opened.drawn() == 1 + len(graph[germany])
        assert opened.page.text_content("#pg-panel-body h2") == "Germany"  # opens on the focus
    finally:
        opened.close()


def test_edges_added_in_chunks_after_the_first_drawing(seed_store, browser, tmp_path):
    _, store = seed_store
    graph = build_network(store)
    path = tmp_path / "gradual.html"
    path.write_text(render_network(graph, edge_chunk=10), encoding="utf-8")
    opened = Opened(browser, path)
    try:
        page = opened.page
        page.wait_for_function("() => document.documentElement.dataset.edges === '1'", timeout=10_000)
        assert page.evaluate("pgNetwork.body.edgeIndices.length") == graph.number_of_edges()
        assert opened.drawn() == len(graph) and opened.problems == [] and opened.requests == [opened.url]
        page.select_option("#pg-direction", label="outgoing")
        expected = count(store, f"?e <{PG.direction}> <{iris.concept_iri('direction', 'outgoing')}>")
        assert opened.settle(expected) == (expected, expected)
    finally:
        opened.close()


def test_an_empty_graph_gives_a_page_that_loads(browser, tmp_path):
    path = tmp_path / "empty.html"
    path.write_text(render_network_page(EmbeddedStore(), link_base=None), encoding="utf-8")
    opened = Opened(browser, path)
    try:
        assert opened.problems == [] and opened.requests == [opened.url]
        assert opened.drawn() == 0 and opened.page.get_attribute("#pg-count", "data-visible") == "0"
        assert opened.page.is_disabled("#pg-year-from")
    finally:
        opened.close()


HOSTILE = {
    "title": '</script><script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">',
    "org": "<script>window.__pwned = 3</script>",
    "country": '<b>Xland</b><img src="y.png">',
    "text": "<iframe src=\"https://example.org/\"></iframe> & <a href='javascript:alert(1)'>kliknij</a>",
    "quote": '<svg onload="window.__pwned = 4">',
}


def hostile_store() -> EmbeddedStore:
    dataset = Dataset()
    graph = dataset.graph(iris.source_graph("hostile"))
    event = iris.entity_iri("event", "hostile/e1")
    org = iris.named_iri("organisation", "hostile")
    country = iris.country_iri("xx")
    graph.add((event, RDF.type, PG.Event))
    graph.add((event, URIRef("https://schema.org/name"), Literal(HOSTILE["title"], lang="pl")))
    graph.add((event, URIRef("https://schema.org/startDate"), Literal("2015-06-01", datatype=XSD.date)))
    graph.add((event, PG.sectionText, Literal(HOSTILE["text"], lang="pl")))
    graph.add((event, PG.involvesOrganisation, org))
    graph.add((event, PG.involvesCountry, country))
    graph.add((org, RDFS.label, Literal(HOSTILE["org"])))
    graph.add((country, RDFS.label, Literal(HOSTILE["country"], lang="en")))
    evidence = iris.entity_iri("evidence", "hostile/e1/organisations/0")
    target, selector = URIRef(f"{evidence}#target"), URIRef(f"{evidence}#quote")
    oa = "http://www.w3.org/ns/oa#"
    graph.add((evidence, PG.evidenceOf, event))
    graph.add((evidence, URIRef(oa + "hasBody"), org))
    graph.add((evidence, URIRef(oa + "hasTarget"), target))
    graph.add((target, URIRef(oa + "hasSelector"), selector))
    graph.add((selector, URIRef(oa + "exact"), Literal(HOSTILE["quote"])))
    store = EmbeddedStore()
    store.load_nquads(dataset.serialize(format="nquads").encode())
    return store


def test_hostile_labels_render_as_text(browser, tmp_path):
    store = hostile_store()
    path = tmp_path / "hostile.html"
    path.write_text(render_network_page(store, link_base="/partnergraph/"), encoding="utf-8")
    opened = Opened(browser, path)
    try:
        page = opened.page
        assert opened.requests == [opened.url]  # no <img>, <iframe> or <svg> came alive
        assert opened.problems == []
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("document.scripts.length") == 3
        assert (
            page.evaluate("document.querySelectorAll('img, iframe, svg:not(#pg-legend svg), b').length") == 0
        )
        assert opened.drawn() == 3
        assert page.eval_on_selector_all("#pg-country option", "os => os.map(o => o.textContent)") == [
            "all",
            HOSTILE["country"],
        ]
        page.fill("#pg-search", "<script")
        page.wait_for_selector("#pg-results button", timeout=5000)
        buttons = page.eval_on_selector_all("#pg-results button", "bs => bs.map(b => b.textContent)")
        assert sorted(buttons) == sorted([HOSTILE["title"], HOSTILE["org"]])
        page.click("#pg-results li:has-text('__pwned = 3') button")
        assert page.text_content("#pg-panel-body h2") == HOSTILE["org"]
        assert HOSTILE["quote"] in page.text_content("#pg-panel-body blockquote")
        event = str(iris.entity_iri("event", "hostile/e1"))
        x, y = opened.point_at(opened.node_index(event))
        page.mouse.move(x, y)
        page.wait_for_selector("#pg-tooltip:not([hidden])", timeout=5000)
        assert page.text_content("#pg-tooltip strong") == HOSTILE["title"]
        assert page.text_content("#pg-tooltip blockquote") == HOSTILE["text"]
        page.mouse.click(x, y)
        page.wait_for_function(
            "t => document.querySelector('#pg-panel-body h2').textContent === t", arg=HOSTILE["title"]
        )
        assert page.get_attribute("#pg-resource-link", "href") == "/partnergraph/id/event/hostile/e1"
        assert page.evaluate("window.__pwned") is None
        assert opened.requests == [opened.url] and opened.problems == []
    finally:
        opened.close()


def test_benchmark_runs_on_a_small_synthetic_graph():
    """benchmarks/network_view.py stays runnable: a generated graph's page draws every node (the script
    asserts it) with no request outside the file and no console error."""
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "network_view.py"
    done = subprocess.run(
        [sys.executable, str(script), "--events", "40", "--runs", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    row = done.stdout.strip().splitlines()[-1].split()
    assert row[0] == "40" and int(row[1]) > 40 and row[-1] == "0/0", done.stdout
