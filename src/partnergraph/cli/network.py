"""`partnergraph network stats [--format table|json]`, `partnergraph network export --format gexf|graphml`"""

from __future__ import annotations

import json
import sys

from ._common import add_endpoint_options, add_root_option, number, open_store_from, settings_from


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "network",
        help="the graph as a network: hubs and communities, or a file for Gephi",
        description="Events and what they involve as a network (networkx): analytics and export.",
    )
    commands = parser.add_subparsers(dest="network_command", metavar="ACTION", required=True)

    stats = commands.add_parser(
        "stats",
        help="the top entities by events, degree and betweenness; Louvain communities; projections",
        description="Print the hubs of the network: the entities with most events per class, degree "
        "and betweenness centrality, Louvain communities and country-topic, organisation-organisation "
        "and country-country projections.",
    )
    stats.add_argument("--format", choices=("table", "json"), default="table", help="table (default) or JSON")
    stats.add_argument("--top", type=number(), default=5, metavar="N", help="entries per measure (5)")
    stats.add_argument("--lang", choices=("pl", "en"), default="en", help="label language (en)")
    add_endpoint_options(stats)
    add_root_option(stats)
    stats.set_defaults(func=run_stats)

    export = commands.add_parser(
        "export",
        help="write the network as GEXF (dates as Gephi's dynamic spells) or GraphML",
        description="Write the network as a file Gephi opens. GEXF carries the dates as spells, so "
        "Gephi's timeline works; GraphML carries them as plain attributes.",
    )
    export.add_argument(
        "--format",
        choices=("gexf", "graphml"),
        required=True,
        help="gexf (Gephi, with a timeline) or graphml",
    )
    export.add_argument("--out", metavar="FILE", help="where to write (default: build/network.FORMAT)")
    export.add_argument("--lang", choices=("pl", "en"), default="en", help="language of `label` (en)")
    add_endpoint_options(export)
    add_root_option(export)
    export.set_defaults(func=run_export)


def run_stats(args) -> int:
    from ..network import build_network, format_stats, network_stats

    graph = build_network(open_store_from(args))
    stats = network_stats(graph, top=args.top, lang=args.lang)
    if args.format == "json":
        sys.stdout.write(json.dumps(stats, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_stats(stats))
    return 0


def run_export(args) -> int:
    from ..network import build_network, write_network

    out = args.out or settings_from(args).build_dir / f"network.{args.format}"
    graph = build_network(open_store_from(args))
    path = write_network(graph, args.format, out, lang=args.lang)
    print(f"wrote {path} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)")
    return 0
