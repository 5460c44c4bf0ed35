"""`partnergraph add URL|FILE... [--year YYYY] [--title T] [--home NAME [--home-city CITY]] [--timeout S]`"""

from __future__ import annotations

import argparse
import sys

from ._common import add_root_option, print_graph_change, print_pages, settings_from, year


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a number of seconds above 0, got {text!r}")
    return value


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "add",
        help="fetch or import bulletin pages into data/sources/ and update the graph incrementally",
        description=(
            "Add bulletin pages to the corpus: a URL is fetched politely (robots.txt, one request per second "
            "per host, conditional GET when fetched before); a FILE is a saved HTML or text page. The page's "
            "content is cut out of the bulletin's layout, its publication metadata go to the manifest, and "
            "only its named graph is rebuilt (a full build runs when the build is missing or out of date)."
        ),
        epilog=(
            "Exit status: 0 when every page was added, replaced or found unchanged (a page with no events "
            "is kept, with a warning); 2 when a page could not be fetched or read, or is more than 1 MB of "
            "text, or a saved file's name is already taken by another file's page (it changes nothing, the "
            "other pages are added), or a page valid alone would break a SHACL shape beside the pages already "
            "there (their entities' union, which the next full build validates; nothing is changed); 1 when a "
            "new page breaks a SHACL shape (nothing is changed)."
        ),
    )
    parser.add_argument("items", nargs="+", metavar="URL|FILE", help="page URL or saved page")
    parser.add_argument(
        "--year",
        type=year,
        metavar="YYYY",
        help="the page's year, for 'br.' dates (default: its year of publication)",
    )
    parser.add_argument(
        "--title", metavar="T", help="the page's title (default: the heading on the page; one page only)"
    )
    parser.add_argument(
        "--home",
        metavar="NAME",
        help="the body whose cooperation the pages report, in MOPS Kraków's role (default: MOPS Kraków)",
    )
    parser.add_argument("--home-city", metavar="CITY", help="the home's city (with --home)")
    parser.add_argument(
        "--timeout", type=_seconds, default=30.0, metavar="S", help="HTTP timeout in seconds (default 30)"
    )
    add_root_option(parser)
    parser.set_defaults(func=run, _parser=parser)


def run(args) -> int:
    from ..corpus import add_pages

    if args.title and len(args.items) > 1:
        args._parser.error("--title names one page; give one URL or FILE with it")
    if args.home_city and not args.home:
        args._parser.error("--home-city goes with --home")
    report = add_pages(
        settings_from(args),
        args.items,
        year=args.year,
        title=args.title,
        timeout=args.timeout,
        home=(args.home, args.home_city) if args.home else None,
    )
    print_pages(report)
    for result in report.results:
        if result.status in ("added", "replaced") and result.events == 0:
            print(
                f"partnergraph add: warning: no events found in {result.source_id}; the page is kept (is it a "
                f"report of international cooperation? `partnergraph remove {result.source_id}` takes it out)",
                file=sys.stderr,
            )
    if report.caught_up:
        print(
            f"graph: the build was behind the corpus for {', '.join(report.caught_up)} "
            "(an interrupted run, or files edited by hand); updated them too"
        )
    count = len(report.changed) + len(report.caught_up)
    return print_graph_change(
        report, f"graph: replaced {count} page graph(s) incrementally ({report.quads} quads)"
    )
