"""The command line against a store that accepts the connection and never answers (issue 12): a real
TCP socket that listens (the kernel accepts) and says nothing. `query`, `network` and `view` with
--endpoint wait their --timeout once (30 s by default; it was four tries of 60 s, about 4 minutes,
without a word), then say in one line what failed and where, exit 2, and write nothing."""

from __future__ import annotations

import socket
import time

import pytest
from conftest import run_partnergraph


@pytest.fixture
def silent():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/sparql"


@pytest.mark.parametrize(
    "command",
    [
        ("query", "partner_countries"),
        ("query", "-"),
        ("network", "stats"),
        ("view", "--out", "{out}"),
    ],
    ids=["saved-query", "stdin-query", "network", "view"],
)
def test_a_silent_endpoint_is_one_line_and_exit_2_after_the_timeout(project, silent, command, tmp_path):
    out = tmp_path / "view.html"
    args = [part.format(out=out) for part in command]
    started = time.monotonic()
    done = run_partnergraph(
        project,
        *args,
        "--endpoint",
        silent,
        "--timeout",
        "1.5",
        input="SELECT * WHERE { ?s ?p ?o }",
        timeout=60,
    )
    took = time.monotonic() - started
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert silent in lines[0] and "no answer within 1.5 s" in lines[0], lines[0]
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert not out.exists()
    assert took < 1.5 + 15, took  # one wait (and start-up), not retries


def test_the_default_wait_is_30_seconds_once(project, silent):
    started = time.monotonic()
    done = run_partnergraph(project, "query", "partner_countries", "--endpoint", silent, timeout=200)
    took = time.monotonic() - started
    assert done.returncode == 2 and "no answer within 30 s" in done.stderr, done.stderr
    assert "tried" not in done.stderr  # a store that gave no answer is not asked again
    assert 30 <= took < 60, took


def test_a_bad_timeout_is_refused(project, silent):
    done = run_partnergraph(project, "query", "partner_countries", "--endpoint", silent, "--timeout", "soon")
    assert done.returncode == 2 and "--timeout" in done.stderr and "expected a number" in done.stderr
