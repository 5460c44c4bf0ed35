"""Tokens with their morfeusz2 analyses (base forms, cases, geographic-name marks) and sentences."""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

WORD = re.compile(r"\w+(?:[-’']\w+)*|[^\w\s]")
LINE_BREAK = re.compile(r"\n[ \t]*(?=\S)")
_local = threading.local()


def _morfeusz():
    m = getattr(_local, "morfeusz", None)
    if m is None:
        import morfeusz2

        m = _local.morfeusz = morfeusz2.Morfeusz(separate_numbering=True)
    return m


@dataclass(frozen=True)
class Analysis:
    lemma: str  # base form without morfeusz's homonym suffix (":Sm1")
    pos: str  # subst, adj, ign, prep, ...
    cases: frozenset[str]
    number: str
    gender: str
    marks: frozenset[str]  # nazwa_geograficzna, imię, nazwisko, ...


class Token:
    """A word or punctuation mark with its offsets and what morfeusz2 says about it (computed once per
    distinct word and shared)."""

    __slots__ = (
        "text",
        "start",
        "end",
        "analyses",
        "lower",
        "is_upper_initial",
        "is_word",
        "unknown",
        "lemmas",
        "_marks",
        "_pos",
        "line_start",
    )

    def __init__(self, text: str, start: int, end: int, analyses: tuple[Analysis, ...] | None = None) -> None:
        info = _info(text)
        if analyses is not None and analyses != info[0]:
            info = _make_info(text, analyses)
        self.text, self.start, self.end = text, start, end
        (
            self.analyses,
            self.lower,
            self.is_upper_initial,
            self.is_word,
            self.unknown,
            self.lemmas,
            self._marks,
            self._pos,
        ) = info
        self.line_start = False  # the first word of a line: no name goes on across a line break

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"

    def has_mark(self, mark: str) -> bool:
        return mark in self._marks

    def lemmas_with(self, mark: str) -> list[str]:
        return [a.lemma for a in self.analyses if mark in a.marks]

    def has_pos(self, *pos: str) -> bool:
        return any(p in self._pos for p in pos)


def _make_info(text: str, analyses: tuple[Analysis, ...]) -> tuple:
    lower = text.lower()
    return (
        analyses,
        lower,
        text[:1].isupper(),
        text[:1].isalnum(),
        all(a.pos == "ign" for a in analyses),  # unknown to morfeusz2: usually a foreign name
        frozenset({lower} | {a.lemma.lower() for a in analyses}),
        frozenset(m for a in analyses for m in a.marks),
        frozenset(a.pos for a in analyses),
    )


@lru_cache(maxsize=200_000)
def _info(text: str) -> tuple:
    return _make_info(text, analyse(text))


@lru_cache(maxsize=200_000)
def analyse(word: str) -> tuple[Analysis, ...]:
    out = []
    result = _morfeusz().analyse(word)
    if any(j - i != 1 or i != 0 for i, j, _ in result):  # split into segments ("Zachodnio-Helsińskim")
        if "-" in word and len(word.rsplit("-", 1)[1]) > 1:
            prefix, last = word.rsplit("-", 1)
            return tuple(
                Analysis(
                    f"{prefix}-{a.lemma}",
                    a.pos,
                    a.cases,
                    a.number,
                    a.gender,
                    a.marks - {"nazwa_geograficzna"},
                )
                for a in analyse(last)
            )
        # a verb with its person ending ("gościliśmy" = gościli + śmy): the first segment's readings
        firsts = [r for r in result if r[0] == 0 and r[2][2].split(":")[0] in ("praet", "cond")]
        if firsts:
            result = firsts
        else:
            return (Analysis(word, "ign", frozenset(), "", "", frozenset()),)
    for _i, _j, (_orth, lemma, tag, marks, *_rest) in result:
        parts = tag.split(":")
        pos = parts[0]
        cases: set[str] = set()
        number = gender = ""
        for p in parts[1:]:
            vals = p.split(".")
            if set(vals) <= {"nom", "gen", "dat", "acc", "inst", "loc", "voc"}:
                cases.update(vals)
            elif set(vals) <= {"sg", "pl"}:
                number = p
            elif set(vals) <= {"m1", "m2", "m3", "f", "n", "n1", "n2", "p1", "p2", "p3"}:
                gender = p
        out.append(Analysis(lemma.split(":")[0], pos, frozenset(cases), number, gender, frozenset(marks)))
    return tuple(out) or (Analysis(word, "ign", frozenset(), "", "", frozenset()),)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    tokens = [Token(m.group(), m.start() + offset, m.end() + offset) for m in WORD.finditer(text)]
    if "\n" in text:  # a heading's last word and the next line's first are no one name
        starts = [t.start for t in tokens]
        for nl in LINE_BREAK.finditer(text):
            j = bisect_left(starts, nl.end() + offset)
            if j < len(tokens) and tokens[j].start == nl.end() + offset:
                tokens[j].line_start = True
    return tokens


ABBREVIATIONS = {
    "br",
    "r",
    "dn",
    "ul",
    "nr",
    "p",
    "m",
    "in",
    "tj",
    "pt",
    "pn",
    "ok",
    "ds",
    "ww",
    "e",
    "v",
    "st",
    "dr",
    "prof",
    "mgr",
    "im",
    "św",
    "al",
    "pl",
    "os",
    "tzw",
    "np",
    "godz",
    "tel",
    "ks",
    "hab",
    "inż",
    "zob",
    "tys",
    "mln",
    "wg",
    "jw",
    "poz",
    "ust",
    "art",
    "lit",
    "sp",
    "z",
    "o",
    "o.o",
    "cm",
    "uj",
}
_SENT_END = re.compile(r"[.!?…](?=[\s\"”»]*(?:\s[A-ZĄĆĘŁŃÓŚŹŻ0-9„\"]|$))|\n")


def _last_word(s: str) -> str:
    r"""The word that `re.search(r"(\w+)\.?$", s)` finds, read from the end (the search tries every position):
    one final line break and one dot off, then the word characters before them."""
    s = s[:-1] if s.endswith("\n") else s
    s = s[:-1] if s.endswith(".") else s
    k = len(s)
    while k and (s[k - 1].isalnum() or s[k - 1] == "_"):
        k -= 1
    return s[k:]


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of `text`; a period after a known abbreviation ends none."""
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        if m.group() == ".":
            before = _last_word(text[start : m.start()])
            if before and before.lower() in ABBREVIATIONS and m.end() < len(text) and text[m.end()] != "\n":
                nxt = text[m.end() : m.end() + 3].strip()[:1]
                if (
                    not nxt
                    or not nxt.isupper()
                    or before.lower() in {"ul", "p", "dr", "prof", "st", "św", "im", "pt", "pn", "ds", "nr"}
                ):
                    continue
        end = m.end()
        if text[start:end].strip():
            out.append((start, end))
        start = end
    if text[start:].strip():
        out.append((start, len(text)))
    return out
