"""tests/data/entities-probe15: five pages (a MOPS bulletin-like chronicle, a Kraków NGO hosting project partners,
another county's family centre in Lviv, a news portal on another town's MOPS, a project site abroad) with
participants listed surname first ('Kowalska Anna – Zastępca Dyrektora,'), a deputy's role naming whose before a
name in the instrumental, project committees and councils, English, French, Danish and Czech own names with no
Polish head word in running Polish text, a name ended by 'do <town>' and a day centre in the genitive. Gold
written before the extractor ran on them, by ../shared/eval/GOLD-CONVENTIONS.md. Before the fixes that came with
them: events 1.000, fields macro 0.923 (organisations 0.873, persons 0.800)."""

from __future__ import annotations

import pytest
from conftest import extract_events


def _event(text: str, registries) -> dict:
    (ev,) = extract_events(f"Spotkanie partnerów\n\nW dniu 14 czerwca 2022 r. {text}\n", registries)
    return ev


@pytest.mark.parametrize(
    "text, persons",
    [
        # an office's list of staff, surname first; a foreign pair in the same list is read the same way
        (
            "W spotkaniu udział wzięli:\nKowalska Anna – Zastępca Dyrektora MOPS,\nWiśniewski Tomasz – "
            "Kierownik Działu Pomocy Bezdomnym,\nVermeulen Hendrik – koordynator projektu,",
            ["Anna Kowalska", "Tomasz Wiśniewski", "Hendrik Vermeulen"],
        ),
        # given name first stays so, also a foreign pair whose second word Polish knows as a given name
        (
            "Program przygotowały:\nMarie-Claire Dubois – directrice\nSophie Lambert – éducatrice",
            ["Marie-Claire Dubois", "Sophie Lambert"],
        ),
        # a deputy's role names whose; the surname is a word Polish knows, in the same case as the given name
        ("Rozmawiano z zastępcą burmistrza Larsem Holmem.", ["Lars Holm"]),
    ],
)
def test_persons_in_lists_and_after_a_deputys_role(registries, text, persons):
    assert _event(text, registries)["persons"] == persons


@pytest.mark.parametrize(
    "text, organisations",
    [
        # a project's committee and council are its organs; the bodies in them are the organisations
        (
            "Odbyło się posiedzenie Komitetu Sterującego projektu BRIDGE. Członkowie Rady Programowej projektu "
            "z Fundació Arrels omówili wyniki.",
            {"Fundació Arrels"},
        ),
        # foreign own names with no Polish head word: a town and a founder's name before an English head, a
        # French name going on in lower case, an item after another body's seat, a Czech name by a verb
        (
            "W obradach uczestniczyli Dublin Simon Community, Slezská diakonie z Czeskiego Cieszyna, Les Petits "
            "Frères des Pauvres z Lyonu oraz Fédération des acteurs de la solidarité z Paryża.",
            {
                "Dublin Simon Community",
                "Slezská diakonie",
                "Les Petits Frères des Pauvres",
                "Fédération des acteurs de la solidarité",
            },
        ),
        ("Goście reprezentowali Armáda spásy v ČR i Charita Opava.", {"Armáda spásy v ČR", "Charita Opava"}),
        # an English joining word after a head Polish also knows
        ('W Center for Hjemløse "Fristedet" opowiadano o streetworku.', {"Center for Hjemløse „Fristedet”"}),
        # a town after "do" is where the body went, not its name's end ("do Spraw" is)
        (
            "Wyjechali przedstawiciele Stowarzyszenia Pomocy Rodzinie do Kolding i Ośrodka Wsparcia do Spraw "
            "Seniorów.",
            {"Stowarzyszenie Pomocy Rodzinie", "Ośrodek Wsparcia do Spraw Seniorów"},
        ),
        # a genitive modifier phrase continues the name as written: an adjective agreeing with the common noun
        # after it is that noun's; before a body or a territory it is the head's
        (
            "Gości przyjęli przedstawiciele Domu Dziennego Pobytu „Złota Jesień”, Instytutu Wolnego Rynku, "
            "Uniwersytetu Trzeciego Wieku oraz Urzędu Marszałkowskiego Województwa Małopolskiego.",
            {
                "Dom Dziennego Pobytu „Złota Jesień”",
                "Instytut Wolnego Rynku",
                "Uniwersytet Trzeciego Wieku",
                "Urząd Marszałkowski Województwa Małopolskiego",
            },
        ),
    ],
)
def test_organisations_in_running_text(registries, text, organisations):
    assert set(_event(text, registries)["organisations"]) == organisations
