"""tests/data/entities-probe12: three pages (another town's welfare centre, a Kraków NGO, a county family centre
abroad) with a list of bodies in the genitive holding a one-word name ('Emausu'), English names with no Polish
head word listed after a town-led one ('Glasgow Housing Association, Simon Community Scotland oraz Crisis
Scotland'), hyphenated double initials ('J.-P. Martin', 'M.-C. Dubois' of a person named before), officials
after a role and their town, and 'Sporządziła:' credits. Gold written before the extractor ran on them, by
../shared/eval/GOLD-CONVENTIONS.md. Before the fixes that came with them: events 1.000, fields macro 0.929
(organisations 0.842, persons 0.750)."""

from __future__ import annotations

from conftest import extract_events


def test_a_one_word_name_between_two_bodies_of_a_list(registries):
    text = (
        "Delegacja z Koszyc\n\nW dniu 14 listopada 2019 r. goście spotkali się z przedstawicielami Caritas Diecezji "
        "Tarnowskiej, Emausu, Banku Żywności w Tarnowie oraz Fundacji Wspólnota Nadziei.\n"
    )
    (ev,) = extract_events(text, registries)
    assert "Emaus" in ev["organisations"]


def test_english_names_listed_after_a_town_led_one_are_bodies_not_persons(registries):
    text = (
        "Szkoccy goście\n\nW czwartek, 8 września 2022 r., gościliśmy w Krakowie przedstawicieli Glasgow Housing "
        "Association, Simon Community Scotland oraz Crisis Scotland. O Housing First opowiadał J.-P. Martin.\n"
    )
    (ev,) = extract_events(text, registries)
    assert set(ev["organisations"]) == {
        "Glasgow Housing Association",
        "Simon Community Scotland",
        "Crisis Scotland",
    }
    assert ev["persons"] == ["J.-P. Martin"]


def test_double_initials_of_a_person_named_before_and_a_credit(registries):
    text = (
        "Wizyta we Francji\n\nW dniach 4–7 czerwca 2018 r. pracownicy byli w Chalon-sur-Saône. Program przygotowała:\n"
        "Marie-Claire Dubois – directrice\n"
        "Na zakończenie M.-C. Dubois wręczyła gościom zaproszenie na rewizytę.\n\n"
        "Sporządziła: Anna Kowalczyk\n"
    )
    (ev,) = extract_events(text, registries)
    assert ev["persons"] == ["Marie-Claire Dubois"]
