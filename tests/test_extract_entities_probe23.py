"""tests/data/entities-probe23: five pages (ROPS Białystok's Lithuanian guests, a Zamość foundation in Lutsk, a
MOPS bulletin with a Moldovan delegation and a seminar with Viennese guests, a Kraków foundation's project site on
a meeting in Ljubljana, PCPR Gorlice's Polish-Slovak conference) with Lithuanian, Ukrainian, Moldovan, Austrian,
Slovenian and Slovak bodies and persons in Polish cases, titles and roles in apposition, abbreviations with their
expansions, an English programme name inside Polish text. Gold written before the extractor ran on them, by
../shared/eval/GOLD-CONVENTIONS.md. Before the fixes: events 0.833, fields macro 0.793 (organisations 0.727,
persons 0.778, programmes 0.667)."""

from __future__ import annotations

import pytest
from conftest import one_event


@pytest.mark.parametrize(
    "text, field, expected",
    [
        # a Slovak university in its genitive after a Polish preposition
        ("Wykład wygłosiła Mária Kovalčíková z Univerzity Pavla Jozefa Šafárika v Košiciach.", "organisations",
         ["Univerzita Pavla Jozefa Šafárika v Košiciach"]),
        # an abbreviation and seat with the full name in brackets: the full name
        ("Doświadczenia przedstawili pracownicy CDR Bardejov (Centrum pre deti a rodiny Bardejov).",
         "organisations", ["Centrum pre deti a rodiny Bardejov"]),
        # a saint's abbreviated title inside a foreign name
        ("Gościem był Markus Hofer, dyrektor Vinzenzgemeinschaft St. Stephan, oraz dr Eva Schmid.",
         "organisations", ["Vinzenzgemeinschaft St. Stephan"]),
        # a given name the dictionary knows only as a surname, before a comma and a role
        ("Gościem był Markus Hofer, dyrektor Vinzenzgemeinschaft St. Stephan, oraz dr Eva Schmid.", "persons",
         ["Markus Hofer", "Eva Schmid"]),
        # a Ukrainian man in the instrumental, his surname known to the dictionary
        ("Rozmawialiśmy z Ołeksandrem Tkaczukiem, dyrektorem Departamentu.", "persons", ["Ołeksandr Tkaczuk"]),
        # a Lithuanian woman's given name in the genitive before her undeclined surname
        ("Podziękowania kierujemy do Ingi Petrauskienė z Centrum Usług Socjalnych.", "persons",
         ["Inga Petrauskienė"]),
        # a Slovak region named as a body in its genitive, its adjectives in lower case too
        ("Gościliśmy przedstawicieli Prešovského samosprávneho kraja oraz pracowników domów opieki.",
         "organisations", ["Prešovský samosprávny kraj"]),
        # the Austrian and Slovenian "mag." title
        ("Projekt omówiła koordynatorka ze strony słoweńskiej, mag. Tanja Kralj.", "persons", ["Tanja Kralj"]),
    ],
)  # fmt: skip
def test_names_in_running_text(registries, text, field, expected):
    assert one_event(text, registries)[field] == expected
