"""Load benchmark of `partnergraph serve`: requests per second and p50/p99 latency of a resource page
and of two saved queries, under a bounded loopback load (a fixed number of concurrent clients, each
sending its next request as soon as the previous one is answered, for a fixed time).

    python benchmarks/web_load.py                           # 2000 synthetic events, 8 clients, 10 s each
    python benchmarks/web_load.py --events 10000 --clients 16 --seconds 20
    python benchmarks/web_load.py --seed-graph              # the repository's own seed graph (build/)
    python benchmarks/web_load.py --nquads FILE --caches 0  # a graph made before, the answer cache off

The portal's pages (home, a browse page, a country page, a search answer) are measured where the
server has them; a page it does not serve yet is named as such. A saved-query page is the HTML page
with its answer (`?run=1`).

The graph is made by benchmarks/generate.py (`generate_nquads`) and loaded into a store in a temporary
project folder; the server is a real `partnergraph serve` process on a free port of 127.0.0.1 (so it
pays HTTP parsing, content negotiation and the query worker processes as in use). The clients are
httpx in one asyncio loop in this process (on the same machine, so they take CPU from the server);
each target is measured on its own. Latency is the time from sending a request to reading the whole
answer. Every answer must be 200, or the run counts an error. Each run is done twice: with the server's
answer cache (the default: a repeated page or query is answered from memory) and with `--cache 0`
(every request describes the resource or runs the query in a worker).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import gc
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))


def make_project(folder: Path, n_events: int, seed: int, nquads_file: Path | None = None) -> Path:
    """A project folder with ontology/, queries/, and build/ holding the synthetic graph in the store
    (loaded and compacted as `build` does) with its aggregates, saved queries' answers, hubs' pages,
    search index and report."""
    from generate import generate_nquads

    from partnergraph.aggregates import write_aggregates
    from partnergraph.query.answers import write_answers
    from partnergraph.search import read_documents, write_index
    from partnergraph.state import SEARCH_FILE
    from partnergraph.store import EmbeddedStore
    from partnergraph.web.hubs import write_hubs

    for name in ("ontology", "queries"):
        shutil.copytree(ROOT / name, folder / name)
    (folder / "data" / "sources").mkdir(parents=True)
    started = time.perf_counter()
    nquads = nquads_file.read_bytes() if nquads_file else generate_nquads(n_events, seed)
    store = EmbeddedStore(folder / "build" / "store")
    store.load_nquads(nquads)
    store.compact()
    quads = len(store)
    write_aggregates(store, folder / "build")
    print(f"aggregates: {time.perf_counter() - started:.1f} s from the start", flush=True)
    write_answers(store, folder / "queries", folder / "build")
    write_hubs(store, folder / "build")
    print(f"answers and hub pages: {time.perf_counter() - started:.1f} s from the start", flush=True)
    write_index(read_documents(store), folder / "build" / SEARCH_FILE)
    (folder / "build" / "report.json").write_text(json.dumps({"triples": quads}))
    store.close()
    del store
    print(f"graph: {quads} quads, made, loaded and aggregated in {time.perf_counter() - started:.1f} s")
    return folder


SERVER_LINES: collections.deque[str] = collections.deque(maxlen=20)  # the server's last lines


def start_server(
    root: Path, workers: int, cache: int, store: str, timeout: float = 30, per_address: int | None = 256
) -> tuple[subprocess.Popen, str]:
    """`per_address`: serve's --max-client-connections (None: its default, 32); every client of this
    benchmark is 127.0.0.1."""
    command = [sys.executable, "-m", "partnergraph.cli", "serve", "--root", str(root), "--port", "0"]
    command += ["--no-build", "--workers", str(workers), "--timeout", f"{timeout:g}", "--cache", str(cache)]
    command += ["--store", store]
    if per_address is not None:
        command += ["--max-client-connections", str(per_address)]
    env = {k: v for k, v in os.environ.items() if k != "PARTNERGRAPH_BUILD"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    deadline = time.monotonic() + 900  # copying 10^5 events into memory takes minutes here
    for line in process.stdout:  # the server prints its URL when it is ready
        if line.startswith("store:"):
            print(line.strip(), flush=True)
        match = re.search(r"serving at (http://\S+/)", line)
        if match:  # its later output is read on, so that a full pipe cannot stop the server
            threading.Thread(target=SERVER_LINES.extend, args=(process.stdout,), daemon=True).start()
            return process, match.group(1)
        if time.monotonic() > deadline:
            break
    process.kill()
    raise RuntimeError("partnergraph serve did not start")


async def hammer(base: str, path: str, clients: int, seconds: float, headers: dict) -> dict:
    import httpx

    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        warm = await client.get(path, headers=headers)  # fill caches, check the target once
        if warm.status_code != 200:
            raise RuntimeError(f"{path}: {warm.status_code} {warm.text[:200]}")
        stop = time.perf_counter() + seconds

        async def one_client():
            nonlocal errors
            while time.perf_counter() < stop:
                started = time.perf_counter()
                response = await client.get(path, headers=headers)
                await response.aread()
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "bytes": len(warm.content),
    }


HTML = {"Accept": "text/html"}
# the portal's pages (issue 13), measured where the server has them: the first path that answers
PORTAL = [
    ("home page", ["/"]),
    ("browse page: events", ["/events", "/browse/events"]),
    ("country page (Germany)", ["/country/de", "/partnergraph/id/country/de"]),
    ("search answer", ["/search?q=Berlin", "/search?q=bezdomnych"]),
]


def first_event_with_city(root: Path) -> str:
    """The first event (in date order) that involves a city, from the build's aggregates: a query with
    ORDER BY over every event would take a worker longer than its time limit at 10^5 on a loaded machine.
    The file is read and dropped, not kept (as load_aggregates keeps it): at 10^5 events its millions of
    objects made every full collection of this process's garbage collector take 1-2 s, a pause of all
    the clients that showed as the p99 of the first target measured (the home page)."""
    aggregates = json.loads((root / "build" / "aggregates.json").read_bytes())
    event = next(e["iri"] for e in aggregates["events"] if e["cities"])
    del aggregates
    gc.collect()
    return event


def pick_targets(base: str, root: Path) -> list[tuple[str, str, dict]]:
    import httpx

    from partnergraph import iris

    page = "/partnergraph/" + first_event_with_city(root)[len(iris.BASE) :]
    targets = []
    for label, paths in PORTAL:
        found = next(
            (
                p
                for p in paths
                if httpx.get(base + p.lstrip("/"), headers=HTML, timeout=120).status_code == 200
            ),
            None,
        )
        if found:
            targets.append((f"{label} {found}", found, HTML))
        else:
            print(f"{label}: not served yet ({', '.join(paths)} answer no 200)")
    return targets + [
        ("saved-query page partner_countries", "/queries/partner_countries?run=1", HTML),
        ("resource page (HTML)", page, HTML),
        ("resource (Turtle)", page, {"Accept": "text/turtle"}),
        ("saved query partner_countries (JSON)", "/queries/partner_countries?format=json", {}),
        (
            "saved query events_on_topic (JSON)",
            "/queries/events_on_topic?topic=homelessness&year_from=2005&year_to=2020&format=json",
            {},
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=2000, help="synthetic events (default 2000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--seconds", type=float, default=10, help="seconds per target (default 10)")
    parser.add_argument("--workers", type=int, default=2, help="the server's query workers (default 2)")
    parser.add_argument("--seed-graph", action="store_true", help="serve the repository's build/ instead")
    parser.add_argument("--nquads", type=Path, help="serve this N-Quads file instead of generating one")
    parser.add_argument("--prepare-only", action="store_true", help="make the --project and stop")
    parser.add_argument(
        "--project", type=Path, help="make the project here and keep it; a project made before is reused"
    )
    parser.add_argument("--caches", type=int, nargs="+", default=[256, 0], help="answer cache sizes to run")
    parser.add_argument("--store", choices=("auto", "memory", "disk"), default="auto", help="serve --store")
    parser.add_argument(
        "--settle",
        type=float,
        default=0,
        metavar="S",
        help="wait S seconds after the server starts before measuring (its workers' copies in memory are "
        "made in the background; default 0: measured from the start)",
    )
    args = parser.parse_args(argv)
    import httpx

    with tempfile.TemporaryDirectory(prefix="pg-web-load-") as tmp:
        if args.seed_graph:
            root = ROOT
        elif args.project and (args.project / "build" / "search.sqlite").is_file():
            root = args.project
        else:
            root = make_project(args.project or Path(tmp), args.events, args.seed, args.nquads)
        if args.prepare_only:
            return 0
        print(f"{args.clients} concurrent clients, {args.seconds:g} s per target, cpus: {os.cpu_count()}")
        for cache in args.caches:
            process, base = start_server(root, args.workers, cache, args.store)
            started = time.monotonic()
            try:
                time.sleep(args.settle)
                state = (
                    "on (repeated requests answered from memory)"
                    if cache
                    else "off (every request does the work)"
                )
                print(f"\nserver {base}, {args.workers} query workers, cache {state}")
                print(
                    f"load average {os.getloadavg()[0]:.1f}; measured from {time.monotonic() - started:.0f} s after start-up"
                )
                print(
                    f"{'target':40} {'requests':>8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6} "
                    f"{'bytes':>8}"
                )
                for label, path, headers in pick_targets(base, root):
                    try:
                        result = asyncio.run(hammer(base, path, args.clients, args.seconds, headers))
                    except (
                        RuntimeError,
                        OSError,
                        httpx.HTTPError,
                    ) as e:  # the first request failed: say so, go on
                        print(f"{label:40} not measured: {str(e)[:120]}", flush=True)
                        print("".join(f"  server: {line}" for line in SERVER_LINES), end="", flush=True)
                        continue
                    print(
                        f"{label:40} {result['requests']:8d} {result['rps']:8.1f} {result['p50']:8.1f} "
                        f"{result['p99']:8.1f} {result['errors']:6d} {result['bytes']:8d}",
                        flush=True,
                    )
            finally:
                process.terminate()
                process.wait(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
