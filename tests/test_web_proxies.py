"""Who is a client, for the per-client shares of the query workers (issue 12): the connection's address,
whatever X-Forwarded-For says, unless `serve --trusted-proxies` names the proxy the request came through.
Real `partnergraph serve` processes and real HTTP clients from chosen loopback addresses; the client's
identity is seen through the rule 'one query at a time per client': a second query while the first runs
is refused with 429 when both are one client, with 503 (the worker is busy) when they are two."""

from __future__ import annotations

import itertools
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
from test_web import Served

from partnergraph import iris

SERVE_OPTIONS = ("--timeout", "2", "--workers", "2")  # one worker for untrusted queries
SLOW = "SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }} LIMIT {}"
QUICK = "SELECT (COUNT(*) AS ?n) WHERE {{ ?e a <" + iris.DEF + "Event> }} LIMIT {}"
numbers = itertools.count(1)  # a new text for every query: no answer or refusal is remembered


def client_from(url: str, address: str) -> httpx.Client:
    return httpx.Client(base_url=url, timeout=30, transport=httpx.HTTPTransport(local_address=address))


def second_while_first_runs(url: str, first: tuple[str, str], second: tuple[str, str]) -> httpx.Response:
    """Send a slow query from `first` (socket address, X-Forwarded-For), and while it runs a quick one
    from `second`; the answer to the second."""
    (address1, forwarded1), (address2, forwarded2) = first, second
    with client_from(url, address1) as one, client_from(url, address2) as two, ThreadPoolExecutor(1) as pool:
        slow = pool.submit(
            one.get,
            "/sparql",
            params={"query": SLOW.format(next(numbers))},
            headers={"X-Forwarded-For": forwarded1},
        )
        time.sleep(0.6)  # the slow query holds the worker for 2 s
        answer = two.get(
            "/sparql", params={"query": QUICK.format(next(numbers))}, headers={"X-Forwarded-For": forwarded2}
        )
        assert not slow.done() or slow.result().status_code == 503, "the slow query was not slow"
        assert slow.result().status_code == 503 and "time limit" in slow.result().text
    return answer


def is_one_client(answer: httpx.Response) -> bool:
    if answer.status_code == 429:
        assert "still running" in answer.text
        return True
    assert answer.status_code == 503 and "busy" in answer.text, (answer.status_code, answer.text[:200])
    return False


def test_a_spoofed_forwarded_address_from_loopback_is_the_same_client(server):
    # uvicorn's default believes X-Forwarded-For from 127.0.0.1: a new header per query was a new client
    answer = second_while_first_runs(server.url, ("127.0.0.1", "203.0.113.1"), ("127.0.0.1", "203.0.113.2"))
    assert is_one_client(answer)


def test_two_connections_from_two_addresses_are_two_clients(server):
    answer = second_while_first_runs(server.url, ("127.0.0.31", "203.0.113.3"), ("127.0.0.32", "203.0.113.3"))
    assert not is_one_client(answer)


def test_a_forwarded_scheme_from_anyone_is_not_believed(server):
    with client_from(server.url, "127.0.0.1") as client:
        answer = client.get("/dataset", headers={"Accept": "text/turtle", "X-Forwarded-Proto": "https"})
    assert answer.status_code == 200
    assert f"<{server.url.rstrip('/')}/sparql>" in answer.text and "https://127.0.0.1" not in answer.text


def test_a_trusted_proxy_names_its_clients_and_no_one_else_does(seed_store):
    settings, _store = seed_store
    served = Served(settings.root, *SERVE_OPTIONS, "--trusted-proxies", "127.0.0.40, 127.0.1.0/24")
    try:
        proxy = "127.0.0.40"
        # through the proxy: the forwarded address is the client
        two = second_while_first_runs(served.url, (proxy, "198.51.100.1"), (proxy, "198.51.100.2"))
        assert not is_one_client(two)
        one = second_while_first_runs(served.url, (proxy, "198.51.100.3"), (proxy, "198.51.100.3"))
        assert is_one_client(one)
        # a proxy of the trusted network: the last address its X-Forwarded-For list adds
        through = second_while_first_runs(
            served.url, ("127.0.1.7", "10.1.1.1, 198.51.100.4"), ("127.0.0.40", "10.2.2.2, 198.51.100.4")
        )
        assert is_one_client(through)
        # anyone else: the header is ignored, the connection's address is the client
        spoofed = second_while_first_runs(
            served.url, ("127.0.0.41", "198.51.100.5"), ("127.0.0.41", "198.51.100.6")
        )
        assert is_one_client(spoofed)
        with client_from(served.url, proxy) as client:
            described = client.get(
                "/dataset", headers={"Accept": "text/turtle", "X-Forwarded-Proto": "https"}
            )
        assert "<https://127.0.0.1:" in described.text  # the proxy's scheme is believed
    finally:
        served.stop()


def test_a_bad_trusted_proxy_address_is_refused_in_one_line(tmp_path):
    command = [sys.executable, "-m", "partnergraph.cli", "serve", "--root", str(tmp_path), "--no-build"]
    done = subprocess.run(
        [*command, "--trusted-proxies", "127.0.0.1,proxy.example"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "--trusted-proxies" in done.stderr and "'proxy.example'" in done.stderr
