"""A ninth set of probe pages of layouts not read before (a table of events whose descriptions are long
paragraphs, a project site giving each event's facts in a table of row headers, a short WordPress post with a
gallery and a captioned image, a custom CMS's news list of plain divs with 'dodano:' dates, a post whose account
is an embedded Facebook post), written with gold by ../shared/eval/GOLD-CONVENTIONS.md before the rules below;
its floors are in tests/data/probe-floors.toml."""

from __future__ import annotations

import pytest
from conftest import extract_events

from partnergraph.sources._html import html_to_text, main_text, read_html

LONG = (
    "Wizyta studyjna delegacji urzędu miasta partnerskiego. Goście zapoznali się z funkcjonowaniem systemu "
    "wsparcia osób w kryzysie bezdomności, w tym z pracą streetworkerów, noclegowni i mieszkań treningowych "
    "prowadzonych przez organizacje pozarządowe na zlecenie Ośrodka. Delegacji przewodniczył kierownik wydziału "
    "pomocy społecznej, a wizyta była kontynuacją współpracy rozpoczętej dwa lata wcześniej w Kilonii."
)
INTRO = (
    "Projekt realizuje Ośrodek wraz z partnerami z Austrii i Słowacji; poniżej jego wydarzenia w 2018 roku."
)


def page(body: str, title: str = "Współpraca - Ośrodek Pomocy Społecznej") -> str:
    return f"<html><head><title>{title}</title></head><body><main><h1>Współpraca</h1><p>{INTRO}</p>{body}</main></body></html>"


@pytest.mark.parametrize("read", [html_to_text, main_text], ids=["own-cut", "trafilatura"])
def test_a_table_whose_header_row_names_its_columns_is_read_by_rows_also_with_long_cells(read):
    table = (
        "<table><tr><th>Termin</th><th>Partner</th><th>Opis</th></tr>"
        f"<tr><td>15–17 marca 2017</td><td>Kiel (Niemcy)</td><td>{LONG}</td></tr></table>"
    )
    assert len(LONG) > 400
    assert f"15–17 marca 2017 | Kiel (Niemcy) | {LONG}" in read(page(table))


@pytest.mark.parametrize("read", [html_to_text, main_text], ids=["own-cut", "trafilatura"])
def test_a_card_of_an_events_facts_is_read_as_labelled_lines(read):
    card = (
        "<h2>Spotkanie partnerów w Grazu</h2><table><tr><th scope='row'>Termin</th><td>12–13 kwietnia 2018</td>"
        "</tr><tr><th scope='row'>Miejsce</th><td>Graz (Austria)</td></tr></table><p>Partnerzy omówili postępy "
        "w przygotowaniu programu szkoleń dla opiekunów osób starszych.</p>"
    )
    lines = read(page(card)).split("\n")
    assert "Termin: 12–13 kwietnia 2018" in lines and "Miejsce: Graz (Austria)" in lines


def test_a_short_article_that_trafilatura_runs_on_in_one_line_keeps_its_paragraphs():
    """For a short article trafilatura falls back to all its text in one line (headline, date, caption and
    all): the own cut's paragraphs are read instead."""
    html = (
        "<html><head><title>Goście z Lwowa</title></head><body><main><article><h1>Goście z Lwowa w Lublinie</h1>"
        "<span>3 kwietnia 2019</span><p>W dniach 1–2 kwietnia 2019 r. gościliśmy pracowników centrum usług "
        "społecznych ze Lwowa, którzy poznali pracę asystentów rodziny.</p><figure><img src='a.jpg'><figcaption>"
        "Spotkanie z asystentami rodziny.</figcaption></figure></article></main></body></html>"
    )
    lines = [x for x in read_html(html)[0].split("\n") if x]
    assert lines[0] == "Goście z Lwowa w Lublinie" and len(lines) >= 3


def test_news_items_dated_by_when_they_were_added_are_events_of_their_own(registries):
    """A custom CMS's news list: each title a plain div over a 'dodano: 2016-06-20' line (when the item was
    added, lower-case: no paragraph run on into the next line) and its text."""
    items = [
        (
            "Goście z Popradu",
            "2016-06-20",
            "W dniach 14–15 czerwca 2016 r. gościliśmy pracowników Mestský úrad Poprad. Goście poznali pracę Klubu Seniora.",
        ),
        ("Zmiana godzin pracy kasy", "2016-06-01", "Od 1 lipca kasa Ośrodka czynna będzie w godzinach 8–13."),
        (
            "Konferencja w Kieżmarku",
            "2016-05-12",
            "W dniu 10 maja 2016 r. dwie pracownice Ośrodka wzięły udział w konferencji o przeciwdziałaniu "
            "przemocy w rodzinie w Kieżmarku.",
        ),
    ]
    body = "".join(
        f"<div class='news'><div class='news-tytul'>{t}</div><div class='news-data'>dodano: {d}</div>"
        f"<div class='news-tresc'>{x}</div></div>"
        for t, d, x in items
    )
    html = f"<html><head><title>Ośrodek :: Aktualności</title></head><body><div id='srodek'>{body}</div></body></html>"
    events = extract_events(main_text(html), registries, home="Ośrodek", home_city="Zakopane")
    assert [(e["title"], e["start"]) for e in events] == [
        ("Goście z Popradu", "2016-06-14"),
        ("Konferencja w Kieżmarku", "2016-05-10"),
    ]
