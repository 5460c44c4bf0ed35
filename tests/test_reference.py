"""The registries: loading, lookups by name or alias, and one clear message per malformed row."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from partnergraph._slug import slug
from partnergraph.errors import RegistryError
from partnergraph.reference import Organisation, Registries, load_registries

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


def scan(entries, name: str):
    """The look-up as it was before the slug index: the first entry with the name or an alias."""
    key = slug(name)
    return next((e for e in entries if key in {slug(e.name), *map(slug, e.aliases)}), None)


def test_the_slug_index_finds_what_a_scan_of_the_list_finds():
    registries = load_registries(REFERENCE)
    for field in ("organisations", "units", "programmes", "projects"):
        find = getattr(registries, f"find_{field[:-1]}")
        entries = getattr(registries, field)
        names = [n for e in entries for n in (e.name, *e.aliases)]
        names += [n.upper() for n in names] + [f"{n} e.V." for n in names] + ["", "Nobody", "---"]
        for name in names:
            assert find(name) is scan(entries, name), (field, name)


def test_the_first_entry_of_a_shared_name_wins_and_a_grown_list_is_indexed_again():
    first = Organisation("Caritas Wien", ("Caritas",), "AT", None, None)
    second = Organisation("Caritas Polska", ("Caritas",), "PL", None, None)
    registries = Registries(organisations=[first, second])
    assert registries.find_organisation("caritas") is first
    assert registries.find_organisation("Diakonie") is None
    diakonie = Organisation("Diakonie Wien", ("Diakonie",), "AT", None, None)
    registries.organisations.append(diakonie)  # load_registries appends after looking programmes up
    assert registries.find_organisation("Diakonie") is diakonie


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
            "ukraine,Ukraine,Ukraina,Q212,,",
            r"countries.csv:\d+: iso2 'ukraine' is not two capitals",
        ),
        (
            "countries.csv",
            "XK,Kosovo,Kosowo,Q1246,kosowski|norweski,Kosowianin",
            r"countries.csv:\d+: 'norweski' is a word of an earlier country too",
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


def test_the_review_finds_an_organisation_the_registry_gains_once_it_reloads(tmp_path):
    from conftest import copy_project

    from partnergraph.review.values import Corpus
    from partnergraph.settings import Settings

    settings = Settings(copy_project(tmp_path))
    corpus = Corpus(settings)
    assert corpus.registries.find_organisation("Stiftung Nachbarschaft") is None  # the index is made
    with (settings.reference_dir / "organisations.csv").open("a", encoding="utf-8") as f:
        f.write("Stiftung Nachbarschaft Wien,Stiftung Nachbarschaft,AT,ngo,\n")
    corpus.reload(set())  # as the review does after a registry change (app.refresh_pages)
    assert corpus.registries.find_organisation("stiftung nachbarschaft").name == "Stiftung Nachbarschaft Wien"
