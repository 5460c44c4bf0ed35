"""Incremental build: re-extract only the pages that were added or changed, and replace only their named
graphs, in the embedded store and in the dumps.

Every other line of the sorted N-Quads dump stays byte for byte as it was: the new dump is the old one
minus the lines of the replaced graphs plus their new lines, sorted the way `publish.sorted_nquads`
sorts. The entities graph (what the pages name beyond the registries, described once for all pages) is
remade from each page's share, recorded by the build in build/entities.json. The result is the dump a
full build would write from the same inputs (the tests check this).

Two steps, so that a caller can prepare and validate before it changes anything on disk:
`make_page_graphs` extracts, curates, turns into RDF and validates (SHACL, with the ontology and the
registries); `apply_page_graphs` then writes a new build generation (see generation.py) with the graphs
swapped into the dumps and into a copy of the store, and the report and state updated, and switches to it.
"""

from __future__ import annotations

import copy
import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Dataset

from . import iris
from ._atomic import write_atomic
from .build import (
    REPORT,
    STATE,
    _report,
    entity_lines,
    fill_generation,
    make_dataset,
    read_entity_lines,
    refused_corrections,
    write_entity_lines,
)
from .curate import apply_curation, read_curation
from .errors import ConflictError, SourceError, StoreError, ValidationError
from .extract import extract_events
from .extract.aliases import canonical_names, own_names, read_names, renamed_pages, unify_aliases, write_names
from .generation import new_generation
from .model import Event
from .ontology_tools import load_ontology_graph, load_shapes
from .publish import DUMP_NAME, sorted_nquads
from .rdf import validate_dataset
from .rdf.dataset import add_named_graph
from .reference import Registries, load_registries
from .settings import Settings
from .sources import ManifestEntry, read_manifest, read_page
from .state import base_hash, hash_state, mtime_iso, page_hashes, read_state, source_path
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
    names: dict = field(default_factory=dict)  # the page's own names before unification (extract/aliases.py)
    refused: dict[str, list[str]] = field(default_factory=dict)  # event id -> rules its corrections broke

    @property
    def graph_iri(self) -> str:
        return str(iris.source_graph(self.entry.source_id))


@dataclass
class IncrementalReport:
    pages: dict[str, int]  # replaced page -> number of events
    quads: int  # quads in the whole dataset afterwards
    removed: int  # quads of the replaced graphs before
    added: int  # quads of the replaced graphs now


def pages_to_update(settings: Settings) -> tuple[list[str], list[str]] | None:
    """What an incremental update must do to catch the build up with the corpus: the pages changed or
    added since the build, and the pages removed from the manifest. None when only a full build can
    (no build, or the registries, curation, ontology or code changed)."""
    state = read_state(settings)
    if (
        state is None
        or not isinstance(state.get("pages"), dict)
        or not (settings.dumps_dir / f"{DUMP_NAME}.nq").is_file()
        or not settings.entities_file.is_file()
        or state.get("base_hash") != base_hash(settings)
    ):
        return None
    now, built = page_hashes(settings), state["pages"]
    return [s for s, h in now.items() if built.get(s) != h], sorted(set(built) - set(now))


def can_update(settings: Settings) -> bool:
    """Whether an incremental update is possible now: there is a build, made with the same registries,
    curation, ontology and code."""
    return pages_to_update(settings) is not None


def make_page_graphs(
    settings: Settings,
    pages: list[tuple[ManifestEntry, Path]],
    registries: Registries | None = None,
    removed: list[str] = (),
) -> list[PageGraph]:
    """Extract the pages (each entry with the path of its text), apply their curations, unify their
    organisations' names with the corpus's aliases, turn them into RDF and validate them with the ontology
    and the registries. Unchanged pages whose organisations the new aliases (or the `removed` pages' absent
    ones) name otherwise are remade too. Raises before anything is written.

    An event whose corrections make the graph break a shape is kept as extracted, its corrections left out
    and named in PageGraph.refused (as `build` does), so that one refused correction does not hold back
    every other; a graph that breaks a shape without them still raises."""
    registries = registries or load_registries(settings.reference_dir)
    curation = read_curation(settings.curation_file)
    extracted: dict[str, tuple[ManifestEntry, list[Event], str]] = {}
    refused: dict[str, list[str]] = {}  # event id -> the rules its corrections broke
    while True:
        kept = {k: v for k, v in curation.items() if k not in refused}
        try:
            graphs = _make_page_graphs(settings, pages, registries, removed, kept, extracted)
        except ValidationError as e:
            found = refused_corrections(e, kept)
            if not found:
                raise
            refused |= found
            continue
        for graph in graphs:
            prefix = f"{graph.entry.source_id}/"
            graph.refused = {k: v for k, v in refused.items() if k.startswith(prefix)}
        return graphs


def _make_page_graphs(
    settings: Settings,
    pages: list[tuple[ManifestEntry, Path]],
    registries: Registries,
    removed: list[str],
    curation: dict,
    extracted: dict[str, tuple[ManifestEntry, list[Event], str]],
) -> list[PageGraph]:
    """make_page_graphs with this curation; `extracted`: the pages extracted so far (filled here)."""
    texts: dict[str, str] = {}

    def extract(entry: ManifestEntry, path: Path) -> tuple[ManifestEntry, list[Event], list[str]]:
        if entry.source_id not in extracted:
            page = read_page(
                path,
                url=entry.url,
                year=entry.year,
                encoding=entry.extra.get("encoding"),
                source_id=entry.source_id,
                home=entry.home,
                home_city=entry.home_city,
            )
            extracted[entry.source_id] = (entry, extract_events(page, registries), page.text)
        _entry, events, text = extracted[entry.source_id]
        events = copy.deepcopy(events)  # curation and unification change events in place
        prefix = f"{entry.source_id}/"
        own = {k: v for k, v in curation.items() if str(k).startswith(prefix)}
        events, stale = apply_curation(events, own, registries, {entry.source_id: text})
        texts[entry.source_id] = text
        return entry, events, stale

    found = [extract(entry, path) for entry, path in pages]
    names = {entry.source_id: own_names(events) for entry, events, _ in found}
    # one organisation under one name on every page, as a full build unifies them (build.extract_all)
    manifest = {e.source_id: e for e in read_manifest(settings.sources_dir)}
    recorded = {s: n for s, n in read_names(settings.build_dir).items() if s not in removed}
    before = canonical_names(_in_corpus_order(read_names(settings.build_dir), manifest))
    after = canonical_names(_in_corpus_order(recorded | names, manifest))
    others = {s: n for s, n in recorded.items() if s not in names and s in manifest}
    for sid in renamed_pages(others, before, after):
        found.append(extract(manifest[sid], source_path(settings, manifest[sid])))
        names[sid] = own_names(found[-1][1])
    unify_aliases([ev for _, events, _ in found for ev in events], after)
    pairs = [(entry, events) for entry, events, _ in found]
    shares = {entry.source_id: entity_lines(registries, events) for entry, events in pairs}
    dataset = make_dataset(settings, registries, pairs, texts)
    _validate_with_corpus(settings, dataset, shares, removed)
    out = []
    for entry, events, stale in found:
        name = iris.source_graph(entry.source_id)
        single = Dataset()
        add_named_graph(single, name, dataset.graph(name))
        findings = _report(settings, registries, [(entry, events)], stale)
        out.append(
            PageGraph(
                entry,
                events,
                sorted_nquads(single),
                shares[entry.source_id],
                stale,
                findings.unknown_organisations,
                findings.unlinked,
                names[entry.source_id],
            )
        )
    return out


def _validate_with_corpus(
    settings: Settings, dataset: Dataset, shares: dict[str, list[str]], removed: list[str]
) -> None:
    """SHACL over the pages' graphs and, in the entities graph, the union the next full build will hold for
    the entities these pages describe: their own lines and the other pages' lines about the same subjects
    (two pages each valid alone may give one city two latitudes). Only the lines about those subjects are
    parsed and validated (the others are only scanned), so the cost grows with the pages, not the corpus.
    Pages valid alone that break a shape only beside the others are refused with ConflictError (bad input,
    exit 2), naming the other pages and the entities."""
    shapes, ontology = load_shapes(settings.ontology_dir), load_ontology_graph(settings.ontology_dir)
    subjects = {_subject(line) for lines in shares.values() for line in lines}
    others: dict[str, list[str]] = {}  # the other pages' lines about these subjects, by page
    for sid, lines in read_entity_lines(settings).items():
        if sid not in shares and sid not in removed:
            if found := [line for line in lines if _subject(line) in subjects]:
                others[sid] = found
    if not others:
        validate_dataset(dataset, shapes, ontology)
        return
    parsed = Dataset()
    parsed.parse(data="\n".join(x for lines in others.values() for x in lines), format="nquads")
    entities = dataset.graph(iris.ENTITIES_GRAPH)
    extra = [t for t in parsed.graph(iris.ENTITIES_GRAPH) if t not in entities]
    for triple in extra:
        entities.add(triple)
    try:
        validate_dataset(dataset, shapes, ontology)
    except ValidationError as e:
        for triple in extra:
            entities.remove(triple)
        validate_dataset(dataset, shapes, ontology)  # the pages' own fault first (exit 1, as before)
        pages = sorted(shares)
        named = sorted(sid for sid, lines in others.items() if any(_subject(x) in str(e) for x in lines))
        problems = "; ".join(line.strip(" -") for line in str(e).splitlines()[1:])
        raise ConflictError(
            f"{', '.join(pages)}: valid alone, but not beside page(s) {', '.join(named or sorted(others))} "
            f"(the next full build would fail): {problems}; nothing was changed"
        ) from None


def _subject(line: str) -> str:
    """The subject IRI of an N-Quads line of the entities graph (no blank nodes there)."""
    return line[1 : line.index(">")]


def _in_corpus_order(names: dict[str, dict], manifest: dict[str, ManifestEntry]) -> list[dict]:
    """The pages' names in the manifest's order, pages not in it yet (being added) after, as given."""
    return [names[s] for s in manifest if s in names] + [n for s, n in names.items() if s not in manifest]


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


def apply_page_graphs(
    settings: Settings,
    graphs: list[PageGraph],
    removed: list[str] = (),
    others: dict[str, bytes] | None = None,
) -> IncrementalReport:
    """Write a new build generation with the page graphs swapped into the dumps and into a copy of the
    embedded store (hard links, cheap), the graphs of the `removed` pages taken out, report and state
    updated; it is switched in at the end. `others`: more named graphs (IRI -> sorted N-Quads) to swap
    (the review's registry graph after an entity decision)."""
    dump = settings.dumps_dir / f"{DUMP_NAME}.nq"
    if not dump.is_file() or not settings.store_dir.is_dir():
        raise StoreError(f"no build in {settings.build_dir} to update; run `partnergraph build`")
    with new_generation(settings.build_dir) as folder:
        state = read_state(settings) or {}
        shares = read_entity_lines(settings) | {g.entry.source_id: g.entity_lines for g in graphs}
        shares = {s: lines for s, lines in shares.items() if s not in removed}
        entities = "".join(f"{line}\n" for line in sorted({x for lines in shares.values() for x in lines}))
        replaced = {g.graph_iri: g.nquads for g in graphs}
        replaced |= {str(iris.source_graph(s)): b"" for s in removed}
        replaced[str(iris.ENTITIES_GRAPH)] = entities.encode("utf-8")
        replaced |= others or {}
        new_nquads, dropped = replace_graph_lines(dump.read_bytes(), replaced)
        write_entity_lines(folder, shares)
        names = {s: n for s, n in read_names(settings.build_dir).items() if s not in removed}
        write_names(folder, names | {g.entry.source_id: g.names for g in graphs})
        quads = new_nquads.count(b"\n")
        new_state = _updated_state(settings, state, [g.entry.source_id for g in graphs], removed)
        _update_report(settings, folder, graphs, removed, quads, new_state["input_hash"])
        # the store updated beside the artefacts, which read a copy in memory (as `build` does)
        fill_generation(
            settings,
            folder,
            new_nquads,
            lambda: _update_store(settings.store_dir, folder / "store", replaced),
        )
        write_atomic(folder / STATE, json.dumps(new_state, indent=0))
    added = sum(data.count(b"\n") for data in replaced.values())
    log.info(
        "replaced %d page graph(s) and the entities graph: -%d +%d quads, %d in all",
        len(graphs),
        dropped,
        added,
        quads,
    )
    return IncrementalReport({g.entry.source_id: len(g.events) for g in graphs}, quads, dropped, added)


def _update_store(current: Path, target: Path, graphs: dict[str, bytes]) -> None:
    """A copy of the store in `current` (a backup: hard links to its files) with these graphs replaced."""
    store = EmbeddedStore(current)  # opened for writing: a store in use fails before any change
    try:
        store.ox.backup(str(target))
    except OSError as e:
        raise StoreError(f"cannot copy the store {current}: {e}") from None
    finally:
        store.close()
        del store
    store = EmbeddedStore(target)
    try:
        for graph_iri, nquads in graphs.items():
            store.replace_graph(graph_iri, nquads)
        store.compact()
    except OSError as e:
        raise StoreError(f"cannot update the store in {target}: {e}") from None
    finally:
        store.close()
        del store


def _updated_state(settings: Settings, state: dict, updated: list[str], removed: list[str]) -> dict:
    """The build's state with these pages' hashes as they are now, and the base hash as it is now (the
    caller knows that what changed there, curation say, concerns only these pages): equal to
    input_state() when no other page changed."""
    now = page_hashes(settings)
    pages = {s: h for s, h in state.get("pages", {}).items() if s not in removed}
    pages |= {s: now[s] for s in updated}
    new = {"base_hash": base_hash(settings), "pages": dict(sorted(pages.items()))}
    return {"input_hash": hash_state(new), **new}


def _update_report(
    settings: Settings, folder: Path, graphs: list[PageGraph], removed: list[str], quads: int, hash_: str
) -> None:
    """report.json as a full build would write it: the replaced pages' findings swapped."""
    path = settings.build_dir / REPORT
    try:
        report = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except ValueError:
        report = {}
    ids = {g.entry.source_id for g in graphs} | set(removed)
    # when each page's graph was last made: a full build made them all at once (the report's time)
    built_at = report.get("built_at") or {
        sid: mtime_iso(path) for sid in report.get("pages", {}) if path.is_file()
    }
    built_at.update({g.entry.source_id: now_iso() for g in graphs})
    built_at = {s: t for s, t in built_at.items() if s not in removed}
    report["built_at"] = dict(sorted(built_at.items()))

    def others(items: list[str], mark) -> list[str]:
        return [x for x in items if not any(mark(x, i) for i in ids)]

    report["input_hash"] = hash_
    pages = {**report.get("pages", {}), **{g.entry.source_id: len(g.events) for g in graphs}}
    report["pages"] = dict(sorted((s, n) for s, n in pages.items() if s not in removed))
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
    refused = {k: v for k, v in report.get("refused_curations", {}).items() if k.split("/", 1)[0] not in ids}
    report["refused_curations"] = dict(
        sorted((refused | {k: v for g in graphs for k, v in g.refused.items()}).items())
    )
    report["rebuilt"] = False
    write_atomic(folder / REPORT, json.dumps(report, ensure_ascii=False, indent=2))


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def update_pages(settings: Settings, source_ids: list[str], removed: list[str] = ()) -> IncrementalReport:
    """Re-extract and replace the named graphs of these pages of the manifest, and take out those of
    the `removed` pages (build must be current but for them)."""
    entries = {e.source_id: e for e in read_manifest(settings.sources_dir)}
    missing = [s for s in source_ids if s not in entries]
    if missing:
        raise SourceError(f"not in the manifest: {', '.join(missing)}")
    pages = [(entries[s], source_path(settings, entries[s])) for s in source_ids]
    return apply_page_graphs(settings, make_page_graphs(settings, pages, removed=removed), removed)


def catch_up(settings: Settings) -> IncrementalReport | None:
    """Bring the build up to date with the corpus incrementally (the pages changed, added or removed
    since, by an interrupted run or by hand); None when it is current. Raises StoreError when only a
    full build can."""
    plan = pages_to_update(settings)
    if plan is None:
        raise StoreError(f"no build in {settings.build_dir} to update; run `partnergraph build`")
    changed, removed = plan
    return update_pages(settings, changed, removed) if changed or removed else None
