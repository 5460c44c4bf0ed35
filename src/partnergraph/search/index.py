"""The search index: SQLite FTS5 (in the standard library) over base forms, in a file of the build
(build/search.sqlite, written by `build` and updated by `add`) or in memory.

Each document is one row of `documents`: its titles and its text as written (shown, quoted) and the
folded base forms of all their words (searched, through the FTS5 table `docs` over those columns). A
query word matches a document when one of the query word's base forms is among the document's, or when
it is the start of one (typing "bezdom" finds "bezdomny"); every word of the query must match. Ranking
is FTS5's BM25 with a title match counting five times a text match.

Finding base forms (morfeusz2) is most of the cost of an index; each row keeps a digest of what its
forms were made from, so that `write_index` takes the forms of every unchanged document from the
previous index (an `add` re-analyses only the documents it changed)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.request import pathname2url

from .._atomic import umask
from .documents import Document
from .words import WORD, base_forms, fold, query_forms, words

MAX_QUERY_WORDS = 12
SNIPPET_WORDS = 14
SCHEMA = """
CREATE TABLE documents(id INTEGER PRIMARY KEY, iri TEXT, kind TEXT, titles TEXT, text TEXT, date TEXT,
                       digest TEXT, title_forms TEXT, text_forms TEXT);
CREATE VIRTUAL TABLE docs USING fts5(title_forms, text_forms, content='documents', content_rowid='id',
                                     tokenize = 'unicode61 remove_diacritics 2');
"""


@dataclass
class Hit:
    iri: str
    kind: str
    title: str
    date: str
    snippet: list[tuple[str, bool]]  # the quoted text in pieces, True for the words that matched


def _forms_of(text: str) -> str:
    # the distinct words first (findall, no positions): a word recurs in a text; half the index's time.
    # Their forms joined by set.union, in C: a third of the time of a comprehension over them
    return " ".join(sorted(set().union(*map(base_forms, set(WORD.findall(text))))))


def _stamp() -> bytes:
    """What the forms depend on besides a document: the code that finds them."""
    return (Path(__file__).parent / "words.py").read_bytes()


def digest(doc: Document, stamp: bytes) -> str:
    made_of = json.dumps([sorted(doc.titles.values()), doc.text, doc.keywords], ensure_ascii=False)
    return hashlib.sha256(stamp + made_of.encode("utf-8")).hexdigest()


def _fill(db: sqlite3.Connection, documents: list[Document], reuse: dict[str, tuple[str, str]]) -> int:
    """Write the documents and the FTS index into an empty database; returns how many were analysed."""
    stamp, analysed = _stamp(), 0
    db.executescript(SCHEMA)
    rows = []
    for n, doc in enumerate(documents):
        key = digest(doc, stamp)
        forms = reuse.get(key)
        if forms is None:
            forms = (_forms_of(" ".join(doc.titles.values())), _forms_of(doc.text + "\n" + doc.keywords))
            analysed += 1
        titles = json.dumps(doc.titles, ensure_ascii=False)
        rows.append((n, doc.iri, doc.kind, titles, doc.text, doc.date, key, *forms))
    db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.execute("INSERT INTO docs(docs) VALUES ('rebuild')")
    db.commit()
    return analysed


class SearchIndex:
    def __init__(self, db: sqlite3.Connection):
        self._lock = threading.Lock()  # one connection, shared by the server's threads
        self.db = db

    def __len__(self) -> int:
        with self._lock:
            return self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

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
                "SELECT d.iri, d.kind, d.titles, d.date, d.text FROM docs JOIN documents AS d "
                "ON d.id = docs.rowid WHERE docs MATCH ? ORDER BY bm25(docs, 5.0, 1.0) LIMIT ?",
                (expression, limit * 4 if kinds else limit),
            ).fetchall()
        wanted = {f for w in query_words(query) for f in query_forms(w)}
        hits = []
        for iri, kind, titles, date, text in rows:
            if kinds and kind not in kinds:
                continue
            doc = Document(iri, kind, json.loads(titles), text, date)
            hits.append(Hit(iri, kind, doc.title(lang), date, snippet(text, wanted)))
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
    """An index of these documents in memory."""
    db = sqlite3.connect(":memory:", check_same_thread=False)
    _fill(db, documents, {})
    return SearchIndex(db)


def open_index(path: str | Path) -> SearchIndex:
    """The index in this file, read-only (the file of a build generation never changes)."""
    uri = f"file:{pathname2url(str(Path(path).resolve()))}?mode=ro&immutable=1"
    return SearchIndex(sqlite3.connect(uri, uri=True, check_same_thread=False))


def write_index(documents: list[Document], path: str | Path, previous: str | Path | None = None) -> int:
    """Write an index of these documents to `path` (whole or not at all), taking the base forms of
    unchanged documents from the index at `previous` when there is one. Returns the number of documents
    whose words were analysed."""
    path = Path(path)
    reuse: dict[str, tuple[str, str]] = {}
    if previous is not None and Path(previous).is_file():
        try:
            old = open_index(previous)
            reuse = {
                key: (title, text)
                for key, title, text in old.db.execute(
                    "SELECT digest, title_forms, text_forms FROM documents"
                )
            }
            old.db.close()
        except sqlite3.Error:  # an index of another layout: made anew
            reuse = {}
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        analysed = _fill(db, documents, reuse)
    finally:
        db.close()
    os.chmod(tmp, 0o666 & ~umask())
    os.replace(tmp, path)
    return analysed


__all__ = ["Hit", "SearchIndex", "build_index", "fold", "open_index", "write_index"]
