"""The report as a PDF: the same sections as the HTML report, laid out for A4 paper.

:func:`report_pdf` writes a :class:`mot.report.Report` with fpdf2: a first page with the
title, the subtitle (dataset and size), the scope (the filter in force), the date it was made
and a table of contents with page numbers; then each section on a new page, its paragraphs,
its charts (drawn offline by vl-convert as PNG, scaled to the page width) and its tables
(numbers written the report language's way, right-aligned, headings repeated on each page, long
tables capped with a note). Each section is a PDF bookmark and every page has a footer with
the title and "page n of N" in the report's language.

Text is written as typed: nothing in a label, a comment or a title is read as markup, so
``<script>`` or ``![x](http://...)`` appears as those characters. The PDF holds no script, no
link to the outside and no form.

fpdf2 writes Unicode text only with a TrueType font; :func:`report_font` finds DejaVu Sans
(Debian's ``fonts-dejavu-core``), Liberation Sans or Arial, or the font named by
``MOT_PDF_FONT`` (a regular ``.ttf``; its bold is looked for beside it).
"""

from __future__ import annotations

import io
import os
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from mot._cells import cell_formatter, is_numeric
from mot._export import validate_decimals, with_index
from mot.chart_export import render_chart
from mot.errors import ExportError
from mot.messages import Message
from mot.table_export import format_number

if TYPE_CHECKING:
    from mot.report import Report, ReportSection

__all__ = ["PDF_SIGNATURE", "report_font", "report_pdf"]

PDF_SIGNATURE = b"%PDF-"

_TEXTS = {
    "en": {
        "contents": "Contents",
        "generated": "Generated: {when}",
        "page": "Page {page} of {pages}",
        "truncated": "Showing the first {shown} of {total} rows; the CSV and Excel downloads "
        "hold them all.",
    },
    "es": {
        "contents": "Contenido",
        "generated": "Generado: {when}",
        "page": "Página {page} de {pages}",
        "truncated": "Se muestran las primeras {shown} de {total} filas; las descargas CSV "
        "y Excel las tienen todas.",
    },
}

# Where a Unicode TrueType font usually is: (regular, bold), in order of preference.
_FONT_CANDIDATES = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/dejavu/DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/TTF/DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("/System/Library/Fonts/Supplemental/Arial.ttf", "Arial Bold.ttf"),
    ("/Library/Fonts/Arial.ttf", "Arial Bold.ttf"),
    ("C:/Windows/Fonts/arial.ttf", "arialbd.ttf"),
)
_BOLD_NAMES = ("{stem}-Bold{suffix}", "{stem}Bold{suffix}", "{stem}bd{suffix}")

_ACCENT = (0, 114, 178)
_INK = (27, 31, 36)
_MUTED = (87, 96, 106)
_RULE = (208, 215, 222)
_STRIPE = (244, 246, 248)
_MARGIN = 15.0  # mm
_BODY_WIDTH = 210.0 - 2 * _MARGIN  # A4 portrait
_BODY_HEIGHT = 297.0 - 2 * _MARGIN - 10.0  # leaves room for the footer


@dataclass(frozen=True)
class ReportFont:
    """A TrueType font the PDF can write any text with: its regular and bold files."""

    regular: Path
    bold: Path


def report_font() -> ReportFont:
    """Find a Unicode TrueType font for the PDF report.

    ``MOT_PDF_FONT`` (a regular ``.ttf`` file) is used when set; otherwise the first of DejaVu
    Sans, Liberation Sans and Arial found in the usual folders. The bold face is looked for
    beside the regular one (``DejaVuSans-Bold.ttf``, ``arialbd.ttf`` ...); without one the
    regular face serves for headings too.

    Returns
    -------
    ReportFont
        The regular and bold font files.

    Raises
    ------
    ExportError
        If no such font is on this machine (the message says how to install one).
    """
    chosen = os.environ.get("MOT_PDF_FONT", "").strip()
    candidates = [(chosen, "")] if chosen else list(_FONT_CANDIDATES)
    for regular, bold in candidates:
        path = Path(regular)
        if path.is_file():
            return ReportFont(path, _bold_beside(path, bold))
    if chosen:
        raise ExportError(Message("export.pdf_font_missing", path=Path(chosen).name))
    raise ExportError(Message("export.pdf_no_font"))


def _bold_beside(regular: Path, bold: str) -> Path:
    names = [bold] if bold else []
    names += [n.format(stem=regular.stem, suffix=regular.suffix) for n in _BOLD_NAMES]
    names += [
        n.format(stem=regular.stem.removesuffix("-Regular"), suffix=regular.suffix)
        for n in _BOLD_NAMES
    ]
    for name in names:
        candidate = regular.with_name(name)
        if candidate.is_file():
            return candidate
    return regular


def report_pdf(
    report: Report, *, max_rows: int = 60, decimals: int = 1, font: ReportFont | None = None
) -> bytes:
    """Write ``report`` as a PDF document (A4 portrait).

    Parameters
    ----------
    report : Report
        The report: its title, subtitle, scope, generated time, language and sections.
    max_rows : int, default 60
        Most rows shown per table; a longer table shows its first ``max_rows`` rows and a
        note that the CSV and Excel downloads hold them all.
    decimals : int, default 1
        Digits after the decimal separator for float columns (the same rules as
        :meth:`mot.report.Report.to_html`: whole numbers with none, values within ±1 with
        at least three).
    font : ReportFont, optional
        The font to write with; :func:`report_font` by default.

    Returns
    -------
    bytes
        The PDF file, starting with :data:`PDF_SIGNATURE`.

    Raises
    ------
    ExportError
        If ``max_rows`` is not a positive whole number, ``decimals`` is negative, no font is
        found, or a chart cannot be drawn (the message names the section and chart).

    Examples
    --------
    >>> from mot.report import Report, ReportSection
    >>> scores = pd.DataFrame({"touchpoint": ["<b>Tienda</b>"], "mean": [1234.5]})
    >>> pdf = report_pdf(Report("Informe", language="es", sections=(
    ...     ReportSection("Puntuaciones", tables=(("Medias", scores),)),)))
    >>> pdf[:5] == PDF_SIGNATURE
    True
    """
    if isinstance(max_rows, bool) or not isinstance(max_rows, int) or max_rows < 1:
        raise ExportError(Message("export.max_rows", max_rows=max_rows))
    validate_decimals(decimals)
    font = font or report_font()
    texts = _TEXTS[report.language]
    pdf = _document(report, font, texts)
    _first_page(pdf, report, texts)
    for number, section in enumerate(report.sections, start=1):
        if number > 1:  # the contents end the first page
            pdf.add_page()
        _section(pdf, section, number, report.language, max_rows, decimals, texts)
    return bytes(pdf.output())


def _document(report: Report, font: ReportFont, texts: dict[str, str]):
    from fpdf import FPDF

    title = report.title
    page_text = texts["page"]

    class _PDF(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("body", size=8)
            self.set_text_color(*_MUTED)
            self.cell(_BODY_WIDTH / 2, 5, title, align="L")
            number = page_text.format(page=self.page_no(), pages="{nb}")
            self.cell(_BODY_WIDTH / 2, 5, number, align="R")

    pdf = _PDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(True, margin=_MARGIN + 7)
    pdf.add_font("body", "", str(font.regular))
    pdf.add_font("body", "B", str(font.bold))
    pdf.set_title(report.title)
    pdf.set_lang(report.language)
    pdf.set_creator("Moments of truth")
    pdf.set_subject(report.subtitle)
    return pdf


def _first_page(pdf, report: Report, texts: dict[str, str]) -> None:
    pdf.add_page()
    pdf.set_text_color(*_INK)
    pdf.set_font("body", "B", 20)
    pdf.multi_cell(0, 9, report.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", "", 12)
    pdf.set_text_color(*_MUTED)
    for line in (report.subtitle, report.scope):
        if line:
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    if report.generated:
        pdf.set_font("body", "", 10)
        pdf.multi_cell(
            0, 6, texts["generated"].format(when=report.generated), new_x="LMARGIN", new_y="NEXT"
        )
    pdf.set_draw_color(*_ACCENT)
    pdf.set_line_width(0.8)
    pdf.line(_MARGIN, pdf.get_y() + 2, _MARGIN + _BODY_WIDTH, pdf.get_y() + 2)
    pdf.ln(8)
    if report.sections:
        pdf.insert_toc_placeholder(_toc_writer(texts["contents"]), pages=1)


def _toc_writer(heading: str) -> Callable:
    def write(pdf, outline) -> None:
        pdf.set_x(_MARGIN)
        pdf.set_text_color(*_INK)
        pdf.set_font("body", "B", 13)
        pdf.cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("body", "", 11)
        for entry in outline:
            link = pdf.add_link(page=entry.page_number)
            page = str(entry.page_number)
            pdf.cell(_BODY_WIDTH - 15, 7, entry.name, link=link)
            pdf.cell(15, 7, page, align="R", link=link, new_x="LMARGIN", new_y="NEXT")

    return write


def _section(
    pdf,
    section: ReportSection,
    number: int,
    language: str,
    max_rows: int,
    decimals: int,
    texts: dict[str, str],
) -> None:
    pdf.start_section(section.title)
    pdf.set_text_color(*_INK)
    pdf.set_font("body", "B", 15)
    pdf.multi_cell(0, 8, section.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*_RULE)
    pdf.set_line_width(0.3)
    pdf.line(_MARGIN, pdf.get_y() + 1, _MARGIN + _BODY_WIDTH, pdf.get_y() + 1)
    pdf.ln(4)
    pdf.set_font("body", "", 10.5)
    for block in re.split(r"\n\s*\n", section.text.strip()):
        if block.strip():
            pdf.multi_cell(0, 5.5, block.strip(), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5)
    for index, chart in enumerate(section.charts, start=1):
        where = Message("export.where_section", title=section.title, index=index)
        png = render_chart(chart, "png", language=language, where=where)
        _image(pdf, png)
    for caption, table in section.tables:
        _table(pdf, caption, table, language, max_rows, decimals, texts)


def _image(pdf, png: bytes) -> None:
    """Place a chart across the page, shrunk (to 60 %) or on a new page to fit."""
    width_px, height_px = struct.unpack(">II", png[16:24])
    width = _BODY_WIDTH
    height = width * height_px / width_px
    if height > _BODY_HEIGHT:
        width, height = width * _BODY_HEIGHT / height, _BODY_HEIGHT
    room = pdf.page_break_trigger - pdf.get_y()
    if height > room >= 0.6 * height:  # shrunk a little rather than moved to a new page
        width, height = width * room / height, room
    elif height > room:
        pdf.add_page()
    pdf.image(io.BytesIO(png), x=_MARGIN, w=width, h=height)
    pdf.ln(4)


def _table(
    pdf,
    caption: str,
    table: pd.DataFrame,
    language: str,
    max_rows: int,
    decimals: int,
    texts: dict[str, str],
) -> None:
    from fpdf.fonts import FontFace

    frame = with_index(table)
    total = len(frame)
    shown = frame.iloc[:max_rows]
    columns = [shown.iloc[:, position] for position in range(shown.shape[1])]
    if not columns:
        return
    numeric = [is_numeric(column) for column in columns]
    cells = [
        [cell_formatter(column, language, decimals)(v) for v in column.tolist()]
        for column in columns
    ]
    headings = [str(name) for name in shown.columns]
    size = 8.5 if len(columns) <= 6 else 7 if len(columns) <= 10 else 6
    if pdf.get_y() + 30 > pdf.page_break_trigger:
        pdf.add_page()
    if caption:
        pdf.set_font("body", "B", 10.5)
        pdf.set_text_color(*_INK)
        pdf.multi_cell(0, 6, caption, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", "", size)
    widths = _column_widths(headings, cells)
    align = tuple("RIGHT" if is_num else "LEFT" for is_num in numeric)
    with pdf.table(
        col_widths=widths,
        width=_BODY_WIDTH,
        text_align=align,
        line_height=size * 0.5,
        borders_layout="HORIZONTAL_LINES",
        cell_fill_color=_STRIPE,
        cell_fill_mode="ROWS",
        headings_style=FontFace(emphasis="BOLD", color=_INK, fill_color=(255, 255, 255)),
        repeat_headings=1,
        padding=1,
    ) as grid:
        row = grid.row()
        for heading in headings:
            row.cell(heading)
        for values in zip(*cells, strict=True):
            row = grid.row()
            for value in values:
                row.cell(value)
    if len(shown) < total:
        pdf.set_font("body", "", 8.5)
        pdf.set_text_color(*_MUTED)
        note = texts["truncated"].format(
            shown=format_number(len(shown), language, 0), total=format_number(total, language, 0)
        )
        pdf.multi_cell(0, 5, note, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(*_INK)
    pdf.ln(4)


def _column_widths(headings: list[str], cells: list[list[str]]) -> tuple[float, ...]:
    """Widths by each column's longest text, between 6 and 40 characters (longer ones wrap)."""
    wanted = []
    for heading, values in zip(headings, cells, strict=True):
        longest = max([len(word) for word in heading.split()] + [len(v) for v in values] + [1])
        wanted.append(min(max(longest, 6), 40))
    return tuple(float(w) for w in wanted)
