"""Retention: repeat purchase within each number of days, by cohort."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb  # noqa: F401 (the examples below open DuckDB connections)
import numpy as np
import pandas as pd

from mot._stats import validate_confidence
from mot.behaviour._base import (
    DEFAULT_VIEW,
    REPEAT_EVENTS,
    RETENTION_COLUMNS,
    run_sql,
    validate_period,
    validate_span,
    validate_view,
    wilson_interval,
)
from mot.behaviour._sql import (
    ident,
    in_list,
    literal,
    named_params,
)
from mot.behaviour.engine import Connection
from mot.errors import MotError
from mot.messages import Message


def _validate_days(days: Sequence[int]) -> list[int]:
    values = [days] if isinstance(days, int | np.integer) else list(days)
    if not values or not all(
        isinstance(d, int | np.integer) and not isinstance(d, bool) and d > 0 for d in values
    ):
        message = Message("behaviour.days", days=days)
        raise MotError(message)
    return [int(d) for d in values]


def retention(
    con: Connection,
    view: str = DEFAULT_VIEW,
    *,
    purchase_event: str = "purchase",
    repeat_events: Sequence[str] = REPEAT_EVENTS,
    days: Sequence[int] = (30, 60, 90),
    cohort: str = "week",
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Repeat-purchase retention by cohort of first purchase.

    A user's first purchase is ``t₀ = min(ts)`` of their ``purchase_event`` events; they
    are *retained* at N days when another ``purchase_event`` or a ``repeat_events`` event
    (default ``repurchase``) has ``t₀ < ts ≤ t₀ + N days``. A user counts at N days only if
    ``t₀ + N days`` is not after the log's last event (otherwise the window is not fully
    observed: counted in ``censored``, left out of ``users``). ``rate = retained / users``
    with a Wilson interval.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or pyspark.sql.SparkSession
        Connection holding the event view.
    view : str, default "events_mapped"
        The mapped event view.
    purchase_event : str, default "purchase"
        The event name of a purchase.
    repeat_events : sequence of str, default ("repurchase",)
        Other event names that count as a repeat purchase.
    days : sequence of int, default (30, 60, 90)
        Retention windows in days.
    cohort : {"day", "week", "month"}, default "week"
        Cohorts by the start of the first purchase's week (Monday) or month.
    confidence : float, default 0.95
        Level of the Wilson interval.

    Returns
    -------
    DataFrame
        ``cohort`` (timestamp), ``days``, ``users``, ``retained``, ``rate``, ``ci_low``,
        ``ci_high``, ``censored``; sorted by ``cohort`` then ``days``.

    Raises
    ------
    EventLogError
        If the view or a column is missing.
    MotError
        If ``days``, ``cohort`` or ``confidence`` is invalid, or the cohorts would span more
        than :data:`MAX_PERIODS` periods.

    References
    ----------
    Fader, P. S., & Hardie, B. G. S. (2009). Probability models for customer-base analysis.
    Journal of Interactive Marketing, 23(1), 61–69.

    Examples
    --------
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE VIEW events_mapped AS SELECT * FROM (VALUES "
    ...     "('a', 's1', TIMESTAMP '2026-01-05 10:00', 'purchase', 'SMOT'),"
    ...     "('a', 's2', TIMESTAMP '2026-01-20 10:00', 'repurchase', 'UMOT'),"
    ...     "('b', 's3', TIMESTAMP '2026-01-06 10:00', 'purchase', 'SMOT'),"
    ...     "('c', 's4', TIMESTAMP '2026-03-01 10:00', 'search', 'ZMOT')) "
    ...     "t(user_id, session_id, ts, event, touchpoint)")
    >>> retention(con, days=[30])[["cohort", "users", "retained", "rate"]]
          cohort  users  retained  rate
    0 2026-01-05      2         1   0.5
    """
    validate_view(con, view)
    days = _validate_days(days)
    validate_period(cohort, name="cohort")
    validate_confidence(confidence)
    validate_span(con, view, cohort, what=Message("behaviour.span.retention"))
    repeat = [purchase_event, *repeat_events]
    day_values = ", ".join(f"({int(d)})" for d in days)
    sql = f"""
        WITH firsts AS (
            SELECT user_id, min(ts) AS t0 FROM {ident(view)}
            WHERE event = CAST($purchase AS VARCHAR) GROUP BY user_id),
        horizon AS (SELECT max(ts) AS last_ts FROM {ident(view)}),
        repeats AS (
            SELECT f.user_id, min(e.ts) AS t1
            FROM firsts f JOIN {ident(view)} e
              ON e.user_id = f.user_id AND e.ts > f.t0
             AND e.event IN ({in_list("r", len(repeat))})
            GROUP BY f.user_id),
        windows(days) AS (VALUES {day_values}),
        flags AS (
            SELECT date_trunc({literal(cohort)}, f.t0) AS cohort, w.days,
                   f.t0 + w.days * INTERVAL 1 DAY <= h.last_ts AS observed,
                   r.t1 IS NOT NULL AND r.t1 <= f.t0 + w.days * INTERVAL 1 DAY AS retained
            FROM firsts f CROSS JOIN windows w CROSS JOIN horizon h
            LEFT JOIN repeats r USING (user_id))
        SELECT cohort, days,
               count(*) FILTER (WHERE observed) AS users,
               count(*) FILTER (WHERE observed AND retained) AS retained,
               count(*) FILTER (WHERE observed AND retained)
                   / nullif(count(*) FILTER (WHERE observed), 0) AS rate,
               count(*) FILTER (WHERE NOT observed) AS censored
        FROM flags GROUP BY cohort, days
        ORDER BY cohort, days
    """
    params = {"purchase": purchase_event, **named_params("r", repeat)}
    out = run_sql(con, sql, params)
    for column in ("days", "users", "retained", "censored"):
        out[column] = out[column].astype("int64")
    out["rate"] = out["rate"].astype("float64")
    out["ci_low"], out["ci_high"] = wilson_interval(
        out["retained"].to_numpy(), out["users"].to_numpy(), confidence=confidence
    )
    return out[list(RETENTION_COLUMNS)]


# --- trends ---------------------------------------------------------------------------------
