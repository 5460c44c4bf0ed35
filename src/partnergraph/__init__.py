"""partnergraph: MOPS Kraków's international cooperation as a linked-open-data knowledge graph."""

__version__ = "0.1.0"
