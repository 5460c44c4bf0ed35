"""`partnergraph query NAME|FILE|- [--param name=value ...] [--format ...] [--endpoint URL]`"""

from __future__ import annotations

import sys

from ._common import add_endpoint_options, add_root_option, key_value, open_store_from, settings_from


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "query",
        help="run a saved query (queries/*.rq), a .rq file or '-' (stdin)",
        description="Run a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE) on the embedded store or an "
        "endpoint.",
    )
    parser.add_argument(
        "query", nargs="?", help="saved query name, path of a .rq file, or - for standard input"
    )
    parser.add_argument(
        "--param",
        action="append",
        type=key_value,
        default=[],
        metavar="NAME=VALUE",
        help="a parameter of the saved query (repeatable)",
    )
    parser.add_argument(
        "--format",
        choices=("table", "csv", "tsv", "json"),
        default="table",
        help="table (default), CSV or TSV with a header row, or SPARQL JSON results",
    )
    parser.add_argument("--list", action="store_true", help="list the saved queries with their parameters")
    add_endpoint_options(parser)
    add_root_option(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from ..errors import QueryError
    from ..query import format_rows, load_saved_queries, resolve_query, run_query
    from ..query.choices import check_country_values, check_taxonomy_values
    from ..query.formats import format_boolean
    from ..query.guard import check_query, query_form

    settings = settings_from(args)
    if args.list or not args.query:
        for name, saved in load_saved_queries(settings.queries_dir).items():
            params = " ".join(f"{p.name}={p.default}" for p in saved.parameters.values())
            print(f"{name:32} {saved.title}" + (f"  [{params}]" if params else ""))
        return 0
    stdin_text = sys.stdin.read() if args.query == "-" else None
    saved = resolve_query(args.query, settings.queries_dir, stdin_text)
    params = dict(args.param)
    if len(params) != len(args.param):
        raise QueryError("a --param is given twice")
    text = saved.render(params)  # bad parameters fail before the store is opened
    check_country_values(settings.reference_dir, saved, params)
    check_query(text)
    form = query_form(text)
    kept = kept_answer(args, settings, saved, text) if form == "select" else None
    if kept is not None:  # the build's answer at the defaults: the store is not even opened
        sys.stdout.write(format_rows(kept, args.format))
        return 0
    store = open_store_from(args, built=form == "select")
    check_taxonomy_values(store, saved, params)
    if form == "ask":
        sys.stdout.write(format_boolean(store.ask(text), args.format))
    elif form in ("construct", "describe"):  # Turtle; N-Triples for csv/tsv, JSON-LD for json
        rdf = {"json": "json-ld", "csv": "nt", "tsv": "nt"}.get(args.format, "turtle")
        sys.stdout.write(store.construct(text).serialize(format=rdf))
    else:
        sys.stdout.write(format_rows(run_query(store, saved, params, plain=True), args.format))
    return 0


def kept_answer(args, settings, saved, text: str):
    """The answer the build kept for `saved` run as `text` (query/answers.py: the saved queries at their
    defaults, computed by `build` and `add` from the same data), as Rows, the build first brought up to
    date; None when none is kept or the query goes to an endpoint. At 10^5 events a saved query takes
    seconds on the store on disk."""
    if getattr(args, "endpoint", None):
        return None
    from ..query.answers import find_answer
    from ..state import ensure_built_or_keep
    from ..store import Rows

    ensure_built_or_keep(settings)

    kept = find_answer(settings.build_dir, saved, text, plain=True)
    return Rows(kept[0], kept[1]) if isinstance(kept, tuple) else None
