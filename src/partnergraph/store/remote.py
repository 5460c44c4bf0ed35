"""Any SPARQL 1.1 server, through SPARQLWrapper. Queries are sent as they are: saved queries are written
against the union of the named graphs, which Virtuoso gives by default and Oxigraph with
`--union-default-graph`."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef

from ..errors import QueryError, StoreError
from .base import Rows, Store


def json_term(binding: dict):
    """A term of the SPARQL 1.1 JSON results format as an rdflib term."""
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"])
    datatype = binding.get("datatype")
    if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
        return Literal(value, datatype=URIRef(datatype))
    return Literal(value)


class RemoteStore(Store):
    def __init__(
        self, endpoint: str, user: str | None = None, password: str | None = None, timeout: float = 60
    ):
        self.endpoint = endpoint
        self.user, self.password, self.timeout = user, password, timeout
        self.description = f"SPARQL endpoint {endpoint}"

    def _wrapper(self, query: str, return_format: str):
        from SPARQLWrapper import DIGEST, POST, SPARQLWrapper

        sparql = SPARQLWrapper(self.endpoint)
        sparql.setQuery(query)
        sparql.setMethod(POST)
        sparql.setReturnFormat(return_format)
        sparql.setTimeout(int(self.timeout))
        if self.user:
            sparql.setHTTPAuth(DIGEST if "sparql-auth" in self.endpoint else "BASIC")
            sparql.setCredentials(self.user, self.password or "")
        return sparql

    def _run(self, query: str, return_format: str):
        from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

        try:
            return self._wrapper(query, return_format).queryAndConvert()
        except QueryBadFormed as e:
            raise QueryError(f"the endpoint rejected the query: {str(e).splitlines()[0]}") from None
        except SPARQLWrapperException as e:
            raise StoreError(f"{self.endpoint}: {str(e).splitlines()[0]}") from None
        except OSError as e:  # URLError, timeouts, refused connections
            raise StoreError(
                f"{self.endpoint}: cannot reach the endpoint ({getattr(e, 'reason', e)})"
            ) from None

    def select(self, query: str) -> Rows:
        data = self._run(query, "json")
        if not isinstance(data, dict) or "results" not in data:
            raise StoreError(f"{self.endpoint}: the answer is not SPARQL SELECT results")
        names = data["head"]["vars"]
        rows = [{k: json_term(v) for k, v in b.items()} for b in data["results"]["bindings"]]
        return Rows(names, rows)

    def ask(self, query: str) -> bool:
        data = self._run(query, "json")
        if not isinstance(data, dict) or "boolean" not in data:
            raise StoreError(f"{self.endpoint}: the answer is not a SPARQL ASK result")
        return bool(data["boolean"])

    def construct(self, query: str) -> Graph:
        result = self._run(query, "turtle")
        if isinstance(result, Graph):
            return result
        graph = Graph()
        graph.parse(data=result, format="turtle")
        return graph
