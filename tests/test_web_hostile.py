"""Hostile clients against a real `partnergraph serve` process (and the CLI): server-side request
forgery through SERVICE, injection through saved-query parameters, queries that crash or exhaust the
engine. Each test sends what an attacker would send and checks the server refused it before it cost
anything, and still answers everyone else."""

from __future__ import annotations

import csv
import io
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest
from test_web import Served

from partnergraph import iris

COUNT_QUERY = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?e a <{iris.DEF}Event> }}"


@pytest.fixture(scope="module")
def server(seed_store):
    settings, _store = seed_store
    served = Served(settings.root, "--timeout", "3", "--max-results", "2000", "--workers", "2")
    yield served
    served.stop()


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def events(client) -> int:
    response = client.get("/sparql", params={"query": COUNT_QUERY, "format": "json"})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


class Listener:
    """A TCP port on loopback that records every connection and answers with a marker body."""

    MARKER = b"SECRET-INTERNAL-ANSWER"

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            with conn:
                conn.settimeout(1)
                try:
                    conn.recv(65536)
                except OSError:
                    pass
                body = self.MARKER
                conn.sendall(b"HTTP/1.1 500 Oops\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))

    def close(self):
        self.running = False
        self.thread.join(2)
        self.sock.close()


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
        "select * where {{ service silent <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
        "PREFIX e: <http://127.0.0.1:{port}/> ASK {{ ?s ?p ?o . SERVICE e:x {{ ?s ?p ?o }} }}",
        "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ # comment {{\n SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
    ],
    ids=["select", "lowercase-silent", "prefixed", "after-comment"],
)
def test_service_never_makes_the_server_connect_anywhere(client, template):
    listener = Listener()
    try:
        query = template.format(port=listener.port)
        for method in ("GET", "POST"):
            if method == "GET":
                response = client.get("/sparql", params={"query": query})
            else:
                response = client.post(
                    "/sparql", content=query, headers={"Content-Type": "application/sparql-query"}
                )
            assert response.status_code == 400, response.text
            assert "SERVICE" in response.text
            assert Listener.MARKER.decode() not in response.text
        page = client.get("/query", params={"query": query})
        assert page.status_code == 400 and Listener.MARKER.decode() not in page.text
        time.sleep(0.3)
        assert listener.connections == 0
    finally:
        listener.close()


def test_the_word_service_elsewhere_is_not_refused(client):
    query = (
        'PREFIX service: <urn:service:> SELECT ?service WHERE { BIND("SERVICE <http://127.0.0.1:1/>" AS ?service) '
        "FILTER(?service != service:x) } # SERVICE <http://127.0.0.1:1/>"
    )
    response = client.get("/sparql", params={"query": query, "format": "json"})
    assert response.status_code == 200, response.text
    assert response.json()["results"]["bindings"][0]["service"]["value"].startswith("SERVICE")


# --- saved-query parameters ------------------------------------------------------------------------

HOSTILE_TEXTS = [
    '" || true) #',
    '\\" || true) #',
    '\\\\" || true) #',
    '") } UNION { ?annotation ?x ?y } #',
    "' || true) #",
    'x"\n|| true) #',
    "\\u0022 || true) #",
    "$field",
]


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))[1:]


@pytest.mark.parametrize("value", HOSTILE_TEXTS)
def test_a_text_parameter_is_one_literal_over_http(client, value):
    everything = client.get("/queries/event_evidence", params={"field": "any", "format": "csv"})
    assert everything.status_code == 200 and len(csv_rows(everything.text)) > 10
    response = client.get("/queries/event_evidence", params={"field": value, "format": "csv"})
    assert response.status_code == 200, response.text
    assert csv_rows(response.text) == []  # no field has that name: no rows, not all of them
    page = client.get("/queries/event_evidence", params={"field": value, "run": "1"})
    assert page.status_code == 200


def test_a_text_parameter_matches_itself_exactly(client):
    one = client.get("/queries/event_evidence", params={"field": "involvesCity", "format": "csv"})
    rows = csv_rows(one.text)
    assert rows and {row[3] for row in rows} == {"involvesCity"}


def partnergraph(*args, root, stdin=None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PARTNERGRAPH_BUILD"}
    return subprocess.run(
        [sys.executable, "-m", "partnergraph.cli", *args, "--root", str(root)],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        timeout=120,
    )


def test_a_text_parameter_is_one_literal_on_the_command_line(seed_settings):
    for value in HOSTILE_TEXTS[:3]:
        done = partnergraph(
            "query", "event_evidence", "--param", f"field={value}", "--format", "csv", root=seed_settings.root
        )
        assert done.returncode == 0, done.stderr
        assert csv_rows(done.stdout) == []


def test_parameters_are_substituted_in_one_pass():
    from partnergraph.query.saved import Parameter, SavedQuery

    saved = SavedQuery(
        name="two",
        path=None,
        text="SELECT * WHERE { ?s ?p ?o FILTER(?o = $a || ?o = $b) }",
        parameters={"a": Parameter("a", "string", None), "b": Parameter("b", "string", None)},
    )
    text = saved.render({"a": "$b", "b": '" || true) #'})
    assert text.endswith('FILTER(?o = "$b" || ?o = "\\" || true) #") }')


# --- queries that crash the engine ------------------------------------------------------------------


def nested(depth: int) -> str:
    return "SELECT * WHERE " + "{" * depth + " ?s ?p ?o " + "}" * depth


def chained(length: int) -> str:
    return "SELECT * WHERE { BIND(1" + "+1" * length + " AS ?x) }"


@pytest.mark.parametrize("query", [nested(3000), chained(10000), "SELECT * WHERE { BIND((((" * 400 + "1"])
def test_queries_that_crash_the_engine_are_refused_before_it(server, client, query):
    before, deaths = events(client), "".join(server.output).count("died")
    response = client.post("/sparql", data={"query": query})
    assert response.status_code == 400, response.text[:200]
    assert "nests" in response.text or "tokens" in response.text
    assert events(client) == before
    assert "".join(server.output).count("died") == deaths


def test_a_deeply_nested_query_on_the_command_line_is_exit_2(seed_settings):
    done = partnergraph("query", "-", root=seed_settings.root, stdin=nested(3000))
    assert done.returncode == 2, (done.returncode, done.stderr[-300:])
    assert "nests" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_normal_nesting_passes(client):
    response = client.get("/sparql", params={"query": nested(20) + " LIMIT 5", "format": "json"})
    assert response.status_code == 200


def worker_pids(server) -> list[int]:
    out = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(server.process.pid)], capture_output=True, text=True
    ).stdout
    return [int(p) for p in out.split()]


def test_a_dead_worker_is_logged_and_replaced(server, client):
    pids = worker_pids(server)
    assert len(pids) >= 2, pids
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    time.sleep(0.5)
    for n in range(3):
        response = client.get("/sparql", params={"query": f"{COUNT_QUERY} LIMIT {n + 1}", "format": "json"})
        assert response.status_code == 200, response.text
    log = "".join(server.output)
    assert "query worker" in log and "died" in log and "signal 9" in log, log[-2000:]
