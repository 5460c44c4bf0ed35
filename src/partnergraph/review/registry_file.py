"""Entity decisions written to data/reference/: "these two names are one organisation" (an alias),
"this organisation is new" (a row with kind and country), "this place is that GeoNames city" (a row in
places.csv, so that the city is linked wherever a page names it). Each file is rewritten whole; rows
nobody touched are written back unchanged. A decision that also changes data/curation.yaml gets the
registry's new text back, for the caller to switch both files together (_together.py).
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from .._atomic import write_atomic
from .._slug import slug
from ..reference import load_registries
from .errors import ReviewError


def version(reference_dir: Path) -> str:
    digest = hashlib.sha256()
    for name in ("organisations.csv", "places.csv"):
        path = reference_dir / name
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()[:12]


def check_version(reference_dir: Path, seen: str | None) -> None:
    if seen != version(reference_dir):
        raise ReviewError("registry_conflict", status=409)


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def _csv(header: list[str], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _names(row: dict[str, str]) -> list[str]:
    return [row["name"], *(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())]


def _find(rows: list[dict[str, str]], name: str) -> dict[str, str] | None:
    key = slug(name)
    return next((r for r in rows if key in {slug(n) for n in _names(r)}), None)


def merge_organisations(reference_dir: Path, name: str, into: str) -> tuple[str, str]:
    """That `name` and `into` name one organisation: the unregistered one becomes an alias of the
    registered one (`into` is added to the registry when neither is); returns the registry's name and
    the new text of organisations.csv (not written)."""
    path = reference_dir / "organisations.csv"
    header, rows = _read(path)
    if slug(name) == slug(into):
        raise ReviewError("same_name", name=name)
    target, other = _find(rows, into), _find(rows, name)
    if target is not None and other is not None and other is not target:
        raise ReviewError("both_registered", name=name, into=into)
    if target is None and other is not None:  # only the page's name is registered: it stays the name
        target, other, name = other, None, into
    if target is None:
        target = {h: "" for h in header} | {"name": into}
        rows.append(target)
    if other is None:
        target["aliases"] = "|".join([*_names(target)[1:], name])
    return target["name"], _csv(header, rows)


def organisation_names(reference_dir: Path, name: str) -> list[str]:
    """The registered organisation's name and aliases (`name` alone when it is not registered)."""
    row = _find(_read(reference_dir / "organisations.csv")[1], name)
    return _names(row) if row else [name]


def add_organisation(reference_dir: Path, name: str, kind: str, country: str | None) -> None:
    path = reference_dir / "organisations.csv"
    header, rows = _read(path)
    if _find(rows, name) is not None:
        raise ReviewError("already_registered", name=name)
    if not slug(kind).replace("-", "_").isidentifier():
        raise ReviewError("bad_kind", kind=kind)
    countries = load_registries(reference_dir).countries
    if country and country not in countries:
        raise ReviewError("bad_country", country=country)
    rows.append(
        {h: "" for h in header}
        | {"name": name, "kind": slug(kind).replace("-", "_"), "country": country or ""}
    )
    write_atomic(path, _csv(header, rows))


def add_place(reference_dir: Path, city) -> str | None:
    """A gazetteer city into places.csv, unless it is there already (by its GeoNames id: another town of
    the same name is another row): the file's new text (not written), or None."""
    path = reference_dir / "places.csv"
    header, rows = _read(path)
    if any(
        r["name_en"] == city.name
        and r["country"] == city.country
        and r.get("geonames_id") in ("", str(city.geonames_id))
        for r in rows
    ):
        return None
    rows.append(
        {h: "" for h in header}
        | {
            "name_en": city.name,
            "name_pl": city.name_pl or city.name,
            "country": city.country,
            "geonames_id": str(city.geonames_id or ""),
            "wikidata_id": city.wikidata_id or "",
            "lat": f"{city.lat:.5f}",
            "lon": f"{city.lon:.5f}",
        }
    )
    return _csv(header, rows)
