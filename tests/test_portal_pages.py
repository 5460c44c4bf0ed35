"""The resource pages and the saved queries' pages (web/pages.py and their templates) as a reader meets
them in headless Chromium: hostile labels stay text, every kind of resource reads in order, in Polish and
English, on a phone and on a desktop."""

from __future__ import annotations

import re

import pytest
from chromium import axe_violations
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from test_web import open_page

from partnergraph import iris
from partnergraph.query.saved import Parameter, SavedQuery
from partnergraph.web._html import Linker
from partnergraph.web._pool import Answer
from partnergraph.web.collate import text_key
from partnergraph.web.describe import Description, Evidence
from partnergraph.web.pages import render_query_page, render_resource, render_results

SERVE_OPTIONS = ("--workers", "1")  # for the conftest `server` fixture
PG = str(iris.DEF)
HOSTILE = [
    '<img src=x onerror="window.pwned=1">',
    "<script>window.pwned=2</script>",
    '"><svg onload="window.pwned=3">',
]


def assert_inert(browser, html: str) -> None:
    """The page drawn in Chromium runs none of the hostile values and shows each as its text."""
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.set_content(html)
    assert page.evaluate("window.pwned") is None and dialogs == []
    assert page.locator("main img[src=x], main svg[onload], main script").count() == 0
    text = page.inner_text("main")
    assert all(h in text for h in HOSTILE[:2]), text[:500]
    page.close()


def test_hostile_labels_quotes_and_values_stay_text(browser):
    city, event = URIRef(iris.BASE + "id/city/x-de"), URIRef(iris.BASE + "id/event/x")
    a, b, c = HOSTILE
    desc = Description(
        iri=city,
        triples=[
            (city, RDF.type, URIRef(PG + "City")),
            (city, RDFS.label, Literal(a, lang="en")),
            (city, URIRef(PG + "note"), Literal(b)),
            (city, URIRef(PG + "sectionText"), Literal(b + "\n\n" + c, lang="pl")),
        ],
        inverse=[(event, URIRef(PG + "involvesCity"))],
        mentions=[Evidence(field=URIRef(PG + "involvesCity"), value=city, quote=b, event=event)],
        labels={city: {"en": a}, event: {"en": b}, URIRef(PG + "note"): {"en": c}},
        described={str(event)},
        dates={event: "2020-01-02"},
    )
    for lang in ("en", "pl"):
        assert_inert(browser, render_resource(desc, lang, Linker(lang=lang), "?lang=x"))

    saved = SavedQuery(
        name="hostile",
        path=None,
        text=f"SELECT * WHERE {{ ?s ?p '{b}' }}",
        title=a,
        description=b,
        parameters={"country": Parameter(name="country", type="country", default=c, description=a)},
    )
    answer = Answer(
        "select",
        variables=["thing", "name", "n"],
        rows=[{"thing": event, "name": Literal(a, lang="en"), "n": Literal(b, datatype=XSD.string)}],
    )
    table = render_results(answer, "en", Linker(), {event: {"en": b}}, {a: b}, {"name": c})
    page = render_query_page(saved, {"country": [(c, a)]}, {"country": b}, "en", Linker(), table, error=a)
    assert_inert(browser, page)


# --- every kind of resource as a reader meets it ------------------------------------------------------------

KINDS = ("event", "organisation", "person", "city", "country", "project", "programme", "unit", "topic")
CODES = re.compile(r"\b[a-z]+:[A-Za-z]\w+|https?://|@(?:pl|en)\b")
READER_TEXT = (  # the page as a reader reads it: without its data section (IRI, RDF formats) and scripts
    "() => { const m = document.querySelector('main').cloneNode(true);"
    " m.querySelectorAll('section.data, script').forEach((e) => e.remove()); return m.innerText; }"
)


@pytest.fixture(scope="module")
def kind_pages(seed_store) -> dict[str, str]:
    """kind -> the path of the resource of that kind most linked to in the seed graph."""
    _settings, store = seed_store
    rows = store.select(
        "SELECT ?s (COUNT(?x) AS ?n) WHERE { ?x ?p ?s FILTER(isIRI(?s) && "
        f"(STRSTARTS(STR(?s), '{iris.ID}') || STRSTARTS(STR(?s), '{iris.DEF}topic/'))) }} GROUP BY ?s"
    ).rows
    best: dict[str, tuple] = {}
    for row in rows:
        iri = str(row["s"])
        kind = "topic" if iri.startswith(str(iris.DEF)) else iri[len(str(iris.ID)) :].split("/", 1)[0]
        if kind in KINDS and (-int(row["n"]), iri) < best.get(kind, (1, "")):
            best[kind] = (-int(row["n"]), iri)
    assert set(best) == set(KINDS), set(KINDS) - set(best)
    return {kind: "partnergraph/" + iri.split("/partnergraph/", 1)[1] for kind, (_n, iri) in best.items()}


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["pl", "en"])
def test_every_kind_of_resource_reads_without_codes_or_scrolling(browser, server, kind_pages, lang, width):
    """An event, an organisation, a person, a city, a country, a project, a programme, a MOPS unit and a
    topic: names, not CURIEs (a topic showed skos:topConceptOf), the type under the title and not again in
    the table, the links to it newest first with their dates, its IRI and RDF formats last; no sideways
    scrolling."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    for kind, path in kind_pages.items():
        page.goto(f"{server.url}{path}?lang={lang}")
        text = page.evaluate(READER_TEXT)
        assert CODES.findall(text) == [], (kind, CODES.findall(text))
        assert page.evaluate("document.documentElement.scrollWidth") <= width, kind
        assert page.locator("main > :last-child").evaluate("e => e.matches('section.data')"), kind
        address = 'a[rel="bookmark"]'  # the IRI once, in the data section (an identifier line may follow it)
        assert (
            page.locator(f"section.data {address}").count() == 1
            and page.locator(f"main {address}").count() == 1
        )
        headers = page.locator("table.properties th").all_inner_texts()
        assert headers and {"type", "rodzaj", "label", "etykieta"}.isdisjoint(headers), (kind, headers)
        for group in page.locator("ul.inbound").all():
            dates = group.locator(":scope > li > time").evaluate_all("ts => ts.map((t) => t.dateTime)")
            assert dates == sorted(dates, reverse=True), kind
            assert all(t.strip() for t in group.locator(":scope > li > time").all_inner_texts())
    page.close()


def order_of(page, selectors: list[str]) -> list[int]:
    """Where each selector's first element is in the page's order of elements."""
    return page.evaluate(
        "(sels) => { const all = [...document.querySelectorAll('main *')];"
        " return sels.map((s) => all.indexOf(document.querySelector(s))); }",
        selectors,
    )


@pytest.mark.parametrize(
    "lang, names", [("pl", ["położone w", "Współrzędne"]), ("en", ["in", "Coordinates"])]
)
def test_a_city_reads_name_country_coordinates_map_then_events_by_date(browser, server, lang, names):
    """Berlin's page listed geometry, GeoNames id, in, label, latitude, longitude, same as (by label), the
    coordinates twice, its map below its geometry's table and its one event twice (as 'location' and as
    'involves city')."""
    page, problems = open_page(browser, f"{server.url}partnergraph/id/city/berlin-de?lang={lang}")
    headers = page.locator("table.properties th").all_inner_texts()
    assert headers[:2] == names and len(headers) == len(set(headers)), headers
    coordinates = page.locator("table.properties tr", has_text=names[1]).locator("a")
    assert coordinates.inner_text() == (
        "52,52437° N, 13,41053° E" if lang == "pl" else "52.52437° N, 13.41053° E"
    )
    assert "openstreetmap.org" in coordinates.get_attribute("href")
    positions = order_of(page, ["table.properties", "#viz-map", "ul.inbound", "section.data"])
    assert -1 not in positions and positions == sorted(positions), positions
    events = page.locator("ul.inbound").first.locator(":scope > li > a")
    links = events.evaluate_all("as => as.map((a) => a.href)")
    assert links and len(links) == len(set(links))
    assert page.locator("h3", has_text="Wydarzenia" if lang == "pl" else "Events").count() == 1
    assert problems == []
    page.close()


def test_an_event_reads_title_dates_type_direction_place_who_projects_topics(browser, server, kind_pages):
    """An event's rows: its title, dates, type, direction, location, organisations, persons, projects, topics,
    then the rest (the type 'event' was its first row, its title's label near the end)."""
    page, problems = open_page(browser, f"{server.url}{kind_pages['event']}?lang=en")
    headers = page.locator("table.properties th").all_inner_texts()
    order = [
        "name",
        "start date",
        "end date",
        "event type",
        "direction",
        "location",
        "involves organisation",
        "involves MOPS unit",
        "involves person",
        "part of project",
        "topic",
        "derived from",
    ]
    shown = [h for h in headers if h in order]
    assert shown == [h for h in order if h in shown] and len(shown) >= 7, headers
    assert headers[0] == "name" and "type" not in headers and "label" not in headers
    assert problems == []
    page.close()


@pytest.mark.parametrize(
    "lang, groups",
    [("pl", ["Wydarzenia", "Organizacje", "Miasta"]), ("en", ["Events", "Organisations", "Cities"])],
)
def test_links_to_a_country_are_grouped_by_kind(browser, server, lang, groups):
    """Germany's page grouped the links to it by property ('involves country', 'based in', 'in'): now by what
    links there, events first (newest first, dated), then organisations and cities by name."""
    page, problems = open_page(browser, f"{server.url}partnergraph/id/country/de?lang={lang}")
    headings = [h.split(" (")[0] for h in page.locator("main h3:not([id])").all_inner_texts()]
    assert headings == groups, headings
    lists = page.locator("ul.inbound").all()
    assert lists[0].locator(":scope > li > time").count() == lists[0].locator(":scope > li").count() >= 3
    cities = lists[2].locator(":scope > li > a").all_inner_texts()
    assert cities == sorted(cities, key=lambda name: text_key(name, lang)) and len(cities) >= 3
    assert problems == []
    page.close()


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_axe_finds_no_serious_violation_on_any_kind_of_resource(browser, server, kind_pages, lang):
    """axe-core on the page of each kind of resource (the CSP bypassed only to inject axe)."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    for kind, path in kind_pages.items():
        page.goto(f"{server.url}{path}?lang={lang}")
        page.wait_for_load_state("networkidle")
        assert axe_violations(page) == [], kind
    context.close()


@pytest.mark.parametrize("name", ["topics_by_country", "topics_ranked"])
@pytest.mark.parametrize("lang", ["pl", "en"])
def test_a_saved_querys_table_shows_each_topic_once(browser, server, client, name, lang):
    """A row of topics_by_country and topics_ranked names its topic once, in the reader's language (its
    code's label and its name in that language stood side by side: "bezdomność | bezdomność"); the rows are
    the download's, one a topic, the other cells as they were."""
    download = client.get(f"/queries/{name}", params={"lang": lang, "format": "json"}).json()
    answers = [{k: v["value"] for k, v in b.items()} for b in download["results"]["bindings"]]
    page, problems = open_page(browser, server.url + f"queries/{name}?lang={lang}&run=1")
    header = page.locator("main table th").all_inner_texts()
    rows = [
        [cell.strip() for cell in row.locator("td").all_inner_texts()]
        for row in page.locator("main table tbody tr").all()
    ]
    assert len(header) == len(download["head"]["vars"]) - 1  # the names' column left out
    assert len(rows) == len(answers) > 0
    for row, answer in zip(rows, answers, strict=True):
        assert row.count(answer["topic_name"]) == 1, row  # the name, in `lang`, shown once
        assert answer["events"] in row
    shown_codes = page.eval_on_selector_all("main table td span[title]", "els => els.map(e => e.title)")
    assert {a["topic"] for a in answers} <= set(shown_codes)  # each name keeps its code for a hover
    assert problems == []
    page.close()
