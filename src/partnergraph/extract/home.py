"""The home organisation: the body whose cooperation a page reports, the page's "we".

On MOPS Kraków's bulletin that is MOPS Kraków (the default, from data/reference/home.csv); on another
body's page it is that body (`extract --home NAME --home-city CITY`, manifest fields `home`, `home_city`).
The home plays MOPS's role (../shared/eval/GOLD-CONVENTIONS.md, "Pages of other publishers"): it is never
listed as an organisation, direction is seen from it, and an incoming event is located in its city unless
the text names another. MOPS units are MOPS Kraków's: another home has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .._slug import slug

DEFAULT = ("Miejski Ośrodek Pomocy Społecznej w Krakowie", "Kraków", "PL")
# words of a name that an acronym skips ("Ośrodek Pomocy Społecznej w Słubicach" -> OPS)
_SMALL = {"w", "we", "i", "z", "ze", "na", "do", "dla", "im", "m", "st", "oraz", "a"}
_WORD = re.compile(r"[\wąćęłńóśźżĄĆĘŁŃÓŚŹŻ]+")


@dataclass(frozen=True)
class Home:
    name: str
    city: str | None  # as given: Polish ("Gdańsk") or English ("Warsaw")
    country: str = "PL"
    default: bool = True  # MOPS Kraków: its units and the bulletin's rules hold
    aliases: tuple[str, ...] = field(default=())

    def is_home(self, value: str) -> bool:
        """Whether an organisation's name found in a text names the home: its name or an alias in any
        case ending, cut before its seat ("Miejski Ośrodek Pomocy Rodzinie" for "… w Gdańsku"), or its
        acronym, alone or with the seat ("MOPR", "MOPR w Gdańsku", "OPS Słubice")."""
        return _names_home(self, value)


@lru_cache(maxsize=20_000)
def _names_home(home: Home, value: str) -> bool:
    names = (home.name, *home.aliases)
    return any(_same_body(value, n) for n in names) or any(_same_territory(value, n) for n in names)


def _stems(text: str) -> list[str]:
    # the first four letters of a word meet its case forms ("Ośrodka"/"Ośrodek", "Gdańsku"/"Gdańsk")
    return [w.lower()[:4] for w in _WORD.findall(text)]


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _SMALL and w[0].isupper()).upper()


def _same_body(value: str, name: str) -> bool:
    if slug(value) == slug(name):
        return True
    name_words, value_words = _WORD.findall(name), _WORD.findall(value)
    if not value_words:
        return False
    # the seat: what follows "w"/"we" in the home's name
    seat_at = next(
        (k for k, w in enumerate(name_words) if w.lower() in ("w", "we") and k > 0), len(name_words)
    )
    body, seat = name_words[:seat_at], name_words[seat_at + 1 :]
    body_stems, seat_stems = _stems(" ".join(body)), _stems(" ".join(seat))
    v_stems = _stems(value)
    # without the seat, or with it: "Miejskiego Ośrodka Pomocy Rodzinie (w Gdańsku)"
    for tail in ([], seat_stems, ["w", *seat_stems], ["we", *seat_stems]):
        if len(body_stems) >= 2 and v_stems == body_stems + tail:
            return True
    # an acronym, alone or with the seat: "MOPR", "MOPR w Gdańsku", "MOPR Gdańsk"
    acro = _acronym(body)
    if len(acro) >= 2 and value_words[0] == acro:
        rest = _stems(" ".join(value_words[1:]))
        return rest in ([], seat_stems, ["w", *seat_stems], ["we", *seat_stems])
    return False


# a local government's office and the territory it governs are one body to a page: "Powiat Jasielski" is
# "Starostwo Powiatowe w Jaśle", "Gmina Tłuszcz" is "Urząd Gminy w Tłuszczu", "Miasto X" is "Urząd Miasta X"
_TERRITORY_BODIES = (
    (re.compile(r"^(powiat|powiec)\w*$"), "powiat"),
    (re.compile(r"^starostw\w*$"), "powiat"),
    (re.compile(r"^gmin\w*$"), "gmina"),
    (re.compile(r"^miast\w*$|^mieście$"), "miasto"),
)
_OFFICE_WORDS = re.compile(r"^(starostw|urz[aą]d|powiatow|gminn|miejsk|gmin|miast|w|we)", re.I)


def _territory(name: str) -> tuple[str, str] | None:
    """(kind, the place's word without diacritics) of a county, commune or town named as a body or by its
    office: "Powiatu Jasielskiego" -> ("powiat", "jasielskiego"), "Starostwo Powiatowe w Jaśle" -> ("powiat",
    "jasle"), "Urząd Gminy Tłuszcz" -> ("gmina", "tluszcz")."""
    words = _WORD.findall(name)
    if len(words) < 2:
        return None
    kinds = [k for w in words[:3] for rx, k in _TERRITORY_BODIES if rx.match(w.lower())]
    if not kinds:
        return None
    rest = [
        w
        for w in words
        if not _OFFICE_WORDS.match(w) and not any(rx.match(w.lower()) for rx, _ in _TERRITORY_BODIES)
    ]
    if len(rest) != 1 or not rest[0][:1].isupper():
        return None
    return kinds[0], slug(rest[0])


def _same_territory(value: str, name: str) -> bool:
    """The same county, commune or town, one named as the territory and the other by its office; the
    place's adjective and its name meet in their first three letters ("Jasielski", "Jaśle")."""
    a, b = _territory(value), _territory(name)
    if a is None or b is None or a[0] != b[0]:
        return False
    return a[1][:3] == b[1][:3] and len(a[1]) >= 3


def home_of(name: str | None, city: str | None, registries=None) -> Home:
    """The home of a page: the given body (with its city, maybe None), else the registries' default."""
    default = default_home(registries)
    if not name or default.is_home(name):
        if city and slug(city) != slug(default.city or ""):
            return Home(default.name, city, default.country, False, default.aliases)
        return default
    return Home(name.strip(), city.strip() if city else None, "PL", False)


def default_home(registries=None) -> Home:
    """MOPS Kraków, or whatever data/reference/home.csv names, with its registered aliases."""
    name, city, country = getattr(registries, "home", None) or DEFAULT
    org = registries.find_organisation(name) if registries is not None else None
    if org is None:
        return Home(
            name, city, country, True, ("MOPS", "MOPS w Krakowie", "Miejski Ośrodek Pomocy Społecznej")
        )
    return Home(org.name, city, country, True, tuple(org.aliases))  # the registered name, for names.py too
