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


def test_a_cues_head_is_what_its_matches_may_begin_with():
    from partnergraph.extract._cues import HEAD, _heads

    assert HEAD == 5
    assert _heads(r"(?:(?<=pomoc )|(?<=opieka ))dla dzieci") == {("d", "l", "a", r"\ ", "d")}
    assert _heads(r"(rodzinn\w+ )?opiek\w* zastępcz") == {tuple("rodzi"), tuple("opiek")}
    assert _heads(r"(?<!#)(?:senior\w*|(?<!nie)usług\w*)") == {tuple("senio"), tuple("usług")}
    assert _heads(r"(?:ab)*c|d") == {("a", "b"), ("c",), ("d",)}  # after one repetition: not followed
    assert _heads(r"dar(y|ów)?\b") == {tuple("dar"), tuple("dary"), tuple("darów")}
    assert _heads(r"\d+\s+palet") == {(r"[\d]",)}
    assert _heads(r"[^a]bc") == {()} and _heads(r"x?") == {(), ("x",)}  # may begin anywhere
    patterns = [r"(?:(?<=pomoc )|(?<=opieka ))dla dzieci", r"(rodzinn\w+ )?opiek\w*", r"(?:ab)*c|d"]
    text = "Pomoc dla dzieci, opieka dla dzieci i dla dzieci; rodzinna opieka, Opieki, ababc, abd, c."
    assert CueScan(patterns).find(text) == _each(patterns, text)


def test_cues_that_may_begin_anywhere_and_the_engines_own_case_folding():
    """A cue that may match nothing or begin with any character is tried at every start, also before a
    space or a comma; a head fits by the engine's case folding ("ſ" is an "s", "K" the Kelvin sign a "k")."""
    patterns = [r"x?", r"[^\w]\s*dla", r"spotka\w*", r"konferencj\w*", r"(?-i:Ośrod\w*)", r"ab"]
    text = "ſpotkanie, Konferencja \u212aonferencji, OśRODEK, Ośrodek (  dla), ab a b ab"
    for part in (text, text[:3], text[-2:], "a", ""):
        assert CueScan(patterns).find(part) == _each(patterns, part), part
