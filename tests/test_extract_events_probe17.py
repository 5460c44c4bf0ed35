"""A seventeenth probe set: a chronicle whose items each stand under a weekday date line ('Poniedziałek, 7 lutego
2022' / heading / text); a project's yearly report as a bullet list under a heading naming the project, the
funding line at its foot; an article dated 'Między 28 lutego a 3 marca 2021 r.'; one dated 'W czwartek, 9 czerwca'
whose year is only in the publication line under the text; a hosted visit headed 'Wizyta studyjna' whose partners
worked on their project, with sightseeing after (Meeting); 'jak funkcjonuje pomoc społeczna' as a theme. Written
with gold by ../shared/eval/GOLD-CONVENTIONS.md before the rules below, and scored as `extract_set.py` scores
them."""

from __future__ import annotations

import pytest
from conftest import extract_events

from partnergraph.extract import classify

HOME = {"home": "Miejski Ośrodek Pomocy Społecznej w Opolu", "home_city": "Opole"}


def test_items_under_weekday_date_lines_are_events_of_their_own(registries):
    page = (
        "Kalendarium współpracy\n\nPoniedziałek, 7 lutego 2022\nGoście z Ołomuńca\nGościliśmy pracowników "
        "socjalnych z Ołomuńca, którzy zapoznali się z pracą naszych klubów seniora.\n\nŚroda, 28 września 2022\n"
        "Konferencja w Brnie\nDwie pracownice Ośrodka wzięły udział w międzynarodowej konferencji o bezdomności "
        "w Brnie.\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [(e["title"], e["start"]) for e in events] == [
        ("Goście z Ołomuńca", "2022-02-07"),
        ("Konferencja w Brnie", "2022-09-28"),
    ]


def test_a_reports_items_belong_to_the_project_and_programme_the_page_names(registries):
    page = (
        "Sprawozdanie z realizacji projektu „Razem dla seniorów” – rok 2019\n\nW 2019 roku odbyły się:\n"
        "• 3 i 4 kwietnia – wizyta studyjna pracowników Ośrodka w Ołomuńcu;\n"
        "• od 30 września do 2 października – rewizyta partnerów z Ołomuńca, którzy poznali pracę naszych "
        "klubów seniora.\n\nProjekt współfinansowany ze środków Unii Europejskiej w ramach Programu Interreg V-A "
        "Republika Czeska – Polska.\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [(e["start"], e["end"], e["type"]) for e in events] == [
        ("2019-04-03", "2019-04-04", "StudyVisit"),
        ("2019-09-30", "2019-10-02", "StudyVisit"),
    ]
    assert all(e["projects"] == ["Razem dla seniorów"] and e["programmes"] for e in events)


def test_a_chronicle_under_the_sites_funding_line_names_no_project_of_its_items(registries):
    page = (
        "Kronika 2017\n\nGoście z Aarhus\nW dniach 18–19 kwietnia 2017 r. gościliśmy urzędników z Aarhus.\n\n"
        "Wizyta w Lizbonie\nOd 30 maja do 1 czerwca 2017 r. dwie pracownice Ośrodka były w Lizbonie.\n\n"
        "Projekt współfinansowany ze środków Unii Europejskiej w ramach programu URBACT III.\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [e["programmes"] for e in events[:1]] == [[]]


@pytest.mark.parametrize(
    "text, foot, dated",
    [
        (
            "W czwartek, 9 czerwca, dwie pracownice naszego Ośrodka wzięły udział w międzynarodowym seminarium o "
            "pracy socjalnej z rodziną w Brnie.",
            "Opublikowano: 10.06.2022, 12:15",
            ("2022-06-09", "2022-06-09"),
        ),
        (
            "Między 28 lutego a 3 marca gościliśmy grupę studentów pracy socjalnej z Brna, którzy poznali pracę "
            "naszych świetlic.",
            "Dodano: 5 marca 2021 r. | Autor: Redakcja",
            ("2021-02-28", "2021-03-03"),
        ),
    ],
)
def test_the_publication_line_under_an_article_gives_the_year(registries, text, foot, dated):
    (ev,) = extract_events(f"Goście i wyjazdy\n\n{text}\n\n{foot}\n", registries, **HOME)
    assert (ev["start"], ev["end"]) == dated


@pytest.mark.parametrize(
    "title, body, kind",
    [
        (  # the partners worked on their project; sightseeing is no part of the hosts' work
            "Wizyta studyjna partnerów z Wilna",
            "Gościliśmy przedstawicieli centrum pomocy socjalnej z Wilna. Partnerzy omówili postępy wspólnego "
            "projektu, uzgodnili budżet i zaplanowali kolejne szkolenia. Wieczorem goście zwiedzili Stare Miasto.",
            "Meeting",
        ),
        (  # ... and a plan for later says nothing of what happened: the visit stays a visit
            "Wizyta we Lwowie",
            "Pracownicy przebywali we Lwowie. Rozmawiano o wsparciu rodzin zastępczych oraz o szkoleniu, "
            "planowanym na wiosnę.",
            "StudyVisit",
        ),
        (  # a return visit shown occupational therapy workshops (a facility, not a working session)
            "rewizyta partnerów z Ołomuńca, podczas której goście poznali pracę warsztatów terapii zajęciowej",
            "",
            "StudyVisit",
        ),
        (  # volunteers who spent the day with the home's clients were visitors, though they talked too
            "Wczoraj gościliśmy wolontariuszy z Żyliny",
            "Razem z naszymi seniorami przygotowali obiad i rozmawiali o wolontariacie.",
            "StudyVisit",
        ),
    ],
)
def test_what_happened_decides_the_type(title, body, kind):
    assert classify.classify_type(title, body)[0] == kind


@pytest.mark.parametrize(
    "text, topic, present",
    [
        ("Goście poznali, jak funkcjonuje pomoc społeczna w Polsce.", "welfare_system", True),
        ("Konferencja o usługach społecznych dla seniorów.", "welfare_system", False),
        ("Studenci poznali pracę Klubu Integracji Społecznej.", "unemployment", True),
        ("Konferencja poświęcona bezdomności młodzieży.", "youth", True),
        ("Studenci poznali Schronisko dla Bezdomnych Kobiet.", "domestic_violence", False),
    ],
)
def test_topic_phrasings(text, topic, present):
    free, _named = classify.find_topics(text, [], [(0, len(text))])
    assert (topic in [t for t, _cue in free]) is present
