"""The registries: loading, lookups by name or alias, and one clear message per malformed row."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from partnergraph.errors import RegistryError
from partnergraph.reference import load_registries

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"


@pytest.fixture
def reference(tmp_path) -> Path:
    return Path(shutil.copytree(REFERENCE, tmp_path / "reference"))


def test_the_registries_describe_what_the_issue_asks_for():
    registries = load_registries(REFERENCE)
    assert registries.countries["DE"].name_pl == "Niemcy" and registries.countries["DE"].wikidata_id == "Q183"
    krakow = registries.place("Kraków", "PL")
    assert (krakow.geonames_id, krakow.wikidata_id) == (3094802, "Q31487")
    assert registries.place("Vienna", "AT").name_pl == "Wiedeń"
    urb = registries.find_project("URB-INCLUSION")
    assert (urb.programme, urb.start, urb.end, urb.lead_partner.name) == (
        "URBACT III",
        "2016",
        "2019",
        "Barcelona",
    )
    assert {c.name for c in urb.partner_cities} == {
        "Barcelona",
        "Copenhagen",
        "Trikala",
        "Lyon",
        "Naples",
        "Turin",
        "Timișoara",
        "Glasgow",
        "Kraków",
    }
    for place in registries.places.values():
        assert place.lat is not None and place.lon is not None and place.country in registries.countries


def test_lookups_by_alias_ignore_case_and_diacritics():
    registries = load_registries(REFERENCE)
    assert registries.find_unit("KIS").name == "Klub Integracji Społecznej"
    assert registries.find_unit("dzial pomocy bezdomnych").name == "Dział Pomocy Bezdomnym"
    assert registries.find_organisation("mops").name == "Miejski Ośrodek Pomocy Społecznej w Krakowie"
    assert registries.find_organisation("Nobody e.V.") is None


@pytest.mark.parametrize(
    ("file", "row", "message"),
    [
        ("places.csv", "Lviv,Lwów,UA,702550,,north,24.0", r"places.csv:\d+: lat 'north' is not a number"),
        ("places.csv", "Lviv,Lwów,UA,702550,,99.5,24.0", r"places.csv:\d+: lat 99.5 out of range"),
        ("places.csv", "Lviv,Lwów,XX,702550,,49.8,24.0", r"places.csv:\d+: unknown country 'XX'"),
        (
            "places.csv",
            "Lviv,Lwów,UA,702550,Lviv,49.8,24.0",
            r"places.csv:\d+: wikidata_id 'Lviv' is not Q<digits>",
        ),
        (
            "countries.csv",
            "ukraine,Ukraine,Ukraina,Q212",
            r"countries.csv:\d+: iso2 'ukraine' is not two capitals",
        ),
        ("organisations.csv", ",,PL,ngo,", r"organisations.csv:\d+: empty name"),
        (
            "projects.csv",
            "X,,URBACT III,2020,2021,Atlantis|XX,",
            r"projects.csv:\d+: city 'Atlantis\|XX' is not in places.csv",
        ),
        ("units.csv", "Filia nr 3,,branch,extra", r"units.csv:\d+: wrong number of cells"),
    ],
)
def test_a_malformed_row_names_file_and_line(reference, file, row, message):
    path = reference / file
    path.write_text(path.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=message):
        load_registries(reference)


def test_a_missing_file_or_column_is_named(reference):
    (reference / "units.csv").unlink()
    with pytest.raises(RegistryError, match="units.csv: registry file is missing"):
        load_registries(reference)
    (reference / "units.csv").write_text("label,kind\nX,y\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="units.csv:1: header lacks column"):
        load_registries(reference)


def test_a_registry_in_another_encoding_is_refused(reference):
    path = reference / "organisations.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1250"))
    with pytest.raises(RegistryError, match="organisations.csv: not UTF-8"):
        load_registries(reference)
