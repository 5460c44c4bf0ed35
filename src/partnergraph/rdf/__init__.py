"""Events and registries to RDF, SHACL validation. Stores nothing, serves nothing.

The names below are imported from their modules when first asked for: a command that only reads the
graph (`query` formatting a table needs PREFIXES) does not pay for the SHACL validator and the
extractor's vocabulary that the other modules bring."""

from importlib import import_module

_HOMES = {
    "add_named_graph": "dataset",
    "assemble_dataset": "dataset",
    "describe_entities": "graph",
    "event_iri": "graph",
    "source_iri": "graph",
    "source_to_graph": "graph",
    "registries_to_graph": "registry",
    "validate_dataset": "validate",
    "PREFIXES": "vocab",
    "bind_prefixes": "vocab",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_HOMES[name]}", __name__), name)
