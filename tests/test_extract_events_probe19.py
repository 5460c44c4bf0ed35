"""A nineteenth probe set: a quarterly newsletter and a news list whose domestic items are headed with event
words ('Spotkanie z radnymi …', 'Warsztaty dla rodziców') beside foreign guests' items; a static page on a
cooperation as a whole (partners and years, no dated event); a headline that carries the event's dates after a
comma; an outgoing visit followed by a domestic training after the return, with its own date. Written with gold
by ../shared/eval/GOLD-CONVENTIONS.md before the rules below; its floors are in tests/data/probe-floors.toml."""

from __future__ import annotations

import pytest
from conftest import extract_events

HOME = {"home": "Miejski Ośrodek Pomocy Społecznej w Sandomierzu", "home_city": "Sandomierz"}


@pytest.mark.parametrize(
    "heading, text",
    [
        (
            "Spotkanie z radnymi",
            "12 maja dyrektor Ośrodka spotkała się z radnymi Rady Miasta w sprawie budżetu.",
        ),
        ("Warsztaty dla rodziców", "Od 3 kwietnia psycholożki Ośrodka prowadzą warsztaty dla rodziców."),
    ],
)
def test_a_newsletters_domestic_items_beside_foreign_guests_are_no_events(registries, heading, text):
    page = (
        f"Biuletyn nr 2/2021\n\n1. {heading}\n\n{text}\n\n2. Goście z Preszowa\n\nW dniach 9–10 czerwca 2021 r. "
        "gościliśmy delegację Mestský úrad Prešov ze Słowacji, która poznała pracę naszych klubów seniora.\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [e["title"] for e in events] == ["Goście z Preszowa"]


def test_a_page_on_a_cooperation_as_a_whole_with_years_only_reports_no_event(registries):
    page = (
        "Współpraca zagraniczna\n\nOśrodek od 2009 roku współpracuje z partnerami z zagranicy: z urzędem w "
        "Ostrawie, z którym w latach 2009–2012 zrealizowaliśmy wspólny projekt, a od 2014 roku z organizacją "
        "z Pragi. Wspólnie wymieniamy doświadczenia w zakresie pieczy zastępczej.\n"
    )
    assert extract_events(page, registries, **HOME) == []


def test_a_day_after_the_return_is_no_day_of_the_visit(registries):
    page = (
        "Asystenci rodziny w Ostrawie\n\nW dniach 14–15 maja 2018 r. czworo asystentów rodziny Ośrodka odwiedziło "
        "Ostrawę. Goście poznali czeski system wsparcia rodzin.\n\nPo powrocie, 24 maja, uczestniczki wyjazdu "
        "podzieliły się wiedzą z pozostałymi pracownikami Ośrodka.\n"
    )
    (event,) = extract_events(page, registries, **HOME)
    assert (event["start"], event["end"]) == ("2018-05-14", "2018-05-15")
