"""Start-up time of the command line: `partnergraph query NAME` against `partnergraph --help`, on the
repository's seed graph (built first, so that no run builds), each command run in a fresh process.

    python benchmarks/startup.py [--runs 20] [--query partner_countries]

Prints each command's median and minimum wall time and the ratio of the medians (issue 15 asks for
`query` within 1.5 times `--help`). Runs alternate between the commands, so that a change in the
machine's load falls on both alike; the load average is printed with the numbers.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [sys.executable, "-m", "partnergraph.cli"]


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(COMMAND + args, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--query", default="partner_countries")
    args = parser.parse_args()
    commands = {"--help": ["--help"], f"query {args.query}": ["query", args.query]}
    subprocess.run(COMMAND + ["build", "--if-needed"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    for argv in commands.values():  # warm the file cache
        timed(argv)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, argv in commands.items():
            times[name].append(timed(argv))
    print(f"load average {os.getloadavg()[0]:.2f}, {args.runs} runs each, {os.cpu_count()} cores")
    for name, values in times.items():
        print(
            f"{name:28} median {statistics.median(values) * 1000:6.0f} ms   min {min(values) * 1000:6.0f} ms"
        )
    help_, query = (statistics.median(v) for v in times.values())
    print(
        f"ratio query / --help: {query / help_:.2f} (medians), {min(times[f'query {args.query}']) / min(times['--help']):.2f} (minima)"
    )


if __name__ == "__main__":
    main()
