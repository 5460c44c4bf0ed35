"""A fourth set of probe pages about places (half Kraków pages off the bulletin, half other bodies' pages): online
meetings, a donation sent abroad, tours of several towns, incoming events in another town than the home's,
villages abroad the gazetteer lacks, towns in Polish spelling, counties named like their seat towns, planned
next meetings, funders' and interpreters' languages. Written with gold by ../shared/eval/GOLD-CONVENTIONS.md
before the extractor was run on them, and scored as `extract_set.py` scores them."""

from __future__ import annotations

from conftest import extract_events


def test_a_planned_visits_place_is_not_the_events(registries):
    text = (
        "Goście z Brna\n\nW dniu 3 maja 2019 r. MOPS gościł pracowników socjalnych z Brna. "
        "Rewizytę zaplanowano na jesień w Ołomuńcu.\n"
    )
    (ev,) = extract_events(text, registries)
    assert [c["name"] for c in ev["cities"]] == ["Brno"]
    assert ev["location"] == {"city": "Kraków", "country": "PL"}
    (ev,) = extract_events(text.replace("Rewizytę zaplanowano", "Rewizyta odbyła się"), registries)
    assert [c["name"] for c in ev["cities"]] == ["Brno", "Olomouc"]  # the rule, not a blind spot


def test_an_online_meeting_has_no_direction_and_no_location(registries):
    text = (
        "Spotkanie z partnerami z Wilna\n\nW dniu 5 maja 2021 r. odbyła się wideokonferencja pracowników MOPS "
        "z pracownikami socjalnymi z Wilna.\n"
    )
    (ev,) = extract_events(text, registries)
    assert (ev["direction"], ev["location"], ev["countries"]) == (None, None, ["LT"])
    (ev,) = extract_events(text.replace("odbyła się wideokonferencja", "odbyło się spotkanie"), registries)
    assert (ev["direction"], ev["location"]) == ("incoming", {"city": "Kraków", "country": "PL"})


def test_goods_sent_to_a_country_have_no_place_and_a_chrome_word_is_no_town(registries):
    text = (
        "Dary dla Ukrainy\n\n12 marca 2022 | Redakcja | Brak komentarzy\n\nW dniu 10 marca 2022 r. pracownicy "
        "MOPS przekazali dary, które wysłano na Ukrainę.\n"
    )
    (ev,) = extract_events(text, registries)
    assert (ev["type"], ev["direction"], ev["location"]) == ("Donation", "outgoing", None)
    assert (ev["cities"], ev["countries"]) == ([], ["UA"])  # "Brak" is no town in Libya


def test_a_second_coordinated_town_takes_the_first_ones_preposition(registries):
    text = "Goście z Czech\n\nW dniu 4 maja 2018 r. gościliśmy seniorów z Krawarza i Hulczyna w Czechach.\n"
    (ev,) = extract_events(text, registries)
    assert "Hlučín" in [c["name"] for c in ev["cities"]]


def test_an_incoming_event_in_another_town_of_the_home_country_is_located_there(registries):
    home = {"home": "Starostwo Powiatowe w Raciborzu", "home_city": "Racibórz"}
    text = (
        "Seniorzy z Czech w Krzanowicach\n\nW sobotę, 15 września 2018 r., w Krzanowicach odbył się festiwal "
        "seniorów. Przyjechały kluby seniora z Opawy.\n"
    )
    (ev,) = extract_events(text, registries, **home)
    assert (ev["direction"], ev["location"]) == ("incoming", {"city": "Krzanowice", "country": "PL"})
    # the heading's town is the venue too; with the town named nowhere, the home's city
    (ev,) = extract_events(text.replace("w Krzanowicach odbył się", "odbył się"), registries, **home)
    assert ev["location"] == {"city": "Krzanowice", "country": "PL"}
    untold = text.replace("w Krzanowicach odbył się", "odbył się").replace(" w Krzanowicach\n", "\n")
    (ev,) = extract_events(untold, registries, **home)
    assert ev["location"] == {"city": "Racibórz", "country": "PL"}


def test_a_tour_of_bodies_in_several_towns_has_no_one_city_and_a_side_trip_does_not_make_one(registries):
    home = {"home": "Regionalny Ośrodek Polityki Społecznej w Białymstoku", "home_city": "Białystok"}
    text = (
        "Goście z Białorusi\n\nW dniach 7–9 czerwca 2016 r. delegacja z Pińska spotkała się z dyrekcją ROPS w "
        "Białymstoku, a następnie odwiedziła Dom Pomocy Społecznej w Supraślu oraz Warsztat Terapii "
        "Zajęciowej w Sokółce.\n"
    )
    (ev,) = extract_events(text, registries, **home)
    assert ev["location"] == {"city": None, "country": "PL"}
    side = text.replace(" oraz Warsztat Terapii Zajęciowej w Sokółce", "")
    (ev,) = extract_events(side, registries, **home)
    assert ev["location"] == {"city": "Białystok", "country": "PL"}


def test_the_way_home_and_a_home_bodys_seat_are_no_places_of_the_event(registries):
    home = {"home": "Powiatowe Centrum Pomocy Rodzinie w Nowym Targu", "home_city": "Nowy Targ"}
    text = (
        "Wizyta studyjna w Wiedniu\n\nW dniach 12–13 października 2016 r. pracownicy PCPR w Nowym Targu "
        "przebywali z wizytą studyjną w Wiedniu. Wrócili przez Czechy, gdzie zatrzymali się w Brnie.\n"
    )
    (ev,) = extract_events(text, registries, **home)
    assert (ev["direction"], ev["location"]) == ("outgoing", {"city": "Vienna", "country": "AT"})
    assert (ev["cities"], ev["countries"]) == ([{"name": "Vienna", "country": "AT"}], ["AT"])


def test_towns_spelt_the_polish_way_and_villages_the_gazetteer_lacks_in_a_named_country(registries):
    text = (
        "Wizyta studyjna w Starej Lubowli\n\nW dniach 12–13 października 2016 r. pracownicy Ośrodka przebywali w "
        "Starej Lubowli na Słowacji. Rozmawiano o pieczy zastępczej.\n"
    )
    (ev,) = extract_events(text, registries, home="Ośrodek Pomocy Społecznej w Żarkach", home_city="Żarki")
    assert ev["location"] == {"city": "Stará Ľubovňa", "country": "SK"}
    text = (
        "Goście z Holandii\n\nW dniu 14 czerwca 2013 r. odwiedzili nas przyjaciele z miejscowości Elspeet w "
        "Holandii oraz seniorzy z Krawarza i Hulczyna w Czechach.\n"
    )
    (ev,) = extract_events(text, registries)
    assert [(c["name"], c["country"]) for c in ev["cities"]] == [
        ("Elspeet", "NL"),  # a village by its name as written, after "z miejscowości", its country named
        ("Kravaře", "CZ"),  # "Krawarz", one letter from the gazetteer's Kravaře
        ("Hlučín", "CZ"),
    ]
    # a name the dictionary knows as a Polish place is not made a town abroad by its country alone
    text = "Goście z Norwegii\n\nW dniu 19 listopada 2013 r. MOPS gościł pracowników z miejscowości Kwiatkowo w Norwegii.\n"
    (ev,) = extract_events(text, registries)
    assert (ev["cities"], ev["countries"]) == ([], ["NO"])


def test_a_county_named_like_its_seat_is_no_town_and_two_towns_visited_make_no_one_city(registries):
    text = (
        "Trzy dni u sąsiadów\n\nW dniach 5–7 czerwca 2019 r. pracownicy MOPS przebywali w Saksonii, w powiecie "
        "Görlitz (Landkreis Görlitz). W Zittau poznali noclegownię, a w Löbau mieszkania treningowe.\n"
    )
    (ev,) = extract_events(text, registries)
    assert [c["name"] for c in ev["cities"]] == ["Zittau", "Löbau"]
    assert (ev["direction"], ev["location"]) == ("outgoing", {"city": None, "country": "DE"})


def test_a_country_adjective_before_a_town_and_names_that_only_look_like_places(registries):
    text = (
        "Goście z Turku\n\nW dniu 14 czerwca 2016 r. odwiedziła nas grupa pracowników socjalnych z fińskiego "
        "miasta Turku. Goście poznali Klub Seniora „Pod Lipami” i przedstawicieli Maltańskiej Służby Medycznej.\n"
    )
    (ev,) = extract_events(text, registries)
    assert ([(c["name"], c["country"]) for c in ev["cities"]], ev["countries"]) == ([("Turku", "FI")], ["FI"])


def test_an_english_report_of_a_visit_to_a_city_is_outgoing(registries):
    text = (
        "Kraków team visits Ghent\n\nFrom 3 to 5 February 2020 a team from Kraków, staff of MOPS, visited Ghent "
        "within an URBACT network and met the city's housing officers.\n"
    )
    (ev,) = extract_events(text, registries)
    assert (ev["direction"], ev["location"]) == ("outgoing", {"city": "Ghent", "country": "BE"})
