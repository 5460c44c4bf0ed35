"""The dataset's dumps in every RDF syntax. N-Quads lines are sorted, so the same graph gives the same
bytes; the dumps are written into a fresh folder that then replaces the old one, so a failed build
leaves the previous dumps as they were."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

from ..rdf import bind_prefixes

DUMP_NAME = "partnergraph"
# file suffix -> (rdflib format, media type); Turtle and N-Triples hold the union of the named graphs
DUMP_FORMATS = {
    "nq": ("nquads", "application/n-quads"),
    "trig": ("trig", "application/trig"),
    "ttl": ("turtle", "text/turtle"),
    "nt": ("nt", "application/n-triples"),
    "jsonld": ("json-ld", "application/ld+json"),
}


def sorted_nquads(dataset: Dataset) -> bytes:
    text = dataset.serialize(format="nquads", encoding="utf-8").decode("utf-8")
    lines = sorted(line for line in text.splitlines() if line.strip())
    return ("\n".join(lines) + "\n").encode("utf-8")


def union_graph(dataset: Dataset) -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def write_dumps(dataset: Dataset, folder: str | Path, nquads: bytes | None = None) -> dict[str, Path]:
    """Write every dump into `folder`, replacing its previous content only once all are written."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
    try:
        union = union_graph(dataset)
        for suffix, (fmt, _media) in DUMP_FORMATS.items():
            path = staging / f"{DUMP_NAME}.{suffix}"
            if suffix == "nq":
                path.write_bytes(nquads if nquads is not None else sorted_nquads(dataset))
            elif suffix in ("trig", "jsonld"):
                dataset.serialize(destination=str(path), format=fmt, encoding="utf-8")
            else:
                union.serialize(destination=str(path), format=fmt, encoding="utf-8")
        replace_folder(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return {suffix: folder / f"{DUMP_NAME}.{suffix}" for suffix in DUMP_FORMATS}


def replace_folder(new: Path, folder: Path) -> None:
    """Put `new` in the place of `folder` with two renames; the old content is removed last."""
    old = folder.with_name(f".{folder.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    new.rename(folder)
    shutil.rmtree(old, ignore_errors=True)
