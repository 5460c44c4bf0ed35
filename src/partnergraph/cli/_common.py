"""Argument helpers shared by the commands."""

from __future__ import annotations

import argparse
import os

from ..settings import Settings


def add_root_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root", metavar="DIR", help="project folder with data/, ontology/, queries/ (default: here)"
    )


def settings_from(args) -> Settings:
    return Settings.default(getattr(args, "root", None))


def add_endpoint_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--endpoint", metavar="URL", help="a SPARQL 1.1 query endpoint instead of the embedded store"
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


def open_store_from(args):
    """The remote endpoint when --endpoint is given, else the embedded store (built if out of date)."""
    if getattr(args, "endpoint", None):
        from ..store import RemoteStore

        return RemoteStore(args.endpoint, user=args.user, password=args.password)
    from ..state import open_embedded

    return open_embedded(settings_from(args))


def key_value(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected name=value, got {text!r}")
    return name.strip(), value


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
