"""An entity decision changes data/reference/organisations.csv and data/curation.yaml as one change: the real
`partnergraph review` process is killed at the point between the two files (held there by the test-only
PARTNERGRAPH_PAUSE_WRITES, see src/partnergraph/_together.py) and before the commit; afterwards the pair is
both as before or, once the review starts again (or `build` reads the curation), both as after."""

from __future__ import annotations

import os
import threading
import time

import httpx
import pytest
from conftest import copy_built, run_partnergraph
from test_review import PAGE, RADA, RADA_FULL, Reviewed

from partnergraph.curate import read_curation

EVENT = f"{PAGE}/udzial-przedstawicieli-mops-w-spotkaniach-w-ramach-projektu"  # names RADA
ACCEPTED = f"{EVENT}:\n  accept: {{organisations: [{RADA}]}}\n"


def pair(root) -> tuple[bytes, bytes]:
    data = root / "data"
    return (data / "reference" / "organisations.csv").read_bytes(), (data / "curation.yaml").read_bytes()


def merge_paused_at(root, point: str, monkeypatch) -> Reviewed:
    """Start the review paused at `point`, ask it to merge RADA into RADA_FULL, wait until it stops there."""
    monkeypatch.setenv("PARTNERGRAPH_PAUSE_WRITES", point)
    app = Reviewed(root)
    with httpx.Client(timeout=60) as client:
        token = app.token(client)
        html = client.get(app.url + f"page/{PAGE}").text
    version = html.split('data-registry-version="', 1)[1].split('"', 1)[0]
    body = {"op": "merge", "name": RADA, "into": RADA_FULL, "page": PAGE, "version": version}

    def post() -> None:
        try:
            httpx.post(app.url + "api/entity", json=body, headers={"X-Review-Token": token}, timeout=120)
        except httpx.HTTPError:
            pass  # the process is killed while it holds the request

    threading.Thread(target=post, daemon=True).start()
    deadline = time.monotonic() + 120
    while not any(f"paused: {point}" in line for line in app.output):
        assert time.monotonic() < deadline and app.process.poll() is None, "".join(app.output)
        time.sleep(0.05)
    app.kill()
    return app


@pytest.fixture
def project(seed_settings, tmp_path):
    settings = copy_built(seed_settings, tmp_path / "project")
    settings.curation_file.write_text(ACCEPTED, encoding="utf-8")
    return settings


def test_a_kill_before_the_commit_leaves_both_files_as_they_were(project, monkeypatch):
    before = pair(project.root)
    merge_paused_at(project.root, "staged", monkeypatch)
    assert pair(project.root) == before
    monkeypatch.delenv("PARTNERGRAPH_PAUSE_WRITES")
    app = Reviewed(project.root)  # starts cleanly, drops what the kill left
    app.stop()
    assert pair(project.root) == before
    assert [p.name for p in (project.root / "data").iterdir() if p.name.startswith(".pending")] == []


def test_a_kill_between_the_two_files_is_finished_when_the_review_starts_again(project, monkeypatch):
    """Before: the registry held the alias while curation.yaml still accepted the old name, a correction
    that matched nothing any more, and nothing would ever write the second file."""
    organisations, curation = pair(project.root)
    merge_paused_at(project.root, "between", monkeypatch)
    assert pair(project.root)[1] == curation  # killed with the second file not yet switched
    assert (project.root / "data" / ".pending").is_dir()
    monkeypatch.delenv("PARTNERGRAPH_PAUSE_WRITES")
    app = Reviewed(project.root)
    app.stop()
    after = pair(project.root)
    assert after[0] != organisations and RADA.encode() in after[0]  # the alias
    accepted = read_curation(project.curation_file)[EVENT]["accept"]["organisations"]
    assert accepted == [RADA_FULL]
    assert not (project.root / "data" / ".pending").exists()


def test_a_build_after_a_kill_between_the_files_reads_both_as_after(project, monkeypatch):
    merge_paused_at(project.root, "between", monkeypatch)
    monkeypatch.delenv("PARTNERGRAPH_PAUSE_WRITES")
    built = run_partnergraph(project.root, "build")
    assert built.returncode == 0, built.stderr
    assert read_curation(project.curation_file)[EVENT]["accept"]["organisations"] == [RADA_FULL]
    report = (project.build_dir / "report.json").read_text(encoding="utf-8")
    assert EVENT not in report.split('"stale_curations"', 1)[1]  # the accepted name matches a value


def test_reading_the_curation_removes_what_killed_single_writes_left(project):
    """A temporary file a kill left beside a registry counts in the build's input hash (every command would
    rebuild); one older than ten minutes is removed, a fresh one (a write under way) is not."""
    reference = project.reference_dir
    old, fresh = reference / ".organisations.csv.abc123.tmp", reference / ".places.csv.def456.tmp"
    for path in (old, fresh, project.data_dir / ".curation.yaml.ghi789.tmp"):
        path.write_text("half", encoding="utf-8")
    hour_ago = time.time() - 3600
    for path in (old, project.data_dir / ".curation.yaml.ghi789.tmp"):
        os.utime(path, (hour_ago, hour_ago))
    assert read_curation(project.curation_file)[EVENT]
    assert not old.exists() and not (project.data_dir / ".curation.yaml.ghi789.tmp").exists()
    assert fresh.exists()
