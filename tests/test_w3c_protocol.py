"""The W3C SPARQL 1.1 Protocol test suite (tests/data/w3c-protocol, W3C-licensed) against a real
`partnergraph serve` process. The server's store holds the suite's three data files, each in the named
graph its manifest names. Every query-side test must pass as the manifest says; the update tests must
be refused with 4xx (the endpoint is read-only), their follow-up queries are not checked."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import httpx
import pyoxigraph as ox
import pytest
from conftest import copy_project
from rdflib import Graph, Namespace
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS
from test_web import Served

SUITE = Path(__file__).parent / "data" / "w3c-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
RDF_TYPES = {"application/rdf+xml": "xml", "text/turtle": "turtle", "application/n-triples": "nt"}
TABULAR_TYPES = {
    "application/sparql-results+xml",
    "application/sparql-results+json",
    "text/csv",
    "text/tab-separated-values",
}


def load_manifest() -> tuple[Graph, list]:
    graph = Graph().parse(SUITE / "manifest.ttl", format="turtle", publicID="http://example/manifest.ttl")
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    return graph, list(Collection(graph, graph.value(manifest, MF.entries)))


def requests_of(graph: Graph, test) -> list[dict]:
    action = graph.value(test, MF.action)
    out = []
    for node in Collection(graph, graph.value(action, HT.requests)):
        body = graph.value(node, HT.body)
        headers = graph.value(node, HT.headers)
        response = graph.value(node, HT.resp)
        out.append(
            {
                "method": str(graph.value(node, HT.methodName)),
                "path": str(graph.value(node, HT.absolutePath)).replace("/sparql/", "/sparql", 1),
                "body": None
                if body is None
                else str(graph.value(body, CNT.chars)).encode(str(graph.value(body, CNT.characterEncoding))),
                "headers": {
                    str(graph.value(h, HT.fieldName)): str(graph.value(h, HT.fieldValue))
                    for h in (Collection(graph, headers) if headers is not None else [])
                },
                "statuses": {str(s).rsplit("#", 1)[1] for s in graph.objects(response, MF.expectedStatus)},
                "boolean": graph.value(response, MF.expectedBoolean),
                "format": graph.value(response, MF.expectedFormat),
            }
        )
    return out


GRAPH, TESTS = load_manifest()
IDS = [str(t).rsplit("#", 1)[1] for t in TESTS]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`partnergraph serve` over a store holding the suite's data, each file in its named graph."""
    root = copy_project(tmp_path_factory.mktemp("w3c"))
    (root / "build").mkdir()
    store = ox.Store(str(root / "build" / "store"))
    seen = set()
    for data in GRAPH.objects(None, UT.graphData):
        name, label = GRAPH.value(data, UT.graph), str(GRAPH.value(data, RDFS.label))
        if label in seen:
            continue
        seen.add(label)
        path = SUITE / Path(str(name)).name
        store.load(path=str(path), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(label))
    assert len(seen) == 3
    del store
    served = Served(root)
    yield served
    served.stop()


def is_update(request: dict) -> bool:
    body = request["body"] or b""
    return (
        request["headers"].get("content-type", "").startswith("application/sparql-update")
        or body.startswith(b"update=")
        or "update=" in request["path"]
    )


def check_format(response: httpx.Response, request: dict) -> None:
    media = response.headers["content-type"].split(";")[0].strip()
    expected = str(request["format"]) if request["format"] is not None else None
    if expected == "boolean":
        assert media in ("application/sparql-results+json", "application/sparql-results+xml"), media
        if media.endswith("json"):
            value = json.loads(response.content)["boolean"]
        else:
            element = ElementTree.fromstring(response.content).find(
                "{http://www.w3.org/2005/sparql-results#}boolean"
            )
            value = element.text.strip() == "true"
        if request["boolean"] is not None:
            assert value == request["boolean"].toPython()
    elif expected == "tabular":
        assert media in TABULAR_TYPES, media
    elif expected == "RDF":
        assert media in RDF_TYPES, media
        Graph().parse(data=response.content, format=RDF_TYPES[media])


@pytest.mark.parametrize("test", TESTS, ids=IDS)
def test_w3c_protocol(server, test):
    update_test = str(test).rsplit("#", 1)[1].startswith("update_")
    with httpx.Client(base_url=server.url.rstrip("/"), timeout=30) as client:
        for request in requests_of(GRAPH, test):
            if update_test and not is_update(request):
                continue  # the query after an update checks what the update did: nothing here
            response = client.request(
                request["method"], request["path"], content=request["body"], headers=request["headers"]
            )
            status = f"StatusCode{response.status_code // 100}xx"
            if update_test:
                assert 400 <= response.status_code < 500, (response.status_code, response.text)
                continue
            assert status in request["statuses"], (response.status_code, response.text)
            if status == "StatusCode2xx":
                check_format(response, request)
