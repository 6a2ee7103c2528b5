"""The chart of one touchpoint on the workshop's follow-up deck (:mod:`mot.deck`)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from mot.charts._base import all_finite, fixed_scale, merged_text, require, tip
from mot.charts.theme import BLUE, GREEN, PURPLE, SKY, VERMILLION
from mot.errors import MotError
from mot.messages import Message

DECK_LEVELS: tuple[str, ...] = ("expected", "excellent", "experienced")
"""The three means of a touchpoint on the room's scale, top to bottom."""

DECK_LEVEL_COLORS: dict[str, str] = {"expected": SKY, "excellent": PURPLE, "experienced": BLUE}
"""The gap levels' colours (:data:`mot.charts.GAP_LEVEL_COLORS`, experienced as actual)."""

EMOTION_SCALE: tuple[int, int] = (-3, 3)
"""The room's emotion scale: negative to positive, 0 neutral."""

_WIDTH = 440
_BAR = 30  # height of one bar's band, px
_AXIS_EXTENT = 96  # px kept for the y labels of both panels, so that the plots line up


def deck_levels_chart(
    summary: pd.DataFrame,
    *,
    touchpoint: str,
    scale: Sequence[float] = (1, 7),
    text: Mapping[str, str] | None = None,
) -> alt.VConcatChart:
    """Expected, excellent and experienced means of one touchpoint, and its mean emotion.

    Two panels, one above the other: three horizontal bars on the room's rating scale
    (expected sky, excellent purple, experienced blue, each starting at the scale's low end,
    its value written beside it), then one bar of the mean emotion on −3..+3 from the neutral
    0 (green above it, vermillion below). A mean that is missing (NaN: nobody answered) has
    no bar.

    Parameters
    ----------
    summary : DataFrame
        One row per touchpoint with at least ``touchpoint, expected, excellent,
        experienced, emotion`` (:data:`mot.deck.DECK_SUMMARY_COLUMNS`).
    touchpoint : str
        The touchpoint id whose row is drawn.
    scale : (low, high), default (1, 7)
        The room's rating scale: the domain of the first panel.
    text : Mapping[str, str], optional
        Overrides of the keys ``expected, excellent, experienced, emotion, mean`` (the first
        panel's axis title).

    Returns
    -------
    alt.VConcatChart
        The two panels.

    Raises
    ------
    MotError
        If a column is missing or ``touchpoint`` has no row.

    Examples
    --------
    >>> summary = pd.DataFrame({"touchpoint": ["TMOT"], "expected": [5.5], "excellent": [6.5],
    ...                         "experienced": [4.0], "emotion": [-1.2]})
    >>> spec = deck_levels_chart(summary, touchpoint="TMOT").to_dict()
    >>> [panel["layer"][0]["mark"]["type"] for panel in spec["vconcat"]]
    ['bar', 'bar']
    """
    t = merged_text(text)
    require(
        summary,
        ["touchpoint", *DECK_LEVELS, "emotion"],
        builder="deck_levels_chart",
        source="mot.deck.DECK_SUMMARY_COLUMNS",
    )
    row = _row(summary, touchpoint)
    low, high = float(scale[0]), float(scale[1])
    panels = alt.vconcat(_levels(row, low, high, t), _emotion(row, t), spacing=14)
    return panels.resolve_scale(color="independent")


def _row(summary: pd.DataFrame, touchpoint: str) -> pd.Series:
    rows = summary[summary["touchpoint"].astype(str) == str(touchpoint)]
    if rows.empty:
        message = Message(
            "charts.no_touchpoint", builder="deck_levels_chart", touchpoint=str(touchpoint)
        )
        raise MotError(message)
    return rows.iloc[0]


def _number(value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan
    return number if math.isfinite(number) else math.nan


def _levels(row: pd.Series, low: float, high: float, t: Mapping[str, str]) -> alt.LayerChart:
    names = [t[level] for level in DECK_LEVELS]
    data = pd.DataFrame(
        {
            "level_label": names,
            "value": [_number(row[level]) for level in DECK_LEVELS],
            "base": low,
        }
    )
    ticks = [low + step for step in range(int(high - low) + 1)] if high - low <= 10 else None
    x = alt.X(
        "value:Q",
        title=t["mean"],
        scale=alt.Scale(domain=[low, high], nice=False, zero=False),
        axis=alt.Axis(values=ticks, format="~r") if ticks else alt.Axis(),
    )
    y = alt.Y("level_label:N", sort=names, title=None, axis=alt.Axis(minExtent=_AXIS_EXTENT))
    base = alt.Chart(data).transform_filter(all_finite("value")).encode(y=y)
    bars = base.mark_bar().encode(
        x=x,
        x2="base:Q",
        color=alt.Color(
            "level_label:N", scale=fixed_scale(DECK_LEVELS, DECK_LEVEL_COLORS, t), legend=None
        ),
        tooltip=[tip("level_label:N", t["level"]), tip("value:Q", t["mean"], ".1f")],
    )
    values = base.mark_text(style="mot_value_label", align="left", dx=5).encode(
        x=x, text=alt.Text("value:Q", format=".1f")
    )
    return (bars + values).properties(width=_WIDTH, height=_BAR * len(DECK_LEVELS))


def _emotion(row: pd.Series, t: Mapping[str, str]) -> alt.LayerChart:
    value = _number(row["emotion"])
    data = pd.DataFrame(
        {
            "level_label": [t["emotion"]],
            "value": [value],
            "zero": [0.0],
            "side": ["negative" if value < 0 else "positive"],
        }
    )
    low, high = EMOTION_SCALE
    x = alt.X(
        "value:Q",
        title=None,
        scale=alt.Scale(domain=[low, high], nice=False),
        axis=alt.Axis(
            values=list(range(low, high + 1)),
            format="~r",
            labelExpr="datum.value > 0 ? '+' + datum.label : datum.label",
        ),
    )
    y = alt.Y("level_label:N", title=None, axis=alt.Axis(minExtent=_AXIS_EXTENT))
    base = alt.Chart(data).transform_filter(all_finite("value")).encode(y=y)
    bars = base.mark_bar().encode(
        x=x,
        x2="zero:Q",
        color=alt.Color(
            "side:N",
            scale=alt.Scale(domain=["negative", "positive"], range=[VERMILLION, GREEN]),
            legend=None,
        ),
        tooltip=[tip("level_label:N", t["level"]), tip("value:Q", t["mean"], "+.1f")],
    )
    left = value < 0  # the value is written beyond the bar's end, on its side of 0
    label = base.mark_text(
        style="mot_value_label", align="right" if left else "left", dx=-5 if left else 5
    ).encode(
        x=alt.X("value:Q", scale=alt.Scale(domain=[low, high], nice=False)),
        text=alt.Text("value:Q", format="+.1f"),
    )
    neutral = (
        alt.Chart(data.iloc[:1])
        .mark_rule(style="mot_reference")
        .encode(x=alt.X("zero:Q", scale=alt.Scale(domain=[low, high], nice=False)))
    )
    return (bars + neutral + label).properties(width=_WIDTH, height=_BAR)
