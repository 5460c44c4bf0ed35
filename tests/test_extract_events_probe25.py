"""A twenty-fifth probe set: a MOPS bulletin-like yearly list with a Polish voivode's visit (domestic) beside
foreign items named by a consul, a charity's own name ('Caritas Wien') with no word for a visit, a country
adjective; a volunteer's year told only as 'Po roku wolontariatu'; staff job shadowing abroad; a domestic service
for foreigners (no event); a report filed under a dateline abroad telling 'Od jutra'. Written with gold by
../shared/eval/GOLD-CONVENTIONS.md before the rules below; its floors are in tests/data/probe-floors.toml."""

from __future__ import annotations

import pytest
from conftest import extract_events

HOME = {"home": "Miejski Ośrodek Pomocy Społecznej w Tczewie", "home_city": "Tczew"}


def test_a_polish_voivodes_visit_beside_foreign_items_is_domestic(registries):
    page = (
        "Wydarzenia 2012\n\nWizyta Wojewody Pomorskiego w Ośrodku\n\nW dniu 10 stycznia br. Wojewoda Pomorski "
        "odwiedził Ośrodek.\n\nGoście z Wilna\n\nW dniu 3 marca br. gościliśmy pracowników socjalnych z Wilna.\n"
    )
    assert [e["title"] for e in extract_events(page, registries, **HOME)] == ["Goście z Wilna"]


@pytest.mark.parametrize(
    ("page", "fields", "expected"),
    [
        (  # guests shown the hosts' work, named only by their charity's name that holds its city
            "Przedstawiciele Caritas Wien w Ośrodku\n\nW dniu 11 maja 2011 r. pracownicy Caritas Wien zapoznali się "
            "z działalnością Ośrodka.\n",
            ("countries", "type"),
            (["AT"], "StudyVisit"),
        ),
        (  # a volunteer's year named as such: the visitor's status, not a theme
            "Adiós, Pablo!\n\nPo roku wolontariatu w naszym klubie pożegnaliśmy Pabla z Sewilli.\n",
            ("participants", "topics"),
            ("volunteers", []),
        ),
        (  # a day counted from the dateline of a report filed abroad
            "Serwis miejski\n\nTczewianki na forum w Wiedniu\n\nWiedeń, 3 marca 2020 r. – Od jutra pracownice "
            "Ośrodka uczestniczą w forum o usługach dla seniorów.\n",
            ("start", "location"),
            ("2020-03-04", {"city": "Vienna", "country": "AT"}),
        ),
    ],
    ids=["charity-name-shown", "year-of-volunteering", "tomorrow-after-dateline"],
)
def test_an_items_fields(registries, page, fields, expected):
    (event,) = extract_events(page, registries, **HOME)
    assert tuple(event[f] for f in fields) == expected
