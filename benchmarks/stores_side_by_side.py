"""Every saved query on every store, side by side on the same data: times, ratios to Virtuoso, peak
memory, and whether the stores give the same rows (any difference is printed).

    python benchmarks/stores_side_by_side.py --events 10000                 # all stores, 3 runs
    python benchmarks/stores_side_by_side.py --nquads FILE --stores disk memory oxigraph virtuoso
    python benchmarks/stores_side_by_side.py --events 2000 --runs 1 --check # rows only: differences

Stores, each loaded from the same N-Quads (benchmarks/generate.py, or --nquads) in a process of its own:
  disk      the project's store as `partnergraph query` opens it: bulk-loaded on disk and compacted as
            `build` does (timed, with the aggregates `build` computes from it), then opened read-only;
            rows as rdflib terms
  query     what `partnergraph query NAME` and a saved query's page answer: the answer `build` kept
            for the query's text (query/answers.py: every saved query at its defaults, computed at
            load here from the same store in memory, not timed), read from its file; a query with more
            rows than the cap, or not kept, runs on the store on disk as above
  memory    the same store in memory, as `serve` holds it when it fits (`serve --store memory`)
  oxigraph  `oxigraph serve --union-default-graph`, loaded with `oxigraph load`; through RemoteStore
  virtuoso  Virtuoso 7 (`virtuoso-t`, tests/servers.py), loaded with its bulk loader (ld_dir +
            rdf_loader_run through isql); through RemoteStore
  rdflib    rdflib.Dataset(default_union=True) in memory: the baseline (slow: not by default at 10^5)

Every query runs --runs times per store (rdflib once), interleaved (each query on every store in turn, the order of
the stores rotating from one query to the next), the first run cold; the median is reported. Rows are
compared as answer sets, normalised as tests/test_remote_stores.py does for differences that are the
servers' documented properties (integer subtypes, decimal and WKT forms, GROUP_CONCAT order).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import multiprocessing as mp
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

STORES = ("disk", "query", "memory", "oxigraph", "virtuoso", "rdflib")
REFERENCE = "virtuoso"
OVER_MEMORY = "over the memory limit"  # a server stopped while answering: what the rows column says


class Cap(Exception):
    pass


# ---- one worker process per store --------------------------------------------------------------------


def peak_kb(pid: int | None = None) -> int:
    """Peak resident memory in kB: of this process, or of another (its VmHWM)."""
    if pid is None:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return _status_kb(pid, "VmHWM:")


def resident_kb(pid: int) -> int:
    """Resident memory of a process in kB."""
    return _status_kb(pid, "VmRSS:")


def _status_kb(pid: int, field: str) -> int:
    """A field of /proc/PID/status in kB; 0 for a process that has gone (a server that died, or was stopped
    for its memory: 0, not a lost run)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            return next((int(line.split()[1]) for line in f if line.startswith(field)), 0)
    except OSError:
        return 0


class MemoryLimit:
    """Stops a server whose resident memory passes `limit_mb` while it answers a query, so that the query
    is reported as over the limit instead of the machine running out of memory: at 10^5 events Virtuoso
    7.2 grew past 15 GB on a saved query (its MaxQueryMem is 1 GB) and the kernel killed it, with the
    other stores' workers beside it."""

    def __init__(self, server, limit_mb: float):
        self.server, self.limit_kb = server, limit_mb * 1024
        self.peak_kb = 0  # the largest resident size seen, over restarts

    def __enter__(self) -> MemoryLimit:
        self.passed, self.done, checked = False, threading.Event(), threading.Event()

        def watch(pid: int) -> None:
            while True:
                size = resident_kb(pid)
                self.peak_kb = max(self.peak_kb, size)
                if size > self.limit_kb:
                    self.passed = True
                    self.server.kill()
                checked.set()  # the query is sent after the first look: a tiny limit stops every query
                if self.passed or self.done.wait(0.2):
                    return

        threading.Thread(target=watch, args=(self.server.process.pid,), daemon=True).start()
        checked.wait()
        return self

    def __exit__(self, *exc) -> None:
        self.done.set()


def open_store(kind: str, nquads: Path, folder: Path) -> tuple[object, dict, object]:
    """(store, what loading took, server or None)."""
    from partnergraph.store import EmbeddedStore, RemoteStore

    started = time.perf_counter()
    info: dict = {}
    if kind == "query":
        store = KeptAnswers(nquads, folder)
        info["load_s"], info["answers_s"] = time.perf_counter() - started, store.answers_s
        return store, info, None
    if kind == "disk":
        from partnergraph.aggregates import compute_aggregates

        store = EmbeddedStore(folder / "store")
        store.load_nquads(nquads.read_bytes())
        info["load_s"] = time.perf_counter() - started
        compacting = time.perf_counter()
        store.compact()
        info["compact_s"] = time.perf_counter() - compacting
        store.close()
        del store
        store = EmbeddedStore(folder / "store", read_only=True)
        computing = time.perf_counter()
        compute_aggregates(store)
        info["aggregates_s"] = time.perf_counter() - computing
        return store, info, None
    if kind == "memory":
        store = EmbeddedStore()
        store.load_nquads(nquads.read_bytes())
        info["load_s"] = time.perf_counter() - started
        return store, info, None
    if kind == "rdflib":
        from rdflib import Dataset

        dataset = Dataset(default_union=True)
        dataset.parse(str(nquads), format="nquads")
        info["load_s"] = time.perf_counter() - started
        return dataset, info, None
    from servers import start_oxigraph, start_virtuoso

    if kind == "oxigraph":
        binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        subprocess.run(
            [binary, "load", "--location", str(folder / "data"), "--file", str(nquads)], check=True
        )
        server = start_oxigraph(folder)
    else:
        server = start_virtuoso(folder, buffers=int(os.environ.get("VIRTUOSO_BUFFERS", "200000")))
        ini = (folder / "virtuoso.ini").read_text()
        sql_port = ini.split("[Parameters]")[1].split("ServerPort = ")[1].split()[0]
        shutil.copy(nquads, folder / "data.nq")
        loader = f"ld_dir('{folder}', 'data.nq', 'urn:default'); rdf_loader_run(); checkpoint;"
        subprocess.run(
            ["isql-vt", sql_port, "dba", "dba", f"exec={loader}"], check=True, stdout=subprocess.DEVNULL
        )
    info["load_s"] = time.perf_counter() - started
    return RemoteStore(server.query_url, timeout=900), info, server


class KeptAnswers:
    """The saved queries' kept answers in `folder` (written as `build` writes them, from a copy of the
    graph in memory) before the store on disk there (loaded and compacted as `build` does)."""

    def __init__(self, nquads: Path, folder: Path):
        from partnergraph.query import load_saved_queries
        from partnergraph.query.answers import FOLDER, write_answers
        from partnergraph.query.guard import query_key
        from partnergraph.store import EmbeddedStore

        data = nquads.read_bytes()
        memory = EmbeddedStore()
        memory.load_nquads(data)
        self.answers_s = sum(write_answers(memory, ROOT / "queries", folder).values())
        memory.close()
        disk = EmbeddedStore(folder / "store")
        disk.load_nquads(data)
        disk.compact()
        disk.close()
        self.store = EmbeddedStore(folder / "store", read_only=True)
        self.folder, self.query_key = folder, query_key
        self.saved = load_saved_queries(ROOT / "queries")
        self.names = {}  # a kept text's key -> its query's name: which file `query NAME` reads
        for path in (folder / FOLDER).glob("*.json"):
            for variant in json.loads(path.read_text(encoding="utf-8"))["variants"]:
                self.names[variant["key"]] = path.stem

    def select(self, text: str):
        from partnergraph.query.answers import find_answer
        from partnergraph.store import Rows

        name = self.names.get(self.query_key(text))
        kept = find_answer(self.folder, self.saved[name], text) if name else None
        return Rows(*kept) if isinstance(kept, tuple) else self.store.select(text)


def select(store, text: str):
    """Rows of a query as partnergraph's Rows (rdflib's result converted alike)."""
    from partnergraph.store import Rows

    if hasattr(store, "select"):
        return store.select(text)
    result = store.query(text)
    names = [str(v) for v in result.vars]
    return Rows(names, [{n: row[n] for n in names if row[n] is not None} for row in result])


def worker(kind: str, nquads: Path, conn, cap: float, memory_mb: float) -> None:
    from test_remote_stores import answer_set

    from partnergraph.store import RemoteStore

    folder = Path(tempfile.mkdtemp(prefix=f"pg-sbs-{kind}-"))
    server = None
    try:
        store, info, server = open_store(kind, nquads, folder)
        conn.send(info)
        limit = MemoryLimit(server, memory_mb) if server else None

        def alarm(_signum, _frame):
            raise Cap

        signal.signal(signal.SIGALRM, alarm)
        while True:
            message = conn.recv()
            if message is None:
                break
            text, compare = message
            if limit and not server.alive():  # stopped for its memory: started again on its database
                server.start(timeout=600)
                store = RemoteStore(server.query_url, timeout=900)
            started = time.perf_counter()
            try:
                if kind == "rdflib":  # pure Python: an alarm stops it; Oxigraph and servers run on
                    signal.setitimer(signal.ITIMER_REAL, cap)
                with limit or contextlib.nullcontext():
                    rows = select(store, text)
                seconds = time.perf_counter() - started
                conn.send((seconds, len(rows), answer_set(rows, text) if compare else None))
            except Cap:
                conn.send((math.inf, None, None))
            except Exception as e:  # a store's failure is a result of the benchmark, not its end
                if limit and limit.passed:
                    conn.send((math.inf, OVER_MEMORY, None))
                else:
                    conn.send((math.nan, f"{type(e).__name__}: {str(e)[:200]}", None))
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        peak = max(peak_kb(server.process.pid), limit.peak_kb) if server else peak_kb()
        conn.send({"peak_mb": peak / 1024})
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)


# ---- the driver ------------------------------------------------------------------------------------------


def geomean(values: list[float]) -> float:
    return math.exp(statistics.fmean(math.log(v) for v in values)) if values else math.nan


def run(
    nquads: Path, stores: list[str], runs: int, cap: float, names: list[str] | None, also=(), memory_mb=6144.0
) -> dict:
    from partnergraph.query import load_saved_queries, parse_saved_query

    queries = load_saved_queries(ROOT / "queries")
    names = names or sorted(queries)
    for path in also:  # more queries, e.g. another way of writing a saved one
        queries[path.stem] = parse_saved_query(path)
        names.append(path.stem)
    context = mp.get_context("fork")
    workers = {}
    loads = {}
    for kind in stores:  # loaded one after the other, so that each load has the machine to itself
        parent, child = context.Pipe()
        process = context.Process(target=worker, args=(kind, nquads, child, cap, memory_mb), daemon=True)
        process.start()
        workers[kind] = (process, parent)
        loads[kind] = parent.recv()
        print(f"{kind:9} loaded: " + ", ".join(f"{k} {v:.1f}" for k, v in loads[kind].items()), flush=True)
    times = {kind: {name: [] for name in names} for kind in stores}
    answers: dict[str, dict[str, object]] = {name: {} for name in names}
    counts: dict[str, dict[str, object]] = {name: {} for name in names}
    for number in range(runs):
        for position, name in enumerate(names):
            text = queries[name].render()
            shift = (position + number) % len(stores)
            for kind in stores[shift:] + stores[:shift]:
                if times[kind][name] and (math.isinf(times[kind][name][0]) or kind == "rdflib"):
                    continue  # over a cap once: not again; rdflib, tens of times slower, runs once
                conn = workers[kind][1]
                conn.send((text, number == 0))
                seconds, rows, answer = conn.recv()
                times[kind][name].append(seconds)
                if number == 0:
                    answers[name][kind], counts[name][kind] = answer, rows
        print(f"run {number + 1}/{runs} done", flush=True)
    for kind, (process, conn) in workers.items():
        conn.send(None)
        loads[kind].update(conn.recv())
        process.join(timeout=120)
    return {
        "nquads": str(nquads),
        "quads": sum(1 for _ in open(nquads, "rb")),
        "stores": stores,
        "runs": runs,
        "load": loads,
        "median_s": {
            k: {n: statistics.median(v) if v else None for n, v in q.items()} for k, q in times.items()
        },
        "rows": counts,
        "differences": differences(answers, stores),
        "load_average": os.getloadavg(),
        "cap": cap,
        "memory_limit_mb": memory_mb,
    }


def differences(answers: dict, stores: list[str]) -> dict:
    """query -> store -> (rows only it has, rows it lacks) against the other stores' common answer."""
    found = {}
    for name, by_store in answers.items():
        given = {k: v for k, v in by_store.items() if v is not None}
        if len(given) < 2:
            continue
        # the reference answer: the one most stores give
        answers_list = list(given.values())
        reference = max(answers_list, key=answers_list.count)
        for kind, answer in given.items():
            if answer != reference:
                extra, missing = answer - reference, reference - answer
                found.setdefault(name, {})[kind] = {
                    "rows": len(answer),
                    "expected": len(reference),
                    "only_here": [shown(row) for row in list(extra)[:3]],
                    "missing": [shown(row) for row in list(missing)[:3]],
                }
    return found


def shown(row) -> str:
    """A normalised row as `var=value, ...`, in variable order."""
    return ", ".join(f"{var}={value}" for var, value in sorted(row, key=lambda pair: pair[0]))


def report(result: dict) -> None:
    stores = result["stores"]
    median = result["median_s"]
    names = list(next(iter(median.values())))
    print(f"\n{result['quads']:,} quads, {result['runs']} runs, load average {result['load_average'][0]:.1f}")
    print("\n| store | load s | peak MB |")
    print("|---|---|---|")
    for kind in stores:
        load = result["load"][kind]
        extra = ", ".join(
            f"{k.removesuffix('_s')} {v:.1f}" for k, v in load.items() if k not in ("load_s", "peak_mb")
        )
        print(
            f"| {kind} | {load['load_s']:.1f}{f' ({extra})' if extra else ''} | {load.get('peak_mb', 0):,.0f} |"
        )
    print("\n| query | " + " | ".join(f"{k} ms" for k in stores) + " | rows |")
    print("|---|" + "---|" * (len(stores) + 1))
    for name in names:
        cells = []
        for kind in stores:
            value = median[kind][name]
            cells.append(
                "—"
                if value is None
                else ">memory"
                if result["rows"][name].get(kind) == OVER_MEMORY
                else ">cap"
                if math.isinf(value)
                else "error"
                if math.isnan(value)
                else f"{value * 1000:,.0f}"
            )
        rows = {str(r) for r in result["rows"][name].values() if r != OVER_MEMORY}
        print(f"| {name} | " + " | ".join(cells) + f" | {'/'.join(sorted(rows))} |")
    if REFERENCE in stores:
        print(f"\nratio to {REFERENCE} (time / {REFERENCE}'s time; below 1 is faster):")
        for kind in stores:
            ratios = [
                median[kind][n] / median[REFERENCE][n]
                for n in names
                if median[kind][n]
                and median[REFERENCE][n]
                and math.isfinite(median[kind][n])
                and math.isfinite(median[REFERENCE][n])
                and median[REFERENCE][n] > 0
            ]
            capped = sum(1 for n in names if median[kind][n] is not None and math.isinf(median[kind][n]))
            if ratios:
                print(
                    f"  {kind:9} geometric mean {geomean(ratios):5.2f}×, slowest query {max(ratios):5.2f}×"
                    + (f", {capped} over the cap" if capped else "")
                )
    for kind in stores:
        over = [n for n in names if result["rows"][n].get(kind) == OVER_MEMORY]
        if over:
            limit = result.get("memory_limit_mb", 0)
            print(
                f"  {kind} stopped over {limit:,.0f} MB of memory on: {', '.join(over)} (not in its ratios)"
            )
    if "rdflib" in stores:
        # a query rdflib did not finish within the cap counts with the cap as its time: a lower bound
        cap = result.get("cap") or math.inf
        capped = [n for n in names if median["rdflib"][n] is not None and math.isinf(median["rdflib"][n])]
        bound = f", a lower bound: rdflib over the {cap:g} s cap on {len(capped)} queries" if capped else ""
        for kind in stores:
            ratios = [
                min(median["rdflib"][n], cap) / median[kind][n]
                for n in names
                if median[kind][n] and median["rdflib"][n] and not math.isnan(median["rdflib"][n])
            ]
            if kind != "rdflib" and ratios:
                print(f"  {kind:9} {geomean(ratios):5.1f}× faster than rdflib (geometric mean{bound})")
    if result["differences"]:
        print("\nDIFFERENT ROWS:")
        for name, by_store in result["differences"].items():
            for kind, diff in by_store.items():
                print(f"  {name} on {kind}: {diff['rows']} rows, the other stores {diff['expected']}")
                for row in diff["only_here"]:
                    print(f"    only on {kind}: {row}")
                for row in diff["missing"]:
                    print(f"    missing on {kind}: {row}")
    else:
        print("\nevery store gave the same rows for every query")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10000, help="synthetic events (benchmarks/generate.py)")
    parser.add_argument("--nquads", type=Path, help="an N-Quads file instead of generating one")
    parser.add_argument("--stores", nargs="+", choices=STORES, default=list(STORES))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cap", type=float, default=120.0, help="seconds a query may take on rdflib")
    parser.add_argument(
        "--server-memory-mb",
        type=float,
        default=6144.0,
        help="a server (Virtuoso, Oxigraph) using more while it answers is stopped, the query reported as over "
        "the limit, and the server started again",
    )
    parser.add_argument("--queries", nargs="+", help="only these saved queries")
    parser.add_argument("--also", type=Path, nargs="+", default=[], help="more .rq files to run alike")
    parser.add_argument("--check", action="store_true", help="one run; exit status 1 if any rows differ")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--report", type=Path, help="print the tables of a --json file again")
    args = parser.parse_args()
    if args.report:
        report(json.loads(args.report.read_text()))
        return
    nquads = args.nquads
    if nquads is None:
        from generate import cached_nquads

        nquads = cached_nquads(args.events)  # this model's file, generated once (benchmarks/out/)
    runs = 1 if args.check else args.runs
    result = run(nquads, args.stores, runs, args.cap, args.queries, args.also, args.server_memory_mb)
    report(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=str))
    if args.check and result["differences"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
