"""`partnergraph sources`"""

from __future__ import annotations

from ._common import add_root_option, settings_from


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "sources",
        help="list the corpus: page, URL, year, number of events, when added, last build",
        description="List the pages of data/sources/manifest.json with what the last build made of them.",
    )
    add_root_option(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from ..sources.listing import list_sources

    listing = list_sources(settings_from(args))
    header = ("page", "year", "events", "added", "built", "url")
    rows = [
        (
            r.source_id,
            str(r.year or "-"),
            "-" if r.events is None else str(r.events),
            r.added or "-",
            r.built or "-",
            r.url or "-",
        )
        for r in listing.rows
    ]
    widths = [max(len(x) for x in col) for col in zip(header, *rows, strict=False)]
    for row in (header, *rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    if listing.last_build is None:
        print("last build: never (run `partnergraph build`)")
    else:
        state = "current" if listing.current else "out of date (run `partnergraph build`)"
        print(f"last build: {listing.last_build}, {state}")
    return 0
