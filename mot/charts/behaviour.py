"""Charts of the Behaviour page: the tables of :mod:`mot.behaviour` (event logs).

Funnels, time between touchpoints, trends, conversion differences and repurchase. Funnel
steps may be touchpoint ids or raw event names: ``labels`` maps the ones it knows, the
others are shown as they are.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence

import altair as alt
import numpy as np
import pandas as pd

from mot.charts._base import (
    SEGMENT,
    TITLE_LIMIT,
    all_finite,
    inner_y_axis,
    label_map,
    merged_text,
    panel_title,
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
from mot.charts.theme import BLUE, GREEN, GREY, INK, LIGHT_GREY, PALETTE, SKY, VERMILLION
from mot.errors import MotError
from mot.messages import Message

MAX_TREND_ROWS = 5000
"""Most rows (periods × series) a trend chart draws: Altair's own limit for inline data."""


_INNER_AXIS_ROOM = 60  # pixels: an inner y axis's labels ("12,000") in large type too


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
    data, names = with_labels(frame, [c for c in columns if c != "position"], labels, order)
    return data.rename(columns={"touchpoint": "step"}), names


def _funnel_tips(t: Mapping[str, str], by: str | None, opened: bool) -> list:
    tips = [tip("label:N", t["step"])]
    if by:
        tips.append(tip(f"{SEGMENT}:N", segment_heading(t, by)))
    tips += [
        tip("users:Q", t["users"], ",d"),
        tip("conversion_from_previous:Q", t["conversion_from_previous"], ".1%"),
        tip("conversion_from_start:Q", t["conversion_from_start"], ".1%"),
        tip("ci_low:Q", t["ci_low"], ".1%"),
        tip("ci_high:Q", t["ci_high"], ".1%"),
        tip("drop_off:Q", t["drop_off"], ",d"),
    ]
    if opened:
        tips.append(tip("open_users:Q", t["reached_any_order"], ",d"))
    return tips


def _open_funnel_rows(
    open_funnel: pd.DataFrame, by: str | None, steps: Sequence[str]
) -> pd.DataFrame:
    """Users of the open funnel per step (and segment), to merge onto the ordered funnel."""
    keys = ["step", *([by] if by else [])]
    require(
        open_funnel,
        [*keys, "position", "users"],
        builder="funnel_chart (open_funnel)",
        source="mot.behaviour.open_funnel",
    )
    require_unique(open_funnel, keys, builder="funnel_chart (open_funnel)")
    rows = plain(open_funnel, [*keys, "users"]).rename(columns={"users": "open_users"})
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
    t = merged_text(text)
    segment = [by] if by else []
    require(funnel, [*_FUNNEL_NEEDED, *segment], builder="funnel_chart", source=_FUNNEL_SOURCE)
    require_unique(funnel, [*segment, "step"], builder="funnel_chart")
    data, order = _step_data(funnel, [*_FUNNEL_NEEDED[1:], *segment], labels)
    opened = open_funnel is not None
    if opened:
        rows = _open_funnel_rows(open_funnel, by, list(data["step"]))
        data = data.merge(rows, on=["step", *segment], how="left")
    data = data.rename(columns={by: SEGMENT}) if by else data
    segments = segment_order(funnel, by) if by else []
    in_order, any_order = t["reached_in_order"], t["reached_any_order"]
    data["series"] = data[SEGMENT] if by else in_order
    data["open_series"] = any_order
    extra = [(any_order, LIGHT_GREY)] if opened else []
    scale = _segment_colours(segments or [in_order], extra)
    legend = alt.Legend(title=segment_heading(t, by) if by else None)
    colour = alt.Color("series:N", scale=scale, legend=legend)
    if not by and not opened:
        colour = alt.value(BLUE)
    offset = {"yOffset": alt.YOffset(f"{SEGMENT}:N", sort=segments)} if by else {}
    # Room right of the longest bar for its label.
    counts = data[["users", "open_users"] if opened else ["users"]]
    top = float(counts.apply(pd.to_numeric, errors="coerce").max().max())
    domain = {"domain": [0, top * 1.12], "nice": True} if top > 0 else {}
    x_scale = alt.Scale(**domain)
    axis = alt.Axis(format=",~r", tickCount=5)
    x = alt.X("users:Q", title=t["users"], scale=x_scale, axis=axis)
    base = alt.Chart(data).encode(y=tp_y(order, t["step"]), **offset)
    tips = _funnel_tips(t, by, opened)
    bars = base.mark_bar().encode(x=x, color=colour, tooltip=tips)
    values = (
        base.transform_filter(all_finite("conversion_from_start"))
        .mark_text(style="mot_value_label", align="left", dx=4)
        .encode(x=x, text=alt.Text("conversion_from_start:Q", format=".0%"), tooltip=tips)
    )
    layers = [bars, values]
    if opened:
        open_tips = [tips[0], *(tips[1:2] if by else []), tip("open_users:Q", any_order, ",d")]
        open_tips.append(tip("users:Q", in_order, ",d"))
        behind = (
            base.transform_filter(all_finite("open_users"))
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
    t = merged_text(text)
    needed = ["from_touchpoint", "to_touchpoint", "users", "median_hours", "q1_hours"]
    needed.append("q3_hours")
    source = "mot.behaviour.time_between"
    require(table, needed, builder="time_between_chart", source=source)
    require_unique(table, needed[:2], builder="time_between_chart")
    data = plain(table, needed)
    pairs = list(zip(data["from_touchpoint"], data["to_touchpoint"], strict=True))
    names = label_map([i for i in dict.fromkeys(v for p in pairs for v in p) if i], labels)
    for column, k in (("from_label", 0), ("to_label", 1)):
        data[column] = pd.Series([names.get(p[k], "–") for p in pairs], dtype=object)
    joined = zip(data["from_label"], data["to_label"], strict=True)
    data["label"] = pd.Series([f"{a} → {b}" for a, b in joined], dtype=object)
    order = list(dict.fromkeys(data["label"]))
    lines = {
        label: [f"{a} →", b] if len(label) > 2 * TITLE_LIMIT else [label]
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
        tip("label:N", t["from_to"]),
        tip("users:Q", t["users_both"], ",d"),
        tip("median_text:N", t["median_time"]),
        tip("iqr_text:N", t["middle_half"]),
    ]
    base = (
        alt.Chart(data)
        .transform_calculate(
            median_text=_hours_expr("median_hours", t),
            iqr_text=f"({_hours_expr('q1_hours', t)}) + ' – ' + ({_hours_expr('q3_hours', t)})",
        )
        .encode(y=y)
    )
    finite = base.transform_filter(all_finite("q1_plot", "q3_plot", "median_plot"))
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
        base.transform_filter(f"!({all_finite('median_plot')})")
        .transform_calculate(note=json.dumps(t["no_users"], ensure_ascii=False))
        .mark_text(style="mot_corner", align="left", dx=4)
        .encode(
            x=alt.X("note_x:Q", title=x_title, scale=scale, axis=axis),
            text="note:N",
            tooltip=[tip("label:N", t["from_to"]), tip("users:Q", t["users_both"], ",d")],
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
    t = merged_text(text)
    needed = ["period_start", "touchpoint", "users", "events", "baseline", "dip", "spike"]
    require(trend, needed, builder="behaviour_trend_chart", source="mot.behaviour.trend")
    if len(trend) > MAX_TREND_ROWS:
        series = trend["touchpoint"].nunique()
        message = Message("charts.trend_points", n=len(trend), series=series, limit=MAX_TREND_ROWS)
        raise MotError(message)
    require_unique(trend, ["touchpoint", "period_start"], builder="behaviour_trend_chart")
    data, order = with_labels(trend, [c for c in needed if c != "touchpoint"], labels)
    data["period_start"] = pd.to_datetime(data["period_start"])
    data["flag"] = _trend_flags(data, t)
    data["users_series"] = t["users"]
    data["baseline_series"] = t["baseline"]
    names = [t["users"], t["baseline"], t["dip"], t["spike"]]
    colours = alt.Scale(domain=names, range=[BLUE, GREY, VERMILLION, GREEN])
    legend = alt.Legend(title=None)
    tips = [
        tip("label:N", t["touchpoint"]),
        tip("period_start:T", t["period_start"], "%d %b %Y"),
        tip("users:Q", t["users"], ",d"),
        tip("events:Q", t["events"], ",d"),
        tip("baseline:Q", t["baseline"], ",.1f"),
        tip("flag:N", t["unusual"]),
    ]
    axis = inner_y_axis()
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
        titled = {"title": panel_title(label)} if label is not None else {}
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
    t = merged_text(text)
    needed = ["step", "group_a", "group_b", "n_a", "n_b", "p_a", "p_b", "difference"]
    needed += ["ci_low", "ci_high", "z", "p_value", "cohens_h", "p_adjusted"]
    source = "mot.behaviour.compare_conversion"
    require(compare, needed, builder="conversion_difference_chart", source=source)
    require_unique(compare, needed[:3], builder="conversion_difference_chart")
    data = plain(compare, needed)
    steps = [str(s) for s in dict.fromkeys(data["step"].dropna())]
    names = label_map(steps, labels)
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
        tip("label:N", t["step"]),
        tip("pair_label:N", t["pair"]),
        tip("difference_pp:Q", t["conversion_difference"], "+.1f"),
        tip("ci_low_pp:Q", t["ci_low"], "+.1f"),
        tip("ci_high_pp:Q", t["ci_high"], "+.1f"),
        tip("p_a:Q", t["conversion_a"], ".1%"),
        tip("p_b:Q", t["conversion_b"], ".1%"),
        tip("n_a:Q", f"{t['n']} (a)", ",d"),
        tip("n_b:Q", f"{t['n']} (b)", ",d"),
        tip("z:Q", t["z"], ".2f"),
        tip("p_value:Q", t["p_value"], ".2g"),
        tip("p_adjusted:Q", t["p_adjusted"], ".2g"),
        tip("cohens_h:Q", t["cohens_h"], ".2f"),
        tip("significant_label:N", t["significant_05"]),
    ]
    base = alt.Chart(data).encode(y=y)
    errors = (
        base.transform_filter(all_finite("ci_low_pp", "ci_high_pp"))
        .mark_rule(style="mot_errorbar")
        .encode(
            x=alt.X("ci_low_pp:Q", title=x_title), x2="ci_high_pp:Q", color=colour, tooltip=tips
        )
    )
    points = (
        base.transform_filter(all_finite("difference_pp"))
        .mark_point(filled=True, opacity=1)
        .encode(x=alt.X("difference_pp:Q", title=x_title), color=colour, tooltip=tips)
    )
    zero = reference_rule(data, "x", 0, t["no_difference"])
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
    t = merged_text(text)
    needed = ["touchpoint", "n", "n_top_box", "repurchased", "rate_top_box", "rate_rest"]
    needed += ["difference", "ci_low", "ci_high", "p_value", "odds_ratio_per_10"]
    needed += ["slope_ci_low", "slope_ci_high", "slope_p_value"]
    source = "mot.behaviour.utility_predicts_repurchase"
    require(model, needed, builder="repurchase_chart", source=source)
    require_unique(model, ["touchpoint"], builder="repurchase_chart")
    data, order = with_labels(model, needed[1:], labels)
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
        tip("label:N", t["touchpoint"]),
        tip("difference_pp:Q", t["repurchase_difference"], "+.1f"),
        tip("ci_low_pp:Q", t["ci_low"], "+.1f"),
        tip("ci_high_pp:Q", t["ci_high"], "+.1f"),
        tip("rate_top_box:Q", t["repurchase_top_box"], ".1%"),
        tip("rate_rest:Q", t["repurchase_rest"], ".1%"),
        tip("p_value:Q", t["p_value"], ".2g"),
        tip("odds_text:N", t["odds_ratio_per_10"]),
        tip("slope_p_value:Q", t["slope_p_value"], ".2g"),
        tip("n:Q", t["n"], ",d"),
        tip("n_top_box:Q", t["n_top_box"], ",d"),
        tip("repurchased:Q", t["repurchased"], ",d"),
    ]
    x_title = t["repurchase_difference"]
    base = (
        alt.Chart(data).transform_calculate(odds_text=odds).encode(y=tp_y(order, t["touchpoint"]))
    )
    errors = (
        base.transform_filter(all_finite("ci_low_pp", "ci_high_pp"))
        .mark_rule(style="mot_errorbar", color=BLUE)
        .encode(x=alt.X("ci_low_pp:Q", title=x_title), x2="ci_high_pp:Q", tooltip=tips)
    )
    points = (
        base.transform_filter(all_finite("difference_pp"))
        .mark_point(filled=True, opacity=1, color=BLUE)
        .encode(x=alt.X("difference_pp:Q", title=x_title), tooltip=tips)
    )
    zero = reference_rule(data, "x", 0, t["no_difference"])
    return (zero + errors + points).properties(width="container", height=alt.Step(40))
