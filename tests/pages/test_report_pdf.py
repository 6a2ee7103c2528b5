"""The Report page's PDF: offered after a build, in the session's language, with the dataset
name, the date and the filter in force; said plainly when this server has no font for it."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from ui import state


def page(lang: str = "en", **values: object) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "report.py"), default_timeout=180)
    at.session_state["lang"] = lang
    for key, value in values.items():
        at.session_state[key] = value
    return at.run()


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


FILTERED = {state.FILTER_SEGMENT_KEY: "device", state.FILTER_VALUES_KEY: ["mobile"]}


@pytest.mark.parametrize(
    ("lang", "button", "title", "scope", "page_word"),
    [
        (
            "en",
            "Download the PDF report",
            "Moments of Truth report",
            "Filter: device = mobile",
            "Page 1 of",
        ),
        (
            "es",
            "Descargar el informe PDF",
            "Informe de Momentos de la Verdad",
            "Filtro: device = mobile",
            "Página 1 de",
        ),
    ],
)
def test_the_pdf_is_in_the_sessions_language_with_dataset_date_and_filter(
    lang, button, title, scope, page_word
):
    at = page(lang, **FILTERED)
    at.button(key="report_build").click().run()
    assert not at.exception
    assert button in [b.label for b in at.download_button]
    built = at.session_state["report_built"]
    text = text_of(built.pdf())
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    for expected in (title, "demo_survey.csv", scope, today, page_word):
        assert expected in text, expected
    assert scope in built.html  # the HTML report says the same
    with zipfile.ZipFile(io.BytesIO(built.zip())) as bundle:
        pdf_name = f"{built.file_stem}.pdf"
        assert pdf_name in bundle.namelist()
        assert bundle.read(pdf_name).startswith(b"%PDF-")


def test_without_a_filter_the_pdf_says_every_respondent_counts():
    at = page()
    at.button(key="report_build").click().run()
    text = text_of(at.session_state["report_built"].pdf())
    assert "All respondents (no filter)" in text
    assert "2,000 respondents" in text


def test_a_server_without_a_font_says_so_and_offers_no_pdf(monkeypatch):
    monkeypatch.setenv("MOT_PDF_FONT", "/srv/private/fonts/Missing.ttf")
    at = page("es")
    at.button(key="report_build").click().run()
    assert not at.exception
    labels = [b.label for b in at.download_button]
    assert "Descargar el informe PDF" not in labels
    assert "Descargar el informe HTML" in labels
    captions = " ".join(c.value for c in at.caption)
    assert "El informe PDF no está disponible en este servidor" in captions
    assert "Missing.ttf" in captions and "/srv/private" not in captions
    built = at.session_state["report_built"]
    with zipfile.ZipFile(io.BytesIO(built.zip())) as bundle:
        assert not any(name.endswith(".pdf") for name in bundle.namelist())
