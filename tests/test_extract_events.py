"""Pages to events end to end: the seed pages scored against the gold, fixtures field by field,
evidence spans, ids, the year, bad input, and the extract command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from partnergraph.cli import main as cli_main
from partnergraph.extract import extract_document, extract_events
from partnergraph.model import Page
from partnergraph.sources import read_page

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).parents[1] / ".." / "shared"
PAGES = Path(__file__).parent / "data" / "pages"


def events_of(name: str, registries, **kw) -> dict[str, dict]:
    doc = extract_document(read_page(PAGES / name, **kw), registries)
    return {e["title"]: e for e in doc["events"]}


def test_seed_pages_score_against_the_gold(registries, score, tmp_path):
    manifest = {e["file"]: e for e in json.loads((ROOT / "data" / "sources" / "manifest.json").read_text())}
    for name in ("bip-83616", "bip-27120"):
        entry = manifest[f"{name}.txt"]
        page = read_page(SHARED / "seeds" / f"{name}.txt", url=entry["url"], year=entry["year"])
        doc = extract_document(page, registries)
        (tmp_path / f"{name}.json").write_text(json.dumps(doc, ensure_ascii=False))
    gold = score.load(SHARED / "eval" / "gold")
    events_f1, macro, table = score.score(gold, score.load(tmp_path), verbose=False)
    assert events_f1 == 1.0
    assert macro >= 0.95, {f: round(v[2], 3) for f, v in table.items()}


def test_seed_years_come_from_the_page_without_the_manifest(registries):
    for name, year in (("bip-83616", 2017), ("bip-27120", 2010)):
        doc = extract_document(read_page(SHARED / "seeds" / f"{name}.txt"), registries)
        assert doc["document"]["year"] == year
        assert all(e["start"] is None or e["start"].startswith(str(year)) for e in doc["events"])


def test_place_forms_in_a_page(registries):
    ev = events_of("places-2016.txt", registries)
    assert len(ev) == 10
    e = ev["Wizyta urzędników z Helsinek"]
    assert (e["start"], e["type"], e["direction"], e["participants"]) == (
        "2016-03-04",
        "StudyVisit",
        "incoming",
        "officials",
    )
    assert e["location"] == {"city": "Kraków", "country": "PL"}
    assert e["cities"] == [{"name": "Helsinki", "country": "FI"}] and e["countries"] == ["FI"]
    assert e["units"] == ["Klub Integracji Społecznej"] and e["topics"] == ["unemployment"]
    assert ev["Spotkanie z wolontariuszami z Sztokholmu"]["cities"] == [
        {"name": "Stockholm", "country": "SE"}
    ]
    assert ev["Studenci z Antwerpii w MOPS"]["cities"] == [{"name": "Antwerp", "country": "BE"}]
    e = ev["Wizyta studyjna w Utrechcie"]
    assert (e["direction"], e["location"], e["start"], e["end"]) == (
        "outgoing",
        {"city": "Utrecht", "country": "NL"},
        "2016-04-05",
        "2016-04-07",
    )
    e = ev["Wizyta pracowników socjalnych z Republiki Czeskiej"]
    assert (e["cities"], e["countries"], e["participants"]) == ([], ["CZ"], "professionals")
    e = ev["Konferencja w Paderborn"]
    assert (e["type"], e["location"], e["topics"]) == (
        "Conference",
        {"city": "Paderborn", "country": "DE"},
        ["mental_health"],
    )
    e = ev["Darowizna od Rotary Club Meerbusch w Neuss"]
    assert (e["type"], e["direction"], e["location"]["city"]) == ("Donation", "incoming", "Kraków")
    assert e["cities"] == [{"name": "Neuss", "country": "DE"}]  # Meerbusch is only in the club's name
    assert e["organisations"] == ["Rotary Club Meerbusch"]
    e = ev["Seminarium w Landshut"]
    assert (e["cities"], e["countries"], e["topics"]) == (
        [{"name": "Landshut", "country": "DE"}],
        ["DE"],
        ["foster_care"],
    )
    e = ev["Projekt na Azorach"]
    assert e["cities"] == [{"name": "Glasgow", "country": "GB"}] and "PT" not in e["countries"]
    e = ev["Wizyta z regionu Trøndelag"]
    assert (e["cities"], e["countries"], e["direction"]) == ([], ["NO"], "incoming")


def test_numbered_page_with_all_its_forms(registries):
    ev = list(events_of("numbered-2014.txt", registries).values())
    assert [e["start"] for e in ev] == ["2014-12-02", "2013-01-21", "2014-10", "2014-09-30", "2014-06-12"]
    assert [e["end"] for e in ev] == ["2014-12-10", "2013-01-21", "2014-10", "2014-10-03", "2014-06-12"]
    assert [e["type"] for e in ev] == ["StudyVisit", "Conference", "StudyVisit", "Conference", "StudyVisit"]
    assert [e["direction"] for e in ev] == ["incoming", "outgoing", "incoming", "outgoing", "incoming"]
    assert [[c["name"] for c in e["cities"]] for e in ev] == [
        ["Edinburgh"],
        ["London"],
        ["Nantes"],
        ["Landshut"],
        ["Sola"],
    ]
    assert ev[0]["persons"] == ["Anna Kowalska"] and ev[0]["units"] == ["Filia nr 9"]
    assert ev[1]["organisations"] == ["Homeless Link"] and ev[1]["location"] == {
        "city": "London",
        "country": "GB",
    }
    assert ev[2]["organisations"] == ["Université de Nantes"] and ev[2]["countries"] == ["FR"]
    assert ev[4]["countries"] == ["NO"] and ev[4]["topics"] == ["domestic_violence"]


def test_without_any_year_dates_have_no_year(registries, tmp_path):
    p = tmp_path / "noyear.txt"
    p.write_text(
        "Wizyta grupy seniorów z Lipska\n\nW dniu 12 grudnia grupa seniorów z Lipska odwiedziła MOPS.\n\n"
        "Wizyta studentów z Kolonii\n\nW październiku br. studenci z Kolonii poznali pracę MOPS.\n"
    )
    doc = extract_document(read_page(p), registries)
    assert doc["document"]["year"] is None
    assert [(e["start"], e["end"]) for e in doc["events"]] == [("--12-12", "--12-12"), ("--10", "--10")]
    doc = extract_document(read_page(p, year=2012), registries)
    assert [e["start"] for e in doc["events"]] == ["2012-12-12", "2012-10"]


def test_year_of_year_less_dates_comes_from_the_other_events(registries):
    ev = events_of("archive-glued.txt", registries)
    assert ev["Wizyta grupy seniorów z Lipska"]["start"] == "2009-12-12"
    assert ev["Spotkanie partnerów projektu w Wilnie"]["projects"] == ["Razem dla rodziny"]
    assert ev["Spotkanie partnerów projektu w Wilnie"]["type"] == "Meeting"


def test_cut_off_page_keeps_its_last_event(registries):
    ev = events_of("cutoff.txt", registries)
    e = ev["Wizyta delegacji z Kijowa"]
    assert (e["start"], e["cities"], e["participants"]) == (
        "2011-03-17",
        [{"name": "Kyiv", "country": "UA"}],
        "officials",
    )


def test_html_page(registries):
    (e,) = events_of("page.html", registries).values()
    assert (e["title"], e["start"], e["cities"]) == (
        "Wizyta delegacji z Norymbergi",
        "2013-05-14",
        [{"name": "Nuremberg", "country": "DE"}],
    )


@pytest.mark.parametrize("name", ["no-events.txt", "english.txt"])
def test_pages_without_events_give_an_empty_list(registries, name):
    assert extract_document(read_page(PAGES / name), registries)["events"] == []


def test_every_value_has_its_evidence_in_the_page(registries):
    for name in ("places-2016.txt", "numbered-2014.txt", "page.html", "archive-glued.txt"):
        page = read_page(PAGES / name)
        for ev in extract_events(page, registries):
            assert set(ev.evidence) >= {"title", "type", "direction"}
            for fld in (
                "cities",
                "countries",
                "organisations",
                "persons",
                "projects",
                "programmes",
                "units",
                "topics",
            ):
                assert len(ev.evidence.get(fld, [])) == len(getattr(ev, fld)), (ev.title, fld)
            for fld in ("start", "location", "participants"):
                if getattr(ev, fld) is not None:
                    assert len(ev.evidence[fld]) == 1, (ev.title, fld)
            for evs in ev.evidence.values():
                for e in evs:
                    assert page.text[e.start : e.end] == e.quote and e.quote.strip()


def test_event_ids_and_clashes(registries):
    text = (
        "Wizyta studentów z Austrii\n\nW dniu 7 stycznia 2010 studenci z Wiednia odwiedzili MOPS.\n\n"
        "Wizyta studentów z Austrii\n\nW dniu 9 marca 2010 studenci z Grazu odwiedzili MOPS.\n"
    )
    page = Page(source_id="bip-1", path="bip-1.txt", text=text)
    ids = [e.id for e in extract_events(page, registries)]
    assert ids == ["bip-1/wizyta-studentow-z-austrii", "bip-1/wizyta-studentow-z-austrii-2010-03-09"]


def test_cli_prints_the_spec_json(capsys):
    assert cli_main(["extract", str(PAGES / "cutoff.txt"), "--url", "https://example.org/1", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["document"] == {"file": "cutoff.txt", "url": "https://example.org/1", "year": 2011}
    assert [e["title"] for e in doc["events"]] == ["Konferencja w Bratysławie", "Wizyta delegacji z Kijowa"]
    keys = {
        "title",
        "start",
        "end",
        "type",
        "direction",
        "participants",
        "location",
        "cities",
        "countries",
        "organisations",
        "persons",
        "projects",
        "programmes",
        "units",
        "topics",
    }
    assert keys <= set(doc["events"][0])


def test_cli_reads_the_manifest_and_takes_several_pages(capsys):
    seeds = ROOT / "data" / "sources"
    assert (
        cli_main(
            ["extract", str(seeds / "bip-83616.txt"), str(PAGES / "cutoff.txt"), "--json", "--year", "2011"]
        )
        == 0
    )
    docs = json.loads(capsys.readouterr().out)
    assert [d["document"]["year"] for d in docs] == [2011, 2011]
    assert cli_main(["extract", str(seeds / "bip-83616.txt"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["document"] == {
        "file": "bip-83616.txt",
        "url": "https://www.bip.krakow.pl/?dok_id=83616",
        "year": 2017,
    }


def test_cli_out_dir_writes_one_file_per_page(tmp_path):
    out = tmp_path / "out"
    assert cli_main(["extract", str(PAGES / "cutoff.txt"), str(PAGES / "page.html"), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["cutoff.json", "page.json"]
    assert (
        json.loads((out / "page.json").read_text())["events"][0]["title"] == "Wizyta delegacji z Norymbergi"
    )


def test_cli_bad_input_is_one_line_and_writes_nothing(tmp_path, capsys):
    binary = tmp_path / "img.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    out = tmp_path / "out"
    assert cli_main(["extract", str(PAGES / "cutoff.txt"), str(binary), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "binary" in err and "Traceback" not in err
    assert not out.exists()
    cp = PAGES / "cp1250.txt"
    assert cli_main(["extract", str(cp), "--encoding", "utf-8"]) == 2
    assert "--encoding cp1250" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli_main(["extract", str(cp), "--year", "20x"])


def test_more_forms_of_2013(registries):
    ev = events_of("mixed-2013.txt", registries)
    e = ev["Wizyta studyjna przedstawicieli MOPS w Norymberdze"]
    assert (e["direction"], e["location"], e["organisations"]) == (
        "outgoing",
        {"city": "Nuremberg", "country": "DE"},
        ["Urząd Miasta Norymbergi"],
    )
    e = ev["Projekt „Aktywni seniorzy” – spotkanie partnerów w Lipsku"]
    assert (e["type"], e["projects"], e["programmes"], e["countries"]) == (
        "Meeting",
        ["Aktywni seniorzy"],
        ["Grundtvig"],
        ["DE", "AT"],
    )
    e = ev["Darowizna sprzętu rehabilitacyjnego z Holandii"]
    assert (e["type"], e["direction"], e["start"], e["organisations"]) == (
        "Donation",
        "incoming",
        "2013-03",
        ["Stichting Hulp Oost-Europa"],
    )
    e = ev["Wizyta delegacji z Ukrainy"]
    assert [c["name"] for c in e["cities"]] == ["Lviv", "Ternopil", "Ivano-Frankivsk"]
    assert (e["participants"], e["programmes"]) == ("professionals", ["Study Tours to Poland"])
    e = ev["Konferencja Housing First w Lizbonie"]
    assert (e["cities"], e["organisations"]) == ([{"name": "Lisbon", "country": "PT"}], ["FEANTSA"])
    e = ev["Wizyta studentów z Uniwersytetu Ostrawskiego"]
    assert (e["organisations"], e["persons"], e["countries"]) == (
        ["Uniwersytet Ostrawski"],
        ["Jan Novák"],
        ["CZ"],
    )
    e = ev["Spotkanie z Konsulem Generalnym Niemiec"]
    assert (e["persons"], e["countries"], e["cities"]) == (
        ["Anna Okońska-Walkowicz", "Michael Groß"],
        ["DE"],
        [],
    )
    e = ev["Seminarium w Wilnie"]
    assert (e["units"], e["organisations"], e["programmes"]) == (
        ["Filia nr 3"],
        ["Caritas Lituania"],
        ["Europejski Fundusz Społeczny"],
    )


def test_donations_both_ways_and_conferences_at_home(registries):
    ev = list(events_of("donations-2015.txt", registries).values())
    assert [(e["type"], e["direction"]) for e in ev] == [
        ("Conference", "incoming"),
        ("Donation", "outgoing"),
        ("StudyVisit", "outgoing"),
        ("Meeting", "incoming"),
    ]
    assert ev[0]["countries"][:3] == ["DE", "CZ", "SK"] and "Diakonie Deutschland" in ev[0]["organisations"]
    assert ev[1]["location"] == {"city": "Lviv", "country": "UA"}
    assert (ev[2]["programmes"], ev[2]["organisations"]) == (
        [],
        ["Københavns Kommune"],
    )  # a method, not funding
    assert (ev[3]["start"], ev[3]["end"]) == ("2015-03-13", "2015-05-21")


def test_a_cp1250_html_page_with_br_separated_headings(registries):
    ev = list(events_of("cp1250-page.html", registries).values())
    assert [e["title"] for e in ev] == [
        "Wizyta delegacji z Lwowa",
        "Spotkanie w Bordeaux",
        "Praktyki studentów z Niemiec",
        "Staż pracowników MOPS w Wiedniu",
    ]
    assert ev[0]["organisations"] == ["Lwowska Rada Obwodowa"]
    assert ev[1]["location"] == {"city": "Bordeaux", "country": "FR"}
    assert (ev[2]["organisations"], ev[2]["cities"]) == (
        ["Fachhochschule Frankfurt am Main"],
        [{"name": "Frankfurt am Main", "country": "DE"}],
    )
    assert ev[3]["programmes"] == ["Leonardo da Vinci"] and ev[3]["direction"] == "outgoing"


def test_br_dates_take_the_year_of_the_page_title_and_the_record_card_is_no_event(registries, tmp_path):
    ev = list(events_of("table-layout-br.html", registries).values())
    assert [(e["title"], e["start"]) for e in ev] == [
        ("Wizyta delegacji Urzędu Miasta Lipska", "2018-04-03"),
        ("Spotkanie w Wilnie", "2018-10-09"),
    ]
    assert ev[0]["participants"] == "officials" and ev[0]["topics"] == ["homelessness"]
    # without a title the publication date on the record card gives the year
    text = (
        (PAGES / "table-layout-br.html")
        .read_text()
        .replace("Współpraca zagraniczna w 2018 roku", "Współpraca")
    )
    (tmp_path / "p.html").write_text(text)
    doc = extract_document(read_page(tmp_path / "p.html"), registries)
    assert doc["document"]["year"] == 2018 and doc["events"][1]["start"] == "2018-10-09"


def test_with_is_not_from_and_networks_add_no_country(registries):
    text = (
        "Współpraca z Norymbergą\n\nW dniach 3-5 maja 2012 r. pracownicy MOPS przebywali w Norymberdze.\n\n"
        "Spotkanie z delegacją z Ukrainy\n\nW dniu 3 czerwca 2012 r. MOPS gościł delegację.\n\n"
        "Konferencja w Bolonii\n\nW dniach 22 - 24 września 2012 r. przedstawiciel MOPS wziął udział w konferencji "
        "Eurocities w Bolonii.\n"
    )
    ev = extract_events(Page("x", "x.txt", text), registries)
    assert [(e.direction, e.location.name) for e in ev] == [
        ("outgoing", "Nuremberg"),
        ("incoming", "Kraków"),
        ("outgoing", "Bologna"),
    ]
    assert ev[2].organisations == ["Eurocities"] and ev[2].countries == ["IT"]


def test_a_page_introduction_is_not_an_event_but_gives_the_year(registries):
    text = (
        "Współpraca zagraniczna w 2012 roku\n\nMiejski Ośrodek Pomocy Społecznej w Krakowie od lat współpracuje "
        "z partnerami zagranicznymi w ramach projektów.\n\nWizyta studentów z Austrii\n\n"
        "W dniu 7 maja br. studenci odwiedzili MOPS.\n"
    )
    ev = extract_events(Page("x", "x.txt", text), registries)
    assert [(e.title, e.start) for e in ev] == [("Wizyta studentów z Austrii", "2012-05-07")]


def test_the_city_below_a_heading_that_names_only_the_country_is_the_location(registries):
    text = "Wizyta studyjna w Holandii\n\nW dniach 3-5 maja 2012 r. pracownicy MOPS przebywali w Utrechcie.\n"
    (ev,) = extract_events(Page("x", "x.txt", text), registries)
    assert (ev.direction, ev.location.name, ev.location.country, ev.countries) == (
        "outgoing",
        "Utrecht",
        "NL",
        ["NL"],
    )


def test_foreign_names_after_a_kind_of_organisation_and_volunteers_as_visitors(registries):
    ev = list(events_of("ngo-2018.txt", registries).values())
    assert (ev[0]["participants"], ev[0]["countries"], ev[0]["programmes"], ev[0]["topics"]) == (
        "professionals",
        ["GE"],
        ["Study Tours to Poland"],
        ["disability"],
    )
    assert (ev[1]["projects"], ev[1]["programmes"], ev[1]["topics"]) == (
        ["URB-INCLUSION"],
        ["URBACT"],  # as the page names it (the registry's URBACT III by its alias)
        ["social_exclusion"],
    )
    e = ev[2]
    assert (e["participants"], e["organisations"], e["topics"]) == (
        "volunteers",
        ["Les Petits Frères des Pauvres"],
        ["older_people"],
    )  # volunteers visit; not the theme
    assert e["cities"] == [{"name": "Paris", "country": "FR"}] and e["units"] == [
        "Centrum Aktywności Seniora"
    ]


def test_placements_units_foreign_country_names_and_womens_names(registries):
    ev = list(events_of("archive-2009.txt", registries).values())
    assert (ev[0]["type"], ev[0]["direction"], ev[0]["programmes"], ev[0]["projects"]) == (
        "StudyVisit",
        "outgoing",
        ["Leonardo da Vinci"],
        ["Nowe metody pracy socjalnej z osobami bezdomnymi"],
    )
    assert [c["name"] for c in ev[1]["cities"]] == ["Nuremberg", "Munich"]
    assert ev[1]["units"] == ["Punkt Interwencji Kryzysowej", "Filia nr 4"]
    assert (ev[2]["organisations"], ev[2]["countries"], ev[2]["persons"]) == (
        ["Caritas Österreich"],
        ["AT"],
        ["Klaus Schwertner", "Martina Huber"],
    )


def test_headings_in_capitals(registries):
    text = (
        "WIZYTA STUDENTÓW Z NIEMIEC\n\nW dniu 7 maja 2012 r. studenci odwiedzili MOPS.\n\n"
        "KONFERENCJA W WIEDNIU\n\nW dniu 9 maja 2012 r. przedstawiciel MOPS uczestniczył w konferencji.\n"
    )
    page = Page("x", "x.txt", text)
    ev = extract_events(page, registries)
    assert [(e.direction, e.location.name, e.countries) for e in ev] == [
        ("incoming", "Kraków", ["DE"]),
        ("outgoing", "Vienna", ["AT"]),
    ]
    e = ev[1].evidence["location"][0]
    assert page.text[e.start : e.end] == e.quote == "WIEDNIU"
