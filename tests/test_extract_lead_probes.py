"""The lead's cold probe sets (tests/data/lead-probeN): pages of the three kinds the hidden sets hold (a MOPS
Kraków bulletin-like list, Kraków pages off the bulletin, other bodies' pages), written with gold by
../shared/eval/GOLD-CONVENTIONS.md before the extractor ran on them; their floors are in
tests/data/probe-floors.toml. Below: the rules their misses drove."""

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


@pytest.mark.parametrize("gap", ["\n\n", "\n \n"])  # a blank line, or one of a space (the bulletin's)
def test_a_headings_name_does_not_run_into_the_report_under_it(registries, gap):
    page = f"Spotkanie w Fundacji Pro Polonia{gap}Dnia 3 czerwca 2009 r. Dyrektor spotkał się z Konsulem Austrii.\n"
    (event,) = extract_events(page, registries)
    assert event["organisations"] == ["Fundacja Pro Polonia"]


def test_a_byline_with_a_longer_credit_is_the_publication_line(registries):
    page = (
        "Łóżka z Norymbergi\n\n2021-11-26 12:40 | Oprac. Biuro Prasowe UMK\n\nMiasto Norymberga przekazało "
        "Krakowowi 80 łóżek. Transport przyjechał do Krakowa w środę, 24 listopada.\n"
    )
    (event,) = extract_events(page, registries)
    assert (event["start"], event["organisations"]) == ("2021-11-24", [])  # the credited office takes no part


def test_a_contact_line_names_no_party(registries):
    page = (
        "Konferencja w Helsinkach\n\nW dniach 20–22 września 2023 r. pracownicy MOPS wzięli udział w konferencji "
        "w Helsinkach.\n\nKontakt: Biuro Współpracy Zagranicznej MOPS, tel. 12 616 54 00\n"
    )
    (event,) = extract_events(page, registries)
    assert event["units"] == []


def test_a_town_opens_an_english_name_with_a_word_polish_knows(registries):
    page = "Studenci z Norwegii\n\nW dniu 3 maja 2019 r. Ośrodek gościł studentów z Oslo Metropolitan University.\n"
    (event,) = extract_events(page, registries)
    assert event["organisations"] == ["Oslo Metropolitan University"]  # "Metropolitan": Polish knows the word
