"""uvicorn's h11 protocol with a deadline for each request's head and body (against slowloris).

uvicorn closes an idle keep-alive connection after `timeout_keep_alive`, but waits without limit for
the first request on a new connection and for headers sent a byte at a time: 3,000 such connections
held a server open. Here every connection has `header_timeout` seconds, from its opening or from the
end of the previous answer, to send a whole request (line, headers and body); otherwise it is closed.
A request already being answered is never cut.

uvicorn's own answers (400 for a request it cannot parse, 503 beyond `--max-connections`) never reach
the app: the security headers are added here to every response head that leaves the connection.
"""

from __future__ import annotations

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from .app import with_security_headers

HEADER_TIMEOUT = 10.0  # seconds


class DeadlineH11Protocol(H11Protocol):
    header_timeout = HEADER_TIMEOUT

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
        self._arm_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_deadline()

    def connection_lost(self, exc) -> None:
        self._cancel_deadline()
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


def protocol_with_deadline(seconds: float) -> type[DeadlineH11Protocol]:
    return type("DeadlineH11Protocol", (DeadlineH11Protocol,), {"header_timeout": seconds})
