"""The review application's theme switch (system, light, dark): the portal's (web/static/theme.js and
templates/_theme.html, the same files) in a real `partnergraph review` process, driven by headless Chromium
with the keyboard; the colours read from the pages as drawn, axe-core on the dark pages."""

from __future__ import annotations

import httpx
import pytest
from conftest import copy_built
from test_portal_theme import KEY, is_dark, is_light, turn_dark_by_keyboard
from test_review import PAGE, Reviewed

from partnergraph.web.templating import STATIC


@pytest.fixture(scope="module")
def app(seed_settings, tmp_path_factory):
    settings = copy_built(seed_settings, tmp_path_factory.mktemp("review-theme") / "project")
    review = Reviewed(settings.root)
    yield review
    review.stop()


def test_the_review_serves_the_portals_theme_script(app):
    answer = httpx.get(app.url + "static/theme.js", timeout=60)
    assert answer.status_code == 200 and "javascript" in answer.headers["content-type"]
    assert answer.content == (STATIC / "theme.js").read_bytes()


@pytest.mark.parametrize(
    "path, lang, label, dark",
    [(path, "pl", "Motyw", "ciemny") for path in ("", f"page/{PAGE}", "page/nope")]
    + [(f"page/{PAGE}", "en", "Theme", "dark")],
)
def test_the_keyboard_turns_a_review_page_dark_and_a_reload_keeps_it(browser, app, path, lang, label, dark):
    """On a light system: Tab to the switch, arrows to 'dark' (the review's own arrow keys, next and previous
    value, leave the switch alone); the page is dark at once, axe-core finds no serious contrast or other
    problem in it, and it is still dark after a reload."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(f"{app.url}{path}?lang={lang}")
    turn_dark_by_keyboard(page, label, dark)
    context.close()


def test_a_dark_system_gives_a_dark_review_and_light_is_a_choice(browser, app):
    """prefers-color-scheme: dark: dark with no click (the switch says 'as the system'); 'light' chosen on
    the queue is light on a page's view too, and back to 'as the system' is dark again."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(app.url + "?lang=en")
    assert is_dark(page) and page.input_value("#site-theme") == "system"
    page.select_option("#site-theme", "light")
    assert is_light(page)
    page.goto(f"{app.url}page/{PAGE}?lang=en")
    assert is_light(page) and page.input_value("#site-theme") == "light"
    page.select_option("#site-theme", "system")
    assert is_dark(page) and page.evaluate(f"localStorage.getItem('{KEY}')") == "system"
    context.close()
