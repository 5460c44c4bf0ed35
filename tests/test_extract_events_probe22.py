"""A twenty-second probe set: a MOPS bulletin-like yearly list whose foreign items sit among domestic ones and
name their guests unusually (a city's adjective beside a group: "grupa lwowskich animatorek"), volunteers, job
shadowing and trainees from abroad with no word for a visit, a day-by-day report, a press release under its
dateline, a project timeline with Roman months and its funding line. Written with gold by
../shared/eval/GOLD-CONVENTIONS.md before the rules below; its floors are in tests/data/probe-floors.toml."""

from __future__ import annotations

import pytest
from conftest import city_pairs, extract_events

HOME = {"home": "Miejski Ośrodek Pomocy Społecznej w Tczewie", "home_city": "Tczew"}


@pytest.mark.parametrize(
    ("page", "who"),
    [
        (
            "Ana i Lucía w naszym klubie\n\nOd 2 marca 2020 r. w Klubie Młodzieżowym pomagają dwie wolontariuszki "
            "z Sewilli. Prowadzą zajęcia taneczne dla nastolatków.\n",
            "volunteers",
        ),
        (
            "Tydzień z kolegami z Rygi\n\nW dniach 11–15 maja 2020 r. trzej pracownicy socjalni z Rygi hospitowali "
            "pracę naszych asystentów rodziny w ramach programu Erasmus+.\n",
            "professionals",
        ),
        (
            "Praktykanci z Brna\n\nOd 6 do 24 kwietnia 2020 r. dwóch studentów pracy socjalnej z Brna odbywało u "
            "nas praktyki zawodowe w dziennym domu pomocy.\n",
            "students",
        ),
    ],
    ids=["volunteers", "job-shadowing", "placement"],
)
def test_people_from_abroad_working_beside_the_staff_are_an_incoming_visit(registries, page, who):
    (event,) = extract_events(page, registries, **HOME)
    assert (event["type"], event["direction"], event["participants"]) == ("StudyVisit", "incoming", who)


@pytest.mark.parametrize(
    ("page", "fields", "expected"),
    [
        (  # a stay from its first day to the end of a month told in a later sentence
            "Wolontariusz z Porto\n\nOd 15 września 2021 r. w świetlicy pomaga nam wolontariusz z Porto. Zostanie "
            "z nami do końca czerwca 2022 r.\n",
            ("start", "end"),
            ("2021-09-15", "2022-06"),
        ),
        (  # goods told before their carrier, paid for by a giver
            "Łóżka od przyjaciół z Lubeki\n\nW dniu 4 lutego 2019 r. do schroniska trafiły łóżka ufundowane przez "
            "mieszkańców Lubeki. Sprzęt przywiózł pan Jan Meyer.\n",
            ("type", "direction"),
            ("Donation", "incoming"),
        ),
        (  # a ministry and social workers hosted together
            "Goście z Mołdawii\n\nW dniu 9 października 2019 r. Ośrodek przyjął przedstawicieli Ministerstwa "
            "Zdrowia, Pracy i Ochrony Socjalnej Mołdawii oraz pracowników socjalnych z Kiszyniowa.\n",
            ("participants",),
            ("mixed",),
        ),
    ],
    ids=["stay-until-month", "goods-first-donation", "ministry-and-workers-mixed"],
)
def test_an_items_fields(registries, page, fields, expected):
    (event,) = extract_events(page, registries, **HOME)
    assert tuple(event[f] for f in fields) == expected


def test_a_guest_group_named_by_its_citys_adjective_is_kept_beside_domestic_items(registries):
    page = (
        "Kronika 2018\n\nSpotkanie z radnymi osiedla\n\nW dniu 10 kwietnia br. pracownicy Ośrodka spotkali się z "
        "radnymi osiedla.\n\nSeniorzy z Wilna w klubie\n\nW dniu 3 maja br. Klub Seniora odwiedziła grupa "
        "wileńskich wolontariuszek.\n"
    )
    (event,) = extract_events(page, registries, **HOME)
    assert event["title"] == "Seniorzy z Wilna w klubie" and city_pairs(event) == [("Vilnius", "LT")]


def test_a_timelines_closing_funding_line_is_no_items_text_and_names_their_project(registries):
    page = (
        "Projekt „Razem dla seniorów”\n\nKalendarium projektu\n\n4–5 III 2019 – Graz – seminarium partnerów o usługach dla seniorów\n"
        "7 X 2019 – Tczew – spotkanie partnerów z Grazu\n\n"
        "Projekt „Razem dla seniorów” realizuje Ośrodek w ramach programu Erasmus+.\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [e["title"] for e in events] == [
        "4–5 III 2019 – Graz – seminarium partnerów o usługach dla seniorów",
        "7 X 2019 – Tczew – spotkanie partnerów z Grazu",
    ]
    # a partners' seminar is their working session
    assert [e["type"] for e in events] == ["Meeting", "Meeting"]
    assert all(e["projects"] == ["Razem dla seniorów"] for e in events)


def test_a_newsletters_contents_line_announces_no_event(registries):
    page = (
        "Wakacje w klubie\n\nW lipcu klub będzie otwarty od 9:00 do 15:00.\n\n"
        "W następnym numerze: wolontariusze z Lwowa w naszym klubie.\n"
    )
    assert extract_events(page, registries, **HOME) == []
