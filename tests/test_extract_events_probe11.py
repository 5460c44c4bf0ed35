"""An eleventh probe set on headlines and list pages: a press release whose first paragraph opens with its
dateline ('Kraków, 15.03.2019 r.'), a headline over its deck (with and without a blank line, over or under the
date line), a city portal's list of teasers cut with '…' under their dates of publication (one a notice), a
regional welfare centre's numbered calendar of dated items (an online meeting among them), and a December visit
published in January. Written with gold by ../shared/eval/GOLD-CONVENTIONS.md before the rules below, and scored
as `extract_set.py` scores them."""

from __future__ import annotations

from conftest import extract_events

from partnergraph.sources import chrome

HOME = {"home": "Miejski Ośrodek Pomocy Społecznej w Zamościu", "home_city": "Zamość"}
SITE = "Miejski Ośrodek Pomocy Społecznej w Zamościu\nAktualności | Kontakt\n\n"


def test_the_headline_over_its_deck_is_the_title(registries):
    page = SITE + (
        "Pielęgniarki z Równego w Zamościu\nCztery dni wymiany doświadczeń w opiece domowej\n"
        "Data publikacji: 12.10.2021\n\nW dniach 4–7 października gościliśmy pielęgniarki środowiskowe z Równego, "
        "które poznały pracę naszych opiekunek i usługi opiekuńcze dla osób starszych.\n"
    )
    (ev,) = extract_events(page, registries, **HOME)
    assert (ev["title"], ev["start"]) == ("Pielęgniarki z Równego w Zamościu", "2021-10-04")
    spaced = page.replace("Zamościu\nCztery", "Zamościu\n\nCztery")
    assert [e["title"] for e in extract_events(spaced, registries, **HOME)] == [
        "Pielęgniarki z Równego w Zamościu"
    ]
    # a headline that names no place keeps its own rank over the line under it
    plain = page.replace("Pielęgniarki z Równego w Zamościu", "Pielęgniarki środowiskowe u nas")
    assert (
        extract_events(plain, registries, **HOME)[0]["title"]
        == "Cztery dni wymiany doświadczeń w opiece domowej"
    )


def test_each_teaser_of_a_list_page_is_an_item(registries):
    page = SITE + (
        "Aktualności\n\n02.06.2022\nStudenci z Lwowa poznali nasz Ośrodek\nGrupa studentów pracy socjalnej z Lwowa "
        "spędziła 30 maja dzień w naszym Ośrodku, gdzie rozmawiała z asystentami rodziny o…\nCzytaj więcej\n\n"
        "20.05.2022\nNabór do Klubu Seniora\nOd 1 czerwca przyjmujemy zgłoszenia do Klubu Seniora, które prowadzi nasz "
        "dział usług opiekuńczych przy ulicy…\nCzytaj więcej\n\n11.05.2022\nNasze pracownice na konferencji w Wilnie\n"
        "W dniach 9–10 maja dwie pracownice Ośrodka wzięły udział w konferencji o pieczy zastępczej w Wilnie, "
        "gdzie…\nCzytaj więcej\n"
    )
    events = extract_events(page, registries, **HOME)
    assert [(e["title"], e["start"]) for e in events] == [
        ("Studenci z Lwowa poznali nasz Ośrodek", "2022-05-30"),
        ("Nasze pracownice na konferencji w Wilnie", "2022-05-09"),
    ]


def test_a_labelled_contact_line_ends_the_article():
    assert chrome.ends_article("Kontakt dla mediów: Jan Nowak, Biuro Prasowe Urzędu Miasta")
    assert chrome.ends_article("Tagi: Wilno")
    assert not chrome.ends_article(
        "Kontakt dla mediów był w tym roku trudniejszy niż kiedykolwiek przedtem, bo …"
    )
