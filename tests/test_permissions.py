"""Files and folders that partnergraph writes get the permissions the user's umask gives (0644 and 0755
under umask 022), so that a web server running as another user can serve a published site."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_built

from partnergraph.settings import Settings

PAGE = Path(__file__).parent / "data" / "bulletin" / "wspolpraca-2019.html"


def run(settings: Settings, umask: int, *args: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PARTNERGRAPH_BUILD", "PARTNERGRAPH_ROOT")}
    result = subprocess.run(
        [sys.executable, "-m", "partnergraph.cli", *args, "--root", str(settings.root)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        preexec_fn=lambda: os.umask(umask),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_written_files_follow_the_umask(seed_settings, tmp_path, umask):
    settings = copy_built(seed_settings, tmp_path / "project")
    saved = tmp_path / "strona.html"
    shutil.copyfile(PAGE, saved)
    run(settings, umask, "add", str(saved))
    run(settings, umask, "view", "--out", str(tmp_path / "network.html"))
    run(settings, umask, "network", "export", "--format", "gexf", "--out", str(tmp_path / "network.gexf"))
    site = tmp_path / "site"
    run(settings, umask, "publish", str(site))

    files = [
        settings.sources_dir / "bip-90417.txt",
        settings.sources_dir / "bip-90417.html",
        settings.sources_dir / "manifest.json",
        settings.build_dir / "report.json",
        settings.build_dir / "state.json",
        settings.dumps_dir / "partnergraph.nq",
        tmp_path / "network.html",
        tmp_path / "network.gexf",
        site / "index.html",
        site / "partnergraph" / "dumps" / "partnergraph.ttl",
        site / "static" / "portal.css",
    ]
    folders = [settings.dumps_dir, settings.build_dir / "current", site, site / "partnergraph" / "dumps"]
    folders.append(site / "static" / "dist")
    expected_file, expected_folder = 0o666 & ~umask, 0o777 & ~umask
    assert {str(p): oct(mode(p)) for p in files} == {str(p): oct(expected_file) for p in files}
    assert {str(p): oct(mode(p)) for p in folders} == {str(p): oct(expected_folder) for p in folders}
    # every file and folder of the published site
    assert {oct(mode(p)) for p in site.rglob("*") if p.is_file()} == {oct(expected_file)}
    assert {oct(mode(p)) for p in site.rglob("*") if p.is_dir()} <= {oct(expected_folder)}
