"""A fourteenth probe set: a yearly report's section whose one paragraph reports three events, each sentence
opening with a vague time ('Na początku marca', 'Pod koniec maja', 'W drugiej połowie września') above a one-word
numbered section ('VII. Wolontariat'); a newsletter converted from PDF (capitals headings, hyphenated breaks,
running header and footer, page numbers between the articles); 'W miniony weekend' counted from a byline;
streetworkers who went round places with the hosts; and a supported-housing and labour-market theme. Written
with gold by ../shared/eval/GOLD-CONVENTIONS.md before the rules below, and scored as `extract_set.py` scores
them."""

from __future__ import annotations

from conftest import extract_events

from partnergraph.extract import classify, dates
from partnergraph.sources.reading import unwrap

HOME = {"home": "Miejski Ośrodek Pomocy Społecznej w Opolu", "home_city": "Opole"}


def test_sentences_that_open_with_a_part_of_a_month_are_events_of_a_reports_section(registries):
    page = (
        "Sprawozdanie z działalności Ośrodka za 2020 rok\n\nIV. Współpraca międzynarodowa\n\n"
        "W 2020 roku Ośrodek współpracował z partnerami z Czech. Na początku lutego gościliśmy delegację "
        "Urzędu Miasta Ołomuniec, która poznała system pomocy społecznej w Opolu. Pod koniec października "
        "dwie pracownice Ośrodka wzięły udział w konferencji o pieczy zastępczej w Brnie.\n\n"
        "V. Wolontariat\n\nW 2020 roku z Ośrodkiem współpracowało 9 wolontariuszy.\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [(e["start"], e["type"], e["direction"]) for e in events] == [
        ("2020-02", "StudyVisit", "incoming"),
        ("2020-10", "Conference", "outgoing"),
    ]


def test_a_printed_page_break_drops_its_running_lines_and_keeps_capitals_headings():
    line = "Regionalny Ośrodek Polityki Społecznej gościł grupę studentów pracy socjalnej z Uniwersy-"
    page = "\n".join(
        [
            "WIZYTA STUDENTÓW Z BRNA",
            "W dniach 4–5 maja 2021 r. " + line,
            "tetu Masaryka, którzy poznali zadania samorządu województwa w dziedzinie polityki",
            "społecznej oraz pracę ośrodków interwencji kryzysowej w naszym regionie i w kraju,",
            "Biuletyn ROPS 2/2021",
            "                                                                          – 7 –",
            "a także działalność organizacji pozarządowych, które wspierają osoby bezdomne i ich",
            "rodziny w trudnych sytuacjach życiowych oraz pomagają im w powrocie do samodzielności.",
            "SEMINARIUM W KOSZYCACH",
            "Dwie pracownice Ośrodka uczestniczyły 8 czerwca 2021 r. w międzynarodowym seminarium",
            "o usługach dla osób z niepełnosprawnościami, zorganizowanym przez samorząd kraju koszyckiego",
            "w Koszycach. Przedstawiły doświadczenia regionu w tworzeniu mieszkań wspomaganych dla",
            "Biuletyn ROPS 2/2021",
            "                                                                          – 8 –",
            "osób z niepełnosprawnościami, które chcą mieszkać samodzielnie w swoim środowisku.",
        ]
    )
    lines = unwrap(page).split("\n")
    assert [x[:22] for x in lines] == [
        "WIZYTA STUDENTÓW Z BRN",
        "W dniach 4–5 maja 2021",
        "SEMINARIUM W KOSZYCACH",
        "Dwie pracownice Ośrodk",
    ]
    assert "z Uniwersytetu Masaryka" in lines[1] and "polityki społecznej" in lines[1]
    assert "w kraju, a także działalność" in lines[1]  # across the page break
    assert "wspomaganych dla osób z niepełnosprawnościami" in lines[3]
    assert "Biuletyn" not in "".join(lines) and "– 8 –" not in "".join(lines)


def test_the_past_weekend_is_the_saturday_and_sunday_before_the_publication():
    day = dates.relative_day(
        "W miniony weekend gościliśmy streetworkerów z Brna.", "Jan Lis | 22.03.2021, 08:00"
    )
    assert (day.begin, day.finish) == ((2021, 3, 20), (2021, 3, 21))


def test_visitors_who_went_round_places_and_talked_were_shown_how_the_hosts_work():
    body = (
        "W Opolu gościła grupa streetworkerów z Brna. Razem z naszymi pracownikami ulicy odwiedzali miejsca, "
        "w których przebywają osoby bezdomne, i rozmawiali o metodach pracy."
    )
    assert classify.classify_type("Czescy streetworkerzy w Opolu", body)[0] == "StudyVisit"


def test_supported_flats_and_the_labour_market_are_themes(registries):
    page = (
        "Seminarium w Brnie\n\n8 czerwca 2021 r. dwie pracownice Ośrodka uczestniczyły w seminarium w Brnie o "
        "tworzeniu mieszkań wspomaganych i o powrocie osób długo pozostających bez pracy na rynek pracy.\n"
    )
    (ev,) = extract_events(page, registries, **HOME)
    assert {"housing", "unemployment"} <= set(ev["topics"])
