"""Which touchpoints drive an outcome: relative weights or dominance, with bootstrap intervals.

Touchpoint ratings are usually correlated with one another (a good delivery comes with good
updates), so regression coefficients split the credit erratically. Two methods divide the
model's R² among the predictors instead, so that each weight is the part of R² a predictor
accounts for and the weights add up to R²:

- relative weights (Johnson, 2000), from the orthogonal counterpart of the predictors; with
  uncorrelated predictors each weight is the squared correlation with the outcome;
- general dominance (Budescu, 1993; Azen & Budescu, 2003): a predictor's gain in R² when it is
  added to every subset of the others, averaged within each subset size and then over sizes.
  It fits all 2^p subset models, so it is limited to :data:`DOMINANCE_MAX_PREDICTORS`.

:func:`driver_importance` takes tidy ratings (one predictor per touchpoint);
:func:`relative_importance` takes a plain table with one column per predictor.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from scipy import stats

from mot import MEASURES, OUTCOMES, vocabulary
from mot._codes import codes_of, require_one_rating
from mot._stats import validate_confidence
from mot.errors import InsufficientDataError, MissingMeasureError, MotError
from mot.messages import Message
from mot.tidy import as_ratings, require_measure

DRIVER_COLUMNS: tuple[str, ...] = (
    "touchpoint",
    "n",
    "r",
    "r_p_value",
    "raw_weight",
    "raw_weight_ci_low",
    "raw_weight_ci_high",
    "share",
    "r2",
    "n_excluded",
    "method",
)
"""Columns of :func:`driver_importance`."""

RELATIVE_IMPORTANCE_COLUMNS: tuple[str, ...] = ("predictor", *DRIVER_COLUMNS[1:])
"""Columns of :func:`relative_importance` (a ``predictor`` where drivers have a touchpoint)."""

DRIVER_METHODS = vocabulary.DRIVER_METHODS
"""Methods of :func:`driver_importance` (:data:`mot.vocabulary.DriverMethod`), the default first."""

DOMINANCE_MAX_PREDICTORS = 12
"""Most predictors dominance analysis takes: it fits 2^p models (4,096 for 12)."""

_BOOT_CELLS = 4_000_000
"""How many numbers one batch of bootstrap resamples may hold (bounds memory)."""


def driver_importance(
    ratings: pd.DataFrame,
    respondents: pd.DataFrame,
    *,
    outcome: str = "recommend",
    measure: str = "experienced",
    method: str = "relative_weights",
    n_boot: int = 500,
    seed: int = 0,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Relative importance of each touchpoint's rating for a respondent-level outcome.

    The predictors are the touchpoints' ``measure`` ratings (one column per touchpoint that
    has any), the criterion is the respondents' ``outcome``; respondents missing either are
    left out (complete cases). ``method`` divides R² among the touchpoints:

    - ``"relative_weights"`` (Johnson, 2000): with ``Rxx = Q Λ Qᵀ`` the predictors'
      correlation matrix and ``r_xy`` their correlations with the outcome, the orthogonal
      counterpart ``Z = Q Λ^½ Qᵀ``, ``β = Z⁻¹ r_xy``, and touchpoint *j*'s raw weight
      ``Σ_k Z_jk² β_k²``.
    - ``"dominance"``: general dominance (Budescu, 1993; Azen & Budescu, 2003). With
      ``R²(S) = r_Sᵀ R_SS⁻¹ r_S`` the R² of the regression on a subset S of the touchpoints,
      the conditional dominance of *j* at size k is the mean of ``R²(S ∪ {j}) − R²(S)`` over
      the subsets S of size k without *j*, and *j*'s raw weight is the mean of these over
      k = 0 … p − 1. All 2^p subsets are fitted (from the correlation matrix), so at most
      :data:`DOMINANCE_MAX_PREDICTORS` (12) touchpoints are taken.

    Both give raw weights that add up to the R² of the ordinary least-squares regression of
    the outcome on all touchpoints. Intervals are percentile bootstrap intervals over
    respondents (resampled with replacement, ``n_boot`` times, seeded).

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings (see :func:`mot.tidy.as_ratings`).
    respondents : DataFrame
        One row per respondent: ``respondent_id`` (unique) and ``outcome``.
    outcome : str, default "recommend"
        The outcome column of ``respondents`` (one of :data:`mot.OUTCOMES` or any numeric
        column). Non-numeric values count as missing.
    measure : str, default "experienced"
        The measure whose ratings are the predictors.
    method : {"relative_weights", "dominance"}, default "relative_weights"
        How R² is divided (see above).
    n_boot : int, default 500
        Bootstrap resamples; 0 skips the bootstrap (interval columns NaN).
    seed : int, default 0
        Seed of the bootstrap's random generator: the same seed gives the same intervals.
    confidence : float, default 0.95
        Level of the percentile intervals, strictly between 0 and 1.

    Returns
    -------
    DataFrame
        One row per touchpoint with ``measure`` ratings, in journey order, with columns:

        - ``touchpoint``: ordered categorical, the journey's touchpoints.
        - ``n``: complete cases used (the same on every row).
        - ``r``, ``r_p_value``: Pearson correlation of the touchpoint with the outcome and
          its two-sided p-value.
        - ``raw_weight``: the touchpoint's part of R² (0 to R²).
        - ``raw_weight_ci_low``, ``raw_weight_ci_high``: percentile bootstrap interval.
          Resamples in which some column is constant are skipped.
        - ``share``: ``raw_weight / r2`` (the shares add up to 1).
        - ``r2``: R² of the regression on all touchpoints (the same on every row).
        - ``n_excluded``: respondents (in ``ratings`` or ``respondents``) left out because
          the outcome or a touchpoint rating is missing (complete-case analysis).
        - ``method``: ``"relative_weights"`` or ``"dominance"``.

    Raises
    ------
    MissingMeasureError
        If there are no ``measure`` ratings or ``outcome`` is not a column of
        ``respondents``.
    InsufficientDataError
        If fewer than (number of touchpoints + 2) respondents have every rating and the
        outcome, or if a touchpoint or the outcome does not vary among them.
    DuplicateRatingError
        If a respondent has two ``measure`` ratings at one touchpoint (every analysis refuses
        them; none averages them silently).
    MotError
        If ``respondent_id`` is missing or repeated in ``respondents``, an argument is out
        of range, or dominance is asked of more than 12 touchpoints.

    References
    ----------
    Johnson, J. W. (2000). A heuristic method for estimating the relative weight of
    predictor variables in multiple regression. Multivariate Behavioral Research, 35(1),
    1–19.
    Budescu, D. V. (1993). Dominance analysis: a new approach to the problem of relative
    importance of predictors in multiple regression. Psychological Bulletin, 114(3), 542–551.
    Azen, R., & Budescu, D. V. (2003). The dominance analysis approach for comparing
    predictors in multiple regression. Psychological Methods, 8(2), 129–148.
    Efron, B., & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall
    (percentile intervals).

    Examples
    --------
    Two uncorrelated touchpoints, coded ±30 around 50, and y = 5 + 2·a + b + 2·c where a, b
    and c are the orthogonal ±1 codes (c is not measured). So r(A, y) = 2/3, r(B, y) = 1/3
    (each coefficient over √(2² + 1² + 2²) = 3), the raw weights are the squared
    correlations 4/9 and 1/9, R² = 5/9 and the shares are 0.8 and 0.2; with uncorrelated
    predictors dominance gives the same:

    >>> a = [80.0, 80, 80, 80, 20, 20, 20, 20]
    >>> b = [80.0, 80, 20, 20, 80, 80, 20, 20]
    >>> y = [10, 6, 8, 4, 6, 2, 4, 0]
    >>> ids = [f"r{i}" for i in range(8)]
    >>> ratings = pd.DataFrame({"respondent_id": ids * 2, "touchpoint": ["A"] * 8 + ["B"] * 8,
    ...                         "measure": "experienced", "value": a + b})
    >>> people = pd.DataFrame({"respondent_id": ids, "recommend": y})
    >>> table = driver_importance(ratings, people, n_boot=0)
    >>> table[["touchpoint", "r", "raw_weight", "share", "r2"]].round(6)
      touchpoint         r  raw_weight  share        r2
    0          A  0.666667    0.444444    0.8  0.555556
    1          B  0.333333    0.111111    0.2  0.555556
    >>> dominance = driver_importance(ratings, people, method="dominance", n_boot=0)
    >>> dominance["raw_weight"].round(6).tolist(), dominance["method"].iloc[0]
    ([0.444444, 0.111111], 'dominance')
    """
    _validate_driver_importance(
        respondents,
        outcome=outcome,
        measure=measure,
        n_boot=n_boot,
        confidence=confidence,
    )
    _validate_method(method)
    ratings = as_ratings(ratings)
    rows = require_measure(ratings, measure, needed_for=Message("analysis.drivers"))
    require_one_rating(codes_of(ratings), [measure])
    data, n_excluded = _complete_cases(rows, respondents, outcome)
    touchpoints = list(data.columns[:-1])
    _validate_dominance_size(method, len(touchpoints))
    too_few = dict(
        key="drivers.too_few",
        touchpoints=len(touchpoints),
        needed=len(touchpoints) + 2,
        outcome=outcome,
        n=len(data),
        excluded=n_excluded,
    )
    _check_complete_cases(data, [*touchpoints, outcome], too_few, "drivers.constant")
    table = _importance(
        data.to_numpy(dtype="float64"),
        n_excluded,
        method=method,
        n_boot=n_boot,
        seed=seed,
        confidence=confidence,
    )
    categories = ratings["touchpoint"].cat.categories
    touchpoint = pd.Categorical(touchpoints, categories=categories, ordered=True)
    return pd.DataFrame({"touchpoint": touchpoint, **table}, columns=list(DRIVER_COLUMNS))


def relative_importance(
    frame: pd.DataFrame,
    *,
    predictors: list[str],
    outcome: str,
    method: str = "relative_weights",
    n_boot: int = 500,
    seed: int = 0,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Relative importance of the predictor columns of a plain table for an outcome column.

    The same analysis as :func:`driver_importance` (relative weights or general dominance,
    percentile bootstrap intervals over rows), on a DataFrame with one row per case and one
    column per predictor, such as a survey export read with pandas. Values that are not
    numbers count as missing; rows missing a predictor or the outcome are left out and
    counted (complete cases).

    Parameters
    ----------
    frame : DataFrame
        One row per case.
    predictors : list of str
        The predictor columns, in the order the result lists them (at least one; at most 12
        for ``method="dominance"``).
    outcome : str
        The outcome column (not one of ``predictors``).
    method : {"relative_weights", "dominance"}, default "relative_weights"
        As :func:`driver_importance`.
    n_boot : int, default 500
        Bootstrap resamples; 0 skips the bootstrap (interval columns NaN).
    seed : int, default 0
        Seed of the bootstrap.
    confidence : float, default 0.95
        Level of the percentile intervals.

    Returns
    -------
    DataFrame
        One row per predictor, in the order of ``predictors``, with the columns of
        :func:`driver_importance` where ``predictor`` (string) takes the place of
        ``touchpoint``: ``predictor, n, r, r_p_value, raw_weight, raw_weight_ci_low,
        raw_weight_ci_high, share, r2, n_excluded, method``.

    Raises
    ------
    MotError
        If a column is missing, ``outcome`` is also a predictor, ``predictors`` is empty or
        repeats a column, an argument is out of range, or dominance is asked of more than 12
        predictors.
    InsufficientDataError
        If fewer than (number of predictors + 2) rows are complete, or a column does not vary
        among them.

    References
    ----------
    As :func:`driver_importance`.

    Examples
    --------
    The example of :func:`driver_importance` as a plain table:

    >>> table = pd.DataFrame({"a": [80.0, 80, 80, 80, 20, 20, 20, 20],
    ...                       "b": [80.0, 80, 20, 20, 80, 80, 20, 20],
    ...                       "y": [10, 6, 8, 4, 6, 2, 4, 0]})
    >>> out = relative_importance(table, predictors=["a", "b"], outcome="y", n_boot=0)
    >>> out[["predictor", "raw_weight", "share"]].round(6)
      predictor  raw_weight  share
    0         a    0.444444    0.8
    1         b    0.111111    0.2
    """
    _validate_relative_importance(
        frame, predictors=predictors, outcome=outcome, n_boot=n_boot, confidence=confidence
    )
    _validate_method(method)
    _validate_dominance_size(method, len(predictors))
    columns = [*predictors, outcome]
    values = frame[columns].apply(pd.to_numeric, errors="coerce").astype("float64")
    complete = values.notna().all(axis=1).to_numpy()
    data = values[complete]
    n_excluded = int((~complete).sum())
    too_few = dict(
        key="drivers.too_few_rows",
        predictors=len(predictors),
        needed=len(predictors) + 2,
        n=len(data),
        excluded=n_excluded,
    )
    _check_complete_cases(data, columns, too_few, "drivers.constant_columns")
    table = _importance(
        data.to_numpy(), n_excluded, method=method, n_boot=n_boot, seed=seed, confidence=confidence
    )
    predictor = pd.array([str(p) for p in predictors], dtype="str")
    return pd.DataFrame(
        {"predictor": predictor, **table}, columns=list(RELATIVE_IMPORTANCE_COLUMNS)
    )


def _importance(
    values: np.ndarray,
    n_excluded: int,
    *,
    method: str,
    n_boot: int,
    seed: int,
    confidence: float,
) -> dict[str, np.ndarray]:
    """The columns after the predictor's name, from complete cases (the outcome last)."""
    x, y = values[:, :-1], values[:, -1]
    p = x.shape[1]
    weigh = _WEIGHTS[method]
    raw = weigh(np.corrcoef(values, rowvar=False)[None])[0]
    r2 = float(raw.sum())
    pearson = stats.pearsonr(x, y[:, None], axis=0)
    ci_low, ci_high = _bootstrap_interval(
        values, n_boot=n_boot, seed=seed, confidence=confidence, weigh=weigh
    )
    return {
        "n": np.full(p, len(values), dtype="int64"),
        "r": np.asarray(pearson.statistic, dtype="float64"),
        "r_p_value": np.asarray(pearson.pvalue, dtype="float64"),
        "raw_weight": raw,
        "raw_weight_ci_low": ci_low,
        "raw_weight_ci_high": ci_high,
        "share": raw / r2 if r2 > 0 else np.full(p, np.nan),
        "r2": np.full(p, r2),
        "n_excluded": np.full(p, n_excluded, dtype="int64"),
        "method": pd.array([method] * p, dtype="str"),
    }


def _complete_cases(
    rows: pd.DataFrame, respondents: pd.DataFrame, outcome: str
) -> tuple[pd.DataFrame, int]:
    """Respondent × touchpoint ratings plus the outcome, complete rows only, sorted by id.

    Returns the complete rows (touchpoint columns in journey order, the outcome last) and the
    number of respondents of either table that were left out.
    """
    wide = rows.pivot_table(
        index="respondent_id",
        columns="touchpoint",
        values="value",
        aggfunc="mean",
        observed=True,
    )
    wide.index = wide.index.astype(str)
    wide.columns = [str(c) for c in wide.columns]
    target = pd.Series(
        pd.to_numeric(respondents[outcome], errors="coerce").to_numpy(dtype="float64"),
        index=respondents["respondent_id"].astype(str).to_numpy(),
        name=f"__{outcome}__",
    )
    data = wide.join(target, how="outer").sort_index()
    complete = data.notna().all(axis=1).to_numpy()
    return data[complete], int((~complete).sum())


def _check_complete_cases(
    data: pd.DataFrame, columns: list[str], too_few: dict[str, object], constant_key: str
) -> None:
    """Raise :class:`InsufficientDataError` unless the complete cases support a regression.

    ``columns`` names the predictors then the outcome (the columns of ``data``, in order);
    ``too_few`` holds the catalogue ``key`` and the parameters of the message for too few
    rows, ``constant_key`` the key of the message that names the columns that do not vary.
    """
    if len(data) < len(columns) + 1:  # predictors + 2
        params = dict(too_few)
        message = Message(str(params.pop("key")), **params)
        raise InsufficientDataError(message)
    spread = data.max() - data.min()
    constant = [str(c) for c, s in zip(columns, spread, strict=True) if s == 0]
    if constant:
        message = Message(constant_key, columns=", ".join(constant))
        raise InsufficientDataError(message)


def _relative_weights(corr: np.ndarray) -> np.ndarray:
    """Johnson's raw relative weights from a stack of correlation matrices.

    ``corr`` has shape ``(m, p + 1, p + 1)`` with the criterion last; returns ``(m, p)``.
    Eigenvalues that are numerically zero (collinear predictors) contribute nothing.
    """
    p = corr.shape[-1] - 1
    rxx = corr[:, :p, :p]
    rxy = corr[:, :p, p]
    eigenvalues, q = np.linalg.eigh(rxx)
    tolerance = p * np.finfo(float).eps * np.abs(eigenvalues).max(axis=-1, keepdims=True)
    positive = eigenvalues > tolerance
    root = np.sqrt(np.where(positive, eigenvalues, 0.0))
    inverse_root = np.where(positive, 1.0 / np.where(positive, root, 1.0), 0.0)
    qt = np.swapaxes(q, -1, -2)
    z = (q * root[:, None, :]) @ qt
    beta = ((q * inverse_root[:, None, :]) @ qt @ rxy[..., None])[..., 0]
    return np.einsum("mjk,mk->mj", z**2, beta**2)


def _subset_r2(corr: np.ndarray) -> np.ndarray:
    """R² of the regression on every subset of the predictors, from correlation matrices.

    ``corr`` has shape ``(m, p + 1, p + 1)`` with the criterion last; returns ``(m, 2^p)``
    where column ``mask`` is the subset whose bit j is set when predictor j is in it
    (``R²(S) = r_Sᵀ R_SS⁻¹ r_S``; the empty subset has R² 0). The subsets of one size are
    solved together, in slices that bound memory; a singular subset (collinear predictors)
    is solved by the pseudo-inverse.
    """
    m, q, _ = corr.shape
    p = q - 1
    masks = np.arange(1 << p)
    bits = (masks[:, None] >> np.arange(p)) & 1
    size = bits.sum(axis=1)
    r2 = np.zeros((m, 1 << p))
    for k in range(1, p + 1):
        chosen = masks[size == k]
        index = np.nonzero(bits[chosen])[1].reshape(len(chosen), k)
        step = max(1, _BOOT_CELLS // (len(chosen) * k * k))
        for start in range(0, m, step):
            block = corr[start : start + step]
            rxx = block[:, index[:, :, None], index[:, None, :]]
            rxy = block[:, index, p][..., None]
            try:
                beta = np.linalg.solve(rxx, rxy)
            except np.linalg.LinAlgError:
                beta = np.linalg.pinv(rxx, hermitian=True) @ rxy
            r2[start : start + step, chosen] = (beta * rxy)[..., 0].sum(axis=-1)
    return r2


def _general_dominance(corr: np.ndarray) -> np.ndarray:
    """General dominance weights (Azen & Budescu, 2003) from a stack of correlation matrices.

    ``corr`` has shape ``(m, p + 1, p + 1)`` with the criterion last; returns ``(m, p)``.
    """
    p = corr.shape[-1] - 1
    r2 = _subset_r2(corr)
    masks = np.arange(1 << p)
    size = ((masks[:, None] >> np.arange(p)) & 1).sum(axis=1)
    out = np.empty((corr.shape[0], p))
    for j in range(p):
        without = masks[(masks >> j) & 1 == 0]
        gain = r2[:, without | (1 << j)] - r2[:, without]
        k = size[without]
        per_size = np.stack([gain[:, k == s].mean(axis=1) for s in range(p)], axis=1)
        out[:, j] = per_size.mean(axis=1)
    return out


_WEIGHTS = {"relative_weights": _relative_weights, "dominance": _general_dominance}
"""The raw weights of each method, from a stack of correlation matrices."""


def _bootstrap_interval(
    values: np.ndarray,
    *,
    n_boot: int,
    seed: int,
    confidence: float,
    weigh: Callable[[np.ndarray], np.ndarray] = _relative_weights,
) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap interval of the raw weights (rows resampled with replacement).

    ``weigh`` turns a stack of correlation matrices into raw weights (one of ``_WEIGHTS``).
    """
    n, q = values.shape
    if n_boot == 0:
        empty = np.full(q - 1, np.nan)
        return empty, empty.copy()
    rng = np.random.default_rng(seed)
    # Standardise once so that the resampled covariances are well conditioned.
    standard = (values - values.mean(axis=0)) / values.std(axis=0)
    batch = max(1, _BOOT_CELLS // (n * q))
    weights = []
    for start in range(0, n_boot, batch):
        size = min(batch, n_boot - start)
        sample = standard[rng.integers(0, n, size=(size, n))]
        centred = sample - sample.mean(axis=1, keepdims=True)
        cov = np.einsum("bni,bnj->bij", centred, centred)
        sd = np.sqrt(np.diagonal(cov, axis1=1, axis2=2))
        usable = (sd > 1e-8 * np.sqrt(n)).all(axis=1)
        safe_sd = np.where(sd > 0, sd, 1.0)
        corr = cov / (safe_sd[:, :, None] * safe_sd[:, None, :])
        corr[~usable] = np.eye(q)
        raw = weigh(corr)
        raw[~usable] = np.nan
        weights.append(raw)
    boot = np.concatenate(weights)
    if np.isnan(boot).all():
        empty = np.full(q - 1, np.nan)
        return empty, empty.copy()
    tail = 100 * (1 - confidence) / 2
    low, high = np.nanpercentile(boot, [tail, 100 - tail], axis=0)
    return low, high


def _validate_driver_importance(
    respondents: pd.DataFrame,
    *,
    outcome: str,
    measure: str,
    n_boot: int,
    confidence: float,
) -> None:
    """Raise a typed error unless the arguments can give driver importance."""
    if measure not in MEASURES:
        message = Message("arg.measure", measure=measure, measures=", ".join(MEASURES))
        raise MotError(message)
    if "respondent_id" not in respondents.columns:
        message = Message("drivers.respondent_id")
        raise MotError(message)
    if outcome not in respondents.columns:
        mapped = ", ".join(c for c in OUTCOMES if c in respondents.columns)
        message = Message("missing.drivers_outcome", outcome=outcome, mapped=mapped)
        raise MissingMeasureError(message)
    duplicated = respondents["respondent_id"].astype(str).duplicated()
    if duplicated.any():
        first = respondents["respondent_id"].astype(str)[duplicated].iloc[0]
        message = Message("drivers.repeated_id", id=first)
        raise MotError(message)
    if isinstance(n_boot, bool) or not isinstance(n_boot, int | np.integer) or n_boot < 0:
        message = Message("drivers.n_boot", n_boot=n_boot)
        raise MotError(message)
    validate_confidence(confidence)


def _validate_method(method: str) -> None:
    """Raise :class:`MotError` unless ``method`` is one of :data:`DRIVER_METHODS`."""
    if method not in DRIVER_METHODS:
        values = ", ".join(repr(m) for m in DRIVER_METHODS)
        message = Message("arg.one_of", name="method", values=values, value=method)
        raise MotError(message)


def _validate_dominance_size(method: str, p: int) -> None:
    """Refuse dominance analysis over more than :data:`DOMINANCE_MAX_PREDICTORS` predictors."""
    if method == "dominance" and p > DOMINANCE_MAX_PREDICTORS:
        message = Message(
            "drivers.dominance_limit",
            p=p,
            models=f"{1 << p:,}",
            limit=DOMINANCE_MAX_PREDICTORS,
            limit_models=f"{1 << DOMINANCE_MAX_PREDICTORS:,}",
        )
        raise MotError(message)


def _validate_relative_importance(
    frame: pd.DataFrame, *, predictors: list[str], outcome: str, n_boot: int, confidence: float
) -> None:
    """Raise a typed error unless ``frame`` has the predictor and outcome columns asked for."""
    names = [predictors] if isinstance(predictors, str) else list(predictors)
    if not names or isinstance(predictors, str):
        message = Message("drivers.no_predictors", given=repr(predictors))
        raise MotError(message)
    columns = ", ".join(map(str, frame.columns))
    missing = [str(c) for c in [*names, outcome] if c not in frame.columns]
    if missing:
        message = Message("drivers.no_column", missing=", ".join(missing), columns=columns)
        raise MotError(message)
    repeated = sorted({str(c) for c in names if names.count(c) > 1})
    if repeated:
        message = Message("drivers.repeated_predictor", columns=", ".join(repeated))
        raise MotError(message)
    if outcome in names:
        message = Message("drivers.outcome_is_predictor", outcome=outcome)
        raise MotError(message)
    if isinstance(n_boot, bool) or not isinstance(n_boot, int | np.integer) or n_boot < 0:
        message = Message("drivers.n_boot", n_boot=n_boot)
        raise MotError(message)
    validate_confidence(confidence)


def top_driver(drivers: pd.DataFrame) -> pd.Series:
    """The strongest driver of a :func:`driver_importance` table: the largest ``share``.

    Ties keep the table's (journey) order.

    Examples
    --------
    >>> table = pd.DataFrame({"touchpoint": ["ZMOT", "TMOT", "UMOT"], "share": [0.1, 0.6, 0.6]})
    >>> top_driver(table)["touchpoint"]
    'TMOT'
    """
    if drivers.empty:
        raise InsufficientDataError(Message("drivers.no_drivers"))
    return drivers.sort_values("share", ascending=False, kind="stable").iloc[0]
