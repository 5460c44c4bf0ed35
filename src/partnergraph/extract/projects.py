"""Projects and funding programmes named on a page by their introducing words.

A project's title follows "projekt" ("projektu pn. „…”", "projekt URB-INCLUSION"); a programme follows
what pays for or frames the work ("w ramach programu …", "ze środków programu …"). The title is read in
quotes, up to a lone closing quote on the line, as an acronym, or as foreign Capitalised Words. A title
in a registry (data/reference) is given by its registered name. Registered names met anywhere on the page
are matched with the other registries in names.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ._text import Token
from .persons import unknown_word

PROJECT_INTRO = re.compile(
    r"(?<!\w)projekt(?:u|em|cie|y|ów)?\s*(?:(?:pod\s+nazwą|pod\s+tytułem|pn\.|pt\.|p\.n\.|nr\s+\S+)\s*)?:?\s*",
    re.I,
)
# a funding programme is introduced as what pays or frames a project, not any "program" (a programme of
# work such as Housing First is not a funding programme)
PROGRAMME_INTRO = re.compile(
    r"(?<!\w)(?:w\s+ramach|ze\s+środków|środków|finansowan\w*\s+(?:z|ze|przez|w\s+ramach)|"
    r"współfinansowan\w*\s+(?:z|ze|przez|w\s+ramach)|dofinansowan\w*\s+(?:z|ze|przez|w\s+ramach)|"
    r"grant\w*\s+(?:z|ze)|uczestni\w+\s+(?:w|we))\s+(?:\w+\s+)?program(?:u|em|ie)?\s+"
    r"(?:(?:pn\.|pt\.|pod\s+nazwą)\s*)?",
    re.I,
)


def introduced_titles(
    text: str,
    toks: list[Token],
    base: int,
    taken: list[bool],
    lookup: Callable[[str, str], object],
    unit_phrases: re.Pattern,
) -> list[tuple[str, str, int, int, object]]:
    """(field, value, first token, token past the last, registry entry or None) for each project and
    programme introduced in `text` over tokens still free; marks their tokens taken. A "programme" that
    is a MOPS unit ("Program Aktywności Lokalnej") is left to the units."""
    out = []
    for rx, fld in ((PROJECT_INTRO, "projects"), (PROGRAMME_INTRO, "programmes")):
        for m in rx.finditer(text):
            got = _title_after(text, m.end())
            if got is None:
                continue
            a, b, value = got
            ia = _token_at(toks, base + a)
            ib = _token_before(toks, base + b)
            if ia is None or ib is None or ib < ia or any(taken[ia : ib + 1]):
                continue
            if fld == "programmes" and unit_phrases.match(value):
                continue
            entry = lookup(fld, value)
            out.append((fld, entry.name if entry else value, ia, ib + 1, entry))
            for k in range(ia, ib + 1):
                taken[k] = True
    return out


def _token_at(toks: list[Token], pos: int) -> int | None:
    for k, t in enumerate(toks):
        if t.end > pos:
            return k
    return None


def _token_before(toks: list[Token], pos: int) -> int | None:
    last = None
    for k, t in enumerate(toks):
        if t.end <= pos:
            last = k
        else:
            break
    return last


def _title_after(text: str, pos: int) -> tuple[int, int, str] | None:
    """A title right after an introducing word: in quotes, up to a lone closing quote on the line, or
    a capitalised run (an acronym like URB-INCLUSION, or Capitalised Words)."""
    rest = text[pos : pos + 300]
    m = re.match(r"[„“\"«]\s*([^„“\"”»\n]{2,250}?)\s*[”“\"»]", rest)
    if m:
        return pos + m.start(1), pos + m.end(1), m.group(1)
    line = rest.split("\n", 1)[0]
    m = re.match(r"([A-ZĄĆĘŁŃÓŚŹŻ][^„“\"”»\n]{2,200}?)\s*[”“\"»]", line)
    if m and not re.search(r"[.;]\s", m.group(1)):
        return pos + m.start(1), pos + m.end(1), m.group(1)
    m = re.match(
        r"([A-Z0-9][A-Z0-9+\-]{2,}(?:\s+(?:[IVX]{1,4}|\d{4}(?:-\d{4})?|[A-Z][A-Z0-9+\-]+))*)(?![\w-])", rest
    )
    if m:
        return pos + m.start(1), pos + m.end(1), m.group(1)
    m = re.match(
        r"((?:[A-ZĄĆĘŁŃÓŚŹŻ][\w+\-]*)(?:\s+(?:[A-ZĄĆĘŁŃÓŚŹŻ][\w+\-]*|[IVX]{1,4}|da|de|di|\+))*)", rest
    )
    # unquoted Capitalised Words only when they are not Polish ("Improving Access ...", not "Unii Europejskiej")
    if m and len(m.group(1)) >= 3 and unknown_word(m.group(1).split()[0]):
        return pos + m.start(1), pos + m.end(1), m.group(1)
    return None
