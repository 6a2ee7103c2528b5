"""The look of every chart: the Okabe–Ito palette and semantic colours, the registered themes.

:func:`register_themes` registers ``"mot"`` and ``"mot_large"`` (type ×1.6, legends over two
columns, for projectors) and :func:`use_theme` enables one; :func:`on_dark` recolours a
finished spec for the dark theme (ink, grid, halos), so that the builders stay theme-free.
"""

from __future__ import annotations

import altair as alt

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
                # one touchpoint singled out (the presenter view): a ring around its point
                "mot_highlight": {"size": area(480), "strokeWidth": px(3)},
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


def themed_spec(chart: alt.TopLevelMixin, *, large: bool = False) -> dict:
    """Return the Vega-Lite spec of ``chart`` in the house theme, whatever theme is enabled.

    The spec's configuration is the theme's (``"mot"``, or ``"mot_large"`` when ``large``)
    with the chart's own configuration (a locale from :func:`mot.charts.localised`) over it,
    in place of what the theme enabled process-wide gave. Nothing global changes, so a library
    export (:mod:`mot.deck`) can serialise a chart from any thread, beside the dashboard's
    sessions and their :func:`use_theme`.

    Parameters
    ----------
    chart : alt.Chart or a layered / concatenated chart
        A finished chart.
    large : bool, default False
        The large-type projector theme.

    Returns
    -------
    dict
        The spec, as ``chart.to_dict()`` gives it.

    Examples
    --------
    >>> chart = alt.Chart(alt.Data(values=[{"x": 1}])).mark_point().encode(x="x:Q")
    >>> themed_spec(chart)["config"]["title"]["fontSize"], THEME
    (16.0, 'mot')
    """
    spec = chart.to_dict()
    own = {} if alt.utils.is_undefined(chart.config) else chart.config.to_dict()
    config = _theme_config(LARGE_SCALE if large else 1.0)["config"]
    spec["config"] = _merged(dict(config), own)
    return spec


def _merged(base: dict, over: dict) -> dict:
    """``base`` updated by ``over``, nested mappings merged key by key."""
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged


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
