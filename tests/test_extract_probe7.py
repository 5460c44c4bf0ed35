"""A seventh set of probe pages of layouts not read before (a year's events as rows of a table whose partner
cell spans two rows, a news item's print view, a JavaScript application's page whose article is only in its
JSON-LD, a Joomla article whose account is in attached files, a page of a Drupal news list, the city portal's
own class names with related news, a 2009 page in ISO-8859-2 headed by bold paragraphs), written with gold by
../shared/eval/GOLD-CONVENTIONS.md before the rules below; its floors are in tests/data/probe-floors.toml."""

from __future__ import annotations

import pytest
from conftest import extract_events

from partnergraph.sources._html import html_to_text, main_text, read_html, spread_rowspans

INTRO = (
    "Poniżej przedstawiamy zestawienie spotkań i wizyt z udziałem partnerów zagranicznych Ośrodka w 2018 "
    "roku, przygotowane na podstawie sprawozdań pracowników."
)
VISIT = (
    "W dniach 8–9 listopada 2016 r. gościliśmy przedstawicieli wydziału usług dla osób starszych miasta "
    "Tampere. Goście poznali pracę dziennych domów pomocy…"
)
TRIP = (
    "Dwie pracownice Ośrodka uczestniczyły 13 października 2016 r. w międzynarodowym seminarium w Wiedniu "
    "poświęconym aktywizacji zawodowej osób długotrwale bezrobotnych…"
)


def page(body: str, title: str = "Współpraca zagraniczna - Ośrodek Pomocy Społecznej") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def test_a_cell_spanning_rows_stands_in_each_row_it_spans_at_its_column():
    rows = [["a", "P", "x"], ["b", "y"], ["c", "Q", "z"]]
    spans = [[1, 2, 1], [1, 1], [1, 1, 1]]
    read = [[cell for cell, _ in row] for row in spread_rowspans(rows, spans)]
    assert read == [["a", "P", "x"], ["b", "P", "y"], ["c", "Q", "z"]]
    assert [repeat for _, repeat in spread_rowspans(rows, spans)[1]] == [False, True, False]


@pytest.mark.parametrize("read", [html_to_text, main_text], ids=["own-cut", "trafilatura"])
def test_a_tables_row_reads_with_the_partner_cell_spanning_it(read):
    table = (
        "<table><thead><tr><th>Termin</th><th>Partner</th><th>Przebieg</th></tr></thead><tbody>"
        "<tr><td>12.04.2018</td><td rowspan='2'>Lwowska Rada Miejska (Ukraina)</td><td>Wizyta studyjna "
        "urzędników; goście poznali pracę asystentów rodziny.</td></tr>"
        "<tr><td>20–21.09.2018</td><td>Rewizyta: pracownicy Ośrodka poznali we Lwowie pracę domów dziennych.</td>"
        "</tr></tbody></table>"
    )
    text = read(page(f"<main><h1>Współpraca zagraniczna w 2018 roku</h1><p>{INTRO}</p>{table}</main>"))
    assert "20–21.09.2018 | Lwowska Rada Miejska (Ukraina) | Rewizyta:" in text


NEWS_LIST = (
    "<div id='content'><h1>Aktualności</h1><div class='view-content'>"
    + "".join(
        f"<div class='views-row'><div class='views-field-title'><h2><a href='/{k}'>{title}</a></h2></div>"
        f"<div class='views-field-created'><span>{date}</span></div><div class='views-field-body'><p>{text}</p>"
        f"</div><div><a href='/{k}'>Czytaj więcej</a></div></div>"
        for k, (title, date, text) in enumerate(
            [("Delegacja z Tampere", "14.11.2016", VISIT), ("Seminarium w Wiedniu", "20.10.2016", TRIP)]
        )
    )
    + "</div><ul class='pager'><li>1</li><li><a href='?page=1'>2</a></li></ul></div>"
    + "<footer><p>Ośrodek Pomocy Społecznej, ul. Polna 1</p></footer>"
)


def test_a_news_lists_item_titles_stand_over_their_teasers_and_its_page_number_is_no_headline():
    """A list item's title alone in a wrapper of its own (a date under it) is put back over its teaser, which
    trafilatura kept without it; "Strona 2" of the <title> is the list's page, not a headline."""
    text, headline = read_html(page(NEWS_LIST, "Aktualności | Strona 2 | Ośrodek Pomocy Społecznej"))
    lines = [x for x in text.split("\n") if x]
    assert lines[lines.index("Delegacja z Tampere") + 1] == VISIT
    assert "Strona 2" not in text and headline != "Strona 2"


def test_bold_paragraph_headings_under_an_introduction_ending_with_a_colon_head_events_of_their_own(
    registries,
):
    """trafilatura runs a page's paragraphs on; a paragraph all in bold opens a block of its own, so the
    sections under an introduction that ends with a colon are no list of that introduction; and the <title>'s
    part that the page shows as a line ("Site - Headline") is its headline: the site's name is not set over it."""
    body = (
        "<div id='tresc'><p><font size='4'><b>Współpraca z Nadrenią-Palatynatem</b></font></p><p>Województwo od "
        "2001 roku współpracuje z krajem związkowym Nadrenia-Palatynat. W 2016 roku Ośrodek zrealizował w ramach "
        "tej współpracy następujące przedsięwzięcia:</p><p><b>Wizyta delegacji z Moguncji</b></p><p>W dniach "
        "22–24 kwietnia 2016 r. Ośrodek gościł delegację ministerstwa spraw społecznych z Moguncji.</p>"
        "<p><font><b>Seminarium w Wiedniu</b></font></p><p>W dniu 17 września 2016 r. dyrektor Ośrodka wzięła "
        "udział w międzynarodowym seminarium w Wiedniu.</p></div>"
    )
    text = main_text(page(body, "ROPS Przykładowo - Współpraca z Nadrenią-Palatynatem"))
    assert not text.startswith("ROPS Przykładowo")
    events = extract_events(text, registries, year=2016, home="Ośrodek", home_city="Opole")
    assert [e["title"] for e in events] == ["Wizyta delegacji z Moguncji", "Seminarium w Wiedniu"]
