"""The dataset's dumps in every RDF syntax. N-Quads lines are sorted, so the same graph gives the same
bytes; the dumps are written into a fresh folder that then replaces the old one, so a failed build
leaves the previous dumps as they were."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import BinaryIO

from rdflib import Dataset

from .._atomic import make_temp_folder
from .._direct import open_direct
from ..rdf.vocab import PREFIXES
from .jsonld import write_compact_jsonld

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


def sorted_nquads(dataset: Dataset) -> bytes:
    text = dataset.serialize(format="nquads", encoding="utf-8").decode("utf-8")
    lines = sorted(set(line for line in text.splitlines() if line.strip()))
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_union_ntriples(nquads: BinaryIO, out: BinaryIO) -> None:
    """The union of the named graphs as N-Triples, cut from the N-Quads lines (read one at a time: no
    copy of the whole in memory): every line of a build's dataset ends with its graph's IRI (no triple
    is in the default graph), and an IRI has no space, so dropping the last two fields of a line leaves
    its triple. Sorted N-Quads give sorted N-Triples without sorting again, and a triple held by several
    graphs on lines next to each other: a line's triple is a prefix of it, and no triple's text is
    another's followed by a space, so two lines compare as their triples do. Each is written once."""
    previous = None
    for line in nquads:
        triple = line.rsplit(b" ", 2)[0]
        if triple != previous and line.strip():
            out.write(triple + b" .\n")
            previous = triple


def write_dumps(nquads: bytes, folder: str | Path, in_process: bool = False) -> dict[str, Path]:
    """Write every dump of the dataset given as sorted N-Quads into `folder`, replacing the folder's
    previous content only once all are written. The N-Quads dump is written first, and the others
    read it a line at a time as they are written (serialised by pyoxigraph, or by hand): the same input
    gives the same bytes, and at 10^5 events (4 M quads) no dump is held in memory whole.

    `in_process`: the dumps but the N-Quads one are written by Python processes of their own, one per
    group of DUMP_WRITERS, at once (`python -m partnergraph.publish._dumps_worker`, reading the N-Quads
    dump written here). They are Python work, about 60 s of CPU at 10^5 events: `build` writes them so,
    beside its other artefacts, which then no longer wait for Python's lock, and on both cores.

    Every dump is written past the page cache (`open_direct`): at 10^5 events (3 GB of dumps) buffered
    writes cost 15-16 s of system time, these 8 (most of it the N-Quads and N-Triples read back)."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = make_temp_folder(folder.parent, f".{folder.name}.")
    try:
        with open_direct(staging / f"{DUMP_NAME}.nq") as out:
            out.write(nquads)
        if in_process:
            _write_in_processes(staging)
        else:
            write_other_dumps(staging)
        replace_folder(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return {suffix: folder / f"{DUMP_NAME}.{suffix}" for suffix in DUMP_FORMATS}


def _write_in_processes(folder: Path) -> None:
    """Each group of DUMP_WRITERS written by a process of its own, all at once."""
    package_parent = str(Path(__file__).resolve().parents[2])  # where this `partnergraph` is found
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([package_parent, os.environ.get("PYTHONPATH", "")])}
    worker = [sys.executable, "-m", f"{__package__}._dumps_worker", str(folder)]
    run_at_once([[*worker, group] for group in DUMP_WRITERS], env, f"writing the dumps in {folder}")


def run_at_once(commands: list[list[str]], env: dict[str, str], what: str) -> None:
    """Run the commands as processes at once, until all have ended. The first to fail, whichever it is
    (not the first listed), kills the others and raises RuntimeError("`what` failed: <its stderr's last
    line>")."""
    processes: list[subprocess.Popen] = []

    def ended_well(process: subprocess.Popen) -> None:
        _, errors = process.communicate()
        if process.returncode != 0:
            lines = (errors or "").strip().splitlines() or [f"exit code {process.returncode}"]
            raise RuntimeError(f"{what} failed: {lines[-1]}")

    with ThreadPoolExecutor(max_workers=len(commands)) as pool:
        try:
            for command in commands:
                processes.append(
                    subprocess.Popen(
                        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
                    )
                )
            for ending in as_completed([pool.submit(ended_well, p) for p in processes]):
                ending.result()  # in the order they end: the first failure raises here
        finally:
            for process in processes:
                if process.poll() is None:
                    process.kill()  # its thread's communicate() then returns


def write_trig_and_union(folder: Path) -> None:
    """The TriG dump and the union's N-Triples and Turtle, from the folder's sorted N-Quads, parsed without
    pyoxigraph's checks of IRIs and language tags (`lenient`, 2.5 times faster; 10^4 events: a parse
    1.4 -> 0.5 s of CPU): the JSON-LD dump checks each distinct term strictly, and a build whose dumps
    fail is never switched in. Not from a store's `dump`: a store keeps xsd:nonNegativeInteger as
    xsd:integer, and the dumps must hold the quads as built. Each file is read as it is parsed, not held
    whole in memory: a fresh page costs a fault, some microseconds in a virtual machine (3x10^4 events:
    430,000 page faults and 7.0-7.4 s of CPU against 23 faults and 4.7-4.8 s)."""
    import pyoxigraph as ox

    prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    with open_direct(_path(folder, "trig")) as out:
        quads = ox.parse(path=_path(folder, "nq"), format=ox.RdfFormat.N_QUADS, lenient=True)
        ox.serialize(quads, out, ox.RdfFormat.TRIG, prefixes=prefixes)
    with _path(folder, "nq").open("rb") as nquads, open_direct(_path(folder, "nt")) as out:
        write_union_ntriples(nquads, out)
    with open_direct(_path(folder, "ttl")) as out:
        union = ox.parse(path=_path(folder, "nt"), format=ox.RdfFormat.N_TRIPLES, lenient=True)
        ox.serialize(union, out, ox.RdfFormat.TURTLE, prefixes=prefixes)


def write_jsonld(folder: Path) -> None:
    """The compact JSON-LD dump, written straight from the folder's N-Quads (pyoxigraph writes expanded
    JSON-LD only); it checks every distinct term of the N-Quads strictly, the dumps' one check."""
    with open_direct(_path(folder, "jsonld")) as out:
        write_compact_jsonld(_path(folder, "nq"), out)


# the dumps but the N-Quads one, in groups of about the same CPU time (10^5 events: TriG, N-Triples and
# Turtle about 25 s, JSON-LD about 25 s), which `build` writes in processes of their own, at once
DUMP_WRITERS = {"trig-and-union": write_trig_and_union, "jsonld": write_jsonld}


def write_other_dumps(folder: Path) -> None:
    """Every dump but the N-Quads one, from the folder's sorted N-Quads, into it, one after the other."""
    for write in DUMP_WRITERS.values():
        write(folder)


def _path(folder: Path, suffix: str) -> Path:
    return folder / f"{DUMP_NAME}.{suffix}"


def replace_folder(new: Path, folder: Path) -> None:
    """Put `new` in the place of `folder` with two renames; the old content is removed last."""
    old = folder.with_name(f".{folder.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    new.rename(folder)
    shutil.rmtree(old, ignore_errors=True)
