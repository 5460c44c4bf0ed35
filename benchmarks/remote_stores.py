"""Push time and saved-query latency on real triple stores, as ratios to the embedded store.

For each size (synthetic events from benchmarks/generate.py, about 60 triples an event) one run
measures, on the same data:
* embedded: pyoxigraph bulk load into a fresh on-disk store (the "push" of the embedded store), and
  every saved query (default parameters);
* an Oxigraph server (`oxigraph serve --union-default-graph`) and a Virtuoso (`virtuoso-t`, own ini,
  temporary database), both on loopback ports: `push_dataset` into the empty server (SPARQL Update at
  every size, the Graph Store Protocol up to --gsp-max events), a re-push after one page changed, and
  every saved query through RemoteStore (SPARQLWrapper, JSON results, parsed into rdflib terms).
Query latency is the median of --runs runs (the first included, so a cold cache counts once).

    python benchmarks/remote_stores.py [--sizes 10000 100000] [--runs 3] [--gsp-max 10000]
                                       [--queries NAME ...] [--json benchmarks/out/remote_stores.json]
    python benchmarks/remote_stores.py --report benchmarks/out/remote_stores.json   # tables again

Synthetic N-Quads are cached in benchmarks/out/ (ignored by git), named with the model's fingerprint.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import OUT, cached_nquads  # noqa: E402
from servers import start_oxigraph, start_virtuoso  # noqa: E402

from partnergraph.query import load_saved_queries, run_query  # noqa: E402
from partnergraph.store import EmbeddedStore, RemoteStore  # noqa: E402
from partnergraph.store.push import graphs_from_nquads, local_graph, push_dataset  # noqa: E402


def synthetic(n: int) -> bytes:
    return cached_nquads(n).read_bytes()


def time_queries(store, queries, runs: int, label: str) -> dict[str, dict]:
    results = {}
    for name, saved in queries.items():
        times, rows = [], None
        try:
            for _ in range(runs):
                started = time.perf_counter()
                rows = len(run_query(store, saved))
                times.append(time.perf_counter() - started)
            results[name] = {"seconds": statistics.median(times), "rows": rows}
        except Exception as e:  # noqa: BLE001 - a failing query is a result too
            results[name] = {"seconds": None, "rows": None, "error": str(e).splitlines()[0][:200]}
        print(f"    {label} {name}: {results[name]}", flush=True)
    return results


def one_page_changed(graphs: dict) -> dict:
    import pyoxigraph as ox

    page = next(iri for iri in graphs if "/graph/source/" in iri)
    triples = list(ox.parse(graphs[page].ntriples, format=ox.RdfFormat.N_TRIPLES))
    triples.append(
        ox.Triple(ox.NamedNode(page), ox.NamedNode("http://purl.org/dc/terms/modified"), ox.Literal("now"))
    )
    return {**graphs, page: local_graph(page, triples)}


def bench_size(n: int, runs: int, gsp_max: int, queries, work: Path, save) -> dict:
    print(f"\n== {n} events", flush=True)
    data = synthetic(n)
    started = time.perf_counter()
    graphs = graphs_from_nquads(data)
    prepare = time.perf_counter() - started
    triples = sum(g.triples for g in graphs.values())
    print(f"  {triples} triples in {len(graphs)} graphs; read and hashed in {prepare:.1f} s", flush=True)
    result = {"events": n, "triples": triples, "graphs": len(graphs), "prepare_s": prepare, "backends": {}}

    store = EmbeddedStore(work / "embedded")
    started = time.perf_counter()
    store.load_nquads(data)
    store.ox.flush()
    load = time.perf_counter() - started
    print(f"  embedded: bulk load {load:.1f} s", flush=True)
    result["backends"]["embedded"] = {"push_s": load}
    save(result)
    result["backends"]["embedded"]["queries"] = time_queries(store, queries, runs, "embedded")
    save(result)
    store.close()
    del store, data
    shutil.rmtree(work / "embedded", ignore_errors=True)

    plans = [("oxigraph", "update"), ("virtuoso", "update")]
    if n <= gsp_max:
        plans += [("oxigraph", "graph store"), ("virtuoso", "graph store")]
    for kind, protocol in plans:
        folder = work / f"{kind}-{protocol.replace(' ', '-')}"
        server = start_oxigraph(folder) if kind == "oxigraph" else start_virtuoso(folder, buffers=250_000)
        try:
            writer = RemoteStore(
                server.query_url,
                update_endpoint=server.update_url,
                graph_store=server.graph_store_url if protocol == "graph store" else None,
                timeout=1800,
                **server.auth,
            )
            report = push_dataset(writer, graphs)
            repush = push_dataset(writer, one_page_changed(graphs))
            print(
                f"  {kind} ({protocol}): push {report.seconds:.1f} s, re-push of one changed page "
                f"{repush.seconds:.2f} s",
                flush=True,
            )
            entry = {"push_s": report.seconds, "repush_one_page_s": repush.seconds}
            result["backends"][f"{kind} ({protocol})"] = entry
            save(result)
            if protocol == "update":  # queries once per server
                reader = RemoteStore(server.query_url, timeout=600, retries=0)
                entry["queries"] = time_queries(reader, queries, runs, kind)
                save(result)
        finally:
            server.stop()
            shutil.rmtree(folder, ignore_errors=True)
    return result


def ratio(value, base) -> str:
    if value is None or not base:
        return "-"
    return f"{value / base:.2f}x"


def print_tables(results: list[dict]) -> None:
    for result in results:
        backends = result["backends"]
        base = backends["embedded"]
        if "queries" not in base:
            continue
        print(f"\n{result['events']} events, {result['triples']} triples, {result['graphs']} graphs")
        print(f"{'backend':28} {'push s':>9} {'ratio':>8} {'re-push 1 page s':>17}")
        for name, entry in backends.items():
            repush = entry.get("repush_one_page_s")
            print(
                f"{name:28} {entry['push_s']:9.1f} {ratio(entry['push_s'], base['push_s']):>8} "
                f"{'' if repush is None else f'{repush:.2f}':>17}"
            )
        with_queries = [name for name, entry in backends.items() if "queries" in entry]
        header = "".join(f"{name.split(' ')[0]:>22}" for name in with_queries)
        print(f"\n{'saved query (median s, ratio)':32}{header}")
        for query, base_q in base["queries"].items():
            cells = []
            for name in with_queries:
                q = backends[name]["queries"].get(query, {"seconds": None})
                if q["seconds"] is None:
                    cells.append(f"{'error':>22}")
                elif name == "embedded":
                    cells.append(f"{q['seconds']:>14.3f} ({q['rows']} r)")
                else:
                    cells.append(f"{q['seconds']:>13.3f} {ratio(q['seconds'], base_q['seconds']):>8}")
            print(f"{query:32}" + "".join(cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--gsp-max", type=int, default=10_000, help="largest size also pushed through GSP")
    parser.add_argument("--queries", nargs="+", metavar="NAME", help="only these saved queries")
    parser.add_argument("--json", type=Path, default=OUT / "remote_stores.json")
    parser.add_argument("--report", type=Path, nargs="+", metavar="JSON", help="only print saved results")
    args = parser.parse_args(argv)
    if args.report:
        print_tables([r for path in args.report for r in json.loads(path.read_text())])
        return 0
    queries = load_saved_queries(ROOT / "queries")
    if args.queries:
        queries = {name: queries[name] for name in args.queries}
    results = []

    def save(result):  # after every step, so that an interrupted run keeps what it measured
        done = [r for r in results if r is not result] + [result]
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(done, indent=2))

    with tempfile.TemporaryDirectory(prefix="pg-remote-") as tmp:
        for n in args.sizes:
            results.append(bench_size(n, args.runs, args.gsp_max, queries, Path(tmp) / str(n), save))
    print_tables(results)
    print(f"\n(numbers in {args.json})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
