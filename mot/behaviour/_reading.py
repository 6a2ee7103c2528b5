"""Reading an event log's files into the standard select (private to the package).

Formats and files, the columns' roles (detected by name), time stamps (time-zone-aware
values, ISO 8601 text, the formats of :data:`DATE_FORMATS`, epoch numbers), the bad rows'
problems, derived sessions, the sandboxed connection and CSV encodings: the SQL that
:func:`mot.behaviour.log.open_event_log` puts together. Its names are public so that the
package's modules may import them; the public constants and :func:`timestamp_range` are
re-exported by :mod:`mot.behaviour`.
"""

from __future__ import annotations

import codecs
import glob
import re
import shutil
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import duckdb

from mot.behaviour._names import name_key
from mot.behaviour._sql import ident, literal
from mot.errors import EventLogError
from mot.messages import Joined, Message

ROLES: tuple[str, ...] = ("user_id", "session_id", "timestamp", "event")
"""Roles a source column can play; ``session_id`` is optional."""

REQUIRED_ROLES: tuple[str, ...] = ("user_id", "timestamp", "event")

ROLE_CANDIDATES: dict[str, tuple[str, ...]] = {
    "user_id": (
        "user_id",
        "user",
        "customer_id",
        "client_id",
        "user_pseudo_id",
        "id_usuario",
        "id_cliente",
        "usuario",
        "cliente",
    ),
    "session_id": ("session_id", "session", "ga_session_id", "sesion", "id_sesion"),
    "timestamp": (
        "timestamp",
        "event_timestamp",
        "time",
        "ts",
        "datetime",
        "date",
        "fecha",
        "fecha_hora",
        "marca_de_tiempo",
    ),
    "event": ("event_name", "event", "action", "evento", "accion", "nombre_evento"),
}
"""Column names recognised for each role (compared without case, accents or separators)."""

STANDARD_COLUMNS: tuple[str, ...] = ("row_number", "user_id", "session_id", "ts", "event")
"""The first columns of the standard view; the file's other columns follow."""

BAD_ROWS_COLUMNS: tuple[str, ...] = ("problem", "count", "example_rows")
EVENT_COUNTS_COLUMNS: tuple[str, ...] = ("event", "count", "users")
UNMATCHED_COLUMNS: tuple[str, ...] = ("event", "count")


PAGE_COLUMNS: tuple[str, ...] = ("page_location", "page_path", "page_url", "url", "page")
"""Columns holding an event's page address, in order of preference (compared without case or
separators): what page rules (``page_view@/product``) look at."""


EPOCH_SECONDS_BELOW = 1e11
"""Numeric timestamps below this magnitude are epoch seconds; below 1e14 milliseconds;
otherwise microseconds."""
EPOCH_MILLIS_BELOW = 1e14

EARLIEST_TIMESTAMP = datetime(1990, 1, 1)
"""Time stamps before this instant (UTC) are bad rows: no web or app event log is older, and
a date such as 0001-01-01 or 1970-01-01 is a placeholder, not an event."""
FUTURE_ALLOWANCE = timedelta(days=366)
"""Time stamps later than this after the day the log is opened are bad rows (a year 99999
would make every trend build millions of periods)."""

DATE_FORMATS: tuple[str, ...] = (
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%Y-%m-%d",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%Y%m%d",
)
"""Explicit date formats tried (with ISO 8601 and epoch numbers). In an ambiguous column
(``03/04/2024``) the format that reads the most values of a sample is tried first."""


_ZONE_PATTERN = (
    r"(?i)\d:\d{2}(:\d{2}([.,]\d+)?)?\s*(z|utc|gmt|[+-]\d{1,2}(:?\d{2})?|[a-z_]+/[a-z_/+-]+)$"
)
_SAMPLE_ROWS = 100_000
_FORMATS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}


# --------------------------------------------------------------------------------------------
# Small helpers


def validate_source(source: str | Path) -> tuple[list[str], str]:
    text = str(source)
    files = sorted(glob.glob(text)) if any(ch in text for ch in "*?[") else [text]
    if not files or not all(Path(f).is_file() for f in files):
        message = Message("events.not_found", path=text)
        raise EventLogError(message)
    suffix = Path(re.sub(r"\.(gz|zst)$", "", files[0], flags=re.I)).suffix.lower()
    if suffix not in _FORMATS:
        message = Message("events.format", name=Path(files[0]).name, suffix=suffix)
        raise EventLogError(message)
    return files, _FORMATS[suffix]


def reader_sql(files: list[str], fmt: str, types: dict[str, str] | None = None) -> str:
    paths = "[" + ", ".join(literal(f) for f in files) + "]"
    if fmt == "csv":
        typed = ""
        if types:
            typed = ", types={" + ", ".join(f"{literal(k)}: 'VARCHAR'" for k in types) + "}"
        return f"read_csv({paths}, header=true, union_by_name=true{typed})"
    if fmt == "parquet" and len(files) == 1:  # exact row numbers from the file itself
        return f"read_parquet({paths}, union_by_name=true, file_row_number=true)"
    if fmt == "parquet":
        return f"read_parquet({paths}, union_by_name=true)"
    layout = "newline_delimited" if fmt == "jsonl" else "auto"
    return f"read_json({paths}, format='{layout}', union_by_name=true)"


def describe_types(con: duckdb.DuckDBPyConnection, sql: str) -> dict[str, str]:
    rows = con.execute(f"DESCRIBE SELECT * FROM {sql}").fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def _ga4_param_columns(
    con: duckdb.DuckDBPyConnection, sql: str, existing: dict[str, str]
) -> list[tuple[str, str]]:
    """``(name, SQL expression)`` for each key of GA4 ``event_params`` found in a sample."""
    keys_sql = (
        "SELECT p.key AS key, count(p.value.string_value) AS s, "
        "count(to_json(p.value)->>'$.double_value') + count(to_json(p.value)->>'$.float_value') "
        f"AS d FROM (SELECT unnest(event_params) AS p FROM (SELECT event_params FROM {sql} "
        f"LIMIT {_SAMPLE_ROWS})) WHERE p.key IS NOT NULL GROUP BY 1 ORDER BY 1"
    )
    out = []
    for key, n_string, n_double in con.execute(keys_sql).fetchall():
        value = f"to_json(list_filter(event_params, lambda x: x.key = {literal(key)})[1].value)"
        parts = ", ".join(
            f"{value}->>'$.{part}'"
            for part in ("string_value", "int_value", "double_value", "float_value")
        )
        if n_string:
            expr = f"coalesce({parts})"
        elif n_double:
            expr = f"try_cast(coalesce({parts}) AS DOUBLE)"
        else:
            expr = f"try_cast(coalesce({parts}) AS BIGINT)"
        name = key if name_key(key) not in {name_key(c) for c in existing} else f"param_{key}"
        out.append((name, expr))
    return out


def _is_ga4(types: dict[str, str]) -> bool:
    kind = types.get("event_params", "")
    return kind.startswith("STRUCT(") and kind.endswith("[]") and '"key"' in kind


def source_relation(
    con: duckdb.DuckDBPyConnection, files: list[str], fmt: str, notes: list[str]
) -> tuple[str, dict[str, str]]:
    """SQL of the source (GA4 params flattened) and its column types."""
    sql = reader_sql(files, fmt)
    types = describe_types(con, sql)
    if _is_ga4(types):
        params = _ga4_param_columns(con, sql, types)
        select = ", ".join(f"{expr} AS {ident(name)}" for name, expr in params)
        sql = f"(SELECT * EXCLUDE (event_params){', ' + select if select else ''} FROM {sql})"
        types = describe_types(con, sql)
        names = ", ".join(name for name, _ in params) or Message("log.none")
        notes.append(Message("log.ga4", columns=names))
    return sql, types


def detect_columns(
    names: list[str], columns: dict[str, str | None] | None, source: str
) -> dict[str, str | None]:
    """Role → source column: the override where given, else detection by name."""
    given = _validate_columns(columns, names, source)
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(name_key(name), name)
    found: dict[str, str | None] = {}
    for role in ROLES:
        if role in given:
            found[role] = given[role]
            continue
        hits = [by_key[name_key(c)] for c in ROLE_CANDIDATES[role] if name_key(c) in by_key]
        taken = set(found.values())
        found[role] = next((h for h in hits if h not in taken), None)
    missing = [r for r in REQUIRED_ROLES if found[r] is None]
    if missing:
        _raise_missing(missing, found, names, source)
    return found


def _raise_missing(
    missing: list[str], found: dict[str, str | None], names: list[str], source: str
) -> None:
    detected = ", ".join(f"{role} = `{col}`" for role, col in found.items() if col)
    hints = "; ".join(f"{role}: {', '.join(ROLE_CANDIDATES[role][:5])}" for role in missing)
    message = Message(
        "events.missing_columns",
        name=Path(source).name,
        roles=Joined(missing, Message("word.and")),
        columns=", ".join(names),
        detected=detected or Message("word.nothing"),
        hints=hints,
        first=missing[0],
    )
    raise EventLogError(message)


def _validate_columns(
    columns: dict[str, str | None] | None, names: list[str], source: str
) -> dict[str, str | None]:
    if not columns:
        return {}
    exact = {n: n for n in names} | {n.lower(): n for n in names}
    out: dict[str, str | None] = {}
    for role, column in columns.items():
        if role not in ROLES:
            message = Message("events.unknown_role", role=role, roles=", ".join(ROLES))
            raise EventLogError(message)
        if column is None or (isinstance(column, str) and not column.strip()):
            if role in REQUIRED_ROLES:
                raise EventLogError(Message("events.role_empty", role=role))
            out[role] = None
            continue
        name = exact.get(str(column), exact.get(str(column).lower()))
        if name is None:
            message = Message(
                "events.absent_column",
                column=str(column),
                role=role,
                name=Path(source).name,
                columns=", ".join(names),
            )
            raise EventLogError(message)
        out[role] = name
    return out


# --------------------------------------------------------------------------------------------
# Timestamps


def _epoch_sql(text: str) -> str:
    """SQL turning a numeric string into a timestamp by its magnitude (s, ms or µs)."""
    number = f"try_cast({text} AS DOUBLE)"
    whole = f"CASE WHEN {number} = trunc({number}) THEN try_cast({text} AS BIGINT) END"
    micros = (
        f"CASE WHEN NOT isfinite({number}) THEN NULL "
        f"WHEN abs({number}) < {EPOCH_SECONDS_BELOW:.0f} "
        f"THEN coalesce({whole} * 1000000, CAST(round({number} * 1e6) AS BIGINT)) "
        f"WHEN abs({number}) < {EPOCH_MILLIS_BELOW:.0f} "
        f"THEN coalesce({whole} * 1000, CAST(round({number} * 1e3) AS BIGINT)) "
        f"WHEN abs({number}) < 9.2e18 THEN coalesce({whole}, CAST(round({number}) AS BIGINT)) "
        "END"
    )
    return f"try(make_timestamp({micros}))"


def _ranked_formats(con: duckdb.DuckDBPyConnection, sql: str, column: str) -> list[str]:
    """Explicit formats that read some of a sample of the column, most successful first."""
    text = f"trim(CAST({ident(column)} AS VARCHAR))"
    counts = ", ".join(f"count(try_strptime(v, {literal(f)}))" for f in DATE_FORMATS)
    query = f"SELECT {counts} FROM (SELECT {text} AS v FROM {sql} LIMIT {_SAMPLE_ROWS})"
    hits = con.execute(query).fetchone() or ()
    ranked = sorted(
        (i for i, n in enumerate(hits) if n), key=lambda i: (-hits[i], i)
    )  # stable tie-break: the order of DATE_FORMATS
    return [DATE_FORMATS[i] for i in ranked]


def _string_timestamp_sql(text: str, formats: list[str]) -> str:
    """SQL parsing a trimmed string: ISO (zone → UTC), explicit formats, epoch numbers."""
    explicit = ""
    if formats:
        explicit = f"try_strptime({text}, [{', '.join(literal(f) for f in formats)}]), "
    zoned = f"try(try_cast({text} AS TIMESTAMPTZ) AT TIME ZONE 'UTC')"
    naive = f"coalesce({explicit}try_cast({text} AS TIMESTAMP), {_epoch_sql(text)})"
    return (
        f"CASE WHEN regexp_matches({text}, {literal(_ZONE_PATTERN)}) THEN {zoned} ELSE {naive} END"
    )


_NUMERIC_KINDS = (
    "TINYINT",
    "SMALLINT",
    "INTEGER",
    "BIGINT",
    "HUGEINT",
    "FLOAT",
    "DOUBLE",
    "DECIMAL",
)

# Kinds whose every value fits a TIMESTAMP (microseconds): a second, millisecond or date
# column can hold instants beyond year 294,247, which do not.
_TIMESTAMP_KINDS = ("TIMESTAMP", "TIMESTAMP_NS")


def unreadable_sql(column: str, kind: str) -> str | None:
    """SQL true when a present timestamp of ``column`` cannot be read; None when all can.

    Microsecond and nanosecond timestamps always convert, and so do time-zone aware ones but
    for ±infinity: testing the source value spares the conversion of every row.
    """
    if kind.startswith("TIMESTAMP WITH TIME ZONE"):
        return f"NOT isfinite({ident(column)})"
    if kind in _TIMESTAMP_KINDS:
        return None
    return "__raw_ts IS NULL"


def timestamp_range(today: date | None = None) -> tuple[datetime, datetime]:
    """The instants a time stamp may have: from :data:`EARLIEST_TIMESTAMP` to a year ahead.

    Parameters
    ----------
    today : datetime.date, optional
        The day the log is opened (UTC today by default).

    Returns
    -------
    tuple of datetime
        ``(earliest, latest)``, both included: 1990-01-01 00:00 and the midnight
        :data:`FUTURE_ALLOWANCE` after ``today``.

    Examples
    --------
    >>> timestamp_range(date(2026, 3, 1))
    (datetime.datetime(1990, 1, 1, 0, 0), datetime.datetime(2027, 3, 2, 0, 0))
    """
    today = today or datetime.now(UTC).date()
    latest = datetime.combine(today + FUTURE_ALLOWANCE, time())
    return EARLIEST_TIMESTAMP, latest


def rows_sql(number: str, ts_sql: str, sql: str) -> str:
    """The source's rows with ``__row``, ``__raw_ts`` (as parsed) and ``__ts`` (in range)."""
    earliest, latest = timestamp_range()
    low, high = (f"TIMESTAMP {literal(t.isoformat(sep=' '))}" for t in (earliest, latest))
    bounded = f"CASE WHEN __raw_ts >= {low} AND __raw_ts <= {high} THEN __raw_ts END"
    numbered = f"SELECT {number} AS __row, {ts_sql} AS __raw_ts, * FROM {sql}"
    return f"SELECT *, {bounded} AS __ts FROM ({numbered})"


def problem_case(checks: list[str], unreadable: str | None) -> str:
    """SQL of the problem code (see :func:`problem_messages`): the first check that holds, from 1.

    ``checks`` are the tests of codes 1–3 (missing user id, event, timestamp); code 4 is
    ``unreadable`` (when a timestamp may be unreadable), code 5 a time stamp out of range.
    """
    coded = [*enumerate(checks, 1)]
    if unreadable:
        coded.append((4, unreadable))
    coded.append((5, "__ts IS NULL"))
    whens = " ".join(f"WHEN {expr} THEN {k}" for k, expr in coded)
    # a one-byte code, not the text: this column has a value for every row of the log
    return f"CAST(CASE {whens} END AS UTINYINT)"


def timestamp_sql(
    con: duckdb.DuckDBPyConnection, sql: str, column: str, kind: str, notes: list[str]
) -> str:
    """SQL giving a naive UTC TIMESTAMP from the source column (NULL when unreadable)."""
    col = ident(column)
    if kind.startswith("TIMESTAMP WITH TIME ZONE"):
        notes.append(Message("log.ts_aware", column=column))
        # the value already is UTC microseconds; AT TIME ZONE would go through ICU for
        # every row (twenty times slower on a large log). Only ±infinity gives NULL.
        return f"make_timestamp(epoch_us({col}))"
    if kind.startswith(("TIMESTAMP", "DATE")):
        notes.append(Message("log.ts_naive", column=column))
        if kind in _TIMESTAMP_KINDS:
            return f"CAST({col} AS TIMESTAMP)"  # cannot fail
        return f"try(CAST({col} AS TIMESTAMP))"
    if kind.startswith(_NUMERIC_KINDS) or kind.startswith("U"):
        notes.append(Message("log.ts_epoch", column=column))
        return _epoch_sql(f"CAST({col} AS VARCHAR)")
    formats = _ranked_formats(con, sql, column)
    if formats:
        notes.append(Message("log.ts_text_formats", column=column, formats=", ".join(formats)))
    else:
        notes.append(Message("log.ts_text", column=column))
    return _string_timestamp_sql(f"nullif(trim(CAST({col} AS VARCHAR)), '')", formats)


def padded_sql(column: str) -> str:
    """SQL telling whether a text value is blank or has spaces to trim."""
    col = ident(column)
    return f"({col} = '' OR prefix({col}, ' ') OR suffix({col}, ' '))"


def text_sql(column: str, kind: str, trim: bool = True) -> str:
    """SQL of a role column as trimmed text, NULL when missing or blank.

    DuckDB's ``trim`` removes spaces and copies every value, so text columns test their ends
    first: few values need trimming, and the test costs a fraction of the copy. With
    ``trim=False`` a text column is read as it is (for a file where no value is padded).
    """
    col = ident(column)
    if kind == "VARCHAR" and not trim:
        return col
    if kind == "VARCHAR":
        return f"CASE WHEN {padded_sql(column)} THEN nullif(trim({col}), '') ELSE {col} END"
    if not trim and _spaceless(kind):  # a number or a date as text has no spaces to trim
        return f"CAST({col} AS VARCHAR)"
    return f"nullif(trim(CAST({col} AS VARCHAR)), '')"


def _spaceless(kind: str) -> bool:
    """Whether a column of this kind reads as text without spaces or blanks (not BLOB)."""
    unsigned = ("UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT", "UUID")
    return kind.startswith((*_NUMERIC_KINDS, *unsigned, "TIMESTAMP", "DATE", "TIME", "BOOLEAN"))


def problem_messages(roles: dict[str, str | None]) -> tuple[Message, ...]:
    """Texts of the row problems; a row's ``__problem`` code k is the k-th (from 1).

    Each is a :class:`mot.messages.Message` (the English text; ``.render("es")``).
    """
    stamp = roles["timestamp"]
    return (
        Message("bad_row.user_id", column=roles["user_id"]),
        Message("bad_row.event", column=roles["event"]),
        Message("bad_row.timestamp", column=stamp),
        Message("bad_row.unparseable", column=stamp),
        Message("bad_row.out_of_range", column=stamp, earliest=f"{EARLIEST_TIMESTAMP:%Y-%m-%d}"),
    )


def standard_select(
    sql: str,
    roles: dict[str, str | None],
    types: dict[str, str],
    ts_sql: str,
    properties: list[tuple[str, str]],
    numbered: bool,
    trim: bool = True,
    good_only: bool = False,
) -> str:
    """SELECT of the standard columns and properties, with two columns about each row.

    ``__problem`` is the row's problem code (NULL for a good row), ``__padded`` whether its
    user id or event name is text that is blank or needs trimming. With ``trim=False`` those
    two are read as they are. (Session ids are always trimmed: only some queries read them,
    and checking them would make every open read them.) With ``good_only=True`` (and
    ``trim=False``) the SELECT keeps the good rows only, without those two columns: its
    conditions test the file's own columns, which a Parquet scan applies as it reads.
    """
    text = [c for c in (roles["user_id"], roles["event"]) if types[c] == "VARCHAR"]
    padded = " OR ".join(padded_sql(c) for c in text) if trim and text else "false"
    user = text_sql(roles["user_id"], types[roles["user_id"]], trim)
    event = text_sql(roles["event"], types[roles["event"]], trim)
    ts_kind = types[roles["timestamp"]]
    # a typed timestamp (not text) cannot be blank: only NULL is missing
    raw_ts = text_sql(roles["timestamp"], ts_kind)
    if ts_kind != "VARCHAR":
        raw_ts = ident(roles["timestamp"])
    session = "CAST(NULL AS VARCHAR)"
    if roles["session_id"]:
        session = text_sql(roles["session_id"], types[roles["session_id"]])
        if name_key(roles["session_id"]) == "gasessionid":
            session = f"{user} || '-' || {session}"
    unreadable = unreadable_sql(roles["timestamp"], ts_kind)
    number = "file_row_number + 1" if numbered else "row_number() OVER ()"
    props = "".join(f", {ident(p)} AS {ident(out)}" for p, out in properties)
    inner = rows_sql(number, ts_sql, sql)
    columns = (
        f"SELECT CAST(__row AS BIGINT) AS row_number, {user} AS user_id, {session} AS session_id, "
        f"__ts AS ts, {event} AS event{props}"
    )
    if good_only:
        # the file's own column where it is what the view reads (text, or a kind without
        # blanks), else the expression (a BLOB id read as text may still be blank)
        raw = [
            ident(roles[r]) if types[roles[r]] == "VARCHAR" or _spaceless(types[roles[r]]) else x
            for r, x in (("user_id", user), ("event", event))
        ]
        good = " AND ".join(f"{c} IS NOT NULL" for c in (*raw, raw_ts))
        if unreadable:
            good += f" AND NOT ({unreadable})"
        good += " AND __ts IS NOT NULL"  # in range
        return f"{columns} FROM ({inner}) WHERE {good}"
    checks = [f"{user} IS NULL", f"{event} IS NULL", f"{raw_ts} IS NULL"]
    problem = problem_case(checks, unreadable)
    return f"{columns}, {problem} AS __problem, {padded} AS __padded FROM ({inner})"


def sessions_sql(select: str, gap_minutes: float) -> str:
    """Wrap the standard SELECT, deriving session ids by an inactivity gap per user."""
    window = "PARTITION BY user_id, __problem IS NULL ORDER BY ts, row_number"
    gap = f"INTERVAL {float(gap_minutes) * 60_000_000:.0f} MICROSECONDS"
    flagged = (
        f"SELECT *, CASE WHEN lag(ts) OVER ({window}) IS NULL OR ts - lag(ts) OVER ({window}) "
        f"> {gap} THEN 1 ELSE 0 END AS __new FROM ({select})"
    )
    numbered = (
        f"SELECT * EXCLUDE (session_id, __new), CASE WHEN __problem IS NULL THEN user_id || ':' "
        f"|| CAST(sum(__new) OVER ({window} ROWS UNBOUNDED PRECEDING) AS VARCHAR) END "
        f"AS session_id FROM ({flagged})"
    )
    return numbered


def property_columns(
    names: list[str], roles: dict[str, str | None], numbered: bool
) -> list[tuple[str, str]]:
    """Return ``(source column, view column)`` of each property.

    Names the view reserves get ``source_`` in front (a property ``ts`` becomes ``source_ts``).
    """
    used = {c for c in roles.values() if c}
    if numbered:
        used.add("file_row_number")
    reserved = {*STANDARD_COLUMNS, "touchpoint"}
    taken = {n.lower() for n in names}
    props = []
    for name in (n for n in names if n not in used):
        out = name
        while out.lower() in reserved or out.startswith("__"):
            out = f"source_{out}"
        if out != name and out.lower() in taken:
            out = f"{out}_{len(props)}"
        props.append((name, out))
    return props


def validate_open(view: str, session_gap: float | None) -> None:
    if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", view):
        raise EventLogError(Message("events.view_name", view=view))
    if session_gap is not None and not session_gap > 0:
        message = Message("events.session_gap", gap=str(session_gap))
        raise EventLogError(message)


def _text_encoding(path: str) -> str | None:
    """The encoding a CSV file must be transcoded from, or None when DuckDB reads it as is.

    A UTF-16 byte-order mark (or, without one, NUL bytes in every other place of the first
    kilobytes) means UTF-16; a file that is not valid UTF-8 (UTF-8 with or without a BOM is
    read as is) is read as Windows-1252, the usual encoding of a spreadsheet's CSV export.
    Compressed files are left to DuckDB.
    """
    if re.search(r"\.(gz|zst)$", path, flags=re.I):
        return None
    with open(path, "rb") as handle:
        head = handle.read(4096)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return "utf-16"
        pairs = len(head) // 2
        if pairs and head[1::2].count(0) > 0.9 * pairs:
            return "utf-16-le"
        if pairs and head[0::2].count(0) > 0.9 * pairs:
            return "utf-16-be"
        decoder = codecs.getincrementaldecoder("utf-8")()
        chunk = head
        try:
            while chunk:
                decoder.decode(chunk)
                chunk = handle.read(1 << 20)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return None


def _transcode(source: str, target: Path, encoding: str) -> str:
    """Write ``source`` as UTF-8 to ``target``; return the encoding used.

    Windows-1252 leaves five byte values undefined: a file holding one is read as Latin-1.
    """
    for attempt in (encoding, "latin-1") if encoding == "cp1252" else (encoding,):
        try:
            with (
                open(source, encoding=attempt, newline="") as inp,
                open(target, "w", encoding="utf-8", newline="") as out,
            ):
                shutil.copyfileobj(inp, out, 1 << 20)
            return attempt
        except UnicodeDecodeError:
            continue
    message = Message("events.not_text", name=Path(source).name, encoding=encoding)
    raise EventLogError(message)


def utf8_files(files: list[str], scratch: Path, notes: list[str]) -> list[str]:
    """The CSV files as DuckDB can read them: UTF-8 copies (same names) of the others."""
    out = []
    for i, path in enumerate(files):
        encoding = _text_encoding(path)
        if encoding is None:
            out.append(path)
            continue
        folder = scratch / str(i)
        folder.mkdir(parents=True)
        target = folder / Path(path).name
        used = _transcode(path, target, encoding)
        notes.append(Message("log.encoding", name=Path(path).name, encoding=used))
        out.append(str(target))
    return out
