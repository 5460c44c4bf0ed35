"""Persons: a first name known to morfeusz2, or a title or role ("Pan", "dr", "koordynator"), and a
capitalised surname, both put in the nominative ("Pana Jana Stapelmanna" -> "Jan Stapelmann")."""

from __future__ import annotations

import re
import unicodedata

from ._nominative import _head_analysis
from ._text import Token, analyse

# words before a person's name: titles (by their surface) and roles (by their base form)
HONORIFICS = {
    "p",
    "dr",
    "prof",
    "mgr",
    "ks",
    "mag",  # Austrian and Slovenian: "mag. Tanja Kralj"
    "inż",
    "hab",
    "bc",
    "ing",
    "doc",
    "mudr",
    "phdr",
    "judr",
    "paeddr",
    "herr",
    "frau",
    "mr",
    "mrs",
    "ms",
    "m",  # French: "M. François Dupont" (an initial before a single surname is read first)
    "mme",
    "mlle",
    "padre",  # Italian, French and German priests: "Padre Giorgio Ferraro", "don Paolo Bianchi"
    "don",
    "père",
    "pater",
}


ROLES = {"pan", "pani", "państwo", "dyrektor", "dyrektorka", "burmistrz", "prezydent", "wiceprezydent", "konsul",
         "minister", "wiceminister", "prezes", "koordynator", "koordynatorka", "kierownik", "kierowniczka",
         "przewodniczący", "przewodnicząca", "ekspert", "ekspertka", "zastępca", "radny", "radna", "doradca",
         "ambasador", "profesor", "opiekun", "burmistrzyni", "senator", "poseł", "wiceburmistrz", "nadburmistrz",
         "zastępczyni", "referent", "referentka", "specjalista", "specjalistka", "członek", "członkini",
         "wiceprzewodniczący", "wiceprzewodnicząca", "starosta", "wicestarosta", "wójt", "marszałek",
         "wicemarszałek", "wojewoda", "wicewojewoda", "naczelnik", "naczelniczka", "psycholog", "pedagog", "asystent", "asystentka",
         "head", "director", "mayor", "coordinator", "manager", "chair", "chairman", "chairwoman",
         "mer", "wicemer", "asesor", "primator", "mistostarosta", "hetman", "sekretarz", "skarbnik",
         "pastor", "pastorka"}  # fmt: skip
# a foreign job title before the name of the body it is held in: "Geschäftsführer der Lebenshilfe"
FOREIGN_ROLES = {"geschäftsführer", "geschäftsführerin", "leiter", "leiterin", "direktor", "direktorin",
                 "vorsitzender", "vorsitzende", "bürgermeister", "bürgermeisterin", "oberbürgermeister",
                 "ředitel", "ředitelka", "vedoucí", "director", "directora", "directrice", "directeur",
                 "president", "président", "présidente", "presidente", "head", "chief", "coordinator",
                 "coordinatrice", "coordinatore", "manager"}  # fmt: skip
# endings of Czech, Slovak, Baltic, Ukrainian and Georgian surnames that morfeusz2 does not know ("Dvořáková")
SURNAME_ENDINGS = (
    "ová",
    "ienė",
    "aitė",
    "ytė",
    "utė",
    "enko",
    "czuk",
    "chuk",
    "iuk",
    "yuk",
    "enki",
    "ence",
    "enką",
    "enkę",
    "dze",
    "szwili",
    "shvili",
)  # fmt: skip (Georgian: "Beridze", "Czubinaszwili")
# a Ukrainian "-enko" declined as a Polish feminine noun: "Andrijem Moskalenką" -> "Andrij Moskalenko"
ENKO_OBLIQUE = ("enki", "ence", "enką", "enkę")
FEMININE_ENDINGS = ("ová", "ienė", "aitė", "ytė", "utė")


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


# words that credit a name with the page, not the event: "Fot. Anna Nowak", "oprac. Jan Lis", "Autor: …"
CREDIT_WORDS = {"fot", "foto", "fotografie", "zdjęcia", "zdjęcie", "zdj", "autor", "autorka", "oprac", "opracowała",
                "sporządził", "sporządziła",
                "opracował", "opracowanie", "źródło", "tekst", "red", "redakcja", "napisał", "napisała",
                "dodał", "dodała", "opublikował", "opublikowała", "photo", "photos", "wprowadził",
                "wprowadziła", "wytworzył", "wytworzyła"}  # fmt: skip
DASHES = {"–", "-", "—", ","}
QUOTES = {"„", "”", '"', "“", "'", "«", "»"}


def unknown_word(word: str) -> bool:
    return all(a.pos == "ign" for a in analyse(word))


def _title_case(t: Token) -> Token:
    """t written as a name: "NOVÁKA" -> "Nováka", "KOWALSKA-NOWAK" -> "Kowalska-Nowak"."""
    return Token("-".join(p[:1] + p[1:].lower() for p in t.text.split("-")), t.start, t.end)


def person_at(
    toks: list[Token],
    k: int,
    taken: list[bool],
    org_heads: set[str],
    line_starts: frozenset[int] = frozenset(),
) -> tuple[int, int, str, float] | None:
    """(first token, end, name in the nominative) of a person's name starting at token k, or None
    (`line_starts`: the tokens that begin a line)."""
    t = toks[k]
    if taken[k] or not t.is_word:
        return None
    if (
        not t.is_upper_initial
        and t.lower not in HONORIFICS
        and t.lemmas.isdisjoint(ROLES)
        and not _foreign_role(t)
    ):
        return None  # every name starts with a capital, a title or a role (the commonest exit, checked first)
    if k > 0 and (
        (toks[k - 1].lower in STREET_WORDS and toks[k - 1].lower != "im")  # "towarzyszył im Jan …": a pronoun
        or (k > 1 and toks[k - 1].text == "." and toks[k - 2].lower in STREET_WORDS)
    ):
        return None  # "ul. Józefa Dietla", "im. Jana Pawła II": a street or a patron, not a person present
    if toks[k - 1].text != "," and any(
        toks[x].lower == "im" and toks[x + 1].text == "." for x in range(max(0, k - 5), k - 1)
    ):
        return None  # "im. św. Brata Alberta": a patron with titles
    if _credited(toks, k):
        return None  # a photo credit or the page's author
    # names set off by their shape or context before the general "given name + surname" reading
    found = (
        _initial_surname(toks, k, taken)
        or _surname_first(toks, k, taken, line_starts)
        or _listed_name(toks, k, taken, org_heads)
        or _particle_pair(toks, k, taken)
        or _foreign_run(toks, k, taken)
        or _said_by(toks, k, taken, org_heads)
        or _from_body(toks, k, taken, org_heads)
        or _met_with(toks, k, taken, org_heads, line_starts)
        or _role_after_dash(toks, k, taken)
    )
    if found is not None:
        return found
    honorific = t.lower in HONORIFICS or bool(t.lemmas & ROLES) or _foreign_role(t)
    first = k + 1 if honorific else k
    if honorific and first < len(toks) and toks[first].text in (".", ",") and t.lower not in ("pan", "pani"):
        first += 1  # "dr. Jan …", "jego referentka, Katrin Böhme"
    if (
        honorific
        and first + 2 < len(toks)
        and toks[first].text[:1].islower()
        and toks[first].lemmas & ROLES
        and any("gen" in a.cases for a in toks[first].analyses)
    ):
        first += 1  # a deputy's role names whose: "zastępcą burmistrza Larsem Holmem"
    if (
        honorific
        and first + 2 < len(toks)
        and toks[first].has_mark("nazwa_geograficzna")
        and not toks[first].has_mark("imię")
        and _name_word(toks[first + 1])
        and _name_word(toks[first + 2])
        and toks[first + 2].start - toks[first + 1].end == 1
    ):
        first += 1  # the role's town before the name: "wicemer Wilna Valdas Benkunskas"
    elif honorific and _foreign_town_before_name(toks, first):
        first += 1  # a foreign town the dictionary does not know: "primátora Lewoczy Miroslav Hudák"
    town_before = first > k + 1 and toks[first - 1].is_upper_initial
    if first + 1 >= len(toks) or taken[first] or taken[first + 1]:
        return None
    f, s = toks[first], toks[first + 1]
    particle = middle = ""
    if (
        len(s.text) == 1
        and s.text.isupper()
        and first + 3 < len(toks)
        and toks[first + 2].text == "."
        and not taken[first + 3]
        and _name_word(toks[first + 3])
        and f.has_mark("imię")
    ):
        middle, s = f"{s.text}. ", toks[first + 3]  # a middle initial: "Piotr J. Nowacki"
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
    if first > 0 and toks[first - 1].lower in ("w", "we") and f.has_mark("nazwa_geograficzna"):
        return None  # "we Lwowie" (also a plural of the name Lew): a place
    if f.text.isupper() and s.text.isupper() and len(f.text) > 1 and len(s.text) > 1:
        if first > 0 and toks[first - 1].text == "(":
            return None  # abbreviations in brackets after a body's name: "(UL FSD)"
        f, s = _title_case(f), _title_case(s)  # a name in an ALL-CAPS heading ("PROF. JANA NOVÁKA")
        particle = particle.lower()
        if s.lower in NAME_PARTICLES:
            return None  # "VAN DER BERGA": one particle is read, not two
    if (
        f.is_upper_initial
        and f.text[1:].islower()
        and s.text.isupper()
        and len(s.text) >= 4
        and s.text.isalpha()
        and not (first + 2 < len(toks) and toks[first + 2].text == ")")
    ):
        # "Marco BERTOLINI", "Claire MOREAU – …": a surname in capitals, as French and Italian lists write it
        if f.has_mark("imię"):
            s = _title_case(s)
        elif f.unknown and _introduces_person(toks, first + 2):
            return first, first + 2, f"{f.text} {_title_case(s).text}", 0.6
    if s.start - f.end > 1 + len(particle) + len(middle) or f.text.isupper() or s.text.isupper():
        return None
    given = next((a for a in f.analyses if "imię" in a.marks), None)
    if given is not None and "nom" not in given.cases and any("nom" in a.cases for a in s.analyses):
        # before a surname that may be in the nominative, the given name's nominative reading: "Barbara
        # Lipowska" is no "Barbar" ("Jana Kowalskiego" stays Jan's)
        given = next(
            (a for a in f.analyses if "imię" in a.marks and "nom" in a.cases and a.number == "sg"), given
        )
    # a foreign given name that is a rare form of a Polish one ("Nino": Nina's vocative, "Tamar": Tamara's
    # genitive plural) is written as it is
    as_written = given is not None and not any(
        "imię" in a.marks and a.number == "sg" and a.cases - {"voc"} for a in f.analyses
    )
    if given is None and honorific and f.analyses and all("nazwisko" in a.marks for a in f.analyses):
        given = f.analyses[0]  # a foreign given name morfeusz2 knows only as a surname: "dr Janą Novákovą"
    # after a title, a foreign given name morfeusz2 reads as a common word ("Panią Rasą Petrauskaitė": rasa)
    # stands before a foreign surname
    foreign_pair = (
        honorific and foreign_compound(s) and not (f.lemmas & ROLES) and _head_analysis(f, org_heads) is None
    )
    if given is None and not (honorific and f.unknown) and not foreign_pair:
        if (
            not (
                (surname_shaped(s) or _known_foreign_surname(s) and f.unknown and f.text[1:].islower())
                and _name_word(f)
            )
            and not bare_pair(toks, first)
            and not _english_pair(toks, first)
            and not _declined_pair(f, s)
            and not _foreign_role_after(toks, first)
            and not (
                f.unknown
                and (s.has_mark("nazwisko") or s.unknown)
                and _body_in_brackets_after(toks, first + 2, taken)
            )
        ):
            return None
        # "Hana Dvořáková", "Ruta Kazlauskienė", "Wołodymyr Hnatiuk", "Oksanie Kowalczuk"
        return first, first + 2, " ".join(_foreign_nominative(f.text, s.text)), 0.6
    if (
        given is None
        and honorific
        and f.unknown
        and not particle
        and f.text.endswith(("em", "owi"))
        and (s.unknown or s.text.endswith(f.text[-2:]) and not s.has_mark("nazwa_geograficzna"))
    ):
        return (
            first,
            first + 2,
            " ".join(_foreign_nominative(f.text, s.text)),
            0.65,
        )  # "prof. Petrem Novákiem", "burmistrzem Larsem Holmem" (a "holm" Polish knows, in the same case)
    if given is None and honorific and not foreign_compound(s) and not s.has_mark("nazwisko"):
        return None
    if (
        not (foreign_compound(s) or s.has_mark("nazwisko") or town_before and _name_word(s))
        or s.has_mark("nazwa_geograficzna")
        and not s.has_mark("nazwisko")
    ):
        return None  # (after a role and its town any capitalised pair is the holder: "burmistrz Popradu Anton Danko")
    if _head_analysis(s, org_heads) is not None or NOT_NAME_WORDS.match(s.text):
        return None  # "Simon Community Scotland": a body's name
    # nominative: the given name's base form, the surname's (a foreign one loses the Polish ending)
    oblique = given is not None and not as_written and not ({"nom"} & given.cases) and "m1" in given.gender
    first_name = given.lemma if given is not None and not as_written else f.text
    if (given is not None and "nom" in given.cases) or (
        (surname_shaped(s) and s.lower.endswith(FEMININE_ENDINGS) or s.unknown and s.lower.endswith("á"))
        and f.has_mark("imię")
    ):
        first_name = f.text  # "Jana Procházková": a woman's name, not "Jan"
    if given is None and f.text[-1:] in ("ą", "ę") and len(f.text) >= 3:
        first_name = f.text[:-1] + "a"  # a woman's foreign name in the instrumental or accusative
    # a woman named in an oblique case: "Janą", "Evą", "Anny"
    woman = (given is not None and not as_written and given.gender == "f" and "nom" not in given.cases) or (
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
    # a known given name after a title is surest; a foreign pair the dictionary does not know, least
    sure = (0.9 if honorific else 0.8) if given is not None else 0.65
    skipped = 1 if particle else 2 if middle else 0
    return first, first + 2 + skipped, f"{first_name} {particle}{middle}{surname}", sure


ARTICLES = {"les", "le", "la", "the", "die", "der", "das", "het", "de", "el", "il", "lo", "los", "las"}
# lower-case kinds of organisation before a foreign name ("organizacji", "stowarzyszenia" are in ORG_CUES)
ORG_KINDS = {"organizacja", "stowarzyszenie", "fundacji", "sieci", "sieć", "instytucji", "uczelni", "uniwersytetu",
             "ośrodka", "centrum", "klubu", "związku", "federacji", "miasta", "gminy", "urzędu"}  # fmt: skip
RUN_PARTICLES = NAME_PARTICLES | {"y", "del", "dos", "das", "De", "Von", "Van", "Da", "Del"}
# words of the names of events, programmes and bodies that the dictionary does not know either: "International
# Staff Week", "Housing First Europe Hub" are no persons
NOT_NAME_WORDS = re.compile(
    r"^(week|day|days|forum|conference|summit|school|staff|team|network|first|housing|festival|award|camp|lab|hub|"
    r"meeting|project|programme|program|academy|university|college|foundation|association|centre|center|council|"
    r"community|city|service|services|international|european|national|social|europe|alapítvány|egyesület|központ|"
    r"szolgálat|stiftung|verein|fundación|fundació|asociación)$",
    re.I,
)


# words joining the parts of a foreign body's name
FOREIGN_JOINS = {"et", "und", "and", "&", "e", "y", "for", "für", "pour", "per"}


def foreign_compound(t: Token) -> bool:
    """A word the dictionary does not know, or a hyphenated pair of capitalised words that it reads as neither a
    given name nor a place (it guesses a common compound): "Dubois-Petit", "Ole-Martin"."""
    if t.unknown:
        return True
    parts = t.text.split("-")
    return (
        len(parts) == 2
        and all(p[:1].isupper() for p in parts)
        and not t.has_mark("imię")
        and not t.has_mark("nazwa_geograficzna")
    )


def nominative_given(value: str) -> str:
    """A name left in a Polish case put in the nominative: a hyphenated given name declined on its first part
    ("Anną-Karin Lindqvist" -> "Anna-Karin Lindqvist", "Jensem-Marcel" -> "Jens-Marcel"), and a woman's words in
    the instrumental or accusative, as no Polish nominative ends in "ą" ("Sabiną Matkowską" -> "Sabina
    Matkowska", "Joanna Malinowską-Ryan" -> "Joanna Malinowska-Ryan")."""
    first, _, rest = value.partition(" ")
    head, dash, tail = first.partition("-")
    if dash and head[-1:] in ("ą", "ę") and len(head) >= 3 and tail[:1].isupper():
        first = f"{head[:-1]}a-{tail}"
    elif dash and head.endswith("em") and len(head) >= 5 and tail[:1].isupper() and not tail.endswith("em"):
        first = f"{head[:-2]}-{tail}"  # declined on both parts, the second put back before
    words = [first, *rest.split()]
    if len(words) == 2 and any(_same_ending(*words, e) for e in ("em", "owi")):
        words = list(_foreign_nominative(*words))  # "Ołeksandrem Tkaczukiem" -> "Ołeksandr Tkaczuk"
    elif len(words) == 2 and words[1].endswith(FEMININE_ENDINGS):
        # a woman's given name in the genitive before a surname that does not change: "Ingi Petrauskienė"
        words[0] = re.sub(r"(?<=[gk])i$|(?<=[^aeiouyąęó])y$", "a", words[0])
    if len(words) >= 2 and all(len(w) > 3 for w in words):
        words = ["-".join(p[:-1] + "a" if p.endswith("ą") else p for p in w.split("-")) for w in words]
    return " ".join(words)


def _same_ending(first: str, surname: str, ending: str) -> bool:
    return (
        first.endswith(ending)
        and surname.endswith(ending)
        and min(len(first), len(surname)) > len(ending) + 2
    )


def couple_at(toks: list[Token], k: int, taken: list[bool]) -> list[tuple[int, int, str]] | None:
    """Two persons at token k under one plural surname, each with their own form of it: "(państwo) Ewa i Marek
    Zielińscy" -> "Ewa Zielińska", "Marek Zieliński"; "Państwa Marię i Iwana Kowalów" -> "Maria Kowal", "Iwan
    Kowal". The two given names and the surname share a case."""
    if k + 3 >= len(toks) or any(taken[k : k + 4]) or toks[k + 1].lower not in ("i", "oraz"):
        return None
    first, second, surname = toks[k], toks[k + 2], toks[k + 3]
    if not (first.is_upper_initial and second.is_upper_initial and surname.is_upper_initial):
        return None
    givens = [[a for a in t.analyses if "imię" in a.marks and a.number == "sg"] for t in (first, second)]
    plural = [a for a in surname.analyses if "nazwisko" in a.marks and a.number == "pl" and a.gender == "m1"]
    if not (givens[0] and givens[1] and plural):
        return None
    shared = [a for a in plural if all(any(a.cases & x.cases for x in g) for g in givens)]
    if not shared:
        return None
    lemma = min((a.lemma for a in shared), key=len)  # "Kowalów": Kowal before Kowala
    feminine = lemma[:-1] + "a" if lemma.endswith(("ski", "cki", "dzki")) else lemma
    return [
        (start, end, f"{g[0].lemma} {feminine if g[0].gender == 'f' else lemma}")
        for (start, end), g in zip(((k, k + 1), (k + 2, k + 4)), givens, strict=True)
    ]


# Polish case endings of a role written in its own language ("primátora", "primátorem")
ROLE_ENDINGS = ("owi", "em", "a", "u")
# Polish genitive endings of a foreign town the dictionary does not know ("Bardejowa", "Lewoczy", "Popradu")
TOWN_GENITIVE_ENDINGS = ("owa", "ewa", "y", "u", "ic", "yc", "ec")


def _foreign_role(t: Token) -> bool:
    """A role spelt in its own language and declined in Polish, that the dictionary does not know: "primátora"."""
    if not t.unknown or not t.text.islower():
        return False
    bare = "".join(c for c in unicodedata.normalize("NFKD", t.lower) if not unicodedata.combining(c))
    return bare in ROLES or any(bare.endswith(e) and bare[: -len(e)] in ROLES for e in ROLE_ENDINGS)


def _body_in_brackets_after(toks: list[Token], k: int, taken: list[bool]) -> bool:
    """A body found in brackets right after a pair of words: "Sabine Vogel (Gemeinschaftshaus Langwasser)", or
    a name of two or more words in a language the dictionary does not know: "Kadri Tamm (Tallinna Sotsiaaltöö
    Keskus)"."""
    if not (k + 1 < len(toks) and toks[k].text == "(" and toks[k + 1].is_upper_initial):
        return False
    close = next((j for j in range(k + 1, min(len(toks), k + 9)) if toks[j].text == ")"), None)
    inside = toks[k + 1 : close] if close else []
    return taken[k + 1] or (
        len(inside) >= 2 and all(t.is_word for t in inside) and any(t.unknown for t in inside)
    )


def _foreign_town_before_name(toks: list[Token], k: int) -> bool:
    """A town in the Polish genitive that the dictionary does not know, between a role and a two-word name:
    "zastępca primátora Bardejowa Pavol Kríž" (three capitalised words after a role are otherwise one name)."""
    if k + 2 >= len(toks) or not toks[k].lower.endswith(TOWN_GENITIVE_ENDINGS):
        return False
    town = toks[k]
    if not town.unknown and (town.has_mark("imię") or town.has_mark("nazwisko") or not town.has_pos("subst")):
        return False  # a town Polish reads as a common noun passes ("burmistrz Taty Péter Szabó"), a name does not
    pair = toks[k + 1 : k + 3]
    after = toks[k + 3] if k + 3 < len(toks) else None
    return (
        all(_name_word(t) for t in (toks[k], *pair))
        and toks[k + 1].start - toks[k].end == 1
        and toks[k + 2].start - toks[k + 1].end == 1
        and not (after is not None and _name_word(after) and after.start - toks[k + 2].end == 1)
    )


def _between_unknown(toks: list[Token], j: int) -> bool:
    """A capitalised word between two that the dictionary does not know, inside a foreign name: "Lucía Moreno
    García" (moreno read as a common word)."""
    return (
        0 < j < len(toks) - 1
        and toks[j - 1].unknown
        and toks[j + 1].unknown
        and _name_word(toks[j + 1])
        and toks[j + 1].start - toks[j].end == 1
    )


def _foreign_run(toks: list[Token], k: int, taken: list[bool]) -> tuple[int, int, str, float] | None:
    """A foreign name of three or more words, or two around particles, as written: "José Luis Ruiz de la
    Fuente", "María del Carmen López Ruiz", "Ildikó Kovácsné Balogh", "Ingrid Van den Broeck". Every word
    after the first is one the dictionary does not know or knows as a name; the run stands alone (no
    capitalised word before it) and ends at punctuation, a lower-case word or "z" and a body."""
    if k > 0 and (toks[k - 1].is_word and toks[k - 1].is_upper_initial or toks[k - 1].text in QUOTES):
        return None
    first = toks[k]
    if not _name_word(first) or not (
        first.unknown or first.has_mark("imię") or (first.has_mark("nazwisko") and _role_before(toks, k))
    ):
        return None
    if (
        first.lower in ARTICLES
        or (k > 0 and toks[k - 1].lower in ORG_CUES | ORG_KINDS)
        or _after_kind_of_body(toks, k)
    ):
        return None  # "stowarzyszenia Les Petits Frères des Pauvres": a body's name
    words, particles, end = 1, 0, k + 1
    while end < len(toks) and not taken[end] and toks[end].start - toks[end - 1].end <= 1:
        t = toks[end]
        if t.text in RUN_PARTICLES and end + 1 < len(toks) and toks[end + 1].is_word:
            particles += 1
        elif (
            _name_word(t)
            and (t.unknown or t.has_mark("imię") or t.has_mark("nazwisko") or _between_unknown(toks, end))
            and not (t.has_mark("nazwa_geograficzna") and not t.unknown)
        ):
            words += 1
        else:
            break
        end += 1
    while end > k and toks[end - 1].text in RUN_PARTICLES:
        end -= 1
        particles -= 1
    role_after = end + 1 < len(toks) and toks[end].text == "," and bool(toks[end + 1].lemmas & ROLES)
    if words < 2 or (words < 3 and not (particles and (first.has_mark("imię") or role_after))) or words > 5:
        return None  # two words around a particle only after a known given name or before a role: "Samusocial
        # de Paris" is a body, "Lieve Van de Walle, head of housing" a person
    if first.unknown and toks[k + 1].has_mark("imię"):
        return None  # a place before a name: "burmistrza Trondheim Ingrid Solberg"
    if any(NOT_NAME_WORDS.match(t.text) or t.lemmas & ROLES or t.lower in HONORIFICS for t in toks[k:end]):
        return None  # "Pana Jana Stapelmanna": a title, read by the rules below
    if not _introduces_person(toks, end) and not _role_before(toks, k):
        return None
    return k, end, " ".join(t.text for t in toks[k:end]), 0.6


def _role_before(toks: list[Token], k: int) -> bool:
    """A role shortly before in the same clause: "asesor ds. polityki społecznej Luca Rizzo Nervo"."""
    for t in reversed(toks[max(0, k - 6) : k]):
        if t.text in (".", ",", ";", ":", "–") and not (t.text == "." and t is not toks[k - 1]):
            return False
        if t.lemmas & ROLES:
            return True
    return False


# endings and words of bodies' names, not of given names or surnames, in Romance and Germanic languages
BODY_WORD = re.compile(
    r"(?i)(?:ci[oó]n|tion|dad|it[éà]|t[äa]t|ung|heit|keit|schaft|ismo|social\w*|^casa|^cent(?:ro|re|er)|ci[oó]|"
    r"^comit\w*|^conse\w*|^consigli\w*|^comun\w*|^ayuntamiento|^c[âa]mara|^provinci\w*|^r[ée]gion\w*)$"
)
# particles between a given name and a surname, alone or in pairs ("de", "van der", "von der", "de la")
PARTICLE_RUNS = {(p,) for p in NAME_PARTICLES - {"der", "den"}} | {
    ("van", "der"), ("van", "den"), ("van", "de"), ("von", "der"), ("de", "la"), ("de", "los"), ("de", "las"),
}  # fmt: skip


def _particle_pair(toks: list[Token], k: int, taken: list[bool]) -> tuple[int, int, str, float] | None:
    """A given name and a surname around particles, standing alone: "Henk de Vries", "Pieter van den Berg",
    "Henka de Vriesa" and "Henkiem de Vriesem" -> "Henk de Vries" (a longer capitalised run is a body's name)."""
    before = toks[k - 1] if k > 0 else None
    if before is not None and (
        before.text in QUOTES
        or before.text in RUN_PARTICLES  # "… Casa da Misericórdia de Lisboa"
        # a capitalised word before it is the name's, unless it is a sentence's verb or preposition ("Mówił")
        or before.is_word
        and before.is_upper_initial
        and (before.unknown or before.has_pos("subst", "adj"))
        or before.lower in ORG_CUES | ORG_KINDS
        or _after_kind_of_body(toks, k)
    ):
        return None
    f = toks[k]
    if not _name_word(f) or f.lower in ARTICLES or NOT_NAME_WORDS.match(f.text) or BODY_WORD.search(f.text):
        return None  # "Diputación de Granada", "Fédération du Nord": a body's name
    if not (f.unknown or f.has_mark("imię") or f.has_mark("nazwisko")):
        return None
    j, parts = k + 1, []
    while j < len(toks) and len(parts) < 2 and toks[j].lower in NAME_PARTICLES and not taken[j]:
        if toks[j].start - toks[j - 1].end != 1:
            return None
        parts.append(toks[j].text)  # as written: "Van den Broeck" (Flemish capitalises the first)
        j += 1
    if tuple(p.lower() for p in parts) not in PARTICLE_RUNS or j >= len(toks) or taken[j]:
        return None
    s = toks[j]
    if not _name_word(s) or s.start - toks[j - 1].end != 1 or not (s.unknown or s.has_mark("nazwisko")):
        return None
    if s.has_mark("nazwa_geograficzna") or NOT_NAME_WORDS.match(s.text) or BODY_WORD.search(s.text):
        return None
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is not None and (
        nxt.is_word and nxt.is_upper_initial and nxt.start - s.end <= 1 or nxt.text in QUOTES
    ):
        return None  # the run goes on: "Centre Communal d'Action Sociale de Toulouse Métropole"
    if before is not None and before.lower in ("z", "ze") and not f.text.endswith(("em", "ą")):
        return (
            None  # "z Samusocial de Paris": where guests come from; a person after "z" is in the instrumental
        )
    first, surname = _particle_nominative(f, s)
    return k, j + 1, f"{first} {' '.join(parts)} {surname}", 0.6


def _particle_nominative(f: Token, s: Token) -> tuple[str, str]:
    """The given name and surname of a name with particles in the nominative: a known given name by its
    base form (a man's surname loses the same case ending), an unknown pair loses an ending both share."""
    given = next((a for a in f.analyses if "imię" in a.marks), None)
    if given is not None and "nom" in given.cases:
        return f.text, s.text
    if given is not None:
        if "m1" not in given.gender:
            return given.lemma, s.text
        ending = next((e for e in ("owi", "em", "a", "u") if f.text.endswith(e)), None)
        return given.lemma, _cut(s.text, ending) if ending and s.text.endswith(ending) else s.text
    for ending in ("owi", "em", "a"):
        if f.text.endswith(ending) and s.text.endswith(ending):
            first, surname = _cut(f.text, ending), _cut(s.text, ending)
            if ending != "a" or not (first[-1:] in VOWELS or surname[-1:] in VOWELS):
                return first, surname
    return f.text, s.text


VOWELS = set("aeiouyąęóáéíóúý")


def _cut(word: str, ending: str) -> str:
    """`word` without a Polish case ending ("Vriesem" -> "Vries", "Henkiem" -> "Henk")."""
    cut = len(ending) + (ending == "em" and word.endswith("iem") and word[-4:-3] in ("k", "g"))
    return word[:-cut] if len(word) - cut >= 2 else word


def _after_kind_of_body(toks: list[Token], k: int) -> bool:
    """A lower-case kind of body in any case right before k ("organizacją", "fundacją"): a name of a body."""
    return k > 0 and toks[k - 1].text.islower() and bool(toks[k - 1].lemmas & BODY_KINDS)


# lower-case kinds of bodies, by base form, before their foreign names
BODY_KINDS = {
    "organizacja",
    "fundacja",
    "stowarzyszenie",
    "firma",
    "instytucja",
    "federacja",
    "sieć",
    "związek",
}


def _introduces_person(toks: list[Token], end: int) -> bool:
    """What follows a name says it is a person's: a role in apposition (", kierowniczka …", "(zastępczyni …"),
    a dash and a role or body, or "z"/"ze" and the body they come from ("… z Ayuntamiento de Bilbao")."""
    if end + 1 >= len(toks):
        return False
    nxt, after = toks[end], toks[end + 1]
    if nxt.text in (",", "(", "–", "—", "-"):
        return after.is_word and (
            after.lemmas & ROLES
            or (after.text[:1].islower() and after.has_pos("subst") and not after.has_pos("adj"))
            or (nxt.text != "," and after.is_upper_initial)
        )
    return nxt.lower in ("z", "ze") and after.is_upper_initial


# verbs that a speaker or presenter follows in the nominative: "– mówi Olha Kowal, szefowa grupy",
# "przedstawiła Kari Hansen", "said Ana Ribeiro"
SPEECH_VERBS = {"mówić", "powiedzieć", "dodać", "dodawać", "podkreślić", "podkreślać", "przedstawić", "wygłosić",
                "zaznaczyć", "opowiedzieć", "opowiadać", "wyjaśnić", "wyjaśniać", "tłumaczyć", "przekonywać",
                "zapowiedzieć", "relacjonować", "zauważyć", "zaprezentować", "prowadzić", "poprowadzić", "said", "says", "added", "explained"}  # fmt: skip


def _said_by(
    toks: list[Token], k: int, taken: list[bool], org_heads: set[str]
) -> tuple[int, int, str, float] | None:
    """Two capitalised words right after a verb of speaking or presenting, ending at punctuation or a
    lower-case word: the speaker, in the nominative as written."""
    if (
        k == 0
        or k + 1 >= len(toks)
        or taken[k + 1]
        or not (toks[k - 1].lemmas & SPEECH_VERBS or toks[k - 1].lower in SPEECH_VERBS)
    ):
        return None
    f, s = toks[k], toks[k + 1]
    if not (_name_word(f) and _name_word(s)) or s.start - f.end != 1:
        return None
    if any(_head_analysis(t, org_heads) is not None or t.lemmas & ROLES for t in (f, s)):
        return None
    if (
        not (foreign_compound(f) or f.has_mark("imię"))
        or not (s.unknown or s.has_mark("nazwisko"))
        or s.has_pos("adj")
    ):
        return None  # a given name and a surname, not a place and an adjective ("Kraków Społeczny")
    nxt = toks[k + 2] if k + 2 < len(toks) else None
    if nxt is not None and not (nxt.text in LIST_ENDS or (nxt.is_word and nxt.text[:1].islower())):
        return None
    return k, k + 2, f"{f.text} {s.text}", 0.65


def _from_body(
    toks: list[Token], k: int, taken: list[bool], org_heads: set[str]
) -> tuple[int, int, str, float] | None:
    """Two capitalised words the dictionary does not know (or a given name and one) before "z"/"ze" and the
    body they come from: "Juha Kaakinen z fińskiej fundacji Y-Säätiö", "Holger Krause z Diakonie"."""
    if k + 3 >= len(toks) or taken[k + 1] or (k > 0 and toks[k - 1].text in QUOTES):
        return None
    f, s, z = toks[k], toks[k + 1], toks[k + 2]
    if not (_name_word(f) and _name_word(s)) or s.start - f.end != 1 or z.lower not in ("z", "ze"):
        return None
    # a given name the dictionary reads as a common word ("Radu") is one after "i", "oraz" or a comma
    listed = k > 0 and toks[k - 1].text in LIST_JOINS and not f.has_mark("nazwa_geograficzna")
    # a surname the dictionary knows as one, or as a given name, after an unknown given name ("Giulia Romano")
    known = (
        (f.unknown or listed)
        and not s.has_mark("nazwa_geograficzna")
        and (s.has_mark("nazwisko") or s.has_mark("imię"))
    )
    if not ((f.unknown or f.has_mark("imię") or listed) and (s.unknown or known)) or _after_kind_of_body(
        toks, k
    ):
        return None
    if k > 0 and toks[k - 1].is_word and toks[k - 1].is_upper_initial:
        return None  # the tail of a longer capitalised run
    if k > 1 and toks[k - 1].text in FOREIGN_JOINS and toks[k - 2].is_upper_initial:
        return None  # the tail of a foreign body's name: "Habitat et Humanisme Rhône z Lyonu"
    j = k + 3 + (toks[k + 3].text.islower() and toks[k + 3].has_pos("adj") and k + 4 < len(toks))
    body = toks[j]
    if (
        _head_analysis(body, org_heads) is None
        and not body.lemmas & BODY_KINDS
        and not (body.is_upper_initial and (body.unknown or body.has_mark("nazwa_geograficzna")))
    ):
        return None  # "Juha Kaakinen z fińskiej fundacji …", "Giulia Romano z Padwy"
    return k, k + 2, f"{f.text} {s.text}", 0.6


# what one has with a person: "spotkanie z Aoife Byrne", "rozmowa z Patem Doyle'em"
MEETING_NOUNS = {"spotkanie", "rozmowa", "wywiad", "dyskusja", "konsultacja", "warsztat", "wizyta"}
# verbs of talking or meeting "z" someone ("rozmawialiśmy z Lukasem Steinerem", "spotkali się z …")
MEETING_VERBS = {"rozmawiać", "porozmawiać", "spotkać", "spotykać", "dyskutować"}


def _met_with(
    toks: list[Token], k: int, taken: list[bool], org_heads: set[str], line_starts: frozenset[int]
) -> tuple[int, int, str, float] | None:
    """Two capitalised words the dictionary does not know (or a given name and one) after a meeting or a talk
    "z"/"ze" someone, closing the clause: the person met, in the nominative ("rozmowa z Patem Doyle'em")."""
    if k < 2 or k + 1 >= len(toks) or taken[k + 1] or toks[k - 1].lower not in ("z", "ze"):
        return None
    verb = toks[k - 3] if toks[k - 2].lower == "się" and k > 2 else toks[k - 2]
    if not (toks[k - 2].lemmas & MEETING_NOUNS or verb.lemmas & MEETING_VERBS):
        return None
    f, s = toks[k], toks[k + 1]
    if not (_name_word(f) and _name_word(s)) or s.start - f.end != 1:
        return None
    if any(_head_analysis(x, org_heads) is not None or x.has_mark("nazwa_geograficzna") for x in (f, s)):
        return None
    declined = all(x.text.rstrip("'’").endswith(("em", "owi")) for x in (f, s))  # "Patem Doyle'em"
    if not ((f.unknown or f.has_mark("imię") or declined) and (s.unknown or s.has_mark("nazwisko"))):
        return None
    nxt = toks[k + 2] if k + 2 < len(toks) else None
    if (
        nxt is not None
        and k + 2 not in line_starts
        and not (nxt.text in LIST_ENDS | {"|"} or (nxt.is_word and nxt.text[:1].islower()))
    ):
        return None
    first, surname = _foreign_nominative(f.text, s.text.replace("’", "'").replace("'em", "em"))
    return k, k + 2, f"{first} {surname}", 0.6


def _english_pair(toks: list[Token], k: int) -> bool:
    """Two unknown capitalised words between a lower-case word and "of"/"from" a body, on an English page:
    "heard Juha Kaakinen of the Y-Foundation"."""
    if k == 0 or k + 3 >= len(toks) or not toks[k - 1].is_word or not toks[k - 1].text.islower():
        return False
    f, s, of, nxt = toks[k : k + 4]
    return (
        f.unknown
        and s.unknown
        and _name_word(f)
        and _name_word(s)
        and of.lower in ("of", "from")
        and (nxt.lower == "the" or nxt.is_upper_initial)
    )


def _foreign_role_after(toks: list[Token], k: int) -> bool:
    """Two unknown capitalised words before a comma and a foreign job title: "Uwe Schröter, Geschäftsführer
    der Lebenshilfe"; or two that the dictionary knows only as surnames before a Polish role in the nominative
    ("Markus Hofer, dyrektor …": a foreign given name that is a Polish surname)."""
    if k + 3 >= len(toks) or not (_name_word(toks[k]) and _name_word(toks[k + 1])) or toks[k + 2].text != ",":
        return False
    if toks[k].unknown and (toks[k + 1].unknown or toks[k + 1].has_mark("nazwisko")):
        return toks[k + 3].lower in FOREIGN_ROLES
    return (
        _only_surname(toks[k])
        and _only_surname(toks[k + 1])
        and toks[k + 3].text.islower()
        and any(a.lemma in ROLES and "nom" in a.cases for a in toks[k + 3].analyses)
    )


def _only_surname(t: Token) -> bool:
    return (
        bool(t.analyses)
        and all(a.marks & {"nazwisko", "nazwa_geograficzna"} for a in t.analyses)
        and any("nazwisko" in a.marks for a in t.analyses)
    )


def _declined_pair(f: Token, s: Token) -> bool:
    """Two unknown capitalised words with the same Polish case ending, a foreign man's name declined:
    "Larsem Haugenem", "Serhijowi Melnykowi"."""
    return (
        f.unknown
        and s.unknown
        and _name_word(f)
        and _name_word(s)
        and any(
            f.text.endswith(e) and s.text.endswith(e) and min(len(f.text), len(s.text)) > len(e) + 2
            for e in ("em", "owi")
        )
    )


def _known_foreign_surname(t: Token) -> bool:
    """A surname of a foreign shape that the dictionary knows, only as a surname ("Hnatiuk", "Kowalczuk")."""
    return (
        t.lower.endswith(SURNAME_ENDINGS)
        and bool(t.analyses)
        and all("nazwisko" in a.marks and "nazwa_geograficzna" not in a.marks for a in t.analyses)
    )


# a foreign given name in the dative or locative and its nominative: "Oksanie" -> "Oksana", "Irynie" -> "Iryna"
FEMININE_OBLIQUE = (("nie", "na"), ("rze", "ra"), ("cie", "ta"), ("dzie", "da"), ("sie", "sa"), ("mie", "ma"),
                    ("wie", "wa"), ("bie", "ba"), ("le", "la"))  # fmt: skip


def _foreign_nominative(first: str, surname: str) -> tuple[str, str]:
    """A foreign name the dictionary does not know, in the nominative: a man's in the dative ("Serhijowi
    Melnykowi") or instrumental ("Petrem Novákiem") loses the Polish ending on both words; a woman's given
    name in the dative before a surname that does not change ("Oksanie Kowalczuk") gets its "-a" back."""
    if surname.endswith(ENKO_OBLIQUE):
        surname = surname[:-4] + "enko"
        for ending in ("owi", "em", "a"):
            if first.endswith(ending) and len(first) - len(ending) >= 3:
                return first[: -len(ending)], surname
        return first, surname
    for ending in ("owi", "em"):
        if first.endswith(ending) and surname.endswith(ending) and len(first) - len(ending) >= 3:
            cut = len(ending) + (ending == "em" and surname[-4:-3] in ("k", "g") and surname.endswith("iem"))
            return first[: -len(ending)], surname[:-cut]
    if not surname.endswith(("owi", "em", "ej", "ą", "ę", "iego", "ego")):
        if first.endswith(("ę", "ą")) and len(first) >= 4:
            return first[
                :-1
            ] + "a", surname  # the accusative or instrumental: "Oksanę Melnyk", "Oksaną Melnyk"
        for ending, nominative in FEMININE_OBLIQUE:
            if first.endswith(ending) and len(first) - len(ending) >= 2:
                return first[: -len(ending)] + nominative, surname
    return first, surname


def _credited(toks: list[Token], k: int) -> bool:
    j = k - 1
    while j >= 0 and toks[j].text in (".", ":") and k - j <= 2:
        j -= 1
    if j > 0 and toks[j].lower == "przez" and toks[j + 1].text == ":":
        return True  # "Wprowadzona do BIP przez: Ewa Krawiec", "Informacja wytworzona przez: …"
    return j >= 0 and toks[j].lower in CREDIT_WORDS


def surname_shaped(t: Token) -> bool:
    return t.unknown and t.is_upper_initial and t.lower.endswith(SURNAME_ENDINGS) and not t.text.isupper()


# words after which capitalised unknown words name an organisation, not a person ("przez Homeless Link")
ORG_CUES = {"przez", "partnerem", "partnerami", "organizacja", "organizacji", "fundacja", "fundacji",
            "stowarzyszenie", "stowarzyszenia", "firma", "firmy"}  # fmt: skip


def bare_pair(toks: list[Token], k: int) -> bool:
    """A foreign given name and surname the dictionary does not know, a title shortly before them
    ("Prezes Stowarzyszenia Lukas Brandner,"): two adjacent capitalised words, at least one unknown, the
    rest a given name or a surname, ending at punctuation or a lower-case word."""
    if k + 1 >= len(toks) or (k > 0 and toks[k - 1].lower in ORG_CUES and not toks[k - 1].is_upper_initial):
        return False
    # a role up to three words before, or four before a comma ("ekspert wiodący sieci, Liam O'Sullivan")
    reach = 4 if k > 0 and toks[k - 1].text == "," else 3
    # a role with its lower-case complements: "dyrektor działu pomocy mieszkaniowej Annelies Claes"
    while reach < 7 and k - reach > 0 and _complement(toks[k - reach]):
        reach += 1
    if not any(t.lemmas & ROLES for t in toks[max(0, k - reach) : k]):
        return (
            False  # only after a title: "Prezes Stowarzyszenia Lukas Brandner", not "programom Housing First"
        )
    if k > 0 and toks[k - 1].text in ("„", '"', "“", "«", "'"):
        return False  # a quoted title: "„Conference Outreach …"
    f, s = toks[k], toks[k + 1]
    if not (_name_word(f) and _name_word(s)) or s.start - f.end != 1 or not (f.unknown or s.unknown):
        return False
    if any(
        not t.unknown and not all(a.marks & {"imię", "nazwisko"} for a in t.analyses) for t in (f, s)
    ):  # a known word with any other reading ("Polaków") is no foreign name
        return False
    nxt = toks[k + 2] if k + 2 < len(toks) else None
    return (
        nxt is None or nxt.text in {",", ".", ";", "–", "-", ")"} or (nxt.is_word and nxt.text[:1].islower())
    )


def _complement(t: Token) -> bool:
    """A lower-case word in the genitive that may complement a role ("działu", "pomocy", "mieszkaniowej")."""
    return (
        t.is_word
        and t.text.islower()
        and any(a.pos in ("subst", "adj") and "gen" in a.cases for a in t.analyses)
        and not t.has_pos("fin", "praet", "inf", "impt")
    )


def _name_word(t: Token) -> bool:
    return t.is_word and t.is_upper_initial and not t.text.isupper() and not any(c.isdigit() for c in t.text)


def _initial_surname(toks: list[Token], k: int, taken: list[bool]) -> tuple[int, int, str, float] | None:
    """ "K. Zielińska", "P. Zaborowską" -> "P. Zaborowska": an initial and a surname (known as one, or
    unknown to the dictionary)."""
    t = toks[k]
    if not (len(t.text) == 1 and t.text.isupper() and t.text.isalpha()) or k + 2 >= len(toks):
        return None
    dot, s = toks[k + 1], toks[k + 2]
    if dot.text != "." or taken[k + 1] or taken[k + 2] or not _name_word(s) or s.start - dot.end > 1:
        return None
    if k > 0 and toks[k - 1].is_word and toks[k - 1].is_upper_initial:
        return None  # inside a longer capitalised run ("Jan K. Nowak" is read from "Jan")
    if k + 3 < len(toks) and _name_word(toks[k + 3]) and toks[k + 3].start - s.end == 1:
        return None  # a title before a given name and a surname: "M. François Lemaire"
    sa = next((a for a in s.analyses if "nazwisko" in a.marks), None)
    if sa is None and not s.unknown:
        return None
    surname = s.text if sa is None or "nom" in sa.cases else sa.lemma
    if k >= 3 and toks[k - 1].text == "-" and toks[k - 2].text == "." and _initial(toks[k - 3]):
        return k - 3, k + 3, f"{toks[k - 3].text}.-{t.text}. {surname}", 0.6  # "J.-P. Martin"
    return k, k + 3, f"{t.text}. {surname}", 0.6


def _initial(t: Token) -> bool:
    return len(t.text) == 1 and t.text.isupper() and t.text.isalpha()


def _listed_name(
    toks: list[Token], k: int, taken: list[bool], org_heads: set[str]
) -> tuple[int, int, str, float] | None:
    """A name the dictionary may not know, set off by its role: "Oleksii Ternovoi – dyrektor …",
    "Ilze Kalnina, wiceburmistrz …" (lists of delegates name people in the nominative)."""
    if k + 3 >= len(toks) or taken[k] or taken[k + 1]:
        return None
    f, s, dash, role = toks[k], toks[k + 1], toks[k + 2], toks[k + 3]
    if not (_name_word(f) and _name_word(s)) or s.start - f.end != 1:
        return None
    if _after_kind_of_body(toks, k):
        return None  # "z organizacją Secours Catholique – Caritas France": a body's name
    body_after = dash.text in ("–", "—", "-") and _head_analysis(role, org_heads) is not None
    if k > 0 and toks[k - 1].text in (";", ":") and dash.text in ("–", "—") and role.is_upper_initial:
        body_after = body_after or (
            s.unknown and not s.has_pos("adj")
        )  # a list item: "; Tomáš Dvořák – Moravskoslezský kraj"
    if dash.text not in DASHES | {"("} or not (
        role.is_word and (role.text[:1].islower() or role.lemmas & ROLES or body_after)
    ):
        return None  # "Oksana Wasylkiw – Towarzystwo Kultury …": the body the person comes from
    if k > 0 and toks[k - 1].is_word and toks[k - 1].is_upper_initial:
        return None  # the tail of a longer capitalised run
    given = f.has_mark("imię")
    # an item of a list ("– Lasza Gogiberidze – prawnik"): a given name the dictionary reads as a common word
    item = (
        k > 0 and toks[k - 1].text in ("–", "—", "-", "•", "*", ";", ":") and s.unknown and dash.text != ","
    )
    # a foreign given name the dictionary knows only as a surname before an unknown one: "Tomas Jankauskas – …"
    surname_as_given = bool(f.analyses) and all("nazwisko" in a.marks for a in f.analyses) and s.unknown
    if not (given or f.unknown or item or surname_as_given) or (f.lemmas & ROLES):
        return None
    if not (s.unknown or s.has_mark("nazwisko") or given):
        return None
    if _head_analysis(f, org_heads) is not None or _head_analysis(s, org_heads) is not None:
        return None
    if f.has_mark("nazwa_geograficzna") and not given:
        return None
    if role.lemmas & ROLES or dash.text != ",":
        return k, k + 2, " ".join(_in_roles_case(f, s, role)), 0.7
    return None


def _in_roles_case(f: Token, s: Token, role: Token) -> tuple[str, str]:
    """A man's name before his role in the genitive, in the nominative: "na zaproszenie Petera Müllera,
    dyrektora …" -> "Peter Müller" (a list's "Name – role" stays as written)."""
    cases = {c for a in role.analyses if a.lemma in ROLES for c in a.cases}
    given = next((a for a in f.analyses if "imię" in a.marks and "gen" in a.cases and a.gender == "m1"), None)
    if "gen" not in cases or "nom" in cases or given is None:
        return f.text, s.text
    surname = s.text[:-1] if s.unknown and s.text.endswith("a") and len(s.text) > 4 else s.text
    return given.lemma, surname


ITEM_MARKS = {"•", "-", "–", "—", "*", "·", "▪", "►"}


def _item_start(toks: list[Token], k: int, line_starts: frozenset[int]) -> bool:
    """Token k opens a line or a list item on it ("• ", "– ", "3. ")."""
    if k in line_starts:
        return True
    if k >= 1 and k - 1 in line_starts and toks[k - 1].text in ITEM_MARKS:
        return True
    return k >= 2 and k - 2 in line_starts and toks[k - 2].text.isdigit() and toks[k - 1].text in (".", ")")


def _role_after_dash(toks: list[Token], k: int, taken: list[bool]) -> tuple[int, int, str, float] | None:
    """A foreign given name and surname in running text, then a dash and a job title in lower case: "Krakowian
    oprowadzał Bart Vermeulen – koordynator streetworku"."""
    if not (_pair_before_dash(toks, k, taken) and toks[k + 2].text in ("–", "—") and k + 3 < len(toks)):
        return None
    f, s, role = toks[k], toks[k + 1], toks[k + 3]
    if not (role.text.islower() and role.lemmas & ROLES) or not (f.unknown or s.unknown):
        return None
    if any(not t.unknown and not any(a.marks & {"imię", "nazwisko"} for a in t.analyses) for t in (f, s)):
        return None  # a known word that names no one ("Dział Pomocy – koordynator …")
    return k, k + 2, f"{f.text} {s.text}", 0.6


def _pair_before_dash(toks: list[Token], k: int, taken: list[bool]) -> bool:
    """Two name words at k, then a dash or a comma: a list item's "<name> – <role>"."""
    return (
        k + 2 < len(toks)
        and not (taken[k] or taken[k + 1])
        and _name_word(toks[k])
        and _name_word(toks[k + 1])
        and toks[k + 1].start - toks[k].end == 1
        and toks[k + 2].text in ("–", "—", "-", ",")
    )


def _reads_surname_first(f: Token, s: Token) -> bool:
    """A surname, then a given name in the nominative: "Kowalska Anna", "Wiśniewski Tomasz"."""
    return (
        any("imię" in a.marks and "nom" in a.cases for a in s.analyses)
        and not f.has_mark("imię")
        and f.has_mark("nazwisko")
    )


def _surname_first(
    toks: list[Token], k: int, taken: list[bool], line_starts: frozenset[int]
) -> tuple[int, int, str, float] | None:
    """A list of people written surname first, as Polish offices list staff ("Kowalska Anna – Zastępca
    Dyrektora,"): the given name put first. A pair whose given name the dictionary does not know ("Vermeulen
    Hendrik – …") is read so when a neighbouring item of the same list plainly is."""
    if not (_item_start(toks, k, line_starts) and _pair_before_dash(toks, k, taken)):
        return None
    f, s = toks[k], toks[k + 1]
    if _reads_surname_first(f, s):
        return k, k + 2, f"{s.text} {f.text}", 0.75
    if not (f.unknown or f.has_mark("nazwisko")) or s.has_mark("imię") or f.has_mark("imię"):
        return None
    starts = sorted(line_starts)
    at = next((n for n, x in enumerate(starts) if x >= k - 2), len(starts))
    for n in (at - 1, at + 1, at - 2, at + 2):
        if 0 <= n < len(starts):
            j = starts[n] + (toks[starts[n]].text in ITEM_MARKS)
            if _pair_before_dash(toks, j, [False] * len(toks)) and _reads_surname_first(toks[j], toks[j + 1]):
                return k, k + 2, f"{s.text} {f.text}", 0.6
    return None


LIST_JOINS = {",", "i", "oraz"}
LIST_ENDS = {",", ".", ";", "i", "oraz", ")", "–", "-", "!", "?"}


def past_aside(toks: list[Token], b: int) -> int:
    """The token after a bracketed aside at b ("(Fundacja „Dom Pokoju”)"), or b when there is none."""
    if b < len(toks) and toks[b].text == "(":
        close = next((j for j in range(b + 1, min(len(toks), b + 12)) if toks[j].text == ")"), None)
        if close is not None:
            return close + 1
    return b


def listed_pair(
    toks: list[Token], k: int, taken: list[bool], org_heads: set[str], person: tuple[int, int]
) -> tuple[int, int, str, float] | None:
    """A given name and surname at k, the next or the previous item of a list whose other item is the
    `person` (start, end): "Wasyl Hnatiuk, Natalija Szewczenko i Ihor …", "Jana Dvořáková, Petr Novotný oraz
    …"; a title before the pair ("Mgr.", "Bc.") is skipped."""
    a, b = person
    if k < 0 or k + 1 >= len(toks):
        return None
    if k > a:  # the next item: "<person>, <pair>", "<person> (<organisation>) i <pair>"
        b = past_aside(toks, b)
        join = toks[b] if k == b + 1 and b < len(toks) else None
    else:  # the previous one: "<pair>, <person>"
        join = toks[a - 1] if k + 3 == a else None
    if join is None or join.text not in LIST_JOINS:
        return None
    f, s = toks[k], toks[k + 1]
    if taken[k] or taken[k + 1] or not (_name_word(f) and _name_word(s)) or s.start - f.end != 1:
        return None
    nxt = toks[k + 2] if k + 2 < len(toks) else None
    if nxt is not None and not (nxt.text in LIST_ENDS or (nxt.is_word and nxt.text[:1].islower())):
        return None
    if (
        f.lemmas & ROLES
        or _head_analysis(f, org_heads) is not None
        or _head_analysis(s, org_heads) is not None
    ):
        return None
    # a foreign given name the dictionary knows as a common word ("Radu") before an unknown surname
    foreign_given = k > a and s.unknown and not f.has_mark("nazwa_geograficzna")
    # a given name in the nominative before a surname Polish knows as a common word: "oraz Peter Hacker"
    given_first = any("imię" in x.marks and "nom" in x.cases for x in f.analyses) and nxt is not None
    if not (f.unknown or f.has_mark("imię") or foreign_given) or not (
        s.unknown or s.has_mark("nazwisko") or given_first
    ):
        return None
    if s.has_mark("nazwa_geograficzna") and not s.has_mark("nazwisko"):
        return None
    return k, k + 2, " ".join(_foreign_nominative(f.text, s.text) if f.unknown else (f.text, s.text)), 0.6
