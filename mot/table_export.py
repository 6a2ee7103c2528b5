"""Numbers, tables and files for download: number formats, Excel, CSV, file names, zips.

Numbers are written the English (``1,234.5``) or Spanish (``1.234,5``) way
(:func:`format_number`); tables go to Excel (:func:`tables_to_excel`) or CSV
(:func:`table_to_csv`, made safe for spreadsheets by :func:`csv_safe`); downloads are named
after their titles in their language (:func:`file_name`) and bundled by :func:`zip_files`.
The functions are also read from :mod:`mot.report`.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from mot._export import validate_language, validate_number, with_index
from mot._text import strip_accents
from mot.errors import ExportError
from mot.messages import Message

EXCEL_MAX_ROWS = 1_048_576
"""Rows in an Excel worksheet, the header row included."""

EXCEL_MAX_COLUMNS = 16_384
"""Columns in an Excel worksheet."""

_SEPARATORS = {"en": (".", ","), "es": (",", ".")}  # language -> (decimal, thousands)
_CSV_SEPARATORS = {"en": ",", "es": ";"}
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_EXCEL_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


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
    validate_number(x, language, decimals)
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
        frame = with_index(table)
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


def _excel_frame(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` that openpyxl writes faithfully."""
    frame = with_index(table)
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
    text = csv_safe(with_index(table)).to_csv(
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
    validate_language(language)
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
