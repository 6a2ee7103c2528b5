"""Charts of the Utilities page: the three utilities per touchpoint and their shifts."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import altair as alt
import pandas as pd

from mot.charts._base import (
    COMPARISONS,
    SCALE_TICKS,
    SEGMENT,
    VERDICTS,
    AnyChart,
    all_finite,
    merged_text,
    require,
    require_unique,
    segment_heading,
    segment_order,
    tip,
    tp_y,
    with_labels,
)
from mot.charts._layers import utility_data, utility_encodings, utility_tips
from mot.charts.theme import INK, LIGHT_GREY, VERDICT_COLORS

# A by-segment panel: three of them and the touchpoint labels fit the dashboard's chart width
# at 1280 pixels, in large type too (a faceted chart cannot stretch to its container).
_SEGMENT_PANEL_WIDTH = 150


def utilities_chart(
    utilities: pd.DataFrame,
    *,
    by: str | None = None,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> AnyChart:
    """Dumbbell of the three utilities per touchpoint, with confidence intervals.

    Each touchpoint is a row (journey order, top to bottom); its anticipated, experienced
    and retrospective means are points on one 0–100 axis, joined by a grey bar, each with
    its interval as a coloured error bar. With ``by``, one panel per segment (three per
    line), sharing both axes.

    Parameters
    ----------
    utilities : DataFrame
        The output of :func:`mot.scoring.score_utilities`: ``touchpoint, utility, n, mean,
        ci_low, ci_high`` (``top2_share`` is shown when present), plus ``by`` when given.
    by : str, optional
        The segment column of a table scored with ``by``.
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys ``touchpoint, utility, anticipated, experienced,
        retrospective, mean, mean_0_100, ci_low, ci_high, n, top2_share, lowest, highest``
        and ``by`` (the segment's title).

    Returns
    -------
    alt.LayerChart or alt.FacetChart
        Layers: connecting bar, error bars, points.

    Raises
    ------
    MotError
        If a column is missing or a touchpoint and utility repeat (a by-segment table
        passed without ``by``).
    """
    t = merged_text(text)
    needed = ["touchpoint", "utility", "n", "mean", "ci_low", "ci_high"]
    source = "mot.scoring.score_utilities"
    require(utilities, needed + ([by] if by else []), builder="utilities_chart", source=source)
    require_unique(
        utilities, ([by] if by else []) + ["touchpoint", "utility"], builder="utilities_chart"
    )
    data, order = utility_data(utilities, by, labels, t)
    x_scale = alt.Scale(domain=[0, 100])
    x_axis = alt.Axis(values=list(SCALE_TICKS))
    # A panel by segment is narrower than the axis title in large type: over two lines.
    x_title = textwrap.wrap(t["mean_0_100"], 16) if by else t["mean_0_100"]
    base = alt.Chart(data).encode(y=tp_y(order, t["touchpoint"]))
    connector = base.mark_rule(style="mot_connector").encode(
        x=alt.X("min(mean):Q", title=x_title, scale=x_scale, axis=x_axis),
        x2="max(mean):Q",
        tooltip=[
            tip("label:N", t["touchpoint"]),
            tip("min(mean):Q", t["lowest"], ".1f"),
            tip("max(mean):Q", t["highest"], ".1f"),
        ],
    )
    tips = utility_tips(data, t, by)
    encodings = utility_encodings(t)
    errors = (
        base.transform_filter(all_finite("ci_low", "ci_high"))
        .mark_rule(style="mot_errorbar")
        .encode(
            x=alt.X("ci_low:Q", title=x_title, scale=x_scale, axis=x_axis),
            x2="ci_high:Q",
            color=encodings["color"],
            tooltip=tips,
        )
    )
    points = base.mark_point(filled=True, opacity=1).encode(
        x=alt.X("mean:Q", title=x_title, scale=x_scale, axis=x_axis),
        tooltip=tips,
        **encodings,
    )
    layered = connector + errors + points
    if by is None:
        return layered.properties(width="container", height=alt.Step(40))
    return layered.properties(width=_SEGMENT_PANEL_WIDTH, height=alt.Step(34)).facet(
        facet=alt.Facet(
            f"{SEGMENT}:N", title=segment_heading(t, by), sort=segment_order(utilities, by)
        ),
        columns=3,
    )


def shifts_chart(
    shifts: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.FacetChart:
    """Diverging bars of the two utility shifts per touchpoint, coloured by verdict.

    Two panels side by side: experienced − anticipated (expectation exceeded, confirmed
    or disappointed) and retrospective − experienced (memory kinder, the same or
    harsher). Each bar is the mean paired difference with its interval; green is better,
    vermillion worse, grey no clear difference.

    Parameters
    ----------
    shifts : DataFrame
        The output of :func:`mot.scoring.utility_shifts` (without ``by``): ``touchpoint,
        comparison, n, mean_diff, ci_low, ci_high, p_value, verdict``.
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys ``touchpoint, comparison, experienced_vs_anticipated,
        retrospective_vs_experienced, mean_diff, ci_low, ci_high, n, p_value, verdict,
        exceeded, confirmed, disappointed, kinder, same, harsher, no_verdict,
        no_difference``.

    Returns
    -------
    alt.FacetChart
        One panel per comparison; layers: bars, error bars, zero line.

    Raises
    ------
    MotError
        If a column is missing or a touchpoint and comparison repeat.
    """
    t = merged_text(text)
    needed = ["touchpoint", "comparison", "n", "mean_diff", "ci_low", "ci_high", "p_value"]
    needed.append("verdict")
    require(shifts, needed, builder="shifts_chart", source="mot.scoring.utility_shifts")
    require_unique(shifts, ["touchpoint", "comparison"], builder="shifts_chart")
    data, order = with_labels(shifts, needed[1:], labels)
    data["comparison_label"] = data["comparison"].map(lambda c: t.get(c, c) if c else c)
    data["verdict_label"] = data["verdict"].map(lambda v: t.get(v, v) if v else t["no_verdict"])
    present = [v for v in VERDICTS if v in set(data["verdict"].dropna())]
    has_missing = bool(data["verdict"].isna().any())
    domain = [t[v] for v in present] + ([t["no_verdict"]] if has_missing else [])
    colors = [VERDICT_COLORS[v] for v in present] + ([LIGHT_GREY] if has_missing else [])
    tips = [
        tip("label:N", t["touchpoint"]),
        tip("comparison_label:N", t["comparison"]),
        tip("mean_diff:Q", t["mean_diff"], "+.1f"),
        tip("ci_low:Q", t["ci_low"], "+.1f"),
        tip("ci_high:Q", t["ci_high"], "+.1f"),
        tip("n:Q", t["n"], ",d"),
        tip("p_value:Q", t["p_value"], ".2g"),
        tip("verdict_label:N", t["verdict"]),
    ]
    x = alt.X("mean_diff:Q", title=t["mean_diff"])
    base = alt.Chart(data).encode(y=tp_y(order, t["touchpoint"]))
    bars = base.mark_bar().encode(
        x=x,
        color=alt.Color(
            "verdict_label:N",
            title=t["verdict"],
            sort=domain,
            scale=alt.Scale(domain=domain, range=colors),
        ),
        tooltip=tips,
    )
    errors = (
        base.transform_filter(all_finite("ci_low", "ci_high"))
        .mark_rule(style="mot_errorbar", color=INK)
        .encode(x=alt.X("ci_low:Q", title=t["mean_diff"]), x2="ci_high:Q", tooltip=tips)
    )
    zero = base.mark_rule(color=INK).encode(x=alt.datum(0), tooltip=alt.value(t["no_difference"]))
    comparisons = [t[c] for c in COMPARISONS]
    return (
        (bars + errors + zero)
        .properties(width=240, height=alt.Step(34))
        .facet(column=alt.Column("comparison_label:N", title=None, sort=comparisons))
    )
