"""`partnergraph serve` as a real process on a free loopback port, driven by httpx, SPARQLWrapper and
headless Chromium. The server is started on the seed graph (the session's `seed_store`) with a 2 s
query time limit and a 2000-row result cap, so that both limits can be hit on purpose."""

from __future__ import annotations

import json
import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, VOID

from partnergraph import iris
from partnergraph.query import load_saved_queries
from partnergraph.store.remote import json_term

RDF_PARSERS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
EVENT_QUERY = f"SELECT ?e WHERE {{ ?e a <{iris.DEF}Event> }} ORDER BY ?e"
SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


class Served:
    """A `partnergraph serve --port 0` process; `url` is read from the line it prints when ready."""

    def __init__(
        self, root: Path, *options: str, build: bool = False, timeout: float = 60, ready_path: str = ""
    ):
        env = {k: v for k, v in os.environ.items() if k != "PARTNERGRAPH_BUILD"}
        command = [sys.executable, "-m", "partnergraph.cli", "serve", "--root", str(root), "--port", "0"]
        self.process = subprocess.Popen(
            [*command, *([] if build else ["--no-build"]), *options],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            start_new_session=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        try:
            self.url = self._wait_for_url(timeout, ready_path)
        except BaseException:
            self.stop()  # a server that failed its readiness check must not outlive the test
            raise

    def _read(self) -> None:
        for line in self.process.stdout:
            self.output.append(line)
            self.lines.put(line)

    def _wait_for_url(self, timeout: float, ready_path: str) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("partnergraph serve exited:\n" + "".join(self.output))
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            match = re.search(r"serving at (http://\S+/)", line)
            if match:
                url = match.group(1)
                httpx.get(url + ready_path, timeout=10).raise_for_status()  # answers, not only listening
                return url
        raise RuntimeError("partnergraph serve printed no URL in time:\n" + "".join(self.output))

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


SERVE_OPTIONS = ("--timeout", "2", "--max-results", "2000", "--workers", "2")  # the conftest `server`


@pytest.fixture(scope="module")
def example_iris(seed_store):
    _settings, store = seed_store
    event = store.select(EVENT_QUERY).rows[0]["e"]
    city = store.select(
        f"SELECT ?c WHERE {{ ?e <{iris.DEF}involvesCity> ?c . ?c <http://www.w3.org/2003/01/geo/wgs84_pos#lat> ?l }}"
        " ORDER BY ?c LIMIT 1"
    ).rows[0]["c"]
    return {"event": str(event), "city": str(city)}


def path_of(iri: str) -> str:
    assert iri.startswith(iris.BASE)
    return "/partnergraph/" + iri[len(iris.BASE) :]


def parse_rdf(response: httpx.Response) -> Graph:
    media = response.headers["content-type"].split(";")[0]
    graph = Graph()
    graph.parse(data=response.content, format=RDF_PARSERS[media])
    return graph


# --- the SPARQL endpoint ------------------------------------------------------------------------------


def test_select_in_every_results_format_by_accept_and_by_format(client, seed_store):
    _settings, store = seed_store
    expected = [str(r["e"]) for r in store.select(EVENT_QUERY).rows]
    assert expected
    for media, name in RESULT_TYPES.items():
        for response in (
            client.get("/sparql", params={"query": EVENT_QUERY}, headers={"Accept": media}),
            client.get("/sparql", params={"query": EVENT_QUERY, "format": name}),
            client.post("/sparql", data={"query": EVENT_QUERY}, headers={"Accept": media}),
            client.post(
                "/sparql",
                content=EVENT_QUERY.encode(),
                headers={"Content-Type": "application/sparql-query", "Accept": media},
            ),
        ):
            assert response.status_code == 200, response.text
            assert response.headers["content-type"].split(";")[0] == media
            assert "Accept" in response.headers["vary"]
            text = response.text
            if name == "json":
                got = [b["e"]["value"] for b in json.loads(text)["results"]["bindings"]]
            elif name == "xml":
                got = re.findall(r"<uri>([^<]+)</uri>", text)
            elif name == "csv":
                got = text.split("\r\n")[1:-1]
            else:
                got = [line.strip("<>") for line in text.splitlines()[1:]]
            assert got == expected, (media, text[:300])


def test_accept_q_values_and_combined_headers_are_honoured(client):
    def media(accept):
        response = client.get("/sparql", params={"query": EVENT_QUERY}, headers={"Accept": accept})
        return response.status_code, response.headers["content-type"].split(";")[0]

    assert media("text/csv;q=0.5, application/sparql-results+xml;q=0.9") == (
        200,
        "application/sparql-results+xml",
    )
    assert media("text/html, application/xhtml+xml, */*;q=0.8") == (200, "application/sparql-results+json")
    assert media("text/tab-separated-values, text/*;q=0.1") == (200, "text/tab-separated-values")
    assert media("text/*;q=0.9, text/csv;q=0.2") == (200, "text/tab-separated-values")
    assert media("application/sparql-results+json;q=0, */*;q=0.1") == (200, "application/sparql-results+xml")
    status, _ = media("image/png")
    assert status == 406


def test_ask_in_every_results_format(client):
    query = f"ASK {{ ?e a <{iris.DEF}Event> }}"
    answers = {
        "json": lambda t: json.loads(t)["boolean"] is True,
        "xml": lambda t: "<boolean>true</boolean>" in t,
        "csv": lambda t: t.split("\r\n")[1] == "true",
        "tsv": lambda t: t.splitlines()[1] == "true",
    }
    for name, check in answers.items():
        response = client.get("/sparql", params={"query": query, "format": name})
        assert response.status_code == 200 and check(response.text), (name, response.text)


def test_construct_and_describe_in_every_rdf_format(client, seed_store, example_iris):
    _settings, store = seed_store
    construct = f"CONSTRUCT {{ ?e a <{iris.DEF}Event> ; ?p ?o }} WHERE {{ ?e a <{iris.DEF}Event> ; ?p ?o }}"
    expected = store.construct(construct)
    assert len(expected) > 50
    for media in RDF_PARSERS:
        response = client.get("/sparql", params={"query": construct}, headers={"Accept": media})
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].split(";")[0] == media
        assert len(parse_rdf(response)) == len(expected)
        describe = client.post(
            "/sparql", data={"query": f"DESCRIBE <{example_iris['city']}>"}, headers={"Accept": media}
        )
        assert describe.status_code == 200
        assert (URIRef(example_iris["city"]), RDF.type, URIRef(f"{iris.DEF}City")) in parse_rdf(describe)
    assert (
        client.get("/sparql", params={"query": construct}, headers={"Accept": "text/csv"}).status_code == 406
    )


def test_service_description_without_a_query(client):
    for media in RDF_PARSERS:
        response = client.get("/sparql", headers={"Accept": media})
        assert response.status_code == 200
        graph = parse_rdf(response)
        sd = "http://www.w3.org/ns/sparql-service-description#"
        service = URIRef(client.base_url.join("/sparql").__str__())
        assert (service, RDF.type, URIRef(sd + "Service")) in graph
        assert (service, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in graph
    page = client.get("/sparql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "<textarea" in page.text


def test_sparqlwrapper_gets_the_embedded_rows_for_every_saved_query(server, seed_store):
    from SPARQLWrapper import GET, JSON, POST, SPARQLWrapper

    settings, store = seed_store
    saved = load_saved_queries(settings.queries_dir)
    assert len(saved) >= 5
    for name, query in saved.items():
        text = query.render({})
        expected = store.select(text)
        for method in (GET, POST):
            wrapper = SPARQLWrapper(server.url + "sparql")
            wrapper.setQuery(text)
            wrapper.setMethod(method)
            wrapper.setReturnFormat(JSON)
            data = wrapper.queryAndConvert()
            rows = [{k: json_term(v) for k, v in b.items()} for b in data["results"]["bindings"]]
            assert data["head"]["vars"] == expected.variables, name

            def key(row, variables=expected.variables):
                return tuple(str(row.get(v)) for v in variables)

            assert sorted(map(key, rows)) == sorted(map(key, expected.rows)), name
            if re.search(r"ORDER\s+BY", text, re.I):
                assert rows == expected.rows, name


def test_sparqlwrapper_rdf_formats(server, example_iris):
    from SPARQLWrapper import JSONLD, RDFXML, TURTLE, XML, SPARQLWrapper

    for fmt in (TURTLE, XML, RDFXML, JSONLD):
        wrapper = SPARQLWrapper(server.url + "sparql")
        wrapper.setQuery(f"DESCRIBE <{example_iris['event']}>")
        wrapper.setReturnFormat(fmt)
        graph = wrapper.queryAndConvert()
        if not isinstance(graph, Graph):
            graph = Graph().parse(data=graph, format={TURTLE: "turtle", JSONLD: "json-ld"}.get(fmt, "xml"))
        assert (URIRef(example_iris["event"]), RDF.type, URIRef(f"{iris.DEF}Event")) in graph, fmt


@pytest.mark.parametrize(
    "request_args",
    [
        {"method": "GET", "params": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {"method": "POST", "data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {"method": "POST", "data": {"query": "DELETE WHERE { ?s ?p ?o }"}},
        {
            "method": "POST",
            "content": b"DROP ALL",
            "headers": {"Content-Type": "application/sparql-update"},
        },
        {
            "method": "POST",
            "content": b"PREFIX x: <urn:select#> CLEAR DEFAULT",
            "headers": {"Content-Type": "application/sparql-query"},
        },
    ],
    ids=["get-update", "form-update", "update-as-query", "sparql-update-body", "clear-after-prefix"],
)
def test_updates_are_refused_with_403(client, request_args):
    args = dict(request_args)
    method = args.pop("method")
    response = client.request(method, "/sparql", **args)
    assert response.status_code == 403
    assert "read-only" in response.text
    count = client.get("/sparql", params={"query": "ASK { <urn:a> <urn:b> <urn:c> }", "format": "json"})
    assert count.json()["boolean"] is False


def test_malformed_query_is_400(client):
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x"})
    assert response.status_code == 400
    assert "syntax" in response.text.lower()


def test_oversized_body_is_413(client):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 70_000
    response = client.post(
        "/sparql", content=big.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert response.status_code == 413
    assert "too large" in response.text


def test_oversized_chunked_body_is_413(server):
    """No Content-Length: the body is counted as it arrives."""

    def chunks():
        for _ in range(40):
            yield b"#" + b"y" * 4095

    with httpx.Client(base_url=server.url, timeout=30) as c:
        response = c.post("/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413


def test_slow_query_is_stopped_with_503_and_the_server_keeps_answering(server, client):
    started = time.monotonic()
    response = client.get("/sparql", params={"query": SLOW_QUERY})
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert "time limit" in response.text
    assert elapsed < 10, elapsed
    assert server.alive()
    for n in range(3):  # both workers, including the replacement of the stopped one (distinct queries:
        # answers are cached)
        after = client.get("/sparql", params={"query": f"{EVENT_QUERY} LIMIT {100 + n}", "format": "json"})
        assert after.status_code == 200
    again = client.get("/sparql", params={"query": SLOW_QUERY})  # a refusal is not cached
    assert again.status_code == 503


def test_result_cap_is_503_with_a_message(client):
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 503
    assert "more than 2000 results" in response.text
    small = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 2000", "format": "csv"})
    assert small.status_code == 200 and small.text.count("\r\n") == 2001


# --- dereferencing -----------------------------------------------------------------------------------


def test_iri_content_negotiation(client, example_iris):
    for kind, iri in example_iris.items():
        path = path_of(iri)
        for media in RDF_PARSERS:
            response = client.get(path, headers={"Accept": media})
            assert response.status_code == 200, (kind, media)
            assert response.headers["content-type"].split(";")[0] == media
            assert "Accept" in response.headers["vary"]
            location = response.headers["content-location"]
            graph = parse_rdf(response)
            assert (URIRef(iri), RDF.type, None) in graph
            fixed = client.get(location)  # the format's own URL answers the same, whatever Accept says
            assert fixed.headers["content-type"].split(";")[0] == media
            assert len(parse_rdf(fixed)) == len(graph)
        html = client.get(path, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
        assert html.headers["content-type"].startswith("text/html")
        assert html.headers["content-location"] == path + ".html"
        assert client.get(path, headers={"Accept": "image/png"}).status_code == 406
        by_name = client.get(path, params={"format": "ttl"}, headers={"Accept": "text/html"})
        assert by_name.headers["content-type"].startswith("text/turtle") and (URIRef(iri), None, None) in (
            parse_rdf(by_name)
        )
        assert client.get(path, params={"format": "png"}).status_code == 406
        assert (
            client.get(path, headers={"Accept": "text/turtle;q=0.2, application/ld+json"})
            .headers["content-type"]
            .startswith("application/ld+json")
        )


def test_json_ld_is_compact_with_the_project_prefixes(client, example_iris):
    """JSON-LD answers carry a @context of the project's prefixes and use them, and read back as the
    same graph as the Turtle answer."""
    from rdflib.compare import isomorphic

    from partnergraph.rdf.vocab import PREFIXES

    construct = f"CONSTRUCT {{ ?e ?p ?o }} WHERE {{ ?e a <{iris.DEF}Event> ; ?p ?o }} LIMIT 300"
    answers = [
        (client.get(path_of(iri) + ".jsonld"), client.get(path_of(iri) + ".ttl"))
        for iri in example_iris.values()
    ]
    answers.append(
        tuple(client.get("/sparql", params={"query": construct, "format": f}) for f in ("jsonld", "turtle"))
    )
    for jsonld, turtle in answers:
        assert jsonld.status_code == 200 and jsonld.headers["content-type"].startswith("application/ld+json")
        document = jsonld.json()
        context = document["@context"]
        assert context and all(str(PREFIXES[p]) == ns for p, ns in context.items())
        nodes = document["@graph"]
        assert any(key.startswith(("pg:", "schema:")) for node in nodes for key in node)
        assert all(":" in t and not t.startswith("http") for node in nodes for t in node.get("@type", []))
        assert not any(key.startswith("http") for node in nodes for key in node)
        graph = Graph().parse(data=jsonld.content, format="json-ld")
        assert len(graph) > 10 and isomorphic(graph, parse_rdf(turtle))


def test_rdflib_dereferences_an_iri_by_its_url(server, example_iris):
    """A linked-data client that only knows the URL: rdflib sends its own Accept header and parses
    whatever type comes back."""
    graph = Graph().parse(server.url.rstrip("/") + path_of(example_iris["event"]))
    assert (URIRef(example_iris["event"]), RDF.type, URIRef(f"{iris.DEF}Event")) in graph


def test_hash_parts_and_inverse_links_are_in_the_description(client, example_iris):
    city = example_iris["city"]
    graph = parse_rdf(client.get(path_of(city), headers={"Accept": "text/turtle"}))
    geometry = URIRef(city + "#geometry")
    assert (URIRef(city), URIRef("http://www.opengis.net/ont/geosparql#hasGeometry"), geometry) in graph
    assert (geometry, URIRef("http://www.opengis.net/ont/geosparql#asWKT"), None) in graph
    assert list(graph.subjects(URIRef(f"{iris.DEF}involvesCity"), URIRef(city)))  # its events


def test_ontology_terms_dereference(client):
    for local in ("def/Event", "def/involvesCity", "def/topic/homelessness", "def/"):
        response = client.get("/partnergraph/" + local, headers={"Accept": "text/turtle"})
        assert response.status_code == 200, local
        assert (URIRef(iris.BASE + local), None, None) in parse_rdf(response)
    index = client.get("/partnergraph/def/index.ttl")
    assert index.status_code == 200 and (URIRef(str(iris.DEF)), None, None) in parse_rdf(index)


def test_unknown_iri_is_404(client):
    assert (
        client.get("/partnergraph/id/city/atlantis-xx", headers={"Accept": "text/turtle"}).status_code == 404
    )
    page = client.get("/partnergraph/id/city/atlantis-xx", headers={"Accept": "text/html"})
    assert page.status_code == 404 and "not described" in page.text


def raw_get(url: str, target: str) -> tuple[int, bytes]:
    """A request line sent as it is (httpx would remove the dot segments)."""
    host, port = url.split("//")[1].rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, data.split(b"\r\n\r\n", 1)[1]


@pytest.mark.parametrize(
    "target",
    [
        "/dumps/../../pyproject.toml",
        "/dumps/..%2F..%2Fpyproject.toml",
        "/dumps/%2e%2e/%2e%2e/data/sources/manifest.json",
        "/partnergraph/../../../etc/passwd",
        "/partnergraph/id/..%2F..%2F..%2Fetc%2Fpasswd",
        "/dumps/partnergraph.nq/../../state.json",
    ],
)
def test_path_traversal_is_404(server, target):
    status, body = raw_get(server.url, target)
    assert status == 404, (target, body[:200])
    assert b"[build-system]" not in body and b"root:" not in body and b"input_hash" not in body


# --- dataset, dumps, pages ---------------------------------------------------------------------------


def test_void_and_dcat(client, seed_store):
    settings, store = seed_store
    for path in ("/.well-known/void", "/dataset", "/partnergraph/dataset"):
        for media in RDF_PARSERS:
            response = client.get(path, headers={"Accept": media})
            assert response.status_code == 200 and response.headers["content-type"].startswith(media)
            graph = parse_rdf(response)
            dataset = URIRef(iris.BASE + "dataset")
            triples = int(graph.value(dataset, VOID.triples))
            assert triples == int(store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"])
            events = [
                int(graph.value(part, VOID.entities))
                for part in graph.objects(dataset, VOID.classPartition)
                if graph.value(part, VOID["class"]) == URIRef(f"{iris.DEF}Event")
            ]
            assert events == [len(store.select(EVENT_QUERY))]
            assert (dataset, URIRef("http://purl.org/dc/terms/license"), None) in graph
            assert (dataset, URIRef("http://purl.org/dc/terms/publisher"), None) in graph
            sizes = {}
            for dist in graph.objects(dataset, URIRef("http://www.w3.org/ns/dcat#distribution")):
                url = graph.value(dist, URIRef("http://www.w3.org/ns/dcat#downloadURL"))
                if url is not None:
                    sizes[str(url)] = int(graph.value(dist, URIRef("http://www.w3.org/ns/dcat#byteSize")))
            assert len(sizes) == 5
            for url, size in sizes.items():
                name = url.rsplit("/", 1)[1]
                assert size == (settings.dumps_dir / name).stat().st_size
                assert url.startswith(client.base_url.__str__())
    html = client.get("/dataset", headers={"Accept": "text/html"})
    assert html.status_code == 200 and "partnergraph.nq" in html.text


def test_dumps_are_served_with_their_types(client, seed_store):
    settings, _store = seed_store
    types = {
        "nq": "application/n-quads",
        "trig": "application/trig",
        "ttl": "text/turtle",
        "nt": "application/n-triples",
        "jsonld": "application/ld+json",
    }
    for suffix, media in types.items():
        response = client.get(f"/dumps/partnergraph.{suffix}")
        assert response.status_code == 200
        assert response.headers["content-type"].split(";")[0] == media
        assert response.content == (settings.dumps_dir / f"partnergraph.{suffix}").read_bytes()
    assert client.get("/dumps/state.json").status_code == 404


def test_resource_page_languages_evidence_and_links(client, example_iris):
    path = path_of(example_iris["event"])
    en = client.get(path, headers={"Accept": "text/html", "Accept-Language": "en-GB,en;q=0.9"})
    pl = client.get(path, headers={"Accept": "text/html", "Accept-Language": "pl-PL,pl;q=0.9,en;q=0.5"})
    forced = client.get(path + "?lang=en", headers={"Accept": "text/html", "Accept-Language": "pl"})
    assert '<html lang="en">' in en.text and "Properties" in en.text
    assert '<html lang="pl">' in pl.text and "Właściwości" in pl.text
    assert '<html lang="en">' in forced.text
    assert "<blockquote>" in en.text  # quoted evidence
    assert "/partnergraph/id/source/" in en.text  # its source page, linked
    for suffix, media in (
        ("ttl", "text/turtle"),
        ("jsonld", "application/ld+json"),
        ("nt", "application/n-triples"),
        ("rdf", "application/rdf+xml"),
    ):
        assert f'<link rel="alternate" type="{media}" href="{path}.{suffix}">' in en.text
    city = client.get(path_of(example_iris["city"]), headers={"Accept": "text/html"}).text
    assert "geonames.org" in city or "wikidata.org" in city  # owl:sameAs out
    assert "openstreetmap.org" in city  # coordinates
    assert "/partnergraph/id/event/" in city  # inverse links: its events
    assert response_has_csp(client.get(path, headers={"Accept": "text/html"}))


def response_has_csp(response) -> bool:
    return "default-src 'none'" in response.headers.get("content-security-policy", "")


def test_analyst_pages(client, seed_store):
    settings, store = seed_store
    saved = load_saved_queries(settings.queries_dir)
    listing = client.get("/queries")
    assert listing.status_code == 200
    for name, query in saved.items():
        assert f'href="/queries/{name}"' in listing.text
        assert query.title.replace("&", "&amp;") in listing.text
    with_topic = next(n for n, q in saved.items() if any(p.type == "topic" for p in q.parameters.values()))
    form = client.get(f"/queries/{with_topic}")
    topics = store.select(
        f"SELECT ?c WHERE {{ ?c <http://www.w3.org/2004/02/skos/core#inScheme> <{iris.DEF}topics> }}"
    )
    for row in topics.rows:
        assert f'<option value="{str(row["c"]).rsplit("/", 1)[1]}"' in form.text
    with_country = next(
        n for n, q in saved.items() if any(p.type == "country" for p in q.parameters.values())
    )
    country_form = client.get(f"/queries/{with_country}").text
    codes = {
        str(r["code"])
        for r in store.select(
            f"SELECT DISTINCT ?code WHERE {{ ?e <{iris.DEF}involvesCountry> ?c . ?c <{iris.DEF}isoCode> ?code }}"
        ).rows
    }
    assert codes and all(f'<option value="{code}"' in country_form for code in codes)
    name = "events_in_country"
    run = client.get(f"/queries/{name}", params={"country": "NL", "run": "1"})
    assert run.status_code == 200 and "<table>" in run.text and "format=csv" in run.text
    expected = store.select(saved[name].render({"country": "NL"}))
    assert len(expected) > 0
    csv = client.get(f"/queries/{name}", params={"country": "NL", "format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.count("\r\n") == len(expected) + 1
    js = client.get(f"/queries/{name}", params={"country": "NL", "format": "json"})
    assert len(js.json()["results"]["bindings"]) == len(expected)
    bad = client.get(f"/queries/{name}", params={"country": "Narnia", "run": "1"})
    assert bad.status_code == 400 and "ISO 3166" in bad.text
    assert client.get("/queries/no_such_query").status_code == 404


def test_adhoc_page_escapes_everything(client):
    nasty = 'SELECT ("<script>alert(1)</script>" AS ?x) WHERE {}'
    page = client.get("/query", params={"query": nasty})
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    refused = client.get("/query", params={"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    assert refused.status_code == 403


def test_cors_is_open_for_reads_without_credentials(client):
    response = client.get("/sparql", params={"query": EVENT_QUERY}, headers={"Origin": "https://example.org"})
    assert response.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in response.headers
    preflight = client.options(
        "/sparql",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "PUT",
        },
    )
    assert preflight.status_code == 400  # PUT, DELETE, PATCH are not allowed
    preflight = client.options(
        "/sparql",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code == 200
    assert "PUT" not in preflight.headers["access-control-allow-methods"]
    assert client.request("PUT", "/sparql", content=b"x").status_code == 405
    assert client.delete("/partnergraph/def/Event").status_code == 405


def test_head_answers_headers_without_a_body(client, example_iris):
    for path, headers in (
        (path_of(example_iris["city"]), {"Accept": "text/turtle"}),
        ("/dumps/partnergraph.nt", {}),
        ("/dataset", {"Accept": "text/html"}),
    ):
        response = client.head(path, headers=headers)
        assert response.status_code == 200, path
        assert response.content == b""
        assert response.headers["content-type"].split(";")[0] in (
            "text/turtle",
            "application/n-triples",
            "text/html",
        )


def test_network_page_and_home(client):
    network = client.get("/network")
    assert network.status_code == 200 and network.headers["content-type"].startswith("text/html")
    assert "<html" in network.text
    home = client.get("/")
    assert home.status_code == 200 and 'href="/network"' in home.text and 'href="/queries"' in home.text


# --- in a real browser -------------------------------------------------------------------------------


def open_page(browser, url: str):
    """A page that records console errors, page errors and failed requests."""
    page = browser.new_page()
    problems: list[str] = []
    page.on(
        "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on(  # a request cut short by leaving the page (a favicon when a click navigates) is no fault
        "requestfailed",
        lambda r: problems.append(f"request failed: {r.url}") if r.failure != "net::ERR_ABORTED" else None,
    )
    response = page.goto(url)
    if url.startswith("http"):
        assert response.status == 200
    return page, problems


def test_resource_page_renders_in_chromium(browser, server, example_iris):
    page, problems = open_page(browser, server.url.rstrip("/") + path_of(example_iris["event"]) + "?lang=pl")
    assert page.locator("h1").inner_text().strip()
    assert page.locator("blockquote").count() > 0
    assert page.locator("th").count() > 5
    page.click("a.lang")  # to English and back: the language switch works
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert problems == []
    page.close()


@pytest.mark.parametrize(
    "path", ["", "dataset", "queries", "query", "sparql", "partnergraph/def/Event?lang=pl"]
)
def test_other_pages_render_in_chromium(browser, server, path):
    page, problems = open_page(browser, server.url + path)
    assert page.locator("header nav a").count() >= 5  # every page links to the others, the network too
    assert page.locator("header nav a[href^='/network']").count() == 1
    assert problems == []
    page.close()


def test_query_form_runs_in_chromium(browser, server):
    page, problems = open_page(browser, server.url + "queries/events_on_topic")
    assert page.locator("select[name=topic] option").count() > 3
    page.select_option("select[name=topic]", "homelessness")
    page.click("form.params button[type=submit]")
    page.wait_for_selector("table")
    assert "run=1" in page.url and "topic=homelessness" in page.url
    assert page.locator("a[download]").count() == 4
    assert problems == []
    page.close()


def test_serve_in_memory_answers_as_the_store_on_disk(seed_store):
    """`serve --in-memory`: the server and its workers copy the embedded store into memory."""
    settings, store = seed_store
    served = Served(settings.root, "--in-memory", "--workers", "1")
    try:
        response = httpx.get(
            served.url + "sparql",
            params={"query": EVENT_QUERY},
            headers={"Accept": "application/sparql-results+json"},
            timeout=30,
        )
        response.raise_for_status()
        events = [b["e"]["value"] for b in response.json()["results"]["bindings"]]
        assert events == [str(row["e"]) for row in store.select(EVENT_QUERY).rows] and len(events) > 10
    finally:
        served.stop()


def test_serve_in_memory_refuses_an_endpoint(seed_store):
    settings, _store = seed_store
    command = [sys.executable, "-m", "partnergraph.cli", "serve", "--root", str(settings.root)]
    done = subprocess.run(
        [*command, "--in-memory", "--endpoint", "http://127.0.0.1:9/sparql"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "--in-memory" in done.stderr and "Traceback" not in done.stderr


def test_a_server_failing_its_readiness_check_is_stopped(seed_settings):
    started = []

    class Recorded(Served):
        def _wait_for_url(self, timeout, ready_path):
            started.append(self.process)
            return super()._wait_for_url(timeout, ready_path)

    with pytest.raises(httpx.HTTPStatusError):
        Recorded(seed_settings.root, ready_path="no-such-page")
    (process,) = started
    assert process.poll() is not None  # not left running after the test
