"""Standards that real linked-data clients rely on, checked against a real `partnergraph serve`
process on the seed graph: the query's dataset (FROM, FROM NAMED, default-graph-uri,
named-graph-uri), relative IRIs, the CSV/TSV results formats, conditional GET, the ontology and graph
IRIs, and the dataset description."""

from __future__ import annotations

import httpx
import pytest
from test_web import Served

from partnergraph import iris


@pytest.fixture(scope="module")
def server(seed_store):
    settings, _store = seed_store
    served = Served(settings.root, "--timeout", "5")
    yield served
    served.stop()


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def page_graph(seed_store):
    _settings, store = seed_store
    return store.named_graphs()[0]


def ask(client, query: str, **params) -> bool:
    response = client.get("/sparql", params={"query": query, "format": "json", **params})
    assert response.status_code == 200, response.text
    return response.json()["boolean"]


def count(client, query: str, **params) -> int:
    response = client.get("/sparql", params={"query": query, "format": "json", **params})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_from_and_from_named_are_honoured(client, page_graph):
    assert ask(client, "ASK { ?s ?p ?o }")
    assert not ask(client, "ASK FROM <urn:nonexistent> { ?s ?p ?o }")
    everything = count(client, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    one = count(client, f"SELECT (COUNT(*) AS ?n) FROM <{page_graph}> WHERE {{ ?s ?p ?o }}")
    assert 0 < one < everything
    named = count(
        client, f"SELECT (COUNT(*) AS ?n) FROM NAMED <{page_graph}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    )
    assert named == one
    assert not ask(client, f"ASK FROM NAMED <{page_graph}> {{ ?s ?p ?o }}")  # the default graph is empty


def test_default_and_named_graph_uri_parameters(client, page_graph):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    one = count(client, f"SELECT (COUNT(*) AS ?n) FROM <{page_graph}> WHERE {{ ?s ?p ?o }}")
    assert count(client, query, **{"default-graph-uri": page_graph}) == one
    assert count(client, query, **{"default-graph-uri": "urn:nonexistent"}) == 0
    in_graphs = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert count(client, in_graphs, **{"named-graph-uri": page_graph}) == one
    # the protocol's dataset overrides the query's
    assert (
        count(
            client,
            "SELECT (COUNT(*) AS ?n) FROM <urn:x> WHERE { ?s ?p ?o }",
            **{"default-graph-uri": page_graph},
        )
        == one
    )
    bad = client.get("/sparql", params={"query": query, "default-graph-uri": "not an iri"})
    assert bad.status_code == 400


def test_rdflib_reads_a_named_graph_through_the_protocol(server, page_graph):
    from rdflib import Graph, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(server.url + "sparql", returnFormat="json")
    graph = Graph(store, identifier=URIRef(page_graph))
    rows = list(graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    assert int(rows[0][0]) > 0


def test_relative_iris_resolve_against_the_namespace(client):
    query = "SELECT (COUNT(*) AS ?n) WHERE { <id/country/de> ?p ?o }"
    assert count(client, query) > 0
    construct = client.post(
        "/sparql",
        content="CONSTRUCT { <s> <p> 1 } WHERE {}",
        headers={"Content-Type": "application/sparql-query"},
    )
    assert construct.status_code == 200 and iris.BASE + "s" in construct.text
