"""Where things are: the project's data, ontology and queries, and the ignored build folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def _default_root() -> Path:
    """The project root: $PARTNERGRAPH_ROOT, else the current folder when it has data/, else the checkout
    this package was installed from (editable install)."""
    if os.environ.get("PARTNERGRAPH_ROOT"):
        return Path(os.environ["PARTNERGRAPH_ROOT"])
    cwd = Path.cwd()
    if (cwd / "data" / "sources").is_dir():
        return cwd
    return Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Settings:
    root: Path

    def __post_init__(self):
        object.__setattr__(self, "root", Path(self.root))

    @classmethod
    def default(cls, root: str | Path | None = None) -> Settings:
        return cls(Path(root) if root else _default_root())

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def sources_dir(self) -> Path:
        return self.data_dir / "sources"

    @property
    def reference_dir(self) -> Path:
        return self.data_dir / "reference"

    @property
    def curation_file(self) -> Path:
        return self.data_dir / "curation.yaml"

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    @property
    def build_dir(self) -> Path:
        return Path(os.environ.get("PARTNERGRAPH_BUILD", self.root / "build"))

    @property
    def dumps_dir(self) -> Path:
        return self.build_dir / "dumps"

    @property
    def store_dir(self) -> Path:
        return self.build_dir / "store"

    @property
    def entities_file(self) -> Path:
        """Each page's share of the entities graph, for incremental updates (see build.py)."""
        return self.build_dir / "entities.json"
