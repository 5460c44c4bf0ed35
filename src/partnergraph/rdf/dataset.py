"""Assembling the dataset: one named graph for the ontology and schemes, one for the registries, one for
the entities the pages name beyond the registries, one per source page."""

from __future__ import annotations

from rdflib import Dataset, Graph

from .. import iris
from .vocab import bind_prefixes


def assemble_dataset(
    ontology: Graph, registry: Graph, sources: dict[str, Graph], entities: Graph | None = None
) -> Dataset:
    dataset = Dataset()
    bind_prefixes(dataset)
    add_named_graph(dataset, iris.ONTOLOGY_GRAPH, ontology)
    add_named_graph(dataset, iris.REGISTRY_GRAPH, registry)
    if entities is not None and len(entities):
        add_named_graph(dataset, iris.ENTITIES_GRAPH, entities)
    for source_id, graph in sorted(sources.items()):
        add_named_graph(dataset, iris.source_graph(source_id), graph)
    return dataset


def add_named_graph(dataset: Dataset, name, graph: Graph) -> None:
    target = dataset.graph(name)
    for triple in graph:
        target.add(triple)
