"""Read a survey or data file into a :class:`RawTable`.

One entry point, :func:`read_table`, takes a path, the bytes of an upload or a binary file
object and works out what the file is from its content (the file name only breaks ties):

* delimited text (CSV, ``;``, tab or ``|``) in UTF-8 (with or without BOM), UTF-16 or a legacy
  single-byte encoding such as Windows-1252, with any line endings, decimal commas and
  ragged rows;
* the header layouts of survey tools: Qualtrics (three header rows, or the legacy two),
  SurveyMonkey (question row plus answer-option row);
* Excel ``.xlsx``, Parquet, SPSS ``.sav``/``.zsav`` and JSON (records or JSON lines).

Anything that is not a table raises :class:`~mot.errors.UnreadableFileError` with a message
that says what the file seems to be and what to do; no other exception escapes for any input.

Large CSV files: the dialect (encoding, delimiter, decimal mark, header rows, column types) is
sniffed on the first 64 KB, then ``pyarrow.csv`` streams the data rows straight into numpy
arrays (one pass, peak memory near the frame's size; about as fast as
``pandas.read_csv(engine="pyarrow")``). A later value that does not fit the sampled type makes
pyarrow read again with its own type inference; a row longer than pyarrow's 1 MB block (a
long text cell) makes it read again with 16 MB blocks. Files it cannot take at all (ragged
rows, bytes that are not in the detected encoding, longer rows) are read by the standard
library's ``csv`` module instead, more slowly.

Nothing is lost or changed without a word: what reading changes or cannot take is listed in
:attr:`RawTable.issues` as validation entries with row and column, and
:func:`mot.survey.build_survey` puts them in its report. A text cell over
:data:`MAX_CELL_CHARS` characters is emptied (the rest of its row is kept); a repeated column
name is kept as ``Q1.1``; Excel formulas without a saved result read as empty; nested Parquet
and JSON values become ``col.field`` columns (records) or are left out (lists, maps).
"""

from __future__ import annotations

import codecs
import contextvars
import csv
import ctypes
import gc
import io
import json
import os
import queue
import re
import threading
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from mot.errors import FileTooLargeError, MotError, UnreadableFileError
from mot.messages import Message, listing
from mot.validation import ROWS_LISTED, ReportBuilder, ReportEntry

__all__ = ["MAX_CELL_CHARS", "SOURCE_FORMATS", "RawTable", "read_table"]

SOURCE_FORMATS: Final[tuple[str, ...]] = (
    "csv",
    "qualtrics",
    "qualtrics_legacy",
    "surveymonkey",
    "xlsx",
    "parquet",
    "spss",
    "json",
)
"""Values of :attr:`RawTable.source_format`."""

MAX_CELL_CHARS: Final[int] = 1 << 20
"""Longest text cell read (1,048,576 characters, 32 times Excel's own limit of 32,767).

A longer cell is emptied and reported (row and column); the rest of its row and of the
file is kept.
"""

# The csv module refuses fields over 131,072 characters and would end the whole read there:
# let it parse any field, so that a long cell is measured and refused on its own.
csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))

_SAMPLE_BYTES: Final = 1 << 16
_MAX_SAMPLE_BYTES: Final = 1 << 24
_SNIFF_RECORDS: Final = 50
_DELIMITERS: Final = (",", ";", "\t", "|")
_DELIMITER_NAMES: Final = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_EXPORT_AGAIN: Final = Message("fix.export_again")
_UNPACK: Final = Message("fix.unpack")
_RESAVE: Final = Message("fix.resave")
_THE_UPLOAD: Final = Message("file.the_upload")

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+", re.ASCII)
_DECIMAL_POINT = re.compile(r"[+-]?\d+\.\d+", re.ASCII)
_QUALTRICS_ID = re.compile(r"R_\w+")
_SEP_LINE = re.compile(r"sep=(.)\s*")
_SURVEYMONKEY_MARKERS: Final = frozenset({"response", "open-ended response"})

# (magic bytes, kind); checked in order at the start of the file.
_MAGIC: Final = (
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"PAR1", "parquet"),
    (b"$FL2", "spss"),
    (b"$FL3", "spss"),
    (b"\x00\x05\x16\x07", "appledouble"),
    (b"\x00\x05\x16\x00", "appledouble"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh9", "archive"),
    (b"7z\xbc\xaf\x27\x1c", "archive"),
    (b"Rar!", "archive"),
    (b"%PDF", "pdf"),
    (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF8", "image"),
)

# kind -> what to do (what the file seems to be: the text ``file.kind.<kind>``)
_NOT_A_TABLE: Final = {
    "appledouble": _EXPORT_AGAIN,
    "ole": _RESAVE,
    "ods": _RESAVE,
    "zip": _UNPACK,
    "gzip": _UNPACK,
    "archive": _UNPACK,
    "pdf": _EXPORT_AGAIN,
    "image": _EXPORT_AGAIN,
    "binary": _EXPORT_AGAIN,
}

# Candidates for text that is not UTF-8 (charset-normalizer guesses wildly on small samples
# when it may pick any codec): Windows code pages, KOI8-R, Mac Roman and the main CJK ones.
_LEGACY_CODEPAGES: Final = (
    "cp1250",
    "cp1251",
    "cp1252",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp1258",
    "koi8_r",
    "mac_roman",
    "shift_jis",
    "gb18030",
    "big5",
    "euc_kr",
)

_BOMS: Final = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)


@dataclass(frozen=True, eq=False, repr=False)
class RawTable:
    r"""A table as read from a file, before any mapping or validation.

    Attributes
    ----------
    frame : pandas.DataFrame
        One row per data row of the file (blank rows inside the data are kept as empty rows so
        that row numbers stay right; blank rows at the end are dropped). Columns are named as
        in the file, stripped and made unique (``Q1``, ``Q1.1``); a blank header cell, or a
        field beyond the header in a ragged row, gives a column ``column_<n>`` (1-based
        position). Values are as read: numbers become ``int64``/``float64`` when every cell of
        the column is a number; otherwise the column keeps the text (``"no sé"``, ``"N/A"``).
        Empty cells are missing (NaN).
    labels : dict of str to str
        Column -> question text (Qualtrics and SurveyMonkey header rows, SPSS variable labels).
    value_labels : dict of str to dict
        Column -> {code: label} (SPSS). Codes stay in ``frame``.
    source_format : str
        One of :data:`SOURCE_FORMATS`. A workbook whose first rows have a Qualtrics or
        SurveyMonkey layout reports that layout.
    encoding : str or None
        Text encoding of the file (``"utf-8"``, ``"utf-8-sig"``, ``"cp1252"``, ...; SPSS: the
        encoding declared in the file); None for binary formats.
    delimiter : str or None
        Field delimiter of a text file; None for other formats.
    decimal : str
        ``"."`` or ``","`` (decimal comma, as Spanish Excel writes ``;``-separated files).
    first_data_line : int
        1-based row number in the file of ``frame``'s first row, as a spreadsheet shows the
        file (a quoted cell with line breaks is still one row): frame row ``i`` is file row
        ``first_data_line + i``. Formats without header rows (Parquet, SPSS, JSON) count the
        first record as row 1.
    name : str or None
        File name, when known.
    notes : tuple of str
        Short sentences describing what was detected, to show to the user: each a
        :class:`mot.messages.Message` (the English text; ``note.render("es")`` in Spanish).
    ragged_rows : tuple of int
        File row numbers of text rows with too many or too few fields.
    issues : tuple of ReportEntry
        What reading changed or could not take, as validation entries with row and column:
        a cell over :data:`MAX_CELL_CHARS` emptied, a duplicate column name renamed, Excel
        formulas without a saved result, nested Parquet/JSON columns flattened or left out.
        :func:`mot.survey.build_survey` puts them at the top of its report.

    Examples
    --------
    >>> raw = read_table(b"id,score\n1,4\n2,5\n", name="scores.csv")
    >>> raw.frame
       id  score
    0   1      4
    1   2      5
    >>> raw.file_row(1)
    3
    """

    frame: pd.DataFrame
    labels: dict[str, str] = field(default_factory=dict)
    value_labels: dict[str, dict[Any, str]] = field(default_factory=dict)
    source_format: str = "csv"
    encoding: str | None = None
    delimiter: str | None = None
    decimal: str = "."
    first_data_line: int = 2
    name: str | None = None
    notes: tuple[str, ...] = ()
    ragged_rows: tuple[int, ...] = ()
    issues: tuple[ReportEntry, ...] = ()

    def __repr__(self) -> str:
        rows, columns = self.frame.shape
        return (
            f"RawTable(name={self.name!r}, source_format={self.source_format!r}, "
            f"rows={rows}, columns={columns}, first_data_line={self.first_data_line})"
        )

    def file_row(self, i: Any) -> Any:
        """Return the file row number of frame row ``i``.

        Parameters
        ----------
        i : int or array-like of int
            0-based position in :attr:`frame`.

        Returns
        -------
        int or array-like of int
            ``first_data_line + i``.
        """
        return self.first_data_line + i


def read_table(
    source: str | os.PathLike[str] | bytes | bytearray | memoryview | Any,
    *,
    name: str | None = None,
    sheet: str | int | None = None,
    compact: bool = False,
) -> RawTable:
    r"""Read a survey or data file into a :class:`RawTable`.

    The format is detected from the content (magic bytes, then text sniffing); ``name`` only
    helps with messages and with text that could be JSON or CSV.

    Parameters
    ----------
    source : str, os.PathLike, bytes or binary file object
        A path, the file's bytes, or an object with ``read()`` / ``getvalue()`` such as
        Streamlit's ``UploadedFile``.
    name : str, optional
        The file name (used for messages and format hints when ``source`` is bytes).
        Defaults to the path's or file object's name.
    sheet : str or int, optional
        Worksheet of an ``.xlsx`` file (name or 0-based index); default the first sheet.
    compact : bool, default False
        Hold a CSV's whole-number columns in float32 (from float64) or int16 (from int64)
        as they are read, the dtype they would have in ``frame.attrs[COMPACTED]``, so that
        reading a large file needs about half the memory for its numbers. Only for a caller
        that restores the dtype before using a value (:mod:`mot.survey` does): the numbers
        are the same, exactly, but their dtype is not.

    Returns
    -------
    RawTable
        The frame, question labels, value labels and what was detected (format, encoding,
        delimiter, decimal mark, first data row, notes, ragged rows).

    Raises
    ------
    UnreadableFileError
        The file is empty, not a table (binary junk, an archive, an image, an ``.xls``), a
        damaged workbook / Parquet / SPSS / JSON file, or the sheet does not exist.
    TypeError
        ``source`` is none of the accepted types (a programming error, not bad input).

    References
    ----------
    RFC 4180, *Common Format and MIME Type for CSV Files*; Qualtrics, *Data export options*;
    SurveyMonkey, *Exporting responses* (the two header rows).

    Examples
    --------
    A ``;``-separated file with decimal commas, as Spanish Excel saves it (Windows-1252):

    >>> data = "id;Satisfacción;comentario\n1;3,5;muy bien\n2;4;no sé\n".encode("cp1252")
    >>> raw = read_table(data, name="encuesta.csv")
    >>> raw.source_format, raw.encoding, raw.delimiter, raw.decimal, raw.first_data_line
    ('csv', 'cp1252', ';', ',', 2)
    >>> raw.frame
       id  Satisfacción comentario
    0   1           3.5   muy bien
    1   2           4.0      no sé
    """
    src = _acquire(source, name)
    _check_size(src)
    token = _COMPACT.set(compact)
    try:
        return _dispatch(src, sheet)
    except MotError:
        raise
    except MemoryError as err:
        message = Message("file.out_of_memory", name=src.display)
        raise UnreadableFileError(message) from err
    except Exception as err:  # any library error on strange input becomes a message
        message = Message(
            "file.not_read",
            name=src.display,
            error=type(err).__name__,
            detail=_shorten(str(err)),
            fix=_EXPORT_AGAIN,
        )
        raise UnreadableFileError(message) from err
    finally:
        _COMPACT.reset(token)


# --------------------------------------------------------------------------- input handling

DEFAULT_MAX_FILE_MB: Final = 200
"""Largest file read by default, in MB (2²⁰ bytes): the app's upload limit is the same."""

UNPACKED_PER_FILE_BYTE: Final = 2
"""A compressed file (Parquet, Excel, SPSS) may hold this many times the limit, unpacked."""

MEMORY_PER_FILE_BYTE: Final = 5
"""Loading a survey needs at most about this many bytes of memory per byte of file."""


def max_file_bytes() -> int:
    """The largest file :func:`read_table` reads, in bytes.

    :data:`DEFAULT_MAX_FILE_MB` unless the environment variable ``MOT_MAX_FILE_MB`` says
    otherwise (a machine with more memory, a command-line user with a large export).

    Examples
    --------
    >>> max_file_bytes() == DEFAULT_MAX_FILE_MB * 2**20 or "MOT_MAX_FILE_MB" in os.environ
    True
    """
    setting = os.environ.get("MOT_MAX_FILE_MB", "").strip()
    try:
        megabytes = float(setting) if setting else DEFAULT_MAX_FILE_MB
    except ValueError:
        megabytes = DEFAULT_MAX_FILE_MB
    return int(megabytes * 2**20) if megabytes > 0 else int(DEFAULT_MAX_FILE_MB * 2**20)


def _check_size(src: _Input) -> None:
    """Refuse a file too large for the memory bound, before reading any of it."""
    size, limit = src.size(), max_file_bytes()
    if size <= limit:
        return
    message = Message(
        "file.too_large",
        name=src.display,
        mb=size / 2**20,
        limit_mb=limit / 2**20,
        factor=MEMORY_PER_FILE_BYTE,
    )
    raise FileTooLargeError(message)


@dataclass(frozen=True)
class _Input:
    """Where the bytes come from: a path (read lazily) or bytes in memory."""

    name: str | None
    path: Path | None = None
    data: bytes | None = None

    @property
    def display(self) -> str:
        return self.name or Message("file.the_file")

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower() if self.name else ""

    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        return self._path().stat().st_size

    def head(self, n: int) -> bytes:
        if self.data is not None:
            return self.data[:n]
        with self._path().open("rb") as handle:
            return handle.read(n)

    def all_bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        return self._path().read_bytes()

    def handle(self) -> str | io.BytesIO:
        """Something pandas, openpyxl and pyreadstat can open."""
        if self.data is not None:
            return io.BytesIO(self.data)
        return str(self._path())

    def arrow_stream(self, offset: int) -> pa.NativeFile:
        if self.data is not None:
            return pa.BufferReader(pa.py_buffer(self.data).slice(offset))
        stream = pa.OSFile(str(self._path()))
        stream.seek(offset)
        return stream

    def _path(self) -> Path:
        if self.path is None:  # pragma: no cover - _acquire always sets data or path
            raise UnreadableFileError(Message("file.none_given"))
        return self.path


def _acquire(source: Any, name: str | None) -> _Input:
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            found = path.is_file()
        except (OSError, ValueError):
            found = False
        if not found:
            message = Message("file.not_found", path=str(path))
            raise UnreadableFileError(message)
        return _Input(name or path.name, path=path)
    if isinstance(source, bytes | bytearray | memoryview):
        return _Input(name, data=bytes(source))
    if hasattr(source, "read") or hasattr(source, "getvalue"):
        return _Input(name or _file_object_name(source), data=_read_file_object(source, name))
    raise TypeError(Message("file.source_type", kind=type(source).__name__))


def _file_object_name(source: Any) -> str | None:
    raw = getattr(source, "name", None)
    return Path(raw).name if isinstance(raw, str) and raw else None


def _read_file_object(source: Any, name: str | None) -> bytes:
    try:
        data = source.getvalue() if hasattr(source, "getvalue") else source.read()
    except (OSError, ValueError) as err:
        message = Message("file.upload_unreadable", name=name or _THE_UPLOAD, error=str(err))
        raise UnreadableFileError(message) from err
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, bytes | bytearray | memoryview):
        return bytes(data)
    message = Message("file.upload_not_bytes", name=name or _THE_UPLOAD)
    raise UnreadableFileError(message)


# --------------------------------------------------------------------------- format dispatch


def _unpacked_bytes(src: _Input, kind: str) -> int | None:
    """What a compressed format holds once unpacked, from its metadata (None: not known).

    Parquet and SPSS: rows × columns × 8 bytes (a number's size in memory), or the row groups'
    uncompressed size if larger (long texts); Excel: the workbook's XML. Nothing is read
    beyond the metadata.
    """
    try:
        if kind == "parquet":
            meta = pq.ParquetFile(src.handle()).metadata
            groups = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
            return max(groups, meta.num_rows * meta.num_columns * 8)
        if kind == "xlsx":
            with zipfile.ZipFile(src.handle()) as book:
                return sum(i.file_size for i in book.infolist() if i.filename.startswith("xl/"))
        if kind == "spss":
            import pyreadstat

            _, meta = pyreadstat.read_sav(src.handle(), metadataonly=True)
            return int(meta.number_rows or 0) * int(meta.number_columns or 0) * 8
    except Exception:  # a broken file is refused by its own reader, with its reason
        return None
    return None


def _check_unpacked(src: _Input, kind: str) -> None:
    """Refuse a compressed file whose content is too large for the memory bound.

    A 1.5 MB Parquet file of constant columns can hold two million rows: the limit on the
    file's size does not bound what reading it costs. Its unpacked size may be at most
    :data:`UNPACKED_PER_FILE_BYTE` times the limit, about what a CSV at the limit holds once
    read.
    """
    unpacked, limit = _unpacked_bytes(src, kind), UNPACKED_PER_FILE_BYTE * max_file_bytes()
    if unpacked is None or unpacked <= limit:
        return
    message = Message(
        "file.too_large_unpacked",
        name=src.display,
        mb=src.size() / 2**20,
        unpacked_mb=unpacked / 2**20,
        limit_mb=limit / 2**20,
    )
    raise FileTooLargeError(message)


def _dispatch(src: _Input, sheet: str | int | None) -> RawTable:
    head = src.head(_SAMPLE_BYTES)
    if not head:
        raise UnreadableFileError(Message("file.empty", name=src.display, fix=_EXPORT_AGAIN))
    kind = _magic_kind(head)
    if kind == "zip":
        kind = _zip_kind(src)
    _check_unpacked(src, kind)
    if kind == "xlsx":
        return _read_xlsx(src, sheet)
    if kind == "parquet":
        return _read_parquet(src)
    if kind == "spss":
        return _read_spss(src)
    if kind is not None:
        raise _not_a_table(src, kind)
    return _read_text(src, head)


def _magic_kind(head: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def _zip_kind(src: _Input) -> str:
    try:
        with zipfile.ZipFile(src.handle()) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError) as err:
        what = Message("file.what.xlsx" if src.suffix in {".xlsx", ".xlsm"} else "file.what.zip")
        message = Message(
            "file.damaged", name=src.display, what=what, detail=_shorten(str(err)), fix=_RESAVE
        )
        raise UnreadableFileError(message) from err
    if "xl/workbook.xml" in names:
        return "xlsx"
    if b"opendocument.spreadsheet" in mimetype:
        return "ods"
    return "zip"


def _not_a_table(src: _Input, kind: str) -> UnreadableFileError:
    what, fix = Message(f"file.kind.{kind}"), _NOT_A_TABLE[kind]
    return UnreadableFileError(Message("file.not_a_table", name=src.display, what=what, fix=fix))


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- text: encoding


@dataclass(frozen=True)
class _Encoding:
    codec: str  # codec of the bytes after the BOM
    bom: int  # length of the byte-order mark
    label: str  # what RawTable.encoding reports


def _detect_encoding(head: bytes, complete: bool) -> _Encoding:
    for bom, codec, label in _BOMS:
        if head.startswith(bom):
            return _Encoding(codec, len(bom), label)
    utf16 = _utf16_without_bom(head)
    if utf16 is not None:
        return _Encoding(utf16, 0, utf16)
    if _is_utf8(head, complete):
        return _Encoding("utf-8", 0, "utf-8")
    codec = _legacy_encoding(head)
    return _Encoding(codec, 0, codec)


def _utf16_without_bom(head: bytes) -> str | None:
    sample = head[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    half = len(sample) // 2
    even_nuls = sample[0::2].count(0) / half
    odd_nuls = sample[1::2].count(0) / half
    if odd_nuls > 0.6 and even_nuls < 0.1:
        return "utf-16-le"
    if even_nuls > 0.6 and odd_nuls < 0.1:
        return "utf-16-be"
    return None


def _is_utf8(head: bytes, complete: bool) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        truncated = err.reason == "unexpected end of data" and err.start >= len(head) - 3
        return truncated and not complete
    return True


def _legacy_encoding(head: bytes) -> str:
    """Guess the single-byte encoding of text that is not UTF-8.

    Windows-1252 wins whenever it decodes the bytes into Western-looking text (it is what
    Excel writes in Spain and the Americas, and a superset of Latin-1's letters), and on a
    tie; otherwise charset-normalizer decides (Cyrillic in cp1251, Greek in cp1253, ...).
    """
    from charset_normalizer import from_bytes

    cp1252 = _decodes(head, "cp1252")
    if cp1252 and _looks_western(head.decode("cp1252")):
        return "cp1252"
    matches = list(from_bytes(head, cp_isolation=list(_LEGACY_CODEPAGES)))
    if not matches:
        return "cp1252" if cp1252 else "latin-1"
    best = min(matches, key=lambda match: match.chaos)
    tie = any(m.encoding == "cp1252" and m.chaos <= best.chaos + 0.01 for m in matches)
    if tie or _same_text(head, best.encoding, "cp1252"):
        return "cp1252"
    return codecs.lookup(best.encoding).name


_WORD = re.compile(r"[^\W\d_]+")


def _looks_western(text: str) -> bool:
    """Accented letters are a minority within the words that have them ("Satisfacción").

    Cyrillic or Greek bytes read as Windows-1252 give words made only of accented letters.
    """
    words = [word for word in _WORD.findall(text[:_SAMPLE_BYTES]) if not word.isascii()]
    letters = sum(len(word) for word in words)
    accented = sum(1 for word in words for ch in word if not ch.isascii())
    return accented <= letters / 2


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _same_text(data: bytes, codec_a: str, codec_b: str) -> bool:
    try:
        return data.decode(codec_a) == data.decode(codec_b)
    except (UnicodeDecodeError, LookupError):
        return False


def _check_is_text(text: str, src: _Input) -> None:
    text = text[:_SAMPLE_BYTES]
    if not text:
        return
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\r\n") + text.count("\x7f")
    if controls > max(1, len(text) // 100):  # a stray control character is tolerated
        raise _not_a_table(src, "binary")


# --------------------------------------------------------------------------- text: dispatch


@dataclass(frozen=True)
class _Sample:
    """The first part of a text file, decoded."""

    encoding: _Encoding
    text: str
    complete: bool  # the sample is the whole file
    clean: bool  # the sample decoded without errors in ``encoding``


def _read_text(src: _Input, head: bytes) -> RawTable:
    sample = _take_sample(src, head)
    if sample.encoding.codec.startswith(("utf-16", "utf-32")):
        src, sample = _transcode_to_utf8(src, sample)
    _check_is_text(sample.text, src)
    if not sample.text.strip():
        raise _no_table(src)
    if _looks_like_json(sample.text, src):
        return _read_json(src, sample)
    return _read_csv(src, sample)


def _take_sample(src: _Input, head: bytes) -> _Sample:
    """Decode the first 64 KB; take more while it holds fewer than 5 complete records."""
    size = _SAMPLE_BYTES
    total = src.size()
    encoding = _detect_encoding(head, complete=total <= size)
    while True:
        complete = total <= size
        text, clean = _decode_sample(head, encoding, complete)
        if complete or size >= _MAX_SAMPLE_BYTES or _count_records(text) > 5:
            return _Sample(encoding, text, complete, clean)
        size *= 4
        head = src.head(size)


def _decode_sample(head: bytes, encoding: _Encoding, complete: bool) -> tuple[str, bool]:
    body = head[encoding.bom :]
    try:
        return codecs.getincrementaldecoder(encoding.codec)().decode(body, final=complete), True
    except UnicodeDecodeError:
        decoder = codecs.getincrementaldecoder(encoding.codec)(errors="replace")
        return decoder.decode(body, final=complete), False


def _count_records(text: str) -> int:
    try:
        return sum(1 for _ in csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        return 0


def _transcode_to_utf8(src: _Input, sample: _Sample) -> tuple[_Input, _Sample]:
    """UTF-16/32 files are rare and small: re-encode them as UTF-8 in memory."""
    enc = sample.encoding
    data = src.all_bytes()[enc.bom :].decode(enc.codec, errors="replace").encode("utf-8")
    complete = len(data) <= _SAMPLE_BYTES
    utf8 = _Encoding("utf-8", 0, enc.label)
    text, _ = _decode_sample(data[:_SAMPLE_BYTES], utf8, complete)
    return _Input(src.name, data=data), _Sample(utf8, text, complete, clean=True)


def _looks_like_json(text: str, src: _Input) -> bool:
    if src.suffix in {".json", ".jsonl", ".ndjson"}:
        return True
    start = text.lstrip()[:1]
    if start not in {"[", "{"}:
        return False
    first_line = text.lstrip().split("\n", 1)[0]
    # "[Q1] How satisfied...","..." is a CSV header, not JSON
    return start == "{" or first_line.rstrip() in {"[", "[{"} or first_line.startswith("[{")


# --------------------------------------------------------------------------- CSV: dialect


@dataclass(frozen=True)
class _Dialect:
    encoding: _Encoding
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


# --------------------------------------------------------------------------- CSV: header rows


@dataclass(frozen=True)
class _Header:
    source_format: str
    raw: list[str]  # header cells, stripped ("" where blank); SurveyMonkey: "question - option"
    names: list[str]  # unique, blanks filled
    labels: dict[str, str]
    skip: int  # records before the first data row (sep line, blank lines, header rows)
    note: str


def _is_blank(row: Sequence[str]) -> bool:
    return not any(cell.strip() for cell in row)


def _detect_header(rows: Sequence[Sequence[str]], skip_first: int) -> _Header | None:
    """Find the header rows of a survey export (or a plain table) at the start of ``rows``."""
    lead = skip_first
    while lead < len(rows) and _is_blank(rows[lead]):
        lead += 1
    if lead >= len(rows):
        return None
    top = [list(row) for row in rows[lead : lead + 3]]
    kind, n_rows, note = _header_layout(top)
    raw, labels = _header_names(kind, top[:n_rows])
    return _Header(kind, raw, _unique_names(raw), labels, lead + n_rows, note)


def _header_layout(top: list[list[str]]) -> tuple[str, int, str]:
    if len(top) >= 3 and any(cell.strip().startswith('{"ImportId"') for cell in top[2]):
        return "qualtrics", 3, Message("note.header_qualtrics")
    if len(top) >= 2 and _is_qualtrics_two_rows(top[0], top[1]):
        return "qualtrics", 2, Message("note.header_qualtrics_two")
    if len(top) >= 2 and _is_qualtrics_legacy(top[0], top[1]):
        return "qualtrics_legacy", 2, Message("note.header_qualtrics_legacy")
    if len(top) >= 2 and _is_surveymonkey(top[0], top[1]):
        return "surveymonkey", 2, Message("note.header_surveymonkey")
    return "csv", 1, Message("note.header_one")


def _stripped(row: Sequence[Any]) -> list[str]:
    return [str(cell).strip(" \t\r\n\ufeff") for cell in row]


def _is_qualtrics_two_rows(first: list[str], second: list[str]) -> bool:
    cells = _stripped(first)
    if "ResponseId" not in cells or "StartDate" not in cells:
        return False
    index = cells.index("ResponseId")
    value = second[index].strip() if index < len(second) else ""
    return bool(value) and not _QUALTRICS_ID.fullmatch(value)


def _is_qualtrics_legacy(first: list[str], second: list[str]) -> bool:
    cells = _stripped(first)
    return cells[:2] == ["V1", "V2"] and "responseid" in {c.lower() for c in _stripped(second)}


def _is_surveymonkey(first: list[str], second: list[str]) -> bool:
    head, options = _stripped(first), _stripped(second)
    if not head or not head[0] or not options or options[0]:
        return False  # SurveyMonkey leaves row 2 blank under RespondentID
    if any(cell.lower() in _SURVEYMONKEY_MARKERS for cell in options):
        return True
    continuation = [j for j in range(1, len(head)) if not head[j]]
    if not continuation:
        return False
    filled = all(j < len(options) and options[j] for j in continuation)
    return filled and not any(_NUMBER.fullmatch(cell) for cell in options if cell)


def _header_names(kind: str, top: list[list[str]]) -> tuple[list[str], dict[str, str]]:
    first = _stripped(top[0])
    if kind == "surveymonkey":
        raw, texts = _surveymonkey_names(first, _stripped(top[1]))
    else:
        raw = first
        texts = _stripped(top[1]) if kind in {"qualtrics", "qualtrics_legacy"} else []
    names = _unique_names(raw)
    labels = {name: text for name, text in zip(names, texts, strict=False) if text}
    return raw, labels


def _surveymonkey_names(questions: list[str], options: list[str]) -> tuple[list[str], list[str]]:
    """Column j is 'question - option' when row 2 names an option, else the question."""
    names: list[str] = []
    question = ""
    for j, text in enumerate(questions):
        option = options[j] if j < len(options) else ""
        question = text or question
        is_marker = option.lower() in _SURVEYMONKEY_MARKERS
        if option and (not text or not is_marker):
            names.append(f"{question} - {option}" if question else option)
        else:
            names.append(question if text or not question else "")
    return names, list(names)


def _unique_names(raw: Sequence[str], width: int | None = None) -> list[str]:
    """Strip, fill blanks with ``column_<n>`` (1-based) and make names unique (``a.1``)."""
    width = len(raw) if width is None else width
    names = [str(raw[j]).strip() if j < len(raw) else "" for j in range(width)]
    names = [name or f"column_{j + 1}" for j, name in enumerate(names)]
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        candidate, k = name, 0
        while candidate in seen:
            k += 1
            candidate = f"{name}.{k}"
        seen.add(candidate)
        out.append(candidate)
    return out


def _name_notes(raw: Sequence[str], names: Sequence[str]) -> list[str]:
    cells = [str(raw[j]).strip() if j < len(raw) else "" for j in range(len(names))]
    blank = [name for name, cell in zip(names, cells, strict=True) if not cell]
    renamed = [name for name, cell in zip(names, cells, strict=True) if cell and name != cell]
    notes = []
    if blank:
        notes.append(Message("note.unnamed_columns", columns=_listing(blank)))
    if renamed:
        notes.append(Message("note.renamed_columns", columns=_listing(renamed)))
    return notes


def _duplicate_issues(
    raw: Sequence[str], names: Sequence[str], *, letters: bool = False
) -> list[ReportEntry]:
    """A warning per column renamed because an earlier column has the same name."""
    cells = [str(raw[j]).strip() if j < len(raw) else "" for j in range(len(names))]
    log = ReportBuilder()
    for j, (cell, name) in enumerate(zip(cells, names, strict=True)):
        if not cell or name == cell:
            continue
        first = next((k for k in range(j) if names[k] == cell), None)
        if first is None:  # pragma: no cover - a renamed name always has an earlier holder
            continue
        params = {
            "first": _position(first, letters),
            "second": _position(j, letters),
            "name": cell,
            "renamed": name,
        }
        log.add("warning", "columns.duplicate_name", params, column=name)
    return log.entries


def _position(j: int, letters: bool) -> str:
    """1-based column position; with its spreadsheet letter for a workbook (``3 (C)``)."""
    if not letters:
        return str(j + 1)
    return f"{j + 1} ({_column_letter(j)})"


def _column_letter(j: int) -> str:
    letters, n = "", j + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _listing(items: Sequence[Any], limit: int = 5) -> str:
    return listing(items, limit)


# --------------------------------------------------------------------------- CSV: reading


class _NeedsFallback(Exception):
    """The fast reader cannot take this file; parse it with the csv module."""


_INTEGER = re.compile(r"-?\d{1,18}", re.ASCII)  # pyarrow reads "+3" as a float


def _read_csv(src: _Input, sample: _Sample) -> RawTable:
    delimiter, sep_line = _detect_delimiter(sample.text, sample.complete)
    records = _records(sample.text, delimiter, sample.complete)
    rows = [row for row, _ in records]
    header = _detect_header(rows, 1 if sep_line else 0)
    if header is None and not sample.complete:
        mb = len(sample.text) >> 20
        message = Message("file.no_line_break", name=src.display, mb=mb, fix=_EXPORT_AGAIN)
        raise UnreadableFileError(message)
    if header is None:
        raise _no_table(src)
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


def _no_table(src: _Input) -> UnreadableFileError:
    return UnreadableFileError(Message("file.no_table", name=src.display, fix=_EXPORT_AGAIN))


def _byte_offset(sample: _Sample, records: list[tuple[list[str], int]], skip: int) -> int:
    chars = records[skip - 1][1] if skip else 0
    enc = sample.encoding
    return enc.bom + len(sample.text[:chars].encode(enc.codec))


def _row_capacity(
    remaining: int, sample: _Sample, records: list[tuple[list[str], int]], skip: int
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
    number = re.compile(_NUMBER.pattern.replace(r"\.", re.escape(decimal)), re.ASCII)
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
    number = re.compile(_NUMBER.pattern.replace(r"\.", re.escape(decimal)), re.ASCII)
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


COMPACTED: Final = "mot_compacted"
"""``frame.attrs`` key of a compact read (``read_table(..., compact=True)``): column name →
the dtype the column has when read normally; its values are that dtype's, held smaller."""
_FLOAT32_EXACT: Final = 2**24  # every integer up to this is exact in float32
_COMPACT: contextvars.ContextVar[bool] = contextvars.ContextVar("mot_compact", default=False)

_M_MMAP_THRESHOLD: Final = -3  # glibc's mallopt parameter
_MMAP_THRESHOLD_BYTES: Final = 256 * 1024


def map_large_allocations() -> None:
    """Give every allocation over 256 KiB its own memory mapping, returned when it is freed.

    glibc raises its mapping threshold (up to 32 MB) each time a mapped block is freed, so
    the arrays of a large survey end up in the heap, where a freed array's pages stay
    resident until :func:`release_memory`; between two analyses the temporaries of the first
    then add to the peak of the second. Fixing the threshold keeps it at 256 KiB (the few
    microseconds a mapping costs are nothing next to an array of that size). Called once per
    process by the command line and the app; a no-op where ``mallopt`` does not exist.
    """
    try:
        ctypes.CDLL("libc.so.6").mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD_BYTES)
    except (OSError, AttributeError):  # not glibc (macOS, Windows, musl)
        return
    # Arrow's own pool (mimalloc) keeps freed pages for reuse; through malloc, Arrow's
    # buffers follow the same rule and are handed back when freed.
    pa.set_memory_pool(pa.system_memory_pool())


def release_memory() -> None:
    """Give memory freed by Python, numpy and Arrow back to the operating system.

    Large surveys free hundreds of MB of intermediate arrays; glibc's allocator and Arrow's
    pool keep such memory for reuse, so the process would stay at its peak size. This asks
    both to return the unused part (a no-op where ``malloc_trim`` does not exist).
    """
    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (macOS, Windows, musl)
        return


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
        self.compact = _COMPACT.get()
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
        if self.compact and still_small and _fits_small(values, dtype):
            want = _SMALL[dtype.kind]
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


def restored(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of a compact read's ``frame`` (or of some of its rows) in a normal read's dtypes.

    What ``read_table(..., compact=False)`` gives: the numbers are the same, exactly.
    """
    out = frame.copy()
    for name, dtype in out.attrs.pop(COMPACTED, {}).items():
        if name in out.columns:
            out[name] = out[name].astype(dtype)
    return out


_SMALL: Final = {"f": np.dtype(np.float32), "i": np.dtype(np.int16)}


def _fits_small(values: np.ndarray, dtype: np.dtype) -> bool:
    """Whether these values of a ``dtype`` column are exact in its small dtype (_SMALL)."""
    if dtype.kind == "i":
        info = np.iinfo(np.int16)
        return not values.size or bool(values.min() >= info.min and values.max() <= info.max)
    if dtype.kind != "f" or dtype.itemsize != 8:
        return False
    present = values[~np.isnan(values)]
    return bool((np.abs(present) <= _FLOAT32_EXACT).all() and (present == np.round(present)).all())


def _drop_trailing_empty(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Drop rows at the end that have no value at all; return the frame and how many."""
    n = len(frame)
    if n == 0 or frame.shape[1] == 0 or frame.iloc[n - 1].notna().any():
        return frame, 0
    filled = np.flatnonzero(frame.notna().to_numpy().any(axis=1))
    keep = int(filled[-1]) + 1 if filled.size else 0
    return frame.iloc[:keep].copy(), n - keep


def _slow_csv(src: _Input, dialect: _Dialect) -> RawTable:
    """Parse the whole file with the csv module: ragged rows, odd encodings."""
    text, label = _decode_all(src.all_bytes(), dialect.encoding)
    try:
        rows = [row for row, _ in _records(text, dialect.delimiter, True, strict=True)]
    except csv.Error as err:
        message = Message("file.not_split", name=src.display, error=str(err), fix=_EXPORT_AGAIN)
        raise UnreadableFileError(message) from err
    header = _detect_header(rows, 1 if dialect.sep_line else 0)
    if header is None:
        raise _no_table(src)
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


def _decode_all(data: bytes, encoding: _Encoding) -> tuple[str, str]:
    """Decode the whole file; if it is not all in the sampled encoding, find one that fits."""
    body = data[encoding.bom :]
    candidates = ((encoding.codec, encoding.label), ("utf-8", "utf-8"), ("cp1252", "cp1252"))
    for codec, label in candidates:
        try:
            return body.decode(codec), label
        except UnicodeDecodeError:
            continue
    return body.decode("latin-1"), "latin-1"


def _csv_table(
    src: _Input,
    encoding: str,
    dialect: _Dialect,
    header: _Header,
    frame: pd.DataFrame,
    trimmed: int,
    ragged: tuple[int, ...],
) -> RawTable:
    names = _unique_names(header.raw, frame.shape[1])
    positions = list(frame.columns)
    frame.columns = pd.Index(names)
    if COMPACTED in frame.attrs:  # recorded by position
        where = {position: j for j, position in enumerate(positions)}
        by_position = frame.attrs[COMPACTED]
        frame.attrs[COMPACTED] = {names[where[p]]: d for p, d in by_position.items() if p in where}
    frame, long_cells = _refuse_long_cells(frame, header.skip + 1, src.size())
    notes = [header.note, Message("note.encoding", encoding=encoding)]
    name = Message(f"delimiter.{_DELIMITER_NAMES[dialect.delimiter]}")
    notes.append(Message("note.delimiter", symbol=repr(dialect.delimiter), name=name))
    if dialect.sep_line:
        notes.append(Message("note.sep_line", delimiter=dialect.delimiter))
    if dialect.decimal == ",":
        notes.append(Message("note.decimal_comma"))
    notes.extend(_line_ending_notes(src))
    notes.extend(_name_notes(header.raw, names))
    if ragged:
        notes.append(Message("note.ragged", n=len(ragged), rows=_listing(ragged)))
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
        issues=(*_duplicate_issues(header.raw, names), *long_cells),
    )


def _refuse_long_cells(
    frame: pd.DataFrame, first_line: int, size: int
) -> tuple[pd.DataFrame, list[ReportEntry]]:
    """Empty the text cells longer than :data:`MAX_CELL_CHARS`, one error entry per cell.

    A file no larger than the limit cannot hold such a cell: it is not looked at.
    """
    if size <= MAX_CELL_CHARS:
        return frame, []
    log = ReportBuilder()
    for j, column in enumerate(frame.columns):
        lengths = _text_lengths(frame.iloc[:, j])
        if lengths is None or not (lengths > MAX_CELL_CHARS).any():
            continue
        long = (lengths > MAX_CELL_CHARS).to_numpy()
        positions = np.flatnonzero(long)
        params = [
            {"n": int(lengths.iloc[i]), "limit": MAX_CELL_CHARS} for i in positions[:ROWS_LISTED]
        ]
        rows = first_line + positions
        limit = {"limit": MAX_CELL_CHARS}
        log.add_rows("error", rows, str(column), "cell.too_long", params, summary=limit)
        frame[column] = _numeric_if_all(frame.iloc[:, j].where(~long, np.nan))
    return frame, log.entries


def _text_lengths(series: pd.Series) -> pd.Series | None:
    """Characters per text cell (0 for other values); None for a column without text."""
    if pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_bool_dtype(series.dtype):
        return None
    if isinstance(series.dtype, pd.StringDtype):
        return series.str.len().fillna(0).astype(np.int64)
    return series.map(lambda v: len(v) if isinstance(v, str) else 0).astype(np.int64)


def _numeric_if_all(series: pd.Series) -> pd.Series:
    """A text column whose remaining values are all numbers becomes numeric, as read."""
    present = series.dropna()
    numbers = pd.to_numeric(present, errors="coerce")
    if present.empty or numbers.isna().any():
        return series
    return pd.to_numeric(series)


def _line_ending_notes(src: _Input) -> list[str]:
    head = src.head(_SAMPLE_BYTES)
    crlf = head.count(b"\r\n")
    cr_only = head.count(b"\r") - crlf
    if cr_only and cr_only > head.count(b"\n"):
        return [Message("note.cr_only")]
    return []


# --------------------------------------------------------------------------- JSON


def _read_json(src: _Input, sample: _Sample) -> RawTable:
    text, label = _decode_all(src.all_bytes(), sample.encoding)
    try:
        records, first_line, note = _json_records(text)
    except ValueError as err:
        if src.suffix not in {".json", ".jsonl", ".ndjson"}:
            return _read_csv(src, sample)
        detail = _shorten(str(err))
        message = Message("file.bad_json", name=src.display, detail=detail, fix=_EXPORT_AGAIN)
        raise UnreadableFileError(message) from err
    if records is None or not any(records):
        message = Message("file.json_not_records", name=src.display, fix=_EXPORT_AGAIN)
        raise UnreadableFileError(message)
    frame = pd.json_normalize(records)
    raw_names = [str(c) for c in frame.columns]
    names = _unique_names(raw_names)
    frame.columns = pd.Index(names)
    frame, nested = _drop_nested_values(frame, first_line)
    frame, long_cells = _refuse_long_cells(_clean_objects(frame), first_line, len(text))
    return RawTable(
        frame=frame,
        source_format="json",
        encoding=label,
        first_data_line=first_line,
        name=src.name,
        notes=(note, Message("note.encoding", encoding=label)),
        issues=(*_duplicate_issues(raw_names, names), *nested, *long_cells),
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


def _clean_objects(frame: pd.DataFrame) -> pd.DataFrame:
    """Empty strings and None -> NaN; infer number / text / date columns from the values."""
    frame = frame.copy()
    for column in frame.columns:
        series = frame[column]
        if series.dtype == object or isinstance(series.dtype, pd.StringDtype):
            empty = series.isna() | series.map(lambda v: isinstance(v, str) and v == "")
            frame[column] = series.astype(object).where(~empty, np.nan)
    frame = frame.infer_objects()
    for column in frame.columns:
        if frame[column].dtype == object and frame[column].isna().all():
            frame[column] = frame[column].astype("float64")
    return frame


# --------------------------------------------------------------------------- Excel


def _read_xlsx(src: _Input, sheet: str | int | None) -> RawTable:
    import openpyxl

    try:
        book = openpyxl.load_workbook(src.handle(), read_only=True, data_only=True)
    except Exception as err:
        message = Message(
            "file.xlsx_unopenable",
            name=src.display,
            error=type(err).__name__,
            detail=_shorten(str(err)),
            fix=_RESAVE,
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


def _formulas_to_report(src: _Input, member: str | None) -> list[tuple[int, int]]:
    """Formula cells without a saved result; none if the sheet's XML cannot be scanned.

    openpyxl has already read the workbook, so a failure here is unexpected: the values it
    read are kept rather than the file refused.
    """
    try:
        return _unsaved_formulas(src, member) if _has_formulas(src, member) else []
    except (KeyError, OSError, ValueError, SyntaxError, zipfile.BadZipFile):
        return []


_FORMULA_ELEMENT: Final = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _has_formulas(src: _Input, member: str | None) -> bool:
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


def _unsaved_formulas(src: _Input, member: str | None) -> list[tuple[int, int]]:
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
        letter = _column_letter(j)
        refs = _listing([f"{letter}{i + 1}" for i in rows])
        code = "cells.unsaved_formulas" if len(rows) > 1 else "cells.unsaved_formula"
        column = names[j] if j < len(names) else f"column_{j + 1}"
        log.add("warning", code, {"n": len(rows), "cells": refs}, column=column)
    return log.entries


def _pick_sheet(book: Any, sheet: str | int | None, src: _Input) -> Any:
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
    cells: list[list[Any]], src: _Input, title: str, unsaved: list[tuple[int, int]]
) -> RawTable:
    rows = [_trim_row(row) for row in cells]
    while rows and not rows[-1]:
        rows.pop()
    header = _detect_header([[_cell_text(v) for v in row] for row in rows[:40]], 0)
    if header is None:
        message = Message("file.empty_sheet", sheet=title, name=src.display)
        raise UnreadableFileError(message)
    data = rows[header.skip :]
    width = max([len(header.names), *(len(row) for row in data)])
    columns = list(zip(*[row + [None] * (width - len(row)) for row in data], strict=True))
    frame = pd.DataFrame({j: pd.Series(list(col), dtype=object) for j, col in enumerate(columns)})
    if not columns:
        frame = pd.DataFrame({j: pd.Series(dtype=object) for j in range(width)})
    frame = _clean_objects(frame)
    names = _unique_names(header.raw, width)
    frame.columns = pd.Index(names)
    layout = "xlsx" if header.source_format == "csv" else header.source_format
    notes = [Message("note.xlsx_sheet", sheet=title), header.note]
    notes.extend(_name_notes(header.raw, names))
    return RawTable(
        frame=frame,
        labels=header.labels,
        source_format=layout,
        first_data_line=header.skip + 1,
        name=src.name,
        notes=tuple(notes),
        issues=(
            *_duplicate_issues(header.raw, names, letters=True),
            *_formula_issues(unsaved, header.skip, names),
        ),
    )


def _trim_row(row: list[Any]) -> list[Any]:
    row = [None if isinstance(v, str) and not v.strip() else v for v in row]
    while row and row[-1] is None:
        row.pop()
    return row


# --------------------------------------------------------------------------- Parquet


def _read_parquet(src: _Input) -> RawTable:
    try:
        nested = any(pa.types.is_nested(f.type) for f in pq.read_schema(src.handle()))
        frame, issues = _nested_parquet(src) if nested else (pd.read_parquet(src.handle()), [])
    except Exception as err:
        message = Message(
            "file.parquet_unreadable",
            name=src.display,
            error=type(err).__name__,
            detail=_shorten(str(err)),
        )
        raise UnreadableFileError(message) from err
    if not isinstance(frame.index, pd.RangeIndex):
        frame = frame.reset_index()
    raw_names = [str(c) for c in frame.columns]
    names = _unique_names(raw_names)
    frame.columns = pd.Index(names)
    return RawTable(
        frame=frame,
        source_format="parquet",
        first_data_line=1,
        name=src.name,
        notes=(Message("note.parquet", rows=frame.shape[0], columns=frame.shape[1]),),
        issues=(*issues, *_duplicate_issues(raw_names, names)),
    )


def _nested_parquet(src: _Input) -> tuple[pd.DataFrame, list[ReportEntry]]:
    """Struct fields become columns ``col.field``; lists, maps and unions are left out."""
    table = pq.read_table(src.handle())
    log = ReportBuilder()
    while structs := [f for f in table.schema if pa.types.is_struct(f.type)]:
        table = table.flatten()
        for struct in structs:
            fields = _listing([f"`{struct.name}.{f.name}`" for f in struct.type])
            log.add("warning", "column.parquet_struct", {"fields": fields}, column=struct.name)
    keep = []
    for i, f in enumerate(table.schema):
        if pa.types.is_nested(f.type):
            log.add("warning", "column.nested", {"kind": f"Parquet {f.type}"}, column=f.name)
        else:
            keep.append(i)
    table = table.select(keep).replace_schema_metadata(table.schema.metadata)
    return table.to_pandas(), log.entries


# --------------------------------------------------------------------------- SPSS


def _read_spss(src: _Input) -> RawTable:
    frame, meta, notes = _spss_frame(src)
    missing_notes = _apply_user_missing(frame, meta.missing_ranges or {})
    for column in frame.columns:  # an empty SPSS string is an empty cell
        series = frame[column]
        if series.dtype == object or isinstance(series.dtype, pd.StringDtype):
            frame[column] = series.where(series != "", np.nan)
    labels = {k: v for k, v in (meta.column_names_to_labels or {}).items() if v}
    value_labels = {k: dict(v) for k, v in (meta.variable_value_labels or {}).items()}
    notes.extend(missing_notes)
    if value_labels:
        notes.append(Message("note.spss_value_labels", n=len(value_labels)))
    for set_name, spec in (getattr(meta, "mr_sets", None) or {}).items():
        members = ", ".join(spec.get("variable_list", []))
        notes.append(Message("note.spss_mrset", name=set_name, members=members))
    return RawTable(
        frame=frame,
        labels=labels,
        value_labels=value_labels,
        source_format="spss",
        encoding=meta.file_encoding,
        first_data_line=1,
        name=src.name,
        notes=tuple(notes),
    )


def _spss_frame(src: _Input) -> tuple[pd.DataFrame, Any, list[str]]:
    import pyreadstat

    notes = [Message("note.spss_file", name=src.display)]
    try:
        frame, meta = pyreadstat.read_sav(src.handle(), user_missing=True)
        return frame, meta, notes
    except Exception as first:
        try:  # dates beyond what Python can hold: keep them as SPSS numbers
            frame, meta = pyreadstat.read_sav(
                src.handle(), user_missing=True, disable_datetime_conversion=True
            )
        except Exception:
            message = Message(
                "file.spss_unreadable",
                name=src.display,
                error=type(first).__name__,
                detail=_shorten(str(first)),
            )
            raise UnreadableFileError(message) from first
    notes.append(Message("note.spss_dates"))
    return frame, meta, notes


def _apply_user_missing(frame: pd.DataFrame, ranges: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Set SPSS user-defined missing values (and ranges) to NaN, in place."""
    counts: dict[str, int] = {}
    for column, specs in ranges.items():
        if column not in frame.columns:
            continue
        series = frame[column]
        mask = pd.Series(False, index=frame.index)
        for spec in specs:
            mask |= _in_missing_range(series, spec["lo"], spec["hi"])
        mask &= series.notna()
        if mask.any():
            frame[column] = series.where(~mask, np.nan)
            counts[column] = int(mask.sum())
    if not counts:
        return []
    detail = ", ".join(f"{column} ({n})" for column, n in counts.items())
    return [Message("note.spss_missing", columns=detail)]


def _in_missing_range(series: pd.Series, lo: Any, hi: Any) -> pd.Series:
    if isinstance(lo, str) or isinstance(hi, str):
        return series.astype(object).isin({lo, hi})
    numbers = pd.to_numeric(series, errors="coerce")
    return (numbers >= lo) & (numbers <= hi)
