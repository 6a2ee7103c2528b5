import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from mot.compare import (
    COMPARE_COLUMNS,
    PROPORTION_COLUMNS,
    TOP_BOX_COLUMNS,
    adjust_p_values,
    compare_groups,
    compare_top_box,
    two_proportion_test,
)
from mot.errors import InsufficientDataError, MissingMeasureError, MotError

# adjust_p_values ----------------------------------------------------------------------


def test_holm_on_known_vector():
    # Hand: sorted 0.01, 0.03, 0.04 × (3, 2, 1) = 0.03, 0.06, 0.04 → running max
    # 0.03, 0.06, 0.06; back in the given order [0.01, 0.04, 0.03] → [0.03, 0.06, 0.06].
    assert adjust_p_values([0.01, 0.04, 0.03]).tolist() == pytest.approx([0.03, 0.06, 0.06])


def test_holm_caps_at_one_and_skips_nan():
    out = adjust_p_values([0.5, np.nan, 0.2, 0.9], method="holm")
    # m = 3: 0.2 × 3 = 0.6, 0.5 × 2 = 1.0, 0.9 × 1 = 0.9 → max-accumulate 0.6, 1.0, 1.0.
    assert out[[0, 2, 3]].tolist() == pytest.approx([1.0, 0.6, 1.0])
    assert np.isnan(out[1])


def test_bonferroni_bh_and_none():
    p = [0.01, 0.04, 0.03]
    assert adjust_p_values(p, method="bonferroni").tolist() == pytest.approx([0.03, 0.12, 0.09])
    # Hand BH: sorted 0.01·3/1 = 0.03, 0.03·3/2 = 0.045, 0.04·3/3 = 0.04 → running min from
    # the top: 0.03, 0.04, 0.04.
    assert adjust_p_values(p, method="fdr_bh").tolist() == pytest.approx([0.03, 0.04, 0.04])
    assert adjust_p_values(p, method="none").tolist() == p


def test_bh_matches_scipy_false_discovery_control_on_random_p_values():
    # adjust_p_values no longer calls scipy (the gaps and shifts adjust with it on the
    # dashboard's first page): its Benjamini–Hochberg must still equal scipy's.
    from scipy import stats

    p = np.random.default_rng(7).uniform(0, 0.2, 40) ** 2
    reference = stats.false_discovery_control(p, method="bh")
    assert adjust_p_values(p, method="fdr_bh").tolist() == pytest.approx(reference.tolist())


def test_unknown_correction_is_typed_error():
    with pytest.raises(MotError, match="holm, bonferroni, fdr_bh, none"):
        adjust_p_values([0.1], method="sidak")


# compare_groups -----------------------------------------------------------------------


def make_ratings(seed: int = 0, n: int = 30) -> pd.DataFrame:
    """Two touchpoints × three variants, n ratings each, seeded."""
    rng = np.random.default_rng(seed)
    frames = []
    for touchpoint, shift in (("FMOT", 0.0), ("ZMOT", 8.0)):
        for variant, mean in (("A", 60.0), ("B", 66.0), ("C", 61.0)):
            frames.append(
                pd.DataFrame(
                    {
                        "respondent_id": [f"{variant}{i}" for i in range(n)],
                        "touchpoint": touchpoint,
                        "measure": "experienced",
                        "value": np.clip(rng.normal(mean + shift, 12, size=n), 0, 100),
                        "variant": variant,
                    }
                )
            )
    frame = pd.concat(frames, ignore_index=True)
    return frame.assign(
        touchpoint=pd.Categorical(frame["touchpoint"], categories=["ZMOT", "FMOT"], ordered=True),
        variant=pd.Categorical(frame["variant"], categories=["A", "B", "C"]),
    )


def values(frame: pd.DataFrame, touchpoint: str, variant: str) -> np.ndarray:
    mask = (frame["touchpoint"] == touchpoint) & (frame["variant"] == variant)
    return frame.loc[mask, "value"].to_numpy()


def test_columns_and_deterministic_order():
    out = compare_groups(make_ratings(), by="variant")
    assert list(out.columns) == list(COMPARE_COLUMNS)
    keys = list(zip(out["touchpoint"], out["group_a"], out["group_b"], strict=True))
    assert keys == [
        ("ZMOT", "A", "B"),
        ("ZMOT", "A", "C"),
        ("ZMOT", "B", "C"),
        ("FMOT", "A", "B"),
        ("FMOT", "A", "C"),
        ("FMOT", "B", "C"),
    ]


def test_welch_matches_scipy_and_hedges_g_by_formula():
    frame = make_ratings()
    out = compare_groups(frame, by="variant", test="welch", confidence=0.9)
    row = out.iloc[3]  # FMOT, A vs B
    a, b = values(frame, "FMOT", "A"), values(frame, "FMOT", "B")
    result = stats.ttest_ind(a, b, equal_var=False)
    interval = result.confidence_interval(0.9)
    assert row["test"] == "welch" and row["effect_size_kind"] == "hedges_g"
    assert row["statistic"] == pytest.approx(result.statistic, rel=1e-12)
    assert row["p_value"] == pytest.approx(result.pvalue, rel=1e-12)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((interval.low, interval.high))
    assert row["difference"] == pytest.approx(a.mean() - b.mean())
    # Hedges' g written out independently: pooled sd with ddof 1, J = 1 − 3/(4·58 − 1).
    pooled = math.sqrt((29 * a.var(ddof=1) + 29 * b.var(ddof=1)) / 58)
    g = (a.mean() - b.mean()) / pooled * (1 - 3 / (4 * 58 - 1))
    assert row["effect_size"] == pytest.approx(g, rel=1e-12)


def test_mannwhitney_matches_scipy_and_rank_biserial_sign():
    frame = make_ratings()
    out = compare_groups(frame, by="variant", test="mannwhitney", correction="none")
    row = out.iloc[3]
    a, b = values(frame, "FMOT", "A"), values(frame, "FMOT", "B")
    result = stats.mannwhitneyu(a, b, alternative="two-sided")
    assert row["statistic"] == pytest.approx(result.statistic)
    assert row["p_value"] == pytest.approx(result.pvalue, rel=1e-12)
    # Independent: r = P(a > b) − P(a < b) over all 900 pairs.
    pairs = np.sign(a[:, None] - b[None, :])
    assert row["effect_size"] == pytest.approx(pairs.mean(), abs=1e-12)
    assert np.sign(row["effect_size"]) == np.sign(row["difference"])
    assert np.isnan(row["ci_low"]) and row["effect_size_kind"] == "rank_biserial"
    assert row["p_adjusted"] == row["p_value"]


def test_auto_uses_welch_from_twenty_per_group_and_mannwhitney_below():
    assert set(compare_groups(make_ratings(n=20), by="variant")["test"]) == {"welch"}
    assert set(compare_groups(make_ratings(n=19), by="variant")["test"]) == {"mannwhitney"}


def test_correction_applies_across_all_rows():
    out = compare_groups(make_ratings(), by="variant", correction="holm")
    expected = adjust_p_values(out["p_value"].to_numpy(), method="holm")
    assert out["p_adjusted"].to_numpy() == pytest.approx(expected)
    assert (out["significant"] == (out["p_adjusted"] < 0.05)).all()
    assert out["significant"].dtype == bool


def test_missing_group_left_out_and_counted():
    frame = make_ratings()
    frame["variant"] = frame["variant"].where(frame["respondent_id"] != "A0")
    out = compare_groups(frame, by="variant")
    assert out.attrs["n_missing_segment"] == 1
    assert out.iloc[0]["n_a"] == 29 and out.iloc[0]["n_b"] == 30


def test_group_without_ratings_at_a_touchpoint_gives_nan_row():
    frame = make_ratings()
    frame = frame[~((frame["touchpoint"] == "ZMOT") & (frame["variant"] == "C"))]
    out = compare_groups(frame, by="variant", test="welch")
    row = out.iloc[1]  # ZMOT, A vs C
    assert row["n_b"] == 0 and np.isnan(row["p_value"]) and not row["significant"]
    # NaN rows (ZMOT A–C and B–C) do not count in the Holm m: 4 tests remain.
    kept = out["p_value"].notna()
    assert kept.sum() == 4
    assert out.loc[kept, "p_adjusted"].to_numpy() == pytest.approx(
        adjust_p_values(out.loc[kept, "p_value"].to_numpy())
    )


def test_single_or_empty_group_gives_empty_table_with_columns():
    frame = make_ratings()
    frame = frame[frame["variant"] == "A"]  # B and C are empty categories
    out = compare_groups(frame, by="variant")
    assert out.empty and list(out.columns) == list(COMPARE_COLUMNS)


def test_compare_errors_are_typed():
    frame = make_ratings()
    with pytest.raises(MotError, match="no group column `device`"):
        compare_groups(frame, by="device")
    with pytest.raises(MotError, match="Unknown test"):
        compare_groups(frame, by="variant", test="ttest")
    with pytest.raises(MotError, match="correction"):
        compare_groups(frame, by="variant", correction="sidak")
    with pytest.raises(MissingMeasureError, match="retrospective"):
        compare_groups(frame, by="variant", measure="retrospective")


def test_compare_does_not_mutate_and_ignores_row_order():
    frame = make_ratings()
    before = frame.copy()
    first = compare_groups(frame, by="variant")
    compare_top_box(frame.assign(top_box=frame["value"] > 70), by="variant")
    pd.testing.assert_frame_equal(frame, before)
    second = compare_groups(frame.sample(frac=1.0, random_state=2), by="variant")
    # Same sets of values; the t statistic does not depend on their order.
    pd.testing.assert_frame_equal(first, second, check_exact=False, rtol=1e-9)


# two_proportion_test ------------------------------------------------------------------


def test_two_proportion_hand_example():
    out = two_proportion_test(45, 100, 30, 100)
    assert list(out.columns) == list(PROPORTION_COLUMNS)
    row = out.iloc[0]
    # Hand: pooled p = 75/200 = 0.375; se0 = √(0.375 · 0.625 · (1/100 + 1/100)) = 0.0684653;
    # z = 0.15 / 0.0684653 = 2.19089; p = 2 · Φ(−2.19089) = 0.02846.
    assert row["difference"] == pytest.approx(0.15)
    assert row["z"] == pytest.approx(0.15 / math.sqrt(0.375 * 0.625 * 0.02))
    assert row["z"] == pytest.approx(2.19089, abs=1e-5)
    assert row["p_value"] == pytest.approx(0.02846, abs=1e-5)
    # Unpooled se = √(0.45·0.55/100 + 0.30·0.70/100) = √0.004575 = 0.0676387.
    assert row["se"] == pytest.approx(math.sqrt(0.004575))
    assert row["ci_low"] == pytest.approx(0.15 - stats.norm.ppf(0.975) * math.sqrt(0.004575))
    # Cohen's h = 2·asin(√0.45) − 2·asin(√0.30) = 1.470629 − 1.159279 = 0.311350.
    assert row["cohens_h"] == pytest.approx(0.311350, abs=1e-6)


def test_two_proportion_z_squared_is_pearson_chi_square():
    # Independent check: the pooled z² equals the uncorrected chi-square of the 2×2 table.
    chi2 = stats.chi2_contingency([[45, 55], [30, 70]], correction=False)
    row = two_proportion_test(45, 100, 30, 100).iloc[0]
    assert row["z"] ** 2 == pytest.approx(chi2.statistic, rel=1e-12)
    assert row["p_value"] == pytest.approx(chi2.pvalue, rel=1e-10)


def test_two_proportion_degenerate_and_invalid():
    row = two_proportion_test(10, 10, 5, 5).iloc[0]
    assert row["z"] == 0.0 and row["p_value"] == 1.0
    with pytest.raises(InsufficientDataError, match="n_b = 0"):
        two_proportion_test(1, 4, 0, 0)
    with pytest.raises(MotError, match="more successes"):
        two_proportion_test(5, 4, 1, 4)
    with pytest.raises(MotError, match="whole number"):
        two_proportion_test(1.5, 4, 1, 4)


# compare_top_box ----------------------------------------------------------------------


def test_compare_top_box_applies_the_test_per_pair():
    frame = make_ratings()
    frame = frame.assign(top_box=frame["value"] >= 70)
    out = compare_top_box(frame, by="variant", correction="bonferroni")
    assert list(out.columns) == list(TOP_BOX_COLUMNS)
    assert len(out) == 6
    row = out.iloc[4]  # FMOT, A vs C
    assert (row["touchpoint"], row["group_a"], row["group_b"]) == ("FMOT", "A", "C")
    x_a = int((values(frame, "FMOT", "A") >= 70).sum())
    x_c = int((values(frame, "FMOT", "C") >= 70).sum())
    single = two_proportion_test(x_a, 30, x_c, 30).iloc[0]
    assert (row["successes_a"], row["successes_b"], row["n_a"], row["n_b"]) == (x_a, x_c, 30, 30)
    for column in PROPORTION_COLUMNS:
        assert row[column] == pytest.approx(single[column], nan_ok=True)
    assert row["p_adjusted"] == pytest.approx(min(1.0, 6 * single["p_value"]))


def test_compare_top_box_empty_group_and_single_group():
    frame = make_ratings().assign(top_box=True)
    frame = frame[~((frame["touchpoint"] == "FMOT") & (frame["variant"] == "B"))]
    out = compare_top_box(frame, by="variant")
    fmot_ab = out.iloc[3]
    assert fmot_ab["n_b"] == 0 and np.isnan(fmot_ab["p_value"])
    # ZMOT: everyone top-box in every group → z = 0, p = 1.
    assert out.iloc[0]["p_value"] == 1.0
    alone = compare_top_box(frame[frame["variant"] == "A"], by="variant")
    assert alone.empty and list(alone.columns) == list(TOP_BOX_COLUMNS)
