"""The graph as a network: RDF (through SPARQL, from any store) to networkx, its analytics, its export."""

from .analytics import (
    betweenness_centrality,
    degree_centrality,
    detect_communities,
    event_counts,
    format_stats,
    network_stats,
    project,
)
from .export import FORMATS, export_graph, write_network
from .graph import KINDS, NetworkError, build_network, focus_network, resolve_node
from .layout import compute_layout

__all__ = [
    "FORMATS",
    "KINDS",
    "NetworkError",
    "betweenness_centrality",
    "build_network",
    "compute_layout",
    "degree_centrality",
    "detect_communities",
    "event_counts",
    "export_graph",
    "focus_network",
    "format_stats",
    "network_stats",
    "project",
    "resolve_node",
    "write_network",
]
