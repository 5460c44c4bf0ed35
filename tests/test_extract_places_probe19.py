"""tests/data/places-probe19: six pages of places the earlier sets lack: a list page whose bullets open with days, a
dash and a town with its country in brackets ("• 8–9 marca – Wilno (Litwa): …"), a town given by its Polish name
with its own in brackets ("z Kowna (Kaunas)"), Hungarian towns by Polish exonyms (w Segedynie, z Debreczyna,
Peczu), an organiser "z siedzibą w Wiedniu" of a seminar in Bratislava, a home town named like the preposition
'koło' (do Koła, w Kole), a trip to two countries' capitals. Gold written by ../shared/eval/GOLD-CONVENTIONS.md
before the extractor ran on them. Before the fix (main's code): events F1 1.000, fields macro 0.929 (direction
0.750, location 0.714)."""

from __future__ import annotations

import pytest
from conftest import extract_events


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "8–9 marca – Wilno (Litwa): udział w seminarium o mieszkaniach wspomaganych.",
            ("outgoing", "Vilnius"),
        ),
        ("5–7 października – Opawa (Czechy): spotkanie partnerów projektu.", ("outgoing", "Opava")),
        ("24 maja – Kraków: wizyta studyjna pracowników socjalnych ze Lwowa.", ("incoming", "Kraków")),
    ],
)
def test_a_bullet_headed_by_its_days_and_town_with_its_country(registries, item, expected):
    text = f"Kalendarium współpracy zagranicznej 2017\n\n• {item}\n• 1 grudnia – Kraków: spotkanie z gośćmi z Ryg.\n"
    ev = extract_events(text, registries, year=2017)[0]
    assert (ev["direction"], ev["location"]["city"]) == expected, item
