"""tests/data/entities-probe14: five pages (another town's GOPS hosting Slovak pupils, the city portal on a district
council's guests, a Kraków NGO hosting EU volunteers, another MOPS in Hungary, a county family centre with a
table of participants) with a mayor after a town Polish reads as a word ('burmistrz Taty Péter Szabó'), a
Hungarian own name with 'Család- és', a Polish rendering followed by an own name whose first word Polish knows,
'Koło Gospodyń Wiejskich', a school complex with a number, a Portuguese association and a clergyman's title.
Gold written before the extractor ran on them, by ../shared/eval/GOLD-CONVENTIONS.md. Before the fixes that
came with them: events 1.000, fields macro 0.899 (organisations 0.839, persons 0.882)."""

from __future__ import annotations

from conftest import extract_events


def test_a_mayor_after_a_town_polish_reads_as_a_word_and_hungarian_names(registries):
    text = (
        "Wizyta na Węgrzech\n\nW dniach 2–4 października 2019 r. delegacja przebywała w Tacie na zaproszenie "
        "Urzędu Miasta Tata (Tata Város Önkormányzata). Delegację przyjął burmistrz Taty Péter Szabó. Pracownicy "
        "poznali działalność Tatai Család- és Gyermekjóléti Szolgálat.\n"
    )
    (ev,) = extract_events(
        text, registries, home="Miejski Ośrodek Pomocy Społecznej w Jaśle", home_city="Jasło"
    )
    assert set(ev["organisations"]) == {
        "Tata Város Önkormányzata",
        "Tatai Család- és Gyermekjóléti Szolgálat",
    }
    assert ev["persons"] == ["Péter Szabó"]


def test_a_rural_womens_circle_a_school_complex_a_club_and_a_pastor(registries):
    text = (
        "Goście z Niemiec\n\nW dniach 6–8 lipca 2022 r. gościliśmy grupę z Fürth, którą prowadził pastor Matthias "
        "Kern. Program przygotowało Koło Gospodyń Wiejskich w Czarnej Górze, a goście pomagali w Zespole Szkół "
        "Specjalnych nr 11 i spotkali się z członkami Klubu Seniora „Pod Lipami” oraz z Associação Mais Cidadania.\n"
    )
    (ev,) = extract_events(text, registries)
    assert set(ev["organisations"]) == {
        "Koło Gospodyń Wiejskich",  # (its seat left out, as after other names)
        "Zespół Szkół Specjalnych nr 11",
        "Klub Seniora „Pod Lipami”",
        "Associação Mais Cidadania",
    }
    assert ev["persons"] == ["Matthias Kern"]


def test_a_person_before_the_body_in_brackets_but_not_a_branch_of_a_body(registries):
    text = (
        "Goście z Norymbergi\n\nW środę 15 marca 2023 r. przyjęliśmy delegację. Uczestniczyli m.in. Sabine Vogel "
        "(Gemeinschaftshaus Langwasser) i przedstawiciele Służby Socjalnej Miasta Rygi (Rīgas Sociālais dienests), "
        "a spotkanie w schronisku Towarzystwa Pomocy im. św. Brata Alberta Koło Warszawa prowadziła Anna Kupiec.\n"
    )
    (ev,) = extract_events(text, registries)
    assert ev["persons"] == ["Sabine Vogel", "Anna Kupiec"]
    assert "Koło Warszawa" not in ev["organisations"]
