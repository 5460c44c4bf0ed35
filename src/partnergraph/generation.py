"""Build generations: the outputs of a build switch together, or not at all.

Every `build` and every `add` fills a new folder `build/gens/<id>/` with all the build's outputs (dumps/,
store/, state.json, report.json, entities.json, and any artefact added later), then points the symlink
`build/current` at it with one rename. A run killed at any moment leaves the previous generation current
and whole; the next run removes what the killed one left behind. `build/dumps`, `build/store`,
`build/state.json`, ... are fixed symlinks through `build/current`, so readers keep their paths and a
reader that opens a file sees one generation. The generation before the current one is kept, for
readers still using it (a server switches within a second), older ones are removed.

Only one run at a time writes a generation: `new_generation` holds a lock on `build/.lock`.

Adding an artefact (a search index, precomputed aggregates, ...): write it into the new generation's
folder, under a name of its own, before the generation is switched in. Simplest is a writer appended to
`build.ARTEFACTS`: `build` and `add` call it as `writer(settings, folder, nquads, store)` with the new
folder, the whole dataset as sorted N-Quads and a store holding that dataset (a copy in memory, while
the store on disk is loaded or updated beside it): read the store, not folder/"store". During an `add`, `settings.build_dir / "current"` is still the previous generation,
should the writer want to update its previous output rather than remake it. The name gets its link
`build/<name>` by itself. Writers in `build.FROM_NQUADS` read only the N-Quads (they get no store);
those in `build.OWN_PROCESS` run in a forked process: only their files and log records come back.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from ._atomic import sync_folder

log = logging.getLogger(__name__)

CURRENT = "current"
GENS = "gens"
LOCK = ".lock"


@contextlib.contextmanager
def new_generation(build_dir: Path) -> Iterator[Path]:
    """A new, empty generation folder to fill; switched in when the block ends without an error,
    removed when it raises. Holds the build lock throughout."""
    build_dir.mkdir(parents=True, exist_ok=True)
    with _locked(build_dir):
        remove_leftovers(build_dir)
        gens = build_dir / GENS
        gens.mkdir(exist_ok=True)
        folder = gens / f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{time.time_ns() % 10**9:09d}"
        folder.mkdir()
        try:
            yield folder
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        switch_to(build_dir, folder)
        remove_leftovers(build_dir)


def current_folder(build_dir: Path) -> Path | None:
    """The folder of the current generation, None before the first build."""
    current = build_dir / CURRENT
    return current.resolve() if current.is_dir() else None


def switch_to(build_dir: Path, folder: Path) -> None:
    """Point build/current at `folder` (one atomic rename of a symlink), then make sure every name in
    it has its fixed link build/<name> -> current/<name>."""
    sync_folder(folder)
    current = build_dir / CURRENT
    if current.exists() and not current.is_symlink():  # a copy of a build folder: the links were followed
        _move_aside(current)
    link = build_dir / f".{CURRENT}.{os.getpid()}.tmp"
    link.unlink(missing_ok=True)
    link.symlink_to(folder.relative_to(build_dir))
    os.replace(link, current)
    sync_folder(build_dir)
    for name in sorted(p.name for p in folder.iterdir()):
        _link(build_dir / name, Path(CURRENT) / name)


def _link(path: Path, target: Path) -> None:
    if path.is_symlink() and Path(os.readlink(path)) == target:
        return
    if path.exists() and not path.is_symlink():  # the layout before generations, or a followed copy
        _move_aside(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(target)
    os.replace(tmp, path)


def _move_aside(path: Path) -> None:
    """Rename a real file or folder out of the way (removed by remove_leftovers)."""
    aside = path.with_name(f".{path.name}.old")
    _remove(aside)
    path.rename(aside)
    _remove(aside)


def remove_leftovers(build_dir: Path) -> None:
    """Remove what killed runs left (their half-made generations, temporary folders and files) and
    every generation but the current one and the one before it. Called under the build lock."""
    for pattern in (".dumps.*", ".store.*", ".*.tmp", ".*.old"):
        for path in build_dir.glob(pattern):
            _remove(path)
    gens = build_dir / GENS
    if not gens.is_dir():
        return
    current = current_folder(build_dir)
    if current is None or current.parent != gens.resolve():
        return  # no generation switched in yet: nothing known to be whole
    older = sorted(p.name for p in gens.iterdir() if p.name < current.name)
    keep = {current.name, *older[-1:]}
    for path in gens.iterdir():
        if path.name not in keep:
            log.info("removing %s", path)
            _remove(path)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    elif path.is_dir():
        shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def _locked(build_dir: Path) -> Iterator[None]:
    """Hold build/.lock (waiting for another build or add to finish)."""
    with open(build_dir / LOCK, "a+") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("waiting for another build or add in %s to finish", build_dir)
            fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)
