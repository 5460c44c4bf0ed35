"""A fourth probe set, on how a page is cut into events and how they are dated and typed: a city portal's list of
teasers (one a call for applications), a news article with a 'Zobacz także' block in mid-text, a chronicle with
'Data:'/'Miejsce:' lines under its headings, a report's table flattened to text, month-only donations, an article
with 'Dzień pierwszy'/'Dzień drugi' subheadings, a blog's month archive of two posts, duration phrases, the home's
own councillors at a visit, a delegation listed by roles. Written with gold by ../shared/eval/GOLD-CONVENTIONS.md
before the rules below, and scored as `extract_set.py` scores them."""

from __future__ import annotations

from conftest import score_probes

from partnergraph.extract import dates, extract_document
from partnergraph.model import Page
from partnergraph.sources import chrome


def test_the_probe_pages_score_above_their_floor(registries, score, tmp_path):
    events_f1, macro, f1 = score_probes("events-probe4", registries, score, tmp_path)
    # before the rules of this set: events F1 0.812, fields macro 0.641
    assert events_f1 >= 0.99
    # after a list page's teasers, file and arrow links, months with a year, weekdays, deadlines: 0.794
    assert macro >= 0.79, f1


def _events(text: str, registries, **page) -> list[dict]:
    return extract_document(Page("x", "x.txt", text, **page), registries)["events"]


def test_a_list_of_teasers_gives_its_items_and_a_call_for_applications_is_no_event(registries):
    text = (
        "Aktualności\n\n12.05.2018\nStudenci z Grazu w Krakowie\nW dniach 8–9 maja 2018 r. studenci pracy socjalnej "
        "z Grazu poznawali pracę Miejskiego Ośrodka Pomocy Społecznej w Krakowie i odwiedzili dom dla bezdomnych. …\n"
        "Czytaj więcej ›\n\n03.05.2018\nKonkurs dla organizacji pozarządowych\nDo 30 maja można składać oferty na "
        "realizację zadań wspólnie z partnerami z miast partnerskich Krakowa w tym roku. …\nCzytaj więcej ›\n\n"
        "28.04.2018\nRozmowy o współpracy w Wilnie\nW dniu 25 kwietnia przedstawiciele MOPS uczestniczyli w "
        "spotkaniu roboczym z urzędnikami Wilna w sprawie wspólnego projektu dla seniorów. …\nCzytaj więcej ›\n"
    )
    events = _events(text, registries, year=2018)
    assert [(e["title"], e["start"], e["end"]) for e in events] == [
        ("Studenci z Grazu w Krakowie", "2018-05-08", "2018-05-09"),
        ("Rozmowy o współpracy w Wilnie", "2018-04-25", "2018-04-25"),
    ]


def test_months_with_a_year_and_no_day_weekdays_and_deadlines():
    (m,) = dates.find_dates("Data: grudzień 2017 r.")
    assert m.iso(None) == ("2017-12", "2017-12")
    (m,) = dates.find_dates("2. | IV 2019 | Dary")
    assert m.iso(None) == ("2019-04", "2019-04")
    assert dates.event_dates("Do 15 grudnia można składać wnioski.")[0] is None
    first, extra = dates.event_dates("Wizyta trwała do 15 grudnia.")
    assert first is not None
    text = "W czwartek 21 października rozpoczęło się spotkanie partnerów. W piątek uczestnicy odwiedzili PAL."
    first, extra = dates.event_dates(text)
    assert (first.iso(2021)[0], extra[-1].iso(2021)[1]) == ("2021-10-21", "2021-10-22")


def test_file_links_arrow_links_and_account_numbers_are_chrome():
    for line in (
        "Program spotkania (PDF, 240 KB)",
        "Wpłać darowiznę »",
        "« Poprzedni wpis: Wolontariusze z Erding w Nowej Hucie",
        "Numer konta do darowizn: 12 3456 7890 0000 0000 1234 56",
    ):
        assert chrome.is_chrome(line), line
    assert not chrome.is_chrome("Wizyta studyjna w Wiedniu")
