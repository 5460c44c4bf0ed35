"""A tenth probe set on page kinds and the page year: a city portal's list of news teasers (title, date of
publication, one-line summary), a news column of short items each a title over one sentence, a bulleted list of
separate events under a yearly heading, a subtitle right under the headline's date line, a year written only in
the date-of-publication line ('Opublikowano: 3 lipca 2019', 'Data publikacji: 19.11.2020', '12.10.2021') or in a
heading beside a site header's 'od 2005 roku', a regional welfare centre's online meeting with an
administration's staff, and a street work exchange named without 'streetwork' ('pracownicy ulicy', 'zespół
uliczny', going out on night shifts together). Written with gold by ../shared/eval/GOLD-CONVENTIONS.md before
the rules below, and scored as `extract_set.py` scores them."""

from __future__ import annotations

from conftest import extract_events

from partnergraph.extract import classify

KRAKOW_NGO = "Fundacja Nowy Dzień\nPomagamy od 2009 roku\nO nas | Aktualności | Kontakt\n\n"


def test_each_short_item_of_a_news_column_is_an_event(registries):
    column = (
        "Dziennik Małopolski\nWiadomości | Region | Kultura\n\nW skrócie\n\n"
        "Praktykanci z Bratysławy w Krakowie\nDziesięcioro słowackich studentów odbywało od 2 do 6 lipca "
        "2019 r. praktyki w Centrum Aktywności Seniora przy organizacji letnich zajęć dla osób starszych.\n\n"
        "Kuchnia polowa z Lipska dla bezdomnych\nNiemiecka fundacja Leipziger Hilfe przywiozła 9 lipca 2019 r. "
        "do Krakowa kuchnię polową dla jadłodajni Działu Pomocy Bezdomnym.\n"
    )
    events = extract_events(column, registries)
    assert [(e["title"], e["start"]) for e in events] == [
        ("Praktykanci z Bratysławy w Krakowie", "2019-07-02"),
        ("Kuchnia polowa z Lipska dla bezdomnych", "2019-07-09"),
    ]
    single = column.split("Kuchnia polowa")[0]  # one item alone stays one article
    assert [e["title"] for e in extract_events(single, registries)] == ["Praktykanci z Bratysławy w Krakowie"]


def test_a_line_under_the_headlines_date_line_is_its_subtitle(registries):
    page = (
        "Miejski Ośrodek Pomocy Społecznej w Tarnowie\nAktualności | Kontakt\n\nDelegacja z Nyíregyházy u nas\n\n"
        "08.05.2019\n\nRozmowy o współpracy w pomocy osobom starszym\n\nW dniach 6–7 maja gościliśmy urzędników "
        "z węgierskiej Nyíregyházy, którzy poznali pracę naszych klubów seniora i domu dziennego pobytu.\n"
    )
    home = {"home": "Miejski Ośrodek Pomocy Społecznej w Tarnowie", "home_city": "Tarnów"}
    (ev,) = extract_events(page, registries, **home)
    assert (ev["title"], ev["start"], ev["end"]) == (
        "Delegacja z Nyíregyházy u nas",
        "2019-05-06",
        "2019-05-07",
    )


def test_an_articles_only_year_is_its_year_of_publication(registries):
    page = KRAKOW_NGO + (
        "Goście z Kowna\n\nOpublikowano: 14 czerwca 2021 | Autor: redakcja\n\n10 czerwca odwiedzili nas "
        "pracownicy socjalni z Kowna, którzy poznali nasze mieszkania treningowe dla osób wychodzących z kryzysu.\n"
    )
    (ev,) = extract_events(page, registries)
    assert ev["start"] == "2021-06-10"  # the year of publication, not its day, and not the header's 2009
    december = page.replace("10 czerwca", "28 grudnia").replace("14 czerwca 2021", "4 stycznia 2022")
    assert extract_events(december, registries)[0]["start"] == "2021-12-28"  # reported after the new year


def test_a_lists_year_is_its_headings_not_the_year_a_body_was_founded(registries):
    page = KRAKOW_NGO + (
        "Nasze spotkania zagraniczne w 2022 roku\n\n"
        "• Goście z Pragi – 3 marca odwiedzili nas pracownicy socjalni z Pragi, którzy poznali nasz klub.\n"
        "• Wyjazd do Brna – 9 maja dwie nasze pracownice poznały pracę brneńskiego centrum dla seniorów.\n"
    )
    assert [e["start"] for e in extract_events(page, registries)] == ["2022-03-03", "2022-05-09"]


def _who(body: str, places: frozenset[str] = frozenset()) -> str | None:
    return classify.find_participants("Goście", body, set(places))[0]


def _topics(text: str) -> set[str]:
    free, _named = classify.find_topics(text, [], [(0, len(text))])
    return {topic for topic, _cue in free}


def test_street_workers_and_going_out_on_their_shifts():
    assert _who("Gościliśmy dwoje pracowników ulicy z Ostrawy.", {"Ostrawy"}) == "professionals"
    assert "streetwork" in _topics("Nasz zespół uliczny pokazał gościom swoją pracę.")
    assert "streetwork" in _topics("Spotkali się z pracownikami ulicy z Wiednia.")
    shadowed = "Goście wyszli razem z nami na nocne dyżury, a potem rozmawialiśmy o pracy z bezdomnymi."
    assert classify.classify_type("Goście z Ostrawy", shadowed)[0] == "StudyVisit"
    talked = "Goście rozmawiali z nami o pracy z bezdomnymi i o wspólnym projekcie."
    assert classify.classify_type("Goście z Ostrawy", talked)[0] == "Meeting"


def test_the_staff_of_an_administrations_department_are_officials():
    body = "Odbyło się spotkanie online z pracownikami Departamentu Zdrowia i Opieki Społecznej Administracji Obwodu."
    assert _who(body) == "officials"
    assert (
        _who("Przyjechało 14 wykładowców i pracowników administracji z uczelni partnerskich.") == "academics"
    )
    assert _who("Przyjechali pracownicy socjalni ze Lwowa.", {"Lwowa"}) == "professionals"
