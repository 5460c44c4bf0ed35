"""Keeps the graph in step with the review: after each save, the pages whose corrections changed are
updated incrementally (incremental.py, as `partnergraph add` does); after a registry change, the pages
that name its body (affected.py) and the registry graph.

A background thread does the work, so a click never waits for SHACL. Between a save and the update
build/state.json is absent: should the review be killed then, the next command rebuilds from scratch
rather than trust a graph that misses the last corrections. Pages whose update failed (a store another
process holds) stay pending: tried again with the next save and when the
review starts again (build/review-failed.json keeps them), and shown in the status until they succeed.
An event whose corrections the graph refuses (a city no registry knows any more, a type taken off) does not
hold the others back: the update keeps it as extracted, applies every other correction, and the status
names it with the broken rule until a correction of it is saved that the graph takes
(incremental.make_page_graphs). Its corrections stay in data/curation.yaml as the person wrote them.
"""

from __future__ import annotations

import json
import logging
import threading

from rdflib import Dataset

from .. import iris
from .._atomic import write_atomic
from ..build import REPORT
from ..incremental import apply_page_graphs, make_page_graphs
from ..publish import sorted_nquads
from ..rdf.dataset import add_named_graph
from ..rdf.registry import registries_to_graph
from ..reference import load_registries
from ..settings import Settings

log = logging.getLogger(__name__)
REGISTRY = "+registry"  # no page: the registry graph alone (it is remade with every update)
FAILED = "review-failed.json"  # in build/: the pages whose update failed, until one succeeds


class GraphUpdater:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.dirty: set[str] = set()
        self.error: str | None = None
        self.failed = self._read_failed()  # retried by every update until one succeeds
        # page -> event id -> rules its corrections broke: those the build left out, then each update's
        self.refused: dict[str, dict[str, list[str]]] = self._read_refused()
        self.busy = False
        self.updates = 0  # finished updates, for a client that waits for the next one
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="graph-updates", daemon=True)
        self._thread.start()

    def mark(self, *source_ids: str) -> None:
        """Called after a write: these pages' graphs (or the REGISTRY's) are out of date."""
        with self._cond:
            (self.settings.build_dir / "state.json").unlink(missing_ok=True)
            self.dirty.update(source_ids)
            self._cond.notify_all()

    def status(self) -> dict:
        with self._cond:
            pending = bool(self.dirty) or self.busy
            return {
                "graph": "updating" if pending else "failed" if self.failed else "current",
                "error": self.error,
                "failed": sorted(p for p in self.failed if p != REGISTRY),
                "refused": [
                    {"page": page, "event": event, "problems": problems}
                    for page, events in sorted(self.refused.items())
                    for event, problems in sorted(events.items())
                ],
                "updates": self.updates,
            }

    def refused_events(self) -> set[str]:
        with self._cond:
            return {event for events in self.refused.values() for event in events}

    def wait(self, timeout: float) -> bool:
        """Until nothing is pending; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self.dirty and not self.busy, timeout)

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self.dirty)
                pages, self.dirty, self.busy = self.dirty | self.failed, set(), True
            try:
                self._update(pages)
                error = None
            except Exception as e:  # reported in the review page; the next save tries again
                log.exception("graph update failed")
                error = str(e)
            with self._cond:
                if self.dirty:  # saved meanwhile: the state written by the update is already old
                    (self.settings.build_dir / "state.json").unlink(missing_ok=True)
                self.busy, self.error = False, error
                self._write_failed(pages if error else set())
                self.updates += 1
                self._cond.notify_all()

    def fail(self, pages: set[str], error: str) -> None:
        """These pages are not in the graph as they are now (the build at the review's start failed): shown
        as failed, and tried again at once (a refused correction is then left out) and with every save."""
        with self._cond:
            self.error = error
            self._write_failed(self.failed | set(pages))
            self.dirty.update(pages)
            self._cond.notify_all()

    def _read_refused(self) -> dict[str, dict[str, list[str]]]:
        """The corrections the last build or update left out (build/report.json), by page."""
        try:
            report = json.loads((self.settings.build_dir / REPORT).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        refused: dict[str, dict[str, list[str]]] = {}
        for event, problems in (report.get("refused_curations") or {}).items():
            refused.setdefault(event.split("/", 1)[0], {})[event] = problems
        return refused

    def _read_failed(self) -> set[str]:
        """The pages a previous run could not update: tried again now, unless a build made them since."""
        from ..state import is_current

        path = self.settings.build_dir / FAILED
        try:
            failed = set(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return set()
        if is_current(self.settings):  # a full build (the review's start makes one) took them in
            path.unlink(missing_ok=True)
            return set()
        self.dirty |= failed
        return failed

    def _write_failed(self, pages: set[str]) -> None:
        if pages != self.failed:
            path = self.settings.build_dir / FAILED
            if pages:
                write_atomic(path, json.dumps(sorted(pages)))
            else:
                path.unlink(missing_ok=True)
        self.failed = set(pages)

    def _update(self, pages: set[str]) -> None:
        from ..sources import read_manifest

        entries = [e for e in read_manifest(self.settings.sources_dir) if e.source_id in pages]
        registries = load_registries(self.settings.reference_dir)
        pairs = [(e, self.settings.sources_dir / e.file) for e in entries]
        graphs = make_page_graphs(self.settings, pairs, registries)
        apply_page_graphs(
            self.settings, graphs, others={str(iris.REGISTRY_GRAPH): registry_nquads(registries)}
        )
        with self._cond:
            for graph in graphs:
                self.refused.pop(graph.entry.source_id, None)
                if graph.refused:
                    self.refused[graph.entry.source_id] = graph.refused


def registry_nquads(registries) -> bytes:
    """The registry graph's lines as a full build writes them (a review's entity decision changes it)."""
    dataset = Dataset()
    add_named_graph(dataset, iris.REGISTRY_GRAPH, registries_to_graph(registries))
    return sorted_nquads(dataset)
