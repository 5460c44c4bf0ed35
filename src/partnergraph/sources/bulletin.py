"""A page of the MOPS bulletin (BIP MJO Kraków) as published: its main content cut out of the site's
layout, and its publication metadata (title, date of publication, author, publisher, canonical URL).

The cut reuses `_html.read_html` (scripts, menus, breadcrumbs, footers and the metadata table are
dropped, the content block is preferred); on top of it this module removes what the bulletin puts inside
the content block that is not an event: the page heading, "drukuj" / "pobierz" links, and the metadata
("metryka") lines when the page does not mark them. Works on saved text as well as on HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

from .._months import MONTHS_GEN
from ._html import (
    AUTHOR_LABELS,
    CREATED_LABELS,
    PUBLISHED_LABELS,
    PUBLISHER_LABELS,
    RECORD_HEADING,
    RECORD_LINE,
    is_site_name,
    looks_like_html,
    page_footer,
    read_html,
)
from .reading import clean_text

_LABEL = RECORD_LINE  # "Label: value" lines of the bulletin's metadata block ("metryka")
_METRYKA_HEADING = RECORD_HEADING  # "Metryka", "Informacje o dokumencie": the record card follows
# a line made only of page tools: "drukuj | pobierz", "Pobierz (PDF, 120 KB)", "wersja do druku"
_TOOL = (
    r"(drukuj(\s+stronę)?|pobierz(\s+plik|\s+pdf)?|wersja do druku|powrót|wróć|do góry|udostępnij|zgłoś błąd)"
)
_TOOLS_LINE = re.compile(rf"^\s*{_TOOL}(\s*\([^)]*\))?(\s*[|/•·,-]?\s*{_TOOL}(\s*\([^)]*\))?)*\s*$", re.I)
MONTHS = {m: i + 1 for i, m in enumerate(MONTHS_GEN)}
_DMY = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d\d)\b")
_YMD = re.compile(r"\b((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})\b")
_POLISH = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b", re.I)
# meta tags that give the same facts, in order of preference
META_PUBLISHED = ("dcterms.issued", "dc.date.issued", "article:published_time", "dc.date", "date")
META_AUTHOR = ("author", "dc.creator", "dcterms.creator")
META_TITLE = ("dc.title", "dcterms.title", "og:title")


@dataclass
class BulletinPage:
    text: str  # the main content, one paragraph per line: what extraction reads
    title: str | None = None
    published: str | None = None  # ISO date of publication (else of creation) when the page shows it
    author: str | None = None
    publisher: str | None = None
    canonical_url: str | None = None

    @property
    def year(self) -> int | None:
        return int(self.published[:4]) if self.published else None


def _htmldate(html: str) -> str | None:
    """The date of publication htmldate finds in the markup (meta tags, time elements, URL-like paths),
    when the page labels none; only the original date, never a date it would guess from the text."""
    from htmldate import find_date  # imported here: text pages do not need it

    try:
        return find_date(html, original_date=True, extensive_search=False)
    except (ValueError, TypeError):
        return None


def read_bulletin(document: str) -> BulletinPage:
    """Cut a bulletin page (HTML or saved text) down to its content and read its metadata."""
    if looks_like_html(document):
        head = _HeadParser()
        head.feed(document)
        head.close()
        flat = head.flat_text()
        footer = page_footer(document)
        meta, h1, title_tag, canonical = head.meta, head.h1, head.title, head.canonical
        text, marked = read_html(document, footer, next((meta[k] for k in META_TITLE if meta.get(k)), ""))
    else:
        flat = text = clean_text(document)
        meta, h1, title_tag, canonical, footer, marked = {}, None, None, None, "", ""
    labels = _labelled(flat)
    if h1 and is_site_name(h1, footer):  # the site's name in an <h1> over the page (a logo), not its title
        h1 = None
    title = h1 or marked or _title_from_tag(title_tag, footer)
    published = next((d for d in (_parse_date(labels.get(k)) for k in PUBLISHED_LABELS) if d), None) or next(
        (d for d in (_parse_date(meta.get(k)) for k in META_PUBLISHED) if d), None
    )
    published = published or next(
        (d for d in (_parse_date(labels.get(k)) for k in CREATED_LABELS) if d), None
    )
    if published is None and looks_like_html(document):
        published = _htmldate(document)
    author = next((labels[k] for k in AUTHOR_LABELS if labels.get(k)), None) or next(
        (meta[k] for k in META_AUTHOR if meta.get(k)), None
    )
    publisher = next((labels[k] for k in PUBLISHER_LABELS if labels.get(k)), None)
    return BulletinPage(
        text=_content(text, title),
        title=_one_line(title),
        published=published,
        author=_one_line(author),
        publisher=_one_line(publisher),
        canonical_url=canonical,
    )


def _content(text: str, title: str | None) -> str:
    """Drop the page heading, tool links and metadata lines; the metadata block ends the content."""
    lines = text.split("\n")
    out: list[str] = []
    skip_value = False
    for line in lines:
        stripped = line.strip()
        if skip_value and stripped:
            skip_value = False
            continue
        if _METRYKA_HEADING.match(stripped):
            if any(x.strip() for x in out):
                break  # the metadata block closes the content
            continue
        label = _LABEL.match(stripped)
        if label:
            skip_value = not label.group(2).strip()  # a label in one cell, its value in the next line
            continue
        if _TOOLS_LINE.match(stripped):
            continue
        if title and not any(x.strip() for x in out) and _same(stripped, title):
            continue
        out.append(line)
    return clean_text(re.sub(r"\n{3,}", "\n\n", "\n".join(out)))


def _labelled(flat: str) -> dict[str, str]:
    """The first value of every metadata label: 'Data publikacji: 12.12.2019' or the label alone on a
    line and the value on the next (table cells, dt/dd)."""
    found: dict[str, str] = {}
    lines = [ln.strip() for ln in flat.split("\n") if ln.strip()]
    for i, line in enumerate(lines):
        m = _LABEL.match(line)
        if not m:
            continue
        value = m.group(2).strip()
        if not value and i + 1 < len(lines) and not _LABEL.match(lines[i + 1]):
            value = lines[i + 1]
        found.setdefault(m.group(1).lower(), value)
    return found


def _parse_date(value: str | None) -> str | None:
    if not value:
        return None
    for pattern, order in ((_YMD, "ymd"), (_DMY, "dmy"), (_POLISH, "dmy")):
        m = pattern.search(value)
        if not m:
            continue
        a, b, c = m.groups()
        if order == "ymd":
            y, mo, d = int(a), int(b), int(c)
        else:
            d, y = int(a), int(c)
            mo = MONTHS[b.lower()] if not b.isdigit() else int(b)
        try:
            return date(y, mo, d).isoformat()
        except ValueError:
            continue
    return None


def _title_from_tag(title: str | None, footer: str = "") -> str | None:
    """'BIP MJO - Miejski Ośrodek Pomocy Społecznej - Współpraca zagraniczna' -> the last part that is not the
    site's name ('Wizyty 2015 - Współpraca - Ośrodek X', the footer naming Ośrodek X -> 'Współpraca');
    `footer`: the page's footer text (_html.page_footer)."""
    if not title:
        return None
    parts = [p.strip() for p in re.split(r"\s+[-–|»]\s+", title) if p.strip()]
    named = [p for p in parts if not is_site_name(p, footer)]
    return (named or parts)[-1] if parts else None


def _one_line(value: str | None) -> str | None:
    return " ".join(value.split()) if value and value.strip() else None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


class _HeadParser(HTMLParser):
    """Meta tags, <title>, the first <h1>, the canonical link, and all visible text (metadata tables
    included) with table cells on one line per row."""

    BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "dt",
        "dd",
        "dl",
        "hr",
    }
    HIDDEN = {"script", "style", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title: str | None = None
        self.h1: str | None = None
        self.canonical: str | None = None
        self._parts: list[str] = []
        self._hidden = 0
        self._in: str | None = None  # "title" or "h1" while inside one
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("name") or a.get("property") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"].strip())
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self.canonical = self.canonical or a["href"].strip()
        elif tag in self.HIDDEN:
            self._hidden += 1
        elif tag in ("title", "h1") and self._in is None and getattr(self, tag) is None:
            self._in, self._buffer = tag, []
        if tag in self.BLOCK:
            self._parts.append("\n")
        elif tag in ("td", "th"):
            self._parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        if tag == self._in:
            setattr(self, tag, _one_line("".join(self._buffer)))
            self._in = None
        if tag in self.BLOCK:
            self._parts.append("\n")

    def handle_data(self, data):
        if self._hidden:
            return
        if self._in:
            self._buffer.append(data)
        self._parts.append(data)

    def flat_text(self) -> str:
        return "\n".join(" ".join(line.split()) for line in "".join(self._parts).split("\n"))
