"""Finding a server's SPARQL 1.1 Graph Store Protocol endpoint from its query endpoint alone.

Servers put it beside the query endpoint, each by its own convention (`graph_store_candidates`). An
address that answers proves nothing (it may refuse writes, or write into another store), so each
candidate is probed conclusively, with the standard protocols only:
1. a one-triple graph `{BASE}graph/staging/probe-<random>` is PUT there (N-Triples, as a push does);
2. the query endpoint must then see that very triple in that graph (ASK), else the candidate writes
   into some other dataset;
3. the probe graph is removed again: HTTP DELETE at the candidate (only after its PUT succeeded: a
   DELETE sent to a URL that is not a Graph Store may mean something else there), then DROP SILENT
   through SPARQL Update if the query endpoint still sees it.
A candidate that fails in any way (HTTP 404, 405, 401/403, 5xx, no answer within PROBE_TIMEOUT, a
network error, another dataset) is passed over at once, without retries; what each one answered is
logged at debug level. A probe graph that could not be removed is under `{BASE}graph/staging/`, which
the next push drops first.
"""

from __future__ import annotations

import logging
import re
import secrets
import urllib.parse
from collections.abc import Iterable

from ..errors import StoreError, StoreTimeoutError
from .push import PUSH, STAGING_PREFIX
from .remote import RemoteStore, split_credentials

log = logging.getLogger(__name__)

# the last path segment of a query endpoint -> the Graph Store endpoints beside it, most likely first
SIBLINGS: dict[str, tuple[str, ...]] = {
    "query": ("store", "data"),  # Oxigraph /query -> /store; Fuseki /ds/query -> /ds/data
    "sparql": ("sparql-graph-crud-auth", "sparql-graph-crud", "data"),  # Virtuoso; Fuseki /ds/sparql
    "sparql-auth": ("sparql-graph-crud-auth", "sparql-graph-crud"),  # Virtuoso's digest endpoint
}
AUTH_ONLY = "-auth"  # Virtuoso's endpoints that always ask for credentials: tried only with some
REPOSITORY = re.compile(r"/repositories/[^/]+$")  # RDF4J, GraphDB: .../repositories/<id>/rdf-graphs/service
PROBE = PUSH + "probe"  # predicate of the probe triple
PROBE_TIMEOUT = 10.0  # seconds a candidate has to answer (Virtuoso's /sparql never answers a PUT)


def graph_store_candidates(endpoint: str, *, credentials: bool = False) -> list[str]:
    """Where the common servers put the Graph Store endpoint of the dataset whose query endpoint is
    `endpoint`, most likely first. Virtuoso's `-auth` endpoints are listed only when `credentials` are
    given. An endpoint that follows none of the conventions is its own candidate (some servers take
    queries and graphs on one URL); one that does is not: Virtuoso's /sparql never answers a PUT, and
    a PUT or DELETE on an RDF4J repository's URL manages the repository itself."""
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    parent, _, last = path.rpartition("/")

    def beside(new_path: str) -> str:
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, new_path, "", ""))

    found = [
        beside(f"{parent}/{name}")
        for name in SIBLINGS.get(last, ())
        if credentials or not name.endswith(AUTH_ONLY)
    ]
    if REPOSITORY.search(path):
        found.append(beside(path + "/rdf-graphs/service"))
    return list(dict.fromkeys(found)) or [endpoint]


def discover_graph_store(store: RemoteStore, candidates: Iterable[str] | None = None) -> str | None:
    """The first of `candidates` (default: `graph_store_candidates` of the store's query endpoint)
    that takes a graph by HTTP PUT into the very dataset the query endpoint reads, or None."""
    if candidates is None:
        candidates = graph_store_candidates(store.endpoint, credentials=bool(store.user))
    # the candidates' own requests: one try each, a short timeout, the store's credentials
    prober = RemoteStore(
        store.endpoint,
        store.user,
        store.password,
        min(store.timeout, PROBE_TIMEOUT),
        auth=store.auth,
        retries=0,
    )
    tried = []
    with prober:
        for url in candidates:
            prober.graph_store = split_credentials(url)[0]
            if probe_graph_store(store, prober):
                log.info("Graph Store Protocol endpoint found: %s", prober.graph_store)
                return prober.graph_store
            tried.append(prober.graph_store)
    log.info("no Graph Store Protocol endpoint found for %s (tried %s)", store.endpoint, ", ".join(tried))
    return None


def probe_graph_store(store: RemoteStore, prober: RemoteStore) -> bool:
    """Whether `prober.graph_store` writes into the dataset of `store`'s query endpoint: a probe graph
    PUT there (through `prober`) must be seen by `store`. The probe graph is removed again."""
    url = prober.graph_store
    token = secrets.token_hex(12)
    graph = f"{STAGING_PREFIX}probe-{token}"
    triple = f'<{graph}> <{PROBE}> "{token}"'
    try:
        prober.put_graph(graph, f"{triple} .\n".encode())
    except StoreError as e:
        log.debug("Graph Store candidate %s: the PUT failed: %s", url, e)
        _drop_probe(store, graph)  # a PUT that timed out or was cut off may have been applied
        return False
    try:
        same = store.ask(f"ASK {{ GRAPH <{graph}> {{ {triple} }} }}")
    finally:
        try:
            prober.delete_graph(graph)
        except StoreError as e:
            log.debug("Graph Store candidate %s: the DELETE of the probe graph failed: %s", url, e)
        _drop_probe(store, graph)
    if same:
        log.debug("Graph Store candidate %s: writes into the query endpoint's dataset", url)
    else:
        log.debug(
            "Graph Store candidate %s: took the probe graph, but the query endpoint does not see it "
            "(it writes into another dataset)",
            url,
        )
    return same


def _drop_probe(store: RemoteStore, graph: str) -> None:
    """DROP the probe graph through SPARQL Update if the query endpoint sees it."""
    try:
        if store.ask(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"):
            store.update(f"DROP SILENT GRAPH <{graph}>", idempotent=True)
    except StoreTimeoutError:
        raise  # the query endpoint itself does not answer: no use trying further candidates
    except StoreError as e:
        log.warning("the probe graph <%s> is left on the server (the next push drops it): %s", graph, e)
