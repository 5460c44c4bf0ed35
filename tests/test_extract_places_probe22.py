"""tests/data/places-probe22: five pages of places the earlier sets lack: a body's Lithuanian name in the genitive
after a Polish noun ("przedstawicieli Vilniaus miesto savivaldybės"), a programme's bullets opening with common words
(Sala, Wiele), visitors "z okolic Lwowa", a dateline with its country in brackets ("STARA LUBOWLA (Słowacja), 3
czerwca 2019 r. –"), a Polish-inflected town with its bracket ("z Frankfurtu (Oder)"), the place only in a labelled
field ("Miejsce: Brno (Czechy)"). Gold written by ../shared/eval/GOLD-CONVENTIONS.md before the extractor ran on
them. Before the fix: events F1 1.000, fields macro 0.938 (location, cities 0.800)."""

from __future__ import annotations

import pytest
from conftest import city_pairs, extract_events


def test_a_dateline_with_its_country_in_brackets(registries):
    text = (
        "Wizyta seniorów u sąsiadów\n\nSTARA LUBOWLA (Słowacja), 3 czerwca 2019 r. – Dwudziestu seniorów z naszego klubu "
        "spędziło dzień u przyjaciół z miejscowego klubu seniora.\n"
    )
    (ev,) = extract_events(text, registries)
    assert (ev["direction"], ev["location"]) == ("outgoing", {"city": "Stará Ľubovňa", "country": "SK"})


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("przedstawicieli organizacji z okolic Lwowa", ("incoming", [("Lviv", "UA")])),
        ("naszych pracowników na szkoleniu w okolicach Brna", ("outgoing", [("Brno", "CZ")])),
    ],
)
def test_a_towns_surroundings_are_placed_by_the_town(registries, where, expected):
    text = f"Spotkanie\n\n3 lipca 2023 r. odbyło się spotkanie {where}.\n"
    (ev,) = extract_events(text, registries, year=2023)
    assert (ev["direction"], city_pairs(ev)) == expected, where


@pytest.mark.parametrize(
    "line",
    [
        "• Troje pracowników urzędu poznało nasz dział.",
        "• Sucha analiza danych.",
        "Spacer po Rynku i na Moście.",
    ],
)
def test_a_bullets_common_word_or_a_bridge_is_no_town(registries, line):
    text = (
        f"Goście z Berlina\n\n17 października 2018 r. gościliśmy przedstawicieli Berlina. Program:\n{line}\n"
    )
    (ev,) = extract_events(text, registries, year=2018)
    assert city_pairs(ev) == [("Berlin", "DE")], line
