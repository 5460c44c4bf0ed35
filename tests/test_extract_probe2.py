"""Pages of kinds beyond the bulletin (news portals, NGO blogs, project sites, city portals, lists of visits,
other welfare bodies' pages), written as probes with gold by ../shared/eval/GOLD-CONVENTIONS.md and scored
with their manifest's url, year, home and home_city as `extract_set.py` passes them; and the rules they drove."""

from __future__ import annotations

import pytest
from conftest import extract_events

from partnergraph.extract import dates, extract_document
from partnergraph.model import Page
from partnergraph.sources import chrome, read_page


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "Dwudniowa wizyta studyjna rozpoczęła się 9 maja 2019 r. Goście poznali MOPS.",
            "2019-05-09",
            "2019-05-10",
        ),
        ("Forum rozpoczęło się 7 czerwca 2017 r. i trwało trzy dni.", "2017-06-07", "2017-06-09"),
        (
            "Od 5 do 7 listopada 2019 r. delegacja była w Glasgow. Relacja z 2.10.2019.",
            "2019-11-05",
            "2019-11-07",
        ),
        ("W dniach 9–13 V 2016 r. pracownicy przebywali w Bergen.", "2016-05-09", "2016-05-13"),
        ("W poniedziałek 15.04. pracownicy wyjechali na czterodniową wizytę.", "--04-15", "--04-18"),
        (
            "On 23–24 March 2017 representatives of the partner cities met in Kraków.",
            "2017-03-23",
            "2017-03-24",
        ),
        ("The visit took place from 28 February to 2 March 2018.", "2018-02-28", "2018-03-02"),
        ("Partners met on March 23, 2017 in Turin.", "2017-03-23", "2017-03-23"),
    ],
)
def test_a_duration_before_the_date_a_range_opened_by_od_and_roman_months(text, start, end):
    first, extra = dates.event_dates(text)
    last = extra[-1] if extra else first
    assert (first.iso(None)[0], last.iso(None)[1]) == (start, end)


def test_a_caption_closed_by_its_photo_credit_is_chrome():
    assert chrome.is_chrome("Spotkanie w Urzędzie Miasta Krakowa. Fot. Jan Kowalski / krakow.pl")
    assert chrome.is_chrome("Goście w Centrum Seniora (fot. archiwum MOPS)")
    assert not chrome.is_chrome("W dniu 12 maja goście odwiedzili Centrum. Fotografie zrobiono w ogrodzie.")


def test_a_news_lists_publication_dates_over_its_items_are_not_their_dates(registries):
    text = (
        "Aktualności\n\n12.03.2020\nSpotkanie partnerów w Gandawie\nW dniach 10–11 marca 2020 r. przedstawiciele "
        "MOPS wzięli udział w spotkaniu partnerów projektu w Gandawie.\nCzytaj więcej\n\n02.10.2019\n"
        "Grupa robocza spotkała się w Krakowie\n25 września 2019 r. w siedzibie MOPS odbyło się spotkanie grupy "
        "z udziałem ekspertki z Kopenhagi.\nCzytaj więcej\n"
    )
    events = extract_events(text, registries)
    assert [(e["title"], e["start"]) for e in events] == [
        ("Spotkanie partnerów w Gandawie", "2020-03-10"),
        ("Grupa robocza spotkała się w Krakowie", "2019-09-25"),
    ]


def test_a_one_sentence_lead_under_a_date_of_publication_is_the_articles_text(registries):
    text = (
        "Spotkanie z delegacją z Lipska\n\nData publikacji: 2018-06-22\n\nUrzędnicy z Lipska przez trzy dni "
        "poznawali krakowski system wsparcia seniorów.\n\nW dniach 18–20 czerwca 2018 r. Kraków gościł "
        "delegację Urzędu Miasta Lipska. Goście zapoznali się z usługami opiekuńczymi.\n"
    )
    (ev,) = extract_events(text, registries)
    assert (ev["start"], ev["end"], ev["type"], ev["participants"]) == (
        "2018-06-18",
        "2018-06-20",
        "StudyVisit",
        "officials",
    )


def test_a_tag_line_under_the_date_of_publication_is_no_record_card(registries):
    # a short tag line under "Data publikacji" is page furniture: the running text below it is still the
    # article's (it was read as the page's record card, and the page gave no event)
    text = (
        "Portal miejski\nStrona główna > Aktualności\n\nGoście z Brna w Krakowie\n\nData publikacji: 12.05.2022\n"
        "Tagi: Brno, seniorzy\n\nW dniach 9–10 maja 2022 r. Kraków gościł delegację Urzędu Miasta Brna, która "
        "poznawała krakowskie kluby seniora i usługi opiekuńcze prowadzone przez Miejski Ośrodek Pomocy Społecznej.\n"
    )
    (ev,) = extract_events(text, registries)
    assert (ev["title"], ev["start"], ev["end"], ev["direction"]) == (
        "Goście z Brna w Krakowie",
        "2022-05-09",
        "2022-05-10",
        "incoming",
    )


@pytest.mark.parametrize(
    ("title", "body", "participants"),
    [
        (  # whose work the visitors saw are the hosts
            "Goście z Łucka",
            "W dniu 22 października 2015 r. przyjechała delegacja z Łucka. Goście poznawali pracę naszych "
            "asystentów rodziny.",
            "officials",
        ),
        (  # whom they met, after a few words
            "Goście z Lipska",
            "W dniu 18 czerwca 2018 r. urzędnicy z Lipska zwiedzili dom pomocy, gdzie spotkali się z jego "
            "podopiecznymi i wolontariuszami.",
            "officials",
        ),
        (  # the heading names one kind, the body a group of two
            "Ukraińscy urzędnicy w MOPS",
            "W dniu 20 września 2022 r. MOPS odwiedzili przedstawiciele Obwodowej Administracji Wojskowej "
            "oraz pracownicy socjalni z Tarnopola.",
            "mixed",
        ),
        (  # representatives of an organisation are its staff
            "Wizyta partnerów z Wiednia",
            "W dniu 4 października 2021 r. przedstawiciele organizacji Volkshilfe Wien omówili harmonogram "
            "szkoleń.",
            "professionals",
        ),
    ],
)
def test_participants_are_who_came_not_whom_they_saw(registries, title, body, participants):
    (ev,) = extract_document(Page("x", "x.txt", f"{title}\n\n{body}\n"), registries)["events"]
    assert ev["participants"] == participants


@pytest.mark.parametrize(
    ("title", "body", "kind"),
    [
        (  # named a study visit; what happened: talks preparing a joint project
            "Wizyta studyjna w Lille",
            "W dniach 25–27 listopada 2019 r. pracownicy Centrum przebywali w Lille. Celem wyjazdu były rozmowy "
            "z partnerem o przygotowaniu wspólnego wniosku projektowego. Omówiono harmonogram prac.",
            "Meeting",
        ),
        (  # named a delegation; what happened: talks on an agreement
            "Delegacja z Winnicy",
            "W dniu 16 marca 2016 r. przebywała u nas delegacja z Winnicy. Rozmawiano o podpisaniu porozumienia "
            "o współpracy oraz o wspólnych projektach.",
            "Meeting",
        ),
        (  # named a meeting; what happened: a hosted introduction
            "Spotkanie z delegacją z Lipska",
            "W dniach 18–20 czerwca 2018 r. Kraków gościł delegację z Lipska. Goście zapoznali się z działalnością "
            "centrum seniora i zwiedzili dzienny dom pomocy.",
            "StudyVisit",
        ),
        (  # named a meeting; what happened: goods brought
            "Spotkanie z darczyńcami z Holandii",
            "W dniu 20 stycznia 2021 r. gościliśmy przedstawicieli fundacji z Utrechtu, którzy przywieźli 300 "
            "paczek żywnościowych.",
            "Donation",
        ),
        (  # weak background words ("w ramach projektu", a workshop's name) leave the heading's word to decide
            "Wizyta studyjna przedstawicieli Ukrainy",
            "W dniu 14 września 2019 r. zakończyła się wizyta w ramach projektu. Goście zapoznali się z pracą "
            "Warsztatów Terapii Zajęciowej.",
            "StudyVisit",
        ),
    ],
)
def test_the_type_is_what_happened_not_the_headings_word(registries, title, body, kind):
    (ev,) = extract_document(Page("x", "x.txt", f"{title}\n\n{body}\n"), registries)["events"]
    assert ev["type"] == kind


def test_a_tour_of_several_towns_has_no_one_city_and_a_meeting_at_home_is_incoming(registries):
    tour = (
        "Goście z Gruzji\n\nW dniach 8–12 października 2018 r. gościliśmy pracowników socjalnych z Gruzji. Goście "
        "odwiedzili ośrodki w Zielonej Górze, w Gorzowie Wielkopolskim i w Nowej Soli.\n"
    )
    page = Page("x", "x.txt", tour, home="Ośrodek Pomocy Społecznej w Sulechowie", home_city="Sulechów")
    (ev,) = extract_document(page, registries)["events"]
    assert (ev["direction"], ev["location"]) == ("incoming", {"city": None, "country": "PL"})
    summary = (
        "Projekt zakończony\n\nW piątek, 26 października 2018 r. w ratuszu odbyło się spotkanie podsumowujące "
        "projekt. Wśród zaproszonych gości byli przedstawiciele Landratsamt Görlitz. W ramach projektu seniorzy "
        "uczestniczyli w wycieczkach do Niemiec.\n"
    )
    page = Page(
        "x", "x.txt", summary, home="Miejski Ośrodek Pomocy Społecznej w Zgorzelcu", home_city="Zgorzelec"
    )
    (ev,) = extract_document(page, registries)["events"]
    assert (ev["direction"], ev["location"]["city"], ev["participants"]) == (
        "incoming",
        "Zgorzelec",
        "officials",
    )


def test_a_numbered_list_of_dated_events_is_a_list_not_an_article(registries):
    text = (
        "Współpraca z zagranicą\n\nW 2017 roku Centrum realizowało następujące działania:\n"
        "1. Wizyta delegacji z Wilna (14 marca) – urzędnicy poznali system pieczy zastępczej.\n"
        "2. Udział w konferencji w Brukseli (10–11 maja) – dwie pracownice przedstawiły program.\n"
        "Łącznie w działaniach wzięło udział 14 pracowników.\n"
    )
    events = extract_events(text, registries)
    assert [(e["start"], e["end"], e["direction"]) for e in events] == [
        ("2017-03-14", "2017-03-14", "incoming"),
        ("2017-05-10", "2017-05-11", "outgoing"),
    ]
    assert "Łącznie" not in events[-1]["title"]


def test_headings_written_as_sentences_and_another_projects_funding_banner(registries):
    text = (
        "Współpraca zagraniczna\n\nStudenci z Grazu poznali pracę naszego Ośrodka.\nW dniu 12 marca 2019 r. "
        "gościliśmy studentów z Grazu.\n\nPrzyjaciele z Neubrandenburga przekazali sprzęt.\nW dniu 18 października "
        "2019 r. Diakonie Neubrandenburg przekazała dla podopiecznych wózki.\n\nProjekt „Aktywni razem” "
        "realizowany jest ze środków Europejskiego Funduszu Społecznego.\n"
    )
    events = extract_events(text, registries)
    assert [(e["title"], e["type"]) for e in events] == [
        ("Studenci z Grazu poznali pracę naszego Ośrodka.", "StudyVisit"),
        ("Przyjaciele z Neubrandenburga przekazali sprzęt.", "Donation"),
    ]
    assert (events[-1]["projects"], events[-1]["programmes"]) == ([], [])
    # a banner of the project the page reports stays: its programme is the event's
    text = text.replace("Współpraca zagraniczna", "Projekt „Aktywni razem”")
    events = extract_events(text, registries)
    assert events[-1]["programmes"] == ["Europejski Fundusz Społeczny"]


def test_a_city_compared_with_the_homes_an_agreement_named_and_other_news_below(registries):
    text = (
        "Partnerzy z Czech z wizytą\nUmowę o współpracy z miastem Frýdlant podpisaliśmy w 2012 roku.\n"
        "15 maja przyjechali do nas pracownicy socjalni z Frýdlantu. Goście zapoznali się z pracą klubu seniora. "
        "Rozmawiano o sytuacji seniorów w Czechach i w Polsce.\nZobacz również\nSpotkanie z seniorami z "
        "Liberca\n28.04\n"
    )
    (ev,) = extract_events(text, registries)
    assert (ev["start"], ev["type"], ev["direction"]) == ("--05-15", "StudyVisit", "incoming")
    talks = (
        "Rozmowy z Caritas Wien\n\nW dniu 12 lutego 2020 r. odbyło się spotkanie z przedstawicielami Caritas Wien. "
        "Rozmawiano o sytuacji osób bezdomnych w Wiedniu i w Krakowie.\n"
    )
    (ev,) = extract_events(talks, registries)
    assert (ev["direction"], ev["location"]["city"], ev["participants"]) == (
        "incoming",
        "Kraków",
        "professionals",
    )


def test_an_html_page_whose_headline_is_only_its_title(tmp_path, registries):
    page = tmp_path / "p.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>Wizyta studentów z Bratysławy - MOPS</title></head><body>'
        '<div class="tresc"><p>W dniu 24 kwietnia 2017 r. nasz Ośrodek odwiedziła grupa studentów pracy '
        "socjalnej z Bratysławy. Studenci poznali pracę asystentów rodziny i zasady pomocy społecznej.</p></div>"
        "</body></html>",
        encoding="utf-8",
    )
    (ev,) = extract_document(read_page(page), registries)["events"]
    assert (ev["title"], ev["participants"]) == ("Wizyta studentów z Bratysławy", "students")
