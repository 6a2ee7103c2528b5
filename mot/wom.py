"""Word of mouth: the Net Promoter Score with its margin of error, and NPS differences.

The score comes from the raw 0–10 "How likely are you to recommend ...?" answer (the
``recommend`` outcome of the respondents table): promoters answer 9–10, detractors 0–6,
passives 7–8, and NPS = 100 × (share of promoters − share of detractors).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from mot._stats import validate_confidence
from mot.distributions import norm_ppf, norm_sf
from mot.errors import MissingMeasureError, MotError
from mot.messages import Message

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
)
"""Columns of :func:`nps_difference`."""


def nps(
    respondents: pd.DataFrame,
    *,
    by: str | None = None,
    confidence: float = 0.95,
    column: str = "recommend",
) -> pd.DataFrame:
    """Net Promoter Score with its standard error and confidence interval.

    Promoters answer 9 or 10, detractors 0 to 6 and passives anything in between (7, 8, or a
    non-integer such as 8.5). The score is ``100 · (p_P − p_D)``. Its variance follows from
    the trinomial distribution of the three answer classes (Rocks, 2016):
    ``var = [p_P + p_D − (p_P − p_D)²] / n``, ``se = 100 · √var``, and the Wald interval
    ``score ± z · se`` is clipped to [−100, 100].

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

    Returns
    -------
    DataFrame
        One row (per segment with ``by``, the segment first) with columns:

        - ``n``: valid answers (numbers from 0 to 10).
        - ``n_excluded``: answers left out: missing, not a number, or outside 0–10.
        - ``promoters``, ``passives``, ``detractors``: counts of each class.
        - ``promoter_share``, ``detractor_share``: shares of ``n`` (0–1).
        - ``score``: NPS, from −100 to 100.
        - ``se``: standard error of the score (NaN when ``n < 2``).
        - ``ci_low``, ``ci_high``: the clipped Wald interval (NaN when ``n < 2``).

    Raises
    ------
    MissingMeasureError
        If ``column`` is absent or has no valid 0–10 answer at all.
    MotError
        If ``by`` is not a column of ``respondents`` or ``confidence`` is not in (0, 1).

    References
    ----------
    Reichheld, F. F. (2003). The one number you need to grow. Harvard Business Review,
    81(12), 46–54.
    Rocks, B. (2016). Margin of error for Net Promoter Score. Fiftysevensix blog.

    Examples
    --------
    Ten answers: five promoters, three passives, two detractors, so the score is
    100 · (0.5 − 0.2) = 30 and se = 100 · √[(0.5 + 0.2 − 0.3²) / 10] = 100 · √0.061 = 24.698:

    >>> people = pd.DataFrame({"respondent_id": list("abcdefghij"),
    ...                        "recommend": [10, 9, 9, 10, 9, 7, 8, 8, 3, 6]})
    >>> row = nps(people).iloc[0]
    >>> int(row["promoters"]), int(row["detractors"]), float(row["score"])
    (5, 2, 30.0)
    >>> round(float(row["se"]), 3), round(float(row["ci_low"]), 2), round(float(row["ci_high"]), 2)
    (24.698, -18.41, 78.41)
    """
    _validate_nps(respondents, by=by, confidence=confidence, column=column)
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
    out = _nps_statistics(table, confidence)
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
) -> pd.DataFrame:
    """Compare the NPS of every pair of groups of ``by`` (independent samples).

    For groups a and b (a before b in category order) the difference is
    ``score_a − score_b`` with ``se = √(se_a² + se_b²)`` from the trinomial standard errors of
    :func:`nps`; ``z = difference / se`` and the two-sided p-value comes from the standard
    normal. The interval ``difference ± z_crit · se`` is clipped to [−200, 200]. No correction
    for multiple comparisons is applied.

    Parameters
    ----------
    respondents : DataFrame
        One row per respondent with ``column`` and the segment column ``by``.
    by : str
        The segment column whose groups are compared. Respondents with a missing segment are
        left out; how many is in ``result.attrs["n_missing_segment"]``.
    confidence : float, default 0.95
        Confidence level of the interval, strictly between 0 and 1.
    column : str, default "recommend"
        The column holding the 0–10 likelihood to recommend.

    Returns
    -------
    DataFrame
        One row per pair of groups, pairs in category order, with columns ``group_a``,
        ``group_b`` (categorical, the categories of ``by``), ``n_a``, ``n_b`` (valid answers),
        ``score_a``, ``score_b``, ``difference`` (``score_a − score_b``), ``se``, ``ci_low``,
        ``ci_high``, ``z`` and ``p_value`` (two-sided). Statistics are NaN when a group has
        fewer than two valid answers, or when ``se`` is 0. Empty (same columns) with fewer
        than two groups.

    Raises
    ------
    MissingMeasureError
        If ``column`` is absent or has no valid 0–10 answer.
    MotError
        If ``by`` is not a column of ``respondents`` or ``confidence`` is not in (0, 1).

    References
    ----------
    Rocks, B. (2016). Margin of error for Net Promoter Score. Fiftysevensix blog.

    Examples
    --------
    Group x: 4 promoters and 1 passive → score 80, se = 100 · √[(0.8 − 0.64) / 5] = 17.889;
    group y: 1 promoter, 1 passive, 2 detractors →
    score −25, se = 100 · √[(0.75 − 0.0625) / 4] = 41.458; difference 105,
    se = √(17.889² + 41.458²) = 45.153, z = 2.325:

    >>> people = pd.DataFrame({"recommend": [10, 9, 9, 10, 8, 9, 7, 2, 5],
    ...                        "group": list("xxxxxyyyy")})
    >>> row = nps_difference(people, by="group").iloc[0]
    >>> float(row["difference"]), round(float(row["se"]), 3), round(float(row["z"]), 3)
    (105.0, 45.153, 2.325)
    """
    _validate_nps(respondents, by=by, confidence=confidence, column=column)
    table = nps(respondents, by=by, confidence=confidence, column=column)
    first, second = np.triu_indices(len(table), k=1)
    a = table.iloc[first].reset_index(drop=True)
    b = table.iloc[second].reset_index(drop=True)
    difference = (a["score"] - b["score"]).to_numpy()
    se = np.hypot(a["se"].to_numpy(), b["se"].to_numpy())
    z_crit = norm_ppf((1 + confidence) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(se > 0, difference / se, np.nan)
    out = pd.DataFrame(
        {
            "group_a": a[by],
            "group_b": b[by],
            "n_a": a["n"],
            "n_b": b["n"],
            "score_a": a["score"],
            "score_b": b["score"],
            "difference": difference,
            "se": se,
            "ci_low": np.clip(difference - z_crit * se, -200.0, 200.0),
            "ci_high": np.clip(difference + z_crit * se, -200.0, 200.0),
            "z": z,
            "p_value": 2 * norm_sf(np.abs(z)),
        },
        columns=list(NPS_DIFFERENCE_COLUMNS),
    )
    out.attrs["n_missing_segment"] = table.attrs["n_missing_segment"]
    return out


def _nps_statistics(table: pd.DataFrame, confidence: float) -> pd.DataFrame:
    """Add shares, score, se and the clipped CI to a table of class counts."""
    n = table["n"].to_numpy(dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        p_promoter = table["promoters"].to_numpy() / n
        p_detractor = table["detractors"].to_numpy() / n
        net = p_promoter - p_detractor
        variance = (p_promoter + p_detractor - net**2) / n
    se = np.where(n >= 2, 100 * np.sqrt(np.clip(variance, 0.0, None)), np.nan)
    score = 100 * net
    z_crit = norm_ppf((1 + confidence) / 2)
    return table.assign(
        promoter_share=p_promoter,
        detractor_share=p_detractor,
        score=score,
        se=se,
        ci_low=np.clip(score - z_crit * se, -100.0, 100.0),
        ci_high=np.clip(score + z_crit * se, -100.0, 100.0),
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
