"""`partnergraph push --endpoint QUERY_URL [--update-endpoint URL] [--graph-store URL | --no-graph-store]
[--user U] [--password P]`: load the built dataset into a SPARQL 1.1 server, sending only the graphs
that changed, through the server's Graph Store Protocol endpoint when it has one (found beside the
query endpoint unless given) and through SPARQL Update otherwise."""

from __future__ import annotations

import sys
from pathlib import Path

from ._common import add_auth_options, add_root_option, number, settings_from


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "push",
        help="load the dataset into a SPARQL 1.1 server (only the graphs that changed)",
        description=(
            "Load the dataset into a SPARQL 1.1 server: one named graph per source page, the registries "
            "and the ontology. Graphs go through the SPARQL 1.1 Graph Store Protocol where the server "
            "offers it and through SPARQL Update otherwise: without --graph-store, push looks for the "
            "Graph Store endpoint where the common servers put it beside the query endpoint (Oxigraph "
            "/store, Virtuoso /sparql-graph-crud[-auth], Fuseki /ds/data, RDF4J and GraphDB "
            ".../rdf-graphs/service) and uses one only after a probe graph PUT there is seen by the "
            "query endpoint (the probe is removed again); it prints which protocol it chose. Only "
            "graphs whose content changed since the last push are sent, each staged beside its target "
            "and swapped in by one update request, so no graph is ever half replaced. Oxigraph: "
            "--endpoint http://HOST:7878/query. Virtuoso: --endpoint http://HOST:8890/sparql "
            "--update-endpoint http://HOST:8890/sparql-auth with $PARTNERGRAPH_USER and "
            "$PARTNERGRAPH_PASSWORD."
        ),
    )
    parser.add_argument("--endpoint", required=True, metavar="URL", help="the server's SPARQL query endpoint")
    parser.add_argument(
        "--update-endpoint",
        metavar="URL",
        help="its SPARQL Update endpoint (default: the query endpoint, or .../update for .../query)",
    )
    protocol = parser.add_mutually_exclusive_group()
    protocol.add_argument(
        "--graph-store",
        metavar="URL",
        help="its Graph Store Protocol endpoint (default: found beside the query endpoint, if it has one)",
    )
    protocol.add_argument(
        "--no-graph-store",
        action="store_true",
        help="load with SPARQL Update only, without looking for a Graph Store Protocol endpoint",
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
    parser.add_argument(
        "--connect-timeout",
        type=number(float, minimum=0.001),
        default=10.0,
        metavar="SECONDS",
        help="how long to wait for a connection, and for the server's answer to a first, trivial query "
        "(default 10): a server that does not answer is reported at once",
    )
    parser.add_argument(
        "--timeout",
        type=number(float, minimum=0.001),
        default=300.0,
        metavar="SECONDS",
        help="how long each later request may take, answer included (default 300: a batch's switch "
        "can take minutes on a big server)",
    )
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
        from ..state import ensure_built

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
        connect_timeout=args.connect_timeout,
        retry_timeouts=False,  # a request that took the whole --timeout is not sent again (the next push resumes)
    )
    with store:
        store.check_answers(args.connect_timeout)
        if args.graph_store:
            print(f"graph store: {store.graph_store} (--graph-store)", flush=True)
        elif args.no_graph_store:
            print("using SPARQL Update (--no-graph-store)", flush=True)
        else:
            from ..store.discover import discover_graph_store

            store.graph_store = discover_graph_store(store)
            if store.graph_store:
                print(f"graph store: found {store.graph_store}", flush=True)
            else:
                print("no Graph Store Protocol endpoint found; using SPARQL Update", flush=True)
        report = push_dataset(
            store, graphs, batch_triples=args.batch_triples or BATCH_TRIPLES, prune=not args.keep_removed
        )
    print(f"pushed to {store.endpoint}: {report.summary()}")
    if report.default_is_union is False:
        print(
            f"warning: {store.endpoint} does not show the named graphs in its default graph, so the saved "
            "queries, `query --endpoint` and `serve --endpoint` find 0 rows there; make the default graph "
            "the union of the named graphs (Oxigraph: `oxigraph serve --union-default-graph`)",
            file=sys.stderr,
        )
    if report.leftovers_dropped:
        print(f"dropped {len(report.leftovers_dropped)} staging graph(s) left by an earlier failed push")
    return 0
