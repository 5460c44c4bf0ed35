"""A fifth set of probe pages of layouts not read before (another BIP vendor's page with an attachments table
and the statutory publication block as paragraphs, a gov.pl page with a collapsible record card, a project page
whose account is in tabs and an accordion, an AMP news page, a WordPress post behind a cookie wall with comments,
a site-builder page with no semantic tags, a Polish-Ukrainian page, a server-rendered JavaScript page, a very
short news list), written with gold by ../shared/eval/GOLD-CONVENTIONS.md before the rules below; its floors are
in tests/data/probe-floors.toml."""

from __future__ import annotations

import pytest
from conftest import DATA, extract_events

from partnergraph.sources._html import html_to_text, main_text, marked_headline

BODY = (
    "W dniach 4–6 maja 2016 r. gościliśmy grupę pracowników socjalnych z Bremy. Goście poznali pracę "
    "Ośrodka Interwencji Kryzysowej i Klubu Integracji Społecznej, a najwięcej pytań dotyczyło pomocy osobom "
    "bezdomnym w okresie zimowym. Grupie przewodniczyła Anke Müller, kierownik działu pomocy społecznej urzędu "
    "miasta. Dyrektor Ośrodka zaprosiła partnerów na przyszłoroczną konferencję o pracy socjalnej z rodziną."
)
HEADLINE = "Goście z Bremy w Przykładowie"
SITE = "Ośrodek Pomocy Społecznej w Przykładowie"
FOOTER = f"<footer><p>{SITE}, ul. Polna 1</p></footer>"


def page(body: str, title: str = f"BIP - {SITE}", head: str = "") -> str:
    return f"<html><head><title>{title}</title>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    "header",
    [
        f'<div class="page-header"><h2>{HEADLINE}</h2></div>',  # Joomla's, another BIP vendor's
        f'<article><header class="entry-header"><h1>{HEADLINE}</h1></header><p>{BODY}</p></article>',
        f"<article><header><h1>{HEADLINE}</h1></header><p>{BODY}</p></article>",  # HTML5's own
    ],
    ids=["page-header", "entry-header", "header-in-article"],
)
def test_an_articles_own_header_is_text_and_the_sites_header_is_not(header):
    html = page(f"<header><h1>{SITE}</h1></header><div id='tresc'>{header}<p>{BODY}</p></div>{FOOTER}")
    lines = [x for x in html_to_text(html).split("\n") if x]
    assert lines[0] == HEADLINE and SITE not in lines[0]


ATTACHMENTS = (
    "<h3>Załączniki</h3><table><tr><th>Nazwa pliku</th><th>Rozmiar</th><th>Pobrań</th></tr>"
    "<tr><td><a href='/p.pdf'>Program wizyty (PDF)</a></td><td>182 KB</td><td>37</td></tr>"
    "<tr><td><a href='/s.pdf'>Sprawozdanie z wyjazdu do Rygi 2015</a></td><td>1,2 MB</td><td>21</td></tr></table>"
)
VISITS = (
    "<table><tr><th>Termin</th><th>Goście</th></tr><tr><td>21 kwietnia</td><td>Delegacja z Bremy</td></tr>"
    "<tr><td>6 października</td><td>Studenci z Rygi</td></tr></table>"
)


@pytest.mark.parametrize("read", [html_to_text, main_text], ids=["own-cut", "trafilatura"])
def test_a_table_of_attachments_is_no_text_and_a_table_of_visits_is(read):
    html = page(f"<main><h1>{HEADLINE}</h1><p>{BODY}</p><p>{BODY}</p>{ATTACHMENTS}{VISITS}</main>", HEADLINE)
    text = read(html)
    assert "Anke Müller" in text and "Delegacja z Bremy" in text
    assert "KB" not in text and "Rygi 2015" not in text


@pytest.mark.parametrize(
    ("card", "read"),
    [
        (
            "<p>Osoba, która wytworzyła informację: Jan Kowalczyk</p><p>Osoba, która wprowadziła informację: "
            "Jan Kowalczyk</p><p>Data udostępnienia: 16.05.2016 09:41</p>",
            html_to_text,
        ),
        (
            "<details><summary>Metryka</summary><p>Wytworzył: Jan Kowalczyk</p></details>",
            main_text,
        ),
        (
            "<dl><dt>Wytworzył</dt><dd>Wydział Spraw Społecznych</dd><dt>Opublikowane przez</dt>"
            "<dd>Jan Kowalczyk</dd></dl>",
            main_text,
        ),
    ],
    ids=["statutory-paragraphs", "collapsible-metryka", "definition-list"],
)
def test_a_record_card_of_paragraphs_details_or_a_definition_list_is_no_text(card, read):
    html = page(f"<main><h1>{HEADLINE}</h1><p>{BODY}</p><p>{BODY}</p>{card}</main>", HEADLINE)
    text = read(html)
    assert "Anke Müller" in text and "Kowalczyk" not in text


def test_one_labelled_line_is_no_record_card():
    html = page(f"<div id='tresc'><h2>{HEADLINE}</h2><p>Autor: Jan Kowalczyk</p><p>{BODY}</p></div>")
    assert "Autor: Jan Kowalczyk" in html_to_text(html)


@pytest.mark.parametrize(
    ("title", "head", "body", "headline"),
    [
        # an og:title that is the whole <title>: the part the page shows as its headline
        (
            "",
            f'<meta property="og:title" content="{HEADLINE} | {SITE}">',
            f"<p><span>{HEADLINE}</span></p>",
            HEADLINE,
        ),
        # a headline that itself holds a dash, shown whole
        (
            "",
            '<meta property="og:title" content="Kraków - Brema: rok współpracy">',
            "<h1>Kraków - Brema: rok współpracy</h1>",
            "Kraków - Brema: rok współpracy",
        ),
        # no headline marked, the site's name in the <h1>: the <title>'s part that is a heading of the page
        (
            f"Wizyty w 2015 roku - Współpraca - {SITE}",
            "",
            f"<h1>{SITE}</h1><h2>Wizyty w 2015 roku</h2>{FOOTER}",
            "Wizyty w 2015 roku",
        ),
    ],
    ids=["og-title-with-site", "dash-in-headline", "title-part-as-heading"],
)
def test_the_headline_is_the_part_of_a_title_the_page_shows(title, head, body, headline):
    assert marked_headline(page(body, title, head)) == headline


def test_add_reads_the_headline_of_a_title_that_names_the_section_and_the_site():
    from partnergraph.sources.bulletin import read_bulletin

    html = (DATA / "extract-probe4" / "liferay-tabela-olsztyn-2015.html").read_text(encoding="utf-8")
    assert read_bulletin(html).title == "Współpraca zagraniczna w 2015 roku"


def test_the_titles_headline_written_with_an_entity_is_not_set_over_the_text_again(tmp_path):
    from partnergraph.sources.reading import page_title, read_page

    html = page(f"<main><h1>{HEADLINE}</h1><p>{BODY}</p><p>{BODY}</p></main>", f"{HEADLINE} &#8211; {SITE}")
    assert page_title(html) == HEADLINE
    path = tmp_path / "p.html"
    path.write_text(html, encoding="utf-8")
    lines = [x for x in read_page(path).text.split("\n") if x]
    assert lines[0] == HEADLINE and lines[1].startswith("W dniach 4–6 maja")


def test_a_news_lists_date_beside_an_items_title_goes_over_it(registries):
    """A short news list whose items open with a linked title and the date after it: the date is no part of
    the title (the list read as a list whose items carry their date first)."""
    items = "".join(
        f"<li><a href='/{n}'><strong>{t}</strong></a> <em>({d})</em><br>{x}</li>"
        for n, (t, d, x) in enumerate(
            [
                (
                    "Wizyta studentów z Rygi",
                    "12.05.2016",
                    "10 maja gościliśmy studentów pracy socjalnej z Rygi.",
                ),
                ("Festyn rodzinny", "03.05.2016", "Dziękujemy wszystkim za wspólną zabawę."),
            ]
        )
    )
    html = page(f"<div id='srodek'><h2>Aktualności</h2><ul>{items}</ul></div>", f"Aktualności - {SITE}")
    lines = [x.lstrip("- ") for x in main_text(html).split("\n")]
    assert lines[lines.index("Wizyta studentów z Rygi") - 1] == "12.05.2016"
    events = extract_events(main_text(html), registries, year=2016, home=SITE, home_city="Przykładowo")
    assert [e["title"] for e in events] == ["Wizyta studentów z Rygi"]


def test_a_pages_foot_with_its_copyright_line_is_no_text_where_no_footer_marks_it():
    foot = (
        "<div class='strip'><p>Projekt współfinansowany przez Komisję Europejską.</p>"
        "<p>© 2016 Przykładowe Stowarzyszenie</p></div>"
    )
    figure = "<figure><img src='a.jpg'><figcaption>© 2016 Jan Fotograf</figcaption></figure>"
    html = page(
        f"<div class='col'><h1>{HEADLINE}</h1>{figure}<p>{BODY}</p><p>{BODY}</p></div>{foot}", HEADLINE
    )
    text = main_text(html)
    assert "Anke Müller" in text and "Komisj" not in text
