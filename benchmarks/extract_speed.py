"""Extraction speed: pages per second over a corpus made by recombining the seed pages' sections, on
one process and on every core, and the start-up time of a fresh `partnergraph extract`.

    python benchmarks/extract_speed.py [--pages 240] [--seed 0] [--workers N]

Each synthetic page is a random run of 3 to 12 event sections of the two seed pages (headings and
bodies as written, blank lines between), so pages are as varied in length as real bulletin pages.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "sources"


def make_corpus(n: int, seed: int, folder: Path) -> list[Path]:
    from partnergraph.sources import read_page, split_sections

    sections = []
    for path in sorted(SEEDS.glob("bip-*.txt")):
        page = read_page(path)
        sections += [page.text[s.start : s.end] for s in split_sections(page)]
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        body = "\n\n\n".join(rng.choice(sections) for _ in range(rng.randint(3, 12)))
        banner = (
            "Archiwum BIP MJO - Miejski Ośrodek Pomocy Społecznej\nDokument archiwalny\n\n"
            if i % 3 == 0
            else ""
        )
        p = folder / f"page-{i:04d}.txt"
        p.write_text(banner + body + "\n", encoding="utf-8")
        paths.append(p)
    return paths


_REGISTRIES = None


def _init() -> None:
    global _REGISTRIES
    from partnergraph.extract import extract_events
    from partnergraph.reference import load_registries

    _REGISTRIES = load_registries(ROOT / "data" / "reference")
    # warm the gazetteer and the morphology so that timing measures extraction only
    from partnergraph.model import Page

    extract_events(
        Page("warm", "warm.txt", "Wizyta studentów z Wiednia\n\nW dniu 1 maja 2010 r.\n"), _REGISTRIES
    )


def _extract(path: Path) -> tuple[int, float]:
    from partnergraph.extract import extract_events
    from partnergraph.sources import read_page

    t = time.process_time()
    n = len(extract_events(read_page(path), _REGISTRIES))
    return n, time.process_time() - t


def run_pool(paths: list[Path], workers: int) -> tuple[float, int, float]:
    """(wall seconds, events, CPU seconds spent extracting)."""
    ctx = mp.get_context("fork" if sys.platform != "win32" else "spawn")
    with ctx.Pool(workers, initializer=_init) as pool:
        pool.map(_extract, paths[:workers], chunksize=1)  # every worker initialised before the clock starts
        t = time.perf_counter()
        results = pool.map(_extract, paths, chunksize=4)
        wall = time.perf_counter() - t
        return wall, sum(n for n, _ in results), sum(c for _, c in results)


def startup_seconds(page: Path, runs: int = 3, env: dict | None = None) -> list[tuple[float, float]]:
    """Wall and CPU time of a fresh `partnergraph extract` of one page (imports, registries, gazetteer from its
    cache)."""
    code = (
        f"import sys; from partnergraph.cli import main; sys.exit(main(['extract', {str(page)!r}, '--json']))"
    )
    subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, env=env
    )  # make sure the caches exist
    out = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, env=env)
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        out.append((wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=240)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(args.pages, args.seed, Path(tmp))
        size = sum(p.stat().st_size for p in paths)
        print(f"corpus: {len(paths)} pages, {size / 1024:.0f} KiB, from {SEEDS.relative_to(ROOT)}")
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} before the run")
        # as this environment runs Python, and as an installed package runs: with the modules' bytecode cached
        # (PYTHONDONTWRITEBYTECODE makes every run compile the package's sources: about 0.2 s of CPU)
        cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        cached["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        for label, env in (("", None), (", bytecode cached", cached)):
            starts = startup_seconds(paths[0], env=env)
            print(
                f"start-up (fresh `partnergraph extract` of one page, cached gazetteer{label}): median "
                f"{statistics.median(w for w, _ in starts):.2f} s wall, "
                f"{statistics.median(c for _, c in starts):.2f} s CPU (runs: {', '.join(f'{w:.2f}' for w, _ in starts)})"
            )
        one, events, cpu = run_pool(paths, 1)
        print(
            f"1 process:   {len(paths) / one:7.1f} pages/s  ({events} events in {one:.2f} s; "
            f"{len(paths) / cpu:.1f} pages per CPU-second)"
        )
        if args.workers > 1:
            many, events, cpu = run_pool(paths, args.workers)
            print(
                f"{args.workers} processes: {len(paths) / many:7.1f} pages/s  ({events} events in {many:.2f} s; "
                f"{len(paths) / cpu:.1f} pages per CPU-second, i.e. {args.workers * len(paths) / cpu:.0f} pages/s "
                f"on {args.workers} idle cores)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
