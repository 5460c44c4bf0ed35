"""Reading source pages: the manifest, encodings, HTML to text, and splitting a page into event sections.

The names are loaded on first use (PEP 562): `state` reads the manifest through `sources.manifest` on
every `partnergraph query`, which must not pay for the page readers (trafilatura and the splitter)."""

from .._lazy import imported_on_first_use

_NAMES = {
    ".manifest": ("ManifestEntry", "read_manifest", "page_files", "write_manifest"),
    ".reading": ("read_page",),
    ".splitting": ("split_sections",),
}
__all__ = [name for names in _NAMES.values() for name in names]
__getattr__ = imported_on_first_use(__spec__, _NAMES)
