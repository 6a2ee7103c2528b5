"""The report as a PDF: text as typed, the report's language, charts drawn, pages that render.

The PDF's text is read back with pypdf (an independent reader) and its pages are drawn with
poppler's ``pdftoppm`` (Debian ``poppler-utils``, installed by ``.ci/run``), as a person
opening it would see them.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import altair as alt
import numpy as np
import pandas as pd
import pytest
from PIL import Image
from pypdf import PdfReader

from mot import messages
from mot.errors import ExportError
from mot.report import Report, ReportSection
from mot.report_pdf import PDF_SIGNATURE, report_font, report_pdf

HOSTILE = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "![pixel](http://example.invalid/p.png)",
    '=HYPERLINK("http://example.invalid")',
    "**bold** _it_ `code` # heading",
    "Señal ñ € — “comillas” ¿qué?",
)


def text_of(pdf: bytes) -> str:
    """All the PDF's text, whitespace collapsed (a long cell wraps over lines)."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def chart() -> alt.Chart:
    frame = pd.DataFrame({"moment": ["ZMOT", "FMOT", "SMOT"], "utility": [62.5, 48.0, 71.0]})
    return (
        alt.Chart(frame)
        .mark_bar(color="#D55E00")
        .encode(x=alt.X("moment:N", sort=None), y="utility:Q")
        .properties(width=400, height=200)
    )


def hostile_report(chart: alt.Chart, language: str = "en", rows: int = 3) -> Report:
    table = pd.DataFrame(
        {
            "touchpoint": [HOSTILE[i % len(HOSTILE)] for i in range(rows)],
            "n": np.arange(rows) + 1234,
            "mean": np.linspace(1234.5, 1300.25, rows),
        }
    )
    sections = (
        ReportSection(HOSTILE[0], text="\n\n".join(HOSTILE), charts=(chart,)),
        ReportSection("Tabla", tables=((HOSTILE[1], table),)),
    )
    return Report(
        HOSTILE[2],
        subtitle=HOSTILE[5],
        scope=HOSTILE[3],
        generated="2026-12-04 10:00 UTC",
        sections=sections,
        language=language,
    )


def test_the_pdf_shows_every_hostile_text_as_typed(chart):
    pdf = report_pdf(hostile_report(chart))
    assert pdf.startswith(PDF_SIGNATURE)
    text = squeezed(text_of(pdf))
    for typed in HOSTILE:
        assert squeezed(typed) in text, typed


def test_the_pdf_holds_no_script_no_outside_link_and_no_form(chart):
    pdf = report_pdf(hostile_report(chart))
    reader = PdfReader(io.BytesIO(pdf))
    raw = pdf
    for name in (b"/JavaScript", b"/JS", b"/Launch", b"/URI", b"/AcroForm", b"/EmbeddedFile"):
        assert name not in raw, name
    assert "/AcroForm" not in reader.trailer["/Root"]


@pytest.mark.parametrize(
    ("language", "page", "generated", "number"),
    [
        ("en", "Page 1 of", "Generated: 2026-12-04 10:00 UTC", "1,234.5"),
        ("es", "Página 1 de", "Generado: 2026-12-04 10:00 UTC", "1.234,5"),
    ],
)
def test_the_pdf_speaks_the_reports_language(chart, language, page, generated, number):
    text = text_of(report_pdf(hostile_report(chart, language)))
    assert page in text
    assert generated in text
    assert number in text
    assert ("Contents" if language == "en" else "Contenido") in text


def test_sections_are_bookmarks_and_listed_with_their_pages(chart):
    report = hostile_report(chart)
    reader = PdfReader(io.BytesIO(report_pdf(report)))
    titles = [item.title for item in reader.outline]
    assert titles == [section.title for section in report.sections]
    pages = [reader.get_destination_page_number(item) + 1 for item in reader.outline]
    assert pages == sorted(pages) and pages[0] == 2  # contents on page 1, sections after
    first_page = " ".join(reader.pages[0].extract_text().split())
    assert "Tabla" in first_page


def test_a_long_table_is_capped_with_a_note_and_its_headings_repeat(chart):
    report = hostile_report(chart, rows=300)
    pdf = report_pdf(report, max_rows=150)
    text = text_of(pdf)
    assert "Showing the first 150 of 300 rows" in text
    reader = PdfReader(io.BytesIO(pdf))
    table_pages = [p for p in reader.pages if "1,383" in p.extract_text()]
    assert table_pages, "row 150 (n = 1,383) is shown"
    assert "1,384" not in text  # row 151 is not
    heading_pages = sum("touchpoint" in p.extract_text() for p in reader.pages)
    assert heading_pages >= 2  # the table runs over pages, each with its headings


@pytest.mark.parametrize("max_rows", [0, -1, 1.5, True, None])
def test_bad_max_rows_raise_a_typed_error(chart, max_rows):
    with pytest.raises(ExportError, match="max_rows"):
        report_pdf(hostile_report(chart), max_rows=max_rows)


def test_a_missing_font_says_which_and_how_to_fix_it(monkeypatch, tmp_path):
    monkeypatch.setenv("MOT_PDF_FONT", str(tmp_path / "secret" / "Nope.ttf"))
    with pytest.raises(ExportError) as raised:
        report_font()
    english, spanish = (messages.render(raised.value, lang) for lang in ("en", "es"))
    assert "Nope.ttf" in english and "MOT_PDF_FONT" in english
    assert str(tmp_path) not in english  # no server path
    assert "no está" in spanish


def test_the_font_named_by_the_environment_is_used_with_its_bold(monkeypatch):
    found = report_font()
    monkeypatch.setenv("MOT_PDF_FONT", str(found.regular))
    chosen = report_font()
    assert chosen.regular == found.regular
    assert chosen.bold == found.bold != found.regular  # its bold face, found beside it


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_every_page_renders_and_the_chart_is_drawn(chart, tmp_path):
    pdf = report_pdf(hostile_report(chart, rows=120))
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page")],
        check=True,
        capture_output=True,
        timeout=60,
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(PdfReader(io.BytesIO(pdf)).pages) >= 3
    for page in pages:
        image = np.asarray(Image.open(page).convert("RGB"))
        assert image.shape[0] > image.shape[1]  # portrait
        assert (image.min(axis=2) < 128).mean() > 0.001, f"{page.name} has no text"
    # The chart's bars are orange (#D55E00) and only the chart is: the section's page has them.
    chart_page = np.asarray(Image.open(pages[1]).convert("RGB")).astype(int)
    orange = (
        (abs(chart_page[..., 0] - 0xD5) < 30)
        & (abs(chart_page[..., 1] - 0x5E) < 30)
        & (chart_page[..., 2] < 40)
    )
    assert orange.sum() > 200
    assert Path(path).stat().st_size == len(pdf)
