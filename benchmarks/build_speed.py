"""What `partnergraph build` does once the dataset is made, timed at any size: the store (bulk load and
compaction) and every artefact of build.ARTEFACTS (dumps, the portal's aggregates, ...), from the sorted
N-Quads of synthetic events (benchmarks/generate.py), in a fresh build generation.

    python benchmarks/build_speed.py --events 10000 100000
    python benchmarks/build_speed.py --nquads FILE
    python benchmarks/build_speed.py --events 100000 --serial   # each step alone: its own CPU time

Each size runs in a process of its own, so that its peak memory (ru_maxrss: interpreter, the N-Quads in
memory, the store's and the writers' own) is its own. Not timed: extraction, curation and SHACL
validation, which work on the pages (benchmarks/extract_speed.py) and do not depend on the store.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def cpu_seconds() -> float:
    """CPU time of this process (all its threads) and of its finished children (the dumps' process, the artefacts' forked processes)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime


def fill_serially(settings, folder: Path, nquads: bytes) -> dict[str, float]:
    """What fill_generation does, one step after another, each step's CPU time (its threads and
    processes included): where the CPU goes, which the overlapping steps of a real build hide."""
    from partnergraph import build

    seconds = {}

    def timed(name: str, work, *args):
        started = cpu_seconds()
        result = work(*args)
        seconds[name] = cpu_seconds() - started
        print(f"  {name}: {seconds[name]:.1f} s of CPU", flush=True)
        return result

    with build.no_cycle_collection():  # as in fill_generation
        timed("store", build.load_store, folder / "store", nquads)
        memory = timed("memory", build.load_memory, nquads)
        for write in build.ARTEFACTS:  # in their order: a writer's AFTER comes first
            timed(write.__name__, write, settings, folder, nquads, memory)
    return seconds


def measure(nquads_path: Path, serial: bool, conn) -> None:
    from partnergraph.build import fill_generation
    from partnergraph.settings import Settings

    nquads = nquads_path.read_bytes()
    with tempfile.TemporaryDirectory(prefix="pg-build-speed-") as tmp:
        os.environ["PARTNERGRAPH_BUILD"] = tmp
        folder = Path(tmp) / "generation"
        folder.mkdir()
        started = time.perf_counter()
        fill = fill_serially if serial else fill_generation
        seconds = fill(Settings(ROOT), folder, nquads)
        seconds["all"] = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    # the process writing the dumps and those forked for build.OWN_PROCESS: the largest of them
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU time: on a shared machine a steadier measure than the wall time
    cpu = cpu_seconds()
    result = {
        "quads": nquads.count(b"\n"),
        "seconds": seconds,
        "peak_mb": usage.ru_maxrss / 1024,
        "children_peak_mb": children.ru_maxrss / 1024,
        "cpu": cpu,
    }
    conn.send(result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10000], help="synthetic events")
    parser.add_argument("--nquads", type=Path, help="an N-Quads file instead")
    parser.add_argument(
        "--serial", action="store_true", help="one step after another, each step's CPU time (not wall)"
    )
    args = parser.parse_args()
    from generate import cached_nquads  # this model's file, generated once (benchmarks/out/)

    files = [args.nquads] if args.nquads else [cached_nquads(n) for n in args.events]
    context = mp.get_context("spawn")
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")
    for path in files:
        parent, child = context.Pipe()
        process = context.Process(target=measure, args=(path, args.serial, child))
        process.start()
        result = parent.recv()
        process.join()
        stages = ", ".join(f"{name} {s:.1f} s" for name, s in result["seconds"].items() if name != "all")
        print(
            f"{path.name}: {result['quads']:,} quads in {result['seconds']['all']:.1f} s "
            f"({'CPU of each step: ' if args.serial else ''}{stages}); "
            f"CPU time {result['cpu']:.1f} s (all threads and processes, the N-Quads read included); "
            f"peak memory {result['peak_mb']:,.0f} MB (its own process; the largest of its child "
            f"processes, dumps' or forked, {result['children_peak_mb']:,.0f} MB, a forked one's pages "
            f"partly shared with this one); load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
