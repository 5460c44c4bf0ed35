"""Whether build/ is current: the hash of everything the graph is made from, against the one the last
build or add recorded in build/state.json. Kept apart from `build` so that commands which only read the
graph (`query`, `serve`, `network`, ...) need not import the extractor to find that out."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import __version__
from .settings import Settings

PACKAGE_DIR = Path(__file__).parent
AGGREGATES_FILE = "aggregates.json"  # written by partnergraph.aggregates


def input_hash(settings: Settings) -> str:
    """A hash over everything the graph is made from: pages, manifest, registries, curation, ontology,
    and the code that turns them into triples."""
    digest = hashlib.sha256(__version__.encode())
    files = [
        *sorted(settings.sources_dir.rglob("*")),
        *sorted(settings.reference_dir.rglob("*")),
        settings.curation_file,
        *sorted(settings.ontology_dir.glob("*.ttl")),
        *sorted(PACKAGE_DIR.rglob("*.py")),
    ]
    for path in files:
        if path.is_file():
            digest.update(str(path.name).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def is_current(settings: Settings) -> bool:
    state = settings.build_dir / "state.json"
    if not (
        state.is_file() and settings.store_dir.is_dir() and (settings.build_dir / AGGREGATES_FILE).is_file()
    ):
        return False
    try:
        return json.loads(state.read_text())["input_hash"] == input_hash(settings)
    except (ValueError, KeyError):
        return False


def ensure_built(settings: Settings | None = None):
    """Build only when the inputs changed since the last build; returns the report of a build, or None."""
    settings = settings or Settings.default()
    if is_current(settings):
        return None
    from .build import build

    return build(settings)


def open_embedded(settings: Settings | None = None, build_if_needed: bool = True):
    """The embedded store of the build, read-only (built first when out of date)."""
    from .store import EmbeddedStore

    settings = settings or Settings.default()
    if build_if_needed:
        ensure_built(settings)
    return EmbeddedStore(settings.store_dir, read_only=True)


def count_quads(settings: Settings) -> int:
    """Quads in the embedded store: as the last build or add recorded them (build/report.json), else
    counted."""
    try:
        return int(json.loads((settings.build_dir / "report.json").read_text(encoding="utf-8"))["triples"])
    except (OSError, ValueError, KeyError, TypeError):
        store = open_embedded(settings, build_if_needed=False)
        try:
            return len(store)
        finally:
            store.close()
