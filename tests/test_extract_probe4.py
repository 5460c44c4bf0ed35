"""A fourth set of probe pages of CMS layouts not read before (a Joomla article, a Drupal city-portal node,
another vendor's BIP page with its record card in a table, an EU-projects portal item with a project card, a
bilingual project-network page, a news portal with ads and 'Czytaj też' links, a Liferay page whose article is a
table of visits, a WordPress chronicle with related posts and comments in its content block, a news list with
linked titles), written with gold by ../shared/eval/GOLD-CONVENTIONS.md before the rules below; its floors are
in tests/data/probe-floors.toml."""

from __future__ import annotations

import pytest
from conftest import DATA, extract_events

from partnergraph.sources._html import html_to_text, main_text

BODY = (
    "W dniach 18–20 września 2017 r. gościliśmy grupę pracowników socjalnych z Bremy. Goście poznali pracę "
    "Ośrodka Interwencji Kryzysowej i Klubu Integracji Społecznej, a najwięcej pytań dotyczyło pomocy osobom "
    "bezdomnym w okresie zimowym. Grupie przewodniczyła Anke Müller, kierownik działu pomocy społecznej urzędu "
    "miasta. Dyrektor Ośrodka zaprosiła partnerów na przyszłoroczną konferencję o pracy socjalnej z rodziną."
)
SITE = "Miejski Ośrodek Pomocy Społecznej w Przykładowie"
FOOTER = (
    f'<footer><p>{SITE}, ul. Polna 1 | <img src="/bip.png" alt="Biuletyn Informacji Publicznej"></p></footer>'
)
# a CMS article whose content block is marked, with the CMS's furniture inside it
JOOMLA = (
    f"<html><head><title>Goście z Bremy - {SITE}</title></head><body><header><h1>{SITE}</h1></header>"
    '<main id="content"><div class="item-page"><div class="page-header"><h2 itemprop="headline">Goście z Bremy'
    '</h2></div><dl class="article-info"><dt>Szczegóły</dt><dd>Napisane przez Jan Redaktor</dd><dd>Odsłony: 412'
    f'</dd></dl><div itemprop="articleBody"><p>{BODY}</p></div><ul class="pager"><li><a href="/a">Poprzedni</a>'
    '</li><li><a href="/b">Następny</a></li></ul></div></main><div class="span3"><h3>Najnowsze wiadomości</h3>'
    '<ul><li><a href="/c">Wizyta studyjna w Rydze – relacja</a></li></ul></div>' + FOOTER + "</body></html>"
)
NEWS = (
    "<html><head><title>Goście z Bremy w Przykładowie | Gazeta</title></head><body>"
    '<div class="article-col"><h1>Goście z Bremy w Przykładowie</h1><div class="article-body">'
    f'<p>{BODY}</p><div class="adv"><span>REKLAMA</span> Kredyt bez zaświadczeń – sprawdź ofertę!</div>'
    "<p>Przyjazd gości był rewanżem za wizytę pracowników Ośrodka w Bremie, która odbyła się wiosną, i otworzył "
    "kolejny rok współpracy obu miast w dziedzinie pomocy społecznej.</p></div>"
    '<section id="comments" class="comments"><h3>Komentarze (2)</h3><div class="comment"><p>Byłam w Lipsku, '
    "tam też tak pomagają.</p></div></section></div></body></html>"
)


@pytest.mark.parametrize(
    ("html", "chrome"),
    [
        (JOOMLA, ("Napisane przez", "Odsłony", "Poprzedni", "Najnowsze", "Rydze")),
        (NEWS, ("REKLAMA", "Kredyt", "Komentarze", "Lipsku")),
    ],
    ids=["cms-article-info-pager-sidebar", "news-ads-comments"],
)
def test_a_page_that_marks_its_content_block_is_read_by_trafilatura_without_the_cms_furniture(html, chrome):
    """A marked content block (<main id=content>, an article column) holds the CMS's article info, pager, ads
    and comments; a BIP logo in the footer does not make the page a BIP page read by the own cut."""
    text = main_text(html)
    assert "Goście z Bremy" in text.split("\n")[0]
    assert "Anke Müller" in text
    assert not [word for word in chrome if word in text]


RECORD_CARD = (
    "<html><head><title>Biuletyn Informacji Publicznej - Ośrodek - Wyjazd do Bremy</title></head><body>"
    f'<table><tr><td class="left">Menu podmiotowe<br>Statut</td><td><h2>Wyjazd do Bremy</h2><p>{BODY}</p>'
    '<table class="card"><tr><td>Wytworzył:</td><td>Anna Lewandowska</td></tr><tr><td>Data publikacji:</td>'
    "<td>2017-09-25 14:05</td></tr><tr><td>Opublikował:</td><td>Piotr Zieliński</td></tr><tr><td>Liczba "
    "odwiedzin:</td><td>156</td></tr></table></td></tr></table></body></html>"
)


def test_a_bip_pages_record_card_laid_out_as_a_table_is_not_its_text(registries):
    text = html_to_text(RECORD_CARD)
    assert "Anke Müller" in text and "Lewandowska" not in text and "Zieliński" not in text
    assert main_text(RECORD_CARD) == text  # a BIP page laid out in a table: the own cut
    (event,) = extract_events(text, registries, home=SITE, home_city="Przykładowo")
    assert event["persons"] == ["Anke Müller"]


@pytest.mark.parametrize(
    ("markdown", "rows"),
    [
        (
            "| Lp. | Termin | Miejsce |\n|---|---|---|\n| 1. | 9–11 marca | Ryga |",
            "Lp. | Termin | Miejsce\n1. | 9–11 marca | Ryga",
        ),
        ("| Razem |  |  | 12 |", "Razem | 12"),
        ("Tekst | z kreską, nie tabela", "Tekst | z kreską, nie tabela"),
    ],
)
def test_trafilatura_tables_are_rows_of_cells_as_the_own_cut_writes_them(markdown, rows):
    from partnergraph.sources._html import _table_rows

    assert _table_rows(markdown) == rows


def test_the_sites_name_over_a_table_page_is_no_headline():
    """trafilatura's title of a page whose only <h1> is the site's name (in the header, and in the footer's
    address) is not set over the text as its headline."""
    rows = "".join(
        f"<tr><td>{n}.</td><td>{d}</td><td>{w}</td></tr>"
        for n, d, w in (
            (1, "9–11 marca", "Wyjazd studyjny do Rygi (Łotwa)"),
            (2, "21 kwietnia", "Wizyta delegacji z Bremy"),
        )
    )
    html = (
        f"<html><head><title>Współpraca zagraniczna - {SITE}</title></head><body><header><h1>{SITE}</h1></header>"
        "<main><h2>Współpraca zagraniczna w 2015 roku</h2><p>W 2015 roku Ośrodek kontynuował współpracę z "
        "instytucjami pomocy społecznej w miastach partnerskich. Poniżej przedstawiamy zestawienie wyjazdów "
        f"naszych pracowników i wizyt gości zagranicznych.</p><table>{rows}</table></main>{FOOTER}</body></html>"
    )
    text = main_text(html)
    assert SITE not in text
    assert "1. | 9–11 marca | Wyjazd studyjny do Rygi (Łotwa)" in text


def test_a_label_over_trips_and_visits_alike_tells_no_direction(registries):
    page = (
        "Wyjazdy i wizyty zagraniczne – 2015\n"
        "Lp. | Termin | Goście / gospodarze | Cel\n"
        "1. | 21 kwietnia | Delegacja Stadt Offenburg (Niemcy) | Spotkanie robocze partnerów projektu\n"
    )
    (event,) = extract_events(page, registries, home=SITE, home_city="Olsztyn")
    assert event["direction"] == "incoming"


HEADLINE = "Goście z Bremy w Przykładowie"


@pytest.mark.parametrize(
    ("head", "body", "headline"),
    [
        # an og:title shortened from the <h1>
        (
            f'<meta property="og:title" content="{HEADLINE}">',
            f"<h1>{HEADLINE}. „Wrócimy tu”</h1>",
            f"{HEADLINE}. „Wrócimy tu”",
        ),
        # schema.org's headline, in JSON-LD with its escapes
        (
            '<script type="application/ld+json">{"headline": "Go\\u015bcie z Bremy"}</script>',
            "",
            "Goście z Bremy",
        ),
        # as microdata under the site's name in an <h1> (which the footer names again)
        ("", f'<h1>{SITE}</h1><h2 itemprop="headline">{HEADLINE}</h2>{FOOTER}', HEADLINE),
        # the site's name is no headline
        ("", f"<h1>{SITE}</h1><h2>Współpraca</h2>{FOOTER}", ""),
    ],
    ids=["og-title-shortened", "json-ld", "microdata", "site-name"],
)
def test_the_headline_the_html_marks(head, body, headline):
    from partnergraph.sources._html import marked_headline

    assert marked_headline(f"<html><head>{head}</head><body>{body}</body></html>") == headline


def test_a_news_articles_lead_left_out_by_trafilatura_stands_between_its_headline_and_its_body():
    lead = "Dwa samochody pełne śpiworów i koców dotarły w czwartek do Przykładowa z niemieckiej Bremy."
    html = (
        f"<html><head><title>{HEADLINE} | Gazeta</title></head><body><div class='content-wrap'>"
        f"<div class='kicker'>REGION</div><h1>{HEADLINE}</h1><div class='byline'>Jan Nowak 14.01.2022</div>"
        f"<p class='lead'><b>{lead}</b></p><div class='article-body'><p>{BODY}</p><p>{BODY}</p></div>"
        "</div></body></html>"
    )
    lines = [x for x in main_text(html).split("\n") if x]
    assert lines[:2] == [HEADLINE, lead]
    assert lines[2].startswith("W dniach 18–20 września")


def test_a_chronicle_is_read_by_the_own_cut_without_the_posts_related_posts_sharing_and_comments(registries):
    """Bold headings running on into their reports: the own cut (trafilatura would glue each heading to its
    text); what a CMS sets into the content block around them is furniture."""
    html = (
        "<html><head><title>Kronika 2018 – Stowarzyszenie</title></head><body><main><article>"
        "<div class='entry-content'><p><strong>Goście z Turku</strong> W dniach 12–14 marca gościliśmy "
        "pracowników fińskiej organizacji, którzy poznali naszą noclegownię.</p><p><strong>Dary ze Szwecji"
        "</strong> 20 listopada otrzymaliśmy od partnerów z Karlskrony kurtki zimowe dla mieszkańców noclegowni."
        "</p><div class='sharedaddy sd-sharing-enabled'><h3>Udostępnij:</h3><ul><li>Facebook</li></ul></div>"
        "<div id='jp-relatedposts' class='jp-relatedposts'><h4>Wizyta studyjna w Bremie – relacja</h4>"
        "<p>12 maja 2017</p></div></div></article><div id='comments' class='comments-area'><ol "
        "class='comment-list'><li><p>Pozdrowienia z Olsztyna, gdzie w maju gościliśmy delegację z Rygi.</p></li>"
        "</ol><div id='respond'><h3>Dodaj komentarz</h3></div></div></main></body></html>"
    )
    text = main_text(html)
    assert text.startswith("Goście z Turku\nW dniach 12–14 marca")
    assert not [w for w in ("Udostępnij", "Bremie", "Rygi", "Dodaj komentarz") if w in text]
    events = extract_events(text, registries, year=2018, home="Stowarzyszenie Przystań", home_city="Gdańsk")
    assert [e["title"] for e in events] == ["Goście z Turku", "Dary ze Szwecji"]


def test_a_news_lists_linked_item_titles_are_read_and_each_item_is_an_event(registries):
    """trafilatura drops a heading that is all link; a list page's item titles are such headings (here the
    probe page of a news list: a date, a linked title, a teaser and 'Czytaj więcej' an item)."""
    html = (DATA / "extract-probe4" / "lista-rops-rzeszow-2019.html").read_text(encoding="utf-8")
    lines = main_text(html).split("\n")
    titles = ["Delegacja ze Lwowa w ROPS", "Konferencja w Koszycach"]
    assert all(title in lines for title in titles + ["Szkolenie dla koordynatorów pieczy zastępczej"])
    home = {"home": "Regionalny Ośrodek Polityki Społecznej w Rzeszowie", "home_city": "Rzeszów"}
    events = extract_events("\n".join(lines), registries, **home)
    assert [e["title"] for e in events] == titles  # the domestic item is no event


@pytest.mark.parametrize(
    ("page", "title"),
    [
        # the <h1> is the body's name over the page; the document's title is the <title>'s last other part
        ("bip-mopr-torun-2019.html", "Wyjazd studyjny pracowników MOPR do Getyngi"),
        # no <h1>, no og:title: the microdata headline, not the site's name that ends the <title>
        ("joomla-mops-elblag-2017.html", "Goście z Leer w Ośrodku"),
    ],
)
def test_add_takes_a_pages_title_and_not_its_sites_name(page, title):
    from partnergraph.sources.bulletin import read_bulletin

    assert read_bulletin((DATA / "extract-probe4" / page).read_text(encoding="utf-8")).title == title


@pytest.mark.parametrize(
    "furniture",
    [
        '<div id="bip_access"><a href="?k">Wersja kontrastowa</a> | <a href="?a">A+</a></div>',
        '<div class="bip_counter">Liczba odwiedzin serwisu: 1 204 511</div>',
        '<div id="bip_path">Jesteś w: <a href="/">Strona główna</a> &gt; Współpraca zagraniczna</div>',
    ],
    ids=["accessibility-tools", "visit-counter", "path-line"],
)
def test_a_bip_pages_tools_counter_and_path_line_are_furniture(furniture):
    html = f"<html><head><title>BIP - Ośrodek</title></head><body>{furniture}<h2>Wyjazd do Bremy</h2><p>{BODY}</p>"
    text = html_to_text(html + "</body></html>")
    assert text.startswith("Wyjazd do Bremy\n") and "Anke Müller" in text
