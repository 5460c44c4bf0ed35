"""Running untrusted queries with a hard time limit and a result cap.

Every query from /sparql, the ad-hoc page and the saved-query forms runs in one of a few worker
processes that open the store themselves (read-only). The web process waits at most `timeout` seconds
for the answer; a worker that overruns is killed and replaced, so a slow query costs one worker for
`timeout` seconds and never a hung server. A worker stops collecting results after `cap` rows (or
triples) and answers with an error instead. Results come back as rdflib terms, ready to serialize.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from ..errors import PartnergraphError, QueryError, StoreError
from ..query.guard import check_query

log = logging.getLogger(__name__)


class QueryTimeoutError(PartnergraphError):
    """The query ran longer than the time limit."""


class ResultCapError(PartnergraphError):
    """The query has more results than the cap."""


class BusyError(PartnergraphError):
    """Every worker stayed busy for longer than the time limit."""


def build_stamp(store_dir: str, state_file: str) -> tuple | None:
    """What tells one finished build from the next, by two `stat` calls: build/state.json (written
    last, by a rename: a new inode every build) and the store folder (swapped by a rename in a full
    build). None while there is no finished build: an update deletes state.json first."""
    try:
        state, store = os.stat(state_file), os.stat(store_dir)
    except OSError:
        return None
    return (state.st_ino, state.st_size, state.st_mtime_ns, store.st_ino)


@dataclass(frozen=True)
class StoreSource:
    """How the web process and its workers open the store: the embedded store's folder, or a remote
    endpoint. With a `stamp` (see build_stamp), opening fails unless the build on disk is that one
    both before and after the store is opened, so a store being swapped or updated is never served."""

    store_dir: str | None = None
    endpoint: str | None = None
    user: str | None = None
    password: str | None = None
    state_file: str | None = None
    stamp: tuple | None = None
    in_memory: bool = False  # copy the embedded store into memory (EmbeddedStore.copied_into_memory)

    def current_stamp(self) -> tuple | None:
        return build_stamp(self.store_dir, self.state_file) if self.state_file else None

    def open(self):
        if self.endpoint:
            from ..store import RemoteStore

            return RemoteStore(self.endpoint, user=self.user, password=self.password)
        from ..store import EmbeddedStore

        changed = StoreError("the build changed while the store was being opened; try again")
        if self.stamp is not None and self.current_stamp() != self.stamp:
            raise changed
        if self.in_memory:
            store = EmbeddedStore.copied_into_memory(self.store_dir)
        else:
            store = EmbeddedStore(self.store_dir, read_only=True)
        if self.stamp is not None and self.current_stamp() != self.stamp:
            store.close()
            raise changed
        return store


@dataclass
class Answer:
    """A query's answer: form is "select", "ask" or "graph"."""

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)  # SELECT: variable -> rdflib term
    boolean: bool = False
    triples: list[tuple] = field(default_factory=list)  # CONSTRUCT / DESCRIBE


_KEYWORDS = re.compile(
    r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I
)
_STRIP = re.compile(
    r"\bPREFIX\s+[^\s:]*:|#[^\n]*|<[^<>\s]*>|\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'",
    re.I,
)
UPDATE_FORMS = {"insert", "delete", "load", "clear", "drop", "create", "add", "move", "copy", "with"}


def query_form(query: str) -> str:
    """The form of a SPARQL request, by its first keyword after the prologue: select, ask, construct,
    describe, or an update keyword (insert, delete, load...); "" when none is found."""
    text = _STRIP.sub(" ", query)
    match = _KEYWORDS.search(text)
    return match.group(1).lower() if match else ""


def _run_in_store(store, query: str, cap: int) -> Answer:
    from ..store import EmbeddedStore

    if isinstance(store, EmbeddedStore):  # the form by what Oxigraph answers, the result read once
        import pyoxigraph as ox

        from ..store.embedded import read_solutions, read_triples

        result = store.raw_query(query)
        if isinstance(result, ox.QueryBoolean):
            return Answer("ask", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            rows = read_solutions(result, limit=cap)
            if rows.truncated:
                raise ResultCapError(f"the query has more than {cap} results; add a LIMIT")
            return Answer("select", variables=rows.variables, rows=rows.rows)
        triples, truncated = read_triples(result, limit=cap)
        if truncated:
            raise ResultCapError(f"the query has more than {cap} triples; add a LIMIT")
        return Answer("graph", triples=triples)
    form = query_form(query)
    if form == "ask":
        return Answer("ask", boolean=store.ask(query))
    if form in ("construct", "describe"):
        graph = store.construct(query)
        if len(graph) > cap:
            raise ResultCapError(f"the query has more than {cap} triples; add a LIMIT")
        return Answer("graph", triples=list(graph))
    rows = store.select(query)
    if len(rows) > cap:
        raise ResultCapError(f"the query has more than {cap} results; add a LIMIT")
    return Answer("select", variables=rows.variables, rows=rows.rows)


def _worker_main(conn, source: StoreSource) -> None:
    """A worker process: open the store, say ready, then answer (query, cap) requests until EOF."""
    try:
        store = source.open()
    except PartnergraphError as e:
        conn.send(("error", "StoreError", str(e)))
        return
    conn.send(("ready",))
    while True:
        try:
            query, cap = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", _run_in_store(store, query, cap)))
        except PartnergraphError as e:
            conn.send(("error", type(e).__name__, str(e)))
        except Exception as e:  # a bug or an engine failure must not kill the worker silently
            conn.send(("error", "StoreError", f"the query failed: {e}"))


_ERRORS = {
    "QueryError": QueryError,
    "StoreError": StoreError,
    "ResultCapError": ResultCapError,
}


class _Worker:
    def __init__(self, source: StoreSource, context):
        self.source = source
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, source), daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> None:
        if self.ready:
            return
        if not self.conn.poll(timeout):
            self.kill()
            raise StoreError(f"a query worker did not start within {timeout:g} s")
        message = self.conn.recv()
        if message[0] != "ready":
            self.kill()
            raise _ERRORS.get(message[1], StoreError)(message[2])
        self.ready = True

    def report_death(self) -> None:
        """Log how a worker that stopped on its own ended (a crash of the engine shows here)."""
        self.process.join(1)
        code = self.process.exitcode
        how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        log.warning("query worker %s died (%s); starting another", self.process.pid, how)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """A fixed number of worker processes; `run()` is blocking and thread-safe. `reload(source)`
    switches to a new build: the cached answers go, and every worker is replaced, an idle one at once,
    a busy one when it has answered."""

    def __init__(
        self, source: StoreSource, workers: int = 2, timeout: float = 10.0, cap: int = 10000, cache: int = 256
    ):
        self.source, self.size, self.timeout, self.cap = source, workers, timeout, cap
        # answers of recent queries, kept until the next reload
        self.cache_size = cache
        self._answers: OrderedDict[tuple[str, int], Answer] = OrderedDict()
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._closed = False

    def start(self) -> None:
        for _ in range(self.size):
            self._idle.put(_Worker(self.source, self._context))

    def run(self, query: str, cap: int | None = None) -> Answer:
        check_query(query)  # before the engine: SERVICE, and shapes that crash it
        key = (query, cap or self.cap)
        with self._lock:
            answers = self._answers  # an answer from before a reload lands in the dropped cache
            if key in answers:
                answers.move_to_end(key)
                return answers[key]
        answer = self._run(query, cap)
        if self.cache_size:
            with self._lock:
                answers[key] = answer
                while len(answers) > self.cache_size:
                    answers.popitem(last=False)
        return answer

    def reload(self, source: StoreSource) -> None:
        """Serve from `source` (a new build) from now on."""
        with self._lock:
            self.source = source
            self._answers = OrderedDict()
        stale = []
        while True:
            try:
                stale.append(self._idle.get_nowait())
            except queue.Empty:
                break
        for worker in stale:
            worker.kill()
            self._idle.put(_Worker(source, self._context))

    def _run(self, query: str, cap: int | None = None) -> Answer:
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise BusyError(
                f"every query worker is busy (time limit {self.timeout:g} s); try again shortly"
            ) from None
        if worker.source != self.source or not worker.process.is_alive():  # reloaded, or died idle
            if worker.source == self.source:
                worker.report_death()
            worker.kill()
            worker = _Worker(self.source, self._context)
        replace = False
        try:
            worker.wait_ready(max(30.0, self.timeout))
            if not worker.process.is_alive():
                raise StoreError("a query worker died")
            worker.conn.send((query, cap or self.cap))
            if not worker.conn.poll(self.timeout):
                replace = True
                raise QueryTimeoutError(
                    f"the query ran longer than the time limit of {self.timeout:g} s and was stopped; "
                    "narrow it down or add a LIMIT"
                )
            message = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            replace = True
            worker.report_death()
            raise StoreError("a query worker died while answering; try again") from None
        except PartnergraphError:
            replace = replace or not worker.ready or not worker.process.is_alive()
            raise
        finally:
            if replace or worker.source != self.source:
                worker.kill()
                worker = None if self._closed else _Worker(self.source, self._context)
            if worker is not None:
                self._idle.put(worker)
        if message[0] == "ok":
            return message[1]
        raise _ERRORS.get(message[1], StoreError)(message[2])

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().kill()
            except queue.Empty:
                break
