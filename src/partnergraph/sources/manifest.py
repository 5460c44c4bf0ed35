"""data/sources/manifest.json: one entry per source page (file, URL, year, publisher, and what `add`
records about a fetch). Written atomically; entries are kept sorted by file name."""

from __future__ import annotations

import difflib
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
# what `add` records about a page (corpus.py), the page's home (README, "Pages of other publishers") and
# a person's notes; any other name is a slip ("yaer", "home-city") that would be ignored silently
RECORDED = {
    "added", "retrieved", "sha256", "text_sha256", "raw", "encoding", "charset", "charset_from", "year_from",
    "title_from", "published", "author", "canonical_url", "etag", "last_modified", "redirected_from",
    "imported_from", "home", "home_city", "notes",
}  # fmt: skip
TEXT_FIELDS = ("file", "url", "publisher", "title", "home", "home_city", "encoding", "raw")  # null or text
YEARS = (1990, 2100)
JSON_TYPES = {
    str: "text",
    int: "a number",
    float: "a number",
    bool: "true/false",
    list: "a list",
    dict: "an object",
}


def read_manifest(folder: str | Path) -> list[ManifestEntry]:
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise SourceError(f"{path}: manifest is missing (it lists the source pages with their URLs)")
    entries = [
        ManifestEntry(
            **{k: item.get(k) for k in KNOWN}, extra={k: v for k, v in item.items() if k not in KNOWN}
        )
        for item in load_entries(path)
    ]
    return sorted(entries, key=lambda e: e.file)


def page_files(folder: str | Path) -> list[tuple[ManifestEntry, Path]]:
    """The manifest's entries, each with its page's text file, checked as `build` needs them: a
    SourceError for a file outside `folder` or missing."""
    manifest = Path(folder) / MANIFEST
    pages = []
    for entry in read_manifest(folder):
        path = entry_path(folder, entry.file)
        if not path.is_file():
            raise SourceError(f"{path}: listed in {manifest} but missing")
        pages.append((entry, path))
    return pages


def entry_path(folder: str | Path, name: str) -> Path:
    """The file `name` of a manifest entry, which must lie in `folder` (SourceError otherwise)."""
    inside = Path(folder).resolve()
    path = (inside / str(name)).resolve()
    if not path.is_relative_to(inside) or path == inside:
        raise SourceError(f"{Path(folder) / MANIFEST}: entry {name!r} points outside {folder}")
    return path


def load_entries(path: Path) -> list[dict]:
    """The entries of the manifest at `path` as JSON objects, each checked: a SourceError names the entry
    (its number from 1 and its file) and the field that is wrong."""
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise SourceError(f"{path}: not valid JSON ({e})") from None
    except OSError as e:
        raise SourceError(f"{path}: cannot be read ({e.strerror})") from None
    if not isinstance(items, list):
        raise SourceError(f"{path}: expected a JSON list of entries, got {_kind(items)}")
    for number, item in enumerate(items, 1):
        where = f"{path}: entry {number}"
        if not isinstance(item, dict):
            raise SourceError(
                f'{where} is {_kind(item)} ({_show(item)}), not an object such as {{"file": "page.txt", '
                '"url": "https://...", "year": 2015}'
            )
        if "file" not in item:
            raise SourceError(f'{where} has no "file" (the page\'s text file in {path.parent})')
        if isinstance(item["file"], str) and item["file"].strip():
            where += f" ({item['file']})"
        for name in item:
            if name not in KNOWN | RECORDED:
                close = difflib.get_close_matches(str(name), sorted(KNOWN | RECORDED), n=1)
                hint = f' (did you mean "{close[0]}"?)' if close else ""
                raise SourceError(f'{where}: unknown field "{name}"{hint}')
        for name in TEXT_FIELDS:
            value = item.get(name)
            if value is not None and not (isinstance(value, str) and value.strip()):
                raise SourceError(f'{where}: "{name}" must be text, got {_kind(value)} ({_show(value)})')
        year = item.get("year")
        if year is not None and not (
            isinstance(year, int) and not isinstance(year, bool) and YEARS[0] <= year <= YEARS[1]
        ):
            raise SourceError(
                f'{where}: "year" must be a whole number from {YEARS[0]} to {YEARS[1]}, got {_show(year)}'
            )
    names = [item["file"] for item in items]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise SourceError(f"{path}: {twice[0]!r} is listed twice")
    return items


def _kind(value) -> str:
    return "null" if value is None else JSON_TYPES.get(type(value), type(value).__name__)


def _show(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def write_manifest(folder: str | Path, entries: list[ManifestEntry]) -> None:
    """Replace the manifest atomically (temporary file, then rename)."""
    path = Path(folder) / MANIFEST
    data = json.dumps(
        [e.to_json() for e in sorted(entries, key=lambda e: e.file)], ensure_ascii=False, indent=2
    )
    write_atomic(path, data + "\n")
