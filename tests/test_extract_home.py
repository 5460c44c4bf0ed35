"""Pages of other publishers: the home organisation in MOPS's role (../shared/eval/GOLD-CONVENTIONS.md,
"Pages of other publishers"), and probe pages of layouts beyond the bulletin's, each with gold annotated
before the extractor ran on it (tests/data/extract-other, `home`/`home_city` in its manifest)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import score_probes

from partnergraph.extract import extract_document
from partnergraph.extract.home import Home, home_of
from partnergraph.model import Page
from partnergraph.sources import read_page

ROOT = Path(__file__).resolve().parents[1]
OTHER = Path(__file__).parent / "data" / "extract-other"
MANIFEST = {e["file"]: e for e in json.loads((OTHER / "manifest.json").read_text(encoding="utf-8"))}


@pytest.mark.parametrize("name", sorted(MANIFEST), ids=lambda n: Path(n).stem)
def test_a_page_of_another_publisher_scores_against_its_gold(name, registries, score, tmp_path):
    events_f1, macro, f1 = score_probes("extract-other", registries, score, tmp_path, files={name})
    assert events_f1 == 1.0
    assert macro >= 0.8, f1


@pytest.mark.parametrize(
    "written",
    [
        "Miejski Ośrodek Pomocy Rodzinie w Gdańsku",
        "Miejski Ośrodek Pomocy Rodzinie",
        "Miejskiego Ośrodka Pomocy Rodzinie w Gdańsku",
        "MOPR",
        "MOPR w Gdańsku",
        "MOPR Gdańsk",
    ],
)
def test_the_home_is_known_by_its_name_its_case_forms_and_its_acronym(written):
    home = Home("Miejski Ośrodek Pomocy Rodzinie w Gdańsku", "Gdańsk", default=False)
    assert home.is_home(written)


@pytest.mark.parametrize(
    "written", ["MOPS", "Miejski Ośrodek Pomocy Społecznej w Gdańsku", "MOPR w Sopocie", "Ośrodek"]
)
def test_other_bodies_are_not_the_home(written):
    assert not Home("Miejski Ośrodek Pomocy Rodzinie w Gdańsku", "Gdańsk", default=False).is_home(written)


@pytest.mark.parametrize(
    ("home", "written", "same"),
    [
        ("Starostwo Powiatowe w Jaśle", "Powiat Jasielski", True),
        ("Starostwo Powiatowe w Jaśle", "Powiecie Jasielskim", True),
        ("Powiat Cieszyński", "Starostwa Powiatowego w Cieszynie", True),
        ("Starostwo Powiatowe w Jaśle", "Powiat Krośnieński", False),
        ("Starostwo Powiatowe w Jaśle", "Gmina Jasło", False),
    ],
)
def test_a_county_is_its_starostwo(home, written, same):
    assert Home(home, None, default=False).is_home(written) is same


def test_the_default_home_is_mops_krakow_from_the_registries(registries):
    home = home_of(None, None, registries)
    assert (home.name, home.city, home.default) == (
        "Miejski Ośrodek Pomocy Społecznej w Krakowie",
        "Kraków",
        True,
    )
    assert home_of("MOPS w Krakowie", None, registries).default


TEXT = (
    "Goście z Ostrawy w MOPS\n\n"
    "W dniu 12 maja 2016 r. Miejski Ośrodek Pomocy Społecznej w Przasnyszu gościł pracowników socjalnych z "
    "Ostrawy, którzy poznali pracę Klubu Integracji Społecznej.\n"
)


def test_another_home_is_not_listed_hosts_the_incoming_event_and_has_no_units(registries):
    page = Page(
        "x", "x.txt", TEXT, home="Miejski Ośrodek Pomocy Społecznej w Przasnyszu", home_city="Przasnysz"
    )
    (ev,) = extract_document(page, registries)["events"]
    assert ev["location"] == {"city": "Przasnysz", "country": "PL"}
    assert ev["direction"] == "incoming"
    assert not any("Przasnysz" in o for o in ev["organisations"])
    assert ev["units"] == []
    (ev,) = extract_document(Page("x", "x.txt", TEXT), registries)["events"]
    assert ev["location"] == {"city": "Kraków", "country": "PL"}  # the default home's city


def test_a_home_city_in_english_and_a_home_without_one(registries):
    page = Page("x", "x.txt", TEXT, home="Fundacja Przykładowa", home_city="Warszawa")
    assert extract_document(page, registries)["events"][0]["location"] == {"city": "Warsaw", "country": "PL"}
    page = Page("x", "x.txt", TEXT, home="Fundacja Przykładowa")
    assert extract_document(page, registries)["events"][0]["location"] == {"city": None, "country": "PL"}


def test_the_cli_takes_the_home_from_flags_and_from_the_manifest(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(TEXT, encoding="utf-8")
    cmd = [sys.executable, "-m", "partnergraph.cli", "extract", str(page), "--json"]
    flags = ["--home", "MOPS w Przasnyszu", "--home-city", "Przasnysz"]
    out = subprocess.run(cmd + flags, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert json.loads(out)["events"][0]["location"]["city"] == "Przasnysz"
    (tmp_path / "manifest.json").write_text(
        json.dumps([{"file": "p.txt", "home": "MOPS w Przasnyszu", "home_city": "Przasnysz"}]),
        encoding="utf-8",
    )
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert json.loads(out)["events"][0]["location"]["city"] == "Przasnysz"


def test_every_value_has_a_confidence_between_0_and_1(registries):
    doc = extract_document(read_page(ROOT / ".." / "shared" / "seeds" / "bip-83616.txt"), registries)
    for ev in doc["events"]:
        conf = ev["confidence"]
        for field in ("cities", "countries", "organisations", "persons", "topics", "units"):
            assert len(conf[field]) == len(ev[field])
            assert all(0 <= c <= 1 for c in conf[field])
        for field in ("start", "type", "direction", "location"):
            assert (field in conf) == (ev[field] is not None)
            assert 0 <= conf.get(field, 0) <= 1
        for evidence in ev["evidence"].values():
            assert all(0 <= e["confidence"] <= 1 for e in evidence)


def test_an_articles_headline_split_over_lines_under_its_date_line(registries):
    page = read_page(OTHER / "krakow-portal-split.txt", year=2019)
    (ev,) = extract_document(page, registries)["events"]
    assert ev["title"] == "Delegacja z Norymbergi w Krakowie"
    assert (ev["start"], ev["end"]) == ("2019-03-11", "2019-03-12")  # not the date line's 12.03


def test_sidebar_news_a_repeated_headline_and_a_photo_credit_are_not_the_article(registries):
    text = (
        "Aktualności\n\nWizyta studentów z Pragi\n02.05.2018\nSpotkanie z wolontariuszami w Brnie [ ... ]\n\n"
        "Goście z Wiednia w Fundacji\n\n08.06.2018 12:57 | 0 komentarzy | redakcja\n\n"
        "We wtorek, 5 czerwca 2018 r., Fundację odwiedzili pracownicy socjalni z Wiednia, którzy poznali "
        "nasze programy wsparcia osób bezdomnych i mieszkania treningowe.\n\nGoście z Wiednia w Fundacji\n"
        "Fot. Jan Nowak\n\nKomentarze\nŚwietna wizyta w Brnie!\n"
    )
    (ev,) = extract_document(Page("x", "x.txt", text, year=2018), registries)["events"]
    assert (ev["title"], ev["start"]) == ("Goście z Wiednia w Fundacji", "2018-06-05")
    assert ev["persons"] == [] and [c["name"] for c in ev["cities"]] == ["Vienna"]


def test_a_partner_that_did_not_come_is_neither_an_organisation_nor_a_city(registries, tmp_path):
    path = tmp_path / "lipsk.txt"
    path.write_text(
        "Spotkanie partnerów w Lipsku\n\nW dniach 26-27 czerwca 2018 r. w Lipsku odbyło się spotkanie partnerów "
        "projektu. Gospodarzem była Stadt Leipzig. Partner z Frankfurtu nad Odrą – Stadt Frankfurt (Oder) – nie "
        "mógł uczestniczyć w spotkaniu.\n",
        encoding="utf-8",
    )
    (event,) = extract_document(read_page(path), registries)["events"]
    assert event["organisations"] == ["Stadt Leipzig"]
    assert [c["name"] for c in event["cities"]] == ["Leipzig"]
