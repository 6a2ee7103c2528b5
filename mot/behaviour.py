"""Behaviour analytics over a mapped event log: reach, funnels, bounce, retention, trends.

Every function takes a connection — a DuckDB connection, or a ``pyspark.sql.SparkSession``
when the log outgrows one machine — and the name of a view (``events_mapped`` by default, as
:mod:`mot.events` builds it) with at least the columns

``row_number BIGINT, user_id VARCHAR, session_id VARCHAR, ts TIMESTAMP (UTC),
event VARCHAR, touchpoint VARCHAR (NULL when unmatched)``

then property columns (``device``, ``channel``, ``variant``, ``revenue``, ...). Each metric
is written once, in DuckDB's SQL, and runs inside the engine: the log is never loaded into
pandas, only the small result table comes back. On Spark the same SQL is transpiled
(:mod:`mot.engine`) and gives the same numbers; every function here runs on both engines.
Intervals and tests on those small tables are computed with numpy and :mod:`mot.compare`.

Definitions shared by the functions:

- a user's *segment* for user-level metrics (funnels) is the value of ``by`` on the event
  that puts them into the analysis (their first step-1 event, or for :func:`open_funnel`
  their first event of any step); sessions take the value of their first event. Events
  without a value are skipped (the first event *with* a value counts); users or sessions
  with no value at all are left out and counted in ``result.attrs["n_missing_segment"]``;
- a *session* is a user's: the pair ``(user_id, session_id)``, so session ids need only be
  unique per user (as GA4 numbers them); events without a session id are in no session;
- a *repeat purchase* is a second ``purchase`` event, or any ``repurchase`` event, strictly
  after the user's first ``purchase`` event (:func:`retention`, :func:`link_survey`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from itertools import combinations

import duckdb  # noqa: F401 (the examples below open DuckDB connections)
import numpy as np
import pandas as pd
from scipy import special, stats

from mot import engine, vocabulary
from mot._sql import ident, literal
from mot.compare import adjust_p_values, compare_groups, two_proportion_test
from mot.engine import Connection
from mot.errors import EventLogError, InsufficientDataError, MotError
from mot.messages import Joined, Message
from mot.tidy import as_ratings, with_segment

DEFAULT_VIEW = "events_mapped"
"""Name of the mapped event view that :mod:`mot.events` creates."""

CORE_COLUMNS: tuple[str, ...] = ("user_id", "session_id", "ts", "event", "touchpoint")
"""Columns every event view must have (``row_number`` is not needed here)."""

PERIODS = vocabulary.PERIODS
"""Periods accepted by :func:`trend`, :func:`event_trend` and :func:`retention`."""

MAX_PERIODS = 3000
"""Most periods a trend, a cohort table or a retention builds: days cover eight years, weeks
57 (every log :mod:`mot.events` opens has its time stamps between 1990 and a year from
today, so weeks and months always fit). Beyond it a :class:`mot.errors.MotError` asks for a
longer period."""

REPEAT_EVENTS: tuple[str, ...] = ("repurchase",)
"""Events that count as a repeat purchase besides a second ``purchase``."""

REACH_COLUMNS: tuple[str, ...] = ("touchpoint", "position", "users", "sessions", "events")
FUNNEL_COLUMNS: tuple[str, ...] = (
    "step",
    "position",
    "users",
    "conversion_from_previous",
    "conversion_from_start",
    "ci_low",
    "ci_high",
    "drop_off",
)
TIME_BETWEEN_COLUMNS: tuple[str, ...] = (
    "from_touchpoint",
    "to_touchpoint",
    "users",
    "median_hours",
    "q1_hours",
    "q3_hours",
)
BOUNCE_COLUMNS: tuple[str, ...] = ("sessions", "bounced", "rate", "ci_low", "ci_high")
RETENTION_COLUMNS: tuple[str, ...] = (
    "cohort",
    "days",
    "users",
    "retained",
    "rate",
    "ci_low",
    "ci_high",
    "censored",
)
TREND_COLUMNS: tuple[str, ...] = (
    "period_start",
    "touchpoint",
    "users",
    "events",
    "baseline",
    "dip",
    "spike",
    "partial",
)
CONVERSION_COMPARE_COLUMNS: tuple[str, ...] = (
    "step",
    "group_a",
    "group_b",
    "n_a",
    "n_b",
    "successes_a",
    "successes_b",
    "p_a",
    "p_b",
    "difference",
    "se",
    "ci_low",
    "ci_high",
    "z",
    "p_value",
    "cohens_h",
    "p_adjusted",
)
LINK_COLUMNS: tuple[str, ...] = (
    "respondent_id",
    "customer_id",
    "in_log",
    "converted",
    "repurchased",
)
REPURCHASE_MODEL_COLUMNS: tuple[str, ...] = (
    "touchpoint",
    "n",
    "n_top_box",
    "repurchased",
    "rate_top_box",
    "rate_rest",
    "difference",
    "ci_low",
    "ci_high",
    "p_value",
    "slope_per_10",
    "slope_se",
    "slope_ci_low",
    "slope_ci_high",
    "odds_ratio_per_10",
    "slope_p_value",
    "converged",
)

OFFSETTING_COLUMNS: tuple[str, ...] = (
    "period_start",
    "touchpoint",
    "event",
    "change",
    "users",
    "baseline",
)
CONVERSION_FLAGS: tuple[str, ...] = ("converted", "repurchased")
"""Columns of :func:`link_survey` that :func:`utilities_by_conversion` can split by."""

MAD_SCALE = 1.4826
"""Scales the median absolute deviation to a normal standard deviation."""


# --- helpers --------------------------------------------------------------------------------


def _params(prefix: str, values: Sequence[object]) -> dict[str, object]:
    """Named parameters ``prefix0, prefix1, ...`` for a list of values."""
    return {f"{prefix}{i}": v for i, v in enumerate(values)}


def _in_list(prefix: str, n: int) -> str:
    """``$prefix0, $prefix1, ...`` as VARCHAR, for an ``IN (...)`` list."""
    return ", ".join(f"CAST(${prefix}{i} AS VARCHAR)" for i in range(n))


def _values(prefix: str, n: int) -> str:
    """``VALUES (1, $prefix0), (2, $prefix1), ...``: a position and a name per item."""
    rows = ", ".join(f"({i + 1}, CAST(${prefix}{i} AS VARCHAR))" for i in range(n))
    return f"VALUES {rows}"


_NO_SEGMENT = "CAST(NULL AS VARCHAR)"  # the segment column of an analysis without `by`


def _first_by_time(value: str) -> str:
    """SQL aggregate: ``value`` on the earliest event (by ``ts``) that has one.

    DuckDB's ``arg_min`` skips NULL values, Spark's ``min_by`` does not: the FILTER makes
    both skip them, so a segment means the same on both engines.
    """
    return f"arg_min({value}, ts) FILTER (WHERE {value} IS NOT NULL)"


def _run(con: Connection, sql: str, params: dict) -> pd.DataFrame:
    """Run ``sql`` on DuckDB or Spark (:func:`mot.engine.run`); errors: :class:`EventLogError`."""
    return engine.run(con, sql, params)


def _view_columns(con: object, view: str) -> list[str]:
    """Column names of ``view``, or :class:`EventLogError` when it cannot be read."""
    return engine.view_columns(con, view)


def _validate_view(
    con: object, view: str, *, columns: Sequence[str | None] = (), by: str | None = None
) -> None:
    """Raise :class:`EventLogError` unless ``view`` has the core columns, ``columns`` and ``by``."""
    present = _view_columns(con, view)
    needed = [*CORE_COLUMNS, *(c for c in columns if c)]
    missing = [c for c in dict.fromkeys(needed) if c not in present]
    if missing:
        message = Message(
            "behaviour.view_columns",
            view=view,
            missing=", ".join(missing),
            present=", ".join(present),
        )
        raise EventLogError(message)
    if by is not None and by not in present:
        properties = [c for c in present if c not in (*CORE_COLUMNS, "row_number")]
        message = Message(
            "behaviour.no_property",
            by=by,
            properties=", ".join(properties) or Message("log.none"),
        )
        raise EventLogError(message)


def _validate_names(names: Sequence[str], *, what: Message, minimum: int = 1) -> list[str]:
    """The names as a list of str, or :class:`MotError` when too few or not text."""
    if isinstance(names, str):
        names = [n.strip() for n in names.split(",") if n.strip()]
    names = list(names)
    if len(names) < minimum or not all(isinstance(n, str) and n for n in names):
        message = Message("behaviour.names", minimum=minimum, what=what, names=names)
        raise MotError(message)
    return names


def _validate_confidence(confidence: float) -> None:
    if not 0 < confidence < 1:
        message = Message("arg.confidence", confidence=confidence)
        raise MotError(message)


def _validate_period(period: str, *, name: str = "period") -> None:
    if period not in PERIODS:
        message = Message("arg.one_of", name=name, values=", ".join(PERIODS), value=period)
        raise MotError(message)


def _count_periods(low: pd.Timestamp, high: pd.Timestamp, period: str) -> int:
    """Periods from the one holding ``low`` to the one holding ``high`` (weeks from Monday)."""
    if period == "month":
        return (high.year - low.year) * 12 + high.month - low.month + 1
    first, last = low.normalize(), high.normalize()
    if period == "week":
        first -= pd.Timedelta(days=first.weekday())
        last -= pd.Timedelta(days=last.weekday())
        return (last - first).days // 7 + 1
    return (last - first).days + 1


def _validate_span(con: Connection, view: str, period: str, *, what: Message) -> None:
    """Raise :class:`MotError` when the view's events span more than :data:`MAX_PERIODS`."""
    bounds = _run(con, f"SELECT min(ts) AS lo, max(ts) AS hi FROM {ident(view)}", {})
    low, high = bounds["lo"].iloc[0], bounds["hi"].iloc[0]
    if pd.isna(low) or pd.isna(high):
        return
    n = _count_periods(pd.Timestamp(low), pd.Timestamp(high), period)
    if n > MAX_PERIODS:
        coarser = [Message(f"period.{p}") for p in PERIODS[PERIODS.index(period) + 1 :]]
        hint = (
            Message("behaviour.hint_longer", periods=Joined(coarser, Message("word.or")))
            if coarser
            else Message("behaviour.hint_shorten")
        )
        message = Message(
            "behaviour.too_many_periods",
            what=what,
            period=Message(f"period.{period}"),
            n=n,
            low=f"{low:%Y-%m-%d}",
            high=f"{high:%Y-%m-%d}",
            limit=MAX_PERIODS,
            hint=hint,
        )
        raise MotError(message)


def wilson_interval(
    successes: np.ndarray | float, n: np.ndarray | float, *, confidence: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of a binomial proportion ``successes / n`` (vectorised).

    With ``z`` the normal quantile of ``(1 + confidence) / 2`` and ``p = x / n``:
    ``centre = (x + z²/2) / (n + z²)``, ``half = z / (n + z²) · √(x (n − x) / n + z²/4)``;
    the interval is ``centre ± half``. NaN where ``n = 0`` or ``x > n``.

    Parameters
    ----------
    successes, n : array_like
        Successes and trials.
    confidence : float, default 0.95
        Level of the interval.

    Returns
    -------
    tuple of ndarray
        ``(low, high)``.

    References
    ----------
    Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
    inference. JASA, 22(158), 209–212.

    Examples
    --------
    8 of 10 at 95 %: centre = (8 + 1.9208) / 13.8415 = 0.7167, half = 0.2265:

    >>> low, high = wilson_interval(8, 10)
    >>> round(float(low), 4), round(float(high), 4)
    (0.4902, 0.9433)
    """
    x = np.asarray(successes, dtype="float64")
    n = np.asarray(n, dtype="float64")
    z = stats.norm.ppf((1 + confidence) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        centre = (x + z**2 / 2) / (n + z**2)
        half = z / (n + z**2) * np.sqrt(x * (n - x) / n + z**2 / 4)
    bad = (n <= 0) | (x > n) | (x < 0)
    low = np.where(bad, np.nan, np.clip(centre - half, 0.0, 1.0))
    high = np.where(bad, np.nan, np.clip(centre + half, 0.0, 1.0))
    return low, high


def _split_segment(out: pd.DataFrame, by: str | None, columns: Sequence[str]) -> pd.DataFrame:
    """Drop the NULL-segment rows (counted in attrs) and name the segment column ``by``."""
    n_missing = int(out.pop("n_missing").max()) if len(out) else 0
    if by is None:
        out = out.drop(columns="segment")
        result = out[list(columns)].reset_index(drop=True)
        result.attrs["n_missing_segment"] = 0
        return result
    out = out[out["segment"].notna()].rename(columns={"segment": by})
    result = out[[by, *columns]].reset_index(drop=True)
    result.attrs["n_missing_segment"] = n_missing
    return result


# --- segments -------------------------------------------------------------------------------

SEGMENT_MAX_VALUES = 12
"""Most distinct values a property may have to be offered as a segment."""


def segment_columns(
    con: Connection, view: str = DEFAULT_VIEW, *, max_values: int = SEGMENT_MAX_VALUES
) -> list[str]:
    """Property columns worth splitting by: text with 2 to ``max_values`` distinct values.

    The distinct values are counted approximately (``approx_count_distinct``, HyperLogLog) in
    one pass over the view. Column names come from the user's file, so each one enters the
    query as a quoted identifier (:func:`mot._sql.ident`), whatever it holds.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or pyspark.sql.SparkSession
        Connection holding the event view.
    view : str, default "events_mapped"
        The (mapped) event view.
    max_values : int, default 12
        Most distinct values of a segment column.

    Returns
    -------
    list of str
        The columns in the view's order (the standard columns and ``touchpoint`` are never
        segments); empty when there is none.

    Raises
    ------
    EventLogError
        If the view cannot be read.

    Examples
    --------
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE VIEW events_mapped AS SELECT 'u' || i AS user_id, "
    ...     "CASE WHEN i % 2 = 0 THEN 'mobile' ELSE 'desktop' END AS device, "
    ...     "'x' || i AS page FROM range(40) r(i)")
    >>> segment_columns(con)
    ['device']
    """
    standard = {"row_number", *CORE_COLUMNS}
    text = [c for c in engine.view_text_columns(con, view) if c not in standard]
    if not text:
        return []
    counts = ", ".join(
        f"approx_count_distinct({ident(c)}) AS {ident(f'n{i}')}" for i, c in enumerate(text)
    )
    found = _run(con, f"SELECT {counts} FROM {ident(view)}", {})
    values = [int(v) for v in found.iloc[0]]
    return [c for c, n in zip(text, values, strict=True) if 2 <= n <= max_values]


# --- reach ----------------------------------------------------------------------------------


def touchpoint_reach(
    con: Connection,
    view: str = DEFAULT_VIEW,
    *,
    touchpoints: Sequence[str],
    by: str | None = None,
) -> pd.DataFrame:
    """Users, sessions and events that reach each touchpoint.

    ``users`` counts the distinct users with an event of the touchpoint, ``sessions`` the
    distinct sessions with one (pairs ``(user_id, session_id)``: see the module docstring)
    and ``events`` the events.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or pyspark.sql.SparkSession
        Connection holding the event view.
    view : str, default "events_mapped"
        The mapped event view (see the module docstring).
    touchpoints : sequence of str
        Touchpoint ids in journey order; touchpoints without events get zero rows.
    by : str, optional
        A property column; each event counts in the group of its own value. Events with a
        missing value are left out and counted in ``attrs["n_missing_segment"]``.

    Returns
    -------
    DataFrame
        ``[by], touchpoint, position`` (1-based journey order), ``users``, ``sessions``,
        ``events``; sorted by ``by`` then ``position``.

    Raises
    ------
    EventLogError
        If the view or a column is missing.
    MotError
        If ``touchpoints`` is empty.

    Notes
    -----
    One pass over the events (on DuckDB): each session gets the set of touchpoints it
    reached (a bit per touchpoint, OR-ed), each user the union of their sessions' sets, and
    the counts are read off the bits. That costs two hash aggregations, the second over
    sessions, where ``COUNT(DISTINCT)`` would cost one over every event per distinct count.
    A BIGINT holds 62 touchpoints; longer journeys are counted 62 touchpoints at a time.

    Examples
    --------
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE VIEW events_mapped AS SELECT * FROM (VALUES "
    ...     "('a', 's1', TIMESTAMP '2026-01-01 10:00', 'landing', 'FMOT'),"
    ...     "('a', 's1', TIMESTAMP '2026-01-01 10:01', 'product_view', 'FMOT'),"
    ...     "('b', 's2', TIMESTAMP '2026-01-01 11:00', 'landing', 'FMOT')) "
    ...     "t(user_id, session_id, ts, event, touchpoint)")
    >>> touchpoint_reach(con, touchpoints=["FMOT", "SMOT"])
      touchpoint  position  users  sessions  events
    0       FMOT         1      2         2       3
    1       SMOT         2      0         0       0
    """
    touchpoints = _validate_names(touchpoints, what=Message("behaviour.what.touchpoints"))
    _validate_view(con, view, by=by)
    segment = f"CAST({ident(by)} AS VARCHAR)" if by else None  # text on both engines
    queried = list(dict.fromkeys(touchpoints))  # a touchpoint given twice is counted once
    parts = []
    for first in range(0, len(queried), REACH_BITS):
        chunk = queried[first : first + REACH_BITS]
        sql = f"WITH {_reach_source(view, len(chunk), segment)}, {_reach_ctes(segment)} "
        out = _run(con, sql + _reach_rows(segment), _params("t", chunk))
        out["position"] = out["position"] + first
        parts.append(out)
    return _reach_table(pd.concat(parts, ignore_index=True), queried, touchpoints, by)


REACH_BITS = 62
"""Touchpoints per reach query: one bit each of a BIGINT mask (sign bit and one spare)."""


def _touchpoint_bits(n: int) -> str:
    """CTE ``tps``: position, touchpoint (``$t0``…) and its bit in a BIGINT mask."""
    bits = ", ".join(
        f"({i + 1}, CAST($t{i} AS VARCHAR), CAST({1 << i} AS BIGINT))" for i in range(n)
    )
    return f"tps(position, touchpoint, bit) AS (VALUES {bits})"


def _reach_source(view: str, n: int, segment: str | None) -> str:
    """CTEs ``tps`` and ``ev``: the events of those touchpoints, with their bit."""
    chosen = f"{segment} AS segment, " if segment else ""
    return f"""{_touchpoint_bits(n)},
        ev AS (
            SELECT {chosen}e.user_id, e.session_id, p.bit
            FROM {ident(view)} e JOIN tps p ON p.touchpoint = e.touchpoint)"""


def _reach_ctes(segment: str | None, source: str = "ev", entry_bit: int | None = None) -> str:
    """CTEs ``per_session``, ``per_user`` (touchpoint masks) and ``per_bit`` over ``source``.

    ``source`` has ``[segment], user_id, session_id, bit[, ts]``. Without a segment the
    groupings leave it out (a constant key still costs a hash). With ``entry_bit``, both
    also carry ``t1``, the first time of an event with that bit (a funnel's step 1).
    """
    key = "segment, " if segment else ""
    t1 = f", min(CASE WHEN bit = {entry_bit} THEN ts END) AS t1" if entry_bit else ""
    t1_user = ", min(t1) AS t1" if entry_bit else ""
    return f"""per_session AS (
            SELECT {key}user_id, session_id, bit_or(bit) AS mask{t1}
            FROM {source} GROUP BY {key}user_id, session_id),
        per_user AS (
            SELECT {key}user_id, bit_or(mask) AS mask{t1_user}
            FROM per_session GROUP BY {key}user_id),
        per_bit AS (SELECT {key}bit, count(*) AS n FROM {source} GROUP BY {key}bit)"""


def _reach_rows(segment: str | None) -> str:
    """SELECT of the long rows ``measure, segment, position, value`` (non-zero counts only)."""
    key = "segment, " if segment else ""
    shown = "x.segment" if segment else _NO_SEGMENT
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


def _long_values(rows: pd.DataFrame) -> dict[tuple, int]:
    """``(segment, position, measure) → value`` of a long result (NULL segment → None)."""
    return {
        (None if pd.isna(g) else g, int(k), m): int(v)
        for g, k, m, v in rows[["segment", "position", "measure", "value"]].itertuples(index=False)
    }


def _reach_table(
    rows: pd.DataFrame, queried: list[str], touchpoints: list[str], by: str | None
) -> pd.DataFrame:
    """The table of :func:`touchpoint_reach` from its long rows.

    ``rows`` are positions in ``queried`` (distinct touchpoints); the table has every group ×
    touchpoint of ``touchpoints``, zero where nothing was reached.
    """
    value = {(g, queried[k - 1], m): v for (g, k, m), v in _long_values(rows).items()}
    n_missing = sum(v for (g, _, m), v in value.items() if g is None and m == "events")
    groups = [None] if by is None else sorted({g for g, _, _ in value if g is not None})
    table = pd.DataFrame(
        [
            (g, tp, k, *(value.get((g, tp, m), 0) for m in ("users", "sessions", "events")))
            for g in groups
            for k, tp in enumerate(touchpoints, 1)
        ],
        columns=["segment", *REACH_COLUMNS],
    ).astype({c: "int64" for c in REACH_COLUMNS[1:]})
    table["n_missing"] = n_missing if by is not None else 0
    return _split_segment(table, by, REACH_COLUMNS)


# --- funnels --------------------------------------------------------------------------------


def _window_microseconds(window: timedelta | pd.Timedelta | None) -> int | None:
    if window is None:
        return None
    if not isinstance(window, timedelta | pd.Timedelta) or window <= timedelta(0):
        message = Message("behaviour.window", window=window)
        raise MotError(message)
    return int(pd.Timedelta(window) / pd.Timedelta(microseconds=1))


def _funnel_base(view: str, step_column: str, n: int, segment: str, *, keep: bool) -> str:
    """CTE ``base``: the events of the funnel's steps, ``user_id, ts, step[, segment]``.

    ``keep=False`` leaves out a segment that is only ``NULL`` (the ordered chain needs none).
    """
    kept = f", {segment} AS segment" if keep or segment != _NO_SEGMENT else ""
    return f"""base AS (
            SELECT user_id, ts, {ident(step_column)} AS step{kept}
            FROM {ident(view)}
            WHERE {ident(step_column)} IN ({_in_list("s", n)}))"""


def _step_test(k: int, alias: str = "") -> str:
    """SQL true for an event of step ``k`` (0-based) of ``base``: ``step = $s<k>``."""
    return f"{alias}step = CAST($s{k} AS VARCHAR)"


def _ordered_chain(
    n: int,
    segment: str,
    windowed: bool,
    *,
    step_test: Callable[[int, str], str] = _step_test,
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
    segmented = segment != _NO_SEGMENT
    first = [", min(ts) AS t0"] if windowed else []
    carried = [", min(p.t0) AS t0"] if windowed else []  # constant per user: min is exact
    if segmented:
        first.append(f", {_first_by_time('segment')} AS segment")
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
    group = "segment" if segmented else f"{_NO_SEGMENT} AS segment"
    counts = " UNION ALL ".join(
        f"SELECT {group}, {k} AS position, count(*) AS users FROM s{k}"
        + (" GROUP BY segment" if segmented else "")
        for k in range(1, n + 1)
    )
    ctes.append(f"counts AS ({counts})")
    ctes.append(f"entrants AS (SELECT {group} FROM s1)")
    return ",\n".join(ctes)


def _open_chain(n: int) -> str:
    """CTEs ``entrants`` and ``counts`` over ``base``: users with any event of each step."""
    return f"""
        entrants AS (
            SELECT user_id, {_first_by_time("segment")} AS segment FROM base GROUP BY user_id),
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


def _funnel_table(
    rows: pd.DataFrame, steps: list[str], grouped: bool, confidence: float
) -> pd.DataFrame:
    """The funnel table from its long rows: every group × step, ratios and intervals.

    Groups are the segments with entrants (or the one group NULL when not grouped); the
    entrants without a segment are ``n_missing``.
    """
    value = _long_values(rows)
    entrants = {g: v for (g, _, m), v in value.items() if m == "entrants"}
    groups = sorted(g for g in entrants if g is not None) if grouped else [None]
    n = len(steps)
    users = np.array(
        [[value.get((g, k, "reached"), 0) for k in range(1, n + 1)] for g in groups],
        dtype="int64",
    ).reshape(len(groups), n)
    previous = np.column_stack([users[:, :1], users[:, :-1]]).astype("float64")
    start = np.repeat(users[:, :1], n, axis=1).astype("float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        from_previous = np.where(previous > 0, users / previous, np.nan)
        from_start = np.where(start > 0, users / start, np.nan)
    low, high = wilson_interval(users.ravel(), start.ravel(), confidence=confidence)
    return pd.DataFrame(
        {
            "segment": np.repeat(np.array(groups, dtype=object), n),
            "step": np.tile(np.array(steps, dtype=object), len(groups)),
            "position": np.tile(np.arange(1, n + 1), len(groups)),
            "users": users.ravel(),
            "conversion_from_previous": from_previous.ravel(),
            "conversion_from_start": from_start.ravel(),
            "ci_low": low,
            "ci_high": high,
            "drop_off": (previous - users).astype("int64").ravel(),
            "n_missing": entrants.get(None, 0) if grouped else 0,
        }
    )


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
    steps = _validate_names(steps, what=Message("behaviour.what.steps"))
    _validate_view(con, view, columns=[step_column], by=by)
    _validate_confidence(confidence)
    if cohort is not None:
        _validate_period(cohort, name="cohort")
        if by is not None:
            raise MotError(Message("behaviour.by_and_cohort"))
        _validate_span(con, view, cohort, what=Message("behaviour.span.funnel"))
    window_us = _window_microseconds(window)
    # Only steps 2… use the window: a one-step funnel's query has no $window to bind.
    windowed = ordered and window_us is not None and len(steps) > 1
    segment = f"CAST({ident(by)} AS VARCHAR)" if by else _NO_SEGMENT  # text on both engines
    if cohort is not None:  # the period of the event, as 'YYYY-MM-DD' text on both engines
        segment = f"CAST(CAST(date_trunc({literal(cohort)}, ts) AS DATE) AS VARCHAR)"
    n = len(steps)
    base = _funnel_base(view, step_column, n, segment, keep=not ordered)
    chain = _ordered_chain(n, segment, windowed) if ordered else _open_chain(n)
    params: dict[str, object] = _params("s", steps)
    if windowed:
        params["window"] = timedelta(microseconds=window_us)
    sql = f"WITH steps(position, step) AS ({_values('s', n)}),\n{base},\n{chain}\n{FUNNEL_ROWS}"
    grouped = by is not None or cohort is not None
    out = _funnel_table(_run(con, sql, params), steps, grouped, confidence)
    if cohort is None:
        return _split_segment(out, by, FUNNEL_COLUMNS)
    result = _split_segment(out, "cohort", FUNNEL_COLUMNS)
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
    """The ordered funnel and the touchpoint reach of one log, from one query.

    Attributes
    ----------
    funnel : DataFrame
        As :func:`ordered_funnel` returns it.
    reach : DataFrame
        As :func:`touchpoint_reach` returns it.
    """

    funnel: pd.DataFrame
    reach: pd.DataFrame


def funnel_and_reach(
    con: Connection,
    view: str = DEFAULT_VIEW,
    *,
    steps: Sequence[str],
    touchpoints: Sequence[str],
    window: timedelta | None = None,
    confidence: float = 0.95,
) -> FunnelAndReach:
    """The ordered funnel over touchpoints and the reach of every touchpoint, together.

    The same numbers as ``ordered_funnel(con, view, steps=steps, window=window)`` and
    ``touchpoint_reach(con, view, touchpoints=touchpoints)`` (see them for the
    definitions), from one query: on DuckDB the events are read and matched to their
    touchpoint once for both, which takes about a sixth less time than the two calls on a
    large log (Spark may read them again for each part, with the same numbers). A journey of
    more than 62 touchpoints is counted by the two calls.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or pyspark.sql.SparkSession
        Connection holding the event view.
    view : str, default "events_mapped"
        The mapped event view.
    steps : sequence of str
        The funnel's touchpoints in order; each one of ``touchpoints``.
    touchpoints : sequence of str
        Touchpoint ids in journey order, for the reach.
    window : datetime.timedelta, optional
        Conversion window from the user's step-1 event.
    confidence : float, default 0.95
        Level of the funnel's Wilson intervals.

    Returns
    -------
    FunnelAndReach
        ``funnel`` (the columns of :func:`ordered_funnel`) and ``reach`` (those of
        :func:`touchpoint_reach`).

    Raises
    ------
    EventLogError
        If the view or a column is missing.
    MotError
        If ``steps`` or ``touchpoints`` is empty, a step is not one of the touchpoints,
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
    >>> both = funnel_and_reach(con, steps=["FMOT", "SMOT"], touchpoints=["FMOT", "SMOT"])
    >>> both.funnel["users"].tolist(), both.reach["users"].tolist()
    ([2, 1], [2, 2])
    """
    steps = _validate_names(steps, what=Message("behaviour.what.steps"))
    touchpoints = _validate_names(touchpoints, what=Message("behaviour.what.touchpoints"))
    outside = [s for s in steps if s not in touchpoints]
    if outside:
        message = Message(
            "behaviour.steps_outside",
            steps=", ".join(outside),
            touchpoints=", ".join(touchpoints),
        )
        raise MotError(message)
    queried = list(dict.fromkeys(touchpoints))  # a touchpoint given twice is counted once
    if len(queried) > REACH_BITS:
        return FunnelAndReach(
            ordered_funnel(con, view, steps=steps, window=window, confidence=confidence),
            touchpoint_reach(con, view, touchpoints=touchpoints),
        )
    _validate_view(con, view)
    _validate_confidence(confidence)
    window_us = _window_microseconds(window)
    windowed = window_us is not None and len(steps) > 1
    n = len(steps)
    params: dict[str, object] = _params("t", queried)
    if windowed:
        params["window"] = timedelta(microseconds=window_us)
    # One source for both: the events of the touchpoints with their bit, which also tells
    # the funnel's steps apart (an integer test, not a text one). The reach's grouping by
    # user finds each user's step-1 time on the way.
    bit = {tp: 1 << i for i, tp in enumerate(queried)}
    first = "t1 AS t, t1 AS t0" if windowed else "t1 AS t"
    chain = _ordered_chain(
        n,
        _NO_SEGMENT,
        windowed,
        step_test=lambda k, alias: f"{alias}bit = {bit[steps[k]]}",
        entrants=f"SELECT user_id, {first} FROM per_user WHERE t1 IS NOT NULL",
    )
    sql = f"""
        WITH {_touchpoint_bits(len(queried))},
        base AS (
            SELECT e.user_id, e.session_id, e.ts, p.bit
            FROM {ident(view)} e JOIN tps p ON p.touchpoint = e.touchpoint),
        {_reach_ctes(None, source="base", entry_bit=bit[steps[0]])},
        {chain}
        {_reach_rows(None)}
        UNION ALL
        {FUNNEL_ROWS}
    """
    rows = _run(con, sql, params)
    in_funnel = rows["measure"].isin(["reached", "entrants"])
    funnel = _funnel_table(rows[in_funnel], steps, False, confidence)
    reach = _reach_table(rows[~in_funnel], queried, touchpoints, None)
    return FunnelAndReach(_split_segment(funnel, None, FUNNEL_COLUMNS), reach)


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
        difference`` (``p_a − p_b``), ``se, ci_low, ci_high, z, p_value, cohens_h,
        p_adjusted``; one row per pair (groups in the funnel's order). Pairs where a group
        has no users at the base step have NaN statistics.

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
    by, target = _validate_compare_conversion(funnel, step=step, base=base)
    _validate_confidence(confidence)
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
    touchpoints = _validate_names(
        touchpoints, what=Message("behaviour.what.touchpoints"), minimum=2
    )
    _validate_view(con, view, by=by)
    n = len(touchpoints)
    segment = ident(by) if by else _NO_SEGMENT
    pairs = ", ".join(
        f"({i + 1}, CAST($t{i} AS VARCHAR), CAST($t{i + 1} AS VARCHAR))" for i in range(n - 1)
    )
    sql = f"""
        WITH pairs(position, from_touchpoint, to_touchpoint) AS (VALUES {pairs}),
        ev AS (SELECT user_id, ts, touchpoint, {segment} AS segment FROM {ident(view)}
               WHERE touchpoint IN ({_in_list("t", n)})),
        firsts AS (SELECT user_id, touchpoint, min(ts) AS t,
                          {_first_by_time("segment")} AS segment
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
    out = _run(con, sql, {**_params("t", touchpoints), "by_is_null": by is None})
    out["users"] = out["users"].astype("int64")
    for column in ("median_hours", "q1_hours", "q3_hours"):
        out[column] = out[column].astype("float64")
    if by is None:
        out = out.assign(n_missing=0)
    return _split_segment(out, by, TIME_BETWEEN_COLUMNS)


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
    entries = _validate_names(
        [entry] if isinstance(entry, str) else entry, what=Message("behaviour.what.entries")
    )
    _validate_view(con, view, columns=[column], by=by)
    _validate_confidence(confidence)
    segment = ident(by) if by else _NO_SEGMENT
    col = ident(column)
    is_entry = f"{col} IN ({_in_list('e', len(entries))})"
    sql = f"""
        WITH per_session AS (
            SELECT user_id, session_id, {_first_by_time(segment)} AS segment,
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
    out = _run(con, sql, {**_params("e", entries), "by_is_null": by is None})
    out["sessions"] = out["sessions"].astype("int64")
    out["bounced"] = out["bounced"].astype("int64")
    out["rate"] = out["rate"].astype("float64")
    out["ci_low"], out["ci_high"] = wilson_interval(
        out["bounced"].to_numpy(), out["sessions"].to_numpy(), confidence=confidence
    )
    return _split_segment(out, by, BOUNCE_COLUMNS)


# --- retention ------------------------------------------------------------------------------


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
    _validate_view(con, view)
    days = _validate_days(days)
    _validate_period(cohort, name="cohort")
    _validate_confidence(confidence)
    _validate_span(con, view, cohort, what=Message("behaviour.span.retention"))
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
             AND e.event IN ({_in_list("r", len(repeat))})
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
    params = {"purchase": purchase_event, **_params("r", repeat)}
    out = _run(con, sql, params)
    for column in ("days", "users", "retained", "censored"):
        out[column] = out[column].astype("int64")
    out["rate"] = out["rate"].astype("float64")
    out["ci_low"], out["ci_high"] = wilson_interval(
        out["retained"].to_numpy(), out["users"].to_numpy(), confidence=confidence
    )
    return out[list(RETENTION_COLUMNS)]


# --- trends ---------------------------------------------------------------------------------


def _trend(
    con: Connection, view: str, *, items: Sequence[str], column: str, period: str
) -> pd.DataFrame:
    items = _validate_names(items, what=Message("behaviour.what.values", column=column))
    _validate_view(con, view, columns=[column])
    _validate_period(period)
    _validate_span(con, view, period, what=Message("behaviour.span.trend"))
    n = len(items)
    sql = f"""
        WITH items(position, item) AS ({_values("t", n)}),
        ev AS (SELECT date_trunc({literal(period)}, ts) AS period_start, {ident(column)} AS item,
                      user_id
               FROM {ident(view)} WHERE {ident(column)} IN ({_in_list("t", n)})),
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
    out = _run(con, sql, _params("t", items))
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


def _validate_respondents(respondents: pd.DataFrame, customer_column: str) -> None:
    if not isinstance(respondents, pd.DataFrame) or "respondent_id" not in respondents:
        message = Message("behaviour.respondent_id")
        raise MotError(message)
    if customer_column not in respondents.columns:
        raise MotError(Message("missing.customer_id", column=customer_column))


def link_survey(
    con: Connection,
    view: str = DEFAULT_VIEW,
    respondents: pd.DataFrame | None = None,
    *,
    customer_column: str = "customer_id",
    converted_step: str = "purchase",
    step_column: str = "event",
    purchase_event: str = "purchase",
    repeat_events: Sequence[str] = REPEAT_EVENTS,
) -> pd.DataFrame:
    """Link survey respondents to their behaviour: whether they converted and bought again.

    The respondents' ids are registered on the connection for the query only. Per respondent:
    ``in_log`` = the customer id is a ``user_id`` of the log; ``converted`` = the user has
    an event whose ``step_column`` equals ``converted_step`` (default: a ``purchase``
    event; ``converted_step="SMOT", step_column="touchpoint"`` reaches the second moment);
    ``repurchased`` = at least two ``purchase_event`` events, or any ``repeat_events``
    event (default ``repurchase``). Respondents not in the log are neither.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or pyspark.sql.SparkSession
        Connection holding the event view.
    view : str, default "events_mapped"
        The mapped event view.
    respondents : DataFrame
        ``respondent_id`` and ``customer_column`` (see :class:`mot.survey.SurveyData`).
    customer_column : str, default "customer_id"
        The column holding the log's ``user_id``.
    converted_step : str, default "purchase"
        The value that marks a conversion.
    step_column : str, default "event"
        The column ``converted_step`` is a value of.
    purchase_event : str, default "purchase"
        The event name of a purchase.
    repeat_events : sequence of str, default ("repurchase",)
        Other events that count as a repeat purchase.

    Returns
    -------
    DataFrame
        ``respondent_id, customer_id, in_log, converted, repurchased`` (bools); one row per
        respondent, sorted by ``respondent_id``. ``attrs["n_not_in_log"]`` counts
        respondents without events.

    Raises
    ------
    EventLogError
        If the view or a column is missing.
    MotError
        If ``respondents`` lacks ``respondent_id`` or ``customer_column``.

    Examples
    --------
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE VIEW events_mapped AS SELECT * FROM (VALUES "
    ...     "('C1', 's1', TIMESTAMP '2026-01-05 10:00', 'purchase', 'SMOT'),"
    ...     "('C1', 's2', TIMESTAMP '2026-01-20 10:00', 'repurchase', 'UMOT'),"
    ...     "('C2', 's3', TIMESTAMP '2026-01-06 10:00', 'landing', 'FMOT')) "
    ...     "t(user_id, session_id, ts, event, touchpoint)")
    >>> people = pd.DataFrame({"respondent_id": ["r1", "r2", "r3"],
    ...                        "customer_id": ["C1", "C2", "C9"]})
    >>> link_survey(con, respondents=people)[["respondent_id", "converted", "repurchased"]]
      respondent_id  converted  repurchased
    0            r1       True         True
    1            r2      False        False
    2            r3      False        False
    """
    _validate_respondents(respondents, customer_column)
    _validate_view(con, view, columns=[step_column])
    people = pd.DataFrame(
        {
            "respondent_id": respondents["respondent_id"].astype(str).to_numpy(dtype=object),
            "customer_id": respondents[customer_column]
            .astype("string")
            .str.strip()
            .to_numpy(dtype=object, na_value=None),
        }
    )
    table = f"_mot_people_{uuid.uuid4().hex}"
    repeat = list(repeat_events)
    sql = f"""
        WITH people AS (SELECT respondent_id, CAST(customer_id AS VARCHAR) AS customer_id
                        FROM {ident(table)}),
        per_user AS (
            SELECT user_id,
                   bool_or({ident(step_column)} = CAST($converted AS VARCHAR)) AS converted,
                   count(*) FILTER (WHERE event = CAST($purchase AS VARCHAR)) AS purchases,
                   count(*) FILTER (WHERE event IN ({_in_list("r", len(repeat)) or "NULL"}))
                       AS repeats
            FROM {ident(view)}
            WHERE user_id IN (SELECT customer_id FROM people)
            GROUP BY user_id)
        SELECT p.respondent_id, p.customer_id, u.user_id IS NOT NULL AS in_log,
               coalesce(u.converted, false) AS converted,
               coalesce(u.purchases >= 2 OR u.repeats > 0, false) AS repurchased
        FROM people p LEFT JOIN per_user u ON u.user_id = p.customer_id
        ORDER BY p.respondent_id
    """
    params = {"converted": converted_step, "purchase": purchase_event, **_params("r", repeat)}
    with engine.registered(con, table, people):
        out = _run(con, sql, params)
    for column in ("in_log", "converted", "repurchased"):
        out[column] = out[column].astype(bool)
    out = out[list(LINK_COLUMNS)]
    out.attrs["n_not_in_log"] = int((~out["in_log"]).sum())
    return out


def _with_link(ratings: pd.DataFrame, linked: pd.DataFrame, column: str) -> pd.DataFrame:
    """Ratings of the linked respondents with the link's ``column`` added."""
    if not {"respondent_id", column} <= set(linked.columns):
        message = Message("behaviour.needs_link", column=column)
        raise MotError(message)
    # Looked up once per respondent and spread by category code (fast on millions of rows).
    out = with_segment(as_ratings(ratings), linked, column)
    return out[out[column].notna().to_numpy()]


def utilities_by_conversion(
    ratings: pd.DataFrame,
    linked: pd.DataFrame,
    *,
    flag: str = "converted",
    measure: str = "experienced",
    correction: str = "holm",
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Mean utility per touchpoint of converters against non-converters (Welch's t).

    Adds the ``flag`` of :func:`link_survey` (``converted``, or ``repurchased``: a repeat
    purchase) to the ratings as the group ``converter`` / ``non_converter`` and calls
    :func:`mot.compare.compare_groups` with ``test="welch"``:
    ``difference = mean(converters) − mean(non-converters)``.

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings (``respondent_id, touchpoint, measure, value``).
    linked : DataFrame
        The result of :func:`link_survey`.
    flag : {"converted", "repurchased"}, default "converted"
        The column of ``linked`` that makes a respondent a converter. Where every
        respondent has bought once (a survey of buyers), ``"repurchased"`` still splits them.
    measure : str, default "experienced"
        The utility compared.
    correction : str, default "holm"
        Multiple-comparison correction over the touchpoints.
    confidence : float, default 0.95
        Level of the intervals.

    Returns
    -------
    DataFrame
        The columns of :func:`mot.compare.compare_groups` (``group_a`` = ``converter``);
        empty when everyone (or no one) converted. ``attrs["n_missing_segment"]``:
        respondents whose ratings have no link.

    Raises
    ------
    MissingMeasureError
        If there are no ``measure`` ratings among the linked respondents.
    MotError
        If ``flag`` is not one of the two, or ``linked`` lacks ``respondent_id`` or ``flag``.

    References
    ----------
    Welch, B. L. (1947). Biometrika, 34(1–2), 28–35.

    Examples
    --------
    >>> ratings = pd.DataFrame({"respondent_id": ["a", "b", "c", "d"], "touchpoint": "SMOT",
    ...                         "measure": "experienced", "value": [80.0, 70, 40, 50]})
    >>> linked = pd.DataFrame({"respondent_id": list("abcd"),
    ...                        "converted": [True, True, False, False]})
    >>> row = utilities_by_conversion(ratings, linked).iloc[0]
    >>> row["group_a"], float(row["difference"])
    ('converter', 30.0)
    """
    if flag not in CONVERSION_FLAGS:
        message = Message("arg.one_of", name="flag", values=", ".join(CONVERSION_FLAGS), value=flag)
        raise MotError(message)
    rows = _with_link(ratings, linked, flag)
    labels = np.where(rows[flag].astype(bool), "converter", "non_converter")
    group = pd.Categorical(labels, categories=["converter", "non_converter"])
    rows = rows.assign(conversion=group).drop(columns=flag)
    n_unlinked = as_ratings(ratings)["respondent_id"].nunique() - rows["respondent_id"].nunique()
    out = compare_groups(
        rows,
        by="conversion",
        measure=measure,
        test="welch",
        correction=correction,
        confidence=confidence,
    )
    out.attrs["n_missing_segment"] = int(n_unlinked)
    return out


def logistic_slope(
    x: np.ndarray, y: np.ndarray, *, max_iter: int = 50, tol: float = 1e-10
) -> tuple[float, float, float, bool]:
    """One-predictor logistic regression by Newton–Raphson.

    Maximises ``Σ y log p + (1 − y) log(1 − p)`` with ``p = 1 / (1 + e^{−(a + b x)})``:
    ``β ← β + (XᵀWX)⁻¹ Xᵀ(y − p)``, ``W = diag(p (1 − p))``, from ``β = 0``. The standard
    error of ``b`` is ``√[(XᵀWX)⁻¹]₁₁`` at the optimum (inverse observed information).

    Parameters
    ----------
    x, y : ndarray
        Predictor and 0/1 outcome.
    max_iter : int, default 50
        Newton steps allowed.
    tol : float, default 1e-10
        Converged when the largest step is below ``tol``.

    Returns
    -------
    tuple
        ``(intercept, slope, slope_se, converged)``; NaN estimates when the fit does not
        converge (e.g. perfect separation) or the information matrix is singular.

    References
    ----------
    Agresti, A. (2013). Categorical Data Analysis (3rd ed.), §5.1 and §5.5. Wiley.

    Examples
    --------
    With a 0/1 predictor the slope is the log odds ratio: 2/4 against 3/4 →
    ``log(3 · 2 / 1 / 2) = 1.0986`` and ``se = √(1/2 + 1/2 + 1/3 + 1) = 1.5275``:

    >>> x = np.array([0, 0, 0, 0, 1, 1, 1, 1]); y = np.array([1, 1, 0, 0, 1, 1, 1, 0])
    >>> a, b, se, ok = logistic_slope(x, y)
    >>> round(b, 4), round(se, 4), ok
    (1.0986, 1.5275, True)
    """
    design = np.column_stack([np.ones_like(x, dtype="float64"), np.asarray(x, "float64")])
    y = np.asarray(y, dtype="float64")
    beta = np.zeros(2)
    for _ in range(max_iter):
        p = special.expit(design @ beta)
        information = (design * (p * (1 - p))[:, None]).T @ design
        try:
            step = np.linalg.solve(information, design.T @ (y - p))
        except np.linalg.LinAlgError:
            return np.nan, np.nan, np.nan, False
        beta = beta + step
        if np.max(np.abs(step)) < tol:
            covariance = np.linalg.inv(information)
            return float(beta[0]), float(beta[1]), float(np.sqrt(covariance[1, 1])), True
    return np.nan, np.nan, np.nan, False


def utility_predicts_repurchase(
    ratings: pd.DataFrame,
    linked: pd.DataFrame,
    *,
    touchpoint: str,
    measure: str = "experienced",
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Test whether the utility of one touchpoint predicts repurchase in the event log.

    Two readings on the linked respondents with a rating at ``touchpoint``: (1) repurchase
    rate of top-box raters minus the rest, :func:`mot.compare.two_proportion_test`; (2) the
    logistic regression ``logit P(repurchased) = a + b · value / 10`` fitted by
    Newton–Raphson (:func:`logistic_slope`): ``slope_per_10`` is the change in log odds
    per 10 points of the 0–100 utility, ``odds_ratio_per_10 = e^b``, Wald
    ``z = b / se`` with a two-sided normal p and ``b ± z_{(1+c)/2} · se`` interval.

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings (``respondent_id, touchpoint, measure, value, top_box``).
    linked : DataFrame
        The result of :func:`link_survey` (``respondent_id, repurchased``).
    touchpoint : str
        The touchpoint whose utility is the predictor.
    measure : str, default "experienced"
        The utility used.
    confidence : float, default 0.95
        Level of the intervals.

    Returns
    -------
    DataFrame
        One row: ``touchpoint, n, n_top_box, repurchased, rate_top_box, rate_rest,
        difference, ci_low, ci_high, p_value`` (the rate difference), ``slope_per_10,
        slope_se, slope_ci_low, slope_ci_high, odds_ratio_per_10, slope_p_value,
        converged``. Statistics that cannot be computed (a group without respondents, no
        convergence) are NaN.

    Raises
    ------
    InsufficientDataError
        If no linked respondent rated the touchpoint.
    MotError
        If ``linked`` lacks ``respondent_id`` or ``repurchased``.

    References
    ----------
    Agresti, A. (2013). Categorical Data Analysis (3rd ed.), §3.1, §5.1. Wiley.

    Examples
    --------
    >>> ratings = pd.DataFrame({"respondent_id": list("abcdefgh"), "touchpoint": "UMOT",
    ...     "measure": "experienced", "value": [0.0] * 4 + [10.0] * 4,
    ...     "top_box": [False] * 4 + [True] * 4})
    >>> linked = pd.DataFrame({"respondent_id": list("abcdefgh"),
    ...     "repurchased": [True, True, False, False, True, True, True, False]})
    >>> row = utility_predicts_repurchase(ratings, linked, touchpoint="UMOT").iloc[0]
    >>> float(row["difference"]), round(float(row["slope_per_10"]), 4)
    (0.25, 1.0986)
    """
    _validate_confidence(confidence)
    rows = _with_link(ratings, linked, "repurchased")
    rows = rows[
        (rows["touchpoint"].astype(str) == touchpoint)
        & (rows["measure"] == measure)
        & rows["value"].notna()
    ]
    if rows.empty:
        message = Message("behaviour.no_linked_rating", measure=measure, touchpoint=touchpoint)
        raise InsufficientDataError(message)
    y = rows["repurchased"].astype(bool).to_numpy()
    top = rows["top_box"].to_numpy(dtype=bool)
    row = {
        "touchpoint": touchpoint,
        "n": len(rows),
        "n_top_box": int(top.sum()),
        "repurchased": int(y.sum()),
    }
    row |= _rate_difference(y, top, confidence)
    row |= _slope_terms(rows["value"].to_numpy(dtype="float64") / 10, y, confidence)
    return pd.DataFrame([row], columns=list(REPURCHASE_MODEL_COLUMNS))


def _rate_difference(y: np.ndarray, top: np.ndarray, confidence: float) -> dict[str, float]:
    """Repurchase rate of top-box raters minus the rest (NaN when a group is empty)."""
    keys = ("rate_top_box", "rate_rest", "difference", "ci_low", "ci_high", "p_value")
    if top.all() or not top.any():
        rates = {"rate_top_box": y[top].mean() if top.any() else np.nan}
        rates["rate_rest"] = y[~top].mean() if (~top).any() else np.nan
        return {k: rates.get(k, np.nan) for k in keys}
    test = two_proportion_test(
        int(y[top].sum()),
        int(top.sum()),
        int(y[~top].sum()),
        int((~top).sum()),
        confidence=confidence,
    ).iloc[0]
    values = (test["p_a"], test["p_b"], test["difference"], test["ci_low"], test["ci_high"])
    return dict(zip(keys, (*values, test["p_value"]), strict=True))


def _slope_terms(x: np.ndarray, y: np.ndarray, confidence: float) -> dict[str, object]:
    """Logistic slope per 10 points with its Wald interval and p."""
    _, slope, se, converged = logistic_slope(x, y.astype("float64"))
    z_crit = stats.norm.ppf((1 + confidence) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = 2 * stats.norm.sf(abs(slope / se)) if se > 0 else np.nan
    return {
        "slope_per_10": slope,
        "slope_se": se,
        "slope_ci_low": slope - z_crit * se,
        "slope_ci_high": slope + z_crit * se,
        "odds_ratio_per_10": float(np.exp(slope)),
        "slope_p_value": float(p),
        "converged": bool(converged),
    }
