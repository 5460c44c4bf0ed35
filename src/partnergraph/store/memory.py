"""Whether `serve`'s query workers should copy the embedded store into memory: the graph's size against
the memory the machine has free. Oxigraph answers several times faster from memory
(docs/triple-stores.md), but every worker holds its own copy. The copies are made in the background
(the workers answer from disk meanwhile); the server's pages read the store on disk."""

from __future__ import annotations

import os
from dataclasses import dataclass

# resident memory a quad takes in pyoxigraph's in-memory store: 487 bytes measured at 10^4 synthetic
# events (419 k quads, 204 MB), about 440 at 10^5 (3.9 M quads, 1.7 GB)
BYTES_PER_QUAD = 500
SHARE = 0.5  # at most this share of the memory available now goes to the copies
# below this the store on disk answers every saved query within a fraction of a second (about 4,000
# events), and copying it would only cost start-up time
SMALL = 100_000


@dataclass(frozen=True)
class MemoryPlan:
    in_memory: bool
    quads: int
    processes: int
    available: int | None  # bytes the system reports available, None when unknown
    forced: bool = False  # chosen by the user, not by size

    @property
    def small(self) -> bool:
        return self.quads < SMALL

    @property
    def per_process(self) -> int:
        return self.quads * BYTES_PER_QUAD

    def describe(self) -> str:
        """One line for the start-up message: what was chosen and what it costs."""
        cost = f"{self.processes} × {_size(self.per_process)}"
        free = (
            f"{_size(self.available)} available" if self.available is not None else "available memory unknown"
        )
        why = "as asked" if self.forced else f"{cost} of {free}"
        if self.in_memory:
            return (
                f"store: in memory in the query workers ({self.processes}), copied in the background: "
                f"they answer from disk until then, pages from disk ({self.quads:,} quads, {why})"
            )
        if self.small and not self.forced:
            return f"store: on disk ({self.quads:,} quads, small enough to answer from disk; --store memory copies it)"
        return f"store: on disk ({self.quads:,} quads; in memory it would take {cost}, {free})" + (
            "" if self.forced else "; --store memory forces the copy"
        )


def _size(n: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{max(1, round(n / 1e3))} kB"


def available_memory() -> int | None:
    """Bytes of memory available to new processes (Linux MemAvailable), or None where not known."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def plan_memory(quads: int, processes: int, available: int | None, choice: str = "auto") -> MemoryPlan:
    """In memory when `choice` is "memory", on disk when "disk"; for "auto", in memory when the graph has
    SMALL quads or more and the copies of all `processes` take at most SHARE of the `available` memory
    (`available_memory()`; None: unknown, so on disk)."""
    if choice != "auto":
        return MemoryPlan(choice == "memory", quads, processes, available, forced=True)
    fits = available is not None and quads * BYTES_PER_QUAD * processes <= available * SHARE
    fits = fits and quads >= SMALL
    return MemoryPlan(fits, quads, processes, available)
