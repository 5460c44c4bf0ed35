"""A thirteenth probe set on layouts off the news article: a yearly report converted from PDF (lines wrapped at a
margin, hyphenated breaks, a running header and a page number inside a paragraph), a news portal's article with
a lead, a 'Czytaj także' block, tags and dated comments, a partnership's timeline of 'YEAR –' lines, a table
flattened with tabs (a Roman-numeral month in a row), a news list whose items each stand under their own
'Dodano:' line, a publication line labelled 'Artykuł z dnia', two days named relative to it ('W miniony
poniedziałek i wtorek'), and participant kinds read from who the visitors were (a delegation of a regional
centre of social services who met a deputy starost and councillors). Written with gold by
../shared/eval/GOLD-CONVENTIONS.md before the rules below, and scored as `extract_set.py` scores them."""

from __future__ import annotations

from conftest import extract_events

from partnergraph.extract import classify

HOME = {"home": "Miejski Ośrodek Pomocy Społecznej w Opolu", "home_city": "Opole"}


def test_each_line_of_a_timeline_is_an_event_dated_by_its_year_or_month(registries):
    page = (
        "Miejski Ośrodek Pomocy Społecznej w Opolu\n\nWspółpraca z miastem Ingolstadt\n\n"
        "Współpraca z Ingolstadt trwa od 2010 roku. Najważniejsze wydarzenia:\n\n"
        "2013 – wizyta studyjna niemieckich opiekunek środowiskowych w naszym Ośrodku.\n"
        "maj 2016 – wyjazd trzech pracowników Ośrodka do Ingolstadt, gdzie poznali tamtejsze domy opieki.\n"
        "2018 – wspólne seminarium o pracy z seniorami w Opolu z udziałem gości z Niemiec.\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [(e["start"], e["type"]) for e in events] == [
        ("2013", "StudyVisit"),
        ("2016-05", "StudyVisit"),
        ("2018", "Conference"),
    ]


def test_a_row_dated_by_a_roman_month_is_an_event_of_its_own(registries):
    page = (
        "Kalendarium współpracy międzynarodowej w 2021 roku\n\nData\tWydarzenie\tMiejsce\n"
        "14–16.04.2021\tWizyta studyjna pracowników socjalnych z Brna w domach pomocy społecznej\tOpole\n"
        "X 2021\tUdział dyrektora Ośrodka w konferencji o usługach opiekuńczych w Wiedniu\tWiedeń (Austria)\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [(e["start"], e["direction"]) for e in events] == [
        ("2021-04-14", "incoming"),
        ("2021-10", "outgoing"),
    ]


def test_items_under_their_own_publication_lines_are_events_of_its_year(registries):
    page = (
        "Aktualności\n\nGoście z Ołomuńca poznali naszą pieczę zastępczą\nDodano: 12.05.2017\n\n"
        "W dniach 8–10 maja gościliśmy delegację Centrum Usług Socjalnych w Ołomuńcu, która poznała pracę "
        "koordynatorów rodzinnej pieczy zastępczej i odwiedziła dwa rodzinne domy dziecka.\n\nCzytaj więcej\n\n"
        "Delegacja z Koszyc w Domu Pomocy Społecznej\nDodano: 22.09.2017\n\n"
        "W środę 20 września Opole odwiedzili przedstawiciele Urzędu Miasta Koszyce, którzy w Domu Pomocy "
        "Społecznej rozmawiali z pracownikami o wsparciu osób z niepełnosprawnością.\n\nCzytaj więcej\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [(e["start"], e["end"]) for e in events] == [
        ("2017-05-08", "2017-05-10"),
        ("2017-09-20", "2017-09-20"),
    ]


def test_two_weekdays_named_before_an_article_of_the_day_are_its_days(registries):
    page = (
        "Centrum Usług Społecznych\n\nNasi pracownicy na seminarium w Trnawie\nArtykuł z dnia 9 czerwca 2022 r.\n\n"
        "W ubiegły poniedziałek i wtorek dwóch pracowników naszego Centrum wzięło udział w seminarium o "
        "usługach dla seniorów w Trnawie na Słowacji.\n"
    )
    (ev,) = extract_events(page, registries, **HOME)
    assert (ev["start"], ev["end"]) == ("2022-06-06", "2022-06-07")


def _who(body: str) -> str | None:
    return classify.find_participants("Goście", body, set())[0]


def test_a_delegation_of_a_regional_centre_of_services_is_its_staff_not_officials():
    assert _who("Gościliśmy delegację Obwodowego Centrum Pomocy Społecznej w Tarnopolu.") == "professionals"
    assert _who("Gościliśmy delegację obwodowej administracji z Tarnopola.") == "officials"


def test_the_officials_the_visitors_met_are_the_hosts():
    body = (
        "Gościliśmy pracowników socjalnych z Tarnopola. Goście spotkali się z wicestarostą Janem Lisem i "
        "radnymi powiatu."
    )
    assert _who(body) == "professionals"


def test_staff_of_a_foundation_or_a_body_named_as_a_charity_are_professionals():
    assert _who(
        "Odwiedzili nas pracownicy praskiej Fundacji Naděje oraz stowarzyszenia Arcidiecézní charita."
    ) == ("professionals")
    assert _who("Gościliśmy przedstawicieli Dublin Simon Community oraz Focus Ireland.") == "professionals"


def test_social_workers_of_an_office_and_a_foundation_are_professionals_not_a_mixed_group():
    body = (
        "Przyjechali do nas pracownicy socjalni i psycholodzy z Fundacji Nadzieja oraz Departamentu Polityki "
        "Społecznej Rady Miejskiej w Równem."
    )
    assert _who(body) == "professionals"
    assert (
        _who("Przyjechali do nas pracownicy socjalni oraz urzędnicy Departamentu Polityki Społecznej.")
        == "mixed"
    )
