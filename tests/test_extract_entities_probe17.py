"""tests/data/entities-probe17: six pages (another town's welfare centre on a study visit to Vienna, a project
site's partner meeting in Kraków, a county family centre hosting a Ternopil delegation, a Kraków foundation
hosting Vilnius NGOs, a commune's welfare centre hosting Slovak seniors, a news portal on streetworkers in
Ghent) with lower-case own names ('neunerhaus', 'wieder wohnen'), Flemish and Finnish names with legal forms
(vzw, asbl, ry), Slovak ones (o.z., n.o.), a branch and a circle in the genitive whose head alone goes back to
the nominative ('Koła Polskiego Związku Niewidomych'), a department through its head's job title, bodies
'prowadzone przez' and 'działające przy' others, the home as 'nasz Ośrodek', women in the instrumental with
'Panią' and hyphenated surnames, Belarusian names in Polish transliteration. Gold written before the extractor
ran on them, by ../shared/eval/GOLD-CONVENTIONS.md. Before the fixes that came with them: events 1.000, fields
macro 0.906 (organisations 0.745, persons 0.933)."""

from __future__ import annotations

import pytest
from conftest import extract_events


def _event(text: str, registries) -> dict:
    (ev,) = extract_events(f"Spotkanie w Krakowie\n\nW dniu 14 czerwca 2022 r. {text}\n", registries)
    return ev


@pytest.mark.parametrize(
    "text, organisations",
    [
        # a circle of a body: its head alone back in the nominative, the body's adjective stays with the body
        (
            "Goście spotkali się z członkami Koła Polskiego Związku Głuchych.",
            ["Koło Polskiego Związku Głuchych"],
        ),
        # a branch with its level and its body, one name; the level is the branch's ("Rejonowy")
        (
            "Opowiadali o tym druhowie z Oddziału Okręgowego Polskiego Czerwonego Krzyża.",
            ["Oddział Okręgowy Polskiego Czerwonego Krzyża"],
        ),
        # a department through the job title of the person who represents it, with its foreign administration;
        # an adjective after a noun of the department's name is that noun's, not the administration's
        (
            "Przyjechał Petro Melnyk, naczelnik Wydziału Polityki Społecznej Wołyńskiej Obwodowej Administracji "
            "Państwowej.",
            ["Wydział Polityki Społecznej Wołyńskiej Obwodowej Administracji Państwowej"],
        ),
        # a delegation of a department: folded into the administration, with none of the department's words
        (
            "Gościliśmy delegację Departamentu Polityki Społecznej Wołyńskiej Obwodowej Administracji Państwowej.",
            ["Wołyńska Obwodowa Administracja Państwowa"],
        ),
    ],
)
def test_polish_names_of_parts_and_branches(registries, text, organisations):
    assert _event(text, registries)["organisations"] == organisations


@pytest.mark.parametrize(
    "text, organisations",
    [
        # own names in lower case, where the sentence says a body is named: a dash and a kind of body after, a
        # kind of body in lower case before (a word the dictionary knows, "wieder", inside the name)
        (
            "Gospodarzem było neunerhaus – organizacja prowadząca mieszkania, a potem gości przyjęła spółka "
            "wieder wohnen.",
            {"neunerhaus", "wieder wohnen"},
        ),
        # Slovak legal forms after a comma; a Polish instrumental ending on a foreign head; a seat closing the name
        (
            "Przyjazd zorganizowało Združenie dôchodcov Poprad, o.z. wspólnie z Domovom sociálnych služieb "
            "Poprad, n.o. i gośćmi.",
            {"Združenie dôchodcov Poprad, o.z.", "Domov sociálnych služieb Poprad, n.o."},
        ),
        # a Finnish registered association in lower-case words; a Belgian legal form before the name
        (
            "Byli goście z Asunnottomien ystävät ry i z organizacji vzw Straatverplegers.",
            {"Asunnottomien ystävät ry", "vzw Straatverplegers"},
        ),
        # an acronym with its region; a noun Polish knows opening a foreign name mid-sentence
        (
            "Zaprosił ich CAW Oost-Vlaanderen, który prowadzi zespoły. Potem byli w Lebenshilfe Wien gGmbH.",
            {"CAW Oost-Vlaanderen", "Lebenshilfe Wien gGmbH"},
        ),
        ("Po południu gości przyjęło Obdach Wien gGmbH.", {"Obdach Wien gGmbH"}),
        # a name read cut before a joining word and its seat goes on to its legal form, under its own name
        (
            "Wózki przekazało Stowarzyszenie Freunde von Gliwice e.V. z Dortmundu.",
            {"Freunde von Gliwice e.V."},
        ),
        # the body a club works at is its seat, not a participant
        (
            "Rozmawialiśmy z młodzieżą ze Szkolnego Klubu Wolontariusza „Iskra” działającego przy Zespole Szkół "
            "nr 3.",
            {"Szkolny Klub Wolontariusza „Iskra”"},
        ),
        # the operator of a facility is in the background unless it hosted a programme point there
        (
            "Spędziliśmy dzień w ośrodku prowadzonym przez Caritas der Erzdiözese Wien, gdzie rozmawialiśmy o "
            "pracy.",
            {"Caritas der Erzdiözese Wien"},
        ),
        ("Spędziliśmy dzień w ośrodku prowadzonym przez Caritas der Erzdiözese Wien.", set()),
    ],
)
def test_foreign_names_in_lower_case_and_with_legal_forms(registries, text, organisations):
    assert set(_event(text, registries)["organisations"]) == organisations


@pytest.mark.parametrize(
    "text, persons",
    [
        # a man's name in the instrumental after a verb of talking "z"
        ("Potem rozmawialiśmy z Matthiasem Brunnerem.", ["Matthias Brunner"]),
        # a foreign name in running text, then a dash and a job title
        ("Oprowadzał nas Pieter Janssens – koordynator streetworku.", ["Pieter Janssens"]),
        # a role with its lower-case complements before the name
        ("Rozmawiali z dyrektor działu pomocy społecznej Liesbeth Maes.", ["Liesbeth Maes"]),
        # a verb between the role and a capitalised pair: no person
        ("Eksperci przedstawili wyniki programów Housing First w miastach.", []),
    ],
)
def test_foreign_persons_in_running_text(registries, text, persons):
    assert _event(text, registries)["persons"] == persons
