"""The registries in data/reference/ that extraction links to and the graph describes.

Each registry is a UTF-8 CSV file with a header row. A malformed row raises RegistryError naming the
file and the line, so a typo in a registry never reaches the graph silently.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from ._slug import slug
from .errors import RegistryError
from .model import Place

ISO2 = re.compile(r"^[A-Z]{2}$")
WIKIDATA = re.compile(r"^Q\d+$")


@dataclass(frozen=True)
class Country:
    iso2: str
    name_en: str
    name_pl: str
    wikidata_id: str | None = None
    # the Polish words for its people and things: adjectives in the base form ("norweski"), and the noun of one
    # of its people ("Norweg"), which a text uses in the plural ("dziewięciu Norwegów")
    adjectives_pl: tuple[str, ...] = ()
    demonyms_pl: tuple[str, ...] = ()


@dataclass(frozen=True)
class Organisation:
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    kind: str | None = None
    wikidata_id: str | None = None


@dataclass(frozen=True)
class Unit:
    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None


@dataclass(frozen=True)
class Programme:
    name: str
    aliases: tuple[str, ...] = ()
    owner: str | None = None
    wikidata_id: str | None = None


@dataclass(frozen=True)
class Project:
    name: str
    aliases: tuple[str, ...] = ()
    programme: str | None = None
    start: str | None = None
    end: str | None = None
    lead_partner: Place | None = None
    partner_cities: tuple[Place, ...] = ()


@dataclass
class Registries:
    countries: dict[str, Country] = field(default_factory=dict)
    # (English name, ISO2, GeoNames id or None) -> the row of places.csv: two towns may share a name
    places: dict[tuple[str, str, int | None], Place] = field(default_factory=dict)
    organisations: list[Organisation] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    # (name, city, country) of home.csv: the body whose cooperation the pages report
    home: tuple[str, str, str] | None = None
    # exonyms.csv: Polish names of towns that GeoNames lacks, each with the town's GeoNames record
    exonyms: list[tuple[str, tuple]] = field(default_factory=list)
    # registry list's name -> (its length, slug -> entry), made at the first look-up (see _find); "places":
    # (its length, (name, ISO2) -> the first town of the name)
    _index: dict[str, tuple[int, dict]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def place(self, name: str, country: str, geonames_id: int | None = None) -> Place | None:
        """The registered town of this name in this country. Given its GeoNames id, that town only (or a row
        of the name that has no id): a town of the same name is another town. Without an id, the first
        registered of the name."""
        if geonames_id is not None:
            return self.places.get((name, country, geonames_id)) or self.places.get((name, country, None))
        made = self._index.get("places")
        if made is None or made[0] != len(self.places):
            named: dict[tuple[str, str], Place] = {}
            for (place_name, iso2, _id), place in self.places.items():
                named.setdefault((place_name, iso2), place)
            made = self._index["places"] = (len(self.places), named)
        return made[1].get((name, country))

    def find_organisation(self, name: str) -> Organisation | None:
        return self._find("organisations", name)

    def find_unit(self, name: str) -> Unit | None:
        return self._find("units", name)

    def find_programme(self, name: str) -> Programme | None:
        return self._find("programmes", name)

    def find_project(self, name: str) -> Project | None:
        return self._find("projects", name)

    def _find(self, registry: str, name: str):
        """The first entry whose name or alias is `name`, compared without case, diacritics or punctuation.
        Each list's slugs are made once: a look-up is one slug and a dict read, not a slug of every entry.
        The index is made again when a list grows (load_registries appends, then looks programmes up)."""
        entries = getattr(self, registry)
        made = self._index.get(registry)
        if made is None or made[0] != len(entries):
            index = {}
            for entry in entries:
                for key in (entry.name, *entry.aliases):
                    index.setdefault(slug(key), entry)
            made = self._index[registry] = (len(entries), index)
        return made[1].get(slug(name))


def _rows(path: Path, required: tuple[str, ...]):
    """Yield (line number, row) of a registry CSV, checking the header and the required cells."""
    if not path.is_file():
        raise RegistryError(f"{path}: registry file is missing")
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise RegistryError(f"{path}:1: header lacks column(s) {', '.join(missing)}")
            for row in reader:
                line = reader.line_num
                if None in row or any(v is None for v in row.values()):
                    raise RegistryError(f"{path}:{line}: wrong number of cells")
                row = {k: v.strip() for k, v in row.items()}
                empty = [c for c in required if not row[c]]
                if empty:
                    raise RegistryError(f"{path}:{line}: empty {', '.join(empty)}")
                yield line, row
    except UnicodeDecodeError as e:
        raise RegistryError(f"{path}: not UTF-8 ({e.reason} at byte {e.start})") from None


def _aliases(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())


def _check(path: Path, line: int, ok: bool, what: str) -> None:
    if not ok:
        raise RegistryError(f"{path}:{line}: {what}")


def _float(path: Path, line: int, cell: str, name: str, limit: float) -> float:
    try:
        value = float(cell)
    except ValueError:
        raise RegistryError(f"{path}:{line}: {name} {cell!r} is not a number") from None
    _check(path, line, -limit <= value <= limit, f"{name} {value} out of range")
    return value


def load_registries(folder: str | Path) -> Registries:
    folder = Path(folder)
    reg = Registries()

    path = folder / "countries.csv"
    nation_words: set[str] = set()
    for line, row in _rows(path, ("iso2", "name_en", "name_pl")):
        _check(path, line, bool(ISO2.match(row["iso2"])), f"iso2 {row['iso2']!r} is not two capitals")
        adjectives, demonyms = _aliases(row.get("adjective_pl", "")), _aliases(row.get("demonym_pl", ""))
        for word in (*adjectives, *demonyms):  # one word, one country: "angielski" is read as GB alone
            _check(
                path, line, word.lower() not in nation_words, f"{word!r} is a word of an earlier country too"
            )
            nation_words.add(word.lower())
        reg.countries[row["iso2"]] = Country(
            row["iso2"], row["name_en"], row["name_pl"], row.get("wikidata_id") or None, adjectives, demonyms
        )

    def known_country(path: Path, line: int, iso2: str) -> str:
        _check(path, line, iso2 in reg.countries, f"unknown country {iso2!r}")
        return iso2

    path = folder / "places.csv"
    for line, row in _rows(path, ("name_en", "name_pl", "country", "lat", "lon")):
        gid = row.get("geonames_id") or ""
        _check(path, line, not gid or gid.isdigit(), f"geonames_id {gid!r} is not a number")
        wd = row.get("wikidata_id") or ""
        _check(path, line, not wd or bool(WIKIDATA.match(wd)), f"wikidata_id {wd!r} is not Q<digits>")
        place = Place(
            name=row["name_en"],
            country=known_country(path, line, row["country"]),
            name_pl=row["name_pl"],
            geonames_id=int(gid) if gid else None,
            wikidata_id=wd or None,
            lat=_float(path, line, row["lat"], "lat", 90),
            lon=_float(path, line, row["lon"], "lon", 180),
        )
        town = (place.name, place.country, place.geonames_id)
        _check(
            path, line, town not in reg.places, f"{place.name} ({place.country}) is on an earlier line too"
        )
        reg.places[(place.name, place.country, place.geonames_id)] = place

    path = folder / "organisations.csv"
    for line, row in _rows(path, ("name",)):
        country = row.get("country") or None
        if country:
            known_country(path, line, country)
        reg.organisations.append(
            Organisation(
                row["name"],
                _aliases(row.get("aliases", "")),
                country,
                row.get("kind") or None,
                row.get("wikidata_id") or None,
            )
        )

    path = folder / "units.csv"
    for _line, row in _rows(path, ("name",)):
        reg.units.append(Unit(row["name"], _aliases(row.get("aliases", "")), row.get("kind") or None))

    path = folder / "programmes.csv"
    for _line, row in _rows(path, ("name",)):
        reg.programmes.append(
            Programme(
                row["name"],
                _aliases(row.get("aliases", "")),
                row.get("owner") or None,
                row.get("wikidata_id") or None,
            )
        )

    path = folder / "projects.csv"
    for line, row in _rows(path, ("name",)):

        def city(ref: str, line: int = line) -> Place:
            name, _, iso2 = ref.partition("|")
            place = reg.place(name.strip(), iso2.strip())
            _check(path, line, place is not None, f"city {ref!r} is not in places.csv")
            return place

        lead = row.get("lead_partner") or ""
        partners = [p for p in (row.get("partner_cities") or "").split(";") if p.strip()]
        programme = row.get("programme") or None
        if programme:
            _check(path, line, reg.find_programme(programme) is not None, f"programme {programme!r} unknown")
        reg.projects.append(
            Project(
                row["name"],
                _aliases(row.get("aliases", "")),
                programme,
                row.get("start") or None,
                row.get("end") or None,
                city(lead) if lead else None,
                tuple(city(p) for p in partners),
            )
        )

    path = folder / "home.csv"  # optional: MOPS Kraków when absent
    if path.is_file():
        for line, row in _rows(path, ("name", "city")):
            reg.home = (row["name"], row["city"], known_country(path, line, row.get("country") or "PL"))

    path = folder / "exonyms.csv"  # optional: Polish names of towns that GeoNames lacks
    if path.is_file():
        for line, row in _rows(
            path, ("name_pl", "name", "country", "geonames_id", "lat", "lon", "population")
        ):
            _check(path, line, row["geonames_id"].isdigit() and row["population"].isdigit(), "not a number")
            record = (int(row["geonames_id"]), row["name"], known_country(path, line, row["country"]),
                      _float(path, line, row["lat"], "lat", 90), _float(path, line, row["lon"], "lon", 180),
                      int(row["population"]), None, None)  # fmt: skip
            reg.exonyms.append((row["name_pl"], record))
    return reg


@dataclass(frozen=True)
class HomeDisplay:
    """The home as readers see it on the portal: its short name per language and its website."""

    labels: dict[str, str]  # "en", "pl" -> name
    website: str = ""

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels["en"]


DEFAULT_HOME_DISPLAY = HomeDisplay({"en": "MOPS Kraków", "pl": "MOPS Kraków"}, "https://www.bip.krakow.pl/")


def read_home_display(folder: str | Path) -> HomeDisplay:
    """home.csv's optional `label_en`, `label_pl` (else its `name`) and `website`; MOPS Kraków without a
    home.csv."""
    path = Path(folder) / "home.csv"
    if not path.is_file():
        return DEFAULT_HOME_DISPLAY
    display = DEFAULT_HOME_DISPLAY
    for _line, row in _rows(path, ("name", "city")):
        labels = {lang: row.get(f"label_{lang}") or row["name"] for lang in ("en", "pl")}
        display = HomeDisplay(labels, row.get("website") or "")
    return display
