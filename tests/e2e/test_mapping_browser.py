"""In a real browser: a Q-numbered Qualtrics export maps itself from its questions, and the
mapping table shows why and how sure, in English and in Spanish (issue 10).

Screenshots land in tests/e2e/_artifacts/ (mapping_questions_en.png, mapping_questions_es.png).
"""

import pytest

from tests.exports import qualtrics_export

from .harness import CHROMIUM, ROOT, browser, server

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]
ARTIFACTS = ROOT / "tests" / "e2e" / "_artifacts"
TIMEOUT = 90_000


def settle(page) -> None:
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=TIMEOUT
    )
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=TIMEOUT)


@pytest.mark.parametrize(
    ("language", "respondents", "tab", "words"),
    [
        ("en", "240 respondents", "Column mapping", "Question: touchpoint"),
        ("es", "240 personas", "Asignación de columnas", "Pregunta: punto de contacto"),
    ],
)
def test_the_mapping_table_shows_the_suggestions_why_and_confidence(
    tmp_path, language, respondents, tab, words
):
    export = tmp_path / "qualtrics_export.csv"
    export.write_bytes(qualtrics_export("es"))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with server() as url, browser() as chromium:
        context = chromium.new_context(viewport={"width": 1440, "height": 1000})
        page = context.new_page()
        page.goto(f"{url}/data?lang={language.upper()}")
        settle(page)
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
            str(export)
        )
        page.locator('[data-testid="stSidebar"]').get_by_text(respondents).wait_for(timeout=TIMEOUT)
        settle(page)
        page.get_by_role("tab", name=tab).click()
        grid = page.locator('[data-testid="stDataFrame"]').filter(has=page.locator("canvas"))
        grid.first.wait_for(state="visible", timeout=TIMEOUT)
        settle(page)
        editor = page.locator('[data-testid="stDataFrame"]').nth(1)
        editor.scroll_into_view_if_needed()
        editor.hover()
        page.mouse.wheel(0, 560)  # to the Q… rows, below Qualtrics' metadata
        page.wait_for_timeout(
            500
        )  # the canvas redraws after the scroll: a paint, not a wait on data
        page.screenshot(path=str(ARTIFACTS / f"mapping_questions_{language}.png"))
        # The grid draws on a canvas; the rows in view are also in an accessible table.
        cells = " ".join(page.locator('[role="gridcell"]').all_inner_texts())
        assert words in cells
        context.close()
