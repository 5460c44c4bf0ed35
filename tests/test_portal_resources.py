"""Resource pages for readers (issue 13): an event's identifier is no row of its properties but a line with
the page's permanent address; a quotation's page and its parts name one another by their words, source page
and place, not by IRIs. A real `serve` on the seed build, read in headless Chromium in Polish and English."""

from __future__ import annotations

import re

import pytest
from test_web import open_page

EVENT = "https://w3id.org/partnergraph/id/event/bip-83616/wizyta-grupy-z-holandii-w-miejskim-osrodku-pomocy"
WORDS = {  # the identifier's line and row, a quotation's title, its words, its place
    "pl": ("Identyfikator", "identyfikator", "Cytat „{}”", "„{}”", "znaki"),
    "en": ("Identifier", "identifier", "Quote “{}”", "“{}”", "characters"),
}


def local(iri: str) -> str:
    return "partnergraph/" + iri.split("/partnergraph/", 1)[1]


def main_text_without_iri(page) -> str:
    return page.evaluate(
        "() => { const m = document.querySelector('main').cloneNode(true);"
        " m.querySelectorAll('.iri').forEach((e) => e.remove()); return m.innerText; }"
    )


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_an_events_identifier_is_a_line_beside_its_permanent_address(browser, server, lang):
    line, row, *_rest = WORDS[lang]
    page, problems = open_page(browser, f"{server.url}{local(EVENT)}?lang={lang}")
    rows = [t.strip() for t in page.locator("table.properties > tbody > tr > th").all_inner_texts()]
    assert rows and row not in rows  # was a row 'identifier: bip-83616/wizyta-grupy-...'
    assert "bip-83616/" not in main_text_without_iri(page)
    lines = page.locator("section.data p.iri").all_inner_texts()
    assert f"{line}: bip-83616/wizyta-grupy-z-holandii-w-miejskim-osrodku-pomocy" in lines
    address = page.locator("section.data a[rel=bookmark]")
    assert address.get_attribute("href") == EVENT and address.inner_text().replace("\n", "") == EVENT
    assert problems == []
    page.close()


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_a_quotations_page_names_its_parts_by_words_source_and_place(browser, server, seed_store, lang):
    _line, _row, title, words, chars = WORDS[lang]
    _settings, store = seed_store
    found = store.select(
        "PREFIX oa: <http://www.w3.org/ns/oa#> SELECT ?a ?exact ?start ?end ?title WHERE { "
        "?a oa:hasTarget ?t . ?t oa:hasSource ?s ; oa:hasSelector ?q, ?p . ?q oa:exact ?exact . "
        "?p oa:start ?start ; oa:end ?end . ?s <http://purl.org/dc/terms/title> ?title "
        "FILTER(LANG(?title) = 'pl') } ORDER BY ?a LIMIT 1"
    ).rows[0]
    page, problems = open_page(browser, f"{server.url}{local(str(found['a']))}?lang={lang}")
    place = f"{chars} {found['start']}–{found['end']}"
    assert page.locator("h1").inner_text() == title.format(found["exact"])
    parts = page.locator("section.data h3").all_inner_texts()
    assert parts[0] == f"{found['title']}, {place}"  # the passage first, then its place and words
    assert sorted(parts[1:]) == sorted([place, words.format(found["exact"])])
    text = main_text_without_iri(page)
    assert not re.search(r"pgid:|evidence/|#(target|quote|position)\b", text), text
    # the passage's selectors link to their parts of the page by those names
    links = page.locator("section.data td a[href*='#']").all_inner_texts()
    assert sorted(links) == sorted(parts[1:])
    assert problems == []
    page.close()
