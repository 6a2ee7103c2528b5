"""Chart builders: one pure function per chart of the dashboard, each returning an Altair chart.

Every builder takes one of the library's tidy result tables (see ``docs/ARCHITECTURE.md``)
and returns an ``alt.Chart`` or a layered, faceted or concatenated chart; it never mutates
its input and never draws anything itself. This is the only module of :mod:`mot` that
imports altair.

Conventions shared by the builders:

- Touchpoints are shown in journey order: the order of the categories of the
  ``touchpoint`` column (ordered categorical in every library table), or of ``position``
  when the table has one. ``labels`` maps a touchpoint id to its display label in the
  current language (``Journey.labels("es")``); by default the id is shown. The data keep
  the id in the field ``touchpoint`` and the label in the field ``label``.
- ``text`` overrides the default English titles, legend entries and tooltip titles: any
  mapping whose keys are those of :data:`DEFAULT_TEXT` (extra keys are ignored, so one
  catalogue can serve every builder). Each builder lists the keys it reads. A segment
  column ``by`` is titled ``text[by]`` when given, else its name.
- Semantic colours are fixed (Okabe–Ito, colour-blind safe): anticipated sky, experienced
  blue, retrospective orange; peaks green, troughs vermillion. Everything else about the
  look (fonts, sizes, line widths, palette) comes from one registered theme:
  :func:`register_themes` registers ``"mot"`` and ``"mot_large"`` (for projectors) and
  :func:`use_theme` enables one. Render with ``st.altair_chart(chart, theme=None)`` so that
  Streamlit's own theme does not replace ours.
- An empty table with the right columns gives a valid, empty chart. A table that is not a
  DataFrame, lacks a needed column or repeats a touchpoint (a by-segment table passed
  without ``by``) raises :class:`mot.errors.MotError` with a message saying what to pass.
- Rows whose interval is missing (NaN, e.g. ``n < 2``) get no error bar; the estimate is
  still drawn.

The emotion curve carries a point selection named ``"pick"`` on the field ``touchpoint``:
with ``st.altair_chart(chart, on_select="rerun")`` the clicked touchpoint id is in
``event.selection["pick"]``.
"""

from __future__ import annotations

import json
import math
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TypeAlias

import altair as alt
import numpy as np
import pandas as pd

from mot.errors import MotError
from mot.messages import Message

# --- look ------------------------------------------------------------------------------------

PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # green
    "#D55E00",  # vermillion
    "#CC79A7",  # purple
    "#56B4E9",  # sky
    "#F0E442",  # yellow
    "#000000",  # black
)
"""Okabe–Ito colour-blind-safe palette: the categorical range of both themes."""

BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, YELLOW, BLACK = PALETTE
GREY = "#8C8C8C"
LIGHT_GREY = "#C8C8C8"
INK = "#333333"

UTILITY_COLORS: dict[str, str] = {"anticipated": SKY, "experienced": BLUE, "retrospective": ORANGE}
"""The three sources of utility always have these colours."""

UTILITY_SHAPES: dict[str, str] = {
    "anticipated": "circle",
    "experienced": "square",
    "retrospective": "diamond",
}
EXTREME_COLORS: dict[str, str] = {"peak": GREEN, "trough": VERMILLION}
VERDICT_COLORS: dict[str, str] = {
    "exceeded": GREEN,
    "kinder": GREEN,
    "confirmed": GREY,
    "same": GREY,
    "disappointed": VERMILLION,
    "harsher": VERMILLION,
}
QUADRANT_COLORS: dict[str, str] = {
    "concentrate_here": VERMILLION,
    "keep_up": GREEN,
    "low_priority": GREY,
    "possible_overkill": SKY,
}
NPS_COLORS: dict[str, str] = {"detractors": VERMILLION, "passives": GREY, "promoters": GREEN}
GAP_LEVEL_COLORS: dict[str, str] = {"expected": SKY, "actual": BLUE, "excellent": PURPLE}

THEME = "mot"
"""Name of the normal theme."""
THEME_LARGE = "mot_large"
"""Name of the large-type theme for projectors."""

FONT = "'Source Sans', 'Source Sans Pro', Arial, Helvetica, sans-serif"  # Streamlit's font first
LARGE_SCALE = 1.6

UTILITIES: tuple[str, ...] = ("anticipated", "experienced", "retrospective")
COMPARISONS: tuple[str, ...] = ("experienced_vs_anticipated", "retrospective_vs_experienced")
VERDICTS: tuple[str, ...] = ("exceeded", "kinder", "confirmed", "same", "disappointed", "harsher")
PREDICTORS: tuple[str, ...] = ("peak_end", "mean", "end", "peak")
QUADRANTS: tuple[str, ...] = ("concentrate_here", "keep_up", "low_priority", "possible_overkill")
NPS_CLASSES: tuple[str, ...] = ("detractors", "passives", "promoters")
GAP_LEVELS: tuple[str, ...] = ("expected", "actual", "excellent")

DEFAULT_TEXT: dict[str, str] = {
    # shared
    "touchpoint": "Touchpoint",
    "n": "n",
    "ci_low": "CI low",
    "ci_high": "CI high",
    "p_value": "p-value",
    "mean": "Mean",
    "no_difference": "No difference (0)",
    "respondent": "Respondent",
    "n_respondents": "Respondents",
    # utilities
    "utility": "Utility",
    "anticipated": "Anticipated",
    "experienced": "Experienced",
    "retrospective": "Retrospective",
    "mean_0_100": "Mean rating (0–100)",
    "top2_share": "Top-2-box share",
    "lowest": "Lowest mean",
    "highest": "Highest mean",
    # shifts
    "comparison": "Comparison",
    "experienced_vs_anticipated": "Experienced − anticipated",
    "retrospective_vs_experienced": "Retrospective − experienced",
    "mean_diff": "Mean difference (points)",
    "verdict": "Verdict",
    "exceeded": "Exceeded",
    "confirmed": "Confirmed",
    "disappointed": "Disappointed",
    "kinder": "Kinder",
    "same": "Same",
    "harsher": "Harsher",
    "no_verdict": "Too few answers",
    # emotion curve
    "emotion_mean": "Mean emotion (−100 to +100)",
    "emotion": "Emotion",
    "neutral": "Neutral (0)",
    "peak": "Peak",
    "trough": "Trough",
    "extreme": "Extreme",
    "prominence": "Prominence",
    # extreme locations
    "share_of_respondents": "Share of respondents",
    # journey map
    "moment": "Moment of truth",
    # peak-end
    "predictor": "Curve summary",
    "r_with_remembered": "Correlation with the remembered rating (r)",
    "r": "r",
    "predictor_peak_end": "Peak-end average",
    "predictor_mean": "Mean of the curve",
    "predictor_end": "End",
    "predictor_peak": "Peak (most intense moment)",
    # memory scatter
    "predicted": "Peak-end average of the curve (−100 to +100)",
    "remembered": "Remembered rating (0–100)",
    "fitted_line": "Least-squares line",
    "r_squared": "R²",
    # gaps
    "level": "Level",
    "expected": "Expected",
    "actual": "Actual",
    "excellent": "Excellent",
    "gap_to_expected": "Gap to expected",
    "gap_to_excellent": "Gap to excellent",
    # importance–performance and priorities
    "performance": "Performance (mean experienced, 0–100)",
    "importance": "Importance (0–100)",
    "importance_source": "Importance source",
    "stated": "Stated",
    "derived": "Derived from the outcome",
    "quadrant": "Quadrant",
    "concentrate_here": "Concentrate here",
    "keep_up": "Keep up the good work",
    "low_priority": "Low priority",
    "possible_overkill": "Possible overkill",
    "average_performance": "Average performance",
    "average_importance": "Average importance",
    "priority": "Priority (importance × shortfall)",
    "rank": "Rank",
    "gap": "Gap used (actual − target)",
    "target": "Target",
    "to_excellent": "Excellent",
    "to_expected": "Expected",
    "rule": "Rule",
    # drivers
    "share": "Share of explained variance (R²)",
    "correlation": "Correlation r",
    "r_p_value": "p-value of r",
    "raw_weight": "Raw weight",
    "r2": "R² of the model",
    "n_excluded": "Left out (incomplete answers)",
    # comparisons
    "difference": "Difference a − b (points)",
    "pair": "Groups compared (a − b)",
    "mean_a": "Mean of a",
    "mean_b": "Mean of b",
    "test": "Test",
    "p_adjusted": "Adjusted p-value",
    "effect_size": "Effect size",
    "significant": "Significant after correction",
    "yes": "Yes",
    "no": "No",
    # NPS
    "nps": "NPS (−100 to +100)",
    "all_respondents": "All respondents",
    "answer": "Answer",
    "promoters": "Promoters (9–10)",
    "passives": "Passives (7–8)",
    "detractors": "Detractors (0–6)",
    # behaviour (event log): funnels, time between touchpoints, trends, tests, repurchase
    "step": "Step",
    "users": "Users",
    "events": "Events",
    "conversion_from_previous": "Conversion from the previous step",
    "conversion_from_start": "Conversion from the first step",
    "drop_off": "Drop-off (users lost at this step)",
    "reached_in_order": "Reached in order",
    "reached_any_order": "Reached at all (in any order)",
    "from_to": "From → to",
    "users_both": "Users who reached both, in order",
    "time_to_next": "Time to the next touchpoint (log scale)",
    "median_time": "Median time",
    "middle_half": "Middle 50% of users",
    "no_users": "No users",
    "unit_minutes": "min",
    "unit_hours": "h",
    "unit_days": "days",
    "period_start": "Period starting",
    "baseline": "Usual level (median)",
    "dip": "Dip",
    "spike": "Spike",
    "unusual": "Unusual period",
    "conversion_difference": "Difference in conversion, a − b (percentage points)",
    "conversion_a": "Conversion of a",
    "conversion_b": "Conversion of b",
    "z": "z",
    "cohens_h": "Cohen's h",
    "significant_05": "Significant (adjusted p < 0.05)",
    "repurchase_difference": "Repurchase rate, top-box raters − the rest (percentage points)",
    "repurchase_top_box": "Repurchase rate of top-box raters",
    "repurchase_rest": "Repurchase rate of the other raters",
    "n_top_box": "Top-box raters",
    "repurchased": "Repurchased",
    "odds_ratio_per_10": "Odds ratio per 10 points (CI)",
    "slope_p_value": "p-value of the slope",
}
"""English default of every title, legend entry and tooltip title the builders use."""

AnyChart: TypeAlias = (
    alt.Chart | alt.LayerChart | alt.FacetChart | alt.VConcatChart | alt.HConcatChart
)

MAX_TREND_ROWS = 5000
"""Most rows (periods × series) a trend chart draws: Altair's own limit for inline data."""

_SCALE_TICKS = (0, 25, 50, 75, 100)  # ticks of a 0–100 rating axis
_TITLE_LIMIT = 14  # characters per line of a wrapped x-axis touchpoint label


# --- themes ----------------------------------------------------------------------------------


def _theme_config(scale: float) -> alt.theme.ThemeConfig:
    """Return the theme for a type scale (1 = normal, 1.6 = projector)."""

    def px(value: float) -> float:
        return round(value * scale, 1)

    def area(value: float) -> float:
        return round(value * scale * scale)

    labels = {"labelFontSize": px(12), "titleFontSize": px(13)}
    return {
        "config": {
            "font": FONT,
            "background": "white",
            "padding": px(6),
            "view": {"stroke": None, "continuousWidth": 560, "continuousHeight": 300},
            "range": {"category": list(PALETTE)},
            "axis": {
                **labels,
                "titleFontWeight": "normal",
                "titleColor": INK,
                "labelColor": INK,
                "gridColor": "#E4E4E4",
                "domainColor": GREY,
                "tickColor": GREY,
                "labelLimit": px(240),
                "maxExtent": px(260),  # room for labels up to labelLimit (Vega's default: 200)
                "titlePadding": px(8),
                "labelSeparation": px(4),  # a tick label this close to the next one is hidden
            },
            "axisQuantitative": {"tickCount": 8 if scale < 1.3 else 6},
            "legend": {
                **labels,
                "titleFontWeight": "normal",
                "orient": "top",
                "symbolSize": area(110),
                "symbolStrokeWidth": px(2),
                "labelLimit": px(260),
                "titleLimit": px(360),
                "columnPadding": px(14),
                # In large type a row of four entries is wider than the plot it stands above
                # (a legend starts at the plot's left edge): two entries a row, aligned.
                **({} if scale < 1.3 else {"columns": 2, "rowPadding": px(4)}),
            },
            "header": {**labels, "labelFontWeight": "bold", "labelColor": INK},
            "title": {"fontSize": px(16), "anchor": "start", "color": INK},
            "text": {"fontSize": px(12), "color": INK},
            "line": {"strokeWidth": px(2.5)},
            "point": {"size": area(70), "strokeWidth": px(2)},
            "circle": {"size": area(60)},
            "rule": {"strokeWidth": px(1.5)},
            "area": {"opacity": 0.18},
            "scale": {"minSize": area(12), "maxSize": area(360)},
            "style": {
                "mot_errorbar": {"strokeWidth": px(2.5)},
                "mot_connector": {"strokeWidth": px(4), "color": LIGHT_GREY},
                "mot_reference": {"strokeDash": [5, 4], "color": GREY, "strokeWidth": px(1.2)},
                "mot_background": {"strokeWidth": px(0.8), "opacity": 0.12, "color": GREY},
                "mot_extreme": {"size": area(190), "strokeWidth": px(1.5), "stroke": "white"},
                "mot_peak_label": {
                    "dy": px(-6),
                    "baseline": "bottom",
                    "fontWeight": "bold",
                    "fontSize": px(13),
                },
                "mot_trough_label": {
                    "dy": px(6),
                    "baseline": "top",
                    "fontWeight": "bold",
                    "fontSize": px(13),
                },
                "mot_value_label": {"fontSize": px(11), "color": INK},
                "mot_panel_title": {"fontSize": px(13), "fontWeight": "normal"},
                "mot_moment": {"fontSize": px(15), "fontWeight": "bold"},
                "mot_corner": {"fontSize": px(12), "fontStyle": "italic"},
                "mot_gap": {"strokeWidth": px(7), "opacity": 0.35, "color": VERMILLION},
                "mot_dense": {"opacity": 0.55, "stroke": "white", "strokeWidth": px(0.5)},
            },
        }
    }


def register_themes() -> None:
    """Register the two themes ``"mot"`` and ``"mot_large"`` with Altair (not enabling them).

    ``"mot"`` is the normal look; ``"mot_large"`` has type, lines and points about 1.6 times
    larger for projectors. Both use the Okabe–Ito palette. Registering again is harmless.

    Returns
    -------
    None
    """
    alt.theme.register(THEME, enable=False)(lambda: _theme_config(1.0))
    alt.theme.register(THEME_LARGE, enable=False)(lambda: _theme_config(LARGE_SCALE))


DARK_BACKGROUND = "#0E1117"
"""The dark theme's background: its ``backgroundColor`` in ``.streamlit/config.toml``."""
DARK_INK = "#E6E6E6"
"""Text, error bars and reference marks on the dark background."""

DARK_COLOURS: dict[str, str] = {
    INK.lower(): DARK_INK,
    BLACK.lower(): DARK_INK,
    "white": DARK_BACKGROUND,
    "#ffffff": DARK_BACKGROUND,
    "#e4e4e4": "#3A3D46",  # grid lines
    LIGHT_GREY.lower(): "#6B6E77",  # connectors and "any order" bars: muted, not glaring
}
"""Colour of the normal theme (lower case) → its colour on the dark background. The
Okabe–Ito hues and :data:`GREY` keep their value: each has a contrast of at least 3:1 on
:data:`DARK_BACKGROUND` (tested)."""


def on_dark(spec: dict) -> dict:
    """Return ``spec`` (a serialised chart in either theme) recoloured for a dark background.

    Every colour value equal to one of :data:`DARK_COLOURS`' keys (the theme's ink, grid,
    background and white halos, and the same colours written in a builder, such as an error
    bar's ``color``) is replaced by its dark counterpart; the rest of the spec is unchanged.
    Builders therefore stay theme-free: the dashboard recolours the finished spec when the
    viewer's Streamlit theme is dark.

    Parameters
    ----------
    spec : dict
        A Vega-Lite spec, as ``chart.to_dict()`` gives it.

    Returns
    -------
    dict
        A new spec; ``spec`` is not modified.

    Examples
    --------
    >>> on_dark({"config": {"background": "white", "text": {"color": "#333333"}}})
    {'config': {'background': '#0E1117', 'text': {'color': '#E6E6E6'}}}
    """
    return _recolour(spec, "", False)


_NOT_COLOURS = frozenset({"data", "datasets", "domain", "title", "legend", "field", "sort", "test"})
"""Keys whose values are never colours (data, labels, conditions), even under a colour channel."""


def _is_colour_key(key: str) -> bool:
    return key.lower().endswith("color") or key in ("fill", "stroke", "background", "category")


def _recolour(value: object, key: str, colourish: bool) -> object:
    """:func:`on_dark` below ``key``; ``colourish`` inside a colour channel or property."""
    if isinstance(value, str):
        if _is_colour_key(key) or (colourish and key in ("value", "range")):
            return DARK_COLOURS.get(value.lower(), value)
        return value
    if isinstance(value, dict):
        return {
            k: v if k in _NOT_COLOURS else _recolour(v, k, colourish or _is_colour_key(k))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_recolour(v, key, colourish) for v in value]
    return value


def use_theme(large: bool = False) -> alt.utils.plugin_registry.PluginEnabler:
    """Register the themes and enable ``"mot_large"`` when ``large`` else ``"mot"``.

    The theme is applied when a chart is serialised (``to_dict``, ``st.altair_chart``). Altair
    keeps the enabled theme in one process-wide registry, shared by every Streamlit session:
    to confine the large type to one rendering, use the return value as a context manager
    (``with use_theme(True): st.altair_chart(chart, theme=None)``), which restores the
    previous theme on exit.

    Parameters
    ----------
    large : bool, default False
        Enable the large-type projector theme.

    Returns
    -------
    PluginEnabler
        Altair's enabler, usable as a context manager.
    """
    register_themes()
    return alt.theme.enable(THEME_LARGE if large else THEME)


# --- helpers ---------------------------------------------------------------------------------


def _texts(text: Mapping[str, str] | None) -> dict[str, str]:
    """Return the default texts updated with the caller's."""
    merged = dict(DEFAULT_TEXT)
    if text:
        merged.update({str(k): str(v) for k, v in text.items()})
    return merged


def _segment_title(t: Mapping[str, str], by: str) -> str:
    """Title of a segment column: ``text[by]`` or the column name made readable."""
    return t.get(by) or by.replace("_", " ").capitalize()


def _require(frame: object, columns: Sequence[str], *, builder: str, source: str) -> None:
    """Raise MotError unless ``frame`` is a DataFrame holding ``columns``."""
    if not isinstance(frame, pd.DataFrame):
        message = Message(
            "charts.not_a_table", builder=builder, source=source, kind=type(frame).__name__
        )
        raise MotError(message)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        message = Message(
            "charts.columns",
            builder=builder,
            columns=", ".join(columns),
            source=source,
            missing=", ".join(missing),
        )
        raise MotError(message)


def _require_unique(frame: pd.DataFrame, keys: Sequence[str], *, builder: str) -> None:
    """Raise MotError when two rows share ``keys`` (a by-segment table without ``by``)."""
    if frame.empty:
        return
    duplicated = frame.duplicated(subset=list(keys), keep=False)
    if duplicated.any():
        row = frame.loc[duplicated, list(keys)].iloc[0]
        where = ", ".join(f"{k}={row[k]}" for k in keys)
        message = Message("charts.split", builder=builder, where=where)
        raise MotError(message)


def _is_text(series: pd.Series) -> bool:
    dtype = series.dtype
    return (
        isinstance(dtype, pd.CategoricalDtype)
        or pd.api.types.is_object_dtype(dtype)
        or pd.api.types.is_string_dtype(dtype)
    )


def _plain(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Copy ``columns`` into plain dtypes Altair serialises: str/None, float, bool, int."""
    out: dict[str, object] = {}
    for col in dict.fromkeys(columns):
        series = frame[col].reset_index(drop=True)
        if _is_text(series):
            values = series.to_numpy(dtype=object)
            present = series.notna().to_numpy()
            out[col] = pd.Series(
                [str(v) if ok else None for v, ok in zip(values, present, strict=True)],
                dtype=object,
            )
        elif pd.api.types.is_bool_dtype(series.dtype):
            out[col] = series.astype(object).where(series.notna(), None)
        elif pd.api.types.is_extension_array_dtype(series.dtype):
            out[col] = series.astype("float64")
        else:
            out[col] = series
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)), columns=list(dict.fromkeys(columns)))


def _journey_order(frame: pd.DataFrame, column: str = "touchpoint") -> list[str]:
    """Touchpoint ids present in ``frame``, in journey order."""
    tp = frame[column]
    present = {str(v) for v in tp.dropna()}
    if "position" in frame.columns:
        ordered = frame.sort_values("position", kind="stable")[column].dropna()
        ids = [str(v) for v in ordered]
    elif isinstance(tp.dtype, pd.CategoricalDtype):
        ids = [str(c) for c in tp.cat.categories]
    else:
        ids = [str(v) for v in tp.dropna()]
    return [i for i in dict.fromkeys(ids) if i in present]


def _label_map(ids: Sequence[str], labels: Mapping[str, str] | None) -> dict[str, str]:
    """Display label per id; a label shared by two ids gets the id appended."""
    names = {i: str(labels.get(i, i)) if labels else i for i in ids}
    counts = Counter(names.values())
    return {i: f"{name} ({i})" if counts[name] > 1 else name for i, name in names.items()}


def _labelled(
    frame: pd.DataFrame,
    columns: Sequence[str],
    labels: Mapping[str, str] | None,
    order: Sequence[str] | None = None,
) -> tuple[pd.DataFrame, list[str]]:
    """Plain copy of ``columns`` with a ``label`` column, and the labels in journey order."""
    ids = list(order) if order is not None else _journey_order(frame)
    extra = [i for i in _journey_order(frame) if i not in ids]
    ids = ids + extra
    names = _label_map(ids, labels)
    data = _plain(frame, ["touchpoint", *columns])
    data["label"] = data["touchpoint"].map(names)
    data["position"] = data["touchpoint"].map({i: k for k, i in enumerate(ids)})
    return data, [names[i] for i in ids]


_SEGMENT = "segment"  # the field a `by` column is renamed to (user column names may hold dots)


def _segment_order(frame: pd.DataFrame, by: str) -> list[str]:
    """Segments present, in category order (sorted values for a plain column)."""
    values = frame[by].dropna()
    if isinstance(values.dtype, pd.CategoricalDtype):
        present = {str(v) for v in values}
        return [str(c) for c in values.cat.categories if str(c) in present]
    return sorted({str(v) for v in values})


def _wrap_expr(labels: Sequence[str]) -> str | None:
    """Vega expression breaking long axis labels over lines, or None when none is long."""
    wrapped = {
        label: textwrap.wrap(label, _TITLE_LIMIT) for label in labels if len(label) > _TITLE_LIMIT
    }
    if not wrapped:
        return None
    return f"({json.dumps(wrapped, ensure_ascii=False)})[datum.label] || datum.label"


def _tp_x(order: Sequence[str], title: str | None, *, axis: bool = True, orient: str = "bottom"):
    """The x encoding of touchpoints in journey order, long labels wrapped."""
    if not axis:
        return alt.X("label:N", sort=list(order), title=None, axis=None)
    expr = _wrap_expr(order)
    options = {"labelExpr": expr} if expr else {}
    return alt.X(
        "label:N",
        sort=list(order),
        title=title,
        axis=alt.Axis(labelAngle=0, orient=orient, **options),
    )


def _tp_y(order: Sequence[str], title: str):
    """The y encoding of touchpoints in journey order (first at the top)."""
    return alt.Y("label:N", sort=list(order), title=title)


def _tip(shorthand: str, title: str, fmt: str | None = None) -> alt.Tooltip:
    """A titled tooltip."""
    if fmt:
        return alt.Tooltip(shorthand, title=title, format=fmt)
    return alt.Tooltip(shorthand, title=title)


def _finite(*fields: str) -> str:
    """Vega filter keeping rows whose ``fields`` are finite numbers (drops null and NaN)."""
    return " && ".join(f"isFinite(datum[{json.dumps(f)}])" for f in fields)


def _fixed_scale(keys: Sequence[str], colors: Mapping[str, str], t: Mapping[str, str]):
    """Colour scale mapping the translated names of ``keys`` to their fixed colours."""
    return alt.Scale(domain=[t.get(k, k) for k in keys], range=[colors[k] for k in keys])


def _reference_rule(data: pd.DataFrame, channel: str, value: float, tip: str) -> alt.Chart:
    """A dashed reference line at ``value`` (one mark, whatever the number of rows)."""
    enc = alt.X if channel == "x" else alt.Y
    field = f"{channel}_reference"
    return (
        alt.Chart(data)
        .transform_aggregate(rows="count()")
        .transform_calculate(**{field: str(value)})
        .mark_rule(style="mot_reference")
        .encode(
            **{channel: enc(f"{field}:Q")},
            tooltip=[_tip(f"{field}:Q", tip)],
        )
    )


def _optional_tips(data: pd.DataFrame, specs: Sequence[tuple[str, str, str | None]]):
    """Tooltips for the columns of ``specs`` (shorthand, title, format) present in ``data``."""
    return [_tip(s, title, fmt) for s, title, fmt in specs if s.split(":")[0] in data.columns]


# --- 1. utilities ----------------------------------------------------------------------------

# A by-segment panel: three of them and the touchpoint labels fit the dashboard's chart width
# at 1280 pixels, in large type too (a faceted chart cannot stretch to its container).
_SEGMENT_PANEL_WIDTH = 150


def _utility_encodings(t: Mapping[str, str]) -> dict:
    """Fixed colour and shape of the three utilities (one merged legend)."""
    domain = [t[u] for u in UTILITIES]
    return {
        "color": alt.Color(
            "utility_label:N",
            title=t["utility"],
            sort=domain,
            scale=_fixed_scale(UTILITIES, UTILITY_COLORS, t),
        ),
        "shape": alt.Shape(
            "utility_label:N",
            title=t["utility"],
            sort=domain,
            scale=alt.Scale(domain=domain, range=[UTILITY_SHAPES[u] for u in UTILITIES]),
        ),
    }


def _utility_data(
    utilities: pd.DataFrame,
    by: str | None,
    labels: Mapping[str, str] | None,
    t: Mapping[str, str],
    order: Sequence[str] | None = None,
) -> tuple[pd.DataFrame, list[str]]:
    """Plain utilities with labels and translated utility names."""
    columns = ["utility", "n", "mean", "ci_low", "ci_high"]
    if "top2_share" in utilities.columns:
        columns.append("top2_share")
    data, order_labels = _labelled(utilities, columns + ([by] if by else []), labels, order)
    data = data.rename(columns={by: _SEGMENT}) if by else data
    data["utility_label"] = data["utility"].map(lambda u: t.get(u, u) if u else u)
    return data, order_labels


def _utility_tips(data: pd.DataFrame, t: Mapping[str, str], by: str | None) -> list:
    tips = [_tip("label:N", t["touchpoint"])]
    if by:
        tips.append(_tip(f"{_SEGMENT}:N", _segment_title(t, by)))
    tips += [
        _tip("utility_label:N", t["utility"]),
        _tip("mean:Q", t["mean"], ".1f"),
        _tip("ci_low:Q", t["ci_low"], ".1f"),
        _tip("ci_high:Q", t["ci_high"], ".1f"),
        _tip("n:Q", t["n"], ",d"),
    ]
    return tips + _optional_tips(data, [("top2_share:Q", t["top2_share"], ".0%")])


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
    t = _texts(text)
    needed = ["touchpoint", "utility", "n", "mean", "ci_low", "ci_high"]
    source = "mot.scoring.score_utilities"
    _require(utilities, needed + ([by] if by else []), builder="utilities_chart", source=source)
    _require_unique(
        utilities, ([by] if by else []) + ["touchpoint", "utility"], builder="utilities_chart"
    )
    data, order = _utility_data(utilities, by, labels, t)
    x_scale = alt.Scale(domain=[0, 100])
    x_axis = alt.Axis(values=list(_SCALE_TICKS))
    # A panel by segment is narrower than the axis title in large type: over two lines.
    x_title = textwrap.wrap(t["mean_0_100"], 16) if by else t["mean_0_100"]
    base = alt.Chart(data).encode(y=_tp_y(order, t["touchpoint"]))
    connector = base.mark_rule(style="mot_connector").encode(
        x=alt.X("min(mean):Q", title=x_title, scale=x_scale, axis=x_axis),
        x2="max(mean):Q",
        tooltip=[
            _tip("label:N", t["touchpoint"]),
            _tip("min(mean):Q", t["lowest"], ".1f"),
            _tip("max(mean):Q", t["highest"], ".1f"),
        ],
    )
    tips = _utility_tips(data, t, by)
    encodings = _utility_encodings(t)
    errors = (
        base.transform_filter(_finite("ci_low", "ci_high"))
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
            f"{_SEGMENT}:N", title=_segment_title(t, by), sort=_segment_order(utilities, by)
        ),
        columns=3,
    )


# --- 2. shifts -------------------------------------------------------------------------------


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
    t = _texts(text)
    needed = ["touchpoint", "comparison", "n", "mean_diff", "ci_low", "ci_high", "p_value"]
    needed.append("verdict")
    _require(shifts, needed, builder="shifts_chart", source="mot.scoring.utility_shifts")
    _require_unique(shifts, ["touchpoint", "comparison"], builder="shifts_chart")
    data, order = _labelled(shifts, needed[1:], labels)
    data["comparison_label"] = data["comparison"].map(lambda c: t.get(c, c) if c else c)
    data["verdict_label"] = data["verdict"].map(lambda v: t.get(v, v) if v else t["no_verdict"])
    present = [v for v in VERDICTS if v in set(data["verdict"].dropna())]
    has_missing = bool(data["verdict"].isna().any())
    domain = [t[v] for v in present] + ([t["no_verdict"]] if has_missing else [])
    colors = [VERDICT_COLORS[v] for v in present] + ([LIGHT_GREY] if has_missing else [])
    tips = [
        _tip("label:N", t["touchpoint"]),
        _tip("comparison_label:N", t["comparison"]),
        _tip("mean_diff:Q", t["mean_diff"], "+.1f"),
        _tip("ci_low:Q", t["ci_low"], "+.1f"),
        _tip("ci_high:Q", t["ci_high"], "+.1f"),
        _tip("n:Q", t["n"], ",d"),
        _tip("p_value:Q", t["p_value"], ".2g"),
        _tip("verdict_label:N", t["verdict"]),
    ]
    x = alt.X("mean_diff:Q", title=t["mean_diff"])
    base = alt.Chart(data).encode(y=_tp_y(order, t["touchpoint"]))
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
        base.transform_filter(_finite("ci_low", "ci_high"))
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


# --- 3. emotion curve ------------------------------------------------------------------------


_CURVE_HEIGHT = 320  # the emotion curve's plot
_MAP_CURVE_HEIGHT = 240  # the journey map's emotion panel
_INNER_AXIS_ROOM = 60  # pixels: an inner y axis's labels ("12,000") in large type too


def _inner_y_axis() -> alt.Axis:
    """A y axis drawn inside its plot, without a title (the panel's title says it).

    Labels sit just right of the left edge, above their grid line. A stacked chart as wide
    as its container has plots as wide as the container, and an axis outside them would
    push the chart past the container's right edge.
    """
    return alt.Axis(
        title=None,
        labelAlign="left",
        labelBaseline="bottom",
        labelPadding=-3,
        tickSize=0,
        domain=False,
    )


def _panel_title(title: str) -> alt.TitleParams:
    """A panel's small title, at its top left: the inner y axis's title (themed size)."""
    return alt.TitleParams(
        title, anchor="start", style=["group-title", "mot_panel_title"], offset=4
    )


def _curve_layers(
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
    segment; ``y_inside`` draws the y axis inside the plot (:func:`_inner_y_axis`);
    ``y_scale`` is the emotion scale (:func:`_emotion_axis`). The band is clipped to the
    plot: an interval reaching past −100..+100 is cut at the scale's end.
    """
    x = _tp_x(order, t["touchpoint"], axis=x_axis)
    y_title = t["emotion_mean"]
    y_axis = {"axis": _inner_y_axis()} if y_inside else {}
    if y_scale is not None:
        y_axis["scale"] = y_scale
    tips = [_tip("label:N", t["touchpoint"])]
    colour: dict = {}
    if segments:
        title, order_segments = segments
        tips.append(_tip(f"{_SEGMENT}:N", title))
        colour = {"color": alt.Color(f"{_SEGMENT}:N", title=title, sort=order_segments)}
    band_tips = [
        *tips,
        _tip("ci_low:Q", t["ci_low"], ".1f"),
        _tip("ci_high:Q", t["ci_high"], ".1f"),
    ]
    point_tips = [*tips, _tip("mean:Q", t["mean"], ".1f"), *band_tips[len(tips) :]]
    point_tips.append(_tip("n:Q", t["n"], ",d"))
    base = alt.Chart(data).encode(x=x)
    single = {} if segments else {"color": BLUE}
    band = (
        base.transform_filter(_finite("ci_low", "ci_high"))
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
        base.transform_filter(_finite("mean"))
        .mark_line(**single)
        .encode(y=y, order=alt.Order("position:Q"), tooltip=point_tips[: len(tips) + 1], **colour)
    )
    points = base.mark_point(filled=True, opacity=1, **single).encode(
        y=y, tooltip=point_tips, **colour
    )
    return band, line, points


EMOTION_RANGE: tuple[float, float] = (-100.0, 100.0)
"""The emotion scale: an emotion axis never reaches past it."""

_EXTREME_LABEL_PX = 36  # height of a "Peak" / "Trough" label and its gap, in large type


def _label_room(height: float) -> float:
    """Share of an axis's span that a peak or trough label needs on a plot ``height`` high.

    The label needs ``_EXTREME_LABEL_PX`` pixels; the span grows by that room at both ends,
    hence the share of the grown span: ``px / (1 - 2 px)`` with ``px`` the label's share of
    the height.
    """
    share = _EXTREME_LABEL_PX / height
    return share / (1 - 2 * share)


def _extreme_data(
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
    _require(
        extremes,
        ["touchpoint", *needed],
        builder="emotion_curve_chart (extremes)",
        source="mot.curves.curve_extremes",
    )
    optional = [c for c in ("prominence",) if c in extremes.columns]
    data, order = _labelled(extremes, needed + optional, labels, order=order_ids)
    data["kind_label"] = data["kind"].map(lambda k: t.get(k, k) if k else k)
    data = data.rename(columns={by: _SEGMENT}) if by else data
    keys = ["touchpoint"] + ([_SEGMENT] if by else [])
    data = data.merge(curve[[*keys, "ci_low", "ci_high"]], on=keys, how="left")
    edge = data["ci_high"].where(data["kind"] == "peak", data["ci_low"])
    data["text_y"] = edge.where(edge.notna(), data["mean"]).clip(*EMOTION_RANGE)
    return data, order


def _emotion_axis(
    values: Sequence[pd.Series], labelled: pd.DataFrame | None, height: float
) -> tuple[alt.Scale, pd.DataFrame | None]:
    """The emotion scale: neutral (0) and ``values``, within −100..+100, room for labels.

    ``labelled`` is the peaks and troughs whose label is drawn (:func:`_extreme_data`): each
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
        room = span * _label_room(height)
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


def _extreme_layers(
    data: pd.DataFrame,
    order: Sequence[str],
    t: Mapping[str, str],
    by: str | None,
    x_axis: bool = True,
) -> list[alt.Chart]:
    """Peak and trough markers (:func:`_extreme_data`).

    Their text labels are drawn too when there is a single curve (no ``by``).
    """
    kinds = [t["peak"], t["trough"]]
    tips = [_tip("label:N", t["touchpoint"])]
    tips += [_tip(f"{_SEGMENT}:N", _segment_title(t, by))] if by else []
    tips += [_tip("kind_label:N", t["extreme"]), _tip("mean:Q", t["mean"], ".1f")]
    tips += _optional_tips(data, [("prominence:Q", t["prominence"], ".1f")])
    base = alt.Chart(data).encode(
        x=_tp_x(order, t["touchpoint"], axis=x_axis),
        y=alt.Y("mean:Q", title=t["emotion_mean"]),
    )
    markers = base.mark_point(filled=True, opacity=1, style="mot_extreme").encode(
        fill=alt.Fill(
            "kind_label:N",
            title=t["extreme"],
            sort=kinds,
            scale=_fixed_scale(("peak", "trough"), EXTREME_COLORS, t),
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


def _individual_layer(
    individual: pd.DataFrame,
    order_ids: Sequence[str],
    labels: Mapping[str, str] | None,
    t: Mapping[str, str],
) -> alt.Chart:
    """Thin grey line per respondent, behind the mean curve."""
    _require(
        individual,
        ["respondent_id", "touchpoint", "value"],
        builder="emotion_curve_chart (individual)",
        source="the emotion ratings (respondent_id, touchpoint, value)",
    )
    keep = individual["touchpoint"].astype(str).isin(set(order_ids)).to_numpy()
    data, order = _labelled(individual[keep], ["respondent_id", "value"], labels, order=order_ids)
    return (
        alt.Chart(data)
        .transform_filter(_finite("value"))
        .mark_line(style="mot_background")
        .encode(
            x=_tp_x(order, t["touchpoint"]),
            y=alt.Y("value:Q", title=t["emotion_mean"]),
            detail="respondent_id:N",
            order=alt.Order("position:Q"),
            tooltip=[
                _tip("respondent_id:N", t["respondent"]),
                _tip("label:N", t["touchpoint"]),
                _tip("value:Q", t["emotion"], ".0f"),
            ],
        )
    )


def emotion_curve_chart(
    curve: pd.DataFrame,
    *,
    extremes: pd.DataFrame | None = None,
    by: str | None = None,
    individual: pd.DataFrame | None = None,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
    selectable: bool = True,
) -> alt.LayerChart:
    """The journey's emotion curve: mean per touchpoint with its interval band, peaks, troughs.

    Touchpoints run along x in journey order; a dashed line marks neutral (0). With
    ``extremes`` the peaks (green, ▲) and troughs (vermillion, ▼) are marked, and labelled
    "Peak" / "Trough" when there is a single curve. With ``by`` there is one coloured curve
    per segment. With ``individual`` each respondent's curve is a thin grey line behind
    (pass a sample of a few hundred respondents: every line is drawn).

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

    Returns
    -------
    alt.LayerChart
        Layers: individual lines (optional), band, neutral line, mean line, points,
        extreme markers and labels (optional).

    Raises
    ------
    MotError
        If a column is missing or a touchpoint repeats within a curve.
    """
    t = _texts(text)
    needed = ["touchpoint", "n", "mean", "ci_low", "ci_high"] + ([by] if by else [])
    source = "mot.curves.emotion_curve"
    _require(curve, needed, builder="emotion_curve_chart", source=source)
    _require_unique(curve, ([by] if by else []) + ["touchpoint"], builder="emotion_curve_chart")
    order_ids = _journey_order(curve)
    data, order = _labelled(curve, needed[1:], labels, order=order_ids)
    segments = None
    if by:
        data = data.rename(columns={by: _SEGMENT})
        segments = (_segment_title(t, by), _segment_order(curve, by))
    extreme_data = None
    if extremes is not None:
        extreme_data, extreme_order = _extreme_data(extremes, data, order_ids, labels, t, by)
    values = [data["ci_low"], data["ci_high"], data["mean"]]
    if individual is not None and "value" in individual.columns:
        values.append(individual["value"])
    y_scale, placed = _emotion_axis(values, None if by else extreme_data, _CURVE_HEIGHT)
    extreme_data = extreme_data if by else placed
    band, line, points = _curve_layers(data, order, t, segments, y_scale=y_scale)
    if selectable:
        pick = alt.selection_point(name="pick", fields=["touchpoint"], on="click")
        faded = alt.when(pick).then(alt.value(1.0)).otherwise(alt.value(0.3))
        points = points.encode(opacity=faded).add_params(pick)
    layers: list = []
    if individual is not None:
        layers.append(_individual_layer(individual, order_ids, labels, t))
    layers += [band, _reference_rule(data, "y", 0, t["neutral"]), line, points]
    if extreme_data is not None:
        layers += _extreme_layers(extreme_data, extreme_order, t, by)
    return alt.layer(*layers).properties(width="container", height=_CURVE_HEIGHT)


# --- 4. where respondents' own extremes fall -------------------------------------------------


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
    t = _texts(text)
    needed = ["touchpoint", "n_respondents", "peak_share", "trough_share"]
    _require(
        locations, needed, builder="extreme_locations_chart", source="mot.curves.extreme_locations"
    )
    _require_unique(locations, ["touchpoint"], builder="extreme_locations_chart")
    wide, order = _labelled(locations, needed[1:], labels)
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
        _tip("label:N", t["touchpoint"]),
        _tip("kind_label:N", t["extreme"]),
        _tip("share:Q", t["share_of_respondents"], ".1%"),
        _tip("n_respondents:Q", t["n_respondents"], ",d"),
    ]
    base = alt.Chart(long).encode(
        x=_tp_x(order, t["touchpoint"]),
        xOffset=alt.XOffset("kind_label:N", sort=kinds),
        y=alt.Y("share:Q", title=t["share_of_respondents"], axis=alt.Axis(format=".0%")),
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "kind_label:N",
            title=t["extreme"],
            sort=kinds,
            scale=_fixed_scale(("peak", "trough"), EXTREME_COLORS, t),
        ),
        tooltip=tips,
    )
    values = base.mark_text(style="mot_value_label", baseline="bottom", dy=-3).encode(
        text=alt.Text("share:Q", format=".0%"), tooltip=tips
    )
    return (bars + values).properties(width="container", height=300)


# --- 5. journey map --------------------------------------------------------------------------


def _moment_band(
    journey: pd.DataFrame, order: Sequence[str], t: Mapping[str, str]
) -> alt.LayerChart:
    """Top band: the journey as a line of stops, moment-of-truth key above, label below."""
    journey = journey.assign(
        label_lines=[
            "\n".join(textwrap.wrap(label, _TITLE_LIMIT)) if label else ""
            for label in journey["label"]
        ]
    )
    tips = [_tip("label:N", t["touchpoint"]), _tip("moment:N", t["moment"])]
    base = alt.Chart(journey).encode(x=_tp_x(order, None, axis=False))
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
    return (path + stops + keys + names).properties(width="container", height=130)


def _utility_strip(
    utilities: pd.DataFrame,
    order_ids: Sequence[str],
    labels: Mapping[str, str] | None,
    t: Mapping[str, str],
) -> alt.LayerChart:
    """Bottom panel: the three utilities per touchpoint, side by side, with intervals."""
    _require(
        utilities,
        ["touchpoint", "utility", "n", "mean", "ci_low", "ci_high"],
        builder="journey_map_chart (utilities)",
        source="mot.scoring.score_utilities",
    )
    _require_unique(utilities, ["touchpoint", "utility"], builder="journey_map_chart")
    data, order = _utility_data(utilities, None, labels, t, order=order_ids)
    encodings = _utility_encodings(t)
    tips = _utility_tips(data, t, None)
    y_title = t["mean_0_100"]
    base = alt.Chart(data).encode(
        x=_tp_x(order, t["touchpoint"]),
        # The three points keep to the middle of their touchpoint's band, clear of the
        # inner y axis's labels at the left edge.
        xOffset=alt.XOffset(
            "utility_label:N",
            sort=[t[u] for u in UTILITIES],
            scale=alt.Scale(paddingOuter=0.6),
        ),
    )
    y = {"title": y_title, "scale": alt.Scale(zero=False), "axis": _inner_y_axis()}
    errors = (
        base.transform_filter(_finite("ci_low", "ci_high"))
        .mark_rule(style="mot_errorbar")
        .encode(y=alt.Y("ci_low:Q", **y), y2="ci_high:Q", color=encodings["color"], tooltip=tips)
    )
    points = base.mark_point(filled=True, opacity=1).encode(
        y=alt.Y("mean:Q", **y), tooltip=tips, **encodings
    )
    return (errors + points).properties(width="container", height=200, title=_panel_title(y_title))


def journey_map_chart(
    journey_frame: pd.DataFrame,
    curve: pd.DataFrame,
    utilities: pd.DataFrame,
    *,
    extremes: pd.DataFrame | None = None,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.VConcatChart:
    """The overview's journey map: moments of truth, emotion curve and utilities, aligned.

    Three panels share one x axis of touchpoints in journey order: on top the journey as a
    line of stops with the moment-of-truth key (ZMOT…UMOT) above each tagged touchpoint;
    in the middle the emotion curve with its band and, with ``extremes``, the peaks and
    troughs; below, the anticipated, experienced and retrospective means per touchpoint.

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
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys of :func:`emotion_curve_chart` and :func:`utilities_chart`,
        and ``moment``.

    Returns
    -------
    alt.VConcatChart
        Three panels sharing the x scale.

    Raises
    ------
    MotError
        If a column is missing or a touchpoint repeats.
    """
    t = _texts(text)
    _require(
        journey_frame,
        ["position", "touchpoint", "moment"],
        builder="journey_map_chart",
        source="Journey.to_frame()",
    )
    _require(
        curve,
        ["touchpoint", "n", "mean", "ci_low", "ci_high"],
        builder="journey_map_chart (curve)",
        source="mot.curves.emotion_curve",
    )
    _require_unique(curve, ["touchpoint"], builder="journey_map_chart")
    order_ids = _journey_order(journey_frame)
    journey, order = _labelled(journey_frame, ["moment"], labels, order=order_ids)
    journey["moment"] = journey["moment"].fillna("")
    data, _ = _labelled(curve, ["n", "mean", "ci_low", "ci_high"], labels, order=order_ids)
    extreme_data = None
    if extremes is not None:
        extreme_data, extreme_order = _extreme_data(extremes, data, order_ids, labels, t, None)
    values = [data["ci_low"], data["ci_high"], data["mean"]]
    y_scale, extreme_data = _emotion_axis(values, extreme_data, _MAP_CURVE_HEIGHT)
    band, line, points = _curve_layers(
        data, order, t, None, x_axis=False, y_inside=True, y_scale=y_scale
    )
    curve_layers = [band, _reference_rule(data, "y", 0, t["neutral"]), line, points]
    if extreme_data is not None:
        curve_layers += _extreme_layers(extreme_data, extreme_order, t, None, x_axis=False)
    emotion = alt.layer(*curve_layers).properties(
        width="container", height=_MAP_CURVE_HEIGHT, title=_panel_title(t["emotion_mean"])
    )
    strip = _utility_strip(utilities, order_ids, labels, t)
    return alt.vconcat(_moment_band(journey, order, t), emotion, strip, spacing=14).resolve_scale(
        x="shared", color="independent", shape="independent", fill="independent"
    )


# --- 6–7. memory -----------------------------------------------------------------------------


def peak_end_chart(
    predictors: pd.DataFrame,
    *,
    text: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """Correlation of each curve summary with the remembered rating, peak-end highlighted.

    Parameters
    ----------
    predictors : DataFrame
        ``PeakEndResult.to_frame()`` from :func:`mot.memory.peak_end`: ``predictor, n, r,
        ci_low, ci_high, p_value``, one row per predictor.
    text : Mapping[str, str], optional
        Overrides of the keys ``predictor, predictor_peak_end, predictor_mean,
        predictor_end, predictor_peak, r_with_remembered, r, ci_low, ci_high, n, p_value,
        no_difference``.

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
    t = _texts(text)
    needed = ["predictor", "n", "r", "ci_low", "ci_high", "p_value"]
    _require(
        predictors, needed, builder="peak_end_chart", source="mot.memory.peak_end(...).to_frame()"
    )
    _require_unique(predictors, ["predictor"], builder="peak_end_chart")
    data = _plain(predictors, needed)
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
        _tip("predictor_label:N", t["predictor"]),
        _tip("r:Q", t["r"], ".3f"),
        _tip("ci_low:Q", t["ci_low"], ".3f"),
        _tip("ci_high:Q", t["ci_high"], ".3f"),
        _tip("n:Q", t["n"], ",d"),
        _tip("p_value:Q", t["p_value"], ".2g"),
    ]
    colour = alt.when(alt.datum.predictor == "peak_end").then(alt.value(BLUE))
    colour = colour.otherwise(alt.value(GREY))
    x = alt.X("r:Q", title=t["r_with_remembered"], scale=alt.Scale(domainMax=1, zero=True))
    base = alt.Chart(data).encode(y=y)
    errors = (
        base.transform_filter(_finite("ci_low", "ci_high"))
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
        base.transform_filter(_finite("r"))
        .transform_calculate(text_x="isFinite(datum.ci_high) ? datum.ci_high : datum.r")
        .mark_text(style="mot_value_label", align="left", dx=8)
        .encode(x="text_x:Q", text=alt.Text("r:Q", format=".2f"), tooltip=tips)
    )
    zero = _reference_rule(data, "x", 0, t["no_difference"])
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
        summary of :func:`mot.memory.memory_points` (``mean``, ``end``, ``peak``) shows how
        much worse it predicts.
    text : Mapping[str, str], optional
        Overrides of the keys ``predicted`` (x title for ``predicted``/``peak_end``),
        ``predictor_mean``, ``predictor_end``, ``predictor_peak`` (x title for the other
        summaries), ``remembered, n_respondents, fitted_line, r_squared``.

    Returns
    -------
    alt.LayerChart
        Layers: points sized by respondents, least-squares line, R² label.

    Raises
    ------
    MotError
        If the predictor or ``remembered`` column is missing.
    """
    t = _texts(text)
    if predictor is None:
        has_predicted = isinstance(points, pd.DataFrame) and "predicted" in points.columns
        predictor = "predicted" if has_predicted else "peak_end"
    _require(
        points,
        [predictor, "remembered"],
        builder="memory_scatter_chart",
        source="mot.memory.memory_points",
    )
    data = _plain(points, [predictor, "remembered"])
    data = data.rename(columns={predictor: "predicted"})
    generic = predictor in ("predicted", "peak_end")
    x_title = t["predicted"] if generic else t.get(f"predictor_{predictor}", predictor)
    x = alt.X("predicted:Q", title=x_title, scale=alt.Scale(domain=[-100, 100]))
    y = alt.Y("remembered:Q", title=t["remembered"], scale=alt.Scale(domain=[0, 100]))
    tips = [
        _tip("predicted:Q", x_title, ".1f"),
        _tip("remembered:Q", t["remembered"], ".1f"),
        _tip("count():Q", t["n_respondents"], ",d"),
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
            tooltip=[*tips[:2], _tip("respondents:Q", t["n_respondents"], ",d")],
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
                _tip("predicted:Q", x_title, ".1f"),
                _tip("remembered:Q", t["fitted_line"], ".1f"),
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
            tooltip=[_tip("rSquared:Q", t["r_squared"], ".3f")],
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


# --- 8–10. gaps, importance–performance, priorities ------------------------------------------

_GAP_COLUMNS = [
    "n_expected",
    "expected",
    "n_excellent",
    "excellent",
    "n_actual",
    "actual",
    "gap_to_expected",
    "gap_to_expected_ci_low",
    "gap_to_expected_ci_high",
    "gap_to_excellent",
    "gap_to_excellent_ci_low",
    "gap_to_excellent_ci_high",
]


def _gap_tips(t: Mapping[str, str]) -> list:
    tips = [_tip("label:N", t["touchpoint"])]
    for gap in ("gap_to_excellent", "gap_to_expected"):
        tips += [
            _tip(f"{gap}:Q", t[gap], "+.1f"),
            _tip(f"{gap}_ci_low:Q", f"{t[gap]}: {t['ci_low']}", "+.1f"),
            _tip(f"{gap}_ci_high:Q", f"{t[gap]}: {t['ci_high']}", "+.1f"),
        ]
    return tips


def gaps_chart(
    gaps: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """Expected, excellent and actual level per touchpoint, with the gap to excellent.

    Each touchpoint is a row (journey order); the expected (sky), actual (blue) and
    excellent (purple) means are points on one 0–100 axis, a thick vermillion bar spans the
    gap from actual to excellent and its size is written beside it. Tooltips give both
    gaps with their intervals.

    Parameters
    ----------
    gaps : DataFrame
        The output of :func:`mot.gaps.gap_table` (without ``by``): ``touchpoint``, the
        counts and means ``n_expected, expected, n_excellent, excellent, n_actual,
        actual`` and ``gap_to_expected``, ``gap_to_excellent`` with their ``_ci_low``,
        ``_ci_high``.
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys ``touchpoint, level, expected, actual, excellent,
        mean_0_100, mean, n, gap_to_expected, gap_to_excellent, ci_low, ci_high``.

    Returns
    -------
    alt.LayerChart
        Layers: gap bars, points, gap values.

    Raises
    ------
    MotError
        If a column is missing or a touchpoint repeats.
    """
    t = _texts(text)
    _require(gaps, ["touchpoint", *_GAP_COLUMNS], builder="gaps_chart", source="mot.gaps.gap_table")
    _require_unique(gaps, ["touchpoint"], builder="gaps_chart")
    wide, order = _labelled(gaps, _GAP_COLUMNS, labels)
    long = pd.concat(
        [
            pd.DataFrame(
                {
                    "label": wide["label"],
                    "level": level,
                    "level_label": t[level],
                    "value": wide[level],
                    "n": wide[f"n_{level}"],
                }
            )
            for level in GAP_LEVELS
        ],
        ignore_index=True,
    )
    x_scale = alt.Scale(domain=[0, 100])
    x_axis = alt.Axis(values=list(_SCALE_TICKS))
    y = _tp_y(order, t["touchpoint"])
    gap_base = alt.Chart(wide).transform_filter(_finite("actual", "excellent")).encode(y=y)
    gap_bar = gap_base.mark_rule(style="mot_gap").encode(
        x=alt.X("actual:Q", title=t["mean_0_100"], scale=x_scale, axis=x_axis),
        x2="excellent:Q",
        tooltip=_gap_tips(t),
    )
    gap_value = gap_base.mark_text(style="mot_value_label", align="left", dx=12).encode(
        x=alt.X("excellent:Q", title=t["mean_0_100"], scale=x_scale, axis=x_axis),
        text=alt.Text("gap_to_excellent:Q", format="+.1f"),
        tooltip=_gap_tips(t),
    )
    domain = [t[level] for level in GAP_LEVELS]
    points = (
        alt.Chart(long)
        .transform_filter(_finite("value"))
        .mark_point(filled=True, opacity=1)
        .encode(
            y=y,
            x=alt.X("value:Q", title=t["mean_0_100"], scale=x_scale, axis=x_axis),
            color=alt.Color(
                "level_label:N",
                title=t["level"],
                sort=domain,
                scale=_fixed_scale(GAP_LEVELS, GAP_LEVEL_COLORS, t),
            ),
            tooltip=[
                _tip("label:N", t["touchpoint"]),
                _tip("level_label:N", t["level"]),
                _tip("value:Q", t["mean"], ".1f"),
                _tip("n:Q", t["n"], ",d"),
            ],
        )
    )
    return (gap_bar + points + gap_value).properties(width="container", height=alt.Step(40))


def _padded_domain(values: pd.Series) -> list[float]:
    """A 0–100 sub-range around ``values``, padded and rounded to fives."""
    finite = pd.to_numeric(values, errors="coerce").dropna()
    finite = finite[finite.map(math.isfinite)]
    if finite.empty:
        return [0.0, 100.0]
    low = max(0.0, 5 * math.floor((float(finite.min()) - 5) / 5))
    high = min(100.0, 5 * math.ceil((float(finite.max()) + 5) / 5))
    return [low, max(high, low + 10)]


def _quadrant_corners(
    x_domain: Sequence[float], y_domain: Sequence[float], t: Mapping[str, str]
) -> list[alt.Chart]:
    """The four quadrant names, one in each corner of the plot."""
    corners = {
        "concentrate_here": (x_domain[0], y_domain[1], "left", "top"),
        "keep_up": (x_domain[1], y_domain[1], "right", "top"),
        "low_priority": (x_domain[0], y_domain[0], "left", "bottom"),
        "possible_overkill": (x_domain[1], y_domain[0], "right", "bottom"),
    }
    layers = []
    for quadrant, (x, y, align, baseline) in corners.items():
        frame = pd.DataFrame({"x": [x], "y": [y], "name": [t[quadrant]]})
        layers.append(
            alt.Chart(frame)
            .mark_text(
                style="mot_corner",
                align=align,
                baseline=baseline,
                color=QUADRANT_COLORS[quadrant],
                dx=6 if align == "left" else -6,
                dy=6 if baseline == "top" else -6,
            )
            .encode(
                x=alt.X("x:Q", scale=alt.Scale(domain=list(x_domain), nice=False)),
                y=alt.Y("y:Q", scale=alt.Scale(domain=list(y_domain), nice=False)),
                text="name:N",
                tooltip=[_tip("name:N", t["quadrant"])],
            )
        )
    return layers


def importance_performance_chart(
    ip: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """Importance–performance grid: touchpoints placed by performance (x) and importance (y).

    Points are labelled with the touchpoint and coloured by quadrant; dashed lines mark the
    average performance and importance (the quadrant boundaries) and the quadrant names
    sit in the corners.

    Parameters
    ----------
    ip : DataFrame
        The output of :func:`mot.gaps.importance_performance`: ``touchpoint, importance,
        performance, quadrant`` (``importance_source`` shown when present).
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys ``touchpoint, performance, importance, importance_source,
        stated, derived, quadrant, concentrate_here, keep_up, low_priority,
        possible_overkill, average_performance, average_importance``.

    Returns
    -------
    alt.LayerChart
        Layers: average lines, points, point labels, quadrant names.

    Raises
    ------
    MotError
        If a column is missing or a touchpoint repeats.
    """
    t = _texts(text)
    needed = ["touchpoint", "importance", "performance", "quadrant"]
    _require(
        ip, needed, builder="importance_performance_chart", source="mot.gaps.importance_performance"
    )
    _require_unique(ip, ["touchpoint"], builder="importance_performance_chart")
    extra = ["importance_source"] if "importance_source" in ip.columns else []
    data, _ = _labelled(ip, needed[1:] + extra, labels)
    data["quadrant_label"] = data["quadrant"].map(lambda q: t.get(q, q) if q else q)
    if extra:
        data["source_label"] = data["importance_source"].map(lambda s: t.get(s, s) if s else s)
    x_domain, y_domain = _padded_domain(data["performance"]), _padded_domain(data["importance"])
    x_scale = alt.Scale(domain=x_domain, nice=False)
    y_scale = alt.Scale(domain=y_domain, nice=False)
    x = alt.X("performance:Q", title=t["performance"], scale=x_scale)
    y = alt.Y("importance:Q", title=t["importance"], scale=y_scale)
    # Names go right of a point in the left half of the plot, left of it in the right half.
    data["name_side"] = (data["performance"] > sum(x_domain) / 2).map(
        {True: "right", False: "left"}
    )
    tips = [
        _tip("label:N", t["touchpoint"]),
        _tip("performance:Q", t["performance"], ".1f"),
        _tip("importance:Q", t["importance"], ".1f"),
        *([_tip("source_label:N", t["importance_source"])] if extra else []),
        _tip("quadrant_label:N", t["quadrant"]),
    ]
    base = alt.Chart(data).transform_filter(_finite("performance", "importance"))
    v_rule = base.mark_rule(style="mot_reference").encode(
        x=alt.X("mean(performance):Q", title=t["performance"], scale=x_scale),
        tooltip=[_tip("mean(performance):Q", t["average_performance"], ".1f")],
    )
    h_rule = base.mark_rule(style="mot_reference").encode(
        y=alt.Y("mean(importance):Q", title=t["importance"], scale=y_scale),
        tooltip=[_tip("mean(importance):Q", t["average_importance"], ".1f")],
    )
    present = [q for q in QUADRANTS if q in set(data["quadrant"].dropna())]
    points = base.mark_point(filled=True, opacity=1, style="mot_extreme").encode(
        x=x,
        y=y,
        color=alt.Color(
            "quadrant_label:N",
            title=t["quadrant"],
            sort=[t[q] for q in present],
            scale=_fixed_scale(present, QUADRANT_COLORS, t),
        ),
        tooltip=tips,
    )
    names = [
        base.transform_filter(alt.datum.name_side == side)
        .mark_text(align=side, dx=12 if side == "left" else -12, style="mot_value_label")
        .encode(x=x, y=y, text="label:N", tooltip=tips)
        for side in ("left", "right")
    ]
    layers = [v_rule, h_rule, points, *names, *_quadrant_corners(x_domain, y_domain, t)]
    return alt.layer(*layers).properties(width="container", height=420)


def priorities_chart(
    priorities: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """Horizontal bars of the corrective-action priority, most urgent at the top.

    Rows follow ``rank`` (touchpoints without a priority last, without a bar); bars are
    coloured by importance–performance quadrant.

    Parameters
    ----------
    priorities : DataFrame
        The output of :func:`mot.gaps.priorities`: ``rank, touchpoint, importance,
        gap_used, gap, priority, quadrant`` (``rule`` shown when present).
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys ``touchpoint, priority, rank, importance, gap, target,
        to_excellent, to_expected, quadrant, concentrate_here, keep_up, low_priority,
        possible_overkill, rule, no_difference``.

    Returns
    -------
    alt.LayerChart
        Layers: zero line, bars, values.

    Raises
    ------
    MotError
        If a column is missing or a touchpoint repeats.
    """
    t = _texts(text)
    needed = ["rank", "touchpoint", "importance", "gap_used", "gap", "priority", "quadrant"]
    _require(priorities, needed, builder="priorities_chart", source="mot.gaps.priorities")
    _require_unique(priorities, ["touchpoint"], builder="priorities_chart")
    ranked = priorities.assign(_rank=pd.to_numeric(priorities["rank"], errors="coerce"))
    ranked = ranked.sort_values("_rank", kind="stable", na_position="last")
    rank_order = [str(v) for v in ranked["touchpoint"]]
    extra = ["rule"] if "rule" in priorities.columns else []
    data, order = _labelled(
        ranked, [c for c in needed if c != "touchpoint"] + extra, labels, order=rank_order
    )
    for column in ("quadrant", "gap_used"):
        data[f"{column}_label"] = data[column].map(lambda v: t.get(v, v) if v else v)
    present = [q for q in QUADRANTS if q in set(data["quadrant"].dropna())]
    tips = [
        _tip("rank:Q", t["rank"], ".0f"),
        _tip("label:N", t["touchpoint"]),
        _tip("priority:Q", t["priority"], ".1f"),
        _tip("importance:Q", t["importance"], ".1f"),
        _tip("gap:Q", t["gap"], "+.1f"),
        _tip("gap_used_label:N", t["target"]),
        _tip("quadrant_label:N", t["quadrant"]),
        *([_tip("rule:N", t["rule"])] if extra else []),
    ]
    base = alt.Chart(data).encode(y=_tp_y(order, t["touchpoint"]))
    x = alt.X("priority:Q", title=t["priority"])
    bars = base.mark_bar().encode(
        x=x,
        color=alt.Color(
            "quadrant_label:N",
            title=t["quadrant"],
            sort=[t[q] for q in present],
            scale=_fixed_scale(present, QUADRANT_COLORS, t),
        ),
        tooltip=tips,
    )
    values = (
        base.transform_filter(_finite("priority"))
        .mark_text(style="mot_value_label", align="left", dx=5)
        .encode(x=x, text=alt.Text("priority:Q", format=".1f"), tooltip=tips)
    )
    zero = _reference_rule(data, "x", 0, t["no_difference"])
    return (zero + bars + values).properties(width="container", height=alt.Step(40))


# --- 11. drivers -----------------------------------------------------------------------------


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
    t = _texts(text)
    needed = ["touchpoint", "n", "r", "raw_weight", "raw_weight_ci_low", "raw_weight_ci_high"]
    needed += ["share", "r2"]
    _require(drivers, needed, builder="drivers_chart", source="mot.drivers.driver_importance")
    _require_unique(drivers, ["touchpoint"], builder="drivers_chart")
    extra = [c for c in ("r_p_value", "n_excluded") if c in drivers.columns]
    data, order = _labelled(drivers, needed[1:] + extra, labels)
    r2 = data["r2"].where(data["r2"] > 0)
    data["share_ci_low"] = data["raw_weight_ci_low"] / r2
    data["share_ci_high"] = data["raw_weight_ci_high"] / r2
    data["text_x"] = data[["share", "share_ci_high"]].max(axis=1, skipna=True)
    tips = [
        _tip("label:N", t["touchpoint"]),
        _tip("share:Q", t["share"], ".1%"),
        _tip("share_ci_low:Q", t["ci_low"], ".1%"),
        _tip("share_ci_high:Q", t["ci_high"], ".1%"),
        _tip("r:Q", t["correlation"], ".2f"),
        *_optional_tips(data, [("r_p_value:Q", t["r_p_value"], ".2g")]),
        _tip("raw_weight:Q", t["raw_weight"], ".3f"),
        _tip("r2:Q", t["r2"], ".3f"),
        _tip("n:Q", t["n"], ",d"),
        *_optional_tips(data, [("n_excluded:Q", t["n_excluded"], ",d")]),
    ]
    x = alt.X("share:Q", title=t["share"], axis=alt.Axis(format=".0%"))
    base = alt.Chart(data).encode(y=_tp_y(order, t["touchpoint"]))
    bars = base.mark_bar(color=BLUE).encode(x=x, tooltip=tips)
    errors = (
        base.transform_filter(_finite("share_ci_low", "share_ci_high"))
        .mark_rule(style="mot_errorbar", color=INK)
        .encode(x=alt.X("share_ci_low:Q", title=t["share"]), x2="share_ci_high:Q", tooltip=tips)
    )
    prefix = json.dumps(f"{t['r']} = ", ensure_ascii=False)
    values = (
        base.transform_filter(_finite("r", "text_x"))
        .transform_calculate(r_label=f"{prefix} + format(datum.r, '.2f')")
        .mark_text(style="mot_value_label", align="left", dx=8)
        .encode(x=alt.X("text_x:Q", title=t["share"]), text="r_label:N", tooltip=tips)
    )
    return (bars + errors + values).properties(width="container", height=alt.Step(40))


# --- 12. group comparisons -------------------------------------------------------------------

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
        _tip("label:N", t["touchpoint"]),
        _tip("pair_label:N", t["pair"]),
        _tip("difference:Q", t["difference"], "+.1f"),
        _tip("ci_low:Q", t["ci_low"], "+.1f"),
        _tip("ci_high:Q", t["ci_high"], "+.1f"),
        _tip("p_adjusted:Q", t["p_adjusted"], ".2g"),
        _tip("significant_label:N", t["significant"]),
    ]
    for column, kind, key, fmt in _COMPARISON_TIPS:
        if column in data.columns:
            title = f"{t[key]} ({column[-1]})" if column.startswith("n_") else t[key]
            tips.append(_tip(column + kind, title, fmt))
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
    t = _texts(text)
    needed = ["touchpoint", "group_a", "group_b", "difference", "ci_low", "ci_high"]
    needed += ["p_adjusted", "significant"]
    _require(comparison, needed, builder="comparison_chart", source="mot.compare.compare_groups")
    _require_unique(comparison, ["touchpoint", "group_a", "group_b"], builder="comparison_chart")
    extra = [c for c, *_ in _COMPARISON_TIPS if c in comparison.columns]
    data, order = _labelled(comparison, needed[1:] + extra, labels)
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
        y=_tp_y(order, t["touchpoint"]), yOffset=alt.YOffset("pair_label:N", sort=pairs)
    )
    errors = (
        base.transform_filter(_finite("ci_low", "ci_high"))
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
    zero = _reference_rule(data, "x", 0, t["no_difference"])
    # A touchpoint's row is at least 28 pixels high, room for its label in large type too.
    step = alt.Step(max(16, round(28 / max(len(pairs), 1))), **{"for": "offset"})
    return (zero + errors + points).properties(width="container", height=step)


# --- 13. NPS ---------------------------------------------------------------------------------


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
    t = _texts(text)
    needed = ["n", "promoters", "passives", "detractors", "score", "ci_low", "ci_high"]
    _require(nps_table, needed + ([by] if by else []), builder="nps_chart", source="mot.wom.nps")
    if by is None and len(nps_table) > 1:
        message = Message("charts.nps_rows", n=len(nps_table))
        raise MotError(message)
    data = _plain(nps_table, needed + ([by] if by else []))
    data["segment"] = data[by] if by else t["all_respondents"]
    segments = _segment_order(nps_table, by) if by else [t["all_respondents"]]
    segment_title = _segment_title(t, by) if by else t["all_respondents"]
    y = alt.Y("segment:N", sort=segments, title=segment_title if by else None)
    tips = [
        _tip("segment:N", segment_title),
        _tip("score:Q", t["nps"], "+.1f"),
        _tip("ci_low:Q", t["ci_low"], "+.1f"),
        _tip("ci_high:Q", t["ci_high"], "+.1f"),
        _tip("n:Q", t["n"], ",d"),
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
        base.transform_filter(_finite("score", "text_x"))
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
        _reference_rule(data, "x", 0, t["no_difference"])
        + base.mark_bar(color=BLUE, opacity=0.85).encode(x=x, tooltip=tips)
        + base.transform_filter(_finite("ci_low", "ci_high"))
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
                scale=_fixed_scale(NPS_CLASSES, NPS_COLORS, t),
            ),
            order=alt.Order("stack_order:Q"),
            tooltip=[
                _tip("segment:N", segment_title),
                _tip("answer_label:N", t["answer"]),
                _tip("share:Q", t["share_of_respondents"], ".1%"),
                _tip("count:Q", t["n_respondents"], ",d"),
            ],
        )
        .properties(width=300, height=alt.Step(40))
    )


NUMBER_LOCALES: dict[str, dict] = {
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
    "es": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", "\u00a0€"]},
}
"""d3 number locales: how axis labels and tooltips write numbers in each language."""

TIME_LOCALES: dict[str, dict] = {
    "es": {
        "dateTime": "%A, %e de %B de %Y, %X",
        "date": "%d/%m/%Y",
        "time": "%H:%M:%S",
        "periods": ["a. m.", "p. m."],
        "days": ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
        "shortDays": ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"],
        "months": [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
        "shortMonths": [
            "ene",
            "feb",
            "mar",
            "abr",
            "may",
            "jun",
            "jul",
            "ago",
            "sept",
            "oct",
            "nov",
            "dic",
        ],
    },
}
"""d3 time locales: the month and day names of date axes (English is Vega's default)."""


def localised(chart: alt.TopLevelMixin, language: str) -> alt.TopLevelMixin:
    """Return ``chart`` with numbers and dates written as ``language`` writes them.

    In Spanish: 1.234,5 and "13 jul".

    Applied to the finished top-level chart when it is drawn; the theme's configuration is
    kept (Altair merges it with this one).

    Parameters
    ----------
    chart : alt.Chart or a layered / concatenated chart
        A finished chart.
    language : {"en", "es"}
        The language of the session.

    Returns
    -------
    alt.Chart
        A copy with ``config.locale`` set; the chart itself for English.
    """
    if language not in NUMBER_LOCALES or language == "en":
        return chart
    locale = {"number": NUMBER_LOCALES[language]}
    if language in TIME_LOCALES:
        locale["time"] = TIME_LOCALES[language]
    return chart.configure(locale=locale)


# --- 14. behaviour (event log) ---------------------------------------------------------------
#
# The builders below chart the tables of :mod:`mot.behaviour`. Funnel steps may be touchpoint
# ids or raw event names: ``labels`` maps the ones it knows, the others are shown as they are.

_FUNNEL_SOURCE = "mot.behaviour.ordered_funnel"
_FUNNEL_NEEDED = (
    "step",
    "position",
    "users",
    "conversion_from_previous",
    "conversion_from_start",
    "ci_low",
    "ci_high",
    "drop_off",
)
_MINUTE = 1 / 60  # hours: the floor of the log time axis
_TIME_TICKS = (1 / 60, 10 / 60, 1.0, 6.0, 24.0, 7 * 24.0, 30 * 24.0, 365 * 24.0)
_SIGNIFICANCE = 0.05


def _lines_expr(lines: Mapping[str, Sequence[str]]) -> str | None:
    """Vega expression writing each axis label over the given lines, or None if all are one."""
    multi = {label: list(parts) for label, parts in lines.items() if len(parts) > 1}
    if not multi:
        return None
    return f"({json.dumps(multi, ensure_ascii=False)})[datum.label] || datum.label"


def _segment_colours(segments: Sequence[str], extra: Sequence[tuple[str, str]] = ()):
    """Colour scale: the palette over ``segments`` in order, then fixed (name, colour) pairs."""
    names = [*segments, *(name for name, _ in extra)]
    colours = [PALETTE[k % len(PALETTE)] for k in range(len(segments))]
    return alt.Scale(domain=names, range=colours + [colour for _, colour in extra])


def _step_data(
    table: pd.DataFrame,
    columns: Sequence[str],
    labels: Mapping[str, str] | None,
    order: Sequence[str] | None = None,
) -> tuple[pd.DataFrame, list[str]]:
    """Plain funnel rows with a ``label`` per step, and the labels in ``position`` order.

    The step value (touchpoint id or event name) stays in the field ``step``.
    """
    frame = table.rename(columns={"step": "touchpoint"})
    data, names = _labelled(frame, [c for c in columns if c != "position"], labels, order)
    return data.rename(columns={"touchpoint": "step"}), names


def _funnel_tips(t: Mapping[str, str], by: str | None, opened: bool) -> list:
    tips = [_tip("label:N", t["step"])]
    if by:
        tips.append(_tip(f"{_SEGMENT}:N", _segment_title(t, by)))
    tips += [
        _tip("users:Q", t["users"], ",d"),
        _tip("conversion_from_previous:Q", t["conversion_from_previous"], ".1%"),
        _tip("conversion_from_start:Q", t["conversion_from_start"], ".1%"),
        _tip("ci_low:Q", t["ci_low"], ".1%"),
        _tip("ci_high:Q", t["ci_high"], ".1%"),
        _tip("drop_off:Q", t["drop_off"], ",d"),
    ]
    if opened:
        tips.append(_tip("open_users:Q", t["reached_any_order"], ",d"))
    return tips


def _open_funnel_rows(
    open_funnel: pd.DataFrame, by: str | None, steps: Sequence[str]
) -> pd.DataFrame:
    """Users of the open funnel per step (and segment), to merge onto the ordered funnel."""
    keys = ["step", *([by] if by else [])]
    _require(
        open_funnel,
        [*keys, "position", "users"],
        builder="funnel_chart (open_funnel)",
        source="mot.behaviour.open_funnel",
    )
    _require_unique(open_funnel, keys, builder="funnel_chart (open_funnel)")
    rows = _plain(open_funnel, [*keys, "users"]).rename(columns={"users": "open_users"})
    return rows[rows["step"].isin(set(steps)).to_numpy()]


def funnel_chart(
    funnel: pd.DataFrame,
    *,
    open_funnel: pd.DataFrame | None = None,
    by: str | None = None,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """Ordered conversion funnel: users per step as bars, labelled with the conversion.

    Steps run down the y axis in ``position`` order; each horizontal bar is the number of
    users who reached the step in order, labelled with ``conversion_from_start`` in
    percent. With
    ``open_funnel`` each step also gets a light-grey bar behind, the users who reached it at
    all (in any order): the grey part above a coloured bar is the users lost to the order.
    With ``by`` the segments' bars stand one under the other within each step, one colour
    per segment, each labelled with its own conversion.

    Parameters
    ----------
    funnel : DataFrame
        The output of :func:`mot.behaviour.ordered_funnel`: ``step, position, users,
        conversion_from_previous, conversion_from_start, ci_low, ci_high, drop_off``, plus
        ``by`` when given. ``step`` holds touchpoint ids or raw event names.
    open_funnel : DataFrame, optional
        The output of :func:`mot.behaviour.open_funnel` on the same steps (and ``by``):
        ``step, position, users``. Its steps absent from ``funnel`` are left out.
    by : str, optional
        The segment column of funnels computed with ``by``.
    labels : Mapping[str, str], optional
        Step (touchpoint id) → display label; default the step value.
    text : Mapping[str, str], optional
        Overrides of the keys ``step, users, conversion_from_previous,
        conversion_from_start, ci_low, ci_high, drop_off, reached_in_order,
        reached_any_order`` and ``by`` (the segment's title).

    Returns
    -------
    alt.LayerChart
        Layers: open-funnel bars (optional), ordered bars, conversion labels.

    Raises
    ------
    MotError
        If a column is missing or a step repeats (a by-segment table passed without
        ``by``), in either table.
    """
    t = _texts(text)
    segment = [by] if by else []
    _require(funnel, [*_FUNNEL_NEEDED, *segment], builder="funnel_chart", source=_FUNNEL_SOURCE)
    _require_unique(funnel, [*segment, "step"], builder="funnel_chart")
    data, order = _step_data(funnel, [*_FUNNEL_NEEDED[1:], *segment], labels)
    opened = open_funnel is not None
    if opened:
        rows = _open_funnel_rows(open_funnel, by, list(data["step"]))
        data = data.merge(rows, on=["step", *segment], how="left")
    data = data.rename(columns={by: _SEGMENT}) if by else data
    segments = _segment_order(funnel, by) if by else []
    in_order, any_order = t["reached_in_order"], t["reached_any_order"]
    data["series"] = data[_SEGMENT] if by else in_order
    data["open_series"] = any_order
    extra = [(any_order, LIGHT_GREY)] if opened else []
    scale = _segment_colours(segments or [in_order], extra)
    legend = alt.Legend(title=_segment_title(t, by) if by else None)
    colour = alt.Color("series:N", scale=scale, legend=legend)
    if not by and not opened:
        colour = alt.value(BLUE)
    offset = {"yOffset": alt.YOffset(f"{_SEGMENT}:N", sort=segments)} if by else {}
    # Room right of the longest bar for its label.
    counts = data[["users", "open_users"] if opened else ["users"]]
    top = float(counts.apply(pd.to_numeric, errors="coerce").max().max())
    domain = {"domain": [0, top * 1.12], "nice": True} if top > 0 else {}
    x_scale = alt.Scale(**domain)
    axis = alt.Axis(format=",~r", tickCount=5)
    x = alt.X("users:Q", title=t["users"], scale=x_scale, axis=axis)
    base = alt.Chart(data).encode(y=_tp_y(order, t["step"]), **offset)
    tips = _funnel_tips(t, by, opened)
    bars = base.mark_bar().encode(x=x, color=colour, tooltip=tips)
    values = (
        base.transform_filter(_finite("conversion_from_start"))
        .mark_text(style="mot_value_label", align="left", dx=4)
        .encode(x=x, text=alt.Text("conversion_from_start:Q", format=".0%"), tooltip=tips)
    )
    layers = [bars, values]
    if opened:
        open_tips = [tips[0], *(tips[1:2] if by else []), _tip("open_users:Q", any_order, ",d")]
        open_tips.append(_tip("users:Q", in_order, ",d"))
        behind = (
            base.transform_filter(_finite("open_users"))
            .mark_bar()
            .encode(
                x=alt.X("open_users:Q", title=t["users"], scale=x_scale),
                color=alt.Color("open_series:N", scale=scale, legend=legend),
                tooltip=open_tips,
            )
        )
        layers.insert(0, behind)
    height = alt.Step(20, **{"for": "offset"}) if by else alt.Step(44)
    return alt.layer(*layers).properties(width="container", height=height)


def _hours_expr(field: str, t: Mapping[str, str]) -> str:
    """Vega expression writing a duration in hours as minutes, hours or days."""
    v = f"datum[{json.dumps(field)}]"
    units = {k: json.dumps(" " + t[k], ensure_ascii=False) for k in ("unit_minutes", "unit_hours")}
    days = json.dumps(" " + t["unit_days"], ensure_ascii=False)
    return (
        f"!isFinite({v}) ? '–' : {v} < 1 ? format({v} * 60, ',.0f') + {units['unit_minutes']}"
        f" : {v} < 48 ? format({v}, ',.1~f') + {units['unit_hours']}"
        f" : format({v} / 24, ',.1~f') + {days}"
    )


def _time_domain(data: pd.DataFrame) -> tuple[list[float], list[float]]:
    """Domain of the log time axis and the human ticks inside it.

    The domain runs from the human tick below the data to a margin above it.
    """
    drawn = data[["q1_plot", "median_plot", "q3_plot"]].to_numpy(dtype="float64")
    drawn = drawn[np.isfinite(drawn)]
    low, high = (float(drawn.min()), float(drawn.max())) if drawn.size else (1.0, 24.0)
    low = max([tick for tick in _TIME_TICKS if tick <= low * 1.0001], default=low)
    high = max(high * 1.5, low * 10)
    ticks = [tick for tick in _TIME_TICKS if low <= tick <= high]
    return [low, high], ticks


def time_between_chart(
    table: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """Time from each touchpoint to the next: the middle half of users and the median.

    One row per consecutive pair "FROM → TO", in the table's (journey) order. The bar runs
    from ``q1_hours`` to ``q3_hours`` (the middle half of the users who made the move) and
    the tick marks ``median_hours``, labelled, on a logarithmic time axis with human ticks
    (1 min, 10 min, 1 h, 6 h, 24 h, 7 days, 30 days, 365 days). A log axis cannot show 0:
    durations below one minute (zeros included) are drawn at one minute; tooltips and labels
    keep the exact values. Pairs without users are written "No users".

    Parameters
    ----------
    table : DataFrame
        The output of :func:`mot.behaviour.time_between`: ``from_touchpoint,
        to_touchpoint, users, median_hours, q1_hours, q3_hours``.
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys ``from_to, users_both, time_to_next, median_time,
        middle_half, no_users, unit_minutes, unit_hours, unit_days``.

    Returns
    -------
    alt.LayerChart
        Layers: interquartile bars, median ticks, median labels, "No users" notes.

    Raises
    ------
    MotError
        If a column is missing or a pair repeats.
    """
    t = _texts(text)
    needed = ["from_touchpoint", "to_touchpoint", "users", "median_hours", "q1_hours"]
    needed.append("q3_hours")
    source = "mot.behaviour.time_between"
    _require(table, needed, builder="time_between_chart", source=source)
    _require_unique(table, needed[:2], builder="time_between_chart")
    data = _plain(table, needed)
    pairs = list(zip(data["from_touchpoint"], data["to_touchpoint"], strict=True))
    names = _label_map([i for i in dict.fromkeys(v for p in pairs for v in p) if i], labels)
    for column, k in (("from_label", 0), ("to_label", 1)):
        data[column] = pd.Series([names.get(p[k], "–") for p in pairs], dtype=object)
    joined = zip(data["from_label"], data["to_label"], strict=True)
    data["label"] = pd.Series([f"{a} → {b}" for a, b in joined], dtype=object)
    order = list(dict.fromkeys(data["label"]))
    lines = {
        label: [f"{a} →", b] if len(label) > 2 * _TITLE_LIMIT else [label]
        for label, a, b in zip(data["label"], data["from_label"], data["to_label"], strict=True)
    }
    for column in ("q1", "median", "q3"):
        hours = pd.to_numeric(data[f"{column}_hours"], errors="coerce").astype("float64")
        data[f"{column}_plot"] = hours.clip(lower=_MINUTE)
    data["iqr_series"] = t["middle_half"]
    data["median_series"] = t["median_time"]
    domain, ticks = _time_domain(data)
    data["note_x"] = domain[0]
    expr = _lines_expr(lines)
    y = alt.Y(
        "label:N",
        sort=order,
        title=t["from_to"],
        axis=alt.Axis(labelExpr=expr) if expr else alt.Axis(),
    )
    x_title = t["time_to_next"]
    axis = alt.Axis(values=ticks, labelExpr=_hours_expr("value", t))
    scale = alt.Scale(type="log", domain=domain)
    colours = alt.Scale(domain=[t["middle_half"], t["median_time"]], range=[SKY, INK])
    legend = alt.Legend(title=None, direction="vertical", symbolType="square")
    tips = [
        _tip("label:N", t["from_to"]),
        _tip("users:Q", t["users_both"], ",d"),
        _tip("median_text:N", t["median_time"]),
        _tip("iqr_text:N", t["middle_half"]),
    ]
    base = (
        alt.Chart(data)
        .transform_calculate(
            median_text=_hours_expr("median_hours", t),
            iqr_text=f"({_hours_expr('q1_hours', t)}) + ' – ' + ({_hours_expr('q3_hours', t)})",
        )
        .encode(y=y)
    )
    finite = base.transform_filter(_finite("q1_plot", "q3_plot", "median_plot"))
    bars = finite.mark_bar(height=16).encode(
        x=alt.X("q1_plot:Q", title=x_title, scale=scale, axis=axis),
        x2="q3_plot:Q",
        color=alt.Color("iqr_series:N", scale=colours, legend=legend),
        tooltip=tips,
    )
    x_median = alt.X("median_plot:Q", title=x_title, scale=scale, axis=axis)
    ticks_mark = finite.mark_tick(thickness=3, size=24).encode(
        x=x_median,
        color=alt.Color("median_series:N", scale=colours, legend=legend),
        tooltip=tips,
    )
    values = finite.mark_text(style="mot_value_label", baseline="bottom", dy=-13).encode(
        x=x_median, text="median_text:N", tooltip=tips
    )
    notes = (
        base.transform_filter(f"!({_finite('median_plot')})")
        .transform_calculate(note=json.dumps(t["no_users"], ensure_ascii=False))
        .mark_text(style="mot_corner", align="left", dx=4)
        .encode(
            x=alt.X("note_x:Q", title=x_title, scale=scale, axis=axis),
            text="note:N",
            tooltip=[_tip("label:N", t["from_to"]), _tip("users:Q", t["users_both"], ",d")],
        )
    )
    step = alt.Step(60 if expr else 48)  # room for the median labels and two-line names
    return alt.layer(bars, ticks_mark, values, notes).properties(width="container", height=step)


def _trend_flags(data: pd.DataFrame, t: Mapping[str, str]) -> pd.Series:
    """Translated flag per period: dip, spike or (as a tooltip value) no."""
    dip = data["dip"].map(lambda v: bool(v) if v is not None else False)
    spike = data["spike"].map(lambda v: bool(v) if v is not None else False)
    flag = pd.Series(t["no"], index=data.index, dtype=object)
    flag[spike.to_numpy(bool)] = t["spike"]
    flag[dip.to_numpy(bool)] = t["dip"]
    return flag


def _period_x(periods: pd.Series, title: str, labelled: bool = True, padding: int = 12) -> alt.X:
    """Temporal x of period starts: ticks on the periods themselves (at most about ten).

    ``labelled=False`` keeps only the grid lines (a panel above the one with the axis);
    ``padding`` (pixels) is left free at both ends, room for a y axis drawn inside.
    """
    starts = sorted(set(pd.to_datetime(periods.dropna())))
    monthly = len(starts) > 1 and pd.Series(starts).diff().min() >= pd.Timedelta(days=28)
    every = max(1, math.ceil(len(starts) / 10))
    values = [alt.DateTime(year=s.year, month=s.month, date=s.day) for s in starts[::every]]
    options = {"values": values} if values else {}
    if not labelled:
        options.update(labels=False, ticks=False, domain=False, title=None)
    axis = alt.Axis(format="%b %Y" if monthly else "%-d %b", **options)
    return alt.X("period_start:T", title=title, axis=axis, scale=alt.Scale(padding=padding))


def behaviour_trend_chart(
    trend: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.VConcatChart:
    """Users per period for each touchpoint, with the usual level and the unusual periods.

    Small multiples as wide as the page, one panel per touchpoint in journey order (its
    title the touchpoint, its y axis inside it), each with its own y scale and one shared
    time axis at the bottom:
    users per period as a blue line, the baseline (median of the touchpoint's periods) as a
    dashed grey line, dips marked with vermillion points and spikes with green points.
    Works on :func:`mot.behaviour.event_trend` too, whose event names are also in the
    column ``touchpoint`` (rows in the order of the events asked for).

    Parameters
    ----------
    trend : DataFrame
        The output of :func:`mot.behaviour.trend` or :func:`mot.behaviour.event_trend`:
        ``period_start, touchpoint, users, events, baseline, dip, spike``.
    labels : Mapping[str, str], optional
        Touchpoint id (or event name) → display label; default the value itself.
    text : Mapping[str, str], optional
        Overrides of the keys ``touchpoint, period_start, users, events, baseline,
        unusual, dip, spike, no``.

    Returns
    -------
    alt.VConcatChart
        One panel per touchpoint (one empty panel without rows); layers: baseline, users
        line, dip and spike points.

    Raises
    ------
    MotError
        If a column is missing, a touchpoint repeats a period, or the table has more than
        :data:`MAX_TREND_ROWS` rows (choose a longer period or fewer series).
    """
    t = _texts(text)
    needed = ["period_start", "touchpoint", "users", "events", "baseline", "dip", "spike"]
    _require(trend, needed, builder="behaviour_trend_chart", source="mot.behaviour.trend")
    if len(trend) > MAX_TREND_ROWS:
        series = trend["touchpoint"].nunique()
        message = Message("charts.trend_points", n=len(trend), series=series, limit=MAX_TREND_ROWS)
        raise MotError(message)
    _require_unique(trend, ["touchpoint", "period_start"], builder="behaviour_trend_chart")
    data, order = _labelled(trend, [c for c in needed if c != "touchpoint"], labels)
    data["period_start"] = pd.to_datetime(data["period_start"])
    data["flag"] = _trend_flags(data, t)
    data["users_series"] = t["users"]
    data["baseline_series"] = t["baseline"]
    names = [t["users"], t["baseline"], t["dip"], t["spike"]]
    colours = alt.Scale(domain=names, range=[BLUE, GREY, VERMILLION, GREEN])
    legend = alt.Legend(title=None)
    tips = [
        _tip("label:N", t["touchpoint"]),
        _tip("period_start:T", t["period_start"], "%d %b %Y"),
        _tip("users:Q", t["users"], ",d"),
        _tip("events:Q", t["events"], ",d"),
        _tip("baseline:Q", t["baseline"], ",.1f"),
        _tip("flag:N", t["unusual"]),
    ]
    axis = _inner_y_axis()
    axis.format, axis.tickCount = ",~r", 3
    y = alt.Y("users:Q", title=t["users"], axis=axis)
    shown = order or [None]  # no rows: one empty panel, not an empty chart

    def panel(label: str | None, x: alt.X) -> alt.LayerChart:
        base = alt.Chart().encode(x=x)
        if label is not None:
            base = base.transform_filter(alt.FieldEqualPredicate(field="label", equal=label))
        baseline = base.mark_line(style="mot_reference").encode(
            y=alt.Y("baseline:Q", title=t["users"]),
            color=alt.Color("baseline_series:N", scale=colours, legend=legend),
            tooltip=tips,
        )
        line = base.mark_line().encode(
            y=y, color=alt.Color("users_series:N", scale=colours, legend=legend), tooltip=tips
        )
        unusual = (
            base.transform_filter(
                alt.FieldOneOfPredicate(field="flag", oneOf=[t["dip"], t["spike"]])
            )
            .mark_point(filled=True, opacity=1, style="mot_extreme")
            .encode(y=y, color=alt.Color("flag:N", scale=colours, legend=legend), tooltip=tips)
        )
        titled = {"title": _panel_title(label)} if label is not None else {}
        return alt.layer(baseline, line, unusual).properties(width="container", height=80, **titled)

    # one time axis, under the last panel: the panels share the x scale
    # the scale's padding leaves the y labels, drawn inside, clear of the first period
    x = _period_x(data["period_start"], t["period_start"], padding=_INNER_AXIS_ROOM)
    quiet = _period_x(data["period_start"], t["period_start"], False, _INNER_AXIS_ROOM)
    panels = [panel(label, x if k == len(shown) - 1 else quiet) for k, label in enumerate(shown)]
    return alt.vconcat(*panels, data=data, spacing=10).resolve_scale(x="shared", y="independent")


def _difference_rows(table: pd.DataFrame, order: Sequence[str]) -> pd.DataFrame:
    """Rows sorted by the step order ``order`` (labels), keeping the given order within a step."""
    rank = {label: k for k, label in enumerate(order)}
    keyed = table.assign(_rank=table["label"].map(rank)).sort_values("_rank", kind="stable")
    return keyed.drop(columns="_rank").reset_index(drop=True)


def conversion_difference_chart(
    compare: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """Forest plot of conversion differences between groups, per funnel step and pair.

    One row per step and pair of groups (the step on the first line of the row's label,
    "a − b" on the second), steps in the order they first appear in the table (concatenate
    :func:`mot.behaviour.compare_conversion` results in funnel order): the difference in
    conversion ``p_a − p_b`` in percentage points as a point with its interval, and a line
    at zero. Blue when significant after the multiple-comparison correction (adjusted
    p < 0.05), grey otherwise.

    Parameters
    ----------
    compare : DataFrame
        The output of :func:`mot.behaviour.compare_conversion` (one or several, stacked):
        ``step, group_a, group_b, n_a, n_b, p_a, p_b, difference, ci_low, ci_high, z,
        p_value, cohens_h, p_adjusted``.
    labels : Mapping[str, str], optional
        Step (touchpoint id) → display label; default the step value.
    text : Mapping[str, str], optional
        Overrides of the keys ``step, pair, conversion_difference, conversion_a,
        conversion_b, n, ci_low, ci_high, z, p_value, p_adjusted, cohens_h,
        significant_05, yes, no, no_difference``.

    Returns
    -------
    alt.LayerChart
        Layers: zero line, error bars, points.

    Raises
    ------
    MotError
        If a column is missing or a step and pair repeat.
    """
    t = _texts(text)
    needed = ["step", "group_a", "group_b", "n_a", "n_b", "p_a", "p_b", "difference"]
    needed += ["ci_low", "ci_high", "z", "p_value", "cohens_h", "p_adjusted"]
    source = "mot.behaviour.compare_conversion"
    _require(compare, needed, builder="conversion_difference_chart", source=source)
    _require_unique(compare, needed[:3], builder="conversion_difference_chart")
    data = _plain(compare, needed)
    steps = [str(s) for s in dict.fromkeys(data["step"].dropna())]
    names = _label_map(steps, labels)
    data["label"] = pd.Series([names.get(s, "–") for s in data["step"]], dtype=object)
    data = _difference_rows(data, [names[s] for s in steps])
    pairs = zip(data["group_a"], data["group_b"], strict=True)
    data["pair_label"] = pd.Series([f"{a} − {b}" for a, b in pairs], dtype=object)
    rows = zip(data["label"], data["pair_label"], strict=True)
    data["row"] = pd.Series([f"{label} · {pair}" for label, pair in rows], dtype=object)
    for column in ("difference", "ci_low", "ci_high"):
        data[f"{column}_pp"] = pd.to_numeric(data[column], errors="coerce") * 100
    p_adjusted = pd.to_numeric(data["p_adjusted"], errors="coerce")
    significant = (p_adjusted < _SIGNIFICANCE).to_numpy(bool)
    data["significant_label"] = np.where(significant, t["yes"], t["no"])
    order = list(dict.fromkeys(data["row"]))
    lines = {
        row: [str(label), pair]
        for row, label, pair in zip(data["row"], data["label"], data["pair_label"], strict=True)
    }
    expr = _lines_expr(lines)
    y = alt.Y(
        "row:N",
        sort=order,
        title=t["step"],
        axis=alt.Axis(labelExpr=expr) if expr else alt.Axis(),
    )
    x_title = t["conversion_difference"]
    colour = alt.Color(
        "significant_label:N",
        title=t["significant_05"],
        scale=alt.Scale(domain=[t["yes"], t["no"]], range=[BLUE, GREY]),
    )
    tips = [
        _tip("label:N", t["step"]),
        _tip("pair_label:N", t["pair"]),
        _tip("difference_pp:Q", t["conversion_difference"], "+.1f"),
        _tip("ci_low_pp:Q", t["ci_low"], "+.1f"),
        _tip("ci_high_pp:Q", t["ci_high"], "+.1f"),
        _tip("p_a:Q", t["conversion_a"], ".1%"),
        _tip("p_b:Q", t["conversion_b"], ".1%"),
        _tip("n_a:Q", f"{t['n']} (a)", ",d"),
        _tip("n_b:Q", f"{t['n']} (b)", ",d"),
        _tip("z:Q", t["z"], ".2f"),
        _tip("p_value:Q", t["p_value"], ".2g"),
        _tip("p_adjusted:Q", t["p_adjusted"], ".2g"),
        _tip("cohens_h:Q", t["cohens_h"], ".2f"),
        _tip("significant_label:N", t["significant_05"]),
    ]
    base = alt.Chart(data).encode(y=y)
    errors = (
        base.transform_filter(_finite("ci_low_pp", "ci_high_pp"))
        .mark_rule(style="mot_errorbar")
        .encode(
            x=alt.X("ci_low_pp:Q", title=x_title), x2="ci_high_pp:Q", color=colour, tooltip=tips
        )
    )
    points = (
        base.transform_filter(_finite("difference_pp"))
        .mark_point(filled=True, opacity=1)
        .encode(x=alt.X("difference_pp:Q", title=x_title), color=colour, tooltip=tips)
    )
    zero = _reference_rule(data, "x", 0, t["no_difference"])
    return (zero + errors + points).properties(width="container", height=alt.Step(52))


def repurchase_chart(
    model: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    text: Mapping[str, str] | None = None,
) -> alt.LayerChart:
    """Forest plot: how much more often top-box raters of each touchpoint buy again.

    One row per touchpoint (journey order): the repurchase rate of the respondents who gave
    the touchpoint a top-box rating minus that of the other raters, in percentage points,
    as a point with its interval, and a line at zero. The logistic reading (odds ratio per
    10 points of utility with its interval, and the slope's p-value) is in the tooltip.

    Parameters
    ----------
    model : DataFrame
        :func:`mot.behaviour.utility_predicts_repurchase` results, one row per touchpoint
        (stack the calls): ``touchpoint, n, n_top_box, repurchased, rate_top_box,
        rate_rest, difference, ci_low, ci_high, p_value, odds_ratio_per_10, slope_ci_low,
        slope_ci_high, slope_p_value``.
    labels : Mapping[str, str], optional
        Touchpoint id → display label; default the id.
    text : Mapping[str, str], optional
        Overrides of the keys ``touchpoint, repurchase_difference, ci_low, ci_high,
        repurchase_top_box, repurchase_rest, n, n_top_box, repurchased, p_value,
        odds_ratio_per_10, slope_p_value, no_difference``.

    Returns
    -------
    alt.LayerChart
        Layers: zero line, error bars, points.

    Raises
    ------
    MotError
        If a column is missing or a touchpoint repeats.
    """
    t = _texts(text)
    needed = ["touchpoint", "n", "n_top_box", "repurchased", "rate_top_box", "rate_rest"]
    needed += ["difference", "ci_low", "ci_high", "p_value", "odds_ratio_per_10"]
    needed += ["slope_ci_low", "slope_ci_high", "slope_p_value"]
    source = "mot.behaviour.utility_predicts_repurchase"
    _require(model, needed, builder="repurchase_chart", source=source)
    _require_unique(model, ["touchpoint"], builder="repurchase_chart")
    data, order = _labelled(model, needed[1:], labels)
    for column in ("difference", "ci_low", "ci_high"):
        data[f"{column}_pp"] = pd.to_numeric(data[column], errors="coerce") * 100
    for column in ("slope_ci_low", "slope_ci_high"):
        data[f"or_{column[6:]}"] = np.exp(pd.to_numeric(data[column], errors="coerce"))
    odds = (
        "isFinite(datum.odds_ratio_per_10) ? format(datum.odds_ratio_per_10, '.2f') + "
        "(isFinite(datum.or_ci_low) && isFinite(datum.or_ci_high) ? ' (' + "
        "format(datum.or_ci_low, '.2f') + ' – ' + format(datum.or_ci_high, '.2f') + ')' : '')"
        " : '–'"
    )
    tips = [
        _tip("label:N", t["touchpoint"]),
        _tip("difference_pp:Q", t["repurchase_difference"], "+.1f"),
        _tip("ci_low_pp:Q", t["ci_low"], "+.1f"),
        _tip("ci_high_pp:Q", t["ci_high"], "+.1f"),
        _tip("rate_top_box:Q", t["repurchase_top_box"], ".1%"),
        _tip("rate_rest:Q", t["repurchase_rest"], ".1%"),
        _tip("p_value:Q", t["p_value"], ".2g"),
        _tip("odds_text:N", t["odds_ratio_per_10"]),
        _tip("slope_p_value:Q", t["slope_p_value"], ".2g"),
        _tip("n:Q", t["n"], ",d"),
        _tip("n_top_box:Q", t["n_top_box"], ",d"),
        _tip("repurchased:Q", t["repurchased"], ",d"),
    ]
    x_title = t["repurchase_difference"]
    base = (
        alt.Chart(data).transform_calculate(odds_text=odds).encode(y=_tp_y(order, t["touchpoint"]))
    )
    errors = (
        base.transform_filter(_finite("ci_low_pp", "ci_high_pp"))
        .mark_rule(style="mot_errorbar", color=BLUE)
        .encode(x=alt.X("ci_low_pp:Q", title=x_title), x2="ci_high_pp:Q", tooltip=tips)
    )
    points = (
        base.transform_filter(_finite("difference_pp"))
        .mark_point(filled=True, opacity=1, color=BLUE)
        .encode(x=alt.X("difference_pp:Q", title=x_title), tooltip=tips)
    )
    zero = _reference_rule(data, "x", 0, t["no_difference"])
    return (zero + errors + points).properties(width="container", height=alt.Step(40))
