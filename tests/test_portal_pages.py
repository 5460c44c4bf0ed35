"""The resource pages and the saved queries' pages (web/pages.py and their templates) as a reader meets
them in headless Chromium: hostile labels stay text, every kind of resource reads in order, in Polish and
English, on a phone and on a desktop."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from partnergraph import iris
from partnergraph.query.saved import Parameter, SavedQuery
from partnergraph.web._html import Linker
from partnergraph.web._pool import Answer
from partnergraph.web.describe import Description, Evidence
from partnergraph.web.pages import render_query_page, render_resource, render_results

SERVE_OPTIONS = ("--workers", "1")  # for the conftest `server` fixture
PG = str(iris.DEF)
HOSTILE = [
    '<img src=x onerror="window.pwned=1">',
    "<script>window.pwned=2</script>",
    '"><svg onload="window.pwned=3">',
]


def assert_inert(browser, html: str) -> None:
    """The page drawn in Chromium runs none of the hostile values and shows each as its text."""
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.set_content(html)
    assert page.evaluate("window.pwned") is None and dialogs == []
    assert page.locator("main img[src=x], main svg[onload], main script").count() == 0
    text = page.inner_text("main")
    assert all(h in text for h in HOSTILE[:2]), text[:500]
    page.close()


def test_hostile_labels_quotes_and_values_stay_text(browser):
    city, event = URIRef(iris.BASE + "id/city/x-de"), URIRef(iris.BASE + "id/event/x")
    a, b, c = HOSTILE
    desc = Description(
        iri=city,
        triples=[
            (city, RDF.type, URIRef(PG + "City")),
            (city, RDFS.label, Literal(a, lang="en")),
            (city, URIRef(PG + "note"), Literal(b)),
            (city, URIRef(PG + "sectionText"), Literal(b + "\n\n" + c, lang="pl")),
        ],
        inverse=[(event, URIRef(PG + "involvesCity"))],
        mentions=[Evidence(field=URIRef(PG + "involvesCity"), value=city, quote=b, event=event)],
        labels={city: {"en": a}, event: {"en": b}, URIRef(PG + "note"): {"en": c}},
        described={str(event)},
        dates={event: "2020-01-02"},
    )
    for lang in ("en", "pl"):
        assert_inert(browser, render_resource(desc, lang, Linker(lang=lang), "?lang=x"))

    saved = SavedQuery(
        name="hostile",
        path=None,
        text=f"SELECT * WHERE {{ ?s ?p '{b}' }}",
        title=a,
        description=b,
        parameters={"country": Parameter(name="country", type="country", default=c, description=a)},
    )
    answer = Answer(
        "select",
        variables=["thing", "name", "n"],
        rows=[{"thing": event, "name": Literal(a, lang="en"), "n": Literal(b, datatype=XSD.string)}],
    )
    table = render_results(answer, "en", Linker(), {event: {"en": b}}, {a: b}, {"name": c})
    page = render_query_page(saved, {"country": [(c, a)]}, {"country": b}, "en", Linker(), table, error=a)
    assert_inert(browser, page)
