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
names and values from the file enter SQL only through :mod:`mot.behaviour._sql` or as bound
parameters.

Events map to touchpoints by the rules of :mod:`mot.behaviour.rules`
(:meth:`EventLog.mapped`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from mot.behaviour._names import fold, name_key
from mot.behaviour._reading import (
    BAD_ROWS_COLUMNS,
    EARLIEST_TIMESTAMP,
    EVENT_COUNTS_COLUMNS,
    PAGE_COLUMNS,
    UNMATCHED_COLUMNS,
    describe_types,
    detect_columns,
    padded_sql,
    problem_case,
    problem_messages,
    property_columns,
    reader_sql,
    rows_sql,
    sessions_sql,
    source_relation,
    standard_select,
    text_sql,
    timestamp_sql,
    unreadable_sql,
    utf8_files,
    validate_open,
    validate_source,
)
from mot.behaviour._sql import ident, literal, user_totals_sql
from mot.behaviour.engine import error_text
from mot.behaviour.rules import EventRules
from mot.errors import EventLogError
from mot.messages import Joined, Message

MEMORY_LIMIT = "1GB"
"""DuckDB's memory limit on the connections :func:`open_event_log` creates. A query that needs
more spills to a temporary folder instead of failing, so logs larger than memory can be
analysed; 1 GB keeps the funnel and reach of a 10-million-event log under 1.5 GB of process
memory, and leaves room for several dashboard sessions side by side."""


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
            users, sessions = self.connection.execute(user_totals_sql(self.view)).fetchone()
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
        >>> from mot.behaviour import rules_from_journey
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
        >>> from mot.behaviour import rules_from_journey
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
    validate_open(view, session_gap)
    files, fmt = validate_source(source)
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
        readable = utf8_files(files, scratch, notes) if scratch else files
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
    sql, types = source_relation(con, files, fmt, notes)
    roles = detect_columns(list(types), columns, source)
    if fmt == "csv":  # read the role columns as text: ids keep leading zeros, dates their form
        sql = reader_sql(files, fmt, {c: "VARCHAR" for c in roles.values() if c})
        types = describe_types(con, sql)
    shown = ", ".join(f"{r} = `{c}`" for r, c in roles.items() if c)
    notes.append(Message("log.columns", columns=shown))
    ts_sql = timestamp_sql(con, sql, roles["timestamp"], types[roles["timestamp"]], notes)
    numbered = fmt == "parquet" and len(files) == 1
    props = property_columns(list(types), roles, numbered)
    select = standard_select(sql, roles, types, ts_sql, props, numbered)
    derived = roles["session_id"] is None and session_gap is not None
    if derived:
        select = sessions_sql(select, session_gap)
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
    problems = problem_messages(roles)
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
        plain = standard_select(sql, roles, types, ts_sql, props, numbered, trim=False)
        con.execute(f"CREATE OR REPLACE TEMP VIEW {ident(table)} AS {plain}")
        good = standard_select(sql, roles, types, ts_sql, props, numbered, False, True)
        con.execute(f"CREATE OR REPLACE TEMP VIEW {ident(view)} AS {good}")
    page = _page_column([out for _, out in props])
    notes.extend(_page_notes(page, names))
    return EventLog(
        con, source, dict(roles), view, n_rows, n_events, tuple(notes), bad, names, page_column=page
    )


def _page_column(columns: list[str]) -> str | None:
    """The first column of :data:`PAGE_COLUMNS` among the view's properties, else None."""
    by_key = {name_key(c): c for c in reversed(columns)}
    return next((by_key[name_key(p)] for p in PAGE_COLUMNS if name_key(p) in by_key), None)


def _page_notes(page: str | None, names: dict[str, int]) -> list[str]:
    """What page rules will look at, or why ``page_view`` events cannot be mapped."""
    if page is not None:
        return [Message("log.page_column", column=page)]
    if any("page_view" in fold(name) for name in names):
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
    raw_ts = ident(stamp) if types[stamp] != "VARCHAR" else text_sql(stamp, "VARCHAR")
    checks = [f"{ident(user)} IS NULL", f"{ident(event)} IS NULL", f"{raw_ts} IS NULL"]
    problem = problem_case(checks, unreadable_sql(stamp, types[stamp]))
    inner = rows_sql("file_row_number + 1", ts_sql, sql)
    rows = con.execute(
        f"SELECT {problem} AS __problem, {ident(event)}, count(*), "
        f"min(__row, 5) FILTER (__problem IS NOT NULL), bool_or({padded_sql(user)}) "
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
    >>> from mot.behaviour import rules_from_journey
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
