"""Write a file so that readers see either the old content or the new, never half of it; and make the
temporary folders that replace a folder once they are complete. Both get the permissions a plain
`open()` or `mkdir` would give under the process's umask (0644 and 0755 under umask 022), not the
0600/0700 of `tempfile`, so that a web server running as another user can serve what was written."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import threading
from pathlib import Path

_umask_lock = threading.Lock()


def umask() -> int:
    """The process's umask (reading it means setting it: done under a lock, put back at once)."""
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it over `path`."""
    path = Path(path)
    if path.is_dir():  # else the rename's error names the temporary file, not the folder given
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~umask())
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sync_folder(folder: str | Path) -> None:
    """fsync a folder, so that the renames in it survive a crash of the machine."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_temp_folder(parent: str | Path, prefix: str) -> Path:
    """A new empty folder in `parent` (tempfile.mkdtemp), with the permissions of a plain mkdir."""
    folder = Path(tempfile.mkdtemp(dir=parent, prefix=prefix))
    folder.chmod(0o777 & ~umask())
    return folder


def copy_folder(source: str | Path, target: str | Path) -> None:
    """Copy a folder's files into `target` (merged with what is there) as new files and folders, so that
    their modes follow the umask as everything else written does (shutil.copytree keeps the source's)."""
    source, target = Path(source), Path(target)
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.rglob("*")):
        copy = target / path.relative_to(source)
        if path.is_dir():
            copy.mkdir(exist_ok=True)
        else:
            shutil.copyfile(path, copy)
