"""Splitting a page's text into event sections: one heading, then its body, up to the next heading.

A heading is a short line that does not end a sentence, is not continued by a lower-case line and is
followed by body text. Headings glued to the end of the previous paragraph ("…Społecznej.Wizyta
studentów…") are cut off it, list numbers ("1. ") are dropped from titles, and archive banners
("Archiwum BIP MJO …", "Dokument archiwalny") are not sections.

Pages also list several events under one heading that is not itself an event: a month or a quarter
("Marzec 2014", "II kwartał"), a kind of event ("Wyjazdy pracowników MOPS"), the page's title, a table's
header row. Such a group's items are the events: its dated paragraphs, list items and table rows
("12.03.2013 | Niemcy | Wizyta studentów …"), and the dated sentences that open a new event inside one
paragraph; each is titled by its first sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from .._months import MONTHS_GEN, MONTHS_LOC, MONTHS_NOM
from ..model import Page, Section
from . import chrome
from ._html import FURNITURE_LINES

T = TypeVar("T")
UPPER = "A-ZĄĆĘŁŃÓŚŹŻÄÖÜÉÈÁÍÚČŠŽŘ"
BANNER = re.compile(
    r"^\s*(archiwum\b.*|.*\bBIP\b.*|dokument archiwalny|biuletyn informacji publicznej.*|"
    r"strona archiwalna|informacja archiwalna|wersja archiwalna)\s*$",
    re.I,
)
# the record card at the foot of a BIP page: everything from its first line on is not an event
METADATA = re.compile(
    r"^\s*(data publikacji|data wytworzenia|data utworzenia|data modyfikacji|wytworzył|wytworzone przez|"
    r"opublikował|osoba odpowiedzialna|podmiot udostępniający|metryka|rejestr zmian|liczba odwiedzin|"
    r"odpowiedzialny za treść|ostatnia modyfikacja|informację wytworzył|informację opublikował|"
    r"informacj\w* wytworzon\w*|wytworzon\w* przez|wprowadzon\w* (?:do BIP )?przez)\b"
    r"|^\s*(opracowanie|opracował[a]?|sporządził[a]?)\s*:",  # "Opracowanie programu …" is text
    re.I,
)
YEAR_LABEL = re.compile(r"^\s*(?:rok\s+)?(?P<y>(?:19|20)\d\d)(?:\s*(?:r\.|rok|roku))?\s*:?\s*$", re.I)
# a body that opens mid-line, after its heading: " – W dniu 14 marca", " W dniach 2-3 grudnia"
RUN_ON = re.compile(r"\s*[-–—:]?\s+(?=(?:W dniu|W dniach|Dnia|Dn\.)\s+\d)")
# what RUN_ON needs, looked for first (RUN_ON opens with "\s*": the engine tries it at every character)
RUN_ON_CUE = re.compile(r"\s(?:W dniu|W dniach|Dnia|Dn\.)\s+\d")
# "Data: 22-24 września 2014 r.", "Miejsce: Wiedeń": the fields of an event written as a record
RECORD_FIELD = re.compile(
    r"^\s*(data|termin|miejsce|miasto|kraj|opis|uczestnicy|organizator|temat|cel|gospodarz|partnerzy|koszty?|"
    r"przebieg|finansowanie|źródło|budżet|rezultaty?|wnioski|czas|godzina|adres|prowadząc\w*)"
    r"(\s+\w+)?\s*:\s*\S",
    re.I,
)
# one word and a colon before the text: "Opracowanie: …", "Źródło: …", "Fot.: …" label a line, not an event
LABELLED = re.compile(r"^\s*\w+\.?\s*:\s+\S")
# ... unless the word is the kind of event and a name follows: "Seminarium: „Praca z rodziną”", "Konferencja: Senior 2030"
KIND_LABEL = re.compile(
    r"^\s*(?:wizyta|rewizyta|spotkanie|konferencja|seminarium|sympozjum|kongres|forum|warsztaty|szkolenie|"
    rf"webinarium|webinar|debata|delegacja|staż)\s*:\s+[„\"“«{UPPER}]"
    # ... or a news item's kind before what happened: "Zapowiedź: wizyta studentów z Grazu", "Relacja: …"
    r"|^\s*(?:zapowiedź|relacja|fotorelacja|komunikat)\s*:\s+(?=\w*\s*\w*\s*(?:wizyt|rewizyt|spotkani|konferencj|"
    r"seminari|delegacj|goście|gości|wyjazd|staż|warsztat|forum))",
    re.I,
)
# the parts of one event under its heading: its days, sessions, panels ("Dzień pierwszy – 15 października",
# "Sesja I: Housing First w praktyce", "Day 2")
PART_HEADING = re.compile(
    r"^\s*(?:dzień\s+(?:pierwszy|drugi|trzeci|czwarty|piąty|[IVX]{1,3}|\d)|day\s+(?:one|two|three|\d)|"
    r"sesja|session|panel|blok|część|moduł)\b",
    re.I,
)
# "1. ", "IV. ", and the sub-sections of a report: "6.1. ", "2.3.1 " (one digit after a dot: "12.05." is a date)
NUMBER = re.compile(r"^\s*(\d{1,3}(?:\.[1-9]){1,3}\.?|\d{1,3}[.)]|[IVX]{1,5}\.)\s+")
BULLET = re.compile(r"^\s*[-–—•·▪●○*]\s+")
# a sentence end glued to a capitalised word: "Społecznej.Wizyta"; not after abbreviations of names
# (the mark first, the letter before it looked back at: a pattern opening with a look-behind is tried at every character)
GLUED = re.compile(rf"[.!?](?<=[a-ząćęłńóśźż0-9)\]”\"'»][.!?])(?=[{UPPER}][a-ząćęłńóśźżäöü])")
NAME_ABBREVIATIONS = {
    "ul",
    "al",
    "pl",
    "os",
    "św",
    "im",
    "dr",
    "prof",
    "mgr",
    "p",
    "pt",
    "pn",
    "nr",
    "tzw",
    "inż",
    "ks",
    "hab",
    "st",
    "ww",
    "tj",
    "np",
    "oo",
}
DATE_OPENING = re.compile(r"(W|w) dni(u|ach)\s+\d|Dnia\s+\d|Dn\.\s*\d|W terminie\b|W okresie\b|Od \d")
# a date opening a heading, set off by a dash: "12 maja 2015 r. – Wizyta …", "12.05.2015 – Wizyta …"
DATE_LEAD = re.compile(  # with its year: days without one open the lines of a programme
    r"^\d{1,2}(?:\s*[-–]\s*\d{1,2})?(?:\.\d{1,2}\.|\s+[a-ząćęłńóśźż]+\s+)(?:19|20)\d\d"
    r"(?:\s*r(?:oku)?\.?)?\s*[-–—|·]\s+"  # or a bar: "20.04.2017 | Wizyta …" on a list of news items
    r"|^\d{1,2}\.\d{1,2}\.(?:19|20)\d\d\s*r\.\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])",  # or nothing after "r.": "15.03.2016 r. Wizyta …"
    re.I,  # and in a heading in capitals: "12 MAJA 2015 R. – WIZYTA …"
)
# a date closing a heading, written with the abbreviation of "roku"
DATE_AT_END = re.compile(r"\s*[-–—,]?\s*\(?[^()]{0,25}\b\d{2,4}\s*r(oku)?\.\)?\s*$", re.I)
# its last digit and what follows, looked for first (it opens with a digit: the engine skips to the digits)
YEAR_STOP = re.compile(r"\d\s*r(oku)?\.\)?\s*$", re.I)
END_OF_SENTENCE = re.compile(r"[.;:,]\s*$")
LISTED_AFTER = re.compile(r":\s+\S")
INNER_SENTENCE = re.compile(rf"[a-ząćęłńóśźż]{{3,}}[.!?]\s+[{UPPER}]")


@dataclass
class _Line:
    start: int
    end: int
    text: str
    # blank, banner, heading, body, year, label (over headings), lead (body before the first heading),
    # chrome, dateline (a date line over a heading)
    kind: str = "body"

    # what the line's text is, worked out once: the splitter asks it of a line several times
    @cached_property
    def dateline(self) -> bool:
        return chrome.is_dateline(self.text)

    @cached_property
    def page_chrome(self) -> bool:
        return self.dateline or chrome.is_chrome(self.text, dates=False)

    @cached_property
    def furniture(self) -> bool:
        return (
            not self.dateline and chrome.is_chrome(self.text, dates=False) and not METADATA.match(self.text)
        )

    @cached_property
    def heading_like(self) -> bool:
        return not self.dateline and _heading_shape(self.text)

    @cached_property
    def folded(self) -> str:
        return _fold(self.text)


def split_sections(page: Page) -> list[Section]:
    """The page's event sections in page order, with offsets into page.text."""
    return [x.section for x in grouped_sections(page)]


@dataclass
class Listed:
    """A section with what the page says above it: the group heading it is listed under (a month, a
    quarter, "Wyjazdy pracowników MOPS") or the label over its own heading, else None; and the year of
    the year label over it ("Rok 2013" on an archive page of several years)."""

    section: Section
    group: str | None = None
    year: int | None = None
    # spans of page chrome inside the section (photo credits, a date of publication): not its text
    masks: list[tuple[int, int]] = field(default_factory=list)
    article: bool = False  # the page's one article: what stands around it (a sidebar, a header) is not its
    published: str | None = None  # an article's line with its date of publication
    dated_by: str | None = None  # the date line set over the heading: the item's date where its text has none
    # where the heading it is listed under stands, and the page's funding lines outside every section: the
    # project and programme a list of items belongs to ("Sprawozdanie z realizacji projektu „X”" / "• …")
    group_start: int | None = None
    funding: list[tuple[int, int]] = field(default_factory=list)


def grouped_sections(page: Page) -> list[Listed]:
    """The page's event sections in page order, each with its group heading and year label."""
    text = page.text
    lines = _close_date_gaps(_glue_split(text, _lines(text)))
    _classify(lines)
    version = _language_version(lines)
    for ln in lines[version:]:
        # the same report again in another language; a funding line after it names the programme of both
        ln.kind = "chrome" if ln.kind != "blank" and not chrome.is_funding(ln.text) else ln.kind
    article = None if _teaser_list(lines) else _article(text, lines, page.title)
    if article is not None:
        article.masks += chrome.disclaimers(text, article.section.start, article.section.end)
        return [article]
    sections = _chronicle(text, lines)
    spans = [(ln.start, ln.end) for ln in lines if ln.kind == "chrome"]
    # another project's banner is chrome
    funding = [(ln.start, ln.end) for ln in lines if ln.kind != "chrome" and chrome.is_funding(ln.text)]
    for x in sections:
        x.masks = [(a, b) for a, b in spans if x.section.start <= a and b <= x.section.end]
        x.masks += chrome.disclaimers(text, x.section.start, x.section.end)
        x.published = _item_published(lines, x.section)
        if x.group is not None:
            x.group_start = text.rfind(x.group, 0, x.section.start)
            x.funding = [(a, b) for a, b in funding if not x.section.start <= a < x.section.end]
    return sections


def _language_version(lines: list[_Line]) -> int:
    """Where the page's report starts again in another language ("English version", "ENGLISH"): the first
    such label after a paragraph of running text (a header's language switch stands above it); else the end."""
    seen_text = False
    for i, ln in enumerate(lines):
        if seen_text and chrome.LANGUAGE_VERSION.match(ln.text):
            return i
        seen_text = seen_text or len(ln.text.split()) >= LONG_PARAGRAPH
    return len(lines)


def _item_published(lines: list[_Line], section: Section) -> str | None:
    """An item's own date of publication: the date line between its heading and its text ("Goście z Wilna" /
    "Dodano: 12.10.2016" / "W dniach …")."""
    inside = [ln for ln in lines if section.start <= ln.start < section.end and ln.kind != "blank"]
    head = next((k for k, ln in enumerate(inside) if ln.kind == "body"), len(inside))
    return _published(inside, head) if head > 0 else None


def _chronicle(text: str, lines: list[_Line]) -> list[Listed]:
    """A chronicle's events: one per heading, or per dated item under a group heading or none."""
    years = [(ln.start, int(YEAR_LABEL.match(ln.text).group("y"))) for ln in lines if ln.kind == "year"]
    labels = [(ln.start, ln.text) for ln in lines if ln.kind == "label"]
    headings = [i for i, ln in enumerate(lines) if ln.kind == "heading"]
    sections: list[Listed] = []
    lead = [ln for ln in lines if ln.kind == "lead"]
    # dated paragraphs with no heading over them are events all the same; an introduction is not
    for a, b in _group_items(text, "", lead, headless=True) or []:
        sections.append(Listed(_item_section(text, a, b), None, _last_before(years, a)))
    for n, i in enumerate(headings):
        head = lines[i]
        stop = headings[n + 1] if n + 1 < len(headings) else len(lines)
        body_lines = [ln for ln in lines[i + 1 : stop] if ln.kind == "body"]
        m = NUMBER.match(head.text) or BULLET.match(head.text)
        tstart = head.start + (m.end() if m else 0)
        while tstart < head.end and text[tstart].isspace():
            tstart += 1
        title = " ".join(text[tstart : head.end].split())
        # under the title of the page or of a year's part of it: a summary, and maybe the events themselves
        overview = len(headings) > 1 and sums_up(title)
        # a table after an event's own text: its rows are events of their own, the text stays the heading's
        first_row = next((k for k, ln in enumerate(body_lines) if _table_row(ln.text)), 0)
        rows = body_lines[first_row:] if first_row and _names_one_event(title) else []
        body_lines = body_lines[: len(body_lines) - len(rows)]
        items = _group_items(text, title, body_lines, headless=overview)
        if items is not None:
            sections += [Listed(_item_section(text, a, b), title, _last_before(years, a)) for a, b in items]
            continue
        if overview:
            continue  # only the summary
        if _names_a_body(title) and all(
            len(x.text.split()) < LONG_PARAGRAPH and not _has_date(x.text) for x in body_lines
        ):
            continue  # the site's name over a short line (the page's title): no report
        if body_lines:
            bstart, bend = body_lines[0].start, body_lines[-1].end
            body = text[bstart:bend]
            end = bend
        else:
            body, end = "", head.end
        over = next((x for x in reversed(lines[:i]) if x.kind != "blank"), None)
        sections.append(
            Listed(
                Section(title=title, body=body, start=tstart, end=end),
                _last_before(labels, tstart),
                _last_before(years, tstart),
                dated_by=over.text if over is not None and over.kind == "dateline" else None,
            )
        )
        for a, b in _group_items(text, "", rows, headless=True) or []:
            sections.append(Listed(_item_section(text, a, b), None, _last_before(years, a)))
    return sections


def _last_before(marks: list[tuple[int, T]], pos: int) -> T | None:
    """The last year (or label) set above `pos`."""
    return next((y for start, y in reversed(marks) if start < pos), None)


def _alternatives(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_GEN, _LOC, _NOM = _alternatives(MONTHS_GEN), _alternatives(MONTHS_LOC), _alternatives(MONTHS_NOM)
_ROMAN = r"XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I"
# the date that opens the report of an event: "W dniu 5 marca", "Dnia 12.05.2015", "14 lutego 2012 r. –",
# "W dniach 2-3 grudnia", "W maju 2017", a Roman month ("X 2021", "3 V 2016"), a timeline's year or month
# before a dash ("2016 – wizyta …", "maj 2018 – wyjazd …")
DATED = (
    rf"(?:(?:W|w)\s+dni(?:u|ach)\s+\d|Dni(?:a|ach)\s+\d|Dn\.\s*\d|Od\s+\d|W\s+terminie\s+\d"
    rf"|\d{{1,2}}(?:(?:\s*[-–]\s*|\s+(?:i|oraz)\s+)\d{{1,2}})?\s+(?:{_GEN})\b|\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\.\d{{1,2}}\.?(?:\d{{4}})?\b"
    rf"|(?:W|w)\s+(?:{_LOC})\b|(?:N|n)a\s+przełomie\s+(?:{_GEN})\b"
    # a part of a month: "Na początku lutego", "Pod koniec czerwca", "W drugiej połowie października"
    rf"|(?:(?:N|n)a\s+początku|(?:P|p)od\s+koniec|(?:Z|z)\s+końcem|(?:W|w)\s+(?:pierwszej\s+|drugiej\s+)?połowie)"
    rf"\s+(?:{_GEN})\b"
    rf"|(?:\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+)?(?:{_ROMAN})\s+(?:19|20)\d\d\b"
    rf"|(?:(?i:{_NOM})\s+)?(?:19|20)\d\d\s*[-–—]\s)"
)
DATED_START = re.compile(DATED)
DATED_SENTENCE = re.compile(rf"(?<=[.;!?])\s+(?={DATED})")
LIST_MARK = re.compile(r"^\s*(?:\d{1,3}[.)]|[IVX]{1,5}\.|[a-z]\)|[-–—•·▪●○*])\s+")
TABLE_ROW = re.compile(r"\S\s+\|\s+\S")  # cells flattened to one line: "12.03.2013 | Niemcy | Wizyta …"


def _table_row(s: str) -> bool:
    return "|" in s and TABLE_ROW.search(s) is not None  # (the bar first: most lines have none)


# a heading that names one event, though several dated sentences report its days
ONE_EVENT = re.compile(
    r"^(?:\w+\s+)?(wizyta|rewizyta|spotkanie|konferencja|seminarium|sympozjum|kongres|udział|przekazanie|darowizna|"
    r"staż|forum|wyjazd|pobyt|delegacja|warsztaty|szkolenie)\b",
    re.I,
)
# a heading that names where or whence ("Goście z Wilna", "Wyjazd do Wiednia") reports one event; group
# headings name none ("Wizyty zagraniczne w MOPS", "Współpraca zagraniczna MOPS w Krakowie w 2011 roku")
NAMED_PLACE = re.compile(rf"(?<!\w)(?:z|ze|w|we|do|na)\s+(?!MOPS\b|Krak|Miejsk|Ośrod|Pols)[{UPPER}]\w")
# ... and one that names a project, a programme or an organisation ("Realizacja projektu URB-INCLUSION",
# "Projekt „Senior w sieci”") reports that one's doings
# (a welfare body's acronym names the publisher: "Współpraca międzynarodowa RCPS w 2019 roku")
NAMED_THING = re.compile(r"[„\"“«]|\b(?!(?:MOPS|MOPR|M?GOPS|OPS|PCPR|ROPS|RCPS|CUS|BIP|MJO)\b)[A-Z]{3,}")
# the title of a page or of a year's part of it ("Współpraca zagraniczna MOPS w 2016 roku", "Kontakty
# międzynarodowe", "Rok 2015 – wizyty i wyjazdy"): what stands under it sums up, it reports no one event
OVERVIEW = re.compile(
    r"^(?:współpraca|kontakty|wymiana|działalność)\s+(?:zagraniczn|międzynarodow)\w*"
    r"|\b(?:w|we|za)\s+(?:rok\w*\s+)?(?:19|20)\d\d\s*(?:r\.|rok\w*)?\s*$|^rok\s+(?:19|20)\d\d|\b(?:19|20)\d\d\s+rok\s*$"
    # "Kalendarium współpracy … – 2019", "Kronika 2017", "Zestawienie wizyt"
    # "Sprawozdanie z realizacji projektu „X” – rok 2019": a report of a year
    r"|^(?:kalendarium|kronika|zestawienie|przegląd|sprawozdanie)\b|\s[-–—]\s*(?:rok\s+)?(?:19|20)\d\d\s*$",
    re.I,
)
# the end of an item's first sentence; not after "r.", "br.", "ul." and the like
SENTENCE_END = re.compile(rf"(\w*)[.!?](?=\s+[{UPPER}„\"])")
NOT_ENDING = NAME_ABBREVIATIONS | {"r", "br", "ok", "ds", "in", "m"}


@dataclass
class _Piece:
    start: int
    end: int
    dated: bool
    marked: bool  # a list item or a table row
    row: bool = False
    style: str = ""  # the kind of its list mark: "1", "•" …


def _group_items(
    text: str, title: str, body_lines: list[_Line], headless: bool = False
) -> list[tuple[int, int]] | None:
    """The spans of the events listed under a group heading (or under none: `headless`), or None when
    the heading is an event's."""
    from ..extract.dates import calendar_label  # the same months the events are dated by

    calendar = calendar_label(title) is not None
    pieces: list[_Piece] = []
    for ln in body_lines:
        mark = LIST_MARK.match(ln.text)
        start = ln.start + (mark.end() if mark else 0)
        if _table_row(ln.text):
            start += len(
                re.match(r"\|?\s*", text[start : ln.end]).group()
            )  # "1. | 14.03.2019 | …": the first cell
            pieces.append(_Piece(start, ln.end, _has_date(ln.text), True, True))
            continue
        cuts = [start] + [start + m.end() for m in DATED_SENTENCE.finditer(text[start : ln.end])]
        for k, a in enumerate(cuts):
            b = cuts[k + 1] if k + 1 < len(cuts) else ln.end
            while b > a and text[b - 1].isspace():
                b -= 1
            # a date opens it, or a marked line holds one, or the line is a bare date ("wrzesień 2021")
            piece = text[a:b]
            dated = bool(DATED_START.match(text, a)) or (
                k == 0 and (_has_date(piece) if mark else _is_date_line(piece))
            )
            pieces.append(
                _Piece(a, b, dated, bool(mark) and k == 0, style=_mark_style(mark) if k == 0 else "")
            )
    n_dated = sum(p.dated for p in pieces)
    rows = any(p.dated and p.row for p in pieces)
    # two dated items under a heading that names one event are its days; under a report's title, events
    several = n_dated >= 2 and (not _names_one_event(title) or sums_up(title))
    if not (calendar or rows or (headless and n_dated) or several):
        return None
    items: list[list[int]] = []
    last_marked, last_style = False, ""
    for p in pieces:
        if p.dated or (calendar and not items) or (p.marked and not n_dated):
            items.append([p.start, p.end])
            last_marked, last_style = p.marked, p.style
        elif p.marked and last_marked and p.style != last_style:
            continue  # a mark of another kind after the list ("5. Wolontariat" after "• …"): the next part
        elif chrome.is_funding(text[p.start : p.end]):
            continue  # the list's funding line ("Projekt „X” realizuje … w ramach …"): no item's text
        elif items and not p.row and not (last_marked and not p.marked and text[p.start].isupper()):
            items[-1][1] = p.end  # a paragraph that goes on with the item before it
        # else: the group's introduction, a line closing a list ("Łącznie …") or a table's header row
    return [(a, b) for a, b in items]


def sums_up(title: str) -> bool:
    """The title of a page or of a year's part of it ("Kalendarium 2019", "Sprawozdanie z realizacji projektu
    „X” – rok 2019"), not of one event ("Wizyta w Wiedniu – 2019")."""
    return bool(OVERVIEW.search(title)) and not (ONE_EVENT.match(title) or NAMED_PLACE.search(title))


def _mark_style(mark: re.Match | None) -> str:
    """The kind of a list mark: "1" for numbers, "I" for Roman ones, "a" for letters, else the bullet itself."""
    if mark is None:
        return ""
    m = mark.group().strip()
    return "1" if m[0].isdigit() else "I" if m[0] in "IVX" else "a" if m[0].isalpha() else m


def _names_one_event(title: str) -> bool:
    plain = title.capitalize() if title.isupper() else title  # a heading in capitals names no acronym
    return bool(ONE_EVENT.match(plain) or NAMED_PLACE.search(plain) or NAMED_THING.search(plain))


# a day counted from a dateline that is not the dateline's own day ("dziś" is: the dateline dates the event)
OTHER_DAY = re.compile(
    r"(?<!\w)(?:przedwczoraj|wczoraj|jutr[oa]|w\s+(?:ubiegł|zeszł|minion)\w*\s+\w+)(?!\w)", re.I
)


def _dated_after(s: str) -> bool:
    """The text after a dateline dates its event itself: a day, or one counted from the dateline ("Od jutra")."""
    return _has_date(s) or OTHER_DAY.search(s) is not None


def _has_date(s: str) -> bool:
    from ..extract.dates import find_dates

    return any(not m.year_only for m in find_dates(s))


def _item_section(text: str, start: int, end: int) -> Section:
    """An item of a group titled by its first sentence, or by its first line when that is a heading
    ("14.04.2016" / "Wizyta delegacji z Tbilisi" / …); the rest is its body."""
    title_end = next(
        (m.end() for m in SENTENCE_END.finditer(text, start, end) if m.group(1).lower() not in NOT_ENDING),
        end,
    )
    lines = text[start:end].split("\n")
    if len(lines) > 1 and lines[0].strip():
        head = 1 + (
            len(lines) > 2 and len(lines[0].split()) <= 4 and _has_date(lines[0])
        )  # a date line first
        if _could_be_heading(lines[head - 1]) and not lines[head - 1].rstrip().endswith("."):
            title_end = min(title_end, start + len("\n".join(lines[:head])))
    bstart = title_end
    while bstart < end and text[bstart].isspace():
        bstart += 1
    return Section(title=" ".join(text[start:title_end].split()), body=text[bstart:end], start=start, end=end)


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        start = pos + (len(raw) - len(raw.lstrip()))
        end = pos + len(raw.rstrip())
        out.append(_Line(start, max(start, end), text[start:end], "blank" if not raw.strip() else "body"))
        pos += len(raw) + 1
    return out


def _glue_split(text: str, lines: list[_Line]) -> list[_Line]:
    """Cut a heading glued to the end of a paragraph into a line of its own."""
    out = []
    for ln in lines:
        cut = None
        if ln.kind == "body" and len(ln.text) > 40:
            for m in GLUED.finditer(ln.text):
                before = re.search(r"(\w+)$", ln.text[: m.start()])
                if before and before.group(1).lower() in NAME_ABBREVIATIONS:
                    continue
                tail = ln.text[m.end() :]
                if _could_be_heading(tail) and not re.search(r"[.!?]\s", tail):
                    cut = m.end()
                    break
        if cut is not None:
            out.append(_Line(ln.start, ln.start + cut, ln.text[:cut]))
            out.append(_Line(ln.start + cut, ln.end, ln.text[cut:]))
            continue
        run_on = RUN_ON.search(ln.text) if ln.kind == "body" and RUN_ON_CUE.search(ln.text) else None
        head = ln.text[: run_on.start()] if run_on else ""
        if run_on and EVENT_WORDS.match(head) and _could_be_heading(head) and not _has_verb(head):
            # "Wizyta delegacji ze Lwowa W dniu 8 października …": the heading runs on into its body
            out.append(_Line(ln.start, ln.start + len(head), head))
            out.append(_Line(ln.start + run_on.end(), ln.end, ln.text[run_on.end() :]))
            continue
        out.append(ln)
    return out


# what opens the introduction of a list ("Poniżej najważniejsze wydarzenia roku.", "Oto nasze wizyty:")
LIST_INTRO = re.compile(r"(?:Poniżej|Oto|Przedstawiamy|Prezentujemy)\b")
DATE_LINE_WORDS = 6


def _close_date_gaps(lines: list[_Line]) -> list[_Line]:
    """A timeline whose items are each a date line, a blank line and the item's text ("…partnerami." / "" /
    "24 lutego 2021" / "" / "Spotkanie online …"): the date line is the item's first line. Only where two
    items or more follow text that ended a sentence (a list of teasers puts its dates under titles)."""
    gaps = []
    for i, ln in enumerate(lines[:-2]):
        if (
            ln.kind == "body"
            and _is_date_line(ln.text)
            and lines[i + 1].kind == "blank"
            and lines[i + 2].kind == "body"
            and lines[i + 2].text[:1].isupper()
            and not _has_date(lines[i + 2].text[:40])
        ):
            prev = _previous(lines, i)
            gaps.append((i + 1, prev is not None and bool(re.search(r"[.!?…]\s*$", prev.text))))
    if sum(after_text for _, after_text in gaps) < 2:
        return lines
    drop = {k for k, _ in gaps}
    return [ln for k, ln in enumerate(lines) if k not in drop]


def _is_date_line(s: str) -> bool:
    """A line that is a date and little else: "24 lutego 2021", "wrzesień 2021", "10–11.06.2021"."""
    return len(s.split()) <= DATE_LINE_WORDS and not re.search(r"[.:]\s*$", s) and _has_date(s)


def _parts_into_text(lines: list[_Line]) -> None:
    """The headings of an event's parts (PART_HEADING) under a heading that names one event, and the headings
    after them that name no event of their own ("Wizyty studyjne"), are lines of that event's text."""
    event, in_parts = False, False
    for ln in lines:
        if ln.kind not in ("heading", "label"):
            continue
        plain = NUMBER.sub("", ln.text, count=1)
        if event and (PART_HEADING.match(plain) or (in_parts and not _names_one_event(plain))):
            ln.kind, in_parts = "body", True
        else:
            in_parts = False
            event = ln.kind == "heading" and _names_one_event(plain)


def _dated_report(s: str) -> bool:
    """A line that opens with the date of what it reports; also bulleted as one, when it is long: a <dl>'s
    terms and definitions read as bullets ("- Goście z Wilna" / "- 22 maja 2019 r. gościliśmy …")."""
    if DATED_START.match(s):
        return True
    mark = BULLET.match(s)
    return (
        mark is not None and len(s.split()) >= LONG_PARAGRAPH and DATED_START.match(s, mark.end()) is not None
    )


def _could_be_heading(s: str) -> bool:
    return not chrome.is_dateline(s) and _heading_shape(s)  # not a date of publication or a byline


def _heading_shape(s: str) -> bool:
    if RECORD_FIELD.match(s) or (LABELLED.match(s) and not KIND_LABEL.match(s)):
        return False  # a record card's field
    line = s
    numbered = NUMBER.match(s) is not None  # a report's numbered section may be one word: "VII. Wolontariat"
    s = NUMBER.sub("", s, count=1).strip()
    if BULLET.match(s):  # "– Wizyta studentów z Austrii": a bulleted heading opens with what happened
        s = BULLET.sub("", s, count=1)
        if not EVENT_WORDS.match(s):
            return False
    words = s.split()
    if not (2 - numbered <= len(words) <= 40) or len(s) > 300:
        return False  # (asked before the patterns below: it spares their scans of every paragraph)
    colon = LISTED_AFTER.search(line)
    if colon and _has_finite_verb(line[: colon.start()]):
        return False  # "W spotkaniu udział wzięli m.in.: A – dyrektor …, B …": a sentence listing people
    lead = DATE_LEAD.match(s)
    if lead:  # "12 maja 2015 r. – Wizyta studentów z Grazu": the heading after its date
        rest = s[lead.end() :]
        return rest[:1].isupper() and bool(EVENT_WORDS.match(rest)) and _could_be_heading(rest)
    if not (s[0].isupper() or s[0] in "„\"'«"):
        return False
    if DATE_OPENING.match(s) or LIST_INTRO.match(s):
        # "W dniu 5 maja goście zwiedzili MOPS" opens a body, "Poniżej przedstawiamy …" a list: not headings
        return False
    if INNER_SENTENCE.search(s):
        return False
    if len(words) >= LEAD_SENTENCE and chrome.is_teaser(s):
        return False  # a teaser cut short with "…": running text
    if YEAR_STOP.search(s) and DATE_AT_END.search(s) and not DATE_OPENING.match(s):
        full = s
        s = DATE_AT_END.sub("", s)  # "Wizyta gości z Litwy – 12 marca 2015 r.": the stop is the year's
        words = s.split()
        # "Delegacja … odwiedziła MOPS w dniu 12 maja 2016 r.", "Umowę … podpisaliśmy w 2012 roku.": a sentence
        if _has_verb(full):
            return False
    if END_OF_SENTENCE.search(s):
        # a heading written with a full stop ("Wizyta studentów z Austrii.") or a colon ("Udział w
        # konferencji w Kopenhadze:", "Młodzież ze Szwecji w MOPS:"): short, naming what happened (a colon:
        # opening with it or naming whence), and without a verb
        if s.endswith(":"):  # a colon closes no sentence: dates and commas may stand in such a heading
            named = EVENT_WORDS.match(s) or ONE_EVENT.match(s) or NAMED_PLACE.search(s)
            return bool(named) and len(words) <= 20 and not _has_finite_verb(s)
        named = s.endswith(".") and not s.endswith("..") and bool(EVENT_WORDS.search(s))
        return named and len(words) <= 16 and not re.search(r"[\d,]", s) and not _has_verb(s)
    return True


EVENT_WORDS = re.compile(
    r"(?<!\w)(wizyt|rewizyt|konferencj|spotkani|seminari|sympozj|kongres|darowizn|udział|współprac|delegacj|studen|"
    r"staż|wymian|goście|gości|warsztat|forum|zjazd)",
    re.I,
)
VERB_POS = {"fin", "praet", "impt", "bedzie", "winien", "pred", "imps", "inf", "pact", "ger"}


# forms of "być" that morfeusz also reads as nouns or adjectives ("była" = former): in a line, a verb
BE_FORMS = {"jest", "są", "był", "była", "było", "byli", "były", "będzie", "będą"}


def _has_verb(s: str) -> bool:
    from ..extract._text import tokenize  # morphology, to tell a sentence from a heading

    return any(
        (t.has_pos(*VERB_POS) and not t.has_pos("subst", "adj", "prep", "brev")) or t.lower in BE_FORMS
        for t in tokenize(s)
    )


FINITE_POS = {"fin", "praet", "impt", "bedzie", "winien"}


def _has_finite_verb(s: str) -> bool:
    """A finite verb: not a gerund ("Przekazanie"), not a word after a preposition ("z udziałem"), not a
    particle inside a name ("Leonardo da Vinci")."""
    from ..extract._text import tokenize

    toks = tokenize(s)
    for k, t in enumerate(toks):
        if not t.has_pos(*FINITE_POS) or t.has_pos("subst", "adj", "prep", "brev", "ger"):
            continue
        if k and toks[k - 1].has_pos("prep"):
            continue
        if (
            0 < k < len(toks) - 1
            and t.text.islower()
            and toks[k - 1].is_upper_initial
            and toks[k + 1].is_upper_initial
        ):
            continue
        return True
    return False


def _classify(lines: list[_Line]) -> None:
    seen_text = seen_paragraph = False
    in_metadata = False
    teasers = _teasers_are_text(lines)
    for i, ln in enumerate(lines):
        if ln.kind == "blank":
            continue
        if ln.furniture and not (teasers and chrome.is_teaser(ln.text)):
            ln.kind = "chrome"  # a photo credit, a share link, a breadcrumb: neither heading nor text
            continue
        if _section_label(lines, i):
            ln.kind = "chrome"  # "ZAPOWIEDZI" over "Goście z Wilna": the site's section, not a heading
            continue
        if (teasers or chrome.PUBLISHED.match(ln.text)) and ln.dateline:
            # a teaser's date of publication, or a labelled one ("Opublikowano 10 października 2022")
            ln.kind = "chrome"
            continue
        if in_metadata or METADATA.match(ln.text) or FURNITURE_LINES.match(ln.text):
            # the page's record card (publication date, author) and print/download links close no event;
            # one line of it under a headline, before any running text, is an article's date line only
            opens_card = bool(METADATA.match(ln.text)) and (seen_paragraph or not _one_line_card(lines, i))
            in_metadata = in_metadata or opens_card
            ln.kind = "banner" if in_metadata or not METADATA.match(ln.text) else "chrome"
            continue
        seen_paragraph = seen_paragraph or len(ln.text.split()) >= LONG_PARAGRAPH
        if not seen_text and BANNER.match(ln.text) and len(ln.text) < 120:
            ln.kind = "banner"
            continue
        if BANNER.match(ln.text) and len(ln.text) < 40 and not seen_text:
            ln.kind = "banner"
            continue
        if YEAR_LABEL.match(ln.text):
            ln.kind = "year"  # "Rok 2013" over the events of that year on an archive page
            continue
        seen_text = True
        if _foreign_banner(lines, i):
            ln.kind = "chrome"  # another project's funding banner: names nothing of these events
            continue
        if _sentence_heading(lines, i):
            ln.kind = "heading"
            continue
        if not ln.heading_like or _listed_under_colon(lines, i) or _next_row(lines, i):
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt and nxt.kind != "blank" and not nxt.dateline and nxt.text[:1].islower():
            continue  # a paragraph wrapped onto the next line (not a news item's "dodano: 2016-06-20")
        after = next((x for x in lines[i + 1 :] if x.kind not in ("blank", "chrome")), None)
        if BULLET.match(ln.text) and not (after is not None and _dated_report(after.text)):
            continue  # a bulleted line is a heading only over a dated report, else a point of a list
        if ln.text.endswith(":") and after is not None and LIST_MARK.match(after.text):
            continue  # "Uczestnicy spotkania z Wilna:" over a list introduces the list
        if after is not None and after.text[:1].islower() and not EVENT_WORDS.match(NUMBER.sub("", ln.text)):
            continue  # ... or onto the next paragraph: "W ramach projektu: …" / "w dniach 12-13 kwietnia …"
        prev = _previous(lines, i)
        if (
            prev is not None
            and prev.kind == "body"
            and lines[i - 1].kind != "blank"
            # a date line over the title: a news item's date of publication (its text opening with the
            # event's date), or a chronicle item's date ("Poniedziałek, 7 lutego 2022" / "Goście z …" / text)
            and not (
                prev.dateline
                and nxt is not None
                and (DATED_START.match(nxt.text) or len(nxt.text.split()) >= LEAD_SENTENCE)
            )
        ):
            # directly under a body line: a heading only if that line ended a sentence, or if it opens with
            # what happened and the next line with a date ("…przy ul. Sołtysowskiej 13" / "Wizyta studentów
            # z Austrii" / "7 stycznia 2010 odbyła się …")
            if not re.search(r"[.!?:”\"»)…]\s*$", prev.text) and not (
                nxt is not None
                and EVENT_WORDS.match(NUMBER.sub("", ln.text))
                and DATED_START.match(nxt.text)
                and not _has_verb(ln.text)
            ):
                continue
        ln.kind = "heading"
    # a date line over a heading whose text opens with the event's own date is that news item's date of
    # publication: no text of it, and no body of the heading above (over a bare heading it dates the event)
    for i, ln in enumerate(lines):
        if ln.kind == "body" and ln.dateline:
            after = [x for x in lines[i + 1 :] if x.kind not in ("blank", "chrome")][:2]
            if len(after) == 2 and after[0].kind == "heading" and DATED_START.match(after[1].text):
                ln.kind = "chrome"
            elif after and after[0].kind == "heading":
                ln.kind = "dateline"  # over a heading whose text gives no date of its own: the item's date
    # a heading needs a body: one followed only by another heading is a paragraph line after all
    for i, ln in enumerate(lines):
        if ln.kind != "heading":
            continue
        nxt = next((x for x in lines[i + 1 :] if x.kind in ("heading", "body")), None)
        if nxt is None and EVENT_WORDS.search(ln.text) and not _has_verb(ln.text):
            continue  # the page was cut off right after this heading: still an event
        if (
            nxt is not None
            and nxt.kind == "heading"
            and EVENT_WORDS.search(ln.text)
            and _has_date(ln.text)
            and not _has_verb(ln.text)
        ):
            continue  # a dated heading needs no body: "1. Wizyta studentów z Grazu (12.05.2015)" in a list
        if nxt is None or nxt.kind == "heading":
            prev = _previous(lines, i)
            if nxt is not None and _blank_around(lines, i):
                ln.kind = "label"  # set apart above headings: a label over them ("Wyjazdy pracowników MOPS")
            elif prev is not None and prev.kind in ("body", "heading"):
                ln.kind = "body"
            else:
                ln.kind = "banner"
    _parts_into_text(lines)
    # body lines before the first heading (or on a page without headings) are the page's lead: an
    # introduction, or events listed with no heading over them
    first = next((i for i, ln in enumerate(lines) if ln.kind == "heading"), len(lines))
    for ln in lines[:first]:
        if ln.kind == "body":
            ln.kind = "lead"


QUOTED_TITLE = re.compile(r"[„\"“«]([^„\"“”«»]{3,120})[”\"»]")
SENTENCE_HEADING_WORDS = 12


LABEL_WORDS = 3


def _section_label(lines: list[_Line], i: int) -> bool:
    """A short line in capitals that names no event ("AKTUALNOŚCI", "Z ŻYCIA OŚRODKA") right over a heading
    in ordinary case: the site's section the item is filed under."""
    s = lines[i].text.strip()
    if not (s.isupper() and len(s.split()) <= LABEL_WORDS) or re.search(r"\d", s):
        return False
    plain = s.capitalize()
    if EVENT_WORDS.search(plain) or REPORT_CUES.search(plain):
        return False
    nxt = next((x for x in lines[i + 1 :] if x.kind != "blank"), None)
    return nxt is not None and not nxt.text.isupper() and nxt.heading_like


def _listed_under_colon(lines: list[_Line], i: int) -> bool:
    """An undated line of a list run on under a line that ends with a colon ("Program wizyty:" / "Poniedziałek –
    Cyrenians: …" / "Środa – …, spotkanie z radną …"): a point of that list, not a heading of its own."""
    if i == 0 or lines[i - 1].kind == "blank" or _has_date(lines[i].text):
        return False
    for k in range(i - 1, -1, -1):
        if lines[k].kind == "blank":
            return False
        if lines[k].text.rstrip().endswith(":"):
            return True
    return False


def _next_row(lines: list[_Line], i: int) -> bool:
    """A table's first row right under its header row of words ("Data | Delegacja | Cel wizyty"): a row of the
    table, not a heading over the rows after it."""
    header = lines[i - 1].text if i > 0 else ""
    return _table_row(lines[i].text) and _table_row(header) and not re.search(r"\d", header)


def _foreign_banner(lines: list[_Line], i: int) -> bool:
    """A funding banner naming a project ("Projekt „Aktywni razem” współfinansowany …") that no other line
    names: the site's banner for another of its projects. A banner naming no project stays: its programme
    is the page's ("Projekt współfinansowany w ramach programu Interreg …")."""
    text = lines[i].text
    title = QUOTED_TITLE.search(text)
    if not (chrome.is_funding(text) and title):
        return False
    others = [ln.text for k, ln in enumerate(lines) if k != i]
    return not any(title.group(1) in x for x in others) and not _programme_named(text, others)


# a programme's name in a funding line: three or more capitalised words ("Europejski Korpus Solidarności")
PROGRAMME_NAME = re.compile(rf"(?:[{UPPER}][\w-]+\s+){{2,}}[{UPPER}][\w-]+")


def _programme_named(banner: str, others: list[str]) -> bool:
    """The banner's programme is named in the page's text too ("wolontariuszki Europejskiego Korpusu
    Solidarności"): the banner is the page's own project's. Words are compared by their first four letters (the
    cases differ)."""
    for m in PROGRAMME_NAME.finditer(banner):
        stems = r"\s+".join(re.escape(w[:4]) + r"\w*" for w in m.group().split())
        named = re.compile(rf"(?<!\w){stems}", re.I)
        if any(named.search(x) for x in others):
            return True
    return False


def _sentence_heading(lines: list[_Line], i: int) -> bool:
    """A heading written as a short sentence with its verb ("Studenci z Grazu poznali pracę naszego Ośrodka."),
    set apart above and followed at once by its report opening with the date."""
    s = lines[i].text
    if not (
        s.endswith(".")
        and s[:1].isupper()
        and len(s.split()) <= SENTENCE_HEADING_WORDS
        and not INNER_SENTENCE.search(s)
        and not DATE_OPENING.match(s)
        and REPORT_CUES.search(s)
    ):
        return False
    above = lines[i - 1].kind if i else "blank"
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return above == "blank" and nxt is not None and nxt.kind != "blank" and bool(DATED_START.match(nxt.text))


def _one_line_card(lines: list[_Line], i: int) -> bool:
    """A record-card line ("Data publikacji: 20.05.2016") followed by running text, not by more of a card."""
    # tags, share links and photo credits between the date line and the text belong to neither
    # more lines of the card under the headline ("Informacja wytworzona przez: …" / "Wprowadzona do BIP przez: …")
    # before the text belong to it too
    rest = [x for x in lines[i + 1 :] if x.kind != "blank" and not x.furniture]
    if rest and METADATA.match(rest[0].text) and _card_at_end(lines, i):
        return False  # the card at the page's foot
    after = [x for x in rest if not METADATA.match(x.text)][:2]
    if len(after) == 2 and len(after[0].text.split()) < LEAD_SENTENCE and after[0].heading_like:
        # the date line over a digest's first sub-heading ("1. Wizyta z Bardejowa") and its text
        after = after[1:]
    if not after:
        return False
    words = len(after[0].text.split())
    # a long paragraph, or a lead written as one sentence ("Urzędnicy z Lipska przez trzy dni poznawali …")
    return words >= LONG_PARAGRAPH or (words >= LEAD_SENTENCE and bool(re.search(r"\w[.!]$", after[0].text)))


def _teasers_are_text(lines: list[_Line]) -> bool:
    """A list page of news teasers, each cut short with "…": the teasers are its only running text that
    reports anything, so they are the events, not another page's items beside an article."""
    reports = [ln for ln in lines if len(ln.text.split()) >= LONG_PARAGRAPH and REPORT_CUES.search(ln.text)]
    return any(chrome.is_teaser(ln.text) for ln in reports) and all(
        chrome.is_teaser(ln.text) or ln.page_chrome for ln in reports
    )


def _teaser_list(lines: list[_Line]) -> bool:
    """A list page of two or more news teasers cut short with "…": each teaser's item is a report of its own."""
    return _teasers_are_text(lines) and sum(chrome.is_teaser(ln.text) for ln in lines) >= 2


def _card_at_end(lines: list[_Line], i: int) -> bool:
    """Whether the record card opening at line i runs to the end of the page (no running text after it)."""
    return not any(
        len(x.text.split()) >= LONG_PARAGRAPH and not METADATA.match(x.text) for x in lines[i + 1 :]
    )


def _blank_around(lines: list[_Line], i: int) -> bool:
    return 0 < i < len(lines) - 1 and lines[i - 1].kind == "blank" and lines[i + 1].kind == "blank"


def _previous(lines: list[_Line], i: int) -> _Line | None:
    for ln in reversed(lines[:i]):
        if ln.kind not in ("blank", "chrome"):
            return ln
    return None


# ---------------------------------------------------------------- a single article

# what an article reports: the cues of an event report (a visit, a meeting, a gift, a project)
REPORT_CUES = re.compile(
    r"(?<!\w)(wizyt|rewizyt|przebywa|pobyt|wyjazd|wyjecha|konferencj|spotka|seminari|sympozj|kongres|darowizn|"
    r"dar(?:y|ów|ami)\b|przekaza|udział|uczestnicz|współprac|delegacj|studen|gości|projekt|warsztat|szkoleni|forum|"
    r"staż|wymian|przyjecha|odwiedzi|zjazd|partner|podróż|przywi(?:ózł|oz|eź)|spędzi(?:ł|li|ły|ło)\b|rozmawia(?:li|ły|ł|ła)\b"
    # a stay somewhere named: "była z dwiema koleżankami w szwedzkim Lund"
    r"|by(?:ł|ła|li|ły)\s+(?:[^\s.]+\s+){0,4}?w\s+(?:[a-ząćęłńóśźż]+\s+)?[A-ZŁŚŻŹĆ])",
    re.I,
)
LONG_PARAGRAPH = 15  # words: a paragraph of running text, not a heading or a caption
LEAD_SENTENCE = 8  # words of a one-sentence lead under a headline
DATE_TAIL = re.compile(r"\s*[-–—,(]?\s*(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})\s*\)?\s*$")
LABEL_HEAD = re.compile(r"^\s*(?:tytuł|temat|title)\s*:\s*", re.I)


def _article(text: str, lines: list[_Line], marked: str | None = None) -> Listed | None:
    """The page as one article, when it is one: a headline over paragraphs of running text that report an
    event, and no second headed and dated report beside it. Its text runs from the headline to where the
    page's tail begins (comments, tags, a reply); chrome inside it (a date of publication, a photo credit,
    the headline repeated as a caption) is masked. `marked` is the headline the HTML marks (og:title, <h1>).
    A post with no headline over its text (a social-media post under the publisher's name) is titled by
    its first sentence."""
    content = [i for i, ln in enumerate(lines) if ln.kind not in ("blank", "chrome", "banner", "year")]
    main = next(
        (
            i
            for i in content
            if len(lines[i].text.split()) >= LONG_PARAGRAPH and REPORT_CUES.search(lines[i].text)
        ),
        None,
    )
    if main is None:
        return None
    head = _headline(lines, main, marked)
    if head is None:
        if any(lines[i].kind == "heading" and not _names_a_body(lines[i].text) for i in content if i < main):
            return None
        return _headless_article(text, lines, main)
    title_line = lines[head]
    title = LABEL_HEAD.sub("", title_line.text)
    dated = DATE_HEAD.match(title)
    if dated:  # "14.09.2022 Rozmowy o współpracy …": the date of publication before the headline
        title = title[dated.end() :]
    more = lines[head + 1] if head + 1 < main else None
    if more is not None and more.text[:1].islower() and len(more.text.split()) <= 8 and not more.page_chrome:
        # a headline split over two lines: "Delegacja z Norymbergi" / "w Krakowie"
        title_line = _Line(title_line.start, more.end, text[title_line.start : more.end], "heading")
        head += 1
        title = LABEL_HEAD.sub("", title_line.text)
    folded_title = _fold(title)  # a line that repeats the headline (a caption) is no report and no text
    # the end: the page's tail after the text
    stop = len(lines)
    inset: list[int] = []  # a "Zobacz także" box set into the text: its lines are no part of it
    for i in range(main + 1, len(lines)):
        if i in inset:
            continue
        if chrome.ends_article(lines[i].text) or (LABEL_HEAD.match(lines[i].text) and i > main):
            resume = _text_resumes(lines, i)
            if resume is None:
                stop = i
                break
            inset += range(i, resume)
    # another report under a heading of its own: a chronicle (a sidebar's news title over its date and
    # teaser is no report of this page)
    rivals = [
        i
        for i in content
        if i != head
        and i < stop
        and lines[i].kind == "heading"
        and not (lines[i].folded and lines[i].folded == folded_title)
        and EVENT_WORDS.search(lines[i].text)
        and not _sidebar_item(lines, i)
        and not (i > head and lines[i].text.rstrip().endswith("?"))  # "Co zobaczyli goście?": a subheading
        and not _subtitle(lines, head, i, main)
    ]
    points = _programme_points(lines)
    reports = [lines[i] for i in content if main <= i < stop and i not in points]
    # ... also the short dated lines between the headline and the first long paragraph: a timeline's
    # ("2013 – wizyta …" / "maj 2016 – wyjazd …" / "2018 – wspólne seminarium …, z udziałem …")
    listed = [
        lines[i] for i in content if head < i < main and lines[i].kind == "body" and not lines[i].page_chrome
    ]
    if (
        rivals
        or _dated_openings(text, listed + reports) >= 2
        or _dated_items(reports) >= 2
        or _headed_reports(lines) >= 2
    ):
        return None  # reports that each open with their date, or a list of dated events: a chronicle
    body = [ln for ln in lines[head + 1 : stop] if ln.kind != "blank"]
    masks = [
        (ln.start, ln.end)
        for ln in body
        if ln.kind == "chrome" or ln.dateline or (ln.folded and ln.folded == folded_title)
    ] + [(lines[i].start, lines[i].end) for i in inset if lines[i].kind != "blank"]
    kept = [ln for ln in body if (ln.start, ln.end) not in masks]
    if not kept:
        return None
    dateline = DATELINE_LEAD.match(kept[0].text)
    if dateline and _dated_after(text[kept[0].start + dateline.end() : kept[-1].end]):
        # the release's date opens its first paragraph, its text tells when the event was: no event's date (a
        # report from the event's place, "Wilno, 12 maja 2016 r. – … uczestniczą", is dated by it)
        masks.append((kept[0].start, kept[0].start + dateline.end()))
    tstart = title_line.start + (len(title_line.text) - len(title))
    tend = title_line.end
    tail = DATE_TAIL.search(text, tstart, tend)
    if tail and tail.start() > tstart:
        tend = tail.start()  # "Wizyta delegacji z Chin 2017-09-22": the date of publication glued on
    end = kept[-1].end
    section = Section(
        title=" ".join(text[tstart:tend].split()), body=text[kept[0].start : end], start=tstart, end=end
    )
    # the date line under the headline, else one just over it ("Dodano: 14.11.2019" / "Goście z …")
    above = max(0, head - 3)
    published = (
        _published(lines[head:], main - head)
        or _published(lines[above:head], head - above)
        or _footer_published(lines[main:])
        or (dateline and dateline.group())
    )
    return Listed(
        section, None, None, [(a, b) for a, b in masks if a < end], article=True, published=published
    )


def _subtitle(lines: list[_Line], head: int, i: int, main: int) -> bool:
    """A line set right under the headline or its date line, before the text ("Goście z Łucka" / "12.10.2021" /
    "Wymiana doświadczeń w pracy z rodzinami"): the headline's subtitle, not a report of its own."""
    between = lines[head + 1 : i]
    return head < i < main and all(x.kind in ("blank", "chrome") or x.dateline for x in between)


def _text_resumes(lines: list[_Line], i: int) -> int | None:
    """Where the article's text goes on after a "Zobacz także" box set into it at line i: a few short titles,
    then a paragraph of running text (not a teaser of another item); None when the box ends the article."""
    after = [k for k in range(i + 1, len(lines)) if lines[k].kind != "blank"][:4]
    for n, k in enumerate(after):
        words = lines[k].text.split()
        if chrome.ends_article(lines[k].text) or lines[k].dateline:
            return None  # comments or a list of news follow: the page's tail
        if len(words) >= LONG_PARAGRAPH:
            text = lines[k].text
            return k if n and not lines[k].page_chrome and re.search(r"[.!?”\"]$", text) else None
    return None


def _headless_article(text: str, lines: list[_Line], main: int) -> Listed | None:
    """An article with no headline: its first sentence is the title, the rest of the page's text (up to its
    tail) the body."""
    stop = next((i for i in range(main + 1, len(lines)) if chrome.ends_article(lines[i].text)), len(lines))
    body = [ln for ln in lines[main:stop] if ln.kind not in ("blank", "chrome", "banner")]
    if _dated_openings(text, body) >= 2 or _dated_items(body) >= 2:
        return None
    first = lines[main]
    end = next(
        (
            m.end()
            for m in POST_STOP.finditer(text, first.start, first.end)
            if m.group(1).lower() not in NOT_ENDING
        ),
        first.end,
    )
    rest = [ln for ln in body if ln.end > end]
    if not rest:
        return None
    bstart = end
    while bstart < rest[-1].end and text[bstart].isspace():
        bstart += 1
    masks = [(ln.start, ln.end) for ln in lines[main:stop] if ln.kind == "chrome" and ln.start >= bstart]
    section = Section(
        title=" ".join(text[first.start : end].split()),
        body=text[bstart : rest[-1].end],
        start=first.start,
        end=rest[-1].end,
    )
    return Listed(section, None, None, masks, article=True, published=_published(lines, main))


# a sentence's end in a post: before a capital, a quote or an emoji ("… zza granicy! 🇸🇰 Wczoraj …")
POST_STOP = re.compile(r"(\w*)[.!?]+(?=\s+(?![a-ząćęłńóśźż0-9]))")


def _published(lines: list[_Line], main: int) -> str | None:
    """The date of publication over an article's text: its date line above the first paragraph."""
    for ln in reversed(lines[:main]):
        if ln.kind != "blank" and (
            ln.dateline
            or chrome.is_byline(ln.text)
            or (chrome.PUBLISHED.match(ln.text) and chrome.DATE_TOKEN.search(ln.text))
        ):  # "17.10.2019", "Jan Lis | 17.10.2019, 10:12", "Opublikowano: 17.10.2019 (czwartek) | Redakcja: …"
            return ln.text
    return None


# a press release's dateline opening its first paragraph: "KRAKÓW, 12.04.2018 r. – W dniach …", "Kraków, dnia 3 maja
# 2019 r.: …"
DATELINE_LEAD = re.compile(
    rf"^\s*[{UPPER}][\w-]+(?:[ -][{UPPER}][\w-]+){{0,2}},\s+(?:(?i:dnia)\s+)?(?i:{chrome.DATE_TOKEN.pattern})"
    r"(?:\s*r\.)?\s*[-–—:]"
)


# a labelled date of publication, not of an edit: "Opublikowano: 10.06.2022", "Dodano: 5 marca 2021 r. | Autor: …"
PUBLISHED_ON = re.compile(
    r"^\s*(?:opublikowano|opublikowany|data\s+(?:publikacji|dodania|wpisu)|dodano|dodany|zamieszczono|posted|"
    r"published)\b",
    re.I,
)


def _footer_published(lines: list[_Line]) -> str | None:
    """The date of publication printed under an article's text (none stands over it)."""
    for ln in lines:
        if ln.kind != "blank" and PUBLISHED_ON.match(ln.text) and chrome.DATE_TOKEN.search(ln.text):
            return ln.text
    return None


# the date of publication glued before a headline: "14.09.2022 Rozmowy o …", "12 maja 2019 – Wizyta …"
DATE_HEAD = re.compile(rf"^\s*(?:{chrome.DATE_TOKEN.pattern})\s*[-–—|:]?\s*(?=[{UPPER}„\"])", re.I)
# a line that is only the name of a body (the publisher's, over a post): "Gminny Ośrodek Pomocy Społecznej w …"
BODY_NAME = re.compile(
    r"^(?:\w+\s+)?(?:ośrod\w*|centrum|urząd|fundacj\w*|stowarzysz\w*|towarzyst\w*|caritas|zespół|"
    r"dom|regionaln\w*|miejsk\w*|gminn\w*|powiatow\w*)\b",
    re.I,
)


WHENCE = re.compile(rf"(?<!\w)(?:z|ze)\s+[{UPPER}]")


def _names_a_body(s: str) -> bool:
    plain = s.capitalize() if s.isupper() else s
    return (
        bool(BODY_NAME.match(plain))
        and not (EVENT_WORDS.search(plain) or REPORT_CUES.search(plain))
        and not WHENCE.search(plain)  # "Zespół z Żytomierza w naszym domu": people come from somewhere
        and not (_has_finite_verb(plain))
    )


# a site's menu: three or more short cells ("Otwarty na świat | Aktualności | Współpraca")
MENU = re.compile(r"^(?:[^|\s]+(?:\s[^|\s]+){0,3})(?:\s+\|\s+[^|\s]+(?:\s[^|\s]+){0,3}){2,}\s*$")


def _site_title(lines: list[_Line], i: int) -> bool:
    """The page's first line set apart over the site's menu or breadcrumb: the site's own title."""
    if lines[i].kind != "banner" or any(x.kind != "blank" for x in lines[:i]):
        return False
    nxt = next((x for x in lines[i + 1 :] if x.kind != "blank"), None)
    return nxt is not None and nxt.kind == "chrome"


def _headline(lines: list[_Line], main: int, marked: str | None = None) -> int | None:
    """The headline over the article's first paragraph: of the short lines just above it (chrome and a
    date line skipped), the one that names what happened; a site's name in capitals, a body's name over a
    post, a label, a lead ending in a colon or a lead sentence under the headline are not headlines; the
    line the HTML marks as the headline and the line over the byline are. When the headline is printed
    twice, the plainer copy."""
    best, best_score = None, 0.0
    scores: dict[int, float] = {}
    seen = 0
    for i in range(main - 1, -1, -1):
        ln = lines[i]
        if ln.kind in ("blank", "chrome", "year") or ln.dateline:
            continue
        if _site_title(lines, i):
            continue
        words = ln.text.split()
        if len(words) >= LONG_PARAGRAPH and i != main:
            break  # the paragraph before: the headline is below it
        seen += 1
        if seen > 6:
            break
        s = LABEL_HEAD.sub("", ln.text).strip()
        s = s[m.end() :] if (m := DATE_HEAD.match(s)) else s
        plain = s.capitalize() if s.isupper() else s
        if not (2 <= len(s.split()) <= 30) or not (s[:1].isupper() or s[:1] in "„\"'«"):
            continue
        if chrome.is_funding(s) or OVERVIEW.search(plain) or RECORD_FIELD.match(s) or MENU.match(s):
            continue
        score = 1.0
        if EVENT_WORDS.search(plain) or REPORT_CUES.search(plain):
            score += 2
        if NAMED_PLACE.search(plain):
            score += 1
        if s.isupper() and not (EVENT_WORDS.search(plain) or REPORT_CUES.search(plain)):
            score -= 2  # the site's name in capitals
        if re.search(r"[:;]\)*\s*$", s) or ":)" in s:
            score -= 2  # a lead-in to what follows
        if LABELLED.match(s) and not LABEL_HEAD.match(ln.text):
            # a record's field ("Miejsce: Wiedeń"); less so a kicker before a lower-case headline ("Turyn: jak …")
            score -= 1 if KICKER.match(s) else 2
        if DATE_TAIL.search(s):
            score -= 0.5  # the copy with the date of publication glued on
        if len(s.split()) <= 2 and not EVENT_WORDS.search(plain):
            score -= 0.5
        if _names_a_body(s):
            score -= 3  # the publisher's name over its post
        if re.search(r"\w[.]$", s) and len(s.split()) >= LEAD_SENTENCE and _has_finite_verb(s):
            score -= 2  # the lead under the headline: a sentence
        below = next((x for x in lines[i + 1 : main] if x.kind != "blank"), None)
        if below is not None and _over_byline(below.text, s) and not ln.dateline:
            score += (
                1.5  # over the byline: "Marta Wójcik 09.11.2021, 14:32" (a bare date may be a sidebar item's)
            )
        if marked and _same_heading(s, marked):
            score += 3
        scores[i] = score
        if score > best_score or (
            score == best_score and best is not None and _same_heading(s, lines[best].text)
        ):
            best, best_score = i, score
    if best is not None and not NAMED_PLACE.search(lines[best].text):
        upper = _over_deck(lines, best)
        if upper is not None and upper in scores and scores[upper] > 0.5:
            best = upper  # "Streetworkerzy z Wilna w Krakowie" over "Trzy dni wymiany doświadczeń": the deck below
    return best if best_score > 0.5 else None


def _over_deck(lines: list[_Line], i: int) -> int | None:
    """The line just over line i (blank lines between at most) when it names where or whence and has three words
    or more: a headline, line i being its deck."""
    k = i - 1
    while k >= 0 and lines[k].kind == "blank":
        k -= 1
    if k < 0 or lines[k].kind in ("chrome", "year") or lines[k].dateline:
        return None
    s = lines[k].text
    return k if len(s.split()) >= 3 and NAMED_PLACE.search(s) and not END_OF_SENTENCE.search(s) else None


def _over_byline(s: str, over: str) -> bool:
    """A byline, or a labelled date of publication with its author or category ("Opublikowano: 2021-03-26 |
    Kategoria: …", "Dodane przez: admin | 9 maja 2022 | Aktualności"): what stands under a headline."""
    labelled = chrome.PUBLISHED.match(s) or chrome.is_byline(s)
    return _byline(s, over) or (bool(labelled) and chrome.DATE_TOKEN.search(s) is not None)


# a capitalised word, a colon and a lower-case phrase: "Turyn: jak wychodzi się z ulicy po włosku"
KICKER = re.compile(rf"^\s*[{UPPER}]\w+:\s+[a-ząćęłńóśźż]")


def _byline(s: str, over: str) -> bool:
    """A date of publication with its author or comment count: "Marta Wójcik 09.11.2021, 14:32 Komentarze (4)";
    not a news list's date with the title `over` it repeated."""
    m = chrome.DATE_TOKEN.search(s)
    rest = s[: m.start()] + " " + s[m.end() :] if m else ""
    return chrome.is_dateline(s) and bool(re.search(r"\w", rest)) and not _same_heading(rest, over)


def _same_heading(a: str, b: str) -> bool:
    folded = _fold(a)
    return bool(folded) and folded == _fold(b)


def _fold(x: str) -> str:
    """A heading without its label, a glued date, punctuation and case."""
    return " ".join(re.sub(r"[^\w]+", " ", DATE_TAIL.sub("", LABEL_HEAD.sub("", x))).lower().split())


def _dated_openings(text: str, lines: list[_Line]) -> int:
    """Paragraphs, sentences and table rows that open with a date ("W dniu 12 maja …", "12.03.2013 | …")."""
    n = 0
    for ln in lines:
        if _table_row(ln.text):
            n += _has_date(ln.text)
            continue
        start = ln.start + (m.end() if (m := LIST_MARK.match(ln.text)) else 0)
        n += bool(DATED_START.match(text, start))
        n += sum(1 for _ in DATED_SENTENCE.finditer(text, start, ln.end))
    return n


# what introduces the points of one event's programme: "Program wizyty:", "Harmonogram pobytu:", "W programie:"
PROGRAMME_INTRO = re.compile(r"^\s*(?:program|harmonogram|plan|w\s+programie)\b[^.!?]{0,40}:\s*$", re.I)


def _programme_points(lines: list[_Line]) -> set[int]:
    """The lines under a programme's introduction, up to the next blank line ("Program wizyty:" / "12 września –
    spotkanie …" / "13 września – …"): the dated points of one event, not dated events of their own."""
    points: set[int] = set()
    for i, ln in enumerate(lines):
        if ln.kind != "blank" and PROGRAMME_INTRO.match(ln.text):
            k = i + 1
            while k < len(lines) and lines[k].kind != "blank":
                points.add(k)
                k += 1
    return points


def _dated_items(lines: list[_Line]) -> int:
    """Bulleted or numbered items that each report a dated event ("1. Wizyta delegacji z Wilna (14 marca) – …")."""
    return sum(
        1 for ln in lines if LIST_MARK.match(ln.text) and REPORT_CUES.search(ln.text) and _has_date(ln.text)
    )


def _headed_reports(lines: list[_Line]) -> int:
    """Headings each over a dated paragraph that reports an event, maybe under its own date line: the items
    of a news column ("Seniorzy z Krakowa w Norymberdze" / "Dwudziestu uczestników … przebywało od 4 do 8
    czerwca 2018 r. …"), of a news list ("Goście z Wilna" / "Dodano: 12.10.2016" / "W dniach 3–5 października
    gościliśmy …"); a sidebar's news title over its date has a teaser at most."""
    n = 0
    for i, ln in enumerate(lines):
        if ln.kind != "heading":
            continue
        below = [x for x in lines[i + 1 : i + 6] if x.kind != "blank"]
        nxt = next((x for x in below if x.kind != "chrome" and not x.dateline), None)
        n += (
            nxt is not None
            and nxt.kind == "body"
            and len(nxt.text.split()) >= LONG_PARAGRAPH
            and REPORT_CUES.search(nxt.text) is not None
            and _has_date(nxt.text)
        )
    return n


def _sidebar_item(lines: list[_Line], i: int) -> bool:
    """A news title over its date line (and a teaser): an item of a list of other news."""
    nxt = next((x for x in lines[i + 1 :] if x.kind != "blank"), None)
    return nxt is not None and nxt.dateline
