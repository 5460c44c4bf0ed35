"""The portal as a person uses it: a real `partnergraph serve` process on the seed graph, driven by headless
Chromium (clicks, typing, choosing filters) and by httpx; the search index and the message catalogs on
their own."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from babel.messages.pofile import read_po
from chromium import axe_violations
from test_web import open_page

from partnergraph.query import load_saved_queries
from partnergraph.search import build_index, read_documents
from partnergraph.web.collate import text_key
from partnergraph.web.portal.browse import TITLES as BROWSE_LISTS
from partnergraph.web.templating import LOCALE

PAGES = [
    "",
    "browse",
    "browse/events",
    "browse/cities",
    "search?q=Berlinie",
    "map",
    "charts",
    "query",
    "queries",
    "dataset",
    "dumps/",
    "network",
    "partnergraph/id/country/de",
    "no-such-page",
]


SERVE_OPTIONS = ("--workers", "1")  # for the conftest `server` fixture


@pytest.fixture(scope="module")
def index(seed_store):
    _settings, store = seed_store
    return build_index(read_documents(store))


# --- search ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, kind, title",
    [
        ("Berlinie", "city", "Berlin"),  # locative -> base form
        ("wieden", "city", "Wiedeń"),  # no diacritics
        ("Wiedniu", "city", "Wiedeń"),
        ("Holandii", "country", "Holandia"),
        ("bezdomnych", "topic", "bezdomność"),  # an adjective's form finds the noun's concept
    ],
)
def test_search_finds_inflected_and_unaccented_words(index, query, kind, title):
    hits = index.search(query, lang="pl")
    assert any(h.kind == kind and h.title == title for h in hits), [(h.kind, h.title) for h in hits]


def test_search_for_homeless_finds_events_about_homelessness(index, seed_store):
    _settings, store = seed_store
    about = {
        str(r["e"])
        for r in store.select(
            "SELECT ?e WHERE { ?e <http://purl.org/dc/terms/subject> "
            "<https://w3id.org/partnergraph/def/topic/homelessness> }"
        ).rows
    }
    found = {h.iri for h in index.search("bezdomnych") if h.kind == "event"}
    assert about and about <= found


def test_search_query_syntax_cannot_reach_fts5(index):
    for nasty in ('"', "OR", 'NEAR(a b) AND "x', "*", "docs MATCH 1", "a" * 5000):
        index.search(nasty)  # no sqlite3 error
    assert index.match_expression("*") is None


# --- the pages over HTTP ----------------------------------------------------------------------------------


def test_every_page_has_the_site_header_and_footer(client):
    for path in PAGES:
        page = client.get("/" + path, headers={"Accept": "text/html"})
        assert page.status_code == (404 if path == "no-such-page" else 200), path
        assert '<header class="site">' in page.text and 'href="/browse"' in page.text, path
        if path not in ("network",):
            assert '<footer class="site">' in page.text, path
    assert client.get("/ontology").text.count('<header class="site">') == 1


def test_browse_lists_download_as_csv_with_bom_and_json(client):
    csv_answer = client.get("/browse/events", params={"format": "csv"})
    assert csv_answer.content.startswith("\ufeff".encode())
    assert csv_answer.headers["content-disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(csv_answer.content.decode("utf-8-sig"))))
    listed = client.get("/browse/events", params={"format": "json"}).json()
    assert len(rows) == len(listed) + 1 and len(listed) > 10
    german = client.get("/browse/events", params={"format": "json", "country": "de"}).json()
    assert 0 < len(german) < len(listed)
    assert all(any(c in ("Germany", "Niemcy") for c in e["countries"]) for e in german)


def test_browse_filters_sort_and_page_in_polish(client):
    page = client.get("/browse/countries", params={"lang": "pl", "sort": "name", "order": "desc"})
    names = re.findall(r'<td[^>]*><a href="/partnergraph/id/country/[^"]+">([^<]+)</a>', page.text)
    assert names == sorted(names, key=str.casefold, reverse=True) and "Niemcy" in names


def test_saved_query_results_read_as_text_not_rdf(client, seed_store):
    """No datatype or language tags, taxonomy codes as their labels, numbers right-aligned; the CSV
    download starts with a BOM (Excel then reads ł, ś, ż) and still has one line per row."""
    settings, store = seed_store
    saved = load_saved_queries(settings.queries_dir)
    labels = {
        str(r["code"]): str(r["label"])
        for r in store.select(
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?code ?label WHERE { "
            "?c skos:notation ?code ; skos:prefLabel ?label FILTER(LANG(?label) = 'pl') }"
        ).rows
    }
    for name in ("events_by_type", "partner_countries", "direction_by_year"):
        page = client.get(f"/queries/{name}", params={"run": "1", "lang": "pl"}).text
        table = page[page.index("<table>") :]
        assert "xsd:" not in table and "@pl" not in table and "@en" not in table, name
        assert re.search(r'<td class="num"[^>]*>\d', table), name
    table = client.get("/queries/events_by_type", params={"run": "1", "lang": "pl"}).text
    shown = re.findall(r'<span title="(\w+)">([^<]+)</span>', table)
    assert shown and all(labels[code] == label for code, label in shown)
    answer = client.get("/queries/partner_countries", params={"format": "csv"})
    assert answer.content.startswith(b"\xef\xbb\xbfcountry,")
    assert len(answer.content.decode("utf-8-sig").splitlines()) == 1 + len(
        store.select(saved["partner_countries"].render({"lang": "en"})).rows
    )


def test_robots_txt_lets_crawlers_read_the_pages_not_the_endpoint(client):
    answer = client.get("/robots.txt")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/plain")
    assert answer.text.splitlines() == ["User-agent: *", "Disallow: /sparql"]


def test_dumps_index_lists_the_dumps(client, seed_store):
    settings, _store = seed_store
    page = client.get("/dumps/")
    for dump in settings.dumps_dir.iterdir():
        assert f'href="/dumps/{dump.name}"' in page.text
    assert client.get(f"/dumps/{dump.name}").status_code == 200


# --- in Chromium -------------------------------------------------------------------------------------------


def test_search_box_finds_an_inflected_name(browser, server):
    page, problems = open_page(browser, server.url + "?lang=pl")
    page.fill("header.site input[name=q]", "Berlinie")
    page.press("header.site input[name=q]", "Enter")
    page.wait_for_selector(".hits")
    assert page.locator(".hits a", has_text="Berlin").count() >= 1
    assert page.locator(".hits mark").first.inner_text() == "Berlinie"
    page.click(".hits a >> text=Berlin >> nth=0")
    page.wait_for_load_state()
    assert "/partnergraph/id/" in page.url
    assert problems == []
    page.close()


def wait_until(page, function: str, seconds: float = 20) -> None:
    """Wait until the JavaScript `function` returns true. (Playwright's wait_for_function polls through
    eval, which the site's CSP refuses once the first check fails.)"""
    deadline = time.monotonic() + seconds
    while not page.evaluate(function):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {function}"
        page.wait_for_timeout(50)


# the map's circles, counted in Vega's scene graph (not its legend's)
CIRCLES = """() => { let n = 0; (function walk(item) {
    if (item.marktype === 'symbol' && item.role === 'mark') n += item.items.length;
    (item.items || []).forEach(walk); })(document.querySelector('#viz-map .chart')._view.scenegraph().root);
    return n; }"""


def test_map_filter_changes_the_map_and_the_chart(browser, server):
    page, problems = open_page(browser, server.url + "map?lang=en")
    circles = CIRCLES
    page.wait_for_selector("#viz-map svg")
    wait_until(page, f"() => ({circles})() > 0")
    before_circles = page.evaluate(circles)
    chart = page.locator("#viz-per-year-direction .chart")
    chart.scroll_into_view_if_needed()  # drawn when it comes into view
    page.wait_for_selector("#viz-per-year-direction svg .mark-rect path")
    before_bars = page.locator("#viz-per-year-direction svg .mark-rect path").count()
    drawn = chart.get_attribute("data-drawn")
    count_before = page.inner_text("#map-count")
    page.select_option("select[name=direction]", index=1)
    wait_until(
        page, f"() => document.querySelector('#viz-per-year-direction .chart').dataset.drawn !== '{drawn}'"
    )
    page.wait_for_selector("#viz-per-year-direction svg .mark-rect path")
    wait_until(page, f"() => ({circles})() < {before_circles}")
    after_circles = page.evaluate(circles)
    after_bars = page.locator("#viz-per-year-direction svg .mark-rect path").count()
    assert page.inner_text("#map-count") != count_before
    assert 0 < after_circles < before_circles and after_bars < before_bars
    assert problems == []
    page.close()


# the heat map's cells as Vega drew them: [year, topic, events]
HEAT_CELLS = """() => { const cells = []; (function walk(item) {
    if (item.marktype === 'rect' && item.role === 'mark')
        item.items.forEach(i => cells.push([i.datum.year, i.datum.topic, i.datum.events]));
    (item.items || []).forEach(walk); })(document.querySelector('#viz-topics .chart')._view.scenegraph().root);
    return cells; }"""


def test_topics_over_time_shows_empty_years_as_zero(browser, server, client):
    """The seed's events are of 2010 and 2017: the heat map ran 2010 then 2017; now every year between is
    a column of zeros, and a topic in a year without it reads 0 (was an empty spot)."""
    listed = client.get("/browse/events", params={"format": "json"}).json()
    years = {int(e["date"][:4]) for e in listed if e["date"]}
    expected = list(range(min(years), max(years) + 1))
    assert len(expected) > len(years)  # the seed has a gap: the test can fail
    page, problems = open_page(browser, server.url + "charts?lang=pl")
    page.locator("#viz-topics .chart").scroll_into_view_if_needed()  # drawn when it comes into view
    page.wait_for_selector("#viz-topics svg .mark-rect path")
    assert page.evaluate("document.querySelector('#viz-topics .chart')._view.scale('x').domain()") == expected
    cells = page.evaluate(HEAT_CELLS)
    topics = {topic for _year, topic, _n in cells}
    assert sorted((year, topic) for year, topic, _n in cells) == sorted(
        (year, topic) for year in expected for topic in topics
    )
    assert all(n == 0 for year, _topic, n in cells if year not in years)
    assert any(n == 0 for year, _topic, n in cells if year in years)
    assert sum(n for *_cell, n in cells) == sum(  # the table beside it says the same
        int(n) for n in page.locator("#viz-topics tbody td:nth-child(3)").all_text_contents()
    )
    assert problems == []
    page.close()


def test_clicking_a_column_header_sorts_the_table(browser, server):
    page, problems = open_page(browser, server.url + "browse/events?lang=en")
    page.click("table.list th a >> text=Event")
    page.wait_for_load_state()
    names = page.locator("table.list tbody tr td:nth-child(2)").all_inner_texts()
    assert names == sorted(names, key=str.casefold) and len(names) > 5
    page.click("table.list th a >> text=Event")  # again: the other way round
    page.wait_for_load_state()
    assert page.locator("table.list tbody tr td:nth-child(2)").all_inner_texts() == names[::-1]
    assert problems == []
    page.close()


def test_yasgui_runs_a_saved_query_on_our_endpoint_only(browser, server):
    page, problems = open_page(browser, server.url + "query")
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server.url) else None)
    page.wait_for_load_state("networkidle")
    loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert not [u for u in loaded if u.endswith("/static/dist/query.js")]  # not before the reader needs it
    page.select_option("#examples", "partner_countries")  # fetches YASGUI, which starts from the example
    page.wait_for_selector(".yasqe .CodeMirror")
    assert page.locator("#plain-query").is_hidden()
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table.dataTable tbody tr")
    assert page.locator(".yasr table.dataTable tbody tr").count() >= 5
    page.click(".yasqe .CodeMirror")
    page.keyboard.type("\nSELECT * WHERE { ?s rdf:ty")  # the property autocompleter would ask the web
    page.wait_for_timeout(500)
    assert outside == [] and problems == []
    page.close()


def test_typing_in_the_plain_form_carries_on_in_yasgui(browser, server):
    """The page opens on the plain form; a click in it fetches YASGUI, which keeps what was typed and takes
    the keys that follow."""
    page, problems = open_page(browser, server.url + "query?lang=pl")
    page.click("#plain-query textarea")
    page.keyboard.press("Control+End")
    page.keyboard.type("\n# pierwszy")
    page.wait_for_selector(".yasqe .CodeMirror")
    wait_until(page, "() => document.activeElement.closest('.CodeMirror') !== null")
    page.keyboard.type(" drugi")  # where the cursor was in the form
    text = page.evaluate("partnergraphYasgui.getTab().getYasqe().getValue()")
    assert "SELECT ?event" in text and text.rstrip().endswith("# pierwszy drugi")
    assert problems == []
    page.close()


def test_yasgui_draws_a_chart_of_the_results(browser, server):
    """The chart view (frontend/src/yasr-chart.js): a bar per country of a saved query's answer, in Polish,
    redrawn as points when the reader chooses them; Vega and Vega-Lite are fetched (from the site) only for the
    chart."""
    loaded = "performance.getEntriesByType('resource').map(e => e.name)"
    page, problems = open_page(browser, server.url + "query?lang=pl")
    page.select_option("#examples", "partner_countries")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table.dataTable tbody tr")
    rows = page.locator(".yasr table.dataTable tbody tr").count()
    chart = page.locator(".yasr .select_chart")
    assert (
        chart.inner_text().strip() == "Wykres"
        and page.locator(".yasr .select_table").inner_text().strip() == "Tabela"
    )
    assert not [u for u in page.evaluate(loaded) if u.endswith("/static/dist/vega-lite.js")]
    chart.click()
    page.wait_for_selector(".pg-chart svg .mark-rect path")
    assert page.locator(".pg-chart svg .mark-rect path").count() == rows >= 5
    assert page.locator(".pg-chart-controls select[name=y]").input_value() == "events"
    page.select_option(".pg-chart-controls select[name=mark]", "point")
    page.wait_for_selector(".pg-chart svg .mark-symbol path")
    assert page.locator(".pg-chart svg .mark-symbol path").count() == rows
    assert page.locator(".pg-chart svg .mark-rect path").count() == 0
    urls = page.evaluate(loaded)
    assert [u for u in urls if u.endswith("/static/dist/vega-lite.js")] and all(
        u.startswith(server.url) for u in urls
    )
    assert problems == []
    page.close()


def _english_strings() -> set[str]:
    """The English interface strings that Polish pages must not show (those translated differently): labels
    and sentences (a capital or a space); single lower-case words ("topic", "from") are also the names of
    query variables and parameters, which pages show as they are."""
    with (LOCALE / "pl" / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f, locale="pl")
    polish = {m.string for m in catalog if isinstance(m.string, str)}
    out = set()
    for m in catalog:
        if not m.id or isinstance(m.id, tuple) or "%" in m.id or "{" in m.id:
            continue
        if m.string != m.id and len(m.id) > 3 and m.id not in polish:  # "Data" is Polish for "Date"
            if " " in m.id.strip() or m.id[0].isupper():
                out.add(m.id)
    return out


@pytest.mark.parametrize(
    "path",
    [
        "",
        "browse",
        "browse/events",
        "browse/countries",
        "search?q=Berlinie",
        "map",
        "charts",
        "dumps/",
        "no-such-page",
        "queries",
        "queries/events_on_topic?topic=homelessness&run=1",
        "dataset",
        "partnergraph/id/country/de",
        "network",
        "ontology",
    ],
)
def test_polish_pages_have_no_english_interface_strings(browser, server, path):
    page, problems = (
        open_page(browser, server.url + path + ("&" if "?" in path else "?") + "lang=pl")
        if path != "no-such-page"
        else (None, None)
    )
    if page is None:
        page = browser.new_page(extra_http_headers={"Accept-Language": "pl"})
        page.goto(server.url + path)
        problems = []
    page.wait_for_load_state("networkidle")
    text = page.locator("body").inner_text()
    attributes = " ".join(
        page.eval_on_selector_all(
            "[placeholder],[aria-label],[title]",
            "els => els.map(e => (e.getAttribute('placeholder') || '') + ' ' + (e.getAttribute('aria-label') || '') + ' ' + (e.getAttribute('title') || ''))",
        )
    )
    shown = re.sub(r"\S*[:/]\S*", " ", text + " " + attributes)  # not IRIs, pg:City, media types
    if path == "ontology":  # its terms' English names in brackets by design: 'wydarzenie (event)'
        shown = re.sub(r"\([^()]*\)", " ", shown)
    left = sorted(s for s in _english_strings() if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", shown))
    assert left == [], path
    assert page.locator("html").get_attribute("lang") == "pl"
    assert problems == []
    page.close()


def test_yasgui_speaks_the_readers_language_and_fits_a_phone(browser, server):
    """YASGUI wrote its own English into the Polish page ('Query', '4 results in 0.056 seconds', 'Simple view',
    'Showing 1 to 4 of 4 entries'), and its results table scrolled sideways at 390 px."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server.url + "query?lang=pl")
    page.select_option("#examples", "events_in_country")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table.dataTable tbody tr")
    rows = page.locator(".yasr table.dataTable tbody tr").count()
    wait_until(page, "() => /^Wiersze: \\d/.test(document.querySelector('.yasr_response_chip').textContent)")
    assert re.fullmatch(rf"Wiersze: {rows} \([\d,]+ s\)", page.inner_text(".yasr_response_chip").strip())
    assert page.inner_text(".yasr .dataTables_info, .yasr .dt-info").strip() == f"Wiersze 1–{rows} z {rows}"
    outside_editor = """() => { const parts = [];
        for (const e of document.querySelectorAll('#yasgui *')) {
            if (e.closest('.CodeMirror, tbody')) continue;
            for (const n of e.childNodes) if (n.nodeType === 3) parts.push(n.nodeValue);
            for (const a of ['title', 'placeholder', 'aria-label']) parts.push(e.getAttribute(a) || '');
        } return parts.join(' | '); }"""
    shown = page.evaluate(outside_editor)
    left = sorted(
        s for s in _english_strings() | {"Query", "Simple view", "Ellipse"} if s in shown.split(" | ")
    )
    assert left == [] and "results in" not in shown and "Showing" not in shown, left
    sideways = "() => [...document.querySelectorAll('main *')].filter(e => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)).length"
    assert page.evaluate(sideways) == 0 and page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def open_editor(page, path: str) -> None:
    """On /query, YASGUI as a reader gets it: a click in the plain form fetches it."""
    if path == "query":
        page.click("#plain-query textarea")
        page.wait_for_selector(".yasqe .CodeMirror")
        page.wait_for_load_state("networkidle")


@pytest.mark.parametrize(
    "path",
    [
        "",
        "browse/events",
        "browse/cities",
        "map",
        "charts",
        "search?q=bezdomnych",
        "query",
        "network",
        "partnergraph/id/country/de",
        "partnergraph/id/city/helsinki-fi?lang=pl",
        "dataset",
        "queries",
        "ontology?lang=pl",
        "dumps/",
        "no-such-page",
        "browse/organisations?lang=pl",
        "browse/topics?lang=pl",
        "charts?lang=pl",
        "queries/events_on_topic?topic=homelessness&run=1",
        "queries/event_evidence?run=1&lang=pl",
    ],
)
def test_no_horizontal_scroll_at_390_px(browser, server, path):
    """Neither the page nor a box inside it (a table in a scrolling wrapper, the query's text) scrolls
    sideways on a phone: wide tables become stacked rows."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server.url + path)
    page.wait_for_load_state("networkidle")
    open_editor(page, path)
    page.eval_on_selector_all("details", "els => els.forEach(e => { e.open = true; })")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, (path, width)
    sideways = """() => [...document.querySelectorAll('main *')].filter(e => e.scrollWidth > e.clientWidth + 1
        && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)).map(e => e.tagName + '.' + e.className)"""
    assert page.evaluate(sideways) == [], path
    context.close()


def test_every_list_and_saved_query_fits_a_phone(browser, server, seed_store):
    """Every browse list and every saved query's answer, in Polish and English (longer words), at 390 px:
    the page no wider than the screen (the test above checks a sample of pages more closely)."""
    settings, _store = seed_store
    paths = ["browse"] + [f"browse/{kind}" for kind in BROWSE_LISTS]
    paths += [f"queries/{name}?run=1" for name in load_saved_queries(settings.queries_dir)]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    wide = {}
    for path in paths:
        for lang in ("pl", "en"):
            page.goto(f"{server.url}{path}{'&' if '?' in path else '?'}lang={lang}")
            page.eval_on_selector_all("details", "els => els.forEach(e => { e.open = true; })")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                wide[f"{path} {lang}"] = width
    assert wide == {}
    context.close()


def test_a_list_sorts_on_a_phone(browser, server):
    """At 390 px a list's rows are stacked, each value under its column's name, and the column names
    stay above the list as the links that sort it."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server.url + "browse/events?lang=pl")
    first = page.locator("table.list tbody td").first
    assert first.evaluate("td => getComputedStyle(td, '::before').content") == '"Data"'
    link = page.locator("table.list th a", has_text="Wydarzenie")
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    link.click()
    page.wait_for_load_state()
    names = page.locator("table.list tbody tr td:nth-child(2)").all_inner_texts()
    assert len(names) > 5 and names == sorted(names, key=lambda n: text_key(n, "pl"))
    context.close()


LIST_NOUNS = {  # a list's count names what it counts, in the plural form its number takes
    ("events", "pl"): {"one": "wydarzenie", "few": "wydarzenia", "many": "wydarzeń"},
    ("events", "en"): {"one": "event", "other": "events"},
    ("countries", "pl"): {"one": "kraj", "few": "kraje", "many": "krajów"},
    ("organisations", "pl"): {"one": "organizacja", "few": "organizacje", "many": "organizacji"},
    ("organisations", "en"): {"one": "organisation", "other": "organisations"},
    ("topics", "pl"): {"one": "temat", "few": "tematy", "many": "tematów"},
}


@pytest.mark.parametrize("kind, lang", LIST_NOUNS)
def test_a_lists_count_names_what_it_counts(browser, server, client, kind, lang):
    """'16 wydarzeń' on the events list, not '16 wierszy' (rows), in the plural form Polish gives the number;
    a filtered list counts what is left."""
    from babel import Locale

    nouns = LIST_NOUNS[kind, lang]
    filters = [{}, {"country": "de"}] if kind == "events" else [{}]
    for params in filters:
        number = len(client.get(f"/browse/{kind}", params={"format": "json", **params}).json())
        page, problems = open_page(
            browser, f"{server.url}browse/{kind}?{urlencode({'lang': lang, **params})}"
        )
        form = Locale.parse(lang).plural_form(number)
        assert page.locator("#list-count").inner_text() == f"{number} {nouns[form]}", (kind, params)
        assert number > 1 and problems == []
        page.close()


def test_the_ontologys_contents_do_not_cover_its_text_on_a_phone(browser, server):
    """pyLODE fixes its table of contents to the right, 180 px wide: at 390 px it lay over half the text."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server.url + "ontology?lang=pl")
    overlap = """() => { const a = document.querySelector('#toc').getBoundingClientRect();
        const b = document.querySelector('#content h1, h1').getBoundingClientRect();
        return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom; }"""
    assert page.evaluate(overlap) is False
    assert page.evaluate("getComputedStyle(document.querySelector('#toc')).position") != "fixed"
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_ontologys_header_runs_edge_to_edge_as_on_every_page(browser, server, width):
    """pyLODE's body padding held the site header in (16 px a side on a phone, 70 px on a desktop, where its
    fixed table of contents also covered the header's search and language switch)."""
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(server.url + "?lang=pl")
    home = page.locator("header.site").bounding_box()
    page.goto(server.url + "ontology?lang=pl")
    header = page.locator("header.site").bounding_box()
    toc = page.locator("#toc").bounding_box()
    assert header["x"] == home["x"] == 0 and header["y"] == home["y"] == 0
    covered = toc["y"] < header["y"] + header["height"] and toc["x"] < header["x"] + header["width"]
    if width == 390:
        assert header["width"] == home["width"] == width
    else:  # beside the contents, which pyLODE keeps fixed on the right
        assert header["x"] + header["width"] == toc["x"] and not covered
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "",
        "browse",
        "browse/events",
        "browse/cities",
        "map",
        "charts",
        "search?q=Berlinie",
        "query",
        "queries",
        "queries/events_on_topic",
        "queries/partner_cities?run=1",
        "network",
        "ontology",
        "dataset",
        "partnergraph/id/country/de",
        "dumps/",
        "no-such-page",
    ],
)
@pytest.mark.parametrize("lang", ["en", "pl"])
def test_axe_finds_no_serious_or_critical_violation(browser, server, path, lang):
    """axe-core (npm, installed by scripts/setup.sh) on the main pages; the CSP is bypassed only to let
    the test inject axe itself."""
    context = browser.new_context(bypass_csp=True, extra_http_headers={"Accept-Language": lang})
    page = context.new_page()
    page.goto(server.url + path)
    page.wait_for_load_state("networkidle")
    open_editor(page, path)
    bad = axe_violations(page)
    assert bad == [], json.dumps(bad, indent=1)
    context.close()


# a colour's relative luminance (WCAG), from the computed 'rgb(r, g, b)'
LUMINANCE = """c => c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0)"""


@pytest.mark.parametrize(
    "path",
    [
        "",
        "browse/events",
        "charts",
        "search?q=Berlinie",
        "query",
        "queries/partner_cities?run=1",
        "partnergraph/id/country/de",
        "dataset",
        "no-such-page",
    ],
)
def test_a_reader_who_prefers_dark_gets_dark_pages_that_axe_passes(browser, server, path):
    """prefers-color-scheme: dark gave the same near-white pages; now light text on a dark page, charts,
    maps and YASGUI on their light panels, and axe-core (colour contrast included) finds nothing serious."""
    context = browser.new_context(
        bypass_csp=True, color_scheme="dark", extra_http_headers={"Accept-Language": "pl"}
    )
    page = context.new_page()
    page.goto(server.url + path)
    page.wait_for_load_state("networkidle")
    open_editor(page, path)
    colour = f"p => ({LUMINANCE})(getComputedStyle(document.querySelector(p.el))[p.prop])"
    assert page.evaluate(colour, {"el": "body", "prop": "backgroundColor"}) < 0.02
    assert page.evaluate(colour, {"el": "body", "prop": "color"}) > 0.7
    for panel in page.locator(".viz, #yasgui").all():
        assert panel.evaluate(f"e => ({LUMINANCE})(getComputedStyle(e).backgroundColor)") > 0.9
    bad = axe_violations(page)
    assert bad == [], json.dumps(bad, indent=1)
    context.close()


def test_event_page_reads_as_a_summary_then_properties_in_order(client, seed_store):
    _settings, store = seed_store
    event = store.select(
        "SELECT ?e WHERE { ?e a <https://w3id.org/partnergraph/def/Event> ; "
        "<https://schema.org/startDate> ?d FILTER(STRLEN(STR(?d)) = 10) } ORDER BY ?e LIMIT 1"
    ).rows[0]["e"]
    page = client.get("/partnergraph/" + str(event).split("/partnergraph/", 1)[1], params={"lang": "pl"}).text
    summary = page.split('<dl class="summary">', 1)[1].split("</dl>", 1)[0]
    assert "<dt>Kiedy</dt>" in summary and "<dt>Gdzie</dt>" in summary
    headers = re.findall(r'<th scope="row"><a [^>]*>([^<]+)</a>', page)
    assert headers.index("data rozpoczęcia") < headers.index("typ wydarzenia") < headers.index("pochodzi z")
    assert "xsd:date" not in page


def test_country_page_groups_the_links_to_it_with_dates(client):
    page = client.get("/partnergraph/id/country/de", params={"lang": "en"}).text
    groups = re.findall(r"<h3>([^<]+) <span", page)
    assert len(groups) >= 2 and len(set(groups)) == len(groups)
    dated = 0
    for group in re.findall(r'<ul class="inbound">(.*?)</ul>', page, re.S):
        dates = re.findall(r'<time datetime="([0-9-]+)">', group)
        assert dates == sorted(dates, reverse=True)  # newest first
        dated += len(dates)
    assert dated >= 3


def test_saved_queries_read_in_polish(client):
    listing = client.get("/queries", params={"lang": "pl"}).text
    assert (
        "Państwa partnerskie według liczby wydarzeń" in listing and "Partner countries ranked" not in listing
    )
    # what a query lets the reader choose, said in Polish (was its variables: year_from, year_to)
    assert (
        "do wyboru: pierwszy rok (włącznie); ostatni rok (włącznie)" in listing and "year_from" not in listing
    )
    form = client.get("/queries/events_on_topic", params={"lang": "pl"}).text
    assert "Wydarzenia na dany temat w przedziale lat" in form and "pierwszy rok (włącznie)" in form


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_saved_query_tables_name_their_columns_in_the_readers_language(client, seed_store, lang):
    """Every saved query labels each column of its answer (`# column:` lines), shown in the page's
    language with the variable in the header's title; the CSV keeps the variable names."""
    from partnergraph.web.templating import gettext

    settings, _store = seed_store
    for name, saved in load_saved_queries(settings.queries_dir).items():
        page = client.get(f"/queries/{name}", params={"run": "1", "lang": lang}).text
        head = page[page.index("<thead>") : page.index("</thead>")]
        shown = re.findall(r'<th scope="col" title="\?(\w+)">([^<]+)</th>', head)
        assert len(shown) == head.count("<th "), (name, head)  # no column without its label
        # a column of country codes shows the countries, and is headed so
        assert shown == [
            (v, gettext(lang, "Country" if v == "iso" else saved.columns[v])) for v, _ in shown
        ], name
        body = page[page.index("</thead>") :]
        assert all(f'data-label="{label}"' in body for _, label in shown), name  # on a phone, per cell
        csv_head = client.get(f"/queries/{name}", params={"format": "csv"}).text.lstrip("\ufeff")
        variables = csv_head.splitlines()[0].split(",")  # all of them: a repeated column is only not shown
        assert [v for v in variables if v in dict(shown)] == [v for v, _ in shown], name
    page = client.get("/queries/partner_countries", params={"run": "1", "lang": lang}).text
    expected = {"pl": ("Państwo", "Wydarzenia wyjazdowe"), "en": ("Country", "Outgoing events")}[lang]
    assert all(f">{label}</th>" in page for label in expected)


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_saved_query_tables_name_countries_not_their_codes(client, seed_store, lang):
    """Partner cities showed 'BE', 'ES': every saved query's table now names the country in the reader's
    language, the code on hover, while the CSV download keeps the codes."""
    settings, store = seed_store
    names = {
        str(r["code"]): str(r["name"])
        for r in store.select(
            "PREFIX pg: <https://w3id.org/partnergraph/def/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
            f" SELECT ?code ?name WHERE {{ ?c pg:isoCode ?code ; rdfs:label ?name FILTER(LANG(?name) = '{lang}') }}"
        ).rows
    }
    for name in load_saved_queries(settings.queries_dir):
        page = client.get(f"/queries/{name}", params={"run": "1", "lang": lang}).text
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", page)]
        assert not [c for c in cells if c.split() and all(w in names for w in c.split())], name
    page = client.get("/queries/partner_cities", params={"run": "1", "lang": lang}).text
    shown = re.findall(r'<td data-label="[^"]+"><span title="([A-Z]{2})">([^<]+)</span></td>', page)
    download = client.get("/queries/partner_cities", params={"format": "csv"}).text.lstrip("\ufeff")
    codes = [row["iso"] for row in csv.DictReader(io.StringIO(download))]
    assert {"BE", "ES"} <= set(codes) and sorted(code for code, _ in shown) == sorted(codes)
    assert all(text == html.escape(names[code]) for code, text in shown)


@pytest.mark.parametrize(
    "lang, names, english",
    [
        (
            "pl",
            ("osoba (person)", "jest częścią (is part of)", "w schemacie (in scheme)", "twórcy partnergraph"),
            True,
        ),
        (
            "en",
            (
                "person (osoba)",
                "is part of (jest częścią)",
                "in scheme (w schemacie)",
                "partnergraph developers",
            ),
            False,
        ),
    ],
)
def test_the_ontology_names_other_vocabularies_terms_and_its_author_in_the_readers_language(
    client, lang, names, english
):
    """The Polish /ontology named schema:Event, foaf:Person, dcterms:isPartOf ... as their vocabularies do in
    English ('Event', 'Person', 'is part of') and its author 'partnergraph developers'."""
    page = client.get("/ontology", params={"lang": lang}).text
    shown = html.unescape(
        re.sub(r"<[^>]+>", "\n", re.sub(r"<(script|style)[^>]*>.*?</\1>", "", page, flags=re.S))
    )
    lines = {line.strip() for line in shown.splitlines()}
    assert all(name in lines for name in names), lang
    if english:
        english = {
            "Event",
            "Person",
            "Project",
            "is part of",
            "in scheme",
            "top concept of",
            "partnergraph developers",
        }
        assert not lines & english


def test_the_pages_name_the_configured_home_organisation(tmp_path):
    """Another body's data (data/reference/home.csv names it, with its short names and website): the home
    page's title, heading and text, every page's description and footer name it, in both languages, and
    never MOPS Kraków."""
    from conftest import copy_project
    from test_web import Served

    root = copy_project(tmp_path / "project")
    (root / "data/reference/home.csv").write_text(
        "name,city,country,label_en,label_pl,website\n"
        "Miejski Ośrodek Pomocy Rodzinie w Gdańsku,Gdańsk,PL,MOPR Gdańsk,MOPR w Gdańsku,https://www.mopr.gda.pl/\n",
        encoding="utf-8",
    )
    served = Served(root, "--workers", "1", build=True, timeout=180)
    try:
        expected = {
            "en": "International cooperation of MOPR Gdańsk",
            "pl": "Współpraca zagraniczna – MOPR w Gdańsku",
        }
        for lang, heading in expected.items():
            page = httpx.get(served.url, params={"lang": lang}, timeout=30).text
            assert f"<title>{heading} · partnergraph</title>" in page and f"<h1>{heading}</h1>" in page
            label = heading.rsplit(" ", 2)[-2:] if lang == "en" else ["MOPR", "w", "Gdańsku"]
            lead = page.split('<p class="lead">', 1)[1].split("</p>", 1)[0]
            assert lead.startswith(" ".join(label)), lead
            for path in ("", "map", "browse/events", "queries"):
                other = httpx.get(served.url + path, params={"lang": lang}, timeout=30).text
                description = re.search(r'<meta name="description" content="([^"]*)"', other).group(1)
                footer = other.split('<footer class="site">', 1)[1]
                assert " ".join(label) in description and " ".join(label) in footer, path
                assert '<a href="https://www.mopr.gda.pl/" rel="nofollow">www.mopr.gda.pl</a>' in footer
                assert "MOPS Kraków" not in description + footer and "bip.krakow.pl" not in footer, path
    finally:
        served.stop()


def check_static_list_sorts_and_pages(browser, site: Path, base: str) -> None:
    """The published list of events sorts by a column's header and pages (here 5 rows a page; 50 as
    published), in Polish."""
    events = site / "browse" / "events.pl.html"
    events.write_text(
        events.read_text(encoding="utf-8").replace("<table class", '<table data-page-size="5" class')
    )
    page, problems = open_page(browser, base + "browse/events.pl.html")
    total = events.read_text(encoding="utf-8").split("<tbody>")[1].count("<tr>")
    assert total > 5 and page.locator("table.list tbody tr").count() == 5
    assert page.locator(".pager span").inner_text() == f"Strona 1 z {-(-total // 5)}"
    page.locator("table.list th button.sort").nth(1).click()  # the events' names
    names = [page.locator("table.list tbody tr td:nth-child(2)").all_inner_texts()]
    while page.locator(".pager button >> text=Następna").is_enabled():
        page.click(".pager button >> text=Następna")
        names.append(page.locator("table.list tbody tr td:nth-child(2)").all_inner_texts())
    everything = [name for shown in names for name in shown]
    in_order = page.evaluate(
        "names => { const c = new Intl.Collator('pl', {numeric: true, sensitivity: 'base'});"
        " return names.every((n, i) => i === 0 || c.compare(names[i - 1], n) <= 0); }",
        everything,
    )
    assert len(everything) == total and in_order  # in Polish alphabetical order
    assert page.locator("table.list th").nth(1).get_attribute("aria-sort") == "ascending"
    assert problems == []
    page.close()


def test_published_site_searches_in_the_browser(browser, seed_store, tmp_path):
    """`publish` writes search.json; its search page finds an inflected name when served by a plain file
    server (python -m http.server)."""
    import subprocess
    import sys

    from servers import free_port

    from partnergraph.publish.site import publish_site

    settings, store = seed_store
    site = tmp_path / "site"
    publish_site(site, settings, store=store)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        for _ in range(100):
            try:
                httpx.get(base, timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        page, problems = open_page(browser, base + "search.pl.html?q=Berlinie")
        page.wait_for_selector(".hits li")
        assert page.locator(".hits a", has_text="Berlin").count() >= 1
        href = page.locator(".hits a", has_text="Berlin").first.get_attribute("href")
        assert (site / href).is_file()
        assert problems == []
        page.close()
        page, problems = open_page(browser, base + "partnergraph/id/country/de.pl.html")  # its map too
        assert page.locator("#viz-map svg a circle").count() > 1
        assert page.evaluate("document.querySelector('#viz-map svg image').getBBox().width") > 0
        assert problems == []
        page.close()
        check_static_list_sorts_and_pages(browser, site, base)
    finally:
        server.terminate()
        server.wait(10)


VNU = (
    Path(__file__).resolve().parents[1]
    / "src/partnergraph/web/frontend/node_modules/vnu-jar/build/dist/vnu.jar"
)


def test_nu_html_checker_finds_no_error(client, tmp_path):
    """The Nu HTML checker (npm vnu-jar, run with Java) on the portal's pages as the server sends them."""
    import subprocess

    paths = [
        "",
        "browse",
        "browse/events?lang=pl",
        "map",
        "charts",
        "search?q=Berlinie",
        "query",
        "queries",
        "queries/partner_cities?run=1",
        "partnergraph/id/country/de?lang=pl",
        "dumps/",
        "dataset",
        "network",
        "network?lang=pl",
        "ontology",  # pyLODE's page, its ids made unique (ontology_tools)
        "ontology?lang=pl",
    ]
    files = []
    for n, path in enumerate(paths):
        target = tmp_path / f"page{n}.html"
        target.write_bytes(client.get("/" + path, headers={"Accept": "text/html"}).content)
        files.append(str(target))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", *files], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0 and result.stderr.strip() == "", result.stderr[:3000]


def test_network_legend_follows_the_filters_and_zoom_buttons_work(browser, server):
    page, problems = open_page(browser, server.url + "network?lang=en")
    page.wait_for_selector("html[data-ready='1']", state="attached")  # no eval: the page's CSP forbids it
    counts = "() => [...document.querySelectorAll('#pg-legend-items .pg-n')].map(e => +e.textContent)"
    before = page.evaluate(counts)
    page.select_option("#pg-direction", index=1)
    page.wait_for_function("n => window.pgVisible < n", arg=sum(before))
    after = page.evaluate(counts)
    assert sum(after) == page.evaluate("window.pgVisible") < sum(before)
    scale = page.evaluate("pgNetwork.getScale()")
    page.click("#pg-zoom-in")
    assert page.evaluate("pgNetwork.getScale()") > scale
    page.click("#pg-png")
    assert page.get_attribute("#pg-png", "href").startswith("data:image/png;base64,")
    assert problems == []
    page.close()


def test_network_labels_are_readable_and_a_node_shows_all_its_quotes(browser, server):
    """At the default zoom the biggest nodes are labelled at 13 px on screen (not scaled down with the
    drawing); a node with more than three quotes shows three and, on demand, all of them."""
    page, problems = open_page(browser, server.url + "network?lang=pl")
    page.wait_for_selector("html[data-ready='1']", state="attached")  # no eval: the page's CSP forbids it
    on_screen = page.evaluate(
        """() => Object.values(pgNetwork.body.nodes).filter(n => n.options.label && !n.options.hidden)
                 .map(n => n.options.font.size * pgNetwork.getScale())"""
    )
    assert len(on_screen) >= 10 and all(12.5 <= px <= 13.5 for px in on_screen), on_screen
    page.click("#pg-zoom-out")
    fewer = page.evaluate("Object.values(pgNetwork.body.nodes).filter(n => n.options.label).length")
    assert fewer < len(on_screen)  # less room: fewer labels, still 13 px
    data = json.loads(page.inner_text("#pg-data"))
    quotes: dict[int, set[str]] = {}
    for edge in data["edges"]:
        for end in edge[:2]:
            if len(edge) > 3 and data["kinds"][data["nodes"][end]["k"]]["id"] != "event":
                quotes.setdefault(end, set()).add(edge[3])
    node, most = max(quotes.items(), key=lambda item: len(item[1]))
    assert len(most) > 3
    label = data["nodes"][node]["l"]
    page.fill("#pg-search", label)
    page.locator("#pg-results").get_by_role("button", name=label, exact=True).first.click()
    page.wait_for_selector("#pg-panel:not([hidden]) .pg-quotes")
    assert page.locator(".pg-quotes blockquote:visible").count() == 3
    page.click(f"text=Pokaż wszystkie cytaty ({len(most)})")
    shown = page.locator(".pg-quotes blockquote:visible").all_inner_texts()
    assert sorted(shown) == sorted(most)
    assert problems == []
    page.close()


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_resource_pages_show_readers_names_not_codes_or_iris(browser, server, lang):
    """A city, a country, an organisation and an event as a reader sees them: types and datatypes by name
    (were org:Organization, geo:Geometry, geo:wktLiteral, xsd:decimal), other sites by name ("Wikidata Q183",
    were their IRIs), a text's language by name (was "@pl"); the page's own IRI only on its IRI line. (A copy
    of the page is read: scripts, such as a map's data, count as text there.)"""
    paths = [
        "partnergraph/id/city/helsinki-fi",
        "partnergraph/id/country/de",
        "partnergraph/id/organisation/european-social-network",
        "partnergraph/id/event/bip-83616/wizyta-grupy-z-holandii-w-miejskim-osrodku-pomocy",
    ]
    codes = re.compile(r"\b[a-z]+:[A-Z]\w+|\b(?:xsd|geo|org|foaf|schema|skos):\w+|https?://|@(?:pl|en)\b")
    for path in paths:
        page, problems = open_page(browser, f"{server.url}{path}?lang={lang}")
        text = page.evaluate(
            "() => { const m = document.querySelector('main').cloneNode(true);"
            " m.querySelectorAll('.iri, script').forEach((e) => e.remove()); return m.innerText; }"
        )
        assert codes.findall(text) == [], (path, codes.findall(text))
        assert problems == []
        page.close()
    page, _ = open_page(browser, f"{server.url}partnergraph/id/country/de?lang={lang}")
    assert "Wikidata Q183" in page.locator("main").inner_text()
    page.close()


def test_a_column_that_repeats_another_columns_links_is_not_shown(client):
    """events_on_topic gives each event and its title: the table linked the event by its title and showed
    the title again beside it; now only the link, while the CSV keeps both columns."""
    params = {"topic": "homelessness", "run": "1", "lang": "pl"}
    page = client.get("/queries/events_on_topic", params=params).text
    head = page[page.index("<thead>") : page.index("</thead>")]
    assert 'title="?event"' in head and 'title="?title"' not in head
    links = re.findall(r'<td data-label="Wydarzenie"><a [^>]*>([^<]+)</a>', page)
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get("/queries/events_on_topic", params={**params, "format": "csv"}).text.lstrip(
                    "\ufeff"
                )
            )
        )
    )
    assert links and sorted(map(html.unescape, links)) == sorted(row["title"] for row in rows)


def test_polish_alphabetical_order():

    polish = ["Włochy", "Łotwa", "Luksemburg", "Śląsk", "Szwecja", "Żary", "Źródło", "Zakopane", "Malta"]
    assert sorted(polish, key=lambda t: text_key(t, "pl")) == [
        "Luksemburg", "Łotwa", "Malta", "Szwecja", "Śląsk", "Włochy", "Zakopane", "Źródło", "Żary"
    ]  # fmt: skip
    assert sorted(["Zurich", "Zürich", "Łódź", "Lyon"], key=lambda t: text_key(t, "en")) == [
        "Łódź", "Lyon", "Zurich", "Zürich"
    ]  # fmt: skip


def test_lists_read_in_the_readers_alphabetical_order(client):
    """The saved queries by their title in the reader's language (were in their files' English order:
    'Partnerzy występujący razem' first), a saved query's topics by label (were by English id), the browse
    lists by name in Polish order."""

    page = client.get("/queries", params={"lang": "pl"}).text
    titles = [html.unescape(t) for t in re.findall(r'<li><a href="/queries/\w+[^"]*">([^<]+)</a>', page)]
    assert len(titles) >= 15 and titles == sorted(titles, key=lambda t: text_key(t, "pl"))
    assert titles.index("Państwa partnerskie według liczby wydarzeń") < titles.index(
        "Partnerzy występujący razem"
    )
    form = client.get("/queries/events_on_topic", params={"lang": "pl"}).text
    select = form[form.index('name="topic"') : form.index("</select>", form.index('name="topic"'))]
    topics = [html.unescape(t) for t in re.findall(r"<option[^>]*>([^<]+)</option>", select)]
    assert len(topics) > 5 and topics == sorted(topics, key=lambda t: text_key(t, "pl"))
    cities = client.get("/browse/cities", params={"lang": "pl", "sort": "name"}).text
    names = [
        html.unescape(n)
        for n in re.findall(r'<td[^>]*><a href="/partnergraph/id/city/[^"]*">([^<]+)</a>', cities)
    ]
    assert len(names) > 5 and names == sorted(names, key=lambda t: text_key(t, "pl"))


def test_the_dataset_page_gives_its_numbers_in_the_readers_locale(client):
    """Triples, IRIs, entities per class and dump sizes were written with English commas on a Polish page."""
    polish = client.get("/dataset", params={"lang": "pl"}).text
    english = client.get("/dataset", params={"lang": "en"}).text
    assert re.search(r"\d,\d{3}", polish) is None
    assert re.search(r"\d\u00a0\d{3} B", polish) and re.search(r"\d,\d{3} B", english)  # dump sizes


@pytest.mark.parametrize(
    "lang, names",
    [
        ("pl", {"państwo", "wydarzenie", "cytat ze źródła"}),
        ("en", {"country", "event", "quotation from a source"}),
    ],
)
def test_the_dataset_page_names_its_classes_in_the_readers_language(browser, server, lang, names):
    """Entities per class were listed as codes (pg:Country, oa:Annotation, owl:Class)."""
    page, problems = open_page(browser, server.url + f"dataset?lang={lang}")
    shown = page.locator("table td[data-label] a[title]").all_inner_texts()
    assert names <= set(shown) and len(shown) > 10
    assert [name for name in shown if re.fullmatch(r"\w+:\w+", name)] == []
    assert problems == []
    page.close()


def test_a_saved_querys_choices_read_as_words_not_ids(browser, server):
    """The Polish form hinted a topic by English ids ('homelessness, mental_health, ...') and asked for a
    field by property names ('involvesCity, startDate, subject') in a text box; now a list of fields by
    their labels, and the results name the field the same way."""
    page, problems = open_page(browser, server.url + "queries/events_on_topic?lang=pl")
    hint = page.inner_text("label[for=p-topic]")
    assert "homelessness" not in hint and "mental_health" not in hint and hint.startswith("temat")
    page.close()
    page, problems = open_page(browser, server.url + "queries/event_evidence?lang=pl")
    assert re.search(r"[a-z][A-Z]", page.inner_text("label[for=p-field]")) is None
    options = dict(
        zip(
            page.eval_on_selector_all("#p-field option", "os => os.map(o => o.value)"),
            page.locator("#p-field option").all_inner_texts(),
            strict=True,
        )
    )
    assert options["any"] == "dowolne pole" and options["involvesCity"] == "dotyczy miasta"
    assert options["startDate"] == "data rozpoczęcia"
    page.select_option("#p-field", "involvesCity")
    page.click("form.params button[type=submit]")
    page.wait_for_selector("table tbody tr")
    fields = page.locator("table tbody td[data-label=Pole]").all_inner_texts()
    assert fields and set(fields) == {"dotyczy miasta"}
    assert problems == []
    page.close()


@pytest.mark.parametrize(
    "path, country",
    [("partnergraph/id/country/de?lang=pl", "Germany"), ("partnergraph/id/city/helsinki-fi", None)],
)
def test_a_city_and_a_country_page_show_their_map(browser, server, client, path, country):
    """A city's page has a small map of the city, a country's of its partner cities (the issue's 'on city
    and country pages too'; they had coordinates in a table only), each circle a link to its city."""
    cities = client.get("/browse/cities", params={"format": "json", "lang": "en"}).json()
    with_events = [c for c in cities if c.get("events")]
    expected = (
        [c for c in with_events if c.get("country") == [country]] if country else [{"name": ["Helsinki"]}]
    )
    page, problems = open_page(browser, server.url + path)
    circles = page.locator("#viz-map svg a circle")
    assert len(expected) >= 1 and circles.count() == len(expected)
    assert page.locator("#viz-map h2").inner_text() == ("Na mapie" if country else "On the map")
    shapes = client.get(page.locator("#viz-map svg image").get_attribute("href"))  # the countries
    assert shapes.status_code == 200 and shapes.headers["content-type"].startswith("image/svg+xml")
    box = page.locator("#viz-map svg").bounding_box()
    for n in range(circles.count()):  # every circle inside the map as drawn
        b = circles.nth(n).bounding_box()
        assert box["x"] <= b["x"] and b["x"] + b["width"] <= box["x"] + box["width"]
        assert box["y"] <= b["y"] and b["y"] + b["height"] <= box["y"] + box["height"]
    titles = page.locator("#viz-map svg a circle title").all_text_contents()
    names = {n for c in expected for n in c["name"]} if not country else None
    assert names is None or [t.split(":")[0] for t in titles] == sorted(names)
    circles.first.click()
    page.wait_for_load_state()
    assert "/partnergraph/id/city/" in page.url
    assert problems == []
    page.close()


def test_the_names_language_of_a_saved_query_is_the_pages(browser, server):
    """A query's `lang` parameter (the language of the names it returns) was a choice of its own in the form
    ('język nazw miast (en lub pl)'), which the page's language overrode: it is the page's now."""
    page, problems = open_page(browser, server.url + "queries?lang=pl")
    item = page.locator("li", has=page.locator("a", has_text="Miasta partnerskie według liczby wydarzeń"))
    assert "do wyboru" not in item.inner_text() and "en lub pl" not in page.locator("main").inner_text()
    assert "do wyboru" in page.locator("li", has_text="Wydarzenia na dany temat").inner_text()
    page.click("a >> text=Miasta partnerskie według liczby wydarzeń")
    page.wait_for_load_state()
    assert page.locator("#p-lang").count() == 0 and page.locator("main h2", has_text="Parametry").count() == 0
    page.click("form.params button[type=submit]")
    page.wait_for_selector("table tbody tr")
    assert page.locator("html").get_attribute("lang") == "pl"
    assert page.locator("table tbody td a", has_text="Wiedeń").count() == 1
    assert problems == []
    page.close()


def test_a_citys_geometry_is_named_not_coded(browser, server):
    """A city's geometry was linked as 'pgid:city/helsinki-fi#geometry'."""
    page, problems = open_page(browser, server.url + "partnergraph/id/city/helsinki-fi?lang=pl")
    text = page.locator("main section.data").inner_text()  # with the page's data, below what readers read
    assert "pgid:" not in text and "Helsinki (geometria)" in text
    assert problems == []
    page.close()


def test_the_network_on_a_phone_has_every_filter_within_reach(browser, server):
    """At 390 px the filters were a box of a third of the screen that cut off its last controls (country,
    clear, legend). Now a button opens them (closed at first, the network in the first screen), every one
    is on the page in full, within its width, and works by touch and by keyboard; a node's details come
    up as a sheet over the bottom of the screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(server.url + "network?lang=pl")
    page.wait_for_selector("html[data-ready='1']", state="attached")
    toggle = page.locator("#pg-filters-toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert page.locator("#pg-country").is_hidden()
    graph = page.locator("#pg-graph").bounding_box()
    assert graph["y"] < 844 and graph["height"] >= 400  # the network in the first screen, and tall
    toggle.focus()  # by keyboard: the button opens the filters
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    controls = page.locator("#pg-controls")
    assert controls.evaluate("e => e.scrollHeight <= e.clientHeight + 1")  # nothing cut off inside a box
    total = int(page.get_attribute("#pg-count", "data-visible"))
    ids = ["pg-year-from", "pg-year-to", "pg-type", "pg-direction", "pg-topic", "pg-country", "pg-reset"]
    for name in ids:  # each one in full, within the screen's width, the one under a tap at its centre
        control = page.locator(f"#{name}")
        control.scroll_into_view_if_needed()
        box = control.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["height"] >= 24, (name, box)
        hit = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).id",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert hit == name, (name, hit)
    for name in ("pg-type", "pg-direction", "pg-topic", "pg-country"):
        page.locator(f"#{name}").tap()
        page.select_option(f"#{name}", index=1)
        page.wait_for_function("n => +document.querySelector('#pg-count').dataset.visible < n", arg=total)
        assert page.inner_text("#pg-filters-toggle").endswith("(1)")
        page.tap("#pg-reset")
        page.wait_for_function("n => +document.querySelector('#pg-count').dataset.visible === n", arg=total)
    page.fill("#pg-year-from", page.get_attribute("#pg-year-to", "max"))
    page.wait_for_function("n => +document.querySelector('#pg-count').dataset.visible < n", arg=total)
    page.tap("#pg-reset")
    for name in ("pg-zoom-in", "pg-zoom-out", "pg-fit"):
        scale = page.evaluate("pgNetwork.getScale()")
        page.tap(f"#{name}")
        assert page.evaluate("pgNetwork.getScale()") != scale or name == "pg-fit"
    with page.expect_download() as download:
        page.tap("#pg-png")
    assert download.value.suggested_filename.endswith(".png")
    page.fill("#pg-search", "Berlin")
    page.locator("#pg-results button").first.tap()
    sheet = page.locator("#pg-panel")
    sheet.wait_for(state="visible")
    box = sheet.bounding_box()
    assert box["x"] == 0 and box["width"] == 390 and box["y"] + box["height"] <= 844 + 1 and box["y"] > 300
    page.tap("#pg-panel-close")
    assert sheet.is_hidden()
    toggle.tap()
    assert toggle.get_attribute("aria-expanded") == "false" and page.locator("#pg-country").is_hidden()
    assert problems == []
    context.close()


@pytest.mark.parametrize("path", ["queries/events_on_topic?topic=homelessness&run=1", "browse/events"])
def test_a_tables_column_names_do_not_overlap_on_a_phone(browser, server, path):
    """At 390 px a table's rows are stacked, each value beside its column's name: a name of two lines
    ('Data rozpoczęcia') ran over the next value's ('Rodzaj'); now the value's cell grows to fit it."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{server.url}{path}&lang=pl" if "?" in path else f"{server.url}{path}?lang=pl")
    short = page.evaluate(
        """() => [...document.querySelectorAll('main td[data-label]')].filter((td) => {
             const name = getComputedStyle(td, '::before'), probe = document.createElement('div');
             probe.style.cssText = `position:absolute;visibility:hidden;width:${name.width};font:${name.font};`
               + 'overflow-wrap:anywhere';
             probe.textContent = td.dataset.label;
             document.body.append(probe);
             const needed = probe.getBoundingClientRect().height;
             probe.remove();
             return td.getBoundingClientRect().height + 1 < needed;
           }).map((td) => td.dataset.label)"""
    )
    assert page.locator("main td[data-label]").count() >= 12 and short == [], short
    page.close()


def test_a_saved_querys_form_asks_in_words_not_variable_names(browser, server):
    """The form's fields were labelled 'pierwszy rok (włącznie) year_from': the variable beside the words."""
    page, problems = open_page(browser, server.url + "queries/events_on_topic?lang=pl")
    labels = page.locator("form.params label").evaluate_all(
        "ls => ls.map((l) => [...l.childNodes].filter((n) => n.nodeName !== 'SELECT' && n.nodeName !== 'INPUT')"
        ".map((n) => n.textContent).join('').trim())"
    )
    assert labels == ["temat", "pierwszy rok (włącznie)", "ostatni rok (włącznie)"], labels
    assert problems == []
    page.close()


@pytest.mark.parametrize("lang, written", [("pl", "16 lis 2017"), ("en", "Nov 16, 2017")])
def test_the_networks_details_give_dates_as_the_other_pages_do(browser, server, lang, written):
    """A node's details gave '2017-11-16 – 2017-11-17'; the resource pages say '16 lis 2017'."""
    page, problems = open_page(browser, f"{server.url}network?lang={lang}")
    page.wait_for_selector("html[data-ready='1']", state="attached")
    page.fill("#pg-search", "Berlinie")
    page.locator("#pg-results button").first.click()
    dates = page.locator("#pg-panel dt", has_text="Daty" if lang == "pl" else "Dates").locator("+ dd")
    assert dates.inner_text().startswith(written + " – "), dates.inner_text()
    assert problems == []
    page.close()


@pytest.mark.parametrize("path", ["dumps/", "dataset"])
def test_file_sizes_read_in_kilobytes_and_megabytes(client, path):
    """The dumps' sizes were bytes ('1 524 006 B'); now '1,5 MB' in Polish, the bytes on hover."""
    page = client.get("/" + path, params={"lang": "pl"}).text
    sizes = re.findall(r'<td class="num" data-label="[^"]+" title="([\d\s\xa0]+) B">([^<]+)</td>', page)
    assert len(sizes) >= 4, page[:2000]
    for exact, shown in sizes:
        number, unit = shown.replace("\xa0", " ").split(" ")
        scale = {"B": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}[unit]
        assert re.fullmatch(r"\d{1,3}(,\d)?", number), shown
        assert abs(float(number.replace(",", ".")) * scale - int(re.sub(r"\D", "", exact))) <= scale / 10


def test_the_networks_controls_are_big_enough_to_hit(browser, server):
    """WCAG 2.2's 24 px target size: the network's filters and buttons were 19-21 px high at a desktop width."""
    page, problems = open_page(browser, server.url + "network?lang=en")
    page.wait_for_selector("html[data-ready='1']", state="attached")
    small = page.evaluate(
        "() => [...document.querySelectorAll('#pg-controls :is(input, select, button), #pg-zoom :is(button, a)')]"
        ".filter((e) => e.offsetParent && e.getBoundingClientRect().height < 24).map((e) => e.id)"
    )
    assert small == [], small
    assert problems == []
    page.close()


def test_the_saved_queries_say_what_they_are_for(browser, server):
    """The list of saved queries was a bare list: now a sentence says what they give, and where to ask
    one's own question."""
    page, problems = open_page(browser, server.url + "queries?lang=pl")
    lead = page.locator("main h1 + p.lead")
    assert "Gotowe pytania do danych" in lead.inner_text()
    lead.get_by_role("link", name="Własne pytania zadasz w edytorze SPARQL").click()
    page.wait_for_selector("#plain-query textarea")
    assert page.url.split("?")[0].endswith("/query")
    assert problems == []
    page.close()
