"""Charts of the Drivers page: driver importance, group comparisons and NPS."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from mot.charts._base import (
    NPS_CLASSES,
    all_finite,
    fixed_scale,
    merged_text,
    optional_tips,
    plain,
    reference_rule,
    require,
    require_unique,
    segment_heading,
    segment_order,
    tip,
    tp_y,
    with_labels,
)
from mot.charts.theme import BLUE, INK, NPS_COLORS
from mot.errors import MotError
from mot.messages import Message


def drivers_chart(
    drivers: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """Relative importance of each touchpoint for the outcome: share of R², with its interval.

    Bars give ``share`` (the touchpoint's part of the explained variance), error bars the
    bootstrap interval of the raw weight divided by R², and the text beside each bar the
    touchpoint's plain correlation r with the outcome. Touchpoints in journey order.

    Parameters
    ----------
    drivers : DataFrame
        The output of :func:`mot.drivers.driver_importance`: ``touchpoint, n, r,
        raw_weight, raw_weight_ci_low, raw_weight_ci_high, share, r2`` (``r_p_value``,
        ``n_excluded`` shown when present).
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys ``touchpoint, share, ci_low, ci_high, correlation, r,
        r_p_value, raw_weight, r2, n, n_excluded``.

    Returns
    -------
    alt.LayerChart
        Layers: bars, error bars, r labels.

    Raises
    ------
    MotError
        If a column is missing or a touchpoint repeats.
    """
    t = merged_text(text)
    needed = ["touchpoint", "n", "r", "raw_weight", "raw_weight_ci_low", "raw_weight_ci_high"]
    needed += ["share", "r2"]
    require(drivers, needed, builder="drivers_chart", source="mot.drivers.driver_importance")
    require_unique(drivers, ["touchpoint"], builder="drivers_chart")
    extra = [c for c in ("r_p_value", "n_excluded") if c in drivers.columns]
    data, order = with_labels(drivers, needed[1:] + extra, labels)
    r2 = data["r2"].where(data["r2"] > 0)
    data["share_ci_low"] = data["raw_weight_ci_low"] / r2
    data["share_ci_high"] = data["raw_weight_ci_high"] / r2
    data["text_x"] = data[["share", "share_ci_high"]].max(axis=1, skipna=True)
    tips = [
        tip("label:N", t["touchpoint"]),
        tip("share:Q", t["share"], ".1%"),
        tip("share_ci_low:Q", t["ci_low"], ".1%"),
        tip("share_ci_high:Q", t["ci_high"], ".1%"),
        tip("r:Q", t["correlation"], ".2f"),
        *optional_tips(data, [("r_p_value:Q", t["r_p_value"], ".2g")]),
        tip("raw_weight:Q", t["raw_weight"], ".3f"),
        tip("r2:Q", t["r2"], ".3f"),
        tip("n:Q", t["n"], ",d"),
        *optional_tips(data, [("n_excluded:Q", t["n_excluded"], ",d")]),
    ]
    x = alt.X("share:Q", title=t["share"], axis=alt.Axis(format=".0%"))
    base = alt.Chart(data).encode(y=tp_y(order, t["touchpoint"]))
    bars = base.mark_bar(color=BLUE).encode(x=x, tooltip=tips)
    errors = (
        base.transform_filter(all_finite("share_ci_low", "share_ci_high"))
        .mark_rule(style="mot_errorbar", color=INK)
        .encode(x=alt.X("share_ci_low:Q", title=t["share"]), x2="share_ci_high:Q", tooltip=tips)
    )
    prefix = json.dumps(f"{t['r']} = ", ensure_ascii=False)
    values = (
        base.transform_filter(all_finite("r", "text_x"))
        .transform_calculate(r_label=f"{prefix} + format(datum.r, '.2f')")
        .mark_text(style="mot_value_label", align="left", dx=8)
        .encode(x=alt.X("text_x:Q", title=t["share"]), text="r_label:N", tooltip=tips)
    )
    return (bars + errors + values).properties(width="container", height=alt.Step(40))


_COMPARISON_TIPS = (
    ("n_a", ":Q", "n", ",d"),
    ("n_b", ":Q", "n", ",d"),
    ("mean_a", ":Q", "mean_a", ".1f"),
    ("mean_b", ":Q", "mean_b", ".1f"),
    ("test", ":N", "test", None),
    ("p_value", ":Q", "p_value", ".2g"),
    ("effect_size", ":Q", "effect_size", ".2f"),
)


def _comparison_tips(data: pd.DataFrame, t: Mapping[str, str]) -> list:
    tips = [
        tip("label:N", t["touchpoint"]),
        tip("pair_label:N", t["pair"]),
        tip("difference:Q", t["difference"], "+.1f"),
        tip("ci_low:Q", t["ci_low"], "+.1f"),
        tip("ci_high:Q", t["ci_high"], "+.1f"),
        tip("p_adjusted:Q", t["p_adjusted"], ".2g"),
        tip("significant_label:N", t["significant"]),
    ]
    for column, kind, key, fmt in _COMPARISON_TIPS:
        if column in data.columns:
            title = f"{t[key]} ({column[-1]})" if column.startswith("n_") else t[key]
            tips.append(tip(column + kind, title, fmt))
    return tips


def _significance_encodings(t: Mapping[str, str], pairs: Sequence[str]) -> tuple:
    """Fill and opacity: significant rows filled and opaque, the others hollow and faded."""
    fill = alt.when(alt.datum.is_significant).then(
        alt.Fill("pair_label:N", sort=list(pairs), legend=None)
    )
    opacity = alt.Opacity(
        "significant_label:N",
        title=t["significant"],
        sort=[t["yes"], t["no"]],
        scale=alt.Scale(domain=[t["yes"], t["no"]], range=[1.0, 0.45]),
    )
    return fill.otherwise(alt.value("white")), opacity


def comparison_chart(
    comparison: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """Group differences per touchpoint with intervals; significant ones filled.

    One row per touchpoint (journey order) and pair of groups (side by side within the
    touchpoint, coloured by pair): the difference ``mean_a − mean_b`` as a point with its
    interval; filled when significant after the multiple-comparison correction, hollow
    otherwise; a dashed line at zero.

    Parameters
    ----------
    comparison : DataFrame
        The output of :func:`mot.compare.compare_groups`: ``touchpoint, group_a, group_b,
        difference, ci_low, ci_high, p_adjusted, significant`` (``n_a, n_b, mean_a,
        mean_b, test, p_value, effect_size`` shown when present).
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys ``touchpoint, pair, difference, ci_low, ci_high, p_adjusted,
        significant, yes, no, n, mean_a, mean_b, test, p_value, effect_size,
        no_difference``.

    Returns
    -------
    alt.LayerChart
        Layers: zero line, error bars, points.

    Raises
    ------
    MotError
        If a column is missing or a touchpoint and pair repeat.
    """
    t = merged_text(text)
    needed = ["touchpoint", "group_a", "group_b", "difference", "ci_low", "ci_high"]
    needed += ["p_adjusted", "significant"]
    require(comparison, needed, builder="comparison_chart", source="mot.compare.compare_groups")
    require_unique(comparison, ["touchpoint", "group_a", "group_b"], builder="comparison_chart")
    extra = [c for c, *_ in _COMPARISON_TIPS if c in comparison.columns]
    data, order = with_labels(comparison, needed[1:] + extra, labels)
    data["pair_label"] = data["group_a"].astype(str) + " − " + data["group_b"].astype(str)
    significant = data["significant"].map(lambda s: bool(s) if s is not None else False)
    data["significant_label"] = significant.map({True: t["yes"], False: t["no"]})
    pairs = list(dict.fromkeys(data["pair_label"]))
    data["is_significant"] = significant
    tips = _comparison_tips(data, t)
    fill, opacity = _significance_encodings(t, pairs)
    x = alt.X("difference:Q", title=t["difference"])
    pair_colour = alt.Color("pair_label:N", title=t["pair"], sort=pairs)
    base = alt.Chart(data).encode(
        y=tp_y(order, t["touchpoint"]), yOffset=alt.YOffset("pair_label:N", sort=pairs)
    )
    errors = (
        base.transform_filter(all_finite("ci_low", "ci_high"))
        .mark_rule(style="mot_errorbar")
        .encode(
            x=alt.X("ci_low:Q", title=t["difference"]),
            x2="ci_high:Q",
            color=pair_colour,
            opacity=opacity,
            tooltip=tips,
        )
    )
    points = base.mark_point(filled=False).encode(
        x=x, color=pair_colour, fill=fill, opacity=opacity, tooltip=tips
    )
    zero = reference_rule(data, "x", 0, t["no_difference"])
    # A touchpoint's row is at least 28 pixels high, room for its label in large type too.
    step = alt.Step(max(16, round(28 / max(len(pairs), 1))), **{"for": "offset"})
    return (zero + errors + points).properties(width="container", height=step)


def nps_chart(
    nps_table: pd.DataFrame,
    *,
    by: str | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.HConcatChart:
    """Net Promoter Score with its interval, and the promoter / passive / detractor split.

    Left: the score per segment (or for everyone) as a bar with its interval on −100..+100.
    Right: each segment's answers as a 100% stacked bar, detractors (vermillion), passives
    (grey), promoters (green).

    Parameters
    ----------
    nps_table : DataFrame
        The output of :func:`mot.wom.nps`: ``n, promoters, passives, detractors, score,
        ci_low, ci_high``, plus ``by`` when given.
    by : str, optional
        The segment column of a table computed with ``by``.
    text : Mapping[str, str], optional
        Overrides of the keys ``nps, all_respondents, ci_low, ci_high, n, answer,
        promoters, passives, detractors, share_of_respondents, n_respondents,
        no_difference`` and ``by``.

    Returns
    -------
    alt.HConcatChart
        Score panel and answer-split panel, rows aligned.

    Raises
    ------
    MotError
        If a column is missing, or the table has several rows and ``by`` is not given.
    """
    t = merged_text(text)
    needed = ["n", "promoters", "passives", "detractors", "score", "ci_low", "ci_high"]
    require(nps_table, needed + ([by] if by else []), builder="nps_chart", source="mot.wom.nps")
    if by is None and len(nps_table) > 1:
        message = Message("charts.nps_rows", n=len(nps_table))
        raise MotError(message)
    data = plain(nps_table, needed + ([by] if by else []))
    data["segment"] = data[by] if by else t["all_respondents"]
    segments = segment_order(nps_table, by) if by else [t["all_respondents"]]
    segment_title = segment_heading(t, by) if by else t["all_respondents"]
    y = alt.Y("segment:N", sort=segments, title=segment_title if by else None)
    tips = [
        tip("segment:N", segment_title),
        tip("score:Q", t["nps"], "+.1f"),
        tip("ci_low:Q", t["ci_low"], "+.1f"),
        tip("ci_high:Q", t["ci_high"], "+.1f"),
        tip("n:Q", t["n"], ",d"),
    ]
    x = alt.X(
        "score:Q",
        title=t["nps"],
        scale=alt.Scale(domain=[-100, 100]),
        axis=alt.Axis(values=[-100, -50, 0, 50, 100]),
    )
    # The score is written beyond the bar and its interval: right of a positive score, left
    # of a negative one.
    positive = data["score"] >= 0
    data["text_x"] = (
        data[["score", "ci_high"]]
        .max(axis=1)
        .where(positive, data[["score", "ci_low"]].min(axis=1))
    )
    data["text_align"] = positive.map({True: "left", False: "right"})
    base = alt.Chart(data).encode(y=y)
    values = [
        base.transform_filter(all_finite("score", "text_x"))
        .transform_filter(alt.datum.text_align == align)
        .mark_text(style="mot_value_label", align=align, dx=6 if align == "left" else -6)
        .encode(
            x=alt.X("text_x:Q", title=t["nps"]),
            text=alt.Text("score:Q", format="+.0f"),
            tooltip=tips,
        )
        for align in ("left", "right")
    ]
    score = (
        reference_rule(data, "x", 0, t["no_difference"])
        + base.mark_bar(color=BLUE, opacity=0.85).encode(x=x, tooltip=tips)
        + base.transform_filter(all_finite("ci_low", "ci_high"))
        .mark_rule(style="mot_errorbar", color=INK)
        .encode(x=alt.X("ci_low:Q", title=t["nps"]), x2="ci_high:Q", tooltip=tips)
        + values[0]
        + values[1]
    ).properties(width=300, height=alt.Step(40))
    return alt.hconcat(score, _nps_split(data, segments, segment_title, t), spacing=24)


def _nps_split(
    data: pd.DataFrame, segments: Sequence[str], segment_title: str, t: Mapping[str, str]
) -> alt.Chart:
    """100% stacked bars of detractors, passives and promoters per segment."""
    long = data.melt(
        id_vars=["segment", "n"],
        value_vars=list(NPS_CLASSES),
        var_name="answer",
        value_name="count",
    )
    long["answer"] = long["answer"].astype(object)
    long["answer_label"] = long["answer"].map(t)
    long["share"] = long["count"] / long["n"].where(long["n"] > 0)
    long["stack_order"] = long["answer"].map({c: k for k, c in enumerate(NPS_CLASSES)})
    domain = [t[c] for c in NPS_CLASSES]
    return (
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=alt.Y("segment:N", sort=list(segments), axis=None),
            x=alt.X(
                "share:Q",
                title=t["share_of_respondents"],
                stack="zero",
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format=".0%"),
            ),
            color=alt.Color(
                "answer_label:N",
                title=t["answer"],
                sort=domain,
                scale=fixed_scale(NPS_CLASSES, NPS_COLORS, t),
            ),
            order=alt.Order("stack_order:Q"),
            tooltip=[
                tip("segment:N", segment_title),
                tip("answer_label:N", t["answer"]),
                tip("share:Q", t["share_of_respondents"], ".1%"),
                tip("count:Q", t["n_respondents"], ",d"),
            ],
        )
        .properties(width=300, height=alt.Step(40))
    )
