"""`partnergraph serve --endpoint URL` against a SPARQL endpoint that misbehaves: a real little HTTP
server process (this file run as a script) answers with an HTML page, JSON that is not SPARQL results,
malformed terms, a cut body, a 500 with a stack trace, a redirect, nothing at all, a byte a second, or
gigabytes. Every page and answer that needs the store must then be a quick 502 (504 when the endpoint
gave no answer in time) that repeats nothing of the endpoint's answer nor its address, and the server
must stay small and keep answering."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from servers import free_port
from test_web import Served

SECRET = "SECRET-REMOTE-BODY"
TIMEOUT = 2  # serve --timeout
ASK = "ASK { ?s ?p ?o }"
PATHS = (  # a query through the workers, a saved query, a resource page, the analyst's page
    ("/sparql", {"query": ASK}),
    ("/queries/partner_countries", {"format": "json"}),
    ("/partnergraph/id/city/krakow-pl", {}),
    ("/query", {"query": "SELECT * { ?s ?p ?o } LIMIT 1"}),
)


class Misbehaving(BaseHTTPRequestHandler):
    """`GET /mode?NAME` sets how every later request to any other path is answered."""

    protocol_version = "HTTP/1.1"
    mode = "html"

    def log_message(self, *args):
        pass

    def do_POST(self):
        self.do_GET()

    def answer(self, status: int, media: str, body: bytes, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path.startswith("/mode?"):
            type(self).mode = self.path.split("?", 1)[1]
            return self.answer(200, "text/plain", b"ok")
        secret, results = SECRET.encode(), "application/sparql-results+json"
        mode = type(self).mode
        if self.path.startswith("/landing"):  # where "redirect" sends: an answer good for any form
            body = {"head": {"vars": []}, "boolean": True, "results": {"bindings": []}}
            self.answer(200, results, json.dumps(body).encode())
        elif mode == "redirect":  # to anywhere the store likes: this process must not follow
            self.send_response(302)
            self.send_header("Location", "/landing")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif mode == "html":
            self.answer(200, "text/html", b"<html><body><h1>" + secret + b"</h1></body></html>")
        elif mode == "not-results":
            self.answer(200, results, json.dumps({"error": SECRET}).encode())
        elif mode == "bad-json":
            self.answer(200, results, b'{"head": {"vars": ["s"]}, ' + secret)
        elif mode == "bad-terms":
            terms = [
                {"s": {"type": "uri", "value": 7}},
                {"s": {"type": "literal", "value": "x", "datatype": []}},
            ]
            body = {"head": {"vars": ["s"]}, "boolean": SECRET, "results": {"bindings": terms}}
            self.answer(200, results, json.dumps(body).encode())
        elif mode == "truncated":
            self.answer(200, results, b'{"head": {"vars": ["s"]}, "results": {"bind', length=9000)
            self.close_connection = True
        elif mode == "error-500":
            self.answer(500, "text/plain", b"java.lang.NullPointerException at " + secret)
        elif mode == "error-400-html":
            self.answer(400, "text/html", b"<html><script>alert(1)</script>" + secret + b"</html>")
        elif mode == "hang":
            time.sleep(120)
        elif mode == "drip":  # headers at once, then a byte a second: each read is quick
            self.send_response(200)
            self.send_header("Content-Type", results)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(120):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(1)
        elif mode == "huge":  # 2.6 GB of valid results, as fast as loopback goes
            self.send_response(200)
            self.send_header("Content-Type", results)
            self.end_headers()
            row = b'{"s": {"type": "literal", "value": "' + b"x" * 65536 + b'"}},'
            try:
                self.wfile.write(b'{"head": {"vars": ["s"]}, "results": {"bindings": [')
                for _ in range(40000):
                    self.wfile.write(row)
            except OSError:
                pass
            self.close_connection = True


def peak_memory(pid: int) -> int:
    """The largest resident size (bytes) the process `pid` or any of its children reached."""
    pids = [pid]
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                pids.append(int(entry.name))
        except (OSError, IndexError, ValueError):
            continue
    peak = 0
    for each in pids:
        try:
            status = Path(f"/proc/{each}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peak = max(peak, int(line.split()[1]) * 1024)
    return peak


@pytest.fixture(scope="module")
def endpoint():
    port = free_port()
    process = subprocess.Popen([sys.executable, __file__, str(port)])
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(url + "/mode?html", timeout=1).raise_for_status()
            break
        except httpx.HTTPError:
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
    yield url
    process.kill()
    process.wait()


@pytest.fixture(scope="module")
def served(endpoint, seed_store):
    settings, _store = seed_store
    server = Served(
        settings.root, "--endpoint", endpoint + "/sparql", "--timeout", str(TIMEOUT), "--workers", "2"
    )
    yield server
    server.stop()


@pytest.mark.parametrize(
    ("mode", "status"),
    [
        ("html", 502),
        ("redirect", 502),
        ("not-results", 502),
        ("bad-json", 502),
        ("bad-terms", 502),
        ("truncated", 502),
        ("error-500", 502),
        ("error-400-html", 400),
        ("hang", 504),
        ("drip", 504),
        ("huge", 502),
    ],
)
def test_a_misbehaving_endpoint_gives_a_clear_bounded_answer(endpoint, served, mode, status):
    httpx.get(f"{endpoint}/mode?{mode}", timeout=5).raise_for_status()
    with httpx.Client(base_url=served.url, timeout=60) as client:
        for path, params in PATHS:
            started = time.monotonic()
            response = client.get(path, params=params)
            took = time.monotonic() - started
            expected = 400 if status == 400 and path in ("/sparql", "/query") else status
            if status == 400 and path not in ("/sparql", "/query"):
                expected = {502, 400}  # a page's own query the endpoint refuses: the endpoint's fault
            assert response.status_code in (expected if isinstance(expected, set) else {expected}), (
                mode,
                path,
                response.status_code,
                response.text[:300],
            )
            assert SECRET not in response.text and "alert" not in response.text, (mode, path)
            assert endpoint not in response.text, (mode, path)  # the store's address stays private
            assert took < TIMEOUT + 6, (mode, path, took)
        assert client.get("/").status_code == 200  # the server itself is well
    assert served.alive()
    assert peak_memory(served.process.pid) < 700 * 2**20


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Misbehaving).serve_forever()
