"""SELECT results as a table for people, or as the SPARQL 1.1 CSV, TSV and JSON results formats."""

from __future__ import annotations

import csv
import io
import json
from functools import cache

from rdflib import BNode, Literal, URIRef

from ..store import Rows

FORMATS = ("table", "csv", "tsv", "json")


@cache
def _prefixes() -> list[tuple[str, str]]:
    """(prefix, namespace), longest namespace first. Imported when first needed: partnergraph.rdf
    brings the SHACL validator and the extractor's vocabulary, which reading rows does not need."""
    from ..rdf.vocab import PREFIXES

    return [(p, str(ns)) for p, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1])))]


def _short(term) -> str:
    """A term as a person reads it: prefixed IRIs, plain literal values."""
    if isinstance(term, URIRef):
        for prefix, ns in _prefixes():
            if str(term).startswith(ns) and prefix not in ("rdf", "rdfs", "xsd", "owl"):
                return f"{prefix}:{str(term)[len(str(ns)) :]}"
        return str(term)
    return "" if term is None else str(term)


def _json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal) and term.language:
        out["xml:lang"] = term.language
    elif isinstance(term, Literal) and term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def _tsv_term(term) -> str:
    if term is None:
        return ""
    return term.n3().replace("\t", "\\t").replace("\n", "\\n")


def format_rows(rows: Rows, fmt: str) -> str:
    if fmt == "json":
        data = {
            "head": {"vars": rows.variables},
            "results": {"bindings": [{k: _json_term(v) for k, v in row.items()} for row in rows.rows]},
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(rows.variables)
        for row in rows.rows:
            writer.writerow(["" if row.get(v) is None else str(row[v]) for v in rows.variables])
        return out.getvalue()
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in rows.variables)]
        lines += ["\t".join(_tsv_term(row.get(v)) for v in rows.variables) for row in rows.rows]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        cells = [[_short(row.get(v)) for v in rows.variables] for row in rows.rows]
        widths = [max([len(v)] + [len(c[i]) for c in cells]) for i, v in enumerate(rows.variables)]
        widths = [min(w, 60) for w in widths]

        def line(values):
            return "  ".join(str(v)[:w].ljust(w) for v, w in zip(values, widths, strict=False)).rstrip()

        out = [line(rows.variables), line("-" * w for w in widths)] + [line(c) for c in cells]
        out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
        return "\n".join(out) + "\n"
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
