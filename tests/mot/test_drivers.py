import numpy as np
import pandas as pd
import pytest
from scipy import stats

from mot.drivers import DRIVER_COLUMNS, driver_importance
from mot.errors import InsufficientDataError, MissingMeasureError, MotError

TOUCHPOINTS = ["ZMOT", "FMOT", "SMOT", "TMOT"]


def tidy(matrix: np.ndarray, touchpoints: list[str], ids: list[str]) -> pd.DataFrame:
    """Respondent × touchpoint matrix → tidy ratings (NaN cells are not rows)."""
    frame = pd.DataFrame(matrix, index=ids, columns=touchpoints)
    long = frame.stack(future_stack=True).dropna().reset_index()
    long.columns = ["respondent_id", "touchpoint", "value"]
    order = pd.Categorical(long["touchpoint"], categories=touchpoints, ordered=True)
    return long.assign(touchpoint=order, measure="experienced")


@pytest.fixture
def survey() -> tuple[pd.DataFrame, pd.DataFrame, np.ndarray, np.ndarray]:
    # Correlated touchpoint ratings and an outcome that depends on them, seeded.
    rng = np.random.default_rng(42)
    n = 300
    common = rng.normal(size=(n, 1))
    x = 60 + 12 * (0.7 * common + rng.normal(size=(n, 4)))
    y = 0.05 * x[:, 0] + 0.02 * x[:, 1] + 0.08 * x[:, 3] + rng.normal(scale=1.5, size=n)
    ids = [f"r{i:03d}" for i in range(n)]
    ratings = tidy(x, TOUCHPOINTS, ids)
    people = pd.DataFrame({"respondent_id": ids, "recommend": y})
    return ratings, people, x, y


def ols_r2(x: np.ndarray, y: np.ndarray) -> float:
    """R² of the least-squares fit with an intercept (independent of the library)."""
    design = np.column_stack([np.ones(len(y)), x])
    coefficients, *_ = np.linalg.lstsq(design, y, rcond=None)
    residual = y - design @ coefficients
    return 1 - residual @ residual / ((y - y.mean()) @ (y - y.mean()))


def test_columns_order_and_types(survey):
    ratings, people, _, _ = survey
    out = driver_importance(ratings, people, n_boot=50)
    assert list(out.columns) == list(DRIVER_COLUMNS)
    assert out["touchpoint"].tolist() == TOUCHPOINTS
    assert out["touchpoint"].cat.ordered
    assert (out["n"] == 300).all() and (out["n_excluded"] == 0).all()


def test_raw_weights_sum_to_ols_r2(survey):
    ratings, people, x, y = survey
    out = driver_importance(ratings, people, n_boot=0)
    assert out["raw_weight"].sum() == pytest.approx(ols_r2(x, y), abs=1e-10)
    assert out["r2"].iloc[0] == pytest.approx(ols_r2(x, y), abs=1e-10)
    assert out["share"].sum() == pytest.approx(1.0, abs=1e-12)
    assert (out["raw_weight"] >= 0).all()


def test_pearson_r_matches_scipy(survey):
    ratings, people, x, y = survey
    out = driver_importance(ratings, people, n_boot=0)
    for j in range(4):
        expected = stats.pearsonr(x[:, j], y)
        assert out.loc[j, "r"] == pytest.approx(expected.statistic, abs=1e-12)
        assert out.loc[j, "r_p_value"] == pytest.approx(expected.pvalue, rel=1e-9)


def test_orthogonal_predictors_give_squared_correlations():
    # Three mutually orthogonal, centred ±1 contrasts on 8 respondents (a 2³ design), plus an
    # outcome with noise along a fourth orthogonal contrast: Rxx = I, so raw weight = r².
    a = np.array([1, 1, 1, 1, -1, -1, -1, -1.0])
    b = np.array([1, 1, -1, -1, 1, 1, -1, -1.0])
    c = np.array([1, -1, 1, -1, 1, -1, 1, -1.0])
    noise = a * b * c
    x = 50 + 20 * np.column_stack([a, b, c])
    y = 5 + 1.5 * a - 0.5 * b + 1.0 * c + 0.8 * noise
    ids = [f"r{i}" for i in range(8)]
    out = driver_importance(
        tidy(x, ["A", "B", "C"], ids),
        pd.DataFrame({"respondent_id": ids, "recommend": y}),
        n_boot=0,
    )
    # Independent: squared Pearson correlations from numpy.
    squared = [np.corrcoef(x[:, j], y)[0, 1] ** 2 for j in range(3)]
    assert out["raw_weight"].to_numpy() == pytest.approx(squared, abs=1e-12)
    # And by hand: r_a² = 1.5² / (1.5² + 0.5² + 1² + 0.8²) = 2.25 / 4.14.
    assert out.loc[0, "raw_weight"] == pytest.approx(2.25 / 4.14, abs=1e-12)


def test_collinear_copy_splits_the_credit():
    # A touchpoint and an exact copy of it share the weight equally; the sum is still R².
    rng = np.random.default_rng(3)
    base = rng.normal(50, 10, size=40)
    other = rng.normal(50, 10, size=40)
    x = np.column_stack([base, base, other])
    y = 0.1 * base + 0.05 * other + rng.normal(size=40)
    ids = [f"r{i}" for i in range(40)]
    out = driver_importance(
        tidy(x, ["A", "B", "C"], ids),
        pd.DataFrame({"respondent_id": ids, "recommend": y}),
        n_boot=0,
    )
    assert out.loc[0, "raw_weight"] == pytest.approx(out.loc[1, "raw_weight"], abs=1e-10)
    assert out["raw_weight"].sum() == pytest.approx(ols_r2(x, y), abs=1e-10)


def test_bootstrap_is_seeded_and_brackets_the_estimate(survey):
    ratings, people, _, _ = survey
    first = driver_importance(ratings, people, n_boot=200, seed=7)
    again = driver_importance(ratings, people, n_boot=200, seed=7)
    other = driver_importance(ratings, people, n_boot=200, seed=8)
    pd.testing.assert_frame_equal(first, again)
    assert not np.allclose(first["raw_weight_ci_low"], other["raw_weight_ci_low"])
    assert (first["raw_weight_ci_low"] <= first["raw_weight"]).all()
    assert (first["raw_weight"] <= first["raw_weight_ci_high"]).all()


def johnson_svd(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Johnson's raw weights the way the 2000 paper derives them: SVD of the standardised
    predictors, X = P Δ Qᵀ, orthogonal counterpart Z = P Qᵀ, Λ = Q Δ Qᵀ (loadings of X on
    Z), β from regressing y on Z; raw weight_j = Σ_k Λ_jk² β_k². Independent of the library's
    eigen-decomposition route."""
    n = len(y)
    xs = (x - x.mean(axis=0)) / x.std(axis=0, ddof=1)
    ys = (y - y.mean()) / y.std(ddof=1)
    p_, delta, qt = np.linalg.svd(xs, full_matrices=False)
    z = p_ @ qt * np.sqrt(n - 1)
    loadings = qt.T @ np.diag(delta) @ qt / np.sqrt(n - 1)
    beta, *_ = np.linalg.lstsq(z, ys, rcond=None)
    return (loadings**2) @ (beta**2)


def test_raw_weights_match_the_svd_route(survey):
    ratings, people, x, y = survey
    out = driver_importance(ratings, people, n_boot=0)
    assert out["raw_weight"].to_numpy() == pytest.approx(johnson_svd(x, y), abs=1e-10)


def test_bootstrap_percentiles_match_a_plain_loop(survey):
    # Independent computation: the same resamples (one generator call for all replicates,
    # respondents sorted by id), each replicate's weights by the SVD route in a Python loop,
    # then numpy's percentiles at 5 and 95 for a 90% interval.
    ratings, people, x, y = survey
    out = driver_importance(ratings, people, n_boot=40, seed=1, confidence=0.9)
    index = np.random.default_rng(1).integers(0, 300, size=(40, 300))
    weights = np.array([johnson_svd(x[i], y[i]) for i in index])
    low, high = np.percentile(weights, [5, 95], axis=0)
    assert out["raw_weight_ci_low"].to_numpy() == pytest.approx(low, abs=1e-10)
    assert out["raw_weight_ci_high"].to_numpy() == pytest.approx(high, abs=1e-10)


def test_incomplete_respondents_are_excluded_and_counted(survey):
    ratings, people, x, y = survey
    dropped = ratings[~((ratings["respondent_id"] == "r000") & (ratings["touchpoint"] == "FMOT"))]
    people = people.assign(recommend=people["recommend"].where(people.index != 5))
    extra = pd.DataFrame({"respondent_id": ["only_outcome"], "recommend": [7.0]})
    out = driver_importance(dropped, pd.concat([people, extra]), n_boot=0)
    assert out["n_excluded"].iloc[0] == 3
    assert out["n"].iloc[0] == 298  # 300 rated, r000 and r005 incomplete
    keep = np.ones(300, dtype=bool)
    keep[[0, 5]] = False
    assert out["raw_weight"].sum() == pytest.approx(ols_r2(x[keep], y[keep]), abs=1e-10)


def test_too_few_complete_cases_is_typed_error(survey):
    ratings, people, _, _ = survey
    few = ratings[ratings["respondent_id"].isin(["r000", "r001", "r002", "r003", "r004"])]
    with pytest.raises(InsufficientDataError, match="at least 6"):
        driver_importance(few, people, n_boot=0)


def test_constant_touchpoint_is_typed_error(survey):
    ratings, people, _, _ = survey
    flat = ratings.assign(value=ratings["value"].where(ratings["touchpoint"] != "SMOT", 50.0))
    with pytest.raises(InsufficientDataError, match="SMOT"):
        driver_importance(flat, people, n_boot=0)


def test_missing_measure_or_outcome_is_typed_error(survey):
    ratings, people, _, _ = survey
    with pytest.raises(MissingMeasureError, match="repurchase"):
        driver_importance(ratings, people, outcome="repurchase")
    with pytest.raises(MissingMeasureError, match="retrospective"):
        driver_importance(ratings, people, measure="retrospective")


def test_bad_arguments_are_typed_errors(survey):
    ratings, people, _, _ = survey
    with pytest.raises(MotError, match="n_boot"):
        driver_importance(ratings, people, n_boot=-1)
    with pytest.raises(MotError, match="confidence"):
        driver_importance(ratings, people, confidence=1.5)
    with pytest.raises(MotError, match="unique"):
        driver_importance(ratings, pd.concat([people, people.iloc[:1]]))
    with pytest.raises(MotError, match="respondent_id"):
        driver_importance(ratings, people.drop(columns="respondent_id"))


def test_inputs_are_not_mutated(survey):
    ratings, people, _, _ = survey
    before_r, before_p = ratings.copy(), people.copy()
    driver_importance(ratings, people, n_boot=10)
    pd.testing.assert_frame_equal(ratings, before_r)
    pd.testing.assert_frame_equal(people, before_p)


def test_row_order_of_input_does_not_change_result(survey):
    ratings, people, _, _ = survey
    shuffled = ratings.sample(frac=1.0, random_state=0)
    first = driver_importance(ratings, people, n_boot=20, seed=3)
    second = driver_importance(shuffled, people.iloc[::-1], n_boot=20, seed=3)
    pd.testing.assert_frame_equal(first, second, check_exact=False, rtol=1e-12)
