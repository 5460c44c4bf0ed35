"""Extraction: a page's sections become events, each value with the span of text it came from."""

from __future__ import annotations

from pathlib import Path

from ..model import Event, Page
from ..reference import Registries
from .events import extract_events, infer_year


def extract_document(page: Page, registries: Registries) -> dict:
    """The JSON of ../shared/spec/extract-json.md for one page."""
    events = extract_events(page, registries)
    return {
        "document": {"file": Path(page.path).name, "url": page.url, "year": page.year or infer_year(page)},
        "events": [e.to_json() for e in events],
    }


__all__ = ["Event", "extract_document", "extract_events", "infer_year"]
