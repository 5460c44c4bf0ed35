"""The dataset's dumps in every RDF syntax. N-Quads lines are sorted, so the same graph gives the same
bytes; the dumps are written into a fresh folder that then replaces the old one, so a failed build
leaves the previous dumps as they were."""

from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import Dataset

from .._atomic import make_temp_folder
from ..rdf.vocab import PREFIXES
from .jsonld import compact_jsonld

DUMP_NAME = "partnergraph"
# file suffix -> (pyoxigraph format name, rdflib format name, media type). Turtle and N-Triples hold the
# union of the named graphs; the others keep the graphs apart.
DUMP_FORMATS = {
    "nq": ("N_QUADS", "nquads", "application/n-quads"),
    "trig": ("TRIG", "trig", "application/trig"),
    "ttl": ("TURTLE", "turtle", "text/turtle"),
    "nt": ("N_TRIPLES", "nt", "application/n-triples"),
    "jsonld": ("JSON_LD", "json-ld", "application/ld+json"),
}
WITH_GRAPHS = {"nq", "trig", "jsonld"}


def sorted_nquads(dataset: Dataset) -> bytes:
    text = dataset.serialize(format="nquads", encoding="utf-8").decode("utf-8")
    lines = sorted(set(line for line in text.splitlines() if line.strip()))
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_dumps(nquads: bytes, folder: str | Path) -> dict[str, Path]:
    """Write every dump of the dataset given as sorted N-Quads into `folder`, replacing the folder's
    previous content only once all are written. Serialised by pyoxigraph: fast, and the same input gives
    the same bytes."""
    import pyoxigraph as ox

    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = make_temp_folder(folder.parent, f".{folder.name}.")
    try:
        quads = list(ox.parse(nquads, ox.RdfFormat.N_QUADS))
        triples = list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in quads))
        triples.sort(key=str)
        prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        for suffix, (ox_format, _rdflib_format, _media) in DUMP_FORMATS.items():
            path = staging / f"{DUMP_NAME}.{suffix}"
            if suffix == "nq":
                path.write_bytes(nquads)
                continue
            fmt = getattr(ox.RdfFormat, ox_format)
            data = quads if suffix in WITH_GRAPHS else triples
            if suffix == "jsonld":  # pyoxigraph writes expanded JSON-LD: compact it, as the server does
                path.write_bytes(compact_jsonld(ox.serialize(data, format=fmt)))
                continue
            with path.open("wb") as out:
                ox.serialize(data, out, fmt, prefixes=None if suffix == "nt" else prefixes)
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
