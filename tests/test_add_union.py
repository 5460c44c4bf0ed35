"""`partnergraph add` validates what the next full build will validate: the entity lines the new page writes
together with those the other pages already wrote (the entities graph is their union), not the new page's
graph alone. Real `partnergraph` processes on a copy of the seed build."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_built, run_partnergraph

from partnergraph import iris

# Two German towns whose English names differ only by an umlaut: their IRIs are the same (city/munster-de),
# their coordinates and GeoNames ids are not. Each page alone is a valid graph; both together are not.
MUENSTER = (
    "Wizyta w Münster\n\nW dniu 10 maja 2018 r. pracownicy MOPS przebywali w Münster w Niemczech na seminarium "
    "o pomocy osobom bezdomnym.\n"
)
MUNSTER = (
    "Wizyta w Munster\n\nW dniu 12 czerwca 2018 r. pracownicy MOPS przebywali w Munster w Niemczech na "
    "seminarium o pomocy osobom starszym.\n"
)


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


def test_add_refuses_a_page_whose_entities_break_a_shape_together_with_the_corpus(seed_settings, tmp_path):
    """Before: both pages were added (each graph valid alone) and the next `build` failed SHACL (the city
    had two latitudes, two longitudes, two GeoNames ids), so the corpus could not be built again."""
    settings = copy_built(seed_settings, tmp_path / "project")
    root = settings.root
    for name, text in (("muenster.txt", MUENSTER), ("munster.txt", MUNSTER)):
        (tmp_path / name).write_text(text, encoding="utf-8")

    first = run_partnergraph(root, "add", str(tmp_path / "muenster.txt"))
    assert first.returncode == 0, first.stderr
    assert "incrementally" in first.stdout, first.stdout  # the incremental check is the one under test
    before = corpus_and_build(root)

    second = run_partnergraph(root, "add", str(tmp_path / "munster.txt"))
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
