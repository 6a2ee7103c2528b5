"""Tests for mot.curves: the emotional curve, its extremes and each respondent's curve."""

import math

import numpy as np
import pandas as pd
import pytest
from scipy import signal, stats

from mot.curves import (
    CURVE_COLUMNS,
    DURATION_COLUMNS,
    EXTREME_COLUMNS,
    LOCATION_COLUMNS,
    RESPONDENT_COLUMNS,
    SOURCE_COLUMNS,
    curve_extremes,
    curve_sources,
    duration_summary,
    emotion_curve,
    extreme_locations,
    respondent_curves,
    sample_curves,
)
from mot.errors import MissingMeasureError, MotError
from mot.tidy import as_ratings

JOURNEY = ["ZMOT", "FMOT", "SMOT", "TMOT", "UMOT"]


def emotions(table: dict[str, list[float]], measure: str = "emotion") -> pd.DataFrame:
    """Respondent → values along the journey (NaN = not rated) as tidy ratings."""
    rows = [
        (rid, JOURNEY[k], measure, value)
        for rid, values in table.items()
        for k, value in enumerate(values)
        if not math.isnan(value)
    ]
    frame = pd.DataFrame(rows, columns=["respondent_id", "touchpoint", "measure", "value"])
    return as_ratings(frame, touchpoints=JOURNEY)


def random_curves(n=200, seed=3, missing=0.2):
    rng = np.random.default_rng(seed)
    values = rng.integers(-100, 101, (n, len(JOURNEY))).astype(float)
    values[rng.random(values.shape) < missing] = np.nan
    table = {f"r{i:04d}": list(row) for i, row in enumerate(values)}
    ratings = emotions(table)
    device = {rid: ("mobile" if i % 3 else "desktop") for i, rid in enumerate(table)}
    ratings["device"] = pd.Categorical(ratings["respondent_id"].map(device).astype(str))
    return ratings, table


# --------------------------------------------------------------------------------------------
# emotion_curve
# --------------------------------------------------------------------------------------------


def test_emotion_curve_by_hand():
    # ZMOT: −20, 20, 60 → mean 20, deviations 40, 0, 40 → sd = √(3200/2) = 40,
    # t_{0.975,2} = 4.3027 (table) → 20 ± 4.3027 · 40/√3 = 20 ± 99.37 = [−79.37, 119.37]:
    # the upper end leaves the −100..+100 scale, so it is cut at 100 and flagged (issue 12:
    # intervals never leave the scale silently; this test used to expect 119.37).
    # FMOT: only respondent a rated it → n = 1, NaN spread.
    ratings = emotions({"a": [-20.0, 10.0], "b": [20.0, np.nan], "c": [60.0, np.nan]})
    out = emotion_curve(ratings)
    assert list(out.columns) == list(CURVE_COLUMNS)
    assert [str(t) for t in out["touchpoint"]] == ["ZMOT", "FMOT"]
    assert out["position"].tolist() == [0, 1]
    zmot, fmot = out.iloc[0], out.iloc[1]
    assert (zmot["n"], zmot["mean"], zmot["sd"]) == (3, 20.0, 40.0)
    assert zmot["ci_low"] == pytest.approx(20 - 4.302653 * 40 / math.sqrt(3), rel=1e-6)
    assert 20 + 4.302653 * 40 / math.sqrt(3) == pytest.approx(119.37, abs=0.01)
    assert zmot["ci_high"] == 100.0 and bool(zmot["ci_clipped"])
    assert fmot["n"] == 1 and fmot["mean"] == 10.0
    assert np.isnan([fmot["sd"], fmot["ci_low"], fmot["ci_high"]]).all()
    assert not fmot["ci_clipped"]
    assert set(out["source"]) == {"emotion"}


def test_experienced_is_centred_when_there_is_no_emotion():
    # 2 · (value − 50): 75 → 50, 25 → −50, 50 → 0.
    ratings = emotions({"a": [75.0], "b": [25.0], "c": [50.0]}, measure="experienced")
    row = emotion_curve(ratings).iloc[0]
    assert row["mean"] == 0.0 and row["sd"] == pytest.approx(50.0)
    assert row["source"] == "experienced"
    summary = respondent_curves(ratings)
    assert summary["peak"].tolist() == [50.0, -50.0, 0.0]


def test_emotion_is_preferred_over_experienced():
    both = pd.concat(
        [emotions({"a": [10.0]}), emotions({"a": [90.0]}, measure="experienced")],
        ignore_index=True,
    )
    row = emotion_curve(both).iloc[0]
    assert row["source"] == "emotion" and row["mean"] == 10.0


def test_intervals_stay_on_the_scale_and_say_when_they_were_cut():
    # Independent: scipy's t-interval of each touchpoint's values, then cut at ±100.
    # ZMOT: four answers near the ends of the scale (a wide interval); the rest: 30 answers.
    rng = np.random.default_rng(5)
    nan = [np.nan] * 4
    table = {f"r{i}": [v, *nan] for i, v in enumerate([-100.0, -90.0, 95.0, 100.0])}
    table |= {f"s{i:02d}": [np.nan, *rng.normal(0, 10, 4)] for i in range(30)}
    ratings = emotions(table)
    out = emotion_curve(ratings)
    out = out.set_index(out["touchpoint"].astype(str))
    for touchpoint, rows in ratings.groupby("touchpoint", observed=True):
        x = rows["value"].to_numpy()
        low, high = stats.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=stats.sem(x))
        row = out.loc[str(touchpoint)]
        assert row["ci_low"] == pytest.approx(max(low, -100.0))
        assert row["ci_high"] == pytest.approx(min(high, 100.0))
        assert bool(row["ci_clipped"]) == (low < -100 or high > 100)
    assert out["ci_clipped"].tolist() == [True, False, False, False, False]
    assert out["ci_low"].min() >= -100 and out["ci_high"].max() <= 100


def test_a_respondent_without_emotion_ratings_falls_back_on_experienced_utility():
    # Issue 12: the source is chosen per respondent. a and b rated emotion; c only
    # experienced utility (80 → 2 · (80 − 50) = 60, 30 → −40); d only anticipated utility.
    ratings = pd.concat(
        [
            emotions({"a": [10.0, 20.0], "b": [30.0, -20.0]}),
            emotions({"a": [90.0, 90.0], "c": [80.0, 30.0]}, measure="experienced"),
            emotions({"d": [50.0]}, measure="anticipated"),
        ],
        ignore_index=True,
    )
    curve = emotion_curve(ratings)
    # ZMOT: 10, 30 and c's 60 → mean 100/3; FMOT: 20, −20, −40 → −40/3 (a's 90s are unused).
    assert curve["mean"].tolist() == pytest.approx([100 / 3, -40 / 3])
    assert curve["source"].tolist() == ["mixed", "mixed"]
    per = respondent_curves(ratings).set_index("respondent_id")
    assert per["source"].tolist() == ["emotion", "emotion", "experienced", "none"]
    assert per.loc["c", "peak"] == 60.0 and per.loc["c", "trough"] == -40.0
    sources = curve_sources(ratings)
    assert list(sources.columns) == list(SOURCE_COLUMNS)
    assert sources["source"].tolist() == ["emotion", "experienced", "none"]
    assert sources["n_respondents"].tolist() == [2, 1, 1]
    assert sources["share"].tolist() == pytest.approx([0.5, 0.25, 0.25])
    drawn = sample_curves(ratings, n=10)
    assert drawn.groupby("respondent_id")["source"].first().to_dict() == {
        "a": "emotion",
        "b": "emotion",
        "c": "experienced",
    }
    assert drawn.loc[drawn["respondent_id"] == "c", "value"].tolist() == [60.0, -40.0]


def test_the_source_of_each_segment_curve_counts_only_its_own_respondents():
    # x: a (emotion); y: b (emotion) and c (experienced 75, 100 → 50, 100).
    ratings = pd.concat(
        [
            emotions({"a": [10.0, 20.0], "b": [30.0, 40.0]}),
            emotions({"c": [75.0, 100.0]}, measure="experienced"),
        ],
        ignore_index=True,
    )
    ratings["seg"] = pd.Categorical(ratings["respondent_id"].map({"a": "x", "b": "y", "c": "y"}))
    out = emotion_curve(ratings, by="seg")
    assert out["source"].tolist() == ["emotion", "emotion", "mixed", "mixed"]
    assert out["mean"].tolist() == [10.0, 20.0, 40.0, 70.0]  # (30 + 50)/2, (40 + 100)/2


def test_curve_sources_of_an_emotion_only_and_an_empty_table():
    ratings, _ = random_curves(n=20, missing=0.0)
    assert curve_sources(ratings)["n_respondents"].tolist() == [20, 0, 0]
    assert set(emotion_curve(ratings)["source"]) == {"emotion"}
    empty = curve_sources(ratings.iloc[:0])
    assert list(empty.columns) == list(SOURCE_COLUMNS)
    assert empty["n_respondents"].tolist() == [0, 0, 0]


def test_emotion_curve_matches_groupby():
    ratings, _ = random_curves()
    out = emotion_curve(ratings)
    expected = ratings.groupby("touchpoint", observed=True)["value"].agg(["size", "mean", "std"])
    np.testing.assert_array_equal(out["n"], expected["size"])
    np.testing.assert_allclose(out["mean"], expected["mean"], rtol=1e-12)
    np.testing.assert_allclose(out["sd"], expected["std"], rtol=1e-10)


def test_emotion_curve_by_segment():
    ratings, _ = random_curves()
    ratings.loc[ratings["respondent_id"] == "r0001", "device"] = np.nan
    out = emotion_curve(ratings, by="device")
    assert list(out.columns) == ["device", *CURVE_COLUMNS]
    assert out["device"].astype(str).tolist() == ["desktop"] * 5 + ["mobile"] * 5
    known = ratings[ratings["device"].notna()]
    expected = known.groupby(["device", "touchpoint"], observed=True)["value"].mean()
    np.testing.assert_allclose(out["mean"], expected.to_numpy(), rtol=1e-12)
    assert out.attrs["n_missing_segment"] == 1


def test_emotion_curve_errors_and_empty():
    with pytest.raises(MissingMeasureError, match="FMOT_emotion"):
        emotion_curve(emotions({"a": [50.0]}, measure="anticipated"))
    with pytest.raises(MotError):
        emotion_curve(emotions({"a": [50.0]}), confidence=95)
    with pytest.raises(MotError, match="with_segment"):
        emotion_curve(emotions({"a": [50.0]}), by="device")
    empty = emotion_curve(emotions({"a": [50.0]}).iloc[:0])
    assert list(empty.columns) == list(CURVE_COLUMNS) and empty.empty


def test_duplicate_point_is_a_typed_error():
    ratings = emotions({"a": [50.0, 10.0]})
    with pytest.raises(MotError, match="`a`"):
        emotion_curve(pd.concat([ratings, ratings.iloc[[1]]], ignore_index=True))


# --------------------------------------------------------------------------------------------
# curve_extremes
# --------------------------------------------------------------------------------------------


def kinds(frame: pd.DataFrame) -> list[tuple[str, int]]:
    return list(zip(frame["kind"], frame["position"], strict=True))


def curve_of(means, touchpoints=None):
    touchpoints = touchpoints or JOURNEY[: len(means)]
    return pd.DataFrame({"touchpoint": touchpoints, "position": range(len(means)), "mean": means})


def test_extremes_by_hand():
    # Means 10, 40, −20, 30, 35 (range 60).
    # Peaks: 40 is the highest, prominence = range = 60; 35 at the end must drop to −20 before
    # the higher 40: 55. Troughs: −20 (lowest: 60) and the start, 10, which must rise to 40
    # before reaching the lower −20: 30. 30 at TMOT is neither.
    out = curve_extremes(curve_of([10.0, 40.0, -20.0, 30.0, 35.0]))
    assert list(out.columns) == list(EXTREME_COLUMNS)
    got = list(zip(out["touchpoint"], out["kind"], out["prominence"], strict=True))
    assert got == [
        ("ZMOT", "trough", 30.0),
        ("FMOT", "peak", 60.0),
        ("SMOT", "trough", 60.0),
        ("UMOT", "peak", 55.0),
    ]
    assert not out["global_only"].any()
    assert out["mean"].tolist() == [10.0, 40.0, -20.0, 35.0]


def test_non_global_prominences_match_infinite_padding():
    # Independent check: with ±inf padding scipy gives the same prominence to every extreme
    # but the global one (which gets inf there and the range here).
    rng = np.random.default_rng(11)
    means = rng.normal(0, 30, 12)
    out = curve_extremes(curve_of(means, [f"t{i}" for i in range(12)]), prominence=0)
    for kind, heights in (("peak", means), ("trough", -means)):
        found, props = signal.find_peaks(np.r_[-np.inf, heights, -np.inf], prominence=0)
        reference = dict(zip(found - 1, props["prominences"], strict=True))
        mine = out[out["kind"] == kind].set_index("position")["prominence"]
        assert set(mine.index) == set(reference)
        for position, value in reference.items():
            expected = np.ptp(means) if np.isinf(value) else value
            assert mine.loc[position] == pytest.approx(expected)


def test_flat_or_shallow_curve_reports_global_extremes():
    # Range 4 < prominence 5: nothing passes, so the global max (first 52) and min are given.
    out = curve_extremes(curve_of([50.0, 52.0, 48.0, 52.0]))
    assert out["global_only"].all()
    assert kinds(out) == [("peak", 1), ("trough", 2)]
    assert out["prominence"].tolist() == [4.0, 4.0]
    flat = curve_extremes(curve_of([30.0, 30.0, 30.0]))
    assert kinds(flat) == [("peak", 0), ("trough", 0)]
    assert flat["prominence"].tolist() == [0.0, 0.0] and flat["global_only"].all()


def test_first_and_last_touchpoints_can_be_extremes():
    out = curve_extremes(curve_of([60.0, 20.0, 0.0, 20.0, 70.0]))
    peaks = out[out["kind"] == "peak"]
    assert peaks["position"].tolist() == [0, 4]
    # The start, 60, must drop to 0 before reaching the higher 70: prominence 60.
    assert peaks["prominence"].tolist() == [60.0, 70.0]


def test_extremes_per_group_nan_skipped_and_empty():
    curve = pd.concat(
        [
            curve_of([0.0, 30.0, -10.0]).assign(device="a"),
            curve_of([0.0, np.nan, -40.0]).assign(device="b"),
        ],
        ignore_index=True,
    )
    curve = curve[["device", "touchpoint", "position", "mean"]]
    out = curve_extremes(curve)
    assert list(out.columns) == ["device", *EXTREME_COLUMNS]
    b = out[out["device"] == "b"]
    assert kinds(b) == [("peak", 0), ("trough", 2)]
    a = out[out["device"] == "a"]
    assert kinds(a) == [("trough", 0), ("peak", 1), ("trough", 2)]
    empty = curve_extremes(curve.iloc[:0])
    assert list(empty.columns) == ["device", *EXTREME_COLUMNS] and empty.empty


def test_extremes_of_a_segmented_emotion_curve():
    ratings, _ = random_curves()
    curve = emotion_curve(ratings, by="device")
    out = curve_extremes(curve, prominence=0)
    assert list(out.columns) == ["device", *EXTREME_COLUMNS]
    for _, part in out.groupby("device", observed=True):
        assert set(part["kind"]) == {"peak", "trough"}
    assert out["device"].astype(str).is_monotonic_increasing


def test_extremes_bad_input():
    with pytest.raises(MotError, match="mean"):
        curve_extremes(pd.DataFrame({"touchpoint": ["a"], "position": [0]}))
    with pytest.raises(MotError, match="prominence"):
        curve_extremes(curve_of([1.0, 2.0]), prominence=-1)


# --------------------------------------------------------------------------------------------
# respondent_curves and extreme_locations
# --------------------------------------------------------------------------------------------


def test_respondent_curves_by_hand():
    # a: −20, 0, 40 at positions 0–2 → peak 40 (SMOT), trough −20 (ZMOT), end 40, mean 20/3,
    #    slope: x̄ = 1, ȳ = 20/3; Sxy = (−1)(−20) + 0 + (1)(40) = 60; Sxx = 2 → 30.
    # b: 50 (ZMOT), —, 50 (SMOT), —, 10 (UMOT): peak tie 50 → earliest ZMOT; end 10 at UMOT;
    #    slope over x = 0, 2, 4 with y = 50, 50, 10: x̄ = 2, Sxy = −2·50 + 0 + 2·10 − ... =
    #    Σ(x − 2)·y = −100 + 0 + 20 = −80; Sxx = 8 → −10.
    # c: one point → slope NaN.
    ratings = emotions(
        {
            "a": [-20.0, 0.0, 40.0],
            "b": [50.0, np.nan, 50.0, np.nan, 10.0],
            "c": [np.nan, 5.0],
        }
    )
    out = respondent_curves(ratings)
    assert list(out.columns) == list(RESPONDENT_COLUMNS)
    a, b, c = (out.iloc[i] for i in range(3))
    assert (a["peak"], a["peak_touchpoint"], a["trough"], a["trough_touchpoint"]) == (
        40.0,
        "SMOT",
        -20.0,
        "ZMOT",
    )
    assert (a["end"], a["end_touchpoint"], a["n_points"]) == (40.0, "SMOT", 3)
    assert a["mean"] == pytest.approx(20 / 3) and a["slope"] == pytest.approx(30.0)
    assert (b["peak"], b["peak_touchpoint"]) == (50.0, "ZMOT")
    assert (b["end"], b["end_touchpoint"], b["trough_touchpoint"]) == (10.0, "UMOT", "UMOT")
    assert b["slope"] == pytest.approx(-10.0)
    assert c["n_points"] == 1 and np.isnan(c["slope"]) and c["end_touchpoint"] == "FMOT"
    assert out["source"].tolist() == ["emotion"] * 3


def test_respondent_curves_match_an_independent_computation():
    ratings, table = random_curves(n=60)
    out = respondent_curves(ratings)
    ids = out["respondent_id"].astype(str)
    assert ids.is_monotonic_increasing
    out = out.set_index(ids)
    for rid, values in table.items():
        values = np.array(values)
        rated = np.flatnonzero(~np.isnan(values))
        row = out.loc[rid]
        assert row["n_points"] == rated.size
        if rated.size == 0:
            assert np.isnan(row["peak"])
            continue
        y = values[rated]
        assert row["peak"] == y.max() and row["peak_touchpoint"] == JOURNEY[rated[y.argmax()]]
        assert row["trough_touchpoint"] == JOURNEY[rated[y.argmin()]]
        assert row["end"] == y[-1] and row["end_touchpoint"] == JOURNEY[rated[-1]]
        assert row["mean"] == pytest.approx(y.mean())
        intense = np.abs(y).argmax()  # the first point farthest from 0
        assert row["most_intense"] == y[intense]
        assert row["most_intense_touchpoint"] == JOURNEY[rated[intense]]
        assert row["peak_end"] == pytest.approx((y[intense] + y[-1]) / 2)
        assert row["area"] == pytest.approx(np.trapezoid(y, rated))
        assert row["duration"] == rated[-1] - rated[0] + 1
        assert row["complete"] == (rated.size == len(JOURNEY))
        if rated.size >= 2:
            assert row["slope"] == pytest.approx(stats.linregress(rated, y).slope, abs=1e-9)


def test_cold_hand_ordering_longer_trial_more_area_milder_peak_end():
    # Kahneman, Fredrickson, Schreiber & Redelmeier (1993): the short trial was 60 s of
    # painful cold; the long trial the same 60 s plus 30 s in which the water warmed slightly,
    # so the pain eased but lasted longer. Emotion readings (−100 = worst): the long trial
    # adds a milder fourth reading. Total pain (−area) is higher in the long trial, the
    # peak-end pain lower, and 69% of the participants chose to repeat the long trial.
    short, long_ = [-70.0, -80.0, -80.0], [-70.0, -80.0, -80.0, -50.0]
    ratings = emotions({"short": short, "long": long_})
    out = respondent_curves(ratings).set_index("respondent_id")
    # Independent: numpy's trapezoid over positions 0, 1, 2(, 3); peak-end by hand.
    assert out.loc["short", "area"] == pytest.approx(np.trapezoid(short))  # −155
    assert out.loc["long", "area"] == pytest.approx(np.trapezoid(long_))  # −220
    assert np.trapezoid(long_) == -220.0 and np.trapezoid(short) == -155.0
    assert out.loc["short", "peak_end"] == (-80 + -80) / 2
    assert out.loc["long", "peak_end"] == (-80 + -50) / 2
    assert (out.loc["long", "duration"], out.loc["short", "duration"]) == (4, 3)
    # The ordering: the longer trial has more pain in total and less pain in memory.
    assert -out.loc["long", "area"] > -out.loc["short", "area"]
    assert -out.loc["long", "peak_end"] < -out.loc["short", "peak_end"]
    summary = duration_summary(ratings)
    assert list(summary.columns) == list(DURATION_COLUMNS)
    assert summary["duration"].tolist() == [3, 4]
    assert summary["area"].tolist() == [-155.0, -220.0]
    assert summary["peak_end"].tolist() == [-80.0, -65.0]


def test_area_bridges_a_skipped_touchpoint_and_duration_counts_the_span():
    # 10 at ZMOT, nothing at FMOT, 30 at SMOT: trapezoid over x = 0, 2 → 2 · (10 + 30)/2 = 40,
    # as numpy.trapezoid([10, 30], [0, 2]); duration 3 touchpoints, 2 points.
    ratings = emotions({"a": [10.0, np.nan, 30.0], "b": [np.nan, np.nan, 5.0]})
    out = respondent_curves(ratings).set_index("respondent_id")
    assert out.loc["a", "area"] == np.trapezoid([10.0, 30.0], [0, 2]) == 40.0
    assert (out.loc["a", "duration"], out.loc["a", "n_points"]) == (3, 2)
    assert (out.loc["b", "area"], out.loc["b", "duration"]) == (0.0, 1)
    # Completeness is against the touchpoints anyone rated (ZMOT, SMOT): b misses ZMOT.
    assert out["complete"].tolist() == [True, False]


def test_duration_summary_matches_a_groupby():
    ratings, table = random_curves(n=120, missing=0.3)
    out = duration_summary(ratings)
    rows = []
    for values in table.values():
        rated = np.flatnonzero(~np.isnan(np.array(values)))
        if rated.size:
            y = np.array(values)[rated]
            intense = y[np.abs(y).argmax()]
            duration = rated[-1] - rated[0] + 1
            rows.append((duration, np.trapezoid(y, rated), (intense + y[-1]) / 2, y.mean()))
    expected = pd.DataFrame(rows, columns=list(DURATION_COLUMNS[:1] + DURATION_COLUMNS[2:]))
    grouped = expected.groupby("duration").agg(["size", "mean"])
    assert out["duration"].tolist() == grouped.index.tolist()
    assert out["n_respondents"].tolist() == grouped[("area", "size")].tolist()
    for column in ("area", "peak_end", "mean"):
        np.testing.assert_allclose(out[column], grouped[(column, "mean")], rtol=1e-12)
    empty = duration_summary(ratings.iloc[:0])
    assert list(empty.columns) == list(DURATION_COLUMNS) and empty.empty


def test_respondent_without_curve_point_is_kept():
    ratings = pd.concat(
        [emotions({"a": [10.0]}), emotions({"b": [70.0]}, measure="anticipated")],
        ignore_index=True,
    )
    out = respondent_curves(ratings)
    assert out["respondent_id"].astype(str).tolist() == ["a", "b"]
    b = out.iloc[1]
    assert b["n_points"] == 0 and np.isnan(b["peak"]) and pd.isna(b["peak_touchpoint"])
    assert b["source"] == "none" and not b["complete"] and b["duration"] == 0
    assert np.isnan([b["area"], b["most_intense"], b["peak_end"]]).all()
    empty = respondent_curves(ratings.iloc[:0])
    assert list(empty.columns) == list(RESPONDENT_COLUMNS) and empty.empty


def test_extreme_locations_by_hand_and_by_segment():
    # a peaks at SMOT and dips at ZMOT; b peaks at ZMOT and dips at SMOT; c (device missing).
    ratings = emotions({"a": [-20.0, 0.0, 40.0], "b": [50.0, 10.0, -30.0], "c": [0.0, 90.0, -90.0]})
    out = extreme_locations(ratings)
    assert list(out.columns) == list(LOCATION_COLUMNS)
    assert out["n_respondents"].tolist() == [3, 3, 3]
    # Peaks: a SMOT, b ZMOT, c FMOT → 1/3 each; troughs: a ZMOT, b SMOT, c SMOT.
    assert out["peak_share"].tolist() == pytest.approx([1 / 3] * 3)
    assert out["trough_share"].tolist() == pytest.approx([1 / 3, 0, 2 / 3])
    ratings["device"] = pd.Categorical(ratings["respondent_id"].map({"a": "x", "b": "y"}))
    split = extreme_locations(ratings, by="device")
    assert list(split.columns) == ["device", *LOCATION_COLUMNS]
    assert split["device"].astype(str).tolist() == ["x"] * 3 + ["y"] * 3
    assert split["peak_share"].tolist() == [0, 0, 1, 1, 0, 0]
    assert split.attrs["n_missing_segment"] == 1


def test_extreme_locations_agree_with_respondent_curves():
    ratings, _ = random_curves()
    out = extreme_locations(ratings, by="device")
    per = respondent_curves(ratings)
    per["device"] = per["respondent_id"].map(
        ratings.drop_duplicates("respondent_id").set_index("respondent_id")["device"]
    )
    per = per[per["n_points"] > 0]
    expected = per.groupby("device", observed=True)["peak_touchpoint"].value_counts(normalize=True)
    for (device, tp), share in expected.items():
        row = out[(out["device"] == device) & (out["touchpoint"] == tp)]
        assert row["peak_share"].iloc[0] == pytest.approx(share)
    for _, part in out.groupby("device", observed=True):
        assert part["peak_share"].sum() == pytest.approx(1)
        assert part["trough_share"].sum() == pytest.approx(1)
    empty = extreme_locations(ratings.iloc[:0], by="device")
    assert list(empty.columns) == ["device", *LOCATION_COLUMNS] and empty.empty


def test_inputs_not_mutated():
    ratings, _ = random_curves(n=30)
    before = ratings.copy()
    curve = emotion_curve(ratings, by="device")
    curve_before = curve.copy()
    curve_extremes(curve)
    respondent_curves(ratings)
    extreme_locations(ratings, by="device")
    pd.testing.assert_frame_equal(ratings, before)
    pd.testing.assert_frame_equal(curve, curve_before)


def test_missing_curve_measure_raises():
    anticipated = emotions({"a": [50.0]}, measure="anticipated")
    for function in (respondent_curves, extreme_locations):
        with pytest.raises(MissingMeasureError):
            function(anticipated)
