"""A twenty-seventh probe set: a two-day conference reported under one heading with sub-headings for its days,
sessions and study visits; a visit with a 'Summary in English'; a placement 'Na przełomie 2019 i 2020 roku'; a
bulletin's list with a gift dated by a quarter, meetings on three days in two months and an item headed
'Zapowiedź: wizyta …'; a table of foreign contacts with a quarter in a cell; a visit announced under a dateline
with its programme as dated lines. Written with gold by ../shared/eval/GOLD-CONVENTIONS.md before the rules below;
its floors are in tests/data/probe-floors.toml."""

from __future__ import annotations

import pytest
from conftest import extract_events

from partnergraph.extract.dates import find_dates
from partnergraph.model import Page
from partnergraph.sources.splitting import grouped_sections

HOME = {"home": "Miejski Ośrodek Pomocy Społecznej w Tczewie", "home_city": "Tczew"}


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("W I kwartale 2017 r. przekazano", ("2017-01", "2017-03")),
        ("IV kwartał 2021 | Ukraina", ("2021-10", "2021-12")),
        ("w drugim kwartale 2019 roku", ("2019-04", "2019-06")),
        ("Na przełomie 2019 i 2020 roku trwał staż", ("2019", "2020")),
        ("na przełomie lat 2018/2019", ("2018", "2019")),
    ],
)
def test_a_quarter_and_the_turn_of_two_years_are_dates(text, iso):
    (mention,) = find_dates(text)
    assert mention.iso(None) == iso


def test_an_events_days_and_sessions_are_its_text(registries):
    page = (
        "Konferencja „Senior w mieście”\n\nW dniach 5–6 maja 2019 r. w Tczewie odbyła się konferencja z udziałem "
        "gości z Niemiec.\n\nDzień pierwszy – 5 maja 2019 r.\n\nSesja I: Opieka domowa\nAnna Schmidt z Lipska "
        "przedstawiła niemiecki model opieki.\n\nDzień drugi – 6 maja 2019 r.\n\nWizyty studyjne\nGoście odwiedzili "
        "Dzienny Dom Pomocy.\n\nGoście z Wilna\n\nW dniu 3 czerwca 2019 r. gościliśmy pracowników socjalnych z Wilna.\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [e["title"] for e in events] == ["Konferencja „Senior w mieście”", "Goście z Wilna"]
    assert events[0]["cities"] == [{"name": "Leipzig", "country": "DE"}]


def test_a_news_items_kind_before_what_happened_heads_it(registries):
    page = (
        "Współpraca zagraniczna 2017\n\nSpotkania w Wiedniu\n\nW dniu 3 października 2017 r. pracownicy Ośrodka "
        "spotkali się w Wiedniu z przedstawicielami Caritas Wien.\n\nZapowiedź: wizyta studentów z Grazu\n\nW dniach "
        "22–24 listopada br. Ośrodek odwiedzą studenci z Grazu.\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [(e["title"], e["cities"][0]["name"]) for e in events] == [
        ("Spotkania w Wiedniu", "Vienna"),
        ("Zapowiedź: wizyta studentów z Grazu", "Graz"),
    ]


@pytest.mark.parametrize("label", ["Summary in English", "Streszczenie w języku angielskim"])
def test_a_summary_in_english_is_no_text_of_the_report(label):
    page = Page(
        "x",
        "x.txt",
        "Goście z Norwegii\n\nW dniu 28 lutego 2017 r. gościliśmy pracowników socjalnych z Kristiansand, którzy poznali pracę asystentów "
        "rodziny.\n\n"
        f"{label}\nOn 28 February 2017 we hosted social workers from the municipality of Kristiansand, Norway.\n",
    )
    (listed,) = grouped_sections(page)
    assert "Kristiansand, Norway" not in listed.section.body


def test_a_programmes_dated_points_leave_the_article_one_event(registries):
    page = (
        "Samorządowcy z Wilna poznają naszą pomoc społeczną\n\nTczew, 11 września 2019 r.\n\nOd czwartku do soboty "
        "w Tczewie przebywać będzie delegacja samorządu miasta Wilna. Goście poznają funkcjonowanie Ośrodka.\n\n"
        "Program wizyty:\n12 września – spotkanie w Urzędzie Miasta,\n13 września – wizyta w Dziennym Domu Pomocy,\n"
        "14 września – zwiedzanie Starego Miasta.\n"
    )
    (event,) = extract_events(page, registries, **HOME)
    assert event["start"] == "2019-09-12"  # the year of the article's dateline


def test_a_second_unit_whose_work_the_guests_learn_gives_its_topic(registries):
    page = (
        "Studenci z Grazu\n\nW dniu 22 listopada 2017 r. studenci z Grazu poznali pracę Klubu Seniora oraz Punktu "
        "Aktywności Lokalnej.\n"
    )
    (event,) = extract_events(page, registries, **HOME)
    assert "community_development" in event["topics"]
