"""tests/data/entities-probe18: five pages (a MOPS chronicle of three events, a Kraków association's volunteers in
Cologne, a Baltic project's kick-off in Riga, a county family centre in Lviv, the city portal on a French Emmaus
delegation) with Portuguese names declined in Polish, a project by acronym and one in quotes, an Italian
'a r.l.', an association's acronym in brackets and alone, Latvian and Estonian own names in a numbered partner
list, persons followed by their body in brackets, a man's name in the genitive before his role, a woman's in
the genitive after 'do Pani', a body after a person and 'z', a co-funder that takes no part. Gold written before
the extractor ran on them, by ../shared/eval/GOLD-CONVENTIONS.md. Before the fixes that came with them: events
0.769 (a page with no event cue in its heading or text gives none), fields macro 0.733 (organisations 0.563,
persons 0.562)."""

from __future__ import annotations

import pytest
from conftest import extract_events


def _names(text: str, registries) -> tuple[set[str], list[str]]:
    (ev,) = extract_events(f"Wizyta w Krakowie\n\nW dniu 14 czerwca 2022 r. {text}\n", registries)
    return set(ev["organisations"]), ev["persons"]


@pytest.mark.parametrize(
    "text, organisations, persons",
    [
        # a foreign body after a person and "z", with no head word the patterns know
        (
            "Wspólnotę reprezentował Jean-Baptiste Dupont z Emmaüs Lyon. Potem.",
            {"Emmaüs Lyon"},
            ["Jean-Baptiste Dupont"],
        ),
        # a person right after "dyrektor Centrum" (the body named before): no body "Centrum Name"
        ("Gości przyjęła dyrektor Centrum Hałyna Szewczuk.", set(), ["Hałyna Szewczuk"]),
        # a co-funder takes no part
        ("Wyjazd współfinansowało Starostwo Powiatowe w Sanoku.", set(), []),
        # a foreign own name after an adjective and a lower-case kind word, also when it is a town's name
        (
            "Program przygotowała Sabine Hoffmann-Weber z kolońskiej organizacji Gubbio, która prowadzi punkt.",
            {"Gubbio"},
            ["Sabine Hoffmann-Weber"],
        ),
        # a name Polish knows before a legal form, after a word spelt in another language
        ("Wolontariusze pomagali w jadłodajni Kölner Tafel e.V.", {"Kölner Tafel e.V."}, []),
        # persons followed by their body in brackets, given and surname unknown to the dictionary
        (
            "Projekt przedstawiła Kadri Tamm (Tallinna Sotsiaaltöö Keskus), a gościła Ilze Bērziņa (Rīgas "
            "Sociālais dienests).",
            {"Rīgas Sociālais dienests"},
            ["Kadri Tamm", "Ilze Bērziņa"],
        ),
        # a man's name in the genitive before his role in the genitive; a woman's after "do Pani"
        (
            "Przyjechali na zaproszenie Petera Müllera, dyrektora szpitala. Podziękowania kierujemy do Pani Ewy "
            "Nowak-Schmidt za pomoc.",
            set(),
            ["Peter Müller", "Ewa Nowak-Schmidt"],
        ),
        # a woman's given name in the accusative after her role and town
        ("Gościliśmy kierowniczkę domu dziecka z Dubna, Oksanę Melnyk. Potem.", set(), ["Oksana Melnyk"]),
    ],
)
def test_names_in_running_text(registries, text, organisations, persons):
    assert _names(text, registries) == (organisations, persons)
