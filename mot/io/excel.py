"""Excel workbooks (``.xlsx``), read with openpyxl.

The first rows of the sheet may have a survey tool's header layout (:mod:`mot.io.headers`);
formulas whose result the file does not hold read as empty, with a warning naming the cells.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from typing import Any, Final

import pandas as pd

from mot.errors import UnreadableFileError
from mot.io._common import RESAVE, short_listing, shorten
from mot.io.cells import clean_objects
from mot.io.headers import column_letter, detect_header, duplicate_issues, name_notes, unique_names
from mot.io.sources import Source
from mot.io.table import RawTable
from mot.messages import Message
from mot.validation import ReportBuilder, ReportEntry


def read_xlsx(src: Source, sheet: str | int | None) -> RawTable:
    """Read a worksheet of an ``.xlsx`` workbook (default the first) into a :class:`RawTable`."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(src.handle(), read_only=True, data_only=True)
    except Exception as err:
        message = Message(
            "file.xlsx_unopenable",
            name=src.display,
            error=type(err).__name__,
            detail=shorten(str(err)),
            fix=RESAVE,
        )
        raise UnreadableFileError(message) from err
    try:
        worksheet = _pick_sheet(book, sheet, src)
        worksheet.reset_dimensions()
        cells = [list(row) for row in worksheet.iter_rows(values_only=True)]
        title = worksheet.title
        sheet_xml = getattr(worksheet, "_worksheet_path", None)  # its part in the zip
    finally:
        book.close()
    return _table_from_cells(cells, src, title, _formulas_to_report(src, sheet_xml))


def _formulas_to_report(src: Source, member: str | None) -> list[tuple[int, int]]:
    """Formula cells without a saved result; none if the sheet's XML cannot be scanned.

    openpyxl has already read the workbook, so a failure here is unexpected: the values it
    read are kept rather than the file refused.
    """
    try:
        return _unsaved_formulas(src, member) if _has_formulas(src, member) else []
    except (KeyError, OSError, ValueError, SyntaxError, zipfile.BadZipFile):
        return []


_FORMULA_ELEMENT: Final = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _has_formulas(src: Source, member: str | None) -> bool:
    """Whether the worksheet's XML holds a formula at all (a quick scan of its bytes)."""
    if member is None:  # pragma: no cover - openpyxl's read-only sheets know their part
        return False
    with zipfile.ZipFile(src.handle()) as archive, archive.open(member) as handle:
        tail = b""
        while chunk := handle.read(1 << 20):
            if _FORMULA_ELEMENT.search(tail + chunk):
                return True
            tail = chunk[-16:]
    return False


def _unsaved_formulas(src: Source, member: str | None) -> list[tuple[int, int]]:
    """(row, column) positions, 0-based, of formulas whose result the file does not hold.

    openpyxl reads the result saved with a formula (``data_only``); a workbook written by a
    program rather than saved by Excel may have none, which reads as an empty cell. A cell
    ``<c><f>…</f></c>`` without a ``<v>`` value (or an empty one that is not a text result,
    ``t="str"``) has none.
    """
    from openpyxl.xml.functions import iterparse  # defusedxml when installed, as openpyxl

    if member is None:  # pragma: no cover - openpyxl's read-only sheets know their part
        return []
    out: list[tuple[int, int]] = []
    row = col = 0
    with zipfile.ZipFile(src.handle()) as archive, archive.open(member) as handle:
        for event, element in iterparse(handle, events=("start", "end")):
            tag = element.tag.rsplit("}", 1)[-1]
            if event == "start" and tag == "row":
                row, col = int(element.get("r", row + 1)), 0
            elif event == "end" and tag == "c":
                ref = element.get("r")
                col = _ref_column(ref) if ref else col + 1
                if _formula_without_value(element):
                    out.append((row - 1, col - 1))
                element.clear()
            elif event == "end" and tag == "row":
                element.clear()
    return out


def _ref_column(ref: str) -> int:
    """1-based column of a cell reference such as ``AB12``."""
    n = 0
    for char in ref:
        if not char.isalpha():
            break
        n = n * 26 + ord(char.upper()) - 64
    return n


def _formula_without_value(cell: Any) -> bool:
    children = {child.tag.rsplit("}", 1)[-1]: child for child in cell}
    if "f" not in children:
        return False
    value = children.get("v")
    return (value is None or not value.text) and cell.get("t") != "str"


def _formula_issues(
    unsaved: list[tuple[int, int]], skip: int, names: Sequence[str]
) -> list[ReportEntry]:
    """One warning per column with formulas (below the header rows) that have no result."""
    by_column: dict[int, list[int]] = {}
    for i, j in unsaved:
        if i >= skip:
            by_column.setdefault(j, []).append(i)
    log = ReportBuilder()
    for j, rows in sorted(by_column.items()):
        letter = column_letter(j)
        refs = short_listing([f"{letter}{i + 1}" for i in rows])
        code = "cells.unsaved_formulas" if len(rows) > 1 else "cells.unsaved_formula"
        column = names[j] if j < len(names) else f"column_{j + 1}"
        log.add("warning", code, {"n": len(rows), "cells": refs}, column=column)
    return log.entries


def _pick_sheet(book: Any, sheet: str | int | None, src: Source) -> Any:
    titles = list(book.sheetnames)
    if sheet is None:
        return book.worksheets[0]
    if isinstance(sheet, int) and 0 <= sheet < len(titles):
        return book.worksheets[sheet]
    if isinstance(sheet, str) and sheet in titles:
        return book[sheet]
    message = Message("file.no_sheet", name=src.display, sheet=sheet, sheets=", ".join(titles))
    raise UnreadableFileError(message)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _table_from_cells(
    cells: list[list[Any]], src: Source, title: str, unsaved: list[tuple[int, int]]
) -> RawTable:
    rows = [_trim_row(row) for row in cells]
    while rows and not rows[-1]:
        rows.pop()
    header = detect_header([[_cell_text(v) for v in row] for row in rows[:40]], 0)
    if header is None:
        message = Message("file.empty_sheet", sheet=title, name=src.display)
        raise UnreadableFileError(message)
    data = rows[header.skip :]
    width = max([len(header.names), *(len(row) for row in data)])
    columns = list(zip(*[row + [None] * (width - len(row)) for row in data], strict=True))
    frame = pd.DataFrame({j: pd.Series(list(col), dtype=object) for j, col in enumerate(columns)})
    if not columns:
        frame = pd.DataFrame({j: pd.Series(dtype=object) for j in range(width)})
    frame = clean_objects(frame)
    names = unique_names(header.raw, width)
    frame.columns = pd.Index(names)
    layout = "xlsx" if header.source_format == "csv" else header.source_format
    notes = [Message("note.xlsx_sheet", sheet=title), header.note]
    notes.extend(name_notes(header.raw, names))
    return RawTable(
        frame=frame,
        labels=header.labels,
        source_format=layout,
        first_data_line=header.skip + 1,
        name=src.name,
        notes=tuple(notes),
        issues=(
            *duplicate_issues(header.raw, names, letters=True),
            *_formula_issues(unsaved, header.skip, names),
        ),
    )


def _trim_row(row: list[Any]) -> list[Any]:
    row = [None if isinstance(v, str) and not v.strip() else v for v in row]
    while row and row[-1] is None:
        row.pop()
    return row
