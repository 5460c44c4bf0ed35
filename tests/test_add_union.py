"""`partnergraph add` validates what the next full build will validate: the entity lines the new page writes
together with those the other pages already wrote (the entities graph is their union), not the new page's
graph alone. Two GeoNames towns whose names give one IRI key (Münster and Munster in Germany) are two cities
(iris.city_iri); two towns the project cannot tell apart (one without a GeoNames id) are still refused.
Real `partnergraph` processes on a copy of the seed build."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_built, run_partnergraph
from rdflib import Dataset, Literal
from rdflib.namespace import RDF, RDFS

from partnergraph import iris
from partnergraph.namespace import PG
from partnergraph.rdf.vocab import WGS

# Two German towns whose English names differ only by an umlaut: one IRI key (munster-de), two GeoNames ids
MUENSTER = (
    "Wizyta w Münster\n\nW dniu 10 maja 2018 r. pracownicy MOPS przebywali w Münster w Niemczech na seminarium "
    "o pomocy osobom bezdomnym.\n"
)
MUNSTER = (
    "Wizyta w Munster\n\nW dniu 12 czerwca 2018 r. pracownicy MOPS przebywali w Munster w Niemczech na "
    "seminarium o pomocy osobom starszym.\n"
)
MUENSTER_ID, MUNSTER_ID = 2867543, 2867542  # Münster (Westfalen, 308,258 people), Munster (Lower Saxony)


def corpus_and_build(root: Path) -> dict[str, bytes]:
    """Every byte of data/ and of the current build's dumps, entities and state."""
    files = {}
    for folder in (root / "data", root / "build" / "dumps"):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                files[str(path.relative_to(root))] = path.read_bytes()
    for name in ("state.json", "entities.json", "report.json"):
        files[name] = (root / "build" / name).read_bytes()
    return files


def write_pages(folder: Path) -> tuple[Path, Path]:
    muenster, munster = folder / "muenster.txt", folder / "munster.txt"
    muenster.write_text(MUENSTER, encoding="utf-8")
    munster.write_text(MUNSTER, encoding="utf-8")
    return muenster, munster


def test_add_takes_two_towns_whose_names_give_one_iri_key_as_two_cities(seed_settings, tmp_path):
    """Before: the second page was refused (exit 2, "City has more than one latitude"): both towns were
    city/munster-de. Now the more populous keeps that IRI and the other has its GeoNames id after it."""
    settings = copy_built(seed_settings, tmp_path / "project")
    root = settings.root
    for page in write_pages(tmp_path):
        added = run_partnergraph(root, "add", str(page))
        assert added.returncode == 0, added.stderr
        assert "incrementally" in added.stdout, added.stdout  # the incremental check is the one under test

    graph = Dataset(default_union=True)
    graph.parse(root / "build" / "dumps" / "partnergraph.nq", format="nquads")
    muenster, munster = iris.city_iri("Münster", "DE"), iris.entity_iri("city", f"munster-de-{MUNSTER_ID}")
    assert str(muenster).endswith("/id/city/munster-de")  # the IRI every existing link to Münster uses
    cities = {
        node: (
            str(graph.value(node, RDFS.label)),
            graph.value(node, PG.geonamesId),
            graph.value(node, WGS.lat),
        )
        for node in graph.subjects(RDF.type, PG.City)
        if str(node).startswith(str(muenster))
    }
    assert cities.keys() == {muenster, munster}, cities
    assert cities[muenster][:2] == ("Münster", Literal(str(MUENSTER_ID)))
    assert cities[munster][:2] == ("Munster", Literal(str(MUNSTER_ID)))
    assert round(float(cities[muenster][2]), 1) == 52.0 and round(float(cities[munster][2]), 1) == 53.0
    for source, city in (("muenster", muenster), ("munster", munster)):  # each page's event is in its town
        page = graph.graph(iris.source_graph(source))
        assert (None, PG.involvesCity, city) in page, (source, city)

    rebuilt = run_partnergraph(root, "build")  # a full build gives the same two cities
    assert rebuilt.returncode == 0, rebuilt.stderr


def test_add_refuses_a_page_whose_entities_break_a_shape_together_with_the_corpus(seed_settings, tmp_path):
    """A town the project knows from exonyms.csv only, under a GeoNames id the packaged GeoNames lacks, spelt
    like a GeoNames town of its country: city-homonyms.txt does not list it, so both are city/munster-de with
    two latitudes. Each page's graph is valid alone; before the union check both
    pages were added and the next `build` failed SHACL, so the corpus could not be built again."""
    settings = copy_built(seed_settings, tmp_path / "project")
    root = settings.root
    exonyms = root / "data" / "reference" / "exonyms.csv"
    town = (
        "Munster,Munster,DE,99999901,53.50000,9.50000,20000\n"  # name_pl,name,country,id,lat,lon,population
    )
    exonyms.write_text(exonyms.read_text(encoding="utf-8") + town, encoding="utf-8")
    built = run_partnergraph(root, "build")
    assert built.returncode == 0, built.stderr
    muenster_page, munster_page = write_pages(tmp_path)

    first = run_partnergraph(root, "add", str(muenster_page))
    assert first.returncode == 0, first.stderr
    assert "incrementally" in first.stdout, first.stdout
    before = corpus_and_build(root)

    second = run_partnergraph(root, "add", str(munster_page))
    assert second.returncode == 2, (second.stdout, second.stderr)
    message = second.stderr.strip()
    city = str(iris.entity_iri("city", "munster-de"))
    assert message.startswith("partnergraph add: "), message
    assert city in message and "muenster" in message and "munster" in message, message
    assert "more than one latitude" in message, message
    assert "Traceback" not in message and len(message.splitlines()) <= 6, message
    assert corpus_and_build(root) == before  # nothing written

    rebuilt = run_partnergraph(root, "build")  # the corpus stays buildable
    assert rebuilt.returncode == 0, rebuilt.stderr
