"""Fair shares of the untrusted query workers between clients (issue 12).

A time limit and a memory limit stop one heavy query, and a query stopped at a limit is refused when it
comes again; but a client that changes the text every time (a comment, a LIMIT) would still hold the
workers the untrusted queries share, and everyone else would get 503s. So each client (its address)
gets a share of worker time: at most one query running at a time (a second one waits briefly for the
first, then is refused), and, while the workers are in demand (another client was turned away busy in
the last `DEMAND` seconds), at most `budget` seconds of worker time in any `window` seconds (the query
time limit in five minutes). Beyond that its queries are refused at once with 429 and a Retry-After
that says when its share is back, while other clients' queries go on. Quick queries never come near
the share; a query stopped at the time limit uses it all, so one client can hold a worker for at most
`budget` seconds a `window` while others wait. Alone on the server, a client may use the workers as
much as it likes. (Many addresses are many clients: this is fairness between clients, not a defence
against a distributed attack.)
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict

from ..errors import PartnergraphError

DEMAND = 60.0  # seconds a client turned away busy counts as demand for the workers


class ClientShareError(PartnergraphError):
    """The client has a query running or has used its share of worker time (429 + Retry-After)."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class ClientShares:
    """Per-client accounting of worker time: `begin(client, wait)` before a query takes a worker,
    `end(client, seconds)` after it, `turned_away(client)` when it found no worker free. Time is kept in one-second buckets, so a client costs at most
    `window` numbers; the `clients` most recent clients are remembered."""

    def __init__(self, budget: float, window: float = 300.0, clients: int = 4096):
        self.budget, self.window, self.clients = budget, window, clients
        self._used: OrderedDict[str, dict[int, float]] = OrderedDict()  # client -> second -> seconds
        self._running: set[str] = set()
        self._turned_away: OrderedDict[str, float] = OrderedDict()  # client -> when it last got a 503
        self._changed = threading.Condition()

    def begin(self, client: str, wait: float) -> None:
        """Mark `client` as running a query, or raise ClientShareError: its earlier query does not end
        within `wait` seconds, or its share is used up."""
        with self._changed:
            if not self._changed.wait_for(lambda: client not in self._running, timeout=wait):
                raise ClientShareError(
                    "a query of yours is still running: one query at a time per client, wait for its answer",
                    retry_after=max(1, math.ceil(self.budget)),
                )
            now = time.monotonic()
            used, back = self._spent(client, now)
            if used >= self.budget and self._in_demand(client, now):
                raise ClientShareError(
                    f"the query workers are in demand and your queries used them for {used:.0f} s in the "
                    f"last {self.window:g} s, the share of one client is {self.budget:g} s; "
                    f"try again in {back} s",
                    retry_after=back,
                )
            self._running.add(client)

    def end(self, client: str, seconds: float) -> None:
        """`client`'s query is over; it held a worker for `seconds`."""
        with self._changed:
            self._running.discard(client)
            buckets = self._used.setdefault(client, {})
            second = int(time.monotonic())
            buckets[second] = buckets.get(second, 0.0) + seconds
            self._used.move_to_end(client)
            while len(self._used) > self.clients:
                self._used.popitem(last=False)
            self._changed.notify_all()

    def turned_away(self, client: str) -> None:
        """`client` found every worker busy: the workers are in demand."""
        with self._changed:
            self._turned_away[client] = time.monotonic()
            self._turned_away.move_to_end(client)
            while len(self._turned_away) > self.clients:
                self._turned_away.popitem(last=False)

    def _in_demand(self, client: str, now: float) -> bool:
        """Another client was turned away busy within the last DEMAND seconds."""
        return any(c != client and now - when < DEMAND for c, when in self._turned_away.items())

    def _spent(self, client: str, now: float) -> tuple[float, int]:
        """(seconds of worker time `client` used in the window, seconds until it is under the budget)."""
        buckets = self._used.get(client, {})
        for second in [s for s in buckets if s + self.window <= now]:
            del buckets[second]
        used = sum(buckets.values())
        left, back = used, 1
        for second in sorted(buckets):
            if left < self.budget:
                break
            left -= buckets[second]
            back = max(1, math.ceil(second + self.window - now))
        return used, back
