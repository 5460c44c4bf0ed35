"""tests/data/places-probe8: ten pages of places and directions in forms the earlier sets lack: an English page
of a European programme's site; a capital named by a periphrasis ('w stolicy Czech'); MOPS staff as guests
abroad ('gościli w Pradze'); goods taken to two small towns abroad; a town with its country in brackets; an
online meeting with cities in their English spelling, undeclined ('z Kyiv i Dnipro'); a home town whose
first word is a foreign capital's Polish name ('w Mińsku Mazowieckim'); a county named like its seat town; a
Czech town of four words with a river; a tour of three towns with the country only as an adjective; a
visitors' city by its adjective; a yearly list of bulleted contacts both ways. Five on Kraków pages off the
bulletin, five on other bodies' pages. Gold written by ../shared/eval/GOLD-CONVENTIONS.md before the
extractor ran on them. Before the fixes that came with them: events F1 1.000, fields macro 0.876 (location
0.818, direction 0.909, cities 0.974, countries 1.000)."""

from __future__ import annotations

from conftest import extract_events


def test_a_verb_between_a_body_and_a_town_makes_the_town_no_origin(registries):

    text = (
        "Seminarium w Danii\n\n20–22 czerwca 2016 r. pracownicy MOPS z Klubu Integracji Społecznej byli w "
        "Kolding w Danii na seminarium.\n"
    )
    (ev,) = extract_events(text, registries)
    assert (ev["direction"], ev["location"]) == ("outgoing", {"city": "Kolding", "country": "DK"})


def test_a_region_named_by_its_capitals_adjective_gives_its_country_not_the_city(registries):

    text = (
        "Delegacja ze Słowacji\n\n5 maja 2017 r. Ośrodek gościł urzędników Urzędu Samorządowego Kraju "
        "Preszowskiego.\n"
    )
    (ev,) = extract_events(text, registries)
    assert (ev["cities"], ev["countries"]) == ([], ["SK"])


def test_the_home_city_after_an_acronym_in_a_heading_in_capitals_is_the_bodys_seat(registries):

    text = (
        "ROPS W KRAKOWIE NA KONFERENCJI W WIEDNIU\n\n5–6 maja 2017 r. pracownicy ROPS wzięli udział w "
        "konferencji w Wiedniu.\n"
    )
    (ev,) = extract_events(text, registries)
    assert (ev["direction"], ev["location"]) == ("outgoing", {"city": "Vienna", "country": "AT"})
