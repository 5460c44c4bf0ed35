"""`partnergraph push` against servers that do not answer (issue 12): a real TCP listener that takes
connections and never answers, one whose queue is full (a connection is never made), and one that
answers the first question and then falls silent. Each must end quickly with exit code 2 and one line
naming the endpoint, not after `--timeout` (300 s) per request and its retries."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

import pytest


@pytest.fixture
def dump(tmp_path):
    path = tmp_path / "d.nq"
    path.write_text(
        "<http://example.org/a> <http://example.org/b> <http://example.org/c> <http://example.org/g> .\n"
    )
    return path


def push(dump, port: int, *options: str) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    command = [sys.executable, "-m", "partnergraph.cli", "push", "--dump", str(dump)]
    done = subprocess.run(
        [*command, "--endpoint", f"http://127.0.0.1:{port}/query", *options],
        capture_output=True,
        text=True,
        timeout=90,
    )
    return done, time.monotonic() - started


@contextmanager
def listener(backlog: int = 16):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(backlog)
    try:
        yield sock
    finally:
        sock.close()


def serve_silently(sock: socket.socket, answered: int) -> list[socket.socket]:
    """Accept connections for ever; answer the first `answered` requests with a SPARQL ASK result,
    then read what comes and never answer."""
    held: list[socket.socket] = []

    def run():
        left = answered
        while True:
            try:
                connection, _ = sock.accept()
            except OSError:
                return
            held.append(connection)
            if left:
                left -= 1
                connection.recv(65536)
                body = json.dumps({"head": {}, "boolean": False}).encode()
                connection.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                    b"Connection: close\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
                )
                connection.close()

    threading.Thread(target=run, daemon=True).start()
    return held


def one_line(done: subprocess.CompletedProcess) -> str:
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_a_listener_that_never_answers_is_reported_within_the_default_connect_timeout(dump):
    with listener() as sock:
        serve_silently(sock, answered=0)
        port = sock.getsockname()[1]
        done, took = push(dump, port)
    assert done.returncode == 2
    assert 9 <= took < 30  # the default: 10 s (it was 4 x 300 s)
    line = one_line(done)
    assert line.startswith("partnergraph push: ") and f"http://127.0.0.1:{port}/query" in line
    assert "no answer within 10 s" in line and "SPARQL server" in line


def test_a_host_that_takes_no_connection_is_reported_within_the_connect_timeout(dump):
    with listener(backlog=0) as sock:  # never accepted: once its queue is full, connections hang
        port = sock.getsockname()[1]
        fillers = []
        for _ in range(3):
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
            fillers.append(filler)
        time.sleep(0.3)
        done, took = push(dump, port, "--connect-timeout", "1.5", "--timeout", "60")
        for filler in fillers:
            filler.close()
    assert done.returncode == 2 and took < 15
    line = one_line(done)
    assert f"http://127.0.0.1:{port}/query" in line and "no connection within 1.5 s" in line


def test_a_server_that_falls_silent_after_its_first_answer_costs_the_timeout_once(dump):
    with listener() as sock:
        held = serve_silently(sock, answered=1)
        port = sock.getsockname()[1]
        done, took = push(dump, port, "--timeout", "2", "--connect-timeout", "2")
        for connection in held:
            connection.close()
    assert done.returncode == 2
    # the Graph Store probes (2 candidates) and the first read, 2 s each, each once
    assert took < 12, (took, done.stderr)
    line = one_line(done)
    assert f"127.0.0.1:{port}" in line and "no answer within 2 s" in line


def test_timeouts_must_be_positive_numbers(dump):
    done, _ = push(dump, 9, "--connect-timeout", "0")
    assert done.returncode == 2 and "--connect-timeout" in done.stderr
