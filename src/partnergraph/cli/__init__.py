"""The `partnergraph` command: parses arguments, calls one library function per command, prints.

Each command lives in its own module with `register(subparsers)`; the parser it adds sets `func`.
Errors: PartnergraphError -> its one-line message on stderr and its exit code (2 bad input or runtime
failure, 1 invalid graph); no tracebacks for anything the user can fix.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from .. import __version__
from ..errors import PartnergraphError

COMMANDS = [
    "build",
    "extract",
    "query",
    "sources",
    "add",
    "remove",
    "review",
    "network",
    "view",
    "serve",
    "publish",
    "push",
]

# Commands that run for minutes on a large corpus: on a terminal they log their steps unasked (-v).
LONG_COMMANDS = {"build", "add", "remove", "publish", "push"}


class OneLineParser(argparse.ArgumentParser):
    """A usage error is one line, like every other error (argparse prints the whole usage first);
    subparsers inherit the class."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def make_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; with `only`, a command's name, the parser of that command alone: importing
    the other commands' modules was a quarter of `partnergraph query`'s start-up."""
    parser = OneLineParser(
        prog="partnergraph",
        description="MOPS Kraków's international cooperation: bulletin pages to a linked-open-data graph.",
    )
    parser.add_argument("--version", action="version", version=f"partnergraph {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in [only] if only in COMMANDS else COMMANDS:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"{__name__}.{name}":  # a command not written yet
                continue
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = make_parser(next((a for a in argv if not a.startswith("-")), None))
    args = parser.parse_args(argv)
    progress = args.verbose or (args.command in LONG_COMMANDS and sys.stderr.isatty())
    logging.basicConfig(
        level=logging.INFO if progress else logging.WARNING, format="%(levelname)s %(message)s"
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args) or 0
    except PartnergraphError as e:
        command = " ".join(filter(None, (args.command, getattr(args, "network_command", None))))
        print(f"partnergraph {command}: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
