"""A Babel extractor for the saved queries (queries/*.rq): their titles, descriptions, parameter texts
and column labels become messages of the portal's catalogs, so that the query pages read in Polish too
(babel.cfg names it; scripts/update-catalogs.sh runs it)."""

from __future__ import annotations

from pathlib import Path


def extract_saved_queries(fileobj, keywords, comment_tags, options):
    from ...query.saved import parse_saved_query

    query = parse_saved_query(Path(fileobj.name), require_title=False)
    texts = [query.title, query.description] + [p.description for p in query.parameters.values()]
    texts += query.columns.values()
    for text in texts:
        if text:
            yield 1, "_", text, [f"saved query {query.name}"]
