"""The resource pages of the graph's hubs, the countries and topics with events (the pages most links lead
to: at 10^5 events each names 50 of thousands), described once per `build` and `add` and kept with the
build as build/hubs.pickle, so that such a page is rendered from its kept description instead of about
1,200 index lookups per request (130-200 ms at 10^5 on a loaded machine, the slowest portal page).

A kept description is what `describe` gives for the page (resources.PAGE_INVERSE_LIMIT links), from the
store of the same build generation. The file is the build's own, written and read by this module (rdflib's terms, pickled).

    write_hubs(store, build_dir) -> int            # after the aggregates, which name the hubs
    load_hubs(build_dir) -> {iri: Description}     # {} when there is no (readable) file
"""

from __future__ import annotations

import pickle
from pathlib import Path

from .. import iris
from .._atomic import write_atomic
from .describe import Description, describe

FILE_NAME = "hubs.pickle"
VERSION = 1
KINDS = ("countries", "topics")  # lists of the aggregates whose items are hubs


def hub_iris(aggregates: dict) -> list[str]:
    return sorted({item["iri"] for kind in KINDS for item in aggregates[kind]})


def write_hubs(store, build_dir: str | Path) -> int:
    """Describe every hub named by build_dir/aggregates.json and keep the descriptions in build_dir;
    returns how many."""
    from ..aggregates import load_aggregates
    from .resources import PAGE_INVERSE_LIMIT

    found = {
        iri: describe(store, iri, str(iris.DEF), PAGE_INVERSE_LIMIT)
        for iri in hub_iris(load_aggregates(build_dir))
    }
    write_atomic(
        Path(build_dir) / FILE_NAME, pickle.dumps((VERSION, found), protocol=pickle.HIGHEST_PROTOCOL)
    )
    return len(found)


def load_hubs(build_dir: str | Path) -> dict[str, Description]:
    try:
        version, found = pickle.loads((Path(build_dir) / FILE_NAME).read_bytes())
    except (OSError, ValueError, pickle.UnpicklingError, EOFError, TypeError, AttributeError):
        return {}
    return found if version == VERSION and isinstance(found, dict) else {}
