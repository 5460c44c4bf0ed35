"""HTML as saved from the bulletin to plain text: scripts, styles, menus and footers cut away,
entities decoded, block elements as line breaks, a data table's rows as lines of cells ("a | b | c")."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from typing import NamedTuple

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
# class/id words of page furniture (menus, breadcrumbs, footers, sharing and print links, the record card;
# set into an article by a CMS: its related posts, pager, widgets, readers' comments and the reply form)
FURNITURE = re.compile(
    r"(^|[\s_-])(menu|nav|navbar|navigation|breadcrumbs?|footer|stopka|sidebar|cookies?|"
    r"search|szukaj|toolbar|share|sharing|sharedaddy|social|print|drukuj|skip|banner|naglowek|header|"
    r"metryka|metryczka|related\w*|powiazane|pager|pagenav|pagination|widget|comments?|respond|"
    r"access|kontrast|counter|licznik|path|sciezka)"
    r"($|[\s_-])",
    re.I,
)
# an article's own header (its headline, sometimes its date) inside a CMS's content, not the site's header:
# "page-header" (Joomla), "entry-header" (WordPress), "article-header", "node-header"
ARTICLE_HEADER = re.compile(r"(^|\s)(page|entry|article|post|item|content|node|news)[_-]+header($|\s)", re.I)
CELL_TAGS = ("td", "th")
BOLD_TAGS = ("strong", "b")
# after a bold heading that opens a paragraph and runs on into it: "<p><strong>Wizyta delegacji z Wilna
# </strong> W dniu …" is a heading line and a body line
HEADING_END = "\x1e"
UPPER = "A-ZĄĆĘŁŃÓŚŹŻ"
LONGEST_CELL = 400  # a table with longer cells lays out the page; its cells are paragraphs
MENU_LINKS = 3  # a cell of links only, this many or more: a menu
LAYOUT_CELL_WORDS = 40  # a cell of a paragraph's length: the table lays out the page's text
MAIN = re.compile(r"(^|[\s_-])(content|tresc|treść|main|article|artykul|document|dokument)($|[\s_-])", re.I)
# whole lines that are links or buttons, not text
FURNITURE_WORD = (
    r"(drukuj|pobierz|pobierz pdf|wersja do druku|powrót|wróć|do góry|udostępnij|metryka|"
    r"zapisz|pdf|rozmiar czcionki|kontrast|mapa strony|a\+?|a-|print|download)"
)
FURNITURE_LINES = re.compile(rf"^\s*{FURNITURE_WORD}(\s*[|·•/,]?\s*{FURNITURE_WORD})*\s*$", re.I)


# "Label: value" lines of a page's record card ("metryka": who wrote and published it, when, how often read)
# (a BIP's statutory block words them as sentences: "Osoba, która wytworzyła informację: …")
PUBLISHED_LABELS = ("data publikacji", "data opublikowania", "opublikowano", "data udostępnienia")
CREATED_LABELS = ("data wytworzenia", "data utworzenia")
AUTHOR_LABELS = (
    "autor",
    "wytworzył",
    "wytworzyła",
    "wytworzone przez",
    "sporządził",
    "sporządziła",
    "osoba, która wytworzyła informację",
    "informację wytworzył",
    "informację wytworzyła",
)
PUBLISHER_LABELS = ("podmiot udostępniający informację", "podmiot udostępniający")
OTHER_LABELS = (
    "opublikował",
    "opublikowała",
    "opublikowane przez",
    "wprowadził",
    "wprowadziła",
    "osoba, która wprowadziła informację",
    "osoba, która odpowiada za treść",
    "data wprowadzenia",
    "zmodyfikował",
    "zmodyfikowała",
    "data modyfikacji",
    "data aktualizacji",
    "liczba odwiedzin",
    "liczba wyświetleń",
    "rejestr zmian",
    "osoba odpowiedzialna za treść",
)
RECORD_LABELS = PUBLISHED_LABELS + CREATED_LABELS + AUTHOR_LABELS + PUBLISHER_LABELS + OTHER_LABELS
RECORD_LINE = re.compile(
    r"^\s*("
    + "|".join(re.escape(x) for x in sorted(RECORD_LABELS, key=len, reverse=True))
    + r")\s*:\s*(.*)$",
    re.I,
)
# a record card's label alone, as a term of a definition list (<dt>Wytworzył</dt><dd>…</dd>)
RECORD_TERM = re.compile(
    r"^\s*(" + "|".join(re.escape(x) for x in sorted(RECORD_LABELS, key=len, reverse=True)) + r")\s*:?\s*$",
    re.I,
)
# the heading over a record card: "Metryka", "Metryka strony", "Informacje o dokumencie"
RECORD_HEADING = re.compile(
    r"^\s*(metry(?:ka|czka)( strony| dokumentu| informacji)?|informacje o (?:dokumencie|publikacji))\s*:?\s*$",
    re.I,
)


# a file's size in a list of attachments: "182 KB", "1,2 MB", "pdf 1.4 MB"
FILE_SIZE = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:[kKMG]i?B|bajt\w*)\b")


def attachments(rows: list[str]) -> bool:
    """Whether a table's rows list files (each row but its header gives a file's size)."""
    sized = sum(bool(FILE_SIZE.search(row)) for row in rows)
    return sized >= 1 and sized >= len(rows) - 1


def rowspan(value: str | None) -> int:
    """The rows a cell spans by its rowspan attribute (1 when it has none or a broken one)."""
    return int(value) if value and value.strip().isdigit() else 1


def spread_rowspans(rows: list[list], spans: list[list[int]]) -> list[list[tuple]]:
    """A table's rows of cells, a cell that spans rows (rowspan="2") in each row it spans, at its column, as
    a reader of the row sees it: rows of (cell, whether it is a spanned one's repeat)."""
    out = []
    pending: dict[int, list] = {}  # column: [cell, the rows it still spans]
    for row, row_spans in zip(rows, spans, strict=True):
        cells, column, queue = [], 0, list(zip(row, row_spans, strict=True))
        while queue or any(c >= column for c in pending):
            if column in pending:
                cells.append((pending[column][0], True))
                pending[column][1] -= 1
                if not pending[column][1]:
                    del pending[column]
            elif queue:
                cell, span = queue.pop(0)
                cells.append((cell, False))
                if span > 1:
                    pending[column] = [cell, span - 1]
            column += 1
        out.append(cells)
    return out


def _label(text: str) -> str:
    return " ".join(text.split()).rstrip(":")


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
        self.laid_out = False  # whether a table lays out the page's text (paragraphs in its cells)
        self.rowspans: dict[int, int] = {}  # id of a cell's text pieces: the rows the cell spans
        self.links: dict[int, list[int]] = {}  # id of a cell's text pieces: [its links, the letters in them]
        self.in_link = 0
        self.heads: set[int] = set()  # ids of the text pieces of header cells (<th>)

    def _open_cell(self, rowspan: int) -> None:
        rows = self.tables[-1]
        if not rows:
            rows.append([])
        rows[-1].append([])
        self.cell = rows[-1][-1]
        if rowspan > 1:
            self.rowspans[id(self.cell)] = rowspan

    def close_table(self) -> None:
        """Put the innermost open table's text where the table stood."""
        rows = self.tables.pop()
        spans = [[self.rowspans.pop(id(c), 1) for c in row] for row in rows]
        menus = {id(c) for row in rows for c in row if self._menu(c)}
        self.cell = None
        if self.tables and self.tables[-1] and self.tables[-1][-1]:
            self.cell = self.tables[-1][-1][-1]  # back inside the enclosing table's cell
        raw = [["".join(c) for c in row] for row in rows]
        heads = [[id(c) in self.heads for c in row] for row in rows]
        self.heads.difference_update(id(c) for row in rows for c in row)
        # a data table: a row of two cells or more, and every cell one line, short unless a header row names
        # the columns (a page laid out in a table has paragraphs in a cell, and no header row)
        columns = (
            bool(heads)
            and len(heads[0]) >= 2
            and all(heads[0])
            and all(len(r) == len(heads[0]) for r in heads)
        )
        data = any(sum(bool(c.strip()) for c in row) >= 2 for row in raw) and all(
            (columns or len(" ".join(c.split())) <= LONGEST_CELL)
            and sum(bool(x.strip()) for x in c.split("\n")) <= 1
            for row in raw
            for c in row
        )
        if data and all(len(r) == 2 and r[0] and not r[1] for r in heads):  # a card of facts: "Label: value"
            self._emit("\n" + "\n".join(f"{_label(a)}: {' '.join(b.split())}" for a, b in raw) + "\n")
            return
        if data:  # a row reads with the cells of rows above that span it
            raw = [["".join(c) for c, _ in row] for row in spread_rowspans(rows, spans)]
        else:  # a page laid out in a table: its menu's cell is no text
            raw = [["" if id(c) in menus else "".join(c) for c in row] for row in rows]
        cells = [[" ".join(c.split()) for c in row if c.strip()] for row in raw]
        labelled = [row for row in cells if row and RECORD_LINE.match(row[0])]
        if data and len(labelled) >= max(2, len([row for row in cells if row]) // 2):
            return  # the page's record card (Wytworzył: | …, Data publikacji: | …): not its text
        if data and attachments([" | ".join(row) for row in cells if row]):
            return  # the page's attachments (Program wizyty (PDF) | 182 KB | …): files, not text
        if data:
            self._emit("\n" + "\n".join(" | ".join(row) for row in cells if row) + "\n")
        else:
            self.laid_out = self.laid_out or any(
                len(c.split()) >= LAYOUT_CELL_WORDS for row in raw for c in row
            )
            self._emit("\n" + "\n\n".join(c for row in raw for c in row) + "\n")

    def _menu(self, cell: list[str]) -> bool:
        """Whether a table's cell is a menu: three links or more, and nearly all its letters theirs."""
        links, letters = self.links.pop(id(cell), (0, 0))
        return links >= MENU_LINKS and letters >= 0.9 * len("".join("".join(cell).split()))

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._emit("\n")
        if tag in VOID_TAGS:
            return
        if tag == "a":
            self.in_link += 1
            if self.cell is not None:
                self.links.setdefault(id(self.cell), [0, 0])[0] += 1
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
                self._open_cell(rowspan(dict(attrs).get("rowspan")))
                if tag == "th":
                    self.heads.add(id(self.cell))
        names = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        own_header = bool(ARTICLE_HEADER.search(names)) or (tag == "header" and self._inside("article"))
        names = ARTICLE_HEADER.sub(" ", names)
        skipped = (tag in SKIP_TAGS and not own_header) or bool(names and FURNITURE.search(names))
        main = tag in ("main", "article") or bool(names and MAIN.search(names))
        self.stack.append((tag, skipped, main))
        self.skip += skipped
        self.in_main += main

    def _inside(self, tag: str) -> bool:
        return any(t == tag for t, _, _ in self.stack)

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
            self.in_link -= t == "a"
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
            if self.in_link and self.cell is not None:
                self.links.setdefault(id(self.cell), [0, 0])[1] += len("".join(data.split()))
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


# a page of a Public Information Bulletin (BIP), by its <title>: the layout the own cut is made for (a link
# to the body's BIP in a menu or a footer logo, which most Polish public bodies' sites show, does not make one)
BIP_PAGE = re.compile(r"\bBIP\b|Biuletyn\w* Informacji Publicznej", re.I)
TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
# "Wizyta studentów z Bratysławy - MOPS Bielsko-Biała", "Aktualności | Wizyta …": the site's name set off
TITLE_PARTS = re.compile(r"\s+[-–—|:»]+\s+|\s*::\s*")
# a page of a list in the <title> ("Aktualności | Strona 3 | Ośrodek"): no headline
PAGE_NUMBER = re.compile(r"^(?:strona|str\.|page|s\.)\s*\d+(?:\s*(?:z|/|of)\s*\d+)?$", re.I)
# a row of a Markdown table as trafilatura writes it ("| a | b |"), and its rule under the header ("|---|---|")
TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$")


def main_text(html: str, footer: str | None = None) -> str:
    """The page's main text (see read_html)."""
    return read_html(html, footer)[0]


def read_html(html: str, footer: str | None = None, title: str = "") -> tuple[str, str]:
    """(the page's main text, its headline as the HTML marks it: see marked_headline, `title` the one a caller
    found marked). The text: the own cut where it is made for the page and measurably better: a bulletin (BIP)
    page, a page laid out in tables (on the bulletin's HTML test pages trafilatura loses a table-laid
    archive's events: fields macro 0.78 against 1.00; a small body's site laid out in a table: 0.76 against
    0.93) or a chronicle whose bold headings run on into their reports (trafilatura glues them to the text).
    Elsewhere trafilatura, the field's reference, which drops menus, article info lines, pagers, sidebars of
    other news, ads, comments and footers also where a page marks its content block (CMS pages of other
    publishers: 0.75 against 0.93), with the article's lead and the headings it dropped put back; the own cut
    when it finds nothing. `footer`: the page's footer text (page_footer), when the caller has it already.
    The page is parsed once and its headings read once, for the headline and the text alike."""
    footer = page_footer(html) if footer is None else footer
    html = _frames_inlined(html)
    tree, lead = _without_furniture(html)
    headings = page_headings(tree)
    headline = marked_headline(html, title, footer, headings)
    own, made_for = _own_cut(html)
    title_tag = TITLE.search(html[:20000])
    if made_for or (title_tag is not None and BIP_PAGE.search(title_tag.group(1))):
        return own, headline
    import trafilatura  # imported here: a second of start-up that text pages do not need

    marked = _marked_headings(tree, headings)  # read before trafilatura, which may change the tree

    text = trafilatura.extract(
        tree,
        output_format="txt",
        include_tables=True,
        include_comments=False,
        deduplicate=False,
    )
    if not text or len(text.split()) < 20:
        return own, headline
    if "\n" not in text.strip() and any(f"{h} " in text for h in marked) and own.strip().count("\n") >= 2:
        return own, headline  # trafilatura's fallback for a short article: its headline run on into its text
    text = _blocks_headed(_headings_put_back(_table_rows(text), headings), marked)
    if lead and " ".join(lead.split()[:8]) not in " ".join(text.split()):
        text = f"{lead}\n\n{text}"  # the lead, which trafilatura may take for a teaser, over the body
    meta = trafilatura.extract_metadata(html)
    parts = (
        [" ".join(x.split()) for x in TITLE_PARTS.split(unescape(title_tag.group(1)))] if title_tag else []
    )
    parts = [x for x in parts if len(x.split()) >= 2 and not PAGE_NUMBER.match(x)]
    titles = [meta.title if meta is not None else None] + parts
    # the headline: trafilatura's title, else a part of <title>, that is not the site's name nor a file's
    shown = next(
        (
            t
            for t in (" ".join((x or "").split()) for x in titles)
            if len(t.split()) >= 2 and not is_site_name(t, footer)
        ),
        "",
    )
    shown = marked_headline(html, shown, footer, headings)
    # the headline, when the text left it out (a text that opens with a part of the <title> as a line of its
    # own shows it: "Site - Headline" over a page headed "Headline" in bold, which no <h1> marks)
    top = [" ".join(x.split()) for x in text[: len(shown) + 300].split("\n")]
    if shown and shown not in " ".join(top) and not any(x in top for x in parts):
        text = f"{shown}\n\n{text}"
    return text.strip() + "\n", headline


# an inline frame whose document is written into its srcdoc attribute (a newsletter archive embeds an issue so)
SRCDOC_FRAME = re.compile(
    r"<iframe\b[^>]*?\ssrcdoc\s*=\s*(\"[^\"]*\"|'[^']*')[^>]*>.*?</iframe\s*>", re.I | re.S
)
FRAME_BODY = re.compile(r"<body\b[^>]*>(.*?)(?:</body\s*>|$)", re.I | re.S)


def _frames_inlined(html: str) -> str:
    """The page with the body of each inline frame's own document (srcdoc) where the frame stands: the page's
    content, which the frame shows (a frame that loads another address holds nothing of it)."""
    if "srcdoc" not in html:
        return html

    def inlined(frame: re.Match) -> str:
        document = unescape(frame.group(1)[1:-1])
        body = FRAME_BODY.search(document)
        return f"<div>{body.group(1) if body else document}</div>"

    return SRCDOC_FRAME.sub(inlined, html)


HEADINGS = "//body//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
UNDER_WORDS = 6  # the words of the text under a heading that find it in trafilatura's text


class Heading(NamedTuple):
    level: int  # 1 for <h1> … 6 for <h6>
    text: str  # whitespace folded
    under: str  # the first words of the text under it, "" when none follows it


def page_headings(tree) -> list[Heading]:
    """The headings of the page's body (its tree), each with the first words of the text under it."""
    found = []
    for heading in tree.xpath(HEADINGS) if not isinstance(tree, str) else []:
        text = " ".join(" ".join(heading.itertext()).split())
        found.append(Heading(int(heading.tag[1]), text, " ".join(_words_under(heading)[:UNDER_WORDS])))
    return found


def _words_under(heading) -> list[str]:
    """The words of the first block after a heading that is a text (a date line under it is not), also where
    the heading stands alone in a wrapper of its own (a news list's item: "<div class="title"><h2>…</h2></div>
    <div class="date">…</div><div class="body"><p>W dniach …</p></div>")."""
    el = heading
    while el is not None:
        for x in el.itersiblings():
            if len(words := x.text_content().split()) >= UNDER_WORDS:
                return words
        parent = el.getparent()
        if parent is None or parent.text_content().split() != el.text_content().split():
            return []
        el = parent
    return []


# a paragraph all in bold: a heading where a page marks none ("<p><b>Wizyta z Moguncji</b></p>")
BOLD_PARAGRAPHS = "//body//p[(.//b or .//strong) and normalize-space()]"


def _marked_headings(tree, headings: list[Heading]) -> set[str]:
    """The texts the page marks as headings: its <h1>…<h6>, its paragraphs all in bold."""
    marked = {h.text for h in headings}
    for p in tree.xpath(BOLD_PARAGRAPHS) if not isinstance(tree, str) else []:
        bold = " ".join(" ".join(" ".join(b.itertext()) for b in p.xpath(".//b | .//strong")).split())
        if bold and bold == " ".join(p.text_content().split()):
            marked.add(bold)
    return {x for x in marked if 2 <= len(x.split()) <= 25}


def _blocks_headed(text: str, marked: set[str]) -> str:
    """trafilatura's text (which runs all its paragraphs on, line after line) with a blank line over each line
    the page marks as a heading (see _marked_headings): the block it opens is its section's, not the one
    before (a list run on under an introduction ending with a colon)."""
    lines = text.split("\n")
    out = []
    for k, line in enumerate(lines):
        if k and out[-1].strip() and " ".join(line.split()) in marked:
            out.append("")
        out.append(line)
    return "\n".join(out)


def _headings_put_back(text: str, headings: list[Heading]) -> str:
    """trafilatura's text with the headings it dropped over the text it kept under them (where a page marks
    no content block it keeps a section's paragraphs and drops its heading: "<h2>Wizyta z Pragi</h2><p>W dniach
    …</p>")."""
    lines = text.split("\n")
    folded = " ".join(text.split())
    for _, title, under in headings:
        if not under or not 2 <= len(title.split()) <= 25 or title in folded:
            continue
        at = next((i for i, x in enumerate(lines) if " ".join(x.split()).startswith(under)), None)
        if at is not None:
            lines.insert(at, title)
    return "\n".join(lines)


# class/id words of what trafilatura may keep inside an article's body: advertisements ("adv adv--inline",
# "reklama", "ad-slot"), related posts and sharing buttons a CMS sets into it
ADVERT = re.compile(
    r"(^|[\s_-])(ad|ads|adv|advert|advertisement|reklama|reklamy|sponsored|dfp|related\w*|powiazane|"
    r"sharing|sharedaddy)($|[\s_-])",
    re.I,
)


# class/id words of an article's lead (its first, bold paragraph): "lead", "article-lead", "field--name-field-lead"
LEAD = re.compile(r"(^|[\s_-])(lead|zajawka|wstep|wstęp|standfirst)($|[\s_-])", re.I)
LEAD_WORDS = 8  # a lead is a sentence or more, not a label


def _without_furniture(html: str):
    """(the page as a tree without its advertisements, record card, attachments and the foot no <footer>
    marks, the text of its one lead or "") (the page itself when it cannot be parsed): what trafilatura keeps
    of them otherwise. Two leads or more are teasers of a list, none the article's. A heading's link is
    unwrapped: trafilatura drops a heading that is all link, as a list page's item titles are; a list item's
    date after its linked title is set over it."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return html, ""
    leads = []
    for el in tree.xpath("//*[@class or @id]"):
        words = f"{el.get('class', '')} {el.get('id', '')}"
        if ADVERT.search(words) and el.getparent() is not None:
            el.drop_tree()
        elif LEAD.search(words):
            leads.append(" ".join(el.text_content().split()))
    for el in tree.xpath("//details | //dl | //table"):
        if el.getparent() is not None and _record_or_files(el):
            el.drop_tree()
        elif el.tag == "dl" and _reports(el):
            _paragraphs_of_terms(el)
        elif el.tag == "table" and _facts_card(el):
            _paragraphs_of_facts(el)
        elif el.tag == "table" and el.xpath(".//*[@rowspan]"):
            _rowspans_spread(el)
    for link in tree.xpath("//a[following-sibling::*]"):
        _date_before_title(link)
    for line in tree.xpath(BROKEN_TEXT):  # lines broken inside a paragraph (a Word export's): one line
        if line.is_tail:
            line.getparent().tail = SPACES.sub(" ", line)
        else:
            line.getparent().text = SPACES.sub(" ", line)
    for strip in {_line_of(t).getparent() for t in tree.xpath(COPYRIGHT_TEXT) if COPYRIGHT.match(t)}:
        if strip is not None and strip.getparent() is not None and _short_block(strip):
            strip.drop_tree()  # a page's foot that no <footer> marks: its copyright line and what stands by it
    lead = leads[0] if len(leads) == 1 and len(leads[0].split()) >= LEAD_WORDS else ""
    for link in tree.xpath("//h1//a | //h2//a | //h3//a | //h4//a | //h5//a | //h6//a"):
        link.drop_tag()
    return tree, lead


TABLE_ROWS = "./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr"


def _facts_card(table) -> bool:
    """Whether a table of the tree is a card of facts: rows of a header cell (<th>) naming a fact and its value
    ("Termin | 12–13 kwietnia 2018", "Miejsce | Graz (Austria)")."""
    rows = table.xpath(TABLE_ROWS)
    return bool(rows) and all([c.tag for c in tr if c.tag in CELL_TAGS] == ["th", "td"] for tr in rows)


def _paragraphs_of_facts(table) -> None:
    """A card of facts as paragraphs "Termin: 12–13 kwietnia 2018": trafilatura writes it as a table's rows,
    which read as a table of events."""
    from lxml.etree import Element

    div = Element("div")
    for tr in table.xpath(TABLE_ROWS):
        label, value = (" ".join(" ".join(c.itertext()).split()) for c in tr if c.tag in CELL_TAGS)
        p = Element("p")
        p.text = f"{_label(label)}: {value}"
        div.append(p)
    div.tail = table.tail
    table.getparent().replace(table, div)


def _rowspans_spread(table) -> None:
    """A table of the tree with a cell that spans rows copied into each row it spans (trafilatura writes it
    in its first row only, and the rows under it read without it)."""
    from copy import deepcopy

    rows = [tr for tr in table.xpath(TABLE_ROWS) if all(c.tag in CELL_TAGS for c in tr)]
    cells = [list(tr) for tr in rows]
    spans = [[rowspan(c.get("rowspan")) for c in row] for row in cells]
    for tr, row in zip(rows, spread_rowspans(cells, spans), strict=True):
        tr[:] = [_unspanned(deepcopy(cell)) if repeat else cell for cell, repeat in row]


def _unspanned(cell):
    cell.attrib.pop("rowspan", None)
    cell.tail = None
    return cell


SENTENCE_END = re.compile(r"[.!?…]\W*$")
REPORT_WORDS = 8  # a report is a sentence; a record's value ("Okres realizacji" / "2015–2017") is not


def _reports(dl) -> bool:
    """Whether a definition list's descriptions are reports (half of them sentences or more): a chronicle's
    items, not a card of facts."""
    texts = [" ".join(dd.text_content().split()) for dd in dl.iter("dd")]
    said = sum(len(x.split()) >= REPORT_WORDS and bool(SENTENCE_END.search(x)) for x in texts)
    return bool(texts) and 2 * said >= len(texts)


def _paragraphs_of_terms(dl) -> None:
    """A definition list as paragraphs: a chronicle laid out as one ("<dt>12 marca 2019 – Goście z Lwowa</dt>
    <dd>W dniu …</dd>") is a heading line over its report, which trafilatura writes as bullet points of one
    list."""
    for el in dl.iter("dt", "dd"):
        el.tag = "p"
    dl.tag = "div"


SPACES = re.compile(r"\s+")
BROKEN_TEXT = "//body//text()[contains(., '\n')][normalize-space()][not(ancestor::pre)]"
# the date of publication a news list sets beside an item's title: "(12.06.2019)", "12 czerwca 2019"
ITEM_DATE = re.compile(
    r"^\s*\(?\s*(\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+\w+\s+\d{4})\s*\)?\s*$"
)
INLINE_TAGS = ("em", "i", "span", "small", "time")


def _date_before_title(link) -> None:
    """An item that opens with its linked title and the date set after it ("<li><a>Goście z Zuberca</a>
    <em>(12.06.2019)</em><br>…") as a news list writes it more often: the date on a line over the title
    (the title alone its heading)."""
    from lxml.etree import Element

    parent, after = link.getparent(), link.getnext()
    opens = parent is not None and not (parent.text or "").strip() and link.getprevious() is None
    if not opens or (link.tail or "").strip() or after.tag not in INLINE_TAGS:
        return
    date = ITEM_DATE.match(after.text_content())
    if date is None:
        return
    link.tail = (link.tail or "") + (after.tail or "")
    parent.remove(after)
    after.clear()
    after.text = date.group(1)
    link.addprevious(after)
    after.addnext(Element("br"))


# a page's copyright line: "© 2019 Sąsiedzi bez granic", "Copyright © 2020 Fundacja", "(c) 2021"
COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:19|20)\d\d\b", re.I)
COPYRIGHT_TEXT = "//body//text()[contains(., '©') or contains(., 'opyright') or contains(., '(c)')]"
FOOT_WORDS = 80  # the foot of a page is a few lines (an address, a funding note); an article is longer


def _line_of(text):
    """The element a text node of the tree is the text of (a tail's is its element's parent)."""
    return text.getparent().getparent() if text.is_tail else text.getparent()


def _short_block(el) -> bool:
    """Whether an element is a few lines and no article (no heading in it)."""
    return len(el.text_content().split()) <= FOOT_WORDS and not el.xpath(".//h1 | .//h2 | .//h3")


def _record_or_files(el) -> bool:
    """Whether a <details>, <dl> or <table> of the page's tree is its record card (a collapsible "Metryka",
    a definition list of who wrote and published it) or its list of attachments."""
    if el.tag == "details":
        summary = el.find("summary")
        return summary is not None and bool(RECORD_HEADING.match(summary.text_content()))
    if el.tag == "dl":
        return sum(bool(RECORD_TERM.match(dt.text_content())) for dt in el.iter("dt")) >= 2
    if el.find(".//table") is not None:
        return False  # a table that lays out others
    rows = [" ".join(" ".join(tr.itertext()).split()) for tr in el.iter("tr")]
    return attachments([row for row in rows if row])


OG_TITLE = re.compile(r"<meta\s+property=[\"']og:title[\"']\s+content=[\"']([^\"']+)[\"']", re.I)
# schema.org's headline: in JSON-LD ("headline": "…") or as microdata (<h2 itemprop="headline">, Joomla's)
LD_HEADLINE = re.compile(r"\"headline\"\s*:\s*\"((?:[^\"\\]|\\.)+)\"")
ITEMPROP_HEADLINE = re.compile(
    r"<(h[1-6]|span|div|p)\b[^>]*\bitemprop=[\"']headline[\"'][^>]*>(.*?)</\1>", re.I | re.S
)


def marked_headline(
    html: str, title: str = "", footer: str | None = None, headings: list[Heading] | None = None
) -> str:
    """The article's headline as the HTML marks it: `title` (else og:title, else schema.org's headline), or
    the page's <h1> where it says the same at greater length (an og:title "Headline" over "Headline. „A
    quote”"); else the first <h1> that is not the site's name; or "". `footer`: the page's footer text
    (page_footer), `headings`: the page's (page_headings), when the caller has them already."""
    footer = page_footer(html) if footer is None else footer
    if headings is None:
        headings = page_headings(_without_furniture(html)[0])
    marks = (OG_TITLE.search(html[:20000]), LD_HEADLINE.search(html), ITEMPROP_HEADLINE.search(html))
    marked = [
        _plain(_json_string(m.group(1)) if m.re is LD_HEADLINE else m.group(m.lastindex)) for m in marks if m
    ]
    title = _shown_part(html, title or next((x for x in marked if x), ""))
    h1s = [h.text for h in headings if h.level == 1 and h.text and not is_site_name(h.text, footer)]
    if title:
        return next((h for h in h1s if h != title and h.startswith(title)), title)
    return h1s[0] if h1s else _title_part_as_heading(html, footer, headings)


def _shown_part(html: str, title: str) -> str:
    """The part of a marked title that the page shows as its headline ("Headline | Site" whose page shows
    "Headline" alone in an element), else the title itself."""
    parts = [x.strip() for x in TITLE_PARTS.split(title) if len(x.split()) >= 2]
    if len(parts) < 2:
        return title
    shown = _element_texts(html)
    if title in shown:
        return title
    return next((x for x in parts if x in shown), title)


BODY = re.compile(r"<body\b", re.I)
ELEMENT_TEXT = re.compile(r">([^<]*)<")


def _element_texts(html: str) -> set[str]:
    """The texts (whitespace folded) that an element of the page's body holds whole."""
    body = BODY.search(html)
    return {" ".join(x.split()) for x in ELEMENT_TEXT.findall(html, body.end() if body else 0)}


def _title_part_as_heading(html: str, footer: str, headings: list[Heading]) -> str:
    """The part of the <title> that is also a heading of the page and not the site's name ("Wizyty 2015 -
    Współpraca - Ośrodek" over a page headed "Wizyty 2015"), or ""."""
    tag = TITLE.search(html[:20000])
    if tag is None:
        return ""
    texts = {h.text for h in headings}
    parts = [" ".join(x.split()) for x in TITLE_PARTS.split(unescape(tag.group(1)))]
    return next((x for x in parts if len(x.split()) >= 2 and x in texts and not is_site_name(x, footer)), "")


def _json_string(x: str) -> str:
    try:
        return json.loads(f'"{x}"')
    except ValueError:
        return x


def _plain(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _table_rows(text: str) -> str:
    """trafilatura's Markdown tables as the own cut writes a data table: a row a line, its cells joined
    by " | ", empty cells and the header rule left out."""
    lines = []
    for line in text.split("\n"):
        if TABLE_RULE.match(line):
            continue
        row = TABLE_ROW.match(line)
        if row:
            line = " | ".join(c.strip() for c in row.group(1).split("|") if c.strip())
        lines.append(line)
    return "\n".join(lines)


FOOTER = re.compile(r"<(?:footer\b|[a-z]+\b[^>]*\b(?:class|id)=[\"'][^\"']*(?:footer|stopka))", re.I)


def page_footer(html: str) -> str:
    """The text of the page's last footer (its address and copyright line), lower-cased; "" when it has none."""
    starts = [m.start() for m in FOOTER.finditer(html)]
    if not starts:
        return ""
    return " ".join(re.sub(r"<[^>]+>", " ", unescape(html[starts[-1] :])).split()).lower()


def is_site_name(title: str, footer: str) -> bool:
    """Whether `title` is the site's name rather than a headline: the page's footer (page_footer) names it too."""
    return bool(footer) and " ".join(title.split()).lower() in footer


def html_to_text(html: str) -> str:
    """The page's main text by the own cut, one paragraph per line, blank lines between blocks."""
    return _own_cut(html)[0]


RUN_ON = re.compile(rf"{HEADING_END}[ ]*(?=[{UPPER}0-9])")  # a bold heading's end, its text following


def _own_cut(html: str) -> tuple[str, bool]:
    """(text, whether the page is made as the own cut expects: a table lays out its text, or bold headings
    run on into their reports). Where the page marks its content block (a content/treść container, <main>,
    <article>), only that block."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    while parser.tables:  # a table left open at the end of the page
        parser.close_table()
    main, everything = "".join(parser.main), "".join(parser.all)
    marked = len(main.strip()) >= 200
    text = main if marked else everything
    # a bold heading running on into its report, not a label ("Czytaj też:", "Fot.:"): a chronicle's layout
    chronicle = any(text[m.start() - 1 : m.start()] != ":" for m in RUN_ON.finditer(text))
    text = RUN_ON.sub("\n", text).replace(HEADING_END, "")
    lines = []
    for line in text.split("\n"):
        line = line.strip()
        if FURNITURE_LINES.match(line) and line:
            continue
        lines.append(line)
    out = "\n".join(_without_record_card(lines))
    return re.sub(r"\n{3,}", "\n\n", out).strip() + "\n", parser.laid_out or chronicle


def _without_record_card(lines: list[str]) -> list[str]:
    """The lines without the page's record card written as paragraphs: a run of two "Label: value" lines or
    more ("Osoba, która wytworzyła informację: …", "Data udostępnienia: …"), blank lines between them."""
    card = [bool(RECORD_LINE.match(x)) for x in lines]
    filled = [i for i, x in enumerate(lines) if x]
    drop = set()
    for k, i in enumerate(filled):
        near = [filled[j] for j in (k - 1, k + 1) if 0 <= j < len(filled)]
        if card[i] and any(card[j] for j in near):
            drop.add(i)
    return [x for i, x in enumerate(lines) if i not in drop]
