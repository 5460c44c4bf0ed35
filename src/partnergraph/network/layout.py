"""Node positions computed before the page is drawn, so the browser needs no physics.

Up to SKELETON nodes: networkx's spring layout (Fruchterman-Reingold) over the whole graph. Above that
a full spring layout costs minutes (it compares every pair of nodes), so the SKELETON best-connected
nodes are laid out with it and every other node is placed, breadth first, around the mean position of
its placed neighbours; nodes of components the skeleton does not reach are laid out on their own and
set in a ring around it. The result is seeded, so a graph always gets the same picture.
"""

from __future__ import annotations

import math
import random

SKELETON = 1500


def compute_layout(graph, seed: int = 0, skeleton: int = SKELETON) -> dict[str, tuple[float, float]]:
    """Positions with coordinates roughly in [-1, 1]."""
    import networkx as nx

    if len(graph) == 0:
        return {}
    if len(graph) <= skeleton:
        return _spring(graph, seed)
    ranked = sorted(graph, key=lambda n: (-graph.degree(n), n))
    core = graph.subgraph(ranked[:skeleton])
    pos = _spring(core, seed)
    rng = random.Random(seed)
    spread = 1.0 / math.sqrt(len(core))
    frontier = [n for n in ranked[:skeleton]]
    while frontier:
        reached = []
        for node in frontier:
            for other in graph[node]:
                if other not in pos:
                    reached.append(other)
                    pos[other] = None  # claimed; placed below once all its placed neighbours are known
        for node in reached:
            placed = [pos[n] for n in graph[node] if pos.get(n) is not None]
            x = sum(p[0] for p in placed) / len(placed)
            y = sum(p[1] for p in placed) / len(placed)
            angle, radius = rng.uniform(0, 2 * math.pi), spread * (0.5 + rng.random())
            pos[node] = (x + radius * math.cos(angle), y + radius * math.sin(angle))
        frontier = reached
    rest = [n for n in graph if n not in pos]
    if rest:
        components = sorted(nx.connected_components(graph.subgraph(rest)), key=lambda c: (-len(c), min(c)))
        for i, component in enumerate(components):
            sub = _spring(graph.subgraph(component), seed) if len(component) > 1 else {min(component): (0, 0)}
            angle = 2 * math.pi * i / len(components)
            scale = spread * math.sqrt(len(component))
            for node, (x, y) in sub.items():
                pos[node] = (1.2 * math.cos(angle) + scale * x, 1.2 * math.sin(angle) + scale * y)
    return pos


def _spring(graph, seed: int) -> dict[str, tuple[float, float]]:
    import networkx as nx

    if len(graph) == 1:
        return {next(iter(graph)): (0.0, 0.0)}
    positions = nx.spring_layout(graph, seed=seed)
    return {n: (float(x), float(y)) for n, (x, y) in positions.items()}
