"""Charts of the Memory page: the peak-end rule's predictors and the remembered rating."""

from __future__ import annotations

import json
from collections.abc import Mapping

import altair as alt
import numpy as np
import pandas as pd

from mot.charts._base import (
    PREDICTORS,
    all_finite,
    merged_text,
    plain,
    reference_rule,
    require,
    require_unique,
    tip,
)
from mot.charts.theme import BLUE, GREY, ORANGE


def peak_end_chart(
    predictors: pd.DataFrame,
    *,
    text: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """Correlation of each curve summary with the remembered rating, peak-end highlighted.

    The summaries are named as in :mod:`mot.curves`: the peak-end average uses the most
    intense moment (farthest from neutral); the peak is the highest moment and the trough
    the lowest (the positive and negative peaks of Verhoef et al. 2004).

    Parameters
    ----------
    predictors : DataFrame
        ``PeakEndResult.to_frame()`` from :func:`mot.memory.peak_end`: ``predictor, n, r,
        ci_low, ci_high, p_value``, one row per predictor.
    text : Mapping[str, str], optional
        Overrides of the keys ``predictor, predictor_peak_end, predictor_mean,
        predictor_end, predictor_most_intense, predictor_peak, predictor_trough,
        r_with_remembered, r, ci_low, ci_high, n, p_value, no_difference``.

    Returns
    -------
    alt.LayerChart
        Layers: zero line, error bars, points, values; the peak-end row in blue, the others
        grey.

    Raises
    ------
    MotError
        If a column is missing or a predictor repeats.
    """
    t = merged_text(text)
    needed = ["predictor", "n", "r", "ci_low", "ci_high", "p_value"]
    require(
        predictors, needed, builder="peak_end_chart", source="mot.memory.peak_end(...).to_frame()"
    )
    require_unique(predictors, ["predictor"], builder="peak_end_chart")
    data = plain(predictors, needed)
    present = [str(p) for p in data["predictor"].dropna()]
    keys = [p for p in PREDICTORS if p in present] + [p for p in present if p not in PREDICTORS]
    names = {p: t.get(f"predictor_{p}", p) for p in keys}
    data["predictor_label"] = data["predictor"].map(names)
    order = [names[p] for p in keys]
    highlight = json.dumps(t["predictor_peak_end"], ensure_ascii=False)
    y = alt.Y(
        "predictor_label:N",
        sort=order,
        title=t["predictor"],
        axis=alt.Axis(labelFontWeight=alt.expr(f"datum.value === {highlight} ? 'bold' : 'normal'")),
    )
    tips = [
        tip("predictor_label:N", t["predictor"]),
        tip("r:Q", t["r"], ".3f"),
        tip("ci_low:Q", t["ci_low"], ".3f"),
        tip("ci_high:Q", t["ci_high"], ".3f"),
        tip("n:Q", t["n"], ",d"),
        tip("p_value:Q", t["p_value"], ".2g"),
    ]
    colour = alt.when(alt.datum.predictor == "peak_end").then(alt.value(BLUE))
    colour = colour.otherwise(alt.value(GREY))
    x = alt.X("r:Q", title=t["r_with_remembered"], scale=alt.Scale(domainMax=1, zero=True))
    base = alt.Chart(data).encode(y=y)
    errors = (
        base.transform_filter(all_finite("ci_low", "ci_high"))
        .mark_rule(style="mot_errorbar")
        .encode(
            x=alt.X("ci_low:Q", title=t["r_with_remembered"]),
            x2="ci_high:Q",
            color=colour,
            tooltip=tips,
        )
    )
    points = base.mark_point(filled=True, opacity=1).encode(x=x, color=colour, tooltip=tips)
    values = (
        base.transform_filter(all_finite("r"))
        .transform_calculate(text_x="isFinite(datum.ci_high) ? datum.ci_high : datum.r")
        .mark_text(style="mot_value_label", align="left", dx=8)
        .encode(x="text_x:Q", text=alt.Text("r:Q", format=".2f"), tooltip=tips)
    )
    zero = reference_rule(data, "x", 0, t["no_difference"])
    return (zero + errors + points + values).properties(width="container", height=alt.Step(44))


def memory_scatter_chart(
    points: pd.DataFrame,
    *,
    predictor: str | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """Scatter of the remembered rating against the peak-end average, with the fitted line.

    Survey answers sit on a few scale points, so many respondents share a position: each
    distinct (predictor, remembered) pair is one point sized by how many respondents it
    holds. The least-squares line and its R² are fitted on the respondents, not the points.

    Parameters
    ----------
    points : DataFrame
        One row per respondent with ``remembered`` (0–100) and the predictor: a column
        ``predicted``, or the ``peak_end`` column of :func:`mot.memory.memory_points`.
    predictor : str, optional
        The x column; default ``predicted`` when present, else ``peak_end``. Another
        summary of :func:`mot.memory.memory_points` (``mean``, ``end``, ``most_intense``,
        ``peak``, ``trough``) shows how much worse it predicts.
    text : Mapping[str, str], optional
        Overrides of the keys ``predicted`` (x title for ``predicted``/``peak_end``),
        ``predictor_mean``, ``predictor_end``, ``predictor_most_intense``,
        ``predictor_peak``, ``predictor_trough`` (x title for the other summaries),
        ``remembered, n_respondents, fitted_line, r_squared``.

    Returns
    -------
    alt.LayerChart
        Layers: points sized by respondents, least-squares line, R² label.

    Raises
    ------
    MotError
        If the predictor or ``remembered`` column is missing.
    """
    t = merged_text(text)
    if predictor is None:
        has_predicted = isinstance(points, pd.DataFrame) and "predicted" in points.columns
        predictor = "predicted" if has_predicted else "peak_end"
    require(
        points,
        [predictor, "remembered"],
        builder="memory_scatter_chart",
        source="mot.memory.memory_points",
    )
    data = plain(points, [predictor, "remembered"])
    data = data.rename(columns={predictor: "predicted"})
    generic = predictor in ("predicted", "peak_end")
    x_title = t["predicted"] if generic else t.get(f"predictor_{predictor}", predictor)
    x = alt.X("predicted:Q", title=x_title, scale=alt.Scale(domain=[-100, 100]))
    y = alt.Y("remembered:Q", title=t["remembered"], scale=alt.Scale(domain=[0, 100]))
    tips = [
        tip("predicted:Q", x_title, ".1f"),
        tip("remembered:Q", t["remembered"], ".1f"),
        tip("count():Q", t["n_respondents"], ",d"),
    ]
    finite = data[np.isfinite(data["predicted"]) & np.isfinite(data["remembered"])]
    # Aggregate here, not in Vega: a survey of 100,000 respondents would otherwise ship
    # every respondent to the browser.
    counts = finite.groupby(["predicted", "remembered"], as_index=False).size()
    dots = (
        alt.Chart(counts.rename(columns={"size": "respondents"}))
        .mark_circle(style="mot_dense", color=BLUE)
        .encode(
            x=x,
            y=y,
            size=alt.Size("respondents:Q", title=t["n_respondents"], scale=alt.Scale(zero=False)),
            tooltip=[*tips[:2], tip("respondents:Q", t["n_respondents"], ",d")],
        )
    )
    line, r_squared = _least_squares(finite["predicted"], finite["remembered"])
    fit = (
        alt.Chart(line)
        .mark_line(color=ORANGE)
        .encode(
            x=x,
            y=y,
            tooltip=[
                tip("predicted:Q", x_title, ".1f"),
                tip("remembered:Q", t["fitted_line"], ".1f"),
            ],
        )
    )
    label = f"{t['r_squared']} = {r_squared:.2f}" if np.isfinite(r_squared) else ""
    r2 = (
        alt.Chart(pd.DataFrame({"r2_label": [label], "rSquared": [r_squared]}))
        .mark_text(style="mot_value_label", align="left", baseline="top", fontWeight="bold")
        .encode(
            x=alt.value(8),
            y=alt.value(8),
            text="r2_label:N",
            tooltip=[tip("rSquared:Q", t["r_squared"], ".3f")],
        )
    )
    return (dots + fit + r2).properties(width="container", height=360)


def _least_squares(x: pd.Series, y: pd.Series) -> tuple[pd.DataFrame, float]:
    """The least-squares line over the range of ``x`` (two points) and its R²."""
    if len(x) < 2 or x.nunique() < 2:
        return pd.DataFrame({"predicted": [], "remembered": []}), float("nan")
    slope, intercept = np.polyfit(x.to_numpy(float), y.to_numpy(float), 1)
    r = np.corrcoef(x.to_numpy(float), y.to_numpy(float))[0, 1]
    ends = np.array([x.min(), x.max()])
    return pd.DataFrame({"predicted": ends, "remembered": intercept + slope * ends}), r * r
