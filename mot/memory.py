"""The peak-end rule: which summary of the lived curve predicts what customers remember.

Memory keeps snapshots, not films. Kahneman and colleagues found that the remembered rating
of an episode follows the average of its most intense moment and its end (the *peak-end*
average), while its duration is largely neglected. :func:`peak_end` tests this on a survey:
it correlates six summaries of each complete curve (see :mod:`mot.curves`) with a
remembered outcome, and tests whether the peak-end average predicts it better than each of
the others, the plain mean of the curve first.

Words as in :mod:`mot.curves`: the **peak** is the highest point, the **trough** the lowest,
the **most intense** point the one farthest from neutral; the peak-end average uses the most
intense point. The peak and the trough are also tried on their own, as the positive and the
negative peak of Verhoef, Antonides & de Hoog (2004).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from mot._curve_matrix import curves_of, end_of, source_word
from mot._curve_summaries import most_intense
from mot._stats import validate_confidence
from mot.errors import InsufficientDataError, MissingMeasureError, MotError
from mot.messages import Message
from mot.tidy import as_ratings

PREDICTORS: tuple[str, ...] = ("peak_end", "mean", "end", "most_intense", "peak", "trough")
"""Curve summaries tried as predictors of the remembered outcome, in table order."""

PREDICTOR_COLUMNS: tuple[str, ...] = (
    "predictor",
    "n",
    "r",
    "ci_low",
    "ci_high",
    "p_value",
    "r_with_peak_end",
    "t_vs_peak_end",
    "p_vs_peak_end",
)
"""Columns of :meth:`PeakEndResult.to_frame`."""

EXCLUSIONS: tuple[str, ...] = ("no_curve", "no_outcome", "incomplete")
"""Why a respondent is left out of :func:`peak_end`, in the order the reasons are checked."""

VERDICTS: tuple[str, ...] = ("peak_end", "mean", "no_difference")
"""Possible values of :attr:`PeakEndResult.verdict`."""

MIN_RESPONDENTS = 4
"""Fewest complete respondents for the analysis (the Fisher-z interval needs n > 3)."""


@dataclass(frozen=True)
class Correlation:
    """Pearson correlation of one curve summary with the outcome.

    ``r_with_peak_end`` is the summary's correlation with the peak-end average, and
    ``t_vs_peak_end``, ``p_vs_peak_end`` Williams' t (on ``n − 3`` df) and its two-sided
    p-value for ``r(outcome, peak_end) − r(outcome, this summary)``: positive t when the
    peak-end average predicts better. NaN on the peak-end row itself.
    """

    predictor: str
    n: int
    r: float
    ci_low: float
    ci_high: float
    p_value: float
    r_with_peak_end: float
    t_vs_peak_end: float
    p_vs_peak_end: float


@dataclass(frozen=True)
class DependentCorrelationTest:
    """Williams' t for ``r(outcome, peak_end)`` against ``r(outcome, mean)``.

    ``r_between`` is the correlation of the two predictors; ``difference`` is
    ``r_peak_end − r_mean``; ``p_value`` is two-sided and ``p_one_sided`` tests that the
    peak-end average predicts better (``r_peak_end > r_mean``).
    """

    r_peak_end: float
    r_mean: float
    r_between: float
    difference: float
    t: float
    df: int
    p_value: float
    p_one_sided: float


@dataclass(frozen=True)
class PeakEndResult:
    """Result of :func:`peak_end`.

    Attributes
    ----------
    predictors : tuple of Correlation
        One per curve summary, in the order of :data:`PREDICTORS`.
    comparison : DependentCorrelationTest
        Peak-end average against the mean of the curve.
    n : int
        Respondents with a complete curve and the outcome: the ones compared.
    n_excluded : int
        Respondents (in the ratings or the respondents table) left out:
        ``n_no_curve + n_no_outcome + n_incomplete``.
    n_no_curve : int
        Left out for having no curve point at all (no emotion nor experienced rating; also
        every row of the respondents table whose id has no ratings).
    n_no_outcome : int
        Left out for lacking the outcome (not answered, or no row in the respondents table).
    n_incomplete : int
        Left out because their curve misses a touchpoint of ``touchpoints`` (they have a
        curve and the outcome): their end would be another touchpoint and their mean an
        average over other touchpoints.
    touchpoints : tuple of str
        The touchpoints a complete curve covers: every touchpoint of the journey where the
        curve's measure was asked (rated by anyone), in journey order.
    verdict : str
        ``"peak_end"``, ``"mean"`` or ``"no_difference"``.
    outcome : str
        The outcome column.
    source : str
        The measure the compared curves are read from: ``"emotion"``, ``"experienced"``
        (nobody analysed rated emotion) or ``"mixed"`` (experienced utility for the
        respondents without any emotion rating).
    confidence : float
        Coverage of the correlation intervals; ``1 − confidence`` is the test's alpha.
    """

    predictors: tuple[Correlation, ...]
    comparison: DependentCorrelationTest
    n: int
    n_excluded: int
    n_no_curve: int
    n_no_outcome: int
    n_incomplete: int
    touchpoints: tuple[str, ...]
    verdict: str
    outcome: str
    source: str
    confidence: float

    def to_frame(self) -> pd.DataFrame:
        """The predictors table, one row per predictor in the order of :data:`PREDICTORS`.

        Returns
        -------
        DataFrame
            - ``predictor``: ``peak_end``, ``mean``, ``end``, ``most_intense``, ``peak``
              (highest point) or ``trough`` (lowest point).
            - ``n``: respondents compared (complete curve and outcome).
            - ``r``: Pearson correlation with the outcome (NaN if either is constant).
            - ``ci_low``, ``ci_high``: Fisher-z interval of r at ``confidence``.
            - ``p_value``: two-sided p-value of r.
            - ``r_with_peak_end``: correlation of the summary with the peak-end average.
            - ``t_vs_peak_end``, ``p_vs_peak_end``: Williams' t (``n − 3`` df) of
              ``r_peak_end − r`` and its two-sided p-value; NaN on the peak-end row.
        """
        rows = [[getattr(c, name) for name in PREDICTOR_COLUMNS] for c in self.predictors]
        frame = pd.DataFrame(rows, columns=list(PREDICTOR_COLUMNS))
        frame["predictor"] = frame["predictor"].astype("str")
        frame["n"] = frame["n"].astype(np.int64)
        return frame


def _validate_peak_end(respondents: pd.DataFrame, outcome: str, confidence: float) -> None:
    validate_confidence(confidence)
    if "respondent_id" not in respondents.columns:
        message = Message("memory.respondent_id")
        raise MotError(message)
    if outcome not in respondents.columns:
        raise MissingMeasureError(Message("missing.peak_end_outcome", outcome=outcome))
    values = respondents[outcome]
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        message = Message("memory.outcome_type", outcome=outcome, dtype=str(values.dtype))
        raise MotError(message)
    if values.notna().sum() == 0:
        raise MissingMeasureError(Message("missing.outcome_answers", outcome=outcome))


def _predictor_values(values: np.ndarray, rated: np.ndarray) -> dict[str, np.ndarray]:
    """Each summary of :data:`PREDICTORS` per respondent (column of ``values``).

    ``values`` is the touchpoint-major curve array of :mod:`mot.curves` (NaN = not rated).
    """
    n_points = np.add.reduce(rated, axis=0, dtype=np.int64)
    total = _column_sums(values, rated)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / n_points
    del n_points, total
    end = end_of(values, rated)[0]
    intense = most_intense(values)
    return {
        "peak_end": (intense + end) / 2,
        "mean": mean,
        "end": end,
        "most_intense": intense,
        "peak": np.fmax.reduce(values, axis=0, initial=np.nan),  # fmax/fmin skip NaN
        "trough": np.fmin.reduce(values, axis=0, initial=np.nan),
    }


def _column_sums(values: np.ndarray, rated: np.ndarray) -> np.ndarray:
    """``np.where(rated, values, 0).sum(axis=0)`` without the filled copy of ``values``.

    A sum over the first axis adds the rows one after another, in order: so does this.
    """
    if values.shape[0] == 0:
        return np.zeros(values.shape[1])
    total = np.where(rated[0], values[0], 0.0)
    for k in range(1, values.shape[0]):
        total += np.where(rated[k], values[k], 0.0)
    return total


def _positions(ids: pd.Index, categories: pd.Index) -> np.ndarray:
    """Position of each id among the categories (-1 = not there).

    Raises
    ------
    MotError
        If an id of the respondents table appears twice.
    """
    if ids.equals(categories):  # the common case: same respondents, same order
        return np.arange(len(ids))
    # One hash pass over both: codes below len(categories) are positions in it.
    codes, _ = pd.factorize(categories.append(ids))
    position = codes[len(categories) :]
    repeats = np.bincount(position, minlength=1)[position]
    if repeats.size and repeats.max() > 1:
        first = int(np.argmax(repeats > 1))
        message = Message("memory.repeated_id", id=str(ids[first]), n=int(repeats[first]))
        raise MotError(message)
    return np.where(position < len(categories), position, -1)


def _outcome_per_respondent(
    respondents: pd.DataFrame, outcome: str, categories: pd.Index
) -> tuple[np.ndarray, np.ndarray, int]:
    """Align the outcome with the respondent categories.

    Returns the outcome per category (NaN = none), which categories have a row in
    ``respondents``, and how many of its rows match no respondent of the ratings.
    """
    ids = pd.Index(respondents["respondent_id"].astype(str))
    categories = pd.Index(categories.astype(str))
    values = respondents[outcome].to_numpy(dtype=np.float64, na_value=np.nan)
    if ids.equals(categories):  # the common case, same respondents in the same order
        return values, np.ones(len(categories), dtype=bool), 0
    position = _positions(ids, categories)
    aligned = np.full(len(categories), np.nan)
    in_table = np.zeros(len(categories), dtype=bool)
    found = position >= 0
    aligned[position[found]] = values[found]
    in_table[position[found]] = True
    return aligned, in_table, int(np.count_nonzero(~found))


def _correlation_matrix(z: np.ndarray) -> np.ndarray:
    """Pearson correlations between the rows of ``z``, NaN for a constant row.

    ``z`` is centred in place (the caller's own array: no second copy of it).

    ``r = Σ x'y' / √(Σ x'² Σ y'²)`` on centred values, as :func:`scipy.stats.pearsonr`
    computes it (which warns and returns NaN for a constant input), for every pair at once.
    """
    constant = np.ptp(z, axis=1) == 0 if z.shape[1] else np.ones(len(z), dtype=bool)
    z -= z.mean(axis=1, keepdims=True)  # centred in place: no second copy of the table
    gram = np.einsum("ir,jr->ij", z, z)
    scale = np.sqrt(np.diag(gram))
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.clip(gram / np.outer(scale, scale), -1.0, 1.0)
    r[constant, :] = np.nan
    r[:, constant] = np.nan
    return r


def _pearson_inference(
    r: np.ndarray, n: int, confidence: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fisher-z interval and two-sided p-value of Pearson correlations from ``n`` pairs.

    As :func:`scipy.stats.pearsonr` and its default ``confidence_interval``: p from Student's
    t, ``t = r √((n−2)/(1−r²))`` on n − 2 df (the same as pearsonr's beta distribution);
    interval ``tanh(atanh r ± z_{(1+confidence)/2} / √(n−3))``.

    Returns
    -------
    tuple of ndarray
        ci_low, ci_high, p_value.
    """
    with np.errstate(invalid="ignore", divide="ignore"):
        t = r * np.sqrt((n - 2) / ((1.0 - r) * (1.0 + r)))
        p = 2 * stats.t.sf(np.abs(t), n - 2)
        half = stats.norm.ppf(0.5 + confidence / 2) / np.sqrt(n - 3)
        z = np.arctanh(r)
    return np.tanh(z - half), np.tanh(z + half), p


def williams_t(r_jk: float, r_jh: float, r_kh: float, n: int) -> tuple[float, int]:
    r"""Williams' t for two dependent correlations that share the variable ``j``.

    .. math::

        t = (r_{jk} - r_{jh}) \sqrt{\frac{(n-1)(1+r_{kh})}
            {2\frac{n-1}{n-3}|R| + \bar r^2 (1-r_{kh})^3}}

    with :math:`|R| = 1 - r_{jk}^2 - r_{jh}^2 - r_{kh}^2 + 2 r_{jk} r_{jh} r_{kh}` and
    :math:`\bar r = (r_{jk} + r_{jh})/2`, on ``n − 3`` degrees of freedom.

    Parameters
    ----------
    r_jk, r_jh : float
        The two correlations compared (the outcome ``j`` with predictors ``k`` and ``h``).
    r_kh : float
        The correlation between the two predictors.
    n : int
        Number of cases (at least 4).

    Returns
    -------
    tuple of (float, int)
        The t statistic (NaN when undefined, as with ``r_kh = 1`` and equal correlations)
        and its degrees of freedom.

    References
    ----------
    Williams, E. J. (1959). The comparison of regression variables. *Journal of the Royal
    Statistical Society B*, 21(2), 396–399.
    Steiger, J. H. (1980). Tests for comparing elements of a correlation matrix.
    *Psychological Bulletin*, 87(2), 245–251, eq. 7.

    Examples
    --------
    Silver, Hittner & May (2006), as checked by the R package cocor: r_jk = .3, r_jh = .4,
    r_kh = .5, n = 100 gives t = −1.0767 on 97 df.

    >>> williams_t(0.3, 0.4, 0.5, 100)
    (-1.0767, 97)
    """
    determinant = 1 - r_jk**2 - r_jh**2 - r_kh**2 + 2 * r_jk * r_jh * r_kh
    mean_r = (r_jk + r_jh) / 2
    denominator = 2 * (n - 1) / (n - 3) * determinant + mean_r**2 * (1 - r_kh) ** 3
    with np.errstate(invalid="ignore", divide="ignore"):
        t = (r_jk - r_jh) * np.sqrt((n - 1) * (1 + r_kh) / np.float64(denominator))
    return float(t), n - 3


def _compare(
    r_peak_end: float, r_mean: float, r_between: float, n: int
) -> DependentCorrelationTest:
    t, df = williams_t(r_peak_end, r_mean, r_between, n)
    return DependentCorrelationTest(
        r_peak_end=r_peak_end,
        r_mean=r_mean,
        r_between=r_between,
        difference=r_peak_end - r_mean,
        t=t,
        df=df,
        p_value=float(2 * stats.t.sf(abs(t), df)),
        p_one_sided=float(stats.t.sf(t, df)),
    )


def _verdict(comparison: DependentCorrelationTest, alpha: float) -> str:
    if not comparison.p_value < alpha:  # also when NaN
        return "no_difference"
    return "peak_end" if comparison.difference > 0 else "mean"


@dataclass(frozen=True)
class _Analysed:
    """The respondents :func:`peak_end` compares and why the others are left out."""

    predictors: dict[str, np.ndarray]  # on the compared respondents only
    y: np.ndarray
    ids: np.ndarray  # positions in the ratings' respondent categories
    categories: pd.Index  # the ratings' respondent categories
    excluded: dict[str, int]  # EXCLUSIONS → count
    touchpoints: tuple[str, ...]
    source: str


def _analysed(ratings: pd.DataFrame, respondents: pd.DataFrame, outcome: str) -> _Analysed:
    """Complete curves with the outcome, their summaries, and the counts of the others."""
    ratings = as_ratings(ratings)
    curves = curves_of(ratings, needed_for=Message("analysis.peak_end"))
    source, present, used = curves.source, curves.present, curves.complete()
    touchpoints = curves.touchpoints()
    predictors = _predictor_values(curves.values, curves.rated)
    categories = curves.codes.respondents
    del curves  # the curve array is not needed past here: freed before the outcome's arrays
    y, in_table, n_unmatched = _outcome_per_respondent(respondents, outcome, categories)
    answered, has_curve = ~np.isnan(y), source >= 0
    used &= answered
    excluded = {
        # A row of the respondents table whose id has no ratings has no curve either.
        "no_curve": int(np.count_nonzero((present | in_table) & ~has_curve)) + n_unmatched,
        "no_outcome": int(np.count_nonzero(has_curve & ~answered)),
        "incomplete": int(np.count_nonzero(has_curve & answered & ~used)),
    }
    ids = np.flatnonzero(used)
    every = ids.size == used.size
    for name in PREDICTORS:  # each vector replaced by its compared part
        predictors[name] = predictors[name] if every else predictors[name][ids]
    y = y if every else y[ids]
    return _Analysed(
        predictors, y, ids, categories, excluded, touchpoints, source_word(source[ids])
    )


def _correlations(z: np.ndarray, n: int, confidence: float) -> tuple[Correlation, ...]:
    """One :class:`Correlation` per predictor; ``z`` holds the predictors then the outcome."""
    r_matrix = _correlation_matrix(z)
    r = r_matrix[: len(PREDICTORS), -1]  # each predictor with the outcome
    low, high, p = _pearson_inference(r, n, confidence)
    between = r_matrix[0, : len(PREDICTORS)].copy()
    between[0] = np.nan  # the peak-end average is not tested against itself
    t = [np.nan] + [williams_t(r[0], r[i], between[i], n)[0] for i in range(1, len(r))]
    p_t = 2 * stats.t.sf(np.abs(t), n - 3)
    return tuple(
        Correlation(name, n, *(float(a[i]) for a in (r, low, high, p, between, t, p_t)))
        for i, name in enumerate(PREDICTORS)
    )


def peak_end(
    ratings: pd.DataFrame,
    respondents: pd.DataFrame,
    *,
    outcome: str = "overall_retrospective",
    confidence: float = 0.95,
) -> PeakEndResult:
    """Test the peak-end rule: whether the peak-end average predicts the remembered rating.

    Each respondent's curve (their emotion ratings, or their centred experienced utility
    when they gave no emotion rating; see :mod:`mot.curves`) is summarised six ways:

    - ``peak_end``: ``(most_intense + end) / 2``, the peak-end average. Its "peak" is the
      most intense moment, as in Kahneman et al. (1993).
    - ``mean``: the mean of the curve (what duration-weighted memory would keep).
    - ``end``: the value at the last touchpoint.
    - ``most_intense``: the point with the largest absolute value, sign kept (a −80 is
      more intense than a +60); the earliest touchpoint on ties.
    - ``peak``: the highest point (the positive peak of Verhoef, Antonides & de Hoog 2004).
    - ``trough``: the lowest point (their negative peak).

    Only **complete** curves are compared: a value at every touchpoint where the curve's
    measure was asked (rated by anyone; see ``PeakEndResult.touchpoints``). Otherwise a
    respondent who skipped the last touchpoint would get the one before as their end, and
    the means would average different touchpoints. Each respondent left out is counted once,
    under the first reason that applies: no curve point at all (``n_no_curve``), no outcome
    (``n_no_outcome``), an incomplete curve (``n_incomplete``).

    Each summary is correlated (Pearson) with the outcome. Then Williams' t tests whether
    the peak-end average correlates more strongly with the outcome than each other summary
    does (``t_vs_peak_end``), taking into account that both come from the same curves; the
    test against the mean is ``comparison`` and gives the verdict.

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings (``docs/ARCHITECTURE.md``) with emotion and/or experienced ratings.
    respondents : DataFrame
        One row per respondent: ``respondent_id`` and the outcome column.
    outcome : str, default "overall_retrospective"
        The remembered rating (0–100; NaN = not answered).
    confidence : float, default 0.95
        Coverage of the correlation intervals (Fisher z); ``1 − confidence`` is also the
        significance level of the verdict.

    Returns
    -------
    PeakEndResult
        ``to_frame()`` gives the predictors table ``predictor, n, r, ci_low, ci_high,
        p_value, r_with_peak_end, t_vs_peak_end, p_vs_peak_end`` in the order of
        :data:`PREDICTORS`. ``comparison`` holds Williams' test against the mean
        (``r_peak_end, r_mean, r_between, difference, t, df, p_value, p_one_sided``), ``n``
        the respondents compared, ``n_excluded`` those left out with the reasons in
        ``n_no_curve``, ``n_no_outcome``, ``n_incomplete`` (respondents in only one of the
        two tables count here), ``touchpoints`` what a complete curve covers, and
        ``verdict``: ``"peak_end"`` if its correlation is larger and the two-sided p <
        1 − confidence, ``"mean"`` if the mean's is larger and p < 1 − confidence, else
        ``"no_difference"``. A predictor that is constant gets NaN r (and then
        ``"no_difference"``).

    Raises
    ------
    MissingMeasureError
        If the outcome column is missing or has no values, or there are no emotion or
        experienced ratings.
    InsufficientDataError
        If fewer than 4 respondents have a complete curve and the outcome.
    DuplicateRatingError
        If a respondent rated the curve's measure twice at one touchpoint (every analysis
        refuses repeated ratings; none averages them or keeps one silently).
    MotError
        If ``respondents`` has no ``respondent_id``, repeats a respondent, or the outcome
        is not numeric.

    References
    ----------
    Kahneman, D., Fredrickson, B. L., Schreiber, C. A. & Redelmeier, D. A. (1993). When
    more pain is preferred to less: adding a better end. *Psychological Science*, 4(6),
    401–405.
    Fredrickson, B. L. & Kahneman, D. (1993). Duration neglect in retrospective evaluations
    of affective episodes. *Journal of Personality and Social Psychology*, 65(1), 45–55.
    Verhoef, P. C., Antonides, G. & de Hoog, A. N. (2004). Service encounters as a sequence
    of events: the importance of peak experiences. *Journal of Service Research*, 7(1),
    53–64 (positive and negative peaks).
    Williams, E. J. (1959); Steiger, J. H. (1980), *Psychological Bulletin*, 87(2),
    245–251, eq. 7 (see :func:`williams_t`). Fisher, R. A. (1921), z-transformation.

    Examples
    --------
    Four complete respondents, two touchpoints. Curves (start, end) and remembered rating:
    a (−80, 20) → 30, b (10, 40) → 70, c (60, −20) → 60, d (0, 0) → 50. Most intense
    points −80, 40, 60, 0, so peak-end averages −30, 40, 20, 0; means −30, 25, 20, 0.
    Deviations from the means (7.5 and 52.5): peak-end −37.5, 32.5, 12.5, −7.5 and outcome
    −22.5, 17.5, 7.5, −2.5, so r = 1525 / √(2675 · 875) = 0.9968; for the mean
    r = 1262.5 / √(1868.75 · 875) = 0.9873. Respondent e skipped the first touchpoint: left
    out as incomplete.

    >>> ratings = pd.DataFrame({"respondent_id": list("aabbccdde"),
    ...     "touchpoint": ["SMOT", "TMOT"] * 4 + ["TMOT"], "measure": "emotion",
    ...     "value": [-80.0, 20, 10, 40, 60, -20, 0, 0, 30]})
    >>> people = pd.DataFrame({"respondent_id": list("abcde"),
    ...                        "overall_retrospective": [30.0, 70, 60, 50, 40]})
    >>> result = peak_end(ratings, people)
    >>> result.n, result.n_excluded, result.n_incomplete, result.source, result.touchpoints
    (4, 1, 1, 'emotion', ('SMOT', 'TMOT'))
    >>> table = result.to_frame()
    >>> table["predictor"].tolist(), table["r"].tolist()[:2]
    (['peak_end', 'mean', 'end', 'most_intense', 'peak', 'trough'], [0.9968, 0.9873])
    """
    _validate_peak_end(respondents, outcome, confidence)
    found = _analysed(ratings, respondents, outcome)
    n = found.ids.size
    n_excluded = sum(found.excluded.values())
    if n < MIN_RESPONDENTS:
        message = Message(
            "memory.too_few", minimum=MIN_RESPONDENTS, outcome=outcome, n=n, excluded=n_excluded
        )
        raise InsufficientDataError(message)
    z = np.empty((len(PREDICTORS) + 1, n))
    for i, name in enumerate(PREDICTORS):
        z[i] = found.predictors.pop(name)  # each vector freed once copied
    z[-1] = found.y
    table = _correlations(z, n, confidence)
    comparison = _compare(table[0].r, table[1].r, table[1].r_with_peak_end, n)
    return PeakEndResult(
        predictors=table,
        comparison=comparison,
        n=n,
        n_excluded=n_excluded,
        n_no_curve=found.excluded["no_curve"],
        n_no_outcome=found.excluded["no_outcome"],
        n_incomplete=found.excluded["incomplete"],
        touchpoints=found.touchpoints,
        verdict=_verdict(comparison, 1 - confidence),
        outcome=outcome,
        source=found.source,
        confidence=confidence,
    )


def memory_points(
    ratings: pd.DataFrame,
    respondents: pd.DataFrame,
    *,
    outcome: str = "overall_retrospective",
) -> pd.DataFrame:
    """Per respondent, the six summaries of the curve beside the remembered rating.

    The points behind :func:`peak_end`, for a scatter of prediction against memory: the
    same respondents (a complete curve and the outcome).

    Parameters
    ----------
    ratings, respondents, outcome
        As for :func:`peak_end`.

    Returns
    -------
    DataFrame
        ``respondent_id, peak_end, mean, end, most_intense, peak, trough, remembered``: one
        row per respondent compared by :func:`peak_end`, in the order of the ratings'
        respondent categories. Curve summaries on −100..+100 (``peak`` the highest point,
        ``trough`` the lowest, ``most_intense`` the farthest from 0, which ``peak_end``
        uses), ``remembered`` on the outcome's 0–100.

    Raises
    ------
    MissingMeasureError
        As :func:`peak_end`.

    Examples
    --------
    >>> ratings = pd.DataFrame({"respondent_id": list("aabb"),
    ...     "touchpoint": ["SMOT", "TMOT"] * 2, "measure": "emotion",
    ...     "value": [-80.0, 20, 10, 40]})
    >>> people = pd.DataFrame({"respondent_id": ["a", "b"],
    ...                        "overall_retrospective": [30.0, 70]})
    >>> memory_points(ratings, people)[["respondent_id", "peak_end", "peak", "remembered"]]
      respondent_id  peak_end  peak  remembered
    0             a     -30.0  20.0        30.0
    1             b      40.0  40.0        70.0
    """
    _validate_peak_end(respondents, outcome, 0.95)
    found = _analysed(ratings, respondents, outcome)
    return pd.DataFrame(
        {
            "respondent_id": np.asarray(found.categories.astype(str))[found.ids],
            **found.predictors,
            "remembered": found.y,
        }
    )
