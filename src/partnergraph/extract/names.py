"""Named things in the nominative: organisations, persons, projects, programmes and MOPS units.

Three sources, in this order, each taking only text the ones before left free:
1. the registries (data/reference): names and aliases matched by base forms, so "Urzędu Miasta Krakowa",
   "Działu Pomocy Bezdomnych" and "Zespołu Zadaniowego do realizacji projektu pn. Streetwork …" find
   their entries whatever the case; MOPS itself is matched only to be left out;
2. patterns: a capitalised Polish head noun of an institution ("Urzędu", "Fundacji", "Towarzystwa") with
   its capitalised complements, put in the nominative with morfeusz2 (head and agreeing adjectives); a
   foreign name around a foreign head word ("Reformed University", "Fachhochschule St. Pölten"); an
   acronym after "organizacja"; project titles in quotes after "projekt"; programmes after "program";
   MOPS units ("Filii nr 9", "Działu …");
3. persons: a first name known to morfeusz2 (or a title: "Pan", "p.", "dr") and a capitalised surname.
"""

from __future__ import annotations

import bisect
import os
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .._slug import slug
from ..sources import chrome
from ._nominative import (
    LEVEL_ADJECTIVES,
    ORG_HEADS,
    _agreeing_cases,
    _head_analysis,
    _is_name_adj,
    _nominative_adj,
    _nominative_phrase,
)
from ._text import Token, tokenize
from .home import default_home
from .persons import (
    BODY_KINDS,
    FOREIGN_ROLES,
    HONORIFICS,
    NAME_PARTICLES,
    ROLES,
    _name_word,
    _role_before,
    bare_pair,
    couple_at,
    listed_pair,
    nominative_given,
    past_aside,
    person_at,
    surname_shaped,
    unknown_word,
)
from .places import seat_in_name
from .projects import introduced_titles

QUOTES = {"„", "”", '"', "“", "'", "«", "»", "‘", "’"}
SKIPPABLE = QUOTES | {":", "pn", "pt", "p", "n"}
# bodies named by one word ("Caritas", "przedstawiciele Policji")
SINGLE_WORD_BODIES = {"caritas", "policja"}
# a council seat or committee held besides one's post ("deputowana … Rady Obwodowej", "przewodniczący komisji …
# Rady Miasta", "pełniąca funkcję wiceprzewodniczącej … Rady"): a secondary mandate, no organisation at the event
MANDATE_CUES = ("deputowan", "komisj", "funkcj")
# local governments: bodies when named as such, places after "w" ("w Powiecie Międzyrzeckim")
TERRITORIES = {"powiat", "gmina", "województwo"}
# local government bodies that a text names in lower case before their proper name ("gminę Tłuszcz")
LOWER_CASE_BODIES = {"gmina", "powiat", "obwód", "miasto"}
# a town is a body as the other side of a cooperation ("współpraca z miastem Frýdlant"); "z miasta X" (from)
# and "w mieście X" (in) are places
TOWN_AS_BODY = {"miastem"}
# adjectives of a relation between towns, not of a body's name ("miastem partnerskim Krakowa")
RELATION_ADJECTIVES = {"partnerski", "zaprzyjaźniony", "bliźniaczy", "siostrzany"}
# ... but not the frame an event belongs to: "w ramach wieloletniej współpracy Gminy Miejskiej Kraków z miastem X"
COOPERATION_FRAME = re.compile(r"w\s+ramach\s+[^.;]{0,100}?współprac\w*\s+[^.;]{0,80}?(?:z|ze)\s+$", re.I)
# a board or a member's mandate stands for no organisation of its own ("członek Zarządu Powiatu")
BOARDS = {"zarząd"}
# a branch of a body: its board ("Zarząd Oddziału"), its name after the body's and a dash ("… – Koło Krakowskie")
BRANCH_NOUNS = {"okręg", "oddział", "region", "koło", "filia"}
# what a board governs when it is a body's branch or head office ("Zarząd Okręgu", "Zarząd Główny"), not a body
# named "Zarząd" ("Zarząd Transportu Miejskiego")
BRANCH_WORDS = BRANCH_NOUNS | LEVEL_ADJECTIVES
MANDATES = {"członek", "członkini", "członkiem", "członka"}
# a collegial organ of an undertaking ("Komitet Sterujący projektu", "Rady Programowej sieci X"): the
# project's or network's own body, never a participating organisation
ORGANS = {"komitet", "rada", "komisja", "kapituła", "zespół", "zarząd", "prezydium"}
UNDERTAKINGS = {"projekt", "program", "sieć", "partnerstwo", "konkurs", "konferencja", "festiwal"}
PLACE_PREPOSITIONS = {"w", "we", "na", "po", "terenie", "obszarze"}
# a congress or conference centre, a fair: a venue the event is held in ("w Centrum Kongresowym ICE")
VENUE_WORDS = re.compile(r"(?i)\b(?:kongresow|konferencyjn|wystawienniczy|targow)")
# a facility named by its kind alone, with no name, seat or patron of its own: one of the home's (or a unit
# of MOPS'), not a participating body
FACILITY = re.compile(
    r"(?:Dzienny Dom|Środowiskowy Dom|Dom Dziennego Pobytu|Centrum Interwencji Kryzysowej|Warsztaty? Terapii"
    r" Zajęciowej|Klub Seniora|Dom Pomocy Społecznej)(?: Pomocy| Społecznej| Samopomocy| Pobytu| Seniora)*"
)
# head words of an English rendering of a foreign body's name
ENGLISH_HEAD = re.compile(
    r"\b(?:Centre|Center|Agency|Council|Foundation|Association|Society|Ministry|Department|Office|Service|Fund|"
    r"Authority|Institute|University|Community)\b"
)
# kinds of bodies a text writes in lower case before a quoted name ("fundacji „Dobra Wola”")
QUOTED_KINDS = {"fundacja", "stowarzyszenie", "towarzystwo", "spółdzielnia", "federacja", "koalicja"}
# kinds of bodies a text writes in lower case before a name that stays in the nominative ("stowarzyszenia Klika")
NAMED_KINDS = QUOTED_KINDS | {"organizacja"}
# a kind that is also the noun of a verb ("organizacji Festiwalu": organising it): a name follows it only after
# an adjective ("organizacji pozarządowej Dobre Serce")
VERBAL_KINDS = {"organizacja"}
# parts of an organisation: "Wydziału Spraw Społecznych Urzędu Miasta Helsinki" is the Urząd's
SUBUNIT_HEADS = {
    "wydział",
    "oddział",
    "biuro",
    "departament",
    "sekcja",
    "referat",
    "dział",
    "zespół",
    "katedra",
}
# parts that, named alone, stand in for an organisation named elsewhere in the report (a chair of a
# university, "Katedra … CM UJ", is named as a body of its own)
DEPARTMENTS = {"wydział", "oddział", "departament", "sekcja", "referat"}
# heads that name a MOPS unit when MOPS is the organisation (or none is named)
UNIT_HEADS = {"dział", "filia", "sekcja", "punkt", "klub", "zespół", "program", "centrum"}
HEADS_2B = ORG_HEADS | UNIT_HEADS | {"krzyż"}  # the head words of Polish names (step 2b)
PARENT_HEADS = ORG_HEADS | {"krzyż"}  # the body a part or branch belongs to ("… Polskiego Czerwonego Krzyża")
BRANCH_HEADS = {"oddział"}  # a body's branch, named with its level and the body ("Oddział Okręgowy PCK")
UNIT_PHRASES = re.compile(
    r"^(dział|filia|sekcja|punkt|klub integracji|zespół zadaniow|zespół ds|program aktywności|"
    r"centrum aktywności|specjalistyczn)",
    re.I,
)
FOREIGN_HEAD = re.compile(
    r"(universit\w*|univerzit\w*|klubu?|universidad|egyetem|kaupunki|kunta|centrum|alapítvány|egyesület|központ|"
    r"szolgálat|önkormányzat|c[âa]mara|\w*valitsus|pašvaldība|college|hochschule|hogeschool|h[øo]gskol\w*|högskola\w*|school|schule|academy|akademie|institut\w*|club|foundation|"
    r"stiftung|stichting|fundaci[oó]n?|association|associa[çc][ãa]o|associazione|asociace|verein|verband|gemeinschaft|society|"
    r"council|community|c[aá]ritas|diakonie|kommune|commune|municipality|trust|charity|network|centre|center|zentrum|"
    r"organi[sz]ation|agency|ministry|department|hilfe|werk|kreuz|cross|alliance|federation|union|"
    r"gesellschaft|sdružení|spolek|nadace|fondazione|fondation|ajuntament|gemeente|kommun|kommune|"
    r"fonds|fund|hub|s[äa][äa]ti[öo]|yhdistys|dienst|amt|magistrat|stadt|comune|ayuntamiento|kinderdorf|mission|tafel|charit[aąę]|solidarit\w*|"
    r"savivaldyb\w*|stichting|nadace|nadácia|fundacja|stad|città|ciudad|ville|mest[oa]|měst[oa]|ob[cč]ina|op[cć]ina|[čc]as[tť]i?|domov|m[ée]tropole|azienda|settore|casa|centras|amt|\w*amet|úrad|úřad|dienests|"
    r"asociaci[oó]n|cooperativ[ae]|organisasjon|conseil|consejo|conselho|funda[cç][aã]o|\w*kreis|\w*misjon|bymission|"
    r"gruppo|grupo|groupe|groep|secours|f[ée]d[ée]ration|partnership|villages?|trust|quay|"
    # German compounds ending in a kind of place or service: "Seniorenbüro", "Mehrgenerationenhaus", "Wärmestube"
    r"(?<=\w{5})(?:haus|büro|stube|treff|stätte|agentur|tafel))$",
    re.I,
)


@lru_cache(maxsize=65536)
def _foreign_head(word: str) -> bool:
    """Whether `word` ends in a head word of a foreign body's name (asked of most capitalised words: kept)."""
    return FOREIGN_HEAD.search(word) is not None


CONNECTORS = {
    "de",
    "van",
    "von",
    "der",
    "den",
    "of",
    "the",
    "for",
    "für",
    "and",
    "&",
    "-",
    "und",
    "és",  # Hungarian: "Tatai Család- és Gyermekjóléti Szolgálat"
    "la",
    "le",
    "du",
    "des",
    "di",
    "da",
    "del",
    "y",
    "i",
    "e",
    "et",
    "am",
    "an",
    "zu",
    "St",
    "Sankt",
    "Saint",
    # Scandinavian, Dutch and German joining words of foreign names ("Alternativ til Vold", "Høgskolen i Oslo")
    "til",
    "og",
    "för",
    "och",
    "voor",
    "zum",
    "zur",
    "v",  # Czech: "Armáda spásy v ČR"
    "das",  # German: "Caritasverband für das Bistum Aachen"
    "dem",
    # Italian, Spanish and Portuguese joined articles: "Servizi alla Persona", "Centro della Famiglia"
    "alla",
    "della",
    "delle",
    "degli",
    "dei",
    "al",
    "dos",
    "do",
    # Catalan, French and Italian elisions: "Regidoria de Serveis Socials de l'Ajuntament de València"
    "l",
    "d",
    "'",
    "’",
}
# a Romance article elided onto a capitalised word: "l'Ajuntament", "dell'Accoglienza"
ELIDED = re.compile(r"^[a-z]{1,4}['’][A-ZÀ-Ý]")
# short lower-case words inside Czech and Slovak names, between two of the name's foreign words ("Sdružení
# pro péči o seniory", "Centrum pre rodinu"); Polish words too, so only inside a foreign name
SLAVIC_CONNECTORS = {"pro", "pre", "o", "pri", "při", "na", "za", "v", "ve", "s", "se"}
# academic and professional titles before a Czech or Slovak name ("ředitel Charity Opava Ing. Martin Bitta"):
# a person begins, the name before ends
TITLES = {"Ing", "Mgr", "Bc", "PhDr", "MUDr", "JUDr", "RNDr", "PaedDr", "ThDr", "PhD", "Ph", "DiS", "doc", "prof",
          "Dr", "dr", "MBA", "Dipl", "Padre", "Père", "Pater"}  # fmt: skip
# short joining words of a German or Dutch name that a legal form closes ("Hilfe für Menschen in Not e.V.")
JOINS_BEFORE_FORM = {"in", "im", "am", "an", "auf", "und", "für", "van", "voor", "op"}
LEGAL_FORMS = re.compile(
    r",?\s*(p\.\s?o\.(?!\s*[a-ząćęłńóśźż])|e\.\s?V\.|gGmbH|GmbH|Ltd\.?|Inc\.?|o\.\s?p\.\s?s\.|z\.\s?s\.|z\.\s?ú\.|n\.\s?o\.|a\.\s?s\.|asbl|vzw|"
    r"ASBL|VZW|gem\.\s?e\.\s?V\.|ONLUS|Onlus|SCIC|SCOP|APS|ETS|gUG|o\.\s?z\.|ry(?!\w))"
)


def _past_quoted_name(toks: list[Token], end: int, taken: list[bool]) -> int:
    """Past a short quoted name right after a foreign kind of body ("Cooperativa Sociale «Il Girasole»")."""
    if end >= len(toks) or taken[end] or toks[end].text not in ("„", "«", '"', "“"):
        return end
    close = next(
        (k for k in range(end + 1, min(len(toks), end + 7)) if toks[k].text in ("”", "»", '"', "“")), None
    )
    if close is None or close == end + 1 or not toks[end + 1].is_upper_initial or any(taken[end:close]):
        return end
    return close + 1


# lower-case words for a kind of organisation before its foreign name ("stowarzyszenia Les Petits Frères")
GENERIC_ORG_NOUNS = {"organizacja", "fundacja", "stowarzyszenie", "instytucja", "uniwersytet", "uczelnia",
                     "szkoła", "klub", "sieć", "federacja", "związek", "ośrodek", "centrum", "agencja", "firma",
                     "szpital", "organizacji"}  # fmt: skip
# words after which an unknown acronym names an organisation ("konferencji FEANTSA", "członkiem EAPN")
ACRONYM_CUES = (
    "organizac",
    "fundacj",
    "stowarzysz",
    "partner",
    "instytucj",
    "konferencj",
    "sieci",
    "członk",
    "federacj",
    "przez",
    "kongres",
    "zjazd",
    "forum",
)
ROMAN = re.compile(r"^[IVXL]{1,6}$")
PROGRAMME_NEXT = re.compile(r"\s+(?:w\s+ramach\s+)?program", re.I)
# a fund that pays for the work is a funding programme, not a body taking part
FUNDED_FROM = re.compile(
    r"(?:(?:współ|do|s)?finansow\w*|środków|dotacj\w*|grant\w*)\s+(?:\w+\s+){0,3}?(?:z|ze|w\s+ramach)\s+$"
    r"|(?:ze\s+)?środków\s+$|w\s+ramach\s+$|poprzez\s+$",
    re.I,
)


# an English fund named as what pays: "funded by the …", "co-financed by the …"
PAID_BY = re.compile(r"(?:funded|financed)\s+by(?:\s+the)?\s*$", re.I)


# how sure each rule is of the names it finds: a registered name most, a boundary guessed from
# capitals least (benchmarks/confidence_honesty.py measures the ordering on the development pages)
CONFIDENCE = {
    "registry": 0.95,
    "own_name": 0.85,  # the body's own name in brackets after its Polish rendering
    "head": 0.75,  # a Polish head noun with its capitalised complements
    "long_head": 0.6,  # the same, running over more than six words: the boundary is a guess
    "short_head": 0.55,  # a kind and one word ("Urząd Miasta"): often a generic or a home's own office
    "foreign_head": 0.7,
    "commune": 0.65,  # "gminę Tłuszcz"
    "acronym_city": 0.6,
    "acronym": 0.5,
    "foreign_after_cue": 0.5,  # "przez Homeless Link"
    "department": 0.4,  # a department named alone, standing for its organisation
    "list_item": 0.5,  # a foreign name opening an item of a list of bodies
    "named_kind": 0.65,  # capitalised words after a kind in lower case ("fundacji Nowy Start")
}


@dataclass(frozen=True)
class Name:
    field: str
    value: str
    start: int  # offsets into page.text
    end: int
    aliases: tuple[str, ...] = ()  # other names of the same body on the page ("Towarzystwo Ewangelickie")
    confidence: float | None = None  # 0-1 by the rule that found it (CONFIDENCE); None: the field's default
    # a welfare centre named without a seat ("MOPS", "Miejskiego Ośrodka Pomocy Społecznej"): MOPS Kraków on
    # its own pages, left out there; on another body's page a partner like any other
    default_home: bool = False


@dataclass
class Names:
    organisations: list[Name] = field(default_factory=list)
    persons: list[Name] = field(default_factory=list)
    projects: list[Name] = field(default_factory=list)
    programmes: list[Name] = field(default_factory=list)
    units: list[Name] = field(default_factory=list)
    # countries of registered foreign organisations: (ISO code, start, end of the name)
    countries: list[tuple[str, int, int]] = field(default_factory=list)

    def all(self) -> list[Name]:
        return [*self.organisations, *self.persons, *self.projects, *self.programmes, *self.units]


# ---------------------------------------------------------------- tokens for names


def name_tokens(text: str, offset: int = 0, tokens: list[Token] | None = None) -> list[Token]:
    """Tokens with "Polsko - Niemieckiego" merged into one compound token "Polsko-Niemieckiego"; from `tokens`
    when they are `text`'s as written (not a heading's words recased)."""
    toks = tokens if tokens is not None and _as_written(text, offset, tokens) else tokenize(text, offset)
    out: list[Token] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if (
            i + 2 < len(toks)
            and toks[i + 1].text == "-"
            and t.is_word
            and t.lower.endswith("o")
            and t.is_upper_initial
            and toks[i + 2].is_word
            and toks[i + 2].text[:1].isalpha()
            and (toks[i + 1].start - t.end > 0 or toks[i + 2].start - toks[i + 1].end > 0)
            and any(a.pos == "adja" or (a.lemma.endswith("o") and a.pos != "subst") for a in t.analyses)
        ):
            word = f"{t.text}-{toks[i + 2].text}"

            out.append(Token(word, t.start, toks[i + 2].end))
            i += 3
            continue
        out.append(t)
        i += 1
    return out


def _as_written(text: str, offset: int, tokens: list[Token]) -> bool:
    """Whether `tokens` are every word and mark of `text` (at `offset`) as written."""
    return sum(len(t.text) for t in tokens) == len("".join(text.split())) and all(
        text[t.start - offset : t.end - offset] == t.text for t in tokens
    )


def _lemma_sets(toks: list[Token]) -> tuple[frozenset[str], ...]:
    return tuple(t.lemmas for t in toks)


# ---------------------------------------------------------------- registries


@dataclass(frozen=True)
class _Entry:
    field: str  # organisations, units, programmes, projects, or "" for the default home and welfare centres
    name: str
    words: tuple[str, ...]  # surface words, for acronyms and capitals
    sets: tuple[frozenset[str], ...]
    country: str | None = None
    phrase: str = ""  # the name or alias as registered, the one the page's words match


_INDEXES: dict[int, tuple[object, dict[str, list[_Entry]]]] = {}
MOPS_NAMES = ("Miejski Ośrodek Pomocy Społecznej", "MOPS", "Ośrodek Pomocy Społecznej")


def _index(registries) -> dict[str, list[_Entry]]:
    hit = _INDEXES.get(id(registries))
    if hit is not None and hit[0] is registries:
        return hit[1]
    by_first: dict[str, list[_Entry]] = {}

    def add(fld: str, canonical: str, phrase: str, country: str | None = None) -> None:
        toks = [t for t in name_tokens(phrase) if t.text not in QUOTES]
        if not toks:
            return
        e = _Entry(fld, canonical, tuple(t.text for t in toks), _lemma_sets(toks), country, phrase)
        for lemma in e.sets[0]:
            by_first.setdefault(lemma, []).append(e)

    home = default_home(registries).name  # its registered name
    for o in registries.organisations:
        is_mops = o.name == home  # the default home: a welfare centre told apart by its seat
        for n in (o.name, *o.aliases):
            # a European network's seat is not a country of the events it takes part in
            country = None if (o.kind or "") == "network" else o.country
            add("" if is_mops else "organisations", o.name, n, country)
    for n in MOPS_NAMES:
        add("", n, n)
    for u in registries.units:
        for n in (u.name, *u.aliases):
            add("units", u.name, n)
    for p in registries.programmes:
        for n in (p.name, *p.aliases):
            add("programmes", p.name, n)
    for p in registries.projects:
        for n in (p.name, *p.aliases):
            add("projects", p.name, n)
    _INDEXES.clear()
    _INDEXES[id(registries)] = (registries, by_first)
    return by_first


_LOOKUPS: dict[int, tuple[object, dict]] = {}


def _lookups(registries) -> dict:
    """Registry entries by the slug of their names and aliases (reference._find, but one dict lookup)."""
    hit = _LOOKUPS.get(id(registries))
    if hit is not None and hit[0] is registries:
        return hit[1]
    maps: dict = {"owners": {slug(p.owner) for p in registries.programmes if p.owner}}
    for fld, entries in (
        ("organisations", registries.organisations),
        ("units", registries.units),
        ("programmes", registries.programmes),
        ("projects", registries.projects),
    ):
        m: dict = {}
        for e in entries:
            for n in (e.name, *e.aliases):
                m.setdefault(slug(n), e)
        maps[fld] = m
    _LOOKUPS.clear()
    _LOOKUPS[id(registries)] = (registries, maps)
    return maps


def _lookup(registries, fld: str, name: str):
    return _lookups(registries)[fld].get(slug(name))


def _match_entry(e: _Entry, toks: list[Token], i: int) -> int | None:
    """Index just past the match of entry e at token i, or None. Quotes and 'pn.' may sit between."""
    j = i
    for k, wanted in enumerate(e.sets):
        while (
            j < len(toks)
            and k > 0
            and (toks[j].text in SKIPPABLE or (toks[j].text == "." and toks[j - 1].lower in ("pn", "pt")))
        ):
            j += 1
        if j >= len(toks):
            return None
        t = toks[j]
        word = e.words[k]
        if word.isupper() and len(word) > 1:
            if t.text != word:
                return None
        elif not (t.lemmas & wanted):
            return None
        if k == 0 and word[:1].isupper() and not t.is_upper_initial:
            return None
        j += 1
    return j


def _registry_matches(toks: list[Token], registries) -> list[tuple[int, int, _Entry]]:
    index = _index(registries)
    out = []
    i = 0
    while i < len(toks):
        best = None
        for lemma in toks[i].lemmas:
            for e in index.get(lemma, []):
                j = _match_entry(e, toks, i)
                if j is not None and (best is None or j > best[1]):
                    best = (i, j, e)
        if best:
            out.append(best)
            i = best[1]
        else:
            i += 1
    return out


# ---------------------------------------------------------------- helpers


def _normalise_quotes(s: str) -> str:
    s = " ".join(s.split())
    s = re.sub(r"[„“\"”«]([^„“\"”«»]+)[„“\"”»]", r"„\1”", s)
    return s


def _span_text(text: str, base: int, toks: list[Token], i: int, j: int) -> str:
    return text[toks[i].start - base : toks[j - 1].end - base]


def find_names(text: str, tokens: list[Token], base: int, title_len: int, registries, gaz) -> Names:
    """Names in `text` (a section; `base` its offset in the page)."""
    toks = name_tokens(text, base, tokens)  # compounds merged
    names = Names()
    taken = [False] * len(toks)

    def take(i: int, j: int) -> None:
        for k in range(i, j):
            taken[k] = True

    def free(i: int, j: int) -> bool:
        return not any(taken[i:j])

    def emit(
        fld: str,
        value: str,
        i: int,
        j: int,
        rule: str | float,
        aliases: tuple[str, ...] = (),
        home: bool = False,
    ) -> None:
        value = _normalise_quotes(value).strip(" ,;:-")
        if not value:
            return
        if i > 0 and (
            "nasz" in toks[i - 1].lemmas or (toks[i - 1].lower in POLISH_AND and own_end[0] == i - 1)
        ):
            own_end[0] = (
                j  # the publisher's own ("naszego Centrum", "nasz Klub Seniora i Dzienny Dom Pomocy")
            )
            if fld == "organisations":
                return
        if fld == "organisations" and _former_name(toks, i):
            return  # a body's former name ("(dawniej RAIS Fundación)")
        sure = CONFIDENCE[rule] if isinstance(rule, str) else rule
        getattr(names, fld).append(Name(fld, value, toks[i].start, toks[j - 1].end, aliases, sure, home))

    def past_legal_form(end: int) -> int:
        """The end of a name past its legal form ("… Dresden e.V.", "… gGmbH")."""
        tail = LEGAL_FORMS.match(text, toks[end - 1].end - base)
        if tail:
            stop = base + tail.end()
            while end < len(toks) and toks[end].end <= stop:
                end += 1
        return end

    def to_legal_form(end: int) -> int:
        """Past up to three capitalised words that a legal form closes, and the short joining words between
        them: "Fondazione San| Carlo ETS", "Hilfe für Menschen| in Not e.V."."""
        k = end
        while (
            k < len(toks)
            and k - end < 4
            and not taken[k]
            and toks[k].is_word
            and (
                toks[k].is_upper_initial
                or (toks[k].text in JOINS_BEFORE_FORM and k + 1 < len(toks) and toks[k + 1].is_upper_initial)
            )
        ):
            if LEGAL_FORMS.fullmatch(toks[k].text):
                break
            k += 1
        if (
            k == end
            or not toks[k - 1].is_upper_initial
            or k >= len(toks)
            or toks[k].start - toks[k - 1].end != 1
        ):
            return end
        form = LEGAL_FORMS.match(text, toks[k - 1].end - base)
        return k if form and not form.group().startswith(",") else end

    def emit_organisation(i: int, j: int, rule: str) -> None:
        """The organisation named by tokens i..j: under the registry's name if it knows it."""
        value = _span_text(text, base, toks, i, j)
        entry = _lookup(registries, "organisations", value)
        if entry is None:
            value = _foreign_nominative_head(toks[i], value)
        if entry is None and _owner(slug(value), owners) and not _acting_for(toks, i):
            return  # a programme's owner ("co-funded by the European Union"): its programme is listed
        if i > 0 and toks[i - 1].lower == "an":
            return  # "an Action Planning Network": a kind, not a name
        if entry is None and value.endswith(" Fund") and PAID_BY.search(text, 0, toks[i].start - base):
            # "co-financed by the European Regional Development Fund": a fund that pays is a programme
            emit("programmes", value, i, j, "head")
            return
        emit("organisations", entry.name if entry else value, i, j, "registry" if entry else rule)

    own_end = [-1]  # the end of the last name the publisher calls its own ("nasz …")
    owners = _lookups(registries)["owners"]
    parts: list[Name] = []  # departments named without their organisation
    starts = {t.start: k for k, t in enumerate(toks)} | {t.end - 1: k for k, t in enumerate(toks)}

    def toks_at(offset: int) -> int:
        return starts[offset]

    # 1. registries
    written: dict[str, str] = {}
    for i, j, e in _registry_matches(toks, registries):
        take(i, j)
        if not e.field:
            # MOPS, or another town's welfare centre by its seat ("… w Tarnowie"): taken, so that no pattern
            # reads it as something else
            a, b, value, seat = _welfare_centre(toks, i, j, taken, text, base, gaz, registries, e)
            take(a, b)
            if value:
                rule = "short_head" if seat is False else "registry"
                emit("organisations", value, a, b, rule, home=seat is not True)
            continue
        if e.field == "units" and _followed_by_other_org(toks, j):
            continue  # an office of another organisation ("Biuro … Urzędu Miasta Krakowa")
        # a programme as the page names it ("Fundusze EOG", "Interreg Central Europe"), by the first of its
        # names on the page when it names it twice
        value = written.setdefault(e.name, e.phrase) if e.field == "programmes" else e.name
        if (
            e.field == "programmes"
            and " " not in e.phrase
            and (tail := _programme_tail(text, base, toks, j, gaz))
        ):
            # a family of programmes by the strand the page names: "Interreg V-A Polska–Słowacja 2014–2020",
            # "Interreg Europe", "Interreg Region Morza Bałtyckiego"
            value, j = _span_text(text, base, toks, i, tail), tail
            take(i, j)
        emit(e.field, value, i, j, "registry")
        if e.field == "organisations" and e.country and e.country != "PL":
            names.countries.append((e.country, toks[i].start, toks[j - 1].end))
        if e.field == "units":  # a project inside a unit's name is the event's project too
            for pi, pj, pe in _registry_matches(toks[i + 1 : j], registries):
                if pe.field == "projects":
                    emit("projects", pe.name, i + 1 + pi, i + 1 + pj, "registry")

    # 2a. projects and programmes by their introducing words
    for fld, value, i, j, entry, sure in introduced_titles(
        text, toks, base, taken, lambda f, v: _lookup(registries, f, v), UNIT_PHRASES
    ):
        emit(fld, value, i, j, "registry" if entry else sure)

    # 2b. Polish institutions and MOPS units by head noun
    i = 0
    while i < len(toks):
        t = toks[i]
        if taken[i] or not t.is_upper_initial or not t.is_word:
            i += 1
            continue
        head_a = _head_analysis(t, HEADS_2B)
        if head_a is None and i + 1 < len(toks) and toks[i + 1].lemmas & LEVEL_ADJECTIVES:
            head_a = _head_analysis(t, BRANCH_HEADS)  # "Oddziału Rejonowego Polskiego Czerwonego Krzyża"
        if head_a is None or (
            head_a.lemma.lower() == "krzyż" and not (i and toks[i - 1].lower.startswith("czerw"))
        ):
            i += 1
            continue
        start = i
        while (
            start > 0
            and not taken[start - 1]
            and _is_name_adj(toks[start - 1], head_a)
            and not (start > 1 and _postmodifies(toks[start - 2], toks[start - 1]))
        ):
            start -= 1
            head_a = replace(head_a, cases=head_a.cases & _agreeing_cases(toks[start], head_a))
        if start == i:  # the head alone: read it in the nominative when it can be
            nom = next(
                (
                    a
                    for a in t.analyses
                    if a.lemma == head_a.lemma and "nom" in a.cases and a.number == head_a.number
                ),
                None,
            )
            head_a = nom or head_a
        end = _extend_polish(toks, i + 1, taken)
        end = next((k for k in range(i + 1, end) if _line_ends_name(text, base, toks, k)), end)
        if _rendering_in_brackets(toks, start, end):
            i = end  # "Magyar Vöröskereszt (Węgierskiego Czerwonego Krzyża)": read with the own name (2c-bis)
            continue
        if (
            end == i + 1
            and head_a.lemma.lower() in SEAT_NAMED
            and end + 1 < len(toks)
            and toks[end].lower in ("w", "we")
            and toks[end + 1].is_upper_initial
            and toks[end + 1].is_word
            and not taken[end + 1]
        ):
            end += 2  # a university named by its seat: "Uniwersytetu w Getyndze"
        if end - start < 2 and (
            head_a.lemma.lower() not in SINGLE_WORD_BODIES or _foreign_lower(toks[i - 1])
        ):
            i += 1  # alone, or a one-word body closing a foreign name, read next: "Vilniaus arkivyskupijos Caritas"
            continue
        if (
            end == i + 1
            and end < len(toks)
            and toks[end].text in FOREIGN_JOINS
            and _name_goes_on(toks, end + 1)
        ):
            i += 1  # a foreign name, read next: "Caritas der Erzdiözese Wien"
            continue
        lemma = head_a.lemma.lower()
        if lemma == "koło" and start > 0 and toks[start - 1].is_upper_initial and toks[start - 1].is_word:
            i += 1  # a branch of the body named before it ("TPBA Koło Warszawa"), read with it or not at all
            continue
        if lemma in BOARDS and end > i + 1 and _head_analysis(toks[i + 1], ORG_HEADS) is not None:
            i += 1  # "Zarządu Powiatu X", "Zarząd Stowarzyszenia X": the body, read next, is the organisation
            continue
        if lemma in BOARDS and end > i + 1 and toks[i + 1].lemmas & BRANCH_WORDS:
            take(start, end)  # "… – Zarząd Okręgu Małopolskiego", "Zarząd Główny": a body's board, no body
            i = end
            continue
        if lemma in ORGANS and _organ_of_undertaking(toks, i + 1, end):
            take(start, end)
            i = end
            continue
        if lemma in TERRITORIES and _territory_not_a_body(toks, start):
            take(start, end)
            i = end
            continue
        value = _nominative_phrase(toks, start, i, end, head_a, text, base)
        nxt_org = _other_org_at(toks, end)
        if lemma in SUBUNIT_HEADS and not UNIT_PHRASES.match(value):
            office_end = _polish_office_after(toks, end, taken, gaz)
            if office_end is not None:
                # a department of a Polish office is named with its office: "Wydział Polityki Społecznej
                # Pomorskiego Urzędu Wojewódzkiego", "Biuro … Urzędu Miasta w Tarnowie"
                value = _nominative_phrase(toks, start, i, office_end, head_a, text, base)
                emit("organisations", value, start, office_end, "head")
                take(start, office_end)
                i = office_end
                continue
        parent = _parent_inside(toks, i + 1, end) if lemma in SUBUNIT_HEADS else None
        if lemma in SUBUNIT_HEADS and nxt_org is not None and not taken[nxt_org]:
            parent = nxt_org
        by_role = start > 0 and bool(toks[start - 1].lemmas & ROLES)
        branch = lemma in BRANCH_HEADS and bool(toks[i + 1].lemmas & LEVEL_ADJECTIVES)
        if parent is not None and not UNIT_PHRASES.match(value) and (by_role or branch):
            # a part through the job title of the person who represents it, named with its (foreign)
            # organisation: "naczelnik Wydziału Polityki Społecznej Tarnopolskiej Obwodowej Administracji …";
            # a body's branch with its level: "Oddziału Rejonowego Polskiego Czerwonego Krzyża"
            end = max(end, _extend_polish(toks, parent + 1, taken))
            value = _nominative_phrase(toks, start, i, end, head_a, text, base)
            emit("organisations", value, start, end, "head")
            take(start, end)
            i = end
            continue
        if lemma in SUBUNIT_HEADS and nxt_org is not None and not UNIT_PHRASES.match(value):
            i = end  # otherwise the part is folded into its organisation (a foreign one's), found next
            continue
        if parent is not None and not UNIT_PHRASES.match(value):
            # "delegacja Departamentu Polityki Społecznej Lwowskiej Rady Miejskiej": the department is folded
            # into the council named inside its complements, found next
            take(start, parent)
            i = parent
            continue
        of_mops = _is_mops_at(toks, end, registries) and lemma in UNIT_HEADS | {
            "ośrodek",
            "dom",
            "schronisko",
        }
        if of_mops or (UNIT_PHRASES.match(value) and (lemma in UNIT_HEADS or lemma == "centrum")):
            # a unit by its kind, or any centre, home or shelter named as MOPS's ("Centrum Interwencji
            # Kryzysowej MOPS")
            if nxt_org is not None and not _is_mops_at(toks, end, registries):
                take(start, end)
                i = end
                continue
            entry = _lookup(registries, "units", value)
            emit("units", entry.name if entry else value, start, end, "registry" if entry else "head")
        elif (lemma == "klub" and "„" in value or lemma == "zespół" and "szkoła" in toks[i + 1].lemmas) and (
            nxt_org is None
        ):
            # a club by its quoted name ("Klub Seniora „Pod Lipami”"), a school complex ("Zespół Szkół
            # Specjalnych nr 11"): bodies, not MOPS's units
            emit("organisations", value, start, end, "head")
        elif lemma == "rada" and _council_mandate(toks, start):
            pass  # a council seat or committee held besides one's post: no organisation at the event
        elif lemma == "fundusz" and start > 1 and toks[start - 1].text in ("–", "-") and taken[start - 2]:
            pass  # a programme's strand after a dash: "Aktywni Obywatele – Fundusz Regionalny"
        elif lemma == "fundusz" and (
            FUNDED_FROM.search(text, 0, toks[start].start - base) or "projekt" in value.lower()
        ):
            # "finansowana z Funduszu X", a fund for projects ("Fundusz Mikroprojektów") name a programme; a
            # fund of a programme named next ("z Funduszu
            # Mikroprojektów programu Interreg …", "… w ramach Programu …") leaves it to that programme
            if not PROGRAMME_NEXT.match(text, toks[end - 1].end - base):
                emit("programmes", value, start, end, "head")
        elif lemma in ORG_HEADS or lemma == "krzyż":
            if _acronym_after(toks, end, registries):
                pass  # "Europejskiej Sieci Przeciwdziałania Ubóstwu (EAPN)": the registry's name, found above
            elif lemma in DEPARTMENTS and start > 0 and toks[start - 1].text in QUOTES:
                emit("organisations", value, start, end, "short_head")  # a department named as a body
            elif lemma in DEPARTMENTS:
                parts.append(
                    Name(
                        "organisations",
                        value,
                        toks[start].start,
                        toks[end - 1].end,
                        (),
                        CONFIDENCE["department"],
                    )
                )
            elif (
                start == i
                and lemma in NAMED_KINDS
                and (foreign_end := _foreign_after_kind(toks, i + 1, end, taken))
            ):
                # a foreign body after a Polish kind word: "Stowarzyszenie Fürther Wärmestube", "Stowarzyszenie
                # Podané ruce" are the bodies' own names
                foreign_end = past_legal_form(foreign_end)
                emit_organisation(i + 1, foreign_end, "named_kind")
                end = foreign_end
            elif own := _own_name_after(toks, _past_part(toks, _past_seat(toks, end), taken), text, base):
                # a Polish rendering and the body's own name in brackets: one body, under its own name
                close, own_name = own
                emit("organisations", own_name, start, close, "own_name", (value,))
                end = close
            elif head_a.number == "pl" and "„" not in value:
                pass  # a kind of facility, not a body's name ("Zakłady Aktywizacji Zawodowej")
            elif start > 0 and toks[start - 1].lower in ("w", "we") and VENUE_WORDS.search(value):
                pass  # where the event was held ("w Centrum Kongresowym ICE"): a venue, not a participant
            elif FACILITY.fullmatch(value) and not _seat_after(toks, end) and nxt_org is None:
                pass  # a facility by its kind alone ("Dziennego Domu Pomocy"): the home's own, shown to guests
            elif not _owner(slug(value), owners) or _acting_for(toks, start):
                if nxt_org is not None and not taken[end] and lemma not in SUBUNIT_HEADS:
                    # a body and the body it belongs to, as one name: "Regionalny Ośrodek Polityki
                    # Społecznej Urzędu Marszałkowskiego Województwa X"
                    parent_end = _extend_polish(toks, end + 1, taken)
                    value = f"{value} {_span_text(text, base, toks, end, parent_end)}"
                    end = parent_end
                entry = _lookup(registries, "organisations", value)
                rule = (
                    "registry"
                    if entry
                    else "short_head"
                    if end - start <= 2
                    else "head"
                    if end - start <= 6
                    else "long_head"
                )
                emit("organisations", entry.name if entry else value, start, end, rule)
        if start > 0 and "nasz" in toks[start - 1].lemmas:
            own_end[0] = end  # the publisher's own, named or not: "nasz Klub Seniora"
        take(start, end)
        i = end

    # 2b'. a kind of body in lower case before its quoted name: "fundacji „Dobra Wola”", "W stowarzyszeniu
    # „Boris”" (the kind capitalised, in the nominative)
    for k, t in enumerate(toks):
        if taken[k] or not t.text.islower() or k + 2 >= len(toks) or toks[k + 1].text not in ("„", '"', "“"):
            continue
        kind = _head_analysis(t, QUOTED_KINDS)
        close = next(
            (x for x in range(k + 2, min(len(toks), k + 10)) if toks[x].text in ("”", '"', "“")), None
        )
        if kind is None or close is None or close == k + 2 or any(taken[k:close]):
            continue
        inner = _span_text(text, base, toks, k + 2, close)
        if inner[:1].isupper():
            emit("organisations", f"{kind.lemma.capitalize()} „{inner}”", k, close + 1, "head")
            take(k, close + 1)

    # 2c. foreign names around a foreign head word
    i = 0
    while i < len(toks):
        t = toks[i]
        if (
            taken[i]
            or not (
                t.is_upper_initial
                or (t.unknown and i > 0 and _foreign_lower(toks[i - 1]))
                or _lower_run_opening(toks, i) is not None  # "Vilniaus … paramos centras"
                # "Vilniaus universitetas", "Statutární město Opava", "Tampereen kaupunki"
                or (
                    t.unknown
                    and i > 0
                    and toks[i - 1].is_upper_initial
                    and (_foreign_spelling(toks[i - 1]) or _foreign_spelling(t))  # "Mestna občina Ljubljana"
                )
                or ELIDED.match(t.text)  # "l'Ajuntament"
                # a head word Polish also knows after a word spelt in another language: "(Slezská diakonie)"
                or (i > 0 and toks[i - 1].is_upper_initial and NON_POLISH_LETTERS.search(toks[i - 1].text))
            )
            or not _foreign_head(t.text)
            or t.has_pos("subst", "adj")
            and not t.unknown
            and not t.has_mark("człon_nazwy_organizacji")
            and not _foreign_after(toks, i)
            # after a kind of body in lower case: "czeskiej organizacji Diakonie Brno"
            and not (i > 0 and toks[i - 1].lemmas & GENERIC_ORG_NOUNS and not toks[i - 1].is_upper_initial)
            and not (i > 0 and toks[i - 1].unknown and toks[i - 1].is_upper_initial)  # "Göteborgs Stad"
            and not (i > 0 and _foreign_lower(toks[i - 1]))  # "Vilniaus arkivyskupijos Caritas"
        ):
            i += 1
            continue
        start = i
        while (
            start > 0
            and not taken[start - 1]
            and toks[start - 1].lower not in POLISH_AND  # "Samusocial de Paris i Stichting …": two names
            # "heard Juha Kaakinen of the Y-Foundation", "Marco Bianchi of Città di Torino": the name starts after
            and toks[start - 1].lower not in ENGLISH_BEFORE_NAME
            and toks[start - 1].lower not in FOREIGN_ROLES
            and (
                _foreign_word(toks[start - 1], toks, start - 1)
                # a word Polish knows between two it does not, or after a town: "Housing First Europe Hub",
                # "Oslo Metropolitan University"
                or (
                    _name_word(toks[start - 1])
                    and start >= 2
                    and toks[start].unknown
                    and (toks[start - 2].unknown or _town_word(toks[start - 2]))
                    and _name_word(toks[start - 2])
                )
                # a town opening an English name: "Oslo Metropolitan University"
                or (_town_word(toks[start - 1]) and ENGLISH_HEAD.fullmatch(t.text) is not None)
                # a founder's first name: "Robert Bosch Stiftung", "Heinrich Böll Stiftung", "Simon Community"
                or (
                    toks[start - 1].has_mark("imię")
                    and toks[start - 1].is_upper_initial
                    and (start < i or ENGLISH_HEAD.fullmatch(t.text) is not None)
                )
                # a foreign name's lower-case word after its capitalised start: "Vilniaus miesto savivaldybė"
                or (
                    _foreign_lower(toks[start - 1])
                    and start >= 2
                    and _foreign_word(toks[start - 2], toks, start - 2)
                )
            )
        ):
            start -= 1
        while start < i and toks[start].text in CONNECTORS:
            start += 1
        if start > 0 and not taken[start - 1] and toks[start - 1].text in FORMS_BEFORE_NAME:
            start -= 1  # a legal form written before the name: "vzw Straatwerk Gent"
        opening = _lower_run_opening(toks, i)
        if opening is not None and not any(taken[opening:i]):
            start = min(start, opening)
        if (
            start > 0
            and not taken[start - 1]
            and toks[start - 1].is_word
            and toks[start - 1].text.isupper()
            and 3 <= len(toks[start - 1].text) <= 5
            and toks[start].start - toks[start - 1].end == 1
        ):
            start -= 1  # an acronym opening the name: "SOS Children's Villages Ukraine"
        end = i + 1
        if (
            end < len(toks)
            and not taken[end]
            and t.unknown
            and _name_word(toks[end])
            and toks[end].start - t.end <= 1
            and not _line_break_before(text, base, toks, end)
            and toks[end].lower not in FOREIGN_MODIFIERS
            and toks[end].text not in TITLES  # "starostka mestskej časti Ing. Lucia …"
            and not _holder_after(toks, start, end)  # "dyrektorką … Agency Nino Beridze"
        ):
            end += 1  # one word after a foreign head is the name's, Polish or not: "Nadace Krok"
        if (
            end + 1 < len(toks)
            and toks[end - 1].text in ("St", "Sv", "Ste")
            and toks[end].text == "."
            and _name_word(toks[end + 1])
            and not taken[end + 1]
        ):
            end += 2  # a saint's abbreviated title and name: "Vinzenzgemeinschaft St. Stephan"
        while (
            end < len(toks)
            and not taken[end]
            and (
                _foreign_word(toks[end], toks, end)
                or _foreign_lower(toks[end])
                or _patron_after(toks, end)
                or _slavic_connector(toks, end)
                or _slavic_region_noun(toks, end)
                or _comma_inside_foreign(toks, end)
                or (_only_odd_readings(toks[end]) and _slavic_connector(toks, end - 1))  # "… a rodiny"
                # an own name closing a foreign kind and its lower-case words: "Klub dôchodcov Terasa"
                or (
                    _foreign_lower(toks[end - 1])
                    and _name_word(toks[end])
                    and not _upper_word_at(toks, end + 1)
                    and not _line_break_before(text, base, toks, end)
                )
                or _word_before_connector(toks, end)
            )
            and toks[end].text not in TITLES
            and not _line_ends_name(text, base, toks, end)
            and not _holder_after(toks, start, end)
            and not (toks[end].lower in POLISH_AND and not _place_ends_name(toks, end + 1))
            and not (
                toks[end].lower in CONNECTORS - {"St", "Sankt", "Saint"}
                and not _name_goes_on(toks, end + 1)
                and not _name_goes_on_in_lower_case(toks, end + 1)
            )
        ):
            end += 1
        while end > i + 1 and toks[end - 1].text in CONNECTORS | {"."} - {"St"}:
            end -= 1
        end = _past_quoted_name(toks, end, taken)  # "Cooperativa Sociale «Il Girasole»"
        end = past_legal_form(_past_town_part(toks, to_legal_form(end), taken))
        # a part named after a dash is the name's ("Statutární město Opava – Odbor sociálních věcí",
        # "Magistrat der Stadt Wien – MA 24"), and so is a first part before one after a kind of body
        # ("z organizacją Secours Catholique – Caritas France")
        part_end = _part_after(toks, end, taken)
        end = past_legal_form(part_end) if part_end > end else end
        start = _part_before(toks, start, taken)
        if (
            start > 0
            and toks[start - 1].text == "("
            and (own := _own_name_after(toks, start - 1, text, base))
        ):
            # the whole own name in brackets: "(Fondation Abbé Pierre pour le …)"
            end = max(end, own[0] - 1 - 2 * _added_after_comma(toks, own[0] - 1))
        rendering = _span_text(text, base, toks, start, end)
        own = _own_name_after(toks, end, text, base) if ENGLISH_HEAD.search(rendering) else None
        if (
            own is not None
            and " " in own[1]
            and not ENGLISH_HEAD.search(own[1])
            and not any(taken[end : own[0]])
        ):
            # an English rendering and the body's own name in brackets: "the Flemish Housing Agency (Vlaams
            # Woningfonds)" is one body, under its own name
            emit("organisations", own[1], start, own[0], "own_name", (rendering,))
            take(start, own[0])
            i = own[0]
        elif start > 0 and toks[start - 1].lemmas & GATHERINGS and toks[start - 1].text.islower():
            i = end  # a gathering's title: "w konferencji Housing First Europe Hub w Lizbonie"
        elif end - start >= 2 or t.lower in {"caritas", "diakonie"} or "-" in t.text.strip("-"):
            emit_organisation(start, end, "foreign_head")  # also one compound word: "Y-Foundation"
            take(start, end)
            i = end
        else:
            i += 1

    # 2c''. a foreign name closed by its legal form, with or without a head word ("Volkssolidarität Leipzig
    # e.V.", "Arrels gGmbH")
    for m in LEGAL_FORM_AFTER.finditer(text):
        k = next((x for x, t in enumerate(toks) if t.start >= base + m.start(1)), None)
        if k is None or k == 0 or taken[k] or taken[k - 1]:
            continue
        if toks[k].text in FORMS_BEFORE_NAME and k + 1 < len(toks) and _name_word(toks[k + 1]):
            continue  # "… oraz vzw Kompas Hasselt": the form opens the next name (2d')
        start = k - (toks[k - 1].text == ",")  # "Naděje, z. s."
        while (
            start > 0
            and k - start < 6
            and not taken[start - 1]
            and not toks[start - 1].has_pos(*VERB_POS)  # "Gościliśmy Sdružení …, z. s."
            and toks[start - 1].lower not in POLISH_AND  # "CAW Limburg oraz| vzw …": the next name's
            and (
                _foreign_word(toks[start - 1], toks, start - 1)
                # a lower-case word after a capitalised foreign one: "Vzájemné soužití", "Podané ruce"
                or (
                    start > 1
                    and toks[start - 2].is_upper_initial
                    and _foreign_spelling(toks[start - 2])
                    and (_foreign_lower(toks[start - 1]) or toks[start - 1].text.islower() or start == k)
                )  # or the word before the form after such a one: "Kölner Tafel e.V."
                # lower-case words no Polish dictionary knows: "Vailla vakinaista asuntoa ry"
                or _foreign_lower(toks[start - 1])
                # a noun Polish knows opening the foreign name mid-sentence: "po południu Obdach Wien gGmbH"
                or (_foreign_word(toks[start], toks, start) and _opening_noun(toks, start - 1))
                # the seat closing the name: "Domov sociálnych služieb Poprad, n.o.", also after its prefix
                # ("Arbeiterwohlfahrt Bad Homburg e.V.")
                or (start >= k - 1 and _place_like(toks[start - 1]))
                or (start == k - 1 and toks[start - 1].text in TOWN_PREFIXES)
            )
        ):
            start -= 1  # "Vzájemné soužití o.p.s.", "Společnost Podané ruce o.p.s."
        while start < k and toks[start].text in CONNECTORS:
            start += 1
        end = k
        while end < len(toks) and toks[end].end <= base + m.end(1):
            end += 1
        if all(x.has_mark("nazwa_geograficzna") for x in toks[start:k] if x.is_word):
            # a seat alone before the form: the rest of a name read before it, past a joining word
            # ("Stowarzyszenie Freunde| von Gliwice e.V.") or none
            if start > 1 and toks[start - 1].text in CONNECTORS - POLISH_AND and taken[start - 2]:
                names.organisations = [
                    _continued(o, text, base, toks[end - 1].end) if o.end == toks[start - 2].end else o
                    for o in names.organisations
                ]
                take(start - 1, end)
            continue
        if start == k or not toks[start].is_upper_initial:
            continue
        emit_organisation(start, end, "foreign_head")
        take(start, end)

    # 2c-ter. a Czech or Slovak region by its own name, as a body: "Moravskoslezský kraj", "Žilinský samosprávny
    # kraj"
    for m in REGION_OWN_NAME.finditer(text):
        a, b = starts.get(base + m.start()), starts.get(base + m.end() - 1)
        if a is None or b is None or any(taken[a : b + 1]) or not toks[a].unknown:
            continue
        if a > 0 and toks[a - 1].lower in PLACE_PREPOSITIONS:
            continue  # "w Moravskoslezský kraj": a place
        emit_organisation(a, b + 1, "foreign_head")
        take(a, b + 1)

    # 2c'. a body's own name in brackets after a Polish rendering without a head word the patterns know
    # ("Niemieckiego Ubezpieczenia Wypadkowego (Deutsche Gesetzliche Unfallversicherung)")
    for k, t in enumerate(toks):
        if t.text != "(" or taken[k] or k == 0:
            continue
        own = _own_name_after(toks, k, text, base)
        if own is None or sum(x.is_word for x in toks[k + 1 : own[0] - 1]) < 2:
            continue
        start = k
        while start > 0 and k - start < 5 and not taken[start - 1] and _name_word(toks[start - 1]):
            start -= 1
        if start == k or any(taken[k : own[0]]):
            continue
        if not any(_common_word(x) for x in toks[start:k]):
            continue  # a person and the body they come from: "Herr Thomas Richter (Landkreis Görlitz)"
        emit("organisations", own[1], start, own[0], "own_name", (_span_text(text, base, toks, start, k),))
        take(start, own[0])

    # 2c-bis. a body's own name followed by its Polish rendering in brackets: "Grad Zagreb (Miasto Zagrzeb)"
    for k, t in enumerate(toks):
        if t.text != "(" or taken[k] or k < 2:
            continue
        close = next((j for j in range(k + 1, min(len(toks), k + 8)) if toks[j].text == ")"), None)
        inside = toks[k + 1 : close] if close else []
        if len(inside) < 2 or any(taken[k:close]) or not all(_name_word(x) for x in inside):
            continue
        if not any(
            x.lemmas & {"miasto", "gmina"} or _head_analysis(x, PARENT_HEADS) is not None for x in inside
        ):
            continue
        start = k
        while start > 0 and k - start < 5 and not taken[start - 1] and _name_word(toks[start - 1]):
            start -= 1
        own = toks[start:k]
        if (
            len(own) < 2
            or not any(_foreign_spelling(x) for x in own)
            or all(_foreign_spelling(x) for x in inside)
        ):
            continue
        rendering = _span_text(text, base, toks, k + 1, close)
        emit(
            "organisations",
            _span_text(text, base, toks, start, k),
            start,
            close + 1,
            "own_name",
            (rendering,),
        )
        take(start, close + 1)

    # 2d. an acronym after "organizacja (pozarządowa)", "fundacja", "stowarzyszenie"; an acronym with its
    # city in the city's own language ("OCMW Gent", "CPAS Bruxelles")
    for k, t in enumerate(toks):
        if taken[k] or not (t.text.isupper() and len(t.text) >= 3 and t.unknown):
            continue
        if (
            k + 1 < len(toks)
            and not taken[k + 1]
            and toks[k + 1].start - t.end == 1
            and seat_in_name(gaz, toks[k : k + 2])
        ):
            emit_organisation(k, k + 2, "acronym_city")
            take(k, k + 2)
            continue
        if (
            k + 1 < len(toks)
            and not taken[k + 1]
            and toks[k + 1].start - t.end == 1
            and toks[k + 1].unknown
            and _name_word(toks[k + 1])
            and ("-" in toks[k + 1].text.strip("-") or not _upper_word_at(toks, k + 2))
        ):
            # an acronym with its region or town in its own language: "CAW Oost-Vlaanderen", "CAW Limburg" (not
            # a person's given name and surname after it)
            emit_organisation(k, k + 2, "acronym_city")
            take(k, k + 2)
            continue
        if (
            k + 2 < len(toks)
            and toks[k + 1].lower in ("w", "we")
            and not taken[k + 2]
            and toks[k + 2].is_upper_initial
            and toks[k + 2].has_mark("nazwa_geograficzna")
            and gaz is not None
            and _likeliest_country(gaz, toks[k + 2]) in ("PL", None)
        ):
            # a Polish body's acronym with its seat: "GOPS w Zabierzowie", "PCPR w Jaśle"
            emit_organisation(k, k + 3, "acronym_city")
            take(k, k + 3)
            continue
        before = [x.lower for x in toks[max(0, k - 3) : k]]
        if any(b.startswith(ACRONYM_CUES) for b in before):
            end = k + 1
            if k + 2 < len(toks) and toks[k + 1].text in ("–", "-", "—") and _foreign_spelling(toks[k + 2]):
                end = k + 3  # the acronym and its name: "EJF – Lazarus"
                while end < len(toks) and toks[end].is_upper_initial and _foreign_spelling(toks[end]):
                    end += 1
            emit_organisation(k, end, "acronym")
            take(k, end)

    # 2d'. a Belgian legal form written before the name: "vzw Straatverplegers", "asbl Les Petits Riens"
    for k, t in enumerate(toks):
        if taken[k] or t.text not in FORMS_BEFORE_NAME:
            continue
        end = k + 1
        while end < len(toks) and end - k <= 4 and not taken[end] and _name_word(toks[end]):
            end += 1
        if end > k + 1:
            emit_organisation(k, end, "foreign_head")
            take(k, end)

    # 2e. a commune, county or city district named in lower case before its proper name ("odwiedzili gminę
    # Tłuszcz oraz powiat Mońki", "gminę i powiat Mońki", "z obwodem miejskim Brno-Sever"): the body
    for k, t in enumerate(toks):
        if taken[k] or t.is_upper_initial or _head_analysis(t, LOWER_CASE_BODIES) is None:
            continue
        if k > 0 and toks[k - 1].lower in PLACE_PREPOSITIONS:
            continue
        if (
            k > 0
            and toks[k - 1].lower in ("z", "ze", "spod")
            and all("inst" not in a.cases for a in t.analyses)
        ):
            continue  # "partnerzy z powiatu Görlitz": where they come from; "z gminą X" is the body
        if k + 1 < len(toks) and toks[k + 1].lemmas & RELATION_ADJECTIVES:
            continue  # "miastem partnerskim Krakowa": a relation between towns, not a body's name
        if t.lemmas & {"miasto"} and (
            t.lower not in TOWN_AS_BODY
            or COOPERATION_FRAME.search(text, max(0, t.start - base - 200), t.start - base)
        ):
            continue
        heads, n = [t], k + 1
        if n + 1 < len(toks) and toks[n].lower == "i" and _head_analysis(toks[n + 1], LOWER_CASE_BODIES):
            heads, n = [t, toks[n + 1]], n + 2
        adjective = ""
        if (
            n < len(toks)
            and toks[n].text.islower()
            and _agreeing_cases(toks[n], _head_analysis(t, LOWER_CASE_BODIES))
        ):
            gender = _head_analysis(t, LOWER_CASE_BODIES).gender
            adjective = (
                _nominative_adj(toks[n], gender).capitalize() + " "
            )  # "obwodem miejskim" -> "Obwód Miejski"
            n += 1
        m = n
        while (
            m < len(toks)
            and not taken[m]
            and _name_word(toks[m])
            and (toks[m].has_mark("nazwa_geograficzna") or toks[m].unknown or not toks[m].has_pos("adj"))
        ):
            m += 1
        if m == n or m - n > 3:
            continue
        proper = _span_text(text, base, toks, n, m)
        if len(heads) == 1 and m + 1 < len(toks) and toks[m].text == "(" and taken[m + 1]:
            # "gmina Trondheim (Trondheim kommune)": a rendering of the own name found in the brackets
            rendering = f"{_head_analysis(t, LOWER_CASE_BODIES).lemma.capitalize()} {adjective}{proper}"
            names.organisations = [
                replace(o, aliases=(*o.aliases, rendering)) if o.start == toks[m + 1].start else o
                for o in names.organisations
            ]
            take(k, m)
            continue
        for h in heads:
            lemma = _head_analysis(h, LOWER_CASE_BODIES).lemma
            emit("organisations", f"{lemma.capitalize()} {adjective}{proper}", k, m, "commune")
        take(k, m)

    # 2f. a kind of body in lower case before its name, which stays in the nominative: "spółdzielni socjalnej
    # Kuchnia Smaków", "fundacji Nowy Start", "stowarzyszenia Jednota dôchodcov Slovenska": the name as written
    for k, t in enumerate(toks):
        if taken[k] or not t.text.islower() or _head_analysis(t, NAMED_KINDS) is None:
            continue
        n = k + 1
        while n < len(toks) and n - k <= 2 and toks[n].text.islower() and toks[n].has_pos("adj"):
            n += 1  # "spółdzielni socjalnej", "organizacji pozarządowej"
        if n == k + 1 and t.lemmas & VERBAL_KINDS and not (k > 0 and toks[k - 1].has_pos("adj")):
            continue  # "przy organizacji Festiwalu": the organising of something ("kolońskiej organizacji X" a body)
        end = n
        while (
            end < len(toks)
            and not taken[end]
            and (
                _name_word(toks[end])
                or (end > n and _foreign_lower(toks[end]))  # "Jednota dôchodcov Slovenska"
                or (end > n and _slavic_connector(toks, end))  # "Áno pre život"
                or (end > n and toks[end].text in CONNECTORS - {"i", "-"} and _name_goes_on(toks, end + 1))
            )
            and not _line_break_before(text, base, toks, end)
        ):
            end += 1
        while end > n and not (_name_word(toks[end - 1]) or _foreign_lower(toks[end - 1])):
            end -= 1
        if end == n or (end < len(toks) and taken[end] and _name_word(toks[end])):
            continue  # no name, or one that another reading found ("stowarzyszenia Tafel Bad Kreuznach e.V.")
        first_cases = {c for a in toks[n].analyses for c in a.cases}
        if first_cases and "nom" not in first_cases:
            continue  # "fundacja Skarbu Państwa": whose it is, in the genitive, not its name
        if (
            _person_begins(toks, n)
            or (toks[n].has_mark("imię") and n + 1 < end and toks[n + 1].lower in NAME_PARTICLES)
            or (all(_place_word(gaz, x) for x in toks[n:end]) and not all(x.unknown for x in toks[n:end]))
        ):
            # "prezes fundacji Michał Sowiński", "Jan de Vries": a person; "stowarzyszenia Krakowa" (a town the
            # dictionary declines; one it does not know, "organizacji Gubbio", is the body's own name)
            continue
        emit_organisation(n, end, "named_kind")
        take(k, end)

    # 2g. a foreign body's own name written in lower case ("neunerhaus", "wieder wohnen"), where the sentence
    # says it is a body: after a kind of body in lower case, "przez", "współpracy z", "gospodarzem było", or
    # before a dash and a kind of body ("… – organizacja prowadząca …")
    for k in range(1, len(toks)):
        if taken[k] or taken[k - 1] or not _lower_name_word(toks[k]):
            continue
        end = k + 1
        while end < len(toks) and end - k < 3 and not taken[end] and _lower_name_word(toks[end]):
            end += 1
        if end < len(toks) and toks[end].is_word and toks[end].start - toks[end - 1].end <= 1:
            continue  # a lower-case word of a longer phrase
        if not any(_lower_own_word(x) for x in toks[k:end]):
            continue  # Polish words: "gospodarzem było miasto"
        if _lower_name_cue(toks, k) or (
            end + 1 < len(toks)
            and toks[end].text in ("–", "—", "-")
            and _head_analysis(toks[end + 1], LOWER_NAME_KINDS) is not None
        ):
            emit_organisation(k, end, "foreign_after_cue")
            take(k, end)

    # 3. persons
    offsets = [t.start for t in toks]
    line_starts = frozenset(
        bisect.bisect_left(offsets, base + m + 1)
        for m in _newlines(text)
        if toks and base + m + 1 <= offsets[-1]
    )
    k = 0
    while k < len(toks):
        if couple := couple_at(toks, k, taken):
            for a, b, value in couple:
                emit("persons", value, a, b, 0.6)
            take(k, k + 4)
            k += 4
            continue
        got = person_at(toks, k, taken, ORG_HEADS, line_starts)
        if got is None:
            k += 1
            continue
        a, b, value, sure = got
        if not _page_credit(text, toks[a].start - base, toks[b - 1].end - base):
            emit("persons", nominative_given(value), a, b, sure)
        take(a, b)
        k = b
    # a name between persons of a list that the dictionary does not know ("Wasyl Hnatiuk, Natalija
    # Szewczenko i Ihor Połiszczuk"): a person too
    spans = [(toks_at(n.start), toks_at(n.end - 1) + 1) for n in names.persons]
    org_ends = {
        starts[n.start]: starts[n.end - 1] + 1
        for n in names.organisations
        if n.start in starts and n.end - 1 in starts
    }
    for a, b in spans:
        if b + 1 < len(toks) and toks[b].lower in ("z", "ze") and b + 1 in org_ends:
            b = org_ends[b + 1]  # the next item after the person's body: "M. Nowak z Uniwersytetu X oraz …"
        for k in (past_aside(toks, b) + 1, a - 3):
            got = listed_pair(toks, k, taken, ORG_HEADS, (a, b))
            if got is not None:
                emit("persons", nominative_given(got[2]), got[0], got[1], got[3])
                take(got[0], got[1])

    # 4. a foreign name after "przez" / "organizacji" that no head word announced ("przez Homeless Link"), or after
    # a person and "z" ("Jean Dupont z Emmaüs Lyon")
    person_ends = {starts[n.end - 1] + 1 for n in names.persons if n.end - 1 in starts}
    for k in range(1, len(toks)):
        if taken[k] or not toks[k].is_upper_initial or not toks[k].is_word:
            continue
        if not toks[k].unknown and not (  # a word Polish knows opening a foreign name: "Habitat et Humanisme"
            k + 2 < len(toks) and toks[k + 1].text in CONNECTORS - {"i", "-", "&"} and toks[k + 2].unknown
        ):
            if not (  # or the next item of a list of bodies: "…, Simon Community Scotland oraz …"
                k + 1 < len(toks)
                and (
                    (toks[k + 1].unknown and _name_word(toks[k + 1]))
                    or _org_listed_after(names.organisations, toks, k + 1)
                )
                and _org_listed_before(names.organisations, toks, k)
            ):
                continue
        if (toks[k].lower in HONORIFICS and not toks[k].text.isupper()) or toks[k].text in TITLES:
            continue  # "reprezentowali Herr Dr. Klaus Meyer": a person's title (not an acronym: "KS – …")
        if not (
            toks[k - 1].lower in ("przez", "partnerem", "partnerami")
            or (toks[k - 1].lower in ("z", "ze") and k - 1 in person_ends)
            or (toks[k - 1].lemmas & GENERIC_ORG_NOUNS and not toks[k - 1].is_upper_initial)
            or (toks[k - 1].lemmas & GROUP_NOUNS and not toks[k - 1].is_upper_initial)
            or (toks[k - 1].lemmas & GATHERINGS and not toks[k - 1].is_upper_initial)
            or _org_listed_before(names.organisations, toks, k)
        ):
            continue  # after a capitalised "Związku", "Stowarzyszenia" a name is a person's ("Prezes Związku Hans Weber")
        end = k + 1
        while end < len(toks) and not taken[end] and toks[end].start - toks[end - 1].end <= 1:
            t2 = toks[end]
            if t2.is_word and (
                t2.is_upper_initial
                or _foreign_lower(t2)
                or (_foreign_head(t2.text) and _foreign_spelling(toks[end - 1]))  # "Slezská diakonie"
                or (_only_odd_readings(t2) and _slavic_connector(toks, end - 1))  # "… a rodiny"
            ):
                end += 1  # "Armáda spásy"
            elif t2.text in CONNECTORS - {"i", "-"} and _name_goes_on(toks, end + 1):
                end += 1  # "Les Petits Frères des Pauvres", "Armáda spásy v ČR"
            elif _slavic_connector(toks, end) or _slavic_region_noun(toks, end):
                end += 1  # "… sociálnych vecí a rodiny", "Krajského úřadu Moravskoslezského kraje"
            elif _comma_inside_foreign(toks, end):
                end += 1
            else:
                break
        if toks[k - 1].lemmas & GATHERINGS and (end - k > 1 or toks[k].has_mark("nazwa_geograficzna")):
            continue
        if all(_place_word(gaz, x) for x in toks[k:end] if x.is_word):
            continue  # a seat and a country after a listed name: "… e.V., München Niemcy" (a table's cells)  # after a gathering only its organiser's one-word name ("konferencji Eurochild"), not a title
        # one foreign word is a name after a kind of organisation ("organizacji Naděje") or a gathering, not
        # after "przez"
        if toks[k].text.isupper() or end - k >= 2 or toks[k - 1].lemmas & (GENERIC_ORG_NOUNS | GATHERINGS):
            emit_organisation(k, end, "foreign_after_cue")
            take(k, end)
        elif _org_listed_before(names.organisations, toks, k) and (
            _org_listed_after(names.organisations, toks, end)
            or (_foreign_spelling(toks[k]) and (end == len(toks) or toks[end].text in (".", ";", ")")))
        ):
            # one word between two bodies of a list: "Caritas …, Emausu, Banku Żywności …"; a word spelt in
            # another language closing one: "… Magistrát hlavního města Prahy i Naděje."
            emit("organisations", _one_word_nominative(toks[k]), k, end, "foreign_after_cue")
            take(k, end)

    # 5. the items of a list or table of bodies that no head word announced ("• Cyrenians", "| Merchants Quay
    # Ireland |"), when another item of it is a body
    if "\n" in text:
        for k, end, inside, rendering in _list_item_names(text, base, toks, taken, names, gaz):
            own = _span_text(text, base, toks, k, end)
            if inside is not None and not rendering:  # the whole name of a body found cut
                names.organisations = [
                    replace(o, value=own, start=toks[k].start) if o is inside else o
                    for o in names.organisations
                ]
            elif inside is not None:  # an own name before its Polish rendering in brackets: one body
                names.organisations = [
                    replace(
                        o,
                        value=own,
                        start=toks[k].start,
                        aliases=(o.value,),
                        confidence=CONFIDENCE["own_name"],
                    )
                    if o is inside
                    else o
                    for o in names.organisations
                ]
            else:
                emit_organisation(k, end, "list_item")
            take(k, end)

    # a department named alone belongs to the organisation the text names ("delegacja Kijowskiej Miejskiej
    # Administracji …, na czele z zastępcą dyrektora Departamentu …"); alone it stands for its organisation
    if not names.organisations:
        names.organisations += parts
    names.organisations = _named_before_abbreviations(names, text, base)
    # a body named right after a programme is the programme's owner: "programu RITA – Przemiany w regionie
    # Polsko-Amerykańskiej Fundacji Wolności"
    names.organisations = [
        o
        for o in names.organisations
        if not any(
            p.end <= o.start and not text[p.end - base : o.start - base].strip(' ”“"»')
            for p in names.programmes
        )
    ]
    _drop_programme_agencies(names, text, base)
    names.organisations = [
        o
        for o in names.organisations
        if not _in_name_bar(text, o.start - base, o.end - base)
        and not RUN_BY.match(text, o.end - base)
        and not ATTACHED_TO.search(text, max(0, o.start - base - 40), o.start - base)
        and not _in_disclaimer(text, o.start - base, o.end - base)
    ]
    names.organisations = _home_by_acronym(_joined_at_dashes(names.organisations, text, base), text, base)
    names.organisations = _renderings_in_brackets(names.organisations, text, base)
    names.organisations = _expanded_in_brackets(names.organisations, text, base)
    for fld in ("organisations", "units", "projects", "programmes", "persons"):
        setattr(names, fld, _dedupe(getattr(names, fld)))
    # a network or project named by its kind and title ("Sieć Age-Friendly Neighbourhoods", "ROOF network") is
    # the project
    titles = {_folded(p.value) for p in names.projects}
    names.organisations = [o for o in names.organisations if not _network_of(o.value, titles)]
    return names


def _network_of(value: str, titles: set[str]) -> bool:
    """The name is a kind of network or project and a project's title, before or after it."""
    words = value.split()
    return len(words) > 1 and any(
        words[at].lower() in NETWORK_KINDS and _folded(" ".join(rest)) in titles
        for at, rest in ((0, words[1:]), (-1, words[:-1]))
    )


# a list item's mark: a bullet, a dash or a number ("• ", "- ", "3. ", "3) ", "3 " before a table's cells)
LIST_MARK = re.compile(r"[ \u00a0]*(?:[•\-–—*·▪►]|\d{1,2}[.)]?)[ \u00a0]+")
# a label before a dash opening a programme's line: a weekday, a time, a date ("Środa – ", "10:00 – ")
LABEL_MARK = re.compile(
    r"[ \u00a0]*(?:[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]{2,11}\.?|\d{1,2}[.:]\d{2}(?:[ \u00a0]*[–-][ \u00a0]*\d{1,2}[.:]\d{2})?)"
    r"[ \u00a0]+[–—-][ \u00a0]+"
)
# what ends a listed name: its seat, country, role or description after a comma, bracket, dash or colon
ITEM_ENDS = {",", "(", "–", "—", "-", ":", ";", "|", "/"}


def _list_item_names(
    text: str, base: int, toks: list[Token], taken: list[bool], names: Names, gaz
) -> list[tuple[int, int, Name | None, bool]]:
    """(first token, end, a body found inside or None, whether that body is the name's Polish rendering in
    brackets) of the foreign names that open the items of a list or the cells of a table whose other items
    name bodies (not of a list of persons: "• Ruth Owen – Liverpool City Council"); two names joined by "oraz"
    are two items."""
    orgs = names.organisations
    index = {t.start: k for k, t in enumerate(toks)}
    blocks: list[list[tuple[int, int, int]]] = [[]]  # per block: (column, item start, item end) offsets
    offset = base
    for line in text.split("\n"):
        if "|" in line:
            cells, at = line.split("|"), offset
            for column, cell in enumerate(cells):
                blocks[-1].append((column, at, at + len(cell)))
                at += len(cell) + 1
        elif mark := LIST_MARK.match(line) or LABEL_MARK.match(line):
            blocks[-1].append((0, offset + mark.end(), offset + len(line)))
        elif blocks[-1]:
            blocks.append([])
        offset += len(line) + 1
    found = []
    for block in blocks:
        columns = {c for c, a, b in block if any(a <= o.start < b for o in orgs)}
        if any(
            a <= o.start < b and not text[a - base : o.start - base].strip()
            for _, a, b in block
            for o in names.persons
        ):
            continue  # a list of persons and their bodies
        for column, a, b in block:
            if column not in columns or any(o.start == a for o in orgs):
                continue
            k = next((index[x] for x in range(a, b) if x in index), None)
            while k is not None:
                end, name = _item_name(toks, k, b, taken, orgs, gaz)
                if name is not None:
                    found.append(name)
                k = end + 1 if end < len(toks) and toks[end].text in POLISH_AND else None
    return found


def _item_name(
    toks: list[Token], k: int, b: int, taken: list[bool], orgs: list[Name], gaz
) -> tuple[int, tuple[int, int, Name | None, bool] | None]:
    """The end of the words at token k of a list item ending at text offset b, and the foreign name they make
    if they make one: (k, end, a body found inside it or its rendering after it, whether that is its
    rendering)."""
    end = k
    while end < len(toks) and toks[end].end <= b and toks[end].text not in ITEM_ENDS:
        t = toks[end]
        if (
            not (
                t.is_upper_initial
                or t.text in CONNECTORS | FOREIGN_JOINS
                or _foreign_lower(t)
                or (t.text.islower() and len(t.text) <= 3 and end > k and toks[end - 1].is_upper_initial)
            )
            or t.text in POLISH_AND
        ):
            break
        end += 1
    while end > k and toks[end - 1].text.islower() and len(toks[end - 1].text) <= 3:
        end -= 1  # a joining word closes no name
    end = _past_quoted_name(toks, end, taken)  # "Благодійна організація «Дім Милосердя»"
    words = [t for t in toks[k:end] if t.is_word]
    closed = end >= len(toks) or toks[end].end > b or toks[end].text in ITEM_ENDS | POLISH_AND
    if (
        not words
        or not closed
        or not toks[k].is_upper_initial
        or toks[k].text[:1].isdigit()
        or not any(t.unknown or _foreign_spelling(t) for t in words)
        or any(t.has_pos(*VERB_POS) for t in words)
        or all(_place_word(gaz, t) for t in words)
        or (len(words) == 1 and (len(words[0].text) < 4 or words[0].text.isupper()))
    ):
        return end, None
    rendering = None
    if end + 1 < len(toks) and toks[end].text == "(":
        rendering = next((o for o in orgs if o.start == toks[end + 1].start), None)
    if any(toks[end - 1].end < o.start < b for o in orgs if o is not rendering):
        return end, None  # a person and the body named after them: "Mette Kjærgaard Holm – Odense Kommune"
    if any(taken[k:end]):
        # a body found inside the item's name, cut at its lower-case words: "Servizio Adulti in Difficoltà
        # del Comune di Torino" (found: "Difficoltà del Comune di Torino")
        inner = next((o for o in orgs if toks[k].start < o.start and o.end == toks[end - 1].end), None)
        first = next((x for x in range(k, end) if taken[x]), end)
        if inner is None or rendering is not None or toks[first].start != inner.start:
            return end, None
        return end, (k, end, inner, False)
    if rendering is not None:
        return end, (k, end, rendering, True) if _own_language(toks[k:end]) else None
    return end, (k, end, None, False)


def _own_language(words: list[Token]) -> bool:
    """Words of a name in its own language rather than Polish: most unknown to the dictionary."""
    return sum(t.unknown for t in words if t.is_word) * 2 > sum(t.is_word for t in words)


def _newlines(text: str):
    """The offsets of the line breaks in `text`."""
    at = text.find("\n")
    while at >= 0:
        yield at
        at = text.find("\n", at + 1)


def _drop_programme_agencies(names: Names, text: str, base: int) -> None:
    """A programme's agency ("Narodowej Agencji Programu Erasmus+ (Fundacja Rozwoju Systemu Edukacji)") runs
    the programme and takes no part; the programme named only inside its agency's name is no programme of
    the event."""

    def between(a: int, b: int) -> str:
        return text[a - base : b - base] if a <= b else "x"

    for org in [o for o in names.organisations if o.value.split()[-1].lower() in ("programu", "programme")]:
        prog = next((p for p in names.programmes if not between(org.end, p.start).strip()), None)
        if prog is None:
            continue
        names.programmes.remove(prog)
        names.organisations = [
            o for o in names.organisations if o is not org and between(prog.end, o.start).strip() != "("
        ]


def _home_by_acronym(orgs: list[Name], text: str, base: int) -> list[Name]:
    """A name followed by the home's acronym in brackets is the home's rendering: "the Municipal Social
    Welfare Centre (MOPS)"."""
    homes = {o.start for o in orgs if o.default_home}
    return [
        replace(o, default_home=True)
        if not o.default_home
        and (m := ACRONYM_IN_BRACKETS.match(text, o.end - base))
        and base + m.start(1) in homes
        else o
        for o in orgs
    ]


ACRONYM_IN_BRACKETS = re.compile(r"\s*\((\w+)\)")
# a body's abbreviation in brackets after its name, and the stretch of the line the name may take before it
ABBREVIATION = re.compile(r"\((?P<abbr>[A-ZÀ-ÞĄĆĘŁŃŚŹŻ][A-ZÀ-ÞĄĆĘŁŃŚŹŻ]+(?: [A-ZÀ-ÞĄĆĘŁŃŚŹŻ]+)*)\)")
NAME_BOUNDS = "\n:;.•("


def _named_before_abbreviations(names: Names, text: str, base: int) -> list[Name]:
    """A name the abbreviation in brackets after it spells ("Chambre Régionale de l'Économie Sociale et
    Solidaire Hauts-de-France (CRESS HDF)", "Dublin Region Homeless Executive (DRHE)"): an organisation under
    its full name, the abbreviation no organisation of its own. Lists of partners name bodies so."""
    orgs = names.organisations
    if "(" not in text:
        return orgs
    others = [n for n in names.all() if n.field != "organisations"]
    for m in ABBREVIATION.finditer(text):
        begin = max(max(text.rfind(c, 0, m.start()) for c in NAME_BOUNDS) + 1, m.start() - 200)
        span = _spelt_span(text, begin, m.start(), m["abbr"]) if m.start() - begin >= 3 else None
        if span is None:
            continue
        a, b = base + span[0], base + span[1]
        if any(n.start < b and a < n.end for n in others):
            continue  # a programme's or a person's, not a body's
        orgs = [
            o
            for o in orgs
            if o.value != m["abbr"] and not (base + m.start() <= o.start and o.end <= base + m.end())
        ]
        if not any(o.start <= a and b <= o.end for o in orgs):
            name = _normalise_quotes(text[span[0] : span[1]])
            orgs.append(Name("organisations", name, a, b, (m["abbr"],), CONFIDENCE["own_name"]))
    return sorted(orgs, key=lambda o: o.start)


BRACKETED = re.compile(r"[ \u00a0]*\(([^()\n]{4,150})\)")


def _expanded_in_brackets(orgs: list[Name], text: str, base: int) -> list[Name]:
    """A body named by its abbreviation (and seat) with its full name in brackets after it, under the full name:
    "CDR Bardejov (Centrum pre deti a rodiny Bardejov)" (the full name's words, less the seat, spell it)."""
    out = []
    for o in orgs:
        abbr, *seat = o.value.split()
        written = text.startswith(o.value, o.start - base)  # an abbreviation is written as it is named
        m = (
            BRACKETED.match(text, o.start - base + len(o.value))
            if written and abbr.isupper() and len(abbr) >= 2
            else None
        )
        if m is not None:
            words = re.findall(r"[^\W\d_]+", m.group(1))
            if seat and words[-len(seat) :] == seat:
                words = words[: -len(seat)]
            if words and words[0][:1].isupper() and _spells(words, _folded(abbr)):
                o = replace(
                    o, value=m.group(1).strip(), end=max(o.end, base + m.end()), aliases=(*o.aliases, o.value)
                )
        out.append(o)
    return out


def _spelt_span(text: str, start: int, end: int, abbr: str) -> tuple[int, int] | None:
    """(start, end) of the shortest run of words ending at `end` whose capitalised words, with any lower-case
    ones, spell `abbr`'s letters in order, beginning with a capitalised word."""
    letters = _folded(abbr.replace(" ", ""))
    words = [(w.start(), w.group()) for w in re.finditer(r"[^\W\d_]+", text[start:end])]
    stops = [len(words)]  # the name's end, or before a legal form or a kind in lower case ("…, příspěvková
    while (
        stops[-1] and not words[stops[-1] - 1][1][:1].isupper() and len(words) - stops[-1] < 3
    ):  # organizace")
        stops.append(stops[-1] - 1)
    end -= len(text[start:end]) - len(text[start:end].rstrip(" ,–-"))
    for stop in stops:
        for first in range(stop - 1, -1, -1):
            if words[first][1][:1].isupper() and _spells([w for _, w in words[first:stop]], letters):
                return start + words[first][0], end
    return None


def _spells(words: list[str], letters: str) -> bool:
    """Whether `words` spell `letters`: every capitalised word gives its first letter, a lower-case one may."""
    if not words:
        return not letters
    first = _folded(words[0][:1])
    if letters and first == letters[0] and _spells(words[1:], letters[1:]):
        return True
    return not words[0][:1].isupper() and _spells(words[1:], letters)


def _folded(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(c))


def _joined_at_dashes(orgs: list[Name], text: str, base: int) -> list[Name]:
    """A foreign body's name and the name after a dash found apart, as one: "Secours Catholique – Caritas
    France" (the second found by its Polish head word, the first after "organizacją"); a body and its branch
    after a dash: "Towarzystwo Pomocy … – Koło Krakowskie"."""
    by_end = {o.end: o for o in orgs}
    joined: dict[Name, Name] = {}  # the first part -> the whole
    for o in orgs:
        first = by_end.get(o.start - 3)
        if (
            first is not None
            and (
                all(unknown_word(w) for w in first.value.split())
                or o.value.split()[0].lower() in BRANCH_NOUNS
            )
            and first not in joined
            and text[first.end - base : o.start - base] in (" – ", " — ")
        ):
            joined[first] = replace(first, value=f"{first.value} – {o.value}", end=o.end)
            joined[o] = None
    return [joined.get(o, o) for o in orgs if joined.get(o, o) is not None]


def _renderings_in_brackets(orgs: list[Name], text: str, base: int) -> list[Name]:
    """A body's own name and its Polish rendering right after it in brackets, or the other way round, found
    as two names ("Comune di Bologna (Gminy Bolonia)", "Uniwersytetu w Granadzie (Universidad de Granada)"):
    one body under its own name, the rendering its alias."""
    out = list(orgs)
    for a in orgs:
        for b in orgs:
            if a is b or a not in out or b not in out:
                continue
            if (
                text[a.end - base : b.start - base].strip() != "("
                or text[b.end - base : b.end - base + 1] != ")"
            ):
                continue
            if " " not in a.value or " " not in b.value or _foreign_name(a.value) == _foreign_name(b.value):
                continue
            own, rendering = (a, b) if _foreign_name(a.value) else (b, a)
            merged = replace(own, start=a.start, end=b.end + 1, aliases=(*own.aliases, rendering.value))
            out[out.index(own)] = merged
            out.remove(rendering)
    return out


def _foreign_name(value: str) -> bool:
    """Whether most capitalised words of a name are unknown to Polish ("Comune di Bologna", not "Gmina
    Bolonia" or "Uniwersytet w Granadzie")."""
    words = [t for t in tokenize(value) if t.is_word and t.is_upper_initial]
    return sum(t.unknown for t in words) * 2 > len(words)


def _dedupe(items: list[Name]) -> list[Name]:
    """One name once; a shorter mention of a longer name found too ("Zespołu Zadaniowego") is the same, and
    so is another name of a body given with its own ("Stowarzyszenie Pomocy" of "Czeskie Stowarzyszenie
    Pomocy (Sdružení …)")."""
    if len(items) < 2:
        return list(items)
    keys = [_base_key(n.value) for n in items]
    other_names = {_base_key(a) for n in items for a in n.aliases}
    out, seen = [], set()
    for x, (n, k) in enumerate(zip(items, keys, strict=True)):
        if any(o != k and o.startswith(k + " ") for o in keys):
            continue
        if n.field == "organisations" and " " in k and any(o != k and f" {k} " in f" {o} " for o in keys):
            continue  # a rendering inside the own name found with it: "Abbé Pierre" of "Fondation Abbé Pierre …"
        if len(k) >= 12 and any(o != k and o.startswith(k) for o in keys):
            continue  # cut by the excerpt's end: "Europejskiego Funduszu Społecz"
        if any(_same_stems(k, o) for o in keys[:x]):
            continue  # a foreign name with a Polish case ending beside its own form: "Charity Opava"
        if not n.aliases and any(a == k or a.endswith(" " + k) for a in other_names):
            continue
        if any(o is not n and _acronym_of(n.value, o.value) for o in items):
            continue  # "MOPS w Lubaniu" beside "Miejski Ośrodek Pomocy Społecznej w Lubaniu"
        if n.field == "persons" and any(_initial_of(n.value, o.value) for o in items):
            continue  # "A. Bielecka" after "Anna Bielecka"
        if k not in seen:
            seen.add(k)
            out.append(n)
    return out


def _initial_of(short: str, full: str) -> bool:
    """Whether `short` is `full` by its initial: "A. Bielecka" of "Anna Bielecka", "M.-C. Dubois" of
    "Marie-Claire Dubois"."""
    initials, _, surname = short.partition(". ")
    given = full.rsplit(" ", 1)[0]
    return (
        initials.replace(".", "").split("-") == [part[:1] for part in given.split("-")]
        and "." not in full
        and full.rsplit(" ", 1)[-1] == surname
        and full != short
    )


def _owner(key: str, owners: set[str]) -> bool:
    """A programme's owner, also without the country's letters: "Ministerstwo Spraw Zagranicznych" of "… RP"."""
    return key in owners or any(o.startswith(key + "-") and len(o) - len(key) <= 4 for o in owners)


def _page_credit(text: str, a: int, b: int) -> bool:
    """A name at text[a:b] that credits the page, not the event: a press contact ("Anna Kruk, rzecznik
    prasowy, tel. …"), a byline alone on its line above a date or under the heading ("Anna Nowak" / "17 maja
    2018, 09:15"), or a
    name the page also credits with a photo or the text ("Fot. Anna Nowak")."""
    start = text.rfind("\n", 0, a) + 1
    end = text.find("\n", b)
    end = len(text) if end < 0 else end
    if CONTACT.search(text, start, end):
        return True
    if text[start:end].strip() == text[a:b] and (
        text[end + 1 : end + 2].isdigit() or start == text.find("\n") + 1
    ):
        return True  # alone on its line above a date, or right under the heading
    if text[start:end].strip() == text[a:b] and _signature(text, start, end):
        return True
    name = text[a:b].lower()
    return any(text[e : e + len(name)].lower() == name for e in _credit_ends(text))


def _signature(text: str, start: int, end: int) -> bool:
    """The line text[start:end] (a name) signs the text: under a short line opening with a role ("Prezes
    Zarządu", "Kierownik GOPS") and followed by no more prose."""
    above = text[:start].rstrip().rpartition("\n")[2].strip()
    words = above.split()
    if not words or len(above) > SHORT_LINE // 2 or words[0].lower().strip(".,:") not in ROLES:
        return False
    return all(len(line) <= PROSE_LINE for line in text[end:].split("\n"))


# a facility the text says another body runs ("Seniorenbüro X, prowadzone przez Y"): shown, not taking part
RUN_BY = re.compile(r",?\s+prowadzon\w*\s+przez\s")
# the body another works at or under ("klub działający przy Zespole Szkół nr 2"): its seat, not a participant
ATTACHED_TO = re.compile(r"\sdziałając\w*\s+przy\s+$")
FUNDED_WITH_SUPPORT = re.compile(r"(?i)finansowan\w*\s+(?:\w+\s+){0,3}przy\s+wsparciu\s+(?:finansowym\s+)?$")
# the separators of a bar of names under a text (sponsors, partners, links): "A | B | C", "A · B · C"
BAR_SEPARATOR = re.compile(r"[ \u00a0]+[|·•][ \u00a0]+")
# a bar's label: "Partnerzy: ", "Projekt wspierają: "
BAR_LABEL = re.compile(r"^[A-ZĄĆĘŁŃÓŚŹŻ][\w ]{0,30}:[ \u00a0]+")


def _in_disclaimer(text: str, a: int, b: int) -> bool:
    """The name at a..b stands in a funding disclaimer's sentence ("… nie odzwierciedlają poglądów Komisji
    Europejskiej, która nie ponosi odpowiedzialności …"): a funder's legal formula, not a party to the event."""
    if FUNDED_WITH_SUPPORT.search(text, max(0, a - 80), a):
        return True  # the formula's first sentence: "Projekt został sfinansowany przy wsparciu Komisji …"
    start = max(text.rfind(". ", 0, a), text.rfind("\n", 0, a)) + 1
    ends = [e for e in (text.find(". ", b), text.find("\n", b)) if e >= 0]
    return chrome.DISCLAIMER.search(text, start, min(ends) if ends else len(text)) is not None


def _in_name_bar(text: str, a: int, b: int) -> bool:
    """A name at text[a:b] that fills a cell of a bar of three or more names ("Partnerzy: Urząd Miasta Krakowa ·
    Miejski Ośrodek … · Małopolska Rada Seniorów"): the page's sponsors or partners, not the event's (a table
    row has a date or a description in a cell)."""
    start = text.rfind("\n", 0, a) + 1
    end = text.find("\n", b)
    line = text[start : len(text) if end < 0 else end].strip()
    cells = BAR_SEPARATOR.split(BAR_LABEL.sub("", line, count=1))
    return (
        len(cells) >= 3
        and any(cell == text[a:b] or cell.startswith(text[a:b] + " w") for cell in cells)  # (its seat cut)
        and not any(c.isdigit() for c in line)
        and all(cell[:1].isupper() for cell in cells)
    )


# a contact line: a telephone number or an e-mail address beside the name
CONTACT = re.compile(r"(?i)\btel\.|\btelefon\w{0,2}:?\s*[+(\d]|@|\be-mail\b")  # not "telefonicznej"
# words crediting a name with a photo or the text, before it
CREDITED = re.compile(r"(?<!\w)(?:fot|foto|zdj|zdjęcia|autor|autorka|tekst)\.?:?\s+", re.I)


@lru_cache(maxsize=4)
def _credit_ends(text: str) -> tuple[int, ...]:
    """Where the names a text credits begin ("Fot. Anna Nowak"): found once per text, not once per name."""
    return tuple(m.end() for m in CREDITED.finditer(text))


def _seat_after(toks: list[Token], j: int) -> bool:
    """A seat named right after a name: "… w Niepołomicach"."""
    return j + 1 < len(toks) and toks[j].lower in ("w", "we") and _name_word(toks[j + 1])


def _acting_for(toks: list[Token], k: int) -> bool:
    """The body at k is named through its board or people acting for it ("członek Zarządu Województwa X",
    "przedstawiciele Województwa X"): a participant even when it owns a funding programme."""
    return k > 0 and bool(toks[k - 1].lemmas & (BOARDS | ROLES | GROUP_NOUNS))


def _same_stems(a: str, b: str) -> bool:
    """Two names of as many words, each pair differing at most in its last three letters: "charity opava" and
    "charita opava", "slezskiej diakonie" and "slezská diakonie" (foreign words the dictionary cannot put in
    the nominative, declined with Polish endings)."""
    wa, wb = a.lower().split(), b.lower().split()
    return (
        a != b
        and len(wa) == len(wb) >= 2
        and all(
            x == y
            or (min(len(x), len(y)) >= 5 and len(os.path.commonprefix((x, y))) >= max(len(x), len(y)) - 3)
            for x, y in zip(wa, wb, strict=True)
        )
    )


def _acronym_of(short: str, full: str) -> bool:
    """Whether `short` is `full`'s acronym, alone or with the same seat ("MOPS w Lubaniu"), or its first
    words' acronym with a word of it ("DRK Zittau" of "Deutsches Rotes Kreuz Kreisverband Zittau e.V.")."""
    head, _, rest = short.partition(" ")
    if rest and " w " not in short and head.isupper() and len(head) >= 2 and head.isalpha():
        words = re.split(r"[\s-]+", full)
        initials = "".join(w[0] for w in words if w[:1].isupper())
        return initials.startswith(head) and all(w in words for w in rest.split())
    acro, _, seat = short.partition(" w ")
    body, _, full_seat = full.partition(" w ")
    if not (acro.isupper() and len(acro) >= 3 and " " not in acro) or (
        seat and full_seat and seat != full_seat
    ):
        return False
    initials = "".join(w[0] for w in re.split(r"[\s-]+", body) if w[:1].isupper())
    return initials == acro


def _base_key(value: str) -> str:
    """A name by the base forms of its words: "Dział Pomocy Bezdomnych" = "Dział Pomocy Bezdomnym"."""
    words = []
    for t in tokenize(value):
        if t.is_word:
            words.append(min(t.lemmas))
    return " ".join(words)


# titles before a patron's name: "Towarzystwo Pomocy im. św. Brata Alberta", "Szpital im. ks. Jana"
PATRON_TITLES = {"św", "bł", "ks", "dr", "prof", "gen", "kard", "abp", "bp", "o", "s", "marsz", "płk"}


def _name_preposition(toks: list[Token], k: int, j: int) -> bool:
    """A capitalised preposition opening a name right after its head: "Fundacji Po Drugie"."""
    return (
        k == j
        and toks[k].text not in ("W", "Z", "Na", "Do")
        and k + 1 < len(toks)
        and toks[k + 1].is_word
        and toks[k + 1].is_upper_initial
        and toks[k + 1].start - toks[k].end == 1
    )


def _extend_polish(toks: list[Token], j: int, taken: list[bool]) -> int:
    """Past the capitalised complements of a Polish name: "… Interwencji Kryzysowej", "… Dzielnicy IV",
    "… i Edukacji Społecznej PARASOL", "… ds. Osób Starszych", '… „Nasz Dom”'."""
    end = j
    while end < len(toks) and not taken[end]:
        t = toks[end]
        if t.text in ("„", '"', "“", ",,"):
            close = next(
                (k for k in range(end + 1, min(len(toks), end + 12)) if toks[k].text in ("”", '"', "“")), None
            )
            # after the complements only a short quoted name or acronym: '… Pozarządowych „KaFOS”' (its
            # abbreviation dots do not count: '… Chorych „Hospicjum Św. Kamila”')
            if close is None or (end > j and sum(x.is_word for x in toks[end + 1 : close]) > 3):
                break
            end = close + 1
            break
        if (
            t.is_word
            and (t.is_upper_initial or ROMAN.match(t.text))
            and (not t.has_pos("prep") or _name_preposition(toks, end, j))
        ):
            other = _head_analysis(t, ORG_HEADS - {"rada"} - TERRITORIES) if end > j else None
            if other is not None and "gen" in other.cases:
                break  # another institution begins ("Wydziału … Urzędu Miasta"), not a word of the name
                # in the nominative ("Fundacji Wspólny Dom")
            if _person_begins(toks, end):
                break  # "… Rady Miasta Roman Bukartyk": a person named after the body
            if t.text in ("W", "Z", "Na", "Do"):
                break
            end += 1
            continue
        if (
            t.text == "."
            and end > j
            and len(toks[end - 1].text) == 1
            and toks[end - 1].text.isupper()
            and end + 1 < len(toks)
            and toks[end + 1].is_upper_initial
        ):
            end += 1  # a patron's initial: "im. prof. Edwarda F. Szczepanika"
            continue
        if (
            t.text == "."
            and end > j
            and len(toks[end - 1].text) == 1
            and end + 2 < len(toks)
            and toks[end + 1].lower == "i"
            and len(toks[end + 2].text) == 1
            and toks[end + 2].text.isupper()
        ):
            end += 3  # two patrons' initials: "im. L. i A. Helclów"
            continue
        if t.text == "," and end > j and _enumeration_inside(toks, end + 1, taken):
            end += 1  # "Ministerstwa Pracy, Zdrowia i Spraw Socjalnych": the name's own list
            continue
        if t.text.isdigit() and end > j and toks[end - 1].lower == "nr":
            end += 1
            continue
        if t.lower == "nr" and end + 1 < len(toks) and toks[end + 1].text.isdigit():
            end += 1
            continue
        if (
            t.lower == "i"  # "oraz" joins two bodies, never a name's own list
            and end + 1 < len(toks)
            and toks[end + 1].is_upper_initial
            and end > j
            and not _another_begins(toks, end + 1)
        ):
            end += 1
            continue
        if t.lower in ("ds", "do", "dla", "na", "im", "pw") and end + 1 < len(toks):
            k = end + 1 + (toks[end + 1].text == ".")
            if t.lower == "do" and k < len(toks) and toks[k].lower == "realizacji":
                k += 1
            while t.lower in ("im", "pw") and k < len(toks) and toks[k].lower in PATRON_TITLES:
                k += 1 + (k + 1 < len(toks) and toks[k + 1].text == ".")  # "im. św. Brata Alberta"
            if k < len(toks) and (
                toks[k].is_upper_initial or toks[k].lower in ("spraw", "realizacji", "projektu", "rzecz")
            ):
                if t.lower in ("do", "na") and _place_like(toks[k]):
                    break  # where the body went: "Stowarzyszenia Pomocy Rodzinie do Kolding"
                end = k
                continue
        if t.lower in ("realizacji", "spraw", "projektu", "rzecz") and end > j:
            end += 1
            continue
        if t.lower in ("w", "we") and end > j and end + 1 < len(toks):
            nxt = toks[end + 1]  # "… Przemocy w Rodzinie" is the name; "… w Krakowie" is its seat
            if (
                nxt.is_upper_initial
                and nxt.is_word
                and not nxt.unknown
                and not nxt.has_mark("nazwa_geograficzna")
            ):
                end += 2
                continue
        break
    return end


def _place_like(t: Token) -> bool:
    """A capitalised word that may be a place: a geographical name or a word the dictionary does not know."""
    return t.is_upper_initial and (t.unknown or t.has_mark("nazwa_geograficzna"))


def _welfare_centre(
    toks: list[Token], i: int, j: int, taken: list[bool], text: str, base: int, gaz, registries, e: _Entry
) -> tuple[int, int, str, bool | None]:
    """(start, end, nominative name, seat) of a welfare centre the registry matched at i..j: with a capitalised
    adjective before ("Miejsko-Gminny") and its seat after ("w Sieradzu"). Seat is True for a seat named, False
    for none, None for the default home's (data/reference/home.csv) named by its seat, whose name is then its
    registered one: left out on the default home's pages, a partner on another body's."""
    h = next((k for k in range(i, j) if _head_analysis(toks[k], ORG_HEADS) is not None), None)
    start = i
    if h is not None:
        head_a = _head_analysis(toks[h], ORG_HEADS)
        while start > 0 and not taken[start - 1] and _is_name_adj(toks[start - 1], head_a):
            start -= 1
    home = default_home(registries)
    city = slug(home.city or "-")
    if any(_names_city(t, city) for t in toks[i:j]):
        return start, j, e.name, None  # an alias of the home's entry with its seat ("MOPS w Krakowie")
    seat = (
        j + 1 < len(toks)
        and toks[j].lower in ("w", "we")
        and _name_word(toks[j + 1])
        and not taken[j + 1]
        and toks[j + 1].has_mark("nazwa_geograficzna")
    )
    if seat and _names_city(toks[j + 1], city):
        return start, j + 2, home.name, None
    # the name in the nominative, worked out only now (MOPS Kraków, named most often, needs none)
    if h is None:  # an acronym: "MOPS", "MOPS w Sieradzu"
        value = _span_text(text, base, toks, i, j)
    else:
        for k in range(start, h):
            head_a = replace(head_a, cases=head_a.cases & _agreeing_cases(toks[k], head_a))
        value = _nominative_phrase(toks, start, h, j, head_a, text, base)
    if seat:
        if "polska" in toks[j + 1].lemmas:
            return start, j, value, False  # "ośrodków pomocy społecznej w Polsce": no seat
        if gaz is not None and _abroad(gaz, toks[j + 1]):
            return start, j, value, False  # "przedstawiciel MOPS w Wiedniu": where MOPS went, not its seat
        return start, j + 2, f"{value} {_span_text(text, base, toks, j, j + 2)}", True
    return start, j, value, False


def _names_city(t: Token, city: str) -> bool:
    """Whether token t names the city whose slug is `city`, in any case ("Krakowie", "Krakow")."""
    return any(slug(lemma) == city for lemma in t.lemmas) or slug(t.text).startswith(city)


# adjectives of offices that only Poland has: a department of one is a Polish office's
POLISH_OFFICES = {
    "wojewódzki",
    "marszałkowski",
    "powiatowy",
    "gminny",
    "starostwo",
    "województwo",
    "powiat",
    "gmina",
}


def _polish_office_after(toks: list[Token], j: int, taken: list[bool], gaz) -> int | None:
    """The end of a Polish office named right after a department at j ("Urzędu Miasta Rzeszowa", "w Łódzkim
    Urzędzie Wojewódzkim", "Urzędu Miasta w Tarnowie"), with its seat; None when the office is foreign,
    registered (the registry names it), or not there."""
    k = j + 1 if j < len(toks) and toks[j].lower == "w" else j
    h = k
    while (
        h < len(toks)
        and h - k < 2
        and _head_analysis(toks[h], ORG_HEADS) is None
        and toks[h].is_upper_initial
    ):
        h += 1  # the office's own adjectives: "Pomorskiego", "Łódzkim"
    if (
        h >= len(toks)
        or taken[h]
        or not toks[h].is_upper_initial
        or _head_analysis(toks[h], ORG_HEADS) is None
    ):
        return None
    if k == j and h == j and "gen" not in _head_analysis(toks[h], ORG_HEADS).cases:
        return None
    end = _extend_polish(toks, h + 1, taken)
    if (
        end + 1 < len(toks)
        and toks[end].lower in ("w", "we")
        and toks[end + 1].has_mark("nazwa_geograficzna")
    ):
        end += 2  # its seat
    words = toks[k:end]
    polish = any(t.lemmas & POLISH_OFFICES or t.text == "RP" for t in words) or (
        gaz is not None and any(t.is_upper_initial and _likeliest_country(gaz, t) == "PL" for t in words)
    )
    return end if polish else None


def _likeliest_country(gaz, t: Token) -> str | None:
    """The country of the most populous city a geographic word may name ("Tarnowie": Tarnów, PL)."""
    found = [c for x in t.lemmas_with("nazwa_geograficzna") for c in gaz.find_cities(x)]
    return max(found, key=lambda c: c.population or 0).country if found else None


def _abroad(gaz, t: Token) -> bool:
    """A town that the gazetteer knows only abroad."""
    found = [c for lemma in t.lemmas_with("nazwa_geograficzna") for c in gaz.find_cities(lemma)]
    return bool(found) and all(c.country != "PL" for c in found)


# a Czech or Slovak adjective in the genitive ("Krajského", "Sociálního") and its region's or district's noun
SLAVIC_ADJ_GENITIVE = re.compile(r"(\w+?)(?:ého|ího|eho)")
# a Czech or Slovak region named as a body in the genitive: "Prešovského samosprávneho kraja"
REGION_GENITIVE = re.compile(r"((?:[A-ZÁČĎÉÍĽŇÓŘŠŤÚÝŽ]\w+(?:ého|eho)\s+)(?:\w+(?:ého|eho)\s+)?)kraj[ae]")
SLAVIC_REGION_NOUNS = {"kraje", "kraja", "okresu", "okresa", "obce", "mesta", "města"}


SLAVIC_LETTERS = re.compile(r"[ěščřžýáíéúůňťďľĺôäĚŠČŘŽÝÁÍÉÚŮŇŤĎĽĹÔ]")


def _slavic_region_noun(toks: list[Token], k: int) -> bool:
    """The lower-case noun a Czech or Slovak region's adjective governs inside a name: "… Olomouckého kraje"."""
    return (
        toks[k].text in SLAVIC_REGION_NOUNS
        and (toks[k - 1].is_upper_initial or _foreign_spelling(toks[k - 1]))  # "… samosprávneho kraja"
        and SLAVIC_ADJ_GENITIVE.fullmatch(toks[k - 1].text) is not None
    )


def _rendering_in_brackets(toks: list[Token], start: int, end: int) -> bool:
    """Tokens start..end are all a bracket holds, right after two or more words of a name one of which is spelt
    in another language: a Polish rendering of the body's own name before it."""
    if start < 3 or toks[start - 1].text != "(" or end >= len(toks) or toks[end].text != ")":
        return False
    before = toks[max(0, start - 6) : start - 1]
    k = len(before)
    while k > 0 and _name_word(before[k - 1]):
        k -= 1
    own = before[k:]
    return len(own) >= 2 and any(_foreign_spelling(x) for x in own)


def _comma_inside_foreign(toks: list[Token], k: int) -> bool:
    """A comma inside a foreign name, between the lower-case items of a list that "a" closes: "Úrad práce,
    sociálnych vecí a rodiny" (not "Slezská diakonie, střediska EDUKOS": a part after the comma)."""
    if toks[k].text != "," or k + 1 >= len(toks) or not _foreign_lower(toks[k + 1]):
        return False
    n = k + 2
    while n < len(toks) and n - k < 5 and toks[n].is_word and toks[n].text.islower() and toks[n].text != "a":
        n += 1
    return n + 1 < len(toks) and toks[n].text == "a" and toks[n + 1].text.islower()


def _foreign_nominative_head(first: Token, value: str) -> str:
    """A foreign name whose first word took a Polish ending: "Magistrátu města X" -> "Magistrát města X",
    "Úřadu práce" -> "Úřad práce" (only a word spelled with non-Polish letters), "Charitą Opava" -> "Charita
    Opava"."""
    w = first.text
    if REGION_GENITIVE.fullmatch(value):  # "Prešovského samosprávneho kraja" -> "Prešovský samosprávny kraj"
        adjectives = value.split()[:-1]
        return " ".join([*(re.sub(r"ého$", "ý", re.sub(r"eho$", "y", a)) for a in adjectives), "kraj"])
    words = value.split(" ", 2)
    adjective = SLAVIC_ADJ_GENITIVE.fullmatch(w)
    if (
        adjective
        and len(words) > 1
        and _foreign_spelling(first)
        and re.fullmatch(r"\w{3,}[^aeiouyáéíóúýě]u", words[1])
    ):
        # a Czech or Slovak adjective and noun in the genitive: "Krajského úřadu …" -> "Krajský úřad …"
        ending = "ý" if w.endswith("ého") else "í"
        return " ".join([adjective.group(1) + ending, words[1][:-1], *words[2:]])
    if w.endswith("ity") and _foreign_head(w[:-1] + "a") and SLAVIC_LETTERS.search(value):
        return w[:-1] + "a" + value[len(w) :]  # a Czech or Slovak genitive: "Univerzity … v Košiciach"
    if re.fullmatch(r"M[eě]sta", w):  # Czech and Slovak "město"/"mesto" after a Polish preposition
        return w[:-1] + "o" + value[len(w) :]
    if first.unknown and len(w) > 4 and w[-1] in "ąę" and value.startswith(w):
        return w[:-1] + "a" + value[len(w) :]  # the instrumental or accusative: "z Charitą Opava"
    stem = re.sub(r"(?:om|em|owi)$", "", w)
    if first.unknown and stem != w and len(stem) > 3 and _foreign_head(stem) and value.startswith(w):
        return (
            stem + value[len(w) :]
        )  # the instrumental or dative of a foreign head: "z Domovom sociálnych …"
    if (
        _foreign_spelling(first)
        and len(w) > 4
        and w.endswith("u")
        and w[-2] not in "aeiouyáéíóúýě"
        and value.startswith(w)
    ):
        return w[:-1] + value[len(w) :]
    return value


def _past_seat(toks: list[Token], j: int) -> int:
    """j, or past a seat given between a name and its bracket: "Funduszu „Rokada” ze Lwowa (БФ «Рокада»)"."""
    if (
        j + 2 < len(toks)
        and toks[j].lower in ("z", "ze", "w", "we")
        and toks[j + 1].is_upper_initial
        and toks[j + 2].text == "("
    ):
        return j + 2
    return j


def _past_part(toks: list[Token], j: int, taken: list[bool]) -> int:
    """j, or past a department named after a dash when the body's own name follows in brackets: "Śląski
    Uniwersytet w Opawie – Wydział Polityki Publicznej (Slezská univerzita v Opavě, Fakulta …)"."""
    if j + 1 < len(toks) and toks[j].text in ("–", "—", "-") and _head_analysis(toks[j + 1], SUBUNIT_HEADS):
        k = _extend_polish(toks, j + 2, taken)
        if k < len(toks) and toks[k].text == "(":
            return k
    return j


# words that give a body's earlier name in brackets: "HOGAR SÍ (dawniej RAIS Fundación)"
FORMER = {"dawniej", "wcześniej", "poprzednio", "uprzednio", "formerly", "previously"}


def _former_name(toks: list[Token], i: int) -> bool:
    return i > 1 and toks[i - 1].lower in FORMER and toks[i - 2].text == "("


def _common_word(t: Token) -> bool:
    """A word the dictionary knows as something other than a name of a person."""
    return t.is_word and any(
        a.pos in ("subst", "adj") and not a.marks & {"imię", "nazwisko"} for a in t.analyses
    )


def _own_name_after(toks: list[Token], j: int, text: str, base: int) -> tuple[int, str] | None:
    """(index past ")", the name) when a bracket after a Polish name holds the body's own name in another
    language: "Towarzystwem Ewangelickim (Evangelische Gesellschaft Stuttgart e.V.)"."""
    if j >= len(toks) or toks[j].text != "(":
        return None
    close = next((k for k in range(j + 1, min(len(toks), j + 14)) if toks[k].text == ")"), None)
    if close is None or close - j < 2:
        return None
    inside = toks[j + 1 : close]
    words = [t for t in inside if t.is_word]
    if not words or not words[0].is_upper_initial or words[0].text.isupper() and len(words) == 1:
        return None  # an acronym in brackets is the registry's business
    foreign = [t for t in words if _foreign_spelling(t)]
    # "AGE Platform Europe", "Tata Város Önkormányzata" (a town Polish reads as a word, the rest foreign)
    acronym = words[0].text.isupper() and len(words) > 1
    opening = _foreign_spelling(words[0]) or acronym or len(foreign) * 3 >= len(words) * 2
    if not foreign or not opening or len(foreign) * 3 < len(words):
        return None
    if len(inside) > 2 and _added_after_comma(inside, len(inside)):
        inside = inside[:-2]
    own = text[inside[0].start - base : inside[-1].end - base].strip(" ,;")
    return close + 1, own


def _added_after_comma(toks: list[Token], end: int) -> bool:
    """The last two tokens before `end` add to an own name in brackets: its acronym ("(Fonds Soziales Wien,
    FSW)") or its country or town in Polish ("(Slezská diakonie, Czechy)")."""
    if end < 2 or toks[end - 2].text != ",":
        return False
    t = toks[end - 1]
    polish_place = t.is_upper_initial and t.lower in {x.lower() for x in t.lemmas_with("nazwa_geograficzna")}
    return t.text.isupper() or polish_place


NON_POLISH_LETTERS = re.compile(r"[^\Wa-zA-ZąćęłńóśźżĄĆĘŁŃÓŚŹŻ\d_]")


def _foreign_spelling(t: Token) -> bool:
    """A word of another language: unknown to morfeusz2, a foreign head word, or letters Polish lacks."""
    return t.unknown or _foreign_head(t.text) or bool(NON_POLISH_LETTERS.search(t.text))


def begins_name(value: str, name: str) -> bool:
    """Whether an organisation found names `name` by its first two or more words ("Towarzystwo Pomocy
    im. św. Brata Alberta" of "… Koło Warszawa-Praga"; "Urząd Miasta" of "Urząd Miasta Lubań")."""
    key, whole = slug(value), slug(name)
    if (key.count("-") >= 1 or key in SINGLE_WORD_BODIES) and whole.startswith(key + "-"):
        return True  # also a one-word body heading the name: "Caritas" of "Caritas Archidiecezji Poznańskiej"
    # its first words and an acronym of the rest: "Caritas AW" of "Caritas Archidiecezji Warszawskiej"
    *head, acro = value.split()
    if not head or not (acro.isupper() and len(acro) >= 2):
        return False
    words = name.split()
    if slug(" ".join(words[: len(head)])) != slug(" ".join(head)):
        return False
    return "".join(w[0] for w in words[len(head) :] if w[:1].isupper()) == acro


def is_government(value: str) -> bool:
    """A commune, county or voivodeship named as a body: a visit there is hosted by its government."""
    return value.split(" ", 1)[0].lower() in TERRITORIES


def _organ_of_undertaking(toks: list[Token], a: int, end: int) -> bool:
    """An organ's name (tokens a..end, and the word after it) runs into a project, programme or network in
    lower case: "Komitetu Sterującego projektu", "Rada Programowa sieci"."""
    return any(
        toks[x].text.islower() and toks[x].lemmas & UNDERTAKINGS for x in range(a, min(end + 1, len(toks)))
    )


def _council_mandate(toks: list[Token], k: int) -> bool:
    return any(t.lower.startswith(MANDATE_CUES) for t in toks[max(0, k - 5) : k])


def _territory_not_a_body(toks: list[Token], k: int) -> bool:
    """A county or commune named as a place ("w Powiecie X") or through the board seat of a person named
    before ("Anna Wilk, członek Zarządu Powiatu X": a delegate's description); a board member named after
    the role acts for the body ("przywitał członek Zarządu Powiatu X Jan Nowak"), which is then listed."""
    prev = toks[k - 1].lower if k > 0 else ""
    if prev in PLACE_PREPOSITIONS:
        return True
    return k > 2 and toks[k - 1].lemmas & BOARDS and toks[k - 2].lower in MANDATES and toks[k - 3].text == ","


def _person_begins(toks: list[Token], k: int) -> bool:
    """A given name in the nominative followed by a capitalised word, not a patron ("im. Jana Pawła")."""
    t = toks[k]
    if k + 1 >= len(toks) or not toks[k + 1].is_upper_initial or not toks[k + 1].is_word:
        return False
    if any(x.lower == "im" for x in toks[max(0, k - 5) : k]) or (k > 0 and toks[k - 1].text == "."):
        return False  # a patron: "im. św. Brata Alberta"
    surname = toks[k + 1].analyses
    if surname and all(a.pos == "subst" and "gen" in a.cases and "nom" not in a.cases for a in surname):
        return False  # a patron in the genitive: "Fundacja Konrada Adenauera"
    if (
        k > 0
        and _head_analysis(toks[k - 1], ORG_HEADS) is not None
        and any("imię" in a.marks and "gen" in a.cases for a in t.analyses)
        and toks[k + 1].unknown
        and toks[k + 1].text.endswith("a")
    ):
        return False  # a foreign patron in the genitive right after the head: "Fundacja Roberta Schumana"
    nxt = toks[k + 1]
    return (
        any("imię" in a.marks and "nom" in a.cases for a in t.analyses)
        # a person named in the instrumental or dative after a body: "Zarządu Powiatu X Markiem Kurpisem"
        or (
            any("imię" in a.marks and a.cases & {"inst", "dat"} for a in t.analyses)
            and (nxt.unknown or nxt.has_mark("nazwisko"))
        )
        or (t.unknown and toks[k + 1].unknown and k + 2 < len(toks) and toks[k + 2].text in (",", "–", "-"))
        or surname_shaped(toks[k + 1])
        or bare_pair(toks, k)
    )


def _foreign_after_kind(toks: list[Token], j: int, end: int, taken: list[bool]) -> int | None:
    """The end of a foreign name in tokens j..end after a Polish kind word (its lower-case words too: "Podané
    ruce"), when every word is one the dictionary does not know and one is spelt with letters Polish lacks."""
    words = toks[j:end]
    if not words or not all(t.unknown for t in words if t.is_word):
        return None
    while end < len(toks) and not taken[end] and (_foreign_lower(toks[end]) or _only_odd_readings(toks[end])):
        end += 1
    # capitalised foreign words past a joining word: "Stowarzyszenie Hilfe für| Menschen in Not e.V."
    joins = (CONNECTORS | JOINS_BEFORE_FORM) - POLISH_AND
    while end < len(toks) and not taken[end] and toks[end - 1].text in joins:
        t = toks[end]
        closed = LEGAL_FORMS.match("".join(x.text for x in toks[end + 1 : end + 5]))  # "… in Not e.V."
        if not (t.is_upper_initial and t.is_word and (t.unknown or closed)):
            break
        end += 1
        if end + 1 < len(toks) and toks[end].text in joins and toks[end + 1].is_upper_initial:
            end += 1
    while end > j + 1 and toks[end - 1].text in joins:
        end -= 1
    return end if any(NON_POLISH_LETTERS.search(t.text) for t in toks[j:end]) else None


def _only_odd_readings(t: Token) -> bool:
    """A lower-case word Polish knows only as a depreciative form of a surname ("ruce"): a foreign word."""
    return t.is_word and t.text.islower() and bool(t.analyses) and all(a.pos == "depr" for a in t.analyses)


def _holder_after(toks: list[Token], start: int, k: int) -> bool:
    """A role's holder named right after the body the role is held in ("dyrektorka organizacji Centrum
    sociálnych služieb Bardejov Viera Kmecová"): a pair ending in a surname's ending closes the run."""
    if k + 1 >= len(toks) or not _name_word(toks[k]):
        return False
    surname = toks[k + 1]
    if not (
        surname_shaped(surname) or surname.analyses and all("nazwisko" in a.marks for a in surname.analyses)
    ):
        return False  # ("… Centrum Hałyna Szewczuk": a surname the dictionary knows only as one)
    after = toks[k + 2] if k + 2 < len(toks) else None
    if after is not None and after.is_word and after.is_upper_initial:
        return False
    return _role_before(toks, start)


def _another_begins(toks: list[Token], k: int) -> bool:
    """After "i": another institution ("i Regionalnego Ośrodka"), a person or a role ("i Wiceminister")."""
    t = toks[k]
    if _head_analysis(t, ORG_HEADS | UNIT_HEADS) is not None or t.lemmas & ROLES or _person_begins(toks, k):
        return True
    return (
        t.has_pos("adj")
        and k + 1 < len(toks)
        and _head_analysis(toks[k + 1], ORG_HEADS | UNIT_HEADS) is not None
    )


def _enumeration_inside(toks: list[Token], k: int, taken: list[bool]) -> bool:
    """Tokens from k on continue a list of a name's complements and close it with "i"/"oraz": capitalised
    genitives that are neither another institution, a place nor a person ("Zdrowia i Spraw …")."""
    words = 0
    while k < len(toks) and not taken[k]:
        t = toks[k]
        if t.lower in ("i", "oraz") and words:
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            return nxt is not None and _complement_word(nxt)
        if t.text == "," and words:
            words = 0
        elif _complement_word(t):
            words += 1
        else:
            return False
        k += 1
    return False


def _complement_word(t: Token) -> bool:
    return (
        t.is_word
        and t.is_upper_initial
        and not t.unknown
        and any("gen" in a.cases for a in t.analyses if a.pos in ("subst", "adj"))
        and _head_analysis(t, ORG_HEADS | UNIT_HEADS) is None
        and not all(a.lemma[:1].isupper() for a in t.analyses if a.pos == "subst")  # a place or a person
        and t.lower not in ("pana", "pani", "państwa")
    )


def _other_org_at(toks: list[Token], j: int) -> int | None:
    """The index of a capitalised institution head word in the genitive at token j, if there is one."""
    if j < len(toks):
        t = toks[j]
        if t.is_upper_initial:
            a = _head_analysis(t, ORG_HEADS)
            if a is not None and ("gen" in a.cases or a.lemma.lower() == "caritas"):
                return j  # "Caritas" is not declined: "Zakład Opiekuńczo-Leczniczy Caritas Diecezji …"
            if t.text in ("MOPS", "UMK"):
                return j
    return None


# institutions whose Polish name is their kind and seat ("Uniwersytet w Getyndze", "Akademia w Lund")
SEAT_NAMED = {"uniwersytet", "akademia", "politechnika", "uczelnia", "kolegium", "instytut", "hospicjum"}


def _acronym_after(toks: list[Token], j: int, registries) -> bool:
    """The name is followed by a registered organisation's acronym in brackets."""
    return (
        j + 2 < len(toks)
        and toks[j].text == "("
        and toks[j + 2].text == ")"
        and toks[j + 1].text.isupper()
        and _lookup(registries, "organisations", toks[j + 1].text) is not None
    )


COMMON_SKI = {"miejski", "wiejski", "męski", "żeński", "ludzki", "morski", "górski"}  # adjectives of no place


def _postmodifies(noun: Token, adj: Token) -> bool:
    """The adjective after a capitalised noun of a name is that noun's: "Polityki Społecznej", "Oddziału
    Rejonowego" (not a person's role: "Dyrektora Polskiego Instytutu")."""
    return (
        noun.is_upper_initial
        and not noun.has_pos("adj")
        and "-" not in adj.text  # "Sympozjum Polsko-Niemieckiego Towarzystwa": a compound opens a name
        # a town's or country's adjective opens the body after it: "… Spraw Rodziny Kowelskiej Rady Miejskiej"
        and not any(
            a.lemma.endswith(("ski", "cki", "dzki")) and a.lemma not in COMMON_SKI for a in adj.analyses
        )
        and not noun.lemmas & (GATHERINGS | UNDERTAKINGS)
        and any(
            a.pos == "subst" and a.gender != "m1" and _agreeing_cases(adj, a) - {"nom", "voc"}
            for a in noun.analyses
        )
    )


def _parent_inside(toks: list[Token], a: int, b: int) -> int | None:
    """Where an organisation in the genitive begins inside a part's complements (a..b), with its own
    capitalised adjectives ("… Lwowskiej Rady Miejskiej"); an adjective right after a noun is that noun's
    ("Polityki Społecznej"), not the organisation's."""
    for k in range(a + 1, b):
        ha = _head_analysis(toks[k], PARENT_HEADS)
        if ha is None or "gen" not in ha.cases:
            continue
        s = k
        while s - 1 > a and _is_name_adj(toks[s - 1], ha):
            prev = toks[s - 2]
            if prev.has_pos("subst") and not prev.has_pos("adj"):
                break
            s -= 1
        return s
    return None


def _followed_by_other_org(toks: list[Token], j: int) -> bool:
    return (
        j < len(toks)
        and toks[j].is_upper_initial
        and _head_analysis(toks[j], {"urząd", "urzędu"}) is not None
    )


def _is_mops_at(toks: list[Token], j: int, registries) -> bool:
    window = " ".join(t.text for t in toks[j : j + 4])
    return window.startswith("MOPS") or bool(re.match(r"Miejski\w* Ośrod\w* Pomocy", window))


# people of a body before its foreign name: "przedstawiciele Samusocial de Paris", "pracownicy Stad Gent"
# gatherings named after their organiser ("konferencji Eurochild")
GATHERINGS = {"konferencja", "seminarium", "kongres", "zjazd", "sympozjum"}
GROUP_NOUNS = {"przedstawiciel", "pracownik", "delegacja", "delegat", "reprezentant", "reprezentować",
               "odwiedzić"}  # fmt: skip


def _place_word(gaz, t: Token) -> bool:
    """A word naming a place: a country or town Polish knows, or a town of the gazetteer ("München")."""
    return t.has_mark("nazwa_geograficzna") or (gaz is not None and bool(gaz.find_cities(t.text)))


def _one_word_nominative(t: Token) -> str:
    """A one-word name in the genitive of a list, in the nominative: "Emausu" -> "Emaus" (morfeusz2's noun),
    "Markotu" -> "Markot" (unknown: the masculine "-u" after a consonant dropped)."""
    noun = next((a.lemma for a in t.analyses if a.pos == "subst" and "gen" in a.cases), None)
    if noun is not None:
        return noun[:1].upper() + noun[1:]
    word = t.text
    return word[:-1] if word.endswith("u") and word[-2:-1] not in "aeiouyąęó" else word


def _org_listed_after(found: list[Name], toks: list[Token], j: int) -> bool:
    """Token j is a comma, "i" or "oraz" before another organisation: a name before it is an item of a list."""
    return (
        j + 1 < len(toks)
        and toks[j].text in (",", "i", "oraz")
        and any(n.start == toks[j + 1].start for n in found)
    )


def _org_listed_before(found: list[Name], toks: list[Token], k: int) -> bool:
    """A name right after another organisation and a comma, "i" or "oraz": the next item of a list."""
    if k < 2 or toks[k - 1].text not in (",", "i", "oraz"):
        return False
    ends = {toks[k - 2].end}
    for words in (1, 2):  # past the other's seat: "…, Slezská diakonie z Czeskiego Cieszyna, <name>"
        at = k - 2 - words
        if (
            at > 0
            and toks[at].lower in ("z", "ze", "w", "we")
            and all(_name_word(x) for x in toks[at + 1 : k - 1])
        ):
            ends.add(toks[at - 1].end)
    return any(n.end in ends for n in found)


# English words of foreign names that morfeusz2 knows as Polish ("City" is the financial district)
FOREIGN_MODIFIERS = {"city", "county", "borough", "town", "social", "national", "european", "international",
                     "state"}  # fmt: skip


def _foreign_word(t: Token, toks: list[Token], k: int) -> bool:
    if t.text in CONNECTORS:
        return True
    if (
        t.is_upper_initial
        and t.lower in CONNECTORS
        and t.lower not in POLISH_AND
        and _name_goes_on(toks, k + 1)
    ):
        return True  # a capitalised particle inside a name: "Stichting De Regenboog Groep"
    if t.is_upper_initial and t.lower in FOREIGN_MODIFIERS:
        return True
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if (
        t.has_mark("nazwa_geograficzna")
        and t.is_upper_initial
        and nxt is not None
        and nxt.is_upper_initial
        and (
            nxt.lower in FOREIGN_MODIFIERS
            or _foreign_head(nxt.text)
            or (
                (nxt.unknown or nxt.has_mark("imię"))
                and k + 2 < len(toks)
                and toks[k + 2].is_upper_initial
                and _foreign_head(toks[k + 2].text)
            )
        )
    ):
        return True  # a city opening a foreign name: "Glasgow City Council", "Dublin Simon Community"
    if (
        t.is_word
        and t.is_upper_initial
        and not t.has_mark("nazwa_pospolita")
        and not t.has_pos(*VERB_POS)  # "Gościliśmy Sdružení …": the sentence's verb
        and nxt is not None
        and nxt.unknown
        and nxt.start - t.end == 1
        and _foreign_head(nxt.text)
        and not (k > 0 and toks[k - 1].is_upper_initial and toks[k - 1].is_word)
    ):
        return True  # a known name before a foreign head that follows its town: "Toulouse Métropole"
    if "-" in t.text and t.is_upper_initial and unknown_word(t.text.split("-")[0]):
        return True  # "Oost-Europa", "Kaarst-Korschenbroich"
    if t.is_word and t.is_upper_initial and k > 0 and toks[k - 1].text in CONNECTORS - {"i", "e", "y", "-"}:
        return True  # "am Main", "of Applied Sciences"
    if (
        t.is_word
        and t.is_upper_initial
        and k > 1
        and toks[k - 1].is_upper_initial
        and toks[k - 2].text in CONNECTORS - {"i", "e", "y", "-"}
    ):
        return True  # "Amics de la Gent Gran", "Hospital zum Heiligen Geist"
    if t.text == "." and k > 0 and toks[k - 1].text in ("St", "Sankt"):
        return True
    if ELIDED.match(t.text):
        return True
    return (
        t.is_word
        and t.is_upper_initial
        and (
            t.unknown
            or _foreign_head(t.text)
            or t.has_mark("człon_nazwy_organizacji")
            or (
                t.has_mark("nazwa_geograficzna")
                and k > 0
                and (toks[k - 1].text in CONNECTORS | {"."} or _foreign_head(toks[k - 1].text))
            )
        )
    )


# English words before a name that are never its part: what stands before them is a person or a verb
ENGLISH_BEFORE_NAME = {"the", "of", "from", "by", "with", "at"}


# joining words of foreign names only ("Caritas der Erzdiözese Wien", "Caritas of Ireland")
FOREIGN_JOINS = {"der", "des", "of", "de", "du", "di", "del", "della", "för", "voor", "for", "für", "pour"}
# kinds of undertaking before a project's title ("Sieć Age-Friendly Neighbourhoods")
NETWORK_KINDS = {"sieć", "sieci", "network", "projekt", "project", "partnerstwo", "partnership"}
# verb forms: a sentence's first word, never a name's
VERB_POS = ("fin", "praet", "impt", "inf", "pcon", "pant", "bedzie", "winien")
# the Polish "and" between two names ("Stadtmission Chemnitz i AWO Sachsen"), not inside one
POLISH_AND = {"i", "oraz"}
# a legal form written before a name: "vzw Straatwerk", "asbl Les Petits Riens"
FORMS_BEFORE_NAME = {"vzw", "asbl"}
# a Czech or Slovak region's own name: its adjective ("-ský", Slovak also "-sky") and "kraj"
REGION_OWN_NAME = re.compile(r"(?<!\w)[A-ZÁČĎÉÍĽŇÓŘŠŤÚÝŽ]\w+[sc]k[ýy]\s+(?:samosprávn[ýy]\s+)?kraj(?!\w)")
# the first word of a two-word town's name in a body's name ("Tafel Bad Kreuznach e.V.")
TOWN_PREFIXES = {"Bad", "Sankt", "Groß", "Klein", "Neu", "Markt", "Schwäbisch", "Bergisch"}


def _upper_word_at(toks: list[Token], k: int) -> bool:
    return k < len(toks) and toks[k].is_word and toks[k].is_upper_initial


def _past_town_part(toks: list[Token], end: int, taken: list[bool]) -> int:
    """Past the bracketed part of a town's name that closes a body's name: "Sozialamt der Stadt Frankfurt
    (Oder)", "Jugendamt Halle (Saale)": one capitalised word in its own language, which Polish does not know
    or knows only as another place's inflected form; not an acronym, nor a country or region in Polish
    ("Caritas Wien (Austria)")."""
    if not (end + 2 < len(toks) and toks[end].text == "(" and toks[end + 2].text == ")"):
        return end
    part = toks[end + 1]
    if any(taken[end : end + 3]) or not toks[end - 1].is_upper_initial or part.text.isupper():
        return end
    own_language = part.unknown or part.lower not in {
        x.lower() for x in part.lemmas_with("nazwa_geograficzna")
    }
    return end + 3 if _place_like(part) and own_language else end


LEGAL_FORM_AFTER = re.compile(
    r"(?<=\w),?\s+(e\.\s?V\.|gGmbH|GmbH|asbl|vzw|ASBL|VZW|o\.\s?p\.\s?s\.|z\.\s?s\.|o\.\s?z\.|n\.\s?o\.|z\.\s?ú\.|ry|r\.y\.)"
    r"(?!\w)"
)
# the part of a foreign body named after it and a dash ("Stadt Leipzig – Amt für Soziales"): the body's
FOREIGN_PART = re.compile(
    r"^(amt|abteilung|referat|dezernat|fachbereich|department|directorate|service|dienst|sozialamt|jugendamt|"
    r"odbor|oddelenie|oddělení|odd)$",
    re.I,
)


def _part_after(toks: list[Token], end: int, taken: list[bool]) -> int:
    """The end of a part named after a foreign body and a dash, or `end` when none follows: a department
    ("– Odbor sociálních věcí"), a branch ("– Kharkiv Regional Branch"), an office's acronym ("– MA 24") or
    a second body's name ("Diakonie – Stadtmission Dresden")."""
    if not (end + 1 < len(toks) and toks[end].text in ("–", "—", "-") and not taken[end + 1]):
        return end
    first = toks[end + 1]
    if end + 2 < len(toks) and toks[end + 2].text == toks[end - 1].text and toks[end - 1].is_upper_initial:
        return end  # a second body of the same town: "Stad Gent – OCMW Gent"
    if first.text.isupper() and 2 <= len(first.text) <= 4:
        number = end + 2 < len(toks) and toks[end + 2].text.isdigit() and toks[end + 2].start - first.end == 1
        if number or first.unknown:
            return end + 2 + number  # "MA 24"
    k = end + 1
    while (
        k < len(toks)
        and not taken[k]
        and (_foreign_word(toks[k], toks, k) or toks[k].is_upper_initial or _foreign_lower(toks[k]))
    ):
        if toks[k].lower in CONNECTORS and not _name_goes_on(toks, k + 1):
            break
        if toks[k].text in TITLES or k - end > 6:
            return end
        k += 1
    words = toks[end + 1 : k]
    if len(words) == 1 and _foreign_spelling(first) and toks[end - 1].is_upper_initial:
        return k  # a town's district: "Mestská časť Košice – Západ", "Bratislava – Petržalka"
    if FOREIGN_PART.match(first.text) or any(
        BRANCH_PART.match(x.text) or _foreign_head(x.text) and x.unknown for x in words
    ):
        return k
    return end


# words that make a foreign name after a dash a part of the body before it
BRANCH_PART = re.compile(r"^(branch|office|chapter|section|division|filiale|zweigstelle|pobočka)$", re.I)


def _part_before(toks: list[Token], start: int, taken: list[bool]) -> int:
    """The start of a foreign first part before a dash and the name at `start`, when a lower-case kind of
    body introduces it ("z organizacją Secours Catholique – Caritas France"), or `start`."""
    if start < 3 or toks[start - 1].text not in ("–", "—") or taken[start - 2]:
        return start
    k = start - 1
    while (
        k > 0
        and start - k <= 5
        and not taken[k - 1]
        and toks[k - 1].is_upper_initial
        and (toks[k - 1].unknown or _foreign_head(toks[k - 1].text))
    ):
        k -= 1
    if k == start - 1:
        return start
    if any(_foreign_head(x.text) for x in toks[k : start - 1]):
        return k  # "Diakonie – Stadtmission Dresden"
    kind = k > 0 and toks[k - 1].text.islower() and toks[k - 1].lemmas & (BODY_KINDS | GENERIC_ORG_NOUNS)
    return k if kind else start


def _name_goes_on(toks: list[Token], k: int) -> bool:
    """After a connector, the name goes on past any further connectors: "Amics de la Gent Gran"."""
    while k < len(toks) and toks[k].lower in CONNECTORS and toks[k].text not in POLISH_AND:
        k += 1
    return k < len(toks) and toks[k].is_upper_initial and toks[k].is_word


def _name_goes_on_in_lower_case(toks: list[Token], k: int) -> bool:
    """After a connector, a foreign name goes on in lower case: "Fédération des acteurs de la solidarité"."""
    while k < len(toks) and toks[k].lower in CONNECTORS and toks[k].text not in POLISH_AND:
        k += 1
    return k < len(toks) and _foreign_lower(toks[k])


def _place_ends_name(toks: list[Token], k: int) -> bool:
    """ "Høgskolen i Oslo": a Scandinavian "i" (in) before a town that closes the name."""
    if k >= len(toks) or not toks[k].has_mark("nazwa_geograficzna") or not toks[k].is_upper_initial:
        return False
    return k + 1 >= len(toks) or not (toks[k + 1].is_upper_initial and toks[k + 1].is_word)


def _patron_after(toks: list[Token], k: int) -> bool:
    """A known given name or surname closing a foreign name after an unknown word: "Fondation Abbé Pierre"
    (not a person named next: "… Anna Müller")."""
    t = toks[k]
    if not (
        t.is_word
        and t.is_upper_initial
        and t.analyses
        and toks[k - 1].unknown
        and toks[k - 1].is_upper_initial
    ):
        return False
    if not all(a.marks & {"imię", "nazwisko"} for a in t.analyses):
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return (
        nxt is None
        or not (nxt.is_word and nxt.is_upper_initial)
        or LEGAL_FORMS.fullmatch(nxt.text) is not None
    )


def _town_word(t: Token) -> bool:
    """A capitalised word the dictionary knows only as a place's name ("Oslo")."""
    return (
        t.is_upper_initial and bool(t.analyses) and all("nazwa_geograficzna" in a.marks for a in t.analyses)
    )


def _line_break_before(text: str, base: int, toks: list[Token], k: int) -> bool:
    """A line ends between token k - 1 and token k."""
    return k > 0 and "\n" in text[toks[k - 1].end - base : toks[k].start - base]


# a programme's strand after the family's name: a strand code, capitalised words joined by dashes, its years
PROGRAMME_TAIL = re.compile(
    r"(?:[ \u00a0]+(?:[IVX]{1,3}(?:[- ][A-D])?(?![\w-])|[A-ZĄĆĘŁŃÓŚŹŻ][\w]*(?:[ \u00a0]?[–-][ \u00a0]?[A-ZĄĆĘŁŃÓŚŹŻ][\w]*)*"
    r"|\d{4}[ \u00a0]?[–-][ \u00a0]?\d{4}))+"
)


def _programme_tail(text: str, base: int, toks: list[Token], j: int, gaz) -> int | None:
    """The token past a programme's strand named after its family's name at token j, or None: "Interreg"
    + " Polska – Słowacja"; not a town after it ("sieci URBACT Kraków")."""
    if j == 0 or j >= len(toks) or (j >= 2 and toks[j - 2].lower in NETWORK_KINDS):
        return None  # "sieci URBACT ACCESS": the programme's network, named after it
    m = PROGRAMME_TAIL.match(text, toks[j - 1].end - base)
    if not m:
        return None
    end = j
    while end < len(toks) and toks[end].end - base <= m.end():
        end += 1
    words = [t for t in toks[j:end] if t.is_word]
    if len(words) == 1 and _place_word(gaz, words[0]):
        return None
    return end if words else None


def _lower_run_opening(toks: list[Token], i: int) -> int | None:
    """The capitalised word opening a foreign name whose head at token i, in lower case, follows lower-case
    words of which one at least has letters Polish lacks ("Vilniaus miesto socialinės paramos centras",
    where "paramos" looks Polish; not "Partners also visited a social cooperative"), or None."""
    t = toks[i]
    if not (t.unknown and t.text.islower() and _foreign_head(t.text)):
        return None
    k = i - 1
    while k >= 0 and i - k <= 4 and toks[k].is_word and toks[k].text.islower():
        k -= 1
    lower = toks[k + 1 : i]
    if k < 0 or not lower or not toks[k].is_upper_initial or not toks[k].unknown:
        return None
    return k if any(NON_POLISH_LETTERS.search(x.text) for x in lower) else None  # not English


def _line_ends_name(text: str, base: int, toks: list[Token], k: int) -> bool:
    """Token k opens a line that a name on the line before does not run into: a line of prose after a short line
    of a list ("Dom Nádeje Košice\nPierwszego dnia goście …"), or a line after or of a 'Name – role' list; a
    name broken in wrapped prose or over two short lines ("Fundacji\nDom Nadziei.") goes on."""
    if not _line_break_before(text, base, toks, k):
        return False
    ends, opens = toks[k - 1].end - base, toks[k].start - base
    if BLANK_LINE.search(text, ends, opens):
        return True  # a paragraph ends: a heading's name does not run into the report under it
    line_start = text.rfind("\n", 0, ends) + 1
    line_end = text.find("\n", opens)
    line = text[opens : line_end if line_end >= 0 else len(text)]
    # this line an item, or the last one and this no fragment of a name ("Dom Nadziei.")
    listed = ITEM_LINE.match(line) or (ITEM_LINE.match(text[line_start:ends]) and len(line.split()) >= 5)
    return (
        bool(listed)
        or (ends - line_start < SHORT_LINE and len(line) > PROSE_LINE)
        or bool(ADDRESS_LINE.match(line))
    )


BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
# a line opening with a person's name and a dash before a role: "Tomas Jankauskas – projektų vadovas, …"
ITEM_LINE = re.compile(r"(?:[A-ZÀ-ÞĄĆĘŁŃŚŹŻ][\w'’.-]+ ){1,3}[–—-] \w")


# a line of an address under a name: a street and its number ("Kerkstraat 21", "ul. Długa 5/3"), a postcode and
# its town ("7311 AB Apeldoorn", "31-054 Kraków", "01067 Dresden")
ADDRESS_LINE = re.compile(
    r"[ \u00a0]*(?:(?:(?:ul|al|pl)\.[ \u00a0]?)?(?![^\n]*\bnr\b)[A-ZÀ-ÞĄĆĘŁŃŚŹŻ][\w .'’-]{1,40}[ \u00a0]\d{1,4}[a-zA-Z]?(?:[/-]\d{1,4})?[ \u00a0,]*$"
    r"|\d{2}-\d{3}[ \u00a0]|\d{4}[ \u00a0]?[A-Z]{2}[ \u00a0]|\d{4,5}[ \u00a0]+[A-ZÀ-ÞĄĆĘŁŃŚŹŻ])"
)


# a line this short is a line of a list or a heading, not one of wrapped prose; one this long is prose
SHORT_LINE, PROSE_LINE = 60, 80


# kinds of body before or after a name written in lower case ("spółka wieder wohnen", "neunerhaus – organizacja")
LOWER_NAME_KINDS = NAMED_KINDS | {"spółka", "sieć", "instytucja"}
# cues that the next words name a body: "przez", "we współpracy z", "gospodarzem było", "partnerem była"
LOWER_NAME_VERBS = {"być", "zostać"}
# Polish inflectional endings: a word the dictionary does not know but Polish inflects ("streetworkerów")
POLISH_ENDING = re.compile(r"(?:ów|ami|ach|ego|emu|ej|ych|ymi|ości|owie|owi|ą|ę)$")


def _lower_own_word(t: Token) -> bool:
    """A lower-case word of a foreign own name: one the dictionary does not know, with no Polish ending."""
    return _foreign_lower(t) and POLISH_ENDING.search(t.lower) is None


def _continued(o: Name, text: str, base: int, end: int) -> Name:
    """A foreign name found cut, to `end`: its own name, without a Polish kind word before it ("Stowarzyszenie
    Freunde" + " von Gliwice e.V." -> "Freunde von Gliwice e.V.")."""
    value = o.value + text[o.end - base : end - base]
    kind, _, rest = value.partition(" ")
    if kind.lower() in NAMED_KINDS and rest and all(unknown_word(w) for w in o.value.split()[1:]):
        value = rest
    return replace(o, value=value, end=end)


def _opening_noun(toks: list[Token], k: int) -> bool:
    """A capitalised noun mid-sentence, after a lower-case word, that names no Polish body or role."""
    t = toks[k]
    return (
        k > 0
        and _name_word(t)
        and toks[k - 1].is_word
        and toks[k - 1].text.islower()
        and all(a.pos == "subst" for a in t.analyses)
        and not t.lemmas & (ROLES | GROUP_NOUNS)
        and _head_analysis(t, HEADS_2B) is None
    )


def _lower_name_word(t: Token) -> bool:
    """A lower-case word that may be part of a foreign own name: no Polish ending, no Polish function word or
    verb ("wieder" in "wieder wohnen", which the dictionary knows)."""
    return (
        t.is_word
        and t.text.islower()
        and len(t.text) > 2
        and POLISH_ENDING.search(t.lower) is None
        and t.lower not in ENGLISH_CLAUSE_WORDS
        and not t.has_pos("prep", "conj", "comp", "qub", "adv", "ppron12", "ppron3", *VERB_POS)
    )


def _lower_name_cue(toks: list[Token], k: int) -> bool:
    """The words before token k say a body is named next."""
    before = toks[k - 1]
    if before.lower == "przez" or (before.text.islower() and before.lemmas & LOWER_NAME_KINDS):
        return True
    if before.lower in ("z", "ze") and k > 1 and toks[k - 2].lower == "współpracy":
        return True
    if k > 1 and before.lemmas & LOWER_NAME_VERBS:
        before = toks[k - 2]  # "gospodarzem było neunerhaus"
    return bool(before.lemmas & {"gospodarz", "partner", "organizator", "współorganizator"})


def _foreign_lower(t: Token) -> bool:
    """A lower-case word of a foreign name ("spásy", "miesto"): unknown to morfeusz2, and not an English
    word of the sentence around a name ("… European Union through the …", "… Vaterstetten visited …")."""
    return (
        t.is_word
        and t.text[:1].islower()
        and t.unknown
        and len(t.text) > 2
        and t.lower not in ENGLISH_CLAUSE_WORDS
        and not (t.lower.endswith("ed") and t.lower.isascii())
    )


ENGLISH_CLAUSE_WORDS = {"through", "with", "within", "from", "into", "which", "that", "who", "were", "was", "are",
                        "has", "have", "had", "two", "three", "will", "would", "also", "their", "its"}  # fmt: skip


def _next_is_foreign(toks: list[Token], i: int) -> bool:
    """A Polish-looking head word in a foreign name: "Diakonie Deutschland", "Caritas Lituania", "Centrum
    sociálnych služieb"."""
    if i + 1 >= len(toks) or not toks[i + 1].is_word:
        return False
    if (
        toks[i].lower == "diakonie"
        and toks[i + 1].is_upper_initial
        and toks[i + 1].has_mark("nazwa_geograficzna")
    ):
        return True  # "Diakonie Stuttgart": Polish has "diakonia", never "Diakonie" before a town
    if not toks[i + 1].unknown:
        return False
    return toks[i + 1].is_upper_initial or bool(NON_POLISH_LETTERS.search(toks[i + 1].text))


def _foreign_after(toks: list[Token], i: int) -> bool:
    """A foreign name goes on after the Polish-looking head at i: a foreign word, or a Czech or Slovak
    preposition and one ("Centrum pre deti a rodiny")."""
    return (
        _next_is_foreign(toks, i)
        or (i + 1 < len(toks) and _slavic_connector(toks, i + 1))
        # a foreign joining word: "Caritas der Erzdiözese Wien"
        or (i + 2 < len(toks) and toks[i + 1].text in FOREIGN_JOINS and _name_goes_on(toks, i + 2))
    )


def _word_before_connector(toks: list[Token], k: int) -> bool:
    """A capitalised Polish-looking word of a foreign name that goes on past a connector: "Univerzita Mateja
    Bela v Banskej Bystrici"."""
    return (
        toks[k].is_upper_initial
        and toks[k].is_word
        and k + 2 < len(toks)
        and toks[k + 1].text in CONNECTORS - POLISH_AND - {"-", "'", "’"}
        and _name_goes_on(toks, k + 2)
    )


def _slavic_connector(toks: list[Token], k: int) -> bool:
    """A Czech or Slovak preposition inside a foreign name, between foreign words: "Sdružení pro péči"."""
    if toks[k].text == "a":  # "and" inside a name only before a lower-case word: "pre deti a rodiny"
        return (
            k + 1 < len(toks)
            and _foreign_spelling(toks[k - 1])
            and (_foreign_lower(toks[k + 1]) or _only_odd_readings(toks[k + 1]))
        )
    return (
        toks[k].text in SLAVIC_CONNECTORS
        and k + 1 < len(toks)
        and _foreign_spelling(toks[k - 1])
        and (_foreign_lower(toks[k + 1]) or _foreign_word(toks[k + 1], toks, k + 1))
    )


# ---------------------------------------------------------------- the page's publisher

# the publisher's "we" in an event's text: "odwiedzili nas", "naszej świetlicy", "gościliśmy", "otrzymałyśmy"
FIRST_PERSON = re.compile(r"(?<!\w)(?:nas|nasi|nami|nam|nasz\w*|\w+(?:liśmy|łyśmy|iśmy))(?!\w)", re.I)


def page_publisher(page_text: str, registries, gaz) -> Name | None:
    """The organisation a page's first lines name as its publisher ("Fundacja „Pomocna Dłoń” Kraków",
    "Stowarzyszenie Nadzieja dla Rodzin – Kraków", a university's name over its news), or None."""
    offset = 0
    for n, line in enumerate(page_text.split("\n")):
        if n > 2 or offset > 300:
            break
        bare = line.strip()
        if bare and len(bare) <= 120 and not bare.endswith((".", "?", "!")):
            at = offset + line.index(bare)
            found = find_names(bare, None, at, 0, registries, gaz).organisations
            if found and found[0].start == at and not found[0].default_home:
                return _name_case(found[0])
        offset += len(line) + 1
    return None


# short words a name keeps in lower case when it is written in capitals ("FUNDACJA NA RZECZ …")
LOWER_IN_NAMES = {"w", "we", "na", "i", "z", "ze", "do", "dla", "rzecz", "im", "oraz", "o", "od", "po", "przy"}  # fmt: skip


def _name_case(publisher: Name) -> Name:
    """A publisher named in capitals in the page's header ("FUNDACJA ZŁOTY WIEK") as its text writes it."""
    if not publisher.value.isupper():
        return publisher
    words = [
        w.lower() if w.lower().strip(".") in LOWER_IN_NAMES else w.capitalize()
        for w in publisher.value.split()
    ]
    words[0] = words[0].capitalize()
    return replace(publisher, value=" ".join(words))


def names_publisher(text: str, publisher: Name) -> bool:
    """Whether an event's text has its publisher take part: "we" ("odwiedzili nas", "gościliśmy"), its
    head word alone as a name ("członków Koalicji", "po stronie Stowarzyszenia"), or its acronym ("UKEN")."""
    if FIRST_PERSON.search(text):
        return True
    words = publisher.value.split()
    acronym = _acronym(publisher.value)
    head = {a.lemma for a in name_tokens(words[0])[0].analyses} if words else set()
    toks = name_tokens(text)
    for k, t in enumerate(toks):
        alone = k + 1 >= len(toks) or not (toks[k + 1].is_upper_initial and toks[k + 1].is_word)
        if t.is_upper_initial and t.lemmas & head and alone and k > 0 and toks[k - 1].text not in (".", "\n"):
            return True
        if len(acronym) >= 3 and t.text == acronym:
            return True
    return False


def part_of_publisher(value: str, publisher: Name) -> bool:
    """A unit named with its publisher's acronym ("Instytut Pracy Socjalnej UKEN" is the university's), or
    the publisher itself by its acronym."""
    acronym = _acronym(publisher.value)
    # also the publisher by its acronym and seat: "ROPS w Krakowie" of "Regionalny Ośrodek Polityki Społecznej"
    return len(acronym) >= 3 and value.endswith(" " + acronym) or _acronym_of(value, publisher.value)


def _acronym(value: str) -> str:
    """The initials of a name's capitalised words without its seat: "Uniwersytet Komisji Edukacji Narodowej
    w Krakowie" -> "UKEN"."""
    body = re.split(r"\s+we?\s+", value)[0]
    return "".join(w[0] for w in body.split() if w[:1].isupper())
