"""Delimited text (CSV, ``;``, tab or ``|``): the dialect and header rows, then the rows.

The dialect (delimiter, an Excel ``sep=`` line, decimal comma) and the header rows are found
in the first 64 KB, split by the csv module; :mod:`mot.io.csv_rows` then streams the data rows
with pyarrow from the byte after the header rows. A file whose bytes are not all in the
detected encoding is read in the first of it, UTF-8, Windows-1252 and Latin-1 that decodes it
whole. Frame row ``i`` is file row ``first_data_line + i``: pyarrow counts records as the
csv module and spreadsheets do (a quoted cell with line breaks is one row).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import pandas as pd

from mot.errors import UnreadableFileError
from mot.io._common import EXPORT_AGAIN, SAMPLE_BYTES, no_table, short_listing
from mot.io.cells import refuse_long_cells
from mot.io.compact import COMPACTED
from mot.io.csv_rows import NotInEncoding, RowPlan, read_rows, used_width
from mot.io.encoding import Encoding, Sample, fitting_encoding, take_sample
from mot.io.headers import Header, detect_header, duplicate_issues, name_notes, unique_names
from mot.io.sources import Source
from mot.io.table import RawTable
from mot.messages import Message

# The csv module refuses fields over 131,072 characters and would end the whole read there:
# let it parse any field, so that a long cell is measured and refused on its own.
csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))

_SNIFF_RECORDS: Final = 50
_DELIMITERS: Final = (",", ";", "\t", "|")
_DELIMITER_NAMES: Final = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+", re.ASCII)
_DECIMAL_POINT = re.compile(r"[+-]?\d+\.\d+", re.ASCII)
_SEP_LINE = re.compile(r"sep=(.)\s*")


@dataclass(frozen=True)
class _Dialect:
    encoding: Encoding
    delimiter: str
    decimal: str
    sep_line: bool  # an Excel "sep=;" first line


def _detect_delimiter(text: str, complete: bool) -> tuple[str, bool]:
    """Return the delimiter and whether the file starts with an Excel ``sep=`` line."""
    first_line = text.split("\n", 1)[0].split("\r", 1)[0]
    declared = _SEP_LINE.fullmatch(first_line)
    if declared:
        return declared.group(1), True
    scores = {d: _delimiter_score(text, d, complete) for d in _DELIMITERS}
    best = max(scores.values())
    if not best[0]:
        return ",", False
    tied = [d for d in _DELIMITERS if scores[d] == best]
    sniffed = _sniff_delimiter(text)
    return (sniffed if sniffed in tied else tied[0]), False


def _delimiter_score(text: str, delimiter: str, complete: bool) -> tuple[bool, float]:
    """(splits rows into several fields, share of rows with the most common field count).

    Rows split into several fields when the most common count, or the header's, is above 1
    (a file whose data rows are mostly ragged still has a header that splits).
    """
    rows = [row for row, _ in _records(text, delimiter, complete, _SNIFF_RECORDS)]
    filled = [len(row) for row in rows if any(cell.strip() for cell in row)]
    if not filled:
        return False, 0.0
    counts = Counter(filled)
    modal, hits = max(counts.items(), key=lambda item: (item[1], item[0]))
    return max(modal, filled[0]) > 1, round(hits / len(filled), 3)


def _sniff_delimiter(text: str) -> str | None:
    try:
        return csv.Sniffer().sniff(text[:20_000], delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        return None


def _detect_decimal(rows: Sequence[Sequence[str]], delimiter: str) -> str:
    """Decimal comma when ``;``-separated numbers look like ``3,5`` and none like ``3.5``."""
    if delimiter != ";":
        return "."
    cells = [cell.strip() for row in rows for cell in row]
    comma = any(_DECIMAL_COMMA.fullmatch(cell) for cell in cells)
    point = any(_DECIMAL_POINT.fullmatch(cell) for cell in cells)
    return "," if comma and not point else "."


def _records(
    text: str, delimiter: str, complete: bool, limit: int | None = None, *, strict: bool = False
) -> list[tuple[list[str], int]]:
    """Parse records with their end offsets (in characters); drop a cut-off last record.

    A csv error (a cell over the csv module's size limit) ends a sample quietly; with
    ``strict`` it raises ``csv.Error`` instead, so that no row is lost silently.
    """
    consumed = 0

    def lines() -> Any:
        nonlocal consumed
        for line in io.StringIO(text, newline=""):
            consumed += len(line)
            yield line

    out: list[tuple[list[str], int]] = []
    reader = csv.reader(lines(), delimiter=delimiter, quotechar='"', strict=False)
    try:
        for row in reader:
            out.append((row, consumed))
            if limit is not None and len(out) > limit:
                break
    except csv.Error:
        if strict:
            raise
        return out
    if not complete and out and (limit is None or len(out) <= limit):
        out.pop()  # the sample may end inside this record
    return out[:limit] if limit is not None else out


def read_csv(src: Source, sample: Sample) -> RawTable:
    """Read delimited text into a :class:`RawTable` (dialect and header rows sniffed first)."""
    if not sample.clean:  # the sample is not all in the detected encoding
        sample = _in_fitting_encoding(src, sample)
    delimiter, sep_line = _detect_delimiter(sample.text, sample.complete)
    records = _records(sample.text, delimiter, sample.complete)
    rows = [row for row, _ in records]
    header = detect_header(rows, 1 if sep_line else 0)
    if header is None and not sample.complete:
        mb = len(sample.text) >> 20
        message = Message("file.no_line_break", name=src.display, mb=mb, fix=EXPORT_AGAIN)
        raise UnreadableFileError(message)
    if header is None:
        raise no_table(src.display)
    data_rows = rows[header.skip :]
    dialect = _Dialect(sample.encoding, delimiter, _detect_decimal(data_rows, delimiter), sep_line)
    offset = _byte_offset(sample, records, header.skip)
    plan = RowPlan(
        delimiter=delimiter,
        decimal=dialect.decimal,
        codec=sample.encoding.codec,
        width=len(header.names),
        sample_rows=data_rows,
    )
    try:
        read = read_rows(lambda: src.arrow_stream(offset), plan)
    except (NotInEncoding, UnicodeDecodeError) as err:
        fitted = _in_fitting_encoding(src, sample)
        if fitted.encoding == sample.encoding:  # the encoding was not the trouble
            raise (err.__cause__ or err) from err
        return read_csv(src, fitted)
    frame, trimmed = _drop_trailing_empty(read.frame)
    width = len(header.names)
    ragged = tuple(header.skip + n for n, row in read.invalid if _is_ragged(row, width))
    ragged = tuple(row for row in ragged if row <= header.skip + len(frame))
    return _csv_table(src, sample.encoding.label, dialect, header, frame, trimmed, ragged)


def _in_fitting_encoding(src: Source, sample: Sample) -> Sample:
    """The sample again, in the first encoding that decodes the whole file."""
    return take_sample(src, src.head(SAMPLE_BYTES), fitting_encoding(src, sample.encoding))


def _byte_offset(sample: Sample, records: list[tuple[list[str], int]], skip: int) -> int:
    chars = records[skip - 1][1] if skip else 0
    enc = sample.encoding
    return enc.bom + len(sample.text[:chars].encode(enc.codec))


def _drop_trailing_empty(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Drop rows at the end that have no value at all; return the frame and how many."""
    n = len(frame)
    if n == 0 or frame.shape[1] == 0 or frame.iloc[n - 1].notna().any():
        return frame, 0
    filled = np.flatnonzero(frame.notna().to_numpy().any(axis=1))
    keep = int(filled[-1]) + 1 if filled.size else 0
    return frame.iloc[:keep].copy(), n - keep


def _is_ragged(row: Sequence[str], width: int) -> bool:
    """Too few fields, or extra fields that hold something (empty extras are harmless)."""
    if len(row) == 0 or (len(row) == 1 and row[0] == ""):
        return False  # a blank line
    return len(row) < width or used_width(row) > width


def _csv_table(
    src: Source,
    encoding: str,
    dialect: _Dialect,
    header: Header,
    frame: pd.DataFrame,
    trimmed: int,
    ragged: tuple[int, ...],
) -> RawTable:
    names = unique_names(header.raw, frame.shape[1])
    positions = list(frame.columns)
    frame.columns = pd.Index(names)
    if COMPACTED in frame.attrs:  # recorded by position
        where = {position: j for j, position in enumerate(positions)}
        by_position = frame.attrs[COMPACTED]
        frame.attrs[COMPACTED] = {names[where[p]]: d for p, d in by_position.items() if p in where}
    frame, long_cells = refuse_long_cells(frame, header.skip + 1, src.size())
    notes = [header.note, Message("note.encoding", encoding=encoding)]
    name = Message(f"delimiter.{_DELIMITER_NAMES[dialect.delimiter]}")
    notes.append(Message("note.delimiter", symbol=repr(dialect.delimiter), name=name))
    if dialect.sep_line:
        notes.append(Message("note.sep_line", delimiter=dialect.delimiter))
    if dialect.decimal == ",":
        notes.append(Message("note.decimal_comma"))
    notes.extend(_line_ending_notes(src))
    notes.extend(name_notes(header.raw, names))
    if ragged:
        notes.append(Message("note.ragged", n=len(ragged), rows=short_listing(ragged)))
    if trimmed:
        notes.append(Message("note.trimmed", n=trimmed))
    return RawTable(
        frame=frame,
        labels=header.labels,
        source_format=header.source_format,
        encoding=encoding,
        delimiter=dialect.delimiter,
        decimal=dialect.decimal,
        first_data_line=header.skip + 1,
        name=src.name,
        notes=tuple(notes),
        ragged_rows=ragged,
        issues=(*duplicate_issues(header.raw, names), *long_cells),
    )


def _line_ending_notes(src: Source) -> list[str]:
    head = src.head(SAMPLE_BYTES)
    crlf = head.count(b"\r\n")
    cr_only = head.count(b"\r") - crlf
    if cr_only and cr_only > head.count(b"\n"):
        return [Message("note.cr_only")]
    return []
