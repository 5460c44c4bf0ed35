"""Lighthouse (npm lighthouse 12.2.3 from the front-end's lock file, Debian's Chromium) on the six pages
the issue names, against the seed build served by `partnergraph serve`: accessibility, best practices and
SEO at least 95, performance at least 90 (benchmarks/lighthouse.py measures the same and prints numbers).

Performance is simulated on a throttled phone from the main-thread times Chromium observes, and this
machine's two cores are shared: under load the same page scores 10-20 lower. A page's performance passes
when one of three runs reaches 90; the other categories do not depend on load and count from the first."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from lighthouse import PAGES, TARGETS, score  # noqa: E402

SERVE_OPTIONS = ("--workers", "1")  # for the conftest `server` fixture
RUNS = 3


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_lighthouse_scores_reach_the_targets(server, page):
    runs = [score(server.url + page)]
    while runs[-1]["performance"] < TARGETS["performance"] and len(runs) < RUNS:
        runs.append(score(server.url + page))
    first = runs[0]
    low = {
        name: first[name]
        for name, target in TARGETS.items()
        if name != "performance" and first[name] < target
    }
    assert low == {}, (page, low, first["failed"])
    performance = [run["performance"] for run in runs]
    assert max(performance) >= TARGETS["performance"], (page, performance, [run["TBT ms"] for run in runs])
