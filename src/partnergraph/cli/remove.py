"""`partnergraph remove PAGE|URL...`"""

from __future__ import annotations

from ._common import add_root_option, print_graph_change, print_pages, settings_from


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "remove",
        help="take pages out of the corpus (data/sources/) and their graphs out of the build",
        description=(
            "Remove bulletin pages from the corpus: their files in data/sources/ and their manifest entries "
            "go, and their named graphs are taken out of the dumps and the store incrementally (a full "
            "build runs when the build is missing or out of date). A PAGE is a page id as `partnergraph "
            "sources` lists it (bip-27120), its file name (bip-27120.txt), or its URL."
        ),
        epilog="Exit status: 0 when every page was removed; 2 when a page is not in the corpus (the others are removed).",
    )
    parser.add_argument("items", nargs="+", metavar="PAGE|URL", help="page id, file name or URL")
    add_root_option(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from ..corpus import remove_pages

    report = remove_pages(settings_from(args), args.items)
    print_pages(report)
    took_out = f"graph: took out {len(report.changed)} page graph(s) incrementally ({report.quads} quads)"
    return print_graph_change(report, took_out)
