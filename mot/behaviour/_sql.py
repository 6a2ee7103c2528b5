"""The SQL the behaviour metrics write: quoting, parameters and the shared query parts.

Quoting is the one place names and texts enter a query. Every column, view or table name
that reaches a query text goes through :func:`ident`, and every text that cannot be a bound
parameter (a file path inside ``read_csv([...])``, a date format of a DuckDB table function)
through :func:`literal`. Values a query compares with go as bound parameters (``$name``,
built with :func:`named_params`), never into the text.

The query parts several metrics share are built here too: the touchpoint masks of the reach
(:func:`touchpoint_bits`, :func:`reach_ctes`, :func:`reach_rows`) and the funnel's chain of
per-user steps (:func:`funnel_base`, :func:`ordered_chain`, :func:`open_chain`,
:data:`FUNNEL_ROWS`). Every query is written once in DuckDB's dialect and runs on Spark
through :mod:`mot.behaviour.engine`. The module is private to the package
(``mot.behaviour._sql``); its names are public so that each module of the package may
import them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from mot.errors import MotError
from mot.messages import Message


def ident(name: object) -> str:
    """A SQL identifier in double quotes, embedded double quotes doubled.

    Whatever the name holds (quotes, semicolons, ``--``, newlines, a whole query) stays
    one identifier: DuckDB and Spark (through sqlglot) read it as a name, never as SQL.

    Parameters
    ----------
    name : object
        The name (converted with ``str``).

    Returns
    -------
    str
        The quoted identifier.

    Raises
    ------
    MotError
        If the name holds a NUL character (no SQL engine accepts one in a name).

    Examples
    --------
    >>> ident('device") + 1 --')
    '"device"") + 1 --"'
    """
    return _quoted(name, '"', "sql.fix.rename_column")


def literal(text: object) -> str:
    """A SQL string literal in single quotes, embedded single quotes doubled.

    Parameters
    ----------
    text : object
        The text (converted with ``str``).

    Returns
    -------
    str
        The quoted literal.

    Raises
    ------
    MotError
        If the text holds a NUL character.

    Examples
    --------
    >>> literal("it's; DROP TABLE x --")
    "'it''s; DROP TABLE x --'"
    """
    return _quoted(text, "'", "sql.fix.remove")


def spark_ident(name: object) -> str:
    """A Spark SQL identifier in backticks, embedded backticks doubled (for ``table()``).

    Queries themselves are written in DuckDB's dialect with :func:`ident` and transpiled;
    this is for the few Spark calls that take a name directly.

    Parameters
    ----------
    name : object
        The name (converted with ``str``).

    Returns
    -------
    str
        The quoted identifier.

    Raises
    ------
    MotError
        If the name holds a NUL character.

    Examples
    --------
    >>> spark_ident("events`; DROP")
    '`events``; DROP`'
    """
    return _quoted(name, "`", "sql.fix.rename")


def _quoted(value: object, quote: str, fix: str) -> str:
    """``value`` as text between ``quote`` marks, each one inside doubled; NUL refused.

    ``fix`` is the code of the catalogue's text saying what to do with such a text.
    """
    text = str(value)
    if "\x00" in text:
        message = Message("sql.nul", text=text, fix=Message(fix))
        raise MotError(message)
    return quote + text.replace(quote, quote * 2) + quote


def named_params(prefix: str, values: Sequence[object]) -> dict[str, object]:
    """Named parameters ``prefix0, prefix1, ...`` for a list of values."""
    return {f"{prefix}{i}": v for i, v in enumerate(values)}


def in_list(prefix: str, n: int) -> str:
    """``$prefix0, $prefix1, ...`` as VARCHAR, for an ``IN (...)`` list."""
    return ", ".join(f"CAST(${prefix}{i} AS VARCHAR)" for i in range(n))


def values_rows(prefix: str, n: int) -> str:
    """``VALUES (1, $prefix0), (2, $prefix1), ...``: a position and a name per item."""
    rows = ", ".join(f"({i + 1}, CAST(${prefix}{i} AS VARCHAR))" for i in range(n))
    return f"VALUES {rows}"


NO_SEGMENT = "CAST(NULL AS VARCHAR)"  # the segment column of an analysis without `by`


def first_by_time(value: str) -> str:
    """SQL aggregate: ``value`` on the earliest event (by ``ts``) that has one.

    DuckDB's ``arg_min`` skips NULL values, Spark's ``min_by`` does not: the FILTER makes
    both skip them, so a segment means the same on both engines.
    """
    return f"arg_min({value}, ts) FILTER (WHERE {value} IS NOT NULL)"


def touchpoint_bits(n: int) -> str:
    """CTE ``tps``: position, touchpoint (``$t0``…) and its bit in a BIGINT mask."""
    bits = ", ".join(
        f"({i + 1}, CAST($t{i} AS VARCHAR), CAST({1 << i} AS BIGINT))" for i in range(n)
    )
    return f"tps(position, touchpoint, bit) AS (VALUES {bits})"


def reach_source(view: str, n: int, segment: str | None) -> str:
    """CTEs ``tps`` and ``ev``: the events of those touchpoints, with their bit."""
    chosen = f"{segment} AS segment, " if segment else ""
    return f"""{touchpoint_bits(n)},
        ev AS (
            SELECT {chosen}e.user_id, e.session_id, p.bit
            FROM {ident(view)} e JOIN tps p ON p.touchpoint = e.touchpoint)"""


def reach_ctes(segment: str | None, source: str = "ev", entry: str | None = None) -> str:
    """CTEs ``per_session``, ``per_user`` (touchpoint masks) and ``per_bit`` over ``source``.

    ``source`` has ``[segment], user_id, session_id, bit[, ts]`` (``bit`` 0: an event of no
    touchpoint, which counts in no mask). Without a segment the groupings leave it out (a
    constant key still costs a hash). With ``entry``, an SQL condition on ``source``'s
    columns, both also carry ``t1``, the first time of an event that meets it (a funnel's
    step 1).
    """
    key = "segment, " if segment else ""
    t1 = f", min(CASE WHEN {entry} THEN ts END) AS t1" if entry else ""
    t1_user = ", min(t1) AS t1" if entry else ""
    return f"""per_session AS (
            SELECT {key}user_id, session_id, bit_or(bit) AS mask{t1}
            FROM {source} GROUP BY {key}user_id, session_id),
        per_user AS (
            SELECT {key}user_id, bit_or(mask) AS mask{t1_user}
            FROM per_session GROUP BY {key}user_id),
        per_bit AS (SELECT {key}bit, count(*) AS n FROM {source} GROUP BY {key}bit)"""


def reach_rows(segment: str | None) -> str:
    """SELECT of the long rows ``measure, segment, position, value`` (non-zero counts only)."""
    key = "segment, " if segment else ""
    shown = "x.segment" if segment else NO_SEGMENT
    return f"""
        SELECT 'users' AS measure, {shown} AS segment, p.position, count(*) AS value
        FROM per_user x JOIN tps p ON (x.mask & p.bit) <> 0
        WHERE x.user_id IS NOT NULL
        GROUP BY {key}p.position
        UNION ALL
        SELECT 'sessions' AS measure, {shown} AS segment, p.position, count(*) AS value
        FROM per_session x JOIN tps p ON (x.mask & p.bit) <> 0
        WHERE x.session_id IS NOT NULL
        GROUP BY {key}p.position
        UNION ALL
        SELECT 'events' AS measure, {shown} AS segment, p.position, x.n AS value
        FROM per_bit x JOIN tps p ON p.bit = x.bit"""


TOTAL_ROWS = """
        SELECT 'all_users' AS measure, CAST(NULL AS VARCHAR) AS segment, 0 AS position,
            count(*) AS value
        FROM per_user
        UNION ALL
        SELECT 'all_sessions' AS measure, CAST(NULL AS VARCHAR) AS segment, 0 AS position,
            count(session_id) AS value
        FROM per_session"""
"""Long rows of the distinct users and sessions of ``per_user`` and ``per_session``."""


def user_totals_sql(view: str) -> str:
    """SELECT of ``users, sessions``: the distinct users and ``(user_id, session_id)`` pairs.

    A session is a user's (ids need only be unique per user): one grouping by user gives
    both counts.
    """
    return (
        "SELECT count(*) AS users, coalesce(sum(n), 0) AS sessions FROM (SELECT "
        f"count(DISTINCT session_id) AS n FROM {ident(view)} GROUP BY user_id)"
    )


def funnel_base(view: str, step_column: str, n: int, segment: str, *, keep: bool) -> str:
    """CTE ``base``: the events of the funnel's steps, ``user_id, ts, step[, segment]``.

    ``keep=False`` leaves out a segment that is only ``NULL`` (the ordered chain needs none).
    """
    kept = f", {segment} AS segment" if keep or segment != NO_SEGMENT else ""
    return f"""base AS (
            SELECT user_id, ts, {ident(step_column)} AS step{kept}
            FROM {ident(view)}
            WHERE {ident(step_column)} IN ({in_list("s", n)}))"""


def step_equals(k: int, alias: str = "") -> str:
    """SQL true for an event of step ``k`` (0-based) of ``base``: ``step = $s<k>``."""
    return f"{alias}step = CAST($s{k} AS VARCHAR)"


def ordered_chain(
    n: int,
    segment: str,
    windowed: bool,
    *,
    step_test: Callable[[int, str], str] = step_equals,
    entrants: str | None = None,
) -> str:
    """CTEs ``s1 … sn``: per user, the time each step is reached (strictly after the last).

    They read ``base`` (``user_id, ts, step[, segment]``). Each step groups by user only
    and carries the first step's time ``t0`` (for a window) and the segment only when they
    are asked for: the chain's joins are the funnel's cost. Then ``counts`` (users per
    position) and ``entrants`` (a row per step-1 user). ``step_test(k, alias)`` tells an
    event of step ``k``; ``entrants``, a SELECT of ``user_id, t[, t0]`` without a segment,
    replaces the grouping that finds step 1 when another part of the query has it.
    """
    # $window is an interval (a timedelta): timestamp + interval reads alike on both engines.
    window = " AND b.ts <= p.t0 + $window" if windowed else ""
    segmented = segment != NO_SEGMENT
    first = [", min(ts) AS t0"] if windowed else []
    carried = [", min(p.t0) AS t0"] if windowed else []  # constant per user: min is exact
    if segmented:
        first.append(f", {first_by_time('segment')} AS segment")
        carried.append(", min(p.segment) AS segment")
    entry = entrants or (
        f"SELECT user_id, min(ts) AS t{''.join(first)} "
        f"FROM base WHERE {step_test(0, '')} GROUP BY user_id"
    )
    ctes = [f"s1 AS ({entry})"]
    for k in range(2, n + 1):
        ctes.append(
            f"""s{k} AS (
            SELECT p.user_id, min(b.ts) AS t{"".join(carried)}
            FROM s{k - 1} p JOIN base b ON b.user_id = p.user_id AND b.ts > p.t{window}
            WHERE {step_test(k - 1, "b.")}
            GROUP BY p.user_id)"""
        )
    group = "segment" if segmented else f"{NO_SEGMENT} AS segment"
    counts = " UNION ALL ".join(
        f"SELECT {group}, {k} AS position, count(*) AS users FROM s{k}"
        + (" GROUP BY segment" if segmented else "")
        for k in range(1, n + 1)
    )
    ctes.append(f"counts AS ({counts})")
    ctes.append(f"entrants AS (SELECT {group} FROM s1)")
    return ",\n".join(ctes)


def open_chain(n: int) -> str:
    """CTEs ``entrants`` and ``counts`` over ``base``: users with any event of each step."""
    return f"""
        entrants AS (
            SELECT user_id, {first_by_time("segment")} AS segment FROM base GROUP BY user_id),
        counts AS (
            SELECT u.segment, st.position, count(DISTINCT b.user_id) AS users
            FROM base b JOIN steps st ON st.step = b.step
            JOIN entrants u ON u.user_id = b.user_id
            GROUP BY u.segment, st.position)"""


FUNNEL_ROWS = """
        SELECT 'reached' AS measure, segment, position, users AS value FROM counts
        UNION ALL
        SELECT 'entrants' AS measure, segment, 0 AS position, count(*) AS value
        FROM entrants GROUP BY segment"""
"""The long rows of a funnel (``measure, segment, position, value``) from its CTEs."""
