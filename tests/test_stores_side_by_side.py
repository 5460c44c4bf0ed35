"""benchmarks/stores_side_by_side.py end to end on a small synthetic graph: every saved query gives the
same rows on the project's store on disk and in memory, from the answers a build keeps, on a real
Oxigraph server, a real Virtuoso and rdflib; and a query whose answer differs between stores is reported as such (exit status 1)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
# Virtuoso keeps graphs of its own in the union default graph: it counts more triples than Oxigraph
COUNT_ALL = """# title: All triples
# description: how many triples the union default graph holds
SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }
"""


def test_every_store_gives_the_same_rows_and_a_difference_is_reported(tmp_path):
    nquads = tmp_path / "g.nq"
    subprocess.run([sys.executable, str(BENCHMARKS / "generate.py"), "120", "--out", str(nquads)], check=True)
    extra = tmp_path / "count_all.rq"
    extra.write_text(COUNT_ALL, encoding="utf-8")
    out = tmp_path / "result.json"
    command = [sys.executable, str(BENCHMARKS / "stores_side_by_side.py"), "--nquads", str(nquads), "--check"]
    done = subprocess.run(
        [*command, "--also", str(extra), "--json", str(out)], capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 1, done.stdout + done.stderr
    result = json.loads(out.read_text())
    assert set(result["differences"]) == {"count_all"}
    assert set(result["differences"]["count_all"]) == {"virtuoso"}
    assert "count_all on virtuoso: 1 rows, the other stores 1" in done.stdout
    saved = [name for name in result["rows"] if name != "count_all"]
    assert len(saved) >= 15
    for name in saved:
        counts = {store: rows for store, rows in result["rows"][name].items() if store != "rdflib"}
        assert len(set(counts.values())) == 1 and set(counts) == {
            "disk",
            "query",
            "memory",
            "oxigraph",
            "virtuoso",
        }, name
    assert "ratio to virtuoso" in done.stdout and "faster than rdflib" in done.stdout
    for store in ("disk", "query", "memory", "oxigraph", "virtuoso", "rdflib"):
        assert result["load"][store]["peak_mb"] > 10, store


def test_a_server_over_the_memory_limit_is_stopped_reported_and_started_again(tmp_path):
    nquads = tmp_path / "g.nq"
    subprocess.run([sys.executable, str(BENCHMARKS / "generate.py"), "60", "--out", str(nquads)], check=True)
    out = tmp_path / "result.json"
    done = subprocess.run(
        [
            sys.executable,
            str(BENCHMARKS / "stores_side_by_side.py"),
            "--nquads",
            str(nquads),
            "--stores",
            "memory",
            "virtuoso",
            "--queries",
            "events_by_type",
            "partner_countries",
            "--runs",
            "1",
            "--server-memory-mb",
            "1",  # less than any server holds: every query passes it
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(out.read_text())
    # the second query is over the limit too, not an error: Virtuoso was started again after the first
    for name in ("events_by_type", "partner_countries"):
        assert result["rows"][name]["virtuoso"] == "over the memory limit", result["rows"][name]
        assert result["rows"][name]["memory"] > 0
    assert "| events_by_type | " in done.stdout and ">memory" in done.stdout
    assert "virtuoso stopped over 1 MB of memory on: events_by_type, partner_countries" in done.stdout
    assert result["load"]["virtuoso"]["peak_mb"] > 1
