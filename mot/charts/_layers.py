"""Layers shared by several charts: utilities, the mean emotion curve, peaks and troughs.

The three utilities' colours, shapes and tooltips (utilities chart and journey map); the
mean emotion curve with its band, the emotion axis and the peak / trough markers (emotion
curve and journey map).

A private module: its names are for the modules of :mod:`mot.charts` only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import numpy as np
import pandas as pd

from mot.charts._base import (
    SEGMENT,
    UTILITIES,
    all_finite,
    fixed_scale,
    inner_y_axis,
    optional_tips,
    require,
    segment_heading,
    tip,
    tp_x,
    with_labels,
)
from mot.charts.theme import BLUE, EXTREME_COLORS, UTILITY_COLORS, UTILITY_SHAPES


def utility_encodings(t: Mapping[str, str]) -> dict:
    """Fixed colour and shape of the three utilities (one merged legend)."""
    domain = [t[u] for u in UTILITIES]
    return {
        "color": alt.Color(
            "utility_label:N",
            title=t["utility"],
            sort=domain,
            scale=fixed_scale(UTILITIES, UTILITY_COLORS, t),
        ),
        "shape": alt.Shape(
            "utility_label:N",
            title=t["utility"],
            sort=domain,
            scale=alt.Scale(domain=domain, range=[UTILITY_SHAPES[u] for u in UTILITIES]),
        ),
    }


def utility_data(
    utilities: pd.DataFrame,
    by: str | None,
    labels: Mapping[str, str] | None,
    t: Mapping[str, str],
    order: Sequence[str] | None = None,
) -> tuple[pd.DataFrame, list[str]]:
    """Plain utilities with labels and translated utility names."""
    columns = ["utility", "n", "mean", "ci_low", "ci_high"]
    flags = [c for c in ("ci_clipped", "small_n") if c in utilities.columns]
    columns += [c for c in ("top2_share", *flags) if c in utilities.columns]
    data, order_labels = with_labels(utilities, columns + ([by] if by else []), labels, order)
    data = data.rename(columns={by: SEGMENT}) if by else data
    data["utility_label"] = data["utility"].map(lambda u: t.get(u, u) if u else u)
    for flag in flags:  # the flags of score_utilities as words
        data[f"{flag}_label"] = data[flag].map(lambda v: t["yes"] if pd.notna(v) and v else t["no"])
    return data, order_labels


def utility_tips(data: pd.DataFrame, t: Mapping[str, str], by: str | None) -> list:
    tips = [tip("label:N", t["touchpoint"])]
    if by:
        tips.append(tip(f"{SEGMENT}:N", segment_heading(t, by)))
    tips += [
        tip("utility_label:N", t["utility"]),
        tip("mean:Q", t["mean"], ".1f"),
        tip("ci_low:Q", t["ci_low"], ".1f"),
        tip("ci_high:Q", t["ci_high"], ".1f"),
        tip("n:Q", t["n"], ",d"),
    ]
    flags = [("ci_clipped_label:N", t["ci_clipped"], None), ("small_n_label:N", t["small_n"], None)]
    return tips + optional_tips(data, [("top2_share:Q", t["top2_share"], ".0%"), *flags])


def mean_curve_layers(
    data: pd.DataFrame,
    order: Sequence[str],
    t: Mapping[str, str],
    segments: tuple[str, list[str]] | None,
    x_axis: bool = True,
    y_inside: bool = False,
    y_scale: alt.Scale | None = None,
) -> tuple[alt.Chart, alt.Chart, alt.Chart]:
    """Band, line and point layers of a mean curve.

    ``segments`` is the (title, order) of the ``segment`` field when there is one curve per
    segment; ``y_inside`` draws the y axis inside the plot (:func:`inner_y_axis`);
    ``y_scale`` is the emotion scale (:func:`emotion_axis`). The band is clipped to the
    plot: an interval reaching past −100..+100 is cut at the scale's end.
    """
    x = tp_x(order, t["touchpoint"], axis=x_axis)
    y_title = t["emotion_mean"]
    y_axis = {"axis": inner_y_axis()} if y_inside else {}
    if y_scale is not None:
        y_axis["scale"] = y_scale
    tips = [tip("label:N", t["touchpoint"])]
    colour: dict = {}
    if segments:
        title, order_segments = segments
        tips.append(tip(f"{SEGMENT}:N", title))
        colour = {"color": alt.Color(f"{SEGMENT}:N", title=title, sort=order_segments)}
    band_tips = [
        *tips,
        tip("ci_low:Q", t["ci_low"], ".1f"),
        tip("ci_high:Q", t["ci_high"], ".1f"),
    ]
    point_tips = [*tips, tip("mean:Q", t["mean"], ".1f"), *band_tips[len(tips) :]]
    point_tips.append(tip("n:Q", t["n"], ",d"))
    base = alt.Chart(data).encode(x=x)
    single = {} if segments else {"color": BLUE}
    band = (
        base.transform_filter(all_finite("ci_low", "ci_high"))
        .mark_area(clip=True, **single)
        .encode(
            y=alt.Y("ci_low:Q", title=y_title, **y_axis),
            y2="ci_high:Q",
            tooltip=band_tips,
            **colour,
        )
    )
    y = alt.Y("mean:Q", title=y_title, **y_axis)
    line = (
        base.transform_filter(all_finite("mean"))
        .mark_line(**single)
        .encode(y=y, order=alt.Order("position:Q"), tooltip=point_tips[: len(tips) + 1], **colour)
    )
    points = base.mark_point(filled=True, opacity=1, **single).encode(
        y=y, tooltip=point_tips, **colour
    )
    return band, line, points


EMOTION_RANGE: tuple[float, float] = (-100.0, 100.0)
"""The emotion scale: an emotion axis never reaches past it."""


EXTREME_LABEL_PX = 36  # height of a "Peak" / "Trough" label and its gap, in large type


def label_room(height: float) -> float:
    """Share of an axis's span that a peak or trough label needs on a plot ``height`` high.

    The label needs ``EXTREME_LABEL_PX`` pixels; the span grows by that room at both ends,
    hence the share of the grown span: ``px / (1 - 2 px)`` with ``px`` the label's share of
    the height.
    """
    share = EXTREME_LABEL_PX / height
    return share / (1 - 2 * share)


def extremes_table(
    extremes: pd.DataFrame,
    curve: pd.DataFrame,
    order_ids: Sequence[str],
    labels: Mapping[str, str] | None,
    t: Mapping[str, str],
    by: str | None,
) -> tuple[pd.DataFrame, list[str]]:
    """The peaks and troughs, with ``text_y``: where each one's label sits.

    A label sits beyond the band (above a peak's ``ci_high``, below a trough's ``ci_low``),
    at the mean when the interval is missing, and within −100..+100.
    """
    needed = ["kind", "mean"] + ([by] if by else [])
    require(
        extremes,
        ["touchpoint", *needed],
        builder="emotion_curve_chart (extremes)",
        source="mot.curves.curve_extremes",
    )
    optional = [c for c in ("prominence",) if c in extremes.columns]
    data, order = with_labels(extremes, needed + optional, labels, order=order_ids)
    data["kind_label"] = data["kind"].map(lambda k: t.get(k, k) if k else k)
    data = data.rename(columns={by: SEGMENT}) if by else data
    keys = ["touchpoint"] + ([SEGMENT] if by else [])
    data = data.merge(curve[[*keys, "ci_low", "ci_high"]], on=keys, how="left")
    edge = data["ci_high"].where(data["kind"] == "peak", data["ci_low"])
    data["text_y"] = edge.where(edge.notna(), data["mean"]).clip(*EMOTION_RANGE)
    return data, order


def emotion_axis(
    values: Sequence[pd.Series], labelled: pd.DataFrame | None, height: float
) -> tuple[alt.Scale, pd.DataFrame | None]:
    """The emotion scale: neutral (0) and ``values``, within −100..+100, room for labels.

    ``labelled`` is the peaks and troughs whose label is drawn (:func:`extremes_table`): each
    label gets room beyond its point, and a label that would cross the neutral line moves to
    the far side of it (its ``text_y`` becomes 0). Returns the scale and a copy of
    ``labelled`` with the labels so placed.
    """
    numbers = pd.concat([pd.to_numeric(v, errors="coerce") for v in values], ignore_index=True)
    finite = numbers[np.isfinite(numbers)].clip(*EMOTION_RANGE)
    low = min(0.0, float(finite.min())) if len(finite) else 0.0
    high = max(0.0, float(finite.max())) if len(finite) else 0.0
    span = max(high - low, 10.0)
    if labelled is None or labelled.empty:
        pad = 0.04 * span
        low, high = low - pad, high + pad
    else:
        room = span * label_room(height)
        labelled = labelled.copy()
        peak = labelled["kind"] == "peak"
        text_y = labelled["text_y"]
        labelled.loc[peak & text_y.between(-room, 0), "text_y"] = 0.0
        labelled.loc[~peak & text_y.between(0, room), "text_y"] = 0.0
        tops, bottoms = labelled.loc[peak, "text_y"], labelled.loc[~peak, "text_y"]
        high = max(high, float(tops.max()) + room) if len(tops) else high
        low = min(low, float(bottoms.min()) - room) if len(bottoms) else low
    domain = [max(EMOTION_RANGE[0], low), min(EMOTION_RANGE[1], high)]
    return alt.Scale(domain=domain), labelled


def extreme_layers(
    data: pd.DataFrame,
    order: Sequence[str],
    t: Mapping[str, str],
    by: str | None,
    x_axis: bool = True,
) -> list[alt.Chart]:
    """Peak and trough markers (:func:`extremes_table`).

    Their text labels are drawn too when there is a single curve (no ``by``).
    """
    kinds = [t["peak"], t["trough"]]
    tips = [tip("label:N", t["touchpoint"])]
    tips += [tip(f"{SEGMENT}:N", segment_heading(t, by))] if by else []
    tips += [tip("kind_label:N", t["extreme"]), tip("mean:Q", t["mean"], ".1f")]
    tips += optional_tips(data, [("prominence:Q", t["prominence"], ".1f")])
    base = alt.Chart(data).encode(
        x=tp_x(order, t["touchpoint"], axis=x_axis),
        y=alt.Y("mean:Q", title=t["emotion_mean"]),
    )
    markers = base.mark_point(filled=True, opacity=1, style="mot_extreme").encode(
        fill=alt.Fill(
            "kind_label:N",
            title=t["extreme"],
            sort=kinds,
            scale=fixed_scale(("peak", "trough"), EXTREME_COLORS, t),
            legend=alt.Legend() if by else None,
        ),
        shape=alt.Shape(
            "kind_label:N",
            title=t["extreme"],
            sort=kinds,
            scale=alt.Scale(domain=kinds, range=["triangle-up", "triangle-down"]),
            legend=alt.Legend() if by else None,
        ),
        tooltip=tips,
    )
    if by:
        return [markers]
    texts = [
        base.transform_filter(alt.datum.kind == kind)
        .mark_text(style=f"mot_{kind}_label", color=EXTREME_COLORS[kind])
        .encode(y=alt.Y("text_y:Q", title=t["emotion_mean"]), text="kind_label:N", tooltip=tips)
        for kind in ("peak", "trough")
    ]
    return [markers, *texts]
