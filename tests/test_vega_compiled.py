"""The portal's charts are compiled from Vega-Lite to Vega at install time (frontend/build.mjs, web/vega.py)
into dist/vega.js, and a page carries a chart's key and data: the Vega the browser draws is what Vega-Lite
compiles from the chart's spec with its data, and pages draw it without the Vega-Lite compiler (only YASGUI's
charts fetch dist/vega-lite.js)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from test_portal import wait_until
from test_web import open_page

from partnergraph.aggregates import load_aggregates
from partnergraph.web._html import Linker
from partnergraph.web.portal.charts import all_charts, home_charts, map_spec, per_year_chart

FRONTEND = Path(__file__).resolve().parents[1] / "src/partnergraph/web/frontend"
COMPILE = """
import { compile } from "vega-lite";
import { readFileSync } from "node:fs";
const specs = JSON.parse(readFileSync(0, "utf8"));
const quiet = { level: () => quiet, warn() {}, info() {}, debug() {}, error: (e) => { throw new Error(String(e)); } };
console.log(JSON.stringify(Object.fromEntries(Object.entries(specs).map(([id, spec]) => [id, compile(spec, { logger: quiet }).spec]))));
"""
LOADED = "performance.getEntriesByType('resource').map(e => e.name.split('?')[0])"


def compile_in_node(specs: dict[str, dict]) -> dict[str, dict]:
    """What Vega-Lite (the front-end's, from its lock file) compiles from each spec, data included."""
    done = subprocess.run(
        ["node", "--input-type=module", "-e", COMPILE],
        input=json.dumps(specs),
        capture_output=True,
        text=True,
        cwd=FRONTEND,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout)


def drawn_vega(page) -> dict[str, dict]:
    """chart id -> the Vega dist/vega.js makes of what the page carries (after the page drew its charts)."""
    charts = page.locator(".chart[data-spec]")
    for i in range(charts.count()):
        charts.nth(i).scroll_into_view_if_needed()  # drawn when it comes into view
    wait_until(page, "() => [...document.querySelectorAll('.chart[data-spec]')].every(c => c.dataset.drawn)")
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.chart[data-spec]')].map((el) => {
            const chart = JSON.parse(document.getElementById(el.dataset.spec).textContent);
            return [el.dataset.spec.replace(/^spec-/, ''), window.partnergraphVega.vegaOf(chart)];
        }))"""
    )


def test_the_vega_drawn_is_what_vega_lite_compiles_from_each_chart_with_its_data(
    browser, server, seed_settings
):
    agg = load_aggregates(seed_settings.build_dir)
    pages = {  # Polish and English pages, and each one's charts in Vega-Lite as the server makes them
        "charts?lang=pl": {c["id"]: c["spec"] for c in all_charts(agg, "pl")},
        "?lang=en": {c["id"]: c["spec"] for c in home_charts(agg, "en")},
        "map?lang=pl": {
            "map": map_spec(Linker(), "pl"),
            "per-year-direction": per_year_chart(agg, "pl", "direction", derive=True)["spec"],
        },
    }
    for path, specs in pages.items():
        assert all(s["datasets"]["table"] for s in specs.values() if "table" in s["datasets"])  # with rows
        page, problems = open_page(browser, server.url + path)
        drawn = drawn_vega(page)
        assert problems == []
        page.close()
        for vega in drawn.values():
            vega.pop("usermeta", None)  # where to find the map's countries, which Vega-Lite passes through
        expected = {
            ident: {k: v for k, v in vega.items() if k != "usermeta"}
            for ident, vega in compile_in_node(specs).items()
        }
        assert drawn == expected, path


def test_the_portals_charts_are_drawn_without_vega_lite(browser, server):
    """Home and /charts in Polish: every chart drawn, a bar per row of its data table, with dist/vega.js alone."""
    for path in ("?lang=pl", "charts?lang=pl"):
        page, problems = open_page(browser, server.url + path)
        drawn_vega(page)
        countries = page.locator("#viz-countries")
        bars = countries.locator("svg .mark-rect path").count()
        assert bars == countries.locator("tbody tr").count() > 0
        urls = page.evaluate(LOADED)
        assert [u for u in urls if u.endswith("/static/dist/vega.js")]
        assert not [u for u in urls if u.endswith("/static/dist/vega-lite.js")]
        assert problems == []
        page.close()
