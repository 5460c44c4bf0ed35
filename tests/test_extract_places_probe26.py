"""tests/data/places-probe26: five pages of places the earlier sets lack: a calendar whose headings open with the
item's town before a dash ("Graz – wizyta studyjna", "Wilno – konferencja …"), Croatian towns in Polish genitives
(z Osijeka, Splitu i Rijeki), a Greek city by its plural exonym (w Salonikach) with the organiser's other places in a
relative clause, a body whose Estonian name opens with its town in the genitive (Tallinna …), a home town that is a
common noun (w Brzegu beside "brzegiem Odry"). Gold written by ../shared/eval/GOLD-CONVENTIONS.md before the
extractor ran on them. Before the fix: events F1 1.000, fields macro 0.881."""

from __future__ import annotations

import pytest
from conftest import city_pairs, extract_events


@pytest.mark.parametrize(
    ("heading", "body", "expected"),
    [
        # the town labels the item: the home's people were there
        (
            "Graz – wizyta studyjna",
            "troje pracowników ROPS poznało pracę Caritas Steiermark.",
            ("outgoing", {"city": "Graz", "country": "AT"}, [("Graz", "AT")]),
        ),
        (
            "Wilno – konferencja o opiece nad seniorami",
            "dyrektor ROPS wygłosił referat na konferencji.",
            ("outgoing", {"city": "Vilnius", "country": "LT"}, [("Vilnius", "LT")]),
        ),
        # a heading that says the guests came: the town is theirs
        (
            "Graz – goście w Opolu",
            "pracownicy Caritas Steiermark poznali pracę ROPS.",
            ("incoming", {"city": "Opole", "country": "PL"}, [("Graz", "AT")]),
        ),
    ],
)
def test_a_town_opening_a_heading_before_a_dash(registries, heading, body, expected):
    text = f"{heading}\n\nW dniach 3–5 kwietnia 2019 r. {body}\n"
    (ev,) = extract_events(text, registries, home="ROPS w Opolu", home_city="Opole")
    assert (ev["direction"], ev["location"], city_pairs(ev)) == expected, heading
