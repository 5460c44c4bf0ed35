"""One scan for many cue patterns finds what each pattern's own finditer finds: overlapping cues of one
word, cues inside another cue's match, case-sensitive parts, lookbehinds and cues no first letter guards."""

from __future__ import annotations

import re

from conftest import SHARED

from partnergraph.extract import classify
from partnergraph.extract._cues import CueScan


def _each(patterns: list[str], text: str) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in re.finditer(r"(?<!\w)(?:" + p + ")", text, re.I)] for p in patterns]


def test_one_scan_finds_every_cues_own_matches():
    patterns = [
        r"(wizyt|podróż|wyjazd)\w* studyjn",
        r"wizyt",
        r"spotka(nie|nia)\b",
        r"spotkani[ae] (robocz|partner)",
        r"przekaza(ł|li)\b.{0,40}\b(dla|na rzecz)",
        r"dla",
        r"(?-i:Ośrod\w*)",
        r"\d+\s+osób",
        r"(?<=pomoc )dla dzieci",
        r"(?<!miasta )partner\w*",
    ]
    text = (
        "Wizyta studyjna i rewizyta. Spotkanie robocze partnerów: przekazali dary dla Ośrodka, ośrodek "
        "dla 30 osób. Pomoc dla dzieci, wsparcie dla dzieci; miasta partnerskie, PARTNERZY, WIZYTY."
    )
    scan = CueScan(patterns)
    assert scan.find(text) == _each(patterns, text)
    assert scan.find("") == [[] for _ in patterns]


def test_the_type_and_topic_lexicons_match_as_before_on_real_pages():
    type_patterns = [p for cues in classify.TYPE_CUES.values() for p, _w in cues]
    topic_patterns = [r"(?:" + p + r")(?!\w)" for _t, p in classify.TOPIC_CUES]
    pages = sorted((SHARED / "eval" / "dev-other" / "pages").glob("*.txt")) + sorted(
        (SHARED / "seeds").glob("*.txt")
    )
    assert len(pages) >= 20
    for patterns in (type_patterns, topic_patterns):
        scan = CueScan(patterns)
        for page in pages:
            text = page.read_text(encoding="utf-8")
            assert scan.find(text) == _each(patterns, text), page.name


def test_what_may_match_nothing_lets_the_next_letters_guard_a_cue():
    from partnergraph.extract._cues import _first_letters

    assert _first_letters(r"(?:(?<=pomoc )|(?<=opieka ))dla dzieci") == {"d"}
    assert _first_letters(r"(rodzinn\w+ )?opiek\w* zastępcz") == {"r", "o"}
    assert _first_letters(r"(?<!#)(?:senior\w*|(?<!nie)usług\w*)") == {"s", "u"}
    assert _first_letters(r"(?:ab)*c|d") == {"a", "c", "d"}
    assert _first_letters(r"x?") is None  # may match nothing: any start
    assert _first_letters(r"\d+\s+palet") is None  # a digit: no letter guards it
    patterns = [r"(?:(?<=pomoc )|(?<=opieka ))dla dzieci", r"(rodzinn\w+ )?opiek\w*", r"(?:ab)*c|d"]
    text = "Pomoc dla dzieci, opieka dla dzieci i dla dzieci; rodzinna opieka, Opieki, ababc, abd, c."
    assert CueScan(patterns).find(text) == _each(patterns, text)
