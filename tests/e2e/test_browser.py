"""End to end in a real browser: every page renders its charts; an upload switches the data.

Screenshots land in tests/e2e/_artifacts/ (and in docs/screenshots/ for the README when
MOT_SCREENSHOTS=docs). Skipped, with the reason, only where Debian's chromium is missing.
"""

import os

import pytest

from .harness import CHROMIUM, ROOT, TIMEOUT, browser, open_tab, server, settle, upload_until

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]

PAGES = {  # slug → words of the page's title
    "overview": "Journey overview",
    "data": "Your data",
    "utilities": "Expectation, experience and memory",
    "emotion": "Emotion curve",
    "memory": "peak-end rule",
    "gaps": "Gaps & priorities",
    "drivers": "Drivers & tests",
    "behaviour": "Behaviour",
    "report": "Report",
}
CHARTLESS = {"data", "report"}
ARTIFACTS = ROOT / "tests" / "e2e" / "_artifacts"


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
def chromium():
    with browser() as instance:
        yield instance


@pytest.fixture(scope="module")
def page(chromium, app_url):
    context = chromium.new_context(viewport={"width": 1440, "height": 1000})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("slug", list(PAGES))
def test_every_page_renders_in_the_browser(page, app_url, slug):
    # The Overview is the app's main page: its address is the root (a link to /overview
    # would make Streamlit say "Page not found" before it runs the main page).
    page.goto(f"{app_url}/{'' if slug == 'overview' else slug}")
    page.get_by_role("heading", level=1).first.wait_for(timeout=TIMEOUT)
    heading = page.get_by_role("heading", level=1).first.inner_text()
    assert PAGES[slug].lower() in heading.lower(), heading
    if slug not in CHARTLESS:
        page.locator(".vega-embed").first.wait_for(state="visible", timeout=TIMEOUT)
        assert page.locator(".vega-embed").count() >= 1
    if slug == "data":  # the uploader draws its label and button after the script has run
        dropzone = page.locator('[data-testid="stFileUploaderDropzone"] button').first
        dropzone.wait_for(state="visible", timeout=TIMEOUT)
    settle(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("Page not found").count() == 0
    for folder in shot_dirs():
        page.screenshot(path=str(folder / f"{slug}.png"), full_page=True)


def test_spanish_overview(page, app_url):
    page.goto(f"{app_url}/?lang=ES")
    page.get_by_text("Resumen del recorrido").first.wait_for(timeout=TIMEOUT)
    page.locator(".vega-embed").first.wait_for(state="visible", timeout=TIMEOUT)
    page.get_by_text("Personas encuestadas").first.wait_for(timeout=TIMEOUT)
    settle(page)
    assert page.get_by_text("Page not found").count() == 0
    for folder in shot_dirs():
        page.screenshot(path=str(folder / "overview_es.png"), full_page=True)


def test_upload_switches_every_page_to_the_new_data(page, app_url, tmp_path):
    export = tmp_path / "workshop_export.csv"
    rows = [
        "ResponseId,FMOT_expected,FMOT_experienced,TMOT_expected,TMOT_experienced,recomendacion"
    ]
    rows += [f"W{i},{3 + i % 3},{2 + i % 4},{4 + i % 2},{1 + i % 5},{i % 11}" for i in range(37)]
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    page.goto(f"{app_url}/data")
    upload_until(
        page,
        str(export),
        "[...document.querySelectorAll('[data-testid=stSidebar]')]"
        ".some(s => s.innerText.includes('37 respondents'))",
    )
    # Navigate inside the app (a reload would start a new session).
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Overview").click()
    page.get_by_text("Journey overview").first.wait_for(timeout=TIMEOUT)
    first_metric = page.locator('[data-testid="stMetricValue"]').first
    first_metric.get_by_text("37", exact=True).wait_for(timeout=TIMEOUT)
    assert first_metric.inner_text() == "37"


def test_event_log_upload_feeds_the_behaviour_page(page, app_url, tmp_path):
    log = tmp_path / "shop_log.csv"
    rows = ["user,time,action"]
    for i in range(30):  # 30 land, 20 view a product, 10 buy
        rows.append(f"u{i},2026-03-02T10:{i:02d}:00Z,landing")
        if i < 20:
            rows.append(f"u{i},2026-03-02T11:{i:02d}:00Z,product_view")
        if i < 10:
            rows.append(f"u{i},2026-03-02T12:{i:02d}:00Z,purchase")
    log.write_text("\n".join(rows) + "\n", encoding="utf-8")
    page.goto(f"{app_url}/data")
    settle(page)
    open_tab(page, "Event log")
    uploader = page.locator('[data-testid="stFileUploader"]').filter(has_text="Upload an event log")
    upload_until(
        page,
        str(log),
        "document.body.innerText.includes('Event log: shop_log.csv')",
        uploader=uploader.locator('input[type="file"]'),
    )
    settle(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Behaviour").click()
    page.get_by_role("heading", name="Behaviour").first.wait_for(timeout=TIMEOUT)
    page.locator(".vega-embed").first.wait_for(state="visible", timeout=TIMEOUT)
    settle(page)
    values = page.locator('[data-testid="stMetricValue"]')
    assert values.first.inner_text() == "60"  # events
    assert values.nth(1).inner_text() == "30"  # users
    page.get_by_text("Of 30 users who reached").first.wait_for(timeout=TIMEOUT)
    assert page.locator('[data-testid="stException"]').count() == 0


def test_an_upload_is_never_visible_in_another_session(chromium, app_url):
    context = chromium.new_context()
    other = context.new_page()
    other.goto(f"{app_url}/")
    other.get_by_text("Journey overview").first.wait_for(timeout=TIMEOUT)
    first_metric = other.locator('[data-testid="stMetricValue"]').first
    first_metric.wait_for(timeout=TIMEOUT)
    settle(other)
    assert first_metric.inner_text() == "2,000"
    context.close()


def test_a_shared_deep_link_opens_inside_the_app_on_a_fresh_server(chromium):
    # The first request after a server start is a page URL (a link someone shared).
    with server() as url:
        tab = chromium.new_page()
        tab.goto(f"{url}/gaps?lang=ES")
        tab.get_by_text("Brechas y prioridades").first.wait_for(timeout=TIMEOUT)
        settle(tab)
        nav = tab.locator('[data-testid="stSidebarNav"]').inner_text()
        assert "Resumen" in nav and "gaps" not in nav.split()
