"""Minting IRIs. An IRI is a function of what it names, never of the order of processing."""

from __future__ import annotations

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


def city_iri(name: str, country: str | None) -> URIRef:
    return entity_iri("city", f"{slug(name)}-{(country or 'xx').lower()}")


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
