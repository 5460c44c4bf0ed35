"""`partnergraph query` on the embedded store starts without rdflib (whose import was most of its
start-up: benchmarks/startup.py), and prints what it printed with rdflib's terms."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from partnergraph.prefixes import NAMESPACES
from partnergraph.query import format_rows, load_saved_queries, run_query
from partnergraph.rdf.vocab import PREFIXES

PROBE = """
import contextlib, io, json, sys
from partnergraph.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules), "bytecode": not sys.flags.dont_write_bytecode}))
"""


def run_cli(settings, *args) -> dict:
    """`partnergraph ARGS` on `settings`' build in a child process: its exit code, its output and the names of
    the modules it imported."""
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args, "--root", str(settings.root)],
        capture_output=True,
        text=True,
        timeout=120,
        # a bare environment, so that nothing of the test run's changes what the command imports; and no
        # bytecode written (it went into src/**/__pycache__ even when the run itself was told to write none)
        env={
            "PATH": "/usr/bin:/bin",
            "PARTNERGRAPH_BUILD": str(settings.build_dir),
            "PYTHONDONTWRITEBYTECODE": "1",
        },
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert not result["bytecode"]
    return result


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "tsv"])
def test_query_imports_neither_rdflib_nor_the_extractor(seed_settings, fmt):
    result = run_cli(seed_settings, "query", "partner_countries", "--format", fmt)
    assert result["code"] == 0
    loaded = {m.split(".")[0] for m in result["modules"]} | set(result["modules"])
    assert "rdflib" not in loaded and "partnergraph.extract" not in loaded and "pyshacl" not in loaded
    assert (
        not {"partnergraph.cli.serve", "partnergraph.cli.build", "typing", "csv" if fmt != "csv" else ""}
        & loaded
    )
    assert "Germany" in result["out"]


def test_sources_lists_the_corpus_without_the_extractor(seed_settings):
    result = run_cli(seed_settings, "sources")
    assert result["code"] == 0
    loaded = {m.split(".")[0] for m in result["modules"]} | set(result["modules"])
    assert (
        "partnergraph.extract" not in loaded and "partnergraph.build" not in loaded and "rdflib" not in loaded
    )
    assert "bip-27120" in result["out"] and "last build:" in result["out"]


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "tsv"])
def test_pyoxigraph_terms_print_as_rdflib_terms_do(seed_store, fmt):
    settings, store = seed_store
    for name, saved in load_saved_queries(settings.queries_dir).items():
        assert format_rows(run_query(store, saved, plain=True), fmt) == format_rows(
            run_query(store, saved), fmt
        ), name


def test_the_plain_prefixes_are_rdflibs():
    assert NAMESPACES == {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
