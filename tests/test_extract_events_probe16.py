"""A sixteenth probe set: items filed under a one-word capitals label ('AKTUALNOŚCI', 'ZAPOWIEDZI',
'SPOŁECZEŃSTWO'); a hosted visit that works on a joint project's application (Meeting); a project page whose
Polish text is followed by an 'ENGLISH' label, its translation and the funding line; an outgoing donation
'Przekazaliśmy dary dla … z X'; a year's summary as a dash list dated 'na przełomie maja i czerwca', 'od 3 do 5
października', 'od 28 listopada do 2 grudnia'; an announcement whose only year is the site's anniversary
banner; a heading that ends with its date range over a body that names an earlier year. Written with gold by
../shared/eval/GOLD-CONVENTIONS.md before the rules below, and scored as `extract_set.py` scores them."""

from __future__ import annotations

import pytest
from conftest import extract_events

from partnergraph.extract import classify
from partnergraph.sources import chrome

HOME = {"home": "Miejski Ośrodek Pomocy Społecznej w Opolu", "home_city": "Opole"}


@pytest.mark.parametrize(
    "page, title",
    [
        (  # a capitals label glued over the heading, a three-cell menu above it
            "Ośrodek Pomocy Społecznej w Opolu\nStart | Aktualności | Kontakt\n\nNOWOŚCI\nZ Wilna do Opola\n"
            "Dnia 4 marca 2022 r. odwiedzili nas pracownicy socjalni z Wilna, którzy poznali pracę naszego "
            "Ośrodka.\n",
            "Z Wilna do Opola",
        ),
        (  # a label set apart over a heading with no word of what happened
            "MOPS Opole\n\nZAPOWIEDZI\n\nBezpieczny dom\n\nWe wtorek, 15 października, w sali Ośrodka "
            "rozpocznie się dwudniowa konferencja o przeciwdziałaniu przemocy z udziałem gości ze Lwowa.\n",
            "Bezpieczny dom",
        ),
    ],
)
def test_a_capitals_label_over_a_heading_is_no_title(registries, page, title):
    (ev,) = extract_events(page, registries, **HOME)
    assert ev["title"] == title


def test_a_heading_in_capitals_stays_a_heading(registries):
    page = (
        "SENIORZY Z GRAZU\nDnia 20 maja 2022 r. gościliśmy grupę seniorów z Grazu, którzy poznali pracę "
        "naszego klubu seniora.\n"
    )
    (ev,) = extract_events(page, registries, **HOME)
    assert ev["title"] == "SENIORZY Z GRAZU"


def test_the_headings_dated_days_outweigh_a_year_the_body_names_alone(registries):
    page = (
        "Poznawaliśmy pracę ośrodków w Brnie (12.06–14.06.2018)\n\nTrzy pracownice Ośrodka odwiedziły "
        "ośrodki pomocy w Brnie. Wizyta była rewanżem za pobyt czeskich partnerów w Opolu w 2016 roku.\n"
    )
    (ev,) = extract_events(page, registries, **HOME)
    assert (ev["start"], ev["end"]) == ("2018-06-12", "2018-06-14")


def test_a_translation_under_a_bare_language_label_is_no_part_of_the_report(registries):
    page = (
        "Spotkanie partnerskie w Brnie\n\n25 listopada 2021 r. pracownicy Ośrodka wzięli udział w spotkaniu "
        "partnerów projektu „Razem” w Brnie.\n\nENGLISH\n\nOn 25 November 2021 the staff of the Social "
        "Welfare Centre took part in the partners' meeting of the project in Brno.\n"
        "Projekt współfinansowany ze środków Unii Europejskiej w ramach Programu Interreg V-A Republika "
        "Czeska – Polska.\n"
    )
    (ev,) = extract_events(page, registries, **HOME)
    assert ev["organisations"] == []  # "Social Welfare Centre" is the home in English
    assert ev["programmes"]  # the funding line after the translation still names the programme


def test_a_language_switch_in_the_header_hides_no_text(registries):
    page = (
        "MOPS Opole\nEnglish\n\nGoście z Wilna\n\nDnia 4 marca 2022 r. odwiedzili nas pracownicy socjalni z "
        "Wilna, którzy poznali pracę naszego Ośrodka.\n"
    )
    (ev,) = extract_events(page, registries, **HOME)
    assert ev["start"] == "2022-03-04"


@pytest.mark.parametrize(
    "line, menu",
    [
        ("Start | O nas | Kontakt", True),
        ("Strona główna | Projekty | Galeria", True),
        ("Niemcy | Berlin | Wizyta studentów", False),  # a table row
    ],
)
def test_a_three_cell_menu_is_page_chrome(line, menu):
    assert chrome.is_chrome(line) is menu


@pytest.mark.parametrize(
    "text, topic, absent",
    [
        (
            "Goście prowadzą schronisko dla kobiet doświadczających przemocy.",
            "domestic_violence",
            "homelessness",
        ),
        ("Fundacja wspiera rodziny z małymi dziećmi.", "children_and_families", None),
        ("Ustalono zasady szkolenia wolontariuszy odwiedzających seniorów.", "volunteering", None),
        ("Studenci poznali system usług społecznych w gminie.", "welfare_system", None),
    ],
)
def test_topic_cues(text, topic, absent):
    free, _named = classify.find_topics(text, [], [(0, len(text))])
    topics = [t for t, _cue in free]
    assert topic in topics and absent not in topics


@pytest.mark.parametrize(
    "text, out",
    [
        ("Ośrodek wysłał dwie pracownice na wizytę studyjną do Bardejova", True),
        ("Pięcioro pracowników naszego Centrum odwiedziło Bergen.", True),  # the home's staff visit
        ("Partnerzy wysłali nam program spotkania", False),
        ("Nasz Ośrodek odwiedzili goście z Wilna.", False),  # the home visited
    ],
)
def test_the_homes_staff_sent_or_visiting_go_out(text, out):
    assert bool(classify.OUTGOING_CUES.search(text)) is out
