"""Standards that real linked-data clients rely on, checked against a real `partnergraph serve`
process on the seed graph: the query's dataset (FROM, FROM NAMED, default-graph-uri,
named-graph-uri), relative IRIs, the CSV/TSV results formats, conditional GET, the ontology and graph
IRIs, and the dataset description."""

from __future__ import annotations

import csv
import io
import urllib.request

import httpx
import pytest
from rdflib import Graph, URIRef, Variable
from rdflib.namespace import RDF, VOID

from partnergraph import iris

SERVE_OPTIONS = ("--timeout", "5")  # for the conftest `server` fixture


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


# --- CSV and TSV results (SPARQL 1.1 Query Results CSV and TSV Formats) -------------------------------

AWKWARD = (
    'SELECT ?text ?blank ?tagged ?iri ?number WHERE { BIND("line one\\nline \\"two\\"\\ttab \\\\ end" AS ?text) '
    'BIND(BNODE() AS ?blank) BIND("dom"@pl AS ?tagged) BIND(<http://example.org/x> AS ?iri) BIND(42 AS ?number) }'
)


def test_tsv_is_read_back_by_rdflib_with_the_same_terms(client):
    from rdflib.query import Result

    for query in (AWKWARD, "SELECT ?s ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) } ORDER BY ?s ?o LIMIT 1500"):
        tsv = client.get("/sparql", params={"query": query, "format": "tsv"})
        assert tsv.status_code == 200
        assert '"""' not in tsv.text
        lines = tsv.text.rstrip("\n").split("\n")
        assert all(line.count("\t") == lines[0].count("\t") for line in lines)
        parsed = Result.parse(source=io.BytesIO(tsv.content), format="tsv")
        expected = client.get("/sparql", params={"query": query, "format": "json"}).json()
        rows = expected["results"]["bindings"]
        assert len(parsed.bindings) == len(rows)
        for got, want in zip(parsed.bindings, rows, strict=True):
            for name, term in want.items():
                if term["type"] != "bnode":
                    assert str(got[Variable(name)]) == term["value"], name


def test_csv_writes_blank_nodes_with_their_prefix(client):
    response = client.get("/sparql", params={"query": AWKWARD, "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["text", "blank", "tagged", "iri", "number"]
    assert rows[1][0] == 'line one\nline "two"\ttab \\ end'
    assert rows[1][1].startswith("_:") and rows[1][2:] == ["dom", "http://example.org/x", "42"]


# --- conditional GET ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, params, accept",
    [
        ("/partnergraph/id/country/de", {}, "text/turtle"),
        ("/partnergraph/id/country/de", {}, "text/html"),
        ("/.well-known/void", {}, "text/turtle"),
        ("/sparql", {}, "text/turtle"),
        (
            "/sparql",
            {"query": "SELECT ?s WHERE { ?s a ?t } ORDER BY ?s LIMIT 3"},
            "application/sparql-results+json",
        ),
    ],
    ids=["description-ttl", "description-html", "void", "service-description", "answer"],
)
def test_conditional_get_gives_304(client, path, params, accept):
    first = client.get(path, params=params, headers={"Accept": accept})
    assert first.status_code == 200
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = client.get(path, params=params, headers={"Accept": accept, "If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    since = client.get(path, params=params, headers={"Accept": accept, "If-Modified-Since": modified})
    assert since.status_code == 304
    stale = client.get(path, params=params, headers={"Accept": accept, "If-None-Match": '"other"'})
    assert stale.status_code == 200 and stale.content == first.content
    older = client.get(
        path, params=params, headers={"Accept": accept, "If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}
    )
    assert older.status_code == 200


def test_each_representation_has_its_own_etag(client):
    tags = {
        client.get("/partnergraph/id/country/de", headers={"Accept": media}).headers["etag"]
        for media in ("text/turtle", "application/n-triples", "text/html")
    }
    assert len(tags) == 3


# --- the ontology, named graphs and the publisher dereference ----------------------------------------

BUILT_IN = (
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://www.w3.org/2000/01/rdf-schema#",
    "http://www.w3.org/2002/07/owl#",
    "http://www.w3.org/2001/XMLSchema#",
)


def undeclared_terms(graph) -> set:
    """Classes and properties an OWL 2 DL ontology uses without declaring them (OWL API's
    'use of undeclared entity'), and reserved vocabulary used as a class."""
    from rdflib.namespace import OWL, RDF, RDFS

    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDFS.Datatype)
    declared = {s for kind in kinds for s in graph.subjects(RDF.type, kind)}
    axioms = {OWL.Ontology, OWL.FunctionalProperty, OWL.NamedIndividual, *kinds}
    used = set()
    for s, p, o in graph:
        used.add(p)
        if p == RDFS.subClassOf:
            used |= {s, o}
        elif p in (RDFS.domain, RDFS.subPropertyOf) or (p == RDF.type and o not in axioms):
            used.add(o)
        elif p == RDFS.range and (s, RDF.type, OWL.DatatypeProperty) not in graph:
            used.add(o)
    return {
        t for t in used if isinstance(t, URIRef) and not str(t).startswith(BUILT_IN) and t not in declared
    } | {o for o in graph.objects(None, RDFS.range) if o == RDF.Property}


def test_the_ontology_iri_serves_the_whole_ontology_to_owl_tools(server, seed_store):
    from rdflib.namespace import OWL, RDF

    from partnergraph.ontology_tools import load_ontology_graph, ontology_terms

    for local in ("def/", "def/0.1.0"):
        with urllib.request.urlopen(
            server.url + "partnergraph/" + local, timeout=30
        ) as response:  # no Accept
            media = response.headers["Content-Type"].split(";")[0]
            body = response.read()
        assert media == "application/rdf+xml", (local, media)
        graph = Graph().parse(data=body, format="xml")
        assert (URIRef(str(iris.DEF)), RDF.type, OWL.Ontology) in graph
        classes = {c for c in graph.subjects(RDF.type, OWL.Class) if str(c).startswith(str(iris.DEF))}
        assert classes == set(ontology_terms(load_ontology_graph(seed_store[0].ontology_dir))["classes"])
        assert undeclared_terms(graph) == set()
    turtle = httpx.get(server.url + "partnergraph/def/", headers={"Accept": "text/turtle"}, timeout=30)
    assert len(Graph().parse(data=turtle.text, format="turtle")) == len(graph)
    page = httpx.get(server.url + "partnergraph/def/", headers={"Accept": "text/html"}, timeout=30)
    assert page.headers["content-type"].startswith("text/html")


def test_named_graph_iris_and_the_publisher_dereference(client, seed_store, page_graph):
    _settings, store = seed_store
    for graph_iri in (page_graph, str(iris.GRAPH) + "entities"):
        response = client.get(
            "/partnergraph/" + graph_iri[len(iris.BASE) :], headers={"Accept": "text/turtle"}
        )
        assert response.status_code == 200, graph_iri
        size = count(client, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}")
        assert len(Graph().parse(data=response.text, format="turtle")) == size
        html = client.get("/partnergraph/" + graph_iri[len(iris.BASE) :], headers={"Accept": "text/html"})
        assert html.status_code == 200
    void = Graph().parse(
        data=client.get("/.well-known/void", headers={"Accept": "text/turtle"}).text, format="turtle"
    )
    from rdflib.namespace import DCTERMS

    publisher = next(void.objects(None, DCTERMS.publisher))
    response = client.get(
        "/partnergraph/" + str(publisher)[len(iris.BASE) :], headers={"Accept": "text/turtle"}
    )
    assert response.status_code == 200
    assert (publisher, None, None) in Graph().parse(data=response.text, format="turtle")
    assert client.get("/partnergraph/graph/nonexistent", headers={"Accept": "text/turtle"}).status_code == 404


# --- dataset description: sameAs, DCAT-AP, VoID ------------------------------------------------------


def test_no_organisation_is_the_same_as_a_city(client):
    query = (
        "PREFIX owl: <http://www.w3.org/2002/07/owl#> SELECT ?a ?b WHERE { ?a owl:sameAs ?w . ?b owl:sameAs ?w "
        "FILTER(STR(?a) < STR(?b)) }"
    )
    response = client.get("/sparql", params={"query": query, "format": "json"})
    assert response.json()["results"]["bindings"] == []
    see_also = (
        f"ASK {{ <{iris.BASE}id/organisation/gmina-miejska-krakow> "
        "<http://www.w3.org/2000/01/rdf-schema#seeAlso> <http://www.wikidata.org/entity/Q31487> }"
    )
    assert ask(client, see_also)


def void_of(client, **params) -> Graph:
    response = client.get("/.well-known/void", params=params, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    return Graph().parse(data=response.text, format="turtle")


def test_dcat_ap_mandatory_items(client):
    from rdflib.namespace import DCAT, DCTERMS, RDF, VOID, XSD

    void = void_of(client)
    services = list(void.subjects(RDF.type, DCAT.DataService))
    assert services and all(void.value(s, DCTERMS.title) is not None for s in services)
    distributions = list(void.subjects(RDF.type, DCAT.Distribution))
    sizes = [void.value(d, DCAT.byteSize) for d in distributions if void.value(d, DCAT.byteSize) is not None]
    assert sizes and all(size.datatype == XSD.decimal for size in sizes)
    formats = [f for d in distributions for f in void.objects(d, DCTERMS["format"])]
    assert formats and all(
        isinstance(f, URIRef)
        and str(f).startswith("http://publications.europa.eu/resource/authority/file-type/")
        for f in formats
    )
    vocabularies = {str(v) for v in void.objects(None, VOID.vocabulary)}
    for ns in (
        "http://www.opengis.net/ont/geosparql#",
        "http://www.w3.org/2003/01/geo/wgs84_pos#",
        "http://xmlns.com/foaf/0.1/",
        "http://purl.org/dc/terms/",
    ):
        assert ns in vocabularies, ns


DCAT_AP_SHAPES = ("dcat-ap_2.1.1_shacl_shapes.ttl", "dcat-ap_2.1.1_shacl_range.ttl")


def dcat_ap_report(description: Graph, shapes_file: str) -> tuple[bool, str]:
    """pyshacl's verdict and report on `description` with one of the profile's shape files."""
    from pathlib import Path

    import pyshacl

    shapes = Graph().parse(Path(__file__).parent / "data" / "dcat-ap" / shapes_file)
    conforms, _report, text = pyshacl.validate(description, shacl_graph=shapes, inference="none")
    return conforms, text


@pytest.mark.parametrize("shapes_file", DCAT_AP_SHAPES)
def test_void_conforms_to_the_dcat_ap_2_1_1_shapes(client, seed_store, shapes_file):
    """The profile's own SHACL shapes (tests/data/dcat-ap), on the served description and on the graph
    `void_graph` makes before any writer (what a program that takes it from the package gets). The
    mandatory shapes found the DataService without dct:title and dcat:byteSize as xsd:integer, then
    dcat:byteSize in the graph itself as no decimal (a Python int under xsd:decimal, written well); the
    range shapes found 19 violations: the licence, media types and formats untyped (dct:LicenseDocument,
    dct:MediaType, dct:MediaTypeOrExtent), the landing page no foaf:Document, the version as dct:hasVersion
    and the source pages as dct:source (both of which DCAT-AP keeps for a related dcat:Dataset)."""
    from partnergraph.publish.void import dataset_stats, void_graph

    settings, store = seed_store
    made = void_graph(
        dataset_stats(store, settings.dumps_dir), "http://localhost/", "http://localhost/sparql"
    )
    for description in (void_of(client), made):
        conforms, text = dcat_ap_report(description, shapes_file)
        assert conforms, text


def test_well_known_void_honours_format_and_html(client):
    nt = client.get("/.well-known/void", params={"format": "nt"}, headers={"Accept": "text/turtle"})
    assert nt.headers["content-type"].startswith("application/n-triples")
    html = client.get(
        "/.well-known/void", headers={"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"}
    )
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    plain = client.get("/.well-known/void", headers={"Accept": "*/*"})
    assert plain.headers["content-type"].startswith("text/turtle")


def test_the_command_line_answers_ask_and_construct(seed_settings):
    from test_web_hostile import partnergraph

    root = seed_settings.root
    done = partnergraph("query", "-", "--format", "json", root=root, stdin="ASK { ?s ?p ?o }")
    assert done.returncode == 0, done.stderr
    assert '"boolean": true' in done.stdout
    query = f"CONSTRUCT {{ <{iris.BASE}id/country/de> ?p ?o }} WHERE {{ <{iris.BASE}id/country/de> ?p ?o }}"
    done = partnergraph("query", "-", root=root, stdin=query)
    assert done.returncode == 0, done.stderr
    assert len(Graph().parse(data=done.stdout, format="turtle")) > 3
    done = partnergraph("query", "-", "--format", "csv", root=root, stdin="PREFIX select: <urn:x#> ASK { }")
    assert done.stdout.split() == ["_askResult", "true"]


def test_the_static_sites_dataset_addresses_answer_on_the_server_too(client, seed_store):
    """The static site keeps the dumps and the dataset's landing page inside the namespace
    (`{BASE}dumps/<file>`, `{BASE}dataset.html`); the server answers those paths as well."""
    settings, _store = seed_store
    for dump in settings.dumps_dir.iterdir():
        answer = client.get(f"/partnergraph/dumps/{dump.name}")
        assert answer.status_code == 200 and answer.content == dump.read_bytes()
    assert client.get("/partnergraph/dumps/../state.json").status_code == 404
    page = client.get("/partnergraph/dataset.html", headers={"Accept": "text/turtle"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    turtle = client.get("/partnergraph/dataset.ttl")
    assert turtle.headers["content-type"].startswith("text/turtle")
    assert (URIRef(iris.BASE + "dataset"), RDF.type, VOID.Dataset) in Graph().parse(data=turtle.text)
