"""HTML as saved from the bulletin to plain text: scripts, styles, menus and footers cut away,
entities decoded, block elements as line breaks, a data table's rows as lines of cells ("a | b | c")."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HTML = re.compile(r"<(!doctype\s+html|html|head|body|div|p|br|table|span|a)\b", re.I)
SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "iframe",
    "svg",
    "template",
    "head",
    "object",
}
BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "main",
    "blockquote",
    "dd",
    "dt",
    "dl",
    "hr",
    "pre",
    "caption",
    "figure",
}
VOID_TAGS = {
    "br",
    "img",
    "input",
    "meta",
    "link",
    "hr",
    "area",
    "base",
    "col",
    "embed",
    "source",
    "track",
    "wbr",
}
# class/id words of page furniture (menus, breadcrumbs, footers, sharing and print links)
FURNITURE = re.compile(
    r"(^|[\s_-])(menu|nav|navbar|navigation|breadcrumbs?|footer|stopka|sidebar|cookies?|"
    r"search|szukaj|toolbar|share|social|print|drukuj|skip|banner|naglowek|header|metryka)"
    r"($|[\s_-])",
    re.I,
)
CELL_TAGS = ("td", "th")
BOLD_TAGS = ("strong", "b")
# after a bold heading that opens a paragraph and runs on into it: "<p><strong>Wizyta delegacji z Wilna
# </strong> W dniu …" is a heading line and a body line
HEADING_END = "\x1e"
UPPER = "A-ZĄĆĘŁŃÓŚŹŻ"
LONGEST_CELL = 400  # a table with longer cells lays out the page; its cells are paragraphs
MAIN = re.compile(r"(^|[\s_-])(content|tresc|treść|main|article|artykul|document|dokument)($|[\s_-])", re.I)
# whole lines that are links or buttons, not text
FURNITURE_WORD = (
    r"(drukuj|pobierz|pobierz pdf|wersja do druku|powrót|wróć|do góry|udostępnij|metryka|"
    r"zapisz|pdf|rozmiar czcionki|kontrast|mapa strony|a\+?|a-|print|download)"
)
FURNITURE_LINES = re.compile(rf"^\s*{FURNITURE_WORD}(\s*[|·•/,]?\s*{FURNITURE_WORD})*\s*$", re.I)


def looks_like_html(text: str) -> bool:
    head = text[:4096]
    return bool(_HTML.search(head)) and head.count("<") >= 2


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipped, main)
        self.all: list[str] = []
        self.main: list[str] = []
        self.skip = 0
        self.in_main = 0
        self.tables: list[list[list[list[str]]]] = []  # open tables: rows of cells of text pieces
        self.cell: list[str] | None = None
        self.fresh = True  # nothing written since the last line break
        self.bold: list[str] | None = None  # the text of a bold run that opened a paragraph

    def _open_cell(self) -> None:
        rows = self.tables[-1]
        if not rows:
            rows.append([])
        rows[-1].append([])
        self.cell = rows[-1][-1]

    def close_table(self) -> None:
        """Put the innermost open table's text where the table stood."""
        rows = self.tables.pop()
        self.cell = None
        if self.tables and self.tables[-1] and self.tables[-1][-1]:
            self.cell = self.tables[-1][-1][-1]  # back inside the enclosing table's cell
        raw = [["".join(c) for c in row] for row in rows]
        cells = [[" ".join(c.split()) for c in row if c.strip()] for row in raw]
        # a data table: a row of two cells or more, and every cell one short line (a page laid out in a
        # table has paragraphs in a cell)
        data = any(len(row) >= 2 for row in cells) and all(
            len(" ".join(c.split())) <= LONGEST_CELL and sum(bool(x.strip()) for x in c.split("\n")) <= 1
            for row in raw
            for c in row
        )
        if data:
            self._emit("\n" + "\n".join(" | ".join(row) for row in cells if row) + "\n")
        else:
            self._emit("\n" + "\n\n".join(c for row in raw for c in row) + "\n")

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._emit("\n")
        if tag in VOID_TAGS:
            return
        if tag in BOLD_TAGS and self.fresh and self.bold is None:
            self.bold = []
        if not self.skip:
            if tag == "table":
                self.tables.append([])
                self.cell = None
            elif tag == "tr" and self.tables:
                self.tables[-1].append([])
                self.cell = None
            elif tag in CELL_TAGS and self.tables:
                self._open_cell()
        names = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        skipped = tag in SKIP_TAGS or bool(names and FURNITURE.search(names))
        main = tag in ("main", "article") or bool(names and MAIN.search(names))
        self.stack.append((tag, skipped, main))
        self.skip += skipped
        self.in_main += main

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._emit("\n")

    def handle_endtag(self, tag):
        if not any(t == tag for t, _, _ in self.stack):
            return
        if tag in BOLD_TAGS and self.bold is not None:
            words = "".join(self.bold).split()
            self.bold = None
            # a heading reads as a phrase ("Wizyta studentów z Grazu", "WIZYTA …"), not as a name ("Jan Kowalski")
            phrase = any(w[:1].islower() for w in words) or " ".join(words).isupper()
            if 2 <= len(words) <= 25 and words[0][:1].isupper() and phrase:
                self._emit(HEADING_END)
        while self.stack:
            t, skipped, main = self.stack.pop()
            if t == "table" and self.tables and not self.skip:
                self.close_table()
            elif t in CELL_TAGS:
                self.cell = None
            self.skip -= skipped
            self.in_main -= main
            if t == tag:
                break
        if tag in BLOCK_TAGS:
            self._emit("\n")

    def handle_data(self, data):
        if not self.skip:
            if self.bold is not None:
                self.bold.append(data)
            self._emit(re.sub(r"[ \t\r\n]+", " ", data))

    def _emit(self, s: str) -> None:
        if self.skip:
            return
        if "\n" in s:
            self.fresh = True
        elif s.strip() and s != HEADING_END:
            self.fresh = False
        if self.tables:
            if self.cell is not None:
                self.cell.append(s)
            return  # between a table's cells: only layout whitespace
        self.all.append(s)
        if self.in_main:
            self.main.append(s)


# a page of a Public Information Bulletin (BIP): the layout the own cut is made for
BIP_PAGE = re.compile(r"\bBIP\b|Biuletyn\w* Informacji Publicznej", re.I)


def main_text(html: str) -> str:
    """The page's main text. The own cut where it is made for the page and measurably better: a page that
    marks its content (a content/treść container) or a bulletin (BIP) page laid out in tables (on the
    bulletin's HTML test pages trafilatura loses a table-laid archive's events: fields macro 0.78 against
    1.00). Elsewhere trafilatura, the field's reference, which drops menus, sidebars of other news and
    footers (a probe news page of another publisher: 0.98 against 0.63); the own cut when it finds nothing."""
    own, marked = _own_cut(html)
    if marked or BIP_PAGE.search(html[:20000]):
        return own
    import trafilatura  # imported here: a second of start-up that text pages do not need

    text = trafilatura.extract(
        html, output_format="txt", include_tables=True, include_comments=False, deduplicate=False
    )
    if not text or len(text.split()) < 20:
        return own
    meta = trafilatura.extract_metadata(html)
    title = " ".join((meta.title or "").split()) if meta is not None else ""
    if title and title not in " ".join(text[: len(title) + 300].split()):
        text = f"{title}\n\n{text}"  # the headline, when the text left it out
    return text.strip() + "\n"


def html_to_text(html: str) -> str:
    """The page's main text by the own cut, one paragraph per line, blank lines between blocks."""
    return _own_cut(html)[0]


def _own_cut(html: str) -> tuple[str, bool]:
    """(text, whether the page marks its content)."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    while parser.tables:  # a table left open at the end of the page
        parser.close_table()
    main, everything = "".join(parser.main), "".join(parser.all)
    marked = len(main.strip()) >= 200
    text = main if marked else everything
    text = re.sub(rf"{HEADING_END}[ ]*(?=[{UPPER}0-9])", "\n", text).replace(HEADING_END, "")
    lines = []
    for line in text.split("\n"):
        line = line.strip()
        if FURNITURE_LINES.match(line) and line:
            continue
        lines.append(line)
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", out).strip() + "\n", marked
