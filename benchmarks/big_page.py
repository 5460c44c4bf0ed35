"""Extraction of one very large page: time and peak memory against the page's size, to show whether the
cost grows linearly, and what a page at the size limit would cost.

    python benchmarks/big_page.py [--sizes 64,128,256,512] [--profile KB]

A page of N kB is made of the seed pages' event sections (headings and bodies as written) repeated in
a random order until it reaches N kB. Each size is extracted by a fresh process (`extract_events` after
`read_page`, as `add` and `build` do), which reports its time and its peak resident memory. With
--profile, one size is run under cProfile and the 25 most expensive functions are printed.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "sources"

MEASURE = """
import resource, sys, time
from partnergraph.extract import extract_events
from partnergraph.reference import load_registries
from partnergraph.settings import Settings
from partnergraph.sources import read_page
registries = load_registries(Settings.default().reference_dir)
before = time.perf_counter()
page = read_page(sys.argv[1], year=2015)
events = extract_events(page, registries)
took = time.perf_counter() - before
print(took, len(events), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def make_page(kb: int, folder: Path, seed: int = 0) -> Path:
    from partnergraph.sources import read_page, split_sections

    sections = []
    for path in sorted(SEEDS.glob("bip-*.txt")):
        page = read_page(path)
        sections += [page.text[s.start : s.end] for s in split_sections(page)]
    rng = random.Random(seed)
    parts, size = [], 0
    while size < kb * 1024:
        part = rng.choice(sections)
        parts.append(part)
        size += len(part.encode("utf-8")) + 3
    path = folder / f"page-{kb}kb.txt"
    path.write_text("\n\n\n".join(parts), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="64,128,256,512", help="page sizes in kB, comma-separated")
    parser.add_argument("--profile", type=int, metavar="KB", help="profile one page of this size")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.profile:
            path = make_page(args.profile, Path(tmp))
            stats, script = Path(tmp) / "profile", Path(tmp) / "measure.py"
            script.write_text(MEASURE, encoding="utf-8")  # cProfile runs a file (it has no -c)
            subprocess.run(
                [sys.executable, "-m", "cProfile", "-o", str(stats), str(script), str(path)], check=True
            )
            import pstats

            pstats.Stats(str(stats)).sort_stats("tottime").print_stats(25)
            return
        print(f"{'page kB':>8} {'events':>7} {'seconds':>8} {'s per MB':>9} {'peak MB':>8}")
        for kb in (int(x) for x in args.sizes.split(",")):
            path = make_page(kb, Path(tmp))
            out = subprocess.run(
                [sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, check=True
            )
            took, events, rss_kb = out.stdout.split()
            took = float(took)
            print(f"{kb:>8} {events:>7} {took:>8.2f} {took / (kb / 1024):>9.1f} {int(rss_kb) / 1024:>8.0f}")


if __name__ == "__main__":
    main()
