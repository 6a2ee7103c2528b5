"""Utility scores per touchpoint, and paired shifts between the three sources of utility.

Kahneman's anticipated, experienced and retrospective utility are scored per touchpoint
(:func:`score_utilities`: mean, spread, confidence interval, top-2-box share) and compared
within respondent (:func:`utility_shifts`: did the experience confirm what was expected, is
the memory kinder or harsher than the experience?).

Everything runs on category codes: sums per group come from :func:`numpy.bincount` over a
combined code, and paired values from dense respondent × touchpoint arrays, so a million
respondents score in about the time of a plain pandas ``groupby().mean()``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from mot import MEASURES, UTILITIES, vocabulary
from mot._codes import (
    Codes,
    codes_of,
    dense_matrix,
    per_respondent,
    require_one_rating,
    segment_codes,
    segment_count,
)
from mot._frames import labelled, text
from mot._stats import (
    adjust_within,
    clip_interval,
    group_stats,
    t_interval,
    validate_confidence,
    validate_correction,
)
from mot.distributions import t_sf
from mot.errors import MissingMeasureError, MotError
from mot.messages import Message
from mot.tidy import as_ratings

SCORE_COLUMNS: tuple[str, ...] = (
    "touchpoint",
    "utility",
    "n",
    "mean",
    "sd",
    "se",
    "ci_low",
    "ci_high",
    "top2_share",
    "ci_clipped",
    "small_n",
)
"""Columns of :func:`score_utilities` (after the segment column, when ``by`` is given)."""

UTILITY_SCALE: tuple[float, float] = (0.0, 100.0)
"""The scale utilities are scored on; their intervals are cut at its ends (and flagged)."""

SMALL_N = 20
"""Fewer ratings than this flag a utility's interval as resting on a small sample (``small_n``).

The t-interval leans on the mean being close to normal; with under 20 ratings on a bounded,
often skewed 0–100 scale that cannot be relied on (it is the same 20 that
:func:`mot.compare.compare_groups` asks of each group before it uses Welch's t), and the
percentile bootstrap is known to be too narrow in small samples (Efron & Tibshirani 1993,
§13.3; Hesterberg 2015). The interval is still shown, with the flag.
"""

SHIFT_COLUMNS: tuple[str, ...] = (
    "touchpoint",
    "comparison",
    "n",
    "mean_diff",
    "sd",
    "ci_low",
    "ci_high",
    "t",
    "p_value",
    "p_adjusted",
    "verdict",
)
"""Columns of :func:`utility_shifts` (after the segment column, when ``by`` is given)."""

CI_METHODS = vocabulary.CI_METHODS
"""Interval methods of :func:`score_utilities` (:data:`mot.vocabulary.CiMethod`)."""


@dataclass(frozen=True)
class Comparison:
    """One paired comparison of utilities (``later`` minus ``earlier`` per respondent).

    ``verdicts`` name a difference above zero, one whose interval includes zero, and one
    below zero.
    """

    name: str
    later: str
    earlier: str
    verdicts: tuple[str, str, str]  # difference above zero, includes zero, below zero


COMPARISONS: tuple[Comparison, ...] = (
    Comparison(
        "experienced_vs_anticipated",
        "experienced",
        "anticipated",
        ("exceeded", "confirmed", "disappointed"),
    ),
    Comparison(
        "retrospective_vs_experienced",
        "retrospective",
        "experienced",
        ("kinder", "same", "harsher"),
    ),
)
"""The paired comparisons of :func:`utility_shifts`, in the order the table lists them."""

# Resampled values held in memory at once by the bootstrap (resamples per batch × group size).
_BOOTSTRAP_CELLS = 4_000_000


def _missing_segment_count(respondent: np.ndarray, missing: np.ndarray) -> int:
    """Number of distinct respondents among the rows flagged ``missing``."""
    if not missing.any():
        return 0
    return int(np.unique(respondent[missing & (respondent >= 0)]).size)


# --------------------------------------------------------------------------------------------
# score_utilities
# --------------------------------------------------------------------------------------------


def _validate_score_utilities(ci: str, n_boot: int, confidence: float) -> None:
    if ci not in CI_METHODS:
        message = Message("scoring.ci", ci=ci)
        raise MotError(message)
    if ci == "bootstrap" and (not isinstance(n_boot, int | np.integer) or n_boot < 1):
        message = Message("scoring.n_boot", n_boot=n_boot)
        raise MotError(message)
    validate_confidence(confidence)


def _utility_keys(
    codes: Codes, segment: np.ndarray | None, n_segments: int | None = None
) -> tuple[np.ndarray, int, np.ndarray]:
    """Group number ``(segment, touchpoint, utility)`` per row; rows left out get the last.

    ``n_segments`` fixes the number of segments (for a slice of the rows); by default it is
    read from ``segment``.
    """
    n_utilities = len(UTILITIES)
    lookup = np.full(len(MEASURES) + 1, -1, dtype=np.intp)  # measure code + 1 -> utility
    for u, name in enumerate(UTILITIES):
        lookup[MEASURES.index(name) + 1] = u
    utility = lookup[codes.measure.astype(np.intp) + 1]
    tp = codes.touchpoint.astype(np.intp)
    n_cells = codes.n_touchpoints * n_utilities
    key = tp * n_utilities + utility
    left_out = (utility < 0) | (tp < 0) | np.isnan(codes.value)
    missing_segment = np.zeros(0, dtype=bool)
    n_groups = n_cells
    if segment is not None:
        missing_segment = (segment < 0) & ~left_out
        left_out |= segment < 0
        key += segment * n_cells
        if n_segments is None:
            n_segments = int(segment.max(initial=-1)) + 1
        n_groups = n_segments * n_cells
    key[left_out] = n_groups
    return key, n_groups, missing_segment


_CHUNK_ROWS = 1 << 16  # rows per slice of the one-pass statistics (about 0.5 MB temporaries)


def _sliced(codes: Codes, rows: slice) -> Codes:
    return replace(
        codes,
        respondent=codes.respondent[rows],
        touchpoint=codes.touchpoint[rows],
        measure=codes.measure[rows],
        value=codes.value[rows],
    )


def _utility_stats(
    codes: Codes, segment: np.ndarray | None, top_box: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Count, mean, sd, top-box count per utility group; rows missing their segment.

    As :func:`_utility_keys` then :func:`_group_stats`, but over slices of the rows, so the
    temporaries stay a few MB on a table of millions of ratings.

    Sums accumulate row by row in table order (``np.add.at``), exactly as one ``bincount``
    over the whole table does, so every number is bit-for-bit the same.
    """
    n_segments = None if segment is None else int(segment.max(initial=-1)) + 1
    n_groups = codes.n_touchpoints * len(UTILITIES) * (1 if n_segments is None else n_segments)
    length = n_groups + 1
    slices = [slice(i, i + _CHUNK_ROWS) for i in range(0, codes.value.size, _CHUNK_ROWS)]

    def keys(rows: slice) -> tuple[np.ndarray, np.ndarray]:
        part = None if segment is None else segment[rows]
        key, _, missing = _utility_keys(_sliced(codes, rows), part, n_segments)
        return key, missing

    n = np.zeros(length, dtype=np.intp)
    total = np.zeros(length)
    top = np.zeros(length, dtype=np.intp)
    missing_parts = [np.zeros(0, dtype=bool)]
    for rows in slices:
        key, missing = keys(rows)
        n += np.bincount(key, minlength=length)
        np.add.at(total, key, codes.value[rows])
        top += np.bincount(key[top_box[rows]], minlength=length)
        missing_parts.append(missing)
    n, total, top = n[:n_groups], total[:n_groups], top[:n_groups]
    squares = np.zeros(length)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / n
        extended = np.append(mean, 0.0)
        for rows in slices:
            key, _ = keys(rows)
            centred = codes.value[rows] - extended[key]
            np.add.at(squares, key, centred * centred)
        sd = np.sqrt(squares[:n_groups] / (n - 1))
    sd[n < 2] = np.nan
    missing_segment = np.concatenate(missing_parts) if segment is not None else missing_parts[0]
    return n, mean, sd, top, missing_segment


def _bootstrap_interval(
    key: np.ndarray,
    values: np.ndarray,
    n: np.ndarray,
    *,
    n_boot: int,
    seed: int,
    confidence: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap CI of the mean per group, one seeded random stream per group."""
    n_groups = n.size
    low = np.full(n_groups, np.nan)
    high = np.full(n_groups, np.nan)
    kept = key < n_groups
    order = np.argsort(key[kept], kind="stable")
    ordered = values[kept][order]
    stops = np.cumsum(n)
    streams = np.random.default_rng(seed).spawn(n_groups)
    for g in np.flatnonzero(n >= 2):
        sample = ordered[stops[g] - n[g] : stops[g]]
        from scipy import stats  # only the bootstrap needs all of scipy.stats

        result = stats.bootstrap(
            (sample,),
            np.mean,
            n_resamples=n_boot,
            batch=max(1, _BOOTSTRAP_CELLS // sample.size),
            vectorized=True,
            confidence_level=confidence,
            method="percentile",
            rng=streams[g],
        )
        low[g], high[g] = result.confidence_interval
    return low, high


def score_utilities(
    ratings: pd.DataFrame,
    *,
    by: str | None = None,
    ci: str = "t",
    n_boot: int = 2000,
    seed: int = 0,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Score each utility at each touchpoint: mean, spread, confidence interval, top-2-box.

    Only the three sources of utility (anticipated, experienced, retrospective) are scored;
    other measures in ``ratings`` are ignored.

    Intervals never leave the 0–100 scale (:data:`UTILITY_SCALE`): a t-interval reaching
    past 0 or 100 (a mean near the end of the scale with a wide spread) is cut at the end and
    flagged in ``ci_clipped``. A mean from fewer than :data:`SMALL_N` (20) ratings is flagged
    in ``small_n``: its interval is shown, but rests on a small sample.

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings (``docs/ARCHITECTURE.md``); values on 0–100.
    by : str, optional
        A segment column already in ``ratings`` (see :func:`mot.tidy.with_segment`).
        Ratings whose segment is missing are left out; the number of respondents left out
        is in ``result.attrs["n_missing_segment"]``.
    ci : {"t", "bootstrap"}, default "t"
        ``"t"``: Student t-interval ``mean ± t_{(1+confidence)/2, n−1} · sd/√n``.
        ``"bootstrap"``: percentile bootstrap of the mean with ``n_boot`` resamples.
    n_boot : int, default 2000
        Bootstrap resamples (``ci="bootstrap"`` only).
    seed : int, default 0
        Seed of the bootstrap. Each group draws from its own stream spawned from
        ``numpy.random.default_rng(seed)``, so a group's interval does not depend on the
        other groups.
    confidence : float, default 0.95
        Coverage of the interval.

    Returns
    -------
    DataFrame
        One row per (segment,) touchpoint and utility that has at least one rating, sorted by
        segment (category order), touchpoint (journey order) and utility (anticipated,
        experienced, retrospective):

        - ``by`` (when given): the segment (category).
        - ``touchpoint``: touchpoint id (ordered category, journey order).
        - ``utility``: ``anticipated``, ``experienced`` or ``retrospective``.
        - ``n``: number of ratings.
        - ``mean``: mean rating (0–100).
        - ``sd``: standard deviation (ddof=1); NaN when ``n < 2``.
        - ``se``: standard error ``sd/√n``; NaN when ``n < 2``.
        - ``ci_low``, ``ci_high``: confidence interval of the mean; NaN when ``n < 2``.
        - ``top2_share``: share of ratings in the top two points of their scale.
        - ``ci_clipped``: True when the interval was cut at 0 or 100.
        - ``small_n``: True when ``n < SMALL_N`` (20).

        Ratings with a NaN value are not counted. An empty ``ratings`` gives an empty table
        with these columns.

    Raises
    ------
    MissingMeasureError
        If ``ratings`` has rows but none of them is a utility.
    DuplicateRatingError
        If a respondent has two ratings of one utility at one touchpoint (each analysis
        refuses them: none counts both or averages them silently).
    MotError
        If ``ci``, ``n_boot`` or ``confidence`` is invalid, or ``by`` is not a column.

    References
    ----------
    Kahneman, D., Wakker, P. P. & Sarin, R. (1997). Back to Bentham? Explorations of
    experienced utility. *Quarterly Journal of Economics*, 112(2), 375–405.
    Efron, B. & Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*, ch. 13
    (percentile interval).
    Hesterberg, T. C. (2015). What teachers should know about the bootstrap. *The American
    Statistician*, 69(4), 371–386.

    Examples
    --------
    Five experienced ratings: mean 80, sd 15.81, t_{0.975, 4} = 2.776, so the interval is
    80 ± 2.776 · 15.81/√5 = 80 ± 19.63; three of five are top-box; five ratings are a small
    sample:

    >>> ratings = pd.DataFrame({"respondent_id": list("abcde"), "touchpoint": "FMOT",
    ...     "measure": "experienced", "value": [60.0, 70.0, 80.0, 90.0, 100.0],
    ...     "top_box": [False, False, True, True, True]})
    >>> row = score_utilities(ratings).iloc[0]
    >>> row["utility"], int(row["n"])
    ('experienced', 5)
    >>> [float(row[c]) for c in ("mean", "sd", "se", "ci_low", "ci_high", "top2_share")]
    [80.0, 15.81, 7.071, 60.37, 99.63, 0.6]
    >>> bool(row["ci_clipped"]), bool(row["small_n"])
    (False, True)

    Ratings 70, 90, 100, 100, 100: mean 92, sd 13.04, so the t-interval 92 ± 16.19 reaches
    108.19; it is cut at 100 and flagged:

    >>> high = ratings.assign(value=[70.0, 90, 100, 100, 100])
    >>> row = score_utilities(high).iloc[0]
    >>> float(row["ci_high"]), bool(row["ci_clipped"])
    (100.0, True)
    """
    _validate_score_utilities(ci, n_boot, confidence)
    ratings = as_ratings(ratings)
    segment, segment_dtype = segment_codes(ratings, by)
    codes = codes_of(ratings)
    if len(ratings) and not any(codes.has_measure(u) for u in UTILITIES):
        raise MissingMeasureError(Message("missing.utilities"))
    require_one_rating(codes, UTILITIES)
    n, mean, sd, top, missing_segment = _utility_stats(
        codes, segment, ratings["top_box"].to_numpy()
    )
    se, low, high = t_interval(n, mean, sd, confidence)
    if ci == "bootstrap":
        key, _, _ = _utility_keys(codes, segment)
        low, high = _bootstrap_interval(
            key, codes.value, n, n_boot=n_boot, seed=seed, confidence=confidence
        )
    low, high, clipped = clip_interval(low, high, *UTILITY_SCALE)
    g = np.flatnonzero(n > 0)
    n_utilities = len(UTILITIES)
    n_cells = codes.n_touchpoints * n_utilities
    columns = labelled(
        g // max(n_cells, 1),
        segment_dtype,
        by,
        (g % max(n_cells, 1)) // n_utilities,
        codes.touchpoint_dtype,
    )
    columns["utility"] = text(np.array(UTILITIES, dtype=object)[g % n_utilities])
    columns.update(n=n[g], mean=mean[g], sd=sd[g], se=se[g], ci_low=low[g], ci_high=high[g])
    with np.errstate(invalid="ignore", divide="ignore"):
        columns["top2_share"] = top[g] / n[g]
    columns.update(ci_clipped=clipped[g], small_n=n[g] < SMALL_N)
    result = pd.DataFrame(columns)
    if by is not None:
        result.attrs["n_missing_segment"] = _missing_segment_count(
            codes.respondent, missing_segment
        )
    return result


# --------------------------------------------------------------------------------------------
# utility_shifts
# --------------------------------------------------------------------------------------------


def _validate_utility_shifts(codes: Codes, n_rows: int, confidence: float, correction: str) -> None:
    validate_confidence(confidence)
    validate_correction(correction)
    if n_rows == 0:
        return
    if not codes.has_measure("experienced"):
        raise MissingMeasureError(Message("missing.shifts_experienced"))
    if not (codes.has_measure("anticipated") or codes.has_measure("retrospective")):
        raise MissingMeasureError(Message("missing.shifts_reference"))


def _paired_test(
    n: np.ndarray, mean: np.ndarray, sd: np.ndarray, confidence: float
) -> dict[str, np.ndarray]:
    """Paired t-test of the mean difference (the formula of :func:`scipy.stats.ttest_rel`)."""
    se, low, high = t_interval(n, mean, sd, confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        t = mean / se
        p = 2 * t_sf(np.abs(t), np.where(n >= 2, n - 1, np.nan))
    return {"n": n, "mean_diff": mean, "sd": sd, "ci_low": low, "ci_high": high, "t": t, "p": p}


def _verdicts(
    mean: np.ndarray, low: np.ndarray, p_adjusted: np.ndarray, alpha: float, words: tuple
) -> np.ndarray:
    """Above zero, no clear difference, below zero; missing (None) when there is no interval.

    A shift is established when its adjusted p is below ``alpha``; its sign names it.
    """
    above, same, below = words
    established = p_adjusted < alpha
    return np.select(
        [np.isnan(low), established & (mean > 0), established & (mean < 0)],
        [None, above, below],
        default=same,
    ).astype(object)


def utility_shifts(
    ratings: pd.DataFrame,
    *,
    by: str | None = None,
    confidence: float = 0.95,
    correction: str = "holm",
) -> pd.DataFrame:
    """Test, per touchpoint, how experience differs from expectation and memory from experience.

    Two paired comparisons over the respondents who rated both utilities at a touchpoint:

    - ``experienced_vs_anticipated`` = experienced − anticipated: was the expectation
      exceeded, confirmed or disappointed?
    - ``retrospective_vs_experienced`` = retrospective − experienced: is the memory kinder
      than the experience, the same, or harsher?

    Each comparison is tested at every touchpoint, so its p-values are adjusted across the
    touchpoints (one family per comparison, and per segment with ``by``; Holm's step-down
    method by default, :func:`mot.compare.adjust_p_values`). The verdict is decided on the
    adjusted p: with α = 1 − ``confidence``, ``p_adjusted < α`` and a positive mean is
    "exceeded"/"kinder", ``p_adjusted < α`` and a negative mean "disappointed"/"harsher",
    anything else "confirmed"/"same". ``ci_low``/``ci_high`` are each touchpoint's own
    (unadjusted) interval: a notable verdict always has an interval that excludes zero (the
    adjusted p is never below the raw one), but an interval that excludes zero only
    narrowly can still be "confirmed" once the other touchpoints are accounted for.

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings (``docs/ARCHITECTURE.md``) with experienced ratings and anticipated
        and/or retrospective ones.
    by : str, optional
        A segment column already in ``ratings`` (see :func:`mot.tidy.with_segment`).
        Respondents whose segment is missing are left out; their number is in
        ``result.attrs["n_missing_segment"]``.
    confidence : float, default 0.95
        Coverage of the interval of the mean difference; α = 1 − ``confidence`` is the level
        of the verdicts.
    correction : {"holm", "bonferroni", "fdr_bh", "none"}, default "holm"
        Multiple-comparison adjustment across touchpoints; ``"none"`` decides on the raw p.

    Returns
    -------
    DataFrame
        One row per (segment,) touchpoint and comparison with at least one pair, sorted by
        segment (category order), touchpoint (journey order) and comparison (in the order
        above):

        - ``by`` (when given): the segment (category).
        - ``touchpoint``: touchpoint id (ordered category, journey order).
        - ``comparison``: ``experienced_vs_anticipated`` or ``retrospective_vs_experienced``.
        - ``n``: respondents who rated both.
        - ``mean_diff``: mean of the paired differences (points on 0–100).
        - ``sd``: sd of the differences (ddof=1); NaN when ``n < 2``.
        - ``ci_low``, ``ci_high``: t-interval of the mean difference; NaN when ``n < 2``.
        - ``t``: paired t statistic ``mean_diff / (sd/√n)`` (df = n − 1).
        - ``p_value``: two-sided p-value.
        - ``p_adjusted``: ``p_value`` adjusted across the touchpoints of the comparison.
        - ``verdict``: ``exceeded`` / ``confirmed`` / ``disappointed`` (first comparison) or
          ``kinder`` / ``same`` / ``harsher`` (second): established above zero, no clear
          difference, established below zero (the rule above). Missing when the interval is
          NaN (``n < 2``).

        Respondents missing either rating of a pair are not counted. An empty ``ratings``
        gives an empty table with these columns.

    Raises
    ------
    MissingMeasureError
        If there are no experienced ratings, or neither anticipated nor retrospective ones.
    DuplicateRatingError
        If a respondent rated a utility twice at one touchpoint.
    MotError
        If ``by`` is not a column, ``confidence`` is not in (0, 1) or ``correction`` is
        unknown.

    References
    ----------
    Kahneman, D., Wakker, P. P. & Sarin, R. (1997). Back to Bentham? Explorations of
    experienced utility. *Quarterly Journal of Economics*, 112(2), 375–405.
    Student (1908). The probable error of a mean. *Biometrika*, 6(1), 1–25 (paired t-test,
    as :func:`scipy.stats.ttest_rel`).
    Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scandinavian
    Journal of Statistics, 6(2), 65–70.

    Examples
    --------
    Differences 5, 10, 15, 20, 25: mean 15, sd 7.906, se 3.536, t = 15/3.536 = 4.243 on 4 df
    (p = 0.0132), interval 15 ± 2.776 · 3.536 = [5.18, 24.82]; one touchpoint, so the
    adjusted p is the same: expectation exceeded.

    >>> ratings = pd.DataFrame({"respondent_id": list("abcde") * 2, "touchpoint": "SMOT",
    ...     "measure": ["anticipated"] * 5 + ["experienced"] * 5,
    ...     "value": [50.0, 50, 50, 50, 50, 55, 60, 65, 70, 75]})
    >>> row = utility_shifts(ratings).iloc[0]
    >>> row["comparison"], int(row["n"]), row["verdict"]
    ('experienced_vs_anticipated', 5, 'exceeded')
    >>> [float(row[c]) for c in ("mean_diff", "sd", "ci_low", "ci_high", "t", "p_value")]
    [15.0, 7.906, 5.18, 24.82, 4.243, 0.0132]
    >>> float(row["p_adjusted"])
    0.0132
    """
    ratings = as_ratings(ratings)
    segment, segment_dtype = segment_codes(ratings, by)
    codes = codes_of(ratings)
    _validate_utility_shifts(codes, len(ratings), confidence, correction)
    require_one_rating(codes, UTILITIES)
    respondent_segment = per_respondent(codes, segment)
    n_segments = segment_count(segment_dtype)
    n_tp = codes.n_touchpoints
    n_groups = n_segments * n_tp
    key = respondent_segment[:, None] * n_tp + np.arange(n_tp)
    matrices = {m: dense_matrix(codes, m)[0] for m in UTILITIES if codes.has_measure(m)}
    parts, missing = [], np.zeros(codes.n_respondents, dtype=bool)
    for comparison in COMPARISONS:
        if comparison.later in matrices and comparison.earlier in matrices:
            diff = matrices[comparison.later] - matrices[comparison.earlier]
            paired = ~np.isnan(diff)
            missing |= paired.any(axis=1) & (respondent_segment < 0)
            cell = np.where(paired & (key >= 0), key, n_groups).ravel()
            n, mean, sd = group_stats(cell, diff.ravel(), n_groups)
            test = _paired_test(n, mean, sd, confidence)
            # one family per segment: the touchpoints with a pair
            family = np.where(n > 0, np.arange(n_groups) // n_tp, -1)
            test["p_adjusted"] = adjust_within(test["p"], family, correction)
            test["verdict"] = _verdicts(
                mean, test["ci_low"], test["p_adjusted"], 1 - confidence, comparison.verdicts
            )
            test["comparison"] = np.full(n_groups, comparison.name, dtype=object)
            test["order"] = np.full(n_groups, len(parts))
            test["group"] = np.arange(n_groups)
            parts.append(test)
    joined = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]} if parts else {}
    return _shift_frame(joined, codes, segment_dtype, by, missing)


def _shift_frame(
    joined: dict[str, np.ndarray],
    codes: Codes,
    segment_dtype: object,
    by: str | None,
    missing: np.ndarray,
) -> pd.DataFrame:
    """Assemble :func:`utility_shifts`' table from the stacked per-comparison arrays."""
    if joined:
        keep = np.flatnonzero(joined["n"] > 0)
        keep = keep[np.lexsort((joined["order"][keep], joined["group"][keep]))]
        group = joined["group"][keep]
    else:
        keep = group = np.zeros(0, dtype=np.intp)
        joined = {k: np.zeros(0, dtype=object) for k in ("comparison", "verdict")}
        joined.update(
            {k: np.zeros(0) for k in ("mean_diff", "sd", "ci_low", "ci_high", "t", "p_adjusted")}
        )
        joined.update(n=np.zeros(0, dtype=np.int64), p=np.zeros(0))
    n_tp = max(codes.n_touchpoints, 1)
    columns = labelled(group // n_tp, segment_dtype, by, group % n_tp, codes.touchpoint_dtype)
    for name in SHIFT_COLUMNS[1:]:
        columns[name] = joined["p" if name == "p_value" else name][keep]
    columns["comparison"] = text(columns["comparison"])
    columns["verdict"] = text(columns["verdict"])
    result = pd.DataFrame(columns)
    if by is not None:
        result.attrs["n_missing_segment"] = int(missing.sum())
    return result


# --------------------------------------------------------------------------------------------
# shift_highlights
# --------------------------------------------------------------------------------------------

_NOTABLE_VERDICTS: frozenset[str] = frozenset(
    word for c in COMPARISONS for i, word in enumerate(c.verdicts) if i != 1
)


def _validate_shift_highlights(shifts: pd.DataFrame) -> None:
    needed = ("touchpoint", "comparison", "mean_diff", "ci_low", "ci_high", "verdict")
    missing = [c for c in needed if c not in shifts.columns]
    if missing:
        message = Message("scoring.shift_columns", missing=", ".join(f"`{c}`" for c in missing))
        raise MotError(message)


def shift_highlights(shifts: pd.DataFrame) -> pd.DataFrame:
    """Order the shifts of :func:`utility_shifts` for a plain-language summary.

    Each shift gets its size as a positive number of points, with its interval turned the
    same way (a fall of 15 points with interval −17..−14 has size 15, interval 14..17), and
    whether it is notable (its verdict says the shift is established on the adjusted p:
    exceeded, disappointed, kinder or harsher).

    Parameters
    ----------
    shifts : DataFrame
        The output of :func:`utility_shifts`: at least ``touchpoint, comparison, mean_diff,
        ci_low, ci_high, verdict``. Columns before ``touchpoint`` (the ``by`` segment) define
        groups.

    Returns
    -------
    DataFrame
        The columns of ``shifts`` plus:

        - ``notable``: True for exceeded, disappointed, kinder and harsher.
        - ``size``: ``|mean_diff|``.
        - ``size_low``, ``size_high``: the interval of ``size`` (``ci_low, ci_high`` for a
          rise, ``−ci_high, −ci_low`` for a fall).

        Sorted by group, comparison (the order of :data:`COMPARISONS`), notable rows first
        from the largest size, then the others in their input (journey) order. No row is
        dropped; an empty table gives an empty table with these columns.

    Raises
    ------
    MotError
        If a required column is missing.

    Examples
    --------
    TMOT fell 15 points below expectation (interval −17 to −13), SMOT rose 10, UMOT was
    confirmed: TMOT comes first, then SMOT, then UMOT.

    >>> shifts = pd.DataFrame({"touchpoint": ["SMOT", "TMOT", "UMOT"],
    ...     "comparison": "experienced_vs_anticipated", "mean_diff": [10.0, -15.0, 0.5],
    ...     "ci_low": [8.0, -17.0, -1.0], "ci_high": [12.0, -13.0, 2.0],
    ...     "verdict": ["exceeded", "disappointed", "confirmed"]})
    >>> out = shift_highlights(shifts)
    >>> out[["touchpoint", "notable", "size", "size_low", "size_high"]].to_numpy().tolist()
    [['TMOT', True, 15.0, 13.0, 17.0], ['SMOT', True, 10.0, 8.0, 12.0],
     ['UMOT', False, 0.5, -1.0, 2.0]]
    """
    _validate_shift_highlights(shifts)
    groups = list(shifts.columns[: shifts.columns.get_loc("touchpoint")])
    diff = shifts["mean_diff"].to_numpy(dtype=np.float64)
    low = shifts["ci_low"].to_numpy(dtype=np.float64)
    high = shifts["ci_high"].to_numpy(dtype=np.float64)
    fall = diff < 0
    out = shifts.assign(
        notable=shifts["verdict"].isin(_NOTABLE_VERDICTS).to_numpy(dtype=bool),
        size=np.abs(diff),
        size_low=np.where(fall, -high, low),
        size_high=np.where(fall, -low, high),
    )
    order = {c.name: i for i, c in enumerate(COMPARISONS)}
    keys = pd.DataFrame(
        {
            "order": shifts["comparison"].map(order).fillna(len(order)).to_numpy(),
            "later": ~out["notable"].to_numpy(),
            "size": np.where(out["notable"], -out["size"], 0.0),
        },
        index=shifts.index,
    )
    keys = pd.concat([shifts[groups], keys], axis=1)
    ranked = keys.sort_values([*groups, "order", "later", "size"], kind="stable").index
    return out.loc[ranked].reset_index(drop=True)
