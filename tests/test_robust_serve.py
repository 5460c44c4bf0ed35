"""`partnergraph serve` (which builds first when the inputs changed) after a bad edit of a data file:
as `query` does (issue 12 item 9), it serves the previous build, whole, with a one-line warning,
instead of refusing to start and taking the site down."""

from __future__ import annotations

import shutil

import httpx
from conftest import copy_project
from test_web import Served

from partnergraph.settings import Settings


def test_serve_keeps_serving_the_previous_build_after_a_bad_data_file(seed_settings, tmp_path):
    settings = Settings(copy_project(tmp_path / "project"))
    shutil.copytree(seed_settings.build_dir, settings.build_dir, symlinks=True)
    with open(settings.root / "data" / "reference" / "countries.csv", "a", encoding="utf-8") as registry:
        registry.write("XX\n")  # a row with one cell of four
    served = Served(settings.root, build=True)
    try:
        page = httpx.get(
            served.url + "partnergraph/id/country/de", headers={"Accept": "text/turtle"}, timeout=30
        )
        assert page.status_code == 200
        warning = [line for line in served.output if "previous build" in line]
        assert warning and "countries.csv:" in warning[0] and "wrong number of cells" in warning[0]
    finally:
        served.stop()
