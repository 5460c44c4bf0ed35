"""An eighth probe set on segmentation, type, dates, participants and topics: a yearly report listing trips as
bullets and a project page listing partner meetings one per line, two visits in one sentence under one heading, a
donation from a partner city, a conference abroad with named staff, young volunteers at a senior centre, a social
services centre ('Centrum Usług Społecznych') as the home, councillors of the hosts' side beside foreign
professionals, dates only relative to a publication line ('Przedwczoraj', 'w poniedziałek') or ranges across two
months. Written with gold by ../shared/eval/GOLD-CONVENTIONS.md before the rules below, and scored as
`extract_set.py` scores them."""

from __future__ import annotations

import pytest
from conftest import extract_events

from partnergraph.extract import classify


def test_a_yearly_reports_bullets_are_events_and_a_month_alone_dates_one(registries):
    text = (
        "Sprawozdanie z działalności za rok 2018\n\n4. Współpraca zagraniczna\n\nZrealizowano następujące wyjazdy:\n\n"
        "• 24–27 września – udział dwóch pracowników w konferencji w Bergamo;\n"
        "• listopad – przekazanie przez organizację Heilsarmee z Zurychu 40 śpiworów dla osób bezdomnych.\n\n"
        "Działania finansowane były ze środków własnych.\n\n5. Wolontariat\n\nW 2018 r. działało u nas 37 "
        "wolontariuszy.\n"
    )
    events = extract_events(text, registries, year=2018)
    assert [(e["start"], e["type"]) for e in events] == [
        ("2018-09-24", "Conference"),
        ("2018-11", "Donation"),
    ]
    assert "volunteering" not in events[1]["topics"]  # the next numbered part is no part of the last bullet


def test_a_relative_day_under_a_date_line_over_the_headline(registries):
    text = (
        "Aktualności\nDodano: 14.11.2019 (czwartek)\n\nGoście z Nowego Jiczyna\n\nPrzedwczoraj nasz Ośrodek "
        "odwiedziła delegacja z czeskiego miasta Nový Jičín. Goście poznali pracę naszego Ośrodka.\n"
    )
    (ev,) = extract_events(
        text, registries, home="Gminny Ośrodek Pomocy Społecznej w Zakliczynie", home_city="Zakliczyn"
    )
    assert ev["start"] == "2019-11-12"


def test_a_networks_opening_or_thematic_meeting_is_a_meeting():
    opening = "spotkanie otwierające sieci u partnera wiodącego; partnerzy przyjęli plan pracy i odwiedzili mieszkania"
    assert classify.classify_type("14–15 kwietnia 2016, Glasgow: " + opening, "")[0] == "Meeting"
    thematic = "spotkanie tematyczne o zapobieganiu eksmisjom; goście z Gandawy zwiedzili noclegownię"
    assert classify.classify_type("22–23 czerwca 2016, Kraków: " + thematic, "")[0] == "Meeting"
    # a group that stayed with the hosts is a visit, though it met an official and the town is a twin
    stay = (
        "Od 25 września do 3 października w Krakowie przebywała grupa wolontariuszy z Norymbergi. Wolontariuszy "
        "przyjął Ośrodek. Młodzież prowadziła warsztaty. Na zakończenie pobytu goście spotkali się z "
        "pełnomocnikiem prezydenta. Norymberga jest miastem partnerskim Krakowa."
    )
    assert classify.classify_type("Wolontariusze z Norymbergi pomagali seniorom", stay)[0] == "StudyVisit"


def _topics(text: str) -> set[str]:
    free, _named = classify.find_topics(text, [], [(0, len(text))])
    return {topic for topic, _cue in free}


def test_social_services_make_a_topic_as_a_theme_not_as_a_name():
    assert "welfare_system" not in _topics(
        "Gości przyjęło Centrum Usług Społecznych. Przyjechali urzędnicy wydziału usług społecznych."
    )
    assert "welfare_system" not in _topics(
        "w ramach mikroprojektu „Sąsiedzi bez granic – wspólne usługi społeczne”"
    )
    assert "welfare_system" in _topics("Rozmawiano o funkcjonowaniu usług społecznych w mieście.")


def test_whom_a_body_serves_in_its_name_is_no_topic():
    assert "children_and_families" not in _topics(
        "Odwiedziła nas grupa pracowników Centrum dla dzieci i rodzin w Kieżmarku."
    )
    assert "children_and_families" in _topics("Rozmawiano o wsparciu dla dzieci i rodzin w kryzysie.")


def test_who_else_attended_with_nothing_foreign_said_is_the_hosts_side():
    body = (
        "Gorzowskie Centrum gościło niemieckich partnerów z Berlina. W spotkaniu uczestniczyli przedstawiciele "
        "gorzowskich stowarzyszeń oraz radni, w tym przewodniczący komisji spraw społecznych."
    )
    assert classify.find_participants("O współpracy", body, {"Berlina"})[0] is None
    councillors = body.replace("gorzowskich stowarzyszeń oraz radni", "radni z Berlina")
    assert classify.find_participants("O współpracy", councillors, {"Berlina"})[0] == "officials"
    # the same people as the delegation's members: they are the visitors
    delegation = body.replace("W spotkaniu uczestniczyli", "W skład delegacji weszli")
    assert classify.find_participants("O współpracy", delegation, {"Berlina"})[0] == "mixed"


def test_work_with_volunteers_is_a_theme_and_a_hashtag_is_none():
    assert "volunteering" in _topics(
        "Poznaliśmy holenderski model pomocy sąsiedzkiej i pracy z wolontariuszami."
    )
    assert "volunteering" in _topics("Rozmawiano o roli mentorów-wolontariuszy.")
    assert "volunteering" not in _topics(
        "Wyruszył transport darów dla rodzin z Charkowa. #Ukraina #wolontariat"
    )


@pytest.mark.parametrize(
    "text, home, title",
    [
        (
            "Gminny Ośrodek Pomocy Społecznej w Zabierzowie\nStart » Aktualności » Wyjazd\n\n"
            "Pracownicy GOPS z wizytą w Tarnopolu\n\n2019-10-30 08:12 | Wyświetleń: 97\n\n"
            "W dniach 23–25 października 2019 r. trzy pracownice naszego ośrodka odwiedziły Tarnopol i poznały pracę "
            "miejskiego centrum usług socjalnych oraz ukraiński system wsparcia osób z niepełnosprawnościami.\n\n"
            "Wizyta była rewizytą po pobycie ukraińskiej delegacji w Zabierzowie w maju.\n",
            {"home": "Gminny Ośrodek Pomocy Społecznej w Zabierzowie", "home_city": "Zabierzów"},
            "Pracownicy GOPS z wizytą w Tarnopolu",
        ),
        (
            "Magiczny Kraków\nOtwarty na świat | Aktualności | Współpraca\n\nKraków w stolicy Czech o wsparciu osób "
            "starszych\n\nOpublikowano: 11.06.2019\n\nW dniach 3–5 czerwca 2019 r. przedstawiciele Miejskiego "
            "Ośrodka Pomocy Społecznej w Krakowie gościli w Pradze, gdzie gospodarze pokazali system teleopieki.\n",
            {},
            "Kraków w stolicy Czech o wsparciu osób starszych",
        ),
        (
            "Rodzina w Centrum – projekt Fundacji „Dobry Start” z Krakowa\nStart | O projekcie | Partnerzy | Kontakt\n\n"
            "Pracownicy socjalni z Równego w Myślenicach\n\nAktualności, 2023-05-19\n\nOd 15 do 18 maja 2023 r. w "
            "ośrodku Fundacji w Myślenicach gościliśmy dziesięć pracownic socjalnych z Równego. Goście poznali "
            "metodę pracy z rodziną w kryzysie.\n",
            {},
            "Pracownicy socjalni z Równego w Myślenicach",
        ),
    ],
    ids=["closing", "menu", "site"],
)
def test_one_article_under_a_site_title_a_menu_and_a_closing_sentence_with_byla(
    registries, text, home, title
):
    assert [e["title"] for e in extract_events(text, registries, **home)] == [title]


def test_a_social_policy_department_is_a_name_not_a_theme():
    assert "welfare_system" not in _topics(
        "Urzędnicy tamtejszego departamentu polityki społecznej poznali nasze mieszkania."
    )
    assert "welfare_system" in _topics("Rozmawiano o polityce społecznej miasta.")
