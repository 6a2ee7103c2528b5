"""The emotional curve of the journey: its shape, its peaks and troughs, and each respondent's.

Each respondent's curve is read from their ``emotion`` ratings (−100..+100, 0 = neutral)
when they gave at least one; a respondent without any emotion rating falls back on their
experienced utility centred on the scale midpoint, ``2 · (value − 50)``, which puts it on
the same −100..+100 scale. The choice is made per respondent (never for the whole dataset)
and reported: per respondent in :func:`respondent_curves`' ``source``, counted by
:func:`curve_sources`, and per touchpoint in :func:`emotion_curve`'s ``source``
(``"emotion"``, ``"experienced"`` or ``"mixed"``).

Three words mean three things everywhere: the **peak** is a curve's highest value, the
**trough** its lowest, and the **most intense** point the one farthest from neutral (largest
absolute value, sign kept). The peak-end rule (:func:`mot.memory.peak_end`) uses the most
intense point.

Every function works on one dense touchpoint × respondent array built from category codes
(NaN where a respondent has no curve value), with vectorised numpy: no loop over
respondents. Peaks and troughs of the mean curve follow :func:`scipy.signal.find_peaks`.
"""

from __future__ import annotations

import itertools
import numbers

import numpy as np
import pandas as pd

from mot._codes import per_respondent, segment_codes, segment_count
from mot._curve_matrix import CURVE_SOURCES, NO_SOURCE, SCALE, Curves, curves_of
from mot._curve_summaries import extreme, summaries
from mot._frames import constant_text, labelled, text
from mot._stats import clip_interval, t_interval, validate_confidence
from mot.errors import MotError
from mot.messages import Message
from mot.tidy import as_ratings

CURVE_COLUMNS: tuple[str, ...] = (
    "touchpoint",
    "position",
    "n",
    "mean",
    "sd",
    "ci_low",
    "ci_high",
    "ci_clipped",
    "source",
)
"""Columns of :func:`emotion_curve` (after the segment column, when ``by`` is given)."""

EXTREME_COLUMNS: tuple[str, ...] = (
    "touchpoint",
    "position",
    "kind",
    "mean",
    "prominence",
    "global_only",
)
"""Columns of :func:`curve_extremes` (after any segment column)."""

RESPONDENT_COLUMNS: tuple[str, ...] = (
    "respondent_id",
    "n_points",
    "complete",
    "duration",
    "area",
    "peak",
    "peak_touchpoint",
    "trough",
    "trough_touchpoint",
    "most_intense",
    "most_intense_touchpoint",
    "end",
    "end_touchpoint",
    "peak_end",
    "mean",
    "slope",
    "source",
)
"""Columns of :func:`respondent_curves`."""

LOCATION_COLUMNS: tuple[str, ...] = (
    "touchpoint",
    "position",
    "n_respondents",
    "peak_share",
    "trough_share",
)
"""Columns of :func:`extreme_locations` (after the segment column, when ``by`` is given)."""

SOURCE_COLUMNS: tuple[str, ...] = ("source", "n_respondents", "share")
"""Columns of :func:`curve_sources`."""

DURATION_COLUMNS: tuple[str, ...] = ("duration", "n_respondents", "area", "peak_end", "mean")
"""Columns of :func:`duration_summary`."""


def _touchpoint_stats(
    values: np.ndarray, rated: np.ndarray, segment: np.ndarray | None, n_segments: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Count, mean and sd (ddof=1) per segment × touchpoint, flattened segment-major.

    Respondents (columns) are put in segment order once; then every sum is one
    :func:`numpy.add.reduceat` along the rows. Missing segments (-1) are left out. The sd
    takes two passes (deviations from the mean), so equal values give exactly 0.
    """
    n_tp = values.shape[0]
    n = np.zeros((n_segments, n_tp), dtype=np.int64)
    mean = np.full((n_segments, n_tp), np.nan)
    sd = np.full((n_segments, n_tp), np.nan)
    if segment is None:
        segments, starts = np.zeros(1, np.intp), np.zeros(1, np.intp)
    else:
        kept = np.flatnonzero(segment >= 0)
        order = kept[np.argsort(segment[kept], kind="stable")]
        values, rated = values[:, order], rated[:, order]
        segments, starts = np.unique(segment[order], return_index=True)
    if values.size == 0:
        return n.ravel(), mean.ravel(), sd.ravel()
    counts = np.add.reduceat(rated, starts, axis=1, dtype=np.int64)
    work = np.where(rated, values, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.add.reduceat(work, starts, axis=1) / counts
        widths = np.diff(np.append(starts, values.shape[1]))
        # In place on one buffer: (value − its segment's mean)², then 0 where not rated.
        np.subtract(work, means if starts.size == 1 else np.repeat(means, widths, 1), out=work)
        np.multiply(work, work, out=work)
        np.copyto(work, 0.0, where=~rated)
        sds = np.sqrt(np.add.reduceat(work, starts, axis=1) / (counts - 1))
    sds[counts < 2] = np.nan
    n[segments], mean[segments], sd[segments] = counts.T, means.T, sds.T
    return n.ravel(), mean.ravel(), sd.ravel()


# --------------------------------------------------------------------------------------------
# emotion_curve
# --------------------------------------------------------------------------------------------


def emotion_curve(
    ratings: pd.DataFrame, *, by: str | None = None, confidence: float = 0.95
) -> pd.DataFrame:
    """Mean emotional curve along the journey, with a t-interval at each touchpoint.

    Each respondent's points come from their emotion ratings, or from their centred
    experienced utility ``2 · (value − 50)`` when they gave no emotion rating at all (see
    :mod:`mot.curves`). The t-interval ``mean ± t_{(1+confidence)/2, n−1} · sd/√n`` is cut
    at the scale's ends, −100 and +100, and a cut interval is flagged in ``ci_clipped``.

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings (``docs/ARCHITECTURE.md``) with emotion ratings (−100..+100) and/or
        experienced ratings (0–100, turned into ``2 · (value − 50)``).
    by : str, optional
        A segment column already in ``ratings`` (see :func:`mot.tidy.with_segment`).
        Respondents whose segment is missing are left out; their number is in
        ``result.attrs["n_missing_segment"]``.
    confidence : float, default 0.95
        Coverage of the interval.

    Returns
    -------
    DataFrame
        One row per (segment and) touchpoint with at least one rating, sorted by segment
        (category order) then journey order:

        - ``by`` (when given): the segment (category).
        - ``touchpoint``: touchpoint id (ordered category, journey order).
        - ``position``: 0-based position of the touchpoint in the journey.
        - ``n``: respondents who rated the touchpoint.
        - ``mean``: mean of the curve (−100..+100).
        - ``sd``: standard deviation (ddof=1); NaN when ``n < 2``.
        - ``ci_low``, ``ci_high``: t-interval of the mean, within −100..+100; NaN when
          ``n < 2``.
        - ``ci_clipped``: True when the t-interval reached past −100 or +100 and was cut at
          the scale's end (small ``n`` or a wide spread); False otherwise.
        - ``source``: the measure of the points at this touchpoint: ``"emotion"``,
          ``"experienced"`` (respondents without emotion ratings) or ``"mixed"`` (both).

        NaN values are not counted. An empty ``ratings`` gives an empty table with these
        columns.

    Raises
    ------
    MissingMeasureError
        If ``ratings`` has rows but neither emotion nor experienced ratings.
    DuplicateRatingError
        If a respondent rated the curve's measure twice at one touchpoint (every analysis
        refuses repeated ratings; none averages them or keeps one silently).
    MotError
        If ``by`` is not a column, or ``confidence`` is not in (0, 1).

    References
    ----------
    Kahneman, D. (2000). Experienced utility and objective happiness: a moment-based
    approach. In D. Kahneman & A. Tversky (Eds.), *Choices, Values, and Frames*, 673–692.

    Examples
    --------
    Experienced 40, 60, 80 at ZMOT → curve −20, 20, 60: mean 20, sd 40,
    interval 20 ± 4.303 · 40/√3 = [−79.37, 119.37], cut at +100 and flagged. A respondent's
    emotion ratings would be used if they had any.

    >>> ratings = pd.DataFrame({"respondent_id": list("abc"), "touchpoint": "ZMOT",
    ...     "measure": "experienced", "value": [40.0, 60.0, 80.0]})
    >>> row = emotion_curve(ratings).iloc[0]
    >>> int(row["position"]), int(row["n"]), row["source"], bool(row["ci_clipped"])
    (0, 3, 'experienced', True)
    >>> [float(row[c]) for c in ("mean", "sd", "ci_low", "ci_high")]
    [20.0, 40.0, -79.37, 100.0]
    """
    validate_confidence(confidence)
    ratings = as_ratings(ratings)
    segment, segment_dtype = segment_codes(ratings, by)
    curves = curves_of(ratings, needed_for=Message("analysis.emotion_curve"))
    codes, n_tp = curves.codes, curves.codes.n_touchpoints
    respondent_segment = None if by is None else per_respondent(codes, segment)
    n_segments = segment_count(segment_dtype)
    n, mean, sd = _touchpoint_stats(curves.values, curves.rated, respondent_segment, n_segments)
    _, low, high = t_interval(n, mean, sd, confidence)
    low, high, clipped = clip_interval(low, high, *SCALE)
    g = np.flatnonzero(n > 0)
    segment_of, touchpoint_of = np.divmod(g, max(n_tp, 1))
    columns = labelled(segment_of, segment_dtype, by, touchpoint_of, codes.touchpoint_dtype)
    columns.update(position=touchpoint_of, n=n[g], mean=mean[g], sd=sd[g])
    columns.update(ci_low=low[g], ci_high=high[g], ci_clipped=clipped[g])
    columns["source"] = _point_sources(curves, respondent_segment, n_segments, n[g], g)
    result = pd.DataFrame(columns)
    if respondent_segment is not None:
        missing = curves.rated.any(axis=0) & (respondent_segment < 0)
        result.attrs["n_missing_segment"] = int(missing.sum())
    return result


# --------------------------------------------------------------------------------------------
# curve_extremes
# --------------------------------------------------------------------------------------------


def _validate_curve_extremes(curve: pd.DataFrame, prominence: float) -> None:
    missing = [c for c in ("touchpoint", "position", "mean") if c not in curve.columns]
    if missing:
        message = Message("curves.extremes_columns", missing=", ".join(missing))
        raise MotError(message)
    if isinstance(prominence, bool) or not (
        isinstance(prominence, numbers.Real) and np.isfinite(prominence) and prominence >= 0
    ):
        message = Message("curves.prominence", prominence=prominence)
        raise MotError(message)


def find_peaks(heights: np.ndarray, *, prominence: float) -> list[tuple[int, float]]:
    """Local maxima of a short curve with at least ``prominence``: ``(index, prominence)``.

    The rules of ``scipy.signal.find_peaks`` (which tests/mot/test_curves.py checks this
    against): a point higher than both neighbours is a peak, a flat top counts once at its
    middle, the ends are never peaks; a peak's prominence is its height above the higher of
    the two lowest points met on each side before higher ground or the end. Written out
    because importing ``scipy.signal`` costs a second at the dashboard's start, for curves of
    a dozen points.

    Examples
    --------
    >>> find_peaks(np.array([0.0, 3, 1, 5, 5, 2, 4, 0]), prominence=1.5)
    [(1, 2.0), (3, 5.0), (6, 2.0)]
    """
    x = np.asarray(heights, dtype=float)
    found = []
    i = 1
    while i < len(x) - 1:
        if x[i - 1] < x[i]:
            j = i
            while j + 1 < len(x) and x[j + 1] == x[i]:
                j += 1
            if j + 1 < len(x) and x[j + 1] < x[i]:
                peak = (i + j) // 2
                higher_left = np.flatnonzero(x[:i] > x[peak])
                higher_right = np.flatnonzero(x[j + 1 :] > x[peak])
                start = higher_left[-1] + 1 if higher_left.size else 0
                stop = j + 1 + higher_right[0] if higher_right.size else len(x)
                base = max(x[start : peak + 1].min(), x[peak:stop].min())
                if x[peak] - base >= prominence:
                    found.append((int(peak), float(x[peak] - base)))
            i = j + 1
        else:
            i += 1
    return found


def _extremes_of(mean: np.ndarray, prominence: float) -> list[tuple[int, int, float, bool]]:
    """Peaks (kind 0) and troughs (kind 1) of one curve in journey order, without NaN.

    Returns ``(index, kind, prominence, global_only)`` tuples.
    """
    found_all = []
    for kind, heights in enumerate((mean, -mean)):
        # Pad with the curve's own lowest height: the first and last touchpoints can then be
        # extremes, and the highest point's prominence is the curve's range (not infinite).
        low = heights.min()
        found = find_peaks(np.concatenate(([low], heights, [low])), prominence=prominence)
        if found:
            found_all += [(i - 1, kind, p, False) for i, p in found]
        else:
            # None passes: report the global extreme (earliest on ties), flagged.
            found_all.append((int(heights.argmax()), kind, float(np.ptp(heights)), True))
    return found_all


def curve_extremes(curve: pd.DataFrame, *, prominence: float = 5.0) -> pd.DataFrame:
    """Peaks and troughs of a mean emotional curve.

    Peaks are found with :func:`scipy.signal.find_peaks` on the mean, troughs on −mean. Each
    group's curve is padded at both ends with its own lowest value (its highest, for troughs)
    so the first and last touchpoints can be extremes. This padding plays the part of −inf
    (+inf) in finding the peaks and their prominence, except that the highest peak's
    prominence is the curve's range ``max − min`` rather than infinite. A flat top (equal
    neighbouring means) counts once, at its middle touchpoint (the earlier of two), as
    ``find_peaks`` does. When no peak (trough) reaches ``prominence``, the global maximum
    (minimum) is still reported, earliest on ties, with ``global_only=True`` and prominence
    ``max − min``.

    Parameters
    ----------
    curve : DataFrame
        The output of :func:`emotion_curve`: at least ``touchpoint``, ``position`` and
        ``mean``. Columns before ``touchpoint`` (such as the ``by`` segment) define groups,
        each with its own curve.
    prominence : float, default 5.0
        Minimum prominence of an extreme, in curve points (−100..+100).

    Returns
    -------
    DataFrame
        One row per extreme, sorted by group (category order), position, then kind (peak
        before trough):

        - the group columns (when present).
        - ``touchpoint``: touchpoint id (dtype kept from ``curve``).
        - ``position``: 0-based position in the journey.
        - ``kind``: ``"peak"`` or ``"trough"``.
        - ``mean``: the curve's mean there.
        - ``prominence``: how far the extreme stands out from the curve around it.
        - ``global_only``: True when no extreme of this kind reached ``prominence`` and the
          row is the group's global maximum or minimum.

        Touchpoints whose mean is NaN are skipped (they cannot be extremes). An empty curve
        gives an empty table with these columns.

    Raises
    ------
    MotError
        If a required column is missing or ``prominence`` is negative or not finite.

    References
    ----------
    Fredrickson, B. L. & Kahneman, D. (1993). Duration neglect in retrospective evaluations
    of affective episodes. *Journal of Personality and Social Psychology*, 65(1), 45–55.
    SciPy: ``scipy.signal.find_peaks`` and ``peak_prominences`` (topographic prominence).

    Examples
    --------
    Means 0, 30, −10, 20. Peaks: 30 (prominence = range 30 − (−10) = 40) and 20 (it must
    drop to −10 to reach the higher 30: 30). Troughs: −10 (range, 40) and the first point, 0
    (it must rise to 30 to reach the lower −10: 30).

    >>> curve = pd.DataFrame({"touchpoint": ["ZMOT", "FMOT", "SMOT", "TMOT"],
    ...                       "position": [0, 1, 2, 3], "mean": [0.0, 30.0, -10.0, 20.0]})
    >>> out = curve_extremes(curve)
    >>> out[["touchpoint", "kind", "prominence", "global_only"]].to_numpy().tolist()
    [['ZMOT', 'trough', 30.0, False], ['FMOT', 'peak', 40.0, False],
     ['SMOT', 'trough', 40.0, False], ['TMOT', 'peak', 30.0, False]]
    """
    _validate_curve_extremes(curve, prominence)
    groups = list(curve.columns[: curve.columns.get_loc("touchpoint")])
    data = curve.loc[curve["mean"].notna(), [*groups, *EXTREME_COLUMNS[:2], "mean"]]
    if groups:
        keys = data.groupby(groups, observed=True, sort=True, dropna=False)
        group = keys.ngroup().to_numpy()
    else:
        group = np.zeros(len(data), dtype=np.intp)
    order = np.lexsort((data["position"].to_numpy(), group))
    mean = data["mean"].to_numpy(dtype=np.float64)[order]
    bounds = np.flatnonzero(np.diff(group[order], prepend=-1, append=-1))
    rows, kinds, prominences, flags = [], [], [], []
    for start, stop in itertools.pairwise(bounds):
        for i, kind, height, flag in _extremes_of(mean[start:stop], prominence):
            rows.append(order[start + i])
            kinds.append(kind)
            prominences.append(height)
            flags.append(flag)
    rows, kinds = np.asarray(rows, dtype=np.intp), np.asarray(kinds, dtype=np.intp)
    # Sort by group, position, then kind (peak before trough).
    final = np.lexsort((kinds, data["position"].to_numpy()[rows], group[rows]))
    out = data.iloc[rows[final]].reset_index(drop=True)
    out.insert(len(groups) + 2, "kind", text(np.array(["peak", "trough"])[kinds[final]]))
    out["prominence"] = np.asarray(prominences, dtype=np.float64)[final]
    out["global_only"] = np.asarray(flags, dtype=bool)[final]
    return out


# --------------------------------------------------------------------------------------------
# respondent_curves and extreme_locations
# --------------------------------------------------------------------------------------------


def respondent_curves(ratings: pd.DataFrame) -> pd.DataFrame:
    """Summarise each respondent's own curve: extremes, end, area, duration, level and trend.

    The **peak** is the respondent's highest value, the **trough** the lowest and the
    **most intense** point the one farthest from neutral (largest ``|value|``, sign kept);
    ``peak_end = (most_intense + end) / 2`` is the peak-end average that
    :func:`mot.memory.peak_end` correlates with memory. The **area** is the trapezoid
    integral of the curve over journey positions (one unit per touchpoint; a skipped
    touchpoint bridged by a straight line), ``Σ (x_k − x_p)(y_k + y_p)/2``: the total feeling
    lived through, negative for a mostly unpleasant curve. The **duration** is the number of
    touchpoints from the first rated to the last rated (the survey carries no clock time).
    Duration neglect shows as a longer curve with more area but an unchanged or better
    peak-end average (the cold-hand study, Kahneman et al. 1993).

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings (``docs/ARCHITECTURE.md``) with emotion ratings (−100..+100) and/or
        experienced ratings (0–100, turned into ``2 · (value − 50)`` for respondents without
        any emotion rating).

    Returns
    -------
    DataFrame
        One row per respondent in ``ratings``, sorted by ``respondent_id`` (category order).
        A respondent with ratings but no curve point keeps a row with ``n_points = 0``,
        ``source = "none"`` and NaN (missing) summaries, so nobody disappears silently.

        - ``respondent_id``: respondent (category).
        - ``n_points``: touchpoints with a curve value.
        - ``complete``: True when the curve has a value at every touchpoint where the
          respondent's source measure was asked (rated by anyone): the respondents
          :func:`mot.memory.peak_end` compares.
        - ``duration``: touchpoints from the first to the last curve value, both included
          (0 without a point).
        - ``area``: trapezoid area under the curve (points × touchpoints); 0 with one point.
        - ``peak``, ``peak_touchpoint``: highest value and where it is.
        - ``trough``, ``trough_touchpoint``: lowest value and where it is.
        - ``most_intense``, ``most_intense_touchpoint``: the value farthest from 0 (sign
          kept) and where it is; between an equally far +x and −x, the earlier.
        - ``end``, ``end_touchpoint``: value at the last rated touchpoint in journey order.
        - ``peak_end``: ``(most_intense + end) / 2``.
        - ``mean``: mean of the respondent's points.
        - ``slope``: OLS slope of value on journey position (points per touchpoint); NaN with
          fewer than two points.
        - ``source``: ``"emotion"``, ``"experienced"`` (no emotion rating: centred
          experienced utility) or ``"none"`` (neither).

        Ties for the peak, trough or most intense point go to the earliest touchpoint. The
        touchpoint columns are ordered categories in journey order. An empty ``ratings``
        gives an empty table with these columns.

    Raises
    ------
    MissingMeasureError
        If ``ratings`` has rows but neither emotion nor experienced ratings.
    DuplicateRatingError
        If a respondent rated the curve's measure twice at one touchpoint (every analysis
        refuses repeated ratings; none averages them or keeps one silently).

    References
    ----------
    Kahneman, D., Fredrickson, B. L., Schreiber, C. A. & Redelmeier, D. A. (1993). When
    more pain is preferred to less: adding a better end. *Psychological Science*, 4(6),
    401–405.
    Ariely, D. (1998). Combining experiences over time: the effects of duration, intensity
    changes and on-line measurements on retrospective pain evaluations. *Journal of
    Behavioral Decision Making*, 11(1), 19–45 (trend of the profile).

    Examples
    --------
    Emotion −20, 0, 40 over three touchpoints: peak (and most intense point) 40 at the end,
    trough −20 at the start, peak-end (40 + 40)/2 = 40, mean 20/3 = 6.67, area
    (−20 + 0)/2 + (0 + 40)/2 = 10 over a duration of 3 touchpoints, slope:
    Sxy = 80 − 3 · 20/3 = 60 over Sxx = 5 − 3 = 2 → 30 per step.

    >>> ratings = pd.DataFrame({"respondent_id": "a", "touchpoint": ["ZMOT", "FMOT", "SMOT"],
    ...     "measure": "emotion", "value": [-20.0, 0.0, 40.0]})
    >>> row = respondent_curves(ratings).iloc[0]
    >>> row["peak_touchpoint"], row["trough_touchpoint"], row["end_touchpoint"]
    ('SMOT', 'ZMOT', 'SMOT')
    >>> [float(row[c]) for c in ("peak", "trough", "most_intense", "end", "peak_end")]
    [40.0, -20.0, 40.0, 40.0, 40.0]
    >>> [float(row[c]) for c in ("mean", "slope", "area")], int(row["duration"])
    ([6.67, 30.0, 10.0], 3)
    """
    ratings = as_ratings(ratings)
    curves = curves_of(ratings, needed_for=Message("analysis.respondent_curves"))
    columns = summaries(curves)
    keep = np.flatnonzero(curves.present)
    every = keep.size == curves.values.shape[1]
    out = {"respondent_id": pd.Categorical.from_codes(keep, categories=curves.codes.respondents)}
    for name, column in columns.items():
        column = column if every else column[keep]
        if name.endswith("_touchpoint"):
            column = pd.Categorical.from_codes(column, dtype=curves.codes.touchpoint_dtype)
        out[name] = column
    sources = curves.source_names()
    out["source"] = text(sources if every else sources[keep])
    return pd.DataFrame(out)


def curve_sources(ratings: pd.DataFrame) -> pd.DataFrame:
    """How many respondents' curves come from emotion, from experienced utility, or neither.

    A respondent's curve is read from their emotion ratings when they gave at least one,
    else from their experienced utility centred on the midpoint, ``2 · (value − 50)``; a
    respondent with neither has no curve (see :mod:`mot.curves`).

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings (``docs/ARCHITECTURE.md``).

    Returns
    -------
    DataFrame
        Three rows, always in this order: ``source`` ``"emotion"``, ``"experienced"``,
        ``"none"``; ``n_respondents`` (respondents in ``ratings`` with that source) and
        ``share`` (of all of them; NaN when there are none).

    Raises
    ------
    MissingMeasureError
        If ``ratings`` has rows but neither emotion nor experienced ratings.

    Examples
    --------
    a rated emotion; b only experienced utility; c only anticipated utility.

    >>> ratings = pd.DataFrame({"respondent_id": list("abc"), "touchpoint": "ZMOT",
    ...     "measure": ["emotion", "experienced", "anticipated"], "value": [20.0, 80, 50]})
    >>> curve_sources(ratings)["n_respondents"].tolist()
    [1, 1, 1]
    """
    ratings = as_ratings(ratings)
    curves = curves_of(ratings, needed_for=Message("analysis.respondent_curves"))
    source = curves.source[curves.present]
    none = len(CURVE_SOURCES)  # the last row
    counts = np.bincount(np.where(source < 0, none, source), minlength=none + 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = counts / counts.sum()
    names = text(np.array([*CURVE_SOURCES, NO_SOURCE]))
    return pd.DataFrame({"source": names, "n_respondents": counts, "share": share})


def duration_summary(ratings: pd.DataFrame) -> pd.DataFrame:
    """Respondents by the duration of their curve: mean area, peak-end average and level.

    Duration neglect (Fredrickson & Kahneman 1993): memory follows the most intense moment
    and the end, not how long an episode lasted. Grouping respondents by the duration of
    their curve (touchpoints from the first to the last rated, see
    :func:`respondent_curves`) sets what grows with duration, the area under the curve,
    beside what memory keeps, the peak-end average. In the cold-hand study (Kahneman et al.
    1993) the longer trial added a milder end: more total pain (area), a milder peak-end,
    and most people chose to repeat it.

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings with emotion and/or experienced ratings (as :func:`respondent_curves`).

    Returns
    -------
    DataFrame
        One row per duration held by at least one respondent, shortest first:

        - ``duration``: touchpoints from the first to the last curve value.
        - ``n_respondents``: respondents with that duration.
        - ``area``: their mean trapezoid area under the curve.
        - ``peak_end``: their mean peak-end average, ``(most_intense + end) / 2``.
        - ``mean``: their mean curve level (mean of each curve's points).

        Respondents without a curve point are not counted. An empty ``ratings`` gives an
        empty table with these columns.

    Raises
    ------
    MissingMeasureError
        If ``ratings`` has rows but neither emotion nor experienced ratings.
    MotError
        If a respondent rated the measure twice at one touchpoint.

    References
    ----------
    Fredrickson, B. L. & Kahneman, D. (1993). Duration neglect in retrospective evaluations
    of affective episodes. *Journal of Personality and Social Psychology*, 65(1), 45–55.
    Kahneman, D., Fredrickson, B. L., Schreiber, C. A. & Redelmeier, D. A. (1993).
    *Psychological Science*, 4(6), 401–405.

    Examples
    --------
    A short unpleasant episode (−70, −80, −80) and a long one that adds a milder end
    (−70, −80, −80, −50): the long one has more negative area (−155 − 65 = −220 against
    −155) and a milder peak-end average ((−80 − 50)/2 = −65 against −80).

    >>> ratings = pd.DataFrame({"respondent_id": list("sssllll"),
    ...     "touchpoint": ["ZMOT", "FMOT", "SMOT", "ZMOT", "FMOT", "SMOT", "TMOT"],
    ...     "measure": "emotion", "value": [-70.0, -80, -80, -70, -80, -80, -50]})
    >>> duration_summary(ratings)[["duration", "area", "peak_end"]].to_numpy().tolist()
    [[3.0, -155.0, -80.0], [4.0, -220.0, -65.0]]
    """
    ratings = as_ratings(ratings)
    curves = curves_of(ratings, needed_for=Message("analysis.respondent_curves"))
    columns = summaries(curves)
    duration = columns["duration"]
    counted = duration > 0
    groups, code = np.unique(duration[counted], return_inverse=True)
    n = np.bincount(code, minlength=groups.size)
    out = {"duration": groups.astype(np.int64), "n_respondents": n}
    for name in DURATION_COLUMNS[2:]:
        out[name] = np.bincount(code, weights=columns[name][counted], minlength=groups.size) / n
    return pd.DataFrame(out)


def extreme_locations(ratings: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """Where along the journey respondents' own peaks and troughs fall.

    Each respondent's peak is their highest curve value and their trough their lowest
    (earliest touchpoint on ties), as in :func:`respondent_curves`.

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings (``docs/ARCHITECTURE.md``) with emotion ratings (−100..+100) and/or
        experienced ratings (0–100, turned into ``2 · (value − 50)`` for respondents without
        any emotion rating).
    by : str, optional
        A segment column already in ``ratings`` (see :func:`mot.tidy.with_segment`).
        Respondents whose segment is missing are left out; their number is in
        ``result.attrs["n_missing_segment"]``.

    Returns
    -------
    DataFrame
        One row per (segment and) touchpoint rated by at least one respondent of the group,
        sorted by segment (category order) then journey order:

        - ``by`` (when given): the segment (category).
        - ``touchpoint``: touchpoint id (ordered category, journey order).
        - ``position``: 0-based position in the journey.
        - ``n_respondents``: respondents of the group with a curve (the shares' denominator).
        - ``peak_share``: share of them whose peak is at this touchpoint.
        - ``trough_share``: share of them whose trough is at this touchpoint.

        Within a group each share column sums to 1. Respondents without a curve point are
        not counted. An empty ``ratings`` gives an empty table with these columns.

    Raises
    ------
    MissingMeasureError
        If ``ratings`` has rows but neither emotion nor experienced ratings.
    DuplicateRatingError
        If a respondent rated the curve's measure twice at one touchpoint (every analysis
        refuses repeated ratings; none averages them or keeps one silently).
    MotError
        If ``by`` is not a column.

    References
    ----------
    Fredrickson, B. L. (2000). Extracting meaning from past affective experiences: the
    importance of peaks, ends, and specific emotions. *Cognition and Emotion*, 14(4),
    577–606.

    Examples
    --------
    Two respondents: a peaks at SMOT and dips at ZMOT; b peaks at ZMOT and dips at SMOT.

    >>> ratings = pd.DataFrame({"respondent_id": list("aaabbb"),
    ...     "touchpoint": ["ZMOT", "FMOT", "SMOT"] * 2, "measure": "emotion",
    ...     "value": [-20.0, 0.0, 40.0, 50.0, 10.0, -30.0]})
    >>> extreme_locations(ratings)[["peak_share", "trough_share"]].to_numpy().tolist()
    [[0.5, 0.5], [0.0, 0.0], [0.5, 0.5]]
    """
    ratings = as_ratings(ratings)
    segment, segment_dtype = segment_codes(ratings, by)
    curves = curves_of(ratings, needed_for=Message("analysis.extreme_locations"))
    codes, values = curves.codes, curves.values
    n_tp, n_segments = codes.n_touchpoints, segment_count(segment_dtype)
    _, peak_at = extreme(values, np.fmax)
    _, trough_at = extreme(values, np.fmin)
    respondent_segment = per_respondent(codes, segment)
    counted = (peak_at >= 0) & (respondent_segment >= 0)  # a curve point and a segment
    seg = respondent_segment[counted]
    n_groups = n_segments * n_tp
    per_segment = np.bincount(seg, minlength=n_segments)
    peaks = np.bincount(seg * n_tp + peak_at[counted], minlength=n_groups)
    troughs = np.bincount(seg * n_tp + trough_at[counted], minlength=n_groups)
    g = np.flatnonzero(_observed(curves.rated, respondent_segment, n_segments))
    segment_of, touchpoint_of = np.divmod(g, max(n_tp, 1))
    columns = labelled(segment_of, segment_dtype, by, touchpoint_of, codes.touchpoint_dtype)
    n_respondents = per_segment[segment_of]
    columns.update(position=touchpoint_of, n_respondents=n_respondents)
    columns.update(peak_share=peaks[g] / n_respondents, trough_share=troughs[g] / n_respondents)
    result = pd.DataFrame(columns)
    if by is not None:
        missing = (peak_at >= 0) & (respondent_segment < 0)
        result.attrs["n_missing_segment"] = int(missing.sum())
    return result


def _segment_counts(mask: np.ndarray, segment: np.ndarray, n_segments: int) -> np.ndarray:
    """Respondents of each segment where ``mask`` holds, per touchpoint, flat segment-major."""
    known = segment >= 0
    if n_segments == 1 and known.all():
        return np.add.reduce(mask, axis=1, dtype=np.int64)
    counts = [np.bincount(segment[mask[k] & known], minlength=n_segments) for k in range(len(mask))]
    return np.reshape(counts, (len(mask), n_segments)).T.ravel()


def _observed(rated: np.ndarray, segment: np.ndarray, n_segments: int) -> np.ndarray:
    """Whether any respondent of each segment rated each touchpoint, flat segment-major."""
    return _segment_counts(rated, segment, n_segments) > 0


def _point_sources(
    curves: Curves, segment: np.ndarray | None, n_segments: int, n: np.ndarray, groups: np.ndarray
) -> pd.api.extensions.ExtensionArray:
    """``"emotion"``, ``"experienced"`` or ``"mixed"``: where each group's points come from."""
    fallback = curves.source == CURVE_SOURCES.index("experienced")
    if not fallback.any():
        return constant_text(CURVE_SOURCES[0], groups.size)
    if segment is None:
        segment = np.zeros(curves.values.shape[1], dtype=np.intp)
    from_experienced = _segment_counts(curves.rated & fallback, segment, n_segments)[groups]
    names = np.array([*CURVE_SOURCES, "mixed"], dtype=object)
    return text(names[np.where(from_experienced == 0, 0, np.where(from_experienced == n, 1, 2))])


def sample_curves(ratings: pd.DataFrame, *, n: int = 50, seed: int = 0) -> pd.DataFrame:
    """The curves of a random sample of respondents, to draw behind the mean curve.

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings with emotion and/or experienced ratings (as :func:`emotion_curve`: each
        respondent's curve from their emotion ratings, else their centred experienced
        utility).
    n : int, default 50
        Respondents to draw among those with a curve point (all of them when fewer).
    seed : int, default 0
        Seed of the draw (``numpy.random.default_rng``).

    Returns
    -------
    DataFrame
        ``respondent_id, touchpoint, position, value, source`` in respondent then journey
        order; values on −100..+100 as in :func:`emotion_curve`, ``source`` the
        respondent's (``"emotion"`` or ``"experienced"``).

    Examples
    --------
    >>> ratings = pd.DataFrame({"respondent_id": ["a", "a", "b"], "touchpoint": ["Z", "F", "Z"],
    ...                         "measure": "experienced", "value": [50.0, 100, 0]})
    >>> sample_curves(ratings, n=5)["value"].tolist()
    [0.0, 100.0, -100.0]
    """
    ratings = as_ratings(ratings)
    curves = curves_of(ratings, needed_for=Message("analysis.individual_curves"))
    candidates = np.flatnonzero(curves.rated.any(axis=0))
    rng = np.random.default_rng(seed)
    chosen = rng.choice(len(candidates), size=min(n, len(candidates)), replace=False)
    chosen = candidates[np.sort(chosen)]
    who, where = np.nonzero(curves.rated[:, chosen].T)  # respondent-major, journey order
    respondent = chosen[who]
    out = pd.DataFrame(
        {
            "respondent_id": np.asarray(curves.codes.respondents.astype(str))[respondent],
            "touchpoint": np.asarray(curves.codes.touchpoint_dtype.categories, dtype=object)[where],
            "position": where,
            "value": curves.values[where, respondent],
            "source": curves.source_names()[respondent],
        }
    )
    return out.sort_values(["respondent_id", "position"], kind="stable").reset_index(drop=True)
