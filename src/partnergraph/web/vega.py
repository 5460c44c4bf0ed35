"""The charts' Vega-Lite specifications are compiled to Vega once, at install time, rather than in every
reader's browser: frontend/build.mjs compiles every chart shape (`portal.charts.chart_shapes`: a spec
without its data, per language) into the chart bundle (dist/vega.js), keyed by `shape_key`. A page then
carries only a chart's key and data (`to_page`, the templates' `vega` filter); the bundle puts them together
(frontend/src/vega.js). Vega-Lite itself (a third of the charts' script) is fetched only by the SPARQL page,
whose charts the reader makes."""

from __future__ import annotations

import hashlib
import json


def shape_of(spec: dict) -> dict:
    """`spec` without what differs from page to page: its datasets' rows and its usermeta."""
    shape = {key: value for key, value in spec.items() if key != "usermeta"}
    if "datasets" in shape:
        shape["datasets"] = {name: [] for name in shape["datasets"]}
    return shape


def shape_key(spec: dict) -> str:
    text = json.dumps(shape_of(spec), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def to_page(spec: dict) -> dict:
    """What a page carries of the Vega-Lite `spec` (whose data are named datasets): its shape's key, the
    datasets' rows and the usermeta."""
    return {
        "shape": shape_key(spec),
        "datasets": spec.get("datasets", {}),
        "usermeta": spec.get("usermeta", {}),
    }
