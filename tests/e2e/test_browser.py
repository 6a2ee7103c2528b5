"""End to end in a real browser: every page renders its charts; an upload switches the data.

Screenshots land in tests/e2e/_artifacts/ (and in docs/screenshots/ for the README when
MOT_SCREENSHOTS=docs). Skipped, with the reason, only where Debian's chromium is missing.
"""

import os
import re

import pytest

from .harness import CHROMIUM, ROOT, browser, server

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="Debian's chromium is not installed (apt-get install chromium)"),
]

PAGES = {
    "overview": "Journey overview",
    "data": "Data",
    "utilities": "Utilities",
    "emotion": "Emotion",
    "memory": "Memory",
    "gaps": "Gaps",
    "drivers": "Drivers",
    "report": "Report",
}
CHARTLESS = {"data", "report"}
ARTIFACTS = ROOT / "tests" / "e2e" / "_artifacts"
TIMEOUT = 90_000


def shot_dirs() -> list:
    dirs = [ARTIFACTS]
    if os.environ.get("MOT_SCREENSHOTS") == "docs":
        dirs.append(ROOT / "docs" / "screenshots")
    for d in dirs:
        d.mkdir(parents=True, exist_ok=True)
    return dirs


@pytest.fixture(scope="module")
def app_url():
    with server() as url:
        yield url


@pytest.fixture(scope="module")
def page(app_url):
    with browser() as chromium:
        context = chromium.new_context(viewport={"width": 1440, "height": 1000})
        tab = context.new_page()
        yield tab
        context.close()


def settle(page) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)


@pytest.mark.parametrize("slug", list(PAGES))
def test_every_page_renders_in_the_browser(page, app_url, slug):
    page.goto(f"{app_url}/{slug}")
    page.get_by_role("heading", level=1).first.wait_for(timeout=TIMEOUT)
    heading = page.get_by_role("heading", level=1).first.inner_text()
    assert re.search(PAGES[slug], heading, re.IGNORECASE) or slug == "data", heading
    if slug not in CHARTLESS:
        page.locator(".vega-embed").first.wait_for(state="visible", timeout=TIMEOUT)
        assert page.locator(".vega-embed").count() >= 1
    settle(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    for folder in shot_dirs():
        page.screenshot(path=str(folder / f"{slug}.png"), full_page=True)


def test_spanish_overview(page, app_url):
    page.goto(f"{app_url}/overview?lang=es")
    page.get_by_text("Resumen del recorrido").first.wait_for(timeout=TIMEOUT)
    page.locator(".vega-embed").first.wait_for(state="visible", timeout=TIMEOUT)
    settle(page)
    assert page.get_by_text("Personas encuestadas").count() >= 1
    for folder in shot_dirs():
        page.screenshot(path=str(folder / "overview_es.png"), full_page=True)


def test_upload_switches_every_page_to_the_new_data(page, app_url, tmp_path):
    export = tmp_path / "workshop_export.csv"
    rows = ["ResponseId,FMOT_expected,FMOT_experienced,TMOT_expected,TMOT_experienced,"
            "recomendacion"]
    rows += [f"W{i},{3 + i % 3},{2 + i % 4},{4 + i % 2},{1 + i % 5},{i % 11}" for i in range(37)]
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    page.goto(f"{app_url}/data")
    settle(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
        str(export))
    page.get_by_text("workshop_export.csv").first.wait_for(timeout=TIMEOUT)
    settle(page)
    # Navigate inside the app (a reload would start a new session).
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Overview").click()
    page.get_by_text("Journey overview").first.wait_for(timeout=TIMEOUT)
    settle(page)
    respondents = page.locator('[data-testid="stMetricValue"]').first.inner_text()
    assert respondents == "37"


def test_an_upload_is_never_visible_in_another_session(app_url):
    with browser() as chromium:
        other = chromium.new_context().new_page()
        other.goto(f"{app_url}/overview")
        other.get_by_text("Journey overview").first.wait_for(timeout=TIMEOUT)
        settle(other)
        assert other.locator('[data-testid="stMetricValue"]').first.inner_text() == "2,000"
