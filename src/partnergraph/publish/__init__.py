"""Publishing the dataset: dumps in every RDF syntax, its VoID/DCAT description, a static site."""

from .dumps import DUMP_FORMATS, DUMP_NAME, sorted_nquads, write_dumps

__all__ = ["DUMP_FORMATS", "DUMP_NAME", "sorted_nquads", "write_dumps"]
