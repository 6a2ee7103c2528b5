"""Per-respondent summaries of the curve array (private: shared by curves and memory).

Each works on the touchpoint × respondent array of :mod:`mot._curve_matrix` (NaN = no
curve value) and returns one value per respondent (column), vectorised over respondents:
the only loops run over the touchpoints, a handful.
"""

from __future__ import annotations

import numpy as np

from mot._curve_matrix import Curves, end_of, first_at, first_true


def extreme(values: np.ndarray, function: np.ufunc) -> tuple[np.ndarray, np.ndarray]:
    """Highest (``np.fmax``) or lowest (``np.fmin``) point per respondent and where it is.

    NaN and -1 for a respondent without points; ties go to the earliest touchpoint.
    """
    found = function.reduce(values, axis=0, initial=np.nan)  # fmax/fmin skip NaN
    return found, first_at(values, found)


def most_intense(values: np.ndarray) -> np.ndarray:
    """The most intense point per respondent: the largest absolute value, sign kept.

    The highest or the lowest point, whichever is farther from 0; when they are equally far
    (+x and −x) the earlier of the two. NaN for a respondent without points.
    """
    high = np.fmax.reduce(values, axis=0, initial=np.nan)  # fmax/fmin skip NaN
    low = np.fmin.reduce(values, axis=0, initial=np.nan)
    intense = np.where(np.abs(low) > np.abs(high), low, high)
    tie = np.flatnonzero((np.abs(low) == np.abs(high)) & (low != high))  # both +x and −x
    if tie.size:  # the earlier of the two wins
        columns = values[:, tie]
        low_first = first_at(columns, low[tie]) < first_at(columns, high[tie])
        intense[tie[low_first]] = low[tie[low_first]]
    return intense


def area_and_duration(rated: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Trapezoid area under each respondent's curve over journey positions, and its duration.

    The area is ``Σ (x_k − x_p)(y_k + y_p)/2`` over consecutive rated points (p before k,
    a skipped touchpoint bridged by a straight line), as ``numpy.trapezoid(y, x)``: 0 with
    one point, NaN with none. The duration is the number of touchpoints from the first rated
    to the last rated, both included (0 with none).
    """
    n_tp, n = values.shape
    area = np.zeros(n)
    previous = np.full(n, -1, dtype=np.intp)  # last rated touchpoint so far
    last_value = np.zeros(n)
    for k in range(n_tp):  # one pass over the touchpoints, vectorised over respondents
        here = rated[k]
        step = here & (previous >= 0)
        area[step] += (k - previous[step]) * (values[k, step] + last_value[step]) / 2
        previous[here], last_value[here] = k, values[k, here]
    first = first_true(rated)
    duration = np.where(first >= 0, previous - first + 1, 0)
    area[first < 0] = np.nan
    return area, duration


def _counts(values: np.ndarray, rated: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Values with 0 for NaN, and the number of points and their sum per respondent."""
    filled = np.where(rated, values, 0.0)
    return filled, np.add.reduce(rated, axis=0, dtype=np.int64), filled.sum(axis=0)


def _slope(
    filled: np.ndarray, rated: np.ndarray, n_points: np.ndarray, total: np.ndarray
) -> np.ndarray:
    """OLS slope of value on journey position per respondent; NaN below two points.

    Closed form over the rated points: ``S_xy / S_xx`` with ``S_xy = Σxy − Σx·Σy/n`` and
    ``S_xx = Σx² − (Σx)²/n``.
    """
    position = np.arange(filled.shape[0], dtype=np.float64)
    powers = np.stack([position, position**2], axis=1)
    sx, sxx = np.einsum("kc,kr->cr", powers, rated, dtype=np.float64, casting="unsafe")
    sxy = np.einsum("k,kr->r", position, filled)
    with np.errstate(invalid="ignore", divide="ignore"):
        slope = (sxy - sx * total / n_points) / (sxx - sx * sx / n_points)
    slope[n_points < 2] = np.nan
    return slope


def summaries(curves: Curves) -> dict[str, np.ndarray]:
    """Every per-respondent summary of :func:`respondent_curves`, over all respondent codes."""
    values, rated = curves.values, curves.rated
    filled, n_points, total = _counts(values, rated)
    peak, peak_at = extreme(values, np.fmax)
    trough, trough_at = extreme(values, np.fmin)
    intense = most_intense(values)
    end, end_at = end_of(values, rated)
    area, duration = area_and_duration(rated, values)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / n_points
    return {
        "n_points": n_points,
        "complete": curves.complete(),
        "duration": duration,
        "area": area,
        "peak": peak,
        "peak_touchpoint": peak_at,
        "trough": trough,
        "trough_touchpoint": trough_at,
        "most_intense": intense,
        "most_intense_touchpoint": first_at(values, intense),
        "end": end,
        "end_touchpoint": end_at,
        "peak_end": (intense + end) / 2,
        "mean": mean,
        "slope": _slope(filled, rated, n_points, total),
    }
