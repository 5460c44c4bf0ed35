"""Registry look-ups (`Registries.find_organisation`, `find_unit`, `find_programme`, `find_project`), which
extraction, curation and the RDF mapping make for every name of every event: time per look-up over the
names of synthetic events (benchmarks/generate.py) and the registries' own names and aliases, and the
time `generate_nquads` takes (the RDF mapping looks every name up).

    python benchmarks/registry_lookup.py [--events 2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import REFERENCE_DIR, generate_events, generate_nquads, load_pools  # noqa: E402

from partnergraph.reference import load_registries  # noqa: E402

FIELDS = {"organisations": "organisation", "units": "unit", "programmes": "programme", "projects": "project"}


def lookups(events, registries) -> list[tuple[str, str]]:
    """(kind, name) of every name the events give, and of every registered name and alias."""
    found = [(kind, name) for e in events for field, kind in FIELDS.items() for name in getattr(e, field)]
    for field, kind in FIELDS.items():
        for entry in getattr(registries, field):
            found += [(kind, entry.name)] + [(kind, alias) for alias in entry.aliases]
    return found


def time_lookups(names, runs: int) -> float:
    """Median seconds per look-up, each run on freshly loaded registries (a first look-up pays any index)."""
    per_lookup = []
    for _ in range(runs):
        registries = load_registries(REFERENCE_DIR)
        finders = {kind: getattr(registries, f"find_{kind}") for kind in FIELDS.values()}
        started = time.perf_counter()
        for kind, name in names:
            finders[kind](name)
        per_lookup.append((time.perf_counter() - started) / len(names))
    return statistics.median(per_lookup)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} at the start")
    load_pools()  # the generator's pools (GeoNames cities) once, outside the timings
    names = lookups(generate_events(args.events), load_registries(REFERENCE_DIR))
    print(
        f"{len(names):,} look-ups: {time_lookups(names, args.runs) * 1e6:.1f} µs each (median of {args.runs})"
    )
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        generate_nquads(args.events)
        times.append(time.perf_counter() - started)
    print(f"generate_nquads({args.events}): {statistics.median(times):.2f} s (median of {args.runs})")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
