"""The search index: SQLite FTS5 (in the standard library) over base forms.

Each document is stored three times over: its titles and its text as written (shown, quoted) and the
folded base forms of all their words (searched). A query word matches a document when one of the
query word's base forms is among the document's, or when it is the start of one (typing "bezdom"
finds "bezdomny"); every word of the query must match. Ranking is FTS5's BM25 with a title match
counting five times a text match."""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass

from .documents import Document
from .words import base_forms, fold, query_forms, words

MAX_QUERY_WORDS = 12
SNIPPET_WORDS = 14


@dataclass
class Hit:
    iri: str
    kind: str
    title: str
    date: str
    snippet: list[tuple[str, bool]]  # the quoted text in pieces, True for the words that matched


def _forms_of(text: str) -> str:
    return " ".join(sorted({f for _s, _e, w in words(text) for f in base_forms(w)}))


class SearchIndex:
    def __init__(self, documents: list[Document]):
        self.documents = documents
        self._lock = threading.Lock()  # one connection, shared by the server's threads
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(title_forms, text_forms, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        self.db.executemany(
            "INSERT INTO docs(rowid, title_forms, text_forms) VALUES (?, ?, ?)",
            (
                (n, _forms_of(" ".join(doc.titles.values())), _forms_of(doc.text + "\n" + doc.keywords))
                for n, doc in enumerate(documents)
            ),
        )

    def __len__(self) -> int:
        return len(self.documents)

    @staticmethod
    def match_expression(query: str) -> str | None:
        """The FTS5 query for what a person typed: each word an OR of its base forms (as prefixes), the
        words joined by AND. Only words reach FTS5, quoted, so no FTS5 syntax can be injected."""
        groups = []
        for word in query_words(query):
            forms = sorted(query_forms(word))
            groups.append("(" + " OR ".join(f'"{f}"*' for f in forms) + ")")
        return " AND ".join(groups) or None

    def search(
        self, query: str, lang: str = "pl", limit: int = 50, kinds: set[str] | None = None
    ) -> list[Hit]:
        expression = self.match_expression(query)
        if expression is None:
            return []
        with self._lock:
            rows = self.db.execute(
                "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 5.0, 1.0) LIMIT ?",
                (expression, limit * 4 if kinds else limit),
            ).fetchall()
        wanted = {f for w in query_words(query) for f in query_forms(w)}
        hits = []
        for (rowid,) in rows:
            doc = self.documents[rowid]
            if kinds and doc.kind not in kinds:
                continue
            hits.append(Hit(doc.iri, doc.kind, doc.title(lang), doc.date, snippet(doc.text, wanted)))
            if len(hits) >= limit:
                break
        return hits


def query_words(query: str) -> list[str]:
    """The words of a query, one-letter words ("z", "w") left out when there are others."""
    found = [w for _s, _e, w in words(query)][:MAX_QUERY_WORDS]
    return [w for w in found if len(w) > 1] or found


def _matches(word: str, wanted: set[str]) -> bool:
    return any(f.startswith(w) for f in base_forms(word) for w in wanted)


def snippet(text: str, wanted: set[str]) -> list[tuple[str, bool]]:
    """About SNIPPET_WORDS words of `text` around its first matching word, in (piece, matched) parts."""
    found = words(text)
    if not found:
        return []
    first = next((i for i, (_s, _e, w) in enumerate(found) if _matches(w, wanted)), 0)
    lo = max(0, first - SNIPPET_WORDS // 3)
    hi = min(len(found), lo + SNIPPET_WORDS)
    start, end = found[lo][0], found[hi - 1][1]
    parts, pos = [], start
    for s, e, w in found[lo:hi]:
        if _matches(w, wanted):
            if s > pos:
                parts.append((text[pos:s], False))
            parts.append((text[s:e], True))
            pos = e
    parts.append((text[pos:end], False))
    if lo > 0:
        parts.insert(0, ("… ", False))
    if hi < len(found):
        parts.append((" …", False))
    return [(re.sub(r"\s+", " ", p), m) for p, m in parts if p]


def build_index(documents: list[Document]) -> SearchIndex:
    return SearchIndex(documents)


__all__ = ["Hit", "SearchIndex", "build_index", "fold"]
