"""Every probe set (tests/data/<set>/, issue #11) extracted and scored as ../shared/eval/extract_set.py and
score.py do, against the floors tests/data/probe-floors.toml gives it: events F1, fields macro F1 and single
fields' F1. A set's rule tests stay in its own tests/test_extract_<area>_probeN.py."""

from __future__ import annotations

import tomllib

import pytest
from conftest import DATA, assert_floors, score_probes

FLOORS = tomllib.loads((DATA / "probe-floors.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", FLOORS)
def test_a_probe_set_scores_at_least_its_floors(folder, registries, score):
    events_f1, macro, f1 = score_probes(folder, registries, score)
    assert_floors(f1 | {"events": events_f1, "macro": macro}, FLOORS[folder])


def test_every_probe_set_has_floors_and_every_row_a_set():
    """A set scored as extract_set.py scores it (one with a manifest.json) is scored here, against floors."""
    scored = {manifest.parent.name for manifest in DATA.glob("*-probe*/manifest.json")}
    assert scored == set(FLOORS), (
        f"without floors: {scored - set(FLOORS)}; no such set: {set(FLOORS) - scored}"
    )
