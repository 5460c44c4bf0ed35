"""A fifteenth probe set: a chronicle whose dates take unusual forms ('Dn. 5/02/2019', '12-go marca 2019 r.',
'Od 3 do 5.06.2019 r.', 'W terminie 18–20 XI 2019 r.'), a Polish article followed by its Ukrainian translation,
a project page whose Polish text is followed by 'English version' and the same text in English, and a
social-media post dated only '2 dni temu' whose 'Wczoraj' cannot be dated. Written with gold by
../shared/eval/GOLD-CONVENTIONS.md before the rules below, and scored as `extract_set.py` scores them."""

from __future__ import annotations

from conftest import extract_events

from partnergraph.extract import dates
from partnergraph.sources.reading import unwrap

HOME = {"home": "Miejski Ośrodek Pomocy Społecznej w Opolu", "home_city": "Opole"}


def test_a_slashed_date_and_a_day_with_an_ordinals_ending():
    def day(s: str) -> tuple:
        return dates.event_dates(s)[0].begin

    assert day("Dn. 5/02/2019 do magazynu dotarł transport darów.") == (2019, 2, 5)
    assert day("12-go marca 2019 r. odbyło się spotkanie partnerów.") == (2019, 3, 12)
    assert dates.event_dates("Przekazano 1/2 środków.")[0] is None  # a fraction is no date


def test_the_same_report_in_another_language_is_no_second_event(registries):
    page = (
        "Spotkanie sieci w Opolu\n\nW dniach 5–6 czerwca 2018 r. Opole było gospodarzem spotkania partnerów "
        "sieci, w którym wzięli udział przedstawiciele miast Gandawa i Glasgow.\n\nEnglish version\n"
        "On 5–6 June 2018 Opole hosted the meeting of the network partners, attended by representatives of the "
        "cities of Ghent and Glasgow.\n"
    )
    (ev,) = extract_events(page, registries, **HOME)
    assert (ev["title"], ev["start"]) == ("Spotkanie sieci w Opolu", "2018-06-05")


def test_a_text_that_repeats_its_lines_is_no_running_header():
    line = "W dniu 3 marca 2015 r. MOPS gościł delegację ze Lwowa, która poznała pracę naszych klubów."
    assert unwrap("\n\n".join([line] * 40)).count("delegację ze Lwowa") == 40
