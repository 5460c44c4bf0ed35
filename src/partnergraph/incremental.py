"""Incremental build: re-extract only the pages that were added or changed, and replace only their named
graphs, in the embedded store and in the dumps.

Every other line of the sorted N-Quads dump stays byte for byte as it was: the new dump is the old one
minus the lines of the replaced graphs plus their new lines, sorted the way `publish.sorted_nquads`
sorts. The entities graph (what the pages name beyond the registries, described once for all pages) is
remade from each page's share, recorded by the build in build/entities.json. The result is the dump a
full build would write from the same inputs (the tests check this).

Two steps, so that a caller can prepare and validate before it changes anything on disk:
`make_page_graphs` extracts, curates, turns into RDF and validates (SHACL, with the ontology and the
registries); `apply_page_graphs` then swaps the graphs into the dumps and the store, updates
build/report.json, and writes build/state.json last, so that `ensure_built` sees a current build.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Dataset

from . import iris
from ._atomic import write_atomic
from .aggregates import write_aggregates
from .build import (
    _report,
    entity_lines,
    input_hash,
    is_current,
    make_dataset,
    read_entity_lines,
    write_entity_lines,
)
from .curate import apply_curation, read_curation
from .errors import SourceError, StoreError
from .extract import extract_events
from .model import Event
from .ontology_tools import load_ontology_graph, load_shapes
from .publish import DUMP_NAME, sorted_nquads, write_dumps
from .rdf import validate_dataset
from .rdf.dataset import add_named_graph
from .reference import Registries, load_registries
from .settings import Settings
from .sources import ManifestEntry, read_manifest, read_page
from .store import EmbeddedStore

log = logging.getLogger(__name__)


@dataclass
class PageGraph:
    """One page's named graph, ready to replace the old one."""

    entry: ManifestEntry
    events: list[Event]
    nquads: bytes  # sorted N-Quads of the page's named graph only
    entity_lines: list[str]  # the page's share of the entities graph (N-Quads lines)
    stale_curations: list[str] = field(default_factory=list)
    unknown_organisations: list[str] = field(default_factory=list)
    unlinked: list[str] = field(default_factory=list)

    @property
    def graph_iri(self) -> str:
        return str(iris.source_graph(self.entry.source_id))


@dataclass
class IncrementalReport:
    pages: dict[str, int]  # replaced page -> number of events
    quads: int  # quads in the whole dataset afterwards
    removed: int  # quads of the replaced graphs before
    added: int  # quads of the replaced graphs now


def can_update(settings: Settings) -> bool:
    """Whether an incremental update is possible now: there is a build and it matches the inputs."""
    return (
        is_current(settings)
        and (settings.dumps_dir / f"{DUMP_NAME}.nq").is_file()
        and settings.entities_file.is_file()
    )


def make_page_graphs(
    settings: Settings, pages: list[tuple[ManifestEntry, Path]], registries: Registries | None = None
) -> list[PageGraph]:
    """Extract the pages (each entry with the path of its text), apply their curations, turn them into
    RDF and validate them with the ontology and the registries. Raises before anything is written."""
    registries = registries or load_registries(settings.reference_dir)
    curation = read_curation(settings.curation_file)
    extracted, texts = [], {}
    for entry, path in pages:
        page = read_page(
            path,
            url=entry.url,
            year=entry.year,
            encoding=entry.extra.get("encoding"),
            source_id=entry.source_id,
            home=entry.home,
            home_city=entry.home_city,
        )
        events = extract_events(page, registries)
        prefix = f"{entry.source_id}/"
        own = {k: v for k, v in curation.items() if str(k).startswith(prefix)}
        events, stale = apply_curation(events, own, registries)
        extracted.append((entry, events, stale))
        texts[entry.source_id] = page.text
    pairs = [(entry, events) for entry, events, _ in extracted]
    dataset = make_dataset(settings, registries, pairs, texts)
    validate_dataset(dataset, load_shapes(settings.ontology_dir), load_ontology_graph(settings.ontology_dir))
    out = []
    for entry, events, stale in extracted:
        name = iris.source_graph(entry.source_id)
        single = Dataset()
        add_named_graph(single, name, dataset.graph(name))
        findings = _report(settings, registries, [(entry, events)], stale)
        out.append(
            PageGraph(
                entry,
                events,
                sorted_nquads(single),
                entity_lines(registries, events),
                stale,
                findings.unknown_organisations,
                findings.unlinked,
            )
        )
    return out


def replace_graph_lines(old: bytes, graphs: dict[str, bytes]) -> tuple[bytes, int]:
    """The sorted N-Quads `old` with the lines of the named graphs in `graphs` swapped for their new
    lines; returns the new dump and the number of lines removed."""
    ends = tuple(f" <{iri}> .".encode() for iri in graphs)
    kept = [line for line in old.splitlines() if line.strip() and not line.endswith(ends)]
    removed = sum(1 for line in old.splitlines() if line.endswith(ends))
    lines = [line.decode("utf-8") for line in kept]
    for data in graphs.values():
        lines += [line for line in data.decode("utf-8").splitlines() if line.strip()]
    return ("\n".join(sorted(set(lines))) + "\n").encode("utf-8"), removed


def apply_page_graphs(settings: Settings, graphs: list[PageGraph]) -> IncrementalReport:
    """Swap the page graphs into the dumps and the embedded store, then update report and state."""
    dump = settings.dumps_dir / f"{DUMP_NAME}.nq"
    if not dump.is_file() or not settings.store_dir.is_dir():
        raise StoreError(f"no build in {settings.build_dir} to update; run `partnergraph build`")
    shares = read_entity_lines(settings) | {g.entry.source_id: g.entity_lines for g in graphs}
    entities = "".join(f"{line}\n" for line in sorted({x for lines in shares.values() for x in lines}))
    replaced = {g.graph_iri: g.nquads for g in graphs} | {str(iris.ENTITIES_GRAPH): entities.encode("utf-8")}
    new_nquads, removed = replace_graph_lines(dump.read_bytes(), replaced)
    store = EmbeddedStore(settings.store_dir)  # opened first: a store in use fails before any change
    try:
        # from here until the end the build is in between: without state.json the next ensure_built
        # rebuilds everything, should anything below fail
        (settings.build_dir / "state.json").unlink(missing_ok=True)
        write_dumps(new_nquads, settings.dumps_dir)
        for graph_iri, nquads in replaced.items():
            store.replace_graph(graph_iri, nquads)
        store.compact()
        write_aggregates(store, settings.build_dir)
        write_entity_lines(settings, shares)
    except OSError as e:
        raise StoreError(f"cannot update the build in {settings.build_dir}: {e}") from None
    finally:
        store.close()
        del store
    quads = new_nquads.count(b"\n")
    _update_report(settings, graphs, quads)
    write_atomic(settings.build_dir / "state.json", json.dumps({"input_hash": input_hash(settings)}))
    added = sum(data.count(b"\n") for data in replaced.values())
    log.info(
        "replaced %d page graph(s) and the entities graph: -%d +%d quads, %d in all",
        len(graphs),
        removed,
        added,
        quads,
    )
    return IncrementalReport({g.entry.source_id: len(g.events) for g in graphs}, quads, removed, added)


def _update_report(settings: Settings, graphs: list[PageGraph], quads: int) -> None:
    """build/report.json as a full build would write it: the replaced pages' findings swapped."""
    path = settings.build_dir / "report.json"
    try:
        report = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except ValueError:
        report = {}
    ids = {g.entry.source_id for g in graphs}
    # when each page's graph was last made: a full build made them all at once (the report's time)
    built_at = report.get("built_at") or {
        sid: mtime_iso(path) for sid in report.get("pages", {}) if path.is_file()
    }
    built_at.update({sid: now_iso() for sid in ids})
    report["built_at"] = dict(sorted(built_at.items()))

    def others(items: list[str], mark) -> list[str]:
        return [x for x in items if not any(mark(x, i) for i in ids)]

    report["input_hash"] = input_hash(settings)
    report["pages"] = dict(
        sorted({**report.get("pages", {}), **{g.entry.source_id: len(g.events) for g in graphs}}.items())
    )
    report["triples"] = quads
    report["unknown_organisations"] = sorted(
        others(report.get("unknown_organisations", []), lambda x, i: f"({i}/" in x)
        + [x for g in graphs for x in g.unknown_organisations]
    )
    report["unlinked"] = sorted(
        others(report.get("unlinked", []), lambda x, i: f"({i}/" in x)
        + [x for g in graphs for x in g.unlinked]
    )
    report["stale_curations"] = sorted(
        others(report.get("stale_curations", []), lambda x, i: x.startswith(f"{i}/"))
        + [x for g in graphs for x in g.stale_curations]
    )
    report["rebuilt"] = False
    write_atomic(path, json.dumps(report, ensure_ascii=False, indent=2))


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def mtime_iso(path: Path) -> str:
    """A file's modification time, ISO 8601 in UTC."""
    stamp = datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(microsecond=0)
    return stamp.isoformat().replace("+00:00", "Z")


def update_pages(settings: Settings, source_ids: list[str]) -> IncrementalReport:
    """Re-extract and replace the named graphs of these pages of the manifest (build must be current
    but for them)."""
    entries = {e.source_id: e for e in read_manifest(settings.sources_dir)}
    missing = [s for s in source_ids if s not in entries]
    if missing:
        raise SourceError(f"not in the manifest: {', '.join(missing)}")
    pages = [(entries[s], settings.sources_dir / entries[s].file) for s in source_ids]
    return apply_page_graphs(settings, make_page_graphs(settings, pages))
