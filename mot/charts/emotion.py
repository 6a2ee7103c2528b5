"""Charts of the Emotion page: the emotion curve and where respondents' own extremes fall.

The emotion curve carries a point selection named ``"pick"`` on the field ``touchpoint``:
with ``st.altair_chart(chart, on_select="rerun")`` the clicked touchpoint id is in
``event.selection["pick"]``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from mot.charts._base import (
    SEGMENT,
    all_finite,
    fixed_scale,
    journey_order,
    merged_text,
    reference_rule,
    require,
    require_unique,
    segment_heading,
    segment_order,
    tip,
    tp_x,
    with_labels,
)
from mot.charts._layers import emotion_axis, extreme_layers, extremes_table, mean_curve_layers
from mot.charts.theme import EXTREME_COLORS, ORANGE
from mot.errors import MotError
from mot.messages import Message

_CURVE_HEIGHT = 320  # the emotion curve's plot


def _individual_layer(
    individual: pd.DataFrame,
    order_ids: Sequence[str],
    labels: Mapping[str, str] | None,
    t: Mapping[str, str],
) -> alt.Chart:
    """Thin grey line per respondent, behind the mean curve."""
    require(
        individual,
        ["respondent_id", "touchpoint", "value"],
        builder="emotion_curve_chart (individual)",
        source="the emotion ratings (respondent_id, touchpoint, value)",
    )
    keep = individual["touchpoint"].astype(str).isin(set(order_ids)).to_numpy()
    data, order = with_labels(individual[keep], ["respondent_id", "value"], labels, order=order_ids)
    return (
        alt.Chart(data)
        .transform_filter(all_finite("value"))
        .mark_line(style="mot_background")
        .encode(
            x=tp_x(order, t["touchpoint"]),
            y=alt.Y("value:Q", title=t["emotion_mean"]),
            detail="respondent_id:N",
            order=alt.Order("position:Q"),
            tooltip=[
                tip("respondent_id:N", t["respondent"]),
                tip("label:N", t["touchpoint"]),
                tip("value:Q", t["emotion"], ".0f"),
            ],
        )
    )


_HIGHLIGHT_BAND_PX = 48  # the band behind a highlighted touchpoint (a rule's width: the mark
# config's width of rules would override a style's)


def _highlight_layers(
    data: pd.DataFrame, order: Sequence[str], highlight: str, t: Mapping[str, str], y_scale
) -> tuple[alt.Chart, alt.Chart]:
    """A band behind the touchpoint ``highlight`` and a ring around its point on the curve.

    The band spans the plot's height at the touchpoint's place on the x axis; the ring is
    orange and open, so that a peak or trough marker stays visible inside it. A
    ``highlight`` that is not on the curve draws nothing.
    """
    shown = data[data["touchpoint"].astype(str) == str(highlight)]
    tips = [tip("label:N", t["touchpoint"]), tip("mean:Q", t["mean"], ".1f")]
    x = tp_x(order, t["touchpoint"])
    band = (
        alt.Chart(shown)
        .mark_rule(color=ORANGE, opacity=0.22, strokeWidth=_HIGHLIGHT_BAND_PX)
        .encode(x=x, tooltip=tips)
    )
    ring = (
        alt.Chart(shown)
        .transform_filter(all_finite("mean"))
        .mark_point(filled=False, opacity=1, color=ORANGE, style="mot_highlight")
        .encode(x=x, y=alt.Y("mean:Q", title=t["emotion_mean"], scale=y_scale), tooltip=tips)
    )
    return band, ring


def emotion_curve_chart(
    curve: pd.DataFrame,
    *,
    extremes: pd.DataFrame | None = None,
    by: str | None = None,
    individual: pd.DataFrame | None = None,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
    selectable: bool = True,
    highlight: str | None = None,
    height: int = _CURVE_HEIGHT,
) -> alt.LayerChart:
    """The journey's emotion curve: mean per touchpoint with its interval band, peaks, troughs.

    Touchpoints run along x in journey order; a dashed line marks neutral (0). With
    ``extremes`` the peaks (green, ▲) and troughs (vermillion, ▼) are marked, and labelled
    "Peak" / "Trough" when there is a single curve. With ``by`` there is one coloured curve
    per segment. With ``individual`` each respondent's curve is a thin grey line behind
    (pass a sample of a few hundred respondents: every line is drawn). With ``highlight``
    one touchpoint stands out: a band behind it across the plot and a larger orange point
    ring on the mean curve (the presenter view's slide of that touchpoint).

    Parameters
    ----------
    curve : DataFrame
        The output of :func:`mot.curves.emotion_curve`: ``touchpoint, position, n, mean,
        ci_low, ci_high``, plus ``by`` when given.
    extremes : DataFrame, optional
        The output of :func:`mot.curves.curve_extremes` on ``curve``: ``touchpoint, kind,
        mean`` (``prominence`` shown when present), plus ``by`` when given.
    by : str, optional
        The segment column of a curve computed with ``by``.
    individual : DataFrame, optional
        Long table ``respondent_id, touchpoint, value`` (value −100..+100). Touchpoints
        not on the curve are left out.
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys ``touchpoint, emotion_mean, mean, ci_low, ci_high, n,
        neutral, peak, trough, extreme, prominence, respondent, emotion`` and ``by``.
    selectable : bool, default True
        Add the point selection ``"pick"`` (field ``touchpoint``, on click) to the points,
        for ``st.altair_chart(..., on_select="rerun")``. Unpicked points fade.
    highlight : str, optional
        A touchpoint id to highlight (without ``by``); an id not on the curve highlights
        nothing.
    height : int, default 320
        The plot's height in pixels (the presenter view's slide takes a lower one).

    Returns
    -------
    alt.LayerChart
        Layers: the highlight's band (optional), individual lines (optional), band,
        neutral line, mean line, points, extreme markers and labels (optional), the
        highlight's ring (optional).

    Raises
    ------
    MotError
        If a column is missing or a touchpoint repeats within a curve, or ``highlight`` is
        given with ``by``.

    Examples
    --------
    >>> curve = pd.DataFrame({"touchpoint": ["FMOT", "TMOT"], "n": [40, 40],
    ...                       "mean": [12.0, -20.0], "ci_low": [5.0, -28.0],
    ...                       "ci_high": [19.0, -12.0]})
    >>> spec = emotion_curve_chart(curve, highlight="TMOT", selectable=False).to_dict()
    >>> [layer["mark"]["type"] for layer in spec["layer"]]
    ['rule', 'area', 'rule', 'line', 'point', 'point']
    """
    t = merged_text(text)
    if highlight is not None and by:
        raise MotError(Message("charts.highlight_with_by"))
    needed = ["touchpoint", "n", "mean", "ci_low", "ci_high"] + ([by] if by else [])
    source = "mot.curves.emotion_curve"
    require(curve, needed, builder="emotion_curve_chart", source=source)
    require_unique(curve, ([by] if by else []) + ["touchpoint"], builder="emotion_curve_chart")
    order_ids = journey_order(curve)
    data, order = with_labels(curve, needed[1:], labels, order=order_ids)
    segments = None
    if by:
        data = data.rename(columns={by: SEGMENT})
        segments = (segment_heading(t, by), segment_order(curve, by))
    extreme_data = None
    if extremes is not None:
        extreme_data, extreme_order = extremes_table(extremes, data, order_ids, labels, t, by)
    values = [data["ci_low"], data["ci_high"], data["mean"]]
    if individual is not None and "value" in individual.columns:
        values.append(individual["value"])
    y_scale, placed = emotion_axis(values, None if by else extreme_data, height)
    extreme_data = extreme_data if by else placed
    band, line, points = mean_curve_layers(data, order, t, segments, y_scale=y_scale)
    if selectable:
        pick = alt.selection_point(name="pick", fields=["touchpoint"], on="click")
        faded = alt.when(pick).then(alt.value(1.0)).otherwise(alt.value(0.3))
        points = points.encode(opacity=faded).add_params(pick)
    layers: list = []
    if highlight is not None:
        highlight_band, highlight_ring = _highlight_layers(data, order, highlight, t, y_scale)
        layers.append(highlight_band)
    if individual is not None:
        layers.append(_individual_layer(individual, order_ids, labels, t))
    layers += [band, reference_rule(data, "y", 0, t["neutral"]), line, points]
    if extreme_data is not None:
        layers += extreme_layers(extreme_data, extreme_order, t, by)
    if highlight is not None:
        layers.append(highlight_ring)
    return alt.layer(*layers).properties(width="container", height=height)


def extreme_locations_chart(
    locations: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """Grouped bars: the share of respondents whose own peak / trough falls at each touchpoint.

    Parameters
    ----------
    locations : DataFrame
        The output of :func:`mot.curves.extreme_locations` (without ``by``):
        ``touchpoint, n_respondents, peak_share, trough_share``.
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys ``touchpoint, share_of_respondents, extreme, peak, trough,
        n_respondents``.

    Returns
    -------
    alt.LayerChart
        Layers: bars (peak green, trough vermillion) and their values.

    Raises
    ------
    MotError
        If a column is missing or a touchpoint repeats.
    """
    t = merged_text(text)
    needed = ["touchpoint", "n_respondents", "peak_share", "trough_share"]
    require(
        locations, needed, builder="extreme_locations_chart", source="mot.curves.extreme_locations"
    )
    require_unique(locations, ["touchpoint"], builder="extreme_locations_chart")
    wide, order = with_labels(locations, needed[1:], labels)
    long = wide.melt(
        id_vars=["touchpoint", "label", "position", "n_respondents"],
        value_vars=["peak_share", "trough_share"],
        var_name="kind",
        value_name="share",
    )
    long["kind"] = long["kind"].str.removesuffix("_share").astype(object)
    long["kind_label"] = long["kind"].map(t)
    kinds = [t["peak"], t["trough"]]
    tips = [
        tip("label:N", t["touchpoint"]),
        tip("kind_label:N", t["extreme"]),
        tip("share:Q", t["share_of_respondents"], ".1%"),
        tip("n_respondents:Q", t["n_respondents"], ",d"),
    ]
    base = alt.Chart(long).encode(
        x=tp_x(order, t["touchpoint"]),
        xOffset=alt.XOffset("kind_label:N", sort=kinds),
        y=alt.Y("share:Q", title=t["share_of_respondents"], axis=alt.Axis(format=".0%")),
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "kind_label:N",
            title=t["extreme"],
            sort=kinds,
            scale=fixed_scale(("peak", "trough"), EXTREME_COLORS, t),
        ),
        tooltip=tips,
    )
    values = base.mark_text(style="mot_value_label", baseline="bottom", dy=-3).encode(
        text=alt.Text("share:Q", format=".0%"), tooltip=tips
    )
    return (bars + values).properties(width="container", height=300)
