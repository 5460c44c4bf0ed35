"""The corpus with what the last build made of each page, for `partnergraph sources`: apart from corpus.py,
which grows the corpus and imports the build and the extractor, so that listing the pages does not."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..settings import Settings
from ..state import is_current, mtime_iso
from .manifest import read_manifest


@dataclass
class SourceRow:
    source_id: str
    file: str
    url: str | None
    year: int | None
    title: str | None
    events: int | None  # None when the page is not in the last build
    added: str | None
    built: str | None  # when the page's graph was last made, None when the page is not in the build


@dataclass
class SourcesListing:
    rows: list[SourceRow]
    last_build: str | None  # ISO time of the last build (full or incremental), None when never built
    current: bool  # whether the build matches the corpus and code


def list_sources(settings: Settings) -> SourcesListing:
    """The corpus with what the last build made of each page."""
    report_path = settings.build_dir / "report.json"
    state = settings.build_dir / "state.json"
    report: dict = {}
    if report_path.is_file():
        try:
            report = json.loads(report_path.read_text(encoding="utf-8"))
        except ValueError:
            report = {}
    counts = report.get("pages", {})
    built_at = report.get("built_at") or {}
    full_build = mtime_iso(report_path) if report_path.is_file() else None
    last_build = mtime_iso(state) if state.is_file() else None
    rows = [
        SourceRow(
            e.source_id,
            e.file,
            e.url,
            e.year,
            e.title,
            counts.get(e.source_id),
            e.extra.get("added"),
            (built_at.get(e.source_id) or full_build) if e.source_id in counts else None,
        )
        for e in read_manifest(settings.sources_dir)
    ]
    return SourcesListing(rows, last_build, is_current(settings))
