"""An eighteenth probe set: an annual activity report whose international cooperation is one section among
domestic ones (trainings, a national conference, guests from another Polish town); a domestic news item that
names EU funding and a model 'sprawdzony w Szwecji' (no event); an HTML table of visits with a domestic row; a
press release with a dateline abroad; a timeline whose date lines stand a blank line over their text; an
interview; a visit programme naming facilities 'prowadzone przez X'. Written with gold by
../shared/eval/GOLD-CONVENTIONS.md before the rules below; its floors are in tests/data/probe-floors.toml."""

from __future__ import annotations

import pytest
from conftest import extract_events

HOME = {"home": "Centrum Usług Społecznych w Gliwicach", "home_city": "Gliwice"}


def test_timeline_items_whose_date_line_stands_a_blank_line_over_the_text_are_events(registries):
    page = (
        "Kalendarium 2021\n\nPoniżej najważniejsze wydarzenia roku.\n\n3 marca 2021\n\nWizyta studyjna "
        "pracowników Centrum w Brnie. Poznali czeski system opieki nad seniorami.\n\nlistopad 2021\n\n"
        "Przekazanie przez partnerów z Dortmundu 20 wózków inwalidzkich dla podopiecznych Centrum.\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [(e["start"], e["type"]) for e in events] == [
        ("2021-03-03", "StudyVisit"),
        ("2021-11", "Donation"),
    ]


def test_an_interview_is_one_event_titled_by_its_headline_and_its_interviewer_is_no_participant(registries):
    page = (
        "„Tam pytali o wszystko” – rozmowa z Ewą Lis po wizycie w Malmö\n\nOpublikowano: 21.11.2022\n\n"
        "Ewa Lis, koordynatorka mieszkań treningowych Centrum, od 14 do 17 listopada była z koleżankami w "
        "szwedzkim Malmö. Rozmawiamy o tym, czego się tam dowiedziała.\n\nSkąd pomysł na ten wyjazd?\n\n"
        "Z partnerami z Malmö współpracujemy od trzech lat w ramach wspólnego projektu i tym razem to my "
        "pojechałyśmy do nich.\n\nCo dalej?\n\nWiosną szwedzcy partnerzy przyjadą do nas.\n\n"
        "Rozmawiała: Anna Maj\n"
    )
    (event,) = extract_events(page, registries, **HOME)
    assert event["title"].startswith("„Tam pytali o wszystko”")
    assert (event["start"], event["end"], event["direction"]) == ("2022-11-14", "2022-11-17", "outgoing")
    assert event["persons"] == ["Ewa Lis"]


@pytest.mark.parametrize(
    "item",
    [
        "W dniach 23–24 maja 2019 r. przedstawiciele Centrum wzięli udział w Ogólnopolskiej Konferencji "
        "Pomocy Bezdomnym.",
        "W październiku 2019 r. gościliśmy pracowników Miejskiego Ośrodka Pomocy Społecznej w Przemyślu, "
        "którzy poznali naszą ogrzewalnię.",
    ],
)
def test_a_reports_domestic_items_beside_its_international_ones_are_no_events(registries, item):
    page = (
        "Sprawozdanie z działalności za rok 2019\n\n"
        "W dniach 8–10 kwietnia 2019 r. gościliśmy delegację organizacji Emauzy ze Słowacji, która poznała "
        f"działanie naszej ogrzewalni.\n\n{item}\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [e["countries"] for e in events] == [["SK"]]


def test_a_model_from_abroad_makes_no_foreign_side(registries):
    page = (
        "Nowe mieszkania wspomagane\n\nData publikacji: 14.09.2020\n\nW poniedziałek, 7 września, przekazaliśmy "
        "klucze do czterech mieszkań wspomaganych dla osób z niepełnosprawnością. Model mieszkań wspomaganych, "
        "sprawdzony wcześniej w Szwecji i Norwegii, pozwala im żyć samodzielnie przy wsparciu asystentów.\n"
    )
    assert extract_events(page, registries, **HOME) == []


def test_a_tables_first_row_under_its_header_row_is_an_event_of_its_own(registries):
    page = (
        "Wizyty w Centrum w 2018 roku\n\nPoniżej zestawienie wizyt.\n\nData | Delegacja | Cel wizyty\n"
        "15.03.2018 | Delegacja Magistrátu města Ostravy (Czechy) | Poznanie pracy streetworkerów\n"
        "9.10.2018 | Przedstawiciele Stadt Mönchengladbach (Niemcy) | Spotkanie robocze partnerów projektu\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [(e["start"], e["countries"]) for e in events] == [("2018-03-15", ["CZ"]), ("2018-10-09", ["DE"])]


def test_a_duration_in_the_sentence_after_a_press_releases_dateline_ends_the_event(registries):
    page = (
        "Nasi pracownicy na konferencji w Wilnie\n\nWilno, 12 maja 2016 r. – Troje pracowników Centrum bierze "
        "dziś udział w międzynarodowej konferencji o pracy z seniorami. W dwudniowym spotkaniu uczestniczą "
        "przedstawiciele organizacji z Litwy i Łotwy.\n"
    )
    (event,) = extract_events(page, registries, **HOME)
    assert (event["start"], event["end"]) == ("2016-05-12", "2016-05-13")


@pytest.mark.parametrize(
    "after, listed",
    [
        (
            ". Kierownik schroniska i jego pracownicy opowiedzieli gościom o programie wychodzenia z bezdomności.",
            True,
        ),
        (", a po południu spotkali się z zastępcą prezydenta miasta.", False),
    ],
)
def test_the_operator_of_a_facility_is_listed_when_its_staff_spoke_to_the_guests(registries, after, listed):
    page = (
        "Goście z Ostrawy\n\nW dniu 16 października 2019 r. gościliśmy delegację Magistrátu města Ostravy. "
        f"Goście odwiedzili Schronisko dla Bezdomnych Mężczyzn prowadzone przez Towarzystwo Pomocy im. św. "
        f"Brata Alberta{after}\n"
    )
    (event,) = extract_events(page, registries, **HOME)
    assert ("Towarzystwo Pomocy im. św. Brata Alberta" in event["organisations"]) is listed
