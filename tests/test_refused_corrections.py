"""`build` and `add` carry on past a correction the graph refuses (SHACL): its event goes into the graph as
extracted, every other correction is applied, and the refused one is named (the event, data/curation.yaml,
the broken rule) in the command's output and in build/report.json, where the review's status finds it. The
real CLI in child processes."""

from __future__ import annotations

import json

from conftest import copy_built, run_partnergraph
from test_add import PAGE as NEW_PAGE
from test_review import PAGE
from test_review_retry import curated_events

EVENT_TYPE = "<https://w3id.org/partnergraph/def/eventType>"
REFUSED = f"{PAGE}/udzial-przedstawicieli-mops-w-spotkaniach-w-ramach-projektu"  # its type taken off
NEW_REFUSED = "bip-90417/wizyta-delegacji-ze-lwowa-w-miejskim-osrodku-pomocy"  # on the page `add` brings
ACCEPTED = "bip-27120"  # a page whose first event is accepted beside them


def lines_of(dump: str, event: str) -> list[str]:
    return [
        x for x in dump.splitlines() if x.startswith(f"<https://w3id.org/partnergraph/id/event/{event}> ")
    ]


def test_build_and_add_carry_on_past_a_refused_correction(seed_settings, tmp_path):
    """Before: `build` exited 1 with the SHACL report and wrote nothing; `add` refused the page."""
    project = copy_built(seed_settings, tmp_path / "project")
    dump = project.dumps_dir / "partnergraph.nq"
    extracted = lines_of(dump.read_text(encoding="utf-8"), REFUSED)
    accepted = next(  # the first event of the other page
        x.split(">", 1)[0].rsplit("/event/", 1)[1]
        for x in dump.read_text(encoding="utf-8").splitlines()
        if x.startswith(f"<https://w3id.org/partnergraph/id/event/{ACCEPTED}/")
    )
    project.curation_file.write_text(
        f"{REFUSED}:\n  set: {{type: null}}\n"
        f"{NEW_REFUSED}:\n  set: {{type: null}}\n"
        f"{accepted}:\n  accept: {{type: Meeting}}\n",
        encoding="utf-8",
    )

    built = run_partnergraph(project.root, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    out = built.stdout.splitlines()
    heading = out.index("corrections the graph refuses, left out: their events stay as extracted (1):")
    assert (
        out[heading + 1].startswith(f"  {project.curation_file}: {REFUSED}: ")
        and "Event has no type" in out[heading + 1]
    ), built.stdout
    text = dump.read_text(encoding="utf-8")
    assert lines_of(text, REFUSED) == extracted  # as extracted, with its type
    assert accepted in curated_events(text)  # the other correction applied
    report = json.loads((project.build_dir / "report.json").read_text(encoding="utf-8"))
    assert list(report["refused_curations"]) == [REFUSED]

    page = tmp_path / "strona.html"
    page.write_text(NEW_PAGE, encoding="utf-8")
    added = run_partnergraph(project.root, "add", str(page))
    assert added.returncode == 0, added.stdout + added.stderr
    assert "incrementally" in added.stdout, added.stdout
    [line] = [x for x in added.stdout.splitlines() if NEW_REFUSED in x and "refused" in x]
    assert "refused by the graph, left out" in line and "Event has no type" in line, added.stdout
    text = dump.read_text(encoding="utf-8")
    assert any(EVENT_TYPE in x for x in lines_of(text, NEW_REFUSED))  # as extracted
    report = json.loads((project.build_dir / "report.json").read_text(encoding="utf-8"))
    assert sorted(report["refused_curations"]) == sorted([REFUSED, NEW_REFUSED])

    fresh = tmp_path / "fresh"  # a full build of the same inputs gives the same graph
    rebuilt = run_partnergraph(project.root, "build", env={"PARTNERGRAPH_BUILD": str(fresh)})
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    assert (fresh / "dumps" / "partnergraph.nq").read_bytes() == dump.read_bytes()
