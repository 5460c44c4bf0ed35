"""Polish dates by rules."""

from __future__ import annotations

import pytest

from partnergraph.extract.dates import event_dates


def iso(text: str, year: int | None) -> tuple[str, str] | None:
    first, extra = event_dates(text)
    if first is None:
        return None
    start, _ = first.iso(year)
    _, end = (extra[-1] if extra else first).iso(year)
    return start, end


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("W dniu 31 stycznia br. dwóch przedstawicieli", 2017, ("2017-01-31", "2017-01-31")),
        ("W dniach 16-17 listopada przedstawiciel MOPS", 2017, ("2017-11-16", "2017-11-17")),
        ("W dniach 30 września - 3 października 2010 przedstawiciel", None, ("2010-09-30", "2010-10-03")),
        ("W trakcie spotkania dn. 25 lutego w MOPS", 2010, ("2010-02-25", "2010-02-25")),
        ("W maju 2017 przedstawiciel MOPS uczestniczył", None, ("2017-05", "2017-05")),
        ("W październiku odbyła się wizyta", 2014, ("2014-10", "2014-10")),
        ("Spotkanie odbyło się 21.01.13 r. w siedzibie", None, ("2013-01-21", "2013-01-21")),
        ("Dnia 29.10.09 w Wilnie odbyło się spotkanie", None, ("2009-10-29", "2009-10-29")),
        ("W dniach 2 i 10 grudnia 2014 r. MOPS gościł", None, ("2014-12-02", "2014-12-10")),
        ("W dniu 12 grudnia grupa seniorów", None, ("--12-12", "--12-12")),
        ("W październiku studenci", None, ("--10", "--10")),
        (
            "W dniu 13 marca odbyło się pierwsze spotkanie, oraz 21 maja kolejne.",
            2012,
            ("2012-03-13", "2012-05-21"),
        ),
        ("7 stycznia 2010 odbyła się w MOPS wizyta", 2017, ("2010-01-07", "2010-01-07")),
        ("W dniach 30 grudnia 2010 - 2 stycznia 2011 r.", None, ("2010-12-30", "2011-01-02")),
        ("Projekt realizowano w 2012 roku.", None, ("2012", "2012")),
    ],
)
def test_date_forms(text, year, expected):
    assert iso(text, year) == expected


def test_no_date_and_no_misreadings():
    assert iso("Wizyta odbyła się w siedzibie, gdzie omówiono sprawy.", 2010) is None
    # dateparser reads "się" as August and "16-17 listopada" as 1917; the rules do not
    assert iso("W dniach 16-17 listopada", None) == ("--11-16", "--11-17")


def test_years_of_the_project_do_not_beat_the_day():
    text = "W dniu 3 lipca odbyła się wizyta w ramach projektu realizowanego w 2010 roku."
    assert iso(text, 2010) == ("2010-07-03", "2010-07-03")
    assert iso("w latach 2005 - 2010 prowadzono streetwork", None) is None


def test_the_span_of_the_date_is_given():
    text = "W dniu 31 stycznia br. dwóch przedstawicieli"
    first, _ = event_dates(text)
    assert text[first.start : first.end] == "31 stycznia br."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("W dniach 5-7.05.2015 r. odbyła się wizyta", ("2015-05-05", "2015-05-07")),
        ("w dniach 05.05 - 07.05.2015 goście", ("2015-05-05", "2015-05-07")),
        ("W dniach 28.09-2.10.2015 przedstawiciele", ("2015-09-28", "2015-10-02")),
    ],
)
def test_numeric_day_ranges(text, expected):
    assert iso(text, None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("W dniach 12, 13 i 14 maja 2012 r.", ("2012-05-12", "2012-05-14")),
        ("dnia 7 VI 2012 r.", ("2012-06-07", "2012-06-07")),
        ("w dniach 25/26 października 2012", ("2012-10-25", "2012-10-26")),
        ("W dniach od 10 do 12 maja 2012 r.", ("2012-05-10", "2012-05-12")),
        ("od 28 lutego do 2 marca 2012", ("2012-02-28", "2012-03-02")),
        ("W dniu 31 lutego 2012 r. i 30 kwietnia", ("2012-04-30", "2012-04-30")),  # no 31 February
    ],
)
def test_lists_slashes_roman_months_and_impossible_days(text, expected):
    assert iso(text, 2012) == expected


def test_background_dates_do_not_date_the_event():
    assert iso("Projekt trwa od 1 stycznia 2012 r. W dniu 5 maja 2012 r. odbyło się spotkanie.", None) == (
        "2012-05-05",
        "2012-05-05",
    )
    assert iso("Nabór trwał do 30 czerwca 2012 r. Wizyta odbyła się 12 lipca 2012 r.", None) == (
        "2012-07-12",
        "2012-07-12",
    )
    assert iso("Od 1 do 30 lipca 2012 r. studenci odbywali praktyki.", None) == ("2012-07-01", "2012-07-30")


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("Na przełomie maja i czerwca 2016 r. MOPS gościł", None, ("2016-05", "2016-06")),
        ("na przełomie grudnia i stycznia 2015 r. goście", None, ("2014-12", "2015-01")),
        ("Na przełomie września i października br. goście", 2012, ("2012-09", "2012-10")),
        ("Na przełomie września i października goście", None, ("--09", "--10")),
    ],
)
def test_the_turn_of_two_months(text, year, expected):
    assert iso(text, year) == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("Konferencja w Tbilisi (30.03-2.04)", 2016, ("2016-03-30", "2016-04-02")),
        ("Wizyta studyjna (30.03.-02.04.2016)", None, ("2016-03-30", "2016-04-02")),
        ("W dniach 28.09.-1.10.2015 r. pracownicy", None, ("2015-09-28", "2015-10-01")),
        ("W dniach od 28.09 do 1.10.2015 r. pracownicy", None, ("2015-09-28", "2015-10-01")),
        ("W dniach 28.09.2015 - 1.10.2015 r. pracownicy", None, ("2015-09-28", "2015-10-01")),
        ("W dniach 28.12.2015-3.01.2016 pracownicy", None, ("2015-12-28", "2016-01-03")),
        ("W dniach 28-30 IX 2015 r. goście", None, ("2015-09-28", "2015-09-30")),
        ("W dniach 28 IX - 1 X 2015 r. goście", None, ("2015-09-28", "2015-10-01")),
        ("W dniu 5.05 goście", 2015, ("2015-05-05", "2015-05-05")),
        ("Przełom września i października 2015 r. to czas wizyty", None, ("2015-09", "2015-10")),
        ("Od marca do maja 2015 r. trwała wymiana", None, ("2015-03", "2015-05")),
        ("Marzec-kwiecień 2015 r.: staż pracowników", None, ("2015-03", "2015-04")),
    ],
)
def test_day_and_month_ranges_in_numbers_roman_months_and_words(text, year, expected):
    assert iso(text, year) == expected


@pytest.mark.parametrize(
    "text", ["koszt 1.5-2.5 mln zł", "w godz. 10.15-11.30", "w godz. 9.00-15.00", "punktacja 12.5-13.5"]
)
def test_numbers_and_hours_are_not_year_less_day_ranges(text):
    assert iso(text, 2015) is None


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Czerwiec 2014", ("2014-06", "2014-06")),
        ("Styczeń – marzec 2015 r.", ("2015-01", "2015-03")),
        ("II kwartał 2014", ("2014-04", "2014-06")),
        ("I półrocze", ("--01", "--06")),
        ("Wizyta w czerwcu", None),
        ("V kwartał", None),
    ],
)
def test_a_heading_that_only_names_months(label, expected):
    from partnergraph.extract.dates import calendar_label

    m = calendar_label(label)
    assert (m.iso(None) if m else None) == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # days in sentences of their own that go on with the event
        (
            "W dniu 21 maja goście byli w urzędzie. 23 maja delegacja odwiedziła MOPS.",
            (None, 5, 21),
            (None, 5, 23),
        ),
        ("W dniu 21 maja goście byli w urzędzie. Do 30 maja trwa nabór.", (None, 5, 21), (None, 5, 21)),
        # months named first, their days below
        (
            "W maju i czerwcu odbyły się trzy spotkania. Pierwsze spotkanie odbyło się 27 maja. "
            "Drugie spotkanie odbyło się 7 czerwca.",
            (None, 5, 27),
            (None, 6, 7),
        ),
        # a start and a duration; known only as the end; a Roman-numeral month
        ("Od dziś, 5 lutego, z dwudniową wizytą przebywa delegacja.", (None, 2, 5), (None, 2, 6)),
        ("14 września 2019 r. zakończyła się wizyta studyjna.", (2019, 9, None), (2019, 9, 14)),
        ("12 V 2016 r. rozpoczęła się trzydniowa wizyta.", (2016, 5, 12), (2016, 5, 14)),
    ],
)
def test_days_across_sentences_durations_and_ends(text, start, end):
    first, extra = event_dates(text)
    assert (first.begin, (extra[-1] if extra else first).finish) == (start, end)
