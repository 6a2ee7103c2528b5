"""Compare segments or A/B variants touchpoint by touchpoint: test, effect size, correction.

"Test, test, test": every pair of groups is compared at every touchpoint, so a comparison
table holds many tests at once and its p-values are adjusted for multiple comparisons
(Holm's step-down method by default).
"""

from __future__ import annotations

import warnings
from itertools import combinations

import numpy as np
import pandas as pd
from scipy import stats

from mot import MEASURES, vocabulary
from mot._codes import codes_of, require_one_rating
from mot._stats import adjust_p, clip_interval, validate_confidence, validate_correction
from mot.errors import InsufficientDataError, MotError
from mot.messages import Message
from mot.tidy import as_ratings, require_measure

CORRECTIONS = vocabulary.CORRECTIONS
"""Corrections accepted by ``correction`` (:data:`mot.vocabulary.Correction`)."""

TESTS: tuple[str, ...] = ("auto", "welch", "mannwhitney")
"""Tests accepted by :func:`compare_groups`."""

AUTO_MIN_N = 20
"""With ``test="auto"``, Welch's t needs at least this many ratings in both groups."""

COMPARE_COLUMNS: tuple[str, ...] = (
    "touchpoint",
    "group_a",
    "group_b",
    "n_a",
    "n_b",
    "mean_a",
    "mean_b",
    "difference",
    "test",
    "statistic",
    "p_value",
    "p_adjusted",
    "effect_size",
    "effect_size_kind",
    "ci_low",
    "ci_high",
    "significant",
)
"""Columns of :func:`compare_groups`."""

PROPORTION_COLUMNS: tuple[str, ...] = (
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
)
"""Columns of :func:`two_proportion_test`."""

TOP_BOX_COLUMNS: tuple[str, ...] = (
    "touchpoint",
    "group_a",
    "group_b",
    "n_a",
    "n_b",
    "successes_a",
    "successes_b",
    *PROPORTION_COLUMNS,
    "p_adjusted",
    "significant",
)
"""Columns of :func:`compare_top_box`."""


def adjust_p_values(p_values: np.ndarray | list[float], *, method: str = "holm") -> np.ndarray:
    """Adjust p-values for multiple comparisons.

    ``"holm"``: Holm's step-down method; with the m p-values sorted ascending,
    ``p̃_(i) = max_{k ≤ i} min(1, (m − k + 1) · p_(k))``. ``"bonferroni"``: ``min(1, m · p)``.
    ``"fdr_bh"``: Benjamini–Hochberg false-discovery-rate adjustment,
    ``p̃_(i) = min_{k ≥ i} min(1, m · p_(k) / k)`` (what
    :func:`scipy.stats.false_discovery_control` computes). ``"none"``: unchanged. NaN
    p-values stay NaN and do not count in m. The same adjustment serves
    :func:`mot.gaps.gap_table` and :func:`mot.scoring.utility_shifts` across touchpoints.

    Parameters
    ----------
    p_values : array-like of float
        The p-values, in any order.
    method : {"holm", "bonferroni", "fdr_bh", "none"}, default "holm"
        The correction.

    Returns
    -------
    ndarray
        Adjusted p-values, in the order given.

    Raises
    ------
    MotError
        If ``method`` is not one of :data:`CORRECTIONS`.

    References
    ----------
    Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scandinavian
    Journal of Statistics, 6(2), 65–70.
    Benjamini, Y., & Hochberg, Y. (1995). Controlling the false discovery rate. Journal of
    the Royal Statistical Society B, 57(1), 289–300.

    Examples
    --------
    Sorted: 0.01 × 3 = 0.03, 0.03 × 2 = 0.06, 0.04 × 1 = 0.04 → running maximum 0.06:

    >>> adjust_p_values([0.01, 0.04, 0.03]).tolist()
    [0.03, 0.06, 0.06]
    """
    validate_correction(method)
    return adjust_p(np.asarray(p_values, dtype="float64"), method)


def compare_groups(
    ratings: pd.DataFrame,
    *,
    by: str,
    measure: str = "experienced",
    test: str = "auto",
    correction: str = "holm",
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Compare the ratings of every pair of groups of ``by`` at every touchpoint.

    ``test="welch"``: Welch's t-test (:func:`scipy.stats.ttest_ind` with
    ``equal_var=False``), effect size Hedges' g (Cohen's d on the pooled standard deviation
    times ``J = 1 − 3 / (4(n_a + n_b) − 9)``) and Welch's interval for ``mean_a − mean_b``.
    ``test="mannwhitney"``: the Mann–Whitney U test (:func:`scipy.stats.mannwhitneyu`,
    two-sided; ``statistic`` is U of group a), effect size the rank-biserial correlation
    ``r = 1 − 2 U_b / (n_a n_b) = 2 U_a / (n_a n_b) − 1`` = P(a > b) − P(a < b): positive
    when group a tends to rate higher, the same sign as ``difference``; no interval.
    ``test="auto"`` chooses per row: Welch when both groups have at least
    :data:`AUTO_MIN_N` (20) ratings, because ratings on 0–100 are interval-like and with 20 or
    more per group the t-test is robust to their bounded, skewed distributions and gives a
    difference in rating points with an interval; Mann–Whitney below that, where normality
    cannot be leaned on. P-values are then adjusted over all rows of the table.

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings with the column ``by``; NaN values are ignored.
    by : str
        A categorical column of ``ratings``: a segment added by
        :func:`mot.tidy.with_segment` or an A/B variant. Ratings with a missing group are
        left out; the number of respondents concerned is in
        ``result.attrs["n_missing_segment"]``.
    measure : str, default "experienced"
        The measure compared.
    test : {"auto", "welch", "mannwhitney"}, default "auto"
        The test (see above).
    correction : {"holm", "bonferroni", "fdr_bh", "none"}, default "holm"
        Multiple-comparison correction over all rows (see :func:`adjust_p_values`).
    confidence : float, default 0.95
        Level of the intervals; a row is significant when ``p_adjusted < 1 − confidence``.

    Returns
    -------
    DataFrame
        One row per touchpoint and pair of groups (pairs of the groups present for
        ``measure``, a before b in category order), sorted by journey order then pair, with
        columns ``touchpoint``, ``group_a``, ``group_b`` (categorical), ``n_a``, ``n_b``,
        ``mean_a``, ``mean_b``, ``difference`` (``mean_a − mean_b``), ``test``
        (``"welch"``/``"mannwhitney"``), ``statistic`` (t or U), ``p_value``,
        ``p_adjusted``, ``effect_size``, ``effect_size_kind`` (``"hedges_g"``/
        ``"rank_biserial"``), ``ci_low``, ``ci_high`` and ``significant`` (bool). Statistics
        are NaN when a group has too few ratings (Welch needs two per group, Mann–Whitney
        one). Empty (same columns) with fewer than two groups.

    Raises
    ------
    MissingMeasureError
        If there are no ``measure`` ratings.
    DuplicateRatingError
        If a respondent has two ``measure`` ratings at one touchpoint (every analysis
        refuses them rather than counting both or averaging).
    MotError
        If ``by`` is not a column of ``ratings`` or an argument is not one of its choices.

    References
    ----------
    Welch, B. L. (1947). Biometrika, 34(1–2), 28–35.
    Mann, H. B., & Whitney, D. R. (1947). Annals of Mathematical Statistics, 18(1), 50–60.
    Hedges, L. V. (1981). Journal of Educational Statistics, 6(2), 107–128.
    Kerby, D. S. (2014). The simple difference formula: an approach to teaching
    nonparametric correlation. Comprehensive Psychology, 3, 11.IT.3.1.
    Holm, S. (1979). Scandinavian Journal of Statistics, 6(2), 65–70.

    Examples
    --------
    Group x rated 60, 70, 80 and group y 40, 50, 60 (three each, so ``auto`` picks
    Mann–Whitney): difference 20; x wins 8 of the 9 pairs and ties one (60 vs 60, worth ½),
    so U_x = 8.5 and r = 2 · 8.5 / 9 − 1 = 0.889:

    >>> ratings = pd.DataFrame({"respondent_id": list("abcdef"), "touchpoint": "FMOT",
    ...                         "measure": "experienced", "value": [60.0, 70, 80, 40, 50, 60],
    ...                         "variant": list("xxxyyy")})
    >>> row = compare_groups(ratings, by="variant").iloc[0]
    >>> row["test"], float(row["difference"]), float(row["statistic"])
    ('mannwhitney', 20.0, 8.5)
    >>> round(float(row["effect_size"]), 3)
    0.889
    """
    ratings = as_ratings(ratings)
    _validate_compare(ratings, by=by, measure=measure, correction=correction, confidence=confidence)
    _validate_test(test)
    rows, n_missing, pairs = _pairs(ratings, by=by, measure=measure)
    values = {
        key: group.to_numpy()
        for key, group in rows.groupby(["touchpoint", by], observed=True, sort=True)["value"]
    }
    records = []
    for touchpoint, group_a, group_b in pairs:
        a = values.get((touchpoint, group_a), np.empty(0))
        b = values.get((touchpoint, group_b), np.empty(0))
        records.append(_compare_pair(a, b, test=test, confidence=confidence))
    tests = pd.DataFrame.from_records(records, columns=list(_PAIR_DTYPES)).astype(_PAIR_DTYPES)
    out = _pair_frame(pairs, rows, by).join(tests)
    out["p_adjusted"] = adjust_p_values(out["p_value"].to_numpy(), method=correction)
    out["significant"] = (out["p_adjusted"] < 1 - confidence).to_numpy(dtype=bool)
    out = out[list(COMPARE_COLUMNS)]
    out.attrs["n_missing_segment"] = n_missing
    return out


def two_proportion_test(
    successes_a: int,
    n_a: int,
    successes_b: int,
    n_b: int,
    *,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Two-proportion z-test of ``p_a = p_b``, with the difference's interval and Cohen's h.

    The test uses the pooled proportion ``p = (x_a + x_b) / (n_a + n_b)``:
    ``z = (p_a − p_b) / √[p (1 − p) (1/n_a + 1/n_b)]``, two-sided p from the standard
    normal. The interval uses the unpooled (Wald) standard error
    ``se = √[p_a (1 − p_a) / n_a + p_b (1 − p_b) / n_b]``, cut at −1 and 1 (and flagged in
    ``ci_clipped`` when it is). Cohen's
    ``h = 2 asin √p_a − 2 asin √p_b``. When the pooled share is 0 or 1 both groups are
    identical: z = 0 and p = 1.

    Parameters
    ----------
    successes_a, n_a : int
        Successes (e.g. top-box answers) and answers in group a.
    successes_b, n_b : int
        The same for group b.
    confidence : float, default 0.95
        Level of the interval, strictly between 0 and 1.

    Returns
    -------
    DataFrame
        One row: ``p_a``, ``p_b`` (shares 0–1), ``difference`` (``p_a − p_b``), ``se``
        (unpooled, the interval's), ``ci_low``, ``ci_high``, ``ci_clipped`` (True when the
        interval was cut at −1 or 1), ``z`` (pooled), ``p_value`` (two-sided) and
        ``cohens_h``.

    Raises
    ------
    InsufficientDataError
        If ``n_a`` or ``n_b`` is 0.
    MotError
        If a count is negative or not whole, successes exceed answers, or ``confidence`` is
        not in (0, 1).

    References
    ----------
    Agresti, A. (2013). Categorical Data Analysis (3rd ed.), §3.1. Wiley.
    Cohen, J. (1988). Statistical Power Analysis for the Behavioral Sciences (2nd ed.),
    ch. 6. Erlbaum.

    Examples
    --------
    45 of 100 against 30 of 100: pooled p = 0.375, z = 0.15 / √(0.375 · 0.625 · 0.02)
    = 0.15 / 0.068465 = 2.191; se = √(0.45 · 0.55 / 100 + 0.3 · 0.7 / 100) = 0.067639:

    >>> row = two_proportion_test(45, 100, 30, 100).iloc[0]
    >>> round(float(row["z"]), 3), round(float(row["p_value"]), 4), round(float(row["se"]), 6)
    (2.191, 0.0285, 0.067639)
    >>> round(float(row["ci_low"]), 4), round(float(row["ci_high"]), 4)
    (0.0174, 0.2826)
    """
    _validate_two_proportion(successes_a, n_a, successes_b, n_b, confidence=confidence)
    result = _two_proportion(
        np.array([successes_a], dtype="float64"),
        np.array([n_a], dtype="float64"),
        np.array([successes_b], dtype="float64"),
        np.array([n_b], dtype="float64"),
        confidence,
    )
    return pd.DataFrame(result, columns=list(PROPORTION_COLUMNS))


def compare_top_box(
    ratings: pd.DataFrame,
    *,
    by: str,
    measure: str = "experienced",
    correction: str = "holm",
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Compare top-box shares of every pair of groups of ``by`` at every touchpoint.

    Applies :func:`two_proportion_test` to the ``top_box`` flags of each touchpoint and pair
    of groups, then adjusts the p-values over all rows (:func:`adjust_p_values`).

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings with ``top_box`` and the column ``by``; rows with a NaN value are
        ignored.
    by : str
        A categorical column of ``ratings`` (segment or A/B variant). Ratings with a missing
        group are left out; the number of respondents concerned is in
        ``result.attrs["n_missing_segment"]``.
    measure : str, default "experienced"
        The measure whose top-box shares are compared.
    correction : {"holm", "bonferroni", "fdr_bh", "none"}, default "holm"
        Multiple-comparison correction over all rows.
    confidence : float, default 0.95
        Level of the intervals; a row is significant when ``p_adjusted < 1 − confidence``.

    Returns
    -------
    DataFrame
        One row per touchpoint and pair of groups, sorted by journey order then pair, with
        ``touchpoint``, ``group_a``, ``group_b``, ``n_a``, ``n_b`` (ratings),
        ``successes_a``, ``successes_b`` (top-box ratings), the columns of
        :func:`two_proportion_test`, ``p_adjusted`` and ``significant``. Statistics are NaN
        where a group has no rating. Empty (same columns) with fewer than two groups.

    Raises
    ------
    MissingMeasureError
        If there are no ``measure`` ratings.
    DuplicateRatingError
        If a respondent has two ``measure`` ratings at one touchpoint (every analysis
        refuses them rather than counting both or averaging).
    MotError
        If ``by`` is not a column of ``ratings`` or an argument is not one of its choices.

    References
    ----------
    Agresti, A. (2013). Categorical Data Analysis (3rd ed.), §3.1. Wiley.

    Examples
    --------
    Variant x: 3 of 4 ratings top-box, variant y: 1 of 4 → difference 0.5:

    >>> ratings = pd.DataFrame({"respondent_id": list("abcdefgh"), "touchpoint": "SMOT",
    ...                         "measure": "experienced", "value": 50.0,
    ...                         "top_box": [True, True, True, False, True, False, False, False],
    ...                         "variant": list("xxxxyyyy")})
    >>> compare_top_box(ratings, by="variant")[["p_a", "p_b", "difference"]]
        p_a   p_b  difference
    0  0.75  0.25         0.5
    """
    ratings = as_ratings(ratings)
    _validate_compare(ratings, by=by, measure=measure, correction=correction, confidence=confidence)
    rows, n_missing, pairs = _pairs(ratings, by=by, measure=measure)
    counts = rows.groupby(["touchpoint", by], observed=True, sort=True)["top_box"].agg(
        ["sum", "count"]
    )
    key_a = pd.MultiIndex.from_tuples([(t, a) for t, a, _ in pairs], names=counts.index.names)
    key_b = pd.MultiIndex.from_tuples([(t, b) for t, _, b in pairs], names=counts.index.names)
    count_a = counts.reindex(key_a).fillna(0).to_numpy(dtype="float64").reshape(-1, 2)
    count_b = counts.reindex(key_b).fillna(0).to_numpy(dtype="float64").reshape(-1, 2)
    result = _two_proportion(count_a[:, 0], count_a[:, 1], count_b[:, 0], count_b[:, 1], confidence)
    out = _pair_frame(pairs, rows, by).assign(
        n_a=count_a[:, 1].astype("int64"),
        n_b=count_b[:, 1].astype("int64"),
        successes_a=count_a[:, 0].astype("int64"),
        successes_b=count_b[:, 0].astype("int64"),
        **result,
    )
    out["p_adjusted"] = adjust_p_values(out["p_value"].to_numpy(), method=correction)
    out["significant"] = (out["p_adjusted"] < 1 - confidence).to_numpy(dtype=bool)
    out = out[list(TOP_BOX_COLUMNS)]
    out.attrs["n_missing_segment"] = n_missing
    return out


_PAIR_DTYPES: dict[str, str] = {
    "n_a": "int64",
    "n_b": "int64",
    "mean_a": "float64",
    "mean_b": "float64",
    "difference": "float64",
    "test": "str",
    "statistic": "float64",
    "p_value": "float64",
    "effect_size": "float64",
    "effect_size_kind": "str",
    "ci_low": "float64",
    "ci_high": "float64",
}
"""Columns (and dtypes) of one :func:`_compare_pair` row."""


def _compare_pair(a: np.ndarray, b: np.ndarray, *, test: str, confidence: float) -> dict:
    """One row of :func:`compare_groups`: the test of ``a`` against ``b``."""
    n_a, n_b = a.size, b.size
    if test == "auto":
        test = "welch" if min(n_a, n_b) >= AUTO_MIN_N else "mannwhitney"
    mean_a = a.mean() if n_a else np.nan
    mean_b = b.mean() if n_b else np.nan
    row = {
        "n_a": n_a,
        "n_b": n_b,
        "mean_a": mean_a,
        "mean_b": mean_b,
        "difference": mean_a - mean_b,
        "test": test,
        "statistic": np.nan,
        "p_value": np.nan,
        "effect_size": np.nan,
        "effect_size_kind": "hedges_g" if test == "welch" else "rank_biserial",
        "ci_low": np.nan,
        "ci_high": np.nan,
    }
    with warnings.catch_warnings():
        # Constant groups make scipy warn about precision loss; the result is still defined.
        warnings.simplefilter("ignore", RuntimeWarning)
        if test == "welch" and min(n_a, n_b) >= 2:
            row.update(_welch(a, b, confidence))
        elif test == "mannwhitney" and min(n_a, n_b) >= 1:
            result = stats.mannwhitneyu(a, b, alternative="two-sided")
            row["statistic"] = float(result.statistic)
            row["p_value"] = float(result.pvalue)
            row["effect_size"] = 2 * float(result.statistic) / (n_a * n_b) - 1
    return row


def _welch(a: np.ndarray, b: np.ndarray, confidence: float) -> dict[str, float]:
    """Welch's t, its interval, and Hedges' g of ``a`` − ``b``."""
    result = stats.ttest_ind(a, b, equal_var=False)
    interval = result.confidence_interval(confidence)
    n_a, n_b = a.size, b.size
    pooled = np.sqrt(((n_a - 1) * a.var(ddof=1) + (n_b - 1) * b.var(ddof=1)) / (n_a + n_b - 2))
    correction = 1 - 3 / (4 * (n_a + n_b) - 9)
    g = (a.mean() - b.mean()) / pooled * correction if pooled > 0 else np.nan
    return {
        "statistic": float(result.statistic),
        "p_value": float(result.pvalue),
        "effect_size": float(g),
        "ci_low": float(interval.low),
        "ci_high": float(interval.high),
    }


def _two_proportion(
    x_a: np.ndarray, n_a: np.ndarray, x_b: np.ndarray, n_b: np.ndarray, confidence: float
) -> dict[str, np.ndarray]:
    """Vectorised two-proportion z-test (NaN where a group has no answers)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        p_a, p_b = x_a / n_a, x_b / n_b
        difference = p_a - p_b
        se = np.sqrt(p_a * (1 - p_a) / n_a + p_b * (1 - p_b) / n_b)
        pooled = (x_a + x_b) / (n_a + n_b)
        se_pooled = np.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
        z = np.where(se_pooled > 0, difference / se_pooled, np.where(se_pooled == 0, 0.0, np.nan))
    z_crit = stats.norm.ppf((1 + confidence) / 2)
    low, high, clipped = clip_interval(difference - z_crit * se, difference + z_crit * se, -1, 1)
    return {
        "p_a": p_a,
        "p_b": p_b,
        "difference": difference,
        "se": se,
        "ci_low": low,
        "ci_high": high,
        "ci_clipped": clipped,
        "z": z,
        "p_value": 2 * stats.norm.sf(np.abs(z)),
        "cohens_h": 2 * np.arcsin(np.sqrt(p_a)) - 2 * np.arcsin(np.sqrt(p_b)),
    }


def _pairs(
    ratings: pd.DataFrame, *, by: str, measure: str
) -> tuple[pd.DataFrame, int, list[tuple[object, object, object]]]:
    """Rows of ``measure`` with a group, respondents left out, and (touchpoint, a, b) keys."""
    rows = require_measure(
        ratings[ratings["value"].notna()], measure, needed_for=Message("analysis.compare")
    )
    group = rows[by]
    if not isinstance(group.dtype, pd.CategoricalDtype):
        group = pd.Series(pd.Categorical(group), index=rows.index)
    missing = group.isna().to_numpy()
    n_missing = int(rows["respondent_id"][missing].nunique())
    rows = rows.assign(**{by: group})[~missing]
    present = rows[by].cat.codes.unique()
    groups = [rows[by].cat.categories[code] for code in sorted(present)]
    touchpoints = rows["touchpoint"].cat.categories[sorted(rows["touchpoint"].cat.codes.unique())]
    pairs = [(t, a, b) for t in touchpoints for a, b in combinations(groups, 2)]
    return rows, n_missing, pairs


def _pair_frame(
    pairs: list[tuple[object, object, object]], rows: pd.DataFrame, by: str
) -> pd.DataFrame:
    """The key columns ``touchpoint, group_a, group_b`` of a comparison table."""
    touchpoint_type = rows["touchpoint"].dtype
    group_type = rows[by].dtype
    return pd.DataFrame(
        {
            "touchpoint": pd.Series([t for t, _, _ in pairs], dtype=touchpoint_type),
            "group_a": pd.Series([a for _, a, _ in pairs], dtype=group_type),
            "group_b": pd.Series([b for _, _, b in pairs], dtype=group_type),
        }
    )


def _validate_test(test: str) -> None:
    """Raise :class:`MotError` unless ``test`` is a known test."""
    if test not in TESTS:
        message = Message("compare.test", test=test, choices=", ".join(TESTS))
        raise MotError(message)


def _validate_compare(
    ratings: pd.DataFrame, *, by: str, measure: str, correction: str, confidence: float
) -> None:
    """Raise a typed error unless ``ratings`` can be compared across the groups of ``by``."""
    if by not in ratings.columns:
        message = Message("compare.no_group", by=by)
        raise MotError(message)
    if measure not in MEASURES:
        message = Message("arg.measure", measure=measure, measures=", ".join(MEASURES))
        raise MotError(message)
    validate_correction(correction)
    validate_confidence(confidence)
    require_one_rating(codes_of(ratings), [measure])


def _validate_two_proportion(
    successes_a: int, n_a: int, successes_b: int, n_b: int, *, confidence: float
) -> None:
    """Raise a typed error unless the counts describe two samples of yes/no answers."""
    counts = {"successes_a": successes_a, "n_a": n_a, "successes_b": successes_b, "n_b": n_b}
    for name, value in counts.items():
        number = isinstance(value, int | float | np.integer | np.floating)
        whole = number and not isinstance(value, bool) and float(value).is_integer()
        if not whole or value < 0:
            message = Message("arg.count", name=name, value=value)
            raise MotError(message)
    for group, (x, n) in {"a": (successes_a, n_a), "b": (successes_b, n_b)}.items():
        if n == 0:
            message = Message("compare.no_answers", group=group)
            raise InsufficientDataError(message)
        if x > n:
            message = Message("compare.successes", group=group, successes=x, n=n)
            raise MotError(message)
    validate_confidence(confidence)


SIGNIFICANT_COLUMNS: tuple[str, ...] = (
    "touchpoint",
    "higher",
    "lower",
    "mean_higher",
    "mean_lower",
    "difference",
    "test",
    "effect_size",
    "effect_size_kind",
    "p_adjusted",
)
"""Columns of :func:`significant_differences`."""


def significant_differences(comparison: pd.DataFrame) -> pd.DataFrame:
    """The significant rows of a comparison, each read as "higher rates more than lower".

    Rows of :func:`compare_groups` with ``significant`` true are turned round where
    ``mean_a < mean_b`` so that the group with the higher mean comes first: ``difference``
    becomes positive and ``effect_size`` changes sign with it (Hedges' g and the
    rank-biserial correlation are both antisymmetric in the two groups).

    Parameters
    ----------
    comparison : DataFrame
        A :func:`compare_groups` result; it is not modified.

    Returns
    -------
    DataFrame
        One row per significant comparison, sorted by ``p_adjusted``, then the larger
        ``difference`` first, then journey order, with columns ``touchpoint``, ``higher``,
        ``lower`` (group names as text), ``mean_higher``, ``mean_lower``, ``difference``
        (≥ 0), ``test``, ``effect_size`` (oriented the same way), ``effect_size_kind`` and
        ``p_adjusted``. Empty (same columns) when nothing is significant.

    Examples
    --------
    >>> comparison = pd.DataFrame({"touchpoint": ["FMOT", "SMOT"], "group_a": "A",
    ...     "group_b": "B", "mean_a": [64.0, 78.0], "mean_b": [73.0, 77.5],
    ...     "difference": [-9.0, 0.5], "test": "welch", "effect_size": [-0.5, 0.03],
    ...     "effect_size_kind": "hedges_g", "p_adjusted": [1e-28, 0.8],
    ...     "significant": [True, False]})
    >>> significant_differences(comparison)[["touchpoint", "higher", "lower", "difference",
    ...                                      "effect_size"]]
      touchpoint higher lower  difference  effect_size
    0       FMOT      B     A         9.0          0.5
    """
    rows = comparison[comparison["significant"].astype(bool)]
    flip = (rows["difference"] < 0).to_numpy()
    sign = np.where(flip, -1.0, 1.0)
    group_a = rows["group_a"].astype(str).to_numpy()
    group_b = rows["group_b"].astype(str).to_numpy()
    mean_a = rows["mean_a"].to_numpy(dtype="float64")
    mean_b = rows["mean_b"].to_numpy(dtype="float64")
    out = pd.DataFrame(
        {
            "touchpoint": rows["touchpoint"].to_numpy(),
            "higher": pd.array(np.where(flip, group_b, group_a), dtype="str"),
            "lower": pd.array(np.where(flip, group_a, group_b), dtype="str"),
            "mean_higher": np.where(flip, mean_b, mean_a),
            "mean_lower": np.where(flip, mean_a, mean_b),
            "difference": sign * rows["difference"].to_numpy(dtype="float64"),
            "test": pd.array(rows["test"].astype(str).to_numpy(), dtype="str"),
            "effect_size": sign * rows["effect_size"].to_numpy(dtype="float64"),
            "effect_size_kind": pd.array(rows["effect_size_kind"].astype(str), dtype="str"),
            "p_adjusted": rows["p_adjusted"].to_numpy(dtype="float64"),
        },
        columns=list(SIGNIFICANT_COLUMNS),
    )
    if isinstance(comparison["touchpoint"].dtype, pd.CategoricalDtype):
        out["touchpoint"] = pd.Categorical(out["touchpoint"], dtype=comparison["touchpoint"].dtype)
        position = out["touchpoint"].cat.codes.to_numpy()
    else:
        position = np.arange(len(out))
    order = np.lexsort((position, -out["difference"].to_numpy(), out["p_adjusted"].to_numpy()))
    return out.iloc[order].reset_index(drop=True)
