"""Running untrusted queries with a hard time limit and a result cap.

Every query from /sparql, the ad-hoc page and the saved-query forms runs in one of a few worker
processes that open the store themselves (read-only). The web process waits at most `timeout` seconds
for the answer; a worker that overruns is killed and replaced, so a slow query costs one worker for
`timeout` seconds and never a hung server. A worker stops collecting results after `cap` rows (or
triples), or when the answer's text passes `max_bytes`, and answers with an error instead. Results
come back as rdflib terms, ready to serialize.

Memory: each worker may grow by `memory` bytes beyond what it holds once the store is open
(RLIMIT_AS); a query that needs more (an ORDER BY over a cross join, a CONCAT that doubles a string
twenty times) makes the engine abort and the worker is replaced (503). Workers run at a lower CPU
priority than the web process, so pages keep answering while they work.

Queueing: untrusted queries (/sparql, /query) may hold all workers but one, which stays for the
saved queries (whose text is ours); a caller waits at most `wait` seconds for a worker and at most
`max_waiting` callers wait at once: beyond that the answer is a quick 503 with Retry-After instead of
a thread parked for the time limit. Cached answers are bounded by count and by bytes (`_cache.py`).

Refusals are remembered: an untrusted query stopped at the time, memory or size limit is refused at
once, without a worker, when it comes again within `refusal_memory` seconds (the same query: comments
and white space do not count, `guard.query_key`). A client repeating a heavy query then costs nothing,
and the workers stay free for the others. A client that changes the text each time is held to its share
of worker time while others wait (`_fair.py`: one query at a time, `timeout` seconds of worker time in
five minutes; 429 beyond).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import resource
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PartnergraphError, QueryError, StoreError, StoreTimeoutError
from ..query.guard import check_query, query_form, query_key
from ._cache import BoundedCache
from ._fair import ClientShares

log = logging.getLogger(__name__)


class QueryTimeoutError(PartnergraphError):
    """The query ran longer than the time limit."""


class ResultCapError(PartnergraphError):
    """The query has more results than the cap."""


class BusyError(PartnergraphError):
    """No worker is free soon enough; `retry_after` seconds is a fair time to try again."""

    def __init__(self, message: str, retry_after: int = 5):
        super().__init__(message)
        self.retry_after = retry_after


class MemoryLimitError(PartnergraphError):
    """The query needed more memory than a worker may take."""


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
    in_memory: bool = False  # the workers copy the embedded store into memory (_MemoryCopy)
    timeout: float = 60.0  # seconds a remote endpoint has for a whole answer

    # a remote answer is read up to this size: twice the text an answer may hold (JSON's overhead)
    REMOTE_BYTES = 64 * 2**20

    def current_stamp(self) -> tuple | None:
        return build_stamp(self.store_dir, self.state_file) if self.state_file else None

    def open(self):
        if self.endpoint:
            from ..store import RemoteStore

            # no retries: a visitor is answered at once (502/504) rather than after the backoff
            return RemoteStore(
                self.endpoint,
                user=self.user,
                password=self.password,
                timeout=self.timeout,
                retries=0,
                max_bytes=self.REMOTE_BYTES,
            )
        from ..store import EmbeddedStore

        changed = StoreError("the build changed while the store was being opened; try again")
        if self.stamp is not None and self.current_stamp() != self.stamp:
            raise changed
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


UPDATE_FORMS = {"insert", "delete", "load", "clear", "drop", "create", "add", "move", "copy", "with"}


def _run_in_store(store, query: str, cap: int, dataset: tuple | None = None) -> Answer:
    """The answer of `query`; `dataset`: (default graph IRIs, named graph IRIs) from the protocol."""
    from ..store import EmbeddedStore

    if isinstance(store, EmbeddedStore):  # the form by what Oxigraph answers, the result read once
        import pyoxigraph as ox

        from ..store.embedded import read_solutions, read_triples

        result = store.raw_query(query, *(dataset or ()))
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
    extra = {"dataset": dataset} if dataset else {}  # a remote store sends it on with the query
    form = query_form(query)
    if form == "ask":
        return Answer("ask", boolean=store.ask(query, **extra))
    if form in ("construct", "describe"):
        graph = store.construct(query, **extra)
        if len(graph) > cap:
            raise ResultCapError(f"the query has more than {cap} triples; add a LIMIT")
        return Answer("graph", triples=list(graph))
    rows = store.select(query, **extra)
    if len(rows) > cap:
        raise ResultCapError(f"the query has more than {cap} results; add a LIMIT")
    return Answer("select", variables=rows.variables, rows=rows.rows)


def answer_bytes(answer: Answer) -> int:
    """The text an answer holds: the characters of all its terms."""
    if answer.form == "select":
        return sum(len(term) for row in answer.rows for term in row.values())
    return sum(len(s) + len(p) + len(o) for s, p, o in answer.triples)


def _limit_memory(allowance: int) -> None:
    """Let this process's address space grow by at most `allowance` bytes from now on."""
    with open("/proc/self/status", encoding="ascii") as status:
        size = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)  # lowered, never raised
    limit = size + allowance if hard == resource.RLIM_INFINITY else min(size + allowance, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


class _MemoryCopy:
    """The worker's store copied into memory in a thread while the worker answers from disk: at 10^5
    events a copy takes one to several minutes, in which a worker that waited for it answered nothing
    (the server said 502/503). `room`: the address space the copy may take, 8 times the store's size
    on disk (the copy in memory takes about 2.3 times, the N-Quads text passed on about 1.3 times)
    and 1 GB for the engine's threads."""

    def __init__(self, store):
        size = sum(f.stat().st_size for f in Path(store.path).iterdir() if f.is_file())
        self.room = 8 * size + 2**30
        self.store = None
        self.thread = threading.Thread(target=self._copy, args=(store,), daemon=True)
        self.thread.start()

    def _copy(self, store) -> None:
        try:
            self.store = store.copy_into_memory()
        except Exception as e:  # the worker goes on answering from disk
            log.warning("query worker %s: no copy in memory (%s); answering from disk", os.getpid(), e)

    def swap(self, store, memory: int | None):
        """Once the thread is done: the copy in place of `store` (closed), or `store` if the copy
        failed; the memory limit lowered to `memory` beyond what is now held."""
        if self.store is not None:
            store.close()
            store = self.store
        if memory:
            _limit_memory(memory)
        return store


def _worker_main(conn, source: StoreSource, memory: int | None = None) -> None:
    """A worker process: open the store, limit its memory, say ready, then answer
    (query, cap, max_bytes) requests until EOF. With `source.in_memory`, the store is copied into
    memory meanwhile and the worker answers from the copy once it is made."""
    try:
        store = source.open()
        if not source.endpoint:
            _run_in_store(store, "ASK { ?s ?p ?o }", 1)  # the engine's buffers, before the limit
    except PartnergraphError as e:
        conn.send(("error", "StoreError", str(e)))
        return
    os.nice(5)
    copy = _MemoryCopy(store) if source.in_memory and not source.endpoint else None
    if memory:
        _limit_memory(memory + (copy.room if copy else 0))
    conn.send(("ready",))
    while True:
        try:
            query, cap, max_bytes, dataset = conn.recv()
        except (EOFError, OSError):
            return
        if copy is not None and not copy.thread.is_alive():
            store, copy = copy.swap(store, memory), None
        try:
            answer = _run_in_store(store, query, cap, dataset)
            if max_bytes and answer_bytes(answer) > max_bytes:
                raise ResultCapError(
                    f"the answer is larger than {max_bytes // 2**20} MB; add a LIMIT or select less text"
                )
            conn.send(("ok", answer))
        except PartnergraphError as e:
            conn.send(("error", type(e).__name__, str(e)))
        except MemoryError:  # the limit reached in Python (reading the rows), not in the engine (SIGABRT)
            conn.send(("error", "MemoryLimitError", memory_refusal(memory)))
        except Exception as e:  # a bug or an engine failure must not kill the worker silently
            conn.send(("error", "StoreError", f"the query failed: {e}"))


def memory_refusal(memory: int | None) -> str:
    limit = f"more than {memory // 2**20} MB of memory" if memory else "more memory than this machine has"
    return f"the query needed {limit} and was stopped; narrow it down or add a LIMIT"


_ERRORS = {
    "MemoryLimitError": MemoryLimitError,
    "QueryError": QueryError,
    "StoreError": StoreError,
    "StoreTimeoutError": StoreTimeoutError,
    "ResultCapError": ResultCapError,
}


class _Worker:
    def __init__(self, source: StoreSource, context, memory: int | None = None):
        self.source = source
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, source, memory), daemon=True)
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

    def report_death(self) -> int | None:
        """Log how a worker that stopped on its own ended (a crash of the engine shows here); the
        signal that stopped it, if one did."""
        self.process.join(1)
        code = self.process.exitcode
        how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        log.warning("query worker %s died (%s); starting another", self.process.pid, how)
        return -code if code is not None and code < 0 else None

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
        self,
        source: StoreSource,
        workers: int = 2,
        timeout: float = 10.0,
        cap: int = 10000,
        cache: int = 256,
        memory: int | None = 512 * 2**20,
        max_bytes: int = 32 * 2**20,
        cache_bytes: int = 32 * 2**20,
        wait: float = 0.5,  # a refusal (503 + Retry-After) comes well within a second
        max_waiting: int | None = None,
        refusal_memory: float = 60.0,
        client_window: float = 300.0,
    ):
        self.source, self.size, self.timeout, self.cap = source, workers, timeout, cap
        self.memory, self.max_bytes, self.wait = memory, max_bytes, min(wait, timeout)
        self.cache_size, self.cache_bytes = cache, cache_bytes
        self._answers = BoundedCache(cache, cache_bytes)  # kept until the next reload
        self.refusal_memory = refusal_memory
        self._refusals = BoundedCache(1024, 2**20)  # query key -> (error type, message, when)
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._untrusted = threading.BoundedSemaphore(max(1, workers - 1))
        self._waiting, self._max_waiting = 0, max_waiting if max_waiting is not None else 2 * workers
        self._lock = threading.Lock()
        self._closed = False
        self._shares = ClientShares(budget=timeout, window=client_window)

    def _new_worker(self, source: StoreSource | None = None) -> _Worker:
        return _Worker(source or self.source, self._context, self.memory)

    def start(self) -> None:
        for _ in range(self.size):
            self._idle.put(self._new_worker())

    def run(
        self,
        query: str,
        cap: int | None = None,
        trusted: bool = False,
        dataset: tuple | None = None,
        client: str | None = None,
    ) -> Answer:
        """The answer of `query`. `trusted`: the text is ours (a saved query with its parameters
        bound), so it may use the worker kept free of untrusted queries. `dataset`: (default graph
        IRIs, named graph IRIs), the protocol's default-graph-uri and named-graph-uri. `client`: who
        asks (an address), held to its share of worker time when the query is untrusted."""
        check_query(query)  # before the engine: SERVICE, and shapes that crash it
        key = (query_key(query), cap or self.cap, dataset)
        answers = self._answers  # an answer from before a reload lands in the dropped cache
        answer = answers.get(key)
        if answer is not None:
            return answer
        request = (query, cap or self.cap, self.max_bytes, dataset)
        if trusted:
            answer = self._run(request)
        else:
            answer = self._run_remembering_refusals(key, request, client)
        answers.put(key, answer, answer_bytes(answer) + 256)
        return answer

    def _run_remembering_refusals(self, key, request: tuple, client: str | None) -> Answer:
        refusals = self._refusals
        refused = refusals.get(key)
        if refused is not None and time.monotonic() - refused[2] < self.refusal_memory:
            kind, message, when = refused
            raise kind(
                f"{message} (the same query was stopped {time.monotonic() - when:.0f} s ago and is not run "
                f"again within {self.refusal_memory:g} s)"
            )
        try:
            return self._run_untrusted(request, client)
        except (QueryTimeoutError, MemoryLimitError, ResultCapError) as e:
            refusals.put(key, (type(e), str(e), time.monotonic()), 256 + len(str(e)))
            raise

    def _busy(self) -> BusyError:
        return BusyError(
            "every query worker is busy; try again shortly", retry_after=max(1, round(self.timeout / 2))
        )

    def _run_untrusted(self, request: tuple, client: str | None) -> Answer:
        if client is not None:
            self._shares.begin(client, self.wait)  # refused at once when the client has had its share
        held = 0.0  # seconds on a worker: waiting for one is not charged to the client
        try:
            try:
                self._admit()
            except BusyError:
                if client is not None:
                    self._shares.turned_away(client)
                raise
            started = time.monotonic()
            try:
                return self._run(request)
            finally:
                held = time.monotonic() - started
                self._untrusted.release()
        finally:
            if client is not None:
                self._shares.end(client, held)

    def _admit(self) -> None:
        """Take one of the untrusted queries' workers, waiting `wait` seconds at most."""
        with self._lock:
            if self._waiting >= self._max_waiting:
                raise self._busy()
            self._waiting += 1
        try:
            admitted = self._untrusted.acquire(timeout=self.wait)
        finally:
            with self._lock:
                self._waiting -= 1
        if not admitted:
            raise self._busy()

    def reload(self, source: StoreSource) -> None:
        """Serve from `source` (a new build) from now on."""
        with self._lock:
            self.source = source
            self._answers = BoundedCache(self.cache_size, self.cache_bytes)
            self._refusals = BoundedCache(1024, 2**20)
        stale = []
        while True:
            try:
                stale.append(self._idle.get_nowait())
            except queue.Empty:
                break
        for worker in stale:
            worker.kill()
            self._idle.put(self._new_worker(source))

    def _run(self, request: tuple) -> Answer:
        try:
            worker = self._idle.get(timeout=self.wait)
        except queue.Empty:
            raise self._busy() from None
        if worker.source != self.source or not worker.process.is_alive():  # reloaded, or died idle
            if worker.source == self.source:
                worker.report_death()
            worker.kill()
            worker = self._new_worker()
        replace = False
        try:
            worker.wait_ready(max(30.0, self.timeout))
            if not worker.process.is_alive():
                raise StoreError("a query worker died")
            worker.conn.send(request)
            if not worker.conn.poll(self.timeout):
                replace = True
                if worker.source.endpoint:  # the remote endpoint's time, not this server's
                    raise StoreTimeoutError(f"the SPARQL endpoint gave no answer within {self.timeout:g} s")
                raise QueryTimeoutError(
                    f"the query ran longer than the time limit of {self.timeout:g} s and was stopped; "
                    "narrow it down or add a LIMIT"
                )
            message = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            replace = True
            if worker.report_death() == signal.SIGABRT and self.memory:
                raise MemoryLimitError(memory_refusal(self.memory)) from None
            raise StoreError("a query worker died while answering; try again") from None
        except PartnergraphError:
            replace = replace or not worker.ready or not worker.process.is_alive()
            raise
        finally:
            if replace or worker.source != self.source:
                worker.kill()
                worker = None if self._closed else self._new_worker()
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
