"""Whether build/ is current: what the graph is made from, against what the last build or add recorded in
its state.json. Kept apart from `build` so that commands which only read the graph (`query`, `serve`,
`network`, ...) need not import the extractor to find that out.

state.json holds a hash of what every page's graph depends on (`base_hash`: registries, curation,
ontology, code), each page's hash (`pages`: its manifest entry and its text), and one hash over both
(`input_hash`), so that a run can tell which pages the build is behind on (incremental.pages_to_update).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

from . import __version__
from .errors import PartnergraphError
from .settings import Settings

log = logging.getLogger(__name__)
PACKAGE_DIR = Path(__file__).parent
AGGREGATES_FILE = "aggregates.json"  # written by partnergraph.aggregates
SEARCH_FILE = "search.sqlite"  # written by partnergraph.search
STATE = "state.json"


def base_hash(settings: Settings) -> str:
    """A hash over what every page's graph depends on: registries, curation, ontology, and the code."""
    digest = hashlib.sha256(__version__.encode())
    files = [
        *sorted(settings.reference_dir.rglob("*")),
        settings.curation_file,
        *sorted(settings.ontology_dir.glob("*.ttl")),
        *package_code(),
    ]
    for path in files:
        if path.is_file():
            digest.update(str(path.name).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def package_code() -> list[Path]:
    """The package's Python files, sorted; the walk leaves out the front-end's node_modules (about
    1,400 folders, no Python: walking them was most of the time `partnergraph query` took to find
    that the build is current)."""
    found = []
    for folder, subfolders, files in os.walk(PACKAGE_DIR):
        subfolders[:] = [d for d in subfolders if d != "node_modules" and not d.startswith(".")]
        found += [Path(folder, name) for name in files if name.endswith(".py")]
    return sorted(found)


def source_path(settings: Settings, entry) -> Path:
    """The text file of a manifest entry (a ManifestEntry or its JSON), which must lie in data/sources/."""
    from .sources.manifest import entry_path

    return entry_path(settings.sources_dir, entry["file"] if isinstance(entry, dict) else entry.file)


def page_hashes(settings: Settings) -> dict[str, str]:
    """Each page's hash: its manifest entry (as written) and its text file."""
    from .sources.manifest import load_entries

    out = {}
    for item in load_entries(settings.sources_dir / "manifest.json"):
        name = item["file"]
        digest = hashlib.sha256(json.dumps(item, sort_keys=True).encode())
        path = source_path(settings, item)
        digest.update(path.read_bytes() if path.is_file() else b"\0missing")
        out[Path(name).stem] = digest.hexdigest()
    return out


def input_state(settings: Settings) -> dict:
    """What the graph is made from, as state.json records it."""
    state = {"base_hash": base_hash(settings), "pages": page_hashes(settings)}
    return {"input_hash": hash_state(state), **state}


def hash_state(state: dict) -> str:
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()


def input_hash(settings: Settings) -> str:
    """A hash over everything the graph is made from: pages, manifest, registries, curation, ontology,
    and the code that turns them into triples."""
    return input_state(settings)["input_hash"]


def read_state(settings: Settings) -> dict | None:
    """The current build's state.json, None when there is no (readable) build. Read in the current
    generation itself: the link build/state.json may have been removed to mark the build out of date."""
    current = settings.build_dir / "current"
    path = (current if current.is_dir() else settings.build_dir) / STATE
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) and settings.store_dir.is_dir() else None


def is_current(settings: Settings) -> bool:
    state = read_state(settings)
    if state is None or not all((settings.build_dir / f).is_file() for f in (AGGREGATES_FILE, SEARCH_FILE)):
        return False
    try:
        return state.get("input_hash") == input_hash(settings)
    except PartnergraphError:  # a manifest that cannot be read: not current, and the build will say why
        return False


def ensure_built(settings: Settings | None = None):
    """Build only when the inputs changed since the last build; returns the report of a build, or None."""
    settings = settings or Settings.default()
    if is_current(settings):
        return None
    from .build import build

    return build(settings)


def ensure_built_or_keep(settings: Settings):
    """ensure_built; on bad input, the previous build (whole) stays and answers, with a warning, when
    there is one. The report of a build, or None."""
    try:
        return ensure_built(settings)
    except PartnergraphError as e:
        if read_state(settings) is None:
            raise
        log.warning("the graph was not rebuilt, so this is the previous build: %s", str(e).splitlines()[0])
        return None


def open_embedded(settings: Settings | None = None, build_if_needed: bool = True):
    """The embedded store of the build, read-only (built first when out of date)."""
    from .store import EmbeddedStore

    settings = settings or Settings.default()
    if build_if_needed:
        ensure_built_or_keep(settings)
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


def mtime_iso(path: Path) -> str:
    """A file's modification time, ISO 8601 in UTC."""
    stamp = datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(microsecond=0)
    return stamp.isoformat().replace("+00:00", "Z")
