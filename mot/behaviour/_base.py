"""What the behaviour metrics share: the view's contract, result columns, checks, tables.

The names every metric module of :mod:`mot.behaviour` uses — the default view and its core
columns, the result tables' columns, the argument checks (each raising a typed error from
:mod:`mot.errors`), running a query (:func:`run_sql`), the Wilson interval and the turning of
a query's long rows into a result table. Private to the package (``mot.behaviour._base``);
its names are public so that each module of the package may import them, and the public ones
(``DEFAULT_VIEW``, ``*_COLUMNS``, ``wilson_interval``, …) are re-exported by
:mod:`mot.behaviour`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import numpy as np
import pandas as pd

from mot import vocabulary
from mot.behaviour import engine
from mot.behaviour._sql import ident
from mot.behaviour.engine import Connection, view_columns
from mot.errors import EventLogError, MotError
from mot.messages import Joined, Message

DEFAULT_VIEW = "events_mapped"
"""Name of the mapped event view that :mod:`mot.behaviour.log` creates."""

CORE_COLUMNS: tuple[str, ...] = ("user_id", "session_id", "ts", "event", "touchpoint")
"""Columns every event view must have (``row_number`` is not needed here)."""

PERIODS = vocabulary.PERIODS
"""Periods accepted by :func:`trend`, :func:`event_trend` and :func:`retention`."""

MAX_PERIODS = 3000
"""Most periods a trend, a cohort table or a retention builds: days cover eight years, weeks
57 (every log :mod:`mot.behaviour.log` opens has its time stamps between 1990 and a year from
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
    "ci_clipped",
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

NORMAL_QUANTILES: dict[float, float] = {
    0.9: 1.6448536269514722,
    0.95: 1.959963984540054,
    0.99: 2.5758293035489004,
}
"""``z`` of the usual confidence levels: the standard normal's quantile of ``(1 + level) / 2``,
the very floats ``scipy.special.ndtri`` gives (tests/mot/behaviour/test_quantiles.py), so that
an interval at these levels needs no scipy (the command line never imports it)."""

MAD_SCALE = 1.4826
"""Scales the median absolute deviation to a normal standard deviation."""


def run_sql(con: Connection, sql: str, params: dict) -> pd.DataFrame:
    """Run ``sql`` on DuckDB or Spark (:func:`mot.behaviour.engine.run`); errors: EventLogError."""
    return engine.run(con, sql, params)


def validate_view(
    con: object, view: str, *, columns: Sequence[str | None] = (), by: str | None = None
) -> None:
    """Raise :class:`EventLogError` unless ``view`` has the core columns, ``columns`` and ``by``."""
    present = view_columns(con, view)
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


def validate_names(names: Sequence[str], *, what: Message, minimum: int = 1) -> list[str]:
    """The names as a list of str, or :class:`MotError` when too few or not text."""
    if isinstance(names, str):
        names = [n.strip() for n in names.split(",") if n.strip()]
    names = list(names)
    if len(names) < minimum or not all(isinstance(n, str) and n for n in names):
        message = Message("behaviour.names", minimum=minimum, what=what, names=names)
        raise MotError(message)
    return names


def validate_period(period: str, *, name: str = "period") -> None:
    if period not in PERIODS:
        message = Message("arg.one_of", name=name, values=", ".join(PERIODS), value=period)
        raise MotError(message)


def count_periods(low: pd.Timestamp, high: pd.Timestamp, period: str) -> int:
    """Periods from the one holding ``low`` to the one holding ``high`` (weeks from Monday)."""
    if period == "month":
        return (high.year - low.year) * 12 + high.month - low.month + 1
    first, last = low.normalize(), high.normalize()
    if period == "week":
        first -= pd.Timedelta(days=first.weekday())
        last -= pd.Timedelta(days=last.weekday())
        return (last - first).days // 7 + 1
    return (last - first).days + 1


def validate_span(con: Connection, view: str, period: str, *, what: Message) -> None:
    """Raise :class:`MotError` when the view's events span more than :data:`MAX_PERIODS`."""
    bounds = run_sql(con, f"SELECT min(ts) AS lo, max(ts) AS hi FROM {ident(view)}", {})
    low, high = bounds["lo"].iloc[0], bounds["hi"].iloc[0]
    if pd.isna(low) or pd.isna(high):
        return
    n = count_periods(pd.Timestamp(low), pd.Timestamp(high), period)
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


def normal_quantile(confidence: float) -> float:
    """``z``: the standard normal's quantile of ``(1 + confidence) / 2``.

    From :data:`NORMAL_QUANTILES` for the usual levels, else ``scipy.special.ndtri``
    (imported only then).

    Examples
    --------
    >>> normal_quantile(0.95)
    1.959963984540054
    """
    if confidence in NORMAL_QUANTILES:
        return NORMAL_QUANTILES[confidence]
    from mot.distributions import norm_ppf

    return float(norm_ppf((1 + confidence) / 2))


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
    z = normal_quantile(confidence)
    with np.errstate(divide="ignore", invalid="ignore"):
        centre = (x + z**2 / 2) / (n + z**2)
        half = z / (n + z**2) * np.sqrt(x * (n - x) / n + z**2 / 4)
    bad = (n <= 0) | (x > n) | (x < 0)
    low = np.where(bad, np.nan, np.clip(centre - half, 0.0, 1.0))
    high = np.where(bad, np.nan, np.clip(centre + half, 0.0, 1.0))
    return low, high


def split_segment(out: pd.DataFrame, by: str | None, columns: Sequence[str]) -> pd.DataFrame:
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


REACH_BITS = 62
"""Touchpoints per reach query: one bit each of a BIGINT mask (sign bit and one spare)."""


def long_values(rows: pd.DataFrame) -> dict[tuple, int]:
    """``(segment, position, measure) → value`` of a long result (NULL segment → None)."""
    return {
        (None if pd.isna(g) else g, int(k), m): int(v)
        for g, k, m, v in rows[["segment", "position", "measure", "value"]].itertuples(index=False)
    }


def reach_table(
    rows: pd.DataFrame, queried: list[str], touchpoints: list[str], by: str | None
) -> pd.DataFrame:
    """The table of :func:`touchpoint_reach` from its long rows.

    ``rows`` are positions in ``queried`` (distinct touchpoints); the table has every group ×
    touchpoint of ``touchpoints``, zero where nothing was reached.
    """
    value = {(g, queried[k - 1], m): v for (g, k, m), v in long_values(rows).items()}
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
    return split_segment(table, by, REACH_COLUMNS)


# --- funnels --------------------------------------------------------------------------------


def window_microseconds(window: timedelta | pd.Timedelta | None) -> int | None:
    if window is None:
        return None
    if not isinstance(window, timedelta | pd.Timedelta) or window <= timedelta(0):
        message = Message("behaviour.window", window=window)
        raise MotError(message)
    return int(pd.Timedelta(window) / pd.Timedelta(microseconds=1))


def funnel_table(
    rows: pd.DataFrame, steps: list[str], grouped: bool, confidence: float
) -> pd.DataFrame:
    """The funnel table from its long rows: every group × step, ratios and intervals.

    Groups are the segments with entrants (or the one group NULL when not grouped); the
    entrants without a segment are ``n_missing``.
    """
    value = long_values(rows)
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
