"""The projector view in Chromium: large type from the first load, larger everywhere, nothing cut.

Each page is opened by its URL (a new session, so a first load) at 1280×720 and 1920×1080,
normal and ``?large=true``, and measured in the browser: the computed font sizes of the page
title, the cards' numbers and labels, a table's cells (the normal grid draws on a canvas with
the font of ``--gdg-base-font-style``; large type shows a static table) and a chart's axis
labels (Vega draws SVG text); the width of every chart's plot (its widest axis line); text
cut in its box (``scrollWidth`` beyond ``clientWidth``); a chart wider than its box; and
every request the page makes, which must stay on the app's own host.

Screenshots (the viewport and the whole page) land in ``tests/e2e/_artifacts/large/``. The
default run covers English in the light scheme at both sizes, plus Spanish in the dark
scheme at 1280×720; ``MOT_LARGE_ALL=1`` runs every combination of size, type, scheme and
language. The app follows the browser's light or dark preference (``.streamlit/config.toml``):
the dark-scheme runs check the dark theme in large type (``test_dark_theme`` checks its colours).
"""

from __future__ import annotations

import itertools
import os
from urllib.parse import urlsplit

import pytest

from .harness import CHROMIUM, ROOT, TIMEOUT, browser, server

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]

SHOTS = ROOT / "tests" / "e2e" / "_artifacts" / "large"
SIZES = [(1280, 720), (1920, 1080)]
TABLE = '.stDataFrameGlideDataEditor, [data-testid="stTable"] td'  # a grid, or a static table
PAGES = {  # slug → what the page draws besides its title and charts
    "overview": ['[data-testid="stMetricValue"]'],
    "utilities": [TABLE],
    "emotion": [TABLE],
    "memory": [TABLE],
    "gaps": [TABLE],
    "drivers": [TABLE],
    "behaviour": ['[data-testid="stMetricValue"]', TABLE],
}
VIEWS = (  # (width, height, scheme, language)
    [
        (*size, scheme, language)
        for size, scheme, language in itertools.product(SIZES, ["light", "dark"], ["EN", "ES"])
    ]
    if os.environ.get("MOT_LARGE_ALL") == "1"
    else [(1280, 720, "light", "EN"), (1920, 1080, "light", "EN"), (1280, 720, "dark", "ES")]
)

MEASURE = r"""
() => {
  const size = el => (el ? parseFloat(getComputedStyle(el).fontSize) : null);
  const first = selector => document.querySelector(selector);
  const grid = first('.stDataFrameGlideDataEditor');
  const gridFont = grid ? getComputedStyle(grid).getPropertyValue('--gdg-base-font-style') : '';
  const cell = first('[data-testid="stTable"] td');
  const axisLabel = first('.vega-embed svg .role-axis-label text');
  const charts = [...document.querySelectorAll('.vega-embed')].map(embed => {
    const svg = embed.querySelector('svg');
    const box = embed.parentElement.getBoundingClientRect().width;
    const domains = [...embed.querySelectorAll('.role-axis-domain')];
    const plot = Math.max(0, ...domains.map(d => d.getBoundingClientRect().width));
    return {box, svg: svg ? svg.getBoundingClientRect().width : 0, plot};
  });
  const boxes = [
    '[data-testid="stMetric"] p', '[data-testid="stSidebarNav"] p', 'h1',
    '[data-testid="stCaptionContainer"] p',
  ];
  const cut = [...document.querySelectorAll(boxes.join(','))]
    .filter(el => el.scrollWidth > el.clientWidth + 1)
    .map(el => el.textContent.trim().slice(0, 60));
  const main = first('[data-testid="stMainBlockContainer"]');
  return {
    title: size(first('h1')),
    metricValue: size(first('[data-testid="stMetricValue"]')),
    metricLabel: size(first('[data-testid="stMetricLabel"] p')),
    nav: size(first('[data-testid="stSidebarNav"] p')),
    table: cell ? size(cell)
      : gridFont ? parseFloat(gridFont.split(' ').find(p => p.endsWith('px'))) : null,
    axisLabel: axisLabel ? parseFloat(axisLabel.getAttribute('font-size')) : null,
    charts,
    cut,
    mainOverflow: main ? main.scrollWidth - main.clientWidth : 0,
    height: first('[data-testid="stMain"]').scrollHeight,
  };
}
"""

# The page has finished drawing: the script ran, no element waits for its code, every chart
# has its SVG with axes, every table its grid.
DRAWN = r"""
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  if (!document.querySelector('h1')) return false;
  // An element whose code is still loading shows a grey placeholder instead.
  if (document.querySelector('[data-testid="stSkeleton"], [data-testid="stSkeletonElement"]')) {
    return false;
  }
  const embeds = [...document.querySelectorAll('.vega-embed')];
  const drawn = embeds.every(e => e.querySelector('svg .role-axis, svg .role-legend'));
  const grids = [...document.querySelectorAll('[data-testid="stDataFrame"]')];
  return drawn && grids.every(g => g.querySelector('.stDataFrameGlideDataEditor'));
}
"""


@pytest.fixture(scope="module")
def app_url():
    with server() as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    with browser() as instance:
        yield instance


def _open(page, url: str, expected: list[str]) -> None:
    page.goto(url)
    page.get_by_role("heading", level=1).first.wait_for(timeout=TIMEOUT)
    for selector in [".vega-embed svg", *expected]:
        page.locator(selector).first.wait_for(timeout=TIMEOUT)
    page.wait_for_function(DRAWN, timeout=TIMEOUT)


# The README's pictures of large type (``make screenshots``): name → picture in docs/.
README_SHOTS = {
    "overview_1280x720_large_light_EN": "overview_large.png",
    "emotion_1280x720_large_dark_ES": "emotion_large_es.png",
}


def _shoot(page, name: str, width: int, height: int, content_height: int) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}_view.png"))
    page.set_viewport_size({"width": width, "height": max(height, content_height + 40)})
    page.wait_for_function(DRAWN, timeout=TIMEOUT)
    page.screenshot(path=str(SHOTS / f"{name}_page.png"))
    if os.environ.get("MOT_SCREENSHOTS") == "docs" and name in README_SHOTS:
        top = {"x": 0, "y": 0, "width": width, "height": min(content_height, 1150)}
        page.screenshot(path=str(ROOT / "docs" / "screenshots" / README_SHOTS[name]), clip=top)
    page.set_viewport_size({"width": width, "height": height})


def _measure_all(chromium, app_url, width, height, scheme, language) -> dict:
    """Every page in both type sizes: measurements by (large, page), requests made."""
    results, requests = {}, []
    for large in (False, True):
        context = chromium.new_context(
            viewport={"width": width, "height": height}, color_scheme=scheme
        )
        page = context.new_page()
        page.on("request", lambda r: requests.append(r.url))
        for slug in PAGES:
            query = "&".join(
                part
                for part in ("large=true" if large else "", f"lang={language}")
                if part and part != "lang=EN"
            )
            path = "" if slug == "overview" else slug
            _open(page, f"{app_url}/{path}?{query}", PAGES[slug])
            found = page.evaluate(MEASURE)
            results[large, slug] = found
            kind = "large" if large else "normal"
            name = f"{slug}_{width}x{height}_{kind}_{scheme}_{language}"
            _shoot(page, name, width, height, found["height"])
        context.close()
    return {"results": results, "requests": requests}


@pytest.mark.parametrize(
    ("width", "height", "scheme", "language"), VIEWS, ids=["{}x{}-{}-{}".format(*v) for v in VIEWS]
)
def test_large_type_is_larger_everywhere_and_nothing_is_cut(
    chromium, app_url, width, height, scheme, language
):
    measured = _measure_all(chromium, app_url, width, height, scheme, language)
    results = measured["results"]
    for slug in PAGES:
        normal, large = results[False, slug], results[True, slug]
        for item in ("title", "nav", "axisLabel", "metricValue", "metricLabel", "table"):
            if normal[item] is None:
                continue
            assert large[item] is not None, (slug, item)
            assert large[item] > normal[item], (slug, item, normal[item], large[item])
        for kind, found in (("normal", normal), ("large", large)):
            where = (slug, kind)
            assert found["charts"], where
            for chart in found["charts"]:
                assert chart["plot"] >= 120, (where, "a chart's plot is (almost) zero wide", chart)
                # A stacked chart's plots fill its box exactly; their lines' ends may stick
                # out by a few pixels of the chart's own padding.
                assert chart["svg"] <= chart["box"] + 6, (where, "a chart is wider than its box")
            assert found["cut"] == [], (where, "text cut in its box", found["cut"])
            assert found["mainOverflow"] <= 1, (where, "the page scrolls sideways")
    # What the issue names: titles, cards, tables and axis labels are larger in large type.
    assert results[True, "overview"]["title"] >= 1.2 * results[False, "overview"]["title"]
    assert results[True, "overview"]["metricValue"] > results[False, "overview"]["metricValue"]
    assert results[True, "overview"]["metricLabel"] > results[False, "overview"]["metricLabel"]
    assert results[True, "emotion"]["table"] > results[False, "emotion"]["table"]
    assert results[True, "memory"]["axisLabel"] > results[False, "memory"]["axisLabel"]
    hosts = {urlsplit(u).hostname for u in measured["requests"] if u.startswith("http")}
    assert hosts <= {"127.0.0.1", "localhost"}, hosts


def test_large_type_and_language_stay_on_after_navigating(chromium, app_url):
    context = chromium.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    _open(page, f"{app_url}/?large=true&lang=ES", PAGES["overview"])
    first_title = page.evaluate(MEASURE)["title"]
    page.locator('[data-testid="stSidebarNav"] a[href$="/memory"]').click()
    page.get_by_role("heading", name="Memoria: la regla del pico y el final").wait_for(
        timeout=TIMEOUT
    )
    page.wait_for_function(DRAWN, timeout=TIMEOUT)
    after = page.evaluate(MEASURE)
    assert after["title"] == first_title
    assert after["axisLabel"] > 12 * 1.5  # the large chart theme
    assert all(chart["plot"] >= 120 for chart in after["charts"]), after["charts"]
    assert "large=true" in page.url and "lang=ES" in page.url
    context.close()


def test_the_filter_values_show_without_scrolling_at_900_pixels(chromium, app_url):
    context = chromium.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    _open(page, f"{app_url}/", PAGES["overview"])
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator('[data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="device").click()
    values = sidebar.locator('[data-testid="stMultiSelect"]')
    values.wait_for(timeout=TIMEOUT)
    page.wait_for_function(DRAWN, timeout=TIMEOUT)
    box = values.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 900, box
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "sidebar_filter_1440x900.png"))
    context.close()


def test_utilities_by_segment_fit_a_projector_in_spanish(chromium, app_url):
    # Panels by segment cannot stretch to their box: three of them, with the longest
    # labels (Spanish) in large type, still fit the 1280×720 projector.
    context = chromium.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    _open(page, f"{app_url}/utilities?large=true&lang=ES", PAGES["utilities"])
    page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="device").click()
    page.get_by_text("desktop").first.wait_for(timeout=TIMEOUT)
    page.wait_for_function(DRAWN, timeout=TIMEOUT)
    found = page.evaluate(MEASURE)
    assert len(found["charts"]) == 2
    for chart in found["charts"]:
        assert chart["plot"] >= 120, chart
        assert chart["svg"] <= chart["box"] + 6, chart
    _shoot(page, "utilities_by_segment_1280x720_large_ES", 1280, 720, found["height"])
    context.close()
