import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from mot.errors import MotError
from mot.ttests import TTEST_COLUMNS, partially_overlapping_ttest

NAN = math.nan

# The worked example of Derrick, Toher & White (2017), The Quantitative Methods for Psychology
# 13(2), 120–126, as R's Partiallyoverlapping::Partover.test documents it: groups "a" and "b",
# eight unpaired observations each and eight pairs. Published: pooled form p = 0.026.
A_UNPAIRED = [20, 21, 16, 18, 14, 12, 14, 17]
A_PAIRED = [14, 15, 18, 20, 11, 19, 14, 15]
B_UNPAIRED = [10, 16, 18, 16, 15, 14, 13, 10]
B_PAIRED = [15, 10, 15, 17, 13, 19, 12, 13]
A = A_UNPAIRED + [NAN] * 8 + A_PAIRED  # stacked: one position per respondent
B = [NAN] * 8 + B_UNPAIRED + B_PAIRED


def formulas(x1, x2, x3, x4, *, equal_var):
    """T_new1 / T_new2 written from the paper's formulas (independently of mot._stats).

    x1, x2 unpaired observations of samples 1 and 2; x3, x4 the pairs.
    """
    s1, s2 = np.array(x1 + x3, float), np.array(x2 + x4, float)
    n1, n2, nc, na, nb = len(s1), len(s2), len(x3), len(x1), len(x2)
    r = np.corrcoef(x3, x4)[0, 1]
    v1, v2 = s1.var(ddof=1), s2.var(ddof=1)
    if equal_var:
        sp = math.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 - 1 + n2 - 1))
        se = sp * math.sqrt(1 / n1 + 1 / n2 - 2 * r * nc / (n1 * n2))
        df = (nc - 1) + (na + nb + nc - 1) / (na + nb + 2 * nc) * (na + nb)
    else:
        se = math.sqrt(v1 / n1 + v2 / n2 - 2 * r * math.sqrt(v1 * v2) * nc / (n1 * n2))
        gamma = (v1 / n1 + v2 / n2) ** 2 / ((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1))
        df = (nc - 1) + (gamma - nc + 1) / (na + nb + 2 * nc) * (na + nb)
    t = (s1.mean() - s2.mean()) / se
    return t, df, 2 * stats.t.sf(abs(t), df), se


def test_published_example_pooled_form_gives_p_0_026():
    row = partially_overlapping_ttest(A, B, equal_var=True).iloc[0]
    assert list(row.index) == list(TTEST_COLUMNS)
    assert round(row["p_value"], 3) == 0.026  # the published value
    assert row["method"] == "partially_overlapping_pooled"
    assert (row["n_a"], row["n_b"], row["n_paired"]) == (16, 16, 8)
    # Means 258/16 and 226/16: the difference of the two means over all observations.
    assert (row["mean_a"], row["mean_b"], row["difference"]) == (16.125, 14.125, 2.0)
    t, df, p, se = formulas(A_UNPAIRED, B_UNPAIRED, A_PAIRED, B_PAIRED, equal_var=True)
    assert row["se"] == pytest.approx(se, rel=1e-12)
    assert df == 18.5  # 7 + (23 / 32) · 16
    assert row["t"] == pytest.approx(t, rel=1e-12)
    assert row["df"] == pytest.approx(df, rel=1e-12)
    assert row["p_value"] == pytest.approx(p, rel=1e-10)
    assert row["r"] == pytest.approx(np.corrcoef(A_PAIRED, B_PAIRED)[0, 1], rel=1e-12)


def test_unequal_variance_form_matches_the_formulas():
    row = partially_overlapping_ttest(A, B, confidence=0.9).iloc[0]
    t, df, p, se = formulas(A_UNPAIRED, B_UNPAIRED, A_PAIRED, B_PAIRED, equal_var=False)
    assert row["method"] == "partially_overlapping"
    assert row["t"] == pytest.approx(t, rel=1e-12)
    assert row["df"] == pytest.approx(df, rel=1e-12)
    assert row["p_value"] == pytest.approx(p, rel=1e-10)
    half = stats.t.ppf(0.95, df) * se
    assert row["ci_low"] == pytest.approx(2.0 - half, rel=1e-10)
    assert row["ci_high"] == pytest.approx(2.0 + half, rel=1e-10)


def test_every_pair_complete_is_scipy_ttest_rel():
    a = [50.0, 60, 70, 65, 40, 80]
    b = [45.0, 62, 60, 60, 42, 70]
    row = partially_overlapping_ttest(a, b, confidence=0.9).iloc[0]
    reference = stats.ttest_rel(a, b)
    interval = reference.confidence_interval(0.9)
    assert row["method"] == "paired"
    assert row["t"] == pytest.approx(reference.statistic, rel=1e-10)
    assert row["df"] == reference.df
    assert row["p_value"] == pytest.approx(reference.pvalue, rel=1e-10)
    assert row["ci_low"] == pytest.approx(interval.low, rel=1e-10)
    assert row["ci_high"] == pytest.approx(interval.high, rel=1e-10)


def test_no_pair_is_scipy_welch_and_the_pooled_form_is_student():
    a = [50.0, 60, 70, 65, NAN, NAN, NAN]
    b = [NAN, NAN, NAN, NAN, 42, 70, 55]
    x, y = [50.0, 60, 70, 65], [42.0, 70, 55]
    welch = partially_overlapping_ttest(a, b).iloc[0]
    reference = stats.ttest_ind(x, y, equal_var=False)
    assert welch["method"] == "welch" and welch["n_paired"] == 0 and np.isnan(welch["r"])
    assert welch["t"] == pytest.approx(reference.statistic, rel=1e-10)
    assert welch["df"] == pytest.approx(reference.df, rel=1e-10)
    assert welch["p_value"] == pytest.approx(reference.pvalue, rel=1e-10)
    interval = reference.confidence_interval(0.95)
    assert welch["ci_low"] == pytest.approx(interval.low, rel=1e-10)
    pooled = partially_overlapping_ttest(a, b, equal_var=True).iloc[0]
    student = stats.ttest_ind(x, y, equal_var=True)
    assert pooled["method"] == "student"
    assert pooled["t"] == pytest.approx(student.statistic, rel=1e-10)
    assert pooled["df"] == pytest.approx(5.0)
    assert pooled["p_value"] == pytest.approx(student.pvalue, rel=1e-10)


def test_one_pair_counts_every_rating_with_r_taken_as_zero():
    # One respondent answered both; R's Partover.test refuses fewer than two pairs, here the
    # pair's correlation is taken as 0 and every answer still counts.
    rng = np.random.default_rng(3)
    x, y = rng.normal(60, 10, 31), rng.normal(55, 12, 31)
    a = np.concatenate([x[:30], [NAN] * 30, x[30:]])
    b = np.concatenate([[NAN] * 30, y[:30], y[30:]])
    row = partially_overlapping_ttest(a, b).iloc[0]
    assert row["method"] == "partially_overlapping"
    assert (row["n_a"], row["n_b"], row["n_paired"], row["r"]) == (31, 31, 1, 0.0)
    assert row["difference"] == pytest.approx(x.mean() - y.mean(), rel=1e-12)
    v1, v2 = x.var(ddof=1), y.var(ddof=1)
    assert row["se"] == pytest.approx(math.sqrt(v1 / 31 + v2 / 31), rel=1e-12)
    gamma = (v1 / 31 + v2 / 31) ** 2 / ((v1 / 31) ** 2 / 30 + (v2 / 31) ** 2 / 30)
    assert row["df"] == pytest.approx(0 + gamma * 60 / 62, rel=1e-12)
    assert row["ci_low"] < row["difference"] < row["ci_high"]


def test_constant_side_of_the_pairs_takes_r_as_zero_as_r_does():
    a = [10.0, 12, 15, 15, 15, NAN]
    b = [NAN, NAN, 11, 14, 17, 9]
    row = partially_overlapping_ttest(a, b).iloc[0]
    assert row["r"] == 0.0
    s1, s2 = np.array([10.0, 12, 15, 15, 15]), np.array([11.0, 14, 17, 9])
    assert row["se"] == pytest.approx(math.sqrt(s1.var(ddof=1) / 5 + s2.var(ddof=1) / 4))


def test_too_few_observations_give_nan_not_an_error():
    row = partially_overlapping_ttest([1.0, NAN], [NAN, 2.0]).iloc[0]
    assert row["difference"] == -1.0 and np.isnan(row["p_value"]) and np.isnan(row["ci_low"])


def test_bad_input_is_a_typed_error():
    with pytest.raises(MotError, match="same length"):
        partially_overlapping_ttest([1.0, 2.0], [1.0])
    with pytest.raises(MotError, match="numbers"):
        partially_overlapping_ttest(["a", "b"], [1.0, 2.0])
    with pytest.raises(MotError, match="confidence"):
        partially_overlapping_ttest([1.0, 2.0], [1.0, 2.0], confidence=2)


def test_accepts_series_and_returns_one_row():
    out = partially_overlapping_ttest(pd.Series(A), pd.Series(B))
    assert len(out) == 1 and list(out.columns) == list(TTEST_COLUMNS)
