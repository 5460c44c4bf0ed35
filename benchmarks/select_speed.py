"""What `EmbeddedStore.select` costs over the query itself: every saved query on one synthetic graph,
run on the same on-disk store read raw (pyoxigraph terms: the floor) and through `EmbeddedStore.select`
(rdflib terms), plus the CONSTRUCT of one event through `EmbeddedStore.construct`.

    python benchmarks/select_speed.py --events 10000 [--runs 5] [--nquads /tmp/pg-10k.nq]

Without --nquads the graph is made by benchmarks/generate.py. Prints the median of --runs runs per
query, the ratio select/raw, and the geometric means.
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
    """Run the query on the pyoxigraph store underneath and read every value of every row."""
    n = 0
    for solution in store.ox.query(query, use_default_graph_as_union=True):
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


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10000, help="events in the synthetic graph")
    parser.add_argument("--runs", type=int, default=5, help="runs per query (the median is shown)")
    parser.add_argument("--nquads", type=Path, help="an N-Quads file from generate.py to use instead")
    args = parser.parse_args(argv)

    from partnergraph.query import load_saved_queries
    from partnergraph.store import EmbeddedStore

    with tempfile.TemporaryDirectory() as tmp:
        data_path = args.nquads or Path(tmp) / "graph.nq"
        if not args.nquads:
            cmd = [sys.executable, str(HERE / "generate.py"), str(args.events), "--out", str(data_path)]
            subprocess.run(cmd, check=True)
        store = EmbeddedStore(Path(tmp) / "store")
        store.load_nquads(data_path.read_bytes())
        queries = {name: q.render() for name, q in load_saved_queries(ROOT / "queries").items()}
        event = next(
            iter(
                store.ox.query(
                    "SELECT ?e WHERE { ?e a <https://w3id.org/partnergraph/def/Event> } LIMIT 1",
                    use_default_graph_as_union=True,
                )
            )
        )[0]
        queries["CONSTRUCT one event"] = f"CONSTRUCT {{ {event} ?p ?o }} WHERE {{ {event} ?p ?o }}"

        print(f"{len(store)} quads, median of {args.runs} runs\n")
        print(f"| {'query':<26} | {'rows':>6} | {'raw':>9} | {'select':>9} | select/raw |")
        print(f"|{'-' * 28}|{'-' * 8}|{'-' * 11}|{'-' * 11}|{'-' * 12}|")
        raws, selects = [], []
        for name, text in queries.items():
            if name.startswith("CONSTRUCT"):
                rows = len(store.construct(text))
                raw = median_time(
                    lambda t=text: list(store.ox.query(t, use_default_graph_as_union=True)), args.runs
                )
                select = median_time(lambda t=text: store.construct(t), args.runs)
            else:
                rows = len(store.select(text))
                raw = median_time(lambda t=text: read_raw(store, t), args.runs)
                select = median_time(lambda t=text: store.select(t), args.runs)
            raws.append(raw)
            selects.append(select)
            print(f"| {name:<26} | {rows:>6} | {fmt(raw):>9} | {fmt(select):>9} | x{select / raw:<9.2f} |")

        def geomean(values):
            return math.exp(sum(math.log(v) for v in values) / len(values))

        ratio = geomean([s / r for s, r in zip(selects, raws, strict=True)])
        print(
            f"| {'geometric mean':<26} | {'':>6} | {fmt(geomean(raws)):>9} | {fmt(geomean(selects)):>9} | x{ratio:<9.2f} |"
        )
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
