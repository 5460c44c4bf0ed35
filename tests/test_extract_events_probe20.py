"""A twentieth probe set: a domestic notice on help for refugees from Ukraine (no event), a job offer for an
international projects' coordinator (no event), a domestic festival whose foreign guests stayed a second day
('Następnego dnia'), an HTML chronicle as a definition list with a domestic item. Written with gold by
../shared/eval/GOLD-CONVENTIONS.md before the rules below; its floors are in tests/data/probe-floors.toml."""

from __future__ import annotations

import pytest
from conftest import extract_events

HOME = {"home": "Miejski Ośrodek Pomocy Społecznej w Legnicy", "home_city": "Legnica"}


@pytest.mark.parametrize(
    "page",
    [
        "Pomoc dla obywateli Ukrainy\n\nData publikacji: 15.03.2022\n\nOd 1 marca 2022 r. w siedzibie Ośrodka "
        "działa punkt informacyjny dla obywateli Ukrainy. Do 14 marca pracownicy wydali uchodźcom z Ukrainy ponad "
        "600 paczek żywnościowych przekazanych przez mieszkańców miasta.\n",
        "Ogłoszenie o naborze na stanowisko koordynatora projektów międzynarodowych\n\nDyrektor Centrum ogłasza "
        "nabór. Do zadań koordynatora będzie należało przygotowywanie wizyt studyjnych partnerów z Niemiec i "
        "Ukrainy. Dokumenty należy składać do 30 czerwca 2023 r.\n",
    ],
    ids=["refugees-served", "job-offer"],
)
def test_pages_that_name_foreign_countries_but_report_no_cooperation_give_no_event(registries, page):
    assert extract_events(page, registries, **HOME) == []


def test_the_day_after_in_a_later_undated_sentence_is_the_events_second_day(registries):
    page = (
        "Goście z Czech na festynie\n\nW dniu 25 maja 2019 r. gośćmi naszego festynu była delegacja urzędu pracy "
        "z Náchodu. Następnego dnia goście spotkali się z koordynatorami pieczy zastępczej.\n"
    )
    (event,) = extract_events(page, registries, **HOME)
    assert (event["start"], event["end"]) == ("2019-05-25", "2019-05-26")
