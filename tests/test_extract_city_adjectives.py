"""Cities named by their Polish adjective inside organisations' names."""

from __future__ import annotations

import pytest

from partnergraph.extract._text import tokenize
from partnergraph.extract.gazetteer import load_gazetteer, with_registries
from partnergraph.extract.places import seat_adjectives


@pytest.fixture(scope="module")
def gaz(registries):
    """The index as extraction reads it: laid with data/reference (countries.csv's nation words among them)."""
    return with_registries(load_gazetteer(), registries)


def seats(gaz, name: str) -> list[tuple[str, str]]:
    return [(m.city.name, m.country) for m in seat_adjectives(gaz, tokenize(name))]


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("Uniwersytet Tokijski", ("Tokyo", "JP")),
        ("Uniwersytet Wiedeński", ("Vienna", "AT")),
        ("Politechnika Drezdeńska", ("Dresden", "DE")),
        ("Uniwersytetu Hamburskiego", ("Hamburg", "DE")),
        ("Kijowska Administracja Miejska", ("Kyiv", "UA")),
        ("Lwowska Rada Miejska", ("Lviv", "UA")),
        ("Uniwersytet Lipski", ("Leipzig", "DE")),  # Lipsk, not Lipa
        ("Uniwersytet Heidelberski", ("Heidelberg", "DE")),  # a name morfeusz2 does not know
        ("Szpital Odeski", ("Odesa", "UA")),
        ("Uniwersytet Ateński", ("Athens", "GR")),
        ("Miejski Ośrodek Belgradzki", ("Belgrade", "RS")),
        ("Uniwersytet Monachijski", ("Munich", "DE")),
        ("Uniwersytet Kopenhaski", ("Copenhagen", "DK")),
        ("Uniwersytet Madrycki", ("Madrid", "ES")),
    ],
)
def test_a_city_adjective_names_the_city(gaz, name, city):
    assert seats(gaz, name) == [city]


@pytest.mark.parametrize(
    "name",
    [
        "Miejski Ośrodek Pomocy Społecznej",
        "Uniwersytet Jagielloński",
        "Europejskie Stowarzyszenie Katolickie",
        "Chrześcijańska Akademia Teologiczna",
        "Fundacja im. Jana Pawłowskiego",  # a surname: Pavlovo is too small to be meant
        "Polski Czerwony Krzyż",
        "Niemiecki Związek Dobroczynny",  # a country's adjective is a nationality, not a city
        "Maltańska Służba Medyczna",
        "Dunajskie Stowarzyszenie Gmin",  # the Danube, though Dunaj is also a name of Vienna
        "wiedeński model",  # not a name
        "Dom Pomocy Społecznej przy ul. Praskiej",  # a street in Kraków
        "Centrum przy al. Wiedeńskiej",
    ],
)
def test_ordinary_adjectives_invent_no_city(gaz, name):
    assert [c for c in seats(gaz, name) if c[1] != "PL"] == []
