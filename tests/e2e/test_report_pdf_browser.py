"""The Report page's PDF in headless Chromium (issue 14): built and downloaded from the page,
at EN/ES × normal/large type × 1280×720/1440×900, the PDF in the page's language with the
dataset, date and filter in force; its pages drawn with pdftoppm into one contact sheet to
look at (tests/e2e/_artifacts/, and docs/screenshots/ with MOT_SCREENSHOTS=docs)."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, datetime

import pytest
from PIL import Image
from pypdf import PdfReader

from .harness import NEEDS_CHROMIUM, TIMEOUT, browser, server, settle
from .test_browser import shot_dirs

pytestmark = NEEDS_CHROMIUM

VIEWS = [
    (1280, 720, "EN", False),
    (1440, 900, "EN", True),
    (1280, 720, "ES", True),
    (1440, 900, "ES", False),
]
WORDS = {
    "EN": ("Build report", "Download the PDF report", "Filter: device = mobile", "Page 1 of"),
    "ES": ("Generar informe", "Descargar el informe PDF", "Filtro: device = mobile", "Página 1 de"),
}


@pytest.fixture(scope="module")
def chromium():
    with server() as url, browser() as instance:
        yield url, instance


def contact_sheet(pdf: bytes, folder, name: str, pages: int = 6) -> None:
    """The PDF's first pages side by side, as a person opening it sees them."""
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "45", "-l", str(pages), "-png", str(path), str(folder / name)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    images = [Image.open(p) for p in sorted(folder.glob(f"{name}-*.png"))]
    width, height = images[0].size
    sheet = Image.new("RGB", (width * 3 + 20, height * 2 + 10), "#d0d7de")
    for i, image in enumerate(images[:6]):
        sheet.paste(image, ((i % 3) * (width + 10), (i // 3) * (height + 10)))
    for target in shot_dirs():
        sheet.save(target / f"{name}.png")
    for page in folder.glob(f"{name}-*.png"):
        page.unlink()


@pytest.mark.parametrize(("width", "height", "language", "large"), VIEWS)
def test_the_report_page_offers_the_pdf_in_the_pages_language(
    chromium, tmp_path, width, height, language, large
):
    url, instance = chromium
    build, download_pdf, scope, page_word = WORDS[language]
    context = instance.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        query = f"lang={language}&filter_segment=device&filter_values=mobile"
        page.goto(f"{url}/report?{query}" + ("&large=true" if large else ""))
        settle(page)
        page.get_by_role("button", name=build).click()
        button = page.get_by_role("button", name=download_pdf)
        button.wait_for(timeout=TIMEOUT * 2)
        settle(page)
        size = "large" if large else "normal"
        for folder in shot_dirs():
            page.screenshot(path=str(folder / f"report_pdf_{width}x{height}_{language}_{size}.png"))
        with page.expect_download(timeout=TIMEOUT * 2) as download:
            button.click()
        pdf = download.value.path().read_bytes()
    finally:
        context.close()
    assert pdf.startswith(b"%PDF-")
    stem = "moments_of_truth_report" if language == "EN" else "informe_momentos_verdad"
    assert download.value.suggested_filename == f"{stem}.pdf"
    reader = PdfReader(io.BytesIO(pdf))
    first = " ".join(reader.pages[0].extract_text().split())
    for expected in ("demo_survey.csv", scope, datetime.now(UTC).strftime("%Y-%m-%d"), page_word):
        assert expected in first, expected
    if language == "ES" and not large and shutil.which("pdftoppm"):
        contact_sheet(pdf, tmp_path, "report_pdf_pages_ES")
