"""The six-step method's gaps, importance–performance analysis, and what to fix first.

Steps 2–5 of the service-excellence method measure, at each moment of truth, what the
customer *expects* (the ``anticipated`` measure), what would be *excellent* (``excellent``)
and the company's *actual* performance (``experienced``), then analyse the gaps between them.
:func:`gap_table` estimates the gaps with their uncertainty, :func:`importance_performance`
places each touchpoint on Martilla & James's grid, and :func:`priorities` ranks the
touchpoints for corrective action (step 6).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from mot import MEASURES
from mot._codes import codes_of, require_one_rating
from mot._stats import (
    adjust_within,
    overlap_t,
    pair_correlation,
    t_inference,
    validate_confidence,
    validate_correction,
)
from mot.errors import MissingMeasureError, MotError
from mot.io import release_memory
from mot.messages import Message
from mot.tidy import as_ratings, require_measure

GAP_COLUMNS: tuple[str, ...] = (
    "touchpoint",
    "n_expected",
    "expected",
    "n_excellent",
    "excellent",
    "n_actual",
    "actual",
    "gap_to_expected",
    "gap_to_expected_ci_low",
    "gap_to_expected_ci_high",
    "gap_to_expected_p",
    "gap_to_expected_p_adjusted",
    "gap_to_excellent",
    "gap_to_excellent_ci_low",
    "gap_to_excellent_ci_high",
    "gap_to_excellent_p",
    "gap_to_excellent_p_adjusted",
    "n_paired_expected",
    "n_paired_excellent",
    "gap_to_expected_method",
    "gap_to_excellent_method",
)
"""Columns of :func:`gap_table` (after the ``by`` column, when there is one)."""

IMPORTANCE_PERFORMANCE_COLUMNS: tuple[str, ...] = (
    "touchpoint",
    "importance",
    "importance_source",
    "performance",
    "quadrant",
    "importance_split",
    "performance_split",
)
"""Columns of :func:`importance_performance`."""

PRIORITY_COLUMNS: tuple[str, ...] = (
    "rank",
    "touchpoint",
    "importance",
    "importance_source",
    "gap_used",
    "gap",
    "priority",
    "quadrant",
    "rule",
)
"""Columns of :func:`priorities`."""

QUADRANTS: dict[tuple[bool, bool], str] = {
    (True, False): "concentrate_here",
    (True, True): "keep_up",
    (False, False): "low_priority",
    (False, True): "possible_overkill",
}
"""Martilla & James quadrant by (high importance, high performance)."""

# measure in the ratings → name in the six-step method
_SIX_STEP = {"anticipated": "expected", "excellent": "excellent", "experienced": "actual"}


def gap_table(
    ratings: pd.DataFrame,
    *,
    by: str | None = None,
    confidence: float = 0.95,
    correction: str = "holm",
) -> pd.DataFrame:
    """Expected, excellent and actual level of every touchpoint, and the gaps between them.

    *Expected* is the mean ``anticipated`` rating, *excellent* the mean ``excellent``
    (ideal) rating and *actual* the mean ``experienced`` rating, each over all its ratings.
    Each gap is actual minus the target, the difference of the two means shown beside it, so
    a negative gap is a shortfall. Its test uses every rating and depends on who rated both:

    - ``"paired"``: everyone who rated one side rated the other: the paired t-test on the
      differences (:func:`scipy.stats.ttest_rel`), ``se = sd_d / √n`` on ``n − 1`` df;
    - ``"welch"``: nobody rated both (the target was asked of other people, e.g. a focus
      group): Welch's two-sample t-test (:func:`scipy.stats.ttest_ind`, ``equal_var=False``);
    - ``"partially_overlapping"``: some did: the partially overlapping samples t-test of
      Derrick, Russ, Toher & White (2017), unequal-variance form T_new2
      (:func:`mot.ttests.partially_overlapping_ttest`, R's ``Partover.test``):
      ``se² = S₁²/n₁ + S₂²/n₂ − 2 r S₁ S₂ n_c / (n₁ n₂)`` over all ratings of each side,
      ``r`` the correlation of the ``n_c`` pairs (0 when it cannot be estimated: one pair,
      or one side of the pairs constant), ``df = (n_c − 1) + (γ − n_c + 1)(n_a + n_b) /
      (n_a + n_b + 2 n_c)`` with γ Welch's df.

    The p-values of each gap are then adjusted across the touchpoints (within each segment
    with ``by``): one family of tests for ``gap_to_expected``, one for ``gap_to_excellent``,
    Holm's step-down method by default (:func:`mot.compare.adjust_p_values`). A gap is
    established at level α = 1 − ``confidence`` when its ``_p_adjusted`` is below α; the
    interval is the touchpoint's own (unadjusted) interval, so one that excludes zero is
    conclusive only if the adjusted p agrees.

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings (see :func:`mot.tidy.as_ratings`). Only the ``anticipated``,
        ``excellent`` and ``experienced`` rows are used; NaN values are ignored.
    by : str, optional
        A categorical column of ``ratings`` (e.g. added by :func:`mot.tidy.with_segment`).
        The result then has one block per segment, the segment column first. Ratings with a
        missing segment are left out; the number of respondents concerned is in
        ``result.attrs["n_missing_segment"]`` (0 without ``by``).
    confidence : float, default 0.95
        Level of the intervals, strictly between 0 and 1.
    correction : {"holm", "bonferroni", "fdr_bh", "none"}, default "holm"
        Multiple-comparison adjustment of the gap p-values across touchpoints.

    Returns
    -------
    DataFrame
        One row per touchpoint with any of the three measures (per segment with ``by``),
        sorted by segment then journey order, with columns:

        - ``touchpoint``: ordered categorical in journey order.
        - ``n_expected``, ``expected``: count and mean of ``anticipated`` ratings.
        - ``n_excellent``, ``excellent``: count and mean of ``excellent`` ratings (NaN
          where the touchpoint has none: not an error).
        - ``n_actual``, ``actual``: count and mean of ``experienced`` ratings.
        - ``gap_to_expected``: ``actual − expected``; ``gap_to_expected_ci_low``,
          ``gap_to_expected_ci_high``: its t interval; ``gap_to_expected_p``: two-sided
          p-value of "no gap"; ``gap_to_expected_p_adjusted``: that p adjusted across
          touchpoints.
        - ``gap_to_excellent`` and its ``_ci_low``, ``_ci_high``, ``_p``, ``_p_adjusted``:
          the same for ``actual − excellent``.
        - ``n_paired_expected``, ``n_paired_excellent``: respondents who rated both.
        - ``gap_to_expected_method``, ``gap_to_excellent_method``: ``"paired"``,
          ``"partially_overlapping"``, ``"welch"``, or missing when one side has no ratings.

        Intervals and p-values are NaN when a side has fewer than two ratings (a single
        pair included). When the standard error is zero (every difference the same), the
        interval has zero width and p is 0 (or NaN for a zero gap), as in scipy.

    Raises
    ------
    MissingMeasureError
        If there are no ``experienced`` ratings, or neither ``anticipated`` nor
        ``excellent`` ratings anywhere.
    DuplicateRatingError
        If a respondent has two ratings of one of the three measures at one touchpoint
        (the rule of every analysis: none averages or picks one silently).
    MotError
        If ``by`` is not a column of ``ratings``, ``confidence`` is not in (0, 1) or
        ``correction`` is unknown.

    References
    ----------
    Albrecht, K. (1988). At America's Service. Dow Jones-Irwin (moments of truth).
    Parasuraman, A., Zeithaml, V. A., & Berry, L. L. (1985). A conceptual model of service
    quality and its implications for future research. Journal of Marketing, 49(4), 41–50.
    Welch, B. L. (1947). The generalization of "Student's" problem when several different
    population variances are involved. Biometrika, 34(1–2), 28–35.
    Derrick, B., Russ, B., Toher, D., & White, P. (2017). Test statistics for the comparison
    of means for two samples that include both paired and independent observations. Journal
    of Modern Applied Statistical Methods, 16(1), 137–157.
    Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scandinavian
    Journal of Statistics, 6(2), 65–70.

    Examples
    --------
    Three respondents expected 60, 70, 80 and experienced 50, 70, 60: the paired differences
    are −10, 0, −20, so the gap is −10 with sd 10, se 10/√3 = 5.774 and
    t = −10/5.774 = −1.732 on 2 df (two-sided p = 0.225):

    >>> ratings = pd.DataFrame({"respondent_id": ["a", "b", "c"] * 2, "touchpoint": "FMOT",
    ...                         "measure": ["anticipated"] * 3 + ["experienced"] * 3,
    ...                         "value": [60.0, 70, 80, 50, 70, 60]})
    >>> row = gap_table(ratings).iloc[0]
    >>> float(row["expected"]), float(row["actual"]), float(row["gap_to_expected"])
    (70.0, 60.0, -10.0)
    >>> round(float(row["gap_to_expected_p"]), 3), row["gap_to_expected_method"]
    (0.225, 'paired')
    """
    ratings = as_ratings(ratings)
    _validate_gap_table(ratings, by=by, confidence=confidence, correction=correction)
    require_one_rating(codes_of(ratings), _SIX_STEP)
    release_memory()  # the check's flags, handed back before the summaries' tables
    ratings, n_missing = _segment_rows(ratings, by)
    keys = ["touchpoint"] if by is None else [by, "touchpoint"]
    six = [MEASURES.index(m) for m in _SIX_STEP]
    wanted = _wanted_rows(ratings, six)
    if not wanted.any():
        out = _empty(keys, GAP_COLUMNS[1:], ratings)
    else:
        summary = _gap_summaries(ratings, wanted, keys)
        out = summary.index.to_frame(index=False)
        for measure, name in _SIX_STEP.items():
            out[f"n_{name}"] = summary[(measure, "count")].to_numpy(dtype="int64")
            out[name] = summary[(measure, "mean")].to_numpy()
        family = _codes(out[by]) if by is not None else np.zeros(len(out), dtype=np.int8)
        for target in ("expected", "excellent"):
            for column, values in _gap(summary, target, confidence).items():
                out[column] = values
            raw = out[f"gap_to_{target}_p"].to_numpy()
            out[f"gap_to_{target}_p_adjusted"] = adjust_within(raw, family, correction)
    out = out[[*keys[:-1], *GAP_COLUMNS]].reset_index(drop=True)
    out.attrs["n_missing_segment"] = n_missing
    return out


def importance_performance(
    ratings: pd.DataFrame,
    *,
    respondents: pd.DataFrame | None = None,
    outcome: str = "recommend",
    seed: int = 0,
) -> pd.DataFrame:
    """Place every touchpoint on the importance–performance grid (Martilla & James, 1977).

    Performance is the mean ``experienced`` rating (0–100). Importance is the mean stated
    ``importance`` rating (0–100) where the touchpoint has one; otherwise it is derived:
    ``100 × share`` from :func:`mot.drivers.driver_importance` for ``outcome`` (the
    touchpoint's percentage of the explained variance, so the p derived values of the
    regression add up to 100). The ``importance_source`` column says which each row has.

    The two kinds of importance are on different scales, so they are never averaged
    together. Split rule (a value equal to its split counts as high):

    - performance is high at or above the mean performance of the listed touchpoints;
    - stated importance is high at or above the mean stated importance (over the touchpoints
      with stated importance);
    - derived importance is high at or above an equal share of the explained variance,
      ``100 / p`` for the p touchpoints of the regression (the mean of all p shares).

    ``importance_split`` and ``performance_split`` give the split each row was compared with.

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings (see :func:`mot.tidy.as_ratings`); NaN values are ignored.
    respondents : DataFrame, optional
        Needed only when some touchpoint has no stated importance: ``respondent_id`` and
        ``outcome``.
    outcome : str, default "recommend"
        The outcome that derived importance explains.
    seed : int, default 0
        Passed to :func:`mot.drivers.driver_importance` for reproducibility; the shares used
        here involve no random draw, so it does not change the result.

    Returns
    -------
    DataFrame
        One row per touchpoint with ``experienced`` ratings, in journey order, with columns
        ``touchpoint`` (ordered categorical), ``importance`` (0–100), ``importance_source``
        (``"stated"`` or ``"derived"``), ``performance`` (0–100), ``quadrant``:
        ``"concentrate_here"`` (high importance, low performance), ``"keep_up"`` (high,
        high), ``"low_priority"`` (low, low) or ``"possible_overkill"`` (low importance,
        high performance), ``importance_split`` (the split of the row's kind of importance)
        and ``performance_split`` (the mean performance, the same on every row).

    Raises
    ------
    MissingMeasureError
        If there are no ``experienced`` ratings, or some touchpoint has no stated importance
        and ``respondents`` is not given or lacks ``outcome``.
    DuplicateRatingError
        If a respondent has two ``experienced`` (or ``importance``) ratings at one
        touchpoint: every analysis refuses them.
    InsufficientDataError
        If importance must be derived and the data cannot support the regression (see
        :func:`mot.drivers.driver_importance`).

    References
    ----------
    Martilla, J. A., & James, J. C. (1977). Importance-performance analysis. Journal of
    Marketing, 41(1), 77–79.

    Examples
    --------
    Mean importance (90 + 50 + 70) / 3 = 70 and mean performance (40 + 80 + 60) / 3 = 60:

    >>> ratings = pd.DataFrame({"respondent_id": "a", "touchpoint": ["ZMOT", "FMOT", "SMOT"] * 2,
    ...                         "measure": ["importance"] * 3 + ["experienced"] * 3,
    ...                         "value": [90.0, 50, 70, 40, 80, 60]})
    >>> importance_performance(ratings)[["touchpoint", "quadrant", "importance_split"]]
      touchpoint           quadrant  importance_split
    0       ZMOT   concentrate_here              70.0
    1       FMOT  possible_overkill              70.0
    2       SMOT            keep_up              70.0
    """
    ratings = as_ratings(ratings)
    experienced = require_measure(
        ratings[ratings["value"].notna()],
        "experienced",
        needed_for=Message("analysis.importance_performance"),
    )
    require_one_rating(codes_of(ratings), ["experienced", "importance"])
    performance = experienced.groupby("touchpoint", observed=True, sort=True)["value"].mean()
    rows = ratings[(ratings["measure"] == "importance") & ratings["value"].notna()]
    stated = rows.groupby("touchpoint", observed=True)["value"].mean().reindex(performance.index)
    importance, split = _importance_and_split(stated, ratings, respondents, outcome, seed)
    high_importance = (importance >= split).to_numpy()
    performance_split = float(performance.mean())
    high_performance = (performance >= performance_split).to_numpy()
    quadrant = [QUADRANTS[key] for key in zip(high_importance, high_performance, strict=True)]
    categories = ratings["touchpoint"].cat.categories
    return pd.DataFrame(
        {
            "touchpoint": pd.Categorical(performance.index, categories=categories, ordered=True),
            "importance": importance.to_numpy(dtype="float64"),
            "importance_source": pd.array(
                np.where(stated.notna(), "stated", "derived"), dtype="str"
            ),
            "performance": performance.to_numpy(dtype="float64"),
            "quadrant": pd.array(quadrant, dtype="str"),
            "importance_split": split.to_numpy(dtype="float64"),
            "performance_split": np.full(len(performance), performance_split),
        },
        columns=list(IMPORTANCE_PERFORMANCE_COLUMNS),
    )


def _importance_and_split(
    stated: pd.Series,
    ratings: pd.DataFrame,
    respondents: pd.DataFrame | None,
    outcome: str,
    seed: int,
) -> tuple[pd.Series, pd.Series]:
    """Each touchpoint's importance, stated or derived, and the split of its own kind.

    Stated importance is split at the mean of the stated values, derived importance
    (``100 × share``) at the equal share ``100 / p`` of the regression's p touchpoints: the two
    scales are never averaged together.
    """
    split = pd.Series(float(stated.mean()), index=stated.index)  # NaN when nothing is stated
    unstated = stated.index[stated.isna()]
    if not len(unstated):
        return stated, split
    _validate_importance_performance(respondents, unstated=list(unstated), outcome=outcome)
    from mot.drivers import driver_importance  # scipy.stats: loaded only when needed

    drivers = driver_importance(ratings, respondents, outcome=outcome, n_boot=0, seed=seed)
    derived = 100 * drivers.set_index("touchpoint")["share"]
    importance = stated.fillna(derived.reindex(stated.index))
    return importance, split.where(stated.notna(), 100 / len(drivers))


def priorities(
    ratings: pd.DataFrame,
    *,
    respondents: pd.DataFrame | None = None,
    outcome: str = "recommend",
) -> pd.DataFrame:
    """Rank the touchpoints for corrective action: important moments that fall short first.

    Rule: ``priority = importance / 100 × (excellent − actual)``, where importance and the
    quadrant come from :func:`importance_performance` and ``excellent − actual`` is minus the
    ``gap_to_excellent`` of :func:`gap_table`. A touchpoint without ``excellent`` ratings uses
    the expectation instead: ``importance / 100 × (expected − actual)``. The priority is in
    rating points weighted by importance; it is negative when the touchpoint already beats
    its target (those rank last). Rank 1 is the most urgent; equal priorities keep journey
    order; a touchpoint with no target at all has no priority and no rank and comes last.

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings with ``experienced`` and ``anticipated`` or ``excellent`` measures.
    respondents : DataFrame, optional
        Needed to derive importance for touchpoints without stated ``importance`` ratings.
    outcome : str, default "recommend"
        The outcome that derived importance explains.

    Returns
    -------
    DataFrame
        One row per touchpoint with ``experienced`` ratings, sorted by ``rank``, with columns
        ``rank`` (Int64, 1 = most urgent; missing without a gap), ``touchpoint``,
        ``importance``, ``importance_source``, ``gap_used`` (``"to_excellent"``,
        ``"to_expected"``, or missing), ``gap`` (actual − target: the gap used, negative = a
        shortfall), ``priority`` (``importance / 100 × −gap``), ``quadrant`` and ``rule``
        (the formula applied to that row, in words).

    Raises
    ------
    MissingMeasureError
        As :func:`gap_table` and :func:`importance_performance`.
    InsufficientDataError
        If importance must be derived and the data cannot support it.

    References
    ----------
    Martilla, J. A., & James, J. C. (1977). Importance-performance analysis. Journal of
    Marketing, 41(1), 77–79.

    Examples
    --------
    ZMOT: importance 90, excellent 100, actual 40 → 0.9 × 60 = 54. FMOT: importance 50, no
    excellent, expected 70, actual 80 → 0.5 × (70 − 80) = −5:

    >>> ratings = pd.DataFrame({"respondent_id": "a", "touchpoint": ["ZMOT", "FMOT"] * 3,
    ...                         "measure": ["importance"] * 2 + ["experienced"] * 2
    ...                                    + ["excellent", "anticipated"],
    ...                         "value": [90.0, 50, 40, 80, 100, 70]})
    >>> priorities(ratings)[["rank", "touchpoint", "gap_used", "gap", "priority"]]
       rank touchpoint      gap_used   gap  priority
    0     1       ZMOT  to_excellent -60.0      54.0
    1     2       FMOT   to_expected  10.0      -5.0
    """
    ratings = as_ratings(ratings)
    grid = importance_performance(ratings, respondents=respondents, outcome=outcome)
    gaps = gap_table(ratings).set_index("touchpoint")
    to_excellent = gaps["gap_to_excellent"].reindex(grid["touchpoint"]).to_numpy()
    to_expected = gaps["gap_to_expected"].reindex(grid["touchpoint"]).to_numpy()
    use_excellent = ~np.isnan(to_excellent)
    has_gap = use_excellent | ~np.isnan(to_expected)
    gap = np.where(use_excellent, to_excellent, to_expected)
    target = np.where(use_excellent, "excellent", "expected")
    rule = np.char.add(np.char.add("importance / 100 × (", target), " − actual)")
    out = grid.assign(
        gap_used=pd.array(
            np.where(has_gap, np.where(use_excellent, "to_excellent", "to_expected"), None),
            dtype="str",
        ),
        gap=gap,
        priority=grid["importance"].to_numpy() / 100 * -gap,
        rule=pd.array(np.where(has_gap, rule, "no expected or excellent ratings"), dtype="str"),
    )
    order = np.lexsort(
        (
            out["touchpoint"].cat.codes.to_numpy(),
            -out["priority"].fillna(0.0).to_numpy(),
            out["priority"].isna().to_numpy(),
        )
    )
    out = out.iloc[order].reset_index(drop=True)
    rank = pd.Series(np.arange(1, len(out) + 1), dtype="Int64")
    out["rank"] = rank.where(out["priority"].notna(), pd.NA)
    return out[list(PRIORITY_COLUMNS)]


_CHUNK_ROWS = 1 << 16  # rows per slice when scanning the whole table (0.5 MB temporaries)
_FILL_ROWS = 1 << 16  # positions per slice when filling a touchpoint's cells (0.5 MB arrays)


def _codes(column: pd.Series) -> np.ndarray:
    """A categorical column's codes, without the copy that ``Series.cat.codes`` makes."""
    return column.array.codes


def _slices(n: int) -> range:
    return range(0, n, _CHUNK_ROWS)


def _wanted_rows(ratings: pd.DataFrame, six: list[int]) -> np.ndarray:
    """Rows of the six-step measures with a value, a slice at a time (no whole-table temporary)."""
    measure = _codes(ratings["measure"])
    value = ratings["value"].to_numpy()
    wanted = np.empty(len(ratings), dtype=bool)
    for start in _slices(len(ratings)):
        part = slice(start, start + _CHUNK_ROWS)
        wanted[part] = np.isin(measure[part], six) & ~np.isnan(value[part])
    return wanted


def _touchpoint_rows(codes: np.ndarray, wanted: np.ndarray, code: int) -> np.ndarray:
    """Positions of the wanted rows of one touchpoint, in table order."""
    dtype = np.int32 if len(codes) < 2**31 else np.int64
    found = [
        (start + np.flatnonzero(wanted[part] & (codes[part] == code))).astype(dtype)
        for start in _slices(len(codes))
        for part in [slice(start, start + _CHUNK_ROWS)]
    ]
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


def _gap_summaries(ratings: pd.DataFrame, wanted: np.ndarray, keys: list[str]) -> pd.DataFrame:
    """:func:`_gap_summary` one touchpoint at a time, in the same order.

    Each cell's numbers come from its own rows only, so they are the same; the respondent ×
    measure pivot of a large survey is never built for every touchpoint at once, and a
    touchpoint's rows are read from the columns by position (:func:`_dense_summary`), not
    copied into a table first.
    """
    codes = _codes(ratings["touchpoint"])
    parts = []
    present = np.zeros(len(ratings["touchpoint"].cat.categories), dtype=bool)
    for start in _slices(len(codes)):  # the touchpoints rated, without a whole-table copy
        part = slice(start, start + _CHUNK_ROWS)
        found = codes[part][wanted[part]]
        present[found[found >= 0]] = True
    for code in np.flatnonzero(present):
        positions = _touchpoint_rows(codes, wanted, code)
        summary = _dense_summary(ratings, positions, keys)
        if summary is None:  # sparse cells, or a respondent in two segments
            summary = _gap_summary(ratings.take(positions), keys)
        parts.append(summary)
        del positions, summary
        release_memory()  # the pivot's temporaries, before the next touchpoint's
    summary = parts[0] if len(parts) == 1 else pd.concat(parts)
    return summary.sort_index(kind="stable") if len(parts) > 1 else summary


def _dense_summary(
    ratings: pd.DataFrame, positions: np.ndarray, keys: list[str]
) -> pd.DataFrame | None:
    """:func:`_gap_summary` of the rows at ``positions`` (one touchpoint), from the codes.

    The respondent × measure table is one row per respondent code, filled by position; a
    respondent without a rating here gets a missing key, so grouping it by the segment and
    touchpoint keys visits, within each cell, the pivot's rows in the pivot's order (by
    respondent code) and runs the same aggregations on the same values. None when the
    pivot is needed: a respondent with two segments, or far more respondents than rows (the
    sorted pivot is then smaller). Repeated ratings were refused before.
    """
    n_respondents = len(ratings["respondent_id"].cat.categories)
    if n_respondents > 2 * len(positions) + 4096:
        return None
    filled = _filled_cells(ratings, positions, keys, n_respondents)
    if filled is None:
        return None
    wide, segment = filled
    rated = ~np.isnan(wide[:, : len(_SIX_STEP)]).all(axis=1)
    np.subtract(wide[:, 2], wide[:, 0], out=wide[:, 3])
    np.subtract(wide[:, 2], wide[:, 1], out=wide[:, 4])
    names = list(_SUMMARY_COLUMNS[:_DENSE_KEPT])
    frame = pd.DataFrame(wide[:, :_DENSE_KEPT], columns=names, copy=False)
    if segment is not None:
        segment[~rated] = -1
        frame[keys[0]] = pd.Categorical.from_codes(segment, dtype=ratings[keys[0]].dtype)
    touchpoint = ratings["touchpoint"]
    code = np.where(rated, _codes(touchpoint)[positions[0]], -1).astype(np.int8)
    frame["touchpoint"] = pd.Categorical.from_codes(code, dtype=touchpoint.dtype)
    grouped = frame.groupby(keys, observed=True, sort=True)
    parts = {name: grouped[name].agg(["count", "mean", "var"]) for name in names}
    # The paired values, one at a time in the spare column (not four more columns at once):
    # a side's values where the respondent rated both sides, NaN elsewhere.
    scratch = wide[:, _DENSE_KEPT]
    for name, (side, difference) in _PAIRED_VALUES.items():
        np.copyto(scratch, wide[:, side])
        scratch[np.isnan(wide[:, difference])] = np.nan
        frame["_paired"] = scratch
        parts[name] = frame.groupby(keys, observed=True, sort=True)["_paired"].agg(["var"])
    return pd.concat(parts, axis=1)


def _filled_cells(
    ratings: pd.DataFrame, positions: np.ndarray, keys: list[str], n_respondents: int
) -> tuple[np.ndarray, np.ndarray | None] | None:
    """Respondent × (anticipated, excellent, experienced, 3 spare) values, NaN where unrated.

    Filled a slice of ``positions`` at a time; with a segment, each respondent's segment code
    (-1 = none). None when two rows fall in one place or a respondent has two segments.
    """
    column = np.full(len(MEASURES), -1, dtype=np.intp)
    column[[MEASURES.index(m) for m in _SIX_STEP]] = np.arange(len(_SIX_STEP))
    respondent, measure = _codes(ratings["respondent_id"]), _codes(ratings["measure"])
    value = ratings["value"].to_numpy()
    segment_codes = _codes(ratings[keys[0]]) if len(keys) > 1 else None
    segment = None if segment_codes is None else np.full(n_respondents, -1, dtype=np.intp)
    wide = np.full((n_respondents, _DENSE_KEPT + 1), np.nan)
    cells = wide.reshape(-1)  # a view: wide is C-contiguous
    for start in range(0, len(positions), _FILL_ROWS):
        at = positions[start : start + _FILL_ROWS]
        row = respondent[at].astype(np.intp)
        cells[row * wide.shape[1] + column[measure[at]]] = value[at]
        if segment is not None:
            segment[row] = segment_codes[at]
    if np.count_nonzero(~np.isnan(wide[:, : len(_SIX_STEP)])) < len(positions):
        return None
    if segment is not None:
        for start in range(0, len(positions), _FILL_ROWS):
            at = positions[start : start + _FILL_ROWS]
            if (segment[respondent[at]] != segment_codes[at]).any():
                return None
    return wide, segment


def _gap_summary(rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Count, mean and variance per cell of each measure and of the paired differences."""
    wide = _one_row_per_respondent(rows, keys)
    values = wide.reindex(columns=list(_SUMMARY_COLUMNS)).to_numpy(dtype=np.float64, copy=True)
    _pair_columns(values)
    wide = pd.DataFrame(values, index=wide.index, columns=list(_SUMMARY_COLUMNS))
    return _aggregate(wide.groupby(level=keys, observed=True, sort=True))


def _aggregate(grouped: pd.api.typing.DataFrameGroupBy) -> pd.DataFrame:
    """Count, mean and variance of each measure and difference; the variance of paired values.

    One column at a time: the same aggregations on the same values, with one column's
    temporaries in memory instead of all of them.
    """
    parts = {}
    for name in _SUMMARY_COLUMNS:
        stats = ["var"] if name.startswith("pair_") else ["count", "mean", "var"]
        parts[name] = grouped[name].agg(stats)
    return pd.concat(parts, axis=1)


_SUMMARY_COLUMNS: tuple[str, ...] = (
    *_SIX_STEP,
    "d_expected",  # experienced − anticipated, per respondent who rated both
    "d_excellent",  # experienced − excellent
    "pair_actual_expected",  # experienced, of those who also rated anticipated
    "pair_expected",  # anticipated, of those who also rated experienced
    "pair_actual_excellent",
    "pair_excellent",
)
"""Columns of a touchpoint's respondent × value table; each is summarised by count, mean, var."""

_DENSE_KEPT = 5
"""The columns the dense path keeps side by side (values and differences); the paired values
are filled one at a time in one spare column (:data:`_PAIRED_VALUES`)."""

_PAIRED_VALUES: dict[str, tuple[int, int]] = {
    "pair_actual_expected": (2, 3),  # experienced, where the expected gap has both sides
    "pair_expected": (0, 3),
    "pair_actual_excellent": (2, 4),
    "pair_excellent": (1, 4),
}
"""Paired-value column → (the side's column, the difference that says both were rated)."""


def _pair_columns(wide: np.ndarray) -> None:
    """Fill the differences and the paired values of ``wide`` (columns of ``_SUMMARY_COLUMNS``).

    The first three columns hold anticipated, excellent and experienced (NaN = not rated);
    a difference is NaN unless both sides are rated, and the paired values are NaN where it is.
    """
    np.subtract(wide[:, 2], wide[:, 0], out=wide[:, 3])
    np.subtract(wide[:, 2], wide[:, 1], out=wide[:, 4])
    for difference, target, first in ((3, 0, 5), (4, 1, 7)):
        unpaired = np.isnan(wide[:, difference])
        wide[:, first] = wide[:, 2]
        wide[:, first + 1] = wide[:, target]
        wide[unpaired, first : first + 2] = np.nan


def _one_row_per_respondent(rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The pivot ``(keys, respondent) × measure`` of the values, from the category codes.

    What ``pivot_table(..., observed=True)`` gives, in its row order, without its
    intermediate tables. Every respondent has at most one value per measure and cell:
    :func:`gap_table` refused repeated ratings before.
    """
    levels = [*keys, "respondent_id"]
    codes = [rows[name].cat.codes.to_numpy() for name in levels]
    measure = rows["measure"].cat.codes.to_numpy()
    cell = np.zeros(len(rows), dtype=np.int64)
    for name, code in zip(levels, codes, strict=True):
        cell *= len(rows[name].cat.categories)
        cell += code
    order = np.lexsort((measure, cell))
    sorted_cell, sorted_measure = cell[order], measure[order]
    first = np.concatenate([[True], sorted_cell[1:] != sorted_cell[:-1]])
    row = np.cumsum(first) - 1
    present = [m for m in range(len(MEASURES)) if (measure == m).any()]
    values = np.full((int(row[-1]) + 1 if len(row) else 0, len(present)), np.nan)
    column = np.searchsorted(present, sorted_measure)
    values[row, column] = rows["value"].to_numpy()[order]
    starts = order[first]
    index = pd.MultiIndex.from_arrays(
        [
            pd.Categorical.from_codes(code[starts], dtype=rows[name].dtype)
            for name, code in zip(levels, codes, strict=True)
        ],
        names=levels,
    )
    return pd.DataFrame(values, index=index, columns=[MEASURES[m] for m in present])


def _gap(summary: pd.DataFrame, target: str, confidence: float) -> dict[str, np.ndarray]:
    """Gap actual − ``target`` per cell: paired, partially overlapping or Welch t.

    Paired when everyone who rated one side rated the other (the paired t-test on the
    differences), Welch when nobody rated both, the partially overlapping samples t-test
    (T_new2, :func:`mot.ttests.partially_overlapping_ttest`) in between. The estimate is
    always the difference of the two means over all ratings of each side.
    """
    measure = {"expected": "anticipated", "excellent": "excellent"}[target]

    def column(name: str, stat: str) -> np.ndarray:
        return summary[(name, stat)].to_numpy(dtype="float64")

    n_c = column(f"d_{target}", "count")
    n_1, mean_1, var_1 = (column("experienced", s) for s in ("count", "mean", "var"))
    n_2, mean_2, var_2 = (column(measure, s) for s in ("count", "mean", "var"))
    var_d = column(f"d_{target}", "var")
    r = pair_correlation(
        n_c, column(f"pair_actual_{target}", "var"), column(f"pair_{target}", "var"), var_d
    )
    both = (n_1 > 0) & (n_2 > 0)
    paired = both & (n_c == n_1) & (n_c == n_2)
    welch = both & (n_c == 0)
    se, df = overlap_t(n_1, var_1, n_2, var_2, n_c, r)
    with np.errstate(divide="ignore", invalid="ignore"):
        se = np.where(paired, np.sqrt(var_d / n_c), se)
    df = np.where(paired, n_c - 1, df)
    estimate = np.where(both, mean_1 - mean_2, np.nan)
    low, high, p = t_inference(estimate, se, df, confidence)
    method = np.where(
        paired, "paired", np.where(welch, "welch", np.where(both, "partially_overlapping", None))
    )
    name = f"gap_to_{target}"
    return {
        name: estimate,
        f"{name}_ci_low": low,
        f"{name}_ci_high": high,
        f"{name}_p": p,
        f"n_paired_{target}": n_c.astype("int64"),
        f"{name}_method": pd.array(method, dtype="str"),
    }


def _empty(keys: list[str], columns: tuple[str, ...], ratings: pd.DataFrame) -> pd.DataFrame:
    """A result with no rows, the key columns keeping their categorical dtypes."""
    frame = pd.DataFrame({key: ratings[key].iloc[:0] for key in keys})
    for name in columns:
        frame[name] = pd.Series(dtype="str" if name.endswith("_method") else "float64")
    for name in columns:
        if name.startswith("n_"):
            frame[name] = frame[name].astype("int64")
    return frame


def _segment_rows(ratings: pd.DataFrame, by: str | None) -> tuple[pd.DataFrame, int]:
    """Rows with a segment (``by`` made categorical), and how many respondents were left out."""
    if by is None:
        return ratings, 0
    segment = ratings[by]
    if not isinstance(segment.dtype, pd.CategoricalDtype):
        segment = pd.Series(pd.Categorical(segment), index=ratings.index)
    missing = segment.isna().to_numpy()
    n_missing = ratings["respondent_id"][missing].nunique()
    return ratings.assign(**{by: segment})[~missing], int(n_missing)


def _validate_gap_table(
    ratings: pd.DataFrame, *, by: str | None, confidence: float, correction: str
) -> None:
    """Raise a typed error unless ``ratings`` can give a gap table."""
    validate_confidence(confidence)
    validate_correction(correction)
    if by is not None and by not in ratings.columns:
        message = Message("gaps.no_segment", by=by)
        raise MotError(message)
    # The measures present, from the codes of the rated rows, a slice at a time.
    codes, value = _codes(ratings["measure"]), ratings["value"].to_numpy()
    found: set[int] = set()
    for start in _slices(len(ratings)):
        part = slice(start, start + _CHUNK_ROWS)
        found.update(np.unique(codes[part][~np.isnan(value[part])]).tolist())
    present = {ratings["measure"].cat.categories[c] for c in found if c >= 0}
    if "experienced" not in present:
        require_measure(
            ratings.iloc[:0], "experienced", needed_for=Message("analysis.gaps")
        )  # raises
    if not present & {"anticipated", "excellent"}:
        raise MissingMeasureError(Message("missing.gaps_reference"))


def _validate_importance_performance(
    respondents: pd.DataFrame | None, *, unstated: list[str], outcome: str
) -> None:
    """Raise :class:`MissingMeasureError` unless importance can be derived where needed."""
    if respondents is None or outcome not in respondents.columns:
        where = ", ".join(map(str, unstated))
        message = Message("missing.importance", where=where, first=unstated[0], outcome=outcome)
        raise MissingMeasureError(message)
