"""Real triple stores: the seed graph pushed into a real Oxigraph server and a real Virtuoso answers
every saved query as the embedded store does; re-pushing after one page changed replaces only that
page's graph; a server killed in the middle of a push leaves every graph whole, as docs/triple-stores.md
promises; failures (unreachable, 5xx, timeout, not SPARQL, bad credentials) give clear errors that never
show the password.

Differences the comparison normalises (each a documented property of the server, not of our code):
* integer datatypes: Oxigraph stores xsd:nonNegativeInteger (oa:start, oa:end) as xsd:integer, Virtuoso
  keeps the datatype; both are compared as xsd:integer values;
* GROUP_CONCAT: Oxigraph keeps the language tag its inputs share and the two servers concatenate in
  different orders; a GROUP_CONCAT column is compared as the sorted list of its parts, without tag;
* decimals: Oxigraph writes them in canonical form ("25.2798" for "25.27980"): compared by value;
* WKT: Virtuoso turns geo:wktLiteral into its own geometry type (virtrdf:Geometry, single precision), so
  a POINT is compared by its coordinates as single precision numbers.
"""

from __future__ import annotations

import json
import re
import socket
import struct
import subprocess
import sys
import time
import urllib.request
from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import XSD
from servers import free_port, start_oxigraph, start_virtuoso

from partnergraph import iris
from partnergraph.cli import main
from partnergraph.errors import QueryError, StoreError
from partnergraph.iris import GRAPH
from partnergraph.query import format_rows, load_saved_queries, run_query
from partnergraph.store import RemoteStore
from partnergraph.store.push import (
    PUSH_GRAPH,
    STAGING_PREFIX,
    PushError,
    _batches,
    local_graph,
    push_dataset,
    read_dataset,
    staging_graph,
)

SERVERS = {"oxigraph": start_oxigraph, "virtuoso": start_virtuoso}
INTEGER_TYPES = {
    str(XSD[name])
    for name in (
        "integer nonNegativeInteger positiveInteger nonPositiveInteger negativeInteger "
        "long int short byte unsignedLong unsignedInt unsignedShort unsignedByte"
    ).split()
}
WKT_TYPES = {
    "http://www.opengis.net/ont/geosparql#wktLiteral",
    "http://www.openlinksw.com/schemas/virtrdf#Geometry",
}
GROUP_CONCAT = re.compile(
    r"GROUP_CONCAT\([^;)]*(?:;\s*SEPARATOR\s*=\s*\"([^\"]*)\")?\s*\)\s+AS\s+\?(\w+)", re.I
)
SECRET = "s3cret-Passw0rd"


# ---- fixtures: real servers, the seed graph pushed into them ------------------------------------------


@pytest.fixture(scope="module")
def seed_graphs(seed_store):
    settings, _ = seed_store
    return read_dataset(settings.dumps_dir / "partnergraph.nq")


@pytest.fixture(scope="module")
def pushed(seed_store, seed_graphs, tmp_path_factory):
    """name -> (server, RemoteStore for queries) with the seed graph pushed: Oxigraph through the Graph
    Store Protocol, Virtuoso through SPARQL Update (the other combinations are pushed in test_repush)."""
    servers = {}
    try:
        for kind, start in SERVERS.items():
            server = start(tmp_path_factory.mktemp(kind))
            servers[kind] = server
            writer = RemoteStore(
                server.query_url,
                update_endpoint=server.update_url,
                graph_store=server.graph_store_url if kind == "oxigraph" else None,
                **server.auth,
            )
            report = push_dataset(writer, seed_graphs)
            assert sorted(report.replaced) == sorted(seed_graphs)
        yield {kind: (server, RemoteStore(server.query_url)) for kind, server in servers.items()}
    finally:
        for server in servers.values():
            server.stop()


@pytest.fixture(scope="module")
def scratch_servers(tmp_path_factory):
    """One more server of each kind, started when first needed, for tests that change or kill it."""
    servers = {}
    yield servers, tmp_path_factory
    for server in servers.values():
        server.kill()


@pytest.fixture(params=["oxigraph", "virtuoso"])
def fresh_server(request, scratch_servers):
    """A scratch server of each kind, running, with none of our graphs in it."""
    servers, tmp_path_factory = scratch_servers
    kind = request.param
    if kind not in servers:
        servers[kind] = SERVERS[kind](tmp_path_factory.mktemp(f"scratch-{kind}"))
    server = servers[kind].start()  # again, if a test killed it
    store = RemoteStore(server.query_url, update_endpoint=server.update_url, **server.auth)
    rows = store.select(
        f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{GRAPH}")) }}'
    )
    if rows.rows:
        store.update(" ;\n".join(f"DROP SILENT GRAPH <{r['g']}>" for r in rows.rows))
    assert not store.ask(f'ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{GRAPH}")) }}')
    return server


# ---- comparing answers -------------------------------------------------------------------------------


def float32(text: str) -> float:
    return struct.unpack("f", struct.pack("f", float(text)))[0]


def normalise(term, concat_separator: str | None = None):
    if not isinstance(term, Literal):
        return term
    datatype = str(term.datatype) if term.datatype else None
    if concat_separator is not None:
        return ("concat", tuple(sorted(str(term).split(concat_separator))))
    if datatype in INTEGER_TYPES:
        return ("integer", int(str(term)))
    if datatype == str(XSD.decimal):
        return ("decimal", Decimal(str(term)))
    if datatype in WKT_TYPES:
        numbers = tuple(float32(n) for n in re.findall(r"-?\d+(?:\.\d+)?", str(term)))
        return ("wkt", re.match(r"\s*(\w+)", str(term)).group(1).upper(), numbers)
    return term


def answer_set(rows, query_text: str) -> set:
    concat = {var: sep if sep is not None else " " for sep, var in GROUP_CONCAT.findall(query_text)}
    return {
        frozenset(
            (var, normalise(value, concat.get(var)))
            for var, value in row.items()
            if not (var in concat and str(value) == "")  # an empty GROUP_CONCAT: "" or unbound
        )
        for row in rows.rows
    }


def graph_content(store: RemoteStore, graph: str) -> set[tuple]:
    rows = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return {(r["s"], r["p"], normalise(r["o"])) for r in rows.rows}


def local_content(graph) -> set[tuple]:
    result = Graph().parse(data=graph.ntriples, format="nt")
    return {(s, p, normalise(o)) for s, p, o in result}


# ---- the conformance test ------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", ["embedded", "oxigraph", "virtuoso"])
def test_every_saved_query_answers_as_on_the_embedded_store(backend, seed_store, pushed):
    settings, embedded = seed_store
    store = embedded if backend == "embedded" else pushed[backend][1]
    queries = load_saved_queries(settings.queries_dir)
    assert len(queries) >= 10
    answered = 0
    for name, saved in queries.items():
        expected = run_query(embedded, saved)
        got = run_query(store, saved)
        assert got.variables == expected.variables, name
        assert len(got) == len(expected), name
        assert answer_set(got, saved.text) == answer_set(expected, saved.text), name
        answered += bool(len(expected))
    assert answered >= len(queries) // 2  # most queries find something in the seed graph


def test_the_union_default_graph_holds_the_whole_dataset(seed_store, seed_graphs, pushed):
    _, embedded = seed_store
    count = (  # Virtuoso has graphs of its own: count ours
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(?g != <{PUSH_GRAPH}> && STRSTARTS(STR(?g), "{GRAPH}")) }}'
    )
    expected = int(embedded.select(count).rows[0]["n"])
    assert expected == sum(g.triples for g in seed_graphs.values())
    for kind in SERVERS:
        store = pushed[kind][1]
        assert int(store.select(count).rows[0]["n"]) == expected, kind
        assert store.ask("ASK { ?e a <https://w3id.org/partnergraph/def/Event> }"), kind


@pytest.mark.parametrize("kind", ["oxigraph", "virtuoso"])
def test_query_command_with_endpoint_prints_what_the_embedded_store_gives(kind, seed_store, pushed, capsys):
    settings, embedded = seed_store
    root = str(settings.root)
    queries = load_saved_queries(settings.queries_dir)
    for name in ("partner_countries", "event_timeline", "topics_ranked"):
        local = json.loads(format_rows(run_query(embedded, queries[name]), "json"))
        assert (
            main(["query", name, "--format", "json", "--root", root, "--endpoint", pushed[kind][0].query_url])
            == 0
        )
        remote = json.loads(capsys.readouterr().out)
        assert remote["head"] == local["head"]
        assert len(remote["results"]["bindings"]) == len(local["results"]["bindings"]) > 0
        assert {b["iso"]["value"] for b in remote["results"]["bindings"] if "iso" in b} == {
            b["iso"]["value"] for b in local["results"]["bindings"] if "iso" in b
        }


def test_query_command_logs_in_with_digest_on_virtuoso(seed_store, pushed, capsys, monkeypatch):
    settings, _ = seed_store
    server = pushed["virtuoso"][0]
    monkeypatch.setenv("PARTNERGRAPH_USER", "dba")
    monkeypatch.setenv("PARTNERGRAPH_PASSWORD", "dba")
    args = ["query", "partner_countries", "--format", "csv", "--root", str(settings.root)]
    assert main(args + ["--endpoint", server.update_url]) == 0  # /sparql-auth: digest only
    assert "iso" in capsys.readouterr().out.splitlines()[0]
    monkeypatch.setenv("PARTNERGRAPH_PASSWORD", SECRET)
    assert main(args + ["--endpoint", server.update_url]) == 2
    err = capsys.readouterr().err
    assert "HTTP 401" in err and "credentials were refused" in err
    assert SECRET not in err


# ---- re-push, kill during a push ------------------------------------------------------------------------


def changed_page(seed_graphs, which: str):
    """The dataset with one graph changed (one triple added), hashed as a real read would."""
    graphs = dict(seed_graphs)
    triples = list(ox.parse(graphs[which].ntriples, format=ox.RdfFormat.N_TRIPLES))
    modified = ox.NamedNode("http://purl.org/dc/terms/modified")
    triples.append(ox.Triple(ox.NamedNode(which), modified, ox.Literal("changed")))
    graphs[which] = local_graph(which, triples)
    return graphs


@pytest.mark.parametrize("protocol", ["graph store", "update"])
def test_repush_after_one_page_changed_replaces_only_that_graph(fresh_server, seed_graphs, protocol):
    server = fresh_server
    store = RemoteStore(
        server.query_url,
        update_endpoint=server.update_url,
        graph_store=server.graph_store_url if protocol == "graph store" else None,
        **server.auth,
    )
    first = push_dataset(store, seed_graphs)
    assert first.protocol == protocol and sorted(first.replaced) == sorted(seed_graphs)
    again = push_dataset(store, seed_graphs)
    assert again.replaced == [] and sorted(again.unchanged) == sorted(seed_graphs)

    page = next(g for g in seed_graphs if "/graph/source/" in g)
    changed = changed_page(seed_graphs, page)
    report = push_dataset(store, changed)
    assert report.replaced == [page]
    assert sorted(report.unchanged) == sorted(g for g in seed_graphs if g != page)
    for iri, graph in changed.items():
        assert graph_content(store, iri) == local_content(graph), iri

    # a page removed from the dataset: its graph goes; one edited on the server behind our back: resent
    del changed[page]
    other = next(g for g in changed if "/graph/source/" in g)
    store.update(f"INSERT DATA {{ GRAPH <{other}> {{ <{other}> <http://example.org/x> 1 }} }}")
    report = push_dataset(store, changed)
    assert report.removed == [page] and report.replaced == [other]
    assert not store.ask(f"ASK {{ GRAPH <{page}> {{ ?s ?p ?o }} }}")
    assert graph_content(store, other) == local_content(changed[other])


@pytest.mark.parametrize("protocol", ["update", "staged update"])
def test_a_large_graph_is_pushed_whole(fresh_server, protocol):
    """A graph of 12,000 triples, like the entities graph of a large corpus: Virtuoso's parser cannot
    take thousands of triples in one GRAPH block, so they go in blocks; in one request (update) or in
    chunks into a staging graph first (a graph bigger than the batch)."""
    iri = f"{GRAPH}entities"
    graphs = {iri: local_graph(iri, numbered_triples(iri, 12_000))}
    pushed_whole(fresh_server, graphs, batch_triples=50_000 if protocol == "update" else 5_000)


@pytest.mark.parametrize("shape", ["one graph", "many graphs"])
def test_requests_stay_under_ten_megabytes(fresh_server, shape):
    """Triples with long literals (a page's text): 12 MB in one graph, or in 24 graphs that fit one
    batch by their triple count. Virtuoso refuses a request longer than 10 MB."""
    text = "Współpraca zagraniczna MOPS w Krakowie. " * 25  # 1,000 characters
    if shape == "one graph":
        iri = f"{GRAPH}source/long"
        graphs = {iri: local_graph(iri, numbered_triples(iri, 12_000, text))}
    else:
        iris = [f"{GRAPH}source/long-{n}" for n in range(24)]
        graphs = {iri: local_graph(iri, numbered_triples(iri, 500, text)) for iri in iris}
    pushed_whole(fresh_server, graphs, batch_triples=50_000)


def numbered_triples(iri: str, n: int, text: str | None = None) -> list:
    decimal = ox.NamedNode(str(XSD.decimal))
    return [
        ox.Triple(
            ox.NamedNode(f"{iri}/e{i}"),
            ox.NamedNode("http://example.org/p"),
            ox.Literal(f"{text} {i}", language="pl") if text else ox.Literal(f"{i}.5", datatype=decimal),
        )
        for i in range(n)
    ]


def pushed_whole(server, graphs: dict, batch_triples: int) -> None:
    store = RemoteStore(server.query_url, update_endpoint=server.update_url, **server.auth)
    report = push_dataset(store, graphs, batch_triples=batch_triples)
    assert sorted(report.replaced) == sorted(graphs)
    for iri, graph in graphs.items():
        rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
        assert int(rows.rows[0]["n"]) == graph.triples, iri


@pytest.mark.parametrize("protocol", ["graph store", "update"])
def test_a_server_killed_during_a_push_leaves_every_graph_whole(fresh_server, seed_graphs, protocol):
    """docs/triple-stores.md: after a failed push every graph holds its previous or its new content,
    complete; the error names which; staging graphs may be left over; the next push finishes the job.
    The server is killed (SIGKILL) after two batches: with the Graph Store Protocol once the third
    batch is staged, before its swap; with SPARQL Update before the third batch's request."""
    server = fresh_server
    gsp = server.graph_store_url if protocol == "graph store" else None
    options = {"update_endpoint": server.update_url, "graph_store": gsp, **server.auth}
    store = RemoteStore(server.query_url, retries=1, backoff=0.05, **options)
    push_dataset(store, seed_graphs)  # version A

    version_b = seed_graphs
    for page in seed_graphs:
        version_b = changed_page(version_b, page)
    limit = 1000  # about one graph of the seed per batch
    batches = [[g.iri for g in batch] for batch in _batches(list(version_b.values()), limit)]
    assert len(batches) >= 3
    kill_at = ("staged", 3) if gsp else ("swapped", 2)
    seen = []

    def kill(step, graphs):
        seen.append(step)
        if (step, seen.count(step)) == kill_at:
            server.kill()

    with pytest.raises(PushError) as failure:
        push_dataset(store, version_b, batch_triples=limit, progress=kill)
    error = failure.value
    new, rest = batches[0] + batches[1], [g for batch in batches[2:] for g in batch]
    assert error.replaced == new
    assert sorted(error.unknown + error.pending) == sorted(rest)
    assert set(error.unknown) <= set(batches[2])
    message = str(error)
    assert "stopped while" in message and "batch 3 of" in message
    assert f"graphs holding their new content: {len(new)}" in message and "staging graphs" in message

    server.start()  # Virtuoso comes back on new ports
    gsp = server.graph_store_url if gsp else None
    store = RemoteStore(server.query_url, update_endpoint=server.update_url, graph_store=gsp, **server.auth)
    for iri in version_b:
        content = graph_content(store, iri)
        assert content in (local_content(seed_graphs[iri]), local_content(version_b[iri])), iri
        expected = version_b if iri in new else seed_graphs
        assert content == local_content(expected[iri]), iri
    leftovers = [staging_graph(g) for g in batches[2]] if gsp else []
    for graph in leftovers:
        assert store.ask(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")

    report = push_dataset(store, version_b)
    assert sorted(report.leftovers_dropped) == sorted(leftovers)
    assert sorted(report.replaced) == sorted(rest)
    for iri in version_b:
        assert graph_content(store, iri) == local_content(version_b[iri]), iri
    leftovers = store.select(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{STAGING_PREFIX}")) }}'
    )
    assert len(leftovers) == 0


def test_push_command_to_both_servers(seed_store, fresh_server, capsys, monkeypatch):
    settings, _ = seed_store
    server = fresh_server
    monkeypatch.delenv("PARTNERGRAPH_USER", raising=False)
    monkeypatch.delenv("PARTNERGRAPH_PASSWORD", raising=False)
    if server.user:
        monkeypatch.setenv("PARTNERGRAPH_USER", server.user)
        monkeypatch.setenv("PARTNERGRAPH_PASSWORD", server.password)
    dump = str(settings.dumps_dir / "partnergraph.nq")
    args = ["push", "--dump", dump, "--endpoint", server.query_url]
    args += ["--update-endpoint", server.update_url, "--graph-store", server.graph_store_url]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "5 graph(s) replaced" in out and "graph store" in out  # 2 pages, entities, registry, ontology
    assert main(args) == 0
    assert "0 graph(s) replaced" in capsys.readouterr().out
    assert RemoteStore(server.query_url).ask("ASK { ?e a <https://w3id.org/partnergraph/def/Event> }")


@pytest.mark.parametrize("union", [False, True], ids=["stock-oxigraph", "union-default-graph"])
def test_push_warns_when_the_servers_default_graph_is_not_the_union(tmp_path, capsys, monkeypatch, union):
    """Issue 12 item 22: a push into a stock `oxigraph serve` succeeded and every query then found 0
    rows, with no word of why."""
    monkeypatch.delenv("PARTNERGRAPH_USER", raising=False)
    monkeypatch.delenv("PARTNERGRAPH_PASSWORD", raising=False)
    dump = tmp_path / "small.nq"
    dump.write_text(
        f'<{iris.BASE}id/city/x-xx> <http://www.w3.org/2000/01/rdf-schema#label> "X"@en <{iris.BASE}graph/a> .\n'
        f'_:b <http://www.w3.org/2000/01/rdf-schema#label> "blank" <{iris.BASE}graph/a> .\n',
        encoding="utf-8",
    )
    server = start_oxigraph(tmp_path / "ox", union_default_graph=union)
    try:
        assert main(["push", "--dump", str(dump), "--endpoint", server.query_url]) == 0
        captured = capsys.readouterr()
        assert "1 graph(s) replaced" in captured.out
        warned = "--union-default-graph" in captured.err and "0 rows" in captured.err
        assert warned is not union, captured.err
    finally:
        server.stop()


# ---- failures: clear errors, retries, no credentials in messages -----------------------------------------


def test_unreachable_server_is_a_clear_error_after_retries():
    url = f"http://dba:{SECRET}@127.0.0.1:{free_port()}/sparql"
    store = RemoteStore(url, retries=2, backoff=0.01)
    with pytest.raises(StoreError) as failure:
        store.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    message = str(failure.value)
    assert "connection refused" in message and "tried 3 times" in message
    assert SECRET not in message and "dba:" not in message


@pytest.fixture
def plain_web_server(tmp_path):
    """Python's own http.server on a loopback port: a real web server that knows no SPARQL (HTML for
    GET, HTTP 501 for POST). Its request log shows how many requests arrived."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<html><body>Welcome</body></html>")
    port = free_port()
    log = tmp_path / "requests.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", "site"],
            cwd=tmp_path,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while True:
        assert process.poll() is None, log.read_text()
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    yield url, log
    process.kill()
    process.wait()


def test_an_answer_that_is_not_sparql_is_a_clear_error(plain_web_server):
    url, _ = plain_web_server
    with pytest.raises(StoreError, match=r"not SPARQL results \(got text/html\)"):
        RemoteStore(url, retries=0).select("SELECT * WHERE { ?s ?p ?o }")


def test_a_server_error_is_retried_for_reads_and_not_for_updates(plain_web_server):
    url, log = plain_web_server
    store = RemoteStore(url, retries=2, backoff=0.01, user="dba", password=SECRET, auth="basic")
    long_query = "SELECT * WHERE { ?s ?p ?o } # " + "x" * 3000  # long enough to go by POST
    with pytest.raises(StoreError) as failure:
        store.select(long_query)
    message = str(failure.value)
    assert "server error (HTTP 501)" in message and "tried 3 times" in message
    assert SECRET not in message
    with pytest.raises(StoreError, match=r"server error \(HTTP 501\)") as failure:
        store.update("INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }")
    assert "tried" not in str(failure.value)
    assert log.read_text().count('"POST / HTTP') == 4  # three tries of the read, one of the update


def test_a_server_that_does_not_answer_times_out():
    with socket.socket() as silent:  # accepts connections (the kernel does) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        store = RemoteStore(
            f"http://127.0.0.1:{silent.getsockname()[1]}/sparql", timeout=0.5, retries=1, backoff=0.01
        )
        started = time.monotonic()
        with pytest.raises(StoreError, match=r"tried 2 times\): no answer within 0.5 s \(timeout\)"):
            store.ask("ASK {}")
        assert time.monotonic() - started < 10


def test_wrong_address_and_bad_query_are_told_apart(pushed):
    server = pushed["oxigraph"][0]
    with pytest.raises(StoreError, match="HTTP 404, no SPARQL service at this address"):
        RemoteStore(server.url("/nothing-here"), retries=0).select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    with pytest.raises(QueryError, match="rejected the request"):
        RemoteStore(server.query_url).select("SELECT * WHERE { ?s ?p ")


def test_push_with_wrong_password_never_shows_it(seed_graphs, pushed, caplog):
    server = pushed["virtuoso"][0]
    caplog.set_level("DEBUG")
    store = RemoteStore(server.query_url, update_endpoint=server.update_url, user="dba", password=SECRET)
    changed = changed_page(seed_graphs, next(iter(seed_graphs)))
    with pytest.raises(StoreError) as failure:
        push_dataset(store, changed)
    assert "HTTP 401" in str(failure.value)
    assert SECRET not in str(failure.value) and SECRET not in caplog.text
    first = next(iter(seed_graphs))  # nothing changed on the server
    assert graph_content(RemoteStore(server.query_url), first) == local_content(seed_graphs[first])
