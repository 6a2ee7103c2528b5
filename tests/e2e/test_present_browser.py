"""The presenter view in Chromium at a projector's 1280×720: the keys move the slides (→ and
Page Down forward, ← and Page Up back), the sidebar is hidden and comes back on leaving, and
every slide fits the screen without scrolling, in large type, in light and dark, English and
Spanish.

Screenshots of every slide land in ``tests/e2e/_artifacts/present/``; those of the README
(``MOT_SCREENSHOTS=docs``: a touchpoint's slide in both themes and languages, the title and
the end) in ``docs/screenshots/`` too (``shot_dirs``).
"""

from __future__ import annotations

import pytest

from .harness import NEEDS_CHROMIUM, TIMEOUT, browser, server
from .test_browser import ARTIFACTS, shot_dirs
from .test_large_type import DRAWN

pytestmark = NEEDS_CHROMIUM

SHOTS = ARTIFACTS / "present"
VIEWPORT = {"width": 1280, "height": 720}
KEYS_READY = "() => window.motPresenterKeys === true"
SIDEBAR_SHOWN = """() => {
  const bar = document.querySelector('[data-testid="stSidebar"]');
  return !!bar && bar.getBoundingClientRect().width > 0 && getComputedStyle(bar).display !== 'none';
}"""
# What a slide measures: the page's height against the window, the title's size and whether
# it is cut, the cards' numbers, the chart's axis labels, the sidebar and its open button.
MEASURE = """() => {
  const size = el => (el ? parseFloat(getComputedStyle(el).fontSize) : null);
  const title = document.querySelector('h1');
  const axis = document.querySelector('.vega-embed svg .role-axis-label text');
  const open = document.querySelector('[data-testid="stExpandSidebarButton"]');
  return {
    height: document.querySelector('[data-testid="stMain"]').scrollHeight,
    window: window.innerHeight,
    title: size(title),
    titleCut: title.scrollWidth > title.clientWidth + 1,
    value: size(document.querySelector('[data-testid="stMetricValue"]')),
    axis: axis ? parseFloat(axis.getAttribute('font-size')) : null,
    sidebar: !!document.querySelector('[data-testid="stSidebar"]')
      && document.querySelector('[data-testid="stSidebar"]').getBoundingClientRect().width > 0
      && getComputedStyle(document.querySelector('[data-testid="stSidebar"]')).display !== 'none',
    openButton: !!open && getComputedStyle(open).display !== 'none',
  };
}"""

DEMO = {  # slide → (English title, Spanish title)
    1: ("Demo survey", "Encuesta de demostración"),
    2: ("Zero moment of truth", "Momento cero de la verdad"),
    5: ("Third moment of truth", "Tercer momento de la verdad"),
    7: ("Thank you", "Gracias"),
}
README = {  # (slide, scheme, language) → the picture in docs/screenshots/
    (5, "light", "EN"): "present_touchpoint.png",
    (5, "dark", "EN"): "present_touchpoint_dark.png",
    (5, "light", "ES"): "present_touchpoint_es.png",
    (5, "dark", "ES"): "present_touchpoint_dark_es.png",
    (1, "light", "EN"): "present_title.png",
    (7, "dark", "ES"): "present_end_dark_es.png",
}


@pytest.fixture(scope="module")
def app():
    SHOTS.mkdir(parents=True, exist_ok=True)
    with server() as url, browser() as instance:
        yield url, instance


def _shown(page, where: str, heading: str) -> None:
    """Wait until the bar says ``where`` ("Slide 2 of 7") and the title is ``heading``, and
    the slide is drawn."""
    page.wait_for_function(
        """([where, heading]) => {
          const bar = document.querySelector('.st-key-present_bar');
          const title = document.querySelector('h1');
          return !!bar && bar.innerText.includes(where) && !!title
            && title.innerText.trim() === heading;
        }""",
        arg=[where, heading],
        timeout=TIMEOUT,
    )
    page.wait_for_function(DRAWN, timeout=TIMEOUT)


STEPS = [  # key pressed → the slide it leads to and its title
    ("ArrowRight", 2, "Zero moment of truth"),
    ("PageDown", 3, "First moment of truth"),
    ("ArrowRight", 4, "Second moment of truth"),
    ("ArrowLeft", 3, "First moment of truth"),
    ("PageUp", 2, "Zero moment of truth"),
    ("ArrowLeft", 1, "Demo survey"),
]


def test_the_keys_move_the_slides_and_leaving_brings_the_sidebar_back(app):
    url, instance = app
    context = instance.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        page.goto(f"{url}/present")
        _shown(page, "Slide 1 of 7", "Demo survey")
        page.wait_for_function(KEYS_READY, timeout=TIMEOUT)
        assert not page.evaluate(SIDEBAR_SHOWN)
        page.get_by_role("button", name="Next").click()  # the mouse, through the header's band
        _shown(page, "Slide 2 of 7", "Zero moment of truth")
        page.get_by_role("button", name="Previous").click()
        _shown(page, "Slide 1 of 7", "Demo survey")
        for key, slide, heading in STEPS:
            page.keyboard.press(key)
            _shown(page, f"Slide {slide} of 7", heading)
            assert f"slide={slide}" in page.url
        page.get_by_role("link", name="Leave the presentation").click()
        page.get_by_role("heading", name="Journey overview").wait_for(timeout=TIMEOUT)
        page.wait_for_function(SIDEBAR_SHOWN, timeout=TIMEOUT)
        assert "slide=" not in page.url
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", ["EN", "ES"])
def test_every_slide_fits_a_projector_in_large_type(app, scheme, language):
    url, instance = app
    context = instance.new_context(viewport=VIEWPORT, color_scheme=scheme)
    page = context.new_page()
    spanish = language == "ES"
    try:
        for slide, titles in DEMO.items():
            page.goto(f"{url}/present?slide={slide}" + ("&lang=ES" if spanish else ""))
            where = f"Diapositiva {slide} de 7" if spanish else f"Slide {slide} of 7"
            _shown(page, where, titles[spanish])
            found = page.evaluate(MEASURE)
            view = (slide, scheme, language)
            assert found["height"] <= found["window"], (view, "the slide scrolls", found)
            assert not found["sidebar"] and not found["openButton"], view
            assert found["title"] >= 40 and not found["titleCut"], (view, found)
            if slide != 1:
                assert found["value"] >= 30, (view, "the cards numbers are large", found)
            if slide in (2, 5):
                assert found["axis"] >= 18, (view, "the chart is in large type", found)
            name = f"present_{slide}_{scheme}_{language}.png"
            page.screenshot(path=str(SHOTS / name))
            if view in README:
                for folder in shot_dirs():
                    page.screenshot(path=str(folder / README[view]))
    finally:
        context.close()
