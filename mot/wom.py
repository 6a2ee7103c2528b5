"""Word of mouth: the Net Promoter Score with its margin of error, and NPS differences.

The score comes from the raw 0–10 "How likely are you to recommend ...?" answer (the
``recommend`` outcome of the respondents table): promoters answer 9–10, detractors 0–6,
passives 7–8, and NPS = 100 × (share of promoters − share of detractors). Its interval is the
adjusted Wald interval of Rocks (2016) unless asked otherwise, and no interval is given below
:data:`NPS_MIN_N` answers.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from mot import vocabulary
from mot._stats import clip_interval, validate_confidence
from mot.distributions import norm_ppf, norm_sf
from mot.errors import MissingMeasureError, MotError
from mot.messages import Message

NPS_CI_METHODS = vocabulary.NPS_CI_METHODS
"""Interval methods of :func:`nps` (:data:`mot.vocabulary.NpsCiMethod`), the default first."""

NPS_MIN_N = 10
"""Fewest valid answers for which :func:`nps` and :func:`nps_difference` give an interval.

Below it the interval columns are NaN and ``small_n`` is True. Why ten: computed exactly (every
trinomial outcome weighted by its probability, over a grid of true promoter and detractor
shares), the 95% adjusted Wald interval covers the true score 95.1% of the time on average at
n = 10, and at least 92.7% for 95% of the grid; at n = 5 that 5th percentile is 90% and at
n = 2 it is 82%, so an interval from fewer answers claims more certainty than it has (the plain
Wald is far worse: 87% on average at n = 10). ``tests/mot/test_wom.py`` recomputes these
figures. Rocks (2016) recommends the adjusted Wald precisely for its coverage in small samples.
"""

# Pseudo-observations of the adjusted Wald interval (Rocks, 2016): 3/4 promoter, 3/4 detractor,
# and 3/2 passive, so that n grows by 3.
_PSEUDO_CLASS = 0.75
_PSEUDO_N = 3.0

NPS_COLUMNS: tuple[str, ...] = (
    "n",
    "n_excluded",
    "promoters",
    "passives",
    "detractors",
    "promoter_share",
    "detractor_share",
    "score",
    "se",
    "ci_low",
    "ci_high",
    "ci_method",
    "ci_clipped",
    "small_n",
)
"""Columns of :func:`nps` (after the ``by`` column, when there is one)."""

NPS_DIFFERENCE_COLUMNS: tuple[str, ...] = (
    "group_a",
    "group_b",
    "n_a",
    "n_b",
    "score_a",
    "score_b",
    "difference",
    "se",
    "ci_low",
    "ci_high",
    "z",
    "p_value",
    "p_adjusted",
    "significant",
    "ci_method",
    "ci_clipped",
    "small_n",
)
"""Columns of :func:`nps_difference`."""


def nps(
    respondents: pd.DataFrame,
    *,
    by: str | None = None,
    confidence: float = 0.95,
    column: str = "recommend",
    ci_method: str = "adjusted_wald",
    min_n: int = NPS_MIN_N,
) -> pd.DataFrame:
    """Net Promoter Score with its standard error and confidence interval.

    Promoters answer 9 or 10, detractors 0 to 6 and passives anything in between (7, 8, or a
    non-integer such as 8.5). The score is ``100 · (p_P − p_D)`` with ``p_P = P / n`` and
    ``p_D = D / n``. Its interval treats the three answer classes as a trinomial (Rocks, 2016):

    - ``"adjusted_wald"`` (default): add 3 to n and 3/4 to the promoters and to the
      detractors, ``ñ = n + 3``, ``p̃_P = (P + 0.75) / ñ``, ``p̃_D = (D + 0.75) / ñ``; then the
      variance of a difference of two proportions of one sample,
      ``var = [p̃_P + p̃_D − (p̃_P − p̃_D)²] / ñ``, and ``100 · (p̃_P − p̃_D) ± z · 100 · √var``.
      The interval is centred on the adjusted score, so it is not symmetric about ``score``;
      it keeps its coverage at small n and when every answer is in one class.
    - ``"wald"``: the plain trinomial Wald interval ``score ± z · se`` with
      ``var = [p_P + p_D − (p_P − p_D)²] / n``; with 10 promoters out of 10 it is [100, 100].

    ``se`` is the standard error the interval uses (``100 · √var``). No interval is given
    below ``min_n`` answers (:data:`NPS_MIN_N`, 10, explains why): ``se``, ``ci_low`` and
    ``ci_high`` are NaN and ``small_n`` is True. An interval reaching past −100 or 100 is cut
    at the end of the scale and flagged in ``ci_clipped``.

    Parameters
    ----------
    respondents : DataFrame
        One row per respondent with the raw 0–10 answer in ``column``, and the segment column
        ``by`` when given.
    by : str, optional
        A segment column of ``respondents``. The result then has one row per segment that has
        at least one respondent, in category order (sorted values for a non-categorical
        column). Respondents with a missing segment are left out; how many is in
        ``result.attrs["n_missing_segment"]`` (0 without ``by``).
    confidence : float, default 0.95
        Confidence level of the interval, strictly between 0 and 1.
    column : str, default "recommend"
        The column holding the 0–10 likelihood to recommend.
    ci_method : {"adjusted_wald", "wald"}, default "adjusted_wald"
        The interval (see above).
    min_n : int, default :data:`NPS_MIN_N` (10)
        Fewest valid answers for an interval, at least 2.

    Returns
    -------
    DataFrame
        One row (per segment with ``by``, the segment first) with columns:

        - ``n``: valid answers (numbers from 0 to 10).
        - ``n_excluded``: answers left out: missing, not a number, or outside 0–10.
        - ``promoters``, ``passives``, ``detractors``: counts of each class.
        - ``promoter_share``, ``detractor_share``: shares of ``n`` (0–1).
        - ``score``: NPS, from −100 to 100.
        - ``se``: standard error of the interval's method (NaN when ``small_n``).
        - ``ci_low``, ``ci_high``: the interval, within [−100, 100] (NaN when ``small_n``).
        - ``ci_method``: ``"adjusted_wald"`` or ``"wald"``.
        - ``ci_clipped``: True when the interval was cut at −100 or 100.
        - ``small_n``: True when ``n < min_n`` (no interval).

    Raises
    ------
    MissingMeasureError
        If ``column`` is absent or has no valid 0–10 answer at all.
    MotError
        If ``by`` is not a column of ``respondents``, ``confidence`` is not in (0, 1),
        ``ci_method`` is unknown or ``min_n`` is not a whole number ≥ 2.

    References
    ----------
    Reichheld, F. F. (2003). The one number you need to grow. Harvard Business Review,
    81(12), 46–54.
    Rocks, B. (2016). Interval estimation for the "Net Promoter Score". The American
    Statistician, 70(4), 365–372.

    Examples
    --------
    Ten answers: five promoters, three passives, two detractors, so the score is
    100 · (0.5 − 0.2) = 30. Adjusted Wald: ñ = 13, p̃_P = 5.75/13, p̃_D = 2.75/13, centre
    100 · 3/13 = 23.08, se = 100 · √[(8.5/13 − (3/13)²) / 13] = 21.494:

    >>> people = pd.DataFrame({"respondent_id": list("abcdefghij"),
    ...                        "recommend": [10, 9, 9, 10, 9, 7, 8, 8, 3, 6]})
    >>> row = nps(people).iloc[0]
    >>> int(row["promoters"]), int(row["detractors"]), float(row["score"]), row["ci_method"]
    (5, 2, 30.0, 'adjusted_wald')
    >>> round(float(row["se"]), 3), round(float(row["ci_low"]), 2), round(float(row["ci_high"]), 2)
    (21.494, -19.05, 65.2)

    The plain Wald: se = 100 · √[(0.5 + 0.2 − 0.3²) / 10] = 100 · √0.061 = 24.698:

    >>> row = nps(people, ci_method="wald").iloc[0]
    >>> round(float(row["se"]), 3), round(float(row["ci_low"]), 2), round(float(row["ci_high"]), 2)
    (24.698, -18.41, 78.41)
    """
    _validate_nps(respondents, by=by, confidence=confidence, column=column)
    _validate_interval(ci_method, min_n)
    frame, n_missing = _segment_rows(respondents, by)
    values = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    valid = values.between(0, 10).to_numpy()
    raw = values.to_numpy()
    promoter = valid & (raw >= 9)
    detractor = valid & (raw <= 6)
    counts = pd.DataFrame(
        {
            "n": valid,
            "n_excluded": ~valid,
            "promoters": promoter,
            "passives": valid & ~promoter & ~detractor,
            "detractors": detractor,
        },
        index=frame.index,
    ).astype("int64")
    if by is None:
        table = counts.sum().to_frame().T.astype("int64")
    else:
        table = counts.groupby(frame[by], observed=True, sort=True).sum().reset_index()
    out = _nps_statistics(table, confidence, ci_method, min_n)
    columns = ([by] if by is not None else []) + list(NPS_COLUMNS)
    out = out[columns].reset_index(drop=True)
    out.attrs["n_missing_segment"] = n_missing
    return out


def nps_difference(
    respondents: pd.DataFrame,
    *,
    by: str,
    confidence: float = 0.95,
    column: str = "recommend",
    ci_method: str = "adjusted_wald",
    min_n: int = NPS_MIN_N,
    correction: str = "holm",
) -> pd.DataFrame:
    """Compare the NPS of every pair of groups of ``by`` (independent samples).

    For groups a and b (a before b in category order) the difference is
    ``score_a − score_b``. The test and interval use the same method as :func:`nps`: with
    each group's centre ``c`` and variance ``var`` of that method (the adjusted proportions for
    ``"adjusted_wald"``, the raw ones for ``"wald"``), ``se = 100 · √(var_a + var_b)``,
    ``z = 100 · (c_a − c_b) / se``, the two-sided p-value from the standard normal, and the
    interval ``100 · (c_a − c_b) ± z_crit · se`` (Rocks's two-sample form), cut at ±200 and
    flagged in ``ci_clipped`` when it reaches past. A pair in which either group has fewer
    than ``min_n`` answers gets no test and no interval (``small_n``).

    Every pair is a test, so with more than two groups several are tested at once: the
    p-values are adjusted over all pairs of the table with ``correction`` (Holm's step-down
    method by default, :func:`mot.compare.adjust_p_values`), raw ``p_value`` and
    ``p_adjusted`` side by side, as :func:`mot.compare.compare_groups` does.

    Parameters
    ----------
    respondents : DataFrame
        One row per respondent with ``column`` and the segment column ``by``.
    by : str
        The segment column whose groups are compared. Respondents with a missing segment are
        left out; how many is in ``result.attrs["n_missing_segment"]``.
    confidence : float, default 0.95
        Confidence level of the interval, strictly between 0 and 1; a pair is significant
        when ``p_adjusted < 1 − confidence``.
    column : str, default "recommend"
        The column holding the 0–10 likelihood to recommend.
    ci_method : {"adjusted_wald", "wald"}, default "adjusted_wald"
        As :func:`nps`.
    min_n : int, default :data:`NPS_MIN_N` (10)
        Fewest valid answers per group for a test, at least 2.
    correction : {"holm", "bonferroni", "fdr_bh", "none"}, default "holm"
        Multiple-comparison correction over all pairs.

    Returns
    -------
    DataFrame
        One row per pair of groups, pairs in category order, with columns ``group_a``,
        ``group_b`` (categorical, the categories of ``by``), ``n_a``, ``n_b`` (valid answers),
        ``score_a``, ``score_b``, ``difference`` (``score_a − score_b``), ``se``, ``ci_low``,
        ``ci_high``, ``z``, ``p_value`` (two-sided, raw), ``p_adjusted`` (after
        ``correction``), ``significant`` (bool), ``ci_method``, ``ci_clipped`` and ``small_n``
        (either group below ``min_n``). Statistics are NaN for a ``small_n`` pair, or when
        ``se`` is 0. Empty (same columns) with fewer than two groups.

    Raises
    ------
    MissingMeasureError
        If ``column`` is absent or has no valid 0–10 answer.
    MotError
        If ``by`` is not a column of ``respondents``, or an argument is not one of its
        choices.

    References
    ----------
    Rocks, B. (2016). Interval estimation for the "Net Promoter Score". The American
    Statistician, 70(4), 365–372.
    Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scandinavian
    Journal of Statistics, 6(2), 65–70.

    Examples
    --------
    Group x: 4 promoters and 1 passive → score 80, wald se = 100 · √[(0.8 − 0.64) / 5] =
    17.889; group y: 1 promoter, 1 passive, 2 detractors → score −25,
    se = 100 · √[(0.75 − 0.0625) / 4] = 41.458; difference 105,
    se = √(17.889² + 41.458²) = 45.153, z = 2.325 (small groups: ``min_n=2`` here):

    >>> people = pd.DataFrame({"recommend": [10, 9, 9, 10, 8, 9, 7, 2, 5],
    ...                        "group": list("xxxxxyyyy")})
    >>> row = nps_difference(people, by="group", ci_method="wald", min_n=2).iloc[0]
    >>> float(row["difference"]), round(float(row["se"]), 3), round(float(row["z"]), 3)
    (105.0, 45.153, 2.325)

    With the default ``min_n`` these groups are too small to test:

    >>> bool(nps_difference(people, by="group").iloc[0]["small_n"])
    True
    """
    _validate_nps(respondents, by=by, confidence=confidence, column=column)
    _validate_interval(ci_method, min_n)
    from mot.compare import adjust_p_values  # scipy.stats: only for the comparisons

    adjust_p_values([], method=correction)  # an unknown correction raises before any work
    table = nps(
        respondents, by=by, confidence=confidence, column=column, ci_method=ci_method, min_n=min_n
    )
    first, second = np.triu_indices(len(table), k=1)
    a = table.iloc[first].reset_index(drop=True)
    b = table.iloc[second].reset_index(drop=True)
    centre_a, variance_a = _interval_terms(a, ci_method)
    centre_b, variance_b = _interval_terms(b, ci_method)
    small = (a["small_n"] | b["small_n"]).to_numpy(dtype=bool)
    centre = 100 * (centre_a - centre_b)
    se = np.where(small, np.nan, 100 * np.sqrt(variance_a + variance_b))
    z_crit = norm_ppf((1 + confidence) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(se > 0, centre / se, np.nan)
    low, high, clipped = clip_interval(centre - z_crit * se, centre + z_crit * se, -200.0, 200.0)
    p_value = 2 * norm_sf(np.abs(z))
    p_adjusted = adjust_p_values(p_value, method=correction)
    out = pd.DataFrame(
        {
            "group_a": a[by],
            "group_b": b[by],
            "n_a": a["n"],
            "n_b": b["n"],
            "score_a": a["score"],
            "score_b": b["score"],
            "difference": (a["score"] - b["score"]).to_numpy(),
            "se": se,
            "ci_low": low,
            "ci_high": high,
            "z": z,
            "p_value": p_value,
            "p_adjusted": p_adjusted,
            "significant": p_adjusted < 1 - confidence,
            "ci_method": pd.array([ci_method] * len(a), dtype="str"),
            "ci_clipped": clipped,
            "small_n": small,
        },
        columns=list(NPS_DIFFERENCE_COLUMNS),
    )
    out.attrs["n_missing_segment"] = table.attrs["n_missing_segment"]
    return out


def _interval_terms(table: pd.DataFrame, ci_method: str) -> tuple[np.ndarray, np.ndarray]:
    """Centre (a share difference, −1..1) and variance of the interval, per row of counts.

    ``"adjusted_wald"`` adds the pseudo-observations first (Rocks, 2016); ``"wald"`` uses the
    counts as they are. NaN where there is no answer.
    """
    adjusted = ci_method == "adjusted_wald"
    n = table["n"].to_numpy(dtype="float64") + (_PSEUDO_N if adjusted else 0.0)
    promoters = table["promoters"].to_numpy(dtype="float64") + (_PSEUDO_CLASS if adjusted else 0)
    detractors = table["detractors"].to_numpy(dtype="float64") + (
        _PSEUDO_CLASS if adjusted else 0.0
    )
    valid = table["n"].to_numpy() > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        p_promoter = np.where(valid, promoters / n, np.nan)
        p_detractor = np.where(valid, detractors / n, np.nan)
    centre = p_promoter - p_detractor
    # p_P + p_D − (p_P − p_D)² ≥ 0 always; the maximum guards only against rounding below 0.
    variance = np.maximum(p_promoter + p_detractor - centre**2, 0.0) / n
    return centre, variance


def _nps_statistics(
    table: pd.DataFrame, confidence: float, ci_method: str, min_n: int
) -> pd.DataFrame:
    """Add shares, score, se and the interval (with its flags) to a table of class counts."""
    n = table["n"].to_numpy(dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        p_promoter = table["promoters"].to_numpy() / n
        p_detractor = table["detractors"].to_numpy() / n
    centre, variance = _interval_terms(table, ci_method)
    small = n < min_n
    se = np.where(small, np.nan, 100 * np.sqrt(variance))
    z_crit = norm_ppf((1 + confidence) / 2)
    low, high, clipped = clip_interval(
        100 * centre - z_crit * se, 100 * centre + z_crit * se, -100.0, 100.0
    )
    return table.assign(
        promoter_share=p_promoter,
        detractor_share=p_detractor,
        score=100 * (p_promoter - p_detractor),
        se=se,
        ci_low=low,
        ci_high=high,
        ci_method=pd.array([ci_method] * len(table), dtype="str"),
        ci_clipped=clipped,
        small_n=small,
    )


def _segment_rows(frame: pd.DataFrame, by: str | None) -> tuple[pd.DataFrame, int]:
    """Return the rows with a segment (``by`` as a category) and how many were left out."""
    if by is None:
        return frame, 0
    segment = frame[by]
    if not isinstance(segment.dtype, pd.CategoricalDtype):
        segment = pd.Series(pd.Categorical(segment), index=frame.index)
    missing = segment.isna().to_numpy()
    kept = frame.assign(**{by: segment})[~missing]
    return kept, int(missing.sum())


def _validate_interval(ci_method: str, min_n: object) -> None:
    """Raise a typed error unless the interval's method and minimum n are valid."""
    if ci_method not in NPS_CI_METHODS:
        values = ", ".join(repr(m) for m in NPS_CI_METHODS)
        message = Message("arg.one_of", name="ci_method", values=values, value=ci_method)
        raise MotError(message)
    if isinstance(min_n, bool) or not isinstance(min_n, int | np.integer) or min_n < 2:
        message = Message("wom.min_n", min_n=min_n, default=NPS_MIN_N)
        raise MotError(message)


def _validate_nps(
    respondents: pd.DataFrame, *, by: str | None, confidence: float, column: str
) -> None:
    """Raise a typed error unless ``respondents`` can give an NPS."""
    validate_confidence(confidence)
    if by is not None and by not in respondents.columns:
        columns = ", ".join(map(str, respondents.columns))
        message = Message("wom.no_segment", by=by, columns=columns)
        raise MotError(message)
    if column not in respondents.columns:
        raise MissingMeasureError(Message("missing.nps_column", column=column))
    values = pd.to_numeric(respondents[column], errors="coerce")
    if not values.between(0, 10).any():
        n_given = int(respondents[column].notna().sum())
        raise MissingMeasureError(Message("missing.nps_answers", column=column, n=n_given))
