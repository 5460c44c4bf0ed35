"""Persons: a first name known to morfeusz2, or a title or role ("Pan", "dr", "koordynator"), and a
capitalised surname, both put in the nominative ("Pana Jana Stapelmanna" -> "Jan Stapelmann")."""

from __future__ import annotations

from ._nominative import _head_analysis
from ._text import Token, analyse

# words before a person's name: titles (by their surface) and roles (by their base form)
HONORIFICS = {"p", "dr", "prof", "mgr", "ks", "inż", "hab"}


ROLES = {"pan", "pani", "państwo", "dyrektor", "dyrektorka", "burmistrz", "prezydent", "wiceprezydent", "konsul",
         "minister", "wiceminister", "prezes", "koordynator", "koordynatorka", "kierownik", "kierowniczka",
         "przewodniczący", "przewodnicząca", "ekspert", "ekspertka", "zastępca", "radny", "radna", "doradca",
         "ambasador", "profesor", "opiekun", "burmistrzyni", "senator", "poseł"}  # fmt: skip


# particles between a given name and a surname
NAME_PARTICLES = {"de", "van", "von", "der", "den", "di", "da", "del", "le", "la", "du", "ten", "ter"}

STREET_WORDS = {
    "ul",
    "al",
    "pl",
    "os",
    "im",
    "św",
    "ulica",
    "ulicy",
    "alei",
    "aleja",
    "placu",
    "plac",
    "imienia",
    "osiedle",
    "osiedlu",
    "rondo",
    "rondzie",
}


def unknown_word(word: str) -> bool:
    return all(a.pos == "ign" for a in analyse(word))


def _title_case(t: Token) -> Token:
    """t written as a name: "NOVÁKA" -> "Nováka", "KOWALSKA-NOWAK" -> "Kowalska-Nowak"."""
    return Token("-".join(p[:1] + p[1:].lower() for p in t.text.split("-")), t.start, t.end)


def person_at(
    toks: list[Token], k: int, taken: list[bool], org_heads: set[str]
) -> tuple[int, int, str] | None:
    """(first token, end, name in the nominative) of a person's name starting at token k, or None."""
    t = toks[k]
    if taken[k] or not t.is_word:
        return None
    if k > 0 and (
        toks[k - 1].lower in STREET_WORDS
        or (k > 1 and toks[k - 1].text == "." and toks[k - 2].lower in STREET_WORDS)
    ):
        return None  # "ul. Józefa Dietla", "im. Jana Pawła II": a street or a patron, not a person present
    honorific = t.lower in HONORIFICS or bool(t.lemmas & ROLES)
    first = k + 1 if honorific else k
    if honorific and first < len(toks) and toks[first].text == ".":
        first += 1
    if first + 1 >= len(toks) or taken[first] or taken[first + 1]:
        return None
    f, s = toks[first], toks[first + 1]
    particle = ""
    if (
        s.lower in NAME_PARTICLES
        and first + 2 < len(toks)
        and not taken[first + 2]
        and toks[first + 2].is_upper_initial
        and toks[first + 2].is_word
        and toks[first + 2].start - s.end <= 1
        and (honorific or any("imię" in a.marks for a in f.analyses))
    ):
        particle, s = s.text + " ", toks[first + 2]  # "Jan de Vries", "Ursula von Holt"
    if not (f.is_upper_initial and s.is_upper_initial and f.is_word and s.is_word):
        return None
    if f.text.isupper() and s.text.isupper() and len(f.text) > 1 and len(s.text) > 1:
        f, s = _title_case(f), _title_case(s)  # a name in an ALL-CAPS heading ("PROF. JANA NOVÁKA")
        particle = particle.lower()
        if s.lower in NAME_PARTICLES:
            return None  # "VAN DER BERGA": one particle is read, not two
    if s.start - f.end > 1 + len(particle) or f.text.isupper() or s.text.isupper():
        return None
    given = next((a for a in f.analyses if "imię" in a.marks), None)
    if given is None and honorific and f.analyses and all("nazwisko" in a.marks for a in f.analyses):
        given = f.analyses[0]  # a foreign given name morfeusz2 knows only as a surname: "dr Janą Novákovą"
    # after a title, a foreign given name morfeusz2 reads as a common word ("Panią Rasą Petrauskaitė": rasa)
    # stands before a foreign surname
    foreign_pair = honorific and s.unknown and not (f.lemmas & ROLES) and _head_analysis(f, org_heads) is None
    if given is None and not (honorific and f.unknown) and not foreign_pair:
        return None
    if given is None and honorific and not s.unknown and not s.has_mark("nazwisko"):
        return None
    if (
        not (s.unknown or s.has_mark("nazwisko"))
        or s.has_mark("nazwa_geograficzna")
        and not s.has_mark("nazwisko")
    ):
        return None
    if _head_analysis(s, org_heads) is not None:
        return None
    # nominative: the given name's base form, the surname's (a foreign one loses the Polish ending)
    oblique = given is not None and not ({"nom"} & given.cases) and "m1" in given.gender
    first_name = given.lemma if given is not None else f.text
    if given is not None and "nom" in given.cases:
        first_name = f.text
    if given is None and f.text[-1:] in ("ą", "ę") and len(f.text) >= 3:
        first_name = f.text[:-1] + "a"  # a woman's foreign name in the instrumental or accusative
    # a woman named in an oblique case: "Janą", "Evą", "Anny"
    woman = (given is not None and given.gender == "f" and "nom" not in given.cases) or (
        given is None and f.text[-1:] in ("ą", "ę")
    )
    surname = s.text
    sa = next((a for a in s.analyses if "nazwisko" in a.marks), None)
    if sa is not None and "nom" not in sa.cases:
        surname = sa.lemma
    elif s.unknown and woman:
        for ending, nominative in (
            ("ovą", "ová"),
            ("ovej", "ová"),
            ("ową", "owa"),
            ("owej", "owa"),
            ("ą", "a"),
        ):
            if surname.endswith(ending) and len(surname) - len(ending) >= 2:
                surname = surname[: -len(ending)] + nominative  # "Novákovą" -> "Nováková"
                break
    elif s.unknown and oblique:
        for ending in ("iem", "owi", "em", "a", "u"):
            if ending == "iem" and surname[-4:-3] not in ("k", "g"):
                continue  # "Novákiem" -> "Novák"; "-iem" elsewhere is "-i" + "em"
            if surname.endswith(ending) and len(surname) - len(ending) >= 3:
                surname = surname[: -len(ending)]
                break
    return first, first + 2 + bool(particle), f"{first_name} {particle}{surname}"
