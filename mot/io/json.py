"""JSON files: an array of records, an object of columns, or JSON lines.

Nested objects become columns ``key.field``; a column of lists is left out and a list among
plain values emptied, each with a warning. Text that only looks like JSON (no ``.json`` name)
is read as CSV instead.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd

from mot.errors import UnreadableFileError
from mot.io._common import EXPORT_AGAIN, shorten
from mot.io.cells import clean_objects, refuse_long_cells
from mot.io.csv import read_csv
from mot.io.encoding import Sample, decode_all
from mot.io.headers import duplicate_issues, unique_names
from mot.io.sources import Source
from mot.io.table import RawTable
from mot.messages import Message
from mot.validation import ReportBuilder, ReportEntry


def read_json(src: Source, sample: Sample) -> RawTable:
    """Read JSON records or JSON lines into a :class:`RawTable`."""
    text, label = decode_all(src.all_bytes(), sample.encoding)
    try:
        records, first_line, note = _json_records(text)
    except ValueError as err:
        if src.suffix not in {".json", ".jsonl", ".ndjson"}:
            return read_csv(src, sample)
        detail = shorten(str(err))
        message = Message("file.bad_json", name=src.display, detail=detail, fix=EXPORT_AGAIN)
        raise UnreadableFileError(message) from err
    if records is None or not any(records):
        message = Message("file.json_not_records", name=src.display, fix=EXPORT_AGAIN)
        raise UnreadableFileError(message)
    frame = pd.json_normalize(records)
    raw_names = [str(c) for c in frame.columns]
    names = unique_names(raw_names)
    frame.columns = pd.Index(names)
    frame, nested = _drop_nested_values(frame, first_line)
    frame, long_cells = refuse_long_cells(clean_objects(frame), first_line, len(text))
    return RawTable(
        frame=frame,
        source_format="json",
        encoding=label,
        first_data_line=first_line,
        name=src.name,
        notes=(note, Message("note.encoding", encoding=label)),
        issues=(*duplicate_issues(raw_names, names), *nested, *long_cells),
    )


def _drop_nested_values(
    frame: pd.DataFrame, first_line: int
) -> tuple[pd.DataFrame, list[ReportEntry]]:
    """Leave out columns of lists; empty a list among plain values; warn for each.

    Lists (and the objects inside them) are not answers; nested objects are already columns
    ``key.field`` (``pandas.json_normalize``).
    """
    log = ReportBuilder()
    drop = []
    for column in frame.columns:
        series = frame[column]
        if series.dtype != object:
            continue
        nested = series.map(lambda v: isinstance(v, list | dict | tuple | set)).to_numpy(bool)
        if not nested.any():
            continue
        if nested.sum() == series.notna().sum():
            log.add("warning", "column.nested", {"kind": Message("kind.json_lists")}, column=column)
            drop.append(column)
            continue
        rows = first_line + np.flatnonzero(nested)
        log.add_rows("warning", rows, column, "cell.list_value")
        frame[column] = series.where(~nested, None)
    return frame.drop(columns=drop), log.entries


def _json_records(text: str) -> tuple[list[dict[str, Any]] | None, int, str]:
    """(records, file row of the first record, note); records is None if not tabular."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        if err.msg != "Extra data":
            raise
        return _json_lines(text)
    return _json_document_records(document), 1, Message("note.json_records")


def _json_document_records(document: Any) -> list[dict[str, Any]] | None:
    if isinstance(document, dict):
        lists = [value for value in document.values() if isinstance(value, list)]
        if len(document) == 1 and lists:
            document = lists[0]
        elif lists and len(lists) == len(document) and len({len(v) for v in lists}) == 1:
            keys = list(document)
            return [dict(zip(keys, values, strict=True)) for values in zip(*lists, strict=True)]
        else:
            document = [document]
    if isinstance(document, list) and all(isinstance(item, dict) for item in document):
        return document
    return None


def _json_lines(text: str) -> tuple[list[dict[str, Any]] | None, int, str]:
    """One object per line; blank lines inside the data are kept as empty records."""
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    records: list[dict[str, Any]] = []
    for line in lines[filled[0] : filled[-1] + 1]:
        item = json.loads(line) if line.strip() else {}
        if not isinstance(item, dict):
            return None, filled[0] + 1, Message("note.json_lines")
        records.append(item)
    return records, filled[0] + 1, Message("note.json_lines_records")
