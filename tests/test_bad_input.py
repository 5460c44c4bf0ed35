"""Bad data files: `build` refuses them in one line with exit code 2, naming the file, the line and the
event; the previous build stays, and `query` still answers from it, with a warning."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import copy_built, run_partnergraph

from partnergraph.settings import Settings

EVENT = "bip-27120/wizyta-studyjna-delegacji-rzadowej-z-gruzji-w-krakowie"


@pytest.fixture
def built(seed_settings, tmp_path) -> Settings:
    return copy_built(seed_settings, tmp_path / "project")


def run(settings: Settings, *args: str) -> subprocess.CompletedProcess:
    return run_partnergraph(settings.root, *args)


def assert_refused(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def assert_query_answers_from_the_previous_build(settings: Settings) -> None:
    before = (settings.dumps_dir / "partnergraph.nq").read_bytes()
    result = run(settings, "query", "partner_countries", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout), result.stdout  # rows
    assert "previous build" in result.stderr, result.stderr
    assert (settings.dumps_dir / "partnergraph.nq").read_bytes() == before


@pytest.mark.parametrize(
    ("yaml", "line", "what"),
    [
        (f"{EVENT}:\n  set: {{start: not-a-date}}\n", 2, "set.start: expected a date"),
        (f"# a comment\n{EVENT}:\n  set:\n    end: 2010-13-45\n", 4, "set.end: not a date: '2010-13-45'"),
        (
            f"{EVENT}:\n  set: {{start: 2011-02-29}}\n",
            2,
            "set.start: not a date: '2011-02-29' (day is out of range",
        ),
        (f"{EVENT}:\n  set: {{location: [Kraków]}}\n", 2, "set.location: expected a name or a mapping"),
        (
            f"{EVENT}:\n  add:\n    organisations: [{{name: X, at: [a, b]}}]\n",
            3,
            "add.organisations: expected [start, end], two character offsets",
        ),
        (f"{EVENT}:\n  set: {{title: [1, 2]}}\n", 2, "set.title: expected text"),
    ],
    ids=["not-a-date", "month-13", "29-february-2011", "location-as-list", "offsets-as-text", "title-list"],
)
def test_a_bad_curation_value_is_refused_with_its_line_and_event(built, yaml, line, what):
    built.curation_file.write_text(yaml, encoding="utf-8")
    assert_refused(run(built, "build"), f"curation.yaml, line {line}: {EVENT}: {what}")
    assert_query_answers_from_the_previous_build(built)


def test_a_curation_file_not_in_utf8_is_refused(built):
    built.curation_file.write_bytes(
        f"{EVENT}:\n  set: {{title: 'Wizyta z Gruzji'}}\n".encode() + b"# \xb3\xf3d\xbc\n"
    )
    assert_refused(run(built, "build"), "curation.yaml, line 3: not UTF-8")
    assert_query_answers_from_the_previous_build(built)


def test_a_dated_curation_still_applies(built):
    """2010-05-12 stays the text it is (YAML would make it a date object)."""
    built.curation_file.write_text(f"{EVENT}:\n  set: {{start: 2010-05-12}}\n", encoding="utf-8")
    result = run(built, "build")
    assert result.returncode == 0, result.stderr
    assert (
        b'"2010-05-12"^^<http://www.w3.org/2001/XMLSchema#date>'
        in (built.dumps_dir / "partnergraph.nq").read_bytes()
    )


@pytest.mark.parametrize("name", ["../../../../../etc/passwd", "/etc/passwd", "../curation.yaml"])
def test_a_manifest_file_outside_data_sources_is_refused(built, name):
    manifest = built.sources_dir / "manifest.json"
    entries = json.loads(manifest.read_text(encoding="utf-8"))
    entries.append({"file": name, "url": "https://example.org/x", "year": 2015})
    manifest.write_text(json.dumps(entries), encoding="utf-8")
    assert_refused(run(built, "build"), "manifest.json: entry", "points outside")
    assert b"root:" not in (built.dumps_dir / "partnergraph.nq").read_bytes()
    assert_query_answers_from_the_previous_build(built)
    assert_refused(run(built, "add", str(built.sources_dir / "bip-27120.txt")), "points outside")


def test_build_refuses_a_page_of_more_than_a_megabyte_of_text_as_add_does(built):
    """Issue 12 item 10: `add` refused such a page, but one put into data/sources/ by hand made `build`
    extract it for minutes (about 50 s per MB of text)."""
    page = built.sources_dir / "ogromna.txt"
    page.write_text("W dniu 3 marca 2015 r. MOPS gościł delegację ze Lwowa.\n\n" * 25_000, encoding="utf-8")
    manifest = built.sources_dir / "manifest.json"
    entries = json.loads(manifest.read_text(encoding="utf-8"))
    entries.append({"file": "ogromna.txt", "url": "https://example.org/ogromna", "year": 2015})
    manifest.write_text(json.dumps(entries), encoding="utf-8")
    assert_refused(run(built, "build"), "ogromna.txt: 1.4 MB of text", "limit 1 MB")
    assert_query_answers_from_the_previous_build(built)
    extract = [sys.executable, "-m", "partnergraph.cli", "extract", str(page), "--json"]
    assert_refused(subprocess.run(extract, capture_output=True, text=True, timeout=120), "1.4 MB of text")


@pytest.mark.parametrize(
    ("manifest", "what"),
    [
        (["bip-27120.txt", "bip-83616.txt"], 'entry 1 is text ("bip-27120.txt"), not an object'),
        ([{"file": "bip-27120.txt"}, 7], "entry 2 is a number (7), not an object"),
        ([{"url": "https://example.org/x"}], 'entry 1 has no "file"'),
        ([{"file": 12}], 'entry 1: "file" must be text, got a number (12)'),
        (
            [{"file": "bip-27120.txt", "year": "2010"}],
            'entry 1 (bip-27120.txt): "year" must be a whole number',
        ),
        ([{"file": "bip-27120.txt", "year": True}], 'entry 1 (bip-27120.txt): "year" must be a whole number'),
        (
            [{"file": "bip-27120.txt", "url": ["https://a"]}],
            'entry 1 (bip-27120.txt): "url" must be text, got a list',
        ),
        (
            [{"file": "bip-27120.txt", "home": {"name": "X"}}],
            'entry 1 (bip-27120.txt): "home" must be text, got an object',
        ),
        (
            [{"file": "bip-27120.txt", "yaer": 2010}],
            'entry 1 (bip-27120.txt): unknown field "yaer" (did you mean "year"?)',
        ),
        ({"file": "bip-27120.txt"}, "expected a JSON list of entries, got an object"),
        ([{"file": "bip-27120.txt"}, {"file": "bip-27120.txt"}], "'bip-27120.txt' is listed twice"),
    ],
    ids=[
        "strings",
        "a-number",
        "no-file",
        "file-number",
        "year-text",
        "year-bool",
        "url-list",
        "home-object",
        "unknown-field",
        "object",
        "twice",
    ],
)
def test_a_malformed_manifest_names_the_entry_and_the_field(built, manifest, what):
    """Wrong shapes in manifest.json gave Python's own words ("string indices must be integers")."""
    path = built.sources_dir / "manifest.json"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    assert_refused(run(built, "build"), f"manifest.json: {what}")
    assert_query_answers_from_the_previous_build(built)


def test_add_and_sources_refuse_a_malformed_manifest_and_write_nothing(built):
    path = built.sources_dir / "manifest.json"
    path.write_text(json.dumps([{"file": "bip-27120.txt"}, 7]), encoding="utf-8")
    written = sorted((p.name, p.read_bytes()) for p in built.sources_dir.iterdir())
    for command in (("add", str(built.root / "data" / "sources" / "bip-83616.txt")), ("sources",)):
        assert_refused(run(built, *command), "manifest.json: entry 2 is a number (7), not an object")
    assert sorted((p.name, p.read_bytes()) for p in built.sources_dir.iterdir()) == written
