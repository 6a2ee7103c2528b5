"""Exports: charts as SVG or PNG, tables as Excel or CSV, and a self-contained HTML report.

Charts arrive as objects with a ``to_dict()`` (or ``to_json()``) method, as the builders of
:mod:`mot.charts` return them, or as a plain Vega-Lite spec; this module never imports
altair. They are drawn by vl-convert, offline: a spec that loads its data from a URL is
refused rather than fetched, so an export never touches the network.

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
import io
import json
import math
import numbers
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import vl_convert

from mot._text import strip_accents
from mot.errors import ExportError
from mot.messages import Message, message_of

LANGUAGES: tuple[str, ...] = ("en", "es")
"""Languages of :func:`format_number`, :func:`table_to_csv` and :class:`Report`."""

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
"""The first eight bytes of every PNG file."""

EXCEL_MAX_ROWS = 1_048_576
"""Rows in an Excel worksheet, the header row included."""

EXCEL_MAX_COLUMNS = 16_384
"""Columns in an Excel worksheet."""

_SEPARATORS = {"en": (".", ","), "es": (",", ".")}  # language -> (decimal, thousands)
_VEGA_LOCALES = {"en": "en-US", "es": "es-ES"}
_CSV_SEPARATORS = {"en": ",", "es": ";"}
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_EXCEL_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
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


# --- charts -------------------------------------------------------------------------------


def chart_svg(chart: Any, *, language: str = "en") -> str:
    """Draw a chart as an SVG document.

    Parameters
    ----------
    chart : chart object or mapping
        An object with a ``to_dict()`` or ``to_json()`` method that gives a Vega-Lite spec
        (an Altair chart from :mod:`mot.charts`), or the spec itself as a mapping. Its data
        must be inline: URLs are not fetched.
    language : {"en", "es"}, default "en"
        Number and date formats of the axes and labels (``es``: ``1.234,5``).

    Returns
    -------
    str
        The SVG markup, starting with ``<svg``.

    Raises
    ------
    ExportError
        If the chart gives no valid spec, or vl-convert cannot draw it.

    Examples
    --------
    >>> spec = {"data": {"values": [{"moment": "FMOT", "n": 3}]}, "mark": "bar",
    ...         "encoding": {"x": {"field": "moment", "type": "nominal"},
    ...                      "y": {"field": "n", "type": "quantitative"}}}
    >>> svg = chart_svg(spec)
    >>> svg.startswith("<svg"), "FMOT" in svg
    (True, True)
    """
    _validate_language(language)
    return _render(chart, "svg", language=language, where="")


def chart_png(chart: Any, *, scale: float = 2, language: str = "en") -> bytes:
    """Draw a chart as a PNG image.

    Parameters
    ----------
    chart : chart object or mapping
        As for :func:`chart_svg`.
    scale : float, default 2
        Pixels per chart unit: 2 gives a sharp image on high-density screens and in slides.
    language : {"en", "es"}, default "en"
        Number and date formats of the axes and labels.

    Returns
    -------
    bytes
        The PNG file, starting with :data:`PNG_SIGNATURE`.

    Raises
    ------
    ExportError
        If ``scale`` is not a positive number, the chart gives no valid spec, or vl-convert
        cannot draw it.

    Examples
    --------
    >>> spec = {"data": {"values": [{"n": 1}]}, "mark": "point",
    ...         "encoding": {"y": {"field": "n", "type": "quantitative"}}}
    >>> chart_png(spec, scale=1)[:8] == PNG_SIGNATURE
    True
    """
    _validate_chart_png(scale=scale, language=language)
    return _render(chart, "png", language=language, where="", scale=float(scale))


def _validate_chart_png(*, scale: float, language: str) -> None:
    """Raise a typed error unless the PNG options are usable."""
    _validate_language(language)
    valid = isinstance(scale, numbers.Real) and not isinstance(scale, bool)
    if not valid or not math.isfinite(scale) or scale <= 0:
        message = Message("export.scale", scale=scale)
        raise ExportError(message)


def _render(chart: Any, fmt: str, *, language: str, where: str, scale: float = 1.0) -> Any:
    """Draw ``chart`` as ``fmt`` ("svg" or "png"), wrapping every failure in ExportError."""
    spec = _chart_spec(chart, where=where)
    options = {
        "allowed_base_urls": [],
        "format_locale": _VEGA_LOCALES[language],
        "time_format_locale": _VEGA_LOCALES[language],
    }
    try:
        if fmt == "png":
            return vl_convert.vegalite_to_png(spec, scale=scale, **options)
        return vl_convert.vegalite_to_svg(spec, **options)
    except Exception as error:  # vl-convert raises bare ValueError/RuntimeError.
        raise ExportError(_render_failure(spec, fmt, where, error)) from error


def _chart_spec(chart: Any, *, where: str) -> str:
    """Return the Vega-Lite spec of ``chart`` as JSON text."""
    try:
        if isinstance(chart, Mapping):
            spec = dict(chart)
        elif callable(getattr(chart, "to_dict", None)):
            spec = chart.to_dict()
        elif callable(getattr(chart, "to_json", None)):
            spec = json.loads(chart.to_json())
        else:
            message = Message("export.not_a_chart", kind=type(chart).__name__, where=_where(where))
            raise ExportError(message)
        if not isinstance(spec, Mapping):
            raise TypeError(Message("export.not_a_spec", kind=type(spec).__name__))
        return json.dumps(spec, allow_nan=False)
    except ExportError:
        raise
    except Exception as error:  # Altair's schema errors are not ValueErrors.
        reason = message_of(error)  # ours (a spec that is not a dict), else Altair's first line
        if not isinstance(reason, Message):
            reason = _first_line(error)
        message = Message("export.invalid_spec", where=_where(where), reason=reason)
        raise ExportError(message) from error


def _render_failure(spec_json: str, fmt: str, where: str, error: Exception) -> Message:
    """Message for a spec that vl-convert could not draw."""
    spec = json.loads(spec_json)
    reason = _first_line(error)
    hint = "export.hint_inline" if "url not allowed" in reason.lower() else "export.hint_table"
    return Message(
        "export.draw_failed",
        chart=_describe_chart(spec),
        where=_where(where),
        format=fmt.upper(),
        reason=reason,
        hint=Message(hint),
    )


def _describe_chart(spec: Mapping[str, Any]) -> Message:
    """Name a chart for a message: its title, or else its kind of mark."""
    title = spec.get("title")
    if isinstance(title, Mapping):
        title = title.get("text")
    if isinstance(title, list):
        title = " ".join(map(str, title))
    if title:
        return Message("export.chart_titled", title=str(title))
    mark = spec.get("mark")
    if isinstance(mark, Mapping):
        mark = mark.get("type")
    if isinstance(mark, str):
        return Message("export.chart_untitled_kind", kind=mark)
    kinds = [key for key in ("layer", "hconcat", "vconcat", "concat", "facet") if key in spec]
    if kinds:
        return Message("export.chart_untitled_kind", kind=kinds[0])
    return Message("export.chart_untitled")


def _where(where: str) -> str:
    """`` (where)`` after a chart's name in a message, or nothing."""
    return Message("export.where", where=where) if where else ""


def _first_line(error: Exception) -> str:
    """The message of ``error`` without a JavaScript stack trace."""
    lines = [line.strip() for line in str(error).splitlines()]
    kept = [line for line in lines if line and not line.startswith("at ")]
    text = " ".join(kept[:2]) if kept else type(error).__name__
    return text.rstrip(".:")


# --- numbers --------------------------------------------------------------------------------


def format_number(x: Any, language: str, decimals: int = 1) -> str:
    """Write a number the way readers of ``language`` expect.

    Parameters
    ----------
    x : int or float
        The number. Missing values (None, NaN, ``pd.NA``) give an empty string, infinities
        ``∞`` and ``-∞``.
    language : {"en", "es"}
        ``en`` writes ``1,234.5`` (comma thousands, point decimals); ``es`` writes
        ``1.234,5`` (point thousands, comma decimals), four-digit numbers included.
    decimals : int, default 1
        Digits after the decimal separator (0 for none). A value that rounds to zero has no
        minus sign.

    Returns
    -------
    str
        The formatted number.

    Raises
    ------
    ExportError
        If ``language`` is not ``en`` or ``es``, ``decimals`` is not a non-negative integer, or
        ``x`` is not a number (booleans included).

    Examples
    --------
    >>> format_number(1234.5, "en"), format_number(1234.5, "es")
    ('1,234.5', '1.234,5')
    >>> format_number(-0.04, "es"), format_number(1234567, "es", decimals=0)
    ('0,0', '1.234.567')
    """
    _validate_format_number(x, language, decimals)
    if x is None or pd.isna(x):
        return ""
    value = float(x)
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    text = f"{value:,.{decimals}f}"
    if text.startswith("-") and not any(char in "123456789" for char in text):
        text = text[1:]
    decimal, thousands = _SEPARATORS[language]
    return text.translate(str.maketrans({",": thousands, ".": decimal}))


def _validate_format_number(x: Any, language: str, decimals: int) -> None:
    """Raise a typed error unless ``x`` can be formatted."""
    _validate_language(language)
    if isinstance(decimals, bool) or not isinstance(decimals, numbers.Integral) or decimals < 0:
        message = Message("export.decimals", decimals=decimals)
        raise ExportError(message)
    if x is None or x is pd.NA or x is pd.NaT:
        return
    if isinstance(x, bool | np.bool_) or not isinstance(x, numbers.Real):
        message = Message("export.not_a_number", value=x, kind=type(x).__name__)
        raise ExportError(message)


def _validate_language(language: str) -> None:
    if language not in LANGUAGES:
        message = Message(
            "arg.one_of", name="language", values=", ".join(LANGUAGES), value=language
        )
        raise ExportError(message)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet takes for the start of a formula (OWASP, CSV injection)."""

# --- tables -------------------------------------------------------------------------------


def tables_to_excel(tables: Mapping[str, pd.DataFrame]) -> bytes:
    r"""Write tables into one Excel workbook, one sheet per table.

    Sheet names are made valid for Excel: the characters ``[]:*?/\`` become ``_``, names are
    cut to 31 characters, an empty name becomes ``Sheet``, and a name already taken (Excel
    ignores case) gets `` (2)``, `` (3)`` ... appended. A named index is written as columns
    (a default ``RangeIndex`` is not written). Categorical columns are written as text,
    missing values as empty cells, time-zone-aware times as their local wall-clock time
    (Excel has no time zones), and text that starts with ``=`` (a cell or a column name)
    stays text, never a formula.

    Parameters
    ----------
    tables : Mapping of str to DataFrame
        Sheet name → table, in sheet order. The tables are not modified.

    Returns
    -------
    bytes
        The ``.xlsx`` file.

    Raises
    ------
    ExportError
        If there is no table, a value is not a DataFrame, or a table is larger than an Excel
        sheet (1,048,576 rows including the header, 16,384 columns).

    Examples
    --------
    >>> data = tables_to_excel({"Utilities: 2024/25": pd.DataFrame({"n": [1, 2]})})
    >>> pd.read_excel(io.BytesIO(data), sheet_name=None)["Utilities_ 2024_25"]["n"].tolist()
    [1, 2]
    """
    _validate_tables_to_excel(tables)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, table in zip(_sheet_names(tables), tables.values(), strict=True):
            frame = _excel_frame(table)
            frame.to_excel(writer, sheet_name=name, index=False, na_rep="")
            _keep_formulas_as_text(writer.sheets[name], frame)
    return buffer.getvalue()


def _validate_tables_to_excel(tables: Mapping[str, pd.DataFrame]) -> None:
    """Raise a typed error unless every table fits in an Excel sheet."""
    if not isinstance(tables, Mapping) or not tables:
        message = Message("export.no_tables", tables=repr(tables))
        raise ExportError(message)
    for name, table in tables.items():
        if not isinstance(table, pd.DataFrame):
            message = Message("export.not_a_frame", name=str(name), kind=type(table).__name__)
            raise ExportError(message)
        frame = _with_index(table)
        if len(frame) + 1 > EXCEL_MAX_ROWS or frame.shape[1] > EXCEL_MAX_COLUMNS:
            message = Message(
                "export.too_big_for_excel",
                name=str(name),
                rows=len(frame),
                columns=frame.shape[1],
                max_rows=EXCEL_MAX_ROWS - 1,
                max_columns=EXCEL_MAX_COLUMNS,
            )
            raise ExportError(message)


def _sheet_names(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """Valid, unique (ignoring case) Excel sheet names for the keys of ``tables``."""
    names: list[str] = []
    taken: set[str] = set()
    for key in tables:
        base = _SHEET_FORBIDDEN.sub("_", str(key)).strip().strip("'")[:31].strip() or "Sheet"
        if base.casefold() == "history":  # reserved by Excel
            base = f"{base}_"
        name, copy = base, 2
        while name.casefold() in taken:
            suffix = f" ({copy})"
            name, copy = f"{base[: 31 - len(suffix)]}{suffix}", copy + 1
        taken.add(name.casefold())
        names.append(name)
    return names


def _with_index(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with a named index turned into columns; an unnamed index is dropped."""
    if any(name is not None for name in table.index.names):
        return table.reset_index()
    return table.reset_index(drop=True)


def _excel_frame(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` that openpyxl writes faithfully."""
    frame = _with_index(table)
    frame.columns = [str(column) for column in frame.columns]
    for position in range(frame.shape[1]):
        values = frame.iloc[:, position]
        if isinstance(values.dtype, pd.CategoricalDtype):
            values = values.astype(object).map(str, na_action="ignore")
        elif isinstance(values.dtype, pd.DatetimeTZDtype):
            values = values.dt.tz_localize(None)
        if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
            values = values.map(_excel_text, na_action="ignore")
        frame.isetitem(position, values)
    return frame


def _excel_text(value: Any) -> Any:
    """Strip the control characters that Excel refuses inside text."""
    return _EXCEL_ILLEGAL.sub("", value) if isinstance(value, str) else value


def _keep_formulas_as_text(sheet: Any, frame: pd.DataFrame) -> None:
    """Mark text cells and column names that start with ``=`` as text (not formulas)."""
    for position, name in enumerate(frame.columns):
        if str(name).startswith("="):
            sheet.cell(row=1, column=position + 1).data_type = "s"
    for position in range(frame.shape[1]):
        values = frame.iloc[:, position]
        if not (values.dtype == object or pd.api.types.is_string_dtype(values.dtype)):
            continue
        starts = values.map(lambda v: isinstance(v, str) and v.startswith("="))
        for row in np.flatnonzero(starts.to_numpy(dtype=bool)):
            sheet.cell(row=int(row) + 2, column=position + 1).data_type = "s"


def table_to_csv(table: pd.DataFrame, *, language: str = "en") -> bytes:
    r"""Write a table as CSV bytes that Excel opens with accents intact.

    The text is UTF-8 preceded by a byte-order mark (BOM). Without the BOM, Excel on Windows
    reads a CSV file in the machine's legacy code page (Windows-1252 in Spain and the
    Americas), so ``Atención`` shows as ``AtenciÃ³n``; with it, Excel and pandas
    (``encoding="utf-8-sig"``, or plain ``utf-8`` which keeps it as ``\ufeff``) read UTF-8.
    Rows end with CRLF (RFC 4180). A named index is written as columns; missing values are
    empty fields.

    Parameters
    ----------
    table : DataFrame
        The table; it is not modified.
    language : {"en", "es"}, default "en"
        ``en``: comma-separated fields, point decimals. ``es``: semicolon-separated fields
        and comma decimals, which is what Excel expects when Windows is set to Spanish (it
        would put a comma-separated row into a single column there).

    Returns
    -------
    bytes
        The CSV file, starting with the BOM ``b"\xef\xbb\xbf"``.

    Raises
    ------
    ExportError
        If ``table`` is not a DataFrame or ``language`` is not ``en`` or ``es``.

    Notes
    -----
    Text that a spreadsheet would run as a formula is written as text: see
    :func:`csv_safe`, which this function applies to the cells and the column names.

    Examples
    --------
    >>> data = table_to_csv(pd.DataFrame({"momento": ["Atención"], "media": [72.5]}))
    >>> data[:3] == b"\xef\xbb\xbf", data[3:].decode("utf-8")
    (True, 'momento,media\r\nAtención,72.5\r\n')
    >>> table_to_csv(pd.DataFrame({"a": [1.5], "b": ["x"]}), language="es")[3:]
    b'a;b\r\n1,5;x\r\n'
    """
    _validate_table_to_csv(table, language=language)
    decimal, _ = _SEPARATORS[language]
    text = csv_safe(_with_index(table)).to_csv(
        index=False, sep=_CSV_SEPARATORS[language], decimal=decimal, lineterminator="\r\n"
    )
    return text.encode("utf-8-sig")


def csv_safe(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` whose text cannot run as a formula in a spreadsheet.

    Excel, LibreOffice and Google Sheets run a CSV cell that begins with ``=``, ``+``,
    ``-`` or ``@`` as a formula (``=HYPERLINK(...)`` sends data elsewhere), and a leading
    tab or carriage return hides such a start. Following OWASP's advice on CSV injection,
    every text cell, and every column name, that begins with one of these characters gets a
    single quote in front, which spreadsheets show as text. Numbers stay numbers: a numeric
    column's ``-3.5`` is written as it is. A *text* cell ``"-3"`` (a number kept as text, in
    an object or string column) is prefixed too, as OWASP advises: the file cannot tell a
    harmless negative from ``-3+cmd|...``. Every CSV the project writes goes through here.

    Parameters
    ----------
    table : DataFrame
        The table; it is not modified.

    Returns
    -------
    DataFrame
        The same shape and index; text columns as object dtype.

    References
    ----------
    OWASP, "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection

    Examples
    --------
    >>> frame = pd.DataFrame({"=name": ["=1+1", "ok", "-B"], "value": [-3.5, 1.0, 2.0]})
    >>> safe = csv_safe(frame)
    >>> list(safe.columns), safe["'=name"].tolist(), safe["value"].tolist()
    (["'=name", 'value'], ["'=1+1", 'ok', "'-B"], [-3.5, 1.0, 2.0])
    """
    if not isinstance(table, pd.DataFrame):
        message = Message("export.takes_a_frame", function="csv_safe", kind=type(table).__name__)
        raise ExportError(message)
    frame = table.copy()
    frame.columns = [_csv_text(name) for name in frame.columns]
    for position in range(frame.shape[1]):
        values = frame.iloc[:, position]
        if isinstance(values.dtype, pd.CategoricalDtype):
            values = values.astype(object)
        elif not (values.dtype == object or pd.api.types.is_string_dtype(values.dtype)):
            continue
        frame.isetitem(position, values.astype(object).map(_csv_text, na_action="ignore"))
    return frame


def _csv_text(value: Any) -> Any:
    """A text value with a single quote in front when it would start a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _validate_table_to_csv(table: pd.DataFrame, *, language: str) -> None:
    _validate_language(language)
    if not isinstance(table, pd.DataFrame):
        message = Message("export.writes_a_frame", kind=type(table).__name__)
        raise ExportError(message)


# --- file names and bundles ---------------------------------------------------------------

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip entry can say: the same bytes each time


def file_name(title: str, extension: str) -> str:
    """A file name made from a title in any language: ``Curva emocional`` → ``curva_emocional.png``.

    Accents are removed, letters lowered, and every run of other characters becomes ``_``,
    so the name is plain ASCII and safe on every system.

    Parameters
    ----------
    title : str
        The chart's or table's title, as the report shows it.
    extension : str
        The extension without the dot (``png``, ``svg``, ``csv``).

    Returns
    -------
    str
        The file name.

    Raises
    ------
    ExportError
        If the title has no letter or digit, or the extension is not letters and digits.

    Examples
    --------
    >>> file_name("Curva emocional", "png"), file_name("Importancia–desempeño", "csv")
    ('curva_emocional.png', 'importancia_desempeno.csv')
    """
    _validate_file_name(title, extension)
    return f"{_stem(title)}.{extension.lower()}"


def _stem(title: str) -> str:
    """``title`` without accents, lower case, other characters as single ``_``."""
    plain = strip_accents(title).lower()
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")


def _validate_file_name(title: Any, extension: Any) -> None:
    """Raise a typed error unless a title and an extension can make a file name."""
    if not isinstance(title, str) or not _stem(title):
        message = Message("export.title", title=repr(title))
        raise ExportError(message)
    if not isinstance(extension, str) or not re.fullmatch(r"[A-Za-z0-9]{1,8}", extension):
        message = Message("export.extension", extension=extension)
        raise ExportError(message)


def zip_files(files: Mapping[str, bytes]) -> bytes:
    """Bundle files into one zip archive, in the order given.

    Entries are compressed (deflate) and dated 1980-01-01, so the same files always give
    the same bytes.

    Parameters
    ----------
    files : mapping of str to bytes
        File name → content. Names are plain names (no folders, no ``..``).

    Returns
    -------
    bytes
        The zip archive (it starts with ``PK``).

    Raises
    ------
    ExportError
        If there is no file, a name is not a plain file name, or a content is not bytes.

    Examples
    --------
    >>> import zipfile
    >>> data = zip_files({"informe.html": b"<p>hola</p>", "embudo.csv": b"a,b"})
    >>> zipfile.ZipFile(io.BytesIO(data)).namelist()
    ['informe.html', 'embudo.csv']
    """
    _validate_zip_files(files)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, bytes(content))
    return buffer.getvalue()


def _validate_zip_files(files: Any) -> None:
    """Raise a typed error unless ``files`` maps plain file names to bytes."""
    if not isinstance(files, Mapping) or not files:
        raise ExportError(Message("export.zip_empty"))
    for name, content in files.items():
        plain = isinstance(name, str) and name not in ("", ".", "..")
        if not plain or "/" in name or "\\" in name or "\x00" in name:
            message = Message("export.zip_name", name=repr(name))
            raise ExportError(message)
        if not isinstance(content, bytes | bytearray):
            message = Message("export.zip_content", name=name, kind=type(content).__name__)
            raise ExportError(message)


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


def _validate_report(report: Report) -> None:
    """Raise a typed error unless ``report`` is well formed."""
    _validate_language(report.language)
    for name in ("title", "subtitle", "generated"):
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
    _validate_format_number(0, "en", decimals)


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
        svg = _render(chart, "svg", language=language, where=where)
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
    frame = _with_index(table)
    total = len(frame)
    shown = frame if max_rows is None else frame.iloc[:max_rows]
    columns = [shown.iloc[:, position] for position in range(shown.shape[1])]
    numeric = [_is_numeric(column) for column in columns]
    formatters = [_cell_formatter(column, language, decimals) for column in columns]
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


def _is_numeric(column: pd.Series) -> bool:
    dtype = column.dtype
    return pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)


def _num_class(is_numeric: bool) -> str:
    return ' class="num"' if is_numeric else ""


def _cell_formatter(column: pd.Series, language: str, decimals: int) -> Callable[[Any], str]:
    """How to write each value of ``column`` (see :meth:`Report.to_html`)."""
    places = decimals
    if pd.api.types.is_integer_dtype(column.dtype):
        places = 0
    elif pd.api.types.is_float_dtype(column.dtype):
        values = column.to_numpy(dtype="float64", na_value=np.nan)
        finite = values[np.isfinite(values)]
        if finite.size and np.all(finite == np.round(finite)):
            places = 0
        elif finite.size and np.all(np.abs(finite) <= 1):
            places = max(decimals, 3)

    def write(value: Any) -> str:
        return _cell_text(value, language, places)

    return write


def _cell_text(value: Any, language: str, places: int) -> str:
    """One table cell as text."""
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, numbers.Integral):
        return format_number(value, language, 0)
    if isinstance(value, numbers.Real):
        value = float(value)
        smallest = 10.0**-places
        if value != 0 and abs(value) < smallest / 2:
            bound = format_number(smallest, language, places)
            return f"< {bound}" if value > 0 else f"> -{bound}"
        return format_number(value, language, places)
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    return str(value)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)
