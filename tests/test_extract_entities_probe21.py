"""tests/data/entities-probe21: five pages (a MOPS chronicle with a Drohobych centre, a Kraków association's
Lithuanian youth exchange, a Zgorzelec family centre in Görlitz, MOPR Lublin's guests from Lutsk, a Nowy Sącz
foundation's Slovak seniors) with an unquoted project after "pn.", a Lithuanian Caritas with lower-case words
before it, "Herr Dr." and "Frau" before names after "reprezentowali", a Slovak club in a Polish case with its
own name. Gold written before the extractor ran on them, by ../shared/eval/GOLD-CONVENTIONS.md. Before the
fixes: events 1.000, fields macro 0.888 (organisations 0.750, projects 0.800)."""

from __future__ import annotations

import pytest
from conftest import one_event


@pytest.mark.parametrize(
    "text, field, expected",
    [
        # a one-word body closing a foreign name with lower-case words ("Caritas" of an archdiocese)
        ("Goście z Wilna przyjechali z Vilniaus arkivyskupijos Caritas.", "organisations", ["Vilniaus arkivyskupijos Caritas"]),
        # a Slovak club: its kind in a Polish case, lower-case words, then its own name; its Polish seat left out
        ("Gościliśmy seniorów z Klubu dôchodcov Terasa w Koszycach.", "organisations", ["Klub dôchodcov Terasa"]),
        # titles before persons after "reprezentowali" open no body
        ("Gości z Niemiec reprezentowali Herr Dr. Klaus Meyer oraz Frau Petra Schulz.", "organisations", []),
        # an unquoted title after "pn." opening with a word that does not decline
        ("Goście z Lwowa przyjechali w ramach projektu pn. Razem dla rodziny, finansowanego z budżetu.", "projects",
         ["Razem dla rodziny"]),
    ],
)  # fmt: skip
def test_names_in_running_text(registries, text, field, expected):
    assert one_event(text, registries)[field] == expected
