"""Minting IRIs. An IRI is a function of what it names, never of the order of processing."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Namespace, URIRef

from ._slug import slug
from .prefixes import BASE

DEF = Namespace(BASE + "def/")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")

SCHEME_PATHS = {
    "type": "event-type",
    "direction": "direction",
    "participants": "participants",
    "topics": "topic",
}


def concept_iri(field: str, value: str) -> URIRef:
    """The SKOS concept of a taxonomy id: concept_iri('topics', 'homelessness')."""
    return DEF[f"{SCHEME_PATHS[field]}/{value}"]


def entity_iri(kind: str, key: str) -> URIRef:
    return ID[f"{kind}/{key}"]


HOMONYMS_FILE = Path(__file__).with_name("city-homonyms.txt")


def city_iri(name: str, country: str | None, geonames_id: int | None = None) -> URIRef:
    """'city/munster-de' for Münster; a city whose key a more populous one of its country has (Munster,
    also in Germany) gets its GeoNames id after the key: 'city/munster-de-2867542' (extract/homonyms.py)."""
    key = f"{slug(name)}-{(country or 'xx').lower()}"
    if geonames_id is not None and geonames_id in homonym_ids():
        key = f"{key}-{geonames_id}"
    return entity_iri("city", key)


@cache
def homonym_ids() -> frozenset[int]:
    """The GeoNames ids listed in city-homonyms.txt (a few thousand lines, read once)."""
    return frozenset(_homonyms())


def shared_name(name: str, country: str | None) -> bool:
    """Whether several towns of `country` give `name` one IRI key (Münster and Munster in Germany): the name
    alone does not say which town is meant."""
    return f"{slug(name)}-{(country or 'xx').lower()}" in _homonym_keys()


@cache
def _homonyms() -> dict[int, str]:
    with HOMONYMS_FILE.open(encoding="utf-8") as f:
        return {int(gid): key for gid, key in (line.split() for line in f if line[:1].isdigit())}


@cache
def _homonym_keys() -> frozenset[str]:
    return frozenset(_homonyms().values())


def country_iri(iso2: str) -> URIRef:
    return entity_iri("country", iso2.lower())


def named_iri(kind: str, name: str) -> URIRef:
    """organisation, person, project, programme, unit: keyed by the canonical name."""
    return entity_iri(kind, slug(name))


def source_graph(source_id: str) -> URIRef:
    return GRAPH[f"source/{source_id}"]


REGISTRY_GRAPH = GRAPH["registry"]
ENTITIES_GRAPH = GRAPH["entities"]  # what the pages name beyond the registries, described once
ONTOLOGY_GRAPH = GRAPH["ontology"]
