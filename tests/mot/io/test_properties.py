"""Property tests for mot.io.read_table (hypothesis).

1. Any bytes, under any file name: the only exception is UnreadableFileError.
2. Well-formed delimited tables (any of , ; tab |, UTF-8 or Windows-1252, quoted cells
   holding delimiters, quotes and line breaks) come back cell for cell.
3. Ragged tables never fail, and ``ragged_rows`` lists exactly the file rows whose field count
   differs from the header's.
"""

from __future__ import annotations

import math
import string

import pandas as pd
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mot.errors import UnreadableFileError
from mot.io import read_table

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NAMES = st.sampled_from(
    [None, "x.csv", "x.txt", "x.xlsx", "x.sav", "x.parquet", "x.json", "x.jsonl", "._x.csv"]
)
PREFIXES = st.sampled_from(
    [
        b"",
        b"PK\x03\x04",
        b"PAR1",
        b"$FL2",
        b"\x00\x05\x16\x07",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"{",
        b"[{",
        b'{"a": 1}\n',
        b"sep=;\n",
        b"a,b,c\n",
        b"StartDate,ResponseId\n",
        b"V1,V2\n",
    ]
)
CSVISH = st.text(alphabet=',;\t|"\r\n {}[]:.-0123456789abcAéñ€\x00', max_size=300)


def _read_or_refuse(data: bytes, name: str | None) -> None:
    try:
        raw = read_table(data, name=name)
    except UnreadableFileError as err:
        assert str(err)
        return
    assert isinstance(raw.frame, pd.DataFrame)
    assert raw.frame.columns.is_unique
    assert raw.first_data_line >= 1


@SETTINGS
@given(prefix=PREFIXES, body=st.binary(max_size=1500), name=NAMES)
def test_arbitrary_bytes_raise_only_unreadable_file_error(
    prefix: bytes, body: bytes, name: str | None
) -> None:
    _read_or_refuse(prefix + body, name)


@SETTINGS
@given(prefix=PREFIXES, body=CSVISH, encoding=st.sampled_from(["utf-8", "cp1252"]), name=NAMES)
def test_text_like_junk_raises_only_unreadable_file_error(
    prefix: bytes, body: str, encoding: str, name: str | None
) -> None:
    _read_or_refuse(prefix + body.encode(encoding, errors="replace"), name)


# --------------------------------------------------------------------------- round trip

ACCENTS = "áéíóúñÑüÁÉ"
SEPARATORS = ' ,;\t|"\n\r¿¡€.-0123456789'
HEADER = st.text(alphabet=string.ascii_letters, min_size=1, max_size=8)
# A word is ASCII letters with at most one accented letter, as in real Spanish text
# ("Satisfacción", "año"); text made only of accented letters is indistinguishable from
# Cyrillic or Greek in a single-byte code page and is out of scope.
WORD = st.tuples(
    st.text(alphabet=string.ascii_letters, min_size=1, max_size=6),
    st.sampled_from(["", *ACCENTS]),
    st.text(alphabet=string.ascii_letters, max_size=4),
).map("".join)


def _text_cell() -> st.SearchStrategy[str]:
    parts = st.lists(st.tuples(WORD, st.text(alphabet=SEPARATORS, max_size=3)), min_size=1)
    return st.tuples(st.text(alphabet=SEPARATORS, max_size=2), parts).map(
        lambda p: p[0] + "".join(word + sep for word, sep in p[1])
    )


def _number_cell(decimal: str) -> st.SearchStrategy[str]:
    integers = st.integers(-(10**6), 10**6).map(str)
    fractions = st.tuples(st.integers(-9999, 9999), st.integers(0, 99)).map(
        lambda p: f"{p[0]}{decimal}{p[1]:02d}"
    )
    return st.one_of(integers, fractions)


@st.composite
def tables(draw: st.DrawFn) -> dict[str, object]:
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    decimal = "," if delimiter == ";" and draw(st.booleans()) else "."
    width = draw(st.integers(2, 5))
    names = draw(st.lists(HEADER, min_size=width, max_size=width, unique=True))
    kinds = draw(st.lists(st.sampled_from(["number", "text", "mixed"]), min_size=width))
    cells = {
        "number": _number_cell(decimal),
        "text": _text_cell(),
        "mixed": st.one_of(_number_cell(decimal), _text_cell()),
    }
    row_count = draw(st.integers(1, 12))
    rows = [
        [draw(st.one_of(st.just(""), cells[kinds[j]])) for j in range(width)]
        for _ in range(row_count)
    ]
    return {"delimiter": delimiter, "decimal": decimal, "names": names, "rows": rows}


def _field(cell: str, delimiter: str) -> str:
    # RFC 4180 quoting. csv.writer would leave a lone "\r" or "\n" unquoted unless it is part
    # of its lineterminator, which makes a malformed file.
    if any(ch in cell for ch in (delimiter, '"', "\r", "\n")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _write(names: list[str], rows: list[list[str]], delimiter: str, newline: str) -> str:
    lines = [delimiter.join(_field(cell, delimiter) for cell in row) for row in [names, *rows]]
    return "".join(line + newline for line in lines)


def _same_cell(value: object, text: str, decimal: str) -> bool:
    if text == "":
        return isinstance(value, float) and math.isnan(value)
    if isinstance(value, str):
        return value == text
    return float(value) == float(text.replace(decimal, "."))  # type: ignore[arg-type]


@SETTINGS
@given(
    table=tables(),
    encoding=st.sampled_from(["utf-8", "cp1252"]),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_well_formed_tables_round_trip(table: dict, encoding: str, newline: str) -> None:
    names, rows = table["names"], table["rows"]
    text = _write(names, rows, table["delimiter"], newline)
    data = text.encode(encoding)
    if encoding == "cp1252" and not data.isascii():
        try:  # a cp1252 file that is also valid UTF-8 is read as UTF-8, by design
            data.decode("utf-8")
            assume(False)
        except UnicodeDecodeError:
            pass
    raw = read_table(data, name="t.csv")
    while rows and all(cell == "" for cell in rows[-1]):
        rows = rows[:-1]  # empty rows at the end are dropped
    assert raw.delimiter == table["delimiter"]
    assert list(raw.frame.columns) == names
    assert raw.frame.shape == (len(rows), len(names))
    assert raw.ragged_rows == ()
    assert raw.issues == ()  # distinct names, short cells: nothing changed while reading
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            value = raw.frame.iat[i, j]
            assert _same_cell(value, cell, raw.decimal), (i, j, value, cell)


# --------------------------------------------------------------------------- ragged tables

FIELD = st.text(alphabet=string.ascii_letters + string.digits, min_size=1, max_size=6)


@st.composite
def ragged_tables(draw: st.DrawFn) -> dict[str, object]:
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    width = draw(st.integers(2, 5))
    names = draw(st.lists(HEADER, min_size=width, max_size=width, unique=True))
    lengths = draw(st.lists(st.integers(1, width + 3), min_size=1, max_size=15))
    rows = [draw(st.lists(FIELD, min_size=n, max_size=n)) for n in lengths]
    return {"delimiter": delimiter, "names": names, "rows": rows}


@SETTINGS
@given(table=ragged_tables(), newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_ragged_rows_are_reported_by_file_row(table: dict, newline: str) -> None:
    names, rows, delimiter = table["names"], table["rows"], table["delimiter"]
    data = _write(names, rows, delimiter, newline).encode()
    raw = read_table(data, name="ragged.csv")
    expected = tuple(i + 2 for i, row in enumerate(rows) if len(row) != len(names))
    assert raw.ragged_rows == expected
    width = max(len(names), *(len(row) for row in rows))
    assert raw.frame.shape == (len(rows), width)
    assert list(raw.frame.columns[: len(names)]) == names
    assert list(raw.frame.columns[len(names) :]) == [
        f"column_{j + 1}" for j in range(len(names), width)
    ]
    for i, row in enumerate(rows):
        padded = row + [""] * (width - len(row))
        for j, cell in enumerate(padded):
            assert _same_cell(raw.frame.iat[i, j], cell, raw.decimal), (i, j)


# --------------------------------------------------------------------------- repeated names


@SETTINGS
@given(picks=st.lists(st.sampled_from(["Q1", "Q2", "id"]), min_size=1, max_size=8))
def test_repeated_names_keep_every_column_with_one_warning_each(picks: list[str]) -> None:
    header = ",".join(picks)
    row = ",".join(str(j + 1) for j in range(len(picks)))
    raw = read_table(f"{header}\n{row}\n".encode(), name="dups.csv")
    assert raw.frame.iloc[0].tolist() == list(range(1, len(picks) + 1))  # every value kept
    repeats = len(picks) - len(set(picks))
    assert len(raw.issues) == repeats
    for entry in raw.issues:
        assert entry.severity == "warning" and entry.column in raw.frame.columns
        assert entry.column not in picks and "both named" in entry.problem
