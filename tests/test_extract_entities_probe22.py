"""tests/data/entities-probe22: six pages (a Nowy Sącz foundation's Dutch donor in a contact block, MOPS
Jastrzębie-Zdrój in Ostrava and Karviná, MOPR Przemyśl's guests from Sambir and Drohobych, a MOPS bulletin with
Hungarian, German and European Solidarity Corps items, a Kraków portal's project meeting under an EU funding
disclaimer, a Krynica-Zdrój chronicle with a Slovak seniors' club and labour office). Gold written before the
extractor ran on them, by ../shared/eval/GOLD-CONVENTIONS.md. Before the fixes: events 1.000, fields macro 0.865
(organisations 0.714, programmes 0.667, participants 0.400)."""

from __future__ import annotations

import pytest
from conftest import extract_events, one_event


@pytest.mark.parametrize(
    "text, field, expected",
    [
        # a Czech office in the Czech genitive after a Polish preposition, its region's noun in lower case
        ("Spotkaliśmy się z przedstawicielami Krajského úřadu Olomouckého kraje.", "organisations",
         ["Krajský úřad Olomouckého kraje"]),
        # a Slovak office whose own name holds a comma before the list "a" closes
        ("Odwiedziliśmy pracowników Úradu práce, sociálnych vecí a rodiny Prešov.", "organisations",
         ["Úrad práce, sociálnych vecí a rodiny Prešov"]),
        # ... but a part after a comma is no part of the name
        ("Gościliśmy przedstawicieli Slezská diakonie, střediska EDUKOS.", "organisations", ["Slezská diakonie"]),
        # short joining words before a legal form ("in Not e.V.")
        ("Stowarzyszenie Hilfe für Menschen in Not e.V. z Ratyzbony przekazało śpiwory.", "organisations",
         ["Hilfe für Menschen in Not e.V."]),
        # an own name with its Polish rendering in brackets: one body, under its own name
        ("Gościli przedstawiciele Magyar Vöröskereszt (Węgierskiego Czerwonego Krzyża) z Debreczyna.",
         "organisations", ["Magyar Vöröskereszt"]),
        # the European Solidarity Corps in the genitive, without the word "program"
        ("W ramach Europejskiego Korpusu Solidarności pracowały u nas wolontariuszki z Lyonu.", "programmes",
         ["Europejski Korpus Solidarności"]),
        # a programme an application is made to
        ("Goście ze Lwowa i my przygotowujemy wniosek do Programu Współpracy Transgranicznej Polska–Ukraina.",
         "programmes", ["Program Współpracy Transgranicznej Polska–Ukraina"]),
    ],
)  # fmt: skip
def test_names_in_running_text(registries, text, field, expected):
    assert one_event(text, registries)[field] == expected


@pytest.mark.parametrize(
    "tail, expected",
    [
        # a donor's contact block: its street line is no part of its name
        ("Adres darczyńcy:\nStichting Hulp Zuid-Polen\nKerkstraat 21\n7311 AB Apeldoorn\nNederland\n",
         ["Stichting Hulp Zuid-Polen"]),
        # the European Commission named only in the EU's funding disclaimer takes no part
        ("Projekt współfinansowany przez Unię Europejską. Wyrażone poglądy nie odzwierciedlają poglądów Komisji "
         "Europejskiej. Komisja Europejska nie ponosi za nie odpowiedzialności.\n", []),
        ("Projekt został sfinansowany przy wsparciu Komisji Europejskiej.\n", []),
    ],
)  # fmt: skip
def test_names_under_the_text(registries, tail, expected):
    text = (
        f"Dary z Holandii\n\nW dniu 8 marca 2019 r. do Krakowa dotarł transport darów z Holandii.\n\n{tail}"
    )
    (event,) = extract_events(text, registries)
    assert event["organisations"] == expected


def test_club_carers_are_no_professionals(registries):
    event = one_event("Gościliśmy grupę członków i opiekunów Klubu dôchodcov v Bardejove.", registries)
    assert event["participants"] is None
