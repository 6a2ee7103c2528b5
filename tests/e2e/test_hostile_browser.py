"""Hostile files in a real browser (issue 9): markup from files stays text, SQL stays data.

A journey label like ``![x](http://host/pixel)`` was drawn as a remote image, and an event-log
column header that injected SQL put ``/etc/passwd`` on the Behaviour page. Here the same files
go through the Data page's uploaders of a running server, and every page is checked for what
a browser would do with them: no injected element, no request for the planted images, no
dialog, the labels shown as typed, no line of ``/etc/passwd``.
"""

import csv
import io
import json

import pytest

from .harness import CHROMIUM, ROOT, TIMEOUT, browser, open_tab, server, settle

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]

ARTIFACTS = ROOT / "tests" / "e2e" / "_artifacts"
# Planted resources: relative URLs, so a rendered image would ask our own server for them.
IMAGE = "![x](pixel-label.png)"
TAG = "<img src=pixel-tag.png onerror=alert(1)>"
LINK = "[link](pixel-link.html)"
SCRIPT = "<script>alert(2)</script>"
AUTOLINKS = ["http://evil.test/x", "www.evil.test", "mail@evil.test"]  # GFM would link them
PASSWD_HEADER = (
    "device\") + CAST((SELECT string_agg(line,'|') FROM read_csv('/etc/passwd', "
    "columns={'line': 'VARCHAR'}, header=false, delim='\\x01')) AS INTEGER) + "
    'approx_count_distinct("device'
)


def hostile_journey() -> dict:
    from mot.journey import default_journey

    journey = default_journey().to_dict()
    marks = [IMAGE, TAG, LINK, SCRIPT, "**bold**"]
    for i, step in enumerate(journey["touchpoints"]):
        step["label_en"] = f"{step['id']} {marks[i % len(marks)]} {AUTOLINKS[i % 3]}"
    journey["name"] = f"Shop {IMAGE}"
    return journey


def assert_shown_as_text(page, where: str) -> None:
    """Once the page has drawn: no exception, no element or script the planted markup would
    make (images, links to the planted resources or to the planted sites, alert scripts)."""
    page.get_by_role("heading", level=1).first.wait_for(timeout=TIMEOUT)
    settle(page)
    assert page.locator('[data-testid="stException"]').count() == 0, where
    injected = page.locator('img[src*="pixel"], a[href*="pixel"], a[href*="evil.test"]')
    assert injected.count() == 0, where
    assert page.locator("script:text('alert')").count() == 0, where


def injection_log() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["user", "time", "action", PASSWD_HEADER, "device"])
    for i in range(12):
        writer.writerow([f"u{i}", f"2026-03-02T10:{i:02d}:00Z", "landing", "a", "mobile"])
        writer.writerow([f"u{i}", f"2026-03-02T11:{i:02d}:00Z", "product_view", "b", "desktop"])
        if i < 6:
            writer.writerow([f"u{i}", f"2026-03-02T12:{i:02d}:00Z", "purchase", "c", "mobile"])
    return out.getvalue().encode("utf-8")


@pytest.fixture(scope="module")
def session():
    """One browser session on a fresh server, recording requests and dialogs."""
    with server() as url, browser() as chromium:
        context = chromium.new_context(viewport={"width": 1440, "height": 1000})
        page = context.new_page()
        seen = {"requests": [], "dialogs": []}
        page.on("request", lambda request: seen["requests"].append(request.url))

        def dismiss(dialog):
            seen["dialogs"].append(dialog.message)
            dialog.dismiss()

        page.on("dialog", dismiss)
        yield url, page, seen
        context.close()


def upload(page, label: str, path) -> None:
    uploader = page.locator('[data-testid="stFileUploader"]').filter(has_text=label)
    uploader.locator('input[type="file"]').set_input_files(str(path))


def test_markup_in_a_journey_and_a_file_name_is_shown_as_text(session, tmp_path):
    url, page, seen = session
    journey = tmp_path / "journey.json"
    journey.write_text(json.dumps(hostile_journey()), encoding="utf-8")
    export = tmp_path / "![f](pixel-file.png) export.csv"
    export.write_bytes((ROOT / "data" / "demo_survey.csv").read_bytes())
    page.goto(f"{url}/data")
    settle(page)
    upload(page, "Survey file", export)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("![f](pixel-file.png) export.csv").first.wait_for(timeout=TIMEOUT)
    settle(page)
    upload(page, "Load a journey file", journey)
    page.get_by_text("Shop ![x](pixel-label.png)").first.wait_for(timeout=TIMEOUT)
    settle(page)
    nav = page.locator('[data-testid="stSidebarNav"]')
    for title in ("Overview", "Utilities", "Emotion curve", "Memory", "Gaps", "Drivers", "Report"):
        nav.get_by_text(title).first.click()
        assert_shown_as_text(page, title)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shot = ARTIFACTS / f"hostile_labels_{title.split()[0].lower()}.png"
        page.screenshot(path=str(shot), full_page=True)
        text = page.locator('[data-testid="stSidebar"]').inner_text()
        assert "![f](pixel-file.png) export.csv" in text, "the file name, as typed"
    assert not [u for u in seen["requests"] if "pixel" in u], "no planted resource requested"
    assert seen["dialogs"] == []


def test_an_injecting_log_header_is_an_ordinary_segment(session, tmp_path):
    url, page, seen = session
    log = tmp_path / "injection.csv"
    log.write_bytes(injection_log())
    page.goto(f"{url}/data")  # a new session: the demo survey
    settle(page)
    open_tab(page, "Event log")
    upload(page, "Upload an event log", log)
    page.get_by_text("Event log: injection.csv").first.wait_for(timeout=TIMEOUT)
    settle(page)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Behaviour").click()
    page.get_by_role("heading", name="Behaviour").first.wait_for(timeout=TIMEOUT)
    page.get_by_text("Of 12 users who reached").first.wait_for(timeout=TIMEOUT)
    settle(page)
    for tab in page.get_by_role("tab").all():  # every tab of the page, segments included
        tab.click()
        settle(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert "root:x:0:0" not in page.content()
        if tab.inner_text() == "Segments":
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            shot = ARTIFACTS / "hostile_log_segments.png"
            page.screenshot(path=str(shot), full_page=True)
    values = page.locator('[data-testid="stMetricValue"]')
    assert values.first.inner_text() == "30"  # events
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "hostile_log_behaviour.png"), full_page=True)
    assert seen["dialogs"] == []
