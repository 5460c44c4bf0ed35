"""tests/data/places-probe10: twelve pages of places in forms the earlier sets lack: Polish towns whose names
are also the names or Polish exonyms of larger towns abroad (Pilzno, Barcin, Opole; Dubno's genitive 'Dubna');
hyphenated and three-word home towns declined (Bielsko-Biała, Kędzierzyn-Koźle, Rabka-Zdrój, Nowe Miasto
Lubawskie); foreign towns in Polish spelling and declension (Pilźnie, Liberca, Hradca Králové, Ratyzbony, Brodów,
Radziechowie, Kowna, Jełgawy, Szawli, Żytomierza, Braszowa, Lubece); German states (Saksonia, Turyngia,
Nadrenia-Palatynat) beside towns; 'Frankfurt nad Odrą' with the other Frankfurt in passing; events held
online; incoming visits hosted outside Kraków on Kraków pages (Nowy Sącz; Rabka-Zdrój with a village's
programme point). Six on Kraków pages off the bulletin, six on other bodies' pages. Gold written by
../shared/eval/GOLD-CONVENTIONS.md before the extractor ran on them. Before any fix: events F1 0.833, fields
macro 0.747 (location 0.700, direction 0.800, cities 0.756, countries 0.789)."""

from __future__ import annotations

from conftest import city_pairs, extract_events

TARNOW = {"home": "Ośrodek Pomocy Społecznej w Tarnowie", "home_city": "Tarnów"}


def test_a_polish_town_is_no_metropolis_whose_other_name_a_polish_village_shares(registries):
    # "Barcinie" is the locative of Barcin and of the village Barcino; Barcino is also Barcelona's Latin name
    text = "Goście z Niemiec\n\n5 maja 2019 r. w Barcinie odbyło się spotkanie z delegacją z Niemiec.\n"
    (ev,) = extract_events(text, registries, **TARNOW)
    assert (ev["location"], ev["cities"]) == ({"city": "Barcin", "country": "PL"}, [])


def test_a_towns_genitive_that_is_another_towns_name_is_the_town_declined(registries):
    text = "Wizyta partnerów z Dubna\n\n6 listopada 2023 r. gościliśmy przedstawicielki partnerów z Dubna.\n"
    (ev,) = extract_events(text, registries, **TARNOW)
    assert (city_pairs(ev), ev["countries"]) == ([("Dubno", "UA")], ["UA"])


def test_a_hyphenated_polish_town_declined_in_both_parts_is_where_the_event_was_held(registries):
    for town, written in (("Bielsko-Biała", "Bielsku-Białej"), ("Kędzierzyn-Koźle", "Kędzierzynie-Koźlu")):
        text = f"Goście z Niemiec\n\n5 maja 2019 r. w {written} odbyło się spotkanie z delegacją z Niemiec.\n"
        (ev,) = extract_events(text, registries, **TARNOW)
        assert ev["location"] == {"city": town, "country": "PL"}, town


def test_an_unknown_town_opening_a_list_of_towns_is_a_town(registries):
    text = (
        "Forum w Pilźnie\n\n16 października 2018 r. w czeskim Pilźnie odbyło się forum miast. Wzięli w nim udział "
        "przedstawiciele Liberca, Hradca Králové i Bratysławy.\n"
    )
    (ev,) = extract_events(text, registries)
    assert city_pairs(ev) == [
        ("Pilsen", "CZ"),
        ("Liberec", "CZ"),
        ("Hradec Králové", "CZ"),
        ("Bratislava", "SK"),
    ]


def test_a_bare_frankfurt_is_the_one_the_text_named_and_a_similar_service_elsewhere_is_no_place(registries):
    text = (
        "Streetworkerzy nad Odrą\n\n12–14 czerwca 2017 r. pracownicy MOPS byli we Frankfurcie nad Odrą. Gospodarzem "
        "była organizacja, która we Frankfurcie prowadzi noclegownię. – Podobny projekt działa we Frankfurcie nad "
        "Menem – mówi Tomasz Bielak. Litewscy koledzy opowiedzieli nam o podobnym programie, który działa w Kownie.\n"
    )
    (ev,) = extract_events(text, registries)
    assert (ev["location"], city_pairs(ev)) == (
        {"city": "Frankfurt (Oder)", "country": "DE"},
        [("Frankfurt (Oder)", "DE")],
    )


def test_polish_towns_of_an_adjective_noun_adjective_or_a_river_are_where_the_event_was_held(registries):
    for town, written in (
        ("Nowe Miasto Lubawskie", "Nowym Mieście Lubawskim"),
        ("Nowe Miasto nad Pilicą", "Nowym Mieście nad Pilicą"),
    ):
        text = f"Goście z Litwy\n\n5 maja 2019 r. w {written} odbyło się spotkanie z delegacją z Litwy.\n"
        (ev,) = extract_events(text, registries, **TARNOW)
        assert (ev["location"], ev["cities"]) == ({"city": town, "country": "PL"}, []), town


def test_a_town_where_we_hosted_is_the_venue_and_a_village_visited_one_day_is_not(registries):
    text = (
        "Goście z Żytomierza\n\nOd 27 do 29 września 2021 r. w naszym domu w Rabce-Zdroju gościliśmy sześć "
        "pracownic socjalnych. Drugiego dnia odwiedziły Rodzinny Dom Dziecka w Ponicach.\n"
    )
    (ev,) = extract_events(text, registries)
    assert (ev["direction"], ev["location"]) == ("incoming", {"city": "Rabka-Zdrój", "country": "PL"})


def test_a_town_in_brackets_after_a_body_and_a_neuter_towns_genitive_are_towns(registries):
    text = (
        "Goście z Niemiec i Ukrainy\n\n5 maja 2019 r. gościliśmy przedstawicieli Christliches Sozialwerk gGmbH "
        "(Dresden) oraz delegację z Dnipra.\n"
    )
    (ev,) = extract_events(text, registries, **TARNOW)
    assert city_pairs(ev) == [("Dresden", "DE"), ("Dnipro", "UA")]


def test_a_town_the_visitors_came_to_is_the_venue_and_a_trip_being_prepared_is_no_place(registries):
    text = "Goście z Czech\n\n5 maja 2019 r. do Bielska-Białej przyjechała delegacja z Czech.\n"
    (ev,) = extract_events(text, registries, **TARNOW)
    assert (ev["direction"], ev["location"]) == ("incoming", {"city": "Bielsko-Biała", "country": "PL"})
    text = (
        "Partnerzy w ośrodku\n\n5 maja 2019 r. przedstawiciele Stadt Kaarst z Niemiec spotkali się z dyrektorem "
        "ośrodka. Rozmawiano o przygotowaniu wyjazdu do Kaarst we wrześniu.\n"
    )
    (ev,) = extract_events(text, registries, **TARNOW)
    assert (ev["direction"], ev["location"]) == ("incoming", {"city": "Tarnów", "country": "PL"})


def test_names_of_people_and_bodies_are_no_towns(registries):
    text = (
        "Wizyta w Jaworowie\n\n5 maja 2019 r. byliśmy w Jaworowie na Ukrainie. Z Pawłem Baranem uzgodniliśmy plan. "
        "Poznaliśmy też Ingrid Solberg z Kirkens Bymisjon i Kari Ann Nilsen oraz dzienne centrum „Drop In” "
        "prowadzone w Edynburgu przez The City of Edinburgh Council.\n"
    )
    (ev,) = extract_events(text, registries, **TARNOW)
    assert [name for name, _ in city_pairs(ev)] == ["Yavoriv", "Edinburgh"]
