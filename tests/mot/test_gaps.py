import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from mot.drivers import driver_importance
from mot.errors import MissingMeasureError, MotError
from mot.gaps import (
    GAP_COLUMNS,
    IMPORTANCE_PERFORMANCE_COLUMNS,
    PRIORITY_COLUMNS,
    QUADRANTS,
    gap_table,
    importance_performance,
    priorities,
)
from mot.tidy import with_segment

T_CRIT_4 = stats.t.ppf(0.975, 4)  # 2.776445


def rows(touchpoint: str, measure: str, values: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "respondent_id": list(values),
            "touchpoint": touchpoint,
            "measure": measure,
            "value": [float(v) for v in values.values()],
        }
    )


# Five respondents a–e. FMOT: everyone rated expected, actual and excellent (paired).
FMOT_EXPECTED = {"a": 60, "b": 70, "c": 80, "d": 50, "e": 90}
FMOT_ACTUAL = {"a": 50, "b": 70, "c": 60, "d": 60, "e": 70}
FMOT_EXCELLENT = {"a": 90, "b": 100, "c": 80, "d": 90, "e": 90}
# ZMOT: a, b, c said what they expect, d and e rated the experience: nobody rated both.
ZMOT_EXPECTED = {"a": 40, "b": 50, "c": 60}
ZMOT_ACTUAL = {"d": 70, "e": 90}


@pytest.fixture
def ratings() -> pd.DataFrame:
    frame = pd.concat(
        [
            rows("FMOT", "anticipated", FMOT_EXPECTED),
            rows("FMOT", "experienced", FMOT_ACTUAL),
            rows("FMOT", "excellent", FMOT_EXCELLENT),
            rows("ZMOT", "anticipated", ZMOT_EXPECTED),
            rows("ZMOT", "experienced", ZMOT_ACTUAL),
        ],
        ignore_index=True,
    )
    # Journey order ZMOT before FMOT, although FMOT rows come first in the table.
    order = pd.Categorical(frame["touchpoint"], categories=["ZMOT", "FMOT"], ordered=True)
    return frame.assign(touchpoint=order)


def test_columns_and_journey_order(ratings):
    out = gap_table(ratings)
    assert list(out.columns) == list(GAP_COLUMNS)
    assert out["touchpoint"].tolist() == ["ZMOT", "FMOT"]


def test_paired_gaps_five_respondents_by_hand(ratings):
    row = gap_table(ratings).set_index("touchpoint").loc["FMOT"]
    assert (row["n_expected"], row["n_actual"], row["n_excellent"]) == (5, 5, 5)
    # Means: expected 350/5 = 70, actual 310/5 = 62, excellent 450/5 = 90.
    assert (row["expected"], row["actual"], row["excellent"]) == (70.0, 62.0, 90.0)
    # Differences actual − expected: −10, 0, −20, 10, −20 → mean −8; squared deviations
    # 4 + 64 + 144 + 324 + 144 = 680, var 170, se = √(170/5) = √34 = 5.830952.
    assert row["gap_to_expected"] == pytest.approx(-8.0)
    half = T_CRIT_4 * math.sqrt(34)
    assert row["gap_to_expected_ci_low"] == pytest.approx(-8 - half)
    assert row["gap_to_expected_ci_high"] == pytest.approx(-8 + half)
    # Hand: t(0.975, 4) × se = 2.776445 × 5.830952 = 16.189318.
    assert row["gap_to_expected_ci_low"] == pytest.approx(-24.189318, abs=1e-6)
    # Differences actual − excellent: −40, −30, −20, −30, −20 → mean −28; squared
    # deviations 144 + 4 + 64 + 4 + 64 = 280, var 70, se = √14 = 3.741657.
    assert row["gap_to_excellent"] == pytest.approx(-28.0)
    assert row["gap_to_excellent_ci_high"] == pytest.approx(-28 + T_CRIT_4 * math.sqrt(14))
    assert (row["n_paired_expected"], row["n_paired_excellent"]) == (5, 5)
    assert row["gap_to_expected_method"] == "paired"
    assert row["gap_to_excellent_method"] == "paired"


def test_paired_gaps_match_scipy_ttest_rel(ratings):
    row = gap_table(ratings, confidence=0.9).set_index("touchpoint").loc["FMOT"]
    for target, reference in (("expected", FMOT_EXPECTED), ("excellent", FMOT_EXCELLENT)):
        result = stats.ttest_rel(list(FMOT_ACTUAL.values()), list(reference.values()))
        interval = result.confidence_interval(0.9)
        assert row[f"gap_to_{target}_p"] == pytest.approx(result.pvalue, rel=1e-10)
        assert row[f"gap_to_{target}_ci_low"] == pytest.approx(interval.low, rel=1e-10)
        assert row[f"gap_to_{target}_ci_high"] == pytest.approx(interval.high, rel=1e-10)


def test_unpaired_touchpoint_falls_back_to_welch(ratings):
    row = gap_table(ratings).set_index("touchpoint").loc["ZMOT"]
    assert row["gap_to_expected_method"] == "welch"
    assert row["n_paired_expected"] == 0
    # Hand: means 80 (actual) and 50 (expected) → 30; se = √(200/2 + 100/3) = 11.547.
    assert row["gap_to_expected"] == pytest.approx(30.0)
    result = stats.ttest_ind(
        list(ZMOT_ACTUAL.values()), list(ZMOT_EXPECTED.values()), equal_var=False
    )
    interval = result.confidence_interval(0.95)
    assert row["gap_to_expected_p"] == pytest.approx(result.pvalue, rel=1e-10)
    assert row["gap_to_expected_ci_low"] == pytest.approx(interval.low, rel=1e-10)
    assert row["gap_to_expected_ci_high"] == pytest.approx(interval.high, rel=1e-10)


def test_touchpoint_without_excellent_has_nan_excellent_columns(ratings):
    row = gap_table(ratings).set_index("touchpoint").loc["ZMOT"]
    assert row["n_excellent"] == 0 and row["n_paired_excellent"] == 0
    assert np.isnan(row["excellent"]) and np.isnan(row["gap_to_excellent"])
    assert np.isnan(row["gap_to_excellent_p"]) and pd.isna(row["gap_to_excellent_method"])


def test_only_excellent_is_enough(ratings):
    out = gap_table(ratings[ratings["measure"] != "anticipated"])
    assert out["expected"].isna().all() and (out["n_expected"] == 0).all()
    assert out.set_index("touchpoint").loc["FMOT", "gap_to_excellent"] == pytest.approx(-28.0)


def test_one_pair_gives_a_gap_without_interval():
    frame = pd.concat(
        [rows("FMOT", "anticipated", {"a": 70}), rows("FMOT", "experienced", {"a": 55})]
    )
    row = gap_table(frame).iloc[0]
    assert row["gap_to_expected"] == -15.0 and row["n_paired_expected"] == 1
    assert np.isnan(row["gap_to_expected_ci_low"]) and np.isnan(row["gap_to_expected_p"])


def test_identical_differences_give_zero_width_interval_as_scipy():
    frame = pd.concat(
        [
            rows("FMOT", "anticipated", {"a": 70, "b": 80, "c": 60}),
            rows("FMOT", "experienced", {"a": 60, "b": 70, "c": 50}),
        ]
    )
    row = gap_table(frame).iloc[0]
    assert row["gap_to_expected"] == -10.0
    assert row["gap_to_expected_ci_low"] == row["gap_to_expected_ci_high"] == -10.0
    assert row["gap_to_expected_p"] == 0.0  # scipy.stats.ttest_rel gives t = −inf, p = 0


def test_by_segment_blocks_and_missing_segment_counted(ratings):
    segment = {"a": "web", "b": "web", "c": "app", "d": "app", "e": None}
    frame = ratings.assign(
        channel=pd.Categorical(ratings["respondent_id"].map(segment), categories=["web", "app"])
    )
    out = gap_table(frame, by="channel")
    assert list(out.columns) == ["channel", *GAP_COLUMNS]
    assert out.attrs["n_missing_segment"] == 1
    keys = list(zip(out["channel"], out["touchpoint"], strict=True))
    assert keys == [("web", "ZMOT"), ("web", "FMOT"), ("app", "ZMOT"), ("app", "FMOT")]
    web_fmot = out.iloc[1]
    # web = a, b: differences −10 and 0 → −5.
    assert web_fmot["gap_to_expected"] == pytest.approx(-5.0)
    # ZMOT web: a and b expected, nobody from web rated the experience → no gap, no method.
    assert np.isnan(out.iloc[0]["gap_to_expected"]) and pd.isna(out.iloc[0]["actual"])
    assert pd.isna(out.iloc[0]["gap_to_expected_method"])


def test_all_segments_missing_gives_empty_table_with_columns(ratings):
    frame = ratings.assign(channel=pd.Categorical([None] * len(ratings), categories=["web"]))
    out = gap_table(frame, by="channel")
    assert out.empty
    assert list(out.columns) == ["channel", *GAP_COLUMNS]
    assert out.attrs["n_missing_segment"] == 5


def test_missing_measures_are_typed_errors(ratings):
    no_targets = ratings[ratings["measure"] == "experienced"]
    with pytest.raises(MissingMeasureError, match="FMOT_excellent"):
        gap_table(no_targets)
    with pytest.raises(MissingMeasureError, match="experienced"):
        gap_table(ratings[ratings["measure"] != "experienced"])


def test_bad_arguments_are_typed_errors(ratings):
    with pytest.raises(MotError, match="with_segment"):
        gap_table(ratings, by="device")
    with pytest.raises(MotError, match="confidence"):
        gap_table(ratings, confidence=0)


def test_inputs_are_not_mutated(ratings):
    frame, people = _derivable(), _people()
    before, before_frame, before_people = ratings.copy(), frame.copy(), people.copy()
    gap_table(ratings)
    priorities(frame, respondents=people)
    pd.testing.assert_frame_equal(ratings, before)
    pd.testing.assert_frame_equal(frame, before_frame)
    pd.testing.assert_frame_equal(people, before_people)


def test_row_order_does_not_matter(ratings):
    shuffled = ratings.sample(frac=1.0, random_state=1)
    pd.testing.assert_frame_equal(gap_table(ratings), gap_table(shuffled))


# importance–performance ---------------------------------------------------------------


def _stated() -> pd.DataFrame:
    # Importance 90, 50, 70, 30; performance 40, 80, 60, 20 (one respondent).
    touchpoints = ["ZMOT", "FMOT", "SMOT", "TMOT"]
    frame = pd.DataFrame(
        {
            "respondent_id": "a",
            "touchpoint": touchpoints * 2,
            "measure": ["importance"] * 4 + ["experienced"] * 4,
            "value": [90.0, 50, 70, 30, 40, 80, 60, 20],
        }
    )
    return frame.assign(
        touchpoint=pd.Categorical(frame["touchpoint"], categories=touchpoints, ordered=True)
    )


def test_importance_performance_quadrants_by_hand():
    out = importance_performance(_stated())
    assert list(out.columns) == list(IMPORTANCE_PERFORMANCE_COLUMNS)
    # Mean importance (90 + 50 + 70 + 30)/4 = 60; mean performance (40 + 80 + 60 + 20)/4 = 50.
    assert out["quadrant"].tolist() == [
        "concentrate_here",  # 90 ≥ 60, 40 < 50
        "possible_overkill",  # 50 < 60, 80 ≥ 50
        "keep_up",  # 70 ≥ 60, 60 ≥ 50
        "low_priority",  # 30 < 60, 20 < 50
    ]
    assert (out["importance_source"] == "stated").all()
    assert out["performance"].tolist() == [40.0, 80.0, 60.0, 20.0]


def _people() -> pd.DataFrame:
    return pd.DataFrame({"respondent_id": list("abcde"), "recommend": [6.0, 9.0, 7.0, 8.0, 10.0]})


def _derivable() -> pd.DataFrame:
    # Two touchpoints rated by five respondents, one with stated importance.
    frame = pd.concat(
        [
            rows("FMOT", "experienced", {"a": 50, "b": 80, "c": 60, "d": 60, "e": 90}),
            rows("SMOT", "experienced", {"a": 70, "b": 60, "c": 40, "d": 90, "e": 80}),
            rows("FMOT", "anticipated", {"a": 60, "b": 70, "c": 80, "d": 50, "e": 90}),
            rows("SMOT", "excellent", {"a": 90, "b": 90, "c": 80, "d": 100, "e": 90}),
            rows("SMOT", "importance", {"a": 40, "b": 60}),
        ],
        ignore_index=True,
    )
    return frame


def test_importance_is_derived_where_not_stated():
    frame = _derivable()
    out = importance_performance(frame, respondents=_people())
    assert out["importance_source"].tolist() == ["derived", "stated"]
    shares = driver_importance(frame, _people(), n_boot=0)["share"]
    assert out.loc[0, "importance"] == pytest.approx(100 * shares.iloc[0])
    assert out.loc[1, "importance"] == pytest.approx(50.0)  # (40 + 60) / 2


def _mixed() -> tuple[pd.DataFrame, pd.DataFrame]:
    # Three touchpoints rated (experienced) by 12 respondents, seeded; stated importance for
    # ZMOT (mean 80) and FMOT (mean 60) only, so SMOT's importance is derived.
    rng = np.random.default_rng(12)
    ids = [f"r{i:02d}" for i in range(12)]
    x = rng.uniform(20, 95, size=(12, 3)).round()
    y = (0.02 * x[:, 0] + 0.03 * x[:, 1] + 0.06 * x[:, 2] + rng.normal(0, 0.8, 12)).round(1)
    parts = [rows(tp, "experienced", dict(zip(ids, x[:, j], strict=True)))
             for j, tp in enumerate(["ZMOT", "FMOT", "SMOT"])]  # fmt: skip
    parts += [
        rows("ZMOT", "importance", {"r00": 70, "r01": 90}),
        rows("FMOT", "importance", {"r00": 50, "r01": 70}),
    ]
    frame = pd.concat(parts, ignore_index=True)
    order = pd.Categorical(frame["touchpoint"], categories=["ZMOT", "FMOT", "SMOT"], ordered=True)
    return frame.assign(touchpoint=order), pd.DataFrame({"respondent_id": ids, "recommend": y})


def test_stated_and_derived_importance_are_split_each_on_its_own_scale():
    frame, people = _mixed()
    out = importance_performance(frame, respondents=people).set_index("touchpoint")
    assert list(out.reset_index().columns) == list(IMPORTANCE_PERFORMANCE_COLUMNS)
    assert out["importance_source"].tolist() == ["stated", "stated", "derived"]
    shares = driver_importance(frame, people, n_boot=0).set_index("touchpoint")["share"]
    derived = 100 * shares["SMOT"]
    assert out.loc["SMOT", "importance"] == pytest.approx(derived)
    # Stated importance split at the stated mean (80 + 60) / 2 = 70, derived importance at an
    # equal share of R² over the three touchpoints, 100 / 3; never at a mean of both kinds.
    assert out["importance_split"].tolist() == pytest.approx([70.0, 70.0, 100 / 3])
    mixed_mean = (80 + 60 + derived) / 3
    assert not np.isclose(out["importance_split"], mixed_mean).any()
    performance = frame[frame["measure"] == "experienced"].groupby("touchpoint", observed=True)
    mean_performance = performance["value"].mean()
    assert out["performance_split"].tolist() == pytest.approx([mean_performance.mean()] * 3)
    for tp, importance, split in [("ZMOT", 80, 70), ("FMOT", 60, 70), ("SMOT", derived, 100 / 3)]:
        high = (importance >= split, mean_performance[tp] >= mean_performance.mean())
        assert out.loc[tp, "quadrant"] == QUADRANTS[high], tp
    assert out.loc["FMOT", "quadrant"] in {"low_priority", "possible_overkill"}  # 60 < 70
    # Here the rule matters: SMOT explains 48% of R² (above its equal share, 33%), but a mean
    # of both kinds (62.8) would have called it unimportant.
    assert derived < mixed_mean and out.loc["SMOT", "quadrant"] in {"concentrate_here", "keep_up"}


def test_importance_missing_without_respondents_is_typed_error():
    with pytest.raises(MissingMeasureError, match="FMOT"):
        importance_performance(_derivable())
    with pytest.raises(MissingMeasureError, match="repurchase"):
        importance_performance(_derivable(), respondents=_people(), outcome="repurchase")


# priorities ---------------------------------------------------------------------------


def test_priorities_rule_by_hand():
    frame = _derivable()
    out = priorities(frame, respondents=_people())
    assert list(out.columns) == list(PRIORITY_COLUMNS)
    grid = importance_performance(frame, respondents=_people()).set_index("touchpoint")
    by_tp = out.set_index("touchpoint")
    # SMOT has excellent: actual − excellent per respondent −20, −30, −40, −10, −10 → −22;
    # priority = 50 / 100 × 22 = 11.
    assert by_tp.loc["SMOT", "gap_used"] == "to_excellent"
    assert by_tp.loc["SMOT", "gap"] == pytest.approx(-22.0)
    assert by_tp.loc["SMOT", "priority"] == pytest.approx(11.0)
    # FMOT has only expected: differences −10, 10, −20, 10, 0 → −2; priority = imp/100 × 2.
    assert by_tp.loc["FMOT", "gap_used"] == "to_expected"
    assert by_tp.loc["FMOT", "gap"] == pytest.approx(-2.0)
    importance = grid.loc["FMOT", "importance"]
    assert by_tp.loc["FMOT", "priority"] == pytest.approx(importance / 100 * 2.0)
    assert by_tp.loc["FMOT", "rule"] == "importance / 100 × (expected − actual)"
    assert by_tp.loc["SMOT", "quadrant"] == grid.loc["SMOT", "quadrant"]
    # Rank 1 is the larger priority.
    assert out["rank"].tolist() == [1, 2]
    assert out["priority"].is_monotonic_decreasing


def test_priority_ties_keep_journey_order():
    frame = pd.concat(
        [
            rows("UMOT", "experienced", {"a": 50}),
            rows("ZMOT", "experienced", {"a": 50}),
            rows("UMOT", "excellent", {"a": 70}),
            rows("ZMOT", "excellent", {"a": 70}),
            rows("UMOT", "importance", {"a": 80}),
            rows("ZMOT", "importance", {"a": 80}),
        ]
    )
    frame["touchpoint"] = pd.Categorical(
        frame["touchpoint"], categories=["ZMOT", "UMOT"], ordered=True
    )
    out = priorities(frame)
    assert out["touchpoint"].tolist() == ["ZMOT", "UMOT"]
    assert out["priority"].tolist() == [16.0, 16.0]  # 0.8 × 20
    assert out["rank"].tolist() == [1, 2]


def test_touchpoint_without_target_has_no_rank():
    frame = pd.concat(
        [
            rows("ZMOT", "experienced", {"a": 50}),
            rows("FMOT", "experienced", {"a": 90}),
            rows("FMOT", "excellent", {"a": 80}),
            rows("ZMOT", "importance", {"a": 80}),
            rows("FMOT", "importance", {"a": 60}),
        ]
    )
    out = priorities(frame)
    # FMOT beats its target: priority 0.6 × (80 − 90) = −6, rank 1 of the ranked ones;
    # ZMOT has no expected or excellent rating: no priority, no rank, last.
    assert out["touchpoint"].tolist() == ["FMOT", "ZMOT"]
    assert out.loc[0, "priority"] == pytest.approx(-6.0)
    assert out.loc[0, "rank"] == 1 and pd.isna(out.loc[1, "rank"])
    assert pd.isna(out.loc[1, "gap_used"]) and np.isnan(out.loc[1, "priority"])
    assert out.loc[1, "rule"] == "no expected or excellent ratings"


def test_segment_from_with_segment(ratings):
    # The usual route: a respondent-level segment spread onto the ratings by with_segment;
    # respondent e has no channel and is left out (counted once, not per rating).
    people = pd.DataFrame(
        {"respondent_id": list("abcde"), "channel": ["web", "web", "app", "app", None]}
    )
    out = gap_table(with_segment(ratings, people, "channel"), by="channel")
    assert out.attrs["n_missing_segment"] == 1
    assert out["channel"].cat.categories.tolist() == ["app", "web"]
    app_fmot = out[(out["channel"] == "app") & (out["touchpoint"] == "FMOT")].iloc[0]
    # app = c, d: actual − expected = −20 and 10 → −5.
    assert app_fmot["gap_to_expected"] == pytest.approx(-5.0)
    assert app_fmot["n_paired_expected"] == 2


def test_priority_rules_group_the_ranked_touchpoints_by_the_gap_they_used():
    from mot.method import priority_rules, top_priority

    frame = pd.concat(
        [
            rows("ZMOT", "experienced", {"a": 50}),
            rows("ZMOT", "excellent", {"a": 90}),  # gap to excellent 40
            rows("FMOT", "experienced", {"a": 60}),
            rows("FMOT", "anticipated", {"a": 70}),  # no excellent: gap to expected 10
            rows("SMOT", "experienced", {"a": 70}),
            rows("ZMOT", "importance", {"a": 50}),
            rows("FMOT", "importance", {"a": 100}),
            rows("SMOT", "importance", {"a": 100}),
        ]
    )
    out = priorities(frame)
    rules = priority_rules(out)
    # ZMOT 0.5 × 40 = 20 (rank 1, excellent); FMOT 1.0 × 10 = 10 (rank 2, expected); SMOT none
    assert rules["gap_used"].tolist() == ["to_excellent", "to_expected"]
    assert rules["touchpoints"].tolist() == [("ZMOT",), ("FMOT",)]
    assert rules["importance_source"].tolist() == ["stated", "stated"]
    assert top_priority(out)["touchpoint"] == "ZMOT"
    assert top_priority(out.iloc[0:0]) is None
    assert list(priority_rules(out.iloc[0:0]).columns) == [
        "gap_used",
        "importance_source",
        "touchpoints",
    ]


# partially overlapping samples, Holm, repeated ratings (issue 12) ----------------------


def _holm(p: list[float]) -> list[float]:
    """Holm's step-down adjustment written out for the test (Holm 1979)."""
    order = sorted(range(len(p)), key=lambda i: p[i])
    out, running = [0.0] * len(p), 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(p) - rank) * p[i]))
        out[i] = running
    return out


def test_partial_overlap_uses_every_rating_with_the_overlapping_test():
    # SMOT: a–e rated both; f, g only expected; h, i only actual.
    expected = {"a": 60, "b": 70, "c": 80, "d": 50, "e": 90, "f": 65, "g": 75}
    actual = {"a": 50, "b": 72, "c": 66, "d": 55, "e": 80, "h": 40, "i": 85}
    frame = pd.concat([rows("SMOT", "anticipated", expected), rows("SMOT", "experienced", actual)])
    row = gap_table(frame).iloc[0]
    assert row["gap_to_expected_method"] == "partially_overlapping"
    assert row["n_paired_expected"] == 5
    x, y = np.array(list(actual.values()), float), np.array(list(expected.values()), float)
    # The gap is the difference of the two means shown beside it, over all ratings.
    assert row["actual"] == pytest.approx(x.mean()) and row["expected"] == pytest.approx(y.mean())
    assert row["gap_to_expected"] == pytest.approx(x.mean() - y.mean(), rel=1e-12)
    # T_new2 of Derrick et al. (2017), written out: r over the five pairs.
    r = np.corrcoef([50, 72, 66, 55, 80], [60, 70, 80, 50, 90])[0, 1]
    v1, v2 = x.var(ddof=1), y.var(ddof=1)
    se = math.sqrt(v1 / 7 + v2 / 7 - 2 * r * math.sqrt(v1 * v2) * 5 / 49)
    gamma = (v1 / 7 + v2 / 7) ** 2 / ((v1 / 7) ** 2 / 6 + (v2 / 7) ** 2 / 6)
    df = 4 + (gamma - 4) * 4 / 14
    t = (x.mean() - y.mean()) / se
    assert row["gap_to_expected_p"] == pytest.approx(2 * stats.t.sf(abs(t), df), rel=1e-10)
    half = stats.t.ppf(0.975, df) * se
    assert row["gap_to_expected_ci_low"] == pytest.approx(x.mean() - y.mean() - half, rel=1e-10)
    # ... and the library's own partially_overlapping_ttest on the stacked answers agrees.
    from mot.ttests import partially_overlapping_ttest

    ids = sorted(set(expected) | set(actual))
    test = partially_overlapping_ttest(
        [actual.get(i, np.nan) for i in ids], [expected.get(i, np.nan) for i in ids]
    ).iloc[0]
    assert row["gap_to_expected_p"] == pytest.approx(test["p_value"], rel=1e-10)
    assert row["gap_to_expected_ci_high"] == pytest.approx(test["ci_high"], rel=1e-10)


def test_one_paired_respondent_among_31_and_31_gets_an_interval():
    # The case: before, the gap was that one person's difference with no interval.
    rng = np.random.default_rng(12)
    expected = {f"e{i}": float(v) for i, v in enumerate(rng.integers(40, 90, 30))}
    actual = {f"x{i}": float(v) for i, v in enumerate(rng.integers(30, 95, 30))}
    expected["both"], actual["both"] = 70.0, 20.0
    frame = pd.concat([rows("TMOT", "anticipated", expected), rows("TMOT", "experienced", actual)])
    row = gap_table(frame).iloc[0]
    assert (row["n_expected"], row["n_actual"], row["n_paired_expected"]) == (31, 31, 1)
    assert row["gap_to_expected_method"] == "partially_overlapping"
    x, y = np.array(list(actual.values())), np.array(list(expected.values()))
    assert row["gap_to_expected"] == pytest.approx(x.mean() - y.mean(), rel=1e-12)
    assert row["gap_to_expected"] != -50.0  # not the one person's difference any more
    # One pair: r cannot be estimated and is taken as 0, so se is Welch's on all ratings.
    welch = stats.ttest_ind(x, y, equal_var=False)
    se = math.sqrt(x.var(ddof=1) / 31 + y.var(ddof=1) / 31)
    df = welch.df * 60 / 62  # (n_c − 1) + (γ − n_c + 1)(n_a + n_b)/(n_a + n_b + 2 n_c)
    half = stats.t.ppf(0.975, df) * se
    assert row["gap_to_expected_ci_low"] == pytest.approx(row["gap_to_expected"] - half)
    assert row["gap_to_expected_ci_high"] == pytest.approx(row["gap_to_expected"] + half)
    assert 0 < row["gap_to_expected_p"] < 1


def test_gap_p_values_are_holm_adjusted_across_touchpoints(ratings):
    # Three touchpoints with paired gaps of different strength.
    frame = pd.concat(
        [
            rows("ZMOT", "anticipated", {"a": 50, "b": 60, "c": 70, "d": 55}),
            rows("ZMOT", "experienced", {"a": 40, "b": 52, "c": 58, "d": 47}),
            rows("FMOT", "anticipated", {"a": 50, "b": 60, "c": 70, "d": 55}),
            rows("FMOT", "experienced", {"a": 45, "b": 62, "c": 60, "d": 50}),
            rows("SMOT", "anticipated", {"a": 50, "b": 60, "c": 70, "d": 55}),
            rows("SMOT", "experienced", {"a": 52, "b": 58, "c": 71, "d": 56}),
        ]
    )
    out = gap_table(frame)
    raw = [
        stats.ttest_rel(actual, expected).pvalue
        for actual, expected in (
            ([40, 52, 58, 47], [50, 60, 70, 55]),
            ([45, 62, 60, 50], [50, 60, 70, 55]),
            ([52, 58, 71, 56], [50, 60, 70, 55]),
        )
    ]
    assert out["gap_to_expected_p"].tolist() == pytest.approx(raw, rel=1e-10)
    assert out["gap_to_expected_p_adjusted"].tolist() == pytest.approx(_holm(raw), rel=1e-10)
    assert (out["gap_to_expected_p_adjusted"] >= out["gap_to_expected_p"]).all()
    assert out["gap_to_excellent_p_adjusted"].isna().all()  # no excellent ratings
    none = gap_table(frame, correction="none")
    assert none["gap_to_expected_p_adjusted"].tolist() == none["gap_to_expected_p"].tolist()
    bonferroni = gap_table(frame, correction="bonferroni")["gap_to_expected_p_adjusted"]
    assert bonferroni.tolist() == pytest.approx([min(1.0, 3 * p) for p in raw], rel=1e-10)
    with pytest.raises(MotError, match="holm, bonferroni"):
        gap_table(frame, correction="tukey")


def test_holm_families_are_per_segment_and_per_gap(ratings):
    segment = {"a": "web", "b": "web", "c": "app", "d": "app", "e": "app"}
    frame = ratings.assign(
        channel=pd.Categorical(ratings["respondent_id"].map(segment), categories=["web", "app"])
    )
    out = gap_table(frame, by="channel")
    for channel in ("web", "app"):
        block = out[out["channel"] == channel]
        for gap in ("gap_to_expected", "gap_to_excellent"):
            raw = block[f"{gap}_p"].to_numpy()
            known = ~np.isnan(raw)
            adjusted = block[f"{gap}_p_adjusted"].to_numpy()
            assert adjusted[known].tolist() == pytest.approx(_holm(list(raw[known])))
            assert np.isnan(adjusted[~known]).all()


def test_empty_table_keeps_the_new_columns(ratings):
    frame = ratings.assign(channel=pd.Categorical([None] * len(ratings), categories=["web"]))
    out = gap_table(frame, by="channel")
    assert {"gap_to_expected_p_adjusted", "gap_to_excellent_p_adjusted"} <= set(out.columns)


def test_repeated_rating_is_refused_by_gaps_and_priorities(ratings):
    from mot.errors import DuplicateRatingError

    twice = pd.concat([ratings, ratings.iloc[[0]].assign(value=10.0)], ignore_index=True)
    with pytest.raises(DuplicateRatingError, match="Respondent `a` has 2 `anticipated`") as err:
        gap_table(twice)
    assert f"rows 0, {len(ratings)} " in str(err.value)  # the first and the appended row
    assert "drop_duplicates" in str(err.value)
    importance = pd.concat(
        [rows("ZMOT", "importance", {"a": 80}), rows("FMOT", "importance", {"a": 60})]
    )
    with pytest.raises(DuplicateRatingError, match="`anticipated`"):
        priorities(pd.concat([twice, importance], ignore_index=True))
    stated = _stated()
    with pytest.raises(DuplicateRatingError, match="`importance`"):
        importance_performance(pd.concat([stated, stated.iloc[[0]]], ignore_index=True))
    # A row without a value is not a rating: no repeat.
    blank = pd.concat([ratings, ratings.iloc[[0]].assign(value=np.nan)], ignore_index=True)
    pd.testing.assert_frame_equal(gap_table(blank), gap_table(ratings))
