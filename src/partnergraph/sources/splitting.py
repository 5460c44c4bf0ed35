"""Splitting a page's text into event sections: one heading, then its body, up to the next heading.

A heading is a short line that does not end a sentence, is not continued by a lower-case line and is
followed by body text. Headings glued to the end of the previous paragraph ("…Społecznej.Wizyta
studentów…") are cut off it, list numbers ("1. ") are dropped from titles, and archive banners
("Archiwum BIP MJO …", "Dokument archiwalny") are not sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Page, Section
from ._html import FURNITURE_LINES

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
    r"odpowiedzialny za treść|ostatnia modyfikacja|informację wytworzył|informację opublikował)\b",
    re.I,
)
NUMBER = re.compile(r"^\s*(\d{1,3}[.)]|[IVX]{1,5}\.)\s+")
# a sentence end glued to a capitalised word: "Społecznej.Wizyta"; not after abbreviations of names
GLUED = re.compile(rf"(?<=[a-ząćęłńóśźż0-9)\]”\"'»])[.!?](?=[{UPPER}][a-ząćęłńóśźżäöü])")
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
# a date closing a heading, written with the abbreviation of "roku"
DATE_AT_END = re.compile(r"\s*[-–—,]?\s*\(?[^()]{0,25}\b\d{2,4}\s*r(oku)?\.\)?\s*$")
END_OF_SENTENCE = re.compile(r"[.;:,]\s*$")
INNER_SENTENCE = re.compile(rf"[a-ząćęłńóśźż]{{3,}}[.!?]\s+[{UPPER}]")


@dataclass
class _Line:
    start: int
    end: int
    text: str
    kind: str = "body"  # blank, banner, heading, body


def split_sections(page: Page) -> list[Section]:
    """The page's event sections in page order, with offsets into page.text."""
    text = page.text
    lines = _glue_split(text, _lines(text))
    _classify(lines)
    headings = [i for i, ln in enumerate(lines) if ln.kind == "heading"]
    sections = []
    for n, i in enumerate(headings):
        head = lines[i]
        stop = headings[n + 1] if n + 1 < len(headings) else len(lines)
        body_lines = [ln for ln in lines[i + 1 : stop] if ln.kind == "body"]
        m = NUMBER.match(head.text)
        tstart = head.start + (m.end() if m else 0)
        while tstart < head.end and text[tstart].isspace():
            tstart += 1
        title = " ".join(text[tstart : head.end].split())
        if body_lines:
            bstart, bend = body_lines[0].start, body_lines[-1].end
            body = text[bstart:bend]
            end = bend
        else:
            body, end = "", head.end
        sections.append(Section(title=title, body=body, start=tstart, end=end))
    return sections


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
        if cut is None:
            out.append(ln)
        else:
            out.append(_Line(ln.start, ln.start + cut, ln.text[:cut]))
            out.append(_Line(ln.start + cut, ln.end, ln.text[cut:]))
    return out


def _could_be_heading(s: str) -> bool:
    s = NUMBER.sub("", s, count=1).strip()
    words = s.split()
    if not (2 <= len(words) <= 40) or len(s) > 300:
        return False
    if not (s[0].isupper() or s[0] in "„\"'«"):
        return False
    if DATE_OPENING.match(s):  # "W dniu 5 maja goście zwiedzili MOPS" opens a body, not a heading
        return False
    if INNER_SENTENCE.search(s):
        return False
    if DATE_AT_END.search(s) and not DATE_OPENING.match(s):
        s = DATE_AT_END.sub("", s)  # "Wizyta gości z Litwy – 12 marca 2015 r.": the stop is the year's
        words = s.split()
        if _has_verb(s):  # "Delegacja … odwiedziła MOPS w dniu 12 maja 2016 r.": a sentence
            return False
    if END_OF_SENTENCE.search(s):
        # a heading written with a full stop ("Wizyta studentów z Austrii."): short and without a verb
        return (
            s.endswith(".")
            and not s.endswith("..")
            and len(words) <= 16
            and bool(EVENT_WORDS.search(s))
            and not re.search(r"[\d,]", s)
            and not _has_verb(s)
        )
    return True


EVENT_WORDS = re.compile(
    r"(?<!\w)(wizyt|rewizyt|konferencj|spotkani|seminari|sympozj|kongres|darowizn|udział|współprac|delegacj|studen|"
    r"staż|wymian|goście|gości|warsztat|forum|zjazd)",
    re.I,
)
VERB_POS = {"fin", "praet", "impt", "bedzie", "winien", "pred", "imps", "inf", "pact", "ger"}


def _has_verb(s: str) -> bool:
    from ..extract._text import tokenize  # morphology, to tell a sentence from a heading

    return any(t.has_pos(*VERB_POS) and not t.has_pos("subst", "adj", "prep", "brev") for t in tokenize(s))


def _classify(lines: list[_Line]) -> None:
    seen_text = False
    in_metadata = False
    for i, ln in enumerate(lines):
        if ln.kind == "blank":
            continue
        if in_metadata or METADATA.match(ln.text) or FURNITURE_LINES.match(ln.text):
            # the page's record card (publication date, author) and print/download links close no event
            in_metadata = in_metadata or bool(METADATA.match(ln.text))
            ln.kind = "banner"
            continue
        if not seen_text and BANNER.match(ln.text) and len(ln.text) < 120:
            ln.kind = "banner"
            continue
        if BANNER.match(ln.text) and len(ln.text) < 40 and not seen_text:
            ln.kind = "banner"
            continue
        seen_text = True
        if not _could_be_heading(ln.text):
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt and nxt.kind != "blank" and nxt.text[:1].islower():
            continue  # a paragraph wrapped onto the next line
        prev = _previous(lines, i)
        if prev is not None and prev.kind == "body" and lines[i - 1].kind != "blank":
            # directly under a body line: a heading only if that line ended a sentence
            if not re.search(r"[.!?:”\"»)]\s*$", prev.text):
                continue
        ln.kind = "heading"
    # a heading needs a body: one followed only by another heading is a paragraph line after all
    for i, ln in enumerate(lines):
        if ln.kind != "heading":
            continue
        nxt = next((x for x in lines[i + 1 :] if x.kind in ("heading", "body")), None)
        if nxt is None and EVENT_WORDS.search(ln.text) and not _has_verb(ln.text):
            continue  # the page was cut off right after this heading: still an event
        if nxt is None or nxt.kind == "heading":
            prev = _previous(lines, i)
            ln.kind = "body" if prev is not None and prev.kind in ("body", "heading") else "banner"
    # a first heading with nothing but banners before it is fine; body lines before the first heading
    # (page introductions) belong to no event
    first = next((i for i, ln in enumerate(lines) if ln.kind == "heading"), None)
    if first is not None:
        for ln in lines[:first]:
            if ln.kind == "body":
                ln.kind = "banner"


def _previous(lines: list[_Line], i: int) -> _Line | None:
    for ln in reversed(lines[:i]):
        if ln.kind != "blank":
            return ln
    return None
