"""`partnergraph build`: sources -> extraction -> curation -> RDF dataset -> SHACL -> dumps and store.

Nothing is replaced until everything is ready: the dataset is validated first, then the dumps, the store
and the rest are written into a new build generation, switched in at once (see generation.py). Same
inputs give the same bytes (sorted N-Quads, IRIs from names, no blank nodes).
"""

from __future__ import annotations

import ctypes
import gc
import json
import logging
import multiprocessing
import os
import pickle
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from . import iris
from ._atomic import write_atomic
from .aggregates import write_aggregates
from .curate import apply_curation, read_curation
from .errors import StoreError, ValidationError
from .extract import extract_events
from .extract.aliases import canonical_names, own_names, unify_aliases, write_names
from .generation import new_generation
from .ontology_tools import load_ontology_graph, load_shapes
from .publish import sorted_nquads, write_dumps
from .rdf import (
    add_named_graph,
    assemble_dataset,
    describe_entities,
    registries_to_graph,
    source_to_graph,
    validate_dataset,
)
from .reference import Registries, load_registries
from .settings import Settings
from .sources import ManifestEntry, page_files, read_page

# re-exported: their home was here
from .state import (  # noqa: F401
    PACKAGE_DIR,
    ensure_built,
    input_hash,
    input_state,
    is_current,
    open_embedded,
    source_path,
)
from .store import EmbeddedStore, Store

log = logging.getLogger(__name__)
PR_SET_PDEATHSIG = 1  # prctl's option (linux/prctl.h)
ENTITIES, REPORT, STATE = "entities.json", "report.json", "state.json"  # in every build generation


# from this size of N-Quads (about 1,400 synthetic events) the dumps are written by processes of their own
DUMPS_PROCESS_FROM = 16 * 2**20


def write_dump_files(settings: Settings, folder: Path, nquads: bytes, store: Store) -> None:
    """The dumps: Python work that would hold Python's lock while the other artefacts are made, so a
    large dataset's are written by processes of their own, two at once (0.15 s of CPU each to start,
    0.8 s wall at load 30)."""
    write_dumps(nquads, folder / "dumps", in_process=len(nquads) >= DUMPS_PROCESS_FROM)


def write_aggregate_file(settings: Settings, folder: Path, nquads: bytes, store: Store) -> None:
    write_aggregates(store, folder)


def write_answer_files(settings: Settings, folder: Path, nquads: bytes, store: Store) -> None:
    """The saved queries' answers at their defaults (answers/), which their pages read instead of running them."""
    from .query.answers import write_answers

    seconds = write_answers(store, settings.queries_dir, folder)
    slowest = max(seconds, key=seconds.get, default=None)
    if slowest:
        log.info(
            "saved answers: %.1f s, the slowest %s %.1f s", sum(seconds.values()), slowest, seconds[slowest]
        )


def write_hub_file(settings: Settings, folder: Path, nquads: bytes, store: Store) -> None:
    """The descriptions of the hubs' resource pages (hubs.pickle), named by the aggregates."""
    from .web.hubs import write_hubs

    log.info("hub pages: %d described", write_hubs(store, folder))


def write_search_file(settings: Settings, folder: Path, nquads: bytes, store: Store) -> None:
    """The search index (search.sqlite), taking the unchanged documents' words from the current one."""
    from .search import read_documents, write_index
    from .state import SEARCH_FILE

    documents = read_documents(store)
    analysed = write_index(documents, folder / SEARCH_FILE, settings.build_dir / "current" / SEARCH_FILE)
    log.info("search index: %d documents, %d analysed", len(documents), analysed)


# The artefacts written into every new build generation, by `build` and by `add`, before it is switched
# in: writer(settings, generation folder, the whole dataset as sorted N-Quads, a store holding that
# dataset to read it from: a copy in memory, during `build` and `add`). See generation.py.
Artefact = Callable[[Settings, Path, bytes, Store], None]
ARTEFACTS: list[Artefact] = [
    write_dump_files,
    write_aggregate_file,
    write_hub_file,
    write_answer_files,
    write_search_file,
]
# a writer that reads what another wrote -> that other writer (it starts once the other is done)
AFTER: dict[Artefact, Artefact] = {write_hub_file: write_aggregate_file}  # hubs read the aggregates
# those among them that read only the N-Quads (not the store): `build` writes them beside the others
FROM_NQUADS: set[Artefact] = {write_dump_files}
# those written by a process of their own, forked once the copy in memory is loaded (it shares that copy's
# memory): Python work, or Oxigraph's evaluation, that holds Python's lock and would wait for the others
# (forked first, so none of them may wait for another writer in AFTER)
OWN_PROCESS: set[Artefact] = {write_answer_files, write_search_file}


@dataclass
class BuildReport:
    input_hash: str
    pages: dict[str, int] = field(default_factory=dict)  # source id -> number of events
    triples: int = 0
    unknown_organisations: list[str] = field(default_factory=list)
    unlinked: list[str] = field(default_factory=list)
    stale_curations: list[str] = field(default_factory=list)
    # event id -> the rules its corrections broke: left out, the event as extracted (refused_corrections)
    refused_curations: dict[str, list[str]] = field(default_factory=dict)
    rebuilt: bool = True

    def to_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


def read_sources(settings: Settings, only: set[str] | None = None) -> list[tuple[ManifestEntry, object]]:
    """The manifest's pages, read (only those whose source ids are in `only`, if given)."""
    pages = []
    for entry, path in page_files(settings.sources_dir):
        if only is not None and entry.source_id not in only:
            continue
        encoding = entry.extra.get("encoding")
        page = read_page(
            path,
            url=entry.url,
            year=entry.year,
            encoding=encoding,
            source_id=entry.source_id,
            home=entry.home,
            home_city=entry.home_city,
        )
        pages.append((entry, page))
    return pages


def extract_all(settings: Settings, registries: Registries, left_out: Iterable[str] = ()):
    """Every page's events with data/curation.yaml applied (but the corrections of the events `left_out`):
    returns [(entry, events)], the stale corrections, each page's text (what the evidence offsets point
    into) by source id, and each page's own names before unification (extract/aliases.py) by source id."""
    curation = read_curation(settings.curation_file)  # first: a mistake in it is found at once
    left_out = set(left_out)
    curation = {k: v for k, v in curation.items() if k not in left_out}
    sources = read_sources(settings)
    texts = {entry.source_id: page.text for entry, page in sources}
    extracted = [(entry, extract_events(page, registries)) for entry, page in sources]
    all_events = [e for _, events in extracted for e in events]
    curated, stale = apply_curation(all_events, curation, registries, texts)
    # grouped by page again: curation may delete an event or create one extraction missed
    pages = [(e, [x for x in curated if x.source_id == e.source_id]) for e, _ in extracted]
    names = {e.source_id: own_names(events) for e, events in pages}
    unify_aliases(curated, canonical_names(names.values()))  # one organisation under one name on every page
    return pages, stale, texts, names


def make_dataset(
    settings: Settings, registries: Registries, pages, texts: dict[str, str] | None = None
) -> Dataset:
    texts = texts or {}
    sources = {
        entry.source_id: source_to_graph(entry, events, registries, texts.get(entry.source_id))
        for entry, events in pages
    }
    entities = describe_entities((e for _, events in pages for e in events), registries)
    ontology = load_ontology_graph(settings.ontology_dir)
    return assemble_dataset(ontology, registries_to_graph(registries), sources, entities)


def entity_lines(registries: Registries, events) -> list[str]:
    """The N-Quads lines (sorted) of the entities graph that these events alone would need."""
    dataset = Dataset()
    add_named_graph(dataset, iris.ENTITIES_GRAPH, describe_entities(events, registries))
    return sorted_nquads(dataset).decode("utf-8").splitlines() if len(dataset) else []


def write_entity_lines(folder: Path, by_page: dict[str, list[str]]) -> None:
    """Record each page's share of the entities graph (entities.json), so that an incremental
    update can remake that graph without extracting the other pages again."""
    data = json.dumps(dict(sorted(by_page.items())), ensure_ascii=False, indent=0)
    write_atomic(folder / ENTITIES, data)


def read_entity_lines(settings: Settings) -> dict[str, list[str]]:
    try:
        return json.loads(settings.entities_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise StoreError(f"{settings.entities_file}: cannot read ({e}); run `partnergraph build`") from None


def _report(
    settings: Settings, registries: Registries, pages, stale: list[str], hash_: str = ""
) -> BuildReport:
    report = BuildReport(hash_, stale_curations=stale)
    unknown, unlinked = set(), set()
    for entry, events in pages:
        report.pages[entry.source_id] = len(events)
        for event in events:
            unknown |= {
                f"{o} ({event.id})" for o in event.organisations if registries.find_organisation(o) is None
            }
            for fld, evidences in event.unlinked.items():
                unlinked |= {
                    f"{fld}: {ev.quote!r} ({event.id}, chars {ev.start}-{ev.end})" for ev in evidences
                }
    report.unknown_organisations = sorted(unknown)
    report.unlinked = sorted(unlinked)
    return report


def refused_corrections(error: ValidationError, curated: Iterable[str]) -> dict[str, list[str]]:
    """The events among `curated` (ids of events with corrections) that the broken rules of `error` concern,
    each with the report's lines about it: their corrections are what the graph refuses."""
    return {
        event_id: error.events[iri]
        for event_id in curated
        if (iri := str(iris.entity_iri("event", event_id))) in error.events
    }


def build(settings: Settings | None = None) -> BuildReport:
    """Build the dataset, validate it, then write a new build generation: dumps, store, entities,
    report, state (last), and the other ARTEFACTS. An event whose corrections the graph refuses goes in as
    extracted (the pages are extracted again without them: a rare case), named in the report."""
    settings = settings or Settings.default()
    state = input_state(settings)
    registries = load_registries(settings.reference_dir)
    shapes, ontology = load_shapes(settings.ontology_dir), load_ontology_graph(settings.ontology_dir)
    refused: dict[str, list[str]] = {}
    while True:
        pages, stale, texts, names = extract_all(settings, registries, left_out=refused)
        dataset = make_dataset(settings, registries, pages, texts)
        try:
            validate_dataset(dataset, shapes, ontology)
            break
        except ValidationError as e:
            curated = set(read_curation(settings.curation_file)) - set(refused)
            found = refused_corrections(e, curated)
            if not found:  # the graph breaks a rule without any correction: nothing to leave out
                raise
            refused |= found
    report = _report(settings, registries, pages, stale, state["input_hash"])
    report.refused_curations = dict(sorted(refused.items()))
    nquads = sorted_nquads(dataset)
    report.triples = nquads.count(b"\n")
    with new_generation(settings.build_dir) as folder:
        write_entity_lines(folder, {e.source_id: entity_lines(registries, events) for e, events in pages})
        write_names(folder, names)
        write_atomic(folder / REPORT, json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        fill_generation(settings, folder, nquads)
        write_atomic(folder / STATE, json.dumps(state, indent=0))
    log.info("built %d triples from %d pages", report.triples, len(report.pages))
    return report


def fill_generation(
    settings: Settings, folder: Path, nquads: bytes, make_store: Callable[[], None] | None = None
) -> dict[str, float]:
    """The store and every artefact of a new generation, from the dataset's sorted N-Quads; returns
    the seconds each took (store: bulk load and compaction, or `make_store()` when given, as `add`
    updates a copy of the current store; memory: the copy below), and logs them.

    Everything runs at once, each in a thread: the store on disk loads (pyoxigraph's bulk load and
    compaction run in Rust, off Python's lock), the artefacts of FROM_NQUADS are written from the
    N-Quads, and the others read a copy of the dataset in memory, loaded first (in Rust, a few seconds:
    Oxigraph answers 2-4 times faster from memory than from disk, and they need not wait for the disk).
    Python's lock lets one thread run Python at a time, but Oxigraph's loads run beside it; its queries
    hold the lock, so the artefacts of OWN_PROCESS run in forked processes, sharing the copy's memory.
    (Loading the store on disk from the copy in memory, `bulk_extend`, to parse the N-Quads once, cost
    more: at 10^5 events 85 s of CPU with the compaction, against 67 s for a second parse and bulk load.)"""
    seconds: dict[str, float] = {}

    def timed(name: str, work, *args):
        started = time.perf_counter()
        result = work(*args)
        seconds[name] = time.perf_counter() - started
        log.info("%s: %.1f s", name, seconds[name])
        return result

    started: dict[Artefact, Future] = {}

    def start(pool: ThreadPoolExecutor, writers: list[Artefact], store: Store | None) -> list[Future]:
        for write in writers:  # in ARTEFACTS' order: a writer's AFTER is started before it
            first = started.get(AFTER.get(write))
            args = (settings, folder, nquads, store)
            if write in OWN_PROCESS:  # forked here, before the threads below read the copy in memory
                started[write] = pool.submit(timed, write.__name__, in_child_process(write, *args))
            else:
                started[write] = pool.submit(_after, first, timed, write.__name__, write, *args)
        return [started[write] for write in writers]

    with no_cycle_collection(), ThreadPoolExecutor(max_workers=len(ARTEFACTS) + 1) as pool:
        make_store = make_store or (lambda: load_store(folder / "store", nquads))
        jobs = [pool.submit(timed, "store", make_store)]
        jobs += start(pool, [w for w in ARTEFACTS if w in FROM_NQUADS], None)
        memory = timed("memory", load_memory, nquads)
        try:
            readers = [w for w in ARTEFACTS if w not in FROM_NQUADS]
            jobs += start(pool, sorted(readers, key=lambda w: w not in OWN_PROCESS), memory)
            wait(jobs)
        finally:
            memory.close()
            del memory
    for job in jobs:
        job.result()  # the first error, if any
    return seconds


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused: the artefacts make millions of objects (rows, sets, dicts) and
    no cycles, and the collector's passes over them were a fifth of their CPU time (10^4 events, 44 ->
    35 s in four runs each, interleaved). Unreachable cycles, if any, are collected once at the end."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
            gc.collect()


def in_child_process(work, *args) -> Callable[[], None]:
    """Start work(*args) in a child process forked now, which shares this process's memory (the copy
    in memory is not copied); returns the function that waits for the child and raises its error.
    Forked before any thread reads the copy in memory, so that no lock of it is held at the fork; the
    child touches nothing else of the parent's threads (the store on disk loading, the dumps' process)."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(os.getpid(), send, work, args), name=work.__name__)
    child.start()
    send.close()

    def wait_for_child() -> None:
        try:
            records, error = receive.recv()
            for record in records:
                logging.getLogger(record.name).handle(record)
        except EOFError:  # the child died before it could say (killed, out of memory)
            child.join()
            error = RuntimeError(f"{work.__name__}: its process ended with exit code {child.exitcode}")
        finally:
            receive.close()
        child.join()
        if error is not None:
            raise error

    return wait_for_child


def _child(parent: int, send, work, args) -> None:
    """In the forked child: run work(*args), then send its log records (handled by the parent's
    logging, so that they reach the same places as the parent's own) and None or the error (as
    raised, if it pickles)."""
    _end_with(parent)
    records: list[logging.LogRecord] = []
    collect = logging.Handler()
    collect.emit = records.append
    logging.getLogger().handlers = [collect]  # not the inherited ones too: each record once
    try:
        work(*args)
        error = None
    except BaseException as e:  # noqa: BLE001 - every error goes to the parent
        error = e
        try:
            pickle.dumps(error)
        except Exception:  # noqa: BLE001
            error = RuntimeError(f"{work.__name__}: {type(e).__name__}: {e}")
    for record in records:  # made picklable: the message as text
        record.msg, record.args, record.exc_info = record.getMessage(), None, None
    send.send((records, error))
    send.close()


def _end_with(parent: int) -> None:
    """Have Linux kill this process when its parent ends (prctl PR_SET_PDEATHSIG): a build or add that
    is killed leaves no child writing into the generation it left (the next run removes that folder)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the child ends with its work
        return
    if os.getppid() != parent:  # the parent ended before prctl: nothing would send the signal
        os._exit(1)


def _after(first: Future | None, work, *args):
    """work(*args) once `first` is done (its error, if any, stops this one)."""
    if first is not None:
        first.result()
    return work(*args)


def load_memory(nquads: bytes) -> EmbeddedStore:
    """The dataset in a store in memory, to compute the artefacts from. Parsed without Oxigraph's checks
    of IRIs and language tags (`lenient`): the JSON-LD dump checks every distinct term of the same
    bytes strictly (publish.jsonld), and a generation whose dumps fail is never switched in. Every
    artefact waits for this copy: 10^4 events, 2.3 -> 1.5 s of CPU (three alternated runs each)."""
    store = EmbeddedStore()
    store.load_nquads(nquads, lenient=True)
    return store


def load_store(folder: Path, nquads: bytes) -> None:
    """Load a fresh store into `folder` (in a new generation). Parsed without Oxigraph's checks of IRIs
    (`lenient`), as the copy in memory is: see load_memory. At 10^5 events 7-9 % less CPU for the bulk
    load (10^4: 4.48 -> 4.18 s with the compaction, median of four alternated runs)."""
    store = EmbeddedStore(folder)
    try:
        store.load_nquads(nquads, lenient=True)
        store.compact()
    finally:
        store.close()
        del store
