"""Finding a server's Graph Store Protocol endpoint from its query endpoint alone (store/discover.py),
on real servers: Oxigraph's /store and Virtuoso's /sparql-graph-crud-auth are found and proven by a
probe graph that is removed again; a read-only server, a server refusing the credentials and a Graph
Store of another server are not taken; `partnergraph push` with only the query endpoint goes through
the graph store it found, or says it falls back to SPARQL Update."""

from __future__ import annotations

import pytest
from servers import SERVERS, start_oxigraph, start_oxigraph_read_only
from test_remote_stores import SECRET, answer_set

from partnergraph.cli import main
from partnergraph.query import load_saved_queries, run_query
from partnergraph.store import RemoteStore
from partnergraph.store.discover import discover_graph_store, graph_store_candidates
from partnergraph.store.push import STAGING_PREFIX

LEFTOVERS = (
    f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{STAGING_PREFIX}")) }}'
)


@pytest.mark.parametrize(
    "endpoint, credentials, expected",
    [
        ("http://h:7878/query", False, ["http://h:7878/store", "http://h:7878/data"]),
        (
            "http://h:8890/sparql",
            True,
            ["http://h:8890/sparql-graph-crud-auth", "http://h:8890/sparql-graph-crud", "http://h:8890/data"],
        ),
        ("http://h:8890/sparql/", False, ["http://h:8890/sparql-graph-crud", "http://h:8890/data"]),
        (
            "http://h:8890/sparql-auth",
            True,
            ["http://h:8890/sparql-graph-crud-auth", "http://h:8890/sparql-graph-crud"],
        ),
        (
            "http://h:3030/ds/sparql?default-graph-uri=x",
            False,
            ["http://h:3030/ds/sparql-graph-crud", "http://h:3030/ds/data"],
        ),
        ("http://h:3030/ds/query", False, ["http://h:3030/ds/store", "http://h:3030/ds/data"]),
        (
            "http://h:8080/rdf4j-server/repositories/pg",
            False,
            ["http://h:8080/rdf4j-server/repositories/pg/rdf-graphs/service"],
        ),
        ("http://h:7200/repositories/pg", True, ["http://h:7200/repositories/pg/rdf-graphs/service"]),
        ("http://h/ds", False, ["http://h/ds"]),  # no convention: the endpoint itself (Fuseki's dataset URL)
    ],
)
def test_graph_store_candidates_follow_the_servers_conventions(endpoint, credentials, expected):
    assert graph_store_candidates(endpoint, credentials=credentials) == expected


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    """running(kind): one server of each kind for the module, started when first needed."""
    servers = {}

    def get(kind: str):
        if kind not in servers:
            servers[kind] = SERVERS[kind](tmp_path_factory.mktemp(kind))
        return servers[kind]

    yield get
    for server in servers.values():
        server.stop()


@pytest.fixture(params=["oxigraph", "virtuoso"])
def server(request, running):
    return running(request.param)


@pytest.fixture(scope="module")
def read_only_server(tmp_path_factory):
    server = start_oxigraph_read_only(tmp_path_factory.mktemp("read-only"))
    yield server
    server.stop()


def writer(server, **auth) -> RemoteStore:
    return RemoteStore(server.query_url, update_endpoint=server.update_url, **(auth or server.auth))


def test_discovery_finds_the_graph_store_from_the_query_endpoint_alone(server, caplog):
    caplog.set_level("DEBUG", logger="partnergraph")
    store = writer(server)
    assert discover_graph_store(store) == server.graph_store_url
    assert f"{server.graph_store_url}: writes into the query endpoint's dataset" in caplog.text
    assert len(store.select(LEFTOVERS)) == 0


def test_discovery_with_refused_credentials_finds_nothing_and_never_shows_the_password(running, caplog):
    server = running("virtuoso")
    caplog.set_level("DEBUG")
    assert discover_graph_store(writer(server, user="dba", password=SECRET)) is None
    assert "HTTP 401, the credentials were refused" in caplog.text
    assert SECRET not in caplog.text
    assert discover_graph_store(RemoteStore(server.query_url)) is None  # no credentials at all: 403
    assert len(RemoteStore(server.query_url).select(LEFTOVERS)) == 0


def test_a_read_only_server_offers_no_graph_store(read_only_server):
    assert discover_graph_store(RemoteStore(read_only_server.query_url)) is None


def test_a_graph_store_writing_into_another_server_is_not_taken(running, tmp_path, caplog):
    caplog.set_level("DEBUG", logger="partnergraph")
    ours, other = running("oxigraph"), start_oxigraph(tmp_path / "other")
    try:
        store = writer(ours)
        assert discover_graph_store(store, [other.graph_store_url]) is None
        assert "the query endpoint does not see it (it writes into another dataset)" in caplog.text
        assert (
            discover_graph_store(store, [other.graph_store_url, ours.graph_store_url]) == ours.graph_store_url
        )
        for server in (ours, other):  # the probe graphs are gone from both
            assert len(RemoteStore(server.query_url).select(LEFTOVERS)) == 0
    finally:
        other.stop()


def push_args(seed_store, server, monkeypatch) -> list[str]:
    """`partnergraph push` of the seed dump with only the query endpoint (and, for Virtuoso, its update
    endpoint and credentials in the environment)."""
    settings, _ = seed_store
    monkeypatch.delenv("PARTNERGRAPH_USER", raising=False)
    monkeypatch.delenv("PARTNERGRAPH_PASSWORD", raising=False)
    args = ["push", "--dump", str(settings.dumps_dir / "partnergraph.nq"), "--endpoint", server.query_url]
    if server.user:
        monkeypatch.setenv("PARTNERGRAPH_USER", server.user)
        monkeypatch.setenv("PARTNERGRAPH_PASSWORD", server.password)
        args += ["--update-endpoint", server.update_url]
    return args


def test_push_command_finds_and_uses_the_graph_store(seed_store, server, capsys, monkeypatch):
    settings, embedded = seed_store
    args = push_args(seed_store, server, monkeypatch)
    assert main(args) == 0
    out = capsys.readouterr().out
    assert f"graph store: found {server.graph_store_url}" in out
    assert "triples, graph store)" in out
    remote = RemoteStore(server.query_url)
    for name, saved in load_saved_queries(settings.queries_dir).items():
        expected, got = run_query(embedded, saved), run_query(remote, saved)
        assert answer_set(got, saved.text) == answer_set(expected, saved.text), name
    assert main(args) == 0
    assert "0 graph(s) replaced" in capsys.readouterr().out
    assert len(remote.select(LEFTOVERS)) == 0


def test_push_command_says_it_falls_back_to_sparql_update(seed_store, read_only_server, capsys, monkeypatch):
    args = push_args(seed_store, read_only_server, monkeypatch)
    assert main(args) == 2  # no graph store, and the update endpoint refuses writes too
    captured = capsys.readouterr()
    assert "no Graph Store Protocol endpoint found; using SPARQL Update" in captured.out
    assert f"{read_only_server.update_url}: HTTP 403" in captured.err


def test_push_command_with_no_graph_store_uses_sparql_update(seed_store, running, capsys, monkeypatch):
    args = push_args(seed_store, running("oxigraph"), monkeypatch)
    assert main(args + ["--no-graph-store", "--keep-removed"]) == 0
    out = capsys.readouterr().out
    assert "using SPARQL Update (--no-graph-store)" in out and "triples, update)" in out
