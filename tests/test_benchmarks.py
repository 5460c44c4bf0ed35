"""The benchmarks stay runnable: the synthetic generator is deterministic, writes valid N-Quads in the real
model (both writers agree), every saved query finds something in it, and graph_core.py runs end to end."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
EVENT = "https://w3id.org/partnergraph/def/Event"


def _load_module(name: str):
    spec = importlib.util.spec_from_file_location(f"pg_benchmarks_{name}", BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


generate = _load_module("generate")


@pytest.fixture(scope="module")
def nquads_200() -> bytes:
    return generate.generate_nquads(200, seed=0)


def _store(data: bytes) -> ox.Store:
    store = ox.Store()
    store.bulk_load(data, ox.RdfFormat.N_QUADS)
    return store


def _count_events(store: ox.Store) -> int:
    query = f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{EVENT}> }}"
    return int(next(iter(store.query(query, use_default_graph_as_union=True)))["n"].value)


def test_generator_is_deterministic(nquads_200):
    assert generate.generate_nquads(200, seed=0) == nquads_200
    assert generate.generate_nquads(200, seed=1) != nquads_200


def _reference_copy(target: Path) -> Path:
    shutil.copytree(ROOT / "data" / "reference", target)
    return target


def test_the_cache_key_changes_with_what_the_generator_reads_and_only_with_that(tmp_path):
    reference = _reference_copy(tmp_path / "reference")
    key = generate.model_fingerprint(reference)
    assert key == generate.model_fingerprint()  # the same registries read from the repository
    with (reference / "exonyms.csv").open("a", encoding="utf-8") as f:  # read by extraction only
        f.write("Nowe Miasto,Naujamiestis,LT,598000,55.68,24.15,1500\n")
    (reference / "home.csv").write_text("name,city,country\nMOPS Wrocław,Wrocław,PL\n", encoding="utf-8")
    assert generate.model_fingerprint(reference) == key
    places = reference / "places.csv"
    places.write_text(places.read_text(encoding="utf-8").replace("41.38879", "41.38880"), encoding="utf-8")
    assert generate.model_fingerprint(reference) != key


def test_the_generated_graph_does_not_depend_on_what_the_cache_key_leaves_out(tmp_path, nquads_200):
    reference = _reference_copy(tmp_path / "reference")
    (reference / "exonyms.csv").unlink()
    (reference / "home.csv").write_text("name,city,country\nMOPS Wrocław,Wrocław,PL\n", encoding="utf-8")
    default = generate.REFERENCE_DIR
    try:
        generate.REFERENCE_DIR = reference
        generate.load_pools.cache_clear()
        generate._fixed_lines.cache_clear()
        assert generate.load_pools().registries.home[1] == "Wrocław"
        assert generate.generate_nquads(200, seed=0) == nquads_200
    finally:
        generate.REFERENCE_DIR = default
        generate.load_pools.cache_clear()
        generate._fixed_lines.cache_clear()


def test_a_cached_file_of_another_model_is_never_read(tmp_path, monkeypatch):
    monkeypatch.setattr(generate, "OUT", tmp_path)
    (tmp_path / "synthetic-50-0123456789.nq").write_bytes(b"stale\n")  # sorts first, as a glob gave it
    path = generate.cached_nquads(50)
    assert path.name == f"synthetic-50-{generate.model_fingerprint()}.nq"
    assert path.read_bytes() == generate.generate_nquads(50)
    assert generate.cached_nquads(50) == path and not list(tmp_path.glob("*.partial"))


def test_generated_nquads_load_and_hold_the_events(nquads_200):
    lines = nquads_200.decode("utf-8").splitlines()
    assert lines == sorted(lines)
    store = _store(nquads_200)
    assert _count_events(store) == 200
    graphs = {g.value for g in store.named_graphs()}
    assert "https://w3id.org/partnergraph/graph/registry" in graphs
    assert "https://w3id.org/partnergraph/graph/ontology" in graphs
    assert sum(g.startswith("https://w3id.org/partnergraph/graph/source/") for g in graphs) >= 200 // 14


@pytest.mark.parametrize("n", [1, 37, 150])
def test_event_count_is_exact(n):
    assert _count_events(_store(generate.generate_nquads(n, seed=5))) == n
    assert len(generate.generate_events(n, seed=5)) == n


def test_direct_writer_matches_the_rdflib_path():
    """The fast writer hands the project's RDF functions a set instead of a graph; it must give the graph
    `partnergraph build`'s way (rdflib Dataset, sorted_nquads) gives."""
    direct = generate.generate_nquads(60, seed=2, evidence_share=0.5, writer="direct")
    reference = generate.generate_nquads(60, seed=2, evidence_share=0.5, writer="rdflib")
    assert direct == reference  # no blank nodes, sorted lines: equal bytes mean equal datasets
    a, b = Dataset(), Dataset()
    a.parse(data=direct, format="nquads")
    b.parse(data=reference, format="nquads")
    for graph in b.graphs():
        assert isomorphic(a.graph(graph.identifier), graph)


def test_events_are_records_with_evidence_in_the_page_text():
    pages = list(generate.generate_pages(30, seed=4, evidence_share=1.0))
    for _entry, events in pages:
        for event in events:
            assert event.text.startswith(event.title)
            assert event.type and event.direction and event.evidence
            for evidences in event.evidence.values():
                for ev in evidences:
                    offset = ev.start - event.text_start
                    assert event.text[offset : offset + len(ev.quote)] == ev.quote
    ids = [e.id for _, events in pages for e in events]
    assert len(ids) == len(set(ids))


def test_generated_graph_passes_the_shapes():
    from partnergraph.ontology_tools import load_ontology_graph, load_shapes
    from partnergraph.rdf import validate_dataset

    dataset = Dataset()
    dataset.parse(data=generate.generate_nquads(40, seed=3, evidence_share=0.5), format="nquads")
    validate_dataset(dataset, load_shapes(ROOT / "ontology"), load_ontology_graph(ROOT / "ontology"))


def test_every_saved_query_runs_on_a_generated_graph(nquads_200):
    from partnergraph.query import load_saved_queries, run_query
    from partnergraph.store import EmbeddedStore

    queries = load_saved_queries(ROOT / "queries")
    assert len(queries) >= 15
    store = EmbeddedStore()
    store.load_nquads(nquads_200)
    empty = [name for name, query in queries.items() if not len(run_query(store, query))]
    assert len(empty) <= len(queries) // 10, f"no rows from {empty}"


def test_generate_cli_writes_a_file(tmp_path):
    out = tmp_path / "g.nq"
    proc = subprocess.run(
        [sys.executable, str(BENCHMARKS / "generate.py"), "25", "--out", str(out), "--seed", "7"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == generate.generate_nquads(25, seed=7)


def test_graph_core_runs_end_to_end(tmp_path):
    out = tmp_path / "results.json"
    cmd = [sys.executable, str(BENCHMARKS / "graph_core.py"), "--sizes", "50", "--runs", "1"]
    cmd += ["--construct-runs", "3", "--no-build", "--json", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "## 50 events" in proc.stdout
    for label in ("load", "peak memory", "CONSTRUCT one event", "rdflib", "ox-disk", "oxrdflib"):
        assert label in proc.stdout
    assert out.is_file()


def test_graph_core_report_merges_runs_of_different_stores(tmp_path):
    """rdflib and the Oxigraph stores measured by separate runs on the same data make one table."""
    base = [sys.executable, str(BENCHMARKS / "graph_core.py"), "--sizes", "30", "--runs", "1"]
    base += ["--construct-runs", "2", "--no-build"]
    for store in ("rdflib", "ox-mem"):
        cmd = [*base, "--stores", store, "--json", str(tmp_path / f"{store}.json")]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
    cmd = [sys.executable, str(BENCHMARKS / "graph_core.py"), "--report"]
    cmd += [str(tmp_path / "ox-mem.json"), str(tmp_path / "rdflib.json")]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    header = next(line for line in proc.stdout.splitlines() if line.startswith("| measure"))
    assert [c.strip() for c in header.strip("|").split("|")] == ["measure", "rdflib", "ox-mem"]
    assert "(x" in proc.stdout  # ox-mem's times as ratios to rdflib's, from the other file


def test_build_speed_times_every_stage(tmp_path, nquads_200):
    data = tmp_path / "g.nq"
    data.write_bytes(nquads_200)
    cmd = [sys.executable, str(BENCHMARKS / "build_speed.py"), "--nquads", str(data)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    line = proc.stdout.splitlines()[-1]
    quads = nquads_200.count(b"\n")
    assert f"{quads:,} quads in" in line
    for stage in ("store", "write_dump_files", "write_aggregate_file", "peak memory"):
        assert stage in line


def test_build_speed_serial_gives_each_step_its_cpu_time(tmp_path, nquads_200):
    data = tmp_path / "g.nq"
    data.write_bytes(nquads_200)
    cmd = [sys.executable, str(BENCHMARKS / "build_speed.py"), "--nquads", str(data), "--serial"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    steps = [line.strip() for line in proc.stdout.splitlines() if line.endswith("s of CPU")]
    names = [step.split(":")[0] for step in steps]
    assert names == [
        "store",
        "memory",
        "write_dump_files",
        "write_aggregate_file",
        "write_hub_file",
        "write_answer_files",
        "write_search_file",
    ]
    assert "CPU of each step: store " in proc.stdout.splitlines()[-1]
