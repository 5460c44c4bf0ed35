"""`build` and `add` killed half-way: the dumps, the store and the state always belong to one build,
a rerun finishes the job, and nothing a killed run left behind stays.

The real command runs in a subprocess that kills itself (SIGKILL, nothing to clean up) at a chosen
point: right after a function of the package returns, or right before it runs."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import copy_built, run_partnergraph

from partnergraph import iris
from partnergraph.settings import Settings

PAGE = Path(__file__).parent / "data" / "bulletin" / "wspolpraca-2019.html"
NEW_GRAPH = str(iris.source_graph("bip-90417"))

# python -c KILLER MODULE:FUNCTION after|before ARGS...: the CLI with ARGS, killed at that function
KILLER = """
import importlib, os, signal, sys
from partnergraph.cli import main
module_name, name = sys.argv[1].split(":")
module, when = importlib.import_module(module_name), sys.argv[2]
real = getattr(module, name)
def killing(*args, **kwargs):
    if when == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    result = real(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)
    return result
setattr(module, name, killing)
sys.exit(main(sys.argv[3:]))
"""


def run(settings: Settings, *args: str, kill_at: str | None = None, when: str = "after"):
    if kill_at:
        env = {k: v for k, v in os.environ.items() if k not in ("PARTNERGRAPH_BUILD", "PARTNERGRAPH_ROOT")}
        command = [sys.executable, "-c", KILLER, kill_at, when, *args, "--root", str(settings.root)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
    else:
        result = run_partnergraph(settings.root, *args)
    if kill_at:
        assert result.returncode == -signal.SIGKILL, result.stdout + result.stderr
    else:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture
def built(seed_settings, tmp_path) -> Settings:
    return copy_built(seed_settings, tmp_path / "project")


def dump_lines(settings: Settings) -> set[bytes]:
    return {x for x in (settings.dumps_dir / "partnergraph.nq").read_bytes().splitlines() if x.strip()}


def store_lines(store: ox.Store) -> set[bytes]:
    return {x for x in store.dump(format=ox.RdfFormat.N_QUADS).splitlines() if x.strip()}


def assert_one_build(settings: Settings) -> None:
    """Dumps, store, state and report belong to the same build."""
    in_memory = ox.Store()  # the store writes some literals in canonical form: compare store with store
    in_memory.bulk_load((settings.dumps_dir / "partnergraph.nq").read_bytes(), ox.RdfFormat.N_QUADS)
    assert store_lines(in_memory) == store_lines(ox.Store.read_only(str(settings.store_dir)))
    state = json.loads((settings.build_dir / "state.json").read_text())
    report = json.loads((settings.build_dir / "report.json").read_text())
    assert report["input_hash"] == state["input_hash"]
    assert report["triples"] == len(dump_lines(settings))


def leftovers(settings: Settings) -> list[str]:
    """Anything in build/ that is not the current build, its links, the lock, or the generation before."""
    build = settings.build_dir
    names = sorted(p.name for p in build.iterdir() if p.name not in {"gens", ".lock"} and not p.is_symlink())
    gens = sorted(p.name for p in (build / "gens").iterdir())
    current = os.readlink(build / "current").split("/")[-1]
    older = [g for g in gens if g < current]
    return names + [g for g in gens if g != current and g not in older[-1:]] + older[:-1]


@pytest.mark.parametrize(
    "kill_at",
    [
        "partnergraph.publish.dumps:replace_folder",  # right after the dumps are replaced
        "partnergraph.build:load_store",  # after the store is loaded
    ],
)
def test_a_killed_build_leaves_the_previous_build_whole_and_a_rerun_finishes(built, kill_at):
    before = dump_lines(built)
    # a correction: the rebuilt graph differs from the seed build
    event = "bip-27120/wizyta-studentow-z-holandii"
    built.curation_file.write_text(f"{event}:\n  set: {{participants: students}}\n", encoding="utf-8")
    run(built, "build", kill_at=kill_at)
    assert dump_lines(built) == before
    assert_one_build(built)
    assert "up to date" not in run(built, "build", "--if-needed").stdout
    assert dump_lines(built) != before and b"participants/students" in b"".join(dump_lines(built))
    assert_one_build(built)
    assert leftovers(built) == []


def test_a_killed_add_leaves_the_previous_build_and_a_rerun_adds_the_page(built, tmp_path):
    saved = tmp_path / "strona.html"
    shutil.copyfile(PAGE, saved)
    before = dump_lines(built)
    run(built, "add", str(saved), kill_at="partnergraph.publish.dumps:replace_folder")
    assert (built.sources_dir / "bip-90417.txt").is_file()  # the corpus has it, the graph not yet
    assert dump_lines(built) == before
    assert_one_build(built)

    out = run(built, "add", str(saved)).stdout
    assert "behind the corpus for bip-90417" in out, out
    assert any(line.endswith(f"<{NEW_GRAPH}> .".encode()) for line in dump_lines(built))
    assert_one_build(built)
    assert leftovers(built) == []
    assert "unchanged" in run(built, "add", str(saved)).stdout
    assert "up to date" in run(built, "build", "--if-needed").stdout


def test_a_rerun_of_a_killed_add_catches_up_when_the_build_is_out_of_date_as_well(built, tmp_path):
    """Between the killed add and its rerun something else a page's graph depends on changed (here the
    curation; the registries, the ontology or the code alike): no incremental update can run, and the
    rerun said "unchanged" and left the page out of the graph. It now runs the full build."""
    saved = tmp_path / "strona.html"
    shutil.copyfile(PAGE, saved)
    run(built, "add", str(saved), kill_at="partnergraph.publish.dumps:replace_folder")
    event = "bip-27120/wizyta-studentow-z-holandii"
    built.curation_file.write_text(f"{event}:\n  set: {{participants: students}}\n", encoding="utf-8")
    out = run(built, "add", str(saved)).stdout
    assert "graph: rebuilt in full" in out, out
    lines = b"".join(dump_lines(built))
    assert f"<{NEW_GRAPH}> .".encode() in lines and b"participants/students" in lines
    assert_one_build(built)
    assert "up to date" in run(built, "build", "--if-needed").stdout


def test_a_rerun_of_a_killed_remove_takes_the_graph_out(built):
    """`remove` killed after the page's files went but before its graph did: the rerun said "no such
    page in the corpus" (exit 2) and the served graph kept the page until the next full build."""
    graph = f"<{iris.source_graph('bip-83616')}> .".encode()
    run(built, "remove", "bip-83616", kill_at="partnergraph.incremental:catch_up", when="before")
    assert not (built.sources_dir / "bip-83616.txt").exists()
    assert any(line.endswith(graph) for line in dump_lines(built))
    assert_one_build(built)

    out = run(built, "remove", "https://www.bip.krakow.pl/?dok_id=83616").stdout
    assert "a remove that was interrupted" in out, out
    assert not any(line.endswith(graph) for line in dump_lines(built))
    assert_one_build(built)
    assert leftovers(built) == []
    assert "up to date" in run(built, "build", "--if-needed").stdout
    again = run_partnergraph(built.root, "remove", "bip-83616")
    assert again.returncode == 2 and "no such page in the corpus" in again.stdout


def test_what_killed_publishes_left_is_removed(built, tmp_path):
    """A killed `publish DIR` left its staging folder (a whole copy of the site) beside DIR, and one
    killed between its two renames left DIR.old, forever: the next publish removes them."""
    site = tmp_path / "site"
    run(built, "publish", str(site))
    run(built, "publish", str(site), kill_at="partnergraph.publish.site:replace_folder", when="before")
    (staging,) = tmp_path.glob(".site.*")
    assert (staging / "index.html").is_file() and (site / "index.html").is_file()
    site.rename(tmp_path / ".site.old")  # as a kill between `site -> .site.old` and `staging -> site`
    an_hour_ago = time.time() - 3600  # the leftovers of a publish still running are left alone
    for folder in tmp_path.glob(".site.*"):
        os.utime(folder, (an_hour_ago, an_hour_ago))
    run(built, "publish", str(site))
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == []
    assert (site / "index.html").is_file() and (site / "partnergraph" / "dumps").is_dir()


def test_what_killed_runs_left_is_removed(built, tmp_path):
    """Temporary folders of killed builds, of this version (a half-made generation) and of the ones
    before (build/.dumps.*, build/.store.*), go with the next build."""
    for name in (".dumps.k1lled", ".store.k1lled"):
        (built.build_dir / name).mkdir()
        (built.build_dir / name / "partnergraph.nq").write_bytes(b"x" * 1000)
    built.curation_file.write_text(
        "bip-27120/wizyta-studentow-z-holandii:\n  set: {participants: students}\n", encoding="utf-8"
    )
    run(built, "build", kill_at="partnergraph.publish.dumps:replace_folder", when="before")
    left = leftovers(built)  # the two old folders went when it started; what it was making stays
    assert len(left) == 1 and left[0] > os.readlink(built.build_dir / "current").split("/")[-1], left
    assert any((built.build_dir / "gens" / left[0]).glob(".dumps.*"))
    run(built, "build")
    assert leftovers(built) == []
    run(built, "build")  # a third generation: the first goes
    assert leftovers(built) == [] and len(list((built.build_dir / "gens").iterdir())) == 2
    assert_one_build(built)
