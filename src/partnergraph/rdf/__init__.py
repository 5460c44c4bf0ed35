"""Events and registries to RDF, SHACL validation. Stores nothing, serves nothing.

The names below are imported from their modules when first asked for: a command that only reads the
graph (`query` formatting a table needs PREFIXES) does not pay for the SHACL validator and the
extractor's vocabulary that the other modules bring."""

from .._lazy import imported_on_first_use

_NAMES = {
    ".dataset": ("add_named_graph", "assemble_dataset"),
    ".graph": ("describe_entities", "event_iri", "source_iri", "source_to_graph"),
    ".registry": ("registries_to_graph",),
    ".validate": ("validate_dataset",),
    ".vocab": ("PREFIXES", "bind_prefixes"),
}
__all__ = sorted(name for names in _NAMES.values() for name in names)
__getattr__ = imported_on_first_use(__spec__, _NAMES)
