"""Projects and funding programmes by their introducing words (extract/projects.py)."""

from __future__ import annotations

import pytest

from partnergraph.extract.names import find_names
from partnergraph.reference import Organisation, Programme, Registries


@pytest.fixture(scope="module")
def bare():
    """Registries that know MOPS and one programme: the patterns must find the rest."""
    return Registries(
        organisations=[Organisation("Miejski Ośrodek Pomocy Społecznej w Krakowie", ("MOPS",), "PL")],
        programmes=[Programme("Polska Pomoc", (), "Ministerstwo Spraw Zagranicznych RP")],
    )


def found(text: str, reg) -> dict[str, list[tuple[str, float | None]]]:
    got = find_names(text, None, 0, 0, reg, None)
    return {f: [(n.value, n.confidence) for n in getattr(got, f)] for f in ("projects", "programmes")}


def test_every_title_of_a_quoted_list_after_projekty(bare):
    text = (
        "Goście poznali realizowane projekty, np. „Dom dla każdego” - wsparcie osób w m.st. Warszawie, "
        ",,Krok naprzód”, „Razem” oraz „Sąsiedzi”. Później był obiad."
    )
    titles = [v for v, _ in found(text, bare)["projects"]]
    assert titles == ["Dom dla każdego", "Krok naprzód", "Razem", "Sąsiedzi"]


def test_a_single_project_does_not_take_the_next_quote(bare):
    # only a plural "projekty" opens a list; after "projektu" the next quote is something else
    text = "W ramach projektu „Wspólnie” odwiedzili Stowarzyszenie „Nadzieja”."
    assert [v for v, _ in found(text, bare)["projects"]] == ["Wspólnie"]


def test_an_unquoted_polish_title_in_the_nominative_but_not_an_owner_in_the_genitive(bare):
    got = found("Był to etap polsko-niemieckiego projektu Akcja Człowiek. Potem rozmawiano.", bare)
    assert got["projects"] == [("Akcja Człowiek", 0.5)]
    assert found("Był to etap projektu Miasta Krakowa. Potem rozmawiano.", bare)["projects"] == []


def test_an_adjective_between_projektu_and_its_quoted_title(bare):
    got = found(
        'Spotkanie uczestników projektu polsko-czeskiego "Most nad rzeką" odbyło się w ratuszu.', bare
    )
    assert got["projects"] == [("Most nad rzeką", 0.7)]


def test_a_paid_programme_in_lower_case_needs_its_owner(bare):
    text = "Projekt współfinansowany w ramach programu współpracy rozwojowej Ministerstwa Rozwoju."
    assert found(text, bare)["programmes"] == [("program współpracy rozwojowej Ministerstwa Rozwoju", 0.55)]
    # without an owner a programme of work is no funding programme
    assert found("Projekt realizowany w ramach programu wsparcia rodzin w gminie.", bare)["programmes"] == []


def test_a_foreign_funder_after_ze_srodkow_but_not_a_polish_one(bare):
    assert found("Wizyta była finansowana ze środków Aktion Hoffnung.", bare)["programmes"] == [
        ("Aktion Hoffnung", 0.5)
    ]
    assert found("Wizyta była finansowana ze środków Unii Europejskiej.", bare)["programmes"] == []


def test_a_contract_number_and_pn_before_the_title(bare):
    text = "Seminarium zorganizowano w ramach projektu nr POWR.04.03.00-00-0123/22 pn. „Aktywni razem”."
    assert [v for v, _ in found(text, bare)["projects"]] == ["Aktywni razem"]


def test_the_owner_between_programu_and_the_quoted_name(bare):
    text = "Sfinansowano je ze środków programu Unii Europejskiej „Obywatele dla Europy”."
    assert [v for v, _ in found(text, bare)["programmes"]] == ["Obywatele dla Europy"]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # an unquoted title in sentence case, up to where the sentence goes on
        (
            "Odbyło się spotkanie partnerów projektu Bliżej rodziny, realizowanego od 2016 r.",
            "projects",
            ["Bliżej rodziny"],
        ),
        (
            "spotkanie partnerów projektu Wspólne usługi dla seniorów w formule hybrydowej.",
            "projects",
            ["Wspólne usługi dla seniorów"],
        ),
        ("Był to etap projektu Miasta Krakowa w ramach współpracy.", "projects", []),
        # a network named by two capitalised foreign words is a project
        ("Partnerzy sieci Housing Lab spotkali się w Turynie.", "projects", ["Housing Lab"]),
        # a programme whose name joins countries with en dashes
        (
            "projekt finansowany z Programu Współpracy Transgranicznej Polska–Białoruś–Ukraina 2014–2020.",
            "programmes",
            ["Program Współpracy Transgranicznej Polska–Białoruś–Ukraina 2014–2020"],
        ),
        # a fund for micro-projects is a programme, not a body
        (
            "Składamy wniosek do Funduszu Mikroprojektów Euroregionu Tatry.",
            "programmes",
            ["Fundusz Mikroprojektów Euroregionu Tatry"],
        ),
    ],
)
def test_sentence_case_titles_networks_dashed_programmes_and_funds(bare, text, field, expected):
    assert [v for v, _ in found(text, bare)[field]] == expected
