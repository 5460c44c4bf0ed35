"""Full-text search in Polish over the graph: events (titles and the source text) and everything with a
label. Words are indexed and looked up by their base forms (morfeusz2), so "Berlinie" finds Berlin and
"bezdomnych" the events about homeless people; diacritics are optional ("wieden" finds Wiedeń).

    index = build_index(read_documents(store))      # SQLite FTS5, in memory
    write_index(read_documents(store), "build/search.sqlite", previous)  # a build's file (see index.py)
    index = open_index("build/search.sqlite")       # read-only
    index.search("Berlinie")                        # -> [Hit(iri, kind, title, snippet, ...)]
"""

from .documents import Document, read_documents
from .index import Hit, SearchIndex, build_index, open_index, write_index
from .words import base_forms, fold, words

__all__ = [
    "Document",
    "Hit",
    "SearchIndex",
    "base_forms",
    "build_index",
    "fold",
    "open_index",
    "read_documents",
    "words",
    "write_index",
]
