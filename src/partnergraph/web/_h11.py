"""uvicorn's h11 protocol with a deadline for each request's head and body, and a cap on the
connections of one address (against slowloris).

uvicorn closes an idle keep-alive connection after `timeout_keep_alive`, but waits without limit for
the first request on a new connection and for headers sent a byte at a time: 3,000 such connections
held a server open. Here every connection has `header_timeout` seconds, from its opening or from the
end of the previous answer, to send a whole request (line, headers and body); otherwise it is closed.
A request already being answered is never cut.

The deadline alone does not stop one client that opens a new slow connection whenever one is closed:
400 of them kept `--max-connections` (256) full and 82 % of everyone else's requests got 503. So one
address may hold at most `per_client` connections; one more is answered 503 and closed at once.
Addresses of trusted proxies (many clients behind one address) are not capped.

uvicorn's own answers (400 for a request it cannot parse, 503 beyond `--max-connections`) never reach
the app: the security headers are added here to every response head that leaves the connection.
"""

from __future__ import annotations

import collections
import ipaddress

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from .app import with_security_headers

HEADER_TIMEOUT = 10.0  # seconds
PER_CLIENT = 32  # connections of one address (a browser opens 6 to a host)


class DeadlineH11Protocol(H11Protocol):
    header_timeout = HEADER_TIMEOUT
    per_client = PER_CLIENT
    uncapped: tuple = ()  # networks (ipaddress) whose addresses are not capped: trusted proxies
    open_by_address: collections.Counter = collections.Counter()  # one event loop: no lock needed

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        send = self.conn.send

        def send_with_headers(event):
            if isinstance(event, h11.Response):
                headers = with_security_headers(event.headers.raw_items(), event.status_code)
                event = h11.Response(
                    status_code=event.status_code,
                    headers=headers,
                    reason=event.reason,
                    http_version=event.http_version,
                )
            return send(event)

        self.conn.send = send_with_headers

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._address = self.client[0] if self.client else None
        if self._address is not None and not self._is_uncapped(self._address):
            if self.open_by_address[self._address] >= self.per_client:
                self._address = None  # not counted
                self._refuse(transport)
                return
            self.open_by_address[self._address] += 1
        else:
            self._address = None
        self._arm_deadline()

    def _is_uncapped(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:  # a Unix socket's peer
            return True
        return any(ip in network for network in self.uncapped)

    def _refuse(self, transport) -> None:
        body = f"too many connections from your address (at most {self.per_client})\n".encode()
        head = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", b"%d" % len(body))]
        head += [(b"connection", b"close"), (b"retry-after", b"10")]
        lines = b"".join(b"%s: %s\r\n" % pair for pair in with_security_headers(head, 503))
        transport.write(b"HTTP/1.1 503 Service Unavailable\r\n" + lines + b"\r\n" + body)
        transport.close()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_deadline()

    def connection_lost(self, exc) -> None:
        self._cancel_deadline()
        if getattr(self, "_address", None) is not None:
            self.open_by_address[self._address] -= 1
            if self.open_by_address[self._address] <= 0:
                del self.open_by_address[self._address]
            self._address = None
        super().connection_lost(exc)

    def _arm_deadline(self) -> None:
        self._cancel_deadline()
        self._deadline = self.loop.call_later(self.header_timeout, self._close_if_still_sending)

    def _cancel_deadline(self) -> None:
        deadline = getattr(self, "_deadline", None)
        if deadline is not None:
            deadline.cancel()
        self._deadline = None

    def _close_if_still_sending(self) -> None:
        self._deadline = None
        if self.conn.their_state in (h11.IDLE, h11.SEND_BODY) and not self.transport.is_closing():
            self.transport.close()


def protocol_with_deadline(
    seconds: float, per_client: int = PER_CLIENT, uncapped: list[str] = ()
) -> type[DeadlineH11Protocol]:
    """The protocol class for one server: `uncapped` lists addresses or networks (CIDR) of trusted
    proxies, "*" for all."""
    networks = tuple(ipaddress.ip_network(item, strict=False) for item in uncapped if item != "*") + (
        (ipaddress.ip_network("0.0.0.0/0"), ipaddress.ip_network("::/0")) if "*" in uncapped else ()
    )
    values = {"header_timeout": seconds, "per_client": per_client, "uncapped": networks}
    values["open_by_address"] = collections.Counter()
    return type("DeadlineH11Protocol", (DeadlineH11Protocol,), values)
