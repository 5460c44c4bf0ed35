"""From a page's sections to events: every field with the span of text it came from."""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .._slug import slug
from ..model import Event, Evidence, Page, Place, Section
from ..reference import Registries
from ..sources import chrome
from ..sources.splitting import EVENT_WORDS, Listed, grouped_sections
from . import classify, dates, names
from ._text import Token, sentences, tokenize
from .gazetteer import City, Gazetteer, load_gazetteer, with_registries
from .home import Home, home_of
from .places import (
    FROM,
    IN,
    PLACE_NOUNS,
    PlaceMention,
    absent_at,
    after_place_noun,
    find_nationalities,
    find_places,
    find_unlinked,
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


@dataclass
class _Draft:
    section: Section
    text: str  # the section as on the page
    base: int  # offset of text in page.text
    title_len: int
    body_off: int
    tokens: list[Token]
    date: dates.DateMention | None = None
    extra_dates: list[dates.DateMention] = field(default_factory=list)
    date_in_title: bool = False
    group: str | None = None  # the heading or label the section is listed under


def extract_events(page: Page, registries: Registries) -> list[Event]:
    """The events reported on `page`, in page order."""
    gaz = gazetteer_for(registries)
    grouped = grouped_sections(page)
    drafts = [d for d in (_draft(page, x) for x in grouped) if d is not None]
    year = page.year or page_year(drafts) or year_around(page, grouped)
    home = home_of(page.home, page.home_city, registries)
    # a Kraków body's own page names it in its first line: listed where an event's text has it take part
    publisher = names.page_publisher(page.text, registries, gaz) if home.default else None
    if publisher is not None and home.is_home(publisher.value):
        publisher = None
    events: list[Event] = []
    seen: dict[str, int] = {}
    for d in drafts:
        ev = _event(page, d, year, gaz, registries, home, publisher)
        if ev is None:
            continue
        key = ev.id
        if key in seen:
            ev.id = f"{key}-{ev.start or len(events)}"
        seen[key] = seen.get(key, 0) + 1
        events.append(ev)
    return events


def infer_year(page: Page) -> int | None:
    """The page's year: page.year, else the commonest year written in its events' dates."""
    if page.year:
        return page.year
    grouped = grouped_sections(page)
    drafts = [d for d in (_draft(page, x) for x in grouped) if d is not None]
    return page_year(drafts) or year_around(page, grouped)


def year_around(page: Page, grouped: list[Listed]) -> int | None:
    """A year the page shows outside its events: its title ("Współpraca zagraniczna w 2019 roku"), else
    its record card ("Data publikacji: 2011-01-20"). Not around one article: there it is a site header's,
    a sidebar's or the date of publication (../shared/eval/GOLD-CONVENTIONS.md)."""
    sections = [x.section for x in grouped]
    if not sections or any(x.article for x in grouped):
        return None
    for text in (page.text[: sections[0].start], page.text[sections[-1].end :]):
        for y in dates.years_in(text):
            if 1990 <= y <= 2100:
                return y
    return None


def page_year(drafts: list[_Draft]) -> int | None:
    years = Counter()
    for d in drafts:
        for m in [d.date, *d.extra_dates]:
            if m is not None:
                for y in (m.begin[0], m.finish[0]):
                    if y:
                        years[y] += 1
    if not years:
        return None
    return max(years, key=lambda y: (years[y], y))


def _draft(page: Page, listed: Listed) -> _Draft | None:
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
    d = _Draft(sec, text, sec.start, title_len, body_off, tokens, group=listed.group)
    body = text[body_off:]
    first, extra = dates.event_dates(body)
    titled, titled_extra = dates.event_dates(text[:title_len])
    if titled is not None and (first is None or dates.sharpens(titled, first)):
        # the heading's days ("Konferencja w Tbilisi (30.03-2.04)") over the body's month ("na przełomie
        # marca i kwietnia 2016 r."): the body's year still counts
        first, extra = dates.with_year_of(titled, first), titled_extra
        d.date_in_title = True
    if listed.published and (first is None or first.begin[2] is None):
        # "Wczoraj odwiedzili nas …", "W ubiegły piątek …" under the post's date, before any dated day
        relative = dates.relative_day(body, listed.published)
        if relative is not None and (first is None or relative.start < first.start):
            first, extra = relative, []
        elif first is None and (relative := dates.relative_day(text[:title_len], listed.published)) is not None:
            first, extra = relative, []  # a post titled by its first sentence: "Dziś gościliśmy delegację …"
            d.date_in_title = True
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


def _ev(d: _Draft, start: int, end: int, confidence: float | None = None) -> Evidence:
    """Evidence from offsets into the section text; confidence None is the field's default."""
    return Evidence(d.text[start:end], d.base + start, d.base + end, confidence)


def _date_confidence(d: _Draft, m: dates.DateMention) -> float:
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
    d: _Draft,
    year: int | None,
    gaz: Gazetteer,
    registries: Registries,
    home: Home,
    publisher: names.Name | None = None,
) -> Event | None:
    text, tl, bo = d.text, d.title_len, d.body_off
    title = " ".join(text[:tl].split())
    ev = Event(
        id=f"{page.source_id}/{slug(title, max_words=8)}",
        source_id=page.source_id,
        title=title,
        text=text,
        text_start=d.base,
    )
    ev.evidence["title"] = [_ev(d, 0, tl)]
    title_body = lambda a: a if a < tl + 1 else bo + (a - tl - 1)  # noqa: E731 offsets in title+"\n"+body

    # dates
    if d.date is not None:
        off = 0 if d.date_in_title else bo
        start, _ = d.date.iso(year)
        last = d.extra_dates[-1] if d.extra_dates else d.date
        _, end = last.iso(year)
        ev.start, ev.end = start, end
        ev.evidence["start"] = [_ev(d, off + d.date.start, off + d.date.end, _date_confidence(d, d.date))]
        ev.evidence["end"] = [_ev(d, off + last.start, off + last.end, _date_confidence(d, last))]

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
        ev.evidence["type"] = [_ev(d, title_body(cue.start), title_body(cue.end), sure)]
    else:
        ev.evidence["type"] = [_ev(d, 0, tl, 0.4)]  # no cue at all: the commonest type

    # places
    person_spans = [(n.start - d.base, n.end - d.base) for n in found.persons]
    all_places = find_places(gaz, d.tokens)
    mentions = [
        m
        for m in all_places
        if not _inside(m, d.base, person_spans)
        and (
            m.kind == "country"
            or m.prep
            # "the municipality of Vaterstetten" is the town, also where it is read as a body
            or (d.tokens[m.token_index - 1].lower == "of" and after_place_noun(d.tokens, m.token_index))
            or not _inside(m, d.base, name_spans)
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
        resolved.append(_as_home_city(m, home))
    foreign = [m for m in resolved if m.country and m.country != "PL"]
    # place strings that link to nothing are reported, not dropped
    for a, b in find_unlinked(d.tokens, all_places):
        s, e = d.tokens[a].start - d.base, d.tokens[b - 1].end - d.base
        seen = {x.quote for x in ev.unlinked.get("cities", [])}
        if d.text[s:e] not in seen and not any(s < ne and e > ns for ns, ne in name_spans + person_spans):
            ev.unlinked.setdefault("cities", []).append(_ev(d, s, e))
    in_title = [m for m in foreign if m.end - d.base <= tl]

    # a report of an event is dated or names a foreign place; a page introduction does neither
    if (d.date is None or d.date.year_only) and not foreign:
        return None

    # direction
    direction, dir_ev = _direction(d, kind, resolved, tl, home)
    online = ONLINE.search(text)
    if online and not TRAVELLED.search(text):  # a video call: no one went anywhere, it took place nowhere
        direction, dir_ev = None, _ev(d, online.start(), online.end(), 0.7)
    ev.direction = direction
    ev.evidence["direction"] = [dir_ev]

    # location
    if direction is None:
        pass
    elif direction == "incoming":
        ev.location = home_place(home, gaz, registries)
        k = next((m for m in resolved if _is_home_city(m, home)), None)
        sure = 0.9 if k else (0.75 if home.default else 0.6)
        ev.evidence["location"] = [
            _ev(d, k.start - d.base, k.end - d.base, sure) if k else _ev(d, 0, tl, sure)
        ]
        venue = _home_country_venue(resolved, home, d.text, d.base, tl)
        # a gift's recipients in several towns ("trafi do stacji w A, B i C") are no tour
        towns = _toured_towns(resolved, home, d.text, d.base, name_spans) if kind != "Donation" else []
        if venue is not None:  # "w Krzanowicach odbył się festiwal": another town of the home's country
            ev.location = _place(venue, gaz, registries)
            ev.evidence["location"] = [_ev(d, venue.start - d.base, venue.end - d.base, 0.7)]
        elif towns or (region := REGION_VENUE.search(text)) and not k:
            # a tour of several towns of the home country, or of a commune or county: no one city
            ev.location = Place(None, home.country)
            a, b = (towns[0].start - d.base, towns[-1].end - d.base) if towns else region.span()
            ev.evidence["location"] = [_ev(d, a, b, 0.6)]
    else:
        where = _event_place(in_title, tl, d) or _event_place(foreign, tl, d)
        if where is not None and where.kind == "country":  # "w Holandii" in the heading, "w Utrechcie" below
            visited = {
                m.city.name: m
                for m in foreign
                if m.kind == "city" and m.country == where.country and (m.prep in IN or m.prep == "do")
            }
            # a tour of several towns of the country or region the heading names: no one city, unless one
            # is named as the venue ("seminarium, które odbyło się w Lipsku"; "dom dziecka w Halle" aside)
            venues = [m for m in visited.values() if _held_in(d.text, m.start - d.base, m.end - d.base)]
            where = (
                next(iter(visited.values()))
                if len(visited) == 1
                else venues[0]
                if len(venues) == 1
                else where
            )
            if len({m.country for m in in_title if m.kind == "country"}) > 1:
                where = None  # a trip to two countries ("do Holandii i Belgii"): no one place
        if where is not None and where.kind == "city" and _coordinated_town(where, foreign, d):
            where = replace(where, kind="country", city=None)  # "w Bardejowie i Kieżmarku": no one city
        if where is not None and where.end - d.base > tl:
            # the body's visits in two towns of one country, none in the heading: "W Zittau poznaliśmy …,
            # a w Löbau …", "W Brnie gościła nas X, w Ołomuńcu – Y" are a tour with no one city
            towns = {
                m.city.name
                for m in foreign
                if m.kind == "city" and m.country == where.country and m.prep in IN
            }
            s, e = where.start - d.base, where.end - d.base
            if where.kind == "city" and len(towns) >= 2 and not _held_in(d.text, s, e):
                where = replace(where, kind="country", city=None)  # "odbyło się w Dreźnie": the venue
            visited = {m.country for m in foreign if m.kind == "city" and m.prep in IN}
            if len(visited) > 1:
                where = None  # "W Solecznikach …", "w Oszmianie …": a trip to two countries has no one place
        if kind == "Donation" and where is not None and where.kind == "country":
            where = None  # goods sent "na Ukrainę": the text names no place where they were given
        if where is not None:
            ev.location = _place(where, gaz, registries)
            sure = 0.85 if where.end - d.base <= tl else 0.65
            ev.evidence["location"] = [_ev(d, where.start - d.base, where.end - d.base, sure)]

    # cities and countries
    for m in foreign:
        if m.kind != "city":
            continue
        p = _place(m, gaz, registries)
        if all((c.name, c.country) != (p.name, p.country) for c in ev.cities):
            ev.cities.append(p)
            sure = 0.9 if m.end - d.base <= tl else 0.8 if m.prep else 0.6
            ev.evidence.setdefault("cities", []).append(_ev(d, m.start - d.base, m.end - d.base, sure))
    for m in foreign:
        if m.country not in ev.countries:
            ev.countries.append(m.country)
            sure = 0.9 if m.end - d.base <= tl else 0.8 if m.prep else 0.65
            ev.evidence.setdefault("countries", []).append(_ev(d, m.start - d.base, m.end - d.base, sure))

    # names; a facility the guests were shown, a venue's owner, a background partner: not participants
    bystanders = _bystanders(page.text, found.organisations, d.base, direction)
    for n in found.all():
        if n.field == "organisations" and (id(n) in bystanders or home.is_home(n.value)):
            continue
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
    if not ev.cities:
        seats = []
        for n in found.organisations:
            name, quote = tokenize(n.value), Evidence(page.text[n.start : n.end], n.start, n.end)
            seats += [(m, quote, n.value) for m in find_places(gaz, name) + seat_in_name(gaz, name)]
            seats += [(m, quote, n.value) for m in seat_adjectives(gaz, name)]
        for m in institution_adjectives(gaz, d.tokens):
            seats.append((m, Evidence(page.text[m.start : m.end], m.start, m.end), None))
        named = set(ev.countries)
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
                and (not ev.cities or owner in ev.organisations)
            ):
                m = resolve(m, named)
                p = _place(m, gaz, registries)
                if any((c.name, c.country) == (p.name, p.country) for c in ev.cities):
                    continue
                ev.cities.append(p)
                ev.evidence.setdefault("cities", []).append(evidence)
                if m.country not in ev.countries:
                    ev.countries.append(m.country)
                    ev.evidence.setdefault("countries", []).append(evidence)
    else:  # each listed body's seat in its own name, where the text gives it no other place (ext-names hook)
        listed = [n for n in found.organisations if n.value in ev.organisations]
        for m, evidence in names_seats(gaz, page.text, listed, set(ev.countries)):
            p = _place(resolve(m, set(ev.countries)), gaz, registries)
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
    for iso, k in find_nationalities(d.tokens):
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

    if not ev.countries and not EVENT_WORDS.search(title):
        return None  # no foreign side and no visit, meeting or gift named: a notice ("Nabór na szkolenie …")

    # participants: the foreign people's kind, for events where foreigners come (or meet online)
    who = None
    if kind != "Donation":
        place_words = {text[m.start - d.base : m.end - d.base] for m in foreign}
        if direction != "outgoing":
            who, cue = classify.find_participants(text[:tl], body, place_words)
        else:  # abroad, only where the text says who of the foreign side took part
            who, cue = classify.find_participants_abroad(body, place_words)
            cue = cue and classify.Cue(cue.value, tl + 1 + cue.start, tl + 1 + cue.end)
    elif direction == "incoming":  # a gift from abroad: the people who brought it, when the text says who
        who, cue = classify.find_carriers(body)
        cue = cue and classify.Cue(cue.value, tl + 1 + cue.start, tl + 1 + cue.end)
    if who:
        ev.participants = who
        sure = (
            0.85
            if cue.end <= tl
            else 0.45
            if cue.value == "officials" and cue.end - cue.start < 12
            else 0.65
        )
        ev.evidence["participants"] = [_ev(d, title_body(cue.start), title_body(cue.end), sure)]

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
        ev.evidence.setdefault("topics", []).append(_ev(d, cue.start, cue.end, sure))
    return ev


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
    r"(w\s+ramach|uczestni\w*|program\w*|europejsk\w*|wolontariusz\w*|odbywa\w*|realizuj\w*)\s+(\w+\s+){0,4}$"
    r"|^\w*\s+(europejsk|w\s+ramach|program)",
    re.I,
)


def _describes_visitors(text: str, cue: classify.Cue) -> bool:
    return bool(
        VISITORS_STATUS.search(text[max(0, cue.start - 60) : cue.start])
        or VISITORS_STATUS.search(text[cue.start : cue.end + 15])
    )


# what an organisation is named for when it is neither host nor guest: the party that commissions or pays
# ("na zlecenie Gminy Miejskiej Kraków", "ze środków Gminy"), the operator of a facility ("schroniska
# prowadzonego przez Towarzystwo …"), the owner of the building an event is held in ("w Auditorium Maximum
# Uniwersytetu Jagiellońskiego", "w sali obrad Rady Miasta")
BACKGROUND_BEFORE = re.compile(
    r"(?:na\s+zlecenie\s+"
    r"|(?:ze\s+)?środków\s+|(?:współ|do)?finansowan\w*\s+przez\s+"
    r"|(?:schronisk|noclegowni|ogrzewalni|dom|ośrod|placów|mieszka|centr|punkt|klub|świetlic|hostel)\w*"
    r"\s+(?:\S+\s+){0,4}?prowadzon\w*\s+przez\s+"
    r"|(?<!\w)(?:w|we|na)\s+(?:sal[iaę]|aul[iaę]|budynk\w*|gmach\w*|auditorium\s+maximum|pomieszczeni\w*)"
    r"(?:\s+[^\s.;,]+){0,2}?\s+)$",
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
    visited = (
        direction != "outgoing"
        and (seen := VISITED_BEFORE.search(before))
        and not HOSTED_AFTER.match(text, n.end)
    )
    if visited and (listed := LIST_HOSTED_AFTER.match(text, n.end)):
        joins = LIST_JOINS.findall(seen.group()) + LIST_JOINS.findall(listed["rest"])
        visited = len(joins) < 2
    shown = SHOWN_BEFORE.search(before) or visited
    return bool(
        # a commune or county visited hosts the visit
        (shown and not names.is_government(n.value))
        or absent_at(text, n.start, n.end)  # "… nie mógł uczestniczyć w spotkaniu"
        or BACKGROUND_BEFORE.search(before)
        or (KRAKOW_BODY.search(n.value) and COOPERATION_BEFORE.search(before))
    )


# between two items of a list, the first maybe with its seat: " oraz ", ", ", " w Jaśle i "
LIST_GAP = re.compile(r"(?:\s+we?\s+\w+)?\s*(?:,|i|oraz)\s*")


# a place given right after a body's name: its seat is that place, not a town inside its name
PLACE_AFTER = re.compile(r"\s*[(,–-]?\s*(?:z\s+siedzibą\s+)?(?:z|ze|w|we)\s+[A-ZĆŁŚŹŻ]")


def names_seats(
    gaz, text: str, orgs: list[names.Name], countries: set[str]
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
        for m in find_places(gaz, name) + seat_in_name(gaz, name):
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
    r"^\d{1,2}(?:\s*[-–]\s*\d{1,2})?(?:\.\d{1,2}\.|\s+[a-ząćęłńóśźż]+\s+)(?:19|20)\d\d\s*(?:r\.)?\s*[|–—-]?\s*$"
)
# the place field of an event written as a record: "Miejsce: Wiedeń"
PLACE_FIELD = re.compile(r"(?:^|\n)\s*(?:miejsce|miasto)(?:\s+\w+)?\s*:\s*$", re.I)


def _venue_cell(m: PlaceMention, text: str, base: int, tl: int) -> PlaceMention:
    """A city named bare in the cell after a table row's date, or in a record's place field, is where the
    event took place, as if the text said "w Mediolanie"."""
    s = m.start - base
    if m.kind != "city" or m.prep:
        return m
    if (m.end - base <= tl and ROW_DATE.match(text[:s])) or PLACE_FIELD.search(text[max(0, s - 30) : s]):
        return dataclasses.replace(m, prep="w")
    return m


def _inside(m: PlaceMention, base: int, spans: list[tuple[int, int]]) -> bool:
    a, b = m.start - base, m.end - base
    return any(a >= s and b <= e for s, e in spans)


def _sentence_of(sents: list[tuple[int, int]], pos: int) -> int:
    for i, (s, e) in enumerate(sents):
        if s <= pos < e:
            return i
    return -1


def home_place(home: Home, gaz: Gazetteer, registries: Registries) -> Place:
    """The home's city as a place (English name, registered coordinates); country only when the home has
    no one city."""
    if not home.city:
        return Place(None, home.country)
    for c in gaz.find_cities(home.city):
        if c.country == home.country:
            return registries.place(c.name, c.country) or Place(
                c.name, c.country, c.name_pl, c.geonames_id, c.wikidata_id, c.lat, c.lon
            )
    return registries.place(home.city, home.country) or Place(home.city, home.country)


# "w Wiedniu i w Krakowie", "w Polsce i w Niemczech": the other side of a comparison
AND_IN_AFTER = re.compile(r"\s+(?:i|oraz|a|a także)\s+(?:w|we|na)\s+(\w+)")
AND_IN_BEFORE = re.compile(r"(?:w|we|na)\s+(\w+)\s+(?:i|oraz|a|a także)\s+(?:w|we|na)\s+$")


def _compared_with_home(text: str, s: int, e: int, home: Home) -> bool:
    """A foreign place named beside the home's city or country as two sides compared, not as the venue."""
    after = AND_IN_AFTER.match(text, e)
    before = AND_IN_BEFORE.search(text[max(0, s - 40) : s])
    sides = {x.group(1).lower()[:4] for x in (after, before) if x}
    home_words = {"pols", *(w.lower()[:4] for w in (home.city or "").split()[:1])}
    return bool(sides & home_words)


def _toured_towns(
    mentions: list[PlaceMention], home: Home, text: str, base: int, name_spans: list[tuple[int, int]]
) -> list[PlaceMention]:
    """Two or more towns of the home's country where the visitors were ("w Zielonej Górze", "w Sieradzu";
    "DPS w Supraślu oraz WTZ w Sokółce"), the home's city not named as the venue ("w Krakowie" after a
    body's name is that body's seat, one of the places toured): a study tour of a region or a country."""
    towns = [m for m in mentions if m.kind == "city" and m.country == home.country and m.prep in IN]
    venue = [
        m
        for m in towns
        if _is_home_city(m, home)
        and _krakow_is_the_venue(text, m.start - base)
        and not _seat(m, base, name_spans)
    ]
    if venue:
        return []
    # besides the home's city (a body's seat there), one other town is a side trip ("Ostatniego dnia
    # delegacja odwiedziła dom dziecka w Nysie"), two make a tour
    others = {m.city.name for m in towns if m.city and not _is_home_city(m, home)}
    return towns if len(others) >= 2 else []


def _seat(m: PlaceMention, base: int, name_spans: list[tuple[int, int]]) -> bool:
    """The place is inside a body's name or right after it: "Konsulat Generalny Republiki Białoruś w …"."""
    a = m.start - base
    return _inside(m, base, name_spans) or any(0 <= a - e <= 4 for _, e in name_spans)


# a town named as where the event was held or where the visitors came to
VENUE_BEFORE = re.compile(
    r"(?:odby(?:ł|ła|ło|ły|li)\s+się|przebywa\w*|goszcz\w*|spotka(?:li|ły|ł|ła)\s+się)\s+(?:w|we)\s+$"
    r"|(?:przyjecha\w*|przyby\w*|zawitał\w*)\s+do\s+$"
    # right after the event's date: "W dniach 11–13 września 2018 r. w Zakopanem", "10 września, w Sejnach"
    r"|(?:\d{4}\s*r(?:\.|oku)|\b\d{1,2}\s+[a-ząćęłńóśźż]{4,12})\s*,?\s+(?:w|we)\s+$"
)
# (a venue's hall between: "w Sejnach, w sali Fundacji „Pogranicze”, odbyło się forum")
VENUE_AFTER = re.compile(
    r"\s*(?:,\s*(?:w|we|na)\s+[^,.;]{1,60},)?\s*(?:,\s*)?"
    r"(?:odby(?:ł|ła|ło|ły)\s+się|przyjecha\w*|przyby\w*|goszczono|gości[łl]\w*)"
)
# ... or as the seat of the building, room or body the event was held in or the goods arrived at: "spotkanie
# odbyło się w siedzibie Stowarzyszenia „X” w Wieliczce", "do magazynu Caritas w Tuchowie dotarł transport"
# the words between a verb and the town, a quoted name whole ("w siedzibie Stowarzyszenia „X” w Y"), not the
# inside of a quoted title ("projektu „Wolontariat w Europie”")
MIDDLE = r"(?:[^.;„\"“”«»]|[„\"“«][^.;„\"“”«»]{1,60}[”\"»])"
HELD_AT_BEFORE = re.compile(
    rf"(?:odby(?:ł|ła|ło|ły|li)\s+się\s+(?:w|we|na)|dotar\w*(?:\s+\w+){{0,3}}?\s+do)\s+{MIDDLE}{{0,80}}?\s+$",
    re.I,
)
DELIVERED_AT = re.compile(rf"(?<!\w)do\s+(?:(?!zaprosz|zaprasz){MIDDLE}){{0,60}}?\s+$", re.I)
ARRIVED_AFTER = re.compile(r"[^.;]{0,30}?\b(?:dotar\w*|przyjecha\w*|przyby\w*)")
# "do Nowego Sącza przyjechała delegacja": the town the visitors came to
ARRIVED_RIGHT_AFTER = re.compile(r"\s+(?:dotar\w*|przyjecha\w*|przyby\w*|zawitał\w*)")
# ... or as the town of what the guests visited, where the home's city is not itself a venue of the event
VISITED_AT_BEFORE = re.compile(
    rf"(?:odwiedzi(?:ł|ła|li|ły)|zwiedzi(?:ł|ła|li|ły)|gości(?:ł|ła|li|ły)\s+w)\s+{MIDDLE}{{0,80}}?\s+$", re.I
)
CLAUSE_END = re.compile(r"[.;]\s")
IN_TOWN = re.compile(r"(?<!\w)(?:w|we)\s+[A-ZĆŁŚŹŻ]\w+")
# a commune or county as the venue: "wizyty odbyły się na terenie gminy Łapanów", "przyjechali do powiatu"
REGION_VENUE = re.compile(
    r"(?:odby(?:ł|ła|ło|ły)\s+się|odwiedzi\w*|gości\w*|przyjecha\w*|przyby\w*)[^.;]{0,30}?"
    r"(?:na\s+terenie|do)\s+(?:gminy|powiatu|województwa|regionu)\b"
    r"|odwiedzi\w*\s+(?:gminę|gminy|powiat|powiaty)\b",  # "Odwiedzili gminę Tłuszcz, gminę Sokoły …"
    re.I,
)


def _named_as_venue(text: str, s: int, e: int) -> bool:
    """The place in text[s:e] is where the event was held or where the visitors came to."""
    return bool(VENUE_AFTER.match(text, e) or VENUE_BEFORE.search(text[max(0, s - 40) : s]))


# a body that hosted one stop of a tour there: "W Brnie gościła nas organizacja X"
STOP_HOST_AFTER = re.compile(r"\s*gości\w*")


def _held_in(text: str, s: int, e: int) -> bool:
    """The town in text[s:e] is named as where the event was held, not only as a stop whose host is named."""
    return _named_as_venue(text, s, e) and not STOP_HOST_AFTER.match(text, e)


# a foreign city as the subject of its hosting: "Helsinki przyjęły …", "Wiedeń gościł …", "Ryga gościła forum"
HOST_VERBS = {"gościć", "ugościć", "przyjąć", "przyjmować", "podejmować", "podjąć"}


def _hosting_city(d: _Draft, m: PlaceMention) -> bool:
    if m.prep or m.kind != "city":
        return False
    t = d.tokens[m.token_index]
    nxt = next((x for x in d.tokens[m.token_index + 1 :] if x.start >= m.end), None)
    if nxt is None or nxt.start - m.end > 1 or not any("nom" in a.cases for a in t.analyses or ()):
        return False
    return any(a.lemma in HOST_VERBS and a.pos in ("praet", "fin") for a in nxt.analyses)


def _home_country_venue(
    mentions: list[PlaceMention], home: Home, text: str, base: int, title_len: int = 0
) -> PlaceMention | None:
    """Another town of the home's country that the text names as the venue of an incoming event ("W sobotę w
    Krzanowicach odbył się festiwal", "Do Krzanowic przyjechały kluby seniora", "spotkanie odbyło się w
    siedzibie Stowarzyszenia „X” w Wieliczce", "goście odwiedzili Warsztaty „Y” w Nowym Sączu")."""
    home_venue = any(
        _is_home_city(m, home) and m.prep in IN | {"do"} and _krakow_is_the_venue(text, m.start - base)
        for m in mentions
    )
    for m in mentions:
        if (
            m.kind != "city"
            or m.country != home.country
            or _is_home_city(m, home)
            or m.prep not in IN | {"do"}
        ):
            continue
        s, e = m.start - base, m.end - base
        if any(q.start() < s and e < q.end() for q in QUOTED.finditer(text)):
            continue  # inside a quoted title: projektu „Seniorzy w Europie”
        before = text[max(0, s - 120) : s]
        if m.prep in IN and (
            HELD_AT_BEFORE.search(before) or (DELIVERED_AT.search(before) and ARRIVED_AFTER.match(text, e))
        ):
            return m
        if m.prep in IN and not home_venue and (seen := VISITED_AT_BEFORE.search(before)):
            stop = CLAUSE_END.search(text, e)
            hi = stop.start() if stop else len(text)
            lo = max((x.end() for x in CLAUSE_END.finditer(text, 0, s)), default=0)
            # one town visited, the home's city not in the sentence: "Klub w Cichem i Dom w Czarnym Dunajcu" is
            # a tour (of towns the gazetteer may lack); "spotkali się z dyrekcją ROPS w Białymstoku, a następnie
            # odwiedzili Dom w Supraślu" a side trip from the home
            home_named = any(_is_home_city(x, home) and lo <= x.start - base < hi for x in mentions)
            if not home_named and len(IN_TOWN.findall(text, s - len(before) + seen.start(), hi)) == 1:
                return m
        if not _krakow_is_the_venue(text, s):
            continue  # a body's seat: "Miejski Ośrodek Pomocy Społecznej w Przasnyszu gościł …"
        after = (VENUE_AFTER if m.prep != "do" else ARRIVED_RIGHT_AFTER).match(text, e)
        in_title = e <= title_len and m.prep in IN  # "Niemieccy opiekunowie w Niepołomicach"
        if after or in_title or VENUE_BEFORE.search(text[max(0, s - 40) : s]):
            return m
    return None


def _as_home_city(m: PlaceMention, home: Home) -> PlaceMention:
    """A name that is the home town's is the home town, whatever a foreign town's other name says: "Bardo
    odwiedzili …" on a page of Bardo's welfare centre is no Bordeaux (Polish "Bordo"/"Bardo")."""
    if m.kind != "city" or not home.city or m.country == home.country or slug(m.quote) != slug(home.city):
        return m
    own = next((c for c in m.readings if c.country == home.country), None)
    return replace(
        m, country=home.country, city=own or City(None, home.city, home.country, None, None, 0, home.city)
    )


def _is_home_city(m: PlaceMention, home: Home) -> bool:
    if m.city is None or not home.city or m.country != home.country:
        return False
    return slug(home.city) in (slug(m.city.name), slug(m.city.name_pl or ""))


def _direction(
    d: _Draft, kind: str, mentions: list[PlaceMention], tl: int, home: Home
) -> tuple[str, Evidence]:
    if kind == "Donation":
        return _donation_direction(d, mentions, tl)
    text = d.text
    title_m = [m for m in mentions if m.end - d.base <= tl]
    body_m = [m for m in mentions if m.start - d.base >= d.body_off]

    quoted = [(q.start(), q.end()) for q in QUOTED.finditer(text)]

    def decide(ms: list[PlaceMention], lo: int, hi: int) -> tuple[str, Evidence] | None:
        host = next((m for m in ms if m.country != home.country and _hosting_city(d, m)), None)
        if host is not None:  # "Wiedeń gościł konferencję": the event was abroad, whatever its verb says
            return "outgoing", _ev(d, host.start - d.base, host.end - d.base, 0.85)
        # "pracownice naszego ośrodka odwiedziły Tarnopol": the town abroad is what the home's people visited
        seen = next((m for m in ms if m.country != home.country and _visited(d.tokens, m)), None)
        if seen is not None:
            return "outgoing", _ev(d, seen.start - d.base, seen.end - d.base, 0.8)
        evidence = []
        for m in ms:
            s, e = m.start - d.base, m.end - d.base
            if any(a <= s and e <= b for a, b in quoted):
                continue  # inside a project's title: "projektu „… reformy na Ukrainie”"
            if not m.prep and VISITORS_OF.search(text[max(0, s - 40) : s]) and m.country != home.country:
                evidence.append((s, "incoming", s, e))  # "przedstawicieli Ukrainy", "delegacja Litwy"
                continue
            if _compared_with_home(text, s, e, home):
                continue  # "w Wiedniu i w Krakowie": two cities compared, no venue
            if m.country == home.country:
                if _is_home_city(m, home) and m.prep in IN | {"do"}:
                    if _krakow_is_the_venue(text, s):
                        evidence.append((s, "incoming", s - len(m.prep) - 1, e))
                continue
            if m.prep in FROM and _with_sense(d.tokens, m.token_index):
                continue  # "współpraca z Norymbergą": with, not from
            seat = m.prep in IN and SEAT_BEFORE.search(text[max(0, s - 30) : s])  # "z siedzibą w Berlinie"
            if m.prep in FROM or seat or (m.prep in IN and _specifies_origin(d.tokens, m.token_index)):
                evidence.append((s, "incoming", s - len(m.prep) - 1, e))
            elif m.prep in IN or m.prep == "do":
                evidence.append((s, "outgoing", s - len(m.prep) - 1, e))
        for rx, value in ((classify.OUTGOING_CUES, "outgoing"), (classify.INCOMING_CUES, "incoming")):
            for c in rx.finditer(text, lo, hi):
                evidence.append((c.start(), value, c.start(), c.end()))
        if not evidence:
            return None
        evidence.sort()
        # in a heading, "z X" (visitors from X) outranks "w Y"; in a body the first clue decides
        if lo == 0:
            for _, value, s, e in evidence:
                if value == "incoming":
                    return value, _ev(d, max(s, 0), e, 0.9)
        _, value, s, e = evidence[0]
        return value, _ev(d, max(s, 0), e, 0.9 if lo == 0 else 0.75)

    got = decide(title_m, 0, tl) or decide(body_m, d.body_off, len(text))
    if got is None and d.group:  # only the label over it tells: "Wyjazdy pracowników MOPS"
        for rx, value in ((classify.OUTGOING_CUES, "outgoing"), (classify.INCOMING_CUES, "incoming")):
            if rx.search(d.group):
                return value, _ev(d, 0, tl, 0.6)
    return got or ("incoming", _ev(d, 0, tl, 0.45))  # no clue: visits to the home are the commoner


QUOTED = re.compile(r"[„\"“«][^„\"“”«»]{3,200}[”\"»]")
# a meeting held over the internet, and words that someone travelled after all (a hybrid event)
ONLINE = re.compile(
    r"(?<!\w)(?:on-?line|w\s+formie\s+(?:zdalnej|wirtualnej)|zdalnie|wideokonferencj\w*|telekonferencj\w*"
    r"|webinar\w*|video\s?conferenc\w*|virtual\s+meeting|za\s+pośrednictwem\s+(?:platformy|aplikacji|komunikatora))",
    re.I,
)
TRAVELLED = re.compile(
    r"(?<!\w)(?:(?:przyjecha|przyby|wyjecha|odwiedzi)(?:ł|ła|ło|li|ły|liśmy|łyśmy)\b|gości(?:liśmy|ł|ła|li)\b"
    r"|przebywa\w*|na\s+miejscu"
    r"|hybrydow\w*|stacjonarn\w+\s+i\s+(?:on-?line|zdaln)\w*|visited|travel+ed)",
    re.I,
)
# a place in the genitive after the visitors' noun: whose representatives or delegation came
VISITORS_OF = re.compile(r"(?<!\w)(przedstawiciel\w*|delegacj\w*|gości\w*|goście|obywatel\w*)\s+$", re.I)
SEAT_BEFORE = re.compile(r"siedzib\w*\s+\w+\s*$", re.I)


MOPS_GIVES = re.compile(
    r"(MOPS|Ośrod\w+ Pomocy Społecznej|pracowni\w+|Kraków|Gmina Miejska Kraków)\s+([^\s.]+\s+){0,4}?"
    r"(przekaza\w*|wysła\w*|zebra\w*|podarowa\w*|ofiarowa\w*)|"
    r"(przekazan\w*|wysłan\w*|zebran\w*)\s+([^\s.]+\s+){0,4}?przez\s+(MOPS|pracowni\w+|Miejski)",
)


def _donation_direction(d: _Draft, mentions: list[PlaceMention], tl: int) -> tuple[str, Evidence]:
    """A gift from abroad comes in; a gift that MOPS sends, or goods for someone abroad, go out."""
    text = d.text
    m = MOPS_GIVES.search(text)
    if m:
        return "outgoing", _ev(d, m.start(), m.end(), 0.8)
    for pm in mentions:
        if pm.country in ("", "PL"):
            continue
        i = pm.token_index
        t = d.tokens[i]
        nouns = [a for a in t.analyses if a.pos == "subst"]
        to_there = pm.prep in ("do",) or (
            pm.prep in ("na", "w", "we")
            and bool(nouns)
            and all("acc" in a.cases and "loc" not in a.cases for a in nouns)
        )
        for_someone_there = pm.prep in IN and any(x.lower == "dla" for x in d.tokens[max(0, i - 6) : i - 1])
        if to_there or for_someone_there:
            s, e = pm.start - d.base, pm.end - d.base
            return "outgoing", _ev(d, s, e, 0.7)
    return "incoming", _ev(d, 0, tl, 0.7)  # a gift from abroad


WITH_WORDS = {
    "współpraca",
    "spotkanie",
    "rozmowa",
    "porozumienie",
    "umowa",
    "wymiana",
    "partnerstwo",
    "kontakt",
    "miasto",
    "współpracować",
    "spotkać",
}


def _with_sense(tokens: list[Token], i: int) -> bool:
    """'z' after a word of cooperation means 'with': "Współpraca z Norymbergą", "umowa z miastem Lipsk"."""
    j = i - 2  # the word before the preposition (or before "miastem")
    if j >= 0 and tokens[j].lemmas & PLACE_NOUNS:
        j -= 1
    return j >= 0 and bool(tokens[j].lemmas & WITH_WORDS)


def _visited(tokens: list[Token], m: PlaceMention) -> bool:
    """A town as the object of a verb of visiting: "odwiedziły Tarnopol"."""
    i = m.token_index
    return (
        not m.prep
        and i >= 1
        and "odwiedzić" in tokens[i - 1].lemmas
        and tokens[i - 1].has_pos("praet", "fin")
    )


def _specifies_origin(tokens: list[Token], i: int) -> bool:
    """'w Norwegii' in "z miejscowości Sola w Norwegii" says where the visitors' town is."""
    j = i - 2  # the token before the preposition
    steps = 0
    while j >= 0 and steps < 5:
        t = tokens[j]
        if t.lower in FROM:
            return steps > 0
        if t.has_pos("praet", "fin"):
            return False  # a verb between: "pracownicy z Klubu Integracji Społecznej byli w Kolding"
        if not (t.is_upper_initial or t.lemmas & PLACE_NOUNS or t.text in (".", "-") or t.has_pos("adj")):
            return False  # "z miejscowości Sola", "z partnerskiej gminy X": the words of a place's name
        j -= 1
        steps += 1
    return False


def _krakow_is_the_venue(text: str, s: int) -> bool:
    """'w Krakowie' as the place of the event, not as part of a name ('MOPS w Krakowie')."""
    before = text[max(0, s - 25) : s]
    return not BODY_BEFORE_SEAT.search(before)


# the end of a body's name before its seat: "MOPS w Krakowie", "PCPR w Nowym Targu", "Urzędu Miasta w …"
BODY_BEFORE_SEAT = re.compile(
    r"(?:Społecznej|Rodzinie|Miasta|Gminy|Powiatu|Ośrodka|Krakowa|Urzędu|Centrum|Starostwa|\b[A-ZŁŚŻ]{3,6})"
    r"\s+(?:w|we|W|WE)?\s*$"  # "ROPS W KRAKOWIE" in a heading in capitals
)


TOWN_JOIN = re.compile(r"\s*(?:,|i|oraz|a także)\s+(?:(?:w|we|do)\s+)?$")


def _coordinated_town(where: PlaceMention, foreign: list[PlaceMention], d: _Draft) -> bool:
    """Another town of the same country joined to the event's place: "w Ebersbergu i Grafing", "do Bardejowa
    oraz Kieżmarku" (a trip to several towns has no one city)."""
    for m in foreign:
        if m.kind == "city" and m.start > where.end and m.country == where.country and m.city != where.city:
            between = d.text[where.end - d.base : m.start - d.base]
            return bool(TOWN_JOIN.fullmatch(between + " ")) if len(between) < 12 else False
    return False


def _event_place(ms: list[PlaceMention], tl: int, d: _Draft) -> PlaceMention | None:
    located = [
        m for m in ms if m.prep in IN or m.prep == "do" or _hosting_city(d, m) or _visited(d.tokens, m)
    ]
    for m in located:
        if m.kind == "city":
            return m
    return located[0] if located else None


def _place(m: PlaceMention, gaz: Gazetteer, registries: Registries) -> Place:
    if m.kind == "country" or m.city is None:
        return Place(None, m.country)
    c = m.city
    reg = registries.place(c.name, c.country)
    if reg is not None:
        return reg
    # the Polish label comes from the gazetteer only: the page's own form ("Frankfurtu nad Odrą" read as
    # "Frankfurt nad odra") differs from page to page and a city takes one label per language
    return Place(c.name, c.country, c.name_pl, c.geonames_id, c.wikidata_id, c.lat, c.lon)
