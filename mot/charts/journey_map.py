"""The Overview's journey map: moments of truth, emotion curve and utilities on one x axis."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from mot.charts._base import (
    TITLE_LIMIT,
    UTILITIES,
    all_finite,
    inner_y_axis,
    journey_order,
    merged_text,
    panel_title,
    reference_rule,
    require,
    require_unique,
    tip,
    tp_x,
    with_labels,
)
from mot.charts._layers import (
    emotion_axis,
    extreme_layers,
    extremes_table,
    mean_curve_layers,
    utility_data,
    utility_encodings,
    utility_tips,
)
from mot.charts.theme import BLUE, GREEN, INK, LIGHT_GREY, ORANGE

_MAP_CURVE_HEIGHT = 240  # the journey map's emotion panel


def _action_flags(
    journey: pd.DataFrame, actions: pd.DataFrame, order: Sequence[str], t: Mapping[str, str]
) -> alt.Chart:
    """A flag with the count of actions right of each touchpoint's stop.

    Orange while some are not done, green when all are; the titles in the tooltip.
    """
    require(
        actions,
        ["touchpoint", "n", "n_open", "titles"],
        builder="journey_map_chart (actions)",
        source="mot.actions.action_markers",
    )
    shown = actions[actions["touchpoint"].isin(journey["touchpoint"])]
    flags = shown.merge(journey[["touchpoint", "label"]], on="touchpoint").assign(
        flag=lambda f: "⚑ " + f["n"].astype(str),
        state=lambda f: (f["n_open"] > 0).map({True: "open", False: "done"}),
    )
    tips = [
        tip("label:N", t["touchpoint"]),
        tip("n:Q", t["actions"]),
        tip("n_open:Q", t["actions_open"]),
        tip("titles:N", t["action_titles"]),
    ]
    colour = alt.Color(
        "state:N", scale=alt.Scale(domain=["open", "done"], range=[ORANGE, GREEN]), legend=None
    )
    return (
        alt.Chart(flags)
        .mark_text(align="left", baseline="middle", dx=9, fontWeight="bold")
        .encode(
            x=tp_x(order, None, axis=False),
            y=alt.value(46),
            text="flag:N",
            color=colour,
            tooltip=tips,
        )
    )


def _moment_band(
    journey: pd.DataFrame,
    order: Sequence[str],
    t: Mapping[str, str],
    actions: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Top band: the journey as a line of stops, moment-of-truth key above, label below.

    With ``actions``, a flag beside each touchpoint that has corrective actions.
    """
    journey = journey.assign(
        label_lines=[
            "\n".join(textwrap.wrap(label, TITLE_LIMIT)) if label else ""
            for label in journey["label"]
        ]
    )
    tips = [tip("label:N", t["touchpoint"]), tip("moment:N", t["moment"])]
    base = alt.Chart(journey).encode(x=tp_x(order, None, axis=False))
    path = base.mark_line(color=LIGHT_GREY).encode(
        y=alt.value(46), order=alt.Order("position:Q"), tooltip=tips
    )
    stops = base.mark_circle(color=INK, opacity=1).encode(y=alt.value(46), tooltip=tips)
    keys = base.mark_text(style="mot_moment", color=BLUE, baseline="bottom").encode(
        y=alt.value(32), text="moment:N", tooltip=tips
    )
    names = base.mark_text(baseline="top", lineBreak="\n").encode(
        y=alt.value(60), text="label_lines:N", tooltip=tips
    )
    layers = [path, stops, keys, names]
    if actions is not None and len(actions):
        layers.append(_action_flags(journey, actions, order, t))
    return alt.layer(*layers).properties(width="container", height=130)


def _utility_strip(
    utilities: pd.DataFrame,
    order_ids: Sequence[str],
    labels: Mapping[str, str] | None,
    t: Mapping[str, str],
) -> alt.LayerChart:
    """Bottom panel: the three utilities per touchpoint, side by side, with intervals."""
    require(
        utilities,
        ["touchpoint", "utility", "n", "mean", "ci_low", "ci_high"],
        builder="journey_map_chart (utilities)",
        source="mot.scoring.score_utilities",
    )
    require_unique(utilities, ["touchpoint", "utility"], builder="journey_map_chart")
    data, order = utility_data(utilities, None, labels, t, order=order_ids)
    encodings = utility_encodings(t)
    tips = utility_tips(data, t, None)
    y_title = t["mean_0_100"]
    base = alt.Chart(data).encode(
        x=tp_x(order, t["touchpoint"]),
        # The three points keep to the middle of their touchpoint's band, clear of the
        # inner y axis's labels at the left edge.
        xOffset=alt.XOffset(
            "utility_label:N",
            sort=[t[u] for u in UTILITIES],
            scale=alt.Scale(paddingOuter=0.6),
        ),
    )
    y = {"title": y_title, "scale": alt.Scale(zero=False), "axis": inner_y_axis()}
    errors = (
        base.transform_filter(all_finite("ci_low", "ci_high"))
        .mark_rule(style="mot_errorbar")
        .encode(y=alt.Y("ci_low:Q", **y), y2="ci_high:Q", color=encodings["color"], tooltip=tips)
    )
    points = base.mark_point(filled=True, opacity=1).encode(
        y=alt.Y("mean:Q", **y), tooltip=tips, **encodings
    )
    return (errors + points).properties(width="container", height=200, title=panel_title(y_title))


def journey_map_chart(
    journey_frame: pd.DataFrame,
    curve: pd.DataFrame,
    utilities: pd.DataFrame,
    *,
    extremes: pd.DataFrame | None = None,
    actions: pd.DataFrame | None = None,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.VConcatChart:
    """The overview's journey map: moments of truth, emotion curve and utilities, aligned.

    Three panels share one x axis of touchpoints in journey order: on top the journey as a
    line of stops with the moment-of-truth key (ZMOT…UMOT) above each tagged touchpoint;
    in the middle the emotion curve with its band and, with ``extremes``, the peaks and
    troughs; below, the anticipated, experienced and retrospective means per touchpoint.
    With ``actions``, a flag "⚑ n" beside each touchpoint's stop counts its corrective
    actions (orange while some are not done, green when all are; titles in the tooltip).

    Parameters
    ----------
    journey_frame : DataFrame
        ``Journey.to_frame()``: ``position, touchpoint, moment`` (other columns ignored).
        It fixes the order and the touchpoints shown.
    curve : DataFrame
        The output of :func:`mot.curves.emotion_curve` (without ``by``).
    utilities : DataFrame
        The output of :func:`mot.scoring.score_utilities` (without ``by``).
    extremes : DataFrame, optional
        The output of :func:`mot.curves.curve_extremes` on ``curve``.
    actions : DataFrame, optional
        The output of :func:`mot.actions.action_markers`; touchpoints not on the journey
        are left out.
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys of :func:`emotion_curve_chart` and :func:`utilities_chart`,
        ``moment`` and ``actions``, ``actions_open``, ``action_titles``.

    Returns
    -------
    alt.VConcatChart
        Three panels sharing the x scale.

    Raises
    ------
    MotError
        If a column is missing or a touchpoint repeats.
    """
    t = merged_text(text)
    require(
        journey_frame,
        ["position", "touchpoint", "moment"],
        builder="journey_map_chart",
        source="Journey.to_frame()",
    )
    require(
        curve,
        ["touchpoint", "n", "mean", "ci_low", "ci_high"],
        builder="journey_map_chart (curve)",
        source="mot.curves.emotion_curve",
    )
    require_unique(curve, ["touchpoint"], builder="journey_map_chart")
    order_ids = journey_order(journey_frame)
    journey, order = with_labels(journey_frame, ["moment"], labels, order=order_ids)
    journey["moment"] = journey["moment"].fillna("")
    data, _ = with_labels(curve, ["n", "mean", "ci_low", "ci_high"], labels, order=order_ids)
    extreme_data = None
    if extremes is not None:
        extreme_data, extreme_order = extremes_table(extremes, data, order_ids, labels, t, None)
    values = [data["ci_low"], data["ci_high"], data["mean"]]
    y_scale, extreme_data = emotion_axis(values, extreme_data, _MAP_CURVE_HEIGHT)
    band, line, points = mean_curve_layers(
        data, order, t, None, x_axis=False, y_inside=True, y_scale=y_scale
    )
    curve_layers = [band, reference_rule(data, "y", 0, t["neutral"]), line, points]
    if extreme_data is not None:
        curve_layers += extreme_layers(extreme_data, extreme_order, t, None, x_axis=False)
    emotion = alt.layer(*curve_layers).properties(
        width="container", height=_MAP_CURVE_HEIGHT, title=panel_title(t["emotion_mean"])
    )
    strip = _utility_strip(utilities, order_ids, labels, t)
    band = _moment_band(journey, order, t, actions)
    return alt.vconcat(band, emotion, strip, spacing=14).resolve_scale(
        x="shared", color="independent", shape="independent", fill="independent"
    )
