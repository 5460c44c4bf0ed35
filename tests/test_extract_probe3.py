"""A third set of probe pages of layouts not handled before (a WordPress post with its sidebar, a social-media post,
a city-portal article, regional welfare centres' pages, an annual report's PDF text, a news article with reader
comments, an NGO blog, an EU-projects portal, a table-laid site, a bulletin page with date traps), written with
gold by ../shared/eval/GOLD-CONVENTIONS.md before the rules below, and scored as `extract_set.py` scores them."""

from __future__ import annotations

from conftest import extract_events

from partnergraph.sources import chrome


def test_a_report_wrapped_at_its_margin_with_numbered_subsections(registries):
    line = "W 2017 roku Centrum kontynuowało współpracę z partnerskim powiatem w Bawarii, opisaną w części"
    text = (
        "POWIATOWE CENTRUM POMOCY RODZINIE\nSprawozdanie z działalności za rok 2017\n\nStrona 7 z 18\n\n"
        "6. WSPÓŁPRACA MIĘDZYNARODOWA\n"
        f"{line}\nniżej, na podstawie porozumienia podpisanego w 2009 roku przez obie strony umowy.\n"
        "6.1. Wyjazd studyjny do Ebersbergu\n"
        "W dniach 4–6 października 2017 r. czworo pracowników Centrum przebywało w powiecie Ebers-\n"
        "berg. Pracownicy zapoznali się z organizacją pieczy zastępczej w Niemczech i odwiedzili\n"
        "urząd do spraw młodzieży oraz dom dla dzieci prowadzony przez organizację kościelną.\n"
        "6.2. Wizyta partnerów z Ebersbergu\n"
        "W dniu 23 listopada 2017 r. Centrum gościło trzyosobową delegację urzędników powiatu\n"
        "z Bawarii. Rozmawiano o wymianie doświadczeń w pracy z rodzinami zastępczymi oraz o\n"
        "przygotowaniu wspólnego szkolenia dla koordynatorów pieczy zastępczej w roku 2018.\n\n"
        "Strona 8 z 18\n"
    )
    events = extract_events(
        text, registries, home="Powiatowe Centrum Pomocy Rodzinie w Bochni", home_city="Bochnia"
    )
    assert [(e["title"], e["start"], e["end"]) for e in events] == [
        ("Wyjazd studyjny do Ebersbergu", "2017-10-04", "2017-10-06"),
        ("Wizyta partnerów z Ebersbergu", "2017-11-23", "2017-11-23"),
    ]
    assert "Ebersberg." in read_text_of(text)  # the word broken at the margin is whole again


def read_text_of(text: str) -> str:
    from partnergraph.sources.reading import unwrap

    return unwrap(text)


def test_a_post_with_no_headline_under_its_publishers_name_is_titled_by_its_first_sentence(registries):
    text = (
        "Gminny Ośrodek Pomocy Społecznej w Muszynie\n12 września 2019 ·\nKolejne spotkanie z sąsiadami! 🇸🇰 "
        "W dniu 11 września odwiedzili nas pracownicy socjalni z Bardejowa na Słowacji. Rozmawialiśmy o wsparciu "
        "seniorów.\n#współpraca #seniorzy\n👍❤️ 34\n5 komentarzy · 3 udostępnienia\nLubię to! · Komentarz · "
        "Udostępnij\n"
    )
    (ev,) = extract_events(
        text, registries, home="Gminny Ośrodek Pomocy Społecznej w Muszynie", home_city="Muszyna"
    )
    assert (ev["title"], ev["start"], ev["direction"]) == (
        "Kolejne spotkanie z sąsiadami!",
        "2019-09-11",  # the year of the post's date of publication (not its day)
        "incoming",
    )


def test_a_news_headline_over_its_byline_and_not_the_lead_sentence(registries):
    text = (
        "WIADOMOŚCI / KRAKÓW\n\nUkraińscy pracownicy socjalni uczą się w Krakowie\n\n"
        "Marta Wójcik 09.11.2021, 14:32 Komentarze (4)\n\n"
        "Przez pięć dni goście z Iwano-Frankiwska poznają krakowski system pomocy społecznej.\n\n"
        "Od 8 do 12 listopada 2021 r. trwa wizyta studyjna grupy dwunastu pracowników socjalnych z "
        "Iwano-Frankiwska, przygotowana przez Miejski Ośrodek Pomocy Społecznej w Krakowie.\n"
    )
    (ev,) = extract_events(text, registries)
    assert ev["title"] == "Ukraińscy pracownicy socjalni uczą się w Krakowie"


def test_a_headline_after_its_date_of_publication_and_a_menu_row(registries):
    text = (
        "Regionalny Ośrodek Polityki Społecznej w Opolu\nMenu główne | Aktualności | Rodzina | Seniorzy | Kontakt\n"
        "14.09.2022 Rozmowy o współpracy z Krajem Morawsko-Śląskim\nW dniach 12 i 13 września w siedzibie ROPS "
        "przebywała delegacja urzędu regionu z Ostrawy. Rozmowy dotyczyły przygotowania wspólnego projektu.\n"
        "Liczba wyświetleń: 212\n"
    )
    (ev,) = extract_events(
        text, registries, home="Regionalny Ośrodek Polityki Społecznej w Opolu", home_city="Opole"
    )
    assert (ev["title"], ev["start"], ev["end"]) == (
        "Rozmowy o współpracy z Krajem Morawsko-Śląskim",
        "--09-12",
        "--09-13",
    )


def test_page_numbers_menus_and_reactions_are_chrome():
    for line in (
        "Strona 7 z 18",
        "Menu główne | Aktualności | Rodzina | Kontakt",
        "Liczba wyświetleń: 212",
        "👍❤️ 34",
        "5 komentarzy · 3 udostępnienia",
        "Lubię to! · Komentarz · Udostępnij",
    ):
        assert chrome.is_chrome(line), line
    for line in (
        "12.03.2013 | Niemcy | Wizyta studentów | Kraków",
        "W 2017 roku gościliśmy 12 osób z Wilna.",
    ):
        assert not chrome.is_chrome(line), line


def test_small_european_towns_in_polish_spelling_where_their_country_is_named(registries):
    text = (
        "Wizyta studyjna na Słowacji\n\nW dniach 16–19 października 2018 r. pracownicy Ośrodka odwiedzili domy "
        "opieki w Bardejowie i w Ebersbergu w Niemczech. Rozmawiano też o ochronie brzegów Odry.\n"
    )
    (ev,) = extract_events(
        text, registries, home="Gminny Ośrodek Pomocy Społecznej w Żarkach", home_city="Żarki"
    )
    assert {(c["name"], c["country"]) for c in ev["cities"]} == {("Bardejov", "SK"), ("Ebersberg", "DE")}
    # a small town is not found where its country is not named: "Odry" is the Oder's genitive, not Odry (CZ)
    assert "CZ" not in ev["countries"]
    text = "Goście z Lipska\n\nW dniu 12 maja 2019 r. gościliśmy urzędników z Lipska.\n"
    (ev,) = extract_events(text, registries)
    assert [c["name"] for c in ev["cities"]] == ["Leipzig"]  # not the Polish village of Lipsk


def test_yesterday_in_a_post_is_the_day_before_its_date_and_they_visited_us_is_incoming(registries):
    text = (
        "Gminny Ośrodek Pomocy Społecznej w Muszynie\n12 września 2019 ·\nKolejne spotkanie z sąsiadami! "
        "Wczoraj odwiedzili nas pracownicy socjalni z Bardejowa na Słowacji. Goście zwiedzili nasz dom pomocy.\n"
    )
    (ev,) = extract_events(
        text, registries, home="Gminny Ośrodek Pomocy Społecznej w Muszynie", home_city="Muszyna"
    )
    assert (ev["start"], ev["end"], ev["direction"], ev["type"]) == (
        "2019-09-11",
        "2019-09-11",
        "incoming",
        "StudyVisit",
    )
    assert ev["location"] == {"city": "Muszyna", "country": "PL"}


def test_a_hosted_delegation_that_only_talked_is_a_meeting(registries):
    text = (
        "Wizyta partnerów z Ebersbergu\n\nW dniu 23 listopada 2017 r. Centrum gościło delegację urzędników "
        "z Niemiec. Rozmawiano o wymianie doświadczeń i o przygotowaniu wspólnego szkolenia.\n"
    )
    (ev,) = extract_events(text, registries)
    assert ev["type"] == "Meeting"
    shown = text.replace("Rozmawiano o", "Goście zapoznali się z pracą asystentów rodziny. Rozmawiano o")
    (ev,) = extract_events(shown, registries)
    assert ev["type"] == "StudyVisit"


def test_a_trip_to_two_towns_of_one_country_has_no_one_city(registries):
    text = (
        "Wizyta studyjna w Bardejowie i Kieżmarku\n\nW dniach 16–19 października 2018 r. pracownicy Ośrodka "
        "uczestniczyli w wizycie studyjnej na Słowacji.\n"
    )
    (ev,) = extract_events(
        text, registries, home="Gminny Ośrodek Pomocy Społecznej w Żarkach", home_city="Żarki"
    )
    assert (ev["direction"], ev["location"]) == ("outgoing", {"city": None, "country": "SK"})
    assert {c["name"] for c in ev["cities"]} == {"Bardejov", "Kežmarok"}


def test_the_home_countrys_professionals_at_a_seminar_are_not_the_foreign_side(registries):
    text = (
        "Seminarium o usługach środowiskowych\n\n12 V 2015 r. w Krakowie odbyło się międzynarodowe seminarium. "
        "Uczestniczyli w nim pracownicy ośrodków pomocy społecznej i powiatowych centrów pomocy rodzinie z "
        "Małopolski, a także goście z Norwegii. Rozmawiano o wolontariacie seniorów.\n"
    )
    (ev,) = extract_events(text, registries)
    assert (ev["start"], ev["participants"]) == ("2015-05-12", None)
    assert "volunteering" in ev["topics"]
