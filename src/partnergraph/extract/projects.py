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
    # a project, or an URBACT-style network of cities named in quotes, by its acronym or a word with a capital
    # inside ("sieci „Welcoming Spaces”", "sieci ROOF", "sieci HomeCare Cities")
    r"(?<!\w)(?:(?:mikro)?projekt(?:u|em|cie|(?P<many>y|ów|ach|ami))?|sie(?:ć|ci|cią)(?=\s*(?:[„\"“]|(?-i:[A-Z][A-Z0-9-]{2,}|[A-Z][a-z]+[A-Z0-9][A-Za-z0-9]*|[A-Z][a-z]+\s+[A-Z][a-z]+\b(?!\s+[A-Z]))\b)))\s*"
    # an adjective after the word: "projektu polsko-czeskiego „…”", "projektu partnerskiego „…”"
    r"(?:[a-ząćęłńóśźż]+(?:-[a-ząćęłńóśźż]+)?(?:ego|ych)\s+)?"
    # "pn.", "np.", a contract number, or both ("projektu nr POWR.… pn. „…”")
    r"(?:(?:pod\s+nazwą|pod\s+tytułem|pn\.|pt\.|p\.n\.|nr\s+\S+|,?\s*(?:np\.|m\.\s?in\.))\s*){0,2}"
    # a colon before the title on its line; one that ends the line opens a list ("partnerów projektu:")
    r"(?::[ \t]*|\s*)",
    re.I,
)
# a network or project named on an English page: "the ROOF network", "the Active Inclusion Network",
# "the URBACT network Housing Together"
ENGLISH_PROJECT = re.compile(
    r"(?<![\w-])[Tt]he\s+(?:(?:[A-Z]+\s+)?(?:network|project)\s+(?P<after>[A-Z][\w+-]*(?:\s+[A-Z][\w+-]*){0,3})"
    r"|(?P<before>(?:[A-Z][\w+-]*\s+){0,3}?[A-Z][\w+-]*)\s+(?P<kind>[Nn]etwork|[Pp]roject)\b)"
    # an acronym before the English word inside Polish text: "w spotkaniu ROOF network"
    r"|(?<![\w-])(?P<acronym>[A-Z][A-Z0-9+-]{2,})\s+(?:network|project)\b"
)
# a funding programme is introduced as what pays or frames a project or what an application is made to, not
# any "program" (a programme of work such as Housing First is not a funding programme)
PROGRAMME_INTRO = re.compile(
    r"(?<!\w)(?:w\s+ramach|ze\s+środków|środków|(?P<paid>(?:współ|do)?finansowan\w*\s+(?:z|ze|przez|w\s+ramach))|"
    r"grant\w*\s+(?:z|ze)|uczestni\w+\s+(?:w|we)|dzięki|wnios\w*\s+do)\s+(?:\w+\s+)?(?P<word>program(?:u|em|ie|owi)?)\s+"
    r"(?:(?:pn\.|pt\.|pod\s+nazwą)\s*)?"
    # its owner before a quoted name: "programu Unii Europejskiej „Obywatele dla Europy”"
    r"(?:(?:(?-i:[A-ZĄĆĘŁŃÓŚŹŻ]\w*)\s+){1,4}(?=[„“\"«]|,,))?",
    re.I,
)
# a funder named without the word "program": "ze środków Aktion Mensch" (read only as foreign words)
FUNDER_INTRO = re.compile(r"(?<!\w)ze\s+środków\s+(?!program)", re.I)
# the next title of an enumeration: "„A”, „B” i „C”", also after a short description ("„A” - wsparcie …, „B”")
NEXT_TITLE = re.compile(
    r"\s*(?:[-–](?:[^„“\"”\n.;]|\b[a-ząćęłńóśźż]{1,3}\.|\.(?!\s+[A-ZĄĆĘŁŃÓŚŹŻ])){0,120}?)?(?:,|\s+i|\s+oraz)\s+(?=,,|[„“\"«])"
)
# a paid programme named in lower case with its owner: "w ramach programu polskiej współpracy rozwojowej
# Ministerstwa Spraw Zagranicznych RP"; up to the end of the sentence
LOWER_PROGRAMME = re.compile(r"[a-ząćęłńóśźż][\w\s-]{2,150}?(?=\s*(?:[.;\n]|,\s|$))")

# how sure each way of reading a title is (names.CONFIDENCE has the registry's 0.95)
CONFIDENCE = {
    "quoted": 0.7,  # in quotes, an acronym or foreign words right after "projekt"/"program"
    "listed": 0.65,  # a further title of a quoted list after "projekty"
    "plain": 0.5,  # unquoted Polish words in the nominative: where the title ends is a guess
    "owned": 0.55,  # a programme in lower case up to the end of its sentence
    "funder": 0.5,  # foreign words after "ze środków": a programme or a foundation
}


def introduced_titles(
    text: str,
    toks: list[Token],
    base: int,
    taken: list[bool],
    lookup: Callable[[str, str], object],
    unit_phrases: re.Pattern,
) -> list[tuple[str, str, int, int, object, float]]:
    """(field, value, first token, token past the last, registry entry or None, confidence) for each project and
    programme introduced in `text` over tokens still free; marks their tokens taken. A "programme" that
    is a MOPS unit ("Program Aktywności Lokalnej") is left to the units."""
    out = []

    def add(fld: str, how: str, a: int, b: int, value: str) -> bool:
        ia = _token_at(toks, base + a)
        ib = _token_before(toks, base + b)
        if ia is None or ib is None or ib < ia or any(taken[ia : ib + 1]):
            return False
        if fld == "programmes" and unit_phrases.match(value):
            return False
        entry = lookup(fld, value)
        # a registered project by the registry's name; a programme as the page names it (GOLD-CONVENTIONS)
        named = entry.name if entry and fld == "projects" else value
        out.append((fld, named, ia, ib + 1, entry, CONFIDENCE[how]))
        for k in range(ia, ib + 1):
            taken[k] = True
        return True

    for m in PROJECT_INTRO.finditer(text):
        got, how = _title_after(text, m.end()), "quoted"
        if (
            got is not None
            and m.group().lower().startswith("sie")
            and lookup("programmes", got[2].split()[0])
        ):
            # "sieci URBACT": the programme's networks, named by it; the network's own name may follow
            # ("sieci URBACT „Inclusive Neighbourhoods”", "sieci URBACT ACCESS")
            after = re.compile(r"\s*").match(text, got[0] + len(got[2].split()[0])).end()
            got = _title_after(text, after) if after < got[1] or text[after : after + 1] in '„“"«,' else None
            if got is None:
                continue
        if got is None:
            got, how = _polish_title_after(text, toks, base, m.end()), "plain"
        while got is not None and add("projects", how, *got):
            # "projekty: „A”, „B” i „C”": every title of the list
            close = re.compile(r"\s*[”“\"»]").match(text, got[1])
            nxt = NEXT_TITLE.match(text, close.end()) if m["many"] and close else None
            got, how = (_title_after(text, nxt.end()) if nxt else None), "listed"
    for m in ENGLISH_PROJECT.finditer(text):
        if m["acronym"]:
            if not lookup("programmes", m["acronym"]):
                add("projects", "quoted", *m.span("acronym"), m["acronym"])
            continue
        a, b = m.span("after") if m["after"] else (m.start("before"), m.end("kind"))
        name = text[a:b]
        if m["kind"] and m["kind"].islower():
            name, b = m["before"], m.end("before")  # "the ROOF network": the word is no part of the name
        if not lookup("programmes", name.split()[0]):  # "the URBACT network" is the programme's
            add("projects", "quoted", a, b, name)
    for m in PROGRAMME_INTRO.finditer(text):
        got, how = _title_after(text, m.end()), "quoted"
        if got is None and text[m.start("word")].isupper():
            got = _capitalised_programme(text, toks, base, m.start("word"), m.end())
            how = "plain"
        if got is None and not text[m.start("word")].isupper():
            # a proper name in apposition, in the nominative: "dzięki programowi Europejski Korpus Solidarności"
            got = _polish_title_after(text, toks, base, m.end(), CAPITALISED_TITLE)
            how = "plain"
        if got is None and m["paid"]:
            low = LOWER_PROGRAMME.match(text, m.end())
            if low and re.search(r"\s[A-ZĄĆĘŁŃÓŚŹŻ]", low.group()):  # its owner is named
                got, how = (m.start("word"), low.end(), "program " + low.group()), "owned"
        if got is not None:
            add("programmes", how, *got)
    for m in FUNDER_INTRO.finditer(text):
        got = _foreign_words_after(text, m.end())
        if got is not None:
            add("programmes", "funder", *got)
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
    m = re.match(r"(?:,,|[„“\"«])\s*([^„“\"”»\n]{2,250}?)\s*[”“\"»]", rest)
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
        sub = SUBTITLE.match(text, pos + m.end(1))
        end = sub.end() if sub else pos + m.end(1)
        return pos + m.start(1), end, text[pos + m.start(1) : end]
    return _foreign_words_after(text, pos)


# an acronym's spelt-out title after a dash, to the end of the clause: "CARE-NET – Community Care Networks for
# Frail Elderly" (capitalised words and the short words that join them)
SUBTITLE = re.compile(
    r"\s+[–-]\s+[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|for|of|and|the|in|to|with|on|at))*(?=\s*(?:[.,;()\n]|$))"
)


def _foreign_words_after(text: str, pos: int) -> tuple[int, int, str] | None:
    """Capitalised Words right at `pos` when they are not Polish ("Improving Access ...", "Aktion
    Mensch"; not "Unii Europejskiej")."""
    m = re.compile(
        r"((?:[A-ZĄĆĘŁŃÓŚŹŻ][\w+\-]*)(?:\s+(?:[A-ZĄĆĘŁŃÓŚŹŻ][\w+\-]*|[IVX]{1,4}|da|de|di|\+))*)"
    ).match(text, pos, pos + 300)
    if m and len(m.group(1)) >= 3 and unknown_word(m.group(1).split()[0]):
        return m.start(1), m.end(1), m.group(1)
    return None


# a programme's proper name after "Programu": capitalised words, compounds and years to the end of the clause
CAPITALISED_RUN = re.compile(
    r"[A-ZĄĆĘŁŃÓŚŹŻ][\w\-–]*(?:\s+(?:[A-ZĄĆĘŁŃÓŚŹŻ][\w\-–]*|\d{4}(?:\s?[-–]\s?\d{4})?|na\s+lata|[–-]))*"
    r"(?=\s*(?:[.,;()\n]|$))"  # to the clause's end or an aside in brackets ("… 2014-2020 (EIS)")
)


def _capitalised_programme(text: str, toks: list[Token], base: int, word: int, pos: int):
    """ "z Programu Współpracy Transgranicznej Polska-Białoruś-Ukraina 2014-2020" -> "Program Współpracy
    Transgranicznej …": a capitalised "Programu" and a genitive noun after it (an adjective after it would
    need putting in the nominative too)."""
    m = CAPITALISED_RUN.match(text, pos)
    k = _token_at(toks, base + pos)
    if not m or k is None or toks[k].start != base + pos:
        return None
    if toks[k].unknown or toks[k].has_pos("adj") or not any("gen" in a.cases for a in toks[k].analyses):
        return None
    return word, m.end(), "Program " + m.group()


def _polish_title_after(
    text: str, toks: list[Token], base: int, pos: int, only: re.Pattern | None = None
) -> tuple[int, int, str] | None:
    """An unquoted Polish title in the nominative after "projektu" (in the genitive) that runs to the end
    of its clause: "projektu Akcja Człowiek." A name in the genitive ("projektu Miasta Krakowa") is the
    project's owner, not its title."""
    m = (only or CAPITALISED_TITLE).match(text, pos) or (None if only else PLAIN_TITLE.match(text, pos))
    if not m:
        return None
    first = _token_at(toks, base + m.start())
    if first is None or toks[first].start != base + m.start():
        return None
    cases = {c for a in toks[first].analyses for c in a.cases}
    # a title opens in the nominative or with a word that does not decline ("Bliżej rodziny", "Razem dla …",
    # though "razem" is also an instrumental)
    undeclined = not cases or (m.re is PLAIN_TITLE and toks[first].has_pos("adv"))
    if toks[first].unknown or ("nom" not in cases or "gen" in cases) and not undeclined:
        return None
    return m.start(), m.end(), m.group()


CAPITALISED_TITLE = re.compile(r"[A-ZĄĆĘŁŃÓŚŹŻ]\w+(?:\s+[A-ZĄĆĘŁŃÓŚŹŻ]\w+){0,4}(?=\s*(?:[.,;)\n]|$))")
# a title in sentence case up to its clause's end or a word that goes on with the sentence: "projektu Bliżej
# rodziny, realizowanego …", "projektu Wspólne usługi dla seniorów w formule hybrydowej"
PLAIN_TITLE = re.compile(
    r"[A-ZĄĆĘŁŃÓŚŹŻ]\w+(?:\s+(?!(?:w|we|z|ze|na|do|od|i|oraz|który|która|które|realizowan\w*|finansowan\w*|"
    r"współfinansowan\w*)\b)\w+){1,4}(?=\s*(?:[.,;:)\n]|\s(?:w|we|z|ze|na|do|od|i|oraz|który|która|"
    r"które|realizowan\w*|finansowan\w*|współfinansowan\w*)\b))"
)
