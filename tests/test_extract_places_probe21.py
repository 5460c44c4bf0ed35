"""tests/data/places-probe21: six pages of places the earlier sets lack: a town two German towns are named, from a
page of the home across the river ("z Frankfurtu" from Słubice), venues given only as near a town ("niedaleko
Ołomuńca", "koło Brna"), the home's own facilities in Polish towns on a trip abroad, a list of bullets with Czech
bodies' names in the Czech genitive, the guests' town only in their address ("040 01 Košice"), the host of a trip
only by its town's adjective ("Lwowskie Miejskie Centrum …"), common words opening sentences (Wiele, Sala, Kilka).
Gold written by ../shared/eval/GOLD-CONVENTIONS.md before the extractor ran on them. Before the fix: events F1
0.941, fields macro 0.812 (location 0.706, cities 0.824; one page's second item merged into its first, an EVENTS
matter)."""

from __future__ import annotations

import pytest
from conftest import city_pairs, extract_events


def test_a_town_of_two_namesakes_is_the_one_near_the_homes_town(registries):
    text = "Seniorzy w naszym klubie\n\n14 marca 2022 r. odwiedzili nas seniorzy z Frankfurtu.\n"
    (near,) = extract_events(text, registries, year=2022, home="Fundacja „Pomost”", home_city="Słubice")
    (far,) = extract_events(text, registries, year=2022)
    assert (city_pairs(near), city_pairs(far)) == (
        [("Frankfurt (Oder)", "DE")],
        [("Frankfurt am Main", "DE")],
    )


@pytest.mark.parametrize("near", ["niedaleko", "nieopodal", "w pobliżu", "koło", "pod"])
def test_a_venue_near_a_town_is_placed_by_the_town(registries, near):
    text = (
        "Szkolenie w Czechach\n\n23 kwietnia 2019 r. pracownicy ośrodka szkolili się w ośrodku szkoleniowym "
        f"{near} Ołomuńca.\n"
    )
    (ev,) = extract_events(text, registries, year=2019)
    assert (ev["direction"], ev["location"]) == ("outgoing", {"city": "Olomouc", "country": "CZ"}), near


def test_a_trip_abroad_placed_by_its_hosts_town_adjective(registries):
    text = (
        "Wizyta w partnerskim centrum na Ukrainie\n\n20 maja 2019 r. pracownice Ośrodka Interwencji Kryzysowej "
        "MOPS w Krakowie odwiedziły Lwowskie Miejskie Centrum Pomocy Społecznej.\n"
    )
    (ev,) = extract_events(text, registries, year=2019)
    assert (ev["direction"], ev["location"]) == ("outgoing", {"city": "Lviv", "country": "UA"})


@pytest.mark.parametrize(
    "opening", ["Wiele osób przyszło z wnukami.", "Sucha trawa pachniała.", "Sala była pełna."]
)
def test_a_common_word_opening_a_sentence_is_no_town(registries, opening):
    text = f"Goście z Berlina\n\n14 marca 2022 r. odwiedzili nas seniorzy z Berlina. {opening}\n"
    (ev,) = extract_events(text, registries, year=2022)
    assert city_pairs(ev) == [("Berlin", "DE")], opening


def test_a_czech_or_slovak_postcode_before_the_town(registries):
    text = (
        "Goście ze Słowacji\n\n5 lutego 2020 r. gościliśmy streetworkerów słowackiej organizacji.\n\n"
        "Partner: o.z. Vagus, Karpatská 6, 040 01 Košice, Slovensko\n"
    )
    (ev,) = extract_events(text, registries, year=2020)
    assert city_pairs(ev) == [("Košice", "SK")]
