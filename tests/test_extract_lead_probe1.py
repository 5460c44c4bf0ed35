"""The lead's cold probe set (tests/data/lead-probe1): six pages of the three kinds the hidden sets hold (a
MOPS Kraków bulletin-like list, Kraków pages off the bulletin, other bodies' pages), written with gold by
../shared/eval/GOLD-CONVENTIONS.md before the extractor ran on them; its floors are in tests/data/probe-floors.toml.
Below: the rules its misses drove."""

from __future__ import annotations

import pytest
from conftest import extract_events

HOME = {"home": "Powiatowe Centrum Pomocy Rodzinie w Zgorzelcu", "home_city": "Zgorzelec"}


@pytest.mark.parametrize(
    "sentence",
    [
        # the home's name inside the phrase that names the people ("pracowników … Centrum Pomocy …")
        "troje pracowników Powiatowego Centrum Pomocy Rodzinie w Zgorzelcu uczestniczyło w wizycie studyjnej w Dreźnie",
        # a word after it
        "pracownicy socjalni z Powiatowego Centrum Pomocy Rodzinie w Zgorzelcu uczestniczyli w szkoleniu w Dreźnie",
    ],
)
def test_the_homes_own_staff_on_a_trip_abroad_are_not_the_foreign_side(registries, sentence):
    page = f"Wyjazd do Niemiec\n\nW dniu 4 kwietnia 2019 r. {sentence}.\n"
    (event,) = extract_events(page, registries, **HOME)
    assert (event["direction"], event["participants"]) == ("outgoing", None)


def test_the_foreign_staff_met_abroad_keep_their_kind(registries):
    page = (
        "Wyjazd do Niemiec\n\nW dniu 4 kwietnia 2019 r. pracownicy Powiatowego Centrum Pomocy Rodzinie w Zgorzelcu "
        "uczestniczyli w spotkaniu z pracownikami socjalnymi z Drezna.\n"
    )
    (event,) = extract_events(page, registries, **HOME)
    assert (event["direction"], event["participants"]) == ("outgoing", "professionals")
