"""A twenty-third probe set: a MOPS bulletin-like yearly list whose foreign items name their guests by a nation's
people ("dziewięciu Norwegów", "paczki od Holendrów") or an embassy's counsellor, a visit told day by day by
ordinals ("Drugi dzień wizyty", "Ostatniego, trzeciego dnia") or by weekdays counted from a date, a press release
whose dateline opens its first paragraph, a list of trips under year labels with Roman months and no year, a
youth exchange, a volunteer's year from one month to another. Written with gold by
../shared/eval/GOLD-CONVENTIONS.md before the rules below; its floors are in tests/data/probe-floors.toml."""

from __future__ import annotations

import pytest
from conftest import extract_events

HOME = {"home": "Miejski Ośrodek Pomocy Społecznej w Tczewie", "home_city": "Tczew"}


@pytest.mark.parametrize(
    ("page", "fields", "expected"),
    [
        (  # the last day counted by an ordinal in a later sentence
            "Goście z Kowna\n\n12 marca 2019 r. przyjechali do nas pracownicy socjalni z Kowna. Drugi dzień wizyty "
            "spędzili w świetlicy. Ostatniego, trzeciego dnia rozmawiano o dalszej współpracy.\n",
            ("start", "end"),
            ("2019-03-12", "2019-03-14"),
        ),
        (  # a weekday in a later clause, counted from the date's own weekday (5 March 2019 was a Tuesday)
            "Goście z Żyliny\n\nW dniu 5 marca 2019 r. przyjechali do nas pracownicy socjalni z Żyliny. W środę "
            "odwiedzili świetlicę, a w piątek goście wzięli udział w szkoleniu.\n",
            ("start", "end"),
            ("2019-03-05", "2019-03-08"),
        ),
        (  # a stay from one month of a year to a month of the next
            "Rok z nami\n\nOd października 2018 r. do lipca 2019 r. w świetlicy pomagała wolontariuszka z Grazu.\n",
            ("start", "end"),
            ("2018-10", "2019-07"),
        ),
        (  # visitors named by a nation's people
            "Szwedzi w klubie\n\nW dniu 7 maja 2019 r. klub odwiedziło sześciu Szwedów – doradców zawodowych.\n",
            ("countries", "participants", "type"),
            (["SE"], "professionals", "StudyVisit"),
        ),
        (  # the home's director met an embassy's counsellor: the guest is the one met
            "Rozmowy o seniorach\n\nW dniu 3 czerwca 2019 r. dyrektor Ośrodka spotkała się z radcą ds. społecznych "
            "Ambasady Danii. Rozmawiano o usługach dla osób starszych.\n",
            ("participants", "type"),
            ("officials", "Meeting"),
        ),
        (  # teenagers of a youth exchange
            "Wymiana młodzieży\n\nW dniach 4–8 lipca 2022 r. gościła u nas grupa nastolatków z Trnawy.\n",
            ("participants",),
            ("youth",),
        ),
    ],
    ids=[
        "ordinal-day",
        "weekday-from-date",
        "months-of-two-years",
        "nation-noun",
        "met-by-home",
        "teenagers",
    ],
)
def test_an_items_fields(registries, page, fields, expected):
    (event,) = extract_events(page, registries, **HOME)
    assert tuple(event[f] for f in fields) == expected


def test_a_surname_that_is_a_nations_word_names_no_country(registries):
    page = (
        "Goście z Wiednia\n\nW dniu 7 maja 2019 r. gości z Wiednia przyjął Jan Niemiec, kierownik Ośrodka.\n"
    )
    (event,) = extract_events(page, registries, **HOME)
    assert event["countries"] == ["AT"]


def test_a_press_releases_dateline_is_its_date_and_gives_the_year_of_the_event_days(registries):
    page = (
        "Serwis miejski\n\nStreetworkerzy z Wiednia w Tczewie\n\nTCZEW, 12.04.2018 r. – W dniach 9–11 kwietnia w "
        "Tczewie przebywała grupa streetworkerów z Wiednia.\n"
    )
    (event,) = extract_events(page, registries, **HOME)
    assert (event["start"], event["end"]) == ("2018-04-09", "2018-04-11")


def test_year_labelled_items_with_roman_months_and_no_year_are_events_of_their_label(registries):
    page = (
        "Nasze wyjazdy\n\n2017\n• 6–7 III – Brno (Czechy): seminarium partnerów\n"
        "• 30 IX–2 X – Wiedeń (Austria): udział w konferencji\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [(e["start"], e["end"], e["location"]["city"]) for e in events] == [
        ("2017-03-06", "2017-03-07", "Brno"),
        ("2017-09-30", "2017-10-02", "Vienna"),
    ]
