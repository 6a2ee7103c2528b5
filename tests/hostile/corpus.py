"""Generate the hostile-input corpus: ``python -m tests.hostile.corpus OUTDIR``.

Every file is built here from code, deterministically (seeded), so the repository holds no
binaries. Each :class:`Case` says what the file attacks and what the product must answer
(``refused``: a message and the previous data kept; ``loads``: read, with its problems
reported; ``any``: either, as long as no traceback and no internals are shown). The tests in
this folder generate the corpus once per module into a temporary folder.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import random
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REFUSED, LOADS, ANY = "refused", "loads", "any"

# --- the payloads -------------------------------------------------------------------------

INJECTION = (
    "device\") + CAST((SELECT string_agg(line,'|') FROM read_csv('/etc/passwd', "
    "columns={'line': 'VARCHAR'}, header=false, delim='\\x01')) AS INTEGER) "
    '+ approx_count_distinct("device'
)
PASSWD_MARKERS = ("root:x:0:0", "/bin/bash", "daemon:x:")
FORMULAS = ("=1+1", "+A", "-B", "@SUM(A1)", '=HYPERLINK("http://x","y")', "\t=1+1", "\r=1+1")
MARKUP = (
    "![x](http://host/pixel)",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](http://host/phish)",
)
SQL_VALUES = ("'; DROP TABLE x; --", 'a"b', "it's", "\\'", "%_*", "NULL", "")
BIG_CELL = 1_200_000  # characters of the long comment cells (over DuckDB's and csv's limits)

# --- a valid survey, the base of most variants ----------------------------------------------

HEADER = [
    "ResponseId",
    "device",
    "FMOT_expectativa",
    "FMOT_experienced",
    "TMOT_expected",
    "TMOT_experienced",
    "TMOT_emocion",
    "FMOT_emocion",
    "recomendacion",
    "recuerdo_global",
    "FMOT_comment",
]
N_ROWS = 30


def _rows(n: int = N_ROWS) -> list[list[str]]:
    """Rows of a valid export (the shape of tests/pages/conftest.py's VALID_EXPORT)."""
    return [
        [
            f"R{i}",
            "mobile" if i % 2 else "desktop",
            str(3 + i % 3),
            str(2 + i % 4),
            str(4 + i % 2),
            str(1 + i % 5),
            str(i % 7 - 3),
            str((i * 3) % 7 - 3),
            str(i % 11),
            str((i * 7) % 11),
            "fine" if i % 3 else "slow delivery",
        ]
        for i in range(n)
    ]


def _csv(
    header: list[str],
    rows: list[list[str]],
    *,
    newline: str = "\n",
    quoting: int = csv.QUOTE_MINIMAL,
) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=newline, quoting=quoting)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def valid_survey() -> bytes:
    """A small valid export: the good upload that a bad one must not replace."""
    return _csv(HEADER, _rows()).encode()


def _with_column(column: int, values: dict[int, str]) -> bytes:
    rows = _rows()
    for i, value in values.items():
        rows[i][column] = value
    return _csv(HEADER, rows).encode()


# --- survey files ---------------------------------------------------------------------------


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _pdf() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "nothing to see here\n" * 20)
        archive.writestr("image.png", _png())
    return out.getvalue()


def _gzip() -> bytes:
    return gzip.compress(random.Random(5).randbytes(2000), mtime=0)


def _junk() -> bytes:
    return random.Random(9).randbytes(4096)


def _garbage_text() -> bytes:
    words = random.Random(3).choices(["lorem", "ipsum", "%%", "??", "…", "qwerty", "42x"], k=600)
    lines = [" ".join(words[i : i + 7 + i % 5]) for i in range(0, len(words), 9)]
    return "\n".join(lines).encode()


def _truncated_sav() -> bytes:
    header = b"$FL2@(#) IBM SPSS STATISTICS 64-bit MS Windows 27.0.0.0              "
    return header + struct.pack("<iiii", 2, 1, 0, 3)[:10]


def _deep_json() -> bytes:
    return b"[" * 100_000 + b"]" * 100_000


def _huge_number_json() -> bytes:
    digits = "9" * 100_000
    records = [{"ResponseId": "R1", "FMOT_experienced": 3}]
    text = json.dumps(records).replace('"FMOT_experienced": 3', f'"FMOT_experienced": {digits}')
    return text.encode()


def _nul_bytes() -> bytes:
    text = _csv(HEADER, _rows())
    return text.replace("slow delivery", "slow\x00delivery").replace("R5,", "R5\x00,").encode()


def _mixed_encodings() -> bytes:
    rows = _rows()
    lines = [_csv(HEADER, rows[:10]).encode()]
    for i, row in enumerate(rows[10:]):
        row[-1] = "no sé, año próximo"
        encoding = "latin-1" if i % 2 else "utf-8"
        lines.append(_csv(HEADER, [row]).split("\n", 1)[1].encode(encoding))
    return b"".join(lines)


def _utf16(codec: str, bom: bytes) -> Callable[[], bytes]:
    def build() -> bytes:
        rows = _rows()
        rows[1][-1] = "no sé, año próximo"
        return bom + _csv(HEADER, rows).encode(codec)

    return build


def _cr_only() -> bytes:
    return _csv(HEADER, _rows(), newline="\r").encode()


def _ragged() -> bytes:
    text = _csv(HEADER, _rows()).splitlines()
    text[3] = ",".join(text[3].split(",")[:4])  # a short row (file row 4)
    text[6] = text[6] + ",extra,fields,here"  # a long row (file row 7)
    return ("\n".join(text) + "\n").encode()


def _big_cell(row: int) -> Callable[[], bytes]:
    def build() -> bytes:
        rows = _rows()
        rows[row][-1] = "x" * BIG_CELL
        return _csv(HEADER, rows).encode()

    return build


def _duplicate_columns() -> bytes:
    header = [*HEADER[:4], "FMOT_experienced", *HEADER[4:]]
    rows = [[*r[:4], str(1 + (i * 2) % 5), *r[4:]] for i, r in enumerate(_rows())]
    return _csv(header, rows).encode()


def _narrow_1_7() -> bytes:
    # a 1–7 item answered 3–5, alone in its measure (importance): no other column of the
    # measure reaches the scale's ends, so only the values speak
    header = [*HEADER, "SMOT_importance"]
    rows = [[*r, str(3 + i % 3)] for i, r in enumerate(_rows())]
    return _csv(header, rows).encode()


def _quoted_names() -> bytes:
    header = [*HEADER, 'say "hi"', "a;b;c", "line\nbreak", "n" * 5000, "'; DROP TABLE x; --"]
    rows = [[*r, "q", "s", "n", "l", "d"] for r in _rows()]
    return _csv(header, rows).encode()


def _formula_cells() -> bytes:
    rows = _rows()
    for i, formula in enumerate(FORMULAS):
        rows[i][-1] = formula
        rows[i + 10][1] = formula  # the device segment too
    # every field quoted: a bare CR inside a cell would otherwise end the row
    return _csv(HEADER, rows, quoting=csv.QUOTE_ALL).encode()


def _markup_cells() -> bytes:
    header = [*HEADER[:-1], "FMOT_comment ![x](http://host/pixel)", "<script>alert(1)</script>"]
    rows = _rows()
    for i, text in enumerate(MARKUP):
        rows[i][-1] = text
        rows[i + 10][1] = text
    return _csv(header, [[*r, MARKUP[i % len(MARKUP)]] for i, r in enumerate(rows)]).encode()


def _xlsx_formulas() -> bytes:
    from openpyxl import Workbook  # openpyxl writes formulas without cached values

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for i, row in enumerate(_rows(), start=2):
        cells: list[object] = [int(v) if v.lstrip("-").isdigit() else v for v in row]
        if i % 4 == 0:
            cells[3] = f"=C{i}+1"  # FMOT_experienced as a formula, no saved value
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _nested_parquet() -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = _rows()
    columns: dict[str, object] = {
        name: [r[j] if j < 2 or j == len(HEADER) - 1 else int(r[j]) for r in rows]
        for j, name in enumerate(HEADER)
    }
    n = len(rows)
    columns["meta"] = pa.array([{"a": i, "b": f"x{i}"} for i in range(n)])
    columns["tags"] = pa.array([[f"t{i}", "u"] for i in range(n)])
    columns["extra"] = pa.array(
        [[("k", i)] for i in range(n)], type=pa.map_(pa.string(), pa.int64())
    )
    out = io.BytesIO()
    pq.write_table(pa.table(columns), out)
    return out.getvalue()


def _nested_json_records() -> bytes:
    records = [
        dict(zip(HEADER, r, strict=True))
        | {"meta": {"browser": {"name": "x", "v": i}}, "tags": [i]}
        for i, r in enumerate(_rows())
    ]
    return json.dumps(records).encode()


# --- journey and mapping files (loaded beside a valid survey) -------------------------------


def _journey_markup() -> bytes:
    labels = MARKUP
    journey = {
        "name": "![x](http://host/pixel) <script>alert(1)</script>",
        "touchpoints": [
            {
                "id": tp,
                "label_en": f"{tp} {labels[i % len(labels)]}",
                "label_es": f"{tp} {labels[(i + 1) % len(labels)]}",
                "moment": tp,
                "events": [f"{tp.lower()}_event"],
            }
            for i, tp in enumerate(("ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"))
        ],
    }
    return json.dumps(journey).encode()


def _journey_sql_keywords() -> bytes:
    keywords = [["'; DROP TABLE x; --"], ["purchase' OR '1'='1", "%"], ['a"b', "_"], ["\\'"], []]
    journey = {
        "name": "keywords",
        "touchpoints": [
            {"id": tp, "moment": tp, "events": events}
            for tp, events in zip(("ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"), keywords, strict=True)
        ],
    }
    return json.dumps(journey).encode()


def _mapping_missing_columns() -> bytes:
    mapping = {
        "columns": [
            {"column": "ResponseId", "role": "respondent_id"},
            {
                "column": "no_such_column",
                "role": "rating",
                "touchpoint": "FMOT",
                "measure": "experienced",
            },
            {"column": "ghost_nps", "role": "outcome", "outcome": "recommend"},
        ]
    }
    return json.dumps(mapping).encode()


# --- event logs ------------------------------------------------------------------------------

LOG_HEADER = ["user_id", "session_id", "timestamp", "event", "device"]


def _log_rows(n: int = 12) -> list[list[str]]:
    events = ["landing", "product_view", "purchase"]
    return [
        [
            f"u{i // 3}",
            f"s{i // 3}",
            f"2026-03-{1 + i // 3:02d}T10:0{i % 3}:00Z",
            events[i % 3],
            "mobile" if i % 2 else "desktop",
        ]
        for i in range(n)
    ]


def valid_log() -> bytes:
    """A small valid event log (12 events, 4 users): the good log a bad one must not replace."""
    return _csv(LOG_HEADER, _log_rows()).encode()


def _log_injection() -> bytes:
    # beside a real `device` column, as in the issue: the payload closes its quote on it
    return _csv([*LOG_HEADER, INJECTION], [[*r, r[4]] for r in _log_rows()]).encode()


def _log_hostile_values() -> bytes:
    rows = _log_rows(len(SQL_VALUES) * 2)
    for i, value in enumerate(SQL_VALUES):
        rows[2 * i][3] = value or "blank"  # event names (an empty one would be a bad row)
        rows[2 * i + 1][4] = value  # property values
    rows[1][3] = "purchase' OR '1'='1"  # u0: `'; DROP…`, then this, then `a"b`
    header = [*LOG_HEADER, "'; DROP TABLE x; --", 'col"quote']
    return _csv(header, [[*r, "v'", 'w"'] for r in rows]).encode()


def _log_year_99999(good: int) -> Callable[[], bytes]:
    def build() -> bytes:
        rows = _log_rows(5 + good)
        for i in range(5):
            rows[i][2] = f"99999-01-0{1 + i}T10:00:00Z"
        return _csv(LOG_HEADER, rows).encode()

    return build


def _log_unreadable_ts() -> bytes:
    rows = _log_rows()
    for i, row in enumerate(rows):
        row[2] = ["not a date", "yesterday", "32/13/2026", "??"][i % 4]
    return _csv(LOG_HEADER, rows).encode()


def _log_utf16() -> bytes:
    rows = _log_rows()
    rows[0][4] = "móvil"
    return b"\xff\xfe" + _csv(LOG_HEADER, rows).encode("utf-16-le")


def _log_header_only() -> bytes:
    return (",".join(LOG_HEADER) + "\n").encode()


def _log_nested_jsonl() -> bytes:
    lines = [
        json.dumps(
            dict(zip(LOG_HEADER[:4], r[:4], strict=True))
            | {"properties": {"device": r[4], "page": {"path": "/x", "depth": i}}, "tags": [i]}
        )
        for i, r in enumerate(_log_rows())
    ]
    return ("\n".join(lines) + "\n").encode()


# --- the registry ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One file of the corpus.

    Attributes
    ----------
    name : str
        File name (its extension is part of the attack: a PNG named ``.csv``).
    kind : str
        ``survey``, ``log``, ``journey`` or ``mapping``.
    expect : str
        ``refused``, ``loads`` or ``any`` (see the module docstring).
    attacks : str
        What the file attacks, in a few words (the README lists them).
    build : callable
        Returns the file's bytes.
    """

    name: str
    kind: str
    expect: str
    attacks: str
    build: Callable[[], bytes]


def _const(content: bytes) -> Callable[[], bytes]:
    return lambda: content


SURVEYS = [
    Case("zero_byte.csv", "survey", REFUSED, "0-byte file", _const(b"")),
    Case("empty_lines.csv", "survey", REFUSED, "empty file: only line breaks", _const(b"\n\r\n\n")),
    Case("whitespace.csv", "survey", REFUSED, "whitespace only", _const(b"  \t \n   \n\t\n")),
    Case(
        "header_only.csv",
        "survey",
        REFUSED,
        "header row, no data",
        _const((",".join(HEADER) + "\n").encode()),
    ),
    Case("garbage.txt", "survey", REFUSED, "all-garbage text", _garbage_text),
    Case("binary_junk.csv", "survey", REFUSED, "random bytes", _junk),
    Case("image.png.csv", "survey", REFUSED, "PNG named .csv", _png),
    Case("document.pdf.csv", "survey", REFUSED, "PDF named .csv", _pdf),
    Case("archive.zip.csv", "survey", REFUSED, "zip (no survey inside) named .csv", _zip),
    Case("junk.gz.csv", "survey", REFUSED, "gzip of junk named .csv", _gzip),
    Case("truncated.sav", "survey", REFUSED, "SPSS header cut short", _truncated_sav),
    Case("deep.json", "survey", REFUSED, "JSON nested 100k deep", _deep_json),
    Case("huge_number.json", "survey", ANY, "JSON number of 100k digits", _huge_number_json),
    Case("nul_bytes.csv", "survey", LOADS, "NUL bytes inside cells", _nul_bytes),
    Case(
        "mixed_encodings.csv",
        "survey",
        LOADS,
        "UTF-8 and Latin-1 rows in one file",
        _mixed_encodings,
    ),
    Case(
        "utf16le_bom.csv", "survey", LOADS, "UTF-16 LE with BOM", _utf16("utf-16-le", b"\xff\xfe")
    ),
    Case(
        "utf16be_bom.csv", "survey", LOADS, "UTF-16 BE with BOM", _utf16("utf-16-be", b"\xfe\xff")
    ),
    Case("utf16le_nobom.csv", "survey", ANY, "UTF-16 LE without BOM", _utf16("utf-16-le", b"")),
    Case("utf16be_nobom.csv", "survey", ANY, "UTF-16 BE without BOM", _utf16("utf-16-be", b"")),
    Case("cr_only.csv", "survey", LOADS, "CR-only line endings", _cr_only),
    Case("ragged.csv", "survey", LOADS, "short and long rows (file rows 4 and 7)", _ragged),
    Case("big_cell_first.csv", "survey", LOADS, "1.2 MB cell in the first data row", _big_cell(0)),
    Case(
        "big_cell_later.csv", "survey", LOADS, "1.2 MB cell in a later row (row 22)", _big_cell(20)
    ),
    Case("duplicate_columns.csv", "survey", LOADS, "FMOT_experienced twice", _duplicate_columns),
    Case(
        "outlier_0_11.csv",
        "survey",
        LOADS,
        "1–5 measure with one 0 (row 3) and one 11 (row 6)",
        lambda: _with_column(3, {1: "0", 4: "11"}),
    ),
    Case("narrow_1_7.csv", "survey", LOADS, "1–7 item answered only 3–5", _narrow_1_7),
    Case(
        "inf_cells.csv",
        "survey",
        LOADS,
        "inf / 1e309 / -inf cells (rows 3, 5, 7)",
        lambda: _with_column(5, {1: "inf", 3: "1e309", 5: "-inf"}),
    ),
    Case(
        "formula_cells.csv", "survey", LOADS, "formula-like text and segment cells", _formula_cells
    ),
    Case("markup_cells.csv", "survey", LOADS, "markdown/HTML in headers and cells", _markup_cells),
    Case(
        "quoted_names.csv",
        "survey",
        LOADS,
        "column names with quotes, ;, newline, 5000 chars",
        _quoted_names,
    ),
    Case(
        "formulas_no_cache.xlsx",
        "survey",
        LOADS,
        "xlsx formula cells without saved values",
        _xlsx_formulas,
    ),
    Case(
        "nested.parquet",
        "survey",
        LOADS,
        "Parquet with struct, list and map columns",
        _nested_parquet,
    ),
    Case(
        "nested_records.json",
        "survey",
        LOADS,
        "JSON records with nested objects",
        _nested_json_records,
    ),
]
SIDE_FILES = [
    Case(
        "journey_markup.json",
        "journey",
        LOADS,
        "journey labels with markdown images, links, HTML",
        _journey_markup,
    ),
    Case(
        "journey_sql_keywords.json",
        "journey",
        LOADS,
        "journey event keywords with quotes, SQL, LIKE wildcards",
        _journey_sql_keywords,
    ),
    Case(
        "mapping_missing.json",
        "mapping",
        ANY,
        "mapping naming columns the file lacks",
        _mapping_missing_columns,
    ),
]
LOGS = [
    Case("log_injection.csv", "log", LOADS, "SQL injection in a column header", _log_injection),
    Case(
        "log_hostile_values.csv",
        "log",
        LOADS,
        "quotes and SQL in event names, values, headers",
        _log_hostile_values,
    ),
    Case(
        "log_year_99999.csv",
        "log",
        REFUSED,
        "5 rows, all dated in the year 99999",
        _log_year_99999(0),
    ),
    Case(
        "log_year_99999_mixed.csv",
        "log",
        LOADS,
        "5 rows in the year 99999 among 3 good ones",
        _log_year_99999(3),
    ),
    Case(
        "log_unreadable_ts.csv", "log", REFUSED, "every time stamp unreadable", _log_unreadable_ts
    ),
    Case("log_utf16.csv", "log", LOADS, "UTF-16 LE (BOM) event log", _log_utf16),
    Case("log_header_only.csv", "log", REFUSED, "header row, no events", _log_header_only),
    Case("log_nested.jsonl", "log", LOADS, "JSON lines with nested properties", _log_nested_jsonl),
    Case("log_zero_byte.csv", "log", REFUSED, "0-byte log", _const(b"")),
    Case("log_binary_junk.csv", "log", REFUSED, "random bytes", _junk),
]
GOOD = [
    Case(
        "valid_survey.csv", "survey", LOADS, "nothing: the good survey of the tests", valid_survey
    ),
    Case("valid_log.csv", "log", LOADS, "nothing: the good event log of the tests", valid_log),
]
CASES = [*SURVEYS, *SIDE_FILES, *LOGS, *GOOD]


def generate(outdir: str | Path) -> dict[str, Path]:
    """Write every file of the corpus into ``outdir``; return name → path."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for case in CASES:
        path = out / case.name
        path.write_bytes(case.build())
        written[case.name] = path
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m tests.hostile.corpus OUTDIR``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tests.hostile.corpus OUTDIR", file=sys.stderr)
        return 2
    for name, path in generate(args[0]).items():
        print(f"{path.stat().st_size:>10,}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
