"""Cities named by their Polish adjective: "Uniwersytet Wiedeński" (Wiedeń, Vienna), "Politechnika
Drezdeńska" (Drezno, Dresden), "Uniwersytet Tokijski" (Tokio), "Kijowska Administracja Miejska" (Kijów).

morfeusz2 knows these adjectives but not the noun they come from, so the noun is guessed from the
adjective's ending by the regular Polish derivations (-eński from -eń/-no/-a, -rski from -rg, -cki from
-t/-ck, -jski from -o/-ium ...) and a guess counts only when morfeusz2 knows it as a geographic name (or
data/reference names it) and the gazetteer has a city of that name large enough to be meant. An ordinary
adjective ("miejski", "społeczny", "europejski") yields no such city.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._nominative import unknown_adjective_nominative
from ._text import Token, analyse
from .gazetteer import City, Gazetteer, key

# adjective ending -> endings of the city's Polish name that put in its place; the longest ending first
DERIVATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ieński", ("no", "ień")),  # kowieński: Kowno
    ("deński", ("no",)),  # drezdeński: Drezno
    ("eński", ("eń", "a", "o", "no", "ny", "", "en")),  # wiedeński, bremeński, brneński, ateński, leuveński
    ("owski", ("ów", "owo", "owa")),  # lwowski, kijowski, charkowski
    ("iewski", ("wa",)),  # moskiewski: Moskwa
    ("ański", ("an", "ana", "any")),  # mediolański, lublański
    ("ński", ("n", "na", "ń", "nia", "nki", "ny", "no", "ńsk")),  # berliński, lizboński, helsiński, miński
    ("jski", ("o", "a", "um", "ia", "ja")),  # tokijski, sofijski, bazylejski, monachijski
    ("rski", ("rg", "rga", "r")),  # hamburski, norymberski, hanowerski
    ("dzki", ("d", "ga", "da")),  # belgradzki, oksfordzki, getyndzki
    ("cki", ("t", "ck", "ka", "cja", "k")),  # madrycki, frankfurcki, innsbrucki, lubecki, moguncki
    ("zki", ("z",)),  # grazki: Graz
    ("ski", ("", "a", "ia", "ga", "ż", "ch", "sk", "ssa", "o")),  # amsterdamski, paryski, haski, lipski
)
# a city this large is meant by its adjective; smaller namesakes of a common adjective's guess are not
MIN_POPULATION = 50_000
# an adjective that is also a surname ("Pawłowski", "Kijowski") names a city only when the city is large
MIN_POPULATION_SURNAME = 300_000
# adjectives whose guessed noun is a country, a region or a river rather than a city (the Danube, Dunaj, is
# also one of Vienna's other names)
NOT_CITY = {
    "polski", "europejski", "śląski", "maltański", "mazowiecki", "pomorski", "podhalański", "dunajski",
    "naddunajski", "reński", "nadreński",
}  # fmt: skip


ADJECTIVE_CASE = re.compile(r"(?<=[sc]k)(?:iego|iej|iemu|imi|im|ich|ą|a|ie|i)$")
# regions of neighbouring countries whose adjective the derivations above do not undo (compounds, irregular
# stems, a region named after no town): written without hyphens ("iwano-frankiwski" is "iwanofrankiwski")
REGION_ADJECTIVES = {
    **dict.fromkeys((
        "iwanofrankiwski", "stanisławowski", "zakarpacki", "wołyński", "czerniowiecki", "chmielnicki",
        "rówieński", "żytomierski", "winnicki", "odeski", "doniecki", "ługański", "zaporoski",
        "dniepropietrowski", "czernihowski", "czerkaski", "kirowohradzki", "kropywnicki", "chersoński",
        "mikołajowski", "połtawski", "sumski", "tarnopolski", "lwowski", "charkowski", "kijowski",
    ), "UA"),
    **dict.fromkeys(("grodzieński", "brzeski", "miński", "witebski", "mohylewski", "homelski"), "BY"),
    **dict.fromkeys((
        "wileński", "kowieński", "kłajpedzki", "szawelski", "poniewieski", "olicki", "mariampolski",
        "uciański", "tauroski", "telszański", "solecznicki", "trocki", "święciański",
    ), "LT"),
    **dict.fromkeys((
        "preszowski", "koszycki", "żyliński", "bańskobystrzycki", "trenczyński", "nitrzański", "trnawski",
        "bratysławski",
    ), "SK"),
    **dict.fromkeys((
        "morawskośląski", "ołomuniecki", "zliński", "południowomorawski", "pardubicki", "królowohradecki",
        "hradecki", "liberecki", "karlowarski", "pilzneński", "południowoczeski", "środkowoczeski",
        "wysoczyński",
    ), "CZ"),
    **dict.fromkeys(("istryjski", "splickodalmatyński", "dubrownickoneretwiański"), "HR"),
    **dict.fromkeys(("suczawski", "marmaroski"), "RO"),
}  # fmt: skip


def region_country(gaz: Gazetteer, t: Token) -> str | None:
    """The country of a region named by an adjective after a region word ("obwodu iwanofrankiwskiego",
    "kraju ołomunieckiego", "rejonu kołomyjskiego": by the town it is named after)."""
    forms = {x.lower().replace("-", "") for x in t.lemmas}
    if t.unknown:  # "iwano-frankiwskiego": the nominative of its last part's ending
        forms.add(ADJECTIVE_CASE.sub("i", t.lower.replace("-", "")))
    iso = next((REGION_ADJECTIVES[f] for f in forms if f in REGION_ADJECTIVES), None)
    if iso is None and (found := cities_of_adjective(gaz, t)):
        iso = max(found[1], key=lambda c: (c.country in gaz.europe, c.population)).country
    return iso


@lru_cache(maxsize=20000)
def _guesses(lemma: str) -> tuple[str, ...]:
    """Every noun the adjective may come from, by every ending it has ("wiedeński": -deński and -eński)."""
    lemma = lemma.lower()
    out = []
    for ending, nouns in DERIVATIONS:
        if lemma.endswith(ending) and len(lemma) > len(ending) + 1:
            stem = lemma[: -len(ending)]
            out += [(stem + n)[:1].upper() + (stem + n)[1:] for n in nouns if len(stem + n) >= 4]
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=20000)
def _dictionary_says(word: str) -> str:
    """'place' when morfeusz2 reads `word` as the base form of a geographic name, 'unknown' when it does
    not know the word at all (a foreign name: "Heidelberg"), else 'other'."""
    analyses = analyse(word)
    if any(a.pos == "subst" and a.lemma == word and "nazwa_geograficzna" in a.marks for a in analyses):
        return "place"
    return "unknown" if all(a.pos == "ign" for a in analyses) else "other"


_SEEN: dict[str, tuple[str, list[City]] | None] = {}
_SEEN_FOR: list[Gazetteer] = []


def cities_of_adjective(gaz: Gazetteer, t: Token) -> tuple[str, list[City]] | None:
    """(the city's Polish name, its readings) when `t` is the adjective of a city, else None."""
    if not t.is_word or not (t.unknown or t.has_pos("adj")):
        return None
    if _SEEN_FOR[:1] != [gaz]:  # answers of another gazetteer (other registries) do not hold
        _SEEN.clear()
        _SEEN_FOR[:] = [gaz]
    if t.analyses is not analyse(t.text) or len(_SEEN) > 50_000:  # analyses set by hand: not cached
        return _cities_of_adjective(gaz, t)
    if t.text not in _SEEN:  # a page names the same words again and again
        _SEEN[t.text] = _cities_of_adjective(gaz, t)
    return _SEEN[t.text]


def _cities_of_adjective(gaz: Gazetteer, t: Token) -> tuple[str, list[City]] | None:
    best, best_rank = None, None
    least = MIN_POPULATION_SURNAME if t.has_mark("nazwisko") else MIN_POPULATION
    lemmas = [a.lemma for a in t.analyses if a.pos == "adj"]
    if t.unknown:  # an adjective of a foreign name morfeusz2 does not know ("grazkiego", "Leuveńskiego")
        lemmas += [x for x in [unknown_adjective_nominative(t.lower)] if x]
    for lemma in lemmas:
        if lemma.lower() in gaz.nation_adjectives or lemma.lower() in NOT_CITY:
            continue
        for noun in _guesses(lemma):
            registered = key(noun) in gaz.registered
            says = _dictionary_says(noun)
            if not registered and says == "other":
                continue
            cities = [
                c
                for c in gaz.find_cities(noun)
                if registered or (c.population >= least and (says == "place" or c.name == noun))
            ]
            if not cities:
                continue
            # of two guesses the one that names a large European city: "lipski" is Lipsk, not Lipa
            rank = max((c.country in gaz.europe, c.population) for c in cities)
            if best_rank is None or rank > best_rank:
                best, best_rank = (noun, cities), rank
    return best
