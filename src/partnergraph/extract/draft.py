"""An event's section as the extractor reads it, and the evidence quoted from it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Evidence, Section
from . import dates
from ._text import Token


@dataclass
class Draft:
    section: Section
    text: str  # the section as on the page
    base: int  # offset of text in page.text
    title_len: int
    body_off: int
    tokens: list[Token]
    date: dates.DateMention | None = None
    extra_dates: list[dates.DateMention] = field(default_factory=list)
    date_in_title: bool = False
    group: str | None = None  # the heading or label the section is listed under


def cite(d: Draft, start: int, end: int, confidence: float | None = None) -> Evidence:
    """Evidence from offsets into the section text; confidence None is the field's default."""
    return Evidence(d.text[start:end], d.base + start, d.base + end, confidence)
