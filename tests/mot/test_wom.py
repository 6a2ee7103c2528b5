import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from mot.errors import MissingMeasureError, MotError
from mot.wom import NPS_COLUMNS, NPS_DIFFERENCE_COLUMNS, NPS_MIN_N, nps, nps_difference

Z95 = stats.norm.ppf(0.975)


@pytest.fixture
def people() -> pd.DataFrame:
    # 10 answers in segment "web": 5 promoters (9, 10), 3 passives (7, 8), 2 detractors (3, 6);
    # 4 answers in segment "app": 1 promoter, 1 passive, 2 detractors.
    return pd.DataFrame(
        {
            "respondent_id": [f"r{i}" for i in range(14)],
            "recommend": [10, 9, 9, 10, 9, 7, 8, 8, 3, 6, 9, 7, 2, 5],
            "channel": pd.Categorical(["web"] * 10 + ["app"] * 4, categories=["web", "app"]),
        }
    )


def test_nps_hand_example(people):
    out = nps(people[people["channel"] == "web"], ci_method="wald")
    assert list(out.columns) == list(NPS_COLUMNS)
    row = out.iloc[0]
    assert (row["n"], row["promoters"], row["passives"], row["detractors"]) == (10, 5, 3, 2)
    assert row["promoter_share"] == pytest.approx(0.5)
    assert row["detractor_share"] == pytest.approx(0.2)
    # Hand: 100 · (0.5 − 0.2) = 30.
    assert row["score"] == pytest.approx(30.0)
    # Hand, trinomial: var = (0.5 + 0.2 − 0.3²) / 10 = 0.061, se = 100 · √0.061 = 24.6982.
    assert row["se"] == pytest.approx(100 * math.sqrt(0.061))
    assert row["se"] == pytest.approx(24.698178, abs=1e-6)
    assert row["ci_low"] == pytest.approx(30 - Z95 * 24.698178, abs=1e-5)
    assert row["ci_high"] == pytest.approx(30 + Z95 * 24.698178, abs=1e-5)


def test_nps_se_matches_variance_of_the_per_person_score(people):
    # Independent check: each answer scores +100, 0 or −100; the score is their mean and the
    # trinomial se is the population sd of those values over √n.
    answers = people["recommend"].to_numpy()
    points = np.select([answers >= 9, answers <= 6], [100.0, -100.0], 0.0)
    row = nps(people, ci_method="wald").iloc[0]
    assert row["score"] == pytest.approx(points.mean())
    assert row["se"] == pytest.approx(points.std(ddof=0) / np.sqrt(points.size))


def test_nps_by_segment_keeps_category_order(people):
    out = nps(people, by="channel")
    assert list(out.columns) == ["channel", *NPS_COLUMNS]
    assert out["channel"].tolist() == ["web", "app"]
    # app: 1 promoter, 2 detractors of 4 → 100 · (0.25 − 0.5) = −25.
    assert out["score"].tolist() == pytest.approx([30.0, -25.0])
    assert out.attrs["n_missing_segment"] == 0


def test_nps_excluded_values_are_counted(people):
    frame = people.assign(
        recommend=pd.Series([10, 9, 9, 10, 9, 7, 8, 8, 3, 6, 11, -1, np.nan, "x"], dtype=object)
    )
    out = nps(frame, by="channel")
    assert out["n"].tolist() == [10, 0]
    assert out["n_excluded"].tolist() == [0, 4]
    assert np.isnan(out.loc[1, "score"]) and np.isnan(out.loc[1, "se"])


def test_nps_missing_segment_is_left_out_and_counted(people):
    frame = people.assign(channel=people["channel"].where(people.index != 0))
    out = nps(frame, by="channel")
    assert out.attrs["n_missing_segment"] == 1
    assert out["n"].sum() == 13


def test_nps_empty_segment_category_has_no_row(people):
    frame = people.assign(channel=people["channel"].cat.add_categories(["store"]))
    out = nps(frame, by="channel")
    assert out["channel"].tolist() == ["web", "app"]


def test_nps_all_segments_missing_gives_empty_table_with_columns(people):
    frame = people.assign(channel=pd.Categorical([None] * len(people), categories=["web"]))
    out = nps(frame, by="channel")
    assert out.empty
    assert list(out.columns) == ["channel", *NPS_COLUMNS]
    assert out.attrs["n_missing_segment"] == len(people)


def test_nps_ci_is_clipped():
    # Nine promoters and one passive: score 90, se = 100·√[(0.9 − 0.81)/10] = 9.487,
    # 90 + 1.96 · 9.487 = 108.6 → clipped to 100.
    out = nps(pd.DataFrame({"recommend": [10] * 9 + [8]}), ci_method="wald").iloc[0]
    assert out["se"] == pytest.approx(100 * math.sqrt(0.009))
    assert out["ci_high"] == 100.0
    assert out["ci_clipped"]  # the cut is said, not silent


def test_nps_single_answer_has_no_se():
    row = nps(pd.DataFrame({"recommend": [10]})).iloc[0]
    assert row["score"] == 100.0 and np.isnan(row["se"]) and np.isnan(row["ci_low"])


def test_nps_missing_or_empty_column_is_typed_error(people):
    with pytest.raises(MissingMeasureError, match="recommend"):
        nps(people.drop(columns="recommend"))
    with pytest.raises(MissingMeasureError, match="0 to 10"):
        nps(people.assign(recommend=people["recommend"] * 10.0 + 200))
    with pytest.raises(MissingMeasureError):
        nps(people.assign(recommend=np.nan))


def test_nps_bad_arguments(people):
    with pytest.raises(MotError, match="segment column `device`"):
        nps(people, by="device")
    with pytest.raises(MotError, match="confidence"):
        nps(people, confidence=95)


def test_nps_does_not_mutate_input(people):
    before = people.copy()
    nps(people, by="channel")
    nps_difference(people, by="channel")
    pd.testing.assert_frame_equal(people, before)


def test_nps_difference_hand_example(people):
    out = nps_difference(people, by="channel", ci_method="wald", min_n=2)
    assert list(out.columns) == list(NPS_DIFFERENCE_COLUMNS)
    row = out.iloc[0]
    assert (row["group_a"], row["group_b"], row["n_a"], row["n_b"]) == ("web", "app", 10, 4)
    # Hand: 30 − (−25) = 55; se_web = 24.6982, se_app = 100·√[(0.75 − 0.0625)/4] = 41.4578.
    se_app = 100 * math.sqrt((0.75 - 0.0625) / 4)
    se = math.sqrt(24.698178**2 + se_app**2)
    assert row["difference"] == pytest.approx(55.0)
    assert row["se"] == pytest.approx(se, abs=1e-5)
    assert row["z"] == pytest.approx(55 / se, abs=1e-6)
    assert row["p_value"] == pytest.approx(2 * stats.norm.sf(55 / se), abs=1e-8)
    assert row["ci_low"] == pytest.approx(55 - Z95 * se, abs=1e-5)


def test_nps_difference_pairs_in_category_order():
    frame = pd.DataFrame(
        {
            "recommend": [10, 9, 0, 5, 8, 9, 10, 1, 7],
            "variant": pd.Categorical(list("cccbbbaaa"), categories=["c", "b", "a"]),
        }
    )
    out = nps_difference(frame, by="variant")
    pairs = list(zip(out["group_a"], out["group_b"], strict=True))
    assert pairs == [("c", "b"), ("c", "a"), ("b", "a")]


def test_nps_difference_single_group_is_empty_with_columns(people):
    out = nps_difference(people[people["channel"] == "web"], by="channel")
    assert out.empty and list(out.columns) == list(NPS_DIFFERENCE_COLUMNS)


# adjusted Wald (Rocks 2016) -------------------------------------------------------------


def adjusted_wald(promoters: int, detractors: int, n: int, z: float = Z95) -> tuple:
    """Rocks's adjusted Wald written out independently (his R package `NPS`, nps_test_:
    pseudo-observations c(0.75, 1.50, 0.75) added to (detractors, passives, promoters), the
    variance of the adjusted score over the adjusted n, the interval around the adjusted
    score). Returns (centre, se, low, high) in NPS points, before any cut at ±100."""
    counts = np.array([detractors + 0.75, n - promoters - detractors + 1.5, promoters + 0.75])
    n_adj = counts.sum()
    p_det, _, p_pro = counts / n_adj
    centre = p_pro - p_det
    # var of the per-person score (+1, 0, −1) under the adjusted shares
    variance = p_pro * (1 - centre) ** 2 + (1 - p_pro - p_det) * centre**2
    variance += p_det * (-1 - centre) ** 2
    se = math.sqrt(variance / n_adj)
    return 100 * centre, 100 * se, 100 * (centre - z * se), 100 * (centre + z * se)


def test_adjusted_wald_is_the_default_and_named(people):
    out = nps(people[people["channel"] == "web"])
    row = out.iloc[0]
    assert row["ci_method"] == "adjusted_wald"
    # Independent: 5 promoters, 2 detractors of 10.
    centre, se, low, high = adjusted_wald(5, 2, 10)
    assert row["score"] == pytest.approx(30.0)  # the score itself is not adjusted
    assert row["se"] == pytest.approx(se, abs=1e-10)
    assert row["ci_low"] == pytest.approx(low, abs=1e-10)
    assert row["ci_high"] == pytest.approx(high, abs=1e-10)
    # By hand: ñ = 13, centre 100 · 3/13, se = 100 · √[(8.5/13 − (3/13)²)/13] = 21.494.
    assert centre == pytest.approx(300 / 13)
    assert row["se"] == pytest.approx(21.494037, abs=1e-6)
    assert not row["ci_clipped"] and not row["small_n"]


@pytest.mark.parametrize(
    ("promoters", "detractors", "n"), [(10, 0, 10), (0, 12, 12), (20, 20, 50), (3, 8, 11)]
)
def test_adjusted_wald_matches_the_independent_formula(promoters, detractors, n):
    answers = [10] * promoters + [0] * detractors + [8] * (n - promoters - detractors)
    row = nps(pd.DataFrame({"recommend": answers}), confidence=0.9).iloc[0]
    z90 = stats.norm.ppf(0.95)
    _, se, low, high = adjusted_wald(promoters, detractors, n, z=z90)
    assert row["se"] == pytest.approx(se, abs=1e-10)
    assert row["ci_low"] == pytest.approx(max(low, -100.0), abs=1e-10)
    assert row["ci_high"] == pytest.approx(min(high, 100.0), abs=1e-10)
    assert row["ci_clipped"] == (low < -100 or high > 100)


def test_ten_promoters_out_of_ten_no_longer_give_a_point_interval():
    # The audit's case: the plain Wald gives [100, 100] (se 0).
    everyone = pd.DataFrame({"recommend": [10] * 10})
    wald = nps(everyone, ci_method="wald").iloc[0]
    assert (wald["ci_low"], wald["ci_high"]) == (100.0, 100.0)
    row = nps(everyone).iloc[0]
    assert row["score"] == 100.0
    # ñ = 13, p̃_P = 10.75/13, p̃_D = 0.75/13: centre 76.92, se 15.010, low 76.92 − 1.96 · 15.01.
    assert row["ci_low"] == pytest.approx(47.5036, abs=1e-4)
    assert row["ci_low"] < 100.0
    assert row["ci_high"] == 100.0 and row["ci_clipped"]  # 106.3 cut at 100, and said so


def test_below_the_minimum_n_there_is_no_interval_and_a_flag():
    nine = pd.DataFrame({"recommend": [10, 9, 9, 8, 7, 6, 3, 10, 9]})
    row = nps(nine).iloc[0]
    assert NPS_MIN_N == 10
    assert row["small_n"] and np.isnan(row["ci_low"]) and np.isnan(row["ci_high"])
    assert np.isnan(row["se"])
    assert row["score"] == pytest.approx(100 * (5 - 2) / 9)  # the score is still given
    two = nps(pd.DataFrame({"recommend": [10, 0]}), ci_method="wald").iloc[0]
    assert two["small_n"] and np.isnan(two["ci_low"])  # n = 2 no longer gets an interval
    shown = nps(nine, min_n=9).iloc[0]
    assert not shown["small_n"] and np.isfinite(shown["ci_low"])


def exact_coverage(n: int, method: str, grid: int = 40) -> np.ndarray:
    """Exact coverage of the 95% interval at n over a grid of true (promoter, detractor)
    shares: every trinomial outcome weighted by its multinomial probability (scipy)."""
    p, d = np.meshgrid(np.arange(n + 1), np.arange(n + 1), indexing="ij")
    keep = p + d <= n
    p, d = p[keep], d[keep]
    add, extra = (0.75, 3.0) if method == "adjusted_wald" else (0.0, 0.0)
    pp, pd_ = (p + add) / (n + extra), (d + add) / (n + extra)
    centre = pp - pd_
    se = np.sqrt(np.maximum(pp + pd_ - centre**2, 0) / (n + extra))
    low, high = centre - Z95 * se, centre + Z95 * se
    shares = np.linspace(0.01, 0.99, grid)
    coverage = []
    for a in shares:
        for b in shares[shares < 1 - a]:
            prob = stats.multinomial.pmf(np.stack([p, d, n - p - d], 1), n, [a, b, 1 - a - b])
            coverage.append(prob[(low <= a - b) & (a - b <= high)].sum())
    return np.array(coverage)


def test_minimum_n_is_where_the_adjusted_wald_keeps_its_coverage():
    # The docstring of NPS_MIN_N: at n = 10 the 95% adjusted Wald covers ≈ 95% on average and
    # ≥ 92.5% for 95% of true shares; at n = 5 and n = 2 its 5th percentile is lower, and the
    # plain Wald at n = 10 is far from 95%.
    at_ten = exact_coverage(10, "adjusted_wald")
    assert at_ten.mean() == pytest.approx(0.95, abs=0.005)
    assert np.quantile(at_ten, 0.05) > 0.92
    assert np.quantile(exact_coverage(5, "adjusted_wald"), 0.05) < 0.91
    assert np.quantile(exact_coverage(2, "adjusted_wald"), 0.05) < 0.85
    assert exact_coverage(10, "wald").mean() < 0.9


def test_bad_interval_arguments_are_typed_errors(people):
    with pytest.raises(MotError, match="ci_method"):
        nps(people, ci_method="wilson")
    with pytest.raises(MotError, match="min_n"):
        nps(people, min_n=1)
    with pytest.raises(MotError, match="correction"):
        nps_difference(people, by="channel", correction="sidak")


# nps_difference: method and Holm -------------------------------------------------------


def three_groups() -> pd.DataFrame:
    # a: 14 promoters, 2 passives, 4 detractors (n 20); b: 8, 4, 8 (n 20); c: 3, 5, 12 (n 20).
    answers = (
        [10] * 14 + [8] * 2 + [3] * 4 + [9] * 8 + [7] * 4 + [5] * 8 + [10] * 3 + [7] * 5 + [0] * 12
    )
    group = pd.Categorical(list("a" * 20 + "b" * 20 + "c" * 20), categories=list("abc"))
    return pd.DataFrame({"recommend": answers, "shop": group})


def test_difference_uses_the_adjusted_wald_of_each_group():
    out = nps_difference(three_groups(), by="shop")
    assert (out["ci_method"] == "adjusted_wald").all()
    row = out.iloc[0]  # a − b
    centre_a, se_a, *_ = adjusted_wald(14, 4, 20)
    centre_b, se_b, *_ = adjusted_wald(8, 8, 20)
    se = math.hypot(se_a, se_b)
    assert row["difference"] == pytest.approx(50.0 - 0.0)  # raw scores 50 and 0
    assert row["se"] == pytest.approx(se, abs=1e-10)
    assert row["z"] == pytest.approx((centre_a - centre_b) / se, abs=1e-10)
    assert row["p_value"] == pytest.approx(2 * stats.norm.sf(abs(row["z"])), abs=1e-12)
    assert row["ci_low"] == pytest.approx(centre_a - centre_b - Z95 * se, abs=1e-10)
    assert row["ci_high"] == pytest.approx(centre_a - centre_b + Z95 * se, abs=1e-10)


def test_difference_p_values_are_holm_adjusted_over_the_pairs():
    out = nps_difference(three_groups(), by="shop")
    assert list(out.columns) == list(NPS_DIFFERENCE_COLUMNS)
    p = out["p_value"].to_numpy()
    # Holm by hand: sort ascending, multiply by 3, 2, 1, running maximum, cap at 1.
    order = np.argsort(p)
    stepped = np.minimum(1.0, np.maximum.accumulate(p[order] * np.array([3, 2, 1])))
    expected = np.empty(3)
    expected[order] = stepped
    assert out["p_adjusted"].to_numpy() == pytest.approx(expected, abs=1e-15)
    assert (out["p_adjusted"] >= out["p_value"]).all()
    assert out["significant"].tolist() == (expected < 0.05).tolist()
    raw = nps_difference(three_groups(), by="shop", correction="none")
    assert raw["p_adjusted"].tolist() == pytest.approx(raw["p_value"].tolist())


def test_difference_with_a_small_group_has_no_test():
    frame = three_groups()
    frame = frame[~((frame["shop"] == "c") & (frame.index % 20 >= 5))]  # c keeps 5 answers
    out = nps_difference(frame, by="shop")
    assert out["small_n"].tolist() == [False, True, True]
    assert out.loc[1:, ["se", "ci_low", "z", "p_value", "p_adjusted"]].isna().all().all()
    assert not out.loc[1:, "significant"].any()
    # Holm over the one pair that could be tested: its p is unchanged.
    assert out.loc[0, "p_adjusted"] == pytest.approx(out.loc[0, "p_value"])
