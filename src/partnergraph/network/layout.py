"""Node positions computed before the page is drawn, so the browser needs no physics.

Up to SKELETON nodes: networkx's spring layout (Fruchterman-Reingold) over the whole graph. Above that a
full spring layout costs minutes (networkx compares every pair of nodes, and above 500 nodes takes a
slower sparse path: 14 s for 1k nodes here), so the SKELETON best-connected nodes are laid out with it and
every other node is placed, breadth first, from its already placed neighbours: a node with one placed
neighbour goes on a spiral around it (so the leaves of a hub fan out), a node with several goes near
their mean. Components the skeleton does not reach are laid out on their own and set in a ring around
it. The result is seeded and independent of the order nodes were added in, so a graph always gets the
same picture.
"""

from __future__ import annotations

import math
import random

SKELETON = 400
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def compute_layout(graph, seed: int = 0, skeleton: int = SKELETON) -> dict[str, tuple[float, float]]:
    """Positions with coordinates in [-1, 1]."""
    import networkx as nx

    if len(graph) <= skeleton:
        return _spring(graph, seed)
    ranked = sorted(graph, key=lambda n: (-graph.degree(n), n))
    top = graph.subgraph(ranked[:skeleton])
    core = top.subgraph(min(nx.connected_components(top), key=lambda c: (-len(c), min(c))))
    # spread the skeleton so that the nodes placed around it find room at the skeleton's spacing
    grow = math.sqrt(len(graph) / len(core))
    pos: dict = {n: (x * grow, y * grow) for n, (x, y) in _spring(core, seed).items()}
    rng = random.Random(seed)
    spread = 1.0 / math.sqrt(len(core))
    children: dict[str, int] = {}
    frontier = sorted(core, key=lambda n: (-graph.degree(n), n))
    while frontier:
        reached = []
        for node in frontier:
            for other in sorted(graph[node]):
                if other not in pos:
                    reached.append(other)
                    pos[other] = None  # claimed; placed below
        for node in reached:
            placed = [n for n in graph[node] if pos.get(n) is not None]
            if len(placed) == 1:
                anchor = placed[0]
                i = children[anchor] = children.get(anchor, 0) + 1
                angle, radius = i * GOLDEN_ANGLE, spread * (0.5 + 0.6 * math.sqrt(i))
                x, y = pos[anchor]
            else:
                x = sum(pos[n][0] for n in placed) / len(placed)
                y = sum(pos[n][1] for n in placed) / len(placed)
                angle, radius = rng.uniform(0, 2 * math.pi), spread * (0.3 + rng.random())
            pos[node] = (x + radius * math.cos(angle), y + radius * math.sin(angle))
        frontier = reached
    extent = max(max(abs(x), abs(y)) for x, y in pos.values()) or 1.0
    rest = [n for n in graph if n not in pos]
    if rest:  # components the skeleton does not reach: each laid out alone, in a ring around it
        components = sorted(nx.connected_components(graph.subgraph(rest)), key=lambda c: (-len(c), min(c)))
        for i, component in enumerate(components):
            size = extent * math.sqrt(len(component) / len(graph))
            angle = 2 * math.pi * i / len(components)
            cx, cy = (extent * 1.15 + size) * math.cos(angle), (extent * 1.15 + size) * math.sin(angle)
            for node, (x, y) in compute_layout(graph.subgraph(component), seed, skeleton).items():
                pos[node] = (cx + size * x, cy + size * y)
    extent = max(max(abs(x), abs(y)) for x, y in pos.values()) or 1.0
    return {n: (x / extent, y / extent) for n, (x, y) in pos.items()}


def _spring(graph, seed: int) -> dict[str, tuple[float, float]]:
    import networkx as nx

    if len(graph) <= 1:
        return dict.fromkeys(graph, (0.0, 0.0))
    ordered = nx.Graph()  # the same picture whatever order the nodes were added in
    ordered.add_nodes_from(sorted(graph))
    ordered.add_edges_from(sorted(tuple(sorted(e)) for e in graph.edges))
    positions = nx.spring_layout(ordered, seed=seed)
    return {n: (float(x), float(y)) for n, (x, y) in positions.items()}
