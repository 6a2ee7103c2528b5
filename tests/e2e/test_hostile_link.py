"""Hostile text through a shared link (issue 14), in headless Chromium against the deployed
entry point (``python -m ui.serve``, the ``st.App``): a workspace whose journey labels,
journey name and corrective actions hold ``<script>``, ``<img onerror>``, markdown images
and links, opened by a view-only link in a browser that never saw it. On every page: no
dialog, no injected element, no request for a planted resource, no request to another
origin; the text shown as typed. The Report page's PDF, downloaded in that browser, holds the
same text as typed (read back with pypdf).
"""

from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

from mot.store import Action, database_url, open_store

from .harness import CHROMIUM, ROOT, TIMEOUT, browser, server, settle
from .test_hostile_browser import IMAGE, SCRIPT, TAG, assert_shown_as_text, hostile_journey

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]

PAGES = ["", "utilities", "emotion", "memory", "gaps", "drivers", "report", "data"]


def test_a_hostile_workspace_opened_by_a_shared_link_is_shown_as_text(tmp_path):
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("MOT_DATABASE_URL", raising=False)
        patch.setenv("MOT_DATA_DIR", str(tmp_path))
        store = open_store(database_url())
        ws = store.create_workspace(f"Team {TAG}")
        survey = store.add_dataset(
            ws.id,
            kind="survey",
            file_name=f"{IMAGE} export.csv",
            content=(ROOT / "data" / "demo_survey.csv").read_bytes(),
            journey_json=json.dumps(hostile_journey()),
        )
        store.add_dataset(  # a later wave: the action's before/after names it in the page
            ws.id,
            kind="survey",
            file_name="wave2.csv",
            content=(ROOT / "data" / "demo_survey_wave2.csv").read_bytes(),
            journey_json=json.dumps(hostile_journey()),
            label=f"September {IMAGE}",
        )
        title = f"Call {SCRIPT} {TAG}"
        store.save_action(Action("", ws.id, "TMOT", title, owner=IMAGE, note=TAG, wave=survey.id))
        token = store.make_link(ws.id, "view").token
        store.close()
    with server(env={"MOT_DATA_DIR": str(tmp_path)}) as url, browser() as chromium:
        context = chromium.new_context(viewport={"width": 1440, "height": 1000})
        page = context.new_page()
        requests, dialogs = [], []
        page.on("request", lambda request: requests.append(request.url))
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        try:
            for path in PAGES:
                page.goto(f"{url}/{path}?w={token}")
                assert_shown_as_text(page, path)
                sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
                assert f"Team {TAG}" in sidebar, path  # the workspace's name, as typed
                assert f"Shop {IMAGE}" in sidebar, path  # the journey's name, as typed
            page.goto(f"{url}/gaps?w={token}")
            settle(page)
            page.get_by_text("Before and after", exact=True).wait_for(timeout=TIMEOUT)
            settle(page)
            shown = page.locator('[data-testid="stMain"]').inner_text()
            assert f"Call {SCRIPT} {TAG} · TMOT" in shown  # the action's title, as typed
            pdf = report_pdf_from(page, f"{url}/report?w={token}")
        finally:
            context.close()
    assert dialogs == []
    text = re.sub(r"\s+", "", pdf)
    typed = [
        f"{IMAGE} export.csv",  # the dataset's name
        f"Call {SCRIPT} {TAG}",  # the action's title
        *(tp["label_en"] for tp in hostile_journey()["touchpoints"]),  # the labels
    ]
    for expected in typed:
        assert re.sub(r"\s+", "", expected) in text, expected
    assert not [u for u in requests if "pixel" in u], "no planted resource requested"
    outside = [u for u in requests if not u.startswith((url, "data:", "blob:", "about:"))]
    assert outside == [], "no request leaves the app"


def report_pdf_from(page, address: str) -> str:
    """Build the report on the Report page, download its PDF, and return the PDF's text."""
    page.goto(address)
    settle(page)
    page.get_by_role("button", name="Build report").click()
    button = page.get_by_role("button", name="Download the PDF report")
    button.wait_for(timeout=TIMEOUT * 2)
    with page.expect_download(timeout=TIMEOUT * 2) as download:
        button.click()
    data = download.value.path().read_bytes()
    assert data.startswith(b"%PDF-")
    assert download.value.suggested_filename == "moments_of_truth_report.pdf"
    reader = PdfReader(io.BytesIO(data))
    return " ".join(p.extract_text() for p in reader.pages)
