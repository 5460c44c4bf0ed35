"""An eighth set of probe pages of layouts not read before (another BIP vendor's template with <br>-parted
paragraphs and a captioned record card, a WordPress post laid out by Elementor with a related-posts widget, a
newsletter archive page whose issue is an iframe's srcdoc, a small body's 2010 page laid out in one table and
saved in ISO-8859-2 with no charset, an archive table with year rows and a date spanning two rows), written with
gold by ../shared/eval/GOLD-CONVENTIONS.md before the rules below; its floors are in tests/data/probe-floors.toml."""

from __future__ import annotations

from html import escape

from partnergraph.sources._html import html_to_text, read_html

REPORT = (
    "W dniach 4–9 lipca 2022 r. Stowarzyszenie gościło w Krakowie szesnaścioro młodych ludzi z Ołomuńca wraz z "
    "opiekunami, którzy pracowali nad kampanią przeciw wykluczeniu rówieśników."
)
MENU = "<a href='/'>Strona główna</a><br><a href='/o-nas'>O nas</a><br><a href='/aktualnosci'>Aktualności</a><br>"


def test_an_inline_frames_own_document_is_the_pages_content():
    """A newsletter archive embeds the issue as the srcdoc of an <iframe>: the issue's heading and text are read
    where the frame stands (its <style> is not)."""
    issue = f"<html><head><style>p {{ color: #333 }}</style></head><body><h1>Wymiana z Ołomuńcem</h1><p>{REPORT}</p>"
    html = (
        "<html><head><title>Newsletter lipiec 2022 | Stowarzyszenie</title></head><body><main><h1>Newsletter – "
        f'lipiec 2022</h1><iframe sandbox srcdoc="{escape(issue + "</body></html>", quote=True)}"></iframe>'
        "<p><a href='/newsletter'>Wszystkie wydania</a></p></main></body></html>"
    )
    lines = [x for x in read_html(html)[0].split("\n") if x]
    assert lines[lines.index("Wymiana z Ołomuńcem") + 1] == REPORT
    assert "color" not in " ".join(lines)


def test_a_menu_cell_of_a_page_laid_out_in_a_table_is_no_text_and_its_spanning_cells_are_not_repeated():
    """A table that lays out a page: its cell of links only is the menu; a cell spanning rows (a menu beside
    two rows of content) is read once, not in each row (only a data table's rows repeat a spanning cell)."""
    html = (
        "<html><head><title>GOPS</title></head><body><table><tr><td rowspan='2' valign='top'>"
        f"{MENU}</td><td rowspan='2'><b>Wymiana z Ołomuńcem</b><br>{REPORT}<br><br></td></tr>"
        "<tr><td>Strona aktualizowana: 20.09.2022</td></tr></table></body></html>"
    )
    text = html_to_text(html)
    assert "Strona główna" not in text and "O nas" not in text
    assert text.count(REPORT) == 1 and "Wymiana z Ołomuńcem" in text
