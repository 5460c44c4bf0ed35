"""Events and registries to RDF, SHACL validation. Stores nothing, serves nothing."""

from .dataset import add_named_graph, assemble_dataset
from .graph import describe_entities, event_iri, source_iri, source_to_graph
from .registry import registries_to_graph
from .validate import validate_dataset
from .vocab import PREFIXES, bind_prefixes

__all__ = [
    "PREFIXES",
    "add_named_graph",
    "assemble_dataset",
    "bind_prefixes",
    "describe_entities",
    "event_iri",
    "registries_to_graph",
    "source_iri",
    "source_to_graph",
    "validate_dataset",
]
