"""Which touchpoints drive an outcome: Johnson's relative weights with bootstrap intervals.

Touchpoint ratings are usually correlated with one another (a good delivery comes with good
updates), so regression coefficients split the credit erratically. Relative weights
(Johnson, 2000) divide the model's R² among the predictors: each weight is the part of R²
that a touchpoint accounts for, the weights add up to R², and with uncorrelated touchpoints
each weight is the touchpoint's squared correlation with the outcome.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from mot import MEASURES, OUTCOMES
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
)
"""Columns of :func:`driver_importance`."""

_BOOT_CELLS = 4_000_000
"""How many numbers one batch of bootstrap resamples may hold (bounds memory)."""


def driver_importance(
    ratings: pd.DataFrame,
    respondents: pd.DataFrame,
    *,
    outcome: str = "recommend",
    measure: str = "experienced",
    n_boot: int = 500,
    seed: int = 0,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Relative importance of each touchpoint's rating for a respondent-level outcome.

    The predictors are the touchpoints' ``measure`` ratings (one column per touchpoint that
    has any), the criterion is the respondents' ``outcome``. With ``Rxx = Q Λ Qᵀ`` the
    predictors' correlation matrix and ``r_xy`` their correlations with the outcome, Johnson's
    (2000) method takes the orthogonal counterpart ``Z = Q Λ^½ Qᵀ`` of the predictors,
    regresses the outcome on it, ``β = Z⁻¹ r_xy``, and gives touchpoint *j* the raw weight
    ``Σ_k Z_jk² β_k²``. The raw weights add up to the R² of the ordinary least-squares
    regression of the outcome on all touchpoints. Intervals are percentile bootstrap
    intervals over respondents (resampled with replacement, ``n_boot`` times, seeded).

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
        If ``respondent_id`` is missing or repeated in ``respondents``, or an argument is out
        of range.

    References
    ----------
    Johnson, J. W. (2000). A heuristic method for estimating the relative weight of
    predictor variables in multiple regression. Multivariate Behavioral Research, 35(1),
    1–19.
    Efron, B., & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall
    (percentile intervals).

    Examples
    --------
    Two uncorrelated touchpoints, coded ±30 around 50, and y = 5 + 2·a + b + 2·c where a, b
    and c are the orthogonal ±1 codes (c is not measured). So r(A, y) = 2/3, r(B, y) = 1/3
    (each coefficient over √(2² + 1² + 2²) = 3), the raw weights are the squared
    correlations 4/9 and 1/9, R² = 5/9 and the shares are 0.8 and 0.2:

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
    """
    _validate_driver_importance(
        respondents,
        outcome=outcome,
        measure=measure,
        n_boot=n_boot,
        confidence=confidence,
    )
    ratings = as_ratings(ratings)
    rows = require_measure(ratings, measure, needed_for=Message("analysis.drivers"))
    require_one_rating(codes_of(ratings), [measure])
    data, n_excluded = _complete_cases(rows, respondents, outcome)
    touchpoints = list(data.columns[:-1])
    _check_complete_cases(data, touchpoints, outcome, n_excluded)
    values = data.to_numpy(dtype="float64")
    x, y = values[:, :-1], values[:, -1]
    raw = _relative_weights(np.corrcoef(values, rowvar=False)[None])[0]
    r2 = float(raw.sum())
    pearson = stats.pearsonr(x, y[:, None], axis=0)
    ci_low, ci_high = _bootstrap_interval(values, n_boot=n_boot, seed=seed, confidence=confidence)
    categories = ratings["touchpoint"].cat.categories
    return pd.DataFrame(
        {
            "touchpoint": pd.Categorical(touchpoints, categories=categories, ordered=True),
            "n": np.full(len(touchpoints), len(values), dtype="int64"),
            "r": np.asarray(pearson.statistic, dtype="float64"),
            "r_p_value": np.asarray(pearson.pvalue, dtype="float64"),
            "raw_weight": raw,
            "raw_weight_ci_low": ci_low,
            "raw_weight_ci_high": ci_high,
            "share": raw / r2 if r2 > 0 else np.full(len(raw), np.nan),
            "r2": r2,
            "n_excluded": np.full(len(touchpoints), n_excluded, dtype="int64"),
        },
        columns=list(DRIVER_COLUMNS),
    )


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
    data: pd.DataFrame, touchpoints: list[str], outcome: str, n_excluded: int
) -> None:
    """Raise :class:`InsufficientDataError` unless the complete cases support a regression."""
    needed = len(touchpoints) + 2
    if len(data) < needed:
        message = Message(
            "drivers.too_few",
            touchpoints=len(touchpoints),
            needed=needed,
            outcome=outcome,
            n=len(data),
            excluded=n_excluded,
        )
        raise InsufficientDataError(message)
    spread = data.max() - data.min()
    constant = [str(c) for c, s in zip([*touchpoints, outcome], spread, strict=True) if s == 0]
    if constant:
        message = Message("drivers.constant", columns=", ".join(constant))
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


def _bootstrap_interval(
    values: np.ndarray, *, n_boot: int, seed: int, confidence: float
) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap interval of the raw weights (rows resampled with replacement)."""
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
        raw = _relative_weights(corr)
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
