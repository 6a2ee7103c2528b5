"""Waves: the same survey measured again, wave B against wave A, touchpoint by touchpoint.

Step 6 of the six-step method is "take corrective action, and measure again". A wave is a
survey dataset with a label (and a date); :func:`compare_waves` tests every measure at every
touchpoint of two waves, plus the two gaps of each respondent (experienced − anticipated and
experienced − excellent), with the test the design calls for: Welch's when the waves share no
respondent, the partially overlapping samples t-test (:mod:`mot.ttests`) when some answered
both, the paired t-test when everyone did. p-values are Holm-adjusted across everything
compared at once, and the change is called on the adjusted p. :func:`wave_trend` gives the
mean of a measure per touchpoint in each of several waves, for a trend chart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from mot._stats import (
    adjust_p,
    overlap_t,
    pair_correlation,
    t_inference,
    validate_confidence,
    validate_correction,
)
from mot.errors import MissingMeasureError, MotError
from mot.messages import Message
from mot.scoring import score_utilities
from mot.survey import SurveyData
from mot.vocabulary import MEASURES

GAPS: dict[str, tuple[str, str]] = {
    "gap_expected": ("experienced", "anticipated"),
    "gap_excellent": ("experienced", "excellent"),
}
"""Each respondent's gaps: experienced minus what they expected and minus what would be
excellent (0 = met; negative = short of it; higher is better, like every other measure)."""

WAVE_COLUMNS: tuple[str, ...] = (
    "touchpoint",
    "measure",
    "n_a",
    "n_b",
    "n_paired",
    "mean_a",
    "mean_b",
    "difference",
    "ci_low",
    "ci_high",
    "method",
    "t",
    "df",
    "p_value",
    "p_adjusted",
    "effect_size",
    "change",
)
"""Columns of :func:`compare_waves`."""

CHANGES: tuple[str, ...] = ("improved", "worsened", "no_change", "not_tested")


def _values(survey: SurveyData, pair_on: str) -> pd.DataFrame:
    """One row per respondent key, one column per (touchpoint, measure), gaps included."""
    ratings = survey.ratings
    keys = ratings["respondent_id"].astype(str)
    if pair_on != "respondent_id":
        if pair_on not in survey.respondents.columns:
            raise MotError(Message("waves.no_pair_column", column=pair_on))
        lookup = survey.respondents.set_index(survey.respondents["respondent_id"].astype(str))
        keys = keys.map(lookup[pair_on].astype(str))
    frame = pd.DataFrame(
        {
            "key": keys.to_numpy(),
            "touchpoint": ratings["touchpoint"].astype(str).to_numpy(),
            "measure": ratings["measure"].astype(str).to_numpy(),
            "value": ratings["value"].to_numpy(dtype=np.float64),
        }
    ).dropna(subset=["key", "value"])
    repeated = frame.duplicated(["key", "touchpoint", "measure"])
    if repeated.any():
        first = frame[repeated].iloc[0]
        message = Message(
            "waves.repeated_key", column=pair_on, key=first["key"], touchpoint=first["touchpoint"]
        )
        raise MotError(message)
    wide = frame.pivot(index="key", columns=["touchpoint", "measure"], values="value")
    for gap, (left, right) in GAPS.items():
        for tp in wide.columns.get_level_values(0).unique():
            if (tp, left) in wide.columns and (tp, right) in wide.columns:
                wide[(tp, gap)] = wide[(tp, left)] - wide[(tp, right)]
    return wide


def _validate_alpha(alpha: object) -> None:
    """Raise a typed error unless ``alpha`` is a level strictly between 0 and 1."""
    if isinstance(alpha, bool) or not (isinstance(alpha, float | int) and 0 < alpha < 1):
        raise MotError(Message("waves.bad_alpha", alpha=str(alpha)))


_ID_NAME = re.compile(r"(?:^|[^a-z])id(?:[^a-z]|$)|[a-z]ID$")


def pairing_columns(a: SurveyData, b: SurveyData) -> list[str]:
    """The respondent columns that can match the same person across two waves.

    ``respondent_id`` first, then every other respondent column both waves have whose name
    reads as an identifier (``customer_id``, ``CustomerID``, ``id cliente``) and whose
    non-empty values are unique in each wave (no person counted twice), in name order.

    Examples
    --------
    >>> from mot.survey import load_survey
    >>> a = load_survey("data/demo_survey.csv")
    >>> b = load_survey("data/demo_survey_wave2.csv")
    >>> pairing_columns(a, b)
    ['respondent_id', 'customer_id']
    """
    people_a, people_b = a.respondents, b.respondents
    common = sorted(set(people_a.columns) & set(people_b.columns) - {"respondent_id"}, key=str)
    found = [
        column
        for column in common
        if _ID_NAME.search(str(column)) or _ID_NAME.search(str(column).lower())
        if people_a[column].dropna().is_unique and people_b[column].dropna().is_unique
    ]
    return ["respondent_id", *found]


def _moments(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per column: count, mean and variance (ddof=1) of the non-NaN values (NaN when short)."""
    n = np.count_nonzero(~np.isnan(values), axis=0).astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.nansum(values, axis=0) / n
        var = np.nansum((values - mean) ** 2, axis=0) / (n - 1)
    return n, np.where(n > 0, mean, np.nan), np.where(n >= 2, var, np.nan)


def compare_waves(
    a: SurveyData,
    b: SurveyData,
    *,
    pair_on: str = "respondent_id",
    correction: str = "holm",
    confidence: float = 0.95,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Test every measure at every touchpoint of wave B against wave A.

    Respondents are matched across waves on ``pair_on`` (``respondent_id``, or a
    respondent column such as ``customer_id`` when each wave has its own response ids).
    For each touchpoint × measure, with wave A's values ``x`` and wave B's ``y`` aligned by
    respondent (NaN where a respondent has no answer in a wave), ``difference = ȳ − x̄`` over
    all answers of each wave and the test is that of
    :func:`mot.ttests.partially_overlapping_ttest` (unequal variances, Derrick, Russ, Toher &
    White 2017): Welch's when no respondent answered in both waves (``method`` ``welch``),
    paired when all did (``paired``), partially overlapping in between
    (``partially_overlapping``). The gaps ``gap_expected`` (experienced − anticipated) and
    ``gap_excellent`` (experienced − excellent) are each respondent's own differences, tested
    the same way. Effect size: ``d = difference / √((s_a² + s_b²) / 2)`` (Cohen's d with
    the average variance, d_av; Cumming 2012). ``p_adjusted``: ``correction`` (Holm by
    default, as :func:`mot.compare.adjust_p_values`) over every row tested; ``change`` is
    ``improved`` (higher in B) or ``worsened`` when ``p_adjusted < alpha``, else
    ``no_change``; ``not_tested`` when a wave has fewer than two answers.

    Parameters
    ----------
    a, b : SurveyData
        Wave A (the earlier one, the baseline) and wave B.
    pair_on : str, default "respondent_id"
        What identifies the same person in both waves.
    correction : {"holm", "bonferroni", "fdr_bh", "none"}, default "holm"
        Adjustment of the p-values for testing every row at once.
    confidence : float, default 0.95
        Level of the interval of each difference.
    alpha : float, default 0.05
        Level at which a change is called, on the adjusted p.

    Returns
    -------
    DataFrame
        :data:`WAVE_COLUMNS`, one row per touchpoint and measure present in both waves
        (journey order of wave B, measures in :data:`mot.vocabulary.MEASURES` order, then
        the gaps). Values on the measures' 0–100 (emotion −100..+100) scales.

    Raises
    ------
    MissingMeasureError
        If the waves have no touchpoint and measure in common.
    MotError
        If ``pair_on`` is not a respondent column, names one person twice in a wave, or
        ``confidence``, ``alpha`` or ``correction`` is invalid.

    References
    ----------
    Derrick, B., Russ, B., Toher, D., & White, P. (2017). Test statistics for the comparison
    of means for two samples that include both paired and independent observations. Journal
    of Modern Applied Statistical Methods, 16(1), 137–157.
    Cumming, G. (2012). Understanding the new statistics. Routledge (d_av, ch. 11).

    Examples
    --------
    >>> from mot.survey import load_survey
    >>> a = load_survey("data/demo_survey.csv")
    >>> b = load_survey("data/demo_survey_wave2.csv")
    >>> table = compare_waves(a, b)
    >>> row = table.set_index(["touchpoint", "measure"]).loc[("TMOT", "experienced")]
    >>> row["method"], round(float(row["difference"]), 1), row["change"]
    ('welch', 8.6, 'improved')

    Matched on the customer id, the 600 customers who answered both waves are pairs:

    >>> both = compare_waves(a, b, pair_on="customer_id").set_index(["touchpoint", "measure"])
    >>> both.loc[("TMOT", "experienced"), ["method", "n_paired"]].map(str).tolist()
    ['partially_overlapping', '560']
    """
    validate_confidence(confidence)
    validate_correction(correction)
    _validate_alpha(alpha)
    wide_a, wide_b = _values(a, pair_on), _values(b, pair_on)
    order = [*MEASURES, *GAPS]
    touchpoints = list(dict.fromkeys([*b.journey.ids, *a.journey.ids]))
    cells = [
        (tp, m)
        for tp in touchpoints
        for m in order
        if (tp, m) in wide_a.columns and (tp, m) in wide_b.columns
    ]
    if not cells:
        raise MissingMeasureError(Message("waves.nothing_in_common"))
    keys = wide_a.index.union(wide_b.index)
    x = wide_a.reindex(index=keys, columns=pd.MultiIndex.from_tuples(cells)).to_numpy(np.float64)
    y = wide_b.reindex(index=keys, columns=pd.MultiIndex.from_tuples(cells)).to_numpy(np.float64)
    tested = _tests(x, y, confidence=confidence, correction=correction, alpha=alpha)
    frame = pd.DataFrame(
        {"touchpoint": [c[0] for c in cells], "measure": [c[1] for c in cells], **tested}
    )
    return frame[list(WAVE_COLUMNS)]


def _tests(
    x: np.ndarray, y: np.ndarray, *, confidence: float, correction: str, alpha: float
) -> dict[str, np.ndarray]:
    """Test every column of wave A's ``x`` against wave B's ``y``.

    Rows are the same respondent keys (NaN where one has no answer); the result holds the
    columns of :data:`WAVE_COLUMNS` after ``touchpoint`` and ``measure``.
    """
    n_1, mean_1, var_1 = _moments(x)
    n_2, mean_2, var_2 = _moments(y)
    pair = ~np.isnan(x) & ~np.isnan(y)
    paired_x, paired_y = np.where(pair, x, np.nan), np.where(pair, y, np.nan)
    n_c, _, var_c1 = _moments(paired_x)
    _, _, var_c2 = _moments(paired_y)
    _, _, var_d = _moments(paired_y - paired_x)
    r = pair_correlation(n_c, var_c1, var_c2, var_d)
    se, df = overlap_t(n_2, var_2, n_1, var_1, n_c, r)
    complete = (n_1 == n_c) & (n_2 == n_c) & (n_c > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        se = np.where(complete, np.sqrt(var_d / n_c), se)
    df = np.where(complete, n_c - 1, df)
    difference = mean_2 - mean_1
    low, high, p = t_inference(difference, se, df, confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        t = difference / se
        effect = difference / np.sqrt((var_1 + var_2) / 2)
    tested = (n_1 >= 2) & (n_2 >= 2) & ~np.isnan(p)
    p = np.where(tested, p, np.nan)
    adjusted = adjust_p(p, correction)
    change = np.select(
        [~tested, (adjusted < alpha) & (difference > 0), (adjusted < alpha) & (difference < 0)],
        ["not_tested", "improved", "worsened"],
        "no_change",
    )
    method = np.select([n_c == 0, complete], ["welch", "paired"], "partially_overlapping")
    return {
        "n_a": n_1.astype(np.int64),
        "n_b": n_2.astype(np.int64),
        "n_paired": n_c.astype(np.int64),
        "mean_a": mean_1,
        "mean_b": mean_2,
        "difference": difference,
        "ci_low": np.where(tested, low, np.nan),
        "ci_high": np.where(tested, high, np.nan),
        "method": method,
        "t": np.where(tested, t, np.nan),
        "df": np.where(tested, df, np.nan),
        "p_value": p,
        "p_adjusted": adjusted,
        "effect_size": effect,
        "change": change,
    }


NPS_WAVE_COLUMNS: tuple[str, ...] = WAVE_COLUMNS[1:]
"""Columns of :func:`compare_nps_waves` (those of :func:`compare_waves` but ``touchpoint``)."""


def _nps_scores(survey: SurveyData, pair_on: str, column: str) -> pd.Series:
    """Each respondent's share of the NPS (+100 promoter, 0 passive, −100 detractor) by key."""
    people = survey.respondents
    if column not in people.columns:
        raise MissingMeasureError(Message("missing.nps_column", column=column))
    if pair_on not in people.columns:
        raise MotError(Message("waves.no_pair_column", column=pair_on))
    answer = pd.to_numeric(people[column], errors="coerce").where(lambda v: v.between(0, 10))
    score = pd.Series(
        np.select([answer >= 9, answer <= 6], [100.0, -100.0], 0.0), index=people.index
    ).where(answer.notna())
    frame = pd.DataFrame({"key": people[pair_on].astype("str"), "score": score}).dropna()
    repeated = frame["key"].duplicated()
    if repeated.any():
        key = frame.loc[repeated, "key"].iloc[0]
        raise MotError(Message("waves.repeated_key", column=pair_on, key=key, touchpoint=column))
    return frame.set_index("key")["score"]


def compare_nps_waves(
    a: SurveyData,
    b: SurveyData,
    *,
    pair_on: str = "respondent_id",
    column: str = "recommend",
    confidence: float = 0.95,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """The Net Promoter Score of wave B against wave A, with the test the design calls for.

    Each respondent's answer ``r`` (0–10) counts ``s = +100`` if ``r ≥ 9`` (promoter),
    ``−100`` if ``r ≤ 6`` (detractor) and ``0`` otherwise, so ``NPS = mean(s)``
    (:func:`mot.wom.nps`'s score). The difference ``NPS_B − NPS_A`` is tested on ``s``
    exactly as :func:`compare_waves` tests a measure: Welch's t when no respondent (matched
    on ``pair_on``) answered in both waves, paired when all did, the partially overlapping
    samples t-test in between (Derrick et al. 2017). One test, so ``p_adjusted = p_value``.

    Parameters
    ----------
    a, b : SurveyData
        Wave A (the baseline) and wave B.
    pair_on : str, default "respondent_id"
        The respondent column that identifies the same person in both waves.
    column : str, default "recommend"
        The respondent column with the 0–10 likelihood to recommend.
    confidence : float, default 0.95
        Level of the difference's interval.
    alpha : float, default 0.05
        Level at which a change is called.

    Returns
    -------
    DataFrame
        One row, :data:`NPS_WAVE_COLUMNS`, ``measure`` ``"nps"``; ``mean_a`` and ``mean_b``
        are the two waves' NPS (−100..+100).

    Raises
    ------
    MissingMeasureError
        If a wave has no ``column``.
    MotError
        If ``pair_on`` is not a respondent column or names one person twice in a wave, or
        ``confidence`` or ``alpha`` is invalid.

    References
    ----------
    Derrick, B., Russ, B., Toher, D., & White, P. (2017). Test statistics for the comparison
    of means for two samples that include both paired and independent observations. Journal
    of Modern Applied Statistical Methods, 16(1), 137–157.

    Examples
    --------
    >>> from mot.survey import load_survey
    >>> a = load_survey("data/demo_survey.csv")
    >>> b = load_survey("data/demo_survey_wave2.csv")
    >>> row = compare_nps_waves(a, b).iloc[0]
    >>> row["method"], int(row["n_a"]), int(row["n_b"]), round(float(row["difference"]), 1)
    ('welch', 1958, 1465, 3.3)
    """
    validate_confidence(confidence)
    _validate_alpha(alpha)
    score_a, score_b = _nps_scores(a, pair_on, column), _nps_scores(b, pair_on, column)
    keys = score_a.index.union(score_b.index)
    x = score_a.reindex(keys).to_numpy(np.float64)[:, None]
    y = score_b.reindex(keys).to_numpy(np.float64)[:, None]
    tested = _tests(x, y, confidence=confidence, correction="none", alpha=alpha)
    return pd.DataFrame({"measure": ["nps"], **tested})[list(NPS_WAVE_COLUMNS)]


def wave_trend(
    waves: Sequence[SurveyData], labels: Sequence[str], *, confidence: float = 0.95
) -> pd.DataFrame:
    """Mean utility per touchpoint in each wave, for a trend over several waves.

    Parameters
    ----------
    waves : sequence of SurveyData
        The waves in time order.
    labels : sequence of str
        A label per wave (shown on the chart's axis, in this order).
    confidence : float, default 0.95
        Level of each mean's t-interval (:func:`mot.scoring.score_utilities`).

    Returns
    -------
    DataFrame
        ``wave`` (the label, an ordered categorical), ``position`` (0, 1, …), then the
        columns of :func:`mot.scoring.score_utilities` (``touchpoint, utility, n, mean, sd,
        se, ci_low, ci_high, …``).

    Raises
    ------
    MotError
        If the numbers of waves and labels differ, or fewer than two waves are given.

    Examples
    --------
    >>> from mot.survey import load_survey
    >>> a = load_survey("data/demo_survey.csv")
    >>> b = load_survey("data/demo_survey_wave2.csv")
    >>> trend = wave_trend([a, b], ["June", "September"])
    >>> tmot = trend[(trend["touchpoint"] == "TMOT") & (trend["utility"] == "experienced")]
    >>> tmot["mean"].round(1).tolist()
    [60.5, 69.1]
    """
    if len(waves) != len(labels) or len(waves) < 2:
        raise MotError(Message("waves.labels", n_waves=len(waves), n_labels=len(labels)))
    parts = []
    for position, (wave, label) in enumerate(zip(waves, labels, strict=True)):
        scored = score_utilities(wave.ratings, confidence=confidence)
        parts.append(scored.assign(wave=label, position=position))
    trend = pd.concat(parts, ignore_index=True)
    trend["wave"] = pd.Categorical(trend["wave"], categories=list(dict.fromkeys(labels)))
    first = ["wave", "position"]
    return trend[first + [c for c in trend.columns if c not in first]]


def change_sentences(table: pd.DataFrame, labels: dict[str, str] | None = None) -> list[Message]:
    """One plain sentence per change found by :func:`compare_waves`, largest effect first.

    "TMOT (Third moment of truth): experienced utility improved by 8.6 points (p = 0.000,
    Holm-adjusted)". ``labels`` maps touchpoint ids to names (``journey.labels(language)``).
    Rows with ``change`` ``no_change`` or ``not_tested`` give no sentence.

    Examples
    --------
    >>> row = {"touchpoint": "TMOT", "measure": "experienced", "difference": 8.6,
    ...        "effect_size": 0.4, "p_adjusted": 0.0001, "change": "improved"}
    >>> str(change_sentences(pd.DataFrame([row]), {"TMOT": "Delivery"})[0])
    'TMOT (Delivery): experienced improved by 8.6 points (p < 0.001, Holm-adjusted).'
    """
    changed = table[table["change"].isin(["improved", "worsened"])]
    size = changed["effect_size"] if "effect_size" in changed else changed["difference"]
    changed = changed.reindex(size.abs().sort_values(ascending=False).index)
    out = []
    for row in changed.itertuples(index=False):
        name = (labels or {}).get(row.touchpoint, "")
        measure = (
            Message(f"measure.{row.measure}")
            if row.measure in MEASURES
            else Message(f"waves.{row.measure}")
        )
        out.append(
            Message(
                f"waves.sentence.{row.change}",
                touchpoint=row.touchpoint,
                label=f" ({name})" if name else "",
                measure=measure,
                points=abs(float(row.difference)),
                p=Message("waves.p_below")
                if row.p_adjusted < 0.001
                else Message("waves.p_equal", p=float(row.p_adjusted)),
            )
        )
    return out
