"""Abuse benchmark of `partnergraph serve`: hostile clients beside normal traffic, on loopback.

    python benchmarks/abuse.py                      # 1000 synthetic events, 20 s of abuse
    python benchmarks/abuse.py --events 2000 --seconds 30 --attackers 4
    python benchmarks/abuse.py --vary              # attackers change the query itself each time

The server is a real `partnergraph serve` process (defaults: 2 workers, 10 s time limit, 512 MB per
worker) over a synthetic graph (benchmarks/generate.py, via web_load.make_project). For `--seconds`,
`--attackers` hostile clients each loop over: an ORDER BY over a cross join, a 1 KB query whose nested
CONCAT makes an 84 MB row, 3,000 nested groups, a SERVICE call to a port of this machine, a focused
network page at depth 3 and at depth 9, and 200 connections from one address of their own that send their
headers a byte a second (the server keeps 32 of them open, `--max-client-connections`).
Beside them, four normal clients each ask for one thing, a request every 50 ms after the last answer: a
resource page (HTML), the same in Turtle, a saved query as CSV, a small ad-hoc query. The script prints, per kind of normal request, its count,
p50 and p99 latency and the share not answered 200 (an ad-hoc query may get a quick 503 + Retry-After
while the workers are taken by attackers; an attacker, each from its own loopback address, gets 429 once
it has had its share of the workers); what the attackers got; and the peak resident memory of the
server and its workers together (sampled every 0.2 s from /proc).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

HOSTILE = {
    "cross join sort": "SELECT ?a ?b ?c WHERE { ?a ?x ?b . ?c ?y ?d } ORDER BY ?a ?b ?c ?d LIMIT 1",
    "84 MB row": 'SELECT ?v23 WHERE { BIND("0123456789" AS ?v0) '
    + " ".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(23))
    + " }",
    "3000 nested groups": "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000,
    "SERVICE to loopback": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }",
}


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, from /proc."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def slowloris(host: str, port: int, count: int, stop: float, held: list) -> None:
    """`count` connections from an address of their own that send a header byte a second until `stop`;
    `held` counts those the server has not closed."""
    sockets = []
    for _ in range(count):
        try:
            s = socket.create_connection((host, port), timeout=2, source_address=("127.0.0.9", 0))
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
            sockets.append(s)
        except OSError:
            pass
    while time.monotonic() < stop and sockets:
        alive = []
        for s in sockets:
            try:
                s.sendall(b"X")
                alive.append(s)
            except OSError:
                s.close()
        sockets = alive
        held.append(len(sockets))
        time.sleep(1)
    for s in sockets:
        s.close()


async def run(
    base: str, pid: int, seconds: float, attackers: int, event_page: str, vary: bool = False
) -> dict:
    import httpx

    from partnergraph import iris

    normal = {
        "resource page (HTML)": (event_page, {"Accept": "text/html"}),
        "resource (Turtle)": (event_page, {"Accept": "text/turtle"}),
        "saved query (CSV)": ("/queries/partner_countries?format=csv&year_from={n}", {}),
        "ad-hoc query": (
            "/sparql?query=SELECT%20%3Fs%20WHERE%20%7B%20%3Fs%20a%20%3Ft%20%7D%20LIMIT%20{n}",
            {},
        ),
    }
    latencies = collections.defaultdict(list)
    refused = collections.Counter()
    hostile = collections.defaultdict(collections.Counter)
    peak = [tree_rss_mb(pid)]
    stop = time.monotonic() + seconds

    async def sample():
        while time.monotonic() < stop:
            peak.append(tree_rss_mb(pid))
            await asyncio.sleep(0.2)

    async def normal_client(client, name, path, headers):
        n = 0
        while time.monotonic() < stop:
            n += 1
            started = time.perf_counter()
            response = await client.get(
                path.format(n=2000 + n % 20 if "year" in path else n), headers=headers
            )
            latencies[name].append(time.perf_counter() - started)
            if response.status_code != 200:
                refused[name] += 1
            await asyncio.sleep(0.05)

    async def attacker(client, k):
        focus = iris.BASE + "id/country/de"
        n = 0
        while time.monotonic() < stop:
            for name, query in HOSTILE.items():
                n += 1  # --vary: a new query each time (an OFFSET), not only a new comment
                change = f" OFFSET {1000000 * k + n}" if vary else f" # {k}-{time.time()}"
                response = await client.post("/sparql", data={"query": query + change})
                hostile[name][response.status_code] += 1
            for depth in (3, 9):
                response = await client.get("/network", params={"focus": focus, "depth": depth})
                hostile[f"network depth {depth}"][response.status_code] += 1

    host, port = base.split("//")[1].strip("/").split(":")
    held: list[int] = []
    loris = threading.Thread(target=slowloris, args=(host, int(port), 200, stop, held), daemon=True)
    loris.start()
    timeout = httpx.Timeout(60)
    # each attacker from its own loopback address, the normal clients from 127.0.0.1: the server gives
    # each address its share of the query workers
    bad = [
        httpx.AsyncClient(
            base_url=base,
            timeout=timeout,
            transport=httpx.AsyncHTTPTransport(local_address=f"127.0.0.{10 + k}"),
        )
        for k in range(attackers)
    ]
    async with httpx.AsyncClient(base_url=base, timeout=timeout) as good:
        await asyncio.gather(
            sample(),
            *(normal_client(good, name, *target) for name, target in normal.items()),
            *(attacker(bad[k], k) for k in range(attackers)),
        )
    for client in bad:
        await client.aclose()
    loris.join(5)
    return {"latencies": latencies, "refused": refused, "hostile": hostile, "peak": max(peak), "held": held}


def main(argv: list[str] | None = None) -> int:
    from web_load import make_project, start_server

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1000, help="synthetic events (default 1000)")
    parser.add_argument("--seconds", type=float, default=20, help="length of the abuse (default 20)")
    parser.add_argument("--attackers", type=int, default=3, help="hostile clients (default 3)")
    parser.add_argument(
        "--vary", action="store_true", help="attackers change each query (an OFFSET), not only a comment"
    )
    args = parser.parse_args(argv)

    import httpx

    from partnergraph import iris

    with tempfile.TemporaryDirectory() as folder:
        root = make_project(Path(folder), args.events, seed=0)
        process, base = start_server(  # serve's defaults
            root, workers=2, cache=256, store="auto", timeout=10, per_address=None
        )
        try:
            query = f"SELECT ?e WHERE {{ ?e a <{iris.DEF}Event> }} ORDER BY ?e LIMIT 1"
            answer = httpx.get(base + "sparql", params={"query": query, "format": "json"}, timeout=60).json()
            event = answer["results"]["bindings"][0]["e"]["value"]
            page = "/partnergraph/" + event[len(iris.BASE) :]
            idle = tree_rss_mb(process.pid)
            result = asyncio.run(run(base, process.pid, args.seconds, args.attackers, page, args.vary))
            alive = process.poll() is None
        finally:
            process.terminate()
            process.wait(15)
    print(f"server memory: {idle:.0f} MB idle, peak {result['peak']:.0f} MB (server + workers) under abuse")
    print(f"server still running after the abuse: {alive}")
    held = result["held"]
    counts = [held[0], held[min(2, len(held) - 1)], held[-1]] if held else [0, 0, 0]
    print(  # a connection the server refused takes its first byte before the close reaches us
        "slow-header connections: {} open after their first byte, {} after 2 s, {} at the end".format(*counts)
    )
    print(f"{'normal request':28} {'n':>5} {'p50 ms':>8} {'p99 ms':>8} {'not 200':>8}")
    for name, values in result["latencies"].items():
        values.sort()
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        share = result["refused"][name] / len(values)
        print(
            f"{name:28} {len(values):5d} {statistics.median(values) * 1000:8.0f} {p99 * 1000:8.0f} {share:8.1%}"
        )
    print("hostile requests -> status codes")
    for name, codes in result["hostile"].items():
        print(f"  {name:24} {dict(sorted(codes.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
