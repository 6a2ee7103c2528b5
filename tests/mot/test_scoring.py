"""Tests for mot.scoring: utility scores per touchpoint and paired utility shifts."""

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from mot.errors import MissingMeasureError, MotError
from mot.scoring import SCORE_COLUMNS, SHIFT_COLUMNS, SMALL_N, score_utilities, utility_shifts
from mot.tidy import as_ratings

# Student t quantile t_{0.975, 4} from a printed table (e.g. Student's t table, 4 df, 2.5%).
T_975_4 = 2.776445


def five_experienced() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "respondent_id": list("abcde"),
            "touchpoint": "FMOT",
            "measure": "experienced",
            "value": [60.0, 70.0, 80.0, 90.0, 100.0],
            "top_box": [False, False, True, True, True],
        }
    )


def random_ratings(n_respondents=300, seed=1, touchpoints=("ZMOT", "FMOT", "SMOT")):
    """Every respondent rates every utility at every touchpoint, plus some other measures."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n_respondents):
        for tp in touchpoints:
            for measure in ("anticipated", "experienced", "retrospective", "importance"):
                value = float(rng.integers(0, 101))
                rows.append((f"r{i:04d}", tp, measure, value, value >= 80))
    frame = pd.DataFrame(
        rows, columns=["respondent_id", "touchpoint", "measure", "value", "top_box"]
    )
    frame["device"] = pd.Categorical(
        np.where(frame["respondent_id"].str[-1].isin(list("01234")), "mobile", "desktop"),
        categories=["desktop", "mobile"],
    )
    return as_ratings(frame, touchpoints=list(touchpoints))


# --------------------------------------------------------------------------------------------
# score_utilities
# --------------------------------------------------------------------------------------------


def test_five_respondents_by_hand():
    # mean([60, 70, 80, 90, 100]) = 80; squared deviations 400+100+0+100+400 = 1000,
    # sd = √(1000/4) = 15.8114; se = 15.8114/√5 = 7.0711; t_{0.975,4} = 2.7764;
    # half-width = 2.7764 · 7.0711 = 19.6324 → CI [60.3676, 99.6324]; top box 3 of 5 = 0.6.
    out = score_utilities(five_experienced())
    assert list(out.columns) == list(SCORE_COLUMNS)
    row = out.iloc[0]
    assert (str(row["touchpoint"]), row["utility"], row["n"]) == ("FMOT", "experienced", 5)
    assert row["mean"] == pytest.approx(80.0)
    assert row["sd"] == pytest.approx(math.sqrt(250))
    assert row["se"] == pytest.approx(math.sqrt(250) / math.sqrt(5))
    assert row["ci_low"] == pytest.approx(80 - 19.6324, abs=1e-3)
    assert row["ci_high"] == pytest.approx(80 + 19.6324, abs=1e-3)
    assert row["ci_high"] - row["mean"] == pytest.approx(T_975_4 * math.sqrt(50), rel=1e-6)
    assert row["top2_share"] == pytest.approx(0.6)


def test_confidence_level_changes_the_interval():
    # t_{0.95, 4} = 2.1318 (table): 80 ± 2.1318 · 7.0711 = 80 ± 15.074.
    row = score_utilities(five_experienced(), confidence=0.90).iloc[0]
    assert row["ci_high"] - 80 == pytest.approx(15.074, abs=1e-3)


def test_single_rating_gives_nan_spread_not_an_error():
    out = score_utilities(five_experienced().iloc[:1])
    row = out.iloc[0]
    assert row["n"] == 1 and row["mean"] == 60.0
    assert np.isnan([row["sd"], row["se"], row["ci_low"], row["ci_high"]]).all()


def test_equal_values_have_zero_sd():
    frame = five_experienced().assign(value=75.0)
    row = score_utilities(frame).iloc[0]
    assert row["sd"] == 0.0 and row["ci_low"] == row["ci_high"] == 75.0


def test_sorted_in_journey_then_utility_order_and_other_measures_ignored():
    ratings = random_ratings(n_respondents=20)
    out = score_utilities(ratings)
    assert [str(t) for t in out["touchpoint"]] == [
        t for t in ("ZMOT", "FMOT", "SMOT") for _ in range(3)
    ]
    assert out["utility"].tolist() == ["anticipated", "experienced", "retrospective"] * 3
    assert "importance" not in set(out["utility"])
    assert list(out["touchpoint"].cat.categories) == ["ZMOT", "FMOT", "SMOT"]


def test_matches_pandas_groupby_on_random_data():
    # Independent computation: pandas' own groupby mean / std / count.
    ratings = random_ratings()
    out = score_utilities(ratings)
    utilities = ratings[ratings["measure"].isin(["anticipated", "experienced", "retrospective"])]
    expected = utilities.groupby(["touchpoint", "measure"], observed=True).agg(
        n=("value", "size"), mean=("value", "mean"), sd=("value", "std"), top=("top_box", "mean")
    )
    got = out.set_index([out["touchpoint"].astype(str), out["utility"]])
    for (tp, measure), row in expected.iterrows():
        mine = got.loc[(str(tp), str(measure))]
        assert mine["n"] == row["n"]
        assert mine["mean"] == pytest.approx(row["mean"], rel=1e-12)
        assert mine["sd"] == pytest.approx(row["sd"], rel=1e-10)
        assert mine["top2_share"] == pytest.approx(row["top"])
        half = stats.t.ppf(0.975, row["n"] - 1) * row["sd"] / math.sqrt(row["n"])
        assert mine["ci_low"] == pytest.approx(row["mean"] - half, rel=1e-10)


def test_nan_values_are_not_counted():
    frame = five_experienced()
    frame.loc[4, "value"] = np.nan
    row = score_utilities(frame).iloc[0]
    assert row["n"] == 4 and row["mean"] == pytest.approx(75.0)


def test_missing_top_box_counts_as_false():
    row = score_utilities(five_experienced().drop(columns="top_box")).iloc[0]
    assert row["top2_share"] == 0.0


def test_by_splits_and_reports_missing_segments():
    frame = five_experienced()
    frame["device"] = pd.Categorical(["mobile", "desktop", "mobile", None, "desktop"])
    out = score_utilities(frame, by="device")
    assert list(out.columns) == ["device", *SCORE_COLUMNS]
    # desktop: 70, 100 → mean 85; mobile: 60, 80 → mean 70; respondent d (90) has no device.
    assert out["device"].astype(str).tolist() == ["desktop", "mobile"]
    assert out["mean"].tolist() == [85.0, 70.0]
    assert out["n"].tolist() == [2, 2]
    assert out.attrs["n_missing_segment"] == 1


def test_by_matches_groupby_with_segment():
    ratings = random_ratings(n_respondents=100)
    out = score_utilities(ratings, by="device")
    exp = ratings[ratings["measure"] == "experienced"]
    expected = exp.groupby(["device", "touchpoint"], observed=True)["value"].mean()
    got = out[out["utility"] == "experienced"].set_index(["device", "touchpoint"])["mean"]
    for key, value in expected.items():
        assert got.loc[key] == pytest.approx(value)
    assert out["device"].astype(str).tolist()[:1] == ["desktop"]


def test_unknown_segment_column_is_a_typed_error():
    with pytest.raises(MotError, match="with_segment"):
        score_utilities(five_experienced(), by="device")


def test_empty_input_keeps_columns():
    empty = five_experienced().iloc[:0]
    out = score_utilities(empty)
    assert list(out.columns) == list(SCORE_COLUMNS) and out.empty
    frame = five_experienced().assign(device=pd.Categorical(["x"] * 5)).iloc[:0]
    assert list(score_utilities(frame, by="device").columns) == ["device", *SCORE_COLUMNS]


def test_no_utility_at_all_raises_missing_measure():
    frame = five_experienced().assign(measure="importance")
    with pytest.raises(MissingMeasureError, match="FMOT_experienced"):
        score_utilities(frame)


@pytest.mark.parametrize(
    "kwargs",
    [{"ci": "wald"}, {"confidence": 1.5}, {"confidence": 0}, {"ci": "bootstrap", "n_boot": 0}],
)
def test_bad_options_are_typed_errors(kwargs):
    with pytest.raises(MotError):
        score_utilities(five_experienced(), **kwargs)


def test_input_not_mutated():
    frame = five_experienced()
    frame["device"] = pd.Categorical(["a", "b", "a", "b", None])
    before = frame.copy()
    score_utilities(frame, by="device", ci="bootstrap", n_boot=50)
    utility_shifts(
        pd.concat([frame, frame.assign(measure="anticipated", value=50.0)], ignore_index=True)
    )
    pd.testing.assert_frame_equal(frame, before)


def test_bootstrap_is_reproducible_and_seeded():
    ratings = random_ratings(n_respondents=60)
    first = score_utilities(ratings, ci="bootstrap", n_boot=500, seed=7)
    again = score_utilities(ratings, ci="bootstrap", n_boot=500, seed=7)
    other = score_utilities(ratings, ci="bootstrap", n_boot=500, seed=8)
    pd.testing.assert_frame_equal(first, again)
    assert not np.allclose(first["ci_low"], other["ci_low"])
    assert (first["ci_low"] < first["mean"]).all() and (first["mean"] < first["ci_high"]).all()
    # Everything but the interval is the same as with the t-interval.
    t = score_utilities(ratings)
    pd.testing.assert_frame_equal(
        first.drop(columns=["ci_low", "ci_high"]), t.drop(columns=["ci_low", "ci_high"])
    )


def test_bootstrap_interval_of_a_group_does_not_depend_on_other_groups():
    ratings = random_ratings(n_respondents=40)
    only_first = ratings[ratings["touchpoint"] == "ZMOT"]
    whole = score_utilities(ratings, ci="bootstrap", n_boot=300, seed=3)
    part = score_utilities(only_first, ci="bootstrap", n_boot=300, seed=3)
    np.testing.assert_allclose(whole["ci_low"].iloc[:3], part["ci_low"])


def test_bootstrap_close_to_t_interval_for_a_large_sample():
    rng = np.random.default_rng(5)
    frame = pd.DataFrame(
        {
            "respondent_id": [f"r{i}" for i in range(2000)],
            "touchpoint": "SMOT",
            "measure": "experienced",
            "value": rng.normal(60, 15, 2000),
        }
    )
    boot = score_utilities(frame, ci="bootstrap", n_boot=2000).iloc[0]
    t = score_utilities(frame).iloc[0]
    # Both estimate 1.96 · 15/√2000 ≈ 0.66 on either side of the mean.
    assert boot["ci_low"] == pytest.approx(t["ci_low"], abs=0.1)
    assert boot["ci_high"] == pytest.approx(t["ci_high"], abs=0.1)


def test_bootstrap_single_rating_gives_nan():
    row = score_utilities(five_experienced().iloc[:1], ci="bootstrap", n_boot=100).iloc[0]
    assert np.isnan(row["ci_low"]) and np.isnan(row["ci_high"])


def ratings_of(values, touchpoint="FMOT", measure="experienced"):
    return pd.DataFrame(
        {
            "respondent_id": [f"r{i}" for i in range(len(values))],
            "touchpoint": touchpoint,
            "measure": measure,
            "value": np.asarray(values, dtype=float),
        }
    )


def test_interval_never_leaves_the_scale_and_a_cut_is_flagged():
    # Six ratings near the top: scipy's t-interval reaches past 100 (the audit found 106.98).
    values = [100.0, 100, 100, 100, 60, 100]
    low, high = stats.t.interval(0.95, 5, loc=np.mean(values), scale=stats.sem(values))
    assert high > 100  # the uncut interval leaves the scale
    row = score_utilities(ratings_of(values)).iloc[0]
    assert row["ci_high"] == 100.0 and row["ci_clipped"]
    assert row["ci_low"] == pytest.approx(low, abs=1e-10)  # the other end is untouched
    # And at the bottom of the scale.
    bottom = [0.0, 0, 0, 0, 40, 0]
    low, _ = stats.t.interval(0.95, 5, loc=np.mean(bottom), scale=stats.sem(bottom))
    row = score_utilities(ratings_of(bottom)).iloc[0]
    assert low < 0 and row["ci_low"] == 0.0 and row["ci_clipped"]


def test_clipped_flag_matches_an_independent_t_interval_on_random_groups():
    rng = np.random.default_rng(11)
    frames, expected = [], {}
    for g in range(40):
        n = int(rng.integers(3, 15))
        values = np.clip(rng.normal(rng.uniform(5, 95), 25, n), 0, 100).round()
        frames.append(ratings_of(values, touchpoint=f"T{g:02d}"))
        low, high = stats.t.interval(0.95, n - 1, loc=values.mean(), scale=stats.sem(values))
        expected[f"T{g:02d}"] = (max(low, 0.0), min(high, 100.0), low < 0 or high > 100)
    frame = pd.concat(frames, ignore_index=True)
    out = score_utilities(as_ratings(frame, touchpoints=sorted(expected)))
    assert out["ci_low"].min() >= 0 and out["ci_high"].max() <= 100
    for row in out.itertuples():
        low, high, clipped = expected[str(row.touchpoint)]
        assert (row.ci_low, row.ci_high) == pytest.approx((low, high), abs=1e-9)
        assert row.ci_clipped == clipped
    assert out["ci_clipped"].any() and not out["ci_clipped"].all()


def test_small_n_is_flagged_below_twenty_ratings():
    assert SMALL_N == 20
    nineteen = score_utilities(ratings_of(np.linspace(20, 80, 19))).iloc[0]
    twenty = score_utilities(ratings_of(np.linspace(20, 80, 20))).iloc[0]
    assert nineteen["small_n"] and not twenty["small_n"]
    assert np.isfinite(nineteen["ci_low"])  # flagged, still shown
    single = score_utilities(ratings_of([50.0])).iloc[0]
    assert single["small_n"] and not single["ci_clipped"]  # no interval is not a cut one


def test_bootstrap_interval_stays_within_the_ratings():
    values = [100.0, 100, 100, 100, 60, 100]
    row = score_utilities(ratings_of(values), ci="bootstrap", n_boot=500).iloc[0]
    assert 60 <= row["ci_low"] <= row["ci_high"] <= 100
    assert not row["ci_clipped"]  # a percentile interval of means cannot leave the data


# --------------------------------------------------------------------------------------------
# utility_shifts
# --------------------------------------------------------------------------------------------


def paired(anticipated, experienced, retrospective=None, touchpoint="SMOT"):
    ids = [f"p{i}" for i in range(len(anticipated))]
    parts = [
        pd.DataFrame({"respondent_id": ids, "measure": "anticipated", "value": anticipated}),
        pd.DataFrame({"respondent_id": ids, "measure": "experienced", "value": experienced}),
    ]
    if retrospective is not None:
        parts.append(
            pd.DataFrame({"respondent_id": ids, "measure": "retrospective", "value": retrospective})
        )
    frame = pd.concat(parts, ignore_index=True).assign(touchpoint=touchpoint)
    return frame.dropna(subset=["value"])


def test_paired_shift_by_hand():
    # Differences 5, 10, 15, 20, 25: mean 15; squared deviations 100+25+0+25+100 = 250,
    # sd = √(250/4) = 7.9057; se = 7.9057/√5 = 3.5355; t = 15/3.5355 = 4.2426 on 4 df;
    # CI 15 ± 2.7764 · 3.5355 = [5.1837, 24.8163]: above zero, so "exceeded".
    out = utility_shifts(paired([50.0] * 5, [55.0, 60, 65, 70, 75]))
    assert list(out.columns) == list(SHIFT_COLUMNS)
    row = out.iloc[0]
    assert row["comparison"] == "experienced_vs_anticipated"
    assert row["n"] == 5
    assert row["mean_diff"] == pytest.approx(15.0)
    assert row["sd"] == pytest.approx(math.sqrt(62.5))
    assert row["t"] == pytest.approx(15 / math.sqrt(12.5))
    assert row["ci_low"] == pytest.approx(15 - T_975_4 * math.sqrt(12.5), rel=1e-6)
    assert row["ci_high"] == pytest.approx(24.8163, abs=1e-3)
    # The p-value from scipy's own paired t-test.
    reference = stats.ttest_rel([55.0, 60, 65, 70, 75], [50.0] * 5)
    assert row["p_value"] == pytest.approx(reference.pvalue, rel=1e-10)
    assert row["verdict"] == "exceeded"


def test_matches_scipy_ttest_rel_on_random_data():
    ratings = random_ratings(n_respondents=80)
    out = utility_shifts(ratings)
    wide = ratings.pivot_table(
        index=["respondent_id", "touchpoint"], columns="measure", values="value", observed=True
    )
    for tp in ("ZMOT", "FMOT", "SMOT"):
        part = wide.xs(tp, level="touchpoint")
        for comparison, later, earlier in (
            ("experienced_vs_anticipated", "experienced", "anticipated"),
            ("retrospective_vs_experienced", "retrospective", "experienced"),
        ):
            reference = stats.ttest_rel(part[later], part[earlier])
            interval = reference.confidence_interval(0.95)
            row = out[(out["touchpoint"] == tp) & (out["comparison"] == comparison)].iloc[0]
            assert row["t"] == pytest.approx(reference.statistic, rel=1e-9)
            assert row["p_value"] == pytest.approx(reference.pvalue, rel=1e-9)
            assert row["ci_low"] == pytest.approx(interval.low, rel=1e-9)
            assert row["ci_high"] == pytest.approx(interval.high, rel=1e-9)
            assert row["n"] == len(part)


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        ([40.0, 45, 35, 42, 38], ("disappointed", "harsher")),
        ([50.0, 52, 48, 51, 49], ("confirmed", "same")),
    ],
)
def test_verdict_words(later, expected):
    earlier = [50.0] * 5
    out = utility_shifts(paired(earlier, later, retrospective=None))
    assert out["verdict"].iloc[0] == expected[0]
    # Memory against experience, with the same differences.
    memory = paired([50.0] * 5, earlier, retrospective=later)
    shifts = utility_shifts(memory)
    row = shifts[shifts["comparison"] == "retrospective_vs_experienced"].iloc[0]
    assert row["verdict"] == expected[1]


def test_only_respondents_with_both_ratings_count():
    out = utility_shifts(paired([50.0, 50, np.nan, 50], [60.0, 70, 80, np.nan]))
    assert out["n"].iloc[0] == 2
    assert out["mean_diff"].iloc[0] == pytest.approx(15.0)


def test_single_pair_gives_nan_interval_and_no_verdict():
    row = utility_shifts(paired([50.0], [70.0])).iloc[0]
    assert row["n"] == 1 and row["mean_diff"] == 20.0
    assert np.isnan([row["sd"], row["ci_low"], row["ci_high"], row["p_value"]]).all()
    assert pd.isna(row["verdict"])


def test_both_comparisons_sorted_by_touchpoint_then_comparison():
    out = utility_shifts(random_ratings(n_respondents=10))
    assert [str(t) for t in out["touchpoint"]] == ["ZMOT", "ZMOT", "FMOT", "FMOT", "SMOT", "SMOT"]
    assert (
        out["comparison"].tolist()
        == [
            "experienced_vs_anticipated",
            "retrospective_vs_experienced",
        ]
        * 3
    )


def test_without_anticipated_only_memory_is_compared():
    frame = paired([50.0] * 3, [60.0, 65, 70], retrospective=[70.0, 70, 75])
    out = utility_shifts(frame[frame["measure"] != "anticipated"])
    assert out["comparison"].tolist() == ["retrospective_vs_experienced"]


def test_missing_measures_raise_typed_errors():
    frame = paired([50.0] * 3, [60.0, 65, 70])
    with pytest.raises(MissingMeasureError, match="experienced"):
        utility_shifts(frame[frame["measure"] != "experienced"])
    with pytest.raises(MissingMeasureError, match="anticipated"):
        utility_shifts(frame[frame["measure"] == "experienced"])


def test_duplicate_rating_is_a_typed_error():
    frame = paired([50.0] * 3, [60.0, 65, 70])
    with pytest.raises(MotError, match="p0"):
        utility_shifts(pd.concat([frame, frame.iloc[[0]]], ignore_index=True))


def test_shifts_by_segment_and_empty_input():
    frame = paired([50.0] * 4, [60.0, 70, 40, 30])
    frame["device"] = frame["respondent_id"].map({"p0": "a", "p1": "a", "p2": "b"})
    frame["device"] = frame["device"].astype("category")
    out = utility_shifts(frame, by="device")
    assert out["device"].astype(str).tolist() == ["a", "b"]
    assert out["mean_diff"].tolist() == [15.0, -10.0]
    assert out.attrs["n_missing_segment"] == 1  # p3 has no device
    empty = utility_shifts(frame.iloc[:0], by="device")
    assert list(empty.columns) == ["device", *SHIFT_COLUMNS] and empty.empty
    assert list(utility_shifts(frame.iloc[:0]).columns) == list(SHIFT_COLUMNS)


# --------------------------------------------------------------------------------------------
# Holm across touchpoints and one rule for repeated ratings (issue 12)
# --------------------------------------------------------------------------------------------


def three_touchpoints() -> pd.DataFrame:
    """SMOT clearly exceeds expectation; FMOT and TMOT rise by chance-sized amounts."""
    frames = [
        paired([50.0] * 5, [55.0, 60, 65, 70, 75], touchpoint="SMOT"),
        paired([50.0] * 5, [50.0, 54, 53, 56, 52], touchpoint="FMOT"),  # p = 0.040 alone
        paired([50.0] * 5, [45.0, 55, 50, 52, 48], touchpoint="TMOT"),
    ]
    frame = pd.concat(frames, ignore_index=True)
    order = ["FMOT", "SMOT", "TMOT"]
    return frame.assign(touchpoint=pd.Categorical(frame["touchpoint"], order, ordered=True))


def test_shift_p_values_are_holm_adjusted_across_touchpoints():
    out = utility_shifts(three_touchpoints()).set_index("touchpoint")
    diffs = {
        "FMOT": [0.0, 4, 3, 6, 2],
        "SMOT": [5.0, 10, 15, 20, 25],
        "TMOT": [-5.0, 5, 0, 2, -2],
    }
    raw = {tp: stats.ttest_1samp(d, 0).pvalue for tp, d in diffs.items()}
    # Holm by hand: sorted p_(1) ≤ p_(2) ≤ p_(3), multiplied by 3, 2, 1, running maximum.
    ranked = sorted(raw, key=raw.get)
    holm, running = {}, 0.0
    for k, tp in enumerate(ranked):
        running = max(running, min(1.0, (3 - k) * raw[tp]))
        holm[tp] = running
    for tp in diffs:
        assert out.loc[tp, "p_value"] == pytest.approx(raw[tp], rel=1e-10)
        assert out.loc[tp, "p_adjusted"] == pytest.approx(holm[tp], rel=1e-10)


def test_verdict_follows_the_adjusted_p_not_the_raw_interval():
    out = utility_shifts(three_touchpoints()).set_index("touchpoint")
    fmot = out.loc["FMOT"]
    # Alone, FMOT's interval excludes zero (p < 0.05) ...
    assert fmot["p_value"] < 0.05 and fmot["ci_low"] > 0
    # ... but three touchpoints were tested: its Holm-adjusted p is above 0.05.
    assert fmot["p_adjusted"] > 0.05 and fmot["verdict"] == "confirmed"
    assert out.loc["SMOT", "verdict"] == "exceeded"  # adjusted p 0.04 < 0.05
    raw = utility_shifts(three_touchpoints(), correction="none").set_index("touchpoint")
    assert raw.loc["FMOT", "verdict"] == "exceeded"
    assert (raw["p_adjusted"] == raw["p_value"]).all()
    with pytest.raises(MotError, match="holm"):
        utility_shifts(three_touchpoints(), correction="sidak")


def test_holm_families_are_per_comparison_and_segment():
    frame = three_touchpoints()
    frame["device"] = pd.Categorical(np.where(frame["respondent_id"] < "p3", "a", "b"))
    out = utility_shifts(frame, by="device")
    for _, block in out.groupby(["device", "comparison"], observed=True):
        p = block["p_value"].to_numpy()
        order = np.argsort(p)
        expected = np.maximum.accumulate((len(p) - np.arange(len(p))) * p[order])
        adjusted = np.empty(len(p))
        adjusted[order] = np.minimum(1.0, expected)
        assert block["p_adjusted"].tolist() == pytest.approx(adjusted.tolist(), rel=1e-10)


def test_repeated_utility_rating_is_refused_by_scoring_with_the_shared_error():
    from mot.errors import DuplicateRatingError

    frame = paired([50.0] * 3, [60.0, 65, 70])
    twice = pd.concat([frame, frame.iloc[[1]].assign(value=90.0)], ignore_index=True)
    for analysis in (score_utilities, utility_shifts):
        with pytest.raises(DuplicateRatingError, match="Respondent `p1` has 2 `anticipated`"):
            analysis(twice)
    # A repeated rating of a measure scoring does not read is not its business.
    importance = frame.iloc[[1]].assign(measure="importance")
    other = pd.concat([frame, importance, importance], ignore_index=True)
    assert len(score_utilities(other)) == 2  # anticipated and experienced at SMOT
