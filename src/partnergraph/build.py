"""`partnergraph build`: sources -> extraction -> curation -> RDF dataset -> SHACL -> dumps and store.

Nothing is replaced until everything is ready: the dataset is validated first, the dumps are written
into a new folder that replaces the old one, and the store is loaded into a new folder that replaces
the old one. Same inputs give the same bytes (sorted N-Quads, IRIs from names, no blank nodes).
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from . import iris
from ._atomic import write_atomic
from .aggregates import write_aggregates
from .curate import apply_curation, read_curation
from .errors import SourceError, StoreError
from .extract import extract_events
from .extract.aliases import unify_aliases
from .ontology_tools import load_ontology_graph, load_shapes
from .publish import sorted_nquads, write_dumps
from .publish.dumps import replace_folder
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
from .sources import ManifestEntry, read_manifest, read_page

# re-exported: their home was here
from .state import PACKAGE_DIR, ensure_built, input_hash, is_current, open_embedded  # noqa: F401
from .store import EmbeddedStore

log = logging.getLogger(__name__)


@dataclass
class BuildReport:
    input_hash: str
    pages: dict[str, int] = field(default_factory=dict)  # source id -> number of events
    triples: int = 0
    unknown_organisations: list[str] = field(default_factory=list)
    unlinked: list[str] = field(default_factory=list)
    stale_curations: list[str] = field(default_factory=list)
    rebuilt: bool = True

    def to_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


def read_sources(settings: Settings) -> list[tuple[ManifestEntry, object]]:
    pages = []
    for entry in read_manifest(settings.sources_dir):
        path = settings.sources_dir / entry.file
        if not path.is_file():
            raise SourceError(f"{path}: listed in {settings.sources_dir / 'manifest.json'} but missing")
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


def extract_all(settings: Settings, registries: Registries):
    """Every page's events with data/curation.yaml applied: returns [(entry, events)], the stale
    corrections, and each page's text (what the evidence offsets point into) by source id."""
    sources = read_sources(settings)
    texts = {entry.source_id: page.text for entry, page in sources}
    extracted = [(entry, extract_events(page, registries)) for entry, page in sources]
    curation = read_curation(settings.curation_file)
    all_events = [e for _, events in extracted for e in events]
    curated, stale = apply_curation(all_events, curation, registries)
    unify_aliases(curated)  # one organisation under one name on every page
    # grouped by page again: curation may delete an event or create one extraction missed
    return [(e, [x for x in curated if x.source_id == e.source_id]) for e, _ in extracted], stale, texts


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


def write_entity_lines(settings: Settings, by_page: dict[str, list[str]]) -> None:
    """Record each page's share of the entities graph (build/entities.json), so that an incremental
    update can remake that graph without extracting the other pages again."""
    data = json.dumps(dict(sorted(by_page.items())), ensure_ascii=False, indent=0)
    write_atomic(settings.entities_file, data)


def read_entity_lines(settings: Settings) -> dict[str, list[str]]:
    try:
        return json.loads(settings.entities_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise StoreError(f"{settings.entities_file}: cannot read ({e}); run `partnergraph build`") from None


def _report(settings: Settings, registries: Registries, pages, stale: list[str]) -> BuildReport:
    report = BuildReport(input_hash(settings), stale_curations=stale)
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


def build(settings: Settings | None = None) -> BuildReport:
    """Build the dataset, validate it, write the dumps and load the embedded store."""
    settings = settings or Settings.default()
    registries = load_registries(settings.reference_dir)
    pages, stale, texts = extract_all(settings, registries)
    dataset = make_dataset(settings, registries, pages, texts)
    validate_dataset(dataset, load_shapes(settings.ontology_dir), load_ontology_graph(settings.ontology_dir))
    report = _report(settings, registries, pages, stale)
    nquads = sorted_nquads(dataset)
    report.triples = nquads.count(b"\n")
    write_dumps(nquads, settings.dumps_dir)
    load_store(settings, nquads)
    with EmbeddedStore(settings.store_dir, read_only=True) as store:
        write_aggregates(store, settings.build_dir)
    write_entity_lines(settings, {e.source_id: entity_lines(registries, events) for e, events in pages})
    write_atomic(
        settings.build_dir / "report.json", json.dumps(report.to_json(), ensure_ascii=False, indent=2)
    )
    write_atomic(settings.build_dir / "state.json", json.dumps({"input_hash": report.input_hash}))
    log.info("built %d triples from %d pages", report.triples, len(report.pages))
    return report


def load_store(settings: Settings, nquads: bytes) -> None:
    """Load a fresh store beside the old one, then swap folders."""
    settings.build_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=settings.build_dir, prefix=".store."))
    try:
        store = EmbeddedStore(staging)
        store.load_nquads(nquads)
        store.compact()
        store.close()
        del store
        replace_folder(staging, settings.store_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
