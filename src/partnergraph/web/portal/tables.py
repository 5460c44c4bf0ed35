"""Lists as downloads: CSV with a byte-order mark (so that Excel reads ł, ś, ż as UTF-8) and JSON."""

from __future__ import annotations

import csv
import io
import json

from fastapi.responses import Response


def table_bytes(columns: list[tuple[str, str]], rows: list[dict], fmt: str) -> bytes:
    """`rows` as CSV (the column titles as its header, BOM first) or JSON (a list of objects by key)."""
    if fmt == "json":
        data = [{key: row.get(key) for key, _title in columns} for row in rows]
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([title for _key, title in columns])
    for row in rows:
        writer.writerow(
            [
                "; ".join(map(str, v)) if isinstance(v, list) else ("" if v is None else v)
                for v in (row.get(k) for k, _t in columns)
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def table_download(columns, rows, fmt: str, name: str) -> Response:
    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    return Response(
        table_bytes(columns, rows, fmt),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )
