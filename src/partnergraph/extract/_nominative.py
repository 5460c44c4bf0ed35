"""Names put in the nominative with morfeusz2: the head noun to its base form, adjectives agreeing with it
generated in the nominative ("Austriackiego Czerwonego Krzyża" -> "Austriacki Czerwony Krzyż")."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ._text import Token, _morfeusz

# Polish institutions; the head noun of an organisation's name
ORG_HEADS = {
    "urząd",
    "ośrodek",
    "centrum",
    "fundacja",
    "stowarzyszenie",
    "towarzystwo",
    "uniwersytet",
    "akademia",
    "szkoła",
    "instytut",
    "katedra",
    "zarząd",
    "rada",
    "ministerstwo",
    "związek",
    "federacja",
    "zakład",
    "agencja",
    "izba",
    "komitet",
    "spółdzielnia",
    "szpital",
    "poradnia",
    "hospicjum",
    "instytucja",
    "konsorcjum",
    "parafia",
    "zgromadzenie",
    "caritas",
    "senat",
    "parlament",
    "sejm",
    "ambasada",
    "konsulat",
    "kancelaria",
    "politechnika",
    "kolegium",
    "uczelnia",
    "starostwo",
    "sieć",
    "kościół",
    "liga",
    "komisja",
    "biuro",
    "departament",
    "wydział",
    "organizacja",
    "inspektorat",
    "kuratorium",
    "muzeum",
    "teatr",
    "fundusz",
    "bank",
    "administracja",  # "Kijowska Miejska Administracja Państwowa"
    "magistrat",  # "Magistrat Miasta Ostrawy"
    "samorząd",  # "Samorząd Miasta Wilna"
    "dom",  # "Dom Dziecka nr 2", "Dom Pomocy Społecznej" (a home only toured is left out as a bystander)
    "forum",  # "Śląskie Forum Organizacji Pozarządowych"
    "konfederacja",
    "biblioteka",
    "placówka",  # "Placówka Wsparcia Dziennego „Dziupla”"
    "misja",  # "Misja Ewangelicka w Ustroniu", "Polska Misja Medyczna"
    "straż",  # "Straż Miejska"
    "policja",
    "obwód",  # "Obwód Miejski Ostrava-Jih"
    "powiat",  # local government named as a body: "Powiatu Wodzisławskiego", "Gmina Tłuszcz"
    "gmina",
    "województwo",
    "koalicja",  # "Koalicja na rzecz Uchodźców"
    "dyrekcja",  # "Dyrekcja Generalna ds. Zatrudnienia … Komisji Europejskiej"
    "wspólnota",  # "Wspólnota Sant'Egidio", "Wspólnota Chleb Życia"
    "akcja",  # "Polska Akcja Humanitarna"
    "ruch",  # "Europejski Ruch Seniorów"
    "koło",  # "Koło Gospodyń Wiejskich w X" (lower-case "koło" is "near")
    "platforma",  # "Europejska Platforma Osób Starszych"
}


@lru_cache(maxsize=20000)
def _forms(lemma: str) -> tuple[tuple[str, str], ...]:
    try:
        return tuple((f, tag) for f, _l, tag, *_ in _morfeusz().generate(lemma))
    except (RuntimeError, KeyError):
        return ()


def _head_analysis(t: Token, heads: set[str]):
    """The head noun reading of t, singular first, with all its cases."""
    if t.lemmas.isdisjoint(heads):
        return None  # no reading has a head's lemma (t.lemmas holds every reading's, in lower case)
    readings = [a for a in t.analyses if a.lemma.lower() in heads and a.pos == "subst"]
    if not readings:
        return None
    readings.sort(key=lambda a: a.number != "sg")
    first = readings[0]
    cases = frozenset().union(
        *(a.cases for a in readings if a.number == first.number and a.lemma == first.lemma)
    )
    return replace(first, cases=cases)


def _nominative_noun(t: Token, a) -> str:
    if "nom" in a.cases and a.number == "sg":
        return t.text
    word = a.lemma
    return _caps_like(t.text, word)


def _nominative_adj(t: Token, gender: str) -> str:
    """The adjective t in the nominative singular of `gender` ('m3', 'f', 'n')."""
    adj = next((a for a in t.analyses if a.pos == "adj"), None)
    if adj is None:
        return t.text
    if "nom" in adj.cases and any(g in adj.gender.split(".") for g in gender.split(".")):
        return t.text
    lemma = adj.lemma
    prefix = ""
    if "-" in lemma:
        prefix, lemma = lemma.rsplit("-", 1)
        prefix = t.text[: t.text.rfind("-") + 1]
    g = gender.split(".")[0]
    # the degree as written: "Wyższej Szkoły" -> "Wyższa Szkoła", not "Wysoka"
    written = t.text[len(prefix) :].lower()
    degree = next(
        (tag.split(":")[-1] for form, tag in _forms(lemma) if form == written and tag[:4] == "adj:"), "pos"
    )
    for form, tag in _forms(lemma):
        parts = tag.split(":")
        if (
            parts[0] == "adj"
            and "sg" in parts[1]
            and "nom" in parts[2].split(".")
            and g in parts[3].split(".")
            and parts[-1] == degree
        ):
            word = form
            break
    else:
        return t.text
    if prefix:
        return (
            prefix + word[:1].upper() + word[1:]
            if t.text[len(prefix) : len(prefix) + 1].isupper()
            else (prefix + word)
        )
    return _caps_like(t.text, word)


# the endings of an adjective morfeusz2 does not know, derived from a foreign name ("Leuveńskiego",
# "grazkiej"): the stem ends in -sk-, -ck- or -zk-, the ending is a regular soft-stem one
UNKNOWN_ADJECTIVE = re.compile(
    r"^(?P<stem>\w+(?:sk|ck|zk))(?P<ending>iego|iej|iemu|imi|im|ich|ie|ą|a|i)$", re.I
)
_NOMINATIVE_ENDING = {"m": "i", "f": "a", "n": "ie"}


def unknown_adjective_nominative(word: str, gender: str = "m") -> str | None:
    """The nominative singular of an adjective unknown to morfeusz2 by its ending ("Leuveńskiego":
    "Leuveński"; feminine "Leuveńska"), or None when the word does not look like one."""
    m = UNKNOWN_ADJECTIVE.match(word)
    if m is None:
        return None
    return m["stem"] + _NOMINATIVE_ENDING.get(gender.split(".")[0][:1], "i")


def unknown_adjective_agrees(t: Token, head_a) -> bool:
    """An unknown word after a head noun that reads as its adjective: the ending fits the head's gender
    in one of the head's cases (roughly: -iego for masculine and neuter genitive, -iej for feminine)."""
    m = UNKNOWN_ADJECTIVE.match(t.text) if t.unknown else None
    if m is None:
        return False
    g = head_a.gender.split(".")[0][:1]
    ending = m["ending"].lower()
    by_case = {
        "gen": {"m": "iego", "n": "iego", "f": "iej"},
        "dat": {"m": "iemu", "n": "iemu", "f": "iej"},
        "loc": {"m": "im", "n": "im", "f": "iej"},
        "inst": {"m": "im", "n": "im", "f": "ą"},
        "acc": {"f": "ą"},
    }
    return any(by_case.get(c, {}).get(g) == ending for c in head_a.cases)


def _caps_like(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _agreeing_cases(t: Token, head_a) -> frozenset[str]:
    """The cases in which adjective t agrees with the head noun in number and gender."""
    out: set[str] = set()
    genders = {g[:1] for g in head_a.gender.split(".")}
    for a in t.analyses:
        if a.pos != "adj" or a.number != head_a.number:
            continue
        if genders & {g[:1] for g in a.gender.split(".")}:
            out |= a.cases & head_a.cases
    return frozenset(out)


def _is_name_adj(t: Token, head_a) -> bool:
    """A capitalised adjective before the head that agrees with it ("Czeskie Stowarzyszenie")."""
    return (
        t.is_upper_initial
        and t.is_word
        and bool(_agreeing_cases(t, head_a))
        and not t.has_pos("prep", "conj")
        and not t.lemmas & PRONOUNS
    )


# possessive and demonstrative words are no part of a name ("delegacja Naszego Powiatu")
PRONOUNS = {"nasz", "wasz", "swój", "ten", "tamten", "mój", "twój", "jego", "jej", "ich"}


def _nominative_phrase(toks: list[Token], start: int, h: int, end: int, head_a, text: str, base: int) -> str:
    gender = head_a.gender
    pos = toks[start].start
    out = ""
    for k in range(start, end):
        t = toks[k]
        gap = text[pos - base : t.start - base] if k > start else ""
        if k < h:
            w = _nominative_adj(t, gender) if "nom" not in head_a.cases else t.text
        elif k == h:
            w = _nominative_noun(t, head_a)
        elif k == h + 1 and _adjective_of_head(toks, k, end, head_a):
            w = _nominative_adj(t, gender)
        elif k == h + 1 and "nom" not in head_a.cases and unknown_adjective_agrees(t, head_a):
            w = unknown_adjective_nominative(t.text, gender) or t.text
        else:
            w = t.text
        out += gap + w
        pos = t.end
    return out


def _opens_modifier(adj: Token, noun: Token) -> bool:
    """An adjective that agrees with the common noun after it (or a patron's name) in an oblique case opens a
    modifier phrase of the head before it, which continues the name as written: "Domu Dziennego Pobytu",
    "Instytutu Wolnego Rynku", "Uniwersytetu Trzeciego Wieku", "Hospicjum Świętego Łazarza". A body or a
    territory after it heads a name of its own and the adjective is the first head's: "Urzędu
    Marszałkowskiego Województwa …"."""
    if _head_analysis(noun, ORG_HEADS) is not None:
        return False
    return any(
        a.pos == "subst"
        and (a.lemma[:1].islower() or "imię" in a.marks)
        and (_agreeing_cases(adj, a) - {"nom", "voc"})
        for a in noun.analyses
    )


# adjectives that name a branch's level: after a branch's head they are its own ("Oddziału Okręgowego Związku …"
# -> "Oddział Okręgowy Związku …")
LEVEL_ADJECTIVES = {"krajowy", "okręgowy", "wojewódzki", "rejonowy", "regionalny", "główny", "terenowy"}
# bodies whose adjectives are another body's: "Urzędu Marszałkowskiego Województwa …"
BODY_HEADS = ORG_HEADS - {"powiat", "gmina", "województwo", "miasto", "obwód"} | {"krzyż"}


def _opens_body(adj: Token, noun: Token) -> bool:
    """An adjective right before another body's head in the genitive, agreeing with it, is that body's: "Koła
    Polskiego Związku Niewidomych" -> "Koło Polskiego Związku Niewidomych" (the branch's head alone goes back
    in the nominative), unless it names a branch's level or the noun is a territory."""
    if not noun.is_upper_initial or adj.lemmas & LEVEL_ADJECTIVES:
        return False
    body = _head_analysis(noun, BODY_HEADS)
    return body is not None and "gen" in _agreeing_cases(adj, body)


def _adjective_of_head(toks: list[Token], k: int, end: int, head_a) -> bool:
    """Whether the adjective right after the head is in an oblique case with it: "Centrum Rodzinnego" ->
    "Centrum Rodzinne" (an indeclinable head says nothing, the adjective does)."""
    if k + 1 < end and not toks[k].lemmas & LEVEL_ADJECTIVES and _opens_modifier(toks[k], toks[k + 1]):
        return False
    if k + 1 < len(toks) and _opens_body(toks[k], toks[k + 1]):
        return False  # also where the body's name is read on its own, next
    full = _head_analysis(toks[k - 1], {head_a.lemma.lower()}) or head_a  # all the head's cases
    cases = _agreeing_cases(toks[k], full)
    return bool(cases) and "nom" not in cases
