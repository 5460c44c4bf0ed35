"""Reading source pages: the manifest, encodings, HTML to text, and splitting a page into event sections."""

from .manifest import ManifestEntry, read_manifest, write_manifest
from .reading import read_page
from .splitting import split_sections

__all__ = ["ManifestEntry", "read_manifest", "write_manifest", "read_page", "split_sections"]
