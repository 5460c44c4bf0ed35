"""The dataset's namespace and the prefixes every output binds, as plain strings: for what must start
without rdflib (`partnergraph query` prints its table with them). rdf/vocab.PREFIXES holds the same
namespaces as rdflib's (tests/test_query_cli.py checks that they agree)."""

from __future__ import annotations

import os

BASE = os.environ.get("PARTNERGRAPH_BASE", "https://w3id.org/partnergraph/")

NAMESPACES = {
    "pg": BASE + "def/",
    "pgid": BASE + "id/",
    "schema": "https://schema.org/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "wgs": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "oa": "http://www.w3.org/ns/oa#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "void": "http://rdfs.org/ns/void#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
