"""The entry point :func:`read_table`: work out what a file is and hand it to its reader."""

from __future__ import annotations

import os
from typing import Any

from mot.errors import MotError, UnreadableFileError
from mot.io._common import EXPORT_AGAIN, SAMPLE_BYTES, no_table, shorten
from mot.io.compact import COMPACT_READ
from mot.io.csv import read_csv
from mot.io.encoding import check_is_text, take_sample, transcode_to_utf8
from mot.io.excel import read_xlsx
from mot.io.json import read_json
from mot.io.parquet import read_parquet
from mot.io.sources import (
    Source,
    acquire,
    check_size,
    check_unpacked,
    magic_kind,
    not_a_table,
    zip_kind,
)
from mot.io.spss import read_spss
from mot.io.table import RawTable
from mot.messages import Message


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
    src = acquire(source, name)
    check_size(src)
    token = COMPACT_READ.set(compact)
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
            detail=shorten(str(err)),
            fix=EXPORT_AGAIN,
        )
        raise UnreadableFileError(message) from err
    finally:
        COMPACT_READ.reset(token)


def _dispatch(src: Source, sheet: str | int | None) -> RawTable:
    head = src.head(SAMPLE_BYTES)
    if not head:
        raise UnreadableFileError(Message("file.empty", name=src.display, fix=EXPORT_AGAIN))
    kind = magic_kind(head)
    if kind == "zip":
        kind = zip_kind(src)
    check_unpacked(src, kind)
    if kind == "xlsx":
        return read_xlsx(src, sheet)
    if kind == "parquet":
        return read_parquet(src)
    if kind == "spss":
        return read_spss(src)
    if kind is not None:
        raise not_a_table(src, kind)
    return _read_text(src, head)


def _read_text(src: Source, head: bytes) -> RawTable:
    sample = take_sample(src, head)
    if sample.encoding.codec.startswith(("utf-16", "utf-32")):
        src, sample = transcode_to_utf8(src, sample)
    check_is_text(sample.text, src)
    if not sample.text.strip():
        raise no_table(src.display)
    if _looks_like_json(sample.text, src):
        return read_json(src, sample)
    return read_csv(src, sample)


def _looks_like_json(text: str, src: Source) -> bool:
    if src.suffix in {".json", ".jsonl", ".ndjson"}:
        return True
    start = text.lstrip()[:1]
    if start not in {"[", "{"}:
        return False
    first_line = text.lstrip().split("\n", 1)[0]
    # "[Q1] How satisfied...","..." is a CSV header, not JSON
    return start == "{" or first_line.rstrip() in {"[", "[{"} or first_line.startswith("[{")
