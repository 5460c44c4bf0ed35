"""Polish dates in running text, by rules (no dateparser: it reads "się" as August).

Forms: "31 stycznia br.", "16-17 listopada", "30 września - 3 października 2010", "dn. 25 lutego",
"W maju 2017", "W październiku", "21.01.13 r.", "Dnia 29.10.09", "2 i 10 grudnia 2014 r.",
"2010-05-12", "w 2012 roku", and English ones on project sites ("23–24 March 2017"). A date without
a year takes the page year; with none it is "--MM-DD".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from os.path import commonprefix

from .._months import MONTHS_GEN, MONTHS_LOC, MONTHS_NOM, ROMAN

_MONTH_OF = {m: i + 1 for names in (MONTHS_GEN, MONTHS_LOC, MONTHS_NOM) for i, m in enumerate(names)}
_MONTH_OF.update(
    {m.replace("ź", "z").replace("ś", "s").replace("ń", "n"): i for m, i in list(_MONTH_OF.items())}
)

_GEN = "|".join(
    sorted(
        set(MONTHS_GEN) | {m.replace("ś", "s").replace("ź", "z") for m in MONTHS_GEN}, key=len, reverse=True
    )
)
_LOC = "|".join(sorted(set(MONTHS_LOC + MONTHS_NOM), key=len, reverse=True))
_YEAR = r"(?P<{n}>(?:19|20)\d\d)(?:\s*(?:r\.|roku\b|rok\b))?"
_BR = r"(?P<{n}br>\s*(?:br\.|b\.r\.|bieżącego\s+roku|tego\s+roku|roku\s+bieżącego))"
# last year, as a report published early in a year writes it: "12–14 września ub.r."
_UB = r"(?P<{n}ub>\s*(?:ub\.\s*r\.|ubiegłego\s+roku|zeszłego\s+roku|roku\s+ubiegłego))"
_DASH = r"\s*(?:-|–|—|do)\s*"


def _day(name: str, *not_after: str) -> str:
    r"""A day's number, `[0-3]?\d` not preceded by any of `not_after`, written to open with `\d`: a pattern
    that opens with an optional part or a look-behind gives the regex engine no first character to skip to,
    so it is tried at every position of the text. The same look-behinds are checked after the first digit."""
    behind = "".join(rf"(?<!{b}\d)" for b in not_after)
    return rf"(?P<{name}>\d{behind}(?:(?<=[0-3])\d)?)"


_DAY = _day("{n}") + r"(?:-(?:go|ego)\b)?"  # "3-go czerwca": an ordinal's ending


def _fmt(s: str, **names: str) -> str:
    return s.format(**names)


# "30 września - 3 października 2010", "16-17 listopada 2017", "2 i 10 grudnia 2014 r.", "31 stycznia br."
DAY_RANGE = re.compile(
    _DAY.format(n="d1")
    + rf"(?:\s+(?P<m1>{_GEN}))?(?:\s+{_YEAR.format(n='y1')})?"
    + r"(?:\s*,\s*[0-3]?\d(?=\s*(?:,|i\s|oraz\s)))*"  # "12, 13 i 14 maja": the days between
    + rf"(?P<sep>{_DASH}|\s*,\s*|\s*/\s*|\s+(?:i|oraz)\s+)"
    + _DAY.format(n="d2")
    + rf"\s+(?P<m2>{_GEN})(?:\s+{_YEAR.format(n='y2')}|{_BR.format(n='b2')}|{_UB.format(n='u2')})?",
    re.I,
)
DAY = re.compile(
    _DAY.format(n="d")
    + rf"\s+(?P<m>{_GEN})(?:\s+{_YEAR.format(n='y')}|{_BR.format(n='b')}|{_UB.format(n='u')})?",
    re.I,
)
NUMERIC = re.compile(_day("d", r"[\d.]") + r"\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)?\d\d)(?![\d.]\d)(?:\s*r\.)?")
# "14/03/2020": slashes, with the year in full (a fraction is no date)
SLASHED = re.compile(_day("d", r"[\d./]") + r"/(?P<m>[01]?\d)/(?P<y>(?:19|20)\d\d)(?![\d/])(?:\s*r\.)?")
_NUM_DASH = r"\s*(?:-|–|—|do)\s*"
# between the days of a range in numbers also "i"/"oraz": "9 i 10 IV 2019", "9 i 10.04.2019" (the first to the last)
_NUM_JOIN = r"(?:\s*(?:-|–|—)\s*|\s+(?:do|i|oraz)\s+)"
# "28.09.2015 - 1.10.2015": both ends written in full
NUMERIC_FULL_RANGE = re.compile(
    _day("d1", r"[\d.]")
    + r"\.(?P<m1>[01]?\d)\.(?P<y1>(?:19|20)?\d\d)(?:\s*r\.)?"
    + _NUM_DASH
    + r"(?P<d2>[0-3]?\d)\.(?P<m2>[01]?\d)\.(?P<y>(?:19|20)?\d\d)(?![\d.]\d)(?:\s*r\.)?"
)
# "5-7.05.2015", "05.05 - 07.05.2015", "28.09.-1.10.2015", "od 28.09 do 1.10.2015"; year-less between days
# and months ("(30.03-2.04)"), but not between hours ("godz. 10.15-11.30")
NUMERIC_RANGE = re.compile(
    _day("d1", r"[\d.]", r"godz\.\s", r"godz\.")
    + r"(?:\.(?P<m1>[01]?\d))?\.?"
    + _NUM_JOIN
    + r"(?P<d2>[0-3]?\d)\.(?P<m2>[01]?\d)(?:\.(?P<y>(?:19|20)?\d\d)(?![\d.]\d)(?:\s*r\.)?|\.?(?![.\d]))"
)
# a year-less day in numbers only where it is introduced as a day: "w dniu 5.05", "dnia 12.10.", "W poniedziałek
# 15.04."
_WEEKDAY = r"poniedziałek|wtorek|środę|czwartek|piątek|sobotę|niedzielę"
NUMERIC_DAY = re.compile(
    rf"(?:\b[Ww]\s+dniu|\b[Dd]nia|\b[Dd]n\.|\b[Ww]e?\s+(?:{_WEEKDAY}),?)\s*(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.?(?![.\d])"
)
# English dates on project sites: "23–24 March 2017", "5 June 2018", "March 23, 2017", "23 March – 2 April 2017"
_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
_EN_MONTH = {m: i + 1 for i, m in enumerate(_EN.split("|"))}
_EN_YEAR = r"(?:,?\s+(?P<y>(?:19|20)\d\d))?"
ENGLISH = re.compile(
    rf"(?<![\w.])(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+(?P<m1>{_EN}))?\s*(?:-|–|—|to|and)\s*)?"
    rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m>{_EN})\b{_EN_YEAR}"
    rf"|\b(?P<um>{_EN})\s+(?P<ud>[0-3]?\d)(?:st|nd|rd|th)?\b(?:\s*(?:-|–)\s*(?P<ud2>[0-3]?\d)\b)?"
    rf"(?:,?\s+(?P<uy>(?:19|20)\d\d))?"
)
_ROMAN_MONTH = r"XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I"
ROMAN_DATE = re.compile(
    _day("d", r"[\w.]") + rf"\s*[. ]\s*(?P<m>{_ROMAN_MONTH})\s*[. ]\s*"
    r"(?P<y>(?:19|20)\d\d)(?!\d)(?:\s*r\.)?"
)
# "28-30 IX 2015", "28 IX - 1 X 2015"
ROMAN_RANGE = re.compile(
    _day("d1", r"[\w.]")
    + rf"(?:\s*[. ]\s*(?P<m1>{_ROMAN_MONTH}))?\.?"
    + _NUM_JOIN
    + rf"(?P<d2>[0-3]?\d)\s*[. ]\s*(?P<m2>{_ROMAN_MONTH})\s*[. ]\s*(?P<y>(?:19|20)\d\d)(?!\d)(?:\s*r\.)?"
)
# a list item opened by a day and a Roman month with no year, the year in a label over the list: "• 6–7 III – Brno",
# "14 XI: wizyta partnerów" (only at a line's start and before a dash or a colon: elsewhere too like other numbers)
ROMAN_OPENING = re.compile(
    r"(?m)^[ \t]*(?:[-–—•·▪●○*][ \t]+)?(?P<d1>[0-3]?\d)(?:[ \t]+(?P<m1>"
    + _ROMAN_MONTH
    + r"))?(?:[ \t]*[-–][ \t]*(?P<d2>[0-3]?\d))?[ \t]+(?P<m>"
    + _ROMAN_MONTH
    + r")(?=[ \t]*[-–—:,])"
)
ISO = re.compile(r"(?P<y>(?:19|20)(?<!\d..)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
MONTH = re.compile(
    rf"\b(?:w|we|od|na\s+początku|pod\s+koniec|z\s+końcem|końcem|na\s+przełomie)\s+"
    rf"(?P<m>{_LOC})(?:\s+{_YEAR.format(n='y')}|{_BR.format(n='b')})?(?!\w)"
    # a part of a month, the month in the genitive: "na początku maja 2019 r.", "w drugiej połowie czerwca"
    rf"|\b(?:na\s+początku|pod\s+koniec|z\s+końcem|końcem|w\s+(?:pierwszej\s+|drugiej\s+)?połowie)\s+"
    rf"(?P<g>{_GEN})(?:\s+{_YEAR.format(n='gy')}|{_BR.format(n='gb')})?(?!\w)",
    re.I,
)
_NOM = "|".join(sorted(MONTHS_NOM, key=len, reverse=True))
# a month named with its year and no day, as a record or a table gives it: "Data: grudzień 2017 r.", "IV 2019"
MONTH_YEAR = re.compile(
    rf"(?<![\w.])(?:(?P<n>{_NOM})|(?-i:(?P<r>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)))\s*[. ]\s*"
    r"(?P<y>(?:19|20)\d\d)(?!\d)(?:\s*(?:r\.|roku\b|rok\b))?",
    re.I,
)
# "na przełomie maja i czerwca 2016 r.", "przełom września i października", "od marca do maja 2016",
# "marzec-kwiecień 2016": two months
MONTH_SPAN = re.compile(
    rf"(?:\b(?:na\s+)?przełom(?:ie|u)?\s+(?P<m1>{_GEN})\s+(?:i|oraz|a)\s+(?P<m2>{_GEN})"
    rf"|\bod\s+(?P<f1>{_GEN})\s+do\s+(?P<f2>{_GEN})"
    rf"|\bod\s+(?P<e1>{_GEN})\s+{_YEAR.format(n='ey')}\s+do\s+(?P<e2>{_GEN})"  # "od września 2020 r. do sierpnia 2021 r."
    rf"|\b(?P<n1>{_NOM})\s*[-–—]\s*(?P<n2>{_NOM}))"
    rf"(?:\s+{_YEAR.format(n='y')}|{_BR.format(n='b')})?(?!\w)",
    re.I,
)
# two months in Roman numerals with their year, as a calendar gives them: "IX–X 2018 – Wiedeń"
ROMAN_SPAN = re.compile(
    rf"(?<![\w.])(?P<r1>{_ROMAN_MONTH})\s*[-–—]\s*(?P<r2>{_ROMAN_MONTH})\s+(?P<y>(?:19|20)\d\d)(?!\d)(?:\s*r\.)?"
)
# a quarter of a year: "W I kwartale 2017 r.", "IV kwartał 2021", "w drugim kwartale 2019 roku"
QUARTER = re.compile(
    r"(?<![\w.])(?P<q>(?-i:IV|III|II|I)|pierwsz\w*|drug\w*|trzec\w*|czwart\w*)\s+kwarta(?:ł|le|łu)\s+"
    r"(?P<y>(?:19|20)\d\d)(?!\d)(?:\s*(?:r\.|roku\b))?",
    re.I,
)
# the turn of two years: "na przełomie 2019 i 2020 roku", "na przełomie lat 2018/2019"
YEAR_SPAN = re.compile(
    r"\bprzełom(?:ie|u)?\s+(?:lat\s+)?(?P<y1>(?:19|20)\d\d)\s*(?:r\.\s*)?(?:i|oraz|/|[-–])\s*(?P<y2>(?:19|20)\d\d)"
    r"(?!\d)(?:\s*(?:r\.|roku\b))?",
    re.I,
)
# a heading that only names a stretch of the calendar: "Marzec 2014", "Styczeń – marzec", "II kwartał 2015"
CALENDAR_LABEL = re.compile(
    rf"^\s*(?:(?P<n1>{_NOM})(?:\s*[-–—]\s*(?P<n2>{_NOM}))?"
    rf"|(?P<q>[IV]{{1,3}}|pierwsz\w*|drug\w*|trzec\w*|czwart\w*)\s+(?P<k>kwartał|półrocze)"
    rf"|(?P<k2>kwartał|półrocze)\s+(?P<q2>[IV]{{1,3}}))"
    rf"(?:\s+{_YEAR.format(n='y')})?\s*:?\s*$",
    re.I,
)
# a list item or a line opened by a month alone, as a yearly report lists trips: "listopad – przekazanie …"
MONTH_OPENING = re.compile(rf"(?m)^[ \t]*(?:[-–—•·▪●○*][ \t]+)?(?P<n>{_NOM})[ \t]*[-–—:][ \t]", re.I)
_PART = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "pierwsz": 1, "drug": 2, "trzec": 3, "czwart": 4}
# "w 2017 r.", or a timeline's year before a dash at the start of a line ("2016 – wspólne seminarium …")
YEAR_ONLY = re.compile(
    r"\b(?:[Ww]e?)\s+(?P<y>(?:19|20)\d\d)\s*(?:r\.|roku\b)|^[ \t]*(?P<ty>(?:19|20)\d\d)\s*[-–—](?=\s)", re.M
)
ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# what a text must hold for some of the patterns above to match in it: those patterns are tried only then
_A_YEAR = re.compile(r"(?:19|20)\d\d")
_AN_ENGLISH_MONTH = re.compile(_EN)
# every name of a month holds its month's stem: "stycz", "maj", "paź", "paz" ("pazdziernika" as typed without accents)
_MONTH_STEM = re.compile(
    "|".join(
        sorted(
            {
                commonprefix([plain(m) for m in forms])
                for forms in zip(MONTHS_GEN, MONTHS_LOC, MONTHS_NOM, strict=True)
                for plain in (str, lambda m: m.replace("ś", "s").replace("ź", "z"))
            }
        )
    )
)  # searched in the lower-cased text: without re.I the engine skips to the stems' first letters
# the letters that `re.I` matches as "i" and "s" though str.lower() keeps them apart; the combining dot of "İ".lower()
_CASE_FIXES = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None})


def _names_a_month(text: str) -> bool:
    """Whether `text` may name a month in Polish (as the patterns with `re.I` read it)."""
    low = text.lower()
    if "ı" in low or "ſ" in low or "\u0307" in low:
        low = low.translate(_CASE_FIXES)
    return _MONTH_STEM.search(low) is not None


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets into the text searched
    end: int
    begin: tuple[int | None, int, int | None]  # (year or None, month, day or None)
    finish: tuple[int | None, int, int | None]
    year_only: bool = False
    back: int = 0  # years before the page year ("ub.r.": 1)

    def iso(self, page_year: int | None) -> tuple[str, str]:
        year = page_year - self.back if page_year and self.back else page_year
        return _iso(self.begin, year, self.year_only), _iso(self.finish, year, self.year_only)


def _iso(d: tuple[int | None, int, int | None], page_year: int | None, year_only: bool) -> str:
    year, month, day = d
    if year_only:
        return f"{year:04d}"
    year = year or page_year
    head = f"{year:04d}" if year else "-"
    if day is None:
        return f"{head}-{month:02d}"
    return f"{head}-{month:02d}-{day:02d}"


def _month(name: str) -> int:
    return _MONTH_OF[name.lower()]


def _year(s: str | None) -> int | None:
    if not s:
        return None
    y = int(s)
    return y + 2000 if y < 100 else y


def _valid(y: int | None, m: int, d: int | None) -> bool:
    """A real calendar day ("31 lutego" is not one); a year-less 29 February is allowed."""
    if not (1 <= m <= 12) or (y is not None and not 1990 <= y <= 2100):
        return False
    return d is None or 1 <= d <= calendar.monthrange(y or 2000, m)[1]


def find_dates(text: str) -> list[DateMention]:
    """Every date mention in `text`, in text order, longer forms winning over the parts they contain."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(m: DateMention) -> None:
        if free(m.start, m.end):
            found.append(m)
            taken.append((m.start, m.end))

    def matches(rx: re.Pattern, possible: bool = True):
        return rx.finditer(text) if possible else ()

    month, year = _names_a_month(text), _A_YEAR.search(text) is not None
    for m in matches(DAY_RANGE, month):
        d1, d2, m2 = int(m["d1"]), int(m["d2"]), _month(m["m2"])
        m1 = _month(m["m1"]) if m["m1"] else m2
        y2 = _year(m["y2"])
        y1 = _year(m["y1"]) or (y2 - 1 if y2 and m1 > m2 else y2)
        if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
            continue
        if m["sep"].strip() in (",",) and not m["m1"]:
            pass
        if (m1, d1) > (m2, d2) and not (y1 and y2 and y1 < y2):
            continue
        add(DateMention(m.start(), m.end(), (y1, m1, d1), (y2, m2, d2), back=int(bool(m["u2ub"]))))
    for m in matches(DAY, month):
        d, mo, y = int(m["d"]), _month(m["m"]), _year(m["y"])
        if _valid(y, mo, d):
            add(DateMention(m.start(), m.end(), (y, mo, d), (y, mo, d), back=int(bool(m["uub"]))))
    for m in NUMERIC_FULL_RANGE.finditer(text):
        d1, m1, y1 = int(m["d1"]), int(m["m1"]), _year(m["y1"])
        d2, m2, y2 = int(m["d2"]), int(m["m2"]), _year(m["y"])
        if _valid(y1, m1, d1) and _valid(y2, m2, d2) and (y1, m1, d1) <= (y2, m2, d2):
            add(DateMention(m.start(), m.end(), (y1, m1, d1), (y2, m2, d2)))
    for rx, month in ((NUMERIC_RANGE, int), (ROMAN_RANGE, lambda r: ROMAN.index(r.lower()) + 1)):
        for m in rx.finditer(text):
            d1, d2, m2, y = int(m["d1"]), int(m["d2"]), month(m["m2"]), _year(m["y"])
            if not y and not (m["m1"] and len(m["m1"]) == len(m["m2"]) == 2):
                continue  # "5-7.05", "1.5-2.5 mln" without a year: too like other numbers
            m1 = month(m["m1"]) if m["m1"] else m2
            y1 = y - 1 if y and m1 > m2 else y  # "28.12-3.01.2016"
            if _valid(y1, m1, d1) and _valid(y, m2, d2) and (m1 > m2 or (m1, d1) <= (m2, d2)):
                add(DateMention(m.start(), m.end(), (y1, m1, d1), (y, m2, d2)))
    for m in NUMERIC_DAY.finditer(text):
        d, mo = int(m["d"]), int(m["m"])
        if _valid(None, mo, d):
            add(DateMention(m.start("d"), m.end(), (None, mo, d), (None, mo, d)))
    for m in matches(ENGLISH, _AN_ENGLISH_MONTH.search(text) is not None):
        if m["m"]:
            mo, d, y = _EN_MONTH[m["m"]], int(m["d"]), _year(m["y"])
            d1, m1 = (int(m["d1"]), _EN_MONTH[m["m1"]] if m["m1"] else mo) if m["d1"] else (d, mo)
        else:
            m1, d1, y = _EN_MONTH[m["um"]], int(m["ud"]), _year(m["uy"])
            mo, d = m1, int(m["ud2"] or m["ud"])
        y1 = y - 1 if y and m1 > mo else y
        if _valid(y1, m1, d1) and _valid(y, mo, d) and (m1 > mo or (m1, d1) <= (mo, d)):
            add(DateMention(m.start(), m.end(), (y1, m1, d1), (y, mo, d)))
    for m in ROMAN_DATE.finditer(text):
        d, mo, y = int(m["d"]), ROMAN.index(m["m"].lower()) + 1, int(m["y"])
        if _valid(y, mo, d):
            add(DateMention(m.start(), m.end(), (y, mo, d), (y, mo, d)))
    for m in ROMAN_OPENING.finditer(text):
        m2 = ROMAN.index(m["m"].lower()) + 1
        m1, d1 = ROMAN.index(m["m1"].lower()) + 1 if m["m1"] else m2, int(m["d1"])
        d2 = int(m["d2"]) if m["d2"] else d1
        if _valid(None, m1, d1) and _valid(None, m2, d2) and (m1, d1) <= (m2, d2):
            add(DateMention(m.start("d1"), m.end(), (None, m1, d1), (None, m2, d2)))
    for rx in (ISO, NUMERIC, SLASHED):
        for m in rx.finditer(text):
            d, mo, y = int(m["d"]), int(m["m"]), _year(m["y"])
            if _valid(y, mo, d):
                add(DateMention(m.start(), m.end(), (y, mo, d), (y, mo, d)))
    for m in matches(MONTH_SPAN, month):
        g1, g2 = next((a, b) for a, b in (("m1", "m2"), ("f1", "f2"), ("e1", "e2"), ("n1", "n2")) if m[a])
        m1, m2, y = _month(m[g1]), _month(m[g2]), _year(m["y"])
        y1 = y - 1 if y and m1 > m2 else y  # "przełomie grudnia i stycznia 2015"
        if m["e1"]:
            y1 = _year(m["ey"])
            y = y or y1
            if (y1, m1) > (y, m2):
                continue
        add(DateMention(m.start(g1), m.end(), (y1, m1, None), (y, m2, None)))
    for m in matches(ROMAN_SPAN, year):
        m1, m2, y = ROMAN.index(m["r1"].lower()) + 1, ROMAN.index(m["r2"].lower()) + 1, int(m["y"])
        if m1 < m2:
            add(DateMention(m.start(), m.end(), (y, m1, None), (y, m2, None)))
    for m in matches(QUARTER, year):
        word = m["q"].lower()  # a Roman numeral whole, an ordinal by its stem
        q = _PART.get(word) or next(n for k, n in _PART.items() if len(k) > 3 and word.startswith(k))
        y = int(m["y"])
        add(DateMention(m.start(), m.end(), (y, 3 * q - 2, None), (y, 3 * q, None)))
    for m in matches(YEAR_SPAN, year):
        y1, y2 = int(m["y1"]), int(m["y2"])
        if y2 == y1 + 1:
            add(DateMention(m.start(), m.end(), (y1, 1, None), (y2, 12, None), year_only=True))
    for m in matches(MONTH_YEAR, year):
        mo, y = _month(m["n"]) if m["n"] else ROMAN.index(m["r"].lower()) + 1, int(m["y"])
        add(DateMention(m.start(), m.end(), (y, mo, None), (y, mo, None)))
    for m in matches(MONTH_OPENING, month):
        add(DateMention(m.start("n"), m.end("n"), (None, _month(m["n"]), None), (None, _month(m["n"]), None)))
    for m in matches(MONTH, month):
        g = "m" if m["m"] else "g"
        mo, y = _month(m[g]), _year(m["y"] if m["m"] else m["gy"])
        start = m.start(g)
        add(DateMention(start, m.end(), (y, mo, None), (y, mo, None)))
    for m in matches(YEAR_ONLY, year):
        g = "y" if m["y"] else "ty"
        y = int(m[g])
        add(
            DateMention(
                m.start(g), m.end(g) if g == "ty" else m.end(), (y, 1, None), (y, 1, None), year_only=True
            )
        )
    found.sort(key=lambda x: x.start)
    return found


def event_dates(text: str, offset: int = 0) -> tuple[DateMention | None, list[DateMention]]:
    """The mention that dates the event (the first day or month date; a year alone only when nothing
    better is there) and the further days joined to it ("13 marca … oraz 21 maja" in one sentence)."""
    mentions = find_dates(text)
    precise = [m for m in mentions if not m.year_only]
    if precise and all(_deadline(text, m) for m in precise):
        return None, []  # "Do 15 grudnia można składać wnioski": a notice's deadline dates no event
    if not precise:
        return (mentions[0] if mentions else None), []
    first = _dating(text, precise)
    later = precise[precise.index(first) + 1 :]
    if first.begin[2] is None:
        # "W maju i czerwcu … Pierwsze spotkanie odbyło się 27 maja": the days of the months named
        days = [m for m in later if sharpens(m, first) and not _background(text, m)]
        if days:
            first = days[0]
            later = precise[precise.index(first) + 1 :]
    extra = []
    sentence_end = _sentence_end(text, first.end)
    for m in later:
        if m.start > sentence_end:
            break
        between = text[first.end if not extra else extra[-1].end : m.start]
        if re.search(r"\b(oraz|i|a\s+także|a)\s*$", between.strip() + " ", re.I) or re.fullmatch(
            r"[\s,]*(oraz|i|a także)?[\s\w]{0,60}?(oraz|i|a także)\s*", between, re.I
        ):
            if m.begin[2] is not None and first.begin[2] is not None:
                extra.append(m)
    if not extra and first.begin[2] is not None:
        extra = (
            _next_days(text, first, later)
            or _next_weekday(text, first)
            or _next_day(text, first)
            or _until(text, first, later)
        )
    if not extra and first.begin == first.finish:
        first = _ended_or_lasted(text, first)
    extra = [
        replace(m, back=first.back) if m.begin[0] is None else m for m in extra
    ]  # "… ub.r." holds for all
    return first, extra


# a later day in a sentence of its own that goes on with the same event: "Drugie spotkanie odbyło się 7
# czerwca", "23 maja goście odwiedzili MOPS"
CONTINUES = re.compile(
    r"(drugi\w*|trzeci\w*|kolejn\w*|następn\w*|ostatni\w*|nazajutrz|dzień\s+później|następnie|"
    r"goście|delegacj\w*|uczestnic\w*|spotkani\w*|wizyt\w*)",
    re.I,
)
# a sentence on what came after the event: "Po powrocie, 24 maja, uczestniczki wyjazdu podzieliły się …"
AFTERWARDS = re.compile(r"\s*(?:Po|Już\s+po)\s+(?:powrocie|zakończeniu|wizycie|wyjeździe|pobycie)\b", re.I)
SPAN_DAYS = 31  # the days of one visit or one series of meetings lie within a month or so
DURATION = re.compile(
    r"\b(dwu|trzy|cztero|pięcio|sześcio|siedmio|ośmio|dziewięcio|dziesięcio)dniow\w*|"
    r"\b(dwa|trzy|cztery|pięć|sześć|siedem|2|3|4|5|6|7)\s+dni\b",
    re.I,
)
_DAYS_OF = {
    "dwu": 2,
    "trzy": 3,
    "cztero": 4,
    "pięcio": 5,
    "sześcio": 6,
    "siedmio": 7,
    "ośmio": 8,
    "dziewięcio": 9,
    "dziesięcio": 10,
    "dwa": 2,
    "cztery": 4,
    "pięć": 5,
    "sześć": 6,
    "siedem": 7,
}
OTHER_EVENT = re.compile(r"(?<!\w)(?:kolejn|następn|poprzedni|przyszł|ubiegł|zeszł)\w*", re.I)
ENDED = re.compile(r"\s*(?:r\.|roku)?\s*(?:zakończył\w*|zakończon\w*|dobiegł\w*\s+końca|skończył\w*)", re.I)
ENDED_BEFORE = re.compile(
    r"(?:zakończ\w*|kończ\w*|trwał\w*\s+do|zakończeni\w*)\s+(?:się\s+)?(?:w\s+dniu\s+|dnia\s+)?$", re.I
)


DEADLINE = re.compile(r"(?<!\w)(?:do|until)\s+$", re.I)


def _deadline(text: str, m: DateMention) -> bool:
    """A single day after "do" that no verb of lasting or ending precedes: a deadline."""
    before = text[max(0, m.start - 40) : m.start]
    return m.begin == m.finish and bool(DEADLINE.search(before)) and not ENDED_BEFORE.search(before)


def _background(text: str, m: DateMention) -> bool:
    return bool(BACKGROUND_CUE.search(text[max(0, m.start - 12) : m.start]))


def _next_days(text: str, first: DateMention, later: list[DateMention]) -> list[DateMention]:
    """Days in the sentences after the first that report the same event's later days."""
    out: list[DateMention] = []
    last = first
    for m in later:
        if not re.search(r"[.!?]\s", text[first.end : m.start]) or m.begin[2] is None or _background(text, m):
            continue  # the same sentence's days are joined above
        if (
            m.begin[0] not in (None, first.begin[0])
            or not 0 < _days_between(last.finish, m.begin) <= SPAN_DAYS
        ):
            break
        start = max(text.rfind(".", 0, m.start), text.rfind("\n", 0, m.start)) + 1
        if not CONTINUES.search(text[start : m.start + 80]) or AFTERWARDS.match(text, start):
            break
        out.append(m)
        last = m
    return out


_WEEKDAY_NO = {"poniedział": 0, "wtor": 1, "środ": 2, "czwart": 3, "piąt": 4, "sobot": 5, "niedziel": 6}
_WEEKDAY_STEM = "|".join(_WEEKDAY_NO)
# the first day's weekday written with it: "W czwartek 21 października", "we wtorek, 15 maja"
WEEKDAY_BEFORE = re.compile(rf"(?<!\w)(?:w|we)\s+(?P<w>{_WEEKDAY_STEM})\w*,?\s*$", re.I)
# a later sentence or clause that opens with another weekday and no date: "W piątek uczestnicy odwiedzili …", "…,
# a w czwartek goście wzięli udział …"
WEEKDAY_OPENING = re.compile(
    rf"(?:(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?:W|We)|,\s+a\s+(?:w|we))\s+(?P<w>{_WEEKDAY_STEM})\w*\s+(?![0-3]?\d\b)"
)


def _next_weekday(text: str, first: DateMention) -> list[DateMention]:
    """The event's last day told by a weekday in a later sentence of the same report, counted from the
    first day's own weekday, written ("W czwartek 21 października rozpoczęło się … W piątek uczestnicy …") or
    found in the calendar when the year is known."""
    import datetime as dt

    lead = WEEKDAY_BEFORE.search(text[max(0, first.start - 20) : first.start])
    if first.begin != first.finish:
        return []
    if lead is not None:
        base = _WEEKDAY_NO[next(k for k in _WEEKDAY_NO if lead["w"].lower().startswith(k))]
    elif first.begin[0] is not None:  # "W dniu 14 listopada 2017 r. …": its weekday from the calendar
        base = dt.date(*first.begin).weekday()
    else:
        return []
    last = None
    for m in WEEKDAY_OPENING.finditer(text, first.end):
        day = _WEEKDAY_NO[next(k for k in _WEEKDAY_NO if m["w"].lower().startswith(k))]
        step = (day - base) % 7
        if step == 0:
            break
        y, mo, d = first.begin
        try:
            when = dt.date(y or 2001, mo, d) + dt.timedelta(days=step)
        except ValueError:
            return []
        last = DateMention(
            m.start("w"),
            m.end("w"),
            (y and when.year, when.month, when.day),
            (y and when.year, when.month, when.day),
        )
    return [last] if last is not None else []


# a later sentence that opens with the day after, undated: "Następnego dnia goście spotkali się …"; or with a day
# counted from the first: "Drugi dzień wizyty poświęcony był …", "Ostatniego, trzeciego dnia …"
DAY_AFTER = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?:(?P<next>Następnego\s+dnia|Nazajutrz|Dzień\s+później)"
    r"|(?:Ostatni\w*,?\s+|W\s+)?(?i:(?P<n>drug|trzec|czwart|piąt)\w*)\s+(?:dni[au]|dzień|dniem))\b(?![\s,]*\d)"
)
_ORDINAL = {"drug": 1, "trzec": 2, "czwart": 3, "piąt": 4}


def _next_day(text: str, first: DateMention) -> list[DateMention]:
    """The event's last day told by "Następnego dnia" or by its number ("Trzeciego dnia") in a later sentence of
    a one-day-dated report."""
    import datetime as dt

    if first.begin != first.finish or first.begin[2] is None:
        return []
    steps = [(1 if m["next"] else _ORDINAL[m["n"].lower()], m) for m in DAY_AFTER.finditer(text, first.end)]
    if not steps:
        return []
    step, m = max(steps, key=lambda x: x[0])
    y, mo, d = first.begin
    try:
        when = dt.date(y or 2001, mo, d) + dt.timedelta(days=step)
    except ValueError:
        return []
    day = (y and when.year, when.month, when.day)
    return [DateMention(m.start(), m.end(), day, day)]


# a stay told from its first day to its last in two sentences: "Od 1 października … pomagają nam dwie
# wolontariuszki. Do końca lipca będą prowadzić …"
SINCE_BEFORE = re.compile(r"(?<!\w)od\s+(?:dnia\s+)?$", re.I)
UNTIL_BEFORE = re.compile(r"(?<!\w)do\s+(?:końca\s+|dnia\s+)?$", re.I)
STAY_DAYS = 400  # a volunteer's or a trainee's stay lasts up to a year or so


# ... or its last month: "do końca lipca 2020 r."
UNTIL_MONTH = re.compile(rf"(?<!\w)do\s+końca\s+(?P<g>{_GEN})(?:\s+{_YEAR.format(n='y')})?(?!\w)", re.I)


def _until(text: str, first: DateMention, later: list[DateMention]) -> list[DateMention]:
    """The stay's last day (or month) after "do", when the first day follows "od"."""
    if first.begin != first.finish or not SINCE_BEFORE.search(text[max(0, first.start - 12) : first.start]):
        return []
    nxt = later[0] if later else None
    last = nxt if nxt and UNTIL_BEFORE.search(text[max(0, nxt.start - 12) : nxt.start]) else None
    month = UNTIL_MONTH.search(text, first.end, nxt.start if nxt else len(text))
    if month is not None:
        when = (_year(month["y"]) or first.begin[0], _month(month["g"]), None)
        last = DateMention(month.start(), month.end(), when, when)
    if last is not None and 0 < _days_between(first.begin, last.begin) <= STAY_DAYS:
        return [last]
    return []


def _days_between(a: tuple, b: tuple) -> int:
    """Days from a to b (years absent: read in one common year)."""
    import datetime as dt

    year = a[0] or b[0] or 2001
    try:
        da = dt.date(a[0] or year, a[1], a[2] or 1)
        db = dt.date(b[0] or year, b[1], b[2] or 1)
    except ValueError:
        return -1
    return (db - da).days


def _ended_or_lasted(text: str, m: DateMention) -> DateMention:
    """ "14 września zakończyła się wizyta": known only as the end (start: that month); "z dwudniową
    wizytą", "trwała trzy dni": a start and a duration."""
    import datetime as dt

    if ENDED.match(text, m.end) or ENDED_BEFORE.search(text[max(0, m.start - 40) : m.start]):
        return replace(m, begin=(m.begin[0], m.begin[1], None))
    # the duration anywhere in the date's sentence: "Dwudniowa wizyta rozpoczęła się 9 maja"; or in the
    # next when that one names no day and no other event of its own ("… bierze dziś udział w konferencji.
    # W dwudniowym spotkaniu uczestniczą …")
    end = _sentence_end(text, m.end)
    sentence = text[_sentence_start(text, m.start) : end]
    after = text[end : _sentence_end(text, end + 1)] if text[end : end + 1] in ".!?" else ""
    d = DURATION.search(sentence)
    if d is None and after and not find_dates(after) and not OTHER_EVENT.search(after):
        d = DURATION.search(after)
    if d is None or m.begin[2] is None:
        return m
    word = (d.group(1) or d.group(2)).lower()
    n = int(word) if word.isdigit() else _DAYS_OF.get(word, 1)
    try:
        end = dt.date(m.begin[0] or 2001, m.begin[1], m.begin[2]) + dt.timedelta(days=n - 1)
    except ValueError:
        return m
    return replace(m, finish=(m.begin[0] if m.begin[0] is None else end.year, end.month, end.day))


def sharpens(precise: DateMention, rough: DateMention) -> bool:
    """`precise` gives days in the months (or the year) that `rough` gives only as a whole."""
    if rough.begin[2] is not None or precise.begin[2] is None:
        return False
    if rough.year_only:
        return precise.begin[0] in (None, rough.begin[0])
    for py, ry in ((precise.begin[0], rough.begin[0]), (precise.finish[0], rough.finish[0])):
        if py is not None and ry is not None and py != ry:
            return False
    lo, hi = (rough.begin[1], rough.finish[1])
    inside = (lambda m: lo <= m <= hi) if lo <= hi else (lambda m: m >= lo or m <= hi)
    return inside(precise.begin[1]) or inside(precise.finish[1])


def with_year_of(precise: DateMention, rough: DateMention | None) -> DateMention:
    """`precise` with the years `rough` gives where `precise` has none."""
    if rough is None or precise.begin[0] is not None:
        return precise
    y1, y2 = rough.begin[0], rough.finish[0]
    if y2 is None:
        return precise
    if y1 is None or rough.year_only:
        y1 = y2 - 1 if precise.begin[1] > precise.finish[1] else y2
    return replace(precise, begin=(y1, *precise.begin[1:]), finish=(y2, *precise.finish[1:]))


EVENT_DATE_CUE = re.compile(
    r"(\b[Ww] dni(u|ach)|\bDnia|\bdnia|\bdn\.|\bterminie|\bdniach od"
    rf"|\b[Ww]e?\s+(?:{_WEEKDAY}),?(?:\s+dnia)?)\s*$"  # "W środę, 16 października": the event's day
)
BACKGROUND_CUE = re.compile(r"(\bod|\bdo|\bz dniem|\bprzed|\bpo|\bsince|\bdnia\s+\S+\s+do)\s*$", re.I)


def _published_line(text: str, m: DateMention) -> bool:
    """The mention stands on a line of publication: "Opublikowano: 4 lipca 2022", "wtorek, 8 października 2019 |
    Red.", "Jan Lis | 15.03.2018, 10:12"."""
    from ..sources import chrome

    start = text.rfind("\n", 0, m.start) + 1
    stop = text.find("\n", m.end)
    line = text[start : stop if stop >= 0 else len(text)]
    return bool(chrome.PUBLISHED.match(line) or chrome.is_dateline(line) or chrome.is_byline(line))


def _dating(text: str, precise: list[DateMention]) -> DateMention:
    """The mention that dates the event: the first one introduced as such ("W dniu", "Dnia"), else the
    first that is not a background date ("od 1 stycznia", "do 30 czerwca"), else the first; a date of
    publication only when no other date is there."""
    precise = [m for m in precise if not _published_line(text, m)] or precise
    for m in precise:
        if EVENT_DATE_CUE.search(text[max(0, m.start - 22) : m.start]):
            return m
    for m in precise:
        # "Od 5 do 7 listopada": "od" opens the range itself, not a background date's start
        if m.begin != m.finish or not BACKGROUND_CUE.search(text[max(0, m.start - 12) : m.start]):
            return m
    return precise[0]


SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])|\n")


def _sentence_start(text: str, pos: int) -> int:
    return max((m.end() for m in SENTENCE_BREAK.finditer(text, 0, pos)), default=0)


def _sentence_end(text: str, pos: int) -> int:
    m = re.compile(r"[.!?](?=\s+[A-ZĄĆĘŁŃÓŚŹŻ])|\n\s*\n").search(text, pos)
    return m.start() if m else len(text)


def calendar_label(text: str) -> DateMention | None:
    """The months a heading names when it names nothing else: "Czerwiec 2014" (2014-06), "Styczeń –
    marzec" (months 1-3), "II kwartał 2015" (2015-04 to 2015-06), "I półrocze" (months 1-6)."""
    m = CALENDAR_LABEL.match(text)
    if m is None:
        return None
    y = _year(m.group("y"))
    if m.group("n1"):
        first = _month(m.group("n1"))
        last = _month(m.group("n2")) if m.group("n2") else first
    else:
        part = (m.group("q") or m.group("q2")).lower()
        n = next((v for k, v in _PART.items() if part == k or (len(k) > 3 and part.startswith(k))), 0)
        size = 3 if (m.group("k") or m.group("k2")).lower() == "kwartał" else 6
        if not n or n * size > 12:
            return None
        first, last = size * (n - 1) + 1, size * n
    return DateMention(m.start(), m.end(), (y, first, None), (y, last, None))


def years_in(text: str, founding: bool = True) -> list[int]:
    """The years written in `text`; without `founding`, not the year a body has worked since ("Pomagamy od
    2005 roku", "since 1999", "© 2010")."""
    return [
        int(m.group()) for m in ANY_YEAR.finditer(text) if founding or not SINCE.search(text, 0, m.start())
    ]


# what stands before the year a body was founded or a site's copyright runs from
SINCE = re.compile(r"(?<!\w)(?:od|since|założon\w*\s+w|©|\(c\))\s*(?:roku\s+)?$", re.I)


# a day named relative to the post's date of publication: "Wczoraj odwiedzili nas …", "Dziś gościliśmy …",
# "W ubiegły piątek wyjechał transport …"; a bare weekday ("We wtorek gościliśmy …") is the last one before it
RELATIVE_DAY = re.compile(
    r"(?<!\w)(przedwczoraj|wczoraj|dzisiaj|dziś|jutr[oa])(?!\w)"
    rf"|(?<!\w)we?\s+(?:(?P<last>ubiegł|zeszł|minion|ostatni)\w*\s+)?(?P<w>{_WEEKDAY_STEM})\w*"
    rf"(?:\s+(?:i|oraz)\s+(?P<w2>{_WEEKDAY_STEM})\w*)?(?![\w,]*\s+\d)"  # "… poniedziałek i wtorek": two days
    r"|(?<!\w)w\s+(?:ubiegł|zeszł|minion|ostatni)\w*\s+(?P<weekend>weekend)(?!\w)",  # the Saturday and Sunday
    re.I,
)
RELATIVE_OFFSET = {"przedwczoraj": -2, "wczoraj": -1, "dzisiaj": 0, "dziś": 0, "jutro": 1, "jutra": 1}


def relative_day(text: str, published: str) -> DateMention | None:
    """The day that "wczoraj", "dziś" or "w ubiegły piątek" in `text` names, counted from the date of
    publication in `published` (a date line), or None when either is missing."""
    import datetime as dt

    m = RELATIVE_DAY.search(text)
    days = [x for x in find_dates(published) if x.begin[0] and x.begin[2]]
    if m is None or not days:
        return None
    y, mo, d = days[0].begin
    day = dt.date(y, mo, d)
    if m.group("weekend"):  # the last Saturday before publication, to the Sunday after it
        day -= dt.timedelta(days=(day.weekday() - 5) % 7 or 7)
        last = day + dt.timedelta(days=1)
        return DateMention(
            m.start(), m.end(), (day.year, day.month, day.day), (last.year, last.month, last.day)
        )
    if m.group("w"):  # the weekday's last day before publication ("W ubiegły piątek" of a Monday: 3 days)
        back = (day.weekday() - _WEEKDAY_NO[m.group("w").lower()]) % 7
        day -= dt.timedelta(days=back or (7 if m.group("last") else 0))
    else:
        day += dt.timedelta(days=RELATIVE_OFFSET[m.group(1).lower()])
    last = day
    if m.group("w2"):  # the next day named, not past the publication's
        last += dt.timedelta(days=(_WEEKDAY_NO[m.group("w2").lower()] - day.weekday()) % 7)
        last = min(last, dt.date(y, mo, d))
    return DateMention(m.start(), m.end(), (day.year, day.month, day.day), (last.year, last.month, last.day))
