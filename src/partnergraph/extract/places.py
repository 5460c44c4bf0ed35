"""Places in Polish text: foreign cities and countries, with the preposition that says what they are.

"z Helsinek" (from: the visitors' city), "w Wiedniu" (in: where the event was), "do Berlina" (to).
A city is looked up by morfeusz2's base form when morfeusz2 marks the word as a geographic name, by the
word itself and its Polish case endings stripped when the word is unknown to morfeusz2 (foreign names:
"w Paderborn", "w Landshucie"), or after "miejscowości"/"miasta" ("z miejscowości Sola"). A country
named in the same sentence decides between cities of one name (Sola in Norway, not Seoul).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from ._city_adjectives import cities_of_adjective, region_country
from ._nominative import _caps_like, _forms
from ._spelling import town_by_spelling
from ._text import Token, analyse
from .gazetteer import SHARED_REGIONS, City, Gazetteer, fold3, key, name_starts

# English ones too: project and network sites write "delegations from Ghent", "a meeting in Turin"
FROM = {"z", "ze", "spod", "from"}
# a venue near a town is placed by that town: "pod Linzem", "koło Brna", "niedaleko Ołomuńca", "w pobliżu Lyonu"
NEAR_WORDS = {"koło", "k", "pod", "niedaleko", "nieopodal", "pobliżu"}
IN = {"w", "we", "na", "przy", "in", *NEAR_WORDS}
TO = {"do", "dla"}
# ("okolica": "z okolic Lwowa", "w okolicach Brna" name the town's surroundings by it, as "koło Brna" does)
PLACE_NOUNS = {
    "miejscowość",
    "miasto",
    "miasteczko",
    "gmina",
    "wieś",
    "region",
    "okręg",
    "prowincja",
    "okolica",
}
REGION_NOUNS = {"region", "okręg", "prowincja"}
CONNECTORS = {
    "nad",
    "am",
    "an",
    "der",
    "de",
    "la",
    "le",
    "sur",
    "upon",
    "on",
    "del",
    "di",
    "im",
    "-",
    ".",
    "St",
    "Sankt",
    "Saint",
    "San",
    "Santa",
}
# Polish endings of unknown foreign names and what they replace: "Landshucie" -> "Landshut"
ENDINGS = [
    ("cie", "t"),
    ("dzie", "d"),
    ("rze", "r"),
    ("rze", "ra"),  # "w Nitrze"
    ("cu", "ec"),  # the fleeting e: "w Libercu", "z Ołomuńca"
    ("ca", "ec"),
    ("ie", ""),
    ("u", ""),
    ("a", ""),
    ("a", "o"),  # neuter names: "z Dnipra" (Dnipro)
    ("em", ""),
    ("owi", ""),
    ("ii", "ia"),
    ("ji", "ja"),
    ("i", ""),
    # feminine names in -a: genitive -y/-i, locative -zie/-dze/-ie, instrumental -ą, accusative -ę
    ("zie", "za"),
    ("dze", "ga"),
    ("ie", "a"),
    ("y", "a"),
    ("i", "a"),  # after l, k, g, j: "w Trikali"
    ("ą", "a"),
    ("ę", "a"),
    ("ia", "ie"),  # neuter names in -ie: "z Zakarpacia", "na Zakarpaciu" (Zakarpacie)
    ("iu", "ie"),
    ("ce", "ka"),  # k softened: "w Kluż-Napoce"
    # names in -ń: "w Humaniu", "z Humania" (Humań), "w Kazaniu"; feminine ones: "w Tiumeni"
    ("niu", "ń"),
    ("nia", "ń"),
    ("niem", "ń"),
    ("ni", "ń"),
    # plural names: "z Bielc", "w Bielcach", "w Hořovicach" (Bielce, Hořovice)
    ("c", "ce"),
    ("cach", "ce"),
    ("ach", "y"),
    ("ach", "e"),
    ("ami", "e"),
    ("cz", "cze"),  # plural names in -cze: "z Baranowicz", "do Hancewicz" (Baranowicze, Hancewicze)
    ("ów", "y"),  # "z Karlowych Warów" (Karlowe Wary)
    ("ych", "e"),  # adjectives of plural names: "w Karlowych Warach"
    # names in -ów: "z Hawierzowa", "w Hawierzowie" (Hawierzów); adjectival names: "w Orłowej" (Orłowa)
    ("owa", "ów"),
    ("owie", "ów"),
    ("owem", "ów"),
    ("ej", "a"),
    # Czech and Slovak adjectives of two-word names: "z Českého Těšína" (Český Těšín), "z Banskej Bystrici"
    ("ého", "ý"),
    ("ej", "á"),
    # plural names whose genitive has no ending: "z Czerkas", "z Jass" (Czerkasy, Jassy)
    ("", "y"),
    # adjectival names: "z Kropywnyckiego", "w Kropywnyckim" (Kropywnycki)
    ("iego", "i"),
    ("im", "i"),
    # the Czech and Slovak locative of a town in a body's own name: "Úřad práce v Náchodě", "Mestský úrad v
    # Trnave", "v Brně", "v Prešove", "v Košiciach"
    ("ě", "o"),
    ("ě", "a"),
    ("ě", ""),
    ("ci", "ec"),  # "v Liberci", "v Lučenci"
    ("ře", "r"),  # "v Táboře"
    ("e", "a"),
    ("e", ""),
    ("iach", "e"),
]
# the Czech and Slovak "in" inside a body's own name, read as the Polish one
WEST_SLAVIC_IN = {"v": "w", "ve": "we", "vo": "we"}
KRAKOW = "Kraków"
# particles inside persons' names
NAME_PARTICLES = {"de", "van", "von", "der", "den", "di", "da", "del", "le", "la", "du", "des", "ten", "ter"}


@dataclass(frozen=True)
class PlaceMention:
    kind: str  # "city" or "country"
    country: str
    city: City | None
    start: int
    end: int
    quote: str  # the name as matched: the Polish base form ("Lipsk") or the word itself
    prep: str  # the preposition before it, lower case, or ""
    token_index: int
    readings: tuple[City, ...] = ()  # every city of that name; resolve() picks one
    # read from a word the dictionary knows as something else ("z Baden": a surname too): its smaller towns
    # by their own name count only where their country is named (_corroborated)
    common_word: bool = False
    # Polish towns of the name, read as a larger town abroad whose Polish name it is ("Pilzno": Plzeň);
    # home_namesakes() decides
    namesakes: tuple[City, ...] = ()
    # the reverse: larger towns abroad whose name the word of a Polish town is as written ("w Turku": Turek's
    # locative, Turku's name); home_namesakes() decides
    abroad: tuple[City, ...] = ()


def _prep(tokens: list[Token], i: int, depth: int = 0) -> str:
    j = i - 1
    while j >= 0 and tokens[j].text in ("„", '"', "(", "«"):
        j -= 1
    if j >= 1 and tokens[j].text == ":" and tokens[j - 1].lower in FROM | IN | TO:
        j -= 1  # a list after "z:": "partnerzy z: Rygi (LV), Tartu (EE)"
    elif j >= 1 and tokens[j].text == "." and tokens[j - 1].lower == "k":
        j -= 1  # "k. Lwowa"
    if j >= 0:
        w = tokens[j].lower
        if w in EN_TO and tokens[j].is_word:
            return "do"  # "a team from Kraków visited Ghent", "a study trip to Ghent"
        if (
            tokens[j].lemmas & VISIT_LEMMAS
            and tokens[j].has_pos("praet", "fin")
            and not _name_goes_on(tokens, i)
        ):
            return "do"  # "grupa odwiedziła Bergen": the town visited (not "odwiedzili Leger des Heils")
        if tokens[j].text in WEST_SLAVIC_IN and j >= 1 and tokens[j - 1].is_word:
            # "Úřadu práce v Náchodě"; in a bracket that glosses a name given before it ("z Uniwersytetu
            # Preszowskiego (Prešovská univerzita v Prešove)") the town is that body's seat, not the venue
            return "z" if _in_bracket(tokens, j) else WEST_SLAVIC_IN[tokens[j].text]
        if w in FROM | IN | TO:
            if tokens[j].is_upper_initial and j >= 1 and tokens[j - 1].text in OPENING_QUOTES:
                return ""  # the first word of a quoted name: Klub Seniora „Pod Lipami”
            return w
        first = _past_bracket(tokens, j - 1) if w in COORDINATORS else j - 1
        if (
            w in COORDINATORS
            and depth < 4
            and first >= 0
            and tokens[first].is_upper_initial
            and tokens[first].is_word
        ):
            # the second of coordinated names takes the first's preposition: "z Krawarza i Hulczyna"
            k = first
            # back over the first name's words, "nad" in it too: "z Uścia nad Łabą, Lowanium i Szlezwiku"
            while (
                k >= 1
                and k > j - 4
                and (tokens[k - 1].is_upper_initial and tokens[k - 1].is_word or tokens[k - 1].lower == "nad")
            ):
                k -= 1
            return _prep(tokens, k, depth + 1)
        if tokens[j].lemmas & PLACE_NOUNS and j >= 1 and _describing(tokens[j - 1]):
            j -= 1  # "w partnerskim mieście Bardejów"
        if tokens[j].lemmas & PLACE_NOUNS and j >= 1 and tokens[j - 1].lower in FROM | IN | TO:
            return tokens[j - 1].lower
        if _describing(tokens[j]) and j >= 1 and tokens[j - 1].lower in FROM | IN | TO:
            # "z norweskiego Aalesund", "w niemieckim Kaarst", "w partnerskim Trutnovie"
            return tokens[j - 1].lower
    return ""


def _bracketed_code(gaz: Gazetteer, tokens: list[Token], i: int) -> str | None:
    """The ISO code of a country in brackets after a capitalised word: "Rygi (LV)"."""
    t = tokens[i]
    if not (len(t.text) == 2 and t.text.isupper() and t.text in gaz.country_names) or i < 2:
        return None
    if tokens[i - 1].text != "(" or i + 1 >= len(tokens) or tokens[i + 1].text != ")":
        return None
    return t.text if tokens[i - 2].is_upper_initial and tokens[i - 2].is_word else None


def _in_bracket(tokens: list[Token], k: int) -> bool:
    """Whether token k is inside a bracket opened a few words before it on the same line."""
    for o in range(k - 1, max(k - 8, -1), -1):
        if tokens[o].text in (")", ".") or tokens[o + 1].line_start:
            return False
        if tokens[o].text == "(":
            return True
    return False


def _past_bracket(tokens: list[Token], k: int) -> int:
    """The token before a short bracket that closes at k ("Rygi (LV)": Rygi's), else k."""
    if k < 2 or tokens[k].text != ")":
        return k
    o = next((o for o in range(k - 1, max(k - 4, 0), -1) if tokens[o].text == "("), None)
    return o - 1 if o is not None else k


def _joined(a: Token, b: Token) -> bool:
    """Two words one name may span: next to each other on one line (a heading's town and the body's
    first word, "w Bardejowie" / "Święto Miasta …", are two)."""
    return b.start - a.end <= 1 and not b.line_start


def _particle_name_after(tokens: list[Token], j: int) -> bool:
    """A name particle and a capitalised word at j: the name before them goes on ("Leger des Heils")."""
    return (
        j + 1 < len(tokens)
        and tokens[j].lower in NAME_PARTICLES
        and _joined(tokens[j - 1], tokens[j])
        and tokens[j + 1].is_upper_initial
        and tokens[j + 1].is_word
    )


def _name_goes_on(tokens: list[Token], i: int) -> bool:
    """The word at i is followed by a particle or another capitalised word of one name."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is not None and (nxt.lower in NAME_PARTICLES or nxt.is_upper_initial and nxt.is_word)


def _describing(t: Token) -> bool:
    """A lower-case adjective before a town's name or a place noun: "partnerskim", "niemieckim"."""
    return t.is_word and not t.is_upper_initial and t.has_pos("adj")


COORDINATORS = {"i", "oraz", ",", "and"}
# English words before the place a visit goes to
EN_TO = {"to", "visited", "visits", "visit", "visiting"}
VISIT_LEMMAS = {"odwiedzić", "odwiedzać"}
OPENING_QUOTES = {"„", '"', "«", "“", "»"}
# English place nouns before "of": "the Bavarian municipality of Vaterstetten", "the town of Heerde"
EN_PLACE_NOUNS = {"municipality", "town", "city", "village", "commune", "borough"}


# the same in the languages of foreign bodies' own names: "Statutárního města Ostravy", "Stadt Wien"
FOREIGN_PLACE_NOUNS = {
    "město", "města", "mesto", "mesta", "stadt", "ville", "città", "ciudad", "cidade", "grad", "grada", "comune",
}  # fmt: skip


def after_place_noun(tokens: list[Token], i: int) -> bool:
    if i >= 2 and tokens[i - 1].lower == "of" and tokens[i - 2].lower in EN_PLACE_NOUNS:
        return True
    return i >= 1 and (bool(tokens[i - 1].lemmas & PLACE_NOUNS) or tokens[i - 1].lower in FOREIGN_PLACE_NOUNS)


def _country_at(gaz: Gazetteer, tokens: list[Token], i: int) -> tuple[str, int] | None:
    """(iso2, number of tokens) of a country name starting at token i."""
    t = tokens[i]
    if not t.is_upper_initial or not t.is_word:
        return None
    best = None
    for lemma in t.lemmas:
        for sets, iso, _name in gaz.countries.get(lemma, []):
            n = len(sets)
            if i + n > len(tokens):
                continue
            if all(tokens[i + k].lemmas & sets[k] for k in range(n)):
                if n == 1 and not (t.has_mark("nazwa_geograficzna") or t.unknown or t.text == _name):
                    continue
                if n == 1 and t.has_mark("imię") and i + 1 < len(tokens) and tokens[i + 1].is_upper_initial:
                    continue  # "Dania Kowalska" is a person
                if best is None or n > best[1]:
                    best = (iso, n)
    return best


def _city_keys(tokens: list[Token], i: int, n: int) -> list[str]:
    span = tokens[i : i + n]
    words = [t.text for t in span]
    keys = [" ".join(words)]
    if n == 1:
        t = span[0]
        keys += t.lemmas_with("nazwa_geograficzna")
        if (
            t.unknown
            or (after_place_noun(tokens, i) and not t.has_mark("nazwa_geograficzna"))
            or (_surname_only(t) and i >= 1 and tokens[i - 1].lower in FROM | IN | TO)
            or _adjective_out_of_case(t, _prep(tokens, i))
            or _geographic_out_of_case(t, _prep(tokens, i))
        ):
            # a geographic name to the dictionary has its base forms above; its endings are not guessed
            # ("z miasta Maków" is no Mak, "Turów" no Tours) unless the preposition rules its reading out
            keys += [a.lemma for a in t.analyses]
            w = t.text
            for end, repl in ENDINGS:
                if w.endswith(end) and len(w) - len(end) >= 3:
                    keys.append(w[: len(w) - len(end)] + repl)
    else:
        first = {a.lemma for a in span[0].analyses if a.pos in ("subst", "adj", "ign")} | {span[0].text}
        last = {a.lemma for a in span[-1].analyses if a.pos in ("subst", "adj", "ign")} | {span[-1].text}
        for f, la in itertools.product(first, last):
            keys.append(" ".join([f, *words[1:-1], la]))
    return keys


# the cases a place preposition governs
PREP_CASES = {"z": {"gen", "inst"}, "ze": {"gen", "inst"}, "do": {"gen"}, "w": {"loc", "acc"}, "we": {"loc", "acc"}}  # fmt: skip


def _adjective_out_of_case(t: Token, prep: str) -> bool:
    """A capitalised word the dictionary reads only as an adjective in a case the preposition does not take: a
    town declined the way the dictionary does not know ("z Wołkowyska": Wołkowysk, not "wołkowyska")."""
    cases = PREP_CASES.get(prep)
    return (
        cases is not None
        and t.is_upper_initial
        and bool(t.analyses)
        and all(
            a.pos in ("adj", "adjp") and a.lemma[:1].islower() and not a.cases & cases for a in t.analyses
        )
    )


def _geographic_out_of_case(t: Token, prep: str) -> bool:
    """A word the dictionary reads as a geographic name only in cases the preposition does not take: another
    town's name declined ("z Żyliny" is Żylina's genitive, not the village Żyliny's nominative)."""
    cases = PREP_CASES.get(prep)
    geo = [a for a in t.analyses if "nazwa_geograficzna" in a.marks]
    return cases is not None and bool(geo) and not any(a.cases & cases for a in geo)


def _surname_only(t: Token) -> bool:
    """A word the dictionary knows only as a surname: after "z", "w", "do" it is a town declined the way
    the dictionary does not know ("z Baranowicz": Baranowicze, not Mr Baranowicz)."""
    return bool(t.analyses) and all("nazwisko" in a.marks for a in t.analyses)


_NAMED: dict[int, tuple[Gazetteer, dict[tuple, tuple | None]]] = {}


def _memo(store: dict, gaz: Gazetteer) -> dict:
    """A per-gazetteer memo of word look-ups: pages name the same words again and again."""
    hit = store.get(id(gaz))
    if hit is None or hit[0] is not gaz:
        hit = store[id(gaz)] = (gaz, {})
    if len(hit[1]) > 50_000:
        hit[1].clear()
    return hit[1]


def _first_named(gaz: Gazetteer, tokens: list[Token], i: int, n: int) -> tuple[tuple[City, ...], str] | None:
    """The cities of the first of the span's keys (_city_keys) that names any, and that key."""
    t = tokens[i]
    asked = (*(x.text for x in tokens[i : i + n]), n == 1 and after_place_noun(tokens, i))
    memo = _memo(_NAMED, gaz)
    if asked in memo:
        return memo[asked]
    keys = _city_keys(tokens, i, n)
    if n == 1:  # a registered name also by its ending undone ("z Karwiny": Karwina)
        keys += [x for x in [*t.lemmas, *_ending_guesses(t.text)] if key(x) in gaz.registered]
    memo[asked] = None
    for k in keys:
        cities = gaz.find_cities(k)
        if cities:
            if n == 1 and k == t.text:
                # the word as written and its geographic base form are read together: "Hagi" is a town in
                # Japan as written and Haga (The Hague) inflected; resolve() ranks them
                of_lemma = [c for g in t.lemmas_with("nazwa_geograficzna") for c in gaz.find_cities(g)]
                if of_lemma and max(c.population for c in cities) < SMALL_TOWN <= max(
                    c.population for c in of_lemma
                ):
                    cities = []  # "z Drezna" is Dresden inflected, not the small Drezna
                cities += of_lemma
                # the dictionary reads the word as a case (not a mere vocative) of a town's own name: "z
                # Dubna" is Dubno ("Porto" is also Porta's vocative)
                geo = {
                    key(a.lemma) for a in t.analyses if "nazwa_geograficzna" in a.marks and a.cases - {"voc"}
                }
                if key(k) not in geo and (own := next((g for g in geo if _own_name(of_lemma, g)), None)):
                    k = own
            memo[asked] = (tuple(cities), k)
            break
    return memo[asked]


def _own_name(cities, k: str) -> bool:
    """Whether one of `cities` has `k` (a key) as its own English or Polish name."""
    return any(key(c.name) == k or (c.name_pl is not None and key(c.name_pl) == k) for c in cities)


def _ending_guesses(word: str) -> list[str]:
    return [
        word[: len(word) - len(e)] + r for e, r in ENDINGS if word.endswith(e) and len(word) - len(e) >= 3
    ]


def _agreeing_keys(span: list[Token]) -> list[str]:
    """A name of several words in the nominative: its adjectives agreeing with its last noun ("w Czeskich
    Budziejowicach": Czeskie Budziejowice, "w Spiskiej Nowej Wsi": Spiska Nowa Wieś), an unknown word's
    Polish ending undone ("w Hradcu Králové": Hradec Králové); an adjective written after its noun is
    tried before it too ("w Cieszynie Czeskim": Czeski Cieszyn) and in its place ("w Rawie Ruskiej": Rawa
    Ruska), and one between adjectives agreeing with them ("w Nowym Mieście Lubawskim": Nowe Miasto
    Lubawskie)."""
    keys = _product_keys(_agreeing_choices(span, len(span) - 1))
    for h in range(1, len(span) - 1):  # the noun between adjectives: "w Nowym Mieście Lubawskim"
        if span[h].has_pos("subst") and span[0].has_pos("adj") and span[-1].has_pos("adj"):
            keys += _product_keys(_agreeing_choices(span, h))
    if _noun_first(span):  # "Cieszynie Czeskim": Czeski Cieszyn; "Rawie Ruskiej": Rawa Ruska
        choices = _agreeing_choices(span, 0)
        keys += _product_keys(choices[1:] + choices[:1]) + _product_keys(choices)
    return keys


_AGREED: dict[int, tuple[Gazetteer, dict[tuple[str, ...], tuple]]] = {}


def _agreeing_cities(gaz: Gazetteer, span: list[Token]) -> tuple[tuple[str, tuple[City, ...]], ...]:
    """(key, its cities) of each of _agreeing_keys(span) that names a city, remembered by the span's words:
    pages name the same bodies ("Miejskiego Ośrodka Pomocy Społecznej") again and again."""
    memo = _memo(_AGREED, gaz)
    words = tuple(t.text for t in span)
    found = memo.get(words)
    if found is None:
        found = memo[words] = tuple((k, tuple(c)) for k in _agreeing_keys(span) if (c := gaz.find_cities(k)))
    return found


def _noun_first(span: list[Token]) -> bool:
    """A geographic name followed by its adjectives: "Cieszynie Czeskim"."""
    return (
        len(span) > 1 and span[0].has_mark("nazwa_geograficzna") and all(t.has_pos("adj") for t in span[1:])
    )


def _product_keys(choices: list[list[str]]) -> list[str]:
    return [" ".join(words) for words in itertools.islice(itertools.product(*choices), 64)]


def _agreeing_choices(span: list[Token], h: int) -> list[list[str]]:
    """For each word of the name the forms it may have in the nominative, with the noun at h."""
    nouns = [a for a in span[h].analyses if a.pos == "subst"]
    choices = []
    for k, t in enumerate(span):
        options = [t.text]
        if t.unknown:
            options += [t.text[: len(t.text) - len(e)] + r for e, r in ENDINGS if t.text.endswith(e)]
        elif k == h:
            options += [a.lemma for a in nouns]
            if any(a.number == "pl" for a in nouns):  # a plural name: "w Karlowych Warach" (Karlowe Wary)
                options += _ending_guesses(t.text)
        else:
            options += [
                _caps_like(t.text, form)
                for a in t.analyses
                if a.pos == "adj"
                for n in nouns
                for form in _adjective_forms(a.lemma, n.number, n.gender)
            ]
        choices.append(list(dict.fromkeys(options))[:4])
    return choices


@lru_cache(maxsize=20000)
def _adjective_forms(lemma: str, number: str, gender: str) -> tuple[str, ...]:
    """The nominative forms of an adjective in `number` and one of `gender` ('m3', 'f', 'n' ...)."""
    genders = set(gender.split("."))
    out = []
    for form, tag in _forms(lemma):
        parts = tag.split(":")
        if (
            parts[0] == "adj"
            and number in parts[1].split(".")
            and "nom" in parts[2].split(".")
            and genders & set(parts[3].split("."))
            and parts[-1] == "pos"
        ):
            out.append(form)
    return tuple(out)


def find_places(gaz: Gazetteer, tokens: list[Token]) -> list[PlaceMention]:
    """Countries and cities named in `tokens`, in order; Polish cities are returned too (the caller
    keeps only foreign ones and Kraków as a location). A region stands for its country ("w Bawarii":
    a country mention of DE, quoting "Bawaria"); places in a funding phrase are left out."""
    tokens = _capital_datelines(tokens)
    found = _find_places(gaz, tokens)
    if regions := _region_adjectives(gaz, tokens, found):
        found = sorted(found + regions, key=lambda m: m.start)
    aside = aside_tokens(gaz, tokens)
    out = [m for m in found if m.token_index not in aside or _toured_host(tokens, m)]
    nationalities: list[set[str]] = []  # found once, and only when a mention needs them
    checked = [m for m in (_corroborated(gaz, m, out, tokens, nationalities) for m in out) if m is not None]
    if not nationalities:
        nationalities.append({iso for iso, _ in find_nationalities(gaz, tokens)})
    if any(m.kind == "country" and m.country != "PL" for m in checked) or nationalities[0]:
        found_too = _towns_by_spelling(gaz, tokens, checked, aside, nationalities[0])
        checked = sorted(checked + found_too, key=lambda m: m.start)
    checked = _shared_regions(checked)
    return _cohere(
        [m for k, m in enumerate(checked) if not (k and _beside_a_town(tokens, m, checked[k - 1]))]
    )


def _shared_regions(found: list[PlaceMention]) -> list[PlaceMention]:
    """A region that lies in several countries stands for the one of them the text names otherwise: "w Suczawie
    … rodzinom na Bukowinie" is Romania's Bukovina, not Ukraine's."""
    out = []
    for m in found:
        countries = SHARED_REGIONS.get(key(m.quote), ()) if m.kind == "country" else ()
        named = {x.country for x in found if x is not m}
        if countries and m.country not in named and (other := [c for c in countries if c in named]):
            m = replace(m, country=other[0])
        out.append(m)
    return out


def _capital_datelines(tokens: list[Token]) -> list[Token]:
    """The tokens with a dateline's town in capitals read as a name ("LWÓW, 14 września 2021 r. –", "BIAŁA
    CERKIEW, 3 marca 2022 r. –")."""
    out = None
    for i, t in enumerate(tokens):
        if (t.line_start or i == 0) and t.is_word and t.text.isupper():
            n = 1  # the town's words, up to three: "NOWE MIASTO NAD METUJĄ" has four, it is rare
            while n < 3 and i + n < len(tokens) and tokens[i + n].is_word and tokens[i + n].text.isupper():
                n += 1
            if len(t.text) > 2 and _dateline_at(tokens, i + n - 1, first=i):
                out = out or list(tokens)
                for k in range(i, i + n):
                    out[k] = Token(tokens[k].text.capitalize(), tokens[k].start, tokens[k].end)
                    out[k].line_start = tokens[k].line_start
    return out or tokens


def _beside_a_town(tokens: list[Token], m: PlaceMention, prev: PlaceMention) -> bool:
    """A foreign town that only says where the one before lies: "w Dolinie koło Iwano-Frankiwska"."""
    if m.kind != "city" or prev.kind != "city" or m.country in ("", "PL"):
        return False
    j = m.token_index - 1
    if j >= 1 and tokens[j].text == ".":
        j -= 1  # "k. Lwowa"
    return j >= 1 and tokens[j].lower in NEAR_WORDS and tokens[j - 1].end == prev.end


# the words before a foreign region's adjective: "z obwodu iwanofrankiwskiego", "żupanii istryjskiej"
REGION_HEADS = {"kraj", "obwód", "okręg", "region", "rejon", "prowincja", "land", "żupania", "komitat", "oblast"}  # fmt: skip


def _region_adjectives(gaz: Gazetteer, tokens: list[Token], found: list[PlaceMention]) -> list[PlaceMention]:
    """A foreign region named by its adjective after a region word: its country, not a city."""
    out = []
    covered = {m.token_index for m in found}
    for i in range(1, len(tokens)):
        if tokens[i - 1].lemmas.isdisjoint(REGION_HEADS) or i in covered:
            continue
        t = tokens[i]
        if t.is_word and (iso := region_country(gaz, t)) not in (None, "PL"):
            out.append(PlaceMention("country", iso, None, t.start, t.end, t.text, _prep(tokens, i - 1), i))
    return out


def _towns_by_spelling(
    gaz: Gazetteer,
    tokens: list[Token],
    found: list[PlaceMention],
    aside: frozenset[int],
    nationalities: set[str],
) -> list[PlaceMention]:
    """Foreign towns the lookups above missed, in a country the text names: a capitalised name in a place's
    position with a word the dictionary does not know, spelt the Polish way ("w Starej Lubowli na
    Słowacji": Stará Ľubovňa), or, after a place noun, a village the gazetteer lacks, by its name as
    written ("z miejscowości Elspeet w Holandii", "z gminy Egmating w Bawarii")."""
    named = {m.country for m in found if m.kind == "country" and m.country != "PL"}
    named |= nationalities
    covered = {k for m in found for k in range(m.token_index, _past(tokens, m))}
    out = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if (
            i in covered
            or i in aside
            or not (t.is_word and t.is_upper_initial)
            or t.text.isupper()
            or _body_head(tokens, i)
            or t.lower in FOREIGN_PLACE_NOUNS  # "z Mesta Bratislava": the town is the next word
        ):
            i += 1
            continue
        after_noun = after_place_noun(tokens, i) and not tokens[i - 1].lemmas & REGION_NOUNS
        prep = _prep(tokens, i)
        j = i + 1
        while (
            j < len(tokens)
            and j - i < 3
            and j not in covered
            and tokens[j].is_word
            and tokens[j].is_upper_initial
            and _joined(tokens[j - 1], tokens[j])
        ):
            j += 1
        span = tokens[i:j]
        if not (after_noun or prep in FROM | IN | TO) or not any(x.unknown for x in span):
            i = j
            continue
        if _particle_name_after(tokens, j):
            i = j + 2  # the first words of a longer name: "z Leger des Heils" is a body, no village Lemiers
            continue
        countries = _country_after(gaz, tokens, j) or named
        written = " ".join(x.text for x in span)
        guesses = [written, *_nominative_guesses(span)]
        city = town_by_spelling(gaz, guesses, countries) if len(countries) <= 3 else None
        if (
            city is None
            and after_noun
            and len(countries) == 1
            and all(x.unknown and x.lower not in BODY_WORDS for x in span)
        ):
            city = City(None, written, next(iter(countries)), None, None, 0, None)  # named as it is written
        if city is not None:
            m = PlaceMention("city", city.country, city, t.start, span[-1].end, written, prep, i, (city,))
            out.append(m)
        i = j
    return out


# the words that make a foreign name a body's, not a village's: "The City of Edinburgh Council"
BODY_WORDS = {"council", "kommune", "kommun", "gemeinde", "gmina", "municipality", "office", "authority"}


def _nominative_guesses(span: list[Token]) -> list[str]:
    """The forms a name may have in the nominative, word by word: an unknown word's Polish ending undone, an
    adjective in each gender ("Starej Lubowli": Stara Lubowla)."""
    choices = []
    for t in span:
        options = [t.text]
        if t.unknown:
            options += _ending_guesses(t.text)
        else:
            options += [
                _caps_like(t.text, form)
                for a in t.analyses
                if a.pos == "adj"
                for gender in ("f", "m3", "n")
                for form in _adjective_forms(a.lemma, "sg", gender)
            ]
            options += [_caps_like(t.text, a.lemma) for a in t.analyses if a.pos == "subst"]
        choices.append(list(dict.fromkeys(options))[:8])
    return _product_keys(choices)


def _past(tokens: list[Token], m: PlaceMention) -> int:
    """The index of the first token after the mention."""
    k = m.token_index
    while k < len(tokens) and tokens[k].start < m.end:
        k += 1
    return k


def _country_after(gaz: Gazetteer, tokens: list[Token], j: int) -> set[str]:
    """The country named right after a town: "Elspeet w Holandii", "Egmating w Bawarii", "X na Słowacji"."""
    if j + 1 < len(tokens) and tokens[j].lower in ("w", "we", "na", "in"):
        found = _country_at(gaz, tokens, j + 1) or _region_at(gaz, tokens, j + 1)
        if found:
            return {found[0]}
    return set()


def _find_places(gaz: Gazetteer, tokens: list[Token]) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if (
            not (t.is_word and t.is_upper_initial)
            or _is_month_abbreviation(tokens, i)
            or _after_county_word(tokens, i)
        ):
            i += 1
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        several = nxt is not None and _joined(t, nxt) and (nxt.is_upper_initial or nxt.text in CONNECTORS)
        local = _polish_locality(gaz, tokens, i) if several else None
        if local is None and "-" in t.text and t.is_word:
            local = _hyphenated_town(gaz, t)
        if local is not None:
            town, n = local
            out.append(
                PlaceMention(
                    "city",
                    "PL",
                    town,
                    t.start,
                    tokens[i + n - 1].end,
                    town.name,
                    _prep(tokens, i),
                    i,
                    (town,),
                )
            )
            i += n
            continue
        polish = _polish_place(gaz, tokens, i, out)
        if polish:
            out.append(
                PlaceMention("country", "PL", None, t.start, tokens[i + polish - 1].end, t.text, "", i)
            )
            i += polish
            continue
        country = _country_at(gaz, tokens, i)
        if country and _city_rather_than_country(gaz, tokens, i, country):
            country = None
        country = (*country, "") if country else _region_at(gaz, tokens, i)
        if not country and (iso := _bracketed_code(gaz, tokens, i)):
            out.append(PlaceMention("country", iso, None, t.start, t.end, t.text, "", i))
            i += 1  # "Tartu (EE)", "Turku (FI)": a town's country by its code
            continue
        if t.text.isupper() and len(t.text) > 1 and not country:
            i += 1  # an acronym is a place only when it is a country's ("USA", "RPA")
            continue
        if not country and (_function_word(tokens, i) or _street_at(tokens, i) or _body_head(tokens, i)):
            i += 1  # "Jak podkreślali …" is no Jacmel; "ul. Smoleńsk" is a street in the home's city
            continue
        if country:
            iso, n, name = country
            end = tokens[i + n - 1].end
            out.append(PlaceMention("country", iso, None, t.start, end, name, _prep(tokens, i), i))
            i += n
            continue
        found = small_town = None
        abroad: tuple[City, ...] = ()
        for n in (4, 3, 2, 1):
            if i + n > len(tokens):
                continue
            span = tokens[i : i + n]
            if n > 1 and not (span[-1].is_upper_initial and span[-1].is_word):
                continue
            if n > 1 and not all(s.is_upper_initial or s.text in CONNECTORS for s in span):
                continue
            if n > 1 and not all(_joined(p, s) for p, s in zip(span, span[1:], strict=False)):
                continue
            may_begin = n > 1 and _may_begin_city(gaz, span)
            if n > 1 and not may_begin and len(span[0].text) >= 3:
                # no city's name of n words begins so (the readings below cost much more); a short first
                # word ("St. Pölten") is keyed with the next one's letters, so it is read all the same
                continue
            if n == 1 and not (
                _single_ok(tokens, i, listed=_in_list(tokens, i, out) or _list_of_towns_ahead(gaz, tokens, i))
                or (_prep(tokens, i) and any(key(x) in gaz.registered for x in t.lemmas))
                or _town_labels_line(gaz, tokens, i)
            ):
                continue
            if n == 1 and (polish := _polish_town(gaz, t)) and not _foreign_adjective_before(gaz, tokens, i):
                found = (polish, 1, polish[0].name)  # "w Tarnowie" is Tarnów, not (Veliko) Tarnowo
                abroad = _abroad_as_written(gaz, t)
                break
            named = _first_named(gaz, tokens, i, n)
            if named is not None:
                found = (list(named[0]), n, named[1])
            # a name of several words put in the nominative names a large city, or a town where the text
            # says it is one: "w Starym Mieście" is Kraków's Old Town, not Staré Mesto; "w mieście Spiska
            # Nowa Wieś", "ze Spiskiej Nowej Wsi na Słowacji", "w Cieszynie Czeskim" are towns
            maybe = may_begin and not found
            for k, named in _agreeing_cities(gaz, span) if maybe else ():
                cities = [
                    c
                    for c in named
                    if c.population >= COMMON_WORD_CITY_POPULATION or _said_to_be_a_town(gaz, tokens, i, n, c)
                ]
                if cities:
                    found = (cities, n, k)
                    break
                abroad = [c for c in named if c.country != "PL"]
                if abroad and not small_town:
                    small_town = (abroad, n, k)  # "w Rawie Ruskiej", its country named (_corroborated)
            if found:
                break
        common_word = found is None and small_town is not None
        found = found or small_town
        if found is None and _prep(tokens, i) in FROM | IN | TO:
            found = _common_word_city(gaz, tokens, i)
            common_word = found is not None
        if (
            found is None
            and _prep(tokens, i) in ("w", "we", "do")
            and not _geographic_out_of_case(t, _prep(tokens, i))
        ):
            found = _home_country_town(tokens, i)
        if found and key(found[2]) in KRAKOW_DISTRICTS:
            found = None
        if found:
            cities, n, matched = found
            if qualified := _qualified_readings(tokens, i + n, cities):
                cities, n = qualified, n + 3  # "Frankfurt (Oder)": the town its bracket names
            end = tokens[i + n - 1].end
            out.append(PlaceMention("city", "", None, t.start, end, "", _prep(tokens, i), i))
            out[-1] = _with_cities(out[-1], cities, matched, gaz)
            if common_word:
                out[-1] = replace(out[-1], common_word=True)
            if n == 1 and out[-1].country != "PL" and (namesakes := _polish_namesakes(gaz, t)):
                out[-1] = replace(out[-1], namesakes=namesakes)
            if abroad:
                out[-1] = replace(out[-1], abroad=abroad)
            i += n
            continue
        i += 1
    return out


def _qualified_readings(tokens: list[Token], j: int, cities) -> list[City]:
    """The readings of a town whose name a word in brackets after it completes ("Frankfurt (Oder)", "Halle
    (Saale)": a river or region that tells namesakes apart), where the bracket closes at j + 2."""
    if not (
        j + 2 < len(tokens)
        and tokens[j].text == "("
        and tokens[j + 2].text == ")"
        and tokens[j + 1].is_upper_initial
        and tokens[j + 1].is_word
    ):
        return []
    qualifier = f"({key(tokens[j + 1].text)})"
    return [c for c in cities if key(c.name).endswith(qualifier)]


def _city_rather_than_country(gaz: Gazetteer, tokens: list[Token], i: int, country: tuple[str, int]) -> bool:
    """A far-away state whose Polish name is a large European city's too, named with a town's preposition:
    "do Grenady", "w Grenadzie" are Granada in Spain (the island state takes "na": "na Grenadzie")."""
    iso, n = country
    if n != 1 or iso in gaz.europe or _prep(tokens, i) not in FROM | IN - {"na"} | {"do"}:
        return False
    names = tokens[i].lemmas_with("nazwa_geograficzna") or [tokens[i].text]
    return any(
        c.country in gaz.europe and c.population >= EUROPEAN_NAMESAKE
        for g in names
        for c in gaz.find_cities(g)
    )


EUROPEAN_NAMESAKE = 100_000


# a foreign county or district named like its seat town is not the town: "Landkreis Görlitz", "okres Kežmarok"
COUNTY_WORDS = {
    "landkreis",
    "landkreises",
    "kreis",
    "bezirk",
    "okres",
    "county",
    "district",
    "rajon",
    "bundesland",
}
# and a state named like its capital: "kraju związkowego Salzburg", "landu Salzburg"
COUNTY_LEMMAS = {"powiat", "rejon", "obwód", "związkowy", "land"}


def _after_county_word(tokens: list[Token], i: int) -> bool:
    prv = tokens[i - 1] if i >= 1 else None
    return (
        prv is not None
        and (prv.lower in COUNTY_WORDS or bool(prv.lemmas & COUNTY_LEMMAS))
        and _joined(prv, tokens[i])
    )


def _home_country_town(tokens: list[Token], i: int) -> tuple[list[City], int, str] | None:
    """A small Polish town or village the gazetteer leaves out, by the dictionary's geographic name ("w
    Krzanowicach", "do Supraśla"): where an event in the home's country took place."""
    t = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and nxt.is_word and nxt.is_upper_initial and _joined(t, nxt):
        return None  # a longer name
    names = [a.lemma for a in t.analyses if a.pos == "subst" and "nazwa_geograficzna" in a.marks]
    if not names or not names[0][:1].isupper():
        return None
    return [City(None, names[0], "PL", None, None, 0, names[0])], 1, names[0]


# parts of speech of words that are never a town, capitalised at a sentence's start or not
FUNCTION_POS = {"conj", "comp", "prep", "qub", "adv", "ppron12", "ppron3", "interj"}


def _function_word(tokens: list[Token], i: int) -> bool:
    """A word alone (not the first of a name: "La Rochelle", "Den Haag") that grammar words read."""
    t, nxt = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and nxt.is_upper_initial and nxt.is_word and _joined(t, nxt):
        return False
    return not t.has_mark("nazwa_geograficzna") and any(a.pos in FUNCTION_POS for a in t.analyses)


# the head word of a foreign body's own name, before its particle and seat: "Universidad de Granada" (also a
# town in Spain), "Universidade do Porto"
FOREIGN_BODY_HEADS = {
    "universidad", "universidade", "universitat", "université", "università", "instituto", "institut",
    "hospital", "fundación", "fundação", "fondazione", "fondation", "colegio", "escuela", "ayuntamiento",
}  # fmt: skip


def _body_head(tokens: list[Token], i: int) -> bool:
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        tokens[i].lower in FOREIGN_BODY_HEADS
        and nxt is not None
        and nxt.lower in NAME_PARTICLES | {"do", "des"}
    )


def _street_at(tokens: list[Token], i: int) -> bool:
    """A street or square's name: "ul. Smoleńsk", "al. Pokoju", "pl. Wolnica"."""
    k = i - 1 if i >= 1 and tokens[i - 1].text == "." else i
    return k >= 1 and tokens[k - 1].lower in STREET_WORDS


def _foreign_adjective_before(gaz: Gazetteer, tokens: list[Token], i: int) -> bool:
    """A country's adjective before the town or its place noun: "z fińskiego miasta Turku" is Turku, not the
    Polish town of Turek."""
    j = i - 2 if after_place_noun(tokens, i) else i - 1
    return j >= 0 and _nationality(gaz, tokens[j]) not in (None, "PL")


_POLISH: dict[int, tuple[Gazetteer, dict[str, list[City]]]] = {}


def _polish_town(gaz: Gazetteer, t: Token) -> list[City]:
    """The Polish towns a word's geographic base forms name exactly: a Polish town is meant before a town
    abroad whose other (Polish) name the word shares ("Tarnowie": Tarnów, not Tarnowo in Bulgaria)."""
    memo = _memo(_POLISH, gaz)
    if t.text not in memo:
        names = t.lemmas_with("nazwa_geograficzna")
        towns = [c for g in names for c in gaz.find_cities(g) if c.country == "PL" and key(c.name) == key(g)]
        if not towns:
            towns = _polish_village(gaz, names, (t.text,))
        memo[t.text] = towns
    return list(memo[t.text])


def _polish_village(gaz: Gazetteer, names, spellings) -> list[City]:
    """Poland's smaller town or village of one of `names` (the most populous first: "Chojnowie" is Chojnów,
    not the village Chojnowo), unless a town in Europe (or a metropolis) by that town's name or one of the
    `spellings` is as large and of some size ("w Górze" is Góra, not Bergen auf Rügen; "w Dukli" no Dukli in
    India; "w Brodach" is Brody in Ukraine; "do Barcina" is Barcin, though a village Barcino shares a name of
    Barcelona's)."""
    towns = sorted(
        (City(*gaz.polish[k]) for g in names if (k := key(g)) in gaz.polish), key=lambda c: -c.population
    )
    if not towns:
        return []
    most = towns[0].population
    abroad = (
        c
        for x in {towns[0].name, *spellings}
        for c in gaz.find_cities(x)
        if c.country != "PL" and (c.country in gaz.europe or c.population >= METROPOLIS)
    )
    return [] if any(c.population >= max(most, TINY_TOWN) for c in abroad) else towns


_ABROAD: dict[int, tuple[Gazetteer, dict[str, tuple]]] = {}


def _abroad_as_written(gaz: Gazetteer, t: Token) -> tuple[City, ...]:
    """Towns in Europe outside Poland, of some size, whose name is the word as written ("Turku")."""
    memo = _memo(_ABROAD, gaz)
    if t.text not in memo:
        memo[t.text] = tuple(
            c
            for c in gaz.find_cities(t.text)
            if c.country != "PL" and c.country in gaz.europe and c.population >= SMALL_TOWN
        )
    return memo[t.text]


def _polish_namesakes(gaz: Gazetteer, t: Token) -> tuple[City, ...]:
    """The Polish towns and villages a word's geographic base forms name ("Pilźnie": Pilzno)."""
    return tuple(
        City(*gaz.polish[k]) for g in t.lemmas_with("nazwa_geograficzna") if (k := key(g)) in gaz.polish
    )


_LOCALITIES: dict[int, tuple[Gazetteer, dict[tuple, tuple | None]]] = {}


def _polish_locality(gaz: Gazetteer, tokens: list[Token], i: int) -> tuple[City, int] | None:
    """(town, number of tokens) of a Polish town or village of two or three words at i: "w Rudzie Śląskiej",
    "w Starym Sączu", "w Rudniku nad Sanem" (not after a unit's noun: "powiat", "gmina")."""
    if i >= 1 and tokens[i - 1].lemmas & (POLISH_UNITS | MUNICIPALITY):
        return None
    starts = _name_starts(gaz, "polish")
    first = _fold3(tokens[i].text)
    for n in (4, 3, 2):
        span = tokens[i : i + n]
        if len(span) < n or (first, _words(span)) not in starts:
            continue
        after = tokens[i + n : i + n + 2]
        if len(after) == 2 and after[0].is_word and after[0].text in CONNECTORS and after[1].is_upper_initial:
            continue  # a longer name: "z Nowego Miasta nad Metują"
        if not (span[-1].is_word and span[-1].is_upper_initial) or any(
            not (s.is_word and (s.is_upper_initial or s.text in CONNECTORS)) or not _joined(p, s)
            for p, s in zip(span, span[1:], strict=False)
        ):
            continue
        memo = _memo(_LOCALITIES, gaz)
        asked = tuple(x.text for x in span)
        if asked not in memo:
            keys = _city_keys(tokens, i, n) + _agreeing_keys(span)
            if n == 4 and span[2].text in CONNECTORS:  # "w Nowym Mieście nad Pilicą": the river as written
                keys += [f"{k} {span[2].text} {span[3].text}" for k in _agreeing_keys(span[:2])]
            memo[asked] = next((gaz.polish[k] for x in keys if (k := key(x)) in gaz.polish), None)
        if memo[asked] is not None and key(memo[asked][1]) not in KRAKOW_DISTRICTS:
            return City(*memo[asked]), n
    return None


_HYPHENATED: dict[int, tuple[Gazetteer, dict[str, tuple | None]]] = {}


def _hyphenated_town(gaz: Gazetteer, t: Token) -> tuple[City, int] | None:
    """(town, 1) of a Polish town whose hyphenated name is declined in every part: "w Bielsku-Białej",
    "w Kędzierzynie-Koźlu", "w Rabce-Zdroju" (the dictionary reads only the last part of such a word)."""
    memo = _memo(_HYPHENATED, gaz)
    if t.text not in memo:
        parts = [{p, *(a.lemma for a in analyse(p) if a.lemma[:1].isupper())} for p in t.text.split("-")]
        found = None
        if 1 < len(parts) <= 3 and all(p for p in parts):
            for k in map(key, _product_keys([sorted(p) for p in parts])):
                found = City(*gaz.polish[k]) if k in gaz.polish else None
                found = found or next((c for c in gaz.find_cities(k) if c.country == "PL"), None)
                if found:
                    break
        memo[t.text] = found
    return None if memo[t.text] is None else (memo[t.text], 1)


@lru_cache(maxsize=50_000)
def _fold3(word: str) -> str:
    return fold3(word)


def _name_starts(gaz: Gazetteer, index: str) -> frozenset:
    """(first three letters of the first word, number of words) of every name of the gazetteer's `index`
    ("cities" or "regions"), as the index was built with them (or, for an index built by hand, now)."""
    starts = gaz.starts.get(index)
    if starts is None:
        starts = gaz.starts[index] = name_starts(getattr(gaz, index))
    return starts


def _may_begin_city(gaz: Gazetteer, span: list[Token]) -> bool:
    """Whether a city of len(span) words may begin with the span's first word (or, written after its
    adjectives, its second: "Cieszynie Czeskim" is Czeski Cieszyn)."""
    starts = _name_starts(gaz, "cities")
    return any((_fold3(t.text), _words(span)) in starts for t in span[:2])


def _words(span: list[Token]) -> int:
    """The number of words of a span's name as the gazetteer keys it ("Iwano-Frankiwsk": two)."""
    return sum(_word_count(t.text) for t in span)


@lru_cache(maxsize=50_000)
def _word_count(text: str) -> int:
    return len(key(text).split())


# month abbreviations of dates ("12 Paź 2016", "3 Mar 2019"): never towns (Lis is no Lisbon)
MONTH_ABBREVIATIONS = {
    "sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "paz", "lis", "gru",
    "jan", "feb", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
}  # fmt: skip


def _is_month_abbreviation(tokens: list[Token], i: int) -> bool:
    if tokens[i].lower not in MONTH_ABBREVIATIONS:
        return False
    prv = tokens[i - 1] if i else None
    nxt = tokens[i + 2] if i + 2 < len(tokens) and tokens[i + 1].text == "." else None
    nxt = nxt or (tokens[i + 1] if i + 1 < len(tokens) else None)
    return any(x is not None and x.text.isdigit() for x in (prv, nxt))


# Polish administrative units whose names many towns abroad share ("Dzielnica Praga-Południe", "powiat
# Mońki", "osiedle Azory"): a name after them is a Polish place
POLISH_UNITS = {"dzielnica", "osiedle", "sołectwo", "powiat", "województwo", "parafia"}
# a municipality is Polish unless the text names the country of a town abroad of that name ("gmina
# Janów"; "niemiecka gmina Kaarst")
MUNICIPALITY = {"gmina"}
# adjectives of Polish regions written after a town's name: "Janów Lubelski", "Mińsk Mazowiecki"
POLISH_REGION_ADJECTIVES = {
    "mazowiecki", "lubelski", "podlaski", "śląski", "wielkopolski", "małopolski", "pomorski", "kujawski",
    "podkarpacki", "świętokrzyski", "lubuski", "warmiński", "mazurski", "opolski", "dolnośląski",
    "beskidzki", "tatrzański", "krajeński", "kaszubski", "odrzański", "zdrój", "wielki", "kościelny",
    "gdański", "kielecki", "radomski", "tarnowski", "krakowski", "wrocławski", "poznański", "łódzki",
    "sandomierski", "zebrzydowski", "podhalański", "rawski", "kamieński", "trybunalski",
}  # fmt: skip
DASHES = {"-", "–", "—"}


def _polish_place(gaz: Gazetteer, tokens: list[Token], i: int, found: list[PlaceMention]) -> int:
    """The number of tokens (0: none) of a Polish place at i that shares its name with a town abroad: a
    district after a Polish city and a dash ("Warszawa – Praga"), a name after a Polish unit, a town with
    its region's adjective ("Janów Lubelski")."""
    t = tokens[i]
    if i >= 1 and tokens[i - 1].lemmas & POLISH_UNITS and _joined(tokens[i - 1], t):
        return 1
    if (
        i >= 2
        and tokens[i - 1].text in DASHES
        and found
        and found[-1].country == "PL"
        and found[-1].end == tokens[i - 2].end
    ):
        return 1
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if (
        nxt is not None
        and nxt.is_upper_initial
        and _joined(t, nxt)
        and any(
            a.lemma.lower() in POLISH_REGION_ADJECTIVES for a in nxt.analyses if a.pos in ("adj", "subst")
        )
        and not gaz.find_cities(f"{t.text} {nxt.text}")
    ):
        return 2
    return 0


_REGIONS: dict[int, tuple[Gazetteer, dict[tuple, tuple | None]]] = {}


def _region_at(gaz: Gazetteer, tokens: list[Token], i: int) -> tuple[str, int, str] | None:
    """(iso2, number of tokens, name) of a region named at token i: "w Brandenburgii", "z Dolnej
    Saksonii", "w Tyrolu"; one word only where the dictionary knows it as a geographic name or not at all.
    Remembered by the words asked, the gaps between them and whether a place noun comes before."""
    span = tokens[i : i + 3]
    asked = (
        *(t.text for t in span),
        *(not _joined(a, b) for a, b in zip(span, span[1:], strict=False)),
        after_place_noun(tokens, i),
    )
    memo = _memo(_REGIONS, gaz)
    if asked not in memo:
        memo[asked] = _read_region_at(gaz, tokens, i)
    return memo[asked]


def _read_region_at(gaz: Gazetteer, tokens: list[Token], i: int) -> tuple[str, int, str] | None:
    starts = _name_starts(gaz, "regions")
    first = _fold3(tokens[i].text)
    words = list(itertools.accumulate(_word_count(t.text) for t in tokens[i : i + 3]))
    for n in (3, 2, 1):
        if n > len(words) or (first, words[n - 1]) not in starts:
            continue  # no region's name of n words begins so (the readings below cost much more)
        span = tokens[i : i + n]
        if not all(s.is_word and (s.is_upper_initial or s.text in CONNECTORS) for s in span):
            continue
        if n > 1 and not all(_joined(p, s) for p, s in zip(span, span[1:], strict=False)):
            continue
        t = span[0]
        if n == 1 and not (t.has_mark("nazwa_geograficzna") or t.unknown):
            continue
        keys = _city_keys(tokens, i, n) + (_agreeing_keys(span) if n > 1 else [])
        if n == 1 and t.unknown:
            keys += [t.text[: len(t.text) - len(e)] + r for e, r in ENDINGS if t.text.endswith(e)]
        for k in keys:
            iso = gaz.regions.get(key(k))
            if iso:
                return iso, n, k
    return None


def _corroborated(
    gaz: Gazetteer, m: PlaceMention, found: list[PlaceMention], tokens: list[Token], nationalities: list
) -> PlaceMention | None:
    """A town after "gmina" is abroad only when its country is named too, else it is Polish; a small town,
    or one outside Europe, named by another name than its own ("Unia" is Ünye's, "Zwoleń" Zvolen's and a
    Polish town's) only when its country is named (or, outside Europe, it is large)."""
    if m.kind != "city" or m.city is None:
        return m
    if m.common_word and " " in m.quote:  # a smaller town of several words: its country named
        named = _named_countries(gaz, found, m, tokens, nationalities)
        readings = tuple(c for c in m.readings if c.country in named)
        return (
            replace(m, country=readings[0].country, city=readings[0], readings=readings) if readings else None
        )
    if m.common_word:
        named = _named_countries(gaz, found, m, tokens, nationalities)
        if m.prep == "na" and not any(c.country in named for c in m.readings):
            return None  # "na Moście" is on a bridge; a town abroad takes "w" ("w Moście")
        m = _common_word_readings(m, named)
        if m is None:
            return None
    i = m.token_index
    after_gmina = i >= 1 and bool(tokens[i - 1].lemmas & MUNICIPALITY)
    k = key(m.quote)
    foreign_name = all(k not in (key(c.name), key(c.name_pl or "")) for c in m.readings)
    if foreign_name and len(k) < 4:
        return None  # "Hel" is a town on the Polish coast, not Helsinki
    far = all(c.country not in gaz.europe and c.population < LARGE_CITY for c in m.readings)
    one_word = " " not in m.quote.strip() and "-" not in m.quote  # longer names are specific enough
    small = one_word and all(c.population < SMALL_TOWN for c in m.readings)
    # a town smaller than the index's cities outside Europe ("Odry" is also the Oder's genitive)
    tiny = all(
        c.population < TINY_TOWN and c.name_pl is None for c in m.readings
    )  # registered ones are known
    # a small town far away, or a town by another name than its own that is also a common noun, named with no
    # preposition, is the common word ("Brak komentarzy"; "Klub Seniora „Pod Lipami”" is no Česká Lípa)
    bare = (
        not m.prep
        and one_word
        and _common_noun(tokens[i])
        and not _after_date_and_dash(tokens, i)
        and not _dateline_at(tokens, i)
    )
    if small and m.prep and not (after_gmina or tiny or far) and _only_a_foreign_town(gaz, tokens[i]):
        return m  # "w Bardejowie": a word the dictionary does not know and no Polish place's name
    if (
        not m.prep
        and one_word
        and _opens_sentence(tokens, i)
        and _common_reading(tokens[i])
        and not _dateline_at(tokens, i)
    ):
        # a common word capitalised only as its sentence's first ("Troje pracowników …": the numeral, not Troja
        # in Czechia; "Sucha trawa": no Suceava): a large town in Europe by its own name, or by another where
        # its country is named
        named = _named_countries(gaz, found, m, tokens, nationalities)
        readings = tuple(
            c
            for c in m.readings
            if c.population >= SMALL_TOWN
            and c.country in gaz.europe
            and (_own_name((c,), key(m.quote)) or c.country in named)
        )
        if not readings:
            return None
        m = replace(m, country=readings[0].country, city=readings[0], readings=readings)
    if not (after_gmina or tiny or (foreign_name and (far or small or bare)) or (far and not m.prep)):
        return m
    named = _named_countries(gaz, found, m, tokens, nationalities)
    readings = [c for c in m.readings if c.country in named]
    if readings:
        return replace(m, country=readings[0].country, city=readings[0], readings=tuple(readings))
    return replace(m, kind="country", country="PL", city=None, readings=()) if after_gmina else None


def _only_a_foreign_town(gaz: Gazetteer, t: Token) -> bool:
    """A town's name in Polish spelling that can be nothing else: unknown to the dictionary, or known only
    as a geographic name that no Polish place bears ("Kieżmark"; not "Zwoleń", a Polish town and Zvolen)."""
    return (
        all(
            a.pos == "ign" or ("nazwa_geograficzna" in a.marks and key(a.lemma) not in gaz.polish)
            for a in t.analyses
        )
        and key(t.text) not in gaz.polish
    )


def _town_labels_line(gaz: Gazetteer, tokens: list[Token], i: int) -> bool:
    """A European town's own name opening a line before a dash or a colon, as a heading or an item names its
    place: "Graz – wizyta studyjna", "Wilno: konferencja"."""
    t = tokens[i]
    return (
        (i == 0 or t.line_start)
        and i + 1 < len(tokens)
        and tokens[i + 1].text in DASHES | {":"}
        and any(
            c.country in gaz.europe and c.population >= SMALL_TOWN and key(c.name) == key(t.text)
            for c in gaz.find_cities(t.text)
        )
    )


def _after_date_and_dash(tokens: list[Token], i: int) -> bool:
    """A word after a day and a dash, as a timeline names an item's town: "12 V 2016 – Ryga"."""
    if i < 2 or tokens[i - 1].text not in DASHES:
        return False
    before = tokens[i - 2].text
    return (
        before.isdigit() or before in ROMAN_MONTHS or before == "." and i >= 3 and tokens[i - 3].lower == "r"
    )


ROMAN_MONTHS = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}


def _named_countries(
    gaz: Gazetteer, found: list[PlaceMention], m: PlaceMention, tokens: list[Token], nationalities: list
) -> set:
    """The countries the text names (by name, by a town, by a nationality) besides mention m."""
    named = {x.country for x in found if x.kind == "country" or (x.city is not None and x is not m)}
    if not nationalities:
        nationalities.append({iso for iso, _ in find_nationalities(gaz, tokens)})
    return named | nationalities[0]


def _common_word_readings(m: PlaceMention, named: set[str]) -> PlaceMention | None:
    """A word the dictionary reads otherwise names a large city, a town by another name than its own, or a
    smaller town by its own name in a country the text names ("Hilfswerk z Baden" under "Goście z Austrii"
    is Baden in Austria, not Baden-Baden); the named country's readings first."""
    k = key(m.quote)
    readings = [
        c
        for c in m.readings
        if c.population >= COMMON_WORD_CITY_POPULATION or key(c.name) != k or c.country in named
    ]
    if not readings:
        return None
    readings.sort(key=lambda c: c.country not in named)  # stable: the ranking within each part stays
    return replace(m, country=readings[0].country, city=readings[0], readings=tuple(readings))


def _dateline_at(tokens: list[Token], i: int, first: int | None = None) -> bool:
    """A word opening a line (or the last of a name from `first` that does) before a comma and a day, as a
    press release's dateline names its town: "Ryga, 12 maja 2016 r. – …", "Stara Lubowla (Słowacja), 3 …"."""
    first = i if first is None else first
    j = i + 1
    if j < len(tokens) and tokens[j].text == "(":  # the country in brackets between
        j = next((k + 1 for k in range(j + 1, min(j + 5, len(tokens))) if tokens[k].text == ")"), j)
    return (
        (first == 0 or tokens[first].line_start)
        and j + 1 < len(tokens)
        and tokens[j].text == ","
        and tokens[j + 1].text.isdigit()
    )


def _common_noun(t: Token) -> bool:
    return any(a.pos == "subst" and a.lemma[:1].islower() for a in t.analyses)


def _common_reading(t: Token) -> bool:
    """The dictionary reads the word also as a common word of any part of speech: "Troje" (a numeral),
    "Sala" (a noun)."""
    return any(a.lemma[:1].islower() and a.pos != "ign" for a in t.analyses)


# a list's bullet before its item's first word: "• Troje pracowników …"
BULLETS = {"•", "▪", "·", "*", "-", "–", "—", "◦", "►"}


def _opens_sentence(tokens: list[Token], i: int) -> bool:
    prv = tokens[i - 1] if i else None
    return (
        prv is None
        or tokens[i].line_start
        or prv.text in SENTENCE_END
        or (prv.text in BULLETS and (i == 1 or prv.line_start))
    )


LARGE_CITY = 300_000
# a town smaller than this named by another name than its own (a Polish town's name too, often: Zwoleń,
# Janów) is abroad when its country is named in the text
SMALL_TOWN = 50_000
TINY_TOWN = 15_000  # Europe's towns below this are in the index only to be found where their country is named


# a reading this much nearer to the other places named with it is meant ("Frankfurt" beside Słubice
# and Cottbus is Frankfurt (Oder)); km
NEAR_KM = 150


def _cohere(found: list[PlaceMention]) -> list[PlaceMention]:
    """Of a name's readings, the town the text names unambiguously elsewhere ("we Frankfurcie" after "we
    Frankfurcie nad Odrą"; "w Rabce" beside "w Rabce-Zdroju"); else, in one country, the one near the other
    places the text names, where the first is not (between countries, the countries named decide: resolve())."""
    out = []
    sure = {m.city for m in found if m.kind == "city" and m.city is not None and len(m.readings) <= 1}
    # a Polish town's hyphenated name beside its first part alone: "w Rabce" is the "Rabka-Zdrój" named too
    whole = {
        key(m.city.name).split()[0]: m.city
        for m in found
        if m.country == "PL" and m.city is not None and "-" in m.city.name
    }
    for m in found:
        if m.country == "PL" and m.city is not None and (town := whole.get(key(m.city.name))) is not None:
            m = replace(m, city=town, readings=(town,))
        named = [c for c in m.readings if c in sure] if m.kind == "city" and m.city not in sure else []
        if named:
            m = replace(m, country=named[0].country, city=named[0], readings=(named[0],))
        elif m.kind == "city" and len(m.readings) > 1:
            others = [x.city for x in found if x is not m and x.city is not None and x.city.lat is not None]
            first = m.readings[0]
            near = [c for c in m.readings if c.country == first.country and _nearest_km(c, others) <= NEAR_KM]
            if near and _nearest_km(first, others) > 2 * NEAR_KM:
                m = replace(
                    m,
                    country=near[0].country,
                    city=near[0],
                    readings=(near[0], *[c for c in m.readings if c != near[0]]),
                )
        out.append(m)
    return out


def _nearest_km(c: City, others: list[City]) -> float:
    if c.lat is None or c.lon is None:
        return float("inf")
    return min(
        (_km(c, o) for o in others if o.name != c.name or o.country != c.country), default=float("inf")
    )


def _km(a: City, b: City) -> float:
    from math import asin, cos, radians, sin, sqrt

    la1, lo1, la2, lo2 = map(radians, (a.lat, a.lon, b.lat, b.lon))
    h = sin((la2 - la1) / 2) ** 2 + cos(la1) * cos(la2) * sin((lo2 - lo1) / 2) ** 2
    return 12742 * asin(sqrt(h))


# words that open a funding phrase: the places and nationalities in it are the funder's, not the event's
# ("sfinansowana ze środków Ambasady Stanów Zjednoczonych", "dofinansowano z funduszy norweskich")
FUNDING_STEMS = ("finansow", "dofinansow", "współfinansow", "sfinansow", "sponsor", "ufundow")
FUNDING_WORDS = {"środek", "fundusz", "grant", "dotacja", "subwencja", "mechanizm"}
# sightseeing and the way there: places named in passing ("w drodze powrotnej zwiedzili Bratysławę")
SIGHTSEEING = {"zwiedzić", "zwiedzać", "zwiedzanie"}
# the way home, to the end of its sentence: "Goście wrócili do domu przez Niemcy, gdzie odwiedzili znajomych
# w Dreźnie", "Powrót przez Wilno"
WAY_HOME = {"wrócić", "wracać", "powrót"}
CLAUSE_END = {",", ";", ".", ":", "(", ")"}
# cities named as models, not as places of the event: "chcą go wprowadzić, wzorem Wiednia i Pragi", "na wzór
# Helsinek", "za przykładem Lyonu"
MODEL_WORDS = {"wzorem", "śladem"}
# Poland's own missions abroad: "dzięki zaproszeniu Ambasady RP w Zagrzebiu" names no foreign side's town
MISSIONS = {"ambasada", "konsulat"}
POLAND_WORDS = {"rp", "rzeczypospolitej", "polski", "polskiej"}
# a similar service elsewhere, to the end of its sentence: "Podobny projekt działa we Frankfurcie nad Menem",
# "o podobnym programie, który działa w Kownie" (not "chcemy otworzyć podobne świetlice we Lwowie")
LIKE_LEMMAS = {"podobny", "analogiczny"}
EXIST_LEMMAS = {"działać", "funkcjonować", "istnieć"}
# the next gathering, to come: "Następne forum – za rok w Turku", "Kolejne spotkanie odbędzie się w Wilnie",
# "Next meeting: Thessaloniki" (not "Kolejne spotkanie odbyło się w Wilnie": a past one, maybe this one)
NEXT_WORDS = {"następny", "kolejny", "next"}
GATHERING_WORDS = {
    "spotkanie", "forum", "konferencja", "seminarium", "wizyta", "zjazd", "posiedzenie", "warsztat", "meeting",
    "conference", "visit",
}  # fmt: skip
# a body's own places elsewhere, in a relative clause that adds them: "z organizacją X, która prowadzi też
# świetlice w A i B" (the guests' other facilities, not the event's places)
RUN_LEMMAS = {"prowadzić", "mieć", "posiadać", "działać", "zarządzać"}
ADDING_WORDS = {"też", "także", "również", "ponadto", "dodatkowo"}
ASIDE_LEMMAS = (
    FUNDING_WORDS | SIGHTSEEING | WAY_HOME | MISSIONS | LIKE_LEMMAS | NEXT_WORDS | {"wsparcie", "który"}
)
# the visitors' earlier stops: "Urzędnicy z Tbilisi, którzy wcześniej byli w Berlinie i w Pradze, …"
EARLIER_WORDS = {"wcześniej", "przedtem", "uprzednio"}
STAY_LEMMAS = {"być", "przebywać", "odwiedzić", "odwiedzać", "gościć", "zwiedzić"}
ASIDE_WORDS = MODEL_WORDS | EARLIER_WORDS | {"drodze", "wzór", "przykład", "przez"}
# the way there through another town: "dojechały nocnym pociągiem przez Lwów"
TRAVEL_LEMMAS = {"jechać", "dojechać", "pojechać", "przejechać", "lecieć", "polecieć", "podróżować", "dotrzeć", "wyruszyć"}  # fmt: skip
# funders as the subject of their verb: "Norwegia, Islandia i Liechtenstein wspierają tak projekty …"
FUNDING_VERBS = {"wspierać", "wesprzeć", "finansować", "sfinansować", "dofinansować", "współfinansować"}


def _list_goes_on(tokens: list[Token], j: int) -> bool:
    """A comma between two names of a list: "Islandię, Liechtenstein i Norwegię"."""
    return (
        tokens[j].text == ","
        and 0 < j < len(tokens) - 1
        and tokens[j - 1].is_upper_initial
        and tokens[j + 1].is_upper_initial
        and tokens[j + 1].is_word
    )


def _next_is(tokens: list[Token], i: int, word: str) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1].lower == word


def _opens_aside(tokens: list[Token], i: int) -> bool:
    t = tokens[i]
    if not t.is_word:
        return False
    if (
        t.lemmas.isdisjoint(ASIDE_LEMMAS)
        and t.lower not in ASIDE_WORDS
        and not t.lower.startswith(FUNDING_STEMS)
    ):
        return False  # most words: no test below can hold
    prv = tokens[i - 1].lower if i >= 1 else ""
    return (
        t.lower.startswith(FUNDING_STEMS)
        or (bool(t.lemmas & FUNDING_WORDS) and prv in ("ze", "z", "przez"))
        or ("wsparcie" in t.lemmas and prv in ("przy", "dzięki"))
        or bool(t.lemmas & SIGHTSEEING)
        or (
            bool(t.lemmas & WAY_HOME)
            and (t.has_pos("praet", "inf", "fin", "pcon") or _next_is(tokens, i, "przez"))
        )
        or (t.lower == "drodze" and prv == "w")
        or t.lower in MODEL_WORDS
        or (t.lower in ("wzór", "przykład") and prv in ("na", "za"))
        or (t.lower in EARLIER_WORDS and any(x.lemmas & STAY_LEMMAS for x in tokens[i + 1 : i + 3]))
        or _polish_mission(tokens, i)
        or (t.lower == "przez" and _route(tokens, i))
        or _own_places_elsewhere(tokens, i)
        or _likeness(tokens, i)
        or _next_gathering(tokens, i)
    )


# what bodies run: "zwiedzili Dom Pomocy Społecznej w Trokach" is a point of a study visit's programme, its
# town a place of the visit; "zwiedzili zamek w Trokach" is sightseeing
FACILITY_LEMMAS = {
    "dom", "centrum", "ośrodek", "schronisko", "noclegownia", "ogrzewalnia", "placówka", "warsztat", "świetlica",
    "klub", "mieszkanie", "hostel", "hospicjum", "szpital", "zakład", "punkt", "stowarzyszenie", "fundacja",
}  # fmt: skip
SIGHTSEEING_FILLERS = {"też", "także", "również", "następnie", "ponadto", "m.in", "między", "innymi", "się"}


def _toured_host(tokens: list[Token], m: PlaceMention) -> bool:
    """A foreign town in a sightseeing clause whose object is a facility a body runs: the host of a programme
    point of a visit abroad ("Zwiedzili też Dom Pomocy Społecznej w Trokach i …")."""
    if m.kind != "city" or m.country in ("PL", ""):
        return False
    j = m.token_index - 1
    while j >= 0 and tokens[j].text not in CLAUSE_END and not tokens[j].lemmas & SIGHTSEEING:
        j -= 1
    if j < 0 or not tokens[j].lemmas & SIGHTSEEING:
        return False
    after = (x for x in tokens[j + 1 : m.token_index] if x.is_word and x.lower not in SIGHTSEEING_FILLERS)
    first = next(after, None)
    return first is not None and bool(first.lemmas & FACILITY_LEMMAS)


def _route(tokens: list[Token], i: int) -> bool:
    """ "przez" names the towns on the way, a verb of travel before it or right after its names: "pojechali przez
    Wiedeń", "wyruszył z Krakowa i przez Przemyśl oraz Lwów dotarł na miejsce"."""
    if any(x.lemmas & TRAVEL_LEMMAS for x in tokens[max(0, i - 4) : i]):
        return True
    j = i + 1
    while j < len(tokens) and (
        tokens[j].is_word and tokens[j].is_upper_initial or tokens[j].lower in COORDINATORS
    ):
        j += 1
    return j > i + 1 and j < len(tokens) and bool(tokens[j].lemmas & TRAVEL_LEMMAS)


def _own_places_elsewhere(tokens: list[Token], i: int) -> bool:
    """A relative clause that adds a body's other places: ", która prowadzi też świetlice w Malmö", ", który ma
    także oddziały w …" (not ", która prowadzi w Wiedniu schronisko": that may be the place of the event)."""
    if "który" not in tokens[i].lemmas or i == 0 or tokens[i - 1].text != ",":
        return False
    verb = next((k for k in (i + 1, i + 2) if k < len(tokens) and tokens[k].lemmas & RUN_LEMMAS), None)
    return (
        verb is not None
        and tokens[verb].has_pos("fin")
        and any(x.lower in ADDING_WORDS for x in tokens[verb + 1 : verb + 3])
    )


def _next_gathering(tokens: list[Token], i: int) -> bool:
    """ "Następne forum …", "Next meeting: …" in a clause with no verb in the past tense."""
    if not (tokens[i].lemmas & NEXT_WORDS or tokens[i].lower == "next"):
        return False
    if not any(x.lemmas & GATHERING_WORDS or x.lower in GATHERING_WORDS for x in tokens[i + 1 : i + 3]):
        return False
    j = i + 1
    while j < len(tokens) and tokens[j].text not in SENTENCE_END:
        if tokens[j].has_pos("praet"):
            return False
        j += 1
    return True


def _likeness(tokens: list[Token], i: int) -> bool:
    return bool(tokens[i].lemmas & LIKE_LEMMAS) and any(
        x.lemmas & EXIST_LEMMAS and x.has_pos("fin", "praet") for x in tokens[i + 1 : i + 8]
    )


def _polish_mission(tokens: list[Token], i: int) -> bool:
    return bool(tokens[i].lemmas & MISSIONS) and any(x.lower in POLAND_WORDS for x in tokens[i + 1 : i + 4])


def _mission_end(tokens: list[Token], i: int) -> int:
    """The end of a Polish mission's name and seat from token i: "Konsulatu Generalnego RP we Lwowie"."""
    j = i + 1
    while j < len(tokens) and j < i + 5 and tokens[j].lower not in IN:
        j += 1
    j += 1
    while j < len(tokens) and tokens[j].is_upper_initial and tokens[j].is_word:
        j += 1
    return j


# answers for the last few token lists: an event's tokens are asked about again after its names' tokens
# the label of a list of other articles below a text ("Najnowsze:", "Czytaj też:", "Zobacz także:"): their
# headlines name places of other events ("Lwów i Kraków: koncert charytatywny")
RELATED_LABELS = {"najnowsze", "czytaj", "przeczytaj", "zobacz", "polecamy", "powiązane", "podobne"}
RELATED_NEXT = {"też", "także", "również", "więcej", "artykuły", "wiadomości", "teksty", "inne"}


def _related_label(tokens: list[Token], i: int) -> bool:
    t = tokens[i]
    if t.lower not in RELATED_LABELS or not t.is_upper_initial:
        return False
    j = i + 1
    while j < len(tokens) and j < i + 3 and tokens[j].lower in RELATED_NEXT:
        j += 1
    return j < len(tokens) and tokens[j].text == ":"


# (what, the tokens' id, the gazetteer's id) -> (tokens, gazetteer, value): a section's asides and nationalities,
# asked for by several stages; the objects are kept to tell a reused id from the same object
_REMEMBERED: dict[tuple[str, int, int], tuple[list[Token], Gazetteer, object]] = {}


def _per_tokens(what: str, gaz: Gazetteer, tokens: list[Token], compute):
    k = (what, id(tokens), id(gaz))
    hit = _REMEMBERED.get(k)
    if hit is not None and hit[0] is tokens and hit[1] is gaz:
        return hit[2]
    if len(_REMEMBERED) >= 16:
        _REMEMBERED.clear()
    value = compute(tokens)
    _REMEMBERED[k] = (tokens, gaz, value)
    return value


def aside_tokens(gaz: Gazetteer, tokens: list[Token]) -> frozenset[int]:
    """Indexes of the tokens of asides whose places are not the event's, each from its opening word to
    the end of its clause: funding phrases, sightseeing, the way there."""
    return _per_tokens("aside", gaz, tokens, lambda ts: frozenset(_aside_tokens(gaz, ts)))


def _aside_tokens(gaz: Gazetteer, tokens: list[Token]) -> set[int]:
    out: set[int] = set()
    i = 0
    while i < len(tokens):
        if _related_label(tokens, i):
            out.update(range(i, len(tokens)))  # other articles' headlines to the end of the text
            break
        if not _opens_aside(tokens, i):
            i += 1
            continue
        j = i + 1
        end = SENTENCE_END if tokens[i].lemmas & (WAY_HOME | LIKE_LEMMAS | NEXT_WORDS) else CLAUSE_END
        # through a list of names: "finansowanego przez Islandię, Liechtenstein i Norwegię"
        while j < len(tokens) and (tokens[j].text not in end or _list_goes_on(tokens, j)):
            j += 1
        if _polish_mission(tokens, i):
            j = _mission_end(tokens, i)
        out.update(range(i, j))
        i = j
    return out | _absent_sentences(tokens) | _funders_before_verb(tokens) | _beneficiaries(gaz, tokens)


def _funders_before_verb(tokens: list[Token]) -> set[int]:
    """A list of names opening a clause whose verb funds or supports: the funders, not the event's places."""
    out: set[int] = set()
    for k, t in enumerate(tokens):
        if not (t.lemmas & FUNDING_VERBS) or not t.has_pos("fin", "praet"):
            continue
        j = k - 1
        while j >= 0 and (
            tokens[j].is_upper_initial and tokens[j].is_word or tokens[j].lower in COORDINATORS
        ):
            j -= 1
        if j < k - 1 and (j < 0 or tokens[j].text in CLAUSE_END | SENTENCE_END):
            out.update(range(j + 1, k))
    return out


# the people an aid is for, whose origin is no country of the event (GOLD-CONVENTIONS): "pomoc uchodźcom z
# Ukrainy", "ukraińskich uchodźców", "wsparcie ukraińskich rodzin"
BENEFICIARY_LEMMAS = {"uchodźca", "uciekinier", "migrant", "imigrant", "przesiedleniec", "azylant"}
HELP_LEMMAS = {"pomoc", "wsparcie", "pomagać", "pomóc", "wspierać", "wesprzeć"}


def _beneficiaries(gaz: Gazetteer, tokens: list[Token]) -> set[int]:
    """The country adjective of the people an aid is for and the place they come from."""
    out: set[int] = set()
    for i, t in enumerate(tokens):
        if t.lemmas & BENEFICIARY_LEMMAS:
            out.update(k for k in (i - 1, i + 1) if 0 <= k < len(tokens) and _nationality(gaz, tokens[k]))
            j = i + 2
            if j < len(tokens) and tokens[i + 1].lower in FROM:
                while j < len(tokens) and tokens[j].is_word and tokens[j].is_upper_initial:
                    j += 1
                out.update(range(i + 1, j))
        elif _nationality(gaz, t) and any(x.lemmas & HELP_LEMMAS for x in tokens[max(0, i - 2) : i]):
            out.add(i)  # "wsparcie ukraińskich rodzin", "pomocy dla ukraińskich dzieci"
    return out


# a party that did not come: "Partner z Frankfurtu nad Odrą nie mógł uczestniczyć w spotkaniu"
NOT_PRESENT = re.compile(
    r"\bnie\s+(?:(?:mógł|mogła|mogło|mogli|mogły)\s+(?:uczestniczyć|wziąć|przyjechać|dotrzeć|być)"
    r"|uczestniczył\w*|wzi(?:ął|ęła|ęło|ęli|ęły)\s+udziału|przyjecha\w*|dotar\w*|był\w*\s+obecn\w*)"
    r"|\bnieobecn\w*",
    re.I,
)
# the next meeting, still to come: "Kolejne spotkanie partnerów odbędzie się w Turynie", "The next
# transnational meeting will take place in Glasgow"
NEXT_MEETING = re.compile(
    r"(?:następn|kolejn)\w*(?:\s+\w+){0,3}?\s+(?:spotkani|wizyt|konferencj|seminari|warsztat)\w*"
    r"(?:\s+\S+){0,6}?\s+odbęd\w*"
    r"|next(?:\s+\w+){0,2}?\s+(?:meeting|visit|conference|seminar|workshop)s?(?:\s+\S+){0,6}?\s+will\b",
    re.I,
)
# a visit or meeting still to come, not the one reported: "Rewizytę zaplanowano na wiosnę w Twardoszynie",
# "Stacjonarne spotkanie w Sejnach planujemy", "W przyszłym roku pracownicy odwiedzą Łuck", "Niemieckich
# partnerów będziemy gościć w Krakowie", "The partners will meet again in Porto", "Rozmawiano o przygotowaniu
# wyjazdu do Kaarst"
PLANNED = re.compile(
    r"\b(?:zaplanowa\w*|planuj\w*|planowan[aeyo]|planowano|przewidzian\w*)\b"
    r"|\bw\s+przyszłym\s+roku\b|\bprzyszłego\s+roku\b|\bbędziemy\s+gości\w*"
    r"|\bwill\s+(?:meet|visit|host|travel)\b|\bis\s+planned\b"
    r"|\bprzygotowa\w*\s+(?:do\s+)?(?:wyjazd|wizyt|rewizyt|podróż)\w*",  # "o przygotowaniu wyjazdu do Kaarst"
    re.I,
)
PLANNED_STARTS = (
    *("zaplanowa", "planuj", "planowan", "przewidzian", "przyszł", "będziemy", "will", "planned"),
    "przygotowa",
)
SENTENCE_END = {".", "!", "?"}


def _absent_sentences(tokens: list[Token]) -> set[int]:
    """The tokens of sentences that say someone did not take part, or name the next meeting or another
    planned one: their places are not the event's."""
    out: set[int] = set()
    for k, t in enumerate(tokens):
        if k in out:
            continue
        if t.lower.startswith(("następn", "kolejn")) or t.lower == "next":
            if not NEXT_MEETING.match(" ".join(x.text for x in tokens[k : k + 12])):
                continue
        elif t.lower.startswith(PLANNED_STARTS):
            if not PLANNED.match(" ".join(x.text for x in tokens[k : k + 3])):
                continue
        elif t.lower not in ("nie", "nieobecny", "nieobecna", "nieobecni") and not t.lower.startswith(
            "nieobecn"
        ):
            continue
        elif not NOT_PRESENT.match(" ".join(x.text for x in tokens[k : k + 4])):
            continue
        a = k
        while a > 0 and not _ends_sentence(tokens, a - 1):
            a -= 1
        b = k
        while b < len(tokens) and not _ends_sentence(tokens, b):
            b += 1
        out.update(range(a, b))
    return out


def _ends_sentence(tokens: list[Token], j: int) -> bool:
    """A full stop, unless a lower-case word or a number goes on after it ("zaplanowano na wrzesień 2020 r.
    w Tartu": the abbreviation's dot)."""
    if tokens[j].text not in SENTENCE_END:
        return False
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    return nxt is None or not nxt.is_word or nxt.is_upper_initial


def absent_at(text: str, start: int, end: int) -> bool:
    """Whether the sentence around text[start:end] says a party did not take part."""
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    b = min((x for x in (text.find(". ", end), text.find("\n", end)) if x >= 0), default=len(text))
    return bool(NOT_PRESENT.search(text, a, b) or NEXT_MEETING.search(text, a, b))


def _said_to_be_a_town(gaz: Gazetteer, tokens: list[Token], i: int, n: int, c: City) -> bool:
    """The name at tokens i..i+n is a town by its context: after "miasto"/"miejscowość", followed by its
    country ("… na Słowacji", "… w Czechach"), or a geographic name with its adjective after it."""
    if after_place_noun(tokens, i) or _noun_first(tokens[i : i + n]):
        return True
    j = i + n
    if j + 1 < len(tokens) and tokens[j].lower in ("w", "we", "na"):
        country = _country_at(gaz, tokens, j + 1)
        return country is not None and country[0] == c.country
    return False


# Kraków's districts and quarters whose names are also other countries' towns ("w Starym Mieście" is not
# Staré Mesto in Slovakia): places in Kraków are never the cities of an event
KRAKOW_DISTRICTS = {
    key(n)
    for n in (
        "Stare Miasto", "Grzegórzki", "Prądnik Czerwony", "Prądnik Biały", "Krowodrza", "Bronowice",
        "Zwierzyniec", "Dębniki", "Łagiewniki", "Swoszowice", "Podgórze", "Bieżanów", "Prokocim", "Czyżyny",
        "Mistrzejowice", "Bieńczyce", "Nowa Huta", "Kazimierz", "Azory", "Kurdwanów", "Ruczaj", "Płaszów",
        "Salwator", "Wola Justowska", "Olsza", "Kleparz",
    )
}  # fmt: skip


# a European city this large is meant when its name, capitalised after a place preposition, is also a
# common word or a first name to the dictionary ("z Lucerny", "w Maladze", "w Lille")
COMMON_WORD_CITY_POPULATION = 50_000


def _common_word_city(gaz: Gazetteer, tokens: list[Token], i: int) -> tuple[list[City], int, str] | None:
    t = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and nxt.is_word and nxt.is_upper_initial:
        return None  # a longer name ("z Domu Pomocy", "z Anną Kowalską")
    # a surname's base form too: morfeusz2 reads "Erfurcie" only as the surname Erfurt, "Bielcach" only as
    # the surname Bielec; and, for a word that is no common noun ("Filii" is one), its Polish ending undone
    # (Bielce)
    names = [t.text] + [
        a.lemma[:1].upper() + a.lemma[1:] for a in t.analyses if "imię" not in a.marks and a.pos == "subst"
    ]
    if all(a.lemma[:1].isupper() for a in t.analyses) and not t.has_mark("nazwa_geograficzna"):
        names += [
            t.text[: len(t.text) - len(e)] + r
            for e, r in ENDINGS
            if len(t.text) - len(e) >= 3 and t.text.endswith(e)
        ]
    # base forms of three letters last: "Puli" is "pula" (Pula) before it is "pul" (Poole's other name)
    for k in sorted(names, key=lambda k: len(k) < 4):
        # a smaller town counts when its country is named (_corroborated)
        cities = [c for c in gaz.find_cities(k) if c.country in gaz.europe]
        if cities:
            return cities, 1, k
    return None


def seat_in_name(gaz: Gazetteer, tokens: list[Token], countries: Iterable[str] = ()) -> list[PlaceMention]:
    """A large European city named in its own language after the first word of an organisation's name
    ("Caritas Wien", "Volkshilfe Wien", "Diakonie Hamburg"), also before a district ("Rotary Club
    Wien-Nord"), or first in a Lithuanian or Latvian name, in the genitive ("Vilniaus miesto savivaldybė",
    "Rīgas pilsētas patversme"), or a European town's own name first in a name in another language ("Heerde
    helpt Polen"), where no preposition announces it; and a town of any size of a country the text names
    (`countries`) by its own name closing the name or after "of" ("Diakonie Neuendettelsau" with "z Niemiec",
    "Rotary Club of Perth" with "z Australii")."""
    out = []
    for i, t in enumerate(tokens):
        if not (t.is_word and t.is_upper_initial) or t.text.isupper() or _after_county_word(tokens, i):
            continue
        if i == 0 or tokens[i - 1].text in OPENING_QUOTES:
            district = len(tokens) > i + 1 and tokens[i + 1].lower.startswith(BALTIC_DISTRICTS)
            cities, name = ([] if district or i else _baltic_genitive(gaz, t.text)), t.text
            if not cities and _foreign_words(tokens[i : i + 2]):  # „Heerde helpt Polen”: a town's own name
                cities = [
                    c for c in gaz.find_cities(name) if c.country in gaz.europe and key(c.name) == key(name)
                ]
        else:
            name = t.text if gaz.find_cities(t.text) else _before_district(gaz, t.text)
            cities = [
                c
                for c in gaz.find_cities(name)
                if c.country in gaz.europe and c.population >= COMMON_WORD_CITY_POPULATION
            ]
            if not cities and countries and _closes_name(tokens, i):
                cities = [
                    c
                    for c in gaz.find_cities(t.text)
                    if c.country in countries and key(c.name) == key(t.text)
                ]
        if cities:
            m = PlaceMention("city", "", None, t.start, t.end, "", "", i)
            out.append(_with_cities(m, cities, name, gaz))
    return out


def _closes_name(tokens: list[Token], i: int) -> bool:
    """A foreign word (or a geographic name) that closes a name or follows its "of"."""
    t = tokens[i]
    last = not any(x.is_word for x in tokens[i + 1 :])
    return (t.unknown or t.has_mark("nazwa_geograficzna")) and (last or tokens[i - 1].lower == "of")


def _foreign_words(tokens: list[Token]) -> bool:
    """Two words that the dictionary does not know: a name in another language."""
    return len(tokens) == 2 and all(t.is_word and t.unknown for t in tokens)


def _before_district(gaz: Gazetteer, word: str) -> str:
    """The city before a district's name ("Wien-Nord": Wien), not the first of two places joined
    ("Berlin-Brandenburg", "Löbau-Zittau")."""
    first, _, rest = word.partition("-")
    if not rest:
        return word
    countries = {c.country for c in gaz.find_cities(first)}
    if (
        any(c.population >= TINY_TOWN for c in gaz.find_cities(rest))
        or gaz.regions.get(key(rest)) in countries
    ):
        return word
    return first


# the genitive endings of Lithuanian and Latvian town names and their nominatives: "Vilniaus" (Vilnius),
# "Kauno" (Kaunas), "Klaipėdos" (Klaipėda), "Šiaulių" (Šiauliai), "Panevėžio" (Panevėžys), "Rīgas" (Rīga)
# "Alytaus rajono savivaldybė" is the district's municipality, not the town's ("Alytaus miesto")
BALTIC_DISTRICTS = ("rajon", "apskrit", "novad")
BALTIC_GENITIVES = {
    "LT": [("aus", "us"), ("o", "as"), ("ės", "ė"), ("os", "a"), ("ų", "ai"), ("io", "ys"), ("io", "is")],
    "LV": [("as", "a"), ("es", "e")],
}


def _baltic_genitive(gaz: Gazetteer, word: str) -> list[City]:
    """The town of Lithuania or Latvia a word names in its genitive, where the word ends so; towns of
    15,000 people or more (the ending of the country's grammar makes a smaller one likely enough)."""
    return [
        c
        for iso, endings in BALTIC_GENITIVES.items()
        for end, nominative in endings
        if word.endswith(end) and len(word) > len(end) + 2
        for c in gaz.find_cities(word[: -len(end)] + nominative)
        if c.country == iso and c.population >= TINY_TOWN
    ]


def seat_adjectives(gaz: Gazetteer, tokens: list[Token]) -> list[PlaceMention]:
    """A city named by its adjective in an organisation's name ("Uniwersytet Wiedeński", "Politechnika
    Drezdeńska", "Kijowska Administracja Miejska")."""
    return [m for m in _adjective_cities(gaz, tokens) if tokens[m.token_index].is_upper_initial]


# institutions and groups whose city an adjective gives: "wiedeńskiego magistratu", "delegacja praska",
# "grupa lwowskich animatorek", "wileńscy urzędnicy"
INSTITUTION_NOUNS = {
    "magistrat", "urząd", "samorząd", "władza", "ratusz", "gmina", "uniwersytet", "uczelnia", "politechnika",
    "akademia", "szkoła", "szpital", "organizacja", "fundacja", "stowarzyszenie", "ośrodek", "delegacja",
    "grupa", "gość", "urzędnik", "urzędniczka", "samorządowiec", "radny", "pracownik", "pracownica",
    "specjalista", "specjalistka", "animator", "animatorka", "student", "studentka", "wolontariusz",
    "wolontariuszka",
}  # fmt: skip


def institution_adjectives(gaz: Gazetteer, tokens: list[Token]) -> list[PlaceMention]:
    """A city named by a lower-case adjective next to an institution or a delegation ("urzędnicy
    wiedeńskiego magistratu"); beside other nouns it names a style, not a place ("wiedeński model")."""
    out = []
    for m in _adjective_cities(gaz, tokens):
        i = m.token_index
        near = tokens[max(0, i - 1) : i] + tokens[i + 1 : i + 2]
        if not tokens[i].is_upper_initial and any(n.lemmas & INSTITUTION_NOUNS for n in near):
            out.append(m)
    return out


# a region named by its capital's adjective: "Kraj Preszowski", "obwód lwowski", "rejon solecznicki"
REGION_WORDS = {"kraj", "obwód", "okręg", "region", "rejon", "województwo", "prowincja", "land"}


# a street or square named after a city is in Kraków: "przy ul. Praskiej", "al. Wiedeńska"
STREET_WORDS = {"ul", "ulica", "al", "aleja", "os", "osiedle", "pl", "plac", "rondo", "most", "brama"}


def _adjective_cities(gaz: Gazetteer, tokens: list[Token]) -> list[PlaceMention]:
    out = []
    for i, t in enumerate(tokens):
        before = [b.lower for b in tokens[max(0, i - 2) : i] if b.text != "."]
        if before and before[-1] in STREET_WORDS:
            continue
        found = cities_of_adjective(gaz, t)
        if found:
            noun, cities = found
            m = _with_cities(PlaceMention("city", "", None, t.start, t.end, "", "", i), cities, noun, gaz)
            if i >= 1 and tokens[i - 1].lemmas & REGION_WORDS:
                # "Urząd Samorządowy Kraju Preszowskiego": the region, its country, not Prešov
                m = replace(m, kind="country", city=None, readings=())
            out.append(m)
    return out


def _in_list(tokens: list[Token], i: int, found: list[PlaceMention]) -> bool:
    """Token i follows ", " or " i " right after the last place found."""
    if not found or i < 2 or tokens[i - 1].text not in (",", "i", "oraz", "and"):
        return False
    return found[-1].end == tokens[i - 2].end


def _list_of_towns_ahead(gaz: Gazetteer, tokens: list[Token], i: int) -> bool:
    """An unknown word opening a list of names whose later items are towns to the dictionary: "przedstawiciele
    Liberca, Hradca Králové, Bratysławy i Ratyzbony" (not "prowincji Guangdong, Henan i Tybet")."""
    if not tokens[i].unknown or i + 2 >= len(tokens) or tokens[i + 1].text not in COORDINATORS:
        return False
    for t in tokens[i + 2 : i + 14]:
        if t.is_upper_initial and any(key(g) in gaz.cities for g in t.lemmas_with("nazwa_geograficzna")):
            return True
        if not (t.text in COORDINATORS or t.is_upper_initial and t.is_word):
            return False
    return False


def _seat_in_brackets(tokens: list[Token], i: int) -> bool:
    """A word alone in brackets after a name is its seat: "Christliches Sozialwerk gGmbH (Dresden)"."""
    return (
        1 < i < len(tokens) - 1
        and tokens[i - 1].text == "("
        and tokens[i + 1].text == ")"
        and tokens[i - 2].is_word
    )


POSTCODE = re.compile(r"(?:[A-Z]{1,2}-)?\d{2,5}(?:-\d{3})?")


def _after_postcode(tokens: list[Token], i: int) -> bool:
    """The word follows a postal code that opens a line or an address's part after a comma ("3511 AW", "69-100",
    "D-10115", "SE-111 22"): an address's town."""
    digits = 0
    for j in range(i - 1, max(i - 4, -1), -1):
        x = tokens[j].text
        if POSTCODE.fullmatch(x):
            digits += sum(ch.isdigit() for ch in x)
        elif not (x.isalpha() and x.isupper() and len(x) <= 3):
            return False  # the letters of a Dutch or British code: "3511 AW"
        if j == 0 or tokens[j].line_start or tokens[j - 1].text == ",":
            return digits >= 4
    return False


def _single_ok(tokens: list[Token], i: int, listed: bool = False) -> bool:
    """A one-word city only where the word is a geographic name to morfeusz2, or an unknown word after a
    place preposition, a place noun, or in a list after another place ("(Lwów, Tarnopol, Iwano-Frankiwsk)")."""
    t = tokens[i]
    if i > 0 and _after_postcode(tokens, i):
        return True  # an address's town: "3511 AW Utrecht", "D-10115 Berlin", "1020 Wien"
    if i > 0:  # a later word of a foreign name ("Housing First Europe Hub"): not a city
        prv = tokens[i - 1]
        if (
            prv.is_word
            and prv.is_upper_initial
            and prv.unknown
            and _joined(prv, t)
            and not after_place_noun(tokens, i)
        ):
            return False  # (but "Stadt Frankfurt", "Město Náchod": the town a foreign place noun names)
    if (
        t.has_mark("imię")
        and i + 1 < len(tokens)
        and tokens[i + 1].is_upper_initial
        and tokens[i + 1].is_word
    ):
        return False  # a first name before a surname ("Anna Kowalska")
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if t.has_mark("imię") and nxt is not None and nxt.lower in NAME_PARTICLES:
        return False  # "Jan de Vries", "Karl von Holt"
    if i > 0 and tokens[i - 1].lower in ("pan", "pani", "p", "państwo", "dr", "prof"):
        return False  # a person after a title
    if len(t.text) < 3:
        return False  # "Drop In" is no Ina
    prv = tokens[i - 1] if i > 0 else None
    if prv is not None and prv.has_mark("imię") and prv.is_upper_initial and _joined(prv, t):
        return False  # a surname after a first name: "z Pawłem Baranem"
    if t.unknown and nxt is not None and nxt.has_mark("imię") and nxt.is_upper_initial and _joined(t, nxt):
        return False  # a foreign first name before another: "Kari Ann Nilsen"
    longer = i + 1 < len(tokens) and _joined(t, tokens[i + 1])
    if longer and tokens[i + 1].is_upper_initial and tokens[i + 1].unknown and tokens[i + 1].is_word:
        return False  # the first word of a longer foreign name ("z Karel de Grote", "miasta Stara Lubowla")
    if t.has_mark("nazwa_geograficzna"):
        return True
    if after_place_noun(tokens, i) or listed or _seat_in_brackets(tokens, i):
        return True
    if longer and tokens[i + 1].lower in {
        "de",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "di",
        "da",
        "des",
        "du",
    }:
        return False
    if _adjective_out_of_case(t, _prep(tokens, i)):
        return True  # "z Wołkowyska"
    return t.unknown and _prep(tokens, i) != ""


METROPOLIS = 1_000_000


def _with_cities(m: PlaceMention, cities: list[City], matched: str, gaz: Gazetteer) -> PlaceMention:
    """Readings in order of preference: European cities (where nearly all of MOPS's partners are: Cambridge
    in England before Cambridge in Ontario, Odessa in Ukraine before Odessa in Texas), then cities whose
    own (English or Polish) name this is (Porto is Porto before it is another city's alternate name), then
    the registry's cities (not a smaller town a reviewer registered for one page: Gazetteer.outnumbered), then
    by population."""
    k, europe = key(matched), gaz.europe
    # outside Europe only a metropolis dwarfing the European namesakes: Pekin is Beijing, not Peqin
    most = max((c.population for c in cities if c.country in europe), default=0)

    def rank(c: City) -> tuple:
        own = _own_name((c,), k)
        first = c.country in europe or (c.population >= METROPOLIS and c.population >= 20 * most)
        return first, own, c.name_pl is not None and c.geonames_id not in gaz.outnumbered, c.population

    ranked = sorted(cities, key=rank, reverse=True)
    best = ranked[0]
    return replace(m, country=best.country, city=best, readings=tuple(ranked), quote=matched)


# a Polish town this near the home's town, or another Polish town the text names, is of the home's region; km
LOCAL_KM = 60


def home_namesakes(mentions: list[PlaceMention], home_town, named: set[str]) -> list[PlaceMention]:
    """The Polish town, not the larger town abroad whose Polish name it shares, where the text's foreign side
    is another country's (`named`: the countries named, nationalities too; the other towns' countries), no
    place of that town's country is named, and the Polish town is of the home's region: near its town
    (`home_town`, with lat and lon) or another Polish town of the text. "Goście z Ukrainy odwiedzili DPS w
    Pilźnie" on a page from Dębica is Pilzno, not Plzeň; "w Lipsku" with guests from Grodno beside Augustów is
    Lipsk, not Leipzig; "w czeskim Pilźnie", "z Pragi i Pilzna", a conference "w Koszycach" with no other
    foreign place stay abroad. The reverse: a Polish town's word that names a town abroad as written (`abroad`)
    is that town where its country is named and the Polish town is of no region of the text ("w Turku")."""
    polish = [m.city for m in mentions if m.kind == "city" and m.country == "PL" and m.city is not None]
    around = [c for c in (home_town, *polish) if c is not None and c.lat is not None and c.lon is not None]
    out = []
    for m in mentions:
        if m.abroad and m.country == "PL" and m.city is not None:
            # a Polish town's word that is a town's name abroad, in a country the text names, far from the
            # home and the other Polish towns: "fińscy partnerzy … w Turku" is Turku, not Turek
            there = [c for c in m.abroad if c.country in named]
            near = [c for c in around if c != m.city]
            if there and not any(_km(m.city, o) <= LOCAL_KM for o in near if m.city.lat is not None):
                m = replace(m, country=there[0].country, city=there[0], readings=tuple(there))
        if m.namesakes and m.country not in named and m.country != "PL":
            others = {x.country for x in mentions if x.city is not None and x.quote != m.quote}
            foreign_side = (named | others) - {"PL", ""}
            local = next((c for c in m.namesakes if any(_km(c, o) <= LOCAL_KM for o in around)), None)
            if local is not None and foreign_side and m.country not in foreign_side:
                m = replace(m, country="PL", city=local, readings=(local,))
        out.append(_neighbour_of_home(m, home_town))
    return out


def _neighbour_of_home(m: PlaceMention, home_town) -> PlaceMention:
    """Of a name's towns in one country, the one near the home's town where the first is far from it ("z
    Frankfurtu" on a page from Słubice is Frankfurt (Oder), as _cohere reads it beside a town the text names)."""
    if m.kind != "city" or len(m.readings) < 2 or home_town is None or home_town.lat is None:
        return m
    first = m.city or m.readings[0]
    near = [
        c
        for c in m.readings
        if c.country == first.country and c.lat is not None and _km(c, home_town) <= NEAR_KM
    ]  # (a registry's town may have no coordinates)
    if near and _nearest_km(first, [home_town]) > 2 * NEAR_KM:
        return replace(
            m,
            country=near[0].country,
            city=near[0],
            readings=(near[0], *[c for c in m.readings if c != near[0]]),
        )
    return m


def resolve(m: PlaceMention, countries_near: set[str]) -> PlaceMention:
    """Pick the first reading whose country is named nearby, else the first."""
    if len(m.readings) <= 1:
        return m
    near = [c for c in m.readings if c.country in countries_near]
    best = (near or list(m.readings))[0]
    return replace(m, country=best.country, city=best)


# The words of a country's people and things (gaz.nation_adjectives, gaz.demonyms: countries.csv) describe its
# people or organisations: "czeska organizacja", "gruzińskich urzędników", "dziewięciu Norwegów" ("maltański" is
# left out there: on welfare pages it is the Order of Malta's, "Maltańska Służba Medyczna")
# after these words the adjective names a language or a subject, not a country's people
NOT_NATIONALITY_BEFORE = {
    "język", "filologia", "lektorat", "tłumaczenie", "kuchnia", "wersja", "przekład", "tłumacz", "napis",
    "lektor", "kurs", "literatura", "słownik",
}  # fmt: skip


def _nationality(gaz: Gazetteer, t: Token) -> str | None:
    """The ISO code of the country whose adjective or people's noun the word is ("norweskiego": NO)."""
    if not t.is_word or t.lemmas.isdisjoint(gaz.nation_lemmas):
        return None  # most words: no country's adjective among their base forms
    if not t.is_upper_initial and t.lemmas.isdisjoint(gaz.nation_adjectives):
        return None  # a nation's people are written with a capital ("Norwegów"), not its fish ("norwegów")
    if t.analyses is not analyse(t.text):  # analyses set by hand: not remembered
        return _nationality_in(gaz, t.analyses)
    memo = _memo(_NATIONS, gaz)  # the dictionary's reading: the same answer for every such word
    if t.text not in memo:
        memo[t.text] = _nationality_in(gaz, t.analyses)
    return memo[t.text]


_NATIONS: dict[int, tuple[Gazetteer, dict[str, str | None]]] = {}


def _nationality_in(gaz: Gazetteer, analyses) -> str | None:
    for a in analyses:
        if a.pos == "adj" and a.lemma.lower() in gaz.nation_adjectives:
            return gaz.nation_adjectives[a.lemma.lower()]
    # a nation's people as a group (not one person: "Jan Niemiec", a surname, is singular)
    return next(
        (
            gaz.demonyms[a.lemma]
            for a in analyses
            if a.pos == "subst" and a.number == "pl" and a.lemma in gaz.demonyms
        ),
        None,
    )


def find_nationalities(gaz: Gazetteer, tokens: list[Token]) -> list[tuple[str, int]]:
    """(ISO code, token index) of every country adjective that describes people or organisations."""
    return list(_per_tokens("nationalities", gaz, tokens, lambda ts: _find_nationalities(gaz, ts)))


def _find_nationalities(gaz: Gazetteer, tokens: list[Token]) -> tuple[tuple[str, int], ...]:
    out = []
    aside = aside_tokens(gaz, tokens)
    for i, t in enumerate(tokens):
        iso = _nationality(gaz, t) if i not in aside else None
        if iso is None:
            continue
        near = tokens[max(0, i - 2) : i] + tokens[i + 1 : i + 2]
        if any(n.lemmas & NOT_NATIONALITY_BEFORE for n in near) or _in_language_list(gaz, tokens, i):
            continue
        if any(n.lemmas & FUNDING_WORDS for n in tokens[max(0, i - 1) : i + 2]):
            continue  # a funder: "z funduszy norweskich", "Norweski Mechanizm Finansowy"
        out.append((iso, i))
    return tuple(out)


def _language(gaz: Gazetteer, t: Token) -> bool:
    return _nationality(gaz, t) is not None or "polski" in t.lemmas


def _in_language_list(gaz: Gazetteer, tokens: list[Token], i: int) -> bool:
    """The adjective continues a list of languages: "w językach czeskim, angielskim i niemieckim", "Języki:
    polski, angielski"."""
    j = i - 1
    while j >= 1 and tokens[j].text in (",", "i", "oraz", "lub", "albo") and _language(gaz, tokens[j - 1]):
        j -= 2
        if tokens[j].lemmas & NOT_NATIONALITY_BEFORE or (
            j >= 1 and tokens[j - 1].lemmas & NOT_NATIONALITY_BEFORE
        ):
            return True
    return False


# prepositions that put a name in a place position ("z X", "w X", "do X"); "na", "pod", "przy" are left out
# because they introduce much else ("na Ukrainie" is found as a country, "przy Fundacji" is no place)
PLACE_PREPS = {"z", "ze", "w", "we", "do"}


def find_unlinked(tokens: list[Token], mentions: list[PlaceMention]) -> list[tuple[int, int]]:
    """(first, past-last) token indexes of strings that stand where a place stands but are no known place:
    a capitalised name after a place noun ("z miejscowości Kwiatkowo"), or a single capitalised word
    unknown to the dictionary right after a place preposition ("z Kwiatkowa"); names the dictionary knows
    (Europa, Bawaria) are continents and regions, not towns."""
    covered = {
        k for m in mentions for k in range(m.token_index, _past(tokens, m)) if tokens[k].start >= m.start
    }
    out = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if i in covered or not (t.is_word and t.is_upper_initial) or (t.text.isupper() and len(t.text) > 1):
            i += 1
            continue
        prev = tokens[i - 1] if i else None
        end = i + 1
        # a singular place noun: "z miejscowości Kwiatkowo", not "w miastach Europy"
        if (
            prev is not None
            and not prev.is_upper_initial
            and any(a.lemma in PLACE_NOUNS and a.number == "sg" for a in prev.analyses)
        ):
            while (
                end < len(tokens)
                and end not in covered
                and tokens[end].is_word
                and tokens[end].is_upper_initial
                and _joined(tokens[end - 1], tokens[end])
            ):
                end += 1
            out.append((i, end))
            i = end
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            prev is not None
            and prev.lower in PLACE_PREPS
            and t.unknown
            and not (nxt is not None and nxt.is_upper_initial and nxt.is_word)
            and not (nxt is not None and nxt.text in ("-", "&"))
        ):
            out.append((i, end))
        i = end
    return out


def inside(m: PlaceMention, base: int, spans: list[tuple[int, int]]) -> bool:
    """The mention lies within one of the spans (offsets into the section that starts at base)."""
    a, b = m.start - base, m.end - base
    return any(a >= s and b <= e for s, e in spans)
