"""Turning record values into RDF terms: dates at their stated precision, places, named entities."""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from .. import iris
from ..model import Place

DATE_FORMS = [
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}$"), XSD.gYear),
    (re.compile(r"^--\d{2}-\d{2}$"), XSD.gMonthDay),
    (re.compile(r"^--\d{2}$"), XSD.gMonth),
]


def date_literal(value: str) -> Literal:
    """'2017-05' -> "2017-05"^^xsd:gYearMonth: the literal keeps the precision the page gave."""
    for pattern, datatype in DATE_FORMS:
        if pattern.match(value):
            return Literal(value, datatype=datatype)
    raise ValueError(f"not an ISO 8601 date at a known precision: {value!r}")


def place_iri(place: Place) -> URIRef:
    """A city's IRI, or the country's when the place names only a country."""
    if place.name:
        return iris.city_iri(place.name, place.country, place.geonames_id)
    return iris.country_iri(place.country)
