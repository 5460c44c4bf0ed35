"""A twenty-fourth probe set: a visit told under day subheadings, a release under its home-town dateline telling
'Wczoraj', the home's staff job shadowing abroad, a city calendar of months in Roman numerals ('IX–X 2018 – Wiedeń –
…'), a foreign university's trainees, the home's volunteers working abroad. Written with gold by
../shared/eval/GOLD-CONVENTIONS.md before the rule below; its floors are in tests/data/probe-floors.toml."""

from __future__ import annotations

from conftest import extract_events

HOME = {"home": "Miejski Ośrodek Pomocy Społecznej w Tczewie", "home_city": "Tczew"}


def test_a_calendar_row_of_two_roman_months_is_dated_by_both_and_placed_by_its_venue_cell(registries):
    page = (
        "Kalendarium 2018\n\nIII 2018 – Tczew – wizyta urzędników z Lubeki w Ośrodku\n"
        "IX–X 2018 – Wiedeń – staż dwóch pracownic Ośrodka w organizacji Neunerhaus\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [(e["start"], e["end"], e["direction"], e["location"]["city"]) for e in events] == [
        ("2018-03", "2018-03", "incoming", "Tczew"),
        ("2018-09", "2018-10", "outgoing", "Vienna"),
    ]
