"""Measures over the event network: events per entity, degree and betweenness centrality, Louvain
communities (fixed seed, so the same graph gives the same communities), and projections such as
country–topic or organisation–organisation through shared events."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from .graph import KINDS

# betweenness is exact up to this many nodes, and estimated from this many sources above it
EXACT_BETWEENNESS = 2000
PROJECTIONS = (("country", "topic"), ("organisation", "organisation"), ("country", "country"))


def label(graph, node: str, lang: str = "en") -> str:
    data = graph.nodes[node]
    return data.get(f"label_{lang}") or data.get("label_en") or node


def event_counts(graph) -> dict[str, int]:
    """For every node that is not an event: the number of events it takes part in."""
    return {
        node: sum(1 for n in graph[node] if graph.nodes[n]["kind"] == "event")
        for node, kind in graph.nodes(data="kind")
        if kind != "event"
    }


def degree_centrality(graph) -> dict[str, float]:
    import networkx as nx

    return nx.degree_centrality(graph) if len(graph) > 1 else dict.fromkeys(graph, 0.0)


def betweenness_centrality(graph, seed: int = 0) -> dict[str, float]:
    """Exact up to EXACT_BETWEENNESS nodes, above that estimated from that many sampled sources."""
    import networkx as nx

    k = None if len(graph) <= EXACT_BETWEENNESS else EXACT_BETWEENNESS
    return nx.betweenness_centrality(graph, k=k, seed=seed)


def detect_communities(graph, seed: int = 0) -> list[set[str]]:
    """Louvain communities, largest first (ties by their smallest member, so the order is stable)."""
    import networkx as nx

    if graph.number_of_edges() == 0:
        return [{n} for n in sorted(graph)]
    found = nx.community.louvain_communities(graph, seed=seed)
    return sorted(found, key=lambda c: (-len(c), min(c)))


def project(graph, kind_a: str, kind_b: str):
    """A weighted graph of kind_a and kind_b nodes joined when they share events (weight = how many)."""
    import networkx as nx

    weights: Counter = Counter()
    for node, kind in graph.nodes(data="kind"):
        if kind != "event":
            continue
        side_a = sorted(n for n in graph[node] if graph.nodes[n]["kind"] == kind_a)
        if kind_a == kind_b:
            pairs = combinations(side_a, 2)
        else:
            side_b = sorted(n for n in graph[node] if graph.nodes[n]["kind"] == kind_b)
            pairs = ((a, b) for a in side_a for b in side_b)
        weights.update(pairs)
    projected = nx.Graph()
    for (a, b), weight in weights.items():
        for n in (a, b):
            projected.add_node(n, **graph.nodes[n])
        projected.add_edge(a, b, weight=weight)
    return projected


def _ranked(graph, values: dict[str, float], top: int, lang: str, kinds=None) -> list[dict]:
    items = [(n, v) for n, v in values.items() if kinds is None or graph.nodes[n]["kind"] in kinds]
    items.sort(key=lambda nv: (-nv[1], label(graph, nv[0], lang), nv[0]))
    return [
        {"iri": n, "label": label(graph, n, lang), "kind": graph.nodes[n]["kind"], "value": round(v, 6)}
        for n, v in items[:top]
    ]


def network_stats(graph, top: int = 5, lang: str = "en", seed: int = 0) -> dict:
    """The top entities by each measure, as plain data (what `partnergraph network stats` prints)."""
    import networkx as nx

    kinds = Counter(kind for _, kind in graph.nodes(data="kind"))
    counts = event_counts(graph)
    communities = detect_communities(graph, seed=seed)
    modularity = (
        nx.community.modularity(graph, communities) if graph.number_of_edges() and len(communities) else 0.0
    )
    stats = {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "by_kind": {k: kinds[k] for k in KINDS if kinds[k]},
        "most_events": {
            kind: _ranked(
                graph, {n: c for n, c in counts.items() if graph.nodes[n]["kind"] == kind}, top, lang
            )
            for kind in KINDS
            if kind != "event" and kinds[kind]
        },
        "degree": _ranked(graph, degree_centrality(graph), top, lang, kinds=set(KINDS) - {"event"}),
        "betweenness": _ranked(graph, betweenness_centrality(graph, seed), top, lang),
        "communities": {
            "count": len(communities),
            "modularity": round(modularity, 6),
            "largest": [
                {
                    "size": len(members),
                    "hubs": [
                        r["label"] for r in _ranked(graph, {n: graph.degree(n) for n in members}, 3, lang)
                    ],
                }
                for members in communities[:top]
            ],
        },
        "projections": {},
    }
    for kind_a, kind_b in PROJECTIONS:
        projected = project(graph, kind_a, kind_b)
        oriented = []
        for a, b, w in projected.edges(data="weight"):
            if graph.nodes[a]["kind"] != kind_a or (
                kind_a == kind_b and label(graph, b, lang) < label(graph, a, lang)
            ):
                a, b = b, a
            oriented.append((a, b, w))
        pairs = sorted(oriented, key=lambda e: (-e[2], label(graph, e[0], lang), label(graph, e[1], lang)))
        stats["projections"][f"{kind_a}-{kind_b}"] = [
            {"a": label(graph, a, lang), "b": label(graph, b, lang), "events": w} for a, b, w in pairs[:top]
        ]
    return stats


def format_stats(stats: dict) -> str:
    """network_stats() as text tables for people."""
    kinds = ", ".join(f"{n} {k}" for k, n in stats["by_kind"].items())
    out = [f"{stats['nodes']} nodes, {stats['edges']} edges" + (f": {kinds}" if kinds else "")]

    def table(title: str, rows: list[tuple], header: tuple) -> None:
        out.append("")
        out.append(title)
        if not rows:
            out.append("  (none)")
            return
        widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
        for r in [header, *rows]:
            out.append("  " + "  ".join(str(v).ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())

    for kind, ranked in stats["most_events"].items():
        table(f"{kind}: most events", [(r["label"], r["value"]) for r in ranked], ("name", "events"))
    table(
        "degree centrality (entities)",
        [(r["label"], r["kind"], f"{r['value']:.4f}") for r in stats["degree"]],
        ("name", "kind", "degree"),
    )
    table(
        "betweenness centrality",
        [(r["label"], r["kind"], f"{r['value']:.4f}") for r in stats["betweenness"]],
        ("name", "kind", "betweenness"),
    )
    comm = stats["communities"]
    table(
        f"Louvain communities: {comm['count']} (modularity {comm['modularity']:.3f})",
        [(c["size"], ", ".join(c["hubs"])) for c in comm["largest"]],
        ("size", "hubs"),
    )
    for name, pairs in stats["projections"].items():
        table(
            f"projection {name} (shared events)",
            [(p["a"], p["b"], p["events"]) for p in pairs],
            ("a", "b", "events"),
        )
    return "\n".join(out) + "\n"
