"""The data rows of delimited text, read by pyarrow's streaming CSV reader.

:func:`read_rows` streams the rows after the header rows with ``pyarrow.csv.open_csv`` (one
thread, so that a row pyarrow cannot take comes with its number) and collects each record
batch: numbers as numpy chunks (int16/float32 where they fit, in a compact read), text as
Arrow chunks; the frame is put together one column at a time. pyarrow infers the types from
its first block; what is ours:

* a number is a number as written: a column whose cells in the sample are not all numbers
  (``0x10``, ``nan``, ``inf``, which pyarrow would parse) stays text, and so do dates and
  times; a later value that does not fit its column's type widens that column
  (int64 → float64 → text) and the file is streamed again;
* rows with too many or too few fields (pyarrow's ``invalid_row_handler`` gives their number
  and text) are split with the csv module and put back in their place, padded; fields beyond
  the header add columns;
* a row longer than pyarrow's 1 MB block (a long text cell) is read with 16 MB blocks.

Bytes that are not in the file's encoding raise :class:`NotInEncoding`.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from mot.io._common import number_pattern
from mot.io.compact import COMPACT_READ, COMPACTED, SMALL_DTYPES, fits_small, release_memory

# The csv module refuses fields over 131,072 characters: let it split a row with a long cell,
# so that the cell is measured and refused on its own.
csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))

_INTEGER = re.compile(r"-?\d{1,18}", re.ASCII)  # pyarrow reads "+3" as a float
_LONG_ROW_BLOCK: Final = 1 << 24  # holds a row with a cell at the limit, even in 4-byte UTF-8
_MAX_RETYPES: Final = 12
_CONSOLIDATE_BYTES: Final = 4 << 20  # frames below this are copied into one block per dtype
_ARROW_ERRORS: Final = (pa.ArrowException, UnicodeDecodeError, ValueError)
_CONVERSION_ERROR = re.compile(
    r"In CSV column #(\d+): (?:Row #\d+: )?CSV conversion error to (\w+): invalid value '(.*)'",
    re.DOTALL,
)

Stream = Callable[[], pa.NativeFile]
"""Opens the data rows afresh (each attempt reads them from the start)."""


class NotInEncoding(Exception):
    """The data holds bytes that are not in the encoding it was read with."""


class _AsText(Exception):
    """Columns to read again as text (dates, times, cells that are not numbers as written)."""

    def __init__(self, types: dict[str, Any]) -> None:
        super().__init__(sorted(types))
        self.types = types


@dataclass(frozen=True)
class RowPlan:
    """How pyarrow reads the data rows.

    Attributes
    ----------
    delimiter, decimal, codec : str
        The dialect: field delimiter, decimal mark, the codec of the bytes.
    width : int
        Columns the header names.
    sample_rows : sequence of sequence of str
        The data rows of the sample, as the csv module split them (the type check).
    block_size : int or None
        Bytes per parsed block; None: pyarrow's default (1 MB).
    """

    delimiter: str
    decimal: str
    codec: str
    width: int
    sample_rows: Sequence[Sequence[str]] = ()
    block_size: int | None = None

    def options(
        self, types: dict[str, Any], invalid: list[tuple[int, str]], width: int = 0
    ) -> dict[str, Any]:
        """Pyarrow's options for ``width`` columns (default the header's).

        Rows with another number of fields are skipped and listed in ``invalid``.
        """

        def skip(row: Any) -> str:
            invalid.append((row.number, row.text))
            return "skip"

        convert = pacsv.ConvertOptions(
            null_values=[""],
            strings_can_be_null=True,
            quoted_strings_can_be_null=True,
            true_values=[],
            false_values=[],
            decimal_point=self.decimal,
            column_types=types,
        )
        parse = pacsv.ParseOptions(
            delimiter=self.delimiter,
            quote_char='"',
            double_quote=True,
            newlines_in_values=True,
            ignore_empty_lines=False,
            invalid_row_handler=skip,
        )
        read = pacsv.ReadOptions(
            column_names=[f"f{j}" for j in range(width or self.width)],  # the header's, not row 1's
            encoding=self.codec,
            block_size=self.block_size,
            use_threads=False,  # the row numbers of invalid rows are known only without threads
        )
        return {"read_options": read, "parse_options": parse, "convert_options": convert}


@dataclass(frozen=True)
class Rows:
    """The data rows read: the frame, and the rows pyarrow could not take.

    Attributes
    ----------
    frame : pandas.DataFrame
        Columns by position (0, 1, ...); ``attrs[COMPACTED]`` by position in a compact read.
    invalid : tuple of (int, list of str)
        1-based data row and fields of each row whose field count is not the header's.
    """

    frame: pd.DataFrame
    invalid: tuple[tuple[int, list[str]], ...] = ()


def read_rows(stream: Stream, plan: RowPlan) -> Rows:
    """Read the data rows with pyarrow.

    Raises
    ------
    NotInEncoding
        Bytes that are not in ``plan.codec``.
    pyarrow.ArrowException, ValueError
        Anything else pyarrow could not read (``read_table`` turns it into a message).
    """
    try:
        return _typed_rows(stream, plan)
    except _ARROW_ERRORS as err:
        message = str(err)
        if "Empty CSV" in message and _is_empty(stream):
            empty = {j: pd.Series(dtype=object) for j in range(plan.width)}
            return Rows(pd.DataFrame(empty))
        if plan.block_size or not ("straddling" in message or "Empty CSV" in message):
            raise
    # a row over pyarrow's 1 MB block (a long cell): larger blocks, still streamed
    return _typed_rows(stream, replace(plan, block_size=_LONG_ROW_BLOCK))


def _typed_rows(stream: Stream, plan: RowPlan) -> Rows:
    """Stream the rows; widen a column and stream again while a value does not fit its type.

    After :data:`_MAX_RETYPES` widenings, or a conversion error that widening does not
    explain, the file is read whole with pyarrow's inference over every row.
    """
    types: dict[str, Any] = {}
    whole = False
    for attempt in range(2 * _MAX_RETYPES):
        read = _inferred_columns if whole else _streamed_columns
        try:
            sink, invalid = read(stream, plan, types)
            return _with_invalid_rows(sink, invalid, plan, types)
        except _AsText as found:
            types = {**types, **found.types}
        except _ARROW_ERRORS as err:
            if "invalid UTF8" in str(err) or "CSV parse error" in str(err):
                # a string not in UTF-8, or a row the handler could not be given (its text
                # is not UTF-8 either)
                raise NotInEncoding from err
            if "conversion error" not in str(err):
                raise
            widened = _retyped(str(err), types, plan.decimal)
            if widened is None and whole:
                raise
            whole = whole or widened is None or attempt >= _MAX_RETYPES
            types = widened or types
        # A failed attempt's batches sit in reference cycles (traceback): free them now, not
        # at some later gc pass, so that attempts do not add up in memory.
        gc.collect()
        release_memory()
    raise ValueError("the column types did not settle")  # pragma: no cover


def _is_empty(stream: Stream) -> bool:
    """No data rows at all: nothing but line breaks and spaces after the header."""
    with stream() as handle:
        while chunk := handle.read(1 << 16):
            if chunk.strip():
                return False
    return True


def _retyped(message: str, types: dict[str, Any], decimal: str) -> dict[str, Any] | None:
    """The column types with the one named in a conversion error widened, or None.

    A later value that does not fit the type inferred from the first block (a don't-know
    text in a rating column, a decimal in an integer column) widens that column as pyarrow's
    own inference over the whole file would (int64 → float64 → text), so the file is streamed
    again instead of being read whole into memory.
    """
    found = _CONVERSION_ERROR.search(message)
    if found is None:
        return None
    column, target, value = f"f{found.group(1)}", found.group(2), found.group(3)
    number = number_pattern(decimal)
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


def _streamed_columns(
    stream: Stream, plan: RowPlan, types: dict[str, Any]
) -> tuple[_Columns, list[tuple[int, str]]]:
    invalid: list[tuple[int, str]] = []
    options = plan.options(types, invalid)
    with stream() as handle, _quiet(options):
        reader = pacsv.open_csv(handle, **options)
        _check_types(reader.schema, plan, types)
        sink = _Columns()
        for batch in reader:
            sink.add(batch)
    return sink, invalid


def _inferred_columns(
    stream: Stream, plan: RowPlan, types: dict[str, Any]
) -> tuple[_Columns, list[tuple[int, str]]]:
    """The whole file at once, pyarrow inferring each type from every row (more memory)."""
    invalid: list[tuple[int, str]] = []
    options = plan.options(types, invalid)
    with stream() as handle, _quiet(options):
        table = pacsv.read_csv(handle, **options)
    _check_types(table.schema, plan, types)
    sink = _Columns()
    for batch in table.to_batches():
        sink.add(batch)
    return sink, invalid


@contextlib.contextmanager
def _quiet(options: dict[str, Any]) -> Iterator[None]:
    """Keep off stderr pyarrow's report of a row it could not hand to the handler.

    A row whose text is not UTF-8 cannot be handed over: pyarrow reports it as an
    "unraisable" error of the handler, then fails the read, which is handled
    (:class:`NotInEncoding`). Other unraisable errors go to the previous hook.
    """
    handler = options["parse_options"].invalid_row_handler
    previous = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        if unraisable.object is not handler:
            previous(unraisable)

    sys.unraisablehook = hook
    try:
        yield
    finally:
        sys.unraisablehook = previous


def _check_types(schema: pa.Schema, plan: RowPlan, types: dict[str, Any]) -> None:
    """Raise :class:`_AsText` for columns to read as text; NotInEncoding for bytes."""
    if any(pa.types.is_binary(t) or pa.types.is_large_binary(t) for t in schema.types):
        raise NotInEncoding
    number = number_pattern(plan.decimal)
    found = {}
    for j, (name, kind) in enumerate(zip(schema.names, schema.types, strict=True)):
        if name in types:
            continue
        if pa.types.is_temporal(kind):
            found[name] = pa.large_string()
        elif pa.types.is_integer(kind) or pa.types.is_floating(kind):
            cells = [row[j].strip() for row in plan.sample_rows if j < len(row) and row[j] != ""]
            wanted = _sampled_type(cells, kind, number)
            if wanted is not None:
                found[name] = wanted
    if found:
        raise _AsText(found)


def _sampled_type(cells: list[str], kind: Any, number: re.Pattern[str]) -> Any:
    """The type the sample's cells call for if pyarrow's ``kind`` is wider than written."""
    if not all(number.fullmatch(cell) for cell in cells):
        return pa.large_string()
    if pa.types.is_integer(kind) and not all(_INTEGER.fullmatch(cell) for cell in cells):
        return pa.float64()
    return None


def _with_invalid_rows(
    sink: _Columns, invalid: list[tuple[int, str]], plan: RowPlan, types: dict[str, Any]
) -> Rows:
    """Put the rows pyarrow skipped back in their place, typed as their columns."""
    if not invalid:
        return Rows(sink.frame())
    fields = [(number, _split(text, plan.delimiter)) for number, text in invalid]
    width = max(plan.width, *(used_width(row) for _, row in fields))
    data = _rewrite_csv([row for _, row in fields], width, plan.delimiter)
    known = {**sink.arrow_types(), **types}
    options = replace(plan, codec="utf-8", block_size=max(2 * len(data), 1 << 20)).options
    table = pacsv.read_csv(pa.BufferReader(pa.py_buffer(data)), **options(known, [], width))
    _check_types(table.schema, replace(plan, sample_rows=()), known)
    main_rows = sink.rows
    for batch in table.to_batches():
        sink.add(batch)
    order = np.empty(sink.rows, dtype=np.int64)
    skipped = np.zeros(sink.rows, dtype=bool)
    skipped[[number - 1 for number, _ in fields]] = True
    order[~skipped] = np.arange(main_rows)
    order[skipped] = np.arange(main_rows, sink.rows)
    return Rows(sink.frame(order), tuple(fields))


def _split(text: str, delimiter: str) -> list[str]:
    """The fields of one row as pyarrow gave it (quoted cells may hold line breaks)."""
    return next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])


def used_width(row: Sequence[str]) -> int:
    """Fields up to the last non-empty one (a trailing delimiter adds nothing)."""
    width = len(row)
    while width and row[width - 1] == "":
        width -= 1
    return width


def _rewrite_csv(rows: list[list[str]], width: int, delimiter: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quotechar='"', lineterminator="\r\n")
    for row in rows:
        row = row[:width]
        writer.writerow(row + [""] * (width - len(row)))
    return out.getvalue().encode("utf-8")


class _Columns:
    """Record batches collected by column: numbers as numpy chunks, other columns as arrow.

    A compact read keeps a chunk of whole numbers in int16/float32 when every value fits;
    a column with a chunk that does not fit (``wide``) is put together in its normal dtype.
    A column that first appears after some rows (fields beyond the header in a ragged row)
    starts with that many missing values.
    """

    def __init__(self) -> None:
        self.rows = 0
        self.chunks: dict[int, list[Any]] = {}  # an int chunk: that many missing values
        self.text: dict[int, Any] = {}  # arrow type of the text columns
        self.floats: set[int] = set()  # number columns with a float chunk (or missing values)
        self.wide: set[int] = set()  # number columns with a chunk beyond the small dtype
        self.compact = COMPACT_READ.get()

    def add(self, batch: pa.RecordBatch) -> None:
        """Add a batch's columns (by position) below the rows collected so far."""
        for i, column in enumerate(batch.columns):
            chunks = self.chunks.setdefault(i, [self.rows] if self.rows else [])
            kind = column.type
            if pa.types.is_integer(kind) or pa.types.is_floating(kind):
                chunks.append(self._numbers(i, column.to_numpy(zero_copy_only=False)))
            elif pa.types.is_null(kind):
                chunks.append(len(column))
            else:
                self.text.setdefault(i, kind)
                chunks.append(column)
        self.rows += batch.num_rows

    def _numbers(self, i: int, values: np.ndarray) -> np.ndarray:
        if values.dtype.kind == "f":
            self.floats.add(i)
        if not self.compact or i in self.wide:
            # a copy, not a view of the batch: the batch's Arrow memory is then reused for
            # the next batch instead of being held until the frame is put together
            return values if values.flags.owndata else values.copy()
        if fits_small(values, values.dtype):
            return values.astype(SMALL_DTYPES[values.dtype.kind])
        self.wide.add(i)
        return values if values.flags.owndata else values.copy()

    def arrow_types(self) -> dict[str, Any]:
        """The arrow type of each column read so far (``f0``, ...), except all-missing ones."""
        types = {f"f{i}": kind for i, kind in self.text.items()}
        for i, chunks in self.chunks.items():
            if i not in self.text and any(not isinstance(c, int) for c in chunks):
                types[f"f{i}"] = pa.float64() if i in self.floats else pa.int64()
        return types

    def frame(self, order: np.ndarray | None = None) -> pd.DataFrame:
        """The frame, rows in ``order`` (positions among the rows as added) if given."""
        columns: dict[int, Any] = {}
        compacted: dict[int, np.dtype] = {}
        for i in sorted(self.chunks):
            columns[i], normal = self._column(self.chunks.pop(i), i, order)
            if normal is not None and columns[i].dtype != normal:
                compacted[i] = normal
            release_memory()  # the column's chunks: freed, and handed back before the next
        # Small frames (a few thousand rows) get one block per dtype, for fast row access;
        # the copy that costs is not paid on a file whose size matters.
        small = sum(s.memory_usage(deep=False) for s in columns.values()) < _CONSOLIDATE_BYTES
        frame = pd.DataFrame(columns, copy=small)
        if compacted:  # by position: the caller names the columns
            frame.attrs[COMPACTED] = compacted
        return frame

    def _column(
        self, chunks: list[Any], i: int, order: np.ndarray | None
    ) -> tuple[pd.Series, np.dtype | None]:
        if i in self.text:
            kind = self.text[i]
            arrays = [pa.nulls(c, kind) if isinstance(c, int) else c.cast(kind) for c in chunks]
            text = pa.chunked_array(arrays, type=kind)
            return (text if order is None else text.take(order)).to_pandas(), None
        if all(isinstance(c, int) for c in chunks):
            return pd.Series(np.full(self.rows, np.nan), copy=False), None
        floats = i in self.floats or any(isinstance(c, int) for c in chunks)
        normal = np.dtype(np.float64 if floats else np.int64)
        dtype = normal if not self.compact or i in self.wide else SMALL_DTYPES[normal.kind]
        values = np.empty(self.rows, dtype=dtype)
        start = 0
        for chunk in chunks:
            n = chunk if isinstance(chunk, int) else len(chunk)
            values[start : start + n] = np.nan if isinstance(chunk, int) else chunk
            start += n
        chunks.clear()
        return pd.Series(values if order is None else values[order], copy=False), normal
