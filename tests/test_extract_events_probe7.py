"""A seventh probe set on segmentation, type, dates, participants and topics: incoming events hosted in a Polish
town other than the home's ('w siedzibie … w Wieliczce', 'goście odwiedzili … w Nowym Sączu', 'w ośrodku … w',
'na terenie gminy …'), online and hybrid meetings, transports of gifts both ways, 'Wizyta'/'Spotkanie' headings
typed by what happened, a project chronicle and a month's news list under date lines, dates given relative to the
publication ('Wczoraj', 'W ubiegły piątek'). Written with gold by ../shared/eval/GOLD-CONVENTIONS.md before the
rules below, and scored as `extract_set.py` scores them."""

from __future__ import annotations

from conftest import extract_events

from partnergraph.extract import classify


def _location(text: str, registries, **page) -> dict | None:
    (ev,) = extract_events(text, registries, **page)
    return ev["location"]


OTHER_BODY = {"home": "Miejski Ośrodek Pomocy Społecznej w Tarnowie", "home_city": "Tarnów"}


def test_an_incoming_event_held_in_another_polish_town_is_located_there(registries):
    held = (
        "Goście z Ostrawy\n\nW dniu 3 marca 2016 r. gościliśmy pracowników socjalnych z Ostrawy. Spotkanie odbyło "
        "się w siedzibie Stowarzyszenia „Nadzieja” w Wieliczce.\n"
    )
    assert _location(held, registries, **OTHER_BODY) == {"city": "Wieliczka", "country": "PL"}
    visited = (
        "Goście z Ostrawy\n\nW dniu 3 marca 2016 r. goście z Ostrawy odwiedzili Środowiskowy Dom Samopomocy "
        "„Promyk” w Wieliczce, gdzie rozmawiali o terapii zajęciowej.\n"
    )
    assert _location(visited, registries, **OTHER_BODY) == {"city": "Wieliczka", "country": "PL"}
    # two places visited, the home's among them: the home's city stands
    tour = visited.replace("w Wieliczce,", "w Wieliczce i Klub Seniora w Tarnowie,")
    assert _location(tour, registries, **OTHER_BODY) == {"city": "Tarnów", "country": "PL"}
    # a town inside a quoted project title is no venue
    title = (
        "Partnerzy z Ostrawy\n\nW dniu 3 marca 2016 r. odbyło się spotkanie partnerów projektu „Seniorzy w "
        "Wieliczce i Ostrawie” z udziałem gości z Czech.\n"
    )
    assert _location(title, registries, **OTHER_BODY) == {"city": "Tarnów", "country": "PL"}


def test_visits_across_a_commune_have_no_one_city_and_gifts_for_several_towns_make_no_tour(registries):
    commune = (
        "Goście z Węgier\n\nW dniu 3 marca 2016 r. goście z Egeru odwiedzili rodziny zastępcze na terenie gminy "
        "Pleśna.\n"
    )
    assert _location(commune, registries, **OTHER_BODY) == {"city": None, "country": "PL"}
    gift = (
        "Dary z Niemiec\n\nW dniu 3 marca 2016 r. do naszego magazynu dotarł transport darów z Bambergu. Sprzęt "
        "trafi do domów pomocy w Bochni, Wieliczce i Mielcu.\n"
    )
    (ev,) = extract_events(gift, registries, **OTHER_BODY)
    assert (ev["direction"], ev["location"]) == ("incoming", {"city": "Tarnów", "country": "PL"})


def test_an_online_meeting_with_a_visit_only_planned_took_place_nowhere(registries):
    text = (
        "Rozmowa z Charkowem\n\nW dniu 3 marca 2022 r. odbyło się spotkanie online z pracownikami służb "
        "społecznych Charkowa. Ustalono, że w przyszłym roku grupa z Charkowa odwiedzi Tarnów.\n"
    )
    (ev,) = extract_events(text, registries, **OTHER_BODY)
    assert (ev["direction"], ev["location"]) == (None, None)


def test_a_day_named_relative_to_a_labelled_date_of_publication(registries):
    text = (
        "Dary dotarły do Lwowa\n\nOpublikowano: 21.03.2022 (poniedziałek), 12:40 | Redakcja: Dział Promocji\n\n"
        "W ubiegły piątek z Krakowa wyjechał do Lwowa transport darów dla rodzin zastępczych. Kolejny transport "
        "wyruszy w kwietniu.\n"
    )
    (ev,) = extract_events(text, registries)
    assert ev["start"] == "2022-03-18"
    yesterday = text.replace("W ubiegły piątek", "Wczoraj")
    assert extract_events(yesterday, registries)[0]["start"] == "2022-03-20"
    # a weekday with its date is that date, not a day counted back
    dated = text.replace("W ubiegły piątek", "W piątek, 11 marca,")
    assert extract_events(dated, registries, year=2022)[0]["start"] == "2022-03-11"


def test_a_weekday_opening_the_text_dates_the_event_over_a_date_line_above_it():
    from partnergraph.extract import dates

    first, _ = dates.event_dates(
        "17.10.2019 · Redakcja · 3 min\n\nW środę, 16 października 2019 r., odbyło się"
    )
    assert first.begin == (2019, 10, 16)


def test_news_items_under_date_bar_heading_lines_and_a_heading_over_two_named_days(registries):
    text = (
        "Aktualności – maj 2018\n\n20.05.2018 | Wizyta partnerów z Użhorodu\nW dniu 18 maja 2018 r. w siedzibie "
        "Ośrodka odbyło się spotkanie robocze partnerów projektu.\nwięcej »\n\n11.05.2018 | Goście z Gruzji\n"
        "W dniach 9–10 maja 2018 r. gościliśmy urzędników z Tbilisi.\nwięcej »\n\n02.05.2018\nSpotkanie w Rydze\n"
        "3 i 4 maja 2018 r. pracownicy Ośrodka poznawali w Rydze system pomocy społecznej.\n"
    )
    events = extract_events(
        text, registries, home="Ośrodek Pomocy Społecznej w Przemyślu", home_city="Przemyśl"
    )
    assert [(e["title"][-20:], e["start"], e["end"]) for e in events] == [
        ("partnerów z Użhorodu", "2018-05-18", "2018-05-18"),
        ("11.05.2018 | Goście z Gruzji"[-20:], "2018-05-09", "2018-05-10"),
        ("Spotkanie w Rydze", "2018-05-03", "2018-05-04"),
    ]


def test_seats_of_bodies_named_in_their_own_language_and_no_district_beside_its_city(registries):
    text = (
        "Partnerzy w Grazu\n\nW dniach 21–23 maja 2019 r. w Grazu odbyło się spotkanie partnerów projektu. "
        "Uczestniczyli w nim przedstawiciele Comune di Bologna, Mestna občina Ljubljana i Fundació Amics de la "
        "Gent Gran.\n"
    )
    (ev,) = extract_events(text, registries)
    assert {c["name"] for c in ev["cities"]} == {"Graz", "Bologna", "Ljubljana"}
    assert set(ev["countries"]) == {"AT", "IT", "SI"}
    district = (
        "Goście z Bratysławy\n\n12 października 2021 r. w Krakowie przebywała delegacja z Bratysławy, w tym "
        "pracownicy domu seniorów Domov jesene života Petržalka.\n"
    )
    (ev,) = extract_events(district, registries)
    assert [c["name"] for c in ev["cities"]] == ["Bratislava"]


def test_a_city_that_hosted_a_conference_and_a_group_received_by_a_host_abroad():
    conference = (
        "Wiedeń gościł w tym tygodniu europejską konferencję o opiece domowej. Spotkało się ponad 300 osób z 19 "
        "krajów. Kraków reprezentowały dwie pracownice Ośrodka."
    )
    assert classify.classify_type("Wiedeń gościł krakowskich specjalistów", conference)[0] == "Conference"
    hosted = (
        "W dniach 4–6 maja Oslo przyjęło grupę pracowników Ośrodka. Gospodarzem wizyty była fundacja Kirkens "
        "Bymisjon. Krakowianie zobaczyli też noclegownię i rozmawiali z jej mieszkańcami."
    )
    assert (
        classify.classify_type("Oslo przyjęło krakowskich pracowników socjalnych", hosted)[0] == "StudyVisit"
    )


def test_staff_of_a_foreign_social_services_centre_or_care_home_are_professionals():
    wilno = {"Wilna"}
    centre = "Gościliśmy przedstawicieli Centrum Usług Socjalnych Samorządu Miasta Wilna."
    assert classify.find_participants("Goście z Wilna", centre, wilno)[0] == "professionals"
    home = "Gościliśmy pracownice domu pomocy z Wilna. Poznały działalność naszego klubu."
    assert classify.find_participants("Goście z Wilna", home, wilno)[0] == "professionals"
    # a centre of the hosts' is no kind of the visitors
    ours = "Gości przyjęli pracownicy Centrum Interwencji Kryzysowej."
    assert classify.find_participants("Goście z Wilna", ours, wilno)[0] is None


def test_a_date_of_publication_in_the_text_gives_way_to_the_events_own_date():
    from partnergraph.extract import dates

    labelled = "Opublikowano: 4 lipca 2022\n\n1 lipca 2022 r. gościliśmy pracownice domu pomocy z Náchodu."
    assert dates.event_dates(labelled)[0].begin == (2022, 7, 1)
    byline = "wtorek, 8 października 2019 | Redakcja\n\nDelegacja przez dwa dni (7–8 października) poznawała kluby."
    assert dates.event_dates(byline)[0].begin[1:] == (10, 7)
    alone = "Opublikowano: 4 lipca 2022\n\nGościliśmy pracownice domu pomocy z Náchodu."
    assert dates.event_dates(alone)[0].begin == (2022, 7, 4)  # no other date: the only one there is
