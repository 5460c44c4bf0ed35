"""`partnergraph serve --endpoint URL`: the same pages and answers over a remote SPARQL endpoint (an
Oxigraph server holding the seed graph), where descriptions go through SPARQL instead of the embedded
store's indexes."""

from __future__ import annotations

import httpx
import pytest
from rdflib import Graph
from servers import start_oxigraph
from test_web import EVENT_QUERY, Served, path_of

from partnergraph import iris
from partnergraph.query import load_saved_queries
from partnergraph.web.describe import describe


@pytest.fixture(scope="module")
def remote_server(seed_store, tmp_path_factory):
    settings, _store = seed_store
    oxigraph = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    try:
        nquads = (settings.dumps_dir / "partnergraph.nq").read_bytes()
        response = httpx.post(
            oxigraph.graph_store_url,
            content=nquads,
            headers={"Content-Type": "application/n-quads"},
            timeout=60,
        )
        assert response.status_code in (200, 201, 204), response.text
        served = Served(settings.root, "--endpoint", oxigraph.query_url)
        try:
            yield served
        finally:
            served.stop()
    finally:
        oxigraph.stop()


def test_pages_and_rdf_over_a_remote_endpoint(remote_server, seed_store):
    _settings, store = seed_store
    event = str(store.select(EVENT_QUERY).rows[0]["e"])
    with httpx.Client(base_url=remote_server.url, timeout=60) as client:
        page = client.get(path_of(event), headers={"Accept": "text/html"})
        assert page.status_code == 200
        assert "<blockquote>" in page.text  # evidence read through SPARQL
        turtle = client.get(path_of(event), headers={"Accept": "text/turtle"})
        remote = Graph().parse(data=turtle.content, format="turtle")
        assert len(remote) == len(describe(store, event, str(iris.DEF)).graph())
        assert (
            client.get("/partnergraph/id/city/atlantis-xx", headers={"Accept": "text/turtle"}).status_code
            == 404
        )


def test_saved_queries_over_a_remote_endpoint(remote_server, seed_store):
    settings, store = seed_store
    saved = load_saved_queries(settings.queries_dir)
    with httpx.Client(base_url=remote_server.url, timeout=60) as client:
        for name in ("partner_countries", "events_in_country"):
            expected = store.select(saved[name].render({}))
            answer = client.get(f"/queries/{name}", params={"format": "json"}).json()
            assert len(answer["results"]["bindings"]) == len(expected), name
        assert (
            client.get("/sparql", params={"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}).status_code
            == 403
        )


def test_the_protocols_dataset_over_a_remote_endpoint(remote_server, seed_store):
    """default-graph-uri and named-graph-uri were a 400 with --endpoint ("use FROM in the query"): they
    now go on to the remote endpoint with the query."""
    _settings, store = seed_store
    graph = store.named_graphs()[0]
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    one = int(store.select(count.replace("WHERE", f"FROM <{graph}> WHERE")).rows[0]["n"])
    in_graphs = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    with httpx.Client(base_url=remote_server.url, timeout=60) as client:

        def answer(query: str, **dataset) -> dict:
            response = client.get("/sparql", params={"query": query, "format": "json", **dataset})
            assert response.status_code == 200, response.text
            return response.json()

        def counted(query: str, **dataset) -> int:
            return int(answer(query, **dataset)["results"]["bindings"][0]["n"]["value"])

        assert 0 < counted(count, **{"default-graph-uri": graph}) == one < counted(count)
        assert counted(in_graphs, **{"named-graph-uri": graph}) == one
        assert answer("ASK { ?s ?p ?o }", **{"default-graph-uri": "urn:nonexistent"})["boolean"] is False
