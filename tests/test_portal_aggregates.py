"""The portal's counted pages (home, browse lists, charts) read build/aggregates.json and the search reads
build/search.sqlite: what they show must be what the graph says. A real `partnergraph serve` on the seed
build and on a synthetic build of 300 events (benchmarks/generate.py, made as benchmarks/web_load.py makes
its projects) is asked for its pages and downloads over HTTP, and its own SPARQL endpoint for the links
they are counted from, counted here in Python; headless Chromium filters, sorts and pages a list."""

from __future__ import annotations

import html
import importlib.util
import logging
import re
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from test_aggregates import PATHS
from test_web import Served, open_page

from partnergraph.corpus import add_pages
from partnergraph.search import open_index, read_documents, write_index
from partnergraph.settings import Settings
from partnergraph.state import SEARCH_FILE
from partnergraph.store import EmbeddedStore
from partnergraph.web.collate import text_key
from partnergraph.web.resources import PAGE_INVERSE_LIMIT

ROOT = Path(__file__).resolve().parents[1]
PG = "https://w3id.org/partnergraph/def/"
PREFIXES = (
    f"PREFIX pg: <{PG}> PREFIX schema: <https://schema.org/> PREFIX dcterms: <http://purl.org/dc/terms/> "
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
)
PAGE = Path(__file__).parent / "data" / "bulletin" / "wspolpraca-2019.html"


def _load_web_load():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location("pg_web_load", ROOT / "benchmarks" / "web_load.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthetic_root(tmp_path_factory) -> Path:
    """A project whose build holds 300 synthetic events, with their aggregates and search index."""
    return _load_web_load().make_project(tmp_path_factory.mktemp("synthetic"), 300, 3)


@pytest.fixture(scope="module", params=["seed", "synthetic"])
def served(request, seed_settings):
    """A server on the seed build, then on the synthetic build."""
    root = seed_settings.root if request.param == "seed" else request.getfixturevalue("synthetic_root")
    server = Served(root, "--workers", "1")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def client(served):
    with httpx.Client(base_url=served.url, timeout=60) as client:
        yield client


def live(client, query: str) -> list[dict[str, str]]:
    """The rows of a query on the server's SPARQL endpoint, as strings."""
    answer = client.get("/sparql", params={"query": PREFIXES + query, "format": "json"})
    answer.raise_for_status()
    return [{k: v["value"] for k, v in row.items()} for row in answer.json()["results"]["bindings"]]


def event_years(client) -> dict[str, int | None]:
    rows = live(client, "SELECT ?e ?start WHERE { ?e a pg:Event OPTIONAL { ?e schema:startDate ?start } }")
    years: dict[str, int | None] = {}
    for row in rows:
        start = row.get("start", "")
        year = int(start[:4]) if start[:4].isdigit() else None
        years[row["e"]] = year if years.get(row["e"]) is None else min(years[row["e"]], year or 9999)
    return years


def test_every_browse_list_counts_what_the_graph_links(client):
    years = event_years(client)
    for kind, path in PATHS.items():
        city = "?item a pg:City ." if kind == "cities" else ""
        rows = live(client, f"SELECT DISTINCT ?e ?item WHERE {{ ?e a pg:Event ; {path} ?item . {city} }}")
        events, dated = defaultdict(set), defaultdict(set)
        for row in rows:
            events[row["item"]].add(row["e"])
            if years.get(row["e"]):
                dated[row["item"]].add(years[row["e"]])
        listed = client.get(f"/browse/{kind}", params={"format": "json"}).json()
        got = {r["iri"]: (r["events"], r["first"], r["last"]) for r in listed}
        assert got == {
            iri: (len(e), min(dated[iri], default=None), max(dated[iri], default=None))
            for iri, e in events.items()
        }, kind
        counts = [r["events"] for r in listed]
        assert counts == sorted(counts, reverse=True), kind  # most events first unless asked otherwise


def test_names_are_the_graphs_labels_in_the_readers_language(client):
    rows = live(client, "SELECT ?c ?l WHERE { ?c a pg:Country ; skos:prefLabel ?l FILTER(LANG(?l) = 'pl') }")
    polish = {r["c"]: r["l"] for r in rows}
    listed = client.get("/browse/countries", params={"format": "json", "lang": "pl"}).json()
    assert listed and all(r["name"] == [polish[r["iri"]]] for r in listed)


def test_events_list_filters_by_country_year_type_and_topic(client):
    everything = client.get("/browse/events", params={"format": "json"}).json()
    years = event_years(client)
    assert {r["iri"] for r in everything} == set(years)
    country = live(client, "SELECT ?c ?iso WHERE { ?e pg:involvesCountry ?c . ?c pg:isoCode ?iso } LIMIT 1")[
        0
    ]
    with_country = {
        r["e"] for r in live(client, f"SELECT ?e WHERE {{ ?e pg:involvesCountry <{country['c']}> }}")
    }
    got = client.get("/browse/events", params={"format": "json", "country": country["iso"].lower()}).json()
    assert {r["iri"] for r in got} == with_country
    year = next(y for y in years.values() if y)
    got = client.get("/browse/events", params={"format": "json", "year": str(year)}).json()
    assert {r["iri"] for r in got} == {e for e, y in years.items() if y == year}
    for prop, param in (("pg:eventType", "type"), ("dcterms:subject", "topic")):
        concept = live(client, f"SELECT ?c ?n WHERE {{ ?e {prop} ?c . ?c skos:notation ?n }} LIMIT 1")[0]
        expected = {
            r["e"] for r in live(client, f"SELECT ?e WHERE {{ ?e a pg:Event ; {prop} <{concept['c']}> }}")
        }
        got = client.get("/browse/events", params={"format": "json", param: concept["n"]}).json()
        assert {r["iri"] for r in got} == expected, param


def test_a_page_showing_only_the_first_links_leads_to_the_whole_filtered_list(client):
    # the commonest event type: on the synthetic build it has more events than a page lists
    rows = live(
        client,
        "SELECT ?c (COUNT(?e) AS ?n) WHERE { ?e a pg:Event ; pg:eventType ?c } GROUP BY ?c ORDER BY DESC(?n) LIMIT 1",
    )
    concept, count = rows[0]["c"], int(rows[0]["n"])
    page = client.get(urlsplit(concept).path, params={"lang": "pl"}, headers={"Accept": "text/html"}).text
    more = re.search(
        r'<a href="([^"]*browse/events[^"]*)">wszystkie jego wydarzenia na liście wydarzeń</a>', page
    )
    if count <= PAGE_INVERSE_LIMIT:
        assert more is None  # every link is on the page
        return
    assert more, "a truncated list of links has no way to the rest"
    href = html.unescape(more.group(1))
    listed = client.get(href + "&format=json").json()  # (params= would replace the query)
    expected = {
        r["e"] for r in live(client, f"SELECT ?e WHERE {{ ?e a pg:Event ; pg:eventType <{concept}> }}")
    }
    assert {r["iri"] for r in listed} == expected and len(expected) == count


def test_sorting_and_paging_walk_the_whole_list(client):
    whole = client.get("/browse/events", params={"format": "json", "sort": "name", "order": "desc"}).json()
    names = [r["name"][0] for r in whole]
    assert names == sorted(names, key=lambda name: text_key(name, "en"), reverse=True)
    ascending = client.get("/browse/events", params={"format": "json", "sort": "name"}).json()
    assert [r["iri"] for r in ascending] == [r["iri"] for r in whole][::-1]
    number = 2 if len(whole) > 50 else 1  # the seed graph fits on one page
    page = client.get("/browse/events", params={"sort": "name", "order": "desc", "page": str(number)})
    shown = re.findall(r'<td[^>]*><a href="/partnergraph/id/event/[^"]+">([^<]+)</a>', page.text)
    assert [html.unescape(n) for n in shown] == names[(number - 1) * 50 : number * 50]
    assert re.search(rf"\b{len(whole)} events\b", page.text)
    csv = client.get("/browse/events", params={"format": "csv", "sort": "name", "order": "desc"}).content
    assert csv.startswith("\ufeff".encode()) and csv.decode("utf-8-sig").count("\r\n") == len(whole) + 1


def test_home_and_charts_give_the_graphs_counts(client):
    rows = live(
        client,
        "SELECT ?year ?d (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a pg:Event ; schema:startDate ?s ; "
        "pg:direction/skos:notation ?d FILTER(!STRSTARTS(STR(?s), '--')) BIND(SUBSTR(STR(?s), 1, 4) AS ?year) } "
        "GROUP BY ?year ?d",
    )
    labels = {"incoming": "incoming", "outgoing": "outgoing"}
    chart = client.get("/charts/per-year-direction.json").json()
    assert {(r["year"], r["group"], r["events"]) for r in chart} >= {
        (int(r["year"]), labels[r["d"]], int(r["n"])) for r in rows if r["d"] in labels
    }
    assert sum(r["events"] for r in chart) == sum(int(r["n"]) for r in rows)
    events = live(client, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a pg:Event }")[0]["n"]
    countries = live(client, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?e pg:involvesCountry ?c }")[0]["n"]
    home = client.get("/", params={"lang": "en"}).text
    figures = dict(
        (text.strip(), n.replace(",", ""))
        for n, text in re.findall(r'<span class="n">([\d,]+)</span>([^<]+)</a>', home)
    )
    assert figures["events"] == events and figures["partner countries"] == countries


def test_search_finds_an_event_by_a_word_of_its_title(client):
    event = client.get("/browse/events", params={"format": "json"}).json()[-1]
    word = max(re.findall(r"\w+", event["name"][0]), key=len)
    page = client.get("/search", params={"q": word})
    assert page.status_code == 200 and event["iri"].split("/id/", 1)[1] in page.text


# --- the search index as a build artefact ---------------------------------------------------------------


def test_build_writes_the_search_index_and_serve_reads_it_read_only(seed_settings):
    path = seed_settings.build_dir / SEARCH_FILE
    index = open_index(path)
    assert len(index) > 100
    assert any(h.kind == "city" and h.title == "Berlin" for h in index.search("Berlinie"))
    with pytest.raises(sqlite3.OperationalError):
        index.db.execute("DELETE FROM documents")


def test_an_index_takes_the_unchanged_documents_words_from_the_previous_one(seed_store, tmp_path):
    _settings, store = seed_store
    documents = read_documents(store)
    assert write_index(documents, tmp_path / "a.sqlite") == len(documents)
    documents[0].text += " Zyzzogetonami"
    assert write_index(documents, tmp_path / "b.sqlite", previous=tmp_path / "a.sqlite") == 1
    assert [h.iri for h in open_index(tmp_path / "b.sqlite").search("zyzzogetonami")] == [documents[0].iri]


def test_add_updates_the_search_index_incrementally(seed_settings, tmp_path, monkeypatch, caplog):
    import shutil

    monkeypatch.delenv("PARTNERGRAPH_BUILD", raising=False)
    root = tmp_path / "project"
    for name in ("data", "ontology", "queries"):
        shutil.copytree(seed_settings.root / name, root / name)
    shutil.copytree(seed_settings.build_dir, root / "build", ignore=shutil.ignore_patterns(".*"))
    settings = Settings(root)
    before = open_index(settings.build_dir / SEARCH_FILE)
    assert not [h for h in before.search("Bratysławy") if h.kind == "event"]
    with caplog.at_level(logging.INFO, logger="partnergraph.build"):
        report = add_pages(settings, [str(PAGE)], year=2019)
    assert report.graph == "incremental"
    found = re.search(r"search index: (\d+) documents, (\d+) analysed", caplog.text)
    assert found and 0 < int(found.group(2)) < int(found.group(1)) // 2, caplog.text
    after = open_index(settings.build_dir / SEARCH_FILE)
    assert [h for h in after.search("Bratysławy") if h.kind == "event"]
    with EmbeddedStore(settings.store_dir, read_only=True) as store:
        assert len(after) == len(read_documents(store))


# --- in Chromium ------------------------------------------------------------------------------------------


def test_a_browse_page_sorts_pages_and_filters_in_chromium(browser, synthetic_root):
    server = Served(synthetic_root, "--workers", "1")
    try:
        page, problems = open_page(browser, server.url + "browse/events?lang=pl")
        everything = httpx.get(
            server.url + "browse/events", params={"format": "json", "lang": "pl"}, timeout=60
        ).json()
        assert page.inner_text("#list-count").startswith(f"{len(everything)} ")
        page.click("table.list th:nth-child(2) a")  # the event's name: A to Z
        page.wait_for_load_state()
        by_name = sorted(everything, key=lambda r: text_key(r["name"][0], "pl"))  # Polish order
        cells = page.locator("table.list tbody tr td:nth-child(2)").all_inner_texts()
        assert cells == [r["name"][0] for r in by_name[:50]]
        page.click("nav.pager a[rel=next]")
        page.wait_for_load_state()
        cells = page.locator("table.list tbody tr td:nth-child(2)").all_inner_texts()
        assert cells == [r["name"][0] for r in by_name[50:100]]
        assert "page=2" in page.url
        option = page.locator("select[name=country] option").nth(1)
        country, label = option.get_attribute("value"), option.inner_text()
        page.select_option("select[name=country]", country)
        page.click("form.filters button[type=submit]")
        page.wait_for_load_state()
        chosen = [r for r in by_name if label in r["countries"]]
        assert page.inner_text("#list-count").startswith(f"{len(chosen)} ")
        rows = page.locator("table.list tbody tr")
        assert rows.count() == min(50, len(chosen)) > 0
        assert all(
            label in text for text in page.locator("table.list tbody tr td:nth-child(5)").all_inner_texts()
        )
        cells = page.locator("table.list tbody tr td:nth-child(2)").all_inner_texts()
        assert cells == sorted(
            cells, key=lambda name: text_key(name, "pl")
        )  # the sort kept through the filter
        assert problems == []
        page.close()
    finally:
        server.stop()
