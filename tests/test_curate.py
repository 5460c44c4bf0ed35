"""data/curation.yaml: corrections by event id, stale ones reported, malformed files refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnergraph.curate import apply_curation, read_curation
from partnergraph.errors import CurationError
from partnergraph.model import Event, Evidence
from partnergraph.reference import load_registries

REGISTRIES = load_registries(Path(__file__).resolve().parents[1] / "data" / "reference")


def event() -> Event:
    return Event(
        id="p/visit",
        source_id="p",
        title="Wizyta",
        type="StudyVisit",
        direction="incoming",
        organisations=["A", "B"],
        topics=["homelessness"],
        evidence={"organisations": [Evidence("A", 0, 1), Evidence("B", 5, 6)]},
    )


def curation(tmp_path, text: str) -> dict:
    path = tmp_path / "curation.yaml"
    path.write_text(text, encoding="utf-8")
    return read_curation(path)


def test_set_add_and_remove(tmp_path):
    corrections = curation(
        tmp_path,
        "p/visit:\n"
        "  set: {participants: students, location: {city: Berlin, country: DE}}\n"
        "  add: {topics: [youth], cities: [{name: Berlin, country: DE}]}\n"
        "  remove: {organisations: [A]}\n",
    )
    [fixed], stale = apply_curation([event()], corrections, REGISTRIES)
    assert stale == []
    assert fixed.participants == "students"
    assert fixed.location.name == "Berlin" and fixed.location.lat is not None  # linked to the registry
    assert fixed.topics == ["homelessness", "youth"]
    assert fixed.cities[0].geonames_id == 2950159
    assert fixed.organisations == ["B"] and fixed.evidence["organisations"] == [Evidence("B", 5, 6)]
    assert fixed.curated == {"participants", "location", "topics", "cities", "organisations"}


def test_the_original_event_is_not_changed(tmp_path):
    original = event()
    apply_curation([original], curation(tmp_path, "p/visit:\n  remove: {organisations: [A]}\n"), REGISTRIES)
    assert original.organisations == ["A", "B"] and not original.curated


def test_stale_corrections_are_reported(tmp_path):
    corrections = curation(
        tmp_path, "p/gone:\n  set: {type: Meeting}\np/visit:\n  remove: {organisations: [Z]}\n"
    )
    _events, stale = apply_curation([event()], corrections, REGISTRIES)
    assert stale == ["p/gone: no such event", "p/visit: remove organisations 'Z': not extracted"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("p/visit: [1, 2]\n", "expected only set, add, remove"),
        ("p/visit:\n  replace: {type: Meeting}\n", "expected only set, add, remove"),
        ("p/visit:\n  set: {colour: red}\n", "unknown field"),
        ("p/visit:\n  add: {type: [Meeting]}\n", "unknown field"),
        ("p/visit: {set: {type: [}\n", "not valid YAML"),
    ],
)
def test_a_malformed_file_is_refused(tmp_path, text, message):
    with pytest.raises(CurationError, match=message):
        curation(tmp_path, text)


def test_no_file_means_no_corrections(tmp_path):
    assert read_curation(tmp_path / "absent.yaml") == {}


def test_accept_delete_create_and_add_with_a_span(tmp_path):
    page_event = Event(
        id="p/visit",
        source_id="p",
        title="Wizyta",
        type="StudyVisit",
        text="Wizyta Fundacji Iskra.",
        text_start=100,
    )
    other = Event(id="p/invented", source_id="p", title="Nic")
    corrections = curation(
        tmp_path,
        "p/visit:\n"
        "  accept: {type: StudyVisit, title: Wizyta}\n"
        "  add: {organisations: [{name: Fundacja Iskra, at: [107, 121]}]}\n"
        "p/invented: {delete: true}\n"
        "p/missed:\n"
        "  create: {title: Spotkanie, at: [300, 320], quote: Spotkanie w Wiedniu.}\n"
        "  add: {cities: [{name: Vienna, country: AT}]}\n"
        "q/elsewhere: {create: {title: Other page}}\n",
    )
    fixed, stale = apply_curation([page_event, other], corrections, REGISTRIES)
    assert [e.id for e in fixed] == ["p/visit", "p/missed"]  # q/ is another page's: not created here
    visit, missed = fixed
    assert visit.organisations == ["Fundacja Iskra"]
    assert visit.evidence["organisations"] == [Evidence("Fundacji Iskra", 107, 121)]
    assert visit.curated == {"type", "title", "organisations"}
    assert missed.title == "Spotkanie" and missed.evidence["title"] == [
        Evidence("Spotkanie w Wiedniu.", 300, 320)
    ]
    assert missed.cities[0].name == "Vienna" and missed.source_id == "p"
    assert stale == []
    _, stale = apply_curation(
        [page_event], curation(tmp_path, "p/visit:\n  accept: {type: Meeting}\n"), REGISTRIES
    )
    assert stale == ["p/visit: accept type 'Meeting': not extracted"]


def test_delete_and_create_are_checked(tmp_path):
    with pytest.raises(CurationError, match="delete: expected true"):
        curation(tmp_path, "p/visit: {delete: yes please}\n")
    with pytest.raises(CurationError, match="create: expected a mapping with a title"):
        curation(tmp_path, "p/visit: {create: {at: [1, 2]}}\n")
