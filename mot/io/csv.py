"""Delimited text (CSV, ``;``, tab or ``|``): the dialect, then pyarrow reads the rows."""

from __future__ import annotations

import csv
import gc
import io
import queue
import re
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from mot.errors import UnreadableFileError
from mot.io._common import (
    EXPORT_AGAIN,
    NUMBER,
    SAMPLE_BYTES,
    no_table,
    short_listing,
)
from mot.io.cells import refuse_long_cells
from mot.io.compact import COMPACT_READ, COMPACTED, SMALL_DTYPES, fits_small, release_memory
from mot.io.encoding import Encoding, Sample, decode_all
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


class _NeedsFallback(Exception):
    """The fast reader cannot take this file; parse it with the csv module."""


_INTEGER = re.compile(r"-?\d{1,18}", re.ASCII)  # pyarrow reads "+3" as a float


def read_csv(src: Source, sample: Sample) -> RawTable:
    """Read delimited text into a :class:`RawTable` (dialect and header rows sniffed first)."""
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
    if not sample.clean:
        return _slow_csv(src, dialect)
    offset = _byte_offset(sample, records, header.skip)
    plan = _ReadPlan(
        dialect=dialect,
        codec=sample.encoding.codec,
        width=len(header.names),
        types=_column_types(data_rows, len(header.names), dialect.decimal),
        capacity=_row_capacity(src.size() - offset, sample, records, header.skip),
    )
    try:
        frame = _arrow_frame(lambda: src.arrow_stream(offset), plan)
    except _NeedsFallback as err:
        if not _row_over_block(err):
            return _slow_csv(src, dialect)
        try:  # a row over pyarrow's 1 MB block (a long cell): larger blocks, still streamed
            long_rows = replace(plan, block_size=_LONG_ROW_BLOCK)
            frame = _arrow_frame(lambda: src.arrow_stream(offset), long_rows)
        except _NeedsFallback:
            return _slow_csv(src, dialect)
    frame, trimmed = _drop_trailing_empty(frame)
    return _csv_table(src, sample.encoding.label, dialect, header, frame, trimmed, ())


_LONG_ROW_BLOCK: Final = 1 << 24  # holds a row with a cell at the limit, even in 4-byte UTF-8


def _row_over_block(err: _NeedsFallback) -> bool:
    cause = str(err.__cause__ or "")
    return "straddling" in cause or "Empty CSV" in cause


def _no_table(src: Source) -> UnreadableFileError:
    return UnreadableFileError(Message("file.no_table", name=src.display, fix=EXPORT_AGAIN))


def _byte_offset(sample: Sample, records: list[tuple[list[str], int]], skip: int) -> int:
    chars = records[skip - 1][1] if skip else 0
    enc = sample.encoding
    return enc.bom + len(sample.text[:chars].encode(enc.codec))


def _row_capacity(
    remaining: int, sample: Sample, records: list[tuple[list[str], int]], skip: int
) -> int:
    """Generous estimate of the number of data rows (unused capacity is never touched)."""
    n = len(records) - skip
    if n <= 0:
        return 1024
    start = records[skip - 1][1] if skip else 0
    data_bytes = len(sample.text[start : records[-1][1]].encode(sample.encoding.codec))
    return int(remaining / max(data_bytes / n, 1.0) * 1.2) + 1024


def _column_types(rows: Sequence[Sequence[str]], width: int, decimal: str) -> dict[str, Any]:
    """Arrow types from the sampled rows: int64, float64 or text; unknown if all empty."""
    number = re.compile(NUMBER.pattern.replace(r"\.", re.escape(decimal)), re.ASCII)
    types: dict[str, Any] = {}
    for j in range(width):
        values = [row[j].strip() for row in rows if j < len(row) and row[j] != ""]
        if not values:
            continue
        if all(_INTEGER.fullmatch(v) for v in values):
            types[f"f{j}"] = pa.int64()
        elif all(number.fullmatch(v) for v in values):
            types[f"f{j}"] = pa.float64()
        else:
            types[f"f{j}"] = pa.large_string()
    return types


@dataclass(frozen=True)
class _ReadPlan:
    """How pyarrow reads the data rows."""

    dialect: _Dialect
    codec: str
    width: int  # columns the header names
    types: dict[str, Any]  # arrow column types known from the sample ("f0", "f1", ...)
    capacity: int  # rows to reserve
    block_size: int | None = None  # bytes per parsed block; None: pyarrow's default (1 MB)

    def options(self, types: dict[str, Any], include: Sequence[str] = ()) -> dict[str, Any]:
        convert = pacsv.ConvertOptions(
            null_values=[""],
            strings_can_be_null=True,
            quoted_strings_can_be_null=True,
            true_values=[],
            false_values=[],
            decimal_point=self.dialect.decimal,
            column_types=types,
            include_columns=list(include),
        )
        parse = pacsv.ParseOptions(
            delimiter=self.dialect.delimiter,
            quote_char='"',
            double_quote=True,
            newlines_in_values=True,
            ignore_empty_lines=False,
        )
        read = pacsv.ReadOptions(
            autogenerate_column_names=True, encoding=self.codec, block_size=self.block_size
        )
        return {"read_options": read, "parse_options": parse, "convert_options": convert}


_ARROW_ERRORS: Final = (pa.ArrowException, UnicodeDecodeError, ValueError)


def _arrow_frame(stream: Callable[[], pa.NativeFile], plan: _ReadPlan) -> pd.DataFrame:
    """Read the data rows with pyarrow; raise _NeedsFallback if it cannot take the file.

    Record batches are streamed into preallocated numpy arrays, so the peak memory stays
    close to the size of the frame. If a later value does not fit the type guessed from the
    sample, the file is read again with pyarrow's own type inference.
    """
    types = dict(plan.types)
    sink = None
    for _ in range(_MAX_RETYPES):
        try:
            sink = _stream_columns(stream, replace(plan, types=types))
            break
        except _ARROW_ERRORS as err:
            message = str(err)
            if "Empty CSV" in message and _is_empty(stream):
                return pd.DataFrame({j: pd.Series(dtype=object) for j in range(plan.width)})
            if "Empty CSV" in message:  # a first data row longer than pyarrow's block
                raise _NeedsFallback from err
            if "conversion error" not in message:
                raise _NeedsFallback from err  # ragged rows, a row larger than a block, ...
            retyped = _retyped(message, types, plan.dialect.decimal)
            if retyped is None:
                break
            types = retyped
        # The failed attempt's batches sit in reference cycles (reader thread, traceback):
        # free them now, not at some later gc pass, so attempts do not add up in memory.
        gc.collect()
        release_memory()
    if sink is None:  # a value the streaming reader cannot place: let pyarrow infer all
        sink = _inferred_columns(stream, plan)
    if sink.width != plan.width or sink.has_binary():
        raise _NeedsFallback  # ragged rows, or bytes that are not in the detected encoding
    return sink.frame(lambda names: _reread_as_text(stream, plan, names))


def _is_empty(stream: Callable[[], pa.NativeFile]) -> bool:
    """No data rows at all: nothing but line breaks and spaces after the header."""
    with stream() as handle:
        while chunk := handle.read(1 << 16):
            if chunk.strip():
                return False
    return True


_MAX_RETYPES: Final = 12
_CONVERSION_ERROR = re.compile(
    r"In CSV column #(\d+): (?:Row #\d+: )?CSV conversion error to (\w+): invalid value '(.*)'",
    re.DOTALL,
)


def _retyped(message: str, types: dict[str, Any], decimal: str) -> dict[str, Any] | None:
    """The column types with the one named in a conversion error widened, or None.

    A later value that does not fit the type guessed from the sample (a don't-know text in a
    rating column, a decimal in an integer column) widens that column as pyarrow's own
    inference over the whole file would (int64 → float64 → text), so the file is streamed
    again instead of being read whole into memory.
    """
    found = _CONVERSION_ERROR.search(message)
    if found is None:
        return None
    column, target, value = f"f{found.group(1)}", found.group(2), found.group(3)
    number = re.compile(NUMBER.pattern.replace(r"\.", re.escape(decimal)), re.ASCII)
    if target not in ("null", "int64", "double"):
        return None
    if target == "null" and _INTEGER.fullmatch(value):
        widened = pa.int64()
    elif target != "double" and number.fullmatch(value):
        widened = pa.float64()
    elif not number.fullmatch(value):
        widened = pa.large_string()
    else:
        return None
    return {**types, column: widened}


def _stream_columns(stream: Callable[[], pa.NativeFile], plan: _ReadPlan) -> _Columns:
    with stream() as handle:
        reader = pacsv.open_csv(handle, **plan.options(plan.types))
        sink = _Columns(reader.schema, plan.capacity)
        with _Prefetch(reader) as batches:
            for batch in batches:
                sink.add(batch)
    return sink


class _Prefetch:
    """Iterate a record-batch reader while a helper thread parses the next batches.

    pyarrow's streaming CSV reader parses a block only when asked; parsing the next blocks
    in a thread while this one is copied into numpy overlaps the two. The thread stops and
    is joined when the ``with`` block ends, and its errors are raised here.
    """

    _DONE: Final = object()

    def __init__(self, reader: Any, depth: int = 4) -> None:
        self._reader = reader
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._produce, name="mot-csv-reader", daemon=True)

    def __enter__(self) -> _Prefetch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def __iter__(self) -> Any:
        while True:
            item = self._queue.get()
            if item is self._DONE:
                return
            if isinstance(item, BaseException):
                # Drop this frame's reference before raising: the traceback holds the frame,
                # and the cycle would keep a failed attempt's batches until a gc pass.
                error, item = item, None
                raise error
            yield item

    def _produce(self) -> None:
        try:
            for batch in self._reader:
                if not self._put(batch):
                    return
            self._put(self._DONE)
        except BaseException as err:  # handed over to the consuming thread
            self._put(err)

    def _put(self, item: Any) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.05)
            except queue.Full:
                continue
            return True
        return False


def _inferred_columns(stream: Callable[[], pa.NativeFile], plan: _ReadPlan) -> _Columns:
    text_only = {k: v for k, v in plan.types.items() if v == pa.large_string()}
    try:
        with stream() as handle:
            table = pacsv.read_csv(handle, **plan.options(text_only))
    except _ARROW_ERRORS as err:
        raise _NeedsFallback from err
    sink = _Columns(table.schema, table.num_rows)
    for batch in table.to_batches():
        sink.add(batch)
    return sink


def _reread_as_text(
    stream: Callable[[], pa.NativeFile], plan: _ReadPlan, names: list[str]
) -> dict[str, pa.ChunkedArray]:
    """Dates, times and timestamps stay text, as in the file: read those columns again."""
    try:
        with stream() as handle:
            table = pacsv.read_csv(
                handle, **plan.options(dict.fromkeys(names, pa.large_string()), include=names)
            )
    except _ARROW_ERRORS as err:
        raise _NeedsFallback from err
    return {name: table.column(name) for name in names}


_CONSOLIDATE_BYTES: Final = 4 << 20  # frames below this are copied into one block per dtype


class _Columns:
    """Collect record batches: numbers into numpy arrays, other columns as arrow chunks."""

    def __init__(self, schema: pa.Schema, capacity: int) -> None:
        self.names: list[str] = list(schema.names)
        self.types: list[Any] = list(schema.types)
        self.capacity = max(capacity, 1)
        self.rows = 0
        self.numbers: dict[int, np.ndarray] = {}
        self.chunks: dict[int, list[Any]] = {}
        self.compact = COMPACT_READ.get()
        self.dtypes: dict[int, np.dtype] = {}  # a number column's dtype as read normally

    @property
    def width(self) -> int:
        return len(self.names)

    def has_binary(self) -> bool:
        return any(pa.types.is_binary(t) or pa.types.is_large_binary(t) for t in self.types)

    def add(self, batch: pa.RecordBatch) -> None:
        m = batch.num_rows
        self._reserve(self.rows + m)
        for i, column in enumerate(batch.columns):
            if pa.types.is_integer(column.type) or pa.types.is_floating(column.type):
                self._add_numbers(i, column, m)
            else:
                self.chunks.setdefault(i, []).append(column)
        self.rows += m

    def _add_numbers(self, i: int, column: pa.Array, m: int) -> None:
        values = column.to_numpy(zero_copy_only=False)
        dtype = self.dtypes.get(i, values.dtype)
        if values.dtype.kind == "f" and dtype.kind != "f":
            dtype = np.dtype(np.float64)  # nulls (or decimals) in an int column
        self.dtypes[i] = dtype
        target = self.numbers.get(i)
        want = dtype
        still_small = target is None or target.dtype.itemsize < dtype.itemsize
        if self.compact and still_small and fits_small(values, dtype):
            want = SMALL_DTYPES[dtype.kind]
        if target is None:
            target = self.numbers[i] = np.empty(self.capacity, dtype=want)
        elif target.dtype != want:
            # Only the rows filled so far are copied (int16 → float32/int64, float32 →
            # float64 and int → float are exact), so the reserved but unused capacity is
            # never touched (never resident).
            widened = np.empty(self.capacity, dtype=want)
            widened[: self.rows] = target[: self.rows]
            target = self.numbers[i] = widened
        target[self.rows : self.rows + m] = values

    def _reserve(self, rows: int) -> None:
        if rows <= self.capacity:
            return
        self.capacity = max(rows, int(self.capacity * 1.5))
        for i, old in self.numbers.items():
            grown = np.empty(self.capacity, dtype=old.dtype)
            grown[: self.rows] = old[: self.rows]
            self.numbers[i] = grown

    def frame(self, reread: Callable[[list[str]], dict[str, pa.ChunkedArray]]) -> pd.DataFrame:
        temporal = [self.names[i] for i, t in enumerate(self.types) if pa.types.is_temporal(t)]
        text = reread(temporal) if temporal else {}
        columns: dict[int, Any] = {}
        for i, name in enumerate(self.names):
            columns[i] = text[name].to_pandas() if name in text else self._column(i)
            self.numbers.pop(i, None)
            self.chunks.pop(i, None)
        # Small frames (a few thousand rows) get one block per dtype, for fast row access;
        # the copy that costs is not paid on a file whose size matters.
        small = sum(s.memory_usage(deep=False) for s in columns.values()) < _CONSOLIDATE_BYTES
        frame = pd.DataFrame(columns, copy=small)
        compacted = {
            i: self.dtypes[i] for i, s in columns.items() if s.dtype != self.dtypes.get(i, s.dtype)
        }
        if compacted:  # by position: the caller names the columns
            frame.attrs[COMPACTED] = compacted
        return frame

    def _column(self, i: int) -> Any:
        if i in self.numbers:
            values = self.numbers[i][: self.rows]
            if self.capacity > 2 * self.rows:
                values = values.copy()  # do not keep a mostly unused buffer alive
            return pd.Series(values, copy=False)
        chunks = self.chunks.get(i, [])
        if pa.types.is_null(self.types[i]) or not chunks:
            return pd.Series(np.full(self.rows, np.nan), copy=False)
        return pa.chunked_array(chunks, type=self.types[i]).to_pandas()


def _drop_trailing_empty(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Drop rows at the end that have no value at all; return the frame and how many."""
    n = len(frame)
    if n == 0 or frame.shape[1] == 0 or frame.iloc[n - 1].notna().any():
        return frame, 0
    filled = np.flatnonzero(frame.notna().to_numpy().any(axis=1))
    keep = int(filled[-1]) + 1 if filled.size else 0
    return frame.iloc[:keep].copy(), n - keep


def _slow_csv(src: Source, dialect: _Dialect) -> RawTable:
    """Parse the whole file with the csv module: ragged rows, odd encodings."""
    text, label = decode_all(src.all_bytes(), dialect.encoding)
    try:
        rows = [row for row, _ in _records(text, dialect.delimiter, True, strict=True)]
    except csv.Error as err:
        message = Message("file.not_split", name=src.display, error=str(err), fix=EXPORT_AGAIN)
        raise UnreadableFileError(message) from err
    header = detect_header(rows, 1 if dialect.sep_line else 0)
    if header is None:
        raise no_table(src.display)
    data = rows[header.skip :]
    width = len(header.names)
    full_width = max([width, *(_used_width(row) for row in data)])
    ragged = tuple(header.skip + 1 + i for i, row in enumerate(data) if _is_ragged(row, width))
    data = [row[:full_width] for row in data]
    plan = _ReadPlan(
        dialect=dialect,
        codec="utf-8",
        width=full_width,
        types=_column_types(data, full_width, dialect.decimal),
        capacity=len(data),
        block_size=_block_size(data),
    )
    normalised = _rewrite_csv(data, full_width, dialect.delimiter)
    del rows, data
    frame = _arrow_frame(lambda: pa.BufferReader(pa.py_buffer(normalised)), plan)
    frame, trimmed = _drop_trailing_empty(frame)
    ragged = tuple(row for row in ragged if row <= header.skip + len(frame))
    return _csv_table(src, label, dialect, header, frame, trimmed, ragged)


def _block_size(rows: list[list[str]]) -> int | None:
    """A block that holds the longest row as rewritten (UTF-8, quotes doubled), if over 1 MB."""
    longest = max((sum(map(len, row)) + 3 * len(row) for row in rows), default=0)
    return min(8 * longest + 1024, 2**31 - 1) if 8 * longest >= 1 << 20 else None


def _is_blank_record(row: Sequence[str]) -> bool:
    return len(row) == 0 or (len(row) == 1 and row[0] == "")


def _used_width(row: Sequence[str]) -> int:
    """Fields up to the last non-empty one (a trailing delimiter adds nothing)."""
    width = len(row)
    while width and row[width - 1] == "":
        width -= 1
    return width


def _is_ragged(row: Sequence[str], width: int) -> bool:
    """Too few fields, or extra fields that hold something (empty extras are harmless)."""
    if _is_blank_record(row):
        return False
    return len(row) < width or _used_width(row) > width


def _rewrite_csv(rows: list[list[str]], width: int, delimiter: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quotechar='"', lineterminator="\r\n")
    for row in rows:
        writer.writerow(row + [""] * (width - len(row)))
    return out.getvalue().encode("utf-8")


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
