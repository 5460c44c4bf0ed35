"""`partnergraph build` end to end on a copy of the project: dumps, determinism, failures that keep the
previous output, and the messages a user sees."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from partnergraph import iris
from partnergraph.build import build, ensure_built, is_current
from partnergraph.errors import RegistryError, SourceError
from partnergraph.namespace import PG
from partnergraph.publish import DUMP_FORMATS
from partnergraph.settings import Settings

PARTNERGRAPH = [sys.executable, "-m", "partnergraph.cli"]


def run_cli(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*PARTNERGRAPH, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_dumps_hold_one_named_graph_per_page_plus_entities_registry_and_ontology(seed_settings):
    dataset = Dataset()
    dataset.parse(seed_settings.dumps_dir / "partnergraph.trig", format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == {
        str(iris.source_graph("bip-27120")),
        str(iris.source_graph("bip-83616")),
        str(iris.ENTITIES_GRAPH),
        str(iris.REGISTRY_GRAPH),
        str(iris.ONTOLOGY_GRAPH),
    }


def test_no_triple_is_in_two_graphs(seed_settings):
    """A store's union default graph would return such a triple twice (and a join over it k^n times)."""
    lines = (seed_settings.dumps_dir / "partnergraph.nq").read_text(encoding="utf-8").splitlines()
    counts = Counter(line.rsplit(" <", 1)[0] for line in lines if line.strip())
    repeated = sorted(t for t, n in counts.items() if n > 1)
    assert not repeated, repeated[:5]
    # the seed pages name people and organisations the registries lack: the entities graph has them
    entities = [line for line in lines if line.endswith(f"<{iris.ENTITIES_GRAPH}> .")]
    assert any(line.startswith(f"<{iris.ID}person/") for line in entities)


@pytest.mark.parametrize("suffix", sorted(DUMP_FORMATS))
def test_every_dump_parses_back_to_the_same_graph(seed_settings, suffix):
    """rdflib reads every dump back to a graph isomorphic with the union of the N-Quads' graphs."""
    quads = Dataset()
    quads.parse(seed_settings.dumps_dir / "partnergraph.nq", format="nquads")
    reference = Graph()
    for s, p, o, _g in quads.quads((None, None, None, None)):
        reference.add((s, p, o))
    path = seed_settings.dumps_dir / f"partnergraph.{suffix}"
    fmt = DUMP_FORMATS[suffix][1]
    if suffix in ("nq", "trig", "jsonld"):
        dataset = Dataset()
        dataset.parse(path, format=fmt)
        graph = Graph()
        for s, p, o, _g in dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
    else:
        graph = Graph().parse(path, format=fmt)
    assert len(graph) == len(reference) > 1000
    assert isomorphic(graph, reference)


def test_jsonld_dump_is_compact_and_keeps_the_named_graphs(seed_settings):
    path = seed_settings.dumps_dir / "partnergraph.jsonld"
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"]["pg"] == str(PG)  # prefixes, as the server's JSON-LD answers have
    assert {node["@id"] for node in document["@graph"]} >= {
        str(iris.ENTITIES_GRAPH),
        str(iris.REGISTRY_GRAPH),
    }
    quads, back = Dataset(), Dataset()
    quads.parse(seed_settings.dumps_dir / "partnergraph.nq", format="nquads")
    back.parse(path, format="json-ld")
    assert set(back.quads((None, None, None, None))) == set(quads.quads((None, None, None, None)))


@pytest.mark.parametrize(
    ("suffix", "syntax"), [("nq", "nquads"), ("trig", "trig"), ("ttl", "turtle"), ("nt", "ntriples")]
)
def test_rapper_counts_the_same_triples(seed_settings, suffix, syntax):
    """raptor2's rapper, an independent parser, accepts every dump it can read."""
    reference = Graph().parse(seed_settings.dumps_dir / "partnergraph.nt", format="nt")
    path = seed_settings.dumps_dir / f"partnergraph.{suffix}"
    out = subprocess.run(
        ["rapper", "-c", "-i", syntax, str(path)], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    count = int(out.stderr.split("returned")[1].split()[0])
    assert count >= len(reference)


def test_building_twice_gives_identical_nquads(project):
    settings = Settings(project)
    build(settings)
    first = (settings.dumps_dir / "partnergraph.nq").read_bytes()
    shutil.rmtree(settings.build_dir)
    build(settings)
    assert (settings.dumps_dir / "partnergraph.nq").read_bytes() == first
    lines = first.decode().splitlines()
    assert lines == sorted(lines)
    assert "_:" not in first.decode()  # no blank nodes, so no random labels


def test_iris_do_not_depend_on_page_order(project):
    """Listing the pages in the other order changes no byte."""
    settings = Settings(project)
    build(settings)
    first = (settings.dumps_dir / "partnergraph.nq").read_bytes()
    manifest = settings.sources_dir / "manifest.json"

    entries = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(json.dumps(entries[::-1], ensure_ascii=False), encoding="utf-8")
    build(settings)
    assert (settings.dumps_dir / "partnergraph.nq").read_bytes() == first


def test_the_store_is_rebuilt_only_when_inputs_change(project):
    settings = Settings(project)
    assert ensure_built(settings) is not None
    assert is_current(settings)
    assert ensure_built(settings) is None  # nothing changed: no rebuild
    (settings.reference_dir / "units.csv").open("a", encoding="utf-8").write("Filia nr 3,,branch\n")
    assert not is_current(settings)
    assert ensure_built(settings) is not None


def broken_curation(settings: Settings, body: str) -> None:
    settings.curation_file.write_text(body, encoding="utf-8")


def test_a_correction_the_graph_refuses_is_left_out_and_named(project):
    """A correction that breaks the shapes no longer fails the build (it did until the review's refused
    corrections, #14): the event stays as extracted, the graph as it was, each broken rule named."""
    settings = Settings(project)
    build(settings)
    before = (settings.dumps_dir / "partnergraph.nq").read_bytes()
    broken_curation(
        settings,
        "bip-27120/wizyta-studentow-z-austrii:\n"
        "  set: {type: null}\n"
        "  add: {cities: [{name: Atlantis, country: XX}]}\n",
    )
    report = build(settings)
    [(event, rules)] = report.refused_curations.items()
    message = "\n".join(rules)
    assert event == "bip-27120/wizyta-studentow-z-austrii"
    assert "Event has no type" in message and "city/atlantis-xx (Atlantis)" in message, message
    assert (settings.dumps_dir / "partnergraph.nq").read_bytes() == before


def test_the_cli_names_a_refused_correction_in_one_line(project):
    settings = Settings(project)
    broken_curation(
        settings,
        "bip-83616/wizyta-grupy-z-holandii-w-miejskim-osrodku-pomocy:\n  set: {direction: null}\n",
    )
    out = run_cli("build", cwd=project)
    assert out.returncode == 0, out.stdout + out.stderr
    [line] = [x for x in out.stdout.splitlines() if "wizyta-grupy-z-holandii" in x]
    assert "Event has no direction" in line and str(settings.curation_file) in line, out.stdout
    assert "Traceback" not in out.stderr
    assert (settings.dumps_dir / "partnergraph.nq").is_file()


def test_a_missing_source_file_is_named(project):
    (project / "data" / "sources" / "bip-83616.txt").unlink()
    with pytest.raises(SourceError, match="bip-83616.txt: listed in .*manifest.json but missing"):
        build(Settings(project))
    out = run_cli("build", cwd=project)
    assert out.returncode == 2 and "bip-83616.txt" in out.stderr and "Traceback" not in out.stderr


def test_a_malformed_registry_row_is_named_with_its_line(project):
    places = project / "data" / "reference" / "places.csv"
    places.write_text(
        places.read_text(encoding="utf-8") + "Lviv,Lwów,UA,702550,,forty-nine,24.0\n", encoding="utf-8"
    )
    with pytest.raises(RegistryError, match=r"places.csv:\d+: lat 'forty-nine' is not a number"):
        build(Settings(project))


def test_stale_curations_are_reported(project):
    settings = Settings(project)
    broken_curation(settings, "bip-99999/no-such-event:\n  set: {participants: students}\n")
    report = build(settings)
    assert report.stale_curations == ["bip-99999/no-such-event: no such event"]


def test_curated_values_reach_the_graph_marked_as_curated(project):
    settings = Settings(project)
    broken_curation(settings, "bip-27120/wizyta-studentow-z-austrii:\n  add: {topics: [volunteering]}\n")
    build(settings)
    text = (settings.dumps_dir / "partnergraph.nq").read_text(encoding="utf-8")
    annotation = iris.entity_iri("evidence", "bip-27120/wizyta-studentow-z-austrii/topics/1")
    assert f"<{annotation}> <https://w3id.org/partnergraph/def/curated> " in text


def test_the_store_holds_what_a_strict_load_of_the_nquads_dump_holds(seed_settings):
    """The store is bulk-loaded without Oxigraph's IRI checks (build.load_store): the same quads as the
    N-Quads dump loaded with them (a store, not ox.parse: Oxigraph keeps xsd:nonNegativeInteger as
    xsd:integer)."""
    from partnergraph.store import EmbeddedStore

    strict = EmbeddedStore()
    strict.load_nquads((seed_settings.build_dir / "dumps" / "partnergraph.nq").read_bytes())
    store = EmbeddedStore(seed_settings.store_dir, read_only=True)
    try:
        assert set(store.ox) == set(strict.ox) and len(strict.ox) > 1000
    finally:
        store.close()


def test_n_quads_with_a_bad_iri_stop_the_generation(tmp_path):
    """The stores would take them (lenient); the JSON-LD dump, checking every term strictly, refuses them."""
    from partnergraph.build import fill_generation

    settings = Settings(tmp_path)
    folder = tmp_path / "generation"
    folder.mkdir()
    bad = b'<http://example.org/a{b}> <http://example.org/p> "v" <http://example.org/g> .\n'
    with pytest.raises(SyntaxError, match="Invalid IRI"):
        fill_generation(settings, folder, bad)


def _fails_in_child(path):
    path.write_text("ran")
    logging.getLogger("partnergraph.build").info("wrote %s", path.name)
    raise ValueError(f"cannot write {path.name}")


def _dies_in_child():
    os._exit(3)


def test_an_artefact_written_by_a_forked_process_reports_its_error(tmp_path, caplog):
    """build.OWN_PROCESS writers run in a forked child: its error (or its death) fails the generation,
    and what it logs is logged by the parent."""
    from partnergraph.build import in_child_process

    with caplog.at_level(logging.INFO, logger="partnergraph.build"):
        wait_for_child = in_child_process(_fails_in_child, tmp_path / "x")
        with pytest.raises(ValueError, match="cannot write x"):
            wait_for_child()
    assert (tmp_path / "x").read_text() == "ran"  # it did run, in the child
    assert "wrote x" in caplog.text
    with pytest.raises(RuntimeError, match="exit code 3"):
        in_child_process(_dies_in_child)()


ORPHAN = """
import os, signal, sys, time
from pathlib import Path
from partnergraph.build import in_child_process

def work(path):
    path.write_text(str(os.getpid()))
    time.sleep(120)

in_child_process(work, Path(sys.argv[1]))
while not Path(sys.argv[1]).exists():
    time.sleep(0.05)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_forked_artefact_process_ends_when_its_build_is_killed(tmp_path):
    """A build killed half-way leaves no forked child running (it would write into the generation
    folder the next run removes)."""
    pid_file = tmp_path / "child.pid"
    done = subprocess.run([sys.executable, "-c", ORPHAN, str(pid_file)], timeout=120)
    assert done.returncode == -9
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 20
    while _running(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(child)


def _running(pid: int) -> bool:
    """Whether `pid` is a live process (a zombie, killed and not yet reaped by init, is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
