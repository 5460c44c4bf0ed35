"""`partnergraph extract PAGE... [--url URL] [--year YYYY] [--home NAME --home-city CITY] [--encoding E] [--json]
[--out DIR]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .._atomic import write_atomic
from ..errors import PartnergraphError, SourceError
from ._common import year

HELP = "extract the events of pages as JSON (docs/extract-json.md)"


def register(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("extract", help=HELP, description=HELP)
    p.add_argument("pages", metavar="PAGE", nargs="+", type=_page_path, help="a saved page (text or HTML)")
    p.add_argument("--url", help="the page's URL (default: from data/sources/manifest.json)")
    p.add_argument("--year", type=year, help="the year that 'br.' and year-less dates refer to")
    p.add_argument(
        "--home",
        metavar="NAME",
        help="the body whose cooperation the page reports, in MOPS's role: never listed as an organisation, "
        "direction seen from it (default: manifest 'home', else MOPS Kraków from data/reference/home.csv)",
    )
    p.add_argument(
        "--home-city",
        metavar="CITY",
        help="the home's city, where its incoming events take place (default: manifest 'home_city', else Kraków)",
    )
    p.add_argument("--encoding", help="the page's encoding, e.g. cp1250 (default: detected)")
    p.add_argument("--json", action="store_true", help="print the JSON (the default when not a terminal)")
    p.add_argument("--out", type=Path, metavar="DIR", help="write one <page>.json per page into DIR")
    p.set_defaults(func=run)
    return p


def _page_path(value: str) -> Path:
    path = Path(value)
    if not path.is_file():
        raise argparse.ArgumentTypeError(
            f"{value}: {'a folder, not a page' if path.is_dir() else 'no such file'}"
        )
    return path


def data_dir() -> Path:
    """data/ of the current folder when it has data/reference, else the repository's own."""
    here = Path.cwd() / "data"
    if (here / "reference").is_dir():
        return here
    return Path(__file__).resolve().parents[3] / "data"


def _manifest_entry(page: Path):
    """The manifest entry of PAGE when it is one of the pages of a sources folder (data/sources). A
    manifest beside the page is checked as `build` checks it: a bad one is refused, not ignored."""
    from ..sources import page_files

    folder = page.resolve().parent
    if not (folder / "manifest.json").is_file():
        return None
    return next((entry for entry, path in page_files(folder) if path == page.resolve()), None)


def extract_pages(
    pages: list[Path], *, url=None, year=None, encoding=None, home=None, home_city=None
) -> list[dict]:
    """The spec's JSON document of every page; raises PartnergraphError before anything is written."""
    from ..extract import extract_document
    from ..reference import load_registries
    from ..sources import read_page

    if url and len(pages) > 1:
        raise SourceError("--url names one page's address; give it with a single PAGE")
    registries = load_registries(data_dir() / "reference")
    docs = []
    for path in pages:
        entry = _manifest_entry(path)
        page = read_page(
            path,
            url=url or (entry.url if entry else None),
            year=year or (entry.year if entry else None),
            encoding=encoding,
            home=home or (entry.home if entry else None),
            home_city=home_city or (entry.home_city if entry else None),
        )
        docs.append(extract_document(page, registries))
    return docs


def run(args: argparse.Namespace) -> int:
    """Errors are raised as PartnergraphError, which the CLI prints as every command's ('partnergraph
    extract: MESSAGE', exit 2); a file that cannot be read or written is one too."""
    try:
        return _extract(args)
    except OSError as e:
        raise PartnergraphError(f"{e.filename}: {e.strerror}" if e.filename else str(e)) from None


def _extract(args: argparse.Namespace) -> int:
    if args.out and args.out.exists() and not args.out.is_dir():
        raise PartnergraphError(f"--out {args.out}: a file, not a folder")
    docs = extract_pages(
        args.pages,
        url=args.url,
        year=args.year,
        encoding=args.encoding,
        home=args.home,
        home_city=args.home_city,
    )
    if args.out:
        outputs = [(args.out / (Path(d["document"]["file"]).stem + ".json"), d) for d in docs]
        for path, doc in outputs:
            write_atomic(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return 0
    if args.json or not sys.stdout.isatty():
        payload = docs[0] if len(docs) == 1 else docs
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        for d in docs:
            _print_summary(d)
    return 0


def _print_summary(doc: dict) -> None:
    d = doc["document"]
    print(f"{d['file']} ({d['year'] or 'year unknown'}): {len(doc['events'])} events")
    for e in doc["events"]:
        loc = e["location"] or {}
        where = loc.get("city") or loc.get("country") or "?"
        print(f"  {e['start'] or '?':10} {e['type']:10} {e['direction']:8} {where:12} {e['title'][:70]}")
