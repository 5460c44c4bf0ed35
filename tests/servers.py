"""Real SPARQL servers for tests and benchmarks: an Oxigraph server and a Virtuoso, each in its own
temporary folder on free loopback ports.

    server = start_oxigraph(tmp_path / "ox")      # or start_virtuoso(tmp_path / "vt")
    try:
        RemoteStore(server.query_url).select("SELECT * { ?s ?p ?o } LIMIT 1")
    finally:
        server.stop()

`server.kill()` stops the process with SIGKILL (a crash); `server.start()` starts it again on the same
data. Nothing is skipped: a missing binary raises ServerError saying what to install. The servers answer
only on 127.0.0.1 and hold nothing outside their folder.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"
START_TIMEOUT = 90.0  # seconds; Virtuoso creates its database in 3-8 s on a small machine


class ServerError(RuntimeError):
    """A server could not be started (missing binary, crashed at start, never answered)."""


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now (bind port 0, read it, release it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def find_binary(name: str, hint: str) -> str:
    """A binary from the venv beside this Python, else from PATH."""
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return str(beside)
    found = shutil.which(name)
    if not found:
        raise ServerError(f"{name} is not installed ({hint})")
    return found


def _answers(url: str) -> bool:
    """True when `url` (an ASK query) answers 200 with SPARQL JSON results."""
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status == 200 and b"boolean" in response.read()
    except (OSError, ValueError):
        return False


@dataclass
class Server:
    """A server process and its URLs. `kind` is 'oxigraph' or 'virtuoso'."""

    kind: str
    folder: Path
    command: list[str] = field(default_factory=list)
    port: int = 0
    query_path: str = ""
    update_path: str = ""
    graph_store_path: str = ""
    user: str | None = None
    password: str | None = None
    process: subprocess.Popen | None = None
    prepare: object = None  # a callable(server) run before each start (Virtuoso writes its ini)
    log_path: Path | None = None

    def url(self, path: str) -> str:
        return f"http://{HOST}:{self.port}{path}"

    @property
    def query_url(self) -> str:
        return self.url(self.query_path)

    @property
    def update_url(self) -> str:
        return self.url(self.update_path)

    @property
    def graph_store_url(self) -> str:
        return self.url(self.graph_store_path)

    @property
    def auth(self) -> dict:
        """user/password keywords for RemoteStore and push_dataset (empty when none is needed)."""
        return {"user": self.user, "password": self.password} if self.user else {}

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self, timeout: float = START_TIMEOUT) -> Server:
        """Start the process (again) and return once it answers a query; raise ServerError otherwise."""
        if self.alive():
            return self
        if self.prepare:
            self.prepare(self)
        log = open(self.log_path, "ab")  # noqa: SIM115 - the process keeps it
        self.process = subprocess.Popen(
            self.command(self) if callable(self.command) else self.command,
            cwd=self.folder,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        probe = self.url(self.query_path) + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise ServerError(f"{self.kind} exited at start:\n{self.log_tail()}")
            if _answers(probe):
                return self
            time.sleep(0.05)
        self.kill()
        raise ServerError(f"{self.kind} did not answer within {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 20) -> str:
        if not self.log_path or not self.log_path.is_file():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def kill(self) -> None:
        """SIGKILL, as a crash or a pulled plug would stop it."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        """A clean shutdown (SIGTERM), then SIGKILL if it takes more than 30 s."""
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()


def start_oxigraph(folder: str | Path, port: int | None = None, union_default_graph: bool = True) -> Server:
    """`oxigraph serve` with its data in `folder`, the default graph being the union of the named graphs
    (as the saved queries expect; `union_default_graph=False` is the stock server). Query /query, update
    /update, Graph Store Protocol /store."""
    folder = Path(folder)
    (folder / "data").mkdir(parents=True, exist_ok=True)
    binary = find_binary("oxigraph", "pip install oxigraph")

    def command(server: Server) -> list[str]:
        return [
            binary,
            "serve",
            "--location",
            str(folder / "data"),
            "--bind",
            f"{HOST}:{server.port}",
            *(["--union-default-graph"] if union_default_graph else []),
        ]

    server = Server(
        kind="oxigraph",
        folder=folder,
        command=command,
        port=port or free_port(),
        query_path="/query",
        update_path="/update",
        graph_store_path="/store",
        log_path=folder / "oxigraph.log",
    )
    return server.start()


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = {host}:{sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
CheckpointInterval = 60
DirsAllowed = ., {folder}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty_buffers}
CaseMode = 2
MaxQueryMem = 1G
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = {host}:{http_port}
ServerRoot = {folder}/vsp
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 600
MaxSortedTopRows = 10000000
"""


def start_virtuoso(folder: str | Path, buffers: int = 20000) -> Server:
    """`virtuoso-t +foreground` with its own ini and database in `folder`, SQL and HTTP on free loopback
    ports. Reads go to /sparql (no login); writes to /sparql-auth and /sparql-graph-crud-auth as
    dba:dba (HTTP digest), the credentials a fresh Virtuoso database has. The result-row cap is raised
    from the packaged 10,000 so that no answer is cut short. `buffers` are 8 KB pages of cache."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vsp").mkdir(exist_ok=True)
    binary = find_binary("virtuoso-t", "apt-get install virtuoso-opensource")

    def prepare(server: Server) -> None:
        # fresh ports at each start: the previous ones may have been taken meanwhile
        if server.process is not None:
            server.port = free_port()
        (folder / "virtuoso.ini").write_text(
            VIRTUOSO_INI.format(
                folder=folder,
                host=HOST,
                sql_port=free_port(),
                http_port=server.port,
                buffers=buffers,
                dirty_buffers=buffers * 3 // 4,
            )
        )

    server = Server(
        kind="virtuoso",
        folder=folder,
        command=[binary, "+foreground", "+configfile", str(folder / "virtuoso.ini")],
        port=free_port(),
        query_path="/sparql",
        update_path="/sparql-auth",
        graph_store_path="/sparql-graph-crud-auth",
        user="dba",
        password="dba",
        prepare=prepare,
        log_path=folder / "virtuoso.out",
    )
    return server.start()


SERVERS = {"oxigraph": start_oxigraph, "virtuoso": start_virtuoso}


def start_oxigraph_read_only(folder: str | Path) -> Server:
    """`oxigraph serve-read-only` on a database of its own in `folder` (created by a first, writable
    start): queries on /query; /store and /update refuse every write."""
    server = start_oxigraph(folder)
    server.stop()
    writable = server.command
    server.command = lambda s: ["serve-read-only" if part == "serve" else part for part in writable(s)]
    server.kind = "oxigraph read-only"
    return server.start()
