"""The saved queries' answers at their default parameters, computed once per `build` and `add` (the data
changes only then) and kept with the build as build/answers/NAME.json, so that a saved-query page at its
defaults is read instead of run: at 10^5 events `partner_countries` takes 5-25 s in a query worker.

Each file holds the answers of one saved query, one per variant of its parameters: the defaults, and
for a query with a `lang` parameter (whose default the page sets to its own language) each of LANGS.
An answer is found by the query's text as the page would run it (`guard.query_key`), so a query file
edited after the build, or any other parameter value, is not found and runs live. Rows are kept in the
SPARQL 1.1 JSON results format; an answer of more than MAX_ROWS rows is kept as only that fact (a
server whose cap is at most that refuses it at once, as it would after running it).

    write_answers(store, queries_dir, folder) -> {name: seconds}   # in a new build generation
    find_answer(folder, saved, text) -> (variables, rows) | int | None   # int: more rows than that

`partnergraph query NAME` prints the kept answer too, when it runs the query as kept (`plain`: the rows in
pyoxigraph's terms, as it prints them from the store).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from ..store import Store
from .formats import _json_term
from .guard import query_form, query_key
from .saved import SavedQuery, load_saved_queries

FOLDER = "answers"  # in the build generation; build/answers links to it
VERSION = 1
MAX_ROWS = 10000  # serve's default cap (--cap)
LANGS = ("en", "pl")


def variants(saved: SavedQuery) -> list[dict[str, str]]:
    """The parameter values a page runs the query with unless its reader changes them: the defaults,
    with `lang` in each language. None when a parameter has no default."""
    if query_form(saved.text) != "select" or any(p.default is None for p in saved.parameters.values()):
        return []
    if "lang" in saved.parameters:
        return [{"lang": lang} for lang in LANGS]
    return [{}]


def compute_answer(store: Store, text: str) -> dict:
    """One variant's entry: the query's key and its rows in the JSON results format, or `over`."""
    from ..store import EmbeddedStore

    if isinstance(store, EmbeddedStore):  # pyoxigraph's terms (no rdflib's), read up to MAX_ROWS + 1 rows
        rows = store.select_plain(text, limit=MAX_ROWS)
        if rows.truncated:
            return {"key": query_key(text), "over": MAX_ROWS}
    else:
        rows = store.select(text)
        if len(rows) > MAX_ROWS:
            return {"key": query_key(text), "over": MAX_ROWS}
    bindings = [{name: _json_term(term) for name, term in row.items()} for row in rows.rows]
    return {"key": query_key(text), "head": {"vars": rows.variables}, "bindings": bindings}


def write_answers(store: Store, queries_dir: str | Path, folder: str | Path) -> dict[str, float]:
    """Every saved SELECT query's answers at its defaults into folder/answers/NAME.json; returns the
    seconds each query took."""
    from .._atomic import write_atomic  # not at the top: `query` reads answers, a few ms of its start-up

    target = Path(folder) / FOLDER
    target.mkdir(exist_ok=True)
    seconds = {}
    for name, saved in load_saved_queries(queries_dir).items():
        started = time.perf_counter()
        entries = [compute_answer(store, saved.render(values)) for values in variants(saved)]
        if entries:
            data = json.dumps({"version": VERSION, "variants": entries}, ensure_ascii=False)
            write_atomic(target / f"{name}.json", data)
        seconds[name] = time.perf_counter() - started
    return seconds


def find_answer(folder: str | Path, saved: SavedQuery, text: str, plain: bool = False):
    """The kept answer of `saved` run as `text`: (variables, rows of rdflib terms, or of pyoxigraph's with
    `plain`), or the number of rows it exceeds, or None when none is kept (another parameter value, a
    changed query, no file)."""
    path = Path(folder) / FOLDER / f"{saved.name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return None
    key = query_key(text)
    entry = next((v for v in data.get("variants", ()) if v.get("key") == key), None)
    if entry is None:
        return None
    if "over" in entry:
        return int(entry["over"])
    terms: dict[tuple, object] = {}  # each distinct term made once, as the store does
    rows = [
        {name: _term(binding, terms, plain) for name, binding in row.items()} for row in entry["bindings"]
    ]
    return entry["head"]["vars"], rows


def _term(binding: dict, terms: dict, plain: bool):
    """The term the store gives for a JSON results binding: pyoxigraph's (`plain`), or that converted to
    rdflib's the way the store's own results are."""
    key = (binding["type"], binding["value"], binding.get("xml:lang"), binding.get("datatype"))
    if key not in terms:
        import pyoxigraph as ox

        kind, value, language, datatype = key
        if kind == "uri":
            term = ox.NamedNode(value)
        elif kind == "bnode":
            term = ox.BlankNode(value)
        elif language:
            term = ox.Literal(value, language=language)
        else:
            term = ox.Literal(value, datatype=ox.NamedNode(datatype) if datatype else None)
        if not plain:
            from ..store._terms import to_rdflib

            term = to_rdflib(term)
        terms[key] = term
    return terms[key]
