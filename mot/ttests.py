"""Two samples that share some respondents: the partially overlapping samples t-test.

A survey often asks two questions of overlapping groups of people: everyone who answered
both gives a pair, the others one answer only. The paired t-test then throws away the
unpaired answers and the independent-samples test pretends the pairs are independent.
:func:`partially_overlapping_ttest` (Derrick, Russ, Toher & White, 2017) uses every answer:
it is the paired t-test when everyone answered both, Welch's test when nobody did, and the
partially overlapping test in between. :func:`mot.gaps.gap_table` applies the same rule to
every touchpoint at once.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from mot._stats import overlap_t, pair_correlation, t_inference, validate_confidence
from mot.errors import MotError
from mot.messages import Message

TTEST_COLUMNS: tuple[str, ...] = (
    "n_a",
    "n_b",
    "n_paired",
    "mean_a",
    "mean_b",
    "difference",
    "method",
    "r",
    "t",
    "df",
    "se",
    "ci_low",
    "ci_high",
    "p_value",
)
"""Columns of :func:`partially_overlapping_ttest`."""

METHODS: tuple[str, ...] = ("paired", "partially_overlapping", "welch")
"""Values of the ``method`` column with ``equal_var=False`` (the default)."""

POOLED_METHODS: tuple[str, ...] = ("partially_overlapping_pooled", "student")
"""Values of the ``method`` column with ``equal_var=True``."""


def partially_overlapping_ttest(
    a: np.ndarray | pd.Series | list[float],
    b: np.ndarray | pd.Series | list[float],
    *,
    equal_var: bool = False,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Compare the means of two samples made of paired and unpaired observations.

    ``a[i]`` and ``b[i]`` are the two answers of respondent ``i``, NaN where that respondent
    did not answer (R's ``stacked = TRUE`` layout): a respondent with both is a pair
    (``n_c`` of them), one with only ``a`` or only ``b`` is unpaired (``n_a``, ``n_b``).
    With ``n₁ = n_a + n_c`` and ``n₂ = n_b + n_c`` observations, means ``X̄₁``, ``X̄₂`` and
    standard deviations ``S₁``, ``S₂`` over *all* observations of each sample, and ``r`` the
    Pearson correlation of the pairs, the statistic is ``t = (X̄₁ − X̄₂) / se`` with:

    - ``equal_var=False``, T_new2 (the default, R's ``var.equal = FALSE``):
      ``se² = S₁²/n₁ + S₂²/n₂ − 2 r S₁ S₂ n_c / (n₁ n₂)`` on
      ``df = (n_c − 1) + (γ − n_c + 1)(n_a + n_b) / (n_a + n_b + 2 n_c)``, where γ is Welch's
      degrees of freedom ``(S₁²/n₁ + S₂²/n₂)² / [(S₁²/n₁)²/(n₁ − 1) + (S₂²/n₂)²/(n₂ − 1)]``.
    - ``equal_var=True``, T_new1 (R's ``var.equal = TRUE``):
      ``se = S_p √(1/n₁ + 1/n₂ − 2 r n_c / (n₁ n₂))``, ``S_p² = ((n₁ − 1) S₁² + (n₂ − 1) S₂²)
      / (n₁ + n₂ − 2)``, on ``df = (n_c − 1) + (n_a + n_b + n_c − 1)(n_a + n_b) /
      (n_a + n_b + 2 n_c)``.

    The interval is ``(X̄₁ − X̄₂) ± t_{(1+confidence)/2, df} · se`` and p is two-sided.

    The limits, named in ``method``: with ``equal_var=False``, when everyone answered both
    (``n_a = n_b = 0``) T_new2 is the paired t-test, computed as
    :func:`scipy.stats.ttest_rel` does (mean difference over ``sd_d / √n``; ``"paired"``);
    when nobody did (``n_c = 0``) it is Welch's test, :func:`scipy.stats.ttest_ind` with
    ``equal_var=False`` (``"welch"``); in between ``"partially_overlapping"``. With
    ``equal_var=True`` and no pair it is Student's pooled test (``"student"``), otherwise
    ``"partially_overlapping_pooled"`` (also when every observation is paired, as R does).

    r cannot be estimated from fewer than two pairs or when one side of the pairs is
    constant: it is then taken as 0 (R does so in the constant case and refuses fewer than
    two pairs; here a single pair still lets every other answer count).

    Parameters
    ----------
    a, b : array-like of float
        The two samples aligned by respondent, of equal length, NaN where not answered.
        Positions where both are NaN are ignored.
    equal_var : bool, default False
        Pool the two variances (T_new1) instead of keeping them apart (T_new2).
    confidence : float, default 0.95
        Level of the interval, strictly between 0 and 1.

    Returns
    -------
    DataFrame
        One row with columns ``n_a``, ``n_b`` (observations of each sample, paired ones
        included: n₁ and n₂ above), ``n_paired`` (n_c), ``mean_a``, ``mean_b``,
        ``difference`` (``mean_a − mean_b``), ``method`` (see above), ``r`` (the pairs'
        correlation used; 0 when it cannot be estimated, NaN when there is no pair), ``t``,
        ``df``, ``se``, ``ci_low``, ``ci_high`` and ``p_value``. Statistics are NaN when a
        sample has fewer than two observations (one pair alone included).

    Raises
    ------
    MotError
        If ``a`` and ``b`` differ in length or are not numbers, or ``confidence`` is not in
        (0, 1).

    References
    ----------
    Derrick, B., Russ, B., Toher, D., & White, P. (2017). Test statistics for the comparison
    of means for two samples that include both paired and independent observations. Journal
    of Modern Applied Statistical Methods, 16(1), 137–157. doi:10.22237/jmasm/1493597280
    Derrick, B., Toher, D., & White, P. (2017). How to compare the means of two samples that
    include paired observations and independent observations: a companion to Derrick, Russ,
    Toher and White (2017). The Quantitative Methods for Psychology, 13(2), 120–126.
    doi:10.20982/tqmp.13.2.p120
    Derrick, B. (2018). Partiallyoverlapping: Partially Overlapping Samples Tests. R package
    version 2.0 (``Partover.test``).

    Examples
    --------
    The example of Derrick, Toher & White (2017): eight unpaired answers in each group and
    eight pairs. Means 258/16 = 16.125 and 226/16 = 14.125 (difference 2), pair correlation
    0.687; the pooled form gives t = 2.421 on 7 + (23/32) · 16 = 18.5 df, p = 0.026:

    >>> nan = float("nan")
    >>> a = [20, 21, 16, 18, 14, 12, 14, 17] + [nan] * 8 + [14, 15, 18, 20, 11, 19, 14, 15]
    >>> b = [nan] * 8 + [10, 16, 18, 16, 15, 14, 13, 10] + [15, 10, 15, 17, 13, 19, 12, 13]
    >>> row = partially_overlapping_ttest(a, b, equal_var=True).iloc[0]
    >>> row["method"], float(row["difference"]), round(float(row["r"]), 3)
    ('partially_overlapping_pooled', 2.0, 0.687)
    >>> round(float(row["t"]), 3), float(row["df"]), round(float(row["p_value"]), 3)
    (2.421, 18.5, 0.026)
    """
    x, y = _validate_ttest(a, b, confidence)
    has_x, has_y = ~np.isnan(x), ~np.isnan(y)
    pair = has_x & has_y
    n_1, n_2, n_c = (np.array([np.count_nonzero(m)], np.float64) for m in (has_x, has_y, pair))
    mean_1, var_1 = _mean_var(x[has_x])
    mean_2, var_2 = _mean_var(y[has_y])
    _, var_d = _mean_var(x[pair] - y[pair])
    _, var_c1 = _mean_var(x[pair])
    _, var_c2 = _mean_var(y[pair])
    r = pair_correlation(n_c, var_c1, var_c2, var_d)
    se, df = overlap_t(n_1, var_1, n_2, var_2, n_c, r, equal_var=equal_var)
    complete = (n_1 == n_c) & (n_2 == n_c)
    if not equal_var:  # every answer paired: the paired t-test, from the differences
        se = np.where(complete, np.sqrt(var_d / n_c), se)
        df = np.where(complete, n_c - 1, df)
    estimate = mean_1 - mean_2
    low, high, p = t_inference(estimate, se, df, confidence)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = estimate / se
    if equal_var:
        method = "student" if n_c[0] == 0 else "partially_overlapping_pooled"
    else:
        method = "welch" if n_c[0] == 0 else ("paired" if complete[0] else "partially_overlapping")
    row = {
        "n_a": int(n_1[0]),
        "n_b": int(n_2[0]),
        "n_paired": int(n_c[0]),
        "mean_a": float(mean_1[0]),
        "mean_b": float(mean_2[0]),
        "difference": float(estimate[0]),
        "method": method,
        "r": float(r[0]) if n_c[0] else np.nan,
        "t": float(t[0]),
        "df": float(df[0]),
        "se": float(se[0]),
        "ci_low": float(low[0]),
        "ci_high": float(high[0]),
        "p_value": float(p[0]),
    }
    out = pd.DataFrame([row], columns=list(TTEST_COLUMNS))
    out["method"] = out["method"].astype("str")
    return out


def _mean_var(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean (NaN when empty) and variance with ddof=1 (NaN below two values), as arrays."""
    n = values.size
    mean = values.mean() if n else np.nan
    var = float(((values - mean) ** 2).sum() / (n - 1)) if n >= 2 else np.nan
    return np.array([mean], dtype=np.float64), np.array([var], dtype=np.float64)


def _validate_ttest(a: object, b: object, confidence: float) -> tuple[np.ndarray, np.ndarray]:
    """The two samples as float arrays, or a typed error."""
    validate_confidence(confidence)
    try:
        x = np.asarray(a, dtype=np.float64).reshape(-1)
        y = np.asarray(b, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):
        message = Message("ttest.not_numbers")
        raise MotError(message) from None
    if x.size != y.size:
        message = Message("ttest.lengths", n_a=int(x.size), n_b=int(y.size))
        raise MotError(message)
    return x, y
