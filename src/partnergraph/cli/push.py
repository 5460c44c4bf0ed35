"""`partnergraph push --endpoint QUERY_URL [--update-endpoint URL] [--graph-store URL] [--user U]
[--password P]`: load the built dataset into a SPARQL 1.1 server, sending only the graphs that changed."""

from __future__ import annotations

from pathlib import Path

from ._common import add_auth_options, add_root_option, number, settings_from


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "push",
        help="load the dataset into a SPARQL 1.1 server (only the graphs that changed)",
        description=(
            "Load the dataset into a SPARQL 1.1 server: one named graph per source page, the registries "
            "and the ontology. Graphs go through the Graph Store Protocol when --graph-store is given, "
            "else through SPARQL Update. Only graphs whose content changed since the last push are sent, "
            "each staged beside its target and swapped in by one update request, so no graph is ever "
            "half replaced. Oxigraph: --endpoint http://HOST:7878/query --graph-store "
            "http://HOST:7878/store. Virtuoso: --endpoint http://HOST:8890/sparql --update-endpoint "
            "http://HOST:8890/sparql-auth --graph-store http://HOST:8890/sparql-graph-crud-auth with "
            "$PARTNERGRAPH_USER and $PARTNERGRAPH_PASSWORD."
        ),
    )
    parser.add_argument("--endpoint", required=True, metavar="URL", help="the server's SPARQL query endpoint")
    parser.add_argument(
        "--update-endpoint",
        metavar="URL",
        help="its SPARQL Update endpoint (default: the query endpoint, or .../update for .../query)",
    )
    parser.add_argument(
        "--graph-store", metavar="URL", help="its Graph Store Protocol endpoint, if it has one"
    )
    add_auth_options(parser)
    parser.add_argument(
        "--auth",
        choices=("basic", "digest"),
        help="HTTP authentication scheme (default: the one the server asks for)",
    )
    parser.add_argument(
        "--dump",
        type=Path,
        metavar="FILE",
        help="push this N-Quads file instead of build/dumps/partnergraph.nq (which is built if out of date)",
    )
    parser.add_argument("--timeout", type=number(), default=300, metavar="SECONDS", help="per request")
    parser.add_argument(
        "--batch-triples",
        type=number(),
        default=None,
        metavar="N",
        help="triples per swap request (default 50000); graphs of one batch switch together",
    )
    parser.add_argument("--keep-removed", action="store_true", help="keep graphs of pages no longer built")
    add_root_option(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from ..store import RemoteStore
    from ..store.push import BATCH_TRIPLES, push_dataset, read_dataset

    if args.dump:
        dump = args.dump
    else:
        from ..build import ensure_built

        settings = settings_from(args)
        ensure_built(settings)
        dump = settings.dumps_dir / "partnergraph.nq"
    graphs = read_dataset(dump)
    store = RemoteStore(
        args.endpoint,
        user=args.user,
        password=args.password,
        timeout=args.timeout,
        update_endpoint=args.update_endpoint,
        graph_store=args.graph_store,
        auth=args.auth,
    )
    with store:
        report = push_dataset(
            store, graphs, batch_triples=args.batch_triples or BATCH_TRIPLES, prune=not args.keep_removed
        )
    print(f"pushed to {store.endpoint}: {report.summary()}")
    if report.leftovers_dropped:
        print(f"dropped {len(report.leftovers_dropped)} staging graph(s) left by an earlier failed push")
    return 0
