"""Reading pages (encodings, HTML, bad input) and splitting them into event sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnergraph.errors import SourceError
from partnergraph.sources import read_page, split_sections

PAGES = Path(__file__).parent / "data" / "pages"


def titles(path: Path, **kw) -> list[str]:
    return [s.title for s in split_sections(read_page(path, **kw))]


@pytest.mark.parametrize(("name", "city"), [("cp1250.txt", "Wiednia"), ("iso-8859-2.txt", "Pragi")])
def test_legacy_encodings_are_detected(name, city):
    page = read_page(PAGES / name)
    assert page.text.startswith(f"Wizyta studentów z {city}")
    assert "Źródło: MOPS, żółć." in page.text
    assert (PAGES / name).read_bytes().decode("utf-8", errors="replace") != page.text  # really not UTF-8


def test_named_encoding_is_used_and_a_wrong_one_is_explained():
    assert "żółć" in read_page(PAGES / "cp1250.txt", encoding="cp1250").text
    with pytest.raises(SourceError, match="--encoding cp1250"):
        read_page(PAGES / "cp1250.txt", encoding="utf-8")
    with pytest.raises(SourceError, match="unknown encoding"):
        read_page(PAGES / "cp1250.txt", encoding="klingon")


def test_nbsp_and_odd_whitespace_are_folded(tmp_path):
    p = tmp_path / "p.txt"
    p.write_text(
        "Wizyta\u00a0studentów\u2009z Austrii\r\n\r\n"
        "W\u00a0dniu 7\u200b stycznia 2010\tr.\u00ad odbyła się wizyta."
    )
    page = read_page(p, url="https://example.org/x", year=2010)
    assert page.text == "Wizyta studentów z Austrii\n\nW dniu 7 stycznia 2010 r. odbyła się wizyta.\n"
    assert (page.source_id, page.url, page.year) == ("p", "https://example.org/x", 2010)


def test_html_loses_menus_scripts_footers_and_print_links():
    page = read_page(PAGES / "page.html")
    assert "Miejski Ośrodek Pomocy Społecznej gościł delegację urzędników z Norymbergi" in page.text
    assert "„Housing First”" in page.text and "W dniu 14 maja 2013 r." in page.text
    for junk in ("menu", "drukuj", "pobierz", "stopce", "Strona główna", "window.print", "color: red"):
        assert junk not in page.text
    assert [s.title for s in split_sections(page)] == ["Wizyta delegacji z Norymbergi"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"  \n\n ", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary")],
)
def test_bad_files_raise_a_clear_error(tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(SourceError, match=message):
        read_page(p)


def test_missing_file(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_page(tmp_path / "nope.txt")


def test_a_20_mb_page_is_refused_quickly(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_bytes(b"Wizyta studentow z Austrii.\n" * (20 * 1024 * 1024 // 28))
    with pytest.raises(SourceError, match="MB"):
        read_page(p)


def test_headings_glued_to_the_previous_paragraph_are_cut_off():
    got = titles(PAGES / "archive-glued.txt")
    assert got == [
        "Wizyta grupy seniorów z Lipska",
        "Spotkanie partnerów projektu w Wilnie",
        "Wizyta studentów z Kolonii",
    ]
    page = read_page(PAGES / "archive-glued.txt")
    first = split_sections(page)[0]
    assert first.body.endswith("odwiedziła Centrum Aktywności Seniora.")
    assert page.text[first.start : first.start + len(first.title)] == first.title


def test_archive_banners_are_not_sections():
    got = titles(PAGES / "archive-glued.txt")
    assert not any("Archiwum" in t or "archiwalny" in t for t in got)
    assert "BIP MJO - Miejski Ośrodek Pomocy Społecznej" not in titles(PAGES / "places-2016.txt")


def test_numbered_items_lose_their_numbers():
    got = titles(PAGES / "numbered-2014.txt")
    assert got[0] == "Wizyta pracowników socjalnych z Edynburga"
    assert "Wizyta studentów z Nantes we Francji" in got  # glued to the end of item 2
    assert "Konferencja w Landshut" in got and len(got) == 5


def test_a_page_cut_off_mid_event_keeps_the_event():
    page = read_page(PAGES / "cutoff.txt")
    sections = split_sections(page)
    assert [s.title for s in sections] == ["Konferencja w Bratysławie", "Wizyta delegacji z Kijowa"]
    assert sections[-1].body.endswith("z funkcjonowaniem")
    assert sections[-1].end == len(page.text.rstrip())


def test_wrapped_lines_and_unfinished_paragraphs_are_not_headings(tmp_path):
    p = tmp_path / "wrapped.txt"
    p.write_text(
        "Wizyta studentów z Belgii\n\nW dniu 25 stycznia 2010 w Dziale miała miejsce wizyta studentów\n"
        "z Karel de Grote - Hogeschool z Antwerpii. "
        "Studenci zwiedzili schronisko przy ul. Sołtysowskiej 13\n\n"
        "Wizyta studentów z Austrii\n\n7 stycznia 2010 odbyła się wizyta studentów z Austrii.\n"
    )
    assert titles(p) == ["Wizyta studentów z Belgii", "Wizyta studentów z Austrii"]


def test_section_offsets_point_into_the_page():
    page = read_page(PAGES / "places-2016.txt")
    for s in split_sections(page):
        assert page.text[s.start : s.end].startswith(s.title)
        assert page.text[s.start : s.end].endswith(s.body)


def test_a_heading_written_with_a_full_stop_is_still_a_heading(tmp_path):
    p = tmp_path / "stops.txt"
    p.write_text(
        "Wizyta studentów z Austrii.\n\nW dniu 7 stycznia 2010 r. gościliśmy studentów z Wiednia.\n\n"
        "Udział przedstawiciela MOPS w konferencji w Berlinie.\n\nPrzedstawiciel MOPS wziął udział w konferencji.\n"
    )
    assert titles(p) == [
        "Wizyta studentów z Austrii.",
        "Udział przedstawiciela MOPS w konferencji w Berlinie.",
    ]


def test_a_one_sentence_body_ending_with_a_date_is_not_a_heading(tmp_path):
    """A body of one sentence closing with "… 2016 r." looks like a dated heading but has a verb."""
    p = tmp_path / "dated.txt"
    p.write_text(
        "Współpraca zagraniczna w 2016 roku\n\nWizyta delegacji z Wilna\n"
        "Delegacja Samorządu Miasta Wilna odwiedziła Dział Pomocy Bezdomnym w dniu 12 maja 2016 r.\n\n"
        "Wizyta gości z Litwy – 12 marca 2016 r.\nGoście zwiedzili Klub Integracji Społecznej.\n",
        encoding="utf-8",
    )
    assert titles(p) == ["Wizyta delegacji z Wilna", "Wizyta gości z Litwy – 12 marca 2016 r."]


def test_print_links_and_the_record_card_are_not_sections():
    page = read_page(PAGES / "table-layout-br.html")
    assert [s.title for s in split_sections(page)] == [
        "Wizyta delegacji Urzędu Miasta Lipska",
        "Spotkanie w Wilnie",
    ]
    assert "drukuj" not in page.text.lower() and "Strona główna" not in page.text
    assert not split_sections(page)[-1].body.count("Data publikacji")


def test_a_page_cut_off_right_after_a_heading_keeps_that_heading(tmp_path):
    p = tmp_path / "cut.txt"
    p.write_text(
        "Wizyta studentów z Austrii\n\nW dniu 7 maja 2012 r. studenci odwiedzili MOPS.\n\n"
        "Wizyta delegacji z Kijowa\n"
    )
    assert titles(p) == ["Wizyta studentów z Austrii", "Wizyta delegacji z Kijowa"]
    p.write_text(
        "Wizyta studentów z Belgii\n\nW dniu 7 maja 2012 r. studenci odwiedzili MOPS.\n"
        "Następnie studenci zostali oprowadzeni po schronisku przy ul. Sołtysowskiej 13\n"
    )
    assert titles(p) == ["Wizyta studentów z Belgii"]


def test_bullet_points_in_a_body_are_not_headings(tmp_path):
    p = tmp_path / "bullets.txt"
    p.write_text(
        "Wizyta studentów z Austrii\n\nW dniu 7 maja 2012 r. program wizyty obejmował:\n"
        "- Spotkanie w Dziale Pomocy Bezdomnym\n- Wizytę w Klubie Integracji Społecznej\n\n"
        "1. Konferencja w Wiedniu\n\nW dniu 9 maja 2012 r. przedstawiciel MOPS uczestniczył w konferencji.\n"
    )
    assert titles(p) == ["Wizyta studentów z Austrii", "Konferencja w Wiedniu"]


def test_utf16_with_a_byte_order_mark(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes("Wizyta studentów z Wiednia\n\nW dniu 5 maja 2012 r. goście.\n".encode("utf-16"))
    assert read_page(p).text.startswith("Wizyta studentów z Wiednia")


def sections_of(tmp_path, text: str) -> list[tuple[str, str]]:
    p = tmp_path / "page.txt"
    p.write_text(text, encoding="utf-8")
    return [(s.title, s.body) for s in split_sections(read_page(p))]


def test_events_listed_under_a_month_heading_are_titled_by_their_first_sentence(tmp_path):
    got = sections_of(
        tmp_path,
        "Współpraca zagraniczna MOPS – 2014 rok\n\nMarzec 2014\n\n"
        "W dniu 4 marca MOPS odwiedzili studenci z Grazu. Goście poznali pracę Filii nr 3.\n\n"
        "W dniu 19 marca przedstawiciele MOPS spotkali się z partnerami z Włoch.\n\n"
        "II kwartał\n\nPracownicy MOPS przebywali z wizytą studyjną w Pradze.\n",
    )
    assert got == [
        ("W dniu 4 marca MOPS odwiedzili studenci z Grazu.", "Goście poznali pracę Filii nr 3."),
        ("W dniu 19 marca przedstawiciele MOPS spotkali się z partnerami z Włoch.", ""),
        ("Pracownicy MOPS przebywali z wizytą studyjną w Pradze.", ""),
    ]


def test_several_events_in_one_paragraph_under_a_group_heading(tmp_path):
    got = sections_of(
        tmp_path,
        "Wyjazdy pracowników MOPS\n\n"
        "W dniach 14-16 kwietnia 2015 r. dwóch pracowników MOPS było w Edynburgu. "
        "W dniach 2-3 grudnia 2015 r. przedstawiciel MOPS wziął udział w konferencji w Brukseli.\n",
    )
    assert [t for t, _ in got] == [
        "W dniach 14-16 kwietnia 2015 r. dwóch pracowników MOPS było w Edynburgu.",
        "W dniach 2-3 grudnia 2015 r. przedstawiciel MOPS wziął udział w konferencji w Brukseli.",
    ]
    assert (
        len(sections_of(tmp_path, "WYJAZDY PRACOWNIKÓW MOPS\n\n" + got[0][0] + " " + got[1][0] + "\n")) == 2
    )


DAYS_OF_A_VISIT = (
    "W dniu 12 maja 2016 r. goście spotkali się z dyrekcją MOPS. "
    "W dniu 13 maja 2016 r. goście zwiedzili Dom Pomocy Społecznej.\n"
)
MEETINGS_OF_A_PROJECT = (
    "W dniu 31 stycznia 2017 r. w Krakowie odbyło się spotkanie z Liderem projektu. "
    "W dniu 15 marca 2017 r. przedstawiciele MOPS spotkali się z partnerami projektu w Barcelonie.\n"
)


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        ("Goście z Wilna", DAYS_OF_A_VISIT),  # a heading naming a place
        ("Wizyta studentów", DAYS_OF_A_VISIT),  # ... or opening with one event's word
        ("Delegacja urzędników w MOPS", DAYS_OF_A_VISIT),
        ("Realizacja projektu URB-INCLUSION", MEETINGS_OF_A_PROJECT),  # ... or naming a project
        ("Międzynarodowa konferencja", MEETINGS_OF_A_PROJECT),
        ("Projekt „Senior w sieci”", MEETINGS_OF_A_PROJECT),
    ],
)
def test_the_dated_sentences_under_an_events_own_heading_stay_one_event(tmp_path, heading, body):
    assert [t for t, _ in sections_of(tmp_path, f"{heading}\n\n{body}")] == [heading]


def test_table_rows_flattened_to_lines_are_events_and_the_header_row_is_not(tmp_path):
    got = sections_of(
        tmp_path,
        "Współpraca zagraniczna MOPS w 2013 roku\n\nData | Kraj | Wydarzenie\n"
        "12.03.2013 | Niemcy | Wizyta studentów z Bremy\n23.05.2013 | Litwa | Seminarium w Kownie\n",
    )
    assert got == [
        ("12.03.2013 | Niemcy | Wizyta studentów z Bremy", ""),
        ("23.05.2013 | Litwa | Seminarium w Kownie", ""),
    ]


def test_an_html_data_table_keeps_its_rows_and_a_layout_table_its_paragraphs(tmp_path):
    p = tmp_path / "t.html"
    p.write_text(
        "<html><body><div id='content'><table><tr><th>Data</th><th>Wydarzenie</th></tr>"
        "<tr><td><p>24 listopada 2016 r.</p></td><td>Konferencja z udziałem gości z Bremy</td></tr></table>"
        "<table><tr><td><p>Wizyta studentów z Austrii</p><p>"
        + "W dniu 7 stycznia 2010 odbyła się wizyta. " * 12
        + "</p></td></tr></table></div></body></html>",
        encoding="utf-8",
    )
    text = read_page(p).text
    assert "Data | Wydarzenie\n24 listopada 2016 r. | Konferencja z udziałem gości z Bremy\n" in text
    assert "\nWizyta studentów z Austrii\n" in text and " | " not in text.split("Bremy", 1)[1]


def test_year_labels_of_an_archive_page_date_the_events_below_them(tmp_path):
    from partnergraph.sources.splitting import grouped_sections

    p = tmp_path / "archive.txt"
    p.write_text(
        "Współpraca zagraniczna\n\nRok 2013\n\nWizyta delegacji z Ołomuńca\n\nW dniu 14 listopada MOPS gościł "
        "delegację.\n\n2012\n\nWizyta studentów z Trnawy\n\nW dniu 7 maja studenci odwiedzili MOPS.\n",
        encoding="utf-8",
    )
    got = [(x.section.title, x.year) for x in grouped_sections(read_page(p))]
    assert got == [("Wizyta delegacji z Ołomuńca", 2013), ("Wizyta studentów z Trnawy", 2012)]


def test_a_bold_heading_that_runs_on_into_its_paragraph_is_a_line_of_its_own(tmp_path):
    p = tmp_path / "b.html"
    p.write_text(
        "<html><body><div id='content'><p><strong>Wizyta delegacji z Wilna</strong> W dniu 21 maja 2018 r. MOPS "
        "gościł delegację.</p><p><strong>MOPS</strong> gościł też studentów.</p><ul><li><b>5 marca 2018 r.</b> – "
        "studenci z Getyngi odwiedzili MOPS;</li></ul><p><b>Miejski Ośrodek Pomocy Społecznej</b> gościł "
        "delegację z Lwowa.</p><p><b>Jan Kowalski</b> Dyrektor MOPS powitał gości.</p></div></body></html>",
        encoding="utf-8",
    )
    lines = [ln for ln in read_page(p).text.splitlines() if ln]
    assert lines == [
        "Wizyta delegacji z Wilna",
        "W dniu 21 maja 2018 r. MOPS gościł delegację.",
        "MOPS gościł też studentów.",
        "5 marca 2018 r. – studenci z Getyngi odwiedzili MOPS;",
        "Miejski Ośrodek Pomocy Społecznej gościł delegację z Lwowa.",
        "Jan Kowalski Dyrektor MOPS powitał gości.",
    ]


def test_a_page_without_headings_keeps_its_dated_paragraphs_and_drops_its_introduction(tmp_path):
    got = sections_of(
        tmp_path,
        "W 2017 roku MOPS kontynuował współpracę z partnerami zagranicznymi.\n\n"
        "W dniu 16 lutego 2017 r. MOPS gościł delegację urzędników z Charkowa. Goście poznali pracę MOPS.\n\n"
        "W dniach 4-6 października 2017 r. przedstawicielka MOPS była na konferencji w Wiedniu.\n",
    )
    assert got == [
        (
            "W dniu 16 lutego 2017 r. MOPS gościł delegację urzędników z Charkowa.",
            "Goście poznali pracę MOPS.",
        ),
        ("W dniach 4-6 października 2017 r. przedstawicielka MOPS była na konferencji w Wiedniu.", ""),
    ]


def test_a_label_over_headed_events_is_not_the_previous_events_text(tmp_path):
    from partnergraph.sources.splitting import grouped_sections

    p = tmp_path / "labels.txt"
    p.write_text(
        "Współpraca zagraniczna MOPS w 2015 roku\n\nWizyty gości zagranicznych\n\nWizyta studentów z Grazu\n\n"
        "W dniu 12 maja 2015 r. MOPS gościł studentów.\n\nWyjazdy pracowników MOPS\n\nKonferencja Eurocities\n\n"
        "W dniach 3-4 czerwca 2015 r. przedstawiciel MOPS był na konferencji.\n",
        encoding="utf-8",
    )
    got = [(x.section.title, x.section.body, x.group) for x in grouped_sections(read_page(p))]
    assert got == [
        (
            "Wizyta studentów z Grazu",
            "W dniu 12 maja 2015 r. MOPS gościł studentów.",
            "Wizyty gości zagranicznych",
        ),
        (
            "Konferencja Eurocities",
            "W dniach 3-4 czerwca 2015 r. przedstawiciel MOPS był na konferencji.",
            "Wyjazdy pracowników MOPS",
        ),
    ]


def test_the_years_summary_under_the_page_title_is_no_event_but_a_dated_paragraph_there_is(tmp_path):
    events = (
        "Wizyta delegacji z Wilna\n\nW dniach 21-22 maja 2016 r. MOPS gościł delegację z Wilna.\n\n"
        "Konferencja w Wiedniu\n\nW dniach 3-4 czerwca 2016 r. przedstawiciel MOPS był w Wiedniu.\n"
    )
    summary = (
        "Współpraca zagraniczna MOPS w 2016 roku\n\nW 2016 roku MOPS przyjął pięć delegacji z Litwy i Niemiec. "
        "Najważniejszą była wizyta delegacji z Wilna w dniach 21-22 maja.\n\n"
    )
    assert [t for t, _ in sections_of(tmp_path, summary + events)] == [
        "Wizyta delegacji z Wilna",
        "Konferencja w Wiedniu",
    ]
    dated = (
        "Współpraca zagraniczna MOPS w 2016 roku\n\nW dniu 5 marca 2016 r. MOPS gościł studentów z Grazu.\n\n"
    )
    assert [t for t, _ in sections_of(tmp_path, dated + events)] == [
        "W dniu 5 marca 2016 r. MOPS gościł studentów z Grazu.",
        "Wizyta delegacji z Wilna",
        "Konferencja w Wiedniu",
    ]


def test_a_heading_running_on_into_its_body_and_an_event_written_as_a_record(tmp_path):
    got = sections_of(
        tmp_path,
        "Wizyta delegacji z Wilna – W dniu 14 marca 2014 r. MOPS gościł delegację.\n\n"
        "Wizyta delegacji ze Lwowa W dniu 8 października 2014 r. MOPS gościł delegację.\n\n"
        "Konferencja „Children in care”\nData: 22-24 września 2014 r.\nMiejsce: Wiedeń\nOpis: Udział w konferencji.\n\n"
        "Wizyta studentów odbyła się w ramach projektu. W dniu 12 maja goście zwiedzili MOPS.\n",
    )
    assert got == [
        ("Wizyta delegacji z Wilna", "W dniu 14 marca 2014 r. MOPS gościł delegację."),
        ("Wizyta delegacji ze Lwowa", "W dniu 8 października 2014 r. MOPS gościł delegację."),
        (
            "Konferencja „Children in care”",
            "Data: 22-24 września 2014 r.\nMiejsce: Wiedeń\nOpis: Udział w konferencji.\n\n"
            "Wizyta studentów odbyła się w ramach projektu. W dniu 12 maja goście zwiedzili MOPS.",
        ),
    ]


def test_table_rows_after_an_events_own_text_are_events_of_their_own(tmp_path):
    got = sections_of(
        tmp_path,
        "Udział przedstawiciela MOPS w konferencji w Wilnie\n\n"
        "W dniach 5-6 października 2011 r. przedstawiciel MOPS uczestniczył w konferencji w Wilnie.\n"
        "14.11.2011 | Wizyta delegacji urzędników z Dniepru\n20.11.2011 | Wizyta studentów z Brna\n",
    )
    assert got == [
        (
            "Udział przedstawiciela MOPS w konferencji w Wilnie",
            "W dniach 5-6 października 2011 r. przedstawiciel MOPS uczestniczył w konferencji w Wilnie.",
        ),
        ("14.11.2011 | Wizyta delegacji urzędników z Dniepru", ""),
        ("20.11.2011 | Wizyta studentów z Brna", ""),
    ]


def test_a_short_page_laid_out_in_a_table_keeps_its_paragraphs(tmp_path):
    p = tmp_path / "short.html"
    p.write_text(
        "<html><body><table><tr><td>Menu</td><td><p><strong>Wizyta studentów z Grazu</strong></p>"
        "<p>W dniu 12 maja 2015 r. MOPS gościł studentów.</p></td></tr></table></body></html>",
        encoding="utf-8",
    )
    assert [s.title for s in split_sections(read_page(p))] == ["Wizyta studentów z Grazu"]
    assert "W dniu 12 maja 2015 r. MOPS gościł studentów." in read_page(p).text.splitlines()


def test_a_date_on_the_line_above_a_heading_and_the_pages_closing_line(tmp_path):
    got = sections_of(
        tmp_path,
        "Współpraca zagraniczna MOPS w 2016 roku\n\n14.04.2016\nWizyta delegacji z Tbilisi\nMOPS gościł delegację.\n\n"
        "24.11.2016\nKonferencja z udziałem gości z Bremy\nW Krakowie odbyła się konferencja.\n\n"
        "Opracowanie: Zespół ds. Współpracy Zagranicznej MOPS, 20.01.2017\n",
    )
    assert got == [
        ("14.04.2016 Wizyta delegacji z Tbilisi", "MOPS gościł delegację."),
        ("24.11.2016 Konferencja z udziałem gości z Bremy", "W Krakowie odbyła się konferencja."),
    ]


# a page's text -> the titles of its event sections (each case names the rule it shows)
TITLE_CASES = {
    "a_numbered_list_under_the_page_title_loses_its_introduction": (
        "Współpraca zagraniczna MOPS w 2011 roku\n\n"
        "W 2011 roku MOPS kontynuował współpracę z partnerami zagranicznymi. Poniżej najważniejsze wydarzenia.\n\n"
        "1. W dniu 15 marca 2011 r. MOPS gościł studentów z Brna. Studenci poznali system pomocy społecznej.\n"
        "2. W dniach 5-6 maja 2011 r. przedstawiciel MOPS uczestniczył w konferencji w Lizbonie.\n",
        [
            "W dniu 15 marca 2011 r. MOPS gościł studentów z Brna.",
            "W dniach 5-6 maja 2011 r. przedstawiciel MOPS uczestniczył w konferencji w Lizbonie.",
        ],
    ),
    "a_heading_may_open_with_its_date_or_end_with_a_colon": (
        "12 maja 2015 r. – Wizyta studentów z Grazu\n\nStudenci poznali pracę Klubu Integracji Społecznej.\n\n"
        "Udział w konferencji FEANTSA w Kopenhadze:\n\nW dniach 22-23 października 2015 r. przedstawiciel MOPS "
        "uczestniczył w konferencji.\n\nProgram wizyty obejmował:\n- spotkanie w MOPS\n",
        [
            "12 maja 2015 r. – Wizyta studentów z Grazu",
            "Udział w konferencji FEANTSA w Kopenhadze:",
        ],
    ),
    "the_days_of_a_programme_do_not_open_headings": (
        "Wizyta delegacji z Wilna\n\nW dniu 12 maja 2016 r. MOPS gościł delegację. Program wizyty:\n"
        "12 maja – Spotkanie w Urzędzie Miasta\n13 maja – Wizyta w Domu Pomocy Społecznej\nGoście byli zadowoleni.\n",
        ["Wizyta delegacji z Wilna"],
    ),
    "a_list_of_dated_headings_without_descriptions_keeps_every_one": (
        "Współpraca zagraniczna MOPS w 2015 roku\n\nWizyty studyjne w MOPS:\n"
        "1. Wizyta studentów z Grazu (12.05.2015)\n2. Wizyta delegacji urzędników z Wilna (20.06.2015)\n"
        "3. Wizyta pracowników socjalnych z Brna (3.09.2015)\n",
        [
            "Wizyta studentów z Grazu (12.05.2015)",
            "Wizyta delegacji urzędników z Wilna (20.06.2015)",
            "Wizyta pracowników socjalnych z Brna (3.09.2015)",
        ],
    ),
    "a_line_whose_paragraph_goes_on_in_lower_case_after_a_blank_line_is_no_heading": (
        "Wizyta przedstawiciela MOPS w Wiedniu\n\nW ramach projektu: Improving access to services (Poprawa "
        "dostępu do usług)\n\nw dniach 12-13 kwietnia 2010 roku odbyło się w Wiedniu spotkanie.\n",
        ["Wizyta przedstawiciela MOPS w Wiedniu"],
    ),
    "a_bulleted_line_is_a_heading_only_over_a_dated_report": (
        "– Wizyta studentów z Austrii\n\n7 stycznia 2010 odbyła się w MOPS wizyta studentów.\n\n"
        "– Wizyta delegacji z Wilna\n\nGoście poznali pracę MOPS.\n",
        ["Wizyta studentów z Austrii"],
    ),
    "a_heading_may_end_with_a_colon_but_a_line_introducing_a_list_is_none": (
        "Konferencja z udziałem gości z Bremy i Drezna (24 listopada 2016 r.):\n\nW konferencji wzięli udział "
        "pracownicy socjalni.\n\nUczestnicy spotkania z Wilna:\n- Jan Kowalski\n- Anna Nowak\n\n"
        "Spotkanie partnerów projektu w ramach programu Leonardo da Vinci:\n\nW dniu 5 maja 2012 r. partnerzy "
        "spotkali się w MOPS.\n",
        [
            "Konferencja z udziałem gości z Bremy i Drezna (24 listopada 2016 r.):",
            "Spotkanie partnerów projektu w ramach programu Leonardo da Vinci:",
        ],
    ),
    "headings_in_capitals_keep_their_dates": (
        "12 MAJA 2015 R. – WIZYTA STUDENTÓW Z GRAZU\n\nStudenci poznali pracę MOPS.\n\n"
        "WIZYTA DELEGACJI Z KIJOWA – 12 PAŹDZIERNIKA 2012 R.\n\nGoście poznali pracę MOPS.\n",
        [
            "12 MAJA 2015 R. – WIZYTA STUDENTÓW Z GRAZU",
            "WIZYTA DELEGACJI Z KIJOWA – 12 PAŹDZIERNIKA 2012 R.",
        ],
    ),
}


@pytest.mark.parametrize(("text", "expected"), TITLE_CASES.values(), ids=TITLE_CASES.keys())
def test_section_titles(tmp_path, text, expected):
    assert [title for title, _ in sections_of(tmp_path, text)] == expected


CHRONICLE_ITEMS = [
    "12 marca 2019 – Goście z Lwowa",
    "W dniu 12 marca gościliśmy delegację pracowników socjalnych ze Lwowa, którzy poznali pracę Ośrodka.",
    "5 czerwca 2019 – Konferencja w Wiedniu",
    "Dwie pracownice Ośrodka wzięły udział w konferencji o pomocy osobom bezdomnym w Wiedniu.",
]


def test_a_chronicle_laid_out_as_a_definition_list_is_headings_over_reports(tmp_path):
    """trafilatura writes a <dl> as bullet points of one list; a chronicle's terms (a date and a title) over
    their reports are lines of their own, as the page shows them. A card of facts stays a list."""
    items = "".join(f"<{tag}>{x}</{tag}>" for tag, x in zip(["dt", "dd"] * 2, CHRONICLE_ITEMS, strict=True))
    card = "<dl><dt>Okres realizacji</dt><dd>2018–2020</dd><dt>Partner</dt><dd>Miasto Lwów</dd></dl>"
    intro = (
        "Ośrodek od lat współpracuje z partnerami z zagranicy; poniżej kronika tej współpracy w 2019 roku."
    )
    p = tmp_path / "kronika.html"
    p.write_text(
        f"<html><head><title>Kronika 2019</title></head><body><nav><a href='/'>Start</a></nav><main>"
        f"<h1>Kronika współpracy 2019</h1><p>{intro}</p><dl class='kronika'>{items}</dl>{card}</main></body></html>",
        encoding="utf-8",
    )
    lines = [x for x in read_page(p).text.split("\n") if x]
    at = lines.index(CHRONICLE_ITEMS[0])
    assert lines[at : at + 4] == CHRONICLE_ITEMS
    assert "- Okres realizacji" in lines


def test_a_heading_written_by_a_script_or_in_a_comment_is_not_the_headline(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Aktualności</title></head><body><script>var old = '<h1>Stary nagłówek strony</h1>';"
        "</script><!-- <h1>Szablon nagłówka</h1> --><main><h1>Goście z Lwowa w Ośrodku</h1>"
        f"<p>{CHRONICLE_ITEMS[1]} {CHRONICLE_ITEMS[3]}</p></main></body></html>",
        encoding="utf-8",
    )
    assert read_page(p).title == "Goście z Lwowa w Ośrodku"
