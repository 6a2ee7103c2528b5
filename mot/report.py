"""Exports: charts as SVG or PNG, tables as Excel or CSV, and a self-contained HTML report.

Charts are drawn by :mod:`mot.chart_export` (offline, by vl-convert: a spec that loads its
data from a URL is refused rather than fetched, so an export never touches the network);
numbers, tables, file names and zips by :mod:`mot.table_export`. Their functions are read
from here too (``mot.report.chart_png``, ``mot.report.table_to_csv``, ...).

:class:`Report` gathers titled sections of text, charts and tables into one HTML document
that opens offline in any browser and prints cleanly: the charts are inline SVG, the tables
are HTML tables with numbers written the English (``1,234.5``) or Spanish (``1.234,5``) way,
and the styling is a small embedded style sheet. The document loads nothing and runs no
script; its Content-Security-Policy forbids both.

Downloads are named after their titles in the report's language (:func:`file_name`:
``curva_emocional.png`` in Spanish, ``emotion_curve.png`` in English), and
:func:`zip_files` bundles them into one archive.
"""

from __future__ import annotations

import html
import numbers
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from mot._cells import cell_formatter, is_numeric
from mot._export import validate_decimals, validate_language, with_index
from mot.chart_export import PNG_SIGNATURE, chart_png, chart_svg, render_chart
from mot.errors import ExportError
from mot.messages import LANGUAGES, Message
from mot.table_export import (
    EXCEL_MAX_COLUMNS,
    EXCEL_MAX_ROWS,
    csv_safe,
    file_name,
    format_number,
    table_to_csv,
    tables_to_excel,
    zip_files,
)

__all__ = [
    "EXCEL_MAX_COLUMNS",
    "EXCEL_MAX_ROWS",
    "LANGUAGES",
    "PNG_SIGNATURE",
    "Report",
    "ReportSection",
    "chart_png",
    "chart_svg",
    "csv_safe",
    "file_name",
    "format_number",
    "table_to_csv",
    "tables_to_excel",
    "zip_files",
]

_SVG_ID = re.compile(r'(\sid=")([^"]+)(")')
_SVG_URL_REF = re.compile(r"(url\(['\"]?#)([^)'\"]+)(['\"]?\))")
_SVG_HREF_REF = re.compile(r'(href="#)([^"]+)(")')

_TEXTS = {
    "en": {
        "contents": "Contents",
        "generated": "Generated: {when}",
        "truncated": "Showing the first {shown} of {total} rows.",
    },
    "es": {
        "contents": "Contenido",
        "generated": "Generado: {when}",
        "truncated": "Se muestran las primeras {shown} de {total} filas.",
    },
}

_CSS = """
:root { --accent: #0072B2; --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de;
  --stripe: #f4f6f8; }
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0 auto; max-width: 62rem; padding: 2rem 1.5rem 4rem; color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  "Liberation Sans", sans-serif; }
header { border-bottom: 3px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1.5rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .35rem; }
h2 { font-size: 1.4rem; line-height: 1.3; margin: 2.25rem 0 .75rem; padding-bottom: .25rem;
  border-bottom: 1px solid var(--rule); }
.subtitle { font-size: 1.15rem; color: var(--muted); margin: 0; }
.scope { font-size: 1rem; color: var(--ink); margin: .35rem 0 0; }
.generated { font-size: .9rem; color: var(--muted); margin: .5rem 0 0; }
a { color: var(--accent); }
nav.toc { background: var(--stripe); border-left: 4px solid var(--accent);
  padding: .75rem 1.25rem; margin: 0 0 2rem; }
nav.toc h2 { font-size: .85rem; text-transform: uppercase; letter-spacing: .06em;
  color: var(--muted); border: 0; margin: 0 0 .35rem; padding: 0; }
nav.toc ol { margin: 0; padding-left: 1.4rem; }
section > p { max-width: 46rem; }
figure { margin: 1.25rem 0 1.75rem; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .9rem; font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 .4rem; }
th, td { padding: .3rem .65rem; text-align: left; vertical-align: top;
  border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--accent); white-space: nowrap; }
th.num, td.num { text-align: right; white-space: nowrap; }
tbody tr:nth-child(even) { background: var(--stripe); }
.note { font-size: .85rem; color: var(--muted); font-style: italic; margin: .4rem 0 0; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  figure.chart, caption, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  nav.toc, tbody tr:nth-child(even) { -webkit-print-color-adjust: exact;
    print-color-adjust: exact; }
}
""".strip()

# Nothing may be fetched and nothing may run; inline SVG and the embedded style still work.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

# --- the report ----------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class ReportSection:
    """One titled part of a :class:`Report`: paragraphs of text, then charts, then tables.

    Sections compare by identity (``eq=False``): they hold DataFrames, which have no single
    truth value for ``==``.

    Parameters
    ----------
    title : str
        The heading, also listed in the table of contents.
    text : str, default ""
        Plain text (no markup); a blank line starts a new paragraph.
    charts : tuple of chart objects, default ()
        Charts as :func:`chart_svg` takes them, drawn in order.
    tables : tuple of (str, DataFrame), default ()
        Caption and table pairs, shown in order. Cap long tables before adding them;
        :meth:`Report.to_html` shows at most ``max_rows`` rows of each, and says so.

    Raises
    ------
    ExportError
        If ``title`` or ``text`` is not text, or a table is not a (caption, DataFrame) pair.
    """

    title: str
    text: str = ""
    charts: tuple[Any, ...] = ()
    tables: tuple[tuple[str, pd.DataFrame], ...] = ()

    def __post_init__(self) -> None:
        _validate_section(self.title, self.text, self.tables)
        object.__setattr__(self, "charts", tuple(self.charts))
        object.__setattr__(self, "tables", tuple(tuple(pair) for pair in self.tables))


def _validate_section(title: Any, text: Any, tables: Iterable[Any]) -> None:
    """Raise a typed error unless a section's title, text and tables have the right types."""
    if not isinstance(title, str) or not isinstance(text, str):
        message = Message("export.section", title=repr(title), kind=type(text).__name__)
        raise ExportError(message)
    for pair in tables:
        ok = isinstance(pair, tuple | list) and len(pair) == 2
        if not ok or not isinstance(pair[0], str) or not isinstance(pair[1], pd.DataFrame):
            message = Message("export.section_table", title=title, pair=repr(pair))
            raise ExportError(message)


@dataclass(frozen=True, eq=False)
class Report:
    """A titled report of sections that becomes one self-contained HTML document.

    Parameters
    ----------
    title : str
        The document title (``<title>`` and the first heading).
    subtitle : str, default ""
        A line under the title, such as the dataset and its size.
    sections : tuple of ReportSection, default ()
        The sections, in order.
    language : {"en", "es"}, default "en"
        Language of the document (``<html lang>``), of its few fixed words, and of the
        number formats in tables and charts.
    generated : str, default ""
        When the report was made, as text to show (e.g. ``"2025-05-14 10:32 UTC"``);
        nothing is shown when empty. The report never reads the clock itself.
    scope : str, default ""
        Which respondents the numbers cover, as text to show under the subtitle (e.g.
        ``"Filter: segment = Online"``); nothing is shown when empty.

    Raises
    ------
    ExportError
        If ``language`` is not ``en`` or ``es``, or a section is not a :class:`ReportSection`.

    Examples
    --------
    >>> scores = pd.DataFrame({"touchpoint": ["Tienda"], "n": [1234], "mean": [1234.5]})
    >>> report = Report("Informe", sections=(ReportSection("Puntuaciones",
    ...                 tables=(("Medias", scores),)),), language="es")
    >>> page = report.to_html()
    >>> '<html lang="es">' in page, "1.234,5" in page, 'href="#section-1"' in page
    (True, True, True)
    """

    title: str
    subtitle: str = ""
    sections: tuple[ReportSection, ...] = ()
    language: str = "en"
    generated: str = ""
    scope: str = ""

    def __post_init__(self) -> None:
        _validate_report(self)
        object.__setattr__(self, "sections", tuple(self.sections))

    def to_html(self, *, max_rows: int | None = 200, decimals: int = 1) -> str:
        """Write the report as one HTML document that needs no network and no JavaScript.

        The document holds a header (title, subtitle, generated time), a table of contents
        linking to each section (``#section-1``, ``#section-2`` ...), and the sections: text
        paragraphs, charts as inline SVG, tables as HTML tables. Numbers in tables follow
        the report's language (:func:`format_number`); integer columns have no decimals, a
        float column whose values are all whole numbers neither, and a float column whose
        values all lie within ±1 (shares, correlations, p-values) gets at least three, with
        a value too small to show written as ``< 0.001``. Text and yes/no values are shown as
        they are; everything is HTML-escaped.

        Parameters
        ----------
        max_rows : int or None, default 200
            Most rows shown per table; a longer table shows its first ``max_rows`` rows and
            a note "Showing the first 200 of N rows". None shows every row.
        decimals : int, default 1
            Digits after the decimal separator for the other float columns.

        Returns
        -------
        str
            The HTML document.

        Raises
        ------
        ExportError
            If ``max_rows`` is not a positive integer or None, ``decimals`` is negative, or a
            chart cannot be drawn (the message names the section and chart).
        """
        _validate_to_html(max_rows, decimals)
        texts = _TEXTS[self.language]
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{self.language}">',
            _head(self.title),
            "<body>",
            _header(self, texts),
            _toc(self.sections, texts),
            "<main>",
        ]
        for number, section in enumerate(self.sections, start=1):
            parts.append(_section_html(section, number, self.language, max_rows, decimals))
        parts += ["</main>", "</body>", "</html>", ""]
        return "\n".join(parts)

    def to_pdf(self, *, max_rows: int = 60, decimals: int = 1) -> bytes:
        """Write the report as a PDF (A4): see :func:`mot.report_pdf.report_pdf`."""
        from mot.report_pdf import report_pdf

        return report_pdf(self, max_rows=max_rows, decimals=decimals)


def _validate_report(report: Report) -> None:
    """Raise a typed error unless ``report`` is well formed."""
    validate_language(report.language)
    for name in ("title", "subtitle", "generated", "scope"):
        if not isinstance(getattr(report, name), str):
            message = Message("export.report_text", name=name, value=repr(getattr(report, name)))
            raise ExportError(message)
    for section in report.sections:
        if not isinstance(section, ReportSection):
            message = Message("export.report_section", kind=type(section).__name__)
            raise ExportError(message)


def _validate_to_html(max_rows: int | None, decimals: int) -> None:
    """Raise a typed error unless the HTML options are usable."""
    if max_rows is not None and (
        isinstance(max_rows, bool) or not isinstance(max_rows, numbers.Integral) or max_rows < 1
    ):
        message = Message("export.max_rows", max_rows=max_rows)
        raise ExportError(message)
    validate_decimals(decimals)


def _head(title: str) -> str:
    return "\n".join(
        [
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_esc(title)}</title>",
            f"<style>\n{_CSS}\n</style>",
            "</head>",
        ]
    )


def _header(report: Report, texts: Mapping[str, str]) -> str:
    lines = ["<header>", f"<h1>{_esc(report.title)}</h1>"]
    if report.subtitle:
        lines.append(f'<p class="subtitle">{_esc(report.subtitle)}</p>')
    if report.scope:
        lines.append(f'<p class="scope">{_esc(report.scope)}</p>')
    if report.generated:
        generated = texts["generated"].format(when=report.generated)
        lines.append(f'<p class="generated">{_esc(generated)}</p>')
    lines.append("</header>")
    return "\n".join(lines)


def _toc(sections: tuple[ReportSection, ...], texts: Mapping[str, str]) -> str:
    if not sections:
        return ""
    items = [
        f'<li><a href="#section-{number}">{_esc(section.title)}</a></li>'
        for number, section in enumerate(sections, start=1)
    ]
    return "\n".join(
        [
            f'<nav class="toc" aria-labelledby="toc-title">'
            f'<h2 id="toc-title">{_esc(texts["contents"])}</h2>',
            "<ol>",
            *items,
            "</ol>",
            "</nav>",
        ]
    )


def _section_html(
    section: ReportSection, number: int, language: str, max_rows: int | None, decimals: int
) -> str:
    lines = [f'<section id="section-{number}">', f"<h2>{_esc(section.title)}</h2>"]
    lines += [_paragraph(block) for block in re.split(r"\n\s*\n", section.text.strip()) if block]
    for index, chart in enumerate(section.charts, start=1):
        where = Message("export.where_section", title=section.title, index=index)
        svg = render_chart(chart, "svg", language=language, where=where)
        svg = _namespace_svg_ids(svg, prefix=f"s{number}c{index}-")
        lines.append(f'<figure class="chart">\n{svg}\n</figure>')
    for caption, table in section.tables:
        lines.append(_table_html(caption, table, language, max_rows, decimals))
    lines.append("</section>")
    return "\n".join(lines)


def _paragraph(block: str) -> str:
    return "<p>" + "<br>\n".join(_esc(line) for line in block.strip().splitlines()) + "</p>"


def _namespace_svg_ids(svg: str, *, prefix: str) -> str:
    """Prefix the ids of an SVG and the references to them.

    Every vl-convert SVG names its clip paths and gradients the same way (``clip1``,
    ``gradient_0``), so two charts in one page would use each other's definitions.
    """
    ids = {match[1] for match in _SVG_ID.findall(svg)}
    if not ids:
        return svg

    def rename(match: re.Match[str]) -> str:
        name = match.group(2)
        return f"{match.group(1)}{prefix if name in ids else ''}{name}{match.group(3)}"

    for pattern in (_SVG_ID, _SVG_URL_REF, _SVG_HREF_REF):
        svg = pattern.sub(rename, svg)
    return svg


def _table_html(
    caption: str, table: pd.DataFrame, language: str, max_rows: int | None, decimals: int
) -> str:
    frame = with_index(table)
    total = len(frame)
    shown = frame if max_rows is None else frame.iloc[:max_rows]
    columns = [shown.iloc[:, position] for position in range(shown.shape[1])]
    numeric = [is_numeric(column) for column in columns]
    formatters = [cell_formatter(column, language, decimals) for column in columns]
    head = "".join(
        f'<th scope="col"{_num_class(is_num)}>{_esc(str(name))}</th>'
        for name, is_num in zip(shown.columns, numeric, strict=True)
    )
    body = []
    for values in zip(*(column.tolist() for column in columns), strict=True):
        cells = "".join(
            f"<td{_num_class(is_num)}>{_esc(formatter(value))}</td>"
            for value, formatter, is_num in zip(values, formatters, numeric, strict=True)
        )
        body.append(f"<tr>{cells}</tr>")
    lines = [
        '<figure class="table">',
        '<div class="table-wrap"><table>',
        f"<caption>{_esc(caption)}</caption>" if caption else "",
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *body,
        "</tbody></table></div>",
    ]
    if len(shown) < total:
        note = _TEXTS[language]["truncated"].format(
            shown=format_number(len(shown), language, 0),
            total=format_number(total, language, 0),
        )
        lines.append(f'<p class="note">{_esc(note)}</p>')
    lines.append("</figure>")
    return "\n".join(line for line in lines if line)


def _num_class(is_numeric: bool) -> str:
    return ' class="num"' if is_numeric else ""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)
