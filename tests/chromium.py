"""How the tests start Debian's Chromium (headless, with no background traffic on this closed network) and
check a page in it."""

from pathlib import Path

AXE = Path(__file__).resolve().parents[1] / "src/partnergraph/web/frontend/node_modules/axe-core/axe.min.js"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def axe_violations(page) -> list:
    """The serious and critical violations axe-core (npm, installed by scripts/setup.sh) finds on an open
    Playwright page, each as (rule, impact, its first three elements); where the page's CSP forbids inline
    scripts its context must bypass it, so that axe can be injected."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
