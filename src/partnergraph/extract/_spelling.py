"""Foreign towns written the Polish way that the gazetteer has under another spelling: "Stara Lubowla" is
Stará Ľubovňa, "Krawarz" Kravaře, "Hulczyn" Hlučín. Both sides are reduced to a skeleton (no diacritics,
Polish digraphs as the neighbours' letters: sz -> s, cz -> c, rz -> r, w -> v, y -> i) and compared letter
by letter, one slip allowed in a short name and two in a long one, among the towns of the countries the
text names only (a near spelling anywhere in Europe would be a guess)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .gazetteer import City, Gazetteer, villages

_DIGRAPHS = (
    ("sz", "s"),
    ("cz", "c"),
    ("rz", "r"),
    ("ch", "h"),
    ("dz", "z"),
    ("w", "v"),
    ("y", "i"),
    ("ie", "e"),
)
_ANSWERS: dict[tuple, tuple[Gazetteer, City | None]] = {}
_INDEXES: dict[int, tuple[Gazetteer, dict[str, dict]]] = {}


@lru_cache(maxsize=50_000)
def skeleton(name: str) -> str:
    """'Stará Ľubovňa' and 'Stara Lubowla' -> 'stara lubovna' and 'stara lubovla'."""
    text = unicodedata.normalize("NFKD", name.lower().replace("ł", "l"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    for a, b in _DIGRAPHS:
        text = text.replace(a, b)
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def slips(a: str, b: str, most: int) -> int:
    """The letters to change, add, drop or swap to turn a into b (optimal string alignment), or most + 1
    once that many are exceeded."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        if min(row) > most:
            return most + 1
        prev2, prev = prev, row
    return prev[-1]


def _country_names(gaz: Gazetteer, iso: str, letter: str) -> list[tuple[str, tuple]]:
    """(skeleton of a name, record) of the names of the country's towns and villages whose skeleton begins
    with `letter`: the names are sorted by their first letters once per country, and a letter's skeletons
    are made when it is first asked for (a country has tens of thousands of names)."""
    hit = _INDEXES.get(id(gaz))
    if hit is None or hit[0] is not gaz:
        hit = _INDEXES[id(gaz)] = (gaz, {})
    by_country = hit[1]
    if iso not in by_country:
        raw: dict[str, list[tuple[str, tuple]]] = {}
        for rec in gaz.records:
            if rec[2] == iso:
                for k in {rec[1], *(gaz.names_by_id.get(rec[0], ()) if rec[0] else ())}:
                    raw.setdefault(skeleton(k[:2])[:1], []).append((k, rec))  # a digraph's letter too
        for rec, names in villages(iso):
            for k in names:
                raw.setdefault(skeleton(k[:2])[:1], []).append((k, rec))
        by_country[iso] = {"raw": raw}
    names = by_country[iso]
    if letter not in names:
        names[letter] = [
            (sk, letters(sk), rec) for k, rec in names["raw"].get(letter, ()) for sk in (skeleton(k),)
        ]
    return names[letter]


def letters(text: str) -> int:
    """The set of a text's characters as bits: one slip changes at most two of them, so two names whose sets
    differ in more than twice the slips allowed need no letter-by-letter comparison."""
    bits = 0
    for c in text:
        bits |= 1 << (ord(c) & 63)
    return bits


def town_by_spelling(gaz: Gazetteer, guesses: list[str], countries: set[str]) -> City | None:
    """The largest town of `countries` one of whose names is spelt like one of the guesses (a name's
    nominative forms), or None."""
    asked = (id(gaz), tuple(guesses), tuple(sorted(countries)))
    if asked not in _ANSWERS or _ANSWERS[asked][0] is not gaz:  # pages name the same words again
        if len(_ANSWERS) > 20_000:
            _ANSWERS.clear()
        _ANSWERS[asked] = (gaz, _town_by_spelling(gaz, guesses, countries))
    return _ANSWERS[asked][1]


def _town_by_spelling(gaz: Gazetteer, guesses: list[str], countries: set[str]) -> City | None:
    best = None
    for guess in guesses:
        g = skeleton(guess)
        if len(g) < 5:
            continue  # short names are too alike
        most = 1 if len(g) < 8 else 2
        bits = letters(g)
        for iso in countries:
            for name, its, rec in _country_names(gaz, iso, g[:1]):
                if (
                    abs(len(name) - len(g)) <= most
                    and (bits ^ its).bit_count() <= 2 * most
                    and slips(g, name, most) <= most
                ):
                    city = City(*rec)
                    if best is None or city.population > best.population:
                        best = city
    return best
