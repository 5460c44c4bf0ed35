"""tests/data/places-probe23: six pages of places the earlier sets lack: Ukrainian, Lithuanian, Hungarian and Swedish
towns in Polish inflection (z Tarnopola i Równego, w Kłajpedzie, w Debreczynie, z Göteborga i Lundu), Kraków's
districts as venues (w Nowej Hucie, na Kazimierzu, w Podgórzu), a trip of several stops with a sightseeing one, the
guests' organisation's own facilities elsewhere, an online meeting, a venue named by its institution only, a route
through other towns. Gold written by ../shared/eval/GOLD-CONVENTIONS.md before the extractor ran on them. Before the
fix: events F1 0.933, fields macro 0.915 (cities 0.903)."""

from __future__ import annotations

import pytest
from conftest import city_pairs, extract_events, one_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the guests' organisation's other places, in a relative clause that adds them
        (
            "gościliśmy wolontariuszy z Göteborga. Przyjechali z organizacją Kyrkans Ungdom, która prowadzi też "
            "świetlice w Malmö i Sztokholmie.",
            [("Gothenburg", "SE")],
        ),
        # the towns a route goes through, the verb of travel after them
        (
            "nasi wolontariusze zawieźli dary do Iwano-Frankiwska. Bus wyruszył z Krakowa i przez Przemyśl oraz "
            "Lwów dotarł na miejsce następnego dnia.",
            [("Ivano-Frankivsk", "UA")],
        ),
        # a town closing a body's name, its country named ("z Niemiec", "z Australii")
        ("MOPS gościł delegację Diakonie Neuendettelsau z Niemiec.", [("Neuendettelsau", "DE")]),
        ("MOPS odwiedzili członkowie Rotary Club of Perth z Australii.", [("Perth", "AU")]),
        # a body's name going on with a particle is no town ("Leger" is no village Lemiers)
        (
            "przyjechali goście z Holandii. Rozmawiał z nimi Pieter van den Berg z Leger des Heils.",
            [],
        ),
    ],
)
def test_places_that_are_not_the_events_and_seats_in_names(registries, text, expected):
    assert city_pairs(one_event(text, registries)) == expected, text


def test_the_one_town_of_the_country_visited_is_the_venue(registries):
    """Abroad in a country the heading names, the one town the text names (here as the inviting body) is the
    place of the event."""
    ev = one_event(
        "pracownicy MOPS na zaproszenie miasta Tampere wzięli udział w seminarium o usługach społecznych.",
        registries,
        heading="Wizyta w Finlandii",
    )
    assert (ev["direction"], ev["location"]) == ("outgoing", {"city": "Tampere", "country": "FI"})


def test_a_trip_of_two_towns_and_a_sightseeing_stop(registries):
    text = (
        "Wyjazd studyjny na Litwę\n\nW dniach 5–7 czerwca 2023 r. pracownicy uczestniczyli w wyjeździe studyjnym "
        "na Litwę. W Kownie gościła nas Caritas, a w Kłajpedzie odwiedziliśmy ośrodek dziennego pobytu. W drodze "
        "powrotnej zwiedziliśmy Górę Krzyży pod Szawlami.\n"
    )
    (ev,) = extract_events(text, registries, home="MOPR w Białymstoku", home_city="Białystok")
    assert (ev["location"], city_pairs(ev)) == (
        {"city": None, "country": "LT"},
        [("Kaunas", "LT"), ("Klaipėda", "LT")],
    )
