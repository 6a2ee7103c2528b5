"""Statistical helpers several analysis modules share (private: not part of the API).

The confidence-level check every function with a ``confidence`` argument runs, the flagged cut
of an interval at the ends of its scale, one-pass group statistics over integer keys, the
Student t-interval of a mean, the two-sided t inference of an estimate, the partially
overlapping samples t-test on summary statistics (:func:`mot.ttests.partially_overlapping_ttest`
and :func:`mot.gaps.gap_table` share it) and the multiple-comparison adjustments
(:func:`mot.compare.adjust_p_values`, the verdicts of :func:`mot.scoring.utility_shifts` and
the gap p-values). Only numpy and :mod:`mot.distributions`: the dashboard's first page imports
no ``scipy.stats``.
"""

from __future__ import annotations

import numbers

import numpy as np

from mot import vocabulary
from mot.errors import MotError
from mot.messages import Message


def validate_confidence(confidence: object) -> None:
    """Raise a :class:`~mot.errors.MotError` unless ``confidence`` is a number in (0, 1).

    Parameters
    ----------
    confidence : object
        The coverage of an interval, such as 0.95. Booleans are refused.

    Raises
    ------
    MotError
        If ``confidence`` is not a real number strictly between 0 and 1 (message
        ``arg.confidence``).

    Examples
    --------
    >>> validate_confidence(0.95)
    >>> validate_confidence(1.5)
    Traceback (most recent call last):
    ...
    mot.errors.MotError: `confidence` must be between 0 and 1 (e.g. 0.95); got 1.5.
    """
    if isinstance(confidence, bool) or not (
        isinstance(confidence, numbers.Real) and 0 < confidence < 1
    ):
        message = Message("arg.confidence", confidence=confidence)
        raise MotError(message)


def clip_interval(
    low: np.ndarray, high: np.ndarray, lower: float, upper: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """An interval cut to the scale ``[lower, upper]``, and which rows were cut.

    Every interval the library cuts goes through here, so that the cut is flagged (a
    ``ci_clipped`` column), never silent. NaN bounds stay NaN and are not flagged.

    Examples
    --------
    >>> low, high, cut = clip_interval(np.array([-3.0, 10.0, np.nan]),
    ...                                np.array([40.0, 106.98, np.nan]), 0.0, 100.0)
    >>> low.tolist(), high.tolist(), cut.tolist()
    ([0.0, 10.0, nan], [40.0, 100.0, nan], [True, True, False])
    """
    clipped = (low < lower) | (high > upper)
    return np.clip(low, lower, upper), np.clip(high, lower, upper), clipped


def group_stats(
    key: np.ndarray, values: np.ndarray, n_groups: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Count, mean and sd (ddof=1, NaN below two values) per group.

    ``key`` holds a group number per value; ``key == n_groups`` marks values left out. The sd
    is computed in two passes (deviations from the group mean), so equal values give 0 exactly.

    Examples
    --------
    >>> n, mean, sd = group_stats(np.array([0, 0, 1, 2]), np.array([1.0, 3.0, 5.0, 9.0]), 2)
    >>> n.tolist(), mean.tolist(), sd.tolist()
    ([2, 1], [2.0, 5.0], [1.4142135623730951, nan])
    """
    length = n_groups + 1
    n = np.bincount(key, minlength=length)[:n_groups]
    total = np.bincount(key, weights=values, minlength=length)[:n_groups]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / n
        centred = values - np.append(mean, 0.0)[key]
        squares = np.bincount(key, weights=centred * centred, minlength=length)[:n_groups]
        sd = np.sqrt(squares / (n - 1))
    sd[n < 2] = np.nan
    return n, mean, sd


def t_interval(
    n: np.ndarray, mean: np.ndarray, sd: np.ndarray, confidence: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Standard error and t-interval ``mean ± t_{(1+confidence)/2, n-1} · sd / √n``.

    NaN where ``n < 2``.

    References
    ----------
    Student (1908). The probable error of a mean. *Biometrika*, 6(1), 1–25.

    Examples
    --------
    n = 5, mean 80, sd 7.0711: se 3.1623, half-width 2.7764 · 3.1623 = 8.78.

    >>> se, low, high = t_interval(np.array([5]), np.array([80.0]), np.array([7.0711]), 0.95)
    >>> round(float(se[0]), 4), round(float(low[0]), 2), round(float(high[0]), 2)
    (3.1623, 71.22, 88.78)
    """
    from mot.distributions import t_ppf  # here: the event-log path imports no scipy

    with np.errstate(invalid="ignore", divide="ignore"):
        se = sd / np.sqrt(n)
        df = np.where(n >= 2, n - 1, np.nan).astype(np.float64)
        half = t_ppf(0.5 + confidence / 2, df) * se
    return se, mean - half, mean + half


def validate_correction(correction: object) -> None:
    """Raise a :class:`~mot.errors.MotError` unless ``correction`` is a known correction.

    Examples
    --------
    >>> validate_correction("holm")
    >>> validate_correction("tukey")
    Traceback (most recent call last):
    ...
    mot.errors.MotError: Unknown multiple-comparison correction `tukey`. Choose one of: ...
    """
    if correction not in vocabulary.CORRECTIONS:
        choices = ", ".join(vocabulary.CORRECTIONS)
        message = Message("compare.correction", correction=correction, choices=choices)
        raise MotError(message)


def adjust_p(p_values: np.ndarray, method: str) -> np.ndarray:
    """Adjusted p-values (``method`` already validated); NaN stays NaN and is not counted.

    Holm: with the m p-values sorted ascending, ``p̃_(i) = max_{k ≤ i} min(1, (m − k + 1) p_(k))``.
    Bonferroni: ``min(1, m p)``. Benjamini–Hochberg: ``p̃_(i) = min_{k ≥ i} min(1, m p_(k) / k)``
    (what :func:`scipy.stats.false_discovery_control` computes). ``"none"``: unchanged.

    Examples
    --------
    >>> adjust_p(np.array([0.01, 0.04, 0.03, np.nan]), "holm").tolist()
    [0.03, 0.06, 0.06, nan]
    >>> adjust_p(np.array([0.01, 0.04, 0.03]), "fdr_bh").round(4).tolist()
    [0.03, 0.04, 0.04]
    """
    p = np.asarray(p_values, dtype="float64")
    out = np.full(p.shape, np.nan)
    known = ~np.isnan(p)
    kept = p[known]
    m = kept.size
    if m == 0 or method == "none":
        out[known] = kept
        return out
    if method == "bonferroni":
        out[known] = np.minimum(1.0, kept * m)
        return out
    order = np.argsort(kept, kind="stable")
    ranked = kept[order]
    if method == "fdr_bh":
        stepped = np.minimum.accumulate((m * ranked / np.arange(1, m + 1))[::-1])[::-1]
    else:  # holm
        stepped = np.maximum.accumulate((m - np.arange(m)) * ranked)
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(1.0, stepped)
    out[known] = adjusted
    return out


def adjust_within(p_values: np.ndarray, family: np.ndarray, method: str) -> np.ndarray:
    """:func:`adjust_p` applied separately to each family (rows with equal ``family`` codes).

    Examples
    --------
    >>> adjust_within(np.array([0.01, 0.04, 0.02]), np.array([0, 0, 1]), "holm").tolist()
    [0.02, 0.04, 0.02]
    """
    p = np.asarray(p_values, dtype="float64")
    out = np.full(p.shape, np.nan)
    for code in np.unique(family):
        rows = family == code
        out[rows] = adjust_p(p[rows], method)
    return out


def t_inference(
    estimate: np.ndarray, se: np.ndarray, df: np.ndarray, confidence: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Two-sided t interval ``estimate ± t_{(1+confidence)/2, df} · se`` and p-value.

    A zero ``se`` gives a zero-width interval and p = 0 (NaN for a zero estimate), as
    scipy's t-tests do; NaN ``se`` or ``df`` give NaN.

    Examples
    --------
    >>> low, high, p = t_inference(np.array([-10.0]), np.array([5.7735]), np.array([2.0]), 0.95)
    >>> round(float(low[0]), 2), round(float(high[0]), 2), round(float(p[0]), 3)
    (-34.84, 14.84, 0.225)
    """
    from mot.distributions import t_ppf, t_sf  # here: the event-log path imports no scipy

    with np.errstate(divide="ignore", invalid="ignore"):
        half = np.where(se == 0, 0.0, t_ppf((1 + confidence) / 2, df) * se)
        p = 2 * t_sf(np.abs(estimate / se), df)
    p = np.where(se == 0, np.where(estimate != 0, 0.0, np.nan), p)
    return estimate - half, estimate + half, p


def pair_correlation(n_c: np.ndarray, var_1: np.ndarray, var_2: np.ndarray, var_d: np.ndarray):
    """Pearson r of the paired observations from their variances and the differences' variance.

    ``cov = (var_1 + var_2 − var_d) / 2`` and ``r = cov / √(var_1 var_2)``, clipped to
    [−1, 1]. r is 0 where it cannot be estimated: fewer than two pairs, or one side of the
    pairs constant (what R's ``Partover.test`` does in the constant case).

    Examples
    --------
    Pairs (1, 2), (2, 4), (3, 5): variances 1 and 2.3333, differences 1, 2, 2 with variance
    0.3333, so cov = (1 + 2.3333 − 0.3333) / 2 = 1.5 and r = 1.5 / √2.3333 = 0.982:

    >>> r = pair_correlation(np.array([3]), np.array([1.0]), np.array([7 / 3]), np.array([1 / 3]))
    >>> round(float(r[0]), 3)
    0.982
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        r = (var_1 + var_2 - var_d) / (2 * np.sqrt(var_1 * var_2))
    usable = (n_c >= 2) & (var_1 > 0) & (var_2 > 0) & ~np.isnan(r)
    return np.where(usable, np.clip(r, -1.0, 1.0), 0.0)


def overlap_t(
    n_1: np.ndarray,
    var_1: np.ndarray,
    n_2: np.ndarray,
    var_2: np.ndarray,
    n_c: np.ndarray,
    r: np.ndarray,
    *,
    equal_var: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Standard error and degrees of freedom of the partially overlapping samples t-test.

    Sample 1 has ``n_1`` observations with variance ``var_1`` (ddof=1, over all of them),
    sample 2 ``n_2`` and ``var_2``; ``n_c`` of them are pairs with correlation ``r``;
    ``n_a = n_1 − n_c`` and ``n_b = n_2 − n_c`` are unpaired. Derrick, Russ, Toher & White
    (2017), as R's ``Partiallyoverlapping::Partover.test``:

    - ``equal_var=False`` (T_new2): ``se² = S₁²/n₁ + S₂²/n₂ − 2 r S₁ S₂ n_c / (n₁ n₂)``,
      ``df = (n_c − 1) + (γ − n_c + 1)(n_a + n_b) / (n_a + n_b + 2 n_c)`` with γ Welch's
      degrees of freedom.
    - ``equal_var=True`` (T_new1): ``se = S_p √(1/n₁ + 1/n₂ − 2 r n_c / (n₁ n₂))`` with the
      pooled ``S_p² = ((n₁ − 1) S₁² + (n₂ − 1) S₂²) / (n₁ + n₂ − 2)``,
      ``df = (n_c − 1) + (n_a + n_b + n_c − 1)(n_a + n_b) / (n_a + n_b + 2 n_c)``.

    Without pairs (``n_c = 0``) these are Welch's and Student's independent-samples t-tests;
    the caller runs the paired t-test itself when every observation is paired.

    Examples
    --------
    Eight unpaired and eight paired observations per sample (the example of Derrick, Toher &
    White 2017): the pooled form has df = 7 + (23 / 32) · 16 = 18.5.

    >>> se, df = overlap_t(np.array([16]), np.array([9.0]), np.array([16]), np.array([8.0]),
    ...                    np.array([8]), np.array([0.5]), equal_var=True)
    >>> float(df[0])
    18.5
    """
    n_a, n_b = n_1 - n_c, n_2 - n_c
    unpaired = n_a + n_b
    with np.errstate(divide="ignore", invalid="ignore"):
        overlap = 2 * r * n_c / (n_1 * n_2)
        if equal_var:
            pooled = ((n_1 - 1) * var_1 + (n_2 - 1) * var_2) / (n_1 + n_2 - 2)
            se = np.sqrt(pooled * np.maximum(1 / n_1 + 1 / n_2 - overlap, 0.0))
            df = (n_c - 1) + (unpaired + n_c - 1) * unpaired / (unpaired + 2 * n_c)
        else:
            part_1, part_2 = var_1 / n_1, var_2 / n_2
            welch = (part_1 + part_2) ** 2 / (part_1**2 / (n_1 - 1) + part_2**2 / (n_2 - 1))
            covariance = overlap * np.sqrt(var_1 * var_2)
            se = np.sqrt(np.maximum(part_1 + part_2 - covariance, 0.0))
            df = np.where(
                n_c == 0, welch, (n_c - 1) + (welch - n_c + 1) * unpaired / (unpaired + 2 * n_c)
            )
    return se, df
