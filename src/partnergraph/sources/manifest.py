"""data/sources/manifest.json: one entry per source page (file, URL, year, publisher, and what `add`
records about a fetch). Written atomically; entries are kept sorted by file name."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .._atomic import write_atomic
from ..errors import SourceError

MANIFEST = "manifest.json"


@dataclass
class ManifestEntry:
    file: str
    url: str | None = None
    year: int | None = None
    publisher: str | None = None
    title: str | None = None
    extra: dict = field(default_factory=dict)  # retrieval time, content hash, publication date, ...

    @property
    def source_id(self) -> str:
        return Path(self.file).stem

    @property
    def home(self) -> str | None:
        """The body whose cooperation the page reports, when not the default (MOPS Kraków)."""
        return self.extra.get("home") or None

    @property
    def home_city(self) -> str | None:
        return self.extra.get("home_city") or None

    def to_json(self) -> dict:
        out = {k: v for k, v in asdict(self).items() if k != "extra" and v is not None}
        out.update(self.extra)
        return out


KNOWN = {"file", "url", "year", "publisher", "title"}


def read_manifest(folder: str | Path) -> list[ManifestEntry]:
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise SourceError(f"{path}: manifest is missing (it lists the source pages with their URLs)")
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise SourceError(f"{path}: not valid JSON ({e})") from None
    if not isinstance(items, list):
        raise SourceError(f"{path}: expected a JSON list of entries")
    entries = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not item.get("file"):
            raise SourceError(f"{path}: entry {i} has no 'file'")
        year = item.get("year")
        if year is not None and not (isinstance(year, int) and 1990 <= year <= 2100):
            raise SourceError(f"{path}: entry {item['file']!r} has a bad year {year!r}")
        entries.append(
            ManifestEntry(
                **{k: item.get(k) for k in KNOWN}, extra={k: v for k, v in item.items() if k not in KNOWN}
            )
        )
    names = [e.file for e in entries]
    if len(set(names)) != len(names):
        raise SourceError(f"{path}: a file is listed twice")
    return sorted(entries, key=lambda e: e.file)


def write_manifest(folder: str | Path, entries: list[ManifestEntry]) -> None:
    """Replace the manifest atomically (temporary file, then rename)."""
    path = Path(folder) / MANIFEST
    data = json.dumps(
        [e.to_json() for e in sorted(entries, key=lambda e: e.file)], ensure_ascii=False, indent=2
    )
    write_atomic(path, data + "\n")
