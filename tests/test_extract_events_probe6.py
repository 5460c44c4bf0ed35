"""A sixth probe set on segmentation, type, dates, participants and topics: a heading wrapped over two lines, an
outgoing conference abroad dated by its start and duration, a gift headed 'Spotkanie' with a Roman-numeral month, an
online meeting, an annual report's lettered items, an outgoing study visit across a month end in Roman numerals, a
stay dated 'for two days from', an outgoing delegation's talks with foreign officials, a conference whose second day
is in its own sentence, a BIP archive list with non-event items, a news article dated 'last Thursday'. Written with
gold by ../shared/eval/GOLD-CONVENTIONS.md before the rules below, and scored as `extract_set.py` scores them."""

from __future__ import annotations

from conftest import extract_events

from partnergraph.extract import classify
from partnergraph.sources import chrome


def test_the_foreign_side_of_a_trip_abroad_only_where_the_text_says_who_of_them_took_part(registries):
    text = (
        "Kraków w Bordeaux\n\nW dniach 21–23 czerwca 2023 r. delegacja Urzędu Miasta Krakowa przebywała w Bordeaux. "
        "Ze strony francuskiej w rozmowach uczestniczyli radni i urzędnicy merostwa. Rozmawiano o współpracy.\n"
    )
    (ev,) = extract_events(text, registries)
    assert (ev["direction"], ev["participants"]) == ("outgoing", "officials")
    # the home's own people, representatives of bodies and one person's role say nothing of the foreign side
    for sentence in (
        "W spotkaniu w Bordeaux uczestniczyli nasi streetworkerzy oraz pracownice Ośrodka.",
        "W spotkaniu wzięli udział przedstawiciele miast partnerskich z Francji i Włoch.",
        "Ze strony francuskiej w spotkaniu uczestniczyła Claire Martin, kierowniczka poradni dla bezdomnych.",
    ):
        assert classify.find_participants_abroad(sentence, {"Bordeaux", "Francji"}) == (None, None), sentence
    crowd = "Konferencja zgromadziła ponad 400 dyrektorów i pracowników służb społecznych z 30 krajów Europy."
    assert classify.find_participants_abroad(crowd, set())[0] == "professionals"


def _topics(text: str) -> list[str]:
    free, named = classify.find_topics(text, [], [(0, len(text))])
    return [t for t, _ in free or named]


def test_supported_flats_in_a_report_about_homelessness_are_homelessness():
    text = "Rozmawiano o wychodzeniu z bezdomności i o programie mieszkań treningowych."
    assert _topics(text) == ["homelessness"]
    disabled = "Przedstawiono model mieszkań chronionych dla osób z niepełnosprawnością. Mowa była też o bezdomności."
    assert "housing" in _topics(disabled)
    assert _topics("Goście poznali nasz program mieszkań treningowych.") == ["housing"]


def test_psychological_help_for_children_and_professions_that_are_no_theme():
    assert _topics("Rozmawiano o wsparciu psychologicznym dla dzieci.") == [
        "mental_health",
        "children_and_families",
    ]
    assert _topics("Goście przekazali środki dla świetlicy środowiskowej.") == ["children_and_families"]
    assert _topics("Zwiedzili dom dla dzieci w Kownie.") == []
    assert _topics("W delegacji byli pracownicy socjalni, psychologowie i psychiatrzy.") == []
    assert _topics("Przywieźli sprzęt szpitalny i rehabilitacyjny.") == ["health_care", "disability"]


def test_a_list_of_the_hosts_quoted_projects_makes_no_theme():
    text = (
        "Dyrektor omówiła system pomocy społecznej i projekty „Aktywna rodzina – wsparcie rodzin z dziećmi”, "
        "„Celem jest praca” oraz „Seniorzy w sieci”."
    )
    assert _topics(text) == ["welfare_system"]
    assert "children_and_families" in _topics(
        "Omówiono projekt „Aktywna rodzina – wsparcie rodzin z dziećmi”."
    )


def test_a_list_of_three_bodies_visited_closed_by_where_they_talked_are_all_hosts(registries):
    text = (
        "Goście z Tbilisi\n\nW dniu 12 maja 2019 r. goście z Tbilisi odwiedzili Stowarzyszenie „Most”, Fundację "
        "„Okno” i Fundację „Brzask”, gdzie rozmawiali o pomocy kobietom doświadczającym przemocy.\n"
    )
    (ev,) = extract_events(text, registries)
    assert {"Stowarzyszenie „Most”", "Fundacja „Okno”", "Fundacja „Brzask”"} <= set(ev["organisations"])


def test_a_heading_over_a_label_line_a_byline_and_a_media_contact_name_no_one(registries):
    text = (
        "Kronika\n\nForum Polityki Społecznej we Lwowie\nData: 8–9 III 2017 r.\nDwoje pracowników Ośrodka wzięło "
        "udział w forum. Referat wygłosiła dyrektor Ośrodka Anna Kowalska.\n"
    )
    (ev,) = extract_events(text, registries)
    assert ev["persons"] == ["Anna Kowalska"]
    text = (
        "Goście z Wilna w Krakowie\nAnna Nowak\n17 maja 2018, 09:15\n\nW dniu 15 maja 2018 r. gościliśmy "
        "pracowników socjalnych z Wilna. Grupę prowadziła Rasa Jankauskienė.\n\nKontakt dla mediów:\n"
        "Ewa Kruk, rzecznik prasowy, tel. 12 000 00 00\n"
    )
    (ev,) = extract_events(text, registries)
    assert ev["persons"] == ["Rasa Jankauskienė"]


def test_a_byline_a_record_cards_cost_and_a_sentence_listing_people_are_no_headings(registries):
    text = (
        "Spotkanie partnerów projektu SENIOR ACTIVE\n\nWtorek, 08 października 2019 13:05 | Anna Jurewicz\n\n"
        "W dniach 3–4 października 2019 r. w Suwałkach odbyło się spotkanie partnerów projektu z Litwy.\n\n"
        "W spotkaniu udział wzięli m.in.: Rūta Jankauskienė – dyrektor centrum z Mariampola oraz dr Ewa\n"
        "Zawadzka z uczelni w Suwałkach, która przedstawiła wyniki badania.\n"
    )
    events = extract_events(text, registries)
    assert [(e["title"], e["start"]) for e in events] == [
        ("Spotkanie partnerów projektu SENIOR ACTIVE", "2019-10-03")
    ]
    card = (
        "Informacja o wyjeździe służbowym\n\nCel wyjazdu: wizyta studyjna w Solecznikach\nTermin: 19–21.10.2016\n"
        "Uczestnicy: Maria Kowalczyk (ROPS w Krakowie), Tomasz Wrona (MOPS w Krakowie)\n"
        "Koszt wyjazdu: 4 312,50 zł (środki własne)\n\nPrzebieg wyjazdu:\nDelegacja spotkała się w Solecznikach z "
        "przedstawicielami samorządu rejonu.\n"
    )
    assert [e["title"] for e in extract_events(card, registries)] == ["Informacja o wyjeździe służbowym"]


def test_an_event_date_label_is_no_date_of_publication(registries):
    assert not chrome.is_dateline("Kiedy: 16.03.2021, godz. 10:00–13:00")
    assert chrome.is_dateline("16.03.2021, godz. 10:00")
    text = (
        "Kalendarium wydarzeń\n\nWebinarium o wychodzeniu z bezdomności z partnerami z Wilna\n\n"
        "Kiedy: 16.03.2021, godz. 10:00–13:00\nGdzie: online (platforma Zoom)\n\nUrząd Miasta Krakowa zaprasza "
        "na webinarium z partnerami z Wilna o programach Housing First.\n"
    )
    (ev,) = extract_events(text, registries, year=2021)
    assert ev["start"] == "2021-03-16"


def test_kinds_of_visitors_a_county_office_experts_and_delegates_by_their_bodies():
    venue = "W sali obrad Starostwa Powiatowego spotkało się 150 osób. Gośćmi byli pedagodzy i terapeuci z Niemiec."
    assert classify.find_participants("Konferencja", venue, set())[0] == "professionals"
    experts = "Przyjechali urzędnicy miejscy i eksperci z Lizbony, Rygi i Grazu."
    assert classify.find_participants("Partnerzy sieci w Krakowie", experts, set())[0] == "mixed"
    listed = (
        "W składzie delegacji byli:\n• Mária Kovalčíková – vedúca odboru sociálnych vecí,\n"
        "• Ľubomír Hudák – Centrum sociálnych služieb Prešov,\n• Zuzana Baranová – Spišská katolícka charita.\n"
    )
    assert classify.find_participants("Goście z Preszowa", listed, set())[0] == "mixed"
    home = "W skład delegacji weszli urzędnicy magistratu oraz pracownicy domu seniorów z Bratysławy."
    assert classify.find_participants("Goście z Bratysławy", home, set())[0] == "mixed"


def test_what_the_hosts_showed_deliberations_and_a_congress_centre_as_venue():
    shown = "Gościliśmy partnerów ze Lwowa. Nasi wychowawcy pokazali gościom pracę świetlic. Rozmowę otworzył prezes."
    assert classify.classify_type("Wizyta partnerów ze Lwowa", shown)[0] == "StudyVisit"
    venue = "Kraków gościł partnerów sieci. Obrady odbyły się w Centrum Kongresowym ICE."
    assert classify.classify_type("Partnerzy sieci URBACT w Krakowie", venue)[0] == "Meeting"


def test_staff_of_a_foreign_organisation_and_english_delegations():
    staff = "Odwiedzili nas pracownicy francuskiej organizacji Fondation Abbé Pierre z Lyonu."
    assert classify.find_participants("Goście z Lyonu", staff, set())[0] == "professionals"
    home = "Gości przyjęli pracownicy naszego ośrodka."
    assert classify.find_participants("Goście z Lyonu", home, set())[0] is None
    english = "Delegations from Ghent, Gothenburg and Turin joined the hosts."
    assert classify.find_participants("Partners meet in Kraków", english, set())[0] == "officials"
