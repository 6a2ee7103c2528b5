"""The dark theme in Chromium: a browser set to dark gets a dark page with dark charts, and
switching the theme in the app menu recolours the charts by itself (no other click).

Screenshots land in ``tests/e2e/_artifacts/dark/`` (and the README's, with
``MOT_SCREENSHOTS=docs``, in ``docs/screenshots/``).
"""

from __future__ import annotations

import os

import pytest

from mot import charts

from .harness import CHROMIUM, ROOT, TIMEOUT, browser, server

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]

SHOTS = ROOT / "tests" / "e2e" / "_artifacts" / "dark"
CHART = '[data-testid="stVegaLiteChart"] svg.marks'

# The background of every chart, the page's background and the colour of the axis labels.
COLOURS = """
() => ({
  charts: [...document.querySelectorAll('[data-testid="stVegaLiteChart"] svg.marks')]
    .map(svg => getComputedStyle(svg).backgroundColor),
  page: getComputedStyle(document.querySelector('.stApp')).backgroundColor,
  labels: [...document.querySelectorAll('[data-testid="stVegaLiteChart"] .role-axis-label text')]
    .map(text => text.getAttribute('fill')),
})
"""


def _rgb(colour: str) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


DARK, WHITE = _rgb(charts.DARK_BACKGROUND), "rgb(255, 255, 255)"


def _all_charts(colour: str) -> str:
    return f"""() => {{
      const shown = [...document.querySelectorAll('{CHART}')];
      const drawn = svg => getComputedStyle(svg).backgroundColor === '{colour}';
      return shown.length > 0 && shown.every(drawn);
    }}"""


@pytest.fixture(scope="module")
def app():
    SHOTS.mkdir(parents=True, exist_ok=True)
    with server() as url, browser() as instance:
        yield url, instance


@pytest.mark.parametrize("slug", ["overview", "emotion", "gaps"])
def test_a_dark_browser_gets_dark_charts_from_the_first_load(app, slug):
    url, instance = app
    context = instance.new_context(viewport={"width": 1280, "height": 720}, color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(f"{url}/{'' if slug == 'overview' else slug}")  # the main page: the root
        page.wait_for_selector(CHART, timeout=TIMEOUT)
        page.wait_for_function(_all_charts(DARK), timeout=TIMEOUT)
        seen = page.evaluate(COLOURS)
        assert seen["page"] == DARK
        assert set(seen["labels"]) == {charts.DARK_INK}
        page.screenshot(path=str(SHOTS / f"{slug}-dark.png"))
        if os.environ.get("MOT_SCREENSHOTS") == "docs" and slug == "emotion":
            page.screenshot(path=str(ROOT / "docs" / "screenshots" / "emotion_dark.png"))
    finally:
        context.close()


def test_the_menu_switches_the_charts_between_light_and_dark(app):
    url, instance = app
    context = instance.new_context(viewport={"width": 1280, "height": 720}, color_scheme="light")
    page = context.new_page()
    try:
        page.goto(f"{url}/emotion")
        page.wait_for_selector(CHART, timeout=TIMEOUT)
        page.wait_for_function(_all_charts(WHITE), timeout=TIMEOUT)
        page.get_by_test_id("stMainMenu").click()
        page.get_by_test_id("stMainMenuItem-theme-Dark").click()
        # nothing else is clicked: the watcher asks for the rerun that recolours the charts
        page.wait_for_function(_all_charts(DARK), timeout=TIMEOUT)
        assert set(page.evaluate(COLOURS)["labels"]) == {charts.DARK_INK}
        page.keyboard.press("Escape")
        page.screenshot(path=str(SHOTS / "switched-dark.png"))
        page.get_by_test_id("stMainMenu").click()
        page.get_by_test_id("stMainMenuItem-theme-Light").click()
        page.wait_for_function(_all_charts(WHITE), timeout=TIMEOUT)
        assert set(page.evaluate(COLOURS)["labels"]) == {charts.INK}
    finally:
        context.close()
