"""`partnergraph review`: a real review process on a free port, driven by httpx and by headless Chromium.

The corrections land in a copy of data/ (tmp_path); the graph, `partnergraph query`, the public pages
of `partnergraph serve` and a build from scratch must all agree with them."""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from conftest import copy_project

from partnergraph.curate import read_curation
from partnergraph.settings import Settings

PAGE = "bip-83616"


class Reviewed:
    """A `partnergraph review --port 0 --no-browser` process; `url` read from the line it prints."""

    def __init__(self, root: Path, timeout: float = 240):
        env = {k: v for k, v in os.environ.items() if k != "PARTNERGRAPH_BUILD"}
        command = [sys.executable, "-m", "partnergraph.cli", "review", "--root", str(root), "--port", "0"]
        self.process = subprocess.Popen(
            [*command, "--no-browser"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            start_new_session=True,
        )
        self.output: list[str] = []
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("partnergraph review exited:\n" + "".join(self.output))
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            if match := re.search(r"review at (http://\S+/)", line):
                self.url = match.group(1)
                return
        self.kill()
        raise RuntimeError("partnergraph review printed no URL:\n" + "".join(self.output))

    def _read(self) -> None:
        for line in self.process.stdout:
            self.output.append(line)
            self.lines.put(line)

    def token(self, client: httpx.Client) -> str:
        html = client.get(self.url).text
        return re.search(r'name="review-token" content="([^"]+)"', html).group(1)

    def wait_for_graph(self, client: httpx.Client, seconds: float = 180) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            status = client.get(self.url + "api/status").json()
            assert status["error"] is None, status
            if status["graph"] == "current":
                return
            time.sleep(0.3)
        raise AssertionError("the graph was not updated in time")

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def built_copy(seed_settings, tmp_path) -> Settings:
    """A project copy with the seed build copied beside it (current: same inputs)."""
    settings = Settings(copy_project(tmp_path / "project"))
    shutil.copytree(seed_settings.build_dir, settings.build_dir)
    return settings


@pytest.fixture
def reviewed(built_copy):
    app = Reviewed(built_copy.root)
    yield app
    app.stop()


def page_cards(client: httpx.Client, url: str) -> list[tuple[str, str]]:
    """(event id, version) of each card of the seed page, as the page view renders them."""
    html = client.get(url + f"page/{PAGE}").text
    return re.findall(r'data-event="([^"]+)" data-version="([^"]+)"', html)


def test_queue_page_view_token_and_stale_tab(reviewed, built_copy):
    with httpx.Client(timeout=60) as client:
        queue_html = client.get(reviewed.url, params={"lang": "en"}).text
        assert "Queue" in queue_html and f"/page/{PAGE}" in queue_html
        confidences = [
            float(x) for x in re.findall(r"<tr class=\"value[^>]*>\s*<td>([\d.]+)</td>", queue_html)
        ]
        assert confidences and confidences == sorted(confidences)  # doubtful first
        polish = client.get(reviewed.url, params={"lang": "pl", "field": "cities"}).text
        assert "Kolejka" in polish and 'class="chip f-cities"' in polish and "f-organisations" not in polish
        assert client.get(reviewed.url + "page/nope").status_code == 404

        cards = page_cards(client, reviewed.url)
        assert len(cards) == 5
        (event, version), token = cards[0], reviewed.token(client)
        before = built_copy.curation_file.read_bytes()
        body = {"op": "accept_event", "event": event, "version": version}
        refused = client.post(reviewed.url + "api/correct", json=body)
        assert refused.status_code == 403 and "token" in refused.json()["error"]
        other_site = client.post(reviewed.url + "api/correct", json=body, headers={"X-Review-Token": "guess"})
        assert other_site.status_code == 403
        assert built_copy.curation_file.read_bytes() == before

        headers = {"X-Review-Token": token, "Accept-Language": "en"}
        assert client.post(reviewed.url + "api/correct", json=body, headers=headers).json()["ok"]
        stale_tab = client.post(
            reviewed.url + "api/correct?lang=en", json=body | {"op": "delete"}, headers=headers
        )
        assert stale_tab.status_code == 409
        assert "changed in another tab" in stale_tab.json()["error"]
        corrections = read_curation(built_copy.curation_file)
        assert list(corrections) == [event] and set(corrections[event]) == {"accept"}
        assert built_copy.curation_file.read_text().startswith("# Hand corrections")  # comments kept
        reviewed.wait_for_graph(client)
