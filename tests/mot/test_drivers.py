import numpy as np
import pandas as pd
import pytest
from scipy import stats

from mot.drivers import (
    DOMINANCE_MAX_PREDICTORS,
    DRIVER_COLUMNS,
    DRIVER_METHODS,
    RELATIVE_IMPORTANCE_COLUMNS,
    driver_importance,
    relative_importance,
)
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


# dominance analysis and the plain-table entry point -------------------------------------

# R's `attitude` data (Chatterjee & Price, Regression Analysis by Example, 1977; R datasets),
# 30 departments: rating and the six predictors of `rating ~ .`.
ATTITUDE = pd.DataFrame(
    {
        "rating": [43, 63, 71, 61, 81, 43, 58, 71, 72, 67, 64, 67, 69, 68, 77,
                   81, 74, 65, 65, 50, 50, 64, 53, 40, 63, 66, 78, 48, 85, 82],
        "complaints": [51, 64, 70, 63, 78, 55, 67, 75, 82, 61, 53, 60, 62, 83, 77,
                       90, 85, 60, 70, 58, 40, 61, 66, 37, 54, 77, 75, 57, 85, 82],
        "privileges": [30, 51, 68, 45, 56, 49, 42, 50, 72, 45, 53, 47, 57, 83, 54,
                       50, 64, 65, 46, 68, 33, 52, 52, 42, 42, 66, 58, 44, 71, 39],
        "learning": [39, 54, 69, 47, 66, 44, 56, 55, 67, 47, 58, 39, 42, 45, 72,
                     72, 69, 75, 57, 54, 34, 62, 50, 58, 48, 63, 74, 45, 71, 59],
        "raises": [61, 63, 76, 54, 71, 54, 66, 70, 71, 62, 58, 59, 55, 59, 79,
                   60, 79, 55, 75, 64, 43, 66, 63, 50, 66, 88, 80, 51, 77, 64],
        "critical": [92, 73, 86, 84, 83, 49, 68, 66, 83, 80, 67, 74, 63, 77, 77,
                     54, 79, 80, 85, 78, 64, 80, 80, 57, 75, 76, 78, 83, 74, 78],
        "advance": [45, 47, 48, 35, 47, 34, 35, 41, 31, 41, 34, 41, 25, 35, 46,
                    36, 63, 60, 46, 52, 33, 41, 37, 49, 33, 72, 49, 38, 55, 39],
    }
)  # fmt: skip
ATTITUDE_PREDICTORS = ["complaints", "privileges", "learning", "raises", "critical", "advance"]

# R's `mtcars` (Henderson & Velleman 1981): mpg, cyl, disp, hp, gear of the 32 cars.
MTCARS = pd.DataFrame(
    {
        "mpg": [21.0, 21.0, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3,
                15.2, 10.4, 10.4, 14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3,
                26.0, 30.4, 15.8, 19.7, 15.0, 21.4],
        "cyl": [6, 6, 4, 6, 8, 6, 8, 4, 4, 6, 6, 8, 8, 8, 8, 8, 8, 4, 4, 4, 4, 8, 8, 8, 8, 4,
                4, 4, 8, 6, 8, 4],
        "disp": [160.0, 160.0, 108.0, 258.0, 360.0, 225.0, 360.0, 146.7, 140.8, 167.6, 167.6,
                 275.8, 275.8, 275.8, 472.0, 460.0, 440.0, 78.7, 75.7, 71.1, 120.1, 318.0,
                 304.0, 350.0, 400.0, 79.0, 120.3, 95.1, 351.0, 145.0, 301.0, 121.0],
        "hp": [110, 110, 93, 110, 175, 105, 245, 62, 95, 123, 123, 180, 180, 180, 205, 215,
               230, 66, 52, 65, 97, 150, 150, 245, 175, 66, 91, 113, 264, 175, 335, 109],
        "gear": [4, 4, 4, 3, 3, 3, 3, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 4, 4, 4, 3, 3, 3, 3, 3, 4,
                 5, 5, 5, 5, 5, 4],
    }
)  # fmt: skip


def brute_force_dominance(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """General dominance by its definition, independent of the library: every subset model
    fitted by least squares (numpy lstsq with an intercept), the gains averaged per size with
    itertools, then over sizes."""
    from itertools import combinations

    p = x.shape[1]

    def r2(columns: tuple[int, ...]) -> float:
        return ols_r2(x[:, list(columns)], y) if columns else 0.0

    out = np.zeros(p)
    for j in range(p):
        others = [k for k in range(p) if k != j]
        per_size = [
            np.mean([r2((*s, j)) - r2(s) for s in combinations(others, k)]) for k in range(p)
        ]
        out[j] = np.mean(per_size)
    return out


def test_dominance_on_rs_attitude_data_matches_the_published_values():
    # dominanceAnalysis (R) documents for lm(rating ~ ., attitude): R² 0.733 and general
    # dominance complaints .371, learning .156, raises .120, privileges .051, advance .028,
    # critical .007.
    out = relative_importance(
        ATTITUDE, predictors=ATTITUDE_PREDICTORS, outcome="rating", method="dominance", n_boot=0
    )
    assert list(out.columns) == list(RELATIVE_IMPORTANCE_COLUMNS)
    assert out["predictor"].tolist() == ATTITUDE_PREDICTORS
    assert (out["method"] == "dominance").all()
    assert out["r2"].iloc[0] == pytest.approx(0.733, abs=5e-4)
    published = {
        "complaints": 0.371,
        "privileges": 0.051,
        "learning": 0.156,
        "raises": 0.120,
        "critical": 0.007,
        "advance": 0.028,
    }
    weights = dict(zip(out["predictor"], out["raw_weight"], strict=True))
    for name, value in published.items():
        assert weights[name] == pytest.approx(value, abs=5e-4), name
    # And to full precision against the definition computed here.
    x = ATTITUDE[ATTITUDE_PREDICTORS].to_numpy(dtype=float)
    y = ATTITUDE["rating"].to_numpy(dtype=float)
    assert out["raw_weight"].to_numpy() == pytest.approx(brute_force_dominance(x, y), abs=1e-12)
    assert out["raw_weight"].sum() == pytest.approx(ols_r2(x, y), abs=1e-12)


def test_relative_weights_on_mtcars_match_the_published_values():
    # The rwa package's vignette (R), rwa(mtcars, "mpg", c("cyl", "disp", "hp", "gear")):
    # raw weights hp 0.2321744, cyl 0.2284797, disp 0.2221469, gear 0.0963886; R² 0.7791896.
    out = relative_importance(MTCARS, predictors=["cyl", "disp", "hp", "gear"], outcome="mpg")
    weights = dict(zip(out["predictor"], out["raw_weight"], strict=True))
    assert weights["hp"] == pytest.approx(0.2321744, abs=1e-7)
    assert weights["cyl"] == pytest.approx(0.2284797, abs=1e-7)
    assert weights["disp"] == pytest.approx(0.2221469, abs=1e-7)
    assert weights["gear"] == pytest.approx(0.0963886, abs=1e-7)
    assert out["r2"].iloc[0] == pytest.approx(0.7791896, abs=1e-7)
    assert (out["method"] == "relative_weights").all()
    # Intervals from the driver bootstrap (default 500 resamples, seeded) bracket the weights.
    assert (out["raw_weight_ci_low"] <= out["raw_weight"]).all()
    assert (out["raw_weight"] <= out["raw_weight_ci_high"]).all()
    again = relative_importance(MTCARS, predictors=["cyl", "disp", "hp", "gear"], outcome="mpg")
    pd.testing.assert_frame_equal(out, again)


def test_dominance_of_touchpoints_matches_the_definition(survey):
    ratings, people, x, y = survey
    out = driver_importance(ratings, people, method="dominance", n_boot=0)
    assert list(out.columns) == list(DRIVER_COLUMNS)
    assert out["touchpoint"].tolist() == TOUCHPOINTS
    assert out["raw_weight"].to_numpy() == pytest.approx(brute_force_dominance(x, y), abs=1e-12)
    assert out["r2"].iloc[0] == pytest.approx(ols_r2(x, y), abs=1e-12)
    assert out["share"].sum() == pytest.approx(1.0, abs=1e-12)


def test_dominance_bootstrap_matches_a_plain_loop(survey):
    # The same resamples as the relative-weights bootstrap; each replicate's dominance by the
    # brute-force definition, then numpy's percentiles.
    ratings, people, x, y = survey
    out = driver_importance(ratings, people, method="dominance", n_boot=20, seed=4, confidence=0.8)
    index = np.random.default_rng(4).integers(0, 300, size=(20, 300))
    weights = np.array([brute_force_dominance(x[i], y[i]) for i in index])
    low, high = np.percentile(weights, [10, 90], axis=0)
    assert out["raw_weight_ci_low"].to_numpy() == pytest.approx(low, abs=1e-10)
    assert out["raw_weight_ci_high"].to_numpy() == pytest.approx(high, abs=1e-10)


def test_dominance_with_a_collinear_copy_still_adds_up_to_r2():
    rng = np.random.default_rng(3)
    base = rng.normal(50, 10, size=40)
    other = rng.normal(50, 10, size=40)
    frame = pd.DataFrame({"a": base, "b": base, "c": other})
    frame["y"] = 0.1 * base + 0.05 * other + rng.normal(size=40)
    out = relative_importance(frame, predictors=["a", "b", "c"], outcome="y", method="dominance")
    x = frame[["a", "b", "c"]].to_numpy()
    assert out.loc[0, "raw_weight"] == pytest.approx(out.loc[1, "raw_weight"], abs=1e-10)
    assert out["raw_weight"].sum() == pytest.approx(ols_r2(x, frame["y"].to_numpy()), abs=1e-10)


def test_dominance_refuses_more_than_twelve_predictors():
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(rng.normal(size=(60, 14)), columns=[f"x{i}" for i in range(14)])
    names = [f"x{i}" for i in range(13)]
    with pytest.raises(MotError, match="8,192 models") as caught:
        relative_importance(frame, predictors=names, outcome="x13", method="dominance")
    assert "relative_weights" in str(caught.value)
    assert DOMINANCE_MAX_PREDICTORS == 12
    # Twelve are taken; relative weights take thirteen.
    relative_importance(frame, predictors=names[:12], outcome="x13", method="dominance", n_boot=0)
    relative_importance(frame, predictors=names, outcome="x13", n_boot=0)


def test_relative_importance_equals_driver_importance_on_the_same_data(survey):
    ratings, people, x, y = survey
    frame = pd.DataFrame(x, columns=TOUCHPOINTS).assign(recommend=y)
    for method in DRIVER_METHODS:
        plain = relative_importance(
            frame, predictors=TOUCHPOINTS, outcome="recommend", method=method, n_boot=30, seed=2
        )
        tidy_ = driver_importance(ratings, people, method=method, n_boot=30, seed=2)
        columns = list(DRIVER_COLUMNS[1:])
        pd.testing.assert_frame_equal(plain[columns], tidy_[columns], rtol=1e-10)


def test_relative_importance_leaves_out_incomplete_rows_and_counts_them():
    frame = MTCARS.astype({"hp": object})
    frame.loc[0, "hp"] = "n/a"  # not a number → missing
    frame.loc[3, "mpg"] = np.nan
    out = relative_importance(frame, predictors=["cyl", "disp", "hp", "gear"], outcome="mpg")
    assert out["n"].iloc[0] == 30 and out["n_excluded"].iloc[0] == 2
    kept = MTCARS.drop(index=[0, 3])
    x = kept[["cyl", "disp", "hp", "gear"]].to_numpy(dtype=float)
    assert out["r2"].iloc[0] == pytest.approx(ols_r2(x, kept["mpg"].to_numpy()), abs=1e-12)


def test_relative_importance_bad_arguments_are_typed_errors():
    cases = [
        ({"predictors": ["cyl", "weight"], "outcome": "mpg"}, "weight"),
        ({"predictors": ["cyl"], "outcome": "price"}, "price"),
        ({"predictors": [], "outcome": "mpg"}, "predictors"),
        ({"predictors": "cyl", "outcome": "mpg"}, "predictors"),
        ({"predictors": ["cyl", "cyl"], "outcome": "mpg"}, "repeated"),
        ({"predictors": ["cyl", "mpg"], "outcome": "mpg"}, "explain"),
        ({"predictors": ["cyl"], "outcome": "mpg", "method": "shapley"}, "method"),
        ({"predictors": ["cyl"], "outcome": "mpg", "n_boot": -1}, "n_boot"),
    ]
    for kwargs, match in cases:
        with pytest.raises(MotError, match=match):
            relative_importance(MTCARS, **kwargs)
    with pytest.raises(InsufficientDataError, match="at least 6"):
        relative_importance(MTCARS.head(5), predictors=["cyl", "disp", "hp", "gear"], outcome="mpg")
    with pytest.raises(InsufficientDataError, match="gear"):
        relative_importance(MTCARS.assign(gear=4), predictors=["cyl", "gear"], outcome="mpg")


def test_driver_importance_refuses_an_unknown_method(survey):
    ratings, people, _, _ = survey
    with pytest.raises(MotError, match="method"):
        driver_importance(ratings, people, method="shapley")
