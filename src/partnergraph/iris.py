"""Minting IRIs. An IRI is a function of what it names, never of the order of processing."""

from __future__ import annotations

import os
import re
import unicodedata

from rdflib import Namespace, URIRef

BASE = os.environ.get("PARTNERGRAPH_BASE", "https://w3id.org/partnergraph/")
DEF = Namespace(BASE + "def/")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")

SCHEME_PATHS = {
    "type": "event-type",
    "direction": "direction",
    "participants": "participants",
    "topics": "topic",
}


def slug(text: str, max_words: int | None = None) -> str:
    """Lower case ASCII words joined by '-': 'Dział Pomocy Bezdomnym' -> 'dzial-pomocy-bezdomnym'."""
    text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", text)
    if max_words:
        words = words[:max_words]
    return "-".join(words) or "x"


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
ONTOLOGY_GRAPH = GRAPH["ontology"]
