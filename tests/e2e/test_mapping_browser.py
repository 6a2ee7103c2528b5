"""In a real browser: a Q-numbered Qualtrics export maps itself from its questions, and the
mapping table shows why and how sure, in English and in Spanish (issue 10).

Screenshots land in tests/e2e/_artifacts/ (mapping_questions_en.png, mapping_questions_es.png).
"""

import json

import pytest

from tests.exports import qualtrics_export

from .harness import CHROMIUM, ROOT, TIMEOUT, browser, open_tab, server, settle, upload_until

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]
ARTIFACTS = ROOT / "tests" / "e2e" / "_artifacts"


def mapping_rows(page, tab: str, marker: str, shot: str) -> str:
    """Open the mapping tab, scroll its table to the Q… rows, screenshot, return their text."""
    open_tab(page, tab)
    editor = page.locator('[data-testid="stDataFrame"]').nth(1)
    editor.wait_for(state="visible", timeout=TIMEOUT)
    editor.scroll_into_view_if_needed()
    editor.hover()
    page.mouse.wheel(0, 560)  # below Qualtrics' metadata rows
    # The rows in view are also in the grid's accessible table: wait for the first Q row.
    page.locator('[role="gridcell"]', has_text="Q2_1").first.wait_for(
        state="attached", timeout=TIMEOUT
    )
    page.screenshot(path=str(ARTIFACTS / shot))
    return " ".join(page.locator('[role="gridcell"]').all_text_contents())


def upload(page, url: str, export, language: str, respondents: str) -> None:
    page.goto(f"{url}/data?lang={language}")
    settle(page)
    # given again until the sidebar counts its respondents (a rerun can drop an upload)
    shown = "text => document.querySelector('[data-testid=stSidebar]')?.innerText.includes(text)"
    upload_until(page, str(export), f"() => ({shown})({json.dumps(respondents)})")


def test_the_mapping_table_shows_the_suggestions_why_and_confidence(tmp_path):
    export = tmp_path / "qualtrics_export.csv"
    export.write_bytes(qualtrics_export("es"))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with server() as url, browser() as chromium:
        context = chromium.new_context(viewport={"width": 1440, "height": 1000})
        page = context.new_page()
        # The first request after a server start opens the app itself: a page URL first would
        # run that page once outside app.py and rerun it (ui.frame.require_app), racing the upload.
        page.goto(url)
        settle(page)
        upload(page, url, export, "EN", "240 respondents")
        cells = mapping_rows(page, "Column mapping", "Question:", "mapping_questions_en.png")
        assert "Question: touchpoint “Entrega” · measure “esperaba” · scale “1-7”" in cells
        assert "high" in cells
        spanish = context.new_page()  # a session of its own, in Spanish
        upload(spanish, url, export, "ES", "240 personas")
        cells = mapping_rows(
            spanish, "Asignación de columnas", "Pregunta:", "mapping_questions_es.png"
        )
        assert "Pregunta: punto de contacto «Entrega» · medida «esperaba» · escala «1-7»" in cells
        assert "alta" in cells and "Question:" not in cells
        context.close()
