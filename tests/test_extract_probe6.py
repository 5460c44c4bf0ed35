"""A sixth set of probe pages: documents turned into web pages (a Word document saved as HTML in windows-1250, a
Google Docs document published to the web, a PDF report converted by pdf2htmlEX, the web version of an e-mail
newsletter laid out in tables), written with gold by ../shared/eval/GOLD-CONVENTIONS.md before the rules below;
its floors are in tests/data/probe-floors.toml."""

from __future__ import annotations

from conftest import extract_events

from partnergraph.sources._html import main_text

VISIT = (
    "W dniach 4–6 maja 2016 r. gościliśmy grupę pracowników socjalnych z Rygi, którzy poznali pracę naszego "
    "Klubu Integracji Społecznej. Grupie przewodniczyła Ilze Ozola."
)
TRIP = (
    "W dniach 10–12 października 2016 r. dwie nasze pracownice uczestniczyły w konferencji o pomocy osobom "
    "bezdomnym w Wiedniu."
)


def page(body: str, title: str = "Sprawozdanie ze współpracy zagranicznej 2016") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def test_headings_trafilatura_drops_where_no_content_block_is_marked_stand_over_their_text(registries):
    """A document's sections (a published Google Doc's <h2>s in plain <div>s): trafilatura keeps the
    paragraphs and drops the headings, which are put back over them."""
    html = page(
        "<div class='c5'><p>Stowarzyszenie od lat współpracuje z organizacjami z zagranicy. W 2016 roku "
        f"kontynuowaliśmy tę współpracę.</p><h2 id='h.a1'>Wizyta z Rygi</h2><p>{VISIT}</p>"
        f"<h2 id='h.b2'>Konferencja w Wiedniu</h2><p>{TRIP}</p></div>"
    )
    lines = [x for x in main_text(html).split("\n") if x]
    assert lines[lines.index("Wizyta z Rygi") + 1] == VISIT
    assert lines[lines.index("Konferencja w Wiedniu") + 1] == TRIP
    events = extract_events(
        "\n".join(lines), registries, year=2016, home="Stowarzyszenie", home_city="Lublin"
    )
    assert [e["title"] for e in events] == ["Wizyta z Rygi", "Konferencja w Wiedniu"]


def test_lines_broken_inside_a_paragraph_are_one_line():
    """A Word document saved as HTML breaks a paragraph's source lines at 80 characters; the words on either
    side of a break (and of an inline element after it) stay apart."""
    broken = VISIT.replace(" pracowników ", "\npracowników ").replace(" Grupie", "\n<b>Grupie</b>")
    html = page(
        f"<div class=WordSection1><p class=MsoNormal><b>Wizyta z Rygi</b></p><p class=MsoNormal>{broken}</p></div>"
    )
    assert VISIT in main_text(html).split("\n")


def test_a_pdf_converted_to_html_is_read_as_paragraphs(tmp_path):
    """pdf2htmlEX writes each printed line as a <div>: the lines of a paragraph are joined again, a word
    broken at the margin is one word, the page numbers are left out."""
    from partnergraph.sources.reading import read_page

    printed = [
        "– 7 –",
        "4. Współpraca zagraniczna",
        "W dniach 10–12 października 2016 r. dwie pracownice Centrum uczest-",
        "niczyły w konferencji o pomocy osobom bezdomnym w Wiedniu, zorgani-",
        "zowanej przez miejski fundusz społeczny. Uczestniczki przedstawiły",
        "doświadczenia powiatu w prowadzeniu mieszkań chronionych dla osób",
        "opuszczających schroniska. Konferencja zgromadziła przedstawicieli",
        "dwudziestu miast z dziewięciu krajów Europy Środkowej i Wschodniej,",
        "a jej tematem były mieszkania wspierane i programy wychodzenia z bez-",
        "domności. W przyszłym roku Centrum chce przygotować wspólny projekt",
        "z partnerami poznanymi w Wiedniu i złożyć go w programie Interreg.",
        "– 8 –",
    ]
    lines = "".join(f'<div class="t m0 x1 h2 y{i} ff1 fs0">{x}</div>' for i, x in enumerate(printed))
    path = tmp_path / "report.html"
    path.write_text(
        page(
            f'<div id="page-container"><div class="pf"><div class="pc">{lines}</div></div></div>',
            "report-2016",
        )
    )
    text = read_page(path).text
    assert "Centrum uczestniczyły w konferencji" in text and "zorganizowanej przez" in text
    assert "– 7 –" not in text and "– 8 –" not in text
    assert not text.startswith("report-2016")  # a file's name is no headline
