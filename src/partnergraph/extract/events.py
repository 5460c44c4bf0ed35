"""From a page's sections to events: every field with the span of text it came from."""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter

from .._slug import slug
from ..model import Event, Evidence, Page, Place
from ..reference import Registries
from ..sources import chrome
from ..sources.splitting import EVENT_WORDS, Listed, grouped_sections, sums_up
from . import classify, dates, names
from ._text import sentences, tokenize
from .draft import Draft, cite
from .gazetteer import Gazetteer, load_gazetteer, with_registries
from .home import Home, home_of
from .location import (
    as_home_city,
    event_direction,
    event_location,
    guests_of,
    home_place,
    hosts_a_programme_point,
    place_of,
)
from .places import (
    PlaceMention,
    absent_at,
    after_place_noun,
    find_nationalities,
    find_places,
    find_unlinked,
    home_namesakes,
    inside,
    institution_adjectives,
    resolve,
    seat_adjectives,
    seat_in_name,
)

# words that make a section an event report rather than a notice or a page introduction
EVENT_CUES = re.compile(
    r"(?<!\w)(wizyt|rewizyt|przebywa|pobyt|wyjazd|wyjecha|konferencj|spotka|seminari|sympozj|kongres|darowizn|przekaza|udział|uczestnicz|"
    r"współprac|delegacj|studen|gości|projekt|warsztat|szkoleni|forum|staż|wymian|goście|przyjecha|"
    r"odwiedzi|zjazd|partner|dar(?:y|ów|ami)\b|przywi(?:ózł|oz|eź)|"  # "Dary z Akwizgranu": a gift of goods
    # people from abroad who work beside the home's staff for a while: volunteers, trainees, job shadowing
    r"wolontari|praktyk|hospit|job[\s-]?shadow|mobilnoś|erasmus|"
    r"zapozna|poznawa|poznal|podpatr|przygląda|"  # guests shown how the hosts work, no word for a visit
    r"visit|meeting|conferenc|seminar|delegation|workshop|donat)",  # English project pages
    re.I,
)
_GAZETTEERS: dict[int, tuple[Registries, Gazetteer]] = {}
_BASE: Gazetteer | None = None


def gazetteer_for(registries: Registries) -> Gazetteer:
    hit = _GAZETTEERS.get(id(registries))
    if hit is not None and hit[0] is registries:
        return hit[1]
    global _BASE
    if _BASE is None:
        _BASE = load_gazetteer()
    gaz = with_registries(_BASE, registries)
    _GAZETTEERS.clear()
    _GAZETTEERS[id(registries)] = (registries, gaz)
    return gaz


def extract_events(page: Page, registries: Registries) -> list[Event]:
    """The events reported on `page`, in page order."""
    gaz = gazetteer_for(registries)
    grouped = grouped_sections(page)
    listed = [(x, d) for x in grouped if (d := _draft(page, x)) is not None]
    drafts = [d for _x, d in listed]
    year = _year(page, grouped, drafts)
    home = home_of(page.home, page.home_city, registries)
    # a Kraków body's own page names it in its first line: listed where an event's text has it take part
    publisher = names.page_publisher(page.text, registries, gaz) if home.default else None
    if publisher is not None and home.is_home(publisher.value):
        publisher = None
    events: list[Event] = []
    seen: dict[str, int] = {}
    labels: dict[int, str] = {}  # the group heading over an event: "Wyjazdy pracowników" names its trip
    for x, d in listed:
        ev = _event(page, d, year, gaz, registries, home, publisher)
        if ev is None:
            continue
        labels[id(ev)] = x.group or ""
        _listed_under(ev, page, x, gaz, registries)
        key = ev.id
        if key in seen:
            ev.id = f"{key}-{ev.start or len(events)}"
        seen[key] = seen.get(key, 0) + 1
        events.append(ev)
    if any(ev.countries for ev in events):
        # beside reports with a foreign side, an item with none that names no guests, trip, partner or
        # project is the publisher's domestic news ("Spotkanie z radnymi", "Warsztaty dla rodziców" in a
        # newsletter that also has "Goście z Preszowa")
        events = [
            ev
            for ev in events
            if ev.countries or ev.cities or CROSS_BORDER.search(ev.text) or _abroad_label(labels[id(ev)])
        ]
    return events


def _abroad_label(label: str) -> bool:
    """A group heading over trips or guests ("Wyjazdy pracowników MOPS"), not over local ones ("Wizyty i
    spotkania lokalne")."""
    return bool(CROSS_BORDER.search(label)) and not LOCAL.search(label)


# what says an event is the country's own: "ogólnopolska konferencja", "konferencje krajowe"
DOMESTIC_WORDS = r"krajow|ogólnopolsk"
LOCAL = re.compile(rf"(?<!\w)(?:{DOMESTIC_WORDS}|lokaln)\w*", re.I)
# what a report of a cooperation names even where its foreign side goes unrecognised
CROSS_BORDER = re.compile(
    r"(?<!\w)(?:partner|rewizyt|delegacj|goś[cć]|gości|wizyt|wyjazd|wyjecha|zagraniczn|międzynarodow|projekt|"
    r"studen|wolontariusz)",
    re.I,
)


def _listed_under(ev: Event, page: Page, x: Listed, gaz: Gazetteer, registries: Registries) -> None:
    """An item of a list belongs to the project its group heading or the page's funding line names
    ("Sprawozdanie z realizacji projektu „X”", "Projekt „X” współfinansowany …"), and then to the programme
    of that funding line ("… w ramach programu Y"), where its own text names none."""
    spans = list(x.funding)
    if x.group is not None and x.group_start is not None and x.group_start >= 0:
        spans.append((x.group_start, x.group_start + len(x.group)))
    found = {}
    for a, b in spans:
        line = page.text[a:b]
        found[a, b] = names.find_names(line, tokenize(line, a), a, len(line), registries, gaz)
    if not any(f.projects for f in found.values()):
        return  # a chronicle's items under a funding line of the site: no one project they belong to
    for (a, b), f in found.items():
        for n in f.projects + (f.programmes if (a, b) in x.funding else []):
            values = getattr(ev, n.field)
            if not values or (n.field == "projects" and n.value not in values):
                values.append(n.value)
                quote = Evidence(page.text[n.start : n.end], n.start, n.end, 0.6)
                ev.evidence.setdefault(n.field, []).append(quote)
                if n.field == "projects" and not ev.topics:  # its title states the theme of a bare item
                    free, _named = classify.find_topics(n.value, [], [(0, len(n.value))])
                    ev.topics = [t for t, _cue in free]
                    ev.evidence["topics"] = [Evidence(quote.quote, n.start, n.end, 0.45) for _t in free]


def infer_year(page: Page) -> int | None:
    """The page's year: page.year, else the commonest year written in its events' dates."""
    if page.year:
        return page.year
    grouped = grouped_sections(page)
    drafts = [d for d in (_draft(page, x) for x in grouped) if d is not None]
    return _year(page, grouped, drafts)


def _year(page: Page, grouped: list[Listed], drafts: list[Draft]) -> int | None:
    """The year of the page's year-less dates: given with the page, else written in its events' dates, else
    shown around them, else an article's year of publication."""
    return page.year or page_year(drafts) or year_around(page, grouped) or published_year(grouped, drafts)


def year_around(page: Page, grouped: list[Listed]) -> int | None:
    """A year the page shows outside its events: its title ("Współpraca zagraniczna w 2019 roku"), else
    its record card ("Data publikacji: 2011-01-20"); not the year a body was founded ("od 2005 roku"). Not
    around one article: there it is a site header's, a sidebar's or the date of publication
    (../shared/eval/GOLD-CONVENTIONS.md)."""
    sections = [x.section for x in grouped]
    if not sections or any(x.article for x in grouped):
        return None
    for text in (page.text[: sections[0].start], page.text[sections[-1].end :]):
        for y in dates.years_in(text, founding=False):
            if 1990 <= y <= 2100:
                return y
    return None


def published_year(grouped: list[Listed], drafts: list[Draft]) -> int | None:
    """An article's year of publication, when its text writes no year: the year of its year-less days, which
    a report gives after the event (a month later than the publication's is of the year before). The date of
    publication itself is no event's date."""
    article = next((x for x in grouped if x.published), None)  # the article's, else the first item's
    if article is None:
        return None
    day = next((m for m in dates.find_dates(article.published) if m.begin[0] and not m.year_only), None)
    if day is None:
        return None
    year, month, _day = day.begin
    months = [d.date.begin[1] for d in drafts if d.date is not None and not d.date.year_only]
    return year - 1 if months and min(months) > month else year


def page_year(drafts: list[Draft]) -> int | None:
    years = Counter()
    for d in drafts:
        if d.date is not None:
            years.update(y for y in (d.date.begin[0], d.date.finish[0]) if y)
        # a later day counts once: a stay "od 1 października 2019 r. … do końca lipca 2020 r." is of 2019
        years.update({m.finish[0] for m in d.extra_dates} - {None})
    if not years:
        return None
    return max(years, key=lambda y: (years[y], y))


def _draft(page: Page, listed: Listed) -> Draft | None:
    """The section's text, tokens and dates; an undated item listed under a month or a quarter
    ("Czerwiec 2014") takes the group heading's months, a date without a year the year label's."""
    sec = listed.section
    text = page.text[sec.start : sec.end]
    if sec.body:
        body_off = text.find(sec.body)
        title_len = len(text[:body_off].rstrip())
    else:
        body_off = title_len = len(text)
    for a, b in listed.masks:  # chrome inside the section: blanked, offsets kept
        a, b = a - sec.start, b - sec.start
        text = text[:a] + " " * (b - a) + text[b:]
    title_len = min(title_len, len(text[:body_off].rstrip()))
    if not EVENT_CUES.search(text):
        return None
    title = text[:title_len]
    if title.isupper() and len(title.title()) == len(title):
        # a heading in capitals ("WIZYTA STUDENTÓW Z NIEMIEC"): read its words as ordinary ones
        tokens = tokenize(title.title(), sec.start) + tokenize(text[title_len:], sec.start + title_len)
    else:
        tokens = tokenize(text, sec.start)
    d = Draft(sec, text, sec.start, title_len, body_off, tokens, group=listed.group)
    body = text[body_off:]
    first, extra = dates.event_dates(body)
    titled, titled_extra = dates.event_dates(text[:title_len])
    if titled is not None and (
        first is None or dates.sharpens(titled, first) or (first.year_only and not titled.year_only)
    ):
        # the heading's days ("Konferencja w Tbilisi (30.03-2.04)") over the body's month ("na przełomie
        # marca i kwietnia 2016 r.", whose year still counts) or over a year the body names alone ("rewizyta
        # za pobyt partnerów w 2017 roku": another time's)
        first, extra = dates.with_year_of(titled, first), titled_extra
        d.date_in_title = True
    if listed.published and (first is None or first.begin[2] is None):
        # "Wczoraj odwiedzili nas …", "W ubiegły piątek …" under the post's date, before any dated day
        relative = dates.relative_day(body, listed.published)
        if relative is not None and (first is None or relative.start < first.start):
            first, extra = relative, []
        elif (
            first is None and (relative := dates.relative_day(text[:title_len], listed.published)) is not None
        ):
            first, extra = relative, []  # a post titled by its first sentence: "Dziś gościliśmy delegację …"
            d.date_in_title = True
    if first is None and listed.dated_by:  # "Poniedziałek, 7 lutego 2022" over the item's heading
        over, _more = dates.event_dates(listed.dated_by)
        first = over and dataclasses.replace(over, start=0, end=0)  # no span of the section's text
    if first is None and listed.group:
        first = dates.calendar_label(listed.group)
        if first is not None:
            first = dataclasses.replace(first, start=0, end=0)  # no span of the section's text
    if listed.year is not None:
        label = dates.DateMention(0, 0, (listed.year, 1, None), (listed.year, 12, None))
        if first is None:
            first = dataclasses.replace(label, year_only=True)
        else:
            first, extra = dates.with_year_of(first, label), [dates.with_year_of(m, label) for m in extra]
    d.date, d.extra_dates = first, extra
    return d


def _date_confidence(d: Draft, m: dates.DateMention) -> float:
    """A day with its year written is surest; a year taken from elsewhere on the page, a month alone or
    a group heading's month less so."""
    if m.year_only:
        return 0.5
    if m.start == m.end == 0 and not d.date_in_title:
        return 0.6  # from the heading the item is listed under
    sure = 0.9 if m.begin[0] else 0.75
    return sure - (0.1 if m.begin[2] is None else 0)


def _event(
    page: Page,
    d: Draft,
    year: int | None,
    gaz: Gazetteer,
    registries: Registries,
    home: Home,
    publisher: names.Name | None = None,
) -> Event | None:
    text, tl, bo = d.text, d.title_len, d.body_off
    title = " ".join(text[:tl].split())
    if VACANCY.match(title):
        return None  # a job offer or a call for tenders reports nothing that happened
    ev = Event(
        id=f"{page.source_id}/{slug(title, max_words=8)}",
        source_id=page.source_id,
        title=title,
        text=text,
        text_start=d.base,
    )
    ev.evidence["title"] = [cite(d, 0, tl)]
    title_body = lambda a: a if a < tl + 1 else bo + (a - tl - 1)  # noqa: E731 offsets in title+"\n"+body

    # dates
    if d.date is not None:
        off = 0 if d.date_in_title else bo
        start, _ = d.date.iso(year)
        last = d.extra_dates[-1] if d.extra_dates else d.date
        _, end = last.iso(year)
        ev.start, ev.end = start, end
        ev.evidence["start"] = [cite(d, off + d.date.start, off + d.date.end, _date_confidence(d, d.date))]
        ev.evidence["end"] = [cite(d, off + last.start, off + last.end, _date_confidence(d, last))]

    sents = sentences(text)
    # names first: places inside them are not places of the event, topics inside them count less
    found = names.find_names(text, d.tokens, d.base, tl, registries, gaz)
    name_spans = [(n.start - d.base, n.end - d.base) for n in found.all() if n.field != "persons"]

    # type
    body = text[bo:]
    kind, cue, in_title, margin = classify.classify_type_margin(text[:tl], body)
    ev.type = kind
    if cue is not None:  # sure as the text is clear: by the winner's lead over the runner-up
        sure = 0.45 + 0.45 * margin + (0.05 if in_title else 0)
        ev.evidence["type"] = [cite(d, title_body(cue.start), title_body(cue.end), sure)]
    else:
        ev.evidence["type"] = [cite(d, 0, tl, 0.4)]  # no cue at all: the commonest type

    # places
    person_spans = [(n.start - d.base, n.end - d.base) for n in found.persons]
    all_places = find_places(gaz, d.tokens)
    mentions = [
        m
        for m in all_places
        if not inside(m, d.base, person_spans)
        and (
            m.kind == "country"
            or m.prep
            # "the municipality of Vaterstetten" is the town, also where it is read as a body
            or (d.tokens[m.token_index - 1].lower == "of" and after_place_noun(d.tokens, m.token_index))
            or not inside(m, d.base, name_spans)
            or guests_of(d, m)  # the town of the body the home's people were guests of: "… Frankfurt (Oder)"
        )
    ]
    mentions = [_venue_cell(m, text, d.base, tl) for m in mentions]
    countries_by_sentence: dict[int, set[str]] = {}
    for m in mentions:
        if m.kind == "country":
            countries_by_sentence.setdefault(_sentence_of(sents, m.start - d.base), set()).add(m.country)
    all_countries = {m.country for m in mentions if m.kind == "country"}
    resolved = []
    for m in mentions:
        if m.kind == "city":
            near = countries_by_sentence.get(_sentence_of(sents, m.start - d.base), set())
            m = resolve(m, near or all_countries)
        resolved.append(as_home_city(m, home))
    named = all_countries | {iso for iso, _ in find_nationalities(gaz, d.tokens)}
    home_town = home_place(home, gaz, registries)
    resolved = home_namesakes(resolved, home_town, named)
    foreign = [
        m
        for m in resolved
        if m.country
        and m.country != "PL"
        and not _model_from(text, m.start - d.base)
        and not _people_served(text, m.start - d.base)
    ]
    # place strings that link to nothing are reported, not dropped
    for a, b in find_unlinked(d.tokens, all_places):
        s, e = d.tokens[a].start - d.base, d.tokens[b - 1].end - d.base
        seen = {x.quote for x in ev.unlinked.get("cities", [])}
        if d.text[s:e] not in seen and not any(s < ne and e > ns for ns, ne in name_spans + person_spans):
            ev.unlinked.setdefault("cities", []).append(cite(d, s, e))

    # a report of an event is dated or names a foreign place; a page introduction does neither (a year alone
    # dates an item only where it opens it: a timeline's "2016 – wizyta …")
    timeline = d.date is not None and d.date.year_only and d.date_in_title and d.date.start == 0
    if (d.date is None or (d.date.year_only and not timeline)) and (not foreign or sums_up(title)):
        return None  # ... nor does a page on a cooperation as a whole ("Współpraca zagraniczna": partners, years)

    # direction and location
    direction, dir_ev = event_direction(d, kind, resolved, home)
    ev.direction = direction
    ev.evidence["direction"] = [dir_ev]
    ev.location, location_ev = event_location(
        d, kind, direction, resolved, foreign, home, gaz, registries, name_spans
    )
    if location_ev is not None:
        ev.evidence["location"] = [location_ev]

    # cities and countries
    for m in foreign:
        if m.kind != "city":
            continue
        p = place_of(m, gaz, registries)
        if all((c.name, c.country) != (p.name, p.country) for c in ev.cities):
            ev.cities.append(p)
            sure = 0.9 if m.end - d.base <= tl else 0.8 if m.prep else 0.6
            ev.evidence.setdefault("cities", []).append(cite(d, m.start - d.base, m.end - d.base, sure))
    for m in foreign:
        if m.country not in ev.countries:
            ev.countries.append(m.country)
            sure = 0.9 if m.end - d.base <= tl else 0.8 if m.prep else 0.65
            ev.evidence.setdefault("countries", []).append(cite(d, m.start - d.base, m.end - d.base, sure))

    # names; a facility the guests were shown, a venue's owner, a background partner: not participants
    bystanders = _bystanders(page.text, found.organisations, d.base, direction)
    funders = _funding_lines(text, d.base)
    for n in found.all():
        if n.field == "organisations" and (id(n) in bystanders or home.is_home(n.value)):
            continue
        if n.field == "organisations" and any(a <= n.start < b for a, b in funders):
            continue  # a funder in the funding line ("European Regional Development Fund"): no participant
        if n.field == "persons" and _not_a_participant(page.text, n.start, n.end):
            continue
        if (n.default_home and home.default) or (
            n.field == "organisations" and names.begins_name(n.value, home.name)
        ):
            continue  # MOPS on MOPS Kraków's pages; the home by the first words of its name (ext-names hook)
        if n.field == "units" and not home.default:
            continue  # units are MOPS Kraków's
        values = getattr(ev, n.field)
        if n.aliases:  # one body under its own name, its Polish rendering an alias (ext-names hook)
            ev.aliases.setdefault(n.value, []).extend(
                a for a in n.aliases if a not in ev.aliases.get(n.value, [])
            )
        if n.value not in values:
            values.append(n.value)
            ev.evidence.setdefault(n.field, []).append(
                Evidence(page.text[n.start : n.end], n.start, n.end, n.confidence)  # by the names' rule
            )
    if publisher is not None and names.names_publisher(text, publisher):  # (ext-names hook)
        ev.organisations = [o for o in ev.organisations if not names.part_of_publisher(o, publisher)]
        if publisher.value not in ev.organisations:
            ev.organisations.append(publisher.value)
            quote = Evidence(page.text[publisher.start : publisher.end], publisher.start, publisher.end, 0.6)
            ev.evidence.setdefault("organisations", []).append(quote)
    _drop_generic_programmes(ev)
    # a city named only inside an organisation's name, when no other city is given: its seat, unless the
    # text names another country (an organiser's seat: "seminarium w Belgii zorganizowane przez Uniwersytet
    # Wiedeński"); else a city adjective beside an institution in the running text, which says whence the
    # people come as "z Wiednia" would ("urzędnicy wiedeńskiego magistratu oraz goście z Niemiec")
    seated = not ev.cities
    if not ev.cities:
        seats = []
        for n in found.organisations:
            name, quote = tokenize(n.value), Evidence(page.text[n.start : n.end], n.start, n.end)
            seats += [
                (m, quote, n.value) for m in find_places(gaz, name) + seat_in_name(gaz, name, ev.countries)
            ]
            seats += [(m, quote, n.value) for m in seat_adjectives(gaz, name)]
        for m in institution_adjectives(gaz, d.tokens):
            seats.append((m, Evidence(page.text[m.start : m.end], m.start, m.end), None))
        named = set(ev.countries)
        seated = set()  # the bodies whose seat is listed: one each ("der Stadt Frankfurt (Oder)" is one town)
        for m, evidence, owner in seats:
            outright = owner is None
            if m.kind == "country" and m.country not in ("", "PL", *ev.countries) and not named:
                ev.countries.append(m.country)  # a region by its capital's adjective: its country only
                ev.evidence.setdefault("countries", []).append(evidence)
                continue
            if (
                m.kind == "city"
                and m.country not in ("", "PL")
                and (outright or not named or m.country in named)
                # after the first, only the seats of other bodies that take part ("Partnerami są Diakonie
                # Hamburg i Caritas Wien")
                and (not ev.cities or (owner in ev.organisations and owner not in seated))
            ):
                m = resolve(m, named)
                p = place_of(m, gaz, registries)
                if any((c.name, c.country) == (p.name, p.country) for c in ev.cities):
                    continue
                ev.cities.append(p)
                ev.evidence.setdefault("cities", []).append(evidence)
                seated.add(owner)
                if m.country not in ev.countries:
                    ev.countries.append(m.country)
                    ev.evidence.setdefault("countries", []).append(evidence)
    else:  # each listed body's seat in its own name, where the text gives it no other place (ext-names hook)
        listed = [n for n in found.organisations if n.value in ev.organisations]
        # a town named as whence the visitors come outranks a town's adjective in a name ("studenci z Getyngi,
        # stypendyści Uniwersytetu Hamburskiego"); a venue does not ("w Bardejowie … Uniwersytet Preszowski")
        whence = any(m.kind == "city" and m.prep in ("z", "ze") for m in foreign)
        for m, evidence in names_seats(gaz, page.text, listed, set(ev.countries), adjectives=not whence):
            p = place_of(resolve(m, set(ev.countries)), gaz, registries)
            listed_cities = {(c.name, c.country) for c in ev.cities}
            # a name the text gives a town already has that town: "Sozialamt Frankfurt" beside "we
            # Frankfurcie" by the Oder is Frankfurt (Oder), not also Frankfurt am Main
            if all((c.name, c.country) not in listed_cities for c in (*m.readings, p)) and not any(
                _near(p, c) for c in ev.cities
            ):
                ev.cities.append(p)
                ev.evidence.setdefault("cities", []).append(evidence)
                if p.country not in ev.countries:
                    ev.countries.append(p.country)
                    ev.evidence.setdefault("countries", []).append(evidence)
    if seated and _one_seat_abroad(ev):  # "odwiedziły Lwowskie Miejskie Centrum …" on a trip "na Ukrainę"
        ev.location = ev.cities[0]
        ev.evidence["location"] = ev.evidence["cities"][:1]
    for iso, k in find_nationalities(gaz, d.tokens):
        if iso not in ev.countries:
            t = d.tokens[k]
            ev.countries.append(iso)
            ev.evidence.setdefault("countries", []).append(Evidence(t.text, t.start, t.end, 0.55))
    # a registered organisation's seat is a country of the event only when the text names no foreign
    # country at all (its visitors' country); an organiser's seat is not where its seminar was held
    for iso, a, b in found.countries if not ev.countries else []:
        if iso not in ev.countries and iso != "PL":
            ev.countries.append(iso)
            ev.evidence.setdefault("countries", []).append(Evidence(page.text[a:b], a, b, 0.5))

    if not ev.countries and (not EVENT_WORDS.search(title) or _domestic(text, resolved, home_town)):
        # no foreign side and no visit, meeting or gift named: a notice ("Nabór na szkolenie …"); or a
        # domestic one: a national conference, guests from another Polish town
        return None

    # participants: the foreign people's kind, for events where foreigners come (or meet online)
    who = None
    if kind != "Donation":
        place_words = {text[m.start - d.base : m.end - d.base] for m in foreign}
        if direction != "outgoing":
            who, cue = classify.find_participants(text[:tl], body, place_words)
        else:  # abroad, only where the text says who of the foreign side took part
            at_home = [
                n.start - d.base - bo
                for n in found.organisations
                if home.is_home(n.value) or names.begins_name(n.value, home.name)
            ]
            who, cue = classify.find_participants_abroad(body, place_words, at_home)
            cue = cue and classify.Cue(cue.value, tl + 1 + cue.start, tl + 1 + cue.end)
    elif direction == "incoming":  # a gift from abroad: the people who brought it, when the text says who
        who, cue = classify.find_carriers(body)
        cue = cue and classify.Cue(cue.value, tl + 1 + cue.start, tl + 1 + cue.end)
    if who:
        ev.participants = who
        sure = (
            0.85 if cue.end <= tl else 0.45 if cue.value == "officials" and cue.end - cue.start < 12 else 0.65
        )
        ev.evidence["participants"] = [cite(d, title_body(cue.start), title_body(cue.end), sure)]

    # topics: from the running text; from names only when the text gives none
    # a project's title states its theme, and a project event is about it; other names do not count
    topic_masks = [
        (n.start - d.base, n.end - d.base) for n in found.all() if n.field not in ("persons", "projects")
    ]
    free, named = classify.find_topics(text, topic_masks, sents)
    for topic, cue in free or named:
        if topic == "volunteering" and ev.participants == "volunteers" and _describes_visitors(text, cue):
            continue  # the visitors are volunteers; their visit is not about volunteer work
        ev.topics.append(topic)
        sure = 0.45 if not free else 0.8 if cue.end <= tl else 0.6
        ev.evidence.setdefault("topics", []).append(cite(d, cue.start, cue.end, sure))
    return ev


# the heading of a job offer or a call for tenders: "Ogłoszenie o naborze na stanowisko …", "Zapytanie ofertowe"
VACANCY = re.compile(
    r"(?:ogłoszenie\s+o\s+(?:naborze|konkursie|zamówieniu)|nabór\s+na\s+(?:wolne\s+)?stanowisk|oferta\s+pracy|"
    r"konkurs\s+na\s+stanowisk|zapytanie\s+ofertowe)",
    re.I,
)
DOMESTIC = re.compile(rf"(?<!\w)(?:{DOMESTIC_WORDS})\w*", re.I)


# a Polish state office's holder as the guest: "Wizyta Wojewody Małopolskiego", "posłanka na Sejm"
POLISH_OFFICE = re.compile(
    r"(?<!\w)(?:(?:wice)?wojewod(?:a|y|zie|ą|ę|owie)\b|marszał(?:ek|ka|kiem|kowi) województwa|rzeczni\w* praw (?:obywatelskich|dziecka)|"
    r"posł\w* na sejm|senator\w* rp)",
    re.I,
)


def _domestic(text: str, resolved: list[PlaceMention], home_town: Place) -> bool:
    """An event with no foreign side that the text places at home: called national, a Polish state office's
    visit, or naming a Polish town other than the home's ("gościliśmy pracowników Ośrodka w Przemyślu",
    "konferencja w Warszawie")."""
    return bool(DOMESTIC.search(text) or POLISH_OFFICE.search(text)) or any(
        m.kind == "city" and m.country == "PL" and m.city is not None and m.city.name != home_town.name
        for m in resolved
    )


# a country named as where a model or a method comes from, not as a party: "model sprawdzony w Szwecji i Norwegii",
# "wzorowany na rozwiązaniach stosowanych w Danii", "na wzór fiński"
MODEL_FROM = re.compile(
    r"(?:wzorowan\w*|na\s+wzór|sprawdzon\w*|stosowan\w*|praktykowan\w*)\s+(?:[^\s.;]+\s+){0,3}?(?:w|we)\s+"
    r"(?:[^\s.;,]+(?:\s*,\s*|\s+(?:i|oraz|lub)\s+)){0,3}$",  # and the countries listed after the first
    re.I,
)


def _model_from(text: str, pos: int) -> bool:
    return bool(MODEL_FROM.search(text, max(0, pos - 60), pos))


# a country named as whence the people a service helps come, not as a party: "punkt dla obywateli Ukrainy",
# "paczki dla uchodźców z Ukrainy"
PEOPLE_OF = re.compile(
    r"(?:obywatel\w*|(?:uchodźc|uciekinier|cudzoziem|imigran|migran)\w*\s+(?:z|ze))\s+$", re.I
)


def _people_served(text: str, pos: int) -> bool:
    return bool(PEOPLE_OF.search(text, max(0, pos - 30), pos))


def _funding_lines(text: str, base: int) -> list[tuple[int, int]]:
    """The page spans of the section's funding lines ("Projekt współfinansowany ze środków …")."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if chrome.is_funding(line):
            spans.append((base + pos, base + pos + len(line)))
        pos += len(line) + 1
    return spans


def _not_a_participant(text: str, start: int, end: int) -> bool:
    """A person's name that is a heading's last word and the next line's label ("… we Lwowie" / "Data: …"), or
    an author's byline: the name alone on its line over the date of publication ("Anna Nowak" / "17 maja
    2018, 09:15")."""
    if "\n" in text[start:end] and text[end : end + 1] == ":":
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end) % (len(text) + 1)
    if text[line_start:line_end].strip() != text[start:end]:
        return False
    following = text[line_end + 1 :].lstrip("\n").split("\n", 1)[0].strip()
    return bool(following and chrome.DATE_TOKEN.fullmatch(following))


# what the guests were shown ("zapoznani z działalnością Ośrodka …", "zwiedzili Dom …"): its owner is a
# facility toured or presented, not a party to the event (../shared/eval/GOLD-CONVENTIONS.md)
SHOWN_BEFORE = re.compile(
    r"(?:(?:zapozna|zaznajomi|przedstawi(?!ciel)|zaprezentowa|prezentac|pozna|omówi|oprowadz)\w*"
    r"[^.;]{0,120}?(?:działalnoś\w*|pracą|pracę|pracy|funkcjonowani\w*|ofert\w*|specyfik\w*|zadaniami)"
    r"(?:\s+i\s+\w+)?"
    r"|(?:zwiedz\w*|oprowadz\w*\s+po|zwiedzani\w*)(?:\s+[^.;]{0,80}?\s+(?:oraz|i)|[^.;]{0,80},)?"
    r")\s+$",
    re.I,
)
# what the guests visited ("odwiedzili", "odwiedziła", "odwiedził"): toured on an incoming visit, a host of a
# programme point on a trip abroad; not when the visitors follow the verb ("… odwiedzili pracownicy X")
VISITED_BEFORE = re.compile(
    r"odwiedzi(?:ł|ła|ło|li|ły)(?!\s+(?:nas\s+)?(?:pracowni|przedstawiciel|delegac|gość|gości|grup|student|uczestni))"
    r"(?:\s+[^.;]{0,80}?\s+(?:oraz|i)|[^.;]{0,80},)?\s+$",
    re.I,
)


# "wolontariusze Europejskiego Wolontariatu", "w ramach wolontariatu": who the visitors are, not a theme
VISITORS_STATUS = re.compile(
    r"(w\s+ramach|uczestni\w*|program\w*|europejsk\w*|wolontariusz\w*|odbywa\w*|realizuj\w*|po\s+rok\w*)\s+(\w+\s+){0,4}$",
    re.I,
)
# ... or after it: "wolontariuszki Europejskiego Korpusu …", "Wolontariat był realizowany w ramach programu …"
VISITORS_STATUS_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?(?:europejsk|w\s+ramach|program)", re.I)


def _describes_visitors(text: str, cue: classify.Cue) -> bool:
    return bool(
        VISITORS_STATUS.search(text[max(0, cue.start - 60) : cue.start])
        or VISITORS_STATUS_AFTER.match(text, cue.end, cue.end + 40)
    )


# what an organisation is named for when it is neither host nor guest: the party that commissions or pays
# ("na zlecenie Gminy Miejskiej Kraków", "ze środków Gminy"), the operator of a facility ("schroniska
# prowadzonego przez Towarzystwo …"), the owner of the building an event is held in ("w Auditorium Maximum
# Uniwersytetu Jagiellońskiego", "w sali obrad Rady Miasta")
BACKGROUND_BEFORE = re.compile(
    r"(?:na\s+zlecenie\s+"
    r"|(?:ze\s+)?środków\s+|(?:współ|do)?finansowan\w*\s+przez\s+|(?<!\w)(?:współ|do)finansował\w*\s+"
    r"|(?:wsparci|pomoc)\w*\s+finansow\w*\s+|(?<!\w)(?:współ|do)?finansowaniu\s+"  # "dzięki wsparciu finansowemu X"
    r"|(?<!\w)przy\s+wsparciu\s+"  # "zrealizowany przy wsparciu Komisji Europejskiej"
    r"|(?:schronisk|noclegowni|ogrzewalni|dom|ośrod|placów|mieszka|centr|punkt|klub|świetlic|hostel)\w*"
    r"\s+(?:\S+\s+){0,4}?prowadzon\w*\s+przez\s+"
    r"|(?<!\w)(?:w|we|na)\s+(?:sal[iaę]|aul[iaę]|budynk\w*|gmach\w*|auditorium\s+maximum|pomieszczeni\w*)"
    r"(?:\s+[^\s.;,]+){0,2}?\s+)$",
    re.I,
)
# ... but the operator of a facility whose staff spoke to the guests there hosted a programme point: "odwiedzili
# Schronisko prowadzone przez Towarzystwo X. Kierownik schroniska i jego pracownicy opowiedzieli o …"
OPERATED_BEFORE = re.compile(r"prowadzon\w*\s+przez\s+$", re.I)
STAFF_SPOKE = re.compile(
    r"[^.;]{0,60}[.;]?\s*[^.;]{0,80}?(?:pracowni|kierowni|personel|terapeu|koordynator|opiekun)\w*"
    r"[^.;]{0,60}?(?:opowi(?:edzi|ada)|przedstawi|zaprezentowa|omówi|oprowadzi|pokaza)\w*",
    re.I,
)
# the city's own side of a cooperation the event belongs to ("w ramach wieloletniej współpracy Gminy
# Miejskiej Kraków z miastem Monachium"); a foreign partner so named is usually the visitors' body
COOPERATION_BEFORE = re.compile(r"w\s+ramach\s+[^.;]{0,100}?współprac\w*\s+(?:(?:z|ze)\s+)?$", re.I)
KRAKOW_BODY = re.compile(r"\bKrak(ów|owa|owie)\b")


# "gdzie …" after the name, or after the rest of the list it opens ("odwiedzili A, B i C, gdzie rozmawiali …":
# each body listed hosted the talks)
HOSTED_AFTER = re.compile(r"[^.;:,]{0,40},?\s+gdzie\b")
# ... or after the rest of a list of three or more that the name opens ("odwiedzili A, B i C, gdzie rozmawiali
# …": a programme of visits, each body a host); after a pair ("A i B, gdzie …") "gdzie" is the last one's
LIST_HOSTED_AFTER = re.compile(r"(?P<rest>[^.;:]{0,160}?),?\s+gdzie\b")
LIST_JOINS = re.compile(r",\s|\s(?:i|oraz)\s")


def _is_bystander(text: str, n: names.Name, base: int, direction: str | None = None) -> bool:
    before = text[max(base, n.start - 160) : n.start]
    # visited: a facility toured, unless a programme point took place there ("odwiedziła Stowarzyszenie X,
    # gdzie zapoznała się …"), or on a trip abroad, where the bodies visited host its programme
    seen = VISITED_BEFORE.search(before)
    visited = (
        seen and not hosts_a_programme_point(direction, seen.group()) and not HOSTED_AFTER.match(text, n.end)
    )
    if visited and (listed := LIST_HOSTED_AFTER.match(text, n.end)):
        joins = LIST_JOINS.findall(seen.group()) + LIST_JOINS.findall(listed["rest"])
        visited = len(joins) < 2
    shown = SHOWN_BEFORE.search(before)
    if shown and hosts_a_programme_point(direction, shown.group()):
        shown = None
    shown = shown or visited
    return bool(
        # a commune or county visited hosts the visit
        (shown and not names.is_government(n.value))
        or absent_at(text, n.start, n.end)  # "… nie mógł uczestniczyć w spotkaniu"
        # an operator that hosted a programme point at its facility (its staff spoke, "…, gdzie …") takes part
        or (
            BACKGROUND_BEFORE.search(before)
            and not (
                OPERATED_BEFORE.search(before)
                and (STAFF_SPOKE.match(text, n.end) or HOSTED_AFTER.match(text, n.end))
            )
        )
        or (KRAKOW_BODY.search(n.value) and COOPERATION_BEFORE.search(before))
    )


# between two items of a list, the first maybe with its seat: " oraz ", ", ", " w Jaśle i "
LIST_GAP = re.compile(r"(?:\s+we?\s+\w+)?\s*(?:,|i|oraz)\s*")


# a place given right after a body's name: its seat is that place, not a town inside its name
PLACE_AFTER = re.compile(r"\s*[(,–-]?\s*(?:z\s+siedzibą\s+)?(?:z|ze|w|we)\s+[A-ZĆŁŚŹŻ]")


def names_seats(
    gaz, text: str, orgs: list[names.Name], countries: set[str], adjectives: bool = True
) -> list[tuple[PlaceMention, Evidence]]:
    """The cities inside foreign bodies' own names ("Samusocial de Paris", "CAW Antwerpen", "Municipality of
    Thessaloniki") of a country of the event, for bodies the text gives no place of their own."""
    out = []
    for n in orgs:
        if PLACE_AFTER.match(text, n.end):
            continue
        name = tokenize(n.value)
        # a body named in its own language and closed by its town ("Comune di Bologna", "Mestna občina
        # Ljubljana"): its seat is a country of the event as well, where the text names no country for it
        foreign = sum(t.unknown for t in name if t.is_word) >= 2
        # its town's adjective too: "Uniwersytet Preszowski"
        by_adjective = seat_adjectives(gaz, name) if adjectives else []
        for m in find_places(gaz, name) + seat_in_name(gaz, name) + by_adjective:
            closes = foreign and m.end == name[-1].end
            if m.kind == "city" and m.country != "PL" and (m.country in countries or closes):
                out.append((m, Evidence(text[n.start : n.end], n.start, n.end, 0.6)))
                break
    return out


def _near(a: Place, b: Place, km: float = 15.0) -> bool:
    """Two places of one town: a district ("Petržalka") and its city ("Bratislava")."""
    if None in (a.lat, a.lon, b.lat, b.lon) or a.country != b.country:
        return False
    dy, dx = (a.lat - b.lat) * 111.0, (a.lon - b.lon) * 111.0 * math.cos(math.radians(a.lat))
    return dx * dx + dy * dy < km * km


def _bystanders(text: str, orgs: list[names.Name], base: int, direction: str | None) -> set[int]:
    """The ids of the organisations that are bystanders, with the next items of a list that opens with
    one ("zapoznali się z działalnością A oraz B")."""
    out: set[int] = set()
    prev = None
    for n in sorted(orgs, key=lambda x: x.start):
        if _is_bystander(text, n, base, direction) or (
            prev is not None and id(prev) in out and LIST_GAP.fullmatch(text[prev.end : n.start])
        ):
            out.add(id(n))
        prev = n
    return out


def _drop_generic_programmes(ev: Event) -> None:
    """A programme named by its family alone ("projekt URBACT") is the one the text names in full
    ("programu URBACT II"), not the family's default generation."""
    quotes = [e.quote.split() for e in ev.evidence.get("programmes", [])]
    keep = [
        k
        for k, q in enumerate(quotes)
        if not any(
            len(o) > len(q) and o[: len(q)] == q and ev.programmes[j] != ev.programmes[k]
            for j, o in enumerate(quotes)
        )
    ]
    if len(keep) < len(quotes):
        ev.programmes = [ev.programmes[k] for k in keep]
        ev.evidence["programmes"] = [ev.evidence["programmes"][k] for k in keep]


# a table row's leading date and the separators after it: "3-4.04.2019 | Mediolan | Udział …"
ROW_DATE = re.compile(
    r"^\d{1,2}(?:\s+[IVX]{1,4})?(?:\s*[-–]\s*\d{1,2})?(?:\.\d{1,2}\.|\s+[a-ząćęłńóśźż]+\s+|\s+[IVX]{1,4}\s+)"
    r"(?:(?:19|20)\d\d\s*(?:r\.)?)?\s*[|–—,-]?\s*$"
)  # "12.03.2013 | Wiedeń | …", "14–15 kwietnia 2016, Glasgow: …", "30 IX–2 X 2016 r. – Wiedeń – …", "6 III – Brno"
# ... or a month or a span of months in Roman numerals: "IX–X 2018 – Wiedeń – …"
ROW_MONTHS = re.compile(r"^(?:[IVX]{1,4}\s*[-–]\s*)?[IVX]{1,4}\s+(?:19|20)\d\d\s*(?:r\.)?\s*[|–—,-]?\s*$")
# the place field of an event written as a record: "Miejsce: Wiedeń"
PLACE_FIELD = re.compile(r"(?:^|\n)\s*(?:miejsce|miasto)(?:\s+\w+)?\s*:\s*$", re.I)


def _one_seat_abroad(ev: Event) -> bool:
    """A trip abroad placed only in a country, whose one foreign town is the seat of a body named: the host's."""
    return (
        ev.direction == "outgoing"
        and ev.location is not None
        and ev.location.name is None
        and len(ev.cities) == 1
        and ev.cities[0].country == ev.location.country
    )


def _venue_cell(m: PlaceMention, text: str, base: int, tl: int) -> PlaceMention:
    """A city named bare in the cell after a table row's date, or in a record's place field, is where the
    event took place, as if the text said "w Mediolanie"."""
    s = m.start - base
    if m.kind != "city" or m.prep:
        return m
    row = m.end - base <= tl and (ROW_DATE.match(text[:s]) or ROW_MONTHS.match(text[:s]))
    if row or PLACE_FIELD.search(text[max(0, s - 30) : s]):
        return dataclasses.replace(m, prep="w")
    return m


def _sentence_of(sents: list[tuple[int, int]], pos: int) -> int:
    for i, (s, e) in enumerate(sents):
        if s <= pos < e:
            return i
    return -1
