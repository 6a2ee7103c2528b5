"""Trends: users per touchpoint (or event) and period, with dips, spikes and partial periods.

:func:`offsetting_events` finds an event's dip hidden behind another's spike in one touchpoint.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import duckdb  # noqa: F401 (the examples below open DuckDB connections)
import numpy as np
import pandas as pd

from mot.behaviour._base import (
    DEFAULT_VIEW,
    MAD_SCALE,
    OFFSETTING_COLUMNS,
    TREND_COLUMNS,
    run_sql,
    validate_names,
    validate_period,
    validate_span,
    validate_view,
)
from mot.behaviour._sql import (
    ident,
    in_list,
    literal,
    named_params,
    values_rows,
)
from mot.behaviour.engine import Connection
from mot.errors import MotError
from mot.messages import Message


def _trend(
    con: Connection, view: str, *, items: Sequence[str], column: str, period: str
) -> pd.DataFrame:
    items = validate_names(items, what=Message("behaviour.what.values", column=column))
    validate_view(con, view, columns=[column])
    validate_period(period)
    validate_span(con, view, period, what=Message("behaviour.span.trend"))
    n = len(items)
    sql = f"""
        WITH items(position, item) AS ({values_rows("t", n)}),
        ev AS (SELECT date_trunc({literal(period)}, ts) AS period_start, {ident(column)} AS item,
                      user_id
               FROM {ident(view)} WHERE {ident(column)} IN ({in_list("t", n)})),
        bounds AS (SELECT date_trunc({literal(period)}, min(ts)) AS lo,
                          date_trunc({literal(period)}, max(ts)) AS hi FROM {ident(view)}),
        periods AS (SELECT unnest(generate_series(lo, hi, INTERVAL 1 {period}))
                           AS period_start FROM bounds),
        counts AS (SELECT period_start, item, count(DISTINCT user_id) AS users,
                          count(*) AS events FROM ev GROUP BY period_start, item)
        SELECT p.period_start, i.item AS touchpoint, coalesce(c.users, 0) AS users,
               coalesce(c.events, 0) AS events
        FROM periods p CROSS JOIN items i
        LEFT JOIN counts c ON c.period_start = p.period_start AND c.item = i.item
        ORDER BY i.position, p.period_start
    """
    out = run_sql(con, sql, named_params("t", items))
    out["users"] = out["users"].astype("int64")
    out["events"] = out["events"].astype("int64")
    return _flag_periods(out)[list(TREND_COLUMNS)].reset_index(drop=True)


def _flag_periods(out: pd.DataFrame) -> pd.DataFrame:
    """Add ``baseline, dip, spike, partial`` to a trend's counts (the rules of :func:`trend`)."""
    starts = out["period_start"]
    partial = ((starts == starts.min()) | (starts == starts.max())).to_numpy(bool)
    users = out["users"].astype("float64")
    # the usual level is that of the whole periods; with none (one or two periods), of all
    whole = users.where(~partial) if (~partial).any() else users
    series = out["touchpoint"]
    baseline = whole.groupby(series, sort=False).transform("median")
    mad = MAD_SCALE * (whole - baseline).abs().groupby(series, sort=False).transform("median")
    spread = (mad > 0).to_numpy(bool)
    low = (users < baseline - 2 * mad).to_numpy(bool)
    high = (users > baseline + 2 * mad).to_numpy(bool)
    half = (users < 0.5 * baseline).to_numpy(bool)
    double = ((baseline > 0) & (users > 2 * baseline)).to_numpy(bool)
    return out.assign(
        baseline=baseline.astype("float64"),
        dip=~partial & ((spread & low) | half),
        spike=~partial & ((spread & high) | double),
        partial=partial,
    )


def trend(
    con: Connection,
    view: str = DEFAULT_VIEW,
    *,
    touchpoints: Sequence[str],
    period: str = "week",
) -> pd.DataFrame:
    """Users and events per period and touchpoint, with dips and spikes flagged.

    ``users = COUNT(DISTINCT user_id)`` and ``events = COUNT(*)`` per period (``date_trunc``:
    weeks start on Monday) and touchpoint. Periods run from the log's first to its last
    event, with zero rows for periods without events.

    The log's first and last periods are ``partial`` and never a dip or a spike: the log
    begins and ends inside them (its first and last events are all it says of when it
    starts and ends), and the journeys that cross its start or end are cut there (a
    delivery in the first week whose purchase came before the log; a purchase in the last
    week whose delivery comes after it). Over a touchpoint's whole (not partial) periods
    ``p`` — all of its periods when none is whole —

    - ``baseline = median_p(users_p)`` (the usual level),
    - ``MAD = 1.4826 · median_p |users_p − baseline|`` (the normal-consistent median
      absolute deviation),

    and a whole period is a

    - ``dip`` when ``users < baseline − 2·MAD`` (with ``MAD > 0``) or
      ``users < baseline / 2``;
    - ``spike`` when ``users > baseline + 2·MAD`` (with ``MAD > 0``) or
      ``users > 2 · baseline`` (with ``baseline > 0``): the dip's rule mirrored, on the
      same distance from the baseline above it, and on the same ratio (a half, a double).

    When MAD is 0 (most periods alike) only the ratio rules apply; a touchpoint whose
    baseline is 0 has no dips and no spikes. A touchpoint that mixes events (TMOT:
    deliveries and support tickets) can hide a dip in one behind a spike in another: use
    :func:`event_trend` and :func:`offsetting_events`.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or pyspark.sql.SparkSession
        Connection holding the event view.
    view : str, default "events_mapped"
        The mapped event view.
    touchpoints : sequence of str
        Touchpoint ids in journey order.
    period : {"day", "week", "month"}, default "week"
        Length of a period.

    Returns
    -------
    DataFrame
        ``period_start, touchpoint, users, events, baseline, dip, spike, partial``; sorted
        by journey order then ``period_start``.

    Raises
    ------
    EventLogError
        If the view or a column is missing.
    MotError
        If ``touchpoints`` is empty, ``period`` is unknown, or the log spans more than
        :data:`MAX_PERIODS` periods.

    References
    ----------
    Leys, C., et al. (2013). Detecting outliers: do not use standard deviation around the
    mean, use absolute deviation around the median. JESP, 49(4), 764–766.

    Examples
    --------
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE VIEW events_mapped AS SELECT 'u' || (i % 7) AS user_id, "
    ...     "'s' || i AS session_id, TIMESTAMP '2026-01-05' + to_days(CAST(i AS INTEGER)) AS ts, "
    ...     "'delivery' AS event, 'TMOT' AS touchpoint FROM range(21) r(i)")
    >>> trend(con, touchpoints=["TMOT"])[["period_start", "users", "dip", "partial"]]
      period_start  users    dip  partial
    0   2026-01-05      7  False     True
    1   2026-01-12      7  False    False
    2   2026-01-19      7  False     True
    """
    return _trend(con, view, items=touchpoints, column="touchpoint", period=period)


def event_trend(
    con: Connection,
    view: str = DEFAULT_VIEW,
    *,
    events: Sequence[str],
    period: str = "week",
) -> pd.DataFrame:
    """Users and events per period and raw event name, with dips and spikes flagged.

    As :func:`trend`, on the ``event`` column: a delivery incident shows as a dip in
    ``delivery`` while ``support_ticket`` spikes, which a TMOT total would blur. The
    column holding the event name is still called ``touchpoint`` so that both tables
    chart alike.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or pyspark.sql.SparkSession
        Connection holding the event view.
    view : str, default "events_mapped"
        The mapped event view.
    events : sequence of str
        Event names, in the order wanted.
    period : {"day", "week", "month"}, default "week"
        Length of a period.

    Returns
    -------
    DataFrame
        The columns of :func:`trend`.

    Raises
    ------
    EventLogError
        If the view or a column is missing.
    MotError
        If ``events`` is empty, ``period`` is unknown, or the log spans more than
        :data:`MAX_PERIODS` periods.

    Examples
    --------
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE VIEW events_mapped AS SELECT 'u' || i AS user_id, "
    ...     "'s' || i AS session_id, TIMESTAMP '2026-01-05' + to_days(CAST(i AS INTEGER)) AS ts, "
    ...     "'delivery' AS event, 'TMOT' AS touchpoint FROM range(14) r(i)")
    >>> event_trend(con, events=["delivery"])["events"].tolist()
    [7, 7]
    """
    return _trend(con, view, items=events, column="event", period=period)


def _validate_event_trend(event_trend: pd.DataFrame) -> None:
    needed = {"period_start", "touchpoint", "users", "baseline", "dip", "spike"}
    if not isinstance(event_trend, pd.DataFrame) or not needed <= set(event_trend.columns):
        message = Message("behaviour.needs_event_trend", columns=", ".join(sorted(needed)))
        raise MotError(message)


def offsetting_events(
    event_trend: pd.DataFrame, *, touchpoint_of: Mapping[str, str | None]
) -> pd.DataFrame:
    """The dips and spikes a touchpoint's total hides: one event dips while another spikes.

    A touchpoint counts the users of all its events, so when deliveries stop while support
    tickets pile up, the third moment's total can stay at its usual level. In the flags of
    :func:`event_trend`, this finds every period and touchpoint where at least one of the
    touchpoint's events has a ``dip`` and another a ``spike`` (the rules of :func:`trend`,
    partial periods never flagged), and lists those events. Pure pandas on the small
    trend table: it runs after the SQL, on either engine's result.

    Parameters
    ----------
    event_trend : DataFrame
        The output of :func:`event_trend` (its ``touchpoint`` column holds event names).
    touchpoint_of : mapping of str to str or None
        Event name → the touchpoint its rule maps it to (None: no touchpoint), in journey
        order (the order ties are sorted by).

    Returns
    -------
    DataFrame
        ``period_start, touchpoint, event, change, users, baseline``: ``change`` is
        ``"dip"`` or ``"spike"``; sorted by ``period_start``, touchpoint in the order of
        ``touchpoint_of``, dips before spikes, then ``event``. Empty (same columns) when
        nothing offsets.

    Raises
    ------
    MotError
        If ``event_trend`` lacks the columns of :func:`event_trend`.

    Examples
    --------
    >>> weeks = pd.to_datetime(["2026-07-06", "2026-07-13", "2026-07-20"] * 2)
    >>> flags = pd.DataFrame({"period_start": weeks,
    ...     "touchpoint": ["delivery"] * 3 + ["support_ticket"] * 3,
    ...     "users": [430, 94, 430, 25, 198, 25], "baseline": [430.0] * 3 + [25.0] * 3,
    ...     "dip": [False, True, False, False, False, False],
    ...     "spike": [False, False, False, False, True, False]})
    >>> mapping = {"delivery": "TMOT", "support_ticket": "TMOT"}
    >>> offsetting_events(flags, touchpoint_of=mapping)[["touchpoint", "event", "change"]]
      touchpoint           event change
    0       TMOT        delivery    dip
    1       TMOT  support_ticket  spike
    """
    _validate_event_trend(event_trend)
    order = {tp: i for i, tp in enumerate(dict.fromkeys(v for v in touchpoint_of.values() if v))}
    rows = event_trend[(event_trend["dip"] | event_trend["spike"]).to_numpy(bool)]
    rows = rows.assign(
        event=rows["touchpoint"].astype(str),
        touchpoint=rows["touchpoint"].astype(str).map(touchpoint_of),
        change=np.where(rows["dip"].to_numpy(bool), "dip", "spike"),
    )
    rows = rows[rows["touchpoint"].notna().to_numpy()]
    kinds = rows.groupby(["period_start", "touchpoint"], sort=False)["change"].transform("nunique")
    out = rows[(kinds == 2).to_numpy()].assign(
        _order=lambda f: f["touchpoint"].map(order), _kind=lambda f: f["change"] == "spike"
    )
    out = out.sort_values(["period_start", "_order", "_kind", "event"], kind="stable")
    out = out[list(OFFSETTING_COLUMNS)].reset_index(drop=True)
    out["baseline"] = out["baseline"].astype("float64")
    return out


# --- survey link ----------------------------------------------------------------------------
