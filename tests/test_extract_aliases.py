"""One organisation, many names: a Polish rendering with the body's own name in brackets, on one page and
across pages, down to the graph (skos:altLabel on the organisation named by its own name)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import SKOS

from partnergraph import iris
from partnergraph.extract import extract_events
from partnergraph.extract.aliases import unify_aliases
from partnergraph.rdf.graph import describe_entities
from partnergraph.reference import load_registries
from partnergraph.sources import read_page

ROOT = Path(__file__).resolve().parents[1]
OWN = "Evangelische Gesellschaft Stuttgart e.V."
RENDERING = "Towarzystwo Ewangelickie"

FIRST = (
    "Współpraca zagraniczna MOPS w 2019 roku\n\nWizyta w Stuttgarcie\n"
    "W dniach 28-30 marca 2019 r. pracownicy MOPS rozmawiali w Stuttgarcie z Towarzystwem Ewangelickim "
    f"({OWN}) o pieczy zastępczej.\n"
)
SECOND = (
    "Współpraca zagraniczna MOPS w 2020 roku\n\nGoście ze Stuttgartu\n"
    "W dniu 4 maja 2020 r. MOPS gościł przedstawicieli Towarzystwa Ewangelickiego ze Stuttgartu, "
    "którzy poznali krakowski system pieczy zastępczej.\n"
)


@pytest.fixture(scope="module")
def registries():
    return load_registries(ROOT / "data" / "reference")


def events_of(text: str, name: str, tmp_path: Path, registries):
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return extract_events(read_page(path), registries)


def test_the_own_name_is_the_organisation_and_the_rendering_its_alias(registries, tmp_path):
    (ev,) = events_of(FIRST, "first", tmp_path, registries)
    assert ev.organisations == [OWN]
    assert ev.aliases == {OWN: [RENDERING]}
    assert ev.to_json()["organisation_aliases"] == {OWN: [RENDERING]}


def test_another_page_naming_the_rendering_names_the_same_organisation(registries, tmp_path):
    first = events_of(FIRST, "first", tmp_path, registries)
    second = events_of(SECOND, "second", tmp_path, registries)
    assert second[0].organisations == [RENDERING]
    unify_aliases([*first, *second])
    assert second[0].organisations == [OWN]
    graph = describe_entities([*first, *second], registries)
    node = iris.named_iri("organisation", OWN)
    assert set(graph.objects(node, SKOS.altLabel)) == {Literal(RENDERING)}
    assert not list(graph.triples((iris.named_iri("organisation", RENDERING), None, None)))
