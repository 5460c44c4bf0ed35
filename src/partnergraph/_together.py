"""Write several files of one folder tree so that they switch together: a process killed at any moment
leaves them all as they were or, once any reader has finished the job, all as written; never some old
and some new (the review's entity decisions change data/reference/*.csv and data/curation.yaml at once).

How: the new contents and a journal naming their targets are written into a fresh folder, which is
renamed to `ROOT/.pending` in one step: that rename is the commit. Then each file is renamed over its
target, and the folder removed. `finish_pending(ROOT)` completes a committed write that a kill
interrupted (the renames are idempotent) and drops one never committed; the review calls it at start, and
curate.read_curation before reading. A reader that reads the registries before the curation (as `build`
and `add` do) sees both old or both new, as the journal lists the curation last.

For tests only: `PARTNERGRAPH_PAUSE_WRITES=staged|between` makes a write print `paused: <point>` on
stderr and wait there (before the commit; after the first file is switched), so that a test can kill
the process at that point.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import threading
import time
from pathlib import Path

from ._atomic import make_temp_folder, sync_folder, write_atomic

PENDING = ".pending"
STALE_SECONDS = 600  # a temporary file this old belongs to no write still running
JOURNAL = "journal.json"
_lock = threading.Lock()  # one process's writer and readers (the review's graph thread) take turns


def write_together(root: Path, files: dict[Path, str | bytes]) -> None:
    """Replace these files (each under `root`), in this order, as one change."""
    root = Path(root)
    with _lock:
        _finish(root)
        staging = make_temp_folder(root, f"{PENDING}.new-")
        targets = []
        for n, (path, data) in enumerate(files.items()):
            write_atomic(staging / str(n), data)
            targets.append([str(n), str(Path(path).resolve().relative_to(root.resolve()))])
        write_atomic(staging / JOURNAL, json.dumps(targets))
        _pause("staged")
        os.replace(staging, root / PENDING)  # the commit
        sync_folder(root)
        _switch(root, pause=True)


def finish_pending(root: Path) -> None:
    """Complete a write that a kill interrupted after its commit; drop one interrupted before; remove the
    temporary files of single writes (_atomic.write_atomic) that a kill left in ROOT and ROOT/reference
    (one there changes the registries' hash: every command would rebuild)."""
    root = Path(root)
    for folder in (root, root / "reference"):
        for temp in folder.glob(".*.tmp"):
            with contextlib.suppress(OSError):  # a write of another process may have finished it just now
                if time.time() - temp.stat().st_mtime > STALE_SECONDS:
                    temp.unlink()
    if (root / PENDING).exists() or any(root.glob(f"{PENDING}.new-*")):
        with _lock:
            _finish(root)


def _finish(root: Path) -> None:
    for staging in root.glob(f"{PENDING}.new-*"):  # never committed: the files stay as they were
        shutil.rmtree(staging, ignore_errors=True)
    if (root / PENDING).is_dir():
        _switch(root)


def _switch(root: Path, pause: bool = False) -> None:
    pending = root / PENDING
    try:
        targets = json.loads((pending / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # cannot be (the journal is in the folder before the commit): start afresh
        shutil.rmtree(pending, ignore_errors=True)
        return
    for n, (name, target) in enumerate(targets):
        try:
            os.replace(pending / name, root / target)
            sync_folder((root / target).parent)
        except FileNotFoundError:  # switched already, before a kill (or by another process just now)
            pass
        if pause and n == 0 and len(targets) > 1:
            _pause("between")
    (pending / JOURNAL).unlink(missing_ok=True)
    shutil.rmtree(pending, ignore_errors=True)


def _pause(point: str) -> None:
    if os.environ.get("PARTNERGRAPH_PAUSE_WRITES") == point:
        print(f"paused: {point}", file=sys.stderr, flush=True)
        while True:  # until the test kills the process
            time.sleep(1)
