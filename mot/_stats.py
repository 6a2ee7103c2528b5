"""Statistical helpers several analysis modules share (private: not part of the API).

The confidence-level check every function with a ``confidence`` argument runs, the flagged cut
of an interval at the ends of its scale, one-pass group statistics over integer keys and the
Student t-interval of a mean.
"""

from __future__ import annotations

import numbers

import numpy as np

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
