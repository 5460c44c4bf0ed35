"""A twenty-sixth probe set: a MOPS bulletin-like 'Informacja o kontaktach zagranicznych' with headings 'Seminarium:
„…”' (a word and a colon); a Kraków association's volunteers under a 'Kraków | KRS …' header with the EU's disclaimer
in its funding paragraph; a year's events laid out as a <dl>; a hybrid partners' meeting with a Czech region; an
annual report's international chapter with 'na przełomie', 'w dniach 14 i 21' and a year alone; a three-day
conference announced under a dateline with an English programme; a study visit announced in advance. Written
with gold by ../shared/eval/GOLD-CONVENTIONS.md before the rules below; its floors are in
tests/data/probe-floors.toml."""

from __future__ import annotations

import pytest
from conftest import extract_events

HOME = {"home": "Miejski Ośrodek Pomocy Społecznej w Tczewie", "home_city": "Tczew"}


def test_a_heading_that_labels_its_event_by_its_kind_opens_a_section(registries):
    page = (
        "Kontakty zagraniczne 2015\n\nWizyta z Wilna\n\nW dniu 3 marca 2015 r. gościliśmy pracowników socjalnych z "
        "Wilna. Poznali pracę Ośrodka\n\nKonferencja: „Senior w Europie”\nW dniach 7 i 8 maja 2015 r. dwie pracownice "
        "uczestniczyły w konferencji w Pradze.\n"
    )
    titles = [e["title"] for e in extract_events(page, registries, **HOME)]
    assert titles == ["Wizyta z Wilna", "Konferencja: „Senior w Europie”"]


def test_a_record_field_is_still_no_heading(registries):
    page = "Wizyta z Wilna\n\nW dniu 3 marca 2015 r. gościliśmy pracowników socjalnych z Wilna.\n\nMiejsce: Tczew\n"
    assert [e["title"] for e in extract_events(page, registries, **HOME)] == ["Wizyta z Wilna"]


def test_a_definition_lists_terms_read_as_bullets_are_headings_over_their_dated_text(registries):
    page = (
        "Współpraca zagraniczna w 2019 roku\n- Goście z Wilna\n- 22 maja 2019 r. gościliśmy pracowników socjalnych "
        "z Wilna, którzy poznali pracę naszego Klubu Seniora.\n- Wizyta studyjna w Pradze\n- W dniach 3–5 czerwca "
        "2019 r. troje pracowników Ośrodka przebywało w Pradze, gdzie poznawało czeski model opieki nad seniorami.\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [(e["title"], e["start"]) for e in events] == [
        ("Goście z Wilna", "2019-05-22"),
        ("Wizyta studyjna w Pradze", "2019-06-03"),
    ]


@pytest.mark.parametrize(
    ("page", "fields", "expected"),
    [
        (  # a year alone at the opening of a sentence ("W 2018 r.") dates the item
            "Projekt „Miasta dla seniorów”\n\nW 2018 r. Ośrodek był partnerem projektu. Przedstawiciele Ośrodka "
            "uczestniczyli w spotkaniach roboczych partnerów w Bolonii.\n",
            ("start", "end"),
            ("2018", "2018"),
        ),
        (  # talks that told the guests how the hosts work: a visit, as headed
            "Wizyta pracowników socjalnych z Brna\n\nW dniu 12 czerwca 2015 r. w Ośrodku odbyło się spotkanie z "
            "pracownikami socjalnymi z Brna. Podczas spotkania omówiono zasady pracy socjalnej w naszym mieście.\n",
            ("type",),
            ("StudyVisit",),
        ),
        (  # ... talks on helping together stay a meeting
            "Wizyta delegacji z Charkowa\n\nW dniu 12 marca 2022 r. w Ośrodku gościła delegacja Charkowskiej Rady "
            "Miejskiej. Rozmawiano o organizacji pomocy dla uchodźców.\n",
            ("type",),
            ("Meeting",),
        ),
        (  # the mayor whose meeting the guests attend is a host, not their kind
            "Goście z Litwy\n\nW dniach 12–14 czerwca 2023 r. odwiedzi nas grupa pracowników socjalnych z Solecznik. "
            "Goście poznają pracę Klubu Seniora i wezmą udział w spotkaniu z burmistrzem.\n",
            ("participants",),
            ("professionals",),
        ),
        (  # the staff of a home's unit on a trip are not the foreign side
            "Seminarium w Pradze\n\nW dniach 7 i 8 kwietnia 2016 r. dwóch streetworkerów Działu Pomocy Bezdomnym "
            "uczestniczyło w seminarium w Pradze.\n",
            ("participants", "direction"),
            (None, "outgoing"),
        ),
        (  # a Czech region named as a body: its representatives are officials
            "Spotkanie partnerów projektu „CareNet”\n\nW dniu 9 listopada 2021 r. w Ośrodku odbyło się spotkanie "
            "partnerów projektu. Przyjechali przedstawiciele Moravskoslezský kraj z Ostrawy.\n",
            ("participants",),
            ("officials",),
        ),
    ],
    ids=[
        "year-alone",
        "told-how-hosts-work",
        "talks-on-help",
        "mayor-met",
        "unit-staff-abroad",
        "czech-region",
    ],
)
def test_an_items_fields(registries, page, fields, expected):
    (event,) = extract_events(page, registries, **HOME)
    assert tuple(event[f] for f in fields) == expected


DISCLAIMERS = [
    "Wsparcie Komisji Europejskiej dla produkcji tej publikacji nie stanowi poparcia dla jej treści, która "
    "odzwierciedla jedynie stanowisko autorów, a Komisja nie ponosi odpowiedzialności za jej wykorzystanie.",
    "Finansowane przez Unię Europejską. Poglądy i opinie wyrażone są jednak wyłącznie opiniami autora i niekoniecznie "
    "odzwierciedlają poglądy Unii Europejskiej lub Europejskiej Agencji Wykonawczej ds. Edukacji i Kultury (EACEA). "
    "Ani Unia Europejska, ani EACEA nie ponoszą za nie odpowiedzialności.",
    "Komisja Europejska nie ponosi odpowiedzialności za treść tej strony.",
    "The European Commission support for the production of this publication does not constitute an endorsement.",
    # not a disclaimer but a funding clause: the Commission supports, it takes no part
    "Projekt zrealizowano przy wsparciu Komisji Europejskiej. Komisja Europejska ani Narodowa Agencja nie ponoszą "
    "odpowiedzialności za jego treść.",
]


@pytest.mark.parametrize(
    "disclaimer", DISCLAIMERS, ids=["pl-support", "pl-eacea", "pl-short", "en", "pl-funding-clause"]
)
def test_the_eus_disclaimer_names_no_party(registries, disclaimer):
    page = (
        "Goście z Bolonii\n\nW dniach 3–5 maja 2017 r. gościliśmy partnerów z Bolonii, którzy poznali pracę naszych "
        f"klubów seniora.\n\n{disclaimer}\n"
    )
    (event,) = extract_events(page, registries, **HOME)
    assert event["organisations"] == []


def test_a_funding_line_whose_programme_the_text_names_is_the_events_own(registries):
    page = (
        "Wolontariusze z Porto\n\nOd października 2019 r. w naszym klubie pracuje dwoje wolontariuszy Europejskiego "
        "Korpusu Solidarności z Porto.\n\nProjekt „Klub bez granic” jest finansowany ze środków programu Europejski "
        "Korpus Solidarności.\n"
    )
    (event,) = extract_events(page, registries, **HOME)
    assert (event["projects"], event["programmes"]) == (
        ["Klub bez granic"],
        ["Europejski Korpus Solidarności"],
    )
