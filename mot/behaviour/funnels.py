"""Funnels: ordered and open conversion funnels, and conversion compared between groups.

:func:`funnel_and_reach` gives the ordered funnel and the touchpoint reach from one pass over
the log. The definitions are in :mod:`mot.behaviour` (segments, sessions).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from itertools import combinations

import duckdb  # noqa: F401 (the examples below open DuckDB connections)
import numpy as np
import pandas as pd

from mot._stats import validate_confidence
from mot.behaviour._base import (
    CONVERSION_COMPARE_COLUMNS,
    DEFAULT_VIEW,
    FUNNEL_COLUMNS,
    REACH_BITS,
    funnel_table,
    reach_table,
    run_sql,
    split_segment,
    validate_names,
    validate_period,
    validate_span,
    validate_view,
    window_microseconds,
)
from mot.behaviour._sql import (
    FUNNEL_ROWS,
    NO_SEGMENT,
    TOTAL_ROWS,
    funnel_base,
    ident,
    literal,
    named_params,
    open_chain,
    ordered_chain,
    reach_ctes,
    reach_rows,
    touchpoint_bits,
    user_totals_sql,
    values_rows,
)
from mot.behaviour.engine import Connection
from mot.behaviour.reach import touchpoint_reach
from mot.errors import MotError
from mot.messages import Message


def _funnel(
    con: Connection,
    view: str,
    *,
    steps: Sequence[str],
    step_column: str,
    window: timedelta | None,
    by: str | None,
    confidence: float,
    ordered: bool,
    cohort: str | None = None,
) -> pd.DataFrame:
    steps = validate_names(steps, what=Message("behaviour.what.steps"))
    validate_view(con, view, columns=[step_column], by=by)
    validate_confidence(confidence)
    if cohort is not None:
        validate_period(cohort, name="cohort")
        if by is not None:
            raise MotError(Message("behaviour.by_and_cohort"))
        validate_span(con, view, cohort, what=Message("behaviour.span.funnel"))
    window_us = window_microseconds(window)
    # Only steps 2… use the window: a one-step funnel's query has no $window to bind.
    windowed = ordered and window_us is not None and len(steps) > 1
    segment = f"CAST({ident(by)} AS VARCHAR)" if by else NO_SEGMENT  # text on both engines
    if cohort is not None:  # the period of the event, as 'YYYY-MM-DD' text on both engines
        segment = f"CAST(CAST(date_trunc({literal(cohort)}, ts) AS DATE) AS VARCHAR)"
    n = len(steps)
    base = funnel_base(view, step_column, n, segment, keep=not ordered)
    chain = ordered_chain(n, segment, windowed) if ordered else open_chain(n)
    params: dict[str, object] = named_params("s", steps)
    if windowed:
        params["window"] = timedelta(microseconds=window_us)
    sql = f"WITH steps(position, step) AS ({values_rows('s', n)}),\n{base},\n{chain}\n{FUNNEL_ROWS}"
    grouped = by is not None or cohort is not None
    out = funnel_table(run_sql(con, sql, params), steps, grouped, confidence)
    if cohort is None:
        return split_segment(out, by, FUNNEL_COLUMNS)
    result = split_segment(out, "cohort", FUNNEL_COLUMNS)
    result["cohort"] = pd.to_datetime(result["cohort"])
    return result


def ordered_funnel(
    con: Connection,
    view: str = DEFAULT_VIEW,
    *,
    steps: Sequence[str],
    step_column: str = "touchpoint",
    window: timedelta | None = None,
    by: str | None = None,
    cohort: str | None = None,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Ordered conversion funnel: users who reach each step after the previous one.

    A user reaches step 1 at their first step-1 event, ``t₁ = min(ts)``; they reach step k
    at ``t_k = min(ts)`` of their step-k events with ``ts > t_{k−1}`` (strictly after: an
    event at the same instant does not count). With ``window``, step-k events must also
    satisfy ``ts ≤ t₁ + window``. ``conversion_from_previous = users_k / users_{k−1}``
    (1 at step 1), ``conversion_from_start = users_k / users_1`` with its Wilson interval,
    ``drop_off = users_{k−1} − users_k`` (0 at step 1). Generated as one SQL query: a chain
    of CTEs, one per step, each joined per user to the previous one.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or pyspark.sql.SparkSession
        Connection holding the event view.
    view : str, default "events_mapped"
        The mapped event view.
    steps : sequence of str
        Step values in order (touchpoint ids, or event names with ``step_column="event"``);
        a comma-separated string is also accepted.
    step_column : str, default "touchpoint"
        The column the steps are values of (``"touchpoint"`` or ``"event"``).
    window : datetime.timedelta, optional
        Conversion window from the user's step-1 event.
    by : str, optional
        A property column; a user's group is its value on their first step-1 event.
    cohort : {"day", "week", "month"}, optional
        Instead of ``by``: group users by the period of their first step-1 event (weeks
        start on Monday), so that a conversion dip shows over time; at most
        :data:`MAX_PERIODS` periods (else a MotError asks for a longer period).
    confidence : float, default 0.95
        Level of the Wilson interval.

    Returns
    -------
    DataFrame
        ``[by | cohort], step, position, users, conversion_from_previous,
        conversion_from_start, ci_low, ci_high, drop_off``; sorted by the group then
        ``position`` (``cohort`` is the period's first day, a timestamp).
        ``attrs["n_missing_segment"]``: users left out for a missing ``by``.

    Raises
    ------
    EventLogError
        If the view or a column is missing.
    MotError
        If ``steps`` is empty, ``window`` is not a positive duration, ``confidence`` is
        not in (0, 1), ``cohort`` is not a period, or both ``by`` and ``cohort`` are given.

    References
    ----------
    Wilson, E. B. (1927). JASA, 22(158), 209–212.

    Examples
    --------
    User a: FMOT then SMOT; user b: SMOT before FMOT (reaches step 1 only):

    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE VIEW events_mapped AS SELECT * FROM (VALUES "
    ...     "('a', 's1', TIMESTAMP '2026-01-01 10:00', 'landing', 'FMOT'),"
    ...     "('a', 's1', TIMESTAMP '2026-01-01 10:05', 'purchase', 'SMOT'),"
    ...     "('b', 's2', TIMESTAMP '2026-01-01 09:00', 'purchase', 'SMOT'),"
    ...     "('b', 's2', TIMESTAMP '2026-01-01 10:00', 'landing', 'FMOT')) "
    ...     "t(user_id, session_id, ts, event, touchpoint)")
    >>> ordered_funnel(con, steps=["FMOT", "SMOT"])[["step", "users", "drop_off"]]
       step  users  drop_off
    0  FMOT      2         0
    1  SMOT      1         1
    """
    return _funnel(
        con,
        view,
        steps=steps,
        step_column=step_column,
        window=window,
        by=by,
        confidence=confidence,
        ordered=True,
        cohort=cohort,
    )


@dataclass(frozen=True)
class FunnelAndReach:
    """The ordered funnel, the touchpoint reach and the users of one log, from one query.

    Attributes
    ----------
    funnel : DataFrame
        As :func:`ordered_funnel` returns it.
    reach : DataFrame
        As :func:`touchpoint_reach` returns it.
    users : int or None
        Distinct users in the view (None unless asked for).
    sessions : int or None
        Distinct ``(user_id, session_id)`` pairs in the view (see :mod:`mot.behaviour`;
        None unless asked for).
    """

    funnel: pd.DataFrame
    reach: pd.DataFrame
    users: int | None = None
    sessions: int | None = None


def funnel_and_reach(
    con: Connection,
    view: str = DEFAULT_VIEW,
    *,
    steps: Sequence[str],
    touchpoints: Sequence[str],
    step_column: str = "touchpoint",
    window: timedelta | None = None,
    confidence: float = 0.95,
    users: bool = False,
) -> FunnelAndReach:
    """The ordered funnel, the reach of every touchpoint and the view's users, together.

    The same numbers as ``ordered_funnel(con, view, steps=steps, step_column=step_column,
    window=window)``, ``touchpoint_reach(con, view, touchpoints=touchpoints)`` (see them for
    the definitions) and the distinct users and sessions of the whole view (every event,
    mapped to a touchpoint or not: :attr:`mot.behaviour.EventLog.n_users` and ``n_sessions``
    of the log's mapped view), from one query: on DuckDB the events are read and matched to
    their touchpoint once for all three, which takes about a sixth less time than separate
    calls on a large log (Spark may read them again for each part, with the same numbers).
    A journey of more than 62 touchpoints is counted by separate calls.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or pyspark.sql.SparkSession
        Connection holding the event view.
    view : str, default "events_mapped"
        The mapped event view.
    steps : sequence of str
        The funnel's steps in order: touchpoints, each one of ``touchpoints`` (or values of
        ``step_column``, such as event names).
    touchpoints : sequence of str
        Touchpoint ids in journey order, for the reach.
    step_column : str, default "touchpoint"
        The column the steps are values of (``"touchpoint"`` or ``"event"``).
    window : datetime.timedelta, optional
        Conversion window from the user's step-1 event.
    confidence : float, default 0.95
        Level of the funnel's Wilson intervals.
    users : bool, default False
        Also count the view's distinct users and sessions, in the same pass: the query then
        reads every event of the view, not only those of the touchpoints and steps (what
        the command line prints; the dashboard has them from the log).

    Returns
    -------
    FunnelAndReach
        ``funnel`` (the columns of :func:`ordered_funnel`), ``reach`` (those of
        :func:`touchpoint_reach`), ``users`` and ``sessions`` (with ``users=True``).

    Raises
    ------
    EventLogError
        If the view or a column is missing.
    MotError
        If ``steps`` or ``touchpoints`` is empty, a touchpoint step is not one of them,
        ``window`` is not a positive duration or ``confidence`` is not in (0, 1).

    Examples
    --------
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE VIEW events_mapped AS SELECT * FROM (VALUES "
    ...     "('a', 's1', TIMESTAMP '2026-01-01 10:00', 'landing', 'FMOT'),"
    ...     "('a', 's1', TIMESTAMP '2026-01-01 10:05', 'purchase', 'SMOT'),"
    ...     "('b', 's2', TIMESTAMP '2026-01-01 09:00', 'purchase', 'SMOT'),"
    ...     "('b', 's2', TIMESTAMP '2026-01-01 10:00', 'landing', 'FMOT')) "
    ...     "t(user_id, session_id, ts, event, touchpoint)")
    >>> both = funnel_and_reach(
    ...     con, steps=["FMOT", "SMOT"], touchpoints=["FMOT", "SMOT"], users=True
    ... )
    >>> both.funnel["users"].tolist(), both.reach["users"].tolist(), both.users
    ([2, 1], [2, 2], 2)
    """
    steps = validate_names(steps, what=Message("behaviour.what.steps"))
    touchpoints = validate_names(touchpoints, what=Message("behaviour.what.touchpoints"))
    by_touchpoint = step_column == "touchpoint"
    outside = [s for s in steps if s not in touchpoints] if by_touchpoint else []
    if outside:
        message = Message(
            "behaviour.steps_outside",
            steps=", ".join(outside),
            touchpoints=", ".join(touchpoints),
        )
        raise MotError(message)
    queried = list(dict.fromkeys(touchpoints))  # a touchpoint given twice is counted once
    if len(queried) > REACH_BITS:
        return _funnel_and_reach_apart(
            con, view, steps, step_column, touchpoints, window, confidence, users
        )
    validate_view(con, view, columns=[step_column])
    validate_confidence(confidence)
    window_us = window_microseconds(window)
    windowed = window_us is not None and len(steps) > 1
    params: dict[str, object] = named_params("t", queried)
    if windowed:
        params["window"] = timedelta(microseconds=window_us)
    # One source for all three: every event of the view with its touchpoint's bit (0 when it
    # has none), which also tells touchpoint steps apart (an integer test, not a text one).
    # The reach's groupings by session and by user count the users and sessions, and find
    # each user's step-1 time on the way.
    if by_touchpoint:
        bit = {tp: 1 << i for i, tp in enumerate(queried)}
        step, step_values, step_join, kept = "", "", "", "p.bit IS NOT NULL"

        def test(k: int, alias: str) -> str:
            return f"{alias}bit = {bit[steps[k]]}"

    else:  # each distinct step value gets a number, so that steps are integer tests too
        distinct = list(dict.fromkeys(steps))
        params |= named_params("s", distinct)
        step = ", coalesce(st.position, 0) AS step"
        step_values = f"funnel_steps(position, step) AS ({values_rows('s', len(distinct))}),"
        step_join = f"LEFT JOIN funnel_steps st ON st.step = e.{ident(step_column)}"
        kept = "p.bit IS NOT NULL OR st.position IS NOT NULL"

        def test(k: int, alias: str) -> str:
            return f"{alias}step = {distinct.index(steps[k]) + 1}"

    first = "t1 AS t, t1 AS t0" if windowed else "t1 AS t"
    chain = ordered_chain(
        len(steps),
        NO_SEGMENT,
        windowed,
        step_test=test,
        entrants=f"SELECT user_id, {first} FROM per_user WHERE t1 IS NOT NULL",
    )
    sql = f"""
        WITH {touchpoint_bits(len(queried))}, {step_values}
        base AS (
            SELECT e.user_id, e.session_id, e.ts, coalesce(p.bit, 0) AS bit{step}
            FROM {ident(view)} e LEFT JOIN tps p ON p.touchpoint = e.touchpoint {step_join}
            {"" if users else f"WHERE {kept}"}),
        {reach_ctes(None, source="base", entry=test(0, ""))},
        {chain}
        {reach_rows(None)}
        UNION ALL
        {FUNNEL_ROWS}
        {f"UNION ALL {TOTAL_ROWS}" if users else ""}
    """
    rows = run_sql(con, sql, params)
    in_funnel = rows["measure"].isin(["reached", "entrants"])
    totals = dict(zip(rows["measure"], rows["value"], strict=True))
    in_reach = ~in_funnel & ~rows["measure"].isin(["all_users", "all_sessions"])
    funnel = funnel_table(rows[in_funnel], steps, False, confidence)
    reach = reach_table(rows[in_reach], queried, touchpoints, None)
    if not users:
        return FunnelAndReach(split_segment(funnel, None, FUNNEL_COLUMNS), reach)
    return FunnelAndReach(
        split_segment(funnel, None, FUNNEL_COLUMNS),
        reach,
        int(totals["all_users"]),
        int(totals["all_sessions"]),
    )


def _funnel_and_reach_apart(
    con: Connection,
    view: str,
    steps: list[str],
    step_column: str,
    touchpoints: list[str],
    window: timedelta | None,
    confidence: float,
    users: bool,
) -> FunnelAndReach:
    """:func:`funnel_and_reach` by separate queries (more touchpoints than a mask holds)."""
    funnel = ordered_funnel(
        con, view, steps=steps, step_column=step_column, window=window, confidence=confidence
    )
    reach = touchpoint_reach(con, view, touchpoints=touchpoints)
    if not users:
        return FunnelAndReach(funnel, reach)
    totals = run_sql(con, user_totals_sql(view), {})
    return FunnelAndReach(
        funnel, reach, int(totals["users"].iloc[0]), int(totals["sessions"].iloc[0])
    )


def open_funnel(
    con: Connection,
    view: str = DEFAULT_VIEW,
    *,
    steps: Sequence[str],
    step_column: str = "touchpoint",
    by: str | None = None,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Open (unordered) funnel: users with any event of each step, whatever the order.

    ``users_k = COUNT(DISTINCT user_id)`` of step-k events; the ratios are as in
    :func:`ordered_funnel` (so a later step may exceed an earlier one: a ratio above 1 has
    no Wilson interval, NaN). A user's ``by`` group is its value on their first event of
    any step.

    Parameters
    ----------
    con, view, steps, step_column, by, confidence
        As :func:`ordered_funnel` (no ``window``).

    Returns
    -------
    DataFrame
        The columns of :func:`ordered_funnel`.

    Raises
    ------
    EventLogError
        If the view or a column is missing.
    MotError
        If ``steps`` is empty or ``confidence`` is not in (0, 1).

    Examples
    --------
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE VIEW events_mapped AS SELECT * FROM (VALUES "
    ...     "('b', 's2', TIMESTAMP '2026-01-01 09:00', 'purchase', 'SMOT'),"
    ...     "('b', 's2', TIMESTAMP '2026-01-01 10:00', 'landing', 'FMOT')) "
    ...     "t(user_id, session_id, ts, event, touchpoint)")
    >>> open_funnel(con, steps=["FMOT", "SMOT"])["users"].tolist()
    [1, 1]
    """
    return _funnel(
        con,
        view,
        steps=steps,
        step_column=step_column,
        window=None,
        by=by,
        confidence=confidence,
        ordered=False,
    )


def compare_conversion(
    funnel: pd.DataFrame,
    *,
    step: str | int,
    base: str = "previous",
    correction: str = "holm",
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Compare the conversion to one funnel step between every pair of groups.

    For each pair of groups of a funnel computed with ``by``,
    :func:`mot.compare.two_proportion_test` of ``users_step / users_base`` (``base`` is
    the previous step or step 1); p-values adjusted over the pairs
    (:func:`mot.compare.adjust_p_values`).

    Parameters
    ----------
    funnel : DataFrame
        An :func:`ordered_funnel` or :func:`open_funnel` result computed with ``by``.
    step : str or int
        The step (its name, or its 1-based ``position``).
    base : {"previous", "start"}, default "previous"
        Conversion from the previous step or from step 1.
    correction : str, default "holm"
        Multiple-comparison correction over the pairs.
    confidence : float, default 0.95
        Level of the difference's interval.

    Returns
    -------
    DataFrame
        ``step, group_a, group_b, n_a, n_b, successes_a, successes_b, p_a, p_b,
        difference`` (``p_a − p_b``), ``se, ci_low, ci_high, ci_clipped`` (the interval cut
        at −1 or 1), ``z, p_value, cohens_h, p_adjusted``; one row per pair (groups in the
        funnel's order). Pairs where a group has no users at the base step have NaN
        statistics (and ``ci_clipped`` False).

    Raises
    ------
    MotError
        If the funnel has no group column, the step is unknown, or ``base`` is invalid.

    References
    ----------
    Agresti, A. (2013). Categorical Data Analysis (3rd ed.), §3.1. Wiley.

    Examples
    --------
    >>> funnel = pd.DataFrame({"variant": ["A", "A", "B", "B"],
    ...     "step": ["view", "cart", "view", "cart"], "position": [1, 2, 1, 2],
    ...     "users": [100, 30, 100, 45]})
    >>> row = compare_conversion(funnel, step="cart").iloc[0]
    >>> row["group_a"], row["group_b"], round(float(row["difference"]), 2)
    ('A', 'B', -0.15)
    """
    from mot.compare import adjust_p_values, two_proportion_test  # scipy.stats: only here

    by, target = _validate_compare_conversion(funnel, step=step, base=base)
    validate_confidence(confidence)
    base_position = target - 1 if base == "previous" and target > 1 else 1
    table = funnel.set_index([by, "position"])["users"]
    groups = list(pd.unique(funnel[by].dropna()))
    records = []
    for a, b in combinations(groups, 2):
        counts = [int(table.get((g, p), 0)) for g in (a, b) for p in (target, base_position)]
        row = {"group_a": a, "group_b": b, "n_a": counts[1], "n_b": counts[3]}
        row |= {"successes_a": counts[0], "successes_b": counts[2]}
        if counts[1] > 0 and counts[3] > 0 and counts[0] <= counts[1] and counts[2] <= counts[3]:
            test = two_proportion_test(
                counts[0], counts[1], counts[2], counts[3], confidence=confidence
            )
            row |= test.iloc[0].to_dict()
        records.append(row)
    out = pd.DataFrame.from_records(records, columns=list(CONVERSION_COMPARE_COLUMNS[1:]))
    out["ci_clipped"] = out["ci_clipped"].eq(True).to_numpy(dtype=bool)  # untested pair: False
    name = funnel.loc[funnel["position"] == target, "step"]
    out.insert(0, "step", name.iloc[0] if len(name) else str(step))
    p = out["p_value"].to_numpy(dtype="float64")
    out["p_adjusted"] = adjust_p_values(p, method=correction) if len(out) else p
    return out[list(CONVERSION_COMPARE_COLUMNS)]


def _validate_compare_conversion(
    funnel: pd.DataFrame, *, step: str | int, base: str
) -> tuple[str, int]:
    """The group column and the step's position, or :class:`MotError`."""
    extra = [c for c in funnel.columns if c not in FUNNEL_COLUMNS]
    if not extra or not {"step", "position", "users"} <= set(funnel.columns):
        message = Message("behaviour.compare_needs_by")
        raise MotError(message)
    if base not in ("previous", "start"):
        raise MotError(Message("behaviour.base", base=base))
    if isinstance(step, int | np.integer) and not isinstance(step, bool):
        positions = funnel["position"][funnel["position"] == step]
    else:
        positions = funnel["position"][funnel["step"] == step]
    if positions.empty:
        names = ", ".join(map(str, pd.unique(funnel["step"])))
        raise MotError(Message("behaviour.no_step", step=step, steps=names))
    return extra[0], int(positions.iloc[0])


# --- time between touchpoints ---------------------------------------------------------------
