"""pyoxigraph's terms as rdflib's, for the stores' rdflib interface (select, construct)."""

from __future__ import annotations

from itertools import islice

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from ..errors import StoreError
from .base import Rows
from .embedded import collect_solutions

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# Literal's slots as rdflib 7 sets them; `_text_literal` sets them itself, the only other way in.
_LITERAL_SLOTS = ("_language", "_datatype", "_value", "_ill_typed")
_FAST_LITERALS = tuple(getattr(Literal, "__slots__", ())) == _LITERAL_SLOTS


def _text_literal(lexical: str, lang: str | None) -> Literal:
    """`Literal(lexical, lang=lang)` for a plain or language-tagged string, built the way its
    constructor builds it (value = lexical form, no datatype) without parsing or checking again what
    Oxigraph has already checked: several times faster."""
    if not _FAST_LITERALS:
        return Literal(lexical, lang=lang)
    literal = str.__new__(Literal, lexical)
    literal._language, literal._datatype, literal._value, literal._ill_typed = lang, None, lexical, None
    return literal


def _typed_literal(lexical: str, datatype: str) -> Literal:
    """A typed literal. Not kept across results: its Python value depends on rdflib's converters as
    they are when it is made, and a library may register others later (pySHACL does)."""
    return Literal(lexical, datatype=str.__new__(URIRef, datatype))


def to_rdflib(term):
    """A pyoxigraph term as the equal rdflib term."""
    kind = type(term)
    if kind is ox.NamedNode:
        return str.__new__(URIRef, term.value)  # URIRef() only re-checks what Oxigraph has checked
    if kind is ox.Literal:
        language = term.language
        if language:
            return _text_literal(term.value, language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return _text_literal(term.value, None)
        return _typed_literal(term.value, datatype)
    if kind is ox.BlankNode:
        return BNode(term.value)
    raise StoreError(f"unsupported RDF term {term!r}")


class _Terms(dict):
    """pyoxigraph term -> rdflib term, each distinct term converted once: the values of one result
    repeat (the same IRIs, names and years in many rows), and rdflib terms are immutable."""

    __slots__ = ()

    def __missing__(self, term):
        converted = self[term] = to_rdflib(term)
        return converted


def read_solutions(solutions: ox.QuerySolutions, limit: int | None = None) -> Rows:
    """The rows of a SELECT result as rdflib terms; with a `limit`, at most that many, and
    `truncated` set when the result has more."""
    return collect_solutions(solutions, _Terms(), limit)


def read_triples(triples: ox.QueryTriples, limit: int | None = None) -> tuple[list[tuple], bool]:
    """The triples of a CONSTRUCT or DESCRIBE result as rdflib terms, in the order Oxigraph gives
    them; with a `limit`, at most that many, and whether the result has more."""
    terms = _Terms()
    out = [
        (terms[t.subject], terms[t.predicate], terms[t.object])
        for t in (triples if limit is None else islice(triples, limit))
    ]
    return out, limit is not None and next(triples, None) is not None
