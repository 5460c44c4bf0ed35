"""Shared fixtures: a copy of the project (data/, ontology/, queries/) built once per test session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).parent / "data"


def copy_project(target: Path) -> Path:
    """A fresh project folder with the repository's data, ontology and saved queries."""
    for name in ("data", "ontology", "queries"):
        shutil.copytree(ROOT / name, target / name)
    return target


def copy_built(seed_settings, target: Path):
    """A project copy with the seed build copied beside it, its links kept (current: same inputs)."""
    from partnergraph.settings import Settings

    settings = Settings(copy_project(target))
    shutil.copytree(seed_settings.build_dir, settings.build_dir, symlinks=True)
    return settings


def run_partnergraph(root: Path, *args: str, env: dict | None = None, **run) -> subprocess.CompletedProcess:
    """`partnergraph ARGS --root ROOT` in a child process, text in and out, which does not inherit this
    process's PARTNERGRAPH_BUILD or PARTNERGRAPH_ROOT (`env` adds variables; `run` goes to subprocess.run)."""
    clean = {k: v for k, v in os.environ.items() if k not in ("PARTNERGRAPH_BUILD", "PARTNERGRAPH_ROOT")}
    command = [sys.executable, "-m", "partnergraph.cli", *args, "--root", str(root)]
    run.setdefault("timeout", 300)
    return subprocess.run(command, capture_output=True, text=True, env=clean | (env or {}), **run)


def read_probe(folder: str, entry: dict):
    """The page of one entry of tests/data/`folder`/manifest.json, read with the entry's url, year, home and
    home_city as ../shared/eval/extract_set.py passes them to `extract`."""
    from partnergraph.sources import read_page

    keys = ("url", "year", "home", "home_city")
    return read_page(DATA / folder / entry["file"], **{key: entry.get(key) for key in keys})


def score_documents(score, gold: dict[str, dict], pred: dict[str, dict]) -> tuple[float, float, dict]:
    """score.py's events F1, fields macro F1 and per-field table of the documents `pred` against `gold` (both
    by page name), each read back from JSON as `extract_set.py`'s files are."""

    def as_read(docs: dict[str, dict]) -> dict[str, dict]:
        return {name: json.loads(json.dumps(doc, ensure_ascii=False)) for name, doc in docs.items()}

    return score.score(as_read(gold), as_read(pred), verbose=False)


def score_probes(
    folder: str, registries, score, tmp_path=None, files=None
) -> tuple[float, float, dict[str, float]]:
    """Events F1, fields macro F1 and each field's F1 of the probe set tests/data/`folder` (or of its
    `files` alone) extracted and scored against its gold as `extract_set.py` and score.py do (`tmp_path` is
    no longer needed, and kept for the callers that pass it)."""
    from partnergraph.extract import extract_document

    entries = json.loads((DATA / folder / "manifest.json").read_text(encoding="utf-8"))
    gold, pred = {}, {}
    for entry in entries:
        if files is not None and entry["file"] not in files:
            continue
        stem = Path(entry["file"]).stem
        pred[stem] = extract_document(read_probe(folder, entry), registries)
        gold[stem] = json.loads((DATA / folder / f"{stem}.json").read_text(encoding="utf-8"))
    events_f1, macro, table = score_documents(score, gold, pred)
    return events_f1, macro, {field: value[2] for field, value in table.items()}


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory):
    """Settings of a project copy whose graph has been built from the two seed pages."""
    from partnergraph.build import build
    from partnergraph.settings import Settings

    settings = Settings(copy_project(tmp_path_factory.mktemp("seed")))
    build(settings)
    return settings


@pytest.fixture(scope="session")
def seed_store(seed_settings):
    """(settings, store): the embedded store of the seed graph, opened read-only."""
    from partnergraph.store import EmbeddedStore

    store = EmbeddedStore(seed_settings.store_dir, read_only=True)
    yield seed_settings, store
    store.close()


@pytest.fixture(scope="module")
def server(seed_store, request):
    """A `partnergraph serve` process on the seed build for one test module, started with the module's
    `SERVE_OPTIONS` (a tuple of command-line options)."""
    from test_web import Served

    settings, _store = seed_store
    served = Served(settings.root, *getattr(request.module, "SERVE_OPTIONS", ()))
    yield served
    served.stop()
    assert served.process.returncode is not None


@pytest.fixture(scope="module")
def client(server):
    """An httpx client of the module's server."""
    import httpx

    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (Debian's, driven by Playwright) for one test module."""
    from chromium import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def registries():
    """The registries of data/reference, as extraction reads them."""
    from partnergraph.reference import load_registries

    return load_registries(ROOT / "data" / "reference")


@pytest.fixture(scope="module")
def score():
    """The evaluation's scorer (../shared/eval/score.py) as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def project(tmp_path) -> Path:
    """A private copy of the project for a test that changes data or builds."""
    return copy_project(tmp_path / "project")


def synthetic_nquads(events: int, seed: int, **options) -> bytes:
    """The sorted N-Quads of `events` synthetic events in the real model (benchmarks/generate.py)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "pg_benchmarks_generate", ROOT / "benchmarks" / "generate.py"
    )
    generate = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generate  # dataclasses look their module up there
    spec.loader.exec_module(generate)
    return generate.generate_nquads(events, seed=seed, **options)


def synthetic_store(events: int, seed: int):
    """`events` synthetic events in the real model (benchmarks/generate.py), in a store in memory."""
    from partnergraph.store import EmbeddedStore

    store = EmbeddedStore()
    store.load_nquads(synthetic_nquads(events, seed))
    return store


def extract_events(text: str, registries, **page) -> list[dict]:
    """The events `extract` finds in `text`, read as a page of the given url, year, home, home_city."""
    from partnergraph.extract import extract_document
    from partnergraph.model import Page

    return extract_document(Page("x", "x.txt", text, **page), registries)["events"]


def one_event(text: str, registries, heading: str = "Wizyta w Krakowie") -> dict:
    """The one event `extract` finds in a report of 14 June 2022 under `heading` whose text is `text`."""
    (ev,) = extract_events(f"{heading}\n\nW dniu 14 czerwca 2022 r. {text}\n", registries)
    return ev


def assert_floors(f1: dict[str, float], floor: dict[str, float]) -> None:
    """Each field of `floor` scores at least its floor in `f1` (a score_probes table); a failure lists them."""
    below = {field: round(f1[field], 3) for field in floor if f1[field] < floor[field]}
    assert not below, f"below their floors {floor}: {below}"


def city_pairs(event: dict) -> list[tuple[str, str]]:
    """An extracted event's cities as (name, country) pairs."""
    return [(city["name"], city["country"]) for city in event["cities"]]
