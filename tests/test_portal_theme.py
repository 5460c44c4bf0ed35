"""The portal's theme switch (system, light, dark) as a reader uses it: a real `partnergraph serve`, headless
Chromium, the keyboard, a reload; the colours read from the pages as drawn, axe-core on the dark pages."""

from __future__ import annotations

import json
import time

import pytest
from chromium import axe_violations
from test_portal import LUMINANCE

SERVE_OPTIONS = ("--workers", "1")
KEY = "partnergraph-theme"  # static/theme.js's localStorage key
# every kind of page, the two made elsewhere (the network's, pyLODE's ontology) included
PAGES = ["", "browse/events", "partnergraph/id/country/de", "query", "network", "ontology", "no-such-page"]


def luminance(page, selector: str, prop: str) -> float:
    script = f"p => ({LUMINANCE})(getComputedStyle(document.querySelector(p.el))[p.prop])"
    return page.evaluate(script, {"el": selector, "prop": prop})


def is_dark(page) -> bool:
    return luminance(page, "body", "backgroundColor") < 0.02 and luminance(page, "body", "color") > 0.7


def is_light(page) -> bool:
    return luminance(page, "body", "backgroundColor") > 0.9 and luminance(page, "body", "color") < 0.05


def tab_to(page, element_id: str, most: int = 40) -> None:
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} not reached in {most} presses of Tab")


@pytest.mark.parametrize(
    "path, lang, label, dark",
    [(path, "pl", "Motyw", "ciemny") for path in PAGES]
    + [(path, "en", "Theme", "dark") for path in ("", "network")],
)
def test_the_keyboard_turns_a_page_dark_and_a_reload_keeps_it(browser, server, path, lang, label, dark):
    """On a light system: Tab to the switch, arrows to 'dark'; the page is dark at once, axe-core finds no
    serious contrast or other problem in it, and it is still dark after a reload."""
    context = browser.new_context(
        bypass_csp=True, color_scheme="light", extra_http_headers={"Accept-Language": lang}
    )
    page = context.new_page()
    page.goto(server.url + path)
    turn_dark_by_keyboard(page, label, dark)
    context.close()


def turn_dark_by_keyboard(page, label: str, dark: str) -> None:
    """On a light page: Tab to the switch (labelled `label`), arrows to `dark`; the page is dark at once,
    axe-core finds no serious problem in it, and it is still dark after a reload."""
    assert is_light(page)
    switch = page.locator("#site-theme")
    assert switch.is_visible() and page.locator("label[for=site-theme]").inner_text().startswith(label)
    tab_to(page, "site-theme")
    page.keyboard.press("ArrowDown")  # as the system -> light
    page.keyboard.press("ArrowDown")  # light -> dark
    assert switch.evaluate("s => s.selectedOptions[0].textContent") == dark
    assert is_dark(page) and page.evaluate(f"localStorage.getItem('{KEY}')") == "dark"
    page.wait_for_load_state("networkidle")
    bad = axe_violations(page)
    assert bad == [], json.dumps(bad, indent=1)
    page.reload()
    assert is_dark(page) and switch.input_value() == "dark"


@pytest.mark.parametrize("path", ["network", "ontology", "partnergraph/id/country/de"])
def test_a_dark_system_gives_dark_pages_and_light_is_a_choice(browser, server, path):
    """prefers-color-scheme: dark: dark with no click (the switch says 'as the system'); 'light' chosen on
    one page is light on every page, and back to 'as the system' is dark again."""
    context = browser.new_context(color_scheme="dark", extra_http_headers={"Accept-Language": "en"})
    page = context.new_page()
    page.goto(server.url + path)
    assert is_dark(page) and page.input_value("#site-theme") == "system"
    page.select_option("#site-theme", "light")
    assert is_light(page)
    page.goto(server.url + "browse/cities")
    assert is_light(page) and page.input_value("#site-theme") == "light"
    page.select_option("#site-theme", "system")
    assert is_dark(page) and page.evaluate(f"localStorage.getItem('{KEY}')") == "system"
    context.close()


def test_the_network_drawing_stays_on_white_in_the_dark(browser, server):
    """The nodes' colours and the labels were chosen for white: the panels around them go dark, not it."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(server.url + "network")
    assert is_dark(page) and luminance(page, "#pg-controls", "backgroundColor") < 0.02
    assert luminance(page, "#pg-graph", "backgroundColor") > 0.9
    context.close()


@pytest.mark.parametrize("path", ["", "network", "ontology"])
def test_a_dark_choice_is_there_before_the_first_paint(browser, server, path):
    """No white flash: the page's end comes 1.5 s late (a script the test adds and holds back), so Chromium
    paints what it has before it; the frame before that first paint is already dark (a theme script that
    were deferred or at the end of the page would leave it light)."""
    context = browser.new_context(bypass_csp=True)
    context.add_init_script(f"localStorage.setItem('{KEY}', 'dark')")
    context.add_init_script(
        "window.pgFirstFrame = new Promise(done => requestAnimationFrame(() => "
        "done(getComputedStyle(document.body || document.documentElement).backgroundColor)))"
    )
    page = context.new_page()

    def with_a_late_end(route):
        answer = route.fetch()
        late = '<script src="/held-back.js"></script></body>'
        route.fulfill(response=answer, body=answer.text().replace("</body>", late))

    def held_back(route):
        time.sleep(1.5)
        route.fulfill(body="", content_type="text/javascript")

    page.route(server.url + path, with_a_late_end)
    page.route("**/held-back.js", held_back)
    page.goto(server.url + path)
    first = page.evaluate("window.pgFirstFrame")
    assert page.evaluate(f"c => ({LUMINANCE})(c)", first) < 0.02, first
    context.close()


@pytest.mark.parametrize(
    "path, button",
    [("", ".big-search button"), ("browse/events", ".filters button"), ("query", "#plain-query button")],
)
def test_a_button_stands_out_from_a_dark_page(browser, server, path, button):
    """The portal's buttons were navy (#17324d) on the dark page (#121417), 1.3:1: a button is a shape to
    find (WCAG 1.4.11: 3:1 against what is around it); its white text still 4.5:1 on it."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(server.url + path)
    face = luminance(page, button, "backgroundColor")
    page_behind = luminance(page, "body", "backgroundColor")
    assert (face + 0.05) / (page_behind + 0.05) >= 3, (face, page_behind)
    assert (luminance(page, button, "color") + 0.05) / (face + 0.05) >= 4.5
    context.close()
