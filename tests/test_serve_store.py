"""`serve` chooses where its store lives from the graph's size and the memory available, and says so
at start-up with the cost."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import httpx
import pytest

from partnergraph.state import count_quads
from partnergraph.store.memory import BYTES_PER_QUAD, SMALL, available_memory, plan_memory

GB = 10**9


def test_a_graph_whose_copies_fit_in_half_the_memory_goes_into_memory():
    quads = 4_000_000  # about 10^5 synthetic events: 2 GB a copy
    assert plan_memory(quads, processes=3, available=16 * GB).in_memory
    assert not plan_memory(quads, processes=3, available=8 * GB).in_memory
    assert plan_memory(quads, processes=1, available=8 * GB).in_memory
    assert not plan_memory(quads, processes=3, available=None).in_memory  # unknown: stay on disk


def test_the_choice_can_be_forced_and_every_line_states_the_cost():
    plan = plan_memory(4_000_000, processes=3, available=8 * GB)
    assert plan.describe() == (
        "store: on disk (4,000,000 quads; in memory it would take 3 × 2.0 GB, 8.0 GB available); "
        "--store memory forces the copy"
    )
    forced = plan_memory(4_000_000, processes=3, available=8 * GB, choice="memory")
    assert forced.in_memory and "as asked" in forced.describe()
    assert not plan_memory(10, processes=3, available=8 * GB, choice="disk").in_memory
    fits = plan_memory(400_000, processes=3, available=8 * GB)
    assert fits.describe() == (
        "store: in memory in the query workers (3), copied in the background: they answer from disk until "
        f"then, pages from disk (400,000 quads, 3 × {400 * BYTES_PER_QUAD // 1000}.0 MB of 8.0 GB available)"
    )
    small = plan_memory(SMALL - 1, processes=3, available=8 * GB)
    assert not small.in_memory and "small enough to answer from disk" in small.describe()


def test_available_memory_is_read_from_the_system():
    available = available_memory()
    assert available is not None and 10**7 < available < 10**14


def serve_lines(root, *options) -> tuple[list[str], str]:
    """The lines `serve` prints until it listens, and its URL; the server is stopped afterwards."""
    env = {k: v for k, v in os.environ.items() if k != "PARTNERGRAPH_BUILD"}
    command = [
        sys.executable,
        "-m",
        "partnergraph.cli",
        "serve",
        "--root",
        str(root),
        "--port",
        "0",
        "--no-build",
    ]
    process = subprocess.Popen(
        [*command, *options], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )
    lines = []
    try:
        for line in process.stdout:
            lines.append(line.strip())
            if "serving at" in line:
                url = line.split("serving at ")[1].split()[0]
                answer = httpx.get(url + "sparql", params={"query": "ASK { ?s a ?c }"}, timeout=60)
                assert answer.status_code == 200 and "true" in answer.text
                return lines, url
        raise AssertionError("serve stopped: " + "\n".join(lines))
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ((), "store: on disk ({quads:,} quads, small enough to answer from disk; --store memory copies it)"),
        (("--store", "disk"), "store: on disk ({quads:,} quads; in memory it would take 1 × "),
        (
            ("--in-memory",),
            "store: in memory in the query workers (1), copied in the background: they answer "
            "from disk until then, pages from disk ({quads:,} quads, as asked)",
        ),
    ],
)
def test_serve_says_where_its_store_is(seed_store, options, expected):
    settings, store = seed_store
    assert count_quads(settings) == len(store)
    lines, _url = serve_lines(settings.root, "--workers", "1", *options)
    assert lines[0].startswith(expected.format(quads=len(store))), lines


def test_a_worker_answers_from_disk_until_its_copy_in_memory_is_made(seed_store, monkeypatch):
    """The copy is made in a thread (held back here until released); the store on disk answers
    meanwhile, and the copy, with the same quads, takes its place once made."""
    from partnergraph.store import EmbeddedStore
    from partnergraph.web._pool import _MemoryCopy, _run_in_store

    settings, store = seed_store
    release, real_copy = threading.Event(), EmbeddedStore.copy_into_memory
    monkeypatch.setattr(EmbeddedStore, "copy_into_memory", lambda s: release.wait(60) and real_copy(s))
    disk = EmbeddedStore(settings.store_dir, read_only=True)
    copy = _MemoryCopy(disk)
    assert copy.thread.is_alive() and copy.room > 2**30  # 8 times the store's files, and 1 GB
    assert _run_in_store(disk, "ASK { ?s a ?c }", 1).boolean  # answered while the copy is held
    release.set()
    copy.thread.join(60)
    swapped = copy.swap(disk, memory=None)
    assert swapped is copy.store and "copied into memory" in swapped.description
    assert set(swapped.ox) == set(store.ox) and len(swapped) > 1000
