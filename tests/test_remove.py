"""`partnergraph remove`, and what `add` refuses or warns about: a saved file whose name is taken by
another file's page, a page of more than 1 MB of text, a page with no events; an unknown taxonomy id in
a saved query's parameters (CLI and web)."""

from __future__ import annotations

import json
import subprocess

import httpx
import pytest
from conftest import copy_built, run_partnergraph
from test_web import Served

from partnergraph import iris
from partnergraph.settings import Settings

REMOVED = "bip-83616"


@pytest.fixture
def built(seed_settings, tmp_path) -> Settings:
    return copy_built(seed_settings, tmp_path / "project")


def run(settings: Settings, *args: str, build_dir=None) -> subprocess.CompletedProcess:
    env = {"PARTNERGRAPH_BUILD": str(build_dir)} if build_dir else None
    return run_partnergraph(settings.root, *args, env=env, timeout=600)


def graphs(settings: Settings) -> set[str]:
    lines = (settings.dumps_dir / "partnergraph.nq").read_text(encoding="utf-8").splitlines()
    return {line.rsplit(" ", 2)[-2] for line in lines if line.strip()}


def test_remove_takes_the_page_out_of_corpus_and_graph_as_a_full_build_would(built, tmp_path):
    graph = f"<{iris.source_graph(REMOVED)}>"
    assert graph in graphs(built)
    result = run(built, "remove", "https://www.bip.krakow.pl/?dok_id=83616", "nie-ma-takiej")
    assert result.returncode == 2, result.stdout + result.stderr  # one unknown page
    assert (
        f"removed   {REMOVED}" in result.stdout and "failed    nie-ma-takiej: no such page" in result.stdout
    )
    assert "incrementally" in result.stdout, result.stdout
    assert graph not in graphs(built)
    manifest = json.loads((built.sources_dir / "manifest.json").read_text(encoding="utf-8"))
    assert [e["file"] for e in manifest] == ["bip-27120.txt"]
    assert not (built.sources_dir / f"{REMOVED}.txt").exists()
    assert REMOVED not in run(built, "sources").stdout
    # the same as a full build from the corpus as it now is
    full = tmp_path / "full-build"
    assert run(built, "build", build_dir=full).returncode == 0
    assert (full / "dumps" / "partnergraph.nq").read_bytes() == (
        built.dumps_dir / "partnergraph.nq"
    ).read_bytes()
    assert "up to date" in run(built, "build", "--if-needed").stdout
    again = run(built, "remove", REMOVED)
    assert again.returncode == 2 and "no such page" in again.stdout


def test_a_saved_file_whose_name_another_file_took_is_refused(built, tmp_path):
    first, second = tmp_path / "a" / "notatka.html", tmp_path / "b" / "notatka.txt"
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_text(
        "<html><body><h2>Wizyta z Lwowa</h2><p>W dniu 3 marca 2015 r. MOPS gościł delegację ze Lwowa.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    second.write_text(
        "Wizyta z Wilna\n\nW dniu 5 maja 2015 r. MOPS gościł delegację z Wilna.\n", encoding="utf-8"
    )
    assert run(built, "add", str(first)).returncode == 0
    before = (built.sources_dir / "manifest.json").read_bytes()
    result = run(built, "add", str(second))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "already has a page notatka imported from notatka.html" in result.stdout, result.stdout
    assert (built.sources_dir / "manifest.json").read_bytes() == before
    first.write_text(first.read_text(encoding="utf-8").replace("3 marca", "4 marca"), encoding="utf-8")
    assert "replaced  notatka" in run(built, "add", str(first)).stdout  # the same file again: replaced


def test_a_page_with_no_events_is_kept_with_a_warning(built, tmp_path):
    page = tmp_path / "regulamin.txt"
    page.write_text("Regulamin\n\nStrona opisuje zasady korzystania z serwisu i nie mówi o współpracy.\n")
    result = run(built, "add", str(page))
    assert result.returncode == 0, result.stderr
    assert "added     regulamin" in result.stdout and ", 0 events" in result.stdout
    assert "warning: no events found in regulamin" in result.stderr


def test_a_page_of_more_than_a_megabyte_of_text_is_refused_at_once(built, tmp_path):
    page = tmp_path / "ogromna.txt"
    page.write_text("W dniu 3 marca 2015 r. MOPS gościł delegację ze Lwowa.\n\n" * 20_000, encoding="utf-8")
    result = run(built, "add", str(page))
    assert result.returncode == 2
    assert "MB of text once the layout is cut away" in result.stdout and "limit 1 MB" in result.stdout


def test_an_unknown_topic_or_country_is_refused_with_the_known_ids(built):
    result = run(built, "query", "events_on_topic", "--param", "topic=nonexistent")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "topic='nonexistent': no such topic id; known: " in result.stderr
    assert "homelessness" in result.stderr
    assert run(built, "query", "events_on_topic", "--param", "topic=homelessness").returncode == 0

    served = Served(built.root)
    try:
        with httpx.Client(base_url=served.url, timeout=60) as client:
            page = client.get("/queries/events_on_topic", params={"topic": "nonexistent", "run": "1"})
            assert page.status_code == 400 and "no such topic id" in page.text and "homelessness" in page.text
            csv = client.get("/queries/events_on_topic", params={"topic": "nonexistent", "format": "csv"})
            assert csv.status_code == 400 and "no such topic id" in csv.text
            good = client.get("/queries/events_on_topic", params={"topic": "homelessness", "run": "1"})
            assert good.status_code == 200
            # the portal refuses an unknown country code as the CLI does (it answered no rows, as if no event)
            for fmt in ({"run": "1"}, {"format": "csv"}):
                page = client.get("/queries/events_in_country", params={"country": "XX", **fmt})
                assert page.status_code == 400 and "no such country code" in page.text and "XX" in page.text
            known = client.get("/queries/events_in_country", params={"country": "UA", "run": "1"})
            assert known.status_code == 200 and "no such country code" not in known.text
    finally:
        served.stop()
