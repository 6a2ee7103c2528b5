"""Tests for mot.memory: the peak-end rule and Williams' test for dependent correlations."""

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from mot.errors import InsufficientDataError, MissingMeasureError, MotError
from mot.memory import (
    PREDICTOR_COLUMNS,
    PREDICTORS,
    PeakEndResult,
    memory_points,
    peak_end,
    williams_t,
)

TOUCHPOINTS = ["ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"]


def curves_to_ratings(curves: dict[str, list[float]], measure: str = "emotion") -> pd.DataFrame:
    rows = [
        (rid, TOUCHPOINTS[k], measure, v)
        for rid, values in curves.items()
        for k, v in enumerate(values)
        if not math.isnan(v)
    ]
    return pd.DataFrame(rows, columns=["respondent_id", "touchpoint", "measure", "value"])


def people(outcomes: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {"respondent_id": list(outcomes), "overall_retrospective": list(outcomes.values())}
    )


def williams_from_scratch(r_jk, r_jh, r_kh, n):
    """Williams (1959) T2 as written in Steiger (1980), eq. 7, with the math module only."""
    det_r = 1 - r_jk**2 - r_jh**2 - r_kh**2 + 2 * r_jk * r_jh * r_kh
    r_bar = (r_jk + r_jh) / 2
    return (r_jk - r_jh) * math.sqrt(
        (n - 1) * (1 + r_kh) / (2 * (n - 1) / (n - 3) * det_r + r_bar**2 * (1 - r_kh) ** 3)
    )


# Four respondents, two touchpoints (SMOT-like start, TMOT-like end) and a remembered rating.
EXAMPLE_CURVES = {"a": [-80.0, 20.0], "b": [10.0, 40.0], "c": [60.0, -20.0], "d": [0.0, 0.0]}
EXAMPLE_OUTCOMES = {"a": 30.0, "b": 70.0, "c": 60.0, "d": 50.0}


# --------------------------------------------------------------------------------------------
# Williams' t
# --------------------------------------------------------------------------------------------


def test_williams_t_published_value():
    # Silver, Hittner & May (2006), the test case of the R package cocor (williams1959):
    # r_jk = .3, r_jh = .4, r_kh = .5, n = 100 → t = −1.0767, p = .2843.
    t, df = williams_t(0.3, 0.4, 0.5, 100)
    assert df == 97
    assert t == pytest.approx(-1.0767, abs=1e-4)
    assert 2 * stats.t.sf(abs(t), df) == pytest.approx(0.2843, abs=1e-4)


@pytest.mark.parametrize(
    ("r_jk", "r_jh", "r_kh", "n"),
    [(0.73, 0.46, 0.62, 2000), (0.5, 0.2, 0.3, 50), (0.1, 0.6, -0.2, 30)],
)
def test_williams_t_matches_the_formula_written_out(r_jk, r_jh, r_kh, n):
    t, df = williams_t(r_jk, r_jh, r_kh, n)
    assert t == pytest.approx(williams_from_scratch(r_jk, r_jh, r_kh, n), rel=1e-12)
    assert df == n - 3


def test_williams_t_undefined_for_identical_predictors():
    t, _ = williams_t(0.5, 0.5, 1.0, 20)
    assert math.isnan(t)


# --------------------------------------------------------------------------------------------
# peak_end
# --------------------------------------------------------------------------------------------


def test_peak_end_example_by_hand():
    # Most intense points (largest |value|, sign kept): a −80, b 40, c 60, d 0.
    # Ends: 20, 40, −20, 0. Peak-end averages (peak + end)/2: −30, 40, 20, 0. Means: −30, 25,
    # 20, 0. Outcome deviations from 52.5: −22.5, 17.5, 7.5, −2.5 (Σ² = 875).
    # peak_end: deviations from 7.5 → −37.5, 32.5, 12.5, −7.5 (Σ² = 2675), Σxy = 1525,
    #   r = 1525/√(2675·875) = 0.99679.
    # mean: deviations from 3.75 → Σ² = 1868.75, Σxy = 1262.5, r = 0.98731.
    # end: deviations from 10 → 10, 30, −30, −10 (Σ² = 2000), Σxy = 100, r = 0.07559.
    # most_intense: deviations from 5 → −85, 35, 55, −5 (Σ² = 11500), Σxy = 2950, r = 0.92997.
    # peak (highest: 20, 40, 60, 0): deviations from 30 → −10, 10, 30, −30 (Σ² = 2000),
    #   Σxy = 225 + 175 + 225 + 75 = 700, r = 700/√(2000·875) = 0.52915.
    # trough (lowest: −80, 10, −20, 0): deviations from −22.5 → −57.5, 32.5, 2.5, 22.5
    #   (Σ² = 4875), Σxy = 1293.75 + 568.75 + 18.75 − 56.25 = 1825, r = 1825/√(4875·875).
    # peak_end against mean: Σxy = 2187.5, r = 2187.5/√(2675·1868.75) = 0.97838.
    # (Until issue 12 the row "peak" held the most intense point; it is now "most_intense",
    # and "peak" and "trough" are the highest and the lowest point.)
    result = peak_end(curves_to_ratings(EXAMPLE_CURVES), people(EXAMPLE_OUTCOMES))
    assert isinstance(result, PeakEndResult)
    table = result.to_frame()
    assert list(table.columns) == list(PREDICTOR_COLUMNS)
    assert table["predictor"].tolist() == list(PREDICTORS)
    r = table.set_index("predictor")["r"]
    assert r["peak_end"] == pytest.approx(1525 / math.sqrt(2675 * 875))
    assert r["mean"] == pytest.approx(1262.5 / math.sqrt(1868.75 * 875))
    assert r["end"] == pytest.approx(100 / math.sqrt(2000 * 875))
    assert r["most_intense"] == pytest.approx(2950 / math.sqrt(11500 * 875))
    assert r["peak"] == pytest.approx(700 / math.sqrt(2000 * 875))
    assert r["trough"] == pytest.approx(1825 / math.sqrt(4875 * 875))
    between = 2187.5 / math.sqrt(2675 * 1868.75)
    assert result.comparison.r_between == pytest.approx(between)
    assert result.comparison.t == pytest.approx(
        williams_from_scratch(r["peak_end"], r["mean"], between, 4)
    )
    assert result.comparison.df == 1
    assert result.comparison.difference == pytest.approx(r["peak_end"] - r["mean"])
    assert (result.n, result.n_excluded, result.source) == (4, 0, "emotion")
    assert table["n"].tolist() == [4] * 6
    mean_row = table.set_index("predictor").loc["mean"]
    assert mean_row["r_with_peak_end"] == pytest.approx(between)
    assert mean_row["t_vs_peak_end"] == pytest.approx(result.comparison.t)
    assert mean_row["p_vs_peak_end"] == pytest.approx(result.comparison.p_value)
    assert table.iloc[0][["r_with_peak_end", "t_vs_peak_end", "p_vs_peak_end"]].isna().all()


def test_correlations_match_scipy_pearsonr():
    rng = np.random.default_rng(42)
    values = rng.integers(-100, 101, (150, 5)).astype(float)
    values[rng.random(values.shape) < 0.1] = np.nan
    values[:, 0] = rng.integers(-100, 101, 150)  # everyone has at least one point
    curves = {f"r{i:03d}": list(row) for i, row in enumerate(values)}
    outcome = {rid: float(rng.uniform(0, 100)) for rid in curves}
    result = peak_end(curves_to_ratings(curves), people(outcome), confidence=0.9)
    # The same six summaries computed row by row with plain numpy, on the complete rows only
    # (issue 12: this test used every row, the incomplete ones with their last rated point
    # as the end).
    complete = ~np.isnan(values).any(axis=1)
    n = int(complete.sum())
    assert 40 < n < 150 and result.n == n and result.n_incomplete == 150 - n
    y = np.array(list(outcome.values()))[complete]
    summaries = {name: [] for name in PREDICTORS}
    for points in values[complete]:
        intense = points[np.argmax(np.abs(points))]
        summaries["peak_end"].append((intense + points[-1]) / 2)
        summaries["mean"].append(points.mean())
        summaries["end"].append(points[-1])
        summaries["most_intense"].append(intense)
        summaries["peak"].append(points.max())
        summaries["trough"].append(points.min())
    table = result.to_frame().set_index("predictor")
    for name, x in summaries.items():
        reference = stats.pearsonr(x, y)
        interval = reference.confidence_interval(confidence_level=0.9)
        assert table.loc[name, "r"] == pytest.approx(reference.statistic, rel=1e-10)
        assert table.loc[name, "p_value"] == pytest.approx(reference.pvalue, rel=1e-8)
        assert table.loc[name, "ci_low"] == pytest.approx(interval.low, rel=1e-10)
        assert table.loc[name, "ci_high"] == pytest.approx(interval.high, rel=1e-10)
        if name == "peak_end":
            continue
        # Williams' t of r(peak_end) against r(this summary), from the formula written out.
        between = stats.pearsonr(summaries["peak_end"], x).statistic
        t = williams_from_scratch(table.loc["peak_end", "r"], table.loc[name, "r"], between, n)
        assert table.loc[name, "r_with_peak_end"] == pytest.approx(between, rel=1e-10)
        assert table.loc[name, "t_vs_peak_end"] == pytest.approx(t, rel=1e-10)
        assert table.loc[name, "p_vs_peak_end"] == pytest.approx(
            2 * stats.t.sf(abs(t), n - 3), rel=1e-8
        )
    between = stats.pearsonr(summaries["peak_end"], summaries["mean"]).statistic
    assert result.comparison.r_between == pytest.approx(between, rel=1e-10)
    t = williams_from_scratch(table.loc["peak_end", "r"], table.loc["mean", "r"], between, n)
    assert result.comparison.t == pytest.approx(t, rel=1e-10)
    assert result.comparison.p_value == pytest.approx(2 * stats.t.sf(abs(t), n - 3), rel=1e-8)
    assert result.comparison.p_one_sided == pytest.approx(stats.t.sf(t, n - 3), rel=1e-8)


def test_most_intense_point_keeps_its_sign_and_ties_go_to_the_earliest():
    # Curves built so that the outcome equals the expected most intense point: its r must
    # be 1 (the row was called "peak" until issue 12). a: −80 beats +20; b: +60 and −60
    # tie → the earlier, +60; c: −60 then +60 → −60; d: +30 beats −10; e: a single −5,
    # now left out as an incomplete curve.
    curves = {
        "a": [-80.0, 20.0],
        "b": [60.0, -60.0],
        "c": [-60.0, 60.0],
        "d": [-10.0, 30.0],
        "e": [np.nan, -5.0],
    }
    outcome = {"a": -80.0, "b": 60.0, "c": -60.0, "d": 30.0, "e": -5.0}
    result = peak_end(curves_to_ratings(curves), people(outcome))
    r = result.to_frame().set_index("predictor")["r"]
    assert r["most_intense"] == pytest.approx(1.0)
    assert r["peak"] < 1 and r["trough"] < 1  # the highest and the lowest are other things
    assert (result.n, result.n_incomplete) == (4, 1)


def make_study(outcome_from: str, n=400, seed=0):
    rng = np.random.default_rng(seed)
    values = rng.normal(0, 40, (n, 5)).clip(-100, 100)
    curves = {f"r{i:04d}": list(row) for i, row in enumerate(values)}
    intense = values[np.arange(n), np.abs(values).argmax(axis=1)]
    signal = {
        "peak_end": (intense + values[:, -1]) / 2,
        "mean": values.mean(axis=1),
        "noise": np.zeros(n),
    }[outcome_from]
    outcome = 50 + signal / 2 + rng.normal(0, 5 if outcome_from != "noise" else 20, n)
    return curves_to_ratings(curves), people(dict(zip(curves, outcome, strict=True)))


@pytest.mark.parametrize(
    ("outcome_from", "verdict"),
    [("peak_end", "peak_end"), ("mean", "mean"), ("noise", "no_difference")],
)
def test_verdict(outcome_from, verdict):
    ratings, respondents = make_study(outcome_from)
    result = peak_end(ratings, respondents)
    assert result.verdict == verdict
    if verdict != "no_difference":
        assert result.comparison.p_value < 0.05
    else:
        assert result.comparison.p_value >= 0.05


def test_experienced_utility_is_used_without_emotion():
    ratings, respondents = make_study("peak_end", n=50)
    # Emotion e on −100..100 is experienced (e/2 + 50) on 0–100: the same curves after centring.
    experienced = ratings.assign(measure="experienced", value=ratings["value"] / 2 + 50)
    a, b = peak_end(ratings, respondents), peak_end(experienced, respondents)
    assert b.source == "experienced"
    np.testing.assert_allclose(a.to_frame()["r"], b.to_frame()["r"], rtol=1e-10)


def test_who_is_excluded_is_counted():
    curves = {k: [10.0 * i, -5.0 * i] for i, k in enumerate("abcdef")}
    ratings = pd.concat(
        [
            curves_to_ratings(curves),
            curves_to_ratings({"g": [70.0]}, measure="anticipated"),  # g: no curve
        ],
        ignore_index=True,
    )
    # e: outcome not answered; f: not in the respondents table; z: no ratings at all.
    table = people({"a": 10.0, "b": 30.0, "c": 20.0, "d": 50.0, "e": np.nan, "g": 60.0, "z": 1.0})
    result = peak_end(ratings, table)
    assert result.n == 4
    assert result.n_excluded == 4  # e, f, g, z
    # g (anticipated only) and z (no ratings) have no curve; e and f no outcome.
    assert (result.n_no_curve, result.n_no_outcome, result.n_incomplete) == (2, 2, 0)


def test_only_complete_curves_are_compared():
    # Issue 12: x skipped the last touchpoint (its "end" would be FMOT's value) and y the
    # first: both are left out as incomplete, and the result is the one of the complete
    # respondents alone.
    ratings, respondents = make_study("peak_end", n=60, seed=4)
    extra = curves_to_ratings({"x": [90.0, 80.0, 70.0, 60.0, np.nan], "y": [np.nan, 0, 0, 0, 0]})
    more = pd.concat([ratings, extra], ignore_index=True)
    both = pd.concat([respondents, people({"x": 0.0, "y": 100.0})], ignore_index=True)
    result, alone = peak_end(more, both), peak_end(ratings, respondents)
    assert (result.n, result.n_excluded, result.n_incomplete) == (60, 2, 2)
    assert result.touchpoints == tuple(TOUCHPOINTS)
    pd.testing.assert_frame_equal(result.to_frame(), alone.to_frame())
    points = memory_points(more, both)
    assert len(points) == 60 and not {"x", "y"} & set(points["respondent_id"])
    assert list(points.columns) == ["respondent_id", *PREDICTORS, "remembered"]


def test_a_respondent_without_emotion_ratings_is_compared_on_experienced_utility():
    # Issue 12: z gave no emotion rating, so their curve is their experienced utility
    # centred, 2 · (value − 50); everyone else keeps emotion. The result equals the one where
    # z's curve is given as emotion directly.
    ratings, respondents = make_study("peak_end", n=40, seed=2)
    z = [60.0, -20.0, 40.0, 0.0, 80.0]
    as_emotion = curves_to_ratings({"z": z})
    as_experienced = as_emotion.assign(measure="experienced", value=as_emotion["value"] / 2 + 50)
    everyone = pd.concat([respondents, people({"z": 75.0})], ignore_index=True)
    mixed = peak_end(pd.concat([ratings, as_experienced], ignore_index=True), everyone)
    direct = peak_end(pd.concat([ratings, as_emotion], ignore_index=True), everyone)
    assert (mixed.source, direct.source) == ("mixed", "emotion")
    assert mixed.n == direct.n == 41
    np.testing.assert_allclose(mixed.to_frame()["r"], direct.to_frame()["r"], rtol=1e-12)


def test_order_of_the_respondents_table_does_not_matter():
    ratings, respondents = make_study("peak_end", n=60)
    shuffled = respondents.sample(frac=1, random_state=3)
    a, b = peak_end(ratings, respondents), peak_end(ratings, shuffled)
    pd.testing.assert_frame_equal(a.to_frame(), b.to_frame())
    assert a.comparison == b.comparison


def test_errors_are_typed():
    ratings = curves_to_ratings(EXAMPLE_CURVES)
    with pytest.raises(MissingMeasureError, match="overall_retrospective"):
        peak_end(ratings, people(EXAMPLE_OUTCOMES).drop(columns="overall_retrospective"))
    with pytest.raises(MissingMeasureError, match="no answers"):
        peak_end(ratings, people(dict.fromkeys(EXAMPLE_OUTCOMES, np.nan)))
    with pytest.raises(InsufficientDataError, match="at least 4"):
        peak_end(ratings, people({"a": 1.0, "b": 2.0, "c": 3.0}))
    with pytest.raises(MotError, match="respondent_id"):
        peak_end(ratings, people(EXAMPLE_OUTCOMES).rename(columns={"respondent_id": "id"}))
    duplicated = pd.concat([people(EXAMPLE_OUTCOMES)] * 2, ignore_index=True)
    with pytest.raises(MotError, match=r"appears 2 times"):
        peak_end(ratings, duplicated)
    text = people(EXAMPLE_OUTCOMES).assign(overall_retrospective="good")
    with pytest.raises(MotError, match="numbers"):
        peak_end(ratings, text)
    with pytest.raises(MissingMeasureError, match="emotion"):
        peak_end(ratings.assign(measure="anticipated"), people(EXAMPLE_OUTCOMES))
    with pytest.raises(MotError, match="confidence"):
        peak_end(ratings, people(EXAMPLE_OUTCOMES), confidence=2)


def test_other_outcome_and_constant_predictor():
    ratings = curves_to_ratings({k: [20.0, 40.0] for k in "abcd"})  # every curve the same
    table = people(EXAMPLE_OUTCOMES).rename(columns={"overall_retrospective": "repurchase"})
    result = peak_end(ratings, table, outcome="repurchase")
    assert result.outcome == "repurchase"
    assert result.to_frame()["r"].isna().all()
    assert result.verdict == "no_difference"


def test_result_is_frozen_and_inputs_not_mutated():
    ratings, respondents = curves_to_ratings(EXAMPLE_CURVES), people(EXAMPLE_OUTCOMES)
    before = (ratings.copy(), respondents.copy())
    result = peak_end(ratings, respondents)
    pd.testing.assert_frame_equal(ratings, before[0])
    pd.testing.assert_frame_equal(respondents, before[1])
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.verdict = "mean"
    assert result.to_frame()["n"].dtype == np.int64
