"""The survey link: respondents matched to the log's customers, converters and repurchase.

``scipy.stats`` and :mod:`mot.compare` are imported by the functions that use them, so that
opening a log and counting a funnel never import them.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import duckdb  # noqa: F401 (the examples below open DuckDB connections)
import numpy as np
import pandas as pd

from mot._stats import validate_confidence
from mot.behaviour import engine
from mot.behaviour._base import (
    CONVERSION_FLAGS,
    DEFAULT_VIEW,
    LINK_COLUMNS,
    REPEAT_EVENTS,
    REPURCHASE_MODEL_COLUMNS,
    run_sql,
    validate_view,
)
from mot.behaviour._sql import (
    ident,
    in_list,
    named_params,
)
from mot.behaviour.engine import Connection
from mot.errors import InsufficientDataError, MotError
from mot.messages import Message
from mot.tidy import as_ratings, with_segment


def _validate_respondents(respondents: pd.DataFrame, customer_column: str) -> None:
    if not isinstance(respondents, pd.DataFrame) or "respondent_id" not in respondents:
        message = Message("behaviour.respondent_id")
        raise MotError(message)
    if customer_column not in respondents.columns:
        raise MotError(Message("missing.customer_id", column=customer_column))


def link_survey(
    con: Connection,
    view: str = DEFAULT_VIEW,
    respondents: pd.DataFrame | None = None,
    *,
    customer_column: str = "customer_id",
    converted_step: str = "purchase",
    step_column: str = "event",
    purchase_event: str = "purchase",
    repeat_events: Sequence[str] = REPEAT_EVENTS,
) -> pd.DataFrame:
    """Link survey respondents to their behaviour: whether they converted and bought again.

    The respondents' ids are registered on the connection for the query only. Per respondent:
    ``in_log`` = the customer id is a ``user_id`` of the log; ``converted`` = the user has
    an event whose ``step_column`` equals ``converted_step`` (default: a ``purchase``
    event; ``converted_step="SMOT", step_column="touchpoint"`` reaches the second moment);
    ``repurchased`` = at least two ``purchase_event`` events, or any ``repeat_events``
    event (default ``repurchase``). Respondents not in the log are neither.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or pyspark.sql.SparkSession
        Connection holding the event view.
    view : str, default "events_mapped"
        The mapped event view.
    respondents : DataFrame
        ``respondent_id`` and ``customer_column`` (see :class:`mot.survey.SurveyData`).
    customer_column : str, default "customer_id"
        The column holding the log's ``user_id``.
    converted_step : str, default "purchase"
        The value that marks a conversion.
    step_column : str, default "event"
        The column ``converted_step`` is a value of.
    purchase_event : str, default "purchase"
        The event name of a purchase.
    repeat_events : sequence of str, default ("repurchase",)
        Other events that count as a repeat purchase.

    Returns
    -------
    DataFrame
        ``respondent_id, customer_id, in_log, converted, repurchased`` (bools); one row per
        respondent, sorted by ``respondent_id``. ``attrs["n_not_in_log"]`` counts
        respondents without events.

    Raises
    ------
    EventLogError
        If the view or a column is missing.
    MotError
        If ``respondents`` lacks ``respondent_id`` or ``customer_column``.

    Examples
    --------
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE VIEW events_mapped AS SELECT * FROM (VALUES "
    ...     "('C1', 's1', TIMESTAMP '2026-01-05 10:00', 'purchase', 'SMOT'),"
    ...     "('C1', 's2', TIMESTAMP '2026-01-20 10:00', 'repurchase', 'UMOT'),"
    ...     "('C2', 's3', TIMESTAMP '2026-01-06 10:00', 'landing', 'FMOT')) "
    ...     "t(user_id, session_id, ts, event, touchpoint)")
    >>> people = pd.DataFrame({"respondent_id": ["r1", "r2", "r3"],
    ...                        "customer_id": ["C1", "C2", "C9"]})
    >>> link_survey(con, respondents=people)[["respondent_id", "converted", "repurchased"]]
      respondent_id  converted  repurchased
    0            r1       True         True
    1            r2      False        False
    2            r3      False        False
    """
    _validate_respondents(respondents, customer_column)
    validate_view(con, view, columns=[step_column])
    people = pd.DataFrame(
        {
            "respondent_id": respondents["respondent_id"].astype(str).to_numpy(dtype=object),
            "customer_id": respondents[customer_column]
            .astype("string")
            .str.strip()
            .to_numpy(dtype=object, na_value=None),
        }
    )
    table = f"_mot_people_{uuid.uuid4().hex}"
    repeat = list(repeat_events)
    sql = f"""
        WITH people AS (SELECT respondent_id, CAST(customer_id AS VARCHAR) AS customer_id
                        FROM {ident(table)}),
        per_user AS (
            SELECT user_id,
                   bool_or({ident(step_column)} = CAST($converted AS VARCHAR)) AS converted,
                   count(*) FILTER (WHERE event = CAST($purchase AS VARCHAR)) AS purchases,
                   count(*) FILTER (WHERE event IN ({in_list("r", len(repeat)) or "NULL"}))
                       AS repeats
            FROM {ident(view)}
            WHERE user_id IN (SELECT customer_id FROM people)
            GROUP BY user_id)
        SELECT p.respondent_id, p.customer_id, u.user_id IS NOT NULL AS in_log,
               coalesce(u.converted, false) AS converted,
               coalesce(u.purchases >= 2 OR u.repeats > 0, false) AS repurchased
        FROM people p LEFT JOIN per_user u ON u.user_id = p.customer_id
        ORDER BY p.respondent_id
    """
    params = {"converted": converted_step, "purchase": purchase_event, **named_params("r", repeat)}
    with engine.registered(con, table, people):
        out = run_sql(con, sql, params)
    for column in ("in_log", "converted", "repurchased"):
        out[column] = out[column].astype(bool)
    out = out[list(LINK_COLUMNS)]
    out.attrs["n_not_in_log"] = int((~out["in_log"]).sum())
    return out


def _with_link(ratings: pd.DataFrame, linked: pd.DataFrame, column: str) -> pd.DataFrame:
    """Ratings of the linked respondents with the link's ``column`` added."""
    if not {"respondent_id", column} <= set(linked.columns):
        message = Message("behaviour.needs_link", column=column)
        raise MotError(message)
    # Looked up once per respondent and spread by category code (fast on millions of rows).
    out = with_segment(as_ratings(ratings), linked, column)
    return out[out[column].notna().to_numpy()]


def utilities_by_conversion(
    ratings: pd.DataFrame,
    linked: pd.DataFrame,
    *,
    flag: str = "converted",
    measure: str = "experienced",
    correction: str = "holm",
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Mean utility per touchpoint of converters against non-converters (Welch's t).

    Adds the ``flag`` of :func:`link_survey` (``converted``, or ``repurchased``: a repeat
    purchase) to the ratings as the group ``converter`` / ``non_converter`` and calls
    :func:`mot.compare.compare_groups` with ``test="welch"``:
    ``difference = mean(converters) − mean(non-converters)``.

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings (``respondent_id, touchpoint, measure, value``).
    linked : DataFrame
        The result of :func:`link_survey`.
    flag : {"converted", "repurchased"}, default "converted"
        The column of ``linked`` that makes a respondent a converter. Where every
        respondent has bought once (a survey of buyers), ``"repurchased"`` still splits them.
    measure : str, default "experienced"
        The utility compared.
    correction : str, default "holm"
        Multiple-comparison correction over the touchpoints.
    confidence : float, default 0.95
        Level of the intervals.

    Returns
    -------
    DataFrame
        The columns of :func:`mot.compare.compare_groups` (``group_a`` = ``converter``);
        empty when everyone (or no one) converted. ``attrs["n_missing_segment"]``:
        respondents whose ratings have no link.

    Raises
    ------
    MissingMeasureError
        If there are no ``measure`` ratings among the linked respondents.
    MotError
        If ``flag`` is not one of the two, or ``linked`` lacks ``respondent_id`` or ``flag``.

    References
    ----------
    Welch, B. L. (1947). Biometrika, 34(1–2), 28–35.

    Examples
    --------
    >>> ratings = pd.DataFrame({"respondent_id": ["a", "b", "c", "d"], "touchpoint": "SMOT",
    ...                         "measure": "experienced", "value": [80.0, 70, 40, 50]})
    >>> linked = pd.DataFrame({"respondent_id": list("abcd"),
    ...                        "converted": [True, True, False, False]})
    >>> row = utilities_by_conversion(ratings, linked).iloc[0]
    >>> row["group_a"], float(row["difference"])
    ('converter', 30.0)
    """
    if flag not in CONVERSION_FLAGS:
        message = Message("arg.one_of", name="flag", values=", ".join(CONVERSION_FLAGS), value=flag)
        raise MotError(message)
    rows = _with_link(ratings, linked, flag)
    labels = np.where(rows[flag].astype(bool), "converter", "non_converter")
    group = pd.Categorical(labels, categories=["converter", "non_converter"])
    rows = rows.assign(conversion=group).drop(columns=flag)
    from mot.compare import compare_groups  # scipy.stats: only here

    n_unlinked = as_ratings(ratings)["respondent_id"].nunique() - rows["respondent_id"].nunique()
    out = compare_groups(
        rows,
        by="conversion",
        measure=measure,
        test="welch",
        correction=correction,
        confidence=confidence,
    )
    out.attrs["n_missing_segment"] = int(n_unlinked)
    return out


def logistic_slope(
    x: np.ndarray, y: np.ndarray, *, max_iter: int = 50, tol: float = 1e-10
) -> tuple[float, float, float, bool]:
    """One-predictor logistic regression by Newton–Raphson.

    Maximises ``Σ y log p + (1 − y) log(1 − p)`` with ``p = 1 / (1 + e^{−(a + b x)})``:
    ``β ← β + (XᵀWX)⁻¹ Xᵀ(y − p)``, ``W = diag(p (1 − p))``, from ``β = 0``. The standard
    error of ``b`` is ``√[(XᵀWX)⁻¹]₁₁`` at the optimum (inverse observed information).

    Parameters
    ----------
    x, y : ndarray
        Predictor and 0/1 outcome.
    max_iter : int, default 50
        Newton steps allowed.
    tol : float, default 1e-10
        Converged when the largest step is below ``tol``.

    Returns
    -------
    tuple
        ``(intercept, slope, slope_se, converged)``; NaN estimates when the fit does not
        converge (e.g. perfect separation) or the information matrix is singular.

    References
    ----------
    Agresti, A. (2013). Categorical Data Analysis (3rd ed.), §5.1 and §5.5. Wiley.

    Examples
    --------
    With a 0/1 predictor the slope is the log odds ratio: 2/4 against 3/4 →
    ``log(3 · 2 / 1 / 2) = 1.0986`` and ``se = √(1/2 + 1/2 + 1/3 + 1) = 1.5275``:

    >>> x = np.array([0, 0, 0, 0, 1, 1, 1, 1]); y = np.array([1, 1, 0, 0, 1, 1, 1, 0])
    >>> a, b, se, ok = logistic_slope(x, y)
    >>> round(b, 4), round(se, 4), ok
    (1.0986, 1.5275, True)
    """
    from scipy import special  # here: importing the package must not import scipy

    design = np.column_stack([np.ones_like(x, dtype="float64"), np.asarray(x, "float64")])
    y = np.asarray(y, dtype="float64")
    beta = np.zeros(2)
    for _ in range(max_iter):
        p = special.expit(design @ beta)
        information = (design * (p * (1 - p))[:, None]).T @ design
        try:
            step = np.linalg.solve(information, design.T @ (y - p))
        except np.linalg.LinAlgError:
            return np.nan, np.nan, np.nan, False
        beta = beta + step
        if np.max(np.abs(step)) < tol:
            covariance = np.linalg.inv(information)
            return float(beta[0]), float(beta[1]), float(np.sqrt(covariance[1, 1])), True
    return np.nan, np.nan, np.nan, False


def utility_predicts_repurchase(
    ratings: pd.DataFrame,
    linked: pd.DataFrame,
    *,
    touchpoint: str,
    measure: str = "experienced",
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Test whether the utility of one touchpoint predicts repurchase in the event log.

    Two readings on the linked respondents with a rating at ``touchpoint``: (1) repurchase
    rate of top-box raters minus the rest, :func:`mot.compare.two_proportion_test`; (2) the
    logistic regression ``logit P(repurchased) = a + b · value / 10`` fitted by
    Newton–Raphson (:func:`logistic_slope`): ``slope_per_10`` is the change in log odds
    per 10 points of the 0–100 utility, ``odds_ratio_per_10 = e^b``, Wald
    ``z = b / se`` with a two-sided normal p and ``b ± z_{(1+c)/2} · se`` interval.

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings (``respondent_id, touchpoint, measure, value, top_box``).
    linked : DataFrame
        The result of :func:`link_survey` (``respondent_id, repurchased``).
    touchpoint : str
        The touchpoint whose utility is the predictor.
    measure : str, default "experienced"
        The utility used.
    confidence : float, default 0.95
        Level of the intervals.

    Returns
    -------
    DataFrame
        One row: ``touchpoint, n, n_top_box, repurchased, rate_top_box, rate_rest,
        difference, ci_low, ci_high, p_value`` (the rate difference), ``slope_per_10,
        slope_se, slope_ci_low, slope_ci_high, odds_ratio_per_10, slope_p_value,
        converged``. Statistics that cannot be computed (a group without respondents, no
        convergence) are NaN.

    Raises
    ------
    InsufficientDataError
        If no linked respondent rated the touchpoint.
    MotError
        If ``linked`` lacks ``respondent_id`` or ``repurchased``.

    References
    ----------
    Agresti, A. (2013). Categorical Data Analysis (3rd ed.), §3.1, §5.1. Wiley.

    Examples
    --------
    >>> ratings = pd.DataFrame({"respondent_id": list("abcdefgh"), "touchpoint": "UMOT",
    ...     "measure": "experienced", "value": [0.0] * 4 + [10.0] * 4,
    ...     "top_box": [False] * 4 + [True] * 4})
    >>> linked = pd.DataFrame({"respondent_id": list("abcdefgh"),
    ...     "repurchased": [True, True, False, False, True, True, True, False]})
    >>> row = utility_predicts_repurchase(ratings, linked, touchpoint="UMOT").iloc[0]
    >>> float(row["difference"]), round(float(row["slope_per_10"]), 4)
    (0.25, 1.0986)
    """
    validate_confidence(confidence)
    rows = _with_link(ratings, linked, "repurchased")
    rows = rows[
        (rows["touchpoint"].astype(str) == touchpoint)
        & (rows["measure"] == measure)
        & rows["value"].notna()
    ]
    if rows.empty:
        message = Message("behaviour.no_linked_rating", measure=measure, touchpoint=touchpoint)
        raise InsufficientDataError(message)
    y = rows["repurchased"].astype(bool).to_numpy()
    top = rows["top_box"].to_numpy(dtype=bool)
    row = {
        "touchpoint": touchpoint,
        "n": len(rows),
        "n_top_box": int(top.sum()),
        "repurchased": int(y.sum()),
    }
    row |= _rate_difference(y, top, confidence)
    row |= _slope_terms(rows["value"].to_numpy(dtype="float64") / 10, y, confidence)
    return pd.DataFrame([row], columns=list(REPURCHASE_MODEL_COLUMNS))


def _rate_difference(y: np.ndarray, top: np.ndarray, confidence: float) -> dict[str, float]:
    """Repurchase rate of top-box raters minus the rest (NaN when a group is empty)."""
    from mot.compare import two_proportion_test  # scipy.stats: only here

    keys = ("rate_top_box", "rate_rest", "difference", "ci_low", "ci_high", "p_value")
    if top.all() or not top.any():
        rates = {"rate_top_box": y[top].mean() if top.any() else np.nan}
        rates["rate_rest"] = y[~top].mean() if (~top).any() else np.nan
        return {k: rates.get(k, np.nan) for k in keys}
    test = two_proportion_test(
        int(y[top].sum()),
        int(top.sum()),
        int(y[~top].sum()),
        int((~top).sum()),
        confidence=confidence,
    ).iloc[0]
    values = (test["p_a"], test["p_b"], test["difference"], test["ci_low"], test["ci_high"])
    return dict(zip(keys, (*values, test["p_value"]), strict=True))


def _slope_terms(x: np.ndarray, y: np.ndarray, confidence: float) -> dict[str, object]:
    """Logistic slope per 10 points with its Wald interval and p."""
    from mot.distributions import norm_ppf, norm_sf  # here: importing the package needs no scipy

    _, slope, se, converged = logistic_slope(x, y.astype("float64"))
    z_crit = norm_ppf((1 + confidence) / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = 2 * norm_sf(abs(slope / se)) if se > 0 else np.nan
    return {
        "slope_per_10": slope,
        "slope_se": se,
        "slope_ci_low": slope - z_crit * se,
        "slope_ci_high": slope + z_crit * se,
        "odds_ratio_per_10": float(np.exp(slope)),
        "slope_p_value": float(p),
        "converged": bool(converged),
    }
