"""What `EmbeddedStore.select` costs over the query itself: every saved query on one synthetic graph,
read raw (every value of every row as a pyoxigraph term) from in-memory pyoxigraph (the floor) and
from the on-disk `EmbeddedStore` (in memory with --memory), and through `EmbeddedStore.select` on that
store (rdflib terms); the last row is the CONSTRUCT of one event (`EmbeddedStore.construct`).

    python benchmarks/select_speed.py --events 10000 [--runs 5] [--nquads /tmp/pg-10k.nq] [--memory]

Without --nquads the graph is made by benchmarks/generate.py. Prints a Markdown table: the median of --runs
runs per query, the ratios, and the geometric means over the queries.
"""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def read_raw(store, query: str) -> int:
    """Run the query on a pyoxigraph store and read every value of every row."""
    n = 0
    for solution in store.query(query, use_default_graph_as_union=True):
        for _value in solution:
            pass
        n += 1
    return n


def median_time(run, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def geomean(values) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10000, help="events in the synthetic graph")
    parser.add_argument("--runs", type=int, default=5, help="runs per query (the median is shown)")
    parser.add_argument("--nquads", type=Path, help="an N-Quads file from generate.py to use instead")
    parser.add_argument(
        "--memory",
        action="store_true",
        help="EmbeddedStore in memory: the conversion's cost without the disk's",
    )
    args = parser.parse_args(argv)

    import pyoxigraph as ox

    from partnergraph.query import load_saved_queries
    from partnergraph.store import EmbeddedStore

    with tempfile.TemporaryDirectory() as tmp:
        data_path = args.nquads or Path(tmp) / "graph.nq"
        if not args.nquads:
            cmd = [sys.executable, str(HERE / "generate.py"), str(args.events), "--out", str(data_path)]
            subprocess.run(cmd, check=True)
        data = data_path.read_bytes()
        store = EmbeddedStore(None if args.memory else Path(tmp) / "store")
        store.load_nquads(data)
        memory = ox.Store()
        memory.bulk_load(data, ox.RdfFormat.N_QUADS)
        del data
        queries = {name: q.render() for name, q in load_saved_queries(ROOT / "queries").items()}
        first = "SELECT ?e WHERE { ?e a <https://w3id.org/partnergraph/def/Event> } LIMIT 1"
        event = next(memory.query(first, use_default_graph_as_union=True))[0]
        queries["CONSTRUCT one event"] = f"CONSTRUCT {{ {event} ?p ?o }} WHERE {{ {event} ?p ?o }}"

        where = "in memory" if args.memory else "on disk"
        print(f"{len(store)} quads, EmbeddedStore {where}, median of {args.runs} runs\n")
        print("| query | rows | memory raw | store raw | select | select/store raw | select/memory raw |")
        print("|---|--:|--:|--:|--:|--:|--:|")
        columns = []
        for name, text in queries.items():
            if name.startswith("CONSTRUCT"):
                rows = len(store.construct(text))
                times = [
                    median_time(
                        lambda t=text, s=s: list(s.query(t, use_default_graph_as_union=True)), args.runs
                    )
                    for s in (memory, store.ox)
                ]
                times.append(median_time(lambda t=text: store.construct(t), args.runs))
            else:
                rows = len(store.select(text))
                times = [
                    median_time(lambda t=text, s=s: read_raw(s, t), args.runs) for s in (memory, store.ox)
                ]
                times.append(median_time(lambda t=text: store.select(t), args.runs))
            columns.append(times)
            mem, raw, select = times
            cells = [
                name,
                str(rows),
                fmt(mem),
                fmt(raw),
                fmt(select),
                f"x{select / raw:.2f}",
                f"x{select / mem:.1f}",
            ]
            print("| " + " | ".join(cells) + " |", flush=True)
        mem, raw, select = (geomean(c) for c in zip(*columns, strict=True))
        cells = [
            "geometric mean",
            "",
            fmt(mem),
            fmt(raw),
            fmt(select),
            f"x{select / raw:.2f}",
            f"x{select / mem:.1f}",
        ]
        print("| " + " | ".join(cells) + " |")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
