"""Fair shares of the query workers (issue 12): a client that sends slow ad-hoc queries, each with a new
text so that no refusal is remembered, must not keep other clients from theirs. Real concurrent HTTP
clients, each from its own loopback address (127.0.0.x), against a real `partnergraph serve` process.
(A client alone may use the workers as it likes: test_web_hostile's heavy queries come from one.)"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

from partnergraph import iris

SERVE_OPTIONS = ("--timeout", "2", "--workers", "2")  # one worker for untrusted queries, one for saved
SLOW = "SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }} LIMIT {}"
QUICK = "SELECT (COUNT(*) AS ?n) WHERE {{ ?e a <" + iris.DEF + "Event> }} LIMIT {}"


def client_from(server, address: str) -> httpx.Client:
    transport = httpx.HTTPTransport(local_address=address)
    return httpx.Client(base_url=server.url, timeout=30, transport=transport)


def test_an_attacker_varying_slow_queries_gets_429_and_the_others_get_their_answers(server):
    stop = threading.Event()
    attacks: list[httpx.Response] = []
    honest: list[tuple[float, int]] = []  # (when, status)

    def attack(client: httpx.Client, k: int) -> None:
        n = 0
        while not stop.is_set():
            n += 1
            path = "/query" if n % 2 else "/sparql"  # the ad-hoc page and the protocol share the worker
            attacks.append(client.get(path, params={"query": SLOW.format(1000 * k + n)}))
            time.sleep(0.05)

    def ask(client: httpx.Client, k: int) -> None:
        n = 0
        while not stop.is_set():
            n += 1  # a new text each time: no answer comes from the cache
            response = client.get("/sparql", params={"query": QUICK.format(1000 * k + n), "format": "json"})
            honest.append((time.monotonic(), response.status_code))
            time.sleep(0.2)

    attacker = client_from(server, "127.0.0.2")
    others = [client_from(server, f"127.0.0.{k}") for k in (3, 4)]
    started = time.monotonic()
    with ThreadPoolExecutor(5) as pool:
        futures = [pool.submit(attack, attacker, k) for k in range(3)]
        time.sleep(0.3)  # the attacker first
        futures += [pool.submit(ask, client, k) for k, client in enumerate(others)]
        time.sleep(9)
        stop.set()
        for future in futures:
            future.result()
    stopped = [r for r in attacks if r.status_code == 503 and "time limit" in r.text]
    refused = [r for r in attacks if r.status_code == 429]
    # one slow query ran to the time limit; every other one was refused with a time to come back
    assert len(stopped) == 1, [(r.status_code, r.text[:80]) for r in attacks]
    assert len(refused) == len(attacks) - 1
    assert all(1 <= int(r.headers["Retry-After"]) <= 300 for r in refused)
    assert any("share" in r.text for r in refused) and any("still running" in r.text for r in refused)
    # the others waited at most for the one slow query (2 s), then had every answer
    late = [status for when, status in honest if when > started + 4]
    assert len(late) >= 10 and set(late) == {200}, honest
    for client in (attacker, *others):
        client.close()


def test_one_clients_quick_queries_in_parallel_wait_for_each_other(server):
    with client_from(server, "127.0.0.5") as client, ThreadPoolExecutor(3) as pool:
        answers = list(
            pool.map(
                lambda k: client.get("/sparql", params={"query": QUICK.format(k), "format": "json"}),
                range(3),
            )
        )
    assert [a.status_code for a in answers] == [200, 200, 200]


def test_the_ad_hoc_page_says_why_and_when_to_come_back(server):
    with client_from(server, "127.0.0.6") as client, client_from(server, "127.0.0.7") as other:
        with ThreadPoolExecutor(1) as pool:
            slow = pool.submit(client.get, "/query", params={"query": SLOW.format(9001), "lang": "en"})
            statuses = []
            while not slow.done():  # the other client asks until it finds the worker taken: demand
                statuses.append(other.get("/sparql", params={"query": QUICK.format(7000 + len(statuses))}))
                if statuses[-1].status_code == 503:
                    break
            assert statuses[-1].status_code == 503 and int(statuses[-1].headers["Retry-After"]) >= 1
            assert slow.result().status_code == 503 and "time limit" in slow.result().text
        again = client.get("/query", params={"query": SLOW.format(9002), "lang": "en"})
        assert again.status_code == 429 and "<html" in again.text and "share" in again.text
        assert 290 <= int(again.headers["Retry-After"]) <= 300  # the share: the time limit in 5 minutes
        # the client's saved queries (our text, on the worker kept for them) are not part of its share
        saved = client.get("/queries/partner_countries", params={"format": "csv"})
        assert saved.status_code == 200
        assert other.get("/sparql", params={"query": QUICK.format(8000)}).status_code == 200
