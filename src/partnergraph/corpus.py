"""Growing the corpus: `add_pages` fetches or imports bulletin pages into data/sources/ and updates the
graph (`partnergraph sources` lists the corpus: sources/listing.py).

For every page, data/sources/ keeps the raw page as fetched (`<id>.html`, or `<id>.raw.txt` for a text
page) next to the text used for extraction (`<id>.txt`, UTF-8), and the manifest entry records the URL,
the retrieval time, the content hashes, the charset and where it was found, the HTTP validators for the
next conditional GET, and what the page says about itself (title, date of publication, author,
publisher). The publication year becomes the page's year (for "br." dates) unless --year is given.

Adding the same content again changes nothing; changed content replaces the page's files and entry. A
page that cannot be fetched or read changes nothing, and when the graph cannot be updated (the new page
breaks a SHACL shape, say) the corpus files are put back as they were.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from . import incremental
from ._atomic import write_atomic
from .build import build, source_path
from .errors import PartnergraphError, SourceError
from .iris import slug
from .settings import Settings
from .sources import ManifestEntry, read_manifest, write_manifest
from .sources._html import looks_like_html
from .sources.bulletin import read_bulletin
from .sources.fetch import DEFAULT_TIMEOUT, Fetched, Fetcher, decode_page, now_iso
from .sources.manifest import MANIFEST
from .sources.reading import MAX_BYTES, check_text_size

log = logging.getLogger(__name__)

PUBLISHER = "Miejski Ośrodek Pomocy Społecznej w Krakowie"
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


@dataclass
class PageResult:
    item: str  # the URL or file as given
    status: str  # "added", "replaced", "unchanged" or "failed"
    message: str  # one line for the user
    source_id: str | None = None
    entry: ManifestEntry | None = None
    events: int | None = None
    # what the build could not link: organisations not in the registry, places linked to nothing
    findings: list[str] = field(default_factory=list)


@dataclass
class AddReport:
    results: list[PageResult] = field(default_factory=list)
    graph: str = "unchanged"  # "unchanged", "incremental" or "full"
    quads: int | None = None
    # pages whose graph was behind the corpus (an interrupted run, an edit by hand), updated as well
    caught_up: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[PageResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def changed(self) -> list[PageResult]:
        return [r for r in self.results if r.status in ("added", "replaced", "removed")]


@dataclass
class _Prepared:
    result: PageResult
    entry: ManifestEntry
    text: str
    raw: bytes
    raw_name: str
    old_entry: ManifestEntry | None


def add_pages(
    settings: Settings,
    items: list[str],
    year: int | None = None,
    title: str | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    fetcher: Fetcher | None = None,
    home: tuple[str, str | None] | None = None,
) -> AddReport:
    """Add URLs or files to the corpus and update the graph (incrementally when the build is current).

    A page that fails is reported as failed and changes nothing; the others are added."""
    entries = {e.source_id: e for e in read_manifest(settings.sources_dir)}
    report = AddReport()
    prepared: list[_Prepared] = []
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher(timeout=timeout)
    try:
        for item in items:
            try:
                page = _prepare(item, entries, fetcher, year, title, home)
            except PartnergraphError as e:
                report.results.append(PageResult(item, "failed", str(e)))
                continue
            report.results.append(page.result if isinstance(page, _Prepared) else page)
            if isinstance(page, _Prepared):
                if any(p.entry.source_id == page.entry.source_id for p in prepared):
                    page.result.status, page.result.message = (
                        "failed",
                        (f"{page.entry.source_id} is already being added from another argument"),
                    )
                    continue
                prepared.append(page)
    finally:
        if own_fetcher:
            fetcher.close()
    if prepared or _behind(settings, report):
        _commit(settings, entries, prepared, report)
    return report


def _behind(settings: Settings, report: AddReport) -> bool:
    """Whether a page found unchanged in the corpus is missing or old in the graph (an add that was
    interrupted before its graph was switched in): the rerun then finishes the job, incrementally, or by
    a full build when the build is out of date for another reason too (registries, curation, code)."""
    from .state import page_hashes, read_state

    unchanged = {r.source_id for r in report.results if r.status == "unchanged"}
    state = read_state(settings) if unchanged else None
    if state is None or not isinstance(state.get("pages"), dict):
        return False
    built, now = state["pages"], page_hashes(settings)
    return any(built.get(s) != now.get(s) for s in unchanged)


def _prepare(item, entries, fetcher, year, title, home=None) -> _Prepared | PageResult:
    """Fetch or read one page and work out its entry; nothing is written here."""
    fetched: Fetched | None = None
    if _URL.match(item):
        old = _find_by_url(entries, item) or entries.get(_source_id(item, None, item))
        validators = old.extra if old and old.extra.get("raw") else {}
        fetched = fetcher.get(
            item, etag=validators.get("etag"), last_modified=validators.get("last_modified")
        )
        if fetched.not_modified:
            note = f"{old.source_id}: not modified since {old.extra.get('retrieved')}"
            return PageResult(item, "unchanged", note, old.source_id, old)
        raw, content_type, retrieved = fetched.content, fetched.content_type, fetched.retrieved
    else:
        path = Path(item)
        if not path.is_file():
            what = "a folder" if path.is_dir() else "no such file"
            raise SourceError(f"{item}: {what} (give a saved page or an http(s) URL)")
        if path.stat().st_size > MAX_BYTES:
            raise SourceError(f"{item}: far larger than a bulletin page; is this the right file?")
        raw, content_type, retrieved = path.read_bytes(), None, now_iso()
    decoded = decode_page(raw, content_type, name=item)
    page = read_bulletin(decoded.text)
    if not page.text.strip():
        raise SourceError(f"{item}: no text left once the page layout is cut away")
    check_text_size(page.text, item)  # before anything is written (build reads it again through read_page)
    url = fetched.final_url if fetched else page.canonical_url
    source_id = _source_id(url, page.canonical_url, item)
    old = entries.get(source_id) or (_find_by_url(entries, url) if url else None)
    if old:
        source_id = old.source_id
    imported = old.extra.get("imported_from") if old else None
    if not url and imported and imported != Path(item).name:  # an id made from the file's name
        raise SourceError(
            f"{item}: the corpus already has a page {source_id} imported from {imported}; rename this "
            f"file, or take that page out first (partnergraph remove {source_id})"
        )
    raw_name = f"{source_id}.html" if looks_like_html(decoded.text) else f"{source_id}.raw.txt"
    # what was given by hand stays until given again
    if old and not year and old.extra.get("year_from") == "--year":
        year = old.year
    if old and not title and old.extra.get("title_from") == "--title":
        title = old.title
    page_year, year_from = (year, "--year") if year else (page.year, "publication date")
    if page_year is not None and not 1990 <= page_year <= 2100:
        page_year = None
    if page_year is None:
        page_year, year_from = (old.year, "earlier entry") if old and old.year else (None, None)
    extra = {
        "added": (old.extra.get("added") if old else None) or retrieved,
        "retrieved": retrieved,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "text_sha256": hashlib.sha256(page.text.encode("utf-8")).hexdigest(),
        "raw": raw_name,
        "encoding": "utf-8",  # of the text file read by the build
        "charset": decoded.encoding,
        "charset_from": decoded.found_in,
        "year_from": year_from,
        "title_from": "--title" if title else None,
        "published": page.published,
        "author": page.author,
        "canonical_url": page.canonical_url if page.canonical_url != url else None,
        "etag": fetched.etag if fetched else None,
        "last_modified": fetched.last_modified if fetched else None,
        "redirected_from": fetched.redirects[0] if fetched and fetched.redirects else None,
        "imported_from": None if fetched else Path(item).name,
        # whose cooperation the page reports, when not MOPS Kraków's: given once, kept on later fetches
        "home": home[0] if home else (old.home if old else None),
        "home_city": home[1] if home else (old.home_city if old else None),
    }
    entry = ManifestEntry(
        file=f"{source_id}.txt",
        url=url or (old.url if old else None),
        year=page_year,
        publisher=page.publisher or (old.publisher if old else None) or PUBLISHER,
        title=title or page.title or (old.title if old else None),
        extra={k: v for k, v in extra.items() if v is not None},
    )
    if old and _same_page(old, entry):
        note = f"{source_id}: same content as retrieved {old.extra.get('retrieved')}"
        return PageResult(item, "unchanged", note, source_id, old)
    status = "replaced" if old else "added"
    how = f"{decoded.encoding}, " + (
        "detected" if decoded.found_in == "detected" else f"from the {decoded.found_in}"
    )
    year_note = f"year {page_year} from the {year_from}" if page_year else "no year (give --year for 'br.')"
    message = f"{source_id} from {url or item} ({how}; {year_note})"
    if old:
        message += "; " + _what_changed(old, entry)
    result = PageResult(item, status, message, source_id, entry)
    return _Prepared(result, entry, page.text, raw, raw_name, old)


def _commit(settings: Settings, entries: dict, prepared: list[_Prepared], report: AddReport) -> None:
    """Write the pages and the manifest, then update the graph; on failure put the files back."""
    plan = incremental.pages_to_update(settings)
    graphs, removed = None, []
    if plan is not None:
        stale, removed = plan
        own = {p.entry.source_id for p in prepared}
        report.caught_up = sorted({*stale, *removed} - own)
        with tempfile.TemporaryDirectory(prefix="partnergraph-add-") as tmp:
            pages = []
            for p in prepared:
                path = Path(tmp) / p.entry.file
                path.write_text(p.text, encoding="utf-8")
                pages.append((p.entry, path))
            pages += [(entries[s], source_path(settings, entries[s])) for s in stale if s not in own]
            # validated before anything is written
            graphs = incremental.make_page_graphs(settings, pages, removed=removed)
    new_entries = dict(entries)
    for p in prepared:
        new_entries[p.entry.source_id] = p.entry
    sources = settings.sources_dir
    touched = {MANIFEST} | {p.entry.file for p in prepared} | {p.raw_name for p in prepared}
    touched |= {p.old_entry.extra["raw"] for p in prepared if p.old_entry and p.old_entry.extra.get("raw")}
    with _put_back_on_failure(sources, touched):
        for p in prepared:
            old_raw = p.old_entry.extra.get("raw") if p.old_entry else None
            if old_raw and old_raw != p.raw_name:
                (sources / old_raw).unlink(missing_ok=True)
            write_atomic(sources / p.raw_name, p.raw)
            write_atomic(sources / p.entry.file, p.text)
        write_manifest(sources, list(new_entries.values()))
        if graphs is not None:
            done = incremental.apply_page_graphs(settings, graphs, removed)
            report.graph, report.quads = "incremental", done.quads
            counts = done.pages
            findings = [
                f"{label}: {x}"
                for g in graphs
                for label, items in (
                    ("not in the registry", g.unknown_organisations),
                    ("unlinked", g.unlinked),
                )
                for x in items
            ]
            refused = {k: v for g in graphs for k, v in g.refused.items()}
        else:
            built = build(settings)
            report.graph, report.quads = "full", built.triples
            counts = built.pages
            findings = [f"not in the registry: {x}" for x in built.unknown_organisations]
            findings += [f"unlinked: {x}" for x in built.unlinked]
            refused = built.refused_curations
        findings += [  # the page goes in with the event as extracted
            f"refused by the graph, left out: {settings.curation_file}: {'; '.join(problems)} ({event})"
            for event, problems in refused.items()
        ]
    for p in prepared:
        p.result.events = counts.get(p.entry.source_id)
        p.result.findings = [x for x in findings if f"({p.entry.source_id}/" in x]


@contextlib.contextmanager
def _put_back_on_failure(sources: Path, names: set[str]):
    """Files of data/sources/ as they were, written back should the block fail."""
    backup = {name: (sources / name).read_bytes() if (sources / name).is_file() else None for name in names}
    try:
        yield
    except BaseException:
        for name, data in backup.items():
            if data is None:
                (sources / name).unlink(missing_ok=True)
            else:
                write_atomic(sources / name, data)
        raise


def remove_pages(settings: Settings, items: list[str]) -> AddReport:
    """Take pages (by id, file name or URL) out of the corpus and their graphs out of the build:
    incrementally when the build can be updated, else by a full build. On failure the corpus files
    are put back."""
    entries = {e.source_id: e for e in read_manifest(settings.sources_dir)}
    report, gone, unfinished = AddReport(), {}, set()
    for item in items:
        entry = entries.get(item) or entries.get(Path(item).stem) or _find_by_url(entries, item)
        left = None if entry else _left_in_graph(settings, item)
        if left:
            message = f"{left}: its files had gone, its graph goes now (a remove that was interrupted)"
            report.results.append(PageResult(item, "removed", message, left))
            unfinished.add(left)
        elif entry is None:
            message = f"{item}: no such page in the corpus (`partnergraph sources` lists them)"
            report.results.append(PageResult(item, "failed", message))
        elif entry.source_id not in gone:
            gone[entry.source_id] = entry
            message = f"{entry.source_id} ({entry.url or entry.file})"
            report.results.append(PageResult(item, "removed", message, entry.source_id, entry))
    if not gone and not unfinished:
        return report
    incremental_ok = incremental.can_update(settings)
    names = (
        {MANIFEST}
        | {e.file for e in gone.values()}
        | {e.extra["raw"] for e in gone.values() if e.extra.get("raw")}
    )
    with _put_back_on_failure(settings.sources_dir, names):
        if gone:
            write_manifest(settings.sources_dir, [e for s, e in entries.items() if s not in gone])
        for entry in gone.values():
            for name in (entry.file, entry.extra.get("raw")):
                if name:
                    source_path(settings, ManifestEntry(file=name)).unlink(missing_ok=True)
        if incremental_ok:
            done = incremental.catch_up(settings)
            report.graph, report.quads = "incremental", done.quads if done else None
        else:
            report.graph, report.quads = "full", build(settings).triples
    return report


def _left_in_graph(settings: Settings, item: str) -> str | None:
    """The id of the page `item` names (id, file name or URL) when the corpus no longer has it but the
    build still holds its graph: a `remove` killed between the two. None otherwise."""
    from .state import read_state

    state = read_state(settings)
    built = state.get("pages") if state else None
    if not isinstance(built, dict):
        return None
    candidates = [item, Path(item).stem] + ([_source_id(item, None, item)] if _URL.match(item) else [])
    return next((c for c in candidates if c in built), None)


def _same_page(old: ManifestEntry, new: ManifestEntry) -> bool:
    keys = ("file", "url", "year", "publisher", "title")
    return old.extra.get("text_sha256") == new.extra.get("text_sha256") and all(
        getattr(old, k) == getattr(new, k) for k in keys
    )


def _what_changed(old: ManifestEntry, new: ManifestEntry) -> str:
    if old.extra.get("text_sha256") != new.extra.get("text_sha256"):
        return "the content changed since " + str(old.extra.get("retrieved", "it was added"))
    fields = [
        f"{k} {getattr(old, k)!r} -> {getattr(new, k)!r}"
        for k in ("file", "url", "year", "publisher", "title")
        if getattr(old, k) != getattr(new, k)
    ]
    return "same content, new " + ", ".join(fields)


def _find_by_url(entries: dict[str, ManifestEntry], url: str) -> ManifestEntry | None:
    for entry in entries.values():
        if url in (entry.url, entry.extra.get("redirected_from"), entry.extra.get("canonical_url")):
            return entry
    return None


def _source_id(url: str | None, canonical: str | None, item: str) -> str:
    """The page's id (file stem, key of its IRIs): `bip-<dok_id>` for a bulletin document, else a slug
    of the URL's last path segment with a short hash of the URL, else the file's name."""
    for candidate in (canonical, url):
        if not candidate:
            continue
        doc = parse_qs(urlsplit(candidate).query).get("dok_id")
        if doc and doc[0].isdigit():
            return f"bip-{doc[0]}"
    if url:
        parts = urlsplit(url)
        stem = Path(parts.path).stem or parts.hostname or "page"
        return f"{slug(stem, 6)}-{hashlib.sha256(url.encode()).hexdigest()[:8]}"
    return slug(Path(item).stem, 8)
