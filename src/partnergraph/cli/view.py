"""`partnergraph view [--out FILE] [--focus IRI --depth N] [--lang pl|en] [--endpoint URL]`"""

from __future__ import annotations

from ._common import add_endpoint_options, add_root_option, number, open_store_from, settings_from


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "view",
        help="write the network as one self-contained interactive HTML page (works offline)",
        description="Write one HTML file with the network: filters for years, event type, direction, "
        "topic and country, a search box, a legend, tooltips with the source text, and a side panel "
        "with each node's details. Everything is inside the file; it needs no network.",
    )
    parser.add_argument("--out", metavar="FILE", help="where to write (default: build/network.html)")
    parser.add_argument("--focus", metavar="IRI", help="only the nodes near this one (IRI or id/kind/key)")
    parser.add_argument(
        "--depth", type=number(minimum=0), metavar="N", help="with --focus: how many steps out (default 2)"
    )
    parser.add_argument("--lang", choices=("pl", "en"), default="en", help="labels and texts (en)")
    add_endpoint_options(parser)
    add_root_option(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from .._atomic import write_atomic
    from ..errors import PartnergraphError
    from ..views import render_network_page

    if args.depth is not None and not args.focus:
        raise PartnergraphError("--depth needs --focus IRI (the node to start from)")
    out = args.out or settings_from(args).build_dir / "network.html"
    page = render_network_page(
        open_store_from(args), lang=args.lang, focus=args.focus, depth=args.depth, link_base=None
    )
    try:
        write_atomic(out, page)
    except OSError as e:
        raise PartnergraphError(f"cannot write {out}: {e}") from None
    print(f"wrote {out} ({len(page.encode()) // 1024} KB); open it in a browser, no network needed")
    return 0
