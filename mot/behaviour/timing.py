"""Timing: the time between consecutive touchpoints, and the bounce rate of sessions."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb  # noqa: F401 (the examples below open DuckDB connections)
import pandas as pd

from mot._stats import validate_confidence
from mot.behaviour._base import (
    BOUNCE_COLUMNS,
    DEFAULT_VIEW,
    TIME_BETWEEN_COLUMNS,
    run_sql,
    split_segment,
    validate_names,
    validate_view,
    wilson_interval,
)
from mot.behaviour._sql import (
    NO_SEGMENT,
    first_by_time,
    ident,
    in_list,
    named_params,
)
from mot.behaviour.engine import Connection
from mot.messages import Message


def time_between(
    con: Connection,
    view: str = DEFAULT_VIEW,
    *,
    touchpoints: Sequence[str],
    by: str | None = None,
) -> pd.DataFrame:
    """Time from one touchpoint to the next, for each consecutive pair of the journey.

    For the pair (A, B) and a user: ``t_A = min(ts)`` of their A events and
    ``t_B = min(ts)`` of their B events with ``ts > t_A``; users without such a B event are
    not counted. Hours are ``(t_B − t_A) / 3600 s``; quartiles are ``quantile_cont``
    (linear interpolation).

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or pyspark.sql.SparkSession
        Connection holding the event view.
    view : str, default "events_mapped"
        The mapped event view.
    touchpoints : sequence of str
        Touchpoint ids in journey order (at least two).
    by : str, optional
        A property column; for each pair, a user's group is its value on their first
        event of the first touchpoint of the pair.

    Returns
    -------
    DataFrame
        ``[by], from_touchpoint, to_touchpoint, users, median_hours, q1_hours, q3_hours``;
        one row per (group and) consecutive pair in journey order (NaN hours for pairs
        without users). ``attrs["n_missing_segment"]``: users left out of a pair for a
        missing ``by``, summed over the pairs.

    Raises
    ------
    EventLogError
        If the view or a column is missing.
    MotError
        If fewer than two touchpoints are given.

    Examples
    --------
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE VIEW events_mapped AS SELECT * FROM (VALUES "
    ...     "('a', 's1', TIMESTAMP '2026-01-01 10:00', 'landing', 'FMOT'),"
    ...     "('a', 's1', TIMESTAMP '2026-01-01 12:30', 'purchase', 'SMOT')) "
    ...     "t(user_id, session_id, ts, event, touchpoint)")
    >>> float(time_between(con, touchpoints=["FMOT", "SMOT"])["median_hours"].iloc[0])
    2.5
    """
    touchpoints = validate_names(touchpoints, what=Message("behaviour.what.touchpoints"), minimum=2)
    validate_view(con, view, by=by)
    n = len(touchpoints)
    segment = ident(by) if by else NO_SEGMENT
    pairs = ", ".join(
        f"({i + 1}, CAST($t{i} AS VARCHAR), CAST($t{i + 1} AS VARCHAR))" for i in range(n - 1)
    )
    sql = f"""
        WITH pairs(position, from_touchpoint, to_touchpoint) AS (VALUES {pairs}),
        ev AS (SELECT user_id, ts, touchpoint, {segment} AS segment FROM {ident(view)}
               WHERE touchpoint IN ({in_list("t", n)})),
        firsts AS (SELECT user_id, touchpoint, min(ts) AS t,
                          {first_by_time("segment")} AS segment
                   FROM ev GROUP BY user_id, touchpoint),
        gaps AS (
            SELECT p.position, f.user_id, f.segment,
                   date_diff('microsecond', f.t, min(e.ts)) / 3.6e9 AS hours
            FROM pairs p
            JOIN firsts f ON f.touchpoint = p.from_touchpoint
            JOIN ev e ON e.user_id = f.user_id AND e.touchpoint = p.to_touchpoint
                     AND e.ts > f.t
            GROUP BY p.position, f.user_id, f.t, f.segment),
        stats AS (
            SELECT segment, position, count(*) AS users,
                   quantile_cont(hours, 0.5) AS median_hours,
                   quantile_cont(hours, 0.25) AS q1_hours,
                   quantile_cont(hours, 0.75) AS q3_hours
            FROM gaps GROUP BY segment, position),
        groups AS (SELECT DISTINCT segment FROM firsts WHERE segment IS NOT NULL
                   UNION SELECT CAST(NULL AS VARCHAR) WHERE $by_is_null)
        SELECT g.segment, p.from_touchpoint, p.to_touchpoint, coalesce(s.users, 0) AS users,
               s.median_hours, s.q1_hours, s.q3_hours,
               (SELECT count(*) FROM gaps WHERE segment IS NULL) AS n_missing
        FROM groups g CROSS JOIN pairs p
        LEFT JOIN stats s
          ON s.segment IS NOT DISTINCT FROM g.segment AND s.position = p.position
        ORDER BY g.segment NULLS FIRST, p.position
    """
    out = run_sql(con, sql, {**named_params("t", touchpoints), "by_is_null": by is None})
    out["users"] = out["users"].astype("int64")
    for column in ("median_hours", "q1_hours", "q3_hours"):
        out[column] = out[column].astype("float64")
    if by is None:
        out = out.assign(n_missing=0)
    return split_segment(out, by, TIME_BETWEEN_COLUMNS)


# --- bounce ---------------------------------------------------------------------------------


def bounce_rate(
    con: Connection,
    view: str = DEFAULT_VIEW,
    *,
    entry: str | Sequence[str] = "FMOT",
    column: str = "touchpoint",
    by: str | None = None,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Share of sessions that never go beyond the entry touchpoint.

    ``rate = bounced / sessions``: ``sessions`` (a user's session ids; events without one
    are in none) hold an event of ``entry``; ``bounced``
    are those of them whose every matched event (non-NULL ``touchpoint``) is an ``entry``
    value. Unmatched events (a newsletter open, an app update) are not touchpoints and
    neither make nor break a bounce. With the default, a session that stays at the first
    moment (landing, product views) and goes no further is a bounce; with
    ``entry=["landing", "bounce"], column="event"`` only sessions that land and leave are.
    Wilson interval.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or pyspark.sql.SparkSession
        Connection holding the event view.
    view : str, default "events_mapped"
        The mapped event view.
    entry : str or sequence of str, default "FMOT"
        The entry touchpoint (or event names with ``column="event"``).
    column : str, default "touchpoint"
        The column ``entry`` is a value of.
    by : str, optional
        A property column; a session's group is its value on the session's first event.
    confidence : float, default 0.95
        Level of the Wilson interval.

    Returns
    -------
    DataFrame
        ``[by], sessions, bounced, rate, ci_low, ci_high``; sorted by ``by``.
        ``attrs["n_missing_segment"]``: sessions left out for a missing ``by``.

    Raises
    ------
    EventLogError
        If the view or a column is missing.
    MotError
        If ``confidence`` is not in (0, 1).

    References
    ----------
    Wilson, E. B. (1927). JASA, 22(158), 209–212.

    Examples
    --------
    Session s1 only lands; s2 lands then buys: 1 bounce in 2 sessions.

    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE VIEW events_mapped AS SELECT * FROM (VALUES "
    ...     "('a', 's1', TIMESTAMP '2026-01-01 10:00', 'landing', 'FMOT'),"
    ...     "('b', 's2', TIMESTAMP '2026-01-01 10:00', 'landing', 'FMOT'),"
    ...     "('b', 's2', TIMESTAMP '2026-01-01 10:05', 'purchase', 'SMOT')) "
    ...     "t(user_id, session_id, ts, event, touchpoint)")
    >>> bounce_rate(con)[["sessions", "bounced", "rate"]]
       sessions  bounced  rate
    0         2        1   0.5
    """
    entries = validate_names(
        [entry] if isinstance(entry, str) else entry, what=Message("behaviour.what.entries")
    )
    validate_view(con, view, columns=[column], by=by)
    validate_confidence(confidence)
    segment = ident(by) if by else NO_SEGMENT
    col = ident(column)
    is_entry = f"{col} IN ({in_list('e', len(entries))})"
    sql = f"""
        WITH per_session AS (
            SELECT user_id, session_id, {first_by_time(segment)} AS segment,
                   coalesce(bool_or({is_entry}), false) AS has_entry,
                   bool_and(touchpoint IS NULL OR {is_entry}) AS only_entry
            FROM {ident(view)} WHERE session_id IS NOT NULL GROUP BY user_id, session_id),
        groups AS (SELECT DISTINCT segment FROM per_session WHERE has_entry
                   UNION SELECT CAST(NULL AS VARCHAR) WHERE $by_is_null)
        SELECT g.segment,
               count(s.session_id) AS sessions,
               count(s.session_id) FILTER (WHERE s.only_entry) AS bounced,
               count(s.session_id) FILTER (WHERE s.only_entry)
                   / nullif(count(s.session_id), 0) AS rate,
               (SELECT count(*) FROM per_session WHERE has_entry AND segment IS NULL)
                   AS n_missing
        FROM groups g LEFT JOIN per_session s
          ON s.segment IS NOT DISTINCT FROM g.segment AND s.has_entry
        GROUP BY g.segment
        ORDER BY g.segment NULLS FIRST
    """
    out = run_sql(con, sql, {**named_params("e", entries), "by_is_null": by is None})
    out["sessions"] = out["sessions"].astype("int64")
    out["bounced"] = out["bounced"].astype("int64")
    out["rate"] = out["rate"].astype("float64")
    out["ci_low"], out["ci_high"] = wilson_interval(
        out["bounced"].to_numpy(), out["sessions"].to_numpy(), confidence=confidence
    )
    return split_segment(out, by, BOUNCE_COLUMNS)


# --- retention ------------------------------------------------------------------------------
