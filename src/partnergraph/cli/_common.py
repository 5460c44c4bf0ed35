"""Argument helpers shared by the commands."""

from __future__ import annotations

import argparse
import os

from ..settings import Settings


def add_root_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root", metavar="DIR", help="project folder with data/, ontology/, queries/ (default: here)"
    )


def year(text: str) -> int:
    """An argparse type: a year from 1990 to 2100."""
    if not text.isdigit() or not 1990 <= int(text) <= 2100:
        raise argparse.ArgumentTypeError(f"expected a year such as 2019 (1990-2100), got {text!r}")
    return int(text)


def print_pages(report) -> None:
    """What `add` and `remove` print first: a line a page (with its events and findings, after `add`)."""
    for result in report.results:
        line = f"{result.status:9} {result.message}"
        if getattr(result, "events", None) is not None:
            line += f", {result.events} event{'s' if result.events != 1 else ''}"
        print(line)
        for finding in getattr(result, "findings", ()):
            print(f"          {finding}")


def print_graph_change(report, incremental: str) -> int:
    """What `add` and `remove` print last: how the graph followed (`incremental` when page graphs were
    replaced); returns the exit status."""
    if report.graph == "incremental":
        print(incremental)
    elif report.graph == "full":
        print(f"graph: rebuilt in full, the build was missing or out of date ({report.quads} quads)")
    else:
        print("graph: unchanged")
    return 2 if report.failed else 0


def settings_from(args) -> Settings:
    return Settings.default(getattr(args, "root", None))


ENDPOINT_TIMEOUT = 30.0  # seconds: a store that accepts the connection and never answers


def add_endpoint_options(parser: argparse.ArgumentParser, timeout: bool = True) -> None:
    """--endpoint, its credentials and (unless the command has a --timeout of its own) its --timeout."""
    parser.add_argument(
        "--endpoint", metavar="URL", help="a SPARQL 1.1 query endpoint instead of the embedded store"
    )
    if timeout:
        parser.add_argument(
            "--timeout",
            type=number(float, minimum=0.001),
            default=ENDPOINT_TIMEOUT,
            metavar="SECONDS",
            help=f"with --endpoint: how long to wait for its whole answer (default {ENDPOINT_TIMEOUT:g}); "
            "an endpoint that gives none in time is not asked again",
        )
    add_auth_options(parser)


def add_auth_options(parser: argparse.ArgumentParser) -> None:
    """--user and --password, defaulting to $PARTNERGRAPH_USER and $PARTNERGRAPH_PASSWORD."""
    parser.add_argument(
        "--user",
        default=os.environ.get("PARTNERGRAPH_USER"),
        help="user for a server that needs authentication (or $PARTNERGRAPH_USER)",
    )
    parser.add_argument(
        "--password",
        default=os.environ.get("PARTNERGRAPH_PASSWORD"),
        help="password (better: $PARTNERGRAPH_PASSWORD, which stays out of the process list)",
    )


def open_store_from(args, built: bool = False):
    """The remote endpoint when --endpoint is given, else the embedded store (built if out of date, unless
    the caller has just seen to it: `built`)."""
    if getattr(args, "endpoint", None):
        from ..store import RemoteStore

        timeout = getattr(args, "timeout", ENDPOINT_TIMEOUT)
        return RemoteStore(
            args.endpoint, user=args.user, password=args.password, timeout=timeout, retry_timeouts=False
        )
    from ..state import open_embedded

    return open_embedded(settings_from(args), build_if_needed=not built)


def key_value(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected name=value, got {text!r}")
    return name.strip(), value


def listen(host: str, port: int):
    """A TCP socket bound to host:port (port 0: a free one), before anything slow starts; a port in use is
    a one-line error."""
    import socket

    from ..errors import PartnergraphError

    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        raise PartnergraphError(
            f"cannot listen on {host}:{port} ({e.strerror}); choose another --port"
        ) from None
    return sock


def number(kind=int, minimum: float = 1):
    """An argparse type: a number of `kind` no smaller than `minimum`, refused with a clear message."""

    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected a number of {minimum} or more, got {text!r}")
        return value

    return parse
