"""Reading source pages: the manifest, encodings, HTML to text, and splitting a page into event sections.

The names are loaded on first use (PEP 562): `state` reads the manifest through `sources.manifest` on
every `partnergraph query`, which must not pay for the page readers (trafilatura and the splitter)."""

from importlib import import_module

_HOMES = {
    "ManifestEntry": ".manifest",
    "read_manifest": ".manifest",
    "page_files": ".manifest",
    "write_manifest": ".manifest",
    "read_page": ".reading",
    "split_sections": ".splitting",
}

__all__ = list(_HOMES)


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name], __name__), name)
