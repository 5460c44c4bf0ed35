"""Where an event took place and which way it went, seen from the home organisation.

Direction: "z Wiednia" (visitors from abroad) is incoming, "w Wiedniu" or "do Wiednia" outgoing, the home's
city named as the venue incoming; a meeting held online went nowhere. Location: an incoming event is in the
home's city unless the text names another town of its country as the venue; an outgoing one is in the
foreign town (or only the country) the text says it was held in or the visitors went to.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .._slug import slug
from ..model import Evidence, Place
from ..reference import Registries
from . import classify
from ._text import Token, sentences
from .draft import Draft, cite
from .gazetteer import City, Gazetteer, key
from .home import Home
from .places import FROM, IN, PLACE_NOUNS, PlaceMention, inside


def event_direction(
    d: Draft, kind: str, mentions: list[PlaceMention], home: Home
) -> tuple[str | None, Evidence]:
    """Incoming or outgoing as seen from the home; None for a meeting held online that no one travelled to."""
    direction, evidence = _direction(d, kind, mentions, d.title_len, home)
    online = ONLINE.search(d.text)
    if online and not _travelled(d.text):  # a video call: no one went anywhere, it took place nowhere
        direction, evidence = None, cite(d, online.start(), online.end(), 0.7)
    return direction, evidence


def event_location(
    d: Draft,
    kind: str,
    direction: str | None,
    resolved: list[PlaceMention],
    foreign: list[PlaceMention],
    home: Home,
    gaz: Gazetteer,
    registries: Registries,
    name_spans: list[tuple[int, int]],
) -> tuple[Place | None, Evidence | None]:
    """The event's place and the quote that gives it; (None, None) where the text names no one place."""
    if direction is None:
        return None, None
    if direction == "incoming":
        return _incoming_location(d, kind, resolved, home, gaz, registries, name_spans)
    return _outgoing_location(d, kind, foreign, gaz, registries)


def _incoming_location(
    d: Draft,
    kind: str,
    resolved: list[PlaceMention],
    home: Home,
    gaz: Gazetteer,
    registries: Registries,
    name_spans: list[tuple[int, int]],
) -> tuple[Place, Evidence]:
    text, tl = d.text, d.title_len
    location = home_place(home, gaz, registries)
    k = next((m for m in resolved if _is_home_city(m, home)), None)
    sure = 0.9 if k else (0.75 if home.default else 0.6)
    evidence = cite(d, k.start - d.base, k.end - d.base, sure) if k else cite(d, 0, tl, sure)
    venue = _home_country_venue(resolved, home, d.text, d.base, tl)
    # a gift's recipients in several towns ("trafi do stacji w A, B i C") are no tour
    towns = _toured_towns(resolved, home, d.text, d.base, name_spans) if kind != "Donation" else []
    if venue is not None:  # "w Krzanowicach odbył się festiwal": another town of the home's country
        location = place_of(venue, gaz, registries)
        evidence = cite(d, venue.start - d.base, venue.end - d.base, 0.7)
    elif towns or (region := REGION_VENUE.search(text)) and not k:
        # a tour of several towns of the home country, or of a commune or county: no one city
        location = Place(None, home.country)
        a, b = (towns[0].start - d.base, towns[-1].end - d.base) if towns else region.span()
        evidence = cite(d, a, b, 0.6)
    return location, evidence


def _outgoing_location(
    d: Draft, kind: str, foreign: list[PlaceMention], gaz: Gazetteer, registries: Registries
) -> tuple[Place | None, Evidence | None]:
    tl = d.title_len
    in_title = [m for m in foreign if m.end - d.base <= tl]
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
            next(iter(visited.values())) if len(visited) == 1 else venues[0] if len(venues) == 1 else where
        )
        towns = {m.city.name: m for m in foreign if m.kind == "city" and m.country == where.country}
        if where.kind == "country" and not visited and len(towns) == 1:
            # the one town of that country the text names, as a body or whence the hosts are: "w Finlandii
            # … na zaproszenie miasta Tampere" was in Tampere
            where = next(iter(towns.values()))
        if len({m.country for m in in_title if m.kind == "country"}) > 1:
            where = None  # a trip to two countries ("do Holandii i Belgii"): no one place
    if where is not None and where.kind == "city" and _coordinated_town(where, foreign, d):
        where = replace(where, kind="country", city=None)  # "w Bardejowie i Kieżmarku": no one city
    if where is not None and where.end - d.base > tl:
        # the body's visits in two towns of one country, none in the heading: "W Zittau poznaliśmy …,
        # a w Löbau …", "W Brnie gościła nas X, w Ołomuńcu – Y" are a tour with no one city
        towns = {
            m.city.name for m in foreign if m.kind == "city" and m.country == where.country and m.prep in IN
        }
        s, e = where.start - d.base, where.end - d.base
        if where.kind == "city" and len(towns) >= 2 and not _held_in(d.text, s, e):
            where = replace(where, kind="country", city=None)  # "odbyło się w Dreźnie": the venue
        visited = {m.country for m in foreign if m.kind == "city" and m.prep in IN}
        if len(visited) > 1:
            where = None  # "W Solecznikach …", "w Oszmianie …": a trip to two countries has no one place
    if kind == "Donation" and (where is None or where.kind == "country"):
        # goods sent "na Ukrainę": no place where they were given, unless the text names the recipients' town
        # ("dla mieszkańców Charkowa", "dla szpitala we Lwowie")
        where = next((m for m in foreign if m.kind == "city" and _for_someone_there(d, m)), None)
    if where is None:
        return None, None
    sure = 0.85 if where.end - d.base <= tl else 0.65
    return place_of(where, gaz, registries), cite(d, where.start - d.base, where.end - d.base, sure)


def hosts_a_programme_point(direction: str | None, seen: str) -> bool:
    """A body the visitors visited or were shown the work of ("odwiedzili X", "zapoznali się z działalnością
    X") hosted a point of the programme on a trip abroad, where the visit is at the hosts'; at home it is a
    facility toured. Sightseeing ("zwiedzili X", "oprowadzeni po X") is a tour on either."""
    return direction == "outgoing" and not seen.lower().startswith(("zwiedz", "oprowadz"))


def home_place(home: Home, gaz: Gazetteer, registries: Registries) -> Place:
    """The home's city as a place (English name, registered coordinates); country only when the home has
    no one city."""
    if not home.city:
        return Place(None, home.country)
    for c in gaz.find_cities(home.city):
        if c.country == home.country:
            place = registries.place(c.name, c.country, c.geonames_id) or Place(
                c.name, c.country, c.name_pl, c.geonames_id, c.wikidata_id, c.lat, c.lon
            )
            if place.name != home.city and key(place.name or "") == key(home.city):
                # the home's own spelling of the same letters: "Jastrzębie-Zdrój", not the index's
                # "Jastrzębie Zdrój"
                place = replace(place, name=home.city, name_pl=home.city)
            return place
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
    return inside(m, base, name_spans) or any(0 <= a - e <= 4 for _, e in name_spans)


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


def _hosting_city(d: Draft, m: PlaceMention) -> bool:
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
    # the home's town named as where the guests were, also as the seat of the body they were at ("wizyta
    # … w Miejskim Ośrodku Pomocy Rodzinie w Tarnowie"): a town visited besides is a side trip
    home_venue = any(
        _is_home_city(m, home)
        and m.prep in IN | {"do"}
        and (
            _krakow_is_the_venue(text, m.start - base)
            or AT_BODY_BEFORE.search(text, max(0, m.start - base - 80), m.start - base)
        )
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


# at a body in the home's town: "w Miejskim Ośrodku Pomocy Rodzinie w ", "w Klubie Seniora w "
AT_BODY_BEFORE = re.compile(r"(?<!\w)(?:w|we)\s+(?:[A-ZĄĆĘŁŃÓŚŹŻ„\"][^\s.;,]*\s+){1,6}?(?:w|we)\s+$")


def as_home_city(m: PlaceMention, home: Home) -> PlaceMention:
    """A name that is the home town's is the home town, whatever a foreign town's other name says: "Bardo
    odwiedzili …" on a page of Bardo's welfare centre is no Bordeaux (Polish "Bordo"/"Bardo"); so is a word of
    the home's name named bare or as a district is ("na Pradze"): its part of the town."""
    if m.kind != "city" or not home.city or m.country == home.country:
        return m
    if slug(m.quote) != slug(home.city) and not (m.prep in ("", "na", "po") and _in_homes_name(m, home)):
        return m
    own = next((c for c in m.readings if c.country == home.country), None)
    return replace(
        m, country=home.country, city=own or City(None, home.city, home.country, None, None, 0, home.city)
    )


def _in_homes_name(m: PlaceMention, home: Home) -> bool:
    """The place is a word of the home's own name, its district: "Praga gościła …", "w ośrodku na Pradze" on
    the page of the "Ośrodek Pomocy Społecznej Dzielnicy Praga-Północ" (not "goście z Pragi")."""
    return slug(m.quote) in {slug(w) for w in re.split(r"[\s\-–]+", home.name) if w[:1].isupper()}


def _is_home_city(m: PlaceMention, home: Home) -> bool:
    if m.city is None or not home.city or m.country != home.country:
        return False
    return slug(home.city) in (slug(m.city.name), slug(m.city.name_pl or ""))


def _direction(
    d: Draft, kind: str, mentions: list[PlaceMention], tl: int, home: Home
) -> tuple[str, Evidence]:
    if kind == "Donation":
        return _donation_direction(d, mentions, tl)
    text = d.text
    title_m = [m for m in mentions if m.end - d.base <= tl]
    body_m = [m for m in mentions if m.start - d.base >= d.body_off]

    quoted = [(q.start(), q.end()) for q in QUOTED.finditer(text)]
    home_side = {m.token_index for m in mentions if m.country == home.country}

    def decide(ms: list[PlaceMention], lo: int, hi: int) -> tuple[str, Evidence] | None:
        host = next((m for m in ms if m.country != home.country and _hosting_city(d, m)), None)
        if host is not None:  # "Wiedeń gościł konferencję": the event was abroad, whatever its verb says
            return "outgoing", cite(d, host.start - d.base, host.end - d.base, 0.85)
        # "pracownice naszego ośrodka odwiedziły Tarnopol": the town abroad is what the home's people visited
        seen = next(
            (m for m in ms if m.country != home.country and (_visited(d.tokens, m) or guests_of(d, m))), None
        )
        if seen is not None:
            return "outgoing", cite(d, seen.start - d.base, seen.end - d.base, 0.8)
        # "spotkanie z partnerami ze Lwowa odbyło się we Lwowie": a venue abroad outranks where people are from
        held = next(
            (m for m in ms if m.country not in (home.country, "") and _held_abroad(text, m, d.base)), None
        )
        if held is not None:
            return "outgoing", cite(d, held.start - d.base, held.end - d.base, 0.8)
        # a timeline's item headed by its day and town: "12 V 2016 – Wilno"
        dated = next((m for m in ms if _dated_town(text, m, d.base)), None)
        if dated is not None and (dated.country != home.country or _is_home_city(dated, home)):
            value = "incoming" if dated.country == home.country else "outgoing"
            return value, cite(d, dated.start - d.base, dated.end - d.base, 0.8)
        # a press release written abroad: "Wilno, 12 maja 2016 r. – …" (one written at home says nothing)
        datelined = next((m for m in ms if m.country != home.country and _datelined(text, m, d.base)), None)
        if datelined is not None:
            return "outgoing", cite(d, datelined.start - d.base, datelined.end - d.base, 0.7)
        label = next(
            (m for m in ms if m.country != home.country and _labelling_town(text, m, d.base, tl)), None
        )
        if label is not None:
            return "outgoing", cite(d, label.start - d.base, label.end - d.base, 0.7)
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
            if m.prep in FROM and (hosts := _hosts_from(d.tokens, m.token_index)) is not None:
                if hosts:  # "gościli u partnerów ze Lwowa", "złożyli rewizytę partnerom z Norymbergi"
                    evidence.append((s, "outgoing", s - len(m.prep) - 1, e))
                continue  # "na zaproszenie partnerów z Tarnopola": the inviters' town says no way
            seat = m.prep in IN and SEAT_BEFORE.search(text[max(0, s - 30) : s])  # "z siedzibą w Berlinie"
            if (
                m.prep in FROM
                or seat
                or (m.prep in IN and _specifies_origin(d.tokens, m.token_index, home_side))
            ):
                evidence.append((s, "incoming", s - len(m.prep) - 1, e))
            elif m.prep in IN or m.prep == "do":
                evidence.append((s, "outgoing", s - len(m.prep) - 1, e))
        for rx, value in ((classify.OUTGOING_CUES, "outgoing"), (classify.INCOMING_CUES, "incoming")):
            for c in rx.finditer(text, lo, hi):
                if value == "incoming" and GUESTS_ABROAD_AFTER.match(text, c.end()):
                    continue  # "gościli u partnerów", "gościli w partnerskim Trutnovie": guests, not hosts
                evidence.append((c.start(), value, c.start(), c.end()))
        if not evidence:
            return None
        evidence.sort()
        # in a heading, "z X" (visitors from X) outranks "w Y"; in a body the first clue decides
        if lo == 0:
            for _, value, s, e in evidence:
                if value == "incoming":
                    return value, cite(d, max(s, 0), e, 0.9)
        _, value, s, e = evidence[0]
        return value, cite(d, max(s, 0), e, 0.9 if lo == 0 else 0.75)

    got = decide(title_m, 0, tl) or decide(body_m, d.body_off, len(text))
    # only the label over it tells: "Wyjazdy pracowników MOPS"
    if got is None and d.group and not BOTH_WAYS.search(d.group):
        for rx, value in ((classify.OUTGOING_CUES, "outgoing"), (classify.INCOMING_CUES, "incoming")):
            if rx.search(d.group):
                return value, cite(d, 0, tl, 0.6)
    return got or ("incoming", cite(d, 0, tl, 0.45))  # no clue: visits to the home are the commoner


# a label over trips and visits alike tells no direction: "Wyjazdy i wizyty zagraniczne", "Wizyty oraz wyjazdy"
BOTH_WAYS = re.compile(
    r"\b(?:wyjazd\w*\s+(?:i|oraz|/)\s+(?:wizyt|przyję)|(?:wizyt|przyję)\w*\s+(?:i|oraz|/)\s+wyjazd)", re.I
)
# after "gościli": at someone's ("u partnerów") or in a town after an adjective ("w partnerskim Trutnovie")
GUESTS_ABROAD_AFTER = re.compile(r"\s+(?:u\s|we?\s+[a-ząćęłńóśźż]+\s+(?!Krak)[A-ZĄĆĘŁŃÓŚŹŻ])")
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
# a sentence set at another time than the event's: "Dwa lata temu gościliśmy …", "W ubiegłym roku byliśmy …"
ANOTHER_TIME = re.compile(
    r"(?<!\w)(?:temu|przed\s+(?:rokiem|laty|\w+\s+laty)|(?:ubiegł|zeszł|poprzedni|przyszł)\w*\s+roku"
    r"|rok\s+(?:wcześniej|później))(?!\w)",
    re.I,
)


def _travelled(text: str) -> bool:
    """Words that someone travelled to the event (a hybrid one), not in a sentence about another visit."""
    spans = sentences(text)
    for m in TRAVELLED.finditer(text):
        a, b = next(((a, b) for a, b in spans if a <= m.start() < b), (0, len(text)))
        if not ANOTHER_TIME.search(text, a, b):
            return True
    return False


# a place in the genitive after the visitors' noun: whose representatives or delegation came
VISITORS_OF = re.compile(r"(?<!\w)(przedstawiciel\w*|delegacj\w*|gości\w*|goście|obywatel\w*)\s+$", re.I)
SEAT_BEFORE = re.compile(r"siedzib\w*\s+\w+\s*$", re.I)


MOPS_GIVES = re.compile(
    r"(MOPS|Ośrod\w+ Pomocy Społecznej|pracowni\w+|Kraków|Gmina Miejska Kraków)\s+([^\s.]+\s+){0,4}?"
    r"(przekaza\w*|wysła\w*|zebra\w*|podarowa\w*|ofiarowa\w*)|"
    r"(przekazan\w*|wysłan\w*|zebran\w*)\s+([^\s.]+\s+){0,4}?przez\s+(MOPS|pracowni\w+|Miejski)",
)
# the home's own voice: "przekazaliśmy partnerom z …", "wysłałyśmy"; outgoing where a place abroad follows in
# its sentence ("Dary przekazaliśmy do Centrum … w Krakowie" passes on a gift received)
HOME_GIVES = re.compile(r"\b(?:przekaza|wysła|podarowa|ofiarowa|zawieź|dostarczy)(?:liśmy|łyśmy)\b", re.I)


def _donation_direction(d: Draft, mentions: list[PlaceMention], tl: int) -> tuple[str, Evidence]:
    """A gift from abroad comes in; a gift that MOPS sends, or goods for someone abroad, go out."""
    text = d.text
    m = MOPS_GIVES.search(text)
    if m:
        return "outgoing", cite(d, m.start(), m.end(), 0.8)
    for m in HOME_GIVES.finditer(text):
        stop = CLAUSE_END.search(text, m.end())
        end = stop.start() if stop else len(text)
        if any(m.end() <= pm.start - d.base < end and pm.country not in ("", "PL") for pm in mentions):
            return "outgoing", cite(d, m.start(), m.end(), 0.75)
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
        if to_there or _for_someone_there(d, pm):
            s, e = pm.start - d.base, pm.end - d.base
            return "outgoing", cite(d, s, e, 0.7)
    return "incoming", cite(d, 0, tl, 0.7)  # a gift from abroad


def _for_someone_there(d: Draft, pm: PlaceMention) -> bool:
    """A foreign place of the people or body a gift is for: "dla Charkowa", "dla szpitala we Lwowie", "dla
    mieszkańców Charkowa", "dla dzieci z Kamieńca", "przekazała Centrum Rehabilitacji z Kamieńca" (not "dla
    dzieci od mieszkańców Norymbergi", "przekazali dary od partnerów z Norymbergi": the givers' town)."""
    i, tokens = pm.token_index, d.tokens
    if pm.prep == "dla":
        return True
    if pm.prep in IN:
        return any(x.lower == "dla" for x in tokens[max(0, i - 6) : i - 1])
    if pm.prep in FROM and pm.kind == "city":
        opener = _recipient_before(tokens, i - 2)  # a town; "dla dzieci z Ukrainy" may be refugees at home
    elif pm.prep or not any("gen" in a.cases for a in tokens[i].analyses):
        return False
    else:
        opener = _recipient_before(tokens, i - 1)
    # in one line: a heading's "dla krakowskich noclegowni" is not the recipients of the line below
    return opener is not None and "\n" not in d.text[opener.start - d.base : pm.start - d.base]


def _recipient_before(tokens: list[Token], j: int) -> Token | None:
    """Back from token j over the recipients' words to "dla" (genitives: "dla chorych mieszkańców") or a verb of
    giving (datives: "przekazała Obwodowemu Centrum Rehabilitacji Dzieci", not "przekazali nam dary"); the
    words of a body's name count as its head's case. The opener, or None."""
    start = j
    while (
        j >= 0 and start - j < 7 and tokens[j].is_word and not tokens[j].has_pos("prep", "ppron12", "ppron3")
    ):
        if _gives(tokens[j]):
            break
        j -= 1
    if j < 0 or j == start:
        return None
    opener, words = tokens[j], [t for t in tokens[j + 1 : start + 1] if not t.is_upper_initial]
    if opener.lower == "dla":
        case = "gen"
    elif _gives(opener):
        case = "dat"
        words = tokens[j + 1 : j + 2] + words
    else:
        return None
    return opener if all(any(case in a.cases for a in t.analyses) for t in words) else None


GIVING_LEMMAS = {"przekazać", "przekazywać", "podarować", "ofiarować", "wysłać", "dostarczyć"}


def _gives(t: Token) -> bool:
    return bool(t.lemmas & GIVING_LEMMAS) and t.has_pos("praet", "fin")


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


# "odbyło się w Wiedniu", "w Wiedniu odbyła się": the place an event was held in
# (a date between: "odbyło się 21 i 22 października 2021 r. w Wilnie")
DATE_WORDS = (
    r"(?:\d{1,4}\.?|[-–]|i|r\.|roku|w\s+dniach|w\s+dniu|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca"
    r"|sierpnia|września|października|listopada|grudnia)"
)
HELD_BEFORE = re.compile(rf"odby(?:ł|ła|ło|ły|li)\s+się\s+(?:{DATE_WORDS}\s*){{0,8}}(?:w|we)\s+$")
HELD_AFTER = re.compile(r"\s*,?\s*odby(?:ł|ła|ło|ły)\s+się\b")


def _held_abroad(text: str, m: PlaceMention, base: int) -> bool:
    """A town abroad named as where the event was held, in a sentence about this event (not "Dwa lata temu
    konferencja odbyła się w Wiedniu")."""
    if m.prep not in IN:
        return False
    s, e = m.start - base, m.end - base
    if not (HELD_BEFORE.search(text, max(0, s - 80), s) or HELD_AFTER.match(text, e)):
        return False
    a, b = next(((a, b) for a, b in sentences(text) if a <= s < b), (0, len(text)))
    return not ANOTHER_TIME.search(text, a, b)


# a line (or a bullet) that opens with a day (or days) and a dash before a town closing it: "12 V 2016 – Wilno",
# "25–26 maja 2016 r. – Lipsk:", "• 8–9 marca – Wilno (Litwa): …", a timeline's item
DATED_LINE_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*(?:[•▪*·–-][ \t]*)?\d{1,4}(?:[ \t]*[–—-][ \t]*\d{1,2})?\.?[ \t]*(?:[IVX]{1,4}\b|[a-ząćęłńóśźż]{3,12}\b|\d{1,2}\b)?"
    r"\.?(?:[ \t]*\d{4})?[ \t]*(?:r\.)?[ \t]*[–—:-][ \t]*$"
)
LINE_CLOSES = re.compile(
    r"(?:[ \t]*\([^()\n]{2,30}\))?[ \t]*(?:$|\n|[.:,][ \t]|[–—][ \t])"
)  # "Wilno (Litwa):"


def _dated_town(text: str, m: PlaceMention, base: int) -> bool:
    """A town the text names bare after its line's date: the place of a timeline's item."""
    s, e = m.start - base, m.end - base
    return (
        not m.prep
        and m.kind == "city"
        and bool(LINE_CLOSES.match(text, e))
        and bool(DATED_LINE_BEFORE.search(text, max(0, s - 40), s))
    )


# a dateline after the town opening a line: "Wilno, 12 maja 2016 r. – ", "Ryga, 3.10.2019 r.:"
DATELINE_AFTER = re.compile(
    r"(?:[ \t]*\([^()\n]{2,30}\))?,[ \t]*(?:\d{1,2}(?:\.\d{1,2}\.|[ \t]+(?:[IVX]{1,4}|[a-ząćęłńóśźż]{3,12})[ \t]+)\d{4}|\d{4}-\d{2}-\d{2})"
    r"[ \t]*(?:r\.|roku)?[ \t]*(?:[–—:-]|\n|$)"
)


def _datelined(text: str, m: PlaceMention, base: int) -> bool:
    """A town named bare at a line's start before a date: where a press release was written."""
    s, e = m.start - base, m.end - base
    return (
        not m.prep
        and m.kind == "city"
        and not text[text.rfind("\n", 0, s) + 1 : s].strip()
        and bool(DATELINE_AFTER.match(text, e))
    )


# what follows a heading's opening town that labels the item: "Graz – wizyta studyjna", "Wilno: konferencja"
LABEL_AFTER = re.compile(r"[ \t]*[–—:-][ \t]+\S")


def _labelling_town(text: str, m: PlaceMention, base: int, tl: int) -> bool:
    """A town abroad named bare first in the heading, before a dash or a colon: the item's place, as a calendar
    heads its items; not where the heading says visitors came from ("Graz – goście w Krakowie")."""
    s, e = m.start - base, m.end - base
    return (
        s == 0
        and not m.prep
        and m.kind == "city"
        and bool(LABEL_AFTER.match(text, e))
        and not classify.INCOMING_CUES.search(text, e, tl)
    )


# a visit paid to someone: "złożyli wizytę / rewizytę partnerom"
PAID_VISIT = {"wizytę", "rewizytę"}


def _hosts_from(tokens: list[Token], i: int) -> bool | None:
    """Whose town a "z X" gives, by the words before it: the hosts the home's people visited ("u partnerów
    z X", "rewizytę partnerom z X": True), the inviters of a trip ("na zaproszenie partnerów z X": False);
    None for the rest (visitors, mostly)."""
    # back over a body's name between: "partnerom ze Stadtmission Nürnberg z Norymbergi"
    j = i - 2
    while j >= 2 and (tokens[j].is_upper_initial or tokens[j].lower in FROM) and i - j < 7:
        j -= 1
    if j < 1 or not tokens[j].is_word:
        return None
    before = tokens[j - 1]
    if before.lower == "u":
        return True
    nouns = [a for a in tokens[j].analyses if a.pos == "subst"]
    if before.lower in PAID_VISIT and nouns and all("dat" in a.cases and "gen" not in a.cases for a in nouns):
        return True  # "złożyli rewizytę partnerom z …" (not "Wizyta delegacji z …": whose visit)
    if "zaproszenie" in before.lemmas:
        return False
    return None


def _visited(tokens: list[Token], m: PlaceMention) -> bool:
    """A town as the object of a verb of visiting: "odwiedziły Tarnopol"."""
    i = m.token_index
    return (
        m.prep in ("", "do")  # the verb stands for "do" ("odwiedziła Bergen": places._prep)
        and i >= 1
        and "odwiedzić" in tokens[i - 1].lemmas
        and tokens[i - 1].has_pos("praet", "fin")
    )


# the home's people as a body's guests: "pracownicy ośrodka byli gośćmi Sozialamt der Stadt Frankfurt (Oder)"
GUESTS_OF_BEFORE = re.compile(
    r"\b(?:by(?:li|ły|liśmy|łyśmy|ł|ła)|zostali|zostały)\s+gośćmi\s+[^.;,:\n]{0,60}$"
)


def guests_of(d: Draft, m: PlaceMention) -> bool:
    """A town in the name of the body whose guests the home's people were (or right after it)."""
    s = m.start - d.base
    return m.prep in ("", *IN) and bool(GUESTS_OF_BEFORE.search(d.text, max(0, s - 80), s))


def _specifies_origin(tokens: list[Token], i: int, home_side: set[int]) -> bool:
    """'w Norwegii' in "z miejscowości Sola w Norwegii" says where the visitors' town is; not after a town
    of the home's country ("Seniorzy z Gorlic w Bardejowie": the home's people abroad)."""
    j = i - 2  # the token before the preposition
    steps = 0
    while j >= 0 and steps < 5:
        t = tokens[j]
        if t.lower in FROM:
            return steps > 0 and j + 1 not in home_side
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


def _coordinated_town(where: PlaceMention, foreign: list[PlaceMention], d: Draft) -> bool:
    """Another town of the same country joined to the event's place: "w Ebersbergu i Grafing", "do Bardejowa
    oraz Kieżmarku" (a trip to several towns has no one city)."""
    for m in foreign:
        if m.kind == "city" and m.start > where.end and m.country == where.country and m.city != where.city:
            between = d.text[where.end - d.base : m.start - d.base]
            return bool(TOWN_JOIN.fullmatch(between + " ")) if len(between) < 12 else False
    return False


def _event_place(ms: list[PlaceMention], tl: int, d: Draft) -> PlaceMention | None:
    located = [
        m
        for m in ms
        if m.prep in IN
        or m.prep == "do"
        or _dated_town(d.text, m, d.base)
        or _datelined(d.text, m, d.base)
        or _labelling_town(d.text, m, d.base, tl)
        or _hosting_city(d, m)
        or _visited(d.tokens, m)
        or guests_of(d, m)
        or (m.prep in FROM and _hosts_from(d.tokens, m.token_index))  # "u partnerów z Norymbergi"
    ]
    for m in located:
        if m.kind == "city":
            return m
    return located[0] if located else None


def place_of(m: PlaceMention, gaz: Gazetteer, registries: Registries) -> Place:
    if m.kind == "country" or m.city is None:
        return Place(None, m.country)
    c = m.city
    reg = registries.place(c.name, c.country, c.geonames_id)  # a same-named town is another town
    if reg is not None:
        return reg
    # the Polish label comes from the gazetteer only: the page's own form ("Frankfurtu nad Odrą" read as
    # "Frankfurt nad odra") differs from page to page and a city takes one label per language
    return Place(c.name, c.country, c.name_pl, c.geonames_id, c.wikidata_id, c.lat, c.lon)
