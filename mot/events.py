"""Event logs: behaviour data in a standard DuckDB view, events mapped to touchpoints.

An event log is one row per event (a user id, a timestamp, an event name and any properties)
in CSV, Parquet or JSON lines, possibly many files matched by a glob. Nothing loads the log
into pandas: DuckDB scans the files (``read_csv``, ``read_parquet``, ``read_json``) and
parses the timestamps in SQL. A Parquet log stays in its file: every query reads the columns
it needs from it (so keep the file, unchanged, while the log is open). CSV and JSON logs,
and logs whose sessions are derived, are standardised once into a temporary table on the
log's connection; beyond its memory limit DuckDB spills to disk, so a log may be larger
than memory. Queries go through the view :attr:`EventLog.view` (``events`` by default)::

    row_number BIGINT    the event's data row in the file (1-based; see below)
    user_id    VARCHAR
    session_id VARCHAR   from the file, or derived (30 minutes of inactivity; see below)
    ts         TIMESTAMP UTC, naive
    event      VARCHAR
    ...                  every other column of the file, as read (revenue, channel, ...)

**Row numbers** count the data rows of the file from 1, in file order: for a CSV file the
header is line 1, so data row ``k`` is on line ``k + 1``; for JSON lines row ``k`` is the
``k``-th record; for Parquet it is the ``k``-th row. When a glob matches several files the
rows are numbered on through the files in name order.

**Sessions**: when the log has no session column, a user's events are cut into sessions by
inactivity: a new session starts at the user's first event and after every gap longer than
``session_gap`` minutes (30 by default, the usual web-analytics rule). Derived session ids
are ``<user_id>:<n>`` with ``n`` counting the user's sessions from 1. GA4 session ids
(``ga_session_id``) are unique per user only, so they become ``<user_pseudo_id>-<id>``.

**Bad rows** (no user id, no event name, no or unreadable timestamp, a timestamp outside
:func:`timestamp_range`: before 1990-01-01 or more than a year after the day the log is
opened) are left out of the view but counted with example row numbers in
:meth:`EventLog.bad_rows`; each bad row is counted once, under its first problem in that
order. A log without a single good row is refused (:class:`EventLogError` with the reasons).

**Encodings**: DuckDB reads UTF-8 CSV (with or without a byte-order mark); a CSV file in
UTF-16 (LE or BE, with or without a BOM) or Windows-1252 is read through a UTF-8 copy of it,
written to a temporary folder of its own and deleted as soon as the log is open (a CSV log's
rows are in the connection's table by then).

**Sandbox**: a connection :func:`open_event_log` creates may read the log's own files and
spill to its own temporary folder, and nothing else: ``allowed_paths`` (the files),
``allowed_directories`` (the spill folder), ``enable_external_access = false`` and
``lock_configuration = true``, set before the first query. No query on it can read, write,
glob or attach another file, install an extension or undo the settings. Column names, event
names and values from the file enter SQL only through :mod:`mot._sql` or as bound parameters.

Events map to touchpoints by keyword (:class:`EventRules`, built from the journey's
``Touchpoint.events``): a keyword matches when it is a substring of the event name, both
lowercased, with accents removed and spaces, hyphens and dots read as ``_``. When several
keywords match, the longest wins (``repurchase`` is UMOT although it contains SMOT's
``purchase``); ties go to the earlier touchpoint.

**Page rules**: a keyword written ``event@text`` (``page_view@/product|/item``) matches an
event whose name contains ``event`` only when the event's page address holds one of the
``|``-separated texts (case ignored). The page address is the log's first column among
:data:`PAGE_COLUMNS` (GA4's ``page_location`` parameter, ``page_path``, ``url`` …). A page
rule is tried before the plain keywords of the same event; a log without a page address
column never matches one (its ``page_view`` events stay unmapped, and its notes say so). The
default journey maps GA4's ``page_view`` to FMOT this way, only for product pages.
"""

from __future__ import annotations

import codecs
import glob
import os
import re
import shutil
import tempfile
import unicodedata
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import duckdb
import pandas as pd

from mot._sql import ident, literal
from mot.engine import error_text
from mot.errors import EventLogError
from mot.journey import Journey
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
RULES_COLUMNS: tuple[str, ...] = ("touchpoint", "keyword")

PAGE_COLUMNS: tuple[str, ...] = ("page_location", "page_path", "page_url", "url", "page")
"""Columns holding an event's page address, in order of preference (compared without case or
separators): what page rules (``page_view@/product``) look at."""

PAGE_RULE_SEPARATOR = "@"
"""Separates the event from the page texts in a page rule: ``page_view@/product|/item``."""

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

MEMORY_LIMIT = "1GB"
"""DuckDB's memory limit on the connections :func:`open_event_log` creates. A query that needs
more spills to a temporary folder instead of failing, so logs larger than memory can be
analysed; 1 GB keeps the funnel and reach of a 10-million-event log under 1.5 GB of process
memory, and leaves room for several dashboard sessions side by side."""

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


def _fold(text: str) -> str:
    """Lowercase, strip accents, read spaces/hyphens/dots as ``_`` (for event names)."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return re.sub(r"[\s.\-]+", "_", plain.strip())


def _name_key(name: str) -> str:
    """Column name without case, accents or separators (``Fecha_Hora`` → ``fechahora``)."""
    return re.sub(r"[^a-z0-9]", "", _fold(name))


# --------------------------------------------------------------------------------------------
# Rules


@dataclass(frozen=True)
class EventRules:
    """Keywords that map event names to touchpoints, in journey order.

    Attributes
    ----------
    keywords : tuple of (str, tuple of str)
        ``(touchpoint id, keywords)`` pairs in journey order (hashable, so it can key caches).
    """

    keywords: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def touchpoints(self) -> tuple[str, ...]:
        """Touchpoint ids in journey order."""
        return tuple(tp for tp, _ in self.keywords)

    @property
    def page_rules(self) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        """The page rules (``event@text|text``): ``(touchpoint, event keyword, page texts)``.

        Examples
        --------
        >>> EventRules((("FMOT", ("landing", "page_view@/Product|/item")),)).page_rules
        (('FMOT', 'page_view', ('/product', '/item')),)
        """
        out = []
        for touchpoint, words in self.keywords:
            for word in words:
                parsed = _page_rule(word)
                if parsed is not None:
                    out.append((touchpoint, *parsed))
        return tuple(out)

    def page_matches(self, event: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The page rules an event name falls under: ``(touchpoint, page texts)``, to try in order.

        Longest event keyword first, then journey order (as for :meth:`match`).

        Examples
        --------
        >>> from mot.journey import default_journey
        >>> rules_from_journey(default_journey()).page_matches("page_view")[0][0]
        'FMOT'
        >>> rules_from_journey(default_journey()).page_matches("purchase")
        ()
        """
        name = _fold(event)
        found = [
            (-len(key), i, touchpoint, texts)
            for i, (touchpoint, key, texts) in enumerate(self.page_rules)
            if key in name
        ]
        return tuple((touchpoint, texts) for *_, touchpoint, texts in sorted(found))

    def as_dict(self) -> dict[str, tuple[str, ...]]:
        """Touchpoint id → keywords."""
        return dict(self.keywords)

    def match(self, event: str) -> str | None:
        """Return the touchpoint of one event name, or None when no keyword matches.

        The longest matching keyword wins; ties go to the earlier touchpoint. Page rules
        (``page_view@/product``) are not looked at: they need the event's page
        (:meth:`page_matches`, :meth:`EventLog.mapped`).

        Examples
        --------
        >>> rules = EventRules((("SMOT", ("purchase", "compra")), ("UMOT", ("repurchase",))))
        >>> rules.match("repurchase"), rules.match("Compra Online"), rules.match("login")
        ('UMOT', 'SMOT', None)
        """
        name = _fold(event)
        best: tuple[int, str] | None = None
        for touchpoint, words in self.keywords:
            for word in words:
                if PAGE_RULE_SEPARATOR in word:
                    continue
                key = _fold(word)
                if key and key in name and (best is None or len(key) > best[0]):
                    best = (len(key), touchpoint)
        return None if best is None else best[1]

    def to_frame(self) -> pd.DataFrame:
        """The rules as a table (see :func:`rules_frame`)."""
        return rules_frame(self)


def _page_rule(word: str) -> tuple[str, tuple[str, ...]] | None:
    """``(event keyword, page texts)`` of a page rule ``event@text|text``, else None."""
    if PAGE_RULE_SEPARATOR not in word:
        return None
    event, _, pages = word.partition(PAGE_RULE_SEPARATOR)
    texts = tuple(dict.fromkeys(p.strip().lower() for p in pages.split("|") if p.strip()))
    key = _fold(event)
    return (key, texts) if key and texts else None


def rules_from_journey(journey: Journey) -> EventRules:
    """Event rules from each touchpoint's ``events`` keywords.

    Parameters
    ----------
    journey : Journey
        The journey; its order is the rules' order (ties between keywords of equal length go
        to the earlier touchpoint).

    Returns
    -------
    EventRules
        One entry per touchpoint, empty keyword tuples included.

    Examples
    --------
    >>> from mot.journey import default_journey
    >>> rules = rules_from_journey(default_journey())
    >>> rules.touchpoints
    ('ZMOT', 'FMOT', 'SMOT', 'TMOT', 'UMOT')
    >>> rules.match("repurchase"), rules.match("recompra"), rules.match("Envío retrasado")
    ('UMOT', 'UMOT', 'TMOT')
    """
    return EventRules(tuple((tp.id, tuple(tp.events)) for tp in journey.touchpoints))


def rules_frame(rules: EventRules) -> pd.DataFrame:
    """The rules as an editable table, one row per keyword.

    Parameters
    ----------
    rules : EventRules
        The rules.

    Returns
    -------
    DataFrame
        ``touchpoint, keyword`` in journey order, keywords in their order.

    Examples
    --------
    >>> rules_frame(EventRules((("SMOT", ("cart", "compra")), ("UMOT", ()))))
      touchpoint keyword
    0       SMOT    cart
    1       SMOT  compra
    """
    rows = [(tp, word) for tp, words in rules.keywords for word in words]
    return pd.DataFrame(rows, columns=list(RULES_COLUMNS), dtype=object)


def _validate_rules_frame(frame: pd.DataFrame, journey: Journey) -> dict[str, str]:
    missing = [c for c in RULES_COLUMNS if c not in frame.columns]
    if missing:
        message = Message(
            "events.rules_columns",
            missing="`, `".join(missing),
            found=", ".join(map(str, frame.columns)),
        )
        raise EventLogError(message)
    return {tp.lower(): tp for tp in journey.ids}


def rules_from_frame(frame: pd.DataFrame, journey: Journey) -> EventRules:
    """Validated rules from an edited table (the form of :func:`rules_frame`).

    Parameters
    ----------
    frame : DataFrame
        ``touchpoint, keyword``; a keyword cell may hold several keywords separated by commas.
        Rows whose keyword is empty are skipped; repeated keywords of a touchpoint are kept
        once. Touchpoint ids are matched without case.
    journey : Journey
        The journey the rules belong to; it gives the touchpoints and their order.

    Returns
    -------
    EventRules
        One entry per journey touchpoint (without keywords when the table has none for it).

    Raises
    ------
    EventLogError
        If a column is missing or a row names a touchpoint that is not in the journey.

    Examples
    --------
    >>> from mot.journey import default_journey
    >>> frame = pd.DataFrame({"touchpoint": ["smot", "UMOT"], "keyword": ["pedido, order", "x"]})
    >>> rules_from_frame(frame, default_journey()).as_dict()["SMOT"]
    ('pedido', 'order')
    """
    canonical = _validate_rules_frame(frame, journey)
    found: dict[str, list[str]] = {tp: [] for tp in journey.ids}
    for i, (tp, cell) in enumerate(zip(frame["touchpoint"], frame["keyword"], strict=True)):
        words = [] if pd.isna(cell) else [w.strip() for w in str(cell).split(",") if w.strip()]
        if not words:
            continue
        key = "" if pd.isna(tp) else str(tp).strip().lower()
        if key not in canonical:
            message = Message(
                "events.rules_unknown_touchpoint",
                row=i + 1,
                touchpoint="" if pd.isna(tp) else str(tp),
                journey=journey.name,
                touchpoints=", ".join(journey.ids),
            )
            raise EventLogError(message)
        target = found[canonical[key]]
        target.extend(w for w in words if w not in target)
    return EventRules(tuple((tp, tuple(words)) for tp, words in found.items()))


def journey_with_rules(journey: Journey, rules: EventRules) -> Journey:
    """The journey with each touchpoint's ``events`` keywords replaced by the rules'.

    Parameters
    ----------
    journey : Journey
        The journey (not changed).
    rules : EventRules
        The rules; touchpoints of the journey missing from the rules get no keywords.

    Returns
    -------
    Journey
        A validated copy, ready for :func:`mot.journey.save_journey`.

    Raises
    ------
    EventLogError
        If the rules name a touchpoint that is not in the journey.

    Examples
    --------
    >>> from mot.journey import default_journey
    >>> rules = EventRules((("SMOT", ("pedido",)),))
    >>> journey_with_rules(default_journey(), rules).touchpoint("SMOT").events
    ('pedido',)
    """
    words = {tp.lower(): tuple(kw) for tp, kw in rules.keywords}
    unknown = [tp for tp in rules.touchpoints if tp.lower() not in {t.lower() for t in journey.ids}]
    if unknown:
        message = Message(
            "events.rules_outside_journey",
            unknown="`, `".join(unknown),
            journey=journey.name,
            touchpoints=", ".join(journey.ids),
        )
        raise EventLogError(message)
    new = [replace(tp, events=words.get(tp.id.lower(), ())) for tp in journey.touchpoints]
    return journey.with_touchpoints(new)


# --------------------------------------------------------------------------------------------
# Reading


def _validate_source(source: str | Path) -> tuple[list[str], str]:
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


def _reader_sql(files: list[str], fmt: str, types: dict[str, str] | None = None) -> str:
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


def _describe(con: duckdb.DuckDBPyConnection, sql: str) -> dict[str, str]:
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
        name = key if _name_key(key) not in {_name_key(c) for c in existing} else f"param_{key}"
        out.append((name, expr))
    return out


def _is_ga4(types: dict[str, str]) -> bool:
    kind = types.get("event_params", "")
    return kind.startswith("STRUCT(") and kind.endswith("[]") and '"key"' in kind


def _source_relation(
    con: duckdb.DuckDBPyConnection, files: list[str], fmt: str, notes: list[str]
) -> tuple[str, dict[str, str]]:
    """SQL of the source (GA4 params flattened) and its column types."""
    sql = _reader_sql(files, fmt)
    types = _describe(con, sql)
    if _is_ga4(types):
        params = _ga4_param_columns(con, sql, types)
        select = ", ".join(f"{expr} AS {ident(name)}" for name, expr in params)
        sql = f"(SELECT * EXCLUDE (event_params){', ' + select if select else ''} FROM {sql})"
        types = _describe(con, sql)
        names = ", ".join(name for name, _ in params) or Message("log.none")
        notes.append(Message("log.ga4", columns=names))
    return sql, types


def _detect_columns(
    names: list[str], columns: dict[str, str | None] | None, source: str
) -> dict[str, str | None]:
    """Role → source column: the override where given, else detection by name."""
    given = _validate_columns(columns, names, source)
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(_name_key(name), name)
    found: dict[str, str | None] = {}
    for role in ROLES:
        if role in given:
            found[role] = given[role]
            continue
        hits = [by_key[_name_key(c)] for c in ROLE_CANDIDATES[role] if _name_key(c) in by_key]
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


def _unreadable_sql(column: str, kind: str) -> str | None:
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


def _rows_sql(number: str, ts_sql: str, sql: str) -> str:
    """The source's rows with ``__row``, ``__raw_ts`` (as parsed) and ``__ts`` (in range)."""
    earliest, latest = timestamp_range()
    low, high = (f"TIMESTAMP {literal(t.isoformat(sep=' '))}" for t in (earliest, latest))
    bounded = f"CASE WHEN __raw_ts >= {low} AND __raw_ts <= {high} THEN __raw_ts END"
    numbered = f"SELECT {number} AS __row, {ts_sql} AS __raw_ts, * FROM {sql}"
    return f"SELECT *, {bounded} AS __ts FROM ({numbered})"


def _problem_case(checks: list[str], unreadable: str | None) -> str:
    """SQL of the problem code (see :func:`_problems`): the first check that holds, from 1.

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


def _timestamp_sql(
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


# --------------------------------------------------------------------------------------------
# The event log


@dataclass(frozen=True, eq=False)
class EventLog:
    """An event log opened on a DuckDB connection, with its standard view.

    Attributes
    ----------
    connection : duckdb.DuckDBPyConnection
        The connection holding the table and the views.
    source : str
        The path (or glob) that was opened.
    columns : dict
        Role (``user_id``, ``session_id``, ``timestamp``, ``event``) → source column (None
        when the log has no session column).
    view : str
        The standard view's name (``events`` by default).
    n_rows : int
        Data rows in the file(s): ``n_events + n_bad_rows``.
    n_events : int
        Rows in the view.
    n_users : int
        Distinct users in the view (a property, counted on first use).
    n_sessions : int
        Distinct sessions in the view, derived ones included: pairs ``(user_id,
        session_id)``, since session ids need only be unique per user (a property, counted
        on first use).
    notes : tuple of str
        What was detected (format, columns, timestamp handling, sessions), each a
        :class:`mot.messages.Message` (the English text; ``note.render("es")`` in Spanish).
    page_column : str or None
        The view's column holding each event's page address (the first of
        :data:`PAGE_COLUMNS` the log has), which page rules look at; None when there is none.
    """

    connection: duckdb.DuckDBPyConnection
    source: str
    columns: dict[str, str | None]
    view: str
    n_rows: int
    n_events: int
    notes: tuple[str, ...]
    _bad: pd.DataFrame = field(repr=False)
    _events: dict[str, int] = field(repr=False)  # good rows per event name, from the open
    _distinct: dict[str, int] = field(default_factory=dict, repr=False)
    page_column: str | None = None
    _pages: dict[tuple, dict[str, dict[str | None, int]]] = field(
        default_factory=dict, repr=False
    )  # page rules → events per name and page touchpoint, counted once

    @property
    def n_users(self) -> int:
        """Distinct users in the view (counted on first use)."""
        return self._distinct_counts()["users"]

    @property
    def n_sessions(self) -> int:
        """Distinct ``(user_id, session_id)`` pairs in the view (counted on first use)."""
        return self._distinct_counts()["sessions"]

    def _distinct_counts(self) -> dict[str, int]:
        # Counting distinct ids is a pass over the whole log with a large hash table: done
        # when asked for, not at every open (a funnel or reach does not need it).
        if not self._distinct:
            # a session is a user's (ids need only be unique per user): one grouping by
            # user gives both counts
            users, sessions = self.connection.execute(
                "SELECT count(*), coalesce(sum(n), 0) FROM (SELECT count(DISTINCT session_id) "
                f"AS n FROM {ident(self.view)} GROUP BY user_id)"
            ).fetchone()
            self._distinct.update(users=int(users), sessions=int(sessions))
        return self._distinct

    @property
    def n_bad_rows(self) -> int:
        """Rows left out of the view (each counted once)."""
        return int(self._bad["count"].sum())

    @property
    def table(self) -> str:
        """The temporary relation behind the view, bad rows included.

        Every row of the log with the standard columns, the properties, ``__problem`` (the
        row's problem as a code: its position, from 1, in the problems :meth:`bad_rows` can
        list; NULL for a good row) and ``__padded`` (whether the row's user id or event name
        needed trimming). A view over the file for Parquet (each query reads what it uses),
        a table otherwise.
        """
        return f"_mot_{self.view}_rows"

    def bad_rows(self) -> pd.DataFrame:
        """Rows left out of the view, by problem.

        Returns
        -------
        DataFrame
            ``problem, count, example_rows`` (the first five row numbers, a list), sorted by
            count descending then problem; empty with the same columns when every row is good.
            Each ``problem`` is a :class:`mot.messages.Message` (English; ``.render("es")``).
        """
        return self._bad.copy()

    def touchpoint_events(self, rules: EventRules) -> dict[str, int]:
        """Events of each touchpoint of ``rules`` (0 when none), without a pass over the log.

        Counted from the events per name taken when the log was opened; events that page
        rules fall under (``page_view@/product``) are counted by their page once per rules,
        in one pass over those events, when the log has a page column.

        Examples
        --------
        >>> from mot.journey import default_journey
        >>> log = open_event_log("data/demo_events.parquet")
        >>> log.touchpoint_events(rules_from_journey(default_journey()))["UMOT"]
        1782
        """
        totals = dict.fromkeys(rules.touchpoints, 0)
        for _, touchpoint, n in self.event_touchpoints(rules):
            if touchpoint is not None:
                totals[touchpoint] += n
        return totals

    def event_touchpoints(self, rules: EventRules) -> list[tuple[str, str | None, int]]:
        """``(event, touchpoint or None, events)`` for every event name of the log.

        An event name that page rules fall under has a triple per touchpoint its pages give
        (None for its events that no rule maps). From the counts taken at the open, as
        :meth:`touchpoint_events`.

        Examples
        --------
        >>> from mot.journey import default_journey
        >>> log = open_event_log("data/demo_events.parquet")
        >>> log.event_touchpoints(rules_from_journey(default_journey()))[:2]
        [('account_login', None, 3005), ('ad_click', 'ZMOT', 5869)]
        """
        pages = self._page_counts(rules)
        out = []
        for event, n in self._events.items():
            if event not in pages:
                out.append((event, rules.match(event), n))
                continue
            for touchpoint, k in pages[event].items():
                out.append((event, touchpoint or rules.match(event), k))
        return out

    def _page_groups(self, rules: EventRules) -> tuple[list[int | None], list[tuple]]:
        """Each event name's group of page rules (None: no page rule), and the groups."""
        groups: dict[tuple, int] = {}
        ids: list[int | None] = []
        for name in self._events:
            matches = rules.page_matches(name) if self.page_column else ()
            ids.append(groups.setdefault(matches, len(groups)) if matches else None)
        return ids, list(groups)

    def _page_case(self, groups: list[tuple]) -> str:
        """``WHEN`` branches giving the touchpoint of an event ``e`` by its page.

        ``m.page_rule`` is the event's group; page texts and ids come from the rules and enter
        the SQL as quoted literals (a view cannot take bound parameters).
        """
        page = f"lower(CAST(e.{ident(self.page_column)} AS VARCHAR))"
        branches = []
        for group, matches in enumerate(groups):
            for touchpoint, texts in matches:
                test = " OR ".join(f"contains({page}, {literal(text)})" for text in texts)
                branches.append(
                    f"WHEN m.page_rule = {group} AND ({test}) THEN {literal(touchpoint)}"
                )
        return " ".join(branches)

    def _page_counts(self, rules: EventRules) -> dict[str, dict[str | None, int]]:
        """Events of each name page rules fall under, by the touchpoint their page gives."""
        ids, groups = self._page_groups(rules)
        if not groups:
            return {}
        key = (tuple(groups), tuple(ids))
        if key not in self._pages:
            names = [n for n, i in zip(self._events, ids, strict=True) if i is not None]
            frame = pd.DataFrame(
                {"event": names, "page_rule": [i for i in ids if i is not None]}
            ).astype({"event": object, "page_rule": "int64"})
            rows = self._with_frame(
                "_mot_page_frame",
                frame,
                f"SELECT e.event, CASE {self._page_case(groups)} END, count(*) "
                f"FROM {ident(self.view)} e JOIN _mot_page_frame m ON e.event = m.event "
                "GROUP BY ALL",
            )
            counts: dict[str, dict[str | None, int]] = {}
            for event, touchpoint, n in rows:
                counts.setdefault(event, {})[touchpoint] = int(n)
            self._pages[key] = counts
        return self._pages[key]

    def _with_frame(self, name: str, frame: pd.DataFrame, sql: str) -> list[tuple]:
        """Run ``sql`` with ``frame`` registered as ``name`` (unregistered after)."""
        con = self.connection
        # a result the caller left unfinished on the connection would make register() fail;
        # a query ends it, as any query would
        con.execute("SELECT 1").fetchall()
        con.register(name, frame)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.unregister(name)

    def mapped(self, rules: EventRules, *, name: str | None = None) -> str:
        """Create (or replace) the view of events with their touchpoint.

        Parameters
        ----------
        rules : EventRules
            The keyword rules.
        name : str, optional
            The view's name; ``<view>_mapped`` (``events_mapped``) by default.

        Returns
        -------
        str
            The view's name: the standard view's columns plus ``touchpoint VARCHAR`` (NULL when
            no keyword matches). Each distinct event name is matched once in Python; the view
            joins that small table. Events that page rules fall under get their touchpoint
            from their page address (:attr:`page_column`) in the view, before the plain
            keywords.
        """
        name = name or f"{self.view}_mapped"
        names = list(self._events)  # found when the log was opened
        ids, groups = self._page_groups(rules)
        mapping = pd.DataFrame(
            {
                "event": pd.Series(names, dtype=object),
                "touchpoint": pd.Series([rules.match(n) for n in names], dtype=object),
                "page_rule": pd.array(ids, dtype="Int64"),
            }
        )
        table = f"_mot_{name}_map"
        self._with_frame(
            "_mot_mapping_frame",
            mapping,
            f"CREATE OR REPLACE TEMP TABLE {ident(table)} AS SELECT CAST(event AS VARCHAR) "
            "AS event, CAST(touchpoint AS VARCHAR) AS touchpoint, CAST(page_rule AS INTEGER) "
            "AS page_rule FROM _mot_mapping_frame",
        )
        touchpoint = "m.touchpoint"
        if groups:
            touchpoint = f"CASE {self._page_case(groups)} ELSE m.touchpoint END"
        self.connection.execute(
            f"CREATE OR REPLACE TEMP VIEW {ident(name)} AS SELECT e.*, {touchpoint} AS touchpoint "
            f"FROM {ident(self.view)} e LEFT JOIN {ident(table)} m ON e.event = m.event"
        )
        return name


def _padded_sql(column: str) -> str:
    """SQL telling whether a text value is blank or has spaces to trim."""
    col = ident(column)
    return f"({col} = '' OR prefix({col}, ' ') OR suffix({col}, ' '))"


def _text_sql(column: str, kind: str, trim: bool = True) -> str:
    """SQL of a role column as trimmed text, NULL when missing or blank.

    DuckDB's ``trim`` removes spaces and copies every value, so text columns test their ends
    first: few values need trimming, and the test costs a fraction of the copy. With
    ``trim=False`` a text column is read as it is (for a file where no value is padded).
    """
    col = ident(column)
    if kind == "VARCHAR" and not trim:
        return col
    if kind == "VARCHAR":
        return f"CASE WHEN {_padded_sql(column)} THEN nullif(trim({col}), '') ELSE {col} END"
    if not trim and _spaceless(kind):  # a number or a date as text has no spaces to trim
        return f"CAST({col} AS VARCHAR)"
    return f"nullif(trim(CAST({col} AS VARCHAR)), '')"


def _spaceless(kind: str) -> bool:
    """Whether a column of this kind reads as text without spaces or blanks (not BLOB)."""
    unsigned = ("UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT", "UUID")
    return kind.startswith((*_NUMERIC_KINDS, *unsigned, "TIMESTAMP", "DATE", "TIME", "BOOLEAN"))


def _problems(roles: dict[str, str | None]) -> tuple[Message, ...]:
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


def _standard_select(
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
    padded = " OR ".join(_padded_sql(c) for c in text) if trim and text else "false"
    user = _text_sql(roles["user_id"], types[roles["user_id"]], trim)
    event = _text_sql(roles["event"], types[roles["event"]], trim)
    ts_kind = types[roles["timestamp"]]
    # a typed timestamp (not text) cannot be blank: only NULL is missing
    raw_ts = _text_sql(roles["timestamp"], ts_kind)
    if ts_kind != "VARCHAR":
        raw_ts = ident(roles["timestamp"])
    session = "CAST(NULL AS VARCHAR)"
    if roles["session_id"]:
        session = _text_sql(roles["session_id"], types[roles["session_id"]])
        if _name_key(roles["session_id"]) == "gasessionid":
            session = f"{user} || '-' || {session}"
    unreadable = _unreadable_sql(roles["timestamp"], ts_kind)
    number = "file_row_number + 1" if numbered else "row_number() OVER ()"
    props = "".join(f", {ident(p)} AS {ident(out)}" for p, out in properties)
    inner = _rows_sql(number, ts_sql, sql)
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
    problem = _problem_case(checks, unreadable)
    return f"{columns}, {problem} AS __problem, {padded} AS __padded FROM ({inner})"


def _sessions_sql(select: str, gap_minutes: float) -> str:
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


def _property_columns(
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


def _validate_open(view: str, session_gap: float | None) -> None:
    if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", view):
        raise EventLogError(Message("events.view_name", view=view))
    if session_gap is not None and not session_gap > 0:
        message = Message("events.session_gap", gap=str(session_gap))
        raise EventLogError(message)


def _connect(files: list[str]) -> duckdb.DuckDBPyConnection:
    """A new sandboxed in-memory connection that may read ``files`` and nothing else.

    It spills beyond :data:`MEMORY_LIMIT` to a folder of its own under the temporary folder
    (DuckDB creates it on the first spill and removes it on close). External access is off
    (``enable_external_access = false``): no other file can be read, written, attached or
    globbed, no extension installed, no URL fetched; ``allowed_paths`` lets the log's own
    files through (a Parquet view reads them at every query) and ``allowed_directories`` the
    spill folder. ``lock_configuration`` makes every setting final: ``SET`` cannot undo it.
    """
    spill = Path(tempfile.gettempdir()) / f"mot-duckdb-{uuid.uuid4().hex[:12]}"
    config = {"memory_limit": MEMORY_LIMIT, "temp_directory": str(spill)}
    con = duckdb.connect(config=config)
    con.execute("SET enable_progress_bar = false")
    # in this order: the allowed paths cannot change once external access is off
    con.execute("SET allowed_paths = $paths", {"paths": list(files)})
    con.execute("SET allowed_directories = $dirs", {"dirs": [str(spill)]})
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


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


def _utf8_files(files: list[str], scratch: Path, notes: list[str]) -> list[str]:
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


def open_event_log(
    source: str | Path,
    *,
    columns: dict[str, str | None] | None = None,
    connection: duckdb.DuckDBPyConnection | None = None,
    view: str = "events",
    session_gap: float | None = 30,
) -> EventLog:
    """Open an event log (CSV, Parquet or JSON lines) as a standard DuckDB view.

    Parameters
    ----------
    source : str or Path
        A file or a glob (``logs/*.parquet``); the format comes from the extension (``.csv``,
        ``.tsv``, ``.txt``, ``.parquet``, ``.jsonl``, ``.ndjson``, ``.json``; ``.gz`` allowed).
    columns : dict, optional
        Role → source column, overriding detection for those roles (``user_id``,
        ``session_id``, ``timestamp``, ``event``; ``session_id: None`` means no session
        column). Others are detected by name (see :data:`ROLE_CANDIDATES`).
    connection : duckdb.DuckDBPyConnection, optional
        Where to create the table and views (its settings are left as they are: it is not
        sandboxed); by default a new in-memory connection limited to :data:`MEMORY_LIMIT`
        that spills to a temporary folder beyond it, sandboxed (see the module's notes): it
        can read the log's files and nothing else.
    view : str
        The standard view's name.
    session_gap : float or None
        Minutes of inactivity that start a new session when the log has no session column;
        None leaves ``session_id`` NULL.

    Returns
    -------
    EventLog
        The opened log; its view has ``row_number, user_id, session_id, ts, event`` and the
        file's other columns. Timestamps are read from time-zone-aware values (converted to
        UTC), ISO 8601 text (offsets converted), the formats of :data:`DATE_FORMATS`, or epoch
        numbers (by magnitude: seconds below 1e11, milliseconds below 1e14, else µs); those
        outside :func:`timestamp_range` are bad rows.

    Raises
    ------
    EventLogError
        If no file matches, the format is unsupported, DuckDB cannot read the file, a column
        in ``columns`` does not exist, the user id, timestamp or event column is missing, or
        no row is a usable event (the message lists the problems with example rows). Messages
        name the file by its name, not its folder.

    Examples
    --------
    >>> log = open_event_log("data/demo_events.parquet")
    >>> log.n_events, log.n_users, log.n_bad_rows
    (175038, 23995, 0)
    >>> log.connection.execute("SELECT count(*) FROM events WHERE event = 'purchase'").fetchone()
    (4828,)
    """
    _validate_open(view, session_gap)
    files, fmt = _validate_source(source)
    files = [os.path.abspath(f) for f in files]
    notes = [
        Message("log.format_files", format=fmt, n=len(files))
        if len(files) > 1
        else Message("log.format", format=fmt)
    ]
    # UTF-8 copies of CSV files in other encodings: read into the log's table at the open,
    # then deleted (a CSV log is never read again)
    scratch = Path(tempfile.mkdtemp(prefix="mot-utf8-")) if fmt == "csv" else None
    try:
        readable = _utf8_files(files, scratch, notes) if scratch else files
        return _open_on(connection, readable, str(source), fmt, columns, view, session_gap, notes)
    except duckdb.Error as exc:
        message = Message(
            "events.unreadable", name=Path(files[0]).name, format=fmt, error=error_text(exc)
        )
        raise EventLogError(message) from exc
    except OSError as exc:
        message = Message(
            "events.unopenable", name=Path(files[0]).name, error=str(exc.strerror or exc)
        )
        raise EventLogError(message) from exc
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def _open_on(
    connection: duckdb.DuckDBPyConnection | None,
    files: list[str],
    source: str,
    fmt: str,
    columns: dict[str, str | None] | None,
    view: str,
    session_gap: float | None,
    notes: list[str],
) -> EventLog:
    """:func:`_open` on the caller's connection, or on a new sandboxed one (closed on error)."""
    con = _connect(files) if connection is None else connection
    try:
        return _open(con, source, files, fmt, columns, view, session_gap, notes)
    except BaseException:
        if connection is None:
            con.close()
        raise


def _open(
    con: duckdb.DuckDBPyConnection,
    source: str,
    files: list[str],
    fmt: str,
    columns: dict[str, str | None] | None,
    view: str,
    session_gap: float | None,
    notes: list[str],
) -> EventLog:
    sql, types = _source_relation(con, files, fmt, notes)
    roles = _detect_columns(list(types), columns, source)
    if fmt == "csv":  # read the role columns as text: ids keep leading zeros, dates their form
        sql = _reader_sql(files, fmt, {c: "VARCHAR" for c in roles.values() if c})
        types = _describe(con, sql)
    shown = ", ".join(f"{r} = `{c}`" for r, c in roles.items() if c)
    notes.append(Message("log.columns", columns=shown))
    ts_sql = _timestamp_sql(con, sql, roles["timestamp"], types[roles["timestamp"]], notes)
    numbered = fmt == "parquet" and len(files) == 1
    props = _property_columns(list(types), roles, numbered)
    select = _standard_select(sql, roles, types, ts_sql, props, numbered)
    derived = roles["session_id"] is None and session_gap is not None
    if derived:
        select = _sessions_sql(select, session_gap)
        notes.append(Message("log.sessions", minutes=session_gap))
    # Parquet is columnar and compressed: a query reads only the columns it uses, in less
    # time than a copy takes to make, and the log never has to fit in memory. CSV and JSON
    # would be parsed again (timestamps included) by every query, and derived sessions need
    # a window over the whole log: those are computed once into a table.
    kind = "VIEW" if fmt == "parquet" and not derived else "TABLE"
    table = f"_mot_{view}_rows"
    _drop(con, table)
    con.execute(f"CREATE TEMP {kind} {ident(table)} AS {select}")
    # the problem code is NULL exactly when these three are set (a timestamp that parses
    # was there): a cheaper test than the code when the rows are read from the file
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW {ident(view)} AS SELECT row_number, user_id, session_id, "
        f"ts, event, * EXCLUDE (row_number, user_id, session_id, ts, event, __problem, __padded) "
        f"FROM {ident(table)} WHERE user_id IS NOT NULL AND event IS NOT NULL "
        "AND ts IS NOT NULL"
    )
    problems = _problems(roles)
    quick = None
    if kind == "VIEW" and numbered:  # one Parquet file: its own row numbers
        quick = _quick_summary(con, sql, roles, types, ts_sql, problems)
    if quick is not None:
        (n_rows, n_events, bad, names), padded = quick, False
    else:
        n_rows, n_events, bad, names, padded = _summary(con, table, problems)
    if n_events == 0:
        _raise_no_events(source, n_rows, bad)
    if kind == "VIEW" and not padded:
        # No user id or event name of the file is blank or padded: queries read them as they
        # are instead of testing every value again (a Parquet file is not edited in place),
        # and the view keeps the good rows by testing the file's columns.
        plain = _standard_select(sql, roles, types, ts_sql, props, numbered, trim=False)
        con.execute(f"CREATE OR REPLACE TEMP VIEW {ident(table)} AS {plain}")
        good = _standard_select(sql, roles, types, ts_sql, props, numbered, False, True)
        con.execute(f"CREATE OR REPLACE TEMP VIEW {ident(view)} AS {good}")
    page = _page_column([out for _, out in props])
    notes.extend(_page_notes(page, names))
    return EventLog(
        con, source, dict(roles), view, n_rows, n_events, tuple(notes), bad, names, page_column=page
    )


def _page_column(columns: list[str]) -> str | None:
    """The first column of :data:`PAGE_COLUMNS` among the view's properties, else None."""
    by_key = {_name_key(c): c for c in reversed(columns)}
    return next((by_key[_name_key(p)] for p in PAGE_COLUMNS if _name_key(p) in by_key), None)


def _page_notes(page: str | None, names: dict[str, int]) -> list[str]:
    """What page rules will look at, or why ``page_view`` events cannot be mapped."""
    if page is not None:
        return [Message("log.page_column", column=page)]
    if any("page_view" in _fold(name) for name in names):
        return [Message("log.no_page_column")]
    return []


def _raise_no_events(source: str, n_rows: int, bad: pd.DataFrame) -> None:
    """Raise :class:`EventLogError`: the log has no usable event (say why, with rows)."""
    name = Path(source).name
    if n_rows == 0:
        message = Message("events.no_rows", name=name)
        raise EventLogError(message)
    reasons = Joined(
        [
            Message("events.bad_rows", problem=problem, count=count, rows=", ".join(map(str, rows)))
            for problem, count, rows in bad.itertuples(index=False)
        ],
        "; ",
    )
    message = Message(
        "events.no_usable_row",
        name=name,
        n=n_rows,
        reasons=reasons,
        year=f"{EARLIEST_TIMESTAMP:%Y}",
    )
    raise EventLogError(message)


def _drop(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Drop the temporary table or view ``name`` if there is one (a log opened before)."""
    row = con.execute(
        "SELECT table_type FROM information_schema.tables "
        "WHERE table_catalog = 'temp' AND table_name = ?",
        [name],
    ).fetchone()
    if row is not None:
        con.execute(f"DROP {'VIEW' if row[0] == 'VIEW' else 'TABLE'} {ident(name)}")


def _summary(
    con: duckdb.DuckDBPyConnection, table: str, problems: tuple[str, ...]
) -> tuple[int, int, pd.DataFrame, dict[str, int], bool]:
    """What the log holds, in one pass over it.

    Rows, good rows, the bad-rows table, the good rows per event name (sorted by name), and
    whether any user id or event name is text that is blank or needs trimming.
    """
    rows = con.execute(
        f"SELECT __problem, event, count(*), min(row_number, 5) FILTER (__problem IS NOT NULL), "
        f"bool_or(__padded) FROM {ident(table)} GROUP BY ALL"
    ).fetchall()
    return (*_tally(rows, problems), any(row[4] for row in rows))


def _quick_summary(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    roles: dict[str, str | None],
    types: dict[str, str],
    ts_sql: str,
    problems: tuple[str, ...],
) -> tuple[int, int, pd.DataFrame, dict[str, int]] | None:
    """:func:`_summary` of a single Parquet file read as it is, or None if an id needs trimming.

    Most files have no blank or padded ids: then the problems are the file's own NULLs and the
    pass tests the raw columns, checking for padding only the user ids (the event names are
    few: they are checked once each, as group keys). When some id is blank or padded the
    caller falls back to :func:`_summary`, which trims every value.
    """
    user, event, stamp = roles["user_id"], roles["event"], roles["timestamp"]
    if types[user] != "VARCHAR" or types[event] != "VARCHAR":
        return None
    raw_ts = ident(stamp) if types[stamp] != "VARCHAR" else _text_sql(stamp, "VARCHAR")
    checks = [f"{ident(user)} IS NULL", f"{ident(event)} IS NULL", f"{raw_ts} IS NULL"]
    problem = _problem_case(checks, _unreadable_sql(stamp, types[stamp]))
    inner = _rows_sql("file_row_number + 1", ts_sql, sql)
    rows = con.execute(
        f"SELECT {problem} AS __problem, {ident(event)}, count(*), "
        f"min(__row, 5) FILTER (__problem IS NOT NULL), bool_or({_padded_sql(user)}) "
        f"FROM ({inner}) GROUP BY ALL"
    ).fetchall()
    padded_event = any(e is not None and (e == "" or e != e.strip(" ")) for _, e, *_ in rows)
    if padded_event or any(row[4] for row in rows):
        return None
    return _tally(rows, problems)


def _tally(
    rows: list[tuple], problems: tuple[str, ...]
) -> tuple[int, int, pd.DataFrame, dict[str, int]]:
    """Rows, good rows, bad-rows table and good rows per event name from the summary groups.

    ``rows`` are ``(problem code, event, count, first row numbers, padded)`` per group.
    """
    counts: dict[int, int] = {}
    examples: dict[int, list[int]] = {}
    names: dict[str, int] = {}
    n_events = 0
    for code, event, n, first, _ in rows:
        if code is None:
            names[event] = int(n)
            n_events += n
            continue
        counts[code] = counts.get(code, 0) + n
        examples[code] = sorted([*examples.get(code, []), *first])[:5]
    data = [(problems[c - 1], int(counts[c]), [int(r) for r in examples[c]]) for c in counts]
    data.sort(key=lambda row: (-row[1], row[0]))
    problem = pd.Series([row[0] for row in data], dtype=object)  # the Messages themselves
    frame = pd.DataFrame(
        {
            "problem": problem,
            "count": pd.Series([row[1] for row in data], dtype="int64"),
            "example_rows": pd.Series([row[2] for row in data], dtype=object),
        },
        columns=list(BAD_ROWS_COLUMNS),
    )
    n_rows = n_events + sum(counts.values())
    return n_rows, n_events, frame, dict(sorted(names.items()))


# --------------------------------------------------------------------------------------------
# Summaries


def event_counts(log: EventLog) -> pd.DataFrame:
    """Events and users per event name.

    Parameters
    ----------
    log : EventLog
        The opened log.

    Returns
    -------
    DataFrame
        ``event, count, users``, sorted by count descending then event name.

    Examples
    --------
    >>> log = open_event_log("data/demo_events.parquet")
    >>> event_counts(log).head(2)
              event  count  users
    0  product_view  39637  15360
    1  newsletter_open  24138  ...
    """
    rows = log.connection.execute(
        f"SELECT event, count(*) AS n, count(DISTINCT user_id) FROM {ident(log.view)} "
        "GROUP BY event ORDER BY n DESC, event"
    ).fetchall()
    frame = pd.DataFrame(rows, columns=list(EVENT_COUNTS_COLUMNS))
    return frame.astype({"event": object, "count": "int64", "users": "int64"})


def preview_events(log: EventLog, n: int = 10) -> pd.DataFrame:
    """The first ``n`` events of the log's standard view, as read.

    Parameters
    ----------
    log : EventLog
        The opened log.
    n : int, default 10
        How many events.

    Returns
    -------
    DataFrame
        The view's columns (``row_number, user_id, session_id, ts, event``, then the
        properties) for the first ``n`` events.

    Examples
    --------
    >>> log = open_event_log("data/demo_events.parquet")
    >>> list(preview_events(log, 2).columns[:5])
    ['row_number', 'user_id', 'session_id', 'ts', 'event']
    """
    limit = max(int(n), 0)
    return log.connection.execute(f"SELECT * FROM {ident(log.view)} LIMIT {limit}").df()


def source_columns(log: EventLog) -> list[str]:
    """The file's columns a role can be given to: those in use, then the properties.

    Parameters
    ----------
    log : EventLog
        The opened log.

    Returns
    -------
    list of str
        The file's column names for the standard roles (user, session, time, event) as
        detected or confirmed, then every other column of the view, each once.

    Examples
    --------
    >>> log = open_event_log("data/demo_events.parquet")
    >>> source_columns(log)[:4]
    ['user_id', 'session_id', 'timestamp', 'event_name']
    """
    standard = {"row_number", "user_id", "session_id", "ts", "event"}
    described = log.connection.execute(f"DESCRIBE {ident(log.view)}").fetchall()
    in_use = [c for c in log.columns.values() if c]
    return [*dict.fromkeys([*in_use, *(r[0] for r in described if r[0] not in standard)])]


def unmatched_events(log: EventLog, rules: EventRules) -> pd.DataFrame:
    """Event names that no rule maps to a touchpoint, with their counts.

    Parameters
    ----------
    log : EventLog
        The opened log.
    rules : EventRules
        The keyword rules.

    Returns
    -------
    DataFrame
        ``event, count``, sorted by count descending then event name; empty (same columns)
        when every event matches.

    Examples
    --------
    >>> from mot.journey import default_journey
    >>> log = open_event_log("data/demo_events.parquet")
    >>> unmatched_events(log, rules_from_journey(default_journey()))
                 event  count
    0  newsletter_open  24138
    1       app_update   3913
    2    account_login   3005
    """
    # the counts taken when the log was opened: no pass over the log (but over the events
    # page rules fall under, once, to tell them by their page)
    unmatched: dict[str, int] = {}
    for event, touchpoint, n in log.event_touchpoints(rules):
        if touchpoint is None:
            unmatched[event] = unmatched.get(event, 0) + n
    rows = sorted(unmatched.items(), key=lambda row: (-row[1], row[0]))
    return pd.DataFrame(rows, columns=list(UNMATCHED_COLUMNS)).astype(
        {"event": object, "count": "int64"}
    )
