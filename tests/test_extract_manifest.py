"""`partnergraph extract` reads the manifest.json beside its pages for their URL, year and home (issue 12):
a bad one was ignored silently (the page then extracted with no year or the wrong home). It is refused as
`build` refuses it, in one line with exit code 2, and nothing is written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEXT = "W dniu 3 marca 2015 r. MOPS gościł delegację ze Lwowa. Rozmawiano o pomocy bezdomnym.\n"


def extract(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "partnergraph.cli", "extract", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT)


@pytest.fixture
def page(tmp_path) -> Path:
    path = tmp_path / "sources" / "p.txt"
    path.parent.mkdir()
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("manifest", "what"),
    [
        ('[{"file": "p.txt", "year": 2015,}]', "manifest.json: not valid JSON"),
        ([{"file": "p.txt"}, 7], "manifest.json: entry 2 is a number (7), not an object"),
        ([{"file": "p.txt", "year": "2015"}], 'entry 1 (p.txt): "year" must be a whole number'),
        ([{"file": "p.txt", "yaer": 2015}], 'entry 1 (p.txt): unknown field "yaer" (did you mean "year"?)'),
        ([{"file": "p.txt", "home-city": "Lwów"}], 'unknown field "home-city" (did you mean "home_city"?)'),
        ([{"file": "p.txt"}, {"file": "gone.txt"}], "gone.txt: listed in"),
        (
            [{"file": "p.txt"}, {"file": "../../../../etc/passwd"}],
            "entry '../../../../etc/passwd' points outside",
        ),
        ([{"file": "p.txt"}, {"file": "p.txt"}], "'p.txt' is listed twice"),
    ],
    ids=["json", "not-an-object", "year-text", "typo", "home-city", "missing-file", "traversal", "twice"],
)
def test_a_bad_manifest_beside_the_page_is_refused_in_one_line(page, tmp_path, manifest, what):
    text = manifest if isinstance(manifest, str) else json.dumps(manifest)
    (page.parent / "manifest.json").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    done = extract(str(page), "--json", "--out", str(out))
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert what in lines[0] and str(page.parent / "manifest.json") in lines[0], lines[0]
    assert done.stdout == "" and not out.exists()


def test_a_good_manifest_gives_the_page_its_year_and_any_recorded_field_is_accepted(page):
    entry = {"file": "p.txt", "url": "https://example.org/p", "year": 2016, "notes": "a person's note"}
    entry |= {"retrieved": "2026-12-01T10:00:00Z", "sha256": "0" * 64, "home_city": "Kraków"}
    (page.parent / "manifest.json").write_text(json.dumps([entry]), encoding="utf-8")
    done = extract(str(page), "--json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)["document"]
    assert document["year"] == 2016 and document["url"] == "https://example.org/p"
