"""Start-up time of the command line: `partnergraph query NAME` against `partnergraph --help`, on the
repository's seed graph (built first, so that no run builds), each command run in a fresh process.

    python benchmarks/startup.py [--runs 20] [--query partner_countries]

Prints each command's median wall and CPU time and the ratios of the medians (issue 15 asks for
`query` within 1.5 times `--help`). Runs alternate between the commands, so that a change in the
machine's load falls on both alike; the load average is printed with the numbers. The commands run with
their bytecode cached, as an installed package's is (in a temporary PYTHONPYCACHEPREFIX, so that src/
stays clean, even where the environment sets PYTHONDONTWRITEBYTECODE): compiling the modules' source at
every start is not what a user's start-up costs.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [sys.executable, "-m", "partnergraph.cli"]
# bytecode written and read in a folder of its own (the warm-up runs fill it)
CACHED = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CACHED["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="pg-startup-pycache-")


def timed(args: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of the command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(COMMAND + args, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=CACHED)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--query", default="partner_countries")
    args = parser.parse_args()
    commands = {"--help": ["--help"], f"query {args.query}": ["query", args.query]}
    subprocess.run(COMMAND + ["build", "--if-needed"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    for argv in commands.values():  # warm the file cache
        timed(argv)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, argv in commands.items():
            times[name].append(timed(argv))
    print(f"load average {os.getloadavg()[0]:.2f}, {args.runs} runs each, {os.cpu_count()} cores")
    medians = {}
    for name, values in times.items():
        wall, cpu = (statistics.median(v[i] for v in values) for i in (0, 1))
        medians[name] = (wall, cpu)
        print(f"{name:28} median wall {wall * 1000:6.0f} ms   CPU {cpu * 1000:6.0f} ms")
    (help_wall, help_cpu), (query_wall, query_cpu) = medians.values()
    # on a busy machine the CPU time is the steadier measure: wall time includes waiting for a core
    print(
        f"ratio query / --help: wall {query_wall / help_wall:.2f}, CPU {query_cpu / help_cpu:.2f} (medians)"
    )


if __name__ == "__main__":
    main()
