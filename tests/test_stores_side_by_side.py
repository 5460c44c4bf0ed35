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
