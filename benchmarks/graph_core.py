"""Benchmark of the graph core: generation, load, peak memory, every saved query, one resource's
description, on four stores, with rdflib's in-memory Dataset as the baseline; and `partnergraph build`
on the seed data.

    python benchmarks/graph_core.py                 # 10^3 and 10^4 events
    python benchmarks/graph_core.py --full          # and 10^5 (about half an hour on 2 cores)
    python benchmarks/graph_core.py --sizes 100 --runs 1 --construct-runs 5 --no-build   # smoke test

Each store is measured in its own subprocess, so its peak memory (ru_maxrss) is its own. Queries see the
union of the named graphs, as `partnergraph query` does. A query's time is the median of `--runs` runs,
each running the query and reading every row; the CONSTRUCT of one event's triples is the median of
`--construct-runs` runs. A store gets `--cap` seconds per query (all its runs together): a run cut off
by the cap is reported as '>cap', and the runs done within the cap give the median otherwise.

Stores:
  rdflib    rdflib.Dataset(default_union=True), in memory (the baseline)
  ox-mem    pyoxigraph.Store() in memory, rows read as pyoxigraph terms
  ox-disk   partnergraph.store.EmbeddedStore on disk (the project's store), rows as rdflib terms
  oxrdflib  rdflib.Dataset(store="Oxigraph", default_union=True), rows as rdflib terms
  ox-disk-raw  (not by default) the same on-disk store, rows read as pyoxigraph terms, which separates
            the cost of the disk from that of EmbeddedStore's conversion to rdflib terms
"""

from __future__ import annotations

import argparse
import json
import math
import os
import queue
import re
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

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
STORES = ("rdflib", "ox-mem", "ox-disk", "oxrdflib", "ox-disk-raw")
DEFAULT_STORES = STORES[:4]
GRACE = 30  # seconds past the cap before the driver kills a worker stuck inside Oxigraph
EVENT_TYPE = re.compile(
    rb"^(<[^>]+>) <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    rb"<https://w3id.org/partnergraph/def/Event> ",
    re.M,
)


class CapReached(Exception):
    pass


def _alarm(_signum, _frame):
    raise CapReached


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


# ---------------------------------------------------------------- worker (one store, one process)


def open_and_load(store: str, path: Path, workdir: Path):
    """Load the N-Quads file into the store; returns (run_select, run_construct)."""
    if store == "rdflib":
        from rdflib import Dataset

        ds = Dataset(default_union=True)
        ds.parse(str(path), format="nquads")
        return (lambda q: len(list(ds.query(q)))), (lambda q: len(ds.query(q).graph))
    if store == "oxrdflib":
        from rdflib import Dataset

        ds = Dataset(store="Oxigraph", default_union=True)
        ds.parse(str(path), format="ox-nquads")
        return (lambda q: len(list(ds.query(q)))), (lambda q: len(ds.query(q).graph))
    import pyoxigraph as ox

    if store in ("ox-mem", "ox-disk-raw"):
        if store == "ox-mem":
            st = ox.Store()
            st.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        else:
            st = ox.Store(str(workdir / "store"))
            st.bulk_load(path.read_bytes(), ox.RdfFormat.N_QUADS)
            st.flush()

        def select(q):
            result = st.query(q, use_default_graph_as_union=True)
            names = [v.value for v in result.variables]
            count = 0
            for row in result:
                for name in names:
                    row[name]  # read every value, as a caller would
                count += 1
            return count

        def construct(q):
            return len(list(st.query(q, use_default_graph_as_union=True)))

        return select, construct
    if store == "ox-disk":
        from partnergraph.store import EmbeddedStore

        embedded = EmbeddedStore(workdir / "store")
        embedded.load_nquads(path.read_bytes())
        embedded.ox.flush()
        return (lambda q: len(embedded.select(q))), (lambda q: len(embedded.construct(q)))
    raise SystemExit(f"unknown store {store!r}")


def timed_runs(run, query: str, runs: int, cap: float) -> dict:
    """Median of up to `runs` runs within `cap` seconds; 'capped' when even the first run did not end."""
    times, rows = [], None
    began = time.perf_counter()
    for _ in range(runs):
        left = cap - (time.perf_counter() - began)
        if left <= 0:
            break
        signal.setitimer(signal.ITIMER_REAL, left)
        try:
            t0 = time.perf_counter()
            rows = run(query)
            times.append(time.perf_counter() - t0)
        except CapReached:
            break
        except Exception as e:  # a store that cannot run the query at all
            return {"error": f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    if not times:
        return {"capped": True, "runs": 0}
    return {"median": statistics.median(times), "runs": len(times), "rows": rows}


def worker(args) -> None:
    """Load, then print one JSON line per measurement as soon as it is taken (the driver watches them)."""
    from partnergraph.query import load_saved_queries

    signal.signal(signal.SIGALRM, _alarm)
    skip = set(filter(None, (args.skip or "").split(",")))
    queries = {name: q.render() for name, q in load_saved_queries(args.queries).items() if name not in skip}
    construct = f"CONSTRUCT {{ <{args.event}> ?p ?o }} WHERE {{ <{args.event}> ?p ?o }}"

    def emit(record: dict) -> None:
        print(json.dumps(record), flush=True)

    before = peak_mb()
    t0 = time.perf_counter()
    select, describe = open_and_load(args.worker, Path(args.data), Path(args.workdir))
    emit({"load": time.perf_counter() - t0, "peak_load_mb": peak_mb(), "base_mb": before})
    for name, text in queries.items():
        emit({"query": name, **timed_runs(select, text, args.runs, args.cap), "peak_mb": peak_mb()})
    if "construct" not in skip:
        emit({"construct": timed_runs(describe, construct, args.construct_runs, args.cap)})
    emit({"peak_mb": peak_mb()})


# ---------------------------------------------------------------- driver


def _read_lines(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def run_store(store: str, data: Path, event: str, args, workdir: Path) -> dict:
    """Measure one store in worker processes. The cap is enforced inside the worker by SIGALRM, which
    stops pure-Python engines (rdflib) but not a query running inside Oxigraph's Rust code; so the
    driver also kills a worker whose query outlasts the cap by `--grace` seconds (default GRACE), records that query as
    capped and starts a fresh worker (loading again) for the queries left."""
    from partnergraph.query import load_saved_queries

    order = list(load_saved_queries(args.queries)) + ["construct"]
    out: dict = {"queries": {}}
    done: list[str] = []
    peaks = []
    while len(done) < len(order):
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir(parents=True)
        cmd = [
            sys.executable, __file__, "--worker", store, "--data", str(data), "--event", event,
            "--runs", str(args.runs), "--construct-runs", str(args.construct_runs), "--cap", str(args.cap),
            "--queries", str(args.queries), "--workdir", str(workdir), "--skip", ",".join(done),
        ]  # fmt: skip
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=_read_lines, args=(proc.stdout, lines), daemon=True).start()
        loaded = False
        while True:
            try:
                line = lines.get(timeout=None if not loaded else args.cap + args.grace)
            except queue.Empty:  # a query stuck beyond the cap: kill, mark it, start again
                proc.kill()
                proc.wait()
                pending = order[len(done)]
                if pending == "construct":
                    out["construct"] = {"capped": True, "runs": 0}
                else:
                    out["queries"][pending] = {"capped": True, "runs": 0, "killed": True}
                done.append(pending)
                break
            if line is None:  # the worker ended
                proc.wait()
                if proc.returncode != 0:
                    tail = (proc.stderr.read().strip().splitlines() or ["no output"])[-1]
                    if not loaded:
                        return {"error": f"exit {proc.returncode}: {tail}"}
                    pending = order[len(done)]
                    out["queries"][pending] = {"error": f"exit {proc.returncode}: {tail}"}
                    done.append(pending)
                break
            record = json.loads(line)
            if "load" in record:
                loaded = True
                if "load" not in out:  # the first load is the one reported
                    out.update(load=record["load"], peak_load_mb=record["peak_load_mb"])
            elif "query" in record:
                name = record.pop("query")
                peaks.append(record.pop("peak_mb"))
                out["queries"][name] = record
                done.append(name)
            elif "construct" in record:
                out["construct"] = record["construct"]
                done.append("construct")
            elif "peak_mb" in record:  # the last record: the worker's teardown is not measured
                peaks.append(record["peak_mb"])
                proc.kill()
                proc.wait()
                break
    out["peak_mb"] = max(peaks + [out.get("peak_load_mb", 0)])
    return out


def bench_size(n: int, args) -> dict:
    """Generate in a subprocess too: Linux starts a child's ru_maxrss at its parent's peak, so the driver
    must never hold a large dataset, or every store would report at least that much memory."""
    with tempfile.TemporaryDirectory(prefix="pg-bench-") as tmp:
        path = Path(tmp) / f"synthetic-{n}.nq"
        if args.nquads:  # measured before (another run, other stores): the very same data
            path, n = args.nquads, 0
        cmd = [
            sys.executable,
            str(HERE / "generate.py"),
            str(n),
            "--out",
            str(path),
            "--seed",
            str(args.seed),
        ]
        cmd += ["--evidence-share", str(args.evidence_share)]
        t0 = time.perf_counter()
        if not args.nquads:
            subprocess.run(cmd, check=True, capture_output=True)
        result = {"events": n, "generate": None, "quads": 0, "stores": {}, "data": str(path)}
        if not args.nquads:
            result["generate"] = time.perf_counter() - t0
        events = []
        with path.open("rb") as f:
            for line in f:
                result["quads"] += 1
                match = EVENT_TYPE.match(line)
                if match:
                    events.append(match.group(1))
        result["events"] = result["events"] or len(events)
        event = (
            events[len(events) // 2].decode()[1:-1] if events else "https://w3id.org/partnergraph/id/event/x"
        )
        result["construct_event"] = event
        del events
        for store in args.stores:
            workdir = Path(tmp) / store
            workdir.mkdir()
            result["stores"][store] = run_store(store, path, event, args, workdir)
            shutil.rmtree(workdir, ignore_errors=True)
            print(f"  {result['events']} events, {store}: done", file=sys.stderr, flush=True)
    return result


def bench_build(repeats: int) -> dict:
    """`partnergraph.build.build` on the seed data, in a temporary copy of data/ and ontology/."""
    code = (
        "import json, statistics, sys, time\n"
        "from pathlib import Path\n"
        "from partnergraph.build import build\n"
        "from partnergraph.settings import Settings\n"
        "times = []\n"
        "for _ in range(int(sys.argv[2])):\n"
        "    t0 = time.perf_counter(); report = build(Settings(Path(sys.argv[1])))\n"
        "    times.append(time.perf_counter() - t0)\n"
        "print(json.dumps({'median': statistics.median(times), 'runs': len(times), 'triples': report.triples,"
        " 'events': sum(report.pages.values())}))\n"
    )
    with tempfile.TemporaryDirectory(prefix="pg-build-") as tmp:
        root = Path(tmp)
        shutil.copytree(ROOT / "data", root / "data", ignore=shutil.ignore_patterns("build"))
        shutil.copytree(ROOT / "ontology", root / "ontology")
        if (ROOT / "queries").is_dir():
            shutil.copytree(ROOT / "queries", root / "queries")
        env = {k: v for k, v in os.environ.items() if k not in ("PARTNERGRAPH_BUILD", "PARTNERGRAPH_ROOT")}
        proc = subprocess.run(
            [sys.executable, "-c", code, str(root), str(repeats)], capture_output=True, text=True, env=env
        )
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": tail}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def fmt_time(entry: dict | None, cap: float) -> str:
    if not entry:
        return ""
    if "error" in entry:
        return "fails"
    if entry.get("capped"):
        return f">{cap:g} s"
    return fmt_seconds(entry["median"])


def fmt_seconds(s: float) -> str:
    if s < 1:
        return f"{s * 1000:.1f} ms"
    return f"{s:.2f} s"


def ratio(base: dict | None, other: dict | None, cap: float) -> str:
    """How many times faster than rdflib ('>' when rdflib hit the cap)."""
    if not base or not other or "median" not in other:
        return ""
    if base.get("capped"):
        return f"x>{cap / other['median']:.0f}"
    if "median" not in base:
        return ""
    return f"x{base['median'] / other['median']:.1f}"


def print_table(result: dict, args, out=sys.stdout) -> None:
    stores = [s for s in args.stores if s in result["stores"]]
    cap = args.cap
    made = (
        f"generated in {fmt_seconds(result['generate'])}" if result["generate"] else f"from {result['data']}"
    )
    print(f"\n## {result['events']} events: {result['quads']} quads, {made}", file=out)
    header = ["measure"] + [f"{s}" for s in stores]
    rows = []
    res = result["stores"]
    base = res.get("rdflib", {})
    for s in stores:
        if "error" in res[s]:
            print(f"{s}: {res[s]['error']}", file=out)

    def cell(store, entry, base_entry):
        text = fmt_time(entry, cap)
        if store != "rdflib" and base_entry is not None:
            r = ratio(base_entry, entry, cap)
            if r:
                text += f" ({r})"
        return text

    loads = {s: {"median": res[s]["load"]} if "load" in res[s] else None for s in stores}
    rows.append(["load"] + [cell(s, loads[s], loads.get("rdflib")) for s in stores])
    rows.append(
        ["peak memory"] + [f"{res[s]['peak_mb']:.0f} MB" if "peak_mb" in res[s] else "" for s in stores]
    )
    names = sorted(next((r["queries"] for r in res.values() if "queries" in r), {}))
    for name in names:
        rows.append(
            [name]
            + [
                cell(s, res[s].get("queries", {}).get(name), base.get("queries", {}).get(name))
                for s in stores
            ]
        )
    rows.append(
        ["CONSTRUCT one event"] + [cell(s, res[s].get("construct"), base.get("construct")) for s in stores]
    )
    geo = ["speed-up, geometric mean over queries", ""]
    for s in stores[1:] if stores and stores[0] == "rdflib" else []:
        factors = []
        for name in names:
            b, o = base.get("queries", {}).get(name), res[s].get("queries", {}).get(name)
            if b and o and "median" in o and "median" in b:
                factors.append(b["median"] / o["median"])
            elif b and o and "median" in o and b.get("capped"):
                factors.append(cap / o["median"])  # a lower bound
        geo.append(f"x{math.exp(sum(map(math.log, factors)) / len(factors)):.1f}" if factors else "")
    if len(geo) == len(stores) + 1 and len(stores) > 1:
        rows.append(geo)
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"
    print(line, file=out)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|", file=out)
    for r in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) + " |", file=out)
    for s in stores:
        for name, entry in sorted(res[s].get("queries", {}).items()):
            if "error" in entry:
                print(f"- {s} fails {name}: {entry['error']}", file=out)
    for name in names:
        counts = {s: res[s].get("queries", {}).get(name, {}).get("rows") for s in stores}
        if len({c for c in counts.values() if c is not None}) > 1:
            shown = ", ".join(f"{s} {c}" for s, c in counts.items() if c is not None)
            print(f"- {name}: the stores return different numbers of rows ({shown})", file=out)


def merge_runs(paths: list[Path]) -> dict:
    """Several runs' JSON as one: the stores of the same size side by side (runs that measured different
    stores on the same synthetic data, e.g. rdflib and the Oxigraph stores started apart)."""
    merged: dict = {"sizes": [], "build": None}
    by_size: dict[int, dict] = {}
    for path in paths:
        results = json.loads(path.read_text())
        for result in results["sizes"]:
            if result["events"] in by_size:
                by_size[result["events"]]["stores"].update(result["stores"])
            else:
                by_size[result["events"]] = result
                merged["sizes"].append(result)
        merged["build"] = results.get("build") or merged["build"]
    merged["sizes"].sort(key=lambda r: r["events"])
    return merged


def print_report(args) -> int:
    """The tables of earlier runs, from their JSON files (merged when there are several)."""
    results = merge_runs(args.report)
    for result in results["sizes"]:
        args.stores = [s for s in STORES if s in result["stores"]]
        print_table(result, args)
    build = results.get("build")
    if build and "median" in build:
        print(
            f"\npartnergraph build on the seed data ({build['events']} events, "
            f"{build['triples']} quads): median of {build['runs']}: {fmt_seconds(build['median'])}"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="numbers of events")
    parser.add_argument("--full", action="store_true", help="add 100000 events to the sizes")
    parser.add_argument("--runs", type=int, default=5, help="runs of each saved query (median)")
    parser.add_argument("--construct-runs", type=int, default=100, help="runs of the CONSTRUCT (median)")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds per query and store (all runs)")
    parser.add_argument("--stores", nargs="+", choices=STORES, default=list(DEFAULT_STORES))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--evidence-share", type=float, default=0.1)
    parser.add_argument(
        "--nquads",
        type=Path,
        metavar="FILE",
        help="measure this synthetic N-Quads file (generate.py --out) instead of generating one a size",
    )
    parser.add_argument("--queries", type=Path, default=ROOT / "queries", help="folder of saved queries")
    parser.add_argument("--no-build", action="store_true", help="skip timing `partnergraph build`")
    parser.add_argument("--build-runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write all measurements to this JSON file")
    # internal: measure one store in this process
    parser.add_argument("--worker", choices=STORES, help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    parser.add_argument("--event", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    parser.add_argument("--skip", help=argparse.SUPPRESS)
    parser.add_argument("--grace", type=float, default=GRACE, help=argparse.SUPPRESS)
    parser.add_argument(
        "--report", type=Path, nargs="+", help="print the tables of earlier runs' --json files (merged)"
    )
    args = parser.parse_args(argv)
    if args.worker:
        worker(args)
        return 0
    if args.report:
        return print_report(args)
    if "rdflib" in args.stores:
        args.stores = ["rdflib"] + [s for s in args.stores if s != "rdflib"]
    sizes = [0] if args.nquads else sorted(set(args.sizes + ([100000] if args.full else [])))
    print(
        f"partnergraph graph-core benchmark: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; "
        f"query times are medians of {args.runs} runs, CONSTRUCT of {args.construct_runs}; "
        f"(xN) = N times faster than rdflib",
        flush=True,
    )
    results = {"sizes": [], "build": None}
    for n in sizes:
        result = bench_size(n, args)
        results["sizes"].append(result)
        print_table(result, args)
        sys.stdout.flush()
    if not args.no_build:
        build = bench_build(args.build_runs)
        results["build"] = build
        if "error" in build:
            print(f"\npartnergraph build on the seed data: failed ({build['error']})")
        else:
            print(
                f"\npartnergraph build on the seed data ({build['events']} events, "
                f"{build['triples']} quads): median of {build['runs']}: {fmt_seconds(build['median'])}"
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
