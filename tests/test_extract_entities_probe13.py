"""tests/data/entities-probe13: six pages (two Kraków NGOs, another town's welfare centre hosting, the city portal at
a conference abroad, another body abroad, a news portal) with persons after a role and a foreign town in the Polish
genitive ('zastępca primátora Bardejowa Pavol Kríž', 'burmistrz Popradu'-like), a role's holder right after a
foreign body's name, partner and sponsor bars under the text naming the city office, a publisher printed in
capitals in the header, German own names with no legal form, long department names and foreign bodies after a
capitalised Polish kind word. Gold written before the extractor ran on them, by
../shared/eval/GOLD-CONVENTIONS.md. Before the fixes that came with them: events 1.000, fields macro 0.930
(organisations 0.622, persons 0.933)."""

from __future__ import annotations

from conftest import extract_events


def test_a_holder_after_a_role_and_a_foreign_town_in_the_genitive(registries):
    text = (
        "Goście ze Słowacji\n\nW dniu 9 maja 2019 r. gościliśmy delegację. Na czele delegacji stał zastępca "
        "primátora Lewoczy Miroslav Hudák, a towarzyszył mu burmistrz Popradu Anton Danko.\n"
    )
    (ev,) = extract_events(text, registries)
    assert ev["persons"] == ["Miroslav Hudák", "Anton Danko"]


def test_a_holder_named_right_after_the_foreign_body_of_the_role(registries):
    text = (
        "Goście ze Słowacji\n\nW dniu 9 maja 2019 r. gościliśmy delegację. W rozmowach uczestniczyła też dyrektorka "
        "organizacji Centrum sociálnych služieb Bardejov Viera Kmecová.\n"
    )
    (ev,) = extract_events(text, registries)
    assert ev["organisations"] == ["Centrum sociálnych služieb Bardejov"]
    assert ev["persons"] == ["Viera Kmecová"]


def test_a_bar_of_partners_under_the_text_and_a_publisher_in_capitals(registries):
    text = (
        "FUNDACJA ZŁOTY WIEK\nStart | Aktualności | Kontakt\n\nSeniorzy z Lipska\n\n"
        "Od 12 do 14 września 2023 r. gościliśmy w Krakowie grupę seniorów z Lipska. Gości przyjęła prezes "
        "Fundacji Złoty Wiek Marta Kos.\n\n"
        "Partnerzy: Urząd Miasta Krakowa · Małopolska Rada Seniorów · Bank Żywności w Krakowie\n"
    )
    (ev,) = extract_events(text, registries)
    assert ev["organisations"] == ["Fundacja Złoty Wiek"]


def test_foreign_bodies_after_a_polish_kind_word_and_german_compounds(registries):
    text = (
        "Dary z Niemiec\n\nW sobotę 20 listopada 2021 r. Stowarzyszenie Fürther Wärmestube przywiozło śpiwory, a "
        "Stowarzyszenie Podané ruce przysłało list. Zbiórkę wsparło Seniorenbüro Fürth, a goście przyjechali też z "
        "Mehrgenerationenhaus Grünau. Wszystkim dziękuje Stowarzyszenie Nowa Szansa.\n"
    )
    (ev,) = extract_events(text, registries)
    assert set(ev["organisations"]) == {
        "Fürther Wärmestube",
        "Podané ruce",
        "Seniorenbüro Fürth",
        "Mehrgenerationenhaus Grünau",
        "Stowarzyszenie Nowa Szansa",
    }


def test_a_movement_a_platform_with_its_own_name_and_a_day_care_home_with_its_owner(registries):
    text = (
        "Konferencja w Brukseli\n\nW dniach 10–11 października 2019 r. w Brukseli odbyła się konferencja "
        "zorganizowana wspólnie z Europejską Platformą Osób Starszych (AGE Platform Europe). Głos zabrała "
        "przewodnicząca Europejskiego Ruchu Seniorów Ingrid Vos, a o pracy opowiadali goście z Domu Dziennego "
        "Pobytu Caritas w Gorlicach.\n"
    )
    (ev,) = extract_events(text, registries)
    assert set(ev["organisations"]) == {
        "AGE Platform Europe",
        "Europejski Ruch Seniorów",
        "Dom Dziennego Pobytu Caritas",  # (its seat left out, as after other names)
    }
    assert ev["organisation_aliases"]["AGE Platform Europe"] == ["Europejska Platforma Osób Starszych"]
