"""Type, participants and topics by cue lexicons."""

from __future__ import annotations

import pytest

from partnergraph.extract._text import sentences
from partnergraph.extract.classify import INCOMING_CUES, classify_type, find_participants, find_topics


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("Współpraca z Rotary Club", "Klub przekazał na rzecz Gminy jako darowiznę 36 łóżek.", "Donation"),
        ("Udział w XXI Sympozjum Towarzystwa", "Przedstawiciel brał udział w sympozjum.", "Conference"),
        ("Spotkanie z p. Horst Heck", "Spotkanie dotyczyło organizacji wizyty grupy seniorów.", "Meeting"),
        (
            "Wizyta delegacji z Helsinek",
            "W dniu 12 maja odbyło się spotkanie w Klubie z grupą urzędników. "
            "Uczestnicy zostali zaznajomieni z programami.",
            "StudyVisit",
        ),
        (
            "Wizyta przedstawiciela MOPS w Wiedniu",
            "W ramach projektu odbyło się pierwsze spotkanie grupy "
            "zaangażowanej w realizację projektu. Ustalono harmonogram działań.",
            "Meeting",
        ),
        (
            "Wizyta studentów z Holandii",
            "Celem spotkania było zapoznanie studentów z systemem.",
            "StudyVisit",
        ),
        (
            "Spotkanie z delegacją z Wilna",
            "Odbyło się spotkanie z delegacją Urzędu Miasta Wilna poświęcone współpracy w zakresie pomocy.",
            "Meeting",
        ),
        (
            "Spotkanie z delegacją z Wilna",
            "Odbyło się spotkanie poświęcone prezentacji działalności MOPS. Goście zapoznali się z pracą Filii.",
            "StudyVisit",
        ),
    ],
)
def test_type(title, body, expected):
    assert classify_type(title, body)[0] == expected


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("Wizyta grupy z Holandii", "MOPS podejmował grupę absolwentów i wykładowców szkoły.", "academics"),
        ("Wizyta studyjna delegacji rządowej z Gruzji", "urzędników rządowych i specjalistów", "officials"),
        ("Wizyta czeskiej grupy pracowników socjalnych", "", "professionals"),
        ("Młodzież ze Szwecji w MOPS", "", "youth"),
        ("Wizyta studentów z Austrii", "", "students"),
        ("Spotkanie z wolontariuszami z Oslo", "", "volunteers"),
        ("Udział przedstawicieli MOPS", "spotkania z przedstawicielami Barcelony", "officials"),
        ("Spotkanie z p. Horst Heck z Bensheim", "Spotkanie w Biurze dotyczyło wizyty.", None),
        (
            "Wizyta delegacji z Bremy",
            "delegacja, w skład której weszli urzędnicy oraz pracownicy socjalni",
            "mixed",
        ),
        ("Spotkanie partnerów projektu", "Omówiono harmonogram wymiany wolontariuszy.", None),
        ("Spotkanie partnerów", "Rozmawiano o rekrutacji wolontariuszy i pracy z młodzieżą.", None),
    ],
)
def test_participants(title, body, expected):
    assert find_participants(title, body, {"Barcelony"})[0] == expected


def topics(text: str, masked=()) -> list[str]:
    free, named = find_topics(text, list(masked), sentences(text))
    return [t for t, _ in (free or named)]


def test_topics_from_the_text():
    assert set(
        topics(
            "zapoznanie się z rozwiązaniami w dziedzinie profilaktyki kryzysu w rodzinie, systemu rodzinnej "
            "opieki zastępczej oraz przekształceń domów dziecka."
        )
    ) == {"foster_care", "children_and_families"}
    assert sorted(topics("metody streetwork w pracy w środowisku młodzieży i osób bezdomnych")) == [
        "homelessness",
        "streetwork",
        "youth",
    ]
    assert topics(
        "36 łóżek szpitalnych dla placówek pomagających osobom starszym, niepełnosprawnym i bezdomnym"
    ) == ["health_care", "older_people", "disability", "homelessness"]
    assert topics("konferencja poświęcona deinstytucjonalizacji opieki nad dziećmi") == [
        "foster_care",
        "children_and_families",
    ]
    assert topics("zajęcia praktyczne z zakresu pracy socjalnej z rodziną") == ["children_and_families"]


def test_the_standard_closing_list_of_client_groups_is_not_topics():
    text = (
        "Celem wizyty było poznanie systemu pomocy społecznej w Krakowie. Zaprezentowano jednostki, które "
        "udzielają wsparcia: dzieciom, młodzieży, niepełnosprawnym i osobom starszym w Krakowie."
    )
    assert topics(text) == ["welfare_system"]


def test_a_word_inside_a_name_is_not_a_topic_unless_nothing_else_is_said():
    text = "Spotkanie w Klubie Integracji Społecznej dotyczyło sytuacji bezrobotnych."
    assert topics(text, [(12, 39)]) == ["unemployment"]
    text = "Udział w Sympozjum Towarzystwa Zdrowia Psychicznego."
    assert topics(text, [(19, 51)]) == ["mental_health"]  # from the name only, as nothing else is said


@pytest.mark.parametrize(
    ("text", "incoming"),
    [
        ("MOPS gościł delegację z Niemiec", True),
        ("goście przebywali w Krakowie", True),
        ("delegacja gościła w Krakowie", True),
        ("przedstawiciele MOPS gościli w Wiedniu na zaproszenie Stadt Wien", False),  # guests abroad
    ],
)
def test_hosting_is_incoming_but_being_a_guest_abroad_is_not(text, incoming):
    assert bool(INCOMING_CUES.search(text)) == incoming


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        ("Wizyta przedstawicieli Caritas z Wiednia", "Goście poznali pracę schroniska.", "professionals"),
        (
            "Wizyta gości z Niemiec",
            "Goście przedstawili pracę z dziećmi i młodzieżą w swoich organizacjach.",
            None,
        ),
        (
            "Spotkanie we Frankfurcie",
            "Spotkanie z zastępcą Nadburmistrza Frankfurtu odbyło się w maju.",
            "officials",
        ),
    ],
)
def test_charity_staff_a_theme_of_work_with_the_young_and_a_mayors_deputy(title, body, expected):
    assert find_participants(title, body, set())[0] == expected


def test_social_welfare_as_a_theme_but_not_inside_a_name():
    free, _ = find_topics("Rozmawiano o współpracy w zakresie pomocy społecznej.", [], [(0, 52)])
    assert [t for t, _ in free] == ["welfare_system"]
    free, _ = find_topics("Goście odwiedzili Ośrodek Pomocy Społecznej w Lublinie.", [], [(0, 56)])
    assert free == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a cue word capitalised in mid-sentence belongs to a name, not to the visitors
        (
            "Gościli przedstawiciele Lwowskiego Centrum Młodzieży, pracownicy socjalni i psycholodzy.",
            "professionals",
        ),
        ("Goście zobaczyli w praktyce, jak działa pomoc.", None),  # "w praktyce" is no practitioner
        (
            "Delegaci spotkają się m.in. z przedstawicielami Fundacji Barka.",
            None,
        ),  # whom they meet: the hosts
        ("Gościliśmy przedstawicieli Chińskiej Republiki Ludowej.", "officials"),
    ],
)
def test_participants_not_from_names_phrases_or_hosts(body, expected):
    assert find_participants("Wizyta gości", body, set())[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Goście interesowali się zasiłkami oraz świadczeniami rodzinnymi.",
            ["welfare_system", "children_and_families"],
        ),
        ("Omówiono politykę społeczną miasta.", ["welfare_system"]),
        ("Spotkał ich zastępca prezydenta ds. polityki społecznej.", []),
        ("Pomoc dla osób potrzebujących wsparcia materialnego.", ["social_exclusion"]),
        ("Rozmawiano o aktywizacji zawodowej bezrobotnych.", ["unemployment"]),
    ],
)
def test_topics_of_benefits_policy_and_need_but_not_capitalised_names(text, expected):
    assert sorted(topics(text)) == sorted(expected)


def test_a_capitalised_kind_of_workshop_is_a_name_not_a_theme():
    free, named = find_topics("Goście odwiedzili Zakłady Aktywizacji Zawodowej w Lublinie.", [], [(0, 58)])
    assert free == [] and [t for t, _ in named] == ["unemployment"]
