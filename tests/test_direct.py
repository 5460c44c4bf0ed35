"""Files written past the page cache (_direct.open_direct): the same bytes and mode as open(path, "wb")
gives, whatever the sizes of the writes and of the file, on a file system with O_DIRECT and on tmpfs,
which refuses it."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from partnergraph._direct import BLOCK, CHUNK, open_direct

SIZES = [0, 1, BLOCK - 1, BLOCK, BLOCK + 1, CHUNK, CHUNK + 3, 2 * CHUNK + BLOCK + 5]


def tmpfs_folder() -> Path | None:
    """/dev/shm when it is a tmpfs (Linux), else None."""
    try:
        with open("/proc/mounts", encoding="utf-8") as mounts:
            if any(line.split()[1:3] == ["/dev/shm", "tmpfs"] for line in mounts):
                return Path("/dev/shm")
    except OSError:
        pass
    return None


def write_in_pieces(path: Path, data: bytes, seed: int) -> None:
    """`data` written in writes of many sizes: single bytes, lines, more than a chunk at once."""
    pick = random.Random(seed)
    with open_direct(path) as out:
        done = 0
        while done < len(data):
            size = pick.choice([1, 77, BLOCK + 1, 100_000, CHUNK + 11])
            out.write(data[done : done + size])
            done += size


def folders(tmp_path: Path) -> list[Path]:
    found = [tmp_path]
    shm = tmpfs_folder()
    if shm is not None:
        found.append(Path(shm))
    return found


def test_same_bytes_as_written(tmp_path: Path):
    for folder in folders(tmp_path):
        path = folder / f"pg-direct-{os.getpid()}.bin"
        try:
            for seed, size in enumerate(SIZES):
                data = random.Random(size).randbytes(size)
                write_in_pieces(path, data, seed)
                assert path.read_bytes() == data, (folder, size)
        finally:
            path.unlink(missing_ok=True)


def test_mode_as_open_gives_and_a_longer_file_cut(tmp_path: Path):
    for folder in folders(tmp_path):
        path, plain = folder / f"pg-direct-{os.getpid()}.bin", folder / f"pg-plain-{os.getpid()}.bin"
        try:
            with open_direct(path) as out:  # a new file
                out.write(b"x" * (3 * BLOCK))
            with open(plain, "wb") as out:
                out.write(b"short\n")
            assert path.stat().st_mode == plain.stat().st_mode
            with open_direct(path) as out:  # the same, now longer than what is written
                out.write(b"short\n")
            assert path.read_bytes() == b"short\n"
        finally:
            path.unlink(missing_ok=True)
            plain.unlink(missing_ok=True)


def test_a_folder_that_is_missing_fails_as_open_does(tmp_path: Path):
    with pytest.raises(FileNotFoundError):
        open_direct(tmp_path / "missing" / "file.nq")
