"""A twenty-eighth probe set: a MOPS half-year's information whose events are items '1)' opening in lower case with
their date and a dash; a Kraków foundation's volunteers under 'Name | Kraków | KRS …'; a European network's English
page on a partners' meeting in Kraków; 'W ubiegłym tygodniu, w dniach …' under a publication line; headings opened
by their date with no dash ('15.03.2016 r. Studenci z Wiednia …'). Written with gold by
../shared/eval/GOLD-CONVENTIONS.md before the rules below; its floors are in tests/data/probe-floors.toml."""

from __future__ import annotations

import pytest
from conftest import extract_events

HOME = {"home": "Miejski Ośrodek Pomocy Społecznej w Tczewie", "home_city": "Tczew"}


def test_a_heading_opened_by_its_date_with_no_dash_is_a_heading(registries):
    page = (
        "Aktualności z 2016 roku\n\n15.03.2016 r. Studenci z Wiednia w naszym Ośrodku\nGrupa studentów z Wiednia "
        "poznała zadania Ośrodka.\n\n22.09.2016 r. Wizyta w Kieżmarku\nDyrektor Ośrodka odwiedziła urząd miasta "
        "w Kieżmarku.\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [(e["title"], e["start"]) for e in events] == [
        ("15.03.2016 r. Studenci z Wiednia w naszym Ośrodku", "2016-03-15"),
        ("22.09.2016 r. Wizyta w Kieżmarku", "2016-09-22"),
    ]


def test_the_people_served_staying_somewhere_are_no_guests_stay(registries):
    page = (
        "Kontakty zagraniczne 2018\n\n1) 17 kwietnia 2018 r. – spotkanie z przedstawicielami Ambasady Królestwa "
        "Niderlandów w sprawie pomocy obywatelom Holandii przebywającym w Tczewie;\n2) 5 czerwca 2018 r. – "
        "spotkanie z konsulem Litwy.\n"
    )
    assert extract_events(page, registries, **HOME)[0]["type"] == "Meeting"


@pytest.mark.parametrize(
    "sentence",
    [
        "Wolontariat był realizowany w ramach programu Europejski Korpus Solidarności.",
        "W naszym klubie pracują dwie wolontariuszki Europejskiego Korpusu Solidarności.",
    ],
)
def test_the_visitors_volunteering_is_their_status_not_a_theme(registries, sentence):
    page = (
        "Wolontariusze z Tbilisi w Klubie Seniora\n\nOd lutego do maja 2023 r. czworo wolontariuszy z Tbilisi "
        f"prowadziło zajęcia dla seniorów. {sentence}\n"
    )
    (event,) = extract_events(page, registries, **HOME)
    assert (event["participants"], event["topics"]) == ("volunteers", ["older_people"])
