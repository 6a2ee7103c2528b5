"""Where a file's bytes come from, how large it may be, and what kind of file it is.

:class:`Source` holds a path (read lazily) or the bytes of an upload; :func:`acquire` makes one
from whatever :func:`mot.io.read_table` was given. The size limits bound what reading costs
(:func:`max_file_bytes`, and what a compressed format holds once unpacked); the magic bytes at
the start of a file tell a workbook, a Parquet or SPSS file, an archive or an image apart.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import pyarrow as pa
import pyarrow.parquet as pq

from mot.errors import FileTooLargeError, UnreadableFileError
from mot.io._common import EXPORT_AGAIN, RESAVE, UNPACK, shorten
from mot.messages import Message

_THE_UPLOAD: Final = Message("file.the_upload")

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
    "appledouble": EXPORT_AGAIN,
    "ole": RESAVE,
    "ods": RESAVE,
    "zip": UNPACK,
    "gzip": UNPACK,
    "archive": UNPACK,
    "pdf": EXPORT_AGAIN,
    "image": EXPORT_AGAIN,
    "binary": EXPORT_AGAIN,
}


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


def check_size(src: Source) -> None:
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
class Source:
    """Where the bytes come from: a path (read lazily) or bytes in memory."""

    name: str | None
    path: Path | None = None
    data: bytes | None = None

    @property
    def display(self) -> str:
        """The name to show in messages."""
        return self.name or Message("file.the_file")

    @property
    def suffix(self) -> str:
        """The file name's extension, lower case."""
        return Path(self.name).suffix.lower() if self.name else ""

    def size(self) -> int:
        """The file's size in bytes."""
        if self.data is not None:
            return len(self.data)
        return self._path().stat().st_size

    def head(self, n: int) -> bytes:
        """The first ``n`` bytes."""
        if self.data is not None:
            return self.data[:n]
        with self._path().open("rb") as handle:
            return handle.read(n)

    def all_bytes(self) -> bytes:
        """The whole file."""
        if self.data is not None:
            return self.data
        return self._path().read_bytes()

    def handle(self) -> str | io.BytesIO:
        """Something pandas, openpyxl and pyreadstat can open."""
        if self.data is not None:
            return io.BytesIO(self.data)
        return str(self._path())

    def arrow_stream(self, offset: int) -> pa.NativeFile:
        """The bytes from ``offset`` on, as a stream pyarrow reads."""
        if self.data is not None:
            return pa.BufferReader(pa.py_buffer(self.data).slice(offset))
        stream = pa.OSFile(str(self._path()))
        stream.seek(offset)
        return stream

    def _path(self) -> Path:
        if self.path is None:  # pragma: no cover - acquire always sets data or path
            raise UnreadableFileError(Message("file.none_given"))
        return self.path


def acquire(source: Any, name: str | None) -> Source:
    """A :class:`Source` for a path, bytes or a file object (Streamlit's ``UploadedFile``)."""
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            found = path.is_file()
        except (OSError, ValueError):
            found = False
        if not found:
            message = Message("file.not_found", path=str(path))
            raise UnreadableFileError(message)
        return Source(name or path.name, path=path)
    if isinstance(source, bytes | bytearray | memoryview):
        return Source(name, data=bytes(source))
    if hasattr(source, "read") or hasattr(source, "getvalue"):
        return Source(name or _file_object_name(source), data=_read_file_object(source, name))
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


def _unpacked_bytes(src: Source, kind: str) -> int | None:
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


def check_unpacked(src: Source, kind: str) -> None:
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


def magic_kind(head: bytes) -> str | None:
    """The kind of file its first bytes announce (:data:`_MAGIC`), or None for text."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def zip_kind(src: Source) -> str:
    """What a zip archive holds: an ``.xlsx`` workbook, an ``.ods`` one, or anything else."""
    try:
        with zipfile.ZipFile(src.handle()) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError) as err:
        what = Message("file.what.xlsx" if src.suffix in {".xlsx", ".xlsm"} else "file.what.zip")
        message = Message(
            "file.damaged", name=src.display, what=what, detail=shorten(str(err)), fix=RESAVE
        )
        raise UnreadableFileError(message) from err
    if "xl/workbook.xml" in names:
        return "xlsx"
    if b"opendocument.spreadsheet" in mimetype:
        return "ods"
    return "zip"


def not_a_table(src: Source, kind: str) -> UnreadableFileError:
    """The error for a file that is not a table: what it seems to be, what to do."""
    what, fix = Message(f"file.kind.{kind}"), _NOT_A_TABLE[kind]
    return UnreadableFileError(Message("file.not_a_table", name=src.display, what=what, fix=fix))
